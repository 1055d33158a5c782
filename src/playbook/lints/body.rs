//! The lints of a page's body: headings with nothing under them.

use super::*;

/// Headings with nothing under them on one page.
pub(super) fn empty_sections(
    config: &Config,
    role: Option<&Role>,
    source: &SourceFile,
    body_offset: usize,
    markdown: &MarkdownCache,
) -> Vec<Diagnostic> {
    let Some(md) = markdown.get(&source.content_path) else {
        return Vec::new();
    };
    md.empty_sections
        .iter()
        .filter_map(|(offset, title)| {
            let at = crate::markdown::file_position(&source.text, body_offset, *offset);
            let d = source.diagnostic(at, format!("empty section \"{title}\""));
            finding(config, role, "empty-section", d)
        })
        .collect()
}
