//! Everything a call can fail with, and the raw response errors keep.
//!
//! Messages are safe to log: a response body appears in `Display` and `Debug` only as a
//! short preview with the client's credentials blanked out, credential headers are redacted,
//! and transport errors carry no URL (whose query may hold an API key).
//! The whole body stays available through [`HttpResponse::body`].

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use std::fmt;

/// How much of a body `Display` and `Debug` show.
const PREVIEW_BYTES: usize = 512;

/// Headers whose values never appear in `Debug` output.
const SECRET_HEADERS: &[&str] = &["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"];

/// An HTTP response read in full: what an error keeps of the server's answer.
#[derive(Clone)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body as received.
    pub body: Vec<u8>,
    /// Secrets to blank out of previews: the credentials of the client that received this.
    pub(super) secrets: Vec<super::BearerToken>,
}

impl HttpResponse {
    /// A response, as a test double would build one.
    pub fn new(status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Self {
        HttpResponse { status, headers, body, secrets: Vec::new() }
    }

    /// The request id the server gave this response, from the first request-id header the
    /// spec declares or the conventional `x-request-id` / `request-id`.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The start of the body as text, with the client's token blanked out.
    pub fn body_preview(&self) -> String {
        preview(&self.body, &self.secrets)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body", &self.body_preview())
            .finish()
    }
}

/// Headers for `Debug`, with credential values redacted.
pub(super) struct RedactedHeaders<'a>(pub(super) &'a HeaderMap);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.0 {
            if SECRET_HEADERS.contains(&name.as_str()) || value.is_sensitive() {
                map.entry(&name.as_str(), &"<redacted>");
            } else {
                map.entry(&name.as_str(), &String::from_utf8_lossy(value.as_bytes()));
            }
        }
        map.finish()
    }
}

/// The request id in `headers`: a header the spec declares first, then the conventional ones.
pub(super) fn request_id(headers: &HeaderMap) -> Option<&str> {
    crate::defaults::REQUEST_ID_HEADERS
        .iter()
        .chain(["x-request-id", "request-id"].iter())
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

/// At most [`PREVIEW_BYTES`] of `text` (cut at a character boundary), with `secrets` blanked.
fn preview(bytes: &[u8], secrets: &[super::BearerToken]) -> String {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    for secret in secrets.iter().filter(|s| !s.expose().is_empty()) {
        text = text.replace(secret.expose(), "<redacted>");
    }
    if text.len() > PREVIEW_BYTES {
        let mut end = PREVIEW_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let total = bytes.len();
        text.truncate(end);
        text.push_str(&format!("… ({total} bytes in all)"));
    }
    text
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
#[non_exhaustive]
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
    /// An event stream's response did not start within the call's timeout.
    TimedOut(std::time::Duration),
    /// The response body is larger than the client's limit (`ClientBuilder::max_response_bytes`).
    ResponseTooLarge {
        /// The status of the response.
        status: StatusCode,
        /// The limit, in bytes.
        limit: u64,
    },
}

impl<E> Error<E> {
    /// The server's answer, when there was one and it was read.
    pub fn response(&self) -> Option<&HttpResponse> {
        match self {
            Error::Api(e) => Some(&e.response),
            Error::UnexpectedStatus(response) | Error::InvalidBody(response, _) => Some(response),
            Error::InvalidRequest(_) | Error::Transport(_) | Error::TimedOut(_) | Error::ResponseTooLarge { .. } => None,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Transport(e) => e.status(),
            Error::ResponseTooLarge { status, .. } => Some(*status),
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

    /// The request id the server gave the failed response, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.response().and_then(HttpResponse::request_id)
    }

    /// Whether the same request may succeed later: connection failures, timeouts, 408
    /// Request Timeout, 429 Too Many Requests, and 5xx server errors but 501 and 505.
    /// Whether it is *safe* to send again is another question: see [`crate::RetryPolicy`].
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport(e) => e.is_timeout() || e.is_connect() || e.status().is_some_and(super::retry::retryable_status),
            Error::TimedOut(_) => true,
            other => other.status().is_some_and(super::retry::retryable_status),
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

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(reason) => write!(f, "invalid request: {reason}"),
            Error::Transport(e) => write!(f, "request failed: {e}"),
            Error::Api(e) => {
                let error = format!("{:?}", e.error);
                let error = preview(error.as_bytes(), &e.response.secrets);
                write!(f, "API error {}: {error}", e.response.status)
            }
            Error::UnexpectedStatus(response) => {
                write!(f, "unexpected status {}: {}", response.status, response.body_preview())
            }
            Error::InvalidBody(response, source) => {
                write!(f, "status {} with a body that does not match the spec: {source}", response.status)
            }
            Error::TimedOut(after) => write!(f, "no response within {after:?}"),
            Error::ResponseTooLarge { status, limit } => {
                write!(f, "status {status} with a body over the {limit}-byte limit")
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

/// A failure before any response could be decoded; every operation turns it into its
/// [`Error`].
#[doc(hidden)]
#[derive(Debug)]
pub enum Failure {
    /// The request cannot be sent as given.
    InvalidRequest(String),
    /// Sending or reading failed.
    Transport(reqwest::Error),
    /// The body is over the size limit.
    TooLarge(StatusCode, u64),
    /// No response within this time.
    TimedOut(std::time::Duration),
}

impl<E> From<Failure> for Error<E> {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::InvalidRequest(reason) => Error::InvalidRequest(reason),
            Failure::Transport(e) => Error::Transport(e),
            Failure::TooLarge(status, limit) => Error::ResponseTooLarge { status, limit },
            Failure::TimedOut(after) => Error::TimedOut(after),
        }
    }
}

impl From<reqwest::Error> for Failure {
    /// Without the URL, which may carry an API key in its query.
    fn from(error: reqwest::Error) -> Self {
        Failure::Transport(error.without_url())
    }
}
