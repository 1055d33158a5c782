//! The plan's hires by quarter as an inline SVG timeline, drawn at build time: one lane per
//! team brief, its start marked in its quarter by a shape for its status, with its
//! headcount and approval beside it, and the cover that holds its work drawn up to the
//! cover's end. A title and a description name it for screen readers; the page's table
//! beside it says the same in text.

use crate::content::plan_fields::ApprovalState;
use crate::content::role::Status;
use crate::content::when::Quarter;
use crate::markdown::escape;
use crate::playbook::team_plan::TeamPlan;
use crate::render::wording::{Arg, Wording};

const LABEL: usize = 230;
const COLUMN: usize = 74;
const LANE: usize = 30;
const HEAD: usize = 30;
/// Quarters shown at most: a plan further out than two and a half years is not a plan.
const MAX_QUARTERS: usize = 10;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The quarters the timeline spans: from the first dated start (or cover) to the last,
/// at most `MAX_QUARTERS`.
fn span(plan: &TeamPlan) -> Vec<Quarter> {
    let dated = plan
        .rows
        .iter()
        .filter_map(|r| r.quarter)
        .chain(plan.covers.iter().map(|c| c.until.quarter()));
    let (Some(first), Some(last)) = (dated.clone().min(), dated.max()) else {
        return Vec::new();
    };
    let mut quarters = vec![first];
    while let Some(&q) = quarters.last() {
        if q >= last || quarters.len() >= MAX_QUARTERS {
            break;
        }
        quarters.push(q.next());
    }
    quarters
}

/// The timeline, its words in `words`' language; `summary` describes it in one sentence;
/// cover is drawn from `today`'s quarter (the first shown when the build has no date or is
/// earlier).
pub fn timeline(plan: &TeamPlan, summary: &str, today: Option<Quarter>, words: &Wording) -> String {
    let quarters = span(plan);
    let undated = plan.rows.iter().any(|r| r.quarter.is_none());
    let columns = quarters.len() + usize::from(undated);
    let width = LABEL + columns.max(1) * COLUMN + 16;
    let height = HEAD + plan.rows.len().max(1) * LANE + 30;
    let mut svg = format!(
        "<svg class=\"plan-timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"plan-timeline-title plan-timeline-desc\"><title id=\"plan-timeline-title\">{}</title><desc id=\"plan-timeline-desc\">{}</desc>",
        escape(&words.get("plan-hires-by-quarter")),
        escape(&words.say("plan-timeline-desc", &[("summary", Arg::Text(summary))]))
    );
    svg.push_str("<defs><pattern id=\"tl-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"tl-hatch-line\" width=\"3\" height=\"6\"/></pattern></defs>");
    let column_x = |i: usize| LABEL + i * COLUMN;
    for (i, q) in quarters.iter().enumerate() {
        let x = column_x(i);
        svg.push_str(&format!(
            "<rect class=\"tl-column{}\" x=\"{x}\" y=\"{HEAD}\" width=\"{COLUMN}\" height=\"{}\"/><text class=\"tl-quarter\" x=\"{}\" y=\"20\" text-anchor=\"middle\">{}</text>",
            if i % 2 == 0 { "" } else { " tl-alt" },
            plan.rows.len().max(1) * LANE,
            x + COLUMN / 2,
            escape(&words.quarter(*q))
        ));
    }
    if undated {
        let x = column_x(quarters.len());
        svg.push_str(&format!(
            "<text class=\"tl-quarter\" x=\"{}\" y=\"20\" text-anchor=\"middle\">{}</text>",
            x + COLUMN / 2,
            escape(&words.get("plan-no-date"))
        ));
    }
    let column_of = |q: Quarter| quarters.iter().position(|c| *c == q);
    for (lane, row) in plan.rows.iter().enumerate() {
        let y = HEAD + lane * LANE;
        let middle = y + LANE / 2;
        svg.push_str(&format!(
            "<line class=\"tl-lane\" x1=\"0\" y1=\"{}\" x2=\"{width}\" y2=\"{}\"/><text class=\"tl-label\" x=\"4\" y=\"{}\">{}</text>",
            y + LANE,
            y + LANE,
            middle + 4,
            escape(&shorten(row.role.title(), 34))
        ));
        for cover in plan.covers.iter().filter(|c| c.role.slug == row.role.slug) {
            let end = column_of(cover.until.quarter()).unwrap_or(quarters.len().saturating_sub(1));
            let begin = today
                .and_then(|q| quarters.iter().position(|c| *c >= q))
                .unwrap_or(0)
                .min(end);
            let (x1, x2) = (column_x(begin) + 2, column_x(end) + COLUMN - 2);
            svg.push_str(&format!(
                "<rect class=\"tl-cover{}\" fill=\"url(#tl-hatch)\" x=\"{x1}\" y=\"{}\" width=\"{}\" height=\"8\"><title>{}</title></rect>",
                if cover.gap { " tl-gap" } else { "" },
                y + LANE - 10,
                x2.saturating_sub(x1),
                escape(&words.say(
                    "plan-covered-until",
                    &[
                        ("name", Arg::Text(&cover.cover.name.value)),
                        ("until", Arg::Text(&words.when(cover.until))),
                    ]
                )),
            ));
        }
        let column = match row.quarter {
            Some(q) => column_of(q),
            None => Some(quarters.len()),
        };
        let Some(column) = column else {
            continue;
        };
        let cx = column_x(column) + 16;
        let class = match row.status {
            Status::Filled => "tl-filled",
            Status::Open => "tl-open",
            Status::Planned => "tl-planned",
        };
        svg.push_str(&format!(
            "<g class=\"tl-hire {class}\"><circle cx=\"{cx}\" cy=\"{}\" r=\"7\"/>",
            middle - 2
        ));
        if row.status == Status::Open {
            svg.push_str(&format!(
                "<path d=\"M {cx} {} a 7 7 0 0 0 0 14 z\"/>",
                middle - 9
            ));
        }
        let mark = match row.approval {
            Some(ApprovalState::Approved) => "✓",
            Some(ApprovalState::Proposed) => "?",
            Some(ApprovalState::Frozen) => "✕",
            None => "",
        };
        let count = if row.headcount > 1 {
            format!("×{} ", row.headcount)
        } else {
            String::new()
        };
        svg.push_str(&format!(
            "<text class=\"tl-mark\" x=\"{}\" y=\"{}\">{count}{mark}</text></g>",
            cx + 11,
            middle + 3
        ));
    }
    svg.push_str("</svg>");
    svg
}
