//! AgentPhone client behaviour against an in-process mock server (wiremock).
//!
//! What this file proves about the generated `agentphone-client`:
//!
//! 1. **Every operation of the spec, exactly once** (`operations!` table): each of the 49
//!    operations is called through the typed client against a mock answering its documented
//!    success status with a valid body (fixture case 0 of the response schema). The single
//!    request received is checked for its exact method, raw (percent-encoded) path, exact
//!    query string (`None` when no query parameter was set), `Authorization: Bearer …` on the
//!    operations the spec secures and *no* such header on the unsecured ones, and, for
//!    operations with a body, `content-type: application/json` and the exact JSON built from
//!    the typed request models (and no body at all otherwise). The response must decode into
//!    the typed result. `table_covers_every_spec_operation_once` compares the table with the
//!    operations parsed from `specs/agentphone/openapi.json`.
//! 2. **Errors**: a documented 422 is `Error::Api` with the typed `HTTPValidationError`;
//!    undocumented statuses are `Error::UnexpectedStatus` keeping status, headers and the raw
//!    body; a success status with a body of the wrong shape is `Error::InvalidBody` keeping
//!    the raw bytes; a closed port or a timeout is `Error::Transport`; and the helpers
//!    (`status`, `api_error`, `raw_body`, `is_not_found`, `is_retryable`, `is_client_error`)
//!    answer accordingly.
//! 3. **Wire details**: unknown enum values decode into `Other`, unknown response fields are
//!    accepted, `null` and absent stay distinct in responses, `Nullable::Null` is sent as
//!    `null` and `Nullable::Absent` is not sent, and 201 / 204 successes decode.
//! 4. **Path parameters** are percent-encoded as exactly one path segment, whatever they
//!    contain (`/`, space as `%20`, `?`, `#`, `%`, `\`, non-ASCII).
//! 5. **Secrets**: the `Debug` output of the client, its builder and request builders never
//!    shows the bearer token.

use agentphone_client::models::{
    AgentResponse, AgentSignUpRequest, AgentVerifyRequest, AttachNumberRequest, CreateAgentRequest,
    CreateContactRequest, CreateNumberRequest, CreateOutboundCallRequest, CreateWebCallRequest,
    HttpValidationError, ModelTier, Nullable, SendMessageRequest, SendReactionRequest,
    StringOrInteger, SttMode, UpdateAgentRequest, UpdateContactRequest, UpdateConversationRequest,
    VoiceMode, WebhookCreateRequest,
};
use agentphone_client::{Client, Error, StatusCode};
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::time::Duration;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The token every test client is configured with.
const TOKEN: &str = "test-token";

/// Case 0 of `tests/fixtures/agentphone/<stem>.json`: a valid body of that schema.
fn fixture(stem: &str) -> Value {
    match tests::fixture(&format!("agentphone/{stem}.json")) {
        Value::Array(cases) if !cases.is_empty() => cases[0].clone(),
        other => panic!("{stem}.json must be a non-empty array of cases, got {other}"),
    }
}

/// Case 0 of a fixture, decoded as `T`.
fn typed<T: serde::de::DeserializeOwned>(stem: &str) -> T {
    serde_json::from_value(fixture(stem))
        .unwrap_or_else(|e| panic!("{stem}.json case 0 does not decode: {e}"))
}

/// A mock server answering every request with `template`.
async fn serve(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

/// A client for `server` carrying the test token.
fn client_for(server: &MockServer) -> Client {
    client_at(&server.uri())
}

/// Retries are off so that each test sees exactly the requests it makes; retrying has its
/// own tests in `convocore_client.rs`.
fn client_at(base_url: &str) -> Client {
    Client::builder()
        .base_url(base_url)
        .bearer_token(TOKEN)
        .max_retries(0)
        .build()
        .expect("client builds")
}

/// Every request the server received.
async fn received(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("wiremock records requests")
}

/// A request header as text, if present.
fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().expect("header is text"))
}

/// The parsed spec.
fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../specs/agentphone/openapi.json"
        );
        let text = std::fs::read_to_string(path).expect("spec is readable");
        serde_json::from_str(&text).expect("spec is JSON")
    })
}

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operation of the spec as `METHOD /path-template`, with whether it is secured
/// (its own `security`, else the document's, is a non-empty list).
fn spec_operations() -> BTreeMap<String, bool> {
    let spec = spec();
    let global = spec.get("security");
    let mut operations = BTreeMap::new();
    for (path, item) in spec["paths"].as_object().expect("paths is an object") {
        for (method, operation) in item.as_object().expect("path item is an object") {
            if !HTTP_METHODS.contains(&method.as_str()) {
                continue;
            }
            let security = operation.get("security").or(global);
            let secured = security
                .and_then(Value::as_array)
                .is_some_and(|requirements| !requirements.is_empty());
            let key = format!("{} {path}", method.to_uppercase());
            assert!(
                operations.insert(key, secured).is_none(),
                "duplicate operation"
            );
        }
    }
    operations
}

/// Whether the spec secures operation `op` (`METHOD /path-template`).
fn spec_secured(op: &str) -> bool {
    *spec_operations()
        .get(op)
        .unwrap_or_else(|| panic!("{op} is not an operation of the spec"))
}

/// Whether a concrete path fits a path template: same number of segments, literal segments
/// equal, and each `{param}` filled by one non-empty segment.
fn fits_template(path: &str, template: &str) -> bool {
    let path: Vec<&str> = path.split('/').collect();
    let template: Vec<&str> = template.split('/').collect();
    path.len() == template.len()
        && path.iter().zip(&template).all(|(segment, pattern)| {
            if pattern.starts_with('{') && pattern.ends_with('}') {
                !segment.is_empty()
            } else {
                segment == pattern
            }
        })
}

/// What the mock answers.
struct Respond {
    status: u16,
    body: Option<Value>,
    /// A `text/event-stream` body instead of JSON.
    events: Option<&'static str>,
}

/// 200 with case 0 of a fixture.
fn ok(stem: &str) -> Respond {
    ok_json(fixture(stem))
}

/// 200 with the given JSON (for operations whose response schema is `{}`).
fn ok_json(body: Value) -> Respond {
    Respond {
        status: 200,
        body: Some(body),
        events: None,
    }
}

/// 201 with case 0 of a fixture.
fn created(stem: &str) -> Respond {
    Respond {
        status: 201,
        body: Some(fixture(stem)),
        events: None,
    }
}

/// 204 without a body.
fn no_content() -> Respond {
    Respond {
        status: 204,
        body: None,
        events: None,
    }
}

/// A call with one transcript entry, as the published SDK describes `GET /v1/calls/{id}`.
fn call_detail(id: &str) -> Value {
    json!({
        "id": id, "fromNumber": "+14155550123", "toNumber": "+12125550147", "direction": "outbound",
        "status": "completed", "startedAt": "2024-05-01T12:00:00Z", "endedAt": null, "agentId": "agt_123",
        "transcripts": [{"id": "tr_1", "transcript": "Hi", "response": "Hello!", "createdAt": "2024-05-01T12:00:05Z"}]
    })
}

/// 200 with a Server-Sent Events body.
fn ok_events(events: &'static str) -> Respond {
    Respond {
        status: 200,
        body: None,
        events: Some(events),
    }
}

impl Respond {
    fn template(&self) -> ResponseTemplate {
        let template = ResponseTemplate::new(self.status);
        if let Some(events) = self.events {
            return template.set_body_raw(events, "text/event-stream");
        }
        match &self.body {
            Some(body) => template.set_body_json(body),
            None => template,
        }
    }
}

/// What the single received request must look like (method and auth come from the
/// operation key and the spec).
struct Sent {
    path: &'static str,
    query: Option<&'static str>,
    body: Option<Value>,
}

/// A request to `path` without query string or body; refine with `.query(…)` / `.body(…)`.
fn at(path: &'static str) -> Sent {
    Sent {
        path,
        query: None,
        body: None,
    }
}

impl Sent {
    fn query(mut self, query: &'static str) -> Self {
        self.query = Some(query);
        self
    }

    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
}

/// Checks that `server` received exactly one request, and that it is operation `op` as
/// described by `sent`.
async fn assert_sent(server: &MockServer, op: &str, sent: Sent) {
    let requests = received(server).await;
    assert_eq!(requests.len(), 1, "{op}: expected exactly one request");
    let request = &requests[0];
    let (method, template) = op.split_once(' ').expect("op is `METHOD /path`");

    assert_eq!(request.method.as_str(), method, "{op}: method");
    assert_eq!(request.url.path(), sent.path, "{op}: path");
    assert!(
        fits_template(sent.path, template),
        "{op}: {} does not fit the template",
        sent.path
    );
    assert_eq!(request.url.query(), sent.query, "{op}: query string");

    let authorization = header(request, "authorization");
    if spec_secured(op) {
        assert_eq!(
            authorization,
            Some("Bearer test-token"),
            "{op}: secured operation must carry the token"
        );
    } else {
        assert_eq!(
            authorization, None,
            "{op}: unsecured operation must not carry the token"
        );
    }
    // The transcript stream is Server-Sent Events (overlays/transcript-stream.yaml).
    let accept = if op.ends_with("/transcript/stream") {
        "text/event-stream"
    } else {
        "application/json"
    };
    assert_eq!(header(request, "accept"), Some(accept), "{op}: accept");

    match sent.body {
        Some(expected) => {
            assert_eq!(
                header(request, "content-type"),
                Some("application/json"),
                "{op}: content-type"
            );
            let actual: Value = serde_json::from_slice(&request.body).unwrap_or_else(|e| {
                panic!(
                    "{op}: body is not JSON ({e}): {}",
                    String::from_utf8_lossy(&request.body)
                )
            });
            assert_eq!(actual, expected, "{op}: JSON body");
        }
        None => {
            assert!(
                request.body.is_empty(),
                "{op}: unexpected body {}",
                String::from_utf8_lossy(&request.body)
            );
            assert_eq!(
                header(request, "content-type"),
                None,
                "{op}: content-type without body"
            );
        }
    }
}

/// `2024-05-01T12:00:00Z`.
fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap()
}

/// `2024-04-30T08:30:00Z`.
fn morning_before() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 4, 30, 8, 30, 0).unwrap()
}

fn object(entries: &[(&str, Value)]) -> BTreeMap<String, Value> {
    entries
        .iter()
        .map(|(key, value)| (key.to_string(), value.clone()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Every operation, exactly once
// ---------------------------------------------------------------------------------------------

/// One `#[tokio::test]` per entry, and `COVERED`, the list of entry keys that
/// `table_covers_every_spec_operation_once` compares with the spec.
///
/// Each entry: the operation as `METHOD /path-template`, what the mock answers, the client
/// call (`|client| …` returning the builder's `send()` future), the request the mock must
/// receive, and a check on the decoded result.
macro_rules! operations {
    ($(
        $name:ident: $op:literal {
            respond: $respond:expr,
            send: |$client:ident| $call:expr,
            sent: $sent:expr,
            check: |$out:ident| $check:expr $(,)?
        }
    )*) => {
        /// Every operation the table below covers.
        const COVERED: &[&str] = &[$($op),*];

        $(
            #[tokio::test]
            #[allow(clippy::let_unit_value)] // `DELETE /v1/contacts/{id}` decodes to `()`
            async fn $name() {
                let respond: Respond = $respond;
                let server = serve(respond.template()).await;
                let $client = client_for(&server);
                let result = $call.await;
                assert_sent(&server, $op, $sent).await;
                let response = result.unwrap_or_else(|e| panic!("{}: {e}", $op));
                assert_eq!(response.status().as_u16(), respond.status, "{}: status", $op);
                let $out = response.into_inner();
                $check;
            }
        )*
    };
}

operations! {
    // --- agent-signup (unsecured) ------------------------------------------------------------
    agent_signup_sign_up: "POST /v0/agent/sign-up" {
        respond: ok_json(json!({"verificationId": "ver_8f2c1a", "message": "Check your email"})),
        send: |client| client
            .agent_signup()
            .sign_up({
                let mut request = AgentSignUpRequest::new("jane.doe@example.com".into());
                request.agent_name = Nullable::Value("Jane's Assistant".into());
                request
            })
            .send(),
        sent: at("/v0/agent/sign-up").body(json!({
            "human_email": "jane.doe@example.com",
            "agent_name": "Jane's Assistant",
        })),
        check: |out| assert_eq!(out["verificationId"], "ver_8f2c1a"),
    }
    agent_signup_verify: "POST /v0/agent/verify" {
        respond: ok_json(json!({"apiKey": "ak_live_123", "agentId": "agt_123"})),
        send: |client| client
            .agent_signup()
            .verify(AgentVerifyRequest::builder().otp_code("492817").verification_id("ver_8f2c1a").build().unwrap())
            .send(),
        sent: at("/v0/agent/verify").body(json!({
            "verification_id": "ver_8f2c1a",
            "otp_code": "492817",
        })),
        check: |out| assert_eq!(out["apiKey"], "ak_live_123"),
    }

    // --- agents --------------------------------------------------------------------------------
    agents_list_voices: "GET /v1/agents/voices" {
        respond: ok_json(json!({"data": [{"voice_id": "alloy", "voice_name": "Alloy", "provider": "retell"}]})),
        send: |client| client.agents().list_voices().send(),
        sent: at("/v1/agents/voices"),
        check: |out| assert_eq!(out.data[0].voice_id, "alloy"),
    }
    agents_list: "GET /v1/agents" {
        respond: ok("AgentListResponse"),
        send: |client| client.agents().list().limit(10).offset(20).send(),
        sent: at("/v1/agents").query("limit=10&offset=20"),
        check: |out| {
            assert_eq!(out.data[0].id, "agt_123");
            assert_eq!(out.data[0].voice_mode, VoiceMode::Hosted);
        },
    }
    agents_create: "POST /v1/agents" {
        respond: ok("AgentResponse"),
        send: |client| client
            .agents()
            .create({
                let mut request = CreateAgentRequest::new("Front Desk".into());
                request.description = Nullable::Null;
                request.voice_mode = Nullable::Value(VoiceMode::Hosted);
                request.model_tier = Nullable::Value(ModelTier::Balanced);
                request.system_prompt = Nullable::Value("You are a friendly receptionist.".into());
                request.stt_mode = Nullable::Value(SttMode::Fast);
                request
            })
            .send(),
        sent: at("/v1/agents").body(json!({
            "name": "Front Desk",
            "description": null,
            "voiceMode": "hosted",
            "modelTier": "balanced",
            "systemPrompt": "You are a friendly receptionist.",
            "sttMode": "fast",
        })),
        check: |out| {
            assert_eq!(out.id, "agt_123");
            assert_eq!(out.model_tier, Some(ModelTier::Max));
        },
    }
    agents_get: "GET /v1/agents/{agent_id}" {
        respond: ok("AgentResponse"),
        send: |client| client.agents().get("agt_123").send(),
        sent: at("/v1/agents/agt_123"),
        check: |out| assert_eq!(out.name, "Front Desk"),
    }
    agents_delete: "DELETE /v1/agents/{agent_id}" {
        respond: ok("DeleteAgentResponse"),
        send: |client| client.agents().delete("agt_123").send(),
        sent: at("/v1/agents/agt_123"),
        check: |out| {
            assert!(out.success);
            assert_eq!(out.id, "agt_123");
        },
    }
    agents_update: "PATCH /v1/agents/{agent_id}" {
        respond: ok("AgentResponse"),
        send: |client| client
            .agents()
            .update(
                "agt_123",
                {
                    let mut request = UpdateAgentRequest::new();
                    request.name = Nullable::Value("Front Desk (Downtown)".into());
                    request.voice = Nullable::Value("nova".into());
                    request.transfer_number = Nullable::Null;
                    request
                },
            )
            .send(),
        sent: at("/v1/agents/agt_123").body(json!({
            "name": "Front Desk (Downtown)",
            "voice": "nova",
            "transferNumber": null,
        })),
        check: |out| assert_eq!(out.voice, "alloy"),
    }
    agents_attach_number: "POST /v1/agents/{agent_id}/numbers" {
        respond: ok("AttachNumberResponse"),
        send: |client| client
            .agents()
            .attach_number("agt_123", AttachNumberRequest::new("num_123".into()))
            .send(),
        sent: at("/v1/agents/agt_123/numbers").body(json!({"numberId": "num_123"})),
        check: |out| {
            assert_eq!(out.agent_id, "agt_123");
            assert_eq!(out.number.id, "num_123");
        },
    }
    agents_detach_number: "DELETE /v1/agents/{agent_id}/numbers/{number_id}" {
        respond: ok_json(json!({"success": true})),
        send: |client| client.agents().detach_number("agt_123", "num_123").send(),
        sent: at("/v1/agents/agt_123/numbers/num_123"),
        check: |out| assert!(out.success),
    }
    agents_list_conversations: "GET /v1/agents/{agent_id}/conversations" {
        respond: ok("app__routes__agents__ConversationListResponse"),
        send: |client| client.agents().list_conversations("agt_123").limit(5).send(),
        sent: at("/v1/agents/agt_123/conversations").query("limit=5"),
        check: |out| {
            assert_eq!(out.data[0].id, "conv_123");
            assert!(out.has_more);
            assert_eq!(out.total, 25);
        },
    }
    agents_list_calls: "GET /v1/agents/{agent_id}/calls" {
        respond: ok("CallListResponse"),
        send: |client| client.agents().list_calls("agt_123").send(),
        sent: at("/v1/agents/agt_123/calls"),
        check: |out| {
            assert_eq!(out.data[0].id, "call_123");
            assert_eq!(out.data[0].duration_seconds, Some(207));
        },
    }

    // --- numbers -------------------------------------------------------------------------------
    numbers_list: "GET /v1/numbers" {
        respond: ok("PhoneNumberListResponse"),
        send: |client| client.numbers().list().offset(40).send(),
        sent: at("/v1/numbers").query("offset=40"),
        check: |out| assert_eq!(out.data[0].phone_number, "+14155550123"),
    }
    numbers_create: "POST /v1/numbers" {
        respond: ok("PhoneNumberResponse"),
        send: |client| client
            .numbers()
            .create({
                let mut request = CreateNumberRequest::new();
                request.country = Some("US".into());
                request.area_code = Nullable::Value("415".into());
                request.agent_id = Nullable::Null;
                request
            })
            .send(),
        sent: at("/v1/numbers").body(json!({"country": "US", "areaCode": "415", "agentId": null})),
        check: |out| {
            assert_eq!(out.id, "num_123");
            assert_eq!(out.agent_id, Nullable::Value("agt_123".to_owned()));
        },
    }
    numbers_get_messages: "GET /v1/numbers/{number_id}/messages" {
        respond: ok("MessageListResponse"),
        send: |client| client
            .numbers()
            .get_messages("num_123")
            .limit(25)
            .before(noon())
            .after(morning_before())
            .send(),
        sent: at("/v1/numbers/num_123/messages")
            .query("limit=25&before=2024-05-01T12%3A00%3A00Z&after=2024-04-30T08%3A30%3A00Z"),
        check: |out| {
            assert_eq!(out.data[0].from, "+12125550147");
            assert!(out.has_more);
        },
    }
    numbers_delete: "DELETE /v1/numbers/{number_id}" {
        respond: ok_json(json!({"success": true, "phoneNumber": "+14155550123", "status": "released"})),
        send: |client| client.numbers().delete("num_123").send(),
        sent: at("/v1/numbers/num_123"),
        check: |out| assert_eq!(out.status, "released"),
    }

    // --- webhooks ------------------------------------------------------------------------------
    webhooks_get: "GET /v1/webhooks" {
        respond: ok("WebhookResponse"),
        send: |client| client.webhooks().get().send(),
        sent: at("/v1/webhooks"),
        check: |out| assert_eq!(out.expect("a webhook").id, "wh_123"),
    }
    webhooks_create_or_update: "POST /v1/webhooks" {
        respond: ok("WebhookResponse"),
        send: |client| client
            .webhooks()
            .create_or_update({
                let mut request = WebhookCreateRequest::new("https://hooks.example.com/agentphone".into());
                request.context_limit = Nullable::Value(10);
                request
            })
            .send(),
        sent: at("/v1/webhooks").body(json!({
            "url": "https://hooks.example.com/agentphone",
            "contextLimit": 10,
        })),
        check: |out| assert_eq!(out.secret, "whsec_5f1c2e9b7a"),
    }
    webhooks_delete: "DELETE /v1/webhooks" {
        respond: ok_json(json!({"success": true})),
        send: |client| client.webhooks().delete().send(),
        sent: at("/v1/webhooks"),
        check: |out| assert!(out.success),
    }
    webhooks_list_deliveries: "GET /v1/webhooks/deliveries" {
        respond: ok("PaginatedDeliveriesResponse"),
        send: |client| client.webhooks().list_deliveries().limit(10).offset(0).hours(24).send(),
        sent: at("/v1/webhooks/deliveries").query("limit=10&offset=0&hours=24"),
        check: |out| {
            assert_eq!(out.items[0].id, "whd_123");
            assert_eq!(out.total, 42);
        },
    }
    webhooks_delivery_stats: "GET /v1/webhooks/deliveries/stats" {
        respond: ok("WebhookDeliveryStatsResponse"),
        send: |client| client.webhooks().delivery_stats().hours(48).send(),
        sent: at("/v1/webhooks/deliveries/stats").query("hours=48"),
        check: |out| {
            assert_eq!(out.total, 1250);
            assert_eq!(out.by_event_type["call.ended"]["success"], 300);
        },
    }
    webhooks_all_time_stats: "GET /v1/webhooks/deliveries/all-time" {
        respond: ok("AllTimeStatsResponse"),
        send: |client| client.webhooks().all_time_stats().send(),
        sent: at("/v1/webhooks/deliveries/all-time"),
        check: |out| assert_eq!(out.success, 1217),
    }
    webhooks_test: "POST /v1/webhooks/test" {
        respond: ok_json(json!({"success": true, "statusCode": 200, "responseMs": 85, "error": null})),
        send: |client| client.webhooks().test().agent_id("agt_123").send(),
        sent: at("/v1/webhooks/test").query("agentId=agt_123"),
        check: |out| assert_eq!(out.status_code, Nullable::Value(200)),
    }

    // --- agent-webhooks ------------------------------------------------------------------------
    agent_webhooks_get: "GET /v1/agents/{agent_id}/webhook" {
        // The response schema is `WebhookResponse | null`: `null` means no webhook.
        respond: ok_json(Value::Null),
        send: |client| client.agent_webhooks().get("agt_123").send(),
        sent: at("/v1/agents/agt_123/webhook"),
        check: |out| assert_eq!(out, None),
    }
    agent_webhooks_create_or_update: "POST /v1/agents/{agent_id}/webhook" {
        respond: ok("WebhookResponse"),
        send: |client| client
            .agent_webhooks()
            .create_or_update(
                "agt_123",
                {
                    let mut request = WebhookCreateRequest::new("https://hooks.example.com/agt_123".into());
                    request.context_limit = Nullable::Null;
                    request.timeout = Nullable::Value(15);
                    request
                },
            )
            .send(),
        sent: at("/v1/agents/agt_123/webhook").body(json!({
            "url": "https://hooks.example.com/agt_123",
            "contextLimit": null,
            "timeout": 15,
        })),
        check: |out| assert_eq!(out.context_limit, 10),
    }
    agent_webhooks_delete: "DELETE /v1/agents/{agent_id}/webhook" {
        respond: ok_json(json!({"success": true})),
        send: |client| client.agent_webhooks().delete("agt_123").send(),
        sent: at("/v1/agents/agt_123/webhook"),
        check: |out| assert!(out.success),
    }
    agent_webhooks_list_deliveries: "GET /v1/agents/{agent_id}/webhook/deliveries" {
        respond: ok_json(json!([fixture("WebhookDeliveryResponse")])),
        send: |client| client.agent_webhooks().list_deliveries("agt_123").limit(3).send(),
        sent: at("/v1/agents/agt_123/webhook/deliveries").query("limit=3"),
        check: |out| {
            assert_eq!(out.len(), 1);
            assert_eq!(out[0].status, "failed");
            assert_eq!(out[0].http_status, Some(500));
        },
    }
    agent_webhooks_test: "POST /v1/agents/{agent_id}/webhook/test" {
        respond: ok_json(json!({"success": true})),
        send: |client| client.agent_webhooks().test("agt_123").send(),
        sent: at("/v1/agents/agt_123/webhook/test"),
        check: |out| assert!(out.success),
    }

    // --- contacts ------------------------------------------------------------------------------
    contacts_list: "GET /v1/contacts" {
        respond: ok("ContactListResponse"),
        // A literal `+` must be escaped in a query; a space becomes `+` (form encoding).
        send: |client| client.contacts().list().search("+1 212").limit(50).send(),
        sent: at("/v1/contacts").query("search=%2B1+212&limit=50"),
        check: |out| {
            assert_eq!(out.total, 2);
            assert_eq!(out.data[1].email, Nullable::Null);
        },
    }
    contacts_create: "POST /v1/contacts" {
        respond: created("ContactResponse"),
        send: |client| client
            .contacts()
            .create({
                let mut request = CreateContactRequest::builder().name("Maria Garcia").phone_number("+12125550147").build().unwrap();
                request.email = Nullable::Value("maria.garcia@example.com".into());
                request
            })
            .send(),
        sent: at("/v1/contacts").body(json!({
            "phoneNumber": "+12125550147",
            "name": "Maria Garcia",
            "email": "maria.garcia@example.com",
        })),
        check: |out| assert_eq!(out.id, "ct_123"),
    }
    contacts_get: "GET /v1/contacts/{contact_id}" {
        respond: ok("ContactResponse"),
        send: |client| client.contacts().get("ct_123").send(),
        sent: at("/v1/contacts/ct_123"),
        check: |out| assert_eq!(out.name, "Maria Garcia"),
    }
    contacts_delete: "DELETE /v1/contacts/{contact_id}" {
        respond: no_content(),
        send: |client| client.contacts().delete("ct_123").send(),
        sent: at("/v1/contacts/ct_123"),
        check: |out| assert_eq!(out, ()),
    }
    contacts_update: "PATCH /v1/contacts/{contact_id}" {
        respond: ok("ContactResponse"),
        send: |client| client
            .contacts()
            .update(
                "ct_123",
                {
                    let mut request = UpdateContactRequest::new();
                    request.name = Nullable::Value("Maria G. Garcia".into());
                    request.notes = Nullable::Null;
                    request
                },
            )
            .send(),
        sent: at("/v1/contacts/ct_123").body(json!({"name": "Maria G. Garcia", "notes": null})),
        check: |out| assert_eq!(out.notes, Nullable::Value("Prefers calls after 5pm".to_owned())),
    }

    // --- conversations -------------------------------------------------------------------------
    conversations_list: "GET /v1/conversations" {
        respond: ok("app__routes__conversations__ConversationListResponse"),
        send: |client| client.conversations().list().send(),
        sent: at("/v1/conversations"),
        check: |out| {
            assert_eq!(out.data[0].id, "conv_123");
            assert!(!out.has_more);
        },
    }
    conversations_get: "GET /v1/conversations/{conversation_id}" {
        respond: ok("ConversationDetail"),
        send: |client| client.conversations().get("conv_123").message_limit(10).send(),
        sent: at("/v1/conversations/conv_123").query("message_limit=10"),
        check: |out| assert_eq!(out.message_count, 2),
    }
    conversations_update: "PATCH /v1/conversations/{conversation_id}" {
        respond: ok("ConversationDetail"),
        send: |client| client
            .conversations()
            .update(
                "conv_123",
                {
                    let mut request = UpdateConversationRequest::new();
                    request.metadata = Nullable::Value(object(&[
                        ("customerId", json!("cus_42")),
                        ("priority", json!(2)),
                        ("tags", json!(["billing"])),
                    ]));
                    request
                },
            )
            .send(),
        sent: at("/v1/conversations/conv_123").body(json!({
            "metadata": {"customerId": "cus_42", "priority": 2, "tags": ["billing"]},
        })),
        check: |out| {
            let metadata = out.metadata.as_ref().expect("metadata");
            assert_eq!(metadata["customerId"], "cus_42");
        },
    }
    conversations_get_messages: "GET /v1/conversations/{conversation_id}/messages" {
        respond: ok("MessagesListResponse"),
        send: |client| client.conversations().get_messages("conv_123").after(noon()).send(),
        sent: at("/v1/conversations/conv_123/messages").query("after=2024-05-01T12%3A00%3A00Z"),
        check: |out| {
            assert_eq!(out.data[0].id, "msg_123");
            assert_eq!(out.data[1].channel, Nullable::Absent);
        },
    }

    // --- calls ---------------------------------------------------------------------------------
    calls_list: "GET /v1/calls" {
        respond: ok("CallListResponse"),
        send: |client| client
            .calls()
            .list()
            .limit(10)
            .offset(0)
            .status("completed")
            .direction("inbound")
            .r#type("pstn")
            .search("415")
            .send(),
        sent: at("/v1/calls")
            .query("limit=10&offset=0&status=completed&direction=inbound&type=pstn&search=415"),
        check: |out| assert_eq!(out.data[0].id, fixture("CallListResponse")["data"][0]["id"]),
    }
    calls_create_outbound: "POST /v1/calls" {
        respond: ok_json(call_detail("call_200")),
        send: |client| client
            .calls()
            .create_outbound({
                let mut request = CreateOutboundCallRequest::builder().agent_id("agt_123").to_number("+12125550147").build().unwrap();
                request.from_number_id = Nullable::Null;
                request.initial_greeting = Nullable::Value("Hi Maria!".into());
                request
            })
            .send(),
        sent: at("/v1/calls").body(json!({
            "agentId": "agt_123",
            "toNumber": "+12125550147",
            "fromNumberId": null,
            "initialGreeting": "Hi Maria!",
        })),
        check: |out| assert_eq!((out.id.as_str(), out.transcripts.map(|t| t.len())), ("call_200", Some(1))),
    }
    calls_create_web: "POST /v1/calls/web" {
        respond: ok_json(json!({"callId": "call_300", "accessToken": "eyJ..."})),
        send: |client| client
            .calls()
            .create_web({
                let mut request = CreateWebCallRequest::new("agt_123".into());
                request.metadata = Nullable::Value(object(&[("sessionId", json!("sess_42"))]));
                request
            })
            .send(),
        sent: at("/v1/calls/web").body(json!({
            "agentId": "agt_123",
            "metadata": {"sessionId": "sess_42"},
        })),
        check: |out| assert_eq!(out["callId"], "call_300"),
    }
    calls_get: "GET /v1/calls/{call_id}" {
        respond: ok_json(call_detail("call_123")),
        send: |client| client.calls().get("call_123").send(),
        sent: at("/v1/calls/call_123"),
        check: |out| assert_eq!(out.transcripts.unwrap()[0].response, Nullable::Value("Hello!".into())),
    }
    calls_get_transcript: "GET /v1/calls/{call_id}/transcript" {
        respond: ok_json(json!({"callId": "call_123", "transcript": [{"user": "Hi", "agent": "Hello!"}]})),
        send: |client| client.calls().get_transcript("call_123").send(),
        sent: at("/v1/calls/call_123/transcript"),
        check: |out| assert_eq!(out["transcript"][0]["agent"], "Hello!"),
    }
    calls_stream_transcript: "GET /v1/calls/{call_id}/transcript/stream" {
        respond: ok_events("event: connected\ndata: {}\n\nevent: ended\ndata: {}\n\n"),
        send: |client| async {
            // The stream's events, collected, with the status it was opened with.
            let stream = client.calls().stream_transcript("call_123").send().await?;
            let (status, headers) = (stream.status(), stream.headers().clone());
            let events: Vec<_> = futures::StreamExt::collect(stream).await;
            Ok::<_, Error<HttpValidationError>>(agentphone_client::ResponseValue::new(events, status, headers, Vec::new()))
        },
        sent: at("/v1/calls/call_123/transcript/stream"),
        check: |out| assert_eq!(out.into_iter().map(|e| e.unwrap().event).collect::<Vec<_>>(), ["connected", "ended"]),
    }
    calls_list_for_number: "GET /v1/numbers/{number_id}/calls" {
        respond: ok("CallListResponse"),
        send: |client| client.calls().list_for_number("num_123").limit(2).offset(4).send(),
        sent: at("/v1/numbers/num_123/calls").query("limit=2&offset=4"),
        check: |out| assert_eq!(out.total, fixture("CallListResponse")["total"]),
    }

    // --- usage ---------------------------------------------------------------------------------
    usage_get: "GET /v1/usage" {
        respond: ok("UsageResponse"),
        send: |client| client.usage().get().send(),
        sent: at("/v1/usage"),
        check: |out| {
            assert_eq!(out.plan.name, "pro");
            assert_eq!(out.numbers.remaining, 2);
        },
    }
    usage_get_daily: "GET /v1/usage/daily" {
        respond: ok("DailyUsageResponse"),
        send: |client| client.usage().get_daily().days(7).send(),
        sent: at("/v1/usage/daily").query("days=7"),
        check: |out| assert_eq!(out.data[1].messages, 134),
    }
    usage_get_monthly: "GET /v1/usage/monthly" {
        respond: ok("MonthlyUsageResponse"),
        send: |client| client.usage().get_monthly().months(12).send(),
        sent: at("/v1/usage/monthly").query("months=12"),
        check: |out| assert_eq!(out.data[1].month, "2024-05"),
    }

    // --- messages ------------------------------------------------------------------------------
    messages_send: "POST /v1/messages" {
        respond: ok("SendMessageResponse"),
        send: |client| client
            .messages()
            .send_message({
                let mut request = SendMessageRequest::builder()
                    .agent_id("agt_123")
                    .to_number("+12125550147")
                    .body("See you Friday!")
                    .build()
                    .unwrap();
                request.number_id = Nullable::Value("num_123".into());
                request
            })
            .send(),
        sent: at("/v1/messages").body(json!({
            "agent_id": "agt_123",
            "to_number": "+12125550147",
            "body": "See you Friday!",
            "number_id": "num_123",
        })),
        check: |out| assert_eq!(out.status, "queued"),
    }
    messages_send_reaction: "POST /v1/messages/{message_id}/reactions" {
        respond: ok("SendReactionResponse"),
        send: |client| client
            .messages()
            .send_reaction("msg_123", SendReactionRequest::new("love".into()))
            .send(),
        sent: at("/v1/messages/msg_123/reactions").body(json!({"reaction": "love"})),
        check: |out| assert_eq!(out.reaction_type, "love"),
    }
}

#[test]
fn table_covers_every_spec_operation_once() {
    let covered: Vec<&str> = COVERED.to_vec();
    let unique: BTreeSet<&str> = covered.iter().copied().collect();
    assert_eq!(unique.len(), covered.len(), "an operation is covered twice");

    let in_spec: BTreeSet<String> = spec_operations().into_keys().collect();
    assert_eq!(
        in_spec.len(),
        49,
        "the spec is expected to have 49 operations"
    );

    let missing: Vec<&String> = in_spec
        .iter()
        .filter(|op| !unique.contains(op.as_str()))
        .collect();
    let extra: Vec<&&str> = unique.iter().filter(|op| !in_spec.contains(**op)).collect();
    assert!(missing.is_empty(), "operations without a test: {missing:?}");
    assert!(
        extra.is_empty(),
        "tests for operations the spec lacks: {extra:?}"
    );
    assert_eq!(covered.len(), 49);
}

#[test]
fn only_sign_up_and_verify_are_unsecured() {
    // Guards the spec reading that `assert_sent` relies on for the Authorization check.
    let unsecured: Vec<String> = spec_operations()
        .into_iter()
        .filter(|(_, secured)| !secured)
        .map(|(op, _)| op)
        .collect();
    assert_eq!(
        unsecured,
        ["POST /v0/agent/sign-up", "POST /v0/agent/verify"]
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Errors
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn documented_422_is_a_typed_api_error() {
    let raw = serde_json::to_vec(&fixture("HTTPValidationError")).unwrap();
    let server =
        serve(ResponseTemplate::new(422).set_body_raw(raw.clone(), "application/json")).await;
    let error = client_for(&server)
        .agents()
        .list()
        .send()
        .await
        .unwrap_err();

    let expected: HttpValidationError = typed("HTTPValidationError");
    let detail = error.api_error().expect("typed error body").detail.clone();
    assert_eq!(detail, expected.detail);
    let detail = detail.expect("fixture has details");
    assert_eq!(
        detail[1].loc,
        [
            StringOrInteger::String("query".into()),
            StringOrInteger::String("limit".into()),
            StringOrInteger::Integer(1),
        ]
    );
    assert_eq!(detail[0].msg, "Field required");

    match &error {
        Error::Api(api) => {
            assert_eq!(api.response.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(api.response.body, raw);
        }
        other => panic!("expected Error::Api, got {other:?}"),
    }
    assert_eq!(error.status(), Some(StatusCode::UNPROCESSABLE_ENTITY));
    assert_eq!(error.raw_body(), Some(raw.as_slice()));
    assert!(error.is_client_error());
    assert!(!error.is_server_error());
    assert!(!error.is_retryable());
    assert!(!error.is_not_found());
}

#[tokio::test]
async fn documented_status_with_an_unexpected_body_is_unexpected_status() {
    let server = serve(ResponseTemplate::new(422).set_body_string("validation failed")).await;
    let error = client_for(&server)
        .agents()
        .get("agt_123")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus(_)), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::UNPROCESSABLE_ENTITY));
    assert_eq!(error.raw_body(), Some(&b"validation failed"[..]));
    assert!(error.api_error().is_none());
}

#[tokio::test]
async fn status_undocumented_for_the_operation_is_unexpected_status() {
    // `GET /v1/usage` documents no error at all, so even a 422 with a valid
    // HTTPValidationError body is not typed.
    let server =
        serve(ResponseTemplate::new(422).set_body_json(fixture("HTTPValidationError"))).await;
    let error = client_for(&server).usage().get().send().await.unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus(_)), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::UNPROCESSABLE_ENTITY));
}

#[tokio::test]
async fn undocumented_500_keeps_status_headers_and_raw_body() {
    let server = serve(
        ResponseTemplate::new(500)
            .insert_header("x-request-id", "req-42")
            .set_body_string("upstream exploded"),
    )
    .await;
    let error = client_for(&server)
        .calls()
        .get("call_123")
        .send()
        .await
        .unwrap_err();

    match &error {
        Error::UnexpectedStatus(response) => {
            assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(response.headers["x-request-id"], "req-42");
            assert_eq!(response.body, b"upstream exploded");
        }
        other => panic!("expected Error::UnexpectedStatus, got {other:?}"),
    }
    assert_eq!(error.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
    assert_eq!(error.headers().unwrap()["x-request-id"], "req-42");
    assert_eq!(error.raw_body(), Some(&b"upstream exploded"[..]));
    assert!(error.api_error().is_none());
    assert!(error.is_server_error());
    assert!(error.is_retryable());
    assert!(!error.is_client_error());
    assert!(!error.is_not_found());
    assert!(error.to_string().contains("upstream exploded"), "{error}");
}

#[tokio::test]
async fn undocumented_404_is_not_found() {
    let server =
        serve(ResponseTemplate::new(404).set_body_json(json!({"detail": "Agent not found"}))).await;
    let error = client_for(&server)
        .agents()
        .get("agt_missing")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus(_)), "{error:?}");
    assert!(error.is_not_found());
    assert!(error.is_client_error());
    assert!(!error.is_retryable());
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(
        serde_json::from_slice::<Value>(error.raw_body().unwrap()).unwrap(),
        json!({"detail": "Agent not found"})
    );
}

#[tokio::test]
async fn retryable_statuses() {
    let cases: [(u16, bool); 9] = [
        (408, true),
        (429, true),
        (500, true),
        (502, true),
        (503, true),
        (400, false),
        (401, false),
        (404, false),
        (422, false),
    ];
    for (status, retryable) in cases {
        let server =
            serve(ResponseTemplate::new(status).set_body_json(fixture("HTTPValidationError")))
                .await;
        let error = client_for(&server)
            .agents()
            .get("agt_123")
            .send()
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.is_retryable(), retryable, "is_retryable for {status}");
        // Only 422 is documented for this operation.
        assert_eq!(
            matches!(error, Error::Api(_)),
            status == 422,
            "variant for {status}: {error:?}"
        );
    }
}

#[tokio::test]
async fn success_status_with_a_mismatched_body_is_invalid_body() {
    let raw = br#"{"data": "not a list", "total": 1}"#.to_vec();
    let server =
        serve(ResponseTemplate::new(200).set_body_raw(raw.clone(), "application/json")).await;
    let error = client_for(&server)
        .agents()
        .list()
        .send()
        .await
        .unwrap_err();
    match &error {
        Error::InvalidBody(response, source) => {
            assert_eq!(response.status, StatusCode::OK);
            assert_eq!(response.body, raw);
            assert!(source.is_data(), "{source}");
        }
        other => panic!("expected Error::InvalidBody, got {other:?}"),
    }
    assert_eq!(error.raw_body(), Some(raw.as_slice()));
    assert_eq!(error.status(), Some(StatusCode::OK));
    assert!(!error.is_retryable());
    assert!(error.api_error().is_none());
}

#[tokio::test]
async fn success_status_with_non_json_body_is_invalid_body() {
    // Even an operation typed as any JSON value rejects a body that is not JSON.
    let server =
        serve(ResponseTemplate::new(200).set_body_raw("<html>oops</html>", "text/html")).await;
    let error = client_for(&server)
        .calls()
        .get("call_123")
        .send()
        .await
        .unwrap_err();
    match &error {
        Error::InvalidBody(response, source) => {
            assert_eq!(response.body, b"<html>oops</html>");
            assert!(source.is_syntax(), "{source}");
        }
        other => panic!("expected Error::InvalidBody, got {other:?}"),
    }
}

#[tokio::test]
async fn closed_port_is_a_retryable_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // the listener is dropped: nothing listens on `port` any more
    let client = client_at(&format!("http://127.0.0.1:{port}"));
    let error = client.agents().list().send().await.unwrap_err();
    match &error {
        Error::Transport(source) => assert!(source.is_connect(), "{source:?}"),
        other => panic!("expected Error::Transport, got {other:?}"),
    }
    assert!(error.is_retryable());
    assert_eq!(error.status(), None);
    assert!(error.raw_body().is_none());
    assert!(!error.is_client_error());
}

#[tokio::test]
async fn timeout_is_a_retryable_transport_error() {
    let server = serve(
        ResponseTemplate::new(200)
            .set_body_json(fixture("UsageResponse"))
            .set_delay(Duration::from_secs(5)),
    )
    .await;
    let client = Client::builder()
        .base_url(server.uri())
        .bearer_token(TOKEN)
        .timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();
    let error = client.usage().get().send().await.unwrap_err();
    match &error {
        Error::Transport(source) => assert!(source.is_timeout(), "{source:?}"),
        other => panic!("expected Error::Transport, got {other:?}"),
    }
    assert!(error.is_retryable());
}

// ---------------------------------------------------------------------------------------------
// 3. Wire details
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn unknown_enum_values_decode_into_other() {
    let mut body = fixture("AgentResponse");
    body["voiceMode"] = json!("sip");
    body["modelTier"] = json!("ultra");
    body["sttMode"] = json!("whisper");
    let server = serve(ResponseTemplate::new(200).set_body_json(&body)).await;
    let agent = client_for(&server)
        .agents()
        .get("agt_123")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(agent.voice_mode, VoiceMode::Other("sip".into()));
    assert_eq!(agent.voice_mode.as_str(), "sip");
    assert_eq!(agent.model_tier, Some(ModelTier::Other("ultra".into())));
    assert_eq!(agent.stt_mode, Some(SttMode::Other("whisper".into())));
    // Known values still map to their variants.
    assert_eq!(VoiceMode::from("hosted"), VoiceMode::Hosted);
}

#[tokio::test]
async fn unknown_response_fields_are_accepted() {
    let mut body = fixture("AgentResponse");
    body["unknownTopLevel"] = json!({"nested": [1, 2, 3]});
    body["anotherNewField"] = json!(42);
    body["numbers"][0]["unknownNumberField"] = json!("x");
    let server = serve(ResponseTemplate::new(200).set_body_json(&body)).await;
    let agent = client_for(&server)
        .agents()
        .get("agt_123")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(agent, typed::<AgentResponse>("AgentResponse"));
}

#[tokio::test]
async fn null_and_absent_stay_distinct_in_responses() {
    let mut body = fixture("AgentResponse");
    let object = body.as_object_mut().unwrap();
    object.insert("systemPrompt".into(), Value::Null);
    object.remove("beginMessage");
    object.insert("description".into(), Value::Null);
    object.remove("numbers");
    let server = serve(ResponseTemplate::new(200).set_body_json(&body)).await;
    let agent = client_for(&server)
        .agents()
        .get("agt_123")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(agent.system_prompt, Nullable::Null);
    assert_eq!(agent.begin_message, Nullable::Absent);
    assert_eq!(agent.numbers, Nullable::Absent);
    assert_eq!(agent.description, None);
    assert!(matches!(agent.transfer_number, Nullable::Value(ref n) if n == "+14155550199"));
}

#[tokio::test]
async fn null_webhook_response_decodes_as_none() {
    let server = serve(ResponseTemplate::new(200).set_body_json(Value::Null)).await;
    let webhook = client_for(&server)
        .webhooks()
        .get()
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(webhook, None);
}

#[tokio::test]
async fn update_agent_sends_null_and_omits_absent() {
    let server = serve(ResponseTemplate::new(200).set_body_json(fixture("AgentResponse"))).await;
    let client = client_for(&server);

    let mut clear_description = UpdateAgentRequest::new();
    clear_description.description = Nullable::Null;
    client
        .agents()
        .update("agt_123", clear_description)
        .send()
        .await
        .unwrap();
    client
        .agents()
        .update("agt_123", UpdateAgentRequest::default())
        .send()
        .await
        .unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    let bodies: Vec<Value> = requests
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
        .collect();
    assert_eq!(bodies[0], json!({"description": null}));
    assert_eq!(bodies[1], json!({}));
    for request in &requests {
        assert_eq!(request.method.as_str(), "PATCH");
        assert_eq!(header(request, "content-type"), Some("application/json"));
    }
}

#[tokio::test]
async fn created_and_no_content_statuses_decode() {
    let server = serve(ResponseTemplate::new(201).set_body_json(fixture("ContactResponse"))).await;
    let created = client_for(&server)
        .contacts()
        .create(
            CreateContactRequest::builder()
                .name("Maria Garcia")
                .phone_number("+12125550147")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.into_inner().phone_number, "+12125550147");

    let server = serve(ResponseTemplate::new(204)).await;
    let deleted = client_for(&server)
        .contacts()
        .delete("ct_123")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    deleted.into_inner();
}

#[tokio::test]
async fn an_undocumented_success_status_decodes_when_the_body_fits() {
    // Create contact documents 201 only; a server answering 200 with the same body has still
    // created the contact, so the call succeeds and the status says what was received.
    let server = serve(ResponseTemplate::new(200).set_body_json(fixture("ContactResponse"))).await;
    let created = client_for(&server)
        .contacts()
        .create(CreateContactRequest::default())
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    assert_eq!(created.phone_number, "+12125550147");
    assert_eq!(
        created.raw_body(),
        serde_json::to_vec(&fixture("ContactResponse")).unwrap()
    );

    // A body that does not fit is an unexpected status, with the raw response kept.
    let server = serve(ResponseTemplate::new(202).set_body_string("queued")).await;
    let error = client_for(&server)
        .contacts()
        .create(CreateContactRequest::default())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::UnexpectedStatus(_)), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::ACCEPTED));
    assert_eq!(error.raw_body(), Some(&b"queued"[..]));
}

// ---------------------------------------------------------------------------------------------
// 4. Path parameters are single, percent-encoded segments
// ---------------------------------------------------------------------------------------------

/// Calls `GET /v1/agents/{agent_id}` with each id, and checks the raw path received.
async fn assert_agent_paths(cases: &[(&str, &str)]) {
    let server = serve(ResponseTemplate::new(200).set_body_json(fixture("AgentResponse"))).await;
    let client = client_for(&server);
    for (id, _) in cases {
        let result = client.agents().get(*id).send().await;
        assert!(result.is_ok(), "get({id:?}): {:?}", result.err());
    }
    let requests = received(&server).await;
    assert_eq!(requests.len(), cases.len());
    for ((id, expected), request) in cases.iter().zip(&requests) {
        assert_eq!(request.method.as_str(), "GET", "get({id:?})");
        assert_eq!(request.url.path(), *expected, "get({id:?}): raw path");
        assert!(
            fits_template(request.url.path(), "/v1/agents/{agent_id}"),
            "get({id:?}) left the agent endpoint: {}",
            request.url.path()
        );
        assert_eq!(request.url.query(), None, "get({id:?}): query");
        assert_eq!(request.url.fragment(), None, "get({id:?}): fragment");
    }
}

#[tokio::test]
async fn path_parameters_are_percent_encoded_as_one_segment() {
    assert_agent_paths(&[
        ("agt_123", "/v1/agents/agt_123"),
        ("a/b", "/v1/agents/a%2Fb"),
        ("a b", "/v1/agents/a%20b"),
        ("a?b", "/v1/agents/a%3Fb"),
        ("a#b", "/v1/agents/a%23b"),
        ("100%", "/v1/agents/100%25"),
        ("%2F", "/v1/agents/%252F"),
        ("ü", "/v1/agents/%C3%BC"),
        ("a/../b?c=d#e", "/v1/agents/a%2F..%2Fb%3Fc=d%23e"),
    ])
    .await;
}

#[tokio::test]
async fn backslash_in_a_path_parameter_stays_in_its_segment() {
    // URL parsing treats `\` like `/` in `http` URLs, so the client must escape it (`%5C`);
    // otherwise `get("agt_123\\calls")` would call `GET /v1/agents/agt_123/calls` instead.
    assert_agent_paths(&[
        ("a\\b", "/v1/agents/a%5Cb"),
        ("agt_123\\calls", "/v1/agents/agt_123%5Ccalls"),
    ])
    .await;
}

#[tokio::test]
async fn every_path_parameter_of_an_operation_is_encoded() {
    let server = serve(ResponseTemplate::new(200).set_body_json(json!({"success": true}))).await;
    client_for(&server)
        .agents()
        .detach_number("a/b", "c d?")
        .send()
        .await
        .unwrap();
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method.as_str(), "DELETE");
    assert_eq!(requests[0].url.path(), "/v1/agents/a%2Fb/numbers/c%20d%3F");
    assert_eq!(requests[0].url.query(), None);
}

// ---------------------------------------------------------------------------------------------
// 5. Secrets
// ---------------------------------------------------------------------------------------------

#[test]
fn debug_output_never_shows_the_token() {
    let client = client_at("http://127.0.0.1:9");
    let shown = [
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{:?}", Client::builder().bearer_token(TOKEN)),
        format!("{:?}", agentphone_client::BearerToken::new(TOKEN)),
        format!("{:?}", client.agents().list()),
        format!("{:?}", client.agents()),
    ];
    for text in &shown {
        assert!(
            !text.contains(TOKEN),
            "token leaked in Debug output: {text}"
        );
    }
    // The client's Debug output is still useful: it names the base URL and shows that a
    // token is configured without showing it.
    assert!(shown[0].contains("http://127.0.0.1:9"), "{}", shown[0]);
    assert!(shown[0].contains("redacted"), "{}", shown[0]);
}

/// The README's message example (from `specs/agentphone/api.toml`), run against a mock: the
/// text goes in `body` and the number in `to_number`, whatever order the setters come in.
#[tokio::test]
async fn the_readme_message_example_sends_the_text_to_the_number() {
    use agentphone_client::models;
    let config =
        std::fs::read_to_string(xtask::project_root().join("specs/agentphone/api.toml")).unwrap();
    let statement = r#"let message = models::SendMessageRequest::builder().agent_id("agt_123").to_number("+12125550147").body("Hi").build()?;"#;
    assert!(
        config.contains(statement),
        "the README example changed: update this test with it"
    );
    let server =
        serve(ResponseTemplate::new(200).set_body_json(fixture("SendMessageResponse"))).await;
    let client = client_for(&server);
    let send = async {
        let message = models::SendMessageRequest::builder()
            .agent_id("agt_123")
            .to_number("+12125550147")
            .body("Hi")
            .build()?;
        client.messages().send_message(message).send().await?;
        Ok::<(), Box<dyn std::error::Error>>(())
    };
    send.await.unwrap();
    let sent: serde_json::Value =
        serde_json::from_slice(&server.received_requests().await.unwrap()[0].body).unwrap();
    assert_eq!(
        sent,
        serde_json::json!({"agent_id": "agt_123", "to_number": "+12125550147", "body": "Hi"})
    );

    let missing = models::SendMessageRequest::builder()
        .agent_id("agt_123")
        .body("Hi")
        .build()
        .unwrap_err();
    assert_eq!(
        missing.to_string(),
        "`SendMessageRequest` needs `to_number`, which was not set"
    );
}

/// The workspace README's example (a doctest of the `tests` crate), run against a mock.
#[tokio::test]
async fn the_workspace_readme_example_sends_what_it_says() {
    let readme = std::fs::read_to_string(xtask::project_root().join("README.md")).unwrap();
    let statements = [
        "let client = agentphone_client::Client::builder().bearer_token(token).build()?;",
        "let agents = client.agents().list().limit(10).send().await?;",
    ];
    for statement in statements {
        assert!(
            readme.contains(statement),
            "the README example changed: update this test with it"
        );
    }
    let server = serve(
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": [], "total": 0})),
    )
    .await;
    let token = "tok_123".to_owned();
    let client = agentphone_client::Client::builder()
        .base_url(server.uri())
        .bearer_token(token)
        .build()
        .unwrap();
    let agents = client.agents().list().limit(10).send().await.unwrap();
    assert_eq!(agents.total, 0);
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        (
            request.method.as_str(),
            request.url.path(),
            request.url.query()
        ),
        ("GET", "/v1/agents", Some("limit=10"))
    );
    assert_eq!(
        request.headers.get("authorization").unwrap(),
        "Bearer tok_123"
    );
}
