//! What the team plan reads from `site.yaml`: the year's hiring `budget`, and the
//! `staffing` file (CSV or JSON exported from an ATS or HRIS) whose statuses, headcounts,
//! fill dates and approvals override the briefs' at build time.

use crate::yaml::Spanned;
use serde::Deserialize;

use crate::config::posting::ValueProblem;
use crate::yaml::position;

/// `budget:`: what the team may cost in a year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The year the budget is for; the build's year when left out.
    #[serde(default)]
    pub year: Option<i32>,
    /// The amount for the year, in `currency`.
    pub amount: Spanned<f64>,
    /// An ISO 4217 code, as the briefs' pay and cost bands write it.
    pub currency: Spanned<String>,
}

/// `staffing:`: the file that overrides the briefs' plan state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffingSource {
    /// A path below the site root, e.g. `content/plan/staffing.csv`; `.csv` or `.json`.
    pub file: Spanned<String>,
}

/// The formats a staffing file may have, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffingFormat {
    Csv,
    Json,
}

impl StaffingSource {
    /// The file's format, from its extension.
    pub fn format(&self) -> Option<StaffingFormat> {
        let lower = self.file.value.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(StaffingFormat::Csv)
        } else if lower.ends_with(".json") {
            Some(StaffingFormat::Json)
        } else {
            None
        }
    }
}

/// What is wrong with the plan's settings in site.yaml.
pub fn problems(budget: Option<&Budget>, staffing: Option<&StaffingSource>) -> Vec<ValueProblem> {
    let mut problems = Vec::new();
    if let Some(budget) = budget {
        let amount = &budget.amount;
        if !amount.value.is_finite() || amount.value < 0.0 {
            problems.push(ValueProblem {
                at: position(amount.referenced),
                message: format!("`budget.amount` is {}", amount.value),
                help: "the year's budget is an amount of 0 or more, e.g. `1200000`".into(),
            });
        }
        let code = &budget.currency.value;
        if !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
            problems.push(ValueProblem {
                at: position(budget.currency.referenced),
                message: format!("`budget.currency` is `{code}`, not an ISO 4217 code"),
                help: "write the three capital letters of the currency: EUR, GBP, USD, CHF..."
                    .into(),
            });
        }
    }
    if let Some(staffing) = staffing {
        let file = &staffing.file.value;
        let outside = file.starts_with('/')
            || file.contains('\\')
            || file.split('/').any(|part| part == ".." || part.is_empty());
        if outside {
            problems.push(ValueProblem {
                at: position(staffing.file.referenced),
                message: format!("`staffing.file` is `{file}`, not a path inside the site"),
                help: "name a file below the site folder, e.g. `content/plan/staffing.csv`".into(),
            });
        } else if staffing.format().is_none() {
            problems.push(ValueProblem {
                at: position(staffing.file.referenced),
                message: format!("`staffing.file` is `{file}`: gen reads `.csv` and `.json`"),
                help: "export the staffing data as CSV or JSON, e.g. `content/plan/staffing.csv`"
                    .into(),
            });
        }
    }
    problems
}
