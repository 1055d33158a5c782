//! A corpus of AI role briefs written the way companies really write AI job ads, each
//! modelled on a pattern that breaks AI plans at the hiring stage, and two briefs written
//! the way a demanding AI hiring lead would write them. `gen check` must find every
//! finding listed here and nothing else: a finding missing is a lint that passes a bad ad,
//! a finding too many (above all on a good brief) is a lint that flags good writing.
//!
//! The corpus is `tests/fixtures/bad-briefs/` (a site with the repository's site.yaml); a
//! team with no governance owner at all needs a team plan of its own, in
//! `tests/fixtures/bad-briefs/no-governance-team/`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// 2026-05-28: `impossible-experience` judges years against the year of the build.
const IN_2026: &str = "1780000000";

/// A finding as `gen check --format json` reports it: file, line, column, id, level.
type Finding = (&'static str, u64, u64, &'static str, &'static str);

const W: &str = "warning";
const E: &str = "error";

const UNICORN: &str = "content/roles/head-of-ai-unicorn.md";
const PROMPT: &str = "content/roles/senior-prompt-engineer.md";
const DIRECTOR: &str = "content/roles/director-of-ai.md";
const HEAD_OF_ML: &str = "content/roles/head-of-machine-learning.md";
const OPEN_LEAD: &str = "content/roles/ai-lead.md";
const TRIVIA: &str = "content/roles/ai-product-manager.md";
const TOOL_SOUP: &str = "content/roles/ml-platform-engineer.md";
const WAIVERS: &str = "content/roles/ai-solutions-architect.md";
const HANDS_ON_CAIO: &str = "content/roles/hands-on-caio.md";
const PLAN_DATA: &str = "content/plan/cs-data-engineer.md";
const PLAN_LLM: &str = "content/plan/cs-llm-engineer.md";

/// The briefs a demanding AI hiring lead would write: no lint may flag them. The plan's
/// open LLM engineer is the good library brief adopted by a team, and its only finding is
/// about the team's hiring order, not its text.
const GOOD: [&str; 2] = [
    "content/roles/ai-governance-lead.md",
    "content/roles/lead-llm-engineer.md",
];

/// Every finding of `gen check` on the corpus.
const EXPECTED: &[Finding] = &[
    // The unicorn "Head of AI" at a Series C fintech: strategy, architecture, hands-on
    // development, vendors, hiring, governance and change management in one role, in the
    // front matter and again in "What you'll do"; a world-class function with no number and
    // no date; a board-approved roadmap for a first quarter.
    (UNICORN, 5, 10, "vague-outcome", W),
    (UNICORN, 6, 1, "bundled-role", W),
    (UNICORN, 14, 13, "bundled-role", W),
    (UNICORN, 22, 9, "activity-outcome", W),
    (UNICORN, 40, 1, "bundled-role", W),
    // The "Senior Prompt Engineer" whose requirements ask for 10 years of prompt
    // engineering, 7+ years of LangChain and 4 years of GPT-4. Near misses it keeps: "5+
    // years building RAG pipelines" (RAG dates from 2020) and the rest of a sound brief.
    (PROMPT, 40, 3, "impossible-experience", W),
    (PROMPT, 41, 3, "impossible-experience", W),
    (PROMPT, 43, 12, "impossible-experience", W),
    // The "Director of AI" hired to "Drive AI transformation", measured in a vision deck,
    // quick wins, pilots, a demo to the board, a Centre of Excellence and a hackathon, and
    // asked to "engage senior stakeholders".
    (DIRECTOR, 5, 10, "activity-outcome", W),
    (DIRECTOR, 5, 10, "vague-outcome", W),
    (DIRECTOR, 21, 7, "activity-outcome", W),
    (DIRECTOR, 24, 7, "activity-outcome", W),
    (DIRECTOR, 27, 7, "activity-outcome", W),
    (DIRECTOR, 38, 289, "placeholder", W),
    // An applied ML engineer's job, builder archetype and all, titled "Head of Machine
    // Learning" to stand out on LinkedIn. Its 12-month measure, "Forecast error at 12%
    // MAPE or below", is a metric at its target and passes.
    (HEAD_OF_ML, 2, 8, "title-archetype", W),
    // The open "AI Lead" posted before anyone decided anything: TBD outcome, TBC and N/A
    // interfaces, "works closely with stakeholders", "[Insert company boilerplate]" and
    // "Reports to: CTO or CIO". Open, so every placeholder is an error. No pay, no place,
    // and a screening probe that asks for the candidate's current salary.
    (OPEN_LEAD, 4, 39, "placeholder", E),
    (OPEN_LEAD, 5, 10, "placeholder", E),
    (OPEN_LEAD, 5, 10, "vague-outcome", W),
    (OPEN_LEAD, 7, 37, "placeholder", E),
    (OPEN_LEAD, 8, 21, "placeholder", E),
    (OPEN_LEAD, 12, 12, "placeholder", E),
    (OPEN_LEAD, 13, 9, "placeholder", E),
    (OPEN_LEAD, 14, 13, "placeholder", E),
    (OPEN_LEAD, 15, 7, "placeholder", E),
    (OPEN_LEAD, 17, 9, "placeholder", E),
    (OPEN_LEAD, 19, 9, "activity-outcome", W),
    (OPEN_LEAD, 19, 10, "placeholder", E),
    (OPEN_LEAD, 20, 17, "unsettled-reporting", W),
    (OPEN_LEAD, 21, 15, "placeholder", E),
    (OPEN_LEAD, 22, 1, "missing-pay-range", W),
    (OPEN_LEAD, 22, 1, "posting-incomplete", W),
    (OPEN_LEAD, 25, 18, "missing-pay-range", W),
    (OPEN_LEAD, 30, 1, "placeholder", E),
    (OPEN_LEAD, 34, 18, "placeholder", E),
    // An "AI Product Manager" with a sound outcome, interviewed with "What is RAG?",
    // "Where do you see AI in five years?" and "Which LLM is your favourite?"; the one
    // probe about their own work does not count anything.
    (TRIVIA, 27, 1, "missing-dosage", W),
    (TRIVIA, 28, 5, "trivia-probe", W),
    (TRIVIA, 29, 5, "trivia-probe", W),
    (TRIVIA, 30, 5, "trivia-probe", W),
    // The "ML Platform Engineer" tool soup: Python, Java, Scala and Go; AWS, Azure and GCP;
    // Snowflake and Databricks; MLflow and Weights & Biases; and six more.
    (TOOL_SOUP, 26, 1, "tool-soup", W),
    (TOOL_SOUP, 26, 1, "tool-soup", W),
    // The "AI Solutions Architect" that silences eight lints with a bare `allow:` list
    // (its waived findings are in `WAIVED`).
    (WAIVERS, 23, 5, "allow-without-reason", W),
    (WAIVERS, 24, 5, "allow-without-reason", W),
    (WAIVERS, 25, 5, "allow-without-reason", W),
    (WAIVERS, 26, 5, "allow-without-reason", W),
    (WAIVERS, 27, 5, "allow-without-reason", W),
    (WAIVERS, 28, 5, "allow-without-reason", W),
    (WAIVERS, 29, 5, "allow-without-reason", W),
    (WAIVERS, 30, 5, "allow-without-reason", W),
    // The "Hands-on Chief AI Officer" of a start-up ad: an executive brief titled and
    // written for someone who codes half the week, open while the reporting line depends
    // on the candidate, with "collaborate with cross-functional teams" and the template's
    // empty "Benefits" heading. Its outcome, decisions and horizons are sound; its post
    // says neither where the job is nor what it pays.
    (HANDS_ON_CAIO, 2, 8, "title-archetype", W),
    (HANDS_ON_CAIO, 25, 17, "unsettled-reporting", W),
    (HANDS_ON_CAIO, 33, 1, "missing-pay-range", W),
    (HANDS_ON_CAIO, 33, 1, "posting-incomplete", W),
    (HANDS_ON_CAIO, 43, 3, "placeholder", E),
    (HANDS_ON_CAIO, 46, 1, "empty-section", W),
    // The customer-service team plan: on paper governance comes first (every builder waits
    // for the governance lead), but the data engineer is hired and the LLM engineer being
    // hired while the governance lead is still `planned`; so security and compliance has
    // nobody hired.
    (PLAN_DATA, 29, 1, "late-governance", W),
    (PLAN_LLM, 6, 1, "late-governance", W),
    ("site.yaml", 38, 10, "unowned-capability", W),
];

/// The findings `--ready` adds: the intake questions the open "AI Lead" leaves open. The
/// open "Hands-on Chief AI Officer" and the plan's open LLM engineer answer every one.
const READY: &[Finding] = &[
    (OPEN_LEAD, 5, 1, "not-ready", E),
    (OPEN_LEAD, 8, 1, "not-ready", E),
    (OPEN_LEAD, 11, 1, "not-ready", E),
    (OPEN_LEAD, 16, 1, "not-ready", E),
    (OPEN_LEAD, 16, 1, "not-ready", E),
    (OPEN_LEAD, 21, 1, "not-ready", E),
];

/// What the bare `allow:` list of the solutions architect silences: the findings it would
/// have had, listed as waived without a reason.
const WAIVED: &[Finding] = &[
    (WAIVERS, 2, 1, "missing-probes", W),
    (WAIVERS, 5, 10, "vague-outcome", W),
    (WAIVERS, 14, 1, "missing-interface", W),
    (WAIVERS, 18, 3, "missing-horizon", W),
    (WAIVERS, 21, 1, "tool-soup", W),
    (WAIVERS, 21, 1, "tool-soup", W),
];

const NO_GOVERNANCE_LLM: &str = "content/plan/llm-engineer.md";

/// The start-up team plan with a Head of AI and two builders, where "legal signs off
/// before launch" stands in for a governance owner.
const NO_GOVERNANCE: &[Finding] = &[
    (NO_GOVERNANCE_LLM, 3, 1, "no-governance-owner", W),
    // "Agents accepting at least 40% of suggestions across all enterprise customers" (its
    // 12m) is an adoption result held at a target: no `activity-outcome`.
    ("site.yaml", 38, 10, "unowned-capability", W),
];

fn corpus() -> PathBuf {
    repo().join("tests/fixtures/bad-briefs")
}

fn no_governance_team() -> PathBuf {
    corpus().join("no-governance-team")
}

/// `gen check --format json` (with `extra` arguments) on `root`: the exit code and the
/// report.
fn check_json(root: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let output = gen_in(&repo())
        .env("SOURCE_DATE_EPOCH", IN_2026)
        .args(["check", "--format", "json"])
        .args(extra)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs");
    let value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code(), value)
}

/// The (file, line, column, id, level) of each entry of `report[list]`, sorted.
fn listed(report: &serde_json::Value, list: &str) -> Vec<(String, u64, u64, String, String)> {
    let text = |f: &serde_json::Value, key: &str| f[key].as_str().expect(key).to_string();
    let number = |f: &serde_json::Value, key: &str| f[key].as_u64().expect(key);
    let mut found: Vec<_> = report[list]
        .as_array()
        .expect(list)
        .iter()
        .map(|f| {
            (
                text(f, "file"),
                number(f, "line"),
                number(f, "column"),
                text(f, "id"),
                text(f, "level"),
            )
        })
        .collect();
    found.sort();
    found
}

/// Asserts that `report[list]` holds exactly `expected`, naming what is missing and what
/// is there unexpectedly.
fn assert_exactly(report: &serde_json::Value, list: &str, expected: &[&[Finding]]) {
    let found = listed(report, list);
    let mut wanted: Vec<(String, u64, u64, String, String)> = expected
        .iter()
        .flat_map(|part| part.iter())
        .map(|&(file, line, column, id, level)| {
            (
                file.to_string(),
                line,
                column,
                id.to_string(),
                level.to_string(),
            )
        })
        .collect();
    wanted.sort();
    let count = |list: &[(String, u64, u64, String, String)]| {
        let mut counts = BTreeMap::new();
        for f in list {
            *counts.entry(f.clone()).or_insert(0usize) += 1;
        }
        counts
    };
    let (found_counts, wanted_counts) = (count(&found), count(&wanted));
    let differ = |a: &BTreeMap<_, usize>, b: &BTreeMap<_, usize>| -> Vec<String> {
        a.iter()
            .filter(|(f, n)| b.get(*f).copied().unwrap_or(0) < **n)
            .map(|(f, _)| format!("{f:?}"))
            .collect()
    };
    let missing = differ(&wanted_counts, &found_counts);
    let unexpected = differ(&found_counts, &wanted_counts);
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "{list}: missing\n  {}\nunexpected\n  {}",
        missing.join("\n  "),
        unexpected.join("\n  ")
    );
}

/// The message of the finding at `file:line` with `id` (the first, when several share it).
fn message<'r>(report: &'r serde_json::Value, file: &str, line: u64, id: &str) -> &'r str {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["file"] == file && f["line"] == line && f["id"] == id)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no {id} at {file}:{line}"))
}

#[test]
fn check_finds_exactly_the_corpus_findings() {
    let (code, report) = check_json(&corpus(), &[]);
    assert_eq!(code, Some(1), "placeholders on open briefs are errors");
    assert_exactly(&report, "findings", &[EXPECTED]);
    assert_exactly(&report, "waived", &[WAIVED]);
    let mut summary = report["summary"].clone();
    // The pages the site would have grow with the page kinds; the briefs read do not.
    assert!(
        summary["pages"].as_u64().is_some_and(|p| p > 16),
        "{summary}"
    );
    summary["pages"] = serde_json::Value::Null;
    assert_eq!(
        summary,
        serde_json::json!({"errors": 14, "warnings": 43, "files": 12, "waived": 6, "briefs": 16, "guides": 0, "pages": null})
    );
    let waived = report["waived"].as_array().expect("waived");
    assert!(waived.iter().all(|w| w["reason"].is_null()), "{waived:?}");
}

#[test]
fn ready_adds_the_open_briefs_unanswered_intake_questions() {
    let (code, report) = check_json(&corpus(), &["--ready"]);
    assert_eq!(code, Some(1));
    assert_exactly(&report, "findings", &[EXPECTED, READY]);
    assert_exactly(&report, "waived", &[WAIVED]);
    assert_eq!(
        message(&report, OPEN_LEAD, 11, "not-ready"),
        "not ready to open: `interfaces` states no fit with security, it (how does the role fit with product, data, security and IT?)"
    );
}

#[test]
fn a_team_with_builders_and_no_governance_owner() {
    let (code, report) = check_json(&no_governance_team(), &["--ready"]);
    assert_eq!(code, Some(0), "warnings alone do not fail");
    assert_exactly(&report, "findings", &[NO_GOVERNANCE]);
    assert_exactly(&report, "waived", &[]);
    assert_eq!(
        message(&report, NO_GOVERNANCE_LLM, 3, "no-governance-owner"),
        "no governance owner: the team plan (content/plan/) has builders (LLM Engineer, Reply Suggestions, ML Engineer, Ticket Routing) and no brief that holds `security-compliance` (Security & Compliance) as primary"
    );
    assert_eq!(
        message(&report, "site.yaml", 38, "unowned-capability"),
        "unowned capability: no brief of the team plan (content/plan/) holds `security-compliance` (Security & Compliance) as primary"
    );
}

#[test]
fn the_good_briefs_get_no_finding() {
    for extra in [&[][..], &["--ready"][..]] {
        let (_, report) = check_json(&corpus(), extra);
        for list in ["findings", "waived"] {
            for f in report[list].as_array().expect(list) {
                assert!(
                    !GOOD.contains(&f["file"].as_str().expect("file")),
                    "a good brief is flagged: {f}"
                );
            }
        }
    }
}

#[test]
fn representative_messages_say_what_is_wrong() {
    let (_, report) = check_json(&corpus(), &[]);
    let cases: [(&str, u64, &str, &str); 10] = [
        (
            UNICORN,
            6,
            "bundled-role",
            "bundled role: its decisions and summary span 6 areas of work: Leadership (\"strategy\"), Architecture (\"architecture\"), Vendor selection (\"vendor selection\"), Hiring (\"hiring\"), Security & Compliance (\"governance\"), Change Management (\"adopt\"); the limit is 4",
        ),
        (
            PROMPT,
            41,
            "impossible-experience",
            "impossible experience: asks for 7+ years of LangChain, public since 2022: at most 4 years by 2026",
        ),
        (
            DIRECTOR,
            5,
            "activity-outcome",
            "outcome measured in activity (transformation), not a business or operating result",
        ),
        (
            DIRECTOR,
            24,
            "activity-outcome",
            "success at 6 months is all activity (a pilot, a demo): no business or operating result",
        ),
        (
            HEAD_OF_ML,
            2,
            "title-archetype",
            "title \"Head of Machine Learning\" says \"Head\", which contradicts the archetype `builder` (Builder)",
        ),
        (
            OPEN_LEAD,
            20,
            "unsettled-reporting",
            "unsettled reporting line in an open brief: \"CTO or CIO\"",
        ),
        (
            TRIVIA,
            29,
            "trivia-probe",
            "trivia probe: asks for a prediction, not for evidence from work the candidate did",
        ),
        (
            WAIVERS,
            28,
            "allow-without-reason",
            "`tool-soup` is waived without a reason",
        ),
        (
            PLAN_LLM,
            6,
            "late-governance",
            "late governance: this builder is being hired (`status: open`) while the governance owner (AI Governance Lead, Customer Service) is still planned",
        ),
        (
            "site.yaml",
            38,
            "unowned-capability",
            "capability with nobody hired: `security-compliance` (Security & Compliance) is held as primary only by planned briefs (AI Governance Lead, Customer Service); none is filled or open",
        ),
    ];
    for (file, line, id, expected) in cases {
        assert_eq!(message(&report, file, line, id), expected, "{file}:{line}");
    }
    let soup: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == TOOL_SOUP && f["id"] == "tool-soup")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        soup,
        [
            "tool soup: 16 tools listed in 8 entries; the limit is 8",
            "tool soup: competing vendors required together: AWS, Azure and GCP (clouds); Snowflake and Databricks (data platforms); MLflow and Weights & Biases (experiment trackers)",
        ]
    );
    let open_placeholder = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["file"] == OPEN_LEAD && f["line"] == 4)
        .expect("the summary's boilerplate");
    assert_eq!(
        open_placeholder["message"],
        "boilerplate \"works closely with\" in `summary`: it names nobody and no decision"
    );
    assert!(
        open_placeholder["help"]
            .as_str()
            .is_some_and(|h| h.ends_with("this brief is open (`status: open`), so it is an error")),
        "{open_placeholder}"
    );
}

/// The shipped playbook is the opposite of the corpus: the repository root (the library
/// and its worked team plan in `content/plan/`) and a `gen init` site (the library alone,
/// which is then the team) pass the readiness gate with warnings denied.
#[test]
fn the_shipped_playbook_and_its_plan_get_no_finding() {
    gen_in(&repo())
        .env("SOURCE_DATE_EPOCH", IN_2026)
        .args(["check", "--ready", "--deny-warnings"])
        .assert()
        .success()
        .stdout(clean_check(15, 3));
    let (code, report) = check_json(&repo(), &["--ready", "--deny-warnings"]);
    assert_eq!(code, Some(0));
    assert_exactly(&report, "findings", &[]);
    assert_exactly(&report, "waived", &[]);
    assert!(
        repo()
            .join("content/plan")
            .read_dir()
            .expect("plan")
            .count()
            >= 6,
        "the worked plan is checked with the library"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gen_in(dir.path())
        .args(["init"])
        .arg(&site)
        .assert()
        .success();
    gen_in(&site)
        .env("SOURCE_DATE_EPOCH", IN_2026)
        .args(["check", "--ready", "--deny-warnings"])
        .assert()
        .success()
        .stdout(clean_check(9, 3));
}
