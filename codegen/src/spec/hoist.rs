//! References to any place in the document, not only to `#/components/<section>/<name>`.
//!
//! Real specs point into the middle of things: `#/components/schemas/Pet/properties/id`,
//! `#/paths/~1pets/get/parameters/0`, a leftover `#/definitions/Error`. Each such target is
//! moved into `components` under a name made from its pointer, its old place becomes a
//! reference to the new component, and every reference to it is rewritten. Later stages then
//! see one kind of reference, and the target stays one type (not a copy per use).

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Moves every nested reference target into `components`; returns `(old pointer, new
/// reference)` pairs, in the order they were moved.
pub fn hoist_nested_targets(doc: &mut Value) -> Vec<(String, String)> {
    let mut targets: Vec<String> = Vec::new();
    // Every spelling of a reference to each target (`{` or `%7B` in the fragment).
    let mut spellings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    collect_refs(doc, &mut |reference| {
        if let Some(pointer) = nested_target(reference) {
            if !targets.contains(&pointer) {
                targets.push(pointer.clone());
            }
            let known = spellings.entry(pointer).or_default();
            if !known.iter().any(|k| k == reference) {
                known.push(reference.to_owned());
            }
        }
    });
    // Deepest first: a target inside another moves before its container does, so its old
    // place (now a reference) travels with the container.
    targets.sort_by(|a, b| {
        b.matches('/')
            .count()
            .cmp(&a.matches('/').count())
            .then(a.cmp(b))
    });
    let mut moved = Vec::new();
    let mut rewrites: BTreeMap<String, String> = BTreeMap::new();
    for target in targets {
        let Some(value) = doc.pointer(&target).cloned() else {
            // Dangling, or through another reference: left for the resolver to report.
            continue;
        };
        let section = section_of(&target);
        let Some(components) = components_section(doc, section) else {
            continue;
        };
        let name = unique_name(components, &name_from_pointer(&target));
        components.insert(name.clone(), value);
        let reference = format!("#/components/{section}/{}", crate::pointer::escape(&name));
        if let Some(old) = doc.pointer_mut(&target) {
            *old = Value::Object(Map::from_iter([(
                "$ref".to_owned(),
                Value::String(reference.clone()),
            )]));
        }
        for spelling in spellings.remove(&target).unwrap_or_default() {
            rewrites.insert(spelling, reference.clone());
        }
        moved.push((target, reference));
    }
    if !rewrites.is_empty() {
        rewrite_refs(doc, &rewrites);
    }
    moved
}

/// Whether some reference in `value` targets a place [`hoist_nested_targets`] would move.
pub fn has_nested_refs(value: &Value) -> bool {
    let mut found = false;
    collect_refs(value, &mut |reference| {
        found |= nested_target(reference).is_some()
    });
    found
}

/// The JSON pointer a reference targets (its fragment, percent-decoded as a URI fragment is)
/// when it is local and not a component itself.
fn nested_target(reference: &str) -> Option<String> {
    let pointer = percent_decode(reference.strip_prefix('#')?);
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    match tokens.as_slice() {
        [] => None,
        ["components", _, _] => None,
        _ => Some(pointer),
    }
}

/// `%7B` → `{`; anything that is not a valid escape is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Which `components` section a target belongs in, from where it stands.
fn section_of(pointer: &str) -> &'static str {
    let tokens: Vec<&str> = pointer.split('/').collect();
    let in_operation = tokens
        .first_chunk::<2>()
        .is_some_and(|[_, first]| *first == "paths");
    match tokens.as_slice() {
        [.., "parameters", index] if index.parse::<usize>().is_ok() => "parameters",
        [.., "responses", _] if in_operation => "responses",
        [.., "requestBody"] if in_operation => "requestBodies",
        _ => "schemas",
    }
}

fn components_section<'d>(doc: &'d mut Value, section: &str) -> Option<&'d mut Map<String, Value>> {
    let root = doc.as_object_mut()?;
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    let section = components
        .as_object_mut()?
        .entry(section)
        .or_insert_with(|| Value::Object(Map::new()));
    section.as_object_mut()
}

/// A component name from a pointer's meaningful tokens: `/components/schemas/Pet/properties/id`
/// → `Pet_id`, `/definitions/Error` → `Error`.
fn name_from_pointer(pointer: &str) -> String {
    const STRUCTURE: &[&str] = &[
        "components",
        "schemas",
        "properties",
        "items",
        "definitions",
        "$defs",
        "content",
        "schema",
        "allOf",
        "anyOf",
        "oneOf",
        "additionalProperties",
        "paths",
        "parameters",
        "responses",
        "requestBody",
    ];
    let words: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(crate::pointer::unescape)
        .filter(|t| !STRUCTURE.contains(&t.as_str()))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let name = words.join("_");
    if name.chars().any(char::is_alphanumeric) {
        name
    } else {
        "Schema".to_owned()
    }
}

fn unique_name(section: &Map<String, Value>, base: &str) -> String {
    let mut name = base.to_owned();
    let mut n = 2;
    while section.contains_key(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// Calls `f` with every `$ref` string, skipping examples (payloads, not structure).
/// Every `$ref` of the document's structure: not in examples, nor in extensions (`x-...`
/// keys of a keyword object), which are the vendor's own data (a code sample's `$ref` to
/// another sample is no schema).
fn collect_refs(value: &Value, f: &mut impl FnMut(&str)) {
    collect_refs_in(value, false, f);
}

/// `names`: whether `value`'s keys are names (`properties`, `paths`) rather than keywords, so
/// that a property called `x-id` is still walked.
fn collect_refs_in(value: &Value, names: bool, f: &mut impl FnMut(&str)) {
    match value {
        Value::Object(map) if names => map
            .values()
            .for_each(|child| collect_refs_in(child, false, f)),
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => f(reference),
                    ("example" | "examples", _) => {}
                    (extension, _) if extension.starts_with("x-") => {}
                    (keyword, _) => collect_refs_in(child, super::repair::is_name_map(keyword), f),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs_in(v, false, f)),
        _ => {}
    }
}

fn rewrite_refs(value: &mut Value, rewrites: &BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match (key.as_str(), &mut *child) {
                    ("$ref", Value::String(reference)) => {
                        if let Some(new) = rewrites.get(reference.as_str()) {
                            *reference = new.clone();
                        }
                    }
                    ("example" | "examples", _) => {}
                    _ => rewrite_refs(child, rewrites),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite_refs(v, rewrites)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_property_and_a_leftover_definition_become_components() {
        let mut doc = json!({
            "components": {"schemas": {
                "Pet": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Owner": {"type": "object", "properties": {
                    "pet": {"$ref": "#/components/schemas/Pet/properties/id"},
                    "error": {"$ref": "#/definitions/Error"}
                }}
            }},
            "definitions": {"Error": {"type": "string"}}
        });
        let moved = hoist_nested_targets(&mut doc);
        assert_eq!(moved.len(), 2);
        assert_eq!(
            doc.pointer("/components/schemas/Pet_id"),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(
            doc.pointer("/components/schemas/Pet/properties/id/$ref"),
            Some(&json!("#/components/schemas/Pet_id"))
        );
        assert_eq!(
            doc.pointer("/components/schemas/Owner/properties/pet/$ref"),
            Some(&json!("#/components/schemas/Pet_id"))
        );
        assert_eq!(
            doc.pointer("/components/schemas/Owner/properties/error/$ref"),
            Some(&json!("#/components/schemas/Error"))
        );
    }

    #[test]
    fn a_percent_encoded_fragment_finds_its_target() {
        let mut doc = json!({
            "paths": {"/a/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]}},
                      "/b/{id}": {"get": {"parameters": [{"$ref": "#/paths/~1a~1%7Bid%7D/get/parameters/0"}]}}}
        });
        hoist_nested_targets(&mut doc);
        assert_eq!(
            doc.pointer("/components/parameters/a_id_get_0/name"),
            Some(&json!("id"))
        );
        assert_eq!(
            doc.pointer("/paths/~1b~1{id}/get/parameters/0/$ref"),
            Some(&json!("#/components/parameters/a_id_get_0"))
        );
    }

    #[test]
    fn an_operation_parameter_goes_to_parameters() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}]}},
                      "/b": {"get": {"parameters": [{"$ref": "#/paths/~1a/get/parameters/0"}]}}}
        });
        hoist_nested_targets(&mut doc);
        assert_eq!(
            doc.pointer("/components/parameters/a_get_0/name"),
            Some(&json!("q"))
        );
        assert_eq!(
            doc.pointer("/paths/~1b/get/parameters/0/$ref"),
            Some(&json!("#/components/parameters/a_get_0"))
        );
    }
}
