//! Loading the site's content: walk `content/`, read and split each page, parse its front
//! matter, and check what needs more than one file (slugs, `hire_after`).

pub mod addresses;
pub mod front_matter;
pub mod guide;
pub mod history;
pub mod inherit;
pub mod plan_fields;
pub mod role;
pub mod source;
pub mod spans;
pub mod staffing;
pub mod taxonomy;
pub mod translation;
pub mod when;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Position};
use guide::{Guide, GuideFront};
use inherit::Derived;
use role::{Role, WrittenFront, position};
use source::SourceFile;

pub const CONTENT_DIR: &str = "content";
pub const ROLES_DIR: &str = "roles";
/// A company's own briefs (its team plan), usually derived from the archetypes in `roles/`.
pub const PLAN_DIR: &str = "plan";

/// Top-level folders of the site that gen's own pages use (`page/`: the home listing's
/// pages after the first, once it has more cards than `listing.page_size`).
const RESERVED: [&str; 8] = [
    "print",
    "matrix",
    "sequence",
    "health",
    "archetypes",
    "capabilities",
    "tags",
    "page",
];

/// Everything under `content/`, parsed and checked.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted by slug. Shared, so a rebuild reuses unchanged pages without copying them.
    pub roles: Vec<Arc<Role>>,
    /// Sorted by weight, then title.
    pub guides: Vec<Arc<Guide>>,
    /// Warnings about files under `content/` that were not read: symbolic links (never
    /// followed, so nothing outside the site is read) and special files such as pipes.
    pub skipped: Vec<Diagnostic>,
    /// Pages translated into site.yaml's `languages` (`head-of-ai.de.md`), by file; each
    /// language's pages are made from them (`translation::localize`).
    pub translations: Vec<Arc<translation::Translation>>,
}

/// A brief or guide as the stages that read bodies take it: the brief (none for a guide),
/// its file, and where its body starts.
pub type PageSource<'c> = (Option<&'c Role>, &'c SourceFile, usize);

impl Content {
    /// The pages whose content paths `only` holds, or every page (briefs first) when `None`.
    /// A rebuild passes the few pages it read again: each is found by its file's stem, the
    /// slug of most briefs, before any walk over 10,000 briefs.
    pub fn pages_in<'c>(&'c self, only: Option<&BTreeSet<String>>) -> Vec<PageSource<'c>> {
        match only {
            None => self
                .roles
                .iter()
                .map(|r| (Some(r.as_ref()), &r.source, r.body_offset))
                .chain(self.guides.iter().map(|g| (None, &g.source, g.body_offset)))
                .collect(),
            Some(paths) => paths.iter().filter_map(|p| self.page_at(p)).collect(),
        }
    }

    /// The page read from `content_path` (`roles/caio.md`).
    fn page_at(&self, content_path: &str) -> Option<PageSource<'_>> {
        let by_stem = Path::new(content_path)
            .file_stem()
            .and_then(|stem| stem.to_str())
            .and_then(|stem| self.role(stem))
            .filter(|r| r.source.content_path == content_path)
            .map(|r| (Some(r), &r.source, r.body_offset));
        by_stem
            .or_else(|| {
                self.guides
                    .iter()
                    .find(|g| g.source.content_path == content_path)
                    .map(|g| (None, &g.source, g.body_offset))
            })
            .or_else(|| {
                self.roles
                    .iter()
                    .find(|r| r.source.content_path == content_path)
                    .map(|r| (Some(r.as_ref()), &r.source, r.body_offset))
            })
    }

    pub fn role(&self, slug: &str) -> Option<&Role> {
        self.roles
            .binary_search_by(|r| r.slug.as_str().cmp(slug))
            .ok()
            .map(|i| self.roles[i].as_ref())
    }

    /// Every brief's and guide's content path (`roles/caio.md`), briefs first.
    pub fn page_paths(&self) -> impl Iterator<Item = &str> {
        self.roles
            .iter()
            .map(|r| r.source.content_path.as_str())
            .chain(self.guides.iter().map(|g| g.source.content_path.as_str()))
    }

    /// Let every page's body go from memory, to be read again from under `root` as its
    /// page is laid out (`SourceFile::let_body_go`); a page shared elsewhere keeps it.
    pub fn let_bodies_go(&mut self, root: &Path) {
        let mut pages: Vec<(&mut SourceFile, usize)> = Vec::new();
        for role in self.roles.iter_mut().filter_map(Arc::get_mut) {
            pages.push((&mut role.source, role.body_offset));
        }
        for guide in self.guides.iter_mut().filter_map(Arc::get_mut) {
            pages.push((&mut guide.source, guide.body_offset));
        }
        pages.into_par_iter().for_each(|(source, body_offset)| {
            let path = root.join(&source.file);
            source.let_body_go(body_offset, path);
        });
    }

    /// Whether `content/plan/` holds briefs: then they are the company's team.
    pub fn has_plan(&self) -> bool {
        self.roles.iter().any(|r| r.in_plan())
    }

    /// The team whose staffing the site shows: the briefs of `content/plan/` when it has any,
    /// otherwise every brief.
    pub fn team(&self) -> Vec<&Role> {
        let plan = self.has_plan();
        self.roles
            .iter()
            .filter(|r| !plan || r.in_plan())
            .map(|r| r.as_ref())
            .collect()
    }

    /// The briefs that `extends` the brief `slug`, by title.
    pub fn derived_from(&self, slug: &str) -> Vec<&Role> {
        let mut derived: Vec<&Role> = self
            .roles
            .iter()
            .filter(|r| r.front.extends.as_ref().is_some_and(|e| e.value == slug))
            .map(|r| r.as_ref())
            .collect();
        derived.sort_by(|a, b| a.title().cmp(b.title()));
        derived
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// A page already loaded, reused when its file did not change.
enum Known<'a> {
    Role(&'a Arc<Role>),
    Guide(&'a Arc<Guide>),
}

enum Page {
    Role(Arc<Role>),
    /// A brief that `extends` another, resolved once every brief is loaded.
    Derived(Derived),
    Guide(Arc<Guide>),
}

/// Load `root/content`. Every problem of every file is collected before returning.
pub fn load(root: &Path, config: &Config, options: LoadOptions) -> Result<Content, Diagnostics> {
    reload(root, config, options, &Content::default(), &BTreeSet::new())
}

/// Load again after the files or folders in `changed` (relative to the root) changed on
/// disk: pages of `previous` outside `changed` are reused without reading them. The
/// staffing file's rows (`config.staffing_table`) are applied to the briefs they name.
pub fn reload(
    root: &Path,
    config: &Config,
    options: LoadOptions,
    previous: &Content,
    changed: &BTreeSet<PathBuf>,
) -> Result<Content, Diagnostics> {
    let content = reload_pages(root, config, options, previous, changed)?;
    staffing::apply(content, config).map_err(|problems| Diagnostics(problems).sorted())
}

fn reload_pages(
    root: &Path,
    config: &Config,
    options: LoadOptions,
    previous: &Content,
    changed: &BTreeSet<PathBuf>,
) -> Result<Content, Diagnostics> {
    if edits_known_pages(root, previous, changed) {
        return reload_edited(root, config, options, previous, changed);
    }
    let mut problems = Diagnostics::default();
    let mut skipped = Vec::new();
    let files = find_pages(root, &mut problems, &mut skipped);
    // The first moment the site's size is known, before its pages are read.
    crate::memory::fit_pages_to(files.len());
    let (files, translations) = split_translations(root, files, config, options, &mut problems);
    let known: HashMap<&str, Known> = previous
        .roles
        .iter()
        .map(|r| (r.source.content_path.as_str(), Known::Role(r)))
        .chain(
            previous
                .guides
                .iter()
                .map(|g| (g.source.content_path.as_str(), Known::Guide(g))),
        )
        .collect();
    let is_changed = |relative: &Path| relative.ancestors().any(|a| changed.contains(a));
    let results: Vec<Result<Option<Page>, Vec<Diagnostic>>> = files
        .par_iter()
        .map(
            |(relative, content_path)| match known.get(content_path.as_str()) {
                Some(Known::Role(role)) if !is_changed(relative) => Ok(Some(reuse(role))),
                Some(Known::Guide(guide)) if !is_changed(relative) => {
                    Ok(Some(Page::Guide(Arc::clone(guide))))
                }
                _ => load_page(root, relative, content_path, config, options),
            },
        )
        .collect();
    let mut content = gather(results, &mut problems, config.limits.max_extends_depth);
    content.skipped = skipped;
    content.translations = translations;
    sort_pages(&mut content);
    problems.extend(check_slugs(&content));
    problems.extend(check_translations(root, &content, config));
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.sorted())
    }
}

/// Whether `changed` only edits pages `previous` already has: then the listing is the same
/// and the folder need not be walked again (a saving on big sites).
fn edits_known_pages(root: &Path, previous: &Content, changed: &BTreeSet<PathBuf>) -> bool {
    let sources = previous
        .roles
        .iter()
        .map(|r| &r.source)
        .chain(previous.guides.iter().map(|g| &g.source));
    !changed.is_empty()
        && changed.iter().all(|path| {
            // A page replaced by a symbolic link goes through the full walk, which skips it.
            path.extension().is_some_and(|e| e == "md")
                && std::fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.is_file())
                && sources.clone().any(|s| &s.file == path)
        })
}

/// `reload` when only known pages were edited: the others are reused in place and in
/// order, and addresses are checked again only if an edit moved a page.
fn reload_edited(
    root: &Path,
    config: &Config,
    options: LoadOptions,
    previous: &Content,
    changed: &BTreeSet<PathBuf>,
) -> Result<Content, Diagnostics> {
    let pages: Vec<Page> = previous
        .roles
        .iter()
        .map(reuse)
        .chain(previous.guides.iter().map(|g| Page::Guide(g.clone())))
        .collect();
    // A path compares component by component: 10,000 lookups in `changed` were a quarter of
    // a body edit's rebuild (and `Path::file_name` still a tenth). Only a page whose file
    // name is an edited one's is looked up.
    let changed_names: BTreeSet<&[u8]> = changed.iter().map(|f| file_name_bytes(f)).collect();
    let results: Vec<Result<Option<Page>, Vec<Diagnostic>>> = pages
        .into_par_iter()
        .map(|page| {
            let source = match &page {
                Page::Role(role) => &role.source,
                Page::Derived(derived) => &derived.source,
                Page::Guide(guide) => &guide.source,
            };
            let edited = changed_names.contains(file_name_bytes(&source.file))
                && changed.contains(&source.file);
            if edited {
                load_page(root, &source.file, &source.content_path, config, options)
            } else {
                Ok(Some(page))
            }
        })
        .collect();
    let mut problems = Diagnostics::default();
    let mut content = gather(results, &mut problems, config.limits.max_extends_depth);
    content.skipped = previous.skipped.clone();
    content.translations = previous.translations.clone();
    // Most edits keep every brief where it was: then the briefs need no sorting (a pass of
    // 10,000 slug comparisons per save). Derived briefs come back from resolving at the
    // end, so a site with any is sorted.
    let same_briefs = same_slugs(&content.roles, &previous.roles);
    if same_briefs {
        sort_guides(&mut content.guides);
    } else {
        sort_pages(&mut content);
    }
    let same_addresses = same_briefs
        && content.guides.len() == previous.guides.len()
        && content.guides.iter().zip(&previous.guides).all(|(a, b)| {
            (a.front.weight, a.title(), &a.path) == (b.front.weight, b.title(), &b.path)
        });
    if !same_addresses {
        problems.extend(check_slugs(&content));
        problems.extend(check_translations(root, &content, config));
    }
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.sorted())
    }
}

/// The bytes of `path` after its last separator.
fn file_name_bytes(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let start = bytes
        .iter()
        .rposition(|&b| std::path::is_separator(char::from(b)))
        .map_or(0, |separator| separator + 1);
    &bytes[start..]
}

/// A brief loaded before, as a page again.
fn reuse(role: &Arc<Role>) -> Page {
    match &role.written {
        // Its parent may have changed: resolve it again.
        Some(written) => Page::Derived(Derived {
            source: role.source.clone(),
            written: written.clone(),
            slug: role.slug.clone(),
            body_offset: role.body_offset,
        }),
        None => Page::Role(Arc::clone(role)),
    }
}

/// The loaded pages as content, and the problems of those that did not load; briefs that
/// extend another are resolved.
fn gather(
    results: Vec<Result<Option<Page>, Vec<Diagnostic>>>,
    problems: &mut Diagnostics,
    max_extends_depth: usize,
) -> Content {
    let mut content = Content::default();
    let mut derived = Vec::new();
    for result in results {
        match result {
            Ok(Some(Page::Role(role))) => content.roles.push(role),
            Ok(Some(Page::Derived(d))) => derived.push(d),
            Ok(Some(Page::Guide(guide))) => content.guides.push(guide),
            Ok(None) => {}
            Err(found) => problems.extend(found),
        }
    }
    // A parent that failed to parse is reported in its own file, not as missing.
    let report_missing = problems.is_empty();
    problems.extend(inherit::resolve_all(
        &mut content.roles,
        derived,
        report_missing,
        max_extends_depth,
    ));
    content
}

/// Briefs by slug, guides by weight, title and address.
fn sort_pages(content: &mut Content) {
    content.roles.sort_by(|a, b| a.slug.cmp(&b.slug));
    sort_guides(&mut content.guides);
}

fn sort_guides(guides: &mut [Arc<Guide>]) {
    guides.sort_by(|a, b| {
        (a.front.weight, a.title(), &a.path).cmp(&(b.front.weight, b.title(), &b.path))
    });
}

/// Whether `roles` are `previous`' briefs by slug, in the same order: a brief that was not
/// read again is the same value, so only the ones read again compare their slugs.
fn same_slugs(roles: &[Arc<Role>], previous: &[Arc<Role>]) -> bool {
    roles.len() == previous.len()
        && roles
            .iter()
            .zip(previous)
            .all(|(a, b)| Arc::ptr_eq(a, b) || a.slug == b.slug)
}

/// `files` without the translations among them (`head-of-ai.de.md`), which are read and
/// parsed here: a file named for a language site.yaml does not list is a problem.
fn split_translations(
    root: &Path,
    files: Vec<(PathBuf, String)>,
    config: &Config,
    options: LoadOptions,
    problems: &mut Diagnostics,
) -> (Vec<(PathBuf, String)>, Vec<Arc<translation::Translation>>) {
    use translation::Naming;
    if config.languages.is_empty() {
        return (files, Vec::new());
    }
    let (pages, others): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(_, path)| translation::naming(path, config) == Naming::Page);
    let results: Vec<Result<Option<translation::Translation>, Vec<Diagnostic>>> = others
        .par_iter()
        .map(|(relative, content_path)| {
            let bytes = read_page(&root.join(relative))
                .map_err(|message| vec![Diagnostic::new(relative, Position::START, message)])?;
            let source =
                SourceFile::decode(relative, content_path.clone(), bytes).map_err(|d| vec![d])?;
            match translation::naming(content_path, config) {
                Naming::Translation { lang, of } => {
                    translation::parse(source, lang, of, config, options.drafts)
                }
                Naming::Unlisted { code } => Err(vec![translation::unlisted(
                    relative,
                    &code,
                    config,
                    Some(source.text.clone()),
                )]),
                Naming::Page => Ok(None),
            }
        })
        .collect();
    let mut translations = Vec::new();
    for result in results {
        match result {
            Ok(Some(t)) => translations.push(Arc::new(t)),
            Ok(None) => {}
            Err(found) => problems.extend(found),
        }
    }
    (pages, translations)
}

/// Translations whose page does not exist, and pages in a language's folder.
fn check_translations(root: &Path, content: &Content, config: &Config) -> Vec<Diagnostic> {
    if config.languages.is_empty() {
        return Vec::new();
    }
    let content_dir = root.join(CONTENT_DIR);
    let mut problems = translation::orphans(content, |of| content_dir.join(of).is_file());
    problems.extend(translation::clashes(content, config));
    problems
}

/// Every `.md` file under `content/`, as (path from the root, path from `content/`).
/// Symbolic links and special files are not read; each adds a warning to `skipped`.
fn find_pages(
    root: &Path,
    problems: &mut Diagnostics,
    skipped: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        problems.push(
            Diagnostic::new(
                CONTENT_DIR,
                Position::START,
                "there is no `content/` folder",
            )
            .with_help(
                "a site keeps its briefs in content/roles/; `gen init DIR` makes a new site",
            ),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(&content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(&content_dir);
                let file = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                problems.push(Diagnostic::new(
                    file,
                    Position::START,
                    format!("cannot read: {}", io_reason(&error)),
                ));
                continue;
            }
        };
        let is_markdown = entry.path().extension().is_some_and(|e| e == "md");
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        let kind = entry.file_type();
        if kind.is_symlink() {
            skipped.push(skipped_link(root, relative));
            continue;
        }
        if kind.is_dir() || !is_markdown {
            continue;
        }
        if !kind.is_file() {
            skipped.push(skipped_file(
                relative,
                "skipped: not a regular file (a pipe, socket or device), so it is not read",
            ));
            continue;
        }
        let Ok(in_content) = entry.path().strip_prefix(&content_dir) else {
            continue;
        };
        let content_path = crate::diagnostic::display_path(in_content);
        files.push((relative.to_path_buf(), content_path));
    }
    files
}

fn skipped_file(relative: &Path, message: &str) -> Diagnostic {
    let mut warning = Diagnostic::new(relative, Position::START, message).with_help(
        "gen reads only regular files under content/; copy the file in instead of linking it",
    );
    warning.severity = crate::diagnostic::Severity::Warning;
    warning
}

/// A symbolic link under `content/` is never followed; the warning says where it leads.
fn skipped_link(root: &Path, relative: &Path) -> Diagnostic {
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let message = match std::fs::canonicalize(root.join(relative)) {
        Err(_) => "skipped: a symbolic link to nothing, or a link loop".to_string(),
        Ok(target) if !target.starts_with(&site) => {
            "skipped: a symbolic link that points outside the site; links are never followed"
                .to_string()
        }
        Ok(target) => format!(
            "skipped: a symbolic link (to {}); links are never followed",
            crate::diagnostic::display_path(target.strip_prefix(&site).unwrap_or(&target))
        ),
    };
    skipped_file(relative, &message)
}

/// Hidden files and editors' temporary files are not content.
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

fn io_reason(error: &walkdir::Error) -> String {
    if error.loop_ancestor().is_some() {
        return "a symbolic link loop".to_string();
    }
    match error.io_error() {
        Some(io) => io.to_string(),
        None => error.to_string(),
    }
}

/// A page bigger than this is a mistake (a pasted log or export), not a brief: it is refused
/// before it is read whole, so memory stays bounded.
pub const MAX_PAGE_BYTES: u64 = 4 * 1024 * 1024;

fn load_page(
    root: &Path,
    relative: &Path,
    content_path: &str,
    config: &Config,
    options: LoadOptions,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let bytes = read_page(&root.join(relative)).map_err(|message| {
        let mut problem = Diagnostic::new(relative, Position::START, message);
        if problem.message.contains("MiB") {
            problem = problem.with_help(
                "split the page, or move the data it holds out of content/ (a brief is a few pages of text)",
            );
        }
        vec![problem]
    })?;
    let source =
        SourceFile::decode(relative, content_path.to_string(), bytes).map_err(|d| vec![d])?;
    parse_page(source, config, options)
}

/// The bytes of a page, at most `MAX_PAGE_BYTES` of them.
pub(crate) fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(format!(
            "the file is {:.1} MB, more than the {} MiB a page may have",
            size as f64 / 1_000_000.0,
            MAX_PAGE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// The problems of one page read on its own (for the fuzz target): `parse_page` without
/// what it builds.
pub(crate) fn page_problems(
    source: SourceFile,
    config: &Config,
    options: LoadOptions,
) -> Vec<Diagnostic> {
    parse_page(source, config, options)
        .err()
        .unwrap_or_default()
}

/// A page's front matter and body, or where the front matter's fences are wrong.
fn split_front(source: &SourceFile) -> Result<front_matter::Split<'_>, Vec<Diagnostic>> {
    front_matter::split(&source.text).map_err(|e| {
        let mut d = source.diagnostic(e.position, e.message).with_help(e.help);
        d.code = Some(crate::yaml::Budget::FrontMatter.id());
        vec![d]
    })
}

/// A page from its text: no disk access, so every rule here is unit-testable.
/// `Ok(None)` is a draft left out.
fn parse_page(
    source: SourceFile,
    config: &Config,
    options: LoadOptions,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let split = split_front(&source)?;
    let body_offset = split.body_offset;
    if is_role_path(&source.content_path) {
        let front: WrittenFront =
            crate::yaml::parse(split.yaml, &source.file, &source.text).map_err(|d| vec![*d])?;
        if front.draft && !options.drafts {
            return Ok(None);
        }
        let mut problems = role::check(&front, config, &source);
        for problem in &mut problems {
            problem
                .code
                .get_or_insert(crate::yaml::Budget::FrontMatter.id());
        }
        let slug = role_slug(front.slug.as_ref(), &source).unwrap_or_else(|d| {
            problems.push(d);
            String::new()
        });
        if !problems.is_empty() {
            return Err(problems);
        }
        if front.extends.is_some() {
            return Ok(Some(Page::Derived(Derived {
                source,
                written: Arc::new(front),
                slug,
                body_offset,
            })));
        }
        let role = inherit::standalone(&front, &source, slug, body_offset)?;
        Ok(Some(Page::Role(Arc::new(role))))
    } else {
        let front: GuideFront =
            crate::yaml::parse(split.yaml, &source.file, &source.text).map_err(|d| vec![*d])?;
        if front.draft && !options.drafts {
            return Ok(None);
        }
        let path = guide_path(&front, &source).map_err(|d| vec![d])?;
        Ok(Some(Page::Guide(Arc::new(Guide {
            source,
            front,
            path,
            body_offset,
        }))))
    }
}

/// Briefs are the Markdown files directly in `content/roles/` and `content/plan/`; files in
/// folders below them are guides.
pub fn is_role_path(content_path: &str) -> bool {
    [ROLES_DIR, PLAN_DIR].iter().any(|dir| {
        content_path
            .strip_prefix(dir)
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|rest| !rest.contains('/'))
    })
}

fn file_stem(content_path: &str) -> &str {
    let name = content_path.rsplit('/').next().unwrap_or(content_path);
    name.strip_suffix(".md").unwrap_or(name)
}

fn role_slug(
    slug: Option<&crate::yaml::Spanned<String>>,
    source: &SourceFile,
) -> Result<String, Diagnostic> {
    let (slug, at, origin) = match slug {
        Some(s) => (s.value.as_str(), position(s.referenced), "slug"),
        None => (
            file_stem(&source.content_path),
            Position::START,
            "file name",
        ),
    };
    if crate::slug::is_valid_slug(slug) && slug.len() > crate::slug::MAX_SLUG_BYTES {
        return Err(source
            .diagnostic(
                at,
                format!(
                    "the {origin} `{}…` is {} characters long, too long for an address",
                    &slug[..24],
                    slug.len()
                ),
            )
            .with_help(format!(
                "shorten it to at most {} characters (a slug names the page's folder)",
                crate::slug::MAX_SLUG_BYTES
            )));
    }
    if crate::slug::is_valid_slug(slug) {
        return Ok(slug.to_string());
    }
    let suggestion = crate::slug::slugify(slug);
    Err(source
        .diagnostic(at, format!("the {origin} `{slug}` is not a valid slug"))
        .with_help(if suggestion.is_empty() {
            "use lowercase letters, digits and hyphens".to_string()
        } else {
            format!("use lowercase letters, digits and hyphens, e.g. `{suggestion}`")
        }))
}

fn guide_path(front: &GuideFront, source: &SourceFile) -> Result<String, Diagnostic> {
    let at = front
        .slug
        .as_ref()
        .map_or(Position::START, |s| position(s.referenced));
    let slug = front.slug.as_ref().map(|s| s.value.as_str());
    let segments = addresses::guide_segments(&source.content_path, slug);
    if let Some(bad) = segments.iter().find(|s| !crate::slug::is_valid_slug(s)) {
        let suggestion = crate::slug::slugify(bad);
        return Err(source
            .diagnostic(at, format!("`{bad}` cannot be part of a page address"))
            .with_help(format!(
                "rename it with lowercase letters, digits and hyphens{}",
                if suggestion.is_empty() {
                    String::new()
                } else {
                    format!(", e.g. `{suggestion}`")
                }
            )));
    }
    if let Some(first) = segments.first().filter(|s| RESERVED.contains(s)) {
        return Err(source
            .diagnostic(
                at,
                format!("`/{first}/` is a page gen makes; this page cannot live there"),
            )
            .with_help(
                "move the file to another folder (e.g. content/guides/) or give it another `slug:`",
            ));
    }
    if segments.is_empty() {
        return Err(source
            .diagnostic(at, "this page would replace the home page")
            .with_help(
                "the home page is generated; move this file into a folder such as content/guides/",
            ));
    }
    Ok(format!("{}/", segments.join("/")))
}

/// Two pages may not share an address.
fn check_slugs(content: &Content) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut by_path: BTreeMap<String, &SourceFile> = BTreeMap::new();
    let role_paths = content.roles.iter().map(|r| {
        (
            format!("{ROLES_DIR}/{}/", r.slug),
            &r.source,
            r.slug_position(),
        )
    });
    let guide_paths = content.guides.iter().map(|g| {
        let at = g
            .front
            .slug
            .as_ref()
            .map_or(Position::START, |s| position(s.referenced));
        (g.path.clone(), &g.source, at)
    });
    for (path, source, at) in role_paths.chain(guide_paths) {
        if let Some(first) = by_path.get(&path) {
            problems.push(
                source
                    .diagnostic(at, format!("duplicate address `/{path}`"))
                    .with_help(format!(
                        "{} has the same slug; give one of them a different `slug:`",
                        crate::diagnostic::display_path(&first.file)
                    )),
            );
        } else {
            by_path.insert(path, source);
        }
    }
    problems
}

/// Sites built in memory for unit tests of the rules that run on loaded content.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn config() -> Config {
        config_with("")
    }

    /// The repository's site.yaml without the worked plan's `budget`, with `extra` (top-level
    /// keys) added at its end.
    pub fn config_with(extra: &str) -> Config {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/site.yaml"))
            .expect("the repository's site.yaml");
        let mut in_budget = false;
        let mut kept = String::new();
        for line in text.split_inclusive('\n') {
            if !line.starts_with([' ', '#', '\n']) {
                in_budget = line.starts_with("budget:");
            }
            if !in_budget {
                kept.push_str(line);
            }
        }
        Config::parse(&format!("{kept}\n{extra}"), Path::new("site.yaml")).expect("valid site.yaml")
    }

    /// A brief with the given slug, archetype and `hire_after`, and every required key.
    pub fn brief(title: &str, archetype: &str, hire_after: &[&str]) -> String {
        format!(
            "---\ntitle: {title}\narchetype: {archetype}\nsummary: S.\noutcome: Cut cost by 10%.\ndecisions: [D]\nsuccess:\n  90d: [M]\nhire_after: [{}]\n---\n",
            hire_after.join(", ")
        )
    }

    /// A builder brief holding `primary` (comma-separated capability keys) at `status`: the
    /// team briefs of the staffing tests.
    pub fn staffed_brief(title: &str, primary: &str, status: &str) -> String {
        format!(
            "---\ntitle: {title}\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10%.\ndecisions: [D]\ncapabilities:\n  primary: [{primary}]\nsuccess:\n  90d: [M]\nstatus: {status}\n---\n"
        )
    }

    /// An archetype with every key, and a few lines to vary.
    pub fn archetype(slug: &str, extra: &str) -> (String, String) {
        (
            format!("roles/{slug}.md"),
            format!(
                "---
title: Head of AI
archetype: manager
summary: Runs delivery.
outcome: Ship two use cases by Q4.
decisions: [Which use cases ship]
owns_after_launch: [The roadmap]
capabilities:
  primary: [leadership, product]
  secondary: [architecture]
interfaces:
  product: With the CPO.
  data: With the data owner.
success:
  90d: [Plan written]
  6m: [One system live]
tools: [Python]
red_flags: [Talks only about demos]
tags: [leadership]
{extra}---
Body.
"
            ),
        )
    }

    pub fn derived(path: &str, title: &str, lines: &str) -> (String, String) {
        (
            path.to_string(),
            format!("---\ntitle: {title}\n{lines}---\nOwn body.\n"),
        )
    }

    /// Content from (path below content/, text) pairs, checked like `load` checks it.
    pub fn content(pages: &[(&str, String)]) -> Content {
        try_content(pages).unwrap_or_else(|problems| panic!("{problems:?}"))
    }

    /// Like `content`, with the problems instead of a panic.
    pub fn try_content(pages: &[(&str, String)]) -> Result<Content, Vec<Diagnostic>> {
        let config = config();
        let results = pages
            .iter()
            .map(|(path, text)| {
                let file = PathBuf::from(format!("content/{path}"));
                let source = SourceFile::decode(&file, path.to_string(), text.as_bytes().to_vec())
                    .expect("decodes");
                parse_page(source, &config, LoadOptions::default())
            })
            .collect();
        let mut problems = Diagnostics::default();
        let mut content = gather(results, &mut problems, config.limits.max_extends_depth);
        sort_pages(&mut content);
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(problems.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::config;
    use super::*;

    fn parse(content_path: &str, text: &str) -> Result<Option<Page>, Vec<Diagnostic>> {
        let file = PathBuf::from(format!("content/{content_path}"));
        let source = SourceFile::decode(&file, content_path.to_string(), text.as_bytes().to_vec())
            .map_err(|d| vec![d])?;
        parse_page(source, &config(), LoadOptions::default())
    }

    #[test]
    fn a_files_name_is_the_bytes_after_its_last_separator() {
        assert_eq!(
            file_name_bytes(Path::new("content/roles/caio.md")),
            b"caio.md"
        );
        assert_eq!(file_name_bytes(Path::new("caio.md")), b"caio.md");
        assert_eq!(
            file_name_bytes(Path::new("/abs/ré.de.md")),
            "ré.de.md".as_bytes()
        );
    }

    const BRIEF: &str = "---\ntitle: Data Engineer\narchetype: builder\nsummary: Builds pipelines.\noutcome: Cut data latency to 1 hour by Q4.\ndecisions: [Schema changes]\ncapabilities:\n  primary: [data-engineering]\nsuccess:\n  90d: [Pipeline in staging]\n---\nBody\n";

    fn messages(result: Result<Option<Page>, Vec<Diagnostic>>) -> Vec<String> {
        match result {
            Err(problems) => problems
                .iter()
                .map(|d| format!("{}:{} {}", d.position.line, d.position.column, d.message))
                .collect(),
            Ok(_) => vec![],
        }
    }

    #[test]
    fn a_brief_parses_with_its_slug_from_the_file_name() {
        let Ok(Some(Page::Role(role))) = parse("roles/data-engineer.md", BRIEF) else {
            panic!("expected a role");
        };
        assert_eq!(role.slug, "data-engineer");
        assert_eq!(role.body().expect("in memory"), "Body\n");
        let measures: Vec<&str> = role
            .front
            .success
            .value
            .days_90
            .iter()
            .flatten()
            .map(|m| m.value.as_str())
            .collect();
        assert_eq!(measures, ["Pipeline in staging"]);
    }

    #[test]
    fn a_reload_keeps_the_briefs_in_slug_order_whether_an_edit_moves_one_or_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let roles = dir.path().join("content/roles");
        std::fs::create_dir_all(&roles).expect("mkdir");
        for name in ["a", "b", "c"] {
            std::fs::write(roles.join(format!("{name}.md")), BRIEF).expect("write");
        }
        let first = load(dir.path(), &config(), LoadOptions::default()).expect("loads");
        let slugs = |content: &Content| -> Vec<String> {
            content.roles.iter().map(|r| r.slug.clone()).collect()
        };
        assert_eq!(slugs(&first), ["a", "b", "c"]);
        let edited = BTreeSet::from([PathBuf::from("content/roles/b.md")]);
        let reload_after = |text: &str, previous: &Content| {
            std::fs::write(roles.join("b.md"), text).expect("write");
            reload(
                dir.path(),
                &config(),
                LoadOptions::default(),
                previous,
                &edited,
            )
            .expect("reloads")
        };
        // An edit that keeps the slug: the other briefs are the same values, in place.
        let kept = reload_after(&BRIEF.replace("Body", "Another body"), &first);
        assert_eq!(slugs(&kept), ["a", "b", "c"]);
        assert!(Arc::ptr_eq(&kept.roles[0], &first.roles[0]));
        assert!(!Arc::ptr_eq(&kept.roles[1], &first.roles[1]));
        // An edit that gives it a slug sorting last moves it.
        let moved = reload_after(
            &BRIEF.replace("---\ntitle", "---\nslug: z-last\ntitle"),
            &kept,
        );
        assert_eq!(slugs(&moved), ["a", "c", "z-last"]);
        // And back to the first place.
        let back = reload_after(
            &BRIEF.replace("---\ntitle", "---\nslug: 0-first\ntitle"),
            &moved,
        );
        assert_eq!(slugs(&back), ["0-first", "a", "c"]);
    }

    #[test]
    fn a_briefs_tag_slugs_are_made_once_from_its_tags_as_written() {
        let text = BRIEF.replace(
            "---\nBody",
            "tags: [Claims Ops, LLM, claims ops]\n---\nBody",
        );
        let Ok(Some(Page::Role(role))) = parse("roles/data-engineer.md", &text) else {
            panic!("expected a role");
        };
        assert_eq!(role.tag_slugs(), ["claims-ops", "llm", "claims-ops"]);
        // Kept: the second call hands back the same slugs.
        assert!(std::ptr::eq(role.tag_slugs(), role.tag_slugs()));
    }

    #[test]
    fn pages_in_finds_the_pages_read_again_by_slug_by_walk_and_as_guides() {
        use super::testing::{brief, content};
        let site = content(&[
            ("roles/caio.md", brief("CAIO", "executive-operator", &[])),
            // A slug that is not the file's stem: found by the walk.
            (
                "roles/head.md",
                brief("Head of AI", "manager", &[]).replacen("---\n", "---\nslug: head-of-ai\n", 1),
            ),
            (
                "guides/intake.md",
                "---\ntitle: Intake\n---\nText\n".to_string(),
            ),
        ]);
        let found = |paths: &[&str]| -> Vec<String> {
            let only: BTreeSet<String> = paths.iter().map(|p| p.to_string()).collect();
            let mut found: Vec<String> = site
                .pages_in(Some(&only))
                .iter()
                .map(|(role, source, _)| format!("{} {}", source.content_path, role.is_some()))
                .collect();
            found.sort();
            found
        };
        assert_eq!(found(&["roles/caio.md"]), ["roles/caio.md true"]);
        assert_eq!(found(&["roles/head.md"]), ["roles/head.md true"]);
        assert_eq!(found(&["guides/intake.md"]), ["guides/intake.md false"]);
        assert_eq!(
            found(&["roles/gone.md", "roles/caio.de.md"]),
            Vec::<String>::new()
        );
        let all: Vec<&str> = site
            .pages_in(None)
            .iter()
            .map(|(_, source, _)| source.content_path.as_str())
            .collect();
        assert_eq!(all, ["roles/caio.md", "roles/head.md", "guides/intake.md"]);
    }

    #[test]
    fn files_outside_roles_are_guides() {
        let guide = "---\ntitle: Intake\nweight: 3\n---\nText\n";
        let Ok(Some(Page::Guide(g))) = parse("guides/intake.md", guide) else {
            panic!("expected a guide");
        };
        assert_eq!(g.path, "guides/intake/");
        let Ok(Some(Page::Guide(g))) = parse("roles/extra/notes.md", guide) else {
            panic!("nested files under roles/ are guides");
        };
        assert_eq!(g.path, "roles/extra/notes/");
    }

    #[test]
    fn brief_rules_table() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "archetype: builder",
                "archetype: bilder",
                "3:12 unknown archetype `bilder`",
            ),
            (
                "primary: [data-engineering]",
                "primary: [data-eng]",
                "8:13 unknown capability `data-eng`",
            ),
            (
                "decisions: [Schema changes]",
                "decisions: []",
                "6:12 `decisions` is empty: a brief must name at least one decision the role owns",
            ),
            (
                "summary: Builds pipelines.",
                "summary: \"\"",
                "4:10 `summary` is empty",
            ),
            (
                "  90d: [Pipeline in staging]",
                "  later: [x]",
                "10:3 unknown key `later`",
            ),
            (
                "title: Data Engineer",
                "title: Data Engineer\nslug: Data_Eng",
                "3:7 the slug `Data_Eng` is not a valid slug",
            ),
            (
                "decisions: [Schema changes]",
                "decisions: [Schema changes]\ninterfaces:\n  product: With the CPO.\n  finanse: With the CFO.",
                "9:3 unknown interface `finanse`",
            ),
        ];
        for (from, to, expected) in cases {
            let text = BRIEF.replacen(from, to, 1);
            let found = messages(parse("roles/data-engineer.md", &text));
            assert!(found.iter().any(|m| m == expected), "{to}: {found:?}");
        }
    }

    #[test]
    fn interfaces_are_checked_against_the_vocabulary_of_site_yaml() {
        let text = BRIEF.replacen(
            "decisions: [Schema changes]",
            "decisions: [Schema changes]\ninterfaces:\n  it: With IT.\n  finance: With the CFO.\n  finanse: x\n  IT: y",
            1,
        );
        let Err(problems) = parse("roles/data-engineer.md", &text) else {
            panic!("`finanse` is no interface");
        };
        let helps: Vec<&str> = problems.iter().filter_map(|p| p.help.as_deref()).collect();
        assert_eq!(
            helps,
            [
                "did you mean `finance`? (interface names are set in site.yaml)",
                "did you mean `it`? (interface names are set in site.yaml)"
            ],
            "optional interfaces are allowed"
        );
        let stated = BRIEF.replacen(
            "decisions: [Schema changes]",
            "decisions: [Schema changes]\ninterfaces:\n  legal: With the DPO.\n  it: With IT.",
            1,
        );
        let Ok(Some(Page::Role(role))) = parse("roles/data-engineer.md", &stated) else {
            panic!("valid interfaces");
        };
        let keys: Vec<&str> = role
            .front
            .interfaces
            .0
            .iter()
            .map(|i| i.key.value.as_str())
            .collect();
        assert_eq!(keys, ["legal", "it"], "in the order written");
        assert_eq!(role.front.interfaces.get("it"), Some("With IT."));
    }

    #[test]
    fn all_problems_of_one_brief_are_reported() {
        let text = BRIEF
            .replacen("archetype: builder", "archetype: bilder", 1)
            .replacen("decisions: [Schema changes]", "decisions: []", 1);
        assert_eq!(messages(parse("roles/data-engineer.md", &text)).len(), 2);
    }

    #[test]
    fn drafts_are_skipped_by_default() {
        let text = BRIEF.replacen(
            "title: Data Engineer",
            "title: Data Engineer\ndraft: true",
            1,
        );
        assert!(matches!(parse("roles/data-engineer.md", &text), Ok(None)));
    }

    #[test]
    fn guides_cannot_take_the_addresses_of_generated_pages() {
        for path in ["matrix.md", "tags/x.md", "health/index.md"] {
            let found = messages(parse(path, "---\ntitle: T\n---\n"));
            assert!(
                found[0].contains("is a page gen makes"),
                "{path}: {found:?}"
            );
        }
    }

    #[test]
    fn a_page_at_the_root_index_is_refused() {
        let found = messages(parse("index.md", "---\ntitle: Home\n---\n"));
        assert!(found[0].contains("replace the home page"), "{found:?}");
    }
}
