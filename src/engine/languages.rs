//! A site with languages (`languages:` in site.yaml): besides the pages of its own language
//! at the root, one tree per language under `/<code>/`, made from the translations
//! (`content::translation`). Each tree has its own addresses, bodies, search index and
//! lint findings; every page knows the trees' pages (`render::languages::LanguageMap`)
//! for its switcher and `hreflang` alternates.

use crate::config::Config;
use crate::config::languages::Language;
use crate::content::{Content, translation};
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Html, LinkIndex, MarkdownCache};
use crate::playbook::lints;
use crate::render::languages::{LanguageMap, Tree};
use crate::render::views::Views;
use crate::render::{self, PageKey};

/// One language's pages, ready to lay out.
pub struct LanguageTree {
    pub code: String,
    /// The site's config as the tree sees it: its address under `/<code>/`, its title.
    pub config: Config,
    /// Its translated pages (`translation::localize`).
    pub content: Content,
    /// Its pages' addresses, and those of the pages it does not translate at the root.
    pub links: LinkIndex,
    /// Its bodies, over the root's (for the anchors of the pages it links to).
    pub markdown: MarkdownCache,
    /// What the lints found in its translations (`lints::translated`), waived ones too.
    pub findings: Vec<Diagnostic>,
}

/// `config` as language `language`'s tree sees it.
pub fn tree_config(config: &Config, language: &Language) -> Config {
    let mut tree = config.clone();
    tree.base_url = format!("{}{}/", config.base_url(), language.code());
    if let Some(title) = &language.title {
        tree.title = title.clone();
    }
    if let Some(description) = &language.description {
        tree.description = description.clone();
    }
    tree
}

/// Every language's tree of `content`. `links` and `markdown` are the root's; `html` says
/// how to render bodies (`None`: scan them only, for a streamed build that renders each
/// body as its page is written).
pub fn prepare(
    config: &Config,
    content: &Content,
    links: &LinkIndex,
    markdown: &MarkdownCache,
    html: Option<Html>,
) -> Vec<LanguageTree> {
    config
        .languages
        .iter()
        .map(|language| {
            let tree_config = tree_config(config, language);
            let tree_content = translation::localize(content, language.code());
            let mut tree_links = markdown::link_index(&tree_config, &tree_content);
            tree_links.fall_back_to(links);
            let bodies = match &html {
                Some(html) => markdown::render_markdown(
                    &tree_content,
                    &tree_links,
                    None,
                    Html {
                        raw_html: html.raw_html,
                        highlighter: html.highlighter,
                        limits: html.limits,
                    },
                ),
                None => markdown::scan_markdown(&tree_content, &tree_links),
            };
            let mut tree_markdown = markdown.clone();
            tree_markdown.extend(bodies);
            let findings = lints::translated::check_translations(
                &tree_config,
                &tree_content,
                &tree_markdown,
                &tree_links,
            );
            LanguageTree {
                code: language.code().to_string(),
                config: tree_config,
                content: tree_content,
                links: tree_links,
                markdown: tree_markdown,
                findings,
            }
        })
        .collect()
}

/// The lint findings of every language's translations (for `gen check`), waived ones too.
pub fn lint(config: &Config, content: &Content) -> Vec<Diagnostic> {
    if config.languages.is_empty() {
        return Vec::new();
    }
    let links = markdown::link_index(config, content);
    let markdown: MarkdownCache = markdown::scan_markdown(content, &links)
        .into_iter()
        .collect();
    prepare(config, content, &links, &markdown, None)
        .into_iter()
        .flat_map(|tree| tree.findings)
        .collect()
}

/// The pages of every tree, the root's first; `None` on a site without languages.
pub fn map(config: &Config, content: &Content, trees: &[LanguageTree]) -> Option<LanguageMap> {
    if trees.is_empty() {
        return None;
    }
    let root = Views::new(config, content);
    let own = config.default_language();
    let mut map = LanguageMap {
        trees: vec![Tree::of(&root, own, config.language_name(own), "")],
    };
    for tree in trees {
        let views = Views::new(&tree.config, &tree.content);
        map.trees.push(Tree::of(
            &views,
            &tree.code,
            config.language_name(&tree.code),
            &format!("{}/", tree.code),
        ));
    }
    Some(map)
}

/// The pages a language's tree lays out: all its content makes, but the sitemap (the root's
/// lists every tree) and the 404 page (a host serves one).
pub fn tree_pages(content: &Content) -> Vec<PageKey> {
    render::all_pages(content)
        .into_iter()
        .filter(|key| !matches!(key, PageKey::Sitemap | PageKey::NotFound))
        .collect()
}
