//! Text to `serde_json::Value`: JSON, or YAML read straight into the JSON data model.
//!
//! YAML mapping keys that YAML reads as numbers or booleans (an unquoted `200:` status code)
//! become strings, as in JSON. Hostile input is refused with a clear error: a document over
//! [`Limits::max_bytes`], and YAML whose aliases expand it past [`Limits::max_expansion`]
//! values per byte of text (a "billion laughs" alias bomb). Nesting deeper than 128 levels is
//! refused by both parsers. A leading byte-order mark is skipped.

use crate::error::{Error, Location, Result};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::fmt;

/// Limits on what a spec file may be, against hostile or broken input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// The largest file, in bytes (default 256 MiB).
    pub max_bytes: usize,
    /// How many values a YAML file may hold per byte of its text once its aliases are
    /// expanded (default 8). Without aliases a document has fewer values than bytes.
    pub max_expansion: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 << 20,
            max_expansion: 8,
        }
    }
}

/// Parses a spec file with the default limits.
pub fn parse_document(file: &str, text: &str) -> Result<Value> {
    parse_limited(file, text, Limits::default())
}

/// Parses a spec file; `.json` files (or text starting with `{`) as JSON, all others as YAML.
pub fn parse_limited(file: &str, text: &str, limits: Limits) -> Result<Value> {
    let text = within_limits(file, text, limits)?;
    if looks_like_json(file, text) {
        serde_json::from_str(text).map_err(|e| Error::Parse {
            at: at(file),
            reason: format!(
                "invalid JSON at line {} column {}: {e}",
                e.line(),
                e.column()
            ),
        })
    } else {
        let budget = Budget {
            left: Cell::new(text.len().saturating_mul(limits.max_expansion).max(100_000)),
        };
        let deserializer = serde_yaml::Deserializer::from_str(text);
        Node(&budget)
            .deserialize(deserializer)
            .map_err(|e| Error::Parse {
                at: at(file),
                reason: format!("invalid YAML: {e}"),
            })
    }
}

/// The text without a leading byte-order mark, if it is within the size limit.
pub(super) fn within_limits<'t>(file: &str, text: &'t str, limits: Limits) -> Result<&'t str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > limits.max_bytes {
        return Err(Error::Parse {
            at: at(file),
            reason: format!(
                "the file is {} bytes, over the {}-byte limit (`[limits] max_bytes` in api.toml)",
                text.len(),
                limits.max_bytes
            ),
        });
    }
    Ok(text)
}

/// Named JSON texts, each parsed, given to `prepare` and then to `make`, on every core, so
/// that only a few are ever held as `Value`s at once. `None` when one does not parse,
/// `prepare` refuses it or `make` gives `None`.
pub(super) fn each_prepared<T: Send>(
    entries: &[(String, &str)],
    prepare: &(dyn Fn(&mut Value) -> bool + Sync),
    make: &(dyn Fn(&str, &Value) -> Option<T> + Sync),
) -> Option<Vec<T>> {
    let made = crate::parallel::map(entries.len(), &|i| {
        let (name, text) = &entries[i];
        let mut value: Value = serde_json::from_str(text).ok()?;
        prepare(&mut value).then(|| make(name, &value))?
    });
    made.into_iter().collect()
}

/// Whether a file is read as JSON: by its name, or text that opens an object.
pub(super) fn looks_like_json(file: &str, text: &str) -> bool {
    file.ends_with(".json") || text.trim_start().starts_with('{')
}

fn at(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        pointer: String::new(),
    }
}

/// How many more values the document may produce.
struct Budget {
    left: Cell<usize>,
}

impl Budget {
    fn spend<E: de::Error>(&self) -> Result<(), E> {
        match self.left.get().checked_sub(1) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom(
                "the document expands to too many values (YAML aliases nested into an alias bomb?); see `[limits] max_expansion` in api.toml",
            )),
        }
    }
}

/// One YAML node, read as a JSON value.
struct Node<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::from(v))
    }

    /// An integer beyond 64 bits (`18446744073709552000`, 2^64 printed through a double by
    /// the tool that wrote the spec) is read as the nearest float, as a JSON parser reads it.
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        self.visit_f64(v as f64)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.0.spend()?;
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("number {v} has no JSON form")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.0.spend()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.0.spend()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Node(self.0))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.0.spend()?;
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let value = map.next_value_seed(Node(self.0))?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, _): (String, _) = data.variant()?;
        Err(de::Error::custom(format!(
            "YAML tag `!{tag}` is not supported"
        )))
    }
}

/// A mapping key: a string, or a number or boolean written as one.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scalar mapping key")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_yaml_keys_become_strings() {
        let v = parse_document("a.yaml", "responses:\n  200:\n    description: ok\n").unwrap();
        assert_eq!(v["responses"]["200"]["description"], "ok");
    }

    #[test]
    fn integers_beyond_64_bits_read_as_floats_as_in_json() {
        let yaml = "minimum: -9223372036854776000\nmaximum: 18446744073709552000\n18446744073709552000: key\n";
        let value = parse_document("spec.yaml", yaml).unwrap();
        assert_eq!(value["minimum"].as_f64(), Some(-9223372036854776000.0));
        assert_eq!(value["maximum"].as_f64(), Some(18446744073709552000.0));
        assert_eq!(value["18446744073709552000"], "key");
        let json = parse_document(
            "spec.json",
            r#"{"minimum": -9223372036854776000, "maximum": 18446744073709552000}"#,
        )
        .unwrap();
        assert_eq!(
            (json["minimum"].as_f64(), json["maximum"].as_f64()),
            (value["minimum"].as_f64(), value["maximum"].as_f64())
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let v = parse_document("a.yaml", "\u{feff}openapi: 3.0.3\n").unwrap();
        assert_eq!(v["openapi"], "3.0.3");
        let v = parse_document("a.json", "\u{feff}{\"openapi\": \"3.1.0\"}").unwrap();
        assert_eq!(v["openapi"], "3.1.0");
    }

    #[test]
    fn an_alias_bomb_is_refused_before_it_expands() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let err = parse_document("bomb.yaml", &text).unwrap_err().to_string();
        assert!(
            err.starts_with("bomb.yaml: cannot parse: invalid YAML: "),
            "{err}"
        );
        assert!(
            err.contains("the document expands to too many values"),
            "{err}"
        );
        // A few aliases, as specs use them to share a snippet, are fine.
        let shared = "a: &x {type: string}\nb: *x\nc: *x\n";
        assert_eq!(
            parse_document("ok.yaml", shared).unwrap()["c"]["type"],
            "string"
        );
    }

    #[test]
    fn size_and_depth_limits_name_the_file() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let err = parse_limited("big.json", "{\"openapi\": \"3.0.3\"}", limits)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "big.json: cannot parse: the file is 20 bytes, over the 10-byte limit (`[limits] max_bytes` in api.toml)");
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse_document("deep.json", &deep).unwrap_err().to_string();
        assert!(err.contains("recursion limit exceeded"), "{err}");
        let deep = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse_document("deep.yaml", &deep).unwrap_err().to_string();
        assert!(err.contains("recursion limit exceeded"), "{err}");
    }

    #[test]
    fn yaml_tags_are_refused() {
        let err = parse_document("t.yaml", "a: !custom 1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("YAML tag `!custom` is not supported"), "{err}");
    }

    #[test]
    fn bad_json_names_file_and_line() {
        let err = parse_document("spec.json", "{\n  \"openapi\": \n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("spec.json: cannot parse: invalid JSON at line 3"),
            "{err}"
        );
    }
}
