//! Query parameters written in a `style` other than exploded `form` (which
//! `progenitor_client::QueryParam` writes): joined `form`, space- and pipe-delimited arrays,
//! and `deepObject`.

use serde_json::Value;

/// How a query parameter's array or object is written. The examples show the values; in the
/// URL they are percent-encoded like every query value (`,` as `%2C`, a space as `+`).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryStyle {
    /// `form` with `explode: false`: `ids=1,2`; an object as `point=x,1,y,2`.
    FormJoined,
    /// `spaceDelimited`: `ids=1%202`.
    SpaceDelimited,
    /// `pipeDelimited`: `ids=1|2`.
    PipeDelimited,
    /// `deepObject`: `filter[name]=Rex&filter[age]=3`; nested objects nest the brackets, and an
    /// array repeats its key.
    DeepObject,
}

/// The `(name, value)` pairs a parameter adds to the query string: none for `None` or `null`.
/// A value that does not serialize is an error, never a parameter silently left out.
#[doc(hidden)]
pub fn query_pairs<T: serde::Serialize + ?Sized>(name: &str, value: &T, style: QueryStyle) -> Result<Vec<(String, String)>, super::error::Failure> {
    let mut pairs = Vec::new();
    let value = serde_json::to_value(value)
        .map_err(|e| super::error::Failure::InvalidRequest(format!("parameter `{name}` does not serialize: {e}")))?;
    match (style, value) {
        (_, Value::Null) => {}
        (QueryStyle::DeepObject, value) => deep(name.to_owned(), value, &mut pairs),
        // An empty list is no parameter, as exploded `form` writes it (not `ids=`, which
        // servers read as one empty item).
        (_, Value::Array(items)) if items.is_empty() => {}
        (_, Value::Array(items)) => {
            let separator = match style {
                QueryStyle::SpaceDelimited => " ",
                QueryStyle::PipeDelimited => "|",
                _ => ",",
            };
            let joined = items.iter().map(scalar).collect::<Vec<_>>().join(separator);
            pairs.push((name.to_owned(), joined));
        }
        (_, Value::Object(fields)) => {
            let joined = fields.iter().flat_map(|(key, value)| [key.clone(), scalar(value)]).collect::<Vec<_>>().join(",");
            pairs.push((name.to_owned(), joined));
        }
        (_, value) => pairs.push((name.to_owned(), scalar(&value))),
    }
    Ok(pairs)
}

fn deep(key: String, value: Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Object(fields) => {
            for (field, value) in fields {
                deep(format!("{key}[{field}]"), value, pairs);
            }
        }
        Value::Array(items) => {
            for item in items {
                deep(key.clone(), item, pairs);
            }
        }
        value => pairs.push((key, scalar(&value))),
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{query_pairs, QueryStyle};

    #[test]
    fn a_value_that_does_not_serialize_is_an_error_not_a_missing_parameter() {
        // JSON keys must be strings: a map keyed by pairs does not serialize.
        let mut map = std::collections::BTreeMap::new();
        map.insert((1, 2), 3);
        let error = query_pairs("filter", &map, QueryStyle::DeepObject).unwrap_err();
        assert!(matches!(&error, crate::runtime::error::Failure::InvalidRequest(reason) if reason.contains("`filter`")), "{error:?}");
        assert!(crate::runtime::simple_style(&map).is_err());
        let pairs = query_pairs("ids", &[1, 2], QueryStyle::PipeDelimited).unwrap();
        assert_eq!(pairs, [("ids".to_owned(), "1|2".to_owned())]);
    }
}
