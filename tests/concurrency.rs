//! Two `gen build` processes on one site at once: the output lock makes the second wait for
//! the first to swap its site in, so after every round the output is a complete site equal
//! to a single clean build, and no staging folder or lock is left behind.

mod common;

use std::process::{Command, Stdio};

use common::*;

fn spawn_build(root: &std::path::Path) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .arg("build")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts")
}

#[test]
fn two_builds_at_once_leave_one_complete_site() {
    let site = small_site();
    let root = site.path();
    // Enough pages that the two builds overlap.
    for i in 0..300 {
        write(
            root,
            &format!("content/roles/extra-{i}.md"),
            &ROLE_B
                .replace("title: Applied ML Engineer", &format!("title: Extra {i}"))
                .replace("hire_after: [head-of-ai]", "hire_after: []"),
        );
    }
    let reference = tempfile::tempdir().expect("tempdir");
    gen_in(root)
        .args(["build", "--output"])
        .arg(reference.path().join("out"))
        .assert()
        .success();
    let expected = snapshot(&reference.path().join("out"));

    for round in 0..5 {
        let children: Vec<_> = (0..2).map(|_| spawn_build(root)).collect();
        for child in children {
            let output = child.wait_with_output().expect("waits");
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        assert!(
            snapshot(&root.join("public")) == expected,
            "round {round}: the output is not the clean build"
        );
        let litter: Vec<String> = std::fs::read_dir(root)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".public"))
            .collect();
        assert!(litter.is_empty(), "round {round}: left behind {litter:?}");
    }
}

#[test]
fn a_build_waits_while_another_live_gen_holds_the_lock() {
    let site = small_site();
    let root = site.path();
    // The lock as a live gen holds it: the operating system's lock on `.public.lock`.
    let held = std::fs::File::create(root.join(".public.lock")).expect("lock file");
    held.lock().expect("locked");
    let mut child = spawn_build(root);
    std::thread::sleep(std::time::Duration::from_millis(800));
    let waiting = child.try_wait().expect("status").is_none();
    let wrote = root.join("public").exists();
    drop(held);
    let output = child.wait_with_output().expect("waits");
    assert!(waiting && !wrote, "the build did not wait for the lock");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(root.join("public/index.html").is_file());
    assert!(!root.join(".public.lock").exists());
}

/// A build killed while it holds the lock leaves its lock file, holding a process id that
/// may be anyone's by now (here init's, which never dies); the next build goes ahead at
/// once. The PID lock waited 60 s for it and then failed, and on a system without /proc
/// (macOS, Windows) it did so after every crash.
#[test]
fn a_lock_file_left_by_a_killed_build_blocks_nothing() {
    let site = small_site();
    let root = site.path();
    write(root, ".public.lock", "1\n");
    let started = std::time::Instant::now();
    let mut child = spawn_build(root);
    let deadline = started + std::time::Duration::from_secs(20);
    while child.try_wait().expect("status").is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let finished = child.try_wait().expect("status");
    if finished.is_none() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().expect("waits");
    assert!(
        finished.is_some_and(|s| s.success()),
        "the build waited for a lock nobody holds: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(root.join("public/index.html").is_file());
}

/// A web server reading the output while builds replace it always finds the folder and
/// its front page: on Linux the new site and the old trade names in one step.
#[cfg(target_os = "linux")]
#[test]
fn the_output_never_goes_missing_while_50_builds_replace_it() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let site = small_site();
    let root = site.path().to_path_buf();
    gen_in(&root).args(["build", "--quiet"]).assert().success();
    let done = AtomicBool::new(false);
    let (looks, missing) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let (folder, page) = (root.join("public"), root.join("public/index.html"));
            while !done.load(Ordering::Relaxed) {
                looks.fetch_add(1, Ordering::Relaxed);
                if !folder.is_dir() || std::fs::File::open(&page).is_err() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        for _ in 0..50 {
            let result = gen_in(&root).args(["build", "--quiet"]).output();
            if !result.as_ref().is_ok_and(|o| o.status.success()) {
                done.store(true, Ordering::Relaxed);
                panic!("a build failed: {result:?}");
            }
        }
        done.store(true, Ordering::Relaxed);
    });
    let (looks, missing) = (looks.into_inner(), missing.into_inner());
    assert!(looks > 1000, "the reader looked only {looks} times");
    assert_eq!(
        missing, 0,
        "public/ or its index.html was missing {missing} of {looks} times"
    );
}
