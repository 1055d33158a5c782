//! lumis (tree-sitter with Neovim's queries; inkjet's author points to it) on the
//! unique-code corpus's blocks, with its class-based HTML formatter. A package of its own:
//! lumis needs tree-sitter 0.27, which cannot share a build with 0.26. Usage: CORPUS_DIR [RUNS]

#[path = "../../src/corpus.rs"]
mod corpus;

use lumis::{HtmlLinkedBuilder, languages::Language};

fn main() {
    let (blocks, runs) = corpus::start();
    let mut per_lang = Vec::new();
    for lang in corpus::LANGUAGES {
        let language = Language::guess(Some(lang), "");
        let figures = corpus::measure(&blocks, lang, runs, |code, _| {
            let formatter = HtmlLinkedBuilder::default()
                .language(language)
                .build()
                .expect("formatter");
            lumis::highlight(code, formatter)
        });
        per_lang.push((lang, figures));
    }
    print!(
        "{}",
        corpus::rows("lumis 0.19 (HtmlLinked)", "-", &per_lang)
    );
    eprintln!("load average after: {}", corpus::loadavg());
}
