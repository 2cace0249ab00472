//! AgentPhone's webhook verifier (`specs/agentphone/webhooks.rs`, copied into the client):
//! signatures computed here independently with the `hmac` crate are accepted; tampered
//! bodies, wrong secrets, stale or future timestamps, and missing or malformed headers are
//! each refused with their own error; payloads parse into typed events.

use agentphone_client::webhooks::{
    Webhook, WebhookError, WebhookPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER,
};
use agentphone_client::HeaderMap;
use hmac::{Hmac, Mac};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SECRET: &str = "whsec_test_5f1c2e9b7a";
const NOW: u64 = 1_750_000_000;
const BODY: &str = r#"{"event":"agent.message","channel":"sms","timestamp":"2025-06-01T10:00:00Z","agentId":"agt_1","data":{"messageId":"msg_1","conversationId":"conv_1","numberId":"num_1","from":"+15551234567","to":"+15559876543","message":"Hello","mediaUrls":[],"direction":"inbound","receivedAt":"2025-06-01T10:00:00Z"},"conversationState":null,"recentHistory":[]}"#;

fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(NOW)
}

/// `sha256=<hex>` of HMAC-SHA256(secret, "{timestamp}.{body}"), computed without the code under test.
fn signature(secret: &str, timestamp: &str, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

fn headers(signature: &str, timestamp: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(SIGNATURE_HEADER, signature.parse().unwrap());
    headers.insert(TIMESTAMP_HEADER, timestamp.parse().unwrap());
    headers
}

fn signed(timestamp: u64) -> HeaderMap {
    let timestamp = timestamp.to_string();
    headers(&signature(SECRET, &timestamp, BODY), &timestamp)
}

#[test]
fn a_valid_signature_is_accepted() {
    let webhook = Webhook::new(SECRET).unwrap();
    webhook
        .verify_at(&signed(NOW), BODY.as_bytes(), now())
        .unwrap();
    // Within the tolerance either way.
    webhook
        .verify_at(&signed(NOW - 299), BODY.as_bytes(), now())
        .unwrap();
    webhook
        .verify_at(&signed(NOW + 299), BODY.as_bytes(), now())
        .unwrap();
    // What `sign` produces is what AgentPhone sends.
    assert_eq!(
        webhook.sign(NOW as i64, BODY.as_bytes()),
        signature(SECRET, &NOW.to_string(), BODY)
    );
}

#[test]
fn a_tampered_body_or_another_secret_is_refused() {
    let tampered = BODY.replace("Hello", "Hellp");
    let error = Webhook::new(SECRET)
        .unwrap()
        .verify_at(&signed(NOW), tampered.as_bytes(), now())
        .unwrap_err();
    assert!(matches!(error, WebhookError::BadSignature), "{error:?}");
    let error = Webhook::new("whsec_other")
        .unwrap()
        .verify_at(&signed(NOW), BODY.as_bytes(), now())
        .unwrap_err();
    assert!(matches!(error, WebhookError::BadSignature), "{error:?}");
    // The timestamp is signed too: moving it breaks the signature.
    let moved = headers(
        &signature(SECRET, &NOW.to_string(), BODY),
        &(NOW + 1).to_string(),
    );
    let error = Webhook::new(SECRET)
        .unwrap()
        .verify_at(&moved, BODY.as_bytes(), now())
        .unwrap_err();
    assert!(matches!(error, WebhookError::BadSignature), "{error:?}");
}

#[test]
fn stale_and_future_timestamps_are_refused() {
    let webhook = Webhook::new(SECRET).unwrap();
    let error = webhook
        .verify_at(&signed(NOW - 301), BODY.as_bytes(), now())
        .unwrap_err();
    assert!(
        matches!(error, WebhookError::Stale { age_secs: 301 }),
        "{error:?}"
    );
    let error = webhook
        .verify_at(&signed(NOW + 301), BODY.as_bytes(), now())
        .unwrap_err();
    assert!(
        matches!(error, WebhookError::Stale { age_secs: -301 }),
        "{error:?}"
    );
    // A wider tolerance accepts it.
    webhook
        .tolerance(Duration::from_secs(600))
        .verify_at(&signed(NOW - 301), BODY.as_bytes(), now())
        .unwrap();
}

#[test]
fn missing_and_malformed_headers_are_named() {
    let webhook = Webhook::new(SECRET).unwrap();
    let good = signed(NOW);
    for missing in [SIGNATURE_HEADER, TIMESTAMP_HEADER] {
        let mut headers = good.clone();
        headers.remove(missing);
        let error = webhook
            .verify_at(&headers, BODY.as_bytes(), now())
            .unwrap_err();
        assert!(
            matches!(error, WebhookError::MissingHeader(name) if name == missing),
            "{error:?}"
        );
    }
    let valid = signature(SECRET, &NOW.to_string(), BODY);
    let cases = [
        (
            valid.trim_start_matches("sha256=").to_owned(),
            NOW.to_string(),
            SIGNATURE_HEADER,
        ),
        ("sha256=zz".to_owned(), NOW.to_string(), SIGNATURE_HEADER),
        (
            valid[..valid.len() - 2].to_owned(),
            NOW.to_string(),
            SIGNATURE_HEADER,
        ),
        (valid.clone(), "yesterday".to_owned(), TIMESTAMP_HEADER),
    ];
    for (signature, timestamp, header) in cases {
        let error = webhook
            .verify_at(&headers(&signature, &timestamp), BODY.as_bytes(), now())
            .unwrap_err();
        assert!(
            matches!(error, WebhookError::MalformedHeader(name) if name == header),
            "{signature} {timestamp}: {error:?}"
        );
    }
}

#[test]
fn the_secret_never_shows() {
    let webhook = Webhook::new(SECRET).unwrap();
    assert!(!format!("{webhook:?}").contains("5f1c2e9b7a"));
    let error = webhook
        .verify_at(&signed(NOW - 1000), BODY.as_bytes(), now())
        .unwrap_err();
    assert!(!format!("{error} {error:?}").contains("5f1c2e9b7a"));
}

#[test]
fn payloads_parse_into_typed_events_and_unknown_events_are_kept() {
    let mut headers = signed(NOW);
    headers.insert("x-webhook-id", "dlv_42".parse().unwrap());
    let event = agentphone_client::webhooks::parse_verified(&headers, BODY.as_bytes()).unwrap();
    assert_eq!(event.id.as_deref(), Some("dlv_42"));
    match event.payload {
        WebhookPayload::Message(message) => {
            assert_eq!(
                (message.data.from.as_str(), message.data.message.as_str()),
                ("+15551234567", "Hello")
            );
            assert_eq!(message.agent_id.as_deref(), Some("agt_1"));
            assert!(
                message.extra.contains_key("recentHistory"),
                "other fields are kept"
            );
        }
        other => panic!("{other:?}"),
    }
    let ended = r#"{"event":"agent.call_ended","channel":"voice","data":{"callId":"call_1","from":"+1","to":"+2","direction":"inbound","status":"completed","durationSeconds":300,"transcript":[{"role":"agent","content":"Hi"}],"summary":"ok"}}"#;
    match agentphone_client::webhooks::parse_verified(&HeaderMap::new(), ended.as_bytes())
        .unwrap()
        .payload
    {
        WebhookPayload::CallEnded(call) => assert_eq!(
            (
                call.data.transcript[0].content.as_str(),
                call.data.duration_seconds
            ),
            ("Hi", Some(300.0))
        ),
        other => panic!("{other:?}"),
    }
    let unknown = r#"{"event":"agent.voicemail","data":{"x":1}}"#;
    let payload =
        agentphone_client::webhooks::parse_verified(&HeaderMap::new(), unknown.as_bytes())
            .unwrap()
            .payload;
    assert!(
        matches!(&payload, WebhookPayload::Other(value) if value["data"]["x"] == 1),
        "{payload:?}"
    );
    let error =
        agentphone_client::webhooks::parse_verified(&HeaderMap::new(), b"{not json").unwrap_err();
    assert!(matches!(error, WebhookError::InvalidBody(_)));
}

#[test]
fn parse_verifies_before_reading() {
    let error = Webhook::new("whsec_other")
        .unwrap()
        .parse(&signed(NOW), BODY.as_bytes())
        .unwrap_err();
    // Stale against the real clock, or a bad signature: refused either way, never parsed.
    assert!(
        matches!(
            error,
            WebhookError::Stale { .. } | WebhookError::BadSignature
        ),
        "{error:?}"
    );
    let fresh = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let event = Webhook::new(SECRET)
        .unwrap()
        .parse(&signed(fresh), BODY.as_bytes())
        .unwrap();
    assert!(matches!(event.payload, WebhookPayload::Message(_)));
}

#[test]
fn an_empty_secret_makes_no_verifier() {
    for secret in ["", "  ", "\n"] {
        let error = Webhook::new(secret).unwrap_err();
        assert!(
            matches!(error, WebhookError::EmptySecret),
            "{secret:?}: {error:?}"
        );
    }
    // With an empty key anyone could sign: such a delivery must never have verified.
    let forged = headers(&signature("", &NOW.to_string(), BODY), &NOW.to_string());
    assert!(Webhook::new(SECRET)
        .unwrap()
        .verify_at(&forged, BODY.as_bytes(), now())
        .is_err());
}
