//! Repairs of defects whose intent is clear, made before the document is typed: each one is a
//! warning naming the exact place, where `openapiv3` would refuse the whole document naming an
//! ancestor.
//!
//! | defect | repair |
//! |---|---|
//! | no `info`, or `info` not an object | an empty `info`, then as below |
//! | `info.title` or `info.version` missing | a placeholder (`Untitled API`, `unversioned`) |
//! | `info.title` or `info.version` a number or boolean (`version: 1.0`) | its text |
//! | a non-string `description`, `summary` or `title` (a `$ref` object, a list) | `""`: prose nothing reads the structure of |
//!
//! Prose is looked for only where keys are OpenAPI's or JSON Schema's keywords, never in maps
//! whose keys are names (`properties`, `paths`, `responses`, ...), where a property called
//! `description` is a schema, nor in values that are data (`example`, `default`, `enum`,
//! extensions).

use crate::pointer::join;
use serde_json::{Map, Value};

/// One repair: where (a JSON pointer into the document as published) and what was done.
pub type Repair = (String, String);

/// Keys whose value is a map from names (not keywords) to objects.
const NAME_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "dependentSchemas",
    "paths",
    "webhooks",
    "responses",
    "content",
    "headers",
    "links",
    "callbacks",
    "encoding",
    "examples",
    "schemas",
    "parameters",
    "requestBodies",
    "securitySchemes",
    "pathItems",
    "variables",
    "mapping",
    "scopes",
];

/// Keys whose value is data, not part of the document's structure, or holds no prose (a
/// security requirement's keys are scheme names).
const DATA: &[&str] = &["example", "examples", "default", "enum", "const", "value", "security"];

/// Keys that hold prose.
const PROSE: &[&str] = &["description", "summary", "title"];

/// Repairs the document in place; returns what was repaired, in document order.
pub fn repair_document(doc: &mut Value) -> Vec<Repair> {
    let mut repairs = Vec::new();
    if let Value::Object(map) = doc {
        repair_info(map, &mut repairs);
    }
    walk_keywords(doc, "", &mut repairs);
    repairs
}

/// Whether [`repair_document`] would change anything under `value` (a path item or a schema
/// read on its own): the fast loader leaves such a document to the general one.
pub fn needed(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().any(|(key, child)| match role(key) {
            Role::Skip => false,
            Role::Prose => !child.is_string(),
            Role::Names => child.as_object().map_or_else(|| needed(child), |names| names.values().any(needed)),
            Role::Keywords => needed(child),
        }),
        Value::Array(items) => items.iter().any(needed),
        _ => false,
    }
}

/// What a key of a keyword object holds.
enum Role {
    /// Data or extensions: not walked.
    Skip,
    /// Text.
    Prose,
    /// A map from names to keyword objects (or, as `parameters` in an operation, a list).
    Names,
    /// Keyword objects, or lists of them.
    Keywords,
}

fn role(key: &str) -> Role {
    if key.starts_with("x-") || DATA.contains(&key) {
        Role::Skip
    } else if PROSE.contains(&key) {
        Role::Prose
    } else if NAME_MAPS.contains(&key) {
        Role::Names
    } else {
        Role::Keywords
    }
}

/// Whether the document's `info` needs a repair.
pub fn info_needed(doc: &Value) -> bool {
    let Some(info) = doc.get("info").and_then(Value::as_object) else {
        return true;
    };
    ["title", "version"].iter().any(|key| !info.get(*key).is_some_and(Value::is_string))
}

fn repair_info(doc: &mut Map<String, Value>, repairs: &mut Vec<Repair>) {
    if !doc.get("info").is_some_and(Value::is_object) {
        let found = describe(doc.get("info"));
        repairs.push(("/info".into(), format!("`info` is {found}, not an object; an empty one is assumed")));
        doc.insert("info".into(), Value::Object(Map::new()));
    }
    let Some(Value::Object(info)) = doc.get_mut("info") else { return };
    for (key, placeholder) in [("title", "Untitled API"), ("version", "unversioned")] {
        let pointer = join("/info", key);
        match info.get(key) {
            Some(Value::String(_)) => {}
            Some(value @ (Value::Number(_) | Value::Bool(_))) => {
                let text = value.to_string();
                repairs.push((pointer, format!("`{key}` is {text}, not a string; read as \"{text}\"")));
                info.insert(key.into(), Value::String(text));
            }
            other => {
                let found = describe(other);
                repairs.push((pointer, format!("`{key}` is {found}; \"{placeholder}\" is assumed")));
                info.insert(key.into(), Value::String(placeholder.into()));
            }
        }
    }
}

/// Walks an object whose keys are keywords (or an array of such objects).
fn walk_keywords(value: &mut Value, at: &str, repairs: &mut Vec<Repair>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let pointer = join(at, key);
                match role(key) {
                    Role::Skip => {}
                    // `title` is also a property's name inside `properties`; here it is a
                    // keyword, as only keyword objects are walked.
                    Role::Prose if !child.is_string() => {
                        repairs.push((pointer, format!("`{key}` is {}, not text; ignored", describe(Some(child)))));
                        *child = Value::String(String::new());
                    }
                    Role::Prose => {}
                    Role::Names if child.is_object() => walk_names(child, &pointer, repairs),
                    Role::Names | Role::Keywords => walk_keywords(child, &pointer, repairs),
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                walk_keywords(item, &join(at, &index.to_string()), repairs);
            }
        }
        _ => {}
    }
}

/// Walks a map whose keys are names: each value is a keyword object (a schema, a response).
fn walk_names(value: &mut Value, at: &str, repairs: &mut Vec<Repair>) {
    if let Value::Object(map) = value {
        for (name, child) in map.iter_mut() {
            walk_keywords(child, &join(at, name), repairs);
        }
    }
}

/// A value's kind in words, for a message.
fn describe(value: Option<&Value>) -> &'static str {
    match value {
        None => "missing",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(_)) => "a number",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "a list",
        Some(Value::Object(map)) if map.contains_key("$ref") => "a `$ref` object",
        Some(Value::Object(_)) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn missing_or_mistyped_info_fields_get_placeholders() {
        let mut doc = json!({"openapi": "3.0.3", "info": {"version": 1.0}, "paths": {}});
        let repairs = repair_document(&mut doc);
        assert_eq!(doc["info"], json!({"version": "1.0", "title": "Untitled API"}));
        let pointers: Vec<&str> = repairs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(pointers, ["/info/title", "/info/version"]);
        let mut doc = json!({"openapi": "3.0.3", "paths": {}});
        repair_document(&mut doc);
        assert_eq!(doc["info"], json!({"title": "Untitled API", "version": "unversioned"}));
    }

    #[test]
    fn needed_sees_what_repair_would_change() {
        let clean = json!({"get": {"summary": "s", "parameters": [{"name": "title", "description": "d"}], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"properties": {"description": {"$ref": "#/x"}}}}}}}}});
        assert!(!needed(&clean));
        let mut dirty = clean.clone();
        dirty["get"]["parameters"][0]["description"] = json!({"$ref": "#/y"});
        assert!(needed(&dirty));
        let mut repairs = Vec::new();
        walk_keywords(&mut dirty, "", &mut repairs);
        assert_eq!(repairs.len(), 1, "{repairs:?}");
    }

    #[test]
    fn prose_that_is_not_text_is_emptied_where_it_is_a_keyword_only() {
        let mut doc = json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"summary": ["x"], "responses": {"200": {"description": {"$ref": "#/x"}}}}}},
            "components": {"schemas": {"S": {"type": "object", "properties": {
                "description": {"$ref": "#/components/schemas/T"},
                "title": {"type": "string", "description": {"$ref": "#/components/schemas/T"}}
            }, "example": {"description": 5}, "x-notes": {"title": 1}}}}
        });
        let repairs = repair_document(&mut doc);
        let pointers: Vec<&str> = repairs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            pointers,
            ["/paths/~1a/get/summary", "/paths/~1a/get/responses/200/description", "/components/schemas/S/properties/title/description"]
        );
        assert_eq!(doc["components"]["schemas"]["S"]["properties"]["description"], json!({"$ref": "#/components/schemas/T"}));
        assert_eq!(doc["components"]["schemas"]["S"]["example"], json!({"description": 5}), "data is left alone");
        assert!(repairs[2].1.contains("a `$ref` object"), "{repairs:?}");
    }
}
