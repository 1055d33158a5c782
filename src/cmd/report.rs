//! `gen check` reports: for people (grouped by file, coloured on a terminal) and for
//! machines (one JSON object with stable field names).

use std::collections::BTreeSet;

use serde::Serialize;

use rolebook::diagnostic::{Diagnostic, Severity, display_path};

#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The lint id, or `error` for a problem that stops the site from loading.
    pub id: &'a str,
    pub level: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub findings: Vec<JsonFinding<'a>>,
    pub summary: Summary,
}

pub fn summary(findings: &[Diagnostic]) -> Summary {
    let files: BTreeSet<_> = findings.iter().map(|f| &f.file).collect();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    Summary {
        errors,
        warnings: findings.len() - errors,
        files: files.len(),
    }
}

pub fn json(findings: &[Diagnostic]) -> String {
    let report = JsonReport {
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                file: display_path(&f.file),
                line: f.position.line,
                column: f.position.column,
                id: f.code.unwrap_or("error"),
                level: f.severity,
                message: &f.message,
                help: f.help.as_deref(),
            })
            .collect(),
        summary: summary(findings),
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
/// editors), then the help, then a summary line.
pub fn human(findings: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    let mut current = None;
    for f in findings {
        if current != Some(&f.file) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&paint(&display_path(&f.file), "1", color));
            out.push('\n');
            current = Some(&f.file);
        }
        let level = match f.severity {
            Severity::Error => paint("error", "31;1", color),
            Severity::Warning => paint("warning", "33;1", color),
        };
        out.push_str(&format!(
            "  {}:{}:{}  {level}  {}  {}\n",
            display_path(&f.file),
            f.position.line,
            f.position.column,
            paint(f.code.unwrap_or("error"), "36", color),
            f.message
        ));
        if let Some(help) = &f.help {
            out.push_str(&format!("      help: {help}\n"));
        }
    }
    let s = summary(findings);
    if !findings.is_empty() {
        out.push('\n');
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{}, {} in {}\n",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.files, "file")
    ));
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

    #[test]
    fn human_output_groups_by_file_without_colour_when_asked() {
        let text = human(&findings(), false);
        assert_eq!(
            text,
            "content/roles/a.md\n  content/roles/a.md:5:10  warning  vague-outcome  vague outcome\n      help: state a target\n\nsite.yaml\n  site.yaml:1:1  error  error  unknown key `titel`\n\n1 error, 1 warning in 2 files\n"
        );
        assert!(human(&findings(), true).contains("\x1b["));
    }

    #[test]
    fn json_output_has_stable_fields() {
        let value: serde_json::Value =
            serde_json::from_str(&json(&findings())).expect("valid JSON");
        assert_eq!(value["findings"][0]["id"], "vague-outcome");
        assert_eq!(value["findings"][0]["level"], "warning");
        assert_eq!(value["findings"][1]["id"], "error");
        assert_eq!(value["summary"]["errors"], 1);
    }
}
