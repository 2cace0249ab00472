//! `cargo xtask regen` end to end, on a scratch copy of the project: staleness is caught,
//! and a broken spec fails loudly and leaves `generated/` exactly as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A scratch project holding copies of `specs/` and `generated/`.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = xtask::project_root();
    for part in ["specs", "generated"] {
        copy_dir(&root.join(part), &dir.path().join(part));
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn regen(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("regen")
        .args(args)
        .env("XTASK_ROOT", root)
        .output()
        .expect("xtask runs")
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn committed_output_is_fresh() {
    let (_guard, root) = scratch();
    let out = regen(&root, &["--check"]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("convocore: "),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn one_changed_byte_is_stale_until_regenerated() {
    let (_guard, root) = scratch();
    let file = root.join("generated/convocore-models/src/types.rs");
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'}' { b' ' } else { b'}' };
    std::fs::write(&file, &bytes).unwrap();

    let out = regen(&root, &["--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("--- a/generated/convocore-models/src/types.rs"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("run `cargo xtask regen`"));
    assert_eq!(
        xtask::check_fresh(&root)
            .unwrap_err()
            .lines()
            .next()
            .unwrap(),
        "generated/ does not match what the specs produce (convocore-models/src/types.rs):"
    );

    let out = regen(&root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("convocore: 32 types, 3 operations, 1 of 13 files changed"),
        "{}",
        text(&out.stdout)
    );
    assert!(regen(&root, &["--check"]).status.success());
    xtask::check_fresh(&root).unwrap();
}

#[test]
fn stray_files_are_stale_and_removed() {
    let (_guard, root) = scratch();
    std::fs::write(
        root.join("generated/convocore-models/src/extra.rs"),
        "// hand-written\n",
    )
    .unwrap();
    assert_eq!(regen(&root, &["--check"]).status.code(), Some(1));
    assert!(regen(&root, &[]).status.success());
    assert!(!root
        .join("generated/convocore-models/src/extra.rs")
        .exists());
}

#[test]
fn truncated_spec_fails_and_leaves_generated_untouched() {
    let (_guard, root) = scratch();
    let before = snapshot(&root.join("generated"));
    let spec = root.join("specs/agentphone/openapi.json");
    let full = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(&spec, &full[..full.len() / 2]).unwrap();

    let out = regen(&root, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: specs/agentphone/openapi.json: cannot parse: invalid JSON"),
        "{stderr}"
    );
    assert_eq!(
        snapshot(&root.join("generated")),
        before,
        "generated/ changed after a failed regen"
    );
    assert!(!root.join("generated.new").exists() && !root.join("generated.old").exists());
}

#[test]
fn invalid_spec_error_names_file_and_pointer() {
    let (_guard, root) = scratch();
    let before = snapshot(&root.join("generated"));
    let spec = root.join("specs/convocore/get-single-conversation.yaml");
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let broken = yaml.replacen(
        "      responses:\n",
        "      responses: 7\n      ignored:\n",
        1,
    );
    assert_ne!(yaml, broken);
    std::fs::write(&spec, broken).unwrap();

    let out = regen(&root, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(
            "error: specs/convocore/get-single-conversation.yaml#/paths/~1agents~1{agentId}~1convos~1{convoId}/get/responses: not a valid OpenAPI document"
        ),
        "{stderr}"
    );
    assert_eq!(snapshot(&root.join("generated")), before);
}

#[test]
fn dangling_reference_names_file_and_pointer() {
    let (_guard, root) = scratch();
    let spec = root.join("specs/agentphone/openapi.json");
    let json = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        json.replacen(
            "#/components/schemas/AgentResponse\"",
            "#/components/schemas/Missing\"",
            1,
        ),
    )
    .unwrap();
    let out = regen(&root, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: specs/agentphone/openapi.json#/"),
        "{stderr}"
    );
    assert!(
        stderr.contains("dangling reference `#/components/schemas/Missing`"),
        "{stderr}"
    );
}
