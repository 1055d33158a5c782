//! The lints of the team plan as a board reads it: hires dated before the hires they wait
//! for, searches open without approval, a plan over its budget, and cover that ends before
//! its hire starts. They read `playbook::team_plan`, the value the plan page shows.

use super::*;
use crate::config::posting::amount;
use crate::content::plan_fields::ApprovalState;
use crate::content::role::Status;
use crate::content::when::When;
use crate::playbook::team_plan::{self, TeamPlan};

/// Every finding of the plan lints.
pub(super) fn plan_findings(config: &Config, content: &Content) -> Vec<Diagnostic> {
    // Bundling is `bundled-role`'s finding: every brief costs what it costs.
    let plan = team_plan::team_plan(config, content, |_| false);
    let mut found = hire_out_of_order(config, content);
    found.extend(unapproved_open(config, &plan));
    found.extend(over_budget(config, &plan));
    found.extend(cover_gaps(config, &plan));
    found
}

/// Where a brief's start is written: `filled_on` when its start is the day it was filled,
/// else `target_start`.
fn start_at(role: &Role) -> Option<(Position, &'static str)> {
    let plan = &role.front.plan;
    let filled = role.front.status == Status::Filled && plan.filled_on().is_some();
    let (value, key) = if filled {
        (plan.filled_on.as_ref()?, "filled_on")
    } else {
        (plan.target_start.as_ref()?, "target_start")
    };
    Some((position(value.referenced), key))
}

/// Briefs dated to start surely before a brief their `hire_after` names: the whole of one's
/// month or quarter before the other's begins ("2027-Q2" and "2027-05" may be in order).
fn hire_out_of_order(config: &Config, content: &Content) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for role in &content.roles {
        let Some(start) = team_plan::start_of(role) else {
            continue;
        };
        for earlier in &role.front.hire_after {
            let Some(first) = content.role(&earlier.value) else {
                continue;
            };
            let Some(first_start) = team_plan::start_of(first) else {
                continue;
            };
            if !start.ends_before(first_start) {
                continue;
            }
            let Some((at, key)) = start_at(role) else {
                continue;
            };
            let d = role
                .source
                .diagnostic(
                    at,
                    format!(
                        "hire out of order: `{}` starts {start}{}, before `{}` ({first_start}), which its `hire_after` names",
                        role.slug,
                        role.front.plan.said_by_staffing(),
                        first.slug
                    ),
                )
                .with_help(format!(
                    "move `{key}` to {} or later, or take `{}` out of `hire_after`",
                    first_start.quarter().label(),
                    first.slug
                ));
            found.extend(finding(config, Some(role), "hire-out-of-order", d));
        }
    }
    found
}

/// Open searches whose headcount is not approved, once the plan records approvals (a team
/// brief states one): a plan that never says is not judged.
fn unapproved_open(config: &Config, plan: &TeamPlan) -> Vec<Diagnostic> {
    if config.archetypes_only || plan.rows.iter().all(|r| r.approval.is_none()) {
        return Vec::new();
    }
    plan.rows
        .iter()
        .filter(|row| row.status == Status::Open && row.approval != Some(ApprovalState::Approved))
        .filter_map(|row| {
            let role = row.role;
            let (message, d) = match &role.front.plan.approval {
                Some(approval) => {
                    let what = format!(
                        "open search without approval: `{}` is open, but its headcount is {}{}{}",
                        role.slug,
                        approval.state.key(),
                        approval
                            .by
                            .as_ref()
                            .map_or(String::new(), |by| format!(" ({by})")),
                        role.front.plan.said_by_staffing()
                    );
                    (what, at_key(role, "approval"))
                }
                None => (
                    format!(
                        "open search without approval: `{}` is open and states no `approval`, while the plan records approvals for other briefs",
                        role.slug
                    ),
                    at_key(role, "status"),
                ),
            };
            let mut d = d(message);
            d.help = Some(format!(
                "record the approval (`approval: {{state: approved, by: ..., on: ...}}`) before the search opens, or set `{}` back to `status: planned`",
                role.slug
            ).into());
            finding(config, Some(role), "unapproved-open", d)
        })
        .collect()
}

/// A finding about `key` of `role`, as a closure over its message.
fn at_key<'a>(role: &'a Role, key: &'a str) -> impl FnOnce(String) -> Diagnostic + 'a {
    move |message| super::at_key(role, key, message)
}

/// The year's cost at band midpoints over `budget`, at `budget:` in site.yaml.
fn over_budget(config: &Config, plan: &TeamPlan) -> Option<Diagnostic> {
    let over = plan.over_budget()?;
    let (currency, year) = (plan.currency.as_deref()?, plan.year?);
    let money = |value: f64| format!("{currency} {}", amount(value.round()));
    let mut largest: Vec<_> = plan
        .rows
        .iter()
        .filter(|r| r.counted)
        .map(|r| (r.by_quarter.iter().sum::<f64>(), r))
        .collect();
    largest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let largest: Vec<String> = largest
        .iter()
        .take(3)
        .map(|(cost, r)| format!("`{}` {}", r.role.slug, money(*cost)))
        .collect();
    let text = config.source.clone().unwrap_or_default();
    let d = Diagnostic::new(
        Path::new(crate::config::CONFIG_FILE),
        config.value_position("budget"),
        format!(
            "over budget: the team plan costs {} in {year} at band midpoints, {} over the budget of {}",
            money(plan.year_cost),
            money(over),
            money(plan.budget.unwrap_or_default())
        ),
    )
    .with_help(format!(
        "move starts to later quarters, drop or merge a brief, or raise `budget.amount` with the approval that goes with it; the largest costs this year: {}",
        largest.join(", ")
    ))
    .with_source(text);
    finding(config, None, "over-budget", d)
}

/// Cover that ends with days left before the hire that replaces it starts.
fn cover_gaps(config: &Config, plan: &TeamPlan) -> Vec<Diagnostic> {
    plan.covers
        .iter()
        .filter(|c| c.gap)
        .filter_map(|c| {
            let role = c.role;
            let start = team_plan::start_of(role)?;
            let first_uncovered = match c.until {
                When::Day(..) => format!("the day after {}", c.until),
                _ => format!("the end of {}", c.until),
            };
            let d = role
                .source
                .diagnostic(
                    position(c.cover.until.referenced),
                    format!(
                        "cover gap: {} ({}) covers `{}` until {}, but the hire starts {start}: from {first_uncovered} the work has nobody",
                        c.cover.name.value,
                        c.cover.kind.words(),
                        role.slug,
                        c.until
                    ),
                )
                .with_help(format!(
                    "extend the cover (`until`) to the hire's start, {start}, or bring `target_start` forward to when the cover ends"
                ));
            finding(config, Some(role), "cover-gap", d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, content};

    /// A team brief as a company's plan writes it, with `extra` plan lines.
    fn brief(slug: &str, status: &str, hire_after: &str, extra: &str) -> (String, String) {
        (
            format!("plan/{slug}.md"),
            format!(
                "---\ntitle: {slug}\narchetype: builder\nsummary: S.\noutcome: Cut claims handling time by 30% within 12 months.\ndecisions: [D]\ncapabilities:\n  primary: [applied-ml]\nsuccess:\n  90d: [M]\nhire_after: [{hire_after}]\nstatus: {status}\n{extra}---\n"
            ),
        )
    }

    /// The repository's site.yaml with `extra` added, on 1 December 2026.
    fn config_with(extra: &str) -> Config {
        let mut config = crate::content::testing::config_with(extra);
        config.build_date = Some((2026, 12, 1));
        config
    }

    /// (lint id, file, line, column) of a finding.
    type Found = (String, String, usize, usize);
    /// What a case is, its briefs, and what the plan lints find in them.
    type Case = (&'static str, Vec<(String, String)>, Vec<Found>);

    /// (lint id, file, line, column) of each finding of the plan lints.
    fn findings(pages: &[(String, String)], config: &Config) -> Vec<Found> {
        let pages: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let mut found = plan_findings(config, &content(&pages));
        sort(&mut found);
        found
            .iter()
            .map(|d| {
                (
                    d.code.unwrap_or("?").to_string(),
                    crate::diagnostic::display_path(&d.file),
                    d.position.line,
                    d.position.column,
                )
            })
            .collect()
    }

    fn row(id: &str, file: &str, line: usize, column: usize) -> Found {
        (id.to_string(), file.to_string(), line, column)
    }

    #[test]
    fn hires_dated_before_the_hires_they_wait_for_are_out_of_order() {
        let config = config_with("");
        let gov = |start: &str| brief("gov", "open", "", &format!("target_start: {start}\n"));
        let ml = |extra: &str| brief("ml", "open", "gov", extra);
        let cases: Vec<Case> = vec![
            (
                "the ML engineers start in February, governance in the second quarter",
                vec![gov("2027-Q2"), ml("target_start: 2027-02\n")],
                vec![row("hire-out-of-order", "content/plan/ml.md", 13, 15)],
            ),
            (
                "a builder already in seat since September, governance only next year",
                vec![
                    gov("2027-01"),
                    brief("ml", "filled", "gov", "filled_on: 2026-09-15\n"),
                ],
                vec![row("hire-out-of-order", "content/plan/ml.md", 13, 12)],
            ),
            (
                "near miss: a quarter and a month inside it may well be in order",
                vec![gov("2027-05"), ml("target_start: 2027-Q2\n")],
                vec![],
            ),
            (
                "near miss: the same month",
                vec![gov("2027-04"), ml("target_start: 2027-04\n")],
                vec![],
            ),
            (
                "near miss: governance first, as the sequence says",
                vec![gov("2027-Q1"), ml("target_start: 2027-Q2\n")],
                vec![],
            ),
            (
                "near miss: governance not dated yet: nothing to compare",
                vec![
                    brief("gov", "planned", "", ""),
                    ml("target_start: 2027-02\n"),
                ],
                vec![],
            ),
        ];
        for (name, pages, expected) in cases {
            assert_eq!(findings(&pages, &config), expected, "{name}");
        }
    }

    #[test]
    fn open_searches_need_an_approved_headcount_once_the_plan_records_approvals() {
        let config = config_with("");
        let approved = brief(
            "lead",
            "filled",
            "",
            "approval: {state: approved, by: Executive board, on: 2026-02-17}\n",
        );
        let cases: Vec<Case> = vec![
            (
                "a search opened on a proposal",
                vec![
                    approved.clone(),
                    brief(
                        "ml",
                        "open",
                        "",
                        "approval: {state: proposed, by: Head of AI}\n",
                    ),
                ],
                vec![row("unapproved-open", "content/plan/ml.md", 13, 1)],
            ),
            (
                "a search still open under a hiring freeze",
                vec![
                    approved.clone(),
                    brief(
                        "ml",
                        "open",
                        "",
                        "approval: {state: frozen, by: CFO, on: 2026-11-03}\n",
                    ),
                ],
                vec![row("unapproved-open", "content/plan/ml.md", 13, 1)],
            ),
            (
                "an open brief silent about approval while others record theirs",
                vec![approved.clone(), brief("ml", "open", "", "")],
                vec![row("unapproved-open", "content/plan/ml.md", 12, 1)],
            ),
            (
                "near miss: a planned brief that is only proposed",
                vec![
                    approved.clone(),
                    brief("ml", "planned", "", "approval: {state: proposed}\n"),
                ],
                vec![],
            ),
            (
                "near miss: an approved open search",
                vec![
                    approved.clone(),
                    brief("ml", "open", "", "approval: {state: approved, by: CFO}\n"),
                ],
                vec![],
            ),
            (
                "near miss: a plan that records no approvals at all",
                vec![brief("lead", "filled", "", ""), brief("ml", "open", "", "")],
                vec![],
            ),
        ];
        for (name, pages, expected) in cases {
            assert_eq!(findings(&pages, &config), expected, "{name}");
        }
        let mut library = config.clone();
        library.archetypes_only = true;
        let pages = vec![approved, brief("ml", "open", "", "")];
        assert_eq!(findings(&pages, &library), vec![], "the library view");
    }

    #[test]
    fn a_plan_over_its_budget_is_one_finding_at_the_budget() {
        // A Head of AI in seat (EUR 135,000) and two ML engineers from April (EUR 81,000
        // each, nine months: EUR 121,500): EUR 256,500 in 2027.
        let team = vec![
            brief("lead", "filled", "", "level: head\n"),
            brief(
                "ml",
                "open",
                "lead",
                "headcount: 2\nlevel: senior\ntarget_start: 2027-04\n",
            ),
            // In pounds: not added to euros.
            brief(
                "uk",
                "open",
                "lead",
                "target_start: 2027-01\ncost: {min: 70000, max: 90000, currency: GBP}\n",
            ),
        ];
        let over = config_with("budget: {year: 2027, amount: 250000, currency: EUR}");
        let found = findings(&team, &over);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "over-budget");
        assert_eq!(found[0].1, "site.yaml");
        let pages: Vec<(&str, String)> =
            team.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let message = plan_findings(&over, &content(&pages))[0].message.clone();
        assert!(
            message.contains("EUR 256,500 in 2027") && message.contains("EUR 6,500 over"),
            "{message}"
        );
        for (name, budget) in [
            (
                "near miss: exactly the budget",
                "budget: {year: 2027, amount: 256500, currency: EUR}",
            ),
            (
                "near miss: under it",
                "budget: {year: 2027, amount: 400000, currency: EUR}",
            ),
            (
                "near miss: the year before the hires",
                "budget: {year: 2026, amount: 150000, currency: EUR}",
            ),
            ("near miss: no budget", ""),
        ] {
            assert_eq!(findings(&team, &config_with(budget)), vec![], "{name}");
        }
    }

    #[test]
    fn cover_that_ends_before_its_hire_starts_leaves_a_gap() {
        let config = config();
        let covered = |start: &str, until: &str| {
            brief(
                "ml",
                "open",
                "",
                &format!(
                    "target_start: {start}\ncovered_by:\n  - {{kind: partner, name: Nordlicht Analytics, until: {until}}}\n"
                ),
            )
        };
        let cases: Vec<Case> = vec![
            (
                "the partner leaves in March, the engineers start in the third quarter",
                vec![covered("2027-Q3", "2027-03")],
                vec![row("cover-gap", "content/plan/ml.md", 15, 55)],
            ),
            (
                "an interim's last day a month before the hire",
                vec![covered("2027-03", "2027-01-31")],
                vec![row("cover-gap", "content/plan/ml.md", 15, 55)],
            ),
            (
                "near miss: cover to the end of March, the hire on 1 April",
                vec![covered("2027-04", "2027-03")],
                vec![],
            ),
            (
                "near miss: cover that overlaps the start for a handover",
                vec![covered("2027-Q2", "2027-06")],
                vec![],
            ),
            (
                "near miss: the hire is not dated yet",
                vec![brief(
                    "ml",
                    "planned",
                    "",
                    "covered_by:\n  - {kind: partner, name: Nordlicht Analytics, until: 2027-03}\n",
                )],
                vec![],
            ),
            (
                "near miss: the hire is in seat",
                vec![brief(
                    "ml",
                    "filled",
                    "",
                    "filled_on: 2027-05-01\ncovered_by:\n  - {kind: partner, name: Nordlicht Analytics, until: 2027-03}\n",
                )],
                vec![],
            ),
        ];
        for (name, pages, expected) in cases {
            assert_eq!(findings(&pages, &config), expected, "{name}");
        }
    }
}
