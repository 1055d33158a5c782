//! `gen schema`: the JSON Schema (draft 2020-12) of a role brief's front matter, generated
//! from the Rust type that parses it, with the site's archetypes, capabilities and lint ids
//! as enums so editors can complete and check them.

use serde_json::{Value, json};

use crate::config::Config;
use crate::content::role::RoleFront;

/// File name `gen init` writes the schema to, at the site root.
pub const SCHEMA_FILE: &str = "role.schema.json";

pub fn role_schema(config: &Config) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(RoleFront)).unwrap_or(Value::Null);
    let archetypes: Vec<&str> = config.archetype_keys().collect();
    let capabilities: Vec<&str> = config.capability_keys().collect();
    let lints: Vec<&str> = crate::playbook::lints::lint_ids().collect();
    if let Some(properties) = schema.get_mut("properties") {
        properties["archetype"]["enum"] = json!(archetypes);
        properties["allow"]["items"]["enum"] = json!(lints);
    }
    if let Some(capability_lists) = schema.pointer_mut("/$defs/Capabilities/properties") {
        for list in ["primary", "secondary"] {
            capability_lists[list]["items"]["enum"] = json!(capabilities);
            capability_lists[list]["uniqueItems"] = json!(true);
        }
    }
    schema["description"] = json!(format!(
        "Front matter of a role brief in {} (content/roles/<slug>.md), as `gen` reads it.",
        config.title
    ));
    schema
}

pub fn role_schema_text(config: &Config) -> String {
    let mut text = serde_json::to_string_pretty(&role_schema(config)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config;

    #[test]
    fn the_schema_is_draft_2020_12_with_site_enums_and_descriptions() {
        let schema = role_schema(&config());
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["additionalProperties"], false);
        let required: Vec<&str> = schema["required"]
            .as_array()
            .expect("required")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for key in [
            "title",
            "archetype",
            "summary",
            "outcome",
            "decisions",
            "success",
        ] {
            assert!(required.contains(&key), "{key} required");
        }
        assert_eq!(
            schema["properties"]["archetype"]["enum"][0],
            "executive-operator"
        );
        assert!(
            schema
                .pointer("/$defs/Capabilities/properties/primary/items/enum")
                .is_some_and(|e| e.as_array().is_some_and(|a| a.len() == 9))
        );
        for (key, property) in schema["properties"].as_object().expect("properties") {
            assert!(
                property.get("description").is_some(),
                "{key} has a description"
            );
        }
    }
}
