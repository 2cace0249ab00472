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
        text(&out.stdout).contains("convocore: 32 types, 3 operations, 1 of 30 files changed"),
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

/// A scratch project that is also a git repository with one commit.
fn git_scratch() -> (tempfile::TempDir, PathBuf) {
    let (guard, root) = scratch();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(&root)
            .output()
            .expect("git runs");
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            text(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "add",
        "-A",
    ]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "base",
    ]);
    (guard, root)
}

fn xtask(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("XTASK_ROOT", root)
        .output()
        .expect("xtask runs")
}

/// The realistic AgentPhone change of the drift report in the README: a removed endpoint, a
/// new required request field, a new optional response field, a new enum value, and a field
/// that becomes nullable.
fn change_agentphone(root: &Path) {
    let path = root.join("specs/agentphone/openapi.json");
    let mut spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let agent = spec["paths"]["/v1/agents/{agent_id}"]
        .as_object_mut()
        .unwrap();
    agent.remove("delete");
    let create = &mut spec["components"]["schemas"]["CreateAgentRequest"];
    create["properties"]["timezone"] = serde_json::json!({"type": "string", "title": "Timezone"});
    create["required"]
        .as_array_mut()
        .unwrap()
        .push("timezone".into());
    let response = &mut spec["components"]["schemas"]["AgentResponse"];
    response["properties"]["lastCallAt"] = serde_json::json!({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}], "title": "Lastcallat"});
    for schema in ["AgentResponse", "CreateAgentRequest", "UpdateAgentRequest"] {
        let values = spec["components"]["schemas"][schema]["properties"]["voiceMode"]["enum"]
            .as_array_mut()
            .unwrap();
        values.push("sip".into());
    }
    let response = &mut spec["components"]["schemas"]["AgentResponse"];
    response["properties"]["voice"] =
        serde_json::json!({"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Voice"});
    std::fs::write(&path, serde_json::to_string_pretty(&spec).unwrap()).unwrap();
}

#[test]
fn drift_against_head_reports_a_realistic_change() {
    let (_guard, root) = git_scratch();
    let unchanged = xtask(&root, &["drift"]);
    assert_eq!(
        unchanged.status.code(),
        Some(0),
        "{}",
        text(&unchanged.stderr)
    );
    assert!(
        text(&unchanged.stdout).contains("**agentphone**: no changes"),
        "{}",
        text(&unchanged.stdout)
    );

    change_agentphone(&root);
    let report = xtask(&root, &["drift", "--base", "HEAD"]);
    assert_eq!(report.status.code(), Some(1), "{}", text(&report.stderr));
    let markdown = text(&report.stdout);
    if let Some(path) = std::env::var_os("DRIFT_REPORT_OUT") {
        std::fs::write(path, &markdown).unwrap();
    }
    for expected in [
        "**agentphone**: ⚠️ breaking",
        "`agentphone-models` 0.1.0 → 0.2.0 (major)",
        "`agentphone-client` 0.1.0 → 0.2.0 (major)",
        "`DELETE /v1/agents/{agent_id}`\n- operation removed — **breaks callers**",
        // A second required string: the type is now built by naming its fields.
        "type `CreateAgentRequest` (sent): built with `CreateAgentRequest::builder()` instead of `new` (two required fields now share a type) — wire-compatible, Rust major",
        "type `CreateAgentRequest` (sent): required field `timezone` added (a field `build()` requires) — **breaks callers**",
        "field `lastCallAt` added — wire-compatible, Rust minor",
        "enum value `sip` added",
        "`voice`: may now be null — **breaks callers**",
        "**convocore**: no changes",
    ] {
        assert!(
            markdown.contains(expected),
            "missing {expected:?} in:\n{markdown}"
        );
    }
    let json = xtask(&root, &["drift", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let removed = document["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "operation_removed")
        .unwrap();
    assert_eq!(
        removed["operation"],
        serde_json::json!({"method": "DELETE", "path": "/v1/agents/{agent_id}"})
    );
    assert_eq!(removed["pointer"], "/paths/~1v1~1agents~1{agent_id}/delete");
    assert_eq!(
        (
            removed["breaking_wire"].as_bool(),
            removed["rust_semver"].as_str()
        ),
        (Some(true), Some("major"))
    );
}

#[test]
fn regen_summarises_the_drift_and_applies_the_suggested_bump() {
    let (_guard, root) = git_scratch();
    change_agentphone(&root);
    let out = xtask(&root, &["regen", "--bump"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("bumped agentphone-models 0.1.0 → 0.2.0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("What the spec changes mean for callers"),
        "{stdout}"
    );
    assert!(
        stdout.contains("! DELETE /v1/agents/{agent_id}: operation removed"),
        "{stdout}"
    );
    let config = std::fs::read_to_string(root.join("specs/agentphone/api.toml")).unwrap();
    assert_eq!(config.matches("version = \"0.2.0\"").count(), 2, "{config}");
    // Bumps count from the committed versions: a second run changes nothing.
    let again = xtask(&root, &["regen", "--bump"]);
    assert!(
        again.status.success() && !text(&again.stdout).contains("bumped"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("specs/agentphone/api.toml")).unwrap(),
        config
    );
    let manifest =
        std::fs::read_to_string(root.join("generated/agentphone-client/Cargo.toml")).unwrap();
    assert!(manifest.contains("version = \"0.2.0\""), "{manifest}");
    assert!(xtask(&root, &["regen", "--check"]).status.success());
}

#[test]
fn drift_against_an_unknown_revision_is_an_error() {
    let (_guard, root) = git_scratch();
    let out = xtask(&root, &["drift", "--base", "no-such-rev"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("`no-such-rev` is not a git revision"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn drift_reads_each_side_with_its_own_overlays() {
    let (_guard, root) = git_scratch();
    // The base revision's overlays apply to the base spec: an unchanged tree has no drift.
    let unchanged = xtask(&root, &["drift", "--base", "HEAD"]);
    assert_eq!(
        unchanged.status.code(),
        Some(0),
        "{}",
        text(&unchanged.stderr)
    );
    let markdown = text(&unchanged.stdout);
    assert!(
        markdown.contains("**agentphone**: no changes"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**agentphone** overlays applied: base `HEAD:specs/agentphone/overlays/published-shapes.yaml`, `HEAD:specs/agentphone/overlays/transcript-stream.yaml`; new `specs/agentphone/overlays/published-shapes.yaml`, `specs/agentphone/overlays/transcript-stream.yaml`"),
        "{markdown}"
    );

    // Dropping the stream overlay in the working tree is a change only on the new side.
    let config = root.join("specs/agentphone/api.toml");
    let text_before = std::fs::read_to_string(&config).unwrap();
    let without = text_before.replace(
        "    \"overlays/transcript-stream.yaml\",  # the transcript stream is Server-Sent Events\n",
        "",
    );
    assert_ne!(without, text_before, "the config lists the stream overlay");
    std::fs::write(&config, without).unwrap();
    let report = xtask(&root, &["drift", "--base", "HEAD", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let overlays = &document["apis"][0]["overlays"];
    assert_eq!(overlays["base"].as_array().unwrap().len(), 2, "{overlays}");
    assert_eq!(
        overlays["new"],
        serde_json::json!(["specs/agentphone/overlays/published-shapes.yaml"])
    );
    let stream_changes = document["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["operation"]["path"] == "/v1/calls/{call_id}/transcript/stream")
        .count();
    assert!(stream_changes > 0, "{}", text(&report.stdout));

    let regen = regen(&root, &["--check"]);
    assert!(
        text(&regen.stdout).contains("(overlays: specs/agentphone/overlays/published-shapes.yaml)"),
        "{}",
        text(&regen.stdout)
    );
}

/// Runs git in a scratch repository, with an identity for commits.
fn git_in(root: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(root)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

/// The messages of a JSON drift report's changes that mention `needle`.
fn changes_mentioning(report: &Output, needle: &str) -> Vec<String> {
    let document: serde_json::Value = serde_json::from_slice(&report.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", text(&report.stdout), text(&report.stderr)));
    document["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|change| change.to_string().contains(needle))
        .map(|change| change["message"].to_string())
        .collect()
}

#[test]
fn drift_reads_the_base_revisions_overlays_from_git() {
    let (_guard, root) = git_scratch();
    // An overlay edited in the working tree (its api.toml unchanged) is a change: the base
    // side reads the overlay as it was at the base revision, not the file on disk.
    let overlay = root.join("specs/agentphone/overlays/transcript-stream.yaml");
    let yaml = std::fs::read_to_string(&overlay).unwrap();
    let last = "          createdAt: {type: string, format: date-time}\n";
    assert!(yaml.contains(last), "the stream event's last property");
    let edited = yaml.replacen(
        last,
        &format!("{last}          speakerLabel: {{type: string}}\n"),
        1,
    );
    std::fs::write(&overlay, &edited).unwrap();
    let report = xtask(&root, &["drift", "--base", "HEAD", "--format", "json"]);
    assert!(
        !changes_mentioning(&report, "speakerLabel").is_empty(),
        "{}",
        text(&report.stdout)
    );

    // Once committed, the same change is seen from the revision before and not from HEAD.
    git_in(&root, &["commit", "-qam", "overlay adds a property"]);
    let report = xtask(&root, &["drift", "--base", "HEAD", "--format", "json"]);
    assert!(
        changes_mentioning(&report, "speakerLabel").is_empty(),
        "{}",
        text(&report.stdout)
    );
    let report = xtask(&root, &["drift", "--base", "HEAD~1", "--format", "json"]);
    assert!(
        !changes_mentioning(&report, "speakerLabel").is_empty(),
        "{}",
        text(&report.stdout)
    );

    // An overlay deleted from the working tree (file and config line) is still read at the
    // base revision, and the report says which overlays each side was read with.
    std::fs::remove_file(&overlay).unwrap();
    let config = root.join("specs/agentphone/api.toml");
    let toml = std::fs::read_to_string(&config).unwrap();
    let without = toml.replace(
        "    \"overlays/transcript-stream.yaml\",  # the transcript stream is Server-Sent Events\n",
        "",
    );
    assert_ne!(without, toml, "the config lists the stream overlay");
    std::fs::write(&config, without).unwrap();
    let report = xtask(&root, &["drift", "--base", "HEAD"]);
    let markdown = text(&report.stdout);
    assert!(
        markdown.contains("**agentphone** overlays applied: base `HEAD:specs/agentphone/overlays/published-shapes.yaml`, `HEAD:specs/agentphone/overlays/transcript-stream.yaml`; new `specs/agentphone/overlays/published-shapes.yaml`"),
        "{markdown}{}",
        text(&report.stderr)
    );
    assert!(
        markdown.contains("/v1/calls/{call_id}/transcript/stream"),
        "{markdown}"
    );
}

#[test]
fn an_overlay_target_the_spec_no_longer_has_fails_regen_naming_the_action() {
    let (_guard, root) = scratch();
    let before = snapshot(&root.join("generated"));
    // Upstream renames the stream endpoint the overlay is written for.
    let spec = root.join("specs/agentphone/openapi.json");
    let json = std::fs::read_to_string(&spec).unwrap();
    let renamed = json.replace("/transcript/stream\"", "/transcript/events\"");
    assert_ne!(json, renamed);
    std::fs::write(&spec, renamed).unwrap();

    let out = regen(&root, &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: specs/agentphone/overlays/transcript-stream.yaml#/actions/0: target `$.paths['/v1/calls/{call_id}/transcript/stream']"),
        "{stderr}"
    );
    assert!(
        stderr.contains("matches nothing in the document"),
        "{stderr}"
    );
    assert_eq!(snapshot(&root.join("generated")), before);
}

#[test]
fn a_new_api_suggests_no_bump() {
    let (_guard, root) = git_scratch();
    // A second API, new in the working tree: its crates have never been released.
    let from = root.join("specs/convocore");
    let to = root.join("specs/newapi");
    copy_dir(&from, &to);
    let config = std::fs::read_to_string(to.join("api.toml"))
        .unwrap()
        .replace("convocore-models", "newapi-models")
        .replace("convocore-client", "newapi-client")
        .replace("convocore_client", "newapi_client");
    std::fs::write(to.join("api.toml"), config).unwrap();
    let report = xtask(&root, &["drift", "--base", "HEAD", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&report.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", text(&report.stdout), text(&report.stderr)));
    let newapi = document["apis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["api"] == "newapi")
        .unwrap_or_else(|| panic!("{document}"));
    assert!(newapi["changes"].as_u64().unwrap() > 0, "{newapi}");
    assert_eq!(newapi["bumps"], serde_json::json!([]), "{newapi}");
}

#[test]
fn drift_between_two_specs_suggests_bumps_from_a_given_version() {
    let (_guard, root) = scratch();
    let old = root.join("old.json");
    std::fs::copy(root.join("specs/agentphone/openapi.json"), &old).unwrap();
    change_agentphone(&root);
    let new = root.join("specs/agentphone/openapi.json");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let report = xtask(
        &root,
        &[
            "drift",
            "--old",
            old,
            "--new",
            new,
            "--version",
            "0.3.1",
            "--format",
            "json",
        ],
    );
    assert_eq!(report.status.code(), Some(1), "{}", text(&report.stderr));
    let document: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let bumps = &document["apis"][0]["bumps"];
    assert_eq!(bumps[0]["crate"], "openapi-models", "{bumps}");
    assert_eq!(
        (bumps[0]["from"].as_str(), bumps[0]["to"].as_str()),
        (Some("0.3.1"), Some("0.4.0")),
        "{bumps}"
    );
    assert_eq!(bumps[1]["crate"], "openapi-client", "{bumps}");

    let without = xtask(
        &root,
        &["drift", "--old", old, "--new", new, "--format", "json"],
    );
    let document: serde_json::Value = serde_json::from_slice(&without.stdout).unwrap();
    assert_eq!(
        document["apis"][0]["bumps"],
        serde_json::json!([]),
        "no version, no bumps"
    );

    let bad = xtask(
        &root,
        &["drift", "--old", old, "--new", new, "--version", "1.0"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("`1.0` is not a semver version"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn generate_writes_crates_that_build_on_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pets");
    let spec = xtask::project_root().join("xtask/tests/drift/base.yaml");
    let run = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args([
                "generate",
                "--spec",
                spec.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--name",
                "Pet Store",
            ])
            .output()
            .expect("xtask runs")
    };
    let first = run(&out);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("4 types, 3 operations, 30 files written"),
        "{}",
        text(&first.stdout)
    );
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("members = [\"pet-store-models\", \"pet-store-client\"]"),
        "{manifest}"
    );
    assert!(out.join("pet-store-client/src/runtime/send.rs").is_file());
    // Its headers name the command that made it, not the one for the APIs under specs/.
    let lib = std::fs::read_to_string(out.join("pet-store-client/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with("// @generated by `cargo xtask generate` from:")
            && !lib.contains("xtask regen"),
        "{lib}"
    );

    // The directory builds on its own, without warnings: a workspace of its two crates, with
    // this repository's lock file so that dependencies resolve to versions already vetted.
    std::fs::copy(
        xtask::project_root().join("Cargo.lock"),
        out.join("Cargo.lock"),
    )
    .unwrap();
    let check = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--workspace"])
        .current_dir(&out)
        .env(
            "CARGO_TARGET_DIR",
            xtask::project_root().join("target/generate-check"),
        )
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    assert!(check.status.success(), "{}", text(&check.stderr));

    // Running again replaces its own output and leaves nothing beside it.
    let again = run(&out);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let siblings: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(siblings, vec![std::ffi::OsString::from("pets")]);

    // A directory it did not write is never replaced.
    let other = dir.path().join("mine");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "keep").unwrap();
    let refused = run(&other);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("was not written by `cargo xtask generate`"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn leftovers_of_a_killed_regen_are_gone_after_the_next_run() {
    let (_guard, root) = scratch();
    let before = snapshot(&root.join("generated"));
    // What a regen killed between its two renames leaves behind.
    for leftover in [
        "generated.new/agentphone-models/src",
        "generated.old/convocore-client/src",
    ] {
        std::fs::create_dir_all(root.join(leftover)).unwrap();
        std::fs::write(root.join(leftover).join("lib.rs"), "// half-written").unwrap();
    }
    let out = regen(&root, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!root.join("generated.new").exists() && !root.join("generated.old").exists());
    assert_eq!(snapshot(&root.join("generated")), before);
}

#[test]
fn a_spec_that_is_not_utf8_is_refused_with_its_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("bad.yaml");
    std::fs::write(
        &spec,
        b"openapi: 3.0.3\ninfo: {title: t\xff, version: '1'}\npaths: {}\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "generate",
            "--spec",
            spec.to_str().unwrap(),
            "--out",
            dir.path().join("out").to_str().unwrap(),
            "--name",
            "bad",
        ])
        .output()
        .expect("xtask runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        format!(
            "error: {}: not UTF-8: invalid byte sequence at byte offset 30",
            spec.display()
        )
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_credential_change_callers_must_code_for_is_suggested_as_major() {
    let fixtures = xtask::project_root().join("xtask/tests/drift");
    let (old, new) = (
        fixtures.join("base.yaml"),
        fixtures.join("security-schemes/new.yaml"),
    );
    let root = xtask::project_root();
    let report = xtask(
        &root,
        &[
            "drift",
            "--old",
            old.to_str().unwrap(),
            "--new",
            new.to_str().unwrap(),
            "--version",
            "1.2.3",
            "--format",
            "json",
        ],
    );
    assert_eq!(report.status.code(), Some(1), "{}", text(&report.stderr));
    let document: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let bumps = &document["apis"][0]["bumps"];
    let client = bumps
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["crate"].as_str().unwrap().ends_with("-client"))
        .unwrap();
    assert_eq!(
        (client["to"].as_str(), client["level"].as_str()),
        (Some("2.0.0"), Some("major")),
        "{bumps}"
    );
}

#[test]
fn drift_between_files_names_crates_as_generate_does() {
    let scratch = tempfile::tempdir().unwrap();
    let fixtures = xtask::project_root().join("xtask/tests/drift");
    let (old, new) = (
        fixtures.join("base.yaml"),
        scratch.path().join("api.github.com.yaml"),
    );
    std::fs::copy(fixtures.join("security-schemes/new.yaml"), &new).unwrap();
    let root = xtask::project_root();
    let crates = |extra: &[&str]| {
        let mut args = vec![
            "drift",
            "--old",
            old.to_str().unwrap(),
            "--new",
            new.to_str().unwrap(),
            "--version",
            "0.1.0",
            "--format",
            "json",
        ];
        args.extend(extra);
        let report = xtask(&root, &args);
        let document: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
        document["apis"][0]["bumps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["crate"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // Only the client changes (security): one bump.
    assert_eq!(crates(&[]), ["api-github-com-client"]);
    assert_eq!(crates(&["--name", "GitHub REST"]), ["github-rest-client"]);
}
