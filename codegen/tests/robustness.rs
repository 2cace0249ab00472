//! The generator never panics: hundreds of damaged versions of the real specs each produce
//! either crates or an error, deterministically.

use codegen::{ApiConfig, ApiInput, SpecFile};
use std::path::Path;

fn spec(relative: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(relative),
    )
    .unwrap()
}

fn run(path: &str, text: String) -> Result<(), String> {
    run_with_overlays(path, text, Vec::new())
}

fn run_with_overlays(path: &str, text: String, overlays: Vec<SpecFile>) -> Result<(), String> {
    let config_text = format!(
        "name = \"X\"\nspecs = [\"{path}\"]\n[models]\ncrate = \"x-models\"\nversion = \"0.1.0\"\n"
    );
    let config = ApiConfig::parse("api.toml", &config_text).unwrap();
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: path.into(),
            text,
        }],
        overlays,
        includes: Vec::new(),
    };
    match std::panic::catch_unwind(|| {
        codegen::generate(&config, &input)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }) {
        Ok(result) => result,
        Err(_) => panic!("generator panicked on a damaged {path}"),
    }
}

/// Deterministic damage: truncation, dropped lines, and swapped characters, spread evenly.
fn damaged(text: &str, count: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for i in 1..=count {
        let cut = text.len() * i / (count + 1);
        let cut = (0..=cut)
            .rev()
            .find(|c| text.is_char_boundary(*c))
            .unwrap_or(0);
        out.push(text[..cut].to_owned());
        let drop = lines.len() * i / (count + 1);
        out.push(
            lines
                .iter()
                .enumerate()
                .filter(|(n, _)| *n != drop)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let swap = ["{", "[", ":", "\"", "-", "$ref", "type", "null"][i % 8];
        let replacement = ["[", "{", " ", "'", "+", "$rfe", "tpye", "7"][i % 8];
        let nth = i % 5;
        let mut replaced = text.to_owned();
        if let Some((pos, _)) = text.match_indices(swap).nth(nth * 7) {
            replaced.replace_range(pos..pos + swap.len(), replacement);
        }
        out.push(replaced);
    }
    out
}

#[test]
fn damaged_specs_never_panic() {
    let mut errors = 0;
    let mut total = 0;
    for (path, text) in [
        ("openapi.json", spec("specs/agentphone/openapi.json")),
        (
            "create-conversation.yaml",
            spec("specs/convocore/create-conversation.yaml"),
        ),
    ] {
        for variant in damaged(&text, 40) {
            total += 1;
            if let Err(message) = run(path, variant) {
                errors += 1;
                assert!(
                    message.starts_with(path),
                    "error does not name the file: {message}"
                );
            }
        }
    }
    // Most damage must be caught; a few cuts happen to leave a valid document.
    assert!(
        errors * 2 > total,
        "only {errors} of {total} damaged specs were rejected"
    );
}

#[test]
fn damaged_overlays_never_panic() {
    let openapi = spec("specs/agentphone/openapi.json");
    let overlays = [
        "specs/agentphone/overlays/published-shapes.yaml",
        "specs/agentphone/overlays/transcript-stream.yaml",
    ];
    let intact: Vec<SpecFile> = overlays
        .iter()
        .map(|path| SpecFile {
            path: (*path).into(),
            text: spec(path),
        })
        .collect();
    let (mut errors, mut total) = (0, 0);
    for (index, overlay) in overlays.iter().enumerate() {
        for variant in damaged(&intact[index].text, 20) {
            total += 1;
            let mut files = intact.clone();
            files[index].text = variant;
            if let Err(message) = run_with_overlays("openapi.json", openapi.clone(), files) {
                errors += 1;
                // Damage found while applying names the overlay; damage that makes the
                // overlaid spec invalid names the spec file.
                assert!(
                    message.starts_with(overlay) || message.starts_with("openapi.json"),
                    "error names neither the overlay nor the spec: {message}"
                );
            }
        }
    }
    assert!(
        errors * 2 > total,
        "only {errors} of {total} damaged overlays were rejected"
    );
}
