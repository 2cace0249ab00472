//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Channel` (`/components/schemas/Channel`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Channel {
    /// `Phone/Call`
    PhoneCall,
    /// `Stage Change`
    StageChange,
    /// `Follow-Up`
    FollowUp,
    /// `email_sent`
    EmailSent,
    /// `ai-chatting`
    AiChatting,
    /// `Other`
    Other,
    /// `2fa`
    V2fa,
    /// A value the spec does not list, kept exactly as received.
    OtherValue(String),
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

impl ::serde::Serialize for Channel {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for Channel {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `Fixed` (`/components/schemas/Fixed`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Fixed {
    /// `only`
    Only,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
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

impl ::serde::Serialize for Fixed {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for Fixed {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `Holder` (`/components/schemas/Holder`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Holder {
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub mode: crate::Nullable<crate::HolderMode>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Holder {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Holder;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Holder` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Holder, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "mode" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Holder {
                    mode: field0.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Holder/properties/mode`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HolderMode {
    /// `fast`
    Fast,
    /// `accurate`
    Accurate,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
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

impl ::serde::Serialize for HolderMode {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for HolderMode {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}
