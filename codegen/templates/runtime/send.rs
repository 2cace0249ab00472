//! Sending a call: building the request, the attempts with their retries and their tracing
//! span, and reading the response within the size limit. Decoding it is `decode.rs`'s job,
//! encoding parameters `encode.rs`'s.

use super::error::{Failure, HttpResponse};
use super::options::RequestOptions;
use super::redact::Secrets;
use super::retry::is_idempotent;
use super::Client;
use std::time::{Duration, Instant};
use tracing::Instrument;

/// The longest URL a request may have; longer ones are refused before sending.
const MAX_URL_BYTES: usize = 32 * 1024;

/// What the runtime needs to know about an operation, fixed at generation time.
#[doc(hidden)]
#[derive(Debug)]
pub struct Operation {
    /// The `operationId`, or `METHOD /path` without one.
    pub id: &'static str,
    /// The HTTP method.
    pub method: reqwest::Method,
    /// The path template as in the spec.
    pub path: &'static str,
    /// The security requirements the operation accepts, any one of them: the schemes of
    /// each are sent together. Empty when the operation is open.
    pub security: &'static [&'static [super::credentials::Scheme]],
    /// The `Accept` header.
    pub accept: &'static str,
}

/// The statuses an operation documents: which are successes and which carry its error type.
#[doc(hidden)]
#[derive(Debug)]
pub struct Statuses {
    /// Success statuses, as ranges (`2XX` is `200..=299`).
    pub success: &'static [core::ops::RangeInclusive<u16>],
    /// Error statuses with a typed body, as ranges.
    pub errors: &'static [core::ops::RangeInclusive<u16>],
    /// Whether a `default` response types every other status's body.
    pub default_error: bool,
}

// The runtime's plumbing is free functions, not methods of `Client`: its inherent namespace
// belongs to the API's operations, so that an operation called `execute` or `read` keeps its
// name and none can clash with the runtime's.

/// Starts a request for an operation; secured operations carry the credentials.
#[doc(hidden)]
pub fn start_request(client: &Client, op: &Operation, path: &str) -> reqwest::RequestBuilder {
    let url = format!("{}{}", client.base_url, path);
    let request = client
        .http
        .request(op.method.clone(), url)
        .header(reqwest::header::ACCEPT, op.accept)
        .header(reqwest::header::USER_AGENT, super::client::USER_AGENT_VALUE);
    client.credentials.apply(op.security, request)
}

/// Sends a call: applies the per-call options, retries what the policy allows, and reads
/// the whole response. The call runs in an `info` span named after the crate's runtime,
/// with the operation, method, path template, attempts, status and latency; credentials
/// are never recorded.
#[doc(hidden)]
pub async fn execute(
    client: &Client,
    op: &Operation,
    request: reqwest::RequestBuilder,
    options: &RequestOptions,
) -> Result<HttpResponse, Failure> {
    client.check_base_url()?;
    let mut request = prepare(request, options)?;
    let span = call_span(op);
    let secrets = client.secrets.with(options.secret_values());
    let policy = options.retry_policy(&client.retry);
    async {
        // A body that breaks off while it is read is fetched again when the request is
        // safe to repeat, as retries of their own within the policy's count.
        let mut failed_reads = 0;
        loop {
            let spare = if safe_to_repeat(&request) { request.try_clone() } else { None };
            let response = attempts(client, request, options).await?;
            match read(client, response, secrets.clone()).await {
                Err(Failure::Transport(error)) if failed_reads < policy.retries() => match spare {
                    Some(spare) => {
                        let delay = policy.backoff(failed_reads);
                        tracing::debug!(error = %error, delay_ms = delay.as_millis() as u64, "reading the body failed; retrying");
                        tokio::time::sleep(delay).await;
                        failed_reads += 1;
                        request = spare;
                    }
                    None => return Err(Failure::Transport(error)),
                },
                outcome => return outcome,
            }
        }
    }
    .instrument(span)
    .await
}

/// Builds the request and applies the per-call options; refuses one with an overlong URL.
pub(super) fn prepare(request: reqwest::RequestBuilder, options: &RequestOptions) -> Result<reqwest::Request, Failure> {
    let mut request = request.build().map_err(invalid_request)?;
    one_value_for_credential_headers(request.headers_mut());
    options.apply(&mut request)?;
    merge_cookies(request.headers_mut());
    let length = request.url().as_str().len();
    if length > MAX_URL_BYTES {
        return Err(Failure::InvalidRequest(format!(
            "the URL would be {length} bytes long, over the {MAX_URL_BYTES}-byte limit (a path or query parameter is too long)"
        )));
    }
    Ok(request)
}

/// Sends the request, retrying what the policy allows, and returns the last response
/// unread. Runs inside the call's span and records its attempts, status and latency.
pub(super) async fn attempts(client: &Client, request: reqwest::Request, options: &RequestOptions) -> Result<reqwest::Response, Failure> {
    let policy = options.retry_policy(&client.retry);
    let safe_to_repeat = safe_to_repeat(&request);
    let started = Instant::now();
    let mut waited = Duration::ZERO;
    let mut retries = 0;
    let outcome = loop {
        // A body that cannot be cloned (a stream) is sent once.
        let Some(attempt) = request.try_clone() else {
            break client.http.execute(request).await.map_err(reqwest::Error::without_url);
        };
        let attempt_started = Instant::now();
        // Without the URL, whose query may carry an API key, in traces and errors alike.
        let outcome = client.http.execute(attempt).await.map_err(reqwest::Error::without_url);
        tracing::debug!(
            attempt = retries + 1,
            status = outcome.as_ref().ok().map(|r| r.status().as_u16()),
            error = outcome.as_ref().err().map(tracing::field::display),
            latency_ms = attempt_started.elapsed().as_millis() as u64,
            "attempt finished"
        );
        match policy.next_delay(retries, waited, safe_to_repeat, &outcome) {
            Some(delay) => {
                tracing::debug!(delay_ms = delay.as_millis() as u64, "retrying");
                tokio::time::sleep(delay).await;
                waited += delay;
                retries += 1;
            }
            None => break outcome,
        }
    };
    let span = tracing::Span::current();
    span.record("attempts", retries + 1);
    span.record("latency_ms", started.elapsed().as_millis() as u64);
    let response = outcome?;
    span.record("status", response.status().as_u16());
    Ok(response)
}

/// Reads the whole body, refusing one over the size limit; `secrets` are the call's
/// credentials, to blank out of anything the response shows.
pub(super) async fn read(client: &Client, mut response: reqwest::Response, secrets: Secrets) -> Result<HttpResponse, Failure> {
    let status = response.status();
    let limit = client.max_response_bytes;
    if response.content_length().is_some_and(|length| length > limit) {
        return Err(Failure::TooLarge(status, limit));
    }
    let headers = std::mem::take(response.headers_mut());
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(Failure::TooLarge(status, limit));
        }
        body.extend_from_slice(&chunk);
    }
    let mut response = HttpResponse::new(status, headers, body);
    response.secrets = secrets;
    Ok(response)
}

/// Whether sending the request again cannot repeat a side effect: an idempotent method, or a
/// write that carries the API's idempotency key.
fn safe_to_repeat(request: &reqwest::Request) -> bool {
    is_idempotent(request.method())
        || crate::defaults::IDEMPOTENCY_HEADER.is_some_and(|name| request.headers().contains_key(name))
}

/// Where an operation has a header parameter of the same name as an API key header (specs
/// often declare both), the value the caller gave the parameter replaces the client's key, so
/// that the header is sent once; it stays marked sensitive.
fn one_value_for_credential_headers(headers: &mut reqwest::header::HeaderMap) {
    use reqwest::header::COOKIE;
    let doubled: Vec<reqwest::header::HeaderName> = headers
        .keys()
        .filter(|name| *name != COOKIE)
        .filter(|name| {
            let values = headers.get_all(*name);
            values.iter().count() > 1 && values.iter().any(|v| v.is_sensitive()) && values.iter().any(|v| !v.is_sensitive())
        })
        .cloned()
        .collect();
    for name in doubled {
        let given: Vec<_> = headers.get_all(&name).iter().filter(|v| !v.is_sensitive()).cloned().collect();
        headers.remove(&name);
        for mut value in given {
            value.set_sensitive(true);
            headers.append(&name, value);
        }
    }
}

/// The span a call runs in: named after the runtime, with what identifies the operation.
/// Credentials are never recorded.
pub(super) fn call_span(op: &Operation) -> tracing::Span {
    tracing::info_span!(
        "http_call",
        operation = op.id,
        method = %op.method,
        path = op.path,
        attempts = tracing::field::Empty,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    )
}

/// A request that could not be built, without its URL (which may be long or carry values).
fn invalid_request(error: reqwest::Error) -> Failure {
    let error = error.without_url();
    let detail = std::error::Error::source(&error).map(|s| format!(": {s}")).unwrap_or_default();
    Failure::InvalidRequest(format!("{error}{detail}"))
}

/// A request carries one `Cookie` header (RFC 6265 §5.4; servers read only one): an API key
/// sent as a cookie, the operation's cookie parameters and any the caller added are joined
/// into it, and it stays sensitive if any part was.
fn merge_cookies(headers: &mut reqwest::header::HeaderMap) {
    use reqwest::header::{HeaderValue, COOKIE};
    let values: Vec<&HeaderValue> = headers.get_all(COOKIE).iter().collect();
    if values.len() < 2 {
        return;
    }
    let sensitive = values.iter().any(|value| value.is_sensitive());
    let joined = values.iter().map(|value| value.as_bytes()).collect::<Vec<_>>().join(&b"; "[..]);
    if let Ok(mut value) = HeaderValue::from_bytes(&joined) {
        value.set_sensitive(sensitive);
        headers.insert(COOKIE, value);
    }
}
