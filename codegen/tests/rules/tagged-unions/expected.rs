//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Two alternatives with the same value cannot be told apart by it, so this stays untagged.
///
/// Schema `Ambiguous` (`/components/schemas/Ambiguous`).
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum Ambiguous {
    Circle(crate::Circle),
    Round(crate::Round),
}

/// Schema `Cat` (`/components/schemas/Cat`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Cat {
    #[serde(rename = "petType")]
    pub pet_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meows: Option<bool>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Cat {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Cat;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Cat` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Cat, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "petType" => field0 = Some(map.next_value()?),
                        "meows" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Cat {
                    pet_type: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "petType",
                        ))?,
                    meows: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Circle` (`/components/schemas/Circle`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Circle {
    pub kind: crate::CircleKind,
    #[serde(serialize_with = "crate::support::finite::serialize")]
    pub radius: f64,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Circle {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Circle;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Circle` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Circle, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "kind" => field0 = Some(map.next_value()?),
                        "radius" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Circle {
                    kind: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "kind",
                        ))?,
                    radius: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "radius",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Circle/properties/kind`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CircleKind {
    /// `circle`
    Circle,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl CircleKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Circle => "circle",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for CircleKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for CircleKind {
    fn from(value: &str) -> Self {
        match value {
            "circle" => Self::Circle,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for CircleKind {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for CircleKind {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `Dog` (`/components/schemas/Dog`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Dog {
    #[serde(rename = "petType")]
    pub pet_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barks: Option<i32>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Dog {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Dog;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Dog` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Dog, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "petType" => field0 = Some(map.next_value()?),
                        "barks" => {
                            field1 = Some(
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
                Ok(Dog {
                    pet_type: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "petType",
                        ))?,
                    barks: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// A discriminator with a mapping for one alternative (two values); the other is tagged by its component name.
///
/// Schema `Pet` (`/components/schemas/Pet`).
///
/// Told apart by the `petType` property; an object whose `petType` this spec
/// does not list (or that has none) is kept as JSON in [`Pet::Other`].
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Pet {
    /// `petType` is `cat` or `kitten`.
    Cat(crate::Cat),
    /// `petType` is `Dog`.
    Dog(crate::Dog),
    /// An object whose `petType` is none of the above.
    Other(::serde_json::Value),
}

impl<'de> ::serde::Deserialize<'de> for Pet {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        match value.get("petType").and_then(::serde_json::Value::as_str) {
            Some("cat" | "kitten") => ::serde_json::from_value(value).map(Self::Cat),
            Some("Dog") => ::serde_json::from_value(value).map(Self::Dog),
            _ => return Ok(Self::Other(value)),
        }
            .map_err(::serde::de::Error::custom)
    }
}

/// Schema `PetBase` (`/components/schemas/PetBase`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct PetBase {
    #[serde(rename = "petType")]
    pub pet_type: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for PetBase {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = PetBase;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `PetBase` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<PetBase, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "petType" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PetBase {
                    pet_type: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "petType",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Round` (`/components/schemas/Round`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct Round {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::CircleKind>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::support::finite::serialize"
    )]
    pub diameter: Option<f64>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Round {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Round;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Round` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Round, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "kind" => field0 = Some(map.next_value()?),
                        "diameter" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Round {
                    kind: field0.flatten(),
                    diameter: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// No discriminator, but each alternative fixes `kind` to a value of its own.
///
/// Schema `Shape` (`/components/schemas/Shape`).
///
/// Told apart by the `kind` property; an object whose `kind` this spec
/// does not list (or that has none) is kept as JSON in [`Shape::Other`].
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Shape {
    /// `kind` is `circle`.
    Circle(crate::Circle),
    /// `kind` is `square`.
    Square(crate::Square),
    /// An object whose `kind` is none of the above.
    Other(::serde_json::Value),
}

impl<'de> ::serde::Deserialize<'de> for Shape {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        match value.get("kind").and_then(::serde_json::Value::as_str) {
            Some("circle") => ::serde_json::from_value(value).map(Self::Circle),
            Some("square") => ::serde_json::from_value(value).map(Self::Square),
            _ => return Ok(Self::Other(value)),
        }
            .map_err(::serde::de::Error::custom)
    }
}

/// Schema `Square` (`/components/schemas/Square`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Square {
    pub kind: crate::SquareKind,
    #[serde(serialize_with = "crate::support::finite::serialize")]
    pub side: f64,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Square {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Square;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Square` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Square, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "kind" => field0 = Some(map.next_value()?),
                        "side" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Square {
                    kind: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "kind",
                        ))?,
                    side: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "side",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Square/properties/kind`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SquareKind {
    /// `square`
    Square,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl SquareKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Square => "square",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for SquareKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for SquareKind {
    fn from(value: &str) -> Self {
        match value {
            "square" => Self::Square,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for SquareKind {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for SquareKind {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// A primitive alternative has no properties, so this stays untagged.
///
/// Schema `TextOrShape` (`/components/schemas/TextOrShape`).
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum TextOrShape {
    String(String),
    Circle(crate::Circle),
}
