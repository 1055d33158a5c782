//! The preview server: serves the last good site from memory under the site's base path,
//! injects a small live-reload script into HTML responses (never into the files on disk),
//! and pushes reload, stylesheet and error messages over a WebSocket on the same port.

use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::{Semaphore, broadcast};

use super::guard::{self, HostPolicy};
use crate::output::SiteFiles;

/// Below the base path; not a name a page can have (slugs have no underscores).
pub const LIVE_PATH: &str = "__gen/live";

/// The largest message or frame a live-reload socket takes. Browsers send nothing on it;
/// without a cap each socket could buffer 64 MiB of an unfinished message.
pub const LIVE_MESSAGE_LIMIT: usize = 64 * 1024;

/// Live-reload sockets open at once: one per open tab, so far more than a person uses.
pub const MAX_LIVE_SOCKETS: usize = 64;

/// What browsers are told.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum LiveMessage {
    /// Reload; with `follow`, open that page instead (the page just edited).
    Reload { follow: Option<String> },
    /// Only stylesheets changed: swap them in place.
    Css { paths: Vec<String> },
    /// The build failed: show the overlay.
    Error { html: String },
    /// A good build that changed nothing visible: clear the overlay.
    Ok,
}

/// What the server shows: the last good site, and the errors of the last build if it failed.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: SiteFiles,
    /// The overlay's HTML when the last build failed.
    pub errors: Option<String>,
}

pub struct LiveState {
    /// As browsers send it: non-ASCII characters percent-encoded.
    pub base_path: String,
    pub follow: bool,
    pub snapshot: RwLock<Snapshot>,
    pub events: broadcast::Sender<LiveMessage>,
    pub hosts: HostPolicy,
    live_sockets: Arc<Semaphore>,
}

impl LiveState {
    pub fn new(base_path: String, follow: bool, hosts: HostPolicy) -> Arc<LiveState> {
        let (events, _) = broadcast::channel(64);
        Arc::new(LiveState {
            base_path: encode_non_ascii(&base_path),
            follow,
            snapshot: RwLock::new(Snapshot::default()),
            events,
            hosts,
            live_sockets: Arc::new(Semaphore::new(MAX_LIVE_SOCKETS)),
        })
    }

    /// Publish a good build. Browsers hear of it only after the new files are in place.
    /// Publish a good build: the files it changed and removed.
    pub fn publish(&self, changed: &SiteFiles, removed: &[String], message: LiveMessage) {
        if let Ok(mut snapshot) = self.snapshot.write() {
            for (path, bytes) in changed {
                snapshot.files.insert(path.clone(), bytes.clone());
            }
            for path in removed {
                snapshot.files.remove(path);
            }
            snapshot.errors = None;
        }
        let _ = self.events.send(message);
    }

    /// Publish a failed build: the last good site stays, with the overlay on top.
    pub fn publish_errors(&self, text: &str) {
        let html = overlay_html(text);
        if let Ok(mut snapshot) = self.snapshot.write() {
            snapshot.errors = Some(html.clone());
        }
        let _ = self.events.send(LiveMessage::Error { html });
    }
}

/// How a request path maps to the site.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(String),
    Redirect(String),
    /// The server's root, for a site under a base path: where the site is. Temporary, so no
    /// browser remembers it for a site previewed at the root later.
    SiteIsAt(String),
    NotFound,
    BadRequest,
}

/// Map a raw (still percent-encoded) request path to a file of the site. Nothing here
/// touches the disk, and `..`, encoded dots, backslashes and NUL bytes never resolve.
pub fn resolve(base_path: &str, raw_path: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    if raw_path.len() + 1 == base_path.len() && base_path.starts_with(raw_path) {
        return Resolved::Redirect(base_path.to_string());
    }
    if raw_path == "/" && base_path != "/" {
        return Resolved::SiteIsAt(base_path.to_string());
    }
    let Some(rest) = raw_path.strip_prefix(base_path) else {
        return Resolved::NotFound;
    };
    let Some(decoded) = percent_decode(rest) else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\0', '\\']) || decoded.starts_with('/') {
        return Resolved::BadRequest;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    if segments
        .iter()
        .any(|s| *s == ".." || *s == "." || s.contains(':'))
    {
        return Resolved::BadRequest;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        let index = format!("{decoded}index.html");
        return if exists(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if exists(&decoded) {
        return Resolved::File(decoded);
    }
    if exists(&format!("{decoded}/index.html")) {
        return Resolved::Redirect(format!("{base_path}{rest}/"));
    }
    Resolved::NotFound
}

/// `%xx` decoding; `None` for malformed escapes or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// `%xx` for every byte of a non-ASCII character: the path a browser sends for `path`.
fn encode_non_ascii(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The live-reload client, inlined into served HTML.
fn live_script(base_path: &str, follow: bool) -> String {
    let config = serde_json::json!({ "url": format!("{base_path}{LIVE_PATH}"), "follow": follow });
    format!(
        "<script data-gen-live>{}</script>",
        include_str!("live.js").replace("__GEN_CONFIG__", &script_safe_json(&config))
    )
}

/// JSON that cannot end the `<script>` it sits in (`</script>`, `<!--`) nor break out of
/// a JavaScript string: `<`, `>`, `&` and the two line separators are `\u` escapes, which
/// can only occur inside JSON strings, where they mean the same characters.
fn script_safe_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

pub fn overlay_html(text: &str) -> String {
    let escaped = crate::markdown::escape(text);
    format!(
        "<div id=\"gen-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#f5f5f5;padding:2rem;font:14px/1.5 ui-monospace,monospace\"><p style=\"font-weight:bold;color:#ff8a80;margin:0 0 1rem\">The last edit broke the build. The page below is the last good build; fix the problem and save.</p><pre style=\"white-space:pre-wrap;margin:0\">{escaped}</pre></div>"
    )
}

/// `html` with the overlay (if any) and the live script before `</body>`.
pub fn inject(html: &[u8], script: &str, overlay: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let addition = format!("{}{script}", overlay.unwrap_or(""));
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + addition.len());
    out.push_str(&text[..at]);
    out.push_str(&addition);
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// Every request goes through one handler, which matches the base path itself: a route
/// built from `base_url` would read `{…}` in it as route syntax.
pub fn router(state: Arc<LiveState>) -> Router {
    Router::new().fallback(handle).with_state(state)
}

async fn handle(State(state): State<Arc<LiveState>>, request: Request) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("\u{fffd}"));
    if !state.hosts.allows(host) {
        return refusal(
            StatusCode::FORBIDDEN,
            "gen serve answers only requests for localhost, 127.0.0.1 and [::1] (or the host of --base-url): this one names another host. To preview under another name, pass it with --base-url (http://NAME:PORT/).",
        );
    }
    let path = request.uri().path();
    if path.strip_prefix(state.base_path.as_str()) == Some(LIVE_PATH) {
        return live_upgrade(&state, request).await;
    }
    serve_file(&state, path)
}

fn refusal(status: StatusCode, text: &str) -> Response {
    let mut response = (status, format!("{text}\n")).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

async fn live_upgrade(state: &Arc<LiveState>, request: Request) -> Response {
    if !guard::same_origin(request.headers()) {
        return refusal(
            StatusCode::FORBIDDEN,
            "the live-reload socket opens only from the preview's own pages.",
        );
    }
    let Ok(slot) = state.live_sockets.clone().try_acquire_owned() else {
        return refusal(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many live-reload connections are open; close some tabs of the preview.",
        );
    };
    let (mut parts, _) = request.into_parts();
    let ws = match WebSocketUpgrade::from_request_parts(&mut parts, state).await {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let events = state.events.subscribe();
    let errors = state.snapshot.read().ok().and_then(|s| s.errors.clone());
    ws.max_message_size(LIVE_MESSAGE_LIMIT)
        .max_frame_size(LIVE_MESSAGE_LIMIT)
        .on_upgrade(move |socket| async move {
            live_socket(socket, events, errors).await;
            drop(slot);
        })
}

fn serve_file(state: &LiveState, path: &str) -> Response {
    let Ok(snapshot) = state.snapshot.read() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let resolved = resolve(&state.base_path, path, |p| snapshot.files.contains_key(p));
    let script = live_script(&state.base_path, state.follow);
    let overlay = snapshot.errors.as_deref();
    let (status, key) = match resolved {
        Resolved::File(key) => (StatusCode::OK, Some(key)),
        Resolved::Redirect(to) => return redirect(StatusCode::MOVED_PERMANENTLY, &to),
        Resolved::SiteIsAt(to) => return redirect(StatusCode::TEMPORARY_REDIRECT, &to),
        Resolved::BadRequest => (StatusCode::BAD_REQUEST, None),
        Resolved::NotFound => (StatusCode::NOT_FOUND, Some("404.html".to_string())),
    };
    let file = key
        .as_ref()
        .and_then(|k| snapshot.files.get(k).map(|b| (k, b)));
    let (body, kind) = match file {
        Some((key, bytes)) if key.ends_with(".html") => (
            Body::from(inject(bytes, &script, overlay)),
            content_type(key),
        ),
        // The built file itself, shared with the snapshot: `roles.json` is tens of MB.
        Some((key, bytes)) => (Body::from(bytes.clone()), content_type(key)),
        None if overlay.is_some() => (
            Body::from(inject(
                b"<!doctype html><title>Build failed</title><body></body>",
                &script,
                overlay,
            )),
            "text/html; charset=utf-8",
        ),
        None => (
            Body::from(format!("{}\n", status)),
            "text/plain; charset=utf-8",
        ),
    };
    let status = if snapshot.files.is_empty() && overlay.is_some() {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        status
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn redirect(status: StatusCode, to: &str) -> Response {
    Response::builder()
        .status(status)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .unwrap_or_default()
}

async fn live_socket(
    mut socket: WebSocket,
    mut events: broadcast::Receiver<LiveMessage>,
    errors: Option<String>,
) {
    if let Some(html) = errors {
        let message = LiveMessage::Error { html };
        if send(&mut socket, &message).await.is_err() {
            return;
        }
    }
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(message) => {
                    if send(&mut socket, &message).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    if send(&mut socket, &LiveMessage::Reload { follow: None }).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(_)) => {}
                _ => return,
            },
        }
    }
}

async fn send(socket: &mut WebSocket, message: &LiveMessage) -> Result<(), axum::Error> {
    let text = serde_json::to_string(message).unwrap_or_default();
    socket.send(Message::Text(text.into())).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> bool {
        [
            "index.html",
            "roles/caio/index.html",
            "style.css",
            "404.html",
        ]
        .contains(&path)
    }

    #[test]
    fn paths_resolve_under_the_base_path() {
        let cases: &[(&str, &str, Resolved)] = &[
            ("/", "/", Resolved::File("index.html".into())),
            (
                "/",
                "/roles/caio/",
                Resolved::File("roles/caio/index.html".into()),
            ),
            (
                "/",
                "/roles/caio",
                Resolved::Redirect("/roles/caio/".into()),
            ),
            (
                "/",
                "/roles/caio/index.html",
                Resolved::File("roles/caio/index.html".into()),
            ),
            ("/", "/style.css", Resolved::File("style.css".into())),
            ("/", "/nope", Resolved::NotFound),
            (
                "/",
                "/r%6Fles/caio/",
                Resolved::File("roles/caio/index.html".into()),
            ),
            ("/pb/", "/pb/", Resolved::File("index.html".into())),
            ("/pb/", "/pb", Resolved::Redirect("/pb/".into())),
            ("/pb/", "/", Resolved::SiteIsAt("/pb/".into())),
            ("/a/b/", "/", Resolved::SiteIsAt("/a/b/".into())),
            ("/pb/", "/roles/caio/", Resolved::NotFound),
            (
                "/pb/",
                "/pb/roles/caio",
                Resolved::Redirect("/pb/roles/caio/".into()),
            ),
        ];
        for (base, path, expected) in cases {
            assert_eq!(&resolve(base, path, site), expected, "{path} under {base}");
        }
    }

    #[test]
    fn traversal_never_resolves() {
        let attempts = [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/roles/../../secret.txt",
            "/roles/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/%2e%2e%2fsecret.txt",
            "/..\\secret.txt",
            "/%5c..%5csecret.txt",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/secret.txt",
            "/index.html%00.css",
            "/%00",
            "/%zz",
            "/%c0%ae%c0%ae/secret.txt",
            "/./index.html",
        ];
        for attempt in attempts {
            let resolved = resolve("/", attempt, |_| true);
            assert!(
                matches!(resolved, Resolved::BadRequest | Resolved::NotFound),
                "{attempt} resolved to {resolved:?}"
            );
        }
    }

    #[test]
    fn injection_goes_before_the_body_end() {
        let html = inject(
            b"<html><body><p>x</p></body></html>",
            "<script>s</script>",
            Some("<div>o</div>"),
        );
        assert_eq!(
            String::from_utf8(html).expect("utf8"),
            "<html><body><p>x</p><div>o</div><script>s</script></body></html>"
        );
    }

    #[test]
    fn the_live_script_config_cannot_close_its_script() {
        let script = live_script("/a</script><script>alert(1)</script><!--&\u{2028}/", true);
        let inner = script
            .strip_prefix("<script data-gen-live>")
            .and_then(|s| s.strip_suffix("</script>"))
            .expect("one script element");
        assert!(!inner.contains("</") && !inner.contains("<!--"));
        let config = inner
            .split_once("var config = ")
            .and_then(|(_, rest)| rest.split_once(";\n"))
            .map(|(json, _)| json)
            .expect("config");
        assert!(!config.contains(['<', '>', '&', '\u{2028}']), "{config}");
        let value: serde_json::Value = serde_json::from_str(config).expect("json");
        assert_eq!(
            value["url"],
            "/a</script><script>alert(1)</script><!--&\u{2028}/__gen/live"
        );
    }

    #[test]
    fn the_base_path_is_matched_as_browsers_send_it() {
        assert_eq!(encode_non_ascii("/équipe/pb/"), "/%C3%A9quipe/pb/");
        assert_eq!(encode_non_ascii("/my%20book/"), "/my%20book/");
    }

    #[test]
    fn the_overlay_escapes_error_text() {
        let html = overlay_html("content/x.md:1:1: <script>");
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    }

    #[test]
    fn live_messages_are_tagged_json() {
        let text = serde_json::to_string(&LiveMessage::Reload {
            follow: Some("/roles/x/".into()),
        })
        .expect("json");
        assert_eq!(text, r#"{"kind":"reload","follow":"/roles/x/"}"#);
        assert_eq!(
            serde_json::to_string(&LiveMessage::Ok).expect("json"),
            r#"{"kind":"ok"}"#
        );
    }
}
