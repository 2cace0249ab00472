//! Per-call options: a timeout, a retry policy, extra headers and query parameters for one
//! call, without leaving the typed method.

use super::error::Failure;
use super::retry::RetryPolicy;
use reqwest::header::{HeaderName, HeaderValue};
use std::fmt;
use std::time::Duration;

/// Options for one call, given to a request builder's `with_options`: for example
/// `RequestOptions::new().timeout(Duration::from_secs(5)).retry(RetryPolicy::none())`.
#[derive(Clone, Default)]
pub struct RequestOptions {
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
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

    /// A header to send with this call, replacing any header of that name the client would
    /// send. An invalid name or value fails the call with `Error::InvalidRequest`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A query parameter to add to this call's URL, after the operation's own.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
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
    /// Header values are left out: they may be credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("headers", &headers)
            .field("query", &self.query)
            .finish()
    }
}
