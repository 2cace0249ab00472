//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Inline schema at `/paths/~1things/post/requestBody/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct CreateThingRequest {
    /// The server assumes `0` when absent.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub count: ::std::option::Option<i64>,
    /// The server assumes `[]` when absent.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}

/// Inline schema at `/paths/~1things/post/responses/200/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct CreateThingResponse {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub thing: ::std::option::Option<crate::ListThingsResponseItem>,
}

/// Inline schema at `/paths/~1things/get/responses/200/content/application~1json/schema/items`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct ListThingsResponseItem {
    /// Defaults to `0` when absent.
    #[serde(default, skip_serializing_if = "crate::support::is_default")]
    pub count: i64,
    /// Defaults to `false` when absent.
    #[serde(default, skip_serializing_if = "crate::support::is_default")]
    pub active: bool,
    /// The server assumes `20` when absent.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub limit: ::std::option::Option<i64>,
}
