//! Job posts carry the candidate-facing fields of a brief and never an internal one. A site
//! whose brief has a unique marker in every field is built with the real binary; every
//! rendition of its post (the standalone HTML, Markdown and plain text, the Word document,
//! the text the "Copy job post" button copies, and the post a role page prints) holds each
//! public marker and no internal one, nor the address of the interview kit, which holds the
//! internal ones.

mod common;

use common::*;

/// (field, marker): written into the brief or site.yaml below, shown to candidates. The
/// `summary` opens a post only when the brief has no `posting.intro` (this one has), so it
/// is not among them; the unit tests of the posting model cover it.
const PUBLIC: &[(&str, &str)] = &[
    ("title", "Pubtitle Engineer"),
    ("posting.intro", "PubIntroMarker"),
    ("posting.apply", "pubapplymarker.example"),
    ("reports_to", "PubReportsToMarker"),
    ("outcome", "PubOutcomeMarker"),
    ("decisions", "PubDecisionMarker"),
    ("owns_after_launch", "PubOwnsMarker"),
    ("interfaces.product", "PubProductMarker"),
    ("interfaces.data", "PubDataMarker"),
    ("interfaces.security", "PubSecurityMarker"),
    ("interfaces.it", "PubItMarker"),
    ("constraints", "PubConstraintMarker"),
    ("success.90d", "Pub90dMarker"),
    ("success.6m", "Pub6mMarker"),
    ("success.12m", "Pub12mMarker"),
    ("capabilities.primary", "PubPrimaryCapabilityMarker"),
    ("capabilities.secondary", "PubSecondaryCapabilityMarker"),
    ("level", "PubLevelTitleMarker"),
    ("tools", "PubToolMarker"),
    ("location", "PubLocationMarker"),
    ("remote.regions", "PubRegionMarker"),
    ("work_model", "Hybrid"),
    ("employment_type", "Part-time"),
    ("pay", "CHF 12,345–23,456 a month"),
    ("valid_through", "19 July 2031"),
    ("organization.name", "PubOrgNameMarker"),
    ("organization.about", "PubAboutMarker"),
    ("organization.benefits", "PubBenefitMarker"),
    (
        "organization.equal_opportunity",
        "PubEqualOpportunityMarker",
    ),
];

/// (field, marker): for the hiring team and the playbook only.
const INTERNAL: &[(&str, &str)] = &[
    ("slug", "internalslugmarker"),
    ("extends", "internalparentmarker"),
    ("extends (the parent's title)", "InternalParentTitleMarker"),
    ("archetype", "InternalArchetypeMarker"),
    ("hire_after", "internalhireaftermarker"),
    ("hire_after (its title)", "InternalHireAfterTitleMarker"),
    ("interview_probes", "InternalProbeMarker"),
    ("red_flags", "InternalRedFlagMarker"),
    ("internal_notes", "InternalNoteMarker"),
    ("tags", "internaltagmarker"),
    ("status", "being hired"),
    ("headcount", "4242"),
    ("allow", "InternalWaiverReasonMarker"),
    ("body", "InternalBodyMarker"),
    ("interview_loop.stage", "InternalStageMarker"),
    ("interview_loop.interviewer", "InternalInterviewerMarker"),
    ("interview_loop.probes", "InternalLoopProbeMarker"),
    ("the interview kit's address", "kit.html"),
];

const BRIEF: &str = "---
title: Pubtitle Engineer
slug: internalslugmarker
extends: internalparentmarker
archetype: markerarch
summary: PubSummaryMarker.
posting:
  intro: PubIntroMarker opens the post.
  apply: https://pubapplymarker.example/apply
reports_to: PubReportsToMarker
outcome: Cut PubOutcomeMarker handling time by 30% within 12 months.
decisions: [PubDecisionMarker]
owns_after_launch: [PubOwnsMarker]
interfaces:
  product: PubProductMarker
  data: PubDataMarker
  security: PubSecurityMarker
  it: PubItMarker
constraints: [PubConstraintMarker]
success:
  90d: [Pub90dMarker]
  6m: [Pub6mMarker in production]
  12m: [Pub12mMarker in production]
capabilities:
  primary: [markerprimary]
  secondary: [markersecondary]
level: markerlevel
tools: [PubToolMarker]
location: [PubLocationMarker]
remote: {regions: [PubRegionMarker]}
work_model: hybrid
employment_type: part_time
pay: {min: 12345, max: 23456, currency: CHF, period: month}
valid_through: 2031-07-19
hire_after: [internalhireaftermarker]
interview_probes: [InternalProbeMarker]
red_flags: [InternalRedFlagMarker]
internal_notes: [InternalNoteMarker]
tags: [internaltagmarker]
status: open
headcount: 4242
allow: {tool-soup: InternalWaiverReasonMarker}
interview_loop:
  - stage: InternalStageMarker
    interviewer: InternalInterviewerMarker
    capabilities: [markerprimary]
    probes: [InternalLoopProbeMarker]
---

## Notes

InternalBodyMarker.
";

const PARENT: &str = "---
title: InternalParentTitleMarker
archetype: builder
summary: S.
outcome: Cut cost by 10% within 6 months.
decisions: [D]
success:
  90d: [M]
---
";

const HIRE_FIRST: &str = "---
title: InternalHireAfterTitleMarker
archetype: builder
summary: S.
outcome: Cut cost by 10% within 6 months.
decisions: [D]
success:
  90d: [M]
---
";

/// The repository's site.yaml with the markers' vocabulary and organization.
fn site_yaml() -> String {
    let shipped = read(&repo(), "site.yaml");
    let shipped = &shipped[..shipped.find("\norganization:").expect("an organization")];
    let shipped = shipped
        .replacen(
            "capabilities:\n",
            "capabilities:\n  - {key: markerprimary, name: Marker primary, description: PubPrimaryCapabilityMarker.}\n  - {key: markersecondary, name: Marker secondary, description: PubSecondaryCapabilityMarker.}\n",
            1,
        )
        .replacen(
            "archetypes:\n",
            "archetypes:\n  - {key: markerarch, name: InternalArchetypeMarker, description: InternalArchetypeMarker.}\n",
            1,
        )
        .replacen(
            "levels:\n",
            "levels:\n  - {key: markerlevel, title: PubLevelTitleMarker}\n",
            1,
        );
    format!(
        "{shipped}
organization:
  name: PubOrgNameMarker
  about: PubAboutMarker is who we are.
  benefits: [PubBenefitMarker]
  equal_opportunity: PubEqualOpportunityMarker welcomes everyone.
  apply: jobs@example.com
"
    )
}

/// A Word document's text: `word/document.xml` without its tags, a line per paragraph,
/// then every other part of the package as it is.
fn docx_text(path: &std::path::Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).expect("the Word post is written");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut body = String::new();
    let mut rest = String::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("part");
        let mut xml = String::new();
        part.read_to_string(&mut xml).expect("UTF-8 XML");
        if part.name() != "word/document.xml" {
            rest.push_str(&xml);
            continue;
        }
        let mut in_tag = false;
        for c in xml.replace("</w:p>", "\n").chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => body.push(c),
                _ => {}
            }
        }
    }
    let body = body
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    format!("{body}\n{rest}")
}

/// The text between `start` and the first `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} in the page"));
    let rest = &text[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The marker site, with `extra` at the end of its site.yaml, built.
fn marker_site(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "site.yaml", &format!("{}{extra}", site_yaml()));
    copy_dir(&repo().join("themes"), &root.join("themes"));
    write(root, "content/roles/marker.md", BRIEF);
    write(root, "content/roles/internalparentmarker.md", PARENT);
    write(root, "content/roles/internalhireaftermarker.md", HIRE_FIRST);
    gen_in(root).arg("build").assert().success();
    dir
}

#[test]
fn every_rendition_of_a_post_has_every_public_field_and_no_internal_one() {
    let site = marker_site("");
    let public = site.path().join("public");
    let folder = "roles/internalslugmarker";
    let page = read(&public, &format!("{folder}/index.html"));
    let renditions: Vec<(String, String)> = ["posting.html", "posting.md", "posting.txt"]
        .iter()
        .map(|kind| {
            let name = format!("internalslugmarker.{kind}");
            (name.clone(), read(&public, &format!("{folder}/{name}")))
        })
        .chain([
            (
                // The Word document: the text of its body, then every other part (styles,
                // properties, the hyperlinks' addresses) as written.
                "internalslugmarker.posting.docx".to_string(),
                docx_text(&public.join(folder).join("internalslugmarker.posting.docx")),
            ),
            (
                // What prints: the page's title, then the post.
                "the role page's print of the post".to_string(),
                format!(
                    "{}{}",
                    between(&page, "<h1>", "</h1>"),
                    between(
                        &page,
                        "<section class=\"posting-print\"",
                        "<section class=\"body\""
                    )
                ),
            ),
            (
                "the text \"Copy job post\" copies".to_string(),
                between(&page, "<pre hidden id=\"posting-text\">", "</pre>").to_string(),
            ),
            (
                "the HTML \"Copy job post\" copies".to_string(),
                between(&page, "<pre hidden id=\"posting-html-source\">", "</pre>").to_string(),
            ),
        ])
        .collect();
    let mut problems = Vec::new();
    for (rendition, text) in &renditions {
        // The plain text writes headings and the title in capitals.
        let text = text.to_lowercase();
        for (field, marker) in PUBLIC {
            if !text.contains(&marker.to_lowercase()) {
                problems.push(format!("{rendition} lacks public `{field}` ({marker})"));
            }
        }
        for (field, marker) in INTERNAL {
            if text.contains(&marker.to_lowercase()) {
                problems.push(format!("{rendition} shows internal `{field}` ({marker})"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The role page itself keeps the internal fields on screen, marked so print hides them.
    for id in [
        "brief-interview-probes",
        "brief-red-flags",
        "brief-internal-notes",
        "brief-sequence",
    ] {
        let at = page
            .find(&format!(" id=\"{id}\">"))
            .unwrap_or_else(|| panic!("no section {id}"));
        let tag = &page[page[..at].rfind("<section").expect("its tag")..at];
        assert!(
            tag.contains("class=\"internal"),
            "{id} is marked internal: {tag}"
        );
    }
    assert!(page.contains("InternalNoteMarker"), "shown on screen");
    // The interview kit is for the hiring team: it holds the probes, the red flags and the
    // loop, and the role page links it (outside the post, which does not).
    let kit = read(&public, &format!("{folder}/internalslugmarker.kit.html"));
    for marker in [
        "InternalProbeMarker",
        "InternalRedFlagMarker",
        "InternalStageMarker",
        "InternalInterviewerMarker",
        "InternalLoopProbeMarker",
        "PubSummaryMarker",
        "PubOutcomeMarker",
        "Pub90dMarker",
        "PubPrimaryCapabilityMarker",
    ] {
        assert!(kit.contains(marker), "the kit lacks {marker}");
    }
    assert!(page.contains("internalslugmarker.kit.html\">Interview kit</a>"));
}

#[test]
fn the_print_stylesheet_shows_only_the_post_on_a_role_page() {
    let css = read(&repo(), "themes/default/static/style.css");
    let print = between(&css, "@media print {", "\n}\n");
    for rule in [
        ".role:not(.print-brief) > :not(.role-header):not(.posting-print)",
        ".role:not(.print-brief) > .role-header > :not(h1)",
        ".role:not(.print-brief) .internal { display: none !important; }",
        ".role > .posting-print[hidden] { display: block !important; }",
    ] {
        assert!(print.contains(rule), "{rule}");
    }
}

/// The job data files and the posting page's JSON-LD carry the post too: every public
/// field, and of the internal ones only the slug, as the job's identifier (an ATS needs a
/// stable key, and the posting page's address holds it anyway).
#[test]
fn the_job_data_and_json_ld_have_every_public_field_and_no_internal_one() {
    let site = marker_site("postings:\n  json_ld: true\n");
    let public = site.path().join("public");
    let page = read(
        &public,
        "roles/internalslugmarker/internalslugmarker.posting.html",
    );
    let json_ld = between(&page, "<script type=\"application/ld+json\">", "</script>");
    let files: Vec<(&str, String)> = [
        "jobs.json",
        "jobs.csv",
        "jobs.lever.json",
        "jobs.greenhouse.json",
    ]
    .iter()
    .map(|name| (*name, read(&public, name)))
    .chain([("the posting page's JSON-LD", json_ld.to_string())])
    .collect();
    let mut problems = Vec::new();
    for (file, text) in &files {
        let text = text.to_lowercase();
        for (field, marker) in PUBLIC {
            // A Lever posting belongs to the Lever account's company: it has no field for
            // the organization's name.
            if *file == "jobs.lever.json" && *field == "organization.name" {
                continue;
            }
            if !text.contains(&marker.to_lowercase()) {
                problems.push(format!("{file} lacks public `{field}` ({marker})"));
            }
        }
        for (field, marker) in INTERNAL {
            if *field != "slug" && text.contains(&marker.to_lowercase()) {
                problems.push(format!("{file} shows internal `{field}` ({marker})"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
