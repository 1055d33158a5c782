//! The open briefs' job data, judged by independent parsers: the shipped playbook is built
//! with `postings: {json_ld: true}`; extruct (PyPI) extracts the schema.org JobPosting from
//! each open brief's posting page, Python's json reads `jobs.json`, `jobs.lever.json` and
//! `jobs.greenhouse.json`, and its csv module `jobs.csv` (`tests/tools/check_jobs.py`
//! checks the JobPostings' required and recommended properties and their types). This test
//! holds what they read to the shipped plan's open briefs. It skips, saying why, when
//! python3 or extruct is missing (`.ci/run` installs extruct).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// 2026-05-28: the build's day, the `datePosted` of a brief without `date_posted`.
const BUILD_DAY: &str = "1780000000";

/// Why the judges cannot run here, if they cannot.
fn judges_missing() -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", "import extruct"])
        .output();
    match probe {
        Err(e) => Some(format!("python3 cannot run: {e}")),
        Ok(out) if !out.status.success() => Some(format!(
            "extruct is not installed (pip install extruct): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Ok(_) => None,
    }
}

/// The slugs of the briefs below `content` with `status: open`, in file order.
fn open_slugs(root: &Path) -> Vec<String> {
    let mut slugs = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md")
            && std::fs::read_to_string(path)
                .expect("read")
                .contains("\nstatus: open\n")
            && path.components().any(|c| c.as_os_str() == "plan")
        {
            slugs.push(
                path.file_stem()
                    .expect("stem")
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    slugs
}

/// The shipped playbook with `extra` appended to its site.yaml, built; its root.
fn shipped_with(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for folder in ["content", "themes"] {
        copy_dir(&repo().join(folder), &root.join(folder));
    }
    let site = read(&repo(), "site.yaml");
    write(root, "site.yaml", &format!("{site}\n{extra}"));
    gen_in(root)
        .env("SOURCE_DATE_EPOCH", BUILD_DAY)
        .arg("build")
        .assert()
        .success();
    dir
}

/// What `check_jobs.py` read from the site at `public`, with the posting `pages`.
fn judge(public: &Path, pages: &[String]) -> Value {
    let mut args = vec![
        repo().join("tests/tools/check_jobs.py").into_os_string(),
        public.as_os_str().to_owned(),
    ];
    args.extend(pages.iter().map(std::ffi::OsString::from));
    let value = python_json(&args);
    assert_eq!(
        value["problems"],
        serde_json::json!([]),
        "{}",
        value["problems"]
    );
    value
}

fn posting_page(slug: &str) -> String {
    format!("roles/{slug}/{slug}.posting.html")
}

#[test]
fn the_open_briefs_job_data_reads_right_in_other_software() {
    if let Some(why) = judges_missing() {
        println!("skipping: {why}");
        return;
    }
    let site = shipped_with("postings:\n  json_ld: true\n");
    let public = site.path().join("public");
    let open = open_slugs(site.path());
    assert_eq!(
        open,
        [
            "claims-eval-engineer",
            "claims-governance-owner",
            "claims-ml-engineer"
        ]
    );
    let pages: Vec<String> = open.iter().map(|s| posting_page(s)).collect();
    let read = judge(&public, &pages);

    // jobs.json: one JobPosting per open brief, the same as its posting page carries.
    let jobs = read["jobs"].as_array().expect("jobs.json is an array");
    let ids: Vec<&str> = jobs
        .iter()
        .map(|j| j["identifier"]["value"].as_str().expect("identifier"))
        .collect();
    assert_eq!(ids, open);
    for (job, page) in jobs.iter().zip(&pages) {
        assert_eq!(
            &read["pages"][page][0], job,
            "{page} carries its jobs.json entry"
        );
    }
    let eval = &jobs[0];
    assert_eq!(eval["title"], "Claims Eval Engineer");
    assert_eq!(
        eval["baseSalary"],
        serde_json::json!({
            "@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 68000, "maxValue": 84000, "unitText": "YEAR"}
        })
    );
    assert_eq!(eval["datePosted"], "2026-11-16", "its date_posted");
    assert_eq!(jobs[1]["datePosted"], "2026-05-28", "the build's day");
    assert_eq!(eval["validThrough"], "2027-02-28");
    assert_eq!(eval["employmentType"], "FULL_TIME");
    assert_eq!(eval["directApply"], false);
    assert_eq!(
        eval["hiringOrganization"],
        serde_json::json!({
            "@type": "Organization", "name": "Nordhafen Versicherung",
            "sameAs": "https://www.nordhafen.example/", "url": "https://www.nordhafen.example/"
        })
    );
    assert_eq!(
        eval["jobLocation"]["address"],
        serde_json::json!({"@type": "PostalAddress", "addressLocality": "Hamburg", "addressCountry": "DE"})
    );
    // The level's band when the brief states no pay: the governance owner is `lead`.
    assert_eq!(jobs[1]["baseSalary"]["value"]["minValue"], 92000);
    let description = eval["description"].as_str().expect("description");
    for heading in [
        "<h2>What this role is for</h2>",
        "<h2>Where you will work and what you will earn</h2>",
        "EUR 68,000–84,000 a year",
    ] {
        assert!(description.contains(heading), "{heading}");
    }

    // jobs.csv, as Python's csv module reads it.
    let header: Vec<&str> = read["csv"]["header"]
        .as_array()
        .expect("header")
        .iter()
        .map(|h| h.as_str().expect("text"))
        .collect();
    assert_eq!(header, rolebook::render::jobs::CSV_COLUMNS);
    let rows = read["csv"]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), open.len());
    let row = &rows[0];
    for (column, value) in [
        ("requisition_id", "claims-eval-engineer"),
        ("title", "Claims Eval Engineer"),
        ("level", "Senior"),
        ("department", ""),
        ("location", "Hamburg, Germany"),
        ("work_model", "hybrid"),
        ("employment_type", "FULL_TIME"),
        ("pay_min", "68000"),
        ("pay_max", "84000"),
        ("currency", "EUR"),
        ("pay_period", "year"),
        ("date_posted", "2026-11-16"),
        ("valid_through", "2027-02-28"),
        ("apply", "https://careers.nordhafen.example/jobs"),
        ("organization", "Nordhafen Versicherung"),
    ] {
        assert_eq!(row[column], value, "{column}");
    }
    let text = row["description"].as_str().expect("description");
    assert!(
        text.starts_with("What this role is for\n\nBefore our claims triage model"),
        "{text}"
    );
    assert!(text.contains("\n- Python\n"), "lists as lines: {text}");

    // jobs.lever.json: Lever's posting shape.
    let lever = &read["jobs.lever.json"][0];
    assert_eq!(lever["text"], "Claims Eval Engineer");
    assert_eq!(lever["state"], "published");
    assert_eq!(lever["reqCode"], "claims-eval-engineer");
    assert_eq!(
        lever["categories"],
        serde_json::json!({
            "commitment": "Full-time", "department": null, "level": "Senior",
            "location": "Hamburg, Germany", "team": null, "allLocations": ["Hamburg, Germany"]
        })
    );
    assert_eq!(lever["workplaceType"], "hybrid");
    assert_eq!(lever["country"], "DE", "Lever takes the ISO code");
    assert_eq!(
        lever["salaryRange"],
        serde_json::json!({"min": 68000, "max": 84000, "currency": "EUR", "interval": "per-year-salary"})
    );
    assert_eq!(lever["salaryDescription"], "EUR 68,000–84,000 a year");
    assert_eq!(
        lever["urls"]["apply"],
        "https://careers.nordhafen.example/jobs"
    );
    let lists = lever["content"]["lists"].as_array().expect("lists");
    assert!(lists.iter().any(|l| {
        l["text"] == "Decisions you will make"
            && l["content"]
                .as_str()
                .is_some_and(|c| c.starts_with("<li>") && c.ends_with("</li>"))
    }));
    assert!(
        lever["content"]["closing"]
            .as_str()
            .is_some_and(|c| c.starts_with("About us")),
        "{}",
        lever["content"]["closing"]
    );
    assert!(
        lever["content"]["descriptionHtml"]
            .as_str()
            .is_some_and(|d| d.starts_with("<h2>What this role is for</h2>") && !d.contains("<h3>"))
    );

    // jobs.greenhouse.json: Greenhouse's job board shape, pay in cents.
    let greenhouse = &read["jobs.greenhouse.json"]["jobs"];
    assert_eq!(greenhouse.as_array().map(Vec::len), Some(open.len()));
    let job = &greenhouse[0];
    assert_eq!(job["title"], "Claims Eval Engineer");
    assert_eq!(job["company_name"], "Nordhafen Versicherung");
    assert_eq!(job["location"]["name"], "Hamburg, Germany");
    assert_eq!(job["requisition_id"], "claims-eval-engineer");
    assert_eq!(job["first_published"], "2026-11-16T00:00:00Z");
    assert_eq!(greenhouse[1].get("first_published"), None, "not dated");
    assert_eq!(
        job["pay_input_ranges"],
        serde_json::json!([{
            "min_cents": 6_800_000, "max_cents": 8_400_000, "currency_type": "EUR",
            "title": "Annual pay", "blurb": "EUR 68,000–84,000 a year"
        }])
    );
    assert!(
        job["absolute_url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&pages[0]))
    );
    assert_eq!(job["content"], eval["description"]);
}

#[test]
fn without_the_setting_a_posting_page_carries_no_json_ld_and_jobs_json_still_does() {
    let site = shipped_with("");
    let public = site.path().join("public");
    let page = read(&public, &posting_page("claims-eval-engineer"));
    assert!(!page.contains("application/ld+json"), "off by default");
    let jobs: Value = serde_json::from_str(&read(&public, "jobs.json")).expect("jobs.json");
    assert_eq!(jobs.as_array().map(Vec::len), Some(3));
    // Planned and filled briefs are not jobs.
    assert!(!read(&public, "jobs.csv").contains("claims-head-of-ai"));
    // Data files are not pages of the sitemap (written when base_url names a host).
    let hosted = site.path().join("hosted");
    gen_in(site.path())
        .args([
            "build",
            "--quiet",
            "--base-url",
            "https://wiki.example.com/",
        ])
        .arg("--output")
        .arg(&hosted)
        .assert()
        .success();
    assert!(!read(&hosted, "sitemap.xml").contains("jobs."));
}

/// A brief written to break the files: a title a spreadsheet would run as a formula, a
/// `</script>` in its summary, quotes, commas and line breaks in its text.
const HOSTILE: &str = "---
title: \"=HYPERLINK(\\\"https://evil.example\\\",\\\"Apply\\\")\"
archetype: builder
summary: \"Ends a script </script><script>alert(1)</script> and an <!-- HTML comment\"
outcome: Cut claims handling time by 30% within 12 months.
decisions: [\"Which \\\"features\\\", and why\"]
success:
  90d: [Baseline evaluated]
status: open
location: [\"@Hamburg, Germany\"]
pay: {min: 60000, max: 70000, currency: EUR}
posting:
  intro: |
    +1 line one, with a comma.
    -2 line two.

    Ends a script </script><script>alert(1)</script> and an <!-- HTML comment
---
";

#[test]
fn hostile_text_neither_closes_the_script_nor_runs_in_a_spreadsheet() {
    if let Some(why) = judges_missing() {
        println!("skipping: {why}");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let site = library_site_yaml();
    write(
        root,
        "site.yaml",
        &format!("{site}\npostings:\n  json_ld: true\n"),
    );
    copy_dir(&repo().join("themes"), &root.join("themes"));
    write(root, "content/plan/hostile.md", HOSTILE);
    gen_in(root)
        .env("SOURCE_DATE_EPOCH", BUILD_DAY)
        .arg("build")
        .assert()
        .success();
    let public = root.join("public");
    let read = judge(&public, &[posting_page("hostile")]);
    let ld = &read["pages"][posting_page("hostile")][0];
    assert_eq!(
        ld["title"],
        "=HYPERLINK(\"https://evil.example\",\"Apply\")"
    );
    assert!(
        ld["description"]
            .as_str()
            .is_some_and(|d| d.contains("&lt;/script&gt;&lt;script&gt;alert(1)")),
        "the text, escaped as HTML inside the JSON: {}",
        ld["description"]
    );
    let row = &read["csv"]["rows"][0];
    assert_eq!(
        row["title"],
        "'=HYPERLINK(\"https://evil.example\",\"Apply\")"
    );
    assert_eq!(row["location"], "'@Hamburg, Germany");
    assert_eq!(row["requisition_id"], "hostile");
    assert!(
        row["description"]
            .as_str()
            .is_some_and(|d| d.contains("Which \"features\", and why")),
        "{}",
        row["description"]
    );
    // The raw file: the title cell quoted as RFC 4180 says, quotes doubled.
    let raw = common::read(&public, "jobs.csv");
    assert!(
        raw.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Apply\"\")\""),
        "{raw}"
    );
}
