//! Merges the fragments of one spec into one document, remembering which file each part came from.
//!
//! Rules: paths are joined, and the same method on the same path in two fragments is an error;
//! a component (or any other top-level key) defined in several fragments must be identical in
//! each; `tags` lists are joined by tag name.

use crate::error::{Error, Location, Result};
use crate::pointer;
use serde_json::{Map, Value};

/// Which file each part of a merged document came from, so errors can name it.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// The first fragment's file: the owner of everything not listed in `owners`.
    pub default_file: String,
    /// Pointer prefixes (an operation, a component) and the file that defined them.
    owners: Vec<(String, String)>,
}

impl SourceMap {
    /// A map that attributes everything to one file.
    pub fn single(file: &str) -> SourceMap {
        SourceMap {
            default_file: file.to_owned(),
            owners: Vec::new(),
        }
    }

    /// The location of a pointer in the merged document: the file that defined it.
    pub fn locate(&self, pointer: &str) -> Location {
        let file = self
            .owners
            .iter()
            .filter(|(prefix, _)| pointer == prefix || pointer.starts_with(&format!("{prefix}/")))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(&self.default_file, |(_, file)| file);
        Location {
            file: file.clone(),
            pointer: pointer.to_owned(),
        }
    }

    fn own(&mut self, pointer: String, file: &str) {
        self.owners.push((pointer, file.to_owned()));
    }
}

/// Merges parsed fragments, given as (file, document) pairs in a fixed order.
pub fn merge(fragments: Vec<(String, Value)>) -> Result<(Value, SourceMap)> {
    let mut fragments = fragments.into_iter();
    let Some((first_file, first)) = fragments.next() else {
        return Err(Error::Config {
            at: Location {
                file: String::new(),
                pointer: String::new(),
            },
            reason: "the API lists no spec files".into(),
        });
    };
    let mut sources = SourceMap::single(&first_file);
    let Value::Object(mut merged) = first else {
        return Err(not_an_object(&first_file));
    };
    record_owners(&mut sources, &merged, &first_file);
    for (file, fragment) in fragments {
        let Value::Object(fragment) = fragment else {
            return Err(not_an_object(&file));
        };
        record_owners(&mut sources, &fragment, &file);
        for (key, value) in fragment {
            match key.as_str() {
                "paths" => merge_paths(&mut merged, value, &file, &sources)?,
                "components" => merge_components(&mut merged, value, &file, &sources)?,
                "tags" => merge_tags(&mut merged, value),
                _ => merge_identical(&mut merged, key, value, &file, &sources)?,
            }
        }
    }
    Ok((Value::Object(merged), sources))
}

fn not_an_object(file: &str) -> Error {
    Error::Invalid {
        at: Location {
            file: file.to_owned(),
            pointer: String::new(),
        },
        reason: "an OpenAPI document must be an object".into(),
    }
}

fn record_owners(sources: &mut SourceMap, doc: &Map<String, Value>, file: &str) {
    if let Some(Value::Object(paths)) = doc.get("paths") {
        for (path, item) in paths {
            let path_ptr = pointer::join("/paths", path);
            if let Value::Object(item) = item {
                for method in item.keys() {
                    sources.own(pointer::join(&path_ptr, method), file);
                }
            }
        }
    }
    if let Some(Value::Object(components)) = doc.get("components") {
        for (section, entries) in components {
            let section_ptr = pointer::join("/components", section);
            if let Value::Object(entries) = entries {
                for name in entries.keys() {
                    sources.own(pointer::join(&section_ptr, name), file);
                }
            }
        }
    }
}

fn conflict(sources: &SourceMap, pointer: String, file: &str, reason: &'static str) -> Error {
    // The later fragment is already recorded; the first definition is the earliest other owner.
    let first_file = sources
        .owners
        .iter()
        .find(|(p, f)| *p == pointer && f != file)
        .map_or_else(|| sources.default_file.clone(), |(_, f)| f.clone());
    Error::Conflict {
        key: pointer,
        first_file,
        second_file: file.to_owned(),
        reason,
    }
}

fn merge_paths(
    merged: &mut Map<String, Value>,
    paths: Value,
    file: &str,
    sources: &SourceMap,
) -> Result<()> {
    let Value::Object(paths) = paths else {
        return Err(Error::Invalid {
            at: Location {
                file: file.to_owned(),
                pointer: "/paths".into(),
            },
            reason: "`paths` must be an object".into(),
        });
    };
    let target = merged
        .entry("paths")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(target) = target else {
        return Ok(());
    };
    for (path, item) in paths {
        let path_ptr = pointer::join("/paths", &path);
        let Value::Object(item) = item else { continue };
        let existing = target
            .entry(path)
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(existing) = existing else {
            continue;
        };
        for (method, operation) in item {
            match existing.get(&method) {
                Some(_) if is_http_method(&method) => {
                    return Err(conflict(
                        sources,
                        pointer::join(&path_ptr, &method),
                        file,
                        "an operation may be defined once",
                    ));
                }
                Some(previous) if *previous != operation => {
                    return Err(conflict(
                        sources,
                        pointer::join(&path_ptr, &method),
                        file,
                        "the definitions differ",
                    ));
                }
                _ => {
                    existing.insert(method, operation);
                }
            }
        }
    }
    Ok(())
}

fn is_http_method(key: &str) -> bool {
    matches!(
        key,
        "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"
    )
}

fn merge_components(
    merged: &mut Map<String, Value>,
    components: Value,
    file: &str,
    sources: &SourceMap,
) -> Result<()> {
    let Value::Object(components) = components else {
        return Ok(());
    };
    let target = merged
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(target) = target else {
        return Ok(());
    };
    for (section, entries) in components {
        let section_ptr = pointer::join("/components", &section);
        let Value::Object(entries) = entries else {
            continue;
        };
        let existing = target
            .entry(section)
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(existing) = existing else {
            continue;
        };
        for (name, definition) in entries {
            match existing.get(&name) {
                Some(previous) if *previous != definition => {
                    return Err(conflict(
                        sources,
                        pointer::join(&section_ptr, &name),
                        file,
                        "the definitions differ",
                    ));
                }
                _ => {
                    existing.insert(name, definition);
                }
            }
        }
    }
    Ok(())
}

fn merge_tags(merged: &mut Map<String, Value>, tags: Value) {
    let Value::Array(tags) = tags else { return };
    let target = merged
        .entry("tags")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(target) = target else { return };
    for tag in tags {
        if !target.iter().any(|t| t.get("name") == tag.get("name")) {
            target.push(tag);
        }
    }
}

fn merge_identical(
    merged: &mut Map<String, Value>,
    key: String,
    value: Value,
    file: &str,
    sources: &SourceMap,
) -> Result<()> {
    match merged.get(&key) {
        Some(previous) if *previous != value => Err(Error::Conflict {
            key: pointer::join("", &key),
            first_file: sources.default_file.clone(),
            second_file: file.to_owned(),
            reason: "the definitions differ",
        }),
        Some(_) => Ok(()),
        None => {
            merged.insert(key, value);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn frag(paths: Value, schemas: Value) -> Value {
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths, "components": {"schemas": schemas}})
    }

    #[test]
    fn joins_paths_and_attributes_them() {
        let (doc, sources) = merge(vec![
            (
                "a.yaml".into(),
                frag(
                    json!({"/x": {"get": {"responses": {}}}}),
                    json!({"E": {"type": "string"}}),
                ),
            ),
            (
                "b.yaml".into(),
                frag(
                    json!({"/x": {"post": {"responses": {}}}}),
                    json!({"E": {"type": "string"}}),
                ),
            ),
        ])
        .unwrap();
        assert!(
            doc.pointer("/paths/~1x/get").is_some() && doc.pointer("/paths/~1x/post").is_some()
        );
        assert_eq!(sources.locate("/paths/~1x/post/responses").file, "b.yaml");
        assert_eq!(sources.locate("/paths/~1x/get").file, "a.yaml");
        assert_eq!(sources.locate("/info").file, "a.yaml");
    }

    #[test]
    fn same_operation_twice_is_an_error() {
        let err = merge(vec![
            (
                "a.yaml".into(),
                frag(json!({"/x": {"get": {"responses": {}}}}), json!({})),
            ),
            (
                "b.yaml".into(),
                frag(json!({"/x": {"get": {"responses": {}}}}), json!({})),
            ),
        ])
        .unwrap_err()
        .to_string();
        assert_eq!(err, "`/paths/~1x/get` is defined in both a.yaml and b.yaml: an operation may be defined once");
    }

    #[test]
    fn differing_component_names_both_files() {
        let err = merge(vec![
            (
                "a.yaml".into(),
                frag(json!({}), json!({"E": {"type": "string"}})),
            ),
            (
                "b.yaml".into(),
                frag(json!({}), json!({"E": {"type": "integer"}})),
            ),
        ])
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "`/components/schemas/E` is defined in both a.yaml and b.yaml: the definitions differ"
        );
    }

    #[test]
    fn differing_top_level_key_is_an_error() {
        let mut b = frag(json!({}), json!({}));
        b["info"]["version"] = json!("2");
        let err = merge(vec![
            ("a.yaml".into(), frag(json!({}), json!({}))),
            ("b.yaml".into(), b),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("`/info`"), "{err}");
    }
}
