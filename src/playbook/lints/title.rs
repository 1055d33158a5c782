//! `title-archetype`: the title's level words contradict the archetype ("Head of Applied ML"
//! on a builder, "AI Engineer" on an executive operator). Candidates read the title first:
//! a builder brief titled like a manager attracts managers. The words are `site.yaml`'s
//! `title_signals:`.
//!
//! "Lead" is a signal on a builder only as the title's role noun, the word the title names
//! the job by ("ML Team Lead", "Lead, AI Platform"): "Lead GenAI Engineer" is a senior
//! engineer who leads the build, and "Tech Lead" is that role by name. "Principal" is never
//! a signal: principal engineers build.

use super::text::{FieldText, at_text, find_words};
use super::*;
use crate::config::signals::TitleSignals;

/// The title's role noun and where it starts: the last word before a comma, a dash, a
/// bracket or an "of"/"for" ("Head of AI" → Head, "ML Team Lead" → Lead, "Lead, AI
/// Platform" → Lead, "Lead GenAI Engineer" → Engineer).
fn role_noun(title: &str) -> Option<(usize, &str)> {
    let mut end = title.len();
    for cut in [",", " - ", " – ", " — ", "(", "|", ":"] {
        if let Some(i) = title.find(cut) {
            end = end.min(i);
        }
    }
    for joint in ["of", "for", "to"] {
        if let Some(&i) = find_words(&title[..end], joint).first() {
            end = end.min(i);
        }
    }
    let head = title[..end].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[start..];
    (!word.is_empty()).then_some((start, word))
}

/// The first word of `title` that contradicts the archetype `signals` are for, and where.
fn contradiction<'s>(title: &str, signals: &'s TitleSignals) -> Option<(usize, &'s str)> {
    let anywhere = signals
        .words
        .iter()
        .filter_map(|w| Some((*find_words(title, w).first()?, w.as_str())))
        .min_by_key(|(at, _)| *at);
    if anywhere.is_some() {
        return anywhere;
    }
    let (at, noun) = role_noun(title)?;
    let excepted = signals
        .except
        .iter()
        .any(|phrase| !find_words(title, phrase).is_empty());
    signals
        .role_words
        .iter()
        .find(|w| w.eq_ignore_ascii_case(noun) && !excepted)
        .map(|w| (at, w.as_str()))
}

pub(super) fn title_archetype(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let archetype = &role.front.archetype.value;
    let Some(signals) = config.title_signals(archetype) else {
        return Vec::new();
    };
    let title = &role.front.title.value;
    let Some((at, word)) = contradiction(title, signals) else {
        return Vec::new();
    };
    let name = config
        .archetype(archetype)
        .map_or(archetype.as_str(), |a| a.name.as_str());
    let text = FieldText {
        key: "title".into(),
        index: None,
        value: title,
    };
    let d = at_text(
        role,
        &text,
        at,
        format!("title \"{title}\" says \"{word}\", which contradicts the archetype `{archetype}` ({name})"),
    )
    .with_help("retitle the brief for the job it describes, or change `archetype` to the job the title names");
    finding(config, Some(role), "title-archetype", d)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::signals::default_title_signals;

    #[test]
    fn role_nouns() {
        for (title, noun) in [
            ("Head of AI", "Head"),
            ("ML Team Lead", "Lead"),
            ("Lead, AI Platform Team", "Lead"),
            ("Lead GenAI Engineer", "Engineer"),
            ("Senior Director, AI", "Director"),
            ("AI/ML Platform Lead", "Lead"),
            ("Prompt & Eval Engineer", "Engineer"),
            ("Lead of the Applied AI Squad", "Lead"),
            ("Claims ML Engineer (contract)", "Engineer"),
        ] {
            assert_eq!(role_noun(title).map(|(_, n)| n), Some(noun), "{title}");
        }
    }

    #[test]
    fn titles_that_contradict_the_archetype() {
        let signals = default_title_signals();
        let builder = &signals["builder"];
        let executive = &signals["executive-operator"];
        let flagged: &[(&str, &TitleSignals, &str)] = &[
            ("Head of Applied ML", builder, "Head"),
            ("VP, AI Engineering", builder, "VP"),
            (
                "Vice President of Machine Learning",
                builder,
                "Vice President",
            ),
            ("Director of AI", builder, "Director"),
            ("Chief AI Architect", builder, "Chief"),
            ("Lead, AI Platform Team", builder, "Lead"),
            ("GenAI Team Lead", builder, "Lead"),
            ("ML Engineering Manager", builder, "Manager"),
            ("Chief AI Officer & Lead AI Engineer", executive, "Engineer"),
            ("Hands-on Chief AI Officer", executive, "Hands-on"),
            ("VP of AI and Principal Developer", executive, "Developer"),
        ];
        for (title, signals, word) in flagged {
            assert_eq!(
                contradiction(title, signals).map(|(_, w)| w),
                Some(*word),
                "{title}"
            );
        }
        let fine: &[(&str, &TitleSignals)] = &[
            ("Lead GenAI Engineer", builder),
            ("Lead ML Engineer, Claims", builder),
            ("Tech Lead, Applied ML", builder),
            ("Principal ML Engineer", builder),
            ("Senior Data Engineer", builder),
            ("Prompt & Eval Engineer", builder),
            ("Headless CMS Engineer", builder),
            ("Chief AI Officer", executive),
            ("VP of AI Engineering", executive),
            ("Chief Data & AI Officer", executive),
        ];
        for (title, signals) in fine {
            assert_eq!(contradiction(title, signals), None, "{title}");
        }
    }
}
