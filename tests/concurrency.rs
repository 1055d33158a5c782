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
    // The lock as a live gen leaves it: this test process's id.
    write(root, ".public.lock", &format!("{}\n", std::process::id()));
    let mut child = spawn_build(root);
    std::thread::sleep(std::time::Duration::from_millis(800));
    let waiting = child.try_wait().expect("status").is_none();
    let wrote = root.join("public").exists();
    std::fs::remove_file(root.join(".public.lock")).expect("release the lock");
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
