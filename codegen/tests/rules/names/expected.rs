//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `app__routes__Wire_Names` (`/components/schemas/app__routes__Wire_Names`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct AppRoutesWireNames {
    #[serde(rename = "ID", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "userID", skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(rename = "from_", skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(
        rename = "messagesNum",
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub messages_num: Option<f64>,
    #[serde(
        rename = "firstMessageTS",
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub first_message_ts: Option<f64>,
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none")]
    pub user_id_2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_: Option<String>,
    #[serde(rename = "3d", skip_serializing_if = "Option::is_none")]
    pub _3d: Option<bool>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for AppRoutesWireNames {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<AppRoutesWireNames, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                let mut field4 = None;
                let mut field5 = None;
                let mut field6 = None;
                let mut field7 = None;
                let mut field8 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "ID" => field0 = Some(map.next_value()?),
                        "userID" => field1 = Some(map.next_value()?),
                        "from_" => field2 = Some(map.next_value()?),
                        "messagesNum" => field3 = Some(map.next_value()?),
                        "firstMessageTS" => field4 = Some(map.next_value()?),
                        "userId" => field5 = Some(map.next_value()?),
                        "type" => field6 = Some(map.next_value()?),
                        "self" => field7 = Some(map.next_value()?),
                        "3d" => field8 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AppRoutesWireNames {
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
