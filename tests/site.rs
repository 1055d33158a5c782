//! The playbook site built from the shipped content: matrix, sequence, taxonomies, data
//! files and brief renditions, checked page by page.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn shipped() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    gen_in(&repo())
        .args(["build", "--output"])
        .arg(&public)
        .assert()
        .success();
    (out, public)
}

fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_matrix_marks_primary_and_secondary_with_totals() {
    let (_out, public) = shipped();
    let page = read(&public, "matrix/index.html");
    let matrix = &page[page.find("<table class=\"matrix\">").expect("matrix")..];
    let row = |title: &str| {
        let start = matrix
            .find(&format!(">{title}</a>"))
            .unwrap_or_else(|| panic!("row {title}"));
        let end = matrix[start..].find("</tr>").expect("row end") + start;
        matrix[start..end].to_string()
    };
    // Columns follow site.yaml: leadership, architecture, applied-ml, prompt-eval,
    // data-engineering, platform-mlops, security-compliance, product, change-management.
    let cells = |row: &str| -> Vec<&'static str> {
        row.split("<td class=\"cell cell-")
            .skip(1)
            .map(|c| {
                if c.starts_with("primary") {
                    "P"
                } else if c.starts_with("secondary") {
                    "s"
                } else {
                    "-"
                }
            })
            .collect()
    };
    // With a team plan in content/plan/, the matrix shows the team.
    assert_eq!(
        cells(&row("Head of AI, Claims Automation")),
        ["P", "s", "-", "-", "-", "-", "-", "P", "P"]
    );
    assert_eq!(cells(&row("Claims ML Engineer"))[2], "P");
    assert!(
        !matrix.contains(">Chief AI Officer</a>"),
        "the library is not the team"
    );
    assert!(
        page.contains("Every capability has an owner"),
        "no gaps in the shipped playbook"
    );
    assert!(!matrix.contains("class=\"cap gap\""));
    let totals = &matrix[matrix.find("Primary holders").expect("totals")..];
    assert!(totals.starts_with("Primary holders</th>"));
    assert_eq!(
        totals.matches("<td class=\"total").count(),
        18,
        "two total rows of nine"
    );
}

#[test]
fn capabilities_nobody_owns_are_highlighted_as_gaps() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let matrix = read(root, "public/matrix/index.html");
    assert!(matrix.contains("Work with no owner:"));
    for gap in [
        "Architecture",
        "Prompt &amp; Eval",
        "Data Engineering",
        "Platform &amp; MLOps",
        "Security &amp; Compliance",
        "Change Management",
    ] {
        assert!(text_of(&matrix).contains(gap), "{gap}");
    }
    assert!(matrix.contains("class=\"cap gap\""));
    assert!(matrix.contains("no owner</span>"));
    let term = read(root, "public/capabilities/architecture/index.html");
    assert!(term.contains("No brief holds this capability as primary: work with no owner."));
}

#[test]
fn the_sequence_is_topological_with_a_graph() {
    let (_out, public) = shipped();
    let page = read(&public, "sequence/index.html");
    let list = &page[page.find("<ol class=\"sequence\">").expect("list")..];
    let order: Vec<&str> = list
        .split("<li>")
        .skip(1)
        .map(|item| {
            let start = item.find("href=\"/roles/").expect("link") + "href=\"/roles/".len();
            &item[start..start + item[start..].find('/').expect("slug end")]
        })
        .collect();
    assert_eq!(
        order,
        [
            "claims-head-of-ai",
            "claims-governance-owner",
            "claims-product-lead",
            "claims-platform-lead",
            "claims-eval-engineer",
            "claims-ml-engineer"
        ],
        "the team plan's sequence: governance before the builders"
    );
    assert!(page.contains("<svg class=\"sequence-graph\""));
    assert!(
        page.matches("<a href=\"/roles/").count() >= 12,
        "list and graph link every brief"
    );
    assert!(page.contains("class=\"edge\""));
    assert!(!page.contains("<script src=\"http"), "no external script");
}

#[test]
fn taxonomy_pages_list_their_briefs() {
    let (_out, public) = shipped();
    let archetypes = read(&public, "archetypes/index.html");
    for name in ["Executive operator", "Manager", "Architect", "Builder"] {
        assert!(archetypes.contains(name));
    }
    let builders = text_of(&read(&public, "archetypes/builder/index.html"));
    for title in [
        "Applied ML Engineer",
        "Prompt &amp; Eval Engineer",
        "AI Data Engineer",
    ] {
        assert!(builders.contains(title), "{title} in builders");
    }
    assert!(!builders.contains("Chief AI Officer"));
    let governance = read(&public, "capabilities/security-compliance/index.html");
    let primary = &governance[..governance
        .find("Also held as secondary")
        .unwrap_or(governance.len())];
    assert!(primary.contains("AI Governance Owner"));
    let tags = read(&public, "tags/index.html");
    assert!(tags.contains("href=\"/tags/leadership/\""));
    assert!(read(&public, "tags/leadership/index.html").contains("Head of AI"));
}

#[test]
fn roles_json_has_every_brief_with_stable_fields() {
    let (_out, public) = shipped();
    let data: serde_json::Value =
        serde_json::from_str(&read(&public, "roles.json")).expect("valid JSON");
    let roles = data["roles"].as_array().expect("roles");
    assert_eq!(
        roles.len(),
        15,
        "nine archetypes and the six briefs of the team plan"
    );
    let ml = roles
        .iter()
        .find(|r| r["slug"] == "claims-ml-engineer")
        .expect("claims-ml-engineer");
    assert_eq!(ml["extends"], "applied-ml-engineer");
    assert_eq!(ml["status"], "open");
    assert_eq!(ml["headcount"], 2);
    assert_eq!(ml["source"], "content/plan/claims-ml-engineer.md");
    let head = roles
        .iter()
        .find(|r| r["slug"] == "head-of-ai")
        .expect("head-of-ai");
    for field in [
        "slug",
        "title",
        "url",
        "archetype",
        "summary",
        "outcome",
        "decisions",
        "owns_after_launch",
        "capabilities",
        "interfaces",
        "success",
        "reports_to",
        "hire_after",
        "constraints",
        "tools",
        "interview_probes",
        "red_flags",
        "tags",
        "status",
        "brief_md",
        "brief_txt",
        "posting_html",
        "posting_md",
        "posting_txt",
        "posting_docx",
        "internal_notes",
        "level",
        "pay",
        "source",
    ] {
        assert!(head.get(field).is_some(), "field {field}");
    }
    assert_eq!(head["hire_after"], serde_json::json!(["caio"]));
    assert_eq!(
        head["capabilities"]["primary"],
        serde_json::json!(["leadership", "product"])
    );
    assert!(
        head["success"]["90d"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert_eq!(head["status"], "planned");
    assert_eq!(
        head["brief_md"], "/roles/head-of-ai/head-of-ai.brief.md",
        "renditions are named by slug"
    );
    assert_eq!(
        head["posting_txt"],
        "/roles/head-of-ai/head-of-ai.posting.txt"
    );
    // The Word post is written for the briefs being hired only (site.yaml `posting_docx`).
    assert_eq!(head["posting_docx"], serde_json::Value::Null);
    assert_eq!(
        ml["posting_docx"],
        "/roles/claims-ml-engineer/claims-ml-engineer.posting.docx"
    );
}

#[test]
fn briefs_come_as_markdown_and_plain_text_and_in_the_copy_buttons() {
    let (_out, public) = shipped();
    assert!(
        !public.join("roles/head-of-ai/brief.md").exists(),
        "no download is called brief.md"
    );
    let md = read(&public, "roles/head-of-ai/head-of-ai.brief.md");
    assert!(md.starts_with("# Head of AI\n"));
    for heading in [
        "## The outcome we are hiring for",
        "## What you will decide",
        "## How we will measure success",
        "**After 90 days**",
        "## How the role fits",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(!md.contains("Interview"), "probes stay internal");
    let txt = read(&public, "roles/head-of-ai/head-of-ai.brief.txt");
    assert!(txt.starts_with("HEAD OF AI\n"));
    assert!(!txt.contains("**") && !txt.contains("## "));
    let page = read(&public, "roles/head-of-ai/index.html");
    assert!(page.contains("Copy as Markdown") && page.contains("Copy as plain text"));
    assert!(page.contains("<pre hidden id=\"brief-markdown\"># Head of AI"));
    assert!(page.contains("href=\"/roles/head-of-ai/head-of-ai.brief.md\" download"));
    // The job post: copied as text, opened as a page, downloaded as Markdown and text.
    assert!(page.contains("Copy job post"));
    assert!(page.contains("<pre hidden id=\"posting-text\">HEAD OF AI"));
    assert!(page.contains("href=\"/roles/head-of-ai/head-of-ai.posting.html\""));
    for kind in ["posting.md", "posting.txt"] {
        assert!(
            page.contains(&format!(
                "href=\"/roles/head-of-ai/head-of-ai.{kind}\" download"
            )),
            "{kind}"
        );
    }
}

#[test]
fn an_open_brief_of_the_worked_plan_posts_with_pay_place_and_the_insurer() {
    let (_out, public) = shipped();
    let txt = read(
        &public,
        "roles/claims-ml-engineer/claims-ml-engineer.posting.txt",
    );
    let headings: Vec<&str> = txt
        .lines()
        .filter(|l| {
            !l.starts_with("- ")
                && l.chars().all(|c| !c.is_lowercase())
                && l.chars().any(char::is_alphabetic)
        })
        .collect();
    assert_eq!(
        headings,
        [
            "CLAIMS ML ENGINEER",
            "WHAT THIS ROLE IS FOR",
            "THE OUTCOME YOU WILL BE HIRED TO DELIVER",
            "WHAT YOU WILL OWN",
            "HOW YOU WILL KNOW IT IS WORKING",
            "WHAT WE LOOK FOR",
            "WHERE YOU WILL WORK AND WHAT YOU WILL EARN",
            "ABOUT US",
            "HOW TO APPLY",
            "EQUAL OPPORTUNITY",
        ]
    );
    for fact in [
        "Nordhafen Versicherung",
        "Location: Hamburg, Germany",
        "Working pattern: Hybrid",
        "Contract: Full-time",
        "Pay: EUR 72,000–90,000 a year",
        "Level: Senior",
        "Applications close: 28 February 2027",
    ] {
        assert!(txt.contains(fact), "{fact} in\n{txt}");
    }
    // The eval engineer states its own range; the level's band applies to the other.
    let eval = read(
        &public,
        "roles/claims-eval-engineer/claims-eval-engineer.posting.md",
    );
    assert!(
        eval.contains("- **Pay:** EUR 68,000–84,000 a year"),
        "{eval}"
    );
    let html = read(
        &public,
        "roles/claims-ml-engineer/claims-ml-engineer.posting.html",
    );
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.contains("<script") && !html.contains("<nav") && !html.contains("style=\""));
    assert!(html.contains("<h2>What you will own</h2>"));
    // The archetype library posts without pay.
    let library = read(
        &public,
        "roles/applied-ml-engineer/applied-ml-engineer.posting.txt",
    );
    assert!(!library.contains("Pay:"), "{library}");
}

#[test]
fn sitemap_search_index_and_no_robots_by_default() {
    let (_out, public) = shipped();
    // The shipped base_url is a path: a sitemap's addresses must be absolute (tests/hosting.rs).
    assert!(!public.join("sitemap.xml").exists());
    assert!(
        !public.join("robots.txt").exists(),
        "internal sites are not crawled"
    );
    let index = read(&public, "search-index.js");
    assert!(index.starts_with("window.rolebookSearch = ["));
    assert!(index.contains("\"t\":\"Head of AI\""));
    assert!(index.contains("The first 90 days"), "headings are indexed");
    assert!(
        index.contains("\"c\":[\"Must run on the company's approved cloud or on-premises estate\""),
        "constraints are indexed"
    );
    assert!(
        !index.contains("Walk through a production AI system"),
        "bodies are not"
    );
}

#[test]
fn relative_links_work_from_any_folder() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args([
            "build",
            "--relative-links",
            "--base-url",
            "https://wiki.example.com/ai-playbook/",
        ])
        .assert()
        .success();
    let page = read(root, "public/roles/engineer/index.html");
    assert!(page.contains("href=\"../../roles/head-of-ai/index.html\""));
    assert!(page.contains("href=\"../../style.css\""));
    assert!(page.contains("data-root=\"../../\""));
    assert!(
        !page.contains("href=\"/ai-playbook/"),
        "no absolute internal link is left"
    );
    assert!(read(root, "public/index.html").contains("href=\"./matrix/index.html\""));
    assert!(
        read(root, "public/sitemap.xml")
            .contains("https://wiki.example.com/ai-playbook/roles/engineer/")
    );
    check_links_resolve(&root.join("public"));
}

/// Every relative `href`/`src` of every page points at a file that exists.
fn check_links_resolve(public: &Path) {
    for entry in walkdir::WalkDir::new(public).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        // A server shows the 404 page at any depth: it keeps base-path addresses (its own
        // test is in tests/hosting.rs).
        if entry.file_name() == "404.html" {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).expect("read");
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let value = &piece[..piece.find('"').expect("quote")];
                if value.starts_with('#') || value.contains("://") || value.starts_with("mailto:") {
                    continue;
                }
                let path = value.split('#').next().expect("path");
                let target = entry.path().parent().expect("folder").join(path);
                assert!(
                    target.exists(),
                    "{} links to missing {value}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn robots_txt_when_asked_for() {
    let site = small_site();
    let root = site.path();
    let config =
        read(root, "site.yaml").replace("theme: default", "theme: default\nrobots_txt: true");
    write(root, "site.yaml", &config);
    gen_in(root).arg("build").assert().success();
    let robots = read(root, "public/robots.txt");
    assert!(robots.starts_with("User-agent: *\n"));
    // No sitemap without a host in base_url, so robots.txt names none.
    assert!(!robots.contains("Sitemap:"), "{robots}");
    gen_in(root)
        .args(["build", "--base-url", "https://wiki.example.com/pb/"])
        .assert()
        .success();
    assert!(
        read(root, "public/robots.txt")
            .contains("Sitemap: https://wiki.example.com/pb/sitemap.xml")
    );
}

/// 2026-12-01, for the review dates.
const DECEMBER_2026: &str = "1796083200";

#[test]
fn a_brand_colours_the_theme_readably_and_pages_say_who_keeps_them() {
    let site = branded_site();
    let root = site.path();
    // gen check warns of the pale accent and of the brief last reviewed 17 months ago.
    let out = gen_in(root)
        .args(["check", "--format", "json"])
        .env("SOURCE_DATE_EPOCH", DECEMBER_2026)
        .output()
        .expect("gen check");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = report["findings"].as_array().expect("findings");
    let of = |id: &str| {
        findings
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("no {id} in {findings:?}"))
    };
    let contrast = of("brand-contrast");
    assert_eq!(
        (
            contrast["file"].as_str(),
            contrast["line"].as_u64(),
            contrast["column"].as_u64()
        ),
        (Some("site.yaml"), Some(4), Some(11))
    );
    let message = contrast["message"].as_str().expect("message");
    assert!(
        message.starts_with("brand accent `#f5e663` has 1.1"),
        "{message}"
    );
    let shade = message.rsplit("the pages use ").next().expect("a shade");
    let shade = shade.trim_end_matches(" instead");
    assert!(
        shade.starts_with('#') && shade.len() == 7 && shade != "#f5e663",
        "{shade}"
    );
    let stale = of("stale-brief");
    assert_eq!(
        (
            stale["file"].as_str(),
            stale["line"].as_u64(),
            stale["column"].as_u64()
        ),
        (Some("content/plan/claims-head-of-ai.md"), Some(2), Some(11))
    );
    assert!(
        stale["message"]
            .as_str()
            .is_some_and(|m| m.contains("last reviewed 2025-06-30, 17 months ago")),
        "{stale}"
    );
    assert_eq!(findings.len(), 2, "nothing else: {findings:?}");
    gen_in(root)
        .args(["build", "--output"])
        .arg(root.join("public"))
        .assert()
        .success();
    let data: serde_json::Value =
        serde_json::from_str(&read(root, "public/roles.json")).expect("roles.json");
    let lead = data["roles"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["slug"] == "claims-head-of-ai"))
        .expect("the lead");
    assert_eq!(
        (&lead["maintainer"], &lead["reviewed"]),
        (
            &serde_json::json!("Jana Petersen (People Ops)"),
            &serde_json::json!("2025-06-30")
        )
    );

    let public = root.join("public");
    gen_in(root)
        .args(["build", "--output"])
        .arg(&public)
        .env("SOURCE_DATE_EPOCH", DECEMBER_2026)
        .assert()
        .success();
    // The logo in the header and as the favicon; the corrected shade in light mode only
    // on screen (print keeps black), and a shade for dark mode.
    let home = read(&public, "index.html");
    for expected in [
        "<img class=\"site-logo\" src=\"/logo.svg\" alt=\"Nordhafen Versicherung\">",
        "<link rel=\"icon\" href=\"/logo.svg\" type=\"image/svg+xml\">",
        &format!("@media screen {{ :root {{ --accent: {shade};"),
        "@media screen and (prefers-color-scheme: dark) { :root { --accent: #f5e663;",
    ] {
        assert!(home.contains(expected), "{expected} in {home}");
    }
    assert!(
        !home.contains("favicon.svg"),
        "the brand's icon replaces the theme's"
    );
    assert_eq!(read(&public, "logo.svg"), read(root, "static/logo.svg"));
    // Who keeps a brief, when it was reviewed, and where to edit it.
    let lead = text_of(&read(&public, "roles/claims-head-of-ai/index.html"));
    assert!(
        lead.contains("Last reviewed 30 June 2025 · Maintainer Jana Petersen (People Ops)"),
        "{lead}"
    );
    let lead_html = read(&public, "roles/claims-head-of-ai/index.html");
    assert!(
        lead_html.contains("<a class=\"edit-link\" href=\"https://git.nordhafen.example/playbook/-/edit/main/content/plan/claims-head-of-ai.md\">Edit this page</a>"),
        "{lead_html}"
    );
    let guide = read(&public, "guides/how-to-read/index.html");
    assert!(
        guide.contains("href=\"https://git.nordhafen.example/playbook/-/edit/main/content/guides/how-to-read.md\">Edit this page</a>"),
        "{guide}"
    );
    // Outside git, a brief without `reviewed:` says so.
    let caio = text_of(&read(&public, "roles/caio/index.html"));
    assert!(caio.contains("Last reviewed not recorded"), "{caio}");
    // Internal: the job post names no maintainer.
    for file in [
        "claims-head-of-ai.posting.html",
        "claims-head-of-ai.posting.txt",
    ] {
        let post = read(&public, &format!("roles/claims-head-of-ai/{file}"));
        assert!(
            !post.contains("Jana Petersen") && !post.contains("2025-06-30"),
            "{file}"
        );
    }
}

#[test]
fn last_changed_comes_from_one_git_log_and_a_build_without_git_still_succeeds() {
    let site = branded_site();
    let root = site.path();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_AUTHOR_DATE", "2026-03-04T10:00:00+00:00")
            .env("GIT_COMMITTER_DATE", "2026-03-04T10:00:00+00:00")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["init", "-q"]) || !git(&["add", "content"]) || !git(&["commit", "-qm", "plan"]) {
        println!("SKIPPED git dates: git is not installed");
        return;
    }
    let public = root.join("public");
    gen_in(root)
        .args(["build", "--output"])
        .arg(&public)
        .assert()
        .success();
    let caio = read(&public, "roles/caio/index.html");
    assert!(
        caio.contains("not recorded; the file last changed <time datetime=\"2026-03-04\">4 March 2026</time> (git)"),
        "{caio}"
    );
    // A written review date wins over git's.
    let lead = read(&public, "roles/claims-head-of-ai/index.html");
    assert!(lead.contains("<time datetime=\"2025-06-30\">30 June 2025</time>"));
    let guide = read(&public, "guides/how-to-read/index.html");
    assert!(
        guide.contains("Last changed</span> <time datetime=\"2026-03-04\">"),
        "{guide}"
    );

    // No git on the PATH: the same build, without the dates.
    gen_in(root)
        .args(["build", "--output"])
        .arg(&public)
        .env("PATH", "")
        .assert()
        .success();
    let caio = read(&public, "roles/caio/index.html");
    assert!(!caio.contains("the file last changed"), "{caio}");
}
