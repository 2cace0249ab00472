//! Contract tests: every operation of both clients against Prism, which validates each request
//! against the vendored spec (`--errors`: a violation becomes an error response, so it fails
//! the test) and answers with the spec's examples or, with `--dynamic`, random valid data that
//! must decode into the generated types.

use serde::de::DeserializeOwned;
use std::fmt::Debug;
use std::path::PathBuf;
use tests::fixture;
use tests::prism::Prism;

fn spec(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(relative)
}

/// AgentPhone's spec as the clients were generated from it: the vendored file with the
/// overlays of its `api.toml` applied, written once per test process for Prism to serve.
fn agentphone_spec() -> PathBuf {
    static WRITTEN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            let api = xtask::apis::load(&xtask::project_root(), "agentphone")
                .expect("load the AgentPhone config");
            let (mut document, _, _) =
                codegen::spec::document(&api.input.specs, &api.input.overlays)
                    .expect("apply the AgentPhone overlays");
            serve_event_streams_as_text(&mut document);
            let path = std::env::temp_dir()
                .join(format!("agentphone-overlaid-{}.json", std::process::id()));
            std::fs::write(&path, serde_json::to_vec_pretty(&document).unwrap())
                .expect("write the overlaid spec");
            path
        })
        .clone()
}

/// Prism cannot serialize an object schema as `text/event-stream` (it answers 500,
/// `NO_COMPLEX_OBJECT_TEXT`), so its copy of the spec describes each event stream as text with
/// a two-event example. Requests are still validated against the real operation; the events'
/// decoding is what `event_stream.rs` tests.
fn serve_event_streams_as_text(document: &mut serde_json::Value) {
    let Some(paths) = document.get_mut("paths").and_then(|p| p.as_object_mut()) else {
        return;
    };
    for operation in paths
        .values_mut()
        .filter_map(|item| item.as_object_mut())
        .flat_map(|item| item.values_mut())
    {
        let Some(responses) = operation
            .get_mut("responses")
            .and_then(|r| r.as_object_mut())
        else {
            continue;
        };
        for response in responses.values_mut() {
            if let Some(media) = response.pointer_mut("/content/text~1event-stream") {
                *media = serde_json::json!({
                    "schema": {"type": "string"},
                    "example": "event: connected\ndata: {}\n\nevent: ended\ndata: {}\n\n"
                });
            }
        }
    }
}

/// A request body: the first case of a fixture, which is valid against the spec.
fn body<T: DeserializeOwned>(fixture_file: &str) -> T {
    let cases = fixture(fixture_file);
    serde_json::from_value(cases[0].clone())
        .unwrap_or_else(|e| panic!("{fixture_file} case 0: {e}"))
}

/// Checks one call: it must succeed, and Prism must have reported no violation. (One function
/// per client: each generated client has its own `Error` type.)
macro_rules! checker {
    ($name:ident, $client:ident) => {
        #[track_caller]
        fn $name<T: Debug, E: Debug>(
            what: &str,
            prism: &Prism,
            result: Result<$client::ResponseValue<T>, $client::Error<E>>,
        ) {
            match result {
                Ok(response) => {
                    let violations = response.headers().get("sl-violations");
                    assert!(
                        violations.is_none(),
                        "{what}: Prism reported violations: {violations:?}"
                    );
                }
                Err(error) => panic!(
                    "{what}: {error}\nPrism violations: {:?}\nPrism log tail:\n{}",
                    error.headers().and_then(|h| h.get("sl-violations")),
                    tail(&prism.log())
                ),
            }
        }
    };
}

checker!(check, agentphone_client);
checker!(check_convocore, convocore_client);

fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

/// Calls all 49 AgentPhone operations once; returns how many were called.
async fn every_agentphone_operation(prism: &Prism) -> usize {
    use agentphone_client::models::*;
    let client = agentphone_client::Client::builder()
        .base_url(&prism.base_url)
        .bearer_token("contract-test-token")
        .build()
        .unwrap();
    let mut called = 0;
    macro_rules! call {
        ($what:literal, $request:expr) => {{
            check($what, prism, $request.send().await);
            called += 1;
        }};
    }
    call!(
        "POST /v0/agent/sign-up",
        client.agent_signup().sign_up(body::<AgentSignUpRequest>(
            "agentphone/AgentSignUpRequest.json"
        ))
    );
    call!(
        "POST /v0/agent/verify",
        client.agent_signup().verify(body::<AgentVerifyRequest>(
            "agentphone/AgentVerifyRequest.json"
        ))
    );
    call!("GET /v1/agents/voices", client.agents().list_voices());
    call!(
        "POST /v1/agents",
        client.agents().create(body::<CreateAgentRequest>(
            "agentphone/CreateAgentRequest.json"
        ))
    );
    call!("GET /v1/agents", client.agents().list().limit(10).offset(0));
    call!("GET /v1/agents/{agent_id}", client.agents().get("agt_1"));
    call!(
        "PATCH /v1/agents/{agent_id}",
        client.agents().update(
            "agt_1",
            body::<UpdateAgentRequest>("agentphone/UpdateAgentRequest.json")
        )
    );
    call!(
        "DELETE /v1/agents/{agent_id}",
        client.agents().delete("agt_1")
    );
    call!(
        "POST /v1/agents/{agent_id}/numbers",
        client.agents().attach_number(
            "agt_1",
            body::<AttachNumberRequest>("agentphone/AttachNumberRequest.json")
        )
    );
    call!(
        "DELETE /v1/agents/{agent_id}/numbers/{number_id}",
        client.agents().detach_number("agt_1", "num_1")
    );
    call!(
        "GET /v1/agents/{agent_id}/conversations",
        client.agents().list_conversations("agt_1").limit(5)
    );
    call!(
        "GET /v1/agents/{agent_id}/calls",
        client.agents().list_calls("agt_1").offset(5)
    );
    call!(
        "POST /v1/numbers",
        client.numbers().create(body::<CreateNumberRequest>(
            "agentphone/CreateNumberRequest.json"
        ))
    );
    call!("GET /v1/numbers", client.numbers().list());
    call!(
        "GET /v1/numbers/{number_id}/messages",
        client
            .numbers()
            .get_messages("num_1")
            .limit(20)
            .before("2024-05-01T12:00:00Z".parse().unwrap())
    );
    call!(
        "DELETE /v1/numbers/{number_id}",
        client.numbers().delete("num_1")
    );
    call!("GET /v1/webhooks", client.webhooks().get());
    call!(
        "POST /v1/webhooks",
        client
            .webhooks()
            .create_or_update(body::<WebhookCreateRequest>(
                "agentphone/WebhookCreateRequest.json"
            ))
    );
    call!("DELETE /v1/webhooks", client.webhooks().delete());
    call!(
        "GET /v1/webhooks/deliveries",
        client.webhooks().list_deliveries().hours(24)
    );
    call!(
        "GET /v1/webhooks/deliveries/stats",
        client.webhooks().delivery_stats().hours(48)
    );
    call!(
        "GET /v1/webhooks/deliveries/all-time",
        client.webhooks().all_time_stats()
    );
    call!(
        "POST /v1/webhooks/test",
        client.webhooks().test().agent_id("agt_1")
    );
    call!(
        "POST /v1/agents/{agent_id}/webhook",
        client.agent_webhooks().create_or_update(
            "agt_1",
            body::<WebhookCreateRequest>("agentphone/WebhookCreateRequest.json")
        )
    );
    call!(
        "GET /v1/agents/{agent_id}/webhook",
        client.agent_webhooks().get("agt_1")
    );
    call!(
        "DELETE /v1/agents/{agent_id}/webhook",
        client.agent_webhooks().delete("agt_1")
    );
    call!(
        "GET /v1/agents/{agent_id}/webhook/deliveries",
        client.agent_webhooks().list_deliveries("agt_1").limit(3)
    );
    call!(
        "POST /v1/agents/{agent_id}/webhook/test",
        client.agent_webhooks().test("agt_1")
    );
    call!("GET /v1/contacts", client.contacts().list().search("Ada"));
    call!(
        "POST /v1/contacts",
        client.contacts().create(body::<CreateContactRequest>(
            "agentphone/CreateContactRequest.json"
        ))
    );
    call!(
        "GET /v1/contacts/{contact_id}",
        client.contacts().get("ct_1")
    );
    call!(
        "PATCH /v1/contacts/{contact_id}",
        client.contacts().update(
            "ct_1",
            body::<UpdateContactRequest>("agentphone/UpdateContactRequest.json")
        )
    );
    call!(
        "DELETE /v1/contacts/{contact_id}",
        client.contacts().delete("ct_1")
    );
    call!("GET /v1/conversations", client.conversations().list());
    call!(
        "GET /v1/conversations/{conversation_id}",
        client.conversations().get("cv_1").message_limit(10)
    );
    call!(
        "PATCH /v1/conversations/{conversation_id}",
        client.conversations().update(
            "cv_1",
            body::<UpdateConversationRequest>("agentphone/UpdateConversationRequest.json")
        )
    );
    call!(
        "GET /v1/conversations/{conversation_id}/messages",
        client.conversations().get_messages("cv_1")
    );
    call!(
        "GET /v1/calls",
        client
            .calls()
            .list()
            .status("completed")
            .direction("inbound")
    );
    call!(
        "POST /v1/calls",
        client
            .calls()
            .create_outbound(body::<CreateOutboundCallRequest>(
                "agentphone/CreateOutboundCallRequest.json"
            ))
    );
    call!(
        "POST /v1/calls/web",
        client.calls().create_web(body::<CreateWebCallRequest>(
            "agentphone/CreateWebCallRequest.json"
        ))
    );
    call!("GET /v1/calls/{call_id}", client.calls().get("call_1"));
    call!(
        "GET /v1/calls/{call_id}/transcript",
        client.calls().get_transcript("call_1")
    );
    {
        // An event stream (per the overlay): Prism must accept the request and answer with a
        // success; every event it sends must decode.
        let what = "GET /v1/calls/{call_id}/transcript/stream";
        match client.calls().stream_transcript("call_1").send().await {
            Ok(stream) => {
                let violations = stream.headers().get("sl-violations").cloned();
                assert!(
                    violations.is_none(),
                    "{what}: Prism reported violations: {violations:?}"
                );
                for event in futures::StreamExt::collect::<Vec<_>>(stream).await {
                    if let Err(error) = event {
                        panic!("{what}: {error}");
                    }
                }
            }
            Err(error) => panic!("{what}: {error}\nPrism log tail:\n{}", tail(&prism.log())),
        }
        called += 1;
    }
    call!(
        "GET /v1/numbers/{number_id}/calls",
        client.calls().list_for_number("num_1")
    );
    call!("GET /v1/usage", client.usage().get());
    call!("GET /v1/usage/daily", client.usage().get_daily().days(7));
    call!(
        "GET /v1/usage/monthly",
        client.usage().get_monthly().months(3)
    );
    call!(
        "POST /v1/messages",
        client.messages().send_message(body::<SendMessageRequest>(
            "agentphone/SendMessageRequest.json"
        ))
    );
    call!(
        "POST /v1/messages/{message_id}/reactions",
        client.messages().send_reaction(
            "msg_1",
            body::<SendReactionRequest>("agentphone/SendReactionRequest.json")
        )
    );
    called
}

fn operation_count(spec_file: &str) -> usize {
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(spec(spec_file)).unwrap()).unwrap();
    spec["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum()
}

#[tokio::test]
async fn agentphone_operations_pass_prism_with_spec_examples() {
    let prism = Prism::start(&agentphone_spec(), false);
    let called = every_agentphone_operation(&prism).await;
    assert_eq!(called, operation_count("agentphone/openapi.json"));
}

#[tokio::test]
async fn agentphone_operations_decode_random_responses() {
    let prism = Prism::start(&agentphone_spec(), true);
    for _run in 0..3 {
        every_agentphone_operation(&prism).await;
    }
}

/// Calls the three Convocore operations, each against the Prism serving its fragment.
async fn every_convocore_operation(dynamic: bool) {
    let fragment = |file: &str| Prism::start(&spec(&format!("convocore/{file}")), dynamic);
    let (create, list, single) = (
        fragment("create-conversation.yaml"),
        fragment("get-agent-conversations.yaml"),
        fragment("get-single-conversation.yaml"),
    );
    let client = |prism: &Prism| {
        convocore_client::Client::builder()
            .base_url(&prism.base_url)
            .bearer_token("contract-test-token")
            .build()
            .unwrap()
    };
    let request: convocore_client::models::CreateAgentConvoRequest =
        serde_json::from_value(fixture("convocore/create-conversation.request.json")).unwrap();
    let runs = if dynamic { 3 } else { 1 };
    for _run in 0..runs {
        check_convocore(
            "POST /agents/{agentId}/convos",
            &create,
            client(&create)
                .conversations()
                .create("agent123", request.clone())
                .send()
                .await,
        );
        check_convocore(
            "GET /agents/{agentId}/convos",
            &list,
            client(&list)
                .conversations()
                .list("agent123")
                .page(2.0)
                .limit(50.0)
                .send()
                .await,
        );
        check_convocore(
            "GET /agents/{agentId}/convos/{convoId}",
            &single,
            client(&single)
                .conversations()
                .get("agent123", "convo456")
                .send()
                .await,
        );
    }
}

#[tokio::test]
async fn convocore_operations_pass_prism_with_spec_examples() {
    every_convocore_operation(false).await;
}

#[tokio::test]
async fn convocore_operations_decode_random_responses() {
    every_convocore_operation(true).await;
}

#[tokio::test]
async fn prism_rejects_an_invalid_request() {
    // The harness must catch violations: a body missing a required field is refused.
    let prism = Prism::start(&agentphone_spec(), false);
    let client = agentphone_client::Client::builder()
        .base_url(&prism.base_url)
        .bearer_token("t")
        .build()
        .unwrap();
    let mut invalid: agentphone_client::models::CreateAgentRequest =
        body("agentphone/CreateAgentRequest.json");
    invalid.name = String::new();
    let mut raw = serde_json::to_value(&invalid).unwrap();
    raw.as_object_mut().unwrap().remove("name");
    let response = reqwest_post(&format!("{}/v1/agents", prism.base_url), raw).await;
    assert_eq!(response.0, 422, "Prism accepted a request without `name`");
    assert!(
        response.1.is_some(),
        "no sl-violations header on an invalid request"
    );
    drop(client);
}

async fn reqwest_post(url: &str, body: serde_json::Value) -> (u16, Option<String>) {
    let response = agentphone_client::Client::builder()
        .build()
        .unwrap()
        .http_client()
        .post(url)
        .bearer_auth("t")
        .json(&body)
        .send()
        .await
        .unwrap();
    let violations = response
        .headers()
        .get("sl-violations")
        .map(|v| v.to_str().unwrap_or_default().to_owned());
    (response.status().as_u16(), violations)
}
