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
        "cargo install cargo-semver-checks --version",
        "cargo semver-checks --package \"$crate\" --baseline-rev \"$base\"",
    ] {
        assert!(
            workflow.contains(command),
            "the workflow no longer runs `{command}`"
        );
    }
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        ci.contains("cargo xtask ci") && readme.contains("cargo xtask ci"),
        ".ci/run and the README disagree"
    );
}
