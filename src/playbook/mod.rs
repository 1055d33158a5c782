//! What the domain adds over a plain site: how briefs group and sequence. Pure functions
//! over the loaded content (no disk, no clock), so every rule is testable on its own.

pub mod breadth;
pub mod graph;
pub mod job_facts;
pub mod kit;
pub mod lints;
pub mod matrix;
pub mod posting;
pub mod readiness;
pub mod sequence;
pub mod staffing;
pub mod team_plan;
pub mod tools;
pub mod voice;

use std::sync::Arc;

use crate::config::Config;
use crate::content::Content;
use crate::content::role::Role;

/// Briefs grouped by archetype, in the order the site's config lists archetypes; briefs
/// inside a group by title. Archetypes with no brief are kept (an empty group is a gap).
pub fn roles_by_archetype<'a>(
    config: &'a Config,
    content: &'a Content,
) -> Vec<(&'a crate::config::Archetype, Vec<&'a Arc<Role>>)> {
    config
        .archetypes
        .iter()
        .map(|archetype| {
            let mut roles: Vec<&Arc<Role>> = content
                .roles
                .iter()
                .filter(|r| r.front.archetype.value == archetype.key)
                .collect();
            roles.sort_by(|a, b| a.title().cmp(b.title()));
            (archetype, roles)
        })
        .collect()
}

/// For every brief, the briefs that name it in their `hire_after` (the hires it prepares
/// for), by title: one pass over the site instead of one per brief.
pub fn followers(content: &Content) -> std::collections::HashMap<&str, Vec<&Arc<Role>>> {
    let mut followers: std::collections::HashMap<&str, Vec<&Arc<Role>>> =
        std::collections::HashMap::new();
    for role in &content.roles {
        for earlier in &role.front.hire_after {
            let list = followers.entry(earlier.value.as_str()).or_default();
            // A brief naming the same one twice would have just been added.
            if list.last().is_none_or(|r| r.slug != role.slug) {
                list.push(role);
            }
        }
    }
    for list in followers.values_mut() {
        list.sort_by(|a, b| a.title().cmp(b.title()));
    }
    followers
}

/// The briefs that name `slug` in their `hire_after`: the hires this one prepares for,
/// by title (as `followers` lists them), in one pass over the site.
pub fn hired_after<'a>(content: &'a Content, slug: &str) -> Vec<&'a Arc<Role>> {
    let mut found: Vec<&Arc<Role>> = content
        .roles
        .iter()
        .filter(|r| r.front.hire_after.iter().any(|h| h.value == slug))
        .collect();
    found.sort_by(|a, b| a.title().cmp(b.title()));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};

    fn titles(roles: &[&Arc<Role>]) -> Vec<String> {
        roles.iter().map(|r| r.title().to_string()).collect()
    }

    fn followers_titles(roles: &[&Arc<Role>]) -> Vec<String> {
        roles.iter().map(|r| r.title().to_string()).collect()
    }

    #[test]
    fn groups_follow_the_config_order_and_keep_empty_archetypes() {
        let content = content(&[
            ("roles/zed.md", brief("Zed Builder", "builder", &[])),
            ("roles/ann.md", brief("Ann Builder", "builder", &[])),
            ("roles/lead.md", brief("Lead", "manager", &[])),
        ]);
        let config = config();
        let groups = roles_by_archetype(&config, &content);
        let keys: Vec<&str> = groups.iter().map(|(a, _)| a.key.as_str()).collect();
        assert_eq!(
            keys,
            ["executive-operator", "manager", "architect", "builder"]
        );
        assert!(groups[0].1.is_empty());
        assert_eq!(titles(&groups[3].1), ["Ann Builder", "Zed Builder"]);
    }

    #[test]
    fn hired_after_lists_the_roles_that_wait_for_this_one() {
        let content = content(&[
            ("roles/lead.md", brief("Lead", "manager", &[])),
            ("roles/b.md", brief("Builder B", "builder", &["lead"])),
            ("roles/a.md", brief("Builder A", "builder", &["lead", "b"])),
        ]);
        assert_eq!(
            followers_titles(&hired_after(&content, "lead")),
            ["Builder A", "Builder B"]
        );
        assert_eq!(followers_titles(&hired_after(&content, "b")), ["Builder A"]);
        assert!(hired_after(&content, "a").is_empty());
    }
}
