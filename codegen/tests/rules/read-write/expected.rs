//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Id` (`/components/schemas/Id`).
pub type Id = ::std::string::String;

/// Schema `User` (`/components/schemas/User`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct User {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<crate::Id>,
    pub name: ::std::string::String,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub password: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "createdAt",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub created_at: ::std::option::Option<crate::date_time::DateTime>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for User {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = User;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `User` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<User, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<crate::Id>,
                > = ::std::option::Option::None;
                let mut field1: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                let mut field2: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field3: ::std::option::Option<
                    ::std::option::Option<crate::date_time::DateTime>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "id" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<crate::Id>>()?,
                            );
                        }
                        "name" => {
                            field1 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        "password" => {
                            field2 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "createdAt" => {
                            field3 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    crate::date_time::DateTime,
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
                ::std::result::Result::Ok(User {
                    id: field0.flatten(),
                    name: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "name",
                        ))?,
                    password: field2.flatten(),
                    created_at: field3.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
