//! The team plan page (`/plan/`) and its data (`plan.csv`, `plan.json`): hires by quarter,
//! cost per quarter and for the year against the budget, the load each person carries and
//! the plan's open risks. Everything is read from `playbook::team_plan`, never from the
//! briefs' front matter again.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::content::role::{Role, Status};
use crate::content::when::When;
use crate::diagnostic::Diagnostic;
use crate::playbook::team_plan::{self, PlanRow, TeamPlan};
use crate::render::jobs::safe_cell;
use crate::render::site_views::CoverView;
use crate::render::views::{Link, Views, role_path};
use crate::render::wording::{Arg, Wording};

pub const PLAN_PATH: &str = "plan/";
pub const PLAN_CSV: &str = "plan.csv";
pub const PLAN_JSON: &str = "plan.json";

/// The lints whose findings the plan page lists as its open risks.
pub const RISKS: &[&str] = &[
    "unowned-capability",
    "no-governance-owner",
    "late-governance",
    "bundled-role",
    "cover-gap",
    "hire-out-of-order",
    "unapproved-open",
    "over-budget",
];

/// One team brief in `plan.json` (and, flattened, `plan.csv`): every plan field, with the
/// derived start, quarter and cost. Field names are a public interface (see README).
#[derive(Debug, Serialize)]
pub struct PlanRecord<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub archetype: &'a str,
    pub status: Status,
    pub headcount: u32,
    pub target_start: Option<&'a str>,
    pub filled_on: Option<&'a str>,
    /// When the hire starts: `filled_on` of a filled brief, else `target_start`.
    pub start: Option<String>,
    /// The quarter it starts in, `2027-Q2`.
    pub quarter: Option<String>,
    pub approval: Option<&'static str>,
    pub approved_by: Option<&'a str>,
    pub approved_on: Option<&'a str>,
    /// Where the band comes from: `cost`, `pay` or `level`.
    pub cost_source: Option<&'static str>,
    pub cost_currency: Option<&'a str>,
    /// The band per person and year.
    pub cost_min: Option<f64>,
    pub cost_max: Option<f64>,
    pub cost_midpoint: Option<f64>,
    /// The midpoint times the headcount.
    pub cost_total: Option<f64>,
    /// What it costs in the plan's year (0 when not counted).
    pub cost_in_year: f64,
    pub starting_point: Option<&'static str>,
    pub handover: Option<HandoverRecord<'a>>,
    pub covered_by: Vec<CoverRecord<'a>>,
    pub capabilities_primary: Vec<&'a str>,
    pub capabilities_secondary: Vec<&'a str>,
    pub bundled: bool,
    pub hire_after: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct HandoverRecord<'a> {
    pub system: Option<&'a str>,
    pub evals: Option<&'a str>,
    pub runbooks: Option<&'a str>,
    pub on_call: Option<&'a str>,
    pub partner_exit: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct CoverRecord<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub until: String,
    pub capabilities: Vec<&'a str>,
    /// Whether it holds on the day of the build.
    pub active: bool,
    pub gap: bool,
}

/// `plan.json`.
#[derive(Debug, Serialize)]
pub struct PlanData<'a> {
    pub site: &'a str,
    pub year: Option<i32>,
    pub currency: Option<&'a str>,
    pub budget: Option<f64>,
    pub cost_by_quarter: Vec<QuarterCost>,
    pub year_cost: f64,
    pub briefs: Vec<PlanRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct QuarterCost {
    pub quarter: String,
    pub cost: f64,
}

/// The columns of `plan.csv`, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "slug",
    "title",
    "url",
    "archetype",
    "status",
    "headcount",
    "target_start",
    "filled_on",
    "start",
    "quarter",
    "approval",
    "approved_by",
    "approved_on",
    "cost_source",
    "cost_currency",
    "cost_min",
    "cost_max",
    "cost_midpoint",
    "cost_total",
    "cost_in_year",
    "starting_point",
    "handover_system",
    "handover_evals",
    "handover_runbooks",
    "handover_on_call",
    "handover_partner_exit",
    "covered_by",
    "capabilities_primary",
    "capabilities_secondary",
    "bundled",
    "hire_after",
];

/// The plan page.
#[derive(Debug, Serialize)]
pub struct PlanPageView {
    /// The library view (`archetypes_only`): no team plan to show.
    pub library: bool,
    pub year: Option<i32>,
    pub currency: Option<String>,
    pub timeline_svg: String,
    /// A line for the timeline's description and the page's lead.
    pub summary: String,
    pub hires: Vec<HireView>,
    pub quarters: Vec<QuarterView>,
    pub year_cost: String,
    pub budget: Option<String>,
    /// "EUR 12,000 over the budget" or "EUR 45,830 under the budget".
    pub against_budget: Option<String>,
    pub over_budget: bool,
    /// Briefs whose cost is not in the year's total, and why.
    pub not_counted: Vec<String>,
    pub load: Vec<LoadView>,
    pub risks: Vec<RiskView>,
    pub covers: Vec<CoverView>,
    pub csv: String,
    pub json: String,
}

/// A team brief on the timeline and in its text alternative.
#[derive(Debug, Serialize)]
pub struct HireView {
    pub role: Link,
    pub status: Status,
    pub headcount: u32,
    /// The quarter it starts in, in words ("2027-Q2", "Q2 2027").
    pub quarter: Option<String>,
    /// The day or month it starts, in words, when the brief says more than the quarter.
    pub start: Option<String>,
    pub approval: Option<&'static str>,
    /// "✓ approved", "? proposed", "✕ frozen", "no approval recorded".
    pub approval_words: String,
    pub cost: Option<String>,
    pub extend_and_own: bool,
}

#[derive(Debug, Serialize)]
pub struct QuarterView {
    pub label: String,
    pub cost: String,
    /// The titles of the hires starting in it.
    pub starts: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct LoadView {
    pub role: Link,
    pub status: Status,
    pub headcount: u32,
    pub primary: usize,
    pub secondary: usize,
    /// One mark per capability, for the eye (hidden from screen readers).
    pub primary_bar: String,
    pub secondary_bar: String,
    pub bundled: bool,
}

#[derive(Debug, Serialize)]
pub struct RiskView {
    pub id: &'static str,
    pub message: String,
    /// The brief it is about, when it is about one.
    pub brief: Option<Link>,
}

fn approval_words(row: &PlanRow, words: &Wording) -> String {
    match row.approval {
        Some(state) => words.get(&format!("plan-approval-{}", state.key())),
        None => words.get("plan-approval-none"),
    }
}

impl<'a> Views<'a> {
    /// The team's plan, as every plan output reads it.
    pub fn team_plan(&self) -> TeamPlan<'a> {
        team_plan::team_plan(self.config, self.content, |r| self.is_bundled(r))
    }

    fn plan_record(&self, plan: &TeamPlan<'a>, row: &'a PlanRow<'a>) -> PlanRecord<'a> {
        let role = row.role;
        let front = &role.front;
        let p = &front.plan;
        let approval = p.approval.as_ref();
        let cost = row.cost.as_ref();
        PlanRecord {
            slug: &role.slug,
            title: role.title(),
            url: self.permalink(&role_path(&role.slug)),
            archetype: &front.archetype.value,
            status: row.status,
            headcount: row.headcount,
            target_start: p.target_start.as_ref().map(|t| t.value.as_str()),
            filled_on: p.filled_on.as_ref().map(|t| t.value.as_str()),
            start: row.start.map(|s| s.to_string()),
            quarter: row.quarter.map(|q| q.label()),
            approval: approval.map(|a| a.state.key()),
            approved_by: approval.and_then(|a| a.by.as_deref()),
            approved_on: approval
                .and_then(|a| a.on.as_ref())
                .map(|o| o.value.as_str()),
            cost_source: cost.map(|c| c.source.key()),
            cost_currency: cost.map(|c| c.currency.as_str()),
            cost_min: cost.map(|c| c.min),
            cost_max: cost.map(|c| c.max),
            cost_midpoint: cost.map(|c| c.midpoint),
            cost_total: cost.map(|c| c.total),
            cost_in_year: row.by_quarter.iter().sum(),
            starting_point: p.starting_point.map(|s| s.key()),
            handover: p.handover.as_ref().map(|h| HandoverRecord {
                system: h.system.as_deref(),
                evals: h.evals.as_deref(),
                runbooks: h.runbooks.as_deref(),
                on_call: h.on_call.as_deref(),
                partner_exit: h.partner_exit.as_ref().map(|e| e.value.as_str()),
            }),
            covered_by: plan
                .covers
                .iter()
                .filter(|c| c.role.slug == role.slug)
                .map(|c| CoverRecord {
                    kind: c.cover.kind.key(),
                    name: &c.cover.name.value,
                    until: c.until.to_string(),
                    capabilities: c.capabilities.clone(),
                    active: c.active,
                    gap: c.gap,
                })
                .collect(),
            capabilities_primary: front
                .capabilities
                .primary
                .iter()
                .map(|c| c.value.as_str())
                .collect(),
            capabilities_secondary: front
                .capabilities
                .secondary
                .iter()
                .map(|c| c.value.as_str())
                .collect(),
            bundled: row.bundled,
            hire_after: front.hire_after.iter().map(|h| h.value.as_str()).collect(),
        }
    }

    /// `plan.json`: the plan's totals and one record per team brief, in hiring order.
    pub fn plan_json(&self, plan: &TeamPlan<'a>) -> String {
        let data = PlanData {
            site: &self.config.title,
            year: plan.year,
            currency: plan.currency.as_deref(),
            budget: plan.budget,
            cost_by_quarter: plan
                .year_quarters()
                .into_iter()
                .zip(plan.quarters)
                .map(|(q, cost)| QuarterCost {
                    quarter: q.label(),
                    cost,
                })
                .collect(),
            year_cost: plan.year_cost,
            briefs: plan
                .rows
                .iter()
                .map(|r| self.plan_record(plan, r))
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
        text.push('\n');
        text
    }

    /// `plan.csv`: a header row (`CSV_COLUMNS`) and one row per team brief, RFC 4180 by the
    /// `csv` crate, each cell guarded against formula injection; lists joined with "; ",
    /// each cover as "kind: name until date (capabilities)".
    pub fn plan_csv(&self, plan: &TeamPlan<'a>) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let _ = writer.write_record(CSV_COLUMNS);
        let text = |v: Option<&str>| v.unwrap_or("").to_string();
        let number = |v: Option<f64>| v.map(|n| format!("{}", n.round())).unwrap_or_default();
        for row in &plan.rows {
            let r = self.plan_record(plan, row);
            let h = r.handover.as_ref();
            let covers: Vec<String> = r
                .covered_by
                .iter()
                .map(|c| {
                    format!(
                        "{}: {} until {} ({})",
                        c.kind,
                        c.name,
                        c.until,
                        c.capabilities.join(", ")
                    )
                })
                .collect();
            let cells = [
                r.slug.to_string(),
                r.title.to_string(),
                r.url.clone(),
                r.archetype.to_string(),
                status_key(r.status).to_string(),
                r.headcount.to_string(),
                text(r.target_start),
                text(r.filled_on),
                r.start.clone().unwrap_or_default(),
                r.quarter.clone().unwrap_or_default(),
                text(r.approval),
                text(r.approved_by),
                text(r.approved_on),
                text(r.cost_source),
                text(r.cost_currency),
                number(r.cost_min),
                number(r.cost_max),
                number(r.cost_midpoint),
                number(r.cost_total),
                number(Some(r.cost_in_year)),
                text(r.starting_point),
                text(h.and_then(|h| h.system)),
                text(h.and_then(|h| h.evals)),
                text(h.and_then(|h| h.runbooks)),
                text(h.and_then(|h| h.on_call)),
                text(h.and_then(|h| h.partner_exit)),
                covers.join("; "),
                r.capabilities_primary.join("; "),
                r.capabilities_secondary.join("; "),
                r.bundled.to_string(),
                r.hire_after.join("; "),
            ];
            // Writing to memory cannot fail.
            let _ = writer.write_record(cells.iter().map(|c| safe_cell(c)));
        }
        writer.into_inner().unwrap_or_default()
    }

    /// The plan page, in `words`' language; `findings` are the build's warnings (the open
    /// risks come from them).
    pub fn plan_page(&self, findings: &[Diagnostic], words: &Wording) -> PlanPageView {
        let plan = self.team_plan();
        let currency = plan.currency.as_deref();
        let money = |value: f64| words.money(currency, value);
        let hires: Vec<HireView> = plan
            .rows
            .iter()
            .map(|row| HireView {
                role: self.role_link(row.role),
                status: row.status,
                headcount: row.headcount,
                quarter: row.quarter.map(|q| words.quarter(q)),
                start: row
                    .start
                    .filter(|s| !matches!(s, When::Quarter(..)))
                    .map(|s| words.when(s)),
                approval: row.approval.map(|a| a.key()),
                approval_words: approval_words(row, words),
                cost: row
                    .cost
                    .as_ref()
                    .map(|c| words.money(Some(&c.currency), c.total)),
                extend_and_own: row.role.front.plan.starting_point
                    == Some(crate::content::plan_fields::StartingPoint::ExtendAndOwn),
            })
            .collect();
        let quarters = plan
            .year_quarters()
            .into_iter()
            .zip(plan.quarters)
            .map(|(q, cost)| QuarterView {
                label: words.quarter(q),
                cost: money(cost),
                starts: plan
                    .rows
                    .iter()
                    .filter(|r| r.quarter == Some(q))
                    .map(|r| r.role.title().to_string())
                    .collect(),
            })
            .collect();
        let not_counted = plan
            .rows
            .iter()
            .filter(|r| !r.counted)
            .map(|r| {
                let why = match (&r.cost, r.start) {
                    (None, _) => "plan-not-counted-no-band",
                    (Some(c), _) if Some(&c.currency) != plan.currency.as_ref() => {
                        "plan-not-counted-currency"
                    }
                    _ => "plan-not-counted-no-date",
                };
                let title = words.say("label-colon", &[("label", Arg::Text(r.role.title()))]);
                format!("{title} {}", words.get(why))
            })
            .collect();
        let against_budget = plan.budget.map(|budget| {
            let difference = plan.year_cost - budget;
            let (id, amount) = if plan.over_budget().is_some() {
                ("plan-over-budget", money(difference))
            } else {
                ("plan-under-budget", money(-difference))
            };
            words.say(id, &[("amount", Arg::Text(&amount))])
        });
        let load = plan
            .rows
            .iter()
            .map(|row| LoadView {
                role: self.role_link(row.role),
                status: row.status,
                headcount: row.headcount,
                primary: row.primary,
                secondary: row.secondary,
                primary_bar: "■".repeat(row.primary),
                secondary_bar: "□".repeat(row.secondary),
                bundled: row.bundled,
            })
            .collect();
        let summary = timeline_summary(&plan, words);
        PlanPageView {
            library: self.config.archetypes_only,
            year: plan.year,
            currency: plan.currency.clone(),
            timeline_svg: crate::render::plan_svg::timeline(
                &plan,
                &summary,
                self.config
                    .build_date
                    .map(|(y, m, d)| When::Day(y, m, d).quarter()),
                words,
            ),
            summary,
            hires,
            quarters,
            year_cost: money(plan.year_cost),
            budget: plan.budget.map(money),
            against_budget,
            over_budget: plan.over_budget().is_some(),
            not_counted,
            load,
            risks: self.risks(findings),
            covers: plan
                .covers
                .iter()
                .map(|c| self.cover_view(c, words))
                .collect(),
            csv: self.url(PLAN_CSV),
            json: self.url(PLAN_JSON),
        }
    }

    /// The findings of the risk lints that count, each with the brief it is about.
    fn risks(&self, findings: &[Diagnostic]) -> Vec<RiskView> {
        // Looked up once per finding: a large playbook has thousands of each.
        let team: HashMap<&Path, &Role> = self
            .content
            .team()
            .into_iter()
            .map(|r| (r.source.file.as_path(), r))
            .collect();
        findings
            .iter()
            .filter(|f| f.waived().is_none())
            .filter_map(|f| {
                let id = RISKS.iter().find(|id| f.code == Some(**id))?;
                let brief = team.get(f.file.as_path()).map(|r| self.role_link(r));
                Some(RiskView {
                    id,
                    message: f.message.clone(),
                    brief,
                })
            })
            .collect()
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Planned => "planned",
        Status::Open => "open",
        Status::Filled => "filled",
    }
}

/// "6 briefs, 7 people: 2 filled, 3 open, 1 planned; starts from 2026-Q2 to 2027-Q4", in
/// `words`' language.
fn timeline_summary(plan: &TeamPlan, words: &Wording) -> String {
    let people: u32 = plan.rows.iter().map(|r| r.headcount).sum();
    let count = |status: Status| plan.rows.iter().filter(|r| r.status == status).count() as f64;
    let summary = words.say(
        "plan-summary",
        &[
            ("briefs", Arg::Number(plan.rows.len() as f64)),
            ("people", Arg::Number(f64::from(people))),
            ("filled", Arg::Number(count(Status::Filled))),
            ("open", Arg::Number(count(Status::Open))),
            ("planned", Arg::Number(count(Status::Planned))),
        ],
    );
    let quarters = plan.rows.iter().filter_map(|r| r.quarter);
    match (quarters.clone().min(), quarters.max()) {
        (Some(first), Some(last)) if first == last => words.say(
            "plan-summary-one-quarter",
            &[
                ("summary", Arg::Text(&summary)),
                ("first", Arg::Text(&words.quarter(first))),
            ],
        ),
        (Some(first), Some(last)) => words.say(
            "plan-summary-span",
            &[
                ("summary", Arg::Text(&summary)),
                ("first", Arg::Text(&words.quarter(first))),
                ("last", Arg::Text(&words.quarter(last))),
            ],
        ),
        _ => summary,
    }
}
