//! rolebook: role-brief playbooks to a static site.
//!
//! The pipeline, in order: `config` reads `site.yaml`; `content` loads and checks the
//! briefs and guides; `playbook` derives what the domain adds; `render` turns pages into
//! HTML through the theme's templates; `output` swaps the finished site into place.

pub mod build;
pub mod config;
pub mod content;
pub mod diagnostic;
#[doc(hidden)]
pub mod fuzzing;
pub mod output;
pub mod playbook;
pub mod progress;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod theme;
mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use config::{CONFIG_FILE, Config};
use content::Content;
use diagnostic::{Diagnostic, Diagnostics, Position};
use output::OutputError;

/// Everything that can stop a command, reported once by the CLI.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's own files (content, config, templates): exit code 1.
    #[error("{0}")]
    Site(Diagnostics),
    /// The output folder was refused or could not be written: exit code 2.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A file the tool needs could not be read: exit code 2.
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        help: Option<String>,
    },
    /// Problems already shown to the user (by `gen check`): exit code 1.
    #[error("problems were found")]
    Reported,
    /// Anything else the user must change in how gen is run: exit code 2.
    #[error("{message}")]
    Usage {
        message: String,
        help: Option<String>,
    },
}

impl Error {
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Error {
        Error::Usage {
            message: message.into(),
            help,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Site(_) | Error::Reported => 1,
            Error::Output(_) | Error::Io { .. } | Error::Usage { .. } => 2,
        }
    }

    pub fn help(&self) -> Option<&str> {
        match self {
            Error::Site(_) | Error::Reported => None,
            Error::Output(output) => output.help(),
            Error::Io { help, .. } | Error::Usage { help, .. } => help.as_deref(),
        }
    }

    /// The report users read: every problem with its file, line, snippet and help.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        match self {
            Error::Site(problems) => {
                out.push_str(&render_diagnostics(&problems.0, color));
                out.push_str(&format!("error: {problems}; nothing was written"));
            }
            Error::Reported => {}
            other => {
                out.push_str(&format!("error: {other}"));
                if let Some(help) = other.help() {
                    out.push_str(&format!("\n  help: {help}"));
                }
            }
        }
        out
    }
}

/// Colour on a terminal, never under `NO_COLOR`.
pub fn stderr_has_color() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Self {
        Error::Site(d)
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Site(Diagnostics(vec![d]))
    }
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include briefs and guides marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// Relative links (`true`) even if `site.yaml` does not ask for them.
    pub relative_links: bool,
}

/// A loaded and checked site.
#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
}

#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    /// Lint findings below the deny level.
    pub warnings: Vec<Diagnostic>,
    /// Time of each stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
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
    .without_primary_span_start();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = handler.render_report(&mut out, diagnostic);
        out.push('\n');
    }
    out
}

impl Site {
    /// Read `site.yaml` and every page under `content/`.
    pub fn load(root: &Path, options: &LoadOptions) -> Result<Site, Error> {
        let mut config = read_config(root)?;
        if let Some(base_url) = &options.base_url {
            config.base_url = base_url.clone();
        }
        config.relative_links |= options.relative_links;
        let content = content::load(
            root,
            &config,
            content::LoadOptions {
                drafts: options.drafts,
            },
        )?;
        Ok(Site {
            root: root.to_path_buf(),
            config,
            content,
        })
    }

    pub(crate) fn theme_missing(&self) -> Diagnostic {
        let text = std::fs::read_to_string(self.root.join(CONFIG_FILE)).unwrap_or_default();
        let line = text
            .lines()
            .position(|l| l.starts_with("theme:"))
            .map_or(1, |i| i + 1);
        Diagnostic::new(
            CONFIG_FILE,
            Position::new(line, 1),
            format!("theme `{}` not found in themes/", self.config.theme),
        )
        .with_help("copy a theme folder into themes/, or set `theme: default` (built into gen)")
        .with_source(text.into())
    }
}

/// `gen check`: every problem and lint finding of the site at `root`, errors and warnings,
/// in file order; nothing is rendered through templates and nothing is written. Problems
/// that stop the site from loading are findings too (without a lint id).
pub fn check_site(root: &Path, options: &LoadOptions) -> Result<Vec<Diagnostic>, Error> {
    let site = match Site::load(root, options) {
        Ok(site) => site,
        Err(Error::Site(problems)) => return Ok(problems.0),
        Err(other) => return Err(other),
    };
    let links = render::link_index(&site.config, &site.content);
    // Checks read headings and links, never the HTML.
    let markdown: render::MarkdownCache = render::scan_markdown(&site.content, &links)
        .into_iter()
        .collect();
    let link_problems = render::link_problems(&site.content, &markdown, &links, None);
    Ok(playbook::lints::check(
        &site.config,
        &site.content,
        &markdown,
        link_problems.0,
    ))
}

/// `gen build`: check and render the site at `root`, then swap it into `output`.
pub fn build_site(root: &Path, options: &LoadOptions, output: &Path) -> Result<BuildReport, Error> {
    build_site_with_progress(root, options, output, None)
}

/// `build_site`, calling `progress(pages done, pages in all)` as pages are written.
pub fn build_site_with_progress(
    root: &Path,
    options: &LoadOptions,
    output: &Path,
    progress: Option<build::Progress>,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    output::check_output(root, output)?;
    let staging = std::sync::Arc::new(output::Staging::create(root, output)?);
    let mut build = build::Build::stream(root, options, staging.clone(), progress)?;
    let staging = std::sync::Arc::try_unwrap(staging)
        .map_err(|_| Error::usage("the output is still in use", None))?;
    staging.commit()?;
    build.stages.lap("swap");
    Ok(BuildReport {
        stages: build.stages.laps.clone(),
        pages: build.page_count(),
        files: build.pages_written,
        elapsed: started.elapsed(),
        warnings: build.findings,
    })
}

/// `gen build --cache DIR`: use the highlighted blocks the last build left in `dir`. A
/// missing cache is a cold build; a damaged one too, with the warning returned.
pub fn open_highlight_cache(output: &Path, dir: &Path) -> Result<Option<String>, Error> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if absolute(dir).starts_with(absolute(output)) {
        return Err(Error::usage(
            format!(
                "the cache folder {} is inside the output folder {}, which each build replaces (and which gets published)",
                dir.display(),
                output.display()
            ),
            Some("keep it beside the site, e.g. --cache .gen-cache".to_string()),
        ));
    }
    Ok(render::highlight::use_cache(dir))
}

/// `gen build --single-page FILE`: the whole playbook of the site at `root` as one
/// standalone HTML file (styles inlined, no scripts, no requests), for print and for wikis
/// that take a single page.
pub fn write_single_page(root: &Path, options: &LoadOptions, file: &Path) -> Result<(), Error> {
    if file.is_dir() {
        return Err(Error::usage(
            format!("{} is a folder", file.display()),
            Some("--single-page takes a file name, e.g. playbook.html".to_string()),
        ));
    }
    let site = Site::load(root, options)?;
    let theme =
        theme::Theme::resolve(root, &site.config.theme).ok_or_else(|| site.theme_missing())?;
    let mut templates = render::templates::Templates::load(root, &theme)?;
    let statics = render::static_files(root, &theme)?;
    let html = render::single_page(&site.config, &site.content, &mut templates, &statics)?;
    std::fs::write(file, html).map_err(|source| Error::Io {
        path: file.to_path_buf(),
        source,
        help: None,
    })
}

/// Read and check `site.yaml` of the site at `root`.
pub fn read_config(root: &Path) -> Result<Config, Error> {
    let path = root.join(CONFIG_FILE);
    let bytes = std::fs::read(&path).map_err(|source| Error::Io {
        help: (source.kind() == std::io::ErrorKind::NotFound).then(|| {
            format!(
                "{} is not a site folder (no {CONFIG_FILE}); run gen inside one or pass --root DIR",
                root.display()
            )
        }),
        path: path.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::new(CONFIG_FILE, Position::START, "site.yaml is not valid UTF-8")
            .with_help("save it as UTF-8")
    })?;
    Ok(Config::parse(&text, Path::new(CONFIG_FILE)).map_err(|d| *d)?)
}
