//! The role brief: its typed front matter and the checks that need only the brief itself and
//! the site's vocabulary.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::config::Config;
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Position, did_you_mean};

/// Front matter of `content/roles/<slug>.md`. Every key of DESIGN.md's content model. The
/// JSON Schema of `gen schema` is derived from this type, so the two cannot drift apart.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Role brief front matter")]
pub struct RoleFront {
    /// The role's title as it appears in job ads, e.g. "Head of AI".
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The page address; defaults to the file name without `.md`.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub slug: Option<Spanned<String>>,
    /// What kind of job this is: one of the archetypes of site.yaml.
    #[schemars(with = "String")]
    pub archetype: Spanned<String>,
    /// One sentence: what the role is for.
    #[schemars(with = "String")]
    pub summary: Spanned<String>,
    /// The business outcome in 12 months, with a number, date or target.
    #[schemars(with = "String")]
    pub outcome: Spanned<String>,
    /// The decisions this person owns (at least one).
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub decisions: Spanned<Vec<String>>,
    /// What the role owns once systems are live: models, evals, runbooks, on-call.
    #[serde(default)]
    pub owns_after_launch: Vec<String>,
    /// Capabilities the role holds, from site.yaml's vocabulary.
    #[serde(default)]
    pub capabilities: Capabilities,
    /// How the role fits with product, data, security and IT.
    #[serde(default)]
    pub interfaces: Interfaces,
    /// How success is measured after 90 days, 6 months and 12 months.
    #[schemars(with = "Success")]
    pub success: Spanned<Success>,
    /// Who the role reports to, in words.
    #[serde(default)]
    pub reports_to: Option<String>,
    /// Slugs of the briefs that should be hired first.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub hire_after: Vec<Spanned<String>>,
    /// Systems, data and governance constraints that shape the job.
    #[serde(default)]
    pub constraints: Vec<String>,
    /// Tools the role uses in its first year (a long list is "tool soup").
    #[serde(default)]
    pub tools: Vec<String>,
    /// Interview questions that test for proof of delivery.
    #[serde(default)]
    pub interview_probes: Vec<String>,
    /// Signs of a weak fit to listen for.
    #[serde(default)]
    pub red_flags: Vec<String>,
    /// Short words for the tag pages, e.g. `leadership`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Spanned<String>>,
    /// Where the company's plan stands: planned, open (being hired) or filled.
    #[serde(default)]
    pub status: Status,
    /// Lints deliberately allowed for this brief.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub allow: Vec<Spanned<String>>,
    /// Drafts are left out of the site unless `--drafts` is given.
    #[serde(default)]
    pub draft: bool,
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

/// How the role fits with the rest of the company.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interfaces {
    /// How the role works with product management.
    #[serde(default)]
    pub product: Option<String>,
    /// How the role works with the data owners and platform.
    #[serde(default)]
    pub data: Option<String>,
    /// How the role works with security, risk and compliance.
    #[serde(default)]
    pub security: Option<String>,
    /// How the role works with IT operations.
    #[serde(default)]
    pub it: Option<String>,
}

impl Interfaces {
    /// The stated interfaces in a fixed reading order, with their labels.
    pub fn stated(&self) -> Vec<(&'static str, &str)> {
        [
            ("Product", &self.product),
            ("Data", &self.data),
            ("Security", &self.security),
            ("IT", &self.it),
        ]
        .into_iter()
        .filter_map(|(label, text)| text.as_deref().map(|t| (label, t)))
        .collect()
    }
}

/// Success measures at the three horizons leadership should be able to name.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Success {
    /// What must be true after 90 days.
    #[serde(rename = "90d", default)]
    pub days_90: Option<Vec<String>>,
    /// What must be true after 6 months.
    #[serde(rename = "6m", default)]
    pub months_6: Option<Vec<String>>,
    /// What must be true after 12 months.
    #[serde(rename = "12m", default)]
    pub months_12: Option<Vec<String>>,
}

impl Success {
    /// (key, label, measures) for each horizon, in time order, stated or not.
    pub fn horizons(&self) -> [(&'static str, &'static str, Option<&[String]>); 3] {
        [
            ("90d", "90 days", self.days_90.as_deref()),
            ("6m", "6 months", self.months_6.as_deref()),
            ("12m", "12 months", self.months_12.as_deref()),
        ]
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

/// A loaded, checked role brief.
#[derive(Debug, Clone)]
pub struct Role {
    pub source: SourceFile,
    pub front: RoleFront,
    pub slug: String,
    pub body_offset: usize,
}

impl Role {
    pub fn body(&self) -> &str {
        &self.source.text[self.body_offset..]
    }

    pub fn title(&self) -> &str {
        &self.front.title.value
    }

    /// Where the slug came from: the `slug:` key, or line 1 when it is the file stem.
    pub fn slug_position(&self) -> Position {
        self.front
            .slug
            .as_ref()
            .map_or(Position::START, |s| position(&s.referenced))
    }
}

pub fn position(location: &serde_saphyr::Location) -> Position {
    Position::new(
        (location.line() as usize).max(1),
        (location.column() as usize).max(1),
    )
}

/// Checks of one brief against the site's vocabulary.
pub fn check(front: &RoleFront, config: &Config, source: &SourceFile) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut require_text = |field: &Spanned<String>, key: &str| {
        if field.value.trim().is_empty() {
            problems.push(
                source
                    .diagnostic(position(&field.referenced), format!("`{key}` is empty"))
                    .with_help(format!("write the {key} of the role")),
            );
        }
    };
    require_text(&front.title, "title");
    require_text(&front.summary, "summary");
    require_text(&front.outcome, "outcome");

    let archetypes: Vec<&str> = config.archetype_keys().collect();
    if config.archetype(&front.archetype.value).is_none() {
        problems.push(unknown_name(
            source,
            &front.archetype,
            "archetype",
            &archetypes,
        ));
    }
    let capabilities: Vec<&str> = config.capability_keys().collect();
    for key in front
        .capabilities
        .primary
        .iter()
        .chain(&front.capabilities.secondary)
    {
        if config.capability(&key.value).is_none() {
            problems.push(unknown_name(source, key, "capability", &capabilities));
        }
    }
    if front.decisions.value.is_empty() {
        problems.push(
            source
                .diagnostic(
                    position(&front.decisions.referenced),
                    "`decisions` is empty: a brief must name at least one decision the role owns",
                )
                .with_help("e.g. `- Which use cases move from pilot to production`"),
        );
    }
    let success = &front.success.value;
    if success.horizons().iter().all(|(_, _, m)| m.is_none()) {
        problems.push(
            source
                .diagnostic(
                    position(&front.success.referenced),
                    "`success` states no horizon",
                )
                .with_help("add `90d:`, `6m:` and `12m:` lists of measures"),
        );
    }
    let lints: Vec<&str> = crate::playbook::lints::lint_ids().collect();
    for allowed in &front.allow {
        if !lints.contains(&allowed.value.as_str()) {
            problems.push(unknown_name(source, allowed, "lint", &lints).with_help(
                match did_you_mean(&allowed.value, lints.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the lints are: {}", lints.join(", ")),
                },
            ));
        }
    }
    for tag in &front.tags {
        if crate::content::slug::slugify(&tag.value).is_empty() {
            problems.push(
                source
                    .diagnostic(position(&tag.referenced), "a tag needs a letter or digit")
                    .with_help("tags are short words such as `leadership` or `delivery`"),
            );
        }
    }
    problems
}

fn unknown_name(
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
            position(&value.referenced),
            format!("unknown {what} `{}`", value.value),
        )
        .with_help(help)
}
