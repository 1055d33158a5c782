//! Rendering: the site's pages laid out through the templates, from views the playbook's
//! data is prepared into. It takes a selection of pages, so a rebuild lays out only what
//! changed; writing is `output`'s job.

pub mod brief_cache;
pub mod docx;
pub mod export;
pub mod i18n;
pub mod jobs;
pub mod kit_words;
pub mod labels;
pub mod languages;
pub mod listing;
pub mod pages;
pub mod plan_page;
pub mod plan_svg;
pub mod print;
pub mod relative;
pub mod site_views;
pub mod staffing_words;
pub mod svg;
pub mod templates;
pub mod theme;
pub mod views;
pub mod wording;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use tera::Context;

use crate::config::Config;
use crate::config::limits::Limits;
use crate::content::Content;
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::highlight::{self, Highlighter};
use crate::markdown::{self, Html, LinkIndex, MarkdownCache, RenderedMarkdown, link_index};
use templates::Templates;
use views::{Views, role_path};

use pages::page_paths;
pub use pages::{PageKey, ROLE_FILES, Shows, all_pages, split_taxonomies};

pub const STATIC_DIR: &str = "static";

/// A laid-out page: output path and bytes.
pub type RenderedPage = (String, Vec<u8>);

/// Why `Renderer::each` stopped.
#[derive(Debug)]
pub enum RenderFailure<E> {
    /// Pages that could not be laid out, each problem said once.
    Pages(Diagnostics),
    /// The first error `emit` returned.
    Emit(E),
}

impl Renderer<'_, '_> {
    /// `keys` laid out in parallel, all held in memory (in no particular order).
    pub fn pages(&self, keys: &[PageKey]) -> Result<Vec<RenderedPage>, Diagnostics> {
        let pages = std::sync::Mutex::new(Vec::with_capacity(keys.len()));
        let kept = self.each(keys, |rendered| {
            pages
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .extend(rendered);
            Ok::<(), std::convert::Infallible>(())
        });
        match kept {
            Ok(()) => Ok(pages
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)),
            Err(RenderFailure::Pages(problems)) => Err(problems),
            Err(RenderFailure::Emit(never)) => match never {},
        }
    }

    /// `keys` laid out in parallel, each key's pages handed to `emit` on the thread that
    /// laid them out, so a streamed build holds a page or two per thread and no core waits
    /// for another at a batch's end. Keys are taken one at a time from the front (the other
    /// core steals from the back), so put the long pages first.
    pub fn each<E: Send>(
        &self,
        keys: &[PageKey],
        emit: impl Fn(Vec<RenderedPage>) -> Result<(), E> + Sync,
    ) -> Result<(), RenderFailure<E>> {
        let problems = std::sync::Mutex::new(Vec::new());
        keys.par_iter()
            // One key per task: a big overview takes as long as a thousand role pages, and
            // a core left holding a run of keys would finish alone.
            .with_max_len(1)
            .try_for_each(|key| match self.render(key) {
                Ok(pages) => emit(pages),
                Err(d) => {
                    problems
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push(d);
                    Ok(())
                }
            })
            .map_err(RenderFailure::Emit)?;
        let problems = problems
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match once_each(problems) {
            None => Ok(()),
            Some(problems) => Err(RenderFailure::Pages(problems)),
        }
    }
}

/// Render problems sorted, each said once: one broken template fails every page that uses
/// it. `None` when there are none.
fn once_each(problems: Vec<Diagnostic>) -> Option<Diagnostics> {
    if problems.is_empty() {
        return None;
    }
    fn key(d: &Diagnostic) -> (&std::path::Path, crate::diagnostic::Position, &str) {
        (&d.file, d.position, &d.message)
    }
    let mut problems = problems;
    // By message too, so that duplicates sit together whatever order the threads found them.
    problems.sort_by(|a, b| key(a).cmp(&key(b)));
    problems.dedup_by(|a, b| key(a) == key(b));
    Some(Diagnostics(problems))
}

/// Lays out pages: the views, bodies, links and findings every page may show, and the
/// templates.
pub struct Renderer<'a, 'v> {
    views: &'a Views<'v>,
    templates: &'a Templates,
    cache: &'a MarkdownCache,
    links: &'a LinkIndex,
    findings: &'a [Diagnostic],
    highlighter: &'a Highlighter,
    /// The Markdown renderer's labels in the pages' language; none in English.
    labels: Option<labels::Labels>,
    /// What every page of a paged listing asks for, made once per render: each gathers
    /// every brief (100,000 briefs make 1,000 home pages and hundreds per archetype).
    listings: PagedListings<'v>,
}

#[derive(Default)]
struct PagedListings<'v> {
    home: std::sync::OnceLock<Vec<listing::Run<'v>>>,
    terms: std::sync::Mutex<
        std::collections::HashMap<(site_views::Taxonomy, String), Arc<PagedTerm<'v>>>,
    >,
}

/// A term and its runs of cards, sorted.
struct PagedTerm<'v> {
    data: site_views::TermData<'v>,
    runs: Vec<listing::Run<'v>>,
}

impl<'a, 'v> Renderer<'a, 'v> {
    /// Sets the templates' globals for these views, then lends them to every page.
    pub fn new(
        views: &'a Views<'v>,
        cache: &'a MarkdownCache,
        links: &'a LinkIndex,
        findings: &'a [Diagnostic],
        templates: &'a mut Templates,
        highlighter: &'a Highlighter,
    ) -> Self {
        set_globals(templates, views, findings);
        let templates: &'a Templates = templates;
        Renderer {
            views,
            templates,
            cache,
            links,
            findings,
            highlighter,
            labels: labels::Labels::for_language(&wording::Wording::new(
                templates.strings(),
                views.lang(),
            )),
            listings: PagedListings::default(),
        }
    }

    /// `Views::term_data` and its runs of cards, sorted, kept for the rest of the render.
    fn paged_term(&self, taxonomy: site_views::Taxonomy, key: &str) -> Option<Arc<PagedTerm<'v>>> {
        let terms = || {
            self.listings
                .terms
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(term) = terms().get(&(taxonomy, key.to_string())) {
            return Some(term.clone());
        }
        // Gathered outside the lock: the other core goes on with other terms meanwhile.
        let data = self.views.term_data(taxonomy, key)?;
        let runs = self.views.term_runs(&data);
        let term = Arc::new(PagedTerm { data, runs });
        terms().insert((taxonomy, key.to_string()), term.clone());
        Some(term)
    }

    fn html(&self) -> Html<'a> {
        Html {
            raw_html: self.views.config.markdown.raw_html,
            highlighter: self.highlighter,
            limits: self.views.config.limits,
        }
    }

    /// The theme's words in the pages' language, for the text made in Rust.
    fn wording(&self) -> wording::Wording<'_> {
        wording::Wording::new(self.templates.strings(), self.views.lang())
    }

    fn page(
        &self,
        path: String,
        template: &str,
        context: &Context,
    ) -> Result<RenderedPage, Diagnostic> {
        // The page's own address, for the navigation's `aria-current` (a context's values
        // are shared, so the copy is cheap).
        let mut context = context.clone();
        context.insert(
            "current_url",
            &self
                .views
                .url(path.strip_suffix("index.html").unwrap_or(&path)),
        );
        // The page in the site's other languages (none without `languages:`).
        let (switcher, alternates) = self.views.translations(&path);
        context.insert("translations", &switcher);
        context.insert("alternates", &alternates);
        let text = self.templates.render(template, &context).map_err(|d| *d)?;
        Ok(self.laid_out(path, text))
    }

    /// A page at `path` as it is written: with links relative to it when the site asks.
    fn laid_out(&self, path: String, text: String) -> RenderedPage {
        let text = match &self.labels {
            Some(labels) if path.ends_with(".html") => labels.rewrite(&text),
            _ => text,
        };
        let text = if self.views.config.relative_links && relative::is_relativized(&path) {
            // A language's page is `de/…` below the root, and links to the root's files too.
            let (root, tree) = self.views.tree_root();
            let prefix = relative::prefix_for(&format!("{tree}{path}"));
            relative::relativize(&text, root, &prefix)
        } else {
            text
        };
        (path, text.into_bytes())
    }

    /// A page whose template shows one value. The value is taken, and let go once it is a
    /// template value: the plan page of 10,000 briefs is tens of megabytes in each form.
    fn one(
        &self,
        path: String,
        template: &str,
        key: &'static str,
        value: impl serde::Serialize,
    ) -> Result<Vec<RenderedPage>, Diagnostic> {
        let mut context = Context::new();
        context.insert(key, &value);
        drop(value);
        Ok(vec![self.page(path, template, &context)?])
    }

    fn render(&self, key: &PageKey) -> Result<Vec<RenderedPage>, Diagnostic> {
        let views = self.views;
        let content = views.content;
        // A body whose HTML is not cached (a streamed build) is rendered here and dropped
        // with the page.
        let body = |source: &SourceFile, text: &str| -> Arc<RenderedMarkdown> {
            match self.cache.get(&source.content_path) {
                Some(md) if md.has_html => md.clone(),
                _ => Arc::new(markdown::render(
                    text,
                    &source.content_path,
                    self.links,
                    self.html(),
                )),
            }
        };
        match key {
            PageKey::Home => self.home(None),
            PageKey::HomePage(number) => self.home(Some(*number)),
            PageKey::Print => {
                if !site_views::has_print_page(content) {
                    return Ok(Vec::new());
                }
                let html = print::render(views, self.links, self.templates, self.html(), None)
                    .map_err(|d| *d)?;
                let path = format!("{}index.html", site_views::PRINT_PATH);
                Ok(vec![self.laid_out(path, html)])
            }
            PageKey::NotFound => self.one("404.html".into(), "404.html", "path", "404.html"),
            PageKey::Health => {
                let mut context = Context::new();
                context.insert(
                    "findings",
                    &views.health(self.findings, views::HEALTH_FILES_SHOWN),
                );
                context.insert("waivers", &views.waivers(self.findings));
                context.insert("readiness", &views.readiness(&self.wording()));
                context.insert("translations_missing", &views.missing_translations());
                Ok(vec![self.page(
                    format!("{}index.html", views::HEALTH_PATH),
                    "health.html",
                    &context,
                )?])
            }
            PageKey::Matrix => self.one(
                format!("{}index.html", site_views::MATRIX_PATH),
                "matrix.html",
                "matrix",
                views.matrix(&self.wording()),
            ),
            PageKey::Plan => self.one(
                format!("{}index.html", plan_page::PLAN_PATH),
                "plan.html",
                "plan",
                views.plan_page(self.findings, &self.wording()),
            ),
            PageKey::PlanData => {
                // The plan is worked out once for both files.
                let plan = views.team_plan();
                Ok(vec![
                    (plan_page::PLAN_CSV.to_string(), views.plan_csv(&plan)),
                    (
                        plan_page::PLAN_JSON.to_string(),
                        views.plan_json(&plan).into_bytes(),
                    ),
                ])
            }
            PageKey::Sequence => self.one(
                format!("{}index.html", site_views::SEQUENCE_PATH),
                "sequence.html",
                "sequence",
                views.sequence(&self.wording()),
            ),
            PageKey::Taxonomy(taxonomy) => {
                let (index, terms) = views.taxonomy(*taxonomy);
                let mut pages = self.one(
                    format!("{}index.html", taxonomy.path()),
                    "taxonomies.html",
                    "taxonomy",
                    &index,
                )?;
                for term in terms {
                    let runs = views.term_runs(&term);
                    pages.extend(self.term(*taxonomy, &term, &runs, None)?);
                }
                Ok(pages)
            }
            PageKey::TaxonomyIndex(taxonomy) => self.one(
                format!("{}index.html", taxonomy.path()),
                "taxonomies.html",
                "taxonomy",
                views.taxonomy_index(*taxonomy),
            ),
            PageKey::Term(taxonomy, key) => match views.term_data(*taxonomy, key) {
                Some(term) => self.term(*taxonomy, &term, &views.term_runs(&term), None),
                None => Ok(Vec::new()),
            },
            PageKey::TermPage(taxonomy, key, number) => match self.paged_term(*taxonomy, key) {
                Some(term) => self.term(*taxonomy, &term.data, &term.runs, Some(*number)),
                None => Ok(Vec::new()),
            },
            PageKey::Data => Ok(vec![(
                site_views::ROLES_JSON.to_string(),
                views.roles_json().into_bytes(),
            )]),
            PageKey::Jobs => Ok(views.jobs_files()),
            PageKey::Sitemap => {
                // A sitemap's addresses are absolute (sitemaps.org): without a host in
                // `base_url` there is none, and the build says so (`engine::site`).
                let has_sitemap = crate::config::address::names_host(&views.base_url);
                let mut files = Vec::new();
                if has_sitemap {
                    let mut context = Context::new();
                    match views.languages() {
                        // Every language's pages, each with its versions (`xhtml:link`).
                        Some(map) => {
                            let (urls, alternates) = languages::sitemap(map);
                            context.insert("urls", &urls);
                            context.insert("url_alternates", &alternates);
                        }
                        None => {
                            let paths: Vec<String> = all_pages(content)
                                .iter()
                                .flat_map(|k| page_paths(views, k))
                                .collect();
                            context.insert("urls", &views.sitemap_urls(&paths));
                            context
                                .insert("url_alternates", &Vec::<Vec<languages::Alternate>>::new());
                        }
                    }
                    files.push(self.page("sitemap.xml".into(), "sitemap.xml", &context)?);
                }
                if views.config.robots_txt {
                    let mut robots = "User-agent: *\nAllow: /\n".to_string();
                    if has_sitemap {
                        robots += &format!("Sitemap: {}\n", views.permalink("sitemap.xml"));
                    }
                    files.push(("robots.txt".to_string(), robots.into_bytes()));
                }
                Ok(files)
            }
            PageKey::SearchIndex => Ok(vec![(
                site_views::SEARCH_INDEX.to_string(),
                views
                    .search_index(self.cache, views.config.relative_links)
                    .into_bytes(),
            )]),
            PageKey::Role(slug) => {
                let Some(role) = content.role(slug) else {
                    return Ok(Vec::new());
                };
                let mut brief_context = Context::new();
                brief_context.insert("role", &views.role_data(role));
                brief_context.insert("interfaces", &views.interfaces(&role.front.interfaces));
                // A post's templates see the post alone: no theme can show an internal field
                // in it.
                let words = self.templates.strings().posting_words(views.lang());
                let posting = views.posting(role, &words);
                // Made into a template value once: the post's files and the brief's page
                // both show it.
                let posting_value = tera::Value::from_serializable(&posting);
                let mut posting_context = Context::new();
                posting_context.insert_value("posting", posting_value.clone());
                let mut kit_context = Context::new();
                let wording = self.wording();
                kit_context.insert("kit", &views.kit(role, &posting.posting, &wording));
                let mut files = Vec::with_capacity(ROLE_FILES.len() + 1);
                for file in ROLE_FILES {
                    let path = pages::role_file_path(slug, file.suffix);
                    let context = match file.made_from {
                        pages::MadeFrom::Brief => &brief_context,
                        pages::MadeFrom::Posting => &posting_context,
                        pages::MadeFrom::Kit => &kit_context,
                    };
                    files.push(self.page(path, file.template, context)?);
                }
                // The post as a Word document, from the same `Posting`, for the briefs
                // site.yaml's `posting_docx` names.
                let with_docx = docx::writes_posting(views.config.posting_docx, role);
                if with_docx {
                    let docx = docx::posting(&posting.posting, &posting.sections, &words).map_err(
                        |e| {
                            Diagnostic::new(
                                &role.source.file,
                                crate::diagnostic::Position::START,
                                format!("cannot write {slug}.{}: {e}", pages::POSTING_DOCX),
                            )
                        },
                    )?;
                    files.push((pages::role_file_path(slug, pages::POSTING_DOCX), docx));
                }
                let text_of = |suffix: &str| {
                    let path = pages::role_file_path(slug, suffix);
                    files
                        .iter()
                        .find(|(p, _)| *p == path)
                        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
                        .unwrap_or_default()
                };
                let link = |suffix| views.role_file(role, suffix);
                let brief = views::BriefView {
                    markdown: text_of("brief.md"),
                    text: text_of("brief.txt"),
                    markdown_url: link("brief.md").url,
                    text_url: link("brief.txt").url,
                    posting_text: text_of("posting.txt"),
                    posting_html: views::article_of(&text_of("posting.html")).to_string(),
                    brief_files: ROLE_FILES[..2].iter().map(|f| link(f.suffix)).collect(),
                    posting_files: ROLE_FILES[2..]
                        .iter()
                        .filter(|f| f.made_from == pages::MadeFrom::Posting)
                        .map(|f| f.suffix)
                        .chain(with_docx.then_some(pages::POSTING_DOCX))
                        .map(link)
                        .collect(),
                    kit: link("kit.html"),
                };
                let md = body(&role.source, &role.body()?);
                let mut page = Context::new();
                page.insert("role", &views.role(role, &md.html, &md.toc));
                page.insert("brief", &brief);
                page.insert_value("posting", posting_value);
                let html =
                    self.page(format!("{}index.html", role_path(slug)), "role.html", &page)?;
                files.insert(0, html);
                Ok(files)
            }
            PageKey::Guide(content_path) => {
                let Some(guide) = content
                    .guides
                    .iter()
                    .find(|g| &g.source.content_path == content_path)
                else {
                    return Ok(Vec::new());
                };
                let md = body(&guide.source, &guide.body()?);
                self.one(
                    format!("{}index.html", guide.path),
                    "page.html",
                    "page",
                    views.guide(guide, &md.html, &md.toc),
                )
            }
        }
    }
}

impl<'v> Renderer<'_, 'v> {
    /// The home listing's pages (only page `number` when given: nothing past the last), with
    /// `page/1/`'s redirect beside page 1 when there are more.
    fn home(&self, number: Option<usize>) -> Result<Vec<RenderedPage>, Diagnostic> {
        let views = self.views;
        let runs = self.listings.home.get_or_init(|| views.home_runs());
        let numbers = match number {
            Some(n) => n..=n,
            // From the runs just gathered, not gathered again.
            None => 1..=views.pages_of(runs),
        };
        let mut pages = Vec::new();
        for n in numbers {
            let Some(page) = views.home_page(runs, n, &self.wording()) else {
                break;
            };
            let mut context = Context::new();
            context.insert("groups", &page.groups);
            context.insert("plan", &page.plan);
            context.insert("paginator", &page.paginator);
            let path = format!("{}index.html", listing::page_path("", n));
            pages.push(self.page(path, "index.html", &context)?);
            if n == 1 && page.paginator.is_some() {
                let (path, html) = listing::redirect(views, "");
                pages.push(self.laid_out(path, html));
            }
        }
        Ok(pages)
    }

    /// The pages of a term's listing (only page `number` when given), with `page/1/`'s
    /// redirect beside page 1 when there are more.
    fn term(
        &self,
        taxonomy: site_views::Taxonomy,
        term: &site_views::TermData<'v>,
        runs: &[listing::Run<'v>],
        number: Option<usize>,
    ) -> Result<Vec<RenderedPage>, Diagnostic> {
        let mut pages = Vec::new();
        for (folder, page) in self.views.term_pages(taxonomy, term, runs, number) {
            let mut context = Context::new();
            context.insert("term", &page.term);
            context.insert("paginator", &page.paginator);
            pages.push(self.page(format!("{folder}index.html"), "taxonomy.html", &context)?);
            if page.paginator.as_ref().is_some_and(|p| p.number == 1) {
                let (path, html) = listing::redirect(self.views, &taxonomy.term_path(&term.key));
                pages.push(self.laid_out(path, html));
            }
        }
        Ok(pages)
    }
}

/// The values every template sees: the site, and the count of `findings` for the health
/// link.
fn set_globals(templates: &mut Templates, views: &Views, findings: &[Diagnostic]) {
    templates.set_globals("site", &views.site());
    // The tree's language: site.yaml's `language`, or a translation tree's own.
    templates.set_globals("lang", &views.lang());
    templates.set_globals("health", &views.health_summary(findings));
}

/// `gen build --single-page`: the whole playbook as one standalone HTML document, with the
/// theme's stylesheets inlined and no script.
pub fn single_page(
    config: &Config,
    content: &Content,
    templates: &mut Templates,
    statics: &BTreeMap<String, Vec<u8>>,
    highlighter: &Highlighter,
) -> Result<String, Diagnostics> {
    let views = Views::new(config, content);
    let links = link_index(config, content);
    set_globals(templates, &views, &[]);
    let css: String = ["style.css", highlight::STYLESHEET_PATH]
        .iter()
        .filter_map(|name| statics.get(*name))
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
        // Inline CSS must not close its own element.
        .replace("</style", "<\\/style");
    let html = Html {
        raw_html: config.markdown.raw_html,
        highlighter,
        limits: config.limits,
    };
    let page = print::render(&views, &links, templates, html, Some(&css))
        .map_err(|d| Diagnostics(vec![*d]))?;
    let words = wording::Wording::new(templates.strings(), views.lang());
    Ok(match labels::Labels::for_language(&words) {
        Some(labels) => labels.rewrite(&page),
        None => page,
    })
}

/// `brand.logo` must be one of the static files the site publishes (`static/`, or the
/// theme's): a logo that is not there would be a broken image and favicon on every page.
pub fn check_logo(config: &Config, statics: &BTreeMap<String, Vec<u8>>) -> Result<(), Diagnostics> {
    let Some(brand) = config.brand.as_ref() else {
        return Ok(());
    };
    let (Some(logo), Some(name)) = (brand.logo.as_ref(), brand.logo_file()) else {
        return Ok(());
    };
    if statics.contains_key(name) {
        return Ok(());
    }
    let images = statics
        .keys()
        .map(String::as_str)
        .filter(|f| crate::config::brand::image_type(f).is_some());
    let help = match crate::diagnostic::did_you_mean(name, images) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("put the image at static/{name}, or write the path of one that is there"),
    };
    Err(Diagnostics(vec![
        Diagnostic::new(
            crate::config::CONFIG_FILE,
            crate::yaml::position(logo.referenced),
            format!(
                "`brand.logo` is `{}`, and static/ has no such file",
                logo.value
            ),
        )
        .with_help(help)
        .with_source(config.source.clone().unwrap_or_default()),
    ]))
}

/// Files copied as they are: the generated highlighting stylesheet, the theme's static files,
/// then the site's own `static/` (which win by path). Each file, and all of them together,
/// must be within `limits` (a 2 GiB file would be copied, and held in memory by `serve`).
pub fn static_files(
    root: &std::path::Path,
    theme: &crate::render::theme::Theme,
    limits: &Limits,
) -> Result<BTreeMap<String, Vec<u8>>, Diagnostics> {
    use crate::config::limits::human_size;
    use crate::render::theme::FilesProblem;
    let mut files = BTreeMap::new();
    files.insert(
        highlight::STYLESHEET_PATH.to_string(),
        highlight::stylesheet().into_bytes(),
    );
    let site = crate::render::theme::Theme::Folder(root.to_path_buf());
    let refuse = |file: &std::path::Path, message: String, help: &str| {
        Diagnostics(vec![
            Diagnostic::new(file, crate::diagnostic::Position::START, message).with_help(help),
        ])
    };
    let mut total = 0u64;
    for source in [theme, &site] {
        let found = source
            .files_up_to(root, STATIC_DIR, limits.max_static_file_bytes())
            .map_err(|problem| match problem {
                FilesProblem::Io(error) => refuse(
                    std::path::Path::new(STATIC_DIR),
                    format!("cannot read static files: {error}"),
                    "check the folder's permissions",
                ),
                FilesProblem::TooBig { shown_as, bytes } => refuse(
                    &shown_as,
                    format!(
                        "{} is {bytes} bytes ({}), more than the {} MiB a static file may be",
                        crate::diagnostic::display_path(&shown_as),
                        human_size(bytes),
                        limits.max_static_file_mib
                    ),
                    "static files are copied whole, and `gen serve` holds them in memory; publish a file this big elsewhere and link to it, or raise `limits.max_static_file_mib` in site.yaml",
                ),
            })?;
        for file in found {
            total += file.bytes.len() as u64;
            if total > limits.max_static_total_bytes() {
                return Err(refuse(
                    &file.shown_as,
                    format!(
                        "the static files pass {} MiB together at {}, the limit for all of them",
                        limits.max_static_total_mib,
                        crate::diagnostic::display_path(&file.shown_as)
                    ),
                    "publish big files elsewhere and link to them, or raise `limits.max_static_total_mib` in site.yaml",
                ));
            }
            files.insert(file.name, file.bytes.into_owned());
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};
    use std::sync::Mutex;

    fn briefs() -> Content {
        content(&[
            ("roles/lead.md", brief("Lead", "manager", &[])),
            ("roles/eng.md", brief("Engineer", "builder", &["lead"])),
            ("roles/ops.md", brief("Operator", "builder", &["lead"])),
        ])
    }

    /// The built-in theme, with the site's own `templates/` files on top.
    fn templates(site: &[(&str, &str)]) -> Templates {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in site {
            let path = dir.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        Templates::load(dir.path(), &crate::render::theme::Theme::BuiltIn).expect("templates load")
    }

    fn stream(
        content: &Content,
        templates: &mut Templates,
    ) -> Result<Vec<RenderedPage>, RenderFailure<()>> {
        let config = config();
        let views = Views::new(&config, content);
        let links = link_index(&config, content);
        let keys = split_taxonomies(&views, all_pages(content));
        let pages = Mutex::new(Vec::new());
        let cache = MarkdownCache::new();
        Renderer::new(&views, &cache, &links, &[], templates, &Highlighter::new()).each(
            &keys,
            |rendered| {
                pages.lock().expect("lock").extend(rendered);
                Ok(())
            },
        )?;
        let mut pages = pages.into_inner().expect("lock");
        pages.sort();
        Ok(pages)
    }

    #[test]
    fn streamed_pages_are_the_pages_of_a_render_in_memory() {
        let content = briefs();
        let config = config();
        let mut templates = templates(&[]);
        let streamed = stream(&content, &mut templates).expect("renders");
        let views = Views::new(&config, &content);
        let links = link_index(&config, &content);
        let cache = MarkdownCache::new();
        let mut whole = Renderer::new(
            &views,
            &cache,
            &links,
            &[],
            &mut templates,
            &Highlighter::new(),
        )
        .pages(&all_pages(&content))
        .expect("renders");
        whole.sort();
        assert!(whole.iter().any(|(path, _)| path == "roles/eng/index.html"));
        assert_eq!(streamed, whole);
    }

    #[test]
    fn a_broken_template_is_said_once_however_many_pages_use_it() {
        let mut templates = templates(&[("role.html", "<p>\n{{ nope }}</p>\n")]);
        let Err(RenderFailure::Pages(problems)) = stream(&briefs(), &mut templates) else {
            panic!("three role pages use the broken template");
        };
        assert_eq!(problems.0.len(), 1, "{problems:?}");
        assert_eq!(
            problems.0[0].file,
            std::path::Path::new("templates/role.html")
        );
        assert_eq!(problems.0[0].position.line, 2);
    }

    #[test]
    fn the_first_error_of_emit_stops_the_render() {
        let config = config();
        let content = briefs();
        let views = Views::new(&config, &content);
        let links = link_index(&config, &content);
        let emitted = std::sync::atomic::AtomicUsize::new(0);
        let cache = MarkdownCache::new();
        let mut templates = templates(&[]);
        let highlighter = Highlighter::new();
        let renderer = Renderer::new(&views, &cache, &links, &[], &mut templates, &highlighter);
        let result = renderer.each(&all_pages(&content), |_| {
            emitted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Err("disk full")
        });
        assert!(matches!(result, Err(RenderFailure::Emit("disk full"))));
        let keys = all_pages(&content).len();
        assert!(emitted.into_inner() <= rayon::current_num_threads().min(keys - 1));
    }
}
