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
    Client::builder()
        .base_url(uri)
        .bearer_token("tok")
        .build()
        .unwrap()
}

#[tokio::test]
async fn events_arrive_typed_and_the_stream_ends_when_the_server_closes() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(EVENTS, "text/event-stream"))
        .mount(&server)
        .await;
    let stream = client(&server.uri())
        .calls()
        .stream_transcript("call_1")
        .send()
        .await
        .unwrap();
    let events: Vec<_> = stream.collect().await;
    let events: Vec<_> = events.into_iter().map(Result::unwrap).collect();
    let names: Vec<&str> = events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(names, ["connected", "turn", "ended"]);
    let turn = &events[1];
    assert_eq!(turn.id, "2");
    assert_eq!(turn.retry, Some(Duration::from_millis(1500)));
    assert_eq!(
        turn.data.transcript.as_deref(),
        Some("Hello?"),
        "multi-line data is joined"
    );
    assert_eq!(
        turn.data.response,
        Nullable::Value("Hi, this is the agent.".to_owned())
    );
    assert_eq!(
        events[2].data.additional_properties["status"], "completed",
        "unknown properties are kept"
    );

    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.headers.get("accept").unwrap(), "text/event-stream");
    assert_eq!(request.url.path(), "/v1/calls/call_1/transcript/stream");
}

#[tokio::test]
async fn data_that_does_not_decode_is_an_error_and_the_stream_goes_on() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "event: turn\ndata: not json\n\nevent: ended\ndata: {}\n\n",
            "text/event-stream",
        ))
        .mount(&server)
        .await;
    let events: Vec<_> = client(&server.uri())
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(
        events.len(),
        2,
        "one undecodable event does not end the stream: {events:?}"
    );
    match &events[0] {
        Err(StreamError::InvalidData(invalid)) => {
            assert_eq!((invalid.event(), invalid.data()), ("turn", "not json"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(events[1].as_ref().unwrap().event, "ended");
}

#[tokio::test]
async fn an_error_status_is_the_operations_error() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(422).set_body_json(serde_json::json!({"detail": []})))
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .unwrap_err();
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
        let head =
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
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
    let stream = client(&uri)
        .calls()
        .stream_transcript("c")
        .with_options(options)
        .send()
        .await
        .unwrap();
    let events: Vec<_> = stream.collect().await;
    let names: Vec<String> = events.into_iter().map(|e| e.unwrap().event).collect();
    assert_eq!(
        names,
        ["connected", "ended"],
        "700 ms of heartbeats, each within the 400 ms idle timeout"
    );
}

#[tokio::test]
async fn a_silent_stream_ends_with_an_idle_error() {
    let uri = slow_server(vec!["event: connected\ndata: {}\n\n"], Duration::ZERO, true).await;
    let options = agentphone_client::RequestOptions::new().timeout(Duration::from_millis(300));
    let stream = client(&uri)
        .calls()
        .stream_transcript("c")
        .with_options(options)
        .send()
        .await
        .unwrap();
    let events: Vec<_> = stream.collect().await;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].as_ref().unwrap().event, "connected");
    assert!(
        matches!(events[1], Err(StreamError::Idle(_))),
        "{:?}",
        events[1]
    );
}

#[tokio::test]
async fn a_stream_that_never_starts_times_out() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(Duration::from_secs(3))
                .set_body_string(EVENTS),
        )
        .mount(&server)
        .await;
    let options = agentphone_client::RequestOptions::new()
        .timeout(Duration::from_millis(300))
        .retry(agentphone_client::RetryPolicy::none());
    let error = client(&server.uri())
        .calls()
        .stream_transcript("c")
        .with_options(options)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::TimedOut(after) if after == Duration::from_millis(300)),
        "{error:?}"
    );
}

/// A one-connection HTTP server that answers with `head` (status line and headers, without
/// the blank line) and then sends `chunks`, `pause` apart, and closes.
async fn raw_server(head: &str, chunks: Vec<Vec<u8>>, pause: Duration) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let head = format!("{head}\r\nconnection: close\r\n\r\n");
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        socket.write_all(head.as_bytes()).await.unwrap();
        for chunk in chunks {
            if socket.write_all(&chunk).await.is_err() {
                return; // the client hung up, as it should once a limit is hit
            }
            tokio::time::sleep(pause).await;
        }
    });
    format!("http://{address}")
}

const SSE_HEAD: &str = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream";

async fn names(client: Client) -> Vec<Result<String, StreamError>> {
    let stream = client.calls().stream_transcript("c").send().await.unwrap();
    stream.map(|event| event.map(|e| e.event)).collect().await
}

#[tokio::test]
async fn a_byte_order_mark_is_skipped_not_a_panic() {
    let body = "\u{feff}event: connected\ndata: {}\n\n".as_bytes().to_vec();
    // Split inside the three-byte mark as well as whole.
    for chunks in [
        vec![body.clone()],
        vec![body[..1].to_vec(), body[1..2].to_vec(), body[2..].to_vec()],
    ] {
        let uri = raw_server(SSE_HEAD, chunks, Duration::from_millis(10)).await;
        let events = names(client(&uri)).await;
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].as_ref().unwrap(), "connected");
    }
}

#[tokio::test]
async fn carriage_returns_alone_end_lines_and_the_last_event_arrives() {
    let body = b"event: connected\rdata: {}\r\revent: ended\rdata: {}\r\r".to_vec();
    let uri = raw_server(SSE_HEAD, vec![body], Duration::ZERO).await;
    let events: Vec<String> = names(client(&uri))
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(events, ["connected", "ended"]);
}

#[tokio::test]
async fn a_json_answer_to_a_stream_request_is_an_error_not_an_empty_stream() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"status": "ok"})))
        .mount(&server)
        .await;
    let error = client(&server.uri())
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .unwrap_err();
    match &error {
        Error::UnexpectedContentType(response) => assert_eq!(response.body, br#"{"status":"ok"}"#),
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("application/json"), "{error}");
}

#[tokio::test]
async fn a_line_that_never_ends_is_cut_at_the_size_limit() {
    // 2 MiB of one `data:` line, then the server holds the connection open.
    let mut chunks = vec![b"data: ".to_vec()];
    chunks.extend(std::iter::repeat_n(vec![b'x'; 64 * 1024], 32));
    chunks.push(Vec::new());
    let uri = raw_server(SSE_HEAD, chunks, Duration::from_millis(1)).await;
    let client = Client::builder()
        .base_url(&uri)
        .max_response_bytes(1 << 20)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let events = names(client).await;
    assert!(
        matches!(
            events.as_slice(),
            [Err(StreamError::TooLarge { limit: 1048576 })]
        ),
        "{events:?}"
    );
}

#[tokio::test]
async fn a_large_event_within_the_limit_arrives_whole() {
    // One 10 MiB event in 64 KiB chunks: parsed once, not once per chunk.
    let data = format!("{{\"status\": \"{}\"}}", "y".repeat(10 << 20));
    let body = format!("event: ended\ndata: {data}\n\n").into_bytes();
    let chunks = body.chunks(64 * 1024).map(<[u8]>::to_vec).collect();
    let uri = raw_server(SSE_HEAD, chunks, Duration::ZERO).await;
    let client = Client::builder().base_url(&uri).build().unwrap();
    let stream = client.calls().stream_transcript("c").send().await.unwrap();
    let events: Vec<_> = stream.collect().await;
    let event = events[0].as_ref().unwrap();
    assert_eq!(
        event.data.additional_properties["status"]
            .as_str()
            .unwrap()
            .len(),
        10 << 20
    );
}

#[tokio::test]
async fn a_gzip_bomb_on_a_stream_is_cut_at_the_size_limit() {
    use std::io::Write;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..64 {
        gzip.write_all(&vec![b'\n'; 1 << 20]).unwrap(); // 64 MiB of blank lines
    }
    let bomb = gzip.finish().unwrap();
    let head = format!(
        "{SSE_HEAD}\r\ncontent-encoding: gzip\r\ncontent-length: {}",
        bomb.len()
    );
    let uri = raw_server(&head, vec![bomb], Duration::ZERO).await;
    let client = Client::builder()
        .base_url(&uri)
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    let events = names(client).await;
    assert!(
        matches!(events.as_slice(), [Err(StreamError::TooLarge { .. })]),
        "{events:?}"
    );
}

#[tokio::test]
async fn a_trickle_of_bytes_cannot_keep_a_stream_open_past_its_lifetime() {
    // A comment every 20 ms keeps the 1 s idle timeout from ever firing.
    let chunks = std::iter::repeat_n(b": still here\n".to_vec(), 250).collect();
    let uri = raw_server(SSE_HEAD, chunks, Duration::from_millis(20)).await;
    let client = Client::builder()
        .base_url(&uri)
        .timeout(Duration::from_secs(1))
        .max_stream_duration(Duration::from_millis(300))
        .build()
        .unwrap();
    let events = names(client).await;
    assert!(
        matches!(events.as_slice(), [Err(StreamError::Expired(_))]),
        "{events:?}"
    );
}

#[tokio::test]
async fn stream_errors_show_no_credential_and_only_a_preview() {
    use base64::Engine as _;
    let token = "tok-SECRET/9";
    let forms = [
        token.to_owned(),
        base64::engine::general_purpose::STANDARD.encode(token),
        "tok-SECRET%2F9".to_owned(),
    ];
    let echo = format!("{} {}", forms.join(" "), "z".repeat(100_000));
    let quoted = serde_json::to_string(&echo).unwrap();
    // An event named and filled with the echo, whose data does not decode (a number where
    // the transcript's text belongs), then a JSON answer where a stream was asked for.
    let data = format!("{{\"transcript\": 1, \"echo\": {quoted}}}");
    let body = format!("event: {echo}\ndata: {data}\n\n");
    let uri = raw_server(SSE_HEAD, vec![body.into_bytes()], Duration::ZERO).await;
    let client = Client::builder()
        .base_url(&uri)
        .bearer_token(token)
        .build()
        .unwrap();
    let events: Vec<_> = client
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .unwrap()
        .collect()
        .await;
    let Some(Err(error @ StreamError::InvalidData(invalid))) = events.first() else {
        panic!("{events:?}")
    };
    assert_eq!(invalid.data(), data, "the data itself is kept whole");
    let mut shown = format!("{error} {error:?}");
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        shown.push_str(&format!(" {inner} {inner:?}"));
        source = inner.source();
    }
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(echo.clone(), &format!("application/json; x={token}")),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .bearer_token(token)
        .build()
        .unwrap();
    let error = client
        .calls()
        .stream_transcript("c")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::UnexpectedContentType(_)),
        "{error:?}"
    );
    shown.push_str(&format!(" {error} {error:?}"));
    for form in &forms {
        assert!(!shown.contains(form.as_str()), "`{form}` in {shown}");
    }
    assert!(shown.len() < 8 * 1024, "{} bytes shown", shown.len());
}
