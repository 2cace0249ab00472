//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `app__routes__Wire_Names` (`/components/schemas/app__routes__Wire_Names`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct AppRoutesWireNames {
    #[serde(rename = "ID", skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<::std::string::String>,
    #[serde(rename = "userID", skip_serializing_if = "::std::option::Option::is_none")]
    pub user_id: ::std::option::Option<::std::string::String>,
    #[serde(rename = "from_", skip_serializing_if = "::std::option::Option::is_none")]
    pub from: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "messagesNum",
        skip_serializing_if = "::std::option::Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub messages_num: ::std::option::Option<f64>,
    #[serde(
        rename = "firstMessageTS",
        skip_serializing_if = "::std::option::Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub first_message_ts: ::std::option::Option<f64>,
    #[serde(rename = "userId", skip_serializing_if = "::std::option::Option::is_none")]
    pub user_id_2: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub r#type: ::std::option::Option<::std::string::String>,
    #[serde(rename = "self", skip_serializing_if = "::std::option::Option::is_none")]
    pub self_: ::std::option::Option<::std::string::String>,
    #[serde(rename = "3d", skip_serializing_if = "::std::option::Option::is_none")]
    pub _3d: ::std::option::Option<bool>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for AppRoutesWireNames {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = AppRoutesWireNames;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `AppRoutesWireNames` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<AppRoutesWireNames, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field1: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field2: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field3: ::std::option::Option<::std::option::Option<f64>> = ::std::option::Option::None;
                let mut field4: ::std::option::Option<::std::option::Option<f64>> = ::std::option::Option::None;
                let mut field5: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field6: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field7: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field8: ::std::option::Option<::std::option::Option<bool>> = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "ID" => {
                            field0 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "userID" => {
                            field1 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "from_" => {
                            field2 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "messagesNum" => {
                            field3 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<f64>>()?,
                            );
                        }
                        "firstMessageTS" => {
                            field4 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<f64>>()?,
                            );
                        }
                        "userId" => {
                            field5 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "type" => {
                            field6 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "self" => {
                            field7 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "3d" => {
                            field8 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<bool>>()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(AppRoutesWireNames {
                    id: field0.flatten(),
                    user_id: field1.flatten(),
                    from: field2.flatten(),
                    messages_num: field3.flatten(),
                    first_message_ts: field4.flatten(),
                    user_id_2: field5.flatten(),
                    r#type: field6.flatten(),
                    self_: field7.flatten(),
                    _3d: field8.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
