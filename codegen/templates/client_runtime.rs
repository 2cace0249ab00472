//! The client, its configuration, and the error type every operation returns.
//!
//! Operations build a `reqwest` request, send it through [`Client`], and decode the answer
//! with the status codes the spec documents for them.

use std::fmt;
use std::time::Duration;

pub use progenitor_client::ResponseValue;
pub use reqwest::{header::HeaderMap, StatusCode};

/// How long a request may take before it fails with a timeout, unless configured otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// How many times a failed request is retried, unless configured otherwise.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// The delay before the first retry; each later retry waits twice as long as the one before.
pub const DEFAULT_RETRY_BACKOFF: Duration = Duration::from_millis(500);

/// The longest a `Retry-After` header can make a retry wait; longer answers are not retried.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// A bearer token. Its `Debug` output never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        BearerToken(token.into())
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

/// The API client: a base URL, credentials, and a `reqwest::Client`.
///
/// Cloning is cheap: clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    base_url: String,
    http: reqwest::Client,
    token: Option<BearerToken>,
    max_retries: u32,
    retry_backoff: Duration,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the default server, without credentials, with a 60 second timeout.
    ///
    /// Like `reqwest::Client::new`, this panics if the TLS backend cannot be initialised;
    /// [`Client::builder`] reports that as an error instead.
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .timeout(DEFAULT_TIMEOUT)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        ClientBuilder::default().build_with(http)
    }

    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL every operation's path is appended to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The underlying `reqwest` client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.http
    }

    /// Starts a request; `secured` operations carry the bearer token when one is set.
    #[doc(hidden)]
    pub fn request(&self, method: reqwest::Method, path: &str, secured: bool) -> reqwest::RequestBuilder {
        let url = format!("{}{}", self.base_url.trim_end_matches('/'), path);
        let request = self.http.request(method, url).header(reqwest::header::ACCEPT, "application/json");
        match (&self.token, secured) {
            (Some(token), true) => request.bearer_auth(&token.0),
            _ => request,
        }
    }

    /// Sends a request, retrying connection failures, timeouts, 408, 429 and 5xx answers
    /// with exponential backoff (or the server's `Retry-After`), and reads the whole response.
    #[doc(hidden)]
    pub async fn execute(&self, request: reqwest::RequestBuilder) -> Result<HttpResponse, reqwest::Error> {
        let mut attempt = 0;
        loop {
            // A request whose body cannot be cloned (none of ours) is sent once.
            let retry = if attempt < self.max_retries { request.try_clone() } else { None };
            let Some(this_try) = retry else {
                return read(request.send().await?).await;
            };
            let delay = match this_try.send().await {
                Ok(response) if retryable_status(response.status()) => match retry_after(&response) {
                    Some(delay) if delay <= MAX_RETRY_AFTER => delay,
                    Some(_) => return read(response).await,
                    None => self.backoff(attempt),
                },
                Ok(response) => return read(response).await,
                Err(error) if error.is_timeout() || error.is_connect() => self.backoff(attempt),
                Err(error) => return Err(error),
            };
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        self.retry_backoff.saturating_mul(2u32.saturating_pow(attempt))
    }
}

async fn read(response: reqwest::Response) -> Result<HttpResponse, reqwest::Error> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await?.to_vec();
    Ok(HttpResponse { status, headers, body })
}

/// A `Retry-After` header given in seconds.
fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

impl Default for Client {
    fn default() -> Self {
        Client::new()
    }
}

/// Configures a [`Client`].
#[derive(Debug, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    token: Option<BearerToken>,
    http: Option<reqwest::Client>,
    timeout: Option<Duration>,
    max_retries: Option<u32>,
    retry_backoff: Option<Duration>,
}

impl ClientBuilder {
    /// The server to talk to: one of the constants in `servers`, or any other base URL.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The bearer token sent on every operation the spec secures.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(BearerToken::new(token));
        self
    }

    /// Uses your own `reqwest::Client` (proxies, TLS settings, middleware); the timeout
    /// setting is then yours to configure on it.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The request timeout (default [`DEFAULT_TIMEOUT`]); ignored with [`Self::http_client`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How many times to retry a request that failed in a way that may pass later (connection
    /// failures, timeouts, 408, 429, 5xx); default [`DEFAULT_MAX_RETRIES`]. Every method is
    /// retried, as the API's official SDKs do; `0` turns retries off.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// The delay before the first retry, doubled for each later one; default
    /// [`DEFAULT_RETRY_BACKOFF`]. A `Retry-After` header in seconds takes precedence.
    pub fn retry_backoff(mut self, delay: Duration) -> Self {
        self.retry_backoff = Some(delay);
        self
    }

    /// Builds the client; fails only if the HTTP client cannot be created (its TLS backend
    /// cannot initialise).
    pub fn build(mut self) -> Result<Client, reqwest::Error> {
        let http = match self.http.take() {
            Some(http) => http,
            None => reqwest::Client::builder().timeout(self.timeout.unwrap_or(DEFAULT_TIMEOUT)).build()?,
        };
        Ok(self.build_with(http))
    }

    fn build_with(self, http: reqwest::Client) -> Client {
        Client {
            base_url: self.base_url.unwrap_or_else(|| crate::servers::DEFAULT.to_owned()),
            http,
            token: self.token,
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            retry_backoff: self.retry_backoff.unwrap_or(DEFAULT_RETRY_BACKOFF),
        }
    }
}

/// An HTTP response read in full: what an error keeps of the server's answer.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body as received.
    pub body: Vec<u8>,
}

/// The statuses an operation documents: which are successes and which carry its error type.
#[doc(hidden)]
pub struct Statuses {
    /// Success statuses.
    pub success: &'static [u16],
    /// Error statuses with a typed body.
    pub errors: &'static [u16],
    /// Whether a `default` response types every other status's body.
    pub default_error: bool,
}

impl HttpResponse {
    /// Decodes a JSON success body into `T`, or the matching error.
    #[doc(hidden)]
    pub fn json<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        self,
        statuses: &Statuses,
    ) -> Result<ResponseValue<T>, Error<E>> {
        if !statuses.success.contains(&self.status.as_u16()) {
            return Err(self.into_error(statuses));
        }
        match serde_json::from_slice(&self.body) {
            Ok(value) => Ok(ResponseValue::new(value, self.status, self.headers)),
            Err(source) => Err(Error::InvalidBody(Box::new(self), source)),
        }
    }

    /// Decodes a success body that some success statuses leave out (`200` with a body, `204`
    /// without): an empty body is `None`.
    #[doc(hidden)]
    pub fn json_or_empty<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        self,
        statuses: &Statuses,
    ) -> Result<ResponseValue<Option<T>>, Error<E>> {
        if statuses.success.contains(&self.status.as_u16()) && self.body.is_empty() {
            return Ok(ResponseValue::new(None, self.status, self.headers));
        }
        self.json::<T, E>(statuses).map(|value| {
            let (status, headers) = (value.status(), value.headers().clone());
            ResponseValue::new(Some(value.into_inner()), status, headers)
        })
    }

    /// Checks the status of a response without a body (204).
    #[doc(hidden)]
    pub fn empty<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Result<ResponseValue<()>, Error<E>> {
        if statuses.success.contains(&self.status.as_u16()) {
            Ok(ResponseValue::new((), self.status, self.headers))
        } else {
            Err(self.into_error(statuses))
        }
    }

    fn into_error<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Error<E> {
        let code = self.status.as_u16();
        let documented = statuses.errors.contains(&code) || (statuses.default_error && !(200..300).contains(&code));
        if documented {
            if let Ok(error) = serde_json::from_slice(&self.body) {
                return Error::Api(Box::new(ApiError { error, response: self }));
            }
        }
        Error::UnexpectedStatus(Box::new(self))
    }
}

/// A documented error response: the body in the spec's error type, and the response itself.
#[derive(Debug)]
pub struct ApiError<E> {
    /// The error body, decoded.
    pub error: E,
    /// The status, headers and raw body.
    pub response: HttpResponse,
}

/// Everything an operation can fail with. `E` is the operation's documented error body type.
///
/// The helpers ([`Error::status`], [`Error::is_retryable`], [`Error::is_not_found`], ...)
/// answer the common questions without matching on variants.
#[derive(Debug)]
pub enum Error<E> {
    /// The request was refused before sending: a parameter value that cannot be sent as given.
    InvalidRequest(String),
    /// The request could not be sent or the response not read: connection, TLS, timeout.
    Transport(reqwest::Error),
    /// A documented error status, with its body decoded into the spec's type.
    Api(Box<ApiError<E>>),
    /// A status the spec does not document for this operation, or an error body that does
    /// not match the spec's type: status, headers and raw body are kept.
    UnexpectedStatus(Box<HttpResponse>),
    /// A success status whose body does not match the spec's type: the response and the
    /// decoding error.
    InvalidBody(Box<HttpResponse>, serde_json::Error),
}

impl<E> Error<E> {
    /// The server's answer, when there was one.
    pub fn response(&self) -> Option<&HttpResponse> {
        match self {
            Error::InvalidRequest(_) | Error::Transport(_) => None,
            Error::Api(e) => Some(&e.response),
            Error::UnexpectedStatus(response) | Error::InvalidBody(response, _) => Some(response),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Transport(e) => e.status(),
            other => other.response().map(|r| r.status),
        }
    }

    /// The decoded error body, for a documented error status.
    pub fn api_error(&self) -> Option<&E> {
        match self {
            Error::Api(e) => Some(&e.error),
            _ => None,
        }
    }

    /// The response body as received, when the server answered.
    pub fn raw_body(&self) -> Option<&[u8]> {
        self.response().map(|r| r.body.as_slice())
    }

    /// The response headers, when the server answered.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.response().map(|r| &r.headers)
    }

    /// Whether the same request may succeed later: connection failures, timeouts,
    /// 408 Request Timeout, 429 Too Many Requests, and 5xx server errors.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport(e) => e.is_timeout() || e.is_connect() || e.status().is_some_and(retryable_status),
            other => other.status().is_some_and(retryable_status),
        }
    }

    /// Whether the server answered 404 Not Found.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// Whether the server answered with a 4xx status: the request needs changing.
    pub fn is_client_error(&self) -> bool {
        self.status().is_some_and(|s| s.is_client_error())
    }

    /// Whether the server answered with a 5xx status.
    pub fn is_server_error(&self) -> bool {
        self.status().is_some_and(|s| s.is_server_error())
    }
}

fn retryable_status(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

impl<E> From<reqwest::Error> for Error<E> {
    fn from(error: reqwest::Error) -> Self {
        Error::Transport(error)
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(reason) => write!(f, "invalid request: {reason}"),
            Error::Transport(e) => write!(f, "request failed: {e}"),
            Error::Api(e) => write!(f, "API error {}: {:?}", e.response.status, e.error),
            Error::UnexpectedStatus(response) => {
                write!(f, "unexpected status {}: {}", response.status, String::from_utf8_lossy(&response.body))
            }
            Error::InvalidBody(response, source) => {
                write!(f, "status {} with a body that does not match the spec: {source}", response.status)
            }
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            Error::InvalidBody(_, source) => Some(source),
            _ => None,
        }
    }
}

/// Percent-encodes a path parameter as exactly one segment, so that no value can change which
/// endpoint is called: `/`, `\`, `?`, `#`, `%`, spaces and non-ASCII are encoded, and the
/// values a URL parser would still resolve to another path (empty, `.`, `..`) are refused.
#[doc(hidden)]
pub fn path_segment<E>(name: &str, value: &str) -> Result<String, Error<E>> {
    if matches!(value, "" | "." | "..") {
        return Err(Error::InvalidRequest(format!(
            "path parameter `{name}` is {value:?}, which would address a different endpoint"
        )));
    }
    // URL parsers read `\` as `/` in http(s) URLs; progenitor-client leaves it alone.
    Ok(progenitor_client::encode_path(value).replace('\\', "%5C"))
}
