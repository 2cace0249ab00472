//! `allOf` includes: copied into the including struct within the limits of `lower/include.rs`,
//! composed as one flattened field past them, so that the generated code stays linear in the
//! spec however long a chain of includes or however wide an included schema.

use codegen::{ApiConfig, ApiInput, Generated, SpecFile};

const CONFIG: &str = "name = \"Includes\"\nspecs = [\"spec.json\"]\n[models]\ncrate = \"includes-models\"\nversion = \"0.1.0\"\n";

fn generate(schemas: serde_json::Value) -> Generated {
    try_generate(schemas).unwrap_or_else(|e| panic!("{e}"))
}

fn try_generate(schemas: serde_json::Value) -> Result<Generated, String> {
    let spec = serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "Includes", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    });
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: "spec.json".into(),
            text: spec.to_string(),
        }],
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    let config = ApiConfig::parse("api.toml", CONFIG).unwrap();
    codegen::generate(&config, &input).map_err(|e| e.to_string())
}

fn types_rs(generated: &Generated) -> &str {
    &generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/types.rs"))
        .unwrap()
        .contents
}

/// `S0` with one property, and each `S<i>` including `S<i-1>` and adding one of its own.
fn chain(n: usize) -> serde_json::Value {
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "S0".into(),
        serde_json::json!({"type": "object", "properties": {"p0": {"type": "string"}}}),
    );
    for i in 1..n {
        schemas.insert(
            format!("S{i}"),
            serde_json::json!({"allOf": [
                {"$ref": format!("#/components/schemas/S{}", i - 1)},
                {"type": "object", "properties": {format!("p{i}"): {"type": "integer"}}},
            ]}),
        );
    }
    serde_json::Value::Object(schemas)
}

/// The struct definition of `name` in a types.rs, up to its closing brace.
fn struct_body<'t>(types: &'t str, name: &str) -> &'t str {
    let start = types
        .find(&format!("pub struct {name} {{"))
        .unwrap_or_else(|| panic!("no struct {name}"));
    let end = types[start..].find("\n}").unwrap();
    &types[start..start + end]
}

#[test]
fn a_short_chain_copies_every_property() {
    let generated = generate(chain(9));
    let types = types_rs(&generated);
    assert!(!types.contains("#[serde(flatten)]"), "{types}");
    let s8 = struct_body(types, "S8");
    for i in 0..9 {
        assert!(s8.contains(&format!("pub p{i}: ")), "{s8}");
    }
}

#[test]
fn past_the_copy_depth_an_include_is_one_flattened_field() {
    let generated = generate(chain(12));
    let types = types_rs(&generated);
    let s9 = struct_body(types, "S9");
    assert!(
        s9.contains("#[serde(flatten)]\n    pub s8: crate::S8,"),
        "{s9}"
    );
    assert!(!s9.contains("pub p0:"), "{s9}");
    // The next levels copy S9 again, flattened field included.
    let s11 = struct_body(types, "S11");
    assert!(
        s11.contains("pub s8: crate::S8,") && s11.contains("pub p9:") && s11.contains("pub p11:"),
        "{s11}"
    );
}

#[test]
fn a_long_chain_makes_output_linear_in_its_length() {
    // Copying every level made 2,000 levels two million fields: four times the output for
    // twice the chain. (Both chains are shorter than `COPY_FIELDS`, so only the depth limit
    // keeps them linear.)
    let short = types_rs(&generate(chain(250))).len();
    let long = types_rs(&generate(chain(500))).len();
    let ratio = long as f64 / short as f64;
    assert!(
        ratio < 2.2,
        "500 levels wrote {long} bytes, 250 levels {short}: {ratio:.2}×"
    );
    // Deeper than any recursion per level could go on a test thread's stack.
    assert!(types_rs(&generate(chain(4_000))).contains("pub struct S3999 {"));
}

fn wide(properties: usize) -> serde_json::Value {
    let properties: serde_json::Map<String, serde_json::Value> = (0..properties)
        .map(|i| (format!("w{i}"), serde_json::json!({"type": "string"})))
        .collect();
    serde_json::json!({
        "Wide": {"type": "object", "properties": properties},
        "Derived": {"allOf": [
            {"$ref": "#/components/schemas/Wide"},
            {"type": "object", "properties": {"own": {"type": "string"}}},
        ]},
    })
}

#[test]
fn an_include_wider_than_the_copy_budget_is_composed() {
    let copied = generate(wide(512));
    assert!(!types_rs(&copied).contains("#[serde(flatten)]"));
    let composed = generate(wide(513));
    let derived = struct_body(types_rs(&composed), "Derived");
    assert!(
        derived.contains("#[serde(flatten)]\n    pub wide: crate::Wide,"),
        "{derived}"
    );
    assert!(!derived.contains("pub w0:"), "{derived}");
}

#[test]
fn additional_properties_beside_a_composed_include_are_a_warning() {
    let mut schemas = chain(10);
    schemas["S9"]["allOf"][1]["additionalProperties"] = serde_json::json!({"type": "integer"});
    let generated = generate(schemas);
    let warnings: Vec<String> = generated
        .model
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["spec.json#/components/schemas/S9: unsupported: `additionalProperties` beside an `allOf` include that is composed (a flattened field); they are not kept"],
    );
    assert!(!struct_body(types_rs(&generated), "S9").contains("additional_properties"));
}

#[test]
fn a_cycle_through_a_long_chain_is_an_error_naming_where_it_closes() {
    let mut schemas = chain(20);
    schemas["S0"] = serde_json::json!({"allOf": [{"$ref": "#/components/schemas/S19"}]});
    let error = try_generate(schemas).map(|_| ()).unwrap_err();
    assert!(
        error.contains("`allOf` cycle: `#/components/schemas/"),
        "{error}"
    );
    assert!(
        error.starts_with("spec.json#/components/schemas/S"),
        "{error}"
    );
}

#[test]
fn includes_without_properties_count_towards_the_depth_too() {
    // Copying walks an include whatever it holds: a chain of empty objects copied from each
    // of its levels was walked whole from each, n² steps (5,000 levels: 8 s).
    let mut schemas = serde_json::Map::new();
    schemas.insert("E0".into(), serde_json::json!({"type": "object"}));
    for i in 1..12 {
        let part = serde_json::json!({"$ref": format!("#/components/schemas/E{}", i - 1)});
        schemas.insert(
            format!("E{i}"),
            serde_json::json!({"allOf": [part, {"type": "object"}]}),
        );
    }
    let generated = generate(serde_json::Value::Object(schemas));
    let types = types_rs(&generated);
    assert!(
        !struct_body(types, "E8").contains("#[serde(flatten)]"),
        "{types}"
    );
    assert!(
        struct_body(types, "E9").contains("#[serde(flatten)]\n    pub e8: crate::E8,"),
        "{types}"
    );
}
