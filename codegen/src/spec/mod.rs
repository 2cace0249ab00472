//! Loading: spec files in, one `openapiv3::OpenAPI` document with its [`PathItems`] and
//! [`ComponentSchemas`] out.
//!
//! Each file is parsed (YAML or JSON), the fragments are merged, the API's overlays are
//! applied, and the result is normalized to OpenAPI 3.0 forms. Only then is it read into
//! `openapiv3` types, so every later stage sees a single 3.0-shaped document and a
//! [`SourceMap`] that names the spec file behind any pointer (overlaid parts included).
//! The path items and component schemas stay compact JSON until lowering reads them (a path
//! item that does not read is reported then, with its pointer). A single JSON file without
//! overlays takes a faster way to the same result, which never holds the whole document as a
//! `serde_json::Value` (`fast.rs`).

mod fast;
mod hoist;
mod merge;
mod normalize;
mod overlay;
mod parse;
mod paths;
mod refs;
mod repair;
mod schemas;
mod typed;
pub(crate) mod v32;

pub use merge::SourceMap;
pub use parse::Limits;
pub use paths::PathItems;
pub(crate) use paths::{Outline, Unread};
pub(crate) use refs::Resolver;
pub use schemas::{ComponentSchemas, SchemaOutline};

use crate::error::{Error, Location, Result};
use serde_json::Value;

/// One spec file's name and text.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The path shown in errors and generated headers, relative to the project root.
    pub path: String,
    /// The file's contents.
    pub text: String,
}

/// A loaded spec: the merged document, its path items, and where each part came from.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The typed document, without its path items (`doc.paths` keeps only its extensions)
    /// and component schemas (`doc.components.schemas` is empty).
    pub doc: openapiv3::OpenAPI,
    /// The path items, read on demand: typed, they are most of a large spec's memory.
    pub paths: PathItems,
    /// The component schemas, read on demand for the same reason.
    pub schemas: ComponentSchemas,
    /// The `openapi` version string as published (`3.0.3`, `3.1.0`).
    pub version: String,
    /// Which file each part came from.
    pub sources: SourceMap,
    /// Defects repaired while loading (see `repair.rs`), each a warning with its place.
    pub repairs: Vec<crate::ir::Warning>,
}

/// Parses, normalizes and merges the given files into one spec.
pub fn load(files: &[SpecFile]) -> Result<Spec> {
    load_with_overlays(files, &[])
}

/// Parses and merges the given files, applies the overlays in order, and normalizes the
/// result into one spec.
pub fn load_with_overlays(files: &[SpecFile], overlays: &[SpecFile]) -> Result<Spec> {
    load_limited(files, overlays, Limits::default())
}

/// [`load_with_overlays`] within the given limits.
pub fn load_limited(files: &[SpecFile], overlays: &[SpecFile], limits: Limits) -> Result<Spec> {
    if let ([file], []) = (files, overlays) {
        if let Some(spec) = fast::load(file, limits)? {
            return Ok(spec);
        }
    }
    load_generally(files, overlays, limits)
}

/// Loading any spec: every file parsed whole, merged, overlaid, hoisted and normalized.
/// [`load_limited`] gives the same result; this is public so that tests can compare the two.
#[doc(hidden)]
pub fn load_generally(files: &[SpecFile], overlays: &[SpecFile], limits: Limits) -> Result<Spec> {
    let prepared = || -> Result<(Value, SourceMap, String, Vec<repair::Repair>)> {
        let (mut merged, sources, version) = document_limited(files, overlays, limits)?;
        let mut repairs = repair::repair_document(&mut merged);
        if v32::is_32(&version) {
            repairs.extend(v32::rewrite(&mut merged));
        }
        hoist::hoist_nested_targets(&mut merged);
        normalize::normalize_document(&mut merged);
        if v32::is_32(&version) {
            v32::set_aside_operations(&mut merged);
        }
        Ok((merged, sources, version, repairs))
    };
    let (merged, sources, version, repairs) = prepared()?;
    let repairs = repairs
        .into_iter()
        .map(|(pointer, message)| crate::ir::Warning {
            at: sources.locate(&pointer),
            message,
        })
        .collect();
    // Read by value: the document's strings move into the typed tree instead of being copied,
    // which halves peak memory on a large spec. An invalid document is prepared again to find
    // where it fails, which is only paid on that path.
    let Ok((doc, paths, schemas)) = typed::read(merged) else {
        return Err(invalid_document(prepared()?.0, &sources));
    };
    Ok(Spec {
        doc,
        paths,
        schemas,
        version,
        sources,
        repairs,
    })
}

/// The error for a document that `openapiv3` cannot read, at the innermost part that fails.
fn invalid_document(merged: Value, sources: &SourceMap) -> Error {
    let (pointer, reason) = match serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&merged)
    {
        // Both readings see the same value; this arm only keeps the function total.
        Ok(_) => (String::new(), "openapiv3 could not read it".into()),
        Err(e) => locate_invalid(&merged)
            .unwrap_or_else(|| (path_to_pointer(e.path()), e.inner().to_string())),
    };
    Error::Invalid {
        at: sources.locate(&pointer),
        reason: format!("not a valid OpenAPI document: {reason}"),
    }
}

/// The merged document with the overlays applied, in the form it was published (not
/// normalized): what a mock server should serve. Also returns where each part came from and
/// the `openapi` version.
pub fn document(files: &[SpecFile], overlays: &[SpecFile]) -> Result<(Value, SourceMap, String)> {
    document_limited(files, overlays, Limits::default())
}

fn document_limited(
    files: &[SpecFile],
    overlays: &[SpecFile],
    limits: Limits,
) -> Result<(Value, SourceMap, String)> {
    let mut fragments = Vec::with_capacity(files.len());
    let mut version = None;
    for file in files {
        let value = parse::parse_limited(&file.path, &file.text, limits)?;
        let this_version = check_version(&file.path, &value)?;
        version.get_or_insert(this_version);
        fragments.push((file.path.clone(), value));
    }
    let (mut merged, sources) = merge::merge(fragments)?;
    for file in overlays {
        overlay::apply(&mut merged, file)?;
    }
    if let Value::Object(map) = &mut merged {
        // 3.1 allows a document without paths (webhooks only); `openapiv3` requires the key.
        map.entry("paths")
            .or_insert_with(|| Value::Object(Default::default()));
    }
    Ok((merged, sources, version.unwrap_or_default()))
}

fn check_version(file: &str, doc: &Value) -> Result<String> {
    let at = Location {
        file: file.to_owned(),
        pointer: "/openapi".into(),
    };
    match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0.") || v.starts_with("3.1.") || v32::is_32(v) => {
            Ok(v.to_owned())
        }
        Some(v) => Err(Error::Unsupported {
            at,
            reason: format!("OpenAPI version {v} (3.0.x, 3.1.x and 3.2.x are supported)"),
        }),
        None if doc.get("swagger").is_some() => Err(Error::Unsupported {
            at,
            reason: "Swagger 2.0 documents (convert to OpenAPI 3 first)".into(),
        }),
        None => Err(Error::Invalid {
            at,
            reason: "missing `openapi` version string: is this an OpenAPI document?".into(),
        }),
    }
}

/// Finds the innermost operation or component that fails to read, for a precise pointer.
///
/// `openapiv3` flattens path maps and schemas, and serde loses the path through a flatten;
/// reading each part on its own recovers it.
fn locate_invalid(doc: &Value) -> Option<(String, String)> {
    use crate::pointer::join;
    use openapiv3::{Parameter, ReferenceOr, RequestBody, Response, Schema, SecurityScheme};
    for (path, item) in doc.get("paths")?.as_object().into_iter().flatten() {
        if let Some(found) = locate_invalid_path_item(&join("/paths", path), item) {
            return Some(found);
        }
    }
    for (section, entries) in doc
        .pointer("/components")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for (name, value) in entries.as_object().into_iter().flatten() {
            let at = join(&join("/components", section), name);
            let found = match section.as_str() {
                "schemas" => check::<ReferenceOr<Schema>>(value, &at),
                "responses" => check::<ReferenceOr<Response>>(value, &at),
                "parameters" => check::<ReferenceOr<Parameter>>(value, &at),
                "requestBodies" => check::<ReferenceOr<RequestBody>>(value, &at),
                "securitySchemes" => check::<ReferenceOr<SecurityScheme>>(value, &at),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// The innermost operation or parameter list of the path item at `at` that fails to read.
fn locate_invalid_path_item(at: &str, item: &Value) -> Option<(String, String)> {
    use openapiv3::{Operation, Parameter, ReferenceOr};
    item.as_object()
        .into_iter()
        .flatten()
        .find_map(|(key, value)| {
            let at = crate::pointer::join(at, key);
            match key.as_str() {
                "parameters" => check::<Vec<ReferenceOr<Parameter>>>(value, &at),
                "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" => {
                    check::<Operation>(value, &at)
                }
                _ => None,
            }
        })
}

/// Where and why `value`, standing at `at`, does not read as a `T`.
fn check<T: serde::de::DeserializeOwned>(value: &Value, at: &str) -> Option<(String, String)> {
    let error = serde_path_to_error::deserialize::<_, T>(value).err()?;
    let deepest = narrow::<T>(value, &path_to_pointer(error.path()));
    Some((format!("{at}{deepest}"), error.inner().to_string()))
}

/// The most reads [`narrow`] tries, so a large part cannot make an error slow to report.
const NARROW_READS: usize = 64;

/// The deepest place at or under `start` whose removal alone lets `value` read as a `T`.
/// serde's path stops at the first untagged enum (every "`$ref` or object" is one), so an
/// error inside a schema would otherwise name the whole component. Each level is bisected:
/// the half of a member list whose removal makes the value read holds the culprit.
fn narrow<T: serde::de::DeserializeOwned>(value: &Value, start: &str) -> String {
    let mut probe = value.clone();
    let mut current = start.to_owned();
    let mut reads = 0;
    loop {
        let mut members: Vec<String> = match probe.pointer(&current) {
            Some(Value::Object(map)) => map.keys().cloned().collect(),
            Some(Value::Array(items)) => (0..items.len()).map(|i| i.to_string()).collect(),
            _ => return current,
        };
        while members.len() > 1 {
            let (first, second) = members.split_at(members.len() / 2);
            reads += 1;
            if reads > NARROW_READS {
                return current;
            }
            if reads_without::<T>(&mut probe, &current, first) {
                members = first.to_vec();
            } else if reads_without::<T>(&mut probe, &current, second) {
                reads += 1;
                members = second.to_vec();
            } else {
                // Two broken members (or none): this level is as deep as one place goes.
                return current;
            }
        }
        match members.pop() {
            Some(member)
                if reads_without::<T>(&mut probe, &current, std::slice::from_ref(&member)) =>
            {
                reads += 1;
                current = crate::pointer::join(&current, &member);
            }
            _ => return current,
        }
    }
}

/// Whether `value` reads as a `T` without the given members of the object or array at
/// `parent` (array members are indices); they are put back after.
fn reads_without<T: serde::de::DeserializeOwned>(
    value: &mut Value,
    parent: &str,
    members: &[String],
) -> bool {
    let removed: Vec<(String, Value)> = match value.pointer_mut(parent) {
        Some(Value::Object(map)) => members
            .iter()
            .filter_map(|k| map.remove(k).map(|v| (k.clone(), v)))
            .collect(),
        Some(Value::Array(items)) => {
            let mut indices: Vec<usize> = members
                .iter()
                .filter_map(|m| m.parse().ok())
                .filter(|i| *i < items.len())
                .collect();
            indices.sort_unstable();
            indices
                .iter()
                .rev()
                .map(|&i| (i.to_string(), items.remove(i)))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect()
        }
        _ => return false,
    };
    let reads = T::deserialize(&*value).is_ok();
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => map.extend(removed),
        Some(Value::Array(items)) => {
            for (index, item) in removed {
                let index: usize = index.parse().unwrap_or(items.len());
                items.insert(index.min(items.len()), item);
            }
        }
        _ => {}
    }
    reads
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => pointer = crate::pointer::join(&pointer, key),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SpecFile {
        SpecFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn rejects_swagger_and_unknown_versions() {
        let err = load(&[file("s.json", r#"{"swagger": "2.0"}"#)])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "s.json#/openapi: unsupported: Swagger 2.0 documents (convert to OpenAPI 3 first)"
        );
        let err = load(&[file("s.yaml", "openapi: 4.0.0\n")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("OpenAPI version 4.0.0"), "{err}");
    }

    #[test]
    fn structural_errors_carry_a_pointer() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: 7\n";
        // Path items are read when their operations are lowered.
        let spec = load(&[file("s.yaml", text)]).unwrap();
        let err = spec.paths.read_all(&spec.sources).unwrap_err().to_string();
        assert!(
            err.starts_with("s.yaml#/paths/~1a/get/responses: not a valid OpenAPI document"),
            "{err}"
        );
    }

    #[test]
    fn truncated_document_is_a_parse_error() {
        let err = load(&[file("s.json", "{\"openapi\": \"3.1.0\", \"info\": {")])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("s.json: cannot parse: invalid JSON"),
            "{err}"
        );
    }
}
