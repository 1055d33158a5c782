//! Readiness: whether a brief answers every intake question leadership should be able to
//! answer before a search opens. If those answers are fuzzy, the search should pause until
//! they are clear: `gen check --ready` holds open briefs to it. Pure.

use crate::yaml::Spanned;
use serde::Serialize;

use crate::config::Config;
use crate::content::role::{Role, Status};

/// An intake question, answered by one key of a brief's front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Question {
    Outcome,
    Decisions,
    OwnsAfterLaunch,
    Capabilities,
    Interfaces,
    Success90d,
    Success6m,
    Success12m,
    Constraints,
    ReportsTo,
}

impl Question {
    /// Every question, in the order a brief answers them.
    pub const ALL: [Question; 10] = [
        Question::Outcome,
        Question::Decisions,
        Question::OwnsAfterLaunch,
        Question::Capabilities,
        Question::Interfaces,
        Question::Success90d,
        Question::Success6m,
        Question::Success12m,
        Question::Constraints,
        Question::ReportsTo,
    ];

    /// The front-matter key that answers it.
    pub fn key(self) -> &'static str {
        match self {
            Question::Outcome => "outcome",
            Question::Decisions => "decisions",
            Question::OwnsAfterLaunch => "owns_after_launch",
            Question::Capabilities => "capabilities",
            Question::Interfaces => "interfaces",
            Question::Success90d | Question::Success6m | Question::Success12m => "success",
            Question::Constraints => "constraints",
            Question::ReportsTo => "reports_to",
        }
    }

    /// A few words for lists ("not ready: success at 12 months, reports to").
    pub fn label(self) -> &'static str {
        match self {
            Question::Outcome => "outcome",
            Question::Decisions => "decisions",
            Question::OwnsAfterLaunch => "owns after launch",
            Question::Capabilities => "primary capabilities",
            Question::Interfaces => "interfaces",
            Question::Success90d => "success at 90 days",
            Question::Success6m => "success at 6 months",
            Question::Success12m => "success at 12 months",
            Question::Constraints => "constraints",
            Question::ReportsTo => "reports to",
        }
    }

    /// The question as leadership would be asked it.
    pub fn asks(self) -> &'static str {
        match self {
            Question::Outcome => {
                "what business outcome is this hire meant to drive in the next 12 months?"
            }
            Question::Decisions => "what decisions will this person own?",
            Question::OwnsAfterLaunch => "what will this person keep running after launch?",
            Question::Capabilities => "which capabilities does this role lead?",
            Question::Interfaces => "how does the role fit with product, data, security and IT?",
            Question::Success90d => "how will success be measured after 90 days?",
            Question::Success6m => "how will success be measured after 6 months?",
            Question::Success12m => "how will success be measured after 12 months?",
            Question::Constraints => {
                "what systems, data constraints and governance requirements shape the job?"
            }
            Question::ReportsTo => "who does this role report to?",
        }
    }
}

/// A question a brief leaves unanswered, and how: `why` reads after the key ("`reports_to`
/// is not answered").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub question: Question,
    pub why: String,
}

/// The intake questions `role` leaves unanswered (missing, empty or a placeholder), in the
/// order of `Question::ALL`. Empty when the brief is ready.
pub fn unanswered(config: &Config, role: &Role) -> Vec<Gap> {
    Question::ALL
        .into_iter()
        .filter_map(|question| {
            gap(config, role, question).map(|why| Gap {
                question,
                why: why.to_string(),
            })
        })
        .collect()
}

/// Whether `--ready` holds `role` to the intake questions: open briefs, once the site reads
/// statuses at all (not in the library view).
pub fn gated(config: &Config, role: &Role) -> bool {
    !config.archetypes_only && role.front.status == Status::Open
}

fn gap(config: &Config, role: &Role, question: Question) -> Option<String> {
    let front = &role.front;
    let horizon = |measures: &Option<Vec<Spanned<String>>>, words: &str| match measures.as_deref() {
        None | Some([]) => Some(format!("states nothing at {words}")),
        Some(items) => {
            let items: Vec<String> = items.iter().map(|item| item.value.clone()).collect();
            placeholder_in(&items)
        }
    };
    match question {
        Question::Outcome => text_gap(Some(&front.outcome.value)),
        Question::Decisions => list_gap(&front.decisions.value),
        Question::OwnsAfterLaunch => list_gap(&front.owns_after_launch),
        Question::Capabilities => front
            .capabilities
            .primary
            .is_empty()
            .then(|| "names no primary capability".to_string()),
        Question::Interfaces => interfaces_gap(config, role),
        Question::Success90d => horizon(&front.success.value.days_90, "90 days"),
        Question::Success6m => horizon(&front.success.value.months_6, "6 months"),
        Question::Success12m => horizon(&front.success.value.months_12, "12 months"),
        Question::Constraints => list_gap(&front.constraints),
        Question::ReportsTo => text_gap(front.reports_to.as_deref()),
    }
}

fn text_gap(text: Option<&str>) -> Option<String> {
    match text.map(str::trim) {
        None | Some("") => Some("is not answered".to_string()),
        Some(text) if is_placeholder(text) => Some(format!("is a placeholder (`{text}`)")),
        Some(_) => None,
    }
}

fn list_gap(items: &[String]) -> Option<String> {
    if items.is_empty() {
        return Some("is not answered".to_string());
    }
    placeholder_in(items)
}

fn placeholder_in(items: &[String]) -> Option<String> {
    items
        .iter()
        .map(|item| item.trim())
        .find(|item| is_placeholder(item))
        .map(|item| match item {
            "" => "has an empty item".to_string(),
            item => format!("holds a placeholder (`{item}`)"),
        })
}

fn interfaces_gap(config: &Config, role: &Role) -> Option<String> {
    let interfaces = &role.front.interfaces;
    let unstated: Vec<&str> = config
        .interfaces
        .required
        .iter()
        .map(String::as_str)
        .filter(|name| interfaces.get(name).is_none_or(is_placeholder))
        .collect();
    (!unstated.is_empty()).then(|| format!("states no fit with {}", unstated.join(", ")))
}

/// Words that stand in for an answer not written yet, alone or opening a note ("TBD: ask
/// the CFO").
const PLACEHOLDERS: &[&str] = &[
    "todo",
    "tbd",
    "tbc",
    "to be decided",
    "to be determined",
    "to be defined",
    "to be confirmed",
    "n/a",
    "lorem",
    "placeholder",
];

/// Whether `text` stands in for an answer rather than giving one: empty, a stand-in word
/// ("TODO", "TBD", "N/A", "xxx", "lorem ipsum"), alone or opening a note ("TBD: ask the
/// CFO"), or only dashes or question marks. "Todoist" or "TBD-free" wording is not.
///
/// A simple local check: the `placeholder` lint (src/playbook/lints/placeholder.rs, being
/// written beside this) will judge placeholders fully; replace this function's body with
/// its check once that lands, keeping the name and signature.
pub fn is_placeholder(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let bare = lower.trim_end_matches(['.', '!', ':']).trim_end();
    if bare
        .chars()
        .all(|c| matches!(c, '-' | '?' | '–' | '—' | '…' | '.'))
    {
        return true;
    }
    if bare.len() >= 3 && bare.chars().all(|c| c == 'x') || bare == "na" {
        return true;
    }
    PLACEHOLDERS.iter().any(|word| {
        bare.strip_prefix(word).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | ',' | ';'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{archetype, config, content, derived};

    #[test]
    fn placeholders_are_stand_ins_not_answers() {
        let placeholders = [
            "",
            "  ",
            "TODO",
            "todo.",
            "TBD",
            "tbd",
            "TBC",
            "N/A",
            "n/a",
            "NA",
            "-",
            "--",
            "—",
            "?",
            "???",
            "xxx",
            "XXXX",
            "lorem",
            "Lorem ipsum dolor sit amet",
            "TODO: ask the CFO",
            "TBD (depends on the vendor shortlist)",
            "TBD by the steering group",
            "To be decided",
            "to be confirmed with HR",
            "Placeholder",
        ];
        let answers = [
            "Head of Claims Operations",
            "Chief AI Officer",
            "Claims data stays in the EU (GDPR)",
            "Todoist-style task lists are out of scope",
            "TBD-free: every threshold is agreed",
            "Nationwide rollout by Q3",
            "Xavier's team in claims operations",
            "NAIC model bulletin on AI applies",
            "Today's triage is manual",
            "None of the claims data leaves the EU",
            "x",
            "IT",
        ];
        for text in placeholders {
            assert!(is_placeholder(text), "a placeholder: {text:?}");
        }
        for text in answers {
            assert!(!is_placeholder(text), "an answer: {text:?}");
        }
    }

    /// An open brief that answers every intake question.
    fn ready() -> String {
        "---
title: Claims ML Engineer
archetype: builder
summary: Ships the claims triage model.
outcome: Take claims triage to production within 6 months.
decisions: [Which claim features the model may use]
owns_after_launch: [The triage model and its eval suite]
capabilities:
  primary: [applied-ml]
interfaces:
  product: With the claims product lead.
  data: With the claims data owner.
  security: With the governance owner.
  it: With IT operations for the on-call rota.
success:
  90d: [Triage model in shadow mode]
  6m: [Triage model live for motor claims]
  12m: [Handling time down 30%]
constraints: [Claims notes hold health data]
reports_to: Head of AI, Claims
status: open
---
Body.
"
        .to_string()
    }

    fn gaps(text: &str) -> Vec<(Question, String)> {
        let content = content(&[("plan/claims-ml.md", text.to_string())]);
        unanswered(&config(), &content.roles[0])
            .into_iter()
            .map(|g| (g.question, g.why))
            .collect()
    }

    #[test]
    fn a_brief_that_answers_every_question_is_ready() {
        assert_eq!(gaps(&ready()), []);
    }

    #[test]
    fn each_question_left_open_is_named() {
        let brief = ready();
        // (question, from, the fuzzy version, how it is named)
        let cases: &[(Question, &str, &str, &str)] = &[
            (
                Question::Outcome,
                "outcome: Take claims triage to production within 6 months.",
                "outcome: TBD",
                "is a placeholder (`TBD`)",
            ),
            (
                Question::Decisions,
                "decisions: [Which claim features the model may use]",
                "decisions: [Which claim features the model may use, TODO]",
                "holds a placeholder (`TODO`)",
            ),
            (
                Question::OwnsAfterLaunch,
                "owns_after_launch: [The triage model and its eval suite]",
                "owns_after_launch: []",
                "is not answered",
            ),
            (
                Question::Capabilities,
                "  primary: [applied-ml]",
                "  primary: []\n  secondary: [applied-ml]",
                "names no primary capability",
            ),
            (
                Question::Interfaces,
                "  security: With the governance owner.\n",
                "  security: TBD\n",
                "states no fit with security",
            ),
            (
                Question::Success90d,
                "  90d: [Triage model in shadow mode]\n",
                "  90d: []\n",
                "states nothing at 90 days",
            ),
            (
                Question::Success6m,
                "  6m: [Triage model live for motor claims]\n",
                "",
                "states nothing at 6 months",
            ),
            (
                Question::Success12m,
                "  12m: [Handling time down 30%]",
                "  12m: [\"?\"]",
                "holds a placeholder (`?`)",
            ),
            (
                Question::Constraints,
                "constraints: [Claims notes hold health data]\n",
                "",
                "is not answered",
            ),
            (
                Question::ReportsTo,
                "reports_to: Head of AI, Claims",
                "reports_to: N/A",
                "is a placeholder (`N/A`)",
            ),
        ];
        for (question, from, fuzzy, why) in cases {
            assert!(brief.contains(from), "{question:?}: {from:?}");
            let found = gaps(&brief.replacen(from, fuzzy, 1));
            assert_eq!(found, [(*question, why.to_string())], "{question:?}");
        }
    }

    #[test]
    fn a_derived_brief_is_judged_on_what_it_inherits() {
        let (parent_path, parent) = archetype("ml-engineer", "");
        let (path, text) = derived(
            "plan/claims-ml.md",
            "Claims ML",
            "extends: ml-engineer\nstatus: open\nreports_to: Head of AI, Claims\ninterfaces+:\n  security: With the governance owner.\n  it: With IT operations.\n",
        );
        let content = content(&[(parent_path.as_str(), parent), (path.as_str(), text)]);
        let claims = content.role("claims-ml").expect("derived");
        let questions: Vec<Question> = unanswered(&config(), claims)
            .iter()
            .map(|g| g.question)
            .collect();
        assert_eq!(
            questions,
            [Question::Success12m, Question::Constraints],
            "the archetype states no 12m horizon and no constraints"
        );
    }
}
