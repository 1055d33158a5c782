//! The lints of one brief's front matter: bundled roles, vague outcomes, missing horizons,
//! owners, interfaces and probes, tool soup.

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
    if !is_measurable(&front.outcome.value) {
        add(
            "vague-outcome",
            at_value(
                role,
                "outcome",
                &front.outcome.referenced,
                "vague outcome: no number, percentage, date or target",
            ),
        );
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
            role.diagnostic_at(role.source_of_item(key, 0), position(&first.referenced), message)
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

/// Words that make an outcome measurable besides digits: amounts, fractions, months.
const MEASURE_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "half",
    "halve",
    "halved",
    "third",
    "thirds",
    "quarter",
    "double",
    "doubled",
    "triple",
    "tripled",
    "twice",
    "percent",
    "per cent",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "year-end",
    "quarter-end",
];

/// Whether an outcome states a target: a number, percentage, amount word or date.
pub fn is_measurable(outcome: &str) -> bool {
    if outcome.chars().any(|c| c.is_ascii_digit() || c == '%') {
        return true;
    }
    let lower = outcome.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    MEASURE_WORDS.iter().any(|measure| {
        if measure.contains(' ') {
            lower.contains(measure)
        } else {
            words.contains(measure)
        }
    })
}
