//! The site's language trees side by side: which pages each has, so every page can name
//! its translations (`<link rel="alternate" hreflang>`, the sitemap's `xhtml:link`) and
//! the language switcher can keep the reader on the same page, or take them to the
//! language's home page when the page is not translated.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::render::pages::{all_pages, page_paths};
use crate::render::views::Views;

/// One language's tree of pages.
#[derive(Debug, Clone)]
pub struct Tree {
    /// BCP 47 code (`en`, `de`).
    pub code: String,
    /// The language's name in itself, for the switcher.
    pub name: String,
    /// Where the tree is below the site root: `` for the site's own language, `de/`.
    pub prefix: String,
    /// Every internal address of the tree starts with this (`/de/`, `/playbook/de/`).
    pub base_path: String,
    /// The tree's absolute address, when `base_url` names a host; its path otherwise.
    pub base_url: String,
    /// The tree's HTML pages, by path below the tree (`roles/caio/`, `` for its home).
    pub pages: BTreeSet<String>,
}

/// Every tree of a site with languages, the site's own language first.
#[derive(Debug, Clone, Default)]
pub struct LanguageMap {
    pub trees: Vec<Tree>,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct SwitchLink {
    pub code: String,
    pub name: String,
    pub url: String,
    /// The language of the page shown.
    pub current: bool,
    /// Whether the page has a version in this language (else `url` is its home page).
    pub translated: bool,
}

/// One `<link rel="alternate" hreflang>`: a version of the page, or `x-default`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

impl Tree {
    /// The tree of the pages `views` lay out, named `code`, at `prefix` below the root.
    pub fn of(views: &Views, code: &str, name: &str, prefix: &str) -> Tree {
        let pages = all_pages(views.content)
            .iter()
            .flat_map(|key| page_paths(views, key))
            .collect();
        // Absolute where the host is known, as search engines read alternates; a site with
        // relative links is opened from disk or a share, where only its own paths work.
        let base_url = if crate::config::address::names_host(&views.base_url)
            && !views.config.relative_links
        {
            views.base_url.clone()
        } else {
            views.base_path.clone()
        };
        Tree {
            code: code.to_string(),
            name: name.to_string(),
            prefix: prefix.to_string(),
            base_path: views.base_path.clone(),
            base_url,
            pages,
        }
    }
}

impl LanguageMap {
    /// The switcher of the page at `page` (below its tree) of tree `current`.
    pub fn switcher(&self, current: usize, page: &str) -> Vec<SwitchLink> {
        self.trees
            .iter()
            .enumerate()
            .map(|(i, tree)| {
                let translated = tree.pages.contains(page);
                SwitchLink {
                    code: tree.code.clone(),
                    name: tree.name.clone(),
                    url: if translated {
                        format!("{}{page}", tree.base_path)
                    } else {
                        tree.base_path.clone()
                    },
                    current: i == current,
                    translated,
                }
            })
            .collect()
    }

    /// The versions of the page at `page` (below its tree), when it has more than one:
    /// each language's, then `x-default` (the site's own language's).
    pub fn alternates(&self, page: &str) -> Vec<Alternate> {
        let versions: Vec<&Tree> = self
            .trees
            .iter()
            .filter(|t| t.pages.contains(page))
            .collect();
        if versions.len() < 2 {
            return Vec::new();
        }
        let mut alternates: Vec<Alternate> = versions
            .iter()
            .map(|t| Alternate {
                hreflang: t.code.clone(),
                href: format!("{}{page}", t.base_url),
            })
            .collect();
        if let Some(default) = self.trees.first().filter(|t| t.pages.contains(page)) {
            alternates.push(Alternate {
                hreflang: "x-default".to_string(),
                href: format!("{}{page}", default.base_url),
            });
        }
        alternates
    }

    /// Whether the trees hold the same pages as `other`'s (what switchers and alternates
    /// show depends on nothing else).
    pub fn same_pages(&self, other: &LanguageMap) -> bool {
        self.trees.len() == other.trees.len()
            && self
                .trees
                .iter()
                .zip(&other.trees)
                .all(|(a, b)| a.code == b.code && a.pages == b.pages)
    }
}

/// One language's untranslated pages, for the health page.
#[derive(Debug, Clone, Serialize)]
pub struct MissingView {
    pub code: String,
    pub name: String,
    /// The language the untranslated pages are in (the site's own), for their links' `lang`.
    pub source_lang: String,
    pub pages: Vec<crate::render::views::Link>,
}

/// For each language of `config`, the briefs and guides of `content` (the site's own
/// language's) with no translation into it, linked at the root (`base_path`).
pub fn missing_translations(
    config: &crate::config::Config,
    content: &crate::content::Content,
    base_path: &str,
) -> Vec<MissingView> {
    use crate::render::views::{Link, role_path};
    crate::content::translation::missing(content, config)
        .into_iter()
        .map(|(code, paths)| MissingView {
            name: config.language_name(&code).to_string(),
            source_lang: config.default_language().to_string(),
            pages: paths
                .iter()
                .filter_map(|path| {
                    if let Some(role) = content
                        .roles
                        .iter()
                        .find(|r| &r.source.content_path == path)
                    {
                        return Some(Link {
                            title: role.title().to_string(),
                            url: format!("{base_path}{}", role_path(&role.slug)),
                        });
                    }
                    let guide = content
                        .guides
                        .iter()
                        .find(|g| &g.source.content_path == path)?;
                    Some(Link {
                        title: guide.title().to_string(),
                        url: format!("{base_path}{}", guide.path),
                    })
                })
                .collect(),
            code,
        })
        .collect()
}

/// The sitemap of a site with languages: every tree's pages, the site's own language's
/// first, each with its versions (empty for a page in one language only).
pub fn sitemap(map: &LanguageMap) -> (Vec<String>, Vec<Vec<Alternate>>) {
    map.trees
        .iter()
        .flat_map(|tree| {
            tree.pages
                .iter()
                .map(move |page| (format!("{}{page}", tree.base_url), map.alternates(page)))
        })
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(code: &str, prefix: &str, pages: &[&str]) -> Tree {
        Tree {
            code: code.into(),
            name: code.into(),
            prefix: prefix.into(),
            base_path: format!("/{prefix}"),
            base_url: format!("https://wiki.example.com/{prefix}"),
            pages: pages.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn alternates_are_reciprocal_and_switchers_fall_back_to_the_home_page() {
        let map = LanguageMap {
            trees: vec![
                tree("en", "", &["", "roles/a/", "roles/b/"]),
                tree("de", "de/", &["", "roles/a/"]),
            ],
        };
        let a = map.alternates("roles/a/");
        let hreflangs: Vec<&str> = a.iter().map(|x| x.hreflang.as_str()).collect();
        assert_eq!(hreflangs, ["en", "de", "x-default"]);
        assert_eq!(a[1].href, "https://wiki.example.com/de/roles/a/");
        assert!(map.alternates("roles/b/").is_empty(), "untranslated");
        let switch = map.switcher(0, "roles/b/");
        assert_eq!(switch[1].url, "/de/");
        assert!(!switch[1].translated && switch[0].current);
        assert_eq!(map.switcher(1, "roles/a/")[0].url, "/roles/a/");
    }
}
