//! `gen export confluence`: one page per playbook page in Confluence's storage format
//! (XHTML with the `ac:` and `ri:` elements), a page-tree manifest that gives the import
//! order, and the site's images and stylesheets as attachments. Links between pages become
//! `<ac:link><ri:page ri:content-title=…/></ac:link>` (Confluence links by title, so each
//! title is made unique), code blocks the code macro; raw HTML is written as text.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::page::{Block, Inline, Section, WikiPage};
use super::{ExportFile, SiteAddresses};
use crate::markdown::{LinkTarget, options, resolve_link};

/// The namespaces a storage-format page uses, declared on the wrapper element so the file
/// parses as XML on its own (Confluence's importers take the content inside).
const ROOT_OPEN: &str = "<ac:confluence xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">";
const ROOT_CLOSE: &str = "</ac:confluence>";

/// One line of `manifest.json`: a page, the file that holds it and its parent's title.
#[derive(Debug, Serialize)]
struct ManifestPage<'a> {
    title: &'a str,
    file: String,
    parent: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Manifest<'a> {
    /// "Import in this order: a page's parent comes before it."
    about: &'static str,
    pages: Vec<ManifestPage<'a>>,
    attachments: Vec<String>,
}

pub fn export(
    site: &SiteAddresses,
    pages: &[WikiPage],
    attachments: Vec<ExportFile>,
) -> Vec<ExportFile> {
    let titles = unique_titles(pages);
    let mut files = Vec::new();
    let mut manifest = Manifest {
        about: "Confluence storage-format pages; import in this order, each under its parent.",
        pages: Vec::new(),
        attachments: Vec::new(),
    };
    for page in pages {
        let file = format!("pages/{}.xhtml", page.key);
        let mut xhtml = String::from(ROOT_OPEN);
        xhtml.push_str(&page_body(site, page, &titles));
        xhtml.push_str(ROOT_CLOSE);
        xhtml.push('\n');
        files.push(ExportFile::text(file.clone(), xhtml));
        manifest.pages.push(ManifestPage {
            title: &titles[page.key.as_str()],
            file,
            parent: page
                .parent
                .as_deref()
                .and_then(|p| titles.get(p).map(String::as_str)),
        });
    }
    for attachment in attachments {
        let path = format!("attachments/{}", attachment.path);
        manifest.attachments.push(path.clone());
        files.push(ExportFile {
            path,
            bytes: attachment.bytes,
        });
    }
    let json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    files.push(ExportFile::text("manifest.json", json + "\n"));
    files
}

/// Each page's title, made unique within the export (Confluence links by title in a
/// space): a repeated title gets its page key in brackets.
fn unique_titles<'p>(pages: &'p [WikiPage]) -> HashMap<&'p str, String> {
    let mut seen = HashSet::new();
    pages
        .iter()
        .map(|p| {
            let title = p.title.trim();
            let title = if seen.insert(title.to_lowercase()) {
                title.to_string()
            } else {
                format!("{title} ({})", p.key)
            };
            (p.key.as_str(), title)
        })
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 cannot hold.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Text in a CDATA section, which cannot hold `]]>` itself.
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

fn page_link(title: &str, anchor: Option<&str>, text: &str) -> String {
    let anchor = anchor
        .map(|a| format!(" ac:anchor=\"{}\"", escape(a)))
        .unwrap_or_default();
    format!(
        "<ac:link{anchor}><ri:page ri:content-title=\"{}\"/><ac:plain-text-link-body>{}</ac:plain-text-link-body></ac:link>",
        escape(title),
        cdata(text)
    )
}

fn inlines(items: &[Inline], titles: &HashMap<&str, String>) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(text) => escape(text),
            Inline::Strong(text) => format!("<strong>{}</strong>", escape(text)),
            Inline::Page { key, text } => match titles.get(key.as_str()) {
                Some(title) => page_link(title, None, text),
                None => escape(text),
            },
        })
        .collect()
}

fn section(out: &mut String, section: &Section, titles: &HashMap<&str, String>) {
    out.push_str(&format!("<h2>{}</h2>", escape(&section.heading)));
    for block in &section.blocks {
        match block {
            Block::Paragraph(items) => out.push_str(&format!("<p>{}</p>", inlines(items, titles))),
            Block::Subheading(text) => out.push_str(&format!("<h3>{}</h3>", escape(text))),
            Block::Bullets(items) | Block::Numbered(items) => {
                let tag = if matches!(block, Block::Numbered(_)) {
                    "ol"
                } else {
                    "ul"
                };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>", inlines(item, titles)));
                }
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
}

fn page_body(site: &SiteAddresses, page: &WikiPage, titles: &HashMap<&str, String>) -> String {
    let mut out = String::new();
    if let Some(lead) = &page.lead {
        out.push_str(&format!("<p><em>{}</em></p>", escape(lead)));
    }
    for s in &page.sections {
        section(&mut out, s, titles);
    }
    if let Some((body, content_path)) = &page.body {
        out.push_str(&storage_format(site, body, content_path, titles));
    }
    out
}

/// How a link of the body is written once its text is known.
enum OpenLink {
    Page {
        title: String,
        anchor: Option<String>,
    },
    Anchor(String),
    Web(String),
    /// A page the export has not and the site cannot be named for: its text only.
    TextOnly,
}

/// A page's Markdown body in storage format.
fn storage_format(
    site: &SiteAddresses,
    body: &str,
    content_path: &str,
    titles: &HashMap<&str, String>,
) -> String {
    let mut out = String::new();
    // While inside a link, an image or a code block, their text is gathered here.
    let mut gathered: Option<String> = None;
    let mut link: Option<OpenLink> = None;
    let mut code_language: Option<String> = None;
    let mut in_table_head = false;
    for event in Parser::new_ext(body, options()) {
        if let Some(text) = gathered.as_mut() {
            match &event {
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    text.push_str(t);
                    continue;
                }
                Event::SoftBreak | Event::HardBreak => {
                    text.push(if code_language.is_some() { '\n' } else { ' ' });
                    continue;
                }
                Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => out.push_str(&format!("<{level}>")),
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(kind) => {
                    code_language = Some(match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_string()
                        }
                        CodeBlockKind::Indented => String::new(),
                    });
                    gathered = Some(String::new());
                }
                Tag::List(Some(_)) => out.push_str("<ol>"),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::Item => out.push_str("<li>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Table(_) => out.push_str("<table><tbody>"),
                Tag::TableHead => {
                    in_table_head = true;
                    out.push_str("<tr>");
                }
                Tag::TableRow => out.push_str("<tr>"),
                Tag::TableCell => out.push_str(if in_table_head { "<th>" } else { "<td>" }),
                Tag::Link { dest_url, .. } => {
                    link = Some(match resolve_link(content_path, &dest_url) {
                        LinkTarget::Page {
                            content_path: path,
                            anchor,
                        } => {
                            let key = path.trim_end_matches(".md");
                            match titles.get(key).filter(|_| path.ends_with(".md")) {
                                Some(title) => OpenLink::Page {
                                    title: title.clone(),
                                    anchor: anchor.map(str::to_string),
                                },
                                None => site
                                    .address(&path)
                                    .map_or(OpenLink::TextOnly, OpenLink::Web),
                            }
                        }
                        LinkTarget::Anchor(anchor) => OpenLink::Anchor(anchor.to_string()),
                        LinkTarget::Other => OpenLink::Web(dest_url.to_string()),
                        LinkTarget::OutsideContent => OpenLink::TextOnly,
                    });
                    gathered = Some(String::new());
                }
                Tag::Image { dest_url, .. } => {
                    let resource = if dest_url.contains("://") {
                        format!("<ri:url ri:value=\"{}\"/>", escape(&dest_url))
                    } else {
                        let name = dest_url.rsplit('/').next().unwrap_or(&dest_url);
                        format!("<ri:attachment ri:filename=\"{}\"/>", escape(name))
                    };
                    out.push_str("<ac:image");
                    link = Some(OpenLink::Web(resource));
                    gathered = Some(String::new());
                }
                Tag::FootnoteDefinition(label) => {
                    out.push_str(&format!("<p>[{}] ", escape(&label)));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => out.push_str("</p>"),
                TagEnd::Heading(level) => out.push_str(&format!("</{level}>")),
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>"),
                TagEnd::CodeBlock => {
                    let code = gathered.take().unwrap_or_default();
                    let language = code_language.take().unwrap_or_default();
                    out.push_str("<ac:structured-macro ac:name=\"code\">");
                    if !language.is_empty() {
                        out.push_str(&format!(
                            "<ac:parameter ac:name=\"language\">{}</ac:parameter>",
                            escape(&language)
                        ));
                    }
                    out.push_str(&format!(
                        "<ac:plain-text-body>{}</ac:plain-text-body></ac:structured-macro>",
                        cdata(code.trim_end_matches('\n'))
                    ));
                }
                TagEnd::List(true) => out.push_str("</ol>"),
                TagEnd::List(false) => out.push_str("</ul>"),
                TagEnd::Item => out.push_str("</li>"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Table => out.push_str("</tbody></table>"),
                TagEnd::TableHead => {
                    in_table_head = false;
                    out.push_str("</tr>");
                }
                TagEnd::TableRow => out.push_str("</tr>"),
                TagEnd::TableCell => out.push_str(if in_table_head { "</th>" } else { "</td>" }),
                TagEnd::FootnoteDefinition => out.push_str("</p>"),
                TagEnd::Link => {
                    let text = gathered.take().unwrap_or_default();
                    out.push_str(&match link.take() {
                        Some(OpenLink::Page { title, anchor }) => {
                            page_link(&title, anchor.as_deref(), &text)
                        }
                        Some(OpenLink::Anchor(anchor)) => format!(
                            "<ac:link ac:anchor=\"{}\"><ac:plain-text-link-body>{}</ac:plain-text-link-body></ac:link>",
                            escape(&anchor),
                            cdata(&text)
                        ),
                        Some(OpenLink::Web(url)) => {
                            format!("<a href=\"{}\">{}</a>", escape(&url), escape(&text))
                        }
                        Some(OpenLink::TextOnly) | None => escape(&text),
                    });
                }
                TagEnd::Image => {
                    let alt = gathered.take().unwrap_or_default();
                    let resource = match link.take() {
                        Some(OpenLink::Web(resource)) => resource,
                        _ => String::new(),
                    };
                    out.push_str(&format!(
                        " ac:alt=\"{}\">{resource}</ac:image>",
                        escape(&alt)
                    ));
                }
                _ => {}
            },
            Event::Text(text) => out.push_str(&escape(&text)),
            Event::Code(code) => out.push_str(&format!("<code>{}</code>", escape(&code))),
            // Raw HTML is shown, never run: a wiki page is read by everyone.
            Event::Html(html) | Event::InlineHtml(html) => out.push_str(&escape(&html)),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("<br/>"),
            Event::Rule => out.push_str("<hr/>"),
            Event::FootnoteReference(label) => {
                out.push_str(&format!("<sup>[{}]</sup>", escape(&label)))
            }
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => out.push_str(&escape(&m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config;

    #[test]
    fn a_body_becomes_storage_format() {
        let config = config();
        let links = crate::markdown::LinkIndex::default();
        let site = SiteAddresses {
            config: &config,
            links: &links,
        };
        let titles: HashMap<&str, String> = [("roles/head-of-ai", "Head of AI".to_string())]
            .into_iter()
            .collect();
        let body = "## Why\n\nSee [the archetype](../roles/head-of-ai.md#fit) & <b>this</b>.\n\n```yaml\noutcome: x ]]> y\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let out = storage_format(&site, body, "plan/lead.md", &titles);
        assert!(out.contains("<h2>Why</h2>"), "{out}");
        assert!(
            out.contains("<ac:link ac:anchor=\"fit\"><ri:page ri:content-title=\"Head of AI\"/><ac:plain-text-link-body><![CDATA[the archetype]]></ac:plain-text-link-body></ac:link>"),
            "{out}"
        );
        assert!(out.contains("&amp; &lt;b&gt;this&lt;/b&gt;"), "{out}");
        assert!(
            out.contains("<ac:parameter ac:name=\"language\">yaml</ac:parameter><ac:plain-text-body><![CDATA[outcome: x ]]]]><![CDATA[> y]]></ac:plain-text-body>"),
            "{out}"
        );
        assert!(out.contains("<table><tbody><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>"), "{out}");
    }
}
