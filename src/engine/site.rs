//! Loading a site, and the whole-site commands over it: check, build into a folder, and the
//! standalone whole-playbook page.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::{CONFIG_FILE, Config};
use crate::content::{self, Content};
use crate::diagnostic::{Diagnostic, Position, Severity};
use crate::engine::{build, link_findings};
use crate::error::Error;
use crate::markdown::highlight::Highlighter;
use crate::render::theme;
use crate::{markdown, output, playbook, render};
use std::sync::Arc;

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
    /// What went wrong on the side (a highlight cache that could not be read or written).
    pub notes: Vec<String>,
}

impl Site {
    /// Read `site.yaml` and every page under `content/`.
    pub fn load(root: &Path, options: &LoadOptions) -> Result<Site, Error> {
        let mut config = read_config(root)?;
        if let Some(base_url) = &options.base_url {
            config.base_url = base_url.clone();
        }
        config.relative_links |= options.relative_links;
        config.staffing_table = crate::engine::staffing_file::read(root, &config)?;
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
        Diagnostic::new(
            CONFIG_FILE,
            self.config.value_position("theme"),
            format!("theme `{}` not found in themes/", self.config.theme),
        )
        .with_help("copy a theme folder into themes/, or set `theme: default` (built into gen)")
        .with_source(self.config.source.clone().unwrap_or_default())
    }
}

/// `gen check`: every problem and lint finding of the site at `root`, errors and warnings,
/// in file order; nothing is written. Problems that stop the site from loading are findings
/// too (without a lint id). A site without errors is then laid out in memory, and the links
/// of every page checked against the files it would write.
pub fn check_site(root: &Path, options: &LoadOptions) -> Result<Vec<Diagnostic>, Error> {
    Ok(check_site_with(root, options, CheckOptions::default())?.findings)
}

/// What `gen check` holds the site to beyond the lints' levels.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// `--ready`: open briefs must answer every intake question (`not-ready`).
    pub ready: bool,
}

/// What `gen check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// The findings that count, in file order.
    pub findings: Vec<Diagnostic>,
    /// The findings briefs waived (`allow:`), each with its reason, in file order.
    pub waived: Vec<Diagnostic>,
    /// What was checked; `None` when the site did not load, so nothing past the problems
    /// that stopped it was.
    pub checked: Option<Checked>,
}

/// How much of a site `gen check` read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub briefs: usize,
    pub guides: usize,
    /// The pages the site would have: the briefs' and guides' and the overviews.
    pub pages: usize,
}

/// `gen check` with `checks`: the findings that count and those briefs waived.
pub fn check_site_with(
    root: &Path,
    options: &LoadOptions,
    checks: CheckOptions,
) -> Result<CheckReport, Error> {
    let site = match Site::load(root, options) {
        Ok(site) => site,
        Err(Error::Site(problems)) => {
            return Ok(CheckReport {
                findings: problems.0,
                waived: Vec::new(),
                checked: None,
            });
        }
        Err(other) => return Err(other),
    };
    let checked = Checked {
        briefs: site.content.roles.len(),
        guides: site.content.guides.len(),
        pages: render::all_pages(&site.content).len(),
    };
    let links = markdown::link_index(&site.config, &site.content);
    // Checks read headings and links, never the HTML.
    let markdown: markdown::MarkdownCache = markdown::scan_markdown(&site.content, &links)
        .into_iter()
        .collect();
    let link_problems = playbook::lints::link_problems(&site.content, &markdown, &links, None);
    let mut found =
        playbook::lints::check_all(&site.config, &site.content, &markdown, link_problems.0);
    // Each language's translations, judged in their own tree.
    found.extend(crate::engine::languages::lint(&site.config, &site.content));
    // Laid out only when it can be: a site with errors is not built.
    if found
        .iter()
        .all(|f| f.severity != Severity::Error || f.waived().is_some())
    {
        let laid_out = check_laid_out(&site, options, &found)?;
        found.extend(laid_out);
    }
    if checks.ready {
        found.extend(playbook::lints::not_ready(&site.config, &site.content));
    }
    playbook::lints::sort(&mut found);
    let (findings, waived) = playbook::lints::split_waived(found);
    Ok(CheckReport {
        findings,
        waived,
        checked: Some(checked),
    })
}

/// The problems of `site` that show only once it is laid out: template errors, and links that
/// lead to no file written.
fn check_laid_out(
    site: &Site,
    options: &LoadOptions,
    known: &[Diagnostic],
) -> Result<Vec<Diagnostic>, Error> {
    let build = match build::Build::new(&site.root, options, Default::default()) {
        Ok(build) => build,
        Err(Error::Site(problems)) => return Ok(problems.0),
        Err(other) => return Err(other),
    };
    let sources: Vec<(&Path, &str)> = build.template_sources().collect();
    Ok(link_findings::broken_link_findings(
        &site.config,
        &site.content,
        &build.files,
        &sources,
        known,
    ))
}

/// How `build_site` goes about it.
#[derive(Default)]
pub struct BuildOptions {
    /// `gen build --cache DIR`: start from the highlighted blocks the last build left in
    /// DIR, and leave this build's there.
    pub cache: Option<PathBuf>,
    /// Told (pages done, pages in all) as pages are written.
    pub progress: Option<build::Progress>,
}

/// `gen build`: check and render the site at `root`, then swap it into `output`.
pub fn build_site(
    root: &Path,
    options: &LoadOptions,
    output: &Path,
    how: BuildOptions,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    output::check_output(root, output)?;
    let mut notes = Vec::new();
    let highlighter = match &how.cache {
        Some(dir) => {
            let (highlighter, warning) = open_highlight_cache(output, dir)?;
            notes.extend(warning);
            highlighter
        }
        None => Highlighter::new(),
    };
    let highlighter = Arc::new(highlighter);
    let staging = output::Staging::create(root, output)?;
    let mut build =
        build::Build::stream(root, options, &staging, how.progress, highlighter.clone())?;
    staging.commit()?;
    build.stages.lap("swap");
    notes.extend(no_sitemap(&build.config.base_url));
    if let (Some(dir), Err(error)) = (&how.cache, highlighter.save()) {
        notes.push(format!(
            "cannot write the highlight cache in {}: {error}",
            dir.display()
        ));
    }
    Ok(BuildReport {
        stages: build.stages.laps.clone(),
        pages: build.page_count(),
        files: build.pages_written,
        elapsed: started.elapsed(),
        warnings: playbook::lints::split_waived(Arc::unwrap_or_clone(build.findings)).0,
        notes,
    })
}

/// Why the site has no `sitemap.xml`, if it has none: its addresses must be absolute, and
/// `base_url` is a path.
fn no_sitemap(base_url: &str) -> Option<String> {
    (!crate::config::address::names_host(base_url)).then(|| {
        format!(
            "no sitemap.xml was written: a sitemap lists absolute addresses, and base_url `{base_url}` names no host; set `base_url` in site.yaml (or --base-url) to the address the site is published at, e.g. `https://wiki.example.com/playbook/`"
        )
    })
}

/// `gen build --cache DIR`: a highlighter that starts from the blocks the last build left in
/// `dir`. A missing cache is a cold build; a damaged one too, with the warning returned.
fn open_highlight_cache(output: &Path, dir: &Path) -> Result<(Highlighter, Option<String>), Error> {
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
    Ok(Highlighter::with_cache(dir))
}

/// `gen build --single-page FILE`: the whole playbook of the site at `root` as one
/// standalone HTML file (styles inlined, no scripts, no requests), for print and for wikis
/// that take a single page.
pub fn write_single_page(root: &Path, options: &LoadOptions, file: &Path) -> Result<(), Error> {
    check_single_page(file)?;
    let site = Site::load(root, options)?;
    let theme =
        theme::Theme::resolve(root, &site.config.theme).ok_or_else(|| site.theme_missing())?;
    let mut templates = render::templates::Templates::load(root, &theme)?;
    templates
        .strings()
        .check_language(&site.config)
        .map_err(|d| *d)?;
    let statics = render::static_files(root, &theme, &site.config.limits)?;
    render::check_logo(&site.config, &statics)?;
    let html = render::single_page(
        &site.config,
        &site.content,
        &mut templates,
        &statics,
        &Highlighter::new(),
    )?;
    create_parent(file)?;
    std::fs::write(file, html).map_err(Error::writing(file))
}

/// Why `file` may not receive the standalone page, if it may not. Checked before the build
/// too, so a refused name costs nothing and publishes nothing.
pub fn check_single_page(file: &Path) -> Result<(), Error> {
    if file.is_dir() {
        return Err(Error::usage(
            format!("{} is a folder", file.display()),
            Some("--single-page takes a file name, e.g. playbook.html".to_string()),
        ));
    }
    // Only a page gen wrote may be replaced: `--single-page site.yaml` must not turn the
    // site's own files (or anyone's) into HTML.
    if file.exists() && !written_by_gen(file) {
        return Err(Error::usage(
            format!(
                "{} exists and is not a page gen wrote; it is left as it is",
                file.display()
            ),
            Some(
                "give --single-page a new file name (e.g. playbook.html), or delete the file first"
                    .to_string(),
            ),
        ));
    }
    not_under_a_file(file)
}

/// Refuses `file` when a folder on its way is a file (`site.yaml/playbook.html`): no
/// folder can be made there.
pub(crate) fn not_under_a_file(file: &Path) -> Result<(), Error> {
    let blocked = file
        .ancestors()
        .skip(1)
        .find(|folder| folder.exists())
        .filter(|folder| !folder.as_os_str().is_empty() && !folder.is_dir());
    match blocked {
        Some(folder) => Err(Error::usage(
            format!(
                "cannot write {}: {} is a file, not a folder",
                file.display(),
                folder.display()
            ),
            Some("give a file name in a folder, e.g. exports/playbook.html".to_string()),
        )),
        None => Ok(()),
    }
}

/// The folders `file` goes in, made when missing, as the output folder is.
pub(crate) fn create_parent(file: &Path) -> Result<(), Error> {
    match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
            std::fs::create_dir_all(folder).map_err(|source| Error::Write {
                path: file.to_path_buf(),
                source,
                help: Some(format!(
                    "gen could not make the folder {}",
                    folder.display()
                )),
            })
        }
        _ => Ok(()),
    }
}

/// Whether `file` is a page gen wrote: its head names gen as its generator.
fn written_by_gen(file: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(file).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_ok()
        && String::from_utf8_lossy(&head)
            .contains("<meta name=\"generator\" content=\"rolebook gen")
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
    let mut config = Config::parse(&text, Path::new(CONFIG_FILE)).map_err(|d| *d)?;
    let now = build_time();
    let date = date_of(now);
    config.build_year = Some(date.0);
    config.build_date = Some(date);
    Ok(config)
}

/// The Unix time the build runs at: from `SOURCE_DATE_EPOCH` when set (reproducible builds
/// fix it, and so do tests), otherwise from the clock.
fn build_time() -> i64 {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    from_env.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    })
}

/// The civil (UTC) date of a Unix time as (year, month, day), by the days-to-civil
/// algorithm of H. Hinnant.
fn date_of(unix_seconds: i64) -> (i32, u32, u32) {
    let z = unix_seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let (month, january_or_february) = if month_index < 10 {
        (month_index + 3, false)
    } else {
        (month_index - 9, true)
    };
    let year = year_of_era + era * 400 + i64::from(january_or_february);
    (year as i32, month as u32, day as u32)
}

#[cfg(test)]
mod year_tests {
    use super::date_of;

    fn year_of(unix_seconds: i64) -> i32 {
        date_of(unix_seconds).0
    }

    #[test]
    fn years_of_unix_times() {
        assert_eq!(year_of(0), 1970);
        assert_eq!(year_of(1_767_225_599), 2025); // 2025-12-31T23:59:59Z
        assert_eq!(year_of(1_767_225_600), 2026); // 2026-01-01T00:00:00Z
        assert_eq!(year_of(951_782_400), 2000); // 2000-02-29
        assert_eq!(year_of(-1), 1969);
    }

    #[test]
    fn dates_of_unix_times() {
        assert_eq!(date_of(0), (1970, 1, 1));
        assert_eq!(date_of(1_767_225_599), (2025, 12, 31));
        assert_eq!(date_of(1_767_225_600), (2026, 1, 1));
        assert_eq!(date_of(951_782_400), (2000, 2, 29));
        assert_eq!(date_of(951_868_800), (2000, 3, 1));
        assert_eq!(date_of(-1), (1969, 12, 31));
    }
}
