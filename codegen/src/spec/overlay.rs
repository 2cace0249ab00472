//! OpenAPI Overlays (1.0 and 1.1): documents beside a spec that change it at load time, so the
//! vendored spec stays exactly as published.
//!
//! Each action's `target` is a JSONPath (RFC 9535, through `serde_json_path`); `update` is
//! merged into every object it selects (objects recursively, arrays appended, anything else
//! replaced) or appended to every array, and `remove: true` deletes what it selects. Unlike
//! the specification, which lets an action match nothing, a target that matches nothing is an
//! error here: after an upstream spec change it is exactly what the maintainer must see.

use super::parse::parse_document;
use super::SpecFile;
use crate::error::{Error, Location, Result};
use crate::pointer::join;
use serde_json::Value;
use serde_json_path::JsonPath;

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
    let version = value.get("overlay").and_then(Value::as_str).unwrap_or_default();
    if !(version.starts_with("1.0.") || version.starts_with("1.1.")) {
        return Err(invalid(
            "/overlay",
            "not an Overlay 1.0 or 1.1 document (its `overlay` version must be 1.0.x or 1.1.x)".into(),
        ));
    }
    let info_ok = ["title", "version"]
        .iter()
        .all(|key| value.pointer(&format!("/info/{key}")).is_some_and(Value::is_string));
    if !info_ok {
        return Err(invalid("/info", "an overlay needs `info` with a `title` and a `version`".into()));
    }
    let Some(actions) = value.get("actions").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        return Err(invalid("/actions", "an overlay needs a non-empty `actions` list".into()));
    };
    for (index, action) in actions.iter().enumerate() {
        let at = join("/actions", &index.to_string());
        apply_action(doc, action).map_err(|reason| invalid(&at, reason))?;
    }
    Ok(())
}

fn apply_action(doc: &mut Value, action: &Value) -> std::result::Result<(), String> {
    let target = action
        .get("target")
        .and_then(Value::as_str)
        .ok_or("an action needs a `target` (a JSONPath)")?;
    let path = JsonPath::parse(target).map_err(|e| format!("`{target}` is not a valid JSONPath: {e}"))?;
    let pointers: Vec<String> = path
        .query_located(doc)
        .locations()
        .map(|location| location.to_json_pointer())
        .collect();
    if pointers.is_empty() {
        return Err(format!("target `{target}` matches nothing in the document"));
    }
    let remove = match action.get("remove") {
        None => false,
        Some(Value::Bool(remove)) => *remove,
        Some(_) => return Err("`remove` must be true or false".into()),
    };
    if remove {
        // The last first, so that removing an array element does not shift the ones after it.
        for pointer in pointers.iter().rev() {
            remove_at(doc, pointer).ok_or_else(|| format!("target `{target}` selects the document itself, which cannot be removed"))?;
        }
        return Ok(());
    }
    let update = action
        .get("update")
        .ok_or("an action needs `update` or `remove: true`")?;
    for pointer in &pointers {
        match doc.pointer_mut(pointer) {
            Some(Value::Array(items)) => items.push(update.clone()),
            Some(node @ Value::Object(_)) => merge(node, update)
                .map_err(|()| format!("target `{target}` selects an object, so `update` must be an object"))?,
            _ => return Err(format!("target `{target}` selects a value that is neither an object nor an array")),
        }
    }
    Ok(())
}

/// Merges `update` into the object `node`: nested objects recursively, arrays appended,
/// anything else replaced.
fn merge(node: &mut Value, update: &Value) -> std::result::Result<(), ()> {
    let (Value::Object(target), Value::Object(update)) = (node, update) else {
        return Err(());
    };
    for (key, value) in update {
        match (target.get_mut(key), value) {
            (Some(existing @ Value::Object(_)), Value::Object(_)) => merge(existing, value)?,
            (Some(Value::Array(existing)), Value::Array(more)) => existing.extend(more.iter().cloned()),
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(())
}

/// Removes the node at a JSON pointer from its parent; `None` for the root.
fn remove_at(doc: &mut Value, pointer: &str) -> Option<()> {
    let (parent, last) = pointer.rsplit_once('/')?;
    let key = last.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent)? {
        Value::Object(map) => map.shift_remove(&key).map(drop),
        Value::Array(items) => {
            let index: usize = key.parse().ok()?;
            (index < items.len()).then(|| drop(items.remove(index)))
        }
        _ => None,
    }
}
