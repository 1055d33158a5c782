//! Where a brief's text values are written. `WrittenFront` keeps most texts as plain strings;
//! a lint that finds something inside one asks here for its position, and the file's front
//! matter is parsed once more (only then, so briefs without findings cost nothing) for the
//! spans of its texts.

use crate::yaml::Spanned;
use serde::Deserialize;

use crate::content::front_matter;
use crate::content::role::position;
use crate::content::source::SourceFile;
use crate::diagnostic::Position;

type Text = Option<Spanned<String>>;
type Texts = Option<Vec<Spanned<String>>>;

/// The text values of one file's front matter, with their spans. Lenient: the file was
/// already checked against `WrittenFront`, and keys that hold no text are left out.
#[derive(Default, Deserialize)]
struct TextSpans {
    #[serde(default)]
    title: Text,
    #[serde(default)]
    summary: Text,
    #[serde(default)]
    outcome: Text,
    #[serde(default)]
    reports_to: Text,
    #[serde(default)]
    decisions: Texts,
    #[serde(default, rename = "decisions+")]
    decisions_more: Texts,
    #[serde(default)]
    owns_after_launch: Texts,
    #[serde(default, rename = "owns_after_launch+")]
    owns_after_launch_more: Texts,
    #[serde(default)]
    interfaces: Option<InterfaceSpans>,
    #[serde(default, rename = "interfaces+")]
    interfaces_more: Option<InterfaceSpans>,
    #[serde(default)]
    success: Option<SuccessSpans>,
    #[serde(default, rename = "success+")]
    success_more: Option<SuccessSpans>,
    #[serde(default)]
    constraints: Texts,
    #[serde(default, rename = "constraints+")]
    constraints_more: Texts,
    #[serde(default)]
    tools: Texts,
    #[serde(default, rename = "tools+")]
    tools_more: Texts,
    #[serde(default)]
    interview_probes: Texts,
    #[serde(default, rename = "interview_probes+")]
    interview_probes_more: Texts,
    #[serde(default)]
    red_flags: Texts,
    #[serde(default, rename = "red_flags+")]
    red_flags_more: Texts,
    #[serde(default)]
    tags: Texts,
    #[serde(default, rename = "tags+")]
    tags_more: Texts,
    #[serde(default)]
    internal_notes: Texts,
    #[serde(default, rename = "internal_notes+")]
    internal_notes_more: Texts,
    #[serde(default)]
    location: Texts,
    #[serde(default)]
    interview_loop: Option<Vec<LoopStageSpans>>,
    #[serde(default)]
    posting: Option<PostingSpans>,
}

/// A stage of `interview_loop:`: its own probes.
#[derive(Default, Deserialize)]
struct LoopStageSpans {
    #[serde(default)]
    probes: Texts,
}

#[derive(Default, Deserialize)]
struct PostingSpans {
    #[serde(default)]
    intro: Text,
}

/// The interfaces a file states, by name (`product`, `finance`).
type InterfaceSpans = std::collections::BTreeMap<String, Text>;

#[derive(Default, Deserialize)]
struct SuccessSpans {
    #[serde(rename = "90d", default)]
    days_90: Texts,
    #[serde(rename = "6m", default)]
    months_6: Texts,
    #[serde(rename = "12m", default)]
    months_12: Texts,
}

fn one(text: &Text) -> Vec<&Spanned<String>> {
    text.iter().collect()
}

fn lists<'a>(plain: &'a Texts, more: &'a Texts) -> Vec<&'a Spanned<String>> {
    plain.iter().chain(more).flatten().collect()
}

impl TextSpans {
    /// The spans written under `key` (`summary`, `tools`, `interfaces.security`,
    /// `success.90d`), plain and `+`.
    fn under(&self, key: &str) -> Vec<&Spanned<String>> {
        let interface = |name: &str| {
            [&self.interfaces, &self.interfaces_more]
                .into_iter()
                .flatten()
                .filter_map(|i| i.get(name))
                .flat_map(|text| text.iter())
                .collect::<Vec<_>>()
        };
        let horizon = |pick: fn(&SuccessSpans) -> &Texts| {
            [&self.success, &self.success_more]
                .into_iter()
                .flatten()
                .flat_map(|s| pick(s).iter().flatten())
                .collect::<Vec<_>>()
        };
        match key {
            "title" => one(&self.title),
            "summary" => one(&self.summary),
            "outcome" => one(&self.outcome),
            "reports_to" => one(&self.reports_to),
            "decisions" => lists(&self.decisions, &self.decisions_more),
            "owns_after_launch" => lists(&self.owns_after_launch, &self.owns_after_launch_more),
            "constraints" => lists(&self.constraints, &self.constraints_more),
            "tools" => lists(&self.tools, &self.tools_more),
            "interview_probes" => lists(&self.interview_probes, &self.interview_probes_more),
            "red_flags" => lists(&self.red_flags, &self.red_flags_more),
            "tags" => lists(&self.tags, &self.tags_more),
            "internal_notes" => lists(&self.internal_notes, &self.internal_notes_more),
            "location" => lists(&self.location, &None),
            "interview_loop.probes" => self
                .interview_loop
                .iter()
                .flatten()
                .flat_map(|stage| stage.probes.iter().flatten())
                .collect(),
            "posting.intro" => self.posting.iter().flat_map(|p| one(&p.intro)).collect(),
            "success.90d" => horizon(|s| &s.days_90),
            "success.6m" => horizon(|s| &s.months_6),
            "success.12m" => horizon(|s| &s.months_12),
            other => match other.strip_prefix("interfaces.") {
                Some(name) => interface(name),
                None => Vec::new(),
            },
        }
    }
}

/// Where `source` writes the text `value` under `key` (see `TextSpans::under`), pointing at
/// the character `offset` bytes into the value when the value is written on one line as it
/// reads (plain or quoted without escapes); at the value's start otherwise.
pub fn text_position(
    source: &SourceFile,
    key: &str,
    value: &str,
    offset: usize,
) -> Option<Position> {
    let split = front_matter::split(&source.text).ok()?;
    let spans: TextSpans = crate::yaml::parse(split.yaml, &source.file, &source.text).ok()?;
    let written = spans.under(key).into_iter().find(|s| s.value == value)?;
    let start = position(written.referenced);
    Some(within(&source.text, start, value, offset))
}

/// `start` moved to `offset` bytes into `value`, when the line at `start` spells the value
/// out up to there.
fn within(text: &str, start: Position, value: &str, offset: usize) -> Position {
    let Some(line) = text.lines().nth(start.line - 1) else {
        return start;
    };
    let rest: String = line.chars().skip(start.column - 1).collect();
    let rest = rest
        .strip_prefix(['"', '\''])
        .map_or((rest.as_str(), 0), |r| (r, 1));
    let prefix = value.get(..offset).unwrap_or("");
    if rest.0.starts_with(prefix) {
        Position::new(start.line, start.column + rest.1 + prefix.chars().count())
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn source(text: &str) -> SourceFile {
        SourceFile::decode(
            Path::new("content/roles/x.md"),
            "roles/x.md".into(),
            text.as_bytes().to_vec(),
        )
        .expect("decodes")
    }

    #[test]
    fn finds_texts_by_key_and_value() {
        let file = source(
            "---\ntitle: X\nsummary: Does TODO things.\ninterfaces:\n  security: \"TBD\"\nsuccess:\n  6m: [One live, TBD later]\ninterview_probes:\n  - What is RAG?\n---\nBody.\n",
        );
        assert_eq!(
            text_position(&file, "summary", "Does TODO things.", 5),
            Some(Position::new(3, 15))
        );
        assert_eq!(
            text_position(&file, "interfaces.security", "TBD", 0),
            Some(Position::new(5, 14))
        );
        assert_eq!(
            text_position(&file, "success.6m", "TBD later", 0),
            Some(Position::new(7, 18))
        );
        assert_eq!(
            text_position(&file, "interview_probes", "What is RAG?", 0),
            Some(Position::new(9, 5))
        );
        assert_eq!(text_position(&file, "summary", "Other.", 0), None);
    }

    #[test]
    fn folded_values_point_at_their_start() {
        let file = source("---\ntitle: X\nsummary: >\n  Does\n  TODO things.\n---\n");
        assert_eq!(
            text_position(&file, "summary", "Does TODO things.\n", 5),
            Some(Position::new(4, 3))
        );
    }
}
