//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Document` (`/components/schemas/Document`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Document {
    /// Ids stay strings, so an id in another form never fails a call.
    pub id: ::std::string::String,
    pub issued: crate::date_time::Date,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<crate::date_time::DateTime>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub content: ::std::option::Option<crate::Binary>,
    /// Base64 text, as sent.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub checksum: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub holidays: ::std::option::Option<::std::vec::Vec<crate::date_time::Date>>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Document {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
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
            ) -> ::std::result::Result<Document, __A::Error> {
                let mut field0: ::std::option::Option<::std::string::String> = ::std::option::Option::None;
                let mut field1: ::std::option::Option<crate::date_time::Date> = ::std::option::Option::None;
                let mut field2: ::std::option::Option<
                    ::std::option::Option<crate::date_time::DateTime>,
                > = ::std::option::Option::None;
                let mut field3: ::std::option::Option<
                    ::std::option::Option<crate::Binary>,
                > = ::std::option::Option::None;
                let mut field4: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field5: ::std::option::Option<
                    ::std::option::Option<::std::vec::Vec<crate::date_time::Date>>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "id" => {
                            field0 = ::std::option::Option::Some(
                                map.next_value::<::std::string::String>()?,
                            );
                        }
                        "issued" => {
                            field1 = ::std::option::Option::Some(
                                <crate::date_time::Date as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "updated" => {
                            field2 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    crate::date_time::DateTime,
                                > as crate::support::lenient::FromLenient>::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "content" => {
                            field3 = ::std::option::Option::Some(
                                map.next_value::<::std::option::Option<crate::Binary>>()?,
                            );
                        }
                        "checksum" => {
                            field4 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "holidays" => {
                            field5 = ::std::option::Option::Some(
                                <::std::option::Option<
                                    ::std::vec::Vec<crate::date_time::Date>,
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
                ::std::result::Result::Ok(Document {
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
