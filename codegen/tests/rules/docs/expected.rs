//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// A documented thing
///
/// Holds \[ids\] and &lt;T> values; see <https://example.com/docs>.
///
/// ```text
/// let x = compile_me_if_you_dare();
/// ```
///
///    indented code that must not become a doctest
///
/// Schema `Documented` (`/components/schemas/Documented`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Documented {
    /// A `mode` with \[brackets\].
    #[serde(
        rename = "voiceMode",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub voice_mode: ::std::option::Option<::std::string::String>,
    /// Location
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub loc: ::std::option::Option<::std::string::String>,
}
