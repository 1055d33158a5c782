//! Authoring tools on real folders: `gen init`, `gen new role`, `gen new page`, `gen schema`
//! (checked against the parser with the `jsonschema` crate) and shell completions.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("playbook");
    gen_in(dir.path())
        .args(["init", "playbook"])
        .assert()
        .success();
    for file in [
        "site.yaml",
        ".gitignore",
        "role.schema.json",
        "content/roles/caio.md",
        "content/guides/intake-questions.md",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    assert!(
        !site.join("themes").exists(),
        "the default theme is built in"
    );
    gen_in(&site)
        .args(["check", "--deny-warnings"])
        .assert()
        .success();
    gen_in(&site).arg("build").assert().success();
    assert!(site.join("public/roles/caio/index.html").is_file());
    assert!(
        site.join("public/style.css").is_file(),
        "the built-in theme's static files"
    );
}

#[test]
fn a_bare_site_has_one_brief_and_the_guides_and_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("bare");
    gen_in(dir.path())
        .args(["init", "bare", "--bare"])
        .assert()
        .success();
    let briefs: Vec<_> = std::fs::read_dir(site.join("content/roles"))
        .expect("roles")
        .collect();
    assert_eq!(briefs.len(), 1);
    assert!(site.join("content/guides/director-of-ai-trap.md").is_file());
    gen_in(&site).arg("build").assert().success();
}

#[test]
fn init_refuses_a_non_empty_folder_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "site.yaml", "mine");
    gen_in(dir.path())
        .args(["init", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not empty").and(predicate::str::contains("--force")));
    assert_eq!(read(dir.path(), "site.yaml"), "mine");
    gen_in(dir.path())
        .args(["init", ".", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("kept (exists): site.yaml"));
    assert_eq!(read(dir.path(), "site.yaml"), "mine", "--force only adds");
    assert!(dir.path().join("content/roles/caio.md").is_file());
}

#[test]
fn init_force_adds_only_missing_files_and_keeps_edited_ones_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path();
    gen_in(site).args(["init", "."]).assert().success();
    let edited_config = format!("{}\n# our own edits\n", read(site, "site.yaml"));
    write(site, "site.yaml", &edited_config);
    write(
        site,
        "content/roles/caio.md",
        "---\nour: edited brief\n---\n",
    );
    write(site, ".gitignore", "/public\n/notes\n");
    std::fs::remove_file(site.join("content/roles/data-engineer.md")).expect("remove");
    let before = snapshot(site);
    gen_in(site)
        .args(["init", ".", "--force"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("kept (exists): site.yaml")
                .and(predicate::str::contains(
                    "kept (exists): content/roles/caio.md",
                ))
                .and(predicate::str::contains("Added 1 missing file")),
        );
    let after = snapshot(site);
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
    }
    let added: Vec<_> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert_eq!(
        added,
        [std::path::Path::new("content/roles/data-engineer.md")]
    );
}

#[test]
fn new_role_passes_validation_and_is_never_overwritten() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args([
            "new",
            "role",
            "Head of AI, Claims",
            "--archetype",
            "manager",
        ])
        .assert()
        .success();
    let path = root.join("content/roles/head-of-ai-claims.md");
    let text = std::fs::read_to_string(&path).expect("scaffold");
    assert!(text.starts_with("---\n# yaml-language-server: $schema=../../role.schema.json\n"));
    for key in [
        "title:",
        "archetype: manager",
        "summary:",
        "outcome:",
        "decisions:",
        "owns_after_launch:",
        "capabilities:",
        "interfaces:\n  product: \"\"\n  data: \"\"\n  security: \"\"\n  it: \"\"\n",
        "also\n# possible: operations, hr, legal, finance.",
        "success:",
        "hire_after:",
        "constraints:",
        "tools:",
        "interview_probes:",
        "red_flags:",
        "tags:",
        "status:",
    ] {
        assert!(text.contains(key), "{key}");
    }
    for question in [
        "in the next 12 months",
        "decisions will this person own",
        "already staffed",
        "Builder, manager, architect or executive operator",
        "governance requirements",
        "90 days, 6 months and 12 months",
    ] {
        assert!(text.contains(question), "intake question: {question}");
    }
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(0), "warnings allowed, no errors");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["summary"]["errors"], 0);
    gen_in(root).arg("build").assert().success();

    std::fs::write(&path, "edited").expect("edit");
    gen_in(root)
        .args(["new", "role", "Head of AI, Claims"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "edited");
}

#[test]
fn an_extend_and_own_brief_asks_for_the_handover_facts_and_checks() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args(["new", "role", "Head of AI, Claims", "--extend-and-own"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
    gen_in(root)
        .args([
            "new",
            "role",
            "Head of AI, Claims",
            "--from",
            "head-of-ai",
            "--extend-and-own",
        ])
        .assert()
        .success();
    let text =
        std::fs::read_to_string(root.join("content/plan/head-of-ai-claims.md")).expect("scaffold");
    for key in [
        "starting_point: extend-and-own",
        "handover:\n  system:",
        "  evals:",
        "  runbooks:",
        "  on_call:",
        "partner_exit:",
        "covered_by:",
        "# target_start:",
        "# approval:",
    ] {
        assert!(text.contains(key), "{key}");
    }
    let validator = schema_validator();
    assert!(
        validator.is_valid(&front_matter(&text)),
        "the schema accepts it"
    );
    let output = gen_in(root)
        .args(["check", "--format", "json"])
        .output()
        .expect("check");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["summary"]["errors"], 0, "{report}");
    // Without the flag, the plan fields are hints only.
    gen_in(root)
        .args(["new", "role", "ML Engineer, Claims", "--from", "head-of-ai"])
        .assert()
        .success();
    let plain =
        std::fs::read_to_string(root.join("content/plan/ml-engineer-claims.md")).expect("scaffold");
    assert!(plain.contains("# starting_point: greenfield") && !plain.contains("\nhandover:"));
}

#[test]
fn new_role_rejects_unknown_archetypes_and_bad_slugs() {
    let site = small_site();
    gen_in(site.path())
        .args(["new", "role", "X", "--archetype", "bulder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `builder`?"));
    gen_in(site.path())
        .args(["new", "role", "X", "--slug", "Bad Slug"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid slug"));
}

#[test]
fn new_page_builds() {
    let site = small_site();
    gen_in(site.path())
        .args(["new", "page", "Interview loop"])
        .assert()
        .success();
    assert!(
        site.path()
            .join("content/guides/interview-loop.md")
            .is_file()
    );
    gen_in(site.path()).arg("build").assert().success();
    assert!(
        read(site.path(), "public/guides/interview-loop/index.html").contains("Interview loop")
    );
}

fn front_matter(text: &str) -> serde_json::Value {
    let end = text[4..].find("\n---").expect("closing fence") + 4;
    serde_saphyr::from_str(&text[..end]).expect("yaml")
}

fn schema_validator() -> jsonschema::Validator {
    let output = gen_in(&repo()).arg("schema").output().expect("schema");
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("schema is JSON");
    jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema")
}

#[test]
fn the_schema_accepts_every_shipped_brief() {
    let validator = schema_validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(repo().join("content/roles")).expect("roles") {
        let path = entry.expect("entry").path();
        let value = front_matter(&std::fs::read_to_string(&path).expect("read"));
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 9);
    let scaffolded = small_site();
    gen_in(scaffolded.path())
        .args(["new", "role", "Fresh"])
        .assert()
        .success();
    let value = front_matter(&read(scaffolded.path(), "content/roles/fresh.md"));
    assert!(
        validator.is_valid(&value),
        "a scaffolded brief matches the schema"
    );
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = schema_validator();
    assert!(
        validator.is_valid(&front_matter(ROLE_B)),
        "the fixture itself is valid"
    );
    let with_loop = ROLE_B.replacen(
        "hire_after: [head-of-ai]",
        "hire_after: [head-of-ai]\ninterview_loop:\n  - stage: Screen\n    interviewer: Head of AI\n    capabilities: [applied-ml]\n    probes: [Walk us through a model you shipped.]",
        1,
    );
    assert!(
        validator.is_valid(&front_matter(&with_loop)),
        "a brief with an interview loop is valid"
    );
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown key",
            "title: Applied ML Engineer",
            "title: Applied ML Engineer\ntitel: typo",
        ),
        (
            "wrong type",
            "hire_after: [head-of-ai]",
            "hire_after: head-of-ai",
        ),
        ("missing required key", "archetype: builder\n", ""),
        (
            "unknown archetype",
            "archetype: builder",
            "archetype: bulder",
        ),
        (
            "unknown capability",
            "primary: [applied-ml]",
            "primary: [aplied-ml]",
        ),
        (
            "empty decisions",
            "decisions: [Model choice within the approved budget]",
            "decisions: []",
        ),
        (
            "bad slug",
            "title: Applied ML Engineer",
            "title: Applied ML Engineer\nslug: Bad Slug",
        ),
        (
            "bad status",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nstatus: hiring",
        ),
        (
            "unknown lint allowed",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow: [tool-sop]",
        ),
        (
            "unknown lint waived with a reason",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow: {tool-sop: \"One platform team\"}",
        ),
        (
            "the readiness gate waived",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow: {not-ready: \"The board decides the reporting line in May\"}",
        ),
        (
            "a reason given as a list",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow:\n  tool-soup: [one team, many tools]",
        ),
        (
            "waivers given as text",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nallow: tool-soup",
        ),
        (
            "unknown horizon",
            "  90d: [First model in staging]",
            "  2y: [later]",
        ),
        (
            "bad interface",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ninterfaces:\n  produkt: with the CPO",
        ),
        (
            "a stage rating an unknown capability",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ninterview_loop:\n  - stage: Screen\n    capabilities: [aplied-ml]",
        ),
        (
            "a stage written as text",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ninterview_loop: [Screen, Team fit]",
        ),
        (
            "a target start written as words",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ntarget_start: Q2 2027",
        ),
        (
            "a target start written as a day",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ntarget_start: 2027-04-01",
        ),
        (
            "an approval state the plan does not know",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\napproval: {state: pending, by: CFO}",
        ),
        (
            "handover facts on a greenfield brief",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\nstarting_point: greenfield\nhandover: {system: Claims triage model}",
        ),
        (
            "cover of an unknown kind",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ncovered_by:\n  - {kind: freelancer, name: Ana, until: 2027-03}",
        ),
        (
            "cover of an unknown capability",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ncovered_by:\n  - {kind: partner, name: Nordlicht, until: 2027-03, capabilities: [aplied-ml]}",
        ),
        (
            "a cost band in words",
            "hire_after: [head-of-ai]",
            "hire_after: [head-of-ai]\ncost: about 90k",
        ),
    ];
    for (name, from, to) in cases {
        assert!(ROLE_B.contains(from), "{name}: fixture has {from:?}");
        let bad = ROLE_B.replacen(from, to, 1);
        assert!(
            !validator.is_valid(&front_matter(&bad)),
            "{name} should be rejected by the schema"
        );
        let site = small_site();
        write(site.path(), "content/roles/engineer.md", &bad);
        let output = gen_in(site.path()).arg("check").output().expect("check");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name} should be rejected by gen check"
        );
    }
}

#[test]
fn the_schema_accepts_both_forms_of_allow_as_the_parser_does() {
    let validator = schema_validator();
    // (allow as written, gen check's exit code: warnings alone do not fail it)
    let forms = [
        "allow:\n  tool-soup: \"One polyglot platform team runs ingestion, serving and evals\"",
        "allow: {tool-soup: \"One polyglot platform team\", missing-probes: \"Internal transfer; no external interviews\"}",
        "allow: {tool-soup: \"\"}",
        "allow:\n  tool-soup:",
        "allow: [tool-soup]",
        "allow:\n  - tool-soup\n  - missing-probes",
    ];
    for allow in forms {
        let brief = ROLE_B.replacen(
            "hire_after: [head-of-ai]",
            &format!("hire_after: [head-of-ai]\n{allow}"),
            1,
        );
        let errors: Vec<String> = validator
            .iter_errors(&front_matter(&brief))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{allow}: {errors:?}");
        let site = small_site();
        write(site.path(), "content/roles/engineer.md", &brief);
        let output = gen_in(site.path()).arg("check").output().expect("check");
        assert_eq!(output.status.code(), Some(0), "{allow} parses");
    }
}

#[test]
fn schema_output_file_and_completions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("role.schema.json");
    gen_in(&repo())
        .args(["schema", "--output"])
        .arg(&file)
        .assert()
        .success();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("file")).expect("json");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for shell in ["bash", "zsh", "fish"] {
        gen_in(&repo())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("gen").and(predicate::str::contains("serve")));
    }
}

/// The README lists every shell `gen completions` offers, and each gets a script.
#[test]
fn the_readme_lists_every_completion_shell() {
    let help = gen_in(&repo())
        .args(["completions", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    let shells: Vec<&str> = help
        .split_once("[possible values: ")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(values, _)| values.split(", ").collect())
        .expect("the shells in the help");
    assert!(shells.len() >= 5, "{shells:?}");
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let row = readme
        .lines()
        .find(|l| l.starts_with("| `gen completions "))
        .expect("the README's completions row");
    let listed = row
        .trim_start_matches("| `gen completions ")
        .split('`')
        .next()
        .unwrap_or("");
    let listed: Vec<&str> = listed.split("\\|").collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, shells, "README lists {listed:?}");
    for shell in shells {
        gen_in(&repo())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("serve"));
    }
}

/// The README says how to install `gen` onto the PATH and names every package `.ci/run`
/// installs for the tests that use outside tools (each test skips, saying why, without it).
#[test]
fn the_readme_says_how_to_install_and_names_every_test_tool() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    assert!(readme.contains("cargo install --path ."), "no install line");
    let cargo = std::fs::read_to_string(repo().join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        cargo.contains("[[bin]]\nname = \"gen\""),
        "the binary is gen"
    );
    let ci = std::fs::read_to_string(repo().join(".ci/run")).expect(".ci/run");
    let mut packages = Vec::new();
    for line in ci.lines().map(str::trim).filter(|l| !l.starts_with('#')) {
        for installer in [
            "apt-get install -y -qq ",
            "pip install --quiet ",
            "axe-core@",
        ] {
            if let Some((_, rest)) = line.split_once(installer) {
                let names = rest.split(['>', ')', '|']).next().unwrap_or("");
                packages.extend(
                    names
                        .split_whitespace()
                        .filter(|n| !n.starts_with('-'))
                        .map(|n| match installer {
                            "axe-core@" => "axe-core".to_string(),
                            _ => n.to_string(),
                        }),
                );
            }
        }
    }
    assert!(packages.len() >= 8, "{packages:?}");
    let table = readme
        .split_once("**Which tests need which tools.**")
        .map(|(_, rest)| rest)
        .expect("the README's table of test tools");
    for package in packages {
        assert!(
            table.contains(&format!("`{package}")) || table.contains(&format!(" {package}`")),
            "the README's test tools lack {package}"
        );
    }
}

#[test]
fn help_shows_examples_for_each_command() {
    for command in ["build", "serve", "watch", "check", "init", "schema"] {
        gen_in(&repo())
            .args(["help", command])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[cfg(unix)]
#[test]
fn new_role_never_writes_through_a_link_or_outside_the_site() {
    let site = small_site();
    let root = site.path();
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let target = elsewhere.path().join("x.md");
    std::os::unix::fs::symlink(&target, root.join("content/roles/x.md")).expect("link");
    gen_in(root)
        .args(["new", "role", "X"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("content/roles/x.md is a symbolic link")
                .and(predicate::str::contains("never writes through a link")),
        );
    assert!(
        !target.exists(),
        "the link's target outside the site was created"
    );

    // Nor reads a brief to derive from through a link.
    let secret = elsewhere.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: SECRET\noutcome: SECRET\n---\n").expect("secret");
    std::os::unix::fs::symlink(&secret, root.join("content/roles/leak.md")).expect("link");
    gen_in(root)
        .args(["new", "role", "Leaked", "--from", "leak"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no brief `leak`"));
    assert!(!root.join("content/plan/leaked.md").exists());
    std::fs::remove_file(root.join("content/roles/leak.md")).expect("unlink");
    std::fs::remove_file(&secret).expect("rm secret");

    // A folder that leads outside the site receives nothing either.
    std::os::unix::fs::symlink(elsewhere.path(), root.join("content/plan")).expect("link");
    gen_in(root)
        .args(["new", "role", "Y", "--from", "engineer"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("refusing to write into content/plan")
                .and(predicate::str::contains("outside the site")),
        );
    std::fs::remove_file(root.join("content/plan")).expect("unlink");
    std::fs::remove_dir_all(root.join("content/guides")).expect("rm guides");
    std::os::unix::fs::symlink(elsewhere.path(), root.join("content/guides")).expect("link");
    gen_in(root)
        .args(["new", "page", "Z"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside the site"));
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).expect("list").count(),
        0,
        "nothing was made outside the site"
    );
}

#[test]
fn new_refuses_a_slug_another_page_already_uses() {
    let site = small_site();
    let root = site.path();
    write(root, "content/plan/claims-lead.md", ROLE_B);
    gen_in(root)
        .args(["new", "role", "Claims Lead"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("content/plan/claims-lead.md")
                .and(predicate::str::contains("/roles/claims-lead/"))
                .and(predicate::str::contains("--slug claims-lead-2")),
        );
    assert!(!root.join("content/roles/claims-lead.md").exists());

    // The other way round, and through a `slug:` in the front matter.
    gen_in(root)
        .args(["new", "role", "Engineer", "--from", "head-of-ai"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("content/roles/engineer.md"));
    assert!(!root.join("content/plan/engineer.md").exists());
    write(
        root,
        "content/plan/lead.md",
        &ROLE_B.replacen("title:", "slug: ops-lead\ntitle:", 1),
    );
    gen_in(root)
        .args(["new", "role", "Ops Lead"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("content/plan/lead.md"));

    // Guides too: `guides/setup/index.md` is the page at /guides/setup/.
    write(root, "content/guides/setup/index.md", GUIDE);
    gen_in(root)
        .args(["new", "page", "Setup"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("content/guides/setup/index.md"));
    assert!(!root.join("content/guides/setup.md").exists());

    gen_in(root)
        .args(["new", "role", "Claims Lead", "--slug", "claims-lead-2"])
        .assert()
        .success();
}
