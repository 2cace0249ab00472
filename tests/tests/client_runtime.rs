//! The client runtime's production behaviour, through the generated AgentPhone client against
//! an in-process mock server (wiremock): safe retries, retry timing, base URL and token
//! validation, lenient numbers, non-finite numbers refused, safe error messages, size limits,
//! gzip, per-call options, raw responses, fixtures for users' own tests. Tracing has its own
//! file (`client_tracing.rs`): a subscriber is per thread, and its test must run alone.

use agentphone_client::models::{
    AgentListResponse, AgentResponse, CreateOutboundCallRequest, Nullable,
};
use agentphone_client::{BuildError, Client, Error, RequestOptions, RetryPolicy, StatusCode};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "sk_live_secret_token";

/// A client with fast retries, so that retry tests take milliseconds.
fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .bearer_token(TOKEN)
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
        .build()
        .unwrap()
}

/// A server that answers `first` `times` times, then `then`.
async fn flaky(first: ResponseTemplate, times: u64, then: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(times)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(then).mount(&server).await;
    server
}

/// A server that always answers `template`.
async fn serve(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn agent_list() -> Value {
    json!({"data": [], "total": 0})
}

fn call_body() -> CreateOutboundCallRequest {
    CreateOutboundCallRequest::builder()
        .agent_id("agt_1")
        .to_number("+12125550147")
        .build()
        .unwrap()
}

fn call_response() -> Value {
    json!({
        "id": "call_1", "fromNumber": "+14155550123", "toNumber": "+12125550147", "direction": "outbound",
        "status": "queued", "startedAt": "2024-05-01T12:00:00Z", "retellCallId": null
    })
}

// --- Retries: what is retried, and when -------------------------------------------------------

#[tokio::test]
async fn a_get_is_retried_after_two_503s() {
    let server = flaky(
        ResponseTemplate::new(503),
        2,
        ResponseTemplate::new(200).set_body_json(agent_list()),
    )
    .await;
    let agents = client(&server).agents().list().send().await.unwrap();
    assert_eq!(agents.total, 0);
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn a_post_is_not_retried_on_5xx_by_default() {
    for status in [500, 502, 503] {
        let server = flaky(
            ResponseTemplate::new(status),
            1,
            ResponseTemplate::new(200).set_body_json(call_response()),
        )
        .await;
        let error = client(&server)
            .calls()
            .create_outbound(call_body())
            .send()
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(requests(&server).await, 1, "POST sent again after {status}");
    }
}

#[tokio::test]
async fn a_post_is_not_retried_after_a_timeout_even_when_writes_may_be_retried() {
    let server = flaky(
        ResponseTemplate::new(200)
            .set_delay(Duration::from_millis(400))
            .set_body_json(call_response()),
        1,
        ResponseTemplate::new(200).set_body_json(call_response()),
    )
    .await;
    let options = RequestOptions::new()
        .timeout(Duration::from_millis(100))
        .retry(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(5))
                .retry_non_idempotent(true),
        );
    let error = client(&server)
        .calls()
        .create_outbound(call_body())
        .with_options(options)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.is_timeout()),
        "{error:?}"
    );
    assert_eq!(
        requests(&server).await,
        1,
        "the server may have placed the call: never send it twice"
    );
}

#[tokio::test]
async fn a_get_is_retried_after_a_timeout() {
    let server = flaky(
        ResponseTemplate::new(200)
            .set_delay(Duration::from_millis(400))
            .set_body_json(agent_list()),
        1,
        ResponseTemplate::new(200).set_body_json(agent_list()),
    )
    .await;
    let options = RequestOptions::new().timeout(Duration::from_millis(100));
    client(&server)
        .agents()
        .list()
        .with_options(options)
        .send()
        .await
        .unwrap();
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_post_is_retried_when_the_caller_opts_in_for_the_client() {
    let server = flaky(
        ResponseTemplate::new(503),
        1,
        ResponseTemplate::new(200).set_body_json(call_response()),
    )
    .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(5))
                .retry_non_idempotent(true),
        )
        .build()
        .unwrap();
    client
        .calls()
        .create_outbound(call_body())
        .send()
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    assert_eq!(received[0].body, received[1].body);
}

#[tokio::test]
async fn a_post_that_never_connected_is_retried() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(100)))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .calls()
        .create_outbound(call_body())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.is_connect()),
        "{error:?}"
    );
    // Two retries waited at least 50 ms + 100 ms: the server cannot have seen the request.
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let date = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2));
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", date.as_str()),
        1,
        ResponseTemplate::new(200).set_body_json(agent_list()),
    )
    .await;
    let started = Instant::now();
    client(&server).agents().list().send().await.unwrap();
    assert_eq!(requests(&server).await, 2);
    // The date has whole seconds, so the wait is between one and two seconds.
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_is_not_waited_for() {
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", "60"),
        1,
        ResponseTemplate::new(200).set_body_json(agent_list()),
    )
    .await;
    let started = Instant::now();
    let error = client(&server).agents().list().send().await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(requests(&server).await, 1);
    assert!(started.elapsed() < Duration::from_secs(5));

    // A budget that allows it does wait.
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        1,
        ResponseTemplate::new(200).set_body_json(agent_list()),
    )
    .await;
    let tight = RequestOptions::new()
        .retry(RetryPolicy::default().max_retry_time(Duration::from_millis(500)));
    assert!(client(&server)
        .agents()
        .list()
        .with_options(tight)
        .send()
        .await
        .is_err());
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn statuses_no_retry_can_change_are_not_retried() {
    for status in [501, 505, 400, 404] {
        let server = flaky(
            ResponseTemplate::new(status),
            1,
            ResponseTemplate::new(200).set_body_json(agent_list()),
        )
        .await;
        assert!(client(&server).agents().list().send().await.is_err());
        assert_eq!(requests(&server).await, 1, "{status} retried");
    }
}

#[test]
fn backoff_is_jittered_within_its_upper_half_and_capped() {
    let policy = RetryPolicy::default()
        .initial_backoff(Duration::from_millis(100))
        .max_backoff(Duration::from_millis(300));
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..500 {
        let first = policy.backoff(0);
        assert!(
            first >= Duration::from_millis(50) && first <= Duration::from_millis(100),
            "{first:?}"
        );
        let second = policy.backoff(1);
        assert!(
            second >= Duration::from_millis(100) && second <= Duration::from_millis(200),
            "{second:?}"
        );
        let capped = policy.backoff(10);
        assert!(
            capped >= Duration::from_millis(150) && capped <= Duration::from_millis(300),
            "{capped:?}"
        );
        seen.insert(first);
    }
    assert!(seen.len() > 10, "no jitter: {seen:?}");
}

// --- Configuration is checked when the client is built -----------------------------------------

#[test]
fn a_base_url_with_a_query_or_fragment_is_refused() {
    for url in [
        "http://h/p?x=1",
        "http://h/p#f",
        "http://h/p?",
        "not a url",
        "/relative",
        "ftp://h/p",
    ] {
        let error = Client::builder().base_url(url).build().unwrap_err();
        assert!(
            matches!(error, BuildError::InvalidBaseUrl { .. }),
            "{url}: {error:?}"
        );
        assert!(error.to_string().contains(url), "{error}");
    }
}

#[tokio::test]
async fn a_base_url_keeps_its_path() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(agent_list()))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/prefix/", server.uri()))
        .build()
        .unwrap();
    client.agents().list().send().await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].url.path(), "/prefix/v1/agents");
}

#[test]
fn a_token_that_cannot_be_a_header_is_refused_without_echoing_it() {
    let error = Client::builder()
        .bearer_token("sk_abc\r\nX-Evil: 1")
        .build()
        .unwrap_err();
    assert!(matches!(error, BuildError::InvalidToken));
    assert!(!error.to_string().contains("sk_abc") && !format!("{error:?}").contains("sk_abc"));
}

// --- Numbers -----------------------------------------------------------------------------------

#[tokio::test]
async fn an_integer_written_as_a_float_decodes() {
    for total in [json!(1.0), json!(1e2), json!(-0.0), json!(7)] {
        let server =
            serve(ResponseTemplate::new(200).set_body_json(json!({"data": [], "total": total})))
                .await;
        let list = client(&server).agents().list().send().await.unwrap();
        assert_eq!(list.total as f64, total.as_f64().unwrap(), "{total}");
    }
    let server =
        serve(ResponseTemplate::new(200).set_body_json(json!({"data": [], "total": 1.5}))).await;
    let error = client(&server).agents().list().send().await.unwrap_err();
    assert!(matches!(error, Error::InvalidBody(..)), "{error:?}");
}

#[tokio::test]
async fn nan_and_infinity_are_refused_before_sending() {
    use convocore_client::models::{CreateAgentConvoRequest, NewConversation};
    let server = MockServer::start().await;
    let client = convocore_client::Client::builder()
        .base_url(server.uri())
        .build()
        .unwrap();
    let body = CreateAgentConvoRequest::new(NewConversation::new(f64::NAN));
    let error = client
        .conversations()
        .create("a1", body)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, convocore_client::Error::InvalidRequest(reason) if reason.contains("NaN")),
        "{error:?}"
    );
    let error = client
        .conversations()
        .list("a1")
        .page(f64::INFINITY)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, convocore_client::Error::InvalidRequest(reason) if reason.contains("page")),
        "{error:?}"
    );
    assert_eq!(requests(&server).await, 0);
}

// --- Errors are safe to log ----------------------------------------------------------------------

#[tokio::test]
async fn error_messages_truncate_bodies_and_never_show_the_token() {
    let echo = format!(
        "{{\"received\": \"Authorization: Bearer {TOKEN}\", \"padding\": \"{}\"}}",
        "x".repeat(20_000)
    );
    let server = serve(ResponseTemplate::new(418).set_body_string(echo.clone())).await;
    let error = client(&server).agents().list().send().await.unwrap_err();
    let (display, debug) = (error.to_string(), format!("{error:?}"));
    for text in [&display, &debug] {
        assert!(!text.contains(TOKEN), "token leaked: {text}");
        assert!(text.len() < 2_000, "{} bytes", text.len());
    }
    assert!(display.contains("<redacted>"), "{display}");
    assert_eq!(
        error.raw_body().unwrap(),
        echo.as_bytes(),
        "the whole body stays available"
    );
}

#[tokio::test]
async fn a_huge_path_parameter_is_an_invalid_request_with_a_short_message() {
    let server = MockServer::start().await;
    let error = client(&server)
        .agents()
        .get("a".repeat(64 * 1024))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(error.to_string().len() < 300, "{error}");
    assert_eq!(requests(&server).await, 0);
}

// --- Responses: gzip, size limit, raw parts --------------------------------------------------------

#[tokio::test]
async fn gzip_responses_are_decompressed() {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(agent_list().to_string().as_bytes())
        .unwrap();
    let compressed = encoder.finish().unwrap();
    let server = serve(
        ResponseTemplate::new(200)
            .insert_header("content-encoding", "gzip")
            .insert_header("content-type", "application/json")
            .set_body_bytes(compressed),
    )
    .await;
    let list = client(&server).agents().list().send().await.unwrap();
    assert_eq!(list.total, 0);
    let received = server.received_requests().await.unwrap();
    let accept = received[0]
        .headers
        .get("accept-encoding")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(accept.contains("gzip"), "{accept}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let big = json!({"data": [], "total": 0, "padding": "x".repeat(5_000)});
    let server = serve(ResponseTemplate::new(200).set_body_json(big)).await;
    let client = Client::builder()
        .base_url(server.uri())
        .max_response_bytes(1_000)
        .build()
        .unwrap();
    let error = client.agents().list().send().await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 1_000, .. }),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(StatusCode::OK));
}

#[tokio::test]
async fn responses_keep_status_headers_body_and_request_id() {
    let server = serve(
        ResponseTemplate::new(200)
            .insert_header("x-request-id", "req_42")
            .set_body_json(agent_list()),
    )
    .await;
    let list = client(&server).agents().list().send().await.unwrap();
    assert_eq!(list.status(), StatusCode::OK);
    assert_eq!(list.request_id(), Some("req_42"));
    assert_eq!(
        serde_json::from_slice::<Value>(list.raw_body()).unwrap(),
        agent_list()
    );

    let server = serve(ResponseTemplate::new(500).insert_header("x-request-id", "req_43")).await;
    let error = client(&server)
        .agents()
        .list()
        .with_options(RequestOptions::new().retry(RetryPolicy::none()))
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.request_id(), Some("req_43"));
}

// --- Per-call options, headers -------------------------------------------------------------------

#[tokio::test]
async fn per_call_headers_and_query_parameters_are_sent() {
    let server = serve(ResponseTemplate::new(200).set_body_json(agent_list())).await;
    let options = RequestOptions::new()
        .header("x-trace-id", "t-1")
        .header("user-agent", "my-app/2")
        .query("debug", "true");
    client(&server)
        .agents()
        .list()
        .limit(5)
        .with_options(options)
        .send()
        .await
        .unwrap();
    let received = &server.received_requests().await.unwrap()[0];
    assert_eq!(received.headers.get("x-trace-id").unwrap(), "t-1");
    assert_eq!(received.headers.get("user-agent").unwrap(), "my-app/2");
    assert_eq!(received.url.query(), Some("limit=5&debug=true"));

    let error = client(&server)
        .agents()
        .list()
        .with_options(RequestOptions::new().header("bad header", "x"))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
}

#[tokio::test]
async fn the_user_agent_names_the_crate_and_its_version() {
    let server = serve(ResponseTemplate::new(200).set_body_json(agent_list())).await;
    client(&server).agents().list().send().await.unwrap();
    let received = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        received.headers.get("user-agent").unwrap(),
        "agentphone-client/0.1.0"
    );
}

// --- Users' own tests and ergonomics --------------------------------------------------------------

#[test]
fn received_types_can_be_built_for_fixtures() {
    let agent: AgentResponse =
        serde_json::from_value(tests::fixture("agentphone/AgentResponse.json")[0].clone()).unwrap();
    // Received types have no `new` (a required field added to a response stays a minor
    // change); they are read from JSON, or start from `Default` where every field has one.
    let mut list = AgentListResponse::default();
    list.data = vec![agent.clone()];
    list.total = 1;
    assert_eq!(list.data, vec![agent]);
    let value: Nullable<f64> = 0.5.into();
    assert_eq!(value, Nullable::Value(0.5));
}

#[tokio::test]
async fn a_request_can_be_kept_and_configured_later() {
    let server = serve(ResponseTemplate::new(200).set_body_json(agent_list())).await;
    let client = client(&server);
    let request = client.agents().list();
    let request = request.limit(10);
    request.send().await.unwrap();
    assert_eq!(
        server.received_requests().await.unwrap()[0].url.query(),
        Some("limit=10")
    );
}
