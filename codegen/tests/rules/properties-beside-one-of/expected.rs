//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Card` (`/components/schemas/Card`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Card {
    pub number: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Card {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Card;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Card` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Card, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "number" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Card {
                    number: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "number",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Label` (`/components/schemas/Label`).
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum Label {
    String(String),
    LabelVariant2(crate::LabelVariant2),
}

/// Inline schema at `/components/schemas/Label/anyOf/1`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct LabelVariant2 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for LabelVariant2 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = LabelVariant2;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `LabelVariant2` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<LabelVariant2, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "text" => field0 = Some(map.next_value()?),
                        "lang" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(LabelVariant2 {
                    text: field0.flatten(),
                    lang: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Payment` (`/components/schemas/Payment`).
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum Payment {
    PaymentCard(crate::PaymentCard),
    PaymentVariant2(crate::PaymentVariant2),
}

/// Inline schema at `/components/schemas/Payment/oneOf/0`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct PaymentCard {
    pub number: String,
    pub amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for PaymentCard {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = PaymentCard;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `PaymentCard` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<PaymentCard, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "number" => field0 = Some(map.next_value()?),
                        "amount" => {
                            field1 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "note" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PaymentCard {
                    number: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "number",
                        ))?,
                    amount: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "amount",
                        ))?,
                    note: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Payment/oneOf/1`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct PaymentVariant2 {
    pub iban: String,
    pub amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for PaymentVariant2 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = PaymentVariant2;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `PaymentVariant2` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<PaymentVariant2, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "iban" => field0 = Some(map.next_value()?),
                        "amount" => {
                            field1 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "note" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PaymentVariant2 {
                    iban: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "iban",
                        ))?,
                    amount: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "amount",
                        ))?,
                    note: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
