//! Loading the common case, one JSON file without overlays, without ever holding the whole
//! document as a `serde_json::Value`.
//!
//! A `Value` takes seven to eight times its JSON's size, and the paths and component schemas
//! are most of a large spec. Here the file is split at its top level, at `paths` and at
//! `components/schemas` without building values (`RawValue`); each path item and each schema
//! is parsed, normalized, checked and stored compactly on its own, and only the rest of the
//! document becomes a `Value`.
//!
//! Whatever this way does not handle (a parse error, a reference [`hoist`](super::hoist)
//! would have to move, a part `openapiv3` cannot read) gives `None`, and the caller loads the
//! file the general way, which reports errors. Both ways give the same [`Spec`]: the unit tests
//! below compare them on every test spec, and the fuzz harness on every mutated one.

use super::paths::PathItems;
use super::schemas::ComponentSchemas;
use super::{
    check_version, hoist, normalize, parse, repair, typed, Limits, SourceMap, Spec, SpecFile,
};
use crate::error::Result;
use indexmap::IndexMap;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The spec in `file`, or `None` when the general way must load it.
pub(super) fn load(file: &SpecFile, limits: Limits) -> Result<Option<Spec>> {
    let text = parse::within_limits(&file.path, &file.text, limits)?;
    if !parse::looks_like_json(&file.path, text) {
        return Ok(None);
    }
    let Some(Split {
        rest,
        path_items,
        schemas,
    }) = split(text)
    else {
        return Ok(None);
    };
    let mut doc = Value::Object(rest);
    let version = check_version(&file.path, &doc)?;
    // 3.2 constructs are rewritten on the whole document, the general way.
    if super::v32::is_32(&version) {
        return Ok(None);
    }
    // A document with something to repair is loaded the general way, which reports each
    // repair with its place.
    if hoist::has_nested_refs(&doc) || repair::info_needed(&doc) || repair::needed(&doc) {
        return Ok(None);
    }
    let prepare = |item: &mut Value| {
        if repair::needed(item) {
            return false;
        }
        normalize::normalize_path_item(item);
        !hoist::has_nested_refs(item)
    };
    let Some(paths) = PathItems::from_text(&path_items, &prepare) else {
        return Ok(None);
    };
    let prepare_schema = |schema: &mut Value| {
        if repair::needed(schema) {
            return false;
        }
        normalize::normalize_schema(schema);
        !hoist::has_nested_refs(schema)
    };
    let Some(schemas) = ComponentSchemas::from_text(&schemas, &prepare_schema) else {
        return Ok(None);
    };
    normalize::normalize_document(&mut doc);
    let Ok((doc, _, _)) = typed::read(doc) else {
        return Ok(None);
    };
    Ok(Some(Spec {
        doc,
        paths,
        schemas,
        version,
        sources: SourceMap::single(&file.path),
        repairs: Vec::new(),
    }))
}

/// The document cut into the parts read apart: path items and component schemas as their
/// JSON text, and the rest as values (with `paths` holding only what is not a path item).
struct Split<'t> {
    rest: Map<String, Value>,
    path_items: Vec<(String, &'t str)>,
    schemas: Vec<(String, &'t str)>,
}

fn split(text: &str) -> Option<Split<'_>> {
    let mut split = Split {
        rest: Map::new(),
        path_items: Vec::new(),
        schemas: Vec::new(),
    };
    for (key, raw) in raw_object(text)? {
        let value = match key.as_str() {
            "paths" => Value::Object(split_object(
                raw,
                |path| path.starts_with('/'),
                &mut split.path_items,
            )?),
            "components" => {
                let mut sections = Vec::new();
                let components = split_object(raw, |section| section == "schemas", &mut sections)?;
                if let Some((_, schemas)) = sections.pop() {
                    split.schemas = raw_object(schemas)?
                        .into_iter()
                        .map(|(name, raw)| (name, raw.get()))
                        .collect();
                }
                Value::Object(components)
            }
            _ => serde_json::from_str(raw.get()).ok()?,
        };
        split.rest.insert(key, value);
    }
    // 3.1 allows a document without paths; `openapiv3` requires the key.
    split
        .rest
        .entry("paths")
        .or_insert_with(|| Value::Object(Map::new()));
    Some(split)
}

/// The object in `raw` as values, except the entries `apart` selects: those are appended to
/// `out` as their text.
fn split_object<'t>(
    raw: &'t RawValue,
    apart: fn(&str) -> bool,
    out: &mut Vec<(String, &'t str)>,
) -> Option<Map<String, Value>> {
    let mut kept = Map::new();
    for (key, raw) in raw_object(raw.get())? {
        if apart(&key) {
            out.push((key, raw.get()));
        } else {
            kept.insert(key, serde_json::from_str(raw.get()).ok()?);
        }
    }
    Some(kept)
}

/// A JSON object's entries, each left as its text; `None` for anything else.
fn raw_object(text: &str) -> Option<IndexMap<String, &RawValue>> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_file(text: &str) -> SpecFile {
        SpecFile {
            path: "spec.json".into(),
            text: text.into(),
        }
    }

    /// The fast path's spec, checked against the general way's for the same file.
    fn assert_same_as_general(file: &SpecFile) {
        let fast = load(file, Limits::default())
            .unwrap()
            .unwrap_or_else(|| panic!("{} fell back", file.path));
        assert_same(file, fast);
    }

    fn assert_same(file: &SpecFile, fast: Spec) {
        let general =
            super::super::load_generally(std::slice::from_ref(file), &[], Limits::default())
                .unwrap();
        assert_eq!(
            (&fast.doc, &fast.version, &fast.schemas),
            (&general.doc, &general.version, &general.schemas)
        );
        let sources = SourceMap::default();
        assert_eq!(
            fast.paths.read_all(&sources).unwrap(),
            general.paths.read_all(&sources).unwrap()
        );
        for index in 0..fast.paths.len() {
            assert_eq!(fast.paths.outline(index), general.paths.outline(index));
        }
    }

    #[test]
    fn every_test_spec_loads_as_the_general_way_loads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut yaml_files: Vec<_> = [
            "codegen/tests/rules",
            "xtask/tests/constructs",
            "xtask/tests/drift",
        ]
        .iter()
        .flat_map(|dir| walk(&root.join(dir)))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
        yaml_files.sort();
        let mut fast = 0;
        for path in &yaml_files {
            let value: Value =
                serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            if value.get("openapi").is_none() {
                continue;
            }
            let file = json_file(&serde_json::to_string_pretty(&value).unwrap());
            match load(&file, Limits::default()).unwrap() {
                Some(spec) => {
                    assert_same(&file, spec);
                    fast += 1;
                }
                // Only references into the middle of things send a valid spec the general way.
                None => assert!(
                    hoist::has_nested_refs(&value),
                    "{} fell back",
                    path.display()
                ),
            }
        }
        assert!(fast > 40, "{fast} of {}", yaml_files.len());
        let agentphone =
            std::fs::read_to_string(root.join("specs/agentphone/openapi.json")).unwrap();
        assert_same_as_general(&json_file(&agentphone));
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .flat_map(|entry| {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path)
                } else {
                    vec![path]
                }
            })
            .collect()
    }

    #[test]
    fn the_parts_of_paths_that_are_not_path_items_keep_their_places() {
        let text = r##"{"openapi": "3.1.0", "paths": {"x-a": {"schema": {"type": ["string", "null"]}},
            "/b": {"get": {"responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"type": ["integer", "null"]}}}}}}},
            "c": {}, "/a": {"$ref": "#/components/pathItems/A"}},
            "info": {"title": "t", "version": "1"}, "x-top": true}"##;
        assert_same_as_general(&json_file(text));
        let text = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}"#;
        assert_same_as_general(&json_file(text));
    }

    #[test]
    fn what_only_the_general_way_handles_falls_back_to_it() {
        let nested_in_path = r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get":
            {"responses": {"200": {"$ref": "#/components/schemas/A/properties/b"}}}}}}"##;
        let nested_in_components = r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"A": {"$ref": "#/definitions/B"}}}}"##;
        let invalid_part =
            r#"{"openapi": "3.0.3", "info": {"title": 7, "version": "1"}, "paths": {}}"#;
        let invalid_schema = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"A": {"type": "string", "maxLength": "long"}}}}"#;
        let schemas_not_an_object = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": []}}"#;
        let not_an_object = r#"[1]"#;
        let paths_not_an_object =
            r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": 7}"#;
        let cases = [
            nested_in_path,
            nested_in_components,
            invalid_part,
            invalid_schema,
            schemas_not_an_object,
            not_an_object,
            paths_not_an_object,
        ];
        for text in cases {
            assert!(
                load(&json_file(text), Limits::default()).unwrap().is_none(),
                "{text}"
            );
        }
        let yaml = SpecFile {
            path: "spec.yaml".into(),
            text: "openapi: 3.0.3\n".into(),
        };
        assert!(load(&yaml, Limits::default()).unwrap().is_none());
    }

    #[test]
    fn limits_and_versions_are_checked_as_the_general_way_checks_them() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let error = load(&json_file(r#"{"openapi": "3.0.3"}"#), limits)
            .unwrap_err()
            .to_string();
        assert!(error.contains("over the 10-byte limit"), "{error}");
        let error = load(&json_file(r#"{"swagger": "2.0"}"#), Limits::default())
            .unwrap_err()
            .to_string();
        assert!(error.contains("Swagger 2.0"), "{error}");
    }
}
