//! Which briefs get the renditions that cost a build real time (`site.yaml`).

use serde::Deserialize;

use crate::content::role::{Role, Status};

/// `posting_docx:` in site.yaml: which briefs get their job post as a Word document
/// (`<slug>.posting.docx`). Writing one costs about a millisecond of CPU, as much as the
/// rest of a brief's files together, so by default only the briefs a recruiter is about
/// to post get one.
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

impl PostingDocx {
    /// Whether `role` gets a `<slug>.posting.docx`.
    pub fn writes(self, role: &Role) -> bool {
        match self {
            PostingDocx::All => true,
            PostingDocx::None => false,
            PostingDocx::Hiring => match role.front.status {
                Status::Open => true,
                Status::Planned => role.in_plan(),
                Status::Filled => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::content;

    #[test]
    fn by_default_the_briefs_being_hired_and_the_plans_planned_ones_get_a_word_post() {
        let brief = |status: &str| {
            format!(
                "---\ntitle: T\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10% within 6 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\nstatus: {status}\n---\n"
            )
        };
        let site = content(&[
            ("plan/open.md", brief("open")),
            ("plan/planned.md", brief("planned")),
            ("plan/filled.md", brief("filled")),
            ("roles/library.md", brief("planned")),
            ("roles/library-open.md", brief("open")),
        ]);
        let written = |setting: PostingDocx| -> Vec<&str> {
            site.roles
                .iter()
                .filter(|r| setting.writes(r))
                .map(|r| r.slug.as_str())
                .collect()
        };
        let mut hiring = written(PostingDocx::Hiring);
        hiring.sort_unstable();
        assert_eq!(hiring, ["library-open", "open", "planned"]);
        assert_eq!(written(PostingDocx::All).len(), 5);
        assert!(written(PostingDocx::None).is_empty());
    }
}
