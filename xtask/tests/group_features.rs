//! A feature per tag group: `cargo xtask generate` on a spec with two groups and an ungrouped
//! operation, with `group_features = true`. Each model type is gated by the groups that reach
//! it (a type no operation uses by `extra-models`), and the crates build without warnings with
//! no group, one group, `extra-models` alone and `full` (and the README's example, a doctest,
//! with none).

use std::path::Path;
use std::process::Command;

const SPEC: &str = r#"openapi: 3.0.3
info: {title: Zoo, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
  /toys:
    post:
      operationId: createToy
      tags: [toys]
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Toy'}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Toy'}}}}
  /health:
    get:
      operationId: health
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Health'}}}}
components:
  schemas:
    Pet: {type: object, required: [owner], properties: {owner: {$ref: '#/components/schemas/Owner'}}}
    Toy: {type: object, required: [owner, label], properties: {owner: {$ref: '#/components/schemas/Owner'}, label: {type: string}}}
    Owner: {type: object, properties: {name: {type: string}, health: {$ref: '#/components/schemas/Health'}}}
    Health: {type: object, properties: {ok: {type: boolean}}}
    Unused: {type: object, properties: {x: {type: string}, toy: {$ref: '#/components/schemas/Toy'}}}
"#;

const CONFIG: &str = r#"name = "Zoo"
specs = ["zoo.yaml"]

[models]
crate = "zoo-models"
version = "0.1.0"

[client]
crate = "zoo-client"
version = "0.1.0"
group_features = true
"#;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The lines just before `item` in `file` (its docs and attributes, back to the blank line
/// that ends the item before): where its `cfg` would be.
fn before<'t>(file: &'t str, item: &str) -> &'t str {
    let at = file
        .find(item)
        .unwrap_or_else(|| panic!("no `{item}` in:\n{file}"));
    let start = file[..at].rfind("\n\n").unwrap_or(0);
    &file[start..at]
}

fn cargo(dir: &Path, args: &[&str]) {
    let run = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            xtask::project_root().join("target/generate-check"),
        )
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    assert!(
        run.status.success(),
        "cargo {args:?}:\n{}",
        text(&run.stderr)
    );
}

/// Generates the crates for `spec` (under `CONFIG`) into `dir/out`, with this repository's
/// lock file beside them so that dependencies resolve to versions already vetted.
fn generate(dir: &Path, spec: &str) -> std::path::PathBuf {
    std::fs::write(dir.join("zoo.yaml"), spec).unwrap();
    std::fs::write(dir.join("api.toml"), CONFIG).unwrap();
    let out = dir.join("out");
    let generate = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["generate", "--spec"])
        .arg(dir.join("zoo.yaml"))
        .arg("--out")
        .arg(&out)
        .args(["--name", "zoo", "--config"])
        .arg(dir.join("api.toml"))
        .output()
        .expect("xtask runs");
    assert!(generate.status.success(), "{}", text(&generate.stderr));
    std::fs::copy(
        xtask::project_root().join("Cargo.lock"),
        out.join("Cargo.lock"),
    )
    .unwrap();
    out
}

#[test]
fn each_group_is_a_feature_that_builds_alone_and_gates_the_models_it_reaches() {
    let dir = tempfile::tempdir().unwrap();
    let out = generate(dir.path(), SPEC);
    let types = std::fs::read_to_string(out.join("zoo-models/src/types.rs")).unwrap();
    assert!(before(&types, "pub struct Pet ").contains("#[cfg(feature = \"pets\")]"));
    assert!(before(&types, "pub struct Owner ").contains(
        "#[cfg(any(feature = \"pets\", feature = \"toys\", feature = \"extra-models\"))]"
    ));
    assert!(
        !before(&types, "pub struct Health ").contains("#[cfg"),
        "{types}"
    );
    // No operation uses `Unused`; it holds a `Toy`, which its feature must compile too.
    assert!(before(&types, "pub struct Unused ").contains("#[cfg(feature = \"extra-models\")]"));
    assert!(before(&types, "pub struct Toy ")
        .contains("#[cfg(any(feature = \"toys\", feature = \"extra-models\"))]"));
    let manifest = std::fs::read_to_string(out.join("zoo-client/Cargo.toml")).unwrap();
    assert!(
        manifest.contains("full = [\"pets\", \"toys\", \"extra-models\"]"),
        "{manifest}"
    );
    assert!(
        manifest.contains("\"toys\" = [\"zoo-models/toys\"]"),
        "{manifest}"
    );
    let operations = std::fs::read_to_string(out.join("zoo-client/src/operations.rs")).unwrap();
    assert!(
        before(&operations, "pub fn toys(").contains("#[cfg(feature = \"toys\")]"),
        "{operations}"
    );

    cargo(&out, &["check", "--quiet", "--workspace"]);
    cargo(
        &out,
        &["check", "--quiet", "-p", "zoo-client", "--features", "pets"],
    );
    cargo(
        &out,
        &[
            "check",
            "--quiet",
            "-p",
            "zoo-client",
            "--features",
            "extra-models",
        ],
    );
    cargo(
        &out,
        &["check", "--quiet", "-p", "zoo-client", "--features", "full"],
    );
    cargo(&out, &["test", "--quiet", "--doc", "-p", "zoo-client"]);
}

/// Without an ungrouped operation every model is behind a feature: the crates still build
/// without warnings with none on (GitHub's spec is such a one).
#[test]
fn crates_whose_every_model_is_behind_a_feature_build_with_none() {
    let dir = tempfile::tempdir().unwrap();
    let health = "  /health:\n    get:\n      operationId: health\n";
    assert!(SPEC.contains(health));
    let spec = SPEC.replace(
        health,
        "  /health:\n    get:\n      operationId: health\n      tags: [pets]\n",
    );
    let out = generate(dir.path(), &spec);
    let types = std::fs::read_to_string(out.join("zoo-models/src/types.rs")).unwrap();
    assert!(
        before(&types, "pub struct Health ").contains("#[cfg("),
        "{types}"
    );
    cargo(&out, &["check", "--quiet", "--workspace"]);
}
