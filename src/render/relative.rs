//! Relative-link output: every internal address of a page rewritten relative to that page
//! (`../../roles/caio/index.html`), for hosting whose path is unknown at build time and for
//! opening the files straight from disk.

use lol_html::html_content::Element;
use lol_html::{RewriteStrSettings, element, rewrite_str};

/// What an address attribute leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leads {
    /// A page or file: a folder address gets `index.html`, which `file://` needs.
    ToFile,
    /// A folder the page's scripts append paths to (`data-root`): it stays a folder.
    ToFolder,
}

/// Attributes whose values are addresses.
const URL_ATTRIBUTES: [(&str, Leads); 5] = [
    ("href", Leads::ToFile),
    ("src", Leads::ToFile),
    ("action", Leads::ToFile),
    ("data-index", Leads::ToFile),
    ("data-root", Leads::ToFolder),
];

/// The page a static host (nginx's `error_page`, Apache's `ErrorDocument`, GitHub Pages)
/// shows for every missing address, at whatever depth: relative addresses would resolve
/// against that address, so this one page keeps the addresses from `base_url`'s path.
pub const SHOWN_AT_ANY_DEPTH: &str = "404.html";

/// Whether the page at `output_path` is written with relative links when the site asks.
pub fn is_relativized(output_path: &str) -> bool {
    output_path.ends_with(".html") && output_path != SHOWN_AT_ANY_DEPTH
}

/// The prefix that leads from the page at `output_path` (`roles/caio/index.html`) to the
/// site root: `../../`, or `./` at the root.
pub fn prefix_for(output_path: &str) -> String {
    let depth = output_path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// Rewrite the addresses in `html` that start with `base_path`, in the attributes of
/// elements only: HTML shown as text (in code, in comments, in scripts) keeps its addresses.
pub fn relativize(html: &str, base_path: &str, prefix: &str) -> String {
    let mut settings = RewriteStrSettings::new()
        // Markup that would need the whole tree to parse (`<select><xmp>`) is rewritten as
        // the tokenizer reads it rather than failing the page.
        .with_strict(false)
        .with_enable_esi_tags(false);
    for (attribute, leads) in URL_ATTRIBUTES {
        settings = settings.append_element_content_handler(element!(
            format!("[{attribute}]"),
            move |el: &mut Element| {
                rewrite_attribute(el, attribute, leads, base_path, prefix);
                Ok(())
            }
        ));
    }
    // Not strict, no memory limit and handlers that never fail leave the rewriter nothing to
    // fail on; should it ever, absolute addresses still work at the site's base path.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

fn rewrite_attribute(
    el: &mut Element,
    attribute: &str,
    leads: Leads,
    base_path: &str,
    prefix: &str,
) {
    let Some(value) = el.get_attribute(attribute) else {
        return;
    };
    if let Some(relative) = relative_address(&value, leads, base_path, prefix) {
        // Only an invalid attribute name can be refused, and these are constants.
        let _ = el.set_attribute(attribute, &relative);
    }
}

/// `url` (an address of the site, starting with `base`) as a file at the site's root
/// reaches it with relative links: `roles/caio/index.html`; `None` for other addresses.
pub fn from_root(url: &str, base: &str) -> Option<String> {
    relative_address(url, Leads::ToFile, base, "")
}

/// `value` written from the page through `prefix`, or `None` when it is not an address inside
/// the site (another host, `//host/…`, a fragment, a path outside `base_path`). Fragments and
/// queries are kept.
fn relative_address(value: &str, leads: Leads, base_path: &str, prefix: &str) -> Option<String> {
    if value.starts_with("//") {
        return None;
    }
    let inside = value.strip_prefix(base_path)?;
    if leads == Leads::ToFolder {
        return Some(format!("{prefix}{inside}"));
    }
    let (path, rest) = inside.split_at(inside.find(['#', '?']).unwrap_or(inside.len()));
    let index = if path.is_empty() || path.ends_with('/') {
        "index.html"
    } else {
        ""
    };
    Some(format!("{prefix}{path}{index}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_follow_depth() {
        assert_eq!(prefix_for("index.html"), "./");
        assert_eq!(prefix_for("roles/caio/index.html"), "../../");
        assert_eq!(prefix_for("404.html"), "./");
    }

    #[test]
    fn internal_addresses_become_relative() {
        let html = r##"<a href="/pb/roles/caio/">x</a><a href="/pb/">home</a><a href="/pb/guides/a/#why">a</a><link href="/pb/style.css"><script src="/pb/playbook.js"></script><form data-root="/pb/" data-index="/pb/search-index.js"></form><a href="https://example.com/pb/">ext</a><a href="#local">l</a><a href="/other/">o</a>"##;
        let out = relativize(html, "/pb/", "../../");
        assert_eq!(
            out,
            r##"<a href="../../roles/caio/index.html">x</a><a href="../../index.html">home</a><a href="../../guides/a/index.html#why">a</a><link href="../../style.css"><script src="../../playbook.js"></script><form data-root="../../" data-index="../../search-index.js"></form><a href="https://example.com/pb/">ext</a><a href="#local">l</a><a href="/other/">o</a>"##
        );
    }

    #[test]
    fn only_attributes_of_elements_are_rewritten() {
        // (html, rewritten from the page at roles/x/index.html with base path /pb/)
        let cases = [
            (
                r#"<p><code>&lt;a href="/pb/roles/caio/"&gt;</code></p>"#,
                r#"<p><code>&lt;a href="/pb/roles/caio/"&gt;</code></p>"#,
            ),
            (
                "<pre><code>&lt;img src=\"/pb/logo.png\"&gt;\n</code></pre>",
                "<pre><code>&lt;img src=\"/pb/logo.png\"&gt;\n</code></pre>",
            ),
            (
                r#"<p>Write href="/pb/roles/caio/" in the wiki.</p>"#,
                r#"<p>Write href="/pb/roles/caio/" in the wiki.</p>"#,
            ),
            (
                r#"<!-- <a href="/pb/old/"> --><a href="/pb/new/">n</a>"#,
                r#"<!-- <a href="/pb/old/"> --><a href="../../new/index.html">n</a>"#,
            ),
            (
                r#"<script>let a = '<a href="/pb/x/">';</script>"#,
                r#"<script>let a = '<a href="/pb/x/">';</script>"#,
            ),
            (
                r#"<textarea><a href="/pb/x/"></textarea>"#,
                r#"<textarea><a href="/pb/x/"></textarea>"#,
            ),
            (
                r#"<a class="tag" href="/pb/tags/führung/">F</a>"#,
                r#"<a class="tag" href="../../tags/führung/index.html">F</a>"#,
            ),
            (
                r#"<a href='/pb/roles/caio/#why'>single</a><a href=/pb/matrix/>bare</a>"#,
                r#"<a href="../../roles/caio/index.html#why">single</a><a href="../../matrix/index.html">bare</a>"#,
            ),
            (
                r#"<a href="/pb/roles/caio/brief.md" download>md</a>"#,
                r#"<a href="../../roles/caio/brief.md" download>md</a>"#,
            ),
            (
                r#"<a href="/pb/search/?q=a&amp;b=c">q</a>"#,
                r#"<a href="../../search/index.html?q=a&amp;b=c">q</a>"#,
            ),
            (
                r#"<svg><a href="/pb/roles/caio/"><rect/></a></svg>"#,
                r#"<svg><a href="../../roles/caio/index.html"><rect/></a></svg>"#,
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(relativize(html, "/pb/", "../../"), expected, "{html}");
        }
    }

    #[test]
    fn a_root_base_path_works_too() {
        let out = relativize(
            r#"<a href="/roles/caio/">x</a><a href="//cdn.example/x.js">y</a>"#,
            "/",
            "./",
        );
        assert_eq!(
            out,
            r#"<a href="./roles/caio/index.html">x</a><a href="//cdn.example/x.js">y</a>"#
        );
    }
}
