//! `gen serve` and `gen watch` on real temporary sites: pages, live reload over the
//! WebSocket, bad edits and recovery, renames, deletes, atomic saves, and path traversal.

mod common;

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::serve::*;
use common::*;

type Socket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>;

fn live(server: &Server) -> Socket {
    let url = format!("ws://127.0.0.1:{}{}__gen/live", server.port, server.base);
    let (socket, _) = tungstenite::connect(url).expect("websocket");
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = socket.get_ref() {
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .expect("timeout");
    }
    socket
}

/// The next message of `kind`, waiting up to 60 s: a liveness bound, not a speed target (a
/// whole-site rebuild of the shipped playbook in a debug build, on 2 cores shared with the
/// rest of the suite, has taken more than 15 s).
fn expect_message(socket: &mut Socket, kind: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        match socket.read() {
            Ok(tungstenite::Message::Text(text)) => {
                let value: serde_json::Value = serde_json::from_str(&text).expect("json");
                if value["kind"] == kind {
                    return value;
                }
            }
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(e) => panic!("websocket: {e}"),
        }
    }
    panic!("no {kind} message within 60 s");
}

fn extra_role(title: &str) -> String {
    ROLE_B
        .replace("title: Applied ML Engineer", &format!("title: {title}"))
        .replace("hire_after: [head-of-ai]", "hire_after: []")
}

#[test]
fn serves_pages_with_types_index_and_404_without_touching_public() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let home = get(server.port, "/");
    assert_eq!(home.status, 200);
    assert!(home.headers.contains("content-type: text/html"));
    assert!(home.body.contains("Head of AI"));
    assert!(home.body.contains("data-gen-live"), "live script injected");
    let css = get(server.port, "/style.css");
    assert_eq!(css.status, 200);
    assert!(css.headers.contains("content-type: text/css"));
    let missing = get(server.port, "/roles/nobody/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found"),
        "the site's 404 page"
    );
    let redirect = get(server.port, "/roles/engineer");
    assert_eq!(redirect.status, 301);
    assert!(redirect.headers.contains("location: /roles/engineer/"));
    assert!(
        !site.path().join("public").exists(),
        "serve never writes public/"
    );
}

#[test]
fn serves_under_the_base_path_of_base_url() {
    let site = small_site();
    let config = read(site.path(), "site.yaml").replace(
        "base_url: /",
        "base_url: https://wiki.example.com/team/playbook/",
    );
    write(site.path(), "site.yaml", &config);
    let server = start(site.path(), &[]);
    assert_eq!(server.base, "/team/playbook/");
    let page = get(server.port, "/team/playbook/roles/engineer/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("href=\"/team/playbook/roles/head-of-ai/\"")
    );
    assert!(page.body.contains("/team/playbook/__gen/live"));
    assert_eq!(get(server.port, "/roles/engineer/").status, 404);
    // The address serve prints without its path still finds the site.
    let root = get(server.port, "/");
    assert_eq!(root.status, 307, "{}", root.headers);
    assert!(root.headers.contains("location: /team/playbook/"));
    let mut socket = live(&server);
    write(
        site.path(),
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nUnder a sub-path.\n"),
    );
    expect_message(&mut socket, "reload");
}

#[test]
fn an_edit_reloads_and_follows_to_the_edited_page() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut socket = live(&server);
    write(
        site.path(),
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nA brand new paragraph.\n"),
    );
    let message = expect_message(&mut socket, "reload");
    assert_eq!(message["follow"], "/roles/engineer/");
    let page = get(server.port, "/roles/engineer/");
    assert!(page.body.contains("A brand new paragraph."));
}

#[test]
fn a_stylesheet_change_swaps_css_without_a_reload() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut socket = live(&server);
    write(site.path(), "static/extra.css", "body { color: red; }\n");
    let message = expect_message(&mut socket, "css");
    assert_eq!(message["paths"][0], "/extra.css");
    assert_eq!(
        get(server.port, "/extra.css").body,
        "body { color: red; }\n"
    );
}

#[test]
fn a_bad_edit_shows_the_overlay_over_the_last_good_page_until_fixed() {
    let site = small_site();
    let server = start(site.path(), &[]);
    let mut socket = live(&server);
    let broken = ROLE_B.replace("archetype: builder", "archetype: bulder");
    write(site.path(), "content/roles/engineer.md", &broken);
    let message = expect_message(&mut socket, "error");
    let html = message["html"].as_str().expect("html");
    assert!(html.contains("content/roles/engineer.md:3:12"), "{html}");
    assert!(html.contains("unknown archetype"));
    let page = get(server.port, "/roles/engineer/");
    assert_eq!(page.status, 200, "the last good page still serves");
    assert!(
        page.body.contains("id=\"gen-overlay\"")
            && page.body.contains("Body of the engineer brief.")
    );

    write(
        site.path(),
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nFixed.\n"),
    );
    expect_message(&mut socket, "reload");
    let page = get(server.port, "/roles/engineer/");
    assert!(
        !page.body.contains("id=\"gen-overlay\""),
        "the overlay clears"
    );
    assert!(page.body.contains("Fixed."));
}

#[test]
fn a_first_build_that_fails_serves_an_error_page_and_recovers() {
    let site = small_site();
    let good = ROLE_B.to_string();
    write(
        site.path(),
        "content/roles/engineer.md",
        &good.replace("summary:", "sumary:"),
    );
    let server = start(site.path(), &[]);
    let page = get(server.port, "/");
    assert_eq!(page.status, 500);
    assert!(
        page.body.contains("id=\"gen-overlay\"") && page.body.contains("did you mean `summary`?")
    );
    let mut socket = live(&server);
    write(site.path(), "content/roles/engineer.md", &good);
    expect_message(&mut socket, "reload");
    let page = get(server.port, "/");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("id=\"gen-overlay\""));
}

/// Would run for hours: no output, so nothing but the time limit stops it.
const ENDLESS: &str = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% for k in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}";

#[test]
fn a_render_that_never_ends_restarts_serve_on_its_port_until_the_next_good_save() {
    let site = small_site();
    let mut server = start_with_env(
        site.path(),
        &[],
        Stdio::null(),
        &[("GEN_RENDER_TIME_LIMIT", "1")],
    );
    let mut socket = live(&server);
    write(site.path(), "templates/role.html", ENDLESS);
    // The stuck process is replaced by a fresh one on the same port; browsers reconnect.
    let page = eventually(&server, "/", |r| r.status == 500);
    assert!(
        page.body.contains("templates/role.html")
            && page.body.contains("render time limit of 1 s")
            && page.body.contains("builds again when you save a change"),
        "{}",
        page.body
    );
    assert!(
        server.child.try_wait().expect("status").is_none(),
        "the same process id still serves"
    );
    assert!(
        socket.read().is_err(),
        "the old process's live socket closed"
    );
    socket = live(&server);
    std::fs::remove_file(site.path().join("templates/role.html")).expect("remove");
    expect_message(&mut socket, "reload");
    let page = eventually(&server, "/roles/engineer/", |r| r.status == 200);
    assert!(page.body.contains("Body of the engineer brief."));
    assert!(!page.body.contains("id=\"gen-overlay\""));
}

#[test]
fn renames_deletes_new_folders_and_atomic_saves() {
    let site = small_site();
    let root = site.path();
    write(root, "content/roles/extra.md", &extra_role("Extra Role"));
    let server = start(root, &[]);
    assert_eq!(get(server.port, "/roles/extra/").status, 200);

    std::fs::rename(
        root.join("content/roles/extra.md"),
        root.join("content/roles/moved.md"),
    )
    .expect("rename");
    eventually(&server, "/roles/moved/", |r| r.status == 200);
    assert_eq!(get(server.port, "/roles/extra/").status, 404);

    // An editor's atomic save: write a temporary file, rename it over the brief.
    let temporary = root.join("content/roles/.moved.md.tmp");
    std::fs::write(&temporary, extra_role("Atomically Saved")).expect("write");
    std::fs::rename(&temporary, root.join("content/roles/moved.md")).expect("rename");
    eventually(&server, "/roles/moved/", |r| {
        r.body.contains("Atomically Saved")
    });

    std::fs::remove_file(root.join("content/roles/moved.md")).expect("rm");
    eventually(&server, "/roles/moved/", |r| r.status == 404);

    write(
        root,
        "content/notes/deep/page.md",
        "---\ntitle: Deep Note\n---\nHi.\n",
    );
    eventually(&server, "/notes/deep/page/", |r| {
        r.body.contains("Deep Note")
    });
    std::fs::remove_dir_all(root.join("content/notes")).expect("rm -r");
    eventually(&server, "/notes/deep/page/", |r| r.status == 404);
}

#[test]
fn a_content_folder_deleted_and_made_again_is_watched_again() {
    let site = small_site();
    let root = site.path();
    let server = start(root, &[]);
    // A checkout that replaces the folder: the first files arrive, a rebuild runs, and more
    // files arrive after it. The old folder's watch went with it.
    std::fs::remove_dir_all(root.join("content")).expect("rm -r content");
    write(root, "content/roles/head-of-ai.md", ROLE_A);
    write(root, "content/roles/engineer.md", ROLE_B);
    write(root, "content/guides/start.md", GUIDE);
    write(root, "content/roles/first.md", &extra_role("Arrived First"));
    eventually(&server, "/roles/first/", |r| {
        r.body.contains("Arrived First")
    });
    write(root, "content/roles/extra.md", &extra_role("Arrived Later"));
    eventually(&server, "/roles/extra/", |r| {
        r.body.contains("Arrived Later")
    });
    write(
        root,
        "content/roles/extra.md",
        &extra_role("Edited Afterwards"),
    );
    eventually(&server, "/roles/extra/", |r| {
        r.body.contains("Edited Afterwards")
    });
}

#[test]
fn edits_follow_the_theme_site_yaml_names_while_serving() {
    let site = small_site();
    let root = site.path();
    copy_dir(&root.join("themes/default"), &root.join("themes/house"));
    let base = "themes/house/templates/base.html";
    let marked = |mark: &str| {
        read(root, base).replace(
            "<footer class=\"site-footer\">",
            &format!("<footer class=\"site-footer\"><p>{mark}</p>"),
        )
    };
    write(root, base, &marked("House theme, first look"));
    let server = start(root, &[]);
    let config = read(root, "site.yaml").replace("theme: default", "theme: house");
    write(root, "site.yaml", &config);
    eventually(&server, "/", |r| r.body.contains("House theme, first look"));
    write(root, base, &marked("House theme, edited"));
    eventually(&server, "/", |r| r.body.contains("House theme, edited"));
}

#[test]
fn traversal_attempts_never_read_outside_the_site() {
    let outer = tempfile::tempdir().expect("tempdir");
    std::fs::write(outer.path().join("secret.txt"), "TOP-SECRET-OUTSIDE").expect("secret");
    let root = outer.path().join("site");
    copy_dir(small_site().path(), &root);
    std::fs::write(root.join("secret.txt"), "TOP-SECRET-ROOT").expect("secret");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outer.path().join("secret.txt"),
        root.join("static-link.txt"),
    )
    .expect("symlink");
    let server = start(&root, &[]);
    let attempts = [
        "/../secret.txt",
        "/../../secret.txt",
        "/..%2fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/roles/../../secret.txt",
        "/roles/%2e%2e/%2e%2e/secret.txt",
        "/roles/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/roles\\..\\..\\secret.txt",
        "//secret.txt",
        "/%2fsecret.txt",
        "/%2f%2e%2e%2fsecret.txt",
        "/secret.txt",
        "/site/secret.txt",
        "/secret.txt%00.html",
        "/%00../secret.txt",
        "/..%00/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%af..%c0%afsecret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/./../secret.txt",
        "/static-link.txt",
        "/..;/secret.txt",
        "/%252e%252e/secret.txt",
        "/C:/secret.txt",
        "/C:%5csecret.txt",
        "/etc/passwd",
        "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/site.yaml",
        "/content/roles/engineer.md",
        "/../site.yaml",
    ];
    assert!(attempts.len() >= 30);
    for attempt in attempts {
        let response = get(server.port, attempt);
        assert!(
            [400, 404].contains(&response.status),
            "{attempt}: status {}",
            response.status
        );
        for secret in [
            "TOP-SECRET",
            "root:x:0",
            "archetype: builder",
            "capabilities:",
        ] {
            assert!(!response.body.contains(secret), "{attempt} leaked {secret}");
        }
    }
}

#[test]
fn watch_rebuilds_into_the_output_folder_without_the_live_script() {
    let site = small_site();
    let root = site.path();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .arg("watch")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gen watch starts");
    let page = root.join("public/roles/engineer/index.html");
    let wait_for = |needle: &str| {
        wait_until(|| std::fs::read_to_string(&page).is_ok_and(|t| t.contains(needle)))
    };
    let built = wait_for("Body of the engineer brief.");
    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nWatched edit.\n"),
    );
    let rebuilt = wait_for("Watched edit.");
    let _ = child.kill();
    let _ = child.wait();
    assert!(built && rebuilt, "watch built and rebuilt");
    let text = std::fs::read_to_string(&page).expect("page");
    assert!(!text.contains("data-gen-live"), "no live script on disk");
}

#[test]
fn a_render_that_never_ends_restarts_watch_keeping_the_last_good_site() {
    let site = small_site();
    let root = site.path();
    let log_dir = tempfile::tempdir().expect("tempdir");
    let log = log_dir.path().join("stderr.txt");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .arg("watch")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("GEN_RENDER_TIME_LIMIT", "1")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("gen watch starts");
    let page = root.join("public/roles/engineer/index.html");
    let page_has = |needle: &str| std::fs::read_to_string(&page).is_ok_and(|t| t.contains(needle));
    let built = wait_until(|| page_has("Body of the engineer brief."));
    write(root, "templates/role.html", ENDLESS);
    let restarted = wait_until(|| {
        std::fs::read_to_string(&log)
            .is_ok_and(|t| t.contains("Waiting for a change to build again"))
    });
    let alive = child.try_wait().expect("status").is_none();
    let kept = page_has("Body of the engineer brief.");
    std::fs::remove_file(root.join("templates/role.html")).expect("remove");
    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nWatched edit.\n"),
    );
    let rebuilt = wait_until(|| page_has("Watched edit."));
    let _ = child.kill();
    let _ = child.wait();
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(built && restarted && alive, "{log}");
    assert!(log.contains("templates/role.html") && log.contains("render time limit of 1 s"));
    assert!(kept, "the last good site stays in the output folder");
    assert!(rebuilt, "the next change builds again: {log}");
}

#[test]
fn a_burst_of_changes_becomes_one_rebuild() {
    let site = small_site();
    let root = site.path();
    let log_dir = tempfile::tempdir().expect("tempdir");
    let log_path = log_dir.path().join("serve.log");
    let log = std::fs::File::create(&log_path).expect("log");
    let server = start_with_log(root, &[], Stdio::from(log));
    // Like a `git checkout`: hundreds of files written back to back.
    for i in 0..200 {
        write(
            root,
            &format!("content/roles/burst-{i}.md"),
            &extra_role(&format!("Burst {i}")),
        );
    }
    eventually(&server, "/roles/burst-199/", |r| r.status == 200);
    std::thread::sleep(Duration::from_millis(300));
    let log = std::fs::read_to_string(&log_path).expect("log");
    let rebuilds = log
        .lines()
        .filter(|l| l.starts_with("Rebuilt after"))
        .count();
    // The first file of a burst may arrive alone and go through at once; the rest wait for
    // quiet and become one rebuild. On a loaded machine the writer itself can pause longer
    // than the quiet time, splitting the burst: a handful of rebuilds for 200 files is the
    // batching working, one per file (or close) is it broken.
    assert!(
        rebuilds <= 10,
        "{rebuilds} rebuilds for one burst of 200 files:\n{log}"
    );
}

#[test]
fn polling_notices_changes_too() {
    let site = small_site();
    let server = start(site.path(), &["--poll"]);
    write(
        site.path(),
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nSeen by polling.\n"),
    );
    eventually(&server, "/roles/engineer/", |r| {
        r.body.contains("Seen by polling.")
    });
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let site = small_site();
    let log_dir = tempfile::tempdir().expect("tempdir");
    let log_path = log_dir.path().join("serve.log");
    let log = std::fs::File::create(&log_path).expect("log");
    let server = start_with_log(
        site.path(),
        &["--port", &port.to_string()],
        Stdio::from(log),
    );
    assert_ne!(server.port, port);
    assert_eq!(get(server.port, "/").status, 200);
    let log = std::fs::read_to_string(&log_path).expect("log");
    assert!(
        log.contains(&format!("Port {port} is in use; using {}", server.port)),
        "{log}"
    );
}

#[cfg(unix)]
fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

#[cfg(unix)]
fn exits_within(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_serve_and_watch_cleanly_leaving_a_complete_site() {
    let site = small_site();
    let root = site.path();
    let mut server = start(root, &[]);
    assert_eq!(get(server.port, "/").status, 200);
    interrupt(&server.child);
    let status = exits_within(&mut server.child, Duration::from_secs(10)).expect("serve stops");
    assert!(status.success(), "serve exits 0 on Ctrl-C: {status:?}");

    let mut watcher = Command::new(assert_cmd::cargo::cargo_bin("gen"))
        .arg("watch")
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gen watch");
    // The site is swapped in whole: its front page there means all of it is.
    let written = root.join("public/index.html");
    assert!(
        wait_until(|| written.exists()),
        "watch never wrote the site"
    );
    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nLast edit.\n"),
    );
    std::thread::sleep(Duration::from_millis(200));
    interrupt(&watcher);
    let status = exits_within(&mut watcher, Duration::from_secs(10)).expect("watch stops");
    assert!(status.success(), "watch exits 0 on Ctrl-C: {status:?}");
    let clean = tempfile::tempdir().expect("tempdir");
    gen_in(root)
        .args(["build", "--output"])
        .arg(clean.path().join("out"))
        .assert()
        .success();
    assert_eq!(
        snapshot(&root.join("public")),
        snapshot(&clean.path().join("out")),
        "the output folder is a complete build"
    );
}

/// The shipped playbook copied into a temporary folder (its staffing file among the plan).
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for folder in ["content", "themes"] {
        copy_dir(&repo().join(folder), &dir.path().join(folder));
    }
    write(dir.path(), "site.yaml", &read(&repo(), "site.yaml"));
    dir
}

/// The text of the table row of `what` on `page` (tags removed).
fn row_of(page: &str, what: &str) -> String {
    let at = page
        .find(what)
        .unwrap_or_else(|| panic!("{what} on the page"));
    let start = page[..at].rfind("<tr").expect("a row");
    let end = at + page[at..].find("</tr>").expect("its end");
    let mut text = String::new();
    let mut in_tag = false;
    for c in page[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_changed_staffing_file_updates_the_plan_page_and_the_staffing_view() {
    let site = shipped_copy();
    let root = site.path();
    let brief = read(root, "content/plan/claims-eval-engineer.md");
    let staffing = read(root, "content/plan/staffing.csv");
    let server = start_with_env(
        root,
        &[],
        std::process::Stdio::null(),
        &[("SOURCE_DATE_EPOCH", "1795000000")],
    );
    let plan = get(server.port, "/plan/").body;
    assert!(
        row_of(&plan, ">Claims Eval Engineer</a>").contains("open"),
        "{plan}"
    );
    let matrix = get(server.port, "/matrix/").body;
    assert!(row_of(&matrix, ">Prompt &amp; Eval</a>").contains("being hired"));

    // The ATS says the eval engineer signed and starts in May.
    let mut socket = live(&server);
    write(
        root,
        "content/plan/staffing.csv",
        &staffing.replace(
            "claims-eval-engineer,open,1,,",
            "claims-eval-engineer,filled,1,2027-05-03,",
        ),
    );
    expect_message(&mut socket, "reload");
    let plan = get(server.port, "/plan/").body;
    let eval = row_of(&plan, ">Claims Eval Engineer</a>");
    assert!(
        eval.contains("filled") && eval.contains("(3 May 2027)"),
        "{eval}"
    );
    let matrix = get(server.port, "/matrix/").body;
    let row = row_of(&matrix, ">Prompt &amp; Eval</a>");
    assert!(
        row.contains("staffed") && !row.contains("being hired"),
        "{row}"
    );
    let data = get(server.port, "/plan.json").body;
    assert!(
        data.contains("\"filled_on\": \"2027-05-03\""),
        "plan.json follows"
    );

    // A row naming no brief is an error at its cell; the last good site stays.
    write(
        root,
        "content/plan/staffing.csv",
        &format!("{staffing}claims-data-engineer,open,1,,approved,CFO,2026-11-30\n"),
    );
    let message = expect_message(&mut socket, "error");
    let html = message["html"].as_str().expect("html");
    assert!(
        html.contains("content/plan/staffing.csv:8:1") && html.contains("is not a brief"),
        "{html}"
    );
    assert!(
        row_of(
            &get(server.port, "/plan/").body,
            ">Claims Eval Engineer</a>"
        )
        .contains("filled")
    );
    write(root, "content/plan/staffing.csv", &staffing);
    expect_message(&mut socket, "reload");
    assert!(
        row_of(
            &get(server.port, "/plan/").body,
            ">Claims Eval Engineer</a>"
        )
        .contains("open")
    );
    // The briefs' Markdown is never rewritten.
    assert_eq!(read(root, "content/plan/claims-eval-engineer.md"), brief);
}
