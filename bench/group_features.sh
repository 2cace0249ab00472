#!/usr/bin/env bash
# The cost of one tag group against all of them, on GitHub's 13 MB spec (the vendor corpus,
# bench/vendor): the generated client built with `--features issues` and with `--features
# full`, dependencies built beforehand, each build after `touch`ing both generated crates with
# incremental compilation off, so that every run compiles the two crates whole. Run by hand
# (never in CI): a full build takes minutes on 2 cores.
#
#   bash bench/group_features.sh          # RUNS=3 by default
#
# Prints hyperfine's summary (medians and ranges) and the two crates' line counts; raw figures
# go to bench/group_features.json (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  echo "hyperfine is not installed; installing it from Debian's packages" >&2
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
runs="${RUNS:-3}"
group="${GROUP:-issues}"
spec=bench/vendor/node_modules/@octokit/openapi/generated/api.github.com.json
if [ ! -f "$spec" ]; then
  (cd bench/vendor && npm ci --silent)
fi

cargo build -q -p xtask
out=target/group-bench/github
target/debug/xtask generate --spec "$spec" --out "$out" --name github
cp Cargo.lock "$out/"
export CARGO_TARGET_DIR="$PWD/target/group-bench-target" CARGO_INCREMENTAL=0
cd "$out"
grep -c '^"' github-client/Cargo.toml | xargs echo "features (groups + full):"
# Dependencies (and the crates with no group) once, outside the timings.
cargo build -q -p github-client
touch_both="touch github-models/src/lib.rs github-client/src/lib.rs"
hyperfine --runs "$runs" --export-json ../../../bench/group_features.json \
  --prepare "$touch_both" --command-name "one group ($group)" "cargo build -q -p github-client --features $group" \
  --prepare "$touch_both" --command-name "every group (full)" "cargo build -q -p github-client --features full"
echo
echo "generated Rust lines:"
find github-models github-client -name '*.rs' -print0 | xargs -0 cat | wc -l
