//! `gen watch` when its writes fail (a full disk, made here with a file-size limit: a write
//! past it fails with `EFBIG`, as one on a full disk fails with `ENOSPC`): each rebuild's
//! files go in together or not at all, nothing is left half-written in the output, and the
//! next rebuild, or a retry once there is room, makes the output equal a clean build.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Generous: a rebuild of a big page in a debug build on a loaded machine.
fn eventually(what: &str, log: &Path, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if done() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "{what} never happened; log:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

fn log_has(log: &Path, needle: &str) -> bool {
    std::fs::read_to_string(log).is_ok_and(|t| t.contains(needle))
}

fn log_count(log: &Path, needle: &str) -> usize {
    std::fs::read_to_string(log).map_or(0, |t| t.matches(needle).count())
}

/// Temporary and staging files anywhere in the site folder, `public/` included.
fn litter(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .expect("prefix")
                .display()
                .to_string()
        })
        .filter(|p| p.contains(".new-") || p.contains(".old-"))
        .collect()
}

/// A clean build of the site as it is now.
fn clean_build(root: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("clean");
    gen_in(root)
        .arg("build")
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    snapshot(&out)
}

struct Watch(Child);

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `gen watch` with a soft file-size limit of about 128 KiB (so it can be raised later):
/// the small site fits, a page with a 400 KB body does not.
fn watch_with_a_file_size_limit(root: &Path, log: &Path) -> Watch {
    let gen_bin = assert_cmd::cargo::cargo_bin("gen");
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -S -f 256 && exec '{}' watch",
            gen_bin.display()
        ))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log"))
        .spawn()
        .expect("gen watch starts");
    Watch(child)
}

fn engineer(summary: &str, body: &str) -> String {
    let brief = ROLE_B.replacen(
        "summary: Builds and ships models.",
        &format!("summary: {summary}"),
        1,
    );
    let (front, _) = brief.split_once("\n---\n").expect("fixture");
    format!("{front}\n---\n\n{body}\n")
}

/// Save as editors do (write aside, then rename over), so the watcher never reads half the
/// file: a half-written big body could fit, and this rebuild would not fail.
fn save(root: &Path, aside: &Path, text: &str) {
    let temporary = aside.join("engineer.md.tmp");
    std::fs::write(&temporary, text).expect("write aside");
    std::fs::rename(&temporary, root.join("content/roles/engineer.md")).expect("rename");
}

fn too_big() -> String {
    "A paragraph pasted far too many times into the brief.\n\n".repeat(8_000)
}

#[test]
fn a_failed_write_leaves_the_last_complete_site_and_the_next_rebuild_repairs_it() {
    let site = small_site();
    let root = site.path();
    let logs = tempfile::tempdir().expect("tempdir");
    let log = logs.path().join("watch.log");
    let _watch = watch_with_a_file_size_limit(root, &log);
    eventually("the first build", &log, || {
        log_has(&log, "watching for changes")
    });
    let public = root.join("public");
    let before = snapshot(&public);

    // The summary shows on the home page, in roles.json and the search index; the body
    // makes the brief's page too big to write.
    save(
        root,
        logs.path(),
        &engineer("Summary after the edit.", &too_big()),
    );
    eventually("the failed write", &log, || {
        log_has(&log, "keeps the site it had")
    });
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(
        // Both pages that hold the body are too big; the first to fail is named.
        (text.contains("cannot write ./public/roles/engineer/index.html: File too large")
            || text.contains("cannot write ./public/print/index.html: File too large")),
        "the error names the file and the reason:\n{text}"
    );
    assert!(
        text.contains("writes them with the next change"),
        "it says what it will do:\n{text}"
    );
    assert_eq!(
        litter(root),
        Vec::<String>::new(),
        "no temporary files left"
    );
    assert!(
        snapshot(&public) == before,
        "the output is the last complete site: none of the rebuild's files went in"
    );

    // A small body fits: this rebuild changes only the brief's pages, but the files the
    // failed write left out (the home page, roles.json, the search index) go in with it.
    save(
        root,
        logs.path(),
        &engineer("Summary after the edit.", "A short body again."),
    );
    eventually("the repair", &log, || log_has(&log, "is complete again"));
    assert_eq!(litter(root), Vec::<String>::new());
    let repaired = snapshot(&public);
    let clean = clean_build(root);
    assert_eq!(
        repaired.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &clean {
        assert!(
            repaired.get(path) == Some(bytes),
            "{} differs from a clean build",
            path.display()
        );
    }
}

#[test]
fn once_there_is_room_a_retry_repairs_the_output_without_an_edit() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("SKIPPED: prlimit (util-linux) is not installed");
        return;
    }
    let site = small_site();
    let root = site.path();
    let logs = tempfile::tempdir().expect("tempdir");
    let log = logs.path().join("watch.log");
    let watch = watch_with_a_file_size_limit(root, &log);
    eventually("the first build", &log, || {
        log_has(&log, "watching for changes")
    });
    save(
        root,
        logs.path(),
        &engineer("Summary after the edit.", &too_big()),
    );
    eventually("the failed write", &log, || {
        log_has(&log, "keeps the site it had")
    });
    // Space returns: lift the limit of the running process.
    let lifted = Command::new("prlimit")
        .arg(format!("--pid={}", watch.0.id()))
        .arg("--fsize=unlimited:")
        .status()
        .expect("prlimit");
    assert!(lifted.success(), "prlimit");
    eventually("the retry", &log, || log_has(&log, "is complete again"));
    assert_eq!(
        log_count(&log, "keeps the site it had"),
        1,
        "retries that fail the same way say nothing more"
    );
    assert_eq!(litter(root), Vec::<String>::new());
    assert!(
        snapshot(&root.join("public")) == clean_build(root),
        "the output equals a clean build"
    );
}

/// What a `gen watch` killed mid-write leaves (temporary files inside the output, a staging
/// folder beside it) is gone once the next one starts: its first write replaces the whole
/// output folder, and removes the abandoned staging folders beside it.
#[test]
fn litter_of_a_killed_watch_is_gone_when_the_next_one_starts() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    for planted in [
        "public/roles/engineer/.index.html.new-999999",
        "public/.roles.json.new-999999",
        ".public.new-999999-1/index.html",
    ] {
        write(root, planted, "left by a process that died");
    }
    let logs = tempfile::tempdir().expect("tempdir");
    let log = logs.path().join("watch.log");
    let _watch = watch_with_a_file_size_limit(root, &log);
    eventually("the first build", &log, || {
        log_has(&log, "watching for changes")
    });
    assert_eq!(litter(root), Vec::<String>::new());
}
