//! `multipart/form-data` request bodies, for the APIs whose spec has one.

use super::error::Failure;
use crate::models::{Binary, Nullable};
use reqwest::multipart::{Form, Part};
use serde_json::Value;

/// Builds a `multipart/form-data` body from a request type: one text part per property, in
/// the type's field order, except the `files` properties (added by [`file_parts`]). A missing
/// or `null` property is left out; an array becomes one part per item; a string is sent as it
/// is and any other value as its JSON text.
#[doc(hidden)]
pub fn multipart<T: serde::Serialize>(body: &T, files: &[&str]) -> Result<Form, Failure> {
    let fields = match serde_json::to_value(body) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return Err(Failure::InvalidRequest("a multipart body must be an object".into())),
        Err(error) => return Err(Failure::InvalidRequest(format!("cannot encode the multipart body: {error}"))),
    };
    let mut form = Form::new();
    for (name, value) in fields.into_iter().filter(|(name, _)| !files.contains(&name.as_str())) {
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

/// Adds a binary property's content as file parts named `name`: one for a [`Binary`], one
/// per item for a list, none when absent. Each has a file name (the property's name unless
/// the caller gave one: without it servers read the part as text) and a media type
/// (`application/octet-stream` unless given).
#[doc(hidden)]
pub fn file_parts<F: FileParts + ?Sized>(mut form: Form, name: &str, files: &F) -> Result<Form, Failure> {
    for file in files.files() {
        let file_name = file.file_name.clone().unwrap_or_else(|| name.to_owned());
        let content_type = file.content_type.as_deref().unwrap_or("application/octet-stream");
        let part = Part::bytes(file.bytes.clone())
            .file_name(file_name)
            .mime_str(content_type)
            .map_err(|_| Failure::InvalidRequest(format!("file part `{name}`: `{content_type}` is not a media type")))?;
        form = form.part(name.to_owned(), part);
    }
    Ok(form)
}

/// What a binary property can hold: one file, a list, or nothing.
#[doc(hidden)]
pub trait FileParts {
    /// The files, in order.
    fn files(&self) -> Vec<&Binary>;
}

impl FileParts for Binary {
    fn files(&self) -> Vec<&Binary> {
        vec![self]
    }
}

impl<T: FileParts> FileParts for Option<T> {
    fn files(&self) -> Vec<&Binary> {
        self.iter().flat_map(FileParts::files).collect()
    }
}

impl<T: FileParts> FileParts for Vec<T> {
    fn files(&self) -> Vec<&Binary> {
        self.iter().flat_map(FileParts::files).collect()
    }
}

impl<T: FileParts> FileParts for Nullable<T> {
    fn files(&self) -> Vec<&Binary> {
        match self {
            Nullable::Value(value) => value.files(),
            Nullable::Absent | Nullable::Null => Vec::new(),
        }
    }
}

impl<T: FileParts + ?Sized> FileParts for Box<T> {
    fn files(&self) -> Vec<&Binary> {
        (**self).files()
    }
}
