#!/usr/bin/env python3
"""Scale benchmark: `xtask generate` time and peak memory over specs of growing size.

Picks the bundle's spec closest to each target size (up to the largest, microsoft.com's
graph-beta at 46 MB), runs `xtask generate` on each RUNS times (default 3) under
`/usr/bin/time -f`, and reports the median wall time and the largest peak RSS, also as a
multiple of the spec's size. The bundle has no spec between 6.3 and 20 MB, so one more point
is made from graph.json: its first path items up to 10 MB in all, with every component (which
makes it heavier in types than a spec of that size usually is). Writes
bench/corpus/results/scale.md and prints it.

    cargo build -p xtask && RUNS=3 python3 bench/corpus/scale.py
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sweep import BUNDLE, RESULTS, XTASK, specs  # noqa: E402

TARGETS_MB = [0.1, 0.5, 1, 2, 5, 10, 20, 50]
CUT_FROM, CUT_BYTES = "microsoft.com/graph.json", 10_000_000


def cut(rel, limit, directory):
    """The spec `rel` with only its first path items, as many as keep it under `limit` bytes
    of compact JSON: a spec of exactly the size the targets name."""
    with open(os.path.join(BUNDLE, rel)) as f:
        doc = json.load(f)
    paths, doc["paths"] = doc["paths"], {}
    size = len(json.dumps(doc, separators=(",", ":")))
    for path, item in paths.items():
        # Each further entry adds its key, its value and a comma.
        grown = size + len(json.dumps({path: item}, separators=(",", ":"))) - 1
        if grown > limit:
            break
        doc["paths"][path], size = item, grown
    target = os.path.join(directory, f"{os.path.splitext(os.path.basename(rel))[0]}-{limit // 1_000_000}mb.json")
    with open(target, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    return target, len(doc["paths"])


def main():
    runs = int(os.environ.get("RUNS", "3"))
    sized = sorted((os.path.getsize(os.path.join(BUNDLE, rel)), rel) for rel in specs(None))
    chosen = []
    for target in TARGETS_MB:
        size, rel = min(sized, key=lambda s: abs(s[0] - target * 1e6))
        if rel not in [c[1] for c in chosen]:
            chosen.append((size, os.path.join(BUNDLE, rel), rel))
    workdir = tempfile.mkdtemp(prefix="scale-cut-")
    path, kept = cut(CUT_FROM, CUT_BYTES, workdir)
    chosen.append((os.path.getsize(path), path, f"{CUT_FROM}, first {kept} path items (a cut)"))
    chosen.sort()
    lines = [
        "# Scale: generation time and peak memory by spec size",
        "",
        f"`RUNS={runs} python3 bench/corpus/scale.py` (`xtask generate`, models and client, "
        "debug build with the generator's crates at opt-level 2 as `cargo xtask` runs them; "
        f"median of {runs} runs; peak RSS from `/usr/bin/time`). The targets: 2 s per 10 MB, "
        "and a peak RSS of at most 10× the spec's size.",
        "",
        "| spec | size | operations | median time | time per 10 MB | peak RSS | RSS / size |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    points = []
    for size, path, rel in chosen:
        times, peaks, summary = [], [], ""
        for _ in range(runs):
            out = tempfile.mkdtemp(prefix="scale-")
            proc = subprocess.run(
                ["/usr/bin/time", "-f", "TIME %e %M", XTASK, "generate", "--spec", path,
                 "--out", os.path.join(out, "crates"), "--name", "scale"],
                capture_output=True, text=True, errors="replace",
            )
            shutil.rmtree(out, ignore_errors=True)
            stats = [l for l in proc.stderr.splitlines() if l.startswith("TIME ")][-1].split()
            times.append(float(stats[1]))
            peaks.append(int(stats[2]) * 1024)
            summary = next((l for l in proc.stdout.splitlines() if "operations" in l), "")
        operations = summary.split(" types, ")[-1].split(" operations")[0] if summary else "refused"
        peak = max(peaks)
        if summary:
            points.append((size, statistics.median(times), peak))
        lines.append(
            f"| {rel} | {size / 1e6:.2f} MB | {operations} | {statistics.median(times):.2f} s | "
            f"{statistics.median(times) * 1e7 / size:.2f} s | {peak / 1e6:.0f} MB | {peak / size:.0f}× |"
        )
    shutil.rmtree(workdir, ignore_errors=True)
    lines += ["", *linear_fits(points)]
    text = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "scale.md"), "w") as f:
        f.write(text)
    print(text)


def linear_fits(points):
    """Least-squares lines through (size, time) and (size, peak) of the specs that generated:
    the fixed cost, the cost per 10 MB, and how well a line fits (R²)."""
    if len(points) < 3:
        return []
    sizes = [p[0] / 1e7 for p in points]
    lines = ["Fitted over the specs that generated (size in units of 10 MB):", ""]
    for label, values, unit in (("time", [p[1] for p in points], "s"), ("peak RSS", [p[2] / 1e6 for p in points], "MB")):
        fit = statistics.linear_regression(sizes, values)
        mean = statistics.fmean(values)
        residual = sum((v - (fit.intercept + fit.slope * x)) ** 2 for x, v in zip(sizes, values))
        total = sum((v - mean) ** 2 for v in values)
        r2 = 1 - residual / total if total else 1.0
        lines.append(f"- {label} ≈ {fit.intercept:.2f} {unit} + {fit.slope:.2f} {unit} per 10 MB (R² = {r2:.3f})")
    return lines


if __name__ == "__main__":
    main()
