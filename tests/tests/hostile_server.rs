//! What the generated clients do against servers that misbehave on the connection itself:
//! resets, bodies cut short, pages that never advance, cursors that come round again. Raw TCP
//! servers on loopback, started by each test, answer one connection at a time.

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{any, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What a raw server does with one connection, given its number (0 for the first).
#[derive(Clone, Copy)]
enum Answer {
    /// Closes the connection with a TCP reset once the request has arrived.
    Reset,
    /// Promises a 100-byte body, sends 10 bytes of it, and closes.
    CutShort,
    /// A whole JSON answer.
    Json(&'static str),
}

/// A server answering connection `n` with `answers(n)`; returns its URL and the count of
/// connections it accepted.
async fn raw_server(answers: fn(usize) -> Answer) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        for n in 0..20 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            count.fetch_add(1, Ordering::SeqCst);
            let mut request = [0u8; 8192];
            let _ = socket.read(&mut request).await;
            match answers(n) {
                // A zero linger sends a reset on close; it cannot block the thread, which is
                // what the deprecation warns of for a non-zero one.
                #[allow(deprecated)]
                Answer::Reset => socket.set_linger(Some(Duration::ZERO)).unwrap(),
                Answer::CutShort => {
                    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n";
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(b"{\"data\": [").await;
                }
                Answer::Json(body) => {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(body.as_bytes()).await;
                }
            }
            drop(socket);
        }
    });
    (url, accepted)
}

fn agentphone(url: &str) -> agentphone_client::Client {
    agentphone_client::Client::builder()
        .base_url(url)
        .bearer_token("tok")
        .retry_backoff(Duration::from_millis(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_reset_get_is_retried_and_its_error_says_it_is_retryable() {
    let (url, accepted) = raw_server(|_| Answer::Reset).await;
    let error = agentphone(&url).agents().list().send().await.unwrap_err();
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        3,
        "the first attempt and the default 2 retries"
    );
    assert!(
        error.is_retryable(),
        "what was retried is retryable: {error:?}"
    );
}

#[tokio::test]
async fn a_body_cut_short_is_fetched_again_for_a_get_and_never_for_a_post() {
    let (url, accepted) = raw_server(|n| {
        if n == 0 {
            Answer::CutShort
        } else {
            Answer::Json(r#"{"data": [], "total": 0}"#)
        }
    })
    .await;
    let agents = agentphone(&url).agents().list().send().await.unwrap();
    assert_eq!(agents.total, 0);
    assert_eq!(accepted.load(Ordering::SeqCst), 2);

    let (url, accepted) = raw_server(|n| {
        if n == 0 {
            Answer::CutShort
        } else {
            Answer::Json("{}")
        }
    })
    .await;
    let request = agentphone_client::models::AgentSignUpRequest::new("a@example.com".into());
    let error = agentphone(&url)
        .agent_signup()
        .sign_up(request)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        1,
        "a POST that may have taken effect is not sent again"
    );
    assert!(error.is_retryable(), "{error:?}");
}

#[tokio::test]
async fn offsets_stop_when_the_server_ignores_them() {
    let server = MockServer::start().await;
    let agent = tests::fixture("agentphone/AgentResponse.json")[0].clone();
    let page = json!({"data": [agent], "hasMore": true, "total": 1000});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;
    let client = agentphone(&server.uri());
    // A cap, so that a regression fails here instead of running for 1,000 pages.
    let pages: Vec<_> = client
        .agents()
        .list()
        .pages()
        .take(20)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        pages.len(),
        1,
        "the second page repeats the first, and ends the stream"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn page_numbers_stop_when_the_server_ignores_them() {
    let server = MockServer::start().await;
    let fixture = tests::fixture("convocore/get-agent-conversations.response.json");
    let page = json!({"success": true, "message": "ok", "data": [fixture["data"][0].clone()]});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;
    let client = convocore_client::Client::builder()
        .base_url(server.uri())
        .build()
        .unwrap();
    let items: Vec<_> = client
        .conversations()
        .list("a1")
        .items()
        .take(50)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn cursors_that_come_round_again_end_the_stream() {
    let server = MockServer::start().await;
    let message = |id: &str, at: &str| json!({"id": id, "from_": "+12125550147", "to": "+14155550123", "body": "hi", "direction": "inbound", "receivedAt": at});
    let page = |id: &str, at: &str| {
        ResponseTemplate::new(200)
            .set_body_json(json!({"data": [message(id, at)], "hasMore": true}))
    };
    let (t1, t2) = ("2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z");
    // No `before` gives a page ending at t2; before t2, one ending at t1; before t1, another
    // page ending at t2: the cursors go t2, t1, t2, ...
    Mock::given(query_param_is_missing("before"))
        .respond_with(page("a", t2))
        .mount(&server)
        .await;
    Mock::given(query_param("before", t2))
        .respond_with(page("b", t1))
        .mount(&server)
        .await;
    Mock::given(query_param("before", t1))
        .respond_with(page("c", t2))
        .mount(&server)
        .await;
    let client = agentphone(&server.uri());
    let messages: Vec<_> = client
        .numbers()
        .get_messages("n1")
        .items()
        .take(50)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        3,
        "t2 came before: no fourth request"
    );
}
