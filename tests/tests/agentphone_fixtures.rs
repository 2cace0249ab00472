//! AgentPhone fixtures: every hand-written case in `tests/fixtures/agentphone/` reads into its generated type and writes back unchanged, every component schema in the spec has a fixture, and the typed values mean what the spec says.

use agentphone_models::{
    AgentResponse, CallSummary, ConversationSummary, ModelTier, Nullable, StringOrInteger, SttMode,
    UpdateAgentRequest, ValidationError, VoiceMode,
};
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The cases of `agentphone/<stem>.json`, which must be a non-empty JSON array.
fn cases(stem: &str) -> Vec<Value> {
    match tests::fixture(&format!("agentphone/{stem}.json")) {
        Value::Array(cases) if !cases.is_empty() => cases,
        other => panic!("{stem}.json must be a non-empty array of cases, got {other}"),
    }
}

/// Case `index` of `agentphone/<stem>.json`, round-tripped and returned typed.
fn case<T: serde::de::DeserializeOwned + serde::Serialize>(stem: &str, index: usize) -> T {
    let all = cases(stem);
    let json = all
        .get(index)
        .unwrap_or_else(|| panic!("{stem}.json has no case {index}"));
    tests::assert_round_trip::<T>(json, &format!("{stem}.json case {index}"))
}

/// One round-trip test per fixture file (named after the Rust type), and the table of
/// fixture stems that the coverage test compares with the spec and the fixture folder.
macro_rules! fixtures {
    ($($stem:literal => $ty:ident,)*) => {
        /// Every case of each fixture reads as its type and serializes back equivalently.
        #[allow(non_snake_case)]
        mod every_case_round_trips {
            $(
                #[test]
                fn $ty() {
                    for (index, json) in super::cases($stem).iter().enumerate() {
                        tests::assert_round_trip::<agentphone_models::$ty>(
                            json,
                            &format!("{}.json case {index}", $stem),
                        );
                    }
                }
            )*
        }

        /// File stems (component schema names as spelled in the spec) with a round-trip test.
        const FIXTURE_STEMS: &[&str] = &[$($stem),*];
    };
}

fixtures! {
    "AgentListResponse" => AgentListResponse,
    "AgentNumberResponse" => AgentNumberResponse,
    "AgentResponse" => AgentResponse,
    "AgentSignUpRequest" => AgentSignUpRequest,
    "AgentVerifyRequest" => AgentVerifyRequest,
    "AllTimeStatsResponse" => AllTimeStatsResponse,
    "AttachNumberRequest" => AttachNumberRequest,
    "AttachNumberResponse" => AttachNumberResponse,
    "CallListResponse" => CallListResponse,
    "CallSummary" => CallSummary,
    "ContactListResponse" => ContactListResponse,
    "ContactResponse" => ContactResponse,
    "ConversationDetail" => ConversationDetail,
    "CreateAgentRequest" => CreateAgentRequest,
    "CreateContactRequest" => CreateContactRequest,
    "CreateNumberRequest" => CreateNumberRequest,
    "CreateOutboundCallRequest" => CreateOutboundCallRequest,
    "CreateWebCallRequest" => CreateWebCallRequest,
    "DailyUsagePoint" => DailyUsagePoint,
    "DailyUsageResponse" => DailyUsageResponse,
    "DeleteAgentResponse" => DeleteAgentResponse,
    "HTTPValidationError" => HttpValidationError,
    "MessageInConversation" => MessageInConversation,
    "MessageListResponse" => MessageListResponse,
    "MessageResponse" => MessageResponse,
    "MessagesListResponse" => MessagesListResponse,
    "MonthlyUsagePoint" => MonthlyUsagePoint,
    "MonthlyUsageResponse" => MonthlyUsageResponse,
    "NumberLimits" => NumberLimits,
    "PaginatedDeliveriesResponse" => PaginatedDeliveriesResponse,
    "PhoneNumberListResponse" => PhoneNumberListResponse,
    "PhoneNumberResponse" => PhoneNumberResponse,
    "PlanInfo" => PlanInfo,
    "PlanLimits" => PlanLimits,
    "SendMessageRequest" => SendMessageRequest,
    "SendMessageResponse" => SendMessageResponse,
    "SendReactionRequest" => SendReactionRequest,
    "SendReactionResponse" => SendReactionResponse,
    "UpdateAgentRequest" => UpdateAgentRequest,
    "UpdateContactRequest" => UpdateContactRequest,
    "UpdateConversationRequest" => UpdateConversationRequest,
    "UsageResponse" => UsageResponse,
    "UsageStats" => UsageStats,
    "ValidationError" => ValidationError,
    "WebhookCreateRequest" => WebhookCreateRequest,
    "WebhookDeliveryResponse" => WebhookDeliveryResponse,
    "WebhookDeliveryStatsResponse" => WebhookDeliveryStatsResponse,
    "WebhookResponse" => WebhookResponse,
    "app__routes__agents__ConversationListResponse" => AgentConversationListResponse,
    "app__routes__agents__ConversationSummary" => AgentConversationSummary,
    "app__routes__conversations__ConversationListResponse" => ConversationListResponse,
    "app__routes__conversations__ConversationSummary" => ConversationSummary,
}

#[test]
fn every_spec_schema_has_a_fixture_and_every_fixture_is_tested() {
    let spec_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/agentphone/openapi.json");
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(&spec_path).unwrap()).unwrap();
    let in_spec: BTreeSet<String> = spec["components"]["schemas"]
        .as_object()
        .expect("the spec has components.schemas")
        .keys()
        .cloned()
        .collect();

    let dir = tests::fixture_path("agentphone");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .map(|name| match name.strip_suffix(".json") {
            Some(stem) => stem.to_owned(),
            None => panic!("{name} in {} is not a .json fixture", dir.display()),
        })
        .collect();

    let tested: BTreeSet<String> = FIXTURE_STEMS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        tested.len(),
        FIXTURE_STEMS.len(),
        "a stem is listed twice in the fixtures! table"
    );

    let missing_fixture: Vec<_> = in_spec.difference(&on_disk).collect();
    assert!(
        missing_fixture.is_empty(),
        "schemas without a fixture file: {missing_fixture:?}"
    );
    let untested: Vec<_> = on_disk.difference(&tested).collect();
    assert!(
        untested.is_empty(),
        "fixture files not in the fixtures! table: {untested:?}"
    );
    let not_in_spec: Vec<_> = tested.difference(&in_spec).collect();
    assert!(
        not_in_spec.is_empty(),
        "fixtures! entries that are not spec schemas: {not_in_spec:?}"
    );
    assert_eq!(
        in_spec.len(),
        52,
        "the AgentPhone spec has 52 component schemas"
    );
}

#[test]
fn update_agent_request_keeps_null_absent_and_value_apart() {
    let null: UpdateAgentRequest = serde_json::from_value(json!({"description": null})).unwrap();
    assert_eq!(null.description, Nullable::Null);
    assert_eq!(null.name, Nullable::Absent);
    assert_eq!(null, {
        let mut request = UpdateAgentRequest::new();
        request.description = Nullable::Null;
        request
    });

    let absent: UpdateAgentRequest = serde_json::from_value(json!({})).unwrap();
    assert_eq!(absent.description, Nullable::Absent);
    assert_eq!(absent, UpdateAgentRequest::default());

    let value: UpdateAgentRequest =
        serde_json::from_value(json!({"description": "Downtown clinic"})).unwrap();
    assert_eq!(
        value.description,
        Nullable::Value("Downtown clinic".to_owned())
    );

    // The same three states as read from the fixture file.
    assert_eq!(
        case::<UpdateAgentRequest>("UpdateAgentRequest", 3).description,
        Nullable::Null
    );
    assert_eq!(
        case::<UpdateAgentRequest>("UpdateAgentRequest", 1).description,
        Nullable::Absent
    );
    assert!(matches!(
        case::<UpdateAgentRequest>("UpdateAgentRequest", 0).description,
        Nullable::Value(_)
    ));
}

#[test]
fn update_agent_request_writes_null_only_for_null_fields() {
    let mut clear_description = UpdateAgentRequest::new();
    clear_description.description = Nullable::Null;
    assert_eq!(
        serde_json::to_value(&clear_description).unwrap(),
        json!({"description": null})
    );
    assert_eq!(
        serde_json::to_string(&clear_description).unwrap(),
        r#"{"description":null}"#
    );
    assert_eq!(
        serde_json::to_value(UpdateAgentRequest::default()).unwrap(),
        json!({})
    );

    let mut set_tier = UpdateAgentRequest::new();
    set_tier.model_tier = Nullable::Value(ModelTier::Turbo);
    assert_eq!(
        serde_json::to_value(&set_tier).unwrap(),
        json!({"modelTier": "turbo"})
    );
}

#[test]
fn unknown_enum_values_land_in_other_and_serialize_back_unchanged() {
    let agent: AgentResponse = case("AgentResponse", 3);
    assert_eq!(agent.voice_mode, VoiceMode::Other("sip".to_owned()));
    assert_eq!(agent.model_tier, Some(ModelTier::Other("ultra".to_owned())));
    assert_eq!(
        agent.stt_mode,
        Some(SttMode::Other("whisper-large".to_owned()))
    );
    let back = serde_json::to_value(&agent).unwrap();
    assert_eq!(back["voiceMode"], json!("sip"));
    assert_eq!(back["modelTier"], json!("ultra"));
    assert_eq!(back["sttMode"], json!("whisper-large"));

    // Listed values still get their own variants, and `Nullable` wraps the same behaviour.
    let known: AgentResponse = case("AgentResponse", 0);
    assert_eq!(
        (known.voice_mode, known.model_tier, known.stt_mode),
        (
            VoiceMode::Hosted,
            Some(ModelTier::Max),
            Some(SttMode::Accurate)
        )
    );
    let update: UpdateAgentRequest = case("UpdateAgentRequest", 5);
    assert_eq!(
        update.voice_mode,
        Nullable::Value(VoiceMode::Other("sip".to_owned()))
    );
    assert_eq!(
        update.stt_mode,
        Nullable::Value(SttMode::Other("whisper-large".to_owned()))
    );
    assert_eq!(ModelTier::from("ultra").as_str(), "ultra");
}

#[test]
fn offset_less_timestamps_read_as_utc_and_offsets_convert_to_utc() {
    let naive: AgentResponse = case("AgentResponse", 1);
    assert_eq!(
        naive.created_at,
        Utc.with_ymd_and_hms(2024, 5, 2, 8, 30, 15).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&naive).unwrap()["createdAt"],
        json!("2024-05-02T08:30:15Z")
    );

    // "2024-05-03T23:59:59.123+02:00"
    let offset: AgentResponse = case("AgentResponse", 2);
    let expected =
        Utc.with_ymd_and_hms(2024, 5, 3, 21, 59, 59).unwrap() + chrono::Duration::milliseconds(123);
    assert_eq!(offset.created_at, expected);

    // Nullable date-times too: "2024-05-01T14:10:05" with a null end.
    let call: CallSummary = case("CallSummary", 1);
    assert_eq!(
        call.started_at,
        Utc.with_ymd_and_hms(2024, 5, 1, 14, 10, 5).unwrap()
    );
    assert_eq!(call.ended_at, None);
}

#[test]
fn required_nullable_fields_are_written_as_null_and_unset_optional_ones_are_omitted() {
    let agent: AgentResponse = case("AgentResponse", 1);
    assert_eq!(agent.description, None);
    assert_eq!(
        agent.model_tier, None,
        "a spec default is not filled in on read"
    );
    assert_eq!(agent.system_prompt, Nullable::Absent);
    let back = serde_json::to_value(&agent).unwrap();
    assert_eq!(back.get("description"), Some(&Value::Null));
    for omitted in ["modelTier", "sttMode", "systemPrompt", "numbers"] {
        assert!(
            back.get(omitted).is_none(),
            "{omitted} should be omitted: {back}"
        );
    }

    let call: CallSummary = case("CallSummary", 1);
    let back = serde_json::to_value(&call).unwrap();
    for null in [
        "agentId",
        "phoneNumberId",
        "phoneNumber",
        "endedAt",
        "durationSeconds",
        "lastTranscriptSnippet",
    ] {
        assert_eq!(
            back.get(null),
            Some(&Value::Null),
            "{null} should be written as null: {back}"
        );
    }
}

#[test]
fn unknown_properties_are_accepted_and_not_written_back() {
    let agent: AgentResponse = case("AgentResponse", 4);
    let back = serde_json::to_value(&agent).unwrap();
    assert!(
        back.get("unknownExtraField").is_none() && back.get("unknownLastCallAt").is_none(),
        "{back}"
    );
    assert_eq!(agent.name, "Sales");
}

#[test]
fn validation_error_locations_keep_strings_and_integers() {
    let error: ValidationError = case("ValidationError", 1);
    assert_eq!(
        error.loc,
        vec![
            StringOrInteger::String("body".to_owned()),
            StringOrInteger::String("data".to_owned()),
            StringOrInteger::Integer(0),
            StringOrInteger::String("phoneNumber".to_owned()),
        ]
    );
}

#[test]
fn free_form_metadata_keeps_nested_values() {
    let summary: ConversationSummary = case("app__routes__conversations__ConversationSummary", 0);
    let metadata = summary.metadata.as_ref().expect("metadata is set");
    assert_eq!(metadata["customerId"], json!("cus_42"));
    assert_eq!(metadata["notes"], Value::Null);
    assert_eq!(metadata["nested"], json!({"a": [1, 2, 3]}));

    let absent: ConversationSummary = case("app__routes__conversations__ConversationSummary", 1);
    assert_eq!(absent.metadata, Nullable::Absent);
    let null: ConversationSummary = case("app__routes__conversations__ConversationSummary", 2);
    assert_eq!(null.metadata, Nullable::Null);
}
