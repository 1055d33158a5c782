//! `gen schema`: the JSON Schema (draft 2020-12) of a role brief's front matter, generated
//! from the Rust type that parses it, with the site's archetypes, capabilities and lint ids
//! as enums so editors can complete and check them.

use serde_json::{Value, json};

use crate::config::Config;
use crate::config::vocabulary::InterfaceVocabulary;
use crate::content::role::{REQUIRED, WrittenFront};

/// File name `gen init` writes the schema to, at the site root.
pub const SCHEMA_FILE: &str = "role.schema.json";

pub fn role_schema(config: &Config) -> Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(WrittenFront)).unwrap_or(Value::Null);
    let archetypes: Vec<&str> = config.archetype_keys().collect();
    let capabilities: Vec<&str> = config.capability_keys().collect();
    // A brief can waive any lint but those that would defeat themselves.
    let waivable: Vec<&str> = crate::playbook::lints::lint_ids()
        .filter(|id| !crate::config::lints::UNWAIVABLE.contains(id))
        .collect();
    if let Some(properties) = schema.get_mut("properties") {
        properties["archetype"]["enum"] = json!(archetypes);
        let levels: Vec<&str> = config.level_keys().collect();
        if !levels.is_empty() {
            properties["level"]["enum"] = json!(levels);
        }
        properties["headcount"]["minimum"] = json!(1);
    }
    // `allow:` is a map of lint id to the reason, or a list of lint ids.
    for pointer in [
        "/$defs/Allow/anyOf/0/propertyNames",
        "/$defs/Allow/anyOf/1/items",
    ] {
        if let Some(ids) = schema.pointer_mut(pointer) {
            ids["enum"] = json!(waivable);
        }
    }
    // A brief that `extends` another may leave out what it inherits; `key+` needs a parent
    // and cannot sit beside its plain twin.
    schema["if"] = json!({"not": {"required": ["extends"]}});
    schema["then"] = json!({"required": REQUIRED});
    let appends: Vec<&str> = schema["properties"]
        .as_object()
        .map(|p| {
            p.keys()
                .filter(|k| k.ends_with('+'))
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default();
    let needs_extends: serde_json::Map<String, Value> = appends
        .iter()
        .map(|k| (k.to_string(), json!(["extends"])))
        .collect();
    let not_both: Vec<Value> = appends
        .iter()
        .map(|k| json!({"not": {"required": [k.trim_end_matches('+'), k]}}))
        .collect();
    schema["dependentRequired"] = Value::Object(needs_extends);
    schema["allOf"] = json!(not_both);
    if let Some(capability_lists) = schema.pointer_mut("/$defs/Capabilities/properties") {
        for list in ["primary", "secondary"] {
            capability_lists[list]["items"]["enum"] = json!(capabilities);
            capability_lists[list]["uniqueItems"] = json!(true);
        }
    }
    if let Some(stage) = schema.pointer_mut("/$defs/InterviewStage/properties/capabilities") {
        stage["items"]["enum"] = json!(capabilities);
        stage["uniqueItems"] = json!(true);
    }
    if let Some(covered) = schema.pointer_mut("/$defs/Cover/properties/capabilities") {
        covered["items"]["enum"] = json!(capabilities);
        covered["uniqueItems"] = json!(true);
    }
    // Handover facts describe a system the hire extends and owns.
    schema["dependentSchemas"] = json!({
        "handover": {"properties": {"starting_point": {"const": "extend-and-own"}}, "required": ["starting_point"]}
    });
    if let Some(interfaces) = schema.pointer_mut("/$defs/Interfaces") {
        *interfaces = interfaces_schema(config);
    }
    schema["description"] = json!(format!(
        "Front matter of a role brief in {} (content/roles/<slug>.md), as `gen` reads it.",
        config.title
    ));
    schema
}

/// `interfaces` as site.yaml names them: each a sentence, any other name rejected.
fn interfaces_schema(config: &Config) -> Value {
    let vocabulary = &config.interfaces;
    let properties: serde_json::Map<String, Value> = vocabulary
        .keys()
        .map(|key| {
            let required = vocabulary.required.iter().any(|r| r == key);
            let description = format!(
                "How the role works with {}{}",
                InterfaceVocabulary::label(key),
                if required {
                    " (every brief should say: `missing-interface`)"
                } else {
                    ""
                }
            );
            (
                key.to_string(),
                json!({"type": ["string", "null"], "description": description}),
            )
        })
        .collect();
    json!({
        "type": "object",
        "description": "How the role works with each team: interface name (site.yaml `interfaces`) to one sentence.",
        "properties": properties,
        "additionalProperties": false
    })
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
        assert_eq!(
            required,
            ["title"],
            "only the title is required of a derived brief"
        );
        let then: Vec<&str> = schema["then"]["required"]
            .as_array()
            .expect("then")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(
            then,
            ["archetype", "summary", "outcome", "decisions", "success"],
            "without `extends`, every required key"
        );
        assert_eq!(
            schema["dependentRequired"]["decisions+"],
            json!(["extends"])
        );
        assert_eq!(
            schema["properties"]["archetype"]["enum"][0],
            "executive-operator"
        );
        assert_eq!(
            schema["properties"]["level"]["enum"],
            json!(["professional", "senior", "lead", "head"])
        );
        assert_eq!(
            schema.pointer("/$defs/WorkModel/enum"),
            Some(&json!(["onsite", "hybrid", "remote"]))
        );
        assert_eq!(
            schema.pointer("/$defs/Pay/required"),
            Some(&json!(["min", "max", "currency"]))
        );
        assert!(
            schema
                .pointer("/$defs/Capabilities/properties/primary/items/enum")
                .is_some_and(|e| e.as_array().is_some_and(|a| a.len() == 9))
        );
        let waivers = schema
            .pointer("/$defs/Allow/anyOf")
            .expect("allow's two forms");
        let by_reason = waivers[0]["propertyNames"]["enum"].as_array().expect("ids");
        assert!(by_reason.contains(&json!("tool-soup")));
        assert!(
            !by_reason.contains(&json!("not-ready")),
            "the readiness gate cannot be waived"
        );
        assert_eq!(waivers[1]["items"]["enum"].as_array(), Some(by_reason));
        let interfaces = &schema["$defs"]["Interfaces"];
        assert_eq!(interfaces["additionalProperties"], false);
        let names: Vec<&String> = interfaces["properties"]
            .as_object()
            .expect("interface names")
            .keys()
            .collect();
        assert_eq!(
            names.len(),
            8,
            "required and optional interfaces of site.yaml: {names:?}"
        );
        for (key, property) in schema["properties"].as_object().expect("properties") {
            assert!(
                property.get("description").is_some(),
                "{key} has a description"
            );
        }
    }
}
