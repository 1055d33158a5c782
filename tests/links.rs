//! Every address gen writes leads to a file it wrote: tag links, links rewritten for
//! `--relative-links`, under a sub-path, on a site whose tags, titles and headings hold `&`,
//! `+`, spaces, accents and non-Latin letters (`tests/fixtures/unicode-links/`).

mod common;

use std::path::{Path, PathBuf};

use common::*;

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

/// The `href` of every element of `html` matching `selector` (a tl selector).
fn hrefs(html: &str, selector: &str) -> Vec<String> {
    let dom = tl::parse(html, tl::ParserOptions::default()).expect("parses");
    let parser = dom.parser();
    dom.query_selector(selector)
        .into_iter()
        .flatten()
        .filter_map(|handle| handle.get(parser)?.as_tag().cloned())
        .filter_map(|tag| Some(tag.attributes().get("href")??.as_utf8_str().into_owned()))
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
