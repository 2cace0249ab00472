//! Rewrites OpenAPI 3.1 (JSON Schema 2020-12) schema forms into their OpenAPI 3.0 equivalents,
//! so that everything after loading sees one dialect.
//!
//! | 3.1 form | 3.0 form |
//! |---|---|
//! | `type: [X, "null"]` | `type: X, nullable: true` |
//! | `anyOf`/`oneOf` of `[S, {type: null}]` | `S` (or `allOf: [S]` for a `$ref`) with `nullable: true` |
//! | `enum` listing `null` | the other values with `nullable: true` |
//! | `const: V` | `enum: [V]` |
//! | `examples: [V, ...]` | `example: V` |
//! | numeric `exclusiveMinimum: N` | `minimum: N, exclusiveMinimum: true` (same for maximum) |
//! | `$ref` with sibling keywords | `allOf: [{$ref}]` beside those keywords |
//! | `true` / `false` as a schema | `{}` / `not: {}` |
//! | `contentEncoding: base64` (or `base64url`) | `type: string, format: byte` |
//! | `contentMediaType: M` without `contentEncoding` | `type: string, format: binary` |
//!
//! Callbacks go too (an operation's `callbacks`, `components.callbacks`): nothing is generated
//! for them, and `openapiv3` refuses the whole document over a callback given by `$ref`, which
//! OpenAPI allows.
//!
//! The rewrite is also applied to 3.0 documents: none of these forms is valid 3.0, and specs that
//! claim 3.0 but use them anyway mean the same thing.

use serde_json::{Map, Value};

/// Normalizes every schema reachable from a whole OpenAPI document, in place.
pub fn normalize_document(doc: &mut Value) {
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.values_mut().for_each(normalize_schema);
    }
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        components.remove("callbacks");
    }
    for key in ["paths", "webhooks"] {
        if let Some(items) = doc.get_mut(key).and_then(Value::as_object_mut) {
            items.values_mut().for_each(drop_callbacks);
        }
    }
    for key in ["paths", "components", "webhooks"] {
        if let Some(part) = doc.get_mut(key) {
            visit_non_schema(part, key == "components");
        }
    }
}

/// Normalizes every schema in one path item, as [`normalize_document`] does for each.
pub fn normalize_path_item(item: &mut Value) {
    drop_callbacks(item);
    visit_non_schema(item, false);
}

/// Removes the callbacks of a path item's operations.
fn drop_callbacks(item: &mut Value) {
    const METHODS: &[&str] = &[
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    if let Some(item) = item.as_object_mut() {
        for method in METHODS {
            if let Some(op) = item.get_mut(*method).and_then(Value::as_object_mut) {
                op.remove("callbacks");
            }
        }
    }
}

/// Walks the parts of a document that are not schemas, normalizing each `schema` it finds and
/// dropping examples.
///
/// Examples are payloads, not structure: nothing generated reads them, yet a spec like
/// GitHub's holds megabytes of them, which were read into `openapiv3` types and kept. What
/// goes is `components/examples` and the `example`/`examples` of parameters, headers and media
/// types (the objects that describe a value by `schema` or `content`); a schema's own `example`
/// stays, as lowering sees it.
fn visit_non_schema(value: &mut Value, in_components: bool) {
    match value {
        Value::Object(map) => {
            if in_components || map.contains_key("schema") || map.contains_key("content") {
                map.remove("examples");
            }
            if map.contains_key("schema") || map.contains_key("content") {
                map.remove("example");
            }
            for (key, child) in map.iter_mut() {
                match key.as_str() {
                    "schema" => normalize_schema(child),
                    // Examples are payloads, not spec structure; a property there may be called `schema`.
                    "example" | "examples" => {}
                    // Component schemas were handled by `normalize_document`.
                    "schemas" if in_components => {}
                    _ => visit_non_schema(child, false),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| visit_non_schema(v, false)),
        _ => {}
    }
}

/// Normalizes one schema and everything nested in it.
pub fn normalize_schema(schema: &mut Value) {
    // 3.1 boolean schemas: `true` accepts anything, `false` nothing.
    if let Value::Bool(accepts) = schema {
        *schema = if *accepts {
            Value::Object(Map::new())
        } else {
            Value::Object(Map::from_iter([(
                "not".to_owned(),
                Value::Object(Map::new()),
            )]))
        };
        return;
    }
    let Value::Object(map) = schema else { return };
    for key in ["items", "not", "additionalProperties"] {
        match map.get_mut(key) {
            // `additionalProperties: false` is OpenAPI 3.0's own boolean, kept as it is.
            Some(Value::Bool(_)) if key == "additionalProperties" => {}
            Some(child) => normalize_schema(child),
            None => {}
        }
    }
    if let Some(Value::Object(props)) = map.get_mut("properties") {
        props.values_mut().for_each(normalize_schema);
    }
    for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
        if let Some(Value::Array(items)) = map.get_mut(key) {
            items.iter_mut().for_each(normalize_schema);
        }
    }

    wrap_ref_with_siblings(map);
    split_type_array(map);
    fold_null_alternatives(map, "anyOf");
    fold_null_alternatives(map, "oneOf");
    drop_null_from_enum(map);
    if let Some(value) = map.remove("const") {
        map.entry("enum")
            .or_insert_with(|| Value::Array(vec![value]));
    }
    binary_content(map);
    if let Some(Value::Array(mut examples)) = map.remove("examples") {
        if !examples.is_empty() && !map.contains_key("example") {
            map.insert("example".into(), examples.swap_remove(0));
        }
    }
    for (exclusive, inclusive) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(bound @ Value::Number(_)) = map.get(exclusive).cloned() {
            map.insert(inclusive.into(), bound);
            map.insert(exclusive.into(), Value::Bool(true));
        }
    }
}

/// 3.1 describes binary and base64 strings with `contentMediaType` and `contentEncoding`
/// where 3.0 used `format: binary` and `format: byte`.
fn binary_content(map: &mut Map<String, Value>) {
    if map.contains_key("format") || map.get("type").is_some_and(|t| t != "string") {
        return;
    }
    let format = match map.get("contentEncoding").and_then(Value::as_str) {
        Some("base64" | "base64url") => "byte",
        Some(_) => return,
        None if map.contains_key("contentMediaType") => "binary",
        None => return,
    };
    map.insert("type".into(), Value::from("string"));
    map.insert("format".into(), Value::from(format));
}

fn wrap_ref_with_siblings(map: &mut Map<String, Value>) {
    if map.len() > 1 && map.contains_key("$ref") {
        let reference = map.remove("$ref").unwrap_or_default();
        let mut only_ref = Map::new();
        only_ref.insert("$ref".into(), reference);
        map.insert("allOf".into(), Value::Array(vec![Value::Object(only_ref)]));
    }
}

fn split_type_array(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else {
        return;
    };
    let mut types: Vec<Value> = types.clone();
    let before = types.len();
    types.retain(|t| t != "null");
    if types.len() < before {
        map.insert("nullable".into(), Value::Bool(true));
    }
    match types.len() {
        0 => {
            map.remove("type");
        }
        1 => {
            map.insert("type".into(), types.swap_remove(0));
        }
        _ => {
            map.remove("type");
            let alternatives = types
                .into_iter()
                .map(|t| {
                    let mut alt = Map::new();
                    alt.insert("type".into(), t);
                    Value::Object(alt)
                })
                .collect();
            map.insert("anyOf".into(), Value::Array(alternatives));
        }
    }
}

fn is_null_schema(schema: &Value) -> bool {
    match schema {
        Value::Object(m) => {
            m.get("type").is_some_and(|t| t == "null")
                || (m.get("enum") == Some(&Value::Array(vec![Value::Null])))
        }
        _ => false,
    }
}

fn fold_null_alternatives(map: &mut Map<String, Value>, key: &str) {
    let Some(Value::Array(alternatives)) = map.get(key) else {
        return;
    };
    if !alternatives.iter().any(is_null_schema) {
        return;
    }
    let mut rest: Vec<Value> = alternatives
        .iter()
        .filter(|a| !is_null_schema(a))
        .cloned()
        .collect();
    map.insert("nullable".into(), Value::Bool(true));
    if rest.len() != 1 {
        map.insert(key.into(), Value::Array(rest));
        return;
    }
    map.remove(key);
    let only = rest.swap_remove(0);
    match only {
        Value::Object(alt)
            if alt.contains_key("$ref")
                || alt.contains_key("allOf") && map.contains_key("allOf") =>
        {
            let mut all_of = match map.remove("allOf") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            };
            all_of.push(Value::Object(alt));
            map.insert("allOf".into(), Value::Array(all_of));
        }
        Value::Object(alt) => {
            // The outer schema's own keywords (title, description, enum, default) win.
            for (k, v) in alt {
                if k == "nullable" {
                    if v == Value::Bool(true) {
                        map.insert(k, v);
                    }
                    continue;
                }
                map.entry(k).or_insert(v);
            }
        }
        other => {
            map.insert(key.into(), Value::Array(vec![other]));
        }
    }
}

fn drop_null_from_enum(map: &mut Map<String, Value>) {
    let Some(Value::Array(values)) = map.get_mut("enum") else {
        return;
    };
    if values.iter().any(Value::is_null) && values.len() > 1 {
        values.retain(|v| !v.is_null());
        map.insert("nullable".into(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn norm(mut v: Value) -> Value {
        normalize_schema(&mut v);
        v
    }

    #[test]
    fn examples_of_values_are_dropped_and_schema_examples_and_names_kept() {
        let mut doc = json!({
            "paths": {"/p": {"get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "example": "s"}, "example": "q", "examples": {"a": {"value": 1}}}],
                "responses": {"200": {"description": "ok", "headers": {"H": {"schema": {"type": "string"}, "example": "h"}},
                    "content": {"application/json": {"schema": {"type": "object"}, "example": {"schema": 1}, "examples": {"b": {"$ref": "#/components/examples/b"}}}}}}
            }}},
            "components": {
                "examples": {"b": {"value": {"big": "payload"}}},
                "parameters": {"examples": {"name": "examples", "in": "query", "schema": {"type": "string"}}},
                "schemas": {"S": {"type": "string", "example": "kept"}}
            }
        });
        normalize_document(&mut doc);
        let get = &doc["paths"]["/p"]["get"];
        assert_eq!(
            get["parameters"][0],
            json!({"name": "q", "in": "query", "schema": {"type": "string", "example": "s"}})
        );
        assert_eq!(
            get["responses"]["200"]["headers"]["H"],
            json!({"schema": {"type": "string"}})
        );
        assert_eq!(
            get["responses"]["200"]["content"]["application/json"],
            json!({"schema": {"type": "object"}})
        );
        assert_eq!(doc["components"].get("examples"), None);
        // A component called `examples` is a name, not an example; a schema's example stays.
        assert_eq!(
            doc["components"]["parameters"]["examples"]["name"],
            "examples"
        );
        assert_eq!(doc["components"]["schemas"]["S"]["example"], "kept");
    }

    #[test]
    fn type_array_with_null() {
        assert_eq!(
            norm(json!({"type": ["string", "null"]})),
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(
            norm(json!({"type": ["string", "integer"]})),
            json!({"anyOf": [{"type": "string"}, {"type": "integer"}]})
        );
    }

    #[test]
    fn any_of_null_inline_and_ref() {
        assert_eq!(
            norm(json!({"anyOf": [{"type": "string"}, {"type": "null"}], "title": "T"})),
            json!({"title": "T", "nullable": true, "type": "string"})
        );
        assert_eq!(
            norm(json!({"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]})),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
        assert_eq!(
            norm(json!({"oneOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]})),
            json!({"oneOf": [{"type": "string"}, {"type": "number"}], "nullable": true})
        );
    }

    #[test]
    fn enum_beside_nullable_any_of() {
        assert_eq!(
            norm(json!({"anyOf": [{"type": "string"}, {"type": "null"}], "enum": ["a", "b"]})),
            json!({"enum": ["a", "b"], "nullable": true, "type": "string"})
        );
    }

    #[test]
    fn content_media_type_and_encoding_are_formats() {
        assert_eq!(
            norm(json!({"type": "string", "contentMediaType": "image/png"})),
            json!({"type": "string", "contentMediaType": "image/png", "format": "binary"})
        );
        assert_eq!(
            norm(json!({"contentEncoding": "base64"})),
            json!({"contentEncoding": "base64", "type": "string", "format": "byte"})
        );
        let json_text =
            json!({"type": "string", "contentMediaType": "application/json", "format": "json"});
        assert_eq!(norm(json_text.clone()), json_text);
    }

    #[test]
    fn const_examples_and_exclusive_bounds() {
        assert_eq!(norm(json!({"const": "x"})), json!({"enum": ["x"]}));
        assert_eq!(
            norm(json!({"type": "string", "examples": ["a", "b"]})),
            json!({"type": "string", "example": "a"})
        );
        assert_eq!(
            norm(json!({"type": "integer", "exclusiveMinimum": 0})),
            json!({"type": "integer", "exclusiveMinimum": true, "minimum": 0})
        );
    }

    #[test]
    fn ref_with_siblings() {
        assert_eq!(
            norm(json!({"$ref": "#/components/schemas/A", "description": "d"})),
            json!({"description": "d", "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
        assert_eq!(norm(json!({"$ref": "#/x"})), json!({"$ref": "#/x"}));
    }

    #[test]
    fn nested_and_document_level() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"parameters": [{"name": "q", "in": "query", "schema": {"type": ["integer", "null"]}}],
                "responses": {"200": {"description": "", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {"p": {"type": ["string", "null"]}}},
                    "example": {"schema": {"type": ["kept", "null"]}}}}}}}}},
            "components": {"schemas": {"S": {"items": {"const": 1}}}}
        });
        normalize_document(&mut doc);
        assert_eq!(
            doc.pointer("/paths/~1a/get/parameters/0/schema/nullable"),
            Some(&json!(true))
        );
        let media = "/paths/~1a/get/responses/200/content/application~1json";
        assert_eq!(
            doc.pointer(&format!("{media}/schema/properties/p/type")),
            Some(&json!("string"))
        );
        // An example is a payload: dropped, never read as a schema.
        assert_eq!(doc.pointer(&format!("{media}/example")), None);
        assert_eq!(
            doc.pointer("/components/schemas/S/items/enum"),
            Some(&json!([1]))
        );
    }
}
