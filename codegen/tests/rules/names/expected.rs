//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `app__routes__Wire_Names` (`/components/schemas/app__routes__Wire_Names`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct AppRoutesWireNames {
    #[serde(
        rename = "ID",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub id: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "userID",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub user_id: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "from_",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub from: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "messagesNum",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub messages_num: ::std::option::Option<f64>,
    #[serde(
        rename = "firstMessageTS",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub first_message_ts: ::std::option::Option<f64>,
    #[serde(
        rename = "userId",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub user_id_2: ::std::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub r#type: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub self_: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "3d",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub _3d: ::std::option::Option<bool>,
}
