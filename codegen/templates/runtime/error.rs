//! Everything a call can fail with, and the raw response errors keep.
//!
//! Messages are safe to log: whatever a server sent (a body, a decoding error that quotes it,
//! a header) appears in `Display`, `Debug` and `source()` only through
//! [`Secrets::redact`](super::redact::Secrets::redact): a short preview with every form of the
//! call's credentials blanked. Credential headers are redacted whole, and transport errors
//! carry no URL (whose query may hold an API key).
//! The whole body stays available through [`HttpResponse::body`].

use super::redact::{is_secret_name, Secrets};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use std::fmt;

/// An HTTP response read in full: what an error keeps of the server's answer.
#[derive(Clone)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body as received.
    pub body: Vec<u8>,
    /// Secrets to blank out of previews: the credentials of the call that received this.
    pub(super) secrets: Secrets,
}

impl HttpResponse {
    /// A response, as a test double would build one.
    pub fn new(status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Self {
        HttpResponse { status, headers, body, secrets: Secrets::default() }
    }

    /// The request id the server gave this response, from the first request-id header the
    /// spec declares or the conventional `x-request-id` / `request-id`.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The start of the body as text, with the call's credentials blanked out.
    pub fn body_preview(&self) -> String {
        self.secrets.redact_bytes(&self.body)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers, &self.secrets))
            .field("body", &self.body_preview())
            .finish()
    }
}

/// Headers for `Debug`: credential headers redacted whole, every other value bounded and
/// with the secrets blanked.
pub(super) struct RedactedHeaders<'a>(pub(super) &'a HeaderMap, pub(super) &'a Secrets);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.0 {
            if is_secret_name(name.as_str()) || value.is_sensitive() {
                map.entry(&name.as_str(), &"<redacted>");
            } else {
                map.entry(&name.as_str(), &self.1.redact_bytes(value.as_bytes()));
            }
        }
        map.finish()
    }
}

/// Text that `Debug` prints as it is (already redacted), without quotes.
struct Shown(String);

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a body or an event's data does not match the spec's type: serde's message, which may
/// quote the value it could not read, bounded and with the call's credentials blanked.
#[derive(Clone)]
pub struct DecodeError {
    message: String,
    line: usize,
    column: usize,
    category: serde_json::error::Category,
}

impl DecodeError {
    pub(super) fn new(error: &serde_json::Error, secrets: &Secrets) -> Self {
        DecodeError {
            message: secrets.redact(&error.to_string()),
            line: error.line(),
            column: error.column(),
            category: error.classify(),
        }
    }

    /// What kind of failure it is, as serde_json classifies it.
    pub fn classify(&self) -> serde_json::error::Category {
        self.category
    }

    /// The body is valid JSON of another shape than the spec's type.
    pub fn is_data(&self) -> bool {
        self.category == serde_json::error::Category::Data
    }

    /// The body is not valid JSON.
    pub fn is_syntax(&self) -> bool {
        self.category == serde_json::error::Category::Syntax
    }

    /// The body ends before its JSON does.
    pub fn is_eof(&self) -> bool {
        self.category == serde_json::error::Category::Eof
    }

    /// The line of the body where decoding failed (1-based).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of that line where decoding failed (1-based).
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("message", &self.message)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("category", &self.category)
            .finish()
    }
}

impl std::error::Error for DecodeError {}

/// The request id in `headers`: a header the spec declares first, then the conventional ones.
pub(super) fn request_id(headers: &HeaderMap) -> Option<&str> {
    crate::defaults::REQUEST_ID_HEADERS
        .iter()
        .chain(["x-request-id", "request-id"].iter())
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

/// A documented error response: the body in the spec's error type, and the response itself.
/// Its `Debug` output shows the decoded body bounded and with credentials blanked.
pub struct ApiError<E> {
    /// The error body, decoded.
    pub error: E,
    /// The status, headers and raw body.
    pub response: HttpResponse,
}

impl<E: fmt::Debug> fmt::Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("error", &Shown(self.response.secrets.redact_debug(&self.error)))
            .field("response", &self.response)
            .finish()
    }
}

/// Everything an operation can fail with. `E` is the operation's documented error body type.
///
/// The helpers ([`Error::status`], [`Error::is_retryable`], [`Error::is_not_found`], ...)
/// answer the common questions without matching on variants.
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
    InvalidBody(Box<HttpResponse>, DecodeError),
    /// A success status whose body is not of the kind the call reads (JSON where an event
    /// stream was asked for): the response is kept.
    UnexpectedContentType(Box<HttpResponse>),
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
            Error::UnexpectedStatus(response)
            | Error::InvalidBody(response, _)
            | Error::UnexpectedContentType(response) => Some(response),
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

    /// Whether the same request may succeed later: connection failures (refused, reset, or a
    /// body broken off or garbled while it was read), timeouts, 408 Request Timeout, 429 Too Many
    /// Requests, and 5xx server errors but 501 and 505.
    /// Whether it is *safe* to send again is another question: see [`crate::RetryPolicy`].
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport(e) => {
                e.is_timeout()
                    || e.is_connect()
                    || e.is_request()
                    || e.is_body()
                    || e.is_decode()
                    || e.status().is_some_and(super::retry::retryable_status)
            }
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
                write!(f, "API error {}: {}", e.response.status, e.response.secrets.redact_debug(&e.error))
            }
            Error::UnexpectedStatus(response) => {
                write!(f, "unexpected status {}: {}", response.status, response.body_preview())
            }
            Error::InvalidBody(response, source) => {
                write!(f, "status {} with a body that does not match the spec: {source}", response.status)
            }
            Error::UnexpectedContentType(response) => {
                let kind = response.headers.get(reqwest::header::CONTENT_TYPE).map(|v| response.secrets.redact_bytes(v.as_bytes()));
                write!(f, "status {} with content type {:?}, not the kind this call reads", response.status, kind.unwrap_or_default())
            }
            Error::TimedOut(after) => write!(f, "no response within {after:?}"),
            Error::ResponseTooLarge { status, limit } => {
                write!(f, "status {status} with a body over the {limit}-byte limit")
            }
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(reason) => f.debug_tuple("InvalidRequest").field(reason).finish(),
            Error::Transport(e) => f.debug_tuple("Transport").field(e).finish(),
            Error::Api(e) => f.debug_tuple("Api").field(e).finish(),
            Error::UnexpectedStatus(response) => f.debug_tuple("UnexpectedStatus").field(response).finish(),
            Error::InvalidBody(response, source) => f.debug_tuple("InvalidBody").field(response).field(source).finish(),
            Error::UnexpectedContentType(response) => f.debug_tuple("UnexpectedContentType").field(response).finish(),
            Error::TimedOut(after) => f.debug_tuple("TimedOut").field(after).finish(),
            Error::ResponseTooLarge { status, limit } => {
                f.debug_struct("ResponseTooLarge").field("status", status).field("limit", limit).finish()
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
