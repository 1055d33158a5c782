//! The links of a built site checked against the files it writes: every `href`, `src`,
//! `action`, `data-index` and `data-root` of its HTML, every CSS `url()` and `@import`, the
//! `<loc>`s of its sitemaps and the addresses in its JSON. Pure: output paths and bytes in,
//! broken links out, no disk.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{HtmlRewriter, Settings, element, text};
use rayon::prelude::*;

/// Where the site is published, and how its links are written.
#[derive(Debug, Clone, Copy)]
pub struct Addressing<'a> {
    /// `base_url` with one trailing slash: `https://wiki.example.com/playbook/`, or a path.
    pub base_url: &'a str,
    /// Its path, which every root-absolute internal address starts with: `/playbook/`.
    pub base_path: &'a str,
    /// Built with `--relative-links`: pages must work opened from disk.
    pub relative_links: bool,
}

/// A link that leads to no file written, or to no element of its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The file the link is on, below the output folder (`roles/caio/index.html`).
    pub page: String,
    /// The address as written there, character references decoded.
    pub url: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No file is written at this path below the output folder.
    NoFile(String),
    /// The page is written, but no element on it has this id.
    NoId { page: String, id: String },
    /// A root-absolute address outside the site's base path.
    OutsideBasePath,
    /// A relative address that climbs above the site's root.
    AboveRoot,
    /// The site is built with relative links, but this address works only on a server: a
    /// root-absolute path, or a folder without `index.html`.
    NeedsServer,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoFile(path) => write!(f, "no file is written at {path}"),
            Problem::NoId { page, id } => write!(f, "{page} has no element with id `{id}`"),
            Problem::OutsideBasePath => write!(f, "it is outside the site's base path"),
            Problem::AboveRoot => write!(f, "it climbs above the site's root"),
            Problem::NeedsServer => write!(
                f,
                "the site is built with relative links, and this address works only on a server, not opened from disk"
            ),
        }
    }
}

/// How an address is used, which decides what it must lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// A link or resource of a page: with relative links, a folder needs `index.html`.
    OnPage,
    /// A folder the page's scripts add paths to (`data-root`): a folder either way.
    Folder,
    /// A permalink for servers and crawlers (sitemap, JSON).
    Permalink,
}

/// Attributes of HTML elements that hold addresses.
const URL_ATTRIBUTES: [(&str, Use); 5] = [
    ("href", Use::OnPage),
    ("src", Use::OnPage),
    ("action", Use::OnPage),
    ("data-index", Use::OnPage),
    ("data-root", Use::Folder),
];

/// Fields of JSON files that hold addresses (`roles.json`).
pub const JSON_URL_FIELDS: [&str; 7] = [
    "url",
    "brief_md",
    "brief_txt",
    "posting_html",
    "posting_md",
    "posting_txt",
    "posting_docx",
];

/// Fragments every page has: the HTML standard scrolls to the top for `#top`.
const BUILT_IN_FRAGMENTS: [&str; 1] = ["top"];

/// One file's links, and the ids its elements carry.
#[derive(Debug, Default)]
struct FileLinks {
    links: Vec<(String, Use)>,
    ids: HashSet<String>,
}

/// Every link in `files` (output path → bytes) that leads to no file among them, or to an id
/// its page lacks; by page, then address.
pub fn broken_links<B: AsRef<[u8]> + Sync>(
    files: &BTreeMap<String, B>,
    site: &Addressing,
) -> Vec<BrokenLink> {
    let scanned: HashMap<&str, FileLinks> = files
        .par_iter()
        .filter_map(|(path, bytes)| Some((path.as_str(), links_of(path, bytes.as_ref())?)))
        .collect();
    let exists = |path: &str| files.contains_key(path);
    let ids_of = |page: &str| scanned.get(page).map(|f| &f.ids);
    let mut broken: Vec<BrokenLink> = scanned
        .par_iter()
        .flat_map_iter(|(page, found)| {
            // The 404 page keeps its addresses from the base path (see `relative`).
            let site = Addressing {
                relative_links: site.relative_links
                    && crate::render::relative::is_relativized(page),
                ..*site
            };
            let (exists, ids_of) = (&exists, &ids_of);
            found.links.iter().filter_map(move |(url, used)| {
                let problem = check_link(url, page, *used, &site, exists, ids_of)?;
                Some(BrokenLink {
                    page: page.to_string(),
                    url: url.clone(),
                    problem,
                })
            })
        })
        .collect();
    broken.sort_by(|a, b| (&a.page, &a.url).cmp(&(&b.page, &b.url)));
    broken.dedup();
    broken
}

/// The links of one file, by its kind; `None` for files that hold none (images, scripts,
/// the Markdown and text renditions).
fn links_of(path: &str, bytes: &[u8]) -> Option<FileLinks> {
    let text = std::str::from_utf8(bytes).ok()?;
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => Some(html_links(text)),
        "css" => Some(FileLinks {
            links: on_page(css_urls(text)),
            ids: HashSet::new(),
        }),
        "xml" => Some(FileLinks {
            links: permalinks(sitemap_locations(text)),
            ids: HashSet::new(),
        }),
        "json" => Some(FileLinks {
            links: permalinks(json_urls(text)),
            ids: HashSet::new(),
        }),
        _ => None,
    }
}

fn on_page(urls: Vec<String>) -> Vec<(String, Use)> {
    urls.into_iter().map(|u| (u, Use::OnPage)).collect()
}

fn permalinks(urls: Vec<String>) -> Vec<(String, Use)> {
    urls.into_iter().map(|u| (u, Use::Permalink)).collect()
}

/// The addresses and ids of an HTML page, read by an HTML parser: markup shown as text (in
/// code, comments, scripts) holds none.
fn html_links(html: &str) -> FileLinks {
    let (found, css) = (
        RefCell::new(FileLinks::default()),
        RefCell::new(String::new()),
    );
    let (found_in, css_in) = (&found, &css);
    let mut settings = Settings::new()
        // Markup that would need the whole tree to parse is read as the tokenizer sees it.
        .with_strict(false);
    for (attribute, used) in URL_ATTRIBUTES {
        settings = settings.append_element_content_handler(element!(
            format!("[{attribute}]"),
            move |el: &mut Element| {
                if let Some(value) = el.get_attribute(attribute) {
                    found_in
                        .borrow_mut()
                        .links
                        .push((decode_references(&value), used));
                }
                Ok(())
            }
        ));
    }
    // Fragments lead to ids, and to the names of `<a name>` anchors in older HTML.
    for (selector, attribute) in [("[id]", "id"), ("a[name]", "name")] {
        settings =
            settings.append_element_content_handler(element!(selector, move |el: &mut Element| {
                if let Some(value) = el.get_attribute(attribute) {
                    found_in.borrow_mut().ids.insert(decode_references(&value));
                }
                Ok(())
            }));
    }
    settings = settings.append_element_content_handler(element!("[style]", |el: &mut Element| {
        if let Some(value) = el.get_attribute("style") {
            let mut css = css_in.borrow_mut();
            css.push_str(&decode_references(&value));
            css.push(';');
        }
        Ok(())
    }));
    settings = settings.append_element_content_handler(text!("style", |t: &mut TextChunk| {
        css_in.borrow_mut().push_str(t.as_str());
        Ok(())
    }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // Without strict mode or a memory limit, and with handlers that never fail, the parser
    // has nothing to fail on; what it read until then is checked all the same.
    let _ = rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end());
    let mut found = found.into_inner();
    found.links.extend(on_page(css_urls(&css.into_inner())));
    found
}

/// The addresses of `url()` and `@import` in a style sheet, read by a CSS tokenizer (so
/// comments and strings are not mistaken for them).
fn css_urls(css: &str) -> Vec<String> {
    let mut parser = cssparser::Parser::new(css);
    let mut urls = Vec::new();
    collect_css_urls(&mut parser, &mut urls);
    urls
}

fn collect_css_urls(parser: &mut cssparser::Parser, urls: &mut Vec<String>) {
    use cssparser::Token;
    let mut after_import = false;
    while let Ok(token) = parser.next() {
        let token = token.clone();
        match &token {
            Token::UnquotedUrl(url) => urls.push(url.to_string()),
            Token::QuotedString(url) if after_import => urls.push(url.to_string()),
            Token::Function(name) if name.eq_ignore_ascii_case("url") => {
                let quoted = parser.parse_nested_block(|inner| {
                    inner
                        .expect_string()
                        .map(|s| s.to_string())
                        .map_err(Into::into)
                });
                if let Ok::<String, cssparser::ParseError<()>>(url) = quoted {
                    urls.push(url);
                }
            }
            Token::Function(_)
            | Token::ParenthesisBlock
            | Token::SquareBracketBlock
            | Token::CurlyBracketBlock => {
                let _ = parser.parse_nested_block(|inner| {
                    collect_css_urls(inner, urls);
                    Ok::<(), cssparser::ParseError<()>>(())
                });
            }
            _ => {}
        }
        after_import = matches!(&token, Token::AtKeyword(k) if k.eq_ignore_ascii_case("import"));
    }
}

/// The `<loc>` addresses of a sitemap.
fn sitemap_locations(xml: &str) -> Vec<String> {
    let locations = RefCell::new(Vec::<String>::new());
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("loc", |_: &mut Element| {
            locations.borrow_mut().push(String::new());
            Ok(())
        }))
        .append_element_content_handler(text!("loc", |t: &mut TextChunk| {
            if let Some(last) = locations.borrow_mut().last_mut() {
                last.push_str(t.as_str());
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // As in `html_links`: nothing here can fail.
    let _ = rewriter.write(xml.as_bytes()).and_then(|()| rewriter.end());
    locations
        .into_inner()
        .iter()
        .map(|l| decode_references(l.trim()))
        .collect()
}

/// The string values of the address fields of a JSON document, at any depth.
fn json_urls(json: &str) -> Vec<String> {
    fn walk(value: &serde_json::Value, urls: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(fields) => {
                for (key, value) in fields {
                    match value {
                        serde_json::Value::String(url)
                            if JSON_URL_FIELDS.contains(&key.as_str()) =>
                        {
                            urls.push(url.clone());
                        }
                        _ => walk(value, urls),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, urls)),
            _ => {}
        }
    }
    let mut urls = Vec::new();
    if let Ok(value) = serde_json::from_str(json) {
        walk(&value, &mut urls);
    }
    urls
}

/// Why `url`, written in the file `from` (an output path) for `used`, is broken, if it is.
fn check_link<'a>(
    url: &str,
    from: &str,
    used: Use,
    site: &Addressing,
    exists: &dyn Fn(&str) -> bool,
    ids_of: &dyn Fn(&str) -> Option<&'a HashSet<String>>,
) -> Option<Problem> {
    let target = match resolve(url, from, used, site) {
        Resolved::Elsewhere => return None,
        Resolved::Broken(problem) => return Some(problem),
        Resolved::Inside(target) => target,
    };
    let file = match file_of(&target.path, used, site, exists) {
        Ok(file) => file,
        Err(problem) => return Some(problem),
    };
    let id = target.fragment.filter(|id| !id.is_empty())?;
    let ids = ids_of(&file)?;
    if ids.contains(&id) || BUILT_IN_FRAGMENTS.contains(&id.as_str()) {
        return None;
    }
    Some(Problem::NoId { page: file, id })
}

/// The file a path inside the site leads to: folders to their `index.html`.
fn file_of(
    path: &str,
    used: Use,
    site: &Addressing,
    exists: &dyn Fn(&str) -> bool,
) -> Result<String, Problem> {
    let is_folder = path.is_empty() || path.ends_with('/');
    if is_folder && site.relative_links && used == Use::OnPage {
        return Err(Problem::NeedsServer);
    }
    let file = if is_folder {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    if exists(&file) {
        return Ok(file);
    }
    // Servers answer a folder's address without its slash with a redirect; opened from disk,
    // it is a folder listing at best.
    let index = format!("{path}/index.html");
    if !site.relative_links && !is_folder && exists(&index) {
        return Ok(index);
    }
    Err(Problem::NoFile(file))
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// Another site, another scheme (`mailto:`, `data:`), or outside this site's URL.
    Elsewhere,
    Inside(Target),
    Broken(Problem),
}

/// A place inside the site: its path below the root (percent-decoded), and its fragment.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    path: String,
    fragment: Option<String>,
}

/// Where `url`, written in the file `from`, leads.
fn resolve(url: &str, from: &str, used: Use, site: &Addressing) -> Resolved {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace());
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, fragment)) => (rest, Some(percent_decode(fragment))),
        None => (url, None),
    };
    let address = rest.split_once('?').map_or(rest, |(path, _)| path);
    let inside = |path: String| Resolved::Inside(Target { path, fragment });
    if address.is_empty() {
        return inside(from.to_string());
    }
    if has_scheme(address) || address.starts_with("//") {
        return match absolute_url_inside(address, site) {
            Some(path) => inside(percent_decode(path)),
            None => Resolved::Elsewhere,
        };
    }
    if let Some(absolute) = address.strip_prefix('/') {
        if site.relative_links && used != Use::Permalink {
            return Resolved::Broken(Problem::NeedsServer);
        }
        return match format!("/{absolute}").strip_prefix(site.base_path) {
            Some(path) => inside(percent_decode(path)),
            None => Resolved::Broken(Problem::OutsideBasePath),
        };
    }
    match join(folder_of(from), address) {
        Some(path) => inside(percent_decode(&path)),
        None => Resolved::Broken(Problem::AboveRoot),
    }
}

/// The path below the site's root of an absolute URL (`https://host/base/x/` or
/// `//host/base/x/`) of this site; `None` for other sites and other schemes.
fn absolute_url_inside<'u>(url: &'u str, site: &Addressing) -> Option<&'u str> {
    let (scheme, base) = site.base_url.split_once("://")?;
    let url = match url.split_once("://") {
        Some((s, rest)) if s.eq_ignore_ascii_case(scheme) => rest,
        Some(_) => return None,
        None => url.strip_prefix("//")?,
    };
    url.strip_prefix(base)
}

fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The folder of an output path, with its trailing slash (`roles/caio/`; `` at the root).
fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// `relative` resolved against `folder`, `.` and `..` applied; `None` above the root.
fn join(folder: &str, relative: &str) -> Option<String> {
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = relative.split('/').collect();
    let names_folder = matches!(parts.last(), Some(&("" | "." | "..")));
    for part in parts {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            name => segments.push(name),
        }
    }
    let mut path = segments.join("/");
    if names_folder && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// `%XX` escapes decoded (as UTF-8; invalid sequences replaced).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Character references decoded: the ones gen's templates and Markdown write (`&amp;`,
/// `&quot;`, `&#x27;`, …); other named ones are left as written.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // References are short: look no further than the longest one decoded.
        let end = rest.bytes().take(12).position(|b| b == b';');
        match end.and_then(|end| Some((reference(&rest[1..end])?, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of a reference's name (`amp`, `#39`, `#x27`).
fn reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| {
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
    };
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(&hex[1..], 16),
            decimal => number(decimal, 10),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: Addressing = Addressing {
        base_url: "https://wiki.example.com/pb/",
        base_path: "/pb/",
        relative_links: false,
    };
    const RELATIVE: Addressing = Addressing {
        relative_links: true,
        ..ROOT
    };

    fn urls(found: &FileLinks) -> Vec<&str> {
        found.links.iter().map(|(url, _)| url.as_str()).collect()
    }

    #[test]
    fn html_links_are_read_from_elements_only() {
        // (html, the addresses found)
        let cases: [(&str, &[&str]); 9] = [
            (r#"<a href="/pb/roles/caio/">x</a>"#, &["/pb/roles/caio/"]),
            (
                r#"<p><code>&lt;a href="/pb/roles/caio/"&gt;</code></p>"#,
                &[],
            ),
            ("<pre><code>&lt;img src=\"/logo.png\"&gt;</code></pre>", &[]),
            (
                r#"<!-- <a href="/old/"> --><script>"<a href='/x/'>"</script>"#,
                &[],
            ),
            (
                r#"<a href="/pb/search/?a=1&amp;b=2">q</a><img src='/pb/a&#x27;b.png'>"#,
                &["/pb/search/?a=1&b=2", "/pb/a'b.png"],
            ),
            (
                r#"<form action="/pb/find/" data-index="/pb/search-index.js" data-root="/pb/"></form>"#,
                &["/pb/find/", "/pb/search-index.js", "/pb/"],
            ),
            (
                r#"<div style="background: url(&quot;/pb/bg.png&quot;)"></div>"#,
                &["/pb/bg.png"],
            ),
            (
                "<style>.a { background: url(/pb/a.png) } /* url(/no.png) */</style>",
                &["/pb/a.png"],
            ),
            (
                r#"<svg><a href="/pb/roles/a/"><rect/></a></svg>"#,
                &["/pb/roles/a/"],
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(urls(&html_links(html)), expected, "{html}");
        }
    }

    #[test]
    fn ids_and_anchor_names_are_fragment_targets() {
        let found = html_links(
            r#"<h2 id="führung-daten">F</h2><a name="old-style">o</a><meta name="description" content="d"><p id="a&amp;b"></p>"#,
        );
        let mut ids: Vec<&str> = found.ids.iter().map(String::as_str).collect();
        ids.sort();
        assert_eq!(ids, ["a&b", "führung-daten", "old-style"]);
    }

    #[test]
    fn css_urls_come_from_the_tokenizer() {
        // (style sheet, the addresses found)
        let cases: [(&str, &[&str]); 7] = [
            ("a { background: url(a.png) }", &["a.png"]),
            (r#"a { background: url("b c.png") }"#, &["b c.png"]),
            ("a { background: url('c.png') }", &["c.png"]),
            ("/* url(no.png) */ a { content: \"url(no.png)\" }", &[]),
            (
                r#"@import "d.css"; @import url(e.css);"#,
                &["d.css", "e.css"],
            ),
            (
                "@media print { @font-face { src: url(f.woff2) format('woff2') } }",
                &["f.woff2"],
            ),
            ("a { background: image-set(url(g.png) 1x) }", &["g.png"]),
        ];
        for (css, expected) in cases {
            assert_eq!(css_urls(css), expected, "{css}");
        }
    }

    #[test]
    fn sitemaps_and_json_give_their_addresses() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://h/pb/</loc></url>\n  <url><loc> https://h/pb/tags/r&amp;d/ </loc></url>\n</urlset>\n";
        assert_eq!(
            sitemap_locations(xml),
            ["https://h/pb/", "https://h/pb/tags/r&d/"]
        );
        let json = r#"{"site": "S", "roles": [{"slug": "a", "url": "https://h/pb/roles/a/", "brief_md": "https://h/pb/roles/a/brief.md", "brief_txt": "https://h/pb/roles/a/brief.txt", "summary": "see https://h/"}]}"#;
        assert_eq!(
            json_urls(json),
            [
                "https://h/pb/roles/a/brief.md",
                "https://h/pb/roles/a/brief.txt",
                "https://h/pb/roles/a/"
            ]
        );
    }

    /// A small site: the home page, a brief with headings, a tag page, a style sheet.
    fn site() -> BTreeMap<String, String> {
        BTreeMap::from([
            (
                "index.html".into(),
                "<h1 id=\"top-heading\">Home</h1>".into(),
            ),
            (
                "roles/caio/index.html".into(),
                "<h2 id=\"why\">Why</h2><h2 id=\"führung-daten\">F</h2>".into(),
            ),
            ("roles/caio/brief.md".into(), "# CAIO".into()),
            ("tags/führung/index.html".into(), "<h1>Führung</h1>".into()),
            (
                "style.css".into(),
                "body { background: url(bg.png) }".into(),
            ),
            ("bg.png".into(), String::new()),
        ])
    }

    /// The problem with `url` written on `page` of `site()`, if any.
    fn problem(page: &str, url: &str, addressing: &Addressing) -> Option<Problem> {
        let mut files = site();
        files
            .entry(page.to_string())
            .or_default()
            .push_str(&format!("<a href=\"{url}\">x</a>"));
        let broken = broken_links(&files, addressing);
        assert!(broken.len() <= 1, "{broken:?}");
        broken.into_iter().next().map(|b| b.problem)
    }

    #[test]
    fn links_resolve_to_files_written() {
        let no_file = |p: &str| Some(Problem::NoFile(p.to_string()));
        let no_id = |page: &str, id: &str| {
            Some(Problem::NoId {
                page: page.to_string(),
                id: id.to_string(),
            })
        };
        // (page, address, mode, the problem)
        let cases: Vec<(&str, &str, &Addressing, Option<Problem>)> = vec![
            ("index.html", "/pb/roles/caio/", &ROOT, None),
            ("index.html", "/pb/roles/caio", &ROOT, None),
            ("index.html", "/pb/roles/caio/#why", &ROOT, None),
            (
                "index.html",
                "/pb/roles/caio/#f%C3%BChrung-daten",
                &ROOT,
                None,
            ),
            ("index.html", "/pb/roles/caio/#führung-daten", &ROOT, None),
            (
                "index.html",
                "/pb/roles/caio/#how",
                &ROOT,
                no_id("roles/caio/index.html", "how"),
            ),
            ("index.html", "/pb/tags/führung/", &ROOT, None),
            ("index.html", "/pb/tags/f%C3%BChrung/", &ROOT, None),
            (
                "index.html",
                "/pb/tags/fuhrung/",
                &ROOT,
                no_file("tags/fuhrung/index.html"),
            ),
            (
                "index.html",
                "/pb/tags/r-d/?x=1#y",
                &ROOT,
                no_file("tags/r-d/index.html"),
            ),
            ("index.html", "/pb/", &ROOT, None),
            ("index.html", "/pb", &ROOT, Some(Problem::OutsideBasePath)),
            (
                "index.html",
                "/nowhere/",
                &ROOT,
                Some(Problem::OutsideBasePath),
            ),
            (
                "index.html",
                "https://wiki.example.com/pb/roles/caio/",
                &ROOT,
                None,
            ),
            (
                "index.html",
                "https://wiki.example.com/pb/nope/",
                &ROOT,
                no_file("nope/index.html"),
            ),
            (
                "index.html",
                "//wiki.example.com/pb/nope/",
                &ROOT,
                no_file("nope/index.html"),
            ),
            ("index.html", "https://other.example/pb/nope/", &ROOT, None),
            (
                "index.html",
                "https://wiki.example.com/elsewhere/",
                &ROOT,
                None,
            ),
            ("index.html", "mailto:team@example.com", &ROOT, None),
            ("index.html", "data:text/plain,hi", &ROOT, None),
            ("index.html", "#top-heading", &ROOT, None),
            ("index.html", "#top", &ROOT, None),
            ("index.html", "#", &ROOT, None),
            (
                "index.html",
                "#nothing",
                &ROOT,
                no_id("index.html", "nothing"),
            ),
            ("roles/caio/index.html", "brief.md", &ROOT, None),
            (
                "roles/caio/index.html",
                "brief.txt",
                &ROOT,
                no_file("roles/caio/brief.txt"),
            ),
            ("roles/caio/index.html", "#why", &ROOT, None),
            ("roles/caio/index.html", "../../tags/führung/", &ROOT, None),
            (
                "roles/caio/index.html",
                "../../../x/",
                &ROOT,
                Some(Problem::AboveRoot),
            ),
            (
                "roles/caio/index.html",
                "../../tags/führung/index.html",
                &RELATIVE,
                None,
            ),
            (
                "roles/caio/index.html",
                "../../index.html#top-heading",
                &RELATIVE,
                None,
            ),
            (
                "roles/caio/index.html",
                "../../tags/führung/",
                &RELATIVE,
                Some(Problem::NeedsServer),
            ),
            (
                "roles/caio/index.html",
                "/pb/tags/führung/",
                &RELATIVE,
                Some(Problem::NeedsServer),
            ),
            ("roles/caio/index.html", "./brief.md", &RELATIVE, None),
            (
                "roles/caio/index.html",
                "../caio",
                &RELATIVE,
                no_file("roles/caio"),
            ),
        ];
        for (page, url, addressing, expected) in cases {
            assert_eq!(
                problem(page, url, addressing),
                expected,
                "{url} on {page} (relative: {})",
                addressing.relative_links
            );
        }
    }

    #[test]
    fn css_sitemap_and_json_addresses_are_checked_too() {
        let mut files = site();
        files.insert("print.css".into(), "@import url(missing.css);".into());
        files.insert(
            "sitemap.xml".into(),
            "<urlset><url><loc>https://wiki.example.com/pb/roles/caio/</loc></url><url><loc>https://wiki.example.com/pb/roles/gone/</loc></url></urlset>".into(),
        );
        files.insert(
            "roles.json".into(),
            r#"{"roles": [{"url": "https://wiki.example.com/pb/roles/caio/", "brief_md": "https://wiki.example.com/pb/roles/caio/brief.md", "brief_txt": "https://wiki.example.com/pb/roles/caio/brief.txt"}]}"#.into(),
        );
        let broken: Vec<(String, String)> = broken_links(&files, &ROOT)
            .into_iter()
            .map(|b| (b.page, b.url))
            .collect();
        assert_eq!(
            broken,
            [
                ("print.css".to_string(), "missing.css".to_string()),
                (
                    "roles.json".to_string(),
                    "https://wiki.example.com/pb/roles/caio/brief.txt".to_string()
                ),
                (
                    "sitemap.xml".to_string(),
                    "https://wiki.example.com/pb/roles/gone/".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_sitemap_of_a_site_at_a_path_holds_paths() {
        let site_at_root = Addressing {
            base_url: "/",
            base_path: "/",
            relative_links: true,
        };
        let files = BTreeMap::from([
            ("index.html".to_string(), String::new()),
            (
                "sitemap.xml".to_string(),
                "<urlset><url><loc>/</loc></url><url><loc>/gone/</loc></url></urlset>".to_string(),
            ),
        ]);
        let broken = broken_links(&files, &site_at_root);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert_eq!(broken[0].problem, Problem::NoFile("gone/index.html".into()));
    }

    #[test]
    fn references_and_escapes_decode() {
        assert_eq!(
            decode_references("a&amp;b&#39;c&#x27;d&lt;&nbsp;&"),
            "a&b'c'd<&nbsp;&"
        );
        assert_eq!(decode_references("&ampx; & ;"), "&ampx; & ;");
        assert_eq!(percent_decode("f%C3%BChrung%2"), "führung%2");
        assert_eq!(percent_decode("%+1%zz"), "%+1%zz");
        assert_eq!(join("roles/caio/", "../../tags/x/"), Some("tags/x/".into()));
        assert_eq!(join("roles/caio/", ".."), Some("roles/".into()));
        assert_eq!(join("", "."), Some(String::new()));
        assert_eq!(join("a/", "../.."), None);
    }
}
