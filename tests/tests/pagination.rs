//! Paginated lists as streams, one test per style declared in the APIs' configs, against
//! wiremock: offset (ending on `hasMore: false`, and on `total`), page number (ending on an
//! empty page), and `before` cursors taken from the last item (message history).

use futures::{StreamExt, TryStreamExt};
use serde_json::{json, Value};
use wiremock::matchers::{any, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn agentphone(server: &MockServer) -> agentphone_client::Client {
    agentphone_client::Client::builder()
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn number(id: &str) -> Value {
    json!({"id": id, "phoneNumber": "+14155550123", "country": "US", "status": "active", "createdAt": "2024-04-01T10:00:00Z"})
}

/// The `name` query parameter of each request the server received, in order.
async fn sent(server: &MockServer, name: &str) -> Vec<Option<String>> {
    let requests: Vec<Request> = server.received_requests().await.unwrap();
    requests
        .iter()
        .map(|r| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        })
        .collect()
}

#[tokio::test]
async fn offset_pages_until_has_more_is_false() {
    let server = MockServer::start().await;
    let page = |ids: &[&str], more: bool| {
        ResponseTemplate::new(200).set_body_json(json!({
            "data": ids.iter().map(|id| number(id)).collect::<Vec<_>>(), "hasMore": more, "total": 99
        }))
    };
    Mock::given(query_param_is_missing("offset"))
        .respond_with(page(&["n1", "n2"], true))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "2"))
        .respond_with(page(&["n3", "n4"], true))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "4"))
        .respond_with(page(&["n5"], false))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "5"))
        .respond_with(page(&["never"], false))
        .mount(&server)
        .await;

    let client = agentphone(&server);
    let numbers: Vec<_> = client
        .numbers()
        .list()
        .limit(2)
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = numbers.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["n1", "n2", "n3", "n4", "n5"]);
    assert_eq!(
        sent(&server, "offset").await,
        [None, Some("2".into()), Some("4".into())]
    );
    assert_eq!(
        sent(&server, "limit").await,
        vec![Some("2".to_owned()); 3],
        "every page keeps the limit"
    );
}

#[tokio::test]
async fn offset_pages_until_the_total_is_reached() {
    let server = MockServer::start().await;
    let agent = tests::fixture("agentphone/AgentResponse.json")[0].clone();
    let page = |n: usize| {
        ResponseTemplate::new(200)
            .set_body_json(json!({"data": vec![agent.clone(); n], "total": 3}))
    };
    Mock::given(query_param_is_missing("offset"))
        .respond_with(page(2))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "2"))
        .respond_with(page(1))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "3"))
        .respond_with(page(1))
        .mount(&server)
        .await;

    let pages: Vec<_> = agentphone(&server)
        .agents()
        .list()
        .pages()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        pages.iter().map(|p| p.data.len()).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        2,
        "no request past the total"
    );
}

#[tokio::test]
async fn pages_are_fetched_only_when_polled_and_an_error_ends_the_stream() {
    let server = MockServer::start().await;
    let body = json!({"data": [number("n1")], "hasMore": true, "total": 9});
    Mock::given(query_param_is_missing("offset"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "1"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;

    let client = agentphone(&server);
    let first: Vec<_> = client.numbers().list().pages().take(1).collect().await;
    assert_eq!(first.len(), 1);
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "the second page was not asked for"
    );

    let all: Vec<_> = client.numbers().list().pages().collect().await;
    assert_eq!(all.len(), 2);
    assert!(all[0].is_ok());
    assert!(all[1].as_ref().unwrap_err().is_not_found());
}

#[tokio::test]
async fn page_numbers_advance_until_an_empty_page() {
    let server = MockServer::start().await;
    let fixture = tests::fixture("convocore/get-agent-conversations.response.json");
    let conversation = fixture["data"][0].clone();
    let page = |n: usize| {
        ResponseTemplate::new(200).set_body_json(
            json!({"success": true, "message": "ok", "data": vec![conversation.clone(); n]}),
        )
    };
    Mock::given(query_param_is_missing("page"))
        .respond_with(page(2))
        .mount(&server)
        .await;
    Mock::given(query_param("page", "2"))
        .respond_with(page(1))
        .mount(&server)
        .await;
    Mock::given(query_param("page", "3"))
        .respond_with(page(0))
        .mount(&server)
        .await;

    let client = convocore_client::Client::builder()
        .base_url(server.uri())
        .build()
        .unwrap();
    let conversations: Vec<_> = client
        .conversations()
        .list("a1")
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(conversations.len(), 3);
    assert_eq!(
        sent(&server, "page").await,
        [None, Some("2".into()), Some("3".into())]
    );
}

#[tokio::test]
async fn message_history_pages_before_the_oldest_message() {
    let server = MockServer::start().await;
    let message = |id: &str, at: &str| json!({"id": id, "from_": "+12125550147", "to": "+14155550123", "body": "hi", "direction": "inbound", "receivedAt": at});
    Mock::given(query_param_is_missing("before"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [message("m3", "2024-05-03T10:00:00Z"), message("m2", "2024-05-02T10:00:00Z")], "hasMore": true
        })))
        .mount(&server)
        .await;
    Mock::given(query_param("before", "2024-05-02T10:00:00Z"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [message("m1", "2024-05-01T10:00:00Z")], "hasMore": true
        })))
        .mount(&server)
        .await;
    Mock::given(query_param("before", "2024-05-01T10:00:00Z"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [message("m0", "2024-04-30T10:00:00Z")], "hasMore": false
        })))
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;

    let messages: Vec<_> = agentphone(&server)
        .numbers()
        .get_messages("num_1")
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["m3", "m2", "m1", "m0"]);
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        3,
        "no request after `hasMore: false`"
    );
}
