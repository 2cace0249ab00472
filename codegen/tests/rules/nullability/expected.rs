//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Leaf` (`/components/schemas/Leaf`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Leaf {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<bool>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Leaf {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Leaf;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Leaf` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Leaf, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "x" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Leaf { x: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Presence` (`/components/schemas/Presence`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Presence {
    pub required_plain: String,
    pub required_nullable: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional_plain: Option<String>,
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub optional_nullable: crate::Nullable<i32>,
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub always_null: crate::Nullable<::serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nullable_list: Option<Vec<Option<String>>>,
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub nullable_ref: crate::Nullable<crate::Leaf>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Presence {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Presence;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Presence` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Presence, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                let mut field4 = None;
                let mut field5 = None;
                let mut field6 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "required_plain" => field0 = Some(map.next_value()?),
                        "required_nullable" => field1 = Some(map.next_value()?),
                        "optional_plain" => field2 = Some(map.next_value()?),
                        "optional_nullable" => {
                            field3 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "always_null" => field4 = Some(map.next_value()?),
                        "nullable_list" => field5 = Some(map.next_value()?),
                        "nullable_ref" => field6 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Presence {
                    required_plain: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "required_plain",
                        ))?,
                    required_nullable: field1.flatten(),
                    optional_plain: field2.flatten(),
                    optional_nullable: field3.unwrap_or_default(),
                    always_null: field4.unwrap_or_default(),
                    nullable_list: field5.flatten(),
                    nullable_ref: field6.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
