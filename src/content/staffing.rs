//! The staffing file applied to the briefs: each row's status, headcount, fill date and
//! approval replace the brief's own at build time, so the plan follows the ATS without
//! anyone editing the Markdown (which is never rewritten). A row naming no brief, or a
//! value that is not one, is an error at its cell.

use std::sync::Arc;

use crate::yaml::{Location, Spanned};

use crate::config::Config;
use crate::config::staffing::{Cell, StaffingRow, StaffingTable};
use crate::content::Content;
use crate::content::plan_fields::{Approval, ApprovalState};
use crate::content::role::{Role, Status, parse_date};
use crate::diagnostic::{Diagnostic, did_you_mean};

/// `content` with the rows of site.yaml's staffing file applied to the briefs they name.
/// Applying twice changes nothing, and a brief whose values the file already gives is kept
/// as it is (shared), so a rebuild reuses what it made from it.
pub fn apply(mut content: Content, config: &Config) -> Result<Content, Vec<Diagnostic>> {
    let Some(table) = config.staffing_table.as_deref() else {
        return Ok(content);
    };
    let mut problems = Vec::new();
    for row in &table.rows {
        let Ok(i) = content
            .roles
            .binary_search_by(|r| r.slug.as_str().cmp(&row.slug.text))
        else {
            let help = match did_you_mean(
                &row.slug.text,
                content.roles.iter().map(|r| r.slug.as_str()),
            ) {
                Some(close) => format!("did you mean `{close}`?"),
                None => {
                    "name a brief by its slug: the file name of `content/plan/<slug>.md`".into()
                }
            };
            problems.push(
                table
                    .diagnostic(row.slug.at, format!("`{}` is not a brief", row.slug.text))
                    .with_help(help),
            );
            continue;
        };
        match staffed(&content.roles[i], row, table) {
            Ok(Some(role)) => content.roles[i] = Arc::new(role),
            Ok(None) => {}
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

/// A value the file sets, as the brief's front matter holds it (it has no place in the
/// brief's file).
fn spanned(cell: &Cell) -> Spanned<String> {
    Spanned::new(cell.text.clone(), Location::UNKNOWN, Location::UNKNOWN)
}

/// `role` with `row` applied; `None` when it already says what the row says.
fn staffed(
    role: &Role,
    row: &StaffingRow,
    table: &StaffingTable,
) -> Result<Option<Role>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    for (cell, column) in [
        (&row.filled_on, "filled_on"),
        (&row.approved_on, "approved_on"),
    ] {
        if let Some(cell) = cell
            && parse_date(&cell.text).is_none()
        {
            problems.push(
                table
                    .diagnostic(
                        cell.at,
                        format!("`{column}` is `{}`, not a date", cell.text),
                    )
                    .with_help("write the day as YYYY-MM-DD, e.g. `2027-04-01`"),
            );
        }
    }
    let state = row
        .approval
        .as_ref()
        .and_then(|c| ApprovalState::parse(&c.text));
    let said_by = row.approved_by.as_ref().or(row.approved_on.as_ref());
    if let Some(cell) = said_by
        && state.is_none()
        && role.front.plan.approval.is_none()
    {
        problems.push(
            table
                .diagnostic(
                    cell.at,
                    format!(
                        "an approval's `by` or `on` without its state, and `{}` states none",
                        role.slug
                    ),
                )
                .with_help("fill in `approval` (proposed, approved or frozen) in the same row"),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut front = role.front.clone();
    if let Some(status) = &row.status {
        front.status = match status.text.as_str() {
            "open" => Status::Open,
            "filled" => Status::Filled,
            _ => Status::Planned,
        };
    }
    if let Some((headcount, _)) = row.headcount {
        front.headcount = Some(headcount);
    }
    if let Some(cell) = &row.filled_on {
        front.plan.filled_on = Some(spanned(cell));
    }
    if state.is_some() || said_by.is_some() {
        let mut approval = front.plan.approval.clone().unwrap_or(Approval {
            state: ApprovalState::Proposed,
            by: None,
            on: None,
        });
        if let Some(state) = state {
            approval.state = state;
        }
        if let Some(by) = &row.approved_by {
            approval.by = Some(by.text.clone());
        }
        if let Some(on) = &row.approved_on {
            approval.on = Some(spanned(on));
        }
        front.plan.approval = Some(approval);
    }
    let same = front.status == role.front.status
        && front.headcount == role.front.headcount
        && front.plan.values() == role.front.plan.values();
    if same {
        return Ok(None);
    }
    front.plan.staffing_row = Some(format!(
        "{}:{}",
        crate::diagnostic::display_path(&table.file),
        row.slug.at.line
    ));
    Ok(Some(Role {
        front,
        // Made again from the new front matter when asked.
        tag_slugs: Default::default(),
        ..role.clone()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::plan::StaffingFormat;
    use crate::content::testing::{config, content};

    fn with_table(csv: &str) -> Config {
        let mut config = config();
        let table = crate::config::staffing::parse(
            csv,
            std::path::Path::new("content/plan/staffing.csv"),
            StaffingFormat::Csv,
        )
        .expect("a valid file");
        config.staffing_table = Some(Arc::new(table));
        config
    }

    fn team() -> Content {
        let brief = |slug: &str, extra: &str| {
            (
                format!("plan/{slug}.md"),
                format!(
                    "---\ntitle: {slug}\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10%.\ndecisions: [D]\nsuccess:\n  90d: [M]\nstatus: planned\n{extra}---\n"
                ),
            )
        };
        let pages = [
            brief("ml", "approval: {state: proposed, by: Head of AI}\n"),
            brief("lead", ""),
        ];
        let refs: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        content(&refs)
    }

    #[test]
    fn rows_override_the_briefs_and_applying_again_changes_nothing() {
        let config = with_table(
            "slug,status,headcount,filled_on,approval,approved_by,approved_on\nml,open,2,,approved,,2026-11-20\nlead,filled,,2026-06-01,,,\n",
        );
        let applied = apply(team(), &config).expect("applies");
        let ml = applied.role("ml").expect("ml");
        assert_eq!(ml.front.status, Status::Open);
        assert_eq!(ml.front.headcount, Some(2));
        let approval = ml.front.plan.approval.as_ref().expect("approval");
        assert_eq!(approval.state, ApprovalState::Approved);
        assert_eq!(
            approval.by.as_deref(),
            Some("Head of AI"),
            "kept from the brief"
        );
        assert_eq!(
            approval.on.as_ref().map(|o| o.value.as_str()),
            Some("2026-11-20")
        );
        assert_eq!(
            ml.front.plan.said_by_staffing(),
            " (as content/plan/staffing.csv:2 says)"
        );
        let lead = applied.role("lead").expect("lead");
        assert_eq!(lead.front.status, Status::Filled);
        assert_eq!(
            lead.front
                .plan
                .filled_on()
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-06-01")
        );
        // A rebuild applies the file to briefs it already applied it to: they stay shared.
        let again = apply(applied.clone(), &config).expect("applies");
        for (a, b) in applied.roles.iter().zip(&again.roles) {
            assert!(Arc::ptr_eq(a, b), "{} was copied again", a.slug);
        }
    }

    #[test]
    fn rows_naming_no_brief_and_bad_values_are_errors_at_their_cell() {
        let found = |csv: &str| -> Vec<(usize, usize, String)> {
            apply(team(), &with_table(csv))
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.position.line, d.position.column, d.message))
                .collect()
        };
        assert_eq!(
            found("slug,status\nml,open\nml-engineer,open\n"),
            vec![(3, 1, "`ml-engineer` is not a brief".to_string())]
        );
        assert_eq!(
            found("slug,filled_on\nlead,1 June 2026\n"),
            vec![(2, 6, "`filled_on` is `1 June 2026`, not a date".to_string())]
        );
        assert_eq!(
            found("slug,approved_by\nlead,CFO\n"),
            vec![(
                2,
                6,
                "an approval's `by` or `on` without its state, and `lead` states none".to_string()
            )]
        );
        assert_eq!(
            found("slug,approved_by\nml,CFO\n"),
            vec![],
            "the brief states one"
        );
    }
}
