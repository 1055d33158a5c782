//! `gen check` on real sites: the shipped playbook is clean, the Director of AI fixture
//! shows every hiring mistake it was written with, and the exit codes follow the levels.

mod common;

use common::*;
use predicates::prelude::*;

/// The lints the Director of AI fixture was written to trip.
const FIXTURE_LINTS: [&str; 9] = [
    "bundled-role",
    "vague-outcome",
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
        .stdout("0 errors, 0 warnings in 0 files\n");
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
            "content/roles/engineer.md\n  content/roles/engineer.md:4:1  error  error  unknown key `sumary`",
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
            "12 warnings (see the Playbook health page)",
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
    assert!(read(root, "public/index.html").contains("12 findings to review"));
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
