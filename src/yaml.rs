//! YAML for `site.yaml` and front matter, through serde-saphyr, with errors rewritten in the
//! site's own words: which key, what was expected, and the closest valid name.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Position, did_you_mean};

mod mistakes;
mod spanned;

pub use spanned::{Location, Spanned};

/// The id of a problem in how YAML is written (a bracket left open, a tab), in reports.
pub const SYNTAX_ID: &str = "yaml";

/// What a document may cost to read. Front matter is a few dozen values, so a tight node
/// budget rejects alias bombs in milliseconds; `site.yaml` may list a vocabulary of
/// thousands of capabilities. Both keep the parser's caps on aliases (`*name`) and depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    FrontMatter,
    SiteConfig,
}

impl Budget {
    /// Values (maps, lists and scalars, each alias counted each time it is used).
    pub fn max_nodes(self) -> usize {
        match self {
            Budget::FrontMatter => 20_000,
            Budget::SiteConfig => 1_000_000,
        }
    }

    /// Parser events: values and the ends of maps and lists.
    fn max_events(self) -> usize {
        self.max_nodes() * 5 / 2
    }

    /// The id of a problem in what the document says (an unknown key, a list where text
    /// goes), in reports.
    pub fn id(self) -> &'static str {
        match self {
            Budget::FrontMatter => "front-matter",
            Budget::SiteConfig => "config",
        }
    }

    /// What the document is, in messages.
    fn document(self) -> &'static str {
        match self {
            Budget::FrontMatter => "the front matter",
            Budget::SiteConfig => "site.yaml",
        }
    }
}

/// Nesting deeper than this is refused, for every document.
const MAX_DEPTH: usize = 64;
/// Where positions are looked up (`KeySpans`), documents the typed parse has read: no
/// document reaching this many values got that far.
const MAX_SPAN_NODES: usize = 1_000_000;

fn options(budget: Budget) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: budget.max_nodes(),
            max_events: budget.max_events(),
            max_depth: MAX_DEPTH,
        },
    }
}

/// Parse front matter `yaml` into `T`; `yaml` starts at line 1 of `file` so positions are
/// file positions.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &Path,
    source: &Arc<str>,
) -> Result<T, Box<Diagnostic>> {
    parse_with(yaml, file, source, Budget::FrontMatter)
}

/// Parse `yaml` into `T` within `budget`.
pub fn parse_with<T: DeserializeOwned>(
    yaml: &str,
    file: &Path,
    source: &Arc<str>,
    budget: Budget,
) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options::<T>(yaml, options(budget)).map_err(|error| {
        let position = error
            .location()
            .map_or(Position::START, |l| position(Location::from(&l)));
        let diagnostic = |at: Position, message: String, help: Option<String>, id| {
            let mut d = Diagnostic::new(file, at, message)
                .with_help_opt(help)
                .with_source(source.clone());
            d.code = Some(id);
            Box::new(d)
        };
        if let Some(breach) = budget_breach(&error) {
            let (message, help) = over_budget(breach, budget);
            return diagnostic(position, message, Some(help), SYNTAX_ID);
        }
        // A bracket left open makes the value a list the types then refuse: the first
        // mistake in how the YAML is written is the one to report.
        if let Some(mistake) = mistakes::syntax(yaml) {
            return diagnostic(mistake.at, mistake.message, Some(mistake.help), SYNTAX_ID);
        }
        let raw = error.without_snippet().to_string();
        let raw = strip_location(&raw);
        // A type the parser hands to a visitor of ours (`allow:`) is reported at its key;
        // the value's start reads better, as for every other key.
        let position = if raw.starts_with("invalid type: ") {
            value_position(yaml, position).unwrap_or(position)
        } else {
            position
        };
        if raw == "expected string scalar"
            && let Some(mistake) = mistakes::not_text(yaml, position)
        {
            return diagnostic(mistake.at, mistake.message, Some(mistake.help), budget.id());
        }
        let (message, mut help) = explain(raw, yaml, position);
        if raw == "expected sequence start" && help.is_none() {
            help = mistakes::not_list(yaml, position);
        }
        // serde reports a missing top-level key at the map's last key; its first reads better.
        let position = if raw.starts_with("missing field") && key_path_at(yaml, position).is_none()
        {
            KeySpans::of(yaml).first().map_or(position, |key| key.at)
        } else {
            position
        };
        diagnostic(position, message, help, budget.id())
    })
}

/// The budget `error` reports, also when it was met while an alias was replayed.
fn budget_breach(error: &serde_saphyr::Error) -> Option<&serde_saphyr::budget::BudgetBreach> {
    let mut error = error;
    loop {
        match error {
            serde_saphyr::Error::Budget { breach, .. } => return Some(breach),
            serde_saphyr::Error::AliasError { error: inner, .. }
            | serde_saphyr::Error::WithSnippet { error: inner, .. } => error = inner,
            _ => return None,
        }
    }
}

/// A breach of the parser's budget in plain words: which bound, and what to do.
fn over_budget(breach: &serde_saphyr::budget::BudgetBreach, budget: Budget) -> (String, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    let document = budget.document();
    let aliases = "An alias (`*name`) counts every value of what it repeats, each time it is used: a few nested aliases can stand for billions of values (an alias bomb); write the values out, or use fewer aliases";
    let (what, help) = match breach {
        B::Nodes { .. } | B::Events { .. } => (
            format!("more than {} YAML values", thousands(budget.max_nodes())),
            match budget {
                Budget::FrontMatter => format!(
                    "a brief's front matter holds tens of values; move long material into the body. {aliases}"
                ),
                Budget::SiteConfig => format!(
                    "a vocabulary this big is more than a playbook can use; trim it. {aliases}"
                ),
            },
        ),
        B::Aliases { .. }
        | B::Anchors { .. }
        | B::AliasAnchorRatio { .. }
        | B::MergeKeys { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. } => (
            "too many aliases (`*name`) or anchors (`&name`)".to_string(),
            aliases.to_string(),
        ),
        B::Depth { .. } => (
            format!("lists and maps nested more than {MAX_DEPTH} deep"),
            "flatten the nesting: no key of gen's nests more than a few levels".to_string(),
        ),
        B::ScalarBytes { .. } => (
            "more text than the YAML reader takes".to_string(),
            "move long text into the body or into files of its own".to_string(),
        ),
        B::Documents { .. } => (
            "too many YAML documents".to_string(),
            "write one document: no `---` lines inside it".to_string(),
        ),
        _ => (
            "more than the YAML reader takes".to_string(),
            "simplify the YAML: fewer values, aliases and levels of nesting".to_string(),
        ),
    };
    (
        format!("{document} is too large to read safely: {what}"),
        help,
    )
}

/// `n` with thousands separated by commas, for messages.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A parser location as a diagnostic position: 1-based, in characters. An unknown location
/// (line 0) is the start of the file.
pub fn position(location: Location) -> Position {
    Position::new(
        (location.line() as usize).max(1),
        (location.column() as usize).max(1),
    )
}

/// Where a document writes its keys, from the parser's spans: the keys of the top-level map in
/// the order written, each with its value's position and, when the value is a map, its keys.
/// Positions are those of the text parsed (front matter keeps its opening `---` line, so they
/// are file positions); a byte-order mark takes no column, as in editors.
#[derive(Debug, Default)]
pub struct KeySpans(Vec<KeySpan>);

/// One key of a map and where it is written.
#[derive(Debug)]
pub struct KeySpan {
    pub name: String,
    /// Where the key is written.
    pub at: Position,
    /// Where its value starts: the first key of a block map, the `[` or `{` of a flow one.
    pub value_at: Position,
    /// The keys of the value, when it is a map.
    pub keys: KeySpans,
}

impl KeySpans {
    /// The keys of `yaml`. A document that is not a map, or that the parser refuses, has none:
    /// positions are looked up in documents the typed parse has read, which reports the rest.
    pub fn of(yaml: &str) -> KeySpans {
        // Read from the parser's events, not through serde: a brief's findings ask for it
        // once each, and building typed values of the whole document cost ten times more.
        key_spans_from_events(yaml).unwrap_or_default()
    }

    pub fn get(&self, name: &str) -> Option<&KeySpan> {
        self.0.iter().find(|key| key.name == name)
    }

    pub fn first(&self) -> Option<&KeySpan> {
        self.0.first()
    }

    /// Where the value of the key written at `at` starts, searching nested maps too.
    pub fn value_of_key_at(&self, at: Position) -> Option<Position> {
        self.0.iter().find_map(|key| {
            if key.at == at {
                Some(key.value_at)
            } else {
                key.keys.value_of_key_at(at)
            }
        })
    }
}

/// One open collection while the events of a document are read.
enum Frame {
    Map {
        keys: Vec<KeySpan>,
        /// A key read, its value not yet.
        key: Option<(String, Position)>,
        /// A key whose value is the collection open above this frame: name, key, value.
        open: Option<(String, Position, Position)>,
    },
    Seq,
}

/// The top-level keys of `yaml` from the parser's events (and the keys of maps below them),
/// or `None` when the parser refuses the document or it is deeper or larger than the limits
/// the typed parse holds documents to.
fn key_spans_from_events(yaml: &str) -> Option<KeySpans> {
    use serde_saphyr::granit_parser::{Event, Parser};
    let at = |span: &serde_saphyr::granit_parser::Span| {
        Position::new(span.start.line().max(1), span.start.col() + 1)
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut nodes = 0usize;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.ok()?;
        let here = at(&span);
        match event {
            Event::Scalar(..) | Event::Alias(_) => {
                nodes += 1;
                if let Some(Frame::Map { keys, key, .. }) = stack.last_mut() {
                    match key.take() {
                        None => {
                            let name = match event {
                                Event::Scalar(value, ..) => value.to_string(),
                                _ => String::new(),
                            };
                            *key = Some((name, here));
                        }
                        Some((name, key_at)) => keys.push(KeySpan {
                            name,
                            at: key_at,
                            value_at: here,
                            keys: KeySpans::default(),
                        }),
                    }
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                nodes += 1;
                if let Some(Frame::Map { key, open, .. }) = stack.last_mut() {
                    // A collection as a key (rare YAML) has no name to find it by.
                    let (name, key_at) = key.take().unwrap_or((String::new(), here));
                    *open = Some((name, key_at, here));
                }
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Map {
                        keys: Vec::new(),
                        key: None,
                        open: None,
                    },
                    _ => Frame::Seq,
                });
                if stack.len() > MAX_DEPTH {
                    return None;
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let done = stack.pop()?;
                let inner = match done {
                    Frame::Map { keys, .. } => KeySpans(keys),
                    Frame::Seq => KeySpans::default(),
                };
                match stack.last_mut() {
                    Some(Frame::Map { keys, open, .. }) => {
                        if let Some((name, key_at, value_at)) = open.take() {
                            keys.push(KeySpan {
                                name,
                                at: key_at,
                                value_at,
                                keys: inner,
                            });
                        }
                    }
                    Some(Frame::Seq) => {}
                    // The document's own node: the top-level map.
                    None => return Some(inner),
                }
            }
            _ => {}
        }
        if nodes > MAX_SPAN_NODES {
            return None;
        }
    }
    None
}

/// Where the value of the key written at `position` starts, at any depth.
fn value_position(yaml: &str, position: Position) -> Option<Position> {
    KeySpans::of(yaml).value_of_key_at(position)
}

fn strip_location(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => &message[..i],
        _ => message,
    }
}

/// Turn serde's wording into the site's: keys, not fields; lists and text, not sequences
/// and scalars; the key at fault named even when the parser only gave a position.
fn explain(raw: &str, yaml: &str, position: Position) -> (String, Option<String>) {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty() && !s.starts_with("there are no"))
            .collect();
        let help = match did_you_mean(name, expected.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("expected one of: {}", expected.join(", ")),
        };
        return (format!("unknown key `{name}`"), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        let parent = key_path_at(yaml, position)
            .filter(|p| p.len() > 1)
            .map(|p| p[..p.len() - 1].join("."));
        let message = match parent {
            Some(parent) => format!("missing required key `{name}` in `{parent}`"),
            None => format!("missing required key `{name}`"),
        };
        return (message, Some(format!("add a line `{name}: ...`")));
    }
    if let Some(rest) = raw.strip_prefix("duplicate mapping key: ") {
        let name = rest.split(',').next().unwrap_or(rest);
        return (
            format!("duplicate key `{name}`"),
            Some("each key may appear once; remove or merge the other one".to_string()),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        let choices: Vec<&str> = expected.split(", ").map(|s| s.trim_matches('`')).collect();
        let key = key_path_at(yaml, position)
            .map_or("the value".to_string(), |p| format!("`{}`", p.join(".")));
        let help = did_you_mean(value, choices.iter().copied())
            .map(|close| format!("did you mean `{close}`?"));
        return (
            format!("{key} must be one of {}, not `{value}`", choices.join(", ")),
            help,
        );
    }
    if raw == "invalid boolean" {
        let key = key_path_at(yaml, position)
            .map_or("the value".to_string(), |p| format!("`{}`", p.join(".")));
        return (format!("{key} must be true or false"), None);
    }
    if let Some((_, expected)) = raw
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
        && let Some(key) = key_path_at(yaml, position)
    {
        return (format!("`{}` must be {expected}", key.join(".")), None);
    }
    let expected = match raw {
        "expected sequence start" => Some("a list (`[a, b]` or lines starting with `- `)"),
        "expected string scalar" => Some("text"),
        "invalid floating point" | "invalid integer" => Some("a number, such as `72000`"),
        // A count (`listing.page_size`, the lint limits): negative, fractional or words.
        "invalid u8" | "invalid u16" | "invalid u32" | "invalid u64" | "invalid usize" => {
            Some("a whole number, such as `100`")
        }
        "expected mapping start" | "expected map start" => Some("a map of `key: value` lines"),
        _ => None,
    };
    let key = key_path_at(yaml, position).map(|p| p.join("."));
    match (key, expected) {
        (Some(key), Some(expected)) => (format!("`{key}` must be {expected}"), None),
        (None, Some(expected)) => (format!("expected {expected}"), None),
        (Some(key), None) => (format!("`{key}`: {raw}"), None),
        (None, None) => (raw.to_string(), None),
    }
}

/// The dotted key path in effect at `position` of a block-style YAML document, found from
/// indentation. Used only to word messages, so a best effort is enough.
fn key_path_at(yaml: &str, position: Position) -> Option<Vec<String>> {
    let lines: Vec<&str> = yaml.lines().collect();
    let index = position.line.checked_sub(1)?;
    let line = lines.get(index)?;
    let mut path = Vec::new();
    let mut indent = indentation(line);
    let mut in_list_item = is_list_item(line);
    let before_column: String = line
        .chars()
        .take(position.column.saturating_sub(1))
        .collect();
    if let Some(key) = key_of(line).filter(|_| before_column.contains(':')) {
        path.push(key);
    }
    for candidate in lines[..index].iter().rev() {
        if candidate.trim().is_empty() || candidate.trim_start().starts_with('#') {
            continue;
        }
        let candidate_indent = indentation(candidate);
        // `- stage: x` above `  capabilities: y`: the first key of the same list item, a
        // sibling; the list's own key is further up.
        let item_key_column = candidate_indent + 2;
        if is_list_item(candidate) && item_key_column == indent && !in_list_item {
            indent = candidate_indent;
            in_list_item = true;
            continue;
        }
        let is_parent = candidate_indent < indent
            || (candidate_indent == indent && in_list_item && !is_list_item(candidate));
        if !is_parent {
            continue;
        }
        if let Some(key) = key_of(candidate) {
            path.push(key);
        }
        indent = candidate_indent;
        in_list_item = is_list_item(candidate);
        if indent == 0 && !in_list_item {
            break;
        }
    }
    path.reverse();
    (!path.is_empty()).then_some(path)
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ")
}

fn key_of(line: &str) -> Option<String> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = t.split_once(':')?;
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '+');
    plain.then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// Alias bombs are refused by the node budget even where every node would be read
    /// (`IgnoredAny` walks the whole document), so memory stays bounded.
    #[test]
    fn alias_bombs_and_deep_nesting_are_refused_by_the_budget() {
        let mut bomb = String::from("---\na0: &a0 lol\n");
        for i in 1..12 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let deep = format!("---\nx: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        for yaml in [bomb, deep] {
            let source: Arc<str> = Arc::from(yaml.as_str());
            let result = parse::<serde::de::IgnoredAny>(&yaml, Path::new("x.md"), &source);
            let error = result.expect_err("refused");
            assert!(error.position.line >= 1, "{error}");
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        items: Vec<String>,
        #[serde(default)]
        nested: Option<Nested>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Nested {
        inner: Vec<String>,
    }

    fn error_of(yaml: &str) -> Diagnostic {
        let source: Arc<str> = Arc::from(yaml);
        *parse::<Doc>(yaml, Path::new("doc.md"), &source).expect_err("should fail")
    }

    #[test]
    fn unknown_key_suggests_the_close_name() {
        let d = error_of("---\ntitel: x\n");
        assert_eq!(d.message, "unknown key `titel`");
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(d.position, Position::new(2, 1));
    }

    #[test]
    fn wrong_type_names_the_key() {
        let d = error_of("---\ntitle: x\nitems: 5\n");
        assert_eq!(
            d.message,
            "`items` must be a list (`[a, b]` or lines starting with `- `)"
        );
        assert_eq!(d.position, Position::new(3, 8));
    }

    #[test]
    fn wrong_type_inside_a_list_names_the_parent_key() {
        let d = error_of("---\ntitle: x\nnested:\n  inner:\n    - a\n    - {b: 1}\n");
        assert_eq!(d.message, "`nested.inner` must be text, not a map");
        assert_eq!(d.position.line, 6);
    }

    #[test]
    fn missing_key_is_named() {
        let d = error_of("---\nitems: []\n");
        assert_eq!(d.message, "missing required key `title`");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let d = error_of("---\ntitle: a\ntitle: b\n");
        assert_eq!(d.message, "duplicate key `title`");
        assert_eq!(d.position.line, 3);
    }

    /// Where a key and its value are written: (line, column) twice, 1-based, in characters.
    type Written = Option<((usize, usize), (usize, usize))>;

    /// (document, key path, where the key and its value are written).
    const KEY_SPANS: &[(&str, &[&str], Written)] = &[
        ("title: x\n", &["title"], Some(((1, 1), (1, 8)))),
        // Front matter keeps its opening `---` line, so positions are file positions.
        ("---\ntitle: x\n", &["title"], Some(((2, 1), (2, 8)))),
        (
            "---\ntitle: x\ntools+: [a, b]\n",
            &["tools+"],
            Some(((3, 1), (3, 9))),
        ),
        ("---\ntitle: x\ntools+: [a, b]\n", &["tools"], None),
        (
            "---\n# a comment\n\n  # an indented one\ntitle: x\n",
            &["title"],
            Some(((5, 1), (5, 8))),
        ),
        // A byte-order mark takes no column, as in editors.
        ("\u{feff}title: x\n", &["title"], Some(((1, 1), (1, 8)))),
        (
            "\u{feff}---\ntheme: x\n",
            &["theme"],
            Some(((2, 1), (2, 8))),
        ),
        // Flow style, for the document and for a value.
        (
            "{title: x, theme: y}\n",
            &["theme"],
            Some(((1, 12), (1, 19))),
        ),
        (
            "lints: {tool-soup: deny, bundled-role: allow}\n",
            &["lints", "bundled-role"],
            Some(((1, 26), (1, 40))),
        ),
        (
            "lints: {tool-soup: deny}\n",
            &["lints"],
            Some(((1, 1), (1, 8))),
        ),
        // A block map value starts at its first key; a value may start on the next line.
        (
            "lints:\n  # why\n  tool-soup: deny\n",
            &["lints"],
            Some(((1, 1), (3, 3))),
        ),
        (
            "lints:\n  # why\n  tool-soup: deny\n",
            &["lints", "tool-soup"],
            Some(((3, 3), (3, 14))),
        ),
        ("title:\n  x\n", &["title"], Some(((1, 1), (2, 3)))),
        // A nested key of the same name is not the top-level one, before or after it.
        (
            "nested:\n  theme: inner\ntheme: outer\n",
            &["theme"],
            Some(((3, 1), (3, 8))),
        ),
        (
            "nested:\n  theme: inner\ntheme: outer\n",
            &["nested", "theme"],
            Some(((2, 3), (2, 10))),
        ),
        ("nested:\n  theme: inner\n", &["theme"], None),
        ("nested: {theme: inner}\n", &["theme"], None),
        (
            "capabilities:\n  - key: a\nkey: b\n",
            &["key"],
            Some(((3, 1), (3, 6))),
        ),
        // A map indented as a whole is still the top level.
        (
            "  title: x\n  theme: y\n",
            &["theme"],
            Some(((2, 3), (2, 10))),
        ),
        // Columns count characters, not bytes.
        (
            "é: x\nnested: {é: 1, k: 2}\n",
            &["nested", "k"],
            Some(((2, 16), (2, 19))),
        ),
        ("\"quoted\": 1\n", &["quoted"], Some(((1, 1), (1, 11)))),
        // Documents with no map have no keys.
        ("---\n", &["title"], None),
        ("- title\n", &["title"], None),
        ("title: [\n", &["title"], None),
    ];

    #[test]
    fn key_spans_are_where_the_parser_read_the_keys() {
        for (yaml, path, expected) in KEY_SPANS {
            let keys = KeySpans::of(yaml);
            let (first, rest) = path.split_first().expect("a path");
            let key = rest
                .iter()
                .try_fold(keys.get(first), |key, name| key.map(|k| k.keys.get(name)));
            let found = key.flatten().map(|k| {
                (
                    (k.at.line, k.at.column),
                    (k.value_at.line, k.value_at.column),
                )
            });
            assert_eq!(found, *expected, "{path:?} in {yaml:?}");
        }
    }

    #[test]
    fn the_first_key_skips_the_fence_comments_and_blank_lines() {
        let keys = KeySpans::of("---\n# a comment\n\nsummary: s\ntitle: t\n");
        let first = keys.first().expect("a key");
        assert_eq!(
            (first.name.as_str(), first.at),
            ("summary", Position::new(4, 1))
        );
    }

    #[test]
    fn a_missing_top_level_key_is_reported_at_the_first_key() {
        let d = error_of("---\n# why\n\nitems: []\nnested:\n  inner: []\n");
        assert_eq!(d.message, "missing required key `title`");
        assert_eq!(d.position, Position::new(4, 1));
    }

    #[test]
    fn alias_bombs_are_rejected() {
        let mut yaml = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            yaml.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        yaml.push_str("title: x\n");
        let source: Arc<str> = Arc::from(yaml.as_str());
        let result = parse::<serde_json::Value>(&yaml, Path::new("bomb.md"), &source);
        assert!(result.is_err());
    }
}
