//! Helpers for the project's tests: fixture loading and JSON equivalence.
//!
//! The tests themselves live in `tests/`; see the README for what each one proves.

pub mod prism;

/// The workspace README's Rust examples, compiled as doctests of this crate.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// `tests/fixtures/<relative>`.
pub fn fixture_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(relative)
}

/// Reads and parses a fixture file.
pub fn fixture(relative: &str) -> Value {
    let path = fixture_path(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Deserializes `json` as `T`, serializes it back, and checks the result is equivalent.
///
/// Properties named `unknown…` stand for fields a server added beyond the spec: they must be
/// accepted when reading and are expected to be dropped when writing back.
#[track_caller]
pub fn assert_round_trip<T: DeserializeOwned + Serialize>(json: &Value, what: &str) -> T {
    let typed: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| {
        panic!(
            "{what}: does not deserialize as {}: {e}\n{json:#}",
            std::any::type_name::<T>()
        )
    });
    let back =
        serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{what}: does not serialize: {e}"));
    if let Err(difference) = equivalent(json, &back, "") {
        panic!("{what}: round trip changed the JSON at {difference}\nbefore: {json:#}\nafter:  {back:#}");
    }
    typed
}

/// Compares JSON values as the API means them: numbers by value (`5` = `5.0`), date-times by
/// instant (`…T12:00:00` = `…T12:00:00Z`), and `unknown…` keys of `before` allowed to vanish.
/// `Err` gives the JSON pointer of the first difference.
pub fn equivalent(before: &Value, after: &Value, at: &str) -> Result<(), String> {
    match (before, after) {
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        (Value::String(a), Value::String(b)) if a == b || same_instant(a, b) => Ok(()),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (x, y))| equivalent(x, y, &format!("{at}/{i}"))),
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = format!("{at}/{key}");
                match b.get(key) {
                    Some(other) => equivalent(value, other, &here)?,
                    None if key.starts_with("unknown") => {}
                    None => return Err(format!("{here} (dropped)")),
                }
            }
            match b.keys().find(|k| !a.contains_key(*k)) {
                Some(extra) => Err(format!("{at}/{extra} (added)")),
                None => Ok(()),
            }
        }
        _ if before == after => Ok(()),
        _ => Err(if at.is_empty() { "/".into() } else { at.into() }),
    }
}

fn same_instant(a: &str, b: &str) -> bool {
    let parse = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.to_utc())
            .ok()
            .or_else(|| {
                chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                    .ok()
                    .map(|n| n.and_utc())
            })
    };
    matches!((parse(a), parse(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::equivalent;
    use serde_json::json;

    #[test]
    fn equivalence_rules() {
        assert!(equivalent(&json!({"a": 5}), &json!({"a": 5.0}), "").is_ok());
        assert!(equivalent(
            &json!("2024-05-01T12:00:00"),
            &json!("2024-05-01T12:00:00Z"),
            ""
        )
        .is_ok());
        assert!(equivalent(&json!({"unknownX": 1, "b": [1]}), &json!({"b": [1.0]}), "").is_ok());
        assert_eq!(
            equivalent(&json!({"a": 1}), &json!({}), ""),
            Err("/a (dropped)".into())
        );
        assert_eq!(
            equivalent(&json!({}), &json!({"a": null}), ""),
            Err("/a (added)".into())
        );
        assert_eq!(
            equivalent(&json!({"a": [1, 2]}), &json!({"a": [1, 3]}), ""),
            Err("/a/1".into())
        );
        assert!(equivalent(&json!("x"), &json!("y"), "").is_err());
    }
}
