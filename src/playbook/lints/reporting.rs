//! `unsettled-reporting`: an open brief whose `reports_to` names alternatives ("Head of AI
//! or CTO", "CTO / CIO", "TBD between CIO and CDO"). Unsettled reporting lines are a symptom
//! of a team shape still being invented; a search that opens before they are settled
//! leaves candidates guessing who they answer to. A dotted line beside a settled solid line
//! ("Chief Risk Officer, with a dotted line to the Head of AI") is settled.

use super::text::{FieldText, at_text, find_words};
use super::*;
use crate::content::role::Status;

/// Words that offer a choice of managers.
const ALTERNATIVES: &[&str] = &[
    "or",
    "either",
    "and/or",
    "between",
    "depending on",
    "depends on",
    "tbd",
    "tbc",
    "to be decided",
    "to be confirmed",
    "to be determined",
    "not yet decided",
    "undecided",
];

/// Where a reporting line offers alternatives, if it does: in the solid line only (what
/// comes before any "dotted line").
fn alternative(reports_to: &str) -> Option<usize> {
    let solid_end = reports_to
        .to_ascii_lowercase()
        .find("dotted")
        .unwrap_or(reports_to.len());
    let solid = &reports_to[..solid_end];
    let by_word = ALTERNATIVES
        .iter()
        .filter_map(|w| find_words(solid, w).first().copied())
        .min();
    by_word.or_else(|| slash_between_titles(solid))
}

/// "CTO / CIO", "CTO/CIO": a slash between two managers. "Head of Data/AI" and "AI/ML
/// Platform Lead" name one.
fn slash_between_titles(solid: &str) -> Option<usize> {
    solid.match_indices('/').map(|(at, _)| at).find(|&at| {
        let spaced = solid[..at].ends_with(' ') || solid[at + 1..].starts_with(' ');
        let word_before = solid[..at]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let word_after = solid[at + 1..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        spaced || (is_chief(word_before) && is_chief(word_after))
    })
}

/// A C-level title's acronym: CTO, CIO, CDO, CISO, CAIO.
fn is_chief(word: &str) -> bool {
    (3..=5).contains(&word.len())
        && word.starts_with('C')
        && word.ends_with('O')
        && word.chars().all(|c| c.is_ascii_uppercase())
}

pub(super) fn unsettled_reporting(config: &Config, role: &Role) -> Vec<Diagnostic> {
    if config.archetypes_only || role.front.status != Status::Open {
        return Vec::new();
    }
    let Some(reports_to) = role.front.reports_to.as_deref() else {
        return Vec::new();
    };
    let Some(at) = alternative(reports_to) else {
        return Vec::new();
    };
    let text = FieldText {
        key: "reports_to".into(),
        index: None,
        value: reports_to,
    };
    let d = at_text(
        role,
        &text,
        at,
        format!("unsettled reporting line in an open brief: \"{reports_to}\""),
    );
    finding(config, Some(role), "unsettled-reporting", d)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_are_unsettled_and_dotted_lines_are_not() {
        for line in [
            "Head of AI or CTO",
            "CTO / CIO",
            "CTO/CIO",
            "CTO (or COO)",
            "TBD between CIO and CDO",
            "Either the CTO or the Chief Data Officer",
            "CIO, depending on where the platform team lands",
            "VP Engineering and/or Head of Data",
            "AI/ML Platform Lead or Head of AI",
        ] {
            assert!(alternative(line).is_some(), "{line}");
        }
        for line in [
            "Chief Risk Officer, with a dotted line to the Head of AI",
            "Chief Operating Officer",
            "Head of Data/AI",
            "AI/ML Platform Lead",
            "VP, Data & AI",
            "General Counsel, with a dotted line to the CTO or CIO",
            "Chief Technology Officer",
        ] {
            assert_eq!(alternative(line), None, "{line}");
        }
    }
}
