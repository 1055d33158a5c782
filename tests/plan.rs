//! The team plan's data with the real binary: `plan.csv` and `plan.json` are read back by
//! Python's own `csv` and `json` modules (an independent reader) and compared with the
//! briefs' front matter (with the staffing file's rows over it, read by Python's `csv`) and
//! site.yaml's level bands, read here with the YAML parser alone.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::{Value, json};

/// A fixed day (2026-11-18), so the worked plan's cover holds.
const BUILD_DAY: &str = "1795000000";

/// What Python's `csv` and `json` modules read from `plan.csv` and `plan.json` in `public`.
/// And the staffing file the build read, with the same `csv` module.
const READ_BACK: &str = r#"
import csv, json, sys
folder, staffing = sys.argv[1], sys.argv[2]
with open(folder + "/plan.json", encoding="utf-8") as f:
    data = json.load(f)
with open(folder + "/plan.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
with open(staffing, encoding="utf-8", newline="") as f:
    ats = {row["slug"]: {k: v for k, v in row.items() if v} for row in csv.DictReader(f)}
print(json.dumps({"json": data, "csv": rows, "staffing": ats}))
"#;

fn read_back(public: &Path) -> Option<Value> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(READ_BACK)
        .arg(public)
        .arg(repo().join("content/plan/staffing.csv"))
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("python prints JSON"))
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("yaml")
}

/// A brief's front matter as plain data.
fn front_matter(text: &str) -> Value {
    let end = text[4..].find("\n---").expect("closing fence") + 4;
    yaml(&text[..end])
}

/// `value` as text ("" for null), as a CSV cell says it.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// "2027-Q2" of a month `2027-05`, a quarter, or a day.
fn quarter(when: &str) -> String {
    if when.contains('Q') {
        return when.to_string();
    }
    let month: u32 = when[5..7].parse().expect("month");
    format!("{}-Q{}", &when[..4], (month - 1) / 3 + 1)
}

#[test]
fn the_plan_data_reads_back_as_the_briefs_say() {
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    gen_in(&repo())
        .env("SOURCE_DATE_EPOCH", BUILD_DAY)
        .args(["build", "--quiet", "--output"])
        .arg(&public)
        .assert()
        .success();
    let Some(exported) = read_back(&public) else {
        println!("SKIPPED plan data test: python3 cannot run");
        return;
    };
    let site = yaml(&read(&repo(), "site.yaml"));
    let bands: BTreeMap<String, (f64, f64)> = site["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| {
            let pay = &l["pay"];
            (
                cell(&l["key"]),
                (
                    pay["min"].as_f64().expect("min"),
                    pay["max"].as_f64().expect("max"),
                ),
            )
        })
        .collect();
    let data = &exported["json"];
    let rows = exported["csv"].as_array().expect("csv rows");
    let briefs = data["briefs"].as_array().expect("briefs");
    let plan_dir = repo().join("content/plan");
    let mut files: Vec<_> = std::fs::read_dir(&plan_dir)
        .expect("plan")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        // Translations (`claims-head-of-ai.de.md`) are the same briefs in German.
        .filter(|p| !p.to_string_lossy().ends_with(".de.md"))
        .collect();
    files.sort();
    assert_eq!(briefs.len(), files.len(), "one record per team brief");
    assert_eq!(rows.len(), files.len(), "one row per team brief");
    for file in files {
        let slug = file
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let mut front = front_matter(&std::fs::read_to_string(&file).expect("brief"));
        // The staffing file's row (exported from the ATS) overrides the brief's values.
        let ats = &exported["staffing"][slug.as_str()];
        for key in ["status", "filled_on"] {
            if let Some(value) = ats.get(key) {
                front[key] = value.clone();
            }
        }
        if let Some(n) = ats.get("headcount").and_then(Value::as_str) {
            front["headcount"] = json!(n.parse::<u64>().expect("a headcount"));
        }
        for (column, key) in [
            ("approval", "state"),
            ("approved_by", "by"),
            ("approved_on", "on"),
        ] {
            if let Some(value) = ats.get(column) {
                front["approval"][key] = value.clone();
            }
        }
        let record = briefs
            .iter()
            .find(|b| b["slug"] == json!(slug))
            .unwrap_or_else(|| panic!("{slug} in plan.json"));
        let row = rows
            .iter()
            .find(|r| r["slug"] == json!(slug))
            .unwrap_or_else(|| panic!("{slug} in plan.csv"));
        // Every plan field as written.
        let headcount = front["headcount"].as_u64().unwrap_or(1);
        let status = front["status"].as_str().unwrap_or("planned");
        let approval = &front["approval"];
        let expected = [
            ("title", front["title"].clone()),
            ("status", json!(status)),
            ("headcount", json!(headcount)),
            ("target_start", front["target_start"].clone()),
            ("filled_on", front["filled_on"].clone()),
            ("approval", approval["state"].clone()),
            ("approved_by", approval["by"].clone()),
            ("approved_on", approval["on"].clone()),
            ("starting_point", front["starting_point"].clone()),
        ];
        for (key, value) in expected {
            assert_eq!(record[key], value, "{slug}: plan.json {key}");
            assert_eq!(row[key], json!(cell(&value)), "{slug}: plan.csv {key}");
        }
        for part in ["system", "evals", "runbooks", "on_call", "partner_exit"] {
            let written = &front["handover"][part];
            assert_eq!(
                record["handover"][part], *written,
                "{slug}: handover.{part}"
            );
            assert_eq!(
                row[format!("handover_{part}").as_str()],
                json!(cell(written)),
                "{slug}: plan.csv handover_{part}"
            );
        }
        let covers = front["covered_by"].as_array().cloned().unwrap_or_default();
        let read_covers = record["covered_by"].as_array().expect("covered_by");
        assert_eq!(read_covers.len(), covers.len(), "{slug}: covers");
        for (written, read) in covers.iter().zip(read_covers) {
            for key in ["kind", "name", "until"] {
                assert_eq!(read[key], written[key], "{slug}: covered_by.{key}");
            }
            assert!(
                cell(&row["covered_by"]).contains(&format!(
                    "{}: {} until {}",
                    cell(&written["kind"]),
                    cell(&written["name"]),
                    cell(&written["until"])
                )),
                "{slug}: plan.csv covered_by {}",
                row["covered_by"]
            );
        }
        // The derived start, quarter and cost.
        let start = if status == "filled" && front["filled_on"].is_string() {
            &front["filled_on"]
        } else {
            &front["target_start"]
        };
        let expected_quarter = start.as_str().map(quarter);
        assert_eq!(
            record["quarter"],
            json!(expected_quarter),
            "{slug}: quarter"
        );
        assert_eq!(row["quarter"], json!(expected_quarter.unwrap_or_default()));
        let band = match (&front["cost"], &front["pay"], front["level"].as_str()) {
            (c, _, _) if c.is_object() => Some((c["min"].as_f64(), c["max"].as_f64())),
            (_, p, _) if p.is_object() => Some((p["min"].as_f64(), p["max"].as_f64())),
            (_, _, Some(level)) => bands.get(level).map(|(a, b)| (Some(*a), Some(*b))),
            _ => None,
        };
        let total =
            band.map(|(min, max)| (min.expect("min") + max.expect("max")) / 2.0 * headcount as f64);
        assert_eq!(record["cost_total"].as_f64(), total, "{slug}: cost_total");
        assert_eq!(
            row["cost_total"],
            json!(total.map(|t| format!("{}", t.round())).unwrap_or_default()),
            "{slug}: plan.csv cost_total"
        );
        // JSON and CSV agree on what each costs this year.
        let in_year = record["cost_in_year"].as_f64().expect("cost_in_year");
        let csv_in_year: f64 = cell(&row["cost_in_year"]).parse().expect("a number");
        assert!(
            (in_year.round() - csv_in_year).abs() < 0.5,
            "{slug}: cost_in_year"
        );
    }
    // The year's cost is the sum of the briefs', and of the quarters'.
    let year_cost = data["year_cost"].as_f64().expect("year_cost");
    let by_brief: f64 = briefs
        .iter()
        .map(|b| b["cost_in_year"].as_f64().expect("cost"))
        .sum();
    let by_quarter: f64 = data["cost_by_quarter"]
        .as_array()
        .expect("quarters")
        .iter()
        .map(|q| q["cost"].as_f64().expect("cost"))
        .sum();
    assert!((year_cost - by_brief).abs() < 0.01 && (year_cost - by_quarter).abs() < 0.01);
    assert_eq!(data["budget"].as_f64(), site["budget"]["amount"].as_f64());
    assert_eq!(data["currency"], json!("EUR"));
    assert_eq!(data["year"], json!(2027));
}
