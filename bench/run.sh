#!/usr/bin/env bash
# Benchmarks, run by hand (never in CI, never as timed tests):
#   1. `cargo xtask regen` for every API, cargo's own start included, with nothing to rebuild;
#   2. the rebuild time of each API's models crate, and of models + client together, after a
#      change to them, with incremental compilation off (dependencies already built).
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
for models in generated/*-models; do
  api="$(basename "$models" -models)"
  client="generated/$api-client"
  # Touching a crate's source makes cargo rebuild exactly that crate; dependencies stay built.
  rebuild+=(--command-name "rebuild $api models + client")
  prepare+=(--prepare "touch $models/src/lib.rs $client/src/lib.rs")
  commands+=("cargo build -q -p $api-client")
  rebuild+=(--command-name "rebuild $api models")
  prepare+=(--prepare "touch $models/src/lib.rs")
  commands+=("cargo build -q -p $api-models")
done
hyperfine "${rebuild[@]}" "${prepare[@]}" "${commands[@]}"

echo
echo "generated lines (Rust, all files) per crate:"
for dir in generated/*/; do
  printf '  %-24s %6d\n' "$(basename "$dir")" "$(find "$dir"src -name '*.rs' -exec cat {} + | wc -l)"
done

python3 - <<'PY'
import json
results = [r for f in ("bench/regen.json", "bench/rebuild.json") for r in json.load(open(f))["results"]]
print("\nmedians:")
for r in results:
    print(f"  {r['command']:<40} {r['median']:.3f} s")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
