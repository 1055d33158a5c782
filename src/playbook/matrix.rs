//! The capability matrix: which brief holds which capability, and the work nobody owns. Pure.

use crate::config::{Capability, Config};
use crate::content::Content;
use crate::content::role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Hold {
    Primary,
    Secondary,
    None,
}

#[derive(Debug)]
pub struct Column<'a> {
    pub capability: &'a Capability,
    pub primary: usize,
    pub secondary: usize,
}

impl Column<'_> {
    /// No brief holds it as primary: work with no owner.
    pub fn is_gap(&self) -> bool {
        self.primary == 0
    }
}

#[derive(Debug)]
pub struct Matrix<'a> {
    pub columns: Vec<Column<'a>>,
    /// Briefs in the order given, each with one cell per column.
    pub rows: Vec<(&'a Role, Vec<Hold>)>,
}

/// The matrix of `roles` (in that order) against the site's capability vocabulary.
pub fn matrix<'a>(config: &'a Config, roles: &[&'a Role]) -> Matrix<'a> {
    let rows: Vec<(&Role, Vec<Hold>)> = roles
        .iter()
        .map(|role| {
            let cells = config
                .capabilities
                .iter()
                .map(|c| {
                    if role.holds_primary(&c.key) {
                        Hold::Primary
                    } else if role
                        .front
                        .capabilities
                        .secondary
                        .iter()
                        .any(|s| s.value == c.key)
                    {
                        Hold::Secondary
                    } else {
                        Hold::None
                    }
                })
                .collect();
            (*role, cells)
        })
        .collect();
    let columns = config
        .capabilities
        .iter()
        .enumerate()
        .map(|(i, capability)| Column {
            capability,
            primary: rows.iter().filter(|(_, c)| c[i] == Hold::Primary).count(),
            secondary: rows.iter().filter(|(_, c)| c[i] == Hold::Secondary).count(),
        })
        .collect();
    Matrix { columns, rows }
}

/// The team (the briefs of `content/plan/` when it has any, else all), for the matrix
/// page: in hiring order.
pub fn site_matrix<'a>(config: &'a Config, content: &'a Content) -> Matrix<'a> {
    let plan = content.has_plan();
    let roles: Vec<&Role> = crate::playbook::sequence::hiring_order(config, content)
        .into_iter()
        .map(|s| s.role)
        .filter(|r| !plan || r.in_plan())
        .collect();
    matrix(config, &roles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, content};

    fn brief(title: &str, primary: &str, secondary: &str) -> String {
        format!(
            "---\ntitle: {title}\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10%.\ndecisions: [D]\ncapabilities:\n  primary: [{primary}]\n  secondary: [{secondary}]\nsuccess:\n  90d: [M]\n---\n"
        )
    }

    #[test]
    fn cells_totals_and_gaps() {
        let content = content(&[
            (
                "roles/a.md",
                brief("A", "applied-ml, prompt-eval", "data-engineering"),
            ),
            ("roles/b.md", brief("B", "applied-ml", "")),
        ]);
        let config = config();
        let m = site_matrix(&config, &content);
        let col = |key: &str| {
            m.columns
                .iter()
                .find(|c| c.capability.key == key)
                .expect("column")
        };
        assert_eq!(
            (col("applied-ml").primary, col("applied-ml").secondary),
            (2, 0)
        );
        assert_eq!(
            (
                col("data-engineering").primary,
                col("data-engineering").secondary
            ),
            (0, 1)
        );
        assert!(
            col("data-engineering").is_gap(),
            "secondary only is still unowned"
        );
        assert!(!col("prompt-eval").is_gap());
        let keys: Vec<&str> = config.capabilities.iter().map(|c| c.key.as_str()).collect();
        let a = &m.rows.iter().find(|(r, _)| r.slug == "a").expect("row").1;
        assert_eq!(
            a[keys.iter().position(|k| *k == "prompt-eval").expect("key")],
            Hold::Primary
        );
        assert_eq!(
            a[keys
                .iter()
                .position(|k| *k == "data-engineering")
                .expect("key")],
            Hold::Secondary
        );
        assert_eq!(
            a[keys.iter().position(|k| *k == "leadership").expect("key")],
            Hold::None
        );
    }
}
