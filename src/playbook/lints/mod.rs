//! Playbook lints: the ways AI hiring briefs go wrong, checked the way an experienced hiring
//! partner would read a playbook. Pure functions over the loaded site: no disk, no clock.

mod body;
mod brief;
mod coverage;
mod experience;
mod hiring;
mod job_post;
mod links;
mod outcome;
mod ownership;
mod placeholder;
mod plan;
mod probes;
mod ready;
mod reporting;
mod text;
mod title;
pub mod translated;
#[cfg(test)]
mod wording_tests;

use body::{bundled_responsibilities, code_over_budget, empty_sections};
use brief::check_role;
use coverage::{few, unowned_capabilities};
use hiring::{hire_cycles, late_governance, no_governance_owner, unknown_roles};
pub use links::link_problems;
pub use ready::not_ready;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, LintLevel};
use crate::content::Content;
use crate::content::role::{Role, position};
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Position, Severity, Waived};
use crate::markdown::MarkdownCache;
use crate::playbook::graph::HiringGraph;
use crate::playbook::readiness::is_placeholder;

pub use crate::config::lints::{LINTS, Lint, LintLimits, lint_ids};

fn lint(id: &str) -> &'static Lint {
    &LINTS[lint_index(id)]
}

fn lint_index(id: &str) -> usize {
    LINTS.iter().position(|l| l.id == id).unwrap_or(0)
}

/// A lint's help when its finding brings none of its own: the fix and why, made once and
/// shared by every finding (a big playbook has tens of thousands).
fn standard_help(id: &str) -> Arc<str> {
    static HELPS: std::sync::LazyLock<Vec<Arc<str>>> = std::sync::LazyLock::new(|| {
        LINTS
            .iter()
            .map(|rule| Arc::from(format!("{}; why: {}", rule.fix, rule.problem)))
            .collect()
    });
    HELPS[lint_index(id)].clone()
}

/// The level of `id` from `site.yaml`, or the lint's default.
fn level(config: &Config, id: &str) -> LintLevel {
    config.lints.get(id).copied().unwrap_or(lint(id).default)
}

/// Whether the lint `id` is off for `role`: waived by its `allow:`, or allowed in site.yaml.
pub fn is_allowed(config: &Config, role: &Role, id: &str) -> bool {
    level(config, id) == LintLevel::Allow || waiver(Some(role), id).is_some()
}

/// How `role` waives `id`: its reason ("" when it gives none, or only a placeholder), or
/// `None` when it does not waive it.
fn waiver(role: Option<&Role>, id: &str) -> Option<Waived> {
    let role = role?;
    let mut waivers = role.front.allow.iter().filter(|w| w.lint.value == id);
    let first = waivers.next()?;
    let given = |w: &&crate::content::role::Waiver| !is_placeholder(w.reason_text());
    let reason = std::iter::once(first)
        .chain(waivers)
        .find(given)
        .map_or("", |w| w.reason_text());
    Some(Waived {
        brief: role.slug.clone(),
        reason: reason.trim().to_string(),
    })
}

/// A finding, or nothing when `site.yaml` turns the lint off. A finding the brief waives
/// (`allow:`) is kept, marked with the brief's reason, so it can be listed; it does not
/// count.
fn finding(
    config: &Config,
    role: Option<&Role>,
    id: &'static str,
    mut d: Diagnostic,
) -> Option<Diagnostic> {
    let severity = match level(config, id) {
        LintLevel::Allow => return None,
        LintLevel::Warn => Severity::Warning,
        LintLevel::Deny => Severity::Error,
    };
    let help = match d.help.take() {
        Some(help) => Arc::from(format!("{help}; why: {}", lint(id).problem)),
        None => standard_help(id),
    };
    d.severity = severity;
    d.code = Some(id);
    d.help = Some(help);
    d.set_waived(waiver(role, id));
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
    location: &crate::yaml::Location,
    message: impl Into<String>,
) -> Diagnostic {
    role.diagnostic_at(role.source_of(key), position(*location), message)
}

/// Every finding of every lint over the site that counts (neither turned off in `site.yaml`
/// nor waived by its brief), in file order.
pub fn check(
    config: &Config,
    content: &Content,
    markdown: &MarkdownCache,
    link_problems: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    split_waived(check_all(config, content, markdown, link_problems)).0
}

/// Every finding of every lint over the site, waived ones too, in file order.
pub fn check_all(
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

/// The findings that count, and those their brief waived (each in the order given).
pub fn split_waived(found: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    found.into_iter().partition(|d| d.waived().is_none())
}

/// Findings in file order, as every report shows them.
pub fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| (&a.file, a.position, a.code).cmp(&(&b.file, b.position, b.code)));
}

/// The findings of the lints that read one brief's front matter: they change only with it,
/// so a rebuild keeps those of the briefs it did not touch.
pub fn check_brief(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let mut found = check_role(config, role, &config.lint_limits);
    found.extend(check_wording(config, role));
    found.extend(job_post::posting_incomplete(config, role));
    found.extend(job_post::missing_pay_range(config, role));
    found.extend(ownership::stale_brief(config, role));
    found
}

/// The lints of what a brief's front matter says: placeholders, impossible experience,
/// trivia probes and dosage, a title against its archetype, unsettled reporting lines.
fn check_wording(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let mut found = placeholder::front_placeholders(config, role);
    found.extend(experience::front_experience(config, role));
    found.extend(probes::trivia_probes(config, role));
    found.extend(probes::missing_dosage(config, role));
    found.extend(title::title_archetype(config, role));
    found.extend(reporting::unsettled_reporting(config, role));
    found
}

/// The lints of what a page's body says: placeholders and impossible experience.
fn body_wording(
    config: &Config,
    role: Option<&Role>,
    source: &SourceFile,
    body_offset: usize,
    markdown: &MarkdownCache,
) -> Vec<Diagnostic> {
    let Some(md) = markdown.get(&source.content_path) else {
        return Vec::new();
    };
    let body = text::Body::new(source, body_offset, md, role.is_none());
    let mut found = placeholder::body_placeholders(config, role, &body);
    found.extend(experience::body_experience(config, role, &body));
    found
}

/// The findings of the lints that read front matter across briefs (the hiring graph,
/// governance and the capability coverage).
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
                || {
                    let mut found = late_governance(config, content, &graph);
                    found.extend(no_governance_owner(config, content));
                    found
                },
                || unowned_capabilities(config, content),
            )
        },
    );
    found.extend(cycles);
    found.extend(late);
    found.extend(unowned);
    // Of site.yaml alone, run with the lints across briefs (a site.yaml edit runs them all).
    found.extend(ownership::brand_contrast(config));
    found.extend(plan::plan_findings(config, content));
    found
}

/// The findings of the lints that read bodies (empty sections, bundled responsibilities,
/// wording, and the broken links in `link_problems`), by file: every page, or the pages in
/// `only` (content paths), each present even when it has none, so a caller can replace a
/// page's earlier findings.
pub fn check_bodies(
    config: &Config,
    content: &Content,
    markdown: &MarkdownCache,
    link_problems: Vec<Diagnostic>,
    only: Option<&BTreeSet<String>>,
) -> HashMap<PathBuf, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let pages = content.pages_in(only);
    let mut found: HashMap<PathBuf, Vec<Diagnostic>> = pages
        .par_iter()
        .map(|&(role, source, body_offset)| {
            let mut found = empty_sections(config, role, source, body_offset, markdown);
            found.extend(
                role.and_then(|r| bundled_responsibilities(config, r, body_offset, markdown)),
            );
            found.extend(body_wording(config, role, source, body_offset, markdown));
            found.extend(code_over_budget(config, source, body_offset, markdown));
            (source.file.clone(), found)
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
interview_probes: [What broke after launch?, How many systems have you been on call for?]
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
                "bundled-role",
                "primary: [applied-ml, prompt-eval]",
                "primary: [applied-ml, prompt-eval]\n  secondary: [data-engineering, platform-mlops, product, architecture]",
                "primary: [applied-ml, prompt-eval]\n  secondary: [data-engineering, platform-mlops, product]",
            ),
            (
                "bundled-role",
                "decisions: [Which use cases ship]",
                "decisions:\n  - The company's AI strategy and where we invest first\n  - The target architecture for every AI system we build\n  - Which vendors, models and partners we buy from\n  - Hiring and building the AI team\n  - AI governance, risk and compliance policy\n  - How the business adopts AI, including change management",
                "decisions:\n  - Which use cases move from pilot to production, and which stop\n  - The order of the roadmap, and what is cut when capacity is short\n  - Team structure and hiring order for the AI team\n  - Whether to build, buy or use a partner for each component of a use case",
            ),
            (
                "bundled-role",
                "## About\n\nText.\n",
                "## Responsibilities\n\n- Define and own the AI strategy and roadmap\n- Select and manage AI vendors and partners\n- Hire and lead a team of ML engineers\n- Own AI governance, risk and compliance\n- Lead change management across the business\n",
                "## How it fits\n\n- Agrees the AI strategy with the CAIO\n- Uses the vendors the platform lead selected\n- Interviews ML engineers with the Head of AI\n- Brings designs to the governance owner\n- Briefs the change lead before each rollout\n\n## Responsibilities\n\n- Build and ship the claims triage model\n- Keep the eval suite green on every release\n- Join the on-call rotation for the model service\n",
            ),
            (
                "vague-outcome",
                "outcome: Cut claims handling time by 30% within 12 months.",
                "outcome: Improve service operations with AI.",
                "outcome: Halve review time for contracts by Q3 2027.",
            ),
            (
                "activity-outcome",
                "  6m: [One system live]\n",
                "  6m: [Three GenAI pilots launched, AI roadmap presented to the board]\n",
                "  6m: [Three GenAI pilots launched, First pilot team using the assistant daily]\n",
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
                "tools: [Python, SQL, Spark, Airflow, dbt, Kafka, Docker, Kubernetes, Terraform]",
                "tools: [Python, SQL, Spark, Airflow, dbt, Kafka, Docker, Kubernetes]",
            ),
            (
                "tool-soup",
                "tools: [Python]",
                "tools: [Python, SQL and Spark, AWS/Azure/GCP, Docker & Kubernetes, Terraform]",
                "tools: [Python, SQL and Spark, AWS, Docker & Kubernetes, Terraform or equivalent]",
            ),
            (
                "tool-soup",
                "tools: [Python]",
                "tools: [Python, \"OpenAI, Anthropic, Google and Mistral\"]",
                "tools: [Python, OpenAI or Anthropic, PyTorch or TensorFlow]",
            ),
            (
                "missing-probes",
                "interview_probes: [What broke after launch?, How many systems have you been on call for?]",
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
            (
                "broken-link",
                "Text.\n",
                "Hired after [the governance owner](@/capabilities/governance).\n",
                "Hired after [the governance owner](@/capabilities/security-compliance).\n",
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

    /// The findings of `id` on the engineer's brief with `from` replaced by `to`, as
    /// (line, column, message).
    fn findings_of(id: &str, from: &str, to: &str) -> Vec<(usize, usize, String)> {
        run(&with(&team(), "roles/eng.md", from, to), &config())
            .into_iter()
            .filter(|d| d.code == Some(id))
            .map(|d| (d.position.line, d.position.column, d.message))
            .collect()
    }

    #[test]
    fn a_link_to_a_term_by_an_unknown_key_names_the_vocabulary() {
        let cases = [
            (
                "Ask [the governance owner](@/capabilities/security).",
                "broken link `@/capabilities/security`: site.yaml has no capability `security`",
                "did you mean `@/capabilities/security-compliance`?",
            ),
            (
                "Hire [a wizard](@/archetypes/wizard#briefs) first.",
                "broken link `@/archetypes/wizard#briefs`: site.yaml has no archetype `wizard`",
                "the archetypes of site.yaml: executive-operator, manager, architect, builder",
            ),
        ];
        for (body, message, help) in cases {
            let found: Vec<Diagnostic> = run(
                &with(&team(), "roles/eng.md", "## About\n\nText.\n", body),
                &config(),
            )
            .into_iter()
            .filter(|d| d.code == Some("broken-link"))
            .collect();
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            assert_eq!(found[0].message, message);
            assert!(
                found[0]
                    .help
                    .as_deref()
                    .is_some_and(|h| h.starts_with(help)),
                "{:?}",
                found[0].help
            );
        }
    }

    #[test]
    fn vague_outcomes_say_what_they_lack() {
        let outcome = "outcome: Cut claims handling time by 30% within 12 months.";
        let cases = [
            (
                "outcome: Drive AI transformation across the business.",
                "vague outcome: nothing that moves (a metric or a named result), no target (a number, percentage, amount or fraction) and no time (a date, 'within N months' or a business event)",
            ),
            (
                "outcome: Reduce claims handling time by 30% across two business units.",
                "vague outcome: no time (a date, 'within N months' or a business event)",
            ),
            (
                "outcome: Improve service operations with AI.",
                "vague outcome: no target (a number, percentage, amount or fraction) and no time (a date, 'within N months' or a business event)",
            ),
            (
                "outcome: Deliver AI for 2026.",
                "vague outcome: nothing that moves (a metric or a named result) and no target (a number, percentage, amount or fraction)",
            ),
        ];
        for (vague, message) in cases {
            assert_eq!(
                findings_of("vague-outcome", outcome, vague),
                [(5, 10, message.to_string())],
                "{vague}"
            );
        }
        let found = run(
            &with(
                &team(),
                "roles/eng.md",
                outcome,
                "outcome: Halve review time for contracts.",
            ),
            &config(),
        );
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(
            help.starts_with("state what moves, by how much and by when: say by when (within 12 months, by Q3 2027, before the 2027 renewal); e.g."),
            "{help}"
        );
        for good in [
            "outcome: Cut the cost per resolved ticket from £4.10 to £2.50 by Q4 2027.",
            "outcome: Cut handling time by a third before the renewal season.",
            "outcome: Put two use cases into production by the next budget cycle.",
        ] {
            assert_eq!(findings_of("vague-outcome", outcome, good), [], "{good}");
        }
    }

    #[test]
    fn activity_is_flagged_at_the_item_that_states_it() {
        let success =
            "success:\n  90d: [Audit done]\n  6m: [One system live]\n  12m: [Metric moved]\n";
        let outcome = "outcome: Cut claims handling time by 30% within 12 months.";
        // A horizon of activity only, written as a block list: at the first activity item.
        let pilots = "success:\n  90d:\n    - Readiness audit delivered\n  6m:\n    - Three GenAI pilots launched\n    - AI roadmap presented to the board\n  12m: [Metric moved]\n";
        assert_eq!(
            findings_of("activity-outcome", success, pilots),
            [(
                19,
                7,
                "success at 6 months is all activity (a pilot, a roadmap): no business or operating result".to_string()
            )]
        );
        // A milestone among them keeps an early horizon clear.
        let audit = "success:\n  90d:\n    - Readiness audit delivered\n    - Two proofs of concept demoed to the board\n  6m: [One system in production with an eval suite and runbook]\n  12m: [Metric moved]\n";
        assert_eq!(findings_of("activity-outcome", success, audit), []);
        // At 12 months a milestone is not enough: an operating result is.
        let no_result = "success:\n  90d: [Audit done]\n  6m: [One system live]\n  12m: [Reusable patterns documented, Second use case scoped]\n";
        assert_eq!(
            findings_of("activity-outcome", success, no_result),
            [(
                18,
                9,
                "success at 12 months names no operating result: nothing in production or in use, no metric moved".to_string()
            )]
        );
        let strategy = "success:\n  90d: [Audit done]\n  6m: [One system live]\n  12m: [Reusable patterns documented, AI strategy refreshed with the board]\n";
        assert_eq!(
            findings_of("activity-outcome", success, strategy),
            [(
                18,
                39,
                "success at 12 months names activity (a strategy) and no operating result"
                    .to_string()
            )]
        );
        // The outcome itself: never activity.
        assert_eq!(
            findings_of(
                "activity-outcome",
                outcome,
                "outcome: Launch three GenAI pilots by Q3 2027."
            ),
            [(
                5,
                10,
                "outcome measured in activity (a pilot), not a business or operating result"
                    .to_string()
            )]
        );
        for result in [
            "outcome: Take the claims triage model from the partner's prototype to production within 6 months.",
            "outcome: Cut claims handling time by 30% within 12 months, starting with a pilot in the motor unit.",
        ] {
            assert_eq!(
                findings_of("activity-outcome", outcome, result),
                [],
                "{result}"
            );
        }
    }

    #[test]
    fn appended_activity_is_flagged_in_the_brief_that_appended_it() {
        let pages = [
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\nsuccess+:\n  12m:\n    - Claims AI roadmap refreshed\n",
            ),
        ];
        let pages: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let content = try_content(&pages).expect("loads");
        let found: Vec<String> = content
            .roles
            .iter()
            .flat_map(|role| check_brief(&config(), role))
            .filter(|d| d.code == Some("activity-outcome"))
            .map(|d| {
                format!(
                    "{}:{}:{} {}",
                    display_path(&d.file),
                    d.position.line,
                    d.position.column,
                    d.message
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "content/plan/claims.md:6:7 success at 12 months names activity (a roadmap) and no operating result"
            ]
        );
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
        let at: String = line.chars().skip(unowned[0].position.column - 1).collect();
        assert!(
            at.starts_with("prompt-eval"),
            "the finding points at the key: {at}"
        );
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

    fn messages_of(pages: &[(&'static str, String)], id: &str) -> Vec<String> {
        run(pages, &config())
            .iter()
            .filter(|d| d.code == Some(id))
            .map(|d| format!("{} {}", display(&d.file), d.message))
            .collect()
    }

    #[test]
    fn late_governance_names_the_missing_owners_in_a_sentence() {
        let one = with(
            &team(),
            "roles/eng.md",
            "hire_after: [arch, gov]",
            "hire_after: [arch]",
        );
        assert_eq!(
            messages_of(&one, "late-governance"),
            [
                "content/roles/eng.md late governance: this builder can be hired before governance is in place (Governance is not in its hiring chain)"
            ]
        );
        let mut two = one.clone();
        two.push((
            "roles/risk.md",
            full("Risk Lead", "manager", "security-compliance", "lead"),
        ));
        assert_eq!(
            messages_of(&two, "late-governance"),
            [
                "content/roles/eng.md late governance: this builder can be hired before governance is in place (neither Governance nor Risk Lead is in its hiring chain)"
            ]
        );
    }

    /// A team plan beside the library: the claims lead, its governance owner and a builder.
    fn plan() -> Vec<(&'static str, String)> {
        let mut pages = team();
        pages.extend([
            (
                "plan/claims-lead.md",
                full(
                    "Claims Lead",
                    "manager",
                    "leadership, product, change-management",
                    "",
                )
                .replace("tools: [Python]", "tools: [Python]\nstatus: filled"),
            ),
            (
                "plan/claims-platform.md",
                full(
                    "Claims Platform",
                    "architect",
                    "architecture, platform-mlops, data-engineering",
                    "claims-lead",
                )
                .replace("tools: [Python]", "tools: [Python]\nstatus: filled"),
            ),
            (
                "plan/claims-gov.md",
                full(
                    "Claims Governance",
                    "manager",
                    "security-compliance",
                    "claims-lead",
                )
                .replace(
                    "tools: [Python]",
                    "tools: [Python]\nstatus: open\nlevel: senior\nlocation: [\"Hamburg, Germany\"]",
                ),
            ),
            (
                "plan/claims-eng.md",
                full(
                    "Claims Engineer",
                    "builder",
                    "applied-ml, prompt-eval",
                    "claims-platform, claims-gov",
                )
                .replace(
                    "tools: [Python]",
                    "tools: [Python]\nstatus: open\nlevel: senior\nlocation: [\"Hamburg, Germany\"]",
                ),
            ),
        ]);
        pages
    }

    #[test]
    fn governance_is_judged_within_the_team() {
        assert_eq!(ids(&plan()), vec![], "the plan is clean");
        // A library governance brief in a team builder's chain does not count...
        let outside = with(
            &plan(),
            "plan/claims-eng.md",
            "hire_after: [claims-platform, claims-gov]",
            "hire_after: [claims-platform, gov]",
        );
        let found = run(&outside, &config());
        let late: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Some("late-governance"))
            .collect();
        assert_eq!(late.len(), 1, "{found:?}");
        assert_eq!(display(&late[0].file), "content/plan/claims-eng.md");
        assert!(
            late[0]
                .message
                .contains("(Claims Governance is not in its hiring chain)")
        );
        // ...and the help names the team's owner, never the library's.
        let help = late[0].help.as_deref().unwrap_or("");
        assert!(
            help.starts_with("add `claims-gov` to `hire_after`"),
            "{help}"
        );
        assert!(!help.contains("`gov`"), "{help}");
    }

    #[test]
    fn a_builder_hired_while_governance_is_only_planned_is_late() {
        let planned_governance = with(
            &plan(),
            "plan/claims-gov.md",
            "status: open",
            "status: planned",
        );
        assert_eq!(
            messages_of(&planned_governance, "late-governance"),
            [
                "content/plan/claims-eng.md late governance: this builder is being hired (`status: open`) while the governance owner (Claims Governance) is still planned"
            ]
        );
        let found = run(&planned_governance, &config());
        let late = found
            .iter()
            .find(|d| d.code == Some("late-governance"))
            .expect("finding");
        assert_eq!(late.position.line, 21, "at `status:`");
        assert!(
            late.help
                .as_deref()
                .unwrap_or("")
                .starts_with("open the governance search first (`status: open` in `claims-gov`)")
        );
        // Both planned: the plan has not started, and the order in `hire_after` is right.
        let both_planned = with(
            &planned_governance,
            "plan/claims-eng.md",
            "status: open",
            "status: planned",
        );
        assert!(flagged(&both_planned, "late-governance").is_empty());
        // The library view ignores statuses.
        let mut library = config();
        library.archetypes_only = true;
        assert!(
            run(&planned_governance, &library)
                .iter()
                .all(|d| d.code != Some("late-governance"))
        );
    }

    #[test]
    fn builders_with_nobody_owning_governance() {
        let no_owner = with(
            &plan(),
            "plan/claims-gov.md",
            "primary: [security-compliance]",
            "primary: [leadership]",
        );
        let found = run(&no_owner, &config());
        let missing: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Some("no-governance-owner"))
            .collect();
        assert_eq!(missing.len(), 1, "{found:?}");
        assert_eq!(
            missing[0].message,
            "no governance owner: the team plan (content/plan/) has builders (Claims Engineer) and no brief that holds `security-compliance` (Security & Compliance) as primary"
        );
        assert_eq!(display(&missing[0].file), "content/plan/claims-eng.md");
        assert_eq!(missing[0].position.line, 3, "at `archetype:`");
        assert!(missing[0].help.as_deref().unwrap_or("").starts_with(
            "add a governance owner to the team plan, e.g. `gen new role \"Governance\" --from gov`"
        ));
        assert!(
            flagged(&no_owner, "late-governance").is_empty(),
            "one finding for one gap"
        );
        // No builders yet: nothing is built without governance.
        let no_builders = with(
            &no_owner,
            "plan/claims-eng.md",
            "archetype: builder",
            "archetype: architect",
        );
        assert!(flagged(&no_builders, "no-governance-owner").is_empty());
        // The governance capability is named in site.yaml.
        let mut renamed = config();
        renamed.governance = Some(crate::config::vocabulary::Governance {
            capability: "leadership".into(),
            builder_archetype: "builder".into(),
        });
        assert!(
            run(&no_owner, &renamed)
                .iter()
                .all(|d| d.code != Some("no-governance-owner")),
            "Claims Governance holds leadership"
        );
    }

    #[test]
    fn tool_soup_says_how_many_tools_and_which_vendors_compete() {
        let soup = with(
            &team(),
            "roles/eng.md",
            "tools: [Python]",
            "tools: [Python, SQL and Spark, PyTorch, TensorFlow, Kubernetes, AWS, Azure and GCP]",
        );
        assert_eq!(
            messages_of(&soup, "tool-soup"),
            [
                "content/roles/eng.md tool soup: 9 tools listed in 7 entries; the limit is 8",
                "content/roles/eng.md tool soup: competing vendors required together: AWS, Azure and GCP (clouds); PyTorch and TensorFlow (deep learning frameworks)"
            ]
        );
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
        let waived = with(
            &vague,
            "roles/eng.md",
            "tools: [Python]",
            "tools: [Python]\nallow: {vague-outcome: \"The outcome is set by the claims programme board\"}",
        );
        assert!(run(&waived, &config()).is_empty(), "allow: in the brief");
    }

    /// Every finding, waived ones too, as (id, line, waiver reason).
    fn all(
        pages: &[(&'static str, String)],
        config: &Config,
    ) -> Vec<(String, usize, Option<String>)> {
        let content = content(pages);
        let links = crate::markdown::link_index(config, &content);
        let markdown: MarkdownCache = crate::markdown::scan_markdown(&content, &links)
            .into_iter()
            .collect();
        check_all(config, &content, &markdown, vec![])
            .into_iter()
            .map(|d| {
                (
                    d.code.unwrap_or("?").to_string(),
                    d.position.line,
                    d.waived().map(|w| w.reason.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn a_waived_finding_is_kept_with_its_reason_and_does_not_count() {
        let soup = with(
            &team(),
            "roles/arch.md",
            "tools: [Python]",
            "tools: [Python, SQL, Spark, Airflow, dbt, Kafka, Terraform, Kubernetes, Go]\nallow:\n  tool-soup: \"One polyglot platform team runs ingestion, serving and evals\"",
        );
        assert_eq!(
            all(&soup, &config()),
            [(
                "tool-soup".to_string(),
                20,
                Some("One polyglot platform team runs ingestion, serving and evals".to_string())
            )]
        );
        assert!(
            run(&soup, &config()).is_empty(),
            "a waived finding does not count"
        );
        // The list form waives too, without a reason: each entry is warned.
        let listed = with(
            &soup,
            "roles/arch.md",
            "allow:\n  tool-soup: \"One polyglot platform team runs ingestion, serving and evals\"",
            "allow: [tool-soup]",
        );
        assert_eq!(
            all(&listed, &config()),
            [
                ("tool-soup".to_string(), 20, Some(String::new())),
                ("allow-without-reason".to_string(), 21, None),
            ]
        );
        // Turned off in site.yaml, the lint finds nothing to waive.
        let mut off = config();
        off.lints.insert("tool-soup".into(), LintLevel::Allow);
        assert!(all(&soup, &off).is_empty());
        // A waived deny finding does not fail the check either.
        let mut strict = config();
        strict.lints.insert("tool-soup".into(), LintLevel::Deny);
        assert!(run(&soup, &strict).is_empty());
        assert_eq!(
            all(&soup, &strict)[0].2.as_deref(),
            Some("One polyglot platform team runs ingestion, serving and evals")
        );
    }

    #[test]
    fn allow_without_reason_flags_lists_and_empty_reasons_and_spares_real_ones() {
        let arch = "roles/arch.md";
        let at = "tools: [Python]";
        // (allow as written, flagged)
        let cases: &[(&str, bool)] = &[
            ("allow: [missing-probes]", true),
            ("allow:\n  - missing-probes", true),
            ("allow: {missing-probes: \"\"}", true),
            ("allow: {missing-probes: }", true),
            ("allow: {missing-probes: TODO}", true),
            ("allow: {missing-probes: \"TBD\"}", true),
            ("allow: {missing-probes: \"TBD: ask the CTO\"}", true),
            ("allow: {missing-probes: \"-\"}", true),
            (
                "allow: {missing-probes: \"Probes live in the panel pack the claims director owns\"}",
                false,
            ),
            (
                "allow:\n  missing-probes: Internal transfer; no external interviews",
                false,
            ),
            (
                "allow: {missing-probes: \"Tbd-free: the panel pack is final\"}",
                false,
            ),
        ];
        for (allow, flagged_expected) in cases {
            let pages = with(&team(), arch, at, &format!("{at}\n{allow}"));
            let found = flagged(&pages, "allow-without-reason");
            let expected: &[&str] = if *flagged_expected {
                &["content/roles/arch.md"]
            } else {
                &[]
            };
            assert_eq!(found, expected, "{allow}");
        }
        // At the entry, in the file that wrote it.
        let pages = with(
            &team(),
            arch,
            at,
            &format!("{at}\nallow:\n  missing-probes: \"Why\"\n  tool-soup: TODO"),
        );
        let lines: Vec<usize> = ids(&pages)
            .into_iter()
            .filter(|(id, _, _)| id == "allow-without-reason")
            .map(|(_, _, line)| line)
            .collect();
        assert_eq!(lines, [23]);
    }

    #[test]
    fn not_ready_names_each_unanswered_question_of_open_briefs_only() {
        let ready =
            "reports_to: Head of AI\nconstraints: [Claims data stays in the EU]\nstatus: open";
        let open = with(
            &team(),
            "roles/eng.md",
            "tools: [Python]",
            &format!("tools: [Python]\n{ready}"),
        );
        let gaps = |pages: &[(&'static str, String)], config: &Config| -> Vec<(String, usize)> {
            not_ready(config, &content(pages))
                .iter()
                .map(|d| (d.message.clone(), d.position.line))
                .collect()
        };
        assert_eq!(gaps(&open, &config()), [], "every question answered");
        let fuzzy = with(
            &open,
            "roles/eng.md",
            "reports_to: Head of AI\nconstraints: [Claims data stays in the EU]",
            "constraints: [TBD]",
        );
        let fuzzy = with(&fuzzy, "roles/eng.md", "  12m: [Metric moved]\n", "");
        assert_eq!(
            gaps(&fuzzy, &config()),
            [
                (
                    "not ready to open: `success` states nothing at 12 months (how will success be measured after 12 months?)".to_string(),
                    15
                ),
                (
                    "not ready to open: `constraints` holds a placeholder (`TBD`) (what systems, data constraints and governance requirements shape the job?)".to_string(),
                    20
                ),
                (
                    "not ready to open: `reports_to` is not answered (who does this role report to?)".to_string(),
                    1
                ),
            ]
        );
        let found = not_ready(&config(), &content(&fuzzy));
        assert!(
            found
                .iter()
                .all(|d| d.severity == Severity::Error && d.code == Some("not-ready"))
        );
        assert!(
            found[2]
                .help
                .as_deref()
                .unwrap_or("")
                .starts_with("answer the question in the brief, or set `status: planned`"),
            "{:?}",
            found[2].help
        );
        // Planned and filled briefs are not gated, nor any in the library view.
        for status in ["planned", "filled"] {
            let other = with(
                &fuzzy,
                "roles/eng.md",
                "status: open",
                &format!("status: {status}"),
            );
            assert_eq!(gaps(&other, &config()), [], "{status}");
        }
        let mut library = config();
        library.archetypes_only = true;
        assert_eq!(gaps(&fuzzy, &library), []);
    }

    #[test]
    fn bundled_roles_name_the_areas_they_span() {
        let unicorn = with(
            &team(),
            "roles/lead.md",
            "decisions: [Which use cases ship]",
            "decisions:\n  - Set the AI strategy and roadmap\n  - Define the architecture of every AI system\n  - Select and manage AI vendors (build vs buy)\n  - Recruit and build the team\n  - Own AI governance and compliance\n  - Lead change management and adoption",
        );
        let found = run(&unicorn, &config());
        let bundled: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.code == Some("bundled-role"))
            .collect();
        assert_eq!(bundled.len(), 1, "{found:?}");
        assert_eq!(
            bundled[0].message,
            "bundled role: its decisions and summary span 7 areas of work: Leadership (\"strategy\"), Product (\"roadmap\"), Architecture (\"architecture\"), Vendor selection (\"vendor\"), Hiring (\"recruit\"), Security & Compliance (\"governance\"), Change Management (\"change management\"); the limit is 4"
        );
        assert_eq!(bundled[0].position.line, 6, "at `decisions:`");
        let help = bundled[0].help.as_deref().unwrap_or("");
        assert!(
            help.starts_with("give the decisions about Architecture, Vendor selection, Hiring and Security & Compliance to the briefs that own that work"),
            "the lead holds leadership, product and change management: {help}"
        );
        let mut loose = config();
        loose.lint_limits.max_areas = 7;
        assert!(
            run(&unicorn, &loose)
                .iter()
                .all(|d| d.code != Some("bundled-role"))
        );
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
        assert!(
            help.contains("; why: an outcome that does not say what moves"),
            "{help}"
        );
        assert_eq!(found[0].position.line, 5);
    }

    #[test]
    fn findings_on_inherited_values_point_at_the_parent() {
        let pages = [
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\nallow: [missing-probes]\ntools+: [SQL, Spark, Airflow, dbt, Kafka, Docker, Kubernetes, Terraform]\n",
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
