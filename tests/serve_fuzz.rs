//! Random and malformed requests against a running `gen serve`: request lines, methods,
//! versions, paths (encoded `..`, NUL, overlong UTF-8, backslashes, very long paths), hosts,
//! origins and headers. The server must never panic, never answer with a file from outside
//! the built site, never answer a foreign `Host` with a page, and keep answering normal
//! requests.
//!
//! `cargo test --test serve_fuzz` runs 300 requests from a fixed seed. Longer runs:
//! `SERVE_FUZZ_SECONDS=600 cargo test --test serve_fuzz -- --nocapture` (a new
//! seed each run, printed; `SERVE_FUZZ_SEED=N` repeats one; `SERVE_FUZZ_CASES=N` sets the
//! count instead).

mod common;

use std::fs::File;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::serve::*;
use common::*;

/// splitmix64: enough randomness for choosing pieces, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Methods, path segments, versions and headers a parser takes; the requests built only
/// from these reach the server's own handler.
const METHODS: &[&str] = &["GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "DELETE"];

const SEGMENTS: &[&str] = &[
    "..",
    ".",
    "%2e%2e",
    "%2E%2E",
    "%2e.",
    ".%2e",
    "%252e%252e",
    "%c0%ae%c0%ae",
    "%e0%80%ae",
    "%c0%af",
    "%00",
    "%",
    "%zz",
    "%ff",
    "%fe%ff",
    "..%2f",
    "..%5c",
    "%5c",
    ";",
    "..;",
    "%2f",
    "%3f",
    "%23",
    "?x=..%2f",
    "~",
    "C:",
    "index.html",
    "roles",
    "engineer",
    "style.css",
    "404.html",
    "search-index.json",
    "__gen",
    "live",
    "secret.txt",
    "site.yaml",
    "content",
    "etc",
    "passwd",
    "%C3%A9",
    "%E2%80%AE",
    "%0d%0a",
    "%09",
    "%20",
    "",
    "*",
    "@",
    "!$&'()+,=",
];

const VERSIONS: &[&str] = &["HTTP/1.1", "HTTP/1.1", "HTTP/1.0"];

/// And the pieces parsers refuse.
const WILD_METHODS: &[&str] = &[
    "PUT",
    "TRACE",
    "CONNECT",
    "PATCH",
    "PROPFIND",
    "get",
    "G\u{0}T",
    "GET GET",
    "",
    "\u{ff}\u{fe}",
    "A-VERY-LONG-METHOD",
];

const WILD_SEGMENTS: &[&str] = &[
    "\\", "..\\..", "#", "é", "\u{202e}", " ", "\"", "<script>", "{x}", "|", "^", "`",
];

const WILD_VERSIONS: &[&str] = &[
    "HTTP/2.0",
    "HTTP/0.9",
    "HTTP/9.9",
    "HTTP/1.1 extra",
    "http/1.1",
    "",
];

const HOSTS: &[&str] = &[
    "localhost",
    "localhost",
    "127.0.0.1",
    "[::1]",
    "evil.example",
    "evil.example:1111",
    "localhost.evil.example",
    "127.0.0.1.nip.io",
    "",
    "a b",
    "localhost:99999",
    "[::1",
    "\u{ff}host",
];

const HEADERS: &[&str] = &[
    "Connection: keep-alive",
    "Origin: http://localhost",
    "Cookie: a=b",
    "Connection: upgrade",
    "Upgrade: websocket",
    "Sec-WebSocket-Version: 13",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    "Origin: http://evil.example",
    "Origin: null",
    "Content-Length: 5",
    "Content-Length: -1",
    "Content-Length: 99999999999999999999",
    "Content-Length: 0",
    "Transfer-Encoding: chunked",
    "Transfer-Encoding: gzip, chunked",
    "Expect: 100-continue",
    "Range: bytes=0-1",
    "X-Forwarded-Host: evil.example",
    "Accept-Encoding: gzip",
    "If-None-Match: *",
];

const WILD_HEADERS: &[&str] = &[
    ": no-name",
    "No-Colon-Here",
    "Bad\u{0}Name: x",
    "X-Folded: a\r\n b",
];

/// One raw request, and whether it names a foreign host (one `Host` header, not ours).
fn request(rng: &mut Rng, port: u16) -> (Vec<u8>, bool) {
    let wild = rng.chance(35);
    let choose = |rng: &mut Rng, tame: &[&'static str], odd: &[&'static str]| {
        if wild && rng.chance(30) {
            rng.pick(odd)
        } else {
            rng.pick(tame)
        }
    };
    let method = choose(rng, METHODS, WILD_METHODS);
    let mut path = String::new();
    if rng.chance(5) {
        path.push_str(rng.pick(&["http://localhost", "http://evil.example", "//", "*"]));
    }
    for _ in 0..rng.below(7) {
        path.push('/');
        path.push_str(choose(rng, SEGMENTS, WILD_SEGMENTS));
    }
    if rng.chance(30) || path.is_empty() {
        path.push('/');
    }
    if rng.chance(3) {
        path.push_str(&"a".repeat(rng.below(70_000)));
    }
    if rng.chance(3) {
        path.push_str(&"%2e%2e/".repeat(rng.below(3_000)));
    }
    let version = choose(rng, VERSIONS, WILD_VERSIONS);
    let mut head = format!("{method} {path} {version}\r\n");
    let mut foreign = false;
    match rng.below(10) {
        0 => {}
        1 => head.push_str("Host: localhost\r\nHost: evil.example\r\n"),
        _ => {
            let host = rng.pick(HOSTS);
            foreign = host.contains("evil") || host.contains("nip.io");
            let port = if rng.chance(50) {
                format!(":{port}")
            } else {
                String::new()
            };
            let host = if host.contains(':') || host.is_empty() {
                host.to_string()
            } else {
                format!("{host}{port}")
            };
            head.push_str(&format!("Host: {host}\r\n"));
        }
    }
    for _ in 0..rng.below(5) {
        head.push_str(choose(rng, HEADERS, WILD_HEADERS));
        head.push_str("\r\n");
    }
    if rng.chance(2) {
        head.push_str(&format!("X-Huge: {}\r\n", "h".repeat(rng.below(200_000))));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut bytes = head.into_bytes();
    if rng.chance(10) {
        bytes.extend_from_slice(b"hello0\r\n\r\n");
    }
    if wild && rng.chance(10) {
        // A stray byte anywhere: control characters, invalid UTF-8. A `\n` can end the
        // head before `Host`, which then names no host at all: no longer foreign.
        let at = rng.below(bytes.len());
        bytes[at] = rng.pick(&[0u8, 0x0b, 0x7f, 0x80, 0xc0, 0xff, b' ', b'\n']);
        return (bytes, false);
    }
    (bytes, foreign)
}

/// The status and the bytes of an answer; waits at most a few seconds for a request the
/// server is still reading (an unfinished body or head).
fn exchange(port: u16, bytes: &[u8]) -> (u16, Vec<u8>) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, Vec::new());
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
    let _ = stream.write_all(bytes);
    let mut answer = Vec::new();
    let mut buffer = [0u8; 65536];
    while let Ok(n) = stream.read(&mut buffer) {
        if n == 0 || answer.len() > 8 << 20 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
    }
    let status = String::from_utf8_lossy(&answer[..answer.len().min(12)])
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// Text that only files outside the built site hold.
const SECRETS: &[&str] = &[
    "TOP-SECRET-OUTSIDE",
    "TOP-SECRET-ROOT",
    "root:x:0",
    "archetype: builder",
    "capabilities:\n",
];

fn shown(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]);
    format!("{text:?} ({} bytes)", bytes.len())
}

#[test]
fn random_and_malformed_requests_never_leak_panic_or_stop_the_server() {
    let seed: u64 = std::env::var("SERVE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            if std::env::var_os("SERVE_FUZZ_SECONDS").is_some() {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            } else {
                0x5EED
            }
        });
    let seconds: Option<u64> = std::env::var("SERVE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let cases: usize = std::env::var("SERVE_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if seconds.is_some() { usize::MAX } else { 300 });
    eprintln!("serve fuzz: seed {seed}");

    let outer = tempfile::tempdir().expect("tempdir");
    std::fs::write(outer.path().join("secret.txt"), "TOP-SECRET-OUTSIDE").expect("secret");
    let root = outer.path().join("site");
    copy_dir(small_site().path(), &root);
    std::fs::write(root.join("secret.txt"), "TOP-SECRET-ROOT").expect("secret");
    let log_path = outer.path().join("serve.log");
    let log = File::create(&log_path).expect("log");
    let mut server = start_with_log(&root, &[], Stdio::from(log));
    let port = server.port;

    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    let mut sent = 0;
    let mut handled = 0;
    while sent < cases && seconds.is_none_or(|s| started.elapsed().as_secs() < s) {
        let (bytes, foreign) = request(&mut rng, port);
        let (status, answer) = exchange(port, &bytes);
        *statuses.entry(status).or_default() += 1;
        let text = String::from_utf8_lossy(&answer);
        // Answers of the site's handler (files, 404s, its 400s, its refusals), not the parser's.
        if text.contains("no-store") || text.contains("gen serve answers only") {
            handled += 1;
        }
        for secret in SECRETS {
            assert!(
                !text.contains(secret),
                "case {sent} (seed {seed}) leaked {secret:?}: {}",
                shown(&bytes)
            );
        }
        assert!(
            !(foreign && [200, 301, 101].contains(&status)),
            "case {sent} (seed {seed}): a foreign host got {status}: {}",
            shown(&bytes)
        );
        sent += 1;
        if sent % 25 == 0 {
            let home = get(port, "/");
            assert!(
                home.status == 200 && home.body.contains("Head of AI"),
                "after case {sent} (seed {seed}) the home page is {}",
                home.status
            );
            assert!(
                server.child.try_wait().expect("status").is_none(),
                "serve exited after case {sent} (seed {seed})"
            );
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!(
        "serve fuzz: {sent} requests in {elapsed:.0} s ({:.0}/s), {handled} reached the handler; statuses {statuses:?}",
        sent as f64 / elapsed
    );
    assert_eq!(get(port, "/").status, 200, "still serving at the end");
    let _ = server.child.kill();
    let _ = server.child.wait();
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(!log.contains("panicked"), "serve panicked:\n{log}");
}
