//! The lints of wording through the whole check: where findings point, their levels on
//! open briefs, bodies of briefs and guides, and inherited values.

use super::*;
use crate::content::testing::{config, content};

/// A brief that passes every lint, written the way a good one is.
const BRIEF: &str = "---
title: Applied ML Engineer
archetype: builder
summary: Builds and runs the claims triage model.
outcome: Cut claims handling time by 30% within 12 months.
decisions: [Which features the model uses]
owns_after_launch: [The triage model and its on-call]
capabilities:
  primary: [applied-ml]
interfaces:
  product: Agrees acceptance criteria with the claims product lead, who decides the release.
  data: Takes the claims feeds from the platform lead.
  security: Brings each model change to the governance owner's review.
  it: Deploys through the platform's pipeline.
success:
  90d: [Baseline model evaluated]
  6m: [Model in production with a runbook]
  12m: [Handling time down 30%]
reports_to: Claims AI Platform Lead
tools: [Python, PyTorch]
interview_probes:
  - Walk through a model you put into production. What broke, and what did you change?
  - How many production models have you been on call for, and for how long each?
status: open
---

## What this role is for

Five years of Python, and at least 1 year with LLMs in production.
";

/// (lint id, file:line:column, severity) of each finding of the wording lints.
fn found(pages: &[(&str, String)], config: &Config) -> Vec<(String, String, Severity)> {
    let content = content(pages);
    let links = crate::markdown::link_index(config, &content);
    let markdown: MarkdownCache = crate::markdown::scan_markdown(&content, &links)
        .into_iter()
        .collect();
    check(config, &content, &markdown, Vec::new())
        .into_iter()
        .filter(|d| {
            matches!(
                d.code,
                Some(
                    "placeholder"
                        | "impossible-experience"
                        | "trivia-probe"
                        | "missing-dosage"
                        | "title-archetype"
                        | "unsettled-reporting"
                )
            )
        })
        .map(|d| {
            (
                d.code.unwrap_or("?").to_string(),
                format!(
                    "{}:{}:{}",
                    crate::diagnostic::display_path(&d.file),
                    d.position.line,
                    d.position.column
                ),
                d.severity,
            )
        })
        .collect()
}

fn in_2026() -> Config {
    let mut config = config();
    config.build_year = Some(2026);
    config
}

fn brief(from: &str, to: &str) -> Vec<(&'static str, String)> {
    assert!(BRIEF.contains(from), "{from}");
    vec![("roles/eng.md", BRIEF.replacen(from, to, 1))]
}

fn one(id: &str, at: &str, severity: Severity) -> Vec<(String, String, Severity)> {
    vec![(id.to_string(), at.to_string(), severity)]
}

use Severity::{Error, Warning};

#[test]
fn a_good_brief_has_no_finding() {
    assert_eq!(found(&brief("", ""), &in_2026()), vec![]);
}

#[test]
fn each_lint_points_at_the_item() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "  security: Brings each model change to the governance owner's review.",
            "  security: TBD",
            "placeholder",
            "content/roles/eng.md:13:13",
        ),
        (
            "  90d: [Baseline model evaluated]",
            "  90d: [Baseline model evaluated, \"TODO: what must be true after 90 days\"]",
            "placeholder",
            "content/roles/eng.md:16:36",
        ),
        (
            "tools: [Python, PyTorch]",
            "tools: [Python, PyTorch, \"10+ years of prompt engineering\"]",
            "impossible-experience",
            "content/roles/eng.md:20:27",
        ),
        (
            "  - Walk through a model you put into production. What broke, and what did you change?",
            "  - What is RAG?",
            "trivia-probe",
            "content/roles/eng.md:22:5",
        ),
        (
            "  - How many production models have you been on call for, and for how long each?",
            "  - What did the model's eval suite catch before release?",
            "missing-dosage",
            "content/roles/eng.md:21:1",
        ),
        (
            "title: Applied ML Engineer",
            "title: Head of Applied ML",
            "title-archetype",
            "content/roles/eng.md:2:8",
        ),
        (
            "reports_to: Claims AI Platform Lead",
            "reports_to: Claims AI Platform Lead or Head of AI",
            "unsettled-reporting",
            "content/roles/eng.md:19:37",
        ),
    ];
    for (from, to, id, at) in cases {
        let severity = if *id == "placeholder" { Error } else { Warning };
        assert_eq!(
            found(&brief(from, to), &in_2026()),
            one(id, at, severity),
            "{to}"
        );
    }
}

#[test]
fn placeholders_are_errors_on_open_briefs_unless_allowed() {
    let todo = brief(
        "summary: Builds and runs the claims triage model.",
        "summary: \"TODO: one sentence\"",
    );
    let at = "content/roles/eng.md:4:11";
    assert_eq!(found(&todo, &in_2026()), one("placeholder", at, Error));
    let planned: Vec<(&str, String)> = todo
        .iter()
        .map(|(p, t)| (*p, t.replace("status: open", "status: planned")))
        .collect();
    assert_eq!(found(&planned, &in_2026()), one("placeholder", at, Warning));
    let mut library = in_2026();
    library.archetypes_only = true;
    assert_eq!(found(&todo, &library), one("placeholder", at, Warning));
    let mut warn = in_2026();
    warn.lints.insert("placeholder".into(), LintLevel::Warn);
    assert_eq!(
        found(&todo, &warn),
        one("placeholder", at, Error),
        "warn is the default"
    );
    let mut allow = in_2026();
    allow.lints.insert("placeholder".into(), LintLevel::Allow);
    assert_eq!(found(&todo, &allow), vec![]);
    let allowed_here: Vec<(&str, String)> = todo
        .iter()
        .map(|(p, t)| {
            (
                *p,
                t.replace("status: open", "status: open\nallow: [placeholder]"),
            )
        })
        .collect();
    assert_eq!(found(&allowed_here, &in_2026()), vec![]);
}

#[test]
fn bodies_of_briefs_are_read_outside_code() {
    let body = brief(
        "Five years of Python, and at least 1 year with LLMs in production.\n",
        "Five years of Python.\n\nTODO: the first 90 days.\n\nThe `TODO` marker in code is fine:\n\n```\nTODO\n```\n\n> We asked for 7+ years of LangChain.\n",
    );
    assert_eq!(
        found(&body, &in_2026()),
        vec![
            (
                "placeholder".to_string(),
                "content/roles/eng.md:31:1".to_string(),
                Error
            ),
            (
                "impossible-experience".to_string(),
                "content/roles/eng.md:39:16".to_string(),
                Warning
            ),
        ]
    );
}

#[test]
fn guides_may_quote_bad_briefs() {
    let guide = "---
title: Bad briefs
---

A bad brief says \"TBD\" where the reporting line should be, or:

> 7+ years of experience with LLMs. Works closely with various stakeholders.

It lists `TODO` items and asks for “10 years of prompt engineering”.

TODO: finish this guide.

We once asked for 10 years of prompt engineering ourselves.
";
    let mut pages = brief("", "");
    pages.push(("guides/bad.md", guide.to_string()));
    assert_eq!(
        found(&pages, &in_2026()),
        vec![
            (
                "placeholder".to_string(),
                "content/guides/bad.md:11:1".to_string(),
                Warning
            ),
            (
                "impossible-experience".to_string(),
                "content/guides/bad.md:13:19".to_string(),
                Warning
            ),
        ]
    );
}

#[test]
fn experience_needs_the_year_of_the_build() {
    let asks = brief(
        "tools: [Python, PyTorch]",
        "tools: [Python, PyTorch, \"7+ years of LLMs\"]",
    );
    assert_eq!(found(&asks, &config()), vec![], "no year, no judgment");
    let mut in_2024 = config();
    in_2024.build_year = Some(2024);
    assert_eq!(
        found(&asks, &in_2024),
        one(
            "impossible-experience",
            "content/roles/eng.md:20:27",
            Warning
        )
    );
    assert_eq!(
        found(&asks, &in_2026()),
        vec![],
        "7 years of LLMs fit by 2026"
    );
}

#[test]
fn technologies_come_from_site_yaml() {
    let asks = brief(
        "tools: [Python, PyTorch]",
        "tools: [Python, PyTorch, \"6 years of Acme Agents\"]",
    );
    assert_eq!(found(&asks, &in_2026()), vec![]);
    let mut config = in_2026();
    config
        .technologies
        .push(crate::config::signals::Technology {
            name: "Acme Agents".into(),
            aliases: vec![],
            released: 2024,
        });
    assert_eq!(
        found(&asks, &config),
        one(
            "impossible-experience",
            "content/roles/eng.md:20:27",
            Warning
        )
    );
}

#[test]
fn no_dosage_finding_without_probes() {
    let none = brief(
        "interview_probes:\n  - Walk through a model you put into production. What broke, and what did you change?\n  - How many production models have you been on call for, and for how long each?\n",
        "interview_probes: []\n",
    );
    let ids: Vec<String> = found(&none, &in_2026()).into_iter().map(|f| f.0).collect();
    assert_eq!(ids, Vec::<String>::new(), "missing-probes covers it");
}

#[test]
fn unsettled_reporting_only_on_open_briefs() {
    let unsettled = brief(
        "reports_to: Claims AI Platform Lead",
        "reports_to: CTO / CIO",
    );
    assert_eq!(found(&unsettled, &in_2026()).len(), 1);
    let planned: Vec<(&str, String)> = unsettled
        .iter()
        .map(|(p, t)| (*p, t.replace("status: open", "status: planned")))
        .collect();
    assert_eq!(found(&planned, &in_2026()), vec![]);
    let settled = brief(
        "reports_to: Claims AI Platform Lead",
        "reports_to: Chief Risk Officer, with a dotted line to the Head of AI",
    );
    assert_eq!(found(&settled, &in_2026()), vec![]);
}

#[test]
fn inherited_texts_are_found_in_the_parent() {
    let parent = BRIEF.replace("status: open\n", "").replace(
        "reports_to: Claims AI Platform Lead",
        "reports_to: Head of AI or CTO",
    );
    let child = "---\ntitle: Claims ML Engineer\nextends: eng\ninterview_probes+: [Where do you see AI in five years?]\nstatus: open\n---\nWhy.\n";
    let pages = vec![
        ("roles/eng.md", parent),
        ("plan/claims.md", child.to_string()),
    ];
    assert_eq!(
        found(&pages, &in_2026()),
        vec![
            (
                "trivia-probe".to_string(),
                "content/plan/claims.md:4:21".to_string(),
                Warning
            ),
            (
                "unsettled-reporting".to_string(),
                "content/roles/eng.md:19:24".to_string(),
                Warning
            ),
        ]
    );
}
