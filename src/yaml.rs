//! YAML for `site.yaml` and front matter, through serde-saphyr, with errors rewritten in the
//! site's own words: which key, what was expected, and the closest valid name.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Position, did_you_mean};

/// Front matter and config are small: a tight node budget rejects alias bombs in milliseconds.
const MAX_NODES: usize = 20_000;
const MAX_DEPTH: usize = 64;

/// Parse `yaml` into `T`; `yaml` starts at line 1 of `file` so positions are file positions.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &Path,
    source: &Arc<str>,
) -> Result<T, Box<Diagnostic>> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: MAX_NODES,
            max_depth: MAX_DEPTH,
        },
    };
    serde_saphyr::from_str_with_options::<T>(yaml, options).map_err(|error| {
        let position = error
            .location()
            .map(|l| Position::new(l.line().max(1) as usize, l.column().max(1) as usize))
            .unwrap_or(Position::START);
        let raw = error.without_snippet().to_string();
        let raw = strip_location(&raw);
        // A type the parser hands to a visitor of ours (`allow:`) is reported at its key;
        // the value's start reads better, as for every other key.
        let position = if raw.starts_with("invalid type: ") {
            value_position(yaml, position).unwrap_or(position)
        } else {
            position
        };
        let (message, help) = explain(raw, yaml, position);
        // serde reports a missing top-level key where the map ends; the map's start reads better.
        let position = if raw.starts_with("missing field") && key_path_at(yaml, position).is_none()
        {
            first_key_line(yaml).map_or(position, |line| Position::new(line, 1))
        } else {
            position
        };
        Box::new(
            Diagnostic::new(file, position, message)
                .with_help_opt(help)
                .with_source(source.clone()),
        )
    })
}

/// Where the value of the `key: value` line that starts at `position` starts.
fn value_position(yaml: &str, position: Position) -> Option<Position> {
    let line = yaml.lines().nth(position.line.checked_sub(1)?)?;
    let key_start = line.chars().take_while(|c| *c == ' ').count() + 1;
    if position.column != key_start {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let value_start = value.chars().take_while(|c| *c == ' ').count();
    (!value.trim().is_empty())
        .then(|| Position::new(position.line, key.chars().count() + 2 + value_start))
}

fn first_key_line(yaml: &str) -> Option<usize> {
    yaml.lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, _)| i + 1)
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
        assert_eq!(d.message, "`nested.inner` must be text");
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
