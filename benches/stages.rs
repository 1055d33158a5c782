//! Where build time goes, stage by stage, on a 200-page corpus from
//! bench/make_corpus.py (generated into target/bench-corpus on first run):
//! load and parse, Markdown (without highlighting), highlighting (without the memo),
//! templates, and writing. `cargo bench` runs them; `bench/compare.py` times whole builds.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use rolebook::markdown::{self, MarkdownCache};
use rolebook::render::{self, PageKey};
use rolebook::{LoadOptions, Site};

fn corpus() -> PathBuf {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = repo.join("target/bench-corpus");
    if !site.join("content/roles").is_dir() {
        let status = Command::new("python3")
            .arg(repo.join("bench/make_corpus.py"))
            .args(["--pages", "200", "--flavor", "gen", "--force", "--out"])
            .arg(&site)
            .status()
            .expect("python3 runs bench/make_corpus.py");
        assert!(status.success(), "bench/make_corpus.py failed");
        // Without the worked plan's staffing file: its rows name briefs the corpus lacks.
        let shipped = std::fs::read_to_string(repo.join("site.yaml")).expect("site.yaml");
        let config = match shipped.find("\nstaffing:") {
            Some(at) => shipped[..at + 1].to_string(),
            None => shipped,
        };
        std::fs::write(site.join("site.yaml"), config).expect("site.yaml");
    }
    site
}

fn code_blocks(site: &Path) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    for entry in std::fs::read_dir(site.join("content/roles"))
        .expect("roles")
        .take(20)
    {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for fence in text.split("```").collect::<Vec<_>>().chunks(2) {
            if let [_, block] = fence
                && let Some((lang, code)) = block.split_once('\n')
                && !lang.trim().is_empty()
            {
                blocks.push((lang.trim().to_string(), code.to_string()));
            }
        }
    }
    blocks
}

fn stages(c: &mut Criterion) {
    let root = corpus();
    let options = LoadOptions::default();
    c.bench_function("load and parse 200 briefs", |b| {
        b.iter(|| Site::load(&root, &options).expect("loads"))
    });
    let site = Site::load(&root, &options).expect("loads");
    let links = markdown::link_index(&site.config, &site.content);
    c.bench_function("markdown of 200 bodies (no highlighting)", |b| {
        b.iter(|| markdown::scan_markdown(&site.content, &links))
    });
    let blocks = code_blocks(&root);
    c.bench_function(
        &format!("highlight {} code blocks (no memo)", blocks.len()),
        |b| {
            b.iter(|| {
                for (lang, code) in &blocks {
                    std::hint::black_box(markdown::highlight::render_block(code, lang));
                }
            })
        },
    );
    let highlighter = markdown::highlight::Highlighter::new();
    let markdown: MarkdownCache = markdown::render_markdown(
        &site.content,
        &links,
        None,
        markdown::Html {
            raw_html: Default::default(),
            highlighter: &highlighter,
            limits: site.config.limits,
        },
    )
    .into_iter()
    .collect();
    let theme = rolebook::render::theme::Theme::resolve(&root, "default").expect("theme");
    let mut templates = render::templates::Templates::load(&root, &theme).expect("templates");
    let views = render::views::Views::new(&site.config, &site.content);
    let keys: Vec<PageKey> = site
        .content
        .roles
        .iter()
        .map(|r| PageKey::Role(r.slug.clone()))
        .collect();
    c.bench_function("templates for 200 role pages", |b| {
        b.iter(|| {
            render::Renderer::new(&views, &markdown, &links, &[], &mut templates, &highlighter)
                .pages(&keys)
                .expect("renders")
        })
    });
    let pages = render::Renderer::new(&views, &markdown, &links, &[], &mut templates, &highlighter)
        .pages(&keys)
        .expect("renders");
    let files: rolebook::output::SiteFiles = pages
        .into_iter()
        .map(|(p, b)| (p, bytes::Bytes::from(b)))
        .collect();
    let out = tempfile::tempdir().expect("tempdir");
    c.bench_function(&format!("write {} files", files.len()), |b| {
        b.iter(|| {
            rolebook::output::write_site(out.path(), &out.path().join("public"), &files)
                .expect("writes")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = stages
}
criterion_main!(benches);
