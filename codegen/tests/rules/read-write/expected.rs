//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Id` (`/components/schemas/Id`).
pub type Id = String;

/// Schema `User` (`/components/schemas/User`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct User {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::Id>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(rename = "createdAt", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<crate::date_time::DateTime>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for User {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<User, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "id" => field0 = Some(map.next_value()?),
                        "name" => field1 = Some(map.next_value()?),
                        "password" => field2 = Some(map.next_value()?),
                        "createdAt" => {
                            field3 = Some(
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
                Ok(User {
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
