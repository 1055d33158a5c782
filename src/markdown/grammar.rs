//! Code blocks in the languages playbooks use most (Python, YAML, JSON, bash, SQL),
//! highlighted by tree-sitter: about five times syntect's lines per second on code that
//! does not repeat (README "Performance" / "Highlighting"). Each grammar's captures are
//! written as the TextMate scopes syntect gives the same tokens, so the classes are
//! syntect's (`hl-keyword`, `hl-string hl-quoted`, ...) and `syntax.css` styles them as
//! before. Every other language stays with syntect (`highlight.rs`).

use std::cell::RefCell;
use std::sync::OnceLock;

use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent};

/// A language with a grammar compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grammar {
    Python,
    Yaml,
    Json,
    Bash,
    Sql,
}

const GRAMMARS: [Grammar; 5] = [
    Grammar::Python,
    Grammar::Yaml,
    Grammar::Json,
    Grammar::Bash,
    Grammar::Sql,
];

impl Grammar {
    /// The grammar for an info string's first word, by the names syntect knows these
    /// languages by and the aliases `highlight.rs` adds.
    fn of(lang: &str) -> Option<Grammar> {
        Some(match lang.to_ascii_lowercase().as_str() {
            "python" | "py" | "py3" | "pyw" => Grammar::Python,
            "yaml" | "yml" => Grammar::Yaml,
            "json" | "jsonc" => Grammar::Json,
            "bash" | "sh" | "shell" | "zsh" | "console" => Grammar::Bash,
            "sql" => Grammar::Sql,
            _ => return None,
        })
    }

    /// The scope syntect gives a whole block (its outer span).
    fn root(self) -> &'static str {
        match self {
            Grammar::Python => "source.python",
            Grammar::Yaml => "source.yaml",
            Grammar::Json => "source.json",
            Grammar::Bash => "source.shell.bash",
            Grammar::Sql => "source.sql",
        }
    }

    /// Each capture of the grammar's highlights query that gets a colour, and the scope
    /// syntect gives the same tokens. Captures left out (plain identifiers, most
    /// punctuation, neovim's `spell`) are plain text, as they are in syntect's themes.
    fn scopes(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Grammar::Python => &[
                ("comment", "comment.line"),
                ("string.documentation", "comment.block.documentation"),
                ("string", "string.quoted"),
                ("escape", "constant.character.escape"),
                ("number", "constant.numeric"),
                ("constant.builtin", "constant.language"),
                ("constant", "variable.other.constant"),
                ("keyword", "keyword.control"),
                ("operator", "keyword.operator"),
                ("keyword.control", "keyword.control"),
                ("function.builtin", "support.function.builtin"),
                // Definitions are entity.name.function (bold in InspiredGitHub), calls
                // variable.function, as syntect has them.
                ("function", "entity.name.function"),
                ("function.call", "variable.function"),
                ("function.method", "variable.function"),
                ("meta.annotation", "meta.annotation"),
                ("punctuation.comment", "punctuation.definition.comment"),
                ("punctuation.string", "punctuation.definition.string"),
                ("constructor", "support.type"),
                ("type.definition", "entity.name.class"),
                ("type", "support.type"),
                ("variable.parameter", "variable.parameter"),
                ("variable.annotation", "variable.annotation"),
                ("punctuation.special", "punctuation.definition.annotation"),
            ],
            Grammar::Yaml => &[
                ("comment", "comment.line"),
                ("string", "string.unquoted"),
                ("number", "constant.numeric"),
                ("boolean", "constant.language"),
                ("constant.builtin", "constant.language"),
                ("property", "entity.name.tag"),
                ("type", "storage.type"),
                ("attribute", "entity.name.other.anchor"),
                ("label", "variable.other.alias"),
                (
                    "punctuation.special",
                    "punctuation.definition.block.sequence.item",
                ),
            ],
            Grammar::Json => &[
                ("comment", "comment.line"),
                ("string", "string.quoted.double"),
                // syntect's JSON nests keys and values in dictionary scopes, and
                // InspiredGitHub colours a string under a value scope as plain text.
                (
                    "string.special.key",
                    "meta.structure.dictionary.key string.quoted.double",
                ),
                (
                    "string.value",
                    "meta.structure.dictionary.json meta.structure.dictionary.value.json string.quoted.double.json",
                ),
                ("punctuation.string", "punctuation.definition.string"),
                ("escape", "constant.character.escape"),
                ("number", "constant.numeric"),
                ("constant.builtin", "constant.language"),
            ],
            Grammar::Bash => &[
                ("comment", "comment.line"),
                ("string", "string.quoted.double"),
                ("number", "constant.numeric"),
                ("keyword", "keyword.control"),
                ("operator", "keyword.operator"),
                ("function.builtin", "support.function"),
                ("function", "variable.function"),
                ("punctuation.string", "punctuation.definition.string"),
                ("punctuation.variable", "punctuation.definition.variable"),
                ("property", "variable.other.readwrite"),
                ("constant", "variable.parameter.option"),
            ],
            Grammar::Sql => &[
                ("comment", "comment.line"),
                ("string", "string.quoted.single"),
                ("number", "constant.numeric"),
                ("float", "constant.numeric"),
                ("boolean", "constant.language"),
                ("keyword", "keyword.other"),
                ("keyword.operator", "keyword.operator"),
                ("conditional", "keyword.other"),
                ("operator", "keyword.operator"),
                ("function.call", "support.function"),
                ("constant.table", "constant.other.table-name"),
                ("type.builtin", "storage.type"),
                ("type.qualifier", "storage.modifier"),
                ("storageclass", "storage.modifier"),
                ("attribute", "storage.modifier"),
            ],
        }
    }

    /// Patterns gen adds after the grammar's highlights query, for tokens syntect's syntaxes
    /// tell apart and the query does not (docstrings, parameters, shell builtins) or gets
    /// wrong here (the SQL query's numbers use Lua patterns, so its rule for strings catches
    /// them; its comments end on neovim's `@spell`, which would leave them plain).
    fn patterns(self) -> &'static str {
        match self {
            Grammar::Python => {
                r#"
                (module . (expression_statement (string) @string.documentation))
                (block . (expression_statement (string) @string.documentation))
                (class_definition name: (identifier) @type.definition)
                (parameters (identifier) @variable.parameter)
                (default_parameter name: (identifier) @variable.parameter)
                (typed_parameter (identifier) @variable.parameter)
                (typed_default_parameter name: (identifier) @variable.parameter)
                (decorator) @meta.annotation
                (decorator "@" @punctuation.special)
                (decorator (identifier) @variable.annotation)
                (call function: (identifier) @function.call)
                (call function: (attribute attribute: (identifier) @function.method))
                (function_definition name: (identifier) @function)
                (for_statement "in" @keyword.control)
                (string (string_start) @punctuation.string)
                (string (string_end) @punctuation.string)
                (module . (expression_statement (string (string_start) @punctuation.comment)))
                (module . (expression_statement (string (string_end) @punctuation.comment)))
                (block . (expression_statement (string (string_start) @punctuation.comment)))
                (block . (expression_statement (string (string_end) @punctuation.comment)))
                "#
            }
            Grammar::Bash => {
                r#"
                ((command_name) @function.builtin
                 (#match? @function.builtin "^(alias|break|cd|continue|declare|echo|eval|exec|exit|export|false|getopts|local|printf|pwd|read|readonly|return|set|shift|source|test|trap|true|type|ulimit|umask|unset|wait)$"))
                (variable_assignment "=" @operator)
                [";" "!" "&>" ">&" "<&" "||" ">|" "<<" "<<<" "&"] @operator
                (simple_expansion "$" @punctuation.variable)
                (expansion "${" @punctuation.variable)
                (file_redirect (number) @number)
                (for_statement variable: (variable_name) @variable)
                (string "\"" @punctuation.string)
                "#
            }
            Grammar::Sql => {
                r#"
                (comment) @comment
                (marginalia) @comment
                ((literal) @number (#match? @number "^[-+]?[0-9]+([.][0-9]*)?([eE][-+]?[0-9]+)?$"))
                (field (object_reference name: (identifier) @constant.table) name: (identifier) @constant.table)
                "#
            }
            Grammar::Json => {
                r#"
                (pair key: (string) @string.special.key)
                (pair value: (string) @string.value)
                (array (string) @string.value)
                (string "\"" @punctuation.string)
                "#
            }
            Grammar::Yaml => "",
        }
    }

    fn load(self) -> Option<Loaded> {
        let (language, query) = match self {
            Grammar::Python => (
                tree_sitter_python::LANGUAGE,
                tree_sitter_python::HIGHLIGHTS_QUERY,
            ),
            Grammar::Yaml => (
                tree_sitter_yaml::LANGUAGE,
                tree_sitter_yaml::HIGHLIGHTS_QUERY,
            ),
            Grammar::Json => (
                tree_sitter_json::LANGUAGE,
                tree_sitter_json::HIGHLIGHTS_QUERY,
            ),
            Grammar::Bash => (
                tree_sitter_bash::LANGUAGE,
                tree_sitter_bash::HIGHLIGHT_QUERY,
            ),
            Grammar::Sql => (
                tree_sitter_sequel::LANGUAGE,
                tree_sitter_sequel::HIGHLIGHTS_QUERY,
            ),
        };
        let root = self.root();
        // gen's patterns after the grammar's: for a node two patterns capture, the last one
        // wins (tree-sitter-highlight keeps the highest pattern index).
        let query = format!("{query}\n{}", self.patterns());
        let mut config = HighlightConfiguration::new(language.into(), root, &query, "", "").ok()?;
        let scopes = self.scopes();
        let captures: Vec<&str> = scopes.iter().map(|(capture, _)| *capture).collect();
        config.configure(&captures);
        Some(Loaded {
            config,
            root: opening(root),
            opens: scopes.iter().map(|(_, scope)| opening(scope)).collect(),
            depths: scopes
                .iter()
                .map(|(_, scope)| scope.split(' ').count())
                .collect(),
        })
    }
}

/// The opening tags of scopes (space-separated, outermost first), with the classes syntect's
/// `ClassStyle::SpacedPrefixed { prefix: "hl-" }` writes: `string.quoted` is
/// `<span class="hl-string hl-quoted">`.
fn opening(scopes: &str) -> String {
    scopes
        .split(' ')
        .map(|scope| {
            let classes: Vec<String> = scope.split('.').map(|atom| format!("hl-{atom}")).collect();
            format!("<span class=\"{}\">", classes.join(" "))
        })
        .collect()
}

/// A compiled grammar: its query, and the opening tags of each capture it colours (with
/// how many spans they open).
struct Loaded {
    config: HighlightConfiguration,
    root: String,
    opens: Vec<String>,
    depths: Vec<usize>,
}

/// Each grammar's query is compiled on the first block in its language (tens of
/// milliseconds), once per process; a site without such blocks never pays for it.
static LOADED: [OnceLock<Option<Loaded>>; 5] = [const { OnceLock::new() }; 5];

fn loaded(grammar: Grammar) -> Option<&'static Loaded> {
    let index = GRAMMARS.iter().position(|g| *g == grammar)?;
    LOADED[index].get_or_init(|| grammar.load()).as_ref()
}

/// Compile the grammars of `langs` (info strings' first words) that are not compiled yet,
/// each on a thread of its own: a build calls it once it knows its blocks' languages, so
/// the queries compile while the lints run instead of on the first page that needs them,
/// and a site in three languages waits for the slowest query, not for the three.
pub fn warm_up<'a>(langs: impl IntoIterator<Item = &'a str>) -> Vec<std::thread::JoinHandle<()>> {
    let mut grammars: Vec<Grammar> = langs.into_iter().filter_map(Grammar::of).collect();
    grammars.sort_unstable();
    grammars.dedup();
    grammars.retain(|grammar| {
        GRAMMARS
            .iter()
            .position(|g| g == grammar)
            .is_some_and(|index| LOADED[index].get().is_none())
    });
    grammars
        .into_iter()
        .filter_map(|grammar| {
            std::thread::Builder::new()
                .name(format!("grammar {}", grammar.root()))
                .spawn(move || {
                    let _ = loaded(grammar);
                })
                .ok()
        })
        .collect()
}

thread_local! {
    /// The parser and query cursors, reused block after block on each thread.
    static HIGHLIGHTER: RefCell<tree_sitter_highlight::Highlighter> =
        RefCell::new(tree_sitter_highlight::Highlighter::new());
}

/// Whether `lang` has a grammar here.
pub fn knows(lang: &str) -> bool {
    Grammar::of(lang).is_some()
}

/// The inside of a block's `<code>` for `code` in `lang`, or `None` when `lang` has no
/// grammar here (or the grammar fails, which makes the caller fall back to syntect).
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let grammar = Grammar::of(lang)?;
    let loaded = loaded(grammar)?;
    HIGHLIGHTER.with_borrow_mut(|highlighter| render(highlighter, loaded, code))
}

fn render(
    highlighter: &mut tree_sitter_highlight::Highlighter,
    loaded: &Loaded,
    code: &str,
) -> Option<String> {
    let events = highlighter
        .highlight(&loaded.config, code.as_bytes(), None, |_| None)
        .ok()?;
    let mut html = String::with_capacity(code.len() * 3);
    html.push_str(&loaded.root);
    let mut open: Vec<usize> = Vec::new();
    for event in events {
        match event.ok()? {
            HighlightEvent::HighlightStart(capture) => {
                html.push_str(loaded.opens.get(capture.0)?);
                open.push(*loaded.depths.get(capture.0)?);
            }
            HighlightEvent::HighlightEnd => {
                for _ in 0..open.pop()? {
                    html.push_str("</span>");
                }
            }
            HighlightEvent::Source { start, end } => {
                pulldown_cmark_escape::escape_html_body_text(&mut html, code.get(start..end)?)
                    .ok()?;
            }
        }
    }
    html.push_str("</span>");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntect::highlighting::{Color, Highlighter as Themer, Theme, ThemeSet};
    use syntect::parsing::{Scope, SyntaxSet};
    use syntect::util::LinesWithEndings;

    const PYTHON: &str = r#"from dataclasses import dataclass  # rb-00001.2.01 a8ddb3


@dataclass
class Case:
    prompt: str
    expected: str = "yes"  # the golden answer


def score(cases, predict, threshold=0.85):
    """Return (pass_rate, failures) for the claims golden set."""
    failures = []
    for case in cases:
        got = predict(case.prompt)
        if case.expected.lower() not in got.lower():
            failures.append((case.prompt, got))
    rate = 1 - len(failures) / max(len(cases), 1)
    return rate, failures if rate < threshold else None
"#;

    const YAML: &str = "role: head-of-ai  # rb-00001.1.01 a8ddb3
archetype: manager
review:
  cadence: bi-weekly  # every other Monday
  quorum: 4
release_gates:
  offline_eval_min: 0.78
  max_p95_latency_ms: 300
  owners:
    - \"governance owner\"
    - 'platform lead'
oncall:
  pager: false
capabilities: [applied-ml, prompt-eval]
";

    const JSON: &str = r#"{
  "role": "head-of-ai",
  "review": { "cadence": "weekly", "quorum": 4, "owners": ["a", "b"] },
  "release_gates": {
    "offline_eval_min": 0.78,
    "blocked": false,
    "note": "gate \u00e9 \"quoted\"",
    "escalation": null
  }
}
"#;

    const BASH: &str = r#"#!/usr/bin/env bash
set -euo pipefail  # stop at the first error
export EVAL_SET="golden-1"
for model in baseline candidate; do
  if ! python3 -m evals.run --set "$EVAL_SET" --model "$model" > "out/$model.json"; then
    echo "eval failed for $model" >&2
    exit 1
  fi
done
rate=$(jq '.pass_rate' out/candidate.json)
"#;

    const SQL: &str = "-- Release gate for the claims suite
SELECT model, COUNT(*) AS cases,
       AVG(CASE WHEN passed THEN 1.0 ELSE 0.0 END) AS pass_rate
FROM eval_results r
JOIN eval_runs u ON u.id = r.run_id AND u.suite = 'golden'
WHERE r.created_at >= DATE '2026-01-01' AND r.latency_ms < 300
GROUP BY model
ORDER BY pass_rate DESC
LIMIT 10;
";

    const SAMPLES: [(&str, &str); 5] = [
        ("python", PYTHON),
        ("yaml", YAML),
        ("json", JSON),
        ("bash", BASH),
        ("sql", SQL),
    ];

    /// The colour syntect's `theme` gives each byte of `code`.
    fn syntect_colours(code: &str, lang: &str, theme: &Theme) -> Vec<Color> {
        let set = SyntaxSet::load_defaults_newlines();
        let syntax = set.find_syntax_by_token(lang).expect("a syntax");
        let mut lines = syntect::easy::HighlightLines::new(syntax, theme);
        let mut out = Vec::new();
        for line in LinesWithEndings::from(code) {
            for (style, text) in lines.highlight_line(line, &set).expect("highlights") {
                out.extend(std::iter::repeat_n(style.foreground, text.len()));
            }
        }
        out
    }

    /// The colour the same theme gives each byte of `code` through the scopes this module
    /// writes for tree-sitter's captures.
    fn tree_sitter_colours(code: &str, lang: &str, theme: &Theme) -> Vec<Color> {
        let grammar = Grammar::of(lang).expect("a grammar");
        let loaded = loaded(grammar).expect("loads");
        let scopes = |scope: &str| -> Vec<Scope> {
            scope
                .split(' ')
                .map(|s| Scope::new(s).expect("a scope"))
                .collect()
        };
        let themer = Themer::new(theme);
        let mut stack = scopes(grammar.root());
        let mut pushed = Vec::new();
        let mut out = Vec::new();
        let mut highlighter = tree_sitter_highlight::Highlighter::new();
        let events = highlighter
            .highlight(&loaded.config, code.as_bytes(), None, |_| None)
            .expect("highlights");
        for event in events {
            match event.expect("an event") {
                HighlightEvent::HighlightStart(capture) => {
                    let added = scopes(grammar.scopes()[capture.0].1);
                    pushed.push(added.len());
                    stack.extend(added);
                }
                HighlightEvent::HighlightEnd => {
                    let n = pushed.pop().expect("opened");
                    stack.truncate(stack.len() - n);
                }
                HighlightEvent::Source { start, end } => {
                    let style = themer.style_for_stack(&stack);
                    out.extend(std::iter::repeat_n(style.foreground, end - start));
                }
            }
        }
        out
    }

    /// gen's patterns and each grammar's query compile together (a query that failed would
    /// send the language back to syntect without a word).
    #[test]
    fn every_grammar_loads_and_highlights() {
        for (lang, code) in SAMPLES {
            let grammar = Grammar::of(lang).expect("a grammar");
            assert!(grammar.load().is_some(), "{lang}");
            let html = highlight(code, lang).expect("highlights");
            assert!(html.starts_with("<span class=\"hl-source"), "{html}");
        }
    }

    /// A warm-up compiles the grammars named (once, each on its own thread), and the
    /// blocks come out the same.
    #[test]
    fn a_warm_up_compiles_the_grammars_named() {
        let before = highlight(SQL, "sql");
        // Other tests may have compiled some already: at most one thread per grammar.
        let threads = warm_up(["sql", "json", "rust", "sql", "bash", "json", ""]);
        assert!(threads.len() <= 2, "{} threads", threads.len());
        for thread in threads {
            thread.join().expect("compiled");
        }
        for grammar in [Grammar::Sql, Grammar::Json, Grammar::Bash] {
            let index = GRAMMARS.iter().position(|g| *g == grammar).expect("known");
            assert!(
                LOADED[index].get().is_some_and(Option::is_some),
                "{grammar:?}"
            );
        }
        assert!(warm_up(["sql", "json", "bash"]).is_empty(), "compiled once");
        assert!(warm_up(["rust", "nosuchlang"]).is_empty());
        assert_eq!(highlight(SQL, "sql"), before);
    }

    /// The share of the code's visible characters that tree-sitter's classes colour as
    /// syntect's did, in each of the two themes `syntax.css` is made of.
    #[test]
    fn tree_sitter_colours_code_as_syntect_did() {
        let themes = ThemeSet::load_defaults();
        let mut report = String::new();
        for name in ["InspiredGitHub", "base16-ocean.dark"] {
            let theme = &themes.themes[name];
            for (lang, code) in SAMPLES {
                let before = syntect_colours(code, lang, theme);
                let after = tree_sitter_colours(code, lang, theme);
                assert_eq!(before.len(), after.len(), "{lang}");
                let visible: Vec<usize> = code
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| !b.is_ascii_whitespace())
                    .map(|(i, _)| i)
                    .collect();
                let same = visible.iter().filter(|i| before[**i] == after[**i]).count();
                let share = same as f64 / visible.len() as f64;
                report.push_str(&format!("{name} {lang}: {:.0} %\n", share * 100.0));
                let mut diff = String::new();
                for i in &visible {
                    if before[*i] != after[*i] {
                        diff.push(code.as_bytes()[*i] as char);
                    } else {
                        diff.push('_');
                    }
                }
                eprintln!("{name} {lang} {share:.2}: {diff}");
            }
        }
        eprintln!("{report}");
        for line in report.lines() {
            let share: f64 = line
                .rsplit(' ')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .expect("a share");
            assert!(share >= 88.0, "{report}");
        }
    }
}
