//! The pull-request workflow runs the same commands the tests exercise.

#[test]
fn workflow_runs_the_tested_commands() {
    let root = xtask::project_root();
    let workflow =
        std::fs::read_to_string(root.join(".github/workflows/pull-request.yml")).unwrap();
    for command in [
        "cargo xtask regen --check",
        "cargo xtask drift --base \"origin/${{ github.base_ref }}\" --format markdown",
        "$GITHUB_STEP_SUMMARY",
        "bash .ci/run",
        "bash scripts/semver-checks.sh \"origin/${{ github.base_ref }}\" \"$GITHUB_STEP_SUMMARY\"",
    ] {
        assert!(
            workflow.contains(command),
            "the workflow no longer runs `{command}`"
        );
    }
    let script = std::fs::read_to_string(root.join("scripts/semver-checks.sh")).unwrap();
    for command in [
        "cargo install cargo-semver-checks --version \"$SEMVER_CHECKS_VERSION\" --locked",
        "cargo semver-checks --package \"$crate\" --baseline-rev \"$base\"",
    ] {
        assert!(
            script.contains(command),
            "the semver script no longer runs `{command}`"
        );
    }
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        ci.contains("cargo xtask ci") && readme.contains("cargo xtask ci"),
        ".ci/run and the README disagree"
    );
}

/// cargo-semver-checks reads only the rustdoc formats it knows: the workflow installs the
/// toolchain the script pins its version against.
#[test]
fn the_semver_job_installs_the_pinned_toolchain() {
    let root = xtask::project_root();
    let workflow =
        std::fs::read_to_string(root.join(".github/workflows/pull-request.yml")).unwrap();
    let script = std::fs::read_to_string(root.join("scripts/semver-checks.sh")).unwrap();
    let pinned = |text: &str, key: &str| -> String {
        text.lines()
            .find_map(|line| line.trim().strip_prefix(key))
            .unwrap_or_else(|| panic!("no `{key}` line"))
            .trim()
            .to_owned()
    };
    let toolchain = pinned(&script, "RUST_TOOLCHAIN=");
    let job = &workflow[workflow.find("  semver:").expect("a semver job")..];
    let job = &job[..job.find("\n  test:").unwrap_or(job.len())];
    assert_eq!(
        pinned(job, "toolchain:"),
        toolchain,
        "the workflow and the script pin different toolchains"
    );
    assert!(
        !job.contains("@stable"),
        "the semver job must not follow stable"
    );
    let version = pinned(&script, "SEMVER_CHECKS_VERSION=");
    assert!(
        version.split('.').count() == 3,
        "`{version}` is not an exact version"
    );
}
