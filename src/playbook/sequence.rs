//! The hiring sequence: the order `hire_after` implies, and its layered graph. Pure.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::content::Content;
use crate::content::role::Role;
use crate::playbook::graph::HiringGraph;
use crate::render::markdown::escape;

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

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

const NODE_WIDTH: usize = 190;
const NODE_HEIGHT: usize = 46;
const GAP_X: usize = 24;
const GAP_Y: usize = 56;

/// The sequence as an inline SVG: one row per layer, an arrow from each earlier hire to the
/// brief that waits for it. `url` gives each brief's address. Drawn at build time: no script.
pub fn svg(steps: &[Step], url: impl Fn(&Role) -> String) -> String {
    let mut rows: BTreeMap<usize, Vec<&Step>> = BTreeMap::new();
    for step in steps {
        rows.entry(step.layer).or_default().push(step);
    }
    let widest = rows.values().map(Vec::len).max().unwrap_or(1).max(1);
    let width = widest * (NODE_WIDTH + GAP_X) + GAP_X;
    let height = rows.len().max(1) * (NODE_HEIGHT + GAP_Y);
    let mut at: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (row, (_, steps)) in rows.iter().enumerate() {
        let row_width = steps.len() * (NODE_WIDTH + GAP_X) - GAP_X;
        let left = (width - row_width) / 2;
        for (i, step) in steps.iter().enumerate() {
            at.insert(
                &step.role.slug,
                (
                    left + i * (NODE_WIDTH + GAP_X),
                    GAP_Y / 2 + row * (NODE_HEIGHT + GAP_Y),
                ),
            );
        }
    }
    let mut svg = format!(
        "<svg class=\"sequence-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><title id=\"sequence-graph-title\">Hiring sequence: each arrow points from a hire to the hire that should follow it</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrow-head\"/></marker></defs>"
    );
    for step in steps {
        let Some(&(x, y)) = at.get(step.role.slug.as_str()) else {
            continue;
        };
        for earlier in &step.after {
            let Some(&(ex, ey)) = at.get(earlier.slug.as_str()) else {
                continue;
            };
            let (x1, y1) = (ex + NODE_WIDTH / 2, ey + NODE_HEIGHT);
            let (x2, y2) = (x + NODE_WIDTH / 2, y);
            let middle = (y1 + y2) / 2;
            svg.push_str(&format!(
                "<path class=\"edge\" d=\"M {x1} {y1} C {x1} {middle}, {x2} {middle}, {x2} {y2}\" marker-end=\"url(#arrow)\"/>"
            ));
        }
    }
    for (n, step) in steps.iter().enumerate() {
        let Some(&(x, y)) = at.get(step.role.slug.as_str()) else {
            continue;
        };
        let title = step.role.title();
        svg.push_str(&format!(
            "<a href=\"{}\" class=\"node node-{}\"><title>{}. {}</title><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"6\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}. {}</text></a>",
            escape(&url(step.role)),
            escape(&step.role.front.archetype.value),
            n + 1,
            escape(title),
            x + NODE_WIDTH / 2,
            y + NODE_HEIGHT / 2 + 5,
            n + 1,
            escape(&shorten(title, 24)),
        ));
    }
    svg.push_str("</svg>");
    svg
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

    #[test]
    fn the_graph_links_every_brief_and_escapes_titles() {
        let pages = [
            ("roles/a.md", brief("A & <B>", "manager", &[])),
            ("roles/c.md", brief("C", "builder", &["a"])),
        ];
        let content = content(&pages);
        let steps = hiring_order(&config(), &content);
        let svg = svg(&steps, |r| format!("/roles/{}/", r.slug));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("href=\"/roles/a/\"") && svg.contains("href=\"/roles/c/\""));
        assert!(svg.contains("A &amp; &lt;B&gt;") && !svg.contains("<B>"));
        assert_eq!(svg.matches("class=\"edge\"").count(), 1);
    }
}
