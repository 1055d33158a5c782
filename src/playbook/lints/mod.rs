//! Playbook lints: the ways AI hiring briefs go wrong, checked the way an experienced hiring
//! partner would read a playbook. Pure functions over the loaded site: no disk, no clock.

mod links;

pub use links::link_problems;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::config::{Config, LintLevel};
use crate::content::Content;
use crate::content::role::{Role, position};
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Position, Severity};
use crate::markdown::MarkdownCache;
use crate::playbook::graph::HiringGraph;

pub use crate::config::lints::{LINTS, Lint, LintLimits, lint_ids};

fn lint(id: &str) -> &'static Lint {
    LINTS.iter().find(|l| l.id == id).unwrap_or(&LINTS[0])
}

/// The level of `id` for `role` (if any): `allow:` in the brief, then `site.yaml`, then the
/// lint's default.
fn level(config: &Config, role: Option<&Role>, id: &str) -> LintLevel {
    if role.is_some_and(|r| r.front.allow.iter().any(|a| a.value == id)) {
        return LintLevel::Allow;
    }
    config.lints.get(id).copied().unwrap_or(lint(id).default)
}

/// A finding, or nothing when the lint is allowed where it applies.
fn finding(
    config: &Config,
    role: Option<&Role>,
    id: &'static str,
    mut d: Diagnostic,
) -> Option<Diagnostic> {
    let severity = match level(config, role, id) {
        LintLevel::Allow => return None,
        LintLevel::Warn => Severity::Warning,
        LintLevel::Deny => Severity::Error,
    };
    let rule = lint(id);
    let help = match d.help.take() {
        Some(help) => format!("{help}; why: {}", rule.problem),
        None => format!("{}; why: {}", rule.fix, rule.problem),
    };
    d.severity = severity;
    d.code = Some(id);
    d.help = Some(help);
    Some(d)
}

/// A finding about the site as built rather than one brief (`broken-link` in its output),
/// at the level `site.yaml` sets; `None` when allowed.
pub fn site_finding(config: &Config, id: &'static str, d: Diagnostic) -> Option<Diagnostic> {
    finding(config, None, id, d)
}

/// A finding about `key` of `role`, at the line of `key:` in the file that set it.
fn at_key(role: &Role, key: &str, message: impl Into<String>) -> Diagnostic {
    let (source, at) = role.key_position(key);
    role.diagnostic_at(source, at, message)
}

/// A finding about the value of `key` written at `location`, in the file that wrote it.
fn at_value(
    role: &Role,
    key: &str,
    location: &serde_saphyr::Location,
    message: impl Into<String>,
) -> Diagnostic {
    role.diagnostic_at(role.source_of(key), position(location), message)
}

/// Every finding of every lint over the site, allowed ones left out, in file order.
pub fn check(
    config: &Config,
    content: &Content,
    markdown: &MarkdownCache,
    link_problems: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = content
        .roles
        .iter()
        .flat_map(|role| check_brief(config, role))
        .collect();
    found.extend(check_across_briefs(config, content));
    found.extend(content.skipped.iter().cloned());
    found.extend(
        check_bodies(config, content, markdown, link_problems, None)
            .into_values()
            .flatten(),
    );
    sort(&mut found);
    found
}

/// Findings in file order, as every report shows them.
pub fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| (&a.file, a.position, a.code).cmp(&(&b.file, b.position, b.code)));
}

/// The findings of the lints that read one brief's front matter: they change only with it,
/// so a rebuild keeps those of the briefs it did not touch.
pub fn check_brief(config: &Config, role: &Role) -> Vec<Diagnostic> {
    check_role(config, role, &config.lint_limits)
}

/// The findings of the lints that read front matter across briefs (the hiring graph and
/// the capability coverage).
pub fn check_across_briefs(config: &Config, content: &Content) -> Vec<Diagnostic> {
    let graph = HiringGraph::new(content);
    let ((mut found, cycles), (late, unowned)) = rayon::join(
        || {
            rayon::join(
                || unknown_roles(config, &graph),
                || hire_cycles(config, &graph),
            )
        },
        || {
            rayon::join(
                || late_governance(config, &graph),
                || unowned_capabilities(config, content),
            )
        },
    );
    found.extend(cycles);
    found.extend(late);
    found.extend(unowned);
    found
}

/// The findings of the lints that read bodies (empty sections, and the broken links in
/// `link_problems`), by file: every page, or the pages in `only` (content paths), each
/// present even when it has none, so a caller can replace a page's earlier findings.
pub fn check_bodies(
    config: &Config,
    content: &Content,
    markdown: &MarkdownCache,
    link_problems: Vec<Diagnostic>,
    only: Option<&BTreeSet<String>>,
) -> HashMap<PathBuf, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let pages: Vec<(Option<&Role>, &SourceFile, usize)> = pages(content)
        .filter(|(_, source, _)| only.is_none_or(|paths| paths.contains(&source.content_path)))
        .collect();
    let mut found: HashMap<PathBuf, Vec<Diagnostic>> = pages
        .par_iter()
        .map(|&(role, source, body_offset)| {
            (
                source.file.clone(),
                empty_sections(config, role, source, body_offset, markdown),
            )
        })
        .collect();
    let roles: HashMap<&Path, &Role> = pages
        .iter()
        .filter_map(|&(role, source, _)| Some((source.file.as_path(), role?)))
        .collect();
    for problem in link_problems {
        let role = roles.get(problem.file.as_path()).copied();
        if let Some(d) = finding(config, role, "broken-link", problem) {
            found.entry(d.file.clone()).or_default().push(d);
        }
    }
    found
}

/// Every page: its brief (guides have none), source and where its body starts.
fn pages(content: &Content) -> impl Iterator<Item = (Option<&Role>, &SourceFile, usize)> {
    content
        .roles
        .iter()
        .map(|r| (Some(r.as_ref()), &r.source, r.body_offset))
        .chain(
            content
                .guides
                .iter()
                .map(|g| (None, &g.source, g.body_offset)),
        )
}

/// The lints that read one brief.
fn check_role(config: &Config, role: &Role, limits: &LintLimits) -> Vec<Diagnostic> {
    let front = &role.front;
    let mut found = Vec::new();
    let mut add =
        |id: &'static str, d: Diagnostic| found.extend(finding(config, Some(role), id, d));

    let primary = &front.capabilities.primary;
    if primary.len() > limits.max_primary_capabilities {
        let names: Vec<&str> = primary.iter().map(|c| c.value.as_str()).collect();
        add(
            "bundled-role",
            role
                .diagnostic_at(
                    role.source_of_item("capabilities.primary", 0),
                    position(&primary[0].referenced),
                    format!(
                        "bundled role: {} primary capabilities ({}); the limit is {}",
                        primary.len(),
                        names.join(", "),
                        limits.max_primary_capabilities
                    ),
                )
                .with_help("split the brief: keep the capabilities this role leads and give the rest to the briefs that should own them"),
        );
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
    let interfaces = &front.interfaces;
    let unstated: Vec<&str> = [
        ("product", &interfaces.product),
        ("data", &interfaces.data),
        ("security", &interfaces.security),
        ("it", &interfaces.it),
    ]
    .into_iter()
    .filter(|(_, text)| text.as_deref().is_none_or(|t| t.trim().is_empty()))
    .map(|(name, _)| name)
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
    if front.tools.len() > limits.max_tools {
        add(
            "tool-soup",
            at_key(
                role,
                "tools",
                format!(
                    "tool soup: {} tools listed; the limit is {}",
                    front.tools.len(),
                    limits.max_tools
                ),
            ),
        );
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

/// `hire_after` entries that name no brief.
fn unknown_roles(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
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
fn hire_cycles(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
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
fn walk(
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
fn late_governance(config: &Config, graph: &HiringGraph) -> Vec<Diagnostic> {
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

/// Up to three names, then "and more" (the list may have been cut short): messages stay
/// readable on big playbooks.
fn few(names: &[&str]) -> String {
    match names.len() {
        0..=3 => names.join(", "),
        _ => format!("{} and more", names[..3].join(", ")),
    }
}

/// Capabilities of the vocabulary that no team brief holds as primary (the team: the briefs
/// of `content/plan/` when it has any), and, once statuses are in use, those held only by
/// planned briefs: nobody is hired or being hired for that work.
fn unowned_capabilities(config: &Config, content: &Content) -> Vec<Diagnostic> {
    use crate::playbook::staffing::{self, Staffing};
    let team = content.team();
    let statuses = staffing::statuses_in_use(config, &team);
    let plan = content.has_plan();
    let file = Path::new(crate::config::CONFIG_FILE);
    let text = config.source.clone().unwrap_or_default();
    staffing::classify(config, &team)
        .into_iter()
        .filter_map(|row| {
            let capability = row.capability;
            let (message, help) = match row.state {
                Staffing::Unowned if plan => (
                    format!(
                        "unowned capability: no brief of the team plan (content/plan/) holds `{}` ({}) as primary",
                        capability.key, capability.name
                    ),
                    None,
                ),
                Staffing::Unowned => (
                    format!(
                        "unowned capability: no brief holds `{}` ({}) as primary",
                        capability.key, capability.name
                    ),
                    None,
                ),
                Staffing::Planned if statuses => {
                    let titles: Vec<&str> = row.holders.iter().map(|r| r.title()).collect();
                    (
                        format!(
                            "capability with nobody hired: `{}` ({}) is held as primary only by planned briefs ({}); none is filled or open",
                            capability.key,
                            capability.name,
                            few(&titles)
                        ),
                        Some(format!(
                            "open the search for `{}` (`status: open`) or give the capability to a filled or open brief",
                            row.holders[0].slug
                        )),
                    )
                }
                _ => return None,
            };
            let line = text
                .lines()
                .position(|l| {
                    let t = l.trim_start().trim_start_matches("- ").trim_start();
                    t.strip_prefix("key:")
                        .is_some_and(|v| v.trim() == capability.key)
                        || t.starts_with(&format!("{{key: {},", capability.key))
                })
                .map_or(1, |i| i + 1);
            let d = Diagnostic::new(file, Position::new(line, 1), message)
                .with_help_opt(help)
                .with_source(text.clone());
            finding(config, None, "unowned-capability", d)
        })
        .collect()
}

/// Headings with nothing under them on one page.
fn empty_sections(
    config: &Config,
    role: Option<&Role>,
    source: &SourceFile,
    body_offset: usize,
    markdown: &MarkdownCache,
) -> Vec<Diagnostic> {
    let Some(md) = markdown.get(&source.content_path) else {
        return Vec::new();
    };
    md.empty_sections
        .iter()
        .filter_map(|(offset, title)| {
            let at = crate::markdown::file_position(&source.text, body_offset, *offset);
            let d = source.diagnostic(at, format!("empty section \"{title}\""));
            finding(config, role, "empty-section", d)
        })
        .collect()
}

/// Findings by level, for summaries.
pub fn count(findings: &[Diagnostic]) -> BTreeMap<Severity, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(f.severity).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{archetype, config, content, derived, try_content};
    use crate::diagnostic::display_path;

    /// A brief that passes every lint, to be broken one field at a time.
    fn full(title: &str, archetype: &str, primary: &str, hire_after: &str) -> String {
        format!(
            "---
title: {title}
archetype: {archetype}
summary: A role.
outcome: Cut claims handling time by 30% within 12 months.
decisions: [Which use cases ship]
owns_after_launch: [The eval suite]
capabilities:
  primary: [{primary}]
interfaces:
  product: With the CPO.
  data: With the data owner.
  security: With the CISO.
  it: With IT operations.
success:
  90d: [Audit done]
  6m: [One system live]
  12m: [Metric moved]
hire_after: [{hire_after}]
tools: [Python]
interview_probes: [What broke after launch?]
---

## About

Text.
"
        )
    }

    /// A playbook where every capability is owned and governance comes before the builder.
    fn team() -> Vec<(&'static str, String)> {
        vec![
            (
                "roles/lead.md",
                full(
                    "Lead",
                    "manager",
                    "leadership, product, change-management",
                    "",
                ),
            ),
            (
                "roles/arch.md",
                full(
                    "Architect",
                    "architect",
                    "architecture, platform-mlops, data-engineering",
                    "lead",
                ),
            ),
            (
                "roles/gov.md",
                full("Governance", "manager", "security-compliance", "lead"),
            ),
            (
                "roles/eng.md",
                full(
                    "Engineer",
                    "builder",
                    "applied-ml, prompt-eval",
                    "arch, gov",
                ),
            ),
        ]
    }

    fn with(
        pages: &[(&'static str, String)],
        path: &'static str,
        from: &str,
        to: &str,
    ) -> Vec<(&'static str, String)> {
        pages
            .iter()
            .map(|(p, text)| {
                if *p == path {
                    assert!(text.contains(from), "{path} has {from:?}");
                    (*p, text.replacen(from, to, 1))
                } else {
                    (*p, text.clone())
                }
            })
            .collect()
    }

    fn run(pages: &[(&'static str, String)], config: &Config) -> Vec<Diagnostic> {
        let content = content(pages);
        let links = crate::markdown::link_index(config, &content);
        let markdown: MarkdownCache = crate::markdown::scan_markdown(&content, &links)
            .into_iter()
            .collect();
        let link_problems = link_problems(&content, &markdown, &links, None).0;
        check(config, &content, &markdown, link_problems)
    }

    /// (lint id, file, line) of each finding.
    fn ids(pages: &[(&'static str, String)]) -> Vec<(String, String, usize)> {
        run(pages, &config())
            .iter()
            .map(|d| {
                (
                    d.code.unwrap_or("?").to_string(),
                    display(&d.file),
                    d.position.line,
                )
            })
            .collect()
    }

    fn display(path: &Path) -> String {
        crate::diagnostic::display_path(path)
    }

    fn flagged(pages: &[(&'static str, String)], id: &str) -> Vec<String> {
        ids(pages)
            .into_iter()
            .filter(|(i, _, _)| i == id)
            .map(|(_, f, _)| f)
            .collect()
    }

    #[test]
    fn a_complete_team_is_clean() {
        assert_eq!(ids(&team()), vec![]);
    }

    #[test]
    fn each_role_lint_flags_its_case_and_spares_the_close_one() {
        let eng = "roles/eng.md";
        // (lint, from, flagged version, close version that must pass)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "bundled-role",
                "primary: [applied-ml, prompt-eval]",
                "primary: [applied-ml, prompt-eval, product, data-engineering]",
                "primary: [applied-ml, prompt-eval, product]",
            ),
            (
                "vague-outcome",
                "outcome: Cut claims handling time by 30% within 12 months.",
                "outcome: Improve service operations with AI.",
                "outcome: Halve review time for contracts.",
            ),
            (
                "missing-horizon",
                "  6m: [One system live]\n",
                "",
                "  6m: [Another system live]\n",
            ),
            (
                "no-owner-after-launch",
                "owns_after_launch: [The eval suite]",
                "owns_after_launch: []",
                "owns_after_launch: [The runbook]",
            ),
            (
                "missing-interface",
                "  it: With IT operations.\n",
                "",
                "  it: With the service desk.\n",
            ),
            (
                "tool-soup",
                "tools: [Python]",
                "tools: [a, b, c, d, e, f, g, h, i]",
                "tools: [a, b, c, d, e, f, g, h]",
            ),
            (
                "missing-probes",
                "interview_probes: [What broke after launch?]",
                "interview_probes: []",
                "interview_probes: [Which pager alert did you fix?]",
            ),
            (
                "empty-section",
                "## About\n\nText.\n",
                "## About\n\n## Next\n\nText.\n",
                "## About\n\n### Part\n\nText.\n",
            ),
            (
                "unknown-role",
                "hire_after: [arch, gov]",
                "hire_after: [arch, gov, nobody]",
                "hire_after: [gov, arch]",
            ),
            (
                "broken-link",
                "Text.\n",
                "Text with [a link](nowhere.md).\n",
                "Text with [a link](lead.md).\n",
            ),
        ];
        for (id, from, bad, close) in cases {
            let flagged_bad = flagged(&with(&team(), eng, from, bad), id);
            assert_eq!(
                flagged_bad,
                ["content/roles/eng.md"],
                "{id} should flag {bad:?}"
            );
            let flagged_close = flagged(&with(&team(), eng, from, close), id);
            assert!(
                flagged_close.is_empty(),
                "{id} should not flag {close:?}: {flagged_close:?}"
            );
        }
    }

    #[test]
    fn outcomes_need_a_target() {
        let measurable = [
            "Cut claims handling time by 30% across two units",
            "Reduce claims handling time by 30 percent across two business units",
            "Reduce onboarding time from 10 days to 3",
            "Halve the backlog of unreviewed contracts",
            "Ship two use cases to production",
            "Double weekly active users of the support assistant",
            "Reach a 95 percent eval pass rate on the triage suite",
            "Zero critical findings in the annual AI audit",
            "Launch the document intake assistant by Q3 2027",
            "Cut cost per claim by a third",
            "Move the first use case to production by March",
            "Bring p95 latency of the assistant under 800 ms",
            "Answer 40k support tickets a month with the assistant",
            "Triple the share of invoices processed without a human touch",
            "Have an eval suite gating every release by year-end",
        ];
        let vague = [
            "Improve service operations with AI",
            "Drive AI transformation across the business",
            "Be the face of AI for the company",
            "Leverage generative AI to unlock value",
            "Own the AI strategy",
            "Make the company AI-first",
            "Improve the accuracy of our models",
            "Increase adoption of AI tools",
            "Build a world-class AI team",
            "Deliver innovation at pace",
            "Explore use cases for large language models",
            "Help teams use AI responsibly",
            "",
        ];
        for outcome in measurable {
            assert!(is_measurable(outcome), "should be measurable: {outcome}");
        }
        for outcome in vague {
            assert!(!is_measurable(outcome), "should be vague: {outcome}");
        }
        assert!(measurable.len() + vague.len() >= 20);
    }

    #[test]
    fn hire_cycles_are_named_in_full() {
        let mut pages = with(
            &team(),
            "roles/lead.md",
            "hire_after: []",
            "hire_after: [eng]",
        );
        pages.push((
            "roles/solo.md",
            full("Solo", "builder", "applied-ml", "solo, gov"),
        ));
        let found = run(&pages, &config());
        let cycles: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Some("hire-cycle"))
            .collect();
        let messages: Vec<&str> = cycles.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "hiring cycle: arch → lead → eng → arch",
                "hiring cycle: eng → gov → lead → eng",
                "hiring cycle: solo → solo"
            ]
        );
        let help = cycles[0].help.as_deref().unwrap_or("");
        for step in [
            "content/roles/arch.md:19:14 (arch waits for lead)",
            "content/roles/lead.md:19:14 (lead waits for eng)",
            "content/roles/eng.md:19:14 (eng waits for arch)",
        ] {
            assert!(help.contains(step), "{step} in {help}");
        }
        assert!(cycles.iter().all(|d| d.severity == Severity::Error));
        let chain = with(
            &team(),
            "roles/gov.md",
            "hire_after: [lead]",
            "hire_after: [lead, arch]",
        );
        assert!(
            flagged(&chain, "hire-cycle").is_empty(),
            "a long chain is not a cycle"
        );
    }

    #[test]
    fn unowned_capabilities_point_at_site_yaml() {
        let pages = with(
            &team(),
            "roles/eng.md",
            "primary: [applied-ml, prompt-eval]",
            "primary: [applied-ml]",
        );
        let found = run(&pages, &config());
        let unowned: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Some("unowned-capability"))
            .collect();
        assert_eq!(unowned.len(), 1);
        assert!(unowned[0].message.contains("`prompt-eval`"));
        assert_eq!(display(&unowned[0].file), "site.yaml");
        let line = config()
            .source
            .as_deref()
            .unwrap_or("")
            .lines()
            .nth(unowned[0].position.line - 1)
            .unwrap_or("")
            .to_string();
        assert!(line.contains("key: prompt-eval"), "{line}");
    }

    #[test]
    fn governance_comes_before_the_builders() {
        let early_builder = with(
            &team(),
            "roles/eng.md",
            "hire_after: [arch, gov]",
            "hire_after: [arch]",
        );
        assert_eq!(
            flagged(&early_builder, "late-governance"),
            ["content/roles/eng.md"]
        );
        let through_chain = with(
            &team(),
            "roles/arch.md",
            "hire_after: [lead]",
            "hire_after: [gov]",
        );
        let through_chain = with(
            &through_chain,
            "roles/eng.md",
            "hire_after: [arch, gov]",
            "hire_after: [arch]",
        );
        assert!(
            flagged(&through_chain, "late-governance").is_empty(),
            "governance earlier in the chain counts"
        );
        let late = with(
            &team(),
            "roles/gov.md",
            "hire_after: [lead]",
            "hire_after: [lead, eng]",
        );
        let mut late_found = flagged(&late, "late-governance");
        late_found.dedup();
        assert_eq!(late_found, ["content/roles/gov.md"]);
    }

    #[test]
    fn levels_come_from_site_yaml_and_allow() {
        let vague = with(
            &team(),
            "roles/eng.md",
            "outcome: Cut claims handling time by 30% within 12 months.",
            "outcome: Improve things.",
        );
        let found = run(&vague, &config());
        assert_eq!(found[0].severity, Severity::Warning);
        let mut strict = config();
        strict.lints.insert("vague-outcome".into(), LintLevel::Deny);
        assert_eq!(run(&vague, &strict)[0].severity, Severity::Error);
        strict
            .lints
            .insert("vague-outcome".into(), LintLevel::Allow);
        assert!(run(&vague, &strict).is_empty());
        let allowed = with(
            &vague,
            "roles/eng.md",
            "tools: [Python]",
            "tools: [Python]\nallow: [vague-outcome]",
        );
        assert!(run(&allowed, &config()).is_empty(), "allow: in the brief");
    }

    #[test]
    fn limits_are_configurable() {
        let mut loose = config();
        loose.lint_limits.max_primary_capabilities = 4;
        let four = with(
            &team(),
            "roles/eng.md",
            "primary: [applied-ml, prompt-eval]",
            "primary: [applied-ml, prompt-eval, product, data-engineering]",
        );
        assert!(
            run(&four, &loose)
                .iter()
                .all(|d| d.code != Some("bundled-role"))
        );
    }

    #[test]
    fn findings_explain_the_hiring_problem_and_the_fix() {
        let vague = with(
            &team(),
            "roles/eng.md",
            "outcome: Cut claims handling time by 30% within 12 months.",
            "outcome: Improve things.",
        );
        let found = run(&vague, &config());
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.starts_with("state what moves"), "{help}");
        assert!(help.contains("; why: an outcome with no number"), "{help}");
        assert_eq!(found[0].position.line, 5);
    }

    #[test]
    fn findings_on_inherited_values_point_at_the_parent() {
        let pages = [
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\nallow: [missing-probes]\ntools+: [a, b, c, d, e, f, g, h]\n",
            ),
        ];
        let pages: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let content = try_content(&pages).expect("loads");
        let config = config();
        let links = crate::markdown::link_index(&config, &content);
        let markdown: crate::markdown::MarkdownCache =
            crate::markdown::scan_markdown(&content, &links)
                .into_iter()
                .collect();
        let found: Vec<String> = check(&config, &content, &markdown, vec![])
            .iter()
            .filter(|d| d.code != Some("unowned-capability"))
            .map(|d| {
                format!(
                    "{} {}:{} {}",
                    d.code.unwrap_or("?"),
                    display_path(&d.file),
                    d.position.line,
                    d.message
                )
            })
            .collect();
        // The 6m horizon is missing in the archetype: both briefs have the finding, at the
        // archetype's `success:` line, the derived one saying it inherits it.
        assert!(
            found.contains(
                &"missing-horizon content/roles/head-of-ai.md:15 `success` has no 12m horizon"
                    .to_string()
            ),
            "{found:?}"
        );
        assert!(found.contains(&"missing-horizon content/roles/head-of-ai.md:15 `success` has no 12m horizon (inherited by `claims`)".to_string()), "{found:?}");
        // Appended past the limit: at the `tools+:` line of the derived brief.
        assert!(
            found.contains(
                &"tool-soup content/plan/claims.md:5 tool soup: 9 tools listed; the limit is 8"
                    .to_string()
            ),
            "{found:?}"
        );
        // `allow` of the derived brief silences its own finding only.
        let probes: Vec<&String> = found
            .iter()
            .filter(|f| f.starts_with("missing-probes"))
            .collect();
        assert_eq!(probes.len(), 1, "{probes:?}");
        assert!(!probes[0].contains("inherited by"), "{probes:?}");
    }
}
