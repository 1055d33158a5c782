//! The vocabulary the lints that judge a brief's wording read, beyond capabilities and
//! archetypes: the words naming each area of work (`bundled-role`), the groups of competing
//! vendors (`tool-soup`), the interfaces a brief states (`missing-interface`), and which
//! capability and archetype stand for governance and for builders (`late-governance`,
//! `no-governance-owner`). Each has a built-in default, so a site.yaml without these
//! sections keeps working.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Config;
use crate::diagnostic::{Diagnostic, Position, did_you_mean};

/// An area of work that is not a capability of the vocabulary (site.yaml `areas:`), such
/// as vendor selection or hiring: a brief whose decisions span too many areas is bundled.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub key: String,
    pub name: String,
    /// Words and phrases that show the area in a decision, summary or responsibility.
    pub keywords: Vec<String>,
}

pub fn default_areas() -> Vec<Area> {
    let area = |key: &str, name: &str, keywords: &[&str]| Area {
        key: key.to_string(),
        name: name.to_string(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
    };
    vec![
        area("vendor-selection", "Vendor selection", VENDOR_SELECTION),
        area("hiring", "Hiring", HIRING),
    ]
}

const VENDOR_SELECTION: &[&str] = &[
    "vendor",
    "vendor selection",
    "vendor management",
    "procurement",
    "build vs buy",
    "build vs. buy",
    "build versus buy",
    "build or buy",
    "build, buy",
    "partner selection",
    "technology partners",
    "rfp",
    "supplier",
    "llm provider",
    "model provider",
];

const HIRING: &[&str] = &[
    "hire",
    "hiring",
    "hired",
    "recruit",
    "recruiting",
    "recruitment",
    "build the team",
    "build a team",
    "building the team",
    "building a team",
    "grow the team",
    "headcount",
    "talent",
    "team structure",
];

/// The built-in keywords of the shipped capability keys, for a site.yaml whose capabilities
/// list none (the shipped site.yaml spells the same lists out, so they can be edited).
pub fn default_keywords(capability: &str) -> Option<&'static [&'static str]> {
    Some(match capability {
        "leadership" => &[
            "strategy",
            "strategic",
            "ai agenda",
            "priorities",
            "prioritisation",
            "prioritization",
            "budget",
            "portfolio",
            "operating model",
            "vision",
            "transformation",
        ],
        "architecture" => &[
            "architecture",
            "architect",
            "architectural",
            "system design",
            "solution design",
            "reference design",
            "integration pattern",
            "technical direction",
            "tech stack",
            "technology stack",
            "design decision",
        ],
        "applied-ml" => &[
            "machine learning",
            "ml model",
            "model development",
            "modeling",
            "modelling",
            "train",
            "training data",
            "fine-tune",
            "fine-tuning",
            "retraining",
            "deep learning",
            "computer vision",
            "nlp",
            "data science",
            "hands-on development",
        ],
        "prompt-eval" => &[
            "prompt",
            "eval",
            "evaluation",
            "guardrail",
            "red-teaming",
            "hallucination",
            "golden set",
        ],
        "data-engineering" => &[
            "pipeline",
            "etl",
            "elt",
            "data quality",
            "data warehouse",
            "lakehouse",
            "ingestion",
            "lineage",
            "data platform",
            "data engineering",
        ],
        "platform-mlops" => &[
            "mlops",
            "llmops",
            "deployment",
            "ci/cd",
            "monitoring",
            "observability",
            "on-call",
            "rollback",
            "model serving",
            "infrastructure",
            "platform",
            "uptime",
            "runbook",
        ],
        "security-compliance" => &[
            "governance",
            "compliance",
            "risk",
            "security",
            "privacy",
            "audit",
            "regulatory",
            "regulation",
            "responsible ai",
            "ethics",
            "ai act",
            "gdpr",
            "data protection",
        ],
        "product" => &[
            "product",
            "roadmap",
            "user research",
            "acceptance criteria",
            "launch scope",
            "backlog",
            "business case",
            "product requirements",
        ],
        "change-management" => &[
            "change management",
            "adoption",
            "adopt",
            "enablement",
            "upskilling",
            "workflow change",
            "culture",
            "ai literacy",
            "training programme",
            "training program",
            "communications",
        ],
        _ => return None,
    })
}

/// `governance:` in site.yaml: which capability makes a brief the governance owner, and
/// which archetype builds systems (the roles governance must come before).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// A capability key: a brief holding it as primary owns governance.
    #[serde(default = "default_governance_capability")]
    pub capability: String,
    /// An archetype key: briefs of this archetype build and ship systems.
    #[serde(default = "default_builder_archetype")]
    pub builder_archetype: String,
}

fn default_governance_capability() -> String {
    "security-compliance".to_string()
}

fn default_builder_archetype() -> String {
    "builder".to_string()
}

impl Default for Governance {
    fn default() -> Self {
        Governance {
            capability: default_governance_capability(),
            builder_archetype: default_builder_archetype(),
        }
    }
}

/// `interfaces:` in site.yaml: the teams a brief states its fit with. `required` ones are
/// checked by `missing-interface`; `optional` ones may be stated; any other is an error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterfaceVocabulary {
    #[serde(default = "default_required_interfaces")]
    pub required: Vec<String>,
    #[serde(default = "default_optional_interfaces")]
    pub optional: Vec<String>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn default_required_interfaces() -> Vec<String> {
    strings(&["product", "data", "security", "it"])
}

fn default_optional_interfaces() -> Vec<String> {
    strings(&["operations", "hr", "legal", "finance"])
}

impl Default for InterfaceVocabulary {
    fn default() -> Self {
        InterfaceVocabulary {
            required: default_required_interfaces(),
            optional: default_optional_interfaces(),
        }
    }
}

impl InterfaceVocabulary {
    /// Every interface a brief may state: the required ones, then the optional ones.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.required
            .iter()
            .chain(&self.optional)
            .map(String::as_str)
    }

    pub fn is_known(&self, key: &str) -> bool {
        self.keys().any(|k| k == key)
    }

    /// How the site shows an interface: "IT" and "HR" as acronyms, others capitalized.
    pub fn label(key: &str) -> String {
        match key {
            "it" | "hr" => key.to_uppercase(),
            _ => {
                let words = key.replace('-', " ");
                let mut chars = words.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        }
    }
}

/// Vendors that compete for the same job (site.yaml `vendor_groups:`): a brief listing
/// several of one group as requirements is asking for every one of them.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VendorGroup {
    /// What the vendors are, in the plural: "clouds", "LLM providers".
    pub name: String,
    pub vendors: Vec<String>,
}

pub fn default_vendor_groups() -> Vec<VendorGroup> {
    let group = |name: &str, vendors: &[&str]| VendorGroup {
        name: name.to_string(),
        vendors: strings(vendors),
    };
    vec![
        group(
            "clouds",
            &[
                "AWS",
                "Amazon Web Services",
                "Azure",
                "Microsoft Azure",
                "GCP",
                "Google Cloud",
                "Google Cloud Platform",
                "Oracle Cloud",
                "IBM Cloud",
                "Alibaba Cloud",
            ],
        ),
        group(
            "LLM providers",
            &[
                "OpenAI",
                "Anthropic",
                "Google",
                "Gemini",
                "Mistral",
                "Cohere",
                "Meta Llama",
                "AI21",
                "xAI",
            ],
        ),
        group(
            "vector databases",
            &[
                "Pinecone", "Weaviate", "Qdrant", "Milvus", "Chroma", "pgvector", "Vespa",
            ],
        ),
        group(
            "LLM orchestration frameworks",
            &[
                "LangChain",
                "LangGraph",
                "LlamaIndex",
                "Haystack",
                "Semantic Kernel",
                "DSPy",
                "CrewAI",
                "AutoGen",
            ],
        ),
        group(
            "deep learning frameworks",
            &["PyTorch", "TensorFlow", "JAX", "MXNet"],
        ),
        group(
            "data platforms",
            &[
                "Snowflake",
                "Databricks",
                "BigQuery",
                "Redshift",
                "Synapse",
                "Microsoft Fabric",
            ],
        ),
        group(
            "experiment trackers",
            &["MLflow", "Weights & Biases", "Neptune", "Comet"],
        ),
    ]
}

impl Config {
    /// The sections of this file must name keys the rest of site.yaml defines.
    pub(super) fn validate_vocabulary(
        &self,
        file: &Path,
        source: &Arc<str>,
    ) -> Result<(), Box<Diagnostic>> {
        let fail = |section: &str, needle: &str, message: String, help: String| {
            Box::new(
                Diagnostic::new(
                    file,
                    Position::new(line_in(source, section, needle), 1),
                    message,
                )
                .with_help(help)
                .with_source(source.clone()),
            )
        };
        let capabilities: Vec<&str> = self.capability_keys().collect();
        let archetypes: Vec<&str> = self.archetype_keys().collect();
        // Only a written section is checked: the defaults may name keys a site's own
        // vocabulary does not have, and then the governance lints find nothing to judge.
        let written = self.governance.iter().flat_map(|g| {
            [
                ("capability", &g.capability, &capabilities, "capabilities"),
                (
                    "builder_archetype",
                    &g.builder_archetype,
                    &archetypes,
                    "archetypes",
                ),
            ]
        });
        for (key, value, known, what) in written {
            if !known.contains(&value.as_str()) {
                return Err(fail(
                    "governance",
                    &format!("{key}:"),
                    format!("`governance.{key}` is `{value}`, which is not a key of `{what}`"),
                    suggestion(value, known),
                ));
            }
        }
        let mut seen = BTreeSet::new();
        for key in self.interfaces.keys() {
            if !crate::slug::is_valid_slug(key) {
                return Err(fail(
                    "interfaces",
                    key,
                    format!("`{key}` in `interfaces` is not a valid interface name"),
                    "use lowercase letters, digits and hyphens, e.g. `operations`".into(),
                ));
            }
            if !seen.insert(key) {
                return Err(fail(
                    "interfaces",
                    key,
                    format!("`{key}` appears twice in `interfaces`"),
                    "list each interface once, under `required` or `optional`".into(),
                ));
            }
        }
        let mut seen: BTreeSet<&str> = capabilities.iter().copied().collect();
        for area in &self.areas {
            if !crate::slug::is_valid_slug(&area.key) {
                return Err(fail(
                    "areas",
                    &area.key,
                    format!("`{}` in `areas` is not a valid key", area.key),
                    "use lowercase letters, digits and hyphens".into(),
                ));
            }
            if !seen.insert(&area.key) {
                return Err(fail(
                    "areas",
                    &area.key,
                    format!(
                        "`{}` in `areas` is already a capability or an area",
                        area.key
                    ),
                    "each key may appear once across `capabilities` and `areas`".into(),
                ));
            }
        }
        for group in &self.vendor_groups {
            if group.vendors.iter().any(|v| words(v).is_empty()) {
                return Err(fail(
                    "vendor_groups",
                    &group.name,
                    format!("a vendor of `{}` in `vendor_groups` is empty", group.name),
                    "name each vendor as job ads spell it, e.g. `AWS`".into(),
                ));
            }
        }
        Ok(())
    }
}

fn suggestion(value: &str, known: &[&str]) -> String {
    match did_you_mean(value, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("expected one of: {}", known.join(", ")),
    }
}

/// The line of the first line after `section:` that contains `needle`, else of `section:`.
fn line_in(source: &str, section: &str, needle: &str) -> usize {
    let lines: Vec<&str> = source.lines().collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.starts_with(&format!("{section}:")))
    else {
        return 1;
    };
    lines[start..]
        .iter()
        .position(|l| l.contains(needle))
        .map_or(start + 1, |i| start + i + 1)
}

/// The words of `text` as the judging lints compare them: lowercase, split on anything but
/// letters, digits and the joiners inside names (`ci/cd`, `on-call`, `c++`), with a plural
/// `s` dropped so "vendors" finds "vendor".
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || "-/+.'&".contains(c)))
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '+')))
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.to_lowercase()))
        .collect()
}

fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') && !word.contains('\'') => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

/// A capability or area, with the words that name it.
#[derive(Debug, Clone)]
pub struct WorkArea {
    pub key: String,
    pub name: String,
}

/// Every area of work (the capabilities, then `areas:`) and an index of their keywords by
/// first word, built once per site: the judging lints look each word of a brief up once.
#[derive(Debug, Clone, Default)]
pub struct AreaIndex {
    pub areas: Vec<WorkArea>,
    by_first_word: HashMap<String, Vec<Keyword>>,
}

#[derive(Debug, Clone)]
struct Keyword {
    area: usize,
    words: Vec<String>,
    text: String,
}

/// A keyword found in a text: the area it names, the keyword, and how many words it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a> {
    pub area: usize,
    pub keyword: &'a str,
    pub len: usize,
}

impl AreaIndex {
    pub fn new(config: &Config) -> AreaIndex {
        let mut index = AreaIndex::default();
        for capability in &config.capabilities {
            let keywords: Vec<String> =
                match (&capability.keywords, default_keywords(&capability.key)) {
                    (Some(own), _) => own.clone(),
                    (None, Some(built_in)) => strings(built_in),
                    // A capability of the site's own, with no keywords: its name is the phrase.
                    (None, None) => vec![capability.name.clone()],
                };
            index.add(&capability.key, &capability.name, &keywords);
        }
        for area in &config.areas {
            index.add(&area.key, &area.name, &area.keywords);
        }
        index
    }

    fn add(&mut self, key: &str, name: &str, keywords: &[String]) {
        let area = self.areas.len();
        self.areas.push(WorkArea {
            key: key.to_string(),
            name: name.to_string(),
        });
        for keyword in keywords {
            let words = words(keyword);
            let Some(first) = words.first() else {
                continue;
            };
            self.by_first_word
                .entry(first.clone())
                .or_default()
                .push(Keyword {
                    area,
                    words,
                    text: keyword.clone(),
                });
        }
    }

    /// The longest keyword starting at word `at` of `text` (from `words`).
    pub fn keyword_at(&self, text: &[String], at: usize) -> Option<Found<'_>> {
        self.by_first_word
            .get(&text[at])?
            .iter()
            .filter(|k| text[at..].starts_with(&k.words))
            .max_by_key(|k| k.words.len())
            .map(|k| Found {
                area: k.area,
                keyword: &k.text,
                len: k.words.len(),
            })
    }
}

/// The vendors of every group, by their words, for finding them in a tool list.
#[derive(Debug, Clone, Default)]
pub struct VendorIndex {
    /// Each vendor: its group (an index into `vendor_groups`), its name and its words.
    vendors: Vec<(usize, String, Vec<String>)>,
}

impl VendorIndex {
    pub fn new(config: &Config) -> VendorIndex {
        let vendors = config
            .vendor_groups
            .iter()
            .enumerate()
            .flat_map(|(group, g)| g.vendors.iter().map(move |v| (group, v.clone(), words(v))))
            .filter(|(_, _, words)| !words.is_empty())
            .collect();
        VendorIndex { vendors }
    }

    /// The first vendor named in `text` (from `words`), the longest where names overlap
    /// ("Google Cloud" before "Google"): its group and name.
    pub fn first_vendor(&self, text: &[String]) -> Option<(usize, &str)> {
        (0..text.len()).find_map(|at| {
            self.vendors
                .iter()
                .filter(|(_, _, words)| text[at..].starts_with(words))
                .max_by_key(|(_, _, words)| words.len())
                .map(|(group, name, _)| (*group, name.as_str()))
        })
    }

    /// Vendor names that hold a joiner ("Weights & Biases"): a tool list is not split
    /// inside them.
    pub fn joined_names(&self) -> impl Iterator<Item = &str> {
        self.vendors
            .iter()
            .map(|(_, name, _)| name.as_str())
            .filter(|name| {
                [",", "/", " and ", " & ", " or "]
                    .iter()
                    .any(|j| name.contains(j))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: T\ncapabilities:\n  - {key: security-compliance, name: Security, description: d}\n  - {key: product, name: Product, description: d}\narchetypes:\n  - {key: builder, name: Builder, description: d}\n";

    fn parse(extra: &str) -> Result<Config, Box<Diagnostic>> {
        Config::parse(&format!("{MINIMAL}{extra}"), Path::new("site.yaml"))
    }

    #[test]
    fn sections_left_out_take_the_defaults() {
        let config = parse("").expect("valid");
        assert_eq!(config.governance().capability, "security-compliance");
        assert_eq!(config.governance().builder_archetype, "builder");
        let interfaces: Vec<&str> = config.interfaces.keys().collect();
        assert_eq!(
            interfaces,
            [
                "product",
                "data",
                "security",
                "it",
                "operations",
                "hr",
                "legal",
                "finance"
            ]
        );
        let areas: Vec<&str> = config.areas.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(areas, ["vendor-selection", "hiring"]);
        assert!(config.vendor_groups.iter().any(|g| g.name == "clouds"));
        // A vocabulary without the default governance key still loads.
        let own = Config::parse(
            "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: maker, name: M, description: d}\n",
            Path::new("site.yaml"),
        );
        assert!(own.is_ok(), "{own:?}");
    }

    #[test]
    fn written_sections_are_checked_against_the_vocabulary() {
        let cases = [
            (
                "governance:\n  capability: security-complience\n",
                "`governance.capability` is `security-complience`, which is not a key of `capabilities`",
                "did you mean `security-compliance`?",
                8,
            ),
            (
                "governance:\n  builder_archetype: bilder\n",
                "`governance.builder_archetype` is `bilder`, which is not a key of `archetypes`",
                "did you mean `builder`?",
                8,
            ),
            (
                "interfaces:\n  required: [product, it]\n  optional: [it]\n",
                "`it` appears twice in `interfaces`",
                "list each interface once, under `required` or `optional`",
                8,
            ),
            (
                "areas:\n  - {key: product, name: P, keywords: [roadmap]}\n",
                "`product` in `areas` is already a capability or an area",
                "each key may appear once across `capabilities` and `areas`",
                8,
            ),
        ];
        for (extra, message, help, line) in cases {
            let err = parse(extra).expect_err(extra);
            assert_eq!(err.message, message);
            assert_eq!(err.help.as_deref(), Some(help));
            assert_eq!(err.position.line, line, "{extra}");
        }
    }

    #[test]
    fn capabilities_without_keywords_use_the_built_in_list_or_their_name() {
        let config = Config::parse(
            "title: T\ncapabilities:\n  - {key: product, name: Product, description: d}\n  - {key: customer-ops, name: Customer Operations, description: d}\n  - {key: legal, name: Legal, description: d, keywords: []}\narchetypes:\n  - {key: builder, name: Builder, description: d}\nareas: []\n",
            Path::new("site.yaml"),
        )
        .expect("valid");
        let index = config.area_index();
        let area_at = |text: &str| {
            let text = words(text);
            index
                .keyword_at(&text, 0)
                .map(|f| index.areas[f.area].key.as_str())
        };
        assert_eq!(area_at("roadmap"), Some("product"));
        assert_eq!(area_at("customer operations"), Some("customer-ops"));
        assert_eq!(area_at("legal"), None, "an empty list turns detection off");
        assert_eq!(area_at("hiring"), None, "`areas: []` has no areas");
    }

    #[test]
    fn words_are_lowercase_singular_and_keep_joined_names() {
        assert_eq!(
            words("Owns CI/CD, on-call and the vendors' RFPs (C++)."),
            [
                "own", "ci/cd", "on-call", "and", "the", "vendor", "rfp", "c++"
            ]
        );
        // Both sides of a comparison go through `words`, so "status" meets "statu" only
        // as itself; a double `s` is no plural.
        assert_eq!(words("process status ops"), ["process", "statu", "ops"]);
    }

    /// The shipped site.yaml spells the built-in lists out for editing: they must agree.
    #[test]
    fn the_shipped_site_yaml_states_the_built_in_defaults() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/site.yaml"))
            .expect("site.yaml");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        for capability in &config.capabilities {
            let built_in = default_keywords(&capability.key).map(strings);
            assert_eq!(capability.keywords, built_in, "{}", capability.key);
        }
        let pairs = |areas: &[Area]| -> Vec<(String, Vec<String>)> {
            areas
                .iter()
                .map(|a| (a.key.clone(), a.keywords.clone()))
                .collect()
        };
        assert_eq!(pairs(&config.areas), pairs(&default_areas()));
        let groups = |groups: &[VendorGroup]| -> Vec<(String, Vec<String>)> {
            groups
                .iter()
                .map(|g| (g.name.clone(), g.vendors.clone()))
                .collect()
        };
        assert_eq!(
            groups(&config.vendor_groups),
            groups(&default_vendor_groups())
        );
        let defaults = Governance::default();
        let written = config.governance.as_ref().expect("written");
        assert_eq!(
            (&written.capability, &written.builder_archetype),
            (&defaults.capability, &defaults.builder_archetype)
        );
        let interfaces = InterfaceVocabulary::default();
        assert_eq!(
            (&config.interfaces.required, &config.interfaces.optional),
            (&interfaces.required, &interfaces.optional)
        );
    }

    #[test]
    fn interface_labels() {
        let labels: Vec<String> = ["it", "hr", "product", "customer-support"]
            .into_iter()
            .map(InterfaceVocabulary::label)
            .collect();
        assert_eq!(labels, ["IT", "HR", "Product", "Customer support"]);
    }
}
