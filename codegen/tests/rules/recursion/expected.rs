//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Node` (`/components/schemas/Node`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Node {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub parent: ::std::option::Option<::std::boxed::Box<crate::Node>>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub children: ::std::option::Option<::std::vec::Vec<crate::Node>>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub partner: ::std::option::Option<::std::boxed::Box<crate::Partner>>,
}

/// Schema `Partner` (`/components/schemas/Partner`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Partner {
    /// Mutual recursion through a second type.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub back: ::std::option::Option<crate::Node>,
}
