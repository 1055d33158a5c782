//! A brief scaffolded by `gen new role` and not edited is not a brief: `gen check` on a copy
//! of the shipped site points at every answer the scaffold left to write, and an open one
//! fails the check.

mod common;

use common::*;

/// A copy of the shipped site (site.yaml, theme, content) in a temporary folder.
fn shipped_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(repo().join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// (line, id) of each finding in `file`, and the exit code of `gen check`.
fn check(root: &std::path::Path, file: &str) -> (Vec<(u64, String)>, Option<i32>) {
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("check");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let findings = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == file)
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or(0),
                f["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    (findings, output.status.code())
}

fn lines_of(findings: &[(u64, String)], id: &str) -> Vec<u64> {
    findings
        .iter()
        .filter(|(_, i)| i == id)
        .map(|(line, _)| *line)
        .collect()
}

fn line_of(text: &str, starts: &str) -> u64 {
    text.lines()
        .position(|l| l.trim_start().starts_with(starts))
        .map_or(0, |i| i as u64 + 1)
}

#[test]
fn an_untouched_new_role_is_full_of_placeholders() {
    let site = shipped_site();
    let root = site.path();
    gen_in(root)
        .args(["new", "role", "GenAI Engineer"])
        .assert()
        .success();
    let file = "content/roles/genai-engineer.md";
    let text = read(root, file);
    let (findings, code) = check(root, file);
    let expected: Vec<u64> = [
        "summary:",
        "outcome:",
        "- \"TODO: a decision",
        "90d:",
        "6m:",
        "12m:",
        "TODO: the problem this hire solves",
        "TODO: what the person does first",
        "TODO: who they work with",
        "TODO: the systems and failures",
        "TODO: the profiles",
    ]
    .iter()
    .map(|starts| line_of(&text, starts))
    .collect();
    assert!(expected.iter().all(|&l| l > 0), "{expected:?}");
    assert_eq!(lines_of(&findings, "placeholder"), expected, "{findings:?}");
    assert_eq!(code, Some(0), "a planned brief's placeholders are warnings");

    // Opening the search makes them errors.
    let open = text.replace("status: planned", "status: open");
    write(root, file, &open);
    let (findings, code) = check(root, file);
    assert_eq!(lines_of(&findings, "placeholder").len(), expected.len());
    assert_eq!(code, Some(1), "an open brief must not post a TODO");

    // With the "TODO:" markers deleted, the scaffold's guidance is still found.
    write(root, file, &open.replace("TODO: ", ""));
    let (findings, _) = check(root, file);
    assert_eq!(lines_of(&findings, "placeholder"), expected, "{findings:?}");
}

#[test]
fn an_untouched_derived_brief_has_placeholders_too() {
    let site = shipped_site();
    let root = site.path();
    gen_in(root)
        .args([
            "new",
            "role",
            "Claims Eval Lead",
            "--from",
            "prompt-eval-engineer",
        ])
        .assert()
        .success();
    let file = "content/plan/claims-eval-lead.md";
    let text = read(root, file);
    let (findings, _) = check(root, file);
    assert_eq!(
        lines_of(&findings, "placeholder"),
        [
            line_of(&text, "outcome:"),
            line_of(&text, "TODO: what is different")
        ],
        "{findings:?}"
    );
}
