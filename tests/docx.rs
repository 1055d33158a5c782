//! The Word documents gen writes, judged by independent tools: python-docx (PyPI) opens
//! them and finds real headings, real list paragraphs and the post's text; LibreOffice
//! (Debian's `libreoffice-writer-nogui`) converts them to PDF. `.ci/run` installs both;
//! where one is missing the test says so and skips. Byte-identical rebuilds and the
//! write-safety of `gen build --docx` need neither.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const EVAL_POST: &str = "roles/claims-eval-engineer/claims-eval-engineer.posting.docx";

/// The shipped playbook built into a temporary folder, with the whole playbook as a Word
/// document beside it.
fn shipped() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    let playbook = out.path().join("playbook.docx");
    gen_in(&repo())
        .args(["build", "--quiet", "--output"])
        .arg(&public)
        .arg("--docx")
        .arg(&playbook)
        .assert()
        .success();
    (out, public, playbook)
}

fn python_docx() -> bool {
    let available = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!(
            "SKIPPED: python-docx is not installed (pip install python-docx); the Word files are not opened"
        );
    }
    available
}

/// Runs `script` with python3 on `file`; its stdout, or a failure with what it printed.
fn python(script: &str, file: &Path) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "python-docx on {}:\n{stdout}\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Prints each paragraph as `style|list|text` (list: whether it has numbering properties),
/// then the hyperlinks' addresses and the document's tables.
const DUMP: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    ppr = p._p.pPr
    listed = ppr is not None and ppr.numPr is not None
    print("P|%s|%s|%s" % (p.style.name, "list" if listed else "", p.text))
for p in d.paragraphs:
    for h in p.hyperlinks:
        print("LINK|%s|%s" % (h.address, h.text))
for t in d.tables:
    print("TABLE|%d|%d|%s" % (len(t.rows), len(t.columns), t.cell(0, 0).text))
print("CREATED|%s" % d.core_properties.created)
"#;

struct Para {
    style: String,
    listed: bool,
    text: String,
}

fn paragraphs(dump: &str) -> Vec<Para> {
    dump.lines()
        .filter_map(|l| l.strip_prefix("P|"))
        .map(|l| {
            let mut parts = l.splitn(3, '|');
            Para {
                style: parts.next().unwrap_or("").to_string(),
                listed: parts.next() == Some("list"),
                text: parts.next().unwrap_or("").to_string(),
            }
        })
        .collect()
}

#[test]
fn a_posting_docx_has_word_headings_bulleted_lists_and_the_posts_text() {
    if !python_docx() {
        return;
    }
    let (_out, public, _) = shipped();
    let dump = python(DUMP, &public.join(EVAL_POST));
    let paras = paragraphs(&dump);
    let headings: Vec<(&str, &str)> = paras
        .iter()
        .filter(|p| p.style.starts_with("Heading"))
        .map(|p| (p.style.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        headings.first(),
        Some(&("Heading 1", "Claims Eval Engineer")),
        "{dump}"
    );
    for section in [
        "What this role is for",
        "The outcome you will be hired to deliver",
        "What you will own",
        "How you will know it is working",
        "What we look for",
        "Where you will work and what you will earn",
        "About us",
        "How to apply",
        "Equal opportunity",
    ] {
        assert!(
            headings.contains(&("Heading 2", section)),
            "{section} as Heading 2 in {dump}"
        );
    }
    assert!(headings.contains(&("Heading 3", "After 90 days")), "{dump}");
    // Lists are list paragraphs with numbering properties, not typed bullets.
    let listed: Vec<&Para> = paras.iter().filter(|p| p.listed).collect();
    assert!(listed.len() >= 20, "{dump}");
    assert!(listed.iter().all(|p| p.style == "List Paragraph"), "{dump}");
    assert!(
        paras.iter().all(|p| !p.text.starts_with('•')),
        "no bullet typed into text: {dump}"
    );
    let item = |text: &str| listed.iter().any(|p| p.text == text);
    assert!(item("Pay: EUR 68,000–84,000 a year"), "{dump}");
    assert!(item("Location: Hamburg, Germany"), "{dump}");
    assert!(
        item("Whether a change passes the eval gate"),
        "a decision as a list item: {dump}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.style == "Normal"
                && p.text.starts_with("Build an eval suite of at least 300")),
        "the outcome as a paragraph: {dump}"
    );
    assert!(
        dump.contains(
            "LINK|https://careers.nordhafen.example/jobs|https://careers.nordhafen.example/jobs"
        ),
        "the apply address as a hyperlink: {dump}"
    );
    assert!(dump.contains("CREATED|1980-01-01 00:00:00"), "{dump}");
}

#[test]
fn the_whole_playbook_docx_has_every_brief_in_hiring_order_and_the_guides() {
    if !python_docx() {
        return;
    }
    let (_out, _public, playbook) = shipped();
    let dump = python(DUMP, &playbook);
    let paras = paragraphs(&dump);
    assert_eq!(paras[0].style, "Title", "{dump}");
    assert_eq!(paras[0].text, "AI Team Playbook");
    let titles: Vec<&str> = paras
        .iter()
        .filter(|p| p.style == "Heading 1")
        .map(|p| p.text.as_str())
        .collect();
    // The contents, then the team plan in hiring order, then the library, then the guides.
    assert_eq!(titles.first(), Some(&"Contents"), "{titles:?}");
    assert_eq!(titles.get(1), Some(&"Head of AI, Claims Automation"));
    let at = |title: &str| {
        titles
            .iter()
            .position(|t| *t == title)
            .unwrap_or_else(|| panic!("{title} in {titles:?}"))
    };
    assert!(at("Claims AI Platform Lead") < at("Claims Eval Engineer"));
    assert!(at("Claims ML Engineer") < at("Chief AI Officer"));
    assert!(at("Prompt & Eval Engineer") < at("How to read this playbook"));
    assert_eq!(titles.len(), 1 + 15 + 3, "{titles:?}");
    // What /print/ shows of a brief, internal notes included, and its notes.
    for section in [
        "Outcome",
        "Decisions this role owns",
        "Success",
        "Capabilities",
        "How it fits",
        "Hiring sequence",
        "Internal notes",
        "Interviewing",
        "Why this role is open",
    ] {
        assert!(
            paras
                .iter()
                .any(|p| p.style == "Heading 2" && p.text == section),
            "{section} in {dump}"
        );
    }
    // The questions interviewers ask print only from the interview kit, as on /print/.
    for probe_text in [
        "Show us an eval suite you built",
        "Talks about prompt tricks but not about measurement",
    ] {
        assert!(!dump.contains(probe_text), "{probe_text} leaked: {dump}");
    }
    assert!(dump.contains("claims-eval-engineer.kit.html"), "{dump}");
    assert!(
        paras.iter().filter(|p| p.listed).count() > 200,
        "lists as list paragraphs"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.text == "Pay: EUR 68,000–84,000 a year")
            || paras
                .iter()
                .any(|p| p.text.contains("Build an eval suite of at least 300")),
        "the Claims Eval Engineer's outcome: {dump}"
    );
    // A guide's Markdown table is a Word table; its code blocks keep their lines.
    assert!(
        dump.lines()
            .any(|l| l.starts_with("TABLE|") && l.ends_with("|Capability")),
        "{dump}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.style == "Code Block" && p.text.contains("outcome:")),
        "{dump}"
    );
    assert!(
        !dump.contains("<p>") && !dump.contains("<a "),
        "no raw HTML in the text"
    );
}

#[test]
fn libreoffice_converts_the_posting_and_the_whole_playbook_to_pdf() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        println!(
            "SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer-nogui); the Word files are not converted"
        );
        return;
    };
    let (out, public, playbook) = shipped();
    let pdfs = out.path().join("pdf");
    // A profile of its own, so a LibreOffice already running elsewhere is not asked.
    let profile = out.path().join("lo-profile");
    for docx in [public.join(EVAL_POST), playbook] {
        let status = Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&pdfs)
            .arg(&docx)
            .output()
            .expect("soffice runs");
        assert!(
            status.status.success(),
            "{} did not convert: {}{}",
            docx.display(),
            String::from_utf8_lossy(&status.stdout),
            String::from_utf8_lossy(&status.stderr)
        );
        let stem = docx
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let pdf = std::fs::read(pdfs.join(format!("{stem}.pdf"))).expect("a PDF");
        assert!(pdf.starts_with(b"%PDF") && pdf.len() > 5_000, "{stem}.pdf");
    }
}

/// Every entry of a ZIP archive: (name, its bytes, its date as y-m-d).
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("read");
            let date = file
                .last_modified()
                .map(|d| format!("{}-{}-{}", d.year(), d.month(), d.day()))
                .unwrap_or_default();
            (file.name().to_string(), data, date)
        })
        .collect()
}

#[test]
fn the_same_site_gives_the_same_word_files_byte_for_byte() {
    let (_a, public_a, playbook_a) = shipped();
    let (_b, public_b, playbook_b) = shipped();
    let posts: Vec<PathBuf> = walkdir::WalkDir::new(&public_a)
        .into_iter()
        .map(|e| e.expect("walk").into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        // The German tree (`/de/`) has the same posts in German.
        .filter(|p| !p.starts_with(public_a.join("de")))
        .collect();
    assert_eq!(
        posts.len(),
        4,
        "the plan's open and planned briefs: {posts:?}"
    );
    for post in posts.iter().chain([&playbook_a]) {
        let other = if post == &playbook_a {
            playbook_b.clone()
        } else {
            public_b.join(post.strip_prefix(&public_a).expect("inside"))
        };
        let (a, b) = (
            std::fs::read(post).expect("read"),
            std::fs::read(&other).expect("read"),
        );
        assert!(a == b, "{} differs between two builds", post.display());
        for (name, _, date) in entries(&a) {
            assert_eq!(date, "1980-1-1", "{name} in {} is dated", post.display());
        }
        let core = entries(&a)
            .into_iter()
            .find(|(n, _, _)| n == "docProps/core.xml")
            .map(|(_, data, _)| String::from_utf8(data).expect("utf-8"))
            .expect("core properties");
        assert!(
            core.contains(">1980-01-01T00:00:00Z</dcterms:created>"),
            "{core}"
        );
        assert!(
            core.contains(">1980-01-01T00:00:00Z</dcterms:modified>"),
            "{core}"
        );
    }
}

/// A copy of the shipped playbook's sources, to build and write beside.
fn shipped_copy() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let root = out.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    copy_dir(&repo().join("themes"), &root.join("themes"));
    write(&root, "site.yaml", &read(&repo(), "site.yaml"));
    (out, root)
}

#[test]
fn only_the_briefs_being_hired_get_a_word_post_unless_site_yaml_says_otherwise() {
    let (_out, root) = shipped_copy();
    let site = read(&repo(), "site.yaml");
    let count = |setting: &str| {
        write(&root, "site.yaml", &format!("{site}\n{setting}"));
        let public = root.join("public");
        gen_in(&root).args(["build", "--quiet"]).assert().success();
        let roles = read(&public, "roles.json");
        let json: serde_json::Value = serde_json::from_str(&roles).expect("json");
        let listed = json["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .filter(|r| r["posting_docx"].is_string())
            .count();
        let written = walkdir::WalkDir::new(&public)
            .into_iter()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "docx"))
                    // The German tree's posts: counted by its own roles.json.
                    && !e.as_ref().is_ok_and(|e| e.path().starts_with(public.join("de")))
            })
            .count();
        assert_eq!(listed, written, "roles.json lists the files written");
        written
    };
    assert_eq!(count(""), 4);
    assert_eq!(count("posting_docx: all\n"), 15);
    assert_eq!(count("posting_docx: none\n"), 0);
    assert_eq!(count("posting_docx: hiring\n"), 4);
    // The role page's Job post group links the file where there is one.
    let page = read(
        &root.join("public"),
        "roles/claims-eval-engineer/index.html",
    );
    assert!(
        page.contains(
            "href=\"/roles/claims-eval-engineer/claims-eval-engineer.posting.docx\" download"
        ),
        "{page}"
    );
    let filled = read(&root.join("public"), "roles/claims-head-of-ai/index.html");
    assert!(!filled.contains(".posting.docx"));
}

#[test]
fn gen_build_docx_replaces_only_a_document_gen_wrote_and_never_writes_into_the_sources() {
    let (_out, root) = shipped_copy();
    let build = |docx: &str| {
        let mut cmd = gen_in(&root);
        cmd.args(["build", "--quiet", "--docx", docx]);
        cmd.assert()
    };
    // Its own document is replaced.
    build("playbook.docx").success();
    let first = std::fs::read(root.join("playbook.docx")).expect("written");
    build("playbook.docx").success();
    assert_eq!(
        std::fs::read(root.join("playbook.docx")).expect("read"),
        first
    );
    // Anyone else's file is left as it is, whatever its name.
    write_bytes(&root, "report.docx", b"PK not ours");
    let refused = build("report.docx").code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(stderr.contains("is not a document gen wrote"), "{stderr}");
    assert_eq!(
        std::fs::read(root.join("report.docx")).expect("read"),
        b"PK not ours"
    );
    for (name, why) in [
        ("site.yaml", "does not end in .docx"),
        (
            "content/playbook.docx",
            "inside the site's `content/` folder",
        ),
        ("themes/playbook.docx", "inside the site's `themes/` folder"),
        ("public/playbook.docx", "inside the output folder"),
        ("content", "does not end in .docx"),
    ] {
        let refused = build(name).code(2);
        let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
        assert!(stderr.contains(why), "{name}: {stderr}");
    }
    assert!(!root.join("content/playbook.docx").exists());
    assert_eq!(read(&root, "site.yaml"), read(&repo(), "site.yaml"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("playbook.docx"), root.join("link.docx"))
            .expect("symlink");
        let refused = build("link.docx").code(2);
        let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
        assert!(stderr.contains("symbolic link"), "{stderr}");
    }
    // No partial file is left beside it.
    let strays: Vec<String> = std::fs::read_dir(&root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}
