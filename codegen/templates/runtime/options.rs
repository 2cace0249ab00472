//! Per-call options: a timeout, a retry policy, extra headers and query parameters for one
//! call, without leaving the typed method.

use super::error::Failure;
use super::redact::is_secret_name;
use super::retry::RetryPolicy;
use reqwest::header::{HeaderName, HeaderValue};
use std::fmt;
use std::time::Duration;

/// Headers the HTTP client sets from the request itself: a value given per call would cut the
/// body short, smuggle a second request, or send the request to another virtual host.
const TRANSPORT_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// Options for one call, given to a request builder's `with_options`: for example
/// `RequestOptions::new().timeout(Duration::from_secs(5)).retry(RetryPolicy::none())`.
#[derive(Clone, Default)]
pub struct RequestOptions {
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    stream_duration: Option<Duration>,
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
}

impl RequestOptions {
    /// No options: the client's settings apply.
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// The timeout of each attempt of this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy of this call, instead of the client's.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The longest an event stream opened by this call may stay open, instead of the
    /// client's [`ClientBuilder::max_stream_duration`](crate::ClientBuilder::max_stream_duration).
    pub fn max_stream_duration(mut self, lifetime: Duration) -> Self {
        self.stream_duration = Some(lifetime);
        self
    }

    /// The stream lifetime this call sets, if any.
    pub(super) fn stream_duration(&self) -> Option<Duration> {
        self.stream_duration
    }

    /// A header to send with this call, replacing any header of that name the client would
    /// send. An invalid name or value, or a header that decides the message's framing or
    /// where it goes (`Host`, `Content-Length`, `Transfer-Encoding`, `Connection`, ...), fails
    /// the call with `Error::InvalidRequest`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A query parameter to add to this call's URL, after the operation's own.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// The values of this call's headers and query parameters that are credentials (by
    /// their names: `Authorization`, `X-Api-Key`, `access_token`, ...), to blank out of errors.
    pub(super) fn secret_values(&self) -> impl Iterator<Item = &str> {
        self.headers
            .iter()
            .chain(&self.query)
            .filter(|(name, _)| is_secret_name(name))
            .map(|(_, value)| value.as_str())
    }

    /// The retry policy this call uses.
    pub(super) fn retry_policy<'a>(&'a self, client: &'a RetryPolicy) -> &'a RetryPolicy {
        self.retry.as_ref().unwrap_or(client)
    }

    /// Applies the timeout, headers and query parameters to a built request.
    pub(super) fn apply(&self, request: &mut reqwest::Request) -> Result<(), Failure> {
        if let Some(timeout) = self.timeout {
            *request.timeout_mut() = Some(timeout);
        }
        for (name, value) in &self.headers {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Failure::InvalidRequest(format!("`{name}` is not a valid header name")))?;
            if TRANSPORT_HEADERS.contains(&header.as_str()) {
                return Err(Failure::InvalidRequest(format!(
                    "header `{header}` is set by the HTTP client (it frames or routes the request), not per call"
                )));
            }
            let value = HeaderValue::from_str(value)
                .map_err(|_| Failure::InvalidRequest(format!("the value of header `{name}` cannot be sent in a header")))?;
            if header == reqwest::header::COOKIE {
                // Cookies add to the request's own (an API key, cookie parameters); `prepare`
                // joins them into one header.
                request.headers_mut().append(header, value);
            } else {
                request.headers_mut().insert(header, value);
            }
        }
        if !self.query.is_empty() {
            let mut pairs = request.url_mut().query_pairs_mut();
            for (name, value) in &self.query {
                pairs.append_pair(name, value);
            }
        }
        Ok(())
    }
}

impl fmt::Debug for RequestOptions {
    /// Header and query values are left out: they may be credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        let query: Vec<&str> = self.query.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("stream_duration", &self.stream_duration)
            .field("headers", &headers)
            .field("query", &query)
            .finish()
    }
}
