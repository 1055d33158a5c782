//! Team modeling with the real binary: briefs derived with `extends`, the staffing view, the
//! library view (`archetypes_only`), the whole-playbook page and `--single-page`, and build
//! progress (never when stderr is not a terminal).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use predicates::prelude::*;

/// A small site with a team plan: the head of AI (filled) and an engineer (open) derived
/// from the two archetypes of `small_site`.
fn plan_site() -> tempfile::TempDir {
    let site = small_site();
    write(
        site.path(),
        "content/plan/claims-lead.md",
        "---\ntitle: Head of AI, Claims\nextends: head-of-ai\noutcome: Cut motor claims handling time by 30% in 12 months.\ntags+: [claims]\nstatus: filled\n---\n\nOwns claims automation. Hires the [engineer](claims-engineer.md).\n",
    );
    write(
        site.path(),
        "content/plan/claims-engineer.md",
        "---\ntitle: Claims ML Engineer\nextends: engineer\nhire_after: [claims-lead]\nstatus: open\nheadcount: 2\nlevel: senior\n---\n\n## Why two\n\nTriage and documents. Reports to the [lead](claims-lead.md); see [below](#top).\n\n## Top\n\nText.\n",
    );
    site
}

#[test]
fn a_derived_brief_inherits_and_shows_what_it_is_based_on() {
    let site = plan_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let page = read(root, "public/roles/claims-lead/index.html");
    assert!(page.contains("Head of AI, Claims"));
    // Inherited from head-of-ai: the decisions and the summary.
    assert!(page.contains("Which use cases move to production"));
    assert!(page.contains("Owns delivery of the AI roadmap."));
    // Overridden.
    assert!(page.contains("Cut motor claims handling time by 30%"));
    assert!(page.contains("Based on <a href=\"/roles/head-of-ai/\">Head of AI</a>"));
    assert!(page.contains("filled"), "the status is shown");
    let parent = read(root, "public/roles/head-of-ai/index.html");
    assert!(
        parent.contains("<a href=\"/roles/claims-lead/\">Head of AI, Claims</a>"),
        "the archetype lists its derived briefs"
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(root, "public/roles.json")).expect("json");
    let lead = data["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["slug"] == "claims-lead")
        .expect("claims-lead");
    assert_eq!(lead["tags"], serde_json::json!(["leadership", "claims"]));
    assert_eq!(lead["extends"], "head-of-ai");
}

#[test]
fn inheritance_errors_name_files_lines_and_the_whole_cycle() {
    /// (case, files written over the small site, fragments of the report)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "missing parent",
            &[(
                "content/plan/x.md",
                "---\ntitle: X\nextends: head-of-aj\n---\n",
            )],
            &[
                "content/plan/x.md:3:10",
                "`extends` names `head-of-aj`, which is not a brief",
                "did you mean `head-of-ai`?",
            ],
        ),
        (
            "cycle",
            &[
                ("content/plan/a.md", "---\ntitle: A\nextends: b\n---\n"),
                ("content/plan/b.md", "---\ntitle: B\n\nextends: a\n---\n"),
            ],
            &[
                "`extends` forms a cycle: a → b → a",
                "content/plan/a.md:3:10 (a extends b)",
                "content/plan/b.md:4:10 (b extends a)",
            ],
        ),
        (
            "append without a parent",
            &[(
                "content/roles/engineer.md",
                "---\ntitle: E\narchetype: builder\nsummary: S.\noutcome: Ship one model by Q3.\ndecisions: [D]\nsuccess:\n  90d: [M]\ntags+: [x]\n---\n",
            )],
            &[
                "content/roles/engineer.md:9:1",
                "`tags+` appends to an inherited value, but this brief has no `extends`",
            ],
        ),
    ];
    for (name, files, expected) in cases {
        let site = small_site();
        for (path, text) in *files {
            write(site.path(), path, text);
        }
        let output = gen_in(site.path()).arg("check").output().expect("check");
        assert_eq!(output.status.code(), Some(1), "{name}");
        let report = String::from_utf8_lossy(&output.stdout);
        for fragment in *expected {
            assert!(report.contains(fragment), "{name}: {fragment} in\n{report}");
        }
    }
}

#[test]
fn a_finding_on_an_inherited_value_points_at_the_parent() {
    let site = plan_site();
    let root = site.path();
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("check");
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let text = findings.to_string();
    // The engineer archetype states success at 90 days only; the derived brief inherits the
    // gap, reported at the archetype's `success:` with the derived brief named.
    assert!(
        text.contains("`success` has no 6m, 12m horizon (inherited by `claims-engineer`)"),
        "{text}"
    );
    let inherited = findings["findings"]
        .as_array()
        .or_else(|| findings.as_array())
        .expect("findings")
        .iter()
        .find(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("inherited by `claims-engineer`"))
        })
        .expect("an inherited finding");
    assert_eq!(
        inherited["file"], "content/roles/engineer.md",
        "{inherited}"
    );
}

#[test]
fn the_staffing_view_classifies_the_team_and_the_library_view_hides_it() {
    let site = plan_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let home = read(root, "public/index.html");
    assert!(
        home.contains("2 of 9 capabilities staffed; 1 being hired; 6 unowned"),
        "{home}"
    );
    let matrix = read(root, "public/matrix/index.html");
    assert!(matrix.contains("id=\"staffing\""));
    let row = |name: &str| {
        let start = matrix
            .find(&format!(">{name}</a></th>"))
            .unwrap_or_else(|| panic!("staffing row {name}"));
        let end = matrix[start..].find("</tr>").expect("row end") + start;
        matrix[start..end].to_string()
    };
    assert!(row("Leadership").contains("staffed"));
    assert!(row("Applied ML").contains("being hired"));
    assert!(row("Applied ML").contains("(open, 2 people)"));
    assert!(row("Architecture").contains("unowned"));
    // The library's briefs are not the team once content/plan/ has briefs.
    assert!(!matrix.contains(">Applied ML Engineer</a> <span class=\"archetype-name\">"));

    let mut config = read(root, "site.yaml");
    config.push_str("\narchetypes_only: true\n");
    write(root, "site.yaml", &config);
    gen_in(root).arg("build").assert().success();
    assert!(!read(root, "public/matrix/index.html").contains("id=\"staffing\""));
    let home = read(root, "public/index.html");
    assert!(!home.contains("capabilities staffed"));
    assert!(!read(root, "public/roles/claims-lead/index.html").contains("class=\"status"));
}

#[test]
fn a_bundled_brief_is_marked_and_does_not_staff_what_it_holds() {
    let site = plan_site();
    let root = site.path();
    // A filled "Head of Everything": its decisions reach into six areas of work.
    write(
        root,
        "content/plan/everything.md",
        "---\ntitle: Head of Everything\nextends: head-of-ai\ndecisions:\n  - The company's AI strategy and where we invest first\n  - The target architecture for every AI system we build\n  - Which vendors, models and partners we buy from\n  - Hiring and building the AI team\n  - AI governance, risk and compliance policy\n  - How the business adopts AI, including change management\ncapabilities:\n  primary: [security-compliance, architecture]\nstatus: filled\n---\n\nText.\n",
    );
    gen_in(root).arg("build").assert().success();
    let matrix = read(root, "public/matrix/index.html");
    let row = |name: &str| {
        let start = matrix
            .find(&format!(">{name}</a></th>"))
            .unwrap_or_else(|| panic!("staffing row {name}"));
        let end = matrix[start..].find("</tr>").expect("row end") + start;
        matrix[start..end].to_string()
    };
    let governance = row("Security &amp; Compliance");
    assert!(governance.contains("unowned"), "{governance}");
    assert!(
        governance.contains("held only by bundled briefs, which do not count"),
        "{governance}"
    );
    assert!(
        governance.contains(">Head of Everything</a> <span class=\"holder-status\">(filled)</span> <span class=\"bundled-mark\""),
        "the holder is listed with its mark: {governance}"
    );
    assert!(
        governance.contains(">bundled</span>"),
        "in words: {governance}"
    );
    // Leadership stays staffed by the claims lead, who is not bundled.
    let leadership = row("Leadership");
    assert!(leadership.contains("staffed"), "{leadership}");
    assert!(!leadership.contains("bundled"), "{leadership}");
    let home = read(root, "public/index.html");
    assert!(
        home.contains("2 of 9 capabilities staffed; 1 being hired; 6 unowned"),
        "the bundled brief adds nothing to the summary: {home}"
    );
    let output = gen_in(root).arg("check").output().expect("check");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("bundled role: its decisions and summary span 7 areas of work"),
        "{report}"
    );
}

#[test]
fn planned_only_capabilities_are_warned_differently_once_hiring_started() {
    let site = plan_site();
    let root = site.path();
    write(
        root,
        "content/plan/claims-data.md",
        "---\ntitle: Claims Data Engineer\nextends: engineer\ncapabilities:\n  primary: [data-engineering]\nhire_after: [claims-lead]\n---\n\nText.\n",
    );
    let output = gen_in(root).arg("check").output().expect("check");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("capability with nobody hired: `data-engineering` (Data Engineering) is held as primary only by planned briefs (Claims Data Engineer)"),
        "{report}"
    );
    assert!(
        report.contains(
            "no brief of the team plan (content/plan/) holds `architecture` (Architecture)"
        ),
        "{report}"
    );
}

#[test]
fn new_role_from_an_archetype_writes_a_derived_brief_that_checks() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args(["new", "role", "Head of AI, Claims", "--from", "head-of-ai"])
        .assert()
        .success();
    let text = read(root, "content/plan/head-of-ai-claims.md");
    assert!(text.contains("title: \"Head of AI, Claims\""), "{text}");
    assert!(text.contains("extends: head-of-ai"), "{text}");
    assert!(text.contains("status: planned"), "{text}");
    assert!(text.contains("# decisions+:"), "{text}");
    assert!(
        !text.contains("\nsummary:"),
        "only the keys worth overriding"
    );
    gen_in(root).arg("build").assert().success();
    assert!(
        read(root, "public/roles/head-of-ai-claims/index.html")
            .contains("Which use cases move to production"),
        "inherits the archetype's decisions"
    );
    let output = gen_in(root)
        .args(["new", "role", "X", "--from", "head-of-aj"])
        .output()
        .expect("new");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `head-of-ai`?"));
}

/// Every `id` of an HTML document and the `href` of every link, as html5ever parses it.
fn ids_and_links(html: &str) -> (Vec<String>, Vec<String>) {
    let document = scraper::Html::parse_document(html);
    let values = |css: &str, attribute: &str| {
        let selector = scraper::Selector::parse(css).expect("a valid selector");
        document
            .select(&selector)
            .filter_map(|element| element.attr(attribute).map(str::to_string))
            .collect::<Vec<_>>()
    };
    (values("[id]", "id"), values("a[href]", "href"))
}

fn assert_one_page(html: &str, what: &str) {
    let (ids, hrefs) = ids_and_links(html);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &ids {
        *seen.entry(id).or_default() += 1;
    }
    let repeated: Vec<&&str> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, _)| id)
        .collect();
    assert!(repeated.is_empty(), "{what}: ids used twice: {repeated:?}");
    assert!(ids.len() > 50, "{what}: {} ids", ids.len());
    for href in &hrefs {
        assert!(
            !href.contains("/roles/"),
            "{what}: a link leaves the page for another brief: {href}"
        );
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(
                ids.iter().any(|id| id == anchor),
                "{what}: #{anchor} has no target"
            );
        }
    }
}

#[test]
fn the_whole_playbook_page_keeps_every_brief_and_link_on_the_page() {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    let single = out.path().join("playbook.html");
    gen_in(&repo())
        .args(["build", "--output"])
        .arg(&public)
        .arg("--single-page")
        .arg(&single)
        .assert()
        .success();
    let page = read(&public, "print/index.html");
    assert_one_page(&page, "/print/");
    // Every brief, the team plan first, with a table of contents.
    let contents = &page[page.find("print-contents").expect("contents")..];
    let first = contents
        .find("href=\"#claims-head-of-ai\"")
        .expect("plan in contents");
    let library = contents
        .find("href=\"#caio\"")
        .expect("library in contents");
    assert!(first < library);
    for slug in ["caio", "head-of-ai", "claims-ml-engineer", "data-engineer"] {
        assert!(page.contains(&format!(
            "<article class=\"role print-brief\" id=\"{slug}\">"
        )));
    }
    // A link between briefs in a body became an in-page link.
    assert!(page.contains("href=\"#claims-platform-lead\""));
    assert!(
        read(&public, "index.html").contains("href=\"/print/\""),
        "linked from the nav"
    );

    let standalone = std::fs::read_to_string(&single).expect("single page");
    assert_one_page(&standalone, "--single-page");
    assert!(standalone.contains("<style>"), "CSS inlined");
    for external in [
        "<script",
        "<link rel=\"stylesheet\"",
        "src=\"http",
        "@import",
    ] {
        assert!(
            !standalone.contains(external),
            "{external} in the single page"
        );
    }
}

#[test]
fn single_page_works_on_a_small_site_with_relative_links_between_plan_briefs() {
    let site = plan_site();
    let root = site.path();
    gen_in(root)
        .args(["build", "--quiet", "--single-page", "one.html"])
        .assert()
        .success()
        .stderr("");
    let html = read(root, "one.html");
    assert!(html.contains("href=\"#claims-engineer\""), "{html}");
    assert!(html.contains("href=\"#claims-lead\""));
    assert!(html.contains("href=\"#claims-engineer--top\""));
    assert!(html.contains("<h2 id=\"claims-engineer--top\">"));
    assert_one_page(&html, "small site");
}

fn progress_text(stderr: &str) -> bool {
    stderr.contains("Rendering [")
}

#[test]
fn progress_never_shows_when_stderr_is_not_a_terminal() {
    let site = small_site();
    for args in [&["build"][..], &["build", "--quiet"][..]] {
        let output = gen_in(site.path())
            .args(args)
            .env("GEN_PROGRESS_DELAY_MS", "0")
            .output()
            .expect("build");
        assert!(output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!progress_text(&stderr), "{args:?}: {stderr}");
        assert!(!stderr.contains('\r'), "{args:?}: no line rewriting");
    }
}

/// On a terminal (a pseudo-terminal from util-linux's `script`), the same build shows it.
#[test]
fn progress_shows_on_a_terminal() {
    if !Path::new("/usr/bin/script").exists() {
        println!("SKIPPED progress on a terminal: util-linux `script` is not installed");
        return;
    }
    let site = small_site();
    let gen_path = assert_cmd::cargo::cargo_bin("gen");
    let log = site.path().join("typescript");
    let command = format!("{} build 2>&1; true", gen_path.display());
    let status = std::process::Command::new("/usr/bin/script")
        .args(["-q", "-e", "-c", &command])
        .arg(&log)
        .current_dir(site.path())
        .env("GEN_PROGRESS_DELAY_MS", "0")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("script");
    assert!(status.success());
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(progress_text(&text), "{text}");
    assert!(predicate::str::contains("Built ").eval(&text));
}
