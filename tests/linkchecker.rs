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
    // (name, site, whether to follow anchors too)
    let sites = [
        ("shipped", repo(), false),
        (
            "awkward names",
            repo().join("tests/fixtures/unicode-links"),
            true,
        ),
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
