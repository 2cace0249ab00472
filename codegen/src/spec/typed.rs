//! The prepared JSON document read into `openapiv3` types.
//!
//! The path items and the component schemas, most of a large spec, are kept as [`PathItems`]
//! and [`ComponentSchemas`] for lowering to read (each checked on every core); the rest of
//! the document is read as usual.

use super::paths::PathItems;
use super::schemas::ComponentSchemas;
use openapiv3::OpenAPI;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Reads the document by value (its strings move into the typed tree); the path items and
/// component schemas are left out of it and returned apart. `Err` says only that some part
/// does not read; the caller finds where on the slow path.
pub(super) fn read(mut document: Value) -> Result<(OpenAPI, PathItems, ComponentSchemas), ()> {
    let schemas = take_entries(&mut document, &["components", "schemas"], |_| true);
    let paths = take_entries(&mut document, &["paths"], |key| key.starts_with('/'));
    let mut doc = OpenAPI::deserialize(document).map_err(drop)?;
    let schemas = ComponentSchemas::from_values(schemas.unwrap_or_default()).ok_or(())?;
    // A key that is neither a path nor an extension is no path item (OpenAPI requires the `/`).
    doc.paths.paths.clear();
    Ok((
        doc,
        PathItems::from_values(paths.unwrap_or_default()),
        schemas,
    ))
}

/// Removes the entries of the object at `at` whose keys pass `keep`, in order; `None` when
/// there is no such object (the whole document is then read as usual, errors included).
fn take_entries(
    document: &mut Value,
    at: &[&str],
    keep: fn(&str) -> bool,
) -> Option<Vec<(String, Value)>> {
    let mut object: &mut Map<String, Value> = document.as_object_mut()?;
    for key in at {
        object = object.get_mut(*key)?.as_object_mut()?;
    }
    let (taken, left): (Vec<_>, Vec<_>) = std::mem::take(object)
        .into_iter()
        .partition(|(key, _)| keep(key));
    object.extend(left);
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_same_document_as_a_single_pass() {
        let text = r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"x-note": 1, "/b": {"get": {"responses": {"200": {"description": "ok"}}}},
                      "/a": {"$ref": "#/x"}},
            "components": {"schemas": {"Z": {"type": "string"}, "A": {"$ref": "#/components/schemas/Z"}},
                           "parameters": {}}}"##;
        let value: Value = serde_json::from_str(text).unwrap();
        let mut whole = OpenAPI::deserialize(value.clone()).unwrap();
        let (mut split, paths, schemas) = read(value).unwrap();
        split.paths.paths = paths.read_all(&Default::default()).unwrap();
        let schemas = schemas
            .read_all()
            .into_iter()
            .map(|(name, schema)| (name, schema.unwrap()));
        split.components.as_mut().unwrap().schemas = schemas.collect();
        assert_eq!(split.paths.paths.keys().collect::<Vec<_>>(), ["/b", "/a"]);
        assert!(split.paths.extensions.contains_key("x-note"));
        whole.paths.paths.sort_keys();
        split.paths.paths.sort_keys();
        assert_eq!(split, whole);
    }

    #[test]
    fn a_part_that_does_not_read_is_an_error() {
        let text = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"A": {"type": "string", "maxLength": "long"}}}}"#;
        assert!(read(serde_json::from_str(text).unwrap()).is_err());
    }
}
