//! `gen serve` from tests: start it on a free port, send raw requests, poll pages.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `gen serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &Path, extra: &[&str]) -> Server {
    start_with_log(root, extra, Stdio::null())
}

pub fn start_with_log(root: &Path, extra: &[&str], stderr: Stdio) -> Server {
    start_with_env(root, extra, stderr, &[])
}

pub fn start_with_env(root: &Path, extra: &[&str], stderr: Stdio, env: &[(&str, &str)]) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .arg("serve")
        .args(if extra.contains(&"--port") {
            &[][..]
        } else {
            &["--port", "0"][..]
        })
        .args(extra)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("gen serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_string();
    let after_host = url.trim_start_matches("http://127.0.0.1:");
    let (port, path) = after_host.split_at(after_host.find('/').expect("path"));
    Server {
        child,
        port: port.parse().expect("port"),
        base: path.to_string(),
    }
}

pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

/// A request with the path sent exactly as given (no client-side normalization).
pub fn get(port: u16, raw_path: &str) -> Response {
    try_get(port, raw_path).expect("the server answers")
}

/// `get`, or `None` when nothing listens on the port (a server restarting in place).
pub fn try_get(port: u16, raw_path: &str) -> Option<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {raw_path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Some(Response {
        status,
        headers: head.to_lowercase(),
        body: body.to_string(),
    })
}

/// Poll until `check` passes on the page at `path`; a refused connection (the server
/// replacing its own process) is one more try.
pub fn eventually(server: &Server, path: &str, check: impl Fn(&Response) -> bool) -> Response {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let response = try_get(server.port, path).unwrap_or(Response {
            status: 0,
            headers: String::new(),
            body: "(connection refused)".to_string(),
        });
        if check(&response) {
            return response;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never passed; last: {} {}",
            response.status,
            &response.body[..response.body.len().min(300)]
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
