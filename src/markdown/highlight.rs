//! Code blocks, highlighted at build time into CSS classes (no inline styles): Python,
//! YAML, JSON, bash and SQL by tree-sitter (`grammar.rs`), every other language by syntect,
//! with the same classes. The syntax set is loaded once per process, and only if some page
//! has a block that needs it (it is read-only data); what a build remembers lives in its
//! `Highlighter`.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use std::cell::RefCell;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, css_for_theme_with_class_style, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, ScopeStackOp, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::config::limits::Limits;

pub use super::grammar::warm_up;

/// Classes are prefixed so they cannot collide with the theme's own.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
pub const STYLESHEET_PATH: &str = "syntax.css";

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlighted blocks by (language, code): the same snippet in many briefs is highlighted
/// once. Bounded, so a huge site cannot grow it without limit.
#[derive(Default)]
struct Memo {
    blocks: HashMap<u128, Arc<str>>,
    bytes: usize,
}

const MEMO_BUDGET: usize = 8 * 1024 * 1024;

/// A block's key: 128 bits, so that blocks kept on disk across many builds do not collide.
fn key(code: &str, lang: &str) -> u128 {
    let half = |seed: u8| {
        let mut hasher = DefaultHasher::new();
        (seed, lang, code).hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Highlights code blocks for a build and the rebuilds that follow it, remembering what it
/// highlighted (in memory, and with `with_cache` on disk between builds) and how long that
/// took. The command makes one and passes it in; nothing of it is global.
#[derive(Default)]
pub struct Highlighter {
    memo: Mutex<Memo>,
    /// `gen build --cache DIR`.
    disk: Option<DiskCache>,
    /// CPU time spent highlighting, summed over threads, since the last `take_time`.
    nanos: AtomicU64,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter")
            .field("disk", &self.disk.as_ref().map(|d| &d.dir))
            .finish_non_exhaustive()
    }
}

impl Highlighter {
    /// A highlighter that remembers blocks in memory only.
    pub fn new() -> Highlighter {
        Highlighter::default()
    }

    /// A highlighter that starts from the blocks the last build left in `dir` (`save`
    /// writes this build's). A missing, stale or damaged file only means a cold build; for a
    /// damaged or unreadable one, the warning comes back for the caller to say.
    pub fn with_cache(dir: &Path) -> (Highlighter, Option<String>) {
        let file = cache_file(dir);
        let (loaded, warning) = match std::fs::read(&file) {
            Ok(bytes) => match decode(&bytes) {
                Some(blocks) => (blocks, None),
                None => (
                    HashMap::new(),
                    Some(format!(
                        "{} is damaged; highlighting every block again",
                        file.display()
                    )),
                ),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (HashMap::new(), None),
            Err(error) => (
                HashMap::new(),
                Some(format!("cannot read {}: {error}", file.display())),
            ),
        };
        let disk = DiskCache {
            dir: dir.to_path_buf(),
            blocks: Mutex::new(DiskBlocks {
                loaded,
                used: HashMap::new(),
            }),
        };
        let highlighter = Highlighter {
            disk: Some(disk),
            ..Highlighter::default()
        };
        (highlighter, warning)
    }

    /// The `<pre>` block for `code` in language `lang` (the info string's first word).
    pub fn block(&self, code: &str, lang: &str) -> Arc<str> {
        let key = key(code, lang);
        if let Some(disk) = &self.disk {
            return disk.block(key, || self.timed(code, lang));
        }
        if let Some(html) = self
            .memo
            .lock()
            .ok()
            .and_then(|m| m.blocks.get(&key).cloned())
        {
            return html;
        }
        let html: Arc<str> = Arc::from(self.timed(code, lang));
        if let Ok(mut m) = self.memo.lock() {
            if m.bytes + html.len() > MEMO_BUDGET {
                m.blocks.clear();
                m.bytes = 0;
            }
            m.bytes += html.len();
            m.blocks.insert(key, html.clone());
        }
        html
    }

    fn timed(&self, code: &str, lang: &str) -> String {
        let started = thread_time();
        let html = render_block(code, lang);
        let spent = thread_time().saturating_sub(started);
        let nanos = u64::try_from(spent.as_nanos()).unwrap_or(u64::MAX);
        self.nanos.fetch_add(nanos, Ordering::Relaxed);
        html
    }

    /// The time spent highlighting since the last call (for `--timings`): highlighting
    /// happens inside other stages (a streamed build highlights each body as its page is
    /// written).
    pub fn take_time(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(self.nanos.swap(0, Ordering::Relaxed))
    }

    /// Write the blocks this build used to its cache folder (written whole, then renamed into
    /// place, so a reader never sees half a file). Nothing without a cache.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(disk) = &self.disk else {
            return Ok(());
        };
        let bytes = encode(&disk.lock().used);
        let dir = &disk.dir;
        std::fs::create_dir_all(dir)?;
        let file = cache_file(dir);
        let partial = dir.join(format!(".highlight-{}.partial", std::process::id()));
        std::fs::write(&partial, bytes)?;
        std::fs::rename(&partial, &file).inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })
    }
}

/// The calling thread's CPU time: highlighting's share of a build, which wall time on a
/// loaded machine overstates (a thread waiting for a core counts as highlighting).
#[cfg(target_os = "linux")]
fn thread_time() -> std::time::Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    std::time::Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Elsewhere, wall time since the first call.
#[cfg(not(target_os = "linux"))]
fn thread_time() -> std::time::Duration {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Highlight one block, remembering nothing (for benchmarks and one-off blocks).
pub fn render_block(code: &str, lang: &str) -> String {
    wrapped(code, lang, highlighted)
}

/// A block shown as plain escaped text, in the same `<pre><code>` a highlighted one gets
/// (with its language class): for a block over the highlighting budget.
pub fn plain_block(code: &str, lang: &str) -> String {
    wrapped(code, lang, |_, _| None)
}

/// `code` in its `<pre><code>`, the inside from `inner` or, when that gives nothing, escaped.
fn wrapped(code: &str, lang: &str, inner: impl Fn(&str, &str) -> Option<String>) -> String {
    let lang = lang.trim();
    let mut html = String::with_capacity(code.len() * 3 + 64);
    let lang_attr = super::escape(lang);
    // A long line scrolls the block sideways: keyboard users reach it by Tab (WCAG 2.1.1;
    // axe's scrollable-region-focusable), and a screen reader names what has focus.
    const REACHABLE: &str = "tabindex=\"0\" role=\"group\"";
    if lang.is_empty() {
        html.push_str(&format!(
            "<pre class=\"code\" {REACHABLE} aria-label=\"Code\"><code>"
        ));
    } else {
        html.push_str(&format!(
            "<pre class=\"code\" data-lang=\"{lang_attr}\" {REACHABLE} aria-label=\"Code: {lang_attr}\"><code class=\"language-{lang_attr}\">"
        ));
    }
    match inner(code, lang) {
        Some(inner) => html.push_str(&inner),
        None => pulldown_cmark_escape::escape_html_body_text(&mut html, code).unwrap_or_default(),
    }
    html.push_str("</code></pre>\n");
    html
}

/// Whether `lang` (an info string's first word) has a grammar or a syntect syntax, so that
/// a block in it would be highlighted.
pub fn knows(lang: &str) -> bool {
    let lang = lang.trim();
    !lang.is_empty() && (super::grammar::knows(lang) || syntax(syntaxes(), lang).is_some())
}

fn syntax<'s>(set: &'s SyntaxSet, lang: &str) -> Option<&'s syntect::parsing::SyntaxReference> {
    set.find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_token(alias(lang)?))
}

/// What the highlighting budget needs to know of a code block, read once from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    /// Where the block (its fence) starts in the body, in bytes.
    pub offset: usize,
    /// The info string's first word.
    pub lang: String,
    pub bytes: usize,
    /// Its longest line: (line number within the block, from 1; length in bytes).
    pub longest_line: (usize, usize),
}

impl CodeBlock {
    pub fn of(code: &str, lang: &str, offset: usize) -> CodeBlock {
        let longest_line = code
            .split('\n')
            .enumerate()
            .map(|(i, line)| (i + 1, line.len()))
            .fold(
                (1, 0),
                |best, line| if line.1 > best.1 { line } else { best },
            );
        CodeBlock {
            offset,
            lang: lang.trim().to_string(),
            bytes: code.len(),
            longest_line,
        }
    }
}

/// Why a code block is shown as plain text instead of highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverBudget {
    /// A line of the block (its number within the block) is longer than the limit.
    LongLine {
        line: usize,
        bytes: usize,
        limit: usize,
    },
    /// With this block, the page's code passes the bytes highlighted per page.
    Page { limit: usize },
}

impl OverBudget {
    /// The warning's message and help.
    pub fn explain(&self) -> (String, String) {
        match self {
            OverBudget::LongLine { line, bytes, limit } => (
                format!(
                    "code block shown without highlighting: its line {line} is {bytes} bytes long, over the limit of {limit} bytes a highlighted line may have"
                ),
                "highlighting a long line takes time that grows with the square of its length; break the line, or raise `limits.max_highlight_line` in site.yaml".to_string(),
            ),
            OverBudget::Page { limit } => (
                format!(
                    "code block shown without highlighting: the page's code blocks pass {limit} bytes, the limit of highlighted code per page"
                ),
                "split the code across pages, or raise `limits.max_highlight_page` in site.yaml".to_string(),
            ),
        }
    }
}

/// The highlighting budget of one page, spent block by block in the page's order. Its
/// bounds are sizes, never time, so a page looks the same on any machine; the worst block
/// within them highlights in about a second.
pub struct Budget {
    limits: Limits,
    spent: usize,
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget { limits, spent: 0 }
    }

    /// Whether `block` is highlighted, spending its bytes if so. Blocks without a language
    /// are never highlighted and cost nothing; the limits are checked before the language
    /// (which may load the syntaxes), so a block within them costs no lookup.
    pub fn admit(&mut self, block: &CodeBlock) -> Result<(), OverBudget> {
        if block.lang.is_empty() {
            return Ok(());
        }
        let (line, bytes) = block.longest_line;
        let over = if bytes > self.limits.max_highlight_line {
            Some(OverBudget::LongLine {
                line,
                bytes,
                limit: self.limits.max_highlight_line,
            })
        } else if self.spent + block.bytes > self.limits.max_highlight_page {
            Some(OverBudget::Page {
                limit: self.limits.max_highlight_page,
            })
        } else {
            None
        };
        match over {
            Some(over) if knows(&block.lang) => Err(over),
            // Not highlighted anyway.
            Some(_) => Ok(()),
            None => {
                self.spent += block.bytes;
                Ok(())
            }
        }
    }
}

fn highlighted(code: &str, lang: &str) -> Option<String> {
    if lang.is_empty() {
        return None;
    }
    super::grammar::highlight(code, lang).or_else(|| syntect_highlighted(code, lang))
}

fn syntect_highlighted(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = syntax(set, lang)?;
    // What syntect's ClassedHTMLGenerator does, with each line's parse looked up first.
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 3);
    let mut open_spans = 0;
    for line in LinesWithEndings::from(code) {
        let ops = parse_line(&mut state, line, set)?;
        let (spans, delta) =
            line_tokens_to_classed_spans(line, &ops, CLASS_STYLE, &mut scopes).ok()?;
        open_spans += delta;
        html.push_str(&spans);
    }
    for _ in 0..open_spans {
        html.push_str("</span>");
    }
    Some(html)
}

/// The blocks of a page that the budget shows as plain text, with why: what a render of
/// the page under `limits` does, for the warnings.
pub fn over_budget(blocks: &[CodeBlock], limits: Limits) -> Vec<(&CodeBlock, OverBudget)> {
    let mut budget = Budget::new(limits);
    blocks
        .iter()
        .filter_map(|block| budget.admit(block).err().map(|over| (block, over)))
        .collect()
}

/// A line's parse: its scope operations and the parser's state after it.
type ParsedLine = (Vec<(usize, ScopeStackOp)>, ParseState);

/// Parsed lines by line and parser state before it, per thread (no locks). Parsing (regular
/// expressions over each line) is most of highlighting's time, and code blocks share many
/// of their lines (`import`s, keys, closing brackets) with other blocks; a line parsed in
/// the same state always parses the same way. Bounded like the block memo.
#[derive(Default)]
struct LineMemo {
    lines: HashMap<String, Vec<(ParseState, std::rc::Rc<ParsedLine>)>>,
    bytes: usize,
}

const LINE_MEMO_BUDGET: usize = 4 * 1024 * 1024;

thread_local! {
    static LINES: RefCell<LineMemo> = RefCell::new(LineMemo::default());
}

/// `state.parse_line(line)`, from the memo when this line was parsed in this state before.
fn parse_line(
    state: &mut ParseState,
    line: &str,
    set: &SyntaxSet,
) -> Option<Vec<(usize, ScopeStackOp)>> {
    let known = LINES.with_borrow(|memo| {
        memo.lines.get(line).and_then(|seen| {
            seen.iter()
                .find(|(before, _)| before == state)
                .map(|(_, parsed)| parsed.clone())
        })
    });
    if let Some(parsed) = known {
        *state = parsed.1.clone();
        return Some(parsed.0.clone());
    }
    let before = state.clone();
    let ops = state.parse_line(line, set).ok()?;
    LINES.with_borrow_mut(|memo| {
        // A rough size: the line, and a few words per operation and state level.
        let size = line.len() * 2 + ops.len() * 48 + 256;
        if memo.bytes + size > LINE_MEMO_BUDGET {
            memo.lines.clear();
            memo.bytes = 0;
        }
        memo.bytes += size;
        let parsed = std::rc::Rc::new((ops.clone(), state.clone()));
        memo.lines
            .entry(line.to_string())
            .or_default()
            .push((before, parsed));
    });
    Some(ops)
}

/// Names people write in info strings that syntect's defaults know by another name.
fn alias(lang: &str) -> Option<&'static str> {
    Some(match lang.to_ascii_lowercase().as_str() {
        "shell" | "console" | "zsh" => "bash",
        "yml" => "yaml",
        "py" => "python",
        "js" | "javascript" => "js",
        "ts" | "typescript" => "js",
        "jsonc" => "json",
        _ => return None,
    })
}

/// The stylesheet for the classes: a light theme, and a dark one for dark-mode readers.
/// Every colour is held to WCAG AA (4.5:1) against the background it is shown on: the
/// theme's own and the code background of the default theme's `style.css` (`CODE_BACKGROUNDS`);
/// a colour short of it is replaced by the nearest shade that reaches it (syntect's themes
/// were drawn for editors: GitHub's green is 2.75:1 on a light grey).
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let mut css = String::from("/* Generated by gen from syntect's themes. */\n");
    // Each theme in its own media block: a light rule more specific than a dark one would
    // otherwise win in dark mode. Print always uses the light colours.
    for (theme, media, backgrounds) in [
        (
            "InspiredGitHub",
            "print, (prefers-color-scheme: light)",
            CODE_BACKGROUNDS.light,
        ),
        (
            "base16-ocean.dark",
            "screen and (prefers-color-scheme: dark)",
            CODE_BACKGROUNDS.dark,
        ),
    ] {
        if let Some(theme) = themes.themes.get(theme) {
            let theme = readable(theme, backgrounds);
            css.push_str(&format!("@media {media} {{\n"));
            css.push_str(&css_for_theme_with_class_style(&theme, CLASS_STYLE).unwrap_or_default());
            css.push_str("}\n");
        }
    }
    css
}

/// The code backgrounds of the default theme (`--code-bg` in `style.css`, light and dark;
/// a test holds them to the file).
pub struct CodeBackgrounds {
    pub light: &'static str,
    pub dark: &'static str,
}

pub const CODE_BACKGROUNDS: CodeBackgrounds = CodeBackgrounds {
    light: "#f3f4f6",
    dark: "#2b303b",
};

/// `theme` with every text colour readable: against the background of its own rule when
/// the rule sets one, else against the theme's background and `page` (the page's code
/// background); translucent colours are laid on their background first.
fn readable(theme: &syntect::highlighting::Theme, page: &str) -> syntect::highlighting::Theme {
    use crate::config::colour::{AA_TEXT, Rgb, readable_on};
    use syntect::highlighting::Color;
    let rgb = |c: Color| Rgb(c.r, c.g, c.b);
    let page = Rgb::parse(page).unwrap_or(crate::config::colour::WHITE);
    let base = theme.settings.background.map_or(page, rgb);
    let over = |c: Color, under: Rgb| rgb(c).mix(under, 1.0 - f64::from(c.a) / 255.0);
    let fix = |fg: Color, backgrounds: &[Rgb]| {
        let Rgb(r, g, b) = readable_on(over(fg, backgrounds[0]), backgrounds, AA_TEXT);
        Color { r, g, b, a: 255 }
    };
    let mut theme = theme.clone();
    if let Some(fg) = theme.settings.foreground {
        theme.settings.foreground = Some(fix(fg, &[page, base]));
    }
    for item in &mut theme.scopes {
        let Some(fg) = item.style.foreground else {
            continue;
        };
        let backgrounds = match item.style.background {
            Some(own) => vec![over(own, base)],
            None => vec![page, base],
        };
        item.style.foreground = Some(fix(fg, &backgrounds));
    }
    theme
}

/// The file of the on-disk cache inside its folder. The name carries the format and gen's
/// version: highlighting may change with either, and a stale file is then just not read.
fn cache_file(dir: &Path) -> PathBuf {
    dir.join(format!(
        "highlight-{CACHE_FORMAT}-{}.bin",
        env!("CARGO_PKG_VERSION")
    ))
}

/// Bump when the HTML of a block changes for the same input (classes, syntaxes, escaping).
const CACHE_FORMAT: u32 = 3;

/// `gen build --cache DIR`: the blocks of the last build, read before this one and
/// written after it, so a warm build highlights only the blocks that are new.
struct DiskCache {
    dir: PathBuf,
    blocks: Mutex<DiskBlocks>,
}

#[derive(Default)]
struct DiskBlocks {
    /// Read from the file and not used yet.
    loaded: HashMap<u128, Arc<str>>,
    /// Used by this build: what the file will hold.
    used: HashMap<u128, Arc<str>>,
}

impl DiskCache {
    fn block(&self, key: u128, render: impl FnOnce() -> String) -> Arc<str> {
        {
            let mut blocks = self.lock();
            if let Some(html) = blocks.used.get(&key) {
                return html.clone();
            }
            if let Some(html) = blocks.loaded.remove(&key) {
                blocks.used.insert(key, html.clone());
                return html;
            }
        }
        let html: Arc<str> = Arc::from(render());
        self.lock().used.insert(key, html.clone());
        html
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DiskBlocks> {
        // A panic while holding the lock leaves at worst a block highlighted twice.
        self.blocks
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

const MAGIC: &[u8] = b"rolebook highlight cache\n";

/// The file: the magic line, then per block its key (16 bytes), the length of its HTML
/// (4 bytes) and the HTML, little-endian, in key order.
fn encode(blocks: &HashMap<u128, Arc<str>>) -> Vec<u8> {
    let mut keys: Vec<&u128> = blocks.keys().collect();
    keys.sort_unstable();
    let size: usize = blocks.values().map(|html| html.len() + 20).sum();
    let mut bytes = Vec::with_capacity(MAGIC.len() + size);
    bytes.extend_from_slice(MAGIC);
    for key in keys {
        let html = &blocks[key];
        let Ok(len) = u32::try_from(html.len()) else {
            continue;
        };
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(html.as_bytes());
    }
    bytes
}

/// The blocks of a cache file, or `None` when it is not one (or is cut short).
fn decode(bytes: &[u8]) -> Option<HashMap<u128, Arc<str>>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut blocks = HashMap::new();
    while !rest.is_empty() {
        let (key, after) = rest.split_first_chunk::<16>()?;
        let (len, after) = after.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let html = after.get(..len)?;
        blocks.insert(
            u128::from_le_bytes(*key),
            Arc::from(std::str::from_utf8(html).ok()?),
        );
        rest = &after[len..];
    }
    Some(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// syntect's own generator, line after line, without the memo.
    fn classed(code: &str, lang: &str) -> String {
        let set = syntaxes();
        let syntax = set.find_syntax_by_token(lang).expect("known language");
        let mut generator =
            syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .expect("parses");
        }
        generator.finalize()
    }

    #[test]
    fn memoized_lines_highlight_exactly_as_syntect_does() {
        // The same lines in different parser states: inside and outside a string, after an
        // unclosed bracket, at the start of a file and later.
        let blocks = [
            ("python", "x = 1\nprint(x)\n"),
            (
                "python",
                "s = \"\"\"\nx = 1\nprint(x)\n\"\"\"\nx = 1\nprint(x)\n",
            ),
            ("python", "f(\nx = 1\n)\nx = 1\n"),
            ("yaml", "a: 1\nb:\n  - x = 1\n  - print(x)\na: 1\n"),
            ("yaml", "text: |\n  a: 1\n  b: 2\na: 1\n"),
            ("python", "x = 1\nprint(x)\n"),
        ];
        for round in 0..2 {
            for (lang, code) in blocks {
                assert_eq!(
                    syntect_highlighted(code, lang).as_deref(),
                    Some(classed(code, lang).as_str()),
                    "round {round}: {lang} {code:?}"
                );
            }
        }
    }

    #[test]
    fn known_languages_get_classes() {
        let html = Highlighter::new().block("title: Head of AI\n", "yaml");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("data-lang=\"yaml\""));
    }

    #[test]
    fn unknown_languages_are_escaped_text() {
        let html = Highlighter::new().block("<b>x</b>\n", "nosuchlang");
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn info_strings_are_escaped() {
        let html = Highlighter::new().block("x\n", "\"><script>");
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn stylesheet_has_both_schemes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }

    /// Every colour of the stylesheet reaches 4.5:1 on the background it is shown on, in
    /// both schemes (syntect's own themes do not: issue 19's axe findings).
    #[test]
    fn every_syntax_colour_is_readable_on_its_code_background() {
        use crate::config::colour::{Rgb, contrast};
        let css = stylesheet();
        let (light, dark) = css
            .split_once("prefers-color-scheme: dark")
            .expect("two blocks");
        for (block, page) in [
            (light, CODE_BACKGROUNDS.light),
            (dark, CODE_BACKGROUNDS.dark),
        ] {
            let page = Rgb::parse(page).expect("a colour");
            let mut checked = 0;
            for rule in block.split('}') {
                let value = |name: &str| {
                    rule.split(name)
                        .nth(1)
                        .and_then(|v| Rgb::parse(v.split(';').next().unwrap_or("")))
                };
                let (Some(fg), own) = (value(" color: "), value("background-color: ")) else {
                    continue;
                };
                for bg in own.map_or(vec![page], |b| vec![b]) {
                    let ratio = contrast(fg, bg);
                    assert!(ratio >= 4.5, "{fg} on {bg}: {ratio:.2} in {rule}");
                    checked += 1;
                }
            }
            assert!(checked > 30, "{checked} colours checked");
        }
    }

    /// `CODE_BACKGROUNDS` are the theme's `--code-bg`.
    #[test]
    fn the_code_backgrounds_are_the_default_themes() {
        let style = include_str!("../../themes/default/static/style.css");
        let (light, dark) = style
            .split_once("prefers-color-scheme: dark")
            .expect("dark block");
        assert!(light.contains(&format!("--code-bg: {};", CODE_BACKGROUNDS.light)));
        assert!(dark.contains(&format!("--code-bg: {};", CODE_BACKGROUNDS.dark)));
    }

    #[test]
    fn the_cache_file_reads_back_what_was_written_and_refuses_a_damaged_one() {
        let mut blocks = HashMap::new();
        blocks.insert(
            key("fn main() {}", "rust"),
            Arc::from(render_block("fn main() {}", "rust")),
        );
        blocks.insert(key("a: 1", "yaml"), Arc::from("<pre>é</pre>"));
        let bytes = encode(&blocks);
        assert_eq!(decode(&bytes), Some(blocks));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None, "cut short");
        assert_eq!(decode(b"not a cache"), None);
        assert_eq!(decode(MAGIC).map(|b| b.len()), Some(0));
    }

    #[test]
    fn the_budget_refuses_long_lines_and_code_past_the_page_limit_in_order() {
        let limits = Limits {
            max_highlight_line: 10,
            max_highlight_page: 30,
            ..Limits::default()
        };
        let block = |code: &str, lang: &str| CodeBlock::of(code, lang, 0);
        let blocks = [
            block("short\nexactly 10\n", "rust"),
            block("ok\nthis line is too long\n", "rust"),
            block("this line is too long but has no language", ""),
            block("unknown language, long line", "nosuchlang"),
            block("1234567\n1234567\n", "rust"),
            block("one more\n", "rust"),
            block("x\n", "rust"),
        ];
        let over: Vec<(usize, OverBudget)> = over_budget(&blocks, limits)
            .into_iter()
            .map(|(b, over)| (blocks.iter().position(|x| x == b).expect("a block"), over))
            .collect();
        assert_eq!(
            over,
            [
                (
                    1,
                    OverBudget::LongLine {
                        line: 2,
                        bytes: 21,
                        limit: 10
                    }
                ),
                (4, OverBudget::Page { limit: 30 }),
            ]
        );
    }

    #[test]
    fn a_block_over_budget_keeps_its_wrapper_and_is_escaped() {
        assert_eq!(
            plain_block("a <b>\n", "cpp"),
            "<pre class=\"code\" data-lang=\"cpp\" tabindex=\"0\" role=\"group\" aria-label=\"Code: cpp\"><code class=\"language-cpp\">a &lt;b&gt;\n</code></pre>\n"
        );
    }

    /// The languages with a grammar come out of tree-sitter, with syntect's classes for
    /// keywords, strings, comments, numbers and keys.
    #[test]
    fn each_grammar_language_highlights_with_classes() {
        for (lang, code, wanted) in [
            (
                "python",
                "def f(x):\n    return \"s\"  # c\n",
                ["hl-keyword", "hl-string", "hl-comment"],
            ),
            (
                "yaml",
                "key: 1  # c\nname: \"s\"\n",
                [
                    "hl-entity hl-name hl-tag",
                    "hl-constant hl-numeric",
                    "hl-comment",
                ],
            ),
            (
                "json",
                "{\"key\": 1, \"s\": \"v\"}\n",
                [
                    "hl-dictionary hl-key",
                    "hl-constant hl-numeric",
                    "hl-dictionary hl-value",
                ],
            ),
            (
                "bash",
                "if true; then echo \"s\"; fi  # c\n",
                ["hl-keyword", "hl-string", "hl-comment"],
            ),
            (
                "sql",
                "SELECT a FROM t WHERE b = 'x' -- c\n",
                ["hl-keyword", "hl-string", "hl-comment"],
            ),
        ] {
            let html = Highlighter::new().block(code, lang);
            assert!(super::super::grammar::knows(lang), "{lang}");
            assert!(!html.contains("style="), "{html}");
            for class in wanted {
                assert!(html.contains(class), "{lang}: no {class} in {html}");
            }
        }
        // The aliases reach the same grammars.
        for (alias, lang) in [
            ("py", "python"),
            ("yml", "yaml"),
            ("sh", "bash"),
            ("shell", "bash"),
        ] {
            let code = "x: 1\n";
            let via_alias = super::super::grammar::highlight(code, alias);
            assert!(via_alias.is_some(), "{alias}");
            assert_eq!(
                via_alias,
                super::super::grammar::highlight(code, lang),
                "{alias}"
            );
        }
    }

    /// A language without a grammar still goes to syntect; one neither knows is plain.
    #[test]
    fn other_languages_fall_back_to_syntect_and_unknown_ones_to_plain_text() {
        let rust = Highlighter::new().block("fn main() { let x = 1; }\n", "rust");
        assert!(rust.contains("hl-source hl-rust"), "{rust}");
        assert!(rust.contains("hl-storage"), "{rust}");
        assert!(knows("rust") && knows("python") && knows("py") && !knows("nosuchlang"));
        let plain = Highlighter::new().block("fn <main>\n", "nosuchlang");
        assert!(!plain.contains("<span"), "{plain}");
        assert!(plain.contains("fn &lt;main&gt;"), "{plain}");
    }

    /// `</code><script>` and `&` in code, in comments and in strings come out escaped in
    /// every language, whichever highlighter takes it.
    #[test]
    fn code_is_escaped_in_every_language_and_token() {
        let hostile = "</code><script>alert(1)</script> & &amp;";
        for lang in [
            "python",
            "yaml",
            "json",
            "bash",
            "sql",
            "rust",
            "nosuchlang",
            "",
        ] {
            for code in [
                format!("{hostile}\n"),
                format!("# {hostile}\n-- {hostile}\n// {hostile}\n"),
                format!("x = \"{hostile}\"\ny = '{hostile}'\n"),
                format!("{{\"{hostile}\": \"{hostile}\"}}\n"),
            ] {
                let html = Highlighter::new().block(&code, lang);
                // Every tag is one of the block's own: the code opened none.
                for (at, _) in html.match_indices('<') {
                    let tag = &html[at..];
                    assert!(
                        [
                            "<span class=\"hl-",
                            "</span>",
                            "<pre class=\"code\"",
                            "<code",
                            "</code></pre>\n",
                            "</pre>\n"
                        ]
                        .iter()
                        .any(|ok| tag.starts_with(ok)),
                        "{lang}: {tag}"
                    );
                }
                assert_eq!(html.matches("</code>").count(), 1, "{lang}: {html}");
                assert_eq!(
                    html.matches("<span").count(),
                    html.matches("</span>").count(),
                    "{lang}: {html}"
                );
                // And the text, without the spans, is the code escaped.
                let mut text = html.to_string();
                while let Some(start) = text.find("<span") {
                    let end = start + text[start..].find('>').expect("closed");
                    text.replace_range(start..=end, "");
                }
                let text = text.replace("</span>", "");
                assert!(
                    text.contains(
                        "&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp;"
                    ),
                    "{lang}: {text}"
                );
            }
        }
    }

    /// Deep nesting, a line at the length limit and a big block highlight without a panic,
    /// balanced, in each grammar; a line over the limit is refused before any highlighter
    /// sees it, and a block within the limits is admitted.
    #[test]
    fn hostile_blocks_stay_within_the_budget_and_never_panic() {
        let limits = Limits::default();
        let deep = "[\n".repeat(5_000) + &"]\n".repeat(5_000);
        let long_line = format!(
            "x = \"{}\"\n",
            "a\\\"".repeat(limits.max_highlight_line / 3 - 4)
        );
        // An eighth of the page's budget: the budget itself is held by `admit` below, and a
        // debug build's grammars (C at -O0) are slow.
        let many_lines = "k: [1, {a: \"b\"}]  # c\n".repeat(limits.max_highlight_page / 8 / 24);
        for lang in ["python", "yaml", "json", "bash", "sql"] {
            for code in [
                &deep,
                &long_line,
                &many_lines,
                &"\u{0}\u{feff}\r\r\n\t\u{7f}é".to_string(),
            ] {
                let block = CodeBlock::of(code, lang, 0);
                let admitted = Budget::new(limits).admit(&block);
                if block.longest_line.1 > limits.max_highlight_line {
                    assert!(admitted.is_err(), "{lang}");
                    continue;
                }
                assert_eq!(admitted, Ok(()), "{lang}: {} bytes", code.len());
                let html = render_block(code, lang);
                assert_eq!(
                    html.matches("<span").count(),
                    html.matches("</span>").count(),
                    "{lang}"
                );
                assert!(html.len() >= code.len(), "{lang}");
            }
        }
        let over = "x".repeat(limits.max_highlight_line + 1);
        assert!(
            Budget::new(limits)
                .admit(&CodeBlock::of(&over, "python", 0))
                .is_err()
        );
    }

    #[test]
    fn keys_tell_language_and_code_apart() {
        assert_ne!(key("a", "rust"), key("a", "yaml"));
        assert_ne!(key("ab", ""), key("a", "b"));
        assert_eq!(key("x", "rust"), key("x", "rust"));
    }
}
