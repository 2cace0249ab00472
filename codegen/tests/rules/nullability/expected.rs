//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Leaf` (`/components/schemas/Leaf`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Leaf {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub x: ::std::option::Option<bool>,
}

/// Schema `Presence` (`/components/schemas/Presence`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Presence {
    pub required_plain: ::std::string::String,
    #[serde(default)]
    pub required_nullable: ::std::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub optional_plain: ::std::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
    pub optional_nullable: crate::Nullable<i32>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub nullable_list: ::std::option::Option<
        ::std::vec::Vec<::std::option::Option<::std::string::String>>,
    >,
    #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
    pub nullable_ref: crate::Nullable<crate::Leaf>,
}
