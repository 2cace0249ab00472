//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Node` (`/components/schemas/Node`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Node {
    pub name: ::std::string::String,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub parent: ::std::option::Option<::std::boxed::Box<crate::Node>>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub children: ::std::option::Option<::std::vec::Vec<crate::Node>>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub partner: ::std::option::Option<::std::boxed::Box<crate::Partner>>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Node {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Node, __A::Error> {
                let mut field0: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                let mut field1: ::std::option::Option<
                    ::std::option::Option<::std::boxed::Box<crate::Node>>,
                > = ::std::option::Option::None;
                let mut field2: ::std::option::Option<
                    ::std::option::Option<::std::vec::Vec<crate::Node>>,
                > = ::std::option::Option::None;
                let mut field3: ::std::option::Option<
                    ::std::option::Option<::std::boxed::Box<crate::Partner>>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "name" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        "parent" => {
                            field1 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::boxed::Box<crate::Node>>,
                                    >()?,
                            );
                        }
                        "children" => {
                            field2 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::vec::Vec<crate::Node>>,
                                    >()?,
                            );
                        }
                        "partner" => {
                            field3 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::boxed::Box<crate::Partner>>,
                                    >()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Node {
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
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub back: ::std::option::Option<crate::Node>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Partner {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Partner, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<crate::Node>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "back" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<crate::Node>>()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Partner { back: field0.flatten() })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
