//! The client and its builder: base URL, credentials, timeout, retries and limits.

use super::credentials::{BearerToken, Credentials};
use super::redact::{url_without_userinfo, Secrets};
use super::retry::RetryPolicy;
use std::fmt;
use std::time::Duration;

/// Sent as `User-Agent` unless a request sets its own: this crate's name and version.
pub(super) const USER_AGENT_VALUE: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// How long an event stream may stay open unless the client or the call says otherwise: a
/// server that trickles bytes keeps the idle timeout from firing, and this ends it anyway.
const DEFAULT_MAX_STREAM_DURATION: Duration = Duration::from_secs(60 * 60);

/// The API client: a base URL, credentials, a retry policy, and a `reqwest::Client`.
///
/// Cloning is cheap: clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    pub(super) base_url: String,
    pub(super) http: reqwest::Client,
    pub(super) credentials: Credentials,
    /// Every form of the credentials, blanked out of what errors show.
    pub(super) secrets: Secrets,
    pub(super) retry: RetryPolicy,
    pub(super) max_response_bytes: u64,
    /// The timeout of each attempt, as configured; event streams use it as their idle timeout.
    pub(super) timeout: Duration,
    /// How long an event stream may stay open.
    pub(super) max_stream_duration: Duration,
    /// Why the client has no base URL, when [`Client::new`] found the spec's default server
    /// unusable (a relative `/v1`, say): every call fails with it instead of being sent.
    pub(super) no_base_url: Option<String>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the default server, without credentials, with the default timeout.
    ///
    /// Like `reqwest::Client::new`, this panics if the TLS backend cannot be initialised;
    /// [`Client::builder`] reports that as an error instead. Where the spec's default server
    /// is not an absolute URL, every call fails with [`Error::InvalidRequest`](crate::Error)
    /// saying so; [`Client::builder`] refuses it at `build()`.
    pub fn new() -> Self {
        Self::for_default_server(crate::servers::DEFAULT)
    }

    fn for_default_server(default: &str) -> Self {
        let http = reqwest::Client::builder()
            .timeout(crate::defaults::TIMEOUT)
            .redirect(same_origin_redirects())
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        let builder = ClientBuilder::default();
        match checked_base_url(default) {
            Ok(base_url) => builder.build_with(http, base_url),
            Err(problem) => Client {
                no_base_url: Some(format!("the client has no base URL ({problem}); give one with `Client::builder().base_url(..)`")),
                ..builder.build_with(http, String::new())
            },
        }
    }

    /// Fails a call made without a base URL (see [`Client::new`]).
    pub(super) fn check_base_url(&self) -> Result<(), super::error::Failure> {
        match &self.no_base_url {
            Some(problem) => Err(super::error::Failure::InvalidRequest(problem.clone())),
            None => Ok(()),
        }
    }

    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL every operation's path is appended to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The underlying `reqwest` client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.http
    }

    /// The retry policy calls use unless their [`RequestOptions`](crate::RequestOptions) say otherwise.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }
}

impl Default for Client {
    fn default() -> Self {
        Client::new()
    }
}

/// Why a [`ClientBuilder`] could not build a client.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// The base URL is not an absolute `http` or `https` URL without a query or fragment.
    InvalidBaseUrl {
        /// The URL as given, with any user name and password blanked.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The token cannot be sent in a header (it has a line break or another control
    /// character). The token itself is not kept.
    InvalidToken,
    /// An API key cannot be sent in a header or cookie (it has a line break or another
    /// control character). The key itself is not kept.
    InvalidApiKey,
    /// [`ClientBuilder::api_key_for`] names a scheme the spec does not define as an API key
    /// scheme (names are matched exactly, as in `components.securitySchemes`).
    UnknownKeyScheme {
        /// The name as given.
        scheme: String,
        /// The API key schemes the spec defines.
        known: &'static [&'static str],
    },
    /// The HTTP client could not be created (its TLS backend did not initialise).
    Http(reqwest::Error),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::InvalidBaseUrl { url, reason } => write!(f, "invalid base URL `{url}`: {reason}"),
            BuildError::InvalidToken => {
                f.write_str("invalid bearer token: it contains a character a header cannot carry (such as a line break)")
            }
            BuildError::InvalidApiKey => {
                f.write_str("invalid API key: it contains a character a header cannot carry (such as a line break)")
            }
            BuildError::UnknownKeyScheme { scheme, known } => {
                let scheme = Secrets::default().redact(scheme);
                write!(f, "`{scheme}` is not an API key scheme of this API; its API key schemes are {known:?}")
            }
            BuildError::Http(e) => write!(f, "cannot create the HTTP client: {e}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Http(e) => Some(e),
            _ => None,
        }
    }
}

/// Configures a [`Client`].
#[derive(Debug, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Credentials,
    http: Option<reqwest::Client>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    max_response_bytes: Option<u64>,
    max_stream_duration: Option<Duration>,
}

impl ClientBuilder {
    /// The server to talk to: one of the constants in `servers`, or any other absolute
    /// `http(s)` URL. Its path is kept (operation paths are appended to it); a query or a
    /// fragment is refused by [`Self::build`], since it would send every request elsewhere.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The bearer token, sent as `Authorization: Bearer` to operations whose spec accepts
    /// HTTP bearer, OAuth 2 or OpenID Connect credentials (obtaining the token is yours to do).
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.credentials.bearer = Some(BearerToken::new(token));
        self
    }

    /// A user name and password, sent as `Authorization: Basic` to operations whose spec
    /// accepts HTTP basic credentials.
    pub fn basic_auth(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.credentials.basic = Some((username.into(), BearerToken::new(password)));
        self
    }

    /// The API key, sent to operations whose spec accepts an API key, in the header, query
    /// parameter or cookie the spec names.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.credentials.api_key = Some(BearerToken::new(key));
        self
    }

    /// The API key for one API key scheme, by its name in the spec's
    /// `components.securitySchemes`, for APIs that take several different keys; it wins over
    /// [`Self::api_key`] for that scheme. A name the spec does not give an API key scheme
    /// (in another case, say, or a header's name) fails [`Self::build`] with
    /// [`BuildError::UnknownKeyScheme`]: such a key would never be sent.
    pub fn api_key_for(mut self, scheme: impl Into<String>, key: impl Into<String>) -> Self {
        let scheme = scheme.into();
        self.credentials.api_keys.retain(|(name, _)| *name != scheme);
        self.credentials.api_keys.push((scheme, BearerToken::new(key)));
        self
    }

    /// Uses your own `reqwest::Client` (proxies, TLS settings, middleware); the timeout and
    /// the redirect policy are then yours to configure on it. reqwest's default policy sends
    /// an API key header on to whatever host a redirect names: give yours
    /// `reqwest::redirect::Policy::none()`, or a policy that stops where the origin changes,
    /// as the client's own does.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The timeout of each attempt (default [`crate::defaults::TIMEOUT`]); ignored with
    /// [`Self::http_client`]. [`RequestOptions::timeout`](crate::RequestOptions::timeout)
    /// overrides it for one call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy for every call (default [`RetryPolicy::default`]: the API's
    /// defaults, retrying only what cannot repeat a side effect).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Shorthand for a retry policy with this many retries; `0` turns retries off.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry = Some(self.retry.take().unwrap_or_default().max_retries(retries));
        self
    }

    /// Shorthand for a retry policy with this initial backoff.
    pub fn retry_backoff(mut self, delay: Duration) -> Self {
        self.retry = Some(self.retry.take().unwrap_or_default().initial_backoff(delay));
        self
    }

    /// The largest response body a call reads (default
    /// [`crate::defaults::MAX_RESPONSE_BYTES`]); a larger one fails with
    /// [`Error::ResponseTooLarge`](crate::Error::ResponseTooLarge).
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// The longest an event stream may stay open (default one hour), however steadily the
    /// server sends: past it the stream ends with
    /// [`StreamError::Expired`](crate::StreamError::Expired).
    pub fn max_stream_duration(mut self, lifetime: Duration) -> Self {
        self.max_stream_duration = Some(lifetime);
        self
    }

    /// Builds the client: fails if the base URL, the token or an API key cannot be used, or if the HTTP
    /// client cannot be created.
    pub fn build(mut self) -> Result<Client, BuildError> {
        let base_url = checked_base_url(self.base_url.as_deref().unwrap_or(crate::servers::DEFAULT))?;
        self.credentials.check()?;
        if let Some((scheme, _)) = self.credentials.api_keys.iter().find(|(name, _)| !crate::defaults::API_KEY_SCHEMES.contains(&name.as_str())) {
            return Err(BuildError::UnknownKeyScheme { scheme: scheme.clone(), known: crate::defaults::API_KEY_SCHEMES });
        }
        let http = match self.http.take() {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(self.timeout.unwrap_or(crate::defaults::TIMEOUT))
                .redirect(same_origin_redirects())
                .build()
                .map_err(BuildError::Http)?,
        };
        Ok(self.build_with(http, base_url))
    }

    fn build_with(self, http: reqwest::Client, base_url: String) -> Client {
        Client {
            base_url,
            http,
            secrets: self.credentials.secrets(),
            credentials: self.credentials,
            retry: self.retry.unwrap_or_default(),
            max_response_bytes: self.max_response_bytes.unwrap_or(crate::defaults::MAX_RESPONSE_BYTES),
            timeout: self.timeout.unwrap_or(crate::defaults::TIMEOUT),
            max_stream_duration: self.max_stream_duration.unwrap_or(DEFAULT_MAX_STREAM_DURATION),
            no_base_url: None,
        }
    }
}

/// Redirects are followed (at most 10) while they stay on the origin of the first request; one
/// to another origin (host, port or scheme) is not followed, and the call returns the
/// redirect response as an error. Credentials the client added (an API key header or query
/// parameter, a bearer token) must never reach a host they were not given for, and reqwest's
/// own policy strips `Authorization` and cookies on such a hop but no other header.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    const MAX_REDIRECTS: usize = 10;
    reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt.previous().first().is_some_and(|first| first.origin() == attempt.url().origin());
        if !same_origin {
            attempt.stop()
        } else if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else {
            attempt.follow()
        }
    })
}

/// The base URL as operation paths are appended to it: absolute, `http` or `https`, no query
/// or fragment, no trailing `/`.
fn checked_base_url(url: &str) -> Result<String, BuildError> {
    // The URL may carry a password (refused below): the error keeps it blanked.
    let invalid = |reason: &str| BuildError::InvalidBaseUrl { url: url_without_userinfo(url), reason: reason.to_owned() };
    let parsed = reqwest::Url::parse(url).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid("the scheme must be http or https"));
    }
    if parsed.query().is_some() {
        return Err(invalid("it has a query (`?…`), which operation paths cannot follow"));
    }
    if parsed.fragment().is_some() {
        return Err(invalid("it has a fragment (`#…`), which would cut off every operation's path"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid("credentials in the URL are not supported; use the builder's credential settings"));
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_server_that_is_not_absolute_fails_each_call_saying_so() {
        let client = Client::for_default_server("/v1");
        let problem = client.check_base_url().unwrap_err();
        assert!(matches!(&problem, super::super::error::Failure::InvalidRequest(why) if why.contains("no base URL") && why.contains("/v1")), "{problem:?}");
        assert!(Client::for_default_server("https://api.example.com/v1").check_base_url().is_ok());
    }
}
