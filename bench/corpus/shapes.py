#!/usr/bin/env python3
"""Shapes benchmark: `xtask generate` on generated specs whose cost could grow faster than
their size (long chains of `allOf` includes, of references and of nested structs, and one
schema included by many), at doubling sizes.

For each shape and size it reports the spec's size, the median time of RUNS runs (default 3),
the largest peak RSS and the size of the generated types.rs, and how much each grew from the
size before: about 2× per doubling is linear, 4× quadratic. Writes
bench/corpus/results/shapes.md and prints it.

    cargo build -p xtask && RUNS=3 python3 bench/corpus/shapes.py
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
from sweep import RESULTS, XTASK  # noqa: E402


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def all_of_chain(n):
    """S<i> includes S<i-1> and adds a property: copied whole, n² fields."""
    schemas = {"S0": {"type": "object", "required": ["p0"], "properties": {"p0": {"type": "string"}}}}
    for i in range(1, n):
        schemas[f"S{i}"] = {"allOf": [ref(f"S{i - 1}"), {"type": "object", "properties": {f"p{i}": {"type": "integer"}}}]}
    return schemas


def empty_all_of_chain(n):
    """The same without properties: copying adds nothing, but walks the chain."""
    schemas = {"E0": {"type": "object"}}
    for i in range(1, n):
        schemas[f"E{i}"] = {"allOf": [ref(f"E{i - 1}"), {"type": "object"}]}
    return schemas


def alias_chain(n):
    """A<i> is only a reference to A<i-1>."""
    schemas = {"A0": {"type": "object", "properties": {"x": {"type": "string"}}}}
    for i in range(1, n):
        schemas[f"A{i}"] = ref(f"A{i - 1}")
    return schemas


def nested_chain(n):
    """P<i> has a property holding a P<i-1>."""
    schemas = {"P0": {"type": "object", "properties": {"x": {"type": "string"}}}}
    for i in range(1, n):
        schemas[f"P{i}"] = {"type": "object", "properties": {"inner": ref(f"P{i - 1}")}}
    return schemas


def required_chain(n):
    """Q<n-i> requires Q<n-i+1>, and the innermost a date-time, which has no `Default`: named
    so that type order runs against the chain (whether each struct derives `Default` used to
    take a pass over all types per link)."""
    name = lambda i: f"Q{n - i:06d}"
    schemas = {name(0): {"type": "object", "required": ["at"], "properties": {"at": {"type": "string", "format": "date-time"}}}}
    for i in range(1, n):
        schemas[name(i)] = {"type": "object", "required": ["inner"], "properties": {"inner": ref(name(i - 1))}}
    return schemas


def fan_out(n):
    """One schema of 500 properties (under the 512 copied fields of lower/include.rs) included
    by n others: copied into each, so linear in n but 500 fields per include."""
    base = {f"b{i}": {"type": "string"} for i in range(500)}
    schemas = {"Base": {"type": "object", "properties": base}}
    for i in range(n):
        schemas[f"D{i}"] = {"allOf": [ref("Base"), {"type": "object", "properties": {f"d{i}": {"type": "integer"}}}]}
    return schemas


SHAPES = [
    ("`allOf` chain", all_of_chain, [1000, 2000, 4000, 8000]),
    ("`allOf` chain without properties", empty_all_of_chain, [1000, 2000, 4000, 8000]),
    ("`$ref` chain (aliases)", alias_chain, [1000, 2000, 4000, 8000]),
    ("nested structs", nested_chain, [1000, 2000, 4000, 8000]),
    ("nested structs, each required, the innermost without `Default`", required_chain, [2000, 4000, 8000, 16000]),
    ("a 500-property schema included by n others", fan_out, [100, 200, 400]),
]


def measure(schemas, runs, workdir):
    spec = {"openapi": "3.0.3", "info": {"title": "Shapes", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}
    path = os.path.join(workdir, "spec.json")
    with open(path, "w") as f:
        json.dump(spec, f, separators=(",", ":"))
    times, peaks, output = [], [], 0
    for _ in range(runs):
        out = os.path.join(workdir, "crates")
        shutil.rmtree(out, ignore_errors=True)
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "TIME %e %M", XTASK, "generate", "--spec", path, "--out", out, "--name", "shapes"],
            capture_output=True, text=True, errors="replace",
        )
        if proc.returncode != 0:
            sys.exit(f"xtask generate failed:\n{proc.stderr}")
        stats = [l for l in proc.stderr.splitlines() if l.startswith("TIME ")][-1].split()
        times.append(float(stats[1]))
        peaks.append(int(stats[2]) * 1024)
        output = os.path.getsize(os.path.join(out, "shapes-models", "src", "types.rs"))
    return os.path.getsize(path), statistics.median(times), max(peaks), output


def main():
    runs = int(os.environ.get("RUNS", "3"))
    lines = [
        "# Shapes: generation cost of specs that could grow faster than their size",
        "",
        f"`RUNS={runs} python3 bench/corpus/shapes.py` (`xtask generate`, as `cargo xtask` builds it; "
        f"median of {runs} runs; peak RSS from `/usr/bin/time`; output is the models crate's types.rs). "
        "The growth columns compare each size with the one before it: 2× is linear, 4× quadratic.",
        "",
        "| shape | n | spec | median time | peak RSS | output | time growth | output growth |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    workdir = tempfile.mkdtemp(prefix="shapes-")
    try:
        for label, make, sizes in SHAPES:
            before = None
            for n in sizes:
                size, time, peak, output = measure(make(n), runs, workdir)
                growth = ("", "")
                if before:
                    growth = (f"{time / before[0]:.1f}×" if before[0] >= 0.05 else "—", f"{output / before[1]:.1f}×")
                lines.append(
                    f"| {label} | {n} | {size / 1e3:.0f} KB | {time:.2f} s | {peak / 1e6:.0f} MB | "
                    f"{output / 1e6:.1f} MB | {growth[0]} | {growth[1]} |"
                )
                before = (time, output)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "shapes.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
