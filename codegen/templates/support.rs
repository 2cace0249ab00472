//! Support types shared by every generated model: the tri-state [`Nullable`], [`Binary`]
//! content, lenient date-time and integer parsing, and the refusal to send non-finite numbers.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A property that is optional *and* nullable: absent, `null`, or a value.
///
/// `Option<T>` cannot tell "not sent" from "sent as `null`", and for an update request
/// that difference matters: absent leaves a field alone, `null` clears it.
/// Fields of this type are omitted from JSON when [`Nullable::Absent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Nullable<T> {
    /// The property is not present.
    #[default]
    Absent,
    /// The property is present and `null`.
    Null,
    /// The property is present with a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the property is absent; used to skip it when serializing.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the property is present and `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one.
    pub fn as_ref(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// The value, if there is one; absent and `null` both become `None`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `Some` is a value and `None` is an explicit `null`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => serializer.serialize_some(value),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

impl<T> From<T> for Nullable<T> {
    /// A value is present.
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

/// The required field a builder's `build()` was not given (types whose required fields share
/// a type are built by naming each: `Type::builder().field(..).build()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingField {
    /// The type being built.
    pub type_name: &'static str,
    /// The field left unset, by its Rust name.
    pub field: &'static str,
}

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` needs `{}`, which was not set", self.type_name, self.field)
    }
}

impl std::error::Error for MissingField {}

/// Date-time parsing that also accepts timestamps without an offset.
///
/// RFC 3339 requires an offset, but some servers send `2024-05-01T12:00:00` (a naive
/// Python `datetime`, for one). Such a timestamp is read as UTC rather than rejected;
/// every date-time is serialized back in RFC 3339 with `Z`.
pub mod date_time {
    use serde::{Deserialize, Deserializer};

    /// The date-time type used by every `format: date-time` field.
    pub type DateTime = chrono::DateTime<chrono::Utc>;

    /// Parses RFC 3339, or an ISO 8601 date-time without an offset, taken as UTC.
    pub fn parse(text: &str) -> Result<DateTime, chrono::ParseError> {
        chrono::DateTime::parse_from_rfc3339(text)
            .map(|parsed| parsed.with_timezone(&chrono::Utc))
            .or_else(|error| {
                chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                    .map(|naive| naive.and_utc())
                    .map_err(|_| error)
            })
    }

    /// A date-time read with [`parse`].
    pub struct Lenient(pub(crate) DateTime);

    impl<'de> Deserialize<'de> for Lenient {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
            parse(&text).map(Lenient).map_err(serde::de::Error::custom)
        }
    }

    /// The date type used by every `format: date` field; serialized as `2024-05-01`.
    pub type Date = chrono::NaiveDate;

    /// Parses a full date (`2024-05-01`), or the date of a date-time that a server sent where
    /// the spec says date.
    pub fn parse_date(text: &str) -> Result<Date, chrono::ParseError> {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|error| {
            parse(text).map(|date_time| date_time.date_naive()).map_err(|_| error)
        })
    }

    /// A date read with [`parse_date`].
    pub struct LenientDate(pub(crate) Date);

    impl<'de> Deserialize<'de> for LenientDate {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
            parse_date(&text).map(LenientDate).map_err(serde::de::Error::custom)
        }
    }
}

/// Binary content: a string with `format: binary`.
///
/// In a `multipart/form-data` body it is a file part, sent with its file name (the property's
/// name when none is given) and content type (`application/octet-stream` when none is given).
/// In JSON, which cannot carry raw bytes, it is the string's UTF-8 bytes; the file name and
/// content type are not part of it there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary {
    /// The content.
    pub bytes: Vec<u8>,
    /// The file name a multipart part is sent with.
    pub file_name: Option<String>,
    /// The media type a multipart part is sent with.
    pub content_type: Option<String>,
}

impl Binary {
    /// Content without a file name or media type.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Binary { bytes: bytes.into(), file_name: None, content_type: None }
    }

    /// The same content, sent with this file name.
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The same content, sent with this media type (`image/png`).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Binary::new(bytes)
    }
}

impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from_utf8_lossy(&self.bytes))
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Binary::new(text.into_bytes()))
    }
}

/// Reading what servers send rather than only what the spec says: date-times without an
/// offset (see [`date_time`]) and integers written as `1.0`, `1e2` or `-0`.
#[doc(hidden)]
// Unused in models without date-times or integers; the support module is the same for every API.
#[allow(dead_code)]
pub mod lenient {
    use super::Nullable;
    use serde::{Deserialize, Deserializer};
    use std::collections::BTreeMap;

    /// A type made of date-times or integers that can be read leniently.
    pub trait FromLenient: Sized {
        /// The same shape with a lenient reader in place of each date-time or integer.
        type Raw: for<'de> Deserialize<'de>;
        /// Converts the lenient form back.
        fn from_raw(raw: Self::Raw) -> Self;
    }

    impl FromLenient for super::date_time::DateTime {
        type Raw = super::date_time::Lenient;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.0
        }
    }

    impl FromLenient for super::date_time::Date {
        type Raw = super::date_time::LenientDate;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.0
        }
    }

    /// An integer read from any JSON number that is an exact integer in range.
    pub struct Int<T>(T);

    impl<'de, T: TryFrom<i64> + TryFrom<u64>> Deserialize<'de> for Int<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor<T>(std::marker::PhantomData<T>);

            impl<T: TryFrom<i64> + TryFrom<u64>> serde::de::Visitor<'_> for Visitor<T> {
                type Value = Int<T>;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an integer in range")
                }

                fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Int<T>, E> {
                    T::try_from(value).map(Int).map_err(|_| E::custom(format!("integer {value} out of range")))
                }

                fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Int<T>, E> {
                    T::try_from(value).map(Int).map_err(|_| E::custom(format!("integer {value} out of range")))
                }

                fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Int<T>, E> {
                    // Exact integers only: `1.0` and `1e2` are integers written as floats.
                    if value.fract() != 0.0 || !value.is_finite() {
                        return Err(E::custom(format!("expected an integer, found {value}")));
                    }
                    // 2^63 and 2^64 are exact as floats; the ranges are half-open.
                    let two_63 = -(i64::MIN as f64);
                    if (-two_63..two_63).contains(&value) {
                        self.visit_i64(value as i64)
                    } else if (0.0..2.0 * two_63).contains(&value) {
                        self.visit_u64(value as u64)
                    } else {
                        Err(E::custom(format!("integer {value} out of range")))
                    }
                }
            }

            deserializer.deserialize_any(Visitor(std::marker::PhantomData))
        }
    }

    impl FromLenient for i64 {
        type Raw = Int<i64>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.0
        }
    }

    impl FromLenient for i32 {
        type Raw = Int<i32>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.0
        }
    }

    impl<T: FromLenient> FromLenient for Option<T> {
        type Raw = Option<T::Raw>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.map(T::from_raw)
        }
    }

    impl<T: FromLenient> FromLenient for Nullable<T> {
        type Raw = Option<T::Raw>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.map(T::from_raw).into()
        }
    }

    impl<T: FromLenient> FromLenient for Vec<T> {
        type Raw = Vec<T::Raw>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.into_iter().map(T::from_raw).collect()
        }
    }

    impl<T: FromLenient> FromLenient for BTreeMap<String, T> {
        type Raw = BTreeMap<String, T::Raw>;
        fn from_raw(raw: Self::Raw) -> Self {
            raw.into_iter().map(|(k, v)| (k, T::from_raw(v))).collect()
        }
    }

    /// For `#[serde(deserialize_with)]` on any field made of date-times or integers.
    pub fn deserialize<'de, D: Deserializer<'de>, T: FromLenient>(deserializer: D) -> Result<T, D::Error> {
        T::Raw::deserialize(deserializer).map(T::from_raw)
    }
}

/// Refusing to send NaN or an infinity: JSON cannot carry them, and serde_json would send
/// `null` instead, which means something else.
#[doc(hidden)]
// Unused in models without numbers; the support module is the same for every API.
#[allow(dead_code)]
pub mod finite {
    use super::Nullable;
    use serde::{Serialize, Serializer};
    use std::collections::BTreeMap;

    /// Numbers, and containers of numbers, that can say whether they are all finite.
    pub trait Finite {
        /// Whether every number in the value is finite.
        fn all_finite(&self) -> bool;
    }

    impl Finite for f64 {
        fn all_finite(&self) -> bool {
            self.is_finite()
        }
    }

    impl Finite for f32 {
        fn all_finite(&self) -> bool {
            self.is_finite()
        }
    }

    impl<T: Finite> Finite for Option<T> {
        fn all_finite(&self) -> bool {
            self.as_ref().is_none_or(T::all_finite)
        }
    }

    impl<T: Finite> Finite for Nullable<T> {
        fn all_finite(&self) -> bool {
            self.as_ref().is_none_or(T::all_finite)
        }
    }

    impl<T: Finite> Finite for Vec<T> {
        fn all_finite(&self) -> bool {
            self.iter().all(T::all_finite)
        }
    }

    impl<T: Finite> Finite for BTreeMap<String, T> {
        fn all_finite(&self) -> bool {
            self.values().all(T::all_finite)
        }
    }

    /// For `#[serde(serialize_with)]` on any field made of floating-point numbers.
    pub fn serialize<T: Finite + Serialize, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        if value.all_finite() {
            value.serialize(serializer)
        } else {
            Err(serde::ser::Error::custom("a number is NaN or infinite, which JSON cannot represent"))
        }
    }
}

/// Whether a value equals its type's default; spec defaults are omitted when serializing, so
/// a response read and written back is unchanged.
// Unused in models without such defaults; the support module is the same for every API.
#[allow(dead_code)]
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A property name or enum value as read from the input: borrowed when the input allows,
/// so that matching it allocates nothing.
#[doc(hidden)]
// Unused in models without structs or enums; the support module is the same for every API.
#[allow(dead_code)]
pub struct Key<'de>(std::borrow::Cow<'de, str>);

#[allow(dead_code)]
impl<'de> Key<'de> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(value)))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}
