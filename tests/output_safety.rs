//! Nothing outside the output folder is ever deleted or modified. A tree with files beside
//! and around the site is snapshotted (bytes, link targets and modification times); `gen
//! build`, `gen watch` and `gen serve` run with dangerous outputs (`.`, `..`, `/`, the home
//! folder, a symbolic link, the content folder) and must refuse each with a clear error and
//! leave the tree exactly as it was; with a good output, only that folder changes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::*;
use predicates::prelude::PredicateBooleanExt;

/// Every entry below `dir` (symbolic links not followed): bytes or link target, and mtime.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (String, Option<SystemTime>)> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let meta = fs::symlink_metadata(e.path()).expect("metadata");
            let what = if meta.file_type().is_symlink() {
                format!(
                    "link to {}",
                    fs::read_link(e.path()).expect("link").display()
                )
            } else if meta.is_file() {
                String::from_utf8_lossy(&fs::read(e.path()).expect("read")).into_owned()
            } else {
                "folder".to_string()
            };
            let mtime = (!meta.is_dir()).then(|| meta.modified().expect("mtime"));
            let path = e.path().strip_prefix(dir).expect("prefix").to_path_buf();
            (path, (what, mtime))
        })
        .collect()
}

/// `outer/` holds the site, a home folder, a folder a link points at, and loose files.
struct World {
    _dir: tempfile::TempDir,
    outer: PathBuf,
    site: PathBuf,
    home: PathBuf,
}

fn world() -> World {
    let dir = tempfile::tempdir().expect("tempdir");
    let outer = fs::canonicalize(dir.path()).expect("real path");
    let site = outer.join("site");
    copy_dir(small_site().path(), &site);
    for (path, text) in [
        ("keep.txt", "beside the site"),
        ("notes/a.txt", "a note"),
        ("home/.profile", "home file"),
        ("home/work/plan.md", "my plan"),
        ("elsewhere/index.html", "not gen's"),
        ("site/README.txt", "inside the site, beside the output"),
        ("site/drafts/x.md", "a draft outside content"),
    ] {
        write(&outer, path, text);
    }
    std::os::unix::fs::symlink(outer.join("elsewhere"), site.join("linked")).expect("symlink");
    let home = outer.join("home");
    World {
        _dir: dir,
        outer,
        site,
        home,
    }
}

fn gen_at(world: &World) -> assert_cmd::Command {
    let mut cmd = gen_in(&world.site);
    cmd.env("HOME", &world.home)
        .timeout(Duration::from_secs(60));
    cmd
}

fn refusals(world: &World) -> Vec<(String, &'static str)> {
    vec![
        (".".to_string(), "site's root folder"),
        ("..".to_string(), "contains the site"),
        ("/".to_string(), "contains the site"),
        (world.home.display().to_string(), "your home folder"),
        ("linked".to_string(), "symbolic link"),
        ("content".to_string(), "inside the site's `content/` folder"),
        ("themes".to_string(), "inside the site's `themes/` folder"),
        (
            world.outer.join("elsewhere").display().to_string(),
            "did not create",
        ),
        ("README.txt".to_string(), "is a file"),
    ]
}

fn root_listing() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir("/")
        .expect("list /")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn build_and_watch_refuse_dangerous_outputs_and_touch_nothing() {
    let world = world();
    let before = tree(&world.outer);
    let slash = root_listing();
    for (output, reason) in refusals(&world) {
        for command in ["build", "watch"] {
            let result = gen_at(&world)
                .args([command, "--output", &output])
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&result.stderr);
            assert_eq!(
                result.status.code(),
                Some(2),
                "{command} --output {output}: {stderr}"
            );
            assert!(
                stderr.contains("refusing to write the site") && stderr.contains(reason),
                "{command} --output {output}: {stderr}"
            );
            assert!(
                stderr.contains("help:"),
                "{command} --output {output}: {stderr}"
            );
            assert_eq!(
                tree(&world.outer),
                before,
                "{command} --output {output} changed the tree"
            );
        }
    }
    assert_eq!(root_listing(), slash, "something appeared in /");
}

/// Everything but `public/` (the output) is as it was, and nothing is left beside it.
fn assert_only_public_changed(
    world: &World,
    before: &BTreeMap<PathBuf, (String, Option<SystemTime>)>,
    edited: &[&str],
) {
    let outside_output = |t: &BTreeMap<PathBuf, (String, Option<SystemTime>)>| {
        t.iter()
            .filter(|(p, _)| !p.starts_with("site/public"))
            .filter(|(p, _)| !edited.iter().any(|e| p.as_path() == Path::new(e)))
            .map(|(p, v)| (p.clone(), v.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(outside_output(&tree(&world.outer)), outside_output(before));
}

#[test]
fn build_writes_only_its_output_folder() {
    let world = world();
    let before = tree(&world.outer);
    for _ in 0..2 {
        gen_at(&world).arg("build").assert().success();
        assert!(world.site.join("public/index.html").is_file());
        assert_only_public_changed(&world, &before, &[]);
    }
}

/// Run `gen serve` or `gen watch`, edit a brief, wait for `done` in its log, stop it.
fn run_live(world: &World, args: &[&str], done: impl Fn(&World) -> bool) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .args(args)
        .current_dir(&world.site)
        .env("HOME", &world.home)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    // Let it start, then edit; poll (generously, only to avoid hanging) for the result.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut edited = false;
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        if !edited {
            let text = read(&world.site, "content/roles/engineer.md");
            write(
                &world.site,
                "content/roles/engineer.md",
                &text.replace("Body of the engineer brief.", "Edited while live."),
            );
            edited = true;
        }
        if done(world) {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn watch_writes_only_its_output_folder() {
    let world = world();
    let before = tree(&world.outer);
    run_live(&world, &["watch"], |w| {
        fs::read_to_string(w.site.join("public/roles/engineer/index.html"))
            .is_ok_and(|page| page.contains("Edited while live."))
    });
    assert!(
        read(&world.site, "public/roles/engineer/index.html").contains("Edited while live."),
        "watch rebuilt the page"
    );
    assert_only_public_changed(&world, &before, &["site/content/roles/engineer.md"]);
}

#[test]
fn serve_writes_nothing_at_all() {
    let world = world();
    let before = tree(&world.outer);
    let server = common::serve::start(&world.site, &[]);
    let text = read(&world.site, "content/roles/engineer.md");
    write(
        &world.site,
        "content/roles/engineer.md",
        &text.replace("Body of the engineer brief.", "Edited while live."),
    );
    let path = format!("{}roles/engineer/", server.base);
    common::serve::eventually(&server, &path, |r| r.body.contains("Edited while live."));
    drop(server);
    let after = tree(&world.outer);
    let mut changed: Vec<&PathBuf> = after
        .keys()
        .chain(before.keys())
        .filter(|p| after.get(*p) != before.get(*p))
        .collect();
    changed.dedup();
    assert_eq!(
        changed,
        [Path::new("site/content/roles/engineer.md")],
        "serve changed files other than the one edited"
    );
}

#[test]
fn single_page_never_overwrites_a_file_gen_did_not_write() {
    let site = small_site();
    let root = site.path();
    let brief = fs::read_dir(root.join("content/roles"))
        .expect("briefs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("a brief");
    let brief = brief
        .strip_prefix(root)
        .expect("inside the site")
        .to_string_lossy()
        .into_owned();
    for source in ["site.yaml", brief.as_str()] {
        let before = read(root, source);
        gen_in(root)
            .args(["build", "--quiet", "--single-page", source])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("is not a page gen wrote"));
        assert_eq!(read(root, source), before, "{source} was changed");
    }
    // A page gen wrote is replaced, as a rebuild should.
    for _ in 0..2 {
        gen_in(root)
            .args(["build", "--quiet", "--single-page", "playbook.html"])
            .assert()
            .success();
    }
    assert!(read(root, "playbook.html").contains("<html"));
}

/// `--single-page` and `--docx` into folders that do not exist yet: made, as the output
/// folder is (the write used to fail with "cannot read").
#[test]
fn single_page_and_docx_go_into_folders_made_for_them() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args(["build", "--single-page", "exports/2026/playbook.html"])
        .args(["--docx", "exports/word/playbook.docx"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "Wrote the whole playbook to exports/2026/playbook.html",
        ));
    assert!(read(root, "exports/2026/playbook.html").contains("<html"));
    assert!(root.join("exports/word/playbook.docx").is_file());
    // A write that fails says it was writing (`/proc/self` takes no new file, even as root).
    if cfg!(target_os = "linux") {
        gen_in(root)
            .args([
                "build",
                "--quiet",
                "--single-page",
                "/proc/self/playbook.html",
            ])
            .assert()
            .code(2)
            .stderr(
                predicates::str::contains("cannot write /proc/self/playbook.html")
                    .and(predicates::str::contains("cannot read").not()),
            );
    }
}

#[test]
fn a_build_removes_what_killed_builds_left_beside_the_output() {
    let site = small_site();
    let root = site.path();
    let left = [".public.new-4242-1733050000", ".public.old-4242-1733050001"];
    for folder in left {
        fs::create_dir_all(root.join(folder).join("roles")).expect("mkdir");
        fs::write(root.join(folder).join("index.html"), "half a site").expect("write");
    }
    // Not gen's: left alone.
    fs::create_dir_all(root.join(".public.new-notes")).expect("mkdir");
    gen_in(root).args(["build", "--quiet"]).assert().success();
    for folder in left {
        assert!(!root.join(folder).exists(), "{folder} is still there");
    }
    assert!(root.join(".public.new-notes").is_dir());
    assert!(root.join("public/index.html").is_file());
}

/// A `static/` or `templates/` folder, or a theme, linked to a folder outside the site is
/// refused: a hostile commit of `static -> ~/.ssh` must not publish keys.
#[cfg(unix)]
#[test]
fn folders_linked_from_outside_the_site_are_refused() {
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("id_rsa"), "PRIVATE KEY").expect("write");
    fs::write(outside.path().join("base.html"), "{{ 1 }}").expect("write");
    for link in ["static", "templates", "themes/default"] {
        let site = small_site();
        let root = site.path();
        let at = root.join(link);
        if at.exists() {
            fs::remove_dir_all(&at).expect("remove");
        }
        fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path(), &at).expect("symlink");
        gen_in(root)
            .args(["build", "--quiet"])
            .assert()
            .code(1)
            .stderr(predicates::str::contains("outside the site"));
        assert!(!root.join("public/id_rsa").exists(), "{link}: published");
    }
}

/// The published folder holds the site and nothing else (no marker file), and the next
/// build still knows it as gen's and replaces it.
#[test]
fn the_published_folder_holds_only_the_site() {
    let site = small_site();
    let root = site.path();
    for _ in 0..2 {
        gen_in(root).args(["build", "--quiet"]).assert().success();
    }
    let hidden: Vec<String> = fs::read_dir(root.join("public"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "published beside the site: {hidden:?}");
    // What gen knows its output by is a file the site publishes anyway.
    assert!(read(root, "public/roles.json").contains("\"generator\": \"rolebook gen "));
}
