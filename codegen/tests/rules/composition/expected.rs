//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Base` (`/components/schemas/Base`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Base {
    pub id: ::std::string::String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Base {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Base, __A::Error> {
                let mut field0: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "id" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Base {
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
    pub id: ::std::string::String,
    pub extra: ::std::string::String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Derived {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Derived, __A::Error> {
                let mut field0: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                let mut field1: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "id" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        "extra" => {
                            field1 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Derived {
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
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub at: ::std::option::Option<crate::Timestamp>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Event {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Event, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<crate::Timestamp>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "at" => {
                            field0 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    crate::Timestamp,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Event { at: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Timestamp` (`/components/schemas/Timestamp`).
pub type Timestamp = crate::date_time::DateTime;
