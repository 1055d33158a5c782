//! `gen build` on real sites: the shipped playbook and small temporary ones.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn the_shipped_playbook_builds_every_page() {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    gen_in(&repo())
        .args(["build", "--output"])
        .arg(&public)
        .assert()
        .success()
        .stderr(predicate::str::is_match(r"Built \d+ pages .* in \d+ ms").expect("regex"));

    let index = read(&public, "index.html");
    let roles = [
        ("caio", "Chief AI Officer"),
        ("head-of-ai", "Head of AI"),
        ("ai-platform-lead", "AI/ML Platform Lead"),
        ("ai-product-lead", "AI Product Lead"),
        ("ai-governance-owner", "AI Governance Owner"),
        ("applied-ml-engineer", "Applied ML Engineer"),
        ("prompt-eval-engineer", "Prompt &amp; Eval Engineer"),
        ("data-engineer", "Data Engineer"),
        ("ai-solutions-architect", "AI Solutions Architect"),
    ];
    for (slug, title) in roles {
        assert!(
            index.contains(&format!("href=\"/roles/{slug}/\"")),
            "home links {slug}"
        );
        let page = read(&public, &format!("roles/{slug}/index.html"));
        assert!(page.contains(title), "{slug} page shows its title");
        for section in [
            "brief-outcome",
            "brief-decisions",
            "brief-success-90d",
            "brief-success-6m",
            "brief-success-12m",
            "brief-interfaces",
            "brief-interview-probes",
            "brief-red-flags",
        ] {
            assert!(
                page.contains(&format!("id=\"{section}\"")),
                "{slug} has {section}"
            );
        }
    }
    // Grouped by archetype, in the order of site.yaml.
    let positions: Vec<usize> = [
        "archetype-executive-operator",
        "archetype-manager",
        "archetype-architect",
        "archetype-builder",
    ]
    .iter()
    .map(|id| {
        index
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} on home"))
    })
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "archetype order {positions:?}"
    );
    let builders = &index[positions[3]..];
    assert!(builders.contains("/roles/data-engineer/") && !builders.contains("/roles/caio/"));

    // hire_after is shown as links.
    let engineer = read(&public, "roles/applied-ml-engineer/index.html");
    assert!(engineer.contains("href=\"/roles/ai-platform-lead/\""));
    assert!(engineer.contains("href=\"/roles/ai-governance-owner/\""));

    // Guides, the stylesheet for highlighting, and a highlighted block with classes.
    let guide = read(&public, "guides/how-to-read/index.html");
    assert!(
        guide.contains("class=\"hl-"),
        "a code block carries syntect classes"
    );
    assert!(
        !guide.contains("style=\""),
        "no inline styles from highlighting"
    );
    assert!(read(&public, "syntax.css").contains(".hl-"));
    assert!(public.join("404.html").exists());
    assert!(
        public.join("style.css").exists(),
        "theme static files are copied"
    );
}

#[test]
fn a_small_site_renders_links_code_and_anchors() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let head = read(root, "public/roles/head-of-ai/index.html");
    assert!(
        head.contains("href=\"/roles/engineer/\""),
        "relative source link"
    );
    assert!(
        head.contains("href=\"/guides/start/#why\""),
        "@/ link with anchor"
    );
    assert!(
        head.contains("<h2 id=\"what-this-role-is-for\">"),
        "heading ids"
    );
    assert!(
        head.contains("class=\"anchor\" href=\"#what-this-role-is-for\""),
        "anchor links"
    );
    assert!(head.contains("hl-"), "python block highlighted");
    let engineer = read(root, "public/roles/engineer/index.html");
    assert!(
        engineer.contains("href=\"/roles/head-of-ai/\""),
        "hire_after link"
    );
    let head_prepares = head.contains("Prepares for") && head.contains("href=\"/roles/engineer/\"");
    assert!(head_prepares, "roles that come after are listed");
}

#[test]
fn base_url_with_a_path_prefixes_every_internal_link() {
    let site = small_site();
    let root = site.path();
    gen_in(root)
        .args([
            "build",
            "--base-url",
            "https://wiki.example.com/team/playbook/",
        ])
        .assert()
        .success();
    let head = read(root, "public/roles/head-of-ai/index.html");
    assert!(head.contains("href=\"/team/playbook/roles/engineer/\""));
    assert!(head.contains("href=\"/team/playbook/style.css\""));
    assert!(
        !head.contains("href=\"/roles/"),
        "no link escapes the sub-path"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = small_site();
    let root = site.path();
    let draft = ROLE_B
        .replace(
            "title: Applied ML Engineer",
            "title: Draft Role\ndraft: true",
        )
        .replace("hire_after: [head-of-ai]", "hire_after: []");
    write(root, "content/roles/draft-role.md", &draft);
    gen_in(root).arg("build").assert().success();
    assert!(!root.join("public/roles/draft-role").exists());
    gen_in(root).args(["build", "--drafts"]).assert().success();
    assert!(root.join("public/roles/draft-role/index.html").exists());
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_work() {
    let site = small_site();
    let root = site.path();
    let crlf = format!("\u{feff}{}", ROLE_B.replace('\n', "\r\n"));
    write(root, "content/roles/engineer.md", &crlf);
    gen_in(root).arg("build").assert().success();
    let page = read(root, "public/roles/engineer/index.html");
    assert!(page.contains("Ship one model to production by Q3"));
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"custom\">{{ page.title }}</p>{% endblock main %}",
    );
    gen_in(root).arg("build").assert().success();
    assert!(
        read(root, "public/guides/start/index.html").contains("<p id=\"custom\">Start here</p>")
    );
    // Other templates still come from the theme.
    assert!(read(root, "public/roles/engineer/index.html").contains("brief-outcome"));
}

#[test]
fn front_matter_text_is_escaped() {
    let site = small_site();
    let root = site.path();
    let hostile = ROLE_B.replace(
        "summary: Builds and ships models.",
        "summary: \"<script>alert(1)</script>\"",
    );
    write(root, "content/roles/engineer.md", &hostile);
    gen_in(root).arg("build").assert().success();
    let page = read(root, "public/roles/engineer/index.html");
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || page.contains("&lt;script&gt;")
    );
}

#[test]
fn version_and_help() {
    gen_in(&repo())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    gen_in(&repo())
        .args(["build", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--base-url").and(predicate::str::contains("--drafts")));
}

#[test]
fn a_rebuild_replaces_the_old_site_and_leaves_no_temporary_folders() {
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    std::fs::remove_file(root.join("content/guides/start.md")).expect("rm");
    write(
        root,
        "content/roles/head-of-ai.md",
        &ROLE_A.replace(" and the [guide](@/guides/start.md#why)", ""),
    );
    gen_in(root).arg("build").assert().success();
    assert!(
        !root.join("public/guides/start").exists(),
        "removed pages disappear"
    );
    let litter: Vec<_> = std::fs::read_dir(root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

#[test]
fn timings_name_every_stage_and_the_highlighting_inside_them() {
    let site = small_site();
    let output = gen_in(site.path())
        .args(["build", "--quiet", "--timings"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for stage in [
        "load and parse",
        "templates and static files",
        "markdown (headings and links)",
        "links and lints",
        "templates, highlighting and writing",
        "highlighting within those, summed over threads",
        "swap",
    ] {
        let line = stderr
            .lines()
            .find(|l| l.ends_with(stage))
            .unwrap_or_else(|| panic!("no `{stage}` line in:\n{stderr}"));
        assert!(
            line.trim_start()
                .split(' ')
                .next()
                .is_some_and(|ms| ms.parse::<f64>().is_ok()),
            "{line}"
        );
    }
}

/// The highlighting time `--timings` reports, in ms.
fn highlighting_ms(stderr: &str) -> f64 {
    stderr
        .lines()
        .find(|l| l.ends_with("highlighting within those, summed over threads"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no highlighting line in:\n{stderr}"))
}

#[test]
fn a_warm_cache_builds_the_same_site_without_highlighting_and_survives_damage() {
    let site = small_site();
    let root = site.path();
    let code =
        "\n```rust\nfn main() {\n    println!(\"hi\");\n}\n```\n\n```yaml\nkey: [1, 2]\n```\n";
    write(
        root,
        "content/roles/engineer.md",
        &format!("{ROLE_B}{code}"),
    );
    let build = || {
        let output = gen_in(root)
            .args(["build", "--quiet", "--timings", "--cache", ".gen-cache"])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        (
            snapshot(&root.join("public")),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (cold, cold_log) = build();
    assert!(highlighting_ms(&cold_log) > 0.0, "{cold_log}");
    let page = String::from_utf8_lossy(&cold[std::path::Path::new("roles/engineer/index.html")]);
    assert!(page.contains("hl-"), "highlighted");
    let cache = std::fs::read_dir(root.join(".gen-cache"))
        .expect("the cache folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "bin"))
        .expect("a cache file");

    let (warm, warm_log) = build();
    assert_eq!(warm, cold, "a warm build writes the same site");
    // Every block came from the cache: highlighting never ran.
    assert_eq!(highlighting_ms(&warm_log), 0.0, "{warm_log}");

    std::fs::write(&cache, b"rolebook highlight cache\n\x01\x02").expect("damage");
    let output = gen_in(root)
        .args(["build", "--timings", "--cache", ".gen-cache"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert!(highlighting_ms(&stderr) > 0.0);
    assert_eq!(snapshot(&root.join("public")), cold);
    assert!(
        std::fs::read(&cache).expect("rewritten").len() > 100,
        "the cache is written again"
    );
}

#[test]
fn the_cache_folder_may_not_be_inside_the_output() {
    let site = small_site();
    gen_in(site.path())
        .args(["build", "--cache", "public/cache"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside the output folder"));
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_german_site_speaks_german_in_its_pages_renditions_and_post() {
    let site = german_site();
    // A team brief that leaves intake questions open, for the health page's readiness list.
    write(
        site.path(),
        "content/plan/claims-data-engineer.md",
        "---\ntitle: Claims Data Engineer\nextends: data-engineer\nreports_to: TBD\nconstraints: []\nstatus: planned\n---\n",
    );
    let out = site.path().join("public");
    gen_in(site.path())
        .args(["build", "--quiet", "--output"])
        .arg(&out)
        .assert()
        .success();
    let page = read(&out, "roles/claims-head-of-ai/index.html");
    for german in [
        "<html lang=\"de\">",
        "<h2>Entscheidungen dieser Rolle</h2>",
        "<h2>Einbindung ins Unternehmen</h2>",
        "<dt>Produkt</dt>",
        ">Stellenanzeige kopieren</button>",
        ">Einstellungs\u{ad}reihenfolge</a>",
        "<time datetime=\"2026-12-01\">1. Dezember 2026</time>",
        "data-copied=\"Kopiert.\"",
        "data-no-results=\"Kein Rollenprofil und kein Leitfaden passt zur Suche.\"",
    ] {
        assert!(page.contains(german), "{german} not in the page");
    }
    for english in [
        "Decisions this role owns",
        "How it fits",
        "Copy job post",
        "<html lang=\"en\">",
    ] {
        assert!(!page.contains(english), "{english} still in the page");
    }
    let text = read(&out, "roles/claims-head-of-ai/claims-head-of-ai.brief.txt");
    for german in [
        "DAS ERGEBNIS, FÜR DAS WIR EINSTELLEN",
        "WORÜBER SIE ENTSCHEIDEN",
        "Nach 90 Tagen:",
        "- Produkt: ",
    ] {
        assert!(text.contains(german), "{german} not in brief.txt:\n{text}");
    }
    let markdown = read(&out, "roles/claims-head-of-ai/claims-head-of-ai.brief.md");
    assert!(
        markdown.contains("## Woran wir den Erfolg messen"),
        "{markdown}"
    );
    let post = read(
        &out,
        "roles/claims-ml-engineer/claims-ml-engineer.posting.html",
    );
    for german in [
        "<html lang=\"de\">",
        "<h2>Was Sie verantworten</h2>",
        "<h2>Arbeitsort und Vergütung</h2>",
        "72.000–90.000 EUR im Jahr",
        "Bewerbungsschluss:</strong> 28. Februar 2027",
        "Hybrid (teils im Büro, teils mobil)",
    ] {
        assert!(post.contains(german), "{german} not in the post");
    }
    let post_text = read(
        &out,
        "roles/claims-ml-engineer/claims-ml-engineer.posting.txt",
    );
    assert!(
        post_text.contains("\nSO BEWERBEN SIE SICH\n"),
        "{post_text}"
    );
    // The sentences of the brief are the company's own: the English voice is not applied
    // to them ("Builds…" is not turned into "You build…" on a German site).
    assert!(!post_text.contains("You build"), "{post_text}");
    german_made_words(&out);
}

/// The words Rust and the kit, plan and print templates make, on the German site of
/// `a_german_site_speaks_german_in_its_pages_renditions_and_post`: each German word is
/// there and the English it replaced is not.
fn german_made_words(out: &std::path::Path) {
    let pages: [(&str, &[&str], &[&str]); 8] = [
        (
            "roles/claims-ml-engineer/claims-ml-engineer.kit.html",
            &[
                "<html lang=\"de\">",
                "<h1>Interviewleitfaden: Claims ML Engineer</h1>",
                "<h2>Interviewablauf</h2>",
                "<th scope=\"col\">Gesprächs\u{ad}führung</th>",
                "<span class=\"weight\">Kernkompetenz</span>",
                "<h2>Bewertungsbogen</h2>",
                "<strong>4 · Überzeugend belegt</strong>",
                "Keine eigene Arbeit im Bereich Applied ML",
                "<td>F1, F4</td>",
                "☐ Unbedingt einstellen",
            ],
            &[
                "<html lang=\"en\">",
                "Interview kit",
                "Interview loop",
                "Scorecard",
                "Strong evidence",
                "Rated in stage",
                "Evidence notes",
                "Recommendation:",
                "<td>P1",
            ],
        ),
        (
            "roles/applied-ml-engineer/applied-ml-engineer.kit.html",
            &[
                "<strong>Technisches Erstgespräch</strong>",
                "<td>Die einstellende Führungskraft (Head of AI)</td>",
                "Der Standardablauf für den Rollentyp „Builder“.",
            ],
            &[
                "Technical screen",
                "The hiring manager",
                "A production system they built",
                "The default loop",
            ],
        ),
        (
            "plan/index.html",
            &[
                "<h1>Einstellungsplan</h1>",
                "<title id=\"plan-timeline-title\">Einstellungen nach Quartal</title>",
                "<desc id=\"plan-timeline-desc\">7 Rollenprofile, 8 Personen: 2 besetzt, 3 ausgeschrieben, 2 geplant; Beginn zwischen Q2\u{a0}2026 und Q4\u{a0}2027. Jede Zeile",
                "text-anchor=\"middle\">ohne Termin</text>",
                "text-anchor=\"middle\">Q2\u{a0}2027</text>",
                "<title>Vertretung durch Nordlicht Analytics bis Juni 2027</title>",
                "<th scope=\"col\">Kosten pro Jahr</th>",
                "<td>✓ genehmigt</td>",
                "162.000\u{a0}EUR",
                "45.833\u{a0}EUR unter dem Budget",
                "Nicht in den Jahreskosten enthalten: Claims Data Engineer: kein Gehaltsband",
                "<h2 id=\"plan-cost-title\">Kosten 2027</h2>",
                "<h2 id=\"plan-load-title\">Belastung pro Person</h2>",
                "(für jede der 2 Personen)",
                "<h2 id=\"plan-risks-title\">Offene Risiken</h2>",
            ],
            &[
                "Hires by quarter",
                "Each lane is a brief",
                "2027-Q2",
                "Covered by",
                "Cost a year",
                "✓ approved",
                "EUR 162,000",
                "under the budget",
                "Load per person",
                "Open risks",
                "Team plan",
            ],
        ),
        (
            "matrix/index.html",
            &[
                "von 9 Kompetenzen besetzt; 2 bis zur Einstellung vertreten",
                "(Partner) bis Juni 2027, für",
            ],
            &["capabilities staffed", "covered until a hire", "2027-06"],
        ),
        (
            "index.html",
            &["von 9 Kompetenzen besetzt"],
            &["capabilities staffed"],
        ),
        (
            "health/index.html",
            &["Nicht bereit: Rahmenbedingungen, Berichtslinie"],
            &["reports to", ", constraints"],
        ),
        (
            "print/index.html",
            &[
                "aria-label=\"Link zu diesem Abschnitt\"",
                "<h1>AI Team Playbook: das gesamte Playbook</h1>",
            ],
            &["Link to this section"],
        ),
        (
            "sequence/index.html",
            &[
                "<title id=\"sequence-graph-title\">Einstellungsreihenfolge: Jeder Pfeil",
                "Beginn Q2\u{a0}2027",
            ],
            &["Hiring sequence:", "2027-Q2"],
        ),
    ];
    for (path, german, english) in pages {
        let page = read(out, path);
        for word in german {
            assert!(page.contains(word), "{word} not in {path}");
        }
        for word in english {
            assert!(!page.contains(word), "{word} still in {path}");
        }
    }
    let guide = read(out, "guides/how-to-read/index.html");
    assert!(guide.contains("aria-label=\"Tabelle: The capability vocabulary\""));
}
