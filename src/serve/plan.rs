//! The rebuild planner: from what changed to what must be rendered again. Pure: it compares
//! the content before and after an edit, and knows which pages show data from which brief.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::content::Content;
use crate::content::guide::Guide;
use crate::content::role::Role;
use crate::render::PageKey;

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
}

impl Plan {
    pub fn everything() -> Plan {
        Plan {
            markdown: Selection::All,
            pages: Selection::All,
        }
    }

    pub fn union(&mut self, other: Plan) {
        self.markdown.union(other.markdown);
        self.pages.union(other.pages);
    }
}

fn front_of(text: &str, body_offset: usize) -> &str {
    &text[..body_offset]
}

/// Compare the content before and after an edit. Pages are matched by source path; a page
/// added, removed or moved changes every address, so everything is rendered again.
pub fn plan_content(old: &Content, new: &Content) -> Plan {
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
        if Arc::ptr_eq(&before.source.text, &role.source.text)
            || before.source.text == role.source.text
        {
            continue;
        }
        if before.slug != role.slug {
            return Plan::everything();
        }
        if before.body() != role.body() {
            plan.markdown.insert(role.source.content_path.clone());
            plan.pages.insert(PageKey::Role(role.slug.clone()));
            // The whole-playbook page holds every brief's body.
            plan.pages.insert(PageKey::Print);
        }
        if front_of(&before.source.text, before.body_offset)
            != front_of(&role.source.text, role.body_offset)
        {
            plan.pages
                .union(Selection::Only(pages_showing_role(old, new, before, role)));
        }
    }
    for guide in &new.guides {
        let before = old_guides[guide.source.content_path.as_str()];
        if Arc::ptr_eq(&before.source.text, &guide.source.text)
            || before.source.text == guide.source.text
        {
            continue;
        }
        if before.path != guide.path {
            return Plan::everything();
        }
        if before.body() != guide.body() {
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
    }
    plan
}

/// The pages that show data from a brief's front matter: its own, the home page, the briefs
/// it names in `hire_after` (before and after the edit), and the briefs that name it.
fn pages_showing_role(
    old: &Content,
    new: &Content,
    before: &Role,
    after: &Role,
) -> BTreeSet<PageKey> {
    let mut pages = BTreeSet::from([PageKey::Home, PageKey::Role(after.slug.clone())]);
    for earlier in before
        .front
        .hire_after
        .iter()
        .chain(&after.front.hire_after)
    {
        pages.insert(PageKey::Role(earlier.value.clone()));
    }
    for content in [old, new] {
        for role in &content.roles {
            if role.front.hire_after.iter().any(|h| h.value == after.slug) {
                pages.insert(PageKey::Role(role.slug.clone()));
            }
        }
    }
    // The parent lists its derived briefs; derived briefs (at any depth) show what they
    // inherit from this one.
    for parent in [&before.front.extends, &after.front.extends]
        .into_iter()
        .flatten()
    {
        pages.insert(PageKey::Role(parent.value.clone()));
    }
    let mut inheriting = vec![after.slug.as_str()];
    while let Some(slug) = inheriting.pop() {
        for role in new.derived_from(slug) {
            if pages.insert(PageKey::Role(role.slug.clone())) {
                inheriting.push(&role.slug);
            }
        }
    }
    pages
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
    use crate::content::testing::{brief, content};

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
        assert_eq!(plan_content(&site(&[]), &site(&[])), Plan::default());
    }

    #[test]
    fn a_body_edit_renders_its_page_and_the_whole_playbook_page() {
        let edited = format!("{}More text.\n", brief("Architect", "architect", &["lead"]));
        let plan = plan_content(&site(&[]), &site(&[("roles/arch.md", edited)]));
        assert_eq!(plan.pages, only(&[role("arch"), PageKey::Print]));
        assert_eq!(
            plan.markdown,
            Selection::Only(BTreeSet::from(["roles/arch.md".to_string()]))
        );
    }

    #[test]
    fn a_front_matter_edit_renders_the_pages_that_show_it() {
        let renamed = brief("Chief Architect", "architect", &["lead"]);
        let plan = plan_content(&site(&[]), &site(&[("roles/arch.md", renamed)]));
        assert_eq!(
            plan.pages,
            only(&[PageKey::Home, role("arch"), role("lead"), role("eng")])
        );
        assert_eq!(
            plan.markdown,
            Selection::default(),
            "the body did not change"
        );
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
        let plan = plan_content(&site(&plan_pages), &site(&edited));
        assert_eq!(
            plan.pages,
            only(&[
                PageKey::Home,
                role("arch"),
                role("claims"),
                role("eng"),
                role("lead"),
                role("motor")
            ])
        );
    }

    #[test]
    fn hire_after_edits_cover_old_and_new_targets() {
        let moved = brief("Engineer", "builder", &["other"]);
        let plan = plan_content(&site(&[]), &site(&[("roles/eng.md", moved)]));
        assert_eq!(
            plan.pages,
            only(&[PageKey::Home, role("arch"), role("eng"), role("other")])
        );
    }

    #[test]
    fn added_removed_and_moved_pages_render_everything() {
        let added = site(&[("roles/new.md", brief("New", "builder", &[]))]);
        assert_eq!(plan_content(&site(&[]), &added), Plan::everything());
        assert_eq!(plan_content(&added, &site(&[])), Plan::everything());
        let reslugged =
            brief("Other", "builder", &[]).replace("title: Other", "title: Other\nslug: renamed");
        assert_eq!(
            plan_content(&site(&[]), &site(&[("roles/other.md", reslugged)])),
            Plan::everything()
        );
    }

    #[test]
    fn guide_edits() {
        let body = site(&[(
            "guides/start.md",
            "---\ntitle: Start\n---\nHello again\n".into(),
        )]);
        let plan = plan_content(&site(&[]), &body);
        assert_eq!(
            plan.pages,
            only(&[PageKey::Guide("guides/start.md".into())])
        );
        let title = site(&[("guides/start.md", "---\ntitle: Begin\n---\nHello\n".into())]);
        assert_eq!(
            plan_content(&site(&[]), &title).pages,
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
