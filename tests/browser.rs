//! What runs in the page, in a real headless Chromium driven over WebDriver: live reload
//! after an edit (no manual reload), the error overlay and its recovery, and following the
//! browser to the page just edited. Skips, saying why, where Chromium or ChromeDriver is
//! missing (`.ci/run` installs both).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Option<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .ok()?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    // Read exactly one response: ChromeDriver keeps connections open.
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

struct Browser {
    port: u16,
    session: String,
    _driver: Killed,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Result<Browser, String> {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            if !Path::new(tool).exists() {
                return Err(format!(
                    "{tool} is not installed (apt-get install chromium chromium-driver)"
                ));
            }
        }
        let port = free_port();
        let driver = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("chromedriver does not start: {e}"))?;
        let driver = Killed(driver);
        let deadline = Instant::now() + Duration::from_secs(20);
        while request(port, "GET", "/status", None).is_none() {
            if Instant::now() > deadline {
                return Err("chromedriver never answered".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        }}});
        let created =
            request(port, "POST", "/session", Some(&capabilities)).ok_or("no session answer")?;
        let session = created["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| format!("Chromium does not start: {created}"))?
            .to_string();
        Ok(Browser {
            port,
            session,
            _driver: driver,
            _profile: profile,
        })
    }

    fn go(&self, url: &str) {
        request(
            self.port,
            "POST",
            &format!("/session/{}/url", self.session),
            Some(&json!({"url": url})),
        )
        .expect("navigate");
    }

    fn eval(&self, script: &str) -> Value {
        let body = json!({"script": script, "args": []});
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(&body),
        )
        .expect("execute");
        answer["value"].clone()
    }

    /// Wait until `script` returns true.
    fn until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.eval(script) != json!(true) {
            assert!(Instant::now() < deadline, "the page never showed: {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}

#[test]
fn the_page_follows_edits_errors_and_fixes_without_a_manual_reload() {
    let browser = match Browser::start() {
        Ok(browser) => browser,
        Err(reason) => {
            println!("SKIPPED browser test: {reason}");
            return;
        }
    };
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/roles/extra.md",
        &ROLE_B
            .replace("title: Applied ML Engineer", "title: Extra")
            .replace("hire_after: [head-of-ai]", "hire_after: []"),
    );
    let mut server = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gen serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("url line");
    let _server = Killed(server);
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("url")
        .to_string();

    browser.go(&format!("{url}roles/engineer/"));
    browser.until(
        "the served page",
        "return document.body.innerText.includes('Body of the engineer brief.')",
    );
    // A marker that survives only as long as no one reloads the page by hand.
    browser.eval("window.__untouched = true; return true;");

    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nEdited while you watch.\n"),
    );
    browser.until(
        "the edit",
        "return document.body.innerText.includes('Edited while you watch.')",
    );

    write(
        root,
        "content/roles/engineer.md",
        &ROLE_B.replace("archetype: builder", "archetype: bulder"),
    );
    browser.until("the error overlay", "var o = document.getElementById('gen-overlay'); return !!o && o.innerText.includes('unknown archetype');");
    assert_eq!(
        browser.eval("return document.body.innerText.includes('Edited while you watch.')"),
        json!(true),
        "the last good page stays under the overlay"
    );

    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nFixed in the editor.\n"),
    );
    browser.until("the fix", "return !document.getElementById('gen-overlay') && document.body.innerText.includes('Fixed in the editor.')");

    write(
        root,
        "static/extra.css",
        "body { outline: 3px solid rgb(1, 2, 3); }\n",
    );
    write(
        root,
        "templates/base.html",
        &std::fs::read_to_string(repo().join("themes/default/templates/base.html"))
            .expect("base")
            .replace(
                "</head>",
                "<link rel=\"stylesheet\" href=\"{{ site.base_path }}extra.css\"></head>",
            ),
    );
    browser.until(
        "the new stylesheet",
        "return getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'",
    );
    browser.eval("window.__untouched = true; return true;");
    write(
        root,
        "static/extra.css",
        "body { outline: 3px solid rgb(4, 5, 6); }\n",
    );
    browser.until(
        "the swapped stylesheet",
        "return getComputedStyle(document.body).outlineColor === 'rgb(4, 5, 6)'",
    );
    assert_eq!(
        browser.eval("return window.__untouched === true"),
        json!(true),
        "CSS was swapped without reloading the page"
    );

    write(
        root,
        "content/roles/extra.md",
        &ROLE_B
            .replace("title: Applied ML Engineer", "title: Extra Followed")
            .replace("hire_after: [head-of-ai]", "hire_after: []"),
    );
    browser.until("following to the edited page", "return location.pathname === '/roles/extra/' && document.body.innerText.includes('Extra Followed')");
}
