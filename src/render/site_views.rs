//! View data for the playbook's own pages: the capability matrix, the hiring sequence, the
//! taxonomies, `roles.json` and the search index. Prepared in Rust, laid out by templates.

use crate::render::staffing_words;
use crate::render::wording::Wording;
use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use serde::Serialize;

use crate::content::role::{Role, Status};
use crate::markdown::MarkdownCache;
use crate::playbook::matrix::{self, Hold};
use crate::playbook::sequence;
use crate::playbook::staffing::{self, Staffing};
use crate::render::views::{Link, NavLink, Views, role_path};

pub const MATRIX_PATH: &str = "matrix/";
pub const PRINT_PATH: &str = "print/";
/// Above this many briefs the site has no whole-playbook page (`gen build --single-page`
/// still writes one): a page that long helps no reader and costs every build.
pub const PRINT_PAGE_LIMIT: usize = 200;
pub const SEQUENCE_PATH: &str = "sequence/";
pub const ROLES_JSON: &str = "roles.json";
pub const SEARCH_INDEX: &str = "search-index.js";

pub use crate::content::taxonomy::Taxonomy;

#[derive(Debug, Serialize)]
pub struct MatrixColumn<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub url: String,
    pub primary: usize,
    pub secondary: usize,
    pub gap: bool,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow<'a> {
    pub role: Link,
    pub archetype: &'a str,
    pub status: Status,
    /// A bundled brief (`bundled-role`): it holds capabilities without staffing them.
    pub bundled: bool,
    pub cells: Vec<Hold>,
}

#[derive(Debug, Serialize)]
pub struct MatrixView<'a> {
    pub columns: Vec<MatrixColumn<'a>>,
    pub rows: Vec<MatrixRow<'a>>,
    pub gaps: Vec<&'a str>,
    /// Whether the rows are the team plan of `content/plan/` (not every brief).
    pub team_is_plan: bool,
    /// Hidden in the library view (`archetypes_only`).
    pub staffing: Option<StaffingView<'a>>,
}

/// The staffing view: each capability as staffed, being hired, planned only or unowned.
#[derive(Debug, Serialize)]
pub struct StaffingView<'a> {
    /// "4 of 9 capabilities staffed; 2 being hired; Security & Compliance unowned"
    pub summary: String,
    pub url: String,
    pub total: usize,
    pub counts: Vec<StaffingCount>,
    pub rows: Vec<StaffingRow<'a>>,
}

#[derive(Debug, Serialize)]
pub struct StaffingCount {
    pub state: Staffing,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct StaffingRow<'a> {
    pub name: &'a str,
    pub url: String,
    pub state: Staffing,
    pub label: &'static str,
    /// The briefs that count, then the bundled ones (marked, not counted).
    pub holders: Vec<Holder>,
    /// Said beside the state when bundled briefs hold the capability too.
    pub note: Option<String>,
    /// Who holds it until a hire starts (`covered_by`), on the day of the build.
    pub covers: Vec<CoverView>,
}

/// Cover without a hire, as the staffing view and the plan page say it.
#[derive(Debug, Serialize)]
pub struct CoverView {
    pub name: String,
    /// existing, partner or contractor.
    pub kind: &'static str,
    /// "existing staff", "partner", "contractor".
    pub kind_words: &'static str,
    pub until: String,
    /// The brief whose hire ends the cover.
    pub brief: Link,
    pub capabilities: Vec<String>,
    pub active: bool,
    /// Whether it ends with days left before the hire starts (`cover-gap`).
    pub gap: bool,
}

/// A team brief holding a capability as primary, with where its hiring stands.
#[derive(Debug, Serialize)]
pub struct Holder {
    pub title: String,
    pub url: String,
    pub status: Status,
    pub headcount: Option<u32>,
    /// A bundled brief: listed, but it does not staff the capability.
    pub bundled: bool,
}

/// The team plan on the home page: the staffing summary and the plan's briefs.
#[derive(Debug, Serialize)]
pub struct PlanView<'a> {
    /// On the first page of the home listing only.
    pub staffing: Option<StaffingView<'a>>,
    /// Cards (`RoleCard`) of the briefs of `content/plan/` on this page, in hiring order
    /// (empty without a plan).
    pub roles: Vec<tera::Value>,
    /// How many briefs the plan has, on every page.
    pub count: usize,
    /// Whether its first cards are on an earlier page.
    pub continued: bool,
}

#[derive(Debug, Serialize)]
pub struct SequenceStep {
    pub number: usize,
    pub role: Link,
    pub archetype: String,
    pub after: Vec<Link>,
    /// Where the plan stands for it (none in the library view).
    pub status: Option<Status>,
    /// The quarter the hire starts (`target_start`, or `filled_on` once filled).
    pub quarter: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SequenceView {
    pub steps: Vec<SequenceStep>,
    /// Inline SVG, generated and escaped in Rust.
    pub svg: String,
    /// The archetypes of the graph's nodes, in site.yaml's order, for the legend of their
    /// node styles (`node-<key>`).
    pub legend: Vec<LegendEntry>,
}

#[derive(Debug, Serialize)]
pub struct LegendEntry {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct Term<'a> {
    pub key: String,
    pub name: String,
    pub description: Option<&'a str>,
    pub url: String,
    pub count: usize,
}

/// A term while its pages are prepared.
pub struct TermData<'a> {
    pub key: String,
    name: String,
    description: Option<&'a str>,
    pub roles: Vec<&'a Arc<Role>>,
    pub secondary: Vec<&'a Arc<Role>>,
}

#[derive(Debug, Serialize)]
pub struct TaxonomyIndexView<'a> {
    pub title: &'static str,
    pub url: String,
    pub terms: Vec<Term<'a>>,
}

#[derive(Debug, Serialize)]
pub struct TaxonomyTermView<'a> {
    pub taxonomy: &'static str,
    pub taxonomy_url: String,
    pub name: String,
    pub description: Option<&'a str>,
    pub url: String,
    /// Cards (`RoleCard`) of the briefs that hold it (for capabilities: as primary).
    pub roles: Vec<tera::Value>,
    /// For capabilities: cards of the briefs that hold it as secondary.
    pub secondary: Vec<tera::Value>,
    /// Whether this page lists the primary holders (or says there are none): a page of a
    /// paged listing past them shows only secondary ones.
    pub primary_here: bool,
}

/// One brief in `roles.json`: field names are a public interface (see README).
#[derive(Debug, Serialize)]
pub struct RoleData<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub archetype: &'a str,
    pub summary: &'a str,
    pub outcome: &'a str,
    pub decisions: &'a [String],
    pub owns_after_launch: &'a [String],
    pub capabilities: CapabilityData<'a>,
    pub interfaces: InterfacesData<'a>,
    pub success: &'a crate::content::role::Success,
    pub reports_to: Option<&'a str>,
    pub hire_after: Vec<&'a str>,
    pub constraints: &'a [String],
    pub tools: &'a [String],
    pub interview_probes: &'a [String],
    pub red_flags: &'a [String],
    pub internal_notes: &'a [String],
    pub tags: Vec<&'a str>,
    pub status: Status,
    pub headcount: Option<u32>,
    /// The slug of the brief this one `extends`.
    pub extends: Option<&'a str>,
    pub level: Option<&'a str>,
    pub location: &'a [String],
    pub remote: Option<&'a crate::content::role::Remote>,
    pub work_model: Option<crate::content::role::WorkModel>,
    pub employment_type: Option<crate::content::role::EmploymentType>,
    pub pay: Option<&'a crate::config::posting::Pay>,
    pub valid_through: Option<&'a str>,
    pub posting: PostingData<'a>,
    pub brief_md: String,
    pub brief_txt: String,
    /// The job post beside the page: standalone HTML, Markdown and plain text.
    pub posting_html: String,
    pub posting_md: String,
    pub posting_txt: String,
    pub source: String,
    pub date_posted: Option<&'a str>,
    /// The job post as a Word document, for the briefs site.yaml's `posting_docx` names.
    pub posting_docx: Option<String>,
    /// Who keeps the brief, and the day it was last reviewed, as written.
    pub maintainer: Option<&'a str>,
    pub reviewed: Option<&'a str>,
}

impl RoleData<'_> {
    /// With relative links, `roles.json` (at the site's root) gives its addresses relative
    /// to itself, so they work wherever the site is put and opened from disk.
    fn relative_to_root(&mut self, base_url: &str) {
        let addresses = [
            &mut self.url,
            &mut self.brief_md,
            &mut self.brief_txt,
            &mut self.posting_html,
            &mut self.posting_md,
            &mut self.posting_txt,
        ];
        for url in addresses.into_iter().chain(self.posting_docx.as_mut()) {
            if let Some(relative) = crate::render::relative::from_root(url, base_url) {
                *url = relative;
            }
        }
    }
}

/// `posting:` in `roles.json`.
#[derive(Debug, Serialize)]
pub struct PostingData<'a> {
    pub intro: Option<&'a str>,
    pub apply: Option<&'a str>,
}

/// A brief's interfaces in `roles.json`: every name of site.yaml's vocabulary, in its order,
/// `null` when the brief states nothing for it, so the fields are the same for every brief.
#[derive(Debug)]
pub struct InterfacesData<'a>(pub Vec<(&'a str, Option<&'a str>)>);

impl Serialize for InterfacesData<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, text) in &self.0 {
            map.serialize_entry(key, text)?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
pub struct CapabilityData<'a> {
    pub primary: Vec<&'a str>,
    pub secondary: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct RolesJson<'a> {
    pub site: &'a str,
    pub generator: String,
    pub roles: Vec<RoleData<'a>>,
}

/// A search entry; short keys keep the index small.
#[derive(Debug, Serialize)]
struct SearchEntry<'a> {
    /// title
    t: &'a str,
    /// URL below the site root
    u: String,
    /// kind: "role" or "guide"
    k: &'static str,
    /// summary
    s: &'a str,
    /// outcome
    #[serde(skip_serializing_if = "str::is_empty")]
    o: &'a str,
    /// capability names and tags
    #[serde(skip_serializing_if = "Vec::is_empty")]
    g: Vec<&'a str>,
    /// headings
    #[serde(skip_serializing_if = "Vec::is_empty")]
    h: Vec<&'a str>,
    /// constraints (systems, data, governance), which briefs are often searched by
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    c: &'a [String],
}

/// Briefs laid out together in `roles.json`, so that a big site's entries are not all held
/// beside the file.
const ROLES_JSON_RUN: usize = 512;

/// `entries` of `roles.json`'s list, each on its line; `first` when they open the list.
fn push_entries(text: &mut String, entries: &[Arc<str>], first: bool) {
    for (i, entry) in entries.iter().enumerate() {
        text.push_str(if first && i == 0 { "[\n" } else { ",\n" });
        text.push_str(entry);
    }
}

impl<'a> Views<'a> {
    /// The matrix, its staffing view in `words`' language.
    pub fn matrix(&self, words: &Wording) -> MatrixView<'a> {
        let m = matrix::site_matrix(self.config, self.content);
        MatrixView {
            team_is_plan: self.content.has_plan(),
            staffing: self.staffing(words),
            gaps: m
                .columns
                .iter()
                .filter(|c| c.is_gap())
                .map(|c| c.capability.name.as_str())
                .collect(),
            columns: m
                .columns
                .iter()
                .map(|c| MatrixColumn {
                    key: &c.capability.key,
                    name: &c.capability.name,
                    description: &c.capability.description,
                    url: self.url(&Taxonomy::Capabilities.term_path(&c.capability.key)),
                    primary: c.primary,
                    secondary: c.secondary,
                    gap: c.is_gap(),
                })
                .collect(),
            rows: m
                .rows
                .into_iter()
                .map(|(role, cells)| MatrixRow {
                    role: self.role_link(role),
                    archetype: self.archetype_name(role),
                    status: role.front.status,
                    bundled: self.is_bundled(role),
                    cells,
                })
                .collect(),
        }
    }

    /// The staffing view of the site's team, in `words`' language; none in the library
    /// view.
    pub fn staffing(&self, words: &Wording) -> Option<StaffingView<'a>> {
        if self.config.archetypes_only {
            return None;
        }
        let rows = staffing::classify(self.config, &self.content.team(), |r| self.is_bundled(r));
        Some(StaffingView {
            summary: staffing_words::summary(&rows, words),
            url: format!("{}#staffing", self.url(MATRIX_PATH)),
            total: rows.len(),
            counts: staffing::counts(&rows)
                .into_iter()
                .map(|(state, count)| StaffingCount {
                    state,
                    label: state.label(),
                    count,
                })
                .collect(),
            rows: rows
                .into_iter()
                .map(|row| StaffingRow {
                    name: &row.capability.name,
                    url: self.url(&Taxonomy::Capabilities.term_path(&row.capability.key)),
                    state: row.state,
                    label: row.state.label(),
                    note: staffing_words::note(&row, words),
                    covers: row
                        .covers
                        .iter()
                        .map(|c| self.cover_view(c, words))
                        .collect(),
                    holders: row
                        .holders
                        .iter()
                        .map(|r| (r, false))
                        .chain(row.bundled.iter().map(|r| (r, true)))
                        .map(|(r, bundled)| Holder {
                            title: r.title().to_string(),
                            url: self.url(&role_path(&r.slug)),
                            status: r.front.status,
                            headcount: r.front.headcount,
                            bundled,
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    /// A cover, with the brief whose hire ends it and the capabilities' names; its end in
    /// `words`' language.
    pub fn cover_view(
        &self,
        cover: &crate::playbook::team_plan::CoverRow,
        words: &Wording,
    ) -> CoverView {
        CoverView {
            name: cover.cover.name.value.clone(),
            kind: cover.cover.kind.key(),
            kind_words: cover.cover.kind.words(),
            until: words.when(cover.until),
            brief: self.role_link(cover.role),
            capabilities: cover
                .capabilities
                .iter()
                .map(|key| {
                    self.config
                        .capability(key)
                        .map_or_else(|| key.to_string(), |c| c.name.clone())
                })
                .collect(),
            active: cover.active,
            gap: cover.gap,
        }
    }

    fn archetype_name(&self, role: &'a Role) -> &'a str {
        self.config
            .archetype(&role.front.archetype.value)
            .map_or(role.front.archetype.value.as_str(), |a| a.name.as_str())
    }

    /// The hiring sequence, its words in `words`' language.
    pub fn sequence(&self, words: &Wording) -> SequenceView {
        let steps = sequence::team_order(self.config, self.content);
        let svg = crate::render::svg::svg(&steps, &words.get("sequence-graph-title"), |role| {
            self.url(&role_path(&role.slug))
        });
        SequenceView {
            steps: steps
                .iter()
                .enumerate()
                .map(|(i, step)| SequenceStep {
                    number: i + 1,
                    role: self.role_link(step.role),
                    archetype: self.archetype_name(step.role).to_string(),
                    after: step.after.iter().map(|r| self.role_link(r)).collect(),
                    status: (!self.config.archetypes_only).then_some(step.role.front.status),
                    quarter: crate::playbook::team_plan::start_of(step.role)
                        .map(|s| words.quarter(s.quarter())),
                })
                .collect(),
            svg,
            legend: self
                .config
                .archetypes
                .iter()
                .filter(|a| steps.iter().any(|s| s.role.front.archetype.value == a.key))
                .map(|a| LegendEntry {
                    key: a.key.clone(),
                    name: a.name.clone(),
                })
                .collect(),
        }
    }

    /// Tags by their slug, with the spelling of their first use.
    fn tags(&self) -> BTreeMap<String, (String, Vec<&'a Arc<Role>>)> {
        let mut tags: BTreeMap<String, (String, Vec<&'a Arc<Role>>)> = BTreeMap::new();
        for role in &self.content.roles {
            for (tag, slug) in role.front.tags.iter().zip(role.tag_slugs()) {
                let entry = tags
                    .entry(slug.clone())
                    .or_insert_with(|| (tag.value.clone(), Vec::new()));
                // Briefs come one after another: a tag written twice in one brief would
                // have just added it.
                if entry.1.last().is_none_or(|r| r.slug != role.slug) {
                    entry.1.push(role);
                }
            }
        }
        tags
    }

    fn with_capability(&self, key: &str, primary: bool) -> Vec<&'a Arc<Role>> {
        self.content
            .roles
            .iter()
            .filter(|r| {
                let caps = &r.front.capabilities;
                let list = if primary {
                    &caps.primary
                } else {
                    &caps.secondary
                };
                list.iter().any(|c| c.value == key)
            })
            .collect()
    }

    /// The terms of a taxonomy with the briefs on each.
    fn terms(&self, taxonomy: Taxonomy) -> Vec<TermData<'a>> {
        let mut terms: Vec<TermData<'a>> = Vec::new();
        match taxonomy {
            Taxonomy::Archetypes => {
                terms.extend(
                    self.config
                        .archetypes
                        .iter()
                        .map(|a| self.archetype_term(a)),
                );
            }
            Taxonomy::Capabilities => {
                terms.extend(
                    self.config
                        .capabilities
                        .iter()
                        .map(|c| self.capability_term(c)),
                );
            }
            Taxonomy::Tags => {
                for (key, (name, roles)) in self.tags() {
                    terms.push(TermData {
                        key,
                        name,
                        description: None,
                        roles,
                        secondary: Vec::new(),
                    });
                }
            }
        }
        terms
    }

    /// The folders of a taxonomy's index and term pages below the site root, every page of
    /// a paged term's listing.
    pub fn taxonomy_paths(&self, taxonomy: Taxonomy) -> Vec<String> {
        let base = taxonomy.path();
        let mut paths = vec![base.to_string()];
        for (key, pages) in self.term_page_counts(taxonomy) {
            let listing = taxonomy.term_path(&key);
            paths.extend((1..=pages).map(|n| crate::render::listing::page_path(&listing, n)));
        }
        paths
    }

    /// Each term of a taxonomy by key, with the number of pages its listing takes.
    pub fn term_page_counts(&self, taxonomy: Taxonomy) -> Vec<(String, usize)> {
        self.terms(taxonomy)
            .into_iter()
            .map(|t| {
                let cards = t.roles.len() + t.secondary.len();
                let pages =
                    crate::render::listing::page_count(cards, self.config.listing.page_size);
                (t.key, pages)
            })
            .collect()
    }

    fn archetype_term(&self, a: &'a crate::config::Archetype) -> TermData<'a> {
        TermData {
            key: a.key.clone(),
            name: a.name.clone(),
            description: Some(&a.description),
            roles: self
                .content
                .roles
                .iter()
                .filter(|r| r.front.archetype.value == a.key)
                .collect(),
            secondary: Vec::new(),
        }
    }

    fn capability_term(&self, c: &'a crate::config::Capability) -> TermData<'a> {
        TermData {
            key: c.key.clone(),
            name: c.name.clone(),
            description: Some(&c.description),
            roles: self.with_capability(&c.key, true),
            secondary: self.with_capability(&c.key, false),
        }
    }

    /// The index page of a taxonomy.
    pub fn taxonomy_index(&self, taxonomy: Taxonomy) -> TaxonomyIndexView<'a> {
        self.index_view(taxonomy, &self.terms(taxonomy))
    }

    fn index_view(&self, taxonomy: Taxonomy, terms: &[TermData<'a>]) -> TaxonomyIndexView<'a> {
        let base = taxonomy.path();
        TaxonomyIndexView {
            title: taxonomy.title(),
            url: self.url(base),
            terms: terms
                .iter()
                .map(|t| Term {
                    key: t.key.clone(),
                    name: t.name.clone(),
                    description: t.description,
                    url: self.url(&taxonomy.term_path(&t.key)),
                    count: t.roles.len() + t.secondary.len(),
                })
                .collect(),
        }
    }

    /// The index page of a taxonomy and its terms.
    pub fn taxonomy(&self, taxonomy: Taxonomy) -> (TaxonomyIndexView<'a>, Vec<TermData<'a>>) {
        let terms = self.terms(taxonomy);
        let index = self.index_view(taxonomy, &terms);
        (index, terms)
    }

    /// One term (by key) and its briefs; `None` once no brief uses it.
    pub fn term_data(&self, taxonomy: Taxonomy, key: &str) -> Option<TermData<'a>> {
        // One term without gathering the others: a big site's taxonomies are laid out a term
        // at a time.
        let term = match taxonomy {
            Taxonomy::Archetypes => self.archetype_term(self.config.archetype(key)?),
            Taxonomy::Capabilities => self.capability_term(self.config.capability(key)?),
            Taxonomy::Tags => {
                let roles = &self.content.roles;
                let tagged = |i: &usize| roles[*i].tag_slugs().iter().any(|s| s == key);
                let first = (0..roles.len()).find(tagged)?;
                let at = roles[first].tag_slugs().iter().position(|s| s == key)?;
                let name = &roles[first].front.tags[at];
                let tagged_roles: Vec<&'a Arc<Role>> = (first..roles.len())
                    .filter(tagged)
                    .map(|i| &roles[i])
                    .collect();
                TermData {
                    key: key.to_string(),
                    name: name.value.clone(),
                    description: None,
                    roles: tagged_roles,
                    secondary: Vec::new(),
                }
            }
        };
        Some(term)
    }

    /// A term's page without its cards (`render::listing` puts in a page's).
    pub fn term_view(&self, taxonomy: Taxonomy, t: &TermData<'a>) -> TaxonomyTermView<'a> {
        TaxonomyTermView {
            taxonomy: taxonomy.title(),
            taxonomy_url: self.url(taxonomy.path()),
            name: t.name.clone(),
            description: t.description,
            url: self.url(&taxonomy.term_path(&t.key)),
            roles: Vec::new(),
            secondary: Vec::new(),
            primary_here: true,
        }
    }

    fn role_file_permalink(&self, role: &Role, suffix: &str) -> String {
        self.permalink(&crate::render::pages::role_file_path(&role.slug, suffix))
    }

    pub fn role_data(&self, role: &'a Role) -> RoleData<'a> {
        let front = &role.front;
        let path = role_path(&role.slug);
        RoleData {
            slug: &role.slug,
            title: role.title(),
            url: self.permalink(&path),
            archetype: &front.archetype.value,
            summary: &front.summary.value,
            outcome: &front.outcome.value,
            decisions: &front.decisions.value,
            owns_after_launch: &front.owns_after_launch,
            capabilities: CapabilityData {
                primary: front
                    .capabilities
                    .primary
                    .iter()
                    .map(|c| c.value.as_str())
                    .collect(),
                secondary: front
                    .capabilities
                    .secondary
                    .iter()
                    .map(|c| c.value.as_str())
                    .collect(),
            },
            interfaces: InterfacesData(
                self.config
                    .interfaces
                    .keys()
                    .map(|key| (key, front.interfaces.get(key)))
                    .collect(),
            ),
            success: &front.success.value,
            reports_to: front.reports_to.as_deref(),
            hire_after: front.hire_after.iter().map(|h| h.value.as_str()).collect(),
            constraints: &front.constraints,
            tools: &front.tools,
            interview_probes: &front.interview_probes,
            red_flags: &front.red_flags,
            internal_notes: &front.internal_notes,
            tags: front.tags.iter().map(|t| t.value.as_str()).collect(),
            status: front.status,
            headcount: front.headcount,
            extends: front.extends.as_ref().map(|e| e.value.as_str()),
            level: front.level.as_ref().map(|l| l.value.as_str()),
            location: &front.location,
            remote: front.remote.as_ref(),
            work_model: front.work_model,
            employment_type: front.employment_type,
            pay: front.pay.as_ref(),
            valid_through: front.valid_through.as_ref().map(|d| d.value.as_str()),
            posting: PostingData {
                intro: front.posting.intro.as_deref(),
                apply: front.posting.apply.as_ref().map(|a| a.value.as_str()),
            },
            brief_md: self.role_file_permalink(role, "brief.md"),
            brief_txt: self.role_file_permalink(role, "brief.txt"),
            posting_html: self.role_file_permalink(role, "posting.html"),
            posting_md: self.role_file_permalink(role, "posting.md"),
            posting_txt: self.role_file_permalink(role, "posting.txt"),
            source: crate::diagnostic::display_path(&role.source.file),
            date_posted: front.date_posted.as_ref().map(|d| d.value.as_str()),
            posting_docx: crate::render::docx::writes_posting(self.config.posting_docx, role)
                .then(|| self.role_file_permalink(role, crate::render::pages::POSTING_DOCX)),
            maintainer: front.maintainer.as_deref(),
            reviewed: front.reviewed.as_ref().map(|d| d.value.as_str()),
        }
    }

    /// `roles.json`, laid out as `serde_json::to_string_pretty` of a `RolesJson` would be,
    /// but from one entry per brief: entries are written in parallel and, with a cache,
    /// only for briefs that changed since the last render.
    pub fn roles_json(&self) -> String {
        let (head, end) = self.roles_json_ends();
        // Sized once: `gen serve` lays a 40 MB file out again on each front-matter edit, and
        // each copy of a growing string is fresh memory the kernel has to clear.
        let entries = self.roles_json_entries(&self.content.roles);
        let size = head.len() + end.len() + entries.iter().map(|e| e.len() + 2).sum::<usize>();
        let mut text = String::with_capacity(size);
        text.push_str(&head);
        push_entries(&mut text, &entries, true);
        text.push_str(end);
        text
    }

    /// What `roles.json` holds before and after its entries.
    fn roles_json_ends(&self) -> (String, &'static str) {
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let head = format!(
            "{{\n  \"site\": {},\n  \"generator\": {},\n  \"roles\": ",
            quoted(&self.config.title),
            // `output::written_by_gen` knows gen's output folders by this line.
            quoted(&format!(
                "{} {}",
                crate::output::GENERATOR,
                env!("CARGO_PKG_VERSION")
            ))
        );
        let end = if self.content.roles.is_empty() {
            "[]\n}\n"
        } else {
            "\n  ]\n}\n"
        };
        (head, end)
    }

    /// The `roles.json` entries of `roles`, made in parallel (or kept from the last render).
    fn roles_json_entries(&self, roles: &[Arc<Role>]) -> Vec<Arc<str>> {
        roles
            .par_iter()
            .map(|role| self.per_brief(|caches| &caches.json, role, || self.role_json(role)))
            .collect()
    }

    /// `roles.json` in parts (its head, its entries a run at a time, its end), for a build
    /// that writes the file as it is made: a big site's is tens of megabytes.
    pub fn roles_json_parts(&self) -> impl Iterator<Item = String> + '_ {
        let (head, end) = self.roles_json_ends();
        let runs = self
            .content
            .roles
            .chunks(ROLES_JSON_RUN)
            .enumerate()
            .map(|(n, run)| {
                let entries = self.roles_json_entries(run);
                let mut text = String::with_capacity(entries.iter().map(|e| e.len() + 2).sum());
                push_entries(&mut text, &entries, n == 0);
                text
            });
        std::iter::once(head)
            .chain(runs)
            .chain(std::iter::once(end.to_string()))
    }

    /// One brief's entry in `roles.json`, indented for its place in the array. JSON strings
    /// hold no raw line breaks, so indenting every line is safe.
    fn role_json(&self, role: &'a Role) -> Arc<str> {
        let mut data = self.role_data(role);
        if self.config.relative_links {
            data.relative_to_root(&self.base_url);
        }
        let json = serde_json::to_string_pretty(&data).unwrap_or_default();
        let mut indented = String::with_capacity(json.len() + json.len() / 8);
        for (i, line) in json.lines().enumerate() {
            if i > 0 {
                indented.push('\n');
            }
            indented.push_str("    ");
            indented.push_str(line);
        }
        Arc::from(indented)
    }

    /// `search-index.js`: assigns the entries to a global, so it loads from `file://` too.
    /// URLs are below the site root; the page prefixes its own root.
    pub fn search_index(&self, markdown: &MarkdownCache, index_html: bool) -> String {
        let page_url = |path: &str| {
            if index_html {
                format!("{path}index.html")
            } else {
                path.to_string()
            }
        };
        let headings = |content_path: &str| -> Vec<&str> {
            markdown
                .get(content_path)
                .map(|md| {
                    md.toc
                        .iter()
                        .filter(|t| t.level <= 3)
                        .map(|t| t.title.as_str())
                        .collect()
                })
                .unwrap_or_default()
        };
        let entry = |entry: SearchEntry| -> Arc<str> {
            Arc::from(serde_json::to_string(&entry).unwrap_or_default())
        };
        // A brief's entry changes only with the brief (its front matter or its headings):
        // with a cache, a rebuild makes only the entries of the briefs it read again.
        let role_entry = |role: &Arc<Role>| -> Arc<str> {
            let mut g: Vec<&str> = role
                .front
                .capabilities
                .primary
                .iter()
                .chain(&role.front.capabilities.secondary)
                .filter_map(|c| self.config.capability(&c.value))
                .map(|c| c.name.as_str())
                .collect();
            g.extend(role.front.tags.iter().map(|t| t.value.as_str()));
            g.push(self.archetype_name(role));
            entry(SearchEntry {
                t: role.title(),
                u: page_url(&role_path(&role.slug)),
                k: "role",
                s: &role.front.summary.value,
                o: &role.front.outcome.value,
                g,
                h: headings(&role.source.content_path),
                c: &role.front.constraints,
            })
        };
        let mut entries: Vec<Arc<str>> = self
            .content
            .roles
            .par_iter()
            .map(|role| self.per_brief(|caches| &caches.search, role, || role_entry(role)))
            .collect();
        entries.extend(self.content.guides.iter().map(|guide| {
            entry(SearchEntry {
                t: guide.title(),
                u: page_url(&guide.path),
                k: "guide",
                s: guide.front.summary.as_deref().unwrap_or(""),
                o: "",
                g: guide.front.tags.iter().map(String::as_str).collect(),
                h: headings(&guide.source.content_path),
                c: &[],
            })
        }));
        // As `serde_json::to_string` writes the array of entries; sized once, as the file is
        // megabytes and `format!` would grow it by doubling.
        const HEAD: &str = "window.rolebookSearch = [";
        const END: &str = "];\n";
        let size = HEAD.len() + END.len() + entries.iter().map(|e| e.len() + 1).sum::<usize>();
        let mut text = String::with_capacity(size);
        text.push_str(HEAD);
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(entry);
        }
        text.push_str(END);
        text
    }

    /// Links of the site's own pages, for navigation.
    pub fn playbook_nav(&self) -> Vec<NavLink> {
        let mut links = vec![
            NavLink::new("Roles", self.url("")),
            NavLink::new("Capability matrix", self.url(MATRIX_PATH)),
            NavLink::new("Hiring sequence", self.url(SEQUENCE_PATH)),
            NavLink::new("Capabilities", self.url(Taxonomy::Capabilities.path())),
            NavLink::new("Archetypes", self.url(Taxonomy::Archetypes.path())),
            NavLink::new("Tags", self.url(Taxonomy::Tags.path())),
        ];
        if !self.config.archetypes_only {
            links.insert(
                3,
                NavLink::new("Team plan", self.url(crate::render::plan_page::PLAN_PATH)),
            );
        }
        if has_print_page(self.content) {
            links.push(NavLink::new("Whole playbook", self.url(PRINT_PATH)));
        }
        links
    }

    /// Every page's permalink, for the sitemap.
    pub fn sitemap_urls(&self, paths: &[String]) -> Vec<String> {
        paths.iter().map(|p| self.permalink(p)).collect()
    }
}

/// Whether the site has a whole-playbook page (see `PRINT_PAGE_LIMIT`).
pub fn has_print_page(content: &crate::content::Content) -> bool {
    !content.roles.is_empty() && content.roles.len() <= PRINT_PAGE_LIMIT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};
    use crate::render::brief_cache::BriefCaches;

    fn pretty(views: &Views) -> String {
        let data = RolesJson {
            site: &views.config.title,
            generator: format!("rolebook gen {}", env!("CARGO_PKG_VERSION")),
            roles: views
                .content
                .roles
                .iter()
                .map(|r| views.role_data(r))
                .collect(),
        };
        format!(
            "{}\n",
            serde_json::to_string_pretty(&data).unwrap_or_default()
        )
    }

    #[test]
    fn roles_json_from_entries_is_the_pretty_json_of_the_whole() {
        let config = config();
        for pages in [
            vec![],
            vec![("roles/lead.md", brief("Lead \"quoted\"", "manager", &[]))],
            vec![
                ("roles/lead.md", brief("Lead", "manager", &[])),
                ("roles/eng.md", brief("Engineer <b>", "builder", &["lead"])),
            ],
        ] {
            let content = content(&pages);
            let views = Views::new(&config, &content);
            assert_eq!(views.roles_json(), pretty(&views));
            let cache = BriefCaches::default();
            let cached = Views::new(&config, &content).with_caches(&cache);
            assert_eq!(cached.roles_json(), pretty(&views), "first render");
            assert_eq!(cached.roles_json(), pretty(&views), "from the cache");
        }
    }

    #[test]
    fn roles_json_in_several_runs_is_still_the_one_document() {
        let config = config();
        let briefs: Vec<(String, String)> = (0..ROLES_JSON_RUN + 3)
            .map(|n| {
                (
                    format!("roles/r{n:04}.md"),
                    brief(&format!("Role {n}"), "builder", &[]),
                )
            })
            .collect();
        let pages: Vec<(&str, String)> = briefs
            .iter()
            .map(|(p, b)| (p.as_str(), b.clone()))
            .collect();
        let content = content(&pages);
        let views = Views::new(&config, &content);
        let parts: Vec<String> = views.roles_json_parts().collect();
        assert_eq!(parts.len(), 4, "its head, two runs of briefs and its end");
        assert_eq!(parts.concat(), pretty(&views));
        assert_eq!(views.roles_json(), pretty(&views));
    }

    #[test]
    fn a_changed_brief_gets_a_fresh_entry() {
        let config = config();
        let cache = BriefCaches::default();
        let before = content(&[("roles/lead.md", brief("Lead", "manager", &[]))]);
        let _ = Views::new(&config, &before)
            .with_caches(&cache)
            .roles_json();
        let after = content(&[("roles/lead.md", brief("Chief", "manager", &[]))]);
        let json = Views::new(&config, &after).with_caches(&cache).roles_json();
        assert!(json.contains("\"title\": \"Chief\""), "{json}");
        assert!(!json.contains("\"title\": \"Lead\""), "{json}");
    }

    /// Each link of the navigation names a message every shipped language has, so no
    /// page falls back to the English name.
    #[test]
    fn every_navigation_link_has_its_words() {
        let mut config = config();
        config.archetypes_only = false;
        let content = content(&[("roles/lead.md", brief("Lead", "manager", &[]))]);
        let views = Views::new(&config, &content);
        let links = views.playbook_nav();
        assert!(
            links.iter().any(|l| l.key == "nav-capability-matrix"),
            "{links:?}"
        );
        let strings = crate::render::i18n::shipped();
        for lang in ["en", "de", "fr"] {
            for link in &links {
                assert!(
                    strings.message(lang, &link.key, None).is_ok(),
                    "{lang}: no `{}`",
                    link.key
                );
            }
        }
    }
}
