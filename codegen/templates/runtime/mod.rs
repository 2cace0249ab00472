//! The client runtime: the same for every API. It sends requests (with retries, limits and a
//! tracing span per call), and decodes answers with the statuses each operation documents.
//!
//! Per-API defaults (timeout, retry policy, size limit) come from `crate::defaults`, which is
//! generated from the API's config; nothing here names an API.

mod client;
mod credentials;
mod decode;
mod encode;
mod error;
mod events;
mod options;
pub mod paging;
mod query;
mod redact;
mod response;
mod retry;
mod send;
mod sse;

pub use client::{BuildError, Client, ClientBuilder};
pub use credentials::BearerToken;
pub use error::{ApiError, DecodeError, Error, HttpResponse};
pub use options::RequestOptions;
pub use response::ResponseValue;
pub use retry::RetryPolicy;
pub use sse::{EventStream, InvalidEvent, ServerSentEvent, StreamError};
pub use reqwest::{header::HeaderMap, StatusCode};

#[doc(hidden)]
pub use credentials::{KeyLocation, Scheme};
#[doc(hidden)]
pub use error::Failure;
#[doc(hidden)]
pub use query::{query_pairs, QueryStyle};
#[doc(hidden)]
pub use encode::{check_finite, path_segment, simple_style, with_flag, QueryNumber};
#[doc(hidden)]
pub use send::{execute, start_request, Operation, Statuses};
#[doc(hidden)]
pub use sse::{open_framed_stream, open_stream, Framing};
