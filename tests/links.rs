//! Every address gen writes leads to a file it wrote: tag links, links rewritten for
//! `--relative-links`, under a sub-path, on a site whose tags, titles and headings hold `&`,
//! `+`, spaces, accents and non-Latin letters (`tests/fixtures/unicode-links/`).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use rolebook::engine::site_links::{Addressing, broken_links};

/// The fixture site with awkward names.
fn unicode_site() -> PathBuf {
    repo().join("tests/fixtures/unicode-links")
}

/// Build the site at `root` into a new folder with `args`; the temporary folder and the
/// output inside it.
fn built(root: &Path, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    gen_in(root)
        .args(["build", "--quiet", "--output"])
        .arg(&public)
        .args(args)
        .assert()
        .success();
    (out, public)
}

/// The `href` of every element of `html` matching `selector` (a CSS selector), as html5ever
/// parses the page.
fn hrefs(html: &str, selector: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).expect("a valid selector");
    scraper::Html::parse_document(html)
        .select(&selector)
        .filter_map(|element| element.attr("href").map(str::to_string))
        .collect()
}

#[test]
fn tag_links_lead_to_the_tag_pages_written() {
    let (_out, public) = built(&unicode_site(), &[]);
    let page = read(&public, "roles/head-of-rd-ai/index.html");
    let links = hrefs(&page, "a.tag");
    assert_eq!(
        links,
        [
            "/tags/rd/",
            "/tags/c/",
            "/tags/data-science/",
            "/tags/führung/",
            "/tags/データ/"
        ]
    );
    for link in links {
        let folder = link.trim_start_matches('/');
        assert!(
            public.join(folder).join("index.html").is_file(),
            "{link} leads nowhere"
        );
    }
}

#[test]
fn relative_links_leave_html_shown_in_code_alone() {
    let (_out, public) = built(&unicode_site(), &["--relative-links"]);
    let page = read(&public, "guides/linking/index.html");
    assert!(
        page.contains(
            r#"<code>&lt;a href="/roles/head-of-rd-ai/"&gt;Head of R&amp;D + AI&lt;/a&gt;</code>"#
        ),
        "the code span was rewritten:\n{page}"
    );
    assert!(
        page.contains(r#"&lt;a href="/guides/ueber-uns/#rd-ai-für-alle"&gt;Über uns&lt;/a&gt;"#),
        "the code block was rewritten:\n{page}"
    );
    // Real links on the same page are still rewritten.
    assert!(
        page.contains(r#"<a href="../../roles/data-scientist/index.html">the data scientist</a>"#)
    );
}

/// Every file below `public` by its path there (`roles/caio/index.html`).
fn written(public: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(public)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect()
}

/// Build the site at `root` with each link mode, at the root and under a sub-path, and check
/// every link of every output against the files written.
fn assert_every_link_leads_to_a_file(root: &Path) {
    const SUB_PATH: &str = "https://wiki.example.com/team/playbook/";
    for relative_links in [false, true] {
        for base_url in [None, Some(SUB_PATH)] {
            let mut args = Vec::new();
            if relative_links {
                args.push("--relative-links");
            }
            if let Some(url) = base_url {
                args.extend(["--base-url", url]);
            }
            let (_out, public) = built(root, &args);
            let base_url = base_url.unwrap_or("/");
            let base_path = rolebook::config::base_path_of(base_url);
            let addressing = Addressing {
                base_url,
                base_path: &base_path,
                relative_links,
            };
            let files = written(&public);
            assert!(files.len() > 20, "{args:?}: only {} files", files.len());
            let broken = broken_links(&files, &addressing);
            assert!(
                broken.is_empty(),
                "{} with {args:?}: {} broken links:\n{}",
                root.display(),
                broken.len(),
                broken
                    .iter()
                    .map(|b| format!("  {} → {}: {}", b.page, b.url, b.problem))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

#[test]
fn every_link_of_a_site_with_awkward_names_leads_to_a_file_written() {
    assert_every_link_leads_to_a_file(&unicode_site());
}

#[test]
fn every_link_of_the_shipped_playbook_leads_to_a_file_written() {
    assert_every_link_leads_to_a_file(&repo());
}

/// `gen check --format json` of the site at `root` with `args`: exit code and findings.
fn check_json(root: &Path, args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("gen check runs");
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("gen check prints JSON");
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    (output.status.code(), findings)
}

fn broken_link_findings(findings: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    findings
        .iter()
        .filter(|f| f["id"] == "broken-link")
        .collect()
}

#[test]
fn a_template_with_a_broken_link_fails_gen_check() {
    let dir = small_site();
    let theme_page = read(&repo().join("themes/default/templates"), "page.html");
    let page = theme_page.replace(
        "<div class=\"body\">",
        "<p><a href=\"{{ site.base_path }}nowhere/\">Nowhere</a></p>\n  <div class=\"body\">",
    );
    assert_ne!(
        page, theme_page,
        "the theme's page.html changed: update this test"
    );
    let line = page
        .lines()
        .position(|l| l.contains("nowhere/"))
        .expect("the link")
        + 1;
    write(dir.path(), "templates/page.html", &page);
    for (args, address) in [
        (&[][..], "/nowhere/"),
        (
            &["--base-url", "https://wiki.example.com/team/playbook/"][..],
            "/team/playbook/nowhere/",
        ),
    ] {
        let (code, findings) = check_json(dir.path(), args);
        assert_eq!(code, Some(1), "{args:?}: {findings:#?}");
        let broken = broken_link_findings(&findings);
        assert_eq!(broken.len(), 1, "{args:?}: {findings:#?}");
        let finding = broken[0];
        assert_eq!(finding["level"], "error");
        assert_eq!(finding["file"], "templates/page.html");
        assert_eq!(finding["line"], line);
        let message = finding["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("`{address}`"))
                && message.contains("guides/start/index.html")
                && message.contains("no file is written at nowhere/index.html"),
            "{message}"
        );
        assert!(
            finding["help"]
                .as_str()
                .is_some_and(|h| h.contains("{{ link.url }}"))
        );
    }
}

#[test]
fn a_broken_link_written_in_a_body_points_at_its_line() {
    let dir = small_site();
    let guide = format!(
        "{GUIDE}\nSee <a href=\"/archive/\">the archive</a> and [the old notes](old-notes.pdf).\n"
    );
    write(dir.path(), "content/guides/start.md", &guide);
    let (code, findings) = check_json(dir.path(), &[]);
    assert_eq!(code, Some(1), "{findings:#?}");
    let broken: Vec<(String, u64, String)> = broken_link_findings(&findings)
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let line = guide.lines().count() as u64;
    assert_eq!(broken.len(), 2, "{broken:#?}");
    for (file, at, _) in &broken {
        assert_eq!((file.as_str(), *at), ("content/guides/start.md", line));
    }
    assert!(broken[0].2.contains("`/archive/`"), "{broken:#?}");
    assert!(broken[1].2.contains("`old-notes.pdf`"), "{broken:#?}");
}

#[test]
fn gen_check_finds_no_broken_link_in_the_shipped_playbook_or_the_awkward_site() {
    for root in [repo(), unicode_site()] {
        let (code, findings) = check_json(&root, &["--deny-warnings"]);
        assert_eq!(code, Some(0), "{}: {findings:#?}", root.display());
    }
}

/// The keys of the shipped vocabulary, as `(folder, key)`: every one has its page.
const VOCABULARY: [(&str, &str); 13] = [
    ("archetypes", "executive-operator"),
    ("archetypes", "manager"),
    ("archetypes", "architect"),
    ("archetypes", "builder"),
    ("capabilities", "leadership"),
    ("capabilities", "architecture"),
    ("capabilities", "applied-ml"),
    ("capabilities", "prompt-eval"),
    ("capabilities", "data-engineering"),
    ("capabilities", "platform-mlops"),
    ("capabilities", "security-compliance"),
    ("capabilities", "product"),
    ("capabilities", "change-management"),
];

/// A company's own playbook: `gen init`, every shipped brief deleted, and one brief of its
/// own (the corpus's governance lead). The temporary folder and the site's root in it.
fn own_playbook() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("playbook");
    gen_in(dir.path()).arg("init").arg(&root).assert().success();
    for folder in ["content/roles", "content/plan"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                std::fs::remove_file(&path).expect("delete a shipped brief");
            }
        }
    }
    let brief = read(
        &repo().join("tests/fixtures/bad-briefs"),
        "content/roles/ai-governance-lead.md",
    );
    write(&root, "content/roles/ai-governance-lead.md", &brief);
    (dir, root)
}

#[test]
fn the_guides_survive_replacing_the_shipped_briefs() {
    let (_dir, root) = own_playbook();
    assert_eq!(
        std::fs::read_dir(root.join("content/roles"))
            .expect("roles")
            .count(),
        1,
        "one brief of the company's own"
    );
    gen_in(&root).args(["build", "--quiet"]).assert().success();
    // Every term of the vocabulary has its page, held by a brief or not: the guides'
    // links by key lead there.
    for (folder, key) in VOCABULARY {
        let page = format!("public/{folder}/{key}/index.html");
        assert!(root.join(&page).is_file(), "{page}");
    }
    let unheld = read(&root, "public/capabilities/applied-ml/index.html");
    assert!(
        unheld.contains("No brief holds this capability as primary"),
        "{unheld}"
    );
    let guide = read(&root, "public/guides/director-of-ai-trap/index.html");
    for href in [
        "/capabilities/security-compliance/",
        "/archetypes/builder/",
        "/capabilities/",
    ] {
        assert!(guide.contains(&format!("href=\"{href}\"")), "{href}");
    }
    let (_, findings) = check_json(&root, &["--deny-warnings"]);
    assert_eq!(
        broken_link_findings(&findings),
        Vec::<&serde_json::Value>::new()
    );
    assert_every_link_leads_to_a_file(&root);
}

#[test]
fn a_link_to_a_term_by_a_key_site_yaml_lacks_is_a_broken_link() {
    let (_dir, root) = own_playbook();
    let guide = read(&root, "content/guides/intake-questions.md");
    let typo = guide.replacen("@/archetypes/builder)", "@/archetypes/bulder)", 1);
    assert_ne!(
        typo, guide,
        "the intake guide links to the builder archetype"
    );
    write(&root, "content/guides/intake-questions.md", &typo);
    let (code, findings) = check_json(&root, &[]);
    assert_eq!(code, Some(1), "{findings:#?}");
    let broken = broken_link_findings(&findings);
    assert_eq!(broken.len(), 1, "{broken:#?}");
    assert_eq!(broken[0]["file"], "content/guides/intake-questions.md");
    assert_eq!(
        broken[0]["message"],
        "broken link `@/archetypes/bulder`: site.yaml has no archetype `bulder`"
    );
    assert!(
        broken[0]["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("did you mean `@/archetypes/builder`?")),
        "{}",
        broken[0]
    );
    gen_in(&root).args(["build", "--quiet"]).assert().code(1);
}
