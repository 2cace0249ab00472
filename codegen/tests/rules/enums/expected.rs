//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Channel` (`/components/schemas/Channel`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::serde::Serialize,
    ::serde::Deserialize
)]
pub enum Channel {
    /// `Phone/Call`
    #[serde(rename = "Phone/Call")]
    PhoneCall,
    /// `Stage Change`
    #[serde(rename = "Stage Change")]
    StageChange,
    /// `Follow-Up`
    #[serde(rename = "Follow-Up")]
    FollowUp,
    /// `email_sent`
    #[serde(rename = "email_sent")]
    EmailSent,
    /// `ai-chatting`
    #[serde(rename = "ai-chatting")]
    AiChatting,
    /// `Other`
    #[serde(rename = "Other")]
    Other,
    /// `2fa`
    #[serde(rename = "2fa")]
    V2fa,
    /// A value the spec does not list, kept exactly as received.
    #[serde(untagged)]
    OtherValue(::std::string::String),
}

impl Channel {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::PhoneCall => "Phone/Call",
            Self::StageChange => "Stage Change",
            Self::FollowUp => "Follow-Up",
            Self::EmailSent => "email_sent",
            Self::AiChatting => "ai-chatting",
            Self::Other => "Other",
            Self::V2fa => "2fa",
            Self::OtherValue(value) => value,
        }
    }
}

impl ::std::fmt::Display for Channel {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for Channel {
    fn from(value: &str) -> Self {
        match value {
            "Phone/Call" => Self::PhoneCall,
            "Stage Change" => Self::StageChange,
            "Follow-Up" => Self::FollowUp,
            "email_sent" => Self::EmailSent,
            "ai-chatting" => Self::AiChatting,
            "Other" => Self::Other,
            "2fa" => Self::V2fa,
            other => Self::OtherValue(other.to_owned()),
        }
    }
}

/// Schema `Fixed` (`/components/schemas/Fixed`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::serde::Serialize,
    ::serde::Deserialize
)]
pub enum Fixed {
    /// `only`
    #[serde(rename = "only")]
    Only,
    /// A value the spec does not list, kept exactly as received.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl Fixed {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Only => "only",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for Fixed {
    fn from(value: &str) -> Self {
        match value {
            "only" => Self::Only,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// Schema `Holder` (`/components/schemas/Holder`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
pub struct Holder {
    #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
    pub mode: crate::Nullable<crate::HolderMode>,
}

/// Inline schema at `/components/schemas/Holder/properties/mode`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::serde::Serialize,
    ::serde::Deserialize
)]
pub enum HolderMode {
    /// `fast`
    #[serde(rename = "fast")]
    Fast,
    /// `accurate`
    #[serde(rename = "accurate")]
    Accurate,
    /// A value the spec does not list, kept exactly as received.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl HolderMode {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Fast => "fast",
            Self::Accurate => "accurate",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for HolderMode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for HolderMode {
    fn from(value: &str) -> Self {
        match value {
            "fast" => Self::Fast,
            "accurate" => Self::Accurate,
            other => Self::Other(other.to_owned()),
        }
    }
}
