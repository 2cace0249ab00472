//! OpenAPI 3.2 constructs, rewritten into what the rest of the loader reads, or set aside with
//! a warning naming their place. Applied to 3.2 documents only (the fast loader leaves them to
//! the general one); what 3.2 adds and `openapiv3` ignores without harm (`$self`, a tag's
//! `parent` and `kind`, a response's `summary`, a server's `name`) needs nothing here.
//!
//! | 3.2 construct | what happens |
//! |---|---|
//! | `itemSchema` on `text/event-stream` | its `data` (`contentSchema`, or `data` itself when it is not plain text) becomes the media type's `schema`: the events' type |
//! | `itemSchema` on a sequential JSON type (`application/jsonl`, `application/x-ndjson`, `application/json-seq`) | becomes the media type's `schema`: each line's type |
//! | `itemSchema` on another media type | set aside with a warning: the body is read as its media type says |
//! | a `$ref` to `components/mediaTypes` | the media type it names, inline |
//! | the `query` operation, `additionalOperations` | operations, set aside under [`EXTRA_OPERATIONS`] (which `openapiv3` keeps) once the document is prepared, for lowering to read; a key that is not an HTTP token, or names a fixed method, is left out with a warning |
//! | a `querystring` parameter | not generated, with a warning (the caller adds it with `RequestOptions::query`) |

use super::repair::Repair;
use crate::pointer::join;
use serde_json::{Map, Value};

/// Whether `version` (the document's `openapi`) is 3.2.
pub fn is_32(version: &str) -> bool {
    version.starts_with("3.2.")
}

/// Rewrites a 3.2 document in place; returns a warning for each construct set aside.
pub fn rewrite(doc: &mut Value) -> Vec<Repair> {
    let mut warnings = Vec::new();
    let media_types = doc
        .pointer("/components/mediaTypes")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        components.remove("mediaTypes");
    }
    for section in ["paths", "webhooks"] {
        if let Some(items) = doc.get_mut(section).and_then(Value::as_object_mut) {
            for (path, item) in items.iter_mut() {
                operations(item, &join(&join("", section), path), &mut warnings);
            }
        }
    }
    walk(doc, "", &media_types, &mut warnings);
    warnings
}

/// Leaves out the `additionalOperations` whose key no request can carry as its method (not an
/// HTTP token) or that name a method a fixed field holds (`GET`, `query`), as OpenAPI 3.2
/// forbids; the others are set aside by [`set_aside_operations`] later.
fn operations(item: &mut Value, at: &str, warnings: &mut Vec<Repair>) {
    let Some(Value::Object(extra)) = item.get_mut("additionalOperations") else {
        return;
    };
    extra.retain(|method, _| {
        let ok = crate::ir::HttpMethod::other(method).is_some();
        if !ok {
            warnings.push((
                join(&join(at, "additionalOperations"), method),
                format!("`{method}` is not a method `additionalOperations` can hold (an HTTP token other than the fixed fields' methods); the operation is left out"),
            ));
        }
        ok
    });
}

/// The path item extension that holds OpenAPI 3.2's `query` operation and its
/// `additionalOperations`, each `{method, at, operation}` with `at` the operation's pointer
/// below its path item: `openapiv3` keeps `x-` keys and drops the others.
pub const EXTRA_OPERATIONS: &str = "x-oas32-operations";

/// Moves each path item's `query` operation and `additionalOperations` under
/// [`EXTRA_OPERATIONS`], once the document is normalized (their schemas read as 3.0's), their
/// callbacks dropped as every operation's are.
pub fn set_aside_operations(doc: &mut Value) {
    let Some(items) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in items.values_mut().filter_map(Value::as_object_mut) {
        let mut extra = Vec::new();
        if let Some(query) = item.remove("query") {
            extra.push(("QUERY".to_owned(), "query".to_owned(), query));
        }
        if let Some(Value::Object(others)) = item.remove("additionalOperations") {
            for (method, operation) in others {
                let at = join("additionalOperations", &method);
                extra.push((method, at.trim_start_matches('/').to_owned(), operation));
            }
        }
        let extra: Vec<Value> = extra
            .into_iter()
            .map(|(method, at, mut operation)| {
                if let Some(operation) = operation.as_object_mut() {
                    operation.remove("callbacks");
                }
                serde_json::json!({"method": method, "at": at, "operation": operation})
            })
            .collect();
        if !extra.is_empty() {
            item.insert(EXTRA_OPERATIONS.to_owned(), Value::Array(extra));
        }
    }
}

/// Walks the document for media type objects (`content` entries) and parameter lists.
fn walk(value: &mut Value, at: &str, media_types: &Map<String, Value>, warnings: &mut Vec<Repair>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let here = join(at, key);
                match key.as_str() {
                    "content" => content(child, &here, media_types, warnings),
                    "parameters" => parameters(child, &here, media_types, warnings),
                    // Schemas and examples hold no media types of the document's own.
                    "schema" | "schemas" | "example" | "examples" => {}
                    _ => walk(child, &here, media_types, warnings),
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                walk(item, &join(at, &index.to_string()), media_types, warnings);
            }
        }
        _ => {}
    }
}

/// One `content` map: each media type resolved if it is a reference, then its `itemSchema` read.
fn content(
    value: &mut Value,
    at: &str,
    media_types: &Map<String, Value>,
    warnings: &mut Vec<Repair>,
) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    for (name, media) in map.iter_mut() {
        let here = join(at, name);
        if let Some(target) = media.get("$ref").and_then(Value::as_str) {
            match target
                .strip_prefix("#/components/mediaTypes/")
                .and_then(|n| media_types.get(&crate::pointer::unescape(n)))
            {
                Some(found) => *media = found.clone(),
                None => continue, // left for the resolver to report
            }
        }
        item_schema(name, media, &here, warnings);
        // A media type's `encoding` may hold headers with content of their own.
        if let Some(encoding) = media.get_mut("encoding") {
            walk(encoding, &join(&here, "encoding"), media_types, warnings);
        }
    }
}

/// A media type's `itemSchema`: the events' type for Server-Sent Events, each line's for JSON
/// lines; set aside otherwise.
fn item_schema(name: &str, media: &mut Value, at: &str, warnings: &mut Vec<Repair>) {
    let Some(media) = media.as_object_mut() else {
        return;
    };
    let Some(items) = media.remove("itemSchema") else {
        return;
    };
    let essence = name
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "text/event-stream" {
        if let Some(data) = event_data(&items) {
            media.entry("schema").or_insert(data);
        }
        return;
    }
    if crate::ir::ContentKind::of(&essence) == crate::ir::ContentKind::JsonLines {
        media.entry("schema").or_insert(items);
        return;
    }
    warnings.push((
        join(at, "itemSchema"),
        format!("unsupported: a stream of items (`{essence}` with `itemSchema`); the body is read as its media type says"),
    ));
}

/// The schema of an event's `data`, as the client decodes it (JSON): `contentSchema` where the
/// data is JSON text; the `data` schema itself where it is not a plain string; nothing (any
/// JSON) otherwise.
fn event_data(items: &Value) -> Option<Value> {
    let data = items.pointer("/properties/data")?;
    if let Some(schema) = data.get("contentSchema") {
        return Some(schema.clone());
    }
    let plain_text = data.get("type").and_then(Value::as_str) == Some("string");
    (!plain_text).then(|| data.clone())
}

/// Sets aside `in: querystring` parameters (the whole query string as one value), which
/// `openapiv3` cannot read, from an operation's list or from `components/parameters`; the
/// others are walked for media types of their own.
fn parameters(
    value: &mut Value,
    at: &str,
    media_types: &Map<String, Value>,
    warnings: &mut Vec<Repair>,
) {
    let querystring =
        |parameter: &Value| parameter.get("in").and_then(Value::as_str) == Some("querystring");
    let message = "unsupported: a `querystring` parameter (OpenAPI 3.2); not generated: the caller adds it with `RequestOptions::query`";
    match value {
        Value::Array(list) => {
            let mut index = 0;
            list.retain(|parameter| {
                let here = join(at, &index.to_string());
                index += 1;
                if querystring(parameter) {
                    warnings.push((here, message.into()));
                }
                !querystring(parameter)
            });
        }
        Value::Object(map) => {
            map.retain(|name, parameter| {
                if querystring(parameter) {
                    warnings.push((join(at, name), message.into()));
                }
                !querystring(parameter)
            });
        }
        _ => return,
    }
    walk_members(value, at, media_types, warnings);
}

/// Walks each member of a list or map (after [`parameters`] has filtered it).
fn walk_members(
    value: &mut Value,
    at: &str,
    media_types: &Map<String, Value>,
    warnings: &mut Vec<Repair>,
) {
    match value {
        Value::Array(list) => {
            for (index, item) in list.iter_mut().enumerate() {
                walk(item, &join(at, &index.to_string()), media_types, warnings);
            }
        }
        Value::Object(map) => {
            for (name, item) in map.iter_mut() {
                walk(item, &join(at, name), media_types, warnings);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn event_streams_take_their_type_from_item_schema() {
        let mut doc = json!({"openapi": "3.2.0", "paths": {"/chat": {
            "post": {"responses": {"200": {"description": "ok", "content": {
                "text/event-stream": {"itemSchema": {"type": "object", "properties": {
                    "event": {"type": "string"},
                    "data": {"type": "string", "contentMediaType": "application/json", "contentSchema": {"$ref": "#/components/schemas/Chunk"}}
                }}},
                "application/jsonl": {"itemSchema": {"$ref": "#/components/schemas/Chunk"}},
                "multipart/mixed": {"itemSchema": {"type": "string"}}
            }}}},
            "query": {"responses": {"200": {"description": "ok"}}},
            "additionalOperations": {
                "PURGE": {"responses": {"204": {"description": "ok"}}},
                "GET": {"responses": {"204": {"description": "ok"}}},
                "NOT A TOKEN": {"responses": {"204": {"description": "ok"}}}
            },
            "parameters": [{"name": "q", "in": "querystring", "content": {"application/x-www-form-urlencoded": {}}}]
        }}});
        let warnings = rewrite(&mut doc);
        let content = &doc["paths"]["/chat"]["post"]["responses"]["200"]["content"];
        assert_eq!(
            content["text/event-stream"],
            json!({"schema": {"$ref": "#/components/schemas/Chunk"}})
        );
        assert_eq!(
            content["application/jsonl"],
            json!({"schema": {"$ref": "#/components/schemas/Chunk"}})
        );
        assert_eq!(content["multipart/mixed"], json!({}));
        let pointers: Vec<&str> = warnings.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/paths/~1chat/additionalOperations/GET",
                "/paths/~1chat/additionalOperations/NOT A TOKEN",
                "/paths/~1chat/post/responses/200/content/multipart~1mixed/itemSchema",
                "/paths/~1chat/parameters/0",
            ]
        );
        assert_eq!(doc["paths"]["/chat"]["parameters"], json!([]));
        // Once prepared, `query` and the valid `additionalOperations` are set aside where
        // `openapiv3` keeps them, with their pointers.
        set_aside_operations(&mut doc);
        let chat = &doc["paths"]["/chat"];
        assert!(chat.get("query").is_none() && chat.get("additionalOperations").is_none());
        let extra: Vec<(&str, &str)> = chat[EXTRA_OPERATIONS]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["method"].as_str().unwrap(), e["at"].as_str().unwrap()))
            .collect();
        assert_eq!(
            extra,
            [("QUERY", "query"), ("PURGE", "additionalOperations/PURGE")]
        );
        let mut doc = json!({"openapi": "3.2.0", "components": {"parameters": {
            "q": {"name": "q", "in": "querystring", "content": {}},
            "f": {"name": "f", "in": "query", "content": {"text/event-stream": {"itemSchema": {"properties": {"data": {"contentSchema": {"type": "integer"}}}}}}}
        }}});
        let pointers: Vec<String> = rewrite(&mut doc).into_iter().map(|(p, _)| p).collect();
        assert_eq!(pointers, ["/components/parameters/q"]);
        assert_eq!(
            doc["components"]["parameters"]["f"]["content"]["text/event-stream"],
            json!({"schema": {"type": "integer"}})
        );
    }

    #[test]
    fn media_type_references_are_inlined() {
        let mut doc = json!({"openapi": "3.2.0",
            "components": {"mediaTypes": {"Events": {"itemSchema": {"properties": {"data": {"type": "object"}}}}}},
            "paths": {"/e": {"get": {"responses": {"200": {"description": "ok", "content": {
                "text/event-stream": {"$ref": "#/components/mediaTypes/Events"}
            }}}}}}
        });
        assert!(rewrite(&mut doc).is_empty());
        let media = &doc["paths"]["/e"]["get"]["responses"]["200"]["content"]["text/event-stream"];
        assert_eq!(media, &json!({"schema": {"type": "object"}}));
        assert!(doc["components"].get("mediaTypes").is_none());
    }
}
