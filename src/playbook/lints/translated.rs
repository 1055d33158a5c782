//! The lints of a language's pages (`content::translation`). A translation is judged on
//! what it writes, and only by the lints that read no English words: its structure is its
//! source's, already judged there, and the word lists of `vague-outcome`, `title-archetype`
//! and the like are English, so they would flag good German briefs.

use std::collections::BTreeSet;
use std::path::Path;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostic::Diagnostic;
use crate::markdown::{LinkIndex, MarkdownCache};

/// Lints that decide by English words or phrases: not run on translations.
pub const ENGLISH_ONLY: [&str; 9] = [
    "vague-outcome",
    "activity-outcome",
    "bundled-role",
    "tool-soup",
    "impossible-experience",
    "trivia-probe",
    "missing-dosage",
    "title-archetype",
    "unsettled-reporting",
];

/// The findings (waived ones too) of the lints that apply to a language's pages, on the
/// values and bodies its translations write. `content` is the language's pages
/// (`translation::localize`); `markdown` and `links` hold its bodies and addresses, and
/// those of the pages it links to in the site's own language.
pub fn check_translations(
    config: &Config,
    content: &Content,
    markdown: &MarkdownCache,
    links: &LinkIndex,
) -> Vec<Diagnostic> {
    let files: BTreeSet<&Path> = content
        .roles
        .iter()
        .map(|r| r.source.file.as_path())
        .chain(content.guides.iter().map(|g| g.source.file.as_path()))
        .collect();
    let mut found: Vec<Diagnostic> = content
        .roles
        .iter()
        .flat_map(|role| super::check_brief(config, role))
        .collect();
    let link_problems = super::link_problems(content, markdown, links, None);
    found.extend(
        super::check_bodies(config, content, markdown, link_problems.0, None)
            .into_values()
            .flatten(),
    );
    found.retain(|f| {
        files.contains(f.file.as_path()) && !f.code.is_some_and(|id| ENGLISH_ONLY.contains(&id))
    });
    super::sort(&mut found);
    found
}
