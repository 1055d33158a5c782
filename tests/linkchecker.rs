//! An independent judge of gen's links: LinkChecker (PyPI's `linkchecker`) follows every link
//! and anchor of the built site, opened from disk with relative links and served over HTTP
//! under a sub-path with absolute ones. `.ci/run` installs it; elsewhere the test says why
//! it skips.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::*;

const SUB_PATH: &str = "https://wiki.example.com/team/playbook/";

fn linkchecker_available() -> bool {
    Command::new("linkchecker")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run LinkChecker from `start` (anchors too when `anchors`: each `#fragment` is fetched
/// and parsed again, which takes LinkChecker seconds on the shipped site); its report when it
/// finds anything.
fn linkchecker(start: &str, anchors: bool, config_dir: &Path) -> Result<(), String> {
    let config = config_dir.join("linkcheckerrc");
    // LinkChecker sends at most 10 requests a second to a host unless the host answers with a
    // `LinkChecker` header, which the test server does.
    let plugins = if anchors { "[AnchorCheck]\n" } else { "" };
    std::fs::write(
        &config,
        format!("[checking]\nmaxrequestspersecond=1000\n{plugins}"),
    )
    .expect("linkchecker config");
    let result = Command::new("linkchecker")
        .args([
            "--no-status",
            "--no-robots",
            "--recursion-level",
            "-1",
            "--config",
        ])
        .arg(&config)
        .arg(start)
        .output()
        .expect("linkchecker runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    let clean = report.contains(" 0 warnings found") && report.contains(" 0 errors found");
    let followed_links = !report.contains(" 1 link in 1 URL checked");
    if result.status.success() && clean && followed_links {
        Ok(())
    } else {
        Err(report)
    }
}

/// Build the site at `root` into `output` with `args`.
fn build(root: &Path, output: &Path, args: &[&str]) {
    gen_in(root)
        .args(["build", "--quiet", "--output"])
        .arg(output)
        .args(args)
        .assert()
        .success();
}

/// LinkChecker drops root's privileges to `nobody`: the build must be readable by all.
fn readable_by_all(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

/// A static file server (Python's) over `dir` on a free port, stopped when dropped.
struct StaticServer {
    child: Child,
    port: u16,
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Python's file server, answering with the header that lets LinkChecker go at full speed.
const SERVER_PY: &str = r#"
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "allowed")
        super().end_headers()
    def log_message(self, *args):
        pass
handler = functools.partial(Handler, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"#;

fn serve_statically(dir: &Path) -> StaticServer {
    let mut child = Command::new("python3")
        .args(["-c", SERVER_PY])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the server's port");
    let port = line
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("no port in {line:?}"));
    StaticServer { child, port }
}

#[test]
fn linkchecker_finds_no_broken_link_or_anchor() {
    if !linkchecker_available() {
        println!("SKIPPED LinkChecker: linkchecker is not installed (pip install linkchecker)");
        return;
    }
    // Two languages: every link of both trees (switchers, alternates, links from the
    // German pages to the English pages they do not translate) and every anchor.
    let multilingual = multilingual_site();
    // (name, site, whether to follow anchors too)
    let paged = paged_playbook(4);
    let sites = [
        ("shipped", repo(), false),
        (
            "awkward names",
            repo().join("tests/fixtures/unicode-links"),
            true,
        ),
        ("multilingual", multilingual.path().to_path_buf(), true),
        // Listings of four cards a page: the links between pages, `page/1/`'s redirect.
        ("paged", paged.path().to_path_buf(), false),
    ];
    for (name, root, anchors) in sites {
        let out = tempfile::tempdir().expect("tempdir");
        readable_by_all(out.path());

        let from_disk = out.path().join("relative");
        build(&root, &from_disk, &["--relative-links"]);
        let start = format!("file://{}", from_disk.join("index.html").display());
        if let Err(report) = linkchecker(&start, anchors, out.path()) {
            panic!("{name}, relative links, from disk:\n{report}");
        }

        // Served as a static host would, under the sub-path of the base URL.
        let served = out.path().join("served");
        build(
            &root,
            &served.join("team/playbook"),
            &["--base-url", SUB_PATH],
        );
        let server = serve_statically(&served);
        let start = format!("http://127.0.0.1:{}/team/playbook/", server.port);
        if let Err(report) = linkchecker(&start, anchors, out.path()) {
            panic!("{name}, absolute links under {SUB_PATH}, served:\n{report}");
        }
    }
}

/// nginx (Debian's package) running the README's recipe, `docs/publishing/nginx.conf`, as
/// written but for its port and folder, in a configuration of its own on a loopback port.
/// One process (`master_process off`), so stopping it leaves no worker behind.
struct Nginx {
    child: Child,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx_binary() -> Option<std::path::PathBuf> {
    [
        "/usr/sbin/nginx",
        "/usr/local/sbin/nginx",
        "/usr/local/bin/nginx",
    ]
    .into_iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.is_file())
}

fn start_nginx(binary: &Path, prefix: &Path, www: &Path, port: u16) -> Nginx {
    let recipe = read(&repo(), "docs/publishing/nginx.conf")
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("root /srv/www;", &format!("root {};", www.display()))
        // The header that lets LinkChecker go faster than 10 requests a second, in each
        // block that sets headers (nginx does not inherit them into one that sets its own).
        .replace(
            "add_header Cache-Control",
            "add_header LinkChecker allowed;\n            add_header Cache-Control",
        )
        .replace(
            "index index.html;",
            "index index.html;\n        add_header LinkChecker allowed;",
        );
    let p = prefix.display();
    let config = format!(
        "master_process off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\nevents {{ worker_connections 64; }}\nhttp {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path {p}/body;\n  proxy_temp_path {p}/proxy;\n  fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n{recipe}\n}}\n"
    );
    let file = prefix.join("nginx.conf");
    std::fs::write(&file, config).expect("nginx.conf");
    let child = Command::new(binary)
        .arg("-p")
        .arg(prefix)
        .arg("-c")
        .arg(&file)
        .args(["-g", "daemon off;"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    let server = Nginx { child };
    let up = wait_until(|| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
    assert!(
        up,
        "nginx did not answer on port {port}: {}",
        std::fs::read_to_string(prefix.join("error.log")).unwrap_or_default()
    );
    server
}

/// Fetches a missing page three folders deep and every address its 404 page loads or
/// links to on the same host, and the caching headers of a page and a stylesheet.
const MISSING_PAGE_JUDGE: &str = r##"
import json, sys, urllib.error, urllib.parse, urllib.request
from html.parser import HTMLParser
base = sys.argv[1]
missing = base + "roles/no-such-brief/deeper/page"
try:
    urllib.request.urlopen(missing)
    raise SystemExit("a missing page answered 200")
except urllib.error.HTTPError as e:
    status, body = e.code, e.read().decode()
class Refs(HTMLParser):
    refs = []
    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.refs.append(value)
refs = Refs()
refs.feed(body)
host = urllib.parse.urlsplit(base).netloc
loaded = []
for ref in refs.refs:
    if ref.startswith("#"):
        continue
    url = urllib.parse.urljoin(missing, ref).split("#")[0]
    if urllib.parse.urlsplit(url).netloc == host:
        urllib.request.urlopen(url)
        loaded.append(url)
print(json.dumps({
    "status": status,
    "title": "<title>" in body,
    "loaded": loaded,
    "page_cache": urllib.request.urlopen(base).headers.get("Cache-Control"),
    "css_cache": urllib.request.urlopen(base + "style.css").headers.get("Cache-Control"),
}))
"##;

#[test]
fn the_nginx_recipe_serves_every_link_and_the_404_page_under_a_sub_path() {
    let Some(binary) = nginx_binary() else {
        println!("SKIPPED nginx recipe: nginx is not installed (apt-get install nginx-light)");
        return;
    };
    if !linkchecker_available() {
        println!("SKIPPED nginx recipe: linkchecker is not installed (pip install linkchecker)");
        return;
    }
    let out = tempfile::tempdir().expect("tempdir");
    readable_by_all(out.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let base = format!("http://127.0.0.1:{port}/playbook/");
    let www = out.path().join("www");
    build(&repo(), &www.join("playbook"), &["--base-url", &base]);
    let _nginx = start_nginx(&binary, out.path(), &www, port);
    if let Err(report) = linkchecker(&base, false, out.path()) {
        panic!("served by nginx under {base}:\n{report}");
    }
    let seen = python_json(&["-c", MISSING_PAGE_JUDGE, &base]);
    assert_eq!(seen["status"], 404, "{seen}");
    assert_eq!(seen["title"], true, "the playbook's own 404 page: {seen}");
    let loaded: Vec<&str> = seen["loaded"]
        .as_array()
        .expect("loaded")
        .iter()
        .filter_map(|u| u.as_str())
        .collect();
    assert!(
        loaded.iter().any(|u| u.ends_with("/playbook/style.css")),
        "the 404 page's styles load from any depth: {seen}"
    );
    assert!(
        loaded.iter().any(|u| u.ends_with("/playbook/")),
        "its home link works: {seen}"
    );
    assert_eq!(seen["page_cache"], "no-cache", "{seen}");
    assert_eq!(seen["css_cache"], "public, max-age=3600", "{seen}");
}

/// The CI recipes parse as YAML, build with `gen build --base-url` and publish `public/`.
#[test]
fn the_ci_recipes_build_with_a_base_url_and_publish_public() {
    let script = r#"
import json, sys, yaml
github = yaml.safe_load(open(sys.argv[1]))
gitlab = yaml.safe_load(open(sys.argv[2]))
steps = github["jobs"]["build"]["steps"]
print(json.dumps({
    "github_runs": [s.get("run", "") for s in steps],
    "github_artifact": [s.get("with", {}).get("path") for s in steps if "upload-pages-artifact" in s.get("uses", "")],
    "gitlab_script": gitlab["pages"]["script"],
    "gitlab_artifacts": gitlab["pages"]["artifacts"]["paths"],
}))
"#;
    let has_yaml = Command::new("python3")
        .args(["-c", "import yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_yaml {
        println!("SKIPPED CI recipes: PyYAML is not installed (pip install pyyaml)");
        return;
    }
    let dir = repo().join("docs/publishing");
    let seen = python_json(&[
        std::ffi::OsStr::new("-c"),
        script.as_ref(),
        dir.join("github-pages.yml").as_os_str(),
        dir.join("gitlab-ci.yml").as_os_str(),
    ]);
    let builds = |runs: &serde_json::Value| {
        runs.as_array().expect("commands").iter().any(|r| {
            r.as_str()
                .is_some_and(|r| r.starts_with("gen build --base-url"))
        })
    };
    assert!(builds(&seen["github_runs"]), "{seen}");
    assert!(builds(&seen["gitlab_script"]), "{seen}");
    assert_eq!(
        seen["github_artifact"],
        serde_json::json!(["public"]),
        "{seen}"
    );
    assert_eq!(
        seen["gitlab_artifacts"],
        serde_json::json!(["public"]),
        "{seen}"
    );
}
