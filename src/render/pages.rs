//! The registry of the site's pages: each kind of page described once (its templates, its
//! address when fixed, what it shows from the briefs), and the pages a site's content makes.

use std::collections::BTreeSet;

use crate::content::Content;
use crate::render::plan_page::PLAN_PATH;
use crate::render::site_views::{MATRIX_PATH, PRINT_PATH, SEQUENCE_PATH, Taxonomy, has_print_page};
use crate::render::views::{HEALTH_PATH, Views, role_path};

/// One page (or set of files) of the site, by what it shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKey {
    Home,
    NotFound,
    /// The playbook health page: every lint finding.
    Health,
    Matrix,
    Sequence,
    /// The whole playbook on one page (small sites only: `site_views::has_print_page`).
    Print,
    /// The team plan (`/plan/`).
    Plan,
    /// The team plan as data, `plan.csv` and `plan.json`: a key of its own, so that a big
    /// plan's page and its data are not held at once.
    PlanData,
    /// A taxonomy's index page and one page per term.
    Taxonomy(Taxonomy),
    /// A taxonomy's index page alone.
    TaxonomyIndex(Taxonomy),
    /// One term's page, by key (an archetype, capability or tag slug).
    Term(Taxonomy, String),
    /// `roles.json`: every brief's front matter.
    Data,
    /// The open briefs' posts as data: `jobs.json` (schema.org JobPosting), `jobs.csv`,
    /// `jobs.lever.json` and `jobs.greenhouse.json` (`render::jobs`).
    Jobs,
    /// `sitemap.xml` (and `robots.txt`): every page's address.
    Sitemap,
    /// `search-index.js`: titles, summaries, outcomes, capabilities, tags, headings and constraints.
    SearchIndex,
    /// A brief's page and the files beside it (`ROLE_FILES`), by slug.
    Role(String),
    /// By content path.
    Guide(String),
    /// One page of the home listing (`Home` is all of them), by number from 1: the planner
    /// lays out only the pages of a paged listing that an edit changes (`render::listing`).
    HomePage(usize),
    /// One page of a term's listing (`Term` is all of them).
    TermPage(Taxonomy, String, usize),
}

/// What a page shows from the briefs, beside the brief it is about: when one of these
/// changes, the rebuild planner lays the page out again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shows {
    Title,
    Archetype,
    Status,
    Capabilities,
    Tags,
    /// `hire_after`.
    Hiring,
    Summary,
    Outcome,
    /// The answers to the intake questions (`playbook::readiness`): whether the brief is
    /// ready to open a search.
    Intake,
    /// Whether the brief is bundled (`bundled-role`, from its capabilities, decisions and
    /// summary): the staffing view does not count it, and the matrix marks it.
    Bundled,
    /// An open brief's job post as data (`render::jobs`): it changed, or the brief opened
    /// or closed.
    Job,
    /// The plan fields (`target_start`, `filled_on`, `approval`, `cost`, `starting_point`,
    /// `handover`, `covered_by`) and what the plan's cost reads (`headcount`, `pay`,
    /// `level`).
    Plan,
    /// `constraints`, which search finds briefs by.
    Constraints,
    /// Every field of every brief (`roles.json`, the whole-playbook page).
    Everything,
    /// The lint findings (listed, or counted).
    Findings,
    /// Every page's headings.
    Headings,
}

/// What a role card shows, on the home page and on term pages.
pub const CARD: &[Shows] = &[
    Shows::Title,
    Shows::Status,
    Shows::Capabilities,
    Shows::Summary,
    Shows::Outcome,
];

/// A kind of page, described once: the templates that lay it out, the folder of its address
/// when that is fixed, and what it shows from the briefs. The renderer, the sitemap and the
/// rebuild planner all read this.
#[derive(Debug)]
pub struct PageKind {
    pub templates: &'static [&'static str],
    /// The page's folder below the site root (`matrix/`), for pages at one fixed address.
    pub folder: Option<&'static str>,
    pub shows: &'static [Shows],
}

use Shows::*;

const HOME: PageKind = PageKind {
    templates: &["index.html"],
    folder: Some(""),
    shows: &[
        Title,
        Status,
        Capabilities,
        Summary,
        Outcome,
        Archetype,
        Findings,
        Bundled,
        // The staffing summary counts covered capabilities.
        Plan,
        // The team plan's cards are in hiring order.
        Hiring,
    ],
};
const NOT_FOUND: PageKind = PageKind {
    templates: &["404.html"],
    folder: None,
    shows: &[],
};
const HEALTH: PageKind = PageKind {
    templates: &["health.html"],
    folder: Some(HEALTH_PATH),
    // Findings are listed under their brief's title; the readiness table shows each team
    // brief's title, status and unanswered intake questions.
    shows: &[Title, Status, Intake, Findings],
};
const MATRIX: PageKind = PageKind {
    templates: &["matrix.html"],
    folder: Some(MATRIX_PATH),
    // The staffing view shows cover (`covered_by`) and headcounts.
    shows: &[Title, Archetype, Status, Capabilities, Bundled, Plan],
};
const SEQUENCE: PageKind = PageKind {
    templates: &["sequence.html"],
    folder: Some(SEQUENCE_PATH),
    // Each step shows its brief's status and target quarter.
    shows: &[Title, Archetype, Hiring, Status, Plan],
};
/// What the plan page shows: the open risks from the lints, then what its data shows too.
const PLAN_SHOWS: &[Shows] = &[
    Findings,
    Title,
    Archetype,
    Status,
    Capabilities,
    Hiring,
    Bundled,
    Plan,
];
/// The team plan: hires by quarter (status, headcount, approval), cost, the load per
/// person (capabilities, bundled briefs), cover, and the open risks from the lints.
const PLAN: PageKind = PageKind {
    templates: &["plan.html"],
    folder: Some(PLAN_PATH),
    shows: PLAN_SHOWS,
};
/// `plan.csv` and `plan.json`: one record per team brief, without the risks.
const PLAN_DATA: PageKind = PageKind {
    templates: &[],
    folder: None,
    shows: PLAN_SHOWS.split_at(1).1,
};
const PRINT: PageKind = PageKind {
    templates: &["print.html"],
    folder: Some(PRINT_PATH),
    shows: &[Everything],
};
/// A taxonomy's index counts the briefs of each term: it changes when a brief joins or
/// leaves one (which the planner tells per taxonomy).
const TAXONOMY: PageKind = PageKind {
    templates: &["taxonomies.html", "taxonomy.html"],
    folder: None,
    shows: &[],
};
const TAXONOMY_INDEX: PageKind = PageKind {
    templates: &["taxonomies.html"],
    folder: None,
    shows: &[],
};
const TERM: PageKind = PageKind {
    templates: &["taxonomy.html"],
    folder: None,
    shows: CARD,
};
const DATA: PageKind = PageKind {
    templates: &[],
    folder: None,
    shows: &[Everything],
};
/// The open briefs' posts as data files (in no sitemap): they change when an open brief's
/// post does, or a brief opens or closes.
const JOBS: PageKind = PageKind {
    templates: &[],
    folder: None,
    shows: &[Job],
};
/// Every page's address: it changes only when pages are added, removed or moved.
const SITEMAP: PageKind = PageKind {
    templates: &["sitemap.xml"],
    folder: None,
    shows: &[],
};
const SEARCH_INDEX_KIND: PageKind = PageKind {
    templates: &[],
    folder: None,
    shows: &[
        Title,
        Status,
        Capabilities,
        Summary,
        Outcome,
        Archetype,
        Tags,
        Headings,
        Constraints,
    ],
};
/// A file written beside a brief's page, `<slug>.<suffix>`, from one template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleFile {
    pub suffix: &'static str,
    pub template: &'static str,
    pub made_from: MadeFrom,
}

/// What a file beside a brief's page is laid out from: its template sees only that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MadeFrom {
    /// The brief: `role` (its `roles.json` record) and `interfaces`.
    Brief,
    /// The job post: `posting` (`playbook::posting`), which holds no internal field.
    Posting,
    /// The interview kit: `kit` (`playbook::kit`), internal; no post links to it.
    Kit,
}

/// The renditions of a brief beside its page: the brief as a job-description template
/// (internal fields left out), and the job post (`playbook::posting`: candidate-facing
/// fields only), and the interview kit for the hiring team.
pub const ROLE_FILES: [RoleFile; 6] = [
    RoleFile {
        suffix: "brief.md",
        template: "brief.md.tera",
        made_from: MadeFrom::Brief,
    },
    RoleFile {
        suffix: "brief.txt",
        template: "brief.txt.tera",
        made_from: MadeFrom::Brief,
    },
    RoleFile {
        suffix: "posting.html",
        template: "posting.html",
        made_from: MadeFrom::Posting,
    },
    RoleFile {
        suffix: "posting.md",
        template: "posting.md.tera",
        made_from: MadeFrom::Posting,
    },
    RoleFile {
        suffix: "posting.txt",
        template: "posting.txt.tera",
        made_from: MadeFrom::Posting,
    },
    RoleFile {
        suffix: "kit.html",
        template: "kit.html",
        made_from: MadeFrom::Kit,
    },
];

/// The job post as a Word document beside a brief's page, `<slug>.posting.docx`: laid out
/// with the other files of the brief (`PageKey::Role`) from the same `Posting`, by code
/// (`render::docx`) rather than a template.
pub const POSTING_DOCX: &str = "posting.docx";

/// The path below the site root of the file `suffix` beside the page of brief `slug`:
/// `roles/<slug>/<slug>.<suffix>`, so a download keeps the brief's name.
pub fn role_file_path(slug: &str, suffix: &str) -> String {
    format!("{}{slug}.{suffix}", role_path(slug))
}

/// A brief's page shows all of its own brief; of other briefs, the titles of the briefs
/// next to it in the hiring order and of the briefs derived from it. The files beside it
/// (`ROLE_FILES`) are laid out with it.
const ROLE: PageKind = PageKind {
    templates: &[
        "role.html",
        ROLE_FILES[0].template,
        ROLE_FILES[1].template,
        ROLE_FILES[2].template,
        ROLE_FILES[3].template,
        ROLE_FILES[4].template,
        ROLE_FILES[5].template,
    ],
    folder: None,
    shows: &[Title, Hiring],
};
const GUIDE: PageKind = PageKind {
    templates: &["page.html"],
    folder: None,
    shows: &[],
};

impl PageKey {
    /// The kind of page this is.
    pub fn kind(&self) -> &'static PageKind {
        match self {
            PageKey::Home => &HOME,
            PageKey::NotFound => &NOT_FOUND,
            PageKey::Health => &HEALTH,
            PageKey::Matrix => &MATRIX,
            PageKey::Sequence => &SEQUENCE,
            PageKey::Print => &PRINT,
            PageKey::Plan => &PLAN,
            PageKey::PlanData => &PLAN_DATA,
            PageKey::Taxonomy(_) => &TAXONOMY,
            PageKey::TaxonomyIndex(_) => &TAXONOMY_INDEX,
            PageKey::Term(..) => &TERM,
            PageKey::Data => &DATA,
            PageKey::Jobs => &JOBS,
            PageKey::Sitemap => &SITEMAP,
            PageKey::SearchIndex => &SEARCH_INDEX_KIND,
            PageKey::Role(_) => &ROLE,
            PageKey::Guide(_) => &GUIDE,
            PageKey::HomePage(_) => &HOME,
            PageKey::TermPage(..) => &TERM,
        }
    }

    /// The templates that lay the page out.
    pub fn templates(&self) -> &'static [&'static str] {
        self.kind().templates
    }

    /// Whether the page shows `what`.
    pub fn shows(&self, what: Shows) -> bool {
        let shows = self.kind().shows;
        shows.contains(&what) || (shows.contains(&Everything) && what < Everything)
    }

    /// The pages about the whole playbook that show any of `changed`.
    pub fn showing_any(changed: &[Shows]) -> impl Iterator<Item = PageKey> + '_ {
        PageKey::overviews()
            .into_iter()
            .filter(move |key| changed.iter().any(|what| key.shows(*what)))
    }

    /// Every template a page is laid out with, whatever the content.
    pub fn layouts() -> BTreeSet<&'static str> {
        let mut keys = PageKey::overviews();
        keys.extend([
            PageKey::NotFound,
            PageKey::Role(String::new()),
            PageKey::Guide(String::new()),
            PageKey::TaxonomyIndex(Taxonomy::Tags),
            PageKey::Term(Taxonomy::Tags, String::new()),
        ]);
        keys.iter()
            .flat_map(|k| k.templates().iter().copied())
            .collect()
    }

    /// Pages that show data from every brief's front matter.
    pub fn overviews() -> Vec<PageKey> {
        // A streamed build takes keys from the front: these long pages come first, so no
        // core is left with one at the end. The plan page and `roles.json` hold the most
        // memory: laid out first, before the other pages' memory is in use, they raise the
        // build's peak least (10,000 briefs: 353-365 MB, against 372-380 MB last).
        let mut keys = vec![
            PageKey::Plan,
            PageKey::Data,
            PageKey::PlanData,
            PageKey::Home,
            PageKey::Health,
            PageKey::Matrix,
            PageKey::Sitemap,
            PageKey::Sequence,
            PageKey::SearchIndex,
            PageKey::Print,
            PageKey::Jobs,
        ];
        keys.extend(Taxonomy::ALL.map(PageKey::Taxonomy));
        keys
    }
}

/// `keys` with each whole taxonomy as its index and one key per page of each term, and the
/// home listing as one key per page, so that pages can be rendered (and let go) a few at a
/// time, on every core.
pub fn split_taxonomies(views: &Views, keys: Vec<PageKey>) -> Vec<PageKey> {
    let mut split = Vec::with_capacity(keys.len());
    for key in keys {
        match key {
            PageKey::Taxonomy(taxonomy) => {
                split.push(PageKey::TaxonomyIndex(taxonomy));
                for (term, pages) in views.term_page_counts(taxonomy) {
                    if pages == 1 {
                        split.push(PageKey::Term(taxonomy, term));
                    } else {
                        split.extend(
                            (1..=pages).map(|n| PageKey::TermPage(taxonomy, term.clone(), n)),
                        );
                    }
                }
            }
            PageKey::Home => match views.home_pages() {
                1 => split.push(PageKey::Home),
                pages => split.extend((1..=pages).map(PageKey::HomePage)),
            },
            other => split.push(other),
        }
    }
    split
}

/// Every page the content makes.
pub fn all_pages(content: &Content) -> Vec<PageKey> {
    let mut keys = PageKey::overviews();
    if !has_print_page(content) {
        keys.retain(|k| *k != PageKey::Print);
    }
    keys.push(PageKey::NotFound);
    keys.extend(content.roles.iter().map(|r| PageKey::Role(r.slug.clone())));
    keys.extend(
        content
            .guides
            .iter()
            .map(|g| PageKey::Guide(g.source.content_path.clone())),
    );
    keys
}

/// The HTML pages a key makes, below the site root, for the sitemap.
pub(super) fn page_paths(views: &Views, key: &PageKey) -> Vec<String> {
    use crate::render::listing::page_path;
    match key {
        PageKey::Print if !has_print_page(views.content) => Vec::new(),
        PageKey::Home => (1..=views.home_pages()).map(|n| page_path("", n)).collect(),
        PageKey::HomePage(n) => vec![page_path("", *n)],
        PageKey::Taxonomy(taxonomy) => views.taxonomy_paths(*taxonomy),
        PageKey::TaxonomyIndex(taxonomy) => vec![taxonomy.path().to_string()],
        PageKey::Term(taxonomy, key) => views
            .term_page_counts(*taxonomy)
            .into_iter()
            .filter(|(term, _)| term == key)
            .flat_map(|(_, pages)| (1..=pages).map(|n| page_path(&taxonomy.term_path(key), n)))
            .collect(),
        PageKey::TermPage(taxonomy, key, n) => vec![page_path(&taxonomy.term_path(key), *n)],
        PageKey::Role(slug) => vec![role_path(slug)],
        PageKey::Guide(content_path) => views
            .content
            .guides
            .iter()
            .filter(|g| &g.source.content_path == content_path)
            .map(|g| g.path.clone())
            .collect(),
        // The HTML pages at one address; the rest are not HTML pages (or not in the sitemap).
        other => other
            .kind()
            .folder
            .map(str::to_string)
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_lays_out_the_plan_page_again_but_not_its_data() {
        let for_findings: Vec<PageKey> = PageKey::showing_any(&[Shows::Findings]).collect();
        assert!(for_findings.contains(&PageKey::Plan), "{for_findings:?}");
        assert!(
            !for_findings.contains(&PageKey::PlanData),
            "{for_findings:?}"
        );
        let for_plan: Vec<PageKey> = PageKey::showing_any(&[Shows::Plan]).collect();
        assert!(for_plan.contains(&PageKey::Plan), "{for_plan:?}");
        assert!(for_plan.contains(&PageKey::PlanData), "{for_plan:?}");
    }
}
