//! Every schema of the spec as a Rust type.

#![allow(clippy::large_enum_variant)]

/// Schema `Extended` (`/components/schemas/Extended`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct Extended {
    /// The properties of `Reviewer`, which this schema includes (`allOf`).
    #[serde(flatten)]
    pub reviewer: crate::Reviewer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for Extended {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = Extended;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `Extended` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<Extended, __A::Error> {
                let mut field1 = None;
                let mut __rest = ::serde_json::Map::new();
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "note" => field1 = Some(map.next_value()?),
                        _ => {
                            __rest.insert(key.into_owned(), map.next_value()?);
                        }
                    }
                }
                Ok(Extended {
                    reviewer: ::serde::Deserialize::deserialize(
                            ::serde_json::Value::Object(__rest),
                        )
                        .map_err(<__A::Error as ::serde::de::Error>::custom)?,
                    note: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `GitHub` (`/components/schemas/GitHub`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct GitHub {
    pub provider: crate::GitHubProvider,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for GitHub {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = GitHub;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `GitHub` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<GitHub, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "provider" => field0 = Some(map.next_value()?),
                        "repo" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GitHub {
                    provider: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "provider",
                        ))?,
                    repo: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/GitHub/properties/provider`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GitHubProvider {
    /// `github`
    Github,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl GitHubProvider {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Github => "github",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for GitHubProvider {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for GitHubProvider {
    fn from(value: &str) -> Self {
        match value {
            "github" => Self::Github,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for GitHubProvider {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for GitHubProvider {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `GitLab` (`/components/schemas/GitLab`).
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct GitLab {
    pub provider: crate::GitLabProvider,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for GitLab {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = GitLab;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `GitLab` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<GitLab, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "provider" => field0 = Some(map.next_value()?),
                        "project" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GitLab {
                    provider: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "provider",
                        ))?,
                    project: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/GitLab/properties/provider`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GitLabProvider {
    /// `gitlab`
    Gitlab,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl GitLabProvider {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Gitlab => "gitlab",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for GitLabProvider {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for GitLabProvider {
    fn from(value: &str) -> Self {
        match value {
            "gitlab" => Self::Gitlab,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for GitLabProvider {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for GitLabProvider {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `Reviewer` (`/components/schemas/Reviewer`).
///
/// Told apart by the `kind` property; an object whose `kind` this spec
/// does not list (or that has none) is kept as JSON in [`Reviewer::Other`].
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Reviewer {
    /// `kind` is `user`.
    ReviewerVariant1(crate::ReviewerVariant1),
    /// `kind` is `team`.
    ReviewerVariant2(crate::ReviewerVariant2),
    /// An object whose `kind` is none of the above.
    Other(::serde_json::Value),
}

impl<'de> ::serde::Deserialize<'de> for Reviewer {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        match value.get("kind").and_then(::serde_json::Value::as_str) {
            Some("user") => ::serde_json::from_value(value).map(Self::ReviewerVariant1),
            Some("team") => ::serde_json::from_value(value).map(Self::ReviewerVariant2),
            _ => return Ok(Self::Other(value)),
        }
            .map_err(::serde::de::Error::custom)
    }
}

/// Inline schema at `/components/schemas/Reviewer/allOf/1/oneOf/0`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct ReviewerVariant1 {
    pub kind: crate::ReviewerVariant1Kind,
    pub user: String,
    pub id: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for ReviewerVariant1 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = ReviewerVariant1;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `ReviewerVariant1` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<ReviewerVariant1, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "kind" => field0 = Some(map.next_value()?),
                        "user" => field1 = Some(map.next_value()?),
                        "id" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ReviewerVariant1 {
                    kind: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "kind",
                        ))?,
                    user: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "user",
                        ))?,
                    id: field2
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "id",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Reviewer/allOf/1/oneOf/0/allOf/0/properties/kind`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ReviewerVariant1Kind {
    /// `user`
    User,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl ReviewerVariant1Kind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::User => "user",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for ReviewerVariant1Kind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for ReviewerVariant1Kind {
    fn from(value: &str) -> Self {
        match value {
            "user" => Self::User,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for ReviewerVariant1Kind {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for ReviewerVariant1Kind {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Inline schema at `/components/schemas/Reviewer/allOf/1/oneOf/1`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct ReviewerVariant2 {
    pub kind: crate::ReviewerVariant2Kind,
    pub team: String,
    pub id: String,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for ReviewerVariant2 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = ReviewerVariant2;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `ReviewerVariant2` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<ReviewerVariant2, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "kind" => field0 = Some(map.next_value()?),
                        "team" => field1 = Some(map.next_value()?),
                        "id" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ReviewerVariant2 {
                    kind: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "kind",
                        ))?,
                    team: field1
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "team",
                        ))?,
                    id: field2
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "id",
                        ))?,
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Reviewer/allOf/1/oneOf/1/allOf/0/properties/kind`.
///
/// Values the spec does not list are kept in the last variant, so a server that adds
/// a value never breaks deserialization, and the value round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ReviewerVariant2Kind {
    /// `team`
    Team,
    /// A value the spec does not list, kept exactly as received.
    Other(String),
}

impl ReviewerVariant2Kind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Team => "team",
            Self::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for ReviewerVariant2Kind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::convert::From<&str> for ReviewerVariant2Kind {
    fn from(value: &str) -> Self {
        match value {
            "team" => Self::Team,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl ::serde::Serialize for ReviewerVariant2Kind {
    fn serialize<__S: ::serde::Serializer>(
        &self,
        serializer: __S,
    ) -> Result<__S::Ok, __S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> ::serde::Deserialize<'de> for ReviewerVariant2Kind {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let key = <crate::support::Key<
            'de,
        > as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Ok(Self::from(key.as_str()))
    }
}

/// Schema `Setup` (`/components/schemas/Setup`).
///
/// Told apart by the `provider` property; an object whose `provider` this spec
/// does not list (or that has none) is kept as JSON in [`Setup::Other`].
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Setup {
    /// `provider` is `github`.
    SetupGitHub(crate::SetupGitHub),
    /// `provider` is `gitlab`.
    SetupGitLab(crate::SetupGitLab),
    /// An object whose `provider` is none of the above.
    Other(::serde_json::Value),
}

impl<'de> ::serde::Deserialize<'de> for Setup {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        match value.get("provider").and_then(::serde_json::Value::as_str) {
            Some("github") => ::serde_json::from_value(value).map(Self::SetupGitHub),
            Some("gitlab") => ::serde_json::from_value(value).map(Self::SetupGitLab),
            _ => return Ok(Self::Other(value)),
        }
            .map_err(::serde::de::Error::custom)
    }
}

/// Schema `SetupBase` (`/components/schemas/SetupBase`).
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct SetupBase {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for SetupBase {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = SetupBase;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `SetupBase` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<SetupBase, __A::Error> {
                let mut field0 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "branch" => field0 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SetupBase {
                    branch: field0.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Setup/allOf/1/oneOf/0`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct SetupGitHub {
    pub provider: crate::GitHubProvider,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for SetupGitHub {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = SetupGitHub;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `SetupGitHub` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<SetupGitHub, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "provider" => field0 = Some(map.next_value()?),
                        "repo" => field1 = Some(map.next_value()?),
                        "branch" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SetupGitHub {
                    provider: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "provider",
                        ))?,
                    repo: field1.flatten(),
                    branch: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Setup/allOf/1/oneOf/1`.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[non_exhaustive]
pub struct SetupGitLab {
    pub provider: crate::GitLabProvider,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for SetupGitLab {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = SetupGitLab;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `SetupGitLab` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<SetupGitLab, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                let mut field2 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "provider" => field0 = Some(map.next_value()?),
                        "project" => field1 = Some(map.next_value()?),
                        "branch" => field2 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SetupGitLab {
                    provider: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "provider",
                        ))?,
                    project: field1.flatten(),
                    branch: field2.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Schema `Typed` (`/components/schemas/Typed`).
///
/// Deserialized untagged: the first alternative that accepts the JSON value wins.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum Typed {
    TypedVariant1(crate::TypedVariant1),
    TypedVariant2(crate::TypedVariant2),
}

/// Inline schema at `/components/schemas/Typed/allOf/1/oneOf/0`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct TypedVariant1 {
    pub a: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for TypedVariant1 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = TypedVariant1;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `TypedVariant1` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<TypedVariant1, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "a" => field0 = Some(map.next_value()?),
                        "id" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TypedVariant1 {
                    a: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "a",
                        ))?,
                    id: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}

/// Inline schema at `/components/schemas/Typed/allOf/1/oneOf/1`.
#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
#[non_exhaustive]
pub struct TypedVariant2 {
    pub b: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[allow(deprecated)]
impl<'de> ::serde::Deserialize<'de> for TypedVariant2 {
    fn deserialize<__D: ::serde::Deserializer<'de>>(
        deserializer: __D,
    ) -> Result<Self, __D::Error> {
        struct __Visitor;
        impl<'de> ::serde::de::Visitor<'de> for __Visitor {
            type Value = TypedVariant2;
            fn expecting(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str("a `TypedVariant2` object")
            }

            fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: __A,
            ) -> Result<TypedVariant2, __A::Error> {
                let mut field0 = None;
                let mut field1 = None;
                while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                    match key.as_str() {
                        "b" => {
                            field0 = Some(
                                crate::support::lenient::FromLenient::from_raw(
                                    map.next_value()?,
                                ),
                            );
                        }
                        "id" => field1 = Some(map.next_value()?),
                        _ => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TypedVariant2 {
                    b: field0
                        .ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(
                            "b",
                        ))?,
                    id: field1.flatten(),
                })
            }
        }
        deserializer.deserialize_map(__Visitor)
    }
}
