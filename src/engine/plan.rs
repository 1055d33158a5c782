//! The rebuild planner: from what changed to what must be rendered again. Pure: it compares
//! the content before and after an edit, and knows which pages show data from which brief.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::content::Content;
use crate::content::guide::Guide;
use crate::content::role::{Role, Waiver};
use crate::playbook::breadth::is_bundled;
use crate::playbook::readiness::unanswered;
use crate::render::site_views::Taxonomy;
use crate::render::{PageKey, Shows};
use crate::slug::slugify;
use crate::yaml::Spanned;

/// What changed on disk since the last good build, as the watcher saw it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// `site.yaml` or anything else that only a full rebuild can follow.
    pub full: bool,
    /// Files and folders below `content/`, relative to the site root.
    pub content: BTreeSet<PathBuf>,
    /// Template files, relative to the site root.
    pub templates: BTreeSet<PathBuf>,
    /// Static files, relative to the site root.
    pub statics: BTreeSet<PathBuf>,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        !self.full
            && self.content.is_empty()
            && self.templates.is_empty()
            && self.statics.is_empty()
    }

    pub fn merge(&mut self, other: ChangeSet) {
        self.full |= other.full;
        self.content.extend(other.content);
        self.templates.extend(other.templates);
        self.statics.extend(other.statics);
    }

    /// The paths, for the terminal and the browser.
    pub fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.content
            .iter()
            .chain(&self.templates)
            .chain(&self.statics)
    }

    /// A few words for the terminal: "content/roles/caio.md", "3 files".
    pub fn describe(&self) -> String {
        let paths: Vec<String> = self
            .paths()
            .map(|p| crate::diagnostic::display_path(p))
            .collect();
        match (self.full, paths.len()) {
            (true, 0) => "site.yaml".to_string(),
            (true, n) => format!("site.yaml and {n} file{}", if n == 1 { "" } else { "s" }),
            (false, 1) => paths[0].clone(),
            (false, n) if n <= 3 => paths.join(", "),
            (false, n) => format!("{n} files"),
        }
    }
}

/// A selection: everything, or only these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection<T: Ord> {
    All,
    Only(BTreeSet<T>),
}

impl<T: Ord> Default for Selection<T> {
    fn default() -> Self {
        Selection::Only(BTreeSet::new())
    }
}

impl<T: Ord> Selection<T> {
    pub fn insert(&mut self, item: T) {
        if let Selection::Only(set) = self {
            set.insert(item);
        }
    }

    pub fn union(&mut self, other: Selection<T>) {
        match (self, other) {
            (Selection::All, _) => {}
            (this, Selection::All) => *this = Selection::All,
            (Selection::Only(set), Selection::Only(more)) => set.extend(more),
        }
    }

    pub fn only(&self) -> Option<&BTreeSet<T>> {
        match self {
            Selection::All => None,
            Selection::Only(set) => Some(set),
        }
    }
}

/// What to render again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Bodies to render again, by content path.
    pub markdown: Selection<String>,
    /// Pages to lay out again.
    pub pages: Selection<PageKey>,
    /// Briefs (content paths) whose front matter changed: their own lints run again.
    pub fronts: Selection<String>,
    /// Front matter that lints across briefs read changed (titles, archetypes, statuses,
    /// capabilities, hiring order, allowed lints): those run again.
    pub across_briefs: bool,
}

impl Plan {
    pub fn everything() -> Plan {
        Plan {
            markdown: Selection::All,
            pages: Selection::All,
            fronts: Selection::All,
            across_briefs: true,
        }
    }

    pub fn union(&mut self, other: Plan) {
        self.markdown.union(other.markdown);
        self.pages.union(other.pages);
        self.fronts.union(other.fronts);
        self.across_briefs |= other.across_briefs;
    }
}

/// Whether two bodies are known to be the same (one that cannot be read is not).
fn same_body<E>(a: Result<impl AsRef<str>, E>, b: Result<impl AsRef<str>, E>) -> bool {
    matches!((a, b), (Ok(a), Ok(b)) if a.as_ref() == b.as_ref())
}

fn front_of(text: &str, body_offset: usize) -> &str {
    &text[..body_offset]
}

/// Compare the content before and after an edit. Pages are matched by source path; a page
/// added, removed or moved changes every address, so everything is rendered again.
pub fn plan_content(config: &Config, old: &Content, new: &Content) -> Plan {
    // After an edit of a few pages, both lists hold the same pages in the same order: pair
    // them by position, without hashing ten thousand paths twice. A page not read again is
    // the same value in both, known without reading it.
    let same_order = old.roles.len() == new.roles.len()
        && old.guides.len() == new.guides.len()
        && old
            .roles
            .iter()
            .zip(&new.roles)
            .all(|(a, b)| Arc::ptr_eq(a, b) || a.source.content_path == b.source.content_path)
        && old
            .guides
            .iter()
            .zip(&new.guides)
            .all(|(a, b)| Arc::ptr_eq(a, b) || a.source.content_path == b.source.content_path);
    if same_order {
        let mut plan = Plan::default();
        for (before, role) in old.roles.iter().zip(&new.roles) {
            if !Arc::ptr_eq(before, role) && !plan_role(&mut plan, config, old, new, before, role) {
                return Plan::everything();
            }
        }
        for (before, guide) in old.guides.iter().zip(&new.guides) {
            if !Arc::ptr_eq(before, guide) && !plan_guide(&mut plan, before, guide) {
                return Plan::everything();
            }
        }
        return plan;
    }
    let old_roles: HashMap<&str, &Role> = old
        .roles
        .iter()
        .map(|r| (r.source.content_path.as_str(), r.as_ref()))
        .collect();
    let old_guides: HashMap<&str, &Guide> = old
        .guides
        .iter()
        .map(|g| (g.source.content_path.as_str(), g.as_ref()))
        .collect();
    let same_pages = old.roles.len() == new.roles.len()
        && old.guides.len() == new.guides.len()
        && new
            .roles
            .iter()
            .all(|r| old_roles.contains_key(r.source.content_path.as_str()))
        && new
            .guides
            .iter()
            .all(|g| old_guides.contains_key(g.source.content_path.as_str()));
    if !same_pages {
        return Plan::everything();
    }
    let mut plan = Plan::default();
    for role in &new.roles {
        let before = old_roles[role.source.content_path.as_str()];
        if !plan_role(&mut plan, config, old, new, before, role) {
            return Plan::everything();
        }
    }
    for guide in &new.guides {
        let before = old_guides[guide.source.content_path.as_str()];
        if !plan_guide(&mut plan, before, guide) {
            return Plan::everything();
        }
    }
    plan
}

/// Add what an edit of one brief needs to `plan`; `false` when it moved the brief's page.
fn plan_role(
    plan: &mut Plan,
    config: &Config,
    old: &Content,
    new: &Content,
    before: &Role,
    role: &Role,
) -> bool {
    if before.source.same_text(&role.source) {
        return true;
    }
    if before.slug != role.slug {
        return false;
    }
    if !same_body(before.body(), role.body()) {
        plan.markdown.insert(role.source.content_path.clone());
        plan.pages.insert(PageKey::Role(role.slug.clone()));
        // The whole-playbook page holds every brief's body.
        plan.pages.insert(PageKey::Print);
    }
    if front_of(&before.source.text, before.body_offset)
        != front_of(&role.source.text, role.body_offset)
    {
        let change = FrontChange::between(config, before, role);
        plan.pages.union(Selection::Only(pages_showing_role(
            config, old, new, role, &change,
        )));
        plan.fronts.insert(role.source.content_path.clone());
        plan.across_briefs |= change.read_across_briefs;
        plan_inheriting(plan, config, old, new, role);
    }
    true
}

/// Briefs that extend `role`, at any depth, show what they inherit from it: plan them as
/// if every field of theirs had changed.
fn plan_inheriting(plan: &mut Plan, config: &Config, old: &Content, new: &Content, role: &Role) {
    let mut planned = BTreeSet::new();
    let mut inheriting = vec![role.slug.as_str()];
    while let Some(slug) = inheriting.pop() {
        for derived in new.derived_from(slug) {
            if !planned.insert(derived.slug.as_str()) {
                continue;
            }
            let before = old.role(&derived.slug).unwrap_or(derived);
            let change = FrontChange::everything(before);
            plan.pages.union(Selection::Only(pages_showing_role(
                config, old, new, derived, &change,
            )));
            plan.fronts.insert(derived.source.content_path.clone());
            plan.across_briefs = true;
            inheriting.push(&derived.slug);
        }
    }
}

/// Add what an edit of one guide needs to `plan`; `false` when it moved the guide's page.
fn plan_guide(plan: &mut Plan, before: &Guide, guide: &Guide) -> bool {
    if before.source.same_text(&guide.source) {
        return true;
    }
    if before.path != guide.path {
        return false;
    }
    if !same_body(before.body(), guide.body()) {
        plan.markdown.insert(guide.source.content_path.clone());
        plan.pages
            .insert(PageKey::Guide(guide.source.content_path.clone()));
    }
    if front_of(&before.source.text, before.body_offset)
        != front_of(&guide.source.text, guide.body_offset)
    {
        // Guide titles and order are in every page's navigation.
        plan.pages = Selection::All;
    }
    true
}

/// What changed in a brief's front matter, in the terms of what pages show
/// (`render::Shows`).
struct FrontChange<'a> {
    before: &'a Role,
    /// The fields that changed.
    changed: Vec<Shows>,
    read_across_briefs: bool,
}

impl<'a> FrontChange<'a> {
    /// Every field changed.
    fn everything(before: &'a Role) -> FrontChange<'a> {
        FrontChange {
            before,
            changed: vec![
                Shows::Title,
                Shows::Archetype,
                Shows::Status,
                Shows::Capabilities,
                Shows::Tags,
                Shows::Hiring,
                Shows::Summary,
                Shows::Outcome,
                Shows::Intake,
                Shows::Bundled,
                Shows::Job,
                Shows::Plan,
                Shows::Constraints,
                Shows::Everything,
            ],
            read_across_briefs: true,
        }
    }

    fn between(config: &Config, before: &'a Role, after: &Role) -> FrontChange<'a> {
        let (b, a) = (&before.front, &after.front);
        let changed: Vec<Shows> = [
            (Shows::Title, b.title.value != a.title.value),
            (Shows::Archetype, b.archetype.value != a.archetype.value),
            (Shows::Status, b.status != a.status),
            (
                Shows::Capabilities,
                !same(&b.capabilities.primary, &a.capabilities.primary)
                    || !same(&b.capabilities.secondary, &a.capabilities.secondary),
            ),
            (Shows::Tags, !same(&b.tags, &a.tags)),
            (Shows::Hiring, !same(&b.hire_after, &a.hire_after)),
            (Shows::Summary, b.summary.value != a.summary.value),
            (Shows::Outcome, b.outcome.value != a.outcome.value),
            (
                Shows::Intake,
                unanswered(config, before) != unanswered(config, after),
            ),
            (
                Shows::Bundled,
                is_bundled(config, before) != is_bundled(config, after),
            ),
            (Shows::Job, job_changed(config, before, after)),
            (
                Shows::Plan,
                b.plan.values() != a.plan.values()
                    || b.headcount != a.headcount
                    || b.level.as_ref().map(|l| &l.value) != a.level.as_ref().map(|l| &l.value)
                    || serde_json::to_value(&b.pay).ok() != serde_json::to_value(&a.pay).ok(),
            ),
            (Shows::Constraints, b.constraints != a.constraints),
        ]
        .into_iter()
        .filter_map(|(what, moved)| moved.then_some(what))
        // The front matter changed (or the brief would not be planned): pages showing all
        // of it change whatever the field.
        .chain([Shows::Everything])
        .collect();
        let read_across_briefs = changed.iter().any(|c| LINTS_ACROSS_BRIEFS_READ.contains(c))
            || !same_waivers(&b.allow, &a.allow);
        FrontChange {
            before,
            changed,
            read_across_briefs,
        }
    }

    fn has(&self, what: Shows) -> bool {
        self.changed.contains(&what)
    }
}

/// Whether the job data of the brief changed: it opened or closed, or it is open and its
/// post (everything `render::jobs` makes the data from) changed.
fn job_changed(config: &Config, before: &Role, after: &Role) -> bool {
    use crate::playbook::job_facts::is_open;
    let post =
        |role: &Role| serde_json::to_value(crate::playbook::posting::posting(config, role)).ok();
    match (is_open(config, before), is_open(config, after)) {
        (false, false) => false,
        (true, true) => post(before) != post(after),
        _ => true,
    }
}

/// The fields the lints across briefs read (besides `allow:`).
const LINTS_ACROSS_BRIEFS_READ: &[Shows] = &[
    Shows::Title,
    Shows::Archetype,
    Shows::Status,
    Shows::Capabilities,
    Shows::Hiring,
    // The plan lints: dates, approvals, cost against the budget, cover.
    Shows::Plan,
];

/// The pages that show what changed in a brief's front matter, as the page registry
/// (`PageKey::kind`) says: its own page and the overviews showing a changed field, the term
/// pages listing its card, and its neighbours' pages. An overview lists thousands of briefs
/// on a big site, so an edit that leaves them alone must not lay them out again.
fn pages_showing_role(
    config: &Config,
    old: &Content,
    new: &Content,
    after: &Role,
    change: &FrontChange,
) -> BTreeSet<PageKey> {
    let (b, a) = (&change.before.front, &after.front);
    let values = |list: &[Spanned<String>]| -> Vec<String> {
        list.iter().map(|s| s.value.clone()).collect()
    };
    let mut pages = BTreeSet::from([PageKey::Role(after.slug.clone())]);
    pages.extend(PageKey::showing_any(&change.changed));
    // The parent lists its derived briefs by title.
    for parent in [&b.extends, &a.extends].into_iter().flatten() {
        pages.insert(PageKey::Role(parent.value.clone()));
    }
    let capabilities = |f: &crate::content::role::RoleFront| -> Vec<String> {
        values(&f.capabilities.primary)
            .into_iter()
            .chain(values(&f.capabilities.secondary))
            .collect()
    };
    let tags = |f: &crate::content::role::RoleFront| -> Vec<String> {
        f.tags.iter().map(|t| slugify(&t.value)).collect()
    };
    for (taxonomy, joined_or_left, terms, terms_before) in [
        (
            Taxonomy::Archetypes,
            change.has(Shows::Archetype),
            vec![a.archetype.value.clone()],
            vec![b.archetype.value.clone()],
        ),
        (
            Taxonomy::Capabilities,
            change.has(Shows::Capabilities),
            capabilities(a),
            capabilities(b),
        ),
        (Taxonomy::Tags, change.has(Shows::Tags), tags(a), tags(b)),
    ] {
        if joined_or_left {
            // The index's counts, the terms it left and joined (and those it stays on, whose
            // card may have changed), and the sitemap, which lists a term that is new (or
            // gone).
            pages.insert(PageKey::TaxonomyIndex(taxonomy));
            for term in terms.into_iter().chain(terms_before) {
                pages.insert(PageKey::Term(taxonomy, term));
            }
            pages.insert(PageKey::Sitemap);
            continue;
        }
        for term in terms {
            let key = PageKey::Term(taxonomy, term);
            if change.changed.iter().any(|what| key.shows(*what)) {
                pages.insert(key);
            }
        }
    }
    // Neighbours in the hiring order show the brief (by title) on their pages.
    let role = PageKey::Role(String::new());
    if change.changed.iter().any(|what| role.shows(*what)) {
        for earlier in b.hire_after.iter().chain(&a.hire_after) {
            pages.insert(PageKey::Role(earlier.value.clone()));
        }
        for content in [old, new] {
            for role in &content.roles {
                if role.front.hire_after.iter().any(|h| h.value == after.slug) {
                    pages.insert(PageKey::Role(role.slug.clone()));
                }
            }
        }
    }
    super::plan_listings::narrow(config, old, new, &after.slug, &change.changed, &mut pages);
    pages
}

fn same(a: &[Spanned<String>], b: &[Spanned<String>]) -> bool {
    a.iter().map(|s| &s.value).eq(b.iter().map(|s| &s.value))
}

/// The same lints waived for the same reasons (where they are written does not matter: the
/// lints across briefs point elsewhere).
fn same_waivers(a: &[Waiver], b: &[Waiver]) -> bool {
    let key = |w: &'_ Waiver| (w.lint.value.clone(), w.reason_text().to_string());
    a.iter().map(key).eq(b.iter().map(key))
}

/// The pages laid out by the page templates in `templates` (names like `role.html`).
pub fn pages_using(templates: &BTreeSet<String>, content: &Content) -> Selection<PageKey> {
    let mut pages = Selection::default();
    for key in crate::render::all_pages(content) {
        if key.templates().iter().any(|t| templates.contains(*t)) {
            pages.insert(key);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};

    fn site(overrides: &[(&str, String)]) -> Content {
        let mut pages: Vec<(&str, String)> = vec![
            ("roles/lead.md", brief("Lead", "manager", &[])),
            ("roles/arch.md", brief("Architect", "architect", &["lead"])),
            ("roles/eng.md", brief("Engineer", "builder", &["arch"])),
            ("roles/other.md", brief("Other", "builder", &[])),
            (
                "guides/start.md",
                "---\ntitle: Start\n---\nHello\n".to_string(),
            ),
        ];
        for (path, text) in overrides {
            match pages.iter_mut().find(|(p, _)| p == path) {
                Some(page) => page.1 = text.clone(),
                None => pages.push((path, text.clone())),
            }
        }
        content(&pages)
    }

    fn only(keys: &[PageKey]) -> Selection<PageKey> {
        Selection::Only(keys.iter().cloned().collect())
    }

    fn role(slug: &str) -> PageKey {
        PageKey::Role(slug.to_string())
    }

    #[test]
    fn nothing_changed_plans_nothing() {
        assert_eq!(
            plan_content(&config(), &site(&[]), &site(&[])),
            Plan::default()
        );
    }

    #[test]
    fn a_body_edit_renders_its_page_and_the_whole_playbook_page() {
        let edited = format!("{}More text.\n", brief("Architect", "architect", &["lead"]));
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", edited)]));
        assert_eq!(plan.pages, only(&[role("arch"), PageKey::Print]));
        assert_eq!(
            plan.markdown,
            Selection::Only(BTreeSet::from(["roles/arch.md".to_string()]))
        );
    }

    #[test]
    fn a_front_matter_edit_renders_the_pages_that_show_it() {
        // A title is on every overview, its term pages and its hiring neighbours' pages.
        let renamed = brief("Chief Architect", "architect", &["lead"]);
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", renamed)]));
        assert_eq!(
            plan.pages,
            only(&[
                PageKey::Home,
                PageKey::Health,
                PageKey::Matrix,
                PageKey::Sequence,
                PageKey::Print,
                // The plan's lanes and tables name every team brief, as its data does.
                PageKey::Plan,
                PageKey::PlanData,
                PageKey::Term(Taxonomy::Archetypes, "architect".into()),
                PageKey::Data,
                PageKey::SearchIndex,
                role("arch"),
                role("lead"),
                role("eng"),
            ])
        );
        assert_eq!(
            plan.markdown,
            Selection::default(),
            "the body did not change"
        );
        assert_eq!(
            plan.fronts,
            Selection::Only(BTreeSet::from(["roles/arch.md".into()]))
        );
        assert!(
            plan.across_briefs,
            "hiring-order lints name briefs by title"
        );
    }

    #[test]
    fn the_job_data_follows_the_posts_of_open_briefs_only() {
        let open = brief("Other", "builder", &[]).replacen(
            "---\ntitle",
            "---\nstatus: open\nlevel: senior\ntitle",
            1,
        );
        let with_pay = |text: &str| {
            text.replacen(
                "level: senior",
                "level: senior\npay: {min: 80000, max: 95000, currency: EUR}",
                1,
            )
        };
        let plans_jobs = |before: &str, after: &str| {
            let plan = plan_content(
                &config(),
                &site(&[("roles/other.md", before.to_string())]),
                &site(&[("roles/other.md", after.to_string())]),
            );
            match plan.pages {
                Selection::Only(pages) => pages.contains(&PageKey::Jobs),
                Selection::All => panic!("a front-matter edit is planned page by page"),
            }
        };
        // An open brief's pay, and a brief opening or closing, change the job data.
        assert!(plans_jobs(&open, &with_pay(&open)));
        let planned = open.replacen("status: open", "status: planned", 1);
        assert!(plans_jobs(&planned, &open));
        assert!(plans_jobs(&open, &planned));
        // A planned brief is no job: its pay changes no job data.
        assert!(!plans_jobs(&planned, &with_pay(&planned)));
        // Nor does what a post does not show: the hiring order is internal.
        let after_lead = open.replacen("hire_after: []", "hire_after: [lead]", 1);
        assert_ne!(after_lead, open);
        assert!(!plans_jobs(&open, &after_lead));
    }

    #[test]
    fn a_summary_edit_leaves_the_matrix_sequence_and_health_alone() {
        let text = brief("Architect", "architect", &["lead"]);
        let edited = text.replacen("summary:", "summary: Reworded.", 1);
        assert_ne!(text, edited);
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", edited)]));
        assert_eq!(
            plan.pages,
            only(&[
                PageKey::Home,
                PageKey::Print,
                PageKey::Term(Taxonomy::Archetypes, "architect".into()),
                PageKey::Data,
                PageKey::SearchIndex,
                role("arch"),
            ])
        );
        assert!(!plan.across_briefs, "no lint across briefs reads a summary");
    }

    #[test]
    fn an_intake_answer_or_a_status_renders_the_health_page() {
        let text = brief("Architect", "architect", &["lead"]);
        for edited in [
            text.replacen("\n---\n", "\nreports_to: Head of AI\n---\n", 1),
            text.replacen(
                "\n---\n",
                "\nconstraints: [Claims data stays in the EU]\n---\n",
                1,
            ),
            text.replacen("\n---\n", "\nstatus: open\n---\n", 1),
        ] {
            assert_ne!(text, edited);
            let plan = plan_content(
                &config(),
                &site(&[]),
                &site(&[("roles/arch.md", edited.clone())]),
            );
            let pages = plan.pages.only().cloned().unwrap_or_default();
            assert!(pages.contains(&PageKey::Health), "{edited}: {pages:?}");
        }
    }

    #[test]
    fn a_constraints_edit_lays_out_the_search_index_which_finds_briefs_by_them() {
        let text = brief("Architect", "architect", &["lead"]);
        let edited = text.replacen(
            "\n---\n",
            "\nconstraints: [Claims data stays in the EU]\n---\n",
            1,
        );
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", edited)]));
        let pages = plan.pages.only().cloned().unwrap_or_default();
        assert!(pages.contains(&PageKey::SearchIndex), "{pages:?}");
    }

    #[test]
    fn a_new_reason_for_a_waiver_runs_the_lints_across_briefs_again() {
        let text = brief("Architect", "architect", &["lead"]);
        let waive = |reason: &str| {
            text.replacen(
                "\n---\n",
                &format!("\nallow: {{late-governance: \"{reason}\"}}\n---\n"),
                1,
            )
        };
        let before = site(&[("roles/arch.md", waive("Governance sits with the group CRO"))]);
        let after = site(&[(
            "roles/arch.md",
            waive("The group CRO reviews every release"),
        )]);
        assert!(plan_content(&config(), &before, &after).across_briefs);
        let moved = site(&[(
            "roles/arch.md",
            waive("Governance sits with the group CRO").replacen("title:", "\ntitle:", 1),
        )]);
        assert!(
            !plan_content(&config(), &before, &moved).across_briefs,
            "the same waivers, a line lower"
        );
    }

    #[test]
    fn a_decisions_edit_that_bundles_the_brief_lays_out_the_staffing_pages() {
        let text = brief("Architect", "architect", &["lead"]);
        let focused = text.replacen(
            "decisions: [D]",
            "decisions: [The integration pattern for each system]",
            1,
        );
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", focused)]));
        assert!(
            !plan.pages.only().expect("some").contains(&PageKey::Matrix),
            "still one area of work: the matrix is unchanged"
        );
        let unicorn = text.replacen(
            "decisions: [D]",
            "decisions: [AI strategy, architecture, vendor selection, hiring and governance]",
            1,
        );
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", unicorn)]));
        let pages = plan.pages.only().expect("some");
        assert!(
            pages.contains(&PageKey::Matrix) && pages.contains(&PageKey::Home),
            "now bundled: the staffing view and its summary change: {pages:?}"
        );
    }

    #[test]
    fn a_plan_edit_lays_out_the_plan_the_staffing_view_and_the_sequence() {
        let text = brief("Architect", "architect", &["lead"]);
        for (what, line) in [
            ("a target start", "target_start: 2027-Q2"),
            (
                "cover",
                "covered_by:\n  - {kind: partner, name: Nordlicht, until: 2027-06}",
            ),
            ("an approval", "approval: {state: approved}"),
            (
                "a cost band",
                "cost: {min: 90000, max: 110000, currency: EUR}",
            ),
        ] {
            let edited = text.replacen("\n---\n", &format!("\n{line}\n---\n"), 1);
            let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", edited)]));
            let pages = plan.pages.only().expect("some");
            for page in [
                PageKey::Plan,
                PageKey::Matrix,
                PageKey::Sequence,
                PageKey::Home,
            ] {
                assert!(pages.contains(&page), "{what}: {page:?} in {pages:?}");
            }
            assert!(
                !pages.contains(&PageKey::Taxonomy(Taxonomy::Tags)),
                "{what}: {pages:?}"
            );
        }
    }

    #[test]
    fn a_tag_edit_lays_out_the_tag_index_the_term_it_joined_and_the_sitemap() {
        let text = brief("Architect", "architect", &["lead"]);
        let edited = text.replacen("\n---\n", "\ntags: [platform]\n---\n", 1);
        assert_ne!(text, edited);
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/arch.md", edited)]));
        let pages = plan.pages.only().cloned().unwrap_or_default();
        for page in [
            PageKey::TaxonomyIndex(Taxonomy::Tags),
            PageKey::Term(Taxonomy::Tags, "platform".into()),
        ] {
            assert!(pages.contains(&page), "{page:?} in {pages:?}");
        }
        assert!(
            pages.contains(&PageKey::Sitemap),
            "a new tag has a new page: {pages:?}"
        );
        assert!(!pages.contains(&PageKey::Matrix), "{pages:?}");
    }

    #[test]
    fn an_edit_to_a_parent_renders_every_brief_that_inherits_from_it() {
        let derived =
            |title: &str, parent: &str| format!("---\ntitle: {title}\nextends: {parent}\n---\n");
        let plan_pages = [
            ("plan/claims.md", derived("Claims", "arch")),
            ("plan/motor.md", derived("Motor", "claims")),
        ];
        let renamed = brief("Chief Architect", "architect", &["lead"]);
        let mut edited = plan_pages.to_vec();
        edited.push(("roles/arch.md", renamed));
        let plan = plan_content(&config(), &site(&plan_pages), &site(&edited));
        let pages = plan.pages.only().cloned().unwrap_or_default();
        for page in [role("arch"), role("claims"), role("motor"), PageKey::Home] {
            assert!(pages.contains(&page), "{page:?} missing from {pages:?}");
        }
        let fronts = plan.fronts.only().cloned().unwrap_or_default();
        for path in ["roles/arch.md", "plan/claims.md", "plan/motor.md"] {
            assert!(fronts.contains(path), "{path}: their lints run again");
        }
    }

    #[test]
    fn hire_after_edits_cover_old_and_new_targets() {
        let moved = brief("Engineer", "builder", &["other"]);
        let plan = plan_content(&config(), &site(&[]), &site(&[("roles/eng.md", moved)]));
        assert_eq!(
            plan.pages,
            only(&[
                PageKey::Sequence,
                PageKey::Print,
                // The plan lists the briefs in hiring order.
                PageKey::Plan,
                PageKey::PlanData,
                PageKey::Data,
                role("arch"),
                role("eng"),
                role("other")
            ])
        );
    }

    #[test]
    fn a_hiring_order_edit_in_the_team_plan_lays_out_the_home_page_that_lists_it() {
        let plan = |lead_after: &str| {
            site(&[
                (
                    "plan/lead.md",
                    brief("Claims AI Lead", "manager", &[lead_after]),
                ),
                ("plan/eng.md", brief("Claims ML Engineer", "builder", &[])),
            ])
        };
        let pages = plan_content(&config(), &plan(""), &plan("eng"));
        let pages = pages.pages.only().cloned().unwrap_or_default();
        assert!(pages.contains(&PageKey::Home), "{pages:?}");
    }

    #[test]
    fn added_removed_and_moved_pages_render_everything() {
        let added = site(&[("roles/new.md", brief("New", "builder", &[]))]);
        assert_eq!(
            plan_content(&config(), &site(&[]), &added),
            Plan::everything()
        );
        assert_eq!(
            plan_content(&config(), &added, &site(&[])),
            Plan::everything()
        );
        let reslugged =
            brief("Other", "builder", &[]).replace("title: Other", "title: Other\nslug: renamed");
        assert_eq!(
            plan_content(
                &config(),
                &site(&[]),
                &site(&[("roles/other.md", reslugged)])
            ),
            Plan::everything()
        );
    }

    #[test]
    fn guide_edits() {
        let body = site(&[(
            "guides/start.md",
            "---\ntitle: Start\n---\nHello again\n".into(),
        )]);
        let plan = plan_content(&config(), &site(&[]), &body);
        assert_eq!(
            plan.pages,
            only(&[PageKey::Guide("guides/start.md".into())])
        );
        let title = site(&[("guides/start.md", "---\ntitle: Begin\n---\nHello\n".into())]);
        assert_eq!(
            plan_content(&config(), &site(&[]), &title).pages,
            Selection::All,
            "nav shows guide titles"
        );
    }

    #[test]
    fn template_edits_select_the_pages_using_them() {
        let content = site(&[]);
        let selected = pages_using(&BTreeSet::from(["page.html".to_string()]), &content);
        assert_eq!(selected, only(&[PageKey::Guide("guides/start.md".into())]));
    }

    #[test]
    fn change_sets_describe_themselves() {
        let mut changes = ChangeSet::default();
        changes.content.insert(PathBuf::from("content/roles/a.md"));
        assert_eq!(changes.describe(), "content/roles/a.md");
        changes.merge(ChangeSet {
            full: true,
            ..Default::default()
        });
        assert_eq!(changes.describe(), "site.yaml and 1 file");
    }
}
