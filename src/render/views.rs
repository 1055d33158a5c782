//! The data templates see, prepared once per build: names resolved, lists ordered, links
//! made, so templates only lay out.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::config::vocabulary::InterfaceVocabulary;
use crate::config::{Archetype, Capability, Config};
use crate::content::Content;
use crate::content::guide::Guide;
use crate::content::role::{Interfaces, Role, Status};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::TocEntry;
use crate::render::brief_cache::{BriefCache, BriefCaches};
use crate::render::site_views::Taxonomy;

#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: String,
    /// Every internal URL starts with this (`/` or `/sub/path/`).
    pub base_path: String,
    pub capabilities: &'a [Capability],
    pub archetypes: &'a [Archetype],
    pub nav: Vec<Link>,
    /// The playbook's own pages: matrix, sequence, taxonomies.
    pub pages: Vec<NavLink>,
    /// Where `search-index.js` is.
    pub search_index: String,
    pub generator: String,
    /// Whether pages show statuses, headcounts and the staffing view (not in the library
    /// view, `archetypes_only`).
    pub show_status: bool,
    /// The company's branding, when site.yaml has `brand:`.
    pub brand: Option<BrandView>,
}

/// `brand:` for the templates: the name, the logo's address and type, and the accent's
/// shades in each scheme (`#rrggbb`), already readable (`config::brand`).
#[derive(Debug, Serialize)]
pub struct BrandView {
    pub name: Option<String>,
    pub logo: Option<String>,
    pub logo_type: Option<&'static str>,
    pub light: Option<ShadesView>,
    pub dark: Option<ShadesView>,
}

#[derive(Debug, Serialize)]
pub struct ShadesView {
    pub accent: String,
    pub accent_soft: String,
    pub accent_text: String,
}

impl From<crate::config::brand::Shades> for ShadesView {
    fn from(shades: crate::config::brand::Shades) -> Self {
        ShadesView {
            accent: shades.accent.to_string(),
            accent_soft: shades.soft.to_string(),
            accent_text: shades.on_accent.to_string(),
        }
    }
}

/// A day, as `<time datetime>` takes it and as it reads.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub words: String,
}

impl DateView {
    /// `YYYY-MM-DD`, or `None` when it is not a day.
    pub fn of(iso: &str) -> Option<DateView> {
        let day = crate::content::role::parse_date(iso)?;
        Some(DateView {
            iso: iso.to_string(),
            words: crate::playbook::posting::date_words(day),
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A link of the playbook's navigation, with the theme's message that names it
/// (`nav-capability-matrix`): made once per build, where every page asked the template to
/// make it.
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    /// The English name, which a theme without the message shows.
    pub title: String,
    pub url: String,
    /// The message id: `nav-` and the name as a slug.
    pub key: String,
}

impl NavLink {
    pub fn new(title: &str, url: String) -> NavLink {
        NavLink {
            key: format!("nav-{}", crate::slug::slugify(title)),
            title: title.to_string(),
            url,
        }
    }
}

/// A capability or archetype as shown on a page: its key, name and taxonomy page.
#[derive(Debug, Clone, Serialize)]
pub struct NameRef<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub url: String,
}

/// One line of a brief's "How it fits": the interface's name, the theme's message for it
/// (`interface-product`, made here once rather than by every template that shows it), and
/// what the brief says.
#[derive(Debug, Serialize)]
pub struct LabeledText<'a> {
    pub label: String,
    pub key: String,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Horizon<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub stated: bool,
    pub measures: &'a [crate::yaml::Spanned<String>],
}

#[derive(Debug, Serialize)]
pub struct RoleCard<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub summary: &'a str,
    pub outcome: &'a str,
    pub status: Status,
    pub headcount: Option<u32>,
    pub primary: Vec<NameRef<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RoleView<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub source_path: String,
    pub archetype: NameRef<'a>,
    pub summary: &'a str,
    pub outcome: &'a str,
    pub decisions: &'a [String],
    pub owns_after_launch: &'a [String],
    pub primary: Vec<NameRef<'a>>,
    pub secondary: Vec<NameRef<'a>>,
    pub interfaces: Vec<LabeledText<'a>>,
    pub success: Vec<Horizon<'a>>,
    pub reports_to: Option<&'a str>,
    pub hire_after: Vec<Link>,
    pub hired_after_this: Vec<Link>,
    pub constraints: &'a [String],
    pub tools: &'a [String],
    pub interview_probes: &'a [String],
    pub red_flags: &'a [String],
    /// Notes for the hiring team that no job post shows.
    pub internal_notes: &'a [String],
    pub tags: Vec<&'a str>,
    /// Each tag with the address of its page, so templates need not make addresses.
    pub tag_links: Vec<Link>,
    pub status: Status,
    pub headcount: Option<u32>,
    /// The brief this one `extends`, and the briefs that extend this one.
    pub based_on: Option<Link>,
    pub derived: Vec<Link>,
    pub content: &'a str,
    pub toc: &'a [TocEntry],
    /// Whether the brief is one of the team's (`Content::team`): only those show a status;
    /// a library archetype beside a team plan is no one's search.
    pub in_team: bool,
    /// Who keeps the brief, and the day it was last reviewed (`maintainer:`, `reviewed:`).
    pub maintainer: Option<&'a str>,
    pub reviewed: Option<DateView>,
    /// The day its file last changed in git, when the site is in a repository.
    pub last_changed: Option<DateView>,
    /// "Edit this page", when site.yaml has `edit_url`.
    pub edit_url: Option<String>,
}

/// The files beside a brief's page, for the copy buttons and downloads: the brief as a
/// job-description template, and the job post.
#[derive(Debug, Serialize)]
pub struct BriefView {
    pub markdown: String,
    pub text: String,
    pub markdown_url: String,
    pub text_url: String,
    /// The job post as plain text, for "Copy job post".
    pub posting_text: String,
    /// `<slug>.brief.md` and `<slug>.brief.txt`.
    pub brief_files: Vec<FileLink>,
    /// `<slug>.posting.html`, `.posting.md` and `.posting.txt`.
    pub posting_files: Vec<FileLink>,
    /// `<slug>.kit.html`: the interview kit, internal.
    pub kit: FileLink,
    /// The job post as HTML, for "Copy job post": the `<article>` of `<slug>.posting.html`.
    pub posting_html: String,
}

/// The `<article>…</article>` of an HTML document (the whole text when it has none): the
/// post of `<slug>.posting.html` without its page.
pub fn article_of(html: &str) -> &str {
    match (html.find("<article"), html.rfind("</article>")) {
        (Some(start), Some(end)) if start < end => &html[start..end + "</article>".len()],
        _ => html,
    }
}

/// A file beside a brief's page: its name (`caio.posting.txt`), kind (`posting.txt`) and
/// address.
#[derive(Debug, Clone, Serialize)]
pub struct FileLink {
    pub name: String,
    pub kind: &'static str,
    pub url: String,
}

/// A brief's job post for the templates: its candidate-facing fields (`Posting`) and its
/// sections in reading order.
#[derive(Debug, Serialize)]
pub struct PostingView<'a> {
    #[serde(flatten)]
    pub posting: crate::playbook::posting::Posting<'a>,
    pub sections: Vec<crate::playbook::posting::Section>,
    /// schema.org JobPosting for the posting page's head, escaped for a script element
    /// (`render::jobs::script_json`); only for an open brief on a site whose
    /// `postings.json_ld` is on.
    pub json_ld: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GuideView<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub url: String,
    pub permalink: String,
    pub source_path: String,
    pub tags: &'a [String],
    pub content: &'a str,
    pub toc: &'a [TocEntry],
    /// The day its file last changed in git, when the site is in a repository.
    pub last_changed: Option<DateView>,
    /// "Edit this page", when site.yaml has `edit_url`.
    pub edit_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ArchetypeGroup<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    /// Cards (`RoleCard`) on this page.
    pub roles: Vec<tera::Value>,
    /// How many briefs the group has, on every page.
    pub count: usize,
    /// Whether its first cards are on an earlier page.
    pub continued: bool,
}

/// Builds views with one base path.
pub struct Views<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub base_path: String,
    pub base_url: String,
    /// Who waits for whom: built on the first lookup past `SCANNED_LOOKUPS` (a full build);
    /// until then each lookup scans the briefs (a rebuild lays out a page or two).
    followers: std::sync::OnceLock<std::collections::HashMap<String, Vec<Arc<Role>>>>,
    lookups: std::sync::atomic::AtomicUsize,
    /// Briefs by the brief they extend, built on first use.
    derived: std::sync::OnceLock<std::collections::HashMap<String, Vec<Arc<Role>>>>,
    /// The slugs of the bundled briefs, judged once per render (the staffing view, its
    /// summary and the matrix rows all ask).
    bundled: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// Values made from each brief, kept from earlier renders.
    pub caches: Option<&'a BriefCaches>,
    /// Whether `content/plan/` has briefs, found on first use.
    has_plan: std::sync::OnceLock<bool>,
    /// When each page last changed in git (none outside a build, or outside git).
    history: Option<&'a crate::content::history::History>,
    /// On a site with languages: every tree, and which one these views lay out.
    languages: Option<(&'a crate::render::languages::LanguageMap, usize)>,
    /// In a language's tree: the pages of the site's own language, which links to the
    /// briefs the tree does not translate lead to.
    untranslated: Option<&'a Content>,
}

impl<'a> Views<'a> {
    pub fn new(config: &'a Config, content: &'a Content) -> Self {
        Views {
            config,
            content,
            base_path: config.base_path(),
            base_url: config.base_url(),
            followers: std::sync::OnceLock::new(),
            lookups: std::sync::atomic::AtomicUsize::new(0),
            derived: std::sync::OnceLock::new(),
            bundled: std::sync::OnceLock::new(),
            caches: None,
            has_plan: std::sync::OnceLock::new(),
            history: None,
            languages: None,
            untranslated: None,
        }
    }

    /// These views as tree `index` of `map` (a site with languages); `untranslated` is the
    /// site's own language's content when the tree is another language's.
    pub fn with_languages(
        self,
        map: &'a crate::render::languages::LanguageMap,
        index: usize,
        untranslated: Option<&'a Content>,
    ) -> Self {
        Views {
            languages: Some((map, index)),
            untranslated,
            ..self
        }
    }

    /// The BCP 47 code of the pages these views lay out.
    pub fn lang(&self) -> &str {
        match self.languages {
            Some((map, i)) => map.trees.get(i).map_or("en", |t| t.code.as_str()),
            None => self.config.default_language(),
        }
    }

    /// The language switcher and the `hreflang` alternates of the page at `path` (below
    /// the tree: `roles/caio/index.html`); none on a site without languages.
    pub fn translations(
        &self,
        path: &str,
    ) -> (
        Vec<crate::render::languages::SwitchLink>,
        Vec<crate::render::languages::Alternate>,
    ) {
        let Some((map, i)) = self.languages else {
            return (Vec::new(), Vec::new());
        };
        let page = path.strip_suffix("index.html").unwrap_or(path);
        (map.switcher(i, page), map.alternates(page))
    }

    /// The site root's path and where these views' tree is below it (`de/`), for links
    /// made relative: a language's pages link to the root's stylesheets and briefs too.
    pub fn tree_root(&self) -> (&str, &str) {
        match self.languages {
            Some((map, i)) if i > 0 => match (map.trees.first(), map.trees.get(i)) {
                (Some(root), Some(tree)) => (&root.base_path, &tree.prefix),
                _ => (&self.base_path, ""),
            },
            _ => (&self.base_path, ""),
        }
    }

    /// The site's own language's tree, when these views lay out another language's.
    pub fn languages(&self) -> Option<&'a crate::render::languages::LanguageMap> {
        self.languages.map(|(map, _)| map)
    }

    /// For each language, the pages of the site's own language it does not translate (the
    /// health page's list); none on a site without languages.
    pub fn missing_translations(&self) -> Vec<crate::render::languages::MissingView> {
        if self.languages.is_none() {
            return Vec::new();
        }
        let content = self.untranslated.unwrap_or(self.content);
        crate::render::languages::missing_translations(self.config, content, self.tree_root().0)
    }

    /// The link to brief `slug` from a page of these views: in the tree when it holds the
    /// brief, else to the page in the site's own language.
    fn any_role_link(&self, slug: &str) -> Option<Link> {
        if let Some(role) = self.content.role(slug) {
            return Some(self.role_link(role));
        }
        let role = self.untranslated?.role(slug)?;
        let (root, _) = self.tree_root();
        Some(Link {
            title: role.title().to_string(),
            url: format!("{root}{}", role_path(&role.slug)),
        })
    }

    /// These views, showing when each page last changed in git.
    pub fn with_history(self, history: &'a crate::content::history::History) -> Self {
        Views {
            history: Some(history),
            ..self
        }
    }

    /// The day the page at `content_path` last changed in git.
    fn last_changed(&self, content_path: &str) -> Option<DateView> {
        DateView::of(self.history?.last_changed(content_path)?)
    }

    /// These views, reusing (and keeping) what they make from unchanged briefs.
    pub fn with_caches(self, caches: &'a BriefCaches) -> Self {
        Views {
            caches: Some(caches),
            ..self
        }
    }

    /// The briefs that extend the brief `slug`, by title (one pass over the site per render,
    /// not one per brief page).
    fn derived_from(&self, slug: &str) -> &[Arc<Role>] {
        let index = self.derived.get_or_init(|| {
            let mut index: std::collections::HashMap<String, Vec<Arc<Role>>> =
                std::collections::HashMap::new();
            for role in &self.content.roles {
                if let Some(parent) = &role.front.extends {
                    index
                        .entry(parent.value.clone())
                        .or_default()
                        .push(role.clone());
                }
            }
            for derived in index.values_mut() {
                derived.sort_by(|a, b| a.title().cmp(b.title()));
            }
            index
        });
        index.get(slug).map_or(&[], Vec::as_slice)
    }

    /// Whether `role` is a bundled brief (`bundled-role`, from its front matter).
    pub fn is_bundled(&self, role: &Role) -> bool {
        self.bundled
            .get_or_init(|| {
                use rayon::prelude::*;
                self.content
                    .roles
                    .par_iter()
                    .filter(|r| crate::playbook::breadth::is_bundled(self.config, r))
                    .map(|r| r.slug.clone())
                    .collect()
            })
            .contains(&role.slug)
    }

    /// The briefs hired after the brief `slug`.
    fn followers_of(&self, slug: &str) -> Vec<Arc<Role>> {
        const SCANNED_LOOKUPS: usize = 16;
        use std::sync::atomic::Ordering::Relaxed;
        if self.followers.get().is_none() && self.lookups.fetch_add(1, Relaxed) < SCANNED_LOOKUPS {
            return crate::playbook::hired_after(self.content, slug)
                .into_iter()
                .cloned()
                .collect();
        }
        self.followers
            .get_or_init(|| {
                crate::playbook::followers(self.content)
                    .into_iter()
                    .map(|(slug, roles)| (slug.to_string(), roles.into_iter().cloned().collect()))
                    .collect()
            })
            .get(slug)
            .cloned()
            .unwrap_or_default()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }

    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub fn site(&self) -> SiteView<'a> {
        SiteView {
            title: &self.config.title,
            description: &self.config.description,
            base_url: self.base_url.clone(),
            base_path: self.base_path.clone(),
            capabilities: &self.config.capabilities,
            archetypes: &self.config.archetypes,
            nav: self
                .content
                .guides
                .iter()
                .map(|g| Link {
                    title: g.title().to_string(),
                    url: self.url(&g.path),
                })
                .collect(),
            pages: self.playbook_nav(),
            search_index: self.url(crate::render::site_views::SEARCH_INDEX),
            generator: format!("rolebook gen {}", env!("CARGO_PKG_VERSION")),
            show_status: !self.config.archetypes_only,
            brand: self.brand(),
        }
    }

    fn brand(&self) -> Option<BrandView> {
        let brand = self.config.brand.as_ref()?;
        let logo = brand.logo_file();
        let palette = self.config.brand_palette();
        Some(BrandView {
            name: brand.name.clone().filter(|n| !n.trim().is_empty()),
            logo: logo.map(|l| self.url(l)),
            logo_type: logo.and_then(crate::config::brand::image_type),
            light: palette.map(|p| p.light.into()),
            dark: palette.map(|p| p.dark.into()),
        })
    }

    pub fn role_link(&self, role: &Role) -> Link {
        Link {
            title: role.title().to_string(),
            url: self.url(&role_path(&role.slug)),
        }
    }

    /// A tag and its page, at the slug the page is written under.
    pub fn tag_link(&self, tag: &str) -> Link {
        Link {
            title: tag.to_string(),
            url: self.url(&Taxonomy::Tags.term_path(&crate::slug::slugify(tag))),
        }
    }

    /// The interfaces a brief states, in the order of site.yaml's vocabulary, labelled.
    pub fn interfaces(&self, interfaces: &'a Interfaces) -> Vec<LabeledText<'a>> {
        self.config
            .interfaces
            .keys()
            .filter_map(|key| {
                let text = interfaces.get(key).filter(|t| !t.trim().is_empty());
                text.map(|text| {
                    let label = InterfaceVocabulary::label(key);
                    LabeledText {
                        key: format!("interface-{}", crate::slug::slugify(&label)),
                        label,
                        text,
                    }
                })
            })
            .collect()
    }

    fn capability_refs(&self, keys: &'a [crate::yaml::Spanned<String>]) -> Vec<NameRef<'a>> {
        keys.iter()
            .filter_map(|k| self.config.capability(&k.value))
            .map(|c| NameRef {
                key: &c.key,
                name: &c.name,
                url: self.url(&Taxonomy::Capabilities.term_path(&c.key)),
            })
            .collect()
    }

    /// A brief's card as template data: made once per brief and kept between renders
    /// when the views have caches (the home and taxonomy pages of a big site list each
    /// brief many times over).
    pub fn role_card(&self, role: &'a Arc<Role>) -> tera::Value {
        self.per_brief(|caches| &caches.cards, role, || self.card_value(role))
    }

    /// A value made from `role` alone: the one the views' caches (`which` of them) kept
    /// for it when they have caches and the brief is the same, else `make`'s.
    pub(crate) fn per_brief<T: Clone>(
        &self,
        which: impl FnOnce(&BriefCaches) -> &BriefCache<T>,
        role: &Arc<Role>,
        make: impl FnOnce() -> T,
    ) -> T {
        match self.caches {
            Some(caches) => which(caches).entry(role, make),
            None => make(),
        }
    }

    /// A brief's card as template data, made afresh.
    pub fn card_value(&self, role: &'a Role) -> tera::Value {
        tera::Value::try_from_serializable(&self.card(role)).unwrap_or_else(|_| tera::Value::none())
    }

    fn card(&self, role: &'a Role) -> RoleCard<'a> {
        RoleCard {
            slug: &role.slug,
            title: role.title(),
            url: self.url(&role_path(&role.slug)),
            summary: &role.front.summary.value,
            outcome: &role.front.outcome.value,
            status: role.front.status,
            headcount: role.front.headcount,
            primary: self.capability_refs(&role.front.capabilities.primary),
        }
    }

    pub fn role(&self, role: &'a Role, html: &'a str, toc: &'a [TocEntry]) -> RoleView<'a> {
        let front = &role.front;
        let archetype = self
            .config
            .archetype(&front.archetype.value)
            .map(|a| NameRef {
                key: &a.key,
                name: &a.name,
                url: self.url(&Taxonomy::Archetypes.term_path(&a.key)),
            })
            .unwrap_or(NameRef {
                key: &front.archetype.value,
                name: &front.archetype.value,
                url: self.url("archetypes/"),
            });
        let path = role_path(&role.slug);
        RoleView {
            slug: &role.slug,
            title: role.title(),
            url: self.url(&path),
            permalink: self.permalink(&path),
            source_path: crate::diagnostic::display_path(&role.source.file),
            archetype,
            summary: &front.summary.value,
            outcome: &front.outcome.value,
            decisions: &front.decisions.value,
            owns_after_launch: &front.owns_after_launch,
            primary: self.capability_refs(&front.capabilities.primary),
            secondary: self.capability_refs(&front.capabilities.secondary),
            interfaces: self.interfaces(&front.interfaces),
            success: front
                .success
                .value
                .horizons()
                .into_iter()
                .map(|(key, label, measures)| Horizon {
                    key,
                    label,
                    stated: measures.is_some(),
                    measures: measures.unwrap_or(&[]),
                })
                .collect(),
            reports_to: front.reports_to.as_deref(),
            hire_after: front
                .hire_after
                .iter()
                .filter_map(|h| self.any_role_link(&h.value))
                .collect(),
            hired_after_this: self
                .followers_of(&role.slug)
                .into_iter()
                .map(|r| self.role_link(&r))
                .collect(),
            constraints: &front.constraints,
            tools: &front.tools,
            interview_probes: &front.interview_probes,
            red_flags: &front.red_flags,
            internal_notes: &front.internal_notes,
            tags: front.tags.iter().map(|t| t.value.as_str()).collect(),
            tag_links: front.tags.iter().map(|t| self.tag_link(&t.value)).collect(),
            status: front.status,
            headcount: front.headcount,
            based_on: front
                .extends
                .as_ref()
                .and_then(|e| self.any_role_link(&e.value)),
            derived: self
                .derived_from(&role.slug)
                .iter()
                .map(|r| self.role_link(r))
                .collect(),
            content: html,
            toc,
            in_team: role.in_plan() || !self.has_plan(),
            maintainer: front
                .maintainer
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty()),
            reviewed: front.reviewed.as_ref().and_then(|r| DateView::of(&r.value)),
            last_changed: self.last_changed(&role.source.content_path),
            edit_url: self.config.edit_link(&role.source.file),
        }
    }

    /// Whether the site has a team plan (`Content::has_plan`), asked once per render.
    fn has_plan(&self) -> bool {
        *self.has_plan.get_or_init(|| self.content.has_plan())
    }

    /// The job post of `role`, its headings and labels in `words`.
    pub fn posting(
        &self,
        role: &'a Role,
        words: &dyn crate::playbook::posting::Words,
    ) -> PostingView<'a> {
        let posting = crate::playbook::posting::posting(self.config, role);
        PostingView {
            sections: posting.sections_in(words),
            posting,
            json_ld: self.posting_json_ld(role),
        }
    }

    /// The interview kit of `role`, whose post is `posting`, in `words`' language.
    pub fn kit(
        &self,
        role: &'a Role,
        posting: &crate::playbook::posting::Posting<'a>,
        words: &crate::render::wording::Wording,
    ) -> crate::playbook::kit::Kit<'a> {
        let mut kit = crate::playbook::kit::kit(self.config, role, posting);
        crate::render::kit_words::in_language(&mut kit, words);
        kit
    }

    /// The file `suffix` (`posting.txt`) beside the page of `role`.
    pub fn role_file(&self, role: &Role, suffix: &'static str) -> FileLink {
        FileLink {
            name: format!("{}.{suffix}", role.slug),
            kind: suffix,
            url: self.url(&crate::render::pages::role_file_path(&role.slug, suffix)),
        }
    }

    pub fn guide(&self, guide: &'a Guide, html: &'a str, toc: &'a [TocEntry]) -> GuideView<'a> {
        GuideView {
            title: guide.title(),
            summary: guide.front.summary.as_deref(),
            url: self.url(&guide.path),
            permalink: self.permalink(&guide.path),
            source_path: crate::diagnostic::display_path(&guide.source.file),
            tags: &guide.front.tags,
            content: html,
            toc,
            last_changed: self.last_changed(&guide.source.content_path),
            edit_url: self.config.edit_link(&guide.source.file),
        }
    }
}

/// The folder of the health page below the site root.
pub const HEALTH_PATH: &str = "health/";

#[derive(Debug, Serialize)]
pub struct HealthSummary {
    pub url: String,
    /// Findings that count (below the deny level: a build with errors has no site).
    pub warnings: usize,
    /// Findings briefs waived, each with its reason on the health page.
    pub waived: usize,
}

/// A finding a brief waived, as the health page lists it.
#[derive(Debug, Serialize)]
pub struct WaiverView<'a> {
    /// The brief that waived it (a finding on an inherited value names the file that wrote
    /// the value; the waiver is the inheriting brief's).
    pub brief: Option<Link>,
    pub file: String,
    pub line: usize,
    pub id: &'a str,
    /// The message the finding would have had.
    pub message: &'a str,
    /// The level it would have had.
    pub level: Severity,
    /// The brief's reason; `None` when it gave none (the list form, or a placeholder).
    pub reason: Option<&'a str>,
}

/// Whether one team brief answers every intake question (`gen check --ready`).
#[derive(Debug, Serialize)]
pub struct ReadinessRow {
    pub brief: Link,
    pub status: Status,
    /// Open briefs are held to it by `gen check --ready`.
    pub gated: bool,
    pub ready: bool,
    /// The questions left unanswered, in a few words each ("success at 12 months"), in
    /// the page's language.
    pub unanswered: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct FindingView<'a> {
    pub line: usize,
    pub column: usize,
    pub level: Severity,
    pub id: &'a str,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// What the health page lists.
#[derive(Debug, Serialize)]
pub struct HealthView<'a> {
    /// Each lint that found something, the most findings first.
    pub by_lint: Vec<LintCount>,
    /// The first files with findings, in file order.
    pub groups: Vec<FindingGroup<'a>>,
    /// Files with findings in all.
    pub files: usize,
    /// Files and findings past the ones shown.
    pub more_files: usize,
    pub more_findings: usize,
}

/// How many findings one lint made, in how many files.
#[derive(Debug, Serialize)]
pub struct LintCount {
    pub id: &'static str,
    pub level: Severity,
    pub findings: usize,
    pub files: usize,
}

/// Files whose findings the health page lists in full; the rest it counts.
pub const HEALTH_FILES_SHOWN: usize = 200;

#[derive(Debug, Serialize)]
pub struct FindingGroup<'a> {
    pub file: String,
    /// The page built from the file, when there is one.
    pub page: Option<Link>,
    pub findings: Vec<FindingView<'a>>,
}

impl<'a> Views<'a> {
    /// `findings`: what the health page shows, waived findings among them.
    pub fn health_summary(&self, findings: &[Diagnostic]) -> HealthSummary {
        let waived = findings.iter().filter(|f| f.waived().is_some()).count();
        HealthSummary {
            url: self.url(HEALTH_PATH),
            warnings: findings.len() - waived,
            waived,
        }
    }

    /// The findings briefs waived, in file order, each with the brief and its reason.
    pub fn waivers(&self, findings: &'a [Diagnostic]) -> Vec<WaiverView<'a>> {
        findings
            .iter()
            .filter_map(|f| Some((f, f.waived()?)))
            .map(|(f, waived)| WaiverView {
                brief: self.content.role(&waived.brief).map(|r| self.role_link(r)),
                file: crate::diagnostic::display_path(&f.file),
                line: f.position.line,
                id: f.id(),
                message: &f.message,
                level: f.severity,
                reason: Some(waived.reason.as_str()).filter(|r| !r.is_empty()),
            })
            .collect()
    }

    /// Each team brief (by title) and the intake questions it leaves unanswered, named in
    /// `words`' language (`intake-…` messages, after the questions' English labels).
    pub fn readiness(&self, words: &crate::render::wording::Wording) -> Vec<ReadinessRow> {
        let mut team = self.content.team();
        team.sort_by(|a, b| (a.title(), &a.slug).cmp(&(b.title(), &b.slug)));
        team.into_iter()
            .map(|role| {
                let gaps = crate::playbook::readiness::unanswered(self.config, role);
                ReadinessRow {
                    brief: self.role_link(role),
                    status: role.front.status,
                    gated: crate::playbook::readiness::gated(self.config, role),
                    ready: gaps.is_empty(),
                    unanswered: gaps
                        .iter()
                        .map(|g| {
                            let label = g.question.label();
                            words.get(&format!("intake-{}", crate::slug::slugify(label)))
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// Findings that count (waived ones are `waivers`): how many each lint found, then
    /// grouped by file, in file order, each group linked to its page, the first
    /// `files_shown` files in full (a page of tens of thousands of findings helps no one, and
    /// laying it out costs more memory than the rest of the build; `gen check` lists all).
    pub fn health(&self, findings: &'a [Diagnostic], files_shown: usize) -> HealthView<'a> {
        // The findings that count (not waived), picked once for the three summaries below.
        let counting: Vec<&'a Diagnostic> =
            findings.iter().filter(|f| f.waived().is_none()).collect();
        let mut by_lint: Vec<LintCount> = Vec::new();
        let mut files_of: HashMap<&str, std::collections::HashSet<&std::path::Path>> =
            HashMap::new();
        for finding in counting.iter().copied() {
            let id = finding.id();
            match by_lint.iter_mut().find(|c| c.id == id) {
                Some(count) => count.findings += 1,
                None => by_lint.push(LintCount {
                    id,
                    level: finding.severity,
                    findings: 1,
                    files: 0,
                }),
            }
            files_of
                .entry(id)
                .or_default()
                .insert(finding.file.as_path());
        }
        for count in &mut by_lint {
            count.files = files_of.get(count.id).map_or(0, |files| files.len());
        }
        by_lint.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.id.cmp(b.id)));
        let mut groups = self.finding_groups(counting.iter().copied());
        let files = groups.len();
        groups.truncate(files_shown);
        let shown: usize = groups.iter().map(|g| g.findings.len()).sum();
        HealthView {
            by_lint,
            more_files: files - groups.len(),
            more_findings: counting.len() - shown,
            files,
            groups,
        }
    }

    fn finding_groups(
        &self,
        findings: impl Iterator<Item = &'a Diagnostic>,
    ) -> Vec<FindingGroup<'a>> {
        let mut pages: std::collections::HashMap<&std::path::Path, Link> =
            std::collections::HashMap::new();
        for role in &self.content.roles {
            pages.insert(role.source.file.as_path(), self.role_link(role));
        }
        for guide in &self.content.guides {
            let link = Link {
                title: guide.title().to_string(),
                url: self.url(&guide.path),
            };
            pages.insert(guide.source.file.as_path(), link);
        }
        let mut groups: Vec<FindingGroup<'a>> = Vec::new();
        for finding in findings {
            let file = crate::diagnostic::display_path(&finding.file);
            if groups.last().is_none_or(|g| g.file != file) {
                let page = pages.get(finding.file.as_path()).cloned();
                groups.push(FindingGroup {
                    file,
                    page,
                    findings: Vec::new(),
                });
            }
            if let Some(group) = groups.last_mut() {
                group.findings.push(FindingView {
                    line: finding.position.line,
                    column: finding.position.column,
                    level: finding.severity,
                    id: finding.id(),
                    message: &finding.message,
                    help: finding.help.as_deref(),
                });
            }
        }
        groups
    }
}

pub use crate::content::role::role_path;
