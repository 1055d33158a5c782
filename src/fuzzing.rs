//! The entry point of the fuzz target in `fuzz/` (not a stable API): one page's bytes through
//! what a build does to them — decoding, front-matter splitting, YAML parsing and checks,
//! Markdown rendering in every `raw_html` mode, and the error report — where every failure
//! must be a value, never a panic.

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Config;
use crate::content::{self, front_matter, source::SourceFile};
use crate::markdown::{self, LinkIndex, RawHtml};

/// The shipped `site.yaml`: the vocabulary pages are checked against.
fn config() -> Option<&'static Config> {
    static CONFIG: OnceLock<Option<Config>> = OnceLock::new();
    CONFIG
        .get_or_init(|| Config::parse(include_str!("../site.yaml"), Path::new("site.yaml")).ok())
        .as_ref()
}

fn links() -> &'static LinkIndex {
    static LINKS: OnceLock<LinkIndex> = OnceLock::new();
    LINKS.get_or_init(|| {
        let mut links = LinkIndex::default();
        links.insert("roles/head-of-ai.md", "/roles/head-of-ai/");
        links.insert("guides/start.md", "/guides/start/");
        links
    })
}

/// Feed one page. The first byte picks where the page lives (a brief or a guide) and the
/// `raw_html` mode; the rest is the file.
pub fn page(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let content_path = if selector & 1 == 0 {
        "roles/fuzz.md"
    } else {
        "guides/fuzz.md"
    };
    let raw_html = match (selector >> 1) % 3 {
        0 => RawHtml::Allow,
        1 => RawHtml::Sanitize,
        _ => RawHtml::Escape,
    };
    let file = Path::new("content").join(content_path);
    let source = match SourceFile::decode(&file, content_path.to_string(), bytes.to_vec()) {
        Ok(source) => source,
        Err(problem) => {
            let _ = crate::diagnostic::render_diagnostics(&[problem], false);
            return;
        }
    };
    if let Some(config) = config() {
        let options = content::LoadOptions { drafts: true };
        let problems = content::page_problems(source.clone(), config, options);
        let _ = crate::diagnostic::render_diagnostics(&problems, false);
    }
    if let Ok(split) = front_matter::split(&source.text) {
        let highlighter = markdown::highlight::Highlighter::new();
        let to = markdown::Html {
            raw_html,
            highlighter: &highlighter,
            limits: Default::default(),
        };
        let rendered = markdown::render(split.body, content_path, links(), to);
        for (offset, _) in &rendered.problems {
            let _ = source.position_in_body(split.body_offset, *offset);
        }
        let _ = markdown::scan(split.body, content_path, links());
    }
}
