//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Document` (`/components/schemas/Document`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Document {
    /// Ids stay strings, so an id in another form never fails a call.
    pub id: String,
    pub issued: crate::date_time::Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<crate::date_time::DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<crate::Binary>,
    /// Base64 text, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<crate::date_time::Date>>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Document {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Document;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Document` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Document, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                let mut field3 = None;
                let mut field4 = None;
                let mut field5 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "id" => field0 = Some(map.next_value()?),
                        "issued" => {
                            field1 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "updated" => {
                            field2 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "content" => field3 = Some(map.next_value()?),
                        "checksum" => field4 = Some(map.next_value()?),
                        "holidays" => {
                            field5 = Some(
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
                Ok(Document {
                    id: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "id",
                        ))?,
                    issued: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "issued",
                        ))?,
                    updated: field2.flatten(),
                    content: field3.flatten(),
                    checksum: field4.flatten(),
                    holidays: field5.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
