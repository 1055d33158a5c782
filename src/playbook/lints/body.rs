//! The lints of a page's body: headings with nothing under them, and responsibilities that
//! reach into too many areas of work.

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
            let at = source.position_in_body(body_offset, *offset);
            let d = source.diagnostic(at, format!("empty section \"{title}\""));
            finding(config, role, "empty-section", d)
        })
        .collect()
}

/// Code blocks of one page shown as plain text because they pass the highlighting budget
/// (`limits:` in site.yaml): warnings, not lints, at each block's fence.
pub(super) fn code_over_budget(
    config: &Config,
    source: &SourceFile,
    body_offset: usize,
    markdown: &MarkdownCache,
) -> Vec<Diagnostic> {
    let Some(md) = markdown.get(&source.content_path) else {
        return Vec::new();
    };
    crate::markdown::highlight::over_budget(&md.code_blocks, config.limits)
        .into_iter()
        .map(|(block, over)| {
            let at = source.position_in_body(body_offset, block.offset);
            let (message, help) = over.explain();
            // No snippet: the line under the fence may be the long line itself.
            let mut warning = Diagnostic::new(&source.file, at, message).with_help(help);
            warning.severity = Severity::Warning;
            warning
        })
        .collect()
}

/// A brief whose responsibilities (the bullets under "Responsibilities", "What you'll do"…)
/// reach into more areas of work than the limit: the job ad bundles several jobs.
pub(super) fn bundled_responsibilities(
    config: &Config,
    role: &Role,
    body_offset: usize,
    markdown: &MarkdownCache,
) -> Option<Diagnostic> {
    use crate::playbook::breadth::{areas, describe, responsibilities};
    let md = markdown.get(&role.source.content_path)?;
    let body = role.body().ok()?;
    let (heading, bullets) = responsibilities(&body, &md.list_items, &md.toc)?;
    let hits = areas(config.area_index(), bullets.iter().map(String::as_str));
    let limit = config.lint_limits.max_areas;
    if hits.len() <= limit {
        return None;
    }
    let title = &md.toc[heading].title;
    let offset = md
        .list_items
        .iter()
        .find(|item| item.heading == Some(heading))
        .map_or(0, |item| item.range.start);
    let at = role.source.position_in_body(body_offset, offset);
    let d = role
        .source
        .diagnostic(
            at,
            format!(
                "bundled role: the responsibilities under \"{title}\" span {} areas of work: {}; the limit is {limit}",
                hits.len(),
                describe(&hits)
            ),
        )
        .with_help("cut the responsibilities to the areas this role leads, and write the others into the briefs that own them");
    finding(config, Some(role), "bundled-role", d)
}
