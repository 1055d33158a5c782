//! Playbook lints: the ways AI hiring briefs go wrong, checked the way an experienced hiring
//! partner would read a playbook. Pure functions over the loaded site: no disk, no clock.

mod body;
mod brief;
mod coverage;
mod experience;
mod hiring;
mod links;
mod placeholder;
mod probes;
mod reporting;
mod text;
mod title;
#[cfg(test)]
mod wording_tests;

use body::empty_sections;
use brief::check_role;
pub use brief::is_measurable;
use coverage::{few, unowned_capabilities};
use hiring::{hire_cycles, late_governance, unknown_roles};
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
    let mut found = check_role(config, role, &config.lint_limits);
    found.extend(check_wording(config, role));
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

/// The findings of the lints that read bodies (empty sections, wording, and the broken links in
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
            let mut page = empty_sections(config, role, source, body_offset, markdown);
            page.extend(body_wording(config, role, source, body_offset, markdown));
            (source.file.clone(), page)
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
