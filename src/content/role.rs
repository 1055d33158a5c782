//! The role brief: its typed front matter and the checks that need only the brief itself and
//! the site's vocabulary.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::yaml::Spanned;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::content::front_matter;
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Position, did_you_mean};
// Spans become positions in one place, for the briefs as for site.yaml.
pub use crate::yaml::position;

/// Front matter as written in one brief's file (`content/roles/<slug>.md` or
/// `content/plan/<slug>.md`). Every key but `title` may be left out when the brief `extends`
/// another, and each list or map key has a `key+` twin that appends to the inherited value.
/// The JSON Schema of `gen schema` is derived from this type, so the two cannot drift apart.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Role brief front matter")]
pub struct WrittenFront {
    /// The role's title as it appears in job ads, e.g. "Head of AI". Never inherited.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The page address; defaults to the file name without `.md`. Never inherited.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub slug: Option<Spanned<String>>,
    /// The slug of the brief this one adapts: every key left out is inherited from it;
    /// lists and maps replace the inherited value, `key+` appends to it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub extends: Option<Spanned<String>>,
    /// What kind of job this is: one of the archetypes of site.yaml.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub archetype: Option<Spanned<String>>,
    /// One sentence: what the role is for.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub summary: Option<Spanned<String>>,
    /// The business outcome in 12 months, with a number, date or target.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub outcome: Option<Spanned<String>>,
    /// The decisions this person owns (at least one).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>", length(min = 1))]
    pub decisions: Option<Spanned<Vec<String>>>,
    /// Decisions added to the inherited ones.
    #[serde(default, rename = "decisions+")]
    #[schemars(with = "Option<Vec<String>>")]
    pub decisions_more: Option<Spanned<Vec<String>>>,
    /// What the role owns once systems are live: models, evals, runbooks, on-call.
    #[serde(default)]
    pub owns_after_launch: Option<Vec<String>>,
    /// Items added to the inherited `owns_after_launch`.
    #[serde(default, rename = "owns_after_launch+")]
    pub owns_after_launch_more: Option<Vec<String>>,
    /// Capabilities the role holds, from site.yaml's vocabulary.
    #[serde(default)]
    pub capabilities: Option<Capabilities>,
    /// Capabilities added to the inherited primary and secondary lists.
    #[serde(default, rename = "capabilities+")]
    pub capabilities_more: Option<Capabilities>,
    /// How the role fits with product, data, security, IT and the other teams site.yaml
    /// names under `interfaces`.
    #[serde(default)]
    pub interfaces: Option<Interfaces>,
    /// Interfaces stated here replace the inherited ones of the same name; the others stay.
    #[serde(default, rename = "interfaces+")]
    pub interfaces_more: Option<Interfaces>,
    /// How success is measured after 90 days, 6 months and 12 months.
    #[serde(default)]
    #[schemars(with = "Option<Success>")]
    pub success: Option<Spanned<Success>>,
    /// Measures added to the inherited ones, horizon by horizon.
    #[serde(default, rename = "success+")]
    #[schemars(with = "Option<Success>")]
    pub success_more: Option<Spanned<Success>>,
    /// Who the role reports to, in words.
    #[serde(default)]
    pub reports_to: Option<String>,
    /// Slugs of the briefs that should be hired first.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub hire_after: Option<Vec<Spanned<String>>>,
    /// Slugs added to the inherited `hire_after`.
    #[serde(default, rename = "hire_after+")]
    #[schemars(with = "Option<Vec<String>>")]
    pub hire_after_more: Option<Vec<Spanned<String>>>,
    /// Systems, data and governance constraints that shape the job.
    #[serde(default)]
    pub constraints: Option<Vec<String>>,
    /// Constraints added to the inherited ones.
    #[serde(default, rename = "constraints+")]
    pub constraints_more: Option<Vec<String>>,
    /// Tools the role uses in its first year (a long list is "tool soup").
    #[serde(default)]
    pub tools: Option<Vec<String>>,
    /// Tools added to the inherited ones.
    #[serde(default, rename = "tools+")]
    pub tools_more: Option<Vec<String>>,
    /// Interview questions that test for proof of delivery.
    #[serde(default)]
    pub interview_probes: Option<Vec<String>>,
    /// Probes added to the inherited ones.
    #[serde(default, rename = "interview_probes+")]
    pub interview_probes_more: Option<Vec<String>>,
    /// Signs of a weak fit to listen for.
    #[serde(default)]
    pub red_flags: Option<Vec<String>>,
    /// Red flags added to the inherited ones.
    #[serde(default, rename = "red_flags+")]
    pub red_flags_more: Option<Vec<String>>,
    /// Short words for the tag pages, e.g. `leadership`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub tags: Option<Vec<Spanned<String>>>,
    /// Tags added to the inherited ones.
    #[serde(default, rename = "tags+")]
    #[schemars(with = "Option<Vec<String>>")]
    pub tags_more: Option<Vec<Spanned<String>>>,
    /// Where the company's plan stands: planned (the default), open (being hired) or filled.
    /// Never inherited.
    #[serde(default)]
    pub status: Option<Status>,
    /// How many people the plan hires into this brief (1 when left out). Never inherited.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub headcount: Option<Spanned<u32>>,
    /// Lints this brief waives, each with its reason, e.g.
    /// `{tool-soup: "One polyglot platform team"}`. A plain list of lint ids still works,
    /// with an `allow-without-reason` warning per entry.
    #[serde(default)]
    pub allow: Option<Allow>,
    /// Waivers added to the inherited `allow`.
    #[serde(default, rename = "allow+")]
    pub allow_more: Option<Allow>,
    /// Drafts are left out of the site unless `--drafts` is given. Never inherited.
    #[serde(default)]
    pub draft: bool,
    /// Notes for the hiring team that no job post shows: budget, politics, why now.
    /// `constraints` are public; these are not.
    #[serde(default)]
    pub internal_notes: Option<Vec<String>>,
    /// Notes added to the inherited ones.
    #[serde(default, rename = "internal_notes+")]
    pub internal_notes_more: Option<Vec<String>>,
    /// The level of the job: a key of site.yaml's `levels`, whose pay band a post shows
    /// when the brief has no `pay`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub level: Option<Spanned<String>>,
    /// Where the job is done: towns, cities or countries, e.g. `["Hamburg, Germany"]`.
    #[serde(default)]
    pub location: Option<Vec<String>>,
    /// Where a remote candidate may work from.
    #[serde(default)]
    pub remote: Option<Remote>,
    /// onsite, hybrid or remote.
    #[serde(default)]
    pub work_model: Option<WorkModel>,
    /// full_time, part_time, contract, temporary or intern.
    #[serde(default)]
    pub employment_type: Option<EmploymentType>,
    /// The pay range a post states; the level's band when left out.
    #[serde(default)]
    pub pay: Option<crate::config::posting::Pay>,
    /// The last day applications are taken, as `YYYY-MM-DD`. Never inherited.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub valid_through: Option<Spanned<String>>,
    /// What only the job post says: its opening paragraph and where to apply.
    #[serde(default)]
    pub posting: Option<PostingText>,
    /// The day the post was first published, as `YYYY-MM-DD` (schema.org's `datePosted`);
    /// the day of the build when left out. Never inherited.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date_posted: Option<Spanned<String>>,
    /// The interview loop, in order: each stage, who interviews (a role), the capabilities
    /// it covers and the probes it asks. Left out, the interview kit (`<slug>.kit.html`)
    /// proposes a loop for the archetype. Internal: no job post shows it.
    #[serde(default)]
    pub interview_loop: Option<Vec<InterviewStage>>,
    /// Who keeps this brief up to date: a person or a team. Internal; never inherited.
    #[serde(default)]
    pub maintainer: Option<String>,
    /// The day the brief was last read against the plan, as `YYYY-MM-DD`; `stale-brief`
    /// flags it once older than `lint_limits.review_months`. Never inherited.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub reviewed: Option<Spanned<String>>,
    /// When the hire is planned to start: a month (`2027-03`) or a quarter (`2027-Q2`).
    /// Never inherited, like the other plan fields below.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^\d{4}-(0[1-9]|1[0-2]|[Qq][1-4])$")
    )]
    pub target_start: Option<Spanned<String>>,
    /// The day the brief was filled, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub filled_on: Option<Spanned<String>>,
    /// Where the headcount stands: `{state: proposed | approved | frozen, by, on}`.
    #[serde(default)]
    pub approval: Option<crate::content::plan_fields::Approval>,
    /// What one hire costs a year, as a band (`{min, max, currency}`); the brief's `pay`,
    /// else its level's band, when left out. The plan counts its midpoint times `headcount`.
    #[serde(default)]
    pub cost: Option<crate::config::posting::Pay>,
    /// greenfield, or extend-and-own: the hire takes over a working system a partner built.
    #[serde(default)]
    pub starting_point: Option<crate::content::plan_fields::StartingPoint>,
    /// What an extend-and-own hire takes over: the system, its evals, runbooks, on-call,
    /// and when the partner leaves.
    #[serde(default)]
    pub handover: Option<crate::content::plan_fields::Handover>,
    /// Who covers this brief's work until the hire starts: an existing employee, a partner
    /// or a contractor, until a date. Counts as staffed ("covered") until then.
    #[serde(default)]
    pub covered_by: Option<Vec<crate::content::plan_fields::Cover>>,
}

/// One stage of `interview_loop`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewStage {
    /// What the stage is, e.g. "Technical screen" or "Stakeholder panel".
    #[schemars(with = "String")]
    pub stage: Spanned<String>,
    /// Who interviews, as a role: "Head of AI", "Two engineers from the team". Left out,
    /// the hiring manager (`reports_to`).
    #[serde(default)]
    pub interviewer: Option<String>,
    /// The capabilities the stage rates: keys of site.yaml's vocabulary.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub capabilities: Vec<Spanned<String>>,
    /// The questions the stage asks (the brief's `interview_probes`, or its own).
    #[serde(default)]
    pub probes: Vec<String>,
}

/// `remote:`: the regions a remote candidate may work from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    /// Countries or regions, e.g. `[EU]` or `[Netherlands, Belgium]`.
    pub regions: Vec<String>,
}

/// How the work is split between the office and elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WorkModel {
    Onsite,
    Hybrid,
    Remote,
}

impl WorkModel {
    pub fn words(self) -> &'static str {
        match self {
            WorkModel::Onsite => "On site",
            WorkModel::Hybrid => "Hybrid (part of the week in the office)",
            WorkModel::Remote => "Remote",
        }
    }
}

/// The kind of contract, as schema.org's `employmentType` names them (FULL_TIME...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Intern,
}

impl EmploymentType {
    pub fn words(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full-time",
            EmploymentType::PartTime => "Part-time",
            EmploymentType::Contract => "Contract",
            EmploymentType::Temporary => "Temporary",
            EmploymentType::Intern => "Internship",
        }
    }

    /// schema.org's `employmentType` value: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN.
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contract => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Intern => "INTERN",
        }
    }
}

/// `posting:`: what only the job post says.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingText {
    /// The post's opening, for candidates: why the role exists and what is interesting
    /// about it (blank lines part paragraphs).
    #[serde(default)]
    pub intro: Option<String>,
    /// Where to apply: a web address or an email address; site.yaml's
    /// `organization.apply` when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub apply: Option<Spanned<String>>,
}

impl WrittenFront {
    /// Each `key+` written, with its plain twin: (key, written plainly, written with `+`).
    pub fn appends(&self) -> [(&'static str, bool, bool); 13] {
        [
            (
                "decisions",
                self.decisions.is_some(),
                self.decisions_more.is_some(),
            ),
            (
                "owns_after_launch",
                self.owns_after_launch.is_some(),
                self.owns_after_launch_more.is_some(),
            ),
            (
                "capabilities",
                self.capabilities.is_some(),
                self.capabilities_more.is_some(),
            ),
            (
                "interfaces",
                self.interfaces.is_some(),
                self.interfaces_more.is_some(),
            ),
            (
                "success",
                self.success.is_some(),
                self.success_more.is_some(),
            ),
            (
                "hire_after",
                self.hire_after.is_some(),
                self.hire_after_more.is_some(),
            ),
            (
                "constraints",
                self.constraints.is_some(),
                self.constraints_more.is_some(),
            ),
            ("tools", self.tools.is_some(), self.tools_more.is_some()),
            (
                "interview_probes",
                self.interview_probes.is_some(),
                self.interview_probes_more.is_some(),
            ),
            (
                "red_flags",
                self.red_flags.is_some(),
                self.red_flags_more.is_some(),
            ),
            ("tags", self.tags.is_some(), self.tags_more.is_some()),
            ("allow", self.allow.is_some(), self.allow_more.is_some()),
            (
                "internal_notes",
                self.internal_notes.is_some(),
                self.internal_notes_more.is_some(),
            ),
        ]
    }
}

/// The keys a brief must have once inheritance is resolved (besides `title`).
pub const REQUIRED: [&str; 5] = ["archetype", "summary", "outcome", "decisions", "success"];

/// A brief's front matter after inheritance: what every page, check and lint reads. Values
/// keep the position where they were written; `Role::source_of` says in which file.
#[derive(Debug, Clone)]
pub struct RoleFront {
    pub title: Spanned<String>,
    pub slug: Option<Spanned<String>>,
    pub extends: Option<Spanned<String>>,
    pub archetype: Spanned<String>,
    pub summary: Spanned<String>,
    pub outcome: Spanned<String>,
    pub decisions: Spanned<Vec<String>>,
    pub owns_after_launch: Vec<String>,
    pub capabilities: Capabilities,
    pub interfaces: Interfaces,
    pub success: Spanned<Success>,
    pub reports_to: Option<String>,
    pub hire_after: Vec<Spanned<String>>,
    pub constraints: Vec<String>,
    pub tools: Vec<String>,
    pub interview_probes: Vec<String>,
    pub red_flags: Vec<String>,
    pub tags: Vec<Spanned<String>>,
    pub status: Status,
    pub headcount: Option<u32>,
    pub allow: Vec<Waiver>,
    pub draft: bool,
    pub internal_notes: Vec<String>,
    pub level: Option<Spanned<String>>,
    pub location: Vec<String>,
    pub remote: Option<Remote>,
    pub work_model: Option<WorkModel>,
    pub employment_type: Option<EmploymentType>,
    pub pay: Option<crate::config::posting::Pay>,
    pub valid_through: Option<Spanned<String>>,
    pub posting: PostingText,
    pub date_posted: Option<Spanned<String>>,
    /// As written, or inherited; `None` when the kit proposes the archetype's loop.
    pub interview_loop: Option<Vec<InterviewStage>>,
    pub maintainer: Option<String>,
    pub reviewed: Option<Spanned<String>>,
    /// The plan fields (`target_start`, `approval`, `cost`, `covered_by`...), as written.
    pub plan: crate::content::plan_fields::PlanFields,
}

/// One lint a brief waives, and the reason it gives (none in the list form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub lint: Spanned<String>,
    pub reason: Option<Spanned<String>>,
}

impl Waiver {
    /// The reason as written, or "" when none is given.
    pub fn reason_text(&self) -> &str {
        self.reason.as_ref().map_or("", |r| r.value.as_str())
    }
}

/// `allow:` as written: a map of lint id to the reason the brief waives it, or a plain list
/// of lint ids (without reasons). Either way, the waivers in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allow(pub Vec<Waiver>);

impl<'de> Deserialize<'de> for Allow {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AllowVisitor;
        impl<'de> serde::de::Visitor<'de> for AllowVisitor {
            type Value = Allow;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(ALLOW_EXPECTED)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Allow, A::Error> {
                let mut waivers = Vec::new();
                while let Some(lint) = seq.next_element::<Spanned<String>>()? {
                    waivers.push(Waiver { lint, reason: None });
                }
                Ok(Allow(waivers))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Allow, A::Error> {
                let mut waivers = Vec::new();
                while let Some(lint) = map.next_key::<Spanned<String>>()? {
                    let reason = map.next_value::<Option<Spanned<String>>>()?;
                    waivers.push(Waiver { lint, reason });
                }
                Ok(Allow(waivers))
            }
        }
        deserializer.deserialize_any(AllowVisitor)
    }
}

/// What `allow:` takes, in the words of a parse error ("`allow` must be ...").
pub const ALLOW_EXPECTED: &str = "a map of lint id to the reason (`tool-soup: \"one polyglot platform team\"`) or a list of lint ids";

/// The shape `gen schema` gives `allow:` (the lint ids are filled in from the catalog).
impl schemars::JsonSchema for Allow {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Allow".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Lints this brief waives: a map of lint id to the reason, or a list of lint ids (each warned as `allow-without-reason`).",
            "anyOf": [
                {
                    "type": "object",
                    "propertyNames": {"type": "string"},
                    "additionalProperties": {"type": ["string", "null"]}
                },
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

/// Capabilities by weight: primary ones the role owns, secondary ones it contributes to.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// Capabilities the role owns (at most three, or it is a bundled role).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub primary: Vec<Spanned<String>>,
    /// Capabilities the role contributes to.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub secondary: Vec<Spanned<String>>,
}

/// How the role fits with the rest of the company: one sentence per team it works with,
/// keyed by the interface names of site.yaml (`interfaces.required` and `.optional`), in
/// the order written. Names are checked against that vocabulary by `check`.
#[derive(Debug, Clone, Default)]
pub struct Interfaces(pub Vec<Interface>);

/// One stated interface: the team's name as written, and how the role works with it.
#[derive(Debug, Clone)]
pub struct Interface {
    pub key: Spanned<String>,
    pub text: Option<String>,
}

impl Interfaces {
    /// What the brief says about the interface `key`, if anything.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|i| i.key.value == key)
            .and_then(|i| i.text.as_deref())
    }

    /// Whether the interface `key` is stated with some text.
    pub fn states(&self, key: &str) -> bool {
        self.get(key).is_some_and(|t| !t.trim().is_empty())
    }

    /// `interfaces+`: the interfaces of `more` replace the ones of the same name here; the
    /// others stay, in their place, and new ones follow.
    pub fn with(&self, more: &Interfaces) -> Interfaces {
        let mut merged = self.clone();
        for interface in &more.0 {
            match merged
                .0
                .iter_mut()
                .find(|i| i.key.value == interface.key.value)
            {
                Some(existing) => *existing = interface.clone(),
                None => merged.0.push(interface.clone()),
            }
        }
        merged
    }
}

impl<'de> Deserialize<'de> for Interfaces {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Interfaces;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of interface names (product, data, security, it, ...) to one sentence each")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Interfaces, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, text)) = map.next_entry::<Spanned<String>, Option<String>>()? {
                    entries.push(Interface { key, text });
                }
                Ok(Interfaces(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// The schema of `interfaces`: a map of names to sentences; `gen schema` lists the names
/// site.yaml allows.
impl schemars::JsonSchema for Interfaces {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Interfaces".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "How the role works with each team: interface name (site.yaml `interfaces`) to one sentence.",
            "additionalProperties": {"type": ["string", "null"]}
        })
    }
}

/// Success measures at the three horizons leadership should be able to name.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Success {
    /// What must be true after 90 days.
    #[serde(rename = "90d", default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub days_90: Option<Vec<Spanned<String>>>,
    /// What must be true after 6 months.
    #[serde(rename = "6m", default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub months_6: Option<Vec<Spanned<String>>>,
    /// What must be true after 12 months.
    #[serde(rename = "12m", default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub months_12: Option<Vec<Spanned<String>>>,
}

/// A success horizon: its key (`90d`), its label (`90 days`) and its measures if stated.
pub type HorizonMeasures<'a> = (&'static str, &'static str, Option<&'a [Spanned<String>]>);

impl Success {
    /// (key, label, measures) for each horizon, in time order, stated or not. Each measure
    /// keeps where it was written, so a lint can point at the item.
    pub fn horizons(&self) -> [HorizonMeasures<'_>; 3] {
        [
            ("90d", "90 days", self.days_90.as_deref()),
            ("6m", "6 months", self.months_6.as_deref()),
            ("12m", "12 months", self.months_12.as_deref()),
        ]
    }
}

/// The keys of `Origins` for the measures of each success horizon, set when `success+`
/// mixes inherited and appended items.
pub const MEASURE_KEYS: [&str; 3] = ["success.90d", "success.6m", "success.12m"];

/// The `Origins` key of the measures of `horizon` (`90d`, `6m` or `12m`).
pub fn measure_key(horizon: &str) -> &'static str {
    match horizon {
        "90d" => MEASURE_KEYS[0],
        "6m" => MEASURE_KEYS[1],
        _ => MEASURE_KEYS[2],
    }
}

/// Where a company's plan stands for this role.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Planned,
    Open,
    Filled,
}

impl Status {
    /// As a page says it to the hiring team: "open: being hired".
    pub fn words(self) -> &'static str {
        match self {
            Status::Open => "open: being hired",
            Status::Filled => "filled",
            Status::Planned => "planned",
        }
    }
}

/// Which file wrote each inherited or appended value of a derived brief: key (`tools`,
/// `capabilities.primary`) to runs of list items, each `(first index, file)`. Keys the brief
/// wrote itself are not listed: they come from its own file.
#[derive(Debug, Clone, Default)]
pub struct Origins(pub BTreeMap<&'static str, Vec<(usize, SourceFile)>>);

/// A loaded, checked role brief (inheritance resolved).
#[derive(Debug, Clone)]
pub struct Role {
    pub source: SourceFile,
    pub front: RoleFront,
    pub slug: String,
    pub body_offset: usize,
    /// For a brief that `extends` another: its front matter as written, to resolve it again
    /// when its parent changes.
    pub written: Option<Arc<WrittenFront>>,
    pub origins: Origins,
    /// Its tags as slugs (their pages' addresses), made on first use and kept with the
    /// brief: `gen serve` keeps a brief it did not read again, so an edit slugifies only the
    /// edited brief's tags, not every brief's for each listing it plans.
    pub(crate) tag_slugs: std::sync::OnceLock<Vec<String>>,
}

impl Role {
    /// Its tags as slugs, in the order written.
    pub fn tag_slugs(&self) -> &[String] {
        self.tag_slugs.get_or_init(|| {
            self.front
                .tags
                .iter()
                .map(|t| crate::slug::slugify(&t.value))
                .collect()
        })
    }

    /// The Markdown after the front matter (read again if it was let go; see
    /// `SourceFile::body`).
    pub fn body(&self) -> Result<super::source::Body<'_>, Diagnostic> {
        self.source.body(self.body_offset)
    }

    pub fn title(&self) -> &str {
        &self.front.title.value
    }

    /// Where the slug came from: the `slug:` key, or line 1 when it is the file stem.
    pub fn slug_position(&self) -> Position {
        self.front
            .slug
            .as_ref()
            .map_or(Position::START, |s| position(s.referenced))
    }

    /// Whether the brief owns the capability `key` (holds it as primary).
    pub fn holds_primary(&self, key: &str) -> bool {
        self.front
            .capabilities
            .primary
            .iter()
            .any(|c| c.value == key)
    }

    /// The brief's place in a company's plan: `content/plan/`, not the archetype library.
    pub fn in_plan(&self) -> bool {
        self.source.content_path.starts_with("plan/")
    }

    /// The file that wrote the value of `key` (the nearest in the `extends` chain; for an
    /// appended list, the one that appended last).
    pub fn source_of(&self, key: &str) -> &SourceFile {
        self.origins
            .0
            .get(key)
            .and_then(|runs| runs.last())
            .map_or(&self.source, |(_, file)| file)
    }

    /// The file that wrote item `index` of the list `key`.
    pub fn source_of_item(&self, key: &str, index: usize) -> &SourceFile {
        self.origins
            .0
            .get(key)
            .and_then(|runs| runs.iter().rev().find(|(first, _)| *first <= index))
            .map_or(&self.source, |(_, file)| file)
    }

    /// The file that wrote item `index` of the success horizon `horizon` (`90d`, `6m`,
    /// `12m`): after `success+`, the inherited items are the parent's and the appended
    /// ones this brief's.
    pub fn source_of_measure(&self, horizon: &str, index: usize) -> &SourceFile {
        let key = measure_key(horizon);
        if self.origins.0.contains_key(key) {
            self.source_of_item(key, index)
        } else {
            self.source_of("success")
        }
    }

    /// A finding about the value of `key` at `at`: in the file that wrote it, saying which
    /// brief inherits it when that file is another brief's.
    pub fn diagnostic_at(
        &self,
        source: &SourceFile,
        at: Position,
        message: impl Into<String>,
    ) -> Diagnostic {
        let mut message = message.into();
        if source.file != self.source.file {
            message.push_str(&format!(" (inherited by `{}`)", self.slug));
        }
        source.diagnostic(at, message)
    }

    /// Where `key:` (or `key+:`) is written in the file that set it; the title key (which
    /// every brief has) when no file in the chain writes it.
    pub fn key_position(&self, key: &str) -> (&SourceFile, Position) {
        let source = self.source_of(key);
        let written = front_matter::keys(&source.text);
        if let Some(at) = written.get(key).or_else(|| written.get(&format!("{key}+"))) {
            return (source, at.at);
        }
        let own = if source.file == self.source.file {
            written
        } else {
            front_matter::keys(&self.source.text)
        };
        let title = own
            .get("title")
            .map_or_else(|| position(self.front.title.referenced), |k| k.at);
        (&self.source, title)
    }
}

/// Checks of what one file writes, against the site's vocabulary: names, empty values and
/// `key+` use. Keys a derived brief leaves out are checked where they are written.
pub fn check(front: &WrittenFront, config: &Config, source: &SourceFile) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut require_text = |field: Option<&Spanned<String>>, key: &str| {
        if let Some(field) = field.filter(|f| f.value.trim().is_empty()) {
            problems.push(
                source
                    .diagnostic(position(field.referenced), format!("`{key}` is empty"))
                    .with_help(format!("write the {key} of the role")),
            );
        }
    };
    require_text(Some(&front.title), "title");
    require_text(front.summary.as_ref(), "summary");
    require_text(front.outcome.as_ref(), "outcome");
    require_text(front.extends.as_ref(), "extends");

    let archetypes: Vec<&str> = config.archetype_keys().collect();
    if let Some(archetype) = &front.archetype
        && config.archetype(&archetype.value).is_none()
    {
        problems.push(unknown_name(source, archetype, "archetype", &archetypes));
    }
    let capabilities: Vec<&str> = config.capability_keys().collect();
    for caps in [&front.capabilities, &front.capabilities_more]
        .into_iter()
        .flatten()
    {
        for key in caps.primary.iter().chain(&caps.secondary) {
            if config.capability(&key.value).is_none() {
                problems.push(unknown_name(source, key, "capability", &capabilities));
            }
        }
    }
    let interfaces: Vec<&str> = config.interfaces.keys().collect();
    for stated in [&front.interfaces, &front.interfaces_more]
        .into_iter()
        .flatten()
    {
        for interface in &stated.0 {
            if !config.interfaces.is_known(&interface.key.value) {
                problems.push(unknown_name(
                    source,
                    &interface.key,
                    "interface",
                    &interfaces,
                ));
            }
        }
    }
    if let Some(decisions) = &front.decisions
        && decisions.value.is_empty()
    {
        problems.push(
            source
                .diagnostic(
                    position(decisions.referenced),
                    "`decisions` is empty: a brief must name at least one decision the role owns",
                )
                .with_help("e.g. `- Which use cases move from pilot to production`"),
        );
    }
    if let Some(success) = &front.success
        && success.value.horizons().iter().all(|(_, _, m)| m.is_none())
    {
        problems.push(
            source
                .diagnostic(position(success.referenced), "`success` states no horizon")
                .with_help("add `90d:`, `6m:` and `12m:` lists of measures"),
        );
    }
    if let Some(headcount) = &front.headcount
        && headcount.value == 0
    {
        problems.push(
            source
                .diagnostic(position(headcount.referenced), "`headcount` is 0")
                .with_help("headcount is how many people the plan hires into this brief: 1 or more (leave it out for 1)"),
        );
    }
    problems.extend(check_posting(front, config, source));
    problems.extend(check_interview_loop(front, config, source));
    problems.extend(crate::content::plan_fields::check(front, config, source));
    for (key, plain, more) in front.appends() {
        if !more {
            continue;
        }
        // A valid `key+` is common in derived briefs: the front matter is read again for
        // its spans only when there is a problem to point at.
        let at = || {
            front_matter::keys(&source.text)
                .get(&format!("{key}+"))
                .map_or(Position::START, |k| k.at)
        };
        if front.extends.is_none() {
            problems.push(
                source
                    .diagnostic(at(), format!("`{key}+` appends to an inherited value, but this brief has no `extends`"))
                    .with_help(format!("write `{key}:`, or add `extends: <slug>` naming the brief to adapt")),
            );
        } else if plain {
            problems.push(
                source
                    .diagnostic(at(), format!("both `{key}` and `{key}+` are set"))
                    .with_help(format!("`{key}:` replaces the inherited value and `{key}+:` appends to it: keep one")),
            );
        }
    }
    let lints: Vec<&str> = crate::config::lints::lint_ids().collect();
    for waiver in [&front.allow, &front.allow_more]
        .into_iter()
        .flatten()
        .flat_map(|a| &a.0)
    {
        let lint = &waiver.lint;
        if !lints.contains(&lint.value.as_str()) {
            problems.push(unknown_name(source, lint, "lint", &lints).with_help(
                match did_you_mean(&lint.value, lints.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the lints are: {}", lints.join(", ")),
                },
            ));
        } else if crate::config::lints::UNWAIVABLE.contains(&lint.value.as_str()) {
            problems.push(
                source
                    .diagnostic(
                        position(lint.referenced),
                        format!("`{}` cannot be waived in a brief", lint.value),
                    )
                    .with_help(format!(
                        "answer what it asks for; a site that must relax it sets its level under `lints:` in site.yaml (`{}: warn`)",
                        lint.value
                    )),
            );
        }
    }
    for tag in [&front.tags, &front.tags_more]
        .into_iter()
        .flatten()
        .flatten()
    {
        let slug = crate::slug::slugify(&tag.value);
        if slug.is_empty() {
            problems.push(
                source
                    .diagnostic(position(tag.referenced), "a tag needs a letter or digit")
                    .with_help("tags are short words such as `leadership` or `delivery`"),
            );
        } else if slug.len() > crate::slug::MAX_SLUG_BYTES {
            problems.push(
                source
                    .diagnostic(
                        position(tag.referenced),
                        format!(
                            "the tag is too long for an address: its page would be `tags/{}…/`",
                            slug.chars().take(24).collect::<String>()
                        ),
                    )
                    .with_help(format!(
                        "tags are short words such as `leadership` or `delivery`; keep it under {} bytes",
                        crate::slug::MAX_SLUG_BYTES
                    )),
            );
        }
    }
    problems
}

/// Checks of the posting fields: the level against site.yaml, the pay range, the closing
/// date and where to apply.
fn check_posting(front: &WrittenFront, config: &Config, source: &SourceFile) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let located = |p: crate::config::posting::ValueProblem| {
        source.diagnostic(p.at, p.message).with_help(p.help)
    };
    if let Some(level) = &front.level {
        if config.levels.is_empty() {
            problems.push(
                source
                    .diagnostic(
                        position(level.referenced),
                        format!("unknown level `{}`: site.yaml defines no `levels`", level.value),
                    )
                    .with_help("add `levels:` to site.yaml, each with `key` and `title` (and a `pay` band), or remove `level`"),
            );
        } else if config.level(&level.value).is_none() {
            let levels: Vec<&str> = config.level_keys().collect();
            problems.push(unknown_name(source, level, "level", &levels));
        }
    }
    if let Some(pay) = &front.pay {
        problems.extend(pay.problems("pay").into_iter().map(located));
    }
    // The days a brief writes, each as YYYY-MM-DD.
    for (key, date, what) in [
        (
            "valid_through",
            &front.valid_through,
            "the last day applications are taken",
        ),
        (
            "date_posted",
            &front.date_posted,
            "the day the post was first published",
        ),
        (
            "reviewed",
            &front.reviewed,
            "the day the brief was last reviewed",
        ),
    ] {
        if let Some(date) = date
            && parse_date(&date.value).is_none()
        {
            problems.push(
                source
                    .diagnostic(
                        position(date.referenced),
                        format!("`{key}` is `{}`, not a date", date.value),
                    )
                    .with_help(format!("write {what} as YYYY-MM-DD, e.g. `2026-11-02`")),
            );
        }
    }
    if let Some(apply) = front.posting.as_ref().and_then(|p| p.apply.as_ref()) {
        problems.extend(crate::config::posting::apply_problem("posting.apply", apply).map(located));
    }
    if let Some(remote) = &front.remote
        && remote.regions.iter().all(|r| r.trim().is_empty())
    {
        problems.push(
            source
                .diagnostic(key_at(source, "remote"), "`remote.regions` names no region")
                .with_help("name where a remote candidate may work from, e.g. `regions: [EU]`"),
        );
    }
    problems
}

/// Where the top-level key `key` is written in `source` (line 1 when it is not).
fn key_at(source: &SourceFile, key: &str) -> Position {
    front_matter::keys(&source.text)
        .get(key)
        .map_or(Position::START, |k| k.at)
}

/// Checks of `interview_loop`: a stage needs a name, and rates capabilities of the
/// vocabulary.
fn check_interview_loop(
    front: &WrittenFront,
    config: &Config,
    source: &SourceFile,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let Some(stages) = &front.interview_loop else {
        return problems;
    };
    if stages.is_empty() {
        problems.push(
            source
                .diagnostic(key_at(source, "interview_loop"), "`interview_loop` lists no stage")
                .with_help("list the stages (`- stage: Technical screen`), or leave `interview_loop` out for the archetype's loop"),
        );
    }
    let capabilities: Vec<&str> = config.capability_keys().collect();
    for stage in stages {
        if stage.stage.value.trim().is_empty() {
            problems.push(
                source
                    .diagnostic(
                        position(stage.stage.referenced),
                        "a stage of `interview_loop` has no name",
                    )
                    .with_help("name the stage, e.g. `stage: Technical screen`"),
            );
        }
        for key in &stage.capabilities {
            if config.capability(&key.value).is_none() {
                problems.push(unknown_name(source, key, "capability", &capabilities));
            }
        }
    }
    problems
}

/// A calendar date written `YYYY-MM-DD`: (year, month, day), or `None` when it is not one.
pub fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

pub(crate) fn unknown_name(
    source: &SourceFile,
    value: &Spanned<String>,
    what: &str,
    known: &[&str],
) -> Diagnostic {
    let help = match did_you_mean(&value.value, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`? ({what} names are set in site.yaml)"),
        None => format!(
            "expected one of: {} ({what} names are set in site.yaml)",
            known.join(", ")
        ),
    };
    source
        .diagnostic(
            position(value.referenced),
            format!("unknown {what} `{}`", value.value),
        )
        .with_help(help)
}
/// The folder of a role's page below the site root.
pub fn role_path(slug: &str) -> String {
    format!("{}/{slug}/", crate::content::ROLES_DIR)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_are_calendar_days_written_yyyy_mm_dd() {
        assert_eq!(parse_date("2027-02-28"), Some((2027, 2, 28)));
        assert_eq!(parse_date("2028-02-29"), Some((2028, 2, 29)), "a leap year");
        for not_a_date in [
            "2027-02-29",
            "2100-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-9-30",
            "30/09/2026",
            "end of March",
            "",
        ] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
    }
}
