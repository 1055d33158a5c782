//! The hiring sequence: the order `hire_after` implies, in layers. Pure; `render::svg`
//! draws it.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::content::Content;
use crate::content::role::Role;
use crate::playbook::graph::HiringGraph;

/// A brief in hiring order, with its layer (0 for briefs that wait for nobody).
#[derive(Debug, Clone)]
pub struct Step<'a> {
    pub role: &'a Role,
    pub layer: usize,
    /// The briefs it waits for that exist.
    pub after: Vec<&'a Role>,
}

/// Topological order of `hire_after`, stable: among briefs whose earlier hires are all placed,
/// the first archetype (in `site.yaml` order), then the title, goes first. Briefs caught in a
/// cycle (reported by the `hire-cycle` lint) come last, in the same tie order. Kahn's
/// algorithm with a priority queue: O(n log n + edges).
pub fn hiring_order<'a>(config: &Config, content: &'a Content) -> Vec<Step<'a>> {
    let graph = HiringGraph::new(content);
    let roles = &graph.roles;
    // Each brief's place in the tie order, so the queue compares numbers, not titles.
    let mut tie_order: Vec<usize> = (0..roles.len()).collect();
    tie_order.sort_by_cached_key(|&i| {
        let role = roles[i];
        let archetype = config
            .archetypes
            .iter()
            .position(|a| a.key == role.front.archetype.value)
            .unwrap_or(usize::MAX);
        (archetype, role.title(), role.slug.as_str())
    });
    let mut rank = vec![0; roles.len()];
    for (place, &i) in tie_order.iter().enumerate() {
        rank[i] = place;
    }
    // The earlier hires of each brief that exist, once each, never itself.
    let after: Vec<Vec<usize>> = (0..roles.len())
        .map(|i| graph.before(i).collect())
        .collect();
    let mut waiting_for: Vec<usize> = after.iter().map(Vec::len).collect();
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); roles.len()];
    for (i, earlier) in after.iter().enumerate() {
        for &j in earlier {
            followers[j].push(i);
        }
    }
    let mut ready: BTreeSet<(usize, usize)> = (0..roles.len())
        .filter(|&i| waiting_for[i] == 0)
        .map(|i| (rank[i], i))
        .collect();
    let mut layer: Vec<usize> = vec![0; roles.len()];
    let mut placed: Vec<bool> = vec![false; roles.len()];
    let mut order: Vec<Step<'a>> = Vec::with_capacity(roles.len());
    while let Some((_, i)) = ready.pop_first() {
        placed[i] = true;
        layer[i] = after[i].iter().map(|&j| layer[j] + 1).max().unwrap_or(0);
        order.push(Step {
            role: roles[i],
            layer: layer[i],
            after: after[i].iter().map(|&j| roles[j]).collect(),
        });
        for &f in &followers[i] {
            waiting_for[f] -= 1;
            if waiting_for[f] == 0 {
                ready.insert((rank[f], f));
            }
        }
    }
    let last = order.iter().map(|s| s.layer + 1).max().unwrap_or(0);
    let mut stuck: Vec<usize> = (0..roles.len()).filter(|&i| !placed[i]).collect();
    stuck.sort_by_key(|&i| rank[i]);
    for i in stuck {
        order.push(Step {
            role: roles[i],
            layer: last,
            after: after[i].iter().map(|&j| roles[j]).collect(),
        });
    }
    order
}

/// The team's hiring order (the briefs of `content/plan/` when it has any, else every
/// brief), with the layers recomputed among them.
pub fn team_order<'a>(config: &Config, content: &'a Content) -> Vec<Step<'a>> {
    if !content.has_plan() {
        return hiring_order(config, content);
    }
    let team = Content {
        roles: content
            .roles
            .iter()
            .filter(|r| r.in_plan())
            .cloned()
            .collect(),
        ..Content::default()
    };
    let order: Vec<(String, usize)> = hiring_order(config, &team)
        .into_iter()
        .map(|s| (s.role.slug.clone(), s.layer))
        .collect();
    order
        .into_iter()
        .filter_map(|(slug, layer)| {
            let role = content.role(&slug)?;
            let after = role
                .front
                .hire_after
                .iter()
                .filter_map(|h| content.role(&h.value))
                .filter(|r| r.in_plan())
                .collect();
            Some(Step { role, layer, after })
        })
        .collect()
}

/// Every brief for the whole-playbook page: the team plan first, then the library, each
/// in hiring order.
pub fn print_order<'a>(config: &Config, content: &'a Content) -> Vec<Step<'a>> {
    let mut steps = hiring_order(config, content);
    steps.sort_by_key(|s| !s.role.in_plan());
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};

    fn order(pages: &[(&str, String)]) -> Vec<(String, usize)> {
        let content = content(pages);
        hiring_order(&config(), &content)
            .iter()
            .map(|s| (s.role.slug.clone(), s.layer))
            .collect()
    }

    fn slugs(pages: &[(&str, String)]) -> Vec<String> {
        order(pages).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn earlier_hires_come_first_and_ties_go_by_archetype_then_title() {
        let pages = [
            (
                "roles/eng.md",
                brief("Engineer", "builder", &["gov", "platform"]),
            ),
            ("roles/data.md", brief("Data", "builder", &["platform"])),
            (
                "roles/platform.md",
                brief("Platform", "architect", &["head"]),
            ),
            ("roles/gov.md", brief("Governance", "manager", &["head"])),
            ("roles/head.md", brief("Head", "manager", &["caio"])),
            ("roles/caio.md", brief("CAIO", "executive-operator", &[])),
        ];
        assert_eq!(
            slugs(&pages),
            ["caio", "head", "gov", "platform", "data", "eng"]
        );
        let layers: Vec<usize> = order(&pages).iter().map(|(_, l)| *l).collect();
        assert_eq!(layers, [0, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn independent_briefs_order_by_archetype_then_title() {
        let pages = [
            ("roles/b.md", brief("Zed", "builder", &[])),
            ("roles/a.md", brief("Alpha", "builder", &[])),
            ("roles/m.md", brief("Manager", "manager", &[])),
        ];
        assert_eq!(slugs(&pages), ["m", "a", "b"]);
    }

    #[test]
    fn cycles_and_unknown_slugs_do_not_lose_briefs() {
        let pages = [
            ("roles/a.md", brief("A", "builder", &["b"])),
            ("roles/b.md", brief("B", "builder", &["a"])),
            ("roles/c.md", brief("C", "builder", &["nobody"])),
        ];
        assert_eq!(slugs(&pages), ["c", "a", "b"]);
    }
}
