//! `gen serve` against hostile clients and odd settings: base URLs that are route syntax
//! or markup, foreign `Host` names (DNS rebinding), WebSockets from other origins, half-open
//! and idle connections, oversized WebSocket frames, and a bind beyond this machine.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::serve::*;
use common::*;

type Socket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>;

/// Generous: only so that a server that never does the thing fails instead of hanging.
const DEADLINE: Duration = Duration::from_secs(60);

/// The status line's code and the body of a `GET path` sent with this `Host` header.
fn get_as(port: u16, host: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// Open the live-reload socket, sending `Origin` when given.
fn live_from(server: &Server, origin: Option<&str>) -> Result<Socket, tungstenite::Error> {
    use tungstenite::client::IntoClientRequest;
    let url = format!("ws://127.0.0.1:{}{}__gen/live", server.port, server.base);
    let mut request = url.into_client_request().expect("request");
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("origin", origin.parse().expect("origin"));
    }
    let (socket, _) = tungstenite::connect(request)?;
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = socket.get_ref() {
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .expect("timeout");
    }
    Ok(socket)
}

fn refused_status(result: Result<Socket, tungstenite::Error>) -> Option<u16> {
    match result {
        Err(tungstenite::Error::Http(response)) => Some(response.status().as_u16()),
        _ => None,
    }
}

/// Whether the server ends this socket (close frame, EOF or reset) before `DEADLINE`.
fn closed_by_server(socket: &mut Socket) -> bool {
    let deadline = Instant::now() + DEADLINE;
    while Instant::now() < deadline {
        match socket.read() {
            Ok(tungstenite::Message::Close(_)) => return true,
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return true,
        }
    }
    false
}

/// Seconds until the server closes `stream` (a read ends or fails), or `None` past
/// `DEADLINE`.
fn seconds_until_closed(stream: &mut TcpStream) -> Option<f64> {
    let started = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("timeout");
    let mut buffer = [0u8; 4096];
    while started.elapsed() < DEADLINE {
        match stream.read(&mut buffer) {
            Ok(0) => return Some(started.elapsed().as_secs_f64()),
            Ok(_) => {}
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return Some(started.elapsed().as_secs_f64()),
        }
    }
    None
}

fn with_base_url(base_url: &str) -> tempfile::TempDir {
    let site = small_site();
    let config = read(site.path(), "site.yaml").replace(
        "base_url: /",
        &format!("base_url: '{}'", base_url.replace('\'', "''")),
    );
    write(site.path(), "site.yaml", &config);
    site
}

#[test]
fn a_base_url_of_route_syntax_or_markup_shows_the_error_instead_of_panicking() {
    for base_url in [
        "https://wiki.example.com/{*rest}/",
        "/{x}{y}/",
        "/a</script><script>alert(1)</script>/",
    ] {
        let site = with_base_url(base_url);
        let mut server = start(site.path(), &[]);
        let response = eventually(&server, "/", |r| r.status != 0);
        assert_eq!(response.status, 500, "{base_url}: {}", response.body);
        assert!(
            response.body.contains("cannot stand in a URL path"),
            "{base_url}: {}",
            response.body
        );
        assert!(!response.body.contains("alert(1)</script>"), "{base_url}");
        assert!(
            server.child.try_wait().expect("status").is_none(),
            "{base_url}: serve exited"
        );
    }
}

#[test]
fn an_unusable_base_url_flag_is_refused_before_serving() {
    let site = small_site();
    for base_url in ["foo", "/{*rest}/", "/pb</script>/"] {
        let output = gen_in(site.path())
            .args(["serve", "--port", "0", "--base-url", base_url])
            .timeout(DEADLINE)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{base_url}: {stderr}");
        assert!(stderr.contains("--base-url"), "{stderr}");
        assert!(stderr.contains("help: use an absolute URL"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_percent_encoded_or_non_ascii_base_path_is_served() {
    let site = with_base_url("https://wiki.example.com/équipe/my%20book/");
    let server = start(site.path(), &[]);
    let page = get(server.port, "/%C3%A9quipe/my%20book/roles/engineer/");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("/%C3%A9quipe/my%20book/__gen/live"));
    let url = format!(
        "ws://127.0.0.1:{}/%C3%A9quipe/my%20book/__gen/live",
        server.port
    );
    assert!(tungstenite::connect(url).is_ok(), "the live socket opens");
}

#[test]
fn requests_naming_another_host_are_refused_on_loopback() {
    let site = with_base_url("https://wiki.example.com/pb/");
    let server = start(site.path(), &[]);
    let port = server.port;
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
    ] {
        let (status, body) = get_as(port, &host, "/pb/");
        assert_eq!(status, 403, "Host: {host}");
        assert!(body.contains("answers only"), "{body}");
        assert!(!body.contains("Head of AI"), "Host: {host} got the page");
        let (status, _) = get_as(port, &host, "/pb/__gen/live");
        assert_eq!(status, 403, "Host: {host} on the live path");
    }
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("wiki.example.com:{port}"),
    ] {
        let (status, body) = get_as(port, &host, "/pb/");
        assert_eq!(status, 200, "Host: {host}");
        assert!(body.contains("Head of AI"), "Host: {host}");
    }
}

#[test]
fn the_live_socket_opens_only_from_the_preview_s_own_origin() {
    let site = small_site();
    // A failed build: the socket would send its overlay, quoting the broken file.
    write(
        site.path(),
        "content/roles/engineer.md",
        "---\ntitle: [SECRET-LINE\n---\n",
    );
    let server = start(site.path(), &[]);
    let port = server.port;
    for origin in [
        "http://evil.example".to_string(),
        format!("http://evil.example:{port}"),
        format!("http://localhost:{}", port.wrapping_add(1)),
        "null".to_string(),
    ] {
        assert_eq!(
            refused_status(live_from(&server, Some(&origin))),
            Some(403),
            "Origin: {origin}"
        );
    }
    let own = format!("http://127.0.0.1:{port}");
    let mut socket = live_from(&server, Some(&own)).expect("own origin opens");
    let deadline = Instant::now() + DEADLINE;
    let overlay = loop {
        assert!(Instant::now() < deadline, "no overlay on the own origin");
        if let Ok(tungstenite::Message::Text(text)) = socket.read() {
            break text.to_string();
        }
    };
    assert!(overlay.contains("SECRET-LINE"), "{overlay}");
    assert!(live_from(&server, None).is_ok(), "no Origin: not a browser");
}

#[test]
fn an_oversized_websocket_frame_closes_the_socket() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut socket = live_from(&server, None).expect("socket");
    let big = vec![b'x'; 1024 * 1024];
    let _ = socket.send(tungstenite::Message::Binary(big.into()));
    assert!(
        closed_by_server(&mut socket),
        "a 1 MiB frame was taken, and the socket kept open"
    );
    let small = live_from(&server, None).expect("a new socket");
    drop(small);
    assert_eq!(get(server.port, "/").status, 200, "still serving");
}

#[test]
fn live_sockets_are_capped_and_a_closed_one_frees_its_place() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut sockets: Vec<Socket> = (0..64)
        .map(|i| live_from(&server, None).unwrap_or_else(|e| panic!("socket {i}: {e}")))
        .collect();
    assert_eq!(refused_status(live_from(&server, None)), Some(503));
    let mut first = sockets.remove(0);
    let _ = first.close(None);
    let _ = first.flush();
    drop(first);
    assert!(
        wait_until(|| live_from(&server, None).is_ok()),
        "the place of a closed socket was never freed"
    );
    assert_eq!(get(server.port, "/").status, 200);
}

/// `gen serve` with at most `files` open files, as on systems whose default is 1,024.
#[cfg(unix)]
fn start_with_file_limit(root: &std::path::Path, files: u32) -> (Child, u16) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -n {files} && exec \"$0\" serve --port 0"))
        .arg(assert_cmd::cargo::cargo_bin("gen"))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sh");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (child, port)
}

#[cfg(unix)]
#[test]
fn half_open_connections_are_closed_and_do_not_starve_requests() {
    let site = small_site();
    let (mut child, port) = start_with_file_limit(site.path(), 256);
    // More unfinished request lines than the server has file handles.
    let mut half_open: Vec<TcpStream> = Vec::new();
    for _ in 0..300 {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            break;
        };
        let _ = stream.write_all(b"GET / HTTP/1.1\r\n");
        half_open.push(stream);
    }
    let started = Instant::now();
    let answered = wait_for_an_answer(port);
    let answer_seconds = started.elapsed().as_secs_f64();
    let last = half_open.len() - 1;
    let closed = seconds_until_closed(&mut half_open[last]);
    eprintln!(
        "{} half-open connections: a normal request answered after {answer_seconds:.1} s; the last one opened closed by the server {closed:?} s later",
        half_open.len()
    );
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        answered,
        Some(200),
        "no answer within {DEADLINE:?} behind half-open connections"
    );
    assert!(closed.is_some(), "a half-open connection was never closed");
}

/// The status of `GET /` sent in a thread, if it comes before `DEADLINE`.
fn wait_for_an_answer(port: u16) -> Option<u16> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            return;
        };
        let _ = stream.set_read_timeout(Some(DEADLINE));
        let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        let mut head = [0u8; 12];
        if stream.read_exact(&mut head).is_ok() {
            let status = String::from_utf8_lossy(&head[9..12]).parse().unwrap_or(0);
            let _ = sender.send(status);
        }
    });
    receiver.recv_timeout(DEADLINE).ok()
}

#[test]
fn an_idle_kept_alive_connection_is_closed() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream
        .write_all(b"GET /style.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).expect("an answer");
    assert_eq!(&head[9..12], b"200");
    // The rest of the response arrives, then the connection idles until the server ends it.
    let closed = seconds_until_closed(&mut stream);
    eprintln!("an idle kept-alive connection closed after {closed:?} s");
    assert!(closed.is_some(), "an idle connection was kept forever");
}

/// Lines of the child's stderr, read in a thread so a silent child cannot hang the test.
fn stderr_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    let stderr = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    receiver
}

/// Whether a line containing `needle` comes before the line containing `until`.
fn says_before(lines: &mpsc::Receiver<String>, needle: &str, until: &str) -> bool {
    let deadline = Instant::now() + DEADLINE;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return true,
            Ok(line) if line.contains(until) => return false,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn a_bind_beyond_loopback_warns_that_the_network_can_read_the_preview() {
    let site = small_site();
    for (bind, warns) in [("0.0.0.0", true), ("127.0.0.1", false)] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("gen"))
            .args(["serve", "--port", "0", "--bind", bind])
            .current_dir(site.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gen serve");
        let lines = stderr_lines(&mut child);
        let warned = says_before(&lines, "anyone on the network", "Built ");
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(warned, warns, "--bind {bind}");
    }
}
