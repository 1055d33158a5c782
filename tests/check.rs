//! `gen check` on real sites: the shipped playbook is clean, the Director of AI fixture
//! shows every hiring mistake it was written with, and the exit codes follow the levels.

mod common;

use common::*;
use predicates::prelude::*;

/// The lints the Director of AI fixture was written to trip.
const FIXTURE_LINTS: [&str; 10] = [
    "bundled-role",
    "vague-outcome",
    "activity-outcome",
    "missing-horizon",
    "no-owner-after-launch",
    "missing-interface",
    "tool-soup",
    "missing-probes",
    "empty-section",
    "unowned-capability",
];

fn fixture() -> std::path::PathBuf {
    repo().join("tests/fixtures/director-of-ai")
}

#[test]
fn the_shipped_playbook_passes_with_warnings_denied() {
    gen_in(&repo())
        .args(["check", "--deny-warnings"])
        .assert()
        .success()
        .stdout(clean_check(15, 3));
}

#[test]
fn the_fixture_json_report_matches_its_snapshot() {
    let output = gen_in(&repo())
        .args(["check", "--format", "json", "--root"])
        .arg(fixture())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "warnings alone do not fail");
    let text = String::from_utf8(output.stdout).expect("utf8");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let ids: Vec<&str> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["id"].as_str().expect("id"))
        .collect();
    for id in FIXTURE_LINTS {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_fixture_human_report_matches_its_snapshot() {
    let output = gen_in(&repo())
        .args(["check", "--root"])
        .arg(fixture())
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf8");
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!(text);
}

#[test]
fn deny_warnings_and_deny_levels_fail() {
    gen_in(&repo())
        .args(["check", "--deny-warnings", "--root"])
        .arg(fixture())
        .assert()
        .code(1);
    let site = small_site();
    let root = site.path();
    let config = read(root, "site.yaml").replace("  vague-outcome: warn", "  vague-outcome: deny");
    write(root, "site.yaml", &config);
    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace(
            "outcome: Ship one model to production by Q3 with an eval suite.",
            "outcome: Improve things with AI.",
        ),
    );
    gen_in(root)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "content/roles/engineer.md:5:10  error  vague-outcome",
        ));
    assert!(!root.join("public").exists(), "check writes nothing");
}

#[test]
fn invalid_content_is_reported_as_errors_in_both_formats() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace("summary:", "sumary:"),
    );
    gen_in(root)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "content/roles/engineer.md\n  content/roles/engineer.md:4:1  error  front-matter  unknown key `sumary`",
        ));
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("runs");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value["summary"]["errors"], 1);
    assert_eq!(value["findings"][0]["line"], 4);
}

#[test]
fn usage_errors_exit_2() {
    let empty = tempfile::tempdir().expect("tempdir");
    gen_in(empty.path()).arg("check").assert().code(2);
    gen_in(&repo())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn unknown_lints_in_config_and_allow_are_errors_with_suggestions() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace(
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow: [tool-sop]",
        ),
    );
    gen_in(root).arg("check").assert().code(1).stdout(
        predicate::str::contains("unknown lint `tool-sop`")
            .and(predicate::str::contains("did you mean `tool-soup`?")),
    );
    write(root, "content/roles/engineer.md", ROLE_B);
    let config = read(root, "site.yaml").replace("  tool-soup: warn", "  tool-sup: warn");
    write(root, "site.yaml", &config);
    gen_in(root).arg("check").assert().code(1).stdout(
        predicate::str::contains("unknown lint `tool-sup` in `lints`")
            .and(predicate::str::contains("did you mean `tool-soup`?")),
    );
}

#[test]
fn build_prints_warnings_and_the_health_page_lists_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    copy_dir(&fixture(), root);
    copy_dir(&repo().join("themes"), &root.join("themes"));
    gen_in(root).arg("build").assert().success().stderr(
        predicate::str::contains("vague-outcome").and(predicate::str::contains(
            "13 warnings (see the Playbook health page)",
        )),
    );
    let health = read(root, "public/health/index.html");
    for id in FIXTURE_LINTS {
        assert!(
            health.contains(&format!("<code class=\"lint-id\">{id}</code>")),
            "{id} on the health page"
        );
    }
    assert!(
        health.contains("href=\"/roles/director-of-ai/\""),
        "findings link to the brief"
    );
    assert!(read(root, "public/index.html").contains("13 findings to review"));
}

#[test]
fn a_deny_finding_fails_the_build_and_keeps_the_last_site() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let before = snapshot(&root.join("public"));
    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace("hire_after: [head-of-ai]", "hire_after: [engineer]"),
    );
    gen_in(root).arg("build").assert().code(1).stderr(
        predicate::str::contains("hiring cycle: engineer → engineer")
            .and(predicate::str::contains("hire-cycle")),
    );
    assert_eq!(snapshot(&root.join("public")), before);
}

/// A copy of the shipped playbook (site.yaml, theme, content) to edit.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::copy(repo().join("site.yaml"), root.join("site.yaml")).expect("site.yaml");
    copy_dir(&repo().join("themes"), &root.join("themes"));
    copy_dir(&repo().join("content"), &root.join("content"));
    dir
}

#[test]
fn the_shipped_playbook_is_ready_to_open_its_searches() {
    gen_in(&repo())
        .args(["check", "--ready", "--deny-warnings"])
        .assert()
        .success()
        .stdout(clean_check(15, 3));
}

/// An open brief written in a hurry: the outcome and the reporting line are stand-ins, and
/// it says nothing of how the role works with security and IT.
const FUZZY_OPEN_BRIEF: &str = "---
title: Claims Data Engineer
extends: data-engineer
outcome: TBD with the claims director
interfaces:
  product: With the claims AI product lead, on which claim fields the triage model needs.
  data: With the owner of the vendor claims system and its nightly export.
reports_to: TBD
hire_after: [claims-platform-lead, claims-governance-owner]
tags+: [claims]
status: open
---

Moves the claims system's nightly export into a tested, monitored feed for the triage model.
";

#[test]
fn ready_fails_on_an_open_brief_that_leaves_intake_questions_unanswered() {
    let site = shipped_copy();
    let root = site.path();
    write(
        root,
        "content/plan/claims-data-engineer.md",
        FUZZY_OPEN_BRIEF,
    );
    // Without --ready, the gaps are not `not-ready` errors; its placeholders are errors of
    // their own on an open brief (`placeholder`).
    let plain = gen_in(root).arg("check").output().expect("runs");
    let text = String::from_utf8_lossy(&plain.stdout);
    assert_eq!(plain.status.code(), Some(1), "{text}");
    assert!(!text.contains("not-ready"), "{text}");
    assert!(text.contains("error  placeholder"), "{text}");
    let file = "content/plan/claims-data-engineer.md";
    gen_in(root)
        .args(["check", "--ready"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains(format!(
                "{file}:4:1  error  not-ready  not ready to open: `outcome` is a placeholder (`TBD with the claims director`) (what business outcome is this hire meant to drive in the next 12 months?)"
            ))
            .and(predicate::str::contains(format!(
                "{file}:5:1  error  not-ready  not ready to open: `interfaces` states no fit with security, it (how does the role fit with product, data, security and IT?)"
            )))
            .and(predicate::str::contains(format!(
                "{file}:8:1  error  not-ready  not ready to open: `reports_to` is a placeholder (`TBD`) (who does this role report to?)"
            )))
            // And the two placeholders, errors of their own on an open brief, and the pay
            // range it does not state (an error under the shipped site's EU jurisdiction).
            .and(predicate::str::contains(format!(
                "{file}:11:1  error  missing-pay-range  open brief states no pay range"
            )))
            .and(predicate::str::contains("6 errors")),
        );
    let output = gen_in(root)
        .args(["check", "--ready", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let not_ready: Vec<&serde_json::Value> = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["id"] == "not-ready")
        .collect();
    assert_eq!(not_ready.len(), 3, "{value}");
    assert!(
        not_ready
            .iter()
            .all(|f| f["level"] == "error" && f["file"] == file)
    );
    // Planned, the brief is not gated: the search has not opened.
    write(
        root,
        file,
        &FUZZY_OPEN_BRIEF.replace("status: open", "status: planned"),
    );
    gen_in(root).args(["check", "--ready"]).assert().code(0);
    // The health page says which questions are open, in words (built with placeholders
    // allowed and the missing pay range a warning: on an open brief they would fail the
    // build).
    write(root, file, FUZZY_OPEN_BRIEF);
    let config = std::fs::read_to_string(root.join("site.yaml")).expect("site.yaml");
    assert!(config.contains("  placeholder: warn\n"));
    write(
        root,
        "site.yaml",
        &config.replace(
            "  placeholder: warn\n",
            "  placeholder: allow\n  missing-pay-range: warn\n",
        ),
    );
    gen_in(root).arg("build").assert().success();
    let health = read(root, "public/health/index.html");
    assert!(
        health.contains("Not ready: outcome, interfaces, reports to <strong>(open: the search should pause)</strong>"),
        "{health}"
    );
    assert!(
        health.contains("Ready</td>"),
        "the other team briefs are ready"
    );
}

/// The platform lead also runs the claims pipelines until a data engineer is hired: three
/// data tools on top of the archetype's six.
const MORE_TOOLS: &str = "tools+: [Airflow, dbt, The claims system's export API]\n";
const REASON: &str =
    "Until a claims data engineer is hired, the platform lead also runs the claims pipelines";

#[test]
fn a_waiver_with_a_reason_is_clean_and_listed_with_its_reason() {
    let site = shipped_copy();
    let root = site.path();
    let file = "content/plan/claims-platform-lead.md";
    let original = read(root, file);
    let waived = original.replacen(
        "tags+: [claims]\n",
        &format!("tags+: [claims]\n{MORE_TOOLS}allow:\n  tool-soup: \"{REASON}\"\n"),
        1,
    );
    assert_ne!(waived, original);
    write(root, file, &waived);
    let output = gen_in(root)
        .args(["check", "--deny-warnings"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "waived (allowed by their brief, not counted)\n  {file}:12:1  tool-soup  tool soup: 11 tools listed in 9 entries; the limit is 8\n      reason: {REASON}\n\nChecked 15 briefs, 3 guides and the "
        )) && text.ends_with(" pages of the site: 0 errors, 0 warnings; 1 waived\n"),
        "{text}"
    );
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("runs");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value["findings"], serde_json::json!([]));
    assert_eq!(value["waived"][0]["id"], "tool-soup");
    assert_eq!(value["waived"][0]["file"], file);
    assert_eq!(value["waived"][0]["reason"], REASON);
    assert_eq!(value["summary"]["waived"], 1);
    // The health page lists the waived finding: brief, lint, message and reason.
    gen_in(root).arg("build").assert().success();
    let health = read(root, "public/health/index.html");
    let section = &health[health
        .find("id=\"waivers-title\"")
        .expect("a waivers section")..];
    for part in [
        "<code class=\"lint-id\">tool-soup</code>",
        "<a href=\"/roles/claims-platform-lead/\">Claims AI Platform Lead</a>",
        "tool soup: 11 tools listed in 9 entries; the limit is 8",
        &format!("Reason:</span> {REASON}"),
    ] {
        assert!(section.contains(part), "{part} in {section}");
    }
    assert!(read(root, "public/index.html").contains("no findings; 1 waived, with reasons."));
}

#[test]
fn a_waiver_without_a_reason_warns_at_its_entry() {
    let site = shipped_copy();
    let root = site.path();
    let file = "content/plan/claims-platform-lead.md";
    let listed = read(root, file).replacen(
        "tags+: [claims]\n",
        &format!("tags+: [claims]\n{MORE_TOOLS}allow: [tool-soup]\n"),
        1,
    );
    write(root, file, &listed);
    gen_in(root).arg("check").assert().code(0).stdout(
        predicate::str::contains(format!(
            "{file}:13:9  warning  allow-without-reason  `tool-soup` is waived without a reason"
        ))
        .and(predicate::str::contains("reason: none given"))
        .and(predicate::str::contains(
            "0 errors, 1 warning in 1 file; 1 waived",
        )),
    );
    gen_in(root)
        .args(["check", "--deny-warnings"])
        .assert()
        .code(1);
    // A placeholder is no reason either.
    write(
        root,
        file,
        &listed.replace("allow: [tool-soup]", "allow: {tool-soup: TODO}"),
    );
    gen_in(root)
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "`tool-soup` is waived with a placeholder for a reason (`TODO`)",
        ));
    gen_in(root).arg("build").assert().success();
    assert!(read(root, "public/health/index.html").contains("No reason given."));
}

#[test]
fn the_health_page_counts_findings_by_lint_and_lists_the_first_files_in_full() {
    let site = small_site();
    let root = site.path();
    // 205 more briefs, each drawing findings: a big playbook's health page.
    for n in 0..205 {
        write(
            root,
            &format!("content/roles/engineer-{n:03}.md"),
            &ROLE_B.replace(
                "title: Applied ML Engineer",
                &format!("title: Applied ML Engineer {n:03}"),
            ),
        );
    }
    gen_in(root).arg("build").assert().success();
    let (check, _) = {
        let out = gen_in(root).arg("check").output().expect("gen check");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status,
        )
    };
    let health = read(root, "public/health/index.html");
    let sections = health.matches("<section class=\"health-file\"").count();
    assert_eq!(sections, 200, "the first 200 files in full");
    // The counts table agrees with `gen check`: each lint's findings, in the files shown
    // and the files not shown.
    let table = &health[health
        .find("<table class=\"lint-counts\">")
        .expect("counts table")..];
    let table = &table[..table.find("</table>").expect("table end")];
    let mut counted = 0;
    for row in table
        .split("<tr><th scope=\"row\"><code class=\"lint-id\">")
        .skip(1)
    {
        let id = &row[..row.find('<').expect("id")];
        let cells: Vec<usize> = row
            .split("<td class=\"num\">")
            .skip(1)
            .map(|c| c[..c.find('<').expect("cell")].parse().expect("number"))
            .collect();
        let in_check = check.matches(&format!("  warning  {id}  ")).count();
        assert_eq!(cells[0], in_check, "{id}: the count `gen check` lists");
        counted += cells[0];
        assert!(
            cells[1] <= cells[0],
            "{id}: files {} ≤ findings {}",
            cells[1],
            cells[0]
        );
    }
    // "N findings in M files".
    let count_line: Vec<usize> = health
        .split("<p class=\"health-count\">")
        .nth(1)
        .map(|s| {
            s.split(' ')
                .take(4)
                .filter_map(|w| w.parse().ok())
                .collect()
        })
        .expect("finding count");
    let (total, files) = (count_line[0], count_line[1]);
    assert!(files > 205, "{files} files with findings");
    assert_eq!(counted, total, "the lint counts add up to the findings");
    let listed = health.matches("<li class=\"finding finding-").count();
    assert!(
        health.contains(&format!(
            "… and {} more findings in {} more files: <code>gen check</code> lists them all.",
            total - listed,
            files - 200
        )),
        "the rest is counted: {}",
        &health[health.find("health-more").unwrap_or(0)..][..200]
    );
}
