//! A watcher storm: while `gen serve` runs, 1,000 files arrive in a burst, a folder of briefs
//! is deleted, a folder is renamed and the whole content is swapped for another (like a
//! `git checkout`). After each step the served site must become exactly what a clean
//! `gen build` of the same files writes, the server must survive, and the log must show a
//! few rebuilds, not one per file.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::serve::*;
use common::*;

fn brief(i: usize) -> String {
    ROLE_B
        .replace(
            "title: Applied ML Engineer",
            &format!("title: Storm brief {i}"),
        )
        .replace("hire_after: [head-of-ai]", "hire_after: []")
}

fn note(i: usize) -> String {
    format!("---\ntitle: Note {i}\nweight: {i}\n---\n\n## Point {i}\n\nText of note {i}.\n")
}

/// A clean build of a copy of `root`'s site at `server`'s address: output path to bytes.
fn clean_build(root: &Path, server: &Server) -> BTreeMap<PathBuf, Vec<u8>> {
    let copy = tempfile::tempdir().expect("tempdir");
    for name in ["site.yaml", "content", "themes"] {
        let from = root.join(name);
        if from.is_dir() {
            copy_dir(&from, &copy.path().join(name));
        } else {
            fs::copy(&from, copy.path().join(name)).expect("copy");
        }
    }
    let base_url = format!("http://127.0.0.1:{}{}", server.port, server.base);
    gen_in(copy.path())
        .args(["build", "--base-url", &base_url])
        .assert()
        .success();
    snapshot(&copy.path().join("public"))
}

/// What serve answers for `path` (below the site root), without its live-reload script.
fn served(server: &Server, path: &Path) -> (u16, Vec<u8>) {
    let url = format!("{}{}", server.base, path.display()).replace("index.html", "");
    let response = get(server.port, &url);
    let body = match response.body.find("<script data-gen-live>") {
        Some(start) => {
            let end = start
                + response.body[start..]
                    .find("</script>")
                    .map_or(0, |e| e + "</script>".len());
            format!("{}{}", &response.body[..start], &response.body[end..])
        }
        None => response.body,
    };
    (response.status, body.into_bytes())
}

/// Wait (up to a generous limit, only to avoid hanging) until every file of the clean build
/// is served byte for byte and every page of `gone` answers 404.
fn assert_serves(
    server: &Server,
    step: &str,
    clean: &BTreeMap<PathBuf, Vec<u8>>,
    gone: &[PathBuf],
) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let mismatch = clean
            .iter()
            // The test client reads bodies as (lossy) text, so a binary file (a Word
            // post) is compared as the same text.
            .find(|(path, bytes)| {
                served(server, path)
                    != (
                        200,
                        String::from_utf8_lossy(bytes).into_owned().into_bytes(),
                    )
            })
            .map(|(path, _)| path.display().to_string())
            .or_else(|| {
                gone.iter()
                    .find(|path| served(server, path).0 != 404)
                    .map(|path| format!("{} (should be gone)", path.display()))
            });
        match mismatch {
            None => return,
            Some(path) if Instant::now() > deadline => {
                let (status, body) = served(server, Path::new(&path));
                let body = String::from_utf8_lossy(&body);
                let expected = clean
                    .get(Path::new(&path))
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                let differs: Vec<String> = body
                    .lines()
                    .zip(expected.lines())
                    .enumerate()
                    .filter(|(_, (got, want))| got != want)
                    .take(5)
                    .map(|(n, (got, want))| {
                        format!("line {}:\n  served: {got}\n  clean:  {want}", n + 1)
                    })
                    .collect();
                panic!(
                    "{step}: {path} never matched the clean build; served {status}, {} lines (clean {}):\n{}",
                    body.lines().count(),
                    expected.lines().count(),
                    differs.join("\n")
                );
            }
            Some(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

/// Pages of the previous build that the next one no longer has.
fn removed(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<PathBuf> {
    before
        .keys()
        .filter(|p| !after.contains_key(*p) && p.ends_with("index.html"))
        .cloned()
        .collect()
}

/// One change to the site's files.
type Step = Box<dyn Fn(&Path)>;

#[test]
fn serve_survives_a_storm_and_ends_as_a_clean_build() {
    let site = small_site();
    let root = site.path();
    let log_dir = tempfile::tempdir().expect("tempdir");
    let log_path = log_dir.path().join("serve.log");
    let log = fs::File::create(&log_path).expect("log");
    let mut server = start_with_log(root, &[], Stdio::from(log));
    let mut previous = clean_build(root, &server);
    assert_serves(&server, "start", &previous, &[]);

    let mut steps: Vec<(&str, Step)> = Vec::new();
    steps.push((
        "a burst of 1,000 files",
        Box::new(|root| {
            for i in 0..900 {
                write(root, &format!("content/roles/storm-{i}.md"), &brief(i));
            }
            for i in 0..100 {
                write(root, &format!("content/notes/note-{i}.md"), &note(i));
            }
        }),
    ));
    steps.push((
        "the folder of briefs deleted",
        Box::new(|root| {
            // The guide links to a brief: it goes with them, like a real clean-up.
            fs::remove_dir_all(root.join("content/roles")).expect("rm roles");
            fs::remove_dir_all(root.join("content/guides")).expect("rm guides");
        }),
    ));
    steps.push((
        "a folder renamed",
        Box::new(|root| {
            fs::rename(root.join("content/notes"), root.join("content/handbook")).expect("mv")
        }),
    ));
    steps.push((
        "another set of files checked out",
        Box::new(|root| {
            fs::remove_dir_all(root.join("content")).expect("rm content");
            copy_dir(&repo().join("content"), &root.join("content"));
            // This site is in one language: the shipped German translations stay behind.
            for entry in walkdir::WalkDir::new(root.join("content")) {
                let path = entry.expect("walk").into_path();
                if path.to_string_lossy().ends_with(".de.md") {
                    fs::remove_file(&path).expect("rm translation");
                }
            }
        }),
    ));
    for (step, change) in &steps {
        change(root);
        let clean = clean_build(root, &server);
        let gone = removed(&previous, &clean);
        assert_serves(&server, step, &clean, &gone);
        assert!(
            server.child.try_wait().expect("status").is_none(),
            "serve exited during: {step}"
        );
        previous = clean;
    }

    let log = fs::read_to_string(&log_path).expect("log");
    assert!(!log.contains("panicked"), "{log}");
    let rebuilds = log
        .lines()
        .filter(|l| l.starts_with("Rebuilt after"))
        .count();
    // Each step is one burst of events: the first event may go through alone, the rest wait
    // for quiet and become one rebuild.
    assert!(
        rebuilds <= 2 * steps.len(),
        "{rebuilds} rebuilds for {} steps:\n{log}",
        steps.len()
    );
    eprintln!("{rebuilds} rebuilds for {} steps", steps.len());
}
