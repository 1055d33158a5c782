//! A build that remembers what it made: the loaded content, rendered bodies, templates and
//! output files, so that a rebuild after an edit redoes only what the edit touches. A failed
//! rebuild changes nothing: the last good site stays, and the edit is retried with the next.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content::role::Role;
use crate::content::{self, Content};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::engine::journal::Journal;
use crate::engine::kept_findings::{
    self, FindingsUndo, FreshFindings, LintFindings, Part, same_findings,
};
use crate::engine::languages;
use crate::engine::plan::{self, ChangeSet, Plan, Selection};
use crate::engine::site::{LoadOptions, Site};
use crate::error::Error;
use crate::markdown::LinkIndex;
use crate::markdown::highlight::{self, Highlighter};
use crate::markdown::{self, Html, MarkdownCache};
use crate::output::{Memory, Sink, SiteFiles, Staging};
use crate::playbook::lints;
use crate::render::brief_cache::BriefCaches;
use crate::render::templates::Templates;
use crate::render::theme::Theme;
use crate::render::{self, PageKey, Shows};
use rayon::prelude::*;

/// Pages laid out between two updates of the progress bar.
const PROGRESS_EVERY: usize = 64;

pub struct Build {
    pub root: PathBuf,
    options: LoadOptions,
    pub config: Config,
    pub content: Content,
    templates: Templates,
    markdown: MarkdownCache,
    statics: BTreeMap<String, Vec<u8>>,
    /// The whole site as it would be written.
    pub files: SiteFiles,
    /// What the health page shows: lint findings below the deny level (warnings) and the
    /// findings briefs waived (`Diagnostic::waived`), in file order.
    pub findings: Arc<Vec<Diagnostic>>,
    /// Edits seen since the last good build (kept when a rebuild fails).
    pending: ChangeSet,
    /// How long each stage of the last render took.
    pub stages: Stages,
    /// Every page's address by source path, kept while no page is added or moved.
    links: Option<Arc<LinkIndex>>,
    /// Files written to the sink.
    pub pages_written: usize,
    /// Every finding of the last render, kept so a rebuild runs only the lints its edits
    /// can change.
    lint_findings: Option<LintFindings>,
    /// What the views make from each brief (its `roles.json` entry, its card), reused
    /// while the brief is unchanged.
    caches: BriefCaches,
    /// Told (pages done, pages in all) as a streamed build goes, every `PROGRESS_EVERY` pages.
    progress: Option<Progress>,
    /// Highlights code blocks, remembering them across rebuilds.
    highlighter: Arc<Highlighter>,
    /// When each page last changed in git, read once when the build starts.
    history: Arc<crate::content::history::History>,
    /// On a site with languages, the pages of every tree at the last render: when they
    /// change, every page's switcher and alternates may, so everything is laid out again.
    languages: Option<crate::render::languages::LanguageMap>,
    /// Pages the language trees had at the last render.
    language_pages: usize,
}

/// A callback for build progress: (pages done, pages in all).
pub type Progress = Box<dyn FnMut(usize, usize) + Send + Sync>;

/// Stage timings, for `gen build --timings`.
#[derive(Debug, Clone)]
pub struct Stages {
    last: Instant,
    pub laps: Vec<(&'static str, Duration)>,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }
}

impl Stages {
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }
}

/// What a rebuild did.
#[derive(Debug, Clone, Default)]
pub struct Rebuild {
    /// Output files whose bytes changed or that are new.
    pub changed: SiteFiles,
    /// Output files that no longer exist.
    pub removed: Vec<String>,
    /// Pages laid out again.
    pub pages_rendered: usize,
    pub full: bool,
    pub elapsed: Duration,
    /// Time spent in each stage, for `--timings`.
    pub stages: Vec<(&'static str, Duration)>,
}

impl Build {
    /// A full build of the site at `root`, kept in memory.
    pub fn new(
        root: &Path,
        options: &LoadOptions,
        highlighter: Arc<Highlighter>,
    ) -> Result<Build, Error> {
        let mut build = Build::prepare(root, options, highlighter)?;
        let content = build.content.clone();
        build.render(content, Plan::everything(), &Memory::default())?;
        Ok(build)
    }

    /// A full build written straight into `staging` as pages are rendered, holding none of
    /// them: what `gen build` uses, so memory does not grow with the site's output.
    pub fn stream(
        root: &Path,
        options: &LoadOptions,
        staging: &Staging,
        progress: Option<Progress>,
        highlighter: Arc<Highlighter>,
    ) -> Result<Build, Error> {
        let mut build = Build::prepare(root, options, highlighter)?;
        build.progress = progress;
        // Taken, not shared, and its bodies let go at once: each stage that reads a body
        // (the headings and links, the body lints, the page) reads it again from its file.
        // At 100,000 briefs the bodies are some 600 MB held through the lints.
        let mut content = std::mem::take(&mut build.content);
        content.let_bodies_go(root);
        build.render(content, Plan::everything(), staging)?;
        Ok(build)
    }

    /// Load everything a render needs.
    fn prepare(
        root: &Path,
        options: &LoadOptions,
        highlighter: Arc<Highlighter>,
    ) -> Result<Build, Error> {
        let mut clock = Stages::default();
        // git reads the history while the pages load (it waits on the disk, not the CPU).
        let history = {
            let root = root.to_path_buf();
            std::thread::spawn(move || crate::content::history::History::of(&root))
        };
        let site = Site::load(root, options)?;
        clock.lap("load and parse");
        let theme = Theme::resolve(root, &site.config.theme).ok_or_else(|| site.theme_missing())?;
        let templates = Templates::load(root, &theme)?;
        templates
            .strings()
            .check_language(&site.config)
            .map_err(|d| *d)?;
        let statics = render::static_files(root, &theme, &site.config.limits)?;
        render::check_logo(&site.config, &statics)?;
        let history = Arc::new(history.join().unwrap_or_default());
        clock.lap("templates and static files");
        let build = Build {
            root: root.to_path_buf(),
            options: options.clone(),
            config: site.config,
            content: site.content,
            templates,
            markdown: MarkdownCache::new(),
            statics,
            files: SiteFiles::new(),
            findings: Arc::default(),
            pending: ChangeSet::default(),
            stages: clock,
            pages_written: 0,
            links: None,
            lint_findings: None,
            caches: BriefCaches::default(),
            progress: None,
            highlighter,
            history,
            languages: None,
            language_pages: 0,
        };
        Ok(build)
    }

    /// Pages in the site, every language's.
    pub fn page_count(&self) -> usize {
        render::all_pages(&self.content).len() + self.language_pages
    }

    /// Follow `changes` on disk. On failure nothing changes and the edits are kept, to be
    /// retried with the next ones.
    pub fn rebuild(&mut self, changes: ChangeSet) -> Result<Rebuild, Error> {
        let started = Instant::now();
        self.stages = Stages::default();
        self.pending.merge(changes);
        let result = if self.pending.full {
            self.rebuild_fully()
        } else {
            self.rebuild_incrementally()
        };
        let mut rebuild = result?;
        self.pending = ChangeSet::default();
        rebuild.elapsed = started.elapsed();
        rebuild.stages = self.stages.laps.clone();
        Ok(rebuild)
    }

    fn rebuild_fully(&mut self) -> Result<Rebuild, Error> {
        let fresh = Build::new(&self.root, &self.options, self.highlighter.clone())?;
        let mut rebuild = diff(&self.files, &fresh.files);
        rebuild.pages_rendered = fresh.page_count();
        rebuild.full = true;
        *self = fresh;
        Ok(rebuild)
    }

    fn rebuild_incrementally(&mut self) -> Result<Rebuild, Error> {
        let theme = Theme::resolve(&self.root, &self.config.theme).ok_or_else(|| {
            Error::usage(format!("theme `{}` not found", self.config.theme), None)
        })?;
        let mut plan = Plan::default();
        let mut templates = None;
        if !self.pending.templates.is_empty() {
            let fresh = Templates::load(&self.root, &theme)?;
            fresh
                .strings()
                .check_language(&self.config)
                .map_err(|d| *d)?;
            let changed = fresh.changed_since(&self.templates);
            let layouts: Vec<&str> = PageKey::layouts().into_iter().collect();
            let pages = fresh.dependents(&changed, &layouts);
            plan.pages.union(plan::pages_using(&pages, &self.content));
            templates = Some(fresh);
        }
        let mut statics = None;
        if !self.pending.statics.is_empty() {
            let fresh = render::static_files(&self.root, &theme, &self.config.limits)?;
            render::check_logo(&self.config, &fresh)?;
            statics = Some(fresh);
        }
        let content = if self.pending.content.is_empty() {
            self.content.clone()
        } else {
            content::reload(
                &self.root,
                &self.config,
                content::LoadOptions {
                    drafts: self.options.drafts,
                },
                &self.content,
                &self.pending.content,
            )?
        };
        let content_plan = plan::plan_content(&self.config, &self.content, &content);
        self.stages.lap("load and parse");
        if content_plan.pages == Selection::All && content_plan.markdown == Selection::All {
            // Pages were added, removed or moved: the same full render as a clean build.
            plan = Plan::everything();
        } else {
            plan.union(content_plan);
        }
        // Commit only once everything rendered: swap in the new pieces, and put the old ones
        // back if rendering fails.
        let old_templates = templates.map(|t| std::mem::replace(&mut self.templates, t));
        let old_statics = statics.map(|s| std::mem::replace(&mut self.statics, s));
        match self.render(content, plan, &Memory::default()) {
            Ok(rebuild) => Ok(rebuild),
            Err(error) => {
                if let Some(t) = old_templates {
                    self.templates = t;
                }
                if let Some(s) = old_statics {
                    self.statics = s;
                }
                Err(error)
            }
        }
    }

    /// Render what `plan` selects from `content` into `sink` and, if everything succeeds,
    /// make it the current site; if anything fails, the build is as it was.
    fn render(&mut self, content: Content, plan: Plan, sink: &dyn Sink) -> Result<Rebuild, Error> {
        let mut undo = Undo::default();
        let rendered = self.render_in_place(content, plan, sink, &mut undo);
        if rendered.is_err() {
            undo.markdown.undo(&mut self.markdown);
            undo.findings.undo(&mut self.lint_findings);
        }
        rendered
    }

    /// `render`, changing the Markdown cache and the lint findings in place as it goes, with
    /// what it replaced in `undo`. The stages, in order, each timed for `--timings`.
    fn render_in_place(
        &mut self,
        content: Content,
        plan: Plan,
        sink: &dyn Sink,
        undo: &mut Undo,
    ) -> Result<Rebuild, Error> {
        let streaming = sink.streams();
        let links = self.link_index(&content, &plan);
        self.stages.last = Instant::now();
        let changed = self.markdown(&content, &links, &plan, streaming, &mut undo.markdown);
        // The grammars the pages need compile on another thread while the lints run; a
        // rebuild looks only at the bodies it read again.
        let fresh: Vec<&Arc<markdown::RenderedMarkdown>> = match plan.markdown.only() {
            Some(paths) => paths
                .iter()
                .filter_map(|path| self.markdown.get(path))
                .collect(),
            None => self.markdown.values().collect(),
        };
        let _ = highlight::warm_up(
            fresh
                .into_iter()
                .flat_map(|md| md.code_blocks.iter().map(|block| block.lang.as_str())),
        );
        // A streamed build reads headings and links here and highlights as it writes.
        self.stages.lap(if streaming {
            "markdown (headings and links)"
        } else {
            "markdown and highlighting"
        });
        let fresh_findings = self.lint(&content, &self.markdown, &links, &plan, changed.anchors);
        // The languages' trees are made whole each time: they are small beside the site,
        // and a translation inherits from its page, so any edit may change them.
        let trees = languages::prepare(
            &self.config,
            &content,
            &links,
            &self.markdown,
            (!streaming).then_some(Html {
                raw_html: self.config.markdown.raw_html,
                highlighter: &self.highlighter,
                limits: self.config.limits,
            }),
        );
        // A streamed build lays each body out again as its page is written: past the stages
        // that read all the bodies, it keeps only their headings.
        if streaming {
            let scanned = std::mem::take(&mut self.markdown);
            self.markdown = markdown::keep_headings(scanned);
        }
        let same = kept_findings::keep(&mut self.lint_findings, fresh_findings, &mut undo.findings);
        // An edit that changed no finding (most do not) keeps the last render's, uncopied
        // (the trees' findings are made anew each time, so not with languages).
        let unchanged = self.config.languages.is_empty() && same;
        let warnings = if unchanged {
            self.findings.clone()
        } else {
            // A rebuild starts from the last build's findings; a streamed build has none after.
            let mut all = if streaming {
                self.lint_findings
                    .take()
                    .map(LintFindings::into_all)
                    .unwrap_or_default()
            } else {
                self.lint_findings
                    .as_ref()
                    .map(LintFindings::all)
                    .unwrap_or_default()
            };
            all.extend(trees.iter().flat_map(|t| t.findings.iter().cloned()));
            lints::sort(&mut all);
            Arc::new(without_errors(all)?)
        };
        self.stages.lap("links and lints");
        let mut plan = self.with_pages_findings_show(plan, &warnings, changed.headings);
        let map = languages::map(&self.config, &content, &trees);
        let same_trees = match (&map, &self.languages) {
            (Some(new), Some(old)) => new.same_pages(old),
            (None, None) => true,
            _ => false,
        };
        if !same_trees {
            plan.pages = Selection::All;
        }
        // The trees' pages as they will be; the last render's again if this one fails.
        let last_map = std::mem::replace(&mut self.languages, map);
        let markdown = std::mem::take(&mut self.markdown);
        let laid_out = self
            .lay_out(&content, &markdown, &links, &warnings, &plan.pages, sink)
            .and_then(|pages| {
                let mut tree_pages = 0;
                for (i, tree) in trees.iter().enumerate() {
                    tree_pages += self.lay_out_tree(tree, i + 1, &content, &warnings, sink)?;
                }
                Ok((pages, tree_pages))
            });
        self.markdown = markdown;
        let pages_rendered = match laid_out {
            Ok((pages, tree_pages)) => {
                self.language_pages = tree_pages;
                pages + tree_pages
            }
            Err(error) => {
                self.languages = last_map;
                return Err(error);
            }
        };
        self.stages.lap(if streaming {
            "templates, highlighting and writing"
        } else {
            "templates"
        });
        self.stages.laps.push((
            "  highlighting within those, summed over threads",
            self.highlighter.take_time(),
        ));
        // Each language's tree carries the static files too: its pages address them below
        // its own path, as any theme writes them (`{{ site.base_path }}style.css`).
        for prefix in
            std::iter::once(String::new()).chain(trees.iter().map(|t| format!("{}/", t.code)))
        {
            for (path, bytes) in &self.statics {
                sink.write(&format!("{prefix}{path}"), bytes.clone())?;
            }
        }
        // A brief's folder is laid out whole too: a file beside its page may come and go
        // with an edit (`<slug>.posting.docx` with its status).
        let replaced: Vec<String> = plan
            .pages
            .only()
            .into_iter()
            .flatten()
            .filter_map(|key| match key {
                PageKey::Taxonomy(taxonomy) => Some(taxonomy.path().to_string()),
                PageKey::Role(slug) => Some(crate::render::views::role_path(slug)),
                // A whole listing: its pages past the last, or a term that is gone, go.
                PageKey::Home => Some(crate::render::listing::PAGE_FOLDER.to_string()),
                PageKey::Term(taxonomy, term) => Some(taxonomy.term_path(term)),
                _ => None,
            })
            .collect();
        // The languages' trees are laid out whole: a page gone from one is gone.
        let mut replaced = replaced;
        replaced.extend(trees.iter().map(|t| format!("{}/", t.code)));
        let replaced: Vec<&str> = replaced.iter().map(String::as_str).collect();
        let mut rebuild = self.keep(
            sink.take(),
            matches!(plan.pages, Selection::Only(_)),
            &replaced,
        );
        rebuild.pages_rendered = pages_rendered;
        self.pages_written += sink.written();
        if !streaming {
            self.caches.keep_only(&content.roles);
        }
        self.content = content;
        self.findings = warnings;
        self.links = Some(links);
        Ok(rebuild)
    }

    /// Lay out the pages of language tree `tree` (number `index` of `map`) into `sink`,
    /// under its folder; how many there were.
    fn lay_out_tree(
        &mut self,
        tree: &languages::LanguageTree,
        index: usize,
        root: &Content,
        warnings: &[Diagnostic],
        sink: &dyn Sink,
    ) -> Result<usize, Error> {
        let Some(map) = &self.languages else {
            return Ok(0);
        };
        let views = render::views::Views::new(&tree.config, &tree.content)
            .with_history(&self.history)
            .with_languages(map, index, Some(root));
        let keys = languages::tree_pages(&tree.content);
        let prefix = format!("{}/", tree.code);
        render::Renderer::new(
            &views,
            &tree.markdown,
            &tree.links,
            warnings,
            &mut self.templates,
            &self.highlighter,
        )
        .each(&keys, |pages| {
            for (path, bytes) in pages {
                sink.write(&format!("{prefix}{path}"), bytes)?;
            }
            Ok::<(), Error>(())
        })
        .map_err(|failure| match failure {
            render::RenderFailure::Pages(problems) => Error::Site(problems),
            render::RenderFailure::Emit(error) => error,
        })?;
        Ok(keys.len())
    }

    /// Every page's address by source path: the last render's while no page is added,
    /// removed or moved (a partial plan).
    fn link_index(&self, content: &Content, plan: &Plan) -> Arc<LinkIndex> {
        match (&plan.markdown, &self.links) {
            (Selection::Only(_), Some(links)) => links.clone(),
            _ => Arc::new(markdown::link_index(&self.config, content)),
        }
    }

    /// The bodies `plan` selects, rendered (or only scanned, when pages are streamed: each
    /// body's HTML is then made as its page is written), put in place over the last
    /// render's (`undo` keeps what they replaced).
    fn markdown(
        &mut self,
        content: &Content,
        links: &LinkIndex,
        plan: &Plan,
        streaming: bool,
        undo: &mut Journal<MarkdownCache, String, Arc<markdown::RenderedMarkdown>>,
    ) -> BodyChanges {
        let fresh = if streaming {
            markdown::scan_markdown(content, links)
        } else {
            markdown::render_markdown(
                content,
                links,
                plan.markdown.only(),
                Html {
                    raw_html: self.config.markdown.raw_html,
                    highlighter: &self.highlighter,
                    limits: self.config.limits,
                },
            )
        };
        let changes = BodyChanges {
            headings: fresh
                .iter()
                .any(|(path, md)| self.markdown.get(path).is_none_or(|old| old.toc != md.toc)),
            anchors: fresh.iter().any(|(path, md)| {
                self.markdown
                    .get(path)
                    .is_none_or(|old| old.anchors != md.anchors)
            }),
        };
        match plan.markdown {
            Selection::All => undo.replace(&mut self.markdown, fresh.into_iter().collect()),
            Selection::Only(_) => {
                for (path, md) in fresh {
                    undo.put(&mut self.markdown, path, md);
                }
            }
        }
        changes
    }

    /// `plan`, with the pages that show the findings and the headings when those changed.
    fn with_pages_findings_show(
        &self,
        mut plan: Plan,
        warnings: &Arc<Vec<Diagnostic>>,
        headings_changed: bool,
    ) -> Plan {
        if !Arc::ptr_eq(&self.findings, warnings) && !same_findings(&self.findings, warnings) {
            for key in PageKey::showing_any(&[Shows::Findings]) {
                // The home page counts them in its intro, on its first page.
                plan.pages.insert(match key {
                    PageKey::Home => PageKey::HomePage(1),
                    other => other,
                });
            }
        }
        if headings_changed {
            for key in PageKey::showing_any(&[Shows::Headings]) {
                plan.pages.insert(key);
            }
        }
        plan
    }

    /// Lay out the pages `pages` selects into `sink`; how many there were.
    fn lay_out(
        &mut self,
        content: &Content,
        markdown: &MarkdownCache,
        links: &LinkIndex,
        warnings: &[Diagnostic],
        pages: &Selection<PageKey>,
        sink: &dyn Sink,
    ) -> Result<usize, Error> {
        let views = render::views::Views::new(&self.config, content).with_history(&self.history);
        let views = match &self.languages {
            Some(map) => views.with_languages(map, 0, None),
            None => views,
        };
        // A streamed build lays out each page once: keeping what it makes per brief (cards,
        // roles.json entries) would only hold memory.
        let views = if sink.streams() {
            views
        } else {
            views.with_caches(&self.caches)
        };
        let mut keys: Vec<PageKey> = match pages {
            // Streamed, a taxonomy goes a term at a time: one page in memory, not all.
            Selection::All if sink.streams() => {
                render::split_taxonomies(&views, render::all_pages(content))
            }
            Selection::All => render::all_pages(content),
            Selection::Only(keys) => crate::engine::plan_listings::without_repeats(keys),
        };
        let total = keys.len();
        // Streamed, `roles.json` (40 MB at 10,000 briefs) is written a run of briefs at a
        // time once the pages are out, never held whole beside them.
        let data_in_parts = sink.streams() && keys.contains(&PageKey::Data);
        if data_in_parts {
            keys.retain(|key| *key != PageKey::Data);
        }
        let progress = Mutex::new(self.progress.as_mut());
        let tell = |done: usize| {
            if let Ok(mut progress) = progress.lock()
                && let Some(progress) = progress.as_mut()
            {
                progress(done, total);
            }
        };
        tell(0);
        let done = AtomicUsize::new(0);
        render::Renderer::new(
            &views,
            markdown,
            links,
            warnings,
            &mut self.templates,
            &self.highlighter,
        )
        .each(&keys, |pages| {
            for (path, bytes) in pages {
                sink.write(&path, bytes)?;
            }
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            if done.is_multiple_of(PROGRESS_EVERY) || done == total {
                tell(done);
            }
            Ok::<(), Error>(())
        })
        .map_err(|failure| match failure {
            render::RenderFailure::Pages(problems) => Error::Site(problems),
            render::RenderFailure::Emit(error) => error,
        })?;
        if data_in_parts {
            let mut parts = views.roles_json_parts().map(String::into_bytes);
            sink.write_parts(render::site_views::ROLES_JSON, &mut parts)?;
            tell(total);
        }
        Ok(total)
    }

    /// Make `files` (what a render laid out, when it was kept in memory) part of the site:
    /// with a partial plan only the pages laid out again change, the rest stays as is.
    /// `replaced`: folders laid out again whole (a taxonomy's), whose files not laid out
    /// this time are gone (a tag no brief uses any more).
    fn keep(&mut self, files: SiteFiles, partial: bool, replaced: &[&str]) -> Rebuild {
        if partial {
            // Each replaced folder's files, found by range in the ordered map rather than by
            // testing all of a big site's (70,000 at 10,000 briefs) against every folder.
            let mut removed: Vec<String> = replaced
                .iter()
                .flat_map(|folder| {
                    self.files
                        .range::<str, _>((
                            std::ops::Bound::Included(*folder),
                            std::ops::Bound::Unbounded,
                        ))
                        .map(|(path, _)| path)
                        .take_while(move |path| path.starts_with(folder))
                })
                .filter(|p| !files.contains_key(*p))
                .cloned()
                .collect();
            // Folders may nest (`tags/` and `tags/claims/`).
            removed.sort_unstable();
            removed.dedup();
            for path in &removed {
                self.files.remove(path);
            }
            // Only changed pages, compared in place: copying a 30,000-file map would cost
            // more than the rebuild of one page.
            let changed: SiteFiles = files
                .into_iter()
                .filter(|(path, bytes)| self.files.get(path) != Some(bytes))
                .collect();
            for (path, bytes) in &changed {
                self.files.insert(path.clone(), bytes.clone());
            }
            Rebuild {
                changed,
                removed,
                ..Rebuild::default()
            }
        } else {
            let rebuild = diff(&self.files, &files);
            self.files = files;
            rebuild
        }
    }

    /// The lint findings of `content`: the last render's where `plan` says its edits cannot
    /// change them, fresh ones for the rest.
    fn lint(
        &self,
        content: &Content,
        markdown: &MarkdownCache,
        links: &LinkIndex,
        plan: &Plan,
        anchors_changed: bool,
    ) -> FreshFindings {
        let kept = self.lint_findings.as_ref();
        let edited = plan.fronts.only().filter(|_| kept.is_some());
        let briefs_to_check: Vec<&Arc<Role>> = content
            .roles
            .iter()
            .filter(|r| edited.is_none_or(|paths| paths.contains(&r.source.content_path)))
            .collect();
        let (checked, across) = rayon::join(
            || {
                briefs_to_check
                    .par_iter()
                    .map(|r| {
                        (
                            r.source.content_path.clone(),
                            Arc::new(lints::check_brief(&self.config, r)),
                        )
                    })
                    .collect::<Vec<_>>()
            },
            || match kept {
                Some(kept) if !plan.across_briefs => kept.across().clone(),
                _ => Arc::new(lints::check_across_briefs(&self.config, content)),
            },
        );
        // A page's findings change with its body, but also with the headings of the pages it
        // links to, and with the `allow:` list in its front matter.
        let edited_pages: Option<BTreeSet<String>> = match (kept, &plan.markdown, &plan.fronts) {
            (Some(_), Selection::Only(bodies), Selection::Only(fronts)) if !anchors_changed => {
                Some(bodies.union(fronts).cloned().collect())
            }
            _ => None,
        };
        let only = edited_pages.as_ref();
        let problems = lints::link_problems(content, markdown, links, only);
        let bodies = lints::check_bodies(&self.config, content, markdown, problems.0, only)
            .into_iter()
            .map(|(file, found)| (file, Arc::new(found)));
        FreshFindings {
            briefs: match edited {
                Some(_) => Part::Edited(checked),
                None => Part::Whole(checked.into_iter().collect()),
            },
            across,
            skipped: content.skipped.clone(),
            bodies: match only {
                Some(_) => Part::Edited(bodies.collect()),
                None => Part::Whole(bodies.collect()),
            },
        }
    }

    /// The address of the page built from `content_path` (`roles/caio.md`).
    /// A translation (`roles/caio.de.md`) has its page's address in its language's tree.
    pub fn url_of(&self, content_path: &str) -> Option<String> {
        let links = self.links.as_ref()?;
        if let Some(url) = links.url(content_path) {
            return Some(url.to_string());
        }
        let content::translation::Naming::Translation { lang, of } =
            content::translation::naming(content_path, &self.config)
        else {
            return None;
        };
        let base = self.config.base_path();
        let page = links.url(&of)?.strip_prefix(&base)?;
        let tree = self
            .languages
            .as_ref()?
            .trees
            .iter()
            .find(|t| t.code == lang)?;
        tree.pages
            .contains(page)
            .then(|| format!("{}{page}", tree.base_path))
    }

    /// The text of every template the site was laid out with, by file.
    pub fn template_sources(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.templates.sources()
    }

    /// The changes waiting for a good build.
    pub fn pending(&self) -> &ChangeSet {
        &self.pending
    }
}

/// The files that differ between two sites: one ordered walk over both (no lookups), and
/// unchanged pages share their bytes, so most comparisons are a pointer check.
fn diff(old: &SiteFiles, new: &SiteFiles) -> Rebuild {
    let mut changed = SiteFiles::new();
    let mut removed = Vec::new();
    let mut old_files = old.iter().peekable();
    for (path, bytes) in new {
        while let Some((old_path, _)) = old_files.peek() {
            if *old_path < path {
                removed.push((*old_path).clone());
                old_files.next();
            } else {
                break;
            }
        }
        match old_files.peek() {
            Some((old_path, old_bytes)) if *old_path == path => {
                // The same buffer (kept from the last build) needs no comparing.
                let same_buffer =
                    old_bytes.as_ptr() == bytes.as_ptr() && old_bytes.len() == bytes.len();
                if !same_buffer && *old_bytes != bytes {
                    changed.insert(path.clone(), bytes.clone());
                }
                old_files.next();
            }
            _ => {
                changed.insert(path.clone(), bytes.clone());
            }
        }
    }
    removed.extend(old_files.map(|(path, _)| path.clone()));
    Rebuild {
        changed,
        removed,
        ..Rebuild::default()
    }
}

/// Paths of pages (not assets) in a rebuild, for reporting.
pub fn changed_pages(rebuild: &Rebuild) -> BTreeSet<&str> {
    rebuild
        .changed
        .keys()
        .filter(|p| p.ends_with(".html"))
        .map(String::as_str)
        .collect()
}

/// What a render changed in place in the build, to put back if it fails.
#[derive(Default)]
struct Undo {
    markdown: Journal<MarkdownCache, String, Arc<markdown::RenderedMarkdown>>,
    findings: FindingsUndo,
}

/// Whether the bodies' headings and anchors changed since the last render.
struct BodyChanges {
    /// The search index holds every page's headings: it changes only when they do.
    headings: bool,
    /// Links to anchors elsewhere may break or mend.
    anchors: bool,
}

/// The warnings and waived findings among `findings`, or the errors as the build's
/// failure (a waived finding never fails it, whatever its level).
fn without_errors(findings: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Error> {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = findings
        .into_iter()
        .partition(|f| f.severity == Severity::Error && f.waived().is_none());
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(Error::Site(Diagnostics(errors)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped playbook, copied where a test may edit it.
    fn shipped_copy() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["site.yaml", "content", "themes"] {
            for entry in walkdir::WalkDir::new(repo.join(part)) {
                let entry = entry.expect("the shipped playbook");
                let to = dir
                    .path()
                    .join(entry.path().strip_prefix(repo).expect("inside"));
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&to).expect("folder");
                } else {
                    std::fs::copy(entry.path(), &to).expect("copy");
                }
            }
        }
        dir
    }

    fn messages(build: &Build) -> Vec<String> {
        let all = build.lint_findings.as_ref().map(LintFindings::all);
        all.unwrap_or_default()
            .into_iter()
            .map(|d| format!("{}:{} {}", d.file.display(), d.position.line, d.message))
            .collect()
    }

    #[test]
    fn a_render_that_fails_puts_back_the_bodies_and_findings_it_replaced() {
        let site = shipped_copy();
        let mut build =
            Build::new(site.path(), &LoadOptions::default(), Default::default()).expect("build");
        let brief = "roles/ai-governance-owner.md";
        let body = build.markdown.get(brief).cloned().expect("rendered");
        let findings = messages(&build);
        // A new heading and a broken link: the body renders and the lints run, then the
        // link's error fails the render.
        let file = site.path().join("content").join(brief);
        let text = std::fs::read_to_string(&file).expect("brief");
        let broken = format!("{text}\n## A new heading\n\nSee [gone](no-such-page.md).\n");
        std::fs::write(&file, broken).expect("edit");
        let mut changes = ChangeSet::default();
        changes.content.insert(Path::new("content").join(brief));
        assert!(build.rebuild(changes).is_err());
        assert!(
            Arc::ptr_eq(&build.markdown[brief], &body),
            "the last good body is the one kept"
        );
        assert_eq!(messages(&build), findings);
        assert!(
            !build.pending().content.is_empty(),
            "the edit waits for the next"
        );
    }
}
