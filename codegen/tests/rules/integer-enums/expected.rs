//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Variants are named by x-enum-varnames when it gives one name per value.
///
/// Schema `Level` (`/components/schemas/Level`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// `-1`
    Low,
    /// `0`
    Normal,
    /// `1`
    High,
    /// A value the spec does not list, kept exactly as received.
    Other(i64),
}

impl Level {
    /// The value as it appears on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::Low => -1,
            Self::Normal => 0,
            Self::High => 1,
            Self::Other(value) => *value,
        }
    }
}

impl ::std::fmt::Display for Level {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::std::convert::From<i64> for Level {
    fn from(value: i64) -> Self {
        match value {
            -1 => Self::Low,
            0 => Self::Normal,
            1 => Self::High,
            other => Self::Other(other),
        }
    }
}

impl ::serde::Serialize for Level {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_i64(self.value())
    }
}

impl<'de> ::serde::Deserialize<'de> for Level {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let raw = <<i64 as crate::support::lenient::FromLenient>::Raw as ::serde::Deserialize<
            'de,
        >>::deserialize(deserializer)?;
        Ok(Self::from(<i64 as crate::support::lenient::FromLenient>::from_raw(raw)))
    }
}

/// Variants are named after their values.
///
/// Schema `Priority` (`/components/schemas/Priority`).
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Priority {
    /// `1`
    V1,
    /// `2`
    V2,
    /// `3`
    V3,
    /// A value the spec does not list, kept exactly as received.
    Other(i64),
}

impl Priority {
    /// The value as it appears on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::V1 => 1,
            Self::V2 => 2,
            Self::V3 => 3,
            Self::Other(value) => *value,
        }
    }
}

impl ::std::fmt::Display for Priority {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::std::convert::From<i64> for Priority {
    fn from(value: i64) -> Self {
        match value {
            1 => Self::V1,
            2 => Self::V2,
            3 => Self::V3,
            other => Self::Other(other),
        }
    }
}

impl ::serde::Serialize for Priority {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_i64(self.value())
    }
}

impl<'de> ::serde::Deserialize<'de> for Priority {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let raw = <<i64 as crate::support::lenient::FromLenient>::Raw as ::serde::Deserialize<
            'de,
        >>::deserialize(deserializer)?;
        Ok(Self::from(<i64 as crate::support::lenient::FromLenient>::from_raw(raw)))
    }
}

/// Schema `Task` (`/components/schemas/Task`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Task {
    pub priority: crate::Priority,
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub code: crate::Nullable<crate::TaskCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retries: Option<crate::TaskRetries>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Task {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Task;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Task` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Task, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "priority" => field0 = Some(map.next_value()?),
                        "code" => field1 = Some(map.next_value()?),
                        "retries" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Task {
                    priority: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "priority",
                        ))?,
                    code: field1.unwrap_or_default(),
                    retries: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Task/properties/code`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TaskCode {
    /// `200`
    V200,
    /// `404`
    V404,
    /// A value the spec does not list, kept exactly as received.
    Other(i64),
}

impl TaskCode {
    /// The value as it appears on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::V200 => 200,
            Self::V404 => 404,
            Self::Other(value) => *value,
        }
    }
}

impl ::std::fmt::Display for TaskCode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::std::convert::From<i64> for TaskCode {
    fn from(value: i64) -> Self {
        match value {
            200 => Self::V200,
            404 => Self::V404,
            other => Self::Other(other),
        }
    }
}

impl ::serde::Serialize for TaskCode {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_i64(self.value())
    }
}

impl<'de> ::serde::Deserialize<'de> for TaskCode {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let raw = <<i64 as crate::support::lenient::FromLenient>::Raw as ::serde::Deserialize<
            'de,
        >>::deserialize(deserializer)?;
        Ok(Self::from(<i64 as crate::support::lenient::FromLenient>::from_raw(raw)))
    }
}

/// Inline schema at `/components/schemas/Task/properties/retries`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TaskRetries {
    /// `-2`
    VMinus2,
    /// `5`
    V5,
    /// A value the spec does not list, kept exactly as received.
    Other(i64),
}

impl TaskRetries {
    /// The value as it appears on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::VMinus2 => -2,
            Self::V5 => 5,
            Self::Other(value) => *value,
        }
    }
}

impl ::std::fmt::Display for TaskRetries {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.value(), f)
    }
}

impl ::std::convert::From<i64> for TaskRetries {
    fn from(value: i64) -> Self {
        match value {
            -2 => Self::VMinus2,
            5 => Self::V5,
            other => Self::Other(other),
        }
    }
}

impl ::serde::Serialize for TaskRetries {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_i64(self.value())
    }
}

impl<'de> ::serde::Deserialize<'de> for TaskRetries {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let raw = <<i64 as crate::support::lenient::FromLenient>::Raw as ::serde::Deserialize<
            'de,
        >>::deserialize(deserializer)?;
        Ok(Self::from(<i64 as crate::support::lenient::FromLenient>::from_raw(raw)))
    }
}
