//! Text to `serde_json::Value`: JSON, or YAML converted to the JSON data model.
//!
//! YAML goes through `serde_yaml::Value` first so that mapping keys that YAML reads as
//! numbers or booleans (an unquoted `200:` status code) become strings, as in JSON.

use crate::error::{Error, Location, Result};
use serde_json::Value;

/// Parses a spec file; `.json` files (or text starting with `{`) as JSON, all others as YAML.
pub fn parse_document(file: &str, text: &str) -> Result<Value> {
    let looks_like_json = file.ends_with(".json") || text.trim_start().starts_with('{');
    if looks_like_json {
        serde_json::from_str(text).map_err(|e| Error::Parse {
            at: at(file),
            reason: format!(
                "invalid JSON at line {} column {}: {e}",
                e.line(),
                e.column()
            ),
        })
    } else {
        let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| Error::Parse {
            at: at(file),
            reason: format!("invalid YAML: {e}"),
        })?;
        yaml_to_json(file, "", yaml)
    }
}

fn at(file: &str) -> Location {
    Location {
        file: file.to_owned(),
        pointer: String::new(),
    }
}

fn yaml_to_json(file: &str, pointer: &str, yaml: serde_yaml::Value) -> Result<Value> {
    use serde_yaml::Value as Y;
    let invalid = |reason: String| Error::Invalid {
        at: Location {
            file: file.to_owned(),
            pointer: pointer.to_owned(),
        },
        reason,
    };
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(f)
                    .map(Value::Number)
                    .ok_or_else(|| invalid(format!("number {f} has no JSON form")))?
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| yaml_to_json(file, &format!("{pointer}/{i}"), item))
                .collect::<Result<_>>()?,
        ),
        Y::Mapping(map) => {
            let mut object = serde_json::Map::new();
            for (key, value) in map {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    other => return Err(invalid(format!("mapping key {other:?} is not a scalar"))),
                };
                let child = crate::pointer::join(pointer, &key);
                let value = yaml_to_json(file, &child, value)?;
                object.insert(key, value);
            }
            Value::Object(object)
        }
        Y::Tagged(tagged) => {
            return Err(invalid(format!(
                "YAML tag `{}` is not supported",
                tagged.tag
            )))
        }
    })
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
