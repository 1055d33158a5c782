//! Tool lists as a candidate reads them. An entry names several tools when it joins them
//! ("Python, SQL and Spark" is three, "AWS/Azure/GCP" three); tools joined by "or" or a
//! slash are alternatives of one requirement, and examples ("an orchestrator such as
//! Airflow or Dagster") illustrate one. `tool-soup` counts the tools, and finds competing
//! vendors required together ("AWS, Azure and GCP"). Pure.

use crate::config::Config;
use crate::config::vocabulary::{VendorIndex, words};

/// One requirement of a tool list: the tools it names, any one of which will do, and the
/// examples it gives (not counted as tools).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Requirement {
    pub tools: Vec<String>,
    pub examples: Vec<String>,
}

/// Stands for a space or joiner inside a vendor's own name ("Weights & Biases"), so the
/// name is not split; `words` reads it as a space.
const KEEP: char = '\u{E000}';

/// The requirements of one entry of `tools`.
pub fn requirements(entry: &str, index: &VendorIndex) -> Vec<Requirement> {
    let entry = keep_names(entry, index);
    let (main, examples) = split_examples(&entry);
    let examples: Vec<String> = examples.map_or_else(Vec::new, |e| {
        alternatives(&e.replace(',', " or ").replace(" and ", " or "))
    });
    let mut found: Vec<Requirement> = all_of(&main)
        .iter()
        .map(|part| Requirement {
            tools: alternatives(part),
            examples: Vec::new(),
        })
        .filter(|r| !r.tools.is_empty())
        .collect();
    match found.last_mut() {
        Some(last) => last.examples = examples,
        // Only examples ("(Airflow, Dagster)"): they are the requirement.
        None if !examples.is_empty() => found.push(Requirement {
            tools: examples,
            examples: Vec::new(),
        }),
        None => {}
    }
    found
}

/// How many tools `entries` name.
pub fn count(entries: &[String], config: &Config) -> usize {
    let index = config.vendor_index();
    entries
        .iter()
        .flat_map(|e| requirements(e, index))
        .map(|r| r.tools.len())
        .sum()
}

/// Vendors of one group that the list requires together: each item is one requirement's
/// vendors ("Azure or GCP" when they are alternatives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competing {
    pub group: String,
    pub vendors: Vec<String>,
}

/// The groups of competing vendors (site.yaml `vendor_groups`) of which `entries` require
/// two or more together, in the order of the groups.
pub fn competing(entries: &[String], config: &Config) -> Vec<Competing> {
    let index = config.vendor_index();
    let requirements: Vec<Requirement> = entries
        .iter()
        .flat_map(|e| requirements(e, index))
        .collect();
    config
        .vendor_groups
        .iter()
        .enumerate()
        .filter_map(|(group, g)| {
            let vendors: Vec<String> = requirements
                .iter()
                .filter_map(|r| {
                    let mut named: Vec<&str> = Vec::new();
                    for tool in r.tools.iter().chain(&r.examples) {
                        if let Some((g, name)) = index.first_vendor(&words(tool))
                            && g == group
                            && !named.contains(&name)
                        {
                            named.push(name);
                        }
                    }
                    (!named.is_empty()).then(|| named.join(" or "))
                })
                .collect();
            (vendors.len() >= 2).then(|| Competing {
                group: g.name.clone(),
                vendors,
            })
        })
        .collect()
}

/// `entry` with the joiners inside vendor names (`VendorIndex::joined_names`) made inert.
fn keep_names(entry: &str, index: &VendorIndex) -> String {
    let mut entry = entry.to_string();
    for name in index.joined_names() {
        let lower = entry.to_ascii_lowercase();
        let wanted = name.to_ascii_lowercase();
        if let Some(start) = lower.find(&wanted) {
            let end = start + wanted.len();
            let kept: String = entry[start..end]
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { KEEP })
                .collect();
            entry.replace_range(start..end, &kept);
        }
    }
    entry
}

/// Words that introduce examples of a requirement rather than further requirements.
const EXAMPLE_MARKERS: &[&str] = &[
    " such as ",
    " e.g. ",
    " e.g., ",
    " for example ",
    " like ",
    " including ",
];

/// The entry without its examples, and the examples: in parentheses, or after "such as".
fn split_examples(entry: &str) -> (String, Option<String>) {
    if let Some(open) = entry.find('(') {
        let (inside, after) = entry[open + 1..]
            .split_once(')')
            .unwrap_or((&entry[open + 1..], ""));
        // Text after the parentheses is still listed ("PyTorch (2.x) and JAX").
        let main = format!("{} {}", entry[..open].trim_end(), after.trim());
        return (main.trim().to_string(), Some(inside.to_string()));
    }
    let lower = entry.to_ascii_lowercase();
    EXAMPLE_MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
        .min()
        .map_or((entry.to_string(), None), |(at, len)| {
            (entry[..at].to_string(), Some(entry[at + len..].to_string()))
        })
}

/// The parts of a list that are all required: split at commas, "and" and "&", unless the
/// list ends in "or" ("AWS, Azure or GCP"), when its commas join alternatives.
fn all_of(main: &str) -> Vec<String> {
    let either = main.contains(" or ") && !main.contains(" and ") && !main.contains(" & ");
    if either {
        return vec![main.replace(',', " or ")];
    }
    main.split(',')
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::to_string)
        .collect()
}

/// The tools of one requirement: split at "or" and at slashes between names ("AWS/GCP",
/// but not "CI/CD" or "A/B"), without fillers such as "or equivalent".
fn alternatives(part: &str) -> Vec<String> {
    part.split(" or ")
        .flat_map(split_slashes)
        .map(|t| {
            t.trim()
                .trim_matches(|c: char| c == ',' || c == ';')
                .trim()
                .to_string()
        })
        .filter(|t| !is_filler(t))
        .collect()
}

/// Split at each slash with a name of three or more letters on both sides.
fn split_slashes(text: &str) -> Vec<&str> {
    let run = |s: &str| s.chars().take_while(|c| c.is_alphanumeric()).count();
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices('/') {
        let before: String = text[..at].chars().rev().collect();
        if run(&before) >= 3 && run(&text[at + 1..]) >= 3 {
            parts.push(&text[start..at]);
            start = at + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// "equivalent", "or similar", "etc.": words that name no tool.
fn is_filler(text: &str) -> bool {
    const FILLER: &[&str] = &[
        "a",
        "an",
        "the",
        "any",
        "other",
        "another",
        "equivalent",
        "similar",
        "comparable",
        "alternative",
        "etc",
        "like",
    ];
    words(text).iter().all(|w| FILLER.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config;

    fn tools_of(entry: &str) -> Vec<Vec<String>> {
        let config = config();
        requirements(entry, config.vendor_index())
            .into_iter()
            .map(|r| r.tools)
            .collect()
    }

    #[test]
    fn entries_name_the_tools_they_join() {
        let cases: &[(&str, &[&[&str]])] = &[
            (
                "Python, SQL and Spark",
                &[&["Python"], &["SQL"], &["Spark"]],
            ),
            ("AWS/Azure/GCP", &[&["AWS", "Azure", "GCP"]]),
            ("PyTorch or TensorFlow", &[&["PyTorch", "TensorFlow"]]),
            ("AWS, Azure or GCP", &[&["AWS", "Azure", "GCP"]]),
            ("Docker & Kubernetes", &[&["Docker"], &["Kubernetes"]]),
            ("CI/CD pipelines", &[&["CI/CD pipelines"]]),
            ("A/B testing", &[&["A/B testing"]]),
            ("Terraform or equivalent", &[&["Terraform"]]),
            ("dbt or similar", &[&["dbt"]]),
            (
                "An orchestrator such as Airflow or Dagster",
                &[&["An orchestrator"]],
            ),
            (
                "A vector store (Pinecone, Weaviate or pgvector)",
                &[&["A vector store"]],
            ),
            (
                "The platform's model registry",
                &[&["The platform's model registry"]],
            ),
        ];
        for (entry, expected) in cases {
            assert_eq!(tools_of(entry), *expected, "{entry}");
        }
        assert_eq!(
            tools_of("Weights & Biases").concat().len(),
            1,
            "a vendor's own name"
        );
        let entries: Vec<String> = [
            "Python, SQL and Spark",
            "AWS/Azure/GCP",
            "Kubernetes or a managed container platform",
            "Terraform or equivalent",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(count(&entries, &config()), 3 + 3 + 2 + 1);
    }

    #[test]
    fn vendors_required_together_compete_and_alternatives_do_not() {
        let competing_in = |entries: &[&str]| -> Vec<String> {
            let entries: Vec<String> = entries.iter().map(|e| e.to_string()).collect();
            competing(&entries, &config())
                .into_iter()
                .map(|c| format!("{}: {}", c.group, c.vendors.join(", ")))
                .collect()
        };
        let flagged: &[(&[&str], &[&str])] = &[
            (&["AWS, Azure and GCP"], &["clouds: AWS, Azure, GCP"]),
            (&["AWS", "Azure", "GCP"], &["clouds: AWS, Azure, GCP"]),
            (
                &["OpenAI, Anthropic, Google and Mistral APIs"],
                &["LLM providers: OpenAI, Anthropic, Google, Mistral"],
            ),
            (
                &["Python", "PyTorch", "TensorFlow", "LangChain", "LlamaIndex"],
                &[
                    "LLM orchestration frameworks: LangChain, LlamaIndex",
                    "deep learning frameworks: PyTorch, TensorFlow",
                ],
            ),
            (&["AWS", "Azure or GCP"], &["clouds: AWS, Azure or GCP"]),
            (
                &["Snowflake and Databricks"],
                &["data platforms: Snowflake, Databricks"],
            ),
        ];
        for (entries, expected) in flagged {
            assert_eq!(competing_in(entries), *expected, "{entries:?}");
        }
        let near_misses: &[&[&str]] = &[
            // Alternatives: the candidate needs one of them.
            &["PyTorch or TensorFlow"],
            &["AWS, Azure or GCP"],
            &["AWS/Azure/GCP"],
            &["A vector store such as Pinecone or Weaviate"],
            &["A vector store (Pinecone, Weaviate or pgvector)"],
            // One of each group, as a focused brief lists them.
            &[
                "Python",
                "PyTorch",
                "AWS",
                "Snowflake",
                "LangChain",
                "Pinecone",
            ],
            &["Google Cloud", "Gemini"],
            &["Azure OpenAI"],
        ];
        for entries in near_misses {
            assert!(
                competing_in(entries).is_empty(),
                "{entries:?}: {:?}",
                competing_in(entries)
            );
        }
    }
}
