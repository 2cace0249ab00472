//! Every operation of every spec has a client method whose doc comment carries the HTTP
//! method and the path template exactly as the spec writes them.

use std::path::Path;

/// `(method, path)` for every operation in a spec's files, read straight from the files.
fn operations_in(files: &[&str]) -> Vec<(String, String)> {
    let root = xtask::project_root();
    let specs: Vec<codegen::SpecFile> = files
        .iter()
        .map(|f| codegen::SpecFile {
            path: (*f).into(),
            text: std::fs::read_to_string(root.join(f)).unwrap(),
        })
        .collect();
    let spec = codegen::spec::load(&specs).unwrap();
    let mut operations = Vec::new();
    for (path, item) in &spec.paths.read_all(&spec.sources).unwrap() {
        let item = item.as_item().unwrap();
        for (method, _) in item.iter() {
            operations.push((method.to_uppercase(), path.clone()));
        }
    }
    operations
}

fn check(client_dir: &str, files: &[&str], expected_count: usize) {
    let operations = operations_in(files);
    assert_eq!(operations.len(), expected_count);
    let source = std::fs::read_to_string(
        Path::new(&xtask::project_root())
            .join(client_dir)
            .join("src/operations.rs"),
    )
    .unwrap();
    for (method, path) in operations {
        let line = format!("/// `{method} {path}`");
        let at = source
            .find(&line)
            .unwrap_or_else(|| panic!("no method documents `{method} {path}`"));
        let after = &source[at..];
        let signature = after
            .lines()
            .find(|l| l.trim_start().starts_with("pub fn "))
            .unwrap();
        assert!(
            signature.contains("crate::builders::") || after.contains("-> crate::builders::"),
            "{signature}"
        );
    }
}

#[test]
fn every_agentphone_operation_has_a_documented_method() {
    check(
        "generated/agentphone-client",
        &["specs/agentphone/openapi.json"],
        49,
    );
}

#[test]
fn every_convocore_operation_has_a_documented_method() {
    check(
        "generated/convocore-client",
        &[
            "specs/convocore/create-conversation.yaml",
            "specs/convocore/get-agent-conversations.yaml",
            "specs/convocore/get-single-conversation.yaml",
        ],
        3,
    );
}
