//! OpenAPI Overlays (1.0 and 1.1): documents beside a spec that change it at load time, so the
//! vendored spec stays exactly as published.
//!
//! Each action's `target` is a JSONPath (RFC 9535, through `serde_json_path`, without the
//! regex functions `match` and `search`); `update` (or, in 1.1, the node `copy` selects) is
//! merged into every object it selects, appended to every array (1.1: an array is
//! concatenated), or, in 1.1, replaces every primitive; `remove: true` deletes what it
//! selects. Unlike the specification, which lets an action match nothing, a target that
//! matches nothing is an error here: after an upstream spec change it is exactly what the
//! maintainer must see. `extends` is not checked: the config says which spec an overlay is for.

use super::parse::parse_document;
use super::SpecFile;
use crate::error::{Error, Location, Result};
use crate::pointer::join;
use serde_json::Value;
use serde_json_path::{JsonPath, PathElement};

/// The Overlay versions whose semantics differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V1_0,
    V1_1,
}

/// Applies an overlay file's actions, in order, to the merged document.
pub fn apply(doc: &mut Value, overlay: &SpecFile) -> Result<()> {
    let file = overlay.path.as_str();
    let value = parse_document(file, &overlay.text)?;
    let invalid = |pointer: &str, reason: String| Error::Invalid {
        at: Location {
            file: file.to_owned(),
            pointer: pointer.to_owned(),
        },
        reason,
    };
    let Some(object) = value.as_object() else {
        return Err(invalid("", "an overlay must be an object".into()));
    };
    let version =
        match object
            .get("overlay")
            .and_then(Value::as_str)
            .unwrap_or_default()
        {
            v if v.starts_with("1.0.") => Version::V1_0,
            v if v.starts_with("1.1.") => Version::V1_1,
            _ => return Err(invalid(
                "/overlay",
                "not an Overlay 1.0 or 1.1 document (its `overlay` version must be 1.0.x or 1.1.x)"
                    .into(),
            )),
        };
    if let Some(key) = unknown_key(object, &["overlay", "info", "extends", "actions"]) {
        return Err(invalid(
            &join("", key),
            format!("unknown overlay field `{key}`"),
        ));
    }
    let info_ok = ["title", "version"].iter().all(|key| {
        value
            .pointer(&format!("/info/{key}"))
            .is_some_and(Value::is_string)
    });
    if !info_ok {
        return Err(invalid(
            "/info",
            "an overlay needs `info` with a `title` and a `version`".into(),
        ));
    }
    let Some(actions) = object
        .get("actions")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err(invalid(
            "/actions",
            "an overlay needs a non-empty `actions` list".into(),
        ));
    };
    for (index, action) in actions.iter().enumerate() {
        let at = join("/actions", &index.to_string());
        apply_action(doc, action, version).map_err(|reason| invalid(&at, reason))?;
    }
    Ok(())
}

/// The first key that is neither one of `known` nor a specification extension (`x-`).
fn unknown_key<'a>(object: &'a serde_json::Map<String, Value>, known: &[&str]) -> Option<&'a str> {
    object
        .keys()
        .map(String::as_str)
        .find(|key| !known.contains(key) && !key.starts_with("x-"))
}

fn apply_action(
    doc: &mut Value,
    action: &Value,
    version: Version,
) -> std::result::Result<(), String> {
    let Some(action) = action.as_object() else {
        return Err("an action must be an object".into());
    };
    if let Some(key) = unknown_key(
        action,
        &["target", "description", "update", "copy", "remove"],
    ) {
        return Err(format!("unknown action field `{key}`"));
    }
    let target = action
        .get("target")
        .and_then(Value::as_str)
        .ok_or("an action needs a `target` (a JSONPath)")?;
    let paths = select(doc, target)?;
    if paths.is_empty() {
        return Err(format!("target `{target}` matches nothing in the document"));
    }
    let remove = match action.get("remove") {
        None => false,
        Some(Value::Bool(remove)) => *remove,
        Some(_) => return Err("`remove` must be true or false".into()),
    };
    if remove {
        // Children before their parents, and the last element of an array first, so that
        // removing one node never moves another that is still to be removed.
        let mut paths = paths;
        paths.sort_by(|a, b| b.cmp(a));
        for path in &paths {
            remove_at(doc, path).ok_or_else(|| {
                format!("target `{target}` selects the document itself, which cannot be removed")
            })?;
        }
        return Ok(());
    }
    let update = match (action.get("update"), action.get("copy")) {
        (Some(update), None) => update.clone(),
        (None, Some(_)) if version == Version::V1_0 => {
            return Err("`copy` needs an Overlay 1.1 document (`overlay: 1.1.0`)".into());
        }
        (None, Some(copy)) => {
            let source = copy.as_str().ok_or("`copy` must be a JSONPath")?;
            match select(doc, source)?.as_slice() {
                [path] => node(doc, path).cloned().unwrap_or_default(),
                found => {
                    return Err(format!(
                        "`copy` `{source}` selects {} nodes; it must select exactly one",
                        found.len()
                    ))
                }
            }
        }
        (Some(_), Some(_)) => return Err("an action takes `update` or `copy`, not both".into()),
        (None, None) => return Err("an action needs `update`, `copy` or `remove: true`".into()),
    };
    update_all(doc, target, &paths, &update, version)
}

/// One step of a path into a document; ordered so that a sort puts array elements in index
/// order and a node before its descendants.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(String),
    Index(usize),
}

/// The paths of the nodes a JSONPath selects, in the order the query yields them, each once.
fn select(doc: &Value, query: &str) -> std::result::Result<Vec<Vec<Step>>, String> {
    let path =
        JsonPath::parse(query).map_err(|e| format!("`{query}` is not a valid JSONPath: {e}"))?;
    let mut paths: Vec<Vec<Step>> = Vec::new();
    for location in path.query_located(doc).locations() {
        let steps = location
            .iter()
            .map(|element| match element {
                PathElement::Name(name) => Step::Key((*name).to_owned()),
                PathElement::Index(index) => Step::Index(*index),
            })
            .collect();
        // RFC 9535 lets a query select one node twice (`$.tags[0,0]`); an action applies once.
        if !paths.contains(&steps) {
            paths.push(steps);
        }
    }
    Ok(paths)
}

fn node<'a>(doc: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.get(index),
    })
}

fn node_mut<'a>(doc: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(doc, |value, step| match step {
        Step::Key(key) => value.get_mut(key),
        Step::Index(index) => value.get_mut(index),
    })
}

/// Removes the node at `path` from its parent; `None` for the root.
fn remove_at(doc: &mut Value, path: &[Step]) -> Option<()> {
    let (last, parent) = path.split_last()?;
    match (node_mut(doc, parent)?, last) {
        (Value::Object(map), Step::Key(key)) => map.shift_remove(key).map(drop),
        (Value::Array(items), Step::Index(index)) if *index < items.len() => {
            items.remove(*index);
            Some(())
        }
        _ => None,
    }
}

/// The JSON pointer of a path, for messages.
fn pointer(path: &[Step]) -> String {
    path.iter().fold(String::new(), |pointer, step| match step {
        Step::Key(key) => join(&pointer, key),
        Step::Index(index) => join(&pointer, &index.to_string()),
    })
}

/// What kind of node an update meets; a target that selects several must select one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    Primitive,
}

fn kind(value: &Value) -> Kind {
    match value {
        Value::Object(_) => Kind::Object,
        Value::Array(_) => Kind::Array,
        _ => Kind::Primitive,
    }
}

fn update_all(
    doc: &mut Value,
    target: &str,
    paths: &[Vec<Step>],
    update: &Value,
    version: Version,
) -> std::result::Result<(), String> {
    let kinds: Vec<Kind> = paths
        .iter()
        .filter_map(|path| node(doc, path).map(kind))
        .collect();
    if kinds.windows(2).any(|pair| pair[0] != pair[1]) {
        return Err(format!(
            "target `{target}` selects nodes of different kinds (objects, arrays, primitives); an update needs them all of one kind"
        ));
    }
    for path in paths {
        let Some(node) = node_mut(doc, path) else {
            continue;
        };
        match (node, version) {
            (node @ Value::Object(_), _) => {
                if !update.is_object() {
                    return Err(format!("target `{target}` selects an object, so the update must be an object"));
                }
                merge(node, update, &mut path.clone())?;
            }
            (Value::Array(items), Version::V1_1) if update.is_array() => {
                items.extend(update.as_array().into_iter().flatten().cloned());
            }
            (Value::Array(items), _) => items.push(update.clone()),
            (_, Version::V1_0) => {
                return Err(format!(
                    "target `{target}` selects a value that is neither an object nor an array (Overlay 1.1 can replace it)"
                ))
            }
            (node, Version::V1_1) => {
                if update.is_object() || update.is_array() {
                    return Err(format!("target `{target}` selects a primitive value, so the update must be one too"));
                }
                *node = update.clone();
            }
        }
    }
    Ok(())
}

/// Merges the object `update` into the object `node` (at `path`): nested objects recursively,
/// arrays concatenated, primitives replaced; other pairs are an error naming the place.
fn merge(
    node: &mut Value,
    update: &Value,
    path: &mut Vec<Step>,
) -> std::result::Result<(), String> {
    let (Value::Object(target), Value::Object(update)) = (node, update) else {
        return Ok(());
    };
    for (key, value) in update {
        let Some(existing) = target.get_mut(key) else {
            target.insert(key.clone(), value.clone());
            continue;
        };
        path.push(Step::Key(key.clone()));
        match (kind(existing), kind(value)) {
            (Kind::Object, Kind::Object) => merge(existing, value, path)?,
            (Kind::Array, Kind::Array) => {
                if let (Value::Array(existing), Value::Array(more)) = (existing, value) {
                    existing.extend(more.iter().cloned());
                }
            }
            (Kind::Primitive, Kind::Primitive) => *existing = value.clone(),
            // The specification's own structured example writes `components:` and `tags:`
            // with no value beside real changes: a null leaves an object or array as it is.
            (Kind::Object | Kind::Array, _) if value.is_null() => {}
            (found, given) => {
                return Err(format!(
                    "the update gives {} for `{}`, where the document has {}",
                    describe(given),
                    pointer(path),
                    describe(found)
                ))
            }
        }
        path.pop();
    }
    Ok(())
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "an object",
        Kind::Array => "an array",
        Kind::Primitive => "a primitive value",
    }
}
