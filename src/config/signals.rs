//! The words the lints that judge a brief's text read, as `site.yaml` can set them: the
//! technologies with the year each became public (`technologies:`, for
//! `impossible-experience`) and the title words that contradict an archetype
//! (`title_signals:`, for `title-archetype`). Each has a built-in default, used when
//! `site.yaml` leaves the section out.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A technology and the year it was first public: nobody can have more years with it than
/// the years since.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    pub name: String,
    /// Other ways briefs write it ("LLMs", "large language models").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The year of its first public release.
    pub released: i32,
}

impl Technology {
    /// The name, then the aliases.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The words of a title that contradict one archetype.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleSignals {
    /// Contradict the archetype wherever they stand in the title ("Director", "Hands-on").
    #[serde(default)]
    pub words: Vec<String>,
    /// Contradict it only as the title's role noun, the word the title names the job by
    /// ("ML Team Lead", "Lead, AI Platform"), not as a level in front of another role noun
    /// ("Lead GenAI Engineer" is a senior engineer who builds).
    #[serde(default)]
    pub role_words: Vec<String>,
    /// Phrases that clear a role word ("Tech Lead": the engineer who leads the build).
    #[serde(default)]
    pub except: Vec<String>,
}

/// (name, aliases, released): the built-in technology table. Years are those of the first
/// public release, the earliest anyone could have started.
const TECHNOLOGIES: &[(&str, &[&str], i32)] = &[
    ("ChatGPT", &[], 2022),
    ("GPT-4", &["GPT4", "GPT-4o"], 2023),
    ("GPT-3", &["GPT3"], 2020),
    ("LangChain", &[], 2022),
    ("LangGraph", &[], 2024),
    ("LlamaIndex", &["GPT Index"], 2022),
    ("Llama", &["LLaMA"], 2023),
    ("Claude", &[], 2023),
    ("Gemini", &[], 2023),
    ("DSPy", &[], 2023),
    ("vLLM", &[], 2023),
    ("Model Context Protocol", &[], 2024),
    (
        "retrieval-augmented generation",
        &["RAG", "retrieval augmented generation"],
        2020,
    ),
    ("prompt engineering", &["prompt design"], 2020),
    (
        "LLMs",
        &["LLM", "large language models", "large language model"],
        2018,
    ),
    (
        "transformers",
        &["transformer models", "transformer architecture"],
        2017,
    ),
    (
        "Hugging Face Transformers",
        &["Hugging Face", "HuggingFace"],
        2018,
    ),
    ("BERT", &[], 2018),
    (
        "vector databases",
        &[
            "vector database",
            "vector DBs",
            "vector DB",
            "vector stores",
            "vector store",
        ],
        2019,
    ),
    ("pgvector", &[], 2021),
    ("Pinecone", &[], 2021),
    ("Kubernetes", &["K8s"], 2014),
    ("Kubeflow", &[], 2018),
    ("MLflow", &[], 2018),
    ("dbt", &[], 2016),
    ("Databricks", &[], 2013),
    ("Snowflake", &[], 2014),
    ("PyTorch", &[], 2016),
    ("TensorFlow", &[], 2015),
    ("Terraform", &[], 2014),
];

pub fn default_technologies() -> Vec<Technology> {
    TECHNOLOGIES
        .iter()
        .map(|(name, aliases, released)| Technology {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            released: *released,
        })
        .collect()
}

/// The built-in title signals, built once.
pub fn built_in_title_signals() -> &'static BTreeMap<String, TitleSignals> {
    static SIGNALS: std::sync::OnceLock<BTreeMap<String, TitleSignals>> =
        std::sync::OnceLock::new();
    SIGNALS.get_or_init(default_title_signals)
}

pub fn default_title_signals() -> BTreeMap<String, TitleSignals> {
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
    BTreeMap::from([
        (
            "builder".to_string(),
            TitleSignals {
                words: words(&[
                    "Head",
                    "VP",
                    "SVP",
                    "EVP",
                    "Vice President",
                    "Director",
                    "Chief",
                ]),
                role_words: words(&["Lead", "Manager"]),
                except: words(&["Tech Lead", "Technical Lead"]),
            },
        ),
        (
            "executive-operator".to_string(),
            TitleSignals {
                words: words(&["Engineer", "Developer", "Hands-on"]),
                role_words: Vec::new(),
                except: Vec::new(),
            },
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_site_yaml_states_the_built_in_tables() {
        let config = crate::config::Config::parse(
            include_str!("../../site.yaml"),
            std::path::Path::new("site.yaml"),
        )
        .expect("valid site.yaml");
        assert_eq!(config.technologies, default_technologies());
        assert_eq!(config.title_signals, Some(default_title_signals()));
    }
}

#[cfg(test)]
mod validation_tests {
    use crate::config::Config;
    use std::path::Path;

    const MINIMAL: &str = "title: T\ncapabilities:\n  - {key: a, name: A, description: d}\narchetypes:\n  - {key: builder, name: Builder, description: d}\n  - {key: lead, name: Lead, description: d}\n";

    #[test]
    fn title_signals_name_archetypes_of_the_site() {
        let text = format!("{MINIMAL}title_signals:\n  bulder:\n    words: [Head]\n");
        let err = Config::parse(&text, Path::new("site.yaml")).expect_err("unknown archetype");
        assert_eq!(err.message, "unknown archetype `bulder` in `title_signals`");
        assert_eq!(err.help.as_deref(), Some("did you mean `builder`?"));
        assert_eq!(err.position.line, 8);
    }

    #[test]
    fn the_built_in_signals_apply_to_the_archetypes_a_site_has() {
        // No executive-operator here: the built-in signals for it are not an error.
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert!(config.title_signals("builder").is_some());
        assert!(config.title_signals("lead").is_none());
        let text = format!("{MINIMAL}title_signals:\n  lead:\n    words: [Engineer]\n");
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert!(
            config.title_signals("builder").is_none(),
            "the site's own table replaces the built-in one"
        );
        assert_eq!(
            config.title_signals("lead").map(|s| s.words.clone()),
            Some(vec!["Engineer".to_string()])
        );
    }

    #[test]
    fn technologies_default_and_parse() {
        let config = Config::parse(MINIMAL, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.technologies, super::default_technologies());
        let text = format!(
            "{MINIMAL}technologies:\n  - {{name: Acme Agents, aliases: [AA], released: 2025}}\n"
        );
        let config = Config::parse(&text, Path::new("site.yaml")).expect("valid");
        assert_eq!(config.technologies.len(), 1);
        assert_eq!(config.technologies[0].released, 2025);
    }
}
