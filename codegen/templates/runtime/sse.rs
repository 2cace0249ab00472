//! Server-Sent Events: an operation whose success response is `text/event-stream` returns an
//! [`EventStream`] of typed events, read as they arrive.
//!
//! Parsing (multi-line `data`, comments, `id`, `retry`) is `eventsource-stream`'s; this module
//! decodes each event's `data` as JSON into the spec's type, and ends the stream with an error
//! when the server stays silent for longer than the idle timeout.

use super::error::{Error, Failure};
use super::options::RequestOptions;
use super::send::{call_span, Operation, Statuses};
use super::Client;
use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tracing::Instrument;

/// How long a stream may have been open: it stays open until the server closes it.
const STREAM_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// One event of a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerSentEvent<T> {
    /// The event's name (`event:`), `message` when the server gives none.
    pub event: String,
    /// The event's id (`id:`), empty when the server gives none.
    pub id: String,
    /// The reconnection delay the server asks for (`retry:`), if any.
    pub retry: Option<Duration>,
    /// The event's `data`, decoded.
    pub data: T,
}

/// Why a stream ended early.
#[derive(Debug)]
#[non_exhaustive]
pub enum StreamError {
    /// Reading from the connection failed.
    Transport(reqwest::Error),
    /// The bytes are not a valid event stream (not UTF-8, say).
    Malformed(String),
    /// An event's `data` does not match the spec's type; the raw data is kept.
    InvalidData {
        /// The event's name.
        event: String,
        /// The data as received.
        data: String,
        /// Why it does not decode.
        source: serde_json::Error,
    },
    /// Nothing, not even a comment, arrived within the idle timeout.
    Idle(Duration),
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Transport(e) => write!(f, "event stream failed: {e}"),
            StreamError::Malformed(reason) => write!(f, "malformed event stream: {reason}"),
            StreamError::InvalidData { event, source, .. } => {
                write!(f, "`{event}` event data does not match the spec: {source}")
            }
            StreamError::Idle(after) => write!(f, "event stream silent for {after:?}"),
        }
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StreamError::Transport(e) => Some(e),
            StreamError::InvalidData { source, .. } => Some(source),
            _ => None,
        }
    }
}

type Events<T> = Pin<Box<dyn futures_core::Stream<Item = Result<ServerSentEvent<T>, StreamError>> + Send>>;

/// The events of a `text/event-stream` response, as they arrive. Ends when the server closes
/// the stream, or after the first error.
pub struct EventStream<T> {
    events: Events<T>,
    status: reqwest::StatusCode,
    headers: reqwest::header::HeaderMap,
}

impl<T> EventStream<T> {
    /// The HTTP status the stream was opened with.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }
}

impl<T> fmt::Debug for EventStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream").field("status", &self.status).finish_non_exhaustive()
    }
}

impl<T> futures_core::Stream for EventStream<T> {
    type Item = Result<ServerSentEvent<T>, StreamError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.events.as_mut().poll_next(cx)
    }
}

impl Client {
    /// Opens an event stream: the request is retried like any other; a success status
    /// returns the stream, any other status the operation's error. The idle timeout (the
    /// call's timeout, or the client's) bounds both the wait for the response and every
    /// silence in the stream.
    #[doc(hidden)]
    pub async fn open_stream<T, E>(
        &self,
        op: &Operation,
        request: reqwest::RequestBuilder,
        options: &RequestOptions,
        statuses: &Statuses,
    ) -> Result<EventStream<T>, Error<E>>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        E: serde::de::DeserializeOwned,
    {
        let mut request = self.prepare(request, options)?;
        let idle = request.timeout().copied().unwrap_or(self.timeout);
        *request.timeout_mut() = Some(STREAM_LIFETIME);
        let span = call_span(op);
        // The stream must start within the idle timeout (retries included): the request's own
        // timeout is set aside, since it would also end a healthy stream.
        let response = tokio::time::timeout(idle, self.attempts(request, options).instrument(span.clone()))
            .await
            .map_err(|_| Failure::TimedOut(idle))??;
        if !response.status().is_success() {
            let response = self.read(response).instrument(span).await?;
            return Err(response.into_error(statuses));
        }
        let (status, headers) = (response.status(), response.headers().clone());
        let events = with_idle_timeout(response.bytes_stream(), idle)
            .eventsource()
            .map(decode::<T>)
            // The first error ends the stream: what follows a broken event cannot be trusted.
            .scan(false, |failed, item| {
                let next = (!*failed).then_some(item);
                *failed = next.as_ref().is_some_and(Result::is_err);
                std::future::ready(next)
            });
        Ok(EventStream { events: Box::pin(events), status, headers })
    }
}

fn decode<T: serde::de::DeserializeOwned>(
    item: Result<eventsource_stream::Event, eventsource_stream::EventStreamError<StreamError>>,
) -> Result<ServerSentEvent<T>, StreamError> {
    let event = item.map_err(|error| match error {
        eventsource_stream::EventStreamError::Transport(e) => e,
        other => StreamError::Malformed(other.to_string()),
    })?;
    match serde_json::from_str(&event.data) {
        Ok(data) => Ok(ServerSentEvent { event: event.event, id: event.id, retry: event.retry, data }),
        Err(source) => Err(StreamError::InvalidData { event: event.event, data: event.data, source }),
    }
}

/// The body's bytes, ending with [`StreamError::Idle`] when none arrive within `idle`: any
/// bytes count, so the server's heartbeat comments keep a quiet stream open.
fn with_idle_timeout(
    bytes: impl futures_core::Stream<Item = Result<bytes::Bytes, reqwest::Error>> + Send + 'static,
    idle: Duration,
) -> impl futures_core::Stream<Item = Result<bytes::Bytes, StreamError>> + Send + 'static {
    let bytes = Box::pin(bytes);
    futures_util::stream::unfold(Some(bytes), move |state| async move {
        let mut bytes = state?;
        match tokio::time::timeout(idle, bytes.next()).await {
            Ok(Some(Ok(chunk))) => Some((Ok(chunk), Some(bytes))),
            Ok(Some(Err(error))) => Some((Err(StreamError::Transport(error.without_url())), None)),
            Ok(None) => None,
            Err(_) => Some((Err(StreamError::Idle(idle)), None)),
        }
    })
}
