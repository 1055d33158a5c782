//! The lints of interview probes: `trivia-probe` (a probe that asks for an opinion, a
//! prediction or a definition instead of evidence from work the candidate did) and
//! `missing-dosage` (no probe counts: how many systems, how often, for how long).

use super::text::{FieldText, at_text};
use super::*;

/// Words that ask about the candidate's own past work: a probe holding one asks for
/// evidence, whatever else it asks.
const EVIDENCE: &[&str] = &[
    "did you",
    "have you",
    "were you",
    "had you",
    "you built",
    "you shipped",
    "you ran",
    "you owned",
    "you led",
    "you were",
    "you had",
    "you have",
    "you made",
    "you changed",
    "you fixed",
    "you debugged",
    "you designed",
    "you deployed",
    "you launched",
    "you migrated",
    "you wrote",
    "you chose",
    "you decided",
    "you handled",
    "you measured",
    "you kept",
    "you killed",
    "you stopped",
    "you delayed",
    "you sponsored",
    "you put",
    "you inherited",
    "you hired",
    "you managed",
    "you reviewed",
    "you used",
    "you worked",
    "you took",
    "you cut",
    "your last",
    "your team",
    "walk through",
    "walk me through",
    "walk us through",
    "tell me about a",
    "tell us about a",
    "a time when",
    "a time you",
    "on call",
    "on-call",
    "incident",
    "outage",
    "postmortem",
];

/// How a probe asks for no evidence, and the words that show it.
const OPINION: &[&str] = &[
    "your favourite",
    "your favorite",
    "your opinion",
    "your view",
    "your take",
    "your vision",
    "your philosophy",
    "your thoughts",
    "what do you think",
    "how do you feel",
    "do you believe",
    "overhyped",
    "overrated",
    "what excites you",
    "passionate about",
    "which do you prefer",
    "do you prefer",
];

const PREDICTION: &[&str] = &[
    "in five years",
    "in ten years",
    "in 5 years",
    "in 10 years",
    "in the next",
    "the future of",
    "next big thing",
    "where do you see",
    "predict",
    "will ai",
    "will llms",
    "will agents",
    "will agi",
    "how will",
    "what will",
];

/// Openings of a question that asks what something is.
const DEFINITION_OPENINGS: &[&str] = &[
    "what is ",
    "what's ",
    "what are ",
    "define ",
    "explain ",
    "describe the ",
    "describe how ",
];

const DEFINITION: &[&str] = &[
    "how would you define",
    "how do you define",
    "stand for",
    "what is the difference between",
    "what's the difference between",
];

/// What a trivia probe asks for instead of evidence, if it is one.
fn trivia(probe: &str) -> Option<&'static str> {
    let lower = probe.to_lowercase();
    let has = |phrases: &[&str]| phrases.iter().any(|p| lower.contains(p));
    if has(EVIDENCE) {
        return None;
    }
    if has(OPINION) {
        return Some("an opinion");
    }
    // "What will you own first?" asks for a plan, not a forecast.
    if has(PREDICTION) && !lower.contains("will you") {
        return Some("a prediction");
    }
    let opens_as_definition = DEFINITION_OPENINGS
        .iter()
        .any(|o| lower.trim_start().starts_with(o))
        && !lower.contains("you");
    if has(DEFINITION) || opens_as_definition {
        return Some("a definition");
    }
    None
}

/// Words that ask for a count, a frequency or a duration: the dosage of experience.
const DOSAGE: &[&str] = &[
    "how many",
    "how often",
    "how frequently",
    "for how long",
    "how long have you",
    "how long did you",
    "how long were you",
    "how much time",
    "number of times",
];

/// Whether a probe asks for dosage: how many, how often, for how long.
fn asks_dosage(probe: &str) -> bool {
    let lower = probe.to_lowercase();
    DOSAGE.iter().any(|d| lower.contains(d))
}

/// Probes that ask for an opinion, a prediction or a definition, each at its item.
pub(super) fn trivia_probes(config: &Config, role: &Role) -> Vec<Diagnostic> {
    role.front
        .interview_probes
        .iter()
        .enumerate()
        .filter_map(|(i, probe)| {
            let asks = trivia(probe)?;
            let text = FieldText {
                key: "interview_probes".into(),
                index: Some(i),
                value: probe,
            };
            let d = at_text(
                role,
                &text,
                0,
                format!("trivia probe: asks for {asks}, not for evidence from work the candidate did"),
            )
            .with_help("ask about a system they ran: e.g. \"Walk through a production AI system you were on call for: what broke, and what did you change?\"");
            finding(config, Some(role), "trivia-probe", d)
        })
        .collect()
}

/// Once per brief with probes, none of which counts.
pub(super) fn missing_dosage(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let probes = &role.front.interview_probes;
    if probes.is_empty() || probes.iter().any(|p| asks_dosage(p)) {
        return Vec::new();
    }
    let d = at_key(
        role,
        "interview_probes",
        "no probe asks for dosage: how many systems, how often, for how long",
    )
    .with_help("add a probe that counts, e.g. \"How many production AI systems have you been on call for, and for how long each?\"");
    finding(config, Some(role), "missing-dosage", d)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivia_is_an_opinion_a_prediction_or_a_definition() {
        let flagged = [
            ("What is RAG?", "a definition"),
            ("Explain transformers.", "a definition"),
            ("How would you define responsible AI?", "a definition"),
            ("What does MLOps stand for?", "a definition"),
            (
                "What's the difference between fine-tuning and RAG?",
                "a definition",
            ),
            ("Describe the transformer architecture.", "a definition"),
            ("Where do you see AI in five years?", "a prediction"),
            ("How will agents change customer service?", "a prediction"),
            (
                "What is the future of generative AI in insurance?",
                "a prediction",
            ),
            ("Which LLM is your favourite?", "an opinion"),
            ("What is your vision for AI?", "an opinion"),
            ("What do you think about open-source models?", "an opinion"),
            ("Are LLMs overhyped?", "an opinion"),
        ];
        for (probe, asks) in flagged {
            assert_eq!(trivia(probe), Some(asks), "{probe}");
        }
        let evidence = [
            "Walk through a production AI system you were on call for: what broke, and what did you change?",
            "What is the largest eval suite you built, and what did it catch?",
            "Explain a retrieval failure you debugged in production: what was the cause?",
            "Describe a deployment path you built for models. How long did a change take to reach production?",
            "Which controls did you decide not to require, and why?",
            "Tell us about an AI incident you handled. What did the audit trail show?",
            "How did you get product teams to use your platform instead of working around it?",
            "What did you cut from a launch to protect quality, and who did you have to convince?",
            "How many production systems have you been on call for?",
            "What would you change in the architecture of your last system?",
        ];
        for probe in evidence {
            assert_eq!(trivia(probe), None, "{probe}");
        }
    }

    #[test]
    fn dosage_is_a_count_a_frequency_or_a_duration() {
        for probe in [
            "How many production AI systems have you been on call for?",
            "How many times has an eval suite stopped one of your releases?",
            "How often were you paged in your last on-call rotation?",
            "For how long did you own the model after launch?",
            "In how many teams did you roll out an AI tool?",
            "How long have you run a model in production without its author?",
        ] {
            assert!(asks_dosage(probe), "{probe}");
        }
        for probe in [
            "Describe a deployment path you built. How long did a change take to reach production?",
            "What broke after launch?",
            "How much did the system cost per month?",
        ] {
            assert!(!asks_dosage(probe), "{probe}");
        }
    }
}
