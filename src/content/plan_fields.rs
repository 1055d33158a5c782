//! The plan fields of a brief: when the hire starts, whether it is approved, what it costs,
//! whether it builds from nothing or extends and owns a partner's system, and who covers
//! its work until then. Their types and the checks that need only the brief and site.yaml.

use crate::yaml::Spanned;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::config::posting::Pay;
use crate::content::front_matter;
use crate::content::role::{WrittenFront, parse_date, position, unknown_name};
use crate::content::source::SourceFile;
use crate::content::when::{DAY_MONTH_OR_QUARTER, MONTH_OR_QUARTER, When};
use crate::diagnostic::{Diagnostic, Position};

/// `approval:` where the headcount stands with whoever signs it off.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// proposed, approved or frozen.
    pub state: ApprovalState,
    /// Who approved (or froze) it, e.g. "Executive board".
    #[serde(default)]
    pub by: Option<String>,
    /// The day it was decided, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub on: Option<Spanned<String>>,
}

/// Where a brief's headcount stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ApprovalState {
    Proposed,
    Approved,
    Frozen,
}

impl ApprovalState {
    pub fn key(self) -> &'static str {
        match self {
            ApprovalState::Proposed => "proposed",
            ApprovalState::Approved => "approved",
            ApprovalState::Frozen => "frozen",
        }
    }

    pub fn parse(text: &str) -> Option<ApprovalState> {
        match text.trim() {
            "proposed" => Some(ApprovalState::Proposed),
            "approved" => Some(ApprovalState::Approved),
            "frozen" => Some(ApprovalState::Frozen),
            _ => None,
        }
    }
}

/// What the hire walks into: nothing yet, or a working system a partner built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StartingPoint {
    Greenfield,
    ExtendAndOwn,
}

impl StartingPoint {
    pub fn key(self) -> &'static str {
        match self {
            StartingPoint::Greenfield => "greenfield",
            StartingPoint::ExtendAndOwn => "extend-and-own",
        }
    }
}

/// `handover:` of an extend-and-own brief: what the partner hands over, and when it leaves.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// The working system the hire takes over.
    #[serde(default)]
    pub system: Option<String>,
    /// Its eval suite: what decides whether a release ships.
    #[serde(default)]
    pub evals: Option<String>,
    /// The runbooks that come with it.
    #[serde(default)]
    pub runbooks: Option<String>,
    /// The on-call rotation, and who is on it until the handover.
    #[serde(default)]
    pub on_call: Option<String>,
    /// When the partner leaves: a day, a month or a quarter.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub partner_exit: Option<Spanned<String>>,
}

/// Who covers a brief's work until its hire starts.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// existing (someone already employed), partner or contractor.
    pub kind: CoverKind,
    /// Who: a person's role ("Chief Information Security Officer") or a firm's name.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The last day, month or quarter of the cover.
    #[schemars(with = "String")]
    pub until: Spanned<String>,
    /// The capabilities covered; the brief's primary ones when left out.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub capabilities: Option<Vec<Spanned<String>>>,
}

impl Cover {
    /// `until` as a date (checked at load, so `None` only for values never checked).
    pub fn until(&self) -> Option<When> {
        When::parse(&self.until.value)
    }
}

/// Who covers the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CoverKind {
    Existing,
    Partner,
    Contractor,
}

impl CoverKind {
    pub fn key(self) -> &'static str {
        match self {
            CoverKind::Existing => "existing",
            CoverKind::Partner => "partner",
            CoverKind::Contractor => "contractor",
        }
    }

    /// How the site words it: "an existing employee".
    pub fn words(self) -> &'static str {
        match self {
            CoverKind::Existing => "existing staff",
            CoverKind::Partner => "partner",
            CoverKind::Contractor => "contractor",
        }
    }
}

/// A brief's plan fields after inheritance (none is inherited: they belong to one hire).
#[derive(Debug, Clone, Default)]
pub struct PlanFields {
    pub target_start: Option<Spanned<String>>,
    pub filled_on: Option<Spanned<String>>,
    pub approval: Option<Approval>,
    pub cost: Option<Pay>,
    pub starting_point: Option<StartingPoint>,
    pub handover: Option<Handover>,
    pub covered_by: Vec<Cover>,
    /// `file:line` of the staffing file's row that set the status, headcount, fill date or
    /// approval, when it changed them.
    pub staffing_row: Option<String>,
}

impl PlanFields {
    /// " (as content/plan/staffing.csv:4 says)" when the staffing file set these values:
    /// a finding about them points at the brief, and says where they came from.
    pub fn said_by_staffing(&self) -> String {
        self.staffing_row
            .as_ref()
            .map_or(String::new(), |row| format!(" (as {row} says)"))
    }

    /// The plan fields `w` writes.
    pub fn written(w: &WrittenFront) -> PlanFields {
        PlanFields {
            target_start: w.target_start.clone(),
            filled_on: w.filled_on.clone(),
            approval: w.approval.clone(),
            cost: w.cost.clone(),
            starting_point: w.starting_point,
            handover: w.handover.clone(),
            covered_by: w.covered_by.clone().unwrap_or_default(),
            staffing_row: None,
        }
    }

    /// `target_start` as a date.
    pub fn target_start(&self) -> Option<When> {
        self.target_start
            .as_ref()
            .and_then(|t| When::parse_month_or_quarter(&t.value))
    }

    /// `filled_on` as a date.
    pub fn filled_on(&self) -> Option<When> {
        self.filled_on.as_ref().and_then(|t| When::parse(&t.value))
    }

    /// The approval state, if the brief states one.
    pub fn approval_state(&self) -> Option<ApprovalState> {
        self.approval.as_ref().map(|a| a.state)
    }

    /// Every value, without where it is written: the pages showing the plan change when
    /// this does, and not when an edit above merely moves the lines.
    pub fn values(&self) -> String {
        let text = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.value.clone());
        let approval = self
            .approval
            .as_ref()
            .map(|a| (a.state, a.by.clone(), text(&a.on)));
        let cost = self.cost.as_ref().map(|c| {
            (
                c.min.value.to_bits(),
                c.max.value.to_bits(),
                c.currency.value.clone(),
                c.period,
            )
        });
        let handover = self.handover.as_ref().map(|h| {
            (
                h.system.clone(),
                h.evals.clone(),
                h.runbooks.clone(),
                h.on_call.clone(),
                text(&h.partner_exit),
            )
        });
        let covers: Vec<_> = self
            .covered_by
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.name.value.clone(),
                    c.until.value.clone(),
                    c.capabilities
                        .as_ref()
                        .map(|l| l.iter().map(|k| k.value.clone()).collect::<Vec<_>>()),
                )
            })
            .collect();
        format!(
            "{:?}",
            (
                text(&self.target_start),
                text(&self.filled_on),
                approval,
                cost,
                self.starting_point,
                handover,
                covers
            )
        )
    }
}

/// Checks of the plan fields one file writes: dates that are dates, a cost band that is a
/// band, cover that names who and which capabilities, and handover facts only where the
/// hire extends and owns a system.
pub fn check(front: &WrittenFront, config: &Config, source: &SourceFile) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let bad_date = |value: &Spanned<String>, key: &str, expected: &str, example: &str| {
        source
            .diagnostic(
                position(value.referenced),
                format!("`{key}` is `{}`, not {expected}", value.value),
            )
            .with_help(format!("write {expected}, e.g. `{example}`"))
    };
    if let Some(start) = &front.target_start
        && When::parse_month_or_quarter(&start.value).is_none()
    {
        problems.push(bad_date(
            start,
            "target_start",
            MONTH_OR_QUARTER,
            "target_start: 2027-Q2",
        ));
    }
    for (value, key) in [
        (front.filled_on.as_ref(), "filled_on"),
        (
            front.approval.as_ref().and_then(|a| a.on.as_ref()),
            "approval.on",
        ),
    ] {
        if let Some(value) = value
            && parse_date(&value.value).is_none()
        {
            problems.push(bad_date(value, key, "a day `YYYY-MM-DD`", "2027-01-15"));
        }
    }
    if let Some(cost) = &front.cost {
        problems.extend(
            cost.problems("cost")
                .into_iter()
                .map(|p| source.diagnostic(p.at, p.message).with_help(p.help)),
        );
    }
    if let Some(handover) = &front.handover {
        if front.starting_point != Some(StartingPoint::ExtendAndOwn) {
            problems.push(
                source
                    .diagnostic(key_at(source, "handover"), "`handover` is set, but the brief does not say `starting_point: extend-and-own`")
                    .with_help("the handover facts describe a working system the hire extends and owns: add `starting_point: extend-and-own`, or remove `handover`"),
            );
        }
        if let Some(exit) = &handover.partner_exit
            && When::parse(&exit.value).is_none()
        {
            problems.push(bad_date(
                exit,
                "handover.partner_exit",
                DAY_MONTH_OR_QUARTER,
                "partner_exit: 2027-03",
            ));
        }
    }
    let capabilities: Vec<&str> = config.capability_keys().collect();
    for cover in front.covered_by.iter().flatten() {
        if cover.name.value.trim().is_empty() {
            problems.push(
                source
                    .diagnostic(position(cover.name.referenced), "a cover has no `name`")
                    .with_help("name who covers the work: a role (\"Chief Information Security Officer\") or a firm"),
            );
        }
        if When::parse(&cover.until.value).is_none() {
            problems.push(bad_date(
                &cover.until,
                "covered_by.until",
                DAY_MONTH_OR_QUARTER,
                "until: 2027-03",
            ));
        }
        for key in cover.capabilities.iter().flatten() {
            if config.capability(&key.value).is_none() {
                problems.push(unknown_name(source, key, "capability", &capabilities));
            }
        }
    }
    problems
}

/// Where the top-level key `key` is written in `source` (line 1 when it is not).
fn key_at(source: &SourceFile, key: &str) -> Position {
    front_matter::keys(&source.text)
        .get(key)
        .map_or(Position::START, |k| k.at)
}
