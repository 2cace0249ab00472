//! When a failed attempt is tried again, and how long to wait first.
//!
//! The rule that matters most: nothing that can repeat a side effect is retried unless the
//! caller asks. Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried on
//! transient failures; POST and PATCH only when the connection was never made (the server
//! cannot have seen them), or, on a retryable status, when the policy allows writes or the
//! request carries the API's idempotency key.

use reqwest::{Method, StatusCode};
use std::time::{Duration, SystemTime};

/// How a call retries transient failures: connection failures, timeouts, and the statuses
/// 408, 429 and 5xx (except 501 and 505, which no retry can change).
///
/// The default comes from the API's config (see [`crate::defaults`]). Delays grow
/// exponentially with jitter, a `Retry-After` header (seconds or an HTTP date) takes
/// precedence, and no call spends longer than [`Self::max_retry_time`] waiting to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_time: Duration,
    retry_writes: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: crate::defaults::MAX_RETRIES,
            initial_backoff: crate::defaults::INITIAL_BACKOFF,
            max_backoff: crate::defaults::MAX_BACKOFF,
            max_retry_time: crate::defaults::MAX_RETRY_TIME,
            retry_writes: false,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy::default().max_retries(0)
    }

    /// How many times a call is retried after its first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The delay before the first retry; each later one doubles, up to [`Self::max_backoff`].
    pub fn initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The longest computed delay between two attempts (a `Retry-After` may ask for more).
    pub fn max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// The most time one call may spend waiting between attempts, all waits together: a
    /// retry that would pass it is not made, and the last answer is returned.
    pub fn max_retry_time(mut self, budget: Duration) -> Self {
        self.max_retry_time = budget;
        self
    }

    /// Also retry POST and PATCH on retryable statuses (408, 429, 5xx). Only do this for
    /// operations you know to be safe to repeat: a retried write may take effect twice.
    /// Even then a write that may have reached the server (a timeout after sending, a
    /// connection lost mid-response) is never retried.
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_writes = allow;
        self
    }

    /// The configured number of retries.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// The delay before retry number `retry` (0 for the first) when the server gives no
    /// `Retry-After`: `initial_backoff × 2^retry`, capped at `max_backoff`, then a random
    /// point in its upper half, so that many clients failing together do not retry together.
    pub fn backoff(&self, retry: u32) -> Duration {
        let ceiling = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry.min(31)))
            .min(self.max_backoff);
        let half = ceiling / 2;
        let nanos = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
        half + Duration::from_nanos(fastrand::u64(0..=nanos))
    }

    /// How long to wait before the next attempt, or `None` to stop: after `retries_done`
    /// retries and `waited` time spent waiting, given what the last attempt produced.
    pub(super) fn next_delay(
        &self,
        retries_done: u32,
        waited: Duration,
        safe_to_repeat: bool,
        outcome: &Result<reqwest::Response, reqwest::Error>,
    ) -> Option<Duration> {
        if retries_done >= self.max_retries {
            return None;
        }
        let delay = match outcome {
            Ok(response) if retryable_status(response.status()) && (safe_to_repeat || self.retry_writes) => {
                retry_after(response.headers(), SystemTime::now()).unwrap_or_else(|| self.backoff(retries_done))
            }
            Ok(_) => return None,
            // The connection was never made, so the server cannot have seen the request.
            Err(error) if error.is_connect() => self.backoff(retries_done),
            Err(error) if safe_to_repeat && (error.is_timeout() || error.is_request()) => self.backoff(retries_done),
            Err(_) => return None,
        };
        (waited.saturating_add(delay) <= self.max_retry_time).then_some(delay)
    }
}

/// Whether a method may be repeated without repeating its effect (RFC 9110, 9.2.2), QUERY
/// included (safe and idempotent, as the HTTP QUERY method's draft defines it).
pub(super) fn is_idempotent(method: &Method) -> bool {
    [Method::GET, Method::HEAD, Method::OPTIONS, Method::PUT, Method::DELETE, Method::TRACE].contains(method)
        || method.as_str() == "QUERY"
}

/// 408, 429, and 5xx except 501 Not Implemented and 505 HTTP Version Not Supported.
pub(super) fn retryable_status(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
        || (status.is_server_error()
            && status != StatusCode::NOT_IMPLEMENTED
            && status != StatusCode::HTTP_VERSION_NOT_SUPPORTED)
}

/// A `Retry-After` header as a delay from `now`: delay-seconds or an HTTP date.
pub(super) fn retry_after(headers: &reqwest::header::HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}
