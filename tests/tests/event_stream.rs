//! AgentPhone's transcript stream as Server-Sent Events (declared by the overlay
//! `specs/agentphone/overlays/transcript-stream.yaml`): typed events from wiremock and from a
//! raw TCP server that sends a stream slowly, with heartbeats, or goes silent.

use agentphone_client::models::Nullable;
use agentphone_client::{Client, Error, StreamError};
use futures::StreamExt;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const EVENTS: &str = "\
: replaying past turns\n\
event: connected\n\
data: {}\n\
\n\
event: turn\n\
id: 2\n\
retry: 1500\n\
data: {\"id\": \"t1\",\n\
data:  \"transcript\": \"Hello?\", \"response\": \"Hi, this is the agent.\", \"createdAt\": \"2024-05-01T12:00:00Z\"}\n\
\n\
: heartbeat\n\
\n\
event: ended\n\
data: {\"status\": \"completed\"}\n\
\n";

fn client(uri: &str) -> Client {
    Client::builder().base_url(uri).bearer_token("tok").build().unwrap()
}

#[tokio::test]
async fn events_arrive_typed_and_the_stream_ends_when_the_server_closes() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).insert_header("content-type", "text/event-stream").set_body_string(EVENTS))
        .mount(&server)
        .await;
    let stream = client(&server.uri()).calls().stream_transcript("call_1").send().await.unwrap();
    let events: Vec<_> = stream.collect().await;
    let events: Vec<_> = events.into_iter().map(Result::unwrap).collect();
    let names: Vec<&str> = events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(names, ["connected", "turn", "ended"]);
    let turn = &events[1];
    assert_eq!(turn.id, "2");
    assert_eq!(turn.retry, Some(Duration::from_millis(1500)));
    assert_eq!(turn.data.transcript.as_deref(), Some("Hello?"), "multi-line data is joined");
    assert_eq!(turn.data.response, Nullable::Value("Hi, this is the agent.".to_owned()));
    assert_eq!(events[2].data.additional_properties["status"], "completed", "unknown properties are kept");

    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers.get("accept").unwrap(), "text/event-stream");
    assert_eq!(request.url.path(), "/v1/calls/call_1/transcript/stream");
}

#[tokio::test]
async fn data_that_does_not_decode_ends_the_stream_with_the_raw_data() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("event: turn\ndata: not json\n\nevent: turn\ndata: {}\n\n"))
        .mount(&server)
        .await;
    let events: Vec<_> = client(&server.uri()).calls().stream_transcript("c").send().await.unwrap().collect().await;
    assert_eq!(events.len(), 1, "nothing after the error");
    match &events[0] {
        Err(StreamError::InvalidData { event, data, .. }) => assert_eq!((event.as_str(), data.as_str()), ("turn", "not json")),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_error_status_is_the_operations_error() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(422).set_body_json(serde_json::json!({"detail": []})))
        .mount(&server)
        .await;
    let error = client(&server.uri()).calls().stream_transcript("c").send().await.unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
}

/// A one-connection HTTP server that sends `chunks` with `pause` between them, then closes
/// (or, with `hang`, stays silent for two seconds first).
async fn slow_server(chunks: Vec<&'static str>, pause: Duration, hang: bool) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
        socket.write_all(head.as_bytes()).await.unwrap();
        for chunk in chunks {
            socket.write_all(chunk.as_bytes()).await.unwrap();
            tokio::time::sleep(pause).await;
        }
        if hang {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn heartbeats_keep_a_quiet_stream_open() {
    let heartbeats = vec![": heartbeat\n\n"; 6];
    let mut chunks = vec!["event: connected\ndata: {}\n\n"];
    chunks.extend(heartbeats);
    chunks.push("event: ended\ndata: {}\n\n");
    let uri = slow_server(chunks, Duration::from_millis(100), false).await;
    let options = agentphone_client::RequestOptions::new().timeout(Duration::from_millis(400));
    let stream = client(&uri).calls().stream_transcript("c").with_options(options).send().await.unwrap();
    let events: Vec<_> = stream.collect().await;
    let names: Vec<String> = events.into_iter().map(|e| e.unwrap().event).collect();
    assert_eq!(names, ["connected", "ended"], "700 ms of heartbeats, each within the 400 ms idle timeout");
}

#[tokio::test]
async fn a_silent_stream_ends_with_an_idle_error() {
    let uri = slow_server(vec!["event: connected\ndata: {}\n\n"], Duration::ZERO, true).await;
    let options = agentphone_client::RequestOptions::new().timeout(Duration::from_millis(300));
    let stream = client(&uri).calls().stream_transcript("c").with_options(options).send().await.unwrap();
    let events: Vec<_> = stream.collect().await;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].as_ref().unwrap().event, "connected");
    assert!(matches!(events[1], Err(StreamError::Idle(_))), "{:?}", events[1]);
}

#[tokio::test]
async fn a_stream_that_never_starts_times_out() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3)).set_body_string(EVENTS))
        .mount(&server)
        .await;
    let options = agentphone_client::RequestOptions::new()
        .timeout(Duration::from_millis(300))
        .retry(agentphone_client::RetryPolicy::none());
    let error = client(&server.uri()).calls().stream_transcript("c").with_options(options).send().await.unwrap_err();
    assert!(matches!(error, Error::TimedOut(after) if after == Duration::from_millis(300)), "{error:?}");
}
