//! `gen export <target>`: the playbook in the formats the wikis companies run import:
//! Confluence's storage format, MkDocs sources for Backstage TechDocs, and one Word
//! document. Each is made from the same pages (`page::pages`) and written as files only.

pub mod confluence;
pub mod page;
pub mod techdocs;

use crate::config::Config;
use crate::markdown::LinkIndex;
use crate::render::views::Views;

/// What `gen export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Confluence,
    Techdocs,
    Docx,
}

/// One file of an export: its path inside the export folder (`/`-separated) and bytes.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl ExportFile {
    pub fn text(path: impl Into<String>, text: String) -> Self {
        ExportFile {
            path: path.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// The files of the export `target` of the site `views` shows; `attachments` are the
/// site's images and stylesheets (path, bytes), which Confluence takes as attachments.
pub fn export(
    views: &Views,
    links: &LinkIndex,
    target: Target,
    attachments: Vec<ExportFile>,
) -> Result<Vec<ExportFile>, String> {
    let pages = page::pages(views)?;
    let site = SiteAddresses {
        config: views.config,
        links,
    };
    Ok(match target {
        Target::Techdocs => techdocs::export(&site, &pages),
        Target::Confluence => confluence::export(&site, &pages, attachments),
        Target::Docx => vec![ExportFile {
            path: "playbook.docx".into(),
            bytes: crate::render::docx::playbook(views)?,
        }],
    })
}

/// Where the published site has a page, for links to pages an export leaves out (a
/// capability's page): only when `base_url` is a full address, else nowhere.
pub struct SiteAddresses<'a> {
    pub config: &'a Config,
    pub links: &'a LinkIndex,
}

impl SiteAddresses<'_> {
    pub fn address(&self, content_path: &str) -> Option<String> {
        let base = &self.config.base_url;
        let after_scheme = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"))?;
        let origin_len =
            base.len() - after_scheme.len() + after_scheme.find('/').unwrap_or(after_scheme.len());
        let url = self.links.url(content_path)?;
        Some(format!("{}{url}", &base[..origin_len]))
    }
}

/// The path from the file of page `from` to the file of page `to` (keys such as
/// `plan/claims-lead`, files `<key>.<extension>`): `../roles/head-of-ai.md`.
pub fn relative_file(from: &str, to: &str, extension: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dirs.len() - common];
    parts.extend(&to_parts[common..]);
    format!("{}.{extension}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::relative_file;

    #[test]
    fn files_are_found_from_each_other() {
        assert_eq!(relative_file("plan/a", "roles/b", "md"), "../roles/b.md");
        assert_eq!(relative_file("plan/a", "plan/c", "md"), "c.md");
        assert_eq!(relative_file("index", "roles/b", "md"), "roles/b.md");
        assert_eq!(relative_file("roles/b", "index", "md"), "../index.md");
    }
}
