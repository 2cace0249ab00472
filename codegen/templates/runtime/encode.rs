//! Parameters and bodies as they go on the wire: a path parameter as one segment, values in
//! OpenAPI's `simple` style, finite numbers only, numbers in a query as the server reads
//! them, and a body's stream flag. (Query parameters in other styles are in `query.rs`.)

use super::error::Failure;

/// Percent-encodes a path parameter as exactly one segment, so that no value can change which
/// endpoint is called: `/`, `\`, `?`, `#`, `%`, spaces and non-ASCII are encoded, and the
/// values a URL parser would still resolve to another path (empty, `.`, `..`) are refused.
#[doc(hidden)]
pub fn path_segment(name: &str, value: &str) -> Result<String, Failure> {
    if matches!(value, "" | "." | "..") {
        return Err(Failure::InvalidRequest(format!(
            "path parameter `{name}` is {value:?}, which would address a different endpoint"
        )));
    }
    // URL parsers read `\` as `/` in http(s) URLs; progenitor-client leaves it alone.
    Ok(progenitor_client::encode_path(value).replace('\\', "%5C"))
}

/// A parameter value in OpenAPI's `simple` style, for paths, headers and cookies: a string as
/// it is, an array's items joined by commas, an object's keys and values likewise, anything
/// else as its JSON text. A value that does not serialize is an error, never an empty value.
#[doc(hidden)]
pub fn simple_style<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    fn scalar(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        }
    }
    let value = serde_json::to_value(value).map_err(|e| Failure::InvalidRequest(format!("a parameter does not serialize: {e}")))?;
    Ok(match value {
        serde_json::Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(","),
        serde_json::Value::Object(fields) => {
            fields.iter().flat_map(|(k, v)| [k.clone(), scalar(v)]).collect::<Vec<_>>().join(",")
        }
        other => scalar(&other),
    })
}

/// A JSON request body with its boolean property `name` set to `value`: how a method that
/// asks for a stream (or for a whole body) tells an API that picks by a body flag. A body
/// that is not a JSON object is sent as it is.
#[doc(hidden)]
pub fn with_flag<T: serde::Serialize + ?Sized>(body: &T, name: &str, value: bool) -> Result<serde_json::Value, Failure> {
    let mut body = serde_json::to_value(body).map_err(|e| Failure::InvalidRequest(format!("the request body does not serialize: {e}")))?;
    if let serde_json::Value::Object(fields) = &mut body {
        fields.insert(name.to_owned(), serde_json::Value::Bool(value));
    }
    Ok(body)
}

/// Refuses a NaN or infinite number where a parameter is sent: JSON and query strings have
/// no way to say it, and sending `NaN` or `null` instead would be a different request.
#[doc(hidden)]
pub fn check_finite<T: Finite + ?Sized>(name: &str, value: &T) -> Result<(), Failure> {
    if value.is_finite_number() {
        Ok(())
    } else {
        Err(Failure::InvalidRequest(format!("parameter `{name}` is not a finite number")))
    }
}

/// Numbers, and containers of numbers, that can say whether they are all finite.
#[doc(hidden)]
pub trait Finite {
    /// Whether every number is finite.
    fn is_finite_number(&self) -> bool;
}

impl Finite for f64 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl Finite for f32 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl<T: Finite> Finite for Option<T> {
    fn is_finite_number(&self) -> bool {
        self.as_ref().is_none_or(T::is_finite_number)
    }
}

impl<T: Finite> Finite for Vec<T> {
    fn is_finite_number(&self) -> bool {
        self.iter().all(T::is_finite_number)
    }
}

/// A floating-point query parameter as people write it: `2` rather than `2.0` when the value
/// is a whole number (a page number, say), the shortest exact form otherwise.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct QueryNumber<T>(pub T);

impl<T: Copy + Into<f64>> serde::Serialize for QueryNumber<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value: f64 = self.0.into();
        let two_53 = 9_007_199_254_740_992.0;
        if value.fract() == 0.0 && value.abs() < two_53 {
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}
