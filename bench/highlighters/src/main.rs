//! Lines per second per thread of syntect (onig or fancy-regex, by cargo feature; the full
//! default syntax set and one trimmed to the five languages) and tree-sitter-highlight, on
//! the code blocks of a unique-code corpus. `bench/highlighters.sh` runs it; see README
//! "Performance" / "Highlighting".
//!
//! Usage: highlighters CORPUS_DIR [RUNS]

mod corpus;

use std::time::Instant;

use corpus::{Block, Figures, LANGUAGES, measure, rows};
use syntect::html::{ClassStyle, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;
use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent, Highlighter};

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn main() {
    let (blocks, runs) = corpus::start();
    print!("{}", corpus::HEADER);
    let backend = if cfg!(feature = "fancy") {
        "fancy-regex"
    } else {
        "onig"
    };

    // syntect, the full default set (what gen loads today).
    let started = Instant::now();
    let full = SyntaxSet::load_defaults_newlines();
    let full_load = started.elapsed();
    print!(
        "{}",
        syntect_rows(
            &format!(
                "syntect {backend}, default set ({} syntaxes)",
                full.syntaxes().len()
            ),
            &full,
            full_load,
            &blocks,
            runs
        )
    );

    // A set trimmed to the five languages is not measured as a set of its own: syntect 5
    // loads each syntax's contexts lazily already (the set above loads in about a
    // millisecond, and a language's first block pays for its contexts and regexes), and a
    // subset cannot be rebuilt from the crate's dump (`into_builder` keeps context ids that
    // index the full set; `build` then panics). Its lines per second would be the same
    // regexes': the difference is the binary's size and the first block's time, shown
    // per language in the last column.
    drop(full);

    // tree-sitter-highlight with the grammar crates.
    if !cfg!(feature = "fancy") {
        print!("{}", tree_sitter_rows(&blocks, runs));
    }
    eprintln!("load average after: {}", corpus::loadavg());
}

fn syntect_rows(
    name: &str,
    set: &SyntaxSet,
    load: std::time::Duration,
    blocks: &[Block],
    runs: usize,
) -> String {
    let mut per_lang = Vec::new();
    for lang in LANGUAGES {
        let syntax = set.find_syntax_by_token(lang).expect(lang);
        let figures: Figures = measure(blocks, lang, runs, |code, _| {
            // What gen does per block (without its line memo, which never hits here).
            let mut state = ParseState::new(syntax);
            let mut scopes = ScopeStack::new();
            let mut html = String::with_capacity(code.len() * 3);
            let mut open = 0;
            for line in LinesWithEndings::from(code) {
                let ops = state.parse_line(line, set).expect("parses");
                let (spans, delta) =
                    line_tokens_to_classed_spans(line, &ops, CLASS_STYLE, &mut scopes)
                        .expect("spans");
                open += delta;
                html.push_str(&spans);
            }
            for _ in 0..open {
                html.push_str("</span>");
            }
            html
        });
        per_lang.push((lang, figures));
    }
    rows(
        name,
        &format!("{:.0} ms set", load.as_secs_f64() * 1e3),
        &per_lang,
    )
}

/// Capture names the five grammars' queries use, most specific first within a family.
pub const CAPTURES: &[&str] = &[
    "attribute",
    "boolean",
    "comment",
    "conditional",
    "constant",
    "constant.builtin",
    "constructor",
    "embedded",
    "escape",
    "field",
    "float",
    "function",
    "function.builtin",
    "function.call",
    "function.method",
    "keyword",
    "keyword.operator",
    "label",
    "number",
    "operator",
    "parameter",
    "property",
    "punctuation.bracket",
    "punctuation.delimiter",
    "punctuation.special",
    "storageclass",
    "string",
    "string.special.key",
    "type",
    "type.builtin",
    "type.qualifier",
    "variable",
    "spell",
];

fn tree_sitter_rows(blocks: &[Block], runs: usize) -> String {
    let started = Instant::now();
    let configs: Vec<(&str, HighlightConfiguration, f64)> = LANGUAGES
        .iter()
        .map(|lang| {
            // In thread CPU time: the query's analysis against the grammar's parse table.
            let started = corpus::thread_cpu();
            let (language, query) = grammar(lang);
            let mut config =
                HighlightConfiguration::new(language.into(), *lang, query, "", "").expect(lang);
            config.configure(CAPTURES);
            let compile = (corpus::thread_cpu() - started).as_secs_f64();
            eprintln!("{lang}: query compiled in {:.1} ms of CPU", compile * 1e3);
            (*lang, config, compile)
        })
        .collect();
    let load = started.elapsed();
    // What parsing alone costs (no queries, no HTML): the floor under this path.
    let mut parser = tree_sitter::Parser::new();
    let mut parsed = Vec::new();
    for (lang, _, _) in &configs {
        let language = grammar(lang).0;
        parser.set_language(&language.into()).expect("language");
        let figures = measure(blocks, lang, runs, |code, _| {
            let tree = parser.parse(code, None).expect("tree");
            // `measure` wants class-based HTML; a parse has none to give.
            format!("class=\"{}\"", tree.root_node().child_count())
        });
        parsed.push((*lang, figures));
    }
    let mut out = rows("(tree-sitter parse only, no highlighting)", "-", &parsed);
    let classes: Vec<String> = CAPTURES
        .iter()
        .map(|c| format!("hl-{}", c.replace('.', " hl-")))
        .collect();
    let mut highlighter = Highlighter::new();
    let mut per_lang = Vec::new();
    for (lang, config, setup) in &configs {
        let mut figures = measure(blocks, lang, runs, |code, _| {
            ts_html(&mut highlighter, config, &classes, code)
        });
        // The language's query compile is part of its first use.
        figures.first += setup;
        per_lang.push((*lang, figures));
    }
    out.insert_str(
        0,
        &rows(
            "tree-sitter-highlight 0.26 + grammar crates",
            &format!("queries {:.0} ms", load.as_secs_f64() * 1e3),
            &per_lang,
        ),
    );
    out
}

fn grammar(lang: &str) -> (tree_sitter_language::LanguageFn, &'static str) {
    match lang {
        "python" => (
            tree_sitter_python::LANGUAGE,
            tree_sitter_python::HIGHLIGHTS_QUERY,
        ),
        "yaml" => (
            tree_sitter_yaml::LANGUAGE,
            tree_sitter_yaml::HIGHLIGHTS_QUERY,
        ),
        "json" => (
            tree_sitter_json::LANGUAGE,
            tree_sitter_json::HIGHLIGHTS_QUERY,
        ),
        "bash" => (
            tree_sitter_bash::LANGUAGE,
            tree_sitter_bash::HIGHLIGHT_QUERY,
        ),
        _ => (
            tree_sitter_sequel::LANGUAGE,
            tree_sitter_sequel::HIGHLIGHTS_QUERY,
        ),
    }
}

fn ts_html(
    highlighter: &mut Highlighter,
    config: &HighlightConfiguration,
    classes: &[String],
    code: &str,
) -> String {
    let mut html = String::with_capacity(code.len() * 3);
    let events = highlighter
        .highlight(config, code.as_bytes(), None, |_| None)
        .expect("highlights");
    for event in events {
        match event.expect("event") {
            HighlightEvent::HighlightStart(h) => {
                html.push_str("<span class=\"");
                html.push_str(&classes[h.0]);
                html.push_str("\">");
            }
            HighlightEvent::HighlightEnd => html.push_str("</span>"),
            HighlightEvent::Source { start, end } => {
                pulldown_cmark_escape::escape_html_body_text(&mut html, &code[start..end])
                    .expect("escapes");
            }
        }
    }
    html
}
