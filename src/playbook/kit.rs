//! The interview kit of a brief (`<slug>.kit.html`): for the hiring team only. It holds the
//! role's mission, outcome and success horizons (from the job post, `playbook::posting`),
//! each capability with its probes and a four-step rating anchor, the red flags, the
//! interview loop (the brief's `interview_loop`, or the archetype's default loop below) and
//! a scorecard. A pure function from a brief and its site's config (no other brief: an
//! edit elsewhere never changes a kit).
//!
//! Probes find their capability once each, in this order: a probe a stage of the loop asks
//! goes to that stage's capabilities (the one its words name, else the stage's first); any
//! other probe goes to the first of the kit's capabilities its words name (site.yaml's
//! `keywords`, as `bundled-role` reads them); the rest are general probes.

use serde::Serialize;

use crate::config::Config;
use crate::config::vocabulary::words;
use crate::content::role::Role;
use crate::playbook::posting::Posting;

/// A probe, numbered across the kit (P1, P2...) so the loop can cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Probe {
    pub number: usize,
    pub text: String,
}

/// One step of a rating anchor: 1 No evidence ... 4 Strong evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Anchor {
    pub score: u8,
    pub label: String,
    pub text: String,
}

/// A capability the loop rates: the role's primary and secondary ones, then any other a
/// stage names.
#[derive(Debug, Clone, Serialize)]
pub struct KitCapability<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    /// `primary`, `secondary`, or `assessed` (named by a stage only).
    pub weight: &'static str,
    pub anchors: Vec<Anchor>,
    pub probes: Vec<Probe>,
    /// The numbers of the stages that rate it.
    pub stages: Vec<usize>,
}

/// One stage of the interview loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub number: usize,
    pub name: String,
    pub interviewer: String,
    /// What the stage is for (the default loop's stages say it).
    pub purpose: Option<String>,
    /// The names of the capabilities it rates.
    pub capabilities: Vec<String>,
    /// The numbers of the probes it asks.
    pub probes: Vec<usize>,
    /// A default loop's stage: its id (`builder-2`), which names its words in the theme's
    /// messages (`kit-stage-builder-2`).
    #[serde(skip)]
    pub default_id: Option<&'static str>,
    /// Whether the interviewer is the hiring manager (none written, or the default
    /// loop's): `reports_to`, when the brief says.
    #[serde(skip)]
    pub by_hiring_manager: bool,
}

/// A brief's interview kit.
#[derive(Debug, Clone, Serialize)]
pub struct Kit<'a> {
    pub title: &'a str,
    pub organization: Option<&'a str>,
    pub archetype: Option<&'a str>,
    pub level: Option<&'a str>,
    pub reports_to: Option<&'a str>,
    /// What the role is for: the brief's summary.
    pub mission: &'a str,
    pub outcome: &'a str,
    /// Each horizon the brief states: "90 days" and its measures.
    pub success: Vec<Horizon<'a>>,
    pub capabilities: Vec<KitCapability<'a>>,
    /// Probes that name none of the capabilities.
    pub general_probes: Vec<Probe>,
    pub red_flags: &'a [String],
    pub stages: Vec<Stage>,
    /// Whether the loop is the archetype's default (the brief has no `interview_loop`).
    pub default_loop: bool,
}

/// A success horizon: its label and measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Horizon<'a> {
    pub label: &'static str,
    pub measures: Vec<&'a str>,
}

/// The rating labels, 1 to 4.
pub const RATINGS: [&str; 4] = [
    "No evidence",
    "Some evidence",
    "Clear evidence",
    "Strong evidence",
];

/// The four-step anchor of `name`: what each rating means, in the capability's words.
pub fn anchors(name: &str) -> Vec<Anchor> {
    let texts = [
        format!("No {name} work of their own: general statements, or others' work."),
        "One example, partly theirs, or not yet in production.".to_string(),
        format!("{name} work they owned end to end, with results they can name."),
        format!(
            "Has done {name} work repeatedly and owned it after launch; says what they would change."
        ),
    ];
    texts
        .into_iter()
        .zip(RATINGS)
        .zip(1..)
        .map(|((text, label), score)| Anchor {
            score,
            label: label.to_string(),
            text,
        })
        .collect()
}

/// Which capabilities a default stage rates.
#[derive(Debug, Clone, Copy)]
enum Covers {
    Primary,
    Secondary,
    All,
}

/// A stage of an archetype's default loop.
struct DefaultStage {
    /// `leader-1`: names the stage's words in the theme (`kit-stage-leader-1`, `…-purpose`,
    /// `…-interviewer`).
    id: &'static str,
    name: &'static str,
    /// `None`: the hiring manager (the brief's `reports_to` when it says).
    interviewer: Option<&'static str>,
    covers: Covers,
    purpose: &'static str,
    /// Where the "how many" probes (experience as dosage) go.
    dosage: bool,
}

const fn stage(
    id: &'static str,
    name: &'static str,
    interviewer: Option<&'static str>,
    covers: Covers,
    purpose: &'static str,
    dosage: bool,
) -> DefaultStage {
    DefaultStage {
        id,
        name,
        interviewer,
        covers,
        purpose,
        dosage,
    }
}

use Covers::{All, Primary, Secondary};

/// Leaders (executive operators and managers): the first quarter of the job is political
/// work, and experience is counted in systems that went live and stayed live.
const LEADER_LOOP: [DefaultStage; 4] = [
    stage(
        "leader-1",
        "Hiring-manager screen",
        None,
        Primary,
        "Scope and motivation: can they name a system that went live and stayed live, and who owned it the day after launch?",
        false,
    ),
    stage(
        "leader-2",
        "Strategy and outcome case",
        Some("The hiring manager and a finance or operations partner"),
        Primary,
        "From this brief's outcome, they lay out the first 12 months: the first hires, what is live at 90 days, and what they would stop.",
        false,
    ),
    stage(
        "leader-3",
        "Stakeholder panel",
        Some("Leads of the teams the role works with: product, data, security, IT"),
        Secondary,
        "The political work of the first quarter: winning time, data access and review from the teams they depend on.",
        false,
    ),
    stage(
        "leader-4",
        "References",
        Some("The hiring manager, with two former colleagues"),
        All,
        "Dosage, not credentials: how many production systems they were accountable for, and what happened after launch.",
        true,
    ),
];

/// Builders: proof of delivery is a system they built, ran and were paged for.
const BUILDER_LOOP: [DefaultStage; 4] = [
    stage(
        "builder-1",
        "Technical screen",
        None,
        Primary,
        "A production system they built: the data, the evaluation, the deployment, and what broke.",
        true,
    ),
    stage(
        "builder-2",
        "Build and eval exercise",
        Some("Two engineers from the team"),
        Primary,
        "Messy data: ask for an evaluation plan and a deployment sketch, not only a score.",
        false,
    ),
    stage(
        "builder-3",
        "System design",
        Some("A senior engineer or the solutions architect"),
        Secondary,
        "How their work runs in production: monitoring, rollback, on-call and the platform it deploys on.",
        false,
    ),
    stage(
        "builder-4",
        "Team fit",
        Some("The product lead and a peer from the team"),
        All,
        "How they work with product, data, security and IT, and raise problems with evidence.",
        false,
    ),
];

/// Architects: designs that were built and are still running.
const ARCHITECT_LOOP: [DefaultStage; 4] = [
    stage(
        "architect-1",
        "Technical screen",
        None,
        Primary,
        "A design of theirs that was built and still runs: what they traded off, and what they would change.",
        true,
    ),
    stage(
        "architect-2",
        "System design",
        Some("Two senior engineers"),
        Primary,
        "A design for this brief's outcome under its constraints, with deployment, monitoring and rollback.",
        false,
    ),
    stage(
        "architect-3",
        "Integration review",
        Some("The governance owner and an IT lead"),
        Secondary,
        "How the design passes security review, gets its data and is supported by IT.",
        false,
    ),
    stage(
        "architect-4",
        "Team fit and references",
        Some("Engineers who will build on the design"),
        All,
        "Whether builders can work from their designs, and how many of them reached production.",
        false,
    ),
];

/// Any other archetype of a site's own.
const GENERIC_LOOP: [DefaultStage; 4] = [
    stage(
        "generic-1",
        "Screen",
        None,
        Primary,
        "Scope and motivation, and one piece of work they owned from start to finish.",
        false,
    ),
    stage(
        "generic-2",
        "Work sample",
        Some("Two people from the team"),
        Primary,
        "A task from the role's first 90 days, and how they would judge it done.",
        false,
    ),
    stage(
        "generic-3",
        "Panel",
        Some("Leads of the teams the role works with"),
        Secondary,
        "How they work with the teams they depend on.",
        false,
    ),
    stage(
        "generic-4",
        "References",
        Some("The hiring manager"),
        All,
        "How often they have done this work, and what happened after.",
        true,
    ),
];

/// The default loop of the archetype `key`.
fn default_loop(archetype: &str) -> &'static [DefaultStage; 4] {
    match archetype {
        "executive-operator" | "manager" => &LEADER_LOOP,
        "builder" => &BUILDER_LOOP,
        "architect" => &ARCHITECT_LOOP,
        _ => &GENERIC_LOOP,
    }
}

/// The names of the default loop of `archetype`, in order (for the README and tests).
pub fn default_stage_names(archetype: &str) -> Vec<&'static str> {
    default_loop(archetype).iter().map(|s| s.name).collect()
}

/// The English words of every default stage: id, name, interviewer (none: the hiring
/// manager) and purpose, for the check that the theme's English says the same.
pub fn default_stage_words() -> impl Iterator<
    Item = (
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
    ),
> {
    [&LEADER_LOOP, &BUILDER_LOOP, &ARCHITECT_LOOP, &GENERIC_LOOP]
        .into_iter()
        .flatten()
        .map(|s| (s.id, s.name, s.interviewer, s.purpose))
}

/// Whether a probe asks how often: "How many models have you put into production?"
fn asks_dosage(probe: &str) -> bool {
    let lower = probe.to_lowercase();
    lower.contains("how many") || lower.contains("how often")
}

/// The capabilities (indices into `among`) whose keywords `text` names, in the order named.
fn named_capabilities(config: &Config, text: &str, among: &[&str]) -> Vec<usize> {
    let index = config.area_index();
    let text = words(text);
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        match index.keyword_at(&text, at) {
            Some(hit) => {
                let key = index.areas[hit.area].key.as_str();
                if let Some(i) = among.iter().position(|k| *k == key)
                    && !found.contains(&i)
                {
                    found.push(i);
                }
                at += hit.len.max(1);
            }
            None => at += 1,
        }
    }
    found
}

/// The interview kit of `role`, whose job post is `posting`.
pub fn kit<'a>(config: &'a Config, role: &'a Role, posting: &Posting<'a>) -> Kit<'a> {
    let front = &role.front;
    // The capabilities: primary, secondary, then any other a written stage names.
    let mut keys: Vec<(&'a str, &'static str)> = Vec::new();
    let mut add = |key: &'a str, weight| {
        if config.capability(key).is_some() && !keys.iter().any(|(k, _)| *k == key) {
            keys.push((key, weight));
        }
    };
    for key in &front.capabilities.primary {
        add(&key.value, "primary");
    }
    for key in &front.capabilities.secondary {
        add(&key.value, "secondary");
    }
    for stage in front.interview_loop.iter().flatten() {
        for key in &stage.capabilities {
            add(&key.value, "assessed");
        }
    }
    let capability_keys: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    let name_of =
        |key: &'a str| -> &'a str { config.capability(key).map_or(key, |c| c.name.as_str()) };

    // Every probe once, numbered: the brief's, then those only a stage asks.
    let mut probes: Vec<String> = Vec::new();
    let mut number_of = |text: &str| -> usize {
        let text = text.trim();
        match probes.iter().position(|p| p == text) {
            Some(i) => i + 1,
            None => {
                probes.push(text.to_string());
                probes.len()
            }
        }
    };
    for probe in front
        .interview_probes
        .iter()
        .filter(|p| !p.trim().is_empty())
    {
        number_of(probe);
    }
    let hiring_manager = posting
        .reports_to
        .map_or("The hiring manager".to_string(), |r| {
            format!("The hiring manager ({r})")
        });
    // (stage, the indices of its capabilities, its probes' numbers).
    let mut stages: Vec<(Stage, Vec<usize>)> = Vec::new();
    let default = front.interview_loop.is_none();
    for (i, written) in front.interview_loop.iter().flatten().enumerate() {
        let covered: Vec<usize> = written
            .capabilities
            .iter()
            .filter_map(|k| capability_keys.iter().position(|c| *c == k.value))
            .collect();
        let numbers = written
            .probes
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| number_of(p))
            .collect();
        stages.push((
            Stage {
                number: i + 1,
                name: written.stage.value.trim().to_string(),
                interviewer: written
                    .interviewer
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .map_or_else(|| hiring_manager.clone(), |t| t.trim().to_string()),
                purpose: None,
                capabilities: Vec::new(),
                probes: numbers,
                default_id: None,
                by_hiring_manager: written
                    .interviewer
                    .as_deref()
                    .is_none_or(|t| t.trim().is_empty()),
            },
            covered,
        ));
    }

    // Each probe's capability: a written stage's, else the one its words name.
    let mut home: Vec<Option<usize>> = vec![None; probes.len()];
    for (number, text) in probes.iter().enumerate().map(|(i, t)| (i + 1, t)) {
        let named = named_capabilities(config, text, &capability_keys);
        let from_stage = stages
            .iter()
            .find(|(s, covered)| s.probes.contains(&number) && !covered.is_empty())
            .map(|(_, covered)| {
                named
                    .iter()
                    .copied()
                    .find(|c| covered.contains(c))
                    .unwrap_or(covered[0])
            });
        home[number - 1] = from_stage.or_else(|| named.first().copied());
    }

    if default {
        let primary: Vec<usize> = (0..keys.len())
            .filter(|&i| keys[i].1 == "primary")
            .collect();
        let secondary: Vec<usize> = (0..keys.len())
            .filter(|&i| keys[i].1 == "secondary")
            .collect();
        let all: Vec<usize> = (0..keys.len()).collect();
        let archetype = front.archetype.value.as_str();
        for (i, d) in default_loop(archetype).iter().enumerate() {
            let covered = match d.covers {
                Primary if !primary.is_empty() => primary.clone(),
                Secondary if !secondary.is_empty() => secondary.clone(),
                _ => all.clone(),
            };
            stages.push((
                Stage {
                    number: i + 1,
                    name: d.name.to_string(),
                    interviewer: d
                        .interviewer
                        .map_or_else(|| hiring_manager.clone(), str::to_string),
                    purpose: Some(d.purpose.to_string()),
                    capabilities: Vec::new(),
                    probes: Vec::new(),
                    default_id: Some(d.id),
                    by_hiring_manager: d.interviewer.is_none(),
                },
                covered,
            ));
        }
        // Each probe to one stage: "how many" to the stage that counts dosage, the others
        // to the first stage that rates their capability, else in turn from the first
        // stage, so that every stage has something to ask.
        let dosage = default_loop(archetype).iter().position(|d| d.dosage);
        let mut turn = 0;
        for (i, text) in probes.iter().enumerate() {
            let to = match (asks_dosage(text), dosage, home[i]) {
                (true, Some(stage), _) => stage,
                (_, _, Some(capability)) => stages
                    .iter()
                    .position(|(_, covered)| covered.contains(&capability))
                    .unwrap_or(0),
                _ => {
                    turn += 1;
                    (turn - 1) % stages.len()
                }
            };
            stages[to].0.probes.push(i + 1);
        }
    }

    let numbered = |i: usize| Probe {
        number: i + 1,
        text: probes[i].clone(),
    };
    let capabilities = keys
        .iter()
        .enumerate()
        .filter_map(|(c, (key, weight))| {
            let capability = config.capability(key)?;
            Some(KitCapability {
                key,
                name: &capability.name,
                description: &capability.description,
                weight,
                anchors: anchors(&capability.name),
                probes: (0..probes.len())
                    .filter(|&i| home[i] == Some(c))
                    .map(numbered)
                    .collect(),
                stages: stages
                    .iter()
                    .filter(|(_, covered)| covered.contains(&c))
                    .map(|(s, _)| s.number)
                    .collect(),
            })
        })
        .collect();
    let general_probes = (0..probes.len())
        .filter(|&i| home[i].is_none())
        .map(numbered)
        .collect();
    let stages = stages
        .into_iter()
        .map(|(mut stage, covered)| {
            stage.capabilities = covered
                .into_iter()
                .map(|c| name_of(capability_keys[c]).to_string())
                .collect();
            stage
        })
        .collect();
    Kit {
        title: posting.title,
        organization: posting.organization,
        archetype: config
            .archetype(&front.archetype.value)
            .map(|a| a.name.as_str()),
        level: posting.level,
        reports_to: posting.reports_to,
        mission: posting.summary,
        outcome: posting.outcome,
        success: posting
            .success
            .iter()
            .map(|(label, measures)| Horizon {
                label,
                measures: measures.clone(),
            })
            .collect(),
        capabilities,
        general_probes,
        red_flags: &front.red_flags,
        stages,
        default_loop: default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::content::testing::{config, content};
    use crate::playbook::posting::posting;

    const BRIEF: &str = "---\ntitle: Claims ML Engineer\narchetype: builder\nsummary: Builds the triage model.\noutcome: Cut handling time by 30% within 12 months.\ndecisions: [Which features the model uses]\ncapabilities:\n  primary: [applied-ml]\n  secondary: [data-engineering, platform-mlops]\nsuccess:\n  90d: [Baseline evaluated]\n  12m: [Handling time down 30%]\nreports_to: Head of AI\ninterview_probes:\n  - Walk us through a model you put into production.\n  - Which monitoring and rollback did you set up for it?\n  - How many models have you put into production?\n  - What did you learn from your last incident?\nred_flags: [Only demos]\n";

    fn built(extra: &str) -> (Config, Content) {
        let text = format!("{BRIEF}{extra}---\nBody.\n");
        (config(), content(&[("plan/ml.md", text)]))
    }

    #[test]
    fn the_default_loop_follows_the_archetype_and_places_every_probe_once() {
        let (config, content) = built("");
        let role = content.role("ml").expect("brief");
        let kit = kit(&config, role, &posting(&config, role));
        assert!(kit.default_loop);
        let names: Vec<&str> = kit.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Technical screen",
                "Build and eval exercise",
                "System design",
                "Team fit"
            ]
        );
        assert_eq!(kit.stages[0].interviewer, "The hiring manager (Head of AI)");
        assert_eq!(kit.stages[0].capabilities, ["Applied ML"]);
        assert_eq!(
            kit.stages[2].capabilities,
            ["Data Engineering", "Platform & MLOps"]
        );
        // The monitoring probe names Platform & MLOps; the others name no capability.
        let platform = &kit.capabilities[2];
        assert_eq!(platform.name, "Platform & MLOps");
        assert_eq!(platform.probes.len(), 1);
        assert_eq!(platform.probes[0].number, 2);
        assert_eq!(kit.general_probes.len(), 3);
        // Every probe is asked in one stage: dosage at the screen, monitoring at design.
        let mut asked: Vec<usize> = kit.stages.iter().flat_map(|s| s.probes.clone()).collect();
        asked.sort_unstable();
        assert_eq!(asked, [1, 2, 3, 4]);
        assert_eq!(kit.stages[0].probes, [1, 3]);
        assert_eq!(kit.stages[1].probes, [4]);
        assert_eq!(kit.stages[2].probes, [2]);
        assert_eq!(kit.capabilities[0].anchors.len(), 4);
        assert_eq!(kit.capabilities[0].anchors[3].label, "Strong evidence");
        assert!(
            kit.capabilities[0].anchors[2]
                .text
                .starts_with("Applied ML work")
        );
    }

    #[test]
    fn a_written_loop_maps_its_probes_to_its_capabilities() {
        let (config, content) = built(
            "interview_loop:\n  - stage: Exercise\n    interviewer: Two engineers\n    capabilities: [applied-ml]\n    probes: [Walk us through a model you put into production.]\n  - stage: Governance chat\n    capabilities: [security-compliance]\n    probes: [Who reviewed your training data?]\n",
        );
        let role = content.role("ml").expect("brief");
        let kit = kit(&config, role, &posting(&config, role));
        assert!(!kit.default_loop);
        assert_eq!(kit.stages.len(), 2);
        assert_eq!(kit.stages[0].probes, [1]);
        // A stage's own probe is numbered after the brief's.
        assert_eq!(kit.stages[1].probes, [5]);
        assert_eq!(kit.stages[1].interviewer, "The hiring manager (Head of AI)");
        let keys: Vec<(&str, &str)> = kit.capabilities.iter().map(|c| (c.key, c.weight)).collect();
        assert_eq!(
            keys,
            [
                ("applied-ml", "primary"),
                ("data-engineering", "secondary"),
                ("platform-mlops", "secondary"),
                ("security-compliance", "assessed")
            ]
        );
        assert_eq!(kit.capabilities[0].probes[0].number, 1);
        assert_eq!(
            kit.capabilities[3].probes[0].text,
            "Who reviewed your training data?"
        );
        assert_eq!(kit.capabilities[3].stages, [2]);
    }

    #[test]
    fn leaders_get_a_case_a_panel_and_references() {
        for archetype in ["manager", "executive-operator"] {
            assert_eq!(
                default_stage_names(archetype),
                [
                    "Hiring-manager screen",
                    "Strategy and outcome case",
                    "Stakeholder panel",
                    "References"
                ]
            );
        }
        assert_eq!(default_stage_names("architect")[1], "System design");
        assert_eq!(default_stage_names("a-site-of-its-own")[0], "Screen");
    }
}
