//! The playbook describes a role in the third person without a subject ("Designs the
//! prompts…", "Works with data engineering…"): that is the content model's convention for
//! `summary` and `interfaces`. A job post speaks to the candidate, so its renditions turn
//! such a sentence into the second person: "You design the prompts…".
//!
//! Only verbs the convention puts there are turned: the sentence's leading verbs
//! ("Builds, ships and maintains…") and a verb that joins the sentence after "and" or a
//! comma when it is a known verb followed by the start of an object ("…, and makes their
//! quality measurable"). A sentence that does not open with a verb is left as written.

/// Verbs a role description joins mid-sentence ("…, and moves it to the start"), in the
/// third person. Mid-sentence, a word is only turned when it is one of these and the next
/// word starts an object, so nouns such as "features and embeddings flow" stay.
const JOINING_VERBS: &[&str] = &[
    "agrees",
    "aligns",
    "answers",
    "brings",
    "builds",
    "carries",
    "chairs",
    "connects",
    "decides",
    "defines",
    "deploys",
    "designs",
    "documents",
    "drives",
    "escalates",
    "gets",
    "hands",
    "helps",
    "hires",
    "implements",
    "joins",
    "keeps",
    "leads",
    "maintains",
    "makes",
    "manages",
    "measures",
    "moves",
    "owns",
    "plans",
    "presents",
    "publishes",
    "raises",
    "reports",
    "reviews",
    "runs",
    "sets",
    "settles",
    "ships",
    "signs",
    "specifies",
    "sponsors",
    "supports",
    "takes",
    "tells",
    "tests",
    "tracks",
    "trains",
    "turns",
    "writes",
    "works",
];

/// Words that start a verb's object or complement: after one of these, a joining word is
/// a verb ("…, and makes their quality measurable"); "and tests run in CI" stays.
const OBJECT_STARTS: &[&str] = &[
    "a", "an", "the", "their", "its", "it", "them", "each", "every", "all", "what", "which",
    "whether", "who", "how", "when", "where", "that", "this", "these", "those", "to", "with", "on",
    "in", "for", "across", "into", "up", "out", "over", "through", "any", "our", "about", "from",
    "at", "by", "as", "back", "down", "off",
];

/// Third-person verbs whose base form no rule gives.
const IRREGULAR: &[(&str, &str)] = &[
    ("is", "are"),
    ("has", "have"),
    ("does", "do"),
    ("goes", "go"),
    ("focuses", "focus"),
];

/// "You design the prompts…" for "Designs the prompts…"; the text unchanged when it does
/// not open with a verb in the third person.
pub fn second_person(text: &str) -> String {
    let text = text.trim();
    let words: Vec<&str> = text.split(' ').collect();
    let Some(first) = words.first().copied() else {
        return text.to_string();
    };
    let (bare, tail) = split_punctuation(first);
    let starts_capitalised = bare.chars().next().is_some_and(char::is_uppercase);
    let Some(base) = starts_capitalised
        .then(|| base_form(&bare.to_lowercase()))
        .flatten()
    else {
        return text.to_string();
    };
    let mut out: Vec<String> = vec!["You".into(), format!("{base}{tail}")];
    // The leading run of verbs: "Builds, ships and maintains".
    let mut leading = first.ends_with(',') || words.get(1) == Some(&"and");
    let mut index = 1;
    while index < words.len() {
        let word = words[index];
        let next = words.get(index + 1).copied();
        let after_join = leading || words[index - 1] == "and" || words[index - 1].ends_with(',');
        let (bare, tail) = split_punctuation(word);
        let in_leading_run = leading && word != "and";
        let joins_as_verb =
            after_join && JOINING_VERBS.contains(&bare) && next.is_some_and(starts_object);
        let turned = if in_leading_run || joins_as_verb {
            base_form(bare)
        } else {
            None
        };
        match turned {
            Some(base) => {
                out.push(format!("{base}{tail}"));
                leading = word.ends_with(',') || next == Some("and");
            }
            None => {
                out.push(word.to_string());
                leading = leading && word == "and";
            }
        }
        index += 1;
    }
    out.join(" ")
}

fn starts_object(word: &str) -> bool {
    let (bare, _) = split_punctuation(word);
    OBJECT_STARTS.contains(&bare.to_lowercase().as_str())
}

/// ("ships", ",") for "ships,".
fn split_punctuation(word: &str) -> (&str, &str) {
    let end = word.trim_end_matches([',', ';', ':', '.']).len();
    word.split_at(end)
}

/// The base form of a third-person verb ("carries" → "carry", "pushes" → "push",
/// "co-owns" → "co-own"); `None` when the word is not one.
fn base_form(word: &str) -> Option<String> {
    if let Some((_, base)) = IRREGULAR.iter().find(|(third, _)| *third == word) {
        return Some((*base).to_string());
    }
    if !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') || word.len() < 3 {
        return None;
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return None;
    }
    let stem = word.strip_suffix('s')?;
    if let Some(root) = stem.strip_suffix("ie")
        && root.ends_with(|c: char| !"aeiou".contains(c))
    {
        return Some(format!("{root}y"));
    }
    for ending in ["sse", "she", "che", "xe", "zze"] {
        if stem.ends_with(ending) {
            return Some(stem[..stem.len() - 1].to_string());
        }
    }
    Some(stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::second_person;

    #[test]
    fn the_playbooks_own_sentences_read_in_the_second_person() {
        for (third, second) in [
            (
                "Designs the prompts, retrieval and evaluation suites for LLM-based systems, and makes their quality measurable before and after release.",
                "You design the prompts, retrieval and evaluation suites for LLM-based systems, and make their quality measurable before and after release.",
            ),
            (
                "Builds, ships and maintains the models and model-backed services inside a use case.",
                "You build, ship and maintain the models and model-backed services inside a use case.",
            ),
            (
                "Designs and runs the shared platform that makes deploying models repeatable.",
                "You design and run the shared platform that makes deploying models repeatable.",
            ),
            (
                "Sets the company's AI priorities and budget, aligns the leaders whose functions AI touches, and answers to the board for what AI actually delivers.",
                "You set the company's AI priorities and budget, align the leaders whose functions AI touches, and answer to the board for what AI actually delivers.",
            ),
            (
                "Owns AI risk, compliance and security review, and moves it to the start of every use case.",
                "You own AI risk, compliance and security review, and move it to the start of every use case.",
            ),
            (
                "Agrees with data engineering how training data, features and embeddings flow onto the platform.",
                "You agree with data engineering how training data, features and embeddings flow onto the platform.",
            ),
            (
                "Runs on infrastructure IT has approved and hands over incidents with written runbooks.",
                "You run on infrastructure IT has approved and hand over incidents with written runbooks.",
            ),
            (
                "Co-owns the AI roadmap with the CPO and agrees which product team carries each feature.",
                "You co-own the AI roadmap with the CPO and agree which product team carries each feature.",
            ),
            (
                "Relies on data engineering for reliable pipelines and raises any data-quality problem with evidence.",
                "You rely on data engineering for reliable pipelines and raise any data-quality problem with evidence.",
            ),
            (
                "Specifies with data engineering which sources the model needs.",
                "You specify with data engineering which sources the model needs.",
            ),
            (
                "Pushes releases through the paved path.",
                "You push releases through the paved path.",
            ),
            (
                "Has the final say on risk.",
                "You have the final say on risk.",
            ),
            (
                "Agrees the models and tests run in CI with IT.",
                "You agree the models and tests run in CI with IT.",
            ),
        ] {
            assert_eq!(second_person(third), second);
        }
    }

    #[test]
    fn text_that_does_not_open_with_a_verb_is_left_as_written() {
        for text in [
            "Six questions leadership must answer in writing.",
            "You take a working prototype to production.",
            "The claims handlers review every routed claim.",
            "Process owners sign off each release.",
            "CISO: agrees the threat model.",
            "",
        ] {
            assert_eq!(second_person(text), text.trim());
        }
    }
}
