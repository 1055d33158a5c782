//! The bad-input corpus: every folder of `tests/bad_inputs/` is a case. Its `site/` files are
//! dropped into a copy of a small valid site (built once, so `public/` holds the last good
//! site), its `case.yaml` says what else to do (extra arguments, an input too big or too odd
//! to commit, made here by `generate`), the exit code and the message fragments. Every case
//! must also leave the last good `public/` byte for byte as it was (unless the input is
//! valid and the case says so), leave nothing half-written beside it, and never panic.

mod bounds;
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;

/// `tests/bad_inputs/<name>/case.yaml`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case is, in a line.
    about: String,
    /// Arguments after `gen build`.
    #[serde(default)]
    args: Vec<String>,
    /// Environment variables for `gen`.
    #[serde(default)]
    env: BTreeMap<String, String>,
    exit: i32,
    /// Each must appear in stderr.
    #[serde(default)]
    expect: Vec<String>,
    /// None may appear in stderr.
    #[serde(default)]
    reject: Vec<String>,
    /// A made-up input (see `generate`).
    #[serde(default)]
    generate: Option<String>,
    /// `false` for valid inputs, which build a new site.
    #[serde(default = "yes")]
    public_unchanged: bool,
    /// Output files (below `public/`) that must hold these fragments.
    #[serde(default)]
    output_contains: BTreeMap<String, Vec<String>>,
    /// Fragments no output file may hold.
    #[serde(default)]
    output_lacks: Vec<String>,
}

fn yes() -> bool {
    true
}

/// Generous, only so that a hang fails the test instead of stalling it.
const HANG: Duration = Duration::from_secs(120);

const ENGINEER: &str = "content/roles/engineer.md";

fn role_b_with(from: &str, to: &str) -> String {
    assert!(ROLE_B.contains(from), "fixture has {from}");
    ROLE_B.replacen(from, to, 1)
}

fn corpus() -> Vec<(String, PathBuf)> {
    let dir = repo().join("tests/bad_inputs");
    let mut cases: Vec<(String, PathBuf)> = fs::read_dir(&dir)
        .expect("tests/bad_inputs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("case.yaml").is_file())
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                p,
            )
        })
        .collect();
    cases.sort();
    cases
}

/// How to run `gen` for a generated case.
#[derive(Default)]
struct Prepared {
    /// A shell prefix run before `exec gen build ...` (e.g. a file-size limit).
    shell: Option<&'static str>,
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
    })
}

/// Make the input `what` names in the site at `root`; `outside` is a folder beside the site.
/// `Err` is why the case cannot run here.
fn generate(what: &str, root: &Path, outside: &Path) -> Result<Prepared, String> {
    let engineer = |bytes: Vec<u8>| write_bytes(root, ENGINEER, &bytes);
    let front_matter = ROLE_B.split_once("\n---\n").expect("fixture").0;
    match what {
        "invalid-utf8" => engineer(b"---\ntitle: Bad \xff byte\n---\n".to_vec()),
        "nul-front-matter" => {
            engineer(role_b_with("title: Applied ML Engineer", "title: Applied\0ML").into_bytes())
        }
        "nul-body" => engineer(format!("{ROLE_B}\nA\0B\0\0C\n").into_bytes()),
        "bom" => engineer(format!("\u{feff}{ROLE_B}").into_bytes()),
        "crlf" => engineer(ROLE_B.replace('\n', "\r\n").into_bytes()),
        "bom-crlf" => engineer(format!("\u{feff}{}", ROLE_B.replace('\n', "\r\n")).into_bytes()),
        "utf16" => engineer(
            std::iter::once(0xfeff_u16)
                .chain(ROLE_B.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect(),
        ),
        "big-file" => {
            let line = "A paragraph of a brief that someone pasted far too many times.\n\n";
            let mut text = ROLE_B.to_string();
            while text.len() < 50 * 1024 * 1024 {
                text.push_str(line);
            }
            engineer(text.into_bytes());
        }
        "long-line" => {
            let mut text = ROLE_B.to_string();
            text.push_str(&"word ".repeat(2 * 1024 * 1024));
            text.push('\n');
            engineer(text.into_bytes());
        }
        // An error past column 65,535 (miette's snippet panicked drawing it).
        "error-past-column-65535" => engineer(
            format!(
                "---\ntitle: {}: x\narchetype: builder\n---\nBody\n",
                "a".repeat(70_000)
            )
            .into_bytes(),
        ),
        "billion-laughs" => {
            let mut yaml = String::from("---\nlol0: &a0 \"lol\"\n");
            for i in 1..10 {
                let refs = vec![format!("*a{}", i - 1); 10].join(", ");
                yaml.push_str(&format!("lol{i}: &a{i} [{refs}]\n"));
            }
            yaml.push_str(&front_matter[4..]);
            yaml.push_str("\n---\nBody\n");
            engineer(yaml.into_bytes());
        }
        "deep-aliases" => {
            let mut yaml = String::from("---\nx0: &x0 [a, b]\n");
            for i in 1..40 {
                yaml.push_str(&format!("x{i}: &x{i} [*x{0}, *x{0}]\n", i - 1));
            }
            yaml.push_str("title: *x39\n---\nBody\n");
            engineer(yaml.into_bytes());
        }
        "deep-flow" => engineer(
            format!(
                "---\ntitle: {}\n---\nBody\n",
                "[".repeat(100_000) + &"]".repeat(100_000)
            )
            .into_bytes(),
        ),
        "deep-block" => {
            let mut yaml = String::from("---\ntitle:\n");
            for depth in 1..2_000 {
                yaml.push_str(&" ".repeat(depth));
                yaml.push_str("k:\n");
            }
            yaml.push_str("---\nBody\n");
            engineer(yaml.into_bytes());
        }
        "long-line-3mb" => {
            let mut text = ROLE_B.to_string();
            text.push_str(&"word ".repeat(600 * 1024));
            text.push('\n');
            engineer(text.into_bytes());
        }
        "deep-markdown" => engineer(
            format!(
                "{ROLE_B}\n{}deep\n\n{}x\n",
                "> ".repeat(100_000),
                "- ".repeat(50_000)
            )
            .into_bytes(),
        ),
        "symlink-loop" => {
            std::os::unix::fs::symlink("..", root.join("content/roles/loop"))
                .map_err(|e| e.to_string())?;
            std::os::unix::fs::symlink("self.md", root.join("content/roles/self.md"))
                .map_err(|e| e.to_string())?;
        }
        "symlink-outside-file" => {
            write(
                outside,
                "secret.md",
                &role_b_with("title: Applied ML Engineer", "title: SECRET"),
            );
            std::os::unix::fs::symlink(
                outside.join("secret.md"),
                root.join("content/roles/leak.md"),
            )
            .map_err(|e| e.to_string())?;
        }
        "symlink-outside-folder" => {
            write(
                outside,
                "guides/secret.md",
                &GUIDE.replace("Start here", "SECRET"),
            );
            std::os::unix::fs::symlink(outside.join("guides"), root.join("content/elsewhere"))
                .map_err(|e| e.to_string())?;
        }
        "symlink-dangling" => {
            std::os::unix::fs::symlink(
                outside.join("nothing.md"),
                root.join("content/roles/gone.md"),
            )
            .map_err(|e| e.to_string())?;
        }
        "unreadable-file" | "unreadable-folder" => {
            use std::os::unix::fs::PermissionsExt;
            let path = if what == "unreadable-file" {
                root.join(ENGINEER)
            } else {
                root.join("content/roles")
            };
            fs::set_permissions(&path, fs::Permissions::from_mode(0o000))
                .map_err(|e| e.to_string())?;
            let still_readable = if path.is_dir() {
                fs::read_dir(&path).is_ok()
            } else {
                fs::read(&path).is_ok()
            };
            if still_readable {
                fs::set_permissions(&path, fs::Permissions::from_mode(0o755))
                    .map_err(|e| e.to_string())?;
                return Err(format!(
                    "a file with mode 000 is still readable here{}",
                    if is_root() { " (running as root)" } else { "" }
                ));
            }
        }
        "fifo" => {
            let status = std::process::Command::new("mkfifo")
                .arg(root.join("content/roles/pipe.md"))
                .status()
                .map_err(|e| format!("mkfifo: {e}"))?;
            if !status.success() {
                return Err("mkfifo failed".into());
            }
        }
        "folder-named-md" => {
            fs::create_dir_all(root.join("content/roles/folder.md")).map_err(|e| e.to_string())?
        }
        "output-symlink" => {
            fs::create_dir_all(outside.join("real")).map_err(|e| e.to_string())?;
            std::os::unix::fs::symlink(outside.join("real"), root.join("linked"))
                .map_err(|e| e.to_string())?;
        }
        "static-outside" | "templates-outside" | "theme-outside" => {
            // A hostile commit: `static -> ~/.ssh`, and the like for templates and the theme.
            write(outside, "id_rsa", "PRIVATE KEY");
            write(outside, "base.html", "{{ 1 }}");
            let link = match what {
                "static-outside" => root.join("static"),
                "templates-outside" => root.join("templates"),
                _ => root.join("themes/default"),
            };
            if link.exists() {
                fs::remove_dir_all(&link).map_err(|e| e.to_string())?;
            }
            std::os::unix::fs::symlink(outside, &link).map_err(|e| e.to_string())?;
        }
        "escape-in-file-name" => {
            // A page whose file name clears the screen and writes the clipboard when printed.
            write(
                root,
                "content/roles/x\u{1b}[2J\u{1b}]52;c;cm0=\u{7}.md",
                &role_b_with("archetype: builder", "archetype: bulder"),
            );
        }
        "staging-litter" => {
            // What killed builds leave beside the output: removed by the next build.
            for folder in [".public.new-4242-1733050000", ".public.old-4242-1733050001"] {
                write(&root.join(folder), "index.html", "half a site");
            }
        }
        "disk-full" => {
            // Pages bigger than the limit, so writing one fails midway through the build.
            engineer(format!("{ROLE_B}\n{}\n", "Long body text. ".repeat(20_000)).into_bytes());
            return Ok(Prepared {
                shell: Some("trap '' XFSZ; ulimit -f 128;"),
            });
        }
        other => {
            if let Some(text) = other.strip_prefix("config-prepend:") {
                let config = read(root, "site.yaml");
                write(root, "site.yaml", &format!("{text}{config}"));
            } else if let Some(edit) = other.strip_prefix("config-replace:") {
                let (from, to) = edit.split_once("=>").expect("config-replace:FROM=>TO");
                let config = read(root, "site.yaml");
                assert!(config.contains(from), "site.yaml has {from}");
                write(root, "site.yaml", &config.replacen(from, to, 1));
            } else if !bounds::generate(other, root) {
                panic!("unknown generator `{other}`");
            }
        }
    }
    Ok(Prepared::default())
}

/// The problems of one case; empty when it passed.
fn run_case(name: &str, dir: &Path, base: &Path) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(dir.join("case.yaml")).expect("case.yaml");
    let case: Case =
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{name}/case.yaml: {e}"));
    let site = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("tempdir");
    let root = site.path();
    copy_dir(base, root);
    let before = snapshot(&root.join("public"));
    if dir.join("site").is_dir() {
        copy_dir(&dir.join("site"), root);
    }
    let prepared = match &case.generate {
        Some(what) => generate(what, root, outside.path())?,
        None => Prepared::default(),
    };
    let binary = assert_cmd::cargo::cargo_bin("gen");
    let mut cmd = match prepared.shell {
        Some(prefix) => {
            let mut cmd = assert_cmd::Command::new("sh");
            cmd.arg("-c")
                .arg(format!("{prefix} exec \"$0\" \"$@\""))
                .arg(&binary);
            cmd
        }
        None => assert_cmd::Command::new(&binary),
    };
    cmd.current_dir(root)
        .env("NO_COLOR", "1")
        .envs(&case.env)
        .arg("build")
        .args(&case.args)
        .timeout(HANG);
    let output = cmd.output().expect("runs");
    // Put permissions back so the temporary folder can be removed.
    for path in [root.join(ENGINEER), root.join("content/roles")] {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o755));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{name} ({}): {what}", case.about));
    match output.status.code() {
        Some(code) if code == case.exit => {}
        code => fail(format!("exit {code:?}, expected {}", case.exit)),
    }
    for fragment in &case.expect {
        if !stderr.contains(fragment.as_str()) {
            fail(format!("stderr lacks {fragment:?}"));
        }
    }
    for fragment in case
        .reject
        .iter()
        .map(String::as_str)
        .chain(["panicked", "RUST_BACKTRACE"])
    {
        if stderr.contains(fragment) {
            fail(format!("stderr has {fragment:?}"));
        }
    }
    let after = snapshot(&root.join("public"));
    if case.public_unchanged && after != before {
        fail("public/ changed".into());
    }
    for (file, fragments) in &case.output_contains {
        let text = after
            .get(Path::new(file))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        for fragment in fragments {
            if !text.contains(fragment.as_str()) {
                fail(format!("public/{file} lacks {fragment:?}"));
            }
        }
    }
    for fragment in &case.output_lacks {
        for (file, bytes) in &after {
            if String::from_utf8_lossy(bytes).contains(fragment.as_str()) {
                fail(format!("public/{} has {fragment:?}", file.display()));
            }
        }
    }
    let litter: Vec<String> = fs::read_dir(root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    if !litter.is_empty() {
        fail(format!("left beside the output: {litter:?}"));
    }
    if !problems.is_empty() || std::env::var_os("SHOW_STDERR").is_some() {
        problems.push(format!("--- stderr of {name}:\n{stderr}"));
    }
    Ok(problems)
}

#[test]
fn every_case_of_the_corpus_fails_cleanly_and_keeps_the_last_good_site() {
    let cases = corpus();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let base = small_site();
    gen_in(base.path()).arg("build").assert().success();
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, dir) in &cases {
        match run_case(name, dir, base.path()) {
            Ok(problems) => {
                ran += 1;
                failures.extend(problems);
            }
            Err(reason) => eprintln!("SKIPPED {name}: {reason}"),
        }
    }
    eprintln!("{ran} of {} bad-input cases ran", cases.len());
    // With SHOW_STDERR set, every case's report is printed (and the test fails, to show it).
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/roles/engineer.md",
        &role_b_with("summary:", "sumary:"),
    );
    write(
        root,
        "content/guides/start.md",
        &GUIDE.replacen("weight: 1", "weight: heavy", 1),
    );
    write(
        root,
        "content/roles/x.md",
        &role_b_with("archetype: builder", "archetype: bulder")
            .replace("title: Applied ML Engineer", "title: X"),
    );
    let output = gen_in(root).arg("build").output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for file in [
        "content/roles/engineer.md:4:1",
        "content/guides/start.md:4:",
        "content/roles/x.md:3:12",
    ] {
        assert!(stderr.contains(file), "{file} in\n{stderr}");
    }
    assert!(stderr.contains("3 errors"), "{stderr}");
}

#[test]
fn a_missing_site_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = gen_in(dir.path()).arg("build").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("site.yaml") && stderr.contains("--root"),
        "{stderr}"
    );
}

#[test]
fn an_error_report_names_file_line_and_help() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/roles/engineer.md",
        &role_b_with("archetype: builder", "archetype: bulder"),
    );
    let output = gen_in(root).arg("build").output().expect("runs");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(root.to_string_lossy().as_ref(), "<site>");
    insta::assert_snapshot!(stderr);
}
