//! What the generated client for constructs.yaml puts on the wire, against a mock server.
//! xtask/tests/constructs.rs copies this file into the generated client crate and runs it.

use constructs_client::models::{Binary, Cat, Level8, Level9, StoredPriority, Filter, FilterOwner, Pet, Point, SubmitFormRequest, Theme, UploadRequest};
use constructs_client::builders::StartJobResponse;
use constructs_client::{Client, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn answering(response: ResponseTemplate) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(response).mount(&server).await;
    let client = Client::builder().base_url(server.uri()).max_retries(0).build().unwrap();
    (server, client)
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn header<'r>(request: &'r Request, name: &str) -> &'r str {
    request.headers.get(name).map(|v| v.to_str().unwrap()).unwrap_or_default()
}

#[tokio::test]
async fn a_form_body_is_sent_urlencoded_and_a_text_answer_read_as_a_string() {
    let (server, client) = answering(ResponseTemplate::new(200).set_body_string("receipt 7")).await;
    let mut form = SubmitFormRequest::new("Ada & Bob".into());
    form.count = Some(2);
    let receipt = client.submit_form(form).send().await.unwrap();
    assert_eq!(receipt.into_inner(), "receipt 7");
    let request = only_request(&server).await;
    assert_eq!(header(&request, "content-type"), "application/x-www-form-urlencoded");
    assert_eq!(String::from_utf8_lossy(&request.body), "name=Ada+%26+Bob&count=2");
    assert_eq!(header(&request, "accept"), "text/plain");
}

#[tokio::test]
async fn a_multipart_body_has_one_part_per_property() {
    let (server, client) = answering(ResponseTemplate::new(201).set_body_json(serde_json::json!({"id": "f1"}))).await;
    let png = Binary::new(vec![0x89, b'P', b'N', b'G', 0xff]).with_file_name("cat.png").with_content_type("image/png");
    let mut upload = UploadRequest::new(png);
    upload.tags = Some(vec!["a".into(), "b".into()]);
    upload.attachments = Some(vec![Binary::new(b"one".to_vec()), Binary::new(b"two".to_vec()).with_file_name("2.txt")]);
    let stored = client.upload(upload).send().await.unwrap();
    assert_eq!(stored.id.as_deref(), Some("f1"));
    let request = only_request(&server).await;
    assert!(header(&request, "content-type").starts_with("multipart/form-data; boundary="));
    let body = &request.body;
    let expected: [&[u8]; 5] = [
        b"name=\"file\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\xff\r\n",
        b"name=\"tags\"\r\n\r\na\r\n",
        b"name=\"tags\"\r\n\r\nb\r\n",
        // Without a file name of its own, a file part is named after its property.
        b"name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: application/octet-stream\r\n\r\none\r\n",
        b"name=\"attachments\"; filename=\"2.txt\"\r\nContent-Type: application/octet-stream\r\n\r\ntwo\r\n",
    ];
    for part in expected {
        assert!(body.windows(part.len()).any(|w| w == part), "{:?} not in {}", String::from_utf8_lossy(part), String::from_utf8_lossy(body));
    }
    assert!(!String::from_utf8_lossy(body).contains("name=\"note\""), "an absent property is no part");
}

#[tokio::test]
async fn bytes_go_out_and_come_back_as_they_are() {
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    client.put_blob(7, vec![0, 159, 255]).send().await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/blobs/7");
    assert_eq!(header(&request, "content-type"), "application/octet-stream");
    assert_eq!(request.body, vec![0, 159, 255]);

    let (_server, client) = answering(ResponseTemplate::new(200).set_body_bytes(vec![1, 2, 255])).await;
    let blob = client.get_blob(7).send().await.unwrap();
    assert_eq!(blob.into_inner(), vec![1, 2, 255]);

    let (_server, client) = answering(ResponseTemplate::new(404).set_body_json(serde_json::json!({"detail": "gone"}))).await;
    match client.get_blob(7).send().await {
        Err(Error::Api(error)) => assert_eq!(error.error.detail.as_deref(), Some("gone")),
        other => panic!("expected the typed 404, got {other:?}"),
    }
}

#[tokio::test]
async fn json_is_preferred_among_several_media_types() {
    let (server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "r1"}))).await;
    let report = client.get_report().send().await.unwrap();
    assert_eq!(report.id.as_deref(), Some("r1"));
    assert_eq!(header(&only_request(&server).await, "accept"), "application/json");
}

#[tokio::test]
async fn success_bodies_of_different_kinds_are_read_as_bytes() {
    let (_server, client) = answering(ResponseTemplate::new(202).set_body_string("running")).await;
    let answer = client.export().send().await.unwrap();
    assert_eq!(answer.status().as_u16(), 202);
    assert_eq!(answer.into_inner(), b"running".to_vec());
}

#[tokio::test]
async fn header_cookie_and_content_parameters() {
    let (server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({}))).await;
    client
        .search("s 1")
        .x_tags(vec!["a".into(), "b".into()])
        .theme(Theme::Dark)
        .filter(r#"{"q":"x"}"#)
        .send()
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(header(&request, "x-tags"), "a,b");
    assert_eq!(header(&request, "cookie"), "session=s%201; theme=dark");
    assert_eq!(request.url.query(), Some("filter=%7B%22q%22%3A%22x%22%7D"));
}

#[tokio::test]
async fn a_path_variable_without_a_parameter_still_gets_one() {
    let (server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "Rex"}))).await;
    let pet = client.get_item("i/1").send().await.unwrap();
    assert_eq!(pet.name.as_deref(), Some("Rex"));
    assert_eq!(only_request(&server).await.url.path(), "/items/i%2F1");
}

#[tokio::test]
async fn credentials_go_where_each_operation_asks() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let client = Client::builder()
        .base_url(server.uri())
        .max_retries(0)
        .bearer_token("tok")
        .basic_auth("ada", "pw")
        .api_key("k1")
        .api_key_for("queryKey", "k2")
        .build()
        .unwrap();
    client.keys_in_header().send().await.unwrap();
    client.keys_in_query().send().await.unwrap();
    client.keys_in_cookie().send().await.unwrap();
    client.basic_and_key().send().await.unwrap();
    client.token_or_basic().send().await.unwrap();
    client.open().send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let [header_key, query_key, cookie_key, both, either, open] = requests.as_slice() else {
        panic!("expected six requests, got {}", requests.len());
    };
    // The document's requirement, and nothing else.
    assert_eq!(header(header_key, "x-api-key"), "k1");
    assert_eq!(header(header_key, "authorization"), "");
    // A scheme's own key wins over the general one.
    assert_eq!(query_key.url.query(), Some("api_key=k2"));
    assert_eq!(header(query_key, "x-api-key"), "");
    assert_eq!(header(cookie_key, "cookie"), "sid=k1");
    // Schemes of one requirement are sent together.
    assert_eq!(header(both, "authorization"), "Basic YWRhOnB3");
    assert_eq!(header(both, "x-api-key"), "k1");
    // Of alternatives, the first the client can meet (OAuth 2 sends the access token).
    assert_eq!(header(either, "authorization"), "Bearer tok");
    assert_eq!(header(open, "authorization"), "");
    assert_eq!(header(open, "x-api-key"), "");

    // Without a token, the next alternative.
    let client = Client::builder().base_url(server.uri()).basic_auth("ada", "pw").build().unwrap();
    client.token_or_basic().send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(header(requests.last().unwrap(), "authorization"), "Basic YWRhOnB3");
}

#[tokio::test]
async fn no_credential_reaches_a_message() {
    // A server that echoes the key back in an error body.
    let (_server, client) = answering(ResponseTemplate::new(500).set_body_string("bad key k1, password pw")).await;
    let client = Client::builder()
        .base_url(client.base_url())
        .max_retries(0)
        .basic_auth("ada", "pw")
        .api_key("k1")
        .build()
        .unwrap();
    let error = client.keys_in_header().send().await.unwrap_err();
    let shown = format!("{error} {error:?} {client:?}");
    assert!(!shown.contains("k1") && !shown.contains("pw"), "{shown}");

    // A key in the query is not in a transport error's message either.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let client = Client::builder().base_url(url).max_retries(0).api_key("k2-secret").build().unwrap();
    let error = client.keys_in_query().send().await.unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("k2-secret"), "{shown}");
}

#[tokio::test]
async fn status_ranges_type_every_status_they_cover() {
    let (_server, client) =
        answering(ResponseTemplate::new(207).set_body_json(serde_json::json!({"id": "s1"}))).await;
    assert_eq!(client.ranged().send().await.unwrap().into_inner().id.as_deref(), Some("s1"));

    let (_server, client) =
        answering(ResponseTemplate::new(418).set_body_json(serde_json::json!({"detail": "teapot"}))).await;
    match client.ranged().send().await {
        Err(Error::Api(api)) => assert_eq!(api.error.detail.as_deref(), Some("teapot")),
        other => panic!("a 4XX body is the typed error: {other:?}"),
    }

    let (_server, client) =
        answering(ResponseTemplate::new(503).set_body_json(serde_json::json!({"detail": "down"}))).await;
    assert!(
        matches!(client.ranged().send().await, Err(Error::UnexpectedStatus(_))),
        "a 5XX is outside the documented 4XX range"
    );
}

#[tokio::test]
async fn a_tagged_union_is_read_by_its_tag_and_keeps_unknown_tags() {
    let pets = serde_json::json!([
        {"kind": "cat", "name": "Tom"},
        {"kind": "kitty", "name": "Kit"},
        {"kind": "bird", "wingspan": 0.3},
        {"kind": "fish", "fins": 2},
        {"name": "no kind at all"}
    ]);
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(pets.clone())).await;
    let read = client.list_pets().send().await.unwrap().into_inner();
    match &read[..] {
        [Pet::Cat(cat), Pet::Cat(kitty), Pet::Bird(bird), Pet::Other(fish), Pet::Other(unnamed)] => {
            assert_eq!(cat.name, "Tom");
            // Every value the mapping gives an alternative selects it.
            assert_eq!(kitty.kind, "kitty");
            assert_eq!(bird.wingspan, Some(0.3));
            assert_eq!(fish, &pets[3]);
            assert_eq!(unnamed, &pets[4]);
        }
        other => panic!("each pet is read by its `kind`: {other:?}"),
    }
    // Written back, each is the object it was read from.
    assert_eq!(serde_json::to_value(&read).unwrap(), pets);

    // A known tag whose object does not fit its alternative is an error naming what is wrong.
    let (_server, client) =
        answering(ResponseTemplate::new(200).set_body_json(serde_json::json!([{"kind": "cat"}]))).await;
    let error = client.list_pets().send().await.unwrap_err().to_string();
    assert!(error.contains("missing field `name`"), "{error}");
}

#[tokio::test]
async fn a_tagged_union_is_sent_as_its_alternative() {
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    client.add_pet(Pet::Cat(Cat::builder().kind("cat").name("Tom").build().unwrap())).send().await.unwrap();
    let request = only_request(&server).await;
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, serde_json::json!({"kind": "cat", "name": "Tom"}));
}

#[tokio::test]
async fn an_api_key_cookie_and_cookie_parameters_share_one_cookie_header() {
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let client = Client::builder()
        .base_url(server.uri())
        .api_key_for("cookieKey", "k3y")
        .build()
        .unwrap();
    client.keys_in_cookie().lang("en").send().await.unwrap();
    // A cookie the caller adds joins them rather than replacing the key.
    let options = constructs_client::RequestOptions::new().header("Cookie", "trace=1");
    client.keys_in_cookie().with_options(options).send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let cookies: Vec<Vec<&str>> = requests
        .iter()
        .map(|request| request.headers.get_all("cookie").iter().map(|v| v.to_str().unwrap()).collect())
        .collect();
    assert_eq!(cookies, [vec!["sid=k3y; lang=en"], vec!["sid=k3y; trace=1"]]);
}

#[tokio::test]
async fn query_parameters_are_written_in_their_style() {
    // An empty list is no parameter in any style.
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    client.styled().ids(vec![]).pipes(vec![]).plain(vec![]).send().await.unwrap();
    assert_eq!(only_request(&server).await.url.query(), None);

    let (server, client) = answering(ResponseTemplate::new(204)).await;
    let mut filter = Filter::default();
    filter.name = Some("Rex".into());
    filter.age = Some(3);
    let mut owner = FilterOwner::default();
    owner.city = Some("Oslo".into());
    filter.owner = Some(owner);
    let mut point = Point::default();
    point.x = Some(1);
    point.y = Some(2);
    client
        .styled()
        .ids(vec![1, 2])
        .tags(vec!["a".into(), "b c".into()])
        .pipes(vec!["x".into(), "y".into()])
        .filter(filter)
        .point(point)
        .plain(vec!["p".into(), "q".into()])
        .send()
        .await
        .unwrap();
    let request = only_request(&server).await;
    let pairs: Vec<(String, String)> = request.url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let expected = [
        ("ids", "1,2"),
        ("tags", "a b c"),
        ("pipes", "x|y"),
        // An object's properties go in name order (JSON objects have none of their own).
        ("filter[age]", "3"),
        ("filter[name]", "Rex"),
        ("filter[owner][city]", "Oslo"),
        ("point", "x,1,y,2"),
        ("plain", "p"),
        ("plain", "q"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(pairs, expected, "{}", request.url);

    // Unset, none of them is sent.
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    client.styled().send().await.unwrap();
    assert_eq!(only_request(&server).await.url.query(), None);
}

#[tokio::test]
async fn success_bodies_of_different_types_are_an_enum_keyed_by_status() {
    let answer = |status: u16, body: Option<serde_json::Value>| {
        let template = ResponseTemplate::new(status);
        match body {
            Some(body) => template.set_body_json(body),
            None => template,
        }
    };
    let (_server, client) = answering(answer(200, Some(serde_json::json!({"id": "s1"})))).await;
    match client.start_job().send().await.unwrap().into_inner() {
        StartJobResponse::Ok(stored) => assert_eq!(stored.id.as_deref(), Some("s1")),
        other => panic!("200 is Ok: {other:?}"),
    }
    let (_server, client) = answering(answer(202, Some(serde_json::json!({"job": "j1"})))).await;
    match client.start_job().send().await.unwrap().into_inner() {
        StartJobResponse::Accepted(job) => assert_eq!(job.job, "j1"),
        other => panic!("202 is Accepted: {other:?}"),
    }
    let (_server, client) = answering(answer(204, None)).await;
    assert_eq!(client.start_job().send().await.unwrap().into_inner(), StartJobResponse::NoContent);
    // A success the spec does not list still succeeds, its body kept as JSON.
    let (_server, client) = answering(answer(201, Some(serde_json::json!({"queued": true})))).await;
    assert_eq!(
        client.start_job().send().await.unwrap().into_inner(),
        StartJobResponse::Other(serde_json::json!({"queued": true}))
    );
    let (_server, client) = answering(answer(409, Some(serde_json::json!({"detail": "busy"})))).await;
    match client.start_job().send().await {
        Err(Error::Api(api)) => assert_eq!(api.error.detail.as_deref(), Some("busy")),
        other => panic!("409 is the typed error: {other:?}"),
    }
}

#[tokio::test]
async fn an_integer_enum_reads_listed_values_leniently_and_keeps_the_others() {
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "r", "priority": 2.0}))).await;
    assert_eq!(client.get_report().send().await.unwrap().into_inner().priority, Some(StoredPriority::V2));
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "r", "priority": 9}))).await;
    let stored = client.get_report().send().await.unwrap().into_inner();
    assert_eq!(stored.priority, Some(StoredPriority::Other(9)));
    assert_eq!(serde_json::to_value(&stored).unwrap()["priority"], serde_json::json!(9));
    assert_eq!(StoredPriority::from(3).value(), 3);
}

#[tokio::test]
async fn a_date_is_read_from_a_date_or_the_date_of_a_date_time() {
    for (sent, date) in [("2024-05-01", "2024-05-01"), ("2024-05-01T23:30:00Z", "2024-05-01"), ("2024-05-01T10:00:00", "2024-05-01")] {
        let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "r", "issued": sent}))).await;
        let stored = client.get_report().send().await.unwrap().into_inner();
        assert_eq!(stored.issued.map(|d| d.to_string()).as_deref(), Some(date), "{sent}");
        assert_eq!(serde_json::to_value(&stored).unwrap()["issued"], serde_json::json!(date));
    }
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "r", "issued": "May 1st"}))).await;
    assert!(client.get_report().send().await.is_err(), "a date that is none is an error");
}

#[tokio::test]
async fn an_include_past_the_copy_depth_is_a_flattened_field_and_flat_on_the_wire() {
    let stored = serde_json::json!({"id": "s1", "l1": 1, "l8": 8, "l9": 9, "later": true});
    let (server, client) = answering(ResponseTemplate::new(200).set_body_json(&stored)).await;
    let mut level8 = Level8::new("a".into());
    level8.l1 = Some(1);
    level8.l8 = Some(8);
    level8.next = Some(Box::new(Level9::new(Level8::new("b".into()))));
    let mut sent = Level9::new(level8);
    sent.l9 = Some(9);
    let got = client.send_levels(sent).send().await.unwrap().into_inner();
    // Level8 copies the seven levels below it; Level9 holds Level8 whole.
    assert_eq!((got.level8.id.as_str(), got.level8.l1, got.level8.l8, got.l9), ("s1", Some(1), Some(8), Some(9)));
    let body: serde_json::Value = serde_json::from_slice(&only_request(&server).await.body).unwrap();
    assert_eq!(body, serde_json::json!({"id": "a", "l1": 1, "l8": 8, "next": {"id": "b"}, "l9": 9}));
    // A property the included struct requires is still required.
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"l9": 9}))).await;
    let error = client.send_levels(Level9::new(Level8::new("a".into()))).send().await.unwrap_err();
    assert!(error.to_string().contains("missing field `id`"), "{error}");
}

#[tokio::test]
async fn a_redirect_to_another_origin_is_not_followed_and_the_key_stays_home() {
    use wiremock::matchers::path;
    let elsewhere = MockServer::start().await;
    Mock::given(any()).respond_with(ResponseTemplate::new(204)).mount(&elsewhere).await;
    let home = MockServer::start().await;
    let away = format!("{}/keys/header", elsewhere.uri());
    Mock::given(path("/keys/header"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", away.as_str()))
        .mount(&home)
        .await;
    Mock::given(path("/both")).respond_with(ResponseTemplate::new(307).insert_header("location", "/moved")).mount(&home).await;
    Mock::given(path("/moved")).respond_with(ResponseTemplate::new(204)).mount(&home).await;
    let client = Client::builder().base_url(home.uri()).max_retries(0).api_key("k1").build().unwrap();

    let error = client.keys_in_header().send().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(307), "{error:?}");
    assert_eq!(error.headers().unwrap()["location"], away.as_str(), "the caller sees where it pointed");
    assert!(elsewhere.received_requests().await.unwrap().is_empty(), "nothing, and so no key, went to the other origin");

    // Within the origin, redirects are followed, with the credentials.
    let client = Client::builder().base_url(home.uri()).max_retries(0).api_key("k1").basic_auth("ada", "pw").build().unwrap();
    client.basic_and_key().send().await.unwrap();
    let moved = home.received_requests().await.unwrap().into_iter().find(|r| r.url.path() == "/moved").unwrap();
    assert_eq!(header(&moved, "x-api-key"), "k1");
}

#[tokio::test]
async fn a_header_parameter_named_like_the_key_header_is_sent_once() {
    let (server, _) = answering(ResponseTemplate::new(204)).await;
    let client = Client::builder().base_url(server.uri()).max_retries(0).api_key("k1").build().unwrap();
    client.key_also_declared().send().await.unwrap();
    client.key_also_declared().x_api_key("per-call").send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let values = |r: &Request| r.headers.get_all("x-api-key").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(values(&requests[0]), ["k1"], "the client's key when the parameter is unset");
    assert_eq!(values(&requests[1]), ["per-call"], "the parameter's value replaces it, once");
}

#[tokio::test]
async fn an_unknown_key_scheme_name_is_refused_at_build() {
    for name in ["QueryKey", "api_key", "X-API-Key", "nosuch"] {
        match Client::builder().api_key_for(name, "k").build() {
            Err(error @ constructs_client::BuildError::UnknownKeyScheme { .. }) => {
                let shown = error.to_string();
                assert!(shown.contains("queryKey") && shown.contains(name), "{shown}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(Client::builder().api_key_for("cookieKey", "k").build().is_ok());
}

#[tokio::test]
async fn headers_that_frame_or_route_a_request_are_refused_per_call() {
    use constructs_client::RequestOptions;
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    for name in ["Content-Length", "host", "Transfer-Encoding", "connection"] {
        let options = RequestOptions::new().header(name, "5");
        let error = client.keys_in_header().with_options(options).send().await.unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{name}: {error:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Every form a server may echo a credential back in.
fn echoed_forms(secret: &str) -> Vec<String> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    vec![
        secret.to_owned(),
        b64.encode(secret),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret),
        percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC).to_string(),
        form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
    ]
}

/// Display, Debug and every `source()` of an error, as one text.
fn everything_shown(error: &(dyn std::error::Error + 'static)) -> String {
    let mut shown = format!("{error} {error:?}");
    let mut source = error.source();
    while let Some(inner) = source {
        shown.push_str(&format!(" {inner} {inner:?}"));
        source = inner.source();
    }
    shown
}

#[tokio::test]
async fn no_error_shows_a_credential_in_any_form_or_more_than_a_preview() {
    let (user, password, key, token, per_call) = ("ada", "pw/SECRET+2", "key SECRET&3", "tok-SECRET1", "call-SECRET4");
    let mut secrets: Vec<String> = [password, key, token, per_call].iter().flat_map(|s| echoed_forms(s)).collect();
    secrets.extend(echoed_forms(&format!("{user}:{password}")));
    let echo = format!("{} {}", secrets.join(" "), "x".repeat(100_000));
    let quoted = serde_json::to_string(&echo).unwrap();
    let cases: [(u16, String); 4] = [
        (500, echo.clone()),                                         // UnexpectedStatus
        (418, format!(r#"{{"detail": {quoted}}}"#)),                 // Api, decoded
        (200, format!(r#"{{"id": "s1", "size": {quoted}}}"#)),       // InvalidBody, serde quotes it
        (200, format!(r#"{{"id": {quoted}, "size": "#)),             // InvalidBody, cut short
    ];
    let authorization = format!("Bearer {per_call}");
    for (status, body) in cases {
        let (_server, base) = answering(ResponseTemplate::new(status).set_body_raw(body.clone(), "application/json")).await;
        let client = Client::builder()
            .base_url(base.base_url())
            .max_retries(0)
            .basic_auth(user, password)
            .bearer_token(token)
            .api_key(key)
            .build()
            .unwrap();
        let options = constructs_client::RequestOptions::new().header("Authorization", authorization.as_str()).query("access_token", per_call);
        let error = client.ranged().with_options(options.clone()).send().await.unwrap_err();
        let shown = format!("{} {client:?} {options:?}", everything_shown(&error));
        for secret in &secrets {
            assert!(!shown.contains(secret.as_str()), "{status}: `{secret}` in {shown}");
        }
        assert!(shown.len() < 8 * 1024, "{status}: {} bytes shown of a {}-byte body", shown.len(), body.len());
        assert_eq!(error.raw_body().map(<[u8]>::len), Some(body.len()), "the body itself is kept whole");
    }

    let error = Client::builder().base_url(format!("https://{user}:{password}@example.com")).build().unwrap_err();
    let shown = everything_shown(&error);
    assert!(!shown.contains("SECRET"), "{shown}");
}

#[tokio::test]
async fn required_fields_of_one_type_are_set_by_name_and_a_missing_one_is_named() {
    use constructs_client::models::Order;
    let (server, client) = answering(ResponseTemplate::new(204)).await;
    // `build` is a field here, so the builder finishes with `build_2`.
    let order = Order::builder().name("tea").quantity(2).build("b-7").build_2().unwrap();
    client.place_order(order).send().await.unwrap();
    let sent: serde_json::Value = serde_json::from_slice(&only_request(&server).await.body).unwrap();
    assert_eq!(sent, serde_json::json!({"build": "b-7", "name": "tea", "quantity": 2}));
    let missing = Order::builder().name("tea").build("b-7").build_2().unwrap_err();
    assert_eq!((missing.type_name, missing.field), ("Order", "quantity"));
}

#[tokio::test]
async fn an_event_stream_is_read_as_typed_events() {
    use futures_util::TryStreamExt;
    let body = "event: chunk\ndata: {\"text\":\"hi\"}\n\n: heartbeat\n\ndata: {\"text\":\"there\"}\n\n";
    let (server, client) = answering(
        ResponseTemplate::new(200).set_body_raw(body, "text/event-stream"),
    )
    .await;
    let events = client.watch_events().send().await.unwrap();
    let events: Vec<_> = events.try_collect().await.unwrap();
    let texts: Vec<Option<&str>> = events.iter().map(|e| e.data.text.as_deref()).collect();
    assert_eq!(texts, [Some("hi"), Some("there")]);
    assert_eq!(events[0].event, "chunk");
    assert_eq!(header(&only_request(&server).await, "accept"), "text/event-stream");
}

/// A server answering each page of an inferred pagination by its query parameter.
async fn paged(pages: &[(Option<(&str, &str)>, serde_json::Value)]) -> (MockServer, Client) {
    paged_with_links(&pages.iter().map(|(query, body)| (*query, body.clone(), None)).collect::<Vec<_>>()).await
}

/// As [`paged`], each page with a `Link` header if given.
async fn paged_with_links(pages: &[(Option<(&str, &str)>, serde_json::Value, Option<&str>)]) -> (MockServer, Client) {
    use wiremock::matchers::{query_param, query_param_is_missing};
    let server = MockServer::start().await;
    for (query, body, link) in pages {
        let mock = match query {
            Some((name, value)) => Mock::given(query_param(*name, *value)),
            None => Mock::given(query_param_is_missing("cursor"))
                .and(query_param_is_missing("offset"))
                .and(query_param_is_missing("page")),
        };
        let mut response = ResponseTemplate::new(200).set_body_json(body);
        if let Some(link) = link {
            response = response.insert_header("link", *link);
        }
        mock.respond_with(response).mount(&server).await;
    }
    let client = Client::builder().base_url(server.uri()).max_retries(0).build().unwrap();
    (server, client)
}

fn texts(chunks: &[constructs_client::models::Chunk]) -> Vec<&str> {
    chunks.iter().map(|c| c.text.as_deref().unwrap_or_default()).collect()
}

#[tokio::test]
async fn an_inferred_cursor_pagination_follows_next_cursor_over_three_pages() {
    use futures_util::TryStreamExt;
    let (server, client) = paged(&[
        (None, serde_json::json!({"items": [{"text": "a"}], "next_cursor": "c2"})),
        (Some(("cursor", "c2")), serde_json::json!({"items": [{"text": "b"}], "next_cursor": "c3"})),
        (Some(("cursor", "c3")), serde_json::json!({"items": [{"text": "c"}], "next_cursor": ""})),
    ])
    .await;
    let items: Vec<_> = client.read_feed().items().try_collect().await.unwrap();
    assert_eq!(texts(&items), ["a", "b", "c"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn an_inferred_offset_pagination_advances_by_the_items_and_stops_at_the_total() {
    use futures_util::TryStreamExt;
    let (server, client) = paged(&[
        (None, serde_json::json!({"data": [{"text": "a"}, {"text": "b"}], "total": 5})),
        (Some(("offset", "2")), serde_json::json!({"data": [{"text": "c"}, {"text": "d"}], "total": 5})),
        (Some(("offset", "4")), serde_json::json!({"data": [{"text": "e"}], "total": 5})),
    ])
    .await;
    let items: Vec<_> = client.read_ledger().limit(2).items().try_collect().await.unwrap();
    assert_eq!(texts(&items), ["a", "b", "c", "d", "e"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn an_inferred_page_pagination_counts_pages_until_has_more_is_false() {
    use futures_util::TryStreamExt;
    let (server, client) = paged(&[
        (None, serde_json::json!({"results": [{"text": "a"}], "has_more": true})),
        (Some(("page", "2")), serde_json::json!({"results": [{"text": "b"}], "has_more": true})),
        (Some(("page", "3")), serde_json::json!({"results": [{"text": "c"}], "has_more": false})),
    ])
    .await;
    let items: Vec<_> = client.read_gallery().items().try_collect().await.unwrap();
    assert_eq!(texts(&items), ["a", "b", "c"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn an_inferred_link_pagination_takes_the_page_from_rel_next_and_stays_home() {
    use futures_util::TryStreamExt;
    let (server, client) = paged_with_links(&[
        (None, serde_json::json!([{"text": "a"}]), Some(r#"<https://elsewhere.example/archive?page=2&per_page=1>; rel="next", <https://elsewhere.example/archive?page=3>; rel="last""#)),
        (Some(("page", "2")), serde_json::json!([{"text": "b"}]), Some(r#"</archive?page=1>; rel="prev", </archive?page=3&per_page=1>; rel="next""#)),
        (Some(("page", "3")), serde_json::json!([{"text": "c"}]), Some(r#"</archive?page=2>; rel="prev""#)),
    ])
    .await;
    let items: Vec<_> = client.read_archive().per_page(1).items().try_collect().await.unwrap();
    assert_eq!(texts(&items), ["a", "b", "c"]);
    // Every page came from this client's own server, the link's host notwithstanding.
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.url.query().unwrap_or_default().contains("per_page=1")));
}

/// A server that answers `POST /chat` by the `Accept` header: JSON, events or audio bytes.
async fn chat_server() -> (MockServer, Client) {
    use wiremock::matchers::header as accept;
    let server = MockServer::start().await;
    let events = "data: {\"delta\":\"he\"}\n\ndata: {\"delta\":\"llo\"}\n\n";
    let answers = [
        ("application/json", ResponseTemplate::new(200).set_body_json(serde_json::json!({"text": "hello"}))),
        ("text/event-stream", ResponseTemplate::new(200).set_body_raw(events, "text/event-stream")),
        ("audio/mpeg", ResponseTemplate::new(200).set_body_raw(b"ID3\x00\xff".to_vec(), "audio/mpeg")),
    ];
    for (media_type, answer) in answers {
        Mock::given(accept("accept", media_type)).respond_with(answer).mount(&server).await;
    }
    let client = Client::builder().base_url(server.uri()).max_retries(0).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn one_operation_answers_json_events_or_bytes_each_by_its_own_method() {
    use constructs_client::models::CreateChatRequest;
    use futures_util::TryStreamExt;
    let (server, client) = chat_server().await;
    let ask = || CreateChatRequest::new("hi".into());
    let whole = client.create_chat(ask()).send().await.unwrap();
    assert_eq!(whole.text.as_deref(), Some("hello"));
    let events: Vec<_> = client.create_chat(ask()).send_stream().await.unwrap().try_collect().await.unwrap();
    let deltas: Vec<&str> = events.iter().map(|e| e.data.delta.as_deref().unwrap_or_default()).collect();
    assert_eq!(deltas, ["he", "llo"]);
    let audio = client.create_chat(ask()).send_bytes().await.unwrap();
    assert_eq!(audio.into_inner(), b"ID3\x00\xff".to_vec());
    // Each method asks for its own media type, and only the stream method asks for the stream.
    let sent: Vec<(String, serde_json::Value)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| (header(r, "accept").to_owned(), serde_json::from_slice(&r.body).unwrap()))
        .collect();
    assert_eq!(
        sent,
        [
            ("application/json".to_owned(), serde_json::json!({"prompt": "hi", "stream": false})),
            ("text/event-stream".to_owned(), serde_json::json!({"prompt": "hi", "stream": true})),
            ("audio/mpeg".to_owned(), serde_json::json!({"prompt": "hi", "stream": false})),
        ]
    );
}

#[tokio::test]
async fn json_lines_are_read_as_typed_items_whatever_their_line_ends() {
    use futures_util::TryStreamExt;
    let body = "{\"text\":\"a\"}\r\n\n{\"text\":\"b\"}\n{\"text\":\"c\"}";
    let (server, client) = answering(ResponseTemplate::new(200).set_body_raw(body, "application/x-ndjson")).await;
    let lines: Vec<_> = client.tail_logs().send().await.unwrap().try_collect().await.unwrap();
    let texts: Vec<&str> = lines.iter().map(|l| l.data.text.as_deref().unwrap_or_default()).collect();
    assert_eq!(texts, ["a", "b", "c"]);
    assert_eq!(header(&only_request(&server).await, "accept"), "application/x-ndjson");
}

#[tokio::test]
async fn fern_streaming_asks_by_its_condition_and_ends_at_the_terminator() {
    use constructs_client::models::CompleteRequest;
    use futures_util::TryStreamExt;
    let body = "data: {\"text\":\"one\"}\n\ndata: [DONE]\n\ndata: {\"text\":\"after the end\"}\n\n";
    let (server, client) = answering(ResponseTemplate::new(200).set_body_raw(body, "text/event-stream")).await;
    let mut ask = CompleteRequest::default();
    ask.prompt = Some("hi".into());
    let events: Vec<_> = client.complete(ask).send_stream().await.unwrap().try_collect().await.unwrap();
    let texts: Vec<&str> = events.iter().map(|e| e.data.text.as_deref().unwrap_or_default()).collect();
    assert_eq!(texts, ["one"], "nothing after `[DONE]`, and `[DONE]` itself is no event");
    let request = only_request(&server).await;
    assert_eq!(header(&request, "accept"), "text/event-stream");
    let sent: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(sent, serde_json::json!({"prompt": "hi", "live": true}));
}

#[tokio::test]
async fn fern_streaming_true_reads_a_json_body_as_lines() {
    use futures_util::TryStreamExt;
    let body = "{\"text\":\"x\"}\n{\"text\":\"y\"}\n";
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let lines: Vec<_> = client.tail_fern().send().await.unwrap().try_collect().await.unwrap();
    let texts: Vec<&str> = lines.iter().map(|l| l.data.text.as_deref().unwrap_or_default()).collect();
    assert_eq!(texts, ["x", "y"]);
}

#[tokio::test]
async fn a_base_with_a_choice_of_shapes_reads_as_a_union_of_whole_structs() {
    use constructs_client::models::Review;
    let body = serde_json::json!([
        {"id": "r1", "kind": "user", "user": "ann", "note": "looks good"},
        {"id": "r2", "kind": "team", "team": "ops"},
        {"id": "r3", "kind": "bot"}
    ]);
    let (_server, client) = answering(ResponseTemplate::new(200).set_body_json(&body)).await;
    let notes = client.list_reviews().send().await.unwrap().into_inner();
    match &notes[0].review {
        Review::ReviewVariant1(user) => assert_eq!((user.id.as_str(), user.user.as_str()), ("r1", "ann")),
        other => panic!("expected the user shape, got {other:?}"),
    }
    assert_eq!(notes[0].note.as_deref(), Some("looks good"));
    assert!(matches!(&notes[1].review, Review::ReviewVariant2(team) if team.team == "ops" && team.id == "r2"));
    assert!(matches!(&notes[2].review, Review::Other(_)), "an unlisted kind is kept");
    // Written back, each is one flat object again.
    assert_eq!(serde_json::to_value(&notes).unwrap(), body);
}
