//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Closed` (`/components/schemas/Closed`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Closed {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
}

/// Schema `Names` (`/components/schemas/Names`).
pub type Names = ::std::vec::Vec<::std::string::String>;

/// Inline schema at `/components/schemas/Shapes/properties/number_or_string`.
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum NumberOrString {
    Number(f64),
    String(::std::string::String),
}

/// Schema `Open` (`/components/schemas/Open`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Open {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    /// Properties beyond the ones listed above, as the spec allows.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::std::string::String,
    >,
}

/// Schema `Shapes` (`/components/schemas/Shapes`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Shapes {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub untyped_list: ::std::option::Option<::std::vec::Vec<::serde_json::Value>>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub anything: ::std::option::Option<::serde_json::Value>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub free_map: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    >,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub typed_map: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, i64>,
    >,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub number_or_string: ::std::option::Option<crate::NumberOrString>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub int32: ::std::option::Option<i32>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub int64: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub integer: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub float: ::std::option::Option<f32>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub double: ::std::option::Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "crate::date_time::deserialize"
    )]
    pub when: ::std::option::Option<crate::date_time::DateTime>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub day: ::std::option::Option<::std::string::String>,
}
