//! Front-matter strings are text everywhere: a `<script>` in any field lands escaped in every
//! HTML page, as plain data in `roles.json` and the search index (which the theme's script
//! shows with `textContent`), and escaped in the copy buttons' hidden sources. Raw HTML in
//! bodies follows `markdown.raw_html` (allow, sanitize, escape).

mod common;

use std::path::Path;

use common::*;

const TITLE: &str = r#"<script>alert("title")</script> Lead"#;
const SUMMARY: &str = "<img src=x onerror=alert(1)> Builds models.";
const OUTCOME: &str = "Ship 1 model by Q3 </script><script>alert(2)</script>";

fn hostile_brief(body: &str) -> String {
    format!(
        "---
title: '{TITLE}'
archetype: builder
summary: '{SUMMARY}'
outcome: '{OUTCOME}'
decisions: ['<b>Model</b> choice']
owns_after_launch: ['<iframe src=//evil>']
capabilities:
  primary: [applied-ml]
interfaces:
  product: '<svg onload=alert(3)>'
success:
  90d: ['<a href=javascript:alert(4)>first</a>']
reports_to: '<style>body{{display:none}}</style>'
constraints: ['\"><script>alert(5)</script>']
interview_probes: ['<script>alert(6)</script>?']
red_flags: ['<marquee>flag</marquee>']
hire_after: [head-of-ai]
location: ['<img src=x onerror=alert(7)>']
posting:
  intro: '<details open ontoggle=alert(8)>'
---

{body}
"
    )
}

/// Raw markup that would run or restyle the page if it reached HTML unescaped.
const RAW: [&str; 11] = [
    "<script>alert",
    "<img src=x",
    "<iframe",
    "<svg onload",
    "<a href=javascript",
    "<style>body",
    "\"><script>",
    "<marquee>",
    "<b>Model",
    "</script><script>",
    "<details open",
];

fn build(body: &str, raw_html: Option<&str>) -> tempfile::TempDir {
    let site = small_site();
    let root = site.path();
    write(root, "content/roles/engineer.md", &hostile_brief(body));
    if let Some(mode) = raw_html {
        let config = read(root, "site.yaml");
        write(
            root,
            "site.yaml",
            &format!("markdown:\n  raw_html: {mode}\n{config}"),
        );
    }
    gen_in(root).arg("build").assert().success();
    site
}

fn html_files(public: &Path) -> Vec<(String, String)> {
    snapshot(public)
        .into_iter()
        .filter(|(path, _)| {
            path.extension()
                .is_some_and(|e| e == "html" || e == "xml" || e == "js")
        })
        .map(|(path, bytes)| {
            (
                path.display().to_string(),
                String::from_utf8(bytes).expect("UTF-8"),
            )
        })
        .collect()
}

#[test]
fn front_matter_strings_are_escaped_on_every_page_and_data_in_json() {
    let site = build("Plain body.", None);
    let public = site.path().join("public");
    let pages = html_files(&public);
    let mut showing_title = Vec::new();
    for (path, text) in &pages {
        if path.ends_with(".js") {
            continue;
        }
        for raw in RAW {
            assert!(!text.contains(raw), "{path} has raw {raw:?}");
        }
        if text.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;&#x2F;script&gt; Lead")
            || text.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Lead")
        {
            showing_title.push(path.clone());
        }
    }
    // The brief's title shows, escaped, wherever the briefs are listed.
    for page in [
        "index.html",
        "roles/engineer/index.html",
        "matrix/index.html",
        "sequence/index.html",
        "archetypes/builder/index.html",
        "capabilities/applied-ml/index.html",
        "roles/engineer/engineer.posting.html",
    ] {
        assert!(
            showing_title.iter().any(|p| p == page),
            "{page} does not show the escaped title; pages that do: {showing_title:?}"
        );
    }

    // The copy buttons copy the text of hidden <pre> blocks: escaped there, so the copied
    // text is the title as written.
    let role = read(&public, "roles/engineer/index.html");
    for id in ["brief-markdown", "brief-text", "posting-text"] {
        let start = role
            .find(&format!("id=\"{id}\">"))
            .unwrap_or_else(|| panic!("{id} in the role page"));
        let block = &role[start..start + role[start..].find("</pre>").expect("closed")];
        assert!(block.contains("&lt;script&gt;alert("), "{id}: {block}");
        assert!(!block.contains("<script"), "{id}: {block}");
    }
    // The post's HTML that "Copy job post" copies is the page's text: escaped once more
    // here, so reading it back as text gives HTML with the title escaped.
    let start = role
        .find("id=\"posting-html-source\">")
        .expect("the post's HTML in the role page");
    let block = &role[start..start + role[start..].find("</pre>").expect("closed")];
    assert!(block.contains("&amp;lt;script&amp;gt;alert("), "{block}");
    assert!(
        block.contains("&lt;h2&gt;") && !block.contains("<script") && !block.contains("<h2"),
        "{block}"
    );

    // roles.json holds the strings as data, exactly as written.
    let json: serde_json::Value =
        serde_json::from_str(&read(&public, "roles.json")).expect("roles.json parses");
    let role = json["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["slug"] == "engineer")
        .expect("the brief");
    assert_eq!(role["title"], TITLE);
    assert_eq!(role["summary"], SUMMARY);
    assert_eq!(role["outcome"], OUTCOME);

    // The search index is a script assigning one JSON value: the strings are data there
    // too, and the theme's script puts them on the page with textContent, never as HTML.
    let index = read(&public, "search-index.js");
    let value = index
        .trim()
        .strip_prefix("window.rolebookSearch = ")
        .and_then(|v| v.strip_suffix(';'))
        .expect("window.rolebookSearch = [...];");
    let entries: serde_json::Value = serde_json::from_str(value).expect("index parses");
    let entry = entries
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["t"] == TITLE)
        .expect("the brief in the search index");
    assert_eq!(entry["s"], SUMMARY);
    let script = read(&public, "playbook.js");
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
    ] {
        assert!(!script.contains(sink), "playbook.js uses {sink}");
    }
}

const BODY: &str = "## Heading\n\n<script>alert(\"body\")</script>\n\nSome <b onclick=\"steal()\">bold</b> text.\n\n```python\nx = 1\n```\n";

fn role_page(raw_html: Option<&str>) -> String {
    let site = build(BODY, raw_html);
    read(&site.path().join("public"), "roles/engineer/index.html")
}

#[test]
fn raw_html_in_bodies_is_allowed_by_default() {
    let page = role_page(None);
    assert!(page.contains("<script>alert(\"body\")</script>"));
    assert!(page.contains("onclick=\"steal()\""));
    let explicit = role_page(Some("allow"));
    assert!(explicit.contains("<script>alert(\"body\")</script>"));
}

#[test]
fn raw_html_sanitized_keeps_the_page_and_drops_scripts() {
    let page = role_page(Some("sanitize"));
    assert!(!page.contains("alert(\"body\")"), "script kept");
    assert!(!page.contains("steal()"), "handler kept");
    assert!(page.contains("<b>bold</b>"));
    assert!(page.contains("<h2 id=\"heading\">"));
    assert!(page.contains("class=\"hl-"), "highlighting classes kept");
}

#[test]
fn raw_html_escaped_shows_the_markup_as_text() {
    let page = role_page(Some("escape"));
    assert!(!page.contains("<script>alert(\"body\")"), "script kept");
    assert!(page.contains("&lt;script&gt;alert("), "shown as text");
    assert!(page.contains("&lt;b onclick="), "shown as text");
    assert!(page.contains("<h2 id=\"heading\">"));
}

/// Escape sequences written into a brief (clear the screen, OSC 52 clipboard writes, a bell)
/// never reach the terminal raw: `check` and `build` write them out as `\u{1b}`.
#[test]
fn escape_sequences_in_a_brief_never_reach_the_terminal() {
    let site = common::small_site();
    let root = site.path();
    let brief = "---\ntitle: \"Hostile \\e[2J\\e]52;c;SGVsbG8=\\a Engineer\"\narchetype: builder\nsummary: \"Hides text \\e[8m here.\"\noutcome: Improve things.\ndecisions: [Model choice]\nsuccess:\n  90d: [First model in staging]\n---\nBody.\n";
    common::write(root, "content/roles/hostile.md", brief);
    for args in [
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["build"],
    ] {
        for no_color in [false, true] {
            let mut command = common::gen_in(root);
            command.args(&args);
            if no_color {
                command.env("NO_COLOR", "1");
            }
            let output = command.output().expect("runs");
            for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
                let text = String::from_utf8_lossy(bytes);
                assert!(
                    !text.contains('\u{1b}') && !text.contains('\u{7}'),
                    "{args:?} {stream} carries a raw control character: {text:?}"
                );
            }
            if args == ["check"] {
                let text = String::from_utf8_lossy(&output.stdout);
                assert!(text.contains("\\u{1b}"), "{text}");
            }
        }
    }
}

/// With untrusted editors (`raw_html: escape` or `sanitize`), links and images keep only
/// http, https, mailto and relative addresses, on the brief's page and the whole-playbook page.
#[test]
fn script_links_are_inert_where_editors_are_not_trusted() {
    for mode in ["escape", "sanitize"] {
        let site = common::small_site();
        let root = site.path();
        let config = std::fs::read_to_string(root.join("site.yaml")).expect("site.yaml");
        common::write(
            root,
            "site.yaml",
            &format!("{config}\nmarkdown:\n  raw_html: {mode}\n"),
        );
        let brief = common::read(root, "content/roles/engineer.md");
        common::write(
            root,
            "content/roles/engineer.md",
            &format!(
                "{brief}\n[click](javascript:alert(1)) <javascript:alert(2)> [ref][x] ![i](vbscript:x)\n\n[x]: JAVASCRIPT:alert(3)\n"
            ),
        );
        common::gen_in(root)
            .args(["build", "--quiet"])
            .assert()
            .success();
        for page in [
            "public/roles/engineer/index.html",
            "public/print/index.html",
        ] {
            let html = common::read(root, page).to_lowercase();
            assert!(
                !html.contains("=\"javascript:") && !html.contains("=\"vbscript:"),
                "{mode}: a script address stays live on {page}"
            );
        }
    }
}
