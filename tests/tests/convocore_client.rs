//! Convocore client against an in-process mock server: the exact requests of all three
//! operations, the `default` error body as its own type, servers and base URLs, and path
//! parameters that can never leave their segment.

use convocore_client::models::{CreateAgentConvoRequest, ErrorResponse, NewConversation};
use convocore_client::{servers, Client, Error};
use serde_json::{json, Value};
use tests::fixture;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn answering(status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// Retries are off so that each test sees exactly the requests it makes; the retry tests
/// below turn them on.
fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .bearer_token("secret-token")
        .max_retries(0)
        .build()
        .unwrap()
}

fn retrying(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .bearer_token("secret-token")
        .retry_backoff(std::time::Duration::from_millis(10))
        .build()
        .unwrap()
}

/// A server that answers `first` `times` times, then 200 with `body`.
async fn flaky(first: ResponseTemplate, times: u64, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(times)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn create_sends_the_documented_request_and_decodes_the_response() {
    let server = answering(200, fixture("convocore/create-conversation.response.json")).await;
    let body: CreateAgentConvoRequest =
        serde_json::from_value(fixture("convocore/create-conversation.request.json")).unwrap();
    let response = client(&server)
        .conversations()
        .create("agent123", body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.data.id.as_deref(), Some("agent123_convo456"));

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), "/agents/agent123/convos");
    assert_eq!(request.url.query(), None);
    assert_eq!(
        header(&request, "authorization"),
        Some("Bearer secret-token")
    );
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(header(&request, "accept"), Some("application/json"));
    let sent: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        sent,
        json!({"conversation": {"ts": 1699999999.0, "messagesNum": 0.0, "userName": "John Doe",
            "userEmail": "john@example.com", "userPhone": "+1234567890", "userCompany": "Acme Corp",
            "notes": "Customer interested in premium plan, follow up next week", "tags": ["new-lead"]}})
    );
}

#[tokio::test]
async fn list_sends_page_and_limit_only_when_set() {
    let server = answering(
        200,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    let page = client(&server)
        .conversations()
        .list("agent123")
        .send()
        .await
        .unwrap();
    assert_eq!(page.data.len(), 1);
    let request = only_request(&server).await;
    assert_eq!(
        (
            request.method.as_str(),
            request.url.path(),
            request.url.query()
        ),
        ("GET", "/agents/agent123/convos", None)
    );
    assert!(request.body.is_empty());

    let server = answering(
        200,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    client(&server)
        .conversations()
        .list("agent123")
        .page(2.0)
        .limit(50.0)
        .send()
        .await
        .unwrap();
    // Whole numbers are written as integers; anything else keeps its fraction.
    assert_eq!(
        only_request(&server).await.url.query(),
        Some("page=2&limit=50")
    );
    let server = answering(
        200,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    client(&server)
        .conversations()
        .list("agent123")
        .page(2.5)
        .send()
        .await
        .unwrap();
    assert_eq!(only_request(&server).await.url.query(), Some("page=2.5"));
}

#[tokio::test]
async fn get_sends_both_path_parameters() {
    let server = answering(
        200,
        fixture("convocore/get-single-conversation.response.json"),
    )
    .await;
    let response = client(&server)
        .conversations()
        .get("agent123", "convo456")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.data.as_ref().unwrap().user_website.as_deref(),
        Some("https://acme.com")
    );
    let request = only_request(&server).await;
    assert_eq!(
        (request.method.as_str(), request.url.path()),
        ("GET", "/agents/agent123/convos/convo456")
    );
    assert_eq!(
        header(&request, "authorization"),
        Some("Bearer secret-token")
    );
}

#[tokio::test]
async fn default_error_is_typed_and_distinct_from_the_success_body() {
    let error_body = json!({"message": "Agent not found", "code": "NOT_FOUND", "issues": [{"message": "agentId"}]});
    let server = answering(404, error_body.clone()).await;
    let error = client(&server)
        .conversations()
        .get("nope", "c")
        .send()
        .await
        .unwrap_err();
    assert!(error.is_not_found() && error.is_client_error() && !error.is_retryable());
    let api: &ErrorResponse = error
        .api_error()
        .expect("the default response's body is typed");
    assert_eq!(
        (api.message.as_str(), api.code.as_str()),
        ("Agent not found", "NOT_FOUND")
    );
    assert_eq!(
        serde_json::from_slice::<Value>(error.raw_body().unwrap()).unwrap(),
        error_body
    );

    // A success body is never mistaken for an error body, nor the other way round.
    let server = answering(200, json!({"success": true, "message": "ok", "data": []})).await;
    assert!(client(&server)
        .conversations()
        .list("a")
        .send()
        .await
        .is_ok());
}

#[tokio::test]
async fn error_status_with_an_unexpected_body_keeps_the_raw_response() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("retry-after", "3")
                .set_body_string("upstream down"),
        )
        .mount(&server)
        .await;
    let error = client(&server)
        .conversations()
        .list("a")
        .send()
        .await
        .unwrap_err();
    match &error {
        Error::UnexpectedStatus(response) => {
            assert_eq!(response.status.as_u16(), 503);
            assert_eq!(response.headers.get("retry-after").unwrap(), "3");
            assert_eq!(response.body, b"upstream down");
        }
        other => panic!("expected UnexpectedStatus, got {other:?}"),
    }
    assert!(error.is_retryable() && error.is_server_error());
}

#[tokio::test]
async fn success_body_that_does_not_match_keeps_bytes_and_serde_error() {
    let server = answering(200, json!({"success": "yes"})).await;
    let error = client(&server)
        .conversations()
        .list("a")
        .send()
        .await
        .unwrap_err();
    match error {
        Error::InvalidBody(response, source) => {
            assert_eq!(response.body, br#"{"success":"yes"}"#);
            assert!(source.to_string().contains("invalid type"), "{source}");
        }
        other => panic!("expected InvalidBody, got {other:?}"),
    }
}

#[tokio::test]
async fn path_parameters_stay_in_their_segment() {
    for (id, encoded) in [
        ("a/b", "a%2Fb"),
        ("a b", "a%20b"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("ü", "%C3%BC"),
        ("a\\b", "a%5Cb"),
        ("..a", "..a"),
    ] {
        let server = answering(
            200,
            fixture("convocore/get-single-conversation.response.json"),
        )
        .await;
        client(&server)
            .conversations()
            .get(id, "c1")
            .send()
            .await
            .unwrap();
        let request = only_request(&server).await;
        assert_eq!(
            request.url.path(),
            format!("/agents/{encoded}/convos/c1"),
            "id {id:?}"
        );
        assert_eq!(request.url.query(), None, "id {id:?}");
    }
}

#[tokio::test]
async fn values_that_would_address_another_endpoint_are_refused_before_sending() {
    let server = answering(200, json!({})).await;
    for id in ["", ".", ".."] {
        let error = client(&server)
            .conversations()
            .get(id, "c1")
            .send()
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::InvalidRequest(_)),
            "id {id:?}: {error:?}"
        );
        assert!(error.to_string().contains("agentId"), "{error}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[test]
fn servers_are_named_constants_and_the_first_is_the_default() {
    assert_eq!(servers::EU, "https://eu-gcp-api.vg-stuff.com/v3");
    assert_eq!(servers::NA, "https://na-gcp-api.vg-stuff.com/v3");
    assert_eq!(Client::new().base_url(), servers::EU);
    let rendered_page_host = Client::builder()
        .base_url("https://eu-cloudflare.vg-stuff.com")
        .build()
        .unwrap();
    assert_eq!(
        rendered_page_host.base_url(),
        "https://eu-cloudflare.vg-stuff.com"
    );
}

#[tokio::test]
async fn base_url_with_a_path_prefix_keeps_it() {
    let server = answering(
        200,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    let client = Client::builder()
        .base_url(format!("{}/v3/", server.uri()))
        .build()
        .unwrap();
    client.conversations().list("a1").send().await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/v3/agents/a1/convos");
    assert_eq!(
        header(&request, "authorization"),
        None,
        "no token configured, none sent"
    );
}

#[tokio::test]
async fn a_callers_own_reqwest_client_is_used() {
    let server = answering(
        200,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    let http = reqwest_with_header();
    let client = Client::builder()
        .base_url(server.uri())
        .http_client(http)
        .bearer_token("t")
        .build()
        .unwrap();
    client.conversations().list("a1").send().await.unwrap();
    assert_eq!(
        header(&only_request(&server).await, "x-from-caller"),
        Some("yes")
    );
}

fn reqwest_with_header() -> convocore_client::reqwest::Client {
    use convocore_client::reqwest::header::{HeaderMap, HeaderValue};
    let mut headers = HeaderMap::new();
    headers.insert("x-from-caller", HeaderValue::from_static("yes"));
    convocore_client::reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

#[test]
fn debug_output_never_shows_the_token() {
    let client = Client::builder()
        .bearer_token("super-secret")
        .build()
        .unwrap();
    let debug = format!("{client:?}");
    assert!(
        !debug.contains("super-secret") && debug.contains("redacted"),
        "{debug}"
    );
}

#[test]
fn new_conversation_builds_with_defaults() {
    let new = NewConversation::new(1.0);
    assert_eq!(serde_json::to_value(&new).unwrap(), json!({"ts": 1.0}));
}

#[tokio::test]
async fn transient_failures_are_retried_twice_by_default() {
    let server = flaky(
        ResponseTemplate::new(503),
        2,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    let page = retrying(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .unwrap();
    assert_eq!(page.data.len(), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);

    // A third failure is one too many: the error is the last answer.
    let server = flaky(ResponseTemplate::new(502), 3, json!({})).await;
    let error = retrying(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn posts_are_not_retried_unless_the_caller_opts_in() {
    let body: CreateAgentConvoRequest =
        serde_json::from_value(fixture("convocore/create-conversation.request.json")).unwrap();
    // By default a POST that got 429 is not sent again: it might take effect twice.
    let server = flaky(
        ResponseTemplate::new(429),
        1,
        fixture("convocore/create-conversation.response.json"),
    )
    .await;
    let error = retrying(&server)
        .conversations()
        .create("a1", body.clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // Opted in for this call, it is retried with the same body.
    let server = flaky(
        ResponseTemplate::new(429),
        1,
        fixture("convocore/create-conversation.response.json"),
    )
    .await;
    let policy = convocore_client::RetryPolicy::default()
        .initial_backoff(std::time::Duration::from_millis(10))
        .retry_non_idempotent(true);
    retrying(&server)
        .conversations()
        .create("a1", body)
        .with_options(convocore_client::RequestOptions::new().retry(policy))
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(requests[1].method.as_str(), "POST");
}

#[tokio::test]
async fn retry_after_is_honoured_and_a_long_one_is_not_waited_for() {
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        1,
        fixture("convocore/get-agent-conversations.response.json"),
    )
    .await;
    let started = std::time::Instant::now();
    retrying(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .unwrap();
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "retried before Retry-After"
    );

    let server = flaky(
        ResponseTemplate::new(503).insert_header("retry-after", "3600"),
        1,
        json!({}),
    )
    .await;
    let error = retrying(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn client_errors_are_not_retried_and_retries_can_be_turned_off() {
    let server = flaky(
        ResponseTemplate::new(400).set_body_json(json!({"message": "bad", "code": "BAD"})),
        5,
        json!({}),
    )
    .await;
    assert!(retrying(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    let server = flaky(ResponseTemplate::new(503), 5, json!({})).await;
    assert!(client(&server)
        .conversations()
        .list("a1")
        .send()
        .await
        .is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn connection_failures_are_retried() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_backoff(std::time::Duration::from_millis(200))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client.conversations().list("a1").send().await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)) && error.is_retryable());
    // Two retries, after 100–200 ms and 200–400 ms (each delay is jittered in its upper half).
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
}
