//! `site.yaml`: the site's title and address, its theme, and the vocabulary the briefs are
//! checked against (capabilities, archetypes, lint levels).

pub mod lints;
pub mod signals;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Position};

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
    /// The text of `site.yaml`, for messages that point into it.
    #[serde(skip)]
    pub source: Option<Arc<str>>,
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
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub key: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Archetype {
    pub key: String,
    pub name: String,
    pub description: String,
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

fn default_theme() -> String {
    "default".to_string()
}

impl Config {
    /// Parse `site.yaml` text; `file` is how the file is named in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Box<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source: Arc<str> = Arc::from(text);
        let mut config: Config = crate::yaml::parse(text, file, &source)?;
        config.validate(file, &source)?;
        config.source = Some(source);
        Ok(config)
    }

    fn validate(&self, file: &Path, source: &Arc<str>) -> Result<(), Box<Diagnostic>> {
        let at_key = |key: &str| {
            let line = source
                .lines()
                .position(|l| l.starts_with(&format!("{key}:")))
                .map_or(1, |i| i + 1);
            Position::new(line, 1)
        };
        let fail = |key: &str, message: String, help: &str| {
            Box::new(
                Diagnostic::new(file, at_key(key), message)
                    .with_help(help)
                    .with_source(source.clone()),
            )
        };
        if self.capabilities.is_empty() {
            return Err(fail(
                "capabilities",
                "`capabilities` is empty".into(),
                "list the capabilities a team needs, each with key, name and description",
            ));
        }
        if self.archetypes.is_empty() {
            return Err(fail(
                "archetypes",
                "`archetypes` is empty".into(),
                "list the archetypes (builder, manager, architect, executive-operator)",
            ));
        }
        for (key, keys) in [
            ("capabilities", self.capability_keys().collect::<Vec<_>>()),
            ("archetypes", self.archetype_keys().collect::<Vec<_>>()),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for k in keys {
                if !crate::slug::is_valid_slug(k) {
                    return Err(fail(
                        key,
                        format!("`{k}` in `{key}` is not a valid key"),
                        "use lowercase letters, digits and hyphens",
                    ));
                }
                if !seen.insert(k) {
                    return Err(fail(
                        key,
                        format!("`{k}` appears twice in `{key}`"),
                        "each key may appear once",
                    ));
                }
            }
        }
        let known: Vec<&str> = lints::lint_ids().collect();
        for id in self.lints.keys() {
            if known.contains(&id.as_str()) {
                continue;
            }
            let line = source
                .lines()
                .position(|l| l.trim_start().starts_with(&format!("{id}:")))
                .map_or(1, |i| i + 1);
            let help = match crate::diagnostic::did_you_mean(id, known.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the lints are: {}", known.join(", ")),
            };
            return Err(Box::new(
                Diagnostic::new(
                    file,
                    Position::new(line, 3),
                    format!("unknown lint `{id}` in `lints`"),
                )
                .with_help(help)
                .with_source(source.clone()),
            ));
        }
        if let Some(problem) = self.unknown_title_signal(file, source) {
            return Err(problem);
        }
        if !(self.base_url.starts_with('/') || self.base_url.contains("://")) {
            return Err(fail(
                "base_url",
                format!("`base_url` is `{}`", self.base_url),
                "use an absolute URL such as `https://wiki.example.com/playbook/` or a path such as `/playbook/`",
            ));
        }
        Ok(())
    }

    /// A `title_signals` key that names no archetype.
    fn unknown_title_signal(&self, file: &Path, source: &Arc<str>) -> Option<Box<Diagnostic>> {
        let known: Vec<&str> = self.archetype_keys().collect();
        let key = self
            .title_signals
            .as_ref()?
            .keys()
            .find(|k| !known.contains(&k.as_str()))?;
        let section = source.lines().position(|l| l.starts_with("title_signals:"));
        let line = source
            .lines()
            .enumerate()
            .skip(section.unwrap_or(0))
            .find(|(_, l)| l.trim_start().starts_with(&format!("{key}:")))
            .map_or(1, |(i, _)| i + 1);
        let help = match crate::diagnostic::did_you_mean(key, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("the archetypes are: {}", known.join(", ")),
        };
        Some(Box::new(
            Diagnostic::new(
                file,
                Position::new(line, 3),
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
        assert_eq!(err.position.line, 7);
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
    fn unknown_keys_suggest() {
        let text = format!("{MINIMAL}titel: x\n");
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("unknown");
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));
    }
}
