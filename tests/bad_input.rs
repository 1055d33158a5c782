//! Bad input, one row a case: the build fails with the right exit code, names the file and
//! the line (and column), says what was wrong, and leaves the last good `public/` untouched.

mod common;

use std::path::Path;

use common::*;

/// What to do to a valid site before building again.
enum Change {
    Write(&'static str, String),
    WriteBytes(&'static str, Vec<u8>),
    Args(&'static [&'static str]),
    Run(fn(&Path)),
}

struct Case {
    name: &'static str,
    change: Change,
    exit: i32,
    /// Each must appear in stderr.
    expect: &'static [&'static str],
}

fn role_b_with(from: &str, to: &str) -> String {
    assert!(ROLE_B.contains(from), "fixture has {from}");
    ROLE_B.replacen(from, to, 1)
}

fn cases() -> Vec<Case> {
    use Change::*;
    const ENGINEER: &str = "content/roles/engineer.md";
    vec![
        Case {
            name: "malformed YAML",
            change: Write(ENGINEER, role_b_with("title: Applied ML Engineer", "title: [Applied ML Engineer")),
            exit: 1,
            expect: &["content/roles/engineer.md:2:"],
        },
        Case {
            name: "unclosed front matter",
            change: Write(ENGINEER, ROLE_B.replacen("---\n\nBody", "\nBody", 1)),
            exit: 1,
            expect: &["content/roles/engineer.md:1:1", "never closed", "add a `---` line"],
        },
        Case {
            name: "no front matter",
            change: Write(ENGINEER, "# Just a heading\n".into()),
            exit: 1,
            expect: &["content/roles/engineer.md:1:1", "must start with a `---` line"],
        },
        Case {
            name: "unknown key with suggestion",
            change: Write(ENGINEER, role_b_with("summary:", "sumary:")),
            exit: 1,
            expect: &["content/roles/engineer.md:4:1", "unknown key `sumary`", "did you mean `summary`?"],
        },
        Case {
            name: "unknown nested key with suggestion",
            change: Write(ENGINEER, role_b_with("  primary: [applied-ml]", "  primary: [applied-ml]\n  secundary: [product]")),
            exit: 1,
            expect: &["content/roles/engineer.md:9:3", "unknown key `secundary`", "did you mean `secondary`?"],
        },
        Case {
            name: "wrong type",
            change: Write(ENGINEER, role_b_with("decisions: [Model choice within the approved budget]", "decisions: 5")),
            exit: 1,
            expect: &["content/roles/engineer.md:6:12", "`decisions` must be a list"],
        },
        Case {
            name: "wrong type inside success",
            change: Write(ENGINEER, role_b_with("  90d: [First model in staging]", "  90d: First model in staging")),
            exit: 1,
            expect: &["content/roles/engineer.md:10:8", "`success.90d` must be a list"],
        },
        Case {
            name: "missing required field",
            change: Write(ENGINEER, role_b_with("outcome: Ship one model to production by Q3 with an eval suite.\n", "")),
            exit: 1,
            expect: &["content/roles/engineer.md:2:1", "missing required key `outcome`"],
        },
        Case {
            name: "duplicate key",
            change: Write(ENGINEER, role_b_with("archetype: builder", "archetype: builder\narchetype: manager")),
            exit: 1,
            expect: &["content/roles/engineer.md:4:1", "duplicate key `archetype`"],
        },
        Case {
            name: "unknown capability",
            change: Write(ENGINEER, role_b_with("primary: [applied-ml]", "primary: [aplied-ml]")),
            exit: 1,
            expect: &["content/roles/engineer.md:8:13", "unknown capability `aplied-ml`", "did you mean `applied-ml`?"],
        },
        Case {
            name: "unknown archetype",
            change: Write(ENGINEER, role_b_with("archetype: builder", "archetype: bulder")),
            exit: 1,
            expect: &["content/roles/engineer.md:3:12", "unknown archetype `bulder`", "did you mean `builder`?"],
        },
        Case {
            name: "empty decisions",
            change: Write(ENGINEER, role_b_with("decisions: [Model choice within the approved budget]", "decisions: []")),
            exit: 1,
            expect: &["content/roles/engineer.md:6:", "`decisions` is empty"],
        },
        Case {
            name: "hire_after names no brief",
            change: Write(ENGINEER, role_b_with("hire_after: [head-of-ai]", "hire_after: [head-of-aj]")),
            exit: 1,
            expect: &["content/roles/engineer.md:11:14", "`head-of-aj`", "did you mean `head-of-ai`?"],
        },
        Case {
            name: "duplicate slug",
            change: Write("content/roles/other.md", role_b_with("title: Applied ML Engineer", "title: Other\nslug: engineer")),
            exit: 1,
            expect: &["content/roles/other.md:3:7", "duplicate address `/roles/engineer/`", "content/roles/engineer.md"],
        },
        Case {
            name: "invalid slug from the file name",
            change: Write("content/roles/Data Engineer.md", role_b_with("title: Applied ML Engineer", "title: Data")),
            exit: 1,
            expect: &["content/roles/Data Engineer.md:1:1", "not a valid slug", "`data-engineer`"],
        },
        Case {
            name: "broken internal link",
            change: Write(ENGINEER, format!("{ROLE_B}\nSee [the lead](head-of-al.md).\n")),
            exit: 1,
            expect: &["content/roles/engineer.md:16:5", "broken link `head-of-al.md`", "did you mean `@/roles/head-of-ai.md`?"],
        },
        Case {
            name: "broken anchor",
            change: Write(ENGINEER, format!("{ROLE_B}\nSee [why](@/guides/start.md#whyy).\n")),
            exit: 1,
            expect: &["content/roles/engineer.md:16:5", "no heading `#whyy`", "did you mean `#why`?"],
        },
        Case {
            name: "link out of content",
            change: Write(ENGINEER, format!("{ROLE_B}\n[x](../../site.md)\n")),
            exit: 1,
            expect: &["content/roles/engineer.md:16:1", "leads outside content/"],
        },
        Case {
            name: "template syntax error",
            change: Write("templates/page.html", "{% extends \"base.html\" %}\n{% block main %}\n{% if %}\n{% endblock main %}\n".into()),
            exit: 1,
            expect: &["templates/page.html:3:", "template syntax error"],
        },
        Case {
            name: "missing template variable",
            change: Write("templates/page.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ page.nope }}\n{% endblock main %}\n".into()),
            exit: 1,
            expect: &["templates/page.html:3:", "nope"],
        },
        Case {
            name: "non-UTF-8 file",
            change: WriteBytes(ENGINEER, b"---\ntitle: Bad \xff byte\n---\n".to_vec()),
            exit: 1,
            expect: &["content/roles/engineer.md:2:12", "not valid UTF-8"],
        },
        Case {
            name: "empty file",
            change: Write(ENGINEER, String::new()),
            exit: 1,
            expect: &["content/roles/engineer.md:1:1", "the file is empty"],
        },
        Case {
            name: "guide with an unknown key",
            change: Write("content/guides/start.md", GUIDE.replacen("weight: 1", "wieght: 1", 1)),
            exit: 1,
            expect: &["content/guides/start.md:4:1", "did you mean `weight`?"],
        },
        Case {
            name: "site.yaml unknown key",
            change: Run(|root| {
                let config = std::fs::read_to_string(root.join("site.yaml")).expect("read");
                std::fs::write(root.join("site.yaml"), format!("titel: x\n{config}")).expect("write");
            }),
            exit: 1,
            expect: &["site.yaml:1:1", "unknown key `titel`", "did you mean `title`?"],
        },
        Case {
            name: "missing theme",
            change: Run(|root| {
                let config = std::fs::read_to_string(root.join("site.yaml")).expect("read");
                std::fs::write(root.join("site.yaml"), config.replace("theme: default", "theme: nosuch")).expect("write");
            }),
            exit: 1,
            expect: &["site.yaml:", "theme `nosuch` not found"],
        },
        Case {
            name: "output folder is the content folder",
            change: Args(&["--output", "content"]),
            exit: 2,
            expect: &["refusing", "inside the site's `content/` folder"],
        },
        Case {
            name: "output folder is the site root",
            change: Args(&["--output", "."]),
            exit: 2,
            expect: &["refusing", "site's root folder"],
        },
        Case {
            name: "output folder is a foreign non-empty folder",
            change: Run(|root| write(root, "elsewhere/keep.txt", "mine")),
            exit: 2,
            expect: &["refusing", "did not create"],
        },
        Case {
            name: "output path is a file",
            change: Run(|root| write(root, "elsewhere", "a file")),
            exit: 2,
            expect: &["refusing", "is a file"],
        },
    ]
}

#[test]
fn every_bad_input_fails_cleanly_and_keeps_the_last_good_site() {
    let mut failures = Vec::new();
    for case in cases() {
        let site = small_site();
        let root = site.path();
        gen_in(root).arg("build").assert().success();
        let before = snapshot(&root.join("public"));

        let mut cmd = gen_in(root);
        cmd.arg("build");
        match &case.change {
            Change::Write(path, text) => write(root, path, text),
            Change::WriteBytes(path, bytes) => write_bytes(root, path, bytes),
            Change::Args(args) => {
                cmd.args(*args);
            }
            Change::Run(f) => {
                f(root);
                if case.name.starts_with("output") {
                    cmd.args(["--output", "elsewhere"]);
                }
            }
        }
        let output = cmd.output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        if code != Some(case.exit) {
            failures.push(format!(
                "{}: exit {code:?}, expected {}\n{stderr}",
                case.name, case.exit
            ));
        }
        for fragment in case.expect {
            if !stderr.contains(fragment) {
                failures.push(format!(
                    "{}: stderr lacks {fragment:?}\n{stderr}",
                    case.name
                ));
            }
        }
        if stderr.contains("panicked") {
            failures.push(format!("{}: panicked\n{stderr}", case.name));
        }
        if snapshot(&root.join("public")) != before {
            failures.push(format!("{}: public/ changed", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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
