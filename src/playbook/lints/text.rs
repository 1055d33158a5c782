//! What the lints of wording read: every text of a brief's front matter with a way to point
//! into it, and a page's body with its code (never judged) and quotes (on guides, quoted
//! examples of bad briefs) marked; and the word matching they share.

use std::ops::Range;

use super::*;
use crate::content::spans::text_position;

/// One text of a brief's front matter: its key (`summary`, `interfaces.security`,
/// `success.90d`), its index in a list, and the text.
pub(super) struct FieldText<'a> {
    pub key: std::borrow::Cow<'static, str>,
    pub index: Option<usize>,
    pub value: &'a str,
}

/// Every text of `role`'s front matter, in the order the keys are written in a brief.
pub(super) fn front_texts(role: &Role) -> Vec<FieldText<'_>> {
    let f = &role.front;
    let mut texts = Vec::new();
    texts.push(one("title", &f.title.value));
    texts.push(one("summary", &f.summary.value));
    texts.push(one("outcome", &f.outcome.value));
    for interface in &f.interfaces.0 {
        texts.extend(interface.text.as_deref().map(|value| FieldText {
            key: format!("interfaces.{}", interface.key.value).into(),
            index: None,
            value,
        }));
    }
    texts.extend(f.reports_to.as_deref().map(|v| one("reports_to", v)));
    push_items(&mut texts, "decisions", &f.decisions.value);
    push_items(&mut texts, "owns_after_launch", &f.owns_after_launch);
    for (key, measures) in ["success.90d", "success.6m", "success.12m"]
        .into_iter()
        .zip(f.success.value.horizons())
        .map(|(key, (_, _, measures))| (key, measures.unwrap_or(&[])))
    {
        texts.extend(measures.iter().enumerate().map(|(i, measure)| FieldText {
            key: key.into(),
            index: Some(i),
            value: &measure.value,
        }));
    }
    push_items(&mut texts, "constraints", &f.constraints);
    push_items(&mut texts, "tools", &f.tools);
    push_items(&mut texts, "interview_probes", &f.interview_probes);
    // The loop's own probes are asked in interviews too.
    for stage in f.interview_loop.iter().flatten() {
        texts.extend(stage.probes.iter().map(|probe| FieldText {
            key: "interview_loop.probes".into(),
            index: None,
            value: probe,
        }));
    }
    push_items(&mut texts, "red_flags", &f.red_flags);
    push_items(&mut texts, "internal_notes", &f.internal_notes);
    push_items(&mut texts, "location", &f.location);
    texts.extend(f.posting.intro.as_deref().map(|v| one("posting.intro", v)));
    for (i, tag) in f.tags.iter().enumerate() {
        texts.push(FieldText {
            key: "tags".into(),
            index: Some(i),
            value: &tag.value,
        });
    }
    texts
}

fn push_items<'a>(texts: &mut Vec<FieldText<'a>>, key: &'static str, items: &'a [String]) {
    texts.extend(items.iter().enumerate().map(|(i, value)| FieldText {
        key: key.into(),
        index: Some(i),
        value,
    }));
}

fn one<'a>(key: &'static str, value: &'a str) -> FieldText<'a> {
    FieldText {
        key: key.into(),
        index: None,
        value,
    }
}

/// A finding about the text `text` of `role`, at `offset` bytes into it: in the file that
/// wrote it, at the item itself (or its key, when the value cannot be found).
pub(super) fn at_text(
    role: &Role,
    text: &FieldText,
    offset: usize,
    message: impl Into<String>,
) -> Diagnostic {
    let top = text.key.split('.').next().unwrap_or(&text.key);
    let source = match (text.key.as_ref(), text.index) {
        ("title", _) => &role.source,
        (key, Some(i)) if !key.contains('.') => role.source_of_item(key, i),
        _ => role.source_of(top),
    };
    // Appended horizons and interfaces (`success+`, `interfaces+`) are the brief's own.
    let found = [source, &role.source]
        .into_iter()
        .find_map(|file| Some((file, text_position(file, &text.key, text.value, offset)?)));
    match found {
        Some((file, at)) => role.diagnostic_at(file, at, message),
        None => at_key(role, top, message),
    }
}

/// A page's body, for the lints that read prose.
pub(super) struct Body<'a> {
    pub text: &'a str,
    /// The file, and where the body starts in it, for positions.
    source: &'a SourceFile,
    body_offset: usize,
    code: &'a [Range<usize>],
    quotes: &'a [Range<usize>],
    /// Guides explain bad briefs by quoting them: their quotes are examples, not the
    /// page's own words.
    quotes_are_examples: bool,
}

impl<'a> Body<'a> {
    pub fn new(
        source: &'a SourceFile,
        body_offset: usize,
        markdown: &'a crate::markdown::RenderedMarkdown,
        is_guide: bool,
    ) -> Self {
        Body {
            text: &source.text[body_offset..],
            source,
            body_offset,
            code: &markdown.code,
            quotes: &markdown.quotes,
            quotes_are_examples: is_guide,
        }
    }

    /// Whether the words at `at` (bytes into the body) are the page's own: not code, and on
    /// a guide not quoted (a block quote, or between quotation marks on the line).
    pub fn is_own_words(&self, at: usize) -> bool {
        let inside = |ranges: &[Range<usize>]| ranges.iter().any(|r| r.contains(&at));
        if inside(self.code) {
            return false;
        }
        !(self.quotes_are_examples && (inside(self.quotes) || self.in_quotation_marks(at)))
    }

    fn in_quotation_marks(&self, at: usize) -> bool {
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &self.text[line_start..at];
        let straight = before.matches('"').count();
        let opened = before.matches('“').count();
        let closed = before.matches('”').count();
        straight % 2 == 1 || opened > closed
    }

    /// A finding at `at` bytes into the body.
    pub fn diagnostic(&self, at: usize, message: impl Into<String>) -> Diagnostic {
        let position = self.source.position_in_body(self.body_offset, at);
        self.source.diagnostic(position, message)
    }
}

/// Whether `text[at..at + len]` stands as words of its own: no letter or digit touches it.
pub(super) fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Byte offsets of `needle` in `text` as a word or phrase of its own, ignoring ASCII case.
pub(super) fn find_words(text: &str, needle: &str) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    lower
        .match_indices(&needle)
        .map(|(at, _)| at)
        .filter(|&at| is_word_at(text, at, needle.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stand_alone() {
        assert_eq!(find_words("TODO: today, a todo", "todo"), [0, 15]);
        assert_eq!(find_words("total", "to"), Vec::<usize>::new());
        assert_eq!(find_words("works closely with", "works closely with"), [0]);
    }
}
