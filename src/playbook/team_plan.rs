//! The team plan as a board reads it: each team brief's start quarter, approval and cost at
//! its band's midpoint, the cost per quarter and for the year against the budget, and the
//! cover that holds work until a hire starts. One value made from the briefs and site.yaml;
//! the plan page, its exports, the staffing view and the plan lints all read it. Pure.

use serde::Serialize;

use crate::config::Config;
use crate::config::posting::{Pay, PayPeriod};
use crate::content::Content;
use crate::content::plan_fields::{ApprovalState, Cover};
use crate::content::role::{Role, Status};
use crate::content::when::{Quarter, When};
use crate::playbook::sequence;

/// Where a brief's cost comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CostSource {
    /// The brief's own `cost` band.
    Cost,
    /// The brief's `pay` range.
    Pay,
    /// The band of the brief's `level` in site.yaml.
    Level,
}

impl CostSource {
    pub fn key(self) -> &'static str {
        match self {
            CostSource::Cost => "cost",
            CostSource::Pay => "pay",
            CostSource::Level => "level",
        }
    }
}

/// What one brief costs a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    /// The band per person and year.
    pub min: f64,
    pub max: f64,
    pub currency: String,
    pub source: CostSource,
    /// The band's midpoint per person and year.
    pub midpoint: f64,
    /// The midpoint times the headcount.
    pub total: f64,
}

/// One team brief in the plan.
#[derive(Debug)]
pub struct PlanRow<'a> {
    pub role: &'a Role,
    pub status: Status,
    /// People hired into it (1 when the brief does not say).
    pub headcount: u32,
    /// When the hire starts: the day it was filled for a filled brief that says so, else
    /// its `target_start`.
    pub start: Option<When>,
    pub quarter: Option<Quarter>,
    pub approval: Option<ApprovalState>,
    /// `None` when no band says (no `cost`, `pay` or level band), or the band is counted
    /// per week, day or hour (no yearly cost without working hours).
    pub cost: Option<Cost>,
    /// The cost counted in each quarter of the plan's year (in the plan's currency; 0 when
    /// the brief's currency is another).
    pub by_quarter: [f64; 4],
    /// Whether its cost is in the year's total: a band in the plan's currency, and a date
    /// (or filled).
    pub counted: bool,
    pub primary: usize,
    pub secondary: usize,
    pub bundled: bool,
}

/// A cover: who holds a brief's work until its hire starts.
#[derive(Debug, Clone)]
pub struct CoverRow<'a> {
    /// The brief whose hire ends the cover.
    pub role: &'a Role,
    pub cover: &'a Cover,
    pub until: When,
    /// The capabilities covered: as written, else the brief's primary ones.
    pub capabilities: Vec<&'a str>,
    /// Whether it still holds on the day of the build (it holds when the build has no date)
    /// and the brief is not filled yet.
    pub active: bool,
    /// Whether it ends with days left before the hire starts (`cover-gap`).
    pub gap: bool,
}

/// The whole plan.
#[derive(Debug)]
pub struct TeamPlan<'a> {
    /// The year the costs are counted for: the budget's, else the build's, else the first
    /// start's.
    pub year: Option<i32>,
    /// Team briefs in hiring order.
    pub rows: Vec<PlanRow<'a>>,
    pub covers: Vec<CoverRow<'a>>,
    /// The currency of the totals: the budget's, else the first cost's.
    pub currency: Option<String>,
    /// Cost per quarter of `year`, and for the year.
    pub quarters: [f64; 4],
    pub year_cost: f64,
    pub budget: Option<f64>,
}

impl TeamPlan<'_> {
    /// The cost over the budget, if over.
    pub fn over_budget(&self) -> Option<f64> {
        let budget = self.budget?;
        (self.year_cost > budget + 0.5).then_some(self.year_cost - budget)
    }

    /// The quarters of the plan's year, labelled.
    pub fn year_quarters(&self) -> Vec<Quarter> {
        self.year
            .map(|year| (1..=4).map(|quarter| Quarter { year, quarter }).collect())
            .unwrap_or_default()
    }

    /// Whether any team brief states a plan field: without one the page has nothing to show.
    pub fn in_use(&self) -> bool {
        self.rows.iter().any(|r| {
            let p = &r.role.front.plan;
            p.target_start.is_some()
                || p.filled_on.is_some()
                || p.approval.is_some()
                || p.cost.is_some()
                || !p.covered_by.is_empty()
        })
    }
}

/// The team's plan; `is_bundled` says which briefs ask one person for several jobs.
pub fn team_plan<'a>(
    config: &'a Config,
    content: &'a Content,
    is_bundled: impl Fn(&Role) -> bool,
) -> TeamPlan<'a> {
    let order = sequence::team_order(config, content);
    let mut rows: Vec<PlanRow> = order
        .iter()
        .map(|step| row(config, step.role, is_bundled(step.role)))
        .collect();
    let year = config
        .budget
        .as_ref()
        .and_then(|b| b.year)
        .or(config.build_date.map(|d| d.0))
        .or_else(|| {
            rows.iter()
                .filter_map(|r| r.start)
                .map(|s| s.first_day().0)
                .min()
        });
    let currency = config
        .budget
        .as_ref()
        .map(|b| b.currency.value.clone())
        .or_else(|| {
            rows.iter()
                .find_map(|r| r.cost.as_ref())
                .map(|c| c.currency.clone())
        });
    let mut quarters = [0.0; 4];
    if let Some(year) = year {
        for row in &mut rows {
            let Some(cost) = row
                .cost
                .as_ref()
                .filter(|c| Some(&c.currency) == currency.as_ref())
            else {
                continue;
            };
            // A filled brief without a date has been in seat since before the year.
            let from = match row.start {
                Some(start) => start.first_month(),
                None if row.status == Status::Filled => (year - 1, 1),
                None => continue,
            };
            row.counted = true;
            for (q, total) in quarters.iter_mut().enumerate() {
                let quarter = Quarter {
                    year,
                    quarter: q as u32 + 1,
                };
                let months = quarter.months().iter().filter(|m| **m >= from).count();
                let amount = cost.total / 12.0 * months as f64;
                row.by_quarter[q] = amount;
                *total += amount;
            }
        }
    }
    let covers = covers(config, &rows);
    TeamPlan {
        year,
        year_cost: quarters.iter().sum(),
        quarters,
        budget: config.budget.as_ref().map(|b| b.amount.value),
        currency,
        rows,
        covers,
    }
}

fn row<'a>(config: &Config, role: &'a Role, bundled: bool) -> PlanRow<'a> {
    let front = &role.front;
    let plan = &front.plan;
    let headcount = front.headcount.unwrap_or(1);
    let start = start_of(role);
    PlanRow {
        role,
        status: front.status,
        headcount,
        start,
        quarter: start.map(When::quarter),
        approval: plan.approval_state(),
        cost: cost(config, role, headcount),
        by_quarter: [0.0; 4],
        counted: false,
        primary: front.capabilities.primary.len(),
        secondary: front.capabilities.secondary.len(),
        bundled,
    }
}

/// The brief's yearly cost: its `cost` band, else its `pay`, else its level's band; the
/// midpoint times the headcount.
pub fn cost(config: &Config, role: &Role, headcount: u32) -> Option<Cost> {
    let front = &role.front;
    let level_band = || {
        front
            .level
            .as_ref()
            .and_then(|l| config.level(&l.value))
            .and_then(|l| l.pay.as_ref())
    };
    let (band, source): (&Pay, CostSource) = match (&front.plan.cost, &front.pay) {
        (Some(cost), _) => (cost, CostSource::Cost),
        (None, Some(pay)) => (pay, CostSource::Pay),
        (None, None) => (level_band()?, CostSource::Level),
    };
    let per_year = match band.period {
        PayPeriod::Year => 1.0,
        PayPeriod::Month => 12.0,
        PayPeriod::Week | PayPeriod::Day | PayPeriod::Hour => return None,
    };
    let (min, max) = (band.min.value * per_year, band.max.value * per_year);
    let midpoint = (min + max) / 2.0;
    Some(Cost {
        min,
        max,
        currency: band.currency.value.clone(),
        source,
        midpoint,
        total: midpoint * f64::from(headcount),
    })
}

fn covers<'a>(config: &Config, rows: &[PlanRow<'a>]) -> Vec<CoverRow<'a>> {
    rows.iter()
        .flat_map(|row| covers_of(config, row.role))
        .collect()
}

/// When a brief's hire starts: the day it was filled for a filled brief that says so, else
/// its `target_start`.
pub fn start_of(role: &Role) -> Option<When> {
    let plan = &role.front.plan;
    match role.front.status {
        Status::Filled => plan.filled_on().or(plan.target_start()),
        _ => plan.target_start(),
    }
}

/// The cover a brief states, each with whether it holds on the day of the build and
/// whether it leaves a gap before the hire.
pub fn covers_of<'a>(config: &Config, role: &'a Role) -> Vec<CoverRow<'a>> {
    let today = config.build_date.map(|(y, m, d)| When::Day(y, m, d));
    let start = start_of(role);
    let filled = role.front.status == Status::Filled;
    role.front
        .plan
        .covered_by
        .iter()
        .filter_map(|cover| {
            let until = cover.until()?;
            let capabilities = match &cover.capabilities {
                Some(listed) => listed.iter().map(|c| c.value.as_str()).collect(),
                None => role
                    .front
                    .capabilities
                    .primary
                    .iter()
                    .map(|c| c.value.as_str())
                    .collect(),
            };
            Some(CoverRow {
                role,
                cover,
                until,
                capabilities,
                active: !filled && today.is_none_or(|today| !until.ends_before(today)),
                gap: !filled && start.is_some_and(|start| until.leaves_gap_before(start)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, config_with, content};

    fn brief(slug: &str, status: &str, extra: &str) -> (String, String) {
        (
            format!("plan/{slug}.md"),
            format!(
                "---\ntitle: {slug}\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10%.\ndecisions: [D]\ncapabilities:\n  primary: [applied-ml]\nsuccess:\n  90d: [M]\nstatus: {status}\n{extra}---\n"
            ),
        )
    }

    #[test]
    fn costs_are_band_midpoints_times_headcount_counted_from_the_start_month() {
        let pages = [
            // In seat since before the year: all four quarters.
            brief("lead", "filled", "level: head\n"),
            // Starts in May: two of Q2's three months, then Q3 and Q4.
            brief(
                "ml",
                "open",
                "headcount: 2\ntarget_start: 2027-05\ncost: {min: 80000, max: 100000, currency: EUR}\n",
            ),
            // A quarter counts from its first month.
            brief(
                "eval",
                "planned",
                "target_start: 2027-Q3\npay: {min: 5000, max: 7000, currency: EUR, period: month}\n",
            ),
            // No date and not filled: not in the year's cost.
            brief("later", "planned", "level: senior\n"),
            // Another currency: not summed with euros.
            brief(
                "uk",
                "open",
                "target_start: 2027-01\ncost: {min: 60000, max: 80000, currency: GBP}\n",
            ),
        ];
        let refs: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let content = content(&refs);
        let mut config = config_with("budget: {year: 2027, amount: 250000, currency: EUR}");
        config.build_date = Some((2026, 11, 10));
        let plan = team_plan(&config, &content, |_| false);
        assert_eq!(plan.year, Some(2027));
        assert_eq!(plan.currency.as_deref(), Some("EUR"));
        let row = |slug: &str| plan.rows.iter().find(|r| r.role.slug == slug).expect(slug);
        assert_eq!(row("lead").cost.as_ref().map(|c| c.total), Some(135_000.0));
        assert_eq!(
            row("lead").cost.as_ref().map(|c| c.source),
            Some(CostSource::Level)
        );
        assert_eq!(row("ml").cost.as_ref().map(|c| c.total), Some(180_000.0));
        assert_eq!(
            row("eval").cost.as_ref().map(|c| c.midpoint),
            Some(72_000.0)
        );
        assert_eq!(
            row("ml").quarter.map(Quarter::label).as_deref(),
            Some("2027-Q2")
        );
        assert!(!row("later").counted && !row("uk").counted);
        assert_eq!(row("lead").by_quarter, [33_750.0; 4]);
        assert_eq!(row("ml").by_quarter, [0.0, 30_000.0, 45_000.0, 45_000.0]);
        assert_eq!(row("eval").by_quarter, [0.0, 0.0, 18_000.0, 18_000.0]);
        assert_eq!(plan.quarters, [33_750.0, 63_750.0, 96_750.0, 96_750.0]);
        assert_eq!(plan.year_cost, 291_000.0);
        assert_eq!(plan.over_budget(), Some(41_000.0));
        let mut without = config.clone();
        without.budget = None;
        assert_eq!(team_plan(&without, &content, |_| false).over_budget(), None);
    }

    #[test]
    fn cover_holds_until_its_date_and_a_gap_is_days_before_the_hire() {
        let pages = [
            brief(
                "gov",
                "open",
                "target_start: 2027-04\ncovered_by:\n  - {kind: existing, name: CISO, until: 2027-03}\n",
            ),
            brief(
                "ml",
                "open",
                "target_start: 2027-Q3\ncovered_by:\n  - {kind: partner, name: Partner, until: 2027-05, capabilities: [applied-ml, prompt-eval]}\n",
            ),
            brief(
                "old",
                "planned",
                "target_start: 2027-Q1\ncovered_by:\n  - {kind: contractor, name: C, until: 2026-11}\n",
            ),
            brief(
                "done",
                "filled",
                "filled_on: 2026-10-01\ncovered_by:\n  - {kind: partner, name: P, until: 2027-06}\n",
            ),
        ];
        let refs: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let content = content(&refs);
        let mut config = config();
        config.build_date = Some((2026, 12, 1));
        let plan = team_plan(&config, &content, |_| false);
        let cover = |slug: &str| {
            plan.covers
                .iter()
                .find(|c| c.role.slug == slug)
                .expect(slug)
        };
        assert!(
            cover("gov").active && !cover("gov").gap,
            "March then April: no gap"
        );
        assert!(cover("ml").active && cover("ml").gap, "June is uncovered");
        assert_eq!(cover("ml").capabilities, ["applied-ml", "prompt-eval"]);
        assert_eq!(cover("gov").capabilities, ["applied-ml"]);
        assert!(!cover("old").active, "ended before the build");
        assert!(
            !cover("done").active && !cover("done").gap,
            "the hire is in seat"
        );
    }
}
