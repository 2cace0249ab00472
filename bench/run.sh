#!/usr/bin/env bash
# Benchmarks, run by hand (never in CI, never as timed tests):
#   1. `cargo xtask regen` for every API, cargo's own start included, with nothing to rebuild;
#   2. the rebuild time of each generated crate after a change to it, incremental compilation off.
# Prints hyperfine's summaries and the medians; raw figures go to bench/*.json (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  echo "hyperfine is not installed; installing it from Debian's packages" >&2
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi

runs="${RUNS:-20}"
export CARGO_INCREMENTAL=0
cargo build -q -p xtask
cargo build -q --workspace --lib

hyperfine --warmup 3 --runs "$runs" --export-json bench/regen.json --command-name "cargo xtask regen" "cargo xtask regen"

rebuild=(--warmup 1 --runs "$runs" --export-json bench/rebuild.json)
prepare=()
commands=()
for dir in generated/*/; do
  crate="$(basename "$dir")"
  # Touching the crate's source makes cargo rebuild exactly that crate; its dependencies are built.
  rebuild+=(--command-name "rebuild $crate")
  prepare+=(--prepare "touch ${dir}src/lib.rs")
  commands+=("cargo build -q -p $crate")
done
hyperfine "${rebuild[@]}" "${prepare[@]}" "${commands[@]}"

python3 - <<'PY'
import json
results = [r for f in ("bench/regen.json", "bench/rebuild.json") for r in json.load(open(f))["results"]]
print("\nmedians:")
for r in results:
    print(f"  {r['command']:<40} {r['median']:.3f} s")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
