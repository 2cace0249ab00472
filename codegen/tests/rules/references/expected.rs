//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Id` (`/components/schemas/Id`).
pub type Id = String;

/// Schema `Legacy` (`/components/schemas/Legacy`).
pub type Legacy = bool;

/// Schema `Size` (`/components/schemas/Size`).
pub type Size = i32;

/// Schema `Thing` (`/components/schemas/Thing`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Thing {
    /// The thing's identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::Id>,
    #[serde(skip_serializing_if = "crate::Nullable::is_absent")]
    pub size: crate::Nullable<crate::Size>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<crate::ThingOwner>,
    #[serde(rename = "ownerName", skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<crate::ThingOwnerName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy: Option<crate::Legacy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anything: Option<::serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nothing: Option<::serde_json::Value>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Thing {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Thing;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Thing` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Thing, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                let mut field4 = None;
                let mut field5 = None;
                let mut field6 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "id" => field0 = Some(map.next_value()?),
                        "size" => {
                            field1 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "owner" => field2 = Some(map.next_value()?),
                        "ownerName" => field3 = Some(map.next_value()?),
                        "legacy" => field4 = Some(map.next_value()?),
                        "anything" => field5 = Some(map.next_value()?),
                        "nothing" => field6 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Thing {
                    id: field0.flatten(),
                    size: field1.unwrap_or_default(),
                    owner: field2.flatten(),
                    owner_name: field3.flatten(),
                    legacy: field4.flatten(),
                    anything: field5.flatten(),
                    nothing: field6.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Thing/properties/owner`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct ThingOwner {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<crate::ThingOwnerName>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for ThingOwner {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = ThingOwner;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `ThingOwner` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<ThingOwner, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "name" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ThingOwner {
                    name: field0.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Thing_owner_name` (`/components/schemas/Thing_owner_name`).
pub type ThingOwnerName = String;

/// Schema `Tree` (`/components/schemas/Tree`).
pub type Tree = Vec<::serde_json::Value>;
