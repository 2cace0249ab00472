//! Overlays: each action kind, the errors (naming the overlay file and the action), and an
//! overlay on the vendored AgentPhone spec changing what is generated.

use codegen::spec::{document, SpecFile};
use serde_json::{json, Value};

const SPEC: &str = r#"{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "tags": [{"name": "a"}],
  "paths": {
    "/things": {"get": {"operationId": "list", "description": "old", "x-drop": true,
      "responses": {"200": {"description": "ok"}}}},
    "/other": {"get": {"operationId": "other", "x-drop": 1, "responses": {"200": {"description": "ok"}}}}
  }
}"#;

fn file(path: &str, text: &str) -> SpecFile {
    SpecFile { path: path.into(), text: text.into() }
}

fn overlaid(actions: &str) -> Result<Value, String> {
    let overlay = format!("overlay: 1.0.0\ninfo: {{title: o, version: '1'}}\nactions:\n{actions}");
    document(&[file("spec.json", SPEC)], &[file("o.yaml", &overlay)])
        .map(|(doc, _, _)| doc)
        .map_err(|e| e.to_string())
}

#[test]
fn update_merges_objects_recursively_and_replaces_values() {
    let doc = overlaid(
        "  - target: $.paths['/things'].get\n    update: {description: new, responses: {'404': {description: missing}}}\n",
    )
    .unwrap();
    let op = &doc["paths"]["/things"]["get"];
    assert_eq!(op["description"], "new");
    assert_eq!(op["responses"]["200"]["description"], "ok", "merged, not replaced");
    assert_eq!(op["responses"]["404"]["description"], "missing");
}

#[test]
fn update_appends_to_arrays() {
    let doc = overlaid("  - target: $.tags\n    update: {name: b}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "b"}]));
    let doc = overlaid("  - target: $\n    update: {tags: [{name: c}]}\n").unwrap();
    assert_eq!(doc["tags"], json!([{"name": "a"}, {"name": "c"}]));
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
}

#[test]
fn errors_name_the_overlay_file_and_action() {
    let cases = [
        ("  - target: $.paths['/nope']\n    update: {x: 1}\n", "o.yaml#/actions/0: target `$.paths['/nope']` matches nothing in the document"),
        ("  - target: $.tags\n    update: {name: b}\n  - target: '$.[['\n    remove: true\n", "o.yaml#/actions/1: `$.[[` is not a valid JSONPath"),
        ("  - target: $.info.title\n    update: {x: 1}\n", "o.yaml#/actions/0: target `$.info.title` selects a value that is neither an object nor an array"),
        ("  - target: $.info\n    update: 3\n", "o.yaml#/actions/0: target `$.info` selects an object, so `update` must be an object"),
        ("  - target: $.info\n", "o.yaml#/actions/0: an action needs `update` or `remove: true`"),
        ("  - update: {x: 1}\n", "o.yaml#/actions/0: an action needs a `target` (a JSONPath)"),
        ("  - target: $\n    remove: true\n", "o.yaml#/actions/0: target `$` selects the document itself, which cannot be removed"),
    ];
    for (actions, expected) in cases {
        let error = overlaid(actions).unwrap_err();
        assert!(error.starts_with(expected), "for\n{actions}\ngot: {error}\nwanted: {expected}");
    }
    let bad = |text: &str| {
        document(&[file("spec.json", SPEC)], &[file("o.yaml", text)]).unwrap_err().to_string()
    };
    assert!(bad("overlay: 2.0.0\ninfo: {title: o, version: '1'}\nactions: [{target: $, update: {}}]\n").starts_with("o.yaml#/overlay: "));
    assert!(bad("overlay: 1.0.0\nactions: [{target: $, update: {}}]\n").starts_with("o.yaml#/info: "));
    assert!(bad("overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions: []\n").starts_with("o.yaml#/actions: "));
    assert!(bad("overlay: [\n").starts_with("o.yaml: cannot parse"), "{}", bad("overlay: [\n"));
}

#[test]
fn an_overlay_on_the_vendored_spec_changes_the_generated_client() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let spec = std::fs::read_to_string(root.join("specs/agentphone/openapi.json")).unwrap();
    let config_text = "name = \"AgentPhone\"\nspecs = [\"openapi.json\"]\n[models]\ncrate = \"a-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"a-client\"\nversion = \"0.1.0\"\n";
    let config = codegen::ApiConfig::parse("api.toml", config_text).unwrap();
    let overlay = "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions:\n  - target: $.paths['/v1/agents'].get\n    update: {summary: Every agent of the account}\n";
    let generate = |overlays: Vec<SpecFile>| {
        let input = codegen::ApiInput {
            config_path: "api.toml".into(),
            config_text: config_text.into(),
            specs: vec![file("openapi.json", &spec)],
            overlays,
            includes: Vec::new(),
        };
        let generated = codegen::generate(&config, &input).unwrap();
        let operations = generated.files.iter().find(|f| f.path == "a-client/src/operations.rs").unwrap();
        (operations.contents.clone(), generated.files[0].contents.clone())
    };
    let (plain, _) = generate(Vec::new());
    let (overlaid, manifest) = generate(vec![file("overlays/summary.yaml", overlay)]);
    assert!(!plain.contains("Every agent of the account"));
    assert!(overlaid.contains("/// Every agent of the account"), "the overlay's summary is the method's doc");
    assert!(manifest.contains("overlays/summary.yaml"), "generated headers name the overlay");
}
