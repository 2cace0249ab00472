//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Closed` (`/components/schemas/Closed`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Closed {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Closed {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<Closed, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "name" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Closed { name: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Names` (`/components/schemas/Names`).
pub type Names = Vec<String>;

/// Inline schema at `/components/schemas/Shapes/properties/number_or_string`.
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum NumberOrString {
    #[serde(serialize_with = "crate::support::finite::serialize")]
    Number(f64),
    String(String),
}

/// Schema `Open` (`/components/schemas/Open`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Open {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Properties beyond the ones listed above, as the spec allows.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<String, String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Open {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<Open, __A::Error> {
                let mut field0 = None;
                let mut additional_properties = ::std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "name" => field0 = Some(map.next_value()?),
                        _ => {
                            additional_properties
                                .insert(key.into_owned(), map.next_value::<String>()?);
                        }
                    }
                }
                Ok(Open {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub untyped_list: Option<Vec<::serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anything: Option<::serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_map: Option<::std::collections::BTreeMap<String, ::serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed_map: Option<::std::collections::BTreeMap<String, i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_or_string: Option<crate::NumberOrString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub int32: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub int64: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integer: Option<i64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub float: Option<f32>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub double: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<crate::date_time::DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<crate::date_time::Date>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Shapes {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<Shapes, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                let mut field4 = None;
                let mut field5 = None;
                let mut field6 = None;
                let mut field7 = None;
                let mut field8 = None;
                let mut field9 = None;
                let mut field10 = None;
                let mut field11 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "untyped_list" => field0 = Some(map.next_value()?),
                        "anything" => field1 = Some(map.next_value()?),
                        "free_map" => field2 = Some(map.next_value()?),
                        "typed_map" => {
                            field3 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "number_or_string" => field4 = Some(map.next_value()?),
                        "int32" => {
                            field5 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "int64" => {
                            field6 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "integer" => {
                            field7 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "float" => field8 = Some(map.next_value()?),
                        "double" => field9 = Some(map.next_value()?),
                        "when" => {
                            field10 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "day" => {
                            field11 = Some(
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
                Ok(Shapes {
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
