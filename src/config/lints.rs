//! The lints a site can set levels for: each one's stable id, default level, the hiring
//! problem behind it and the usual fix, and the limits of the lints that count. The
//! vocabulary of `lints:`, `lint_limits:` and `allow:`; the rules themselves are
//! `playbook::lints`.

use super::LintLevel;
use LintLevel::{Deny, Warn};

/// A lint: its stable id, default level, the hiring problem behind it, and the usual fix.
#[derive(Debug, Clone, Copy)]
pub struct Lint {
    pub id: &'static str,
    pub default: LintLevel,
    pub problem: &'static str,
    pub fix: &'static str,
}

pub const LINTS: &[Lint] = &[
    Lint {
        id: "bundled-role",
        default: Warn,
        problem: "one person cannot hold this many disciplines; the brief repels specialists and attracts generalists who cover none",
        fix: "keep at most the configured number of primary capabilities and move the rest to other briefs",
    },
    Lint {
        id: "vague-outcome",
        default: Warn,
        problem: "an outcome that does not say what moves, by how much and by when gives candidates and the hiring panel nothing to measure",
        fix: "state what moves, by how much and by when: <verb> <metric> by <amount> (or from <baseline> to <target>) <within N months | by a date | before a business event>, e.g. \"Cut claims handling time by 30% within 12 months\"",
    },
    Lint {
        id: "missing-horizon",
        default: Warn,
        problem: "without success measures at 90 days, 6 months and 12 months nobody can tell early whether the hire is working",
        fix: "add `90d:`, `6m:` and `12m:` lists under `success:`",
    },
    Lint {
        id: "no-owner-after-launch",
        default: Warn,
        problem: "systems that nobody owns after launch decay; the brief must say what this person keeps running",
        fix: "list under `owns_after_launch:` the models, evals, runbooks or on-call duties the role keeps",
    },
    Lint {
        id: "missing-interface",
        default: Warn,
        problem: "a role with no stated fit with product, data, security and IT collides with them in its first quarter",
        fix: "add `interfaces:` with `product`, `data`, `security` and `it`, one sentence each",
    },
    Lint {
        id: "tool-soup",
        default: Warn,
        problem: "a long tool list, or competing vendors required together, reads as a wish list and filters for keyword-matching, not for delivery",
        fix: "keep the tools the role really uses in its first year, up to the configured limit (each tool an entry joins counts: \"Python, SQL and Spark\" is three)",
    },
    Lint {
        id: "unknown-role",
        default: Deny,
        problem: "the hiring sequence names a brief that does not exist",
        fix: "correct the slug in `hire_after`, or write the missing brief",
    },
    Lint {
        id: "hire-cycle",
        default: Deny,
        problem: "briefs that wait for each other can never be hired",
        fix: "remove one `hire_after` entry of the cycle",
    },
    Lint {
        id: "unowned-capability",
        default: Warn,
        problem: "work that no role holds as primary has no owner: another team absorbs it, late",
        fix: "give the capability to a brief as primary, or add a brief that owns it",
    },
    Lint {
        id: "late-governance",
        default: Warn,
        problem: "governance that arrives after the builders is review after the fact, when changes cost most",
        fix: "put the team's governance owner in the `hire_after` chain of every builder role, and open its search before theirs",
    },
    Lint {
        id: "broken-link",
        default: Deny,
        problem: "a link to a page or heading that does not exist",
        fix: "link to pages by their source path, e.g. `@/roles/caio.md#the-first-90-days`",
    },
    Lint {
        id: "empty-section",
        default: Warn,
        problem: "an empty section reads as an unfinished brief",
        fix: "write the section or remove the heading",
    },
    Lint {
        id: "missing-probes",
        default: Warn,
        problem: "without probes for proof of delivery, interviews reward fluency over shipped systems",
        fix: "add `interview_probes:` that ask for a production system the candidate owned and what broke",
    },
    Lint {
        id: "activity-outcome",
        default: Warn,
        problem: "a role measured in pilots, demos, roadmaps and stakeholder meetings is held to activity the business mistakes for progress, not to a real operating outcome",
        fix: "state the result the activity is for: a metric moved or a system in production and used, e.g. \"First use case in production, handling time down 10% in the pilot unit\"",
    },
    Lint {
        id: "allow-without-reason",
        default: Warn,
        problem: "a waiver without a reason silences a finding for good: the next reader cannot tell a considered exception from a warning someone wanted gone",
        fix: "give the waiver its reason: `allow: {tool-soup: \"one polyglot platform team\"}`",
    },
    Lint {
        id: "not-ready",
        default: Deny,
        problem: "an open search with unanswered intake questions hires into a vague mandate: strong candidates walk and weak fits stay; the search should pause until the answers are clear",
        fix: "answer the question in the brief, or set `status: planned` until it can be answered",
    },
    Lint {
        id: "no-governance-owner",
        default: Warn,
        problem: "builders hired with nobody owning governance ship systems that risk, security and compliance review after launch, when changes cost most",
        fix: "add a brief that holds the governance capability as primary, and hire it before the builders",
    },
    Lint {
        id: "placeholder",
        default: Warn,
        problem: "a brief with TODOs, \"TBD\" or boilerplate such as \"works closely with stakeholders\" tells candidates the role is not thought through; on an open brief (`status: open`) it is an error unless the site allows the lint, since the search is live",
        fix: "write the real text, or leave the key out until it is known",
    },
    Lint {
        id: "impossible-experience",
        default: Warn,
        problem: "asking for more years with a technology than it has existed filters out honest candidates and rewards inflated CVs",
        fix: "ask for what the years were meant to prove, counted in systems and releases (the technologies and their release years are `technologies:` in site.yaml)",
    },
    Lint {
        id: "trivia-probe",
        default: Warn,
        problem: "a probe that asks for an opinion, a prediction or a definition rewards fluency about AI, not evidence of having shipped it",
        fix: "ask about a system the candidate ran: what broke, what they changed, what the numbers were",
    },
    Lint {
        id: "missing-dosage",
        default: Warn,
        problem: "experience is dosage, not credentials: without a probe that counts systems, releases or years on call, a CV's titles stand in for reps",
        fix: "add a probe that asks how many, how often or for how long, e.g. \"How many production AI systems have you been on call for?\"",
    },
    Lint {
        id: "title-archetype",
        default: Warn,
        problem: "candidates read the title first: a builder brief titled like a manager (or an executive brief titled like an engineer) attracts the wrong people",
        fix: "retitle the brief for the job it describes, or change `archetype` (the words are `title_signals:` in site.yaml)",
    },
    Lint {
        id: "unsettled-reporting",
        default: Warn,
        problem: "reporting lines that are still alternatives mean the team's shape is not decided; an open search that cannot say who the hire answers to loses strong candidates",
        fix: "settle `reports_to` to one manager before the search opens; a dotted line to a second one is fine",
    },
    Lint {
        id: "posting-incomplete",
        default: Warn,
        problem: "a job board drops a post that does not say who is hiring and where the job is (or, for a remote job, where a candidate may work from): schema.org's JobPosting requires them, and candidates skip a post that hides them",
        fix: "give site.yaml an `organization` with its `name`, and the open brief a `location` (\"Hamburg, Germany\": town and country) or `work_model: remote` with `remote: {regions: [...]}`",
    },
    Lint {
        id: "missing-pay-range",
        default: Warn,
        problem: "a post without a pay range loses the candidates who filter on pay, and asking for pay history carries old pay gaps into new offers; where a pay-transparency law applies (the EU's Directive 2023/970, Art. 5; New York, California, Colorado, Washington, Illinois) both break it, and the lint is an error there",
        fix: "state `pay: {min, max, currency, period}` or a `level` whose site.yaml band has `pay`; ask candidates what they expect to earn, never what they earn or earned",
    },
    Lint {
        id: "brand-contrast",
        default: Warn,
        problem: "an accent colour below 4.5:1 against the page makes links, labels and the current page's mark hard to read for people with low vision (WCAG 2.2, success criterion 1.4.3)",
        fix: "the pages use the nearest shade that reaches 4.5:1 instead; write that shade (or your brand's darker variant) as `brand.accent` to make the choice yours",
    },
    Lint {
        id: "stale-brief",
        default: Warn,
        problem: "a brief nobody has read against the plan for a year describes last year's team: its outcome, interfaces and hiring order drift while searches keep opening from it",
        fix: "read the brief against the plan as it stands, fix what changed, and set `reviewed:` to the day you did (and `maintainer:` to who keeps it)",
    },
    Lint {
        id: "hire-out-of-order",
        default: Warn,
        problem: "a hire planned to start before the hire it waits for walks into the gap the sequence was meant to close: builders without governance, a team without its lead",
        fix: "move `target_start` after the start of every brief its `hire_after` names, or take that brief out of `hire_after`",
    },
    Lint {
        id: "unapproved-open",
        default: Warn,
        problem: "a search opened before the headcount is approved can end with a finalist and no offer: candidates are lost, and the company's name with them",
        fix: "get the headcount approved (`approval: {state: approved, by, on}`), or set `status: planned` until it is",
    },
    Lint {
        id: "over-budget",
        default: Warn,
        problem: "a plan that costs more than its budget is cut at the first review, usually from the hires that come last: governance and the people who keep systems running",
        fix: "move starts to later quarters, drop or merge a brief, or raise `budget` in site.yaml with the approval that goes with it",
    },
    Lint {
        id: "cover-gap",
        default: Warn,
        problem: "cover that ends before the hire starts leaves the work with nobody: a partner's exit or an interim's last day is when systems decay unnoticed",
        fix: "extend the cover to the hire's start (`covered_by.until`), or bring `target_start` forward",
    },
];

/// Lints a brief cannot waive for itself: waiving them would defeat them (a waiver of
/// `allow-without-reason` silences the reasons' check; one of `not-ready` the readiness
/// gate). A site can still set their level in `site.yaml`.
pub const UNWAIVABLE: &[&str] = &["allow-without-reason", "not-ready"];

pub fn lint_ids() -> impl Iterator<Item = &'static str> {
    LINTS.iter().map(|l| l.id)
}

/// Thresholds, from `site.yaml`'s `lint_limits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintLimits {
    /// More primary capabilities than this make a bundled role.
    #[serde(default = "default_max_primary")]
    pub max_primary_capabilities: usize,
    /// More tools than this make tool soup.
    #[serde(default = "default_max_tools")]
    pub max_tools: usize,
    /// More capabilities than this, primary and secondary together, make a bundled role.
    #[serde(default = "default_max_capabilities")]
    pub max_capabilities: usize,
    /// Decisions and summary, or the responsibilities in the body, that span more areas of
    /// work than this make a bundled role.
    #[serde(default = "default_max_areas")]
    pub max_areas: usize,
    /// A brief whose `reviewed:` date is more months ago than this is stale.
    #[serde(default = "default_review_months")]
    pub review_months: u32,
}

fn default_review_months() -> u32 {
    12
}

fn default_max_capabilities() -> usize {
    5
}

fn default_max_areas() -> usize {
    4
}

fn default_max_primary() -> usize {
    3
}

fn default_max_tools() -> usize {
    8
}

impl Default for LintLimits {
    fn default() -> Self {
        LintLimits {
            max_primary_capabilities: default_max_primary(),
            max_tools: default_max_tools(),
            max_capabilities: default_max_capabilities(),
            max_areas: default_max_areas(),
            review_months: default_review_months(),
        }
    }
}
