//! A bounded, deterministic fuzzer over load + lower + emit: structure-aware mutations of real
//! specs (a node deleted, replaced by another kind of value, a `$ref` aimed anywhere, a subtree
//! copied elsewhere, a keyword renamed), each generated with both crates. Every run must end
//! in crates (whose Rust parses, which rendering checks) or an error naming the spec file;
//! never in a panic. Crashes it found are regression tests at the end of this file.
//!
//! `FUZZ_ITERATIONS=100000 cargo test -p codegen --test fuzz --release -- --nocapture` runs
//! longer (and `FUZZ_SEED` starts elsewhere); CI runs the default, a few hundred per spec.

use codegen::{ApiConfig, ApiInput, SpecFile};
use serde_json::{json, Value};
use std::path::Path;

const CONFIG: &str = "name = \"Fuzz\"\nspecs = [\"spec.json\"]\n[models]\ncrate = \"fuzz-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"fuzz-client\"\nversion = \"0.1.0\"\n";

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Every JSON pointer in a document.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn parent_and_key(pointer: &str) -> Option<(&str, String)> {
    let (parent, key) = pointer.rsplit_once('/')?;
    Some((parent, key.replace("~1", "/").replace("~0", "~")))
}

fn mutate(doc: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let target = all[rng.below(all.len())].clone();
    let other = all[rng.below(all.len())].clone();
    let replacement = match rng.below(10) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1.5),
        3 => json!("x/{y}"),
        4 => json!({}),
        5 => json!([]),
        6 => json!({"$ref": format!("#{other}")}),
        7 => doc.pointer(&other).cloned().unwrap_or(Value::Null),
        8 => json!({"type": ["string", "null", "object"], "enum": [1, "a", null]}),
        _ => {
            // Delete the node.
            if let Some((parent, key)) = parent_and_key(&target) {
                match doc.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.shift_remove(&key);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
            return;
        }
    };
    if let Some(slot) = doc.pointer_mut(&target) {
        *slot = replacement;
    }
}

/// Generates both crates; `Err` is a clean error, and a panic fails the test.
fn generate(text: String) -> Result<(), String> {
    generate_file("spec.json", text).map(|_| ())
}

/// Generates both crates from one spec file named `path`; `Err` is a clean error, and a panic
/// is the error `PANIC`.
fn generate_file(path: &str, text: String) -> Result<codegen::Generated, String> {
    let config = ApiConfig::parse("api.toml", CONFIG).unwrap();
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: path.into(),
            text,
        }],
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    let outcome =
        std::panic::catch_unwind(|| codegen::generate(&config, &input).map_err(|e| e.to_string()));
    match outcome {
        Ok(result) => result,
        Err(_) => Err("PANIC".into()),
    }
}

/// The fast way of loading a single JSON file gives what the general way gives, errors
/// included (or leaves the file to it).
fn assert_loads_as_generally(text: &str) {
    let file = [SpecFile {
        path: "spec.json".into(),
        text: text.into(),
    }];
    let read = |spec: codegen::Result<codegen::spec::Spec>| {
        spec.map(|spec| {
            let paths = spec
                .paths
                .read_all(&spec.sources)
                .map_err(|e| e.to_string());
            (spec.doc, spec.version, paths, spec.schemas.read_all())
        })
        .map_err(|e| e.to_string())
    };
    let fast = read(codegen::spec::load(&file));
    let general = read(codegen::spec::load_generally(
        &file,
        &[],
        Default::default(),
    ));
    assert!(
        fast == general,
        "the two ways of loading differ on:\n{text}\n{fast:?}\n{general:?}"
    );
}

/// A random schema for component `i` of `n`: an object, an `allOf` of references and inline
/// parts, a bare reference, an array, an enum. References mostly point at earlier components
/// (so chains of includes form, long ones too) and sometimes anywhere (so cycles do).
fn random_schema(rng: &mut Rng, i: usize, n: usize) -> Value {
    let target = |rng: &mut Rng| {
        let to = if i > 0 && rng.below(8) > 0 {
            i - 1 - rng.below(i.min(3))
        } else {
            rng.below(n)
        };
        json!({"$ref": format!("#/components/schemas/C{to}")})
    };
    let object = |rng: &mut Rng, target: &dyn Fn(&mut Rng) -> Value| {
        let mut properties = serde_json::Map::new();
        for p in 0..rng.below(4) {
            let schema = match rng.below(4) {
                0 => target(rng),
                1 => json!({"type": "array", "items": target(rng)}),
                _ => json!({"type": "string"}),
            };
            properties.insert(format!("p{}", (i + p) % 5), schema);
        }
        let mut object = json!({"type": "object", "properties": properties});
        if rng.below(3) == 0 {
            object["required"] = json!(["p0", "p1"]);
        }
        if rng.below(6) == 0 {
            object["additionalProperties"] = json!({"type": "integer"});
        }
        object
    };
    match rng.below(10) {
        0..=4 => {
            let parts: Vec<Value> = (0..=rng.below(3))
                .map(|_| match rng.below(4) {
                    0 => object(rng, &target),
                    1 => json!({"allOf": [target(rng), object(rng, &target)]}),
                    _ => target(rng),
                })
                .collect();
            json!({"allOf": parts})
        }
        5 | 6 => object(rng, &target),
        7 => target(rng),
        8 => json!({"type": "array", "items": target(rng)}),
        _ => json!({"type": "string", "enum": ["a", "b"]}),
    }
}

#[test]
fn random_webs_of_includes_never_panic_and_generate_the_same_twice() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5EED);
    let mut rng = Rng(seed.wrapping_mul(31) | 1);
    let (mut generated, mut refused, mut composed) = (0, 0, 0);
    for i in 0..iterations {
        // Up to 60 components: chains of them reach past the copy depth of `lower/include.rs`.
        let n = 2 + rng.below(59);
        let schemas: serde_json::Map<String, Value> = (0..n)
            .map(|c| (format!("C{c}"), random_schema(&mut rng, c, n)))
            .collect();
        let last = json!({"$ref": format!("#/components/schemas/C{}", n - 1)});
        let doc = json!({
            "openapi": "3.0.3",
            "info": {"title": "Web", "version": "1"},
            "paths": {"/x": {"post": {
                "operationId": "send",
                "requestBody": {"content": {"application/json": {"schema": last}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": last}}}},
            }}},
            "components": {"schemas": schemas},
        });
        let text = serde_json::to_string(&doc).unwrap();
        match generate(text.clone()) {
            Ok(()) => {
                generated += 1;
                let config = ApiConfig::parse("api.toml", CONFIG).unwrap();
                let input = |text: &str| ApiInput {
                    config_path: "api.toml".into(),
                    command: codegen::REGEN.into(),
                    specs: vec![SpecFile {
                        path: "spec.json".into(),
                        text: text.into(),
                    }],
                    overlays: Vec::new(),
                    includes: Vec::new(),
                };
                let files = |text: &str| codegen::generate(&config, &input(text)).unwrap().files;
                let first = files(&text);
                assert!(
                    first == files(&text),
                    "iteration {i}: two runs differ on:\n{text}"
                );
                composed += first
                    .iter()
                    .any(|f| f.contents.contains("which this schema includes (`allOf`)"))
                    as usize;
            }
            Err(message) if message == "PANIC" => {
                panic!("iteration {i}: the generator panicked on:\n{text}")
            }
            Err(message) => {
                refused += 1;
                assert!(
                    message.starts_with("spec.json"),
                    "iteration {i}: {message}\n{text}"
                );
            }
        }
    }
    println!(
        "{} webs: {generated} generated ({composed} with an include composed), {refused} refused with an error",
        generated + refused
    );
    assert!(
        generated > 0 && refused > 0,
        "random webs should both generate and close cycles"
    );
    assert!(composed > 0, "some webs should reach past the copy limits");
}

fn seed_spec(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    if relative.ends_with(".json") {
        serde_json::from_str(&text).unwrap()
    } else {
        serde_yaml::from_str(&text).unwrap()
    }
}

#[test]
fn mutated_specs_never_panic() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5EED);
    let seeds = [
        "xtask/tests/constructs/v30.yaml",
        "xtask/tests/constructs/v31.yaml",
        "specs/convocore/create-conversation.yaml",
    ];
    let (mut generated, mut refused) = (0, 0);
    for (n, relative) in seeds.iter().enumerate() {
        let original = seed_spec(relative);
        let mut rng = Rng(seed.wrapping_add(n as u64 * 7919) | 1);
        for i in 0..iterations {
            let mut doc = original.clone();
            // One to three mutations at a time.
            for _ in 0..=rng.below(3) {
                mutate(&mut doc, &mut rng);
            }
            let text = serde_json::to_string(&doc).unwrap();
            assert_loads_as_generally(&text);
            match generate(text.clone()) {
                Ok(()) => generated += 1,
                Err(message) if message == "PANIC" => {
                    panic!("{relative}, iteration {i}: the generator panicked on:\n{text}")
                }
                Err(message) => {
                    refused += 1;
                    assert!(
                        message.starts_with("spec.json") || message.starts_with("internal error"),
                        "{message}"
                    );
                    assert!(
                        !message.starts_with("internal error"),
                        "generated code does not parse: {message}\n{text}"
                    );
                }
            }
        }
    }
    println!(
        "{} executions: {generated} generated, {refused} refused with an error",
        generated + refused
    );
    assert_eq!(generated + refused, iterations * seeds.len());
    assert!(
        generated > 0 && refused > 0,
        "the mutations should both keep and break specs"
    );
}

/// The pointers of the prose a spec has (`description`, `summary`, `title` as keywords, with
/// text), leaving out maps whose keys are names and values that are data.
fn prose_pointers(value: &Value, at: &str, names: bool, out: &mut Vec<String>) {
    const NAME_MAPS: &[&str] = &[
        "properties",
        "paths",
        "responses",
        "content",
        "headers",
        "schemas",
        "parameters",
        "requestBodies",
        "securitySchemes",
        "mapping",
        "scopes",
        "variables",
        "encoding",
        "links",
        "callbacks",
    ];
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if key.starts_with("x-")
                    || [
                        "example", "examples", "default", "enum", "const", "security",
                    ]
                    .contains(&key.as_str())
                {
                    continue;
                }
                if !names
                    && ["description", "summary", "title"].contains(&key.as_str())
                    && child.is_string()
                {
                    out.push(pointer);
                } else {
                    let child_names =
                        !names && NAME_MAPS.contains(&key.as_str()) && child.is_object();
                    prose_pointers(child, &pointer, child_names, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                prose_pointers(item, &format!("{at}/{i}"), false, out);
            }
        }
        _ => {}
    }
}

#[test]
fn cosmetic_defects_never_refuse_a_spec() {
    let seeds = [
        "xtask/tests/constructs/v30.yaml",
        "xtask/tests/constructs/v31.yaml",
        "specs/convocore/create-conversation.yaml",
    ];
    let mut rng = Rng(0xC05_3E71C | 1);
    let mut repaired = 0;
    for relative in seeds {
        let original = seed_spec(relative);
        let mut prose = Vec::new();
        prose_pointers(&original, "", false, &mut prose);
        assert!(prose.len() > 5, "{relative}: {prose:?}");
        for i in 0..100 {
            let mut doc = original.clone();
            // Prose made a `$ref`, a number, a list, a map or null, and `info` fields dropped
            // or made numbers: each is repaired with a warning, never a refusal.
            for _ in 0..=rng.below(4) {
                let garbage = [
                    json!({"$ref": "#/components/schemas/Nowhere"}),
                    json!(5),
                    json!(["a"]),
                    json!({"a": 1}),
                    Value::Null,
                ];
                let pointer = &prose[rng.below(prose.len())];
                *doc.pointer_mut(pointer).unwrap() = garbage[rng.below(garbage.len())].clone();
            }
            match rng.below(4) {
                0 => drop(doc["info"].as_object_mut().unwrap().remove("version")),
                1 => doc["info"]["title"] = json!(2.5),
                2 => drop(doc.as_object_mut().unwrap().remove("info")),
                _ => {}
            }
            let text = serde_json::to_string(&doc).unwrap();
            assert_loads_as_generally(&text);
            let config = ApiConfig::parse("api.toml", CONFIG).unwrap();
            let input = ApiInput {
                config_path: "api.toml".into(),
                command: codegen::REGEN.into(),
                specs: vec![SpecFile {
                    path: "spec.json".into(),
                    text: text.clone(),
                }],
                overlays: Vec::new(),
                includes: Vec::new(),
            };
            match codegen::generate(&config, &input) {
                Ok(generated) => {
                    let warned = generated.model.warnings.iter().any(|w| {
                        w.message.contains("not text")
                            || w.message.contains("assumed")
                            || w.message.contains("not a string")
                    });
                    assert!(
                        warned,
                        "{relative}, iteration {i}: repaired without a warning"
                    );
                    repaired += 1;
                }
                Err(error) => panic!(
                    "{relative}, iteration {i}: refused for a cosmetic defect: {error}\n{text}"
                ),
            }
        }
    }
    assert_eq!(repaired, 300);
}

/// Every schema object of a document (under `components/schemas`, `properties`, `items`, the
/// composition keywords), by pointer.
fn schema_pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    let Some(map) = value.as_object() else {
        return;
    };
    if map.contains_key("type") || map.contains_key("properties") {
        out.push(at.to_owned());
    }
    for (key, child) in map {
        let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
        match (key.as_str(), child) {
            ("example" | "examples" | "default" | "enum" | "const", _) => {}
            (_, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    schema_pointers(item, &format!("{here}/{i}"), out);
                }
            }
            _ => schema_pointers(child, &here, out),
        }
    }
}

/// Validation keywords and flags of another type than OpenAPI's, or out of every integer's
/// range (tools that print 2^64 through a double write `18446744073709552000`), in JSON and in
/// YAML: each spec is repaired with a warning at the keyword or read as it is, never refused.
#[test]
fn mistyped_and_huge_keywords_never_refuse_a_spec() {
    const HUGE: &str = "18446744073709552000";
    let keywords = [
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
        "multipleOf",
        "exclusiveMinimum",
        "nullable",
        "readOnly",
        "deprecated",
        "uniqueItems",
        "pattern",
        "format",
        "minProperties",
    ];
    let garbage = || {
        [
            json!("10"),
            json!(10.0),
            json!(-1),
            json!(1e30),
            json!(-9.3e18),
            json!("true"),
            json!({"a": 1}),
            json!(["x"]),
            json!(0),
            json!("HUGE"),
        ]
    };
    let mut rng = Rng(0x0005_EED0_FB16 | 1);
    let (mut repaired, mut runs) = (0, 0);
    for relative in [
        "xtask/tests/constructs/v30.yaml",
        "xtask/tests/constructs/v31.yaml",
    ] {
        let original = seed_spec(relative);
        let mut schemas = Vec::new();
        schema_pointers(&original, "", &mut schemas);
        assert!(schemas.len() > 20, "{relative}: {}", schemas.len());
        for i in 0..60 {
            let mut doc = original.clone();
            let mut placed = Vec::new();
            for _ in 0..=rng.below(3) {
                let at = &schemas[rng.below(schemas.len())];
                let keyword = keywords[rng.below(keywords.len())];
                let value = garbage()[rng.below(10)].clone();
                if let Some(schema) = doc.pointer_mut(at).and_then(Value::as_object_mut) {
                    schema.insert(keyword.to_owned(), value);
                    placed.push(format!("{at}/{keyword}"));
                }
            }
            // Half the runs in YAML, where a number out of every integer's range used to fail
            // the whole load.
            let (path, text) = if i % 2 == 0 {
                let json = serde_json::to_string(&doc).unwrap();
                ("spec.json", json.replace("\"HUGE\"", HUGE))
            } else {
                let yaml = serde_yaml::to_string(&doc).unwrap();
                ("spec.yaml", yaml.replace("HUGE", HUGE))
            };
            runs += 1;
            match generate_file(path, text.clone()) {
                Ok(generated) => {
                    // A warning names the keyword it repaired, never an ancestor.
                    for warning in &generated.model.warnings {
                        let at = warning.at.to_string();
                        if placed.iter().any(|p| at.ends_with(p.as_str())) {
                            repaired += 1;
                        }
                    }
                }
                Err(error) => panic!("{relative}, run {i} ({path}): refused: {error}\n{placed:?}"),
            }
        }
    }
    assert_eq!(runs, 120);
    assert!(repaired > 30, "only {repaired} repairs named their keyword");
}
