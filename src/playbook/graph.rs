//! The hiring graph: each brief's `hire_after` entries resolved once to positions in
//! `content.roles`, so the hiring sequence and the lints that follow hiring chains walk
//! edges by index instead of looking a slug up at every step. Pure.

use std::collections::HashMap;

use crate::content::Content;
use crate::content::role::Role;

pub struct HiringGraph<'a> {
    pub roles: Vec<&'a Role>,
    index: HashMap<&'a str, usize>,
    /// For each brief, the briefs its `hire_after` names that exist, in the order written,
    /// once each; a brief naming itself has itself here (a cycle of one).
    pub earlier: Vec<Vec<usize>>,
}

impl<'a> HiringGraph<'a> {
    pub fn new(content: &'a Content) -> Self {
        let roles: Vec<&'a Role> = content.roles.iter().map(|r| r.as_ref()).collect();
        let index: HashMap<&'a str, usize> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.as_str(), i))
            .collect();
        let earlier = roles
            .iter()
            .map(|role| {
                let mut earlier: Vec<usize> = Vec::new();
                for h in &role.front.hire_after {
                    if let Some(&j) = index.get(h.value.as_str())
                        && !earlier.contains(&j)
                    {
                        earlier.push(j);
                    }
                }
                earlier
            })
            .collect();
        HiringGraph {
            roles,
            index,
            earlier,
        }
    }

    /// The position of the brief `slug`.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.index.get(slug).copied()
    }

    /// The earlier hires of brief `i`, itself left out.
    pub fn before(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.earlier[i].iter().copied().filter(move |&j| j != i)
    }

    /// Whether some earlier hire of brief `i`, at any depth, passes `matches`. `memo` holds
    /// the answers so far (one slot per brief), so a whole playbook is answered in one pass.
    pub fn any_earlier(
        &self,
        i: usize,
        matches: &dyn Fn(&Role) -> bool,
        memo: &mut [Option<bool>],
    ) -> bool {
        if let Some(answer) = memo[i] {
            return answer;
        }
        // Guards cycles (reported by hire-cycle): a brief in progress counts as no match.
        memo[i] = Some(false);
        let answer = self
            .before(i)
            .any(|j| matches(self.roles[j]) || self.any_earlier(j, matches, memo));
        memo[i] = Some(answer);
        answer
    }

    /// Up to `limit` earlier hires of brief `i` (nearest first) that pass `matches`,
    /// searching no further.
    pub fn earlier_matching(
        &self,
        i: usize,
        matches: &dyn Fn(&Role) -> bool,
        limit: usize,
    ) -> Vec<&'a Role> {
        let mut seen = vec![false; self.roles.len()];
        seen[i] = true;
        let mut queue: std::collections::VecDeque<usize> = self.before(i).collect();
        let mut found = Vec::new();
        while let Some(j) = queue.pop_front() {
            if std::mem::replace(&mut seen[j], true) {
                continue;
            }
            if matches(self.roles[j]) {
                found.push(self.roles[j]);
                if found.len() == limit {
                    break;
                }
            }
            queue.extend(self.before(j));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, content};

    fn site() -> Content {
        content(&[
            ("roles/gov.md", brief("Gov", "manager", &[])),
            (
                "roles/lead.md",
                brief("Lead", "manager", &["gov", "gov", "nobody"]),
            ),
            ("roles/a.md", brief("A", "builder", &["lead", "a"])),
            ("roles/b.md", brief("B", "builder", &["a"])),
        ])
    }

    #[test]
    fn edges_are_the_existing_briefs_once_each_in_written_order() {
        let content = site();
        let graph = HiringGraph::new(&content);
        let at = |slug| graph.position(slug).expect("brief");
        assert_eq!(graph.earlier[at("lead")], [at("gov")]);
        assert_eq!(graph.earlier[at("a")], [at("lead"), at("a")]);
        assert_eq!(graph.before(at("a")).collect::<Vec<_>>(), [at("lead")]);
        assert_eq!(graph.position("nobody"), None);
    }

    #[test]
    fn earlier_hires_are_found_at_any_depth_nearest_first() {
        let content = site();
        let graph = HiringGraph::new(&content);
        let at = |slug| graph.position(slug).expect("brief");
        let manager = |r: &Role| r.front.archetype.value == "manager";
        let mut memo = vec![None; graph.roles.len()];
        assert!(graph.any_earlier(at("b"), &manager, &mut memo));
        assert!(!graph.any_earlier(at("gov"), &manager, &mut memo));
        let titles: Vec<&str> = graph
            .earlier_matching(at("b"), &manager, 4)
            .iter()
            .map(|r| r.title())
            .collect();
        assert_eq!(titles, ["Lead", "Gov"]);
        assert_eq!(graph.earlier_matching(at("b"), &manager, 1).len(), 1);
    }
}
