//! Breadth: how many capabilities and areas of work one brief spans. A brief that holds too
//! many capabilities, or whose decisions, summary or responsibilities reach into too many
//! areas (strategy, architecture, vendors, hiring, governance, change...), asks one person
//! for several jobs. `bundled-role` reports it; the staffing view does not count a bundled
//! brief as staffing its capabilities. Pure.

use crate::config::Config;
use crate::config::lints::LintLimits;
use crate::config::vocabulary::{AreaIndex, Found, words};
use crate::content::role::Role;
use crate::markdown::{ListItem, TocEntry};

/// An area of work a brief reaches into, with the keyword that showed it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaHit<'a> {
    pub area: usize,
    pub name: &'a str,
    pub keyword: &'a str,
}

/// "Leadership ("strategy"), Hiring ("hire")": the areas as a message names them.
pub fn describe(hits: &[AreaHit]) -> String {
    hits.iter()
        .map(|h| format!("{} (\"{}\")", h.name, h.keyword))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "a, b and c".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The distinct areas of work `items` reach into, in the order first found.
pub fn areas<'a, 'b>(
    index: &'a AreaIndex,
    items: impl IntoIterator<Item = &'b str>,
) -> Vec<AreaHit<'a>> {
    let mut hits: Vec<AreaHit> = Vec::new();
    for item in items {
        for found in item_areas(index, item) {
            if hits.iter().all(|h| h.area != found.area) {
                hits.push(AreaHit {
                    area: found.area,
                    name: &index.areas[found.area].name,
                    keyword: found.keyword,
                });
            }
        }
    }
    hits
}

/// The areas one decision or responsibility is about. What it decides is in its head,
/// before the first preposition ("*The hiring sequence* for the AI team"); each clause of
/// an enumerating head counts ("*AI strategy, architecture, vendor selection and hiring*").
/// A head naming no area lends the item the first area named anywhere before a note of
/// whom the role works with ("…, with the prompt and eval engineer", "within the
/// governance owner's rules"): those name another role's work, not this one's.
fn item_areas<'a>(index: &'a AreaIndex, item: &str) -> Vec<Found<'a>> {
    let own = before_collaboration(item);
    let found: Vec<Found> = clauses(head(own))
        .iter()
        .filter_map(|clause| first_keyword(index, clause))
        .collect();
    if found.is_empty() {
        first_keyword(index, &words(own)).into_iter().collect()
    } else {
        found
    }
}

fn first_keyword<'a>(index: &'a AreaIndex, text: &[String]) -> Option<Found<'a>> {
    (0..text.len()).find_map(|at| index.keyword_at(text, at))
}

/// The words of `text` with their byte offsets, lowercased and without punctuation.
fn words_at(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    text.split_whitespace().map(move |w| {
        let offset = w.as_ptr() as usize - text.as_ptr() as usize;
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        (offset, bare)
    })
}

/// Words that end the head of a decision: what follows qualifies it.
const PREPOSITIONS: &[&str] = &[
    "for",
    "with",
    "within",
    "from",
    "to",
    "between",
    "across",
    "in",
    "into",
    "of",
    "on",
    "under",
    "through",
    "by",
    "per",
    "so",
    "that",
    "where",
    "when",
    "which",
    "including",
    "against",
    "at",
    "via",
    "rather",
];

fn head(text: &str) -> &str {
    words_at(text)
        .skip(1)
        .find(|(_, w)| PREPOSITIONS.contains(&w.as_str()))
        .map_or(text, |(offset, _)| &text[..offset])
}

/// Notes of whom the role works with, as word sequences.
const COLLABORATION: &[&[&str]] = &[
    &["within"],
    &["alongside"],
    &["together", "with"],
    &["agreed", "with"],
    &["in", "line", "with"],
    &["in", "partnership", "with"],
    &["on", "the", "advice", "of"],
    &["with", "the", "help", "of"],
];

/// `text` up to a note of whom the role works with: one of `COLLABORATION`, or ", with".
fn before_collaboration(text: &str) -> &str {
    let all: Vec<(usize, String)> = words_at(text).collect();
    for (i, (offset, word)) in all.iter().enumerate().skip(1) {
        let comma_with = word == "with" && text[..*offset].trim_end().ends_with(',');
        let note = COLLABORATION.iter().any(|marker| {
            all.len() >= i + marker.len()
                && all[i..i + marker.len()]
                    .iter()
                    .zip(marker.iter())
                    .all(|((_, w), m)| w == m)
        });
        if comma_with || note {
            return text[..*offset].trim_end().trim_end_matches(',');
        }
    }
    text
}

/// The clauses of an enumeration, as words: split at punctuation and at "and", "or", "&".
fn clauses(text: &str) -> Vec<Vec<String>> {
    let marked: String = text
        .replace(" - ", "|")
        .replace(" & ", "|")
        .chars()
        .map(|c| if ",;:()—–".contains(c) { '|' } else { c })
        .collect();
    let mut clauses = Vec::new();
    for part in marked.split('|') {
        let mut clause = Vec::new();
        for word in words(part) {
            if matches!(word.as_str(), "and" | "or") {
                clauses.push(std::mem::take(&mut clause));
            } else {
                clause.push(word);
            }
        }
        clauses.push(clause);
    }
    clauses.retain(|c| !c.is_empty());
    clauses
}

/// Too many capabilities for one person: more primary ones than the limit, or more
/// primary and secondary ones together than the limit of both.
#[derive(Debug, PartialEq, Eq)]
pub struct CapabilityBundle<'a> {
    pub primary: Vec<&'a str>,
    pub secondary: Vec<&'a str>,
    /// Whether the primary ones alone are over their limit.
    pub primary_over: bool,
}

pub fn capability_bundle<'a>(role: &'a Role, limits: &LintLimits) -> Option<CapabilityBundle<'a>> {
    let caps = &role.front.capabilities;
    let primary: Vec<&str> = caps.primary.iter().map(|c| c.value.as_str()).collect();
    let secondary: Vec<&str> = caps.secondary.iter().map(|c| c.value.as_str()).collect();
    let primary_over = primary.len() > limits.max_primary_capabilities;
    (primary_over || primary.len() + secondary.len() > limits.max_capabilities).then_some(
        CapabilityBundle {
            primary,
            secondary,
            primary_over,
        },
    )
}

/// The areas of work the brief's decisions and summary reach into.
pub fn decision_areas<'a>(config: &'a Config, role: &Role) -> Vec<AreaHit<'a>> {
    let front = &role.front;
    areas(
        config.area_index(),
        front
            .decisions
            .value
            .iter()
            .map(String::as_str)
            .chain([front.summary.value.as_str()]),
    )
}

/// Whether the brief's front matter makes it a bundled role, as `bundled-role` reports it
/// (and unless that lint is allowed for it): the staffing view does not count such a brief
/// as staffing its capabilities.
pub fn is_bundled(config: &Config, role: &Role) -> bool {
    let limits = &config.lint_limits;
    !crate::playbook::lints::is_allowed(config, role, "bundled-role")
        && (capability_bundle(role, limits).is_some()
            || decision_areas(config, role).len() > limits.max_areas)
}

/// Headings whose bullets are a job's responsibilities, as job ads write them.
const RESPONSIBILITY_HEADINGS: &[&str] = &[
    "responsibilit",
    "accountabilit",
    "what you'll do",
    "what you will do",
    "what you'll own",
    "what you will own",
    "you will",
    "duties",
    "key tasks",
    "day to day",
    "day-to-day",
    "the role",
    "your role",
    "in this role",
    "remit",
    "mandate",
];

pub fn is_responsibilities(heading: &str) -> bool {
    let heading = heading.to_lowercase().replace('’', "'");
    RESPONSIBILITY_HEADINGS.iter().any(|h| heading.contains(h))
}

/// The responsibilities of a body: the bullets under headings that read as a job's
/// responsibilities, as plain text, with the first such heading's place in `toc`.
pub fn responsibilities<'b>(
    body: &'b str,
    items: &[ListItem],
    toc: &'b [TocEntry],
) -> Option<(usize, Vec<String>)> {
    let mut first = None;
    let mut bullets = Vec::new();
    for item in items {
        let Some(heading) = item.heading.filter(|&h| is_responsibilities(&toc[h].title)) else {
            continue;
        };
        first.get_or_insert(heading);
        if let Some(text) = body.get(item.range.clone()) {
            bullets.push(plain(text));
        }
    }
    first.map(|heading| (heading, bullets))
}

/// Markdown inline syntax taken out of a bullet: emphasis and code marks, link targets.
fn plain(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("](") {
            rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        if !"*`[]".contains(c) {
            text.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config;

    fn names(items: &[&str]) -> Vec<String> {
        let config = config();
        areas(config.area_index(), items.iter().copied())
            .iter()
            .map(|h| h.name.to_string())
            .collect()
    }

    /// Decisions and summaries as companies write them: the unicorns span more areas than
    /// the limit (4), the focused briefs stay within it.
    #[test]
    fn unicorns_span_many_areas_and_focused_briefs_few() {
        let head_of_everything = [
            "Our first AI leader, owning AI end to end and building the function from scratch.",
            "The company's AI strategy and where we invest first",
            "The target architecture for every AI system we build",
            "Which vendors, models and partners we buy from",
            "Hiring and building the AI team",
            "AI governance, risk and compliance policy",
            "How the business adopts AI, including change management and training",
        ];
        assert_eq!(
            names(&head_of_everything),
            [
                "Leadership",
                "Architecture",
                "Vendor selection",
                "Hiring",
                "Security & Compliance",
                "Change Management"
            ]
        );
        let director_ad = [
            "Lead our AI transformation: set the strategy, build the platform, hire the team and keep us compliant.",
            "Define and execute the enterprise AI strategy and roadmap",
            "Design and build scalable ML pipelines and infrastructure",
            "Develop and deploy machine learning and LLM models into production",
            "Manage relationships with AI vendors and technology partners",
            "Recruit, mentor and grow a world-class team of data scientists and engineers",
            "Establish AI governance and responsible AI practices",
            "Drive adoption and change management across business units",
        ];
        assert!(names(&director_ad).len() >= 8, "{:?}", names(&director_ad));
        let one_line = [
            "Owns AI strategy, architecture, hands-on model development, vendor management, hiring, governance and change management.",
        ];
        assert_eq!(names(&one_line).len(), 7, "{:?}", names(&one_line));
        let head_of_genai = [
            "Builds our generative AI capability from the ground up.",
            "The GenAI vision and which use cases we prioritise",
            "Which LLM providers we use and how we negotiate contracts (build vs buy)",
            "Prompt engineering standards and evaluation",
            "RAG pipelines and the data platform behind them",
            "Hiring the first five engineers",
        ];
        assert_eq!(
            names(&head_of_genai).len(),
            5,
            "{:?}",
            names(&head_of_genai)
        );

        let focused = [
            "Runs delivery of the claims AI roadmap: which use cases ship, in what order, and when each is ready.",
            "Which use cases move from pilot to production, and which stop",
            "The order of the roadmap, and what is cut when capacity is short",
            "When a use case is ready to release",
        ];
        assert_eq!(names(&focused), ["Product"]);
        let focused_with_hiring = [
            "Leads AI delivery for customer operations and owns the outcome of every AI use case in production.",
            "Which use cases we fund next quarter and which we stop",
            "The sequence of the AI roadmap across the two business units",
            "Team structure and hiring order for the AI team",
        ];
        assert_eq!(names(&focused_with_hiring), ["Product", "Hiring"]);
    }

    #[test]
    fn a_decision_is_about_its_head_not_whom_it_consults() {
        let cases: &[(&str, &[&str])] = &[
            // The qualifier names another role's work.
            (
                "Which claim features the triage model may use, within the governance owner's data-use rules",
                &[],
            ),
            (
                "How documents are chunked and refreshed for retrieval, with the prompt and eval engineer",
                &[],
            ),
            ("The hiring sequence for the AI team", &["Hiring"]),
            (
                "How the AI budget splits between hiring, partners, vendors and platform",
                &["Leadership"],
            ),
            // A head with no area: the first area named anywhere.
            (
                "Manage relationships with AI vendors and technology partners",
                &["Vendor selection"],
            ),
            (
                "Whether to build, buy or use a partner for each component",
                &["Vendor selection"],
            ),
            // Each clause of an enumerating head.
            (
                "AI strategy, architecture, vendor selection and hiring",
                &["Leadership", "Architecture", "Vendor selection", "Hiring"],
            ),
        ];
        for (item, expected) in cases {
            assert_eq!(names(&[item]), *expected, "{item}");
        }
    }

    #[test]
    fn responsibilities_are_the_bullets_under_a_responsibilities_heading() {
        for heading in [
            "Responsibilities",
            "Key responsibilities",
            "What you’ll do",
            "What you will own",
            "About the role",
        ] {
            assert!(is_responsibilities(heading), "{heading}");
        }
        for heading in [
            "How it fits",
            "The first 90 days",
            "Requirements",
            "Why this role waits",
        ] {
            assert!(!is_responsibilities(heading), "{heading}");
        }
        assert_eq!(
            plain("**Vendors:** choose [the platform](@/roles/x.md) and `AWS`"),
            "Vendors: choose the platform and AWS"
        );
    }
}
