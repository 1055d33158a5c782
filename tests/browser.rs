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

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let answer = request(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
        .unwrap_or_else(|| panic!("no answer to {method} {path}"));
        answer["value"].clone()
    }

    /// The WebDriver id of the first element matching `css`.
    fn element(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        );
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/click"), Some(&json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(&json!({"text": text})),
        );
    }

    /// Run `script`, which calls `arguments[0]` with its result.
    fn eval_async(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(&json!({"script": script, "args": []})),
        )
    }

    fn grant(&self, permission: &str) {
        self.call(
            "POST",
            "/permissions",
            Some(&json!({"descriptor": {"name": permission}, "state": "granted"})),
        );
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

/// Start `gen serve --port 0` in `root` with `args`; the process and its URL.
fn serve(root: &Path, args: &[&str]) -> (Killed, String) {
    let mut server = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        // A fixed day (2026-11-18): the worked plan's cover holds until its dates in 2027.
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gen serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("url line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("url")
        .to_string();
    (Killed(server), url)
}

/// axe-core's script, if installed (`.ci/run` puts it under target/npm).
fn axe_script() -> Option<String> {
    let path = std::env::var("AXE_CORE_JS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| repo().join("target/npm/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(path).ok()
}

#[test]
fn the_site_under_a_sub_path_searches_copies_links_and_stays_on_its_origin() {
    let browser = match Browser::start() {
        Ok(browser) => browser,
        Err(reason) => {
            println!("SKIPPED browser test: {reason}");
            return;
        }
    };
    let (_server, url) = serve(&repo(), &["--base-url", "http://127.0.0.1/ai-playbook/"]);
    assert!(url.ends_with("/ai-playbook/"), "{url}");
    let origin = url.trim_end_matches("/ai-playbook/").to_string();

    // Search as you type, keyboard to the result, follow it.
    browser.go(&url);
    browser.type_into("#search-input", "governance");
    browser.until(
        "search results",
        "return document.querySelectorAll('#search-results [role=option]').length > 0",
    );
    assert_eq!(
        browser.eval("return document.querySelector('#search-results [aria-selected=true] .search-title').textContent"),
        json!("AI Governance Owner")
    );
    browser.type_into("#search-input", "\u{E007}");
    browser.until(
        "the result page",
        "return location.pathname === '/ai-playbook/roles/ai-governance-owner/'",
    );

    // Copy as plain text, then read the clipboard.
    browser.grant("clipboard-read");
    browser.grant("clipboard-write");
    browser.click("button[data-copy=brief-text]");
    browser.until(
        "the copy confirmation",
        "return document.querySelector('.copy-status').textContent === 'Copied.'",
    );
    let copied = browser.eval_async("var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); })");
    let expected = std::fs::read_to_string(repo().join("content/roles/ai-governance-owner.md"))
        .expect("brief");
    let copied = copied.as_str().expect("clipboard text");
    assert!(copied.starts_with("AI GOVERNANCE OWNER\n"), "{copied}");
    let outcome = expected
        .lines()
        .find(|l| l.starts_with("outcome: "))
        .expect("outcome")
        .trim_start_matches("outcome: ");
    assert!(
        copied.contains(outcome),
        "the outcome is in the copied brief"
    );

    // Copy job post: the post as formatted text and as plain text, with no internal field;
    // the confirmation shows in its own group. Both kinds are read back.
    let read_both = "var done = arguments[0];\
        navigator.clipboard.read().then(function (items) {\
          var item = items[0];\
          return Promise.all([item.getType('text/html').then(b => b.text()), item.getType('text/plain').then(b => b.text())])\
            .then(function (texts) { done({types: item.types, html: texts[0], text: texts[1]}); });\
        }).catch(function (e) { done({error: String(e)}); });";
    let check_post = |copied: &Value, how: &str| {
        let types = copied["types"]
            .as_array()
            .unwrap_or_else(|| panic!("{how}: {copied}"));
        assert!(
            types.contains(&json!("text/html")) && types.contains(&json!("text/plain")),
            "{how}: {types:?}"
        );
        let html = copied["html"].as_str().expect("html");
        assert!(
            html.contains("<h1>AI Governance Owner</h1>")
                && html.contains("<h2>What this role is for</h2>")
                && html.contains("<li>"),
            "{how}: {html}"
        );
        assert!(html.contains(outcome), "{how}: the outcome in {html}");
        let text = copied["text"].as_str().expect("text");
        assert!(text.starts_with("AI GOVERNANCE OWNER\n"), "{how}: {text}");
        assert!(
            text.contains("WHAT THIS ROLE IS FOR")
                && text.contains("HOW TO APPLY")
                && text.contains(outcome),
            "{how}: {text}"
        );
        for internal in ["Red flags", "RED FLAGS", "Interview probes", "kit.html"] {
            assert!(
                !html.contains(internal) && !text.contains(internal),
                "{how}: {internal}"
            );
        }
    };
    browser.click("button[data-copy=posting-text]");
    browser.until(
        "the job post's copy confirmation",
        "return document.querySelector('.posting-actions .copy-status').textContent === 'Copied, with headings and lists.'",
    );
    check_post(&browser.eval_async(read_both), "ClipboardItem");

    // Where ClipboardItem is missing (as on file:// or in an older browser), the post is
    // selected and copied, still as both kinds of text, and the page says so.
    browser
        .eval_async("var done = arguments[0]; navigator.clipboard.writeText('').then(done, done)");
    browser.eval("delete window.ClipboardItem; document.querySelector('.posting-actions .copy-status').textContent = ''; return true");
    assert_eq!(
        browser.eval("return typeof window.ClipboardItem"),
        json!("undefined")
    );
    browser.click("button[data-copy=posting-text]");
    browser.until(
        "the job post's fallback confirmation",
        "return document.querySelector('.posting-actions .copy-status').textContent.startsWith('Copied by selecting the post, with headings and lists (')",
    );
    check_post(&browser.eval_async(read_both), "selection");
    assert_eq!(
        browser.eval("return document.getSelection().toString()"),
        json!(""),
        "the off-screen copy is gone and the selection restored"
    );
    assert_eq!(
        browser.eval("return document.querySelectorAll('body > div[aria-hidden=true]').length"),
        json!(0)
    );

    // The interview kit is linked from the role page, marked internal, and answers; the
    // post does not link to it.
    let kit = browser
        .eval("var a = document.querySelector('.kit-link.internal a'); return a ? a.href : null");
    let kit = kit.as_str().expect("a link to the interview kit");
    assert!(
        kit.ends_with("/roles/ai-governance-owner/ai-governance-owner.kit.html"),
        "{kit}"
    );
    browser.go(kit);
    browser.until("the kit", "return document.readyState === 'complete'");
    assert_eq!(
        browser.eval("return [document.querySelector('h1').textContent, document.querySelectorAll('#scorecard tbody tr').length > 1, document.querySelectorAll('nav, link[rel=stylesheet]').length]"),
        json!(["Interview kit: AI Governance Owner", true, 0])
    );

    // Every link on the home page answers, and every page stays on its origin.
    browser.go(&url);
    let statuses = browser.eval_async(
        "var links = Array.from(document.querySelectorAll('a[href]')).map(a => a.href).filter(h => h.startsWith(location.origin));\
         Promise.all(links.map(h => fetch(h).then(r => [h, r.status]))).then(arguments[0]);",
    );
    let statuses = statuses.as_array().expect("statuses");
    assert!(
        statuses.len() > 20,
        "home has many links: {}",
        statuses.len()
    );
    for pair in statuses {
        assert_eq!(pair[1], json!(200), "{} answered {}", pair[0], pair[1]);
    }
    let axe = axe_script();
    if axe.is_none() {
        println!(
            "SKIPPED axe-core: not installed (npm install axe-core under target/npm, or set AXE_CORE_JS)"
        );
    }
    // The example plan's staffing view: the counts and the state of each capability.
    browser.go(&format!("{url}matrix/"));
    browser.until("the page", "return document.readyState === 'complete'");
    assert_eq!(
        browser.eval("return Array.from(document.querySelectorAll('.staffing-counts li')).map(li => li.textContent.trim().replace(/\\s+/g, ' '))"),
        json!([
            "6 staffed",
            "2 covered",
            "1 being hired",
            "0 planned only",
            "0 unowned"
        ])
    );
    assert_eq!(
        browser.eval("return document.querySelector('.staffing-line').textContent.trim()"),
        json!("6 of 9 capabilities staffed; 2 covered until a hire; 1 being hired.")
    );
    let states = browser.eval(
        "return Array.from(document.querySelectorAll('.staffing-table tbody tr')).map(tr => [tr.querySelector('th').textContent.trim(), tr.querySelector('td.state').textContent.trim()])",
    );
    assert_eq!(
        states,
        json!([
            ["Leadership", "staffed"],
            ["Architecture", "staffed"],
            ["Applied ML", "covered"],
            ["Prompt & Eval", "being hired"],
            ["Data Engineering", "staffed"],
            ["Platform & MLOps", "staffed"],
            ["Security & Compliance", "covered"],
            ["Product", "staffed"],
            ["Change Management", "staffed"]
        ])
    );
    // The state is in words and a shape, not colour alone: the marks differ in shape.
    assert_eq!(
        browser.eval("var s = Array.from(document.querySelectorAll('.staffing-counts .state-mark')).map(m => getComputedStyle(m).borderStyle + getComputedStyle(m).borderRadius + getComputedStyle(m).backgroundImage + getComputedStyle(m).transform); return new Set(s).size"),
        json!(5)
    );
    browser.go(&url);
    browser.until("the page", "return document.readyState === 'complete'");
    assert_eq!(
        browser.eval("return document.querySelector('.staffing-summary').textContent.trim()"),
        json!("Staffing: 6 of 9 capabilities staffed; 2 covered until a hire; 1 being hired.")
    );
    for page in [
        "",
        "roles/head-of-ai/",
        "roles/claims-ml-engineer/",
        "matrix/",
        "sequence/",
        "plan/",
        "print/",
    ] {
        browser.go(&format!("{url}{page}"));
        browser.until("the page", "return document.readyState === 'complete'");
        let foreign = browser.eval(&format!(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('{origin}/'))"
        ));
        assert_eq!(
            foreign,
            json!([]),
            "{page} loads nothing from another origin"
        );
        if let Some(axe) = &axe {
            browser.eval(&format!("{axe}\nreturn true;"));
            let serious = browser.eval_async(
                "var done = arguments[0]; axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))); });",
            );
            assert_eq!(serious, json!([]), "axe on /ai-playbook/{page}");
        }
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
    let (_server, url) = serve(root, &[]);

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
