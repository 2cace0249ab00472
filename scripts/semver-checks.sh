#!/usr/bin/env bash
# cargo-semver-checks on every generated crate against a base revision: the pull-request
# workflow's second opinion beside the drift report, runnable locally.
#
#   scripts/semver-checks.sh BASE_REV [SUMMARY_FILE]
#
# BASE_REV is any git revision (`origin/main`, `HEAD~1`); the findings go to SUMMARY_FILE as
# Markdown (standard output by default). Exit status: 0 when no crate breaks, 1 when one does
# or cannot be checked, 2 on wrong usage or a missing tool. INSTALL=1 installs the pinned
# cargo-semver-checks first (the workflow does).
#
# The pinned pair: cargo-semver-checks reads only the rustdoc JSON formats it knows, and each
# Rust release may write a new one, so the tool's version and the toolchain move together.
# To move them: pick the newest toolchain the workflow may install, find the cargo-semver-checks
# release that reads its format (its changelog names the rustdoc format versions), change both
# lines below and the toolchain in .github/workflows/pull-request.yml (a test keeps them equal),
# and run this script on a real change.
set -euo pipefail

SEMVER_CHECKS_VERSION=0.51.0
RUST_TOOLCHAIN=1.95.0

base=${1:?usage: scripts/semver-checks.sh BASE_REV [SUMMARY_FILE]}
summary=${2:-/dev/stdout}
cd "$(dirname "$0")/.."

installed=$(cargo semver-checks --version 2>/dev/null || true)
if [ "$installed" != "cargo-semver-checks $SEMVER_CHECKS_VERSION" ]; then
    if [ "${INSTALL:-0}" = 1 ]; then
        cargo install cargo-semver-checks --version "$SEMVER_CHECKS_VERSION" --locked
    else
        echo "error: this script needs cargo-semver-checks $SEMVER_CHECKS_VERSION (found: ${installed:-none});" >&2
        echo "       cargo install cargo-semver-checks --version $SEMVER_CHECKS_VERSION --locked, or INSTALL=1" >&2
        exit 2
    fi
fi
rustc_version=$(rustc --version | cut -d' ' -f2)
if [ "$rustc_version" != "$RUST_TOOLCHAIN" ]; then
    echo "note: rustc $rustc_version is not the pinned $RUST_TOOLCHAIN; cargo-semver-checks may not read its rustdoc format" >&2
fi
if ! git rev-parse --verify --quiet "$base^{commit}" > /dev/null; then
    echo "error: \`$base\` is not a git revision here" >&2
    exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
echo "## cargo-semver-checks $SEMVER_CHECKS_VERSION against \`$base\`" >> "$summary"
echo >> "$summary"
for dir in generated/*/; do
    crate=$(basename "$dir")
    if ! git cat-file -e "$base:generated/$crate/Cargo.toml" 2> /dev/null; then
        echo "- \`$crate\`: new crate, nothing to compare" >> "$summary"
        continue
    fi
    set +e
    cargo semver-checks --package "$crate" --baseline-rev "$base" > "$log" 2>&1
    crate_status=$?
    set -e
    verdict=$([ "$crate_status" -eq 0 ] && echo "no semver violations" || echo "breaking changes or an error (exit $crate_status)")
    {
        echo "<details><summary>$crate: $verdict</summary>"
        echo
        echo '```'
        cat "$log"
        echo '```'
        echo "</details>"
    } >> "$summary"
    if [ "$crate_status" -ne 0 ]; then
        status=1
        if [ -n "${GITHUB_ACTIONS:-}" ]; then
            echo "::warning title=cargo-semver-checks::$crate: $verdict; see the job summary"
        fi
    fi
done
exit "$status"
