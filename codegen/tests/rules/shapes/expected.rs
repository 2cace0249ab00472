//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Closed` (`/components/schemas/Closed`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Closed {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Closed {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Closed;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Closed` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<Closed, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "name" => {
                            field0 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Closed { name: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Names` (`/components/schemas/Names`).
pub type Names = ::std::vec::Vec<::std::string::String>;

/// Inline schema at `/components/schemas/Shapes/properties/number_or_string`.
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum NumberOrString {
    #[serde(serialize_with = "crate::support::finite::serialize")]
    Number(f64),
    String(::std::string::String),
}

/// Schema `Open` (`/components/schemas/Open`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Open {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    /// Properties beyond the ones listed above, as the spec allows.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<
        ::std::string::String,
        ::std::string::String,
    >,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Open {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Open;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Open` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<Open, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut additional_properties = ::std::collections::BTreeMap::new();
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "name" => {
                            field0 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        _ => {
                            additional_properties
                                .insert(
                                    key.into_owned(),
                                    map.next_value::<::std::string::String>()?,
                                );
                        }
                    }
                }
                ::std::result::Result::Ok(Open {
                    name: field0.flatten(),
                    additional_properties,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Shapes` (`/components/schemas/Shapes`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Shapes {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub untyped_list: ::std::option::Option<::std::vec::Vec<::serde_json::Value>>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub anything: ::std::option::Option<::serde_json::Value>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub free_map: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    >,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub typed_map: ::std::option::Option<
        ::std::collections::BTreeMap<::std::string::String, i64>,
    >,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub number_or_string: ::std::option::Option<crate::NumberOrString>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub int32: ::std::option::Option<i32>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub int64: ::std::option::Option<i64>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub integer: ::std::option::Option<i64>,
    #[serde(
        skip_serializing_if = "::std::option::Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub float: ::std::option::Option<f32>,
    #[serde(
        skip_serializing_if = "::std::option::Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub double: ::std::option::Option<f64>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub when: ::std::option::Option<crate::date_time::DateTime>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub day: ::std::option::Option<crate::date_time::Date>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Shapes {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Shapes;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Shapes` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<Shapes, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<::std::vec::Vec<::serde_json::Value>>,
                > = ::std::option::Option::None;
                let mut field1: ::std::option::Option<
                    ::std::option::Option<::serde_json::Value>,
                > = ::std::option::Option::None;
                let mut field2: ::std::option::Option<
                    ::std::option::Option<
                        ::std::collections::BTreeMap<
                            ::std::string::String,
                            ::serde_json::Value,
                        >,
                    >,
                > = ::std::option::Option::None;
                let mut field3: ::std::option::Option<
                    ::std::option::Option<
                        ::std::collections::BTreeMap<::std::string::String, i64>,
                    >,
                > = ::std::option::Option::None;
                let mut field4: ::std::option::Option<
                    ::std::option::Option<crate::NumberOrString>,
                > = ::std::option::Option::None;
                let mut field5: ::std::option::Option<::std::option::Option<i32>> = ::std::option::Option::None;
                let mut field6: ::std::option::Option<::std::option::Option<i64>> = ::std::option::Option::None;
                let mut field7: ::std::option::Option<::std::option::Option<i64>> = ::std::option::Option::None;
                let mut field8: ::std::option::Option<::std::option::Option<f32>> = ::std::option::Option::None;
                let mut field9: ::std::option::Option<::std::option::Option<f64>> = ::std::option::Option::None;
                let mut field10: ::std::option::Option<
                    ::std::option::Option<crate::date_time::DateTime>,
                > = ::std::option::Option::None;
                let mut field11: ::std::option::Option<
                    ::std::option::Option<crate::date_time::Date>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "untyped_list" => {
                            field0 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::vec::Vec<::serde_json::Value>>,
                                    >()?,
                            );
                        }
                        "anything" => {
                            field1 = ::std::option::Option::Some(
                                map
                                    .next_value::<::std::option::Option<::serde_json::Value>>()?,
                            );
                        }
                        "free_map" => {
                            field2 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<
                                            ::std::collections::BTreeMap<
                                                ::std::string::String,
                                                ::serde_json::Value,
                                            >,
                                        >,
                                    >()?,
                            );
                        }
                        "typed_map" => {
                            field3 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    ::std::collections::BTreeMap<::std::string::String, i64>,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "number_or_string" => {
                            field4 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<crate::NumberOrString>,
                                    >()?,
                            );
                        }
                        "int32" => {
                            field5 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    i32,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "int64" => {
                            field6 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    i64,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "integer" => {
                            field7 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    i64,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "float" => {
                            field8 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<f32>>()?,
                            );
                        }
                        "double" => {
                            field9 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<f64>>()?,
                            );
                        }
                        "when" => {
                            field10 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    crate::date_time::DateTime,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "day" => {
                            field11 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    crate::date_time::Date,
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
                ::std::result::Result::Ok(Shapes {
                    untyped_list: field0.flatten(),
                    anything: field1.flatten(),
                    free_map: field2.flatten(),
                    typed_map: field3.flatten(),
                    number_or_string: field4.flatten(),
                    int32: field5.flatten(),
                    int64: field6.flatten(),
                    integer: field7.flatten(),
                    float: field8.flatten(),
                    double: field9.flatten(),
                    when: field10.flatten(),
                    day: field11.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
