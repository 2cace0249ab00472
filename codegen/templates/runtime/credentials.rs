//! Credentials: what the client was given to prove who it is, and how each operation wants
//! it sent. An operation lists its security requirements (alternatives, each a set of
//! schemes sent together); the first one the client has every credential for is used.

use super::client::BuildError;
use super::redact::Secrets;
use reqwest::header::{HeaderValue, AUTHORIZATION, COOKIE};
use std::fmt;

/// A secret: a bearer token, a password or an API key. Its `Debug` output never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// Wraps a secret.
    pub fn new(token: impl Into<String>) -> Self {
        BearerToken(token.into())
    }

    /// The secret as it is sent (for blanking it out of error messages).
    pub(super) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

/// One security scheme of an operation's requirement, as the spec defines it.
#[doc(hidden)]
#[derive(Debug)]
pub enum Scheme {
    /// `Authorization: Bearer <token>` (HTTP bearer, OAuth 2, OpenID Connect).
    Bearer,
    /// `Authorization: Basic <user:password>`.
    Basic,
    /// An API key in a header, the query or a cookie.
    ApiKey {
        /// The scheme's name in `components.securitySchemes`.
        scheme: &'static str,
        /// Where the key goes.
        location: KeyLocation,
        /// The header, query parameter or cookie name.
        name: &'static str,
    },
}

/// Where an API key goes.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// The credentials a client was given.
#[derive(Clone, Default)]
pub(super) struct Credentials {
    pub(super) bearer: Option<BearerToken>,
    pub(super) basic: Option<(String, BearerToken)>,
    /// The key for every API key scheme without one of its own.
    pub(super) api_key: Option<BearerToken>,
    /// Keys for one scheme each, by the scheme's name in the spec.
    pub(super) api_keys: Vec<(String, BearerToken)>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |secret: Option<&BearerToken>| secret.map(|_| "<redacted>");
        let keys: Vec<(&str, &str)> = self.api_keys.iter().map(|(scheme, _)| (scheme.as_str(), "<redacted>")).collect();
        f.debug_struct("Credentials")
            .field("bearer", &redacted(self.bearer.as_ref()))
            .field("basic", &self.basic.as_ref().map(|(user, _)| (user, "<redacted>")))
            .field("api_key", &redacted(self.api_key.as_ref()))
            .field("api_keys", &keys)
            .finish()
    }
}

impl Credentials {
    /// Refuses secrets that cannot travel in a header (a line break, say); the secret itself
    /// is not kept in the error.
    pub(super) fn check(&self) -> Result<(), BuildError> {
        if let Some(token) = &self.bearer {
            HeaderValue::from_str(&format!("Bearer {}", token.0)).map_err(|_| BuildError::InvalidToken)?;
        }
        let keys = self.api_key.iter().chain(self.api_keys.iter().map(|(_, key)| key));
        for key in keys {
            HeaderValue::from_str(&key.0).map_err(|_| BuildError::InvalidApiKey)?;
        }
        Ok(())
    }

    /// Every secret, to blank out of error messages: with basic credentials, the password
    /// and `user:password`, whose base64 form is what the `Authorization` header carries.
    pub(super) fn secrets(&self) -> Secrets {
        let basic = self.basic.iter().flat_map(|(user, password)| [password.0.clone(), format!("{user}:{}", password.0)]);
        let keys = self.api_keys.iter().map(|(_, key)| key);
        let plain: Vec<String> =
            self.bearer.iter().chain(self.api_key.iter()).chain(keys).map(|s| s.0.clone()).chain(basic).collect();
        Secrets::new(plain.iter().map(String::as_str))
    }

    /// Adds the credentials of the first requirement the client can meet in full. An empty
    /// requirement (credentials optional) is used only when no other can be met.
    pub(super) fn apply(&self, requirements: &[&[Scheme]], mut request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let chosen = requirements.iter().find(|schemes| !schemes.is_empty() && schemes.iter().all(|s| self.has(s)));
        for scheme in chosen.copied().unwrap_or_default() {
            request = match scheme {
                Scheme::Bearer => match self.bearer.as_ref().and_then(|t| sensitive(&format!("Bearer {}", t.0))) {
                    Some(value) => request.header(AUTHORIZATION, value),
                    None => request,
                },
                Scheme::Basic => match &self.basic {
                    Some((user, password)) => request.basic_auth(user, Some(&password.0)),
                    None => request,
                },
                Scheme::ApiKey { scheme, location, name } => {
                    let Some(key) = self.key_for(scheme) else { continue };
                    match location {
                        KeyLocation::Query => request.query(&[(*name, key.expose())]),
                        KeyLocation::Header => match sensitive(key.expose()) {
                            Some(value) => request.header(*name, value),
                            None => request,
                        },
                        KeyLocation::Cookie => match sensitive(&format!("{name}={}", key.0)) {
                            Some(value) => request.header(COOKIE, value),
                            None => request,
                        },
                    }
                }
            };
        }
        request
    }

    fn has(&self, scheme: &Scheme) -> bool {
        match scheme {
            Scheme::Bearer => self.bearer.is_some(),
            Scheme::Basic => self.basic.is_some(),
            Scheme::ApiKey { scheme, .. } => self.key_for(scheme).is_some(),
        }
    }

    fn key_for(&self, scheme: &str) -> Option<&BearerToken> {
        self.api_keys.iter().find(|(name, _)| name == scheme).map(|(_, key)| key).or(self.api_key.as_ref())
    }
}

/// A header value marked sensitive (kept out of `Debug` and HTTP/2 header compression).
fn sensitive(text: &str) -> Option<HeaderValue> {
    let mut value = HeaderValue::from_str(text).ok()?;
    value.set_sensitive(true);
    Some(value)
}
