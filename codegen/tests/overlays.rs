//! Overlays: each action kind in Overlay 1.0 and 1.1, the errors (naming the overlay file and
//! the action), and an overlay on the vendored AgentPhone spec changing the lowered model and
//! the generated client.

use codegen::spec::{document, SpecFile};
use serde_json::{json, Value};

const SPEC: &str = r#"{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "tags": [{"name": "a"}],
  "paths": {
    "/things": {"get": {"operationId": "list", "description": "old", "x-drop": true,
      "x-list": [0, 1, 2, 3],
      "responses": {"200": {"description": "ok"}}}},
    "/other": {"get": {"operationId": "other", "x-drop": 1, "responses": {"200": {"description": "ok"}}}}
  }
}"#;

fn file(path: &str, text: &str) -> SpecFile {
    SpecFile {
        path: path.into(),
        text: text.into(),
    }
}

/// The spec with an overlay of the given version and actions (YAML list items) applied.
fn overlaid_with(version: &str, actions: &str) -> Result<Value, String> {
    let overlay =
        format!("overlay: {version}\ninfo: {{title: o, version: '1'}}\nactions:\n{actions}");
    document(&[file("spec.json", SPEC)], &[file("o.yaml", &overlay)])
        .map(|(doc, _, _)| doc)
        .map_err(|e| e.to_string())
}

fn overlaid(actions: &str) -> Result<Value, String> {
    overlaid_with("1.0.0", actions)
}

/// Applying the actions fails with a message that starts with `expected`.
#[track_caller]
fn check_error(version: &str, actions: &str, expected: &str) {
    let error = overlaid_with(version, actions).expect_err(expected);
    assert!(
        error.starts_with(expected),
        "for\n{actions}\ngot:    {error}\nwanted: {expected}"
    );
}

#[test]
fn update_merges_objects_recursively_and_replaces_values() {
    let doc = overlaid(
        "  - target: $.paths['/things'].get\n    update: {description: new, responses: {'404': {description: missing}}}\n",
    )
    .unwrap();
    let op = &doc["paths"]["/things"]["get"];
    assert_eq!(op["description"], "new");
    assert_eq!(
        op["responses"]["200"]["description"], "ok",
        "merged, not replaced"
    );
    assert_eq!(op["responses"]["404"]["description"], "missing");
}

#[test]
fn update_applies_to_every_match() {
    let doc =
        overlaid("  - target: $.paths.*.get\n    update: {x-safe: true, x-drop: 7}\n").unwrap();
    for path in ["/things", "/other"] {
        assert_eq!(doc["paths"][path]["get"]["x-safe"], true, "{path}");
        assert_eq!(doc["paths"][path]["get"]["x-drop"], 7, "{path}");
    }
    // A node the query selects twice is updated once.
    let doc = overlaid("  - target: $.tags[0,0]\n    update: {description: d}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a", "description": "d"}]));
    let doc = overlaid("  - target: $['tags','tags']\n    update: {name: b}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "b"}]));
}

#[test]
fn update_appends_to_arrays() {
    let doc = overlaid("  - target: $.tags\n    update: {name: b}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "b"}]));
    // An array inside an update is concatenated with the document's.
    let doc = overlaid("  - target: $\n    update: {tags: [{name: c}]}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "c"}]));
    // Selected directly, 1.0 appends an array as one entry; 1.1 concatenates it.
    let target = "  - target: $.paths['/things'].get['x-list']\n    update: [4, 5]\n";
    assert_eq!(
        overlaid(target).unwrap()["paths"]["/things"]["get"]["x-list"],
        json!([0, 1, 2, 3, [4, 5]])
    );
    let doc = overlaid_with("1.1.0", target).unwrap();
    assert_eq!(
        doc["paths"]["/things"]["get"]["x-list"],
        json!([0, 1, 2, 3, 4, 5])
    );
}

#[test]
fn a_null_in_an_update_leaves_objects_and_arrays_alone() {
    // The specification's structured example lists `components:` and `tags:` without values.
    let doc = overlaid("  - target: $\n    update: {info: {x-applied: yes}, tags: null, paths: null, x-new: null}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}]));
    assert_eq!(doc["info"]["x-applied"], "yes");
    assert!(doc["paths"]["/things"].is_object());
    assert_eq!(
        doc["x-new"],
        Value::Null,
        "a new property is inserted, null or not"
    );
}

#[test]
fn overlay_1_1_replaces_primitives() {
    let doc = overlaid_with(
        "1.1.0",
        "  - target: $.paths.*.get.operationId\n    update: renamed\n",
    )
    .unwrap();
    assert_eq!(doc["paths"]["/things"]["get"]["operationId"], "renamed");
    assert_eq!(doc["paths"]["/other"]["get"]["operationId"], "renamed");
}

#[test]
fn overlay_1_1_copies_a_node() {
    let doc = overlaid_with(
        "1.1.0",
        "  - target: $.paths['/other'].get\n    copy: $.paths['/things'].get\n",
    )
    .unwrap();
    let other = &doc["paths"]["/other"]["get"];
    assert_eq!(other["description"], "old", "inserted");
    assert_eq!(other["operationId"], "list", "replaced");
    assert_eq!(
        doc["paths"]["/things"]["get"]["operationId"], "list",
        "the source stays"
    );
    let doc = overlaid_with("1.1.0", "  - target: $.tags\n    copy: $.tags[0]\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "a"}]));
}

#[test]
fn remove_deletes_every_match_and_actions_apply_in_order() {
    let doc = overlaid(
        "  - target: $.paths.*.get['x-drop']\n    remove: true\n  - target: $.paths['/other']\n    remove: true\n",
    )
    .unwrap();
    assert!(doc["paths"]["/things"]["get"].get("x-drop").is_none());
    assert!(doc["paths"].get("/other").is_none());
    let doc = overlaid("  - target: $.tags[0]\n    remove: true\n").unwrap();
    assert_eq!(doc["tags"], json!([]));
    // Out of order and repeated indexes still remove exactly the elements selected.
    let doc = overlaid("  - target: $.paths['/things'].get['x-list'][2,0,0]\n    remove: true\n")
        .unwrap();
    assert_eq!(doc["paths"]["/things"]["get"]["x-list"], json!([1, 3]));
    let doc = overlaid("  - target: $.paths['/things'].get['x-list'][?@ > 1]\n    remove: true\n")
        .unwrap();
    assert_eq!(doc["paths"]["/things"]["get"]["x-list"], json!([0, 1]));
    // A node and its descendants together.
    let doc = overlaid("  - target: $.paths..['x-list', 'get']\n    remove: true\n").unwrap();
    assert_eq!(doc["paths"], json!({"/things": {}, "/other": {}}));
    // `remove: true` wins over an update beside it, as the specification says.
    let doc = overlaid("  - target: $.tags\n    update: {name: b}\n    remove: true\n").unwrap();
    assert!(doc.get("tags").is_none());
}

#[test]
fn a_target_that_matches_nothing_is_an_error() {
    check_error(
        "1.0.0",
        "  - target: $.paths['/nope']\n    update: {x: 1}\n",
        "o.yaml#/actions/0: target `$.paths['/nope']` matches nothing in the document",
    );
    check_error("1.1.0", "  - target: $.tags\n    update: {name: b}\n  - target: $.paths[?@.get.operationId == 'gone']\n    remove: true\n", "o.yaml#/actions/1: target `$.paths[?@.get.operationId == 'gone']` matches nothing in the document");
}

#[test]
fn a_bad_jsonpath_is_an_error() {
    check_error(
        "1.0.0",
        "  - target: $.tags\n    update: {name: b}\n  - target: '$.[['\n    remove: true\n",
        "o.yaml#/actions/1: `$.[[` is not a valid JSONPath",
    );
    check_error(
        "1.0.0",
        "  - target: paths\n    remove: true\n",
        "o.yaml#/actions/0: `paths` is not a valid JSONPath",
    );
    // The regex functions are not compiled in (see the README); `length` and `count` are.
    check_error(
        "1.0.0",
        "  - target: $.paths[?match(@.get.operationId, 'l.*')]\n    remove: true\n",
        "o.yaml#/actions/0: `$.paths[?match(@.get.operationId, 'l.*')]` is not a valid JSONPath",
    );
    let doc =
        overlaid("  - target: $.paths[?length(@.get['x-list']) == 4]\n    remove: true\n").unwrap();
    assert!(doc["paths"].get("/things").is_none());
    check_error(
        "1.1.0",
        "  - target: $.tags\n    copy: $[\n",
        "o.yaml#/actions/0: `$[` is not a valid JSONPath",
    );
}

#[test]
fn a_bad_action_is_an_error() {
    let cases = [
        ("1.0.0", "  - target: $.info.title\n    update: {x: 1}\n", "o.yaml#/actions/0: target `$.info.title` selects a value that is neither an object nor an array (Overlay 1.1 can replace it)"),
        ("1.0.0", "  - target: $.info\n    update: 3\n", "o.yaml#/actions/0: target `$.info` selects an object, so the update must be an object"),
        ("1.1.0", "  - target: $.info.title\n    update: {x: 1}\n", "o.yaml#/actions/0: target `$.info.title` selects a primitive value, so the update must be one too"),
        ("1.1.0", "  - target: $.paths['/things'].get.*\n    update: 1\n", "o.yaml#/actions/0: target `$.paths['/things'].get.*` selects nodes of different kinds"),
        ("1.0.0", "  - target: $.paths['/things'].get\n    update: {description: {text: x}}\n", "o.yaml#/actions/0: the update gives an object for `/paths/~1things/get/description`, where the document has a primitive value"),
        ("1.0.0", "  - target: $\n    update: {tags: {name: b}}\n", "o.yaml#/actions/0: the update gives an object for `/tags`, where the document has an array"),
        ("1.0.0", "  - target: $.info\n", "o.yaml#/actions/0: an action needs `update`, `copy` or `remove: true`"),
        ("1.0.0", "  - target: $.info\n    remove: yes please\n", "o.yaml#/actions/0: `remove` must be true or false"),
        ("1.0.0", "  - target: $.info\n    updaet: {x: 1}\n", "o.yaml#/actions/0: unknown action field `updaet`"),
        ("1.0.0", "  - update: {x: 1}\n", "o.yaml#/actions/0: an action needs a `target` (a JSONPath)"),
        ("1.0.0", "  - $.info\n", "o.yaml#/actions/0: an action must be an object"),
        ("1.0.0", "  - target: $\n    remove: true\n", "o.yaml#/actions/0: target `$` selects the document itself, which cannot be removed"),
        ("1.0.0", "  - target: $.tags\n    copy: $.tags[0]\n", "o.yaml#/actions/0: `copy` needs an Overlay 1.1 document"),
        ("1.1.0", "  - target: $.tags\n    copy: $.tags[0]\n    update: {name: b}\n", "o.yaml#/actions/0: an action takes `update` or `copy`, not both"),
        ("1.1.0", "  - target: $.tags\n    copy: $.paths.*.get\n", "o.yaml#/actions/0: `copy` `$.paths.*.get` selects 2 nodes; it must select exactly one"),
        ("1.1.0", "  - target: $.tags\n    copy: $.nope\n", "o.yaml#/actions/0: `copy` `$.nope` selects 0 nodes; it must select exactly one"),
    ];
    for (version, actions, expected) in cases {
        check_error(version, actions, expected);
    }
}

#[test]
fn a_bad_overlay_document_is_an_error_naming_the_file() {
    let bad = |text: &str| {
        document(&[file("spec.json", SPEC)], &[file("overlays/o.yaml", text)])
            .unwrap_err()
            .to_string()
    };
    let cases = [
        ("overlay: 2.0.0\ninfo: {title: o, version: '1'}\nactions: [{target: $, update: {}}]\n", "overlays/o.yaml#/overlay: not an Overlay 1.0 or 1.1 document"),
        ("openapi: 3.1.0\ninfo: {title: o, version: '1'}\npaths: {}\n", "overlays/o.yaml#/overlay: not an Overlay 1.0 or 1.1 document"),
        ("overlay: 1.0.0\nactions: [{target: $, update: {}}]\n", "overlays/o.yaml#/info: an overlay needs `info`"),
        ("overlay: 1.0.0\ninfo: {title: o}\nactions: [{target: $, update: {}}]\n", "overlays/o.yaml#/info: an overlay needs `info`"),
        ("overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions: []\n", "overlays/o.yaml#/actions: an overlay needs a non-empty `actions` list"),
        ("overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions: [{target: $, update: {}}]\nextra: 1\n", "overlays/o.yaml#/extra: unknown overlay field `extra`"),
        ("- overlay: 1.0.0\n", "overlays/o.yaml: an overlay must be an object"),
        ("overlay: [\n", "overlays/o.yaml: cannot parse"),
        ("{\"overlay\": \"1.0.0\",", "overlays/o.yaml: cannot parse: invalid JSON"),
    ];
    for (text, expected) in cases {
        let error = bad(text);
        assert!(
            error.starts_with(expected),
            "for\n{text}\ngot:    {error}\nwanted: {expected}"
        );
    }
    // JSON overlays work as YAML ones do, and extensions and `extends` are accepted.
    let json = r#"{"overlay": "1.0.0", "info": {"title": "o", "version": "1"}, "extends": "spec.json", "x-note": 1,
        "actions": [{"target": "$.info", "description": "d", "x-why": "test", "update": {"title": "json"}}]}"#;
    let (doc, _, _) = document(&[file("spec.json", SPEC)], &[file("o.json", json)]).unwrap();
    assert_eq!(doc["info"]["title"], "json");
}

#[test]
fn overlays_apply_in_the_order_given() {
    let first = "overlay: 1.0.0\ninfo: {title: a, version: '1'}\nactions: [{target: $.info, update: {title: first}}]\n";
    let second = "overlay: 1.0.0\ninfo: {title: b, version: '1'}\nactions: [{target: $.info, update: {title: second}}]\n";
    let (doc, _, _) = document(
        &[file("spec.json", SPEC)],
        &[file("a.yaml", first), file("b.yaml", second)],
    )
    .unwrap();
    assert_eq!(doc["info"]["title"], "second");
    // The second overlay sees what the first did: a target it added.
    let adds = "overlay: 1.0.0\ninfo: {title: a, version: '1'}\nactions: [{target: $.paths, update: {/new: {}}}]\n";
    let uses = "overlay: 1.0.0\ninfo: {title: b, version: '1'}\nactions: [{target: \"$.paths['/new']\", remove: true}]\n";
    assert!(document(
        &[file("spec.json", SPEC)],
        &[file("a.yaml", adds), file("b.yaml", uses)]
    )
    .is_ok());
    let error = document(
        &[file("spec.json", SPEC)],
        &[file("b.yaml", uses), file("a.yaml", adds)],
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("b.yaml#/actions/0: target"),
        "{error}"
    );
}

/// The config every model below is lowered with.
const CONFIG: &str =
    "name = \"T\"\nspecs = [\"spec.json\"]\n[models]\ncrate = \"t-models\"\nversion = \"0.1.0\"\n";

fn model(spec: &str, overlays: Vec<SpecFile>) -> codegen::Result<codegen::ir::Model> {
    let config = codegen::ApiConfig::parse("api.toml", CONFIG).unwrap();
    let input = codegen::ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![file("spec.json", spec)],
        overlays,
        includes: Vec::new(),
    };
    codegen::model(&config, &input)
}

#[test]
fn later_errors_in_overlaid_content_name_the_spec_file() {
    let overlay = "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions:\n  - target: $.paths['/things'].get.responses['200']\n    update: {content: {application/json: {schema: {$ref: '#/components/schemas/Gone'}}}}\n";
    let error = model(SPEC, vec![file("o.yaml", overlay)])
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("spec.json#/paths/~1things/get/responses/200/content/application~1json/schema: dangling reference `#/components/schemas/Gone`"),
        "{error}"
    );
}

#[test]
fn an_overlay_on_the_vendored_spec_changes_the_lowered_model_and_the_client() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let spec = std::fs::read_to_string(root.join("specs/agentphone/openapi.json")).unwrap();
    let overlay = "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions:\n  - target: $.paths['/v1/agents'].get\n    update: {summary: Every agent of the account, description: All of them in pages.}\n";
    let list_agents = |model: &codegen::ir::Model| {
        let op = model
            .operations
            .iter()
            .find(|op| op.method == codegen::ir::HttpMethod::Get && op.path.raw == "/v1/agents")
            .unwrap();
        (op.summary.clone(), op.description.clone())
    };
    let plain = model(&spec, Vec::new()).unwrap();
    let changed = model(&spec, vec![file("overlays/summary.yaml", overlay)]).unwrap();
    assert_ne!(
        list_agents(&plain).0.as_deref(),
        Some("Every agent of the account")
    );
    assert_eq!(
        list_agents(&changed),
        (
            Some("Every agent of the account".into()),
            Some("All of them in pages.".into())
        )
    );
    assert_eq!(
        plain.types.len(),
        changed.types.len(),
        "nothing else changes"
    );
    assert_eq!(plain.operations.len(), changed.operations.len());

    let config_text = "name = \"AgentPhone\"\nspecs = [\"openapi.json\"]\n[models]\ncrate = \"a-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"a-client\"\nversion = \"0.1.0\"\n";
    let config = codegen::ApiConfig::parse("api.toml", config_text).unwrap();
    let generate = |overlays: Vec<SpecFile>| {
        let input = codegen::ApiInput {
            config_path: "api.toml".into(),
            command: codegen::REGEN.into(),
            specs: vec![file("openapi.json", &spec)],
            overlays,
            includes: Vec::new(),
        };
        let generated = codegen::generate(&config, &input).unwrap();
        let operations = generated
            .files
            .iter()
            .find(|f| f.path == "a-client/src/operations.rs")
            .unwrap();
        (
            operations.contents.clone(),
            generated.files[0].contents.clone(),
        )
    };
    let (plain, plain_manifest) = generate(Vec::new());
    let (overlaid, manifest) = generate(vec![file("overlays/summary.yaml", overlay)]);
    assert!(!plain.contains("Every agent of the account"));
    assert!(
        overlaid.contains("/// Every agent of the account"),
        "the overlay's summary is the method's doc"
    );
    assert!(
        !plain_manifest.contains("overlays/"),
        "without overlays, headers name only the spec"
    );
    assert!(
        manifest.contains("overlays/summary.yaml"),
        "generated headers name the overlay"
    );
}
