//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Base` (`/components/schemas/Base`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Base {
    pub id: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Base {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Base;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Base` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Base, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "id" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Base {
                    id: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "id",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Base's properties, and its own beside the `allOf`.
///
/// Schema `Derived` (`/components/schemas/Derived`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Derived {
    pub id: String,
    pub extra: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Derived {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Derived;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Derived` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Derived, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "id" => field0 = Some(map.next_value()?),
                        "extra" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Derived {
                    id: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "id",
                        ))?,
                    extra: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "extra",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Event` (`/components/schemas/Event`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Event {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<crate::Timestamp>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Event {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Event;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Event` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Event, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "at" => {
                            field0 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Event { at: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Timestamp` (`/components/schemas/Timestamp`).
pub type Timestamp = crate::date_time::DateTime;
