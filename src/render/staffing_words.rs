//! The staffing view's sentences in the page's language: the summary the home page and the
//! matrix show ("6 of 9 capabilities staffed; 2 covered until a hire; 1 being hired") and
//! the note beside a capability only bundled briefs hold. `playbook::staffing::summary` is
//! the same sentence in English, for the command line; a test holds the two together.

use crate::playbook::staffing::{CapabilityStaffing, Staffing, counts};
use crate::render::wording::{Arg, Wording};

/// Unowned capabilities are named up to this many, then counted.
const NAMED_UNOWNED: usize = 3;

/// The summary of `rows` in `words`' language.
pub fn summary(rows: &[CapabilityStaffing], words: &Wording) -> String {
    let [staffed, covered, hiring, planned, unowned] = counts(rows).map(|(_, n)| n as f64);
    let mut parts = vec![words.say(
        "staffing-summary-staffed",
        &[
            ("staffed", Arg::Number(staffed)),
            ("total", Arg::Number(rows.len() as f64)),
        ],
    )];
    for (id, count) in [
        ("staffing-summary-covered", covered),
        ("staffing-summary-hiring", hiring),
        ("staffing-summary-planned", planned),
    ] {
        if count > 0.0 {
            parts.push(words.say(id, &[("count", Arg::Number(count))]));
        }
    }
    let names: Vec<String> = rows
        .iter()
        .filter(|r| r.state == Staffing::Unowned)
        .map(|r| r.capability.name.clone())
        .collect();
    if !names.is_empty() {
        let names = if names.len() <= NAMED_UNOWNED {
            words.and_list(&names)
        } else {
            words.number(unowned)
        };
        parts.push(words.say(
            "staffing-summary-unowned",
            &[
                ("names", Arg::Text(&names)),
                ("count", Arg::Number(unowned)),
            ],
        ));
    }
    parts.join(&words.get("list-separator"))
}

/// Why the holders of `row` do not all count: bundled briefs hold it.
pub fn note(row: &CapabilityStaffing, words: &Wording) -> Option<String> {
    if row.bundled.is_empty() {
        return None;
    }
    Some(words.get(if row.holders.is_empty() {
        "staffing-note-only-bundled"
    } else {
        "staffing-note-bundled"
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, content, staffed_brief as brief};
    use crate::playbook::staffing::site_staffing;
    use crate::render::i18n::shipped;

    #[test]
    fn the_english_summary_is_playbook_staffings_and_german_reads_as_german() {
        let strings = shipped();
        let config = config();
        // Two capabilities unowned: the summary names them.
        let two_unowned = vec![
            (
                "plan/lead.md",
                brief("Lead", "leadership, product", "filled"),
            ),
            (
                "plan/ml.md",
                brief("ML", "applied-ml, prompt-eval, data-engineering", "open"),
            ),
            (
                "plan/ops.md",
                brief("Ops", "platform-mlops, change-management", "planned"),
            ),
        ];
        for briefs in [
            // Two unowned named, then five counted.
            two_unowned.clone(),
            vec![
                ("plan/lead.md", brief("Lead", "leadership", "filled")),
                ("plan/ml.md", brief("ML", "applied-ml", "planned")),
            ],
        ] {
            let content = content(&briefs);
            let rows = site_staffing(&config, &content);
            assert_eq!(
                summary(&rows, &Wording::new(&strings, "en")),
                crate::playbook::staffing::summary(&rows)
            );
        }
        let content = content(&two_unowned);
        let rows = site_staffing(&config, &content);
        assert_eq!(
            summary(&rows, &Wording::new(&strings, "de")),
            "2 von 9 Kompetenzen besetzt; 3 in Besetzung; 2 nur geplant; Architecture und Security & Compliance ohne Verantwortliche"
        );
    }
}
