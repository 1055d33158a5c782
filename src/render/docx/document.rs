//! A Word document as gen writes one, over docx-rs: named heading styles Word, LibreOffice
//! and python-docx know as headings, bulleted and numbered lists from numbering
//! definitions, hyperlinks, code runs and tables; and the same bytes for the same input.
//!
//! docx-rs numbers paragraphs and hyperlinks from counters shared by every document a
//! process writes, and lists a document's hyperlinks from a hash map; so this writer
//! numbers them itself, per document, and puts the relationships back in order.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Hyperlink, HyperlinkData, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    Table, TableCell, TableRow, WidthType,
};

/// The date in `docProps/core.xml` (created and modified): fixed, as are the archive's
/// entry times (1980-01-01, the ZIP format's first day), so a build's files do not change
/// with the clock.
pub const DOCUMENT_DATE: &str = "1980-01-01T00:00:00Z";

/// The custom document property that names gen as the writer; `written_by_gen` reads it.
pub const GENERATOR_PROPERTY: &str = "Generator";

const FONT: &str = "Calibri";
const CODE_FONT: &str = "Consolas";
const HEADING_COLOR: &str = "1F3864";
const LINK_COLOR: &str = "0563C1";
/// A4 with 2 cm margins: 11906 − 2 × 1134 twips of text width.
const TEXT_WIDTH: usize = 9638;
/// Numbering instance of every bulleted list. docx-rs writes a decimal definition and
/// instance of its own with the id 1, so ours start at 2.
const BULLETS: usize = 2;
const BULLET_DEFINITION: usize = 2;
const NUMBER_DEFINITION: usize = 3;
/// Parts at least this long are deflated in the `.docx` file.
const DEFLATE_FROM: u64 = 4096;

/// A piece of a paragraph's text and how it is set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    /// An address to follow (`https:`, `mailto:`).
    pub href: Option<String>,
}

impl Span {
    pub fn text(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::text(text)
        }
    }

    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Span {
        Span {
            href: Some(href.into()),
            ..Span::text(text)
        }
    }
}

/// Which list a list paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bullets,
    /// A numbered list: its own numbering instance, so each list counts from 1.
    Numbered(usize),
}

/// A document being written, top to bottom.
pub struct Document {
    docx: Docx,
    paragraphs: u32,
    links: usize,
    numberings: usize,
}

impl Document {
    pub fn new() -> Document {
        let heading = |level: usize, size: usize, before: u32| {
            paragraph_style(&format!("Heading{level}"), &format!("heading {level}"))
                .ui_priority(9)
                .size(size)
                .bold()
                .color(HEADING_COLOR)
                .outline_lvl(level - 1)
                .line_spacing(LineSpacing::new().before(before).after(80))
        };
        // Level `level` of a list: its marker hangs half an inch in, a quarter further for
        // each level.
        let level = |level: usize, format: &str, text: String| {
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(360 * (level as i32 + 2)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            )
        };
        let bullet = |l: usize| level(l, "bullet", ["•", "◦", "▪"][l % 3].to_string());
        let number = |l: usize| {
            let format = if l == 0 { "decimal" } else { "lowerLetter" };
            level(l, format, format!("%{}.", l + 1))
        };
        let mut bullets = AbstractNumbering::new(BULLET_DEFINITION);
        let mut numbers = AbstractNumbering::new(NUMBER_DEFINITION);
        for level in 0..6 {
            bullets = bullets.add_level(bullet(level));
            numbers = numbers.add_level(number(level));
        }
        let fonts = |font: &str| RunFonts::new().ascii(font).hi_ansi(font).cs(font);
        let docx = Docx::new()
            .page_margin(
                PageMargin::new()
                    .top(1134)
                    .bottom(1134)
                    .left(1134)
                    .right(1134)
                    .header(567)
                    .footer(567),
            )
            .default_fonts(fonts(FONT))
            .default_size(22)
            .add_style(
                Style::new("Normal", StyleType::Paragraph)
                    .name("Normal")
                    .q_format(true)
                    .line_spacing(LineSpacing::new().after(120).line(264)),
            )
            .add_style(
                paragraph_style("Title", "Title")
                    .size(56)
                    .color(HEADING_COLOR)
                    .line_spacing(LineSpacing::new().before(2400).after(240)),
            )
            .add_style(
                paragraph_style("Subtitle", "Subtitle")
                    .size(28)
                    .color("595959")
                    .line_spacing(LineSpacing::new().after(240)),
            )
            .add_style(heading(1, 36, 0))
            .add_style(heading(2, 28, 280))
            .add_style(heading(3, 24, 200))
            .add_style(heading(4, 22, 160))
            .add_style(heading(5, 22, 160).italic())
            .add_style(heading(6, 22, 160).italic())
            .add_style(
                paragraph_style("ListParagraph", "List Paragraph")
                    .line_spacing(LineSpacing::new().after(60).line(264)),
            )
            .add_style(
                paragraph_style("CodeBlock", "Code Block")
                    .fonts(fonts(CODE_FONT))
                    .size(19)
                    .indent(Some(284), None, None, None)
                    .line_spacing(LineSpacing::new().after(0).line(240)),
            )
            .add_style(
                Style::new("Hyperlink", StyleType::Character)
                    .name("Hyperlink")
                    .color(LINK_COLOR)
                    .underline("single"),
            )
            .add_style(
                Style::new("Code", StyleType::Character)
                    .name("HTML Code")
                    .fonts(fonts(CODE_FONT))
                    .size(20),
            )
            .add_abstract_numbering(bullets)
            .add_abstract_numbering(numbers)
            .add_numbering(Numbering::new(BULLETS, BULLET_DEFINITION))
            .created_at(DOCUMENT_DATE)
            .updated_at(DOCUMENT_DATE)
            .custom_property(
                GENERATOR_PROPERTY,
                format!("rolebook gen {}", env!("CARGO_PKG_VERSION")),
            );
        Document {
            docx,
            paragraphs: 0,
            links: 0,
            numberings: BULLETS,
        }
    }

    /// A Normal paragraph with the next id of this document.
    fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.paragraphs))
            .style("Normal")
    }

    fn push(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// The runs of `spans` added to `paragraph`, links as hyperlinks.
    fn spans(&mut self, mut paragraph: Paragraph, spans: &[Span]) -> Paragraph {
        for span in spans {
            let text = clean(&span.text);
            if text.is_empty() {
                continue;
            }
            let mut run = Run::new().add_text(text);
            if span.bold {
                run = run.bold();
            }
            if span.italic {
                run = run.italic();
            }
            if span.strike {
                run = run.strike();
            }
            if span.code {
                run = run.style("Code");
            }
            match &span.href {
                Some(href) => {
                    self.links += 1;
                    let mut link = Hyperlink::new(clean(href), HyperlinkType::External)
                        .add_run(run.style("Hyperlink"));
                    if let HyperlinkData::External { rid, .. } = &mut link.link {
                        *rid = format!("rIdHyperlink{}", self.links);
                    }
                    paragraph = paragraph.add_hyperlink(link);
                }
                None => paragraph = paragraph.add_run(run),
            }
        }
        paragraph
    }

    /// A heading (1 to 6) in its named style, kept with what follows it.
    pub fn heading(&mut self, level: usize, text: &str) {
        self.heading_spans(level, &[Span::text(text)], false);
    }

    /// A heading that starts a new page.
    pub fn heading_on_new_page(&mut self, level: usize, text: &str) {
        self.heading_spans(level, &[Span::text(text)], true);
    }

    pub fn heading_spans(&mut self, level: usize, spans: &[Span], new_page: bool) {
        let level = level.clamp(1, 6);
        let paragraph = self
            .paragraph()
            .style(&format!("Heading{level}"))
            .keep_next(true)
            .page_break_before(new_page);
        let paragraph = self.spans(paragraph, spans);
        self.push(paragraph);
    }

    /// A paragraph in `style` ("Title", "Subtitle"), or in Normal.
    pub fn styled(&mut self, style: Option<&str>, spans: &[Span]) {
        let mut paragraph = self.paragraph();
        if let Some(style) = style {
            paragraph = paragraph.style(style);
        }
        let paragraph = self.spans(paragraph, spans);
        self.push(paragraph);
    }

    pub fn text(&mut self, spans: &[Span]) {
        self.styled(None, spans);
    }

    /// A numbered list that counts from 1.
    pub fn numbered_list(&mut self) -> ListKind {
        self.numberings += 1;
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_numbering(
            Numbering::new(self.numberings, NUMBER_DEFINITION)
                .add_override(LevelOverride::new(0).start(1)),
        );
        ListKind::Numbered(self.numberings)
    }

    /// One item of a list, `depth` levels in (0 is the outermost).
    pub fn list_item(&mut self, kind: ListKind, depth: usize, spans: &[Span]) {
        let id = match kind {
            ListKind::Bullets => BULLETS,
            ListKind::Numbered(id) => id,
        };
        let paragraph = self
            .paragraph()
            .style("ListParagraph")
            .numbering(NumberingId::new(id), IndentLevel::new(depth.min(5)));
        let paragraph = self.spans(paragraph, spans);
        self.push(paragraph);
    }

    /// A further paragraph of a list item: indented, without a bullet.
    pub fn list_continuation(&mut self, depth: usize, spans: &[Span]) {
        let indent = 360 * (depth.min(5) as i32 + 2);
        let paragraph =
            self.paragraph()
                .style("ListParagraph")
                .indent(Some(indent), None, None, None);
        let paragraph = self.spans(paragraph, spans);
        self.push(paragraph);
    }

    pub fn bullet(&mut self, spans: &[Span]) {
        self.list_item(ListKind::Bullets, 0, spans);
    }

    /// A code block, a paragraph per line.
    pub fn code_block(&mut self, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let last = text.split('\n').count() - 1;
        for (i, line) in text.split('\n').enumerate() {
            let mut paragraph = self.paragraph().style("CodeBlock");
            if i == last {
                // The space a paragraph leaves after it, after the block's last line.
                paragraph = paragraph.line_spacing(LineSpacing::new().after(160).line(240));
            }
            let paragraph = self.spans(paragraph, &[Span::text(line.replace('\t', "    "))]);
            // An empty line keeps its height.
            let paragraph = if line.is_empty() {
                paragraph.add_run(Run::new().add_text(""))
            } else {
                paragraph
            };
            self.push(paragraph);
        }
    }

    /// A table with a border, the first row bold when it is a header, columns of equal
    /// width across the text.
    pub fn table(&mut self, rows: &[Vec<Vec<Span>>], header: bool) {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let width = TEXT_WIDTH / columns;
        let mut table_rows = Vec::with_capacity(rows.len());
        for (r, row) in rows.iter().enumerate() {
            let mut cells = Vec::with_capacity(columns);
            for c in 0..columns {
                let spans: Vec<Span> = row
                    .get(c)
                    .map(|cell| {
                        cell.iter()
                            .cloned()
                            .map(|s| Span {
                                bold: s.bold || (header && r == 0),
                                ..s
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let paragraph = self.paragraph();
                let paragraph = self.spans(paragraph, &spans);
                cells.push(
                    TableCell::new()
                        .add_paragraph(paragraph)
                        .width(width, WidthType::Dxa),
                );
            }
            table_rows.push(TableRow::new(cells));
        }
        let table = Table::new(table_rows)
            .set_grid(vec![width; columns])
            .width(width * columns, WidthType::Dxa);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
        // Word needs a paragraph between two tables, and after a table that ends the text.
        let spacer = self.paragraph();
        self.push(spacer);
    }

    /// A page break.
    pub fn page_break(&mut self) {
        let paragraph = self
            .paragraph()
            .add_run(Run::new().add_break(BreakType::Page));
        self.push(paragraph);
    }

    /// A centred line of small text (the title page's notes).
    pub fn centred(&mut self, spans: &[Span]) {
        let paragraph = self.paragraph().align(AlignmentType::Center);
        let paragraph = self.spans(paragraph, spans);
        self.push(paragraph);
    }

    /// The `.docx` file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let mut xml = self.docx.build();
        xml.document_rels = in_order(&xml.document_rels);
        xml.styles = with_default_styles(xml.styles);
        let mut stored = Cursor::new(Vec::new());
        xml.pack(&mut stored).map_err(|e| e.to_string())?;
        compressed(stored.into_inner()).map_err(|e| e.to_string())
    }
}

/// A paragraph style `id` named `name`, on Normal and followed by it, in the style gallery.
fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}

/// Text Word can hold: no control characters (XML 1.0 forbids most, and a line break in a
/// run is a space to a reader).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' || !c.is_control() { c } else { ' ' })
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

/// The package docx-rs wrote (every part stored as it is) again, each part deflated, as Word
/// writes them (a post is 41 KB stored, 9 KB deflated), and every entry dated 1980-01-01
/// whatever features the `zip` crate was built with.
fn compressed(stored: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options.unix_permissions(0o755))?;
        } else {
            // Deflating costs a compressor's set-up per part: small parts stay stored.
            let method = if part.size() < DEFLATE_FROM {
                options
            } else {
                options
                    .compression_method(zip::CompressionMethod::Deflated)
                    .compression_level(Some(1))
            };
            out.start_file(name, method)?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// `word/styles.xml` with Normal marked as the default paragraph style (docx-rs has no
/// setter for `w:default`): what a paragraph without a style is, to Word and python-docx.
fn with_default_styles(styles: Vec<u8>) -> Vec<u8> {
    let text = match String::from_utf8(styles) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    text.replacen(
        r#"<w:style w:type="paragraph" w:styleId="Normal">"#,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
        1,
    )
    .into_bytes()
}

/// `word/_rels/document.xml.rels` with its `<Relationship>` elements sorted by id, numbers
/// compared as numbers: docx-rs lists the hyperlinks in a hash map's order.
fn in_order(rels: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(rels) else {
        return rels.to_vec();
    };
    const OPEN: &str = "<Relationship ";
    let Some(first) = text.find(OPEN) else {
        return rels.to_vec();
    };
    let Some(end) = text.rfind("</Relationships>") else {
        return rels.to_vec();
    };
    if end < first {
        return rels.to_vec();
    }
    let body = &text[first..end];
    let mut elements: Vec<&str> = body
        .match_indices(OPEN)
        .map(|(i, _)| i)
        .chain(std::iter::once(body.len()))
        .collect::<Vec<_>>()
        .windows(2)
        .map(|w| &body[w[0]..w[1]])
        .collect();
    let id = |element: &str| -> (String, u64) {
        let value = element
            .split("Id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("");
        let digits = value.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = &value[..value.len() - digits.len()];
        (prefix.to_string(), digits.parse().unwrap_or(0))
    };
    elements.sort_by_key(|e| id(e));
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for element in elements {
        out.push_str(element);
    }
    out.push_str(&text[end..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_are_sorted_by_id_numbers_as_numbers() {
        let rels = br#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rIdHyperlink10" Target="b" /><Relationship Id="rId1" Target="s" /><Relationship Id="rIdHyperlink2" Target="a" /></Relationships>"#;
        let sorted = String::from_utf8(in_order(rels)).expect("utf-8");
        assert_eq!(
            sorted,
            r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Target="s" /><Relationship Id="rIdHyperlink2" Target="a" /><Relationship Id="rIdHyperlink10" Target="b" /></Relationships>"#
        );
        assert_eq!(in_order(b"not xml"), b"not xml");
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean("a\u{0}b\u{1b}c\td"), "a b c\td");
    }

    /// Many links, written twice in different threads: the same bytes.
    #[test]
    fn the_same_document_is_the_same_bytes() {
        let write = || {
            let mut doc = Document::new();
            doc.heading(1, "Title");
            for i in 0..20 {
                doc.text(&[Span::link(
                    format!("link {i}"),
                    format!("https://example.com/{i}"),
                )]);
            }
            let list = doc.numbered_list();
            doc.list_item(list, 0, &[Span::text("one")]);
            doc.finish().expect("packs")
        };
        let first = write();
        let second = std::thread::spawn(write).join().expect("thread");
        // Another document in between moves docx-rs's own counters.
        let _ = write();
        let third = write();
        assert_eq!(first, second);
        assert_eq!(first, third);
    }
}
