//! `gen check` reports: for people (grouped by file, coloured on a terminal) and for
//! machines (one JSON object with stable field names).

use std::collections::BTreeSet;

use serde::Serialize;

use rolebook::diagnostic::{Diagnostic, Severity, display_path, terminal_safe};
use rolebook::engine::site::Checked;

#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The lint id, or what a problem that stops the site from loading is about: `yaml`,
    /// `front-matter`, `config`, `content`, `template`…
    pub id: &'a str,
    pub level: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// A finding a brief waived: where it is, the level and message it would have had, and
/// the brief's reason (`null` when it gave none).
#[derive(Debug, Serialize)]
pub struct JsonWaived<'a> {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub id: &'a str,
    pub level: Severity,
    pub message: &'a str,
    pub reason: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Files with findings.
    pub files: usize,
    /// Findings briefs waived (not counted as errors or warnings).
    pub waived: usize,
    /// Briefs, guides and pages checked; `null` when the site did not load (its errors are
    /// the findings), so none was.
    pub briefs: Option<usize>,
    pub guides: Option<usize>,
    pub pages: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub findings: Vec<JsonFinding<'a>>,
    pub waived: Vec<JsonWaived<'a>>,
    pub summary: Summary,
}

pub fn summary(
    findings: &[Diagnostic],
    waived: &[Diagnostic],
    checked: Option<Checked>,
) -> Summary {
    let files: BTreeSet<_> = findings.iter().map(|f| &f.file).collect();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    Summary {
        errors,
        warnings: findings.len() - errors,
        files: files.len(),
        waived: waived.len(),
        briefs: checked.map(|c| c.briefs),
        guides: checked.map(|c| c.guides),
        pages: checked.map(|c| c.pages),
    }
}

/// The reason a brief gave for waiving `f`, if any.
fn reason(f: &Diagnostic) -> Option<&str> {
    f.waived()
        .map(|w| w.reason.as_str())
        .filter(|r| !r.is_empty())
}

pub fn json(findings: &[Diagnostic], waived: &[Diagnostic], checked: Option<Checked>) -> String {
    let report = JsonReport {
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                file: display_path(&f.file),
                line: f.position.line,
                column: f.position.column,
                id: f.id(),
                level: f.severity,
                message: &f.message,
                help: f.help.as_deref(),
            })
            .collect(),
        waived: waived
            .iter()
            .map(|f| JsonWaived {
                file: display_path(&f.file),
                line: f.position.line,
                column: f.position.column,
                id: f.id(),
                level: f.severity,
                message: &f.message,
                reason: reason(f),
            })
            .collect(),
        summary: summary(findings, waived, checked),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Grouped by file: `file:line:column  level  id  message` (clickable in terminals and
/// editors), then the help; then the findings briefs waived, each with its reason; then a
/// summary line that says what was checked.
pub fn human(
    findings: &[Diagnostic],
    waived: &[Diagnostic],
    checked: Option<Checked>,
    color: bool,
) -> String {
    let mut out = String::new();
    let mut current = None;
    for f in findings {
        if current != Some(&f.file) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&paint(&terminal_safe(&display_path(&f.file)), "1", color));
            out.push('\n');
            current = Some(&f.file);
        }
        let level = match f.severity {
            Severity::Error => paint("error", "31;1", color),
            Severity::Warning => paint("warning", "33;1", color),
        };
        out.push_str(&format!(
            "  {}:{}:{}  {level}  {}  {}\n",
            terminal_safe(&display_path(&f.file)),
            f.position.line,
            f.position.column,
            paint(f.id(), "36", color),
            terminal_safe(&f.message)
        ));
        if let Some(help) = &f.help {
            out.push_str(&format!("      help: {}\n", terminal_safe(help)));
        }
    }
    let s = summary(findings, waived, checked);
    if !findings.is_empty() {
        out.push('\n');
    }
    if !waived.is_empty() {
        out.push_str(&human_waived(waived, color));
        out.push('\n');
    }
    out.push_str(&summary_line(&s));
    out.push('\n');
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `Checked 9 briefs, 3 guides and the 22 pages of the site: 0 errors, 0 warnings`; a site
/// that did not load says so, since nothing past its errors was checked.
fn summary_line(s: &Summary) -> String {
    let mut line = match (s.briefs, s.guides, s.pages) {
        (Some(briefs), Some(guides), Some(pages)) => format!(
            "Checked {}, {} and the {} of the site: ",
            plural(briefs, "brief"),
            plural(guides, "guide"),
            plural(pages, "page")
        ),
        _ => String::new(),
    };
    line.push_str(&format!(
        "{}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    ));
    if s.files > 0 {
        line.push_str(&format!(" in {}", plural(s.files, "file")));
    }
    if s.waived > 0 {
        line.push_str(&format!("; {} waived", s.waived));
    }
    if s.briefs.is_none() {
        line.push_str("; the site did not load, so no brief was checked further: fix these first");
    }
    line
}

/// The waived findings: `file:line:column  id  message`, then the brief's reason.
fn human_waived(waived: &[Diagnostic], color: bool) -> String {
    let mut out = paint("waived (allowed by their brief, not counted)", "1", color);
    out.push('\n');
    for f in waived {
        out.push_str(&format!(
            "  {}:{}:{}  {}  {}\n",
            terminal_safe(&display_path(&f.file)),
            f.position.line,
            f.position.column,
            paint(f.id(), "36", color),
            terminal_safe(&f.message)
        ));
        out.push_str(&format!(
            "      reason: {}\n",
            terminal_safe(reason(f).unwrap_or("none given"))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rolebook::diagnostic::Position;

    fn findings() -> Vec<Diagnostic> {
        let mut warning =
            Diagnostic::new("content/roles/a.md", Position::new(5, 10), "vague outcome")
                .with_help("state a target");
        warning.severity = Severity::Warning;
        warning.code = Some("vague-outcome");
        let error = Diagnostic::new("site.yaml", Position::new(1, 1), "unknown key `titel`");
        vec![warning, error]
    }

    fn waived() -> Vec<Diagnostic> {
        let mut waived = Diagnostic::new(
            "content/plan/platform.md",
            Position::new(9, 1),
            "tool soup: 9 tools listed; the limit is 8",
        );
        waived.severity = Severity::Warning;
        waived.code = Some("tool-soup");
        waived.set_waived(Some(rolebook::diagnostic::Waived {
            brief: "platform".to_string(),
            reason: "One polyglot platform team".to_string(),
        }));
        let mut listed = waived.clone();
        listed.code = Some("missing-probes");
        listed.message = "no interview probes for proof of delivery".to_string();
        listed.set_waived(Some(rolebook::diagnostic::Waived {
            brief: "platform".to_string(),
            reason: String::new(),
        }));
        vec![waived, listed]
    }

    #[test]
    fn waived_findings_are_listed_with_their_reason_and_not_counted() {
        let text = human(&findings(), &waived(), Some(CHECKED), false);
        assert!(
            text.ends_with(
                "waived (allowed by their brief, not counted)\n  content/plan/platform.md:9:1  tool-soup  tool soup: 9 tools listed; the limit is 8\n      reason: One polyglot platform team\n  content/plan/platform.md:9:1  missing-probes  no interview probes for proof of delivery\n      reason: none given\n\nChecked 9 briefs, 3 guides and the 22 pages of the site: 1 error, 1 warning in 2 files; 2 waived\n"
            ),
            "{text}"
        );
        let value: serde_json::Value =
            serde_json::from_str(&json(&findings(), &waived(), Some(CHECKED))).expect("valid JSON");
        assert_eq!(value["waived"][0]["id"], "tool-soup");
        assert_eq!(value["waived"][0]["reason"], "One polyglot platform team");
        assert_eq!(value["waived"][0]["level"], "warning");
        assert_eq!(value["waived"][1]["reason"], serde_json::Value::Null);
        assert_eq!(value["summary"]["warnings"], 1);
        assert_eq!(value["summary"]["waived"], 2);
    }

    #[test]
    fn human_output_groups_by_file_without_colour_when_asked() {
        let text = human(&findings(), &[], None, false);
        assert_eq!(
            text,
            "content/roles/a.md\n  content/roles/a.md:5:10  warning  vague-outcome  vague outcome\n      help: state a target\n\nsite.yaml\n  site.yaml:1:1  error  config  unknown key `titel`\n\n1 error, 1 warning in 2 files; the site did not load, so no brief was checked further: fix these first\n"
        );
        assert!(human(&findings(), &[], None, true).contains("\x1b["));
    }

    #[test]
    fn json_output_has_stable_fields() {
        let value: serde_json::Value =
            serde_json::from_str(&json(&findings(), &[], None)).expect("valid JSON");
        assert_eq!(value["findings"][0]["id"], "vague-outcome");
        assert_eq!(value["findings"][0]["level"], "warning");
        assert_eq!(value["findings"][1]["id"], "config");
        assert_eq!(value["summary"]["errors"], 1);
        assert_eq!(value["summary"]["briefs"], serde_json::Value::Null);
    }

    const CHECKED: Checked = Checked {
        briefs: 9,
        guides: 3,
        pages: 22,
    };

    #[test]
    fn a_clean_check_says_what_it_checked() {
        let text = human(&[], &[], Some(CHECKED), false);
        assert_eq!(
            text,
            "Checked 9 briefs, 3 guides and the 22 pages of the site: 0 errors, 0 warnings\n"
        );
        let value: serde_json::Value =
            serde_json::from_str(&json(&[], &[], Some(CHECKED))).expect("valid JSON");
        assert_eq!(value["summary"]["briefs"], 9);
        assert_eq!(value["summary"]["guides"], 3);
        assert_eq!(value["summary"]["pages"], 22);
    }
}
