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
//! | a count (`minLength`, `maxItems`, ...) written as text (`"10"`) or as `10.0` | the integer |
//! | a bound (`minimum`, `maximum`, `multipleOf`) written as text (`"0.5"`) | the number |
//! | a flag (`nullable`, `readOnly`, `deprecated`, `explode`, ...) written as `"true"`/`"false"` | the boolean |
//! | any of those, or `pattern`/`format`, of another type (`pattern: 0`, `maxLength: -1`) | dropped: an optional keyword whose meaning is lost |
//! | `required` neither a boolean nor a list, or a list with non-names in it | dropped, or the names kept |
//! | `type` neither a name nor a list of names (an object) | dropped: the schema accepts any value |
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
const DATA: &[&str] = &[
    "example", "examples", "default", "enum", "const", "value", "security",
];

/// Keys that hold prose.
const PROSE: &[&str] = &["description", "summary", "title"];

/// What `openapiv3` accepts for a strictly typed optional keyword.
#[derive(Clone, Copy)]
enum Expect {
    /// A string.
    Text,
    /// A non-negative integer.
    Count,
    /// A number.
    Number,
    /// A boolean.
    Flag,
    /// A boolean (OpenAPI 3.0) or a number (3.1).
    FlagOrNumber,
    /// A boolean (a parameter's) or a list of property names (a schema's).
    Required,
    /// A type name, or a list of them (OpenAPI 3.1).
    TypeName,
}

/// The optional keywords `openapiv3` reads as one JSON type, refusing the whole document for
/// another.
const TYPED: &[(&str, Expect)] = &[
    ("pattern", Expect::Text),
    ("format", Expect::Text),
    ("minLength", Expect::Count),
    ("maxLength", Expect::Count),
    ("minItems", Expect::Count),
    ("maxItems", Expect::Count),
    ("minProperties", Expect::Count),
    ("maxProperties", Expect::Count),
    ("minimum", Expect::Number),
    ("maximum", Expect::Number),
    ("multipleOf", Expect::Number),
    ("exclusiveMinimum", Expect::FlagOrNumber),
    ("exclusiveMaximum", Expect::FlagOrNumber),
    ("nullable", Expect::Flag),
    ("readOnly", Expect::Flag),
    ("writeOnly", Expect::Flag),
    ("deprecated", Expect::Flag),
    ("uniqueItems", Expect::Flag),
    ("allowEmptyValue", Expect::Flag),
    ("allowReserved", Expect::Flag),
    ("explode", Expect::Flag),
    ("required", Expect::Required),
    ("type", Expect::TypeName),
];

fn expectation(key: &str) -> Option<Expect> {
    TYPED.iter().find(|(k, _)| *k == key).map(|(_, e)| *e)
}

/// Whether a keyword's value is what `openapiv3` reads.
fn well_typed(expect: Expect, value: &Value) -> bool {
    match expect {
        Expect::Text => value.is_string(),
        Expect::Count => value.is_u64(),
        Expect::Number => value.is_number(),
        Expect::Flag => value.is_boolean(),
        Expect::FlagOrNumber => value.is_boolean() || value.is_number(),
        Expect::Required => {
            value.is_boolean()
                || value
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_string))
        }
        Expect::TypeName => {
            value.is_string()
                || value
                    .as_array()
                    .is_some_and(|names| names.iter().all(Value::is_string))
        }
    }
}

/// The value a mistyped keyword clearly means, if it means one; `None` drops the keyword.
fn retyped(expect: Expect, value: &Value) -> Option<Value> {
    let text = value.as_str().map(str::trim);
    match expect {
        Expect::Count => match value {
            Value::Number(n) => n
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 9.0e15)
                .map(|f| Value::from(f as u64)),
            _ => text?.parse::<u64>().ok().map(Value::from),
        },
        Expect::Number | Expect::FlagOrNumber if text.is_some() => text?
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        Expect::Flag => match text? {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        Expect::Required => {
            let names: Vec<Value> = value
                .as_array()?
                .iter()
                .filter(|v| v.is_string())
                .cloned()
                .collect();
            Some(Value::Array(names))
        }
        _ => None,
    }
}

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
            _ if expectation(key).is_some_and(|e| !well_typed(e, child)) => true,
            Role::Skip => false,
            Role::Prose => !child.is_string(),
            Role::Names => child
                .as_object()
                .map_or_else(|| needed(child), |names| names.values().any(needed)),
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

/// Whether a keyword's value maps names (not keywords) to objects.
pub(super) fn is_name_map(key: &str) -> bool {
    NAME_MAPS.contains(&key)
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
    ["title", "version"]
        .iter()
        .any(|key| !info.get(*key).is_some_and(Value::is_string))
}

fn repair_info(doc: &mut Map<String, Value>, repairs: &mut Vec<Repair>) {
    if !doc.get("info").is_some_and(Value::is_object) {
        let found = describe(doc.get("info"));
        repairs.push((
            "/info".into(),
            format!("`info` is {found}, not an object; an empty one is assumed"),
        ));
        doc.insert("info".into(), Value::Object(Map::new()));
    }
    let Some(Value::Object(info)) = doc.get_mut("info") else {
        return;
    };
    for (key, placeholder) in [("title", "Untitled API"), ("version", "unversioned")] {
        let pointer = join("/info", key);
        match info.get(key) {
            Some(Value::String(_)) => {}
            Some(value @ (Value::Number(_) | Value::Bool(_))) => {
                let text = value.to_string();
                repairs.push((
                    pointer,
                    format!("`{key}` is {text}, not a string; read as \"{text}\""),
                ));
                info.insert(key.into(), Value::String(text));
            }
            other => {
                let found = describe(other);
                repairs.push((
                    pointer,
                    format!("`{key}` is {found}; \"{placeholder}\" is assumed"),
                ));
                info.insert(key.into(), Value::String(placeholder.into()));
            }
        }
    }
}

/// Walks an object whose keys are keywords (or an array of such objects).
fn walk_keywords(value: &mut Value, at: &str, repairs: &mut Vec<Repair>) {
    match value {
        Value::Object(map) => {
            retype_keywords(map, at, repairs);
            for (key, child) in map.iter_mut() {
                let pointer = join(at, key);
                match role(key) {
                    Role::Skip => {}
                    // `title` is also a property's name inside `properties`; here it is a
                    // keyword, as only keyword objects are walked.
                    Role::Prose if !child.is_string() => {
                        repairs.push((
                            pointer,
                            format!("`{key}` is {}, not text; ignored", describe(Some(child))),
                        ));
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

/// Gives each strictly typed keyword of one object the type `openapiv3` reads, or drops it.
fn retype_keywords(map: &mut Map<String, Value>, at: &str, repairs: &mut Vec<Repair>) {
    let mistyped: Vec<(String, Expect)> = map
        .iter()
        .filter_map(|(key, value)| {
            expectation(key)
                .filter(|e| !well_typed(*e, value))
                .map(|e| (key.clone(), e))
        })
        .collect();
    for (key, expect) in mistyped {
        let pointer = join(at, &key);
        let Some(value) = map.get(&key) else { continue };
        let found = describe(Some(value));
        match retyped(expect, value) {
            Some(repaired) => {
                repairs.push((
                    pointer,
                    format!("`{key}` is {found} ({}); read as {repaired}", shown(value)),
                ));
                map.insert(key, repaired);
            }
            None => {
                repairs.push((
                    pointer,
                    format!(
                        "`{key}` is {found} ({}), which means nothing here; dropped",
                        shown(value)
                    ),
                ));
                map.remove(&key);
            }
        }
    }
}

/// A value as it appears in a message: short, on one line.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
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
        assert_eq!(
            doc["info"],
            json!({"version": "1.0", "title": "Untitled API"})
        );
        let pointers: Vec<&str> = repairs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(pointers, ["/info/title", "/info/version"]);
        let mut doc = json!({"openapi": "3.0.3", "paths": {}});
        repair_document(&mut doc);
        assert_eq!(
            doc["info"],
            json!({"title": "Untitled API", "version": "unversioned"})
        );
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
    fn mistyped_keywords_are_retyped_or_dropped_where_they_are_keywords() {
        let mut doc = json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {
                "deprecated": "true",
                "parameters": [{"name": "n", "in": "query", "required": "yes", "schema": {"type": "integer", "minimum": "1", "maximum": 1.5}}],
                "responses": {"200": {"description": "ok"}}
            }}},
            "components": {"schemas": {"S": {"type": "object", "required": ["a", 3], "properties": {
                "a": {"type": "string", "pattern": 0, "maxLength": "64", "minLength": 1.0, "nullable": "no"},
                "pattern": {"type": "string", "format": 7},
                "minimum": {"type": "integer", "maxItems": -1}
            }, "example": {"maxLength": "x"}}}}
        });
        assert!(needed(&doc["components"]["schemas"]["S"]));
        let repairs = repair_document(&mut doc);
        let pointers: Vec<&str> = repairs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/paths/~1a/get/deprecated",
                "/paths/~1a/get/parameters/0/required",
                "/paths/~1a/get/parameters/0/schema/minimum",
                "/components/schemas/S/required",
                "/components/schemas/S/properties/a/pattern",
                "/components/schemas/S/properties/a/maxLength",
                "/components/schemas/S/properties/a/minLength",
                "/components/schemas/S/properties/a/nullable",
                "/components/schemas/S/properties/pattern/format",
                "/components/schemas/S/properties/minimum/maxItems",
            ]
        );
        let s = &doc["components"]["schemas"]["S"];
        assert_eq!(s["required"], json!(["a"]));
        assert_eq!(
            s["properties"]["a"],
            json!({"type": "string", "maxLength": 64, "minLength": 1})
        );
        assert_eq!(
            s["properties"]["pattern"],
            json!({"type": "string"}),
            "a property named like a keyword is a schema"
        );
        assert_eq!(
            s["example"],
            json!({"maxLength": "x"}),
            "data is left alone"
        );
        let get = &doc["paths"]["/a"]["get"];
        assert_eq!(get["deprecated"], json!(true));
        assert_eq!(get["parameters"][0]["schema"]["minimum"], json!(1.0));
        assert_eq!(get["parameters"][0]["schema"]["maximum"], json!(1.5));
        assert!(get["parameters"][0].get("required").is_none());
        assert!(
            repairs[4].1.contains("`pattern` is a number (0)"),
            "{repairs:?}"
        );
        assert!(!needed(&doc["components"]["schemas"]["S"]));
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
            [
                "/paths/~1a/get/summary",
                "/paths/~1a/get/responses/200/description",
                "/components/schemas/S/properties/title/description"
            ]
        );
        assert_eq!(
            doc["components"]["schemas"]["S"]["properties"]["description"],
            json!({"$ref": "#/components/schemas/T"})
        );
        assert_eq!(
            doc["components"]["schemas"]["S"]["example"],
            json!({"description": 5}),
            "data is left alone"
        );
        assert!(repairs[2].1.contains("a `$ref` object"), "{repairs:?}");
    }
}
