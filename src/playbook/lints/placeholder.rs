//! `placeholder`: text nobody wrote yet (TODO, TBD, N/A, "...", lorem ipsum, "[insert
//! ...]"), the guidance of `gen new role` left as it was, and boilerplate that names nobody
//! ("works closely with", "various stakeholders"), in a brief's front matter and in any
//! page's body. On an open brief the finding is an error: the search is live.

use super::text::{Body, FieldText, at_text, front_texts, is_word_at};
use super::*;
use crate::content::role::Status;

/// What kind of unwritten text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A marker that stands for text to come: TODO, TBD, "...".
    Marker,
    /// The guidance of the `gen new` scaffolds (themes/default/archetypes/).
    Guidance,
    /// A phrase that fills the space where a name and a decision belong.
    Boilerplate,
}

#[derive(Debug, PartialEq, Eq)]
struct Found {
    /// Bytes into the text.
    at: usize,
    kind: Kind,
    /// The words found, as written.
    words: String,
}

/// Values that are nothing but a placeholder.
const WHOLE: &[&str] = &[
    "-", "--", "—", "–", "?", "??", "???", "...", "…", "n/a", "na", "tbd", "tbc", "tba", "todo",
    "x", "xx", "xxx",
];

/// Markers in any case: no word of prose is spelt so. TODO and FIXME count in capitals
/// only ("a todo app" is prose), or before a colon; so do runs of x ("XX%") and "N/A".
const MARKERS: &[&str] = &["tbd", "tbc", "tba"];

/// Words that open a bracketed placeholder: "[insert team name]", "<your company>".
const BRACKET_WORDS: &[&str] = &[
    "insert",
    "add",
    "enter",
    "fill",
    "your",
    "company",
    "client",
    "placeholder",
    "describe",
];

/// The guidance `gen new role` and `gen new role --from` write (after "TODO: "), lower
/// case and without the final full stop. A test keeps it in step with the scaffolds.
const GUIDANCE: &[&str] = &[
    "one sentence on what this role is for",
    "the business outcome this hire drives, with its target and date",
    "a decision this role owns",
    "what must be true after 90 days",
    "what must be true after 6 months",
    "what must be true after 12 months",
    "the problem this hire solves, and why now",
    "what the person does first, and what they hand over by day 90",
    "who they work with in product, data, security and it, and who decides what",
    "the systems and failures to ask about",
    "the profiles that look right on paper and are not",
    "this team's outcome, with its target and date",
    "a decision specific to this team",
    "what is different in this company (systems, data, regulation, who is already in seat), and why",
    "one sentence on what this page is for",
    "write the page",
    "what the hiring team should know and candidates should not read",
    "why the role exists and what is interesting about it, for candidates",
    "the working system the hire takes over",
    "its eval suite, and which releases it has stopped",
    "the runbooks that come with it",
    "the on-call rotation, and who is on it until the handover",
];

/// Phrases that stand where a name, a decision and an owner belong.
const BOILERPLATE: &[&str] = &[
    "works closely with",
    "work closely with",
    "working closely with",
    "partners closely with",
    "partners with stakeholders",
    "partner with stakeholders",
    "partnering with stakeholders",
    "liaises with",
    "liaise with",
    "liaising with",
    "collaborates cross-functionally",
    "collaborate cross-functionally",
    "collaborating cross-functionally",
    "collaborate with cross-functional teams",
    "collaborates with cross-functional teams",
    "collaborating with cross-functional teams",
    "work with cross-functional teams",
    "works with cross-functional teams",
    "working with cross-functional teams",
    "various stakeholders",
    "relevant stakeholders",
    "key stakeholders",
    "all stakeholders",
    "senior stakeholders",
    "business stakeholders",
];

/// The first placeholder in `text`: one finding per item or line is enough to send the
/// writer back to it.
fn first_placeholder(text: &str) -> Option<Found> {
    placeholders(text).into_iter().next()
}

/// Every placeholder in `text`, in order: one walk over its words (a body has thousands
/// of lines, so each pattern is tried only where a word starts).
fn placeholders(text: &str) -> Vec<Found> {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    if WHOLE.iter().any(|w| trimmed.eq_ignore_ascii_case(w)) {
        return vec![found(text, lead, trimmed.len(), Kind::Marker)];
    }
    let mut all = Vec::new();
    all.extend(guidance(text));
    let brackets = each_word(text, |at, end| {
        if let Some((len, kind)) = placeholder_at(text, at, end) {
            all.push(found(text, at, len, kind));
        }
    });
    if brackets {
        all.extend(
            bracketed(text)
                .into_iter()
                .map(|(at, len)| found(text, at, len, Kind::Marker)),
        );
    }
    all.sort_by_key(|f| f.at);
    all.dedup_by_key(|f| f.at);
    all
}

fn found(text: &str, at: usize, len: usize, kind: Kind) -> Found {
    Found {
        at,
        kind,
        words: text[at..at + len].to_string(),
    }
}

/// Calls `word(start, end)` for each run of letters and digits, and says whether the text
/// between them opens a bracket (`[`, `<`, `{`): one pass for both.
fn each_word(text: &str, mut word: impl FnMut(usize, usize)) -> bool {
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter or digit, and its length; ASCII undecoded.
    let at = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        }
    };
    let mut brackets = false;
    let mut i = 0;
    while i < bytes.len() {
        let (is_word, len) = at(i);
        if !is_word {
            brackets |= matches!(bytes[i], b'[' | b'<' | b'{');
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (is_word, len) = at(i);
            if !is_word {
                break;
            }
            i += len;
        }
        word(start, i);
    }
    brackets
}

/// A placeholder starting with the word `text[at..end]`: its length and kind.
fn placeholder_at(text: &str, at: usize, end: usize) -> Option<(usize, Kind)> {
    let word = &text[at..end];
    let first = word.as_bytes()[0].to_ascii_lowercase();
    // Every placeholder word starts with one of these: most words are out at once.
    if !b"tfxnlwpcvrkasb".contains(&first) {
        return None;
    }
    let rest = &text[end..];
    let marker = word == "TODO"
        || word == "FIXME"
        || (word.eq_ignore_ascii_case("todo") && rest.starts_with(':'))
        || MARKERS.iter().any(|m| word.eq_ignore_ascii_case(m))
        || (word.len() >= 2 && word.bytes().all(|b| b == b'x' || b == b'X'));
    if marker {
        return Some((word.len(), Kind::Marker));
    }
    if word.eq_ignore_ascii_case("n")
        && rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case("/a"))
        && !rest[2..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
    {
        return Some((3, Kind::Marker));
    }
    let phrase_at = |phrase: &str| {
        text.get(at..at + phrase.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(phrase))
            && is_word_at(text, at, phrase.len())
    };
    if word.eq_ignore_ascii_case("lorem") && phrase_at("lorem ipsum") {
        return Some(("lorem ipsum".len(), Kind::Marker));
    }
    // A phrase can start here only if its first word is this word.
    let opens = |p: &&&str| {
        p.as_bytes().get(word.len()) == Some(&b' ')
            && p.get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    BOILERPLATE
        .iter()
        .filter(opens)
        .find(|p| phrase_at(p))
        .map(|p| (p.len(), Kind::Boilerplate))
}

/// The scaffold's guidance, when it is what `text` says: alone, after "TODO:", or before
/// a full stop ("write the page. Link to briefs...").
fn guidance(text: &str) -> Option<Found> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let skip = rest
        .get(..5)
        .filter(|m| m.eq_ignore_ascii_case("todo:"))
        .map_or(0, |_| 5);
    let at = start + skip + (rest[skip..].len() - rest[skip..].trim_start().len());
    let said = text[at..].trim_end();
    let first = said.as_bytes().first()?.to_ascii_lowercase();
    GUIDANCE
        .iter()
        .filter(|g| g.as_bytes()[0] == first)
        .find(|g| {
            said.get(..g.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(g))
                && matches!(said[g.len()..].chars().next(), None | Some('.' | '"'))
        })
        .map(|g| found(text, at, g.len(), Kind::Guidance))
}

/// "[insert team]", "<your company>", "{company name}": brackets around an instruction to
/// whoever fills the brief in; a Markdown link (`[add it](x.md)`) is not one.
fn bracketed(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (at, open) in text.char_indices() {
        let close = match open {
            '[' => ']',
            '<' => '>',
            '{' => '}',
            _ => continue,
        };
        // "{{company}}" is one placeholder, found at its first brace.
        if text[..at].ends_with(open) {
            continue;
        }
        let inner = text[at + 1..].trim_start_matches(open).trim_start();
        let Some(end) = inner.find(close) else {
            continue;
        };
        if inner[..end].contains('\n') {
            continue;
        }
        let first = inner[..end]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !BRACKET_WORDS.contains(&first.as_str()) {
            continue;
        }
        let after_close = inner[end..].trim_start_matches(close);
        if open == '[' && (after_close.starts_with('(') || after_close.starts_with('[')) {
            continue;
        }
        let len = text.len() - at - after_close.len();
        found.push((at, len));
    }
    found
}

/// The message and help of a finding of `kind`, about `words` in `place`.
fn explain(kind: Kind, words: &str, place: &str) -> (String, &'static str) {
    match kind {
        Kind::Marker => (
            format!("placeholder \"{words}\" in {place}"),
            "write the real text, or leave the key out until it is known",
        ),
        Kind::Guidance => (
            format!("the scaffold's guidance \"{words}\" is still in {place}"),
            "replace the guidance `gen new` wrote with this brief's own answer",
        ),
        Kind::Boilerplate => (
            format!("boilerplate \"{words}\" in {place}: it names nobody and no decision"),
            "name the team or person, what you decide together and who has the final say, e.g. \"Agrees acceptance criteria with the CPO, who decides the release date\"",
        ),
    }
}

/// Whether a finding on `role` is an error whatever the site's level: an open search must
/// not post a placeholder. The library view ignores statuses.
fn is_open(config: &Config, role: Option<&Role>) -> bool {
    !config.archetypes_only && role.is_some_and(|r| r.front.status == Status::Open)
}

/// A finding of `placeholder`, raised to an error on an open brief unless allowed.
fn raise(config: &Config, role: Option<&Role>, d: Diagnostic) -> Option<Diagnostic> {
    let mut d = finding(config, role, "placeholder", d)?;
    if is_open(config, role) && d.severity == Severity::Warning {
        d.severity = Severity::Error;
        d.help = d
            .help
            .map(|h| format!("{h}; this brief is open (`status: open`), so it is an error").into());
    }
    Some(d)
}

/// Placeholders in the texts of a brief's front matter, each at its item.
pub(super) fn front_placeholders(config: &Config, role: &Role) -> Vec<Diagnostic> {
    front_texts(role)
        .iter()
        .flat_map(|text| {
            first_placeholder(text.value).and_then(|f| front_finding(config, role, text, &f))
        })
        .collect()
}

fn front_finding(config: &Config, role: &Role, text: &FieldText, f: &Found) -> Option<Diagnostic> {
    let (message, help) = explain(f.kind, &f.words, &format!("`{}`", text.key));
    raise(
        config,
        Some(role),
        at_text(role, text, f.at, message).with_help(help),
    )
}

/// Placeholders in a page's body: never in code; on guides, never in quotes.
pub(super) fn body_placeholders(
    config: &Config,
    role: Option<&Role>,
    body: &Body,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in body.text.split_inclusive('\n') {
        let (prose, prose_at) = line_prose(line);
        let own = placeholders(prose)
            .into_iter()
            .find(|f| body.is_own_words(line_start + prose_at + f.at));
        if let Some(f) = own {
            let at = line_start + prose_at + f.at;
            let (message, help) = explain(f.kind, &f.words, "the body");
            let d = body.diagnostic(at, message).with_help(help);
            found.extend(raise(config, role, d));
        }
        line_start += line.len();
    }
    found
}

/// A body line without its block markers (`> `, `- `, `1. `, `# `): the words a reader sees,
/// and where they start in the line.
fn line_prose(line: &str) -> (&str, usize) {
    let mut rest = line.trim_end_matches(['\n', '\r']);
    loop {
        let trimmed = rest.trim_start();
        let next = trimmed
            .strip_prefix("> ")
            .or_else(|| trimmed.strip_prefix("- "))
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
            .or_else(|| trimmed.strip_prefix('#').map(|r| r.trim_start_matches('#')))
            .or_else(|| {
                let digits = trimmed.len()
                    - trimmed
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                (digits > 0)
                    .then(|| trimmed[digits..].strip_prefix(". "))
                    .flatten()
            });
        match next {
            Some(next) if next.len() < rest.len() => rest = next,
            _ => break,
        }
    }
    (rest, offset_in(line, rest))
}

/// Where `part` (a slice of `line`) starts in it.
fn offset_in(line: &str, part: &str) -> usize {
    part.as_ptr() as usize - line.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(Kind, String)> {
        placeholders(text)
            .into_iter()
            .map(|f| (f.kind, f.words))
            .collect()
    }

    #[test]
    fn placeholders_are_found() {
        let marker = |w: &str| vec![(Kind::Marker, w.to_string())];
        let cases: &[(&str, Vec<(Kind, String)>)] = &[
            ("TODO", marker("TODO")),
            ("TODO: one sentence on the role", marker("TODO")),
            ("todo: write this", marker("todo")),
            ("Reports to the CTO (TBD)", marker("TBD")),
            ("Salary band tbd", marker("tbd")),
            ("N/A", marker("N/A")),
            ("Security review: n/a for now", marker("n/a")),
            ("-", marker("-")),
            ("?", marker("?")),
            ("...", marker("...")),
            ("…", marker("…")),
            ("Cut handling time by XX% by Q?", marker("XX")),
            ("Lorem ipsum dolor sit amet", marker("Lorem ipsum")),
            (
                "Owns the [insert system name] roadmap",
                marker("[insert system name]"),
            ),
            ("Works with <your data team>", marker("<your data team>")),
            (
                "Partners with {{company}} leadership",
                marker("{{company}}"),
            ),
            ("FIXME: the numbers", marker("FIXME")),
            (
                "Works closely with product and engineering",
                vec![(Kind::Boilerplate, "Works closely with".into())],
            ),
            (
                "Liaises with IT on infrastructure",
                vec![(Kind::Boilerplate, "Liaises with".into())],
            ),
            (
                "Partners with stakeholders across the business",
                vec![(Kind::Boilerplate, "Partners with stakeholders".into())],
            ),
            (
                "Collaborates cross-functionally to deliver value",
                vec![(Kind::Boilerplate, "Collaborates cross-functionally".into())],
            ),
            (
                "Aligns various stakeholders on the AI roadmap",
                vec![(Kind::Boilerplate, "various stakeholders".into())],
            ),
            (
                "Collaborate with cross-functional teams to embed AI into every product",
                vec![(
                    Kind::Boilerplate,
                    "Collaborate with cross-functional teams".into(),
                )],
            ),
            (
                "Present the AI roadmap to senior stakeholders",
                vec![(Kind::Boilerplate, "senior stakeholders".into())],
            ),
            (
                "Engage business stakeholders to identify AI opportunities",
                vec![(Kind::Boilerplate, "business stakeholders".into())],
            ),
            (
                "one sentence on what this role is for.",
                vec![(
                    Kind::Guidance,
                    "one sentence on what this role is for".into(),
                )],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn near_misses_are_not_placeholders() {
        for text in [
            "Reduce the total cost of claims handling by 20% by the end of today's plan",
            "Turn a well-defined to-do list into a delivery plan",
            "LLM-based triage, with a retrieval-based fallback",
            "Applies to N/A-rated legacy products only",
            "Cut p95 latency to under 800 ms?",
            "Which use cases move from pilot to production",
            "Agrees acceptance criteria with the CPO, who decides the release date",
            "Works through the CISO's team so AI controls extend existing policy",
            "Cross-functional alignment on priorities and budget",
            "Runs the cross-functional team of claims handlers and engineers",
            "Hires a senior engineer before the business case is signed",
            "Stakeholder meetings will fill much of the first quarter",
            "A 10x cheaper pipeline; the box is [x] checked",
            "See [add a reviewer](@/guides/how-to-read.md)",
            "Model, data and eval versions pinned per release",
            "Owns the Dockerfile and the CI/CD pipeline",
            "X-ray triage for motor claims",
        ] {
            assert_eq!(words(text), vec![], "{text:?}");
        }
    }

    /// Each "TODO: ..." the `gen new` scaffolds write is guidance this lint knows, so an
    /// untouched scaffold is found even once its "TODO:" markers are deleted.
    #[test]
    fn the_scaffolds_guidance_is_known() {
        let scaffolds = [
            include_str!("../../../themes/default/archetypes/role.md"),
            include_str!("../../../themes/default/archetypes/derived.md"),
            include_str!("../../../themes/default/archetypes/page.md"),
        ];
        let mut seen = 0;
        for scaffold in scaffolds {
            for (at, _) in scaffold.match_indices("TODO: ") {
                let rest = &scaffold[at + "TODO: ".len()..];
                let end = rest.find(['"', '\n']).unwrap_or(rest.len());
                let guidance = rest[..end].to_lowercase();
                let guidance = guidance.trim_end_matches('.');
                // The page scaffold goes on with an example after the first sentence.
                let guidance = guidance.split(". ").next().unwrap_or(guidance);
                assert!(
                    GUIDANCE.contains(&guidance),
                    "{guidance:?} is not in GUIDANCE"
                );
                let kinds: Vec<Kind> = placeholders(guidance).iter().map(|f| f.kind).collect();
                assert_eq!(kinds, [Kind::Guidance], "{guidance:?}");
                seen += 1;
            }
        }
        assert!(seen >= 15, "{seen}");
    }
}
