//! A page's Markdown body into a Word document: pulldown-cmark's events walked into
//! headings, paragraphs, lists, code blocks and tables. Raw HTML is left out; links to
//! other pages of the site keep their text (a document has no site around it), links to
//! addresses elsewhere stay links.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::document::{Document, ListKind, Span};

/// What the walker is inside of.
#[derive(Default)]
struct Walker {
    /// The text of the block being read.
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    strike: usize,
    /// The addresses of the links being read (`None` for a link inside the site).
    links: Vec<Option<String>>,
    /// The lists being read, outermost first, and whether their current item has had its
    /// first paragraph (the one that carries the bullet or number).
    lists: Vec<(ListKind, bool)>,
    heading: Option<usize>,
    code: Option<String>,
    table: Option<TableRows>,
    /// How many block quotes deep: quoted text is set in italics.
    quote: usize,
}

#[derive(Default)]
struct TableRows {
    rows: Vec<Vec<Vec<Span>>>,
    row: Vec<Vec<Span>>,
    header: bool,
}

/// `body`'s blocks added to `doc`, its headings at `lowest` and below (a body's `#` and
/// `##` both become `lowest`).
pub fn write(doc: &mut Document, body: &str, lowest: usize) {
    let mut w = Walker::default();
    for event in Parser::new_ext(body, crate::markdown::options()) {
        w.event(doc, event, lowest);
    }
    w.flush(doc);
}

/// Whether `dest` leaves the site: a link a reader of the document can follow.
fn is_external(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

fn heading_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl Walker {
    fn span(&self, text: &str) -> Span {
        Span {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0 || self.quote > 0,
            strike: self.strike > 0,
            code: false,
            href: self.links.last().cloned().flatten(),
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(text);
            return;
        }
        let span = self.span(text);
        self.spans.push(span);
    }

    /// The text read so far as a paragraph: a list item's when inside a list.
    fn flush(&mut self, doc: &mut Document) {
        if self.spans.iter().all(|s| s.text.trim().is_empty()) {
            self.spans.clear();
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        let depth = self.lists.len().saturating_sub(1);
        match self.lists.last_mut() {
            Some((kind, started)) if !*started => {
                *started = true;
                doc.list_item(*kind, depth, &trimmed(spans));
            }
            Some(_) => doc.list_continuation(depth, &trimmed(spans)),
            None => doc.text(&trimmed(spans)),
        }
    }

    fn event(&mut self, doc: &mut Document, event: Event, lowest: usize) {
        match event {
            Event::Start(tag) => self.start(doc, tag),
            Event::End(tag) => self.end(doc, tag, lowest),
            Event::Text(text) => self.push_text(&text),
            Event::Code(text) => {
                let span = Span {
                    code: true,
                    ..self.span(&text)
                };
                self.spans.push(span);
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "☑ " } else { "☐ " }),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            // No raw HTML in a document; a rule is the space around it.
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => {}
        }
    }

    fn start(&mut self, doc: &mut Document, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush(doc);
                self.heading = Some(heading_number(level));
            }
            Tag::Paragraph if self.table.is_none() => self.flush(doc),
            Tag::CodeBlock(_) => {
                self.flush(doc);
                self.code = Some(String::new());
            }
            Tag::List(first) => {
                self.flush(doc);
                let kind = match first {
                    Some(_) => doc.numbered_list(),
                    None => ListKind::Bullets,
                };
                self.lists.push((kind, false));
            }
            Tag::Item => {
                self.flush(doc);
                if let Some((_, started)) = self.lists.last_mut() {
                    *started = false;
                }
            }
            Tag::BlockQuote(_) => {
                self.flush(doc);
                self.quote += 1;
            }
            Tag::FootnoteDefinition(label) => {
                self.flush(doc);
                self.push_text(&format!("[{label}] "));
            }
            Tag::Table(_) => {
                self.flush(doc);
                self.table = Some(TableRows::default());
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.header = true;
                }
            }
            Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self
                .links
                .push(is_external(&dest_url).then(|| dest_url.to_string())),
            Tag::Image { .. } => self.links.push(None),
            _ => {}
        }
    }

    fn end(&mut self, doc: &mut Document, tag: TagEnd, lowest: usize) {
        match tag {
            TagEnd::Heading(_) => {
                let level = self.heading.take().unwrap_or(lowest).max(lowest);
                let spans = trimmed(std::mem::take(&mut self.spans));
                doc.heading_spans(level, &spans, false);
            }
            TagEnd::Paragraph if self.table.is_none() => self.flush(doc),
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    doc.code_block(&code);
                }
            }
            TagEnd::List(_) => {
                self.flush(doc);
                self.lists.pop();
            }
            TagEnd::Item => self.flush(doc),
            TagEnd::BlockQuote(_) => {
                self.flush(doc);
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::FootnoteDefinition => self.flush(doc),
            TagEnd::TableCell => {
                let spans = trimmed(std::mem::take(&mut self.spans));
                if let Some(t) = self.table.as_mut() {
                    t.row.push(spans);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    doc.table(&t.rows, t.header);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
            }
            _ => {}
        }
    }
}

/// `spans` without the blank space at their start and end.
fn trimmed(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans
}
