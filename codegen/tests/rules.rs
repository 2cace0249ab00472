//! One small spec per mapping rule, written in both OpenAPI 3.0 and 3.1 forms: both, and the
//! 3.1 form declared as 3.2, must produce exactly the models in `expected.rs`. `UPDATE_EXPECT=1 cargo test -p codegen --test rules`
//! rewrites the expectations (never in CI).

use codegen::{ApiConfig, ApiInput, SpecFile};
use std::path::Path;

const CONFIG: &str = "name = \"Rules\"\nspecs = [\"spec.yaml\"]\n[models]\ncrate = \"rules-models\"\nversion = \"0.1.0\"\n";

/// The models crate's `lib.rs` for one spec file, without its header (which names the file).
fn models_for(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    models_for_text(&path.file_name().unwrap().to_string_lossy(), text)
}

fn models_for_text(file: &str, text: String) -> String {
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: file.to_owned(),
            text,
        }],
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    let config = ApiConfig::parse("api.toml", CONFIG).unwrap();
    let generated = codegen::generate(&config, &input).unwrap_or_else(|e| panic!("{file}: {e}"));
    let lib = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/types.rs"))
        .unwrap();
    let body = lib
        .contents
        .split_once("\n\n")
        .map_or("", |(_header, body)| body);
    body.to_owned()
}

#[track_caller]
fn check(rule: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/rules")
        .join(rule);
    let from_30 = models_for(&dir.join("v30.yaml"));
    let from_31 = models_for(&dir.join("v31.yaml"));
    // OpenAPI 3.2 keeps 3.1's schemas (JSON Schema 2020-12): the 3.1 form, declared 3.2, must
    // give the same models.
    let v31 = std::fs::read_to_string(dir.join("v31.yaml")).unwrap();
    assert!(
        v31.contains("openapi: 3.1.0"),
        "rule `{rule}`: v31.yaml should declare `openapi: 3.1.0`"
    );
    let from_32 = models_for_text("v32.yaml", v31.replace("openapi: 3.1.0", "openapi: 3.2.0"));
    let expected_path = dir.join("expected.rs");
    if std::env::var_os("UPDATE_EXPECT").is_some() && std::env::var_os("CI").is_none() {
        std::fs::write(&expected_path, &from_30).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    for (form, actual) in [("3.0", &from_30), ("3.1", &from_31), ("3.2", &from_32)] {
        if *actual != expected {
            let diff = similar::TextDiff::from_lines(expected.as_str(), actual.as_str())
                .unified_diff()
                .header("expected.rs", form)
                .to_string();
            panic!("rule `{rule}`, OpenAPI {form} form differs from expected.rs:\n{diff}\nRun `UPDATE_EXPECT=1 cargo test -p codegen --test rules` if the change is intended.");
        }
    }
}

#[test]
fn nullability() {
    check("nullability");
}

#[test]
fn enums() {
    check("enums");
}

#[test]
fn names() {
    check("names");
}

#[test]
fn shapes() {
    check("shapes");
}

#[test]
fn recursion() {
    check("recursion");
}

#[test]
fn inline_and_defaults() {
    check("inline-and-defaults");
}

#[test]
fn docs() {
    check("docs");
}

#[test]
fn composition() {
    check("composition");
}

#[test]
fn references() {
    check("references");
}

#[test]
fn read_write() {
    check("read-write");
}

#[test]
fn properties_beside_one_of() {
    check("properties-beside-one-of");
}

#[test]
fn tagged_unions() {
    check("tagged-unions");
}

#[test]
fn integer_enums() {
    check("integer-enums");
}

#[test]
fn formats() {
    check("formats");
}

/// `types.rs` names `Option`, `String` and the rest by their prelude names, unless one of its
/// own types takes such a name and would shadow it: then every one is written in full, and
/// the type keeps the spec's name. (xtask/tests/constructs/collisions.yaml builds that case.)
#[test]
fn std_names_are_written_in_full_only_where_a_type_takes_a_prelude_name() {
    let spec = |name: &str| {
        format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    {name}: {{type: object, properties: {{a: {{type: string}}}}}}\n")
    };
    let plain = models_for_text("spec.yaml", spec("Pet"));
    assert!(
        plain.contains("pub a: Option<String>,") && !plain.contains("::std::option"),
        "{plain}"
    );
    for name in ["Result", "Option", "String", "Vec", "Some", "Default"] {
        let shadowing = models_for_text("spec.yaml", spec(name));
        assert!(
            shadowing.contains(&format!("pub struct {name} {{")),
            "{shadowing}"
        );
        assert!(
            shadowing.contains("pub a: ::std::option::Option<::std::string::String>,"),
            "{shadowing}"
        );
        assert!(
            !shadowing.contains("-> Result<") && !shadowing.contains(" Some("),
            "{shadowing}"
        );
    }
}

#[test]
fn all_of_with_a_union_part() {
    check("all-of-union");
}
