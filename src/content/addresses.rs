//! The address each page takes on the site (`roles/x/`, `guides/setup/`), from its path under
//! `content/` and its front matter's `slug:`: what `gen new` reads so that it never makes a
//! second page at an address already taken.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{ROLES_DIR, file_stem, is_role_path};

/// The address of the page at `content_path` (`plan/x.md`), given its `slug:` if it has one.
pub fn address_of(content_path: &str, slug: Option<&str>) -> String {
    if is_role_path(content_path) {
        return format!("{ROLES_DIR}/{}/", slug.unwrap_or(file_stem(content_path)));
    }
    format!("{}/", guide_segments(content_path, slug).join("/"))
}

/// The folders of a guide's address, then its name (none for an `index.md`).
pub(super) fn guide_segments<'a>(content_path: &'a str, slug: Option<&'a str>) -> Vec<&'a str> {
    let without_ext = content_path.strip_suffix(".md").unwrap_or(content_path);
    let (folder, stem) = match without_ext.rsplit_once('/') {
        Some((folder, stem)) => (Some(folder), stem),
        None => (None, without_ext),
    };
    let name = slug.unwrap_or(stem);
    let mut segments: Vec<&str> = folder.map(|f| f.split('/').collect()).unwrap_or_default();
    if name != "index" {
        segments.push(name);
    }
    segments
}

#[derive(serde::Deserialize)]
struct SlugOnly {
    slug: Option<String>,
}

/// Every page under `content/` by the address it takes, with its file (from the site root).
/// Read leniently, so a site with errors elsewhere still answers: a page whose front matter
/// does not parse takes the address of its file name. Drafts count: they take their address
/// once published.
pub fn taken(root: &Path) -> BTreeMap<String, PathBuf> {
    let (mut problems, mut skipped) = (Default::default(), Vec::new());
    let mut taken = BTreeMap::new();
    for (relative, content_path) in super::find_pages(root, &mut problems, &mut skipped) {
        let slug = super::read_page(&root.join(&relative))
            .ok()
            .and_then(|bytes| {
                super::SourceFile::decode(&relative, content_path.clone(), bytes).ok()
            })
            .and_then(|source| slug_of(&source));
        taken
            .entry(address_of(&content_path, slug.as_deref()))
            .or_insert(relative);
    }
    taken
}

fn slug_of(source: &super::SourceFile) -> Option<String> {
    let split = super::front_matter::split(&source.text).ok()?;
    crate::yaml::parse::<SlugOnly>(split.yaml, &source.file, &source.text)
        .ok()?
        .slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn briefs_in_both_folders_share_the_roles_address() {
        for (path, slug, address) in [
            ("roles/x.md", None, "roles/x/"),
            ("plan/x.md", None, "roles/x/"),
            ("plan/y.md", Some("x"), "roles/x/"),
            ("guides/setup.md", None, "guides/setup/"),
            ("guides/setup/index.md", None, "guides/setup/"),
            ("guides/a.md", Some("b"), "guides/b/"),
            ("roles/team/lead.md", None, "roles/team/lead/"),
        ] {
            assert_eq!(address_of(path, slug), address, "{path} {slug:?}");
        }
    }
}
