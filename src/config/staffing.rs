//! The staffing file site.yaml names (`staffing: {file: ...}`): rows exported from an ATS
//! or HRIS, each a brief's slug with its status, headcount, fill date and approval, read
//! from CSV or JSON and checked value by value with the file, line and column of each
//! cell. The briefs they override are matched in `content::staffing`; the Markdown is
//! never rewritten.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::yaml::Spanned;
use serde::Deserialize;

use crate::config::plan::StaffingFormat;
use crate::diagnostic::{Diagnostic, Position, did_you_mean};

/// The columns a staffing file may have; `slug` is required.
pub const COLUMNS: &[&str] = &[
    "slug",
    "status",
    "headcount",
    "filled_on",
    "approval",
    "approved_by",
    "approved_on",
];

const STATUSES: &[&str] = &["planned", "open", "filled"];
const APPROVALS: &[&str] = &["proposed", "approved", "frozen"];

/// A value of the file and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub at: Position,
}

/// One row: what it says about one brief. Empty cells say nothing (the brief's own value
/// stays); the others are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffingRow {
    pub slug: Cell,
    /// `planned`, `open` or `filled`.
    pub status: Option<Cell>,
    pub headcount: Option<(u32, Position)>,
    /// `YYYY-MM-DD` (checked where the briefs are matched: dates are the content's).
    pub filled_on: Option<Cell>,
    /// `proposed`, `approved` or `frozen`.
    pub approval: Option<Cell>,
    pub approved_by: Option<Cell>,
    /// `YYYY-MM-DD`.
    pub approved_on: Option<Cell>,
}

/// The file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffingTable {
    /// As site.yaml names it, relative to the site root.
    pub file: PathBuf,
    pub source: Arc<str>,
    pub rows: Vec<StaffingRow>,
}

impl StaffingTable {
    /// A problem at `at` in the staffing file.
    pub fn diagnostic(&self, at: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.file, at, message).with_source(self.source.clone())
    }
}

/// Read `text`, the staffing file at `file` (relative to the site root), as `format`.
pub fn parse(
    text: &str,
    file: &Path,
    format: StaffingFormat,
) -> Result<StaffingTable, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source: Arc<str> = Arc::from(text);
    let at = |at: Position, message: String, help: String| {
        Diagnostic::new(file, at, message)
            .with_help(help)
            .with_source(source.clone())
    };
    let records = match format {
        StaffingFormat::Csv => csv_records(text, &at)?,
        StaffingFormat::Json => json_records(text, file, &source)?,
    };
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut seen: Vec<(String, Position)> = Vec::new();
    for (record, start) in records {
        match row(record, start, &at) {
            Ok(row) => {
                if let Some((_, first)) = seen.iter().find(|(s, _)| *s == row.slug.text) {
                    problems.push(at(
                        row.slug.at,
                        format!("`{}` has a second row", row.slug.text),
                        format!(
                            "each brief has one row; its first is at line {}: merge the two",
                            first.line
                        ),
                    ));
                    continue;
                }
                seen.push((row.slug.text.clone(), row.slug.at));
                rows.push(row);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(StaffingTable {
            file: file.to_path_buf(),
            source,
            rows,
        })
    } else {
        Err(problems)
    }
}

/// A row as read: (column, cell) pairs, and where the row starts.
type Record = Vec<(String, Cell)>;

/// Check one row's values.
fn row(
    record: Record,
    start: Position,
    at: &impl Fn(Position, String, String) -> Diagnostic,
) -> Result<StaffingRow, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let take = |column: &str| {
        record
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, cell)| cell.clone())
            .filter(|cell| !cell.text.trim().is_empty())
            .map(|cell| Cell {
                text: cell.text.trim().to_string(),
                at: cell.at,
            })
    };
    let slug = take("slug");
    let status = take("status");
    let headcount = take("headcount");
    let filled_on = take("filled_on");
    let approval = take("approval");
    let approved_by = take("approved_by");
    let approved_on = take("approved_on");
    let Some(slug) = slug else {
        return Err(vec![at(
            start,
            "a row without a `slug`".into(),
            "every row names the brief it is about by its slug, e.g. `claims-ml-engineer`".into(),
        )]);
    };
    let one_of = |cell: &Option<Cell>, column: &str, allowed: &[&str]| {
        let cell = cell.as_ref()?;
        if allowed.contains(&cell.text.as_str()) {
            return None;
        }
        let help = match did_you_mean(&cell.text.to_lowercase(), allowed.iter().copied()) {
            Some(close) => format!(
                "did you mean `{close}`? ({column} is one of {})",
                allowed.join(", ")
            ),
            None => format!("{column} is one of {}", allowed.join(", ")),
        };
        Some(at(
            cell.at,
            format!(
                "`{column}` is `{}`, not one of {}",
                cell.text,
                allowed.join(", ")
            ),
            help,
        ))
    };
    problems.extend(one_of(&status, "status", STATUSES));
    problems.extend(one_of(&approval, "approval", APPROVALS));
    let headcount = match headcount {
        None => None,
        Some(cell) => match cell.text.parse::<u32>() {
            Ok(n) if n >= 1 => Some((n, cell.at)),
            _ => {
                problems.push(at(
                    cell.at,
                    format!("`headcount` is `{}`, not a number of people", cell.text),
                    "write how many people the brief hires: 1 or more, e.g. `2`".into(),
                ));
                None
            }
        },
    };
    if problems.is_empty() {
        Ok(StaffingRow {
            slug,
            status,
            headcount,
            filled_on,
            approval,
            approved_by,
            approved_on,
        })
    } else {
        Err(problems)
    }
}

/// The rows of a CSV file with a header row, each cell with its line and column. The csv
/// crate reads the quoting (RFC 4180) and says where each record starts; where each field
/// starts in it is counted here from that start.
fn csv_records(
    text: &str,
    at: &impl Fn(Position, String, String) -> Diagnostic,
) -> Result<Vec<(Record, Position)>, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Vec<(String, Position)> = Vec::new();
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, result) in reader.records().enumerate() {
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(1, |p| p.line() as usize);
                return Err(vec![at(
                    Position::new(line, 1),
                    format!("not a CSV row: {error}"),
                    "save the staffing file as comma-separated values with a header row".into(),
                )]);
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let positions = field_positions(text, start, record.len());
        if i == 0 {
            for (name, at_cell) in record.iter().zip(&positions) {
                let name = name.trim();
                if !COLUMNS.contains(&name) {
                    let help = match did_you_mean(name, COLUMNS.iter().copied()) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("the columns are: {}", COLUMNS.join(", ")),
                    };
                    problems.push(at(*at_cell, format!("unknown column `{name}`"), help));
                }
                header.push((name.to_string(), *at_cell));
            }
            if !header.iter().any(|(name, _)| name == "slug") {
                problems.push(at(
                    Position::START,
                    "the staffing file has no `slug` column".into(),
                    format!(
                        "the first row names the columns: `slug` and any of {}",
                        COLUMNS[1..].join(", ")
                    ),
                ));
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row_at = positions.first().copied().unwrap_or(Position::START);
        if record.len() > header.len() {
            problems.push(at(
                positions[header.len()],
                format!(
                    "this row has {} cells; the header names {} columns",
                    record.len(),
                    header.len()
                ),
                "remove the extra cells, or quote a value that holds a comma".into(),
            ));
            continue;
        }
        let cells = header
            .iter()
            .zip(record.iter().zip(&positions))
            .map(|((name, _), (text, at))| {
                (
                    name.clone(),
                    Cell {
                        text: text.to_string(),
                        at: *at,
                    },
                )
            })
            .collect();
        records.push((cells, row_at));
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// Where each of the `count` fields of the record starting at byte `start` of `text`
/// begins: a comma outside quotes ends a field, and a quoted field may hold commas, doubled
/// quotes and line breaks.
fn field_positions(text: &str, start: usize, count: usize) -> Vec<Position> {
    // After a CRLF line end the record's reported start may be its `\n`.
    let start = text.len()
        - text[start.min(text.len())..]
            .trim_start_matches(['\r', '\n'])
            .len();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut line = text[..start].matches('\n').count() + 1;
    let mut column = text[line_start..start].chars().count() + 1;
    let mut positions = vec![Position::new(line, column)];
    let mut quoted = false;
    for c in text[start..].chars() {
        if positions.len() >= count {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                column += 1;
                positions.push(Position::new(line, column));
                continue;
            }
            '\n' if !quoted => break,
            '\n' => {
                line += 1;
                column = 0;
            }
            _ => {}
        }
        column += 1;
    }
    while positions.len() < count {
        positions.push(Position::new(line, column));
    }
    positions
}

/// A JSON row: its keys in order, each with its value as text.
struct JsonRow(Vec<(Spanned<String>, Spanned<Scalar>)>);

/// A JSON value that a cell can hold: text, a number or `null`.
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text, a number or null")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar(String::new()))
            }
            fn visit_none<E>(self) -> Result<Scalar, E> {
                Ok(Scalar(String::new()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl<'de> Deserialize<'de> for JsonRow {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object per brief: {\"slug\": ..., \"status\": ...}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<JsonRow, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(JsonRow(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The rows of a JSON array of objects, read by the YAML parser (JSON is YAML), which
/// gives every key and value its line and column.
fn json_records(
    text: &str,
    file: &Path,
    source: &Arc<str>,
) -> Result<Vec<(Record, Position)>, Vec<Diagnostic>> {
    let rows: Vec<Spanned<JsonRow>> =
        crate::yaml::parse_with(text, file, source, crate::yaml::Budget::SiteConfig)
            .map_err(|d| vec![*d])?;
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for row in rows {
        let start = crate::yaml::position(row.referenced);
        let mut cells = Vec::new();
        for (key, value) in row.value.0 {
            let key_at = crate::yaml::position(key.referenced);
            if !COLUMNS.contains(&key.value.as_str()) {
                let help = match did_you_mean(&key.value, COLUMNS.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the keys are: {}", COLUMNS.join(", ")),
                };
                problems.push(
                    Diagnostic::new(file, key_at, format!("unknown key `{}`", key.value))
                        .with_help(help)
                        .with_source(source.clone()),
                );
                continue;
            }
            cells.push((
                key.value,
                Cell {
                    text: value.value.0,
                    at: crate::yaml::position(value.referenced),
                },
            ));
        }
        records.push((cells, start));
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<StaffingTable, Vec<Diagnostic>> {
        parse(
            text,
            Path::new("content/plan/staffing.csv"),
            StaffingFormat::Csv,
        )
    }

    fn problems(result: Result<StaffingTable, Vec<Diagnostic>>) -> Vec<(usize, usize, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.position.line, d.position.column, d.message))
            .collect()
    }

    #[test]
    fn an_ats_export_reads_with_each_cell_where_it_is_written() {
        let table = csv(
            "slug,status,headcount,filled_on,approval,approved_by,approved_on\r\nclaims-ml-engineer,open,2,,approved,\"Board, via CFO\",2026-10-06\r\nclaims-head-of-ai,filled,,2026-06-01,,,\r\n\r\n",
        )
        .expect("reads");
        assert_eq!(table.rows.len(), 2);
        let ml = &table.rows[0];
        assert_eq!(ml.slug.at, Position::new(2, 1));
        assert_eq!(ml.status.as_ref().map(|c| c.at), Some(Position::new(2, 20)));
        assert_eq!(ml.headcount, Some((2, Position::new(2, 25))));
        assert_eq!(
            ml.approved_by.as_ref().map(|c| c.text.as_str()),
            Some("Board, via CFO")
        );
        // After a quoted cell holding a comma, the columns still count right.
        assert_eq!(
            ml.approved_on.as_ref().map(|c| c.at),
            Some(Position::new(2, 54))
        );
        assert_eq!(
            table.rows[1].filled_on.as_ref().map(|c| c.text.as_str()),
            Some("2026-06-01")
        );
        assert!(
            table.rows[1].approval.is_none(),
            "an empty cell says nothing"
        );
    }

    #[test]
    fn bad_values_are_errors_at_their_cell() {
        let cases = [
            (
                "slug,status\nclaims-ml-engineer,hiring\n",
                vec![(
                    2,
                    20,
                    "`status` is `hiring`, not one of planned, open, filled",
                )],
            ),
            (
                "slug,headcount\nclaims-ml-engineer,two\n",
                vec![(2, 20, "`headcount` is `two`, not a number of people")],
            ),
            (
                "slug,headcount\nclaims-ml-engineer,0\n",
                vec![(2, 20, "`headcount` is `0`, not a number of people")],
            ),
            (
                "slug,approval\nclaims-ml-engineer,Approved\n",
                vec![(
                    2,
                    20,
                    "`approval` is `Approved`, not one of proposed, approved, frozen",
                )],
            ),
            (
                "slug,staus\nclaims-ml-engineer,open\n",
                vec![(1, 6, "unknown column `staus`")],
            ),
            (
                "status\nopen\n",
                vec![(1, 1, "the staffing file has no `slug` column")],
            ),
            (
                "slug,status\na,open\nb,open\na,filled\n",
                vec![(4, 1, "`a` has a second row")],
            ),
            (
                "slug,status\n,open\n",
                vec![(2, 1, "a row without a `slug`")],
            ),
            (
                "slug,status\na,open,extra\n",
                vec![(2, 8, "this row has 3 cells; the header names 2 columns")],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(usize, usize, String)> = expected
                .into_iter()
                .map(|(l, c, m)| (l, c, m.to_string()))
                .collect();
            assert_eq!(problems(csv(text)), expected, "{text:?}");
        }
    }

    #[test]
    fn json_rows_read_with_the_yaml_parser_s_positions() {
        let json = |text: &str| parse(text, Path::new("staffing.json"), StaffingFormat::Json);
        let table = json(
            "[\n  {\"slug\": \"claims-ml-engineer\", \"status\": \"open\", \"headcount\": 2},\n  {\"slug\": \"claims-head-of-ai\", \"approval\": null}\n]\n",
        )
        .expect("reads");
        assert_eq!(table.rows[0].headcount, Some((2, Position::new(2, 65))));
        assert_eq!(table.rows[1].slug.at, Position::new(3, 12));
        assert_eq!(
            problems(json("[{\"slug\": \"a\", \"staus\": \"open\"}]")),
            vec![(1, 16, "unknown key `staus`".to_string())]
        );
        assert_eq!(
            problems(json("[{\"slug\": \"a\", \"status\": \"hiring\"}]")),
            vec![(
                1,
                26,
                "`status` is `hiring`, not one of planned, open, filled".to_string()
            )]
        );
        assert!(
            !problems(json("{\"slug\": \"a\"}")).is_empty(),
            "an object, not a list"
        );
    }
}
