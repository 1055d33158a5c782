//! The YAML mistakes editors make most, in plain words: a colon inside text, a bracket or a
//! quote left open, a tab for indentation, a list or a map where text goes. Each names the
//! place at fault and shows the editor's own line written the way YAML reads it as meant.

use serde_saphyr::granit_parser::{ErrorKind, Event, Parser, ScanError};

use super::{KeySpans, key_of, key_path_at};
use crate::diagnostic::Position;

/// A mistake explained: where it is, what is wrong, and how to write it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Explained {
    pub at: Position,
    pub message: String,
    pub help: String,
}

/// A value longer than this is shortened in examples: the shape is what they show.
const EXAMPLE_CHARS: usize = 60;

/// The first syntax error of `yaml`, explained; `None` when the parser reads the whole
/// document, or for an error these words do not cover (the parser's own message stays).
pub(super) fn syntax(yaml: &str) -> Option<Explained> {
    // The flow collections (`[` and `{`) open where the error is met: a bracket left open
    // is where the parser noticed nothing, lines later.
    let mut open: Vec<Option<(Position, char)>> = Vec::new();
    for event in Parser::new_from_str(yaml) {
        match event {
            Err(error) => return explain_syntax(yaml, &error, open.into_iter().flatten().last()),
            Ok((Event::StreamEnd, _)) => return None,
            Ok((Event::SequenceStart(..) | Event::MappingStart(..), span)) => {
                let at = marker_position(span.start.line(), span.start.col());
                let flow = char_at(yaml, at).filter(|c| *c == '[' || *c == '{');
                open.push(flow.map(|c| (at, c)));
                if open.len() > super::MAX_DEPTH {
                    return None;
                }
            }
            Ok((Event::SequenceEnd | Event::MappingEnd, _)) => {
                open.pop();
            }
            Ok(_) => {}
        }
    }
    None
}

fn marker_position(line: usize, column: usize) -> Position {
    Position::new(line.max(1), column + 1)
}

fn explain_syntax(
    yaml: &str,
    error: &ScanError,
    open_flow: Option<(Position, char)>,
) -> Option<Explained> {
    let at = marker_position(error.marker().line(), error.marker().col());
    match error.kind() {
        ErrorKind::MappingValueNotAllowed => Some(colon(yaml, at)),
        ErrorKind::UnclosedQuotedScalar => unclosed_quote(yaml, at),
        ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar => text_after_quote(yaml, at),
        ErrorKind::TabInIndentation
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabNotAllowed
        | ErrorKind::TabAtBlockScalarStart => tab(yaml, at),
        _ => {
            let (opened, bracket) = open_flow?;
            let never_closed = opened.line != at.line
                || matches!(
                    error.kind(),
                    ErrorKind::UnclosedFlowCollection { .. }
                        | ErrorKind::UnexpectedEofFlowSequence
                        | ErrorKind::UnexpectedEofFlowMapping
                        | ErrorKind::UnexpectedEofImplicitFlowMapping
                );
            never_closed.then(|| unclosed_bracket(yaml, opened, bracket))
        }
    }
}

/// `summary: Note: Runs…`: a colon and a space inside text start a key, which YAML does not
/// allow there. On a line with no key before the colon, the line is indented too far.
fn colon(yaml: &str, at: Position) -> Explained {
    let line = line_at(yaml, at.line);
    let before: String = line.chars().take(at.column - 1).collect();
    let written = Written::of(line);
    if before.contains(": ") || before.trim_start().starts_with("- ") {
        let shown = before.rsplit(": ").next().unwrap_or(&before);
        let shown = shown.trim_start().trim_start_matches("- ");
        let whose = match &written.key {
            Some(key) => format!("the text of `{key}`"),
            None => "this list item".to_string(),
        };
        return Explained {
            at,
            message: format!(
                "{whose} has a colon and a space in it (`{shown}: `), which YAML reads as the start of a key"
            ),
            help: format!(
                "put the whole text in quotes; write it like this: {}",
                written.with_value(&quoted(&written.value))
            ),
        };
    }
    let above = line_above(yaml, at.line);
    let indent = above.map_or(0, indentation);
    let rewritten = format!("{}{}", " ".repeat(indent), line.trim_start());
    let above_key = above
        .and_then(key_of)
        .map_or(String::new(), |key| format!(" (`{key}:`)"));
    Explained {
        at: Position::new(at.line, indentation(line) + 1),
        message: format!(
            "this line is indented more than the line above it{above_key}, so YAML cannot read it as a key of its own"
        ),
        help: format!(
            "start keys of one level in the same column; write it like this: `{}`; if the line continues the text above, put that text in quotes on one line",
            rewritten.trim_end()
        ),
    }
}

/// `archetype: [manager`: the bracket is never closed, and the parser notices lines later.
fn unclosed_bracket(yaml: &str, opened: Position, bracket: char) -> Explained {
    let close = if bracket == '[' { ']' } else { '}' };
    let line = line_at(yaml, opened.line);
    let closed = format!("{}{close}", line.trim_end().trim_end_matches(','));
    let written = Written::of(line);
    let inside: String = line
        .chars()
        .skip(opened.column)
        .collect::<String>()
        .trim()
        .to_string();
    let single = if bracket == '[' && !inside.is_empty() && !inside.contains(',') {
        format!(
            "; or, for one value, leave the bracket out: {}",
            written.with_value(&plain_or_quoted(&inside))
        )
    } else {
        String::new()
    };
    let what = if bracket == '[' { "list" } else { "map" };
    Explained {
        at: opened,
        message: format!("the `{bracket}` here opens a {what} that is never closed with `{close}`"),
        help: format!(
            "close it after its last item; write it like this: `{}`{single}",
            shorten(&closed)
        ),
    }
}

/// `summary: "Runs the platform`: the text's closing quote is missing.
fn unclosed_quote(yaml: &str, at: Position) -> Option<Explained> {
    let quote = char_at(yaml, at)?;
    let line = line_at(yaml, at.line);
    Some(Explained {
        at,
        message: format!("the quote `{quote}` here is never closed"),
        help: format!(
            "end the text with the same quote; write it like this: `{}{quote}`",
            shorten(line.trim_end())
        ),
    })
}

/// `summary: 'We're hiring'`: a quote inside quoted text ended it early. Or a quote left
/// open on an earlier line, which the parser took as closed by the next such quote.
fn text_after_quote(yaml: &str, at: Position) -> Option<Explained> {
    let before: String = line_at(yaml, at.line)
        .chars()
        .take(at.column.saturating_sub(1))
        .collect();
    let closing = before.trim_end().chars().last()?;
    let opened = (1..=at.line)
        .rev()
        .find(|line| Written::of(line_at(yaml, *line)).value.starts_with(closing))?;
    let line = line_at(yaml, opened);
    let written = Written::of(line);
    if opened < at.line {
        let reached = at.line;
        let at = Position::new(
            opened,
            line.trim_end().chars().count() - written.value.chars().count() + 1,
        );
        return Some(Explained {
            at,
            message: format!(
                "the quote `{closing}` here is never closed on its line, so YAML reads on to the next `{closing}`, on line {}",
                reached
            ),
            help: format!(
                "end the text with the same quote; write it like this: `{}{closing}`",
                shorten(line.trim_end())
            ),
        });
    }
    let value = written.value.as_str();
    let inner = value
        .strip_prefix(closing)
        .and_then(|v| v.strip_suffix(closing))
        .unwrap_or(value);
    Some(Explained {
        at,
        message: format!(
            "text goes on after a closing quote: YAML ends the value at the second `{closing}`"
        ),
        help: format!(
            "quote the whole text with the other kind of quote; write it like this: {}",
            written.with_value(&quoted(inner))
        ),
    })
}

/// A tab in the indentation: YAML indents with spaces only.
fn tab(yaml: &str, at: Position) -> Option<Explained> {
    // The parser may stop at the end of the line before the one the tab indents.
    let lines: Vec<&str> = yaml.lines().collect();
    let (index, line) = (at.line.saturating_sub(1)..lines.len())
        .take(3)
        .map(|i| (i, lines[i]))
        .find(|(_, line)| leading(line).contains('\t'))?;
    let column = line.chars().position(|c| c == '\t').unwrap_or(0) + 1;
    let above = lines[..index]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let indent = match above {
        Some(above) if above.trim_end().ends_with(':') => indentation(above) + 2,
        Some(above) => indentation(above),
        None => 0,
    };
    Some(Explained {
        at: Position::new(index + 1, column),
        message: "a tab indents this line; YAML indents with spaces only".to_string(),
        help: format!(
            "replace the tab with spaces; write it like this: `{}{}`",
            " ".repeat(indent),
            shorten(line.trim())
        ),
    })
}

/// A typed parse wanted text at `at` and found a list or a map.
pub(super) fn not_text(yaml: &str, at: Position) -> Option<Explained> {
    let path = key_path_at(yaml, at)?;
    let key = path.last()?;
    let line = line_at(yaml, at.line);
    match char_at(yaml, at)? {
        '[' | '-' => {
            let items = items_at(yaml, at)?;
            let joiner = if items.iter().any(|i| i.contains(',')) {
                "; "
            } else {
                ", "
            };
            let text = items.join(joiner);
            let indent = key_indent(yaml, at).unwrap_or(0);
            Some(Explained {
                at,
                message: format!("`{}` must be text, not a list", path.join(".")),
                help: format!(
                    "write it as one line of text; write it like this: `{}{key}: {}`",
                    " ".repeat(indent),
                    shorten_value(&plain_or_quoted(&text))
                ),
            })
        }
        '{' => Some(Explained {
            at,
            message: format!("`{}` must be text, not a map", path.join(".")),
            help: format!(
                "text that starts with `{{` goes in quotes; write it like this: {}",
                Written::of(line).with_value(&quoted(&Written::of(line).value))
            ),
        }),
        _ => {
            // `- Budget: who decides` in a list of text, or `key: value` lines under a key
            // that takes text: a colon and a space made the text a key.
            let text = line.trim_start().trim_start_matches("- ").trim_start();
            let before: String = line.chars().take(at.column - 1).collect();
            let Some((head, _)) = text.split_once(": ") else {
                // Keys nested under the key: a map, not text with a colon in it.
                let indent = key_indent(yaml, at).unwrap_or(0);
                return Some(Explained {
                    at,
                    message: format!("`{}` must be text, not a map", path.join(".")),
                    help: format!(
                        "write the text on the key's line; write it like this: `{}{key}: …`",
                        " ".repeat(indent)
                    ),
                });
            };
            let item = is_item(line);
            let whose = if item {
                format!("an item of `{}`", path.join("."))
            } else {
                format!("`{}`", path.join("."))
            };
            Some(Explained {
                at,
                message: format!(
                    "{whose} is read as `{head}: …`, a key and its value, because a colon and a space start a key"
                ),
                help: format!(
                    "put the text in quotes; write it like this: `{before}{}`",
                    shorten_value(&quoted(text))
                ),
            })
        }
    }
}

/// A typed parse wanted a list at `at` and found text.
pub(super) fn not_list(yaml: &str, at: Position) -> Option<String> {
    let written = Written::of(line_at(yaml, at.line));
    let key = written.key.as_ref()?;
    if written.value.is_empty() || matches!(written.value.chars().next(), Some('[' | '{')) {
        return None;
    }
    let item = match plain_or_quoted(&written.value) {
        plain if plain == written.value && !plain.contains(',') => plain,
        _ => quoted(&written.value),
    };
    Some(format!(
        "write it like this: {}, or one item per line under `{key}:`, each starting with `- `",
        written.with_value(&format!("[{}]", shorten_value(&item)))
    ))
}

/// The texts of the items of the list that starts at `at`.
fn items_at(yaml: &str, at: Position) -> Option<Vec<String>> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.ok()?;
        let here = marker_position(span.start.line(), span.start.col());
        match event {
            Event::SequenceStart(..) if depth == 0 && here == at => depth = 1,
            Event::SequenceStart(..) | Event::MappingStart(..) if depth > 0 => depth += 1,
            Event::SequenceEnd | Event::MappingEnd if depth == 1 => return Some(items),
            Event::SequenceEnd | Event::MappingEnd if depth > 1 => depth -= 1,
            Event::Scalar(value, ..) if depth == 1 => items.push(value.to_string()),
            Event::StreamEnd => return None,
            _ => {}
        }
    }
    None
}

/// The indentation of the key whose value starts at `at`.
fn key_indent(yaml: &str, at: Position) -> Option<usize> {
    fn find(keys: &KeySpans, at: Position) -> Option<Position> {
        keys.0.iter().find_map(|key| {
            if key.value_at == at {
                Some(key.at)
            } else {
                find(&key.keys, at)
            }
        })
    }
    find(&KeySpans::of(yaml), at).map(|key| key.column - 1)
}

/// A line of YAML taken apart: what comes before the value, the key, and the value.
struct Written {
    /// Indentation, `- ` and `key: `.
    head: String,
    key: Option<String>,
    value: String,
}

impl Written {
    fn of(line: &str) -> Written {
        let indent = indentation(line);
        let mut head = line[..indent].to_string();
        let mut rest = &line[indent..];
        if let Some(after) = rest.strip_prefix("- ") {
            head.push_str("- ");
            rest = after;
        }
        // A list item's text may hold a colon; only a key as gen writes them is a key.
        let key = rest.split_once(": ").map(|(k, _)| k).filter(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_+".contains(c))
        });
        let key = key.map(str::to_string);
        if let Some(key) = &key {
            head.push_str(key);
            head.push_str(": ");
            rest = &rest[key.len() + 2..];
        }
        Written {
            head,
            key,
            value: rest.trim().to_string(),
        }
    }

    /// The line with `value` in place of its own, in backticks.
    fn with_value(&self, value: &str) -> String {
        format!("`{}{}`", self.head, shorten_value(value))
    }
}

/// `text` in YAML quotes: double quotes unless it holds one, then single ones.
fn quoted(text: &str) -> String {
    if !text.contains('"') {
        format!("\"{}\"", text.replace('\\', "\\\\"))
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// `text` as a YAML value: as it is where YAML reads it as text, else quoted.
fn plain_or_quoted(text: &str) -> String {
    let special = text.is_empty()
        || text.trim() != text
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.starts_with("- ")
        || text.starts_with(|c: char| "[]{},&*!|>'\"%@`#?".contains(c));
    if special {
        quoted(text)
    } else {
        text.to_string()
    }
}

/// A value shortened for an example, its closing quote kept: `"Note: Designs and runs…"`.
fn shorten_value(value: &str) -> String {
    if value.chars().count() <= EXAMPLE_CHARS {
        return value.to_string();
    }
    let quote = value
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')
        .filter(|q| value.ends_with(*q) && value.len() > 1);
    let inner = match quote {
        Some(q) => &value[1..value.len() - q.len_utf8()],
        None => value,
    };
    let cut = shorten(inner);
    match quote {
        Some(q) => format!("{q}{cut}{q}"),
        None => cut,
    }
}

/// `text` cut at a word near `EXAMPLE_CHARS`, with an ellipsis.
fn shorten(text: &str) -> String {
    if text.chars().count() <= EXAMPLE_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(EXAMPLE_CHARS - 10).collect();
    let head = match head.rfind(' ') {
        Some(space) if space > 20 => &head[..space],
        _ => head.as_str(),
    };
    format!("{}…", head.trim_end_matches([',', ';', ':']))
}

fn line_at(yaml: &str, line: usize) -> &str {
    yaml.lines().nth(line.saturating_sub(1)).unwrap_or("")
}

/// The nearest line above `line` that holds something.
fn line_above(yaml: &str, line: usize) -> Option<&str> {
    yaml.lines()
        .take(line.saturating_sub(1))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---")
        .last()
}

fn char_at(yaml: &str, at: Position) -> Option<char> {
    line_at(yaml, at.line)
        .chars()
        .nth(at.column.checked_sub(1)?)
}

/// Spaces before the text of `line`.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The whitespace `line` starts with.
fn leading(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (document, line and column, message fragment, help fragment).
    const SYNTAX: &[(&str, (usize, usize), &str, &str)] = &[
        (
            "---\ntitle: x\nsummary: Note: Runs the claims platform\n",
            (3, 14),
            "the text of `summary` has a colon and a space in it (`Note: `)",
            "write it like this: `summary: \"Note: Runs the claims platform\"`",
        ),
        (
            "---\ndecisions:\n  - Budget: who signs: the CFO\n",
            (3, 22),
            "this list item has a colon and a space in it (`who signs: `)",
            "`  - \"Budget: who signs: the CFO\"`",
        ),
        (
            "---\ntitle: x\nsummary: The \"AI\" lead: owns it\n",
            (3, 23),
            "(`The \"AI\" lead: `)",
            "`summary: 'The \"AI\" lead: owns it'`",
        ),
        (
            "---\ntitle: x\n  summary: y\n",
            (3, 3),
            "indented more than the line above it (`title:`)",
            "write it like this: `summary: y`",
        ),
        (
            "---\ntitle: x\narchetype: [manager\nsummary: s\n",
            (3, 12),
            "the `[` here opens a list that is never closed with `]`",
            "`archetype: [manager]`; or, for one value, leave the bracket out: `archetype: manager`",
        ),
        (
            "---\ntitle: x\ntools: [Python, SQL\n",
            (3, 8),
            "never closed with `]`",
            "`tools: [Python, SQL]`",
        ),
        (
            "---\ntitle: x\ninterfaces: {product: a\n",
            (3, 13),
            "the `{` here opens a map that is never closed with `}`",
            "`interfaces: {product: a}`",
        ),
        (
            "---\ntitle: x\nsummary: \"Runs the platform\narchetype: m\n",
            (3, 10),
            "the quote `\"` here is never closed",
            "`summary: \"Runs the platform\"`",
        ),
        (
            "---\ntitle: x\nsummary: 'We're hiring'\n",
            (3, 14),
            "text goes on after a closing quote: YAML ends the value at the second `'`",
            "`summary: \"We're hiring\"`",
        ),
        (
            "---\ntitle: x\nsummary: \"Fast\" and cheap\n",
            (3, 17),
            "at the second `\"`",
            "`summary: '\"Fast\" and cheap'`",
        ),
        (
            "---\ndecisions:\n\t- a\n",
            (3, 1),
            "a tab indents this line; YAML indents with spaces only",
            "write it like this: `  - a`",
        ),
        (
            "---\ndecisions:\n  - a\n\t- b\n",
            (4, 1),
            "a tab indents this line",
            "`  - b`",
        ),
        (
            "---\ntitle: x\n\tsummary: y\n",
            (3, 1),
            "a tab indents this line",
            "`summary: y`",
        ),
    ];

    /// A case of a table above: `found` is at its place, with its message and help.
    fn assert_explained(
        (yaml, (line, column), message, help): &(&str, (usize, usize), &str, &str),
        found: Option<Explained>,
    ) {
        let found = found.unwrap_or_else(|| panic!("explained: {yaml:?}"));
        let at = Position::new(*line, *column);
        assert_eq!(found.at, at, "{yaml:?}: {found:?}");
        assert!(found.message.contains(message), "{yaml:?}: {found:?}");
        assert!(found.help.contains(help), "{yaml:?}: {found:?}");
    }

    #[test]
    fn syntax_mistakes_are_named_with_the_line_rewritten() {
        for case in SYNTAX {
            assert_explained(case, syntax(case.0));
        }
    }

    #[test]
    fn valid_yaml_has_no_syntax_mistake() {
        for yaml in [
            "---\ntitle: x\nsummary: \"Note: quoted\"\n",
            "---\nsummary: a\n  continued\ntools: [a, b]\n",
            "---\ndecisions:\n  - Budget: who decides\n",
        ] {
            assert_eq!(syntax(yaml), None, "{yaml:?}");
        }
    }

    /// (document, where the typed parse found a list or map, message, help fragment).
    const NOT_TEXT: &[(&str, (usize, usize), &str, &str)] = &[
        (
            "---\ntitle: x\nsummary:\n  - Runs the platform\n  - Owns on-call\n",
            (4, 3),
            "`summary` must be text, not a list",
            "`summary: Runs the platform, Owns on-call`",
        ),
        (
            "---\ntitle: x\nreports_to: [CTO, CIO]\n",
            (3, 13),
            "`reports_to` must be text, not a list",
            "`reports_to: CTO, CIO`",
        ),
        (
            "---\ninterfaces:\n  product: [Roadmap, scoping]\n",
            (3, 12),
            "`interfaces.product` must be text, not a list",
            "`  product: Roadmap, scoping`",
        ),
        (
            "---\ntitle: x\ndecisions:\n  - Budget: who decides\n",
            (4, 5),
            "an item of `decisions` is read as `Budget: …`, a key and its value",
            "`  - \"Budget: who decides\"`",
        ),
    ];

    #[test]
    fn keys_nested_under_a_text_key_are_a_map() {
        let found =
            not_text("---\ntitle:\n  k:\n    k: v\n", Position::new(3, 3)).expect("explained");
        assert_eq!(found.message, "`title` must be text, not a map");
        assert!(found.help.ends_with("`title: …`"), "{found:?}");
    }

    #[test]
    fn a_list_or_map_where_text_goes_is_named_with_the_line_rewritten() {
        for case in NOT_TEXT {
            let (line, column) = case.1;
            assert_explained(case, not_text(case.0, Position::new(line, column)));
        }
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opened() {
        let yaml = "---\narchetype: 'architect\nsummary: Runs the CISO's review\n";
        let found = syntax(yaml).expect("explained");
        assert_eq!(found.at, Position::new(2, 12), "{found:?}");
        assert!(
            found
                .message
                .contains("never closed on its line, so YAML reads on to the next `'`, on line 3"),
            "{found:?}"
        );
        assert!(
            found.help.ends_with("`archetype: 'architect'`"),
            "{found:?}"
        );
    }

    #[test]
    fn text_where_a_list_goes_is_shown_as_a_list() {
        for (yaml, help) in [
            (
                "---\ndecisions: Model choice\n",
                "`decisions: [Model choice]`",
            ),
            ("---\ntools: Python, SQL\n", "`tools: [\"Python, SQL\"]`"),
        ] {
            let found = not_list(yaml, Position::new(2, 12)).expect("explained");
            assert!(found.contains(help), "{found}");
        }
    }

    #[test]
    fn long_values_are_shortened_in_examples() {
        let long = format!("Note: {}", "runs the shared platform ".repeat(6));
        let yaml = format!("---\nsummary: {long}\n");
        let found = syntax(&yaml).expect("explained");
        assert!(
            found
                .help
                .contains("`summary: \"Note: runs the shared platform runs the shared…\"`"),
            "{found:?}"
        );
    }
}
