//! arborium (tree-sitter with its own grammars and queries) on the unique-code corpus's
//! blocks, class-based output. A package of its own: arborium links its own tree-sitter,
//! which cannot share a build with the `tree-sitter` crate. Usage: CORPUS_DIR [RUNS]

#[path = "../../src/corpus.rs"]
mod corpus;

use arborium::{Config, Highlighter, HtmlFormat};

fn main() {
    let (blocks, runs) = corpus::start();
    let config = Config {
        max_injection_depth: 0,
        html_format: HtmlFormat::ClassNamesWithPrefix("hl".to_string()),
    };
    let started = std::time::Instant::now();
    let mut highlighter = Highlighter::with_config(config);
    let load = started.elapsed();
    let mut per_lang = Vec::new();
    for lang in corpus::LANGUAGES {
        let figures = corpus::measure(&blocks, lang, runs, |code, lang| {
            highlighter.highlight(lang, code).expect("highlights")
        });
        per_lang.push((lang, figures));
    }
    print!(
        "{}",
        corpus::rows(
            "arborium 2.18 (ClassNamesWithPrefix)",
            &format!("{:.0} ms", load.as_secs_f64() * 1e3),
            &per_lang
        )
    );
    eprintln!("load average after: {}", corpus::loadavg());
}
