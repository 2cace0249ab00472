//! Server-Sent Events: an operation whose success response is `text/event-stream` returns an
//! [`EventStream`] of typed events, read as they arrive.
//!
//! The wire format is parsed by [`super::events`]; this module decodes each event's `data` as
//! JSON into the spec's type, and bounds the stream: no event may take more bytes than the
//! client's response limit, no silence may last longer than the idle timeout, and no stream
//! may stay open longer than its lifetime.

use super::error::{DecodeError, Error, Failure};
use super::events::{EventParser, EventTooLarge, RawEvent};
use super::options::RequestOptions;
use super::redact::Secrets;
use super::send::{attempts, call_span, prepare, read, Operation, Statuses};
use super::Client;
use futures_util::StreamExt;
use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Instant;
use tracing::Instrument;

/// What reqwest is told a stream's request may take: the stream's own limits (idle time and
/// lifetime) end it instead.
const STREAM_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// One event of a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerSentEvent<T> {
    /// The event's name (`event:`), `message` when the server gives none.
    pub event: String,
    /// The last event id the server set (`id:`; it carries over to later events, as the
    /// standard says), empty while it has set none.
    pub id: String,
    /// The reconnection delay the server asks for (`retry:`), if any.
    pub retry: Option<Duration>,
    /// The event's `data`, decoded.
    pub data: T,
}

/// Why a stream ended early, or why one event was skipped.
#[derive(Debug)]
#[non_exhaustive]
pub enum StreamError {
    /// Reading from the connection failed. Ends the stream.
    Transport(reqwest::Error),
    /// An event's `data` does not match the spec's type. The stream goes on with the next
    /// event; the raw data is kept.
    InvalidData(InvalidEvent),
    /// Nothing, not even a comment, arrived within the idle timeout. Ends the stream.
    Idle(Duration),
    /// More bytes than the client's response limit arrived without completing an event (a
    /// line that never ends, say). Ends the stream.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The stream stayed open longer than its lifetime
    /// ([`ClientBuilder::max_stream_duration`](crate::ClientBuilder::max_stream_duration)).
    /// Ends the stream.
    Expired(Duration),
}

/// An event whose `data` does not match the spec's type. Its `Display` and `Debug` output
/// show the name and data bounded, with the call's credentials blanked.
pub struct InvalidEvent {
    event: String,
    data: String,
    source: DecodeError,
    secrets: Secrets,
}

impl InvalidEvent {
    /// The event's name.
    pub fn event(&self) -> &str {
        &self.event
    }

    /// The event's data as received.
    pub fn data(&self) -> &str {
        &self.data
    }

    /// Why the data does not decode.
    pub fn decode_error(&self) -> &DecodeError {
        &self.source
    }
}

impl fmt::Debug for InvalidEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvalidEvent")
            .field("event", &self.secrets.redact(&self.event))
            .field("data", &self.secrets.redact(&self.data))
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Transport(e) => write!(f, "event stream failed: {e}"),
            StreamError::InvalidData(invalid) => {
                let event = invalid.secrets.redact(&invalid.event);
                write!(f, "`{event}` event data does not match the spec: {}", invalid.source)
            }
            StreamError::Idle(after) => write!(f, "event stream silent for {after:?}"),
            StreamError::TooLarge { limit } => write!(f, "event stream sent over {limit} bytes without an event"),
            StreamError::Expired(after) => write!(f, "event stream open for over {after:?}"),
        }
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StreamError::Transport(e) => Some(e),
            StreamError::InvalidData(invalid) => Some(&invalid.source),
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

/// How a stream's body is framed into events: Server-Sent Events or JSON lines, and the
/// `data` that ends it, if the API sends one (`[DONE]`).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Framing {
    /// Each line is one event's data (`application/x-ndjson` and its kin).
    pub lines: bool,
    /// A `data` value that ends the stream instead of being an event.
    pub terminator: Option<&'static str>,
}

/// Opens an event stream: the request is retried like any other; a success status with
/// an event stream (or no content type) returns the stream, another success the error
/// [`Error::UnexpectedContentType`], any other status the operation's error. The idle
/// timeout (the call's timeout, or the client's) bounds both the wait for the response
/// and every silence in the stream.
#[doc(hidden)]
pub async fn open_stream<T, E>(
    client: &Client,
    op: &Operation,
    request: reqwest::RequestBuilder,
    options: &RequestOptions,
    statuses: &Statuses,
) -> Result<EventStream<T>, Error<E>>
where
    T: serde::de::DeserializeOwned + Send + 'static,
    E: serde::de::DeserializeOwned,
{
    let framing = Framing { lines: false, terminator: None };
    open_framed_stream(client, op, request, options, statuses, &framing).await
}

/// Opens a stream framed as `framing` says, as [`open_stream`] does. JSON lines are taken
/// whatever the content type says (servers label them `application/json` as often as not).
#[doc(hidden)]
pub async fn open_framed_stream<T, E>(
    client: &Client,
    op: &Operation,
    request: reqwest::RequestBuilder,
    options: &RequestOptions,
    statuses: &Statuses,
    framing: &Framing,
) -> Result<EventStream<T>, Error<E>>
where
    T: serde::de::DeserializeOwned + Send + 'static,
    E: serde::de::DeserializeOwned,
{
    client.check_base_url()?;
    let mut request = prepare(request, options)?;
    let idle = request.timeout().copied().unwrap_or(client.timeout);
    let lifetime = options.stream_duration().unwrap_or(client.max_stream_duration);
    let deadline = Instant::now() + lifetime;
    *request.timeout_mut() = Some(STREAM_LIFETIME);
    let span = call_span(op);
    let secrets = client.secrets.with(options.secret_values());
    // The stream must start within the idle timeout (retries included): the request's own
    // timeout is set aside, since it would also end a healthy stream.
    let response = tokio::time::timeout(idle, attempts(client, request, options).instrument(span.clone()))
        .await
        .map_err(|_| Failure::TimedOut(idle))??;
    if !response.status().is_success() {
        let response = read(client, response, secrets).instrument(span).await?;
        return Err(response.into_error(statuses));
    }
    if !framing.lines && !is_event_stream(response.headers()) {
        let response = read(client, response, secrets).instrument(span).await?;
        return Err(Error::UnexpectedContentType(Box::new(response)));
    }
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = Box::pin(response.bytes_stream());
    let reader = Reader {
        bytes: Some(bytes),
        parser: EventParser::new(client.max_response_bytes, framing.lines),
        terminator: framing.terminator,
        ready: VecDeque::new(),
        failure: None,
        limits: Limits { idle, deadline, lifetime, max_event_bytes: client.max_response_bytes },
        secrets,
    };
    let events = futures_util::stream::unfold(reader, |mut reader| async move {
        let item = reader.next::<T>().await?;
        Some((item, reader))
    });
    Ok(EventStream { events: Box::pin(events), status, headers })
}

/// Whether a response is an event stream: its content type says so, or it says nothing.
fn is_event_stream(headers: &reqwest::header::HeaderMap) -> bool {
    let Some(value) = headers.get(reqwest::header::CONTENT_TYPE) else {
        return true;
    };
    let essence = value.to_str().unwrap_or_default().split(';').next().unwrap_or_default();
    essence.trim().eq_ignore_ascii_case("text/event-stream")
}

type Bytes = Pin<Box<dyn futures_core::Stream<Item = Result<bytes::Bytes, reqwest::Error>> + Send>>;

/// A stream's bounds.
struct Limits {
    idle: Duration,
    deadline: Instant,
    lifetime: Duration,
    max_event_bytes: u64,
}

/// Reads a response's bytes and hands out its events, typed, one at a time.
struct Reader {
    /// `None` once the stream has ended (closed by the server or by an error).
    bytes: Option<Bytes>,
    parser: EventParser,
    /// The `data` that ends the stream, if the API sends one.
    terminator: Option<&'static str>,
    /// Events parsed and not yet handed out.
    ready: VecDeque<RawEvent>,
    /// What ended the stream, handed out after the events before it.
    failure: Option<StreamError>,
    limits: Limits,
    secrets: Secrets,
}

impl Reader {
    /// The next event, or the error that ends the stream, or `None` at its end.
    async fn next<T: serde::de::DeserializeOwned>(&mut self) -> Option<Result<ServerSentEvent<T>, StreamError>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                if self.terminator.is_some_and(|end| event.data.trim() == end) {
                    self.bytes = None;
                    self.ready.clear();
                    return None;
                }
                return Some(decode(event, &self.secrets));
            }
            if let Some(failure) = self.failure.take() {
                return Some(Err(failure));
            }
            let bytes = self.bytes.as_mut()?;
            let wait = self.limits.idle.min(self.limits.deadline.saturating_duration_since(Instant::now()));
            match tokio::time::timeout(wait, bytes.next()).await {
                Ok(Some(Ok(chunk))) => {
                    if let Err(EventTooLarge) = self.parser.feed(&chunk, &mut self.ready) {
                        self.end(StreamError::TooLarge { limit: self.limits.max_event_bytes });
                    }
                }
                Ok(Some(Err(error))) => self.end(StreamError::Transport(error.without_url())),
                Ok(None) => {
                    self.bytes = None;
                    self.ready.extend(self.parser.finish());
                }
                Err(_) if Instant::now() >= self.limits.deadline => self.end(StreamError::Expired(self.limits.lifetime)),
                Err(_) => self.end(StreamError::Idle(self.limits.idle)),
            }
        }
    }

    fn end(&mut self, failure: StreamError) {
        self.bytes = None;
        self.failure = Some(failure);
    }
}

fn decode<T: serde::de::DeserializeOwned>(event: RawEvent, secrets: &Secrets) -> Result<ServerSentEvent<T>, StreamError> {
    let retry = event.retry.map(Duration::from_millis);
    match serde_json::from_str(&event.data) {
        Ok(data) => Ok(ServerSentEvent { event: event.event, id: event.id, retry, data }),
        Err(error) => Err(StreamError::InvalidData(InvalidEvent {
            source: DecodeError::new(&error, secrets),
            event: event.event,
            data: event.data,
            secrets: secrets.clone(),
        })),
    }
}
