//! The lints of the hiring order across briefs: unknown briefs in `hire_after`, cycles,
//! and governance hired after the builders.

use super::*;

/// `hire_after` entries that name no brief.
pub(super) fn unknown_roles(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
    let slugs: Vec<&str> = graph.roles.iter().map(|r| r.slug.as_str()).collect();
    let mut found = Vec::new();
    for role in &graph.roles {
        for (i, earlier) in role.front.hire_after.iter().enumerate() {
            if graph.position(&earlier.value).is_some() {
                continue;
            }
            let help = match crate::diagnostic::did_you_mean(&earlier.value, slugs.iter().copied())
            {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("known briefs: {}", slugs.join(", ")),
            };
            let d = role
                .diagnostic_at(
                    role.source_of_item("hire_after", i),
                    position(&earlier.referenced),
                    format!(
                        "`hire_after` names `{}`, which is not a brief",
                        earlier.value
                    ),
                )
                .with_help(help);
            found.extend(finding(config, Some(role), "unknown-role", d));
        }
    }
    found
}

/// Each cycle of `hire_after`, once, named in full with every file and line.
pub(super) fn hire_cycles(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
    let mut cycles: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut done = vec![false; graph.roles.len()];
    for start in 0..graph.roles.len() {
        let mut path: Vec<usize> = Vec::new();
        walk(graph, start, &mut path, &mut done, &mut cycles);
    }
    let mut found = Vec::new();
    for cycle in cycles {
        let Some(first) = graph.position(&cycle[0]).map(|i| graph.roles[i]) else {
            continue;
        };
        let steps: Vec<String> = cycle
            .iter()
            .enumerate()
            .filter_map(|(i, slug)| {
                let role = graph.roles[graph.position(slug)?];
                let next = &cycle[(i + 1) % cycle.len()];
                let (i, entry) = role
                    .front
                    .hire_after
                    .iter()
                    .enumerate()
                    .find(|(_, h)| &h.value == next)?;
                let at = position(&entry.referenced);
                Some(format!(
                    "{}:{}:{} ({slug} waits for {next})",
                    crate::diagnostic::display_path(&role.source_of_item("hire_after", i).file),
                    at.line,
                    at.column
                ))
            })
            .collect();
        let chain: Vec<&str> = cycle
            .iter()
            .chain(cycle.first())
            .map(String::as_str)
            .collect();
        let entry = first
            .front
            .hire_after
            .iter()
            .enumerate()
            .find(|(_, h)| Some(&h.value) == cycle.get(1 % cycle.len()));
        let (source, at) = entry.map_or((&first.source, Position::START), |(i, h)| {
            (
                first.source_of_item("hire_after", i),
                position(&h.referenced),
            )
        });
        let d = first
            .diagnostic_at(source, at, format!("hiring cycle: {}", chain.join(" → ")))
            .with_help(format!(
                "remove one `hire_after` entry of the cycle: {}",
                steps.join("; ")
            ));
        found.extend(finding(config, Some(first), "hire-cycle", d));
    }
    found
}

/// Depth-first search that records every cycle it closes, rotated to start at its smallest slug.
pub(super) fn walk(
    graph: &HiringGraph,
    at: usize,
    path: &mut Vec<usize>,
    done: &mut [bool],
    cycles: &mut BTreeSet<Vec<String>>,
) {
    if let Some(start) = path.iter().position(|&i| i == at) {
        let cycle: Vec<&str> = path[start..]
            .iter()
            .map(|&i| graph.roles[i].slug.as_str())
            .collect();
        let smallest = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
        let rotated: Vec<String> = cycle[smallest..]
            .iter()
            .chain(&cycle[..smallest])
            .map(|s| s.to_string())
            .collect();
        cycles.insert(rotated);
        return;
    }
    if done[at] {
        return;
    }
    path.push(at);
    for &next in &graph.earlier[at] {
        walk(graph, next, path, done, cycles);
    }
    path.pop();
    done[at] = true;
}

const GOVERNANCE: &str = "security-compliance";
const BUILDER: &str = "builder";

/// Governance must be in place before the builders: every builder's hiring chain includes a
/// governance owner, and no governance owner waits for a builder.
pub(super) fn late_governance(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
    let governance: Vec<&Role> = graph
        .roles
        .iter()
        .copied()
        .filter(|r| r.holds_primary(GOVERNANCE))
        .collect();
    if governance.is_empty() {
        return Vec::new();
    }
    let is_builder = |r: &Role| r.front.archetype.value == BUILDER;
    let is_governance = |r: &Role| r.holds_primary(GOVERNANCE);
    let titles: Vec<&str> = governance.iter().map(|g| g.title()).collect();
    let mut governance_before = vec![None; graph.roles.len()];
    let mut builders_before = vec![None; graph.roles.len()];
    let mut found = Vec::new();
    for (i, role) in graph.roles.iter().enumerate() {
        if is_builder(role) && !graph.any_earlier(i, &is_governance, &mut governance_before) {
            let d = at_key(
                    role,
                    "hire_after",
                    format!(
                        "late governance: this builder can be hired before governance is in place ({} is not in its hiring chain)",
                        few(&titles)
                    ),
                )
                .with_help(format!("add `{}` to `hire_after`, directly or through an earlier hire", governance[0].slug));
            found.extend(finding(config, Some(role), "late-governance", d));
        }
        if is_governance(role) && graph.any_earlier(i, &is_builder, &mut builders_before) {
            let builders: Vec<&str> = graph
                .earlier_matching(i, &is_builder, 4)
                .iter()
                .map(|r| r.title())
                .collect();
            let d = at_key(
                    role,
                    "hire_after",
                    format!("late governance: the governance owner waits for builder roles ({})", few(&builders)),
                )
                .with_help("hire governance before the builders: remove builder roles from this brief's hiring chain");
            found.extend(finding(config, Some(role), "late-governance", d));
        }
    }
    found
}
