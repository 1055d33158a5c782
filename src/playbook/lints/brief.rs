//! The lints of one brief's front matter: bundled roles, vague outcomes, missing horizons,
//! owners, interfaces and probes, tool soup, outcomes measured in activity.

use super::outcome::{self, Measure, Part};
use super::*;

/// The lints that read one brief.
pub(super) fn check_role(config: &Config, role: &Role, limits: &LintLimits) -> Vec<Diagnostic> {
    let front = &role.front;
    let mut found = Vec::new();
    let mut add =
        |id: &'static str, d: Diagnostic| found.extend(finding(config, Some(role), id, d));

    for d in bundled(config, role, limits) {
        add("bundled-role", d);
    }
    let lacks = outcome::read(&front.outcome.value).missing();
    if !lacks.is_empty() {
        let named: Vec<&str> = lacks.iter().map(|part| part.missing()).collect();
        add(
            "vague-outcome",
            at_value(
                role,
                "outcome",
                &front.outcome.referenced,
                format!("vague outcome: {}", list(&named)),
            )
            .with_help(rewrite_help(&lacks)),
        );
    }
    for d in activity_outcome(role) {
        add("activity-outcome", d);
    }
    let missing: Vec<&str> = front
        .success
        .value
        .horizons()
        .iter()
        .filter(|(_, _, measures)| measures.is_none_or(|m| m.is_empty()))
        .map(|(key, _, _)| *key)
        .collect();
    if !missing.is_empty() {
        add(
            "missing-horizon",
            at_value(
                role,
                "success",
                &front.success.referenced,
                format!("`success` has no {} horizon", missing.join(", ")),
            )
            .with_help(format!(
                "add `{}:` with what must be true by then",
                missing[0]
            )),
        );
    }
    if front.owns_after_launch.is_empty() {
        add(
            "no-owner-after-launch",
            at_key(
                role,
                "owns_after_launch",
                "nothing is owned after launch: `owns_after_launch` is empty",
            ),
        );
    }
    let unstated: Vec<&str> = config
        .interfaces
        .required
        .iter()
        .map(String::as_str)
        .filter(|key| !front.interfaces.states(key))
        .collect();
    if !unstated.is_empty() {
        add(
            "missing-interface",
            at_key(
                role,
                "interfaces",
                format!("no stated fit with {}", unstated.join(", ")),
            )
            .with_help(format!(
                "add under `interfaces:` how the role works with {}",
                unstated.join(", ")
            )),
        );
    }
    for d in tool_soup(config, role, limits) {
        add("tool-soup", d);
    }
    if front.interview_probes.is_empty() {
        add(
            "missing-probes",
            at_key(
                role,
                "interview_probes",
                "no interview probes for proof of delivery",
            ),
        );
    }
    for (i, waiver) in front.allow.iter().enumerate() {
        let reason = waiver.reason_text().trim();
        if !is_placeholder(reason) {
            continue;
        }
        let message = if reason.is_empty() {
            format!("`{}` is waived without a reason", waiver.lint.value)
        } else {
            format!(
                "`{}` is waived with a placeholder for a reason (`{reason}`)",
                waiver.lint.value
            )
        };
        add(
            "allow-without-reason",
            role.diagnostic_at(
                role.source_of_item("allow", i),
                position(waiver.lint.referenced),
                message,
            )
            .with_help(format!(
                "say why this brief is the exception, in the map form: `allow: {{{}: \"<the reason>\"}}`",
                waiver.lint.value
            )),
        );
    }
    found
}

/// A bundled role, read from the front matter: too many capabilities (at the capability
/// list), and decisions and summary that reach into too many areas of work (at `decisions`).
fn bundled(config: &Config, role: &Role, limits: &LintLimits) -> Vec<Diagnostic> {
    use crate::playbook::breadth::{capability_bundle, decision_areas, describe};
    let mut found = Vec::new();
    if let Some(bundle) = capability_bundle(role, limits) {
        let caps = &role.front.capabilities;
        let (key, first) = match caps.primary.first() {
            Some(first) => ("capabilities.primary", first),
            None => ("capabilities.secondary", &caps.secondary[0]),
        };
        let message = if bundle.primary_over {
            format!(
                "bundled role: {} primary capabilities ({}); the limit is {}",
                bundle.primary.len(),
                bundle.primary.join(", "),
                limits.max_primary_capabilities
            )
        } else {
            format!(
                "bundled role: {} capabilities ({} primary: {}; {} secondary: {}); the limit is {} in all",
                bundle.primary.len() + bundle.secondary.len(),
                bundle.primary.len(),
                bundle.primary.join(", "),
                bundle.secondary.len(),
                bundle.secondary.join(", "),
                limits.max_capabilities
            )
        };
        found.push(
            role.diagnostic_at(role.source_of_item(key, 0), position(first.referenced), message)
                .with_help("split the brief: keep the capabilities this role leads and give the rest to the briefs that should own them"),
        );
    }
    let areas = decision_areas(config, role);
    if areas.len() > limits.max_areas {
        found.push(
            at_key(
                role,
                "decisions",
                format!(
                    "bundled role: its decisions and summary span {} areas of work: {}; the limit is {}",
                    areas.len(),
                    describe(&areas),
                    limits.max_areas
                ),
            )
            .with_help(areas_help(config, role, &areas)),
        );
    }
    found
}

/// Tool soup: more tools than the limit, counting each tool an entry joins ("Python, SQL
/// and Spark" is three), and competing vendors required together ("AWS, Azure and GCP").
fn tool_soup(config: &Config, role: &Role, limits: &LintLimits) -> Vec<Diagnostic> {
    use crate::playbook::tools::{competing, count};
    let tools = &role.front.tools;
    let mut found = Vec::new();
    let n = count(tools, config);
    if n > limits.max_tools {
        let entries = if n == tools.len() {
            String::new()
        } else {
            format!(" in {} entries", tools.len())
        };
        found.push(at_key(
            role,
            "tools",
            format!(
                "tool soup: {n} tools listed{entries}; the limit is {}",
                limits.max_tools
            ),
        ));
    }
    let groups = competing(tools, config);
    if let Some(first) = groups.first() {
        let named: Vec<String> = groups
            .iter()
            .map(|g| {
                let vendors: Vec<&str> = g.vendors.iter().map(String::as_str).collect();
                format!(
                    "{} ({})",
                    crate::playbook::breadth::and_list(&vendors),
                    g.group
                )
            })
            .collect();
        found.push(
            at_key(
                role,
                "tools",
                format!(
                    "tool soup: competing vendors required together: {}",
                    named.join("; ")
                ),
            )
            .with_help(format!(
                "name the one the team runs on (e.g. `{}`), or say that any will do with \"or\" (`{}`)",
                first.vendors[0],
                first.vendors[..2].join(" or ")
            )),
        );
    }
    found
}

/// What to move out of a brief whose decisions span too many areas: the areas outside its
/// own capabilities, which other briefs should own.
fn areas_help(config: &Config, role: &Role, areas: &[crate::playbook::breadth::AreaHit]) -> String {
    let caps = &role.front.capabilities;
    let held = |area: usize| {
        config.capabilities.get(area).is_some_and(|c| {
            caps.primary
                .iter()
                .chain(&caps.secondary)
                .any(|k| k.value == c.key)
        })
    };
    let elsewhere: Vec<&str> = areas
        .iter()
        .filter(|a| !held(a.area))
        .map(|a| a.name)
        .collect();
    if elsewhere.is_empty() {
        "split the brief: keep the decisions of the areas this role leads and give the others to the briefs that own them".to_string()
    } else {
        format!(
            "give the decisions about {} to the briefs that own that work (or write those briefs), and keep the ones this role leads",
            crate::playbook::breadth::and_list(&elsewhere)
        )
    }
}

/// "a", "a and b", "a, b and c".
fn list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// The rewrite pattern for an outcome, naming only the parts it lacks.
fn rewrite_help(missing: &[Part]) -> String {
    let hints: Vec<&str> = missing
        .iter()
        .map(|part| match part {
            Part::Moves => {
                "name the metric or result that moves (handling time, cost per claim, use cases in production)"
            }
            Part::Target => "say by how much (by 30%, from £4.10 to £2.50, by a third)",
            Part::Time => {
                "say by when (within 12 months, by Q3 2027, before the 2027 renewal)"
            }
        })
        .collect();
    format!(
        "state what moves, by how much and by when: {}; e.g. \"Cut claims handling time by 30% within 12 months\"",
        hints.join("; ")
    )
}

/// `activity-outcome`: a brief measured in activity instead of a result. The rule:
/// - the outcome is flagged when it is activity: it names a pilot, demo, proof of concept,
///   prototype, launch, roadmap, vision, strategy, transformation, quick wins,
///   relationships, stakeholders, thought leadership, evangelism, workshops, a presentation
///   or experiments, and no operating result (nothing in production, live or in use, no
///   adoption, on-call, runbook or incidents, no metric with a target);
/// - a 90-day or 6-month horizon is flagged when every item in it is activity: a milestone
///   on the way ("Readiness audit delivered", "Delivery plan agreed") keeps it clear;
/// - the 12-month horizon is flagged when no item in it is an operating result.
///
/// One finding per flagged horizon, at its first activity item (or its first item).
fn activity_outcome(role: &Role) -> Vec<Diagnostic> {
    let front = &role.front;
    let mut found = Vec::new();
    if let Measure::Activity(kind) = outcome::measure(&front.outcome.value) {
        found.push(
            at_value(
                role,
                "outcome",
                &front.outcome.referenced,
                format!("outcome measured in activity ({kind}), not a business or operating result"),
            )
            .with_help("name the result the activity is for, in the business or in operations, e.g. \"Put two use cases into production within 12 months, each with its business metric tracked against baseline\""),
        );
    }
    for (key, label, measures) in front.success.value.horizons() {
        let Some(measures) = measures.filter(|m| !m.is_empty()) else {
            continue;
        };
        let read: Vec<Measure> = measures
            .iter()
            .map(|m| outcome::measure(&m.value))
            .collect();
        let Some(message) = horizon_in_activity(key, label, &read) else {
            continue;
        };
        let at = read
            .iter()
            .position(|m| matches!(m, Measure::Activity(_)))
            .unwrap_or(0);
        found.push(
            role.diagnostic_at(
                role.source_of_measure(key, at),
                position(measures[at].referenced),
                message,
            )
            .with_help("keep the milestone and add the result it leads to, a metric moved or a system in production and used, e.g. \"First use case in production, handling time down 10% in the pilot unit\""),
        );
    }
    found
}

/// What is wrong with a horizon whose measures read as `read`, if anything: a 90-day or
/// 6-month horizon of activity only, or a 12-month horizon with no operating result.
fn horizon_in_activity(key: &str, label: &str, read: &[Measure]) -> Option<String> {
    let mut kinds: Vec<&str> = Vec::new();
    for measure in read {
        if let Measure::Activity(kind) = measure
            && !kinds.contains(kind)
        {
            kinds.push(kind);
        }
    }
    let kinds = kinds.join(", ");
    if key == "12m" {
        return match (read.contains(&Measure::Result), kinds.is_empty()) {
            (true, _) => None,
            (false, true) => Some(format!(
                "success at {label} names no operating result: nothing in production or in use, no metric moved"
            )),
            (false, false) => Some(format!(
                "success at {label} names activity ({kinds}) and no operating result"
            )),
        };
    }
    let all_activity = read.iter().all(|m| matches!(m, Measure::Activity(_)));
    all_activity.then(|| {
        format!("success at {label} is all activity ({kinds}): no business or operating result")
    })
}
