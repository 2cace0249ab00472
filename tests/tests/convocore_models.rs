//! Convocore's documented payloads deserialize into the generated types and serialize back
//! to equivalent JSON; and the model rules hold on Convocore's real shapes.

use convocore_models::{
    Conversation, ConversationStage, ConversationState, CreateAgentConvoRequest,
    CreateAgentConvoResponse, CrmChannel, ErrorResponse, GetAgentConvoResponse,
    GetAgentConvosResponse, NumberOrString,
};
use serde_json::json;
use tests::{assert_round_trip, fixture};

#[test]
fn doc_page_create_request_round_trips() {
    let request: CreateAgentConvoRequest = assert_round_trip(
        &fixture("convocore/create-conversation.request.json"),
        "create request",
    );
    assert_eq!(request.conversation.ts, 1699999999.0);
    assert_eq!(request.conversation.messages_num, Some(0.0));
    assert_eq!(
        request.conversation.tags.as_deref(),
        Some(&["new-lead".to_owned()][..])
    );
}

#[test]
fn doc_page_create_response_round_trips() {
    let response: CreateAgentConvoResponse = assert_round_trip(
        &fixture("convocore/create-conversation.response.json"),
        "create response",
    );
    assert!(response.success);
    assert_eq!(response.data.id.as_deref(), Some("agent123_convo456"));
    assert_eq!(response.data.user_id.as_deref(), Some("agent123_convo456"));
}

#[test]
fn doc_page_list_response_round_trips() {
    let response: GetAgentConvosResponse = assert_round_trip(
        &fixture("convocore/get-agent-conversations.response.json"),
        "list response",
    );
    let first = &response.data[0];
    assert_eq!(first.first_message_ts, Some(1699999000.0));
    assert_eq!(first.origin, Some(json!("web-chat")));
}

#[test]
fn doc_page_single_response_round_trips() {
    let response: GetAgentConvoResponse = assert_round_trip(
        &fixture("convocore/get-single-conversation.response.json"),
        "single response",
    );
    assert_eq!(
        response.data.unwrap().state,
        Some(ConversationState::AiChatting)
    );
}

#[test]
fn one_conversation_type_serves_all_three_operations() {
    let create: CreateAgentConvoResponse =
        serde_json::from_value(fixture("convocore/create-conversation.response.json")).unwrap();
    let list: GetAgentConvosResponse =
        serde_json::from_value(fixture("convocore/get-agent-conversations.response.json")).unwrap();
    let single: GetAgentConvoResponse =
        serde_json::from_value(fixture("convocore/get-single-conversation.response.json")).unwrap();
    let single = single.data.unwrap();
    let all: [&Conversation; 3] = [&create.data, &list.data[0], &single];
    assert!(all
        .iter()
        .all(|c| c.id.as_deref() == Some("agent123_convo456")));
}

#[test]
fn enum_wire_values_are_exact_and_unknown_values_round_trip() {
    let stage: ConversationStage = serde_json::from_value(json!("email_sent")).unwrap();
    assert_eq!(stage, ConversationStage::EmailSent);
    let channel: CrmChannel = serde_json::from_value(json!("Phone/Call")).unwrap();
    assert_eq!(channel, CrmChannel::PhoneCall);
    assert_eq!(
        serde_json::to_value(CrmChannel::ZoomVideo).unwrap(),
        json!("Zoom/Video")
    );
    let unknown: CrmChannel = serde_json::from_value(json!("Carrier Pigeon")).unwrap();
    assert_eq!(unknown, CrmChannel::Other("Carrier Pigeon".into()));
    assert_eq!(
        serde_json::to_value(&unknown).unwrap(),
        json!("Carrier Pigeon")
    );
    assert_eq!(unknown.as_str(), "Carrier Pigeon");
    assert_eq!(CrmChannel::from("In Person"), CrmChannel::InPerson);
    assert_eq!(CrmChannel::InPerson.to_string(), "In Person");
}

#[test]
fn wire_names_survive_snake_case_fields() {
    let conversation: Conversation = serde_json::from_value(json!({
        "ID": "c1", "userID": "u1", "messagesNum": 3, "firstMessageTS": 10, "listenUrl": "x"
    }))
    .unwrap();
    assert_eq!(
        (conversation.id.as_deref(), conversation.user_id.as_deref()),
        (Some("c1"), Some("u1"))
    );
    let back = serde_json::to_value(&conversation).unwrap();
    assert_eq!(
        back,
        json!({"ID": "c1", "userID": "u1", "messagesNum": 3.0, "firstMessageTS": 10.0})
    );
}

#[test]
fn additional_properties_false_does_not_reject_server_additions() {
    let conversation: Conversation =
        serde_json::from_value(json!({"ID": "c1", "brandNewServerField": {"nested": true}}))
            .unwrap();
    assert_eq!(conversation.id.as_deref(), Some("c1"));
}

#[test]
fn any_of_number_or_string_is_an_untagged_union() {
    let conversation: Conversation =
        serde_json::from_value(json!({"value": 12.5, "lastActivityDate": "2024-01-01"})).unwrap();
    assert_eq!(conversation.value, Some(NumberOrString::Number(12.5)));
    let conversation: Conversation = serde_json::from_value(json!({"value": "high"})).unwrap();
    assert_eq!(
        conversation.value,
        Some(NumberOrString::String("high".into()))
    );
}

#[test]
fn array_without_items_holds_any_json() {
    let conversation: Conversation =
        serde_json::from_value(json!({"sessions": [1, "two", {"three": 3}], "campaignCalls": []}))
            .unwrap();
    assert_eq!(
        conversation.sessions,
        Some(vec![json!(1), json!("two"), json!({"three": 3})])
    );
}

#[test]
fn response_defaults_apply_when_absent_and_are_not_written_back() {
    let conversation: Conversation = serde_json::from_value(json!({})).unwrap();
    assert_eq!(conversation.lead_score, 0.0);
    assert!(conversation.funnel_steps_matched.is_empty());
    assert!(!conversation.funnel_notification_sent);
    assert_eq!(serde_json::to_value(&conversation).unwrap(), json!({}));
    assert_eq!(conversation, Conversation::default());
}

#[test]
fn request_fields_with_defaults_stay_optional() {
    // In a request an absent field and the default are not the same thing to every server.
    let request: CreateAgentConvoRequest =
        serde_json::from_value(json!({"conversation": {"ts": 1}})).unwrap();
    assert_eq!(request.conversation.lead_score, None);
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"conversation": {"ts": 1.0}})
    );
}

#[test]
fn nullable_required_and_optional_shapes() {
    // `humanClaimedAt` is optional and nullable (3.0 `nullable: true`): absent, null and a value differ.
    let absent: Conversation = serde_json::from_value(json!({})).unwrap();
    let null: Conversation = serde_json::from_value(json!({"humanClaimedAt": null})).unwrap();
    let value: Conversation = serde_json::from_value(json!({"humanClaimedAt": 5})).unwrap();
    assert!(absent.human_claimed_at.is_absent());
    assert!(null.human_claimed_at.is_null());
    assert_eq!(value.human_claimed_at.as_ref(), Some(&5.0));
    assert_eq!(
        serde_json::to_value(&null).unwrap(),
        json!({"humanClaimedAt": null})
    );
}

#[test]
fn default_error_body_has_its_own_type() {
    let error: ErrorResponse = assert_round_trip(
        &json!({"message": "bad", "code": "BAD_REQUEST", "issues": [{"message": "ts is required"}]}),
        "error",
    );
    assert_eq!(error.issues.unwrap()[0].message, "ts is required");
    assert!(serde_json::from_value::<ErrorResponse>(json!({"message": "no code"})).is_err());
}
