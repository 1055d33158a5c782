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
                    position(earlier.referenced),
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
                let at = position(entry.referenced);
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
                position(h.referenced),
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

/// The briefs the governance lints compare: the team (`content/plan/` when it has briefs),
/// and, beside a team plan, the archetype library on its own. A builder's governance owner
/// must come from its own group: a library brief in a team builder's `hire_after` does not
/// put governance in place for the team.
#[derive(Clone, Copy)]
enum Group {
    Everyone,
    Plan,
    Library,
}

impl Group {
    fn of(content: &Content) -> &'static [Group] {
        if content.has_plan() {
            &[Group::Plan, Group::Library]
        } else {
            &[Group::Everyone]
        }
    }

    fn has(self, role: &Role) -> bool {
        match self {
            Group::Everyone => true,
            Group::Plan => role.in_plan(),
            Group::Library => !role.in_plan(),
        }
    }
}

/// "X is not", "neither X nor Y is", "none of X, Y, Z and more is": who is not in a
/// hiring chain, as one sentence reads.
fn none_of(titles: &[&str]) -> String {
    match titles {
        [one] => format!("{one} is not"),
        [a, b] => format!("neither {a} nor {b} is"),
        _ => format!("none of {} is", few(titles)),
    }
}

/// Governance must be in place before the builders: every builder's hiring chain includes a
/// governance owner of its own group, no governance owner waits for a builder, and (once
/// statuses are in use) no builder is open or filled while every governance owner of the
/// team is still planned.
pub(super) fn late_governance(
    config: &Config,
    content: &Content,
    graph: &HiringGraph,
) -> Vec<Diagnostic> {
    let roles = config.governance();
    let is_builder = |r: &Role| r.front.archetype.value == roles.builder_archetype;
    let is_governance = |r: &Role| r.holds_primary(&roles.capability);
    let mut found = Vec::new();
    for &group in Group::of(content) {
        let governance: Vec<&Role> = graph
            .roles
            .iter()
            .copied()
            .filter(|r| group.has(r) && is_governance(r))
            .collect();
        if governance.is_empty() {
            // No governance owner at all is `no-governance-owner`'s finding.
            continue;
        }
        let governance_here = |r: &Role| is_governance(r) && group.has(r);
        let builder_here = |r: &Role| is_builder(r) && group.has(r);
        let titles: Vec<&str> = governance.iter().map(|g| g.title()).collect();
        let mut governance_before = vec![None; graph.roles.len()];
        let mut builders_before = vec![None; graph.roles.len()];
        for (i, role) in graph.roles.iter().enumerate() {
            if !group.has(role) {
                continue;
            }
            if is_builder(role) && !graph.any_earlier(i, &governance_here, &mut governance_before) {
                let d = at_key(
                    role,
                    "hire_after",
                    format!(
                        "late governance: this builder can be hired before governance is in place ({} in its hiring chain)",
                        none_of(&titles)
                    ),
                )
                .with_help(format!(
                    "add `{}` to `hire_after`, directly or through an earlier hire",
                    governance[0].slug
                ));
                found.extend(finding(config, Some(role), "late-governance", d));
            }
            if is_governance(role) && graph.any_earlier(i, &builder_here, &mut builders_before) {
                let builders: Vec<&str> = graph
                    .earlier_matching(i, &builder_here, 4)
                    .iter()
                    .map(|r| r.title())
                    .collect();
                let d = at_key(
                    role,
                    "hire_after",
                    format!(
                        "late governance: the governance owner waits for builder roles ({})",
                        few(&builders)
                    ),
                )
                .with_help("hire governance before the builders: remove builder roles from this brief's hiring chain");
                found.extend(finding(config, Some(role), "late-governance", d));
            }
        }
    }
    found.extend(hired_before_governance(config, content));
    found
}

/// Builders of the team open or filled while every governance owner of the team is still
/// planned: the plan says governance comes first, the statuses say it does not.
fn hired_before_governance(config: &Config, content: &Content) -> Vec<Diagnostic> {
    use crate::content::role::Status;
    let roles = config.governance();
    let team = content.team();
    if !crate::playbook::staffing::statuses_in_use(config, &team) {
        return Vec::new();
    }
    let governance: Vec<&Role> = team
        .iter()
        .copied()
        .filter(|r| r.holds_primary(&roles.capability))
        .collect();
    if governance.is_empty() || governance.iter().any(|g| g.front.status != Status::Planned) {
        return Vec::new();
    }
    let titles: Vec<&str> = governance.iter().map(|g| g.title()).collect();
    let owners = match titles.as_slice() {
        [one] => format!("the governance owner ({one}) is"),
        _ => format!("every governance owner ({}) is", few(&titles)),
    };
    team.iter()
        .filter(|r| r.front.archetype.value == roles.builder_archetype)
        .filter_map(|role| {
            let state = match role.front.status {
                Status::Planned => return None,
                Status::Open => "being hired (`status: open`)",
                Status::Filled => "hired (`status: filled`)",
            };
            let d = at_key(
                role,
                "status",
                format!("late governance: this builder is {state} while {owners} still planned"),
            )
            .with_help(format!(
                "open the governance search first (`status: open` in `{}`), or keep this brief `planned` until then",
                governance[0].slug
            ));
            finding(config, Some(role), "late-governance", d)
        })
        .collect()
}

/// A team with builders and nobody who owns governance: the systems get built and reviewed
/// after the fact, if at all. Reported once, on the team's first builder.
pub(super) fn no_governance_owner(config: &Config, content: &Content) -> Vec<Diagnostic> {
    let roles = config.governance();
    let Some(capability) = config.capability(&roles.capability) else {
        return Vec::new();
    };
    let team = content.team();
    if team.iter().any(|r| r.holds_primary(&capability.key)) {
        return Vec::new();
    }
    let builders: Vec<&Role> = team
        .iter()
        .copied()
        .filter(|r| r.front.archetype.value == roles.builder_archetype)
        .collect();
    let Some(first) = builders.first() else {
        return Vec::new();
    };
    let titles: Vec<&str> = builders.iter().take(4).map(|r| r.title()).collect();
    let library_owner = content
        .roles
        .iter()
        .find(|r| !r.in_plan() && r.holds_primary(&capability.key));
    let help = match (content.has_plan(), library_owner) {
        (true, Some(owner)) => format!(
            "add a governance owner to the team plan, e.g. `gen new role \"{}\" --from {}`, and put it in the builders' `hire_after`",
            owner.title(),
            owner.slug
        ),
        (true, None) => format!(
            "add a brief to content/plan/ that holds `{}` as primary, and put it in the builders' `hire_after`",
            capability.key
        ),
        (false, _) => format!(
            "add a brief that holds `{}` as primary, and put it in the builders' `hire_after`",
            capability.key
        ),
    };
    let team_name = if content.has_plan() {
        "the team plan (content/plan/)"
    } else {
        "the team"
    };
    let d = at_key(
        first,
        "archetype",
        format!(
            "no governance owner: {team_name} has builders ({}) and no brief that holds `{}` ({}) as primary",
            few(&titles),
            capability.key,
            capability.name
        ),
    )
    .with_help(help);
    finding(config, Some(first), "no-governance-owner", d)
        .into_iter()
        .collect()
}
