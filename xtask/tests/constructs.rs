//! Constructs from real-world specs (non-JSON bodies, several media types and success bodies,
//! header, cookie and `content` parameters, `allOf` annotation wrappers, references into the
//! middle of a schema, constructs that degrade, an event stream), in OpenAPI 3.0, 3.1 and 3.2
//! forms (the 3.2 form is the 3.1 file with its stream described by `itemSchema`): generated
//! with `cargo xtask generate`, built without warnings, and run against a mock server
//! (`constructs/wire.rs`, copied into each generated client crate as an integration test).
//! The mapping rules' models crates (codegen/tests/rules) are built in the same workspace.

use std::path::Path;
use std::process::Command;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What only OpenAPI 3.2 can say: a `query` operation and `additionalOperations`, in a path
/// item of their own (`constructs/wire_v32.rs` calls them).
const V32_ONLY: &str = "  /chunks/search:
    query:
      operationId: searchChunks
      security: []
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Chunk'}}}}
      responses:
        '200': {description: The matches., content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Chunk'}}}}}
    additionalOperations:
      PURGE:
        operationId: purgeSearch
        security: []
        responses: {'204': {description: Purged.}}
";

/// The OpenAPI 3.2 form: the 3.1 file declared 3.2, with its event stream described the 3.2
/// way (`itemSchema`: the event, its `data` JSON text of the chunk's schema), and a path item
/// with a `query` operation and `additionalOperations`.
fn write_v32(dir: &Path) -> std::path::PathBuf {
    let v31 =
        std::fs::read_to_string(xtask::project_root().join("xtask/tests/constructs/v31.yaml"))
            .unwrap();
    let marked = "schema: {$ref: '#/components/schemas/Chunk'}  # v32: itemSchema";
    assert!(
        v31.contains("openapi: 3.1.0") && v31.contains(marked),
        "v31.yaml lost what the 3.2 form rewrites"
    );
    let item = "itemSchema: {type: object, required: [data], properties: {event: {type: string}, data: {type: string, contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Chunk'}}}}";
    let path = dir.join("v32.yaml");
    std::fs::write(
        &path,
        v31.replace("openapi: 3.1.0", "openapi: 3.2.0")
            .replace(marked, item)
            .replacen("paths:\n", &format!("paths:\n{V32_ONLY}"), 1),
    )
    .unwrap();
    path
}

/// Generates the crates for one form into `dir/<form>` and returns what `generate` printed.
fn generate(dir: &Path, form: &str) -> String {
    let spec = match form {
        "v32" => write_v32(dir),
        _ => xtask::project_root().join(format!("xtask/tests/constructs/{form}.yaml")),
    };
    let out = dir.join(form);
    let name = format!("constructs-{form}");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "generate",
            "--spec",
            spec.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--name",
            &name,
        ])
        .output()
        .expect("xtask runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    // One outer workspace holds both forms' crates.
    std::fs::remove_file(out.join("Cargo.toml")).unwrap();
    let client = out.join(format!("{name}-client"));
    let manifest = client.join("Cargo.toml");
    let mut toml = std::fs::read_to_string(&manifest).unwrap();
    toml.push_str("\n[dev-dependencies]\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }\nwiremock = \"0.6\"\n");
    std::fs::write(&manifest, toml).unwrap();
    let wire =
        std::fs::read_to_string(xtask::project_root().join("xtask/tests/constructs/wire.rs"))
            .unwrap();
    let lib = format!("constructs_{form}_client");
    std::fs::create_dir_all(client.join("tests")).unwrap();
    std::fs::write(
        client.join("tests/wire.rs"),
        wire.replace("constructs_client", &lib),
    )
    .unwrap();
    if form == "v32" {
        let only = std::fs::read_to_string(
            xtask::project_root().join("xtask/tests/constructs/wire_v32.rs"),
        )
        .unwrap();
        std::fs::write(
            client.join("tests/wire_v32.rs"),
            only.replace("constructs_client", &lib),
        )
        .unwrap();
    }
    text(&output.stdout)
}

/// The models crate of every mapping rule (codegen/tests/rules), generated under `dir/rules`:
/// their expectations are compared as text there, and must also build here.
fn rule_models(dir: &Path) -> Vec<String> {
    let rules = xtask::project_root().join("codegen/tests/rules");
    let mut names: Vec<String> = std::fs::read_dir(&rules)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "the rules are where they were: {names:?}"
    );
    names
        .iter()
        .map(|rule| {
            let out = dir.join("rules").join(rule);
            let spec = rules.join(rule).join("v30.yaml");
            let name = format!("rule-{rule}");
            let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
                .args(["generate", "--spec", spec.to_str().unwrap(), "--out", out.to_str().unwrap(), "--name", &name])
                .output()
                .expect("xtask runs");
            assert!(output.status.success(), "{rule}: {}", text(&output.stderr));
            std::fs::remove_file(out.join("Cargo.toml")).unwrap();
            // What builds here is exactly what expected.rs holds (below the header).
            let types = std::fs::read_to_string(out.join(format!("{name}-models/src/types.rs"))).unwrap();
            let expected = std::fs::read_to_string(rules.join(rule).join("expected.rs")).unwrap();
            assert!(
                types.split_once("\n\n").map(|(_, body)| body) == Some(expected.as_str()),
                "rule `{rule}`: the generated types.rs is not expected.rs (see `cargo test -p codegen --test rules`)"
            );
            format!("rules/{rule}/{name}-models")
        })
        .collect()
}

#[test]
fn real_world_constructs_generate_build_and_go_on_the_wire_right() {
    let dir = tempfile::tempdir().unwrap();
    for form in ["v30", "v31", "v32"] {
        let printed = generate(dir.path(), form);
        // What cannot be expressed is degraded where it stands, and said so with its pointer.
        let warnings: Vec<&str> = printed
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .collect();
        let spec = match form {
            "v32" => dir.path().join("v32.yaml"),
            _ => xtask::project_root().join(format!("xtask/tests/constructs/{form}.yaml")),
        };
        let spec = spec.display();
        assert_eq!(
            warnings,
            [
                // Component schemas are lowered before operations.
                format!("warning: {spec}#/components/schemas/Owner/properties/legacy/type: unsupported: schema type `file`; generated as `serde_json::Value`"),
                format!("warning: {spec}#/paths/~1items~1{{itemId}}/get: the path has `{{itemId}}` but the operation defines no such path parameter; a string parameter is generated for it"),
            ],
            "{printed}"
        );
    }
    // Names that collide only in UpperCamelCase or with the runtime's items, and aliases that
    // contain themselves, build too: the last two degrade with a warning.
    let spec = xtask::project_root().join("xtask/tests/constructs/collisions.yaml");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "generate",
            "--spec",
            spec.to_str().unwrap(),
            "--out",
            dir.path().join("collisions").to_str().unwrap(),
            "--name",
            "collisions",
        ])
        .output()
        .expect("xtask runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    assert_eq!(
        printed
            .lines()
            .filter(|l| l.contains("contains itself through arrays or maps only"))
            .count(),
        2,
        "{printed}"
    );
    std::fs::remove_file(dir.path().join("collisions/Cargo.toml")).unwrap();
    let mut members: Vec<String> = [
        "v30/constructs-v30-models",
        "v30/constructs-v30-client",
        "v31/constructs-v31-models",
        "v31/constructs-v31-client",
        "v32/constructs-v32-models",
        "v32/constructs-v32-client",
        "collisions/collisions-models",
        "collisions/collisions-client",
    ]
    .map(String::from)
    .into();
    members.extend(rule_models(dir.path()));
    let members: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    std::fs::copy(
        xtask::project_root().join("Cargo.lock"),
        dir.path().join("Cargo.lock"),
    )
    .unwrap();
    let test = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--workspace"])
        .current_dir(dir.path())
        .env(
            "CARGO_TARGET_DIR",
            xtask::project_root().join("target/generate-check"),
        )
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    let stdout = text(&test.stdout);
    assert!(test.status.success(), "{stdout}\n{}", text(&test.stderr));
    // Every form ran every wire test.
    let wire =
        std::fs::read_to_string(xtask::project_root().join("xtask/tests/constructs/wire.rs"))
            .unwrap();
    let passed = format!(
        "test result: ok. {} passed",
        wire.matches("#[tokio::test]").count()
    );
    assert_eq!(stdout.matches(&passed).count(), 3, "{stdout}");
    let only_v32 =
        std::fs::read_to_string(xtask::project_root().join("xtask/tests/constructs/wire_v32.rs"))
            .unwrap();
    let passed = format!(
        "test result: ok. {} passed",
        only_v32.matches("#[tokio::test]").count()
    );
    assert!(
        stdout.contains(&passed),
        "the 3.2 form's own wire tests: {stdout}"
    );
}
