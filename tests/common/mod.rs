//! Helpers for the integration tests: small real sites in temporary folders, built with the
//! real `gen` binary.
#![allow(dead_code)]

pub mod serve;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn gen_in(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gen").expect("the gen binary is built");
    cmd.current_dir(root).env("NO_COLOR", "1");
    cmd
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let relative = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub const ROLE_A: &str = "---
title: Head of AI
archetype: manager
summary: Owns delivery of the AI roadmap.
outcome: Cut claims handling time by 30% within 12 months.
decisions:
  - Which use cases move to production
owns_after_launch: [The eval suite]
capabilities:
  primary: [leadership, product]
interfaces:
  product: Co-owns the roadmap with the CPO
success:
  90d: [Readiness audit delivered]
  6m: [One system in production]
  12m: [Outcome metric moved]
hire_after: []
interview_probes: [Walk through a system you kept running.]
red_flags: [Cannot name a system they kept running]
tags: [leadership]
---

## What this role is for

Delivery. See the [engineer](engineer.md) and the [guide](@/guides/start.md#why).

```python
def hello():
    return 42
```
";

pub const ROLE_B: &str = "---
title: Applied ML Engineer
archetype: builder
summary: Builds and ships models.
outcome: Ship one model to production by Q3 with an eval suite.
decisions: [Model choice within the approved budget]
capabilities:
  primary: [applied-ml]
success:
  90d: [First model in staging]
hire_after: [head-of-ai]
---

Body of the engineer brief.
";

pub const GUIDE: &str = "---
title: Start here
summary: How to use the playbook.
weight: 1
---

## Why

Because. Read the [Head of AI](../roles/head-of-ai.md) brief.
";

/// A small, valid site: the repository's site.yaml and theme, two briefs and a guide.
/// The repository's site.yaml without its `staffing:` file, whose rows name the worked
/// plan's briefs, and without its `languages:` (the small sites have no translations): for
/// sites that do not copy `content/plan/`.
pub fn library_site_yaml() -> String {
    shipped_site_yaml_without(&["staffing:", "languages:"])
}

/// The repository's site.yaml without the top-level keys `keys` (`"staffing:"`) and what
/// is under them.
pub fn shipped_site_yaml_without(keys: &[&str]) -> String {
    let shipped = fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    let mut kept = String::new();
    let mut skipping = false;
    for line in shipped.split_inclusive('\n') {
        if !line.starts_with([' ', '#', '\n']) {
            skipping = keys.iter().any(|key| line.starts_with(key));
        }
        if !skipping {
            kept.push_str(line);
        }
    }
    kept
}

pub fn small_site() -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "site.yaml", &library_site_yaml());
    copy_dir(&repo().join("themes"), &root.join("themes"));
    write(root, "content/roles/head-of-ai.md", ROLE_A);
    write(root, "content/roles/engineer.md", ROLE_B);
    write(root, "content/guides/start.md", GUIDE);
    dir
}

/// `languages:` for `multilingual_site`: German, with the site's title in German.
pub const LANGUAGES: &str = "languages:\n  - code: de\n    title: KI-Team-Playbook\n    description: Stellenbeschreibungen für ein KI-Team, in der Reihenfolge der Einstellung.\n";

/// The Head of AI in German: the words translated, the rest (capabilities, success, hiring
/// order) inherited from `ROLE_A`.
pub const ROLE_A_DE: &str = "---
title: Leitung KI
summary: Trägt die Verantwortungen für die KI-Roadmap und ihre Maßnahmen.
decisions:
  - Welche Anwendungsfälle in Produktion gehen
---

## Wofür diese Rolle da ist

Umsetzung und Verantwortung für Maßnahmen. Siehe den [Engineer](engineer.md) und den [Leitfaden](@/guides/start.md#warum).
";

/// The guide in German.
pub const GUIDE_DE: &str = "---
title: Hier beginnen
summary: Wie Sie das Playbook nutzen.
---

## Warum

Weil Verantwortlichkeiten klar sein müssen. Lesen Sie die Stellenbeschreibung [Leitung KI](../roles/head-of-ai.md).
";

/// `small_site` in two languages: English at the root and German under `/de/`, where the
/// Head of AI and the guide are translated and the engineer is not.
pub fn multilingual_site() -> TempDir {
    let dir = small_site();
    let root = dir.path();
    let config = read(root, "site.yaml");
    write(root, "site.yaml", &format!("{config}{LANGUAGES}"));
    write(root, "content/roles/head-of-ai.de.md", ROLE_A_DE);
    write(root, "content/guides/start.de.md", GUIDE_DE);
    dir
}

/// Poll `done` every 50 ms for up to 15 s; whether it came true.
pub fn wait_until(done: impl Fn() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while std::time::Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

pub fn write(root: &Path, relative: &str, text: &str) {
    write_bytes(root, relative, text.as_bytes());
}

pub fn write_bytes(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

pub fn read(root: &Path, relative: &str) -> String {
    fs::read_to_string(root.join(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// Every file below `dir` with its bytes, to prove a folder did not change.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = fs::read(e.path()).expect("read");
            (
                e.path().strip_prefix(dir).expect("prefix").to_path_buf(),
                bytes,
            )
        })
        .collect()
}

/// What a clean `gen check` prints: how many briefs and guides it read (and the pages of
/// the site they make, however many page kinds there are), then no findings.
pub fn clean_check(briefs: usize, guides: usize) -> predicates::str::RegexPredicate {
    predicates::str::is_match(format!(
        "^Checked {briefs} briefs?, {guides} guides? and the [0-9]+ pages of the site: 0 errors, 0 warnings\n$"
    ))
    .expect("a valid pattern")
}

/// `brand:` and `edit_url` for `branded_site`: a pale yellow accent (1.2:1 on the light
/// page) that gen must darken, and a logo of the site's own.
pub const BRAND: &str = "brand:\n  name: Nordhafen Versicherung\n  logo: logo.svg\n  accent: \"#f5e663\"\nedit_url: https://git.nordhafen.example/playbook/-/edit/main/{path}\n";

/// The shipped playbook with `BRAND`, `static/logo.svg`, and the worked plan's Head of AI
/// kept by a named maintainer and last reviewed on 2025-06-30.
pub fn branded_site() -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let config = fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    write(root, "site.yaml", &format!("{BRAND}{config}"));
    copy_dir(&repo().join("content"), &root.join("content"));
    write(
        root,
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\"><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#f5e663\" stroke=\"#333\"/></svg>\n",
    );
    let lead = read(root, "content/plan/claims-head-of-ai.md");
    write(
        root,
        "content/plan/claims-head-of-ai.md",
        &lead.replacen(
            "---\n",
            "---\nreviewed: 2025-06-30\nmaintainer: Jana Petersen (People Ops)\n",
            1,
        ),
    );
    dir
}

/// The shipped playbook with `language: de` (the built-in theme's German words), and the
/// worked plan's Head of AI last reviewed on 2026-12-01, so its page shows a date.
pub fn german_site() -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    // German as the site's own language: the shipped German tree's pages are left out.
    let config = shipped_site_yaml_without(&["languages:"]);
    write(root, "site.yaml", &format!("language: de\n{config}"));
    copy_dir(&repo().join("content"), &root.join("content"));
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
    {
        if entry.file_name().to_string_lossy().ends_with(".de.md") {
            fs::remove_file(entry.path()).expect("remove a translation");
        }
    }
    let lead = read(root, "content/plan/claims-head-of-ai.md");
    write(
        root,
        "content/plan/claims-head-of-ai.md",
        &lead.replacen("---\n", "---\nreviewed: 2026-12-01\n", 1),
    );
    dir
}

/// Add `listing.page_size: size` to the site.yaml of the site at `root`.
pub fn set_page_size(root: &Path, size: usize) {
    let config = read(root, "site.yaml");
    write(
        root,
        "site.yaml",
        &format!("{config}\nlisting:\n  page_size: {size}\n"),
    );
}

/// The shipped playbook with `listing.page_size: size`: with 4, its home page and its larger
/// term pages are paged (`render::listing`).
pub fn paged_playbook(size: usize) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::copy(repo().join("site.yaml"), root.join("site.yaml")).expect("site.yaml");
    set_page_size(root, size);
    // With the staffing file site.yaml names, in `content/plan/`.
    copy_dir(&repo().join("content"), &root.join("content"));
    dir
}

/// What an independent judge written in Python prints as JSON: `python3` run with `args`
/// (a script's path, or `-c` and its text, then its arguments), failing the test with its
/// stderr when it fails.
pub fn python_json<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> serde_json::Value {
    let out = std::process::Command::new("python3")
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 {:?}: {}",
        args.iter().map(|a| a.as_ref()).collect::<Vec<_>>(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the judge prints JSON")
}
