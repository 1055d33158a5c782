//! What the domain adds over a plain site: how briefs group and sequence. Pure functions
//! over the loaded content (no disk, no clock), so every rule is testable on its own.

use crate::config::Config;
use crate::content::Content;
use crate::content::role::Role;

/// Briefs grouped by archetype, in the order the site's config lists archetypes; briefs
/// inside a group by title. Archetypes with no brief are kept (an empty group is a gap).
pub fn roles_by_archetype<'a>(
    config: &'a Config,
    content: &'a Content,
) -> Vec<(&'a crate::config::Archetype, Vec<&'a Role>)> {
    config
        .archetypes
        .iter()
        .map(|archetype| {
            let mut roles: Vec<&Role> = content
                .roles
                .iter()
                .filter(|r| r.front.archetype.value == archetype.key)
                .collect();
            roles.sort_by(|a, b| a.title().cmp(b.title()));
            (archetype, roles)
        })
        .collect()
}

/// The briefs that name `slug` in their `hire_after`: the hires this one prepares for.
pub fn hired_after<'a>(content: &'a Content, slug: &str) -> Vec<&'a Role> {
    let mut roles: Vec<&Role> = content
        .roles
        .iter()
        .filter(|r| r.front.hire_after.iter().any(|h| h.value == slug))
        .collect();
    roles.sort_by(|a, b| a.title().cmp(b.title()));
    roles
}
