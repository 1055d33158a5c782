//! Playbooks in several languages (`languages:` in site.yaml, `<page>.<code>.md` beside each
//! translated page): the trees' layout, what a translation inherits, `hreflang` pairs that
//! answer each other, the sitemap's alternates (validated against an XML Schema by lxml),
//! the health page's missing translations, the errors, and `gen serve` following edits in
//! every language.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::serve::{eventually, start};
use common::*;
use predicates::prelude::*;
use scraper::{Html, Selector};

const BASE: &str = "https://wiki.example.com/pb/";

fn built(root: &Path) -> std::path::PathBuf {
    gen_in(root)
        .args(["build", "--quiet", "--base-url", BASE])
        .assert()
        .success();
    root.join("public")
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    page.select(&selector).collect()
}

fn page(public: &Path, relative: &str) -> Html {
    Html::parse_document(&read(public, relative))
}

#[test]
fn each_language_is_a_tree_of_its_translated_pages_under_its_code() {
    let site = multilingual_site();
    let public = built(site.path());
    for file in [
        "de/index.html",
        "de/roles/head-of-ai/index.html",
        "de/roles/head-of-ai/head-of-ai.posting.html",
        "de/guides/start/index.html",
        "de/search-index.js",
        "de/matrix/index.html",
        "de/health/index.html",
        "de/style.css",
        "de/playbook.js",
        "sitemap.xml",
        "404.html",
    ] {
        assert!(public.join(file).is_file(), "{file}");
    }
    // Zola's convention: a language's tree holds its translations only; one sitemap and
    // one 404 page serve every language.
    for absent in ["de/roles/engineer", "de/sitemap.xml", "de/404.html"] {
        assert!(!public.join(absent).exists(), "{absent}");
    }
    let lang = |relative: &str| {
        let html = page(&public, relative);
        select(&html, "html")[0].attr("lang").map(str::to_string)
    };
    assert_eq!(
        lang("de/roles/head-of-ai/index.html").as_deref(),
        Some("de")
    );
    assert_eq!(
        lang("de/roles/head-of-ai/head-of-ai.kit.html").as_deref(),
        Some("de")
    );
    assert_eq!(lang("roles/head-of-ai/index.html").as_deref(), Some("en"));
    let home = read(&public, "de/index.html");
    assert!(home.contains("<title>KI-Team-Playbook</title>"), "{home}");
    // The German search index holds the German pages only.
    let index = read(&public, "de/search-index.js");
    assert!(
        index.contains("Leitung KI") && index.contains("Hier beginnen"),
        "{index}"
    );
    assert!(
        !index.contains("Applied ML Engineer") && !index.contains("Head of AI"),
        "{index}"
    );
}

#[test]
fn a_translation_inherits_what_it_does_not_translate() {
    let site = multilingual_site();
    let public = built(site.path());
    let roles: serde_json::Value =
        serde_json::from_str(&read(&public, "de/roles.json")).expect("roles.json");
    let lead = &roles["roles"][0];
    assert_eq!(lead["title"], "Leitung KI");
    assert_eq!(
        lead["summary"],
        "Trägt die Verantwortungen für die KI-Roadmap und ihre Maßnahmen."
    );
    assert_eq!(
        lead["decisions"],
        serde_json::json!(["Welche Anwendungsfälle in Produktion gehen"])
    );
    // Not translated: from the English brief.
    assert_eq!(
        lead["outcome"],
        "Cut claims handling time by 30% within 12 months."
    );
    assert_eq!(
        lead["capabilities"]["primary"],
        serde_json::json!(["leadership", "product"])
    );
    assert_eq!(
        lead["success"]["6m"],
        serde_json::json!(["One system in production"])
    );
    // Links to a page the tree does not translate lead to it in English; to a translated
    // one, in the tree.
    let html = read(&public, "de/roles/head-of-ai/index.html");
    assert!(html.contains("href=\"/pb/roles/engineer/\""), "{html}");
    assert!(
        html.contains("href=\"/pb/de/guides/start/#warum\""),
        "{html}"
    );
    let guide = read(&public, "de/guides/start/index.html");
    assert!(
        guide.contains("href=\"/pb/de/roles/head-of-ai/\""),
        "{guide}"
    );
}

/// Every page's alternates, as `hreflang` → address.
fn alternates(html: &Html) -> BTreeMap<String, String> {
    select(html, "link[rel=alternate][hreflang]")
        .into_iter()
        .map(|l| {
            (
                l.attr("hreflang").expect("hreflang").to_string(),
                l.attr("href").expect("href").to_string(),
            )
        })
        .collect()
}

#[test]
fn hreflang_alternates_answer_each_other_and_the_switcher_keeps_the_page() {
    let site = multilingual_site();
    let public = built(site.path());
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.expect("walk");
        if entry.file_name() != "index.html" {
            continue;
        }
        let relative = entry.path().strip_prefix(&public).expect("below public");
        let here = format!(
            "{BASE}{}",
            relative.to_string_lossy().trim_end_matches("index.html")
        );
        let html = Html::parse_document(&std::fs::read_to_string(entry.path()).expect("page"));
        let found = alternates(&html);
        if found.is_empty() {
            continue;
        }
        checked += 1;
        assert_eq!(
            found.keys().map(String::as_str).collect::<Vec<_>>(),
            ["de", "en", "x-default"],
            "{here}"
        );
        assert_eq!(found["x-default"], found["en"], "{here}");
        assert!(
            found.values().any(|href| *href == here),
            "{here} names itself"
        );
        // Reciprocal: each version names the same versions.
        for href in found.values() {
            let other = href.strip_prefix(BASE).expect("absolute, under the base");
            let other = page(&public, &format!("{other}index.html"));
            assert_eq!(alternates(&other), found, "{href} answers {here}");
        }
    }
    // Home, the briefs' and guides' pages, the overviews and the terms both trees have.
    assert!(checked >= 10, "{checked} pages with alternates");
    // An untranslated brief names no alternates; its switcher goes to the German home.
    let engineer = page(&public, "roles/engineer/index.html");
    assert!(alternates(&engineer).is_empty());
    let switcher: Vec<(String, String, Option<String>)> =
        select(&engineer, "nav.language-switcher a")
            .into_iter()
            .map(|a| {
                (
                    a.attr("hreflang").unwrap_or("").to_string(),
                    a.attr("href").unwrap_or("").to_string(),
                    a.attr("lang").map(str::to_string),
                )
            })
            .collect();
    assert_eq!(
        switcher,
        [
            ("en".into(), "/pb/roles/engineer/".into(), Some("en".into())),
            ("de".into(), "/pb/de/".into(), Some("de".into()))
        ]
    );
    let lead = page(&public, "de/roles/head-of-ai/index.html");
    let names: Vec<(String, String)> = select(&lead, "nav.language-switcher a")
        .into_iter()
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.attr("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("English".into(), "/pb/roles/head-of-ai/".into()),
            ("Deutsch".into(), "/pb/de/roles/head-of-ai/".into())
        ]
    );
}

/// An XML Schema of the sitemap protocol (sitemaps.org 0.9: `urlset`, `url`, `loc`) with
/// the `xhtml:link` alternates search engines read (`rel="alternate"`, `hreflang`, `href`),
/// checked strictly: an element of another namespace must be declared.
const SITEMAP_XSD: &str = r###"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="xhtml-link.xsd"/>
  <xs:element name="urlset">
    <xs:complexType><xs:sequence>
      <xs:element name="url" maxOccurs="50000"><xs:complexType><xs:sequence>
        <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI">
          <xs:minLength value="12"/><xs:maxLength value="2048"/>
        </xs:restriction></xs:simpleType></xs:element>
        <xs:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"###;

const XHTML_LINK_XSD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xs:element name="link"><xs:complexType>
    <xs:attribute name="rel" use="required"><xs:simpleType><xs:restriction base="xs:string">
      <xs:enumeration value="alternate"/></xs:restriction></xs:simpleType></xs:attribute>
    <xs:attribute name="hreflang" use="required"><xs:simpleType><xs:restriction base="xs:string">
      <xs:pattern value="[a-z]{2,3}(-[a-z0-9]{2,8})*|x-default"/></xs:restriction></xs:simpleType></xs:attribute>
    <xs:attribute name="href" type="xs:anyURI" use="required"/>
  </xs:complexType></xs:element>
</xs:schema>
"#;

/// Whether Python has lxml (`.ci/run` installs it).
fn lxml_available() -> bool {
    std::process::Command::new("python3")
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The sitemap, read by lxml (libxml2) and validated against `SITEMAP_XSD`: each `<url>`
/// as its `loc` and its alternates.
fn validated_sitemap(public: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let schemas = tempfile::tempdir().expect("tempdir");
    write(schemas.path(), "sitemap.xsd", SITEMAP_XSD);
    write(schemas.path(), "xhtml-link.xsd", XHTML_LINK_XSD);
    let judge = r#"
import json, sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
doc = etree.parse(sys.argv[2])
if not schema.validate(doc):
    sys.exit("invalid sitemap: " + str(schema.error_log))
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
print(json.dumps({u.findtext("s:loc", namespaces=ns): {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)} for u in doc.findall("s:url", ns)}))
"#;
    let found = python_json(&[
        "-c".to_string(),
        judge.to_string(),
        schemas.path().join("sitemap.xsd").display().to_string(),
        public.join("sitemap.xml").display().to_string(),
    ]);
    serde_json::from_value(found).expect("loc to alternates")
}

#[test]
fn the_sitemap_lists_every_language_with_its_alternates_and_validates() {
    if !lxml_available() {
        println!("SKIPPED sitemap schema check: python3 has no lxml (pip install lxml)");
        return;
    }
    let site = multilingual_site();
    let public = built(site.path());
    let urls = validated_sitemap(&public);
    let lead = format!("{BASE}roles/head-of-ai/");
    let lead_de = format!("{BASE}de/roles/head-of-ai/");
    assert!(urls.contains_key(&format!("{BASE}de/")), "{urls:?}");
    assert!(!urls.contains_key(&format!("{BASE}de/roles/engineer/")));
    let expected: BTreeMap<String, String> = [
        ("en".to_string(), lead.clone()),
        ("de".to_string(), lead_de.clone()),
        ("x-default".to_string(), lead.clone()),
    ]
    .into();
    assert_eq!(urls[&lead], expected);
    assert_eq!(urls[&lead_de], expected, "the pair answers each other");
    assert!(urls[&format!("{BASE}roles/engineer/")].is_empty());
    // A site without languages keeps its sitemap as it was: no xhtml namespace at all.
    let plain = small_site();
    let public = built(plain.path());
    let sitemap = read(&public, "sitemap.xml");
    assert!(!sitemap.contains("xhtml"), "{sitemap}");
    assert!(validated_sitemap(&public).values().all(BTreeMap::is_empty));
}

#[test]
fn the_health_page_lists_the_pages_each_language_lacks() {
    let site = multilingual_site();
    let public = built(site.path());
    for (health, untranslated) in [
        ("health/index.html", "Deutsch (de): 1 untranslated"),
        ("de/health/index.html", "Deutsch (de): 1 nicht übersetzt"),
    ] {
        let html = page(&public, health);
        let missing: Vec<String> = select(&html, "ul.missing-translations a")
            .into_iter()
            .map(|a| a.text().collect())
            .collect();
        assert_eq!(missing, ["Applied ML Engineer"], "{health}");
        let heading: String = select(&html, "#missing-de")[0].text().collect();
        assert!(heading.contains(untranslated), "{heading}");
    }
}

#[test]
fn lints_judge_a_translation_in_its_own_language() {
    let site = multilingual_site();
    let root = site.path();
    // Good German briefs raise nothing the English word lists would flag (the English
    // briefs of the small site have findings of their own).
    gen_in(root)
        .args(["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".de.md").not());
    // What a translation writes is judged in its file: a placeholder left in German.
    write(
        root,
        "content/roles/head-of-ai.de.md",
        &ROLE_A_DE.replace("Umsetzung und", "TODO: Umsetzung und"),
    );
    gen_in(root)
        .args(["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/roles/head-of-ai.de.md:10:1  warning  placeholder",
        ));
    // A broken link in a translation is the translation's.
    write(
        root,
        "content/guides/start.de.md",
        &GUIDE_DE.replace("../roles/head-of-ai.md", "../roles/head-of-ia.md"),
    );
    gen_in(root).args(["check"]).assert().code(1).stdout(
        predicate::str::contains("content/guides/start.de.md:")
            .and(predicate::str::contains("broken-link")),
    );
}

#[test]
fn translation_mistakes_are_errors_at_their_place() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "content/guides/start.fr.md",
            "---\ntitle: Commencer\n---\n",
            &[
                "content/guides/start.fr.md:1:1",
                "`fr`, which is not one of site.yaml's languages (de)",
                "add `- {code: fr}` to `languages:` in site.yaml",
            ],
        ),
        (
            "content/guides/strat.de.md",
            "---\ntitle: Anfang\n---\n",
            &[
                "content/guides/strat.de.md:1:1",
                "translates content/guides/strat.md, which does not exist",
                "did you mean to translate `guides/start.md`?",
            ],
        ),
        (
            "content/roles/engineer.de.md",
            "---\ntitle: ML-Engineer\nstatus: open\ndecisions+: [Modellwahl]\n---\n",
            &[
                "content/roles/engineer.de.md:3:1",
                "a translation cannot set `status`",
                "content/roles/engineer.de.md:4:1",
                "a translation cannot set `decisions+`",
            ],
        ),
    ];
    for (file, text, expected) in cases {
        let site = multilingual_site();
        write(site.path(), file, text);
        let out = gen_in(site.path()).args(["check"]).assert().code(1);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        for fragment in *expected {
            assert!(stdout.contains(fragment), "{file}: {fragment}\n{stdout}");
        }
    }
}

#[test]
fn without_languages_dotted_names_mean_what_they_did() {
    // No `languages:`: `head-of-ai.de.md` is a brief of its own, whose slug must be set.
    let site = small_site();
    let root = site.path();
    write(root, "content/roles/head-of-ai.de.md", ROLE_A_DE);
    gen_in(root)
        .args(["check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "the file name `head-of-ai.de` is not a valid slug",
        ));
    // With languages, a middle that names no language is part of the name, as before.
    let site = multilingual_site();
    let root = site.path();
    write(
        root,
        "content/guides/notes.v2.md",
        "---\ntitle: Notes, second take\nslug: notes-v2\n---\nText.\n",
    );
    let public = built(root);
    assert!(public.join("guides/notes-v2/index.html").is_file());
}

#[test]
fn gen_serve_follows_edits_in_every_language() {
    let site = multilingual_site();
    let root = site.path();
    let server = start(root, &[]);
    let base = server.base.clone();
    let de_engineer = format!("{base}de/roles/engineer/");
    let en_engineer = format!("{base}roles/engineer/");
    eventually(&server, &format!("{base}de/roles/head-of-ai/"), |r| {
        r.status == 200 && r.body.contains("Leitung KI")
    });
    assert_eq!(common::serve::get(server.port, &de_engineer).status, 404);
    // A new translation: its page, and the English page's switcher now leads to it.
    write(
        root,
        "content/roles/engineer.de.md",
        "---\ntitle: ML-Engineer (angewandt)\nsummary: Baut und betreibt Modelle.\n---\n\nText.\n",
    );
    eventually(&server, &de_engineer, |r| {
        r.status == 200 && r.body.contains("ML-Engineer (angewandt)")
    });
    eventually(&server, &en_engineer, |r| {
        r.body
            .contains(&format!("href=\"{base}de/roles/engineer/\" lang=\"de\""))
    });
    // An edit.
    write(
        root,
        "content/roles/engineer.de.md",
        "---\ntitle: Angewandter ML-Engineer\nsummary: Baut und betreibt Modelle.\n---\n\nText.\n",
    );
    eventually(&server, &de_engineer, |r| {
        r.body.contains("Angewandter ML-Engineer")
    });
    // An edit of the English brief reaches what the translation inherits.
    let engineer = read(root, "content/roles/engineer.md");
    write(
        root,
        "content/roles/engineer.md",
        &engineer.replace("Model choice within", "Model and vendor choice within"),
    );
    eventually(&server, &de_engineer, |r| {
        r.body.contains("Model and vendor choice within")
    });
    // Removed: gone from the tree, and the switcher leads to the German home again.
    std::fs::remove_file(root.join("content/roles/engineer.de.md")).expect("remove");
    eventually(&server, &de_engineer, |r| r.status == 404);
    eventually(&server, &en_engineer, |r| {
        r.body.contains(&format!("href=\"{base}de/\" lang=\"de\""))
    });
    let search = common::serve::get(server.port, &format!("{base}de/search-index.js"));
    assert!(!search.body.contains("Angewandter"), "{}", search.body);
}
