//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Node` (`/components/schemas/Node`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Node {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<::std::boxed::Box<crate::Node>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<crate::Node>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<::std::boxed::Box<crate::Partner>>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Node {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Node;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Node` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Node, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "name" => field0 = Some(map.next_value()?),
                        "parent" => field1 = Some(map.next_value()?),
                        "children" => field2 = Some(map.next_value()?),
                        "partner" => field3 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Node {
                    name: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "name",
                        ))?,
                    parent: field1.flatten(),
                    children: field2.flatten(),
                    partner: field3.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Partner` (`/components/schemas/Partner`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Partner {
    /// Mutual recursion through a second type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub back: Option<crate::Node>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Partner {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Partner;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Partner` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Partner, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "back" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Partner { back: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
