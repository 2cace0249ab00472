//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// A documented thing
///
/// Holds \[ids\] and &lt;T> values; see <https://example.com/docs>.
///
/// ```text
/// let x = compile_me_if_you_dare();
/// ```
///
///    indented code that must not become a doctest
///
/// Schema `Documented` (`/components/schemas/Documented`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Documented {
    /// A `mode` with \[brackets\].
    #[serde(
        rename = "voiceMode",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub voice_mode: ::std::option::Option<::std::string::String>,
    /// Location
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub loc: ::std::option::Option<::std::string::String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Documented {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> ::std::result::Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Documented;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Documented` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> ::std::result::Result<Documented, __A::Error> {
                let mut field0: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                let mut field1: ::std::option::Option<
                    ::std::option::Option<::std::string::String>,
                > = ::std::option::Option::None;
                while let ::std::option::Option::Some(key) = map
                    .next_key::<crate::support::Key<'de>>()?
                {
                    match key.as_str() {
                        "voiceMode" => {
                            field0 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        "loc" => {
                            field1 = ::std::option::Option::Some(
                                map
                                    .next_value::<
                                        ::std::option::Option<::std::string::String>,
                                    >()?,
                            );
                        }
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                ::std::result::Result::Ok(Documented {
                    voice_mode: field0.flatten(),
                    loc: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
