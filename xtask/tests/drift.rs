//! Drift reports on golden before/after spec pairs, one pair per category of change, in both
//! OpenAPI 3.0 and 3.1 forms; reformatting is no change; the real specs are stable; exit codes.
//!
//! Each category directory holds `new.yaml`, the base spec (`base.yaml`) with one category's
//! changes, and the expected reports. The 3.1 form of every pair is derived from the 3.0 files
//! by the only rewrite they need (`openapi: 3.1.0`, `{type: X, nullable: true}` →
//! `{type: [X, 'null']}`); `nullability/` also has a hand-written 3.1 file using `anyOf`.
//! `UPDATE_EXPECT=1 cargo test -p xtask --test drift` rewrites the expectations (never in CI).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drift")
}

/// The 3.1 form of a 3.0 fixture.
fn to_31(text: &str) -> String {
    let mut out = text.replace("openapi: 3.0.3", "openapi: 3.1.0");
    for ty in ["string", "integer", "number", "boolean"] {
        out = out.replace(
            &format!("type: {ty}, nullable: true"),
            &format!("type: [{ty}, 'null']"),
        );
        for format in ["date-time", "int32"] {
            out = out.replace(
                &format!("type: {ty}, format: {format}, nullable: true"),
                &format!("type: [{ty}, 'null'], format: {format}"),
            );
        }
    }
    out
}

fn reports(old: &Path, new: &Path, api: &str) -> (String, String, bool) {
    let drift = xtask::drift::between(old, new, api, None)
        .unwrap_or_else(|e| panic!("{}: {e:#}", new.display()));
    let drifts = [drift];
    (
        codegen::drift::markdown(&drifts),
        codegen::drift::json(&drifts),
        drifts[0].is_breaking(),
    )
}

#[track_caller]
fn check(category: &str) {
    let dir = fixtures().join(category);
    let scratch = tempfile::tempdir().unwrap();
    // A category may bring its own base (servers with names, say).
    let base_file = Some(dir.join("base.yaml"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| fixtures().join("base.yaml"));
    let base = std::fs::read_to_string(base_file).unwrap();
    let new = std::fs::read_to_string(dir.join("new.yaml")).unwrap();
    let write = |name: &str, text: &str| {
        let path = scratch.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let (old_30, new_30) = (write("old.yaml", &base), write("new.yaml", &new));
    let (old_31, new_31) = (
        write("old.v31.yaml", &to_31(&base)),
        write("new.v31.yaml", &to_31(&new)),
    );
    let (md, json, _) = reports(&old_30, &new_30, category);
    if std::env::var_os("UPDATE_EXPECT").is_some() && std::env::var_os("CI").is_none() {
        std::fs::write(dir.join("expected.md"), &md).unwrap();
        std::fs::write(dir.join("expected.json"), &json).unwrap();
    }
    let expected_md = std::fs::read_to_string(dir.join("expected.md")).unwrap_or_default();
    let expected_json = std::fs::read_to_string(dir.join("expected.json")).unwrap_or_default();
    let mut forms = vec![
        ("3.0", old_30.clone(), new_30),
        ("3.1", old_31.clone(), new_31),
    ];
    if dir.join("new.v31.yaml").exists() {
        forms.push(("3.1 (hand-written)", old_31, dir.join("new.v31.yaml")));
    }
    for (form, old, new) in forms {
        let (md, json, _) = reports(&old, &new, category);
        assert_eq!(
            md, expected_md,
            "{category}, OpenAPI {form}: Markdown report differs from expected.md"
        );
        assert_eq!(
            json, expected_json,
            "{category}, OpenAPI {form}: JSON report differs from expected.json"
        );
    }
}

#[test]
fn operations_added_and_removed() {
    check("operations");
}

#[test]
fn operation_method_path_and_id_changes() {
    check("operation-identity");
}

#[test]
fn parameters_added_required_and_retyped() {
    check("parameters");
}

#[test]
fn parameter_moved() {
    check("parameter-moved");
}

#[test]
fn parameter_removed() {
    check("parameter-removed");
}

#[test]
fn request_fields() {
    check("request-fields");
}

#[test]
fn response_fields() {
    check("response-fields");
}

#[test]
fn an_include_that_becomes_composed() {
    check("includes");
}

#[test]
fn nullability() {
    check("nullability");
}

#[test]
fn types_and_formats() {
    check("types");
}

#[test]
fn enum_values() {
    check("enums");
}

#[test]
fn response_statuses_and_content_types() {
    check("responses");
}

#[test]
fn security_requirements() {
    check("security");
}

#[test]
fn servers() {
    check("servers");
}

#[test]
fn security_scheme_kinds() {
    check("security-schemes");
}

#[test]
fn security_changes_are_major_where_callers_must_set_up_other_credentials() {
    check("security-setters");
}

#[test]
fn validation_of_sent_values() {
    check("validation");
}

#[test]
fn a_response_that_may_be_null_changes_only_the_client() {
    check("response-nullable");
}

#[test]
fn wire_names_that_change_case() {
    check("field-case");
}

#[test]
fn method_arguments_in_a_new_order() {
    check("argument-order");
}

#[test]
fn a_named_server_that_moves() {
    check("server-moved");
}

#[test]
fn rust_api_changes_without_a_wire_change() {
    check("rust-api");
}

#[test]
fn tagged_union_alternatives_added_and_removed() {
    check("tagged-unions");
}

#[test]
fn success_statuses_with_their_own_types() {
    check("responses-by-status");
}

#[test]
fn a_query_array_written_in_another_style() {
    check("parameter-style");
}

#[test]
fn a_string_enum_that_becomes_an_integer_enum() {
    check("enum-kind");
}

#[test]
fn an_api_wide_change_is_one_entry_listing_its_operations() {
    check("api-wide");
}

#[test]
fn type_names_that_change_by_cause() {
    check("type-names");
}

#[test]
fn pagination_added_removed_and_changed() {
    check("pagination");
}

#[test]
fn send_methods_added_removed_and_their_types() {
    check("send-methods");
}

#[test]
fn every_category_directory_is_checked() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drift.rs"))
            .unwrap();
    for dir in dirs {
        assert!(
            source.contains(&format!("check(\"{dir}\")")),
            "tests/drift/{dir} has no test"
        );
    }
}

#[test]
fn the_real_specs_compared_with_themselves_give_an_empty_report() {
    let root = xtask::project_root();
    for (old, new) in [
        (
            root.join("specs/agentphone/openapi.json"),
            root.join("specs/agentphone/openapi.json"),
        ),
        (root.join("specs/convocore"), root.join("specs/convocore")),
    ] {
        let drift = xtask::drift::between(&old, &new, "x", None).unwrap();
        assert!(drift.changes.is_empty(), "{:?}", drift.changes);
    }
}

#[test]
fn operations_whose_paths_differ_only_in_a_variable_name_keep_their_own_partner() {
    // Seen in a real spec (loket.nl): two `GET`s whose paths have the same shape. Each is
    // paired with itself, not both with the first; a variable renamed in one still pairs.
    let spec = |year: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /payslips/{{runId}}:\n    get:\n      operationId: byRun\n      parameters: [{{name: runId, in: path, required: true, schema: {{type: string}}}}]\n      responses: {{'200': {{description: ok, content: {{application/json: {{schema: {{type: object, properties: {{run: {{type: string}}}}}}}}}}}}}}\n  /payslips/{{{year}}}:\n    get:\n      operationId: byYear\n      parameters: [{{name: {year}, in: path, required: true, schema: {{type: integer}}}}]\n      responses: {{'200': {{description: ok, content: {{application/pdf: {{}}}}}}}}\n"
        )
    };
    let scratch = tempfile::tempdir().unwrap();
    let (old, new) = (
        scratch.path().join("old.yaml"),
        scratch.path().join("new.yaml"),
    );
    std::fs::write(&old, spec("year")).unwrap();
    std::fs::write(&new, spec("year")).unwrap();
    let drift = xtask::drift::between(&old, &new, "x", None).unwrap();
    assert!(drift.changes.is_empty(), "{:?}", drift.changes);
    std::fs::write(&new, spec("calendarYear")).unwrap();
    let drift = xtask::drift::between(&old, &new, "x", None).unwrap();
    let kinds: Vec<&str> = drift.changes.iter().map(|c| c.kind.as_str()).collect();
    assert!(
        !kinds.contains(&"operation_removed") && !kinds.contains(&"operation_added"),
        "{kinds:?}"
    );
}

#[test]
fn reformatting_and_reordering_is_no_change() {
    // Each spec as YAML with the keys of every object in reverse order: the same API, so the
    // same names and the same choices (media type, tag property), and an empty report.
    let root = xtask::project_root();
    let scratch = tempfile::tempdir().unwrap();
    for (n, spec) in [
        "specs/agentphone/openapi.json",
        "xtask/tests/drift/reorder.yaml",
        "xtask/tests/constructs/v30.yaml",
        "xtask/tests/constructs/v31.yaml",
    ]
    .iter()
    .enumerate()
    {
        let text = std::fs::read_to_string(root.join(spec)).unwrap();
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let yaml = scratch.path().join(format!("reformatted-{n}.yaml"));
        std::fs::write(&yaml, serde_yaml::to_string(&reverse_keys(value)).unwrap()).unwrap();
        let drift = xtask::drift::between(&root.join(spec), &yaml, "api", None).unwrap();
        assert!(drift.changes.is_empty(), "{spec}: {:#?}", drift.changes);
    }
}

#[test]
fn moving_an_inline_schema_into_components_changes_nothing_on_the_wire() {
    // Lowering names a component's inline parts first, after the component.
    let root = xtask::project_root();
    let scratch = tempfile::tempdir().unwrap();
    // Convocore's create-conversation body (an inline object) and AgentPhone's nullable
    // webhook response (an inline `anyOf`) move into components.
    let fragments = root.join("specs/convocore");
    let moved = scratch.path().join("convocore");
    std::fs::create_dir(&moved).unwrap();
    for name in [
        "create-conversation.yaml",
        "get-agent-conversations.yaml",
        "get-single-conversation.yaml",
    ] {
        let text = std::fs::read_to_string(fragments.join(name)).unwrap();
        let mut doc: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let body =
            "/paths/~1agents~1{agentId}~1convos/post/requestBody/content/application~1json/schema";
        if let Some(schema) = doc.pointer(body).cloned() {
            doc["components"]["schemas"]["CreateAgentConvoRequest"] = schema;
            *doc.pointer_mut(body).unwrap() =
                serde_json::json!({"$ref": "#/components/schemas/CreateAgentConvoRequest"});
        }
        std::fs::write(moved.join(name), serde_yaml::to_string(&doc).unwrap()).unwrap();
    }
    let drift = xtask::drift::between(&fragments, &moved, "convocore", None).unwrap();
    // The moved body is a component now, and a component's inline parts are named after it
    // (`CreateAgentConvoRequestConversationAssignedTo`), so the types it shares with the
    // responses take its names: a Rust rename and nothing else.
    assert!(
        !drift.changes.is_empty(),
        "the shared inline types should take the component's names"
    );
    for change in &drift.changes {
        assert_eq!(
            change.kind,
            codegen::drift::ChangeKind::InlineTypeRenamed,
            "{change:#?}"
        );
        assert!(!change.breaking_wire, "{change:#?}");
        assert!(
            change.message.contains("to `CreateAgentConvoRequest"),
            "{change:#?}"
        );
    }

    let text = std::fs::read_to_string(root.join("specs/agentphone/openapi.json")).unwrap();
    let mut spec: serde_json::Value = serde_json::from_str(&text).unwrap();
    let webhook = "/paths/~1v1~1webhooks/get/responses/200/content/application~1json/schema";
    spec["components"]["schemas"]["MovedWebhookResponse"] = spec.pointer(webhook).unwrap().clone();
    *spec.pointer_mut(webhook).unwrap() =
        serde_json::json!({"$ref": "#/components/schemas/MovedWebhookResponse"});
    let path = scratch.path().join("agentphone.json");
    std::fs::write(&path, serde_json::to_string(&spec).unwrap()).unwrap();
    let drift = xtask::drift::between(
        &root.join("specs/agentphone/openapi.json"),
        &path,
        "agentphone",
        None,
    )
    .unwrap();
    assert!(drift.changes.is_empty(), "{:#?}", drift.changes);
}

fn reverse_keys(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.reverse();
            serde_json::Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, reverse_keys(v)))
                    .collect(),
            )
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(reverse_keys).collect())
        }
        other => other,
    }
}

fn drift_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("drift")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_status_is_0_without_breaking_changes_1_with_2_on_error() {
    let dir = fixtures();
    let base = dir.join("base.yaml");
    let same = drift_cli(&[
        "--old",
        base.to_str().unwrap(),
        "--new",
        base.to_str().unwrap(),
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );
    let breaking = drift_cli(&[
        "--old",
        base.to_str().unwrap(),
        "--new",
        dir.join("operations/new.yaml").to_str().unwrap(),
    ]);
    assert_eq!(breaking.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&breaking.stdout).contains("operation removed"));
    let json = drift_cli(&[
        "--format",
        "json",
        "--old",
        base.to_str().unwrap(),
        "--new",
        dir.join("servers/new.yaml").to_str().unwrap(),
    ]);
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["changes"][0]["api"], "new");
    let missing = drift_cli(&[
        "--old",
        "/nonexistent.yaml",
        "--new",
        base.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent.yaml"));
}
