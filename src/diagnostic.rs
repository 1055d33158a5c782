//! Problems found in a site's files, as values: each names a file, a line and a column,
//! says what was expected and, where one exists, what to do instead.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

/// How bad a problem is: errors stop a build, warnings are reported and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    #[default]
    Error,
}

/// A lint finding a brief waived: the brief (its slug: a finding on an inherited value is
/// in the parent's file) and the reason it gave ("" for none).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Waived {
    pub brief: String,
    pub reason: String,
}

/// One problem in one file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible, as users see it.
    pub file: PathBuf,
    pub severity: Severity,
    /// The lint that found it, for playbook lints (`vague-outcome`).
    pub code: Option<&'static str>,
    pub position: Position,
    pub message: String,
    /// Shared: a lint's help is the same text on each of its (thousands of) findings.
    pub help: Option<Arc<str>>,
    /// What most diagnostics lack, in one box so a diagnostic stays small to return;
    /// shared, so that copying a rebuild's thousands of findings copies no snippet.
    extra: Option<Arc<Extra>>,
}

#[derive(Debug, Clone, Default)]
struct Extra {
    /// The lines around the problem with the file's name, for the snippet under the message.
    source: Option<Excerpt>,
    /// Set when a brief waived this lint finding (`allow:`).
    waived: Option<Waived>,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            severity: Severity::Error,
            code: None,
            position,
            message: message.into(),
            help: None,
            extra: None,
        }
    }

    /// What kind of problem this is, in reports: the lint's id (`vague-outcome`), the id its
    /// maker gave it (`yaml`, `front-matter`), or else what the file is.
    pub fn id(&self) -> &'static str {
        self.code.unwrap_or_else(|| kind_of_file(&self.file))
    }

    pub fn with_help(mut self, help: impl Into<Arc<str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help.map(Arc::from);
        self
    }

    /// A copy fit for a terminal: its texts through `terminal_safe`, and the control
    /// characters of its snippet blanked.
    fn for_terminal(&self) -> Diagnostic {
        let mut safe = self.clone();
        safe.file = PathBuf::from(terminal_safe(&display_path(&self.file)).into_owned());
        safe.message = terminal_safe(&self.message).into_owned();
        safe.help = self.help.as_deref().map(|h| Arc::from(terminal_safe(h)));
        // The snippet's title is the file name too.
        if let Some(extra) = safe.extra.as_mut().map(Arc::make_mut)
            && let Some(source) = extra.source.as_mut()
        {
            if source.text.chars().any(is_unsafe) {
                source.text = blank_controls(&source.text).into();
            }
            source.name = display_path(&safe.file);
        }
        safe
    }

    /// This problem with the lines of `text` (its file's whole text) around it, for the
    /// snippet. Only those lines are kept: a finding outlives the page it is about, and
    /// a big site's thousands of findings would otherwise hold every brief's text.
    pub fn with_source(mut self, text: impl AsRef<str>) -> Self {
        let excerpt = Excerpt::around(display_path(&self.file), text.as_ref(), self.position.line);
        Arc::make_mut(self.extra.get_or_insert_default()).source = Some(excerpt);
        self
    }

    /// How a brief waived this lint finding, if it did. A waived finding does not count;
    /// the health page and `gen check` list it with the reason.
    pub fn waived(&self) -> Option<&Waived> {
        self.extra.as_ref()?.waived.as_ref()
    }

    pub fn set_waived(&mut self, waived: Option<Waived>) {
        if waived.is_some() || self.extra.is_some() {
            Arc::make_mut(self.extra.get_or_insert_default()).waived = waived;
        }
    }

    fn source(&self) -> Option<&Excerpt> {
        self.extra.as_ref()?.source.as_ref()
    }

    /// Where the problem is in its excerpt's text.
    fn byte_offset(&self) -> Option<usize> {
        let source = self.source()?;
        // The problem's line, counted from 0 within the excerpt.
        let line = self
            .position
            .line
            .max(1)
            .checked_sub(source.lines_before + 1)?;
        let line_start = line_start(&source.text, line)?;
        let line = &source.text[line_start..];
        let column_bytes: usize = line
            .chars()
            .take(self.position.column.saturating_sub(1))
            .take_while(|c| *c != '\n')
            .map(char::len_utf8)
            .sum();
        Some(line_start + column_bytes)
    }
}

/// The widest column a snippet is drawn for. miette pads the caret out to the column with a
/// format width, which Rust caps at 65,535 (a wider one panics), and a snippet thousands of
/// characters wide helps nobody: the message still names line and column.
const MAX_SNIPPET_COLUMN: usize = 10_000;

impl Diagnostic {
    fn snippet_fits(&self) -> bool {
        self.position.column <= MAX_SNIPPET_COLUMN
    }
}

/// Lines shown around a problem in its snippet, before and after its own: miette's
/// default, set on the report handler so that an excerpt always holds them.
const SNIPPET_CONTEXT: usize = 1;

/// A few lines of a file, named, where its snippet is drawn from; the line numbers
/// it reports are the file's.
#[derive(Debug, Clone)]
struct Excerpt {
    name: String,
    /// How many of the file's lines come before `text`.
    lines_before: usize,
    text: Box<str>,
}

impl Excerpt {
    /// The lines of `text` within `SNIPPET_CONTEXT` of line `line` (1-based).
    fn around(name: String, text: &str, line: usize) -> Self {
        let first = line.max(1).saturating_sub(1 + SNIPPET_CONTEXT);
        let start = line_start(text, first).unwrap_or(text.len());
        let end = line_start(text, line.max(1) + SNIPPET_CONTEXT).unwrap_or(text.len());
        Excerpt {
            name,
            lines_before: first,
            text: text[start..end.max(start)].into(),
        }
    }
}

/// The last line (1-based) of the snippet a diagnostic at `position` shows.
pub fn snippet_last_line(position: Position) -> usize {
    position.line.max(1) + SNIPPET_CONTEXT
}

/// Where line `index` (0-based) of `text` starts, if it has that many lines.
fn line_start(text: &str, index: usize) -> Option<usize> {
    match index {
        0 => Some(0),
        n => text.match_indices('\n').nth(n - 1).map(|(i, _)| i + 1),
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.lines_before,
            inner.column(),
            inner.line_count(),
        )))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            display_path(&self.file),
            self.position.line,
            self.position.column,
            self.message
        )
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.id()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if !self.snippet_fits() {
            return None;
        }
        self.source().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.snippet_fits() {
            return None;
        }
        let offset = self.byte_offset()?;
        let label = LabeledSpan::new_with_span(Some("here".to_string()), (offset, 0));
        Some(Box::new(std::iter::once(label)))
    }
}

/// What a problem without an id is about, from its file (as users see it, relative to the
/// site root): `config` (site.yaml), `template`, `content` (a page), `static`, else `site`.
fn kind_of_file(file: &Path) -> &'static str {
    let shown = display_path(file);
    let under = |folder: &str| shown == folder || shown.starts_with(&format!("{folder}/"));
    if shown == "site.yaml" {
        "config"
    } else if under("templates") || under("themes") {
        "template"
    } else if under("content") {
        "content"
    } else if under("static") {
        "static"
    } else {
        "site"
    }
}

/// Paths shown to users use `/` on every platform.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    // Only Windows separates folders with `\`; elsewhere it is part of a name (and of the
    // `\u{1b}` that `terminal_safe` writes for an escape character).
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// All the problems of one run, reported together like a compiler does.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sorted by file then position, so output is stable whatever the thread order.
    pub fn sorted(mut self) -> Self {
        self.0
            .sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "{n} error{} in the site's files",
            if n == 1 { "" } else { "s" }
        )
    }
}

/// Line and column of a byte offset in `text`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// "did you mean" for a misspelt name: the closest candidate, if it is close enough.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // "IT" for `it`: the same name in other letters' case is the closest of all.
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(wrong)) {
        return Some(same);
    }
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A list of diagnostics as users read them, each with its file, line, snippet and help.
pub fn render_diagnostics(diagnostics: &[Diagnostic], color: bool) -> String {
    let handler = if color {
        miette::GraphicalReportHandler::new()
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
    }
    // The message already says file:line:column, counting characters; miette's header
    // would count bytes, and disagree on any line with an accent before the error.
    .without_primary_span_start()
    .with_context_lines(SNIPPET_CONTEXT);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = handler.render_report(&mut out, &diagnostic.for_terminal());
        out.push('\n');
    }
    out
}

/// `text` as a terminal may show it: control characters (escape sequences that clear the
/// screen, hide text or write the clipboard, from a brief or a file name) written out as
/// `\u{1b}`; line breaks and tabs kept.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with every control character but line ends and tabs blanked to `?`, byte for
/// byte, so that positions into it still hold.
fn blank_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe(c) && c != '\r' {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Colour on a terminal, never under `NO_COLOR`.
pub fn stderr_has_color() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_far_along_a_long_line_is_reported_without_a_snippet() {
        let line = format!("{}x", "- ".repeat(50_000));
        let d = Diagnostic::new("content/a.md", Position::new(1, 100_001), "far")
            .with_source(Arc::from(line.as_str()));
        let mut out = String::new();
        miette::GraphicalReportHandler::new()
            .render_report(&mut out, &d)
            .expect("renders");
        assert!(out.contains("far"), "{out}");
    }

    #[test]
    fn every_problem_has_an_id() {
        let id = |file: &str| Diagnostic::new(file, Position::START, "x").id();
        assert_eq!(id("site.yaml"), "config");
        assert_eq!(id("content/roles/a.md"), "content");
        assert_eq!(id("templates/role.html"), "template");
        assert_eq!(id("themes/default/templates/base.html"), "template");
        assert_eq!(id("static/logo.svg"), "static");
        assert_eq!(id("public"), "site");
        let mut lint = Diagnostic::new("content/roles/a.md", Position::START, "x");
        lint.code = Some("vague-outcome");
        assert_eq!(lint.id(), "vague-outcome");
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncdé\nf";
        assert_eq!(position_of(text, 0), Position::new(1, 1));
        assert_eq!(position_of(text, 3), Position::new(2, 1));
        assert_eq!(position_of(text, 7), Position::new(2, 4));
        assert_eq!(position_of(text, 8), Position::new(3, 1));
    }

    #[test]
    fn suggestions_need_a_close_name() {
        let names = ["title", "archetype", "summary"];
        assert_eq!(did_you_mean("titel", names), Some("title"));
        assert_eq!(did_you_mean("archtype", names), Some("archetype"));
        assert_eq!(did_you_mean("zzz", names), None);
    }

    #[test]
    fn offset_of_position_round_trips() {
        let text: Arc<str> = Arc::from("one\ntwo three\n");
        let d = Diagnostic::new("f.md", Position::new(2, 5), "x").with_source(text);
        assert_eq!(d.byte_offset(), Some(8));
    }

    #[test]
    fn a_snippet_keeps_only_the_lines_around_its_problem_and_numbers_them_as_the_file_does() {
        let text: String = (1..=400).map(|n| format!("line {n}\n")).collect();
        let d = Diagnostic::new("content/roles/a.md", Position::new(200, 6), "here it is")
            .with_source(text.as_str());
        let kept = &d.source().expect("a snippet").text;
        assert_eq!(&**kept, "line 199\nline 200\nline 201\n");
        let report = render_diagnostics(&[d], false);
        for shown in ["199 │ line 199", "200 │ line 200", "201 │ line 201"] {
            assert!(report.contains(shown), "{shown} in {report}");
        }
        assert!(
            !report.contains("line 198") && !report.contains("line 202"),
            "{report}"
        );
        // The caret stands under column 6 of line 200 (its `2`).
        let lines: Vec<&str> = report.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("200 │"))
            .expect("line 200");
        let column = |l: &str, of: &str| l.find(of).map(|i| l[..i].chars().count());
        let under = column(lines[at], "line 200").map(|c| c + 5);
        assert_eq!(column(lines[at + 1], "▲"), under, "{report}");
    }

    #[test]
    fn a_snippet_at_the_ends_of_a_file_keeps_what_there_is() {
        let first = Diagnostic::new("a.md", Position::START, "x").with_source("one\ntwo\nthree\n");
        assert_eq!(&*first.source().expect("snippet").text, "one\ntwo\n");
        assert_eq!(first.byte_offset(), Some(0));
        let last = Diagnostic::new("a.md", Position::new(3, 3), "x").with_source("one\ntwo\nthree");
        assert_eq!(&*last.source().expect("snippet").text, "two\nthree");
        assert_eq!(last.byte_offset(), Some(6));
        let past = Diagnostic::new("a.md", Position::new(9, 1), "x").with_source("one\n");
        assert_eq!(
            past.byte_offset(),
            None,
            "no line 9: no caret, and no panic"
        );
        let _ = render_diagnostics(&[past], false);
    }

    #[test]
    fn a_report_gives_one_position_in_characters_even_after_accents() {
        let text: Arc<str> = Arc::from("title: x\narchetype: \"éééé\" x\n");
        let d = Diagnostic::new("content/roles/a.md", Position::new(2, 19), "trailing text")
            .with_source(text);
        let report = render_diagnostics(&[d], false);
        assert!(
            report.contains("content/roles/a.md:2:19: trailing text"),
            "{report}"
        );
        // miette would count bytes (2:23): its header names the file only.
        assert!(report.contains("─[content/roles/a.md]"), "{report}");
        assert!(!report.contains(":2:23"), "{report}");
    }
}
