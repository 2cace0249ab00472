//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Inline schema at `/paths/~1things/post/requestBody/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct CreateThingRequest {
    /// The server assumes `0` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// The server assumes `[]` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

#[allow(deprecated)]
impl CreateThingRequest {
    /// Every field absent, or at its default.
    pub fn new() -> Self {
        Self { count: None, tags: None }
    }
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for CreateThingRequest {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = CreateThingRequest;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `CreateThingRequest` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<CreateThingRequest, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "count" => {
                            field0 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "tags" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(CreateThingRequest {
                    count: field0.flatten(),
                    tags: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/paths/~1things/post/responses/200/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct CreateThingResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing: Option<crate::ListThingsResponseItem>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for CreateThingResponse {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = CreateThingResponse;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `CreateThingResponse` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<CreateThingResponse, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "thing" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(CreateThingResponse {
                    thing: field0.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/paths/~1things/get/responses/200/content/application~1json/schema/items`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct ListThingsResponseItem {
    /// Defaults to `0` when absent.
    #[serde(skip_serializing_if = "crate::support::is_default")]
    pub count: i64,
    /// Defaults to `false` when absent.
    #[serde(skip_serializing_if = "crate::support::is_default")]
    pub active: bool,
    /// The server assumes `20` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for ListThingsResponseItem {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = ListThingsResponseItem;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `ListThingsResponseItem` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<ListThingsResponseItem, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "count" => {
                            field0 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "active" => field1 = Some(map.next_value()?),
                        "limit" => {
                            field2 = Some(
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
                Ok(ListThingsResponseItem {
                    count: field0.unwrap_or_default(),
                    active: field1.unwrap_or_default(),
                    limit: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
