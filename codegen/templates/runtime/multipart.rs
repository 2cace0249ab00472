//! `multipart/form-data` request bodies, for the APIs whose spec has one.

use super::error::Failure;
use serde_json::Value;

/// Builds a `multipart/form-data` body from a request type: one text part per property, in
/// the type's field order. A missing or `null` property is left out; an array becomes one
/// part per item; a string is sent as it is and any other value as its JSON text.
#[doc(hidden)]
pub fn multipart<T: serde::Serialize>(body: &T) -> Result<reqwest::multipart::Form, Failure> {
    let fields = match serde_json::to_value(body) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return Err(Failure::InvalidRequest("a multipart body must be an object".into())),
        Err(error) => return Err(Failure::InvalidRequest(format!("cannot encode the multipart body: {error}"))),
    };
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        match value {
            Value::Null => {}
            Value::Array(items) => {
                for item in items {
                    form = form.text(name.clone(), text(item));
                }
            }
            value => form = form.text(name, text(value)),
        }
    }
    Ok(form)
}

fn text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}
