//! The compiled-caller oracle for drift's Rust verdicts. For every golden drift pair
//! (`tests/drift/<category>/`), the new spec's crates are generated, and an "old caller" is
//! generated from the old spec's model (`codegen::caller`): code that reads and writes
//! every field, builds every request type, matches every enum and union, calls every operation
//! with every argument and setter and pins what `send()` returns. All of it is compiled in one
//! workspace, and wherever the report says a crate needs less than a major release, the old
//! caller must compile against the new crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drift")
}

/// A golden pair: `(category, base spec, new spec)`.
fn pairs() -> Vec<(String, PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    // The base against itself: every caller must compile, or the oracle itself is wrong.
    pairs.push((
        "unchanged".to_owned(),
        fixtures().join("base.yaml"),
        fixtures().join("base.yaml"),
    ));
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("new.yaml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let base = Some(dir.join("base.yaml"))
            .filter(|p| p.exists())
            .unwrap_or_else(|| fixtures().join("base.yaml"));
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        pairs.push((name, base, dir.join("new.yaml")));
    }
    pairs
}

/// What the report says of each crate: whether it needs a major release.
struct Verdict {
    models_major: bool,
    client_major: bool,
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn caller_manifest(name: &str, dependency: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependency} = {{ path = \"../{dependency}\" }}\nserde = \"1\"\n"
    )
}

/// Builds the workspace; returns the library targets that failed to compile.
fn check(workspace: &Path) -> (BTreeSet<String>, String) {
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--workspace",
            "--keep-going",
            "--message-format=json",
        ])
        .current_dir(workspace)
        .env(
            "CARGO_TARGET_DIR",
            xtask::project_root().join("target/generate-check"),
        )
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    let mut failed = BTreeSet::new();
    let mut rendered = String::from_utf8_lossy(&output.stderr).into_owned();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if message["reason"] == "compiler-message" && message["message"]["level"] == "error" {
            if let Some(target) = message["target"]["name"].as_str() {
                failed.insert(target.to_owned());
            }
            rendered.push_str(message["message"]["rendered"].as_str().unwrap_or_default());
        }
    }
    (failed, rendered)
}

#[test]
fn old_callers_compile_wherever_drift_says_not_major() {
    let scratch = tempfile::tempdir().unwrap();
    let workspace = scratch.path();
    let mut members = Vec::new();
    let mut verdicts = BTreeMap::new();
    for (category, base, new) in pairs() {
        let stem = format!("c-{category}");
        let out = workspace.join(&category);
        let request = xtask::generate::Request {
            spec: new.clone(),
            out: out.clone(),
            name: stem.clone(),
            config: None,
        };
        xtask::generate::generate(&request).unwrap_or_else(|e| panic!("{category}: {e:#}"));
        // One workspace for every pair: the generated crates' own manifest would shadow it.
        std::fs::remove_file(out.join("Cargo.toml")).unwrap();
        let drift = xtask::drift::between(&base, &new, &category, None).unwrap();
        let major = |models_only: bool| {
            drift.changes.iter().any(|c| {
                c.rust_semver == codegen::drift::Semver::Major
                    && (!models_only || c.krate == codegen::drift::CrateKind::Models)
            })
        };
        verdicts.insert(
            category.clone(),
            Verdict {
                models_major: major(true),
                client_major: major(false),
            },
        );
        let old = xtask::drift::model_of(&base).unwrap();
        let (models, client) = (format!("{stem}-models"), format!("{stem}-client"));
        let models_caller = codegen::caller::models_caller(&old, &models).unwrap();
        let client_caller = codegen::caller::client_caller(&old, &client).unwrap();
        write(
            &out.join("models-caller/Cargo.toml"),
            &caller_manifest(&format!("{stem}-models-caller"), &models),
        );
        write(&out.join("models-caller/src/lib.rs"), &models_caller);
        write(
            &out.join("client-caller/Cargo.toml"),
            &caller_manifest(&format!("{stem}-client-caller"), &client),
        );
        write(&out.join("client-caller/src/lib.rs"), &client_caller);
        for member in [
            models,
            client,
            "models-caller".into(),
            "client-caller".into(),
        ] {
            members.push(format!("\"{category}/{member}\""));
        }
    }
    write(
        &workspace.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    // This repository's lock file, so that dependencies resolve to versions already vetted.
    std::fs::copy(
        xtask::project_root().join("Cargo.lock"),
        workspace.join("Cargo.lock"),
    )
    .unwrap();
    let (failed, stderr) = check(workspace);

    let caller =
        |category: &str, kind: &str| format!("c_{}_{kind}_caller", category.replace('-', "_"));
    let crates_ok = failed.iter().all(|t| t.ends_with("_caller"));
    assert!(
        crates_ok,
        "generated crates failed to build: {failed:?}\n{stderr}"
    );
    let mut wrong = Vec::new();
    let mut table = String::new();
    for (category, verdict) in &verdicts {
        for (kind, major) in [
            ("models", verdict.models_major),
            ("client", verdict.client_major),
        ] {
            let breaks = failed.contains(&caller(category, kind));
            table.push_str(&format!(
                "{category:>20} {kind:>6}: report {:9}, old caller {}\n",
                if major { "major" } else { "not major" },
                if breaks { "breaks" } else { "compiles" }
            ));
            if breaks && !major {
                wrong.push(format!("{category} ({kind})"));
            }
        }
    }
    println!("{table}");
    assert!(
        wrong.is_empty(),
        "the report says not major, yet the old caller breaks: {wrong:?}\n{table}\n{stderr}"
    );
    // The oracle has teeth: the unchanged pair compiles, and removals break the old caller.
    assert!(
        !failed.contains(&caller("unchanged", "models"))
            && !failed.contains(&caller("unchanged", "client")),
        "{stderr}"
    );
    assert!(
        failed.contains(&caller("request-fields", "models")),
        "a removed request field did not break the old caller\n{table}"
    );
    assert!(
        failed.contains(&caller("operations", "client")),
        "a removed operation did not break the old caller\n{table}"
    );
}
