//! What the generated client for the OpenAPI 3.2 form of constructs puts on the wire for what
//! only 3.2 can say: a `query` operation and `additionalOperations`. xtask/tests/constructs.rs
//! copies this file into that form's client crate beside wire.rs.

use constructs_client::models::Chunk;
use constructs_client::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn a_query_operation_sends_query_with_its_body_and_is_retried_as_safe() {
    let server = MockServer::start().await;
    Mock::given(method("QUERY"))
        .and(path("/chunks/search"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("QUERY"))
        .and(path("/chunks/search"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([{"text": "hit"}])))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).max_retries(1).retry_backoff(std::time::Duration::from_millis(1)).build().unwrap();
    let mut ask = Chunk::default();
    ask.text = Some("needle".into());
    let hits = client.search_chunks(ask).send().await.unwrap();
    assert_eq!(hits[0].text.as_deref(), Some("hit"));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "QUERY is safe and idempotent: a 503 is retried");
    assert_eq!(requests[1].method.as_str(), "QUERY");
    let sent: serde_json::Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(sent, serde_json::json!({"text": "needle"}));
}

#[tokio::test]
async fn an_additional_operation_sends_its_own_method() {
    let server = MockServer::start().await;
    Mock::given(method("PURGE"))
        .and(path("/chunks/search"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).max_retries(0).build().unwrap();
    client.purge_search().send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].method.as_str(), "PURGE");
}
