//! Incremental rebuilds must produce exactly what a clean build produces. Random edit
//! sequences (bodies, front matter, new, renamed and deleted briefs, broken files and their
//! fixes, templates, static files, site.yaml) are applied to a site; after each, the rebuilt
//! site is compared byte for byte with a clean build of the same tree.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use rolebook::LoadOptions;
use rolebook::engine::build::Build;
use rolebook::engine::plan::ChangeSet;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn files_of(build: &Build) -> BTreeMap<String, Vec<u8>> {
    build
        .files
        .iter()
        .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
        .collect()
}

fn clean(root: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    Build::new(root, &LoadOptions::default(), Default::default())
        .map(|b| files_of(&b))
        .map_err(|e| e.to_string())
}

/// Replace the first line of `path` starting with `prefix` by `line`.
fn set_line(root: &Path, path: &str, prefix: &str, line: &str) {
    let text = read(root, path);
    let old = text
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("{path} has no {prefix} line"))
        .to_string();
    write(root, path, &text.replacen(&old, line, 1));
}

/// Like `set_line`, or add `line` after the title when no line starts with `prefix`.
fn set_or_add_line(root: &Path, path: &str, prefix: &str, line: &str) {
    let text = read(root, path);
    if text.lines().any(|l| l.starts_with(prefix)) {
        set_line(root, path, prefix, line);
    } else {
        let title = text
            .lines()
            .find(|l| l.starts_with("title:"))
            .unwrap_or_else(|| panic!("{path} has no title"))
            .to_string();
        write(
            root,
            path,
            &text.replacen(&title, &format!("{title}\n{line}"), 1),
        );
    }
}

/// The team plan's briefs, derived from the edited archetypes.
const PLAN: [&str; 3] = [
    "content/plan/claims-ai-lead.md",
    "content/plan/claims-ml-engineer.md",
    "content/plan/motor-ml-engineer.md",
];

struct Sim<'a> {
    root: &'a Path,
    rng: Rng,
    next_id: usize,
    /// Briefs the simulation added (safe to rename or delete: nothing links to them).
    added: Vec<String>,
    /// A file currently broken, with its good text.
    broken: Option<(String, String)>,
}

impl Sim<'_> {
    fn roles(&self) -> Vec<String> {
        let mut roles: Vec<String> = fs::read_dir(self.root.join("content/roles"))
            .expect("list")
            .map(|e| {
                format!(
                    "content/roles/{}",
                    e.expect("entry").file_name().to_string_lossy()
                )
            })
            .collect();
        roles.sort();
        roles
    }

    fn pick_role(&mut self) -> String {
        let roles: Vec<String> = self
            .roles()
            .into_iter()
            .filter(|r| self.broken.as_ref().is_none_or(|(b, _)| b != r))
            .collect();
        roles[self.rng.below(roles.len())].clone()
    }

    fn slug_of(path: &str) -> String {
        path.rsplit('/')
            .next()
            .expect("name")
            .trim_end_matches(".md")
            .to_string()
    }

    /// Apply one random edit; return what a watcher would report.
    fn edit(&mut self) -> (String, ChangeSet) {
        let mut changes = ChangeSet::default();
        let root = self.root;
        let n = self.next_id;
        self.next_id += 1;
        let choice = self.rng.below(18);
        let name = match choice {
            0 | 1 => {
                let path = self.pick_role();
                let text = read(root, &path);
                write(
                    root,
                    &path,
                    // Every third one leaves a placeholder, a finding whose level follows
                    // the brief's status.
                    &format!(
                        "{text}\n{}Paragraph {n} with [a link](@/guides/start.md).\n",
                        if n.is_multiple_of(3) { "TODO: " } else { "" }
                    ),
                );
                changes.content.insert(PathBuf::from(&path));
                format!("body edit of {path}")
            }
            2 => {
                let path = self.pick_role();
                let text = read(root, &path);
                // Odd steps leave the section empty (a lint finding until text follows).
                let body = if n % 2 == 1 { "" } else { "\nText.\n" };
                write(root, &path, &format!("{text}\n## Section {n}\n{body}"));
                changes.content.insert(PathBuf::from(&path));
                format!("new heading in {path}")
            }
            3 | 4 => {
                let path = self.pick_role();
                set_line(
                    root,
                    &path,
                    "summary:",
                    &format!("summary: Summary number {n}."),
                );
                changes.content.insert(PathBuf::from(&path));
                format!("summary edit of {path}")
            }
            5 => {
                let path = self.pick_role();
                set_line(root, &path, "title:", &format!("title: Role title {n}"));
                changes.content.insert(PathBuf::from(&path));
                format!("title edit of {path}")
            }
            6 => {
                let path = self.pick_role();
                let target = Self::slug_of(&self.pick_role());
                let value = if target == Self::slug_of(&path) {
                    String::new()
                } else {
                    target
                };
                set_line(
                    root,
                    &path,
                    "hire_after:",
                    &format!("hire_after: [{value}]"),
                );
                changes.content.insert(PathBuf::from(&path));
                format!("hire_after edit of {path}")
            }
            7 => {
                let path = format!("content/roles/added-{n}.md");
                let after = Self::slug_of(&self.pick_role());
                let text = ROLE_B
                    .replace("title: Applied ML Engineer", &format!("title: Added {n}"))
                    .replace(
                        "hire_after: [head-of-ai]",
                        &format!("hire_after: [{after}]"),
                    );
                write(root, &path, &text);
                self.added.push(path.clone());
                changes.content.insert(PathBuf::from(&path));
                format!("new brief {path}")
            }
            8 if !self.added.is_empty() => {
                let i = self.rng.below(self.added.len());
                let path = self.added.remove(i);
                fs::remove_file(root.join(&path)).expect("rm");
                changes.content.insert(PathBuf::from(&path));
                format!("deleted {path}")
            }
            9 if !self.added.is_empty() => {
                let i = self.rng.below(self.added.len());
                let from = self.added[i].clone();
                let to = format!("content/roles/renamed-{n}.md");
                fs::rename(root.join(&from), root.join(&to)).expect("rename");
                self.added[i] = to.clone();
                changes.content.insert(PathBuf::from(&from));
                changes.content.insert(PathBuf::from(&to));
                format!("renamed {from} to {to}")
            }
            10 => match self.broken.take() {
                Some((path, good)) => {
                    write(root, &path, &good);
                    changes.content.insert(PathBuf::from(&path));
                    format!("fixed {path}")
                }
                None => {
                    let path = self.pick_role();
                    let good = read(root, &path);
                    // A file that does not load, or one that loads and fails the render
                    // (a broken link is an error): both leave the last site as it was. The
                    // link comes with a new heading, which its fix keeps: the heading is
                    // new to the site only if the failed render left no trace.
                    let (bad, fixed, how) = if self.rng.below(2) == 0 {
                        let bad = good.replacen("archetype:", "archetyp:", 1);
                        (bad, good, "front matter")
                    } else {
                        let fixed = format!("{good}\n## Gone {n}\n");
                        let bad = format!("{fixed}\nSee [gone](no-such-page-{n}.md).\n");
                        (bad, fixed, "a link")
                    };
                    write(root, &path, &bad);
                    changes.content.insert(PathBuf::from(&path));
                    self.broken = Some((path.clone(), fixed));
                    format!("broke {path}'s {how}")
                }
            },
            11 => {
                let template =
                    ["role.html", "page.html", "base.html", "index.html"][self.rng.below(4)];
                let theme_file = repo().join("themes/default/templates").join(template);
                let text = fs::read_to_string(theme_file).expect("theme template");
                let path = format!("templates/{template}");
                write(root, &path, &format!("{text}<!-- edit {n} -->\n"));
                changes.templates.insert(PathBuf::from(&path));
                format!("template edit {path}")
            }
            12 => {
                write(root, "static/extra.css", &format!("body {{ --n: {n}; }}\n"));
                changes.statics.insert(PathBuf::from("static/extra.css"));
                "static edit".to_string()
            }
            13 => {
                set_line(
                    root,
                    "content/guides/start.md",
                    "title:",
                    &format!("title: Start {n}"),
                );
                changes
                    .content
                    .insert(PathBuf::from("content/guides/start.md"));
                "guide title edit".to_string()
            }
            14..=16 => {
                // The fields the overviews and term pages show, one at a time; a third of
                // them in the team plan (the readiness table's briefs), in the fields a
                // derived brief can write alone.
                let in_plan = self.rng.below(3) == 0;
                let path = if in_plan {
                    PLAN[self.rng.below(PLAN.len())].to_string()
                } else {
                    self.pick_role()
                };
                let field = if in_plan {
                    2 + self.rng.below(10)
                } else {
                    self.rng.below(12)
                };
                let (prefix, line) = match field {
                    0 => ("tags:", format!("tags: [t{}, shared]", n % 3)),
                    1 => (
                        "  primary:",
                        format!(
                            "  primary: [{}]",
                            ["leadership", "product", "applied-ml"][n % 3]
                        ),
                    ),
                    2 => (
                        "status:",
                        format!("status: {}", ["planned", "open", "filled"][n % 3]),
                    ),
                    3 => (
                        "archetype:",
                        format!("archetype: {}", ["manager", "builder"][n % 2]),
                    ),
                    4 => (
                        "outcome:",
                        format!("outcome: Cut handling cost by {n}% within 6 months."),
                    ),
                    // Alternatives are an unsettled line, a finding on open briefs.
                    5 => (
                        "reports_to:",
                        format!("reports_to: Person {n}{}", [" or CTO", ""][n % 2]),
                    ),
                    // Waivers (the health page lists each with its reason) and intake answers
                    // (its readiness table).
                    6 => (
                        "allow:",
                        match n % 4 {
                            0 => format!("allow: {{missing-probes: \"Reason {n}\"}}"),
                            1 => "allow: [missing-probes, empty-section]".to_string(),
                            2 => "allow: {missing-probes: TODO}".to_string(),
                            _ => format!(
                                "allow: {{late-governance: \"Reason {n}\", empty-section: \"Other {n}\", missing-interface: \"Third {n}\"}}"
                            ),
                        },
                    ),
                    7 => (
                        "constraints:",
                        match n % 3 {
                            0 => format!("constraints: [Data stays in region {n}]"),
                            1 => "constraints: [TBD]".to_string(),
                            _ => "constraints: []".to_string(),
                        },
                    ),
                    8 => (
                        "reports_to:",
                        ["reports_to: TBD", "reports_to: Head of AI"][n % 2].to_string(),
                    ),
                    // Posting fields: the open briefs' job data (`jobs.json`, `jobs.csv`...)
                    // and posts change.
                    10 => (
                        "pay:",
                        format!(
                            "pay: {{min: {}, max: {}, currency: EUR, period: year}}",
                            60_000 + n * 100,
                            80_000 + n * 100
                        ),
                    ),
                    11 => (
                        "location:",
                        [
                            format!("location: [\"Town {n}, Germany\"]"),
                            "location: []".to_string(),
                        ][n % 2]
                            .clone(),
                    ),
                    // Makes the brief bundled, or not: the staffing view changes.
                    _ => (
                        "summary:",
                        [
                            format!("summary: Owns AI strategy, architecture, vendor selection, hiring and governance {n}."),
                            format!("summary: Runs claims triage {n}."),
                        ][n % 2]
                            .clone(),
                    ),
                };
                set_or_add_line(root, &path, prefix, &line);
                changes.content.insert(PathBuf::from(&path));
                format!("`{line}` in {path}")
            }
            _ => {
                set_line(
                    root,
                    "site.yaml",
                    "description:",
                    &format!("description: Described {n}."),
                );
                changes.full = true;
                "site.yaml edit".to_string()
            }
        };
        (name, changes)
    }
}

#[test]
fn incremental_rebuilds_equal_clean_builds_over_random_edits() {
    // The third sequence pages every listing two cards a page: edits move cards between
    // pages, and terms and pages come and go.
    let mut failed_renders = 0;
    for (seed, page_size) in [
        (0x9E37_79B9_7F4A_7C15_u64, None),
        (0xD1B5_4A32_D192_ED03, None),
        (0x2545_F491_4F6C_DD1D, Some(2)),
    ] {
        let site = small_site();
        let root = site.path();
        if let Some(size) = page_size {
            set_page_size(root, size);
        }
        // A team plan whose briefs inherit from the edited ones, two levels deep.
        write(
            root,
            "content/plan/claims-ai-lead.md",
            "---\ntitle: Claims AI Lead\nextends: head-of-ai\nstatus: open\nlevel: head\ntags+: [claims]\n---\n",
        );
        write(
            root,
            "content/plan/claims-ml-engineer.md",
            "---\ntitle: Claims ML Engineer\nextends: engineer\nstatus: filled\nhire_after: [claims-ai-lead]\n---\n",
        );
        write(
            root,
            "content/plan/motor-ml-engineer.md",
            "---\ntitle: Motor ML Engineer\nextends: claims-ml-engineer\n---\n",
        );
        let mut build =
            Build::new(root, &LoadOptions::default(), Default::default()).expect("first build");
        let mut sim = Sim {
            root,
            rng: Rng(seed),
            next_id: 0,
            added: Vec::new(),
            broken: None,
        };
        let mut failures = 0;
        for step in 0..120 {
            let before = files_of(&build);
            let (edit, changes) = sim.edit();
            let incremental = build.rebuild(changes);
            let expected = clean(root);
            match (&incremental, &expected) {
                (Ok(_), Ok(files)) => {
                    let got = files_of(&build);
                    if &got != files {
                        let differing: Vec<&String> = files
                            .keys()
                            .chain(got.keys())
                            .filter(|k| files.get(*k) != got.get(*k))
                            .collect();
                        panic!(
                            "seed {seed:x} step {step} ({edit}): incremental differs from clean in {differing:?}"
                        );
                    }
                }
                (Err(_), Err(_)) => {
                    failures += 1;
                    failed_renders += usize::from(edit.ends_with("a link"));
                    assert_eq!(
                        files_of(&build),
                        before,
                        "step {step} ({edit}): a failed rebuild changed the site"
                    );
                }
                (Ok(_), Err(e)) => {
                    panic!("step {step} ({edit}): clean build failed but incremental passed: {e}")
                }
                (Err(e), Ok(_)) => {
                    panic!("step {step} ({edit}): incremental failed but clean passed: {e}")
                }
            }
        }
        assert!(failures > 0, "the sequence exercised broken states");
    }
    // A broken link fails the render itself, after the bodies and the lints have run.
    assert!(
        failed_renders > 0,
        "the sequences failed renders, not only loads"
    );
}

#[test]
fn a_body_edit_renders_only_its_page_and_the_whole_playbook_page() {
    let site = small_site();
    let root = site.path();
    let mut build = Build::new(root, &LoadOptions::default(), Default::default()).expect("build");
    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}\nMore.\n"),
    );
    let mut changes = ChangeSet::default();
    changes
        .content
        .insert(PathBuf::from("content/roles/engineer.md"));
    let rebuild = build.rebuild(changes).expect("rebuild");
    // Its headings did not change, so neither does the search index; the whole-playbook
    // page holds every body.
    assert_eq!(rebuild.pages_rendered, 2);
    assert_eq!(
        rebuild.changed.keys().collect::<Vec<_>>(),
        ["print/index.html", "roles/engineer/index.html"]
    );
}

#[test]
fn a_streamed_build_writes_exactly_the_site_a_kept_build_holds() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let written = snapshot(&root.join("public"));
    let kept: BTreeMap<PathBuf, Vec<u8>> =
        files_of(&Build::new(root, &LoadOptions::default(), Default::default()).expect("build"))
            .into_iter()
            .map(|(path, bytes)| (PathBuf::from(path), bytes))
            .collect();
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        kept.keys().collect::<Vec<_>>()
    );
    assert!(written == kept, "same bytes");
}

#[test]
fn a_streamed_build_holds_no_body_once_its_pages_are_written() {
    let site = small_site();
    let root = site.path();
    let staging = rolebook::output::Staging::create(root, &root.join("public")).expect("staging");
    let build = Build::stream(
        root,
        &LoadOptions::default(),
        &staging,
        None,
        Default::default(),
    )
    .expect("build");
    staging.commit().expect("committed");
    assert!(!build.content.roles.is_empty());
    for role in &build.content.roles {
        assert_eq!(
            role.source.body_in_memory(role.body_offset),
            None,
            "{} holds its body",
            role.slug
        );
        // Read again from its file, for a page laid out later.
        let body = role.body().expect("read again");
        assert!(!body.trim().is_empty(), "{}", role.slug);
    }
    for guide in &build.content.guides {
        assert_eq!(guide.source.body_in_memory(guide.body_offset), None);
    }
}

#[test]
fn a_streamed_build_reports_a_bodys_findings_at_their_lines_from_the_body_read_again() {
    // `gen build` lets the bodies go as soon as they are loaded: the headings, the lints and
    // the snippet under each finding come from the body read again from its file.
    let site = small_site();
    let root = site.path();
    let brief = root.join("content/roles/engineer.md");
    let text = fs::read_to_string(&brief).expect("brief");
    let text = format!("{text}\n## Nothing here yet\n\n## Tools\n\nPython.\n");
    fs::write(&brief, &text).expect("edit");
    let line = text
        .lines()
        .position(|l| l == "## Nothing here yet")
        .expect("the heading")
        + 1;
    let built = gen_in(root).arg("build").assert().success();
    let stderr = String::from_utf8_lossy(&built.get_output().stderr).into_owned();
    let at = format!("content/roles/engineer.md:{line}:1: empty section \"Nothing here yet\"");
    assert!(stderr.contains(&at), "{at} in:\n{stderr}");
    assert!(
        stderr.contains(&format!("{line} │ ## Nothing here yet")),
        "the snippet shows the heading's line:\n{stderr}"
    );
}

#[test]
fn a_brief_edited_after_its_body_was_let_go_fails_its_page_instead_of_mixing_versions() {
    use rolebook::render::{Renderer, all_pages, templates::Templates, theme::Theme, views::Views};
    let site = small_site();
    let root = site.path();
    let mut loaded = rolebook::Site::load(root, &LoadOptions::default()).expect("loads");
    loaded.content.let_bodies_go(root);
    let brief = root.join("content/roles/engineer.md");
    let text = fs::read_to_string(&brief).expect("brief");
    fs::write(
        &brief,
        text.replace("\n---\n", "\n---\nA paragraph added since.\n"),
    )
    .expect("edit");
    let theme = Theme::resolve(root, &loaded.config.theme).expect("theme");
    let mut templates = Templates::load(root, &theme).expect("templates");
    let views = Views::new(&loaded.config, &loaded.content);
    let links = rolebook::markdown::link_index(&loaded.config, &loaded.content);
    let highlighter = rolebook::markdown::highlight::Highlighter::new();
    let cache = rolebook::markdown::MarkdownCache::new();
    let renderer = Renderer::new(&views, &cache, &links, &[], &mut templates, &highlighter);
    // The brief's page and the whole-playbook page both read it: said once.
    let Err(problems) = renderer.pages(&all_pages(&loaded.content)) else {
        panic!("a page made from a file that changed");
    };
    let said: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(
            "content/roles/engineer.md:1:1: the file changed while the site was being built"
        ),
        "{said:?}"
    );
}
