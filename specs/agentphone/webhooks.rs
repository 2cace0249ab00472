//! Verifying and reading AgentPhone's webhook deliveries.
//!
//! AgentPhone signs every delivery: `X-Webhook-Signature: sha256=<hex>` is the HMAC-SHA256,
//! keyed with the webhook's secret (the whole `whsec_…` string, as UTF-8), of
//! `"{X-Webhook-Timestamp}.{raw body}"`; the timestamp is in unix seconds, and a delivery more
//! than five minutes from now (either way) is refused. Deliveries may repeat: `X-Webhook-ID`
//! identifies one for de-duplication. (These facts come from AgentPhone's published SDKs; the
//! OpenAPI spec does not describe webhooks.)
//!
//! ```
//! use agentphone_client::webhooks::{Webhook, WebhookPayload};
//! # fn handle(headers: &agentphone_client::HeaderMap, body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
//! let webhook = Webhook::new(std::env::var("AGENTPHONE_WEBHOOK_SECRET")?)?;
//! let event = webhook.parse(headers, body)?; // verifies first
//! if let WebhookPayload::Message(message) = event.payload {
//!     println!("{}: {}", message.data.from, message.data.message);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! This file is written by hand beside the spec (`specs/agentphone/webhooks.rs`) and copied
//! into the client crate by `cargo xtask regen`.

use hmac::{Hmac, Mac};
use reqwest::header::HeaderMap;
use sha2::Sha256;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The header carrying `sha256=<hex signature>`.
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";
/// The header carrying the delivery's unix timestamp, in seconds.
pub const TIMESTAMP_HEADER: &str = "x-webhook-timestamp";
/// The header carrying the delivery's id, the same for every repeat of one delivery.
pub const ID_HEADER: &str = "x-webhook-id";
/// How far a delivery's timestamp may be from now, either way.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// A webhook endpoint's secret and tolerance. Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct Webhook {
    secret: Vec<u8>,
    tolerance: Duration,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("secret", &"<redacted>")
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

/// Why a delivery was refused. No variant carries the secret or a computed signature.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookError {
    /// The secret given to [`Webhook::new`] is empty (or only white space): an empty HMAC
    /// key would let anyone sign a delivery, so no verifier is made.
    EmptySecret,
    /// A required header is missing (its name).
    MissingHeader(&'static str),
    /// A header is present but not in its expected form (its name).
    MalformedHeader(&'static str),
    /// The timestamp is further from now than the tolerance: a replay, or a clock far off.
    Stale {
        /// Seconds between the timestamp and now (negative: in the future).
        age_secs: i64,
    },
    /// The signature does not match the body: it was not sent by AgentPhone with this
    /// secret, or the body was changed.
    BadSignature,
    /// The verified body is not a JSON webhook payload.
    InvalidBody(serde_json::Error),
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::EmptySecret => f.write_str("webhook secret is empty: deliveries cannot be verified with it"),
            WebhookError::MissingHeader(name) => write!(f, "webhook delivery without `{name}`"),
            WebhookError::MalformedHeader(name) => write!(f, "webhook delivery with a malformed `{name}`"),
            WebhookError::Stale { age_secs } => {
                write!(f, "webhook delivery timestamp is {age_secs} s from now, beyond the tolerance")
            }
            WebhookError::BadSignature => f.write_str("webhook signature does not match"),
            WebhookError::InvalidBody(e) => write!(f, "webhook body is not a valid payload: {e}"),
        }
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WebhookError::InvalidBody(e) => Some(e),
            _ => None,
        }
    }
}

impl Webhook {
    /// A verifier for deliveries signed with `secret` (`whsec_…`), with the default
    /// five-minute tolerance. An empty secret (an unset environment variable read as `""`,
    /// say) is refused with [`WebhookError::EmptySecret`].
    pub fn new(secret: impl Into<String>) -> Result<Self, WebhookError> {
        let secret = secret.into();
        if secret.trim().is_empty() {
            return Err(WebhookError::EmptySecret);
        }
        Ok(Webhook {
            secret: secret.into_bytes(),
            tolerance: DEFAULT_TOLERANCE,
        })
    }

    /// How far a delivery's timestamp may be from now, either way.
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Checks a delivery's signature and timestamp against the raw body, as received.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), WebhookError> {
        self.verify_at(headers, body, SystemTime::now())
    }

    /// [`Self::verify`] as if it were `now`.
    pub fn verify_at(&self, headers: &HeaderMap, body: &[u8], now: SystemTime) -> Result<(), WebhookError> {
        let timestamp = header(headers, TIMESTAMP_HEADER)?;
        let seconds: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| WebhookError::MalformedHeader(TIMESTAMP_HEADER))?;
        let signature = header(headers, SIGNATURE_HEADER)?
            .trim()
            .strip_prefix("sha256=")
            .and_then(|hex| hex::decode(hex).ok())
            .filter(|bytes| bytes.len() == 32)
            .ok_or(WebhookError::MalformedHeader(SIGNATURE_HEADER))?;
        let now_secs = match now.duration_since(UNIX_EPOCH) {
            Ok(elapsed) => i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        };
        let age_secs = now_secs.saturating_sub(seconds);
        if age_secs.unsigned_abs() > self.tolerance.as_secs() {
            return Err(WebhookError::Stale { age_secs });
        }
        // `verify_slice` compares in constant time.
        self.mac(timestamp.trim(), body)
            .verify_slice(&signature)
            .map_err(|_| WebhookError::BadSignature)
    }

    /// Verifies a delivery, then reads its payload; the id from `X-Webhook-ID` comes along
    /// for de-duplication.
    pub fn parse(&self, headers: &HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        self.verify(headers, body)?;
        parse_verified(headers, body)
    }

    /// The `X-Webhook-Signature` value AgentPhone would send for `body` at `timestamp`: for
    /// testing your own webhook handler.
    pub fn sign(&self, timestamp: i64, body: &[u8]) -> String {
        let tag = self.mac(&timestamp.to_string(), body).finalize().into_bytes();
        format!("sha256={}", hex::encode(tag))
    }

    fn mac(&self, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes a key of any length");
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }
}

fn header<'h>(headers: &'h HeaderMap, name: &'static str) -> Result<&'h str, WebhookError> {
    headers
        .get(name)
        .ok_or(WebhookError::MissingHeader(name))?
        .to_str()
        .map_err(|_| WebhookError::MalformedHeader(name))
}

/// Reads a payload that was already verified (or that you trust for another reason).
pub fn parse_verified(headers: &HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
    let id = headers.get(ID_HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let value: serde_json::Value = serde_json::from_slice(body).map_err(WebhookError::InvalidBody)?;
    let event = value.get("event").and_then(serde_json::Value::as_str).unwrap_or_default();
    let payload = match event {
        "agent.message" => WebhookPayload::Message(typed(value)?),
        "agent.call_ended" => WebhookPayload::CallEnded(typed(value)?),
        "agent.reaction" => WebhookPayload::Reaction(typed(value)?),
        _ => WebhookPayload::Other(value),
    };
    Ok(WebhookEvent { id, payload })
}

fn typed<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, WebhookError> {
    serde_json::from_value(value).map_err(WebhookError::InvalidBody)
}

/// A verified delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    /// `X-Webhook-ID`: the same for every repeat of one delivery.
    pub id: Option<String>,
    /// What happened.
    pub payload: WebhookPayload,
}

/// A delivery's payload, by its `event`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WebhookPayload {
    /// `agent.message`: a message was received or sent.
    Message(Envelope<MessageData>),
    /// `agent.call_ended`: a call ended, with its transcript.
    CallEnded(Envelope<CallEndedData>),
    /// `agent.reaction`: a reaction to a message.
    Reaction(Envelope<ReactionData>),
    /// An event this crate does not know yet, as received.
    Other(serde_json::Value),
}

/// What every delivery carries around its `data`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Envelope<T> {
    /// The event name (`agent.message`, ...).
    pub event: String,
    /// `sms`, `mms`, `imessage`, `voice`, ...
    #[serde(default)]
    pub channel: Option<String>,
    /// When it happened (ISO 8601).
    #[serde(default)]
    pub timestamp: Option<String>,
    /// The agent the event belongs to.
    #[serde(default)]
    pub agent_id: Option<String>,
    /// The event's own data.
    pub data: T,
    /// Everything else the delivery carries (conversation state, recent history, ...).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The data of an `agent.message` delivery.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageData {
    /// The message's id.
    pub message_id: String,
    /// The conversation it belongs to.
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// The AgentPhone number involved.
    #[serde(default)]
    pub number_id: Option<String>,
    /// The sender's number.
    pub from: String,
    /// The recipient's number.
    pub to: String,
    /// The text.
    #[serde(default)]
    pub message: String,
    /// Attached media.
    #[serde(default)]
    pub media_urls: Vec<String>,
    /// `inbound` or `outbound`.
    pub direction: String,
    /// When it was received (ISO 8601).
    #[serde(default)]
    pub received_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The data of an `agent.call_ended` delivery.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallEndedData {
    /// The call's id.
    pub call_id: String,
    /// The caller's number.
    pub from: String,
    /// The called number.
    pub to: String,
    /// `inbound` or `outbound`.
    pub direction: String,
    /// The call's final status.
    #[serde(default)]
    pub status: Option<String>,
    /// How long the call lasted.
    #[serde(default)]
    pub duration_seconds: Option<f64>,
    /// The conversation, turn by turn.
    #[serde(default)]
    pub transcript: Vec<TranscriptLine>,
    /// A summary of the call.
    #[serde(default)]
    pub summary: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One line of a call's transcript.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[non_exhaustive]
pub struct TranscriptLine {
    /// `agent` or `user`.
    pub role: String,
    /// What was said.
    pub content: String,
}

/// The data of an `agent.reaction` delivery.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReactionData {
    /// The message reacted to.
    pub message_id: String,
    /// The reaction (`love`, `like`, ...).
    pub reaction_type: String,
    /// Who reacted.
    #[serde(default)]
    pub from_number: Option<String>,
    /// `inbound` or `outbound`.
    pub direction: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
