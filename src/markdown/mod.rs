//! Markdown bodies to HTML: CommonMark with tables, footnotes, strikethrough and task lists;
//! headings get ids and anchor links; links to other pages by source path become URLs;
//! code blocks are highlighted.

mod grammar;
pub mod highlight;
pub mod pages;

pub use pages::{MarkdownCache, keep_headings, link_index, render_markdown, scan_markdown};

use std::collections::{BTreeSet, HashMap};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::content::taxonomy::Taxonomy;
use crate::slug::slugify;
use highlight::Highlighter;

/// Every page's address, by its path below `content/` (`roles/caio.md`), and the address of
/// each term of site.yaml's vocabulary by key (`capabilities/security-compliance`).
#[derive(Debug, Default, Clone)]
pub struct LinkIndex {
    urls: HashMap<String, String>,
    /// The vocabularies whose terms links name by key, each with its keys: a guide that
    /// links to the governance capability, not to one brief, survives the briefs being
    /// replaced.
    vocabularies: Vec<(Taxonomy, Vec<String>)>,
}

impl LinkIndex {
    pub fn insert(&mut self, content_path: impl Into<String>, url: impl Into<String>) {
        self.urls.insert(content_path.into(), url.into());
    }

    /// Makes `@/<taxonomy>/<key>` link to the page of each of `keys`, and `@/<taxonomy>/` to
    /// the taxonomy's index (`base_path` is the site's path, e.g. `/playbook/`).
    pub fn insert_vocabulary(&mut self, taxonomy: Taxonomy, keys: Vec<String>, base_path: &str) {
        let folder = taxonomy.path();
        self.insert(folder.trim_end_matches('/'), format!("{base_path}{folder}"));
        for key in &keys {
            self.insert(
                format!("{folder}{key}"),
                format!("{base_path}{}", taxonomy.term_path(key)),
            );
        }
        self.vocabularies.push((taxonomy, keys));
    }

    /// The vocabulary `content_path` names a term of, the key as written and the
    /// vocabulary's keys: `capabilities/security` → (capabilities, `security`, …). `None`
    /// for a page (`….md`) or a path outside the vocabularies' folders.
    pub fn vocabulary_term<'p>(
        &self,
        content_path: &'p str,
    ) -> Option<(Taxonomy, &'p str, &[String])> {
        if content_path.ends_with(".md") {
            return None;
        }
        self.vocabularies.iter().find_map(|(taxonomy, keys)| {
            let key = content_path.strip_prefix(taxonomy.path())?;
            (!key.contains('/')).then_some((*taxonomy, key, keys.as_slice()))
        })
    }

    pub fn url(&self, content_path: &str) -> Option<&str> {
        self.urls.get(content_path).map(String::as_str)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.urls.keys().map(String::as_str)
    }

    /// Pages this index lacks lead where `other` says: a language's tree links to the pages
    /// it does not translate in the site's own language.
    pub fn fall_back_to(&mut self, other: &LinkIndex) {
        for (path, url) in &other.urls {
            self.urls.entry(path.clone()).or_insert_with(|| url.clone());
        }
    }
}

/// What a link destination refers to.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// Another page, by its path below `content/`, with an optional `#anchor`.
    Page {
        content_path: String,
        anchor: Option<&'a str>,
    },
    /// A heading of this page.
    Anchor(&'a str),
    /// Anything else (web addresses, `/absolute` paths, files): left as written.
    Other,
    /// A source-path link that climbs out of `content/`.
    OutsideContent,
}

/// Classify `dest`, a link written in the page at `from` (a path below `content/`).
/// `@/roles/caio.md` is from the content root; `caio.md` and `../roles/caio.md` are
/// relative to the page's folder.
pub fn resolve_link<'a>(from: &str, dest: &'a str) -> LinkTarget<'a> {
    if let Some(anchor) = dest.strip_prefix('#') {
        return LinkTarget::Anchor(anchor);
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (dest, None),
    };
    let (base, relative) = if let Some(rest) = path.strip_prefix("@/") {
        ("", rest)
    } else if has_scheme(path) || path.starts_with('/') || !path.ends_with(".md") {
        return LinkTarget::Other;
    } else {
        (from.rsplit_once('/').map_or("", |(folder, _)| folder), path)
    };
    let mut segments: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return LinkTarget::OutsideContent;
                }
            }
            other => segments.push(other),
        }
    }
    LinkTarget::Page {
        content_path: segments.join("/"),
        anchor,
    }
}

/// The schemes a link or image may use where editors are not trusted (`raw_html: escape`
/// or `sanitize`); addresses without a scheme (relative, `#anchors`) are allowed too.
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `dest`, or an empty address when the page's editors are not trusted and `dest` uses a
/// scheme outside `SAFE_SCHEMES` (`javascript:`, `vbscript:`, `data:`): a click then goes
/// nowhere instead of running a script.
fn guarded<'a>(dest: CowStr<'a>, output: Output) -> CowStr<'a> {
    let trusted = matches!(
        output,
        Output::FindingsOnly
            | Output::Html(Html {
                raw_html: RawHtml::Allow,
                ..
            })
    );
    if trusted || is_safe_destination(&dest) {
        dest
    } else {
        CowStr::from("")
    }
}

/// Whether `dest` has no scheme or a safe one. Browsers ignore tabs, line breaks and other
/// control characters inside a scheme (`java\tscript:`), so those are dropped first.
fn is_safe_destination(dest: &str) -> bool {
    let cleaned: String = dest
        .trim_start()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    match cleaned.split_once(':') {
        Some((scheme, _)) if has_scheme(&cleaned) => SAFE_SCHEMES
            .iter()
            .any(|safe| scheme.eq_ignore_ascii_case(safe)),
        _ => true,
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// A heading, for the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link problem found while rendering; positions are in the body's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    MissingPage { dest: String, content_path: String },
    OutsideContent { dest: String },
}

/// An `#anchor` on another page (or this one), checked once every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorRef {
    pub dest: String,
    pub content_path: String,
    pub anchor: String,
    pub offset: usize,
}

/// An item of a top-level list: where it is in the body (nested lists included), and the
/// heading it sits under (an index into `toc`), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub range: std::ops::Range<usize>,
    pub heading: Option<usize>,
}

#[derive(Debug, Default)]
pub struct RenderedMarkdown {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub anchors: BTreeSet<String>,
    pub anchor_refs: Vec<AnchorRef>,
    /// (byte offset in the body, problem)
    pub problems: Vec<(usize, LinkProblem)>,
    /// Headings with nothing under them: (byte offset in the body, heading text).
    pub empty_sections: Vec<(usize, String)>,
    /// The items of top-level lists (the bullets of a responsibilities section), in order.
    pub list_items: Vec<ListItem>,
    /// Byte ranges in the body of code spans and code blocks, and of block quotes: text
    /// shown as written or quoted, which the lints of prose read differently.
    pub code: Vec<std::ops::Range<usize>>,
    pub quotes: Vec<std::ops::Range<usize>>,
    /// The code blocks, in order, as the highlighting budget reads them.
    pub code_blocks: Vec<highlight::CodeBlock>,
    /// Whether `html` was rendered (`render`), or only the findings (`scan`).
    pub has_html: bool,
}

/// Tracks open headings to find the ones closed before anything was written under them.
#[derive(Default)]
struct Sections {
    /// (level, offset, title, has content)
    open: Vec<(u8, usize, String, bool)>,
    empty: Vec<(usize, String)>,
}

impl Sections {
    fn heading(&mut self, level: u8, offset: usize, title: String) {
        self.close(level);
        for section in &mut self.open {
            section.3 = true;
        }
        self.open.push((level, offset, title, false));
    }

    fn content(&mut self) {
        for section in &mut self.open {
            section.3 = true;
        }
    }

    /// Close the sections a heading of `level` ends (level 0 closes all).
    fn close(&mut self, level: u8) {
        while let Some(last) = self.open.last() {
            if level != 0 && last.0 < level {
                break;
            }
            if let Some((_, offset, title, has_content)) = self.open.pop()
                && !has_content
            {
                self.empty.push((offset, title));
            }
        }
    }

    fn finish(mut self) -> Vec<(usize, String)> {
        self.close(0);
        self.empty.sort();
        self.empty
    }
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub use crate::config::RawHtml;
use crate::config::limits::Limits;

/// How bodies become HTML: what happens to raw HTML in them, and who highlights code.
#[derive(Clone, Copy)]
pub struct Html<'a> {
    pub raw_html: RawHtml,
    pub highlighter: &'a Highlighter,
    /// The highlighting budget's bounds (`limits:` in site.yaml).
    pub limits: Limits,
}

/// Render the body of the page at `content_path`.
pub fn render(body: &str, content_path: &str, links: &LinkIndex, to: Html) -> RenderedMarkdown {
    html(
        process(body, content_path, links, Output::Html(to), None),
        to.raw_html,
    )
}

/// Rendered HTML, sanitized when `raw_html` says so.
fn html(mut rendered: RenderedMarkdown, raw_html: RawHtml) -> RenderedMarkdown {
    if raw_html == RawHtml::Sanitize {
        rendered.html = sanitize(&rendered.html);
    }
    rendered
}

/// Clean `html` with ammonia, keeping what gen itself writes: ids on headings and footnotes,
/// classes (highlighting, anchors, task lists, tables), and internal and external links.
fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_generic_attributes(["id", "class", "aria-label", "title"])
                .add_tags(["input", "section"])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_tag_attributes("th", ["style"])
                .add_tag_attributes("td", ["style"])
                .add_tag_attributes("ol", ["start"])
                // The scrolling code blocks and table wrappers gen writes: reachable by Tab
                // and named (only these values, so a body cannot make a fake control).
                .add_tag_attribute_values("pre", "tabindex", ["0"])
                .add_tag_attribute_values("pre", "role", ["group"])
                .add_tag_attribute_values("div", "tabindex", ["0"])
                .add_tag_attribute_values("div", "role", ["group"])
                .link_rel(None)
                .url_relative(ammonia::UrlRelative::PassThrough);
            builder
        })
        .clean(html)
        .to_string()
}

/// Where a body sits on the whole-playbook page, beside every other brief.
pub struct InPage<'a> {
    /// The brief's slug: its heading `x` gets the id `<slug>--x` (slugs never hold `--`, so
    /// ids stay unique on the page).
    pub slug: &'a str,
    /// The content path of each brief on the page, with its slug: links to them become
    /// links to their place on the page.
    pub briefs: &'a HashMap<String, String>,
}

impl InPage<'_> {
    pub fn anchor(slug: &str, id: &str) -> String {
        format!("{slug}--{id}")
    }
}

/// Render a brief's body for the whole-playbook page (see `InPage`).
pub fn render_in_page(
    body: &str,
    content_path: &str,
    links: &LinkIndex,
    in_page: &InPage,
    to: Html,
) -> RenderedMarkdown {
    html(
        process(body, content_path, links, Output::Html(to), Some(in_page)),
        to.raw_html,
    )
}

/// Everything `render` finds (headings, anchors, links, empty sections) without the HTML:
/// no highlighting, nothing kept per page but what checks and the search index need.
pub fn scan(body: &str, content_path: &str, links: &LinkIndex) -> RenderedMarkdown {
    process(body, content_path, links, Output::FindingsOnly, None)
}

#[derive(Clone, Copy)]
enum Output<'a> {
    Html(Html<'a>),
    FindingsOnly,
}

fn process(
    body: &str,
    content_path: &str,
    links: &LinkIndex,
    output: Output,
    in_page: Option<&InPage>,
) -> RenderedMarkdown {
    let mut out = RenderedMarkdown::default();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    let mut code: Option<(String, String, usize)> = None;
    let mut budget = match output {
        Output::Html(to) => Some(highlight::Budget::new(to.limits)),
        Output::FindingsOnly => None,
    };
    let mut ids_used: HashMap<String, usize> = HashMap::new();
    let mut sections = Sections::default();
    let mut heading_offset = 0;
    let mut depth = 0usize;
    let mut lists = 0usize;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => out.code.push(range.clone()),
            Event::Start(Tag::BlockQuote(_)) => out.quotes.push(range.clone()),
            _ => {}
        }
        // Any block outside a heading counts as content of the open sections.
        match &event {
            Event::Start(Tag::Heading { .. }) => heading_offset = range.start,
            Event::Start(_) => {
                if depth == 0 {
                    sections.content();
                }
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => {}
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::Rule if depth == 0 => sections.content(),
            _ => {}
        }
        // Top-level list items, with the heading they sit under.
        match &event {
            Event::Start(Tag::List(_)) => lists += 1,
            Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
            Event::Start(Tag::Item) if lists == 1 => out.list_items.push(ListItem {
                range: range.clone(),
                heading: out.toc.len().checked_sub(1),
            }),
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = rewrite_link(
                    &dest_url,
                    content_path,
                    links,
                    range.start,
                    &mut out,
                    in_page,
                )
                .map_or(dest_url, CowStr::from);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: guarded(dest_url, output),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: guarded(dest_url, output),
                title,
                id,
            }),
            other => other,
        };
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new(), range.start));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, buffer, _)) = code.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, buffer, offset)) = code.take() {
                    let block = highlight::CodeBlock::of(&buffer, &lang, offset);
                    let html = match (output, budget.as_mut()) {
                        (Output::Html(to), Some(budget)) => match budget.admit(&block) {
                            Ok(()) => to.highlighter.block(&buffer, &lang).to_string(),
                            Err(_) => highlight::plain_block(&buffer, &lang),
                        },
                        _ => String::new(),
                    };
                    out.code_blocks.push(block);
                    events.push(Event::Html(html.into()));
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                // A wide table scrolls inside its wrapper, which keyboard users reach by
                // Tab; it is named after the section it sits in.
                let name = match out.toc.last() {
                    Some(section) => format!("Table: {}", section.title),
                    None => "Table".to_string(),
                };
                events.push(Event::Html(
                    format!(
                        "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\">",
                        escape(&name)
                    )
                    .into(),
                ));
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|i| i.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, custom_id, inner)) = heading.take() {
                    let title = plain_text(&inner);
                    let id = unique_id(custom_id.unwrap_or_else(|| slugify(&title)), &mut ids_used);
                    let id = match in_page {
                        Some(page) => InPage::anchor(page.slug, &id),
                        None => id,
                    };
                    let n = level as u8;
                    events.push(Event::Html(format!("<h{n} id=\"{}\">", escape(&id)).into()));
                    events.extend(inner);
                    events.push(Event::Html(
                        format!(
                            "<a class=\"anchor\" href=\"#{0}\" aria-label=\"Link to this section\">#</a></h{n}>\n",
                            escape(&id)
                        )
                        .into(),
                    ));
                    out.anchors.insert(id.clone());
                    sections.heading(n, heading_offset, title.clone());
                    out.toc.push(TocEntry {
                        level: n,
                        id,
                        title,
                    });
                }
            }
            Event::Html(html) | Event::InlineHtml(html)
                if matches!(
                    output,
                    Output::Html(Html {
                        raw_html: RawHtml::Escape,
                        ..
                    })
                ) =>
            {
                let text = Event::Text(html);
                match heading.as_mut() {
                    Some((_, _, inner)) => inner.push(text),
                    None => events.push(text),
                }
            }
            event => match heading.as_mut() {
                Some((_, _, inner)) => inner.push(event),
                None => events.push(event),
            },
        }
    }
    if matches!(output, Output::Html(_)) {
        pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
        out.has_html = true;
    }
    out.empty_sections = sections.finish();
    out
}

/// The URL a source-path link points at, or `None` to leave the link as written.
fn rewrite_link(
    dest: &str,
    from: &str,
    links: &LinkIndex,
    offset: usize,
    out: &mut RenderedMarkdown,
    in_page: Option<&InPage>,
) -> Option<String> {
    let target = resolve_link(from, dest);
    if let Some(page) = in_page {
        match &target {
            LinkTarget::Anchor(anchor) => {
                return Some(format!("#{}", InPage::anchor(page.slug, anchor)));
            }
            LinkTarget::Page {
                content_path,
                anchor,
            } => {
                if let Some(slug) = page.briefs.get(content_path) {
                    return Some(match anchor {
                        Some(anchor) => format!("#{}", InPage::anchor(slug, anchor)),
                        None => format!("#{slug}"),
                    });
                }
            }
            _ => {}
        }
    }
    match target {
        LinkTarget::Other => None,
        LinkTarget::Anchor(anchor) => {
            out.anchor_refs.push(AnchorRef {
                dest: dest.to_string(),
                content_path: from.to_string(),
                anchor: anchor.to_string(),
                offset,
            });
            None
        }
        LinkTarget::OutsideContent => {
            out.problems.push((
                offset,
                LinkProblem::OutsideContent {
                    dest: dest.to_string(),
                },
            ));
            None
        }
        LinkTarget::Page {
            content_path,
            anchor,
        } => {
            let Some(url) = links.url(&content_path) else {
                out.problems.push((
                    offset,
                    LinkProblem::MissingPage {
                        dest: dest.to_string(),
                        content_path,
                    },
                ));
                return None;
            };
            let url = url.to_string();
            match anchor {
                Some(anchor) => {
                    out.anchor_refs.push(AnchorRef {
                        dest: dest.to_string(),
                        content_path,
                        anchor: anchor.to_string(),
                        offset,
                    });
                    Some(format!("{url}#{anchor}"))
                }
                None => Some(url),
            }
        }
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn unique_id(base: String, used: &mut HashMap<String, usize>) -> String {
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let count = used.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{}", *count - 1)
    }
}

/// `text` escaped for HTML text and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    pulldown_cmark_escape::escape_html(&mut out, text).unwrap_or_default();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_modes_keep_only_safe_link_schemes() {
        let body = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <javascript:alert(3)> \
                    [c][r] ![d](javascript:alert(4)) [e](vbscript:msgbox) \
                    [f](&#106;avascript:alert(5)) [g](<java\tscript:alert(6)>) \
                    [ok](https://example.com/) [mail](mailto:a@example.com) [rel](../x/)\n\n\
                    [r]: javascript:alert(7)\n";
        for mode in [RawHtml::Escape, RawHtml::Sanitize] {
            let html = render(body, "x.md", &index(), to(mode)).html;
            let lower = html.to_lowercase();
            // Shown as text is inert; as an address it would run.
            for bad in ["javascript:", "vbscript:", "java\tscript", "&#106;"] {
                assert!(
                    !lower.contains(&format!("=\"{bad}")),
                    "{mode:?}: {bad} in {html}"
                );
            }
            assert_eq!(html.matches("href=\"\"").count(), 7, "{mode:?}: {html}");
            assert!(html.contains("<img src=\"\""), "{mode:?}: {html}");
            assert!(html.contains("href=\"https://example.com/\""), "{html}");
            assert!(html.contains("href=\"mailto:a@example.com\""), "{html}");
            assert!(html.contains("href=\"../x/\""), "{html}");
        }
        // Trusted editors (the default) keep what they wrote.
        let html = render(
            "[a](javascript:void(0))",
            "x.md",
            &index(),
            to(RawHtml::Allow),
        )
        .html;
        assert!(html.contains("javascript:void(0)"), "{html}");
    }

    fn to(raw_html: RawHtml) -> Html<'static> {
        static HIGHLIGHTER: std::sync::OnceLock<Highlighter> = std::sync::OnceLock::new();
        Html {
            raw_html,
            highlighter: HIGHLIGHTER.get_or_init(Highlighter::new),
            limits: Limits::default(),
        }
    }

    fn index() -> LinkIndex {
        let mut links = LinkIndex::default();
        links.insert("roles/caio.md", "/roles/caio/");
        links.insert("roles/head-of-ai.md", "/roles/head-of-ai/");
        links.insert("guides/intake-questions.md", "/guides/intake-questions/");
        links
    }

    #[test]
    fn link_forms_resolve() {
        let page = |p: &str, a: Option<&'static str>| LinkTarget::Page {
            content_path: p.to_string(),
            anchor: a,
        };
        let cases: &[(&str, &str, LinkTarget)] = &[
            (
                "roles/head-of-ai.md",
                "caio.md",
                page("roles/caio.md", None),
            ),
            (
                "roles/head-of-ai.md",
                "./caio.md",
                page("roles/caio.md", None),
            ),
            (
                "roles/head-of-ai.md",
                "../roles/caio.md",
                page("roles/caio.md", None),
            ),
            (
                "guides/a.md",
                "@/roles/caio.md",
                page("roles/caio.md", None),
            ),
            (
                "guides/a.md",
                "@/roles/caio.md#the-first-90-days",
                page("roles/caio.md", Some("the-first-90-days")),
            ),
            (
                "guides/a.md",
                "../roles/caio.md#x",
                page("roles/caio.md", Some("x")),
            ),
            ("a.md", "guides/b.md", page("guides/b.md", None)),
            ("guides/a.md", "#local", LinkTarget::Anchor("local")),
            ("guides/a.md", "https://example.com/x.md", LinkTarget::Other),
            ("guides/a.md", "mailto:a@b.c", LinkTarget::Other),
            ("guides/a.md", "/roles/caio/", LinkTarget::Other),
            ("guides/a.md", "picture.png", LinkTarget::Other),
            ("guides/a.md", "../../secret.md", LinkTarget::OutsideContent),
            ("guides/a.md", "@/../x.md", LinkTarget::OutsideContent),
        ];
        for (from, dest, expected) in cases {
            assert_eq!(&resolve_link(from, dest), expected, "{dest} from {from}");
        }
    }

    #[test]
    fn code_and_quotes_are_located() {
        let body = "Say `TODO` here.\n\n> A quoted TBD.\n\n```\nTODO\n```\n\n    indented\n";
        let r = scan(body, "guides/a.md", &index());
        let code: Vec<&str> = r.code.iter().map(|c| &body[c.clone()]).collect();
        assert_eq!(code, ["`TODO`", "```\nTODO\n```", "indented\n"]);
        let quotes: Vec<&str> = r.quotes.iter().map(|q| &body[q.clone()]).collect();
        assert_eq!(quotes, ["> A quoted TBD.\n"]);
    }

    #[test]
    fn source_links_become_urls() {
        let r = render(
            "See [CAIO](caio.md) and [intake](@/guides/intake-questions.md#q1).",
            "roles/head-of-ai.md",
            &index(),
            to(RawHtml::Allow),
        );
        assert!(r.html.contains("href=\"/roles/caio/\""), "{}", r.html);
        assert!(
            r.html.contains("href=\"/guides/intake-questions/#q1\""),
            "{}",
            r.html
        );
        assert!(r.problems.is_empty());
        assert_eq!(r.anchor_refs.len(), 1);
        assert_eq!(r.anchor_refs[0].anchor, "q1");
    }

    #[test]
    fn vocabulary_terms_link_by_key() {
        let mut links = index();
        links.insert_vocabulary(
            Taxonomy::Capabilities,
            vec!["security-compliance".into(), "product".into()],
            "/playbook/",
        );
        links.insert_vocabulary(Taxonomy::Archetypes, vec!["builder".into()], "/playbook/");
        let body = "[Governance](@/capabilities/security-compliance), [builders](@/archetypes/builder/), \
            [every capability](@/capabilities/), [anchored](@/archetypes/builder#briefs), \
            [a typo](@/capabilities/security) and [a page](@/capabilities/product.md).";
        let r = render(body, "guides/a.md", &links, to(RawHtml::Allow));
        for href in [
            "/playbook/capabilities/security-compliance/",
            "/playbook/archetypes/builder/",
            "/playbook/capabilities/",
            "/playbook/archetypes/builder/#briefs",
        ] {
            assert!(
                r.html.contains(&format!("href=\"{href}\"")),
                "{href} in {}",
                r.html
            );
        }
        let missing: Vec<&str> = r
            .problems
            .iter()
            .map(|(_, p)| match p {
                LinkProblem::MissingPage { content_path, .. } => content_path.as_str(),
                LinkProblem::OutsideContent { dest } => dest.as_str(),
            })
            .collect();
        assert_eq!(
            missing,
            ["capabilities/security", "capabilities/product.md"]
        );
        // A key names a term; a page's path, a deeper path or another folder does not.
        assert_eq!(
            links
                .vocabulary_term("capabilities/security")
                .map(|(t, key, _)| (t, key)),
            Some((Taxonomy::Capabilities, "security"))
        );
        for path in [
            "capabilities/product.md",
            "capabilities/a/b",
            "guides/security",
            "tags/x",
        ] {
            assert!(links.vocabulary_term(path).is_none(), "{path}");
        }
    }

    #[test]
    fn missing_pages_are_reported_with_offsets() {
        let body = "Intro.\n\nSee [nobody](nobody.md).\n";
        let r = render(body, "roles/head-of-ai.md", &index(), to(RawHtml::Allow));
        assert_eq!(r.problems.len(), 1);
        let (offset, problem) = &r.problems[0];
        assert_eq!(&body[*offset..*offset + 8], "[nobody]");
        assert_eq!(
            problem,
            &LinkProblem::MissingPage {
                dest: "nobody.md".into(),
                content_path: "roles/nobody.md".into()
            }
        );
    }

    #[test]
    fn headings_get_unique_ids_and_anchor_links() {
        let r = render(
            "## The first 90 days\n\n## Notes\n\n## Notes\n\n### Custom {#mine}\n",
            "x.md",
            &index(),
            to(RawHtml::Allow),
        );
        assert!(r.html.contains("<h2 id=\"the-first-90-days\">The first 90 days<a class=\"anchor\" href=\"#the-first-90-days\""), "{}", r.html);
        let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["the-first-90-days", "notes", "notes-1", "mine"]);
        assert!(r.anchors.contains("notes-1"));
    }

    #[test]
    fn a_scan_finds_what_a_render_finds_without_html() {
        let body = "## One\n\n[x](nobody.md) and [y](caio.md#z)\n\n## Two\n\n```yaml\na: 1\n```\n";
        let full = render(body, "roles/a.md", &index(), to(RawHtml::Allow));
        let scanned = scan(body, "roles/a.md", &index());
        assert!(scanned.html.is_empty());
        assert_eq!(scanned.toc, full.toc);
        assert_eq!(scanned.anchors, full.anchors);
        assert_eq!(scanned.anchor_refs, full.anchor_refs);
        assert_eq!(scanned.problems, full.problems);
        assert_eq!(scanned.empty_sections, full.empty_sections);
        assert_eq!(scanned.list_items, full.list_items);
    }

    #[test]
    fn top_level_list_items_know_their_heading() {
        let body = "- before

## Responsibilities

- Own the **roadmap**
  - nested
- Hire the team

## Next

1. one
";
        let r = scan(body, "x.md", &index());
        let items: Vec<(&str, Option<&str>)> = r
            .list_items
            .iter()
            .map(|i| {
                (
                    body[i.range.clone()].trim_end(),
                    i.heading.map(|h| r.toc[h].title.as_str()),
                )
            })
            .collect();
        assert_eq!(
            items,
            [
                ("- before", None),
                (
                    "- Own the **roadmap**\n  - nested",
                    Some("Responsibilities")
                ),
                ("- Hire the team", Some("Responsibilities")),
                ("1. one", Some("Next")),
            ]
        );
    }

    #[test]
    fn empty_sections_are_found() {
        let body =
            "## Full\n\nText.\n\n## Empty\n\n## Parent\n\n### Child\n\nText.\n\n## Last empty\n";
        let r = render(body, "x.md", &index(), to(RawHtml::Allow));
        let titles: Vec<&str> = r.empty_sections.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(titles, ["Empty", "Last empty"]);
        assert_eq!(
            &body[r.empty_sections[0].0..r.empty_sections[0].0 + 8],
            "## Empty"
        );
        let full = render(
            "## A\n\n- item\n\n## B\n\n```\ncode\n```\n\n## C\n\n| a |\n|---|\n| 1 |\n",
            "x.md",
            &index(),
            to(RawHtml::Allow),
        );
        assert!(full.empty_sections.is_empty(), "{:?}", full.empty_sections);
    }

    #[test]
    fn in_page_bodies_prefix_ids_and_link_briefs_on_the_page() {
        let briefs: HashMap<String, String> = [
            ("roles/caio.md", "caio"),
            ("roles/head-of-ai.md", "head-of-ai"),
        ]
        .into_iter()
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect();
        let page = InPage {
            slug: "head-of-ai",
            briefs: &briefs,
        };
        let r = render_in_page(
            "## Why\n\nSee [CAIO](caio.md), [its plan](caio.md#plan), [here](#why) and [intake](@/guides/intake-questions.md).\n",
            "roles/head-of-ai.md",
            &index(),
            &page,
            to(RawHtml::Allow),
        );
        assert!(r.html.contains("<h2 id=\"head-of-ai--why\">"), "{}", r.html);
        for href in [
            "href=\"#caio\"",
            "href=\"#caio--plan\"",
            "href=\"#head-of-ai--why\"",
            "href=\"/guides/intake-questions/\"",
        ] {
            assert!(r.html.contains(href), "{href} in {}", r.html);
        }
        assert!(!r.html.contains("/roles/"), "{}", r.html);
    }

    #[test]
    fn extensions_are_on() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n",
            "x.md",
            &index(),
            to(RawHtml::Allow),
        );
        for needle in [
            "<table>",
            "<del>old</del>",
            "type=\"checkbox\"",
            "footnote-definition",
        ] {
            assert!(r.html.contains(needle), "{needle} in {}", r.html);
        }
    }

    #[test]
    fn code_blocks_are_highlighted_and_raw_text_escaped() {
        let r = render(
            "```yaml\ntitle: <x>\n```\n",
            "x.md",
            &index(),
            to(RawHtml::Allow),
        );
        assert!(r.html.contains("hl-"), "{}", r.html);
        assert!(!r.html.contains("<x>"), "{}", r.html);
    }

    const HOSTILE: &str = "## Title {#custom}\n\n<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b> <img src=x onerror=alert(2)> [link](@/roles/head-of-ai.md#why)\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1]\n\n[^1]: A footnote.\n\n```python\ndef f():\n    return 1\n```\n";

    #[test]
    fn raw_html_is_kept_by_default() {
        let r = render(HOSTILE, "x.md", &index(), to(RawHtml::default()));
        assert!(r.html.contains("<script>alert(1)</script>"), "{}", r.html);
        assert!(r.html.contains("onclick"), "{}", r.html);
    }

    #[test]
    fn raw_html_escaped_shows_as_text() {
        let r = render(HOSTILE, "x.md", &index(), to(RawHtml::Escape));
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<b "), "{}", r.html);
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert!(
            r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{}",
            r.html
        );
        assert!(r.html.contains("&lt;b onclick="), "{}", r.html);
        assert_structure_kept(&r.html);
    }

    #[test]
    fn raw_html_sanitized_loses_scripts_and_handlers_only() {
        let r = render(HOSTILE, "x.md", &index(), to(RawHtml::Sanitize));
        for gone in ["<script", "alert(1)", "onclick", "onerror"] {
            assert!(!r.html.contains(gone), "{gone} in {}", r.html);
        }
        assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
        assert_structure_kept(&r.html);
    }

    /// What gen writes itself survives escaping and sanitizing.
    fn assert_structure_kept(html: &str) {
        for kept in [
            "<h2 id=\"custom\">",
            "<a class=\"anchor\" href=\"#custom\" aria-label=\"Link to this section\">#</a>",
            "href=\"/roles/head-of-ai/#why\"",
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"Table: Title\"><table>",
            "tabindex=\"0\" role=\"group\" aria-label=\"Code: python\"><code",
            "style=\"text-align: left\"",
            "<input disabled=\"\" type=\"checkbox\" checked=\"\"",
            "class=\"footnote-definition\" id=\"1\"",
            "class=\"hl-",
        ] {
            assert!(html.contains(kept), "{kept} missing in {html}");
        }
    }
}
