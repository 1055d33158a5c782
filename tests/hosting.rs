//! What a web host and a crawler meet: the 404 page a static host shows for any missing
//! address at any depth, in both link modes, judged by Python's RFC 3986 resolver and HTTP
//! client (`tests/tools/check_404.py`) against a static host and `gen serve`; the sitemap's
//! absolute addresses, read by Python's XML parser; and `roles.json`'s addresses, read by
//! Python's JSON parser and resolved from the file.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use rolebook::engine::site_links::JSON_URL_FIELDS;
use serde_json::Value;

const SUB_PATH: &str = "https://wiki.example.com/team/playbook/";

/// Python 3 runs the judges; a machine without it skips, saying so.
fn python() -> bool {
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("SKIPPED: python3 is not installed");
    }
    found
}

/// Missing addresses at several depths below `base_path`.
fn missing_below(base_path: &str) -> Vec<String> {
    [
        "nope",
        "roles/missing/",
        "roles/engineer/gone/deeper/",
        "a/b/c/d/x.html",
    ]
    .iter()
    .map(|p| format!("{base_path}{p}"))
    .collect()
}

/// Each page the judge loaded is the 404 page, answered with 404, and every stylesheet,
/// script and link on it loads.
fn assert_404_pages_work(results: &Value, what: &str) {
    let results = results.as_array().expect("a list");
    assert!(!results.is_empty());
    for page in results {
        assert_eq!(page["status"], 404, "{what}: {page}");
        let checked: Vec<&str> = page["checked"]
            .as_array()
            .expect("checked")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for asset in ["style.css", "playbook.js"] {
            assert!(
                checked.iter().any(|url| url.ends_with(asset)),
                "{what}: {asset} not on the page: {page}"
            );
        }
        assert!(
            page["failed"].as_array().is_some_and(Vec::is_empty),
            "{what}, {}: addresses that do not load: {:#}",
            page["path"],
            page["failed"]
        );
    }
}

#[test]
fn the_404_page_works_at_any_depth_in_both_link_modes() {
    if !python() {
        return;
    }
    let site = small_site();
    let root = site.path();
    let judge = repo().join("tests/tools/check_404.py");
    let judge = judge.to_str().expect("utf-8 path");
    for relative in [false, true] {
        for base_url in [None, Some(SUB_PATH)] {
            let base_path = base_url.map_or("/".to_string(), rolebook::config::base_path_of);
            let host = tempfile::tempdir().expect("tempdir");
            let public = host.path().join(base_path.trim_matches('/'));
            let mut build = gen_in(root);
            build.args(["build", "--quiet", "--output"]).arg(&public);
            if relative {
                build.arg("--relative-links");
            }
            if let Some(url) = base_url {
                build.args(["--base-url", url]);
            }
            build.assert().success();
            let host_dir = host.path().to_str().expect("utf-8 path");
            let mut args = vec![judge, "--serve", host_dir, "--base", &base_path];
            let paths = missing_below(&base_path);
            args.extend(paths.iter().map(String::as_str));
            let what = format!("static host, relative links {relative}, base {base_path}");
            assert_404_pages_work(&python_json(&args), &what);
        }
    }
}

/// `gen serve` answers a missing address with the same page, which works there too.
#[test]
fn the_404_page_of_gen_serve_works_at_any_depth() {
    if !python() {
        return;
    }
    let site = small_site();
    let root = site.path();
    let config =
        read(root, "site.yaml").replace("theme: default", "theme: default\nrelative_links: true");
    write(root, "site.yaml", &config);
    for base in [None, Some(SUB_PATH)] {
        let extra: Vec<&str> = base.map_or(Vec::new(), |url| vec!["--base-url", url]);
        let server = common::serve::start(root, &extra);
        let origin = format!("http://127.0.0.1:{}", server.port);
        let judge = repo().join("tests/tools/check_404.py");
        let mut args = vec![
            judge.to_str().expect("utf-8").to_string(),
            "--origin".into(),
            origin,
        ];
        args.extend(missing_below(&server.base));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_404_pages_work(
            &python_json(&args),
            &format!("gen serve at {}", server.base),
        );
    }
}

/// Python's XML parser reads the sitemap: every `<loc>` is an absolute http(s) address
/// of the site. With a `base_url` that names no host there is no sitemap, and the build
/// says why and how to have one.
#[test]
fn the_sitemap_holds_absolute_addresses_or_is_left_out_with_a_warning() {
    if !python() {
        return;
    }
    let site = small_site();
    let root = site.path();
    let build = gen_in(root)
        .args(["build", "--base-url", SUB_PATH])
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&build.get_output().stderr).contains("sitemap"));
    let sitemap = root.join("public/sitemap.xml");
    let script = "import sys, json, xml.etree.ElementTree as ET\n\
                  ns = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9'}\n\
                  tree = ET.parse(sys.argv[1])\n\
                  print(json.dumps([l.text.strip() for l in tree.getroot().findall('s:url/s:loc', ns)]))";
    let locs = python_json(&["-c", script, sitemap.to_str().expect("utf-8")]);
    let locs: Vec<&str> = locs
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(locs.len() > 5, "{locs:?}");
    for loc in &locs {
        assert!(
            loc.starts_with(SUB_PATH),
            "{loc} is not an absolute address of the site"
        );
    }
    assert!(locs.contains(&"https://wiki.example.com/team/playbook/roles/engineer/"));

    for (args, base) in [
        (vec![], "/"),
        (vec!["--base-url", "/team/playbook/"], "/team/playbook/"),
    ] {
        let out = gen_in(root).arg("build").args(&args).assert().success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            !sitemap.exists(),
            "{args:?}: a sitemap of paths was written"
        );
        assert!(
            stderr.contains("warning: no sitemap.xml was written")
                && stderr.contains(&format!("base_url `{base}` names no host"))
                && stderr.contains("https://wiki.example.com/playbook/"),
            "{args:?}: {stderr}"
        );
    }
}

/// With relative links, `roles.json` gives addresses relative to itself: each leads to a
/// file from the folder the file is in, wherever the site is put. Without, permalinks.
#[test]
fn roles_json_addresses_are_relative_with_relative_links() {
    if !python() {
        return;
    }
    let site = small_site();
    let root = site.path();
    let read_json = |public: &Path| {
        let script =
            "import sys, json\nprint(json.dumps(json.load(open(sys.argv[1], encoding='utf-8'))))";
        python_json(&[
            "-c",
            script,
            public.join("roles.json").to_str().expect("utf-8"),
        ])
    };
    gen_in(root)
        .args([
            "build",
            "--quiet",
            "--relative-links",
            "--base-url",
            SUB_PATH,
        ])
        .assert()
        .success();
    let public = root.join("public");
    let roles = read_json(&public);
    let roles = roles["roles"].as_array().expect("roles");
    assert_eq!(roles.len(), 2);
    let mut seen = 0;
    for role in roles {
        for field in JSON_URL_FIELDS {
            let Some(url) = role[field].as_str() else {
                continue;
            };
            seen += 1;
            assert!(
                !url.contains("://") && !url.starts_with('/'),
                "{field}: {url}"
            );
            assert!(
                public.join(url).is_file(),
                "{field}: {url} leads to no file"
            );
        }
    }
    assert!(seen >= 12, "{seen}");
    assert_eq!(roles[0]["url"], "roles/engineer/index.html");

    gen_in(root)
        .args(["build", "--quiet", "--base-url", SUB_PATH])
        .assert()
        .success();
    let roles = read_json(&public);
    assert_eq!(
        roles["roles"][0]["url"],
        "https://wiki.example.com/team/playbook/roles/engineer/"
    );
}
