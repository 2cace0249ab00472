#!/usr/bin/env bash
# Event-stream benchmark, run by hand (never in CI, never as a timed test): one Server-Sent
# Event of 1 MiB and of 10 MiB, sent by a loopback server in 64 KiB chunks and read, parsed
# and decoded by the AgentPhone client (tests/examples/sse_event.rs, release build).
# Prints hyperfine's summary (process start and the loopback transfer included) and the peak
# resident memory of one run of each, from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine time; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/bin/$tool" ]; then
    echo "$tool is not installed; installing it from Debian's packages" >&2
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

cargo build -q --release -p tests --example sse_event
bin=target/release/examples/sse_event
hyperfine --warmup 2 --runs "${RUNS:-10}" --export-json bench/sse.json \
  --command-name "1 MiB event" "$bin 1" --command-name "10 MiB event" "$bin 10"
for mib in 1 10; do
  /usr/bin/time -f "$mib MiB event: peak resident memory %M KB, %e s" "$bin" "$mib"
done
