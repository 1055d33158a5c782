//! `site.yaml`: the site's title and address, its theme, and the vocabulary the briefs are
//! checked against (capabilities, archetypes, lint levels).

pub mod address;
pub mod brand;
pub mod colour;
pub mod languages;
pub mod limits;
pub mod lints;
pub mod listing;
pub mod plan;
pub mod posting;
pub mod renditions;
pub mod signals;
pub mod staffing;
pub mod vocabulary;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::yaml::Spanned;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Position};
use crate::yaml::KeySpans;

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Where the site is published, e.g. `https://wiki.example.com/playbook/` or `/`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// A folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    pub capabilities: Vec<Capability>,
    pub archetypes: Vec<Archetype>,
    /// Lint id to level (`allow`, `warn`, `deny`), for `gen check`, `build` and `serve`.
    #[serde(default)]
    pub lints: BTreeMap<String, LintLevel>,
    /// Write links relative to each page (`../../roles/caio/index.html`), for hosting whose
    /// path is not known at build time and for opening the files directly.
    #[serde(default)]
    pub relative_links: bool,
    /// Write a `robots.txt` that lets crawlers in. Off by default: internal playbooks
    /// should not be indexed.
    #[serde(default)]
    pub robots_txt: bool,
    /// The library view: the briefs are archetypes, not a company's team, so statuses,
    /// headcounts and the staffing view are hidden and the lints ignore statuses.
    #[serde(default)]
    pub archetypes_only: bool,
    /// Thresholds of the lints that count.
    #[serde(default)]
    pub lint_limits: lints::LintLimits,
    /// How Markdown bodies are turned into HTML.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// Bounds on the work and size an input may cost (`limits:`).
    #[serde(default)]
    pub limits: limits::Limits,
    /// The text of `site.yaml`, for messages that point into it.
    #[serde(skip)]
    pub source: Option<Arc<str>>,
    /// Areas of work besides the capabilities (vendor selection, hiring), for `bundled-role`.
    #[serde(default = "vocabulary::default_areas")]
    pub areas: Vec<vocabulary::Area>,
    /// Which capability is governance and which archetype builds, for the governance lints;
    /// `governance()` gives the defaults when the section is left out.
    #[serde(default)]
    pub governance: Option<vocabulary::Governance>,
    /// The interfaces a brief states: the required ones and the optional ones.
    #[serde(default)]
    pub interfaces: vocabulary::InterfaceVocabulary,
    /// Groups of competing vendors, for `tool-soup`.
    #[serde(default = "vocabulary::default_vendor_groups")]
    pub vendor_groups: Vec<vocabulary::VendorGroup>,
    /// The keywords of every area, indexed once per site.
    #[serde(skip)]
    area_index: std::sync::OnceLock<Arc<vocabulary::AreaIndex>>,
    /// The vendors of `vendor_groups`, indexed once per site.
    #[serde(skip)]
    vendor_index: std::sync::OnceLock<Arc<vocabulary::VendorIndex>>,
    /// Technologies and the year each became public: a brief cannot ask for more years
    /// with one than it has existed (`impossible-experience`).
    #[serde(default = "signals::default_technologies")]
    pub technologies: Vec<signals::Technology>,
    /// Archetype key to the title words that contradict it (`title-archetype`); the
    /// built-in signals when left out (see `Config::title_signals`).
    #[serde(default)]
    pub title_signals: Option<BTreeMap<String, signals::TitleSignals>>,
    /// The year the build runs in, for the lints that compare with today; not in
    /// `site.yaml`: the engine sets it from the clock, tests set a fixed year, and those
    /// lints stay silent without it.
    #[serde(skip)]
    pub build_year: Option<i32>,
    /// The levels a brief's `level` names, each with a title and maybe a pay band.
    #[serde(default)]
    pub levels: Vec<posting::Level>,
    /// Who is hiring, as a job post introduces it: name, address, about, benefits, the
    /// equal-opportunity statement and where to apply.
    #[serde(default)]
    pub organization: Option<posting::Organization>,
    /// The pay-transparency jurisdiction postings are written under by default.
    #[serde(default)]
    pub pay_transparency: posting::PayTransparency,
    /// The day the build runs on, for a post's `datePosted` when its brief sets no
    /// `date_posted`; not in `site.yaml`: the engine sets it (like `build_year`), so the
    /// code that makes posts reads no clock.
    #[serde(skip)]
    pub build_date: Option<(i32, u32, u32)>,
    /// What the job posts publish besides their text (`postings: {json_ld: true}`).
    #[serde(default)]
    pub postings: posting::Postings,
    /// Which briefs get their job post as a Word document (`hiring`, `all`, `none`).
    #[serde(default)]
    pub posting_docx: renditions::PostingDocx,
    /// The company's name, logo and accent colour (`brand:`).
    #[serde(default)]
    pub brand: Option<brand::Brand>,
    /// Where a page's source is edited, with `{path}` for the file's path from the site
    /// root: `https://git.example.com/playbook/-/edit/main/{path}` gives every page an
    /// "Edit this page" link.
    #[serde(default)]
    pub edit_url: Option<Spanned<String>>,
    /// What the team may cost in a year (`budget: {year, amount, currency}`), for the plan
    /// page and `over-budget`.
    #[serde(default)]
    pub budget: Option<plan::Budget>,
    /// The staffing file (`staffing: {file: ...}`, CSV or JSON from an ATS or HRIS) whose
    /// rows override the briefs' status, headcount, fill date and approval.
    #[serde(default)]
    pub staffing: Option<plan::StaffingSource>,
    /// The staffing file, read: not in `site.yaml`; the engine reads the file `staffing`
    /// names (like `build_date`), and loading the content applies it to the briefs.
    #[serde(skip)]
    pub staffing_table: Option<Arc<staffing::StaffingTable>>,
    /// The site's language, a BCP 47 code (`de`, `fr`, `en-GB`): `<html lang>`, and the
    /// theme's words, dates and numbers (`language()` gives `en` when it is left out).
    #[serde(default)]
    pub language: Option<Spanned<String>>,
    /// The languages the playbook is translated into (`languages: [{code: de, ...}]`),
    /// each a tree of pages under `/<code>/`.
    #[serde(default)]
    pub languages: Vec<languages::Language>,
    /// How many cards a listing shows per page (`listing: {page_size: 100}`).
    #[serde(default)]
    pub listing: listing::Listing,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(from = "WrittenEntry")]
pub struct Capability {
    pub key: String,
    pub name: String,
    pub description: String,
    /// Where the key is written in site.yaml, for messages about this capability.
    #[serde(skip)]
    pub key_at: Position,
    /// Words and phrases that show this capability in a decision or responsibility (for
    /// `bundled-role`); the built-in list of the shipped keys when left out. Not shown by templates: every page's context would carry them.
    #[serde(default, skip_serializing)]
    pub keywords: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "WrittenEntry")]
pub struct Archetype {
    pub key: String,
    pub name: String,
    pub description: String,
    /// Where the key is written in site.yaml, for messages about this archetype.
    #[serde(skip)]
    pub key_at: Position,
}

/// A capability or archetype as written. Read through this twin so that the key's span is
/// kept while `key` stays plain text for the many places that compare it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenEntry {
    key: Spanned<String>,
    name: String,
    description: String,
    /// Capabilities only: an archetype with keywords is refused.
    #[serde(default)]
    keywords: Option<Vec<String>>,
}

impl From<WrittenEntry> for Capability {
    fn from(entry: WrittenEntry) -> Self {
        Capability {
            key_at: crate::yaml::position(entry.key.referenced),
            key: entry.key.value,
            name: entry.name,
            description: entry.description,
            keywords: entry.keywords,
        }
    }
}

impl TryFrom<WrittenEntry> for Archetype {
    type Error = &'static str;

    fn try_from(entry: WrittenEntry) -> Result<Self, Self::Error> {
        if entry.keywords.is_some() {
            return Err("archetypes take no `keywords` (capabilities do)");
        }
        Ok(Archetype {
            key_at: crate::yaml::position(entry.key.referenced),
            key: entry.key.value,
            name: entry.name,
            description: entry.description,
        })
    }
}

/// What happens to HTML written in a page's body (`markdown.raw_html` in site.yaml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept as written: for playbooks whose editors are trusted (the default).
    #[default]
    Allow,
    /// Cleaned by ammonia: scripts, event handlers, styles and unknown tags go; the
    /// structure the site relies on (heading ids, anchors, highlighting classes, tables) stays.
    Sanitize,
    /// Shown as text: every tag is written out, escaped.
    Escape,
}

/// `markdown:` in site.yaml.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// What happens to HTML written in a page's body.
    #[serde(default)]
    pub raw_html: RawHtml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    Allow,
    Warn,
    Deny,
}

fn default_base_url() -> String {
    "/".to_string()
}

/// Why `code` is not a language code `<html lang>` takes, and how to write it.
fn language_problem(code: &str) -> Option<(String, String)> {
    let well_formed = !code.is_empty()
        && !code.contains('_')
        && code.parse::<unic_langid::LanguageIdentifier>().is_ok();
    if well_formed {
        return None;
    }
    let help = if code.contains('_') {
        format!(
            "BCP 47 parts a code with hyphens: `{}`",
            code.replace('_', "-")
        )
    } else {
        "write a BCP 47 language code: `en`, `de`, `fr`, or with a region, `de-CH`".to_string()
    };
    Some((format!("`language` is `{code}`, not a language code"), help))
}

fn default_theme() -> String {
    "default".to_string()
}

impl Config {
    /// Parse `site.yaml` text; `file` is how the file is named in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Box<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source: Arc<str> = Arc::from(text);
        let mut config: Config =
            crate::yaml::parse_with(text, file, &source, crate::yaml::Budget::SiteConfig)?;
        config.validate(file, &source)?;
        config.source = Some(source);
        Ok(config)
    }

    fn validate(&self, file: &Path, source: &Arc<str>) -> Result<(), Box<Diagnostic>> {
        let keys = KeySpans::of(source);
        let key_at = |key: &str| keys.get(key).map_or(Position::START, |k| k.at);
        let fail = |at: Position, message: String, help: &str| {
            Box::new(
                Diagnostic::new(file, at, message)
                    .with_help(help)
                    .with_source(source.clone()),
            )
        };
        if self.capabilities.is_empty() {
            return Err(fail(
                key_at("capabilities"),
                "`capabilities` is empty".into(),
                "list the capabilities a team needs, each with key, name and description",
            ));
        }
        if self.archetypes.is_empty() {
            return Err(fail(
                key_at("archetypes"),
                "`archetypes` is empty".into(),
                "list the archetypes (builder, manager, architect, executive-operator)",
            ));
        }
        for (list, entries) in [
            (
                "capabilities",
                self.capabilities
                    .iter()
                    .map(|c| (c.key.as_str(), c.key_at))
                    .collect::<Vec<_>>(),
            ),
            (
                "archetypes",
                self.archetypes
                    .iter()
                    .map(|a| (a.key.as_str(), a.key_at))
                    .collect(),
            ),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for (k, at) in entries {
                if !crate::slug::is_valid_slug(k) {
                    return Err(fail(
                        at,
                        format!("`{k}` in `{list}` is not a valid key"),
                        "use lowercase letters, digits and hyphens",
                    ));
                }
                if !seen.insert(k) {
                    return Err(fail(
                        at,
                        format!("`{k}` appears twice in `{list}`"),
                        "each key may appear once",
                    ));
                }
            }
        }
        let known: Vec<&str> = lints::lint_ids().collect();
        if let Some(id) = self.lints.keys().find(|id| !known.contains(&id.as_str())) {
            let at = keys
                .get("lints")
                .and_then(|lints| lints.keys.get(id))
                .map_or(Position::START, |k| k.at);
            let help = match crate::diagnostic::did_you_mean(id, known.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the lints are: {}", known.join(", ")),
            };
            return Err(fail(at, format!("unknown lint `{id}` in `lints`"), &help));
        }
        self.validate_vocabulary(file, source)?;
        if let Some(problem) = posting::problems(&self.levels, self.organization.as_ref())
            .into_iter()
            .next()
        {
            return Err(fail(problem.at, problem.message, &problem.help));
        }
        if let Some(problem) = plan::problems(self.budget.as_ref(), self.staffing.as_ref())
            .into_iter()
            .next()
        {
            return Err(fail(problem.at, problem.message, &problem.help));
        }
        if let Some(problem) = self.unknown_title_signal(file, source) {
            return Err(problem);
        }
        if let Some(problem) = address::problem(&self.base_url) {
            return Err(fail(
                value_at(&keys, "base_url"),
                format!("`base_url` is `{}`: {problem}", self.base_url),
                address::HELP,
            ));
        }
        if let Some((at, message, help)) = self.brand_problem() {
            return Err(fail(at, message, help));
        }
        if let Some(language) = &self.language
            && let Some((message, help)) = language_problem(&language.value)
        {
            return Err(fail(
                crate::yaml::position(language.referenced),
                message,
                &help,
            ));
        }
        if let Some(p) = languages::problem(&self.languages, self.default_language()) {
            return Err(fail(p.at, p.message, &p.help));
        }
        if let Some((message, help)) = self.listing.problem() {
            let at = keys
                .get("listing")
                .and_then(|listing| listing.keys.get("page_size"))
                .map_or(Position::START, |k| k.value_at);
            return Err(fail(at, message, help));
        }
        Ok(())
    }

    /// The site's language (`language:`), `en` when left out.
    pub fn language(&self) -> &str {
        self.language
            .as_ref()
            .map_or(languages::DEFAULT_LANGUAGE, |l| l.value.as_str())
    }

    /// A `brand:` or `edit_url` that cannot be used: where, what, and how to write it.
    fn brand_problem(&self) -> Option<(Position, String, &'static str)> {
        let at = |s: &Spanned<String>| crate::yaml::position(s.referenced);
        let brand = self.brand.as_ref();
        let quote = "write the colour in hex, quoted: `accent: \"#1d5a9e\"` (a `#` unquoted starts a YAML comment)";
        if let Some(accent) = brand.and_then(|b| b.accent.as_ref()) {
            let position = crate::yaml::position(accent.referenced);
            match accent.value.as_deref() {
                None => {
                    return Some((
                        position,
                        "`brand.accent` is empty (an unquoted `#` starts a YAML comment)".into(),
                        quote,
                    ));
                }
                Some(value) if colour::Rgb::parse(value).is_none() => {
                    return Some((
                        position,
                        format!("`brand.accent` is `{value}`, not a colour"),
                        quote,
                    ));
                }
                Some(_) => {}
            }
        }
        if let Some(logo) = brand.and_then(|b| b.logo.as_ref())
            && let Some(problem) = brand::logo_problem(&logo.value)
        {
            return Some((
                at(logo),
                problem,
                "put the image in the site's `static/` folder and write its path there, e.g. `logo: logo.svg`",
            ));
        }
        if let Some(edit) = &self.edit_url {
            let help = "write the address of the editor with `{path}` where the file's path goes, e.g. `https://git.example.com/playbook/-/edit/main/{path}`";
            if !edit.value.contains("{path}") {
                return Some((
                    at(edit),
                    format!("`edit_url` is `{}`, with no `{{path}}`", edit.value),
                    help,
                ));
            }
            let scheme = edit
                .value
                .split_once("://")
                .map(|(s, _)| s.to_ascii_lowercase());
            if !matches!(scheme.as_deref(), Some("http" | "https")) {
                return Some((
                    at(edit),
                    format!("`edit_url` is `{}`, not an http(s) address", edit.value),
                    help,
                ));
            }
        }
        None
    }

    /// The palette of `brand.accent` for the default theme, if the site sets one.
    pub fn brand_palette(&self) -> Option<brand::Palette> {
        let accent = self.brand.as_ref()?.accent.as_ref()?.value.as_deref()?;
        colour::Rgb::parse(accent).map(brand::palette)
    }

    /// The "Edit this page" address of the file `path` (from the site root), if the site
    /// sets `edit_url`: each segment percent-encoded.
    pub fn edit_link(&self, path: &Path) -> Option<String> {
        use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
        const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~');
        let pattern = &self.edit_url.as_ref()?.value;
        let encoded: Vec<String> = path
            .components()
            .map(|c| utf8_percent_encode(&c.as_os_str().to_string_lossy(), SEGMENT).to_string())
            .collect();
        Some(pattern.replace("{path}", &encoded.join("/")))
    }

    /// Where the value of the top-level key `key` is written in site.yaml: the start of the
    /// file when it is not written.
    pub fn value_position(&self, key: &str) -> Position {
        value_at(&KeySpans::of(self.source.as_deref().unwrap_or("")), key)
    }

    /// The areas of work (capabilities, then `areas:`) with their keywords, indexed.
    pub fn area_index(&self) -> &vocabulary::AreaIndex {
        self.area_index
            .get_or_init(|| Arc::new(vocabulary::AreaIndex::new(self)))
    }

    /// The vendors of `vendor_groups` by their words.
    pub fn vendor_index(&self) -> &vocabulary::VendorIndex {
        self.vendor_index
            .get_or_init(|| Arc::new(vocabulary::VendorIndex::new(self)))
    }

    /// The governance capability and the builder archetype (`governance:`, or the defaults:
    /// `security-compliance` and `builder`, which a site without them simply never matches).
    pub fn governance(&self) -> std::borrow::Cow<'_, vocabulary::Governance> {
        match &self.governance {
            Some(written) => std::borrow::Cow::Borrowed(written),
            None => std::borrow::Cow::Owned(vocabulary::Governance::default()),
        }
    }

    /// A `title_signals` key that names no archetype.
    fn unknown_title_signal(&self, file: &Path, source: &Arc<str>) -> Option<Box<Diagnostic>> {
        let known: Vec<&str> = self.archetype_keys().collect();
        let key = self
            .title_signals
            .as_ref()?
            .keys()
            .find(|k| !known.contains(&k.as_str()))?;
        let at = KeySpans::of(source)
            .get("title_signals")
            .and_then(|section| section.keys.get(key))
            .map_or(Position::START, |written| written.at);
        let help = match crate::diagnostic::did_you_mean(key, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("the archetypes are: {}", known.join(", ")),
        };
        Some(Box::new(
            Diagnostic::new(
                file,
                at,
                format!("unknown archetype `{key}` in `title_signals`"),
            )
            .with_help(help)
            .with_source(source.clone()),
        ))
    }

    /// The title words that contradict `archetype`: `site.yaml`'s, or the built-in ones
    /// (for the archetypes the site has).
    pub fn title_signals(&self, archetype: &str) -> Option<&signals::TitleSignals> {
        self.title_signals
            .as_ref()
            .unwrap_or_else(|| signals::built_in_title_signals())
            .get(archetype)
    }

    pub fn capability_keys(&self) -> impl Iterator<Item = &str> {
        self.capabilities.iter().map(|c| c.key.as_str())
    }

    pub fn archetype_keys(&self) -> impl Iterator<Item = &str> {
        self.archetypes.iter().map(|a| a.key.as_str())
    }

    pub fn capability(&self, key: &str) -> Option<&Capability> {
        self.capabilities.iter().find(|c| c.key == key)
    }

    pub fn archetype(&self, key: &str) -> Option<&Archetype> {
        self.archetypes.iter().find(|a| a.key == key)
    }

    pub fn level_keys(&self) -> impl Iterator<Item = &str> {
        self.levels.iter().map(|l| l.key.value.as_str())
    }

    pub fn level(&self, key: &str) -> Option<&posting::Level> {
        self.levels.iter().find(|l| l.key.value == key)
    }

    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }

    /// The path part of the base URL (`/playbook/` for `https://host/playbook`), which
    /// every internal link starts with so the site works under a sub-path.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }
}

fn value_at(keys: &KeySpans, key: &str) -> Position {
    keys.get(key).map_or(Position::START, |k| k.value_at)
}

/// The path part of a base URL or path, with one trailing slash.
pub fn base_path_of(base_url: &str) -> String {
    let url = format!("{}/", base_url.trim_end_matches('/'));
    match url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".to_string(),
        },
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: Builder, description: d}\n";

    #[test]
    fn base_path_is_the_path_of_the_base_url() {
        let mut config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.base_path(), "/");
        config.base_url = "https://wiki.example.com/team/playbook".into();
        assert_eq!(config.base_url(), "https://wiki.example.com/team/playbook/");
        assert_eq!(config.base_path(), "/team/playbook/");
        config.base_url = "https://wiki.example.com".into();
        assert_eq!(config.base_path(), "/");
    }

    #[test]
    fn lint_levels_parse() {
        let text = format!("{MINIMAL}lints:\n  tool-soup: deny\n  bundled-role: allow\n");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.lints.get("tool-soup"), Some(&LintLevel::Deny));
    }

    #[test]
    fn duplicate_capability_keys_are_rejected() {
        let text = MINIMAL.replace(
            "  - {key: a, name: A, description: d}\n",
            "  - {key: a, name: A, description: d}\n  - {key: a, name: B, description: d}\n",
        );
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("duplicate");
        assert!(err.message.contains("appears twice"), "{}", err.message);
    }

    #[test]
    fn unknown_lint_ids_suggest() {
        let text = format!("{MINIMAL}lints:\n  vague-outcom: deny\n");
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("unknown lint");
        assert_eq!(err.message, "unknown lint `vague-outcom` in `lints`");
        assert_eq!(err.help.as_deref(), Some("did you mean `vague-outcome`?"));
        assert_eq!(err.position, Position::new(7, 3));
    }

    /// (site.yaml, message, where it points): at the key or entry at fault, found by the
    /// parser, not at the first line that looks like it.
    const PROBLEMS: &[(&str, &str, (usize, usize))] = &[
        (
            "title: T\ncapabilities: []\narchetypes:\n  - {key: builder, name: B, description: d}\n",
            "`capabilities` is empty",
            (2, 1),
        ),
        (
            "title: T\ncapabilities:\n  - {key: Data, name: D, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\n",
            "`Data` in `capabilities` is not a valid key",
            (3, 11),
        ),
        (
            "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - key: builder\n    name: B\n    description: d\n  # the same again\n  - key: builder\n    name: C\n    description: d\n",
            "`builder` appears twice in `archetypes`",
            (9, 10),
        ),
        // `raw_html` is a key under `markdown` too: the one under `lints` is meant.
        (
            "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\nmarkdown:\n  raw_html: allow\nlints:\n  raw_html: deny\n",
            "unknown lint `raw_html` in `lints`",
            (9, 3),
        ),
        (
            "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\nlints: {tool-soup: deny, vague-outcom: warn}\n",
            "unknown lint `vague-outcom` in `lints`",
            (6, 26),
        ),
        (
            "\u{feff}# why\ntitle: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\nlints:\n    vague-outcom: deny\n",
            "unknown lint `vague-outcom` in `lints`",
            (8, 5),
        ),
        (
            "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\nbase_url: wiki.example.com\n",
            "`base_url` is `wiki.example.com`: it is neither an absolute URL nor a path",
            (6, 11),
        ),
        // A missing top-level key points at the first key, even on line 1.
        (
            "capabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: B, description: d}\n",
            "missing required key `title`",
            (1, 1),
        ),
    ];

    #[test]
    fn problems_point_at_what_is_wrong() {
        for (text, message, (line, column)) in PROBLEMS {
            let err = Config::parse(text, Path::new("site.yaml")).expect_err(message);
            assert_eq!(
                (err.message.as_str(), err.position),
                (*message, Position::new(*line, *column)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn vocabulary_keys_keep_where_they_are_written() {
        // (site.yaml, where each capability's key is written), block and flow style.
        let cases: &[(&str, &[(usize, usize)])] = &[
            (MINIMAL, &[(3, 11)]),
            (
                "# why\ntitle: T\ncapabilities:\n  - key: data\n    name: Data\n    description: d\n\n  - {key: ops, name: Ops, description: d}\n  - name: ML\n    key: ml\n    description: d\narchetypes:\n  - {key: builder, name: B, description: d}\n",
                &[(4, 10), (8, 11), (10, 10)],
            ),
            (
                "\u{feff}title: T\ncapabilities: [{key: a, name: A, description: d}]\narchetypes: [{key: builder, name: B, description: d}]\n",
                &[(2, 22)],
            ),
        ];
        for (text, expected) in cases {
            let config = Config::parse(text, Path::new("site.yaml")).expect("valid");
            let found: Vec<(usize, usize)> = config
                .capabilities
                .iter()
                .map(|c| (c.key_at.line, c.key_at.column))
                .collect();
            assert_eq!(found, *expected, "{text:?}");
        }
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.archetypes[0].key_at, Position::new(5, 11));
    }

    #[test]
    fn value_positions_are_of_top_level_keys() {
        let text = format!("{MINIMAL}markdown:\n  raw_html: escape\ntheme:   nosuch\n");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.value_position("theme"), Position::new(8, 10));
        assert_eq!(config.value_position("raw_html"), Position::START);
        assert_eq!(config.value_position("base_url"), Position::START);
    }

    #[test]
    fn lint_limits_default_and_parse() {
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.lint_limits.max_tools, 8);
        let text = format!("{MINIMAL}lint_limits:\n  max_tools: 5\n");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert_eq!(
            (
                config.lint_limits.max_tools,
                config.lint_limits.max_primary_capabilities
            ),
            (5, 3)
        );
    }

    #[test]
    fn archetypes_only_defaults_to_off() {
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert!(!config.archetypes_only);
        let text = format!("{MINIMAL}archetypes_only: true\n");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert!(config.archetypes_only);
    }

    #[test]
    fn the_posting_sections_default_to_nothing_and_parse() {
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert!(config.levels.is_empty() && config.organization.is_none());
        assert_eq!(
            config.pay_transparency.jurisdiction,
            posting::Jurisdiction::None
        );
        let text = format!(
            "{MINIMAL}levels:\n  - key: senior\n    title: Senior\n    pay: {{min: 60000, max: 70000.5, currency: EUR, period: month}}\norganization:\n  name: Acme\n  apply: mailto:jobs@acme.example\npay_transparency: {{jurisdiction: us-ca}}\n"
        );
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        let band = config
            .level("senior")
            .and_then(|l| l.pay.as_ref())
            .expect("band");
        assert_eq!(band.words(), "EUR 60,000–70,000.50 a month");
        assert_eq!(config.organization.map(|o| o.name).as_deref(), Some("Acme"));
        assert_eq!(
            config.pay_transparency.jurisdiction,
            posting::Jurisdiction::UsCa
        );
        let text = format!(
            "{MINIMAL}levels:\n  - key: senior\n    title: Senior\n    pay:\n      min: 70000\n      max: 60000\n      currency: EUR\n"
        );
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("max below min");
        assert_eq!(
            (err.message.as_str(), err.position),
            (
                "`levels.senior.pay.max` (60,000) is below `levels.senior.pay.min` (70,000)",
                Position::new(11, 12)
            )
        );
    }

    #[test]
    fn unknown_keys_suggest() {
        let text = format!("{MINIMAL}titel: x\n");
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("unknown");
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));
    }
}
