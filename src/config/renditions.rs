//! Which briefs get the renditions that cost a build real time (`site.yaml`).

use serde::Deserialize;

/// `posting_docx:` in site.yaml: which briefs get their job post as a Word document
/// (`<slug>.posting.docx`; `render::docx::writes_posting` decides). Writing one costs
/// about a millisecond of CPU, as much as the rest of a brief's files together, so by
/// default only the briefs a recruiter is about to post get one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostingDocx {
    /// Briefs being hired (`status: open`) and the team plan's planned ones (the default).
    #[default]
    Hiring,
    /// Every brief, the library's too.
    All,
    /// No brief.
    None,
}
