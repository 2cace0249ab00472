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
    #[serde(rename = "voiceMode", skip_serializing_if = "Option::is_none")]
    pub voice_mode: Option<String>,
    /// Location
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loc: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Documented {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
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
            ) -> Result<Documented, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "voiceMode" => field0 = Some(map.next_value()?),
                        "loc" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Documented {
                    voice_mode: field0.flatten(),
                    loc: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
