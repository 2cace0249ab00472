//! A decoded success: the typed body, with the status, headers and raw bytes it came from.

use super::error::{request_id, RedactedHeaders};
use super::redact::Secrets;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use std::fmt;

/// A successful response: the decoded body (reachable through `Deref`), and the status,
/// headers and raw body bytes it was decoded from.
pub struct ResponseValue<T> {
    inner: T,
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl<T> ResponseValue<T> {
    /// A response, as a test double would build one.
    pub fn new(inner: T, status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Self {
        ResponseValue { inner, status, headers, body }
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body exactly as received.
    pub fn raw_body(&self) -> &[u8] {
        &self.body
    }

    /// The request id the server gave this response, from the first request-id header the
    /// spec declares or the conventional `x-request-id` / `request-id`.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The decoded body with the status, headers and raw body.
    pub fn into_parts(self) -> (T, StatusCode, HeaderMap, Vec<u8>) {
        (self.inner, self.status, self.headers, self.body)
    }

    /// The same response with its body transformed.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ResponseValue<U> {
        ResponseValue { inner: f(self.inner), status: self.status, headers: self.headers, body: self.body }
    }
}

impl<T> std::ops::Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> std::ops::DerefMut for ResponseValue<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for ResponseValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseValue")
            .field("inner", &self.inner)
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers, &Secrets::default()))
            .finish_non_exhaustive()
    }
}
