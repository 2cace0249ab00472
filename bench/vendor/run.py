#!/usr/bin/env python3
"""Vendor corpus: `xtask generate` on OpenAPI documents that vendors ship in their own packages.

The specs are listed in corpus.toml; each comes from an npm package pinned in package.json and
package-lock.json, or from a PyPI wheel pinned (with its hash) in pypi.txt. Only those two
registries are needed:

    python3 bench/vendor/run.py                    # fetch when needed, generate every spec
    python3 bench/vendor/run.py --filter git --jobs 2 --timeout 900
    python3 bench/vendor/run.py --compile          # also `cargo check` each generated workspace
    XTASK=/path/to/xtask python3 bench/vendor/run.py   # another generator binary

Fetching: `npm ci --ignore-scripts` in bench/vendor when node_modules is missing or does not
match package-lock.json; `pip download --no-deps --require-hashes -r pypi.txt` into
target/vendor-pypi, unpacked there. Reading YAML specs needs PyYAML (`pip install pyyaml`).

Each spec is generated in its own process (under `/usr/bin/time -v` for the peak RSS, when it
exists) with a time limit, into target/vendor-gen/<name>. The generator is $XTASK, by default
target/debug/xtask (`cargo build -p xtask`). The spec itself is read here too, to count its
operations, the operations whose success responses (2xx; `default` when there is no 2xx) offer
more than one body kind (json, event-stream, ndjson, bytes, text, ...), and the code-generator
extensions it carries (x-fern-*, x-speakeasy-pagination, x-stainless-*).

`--compile` then runs `cargo check --workspace` on every generated workspace, one at a time,
with RUSTFLAGS="-D warnings" and CARGO_TARGET_DIR=target/vendor-check, and records errors and
warnings (slow: the GitHub crates alone take a long time on 2 cores).

Writes bench/vendor/results/vendor.md (the summary), vendor.tsv (one row per spec; no timings,
so that runs diff cleanly) and multi-body.tsv (every multi-body operation), and prints the
summary. A run with --filter prints only and writes nothing.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib  # Python 3.11+
import zipfile

try:
    import yaml
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit("PyYAML is needed to read YAML specs: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(HERE, "results")
NODE_MODULES = os.path.join(HERE, "node_modules")
PYPI = os.path.join(ROOT, "target", "vendor-pypi")
GEN = os.path.join(ROOT, "target", "vendor-gen")
CHECK_TARGET = os.path.join(ROOT, "target", "vendor-check")
XTASK = os.environ.get("XTASK", os.path.join(ROOT, "target", "debug", "xtask"))
TIME = "/usr/bin/time"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
EXTENSIONS = ("x-fern-streaming", "x-fern-pagination", "x-speakeasy-pagination", "x-stainless-*")
STREAM_KINDS = {"event-stream", "ndjson"}


# --- corpus and fetching -------------------------------------------------------------------


def load_corpus(filter_text):
    with open(os.path.join(HERE, "corpus.toml"), "rb") as f:
        specs = tomllib.load(f)["spec"]
    for spec in specs:
        registry, _, package = spec["source"].partition(":")
        spec["registry"] = registry
        if registry == "npm":
            spec["package"], _, spec["version"] = package.rpartition("@")
        else:
            spec["package"], _, spec["version"] = package.partition("==")
    return [s for s in specs if filter_text is None or filter_text in s["name"]]


def check_pins(specs):
    """Every corpus entry must name the version that package.json or pypi.txt pins."""
    with open(os.path.join(HERE, "package.json")) as f:
        pinned = {("npm", name): version for name, version in json.load(f)["dependencies"].items()}
    pinned.update({("pypi", normalized(name)): version for name, version in pypi_pins()})
    for spec in specs:
        key = spec["package"] if spec["registry"] == "npm" else normalized(spec["package"])
        if pinned.get((spec["registry"], key)) != spec["version"]:
            sys.exit(f"corpus.toml: {spec['name']} wants {spec['source']}, which is not what is pinned")


def installed_versions(lock_path):
    with open(lock_path) as f:
        packages = json.load(f).get("packages", {})
    return {path: entry.get("version") for path, entry in packages.items() if path}


def fetch_npm():
    """`npm ci` unless node_modules already holds exactly what package-lock.json pins."""
    hidden = os.path.join(NODE_MODULES, ".package-lock.json")
    wanted = installed_versions(os.path.join(HERE, "package-lock.json"))
    if os.path.exists(hidden) and installed_versions(hidden) == wanted:
        return
    print("npm ci in bench/vendor ...", file=sys.stderr)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def pypi_pins():
    pins = []
    with open(os.path.join(HERE, "pypi.txt")) as f:
        for line in f:
            match = re.match(r"\s*([A-Za-z0-9._-]+)==([^\s;]+)", line)
            if match:
                pins.append(match.groups())
    return pins


def normalized(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def pypi_dir(name, version):
    return os.path.join(PYPI, f"{normalized(name)}-{version}")


def fetch_pypi():
    """Download the pinned wheels (hashes checked by pip) and unpack each into its own folder."""
    missing = [(n, v) for n, v in pypi_pins() if not os.path.isdir(pypi_dir(n, v))]
    if not missing:
        return
    downloads = os.path.join(PYPI, "downloads")
    print("pip download into target/vendor-pypi ...", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--ignore-requires-python",
         "--require-hashes", "--quiet", "-d", downloads, "-r", os.path.join(HERE, "pypi.txt")],
        check=True,
    )
    for name, version in missing:
        unpack(find_download(downloads, name, version), pypi_dir(name, version))


def find_download(downloads, name, version):
    prefix = f"{normalized(name)}-{version}"
    for file in os.listdir(downloads):
        if normalized(file).startswith(normalized(prefix)):
            return os.path.join(downloads, file)
    sys.exit(f"pip download left no file for {name}=={version} in {downloads}")


def unpack(archive, dest):
    """A wheel unpacks as it is; an sdist loses its top folder, so paths start in the project."""
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    if archive.endswith(".whl") or archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(tmp)
        os.rename(tmp, dest)
        return
    with tarfile.open(archive) as t:
        t.extractall(tmp, filter="data")
    (top,) = os.listdir(tmp)
    os.rename(os.path.join(tmp, top), dest)
    os.rmdir(tmp)


def spec_file(spec):
    if spec["registry"] == "npm":
        return os.path.join(NODE_MODULES, spec["package"], spec["path"])
    return os.path.join(pypi_dir(spec["package"], spec["version"]), spec["path"])


# --- reading the spec ----------------------------------------------------------------------


def load_document(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig")
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=YAML_LOADER)


def resolve(doc, node):
    """Follows local `$ref`s (`#/...`); a remote one is left as it is."""
    for _ in range(32):
        if not isinstance(node, dict) or not str(node.get("$ref", "")).startswith("#/"):
            return node
        target = doc
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        if target is None:
            return {}
        node = target
    return node


TEXT_TYPES = ("application/xml", "application/yaml", "application/x-yaml", "application/javascript",
              "application/markdown")
BYTES_TYPES = ("application/octet-stream", "application/pdf", "application/zip", "application/gzip",
               "application/x-gzip", "application/x-tar")


def body_kind(media_type):
    m = media_type.split(";")[0].strip().lower()
    if m == "text/event-stream":
        return "event-stream"
    if m in ("application/x-ndjson", "application/ndjson", "application/jsonl",
             "application/x-jsonlines", "application/jsonlines", "application/json-seq"):
        return "ndjson"
    if m in ("application/json", "text/json") or m.endswith("+json"):
        return "json"
    if m.startswith("text/") or m in TEXT_TYPES or m.endswith(("+xml", "+yaml")):
        return "text"
    if m.split("/")[0] in ("audio", "image", "video", "font") or m in BYTES_TYPES:
        return "bytes"
    if m in ("*/*", "application/*"):
        return "any"
    return "other"  # vendor types (application/vnd.github.diff), multipart, forms, ...


def operations(doc):
    for path, item in (doc.get("paths") or {}).items():
        item = resolve(doc, item)
        if not isinstance(item, dict):
            continue
        ops = [(m, item[m]) for m in METHODS if isinstance(item.get(m), dict)]
        ops += list((item.get("additionalOperations") or {}).items())  # OpenAPI 3.2
        for method, op in ops:
            yield method.upper(), path, op


def success_media_types(doc, op):
    responses = op.get("responses") or {}
    codes = [c for c in responses if str(c).startswith("2")] or [c for c in responses if c == "default"]
    media = []
    for code in codes:
        content = resolve(doc, responses[code]).get("content") or {}
        media += [m for m in content if m not in media]
    return media


def count_extensions(doc):
    counts = collections.Counter()
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and key.startswith("x-"):
                    if key.startswith("x-stainless-"):
                        counts["x-stainless-*"] += 1
                    elif key in EXTENSIONS:
                        counts[key] += 1
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return counts


def analyze(path):
    doc = load_document(path)
    version = doc.get("openapi") or f"swagger {doc.get('swagger', '?')}"
    ops, streaming, multi = 0, 0, []
    for method, route, op in operations(doc):
        ops += 1
        media = success_media_types(doc, op)
        kinds = sorted({body_kind(m) for m in media})
        streaming += bool(STREAM_KINDS & set(kinds))
        if len(kinds) > 1:
            op_id = op.get("operationId") or f"{method} {route}"
            multi.append({"operation": op_id, "route": f"{method} {route}", "kinds": kinds, "media": media})
    return {"openapi": str(version), "ops": ops, "streaming": streaming, "multi": multi,
            "extensions": count_extensions(doc)}


# --- running the generator -----------------------------------------------------------------


def run_command(argv, timeout, env=None, cwd=None):
    """Runs argv in its own process group (killed whole on timeout) under `time -v` if present.

    Returns (exit code or None on timeout, stdout, stderr, seconds, peak RSS in MB or None).
    """
    handle, timing = tempfile.mkstemp(prefix=".time-", dir=GEN)
    os.close(handle)
    timed = [TIME, "-v", "-o", timing] + argv if os.access(TIME, os.X_OK) else argv
    started = time.monotonic()
    proc = subprocess.Popen(timed, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="replace", start_new_session=True, env=env, cwd=cwd)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    seconds = time.monotonic() - started
    return code, out, err, seconds, peak_rss_mb(timing)


def peak_rss_mb(timing):
    try:
        with open(timing) as f:
            report = f.read()
        os.remove(timing)
    except OSError:
        return None
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return int(match.group(1)) / 1024 if match else None


def warning_kind(line):
    """`warning: file#/pointer: reason` -> (pointer, reason with quoted names elided)."""
    text = line[len("warning:"):].strip()
    match = re.match(r"(\S*?#(\S*?)|\S+?\.(?:json|ya?ml)):\s+(.*)", text)
    pointer, reason = ("", text) if not match else (match.group(2) or "", match.group(3))
    return pointer, re.sub(r"`[^`]*`", "`…`", reason)[:140]


def error_line(code, out, err):
    if code is None:
        return "timeout"
    lines = [l for l in (err + out).splitlines() if l.strip()]
    panic = next((l for l in lines if "panicked" in l), None)
    if panic:
        return panic.strip()
    error = next((l for l in lines if l.startswith("error")), None)
    return error or (lines[-1] if lines else f"exit code {code}")


def generate(spec, timeout):
    out_dir = os.path.join(GEN, spec["name"])
    shutil.rmtree(out_dir, ignore_errors=True)
    argv = [XTASK, "generate", "--spec", spec_file(spec), "--out", out_dir, "--name", spec["name"]]
    code, out, err, seconds, rss = run_command(argv, timeout)
    warnings = [warning_kind(l) for l in (out + err).splitlines() if l.startswith("warning:")]
    written = re.search(r"(\d+) types, (\d+) operations", out + err)
    outcome = "ok" if code == 0 else ("timeout" if code is None else "error")
    if code not in (0, None) and "panicked" in err:
        outcome = "panic"
    return {
        "outcome": outcome, "exit": code, "seconds": seconds, "rss": rss, "warnings": warnings,
        "types": int(written.group(1)) if written else None,
        "gen_ops": int(written.group(2)) if written else None,
        "error": "" if code == 0 else error_line(code, out, err),
        "exposed": send_methods(out_dir, spec["name"]) if code == 0 else collections.Counter(),
    }


SEND_METHOD = re.compile(r"pub async fn (send_(?:stream|lines|bytes|text|json))\(")


def send_methods(out_dir, name):
    """How the generated client exposes the other forms of a success body: the send methods
    beside `send()` in builders.rs, counted by name."""
    path = os.path.join(out_dir, f"{name}-client", "src", "builders.rs")
    if not os.path.isfile(path):
        return collections.Counter()
    with open(path, encoding="utf-8") as f:
        return collections.Counter(SEND_METHOD.findall(f.read()))


def run_spec(spec, timeout):
    path = spec_file(spec)
    row = dict(spec, bytes=os.path.getsize(path))
    try:
        row.update(analyze(path))
    except Exception as e:  # a spec this script cannot read is still generated
        row.update(openapi="?", ops=0, streaming=0, multi=[], extensions=collections.Counter(),
                   read_error=str(e))
    row.update(generate(spec, timeout))
    return row


# --- cargo check (--compile) ----------------------------------------------------------------


def check(row, timeout):
    """`cargo check --workspace --all-features` on one generated workspace, with the
    repository's Cargo.lock; a workspace with a feature per tag group is also checked with its
    default features (no group), so that what the gates leave out builds too."""
    workspace = os.path.join(GEN, row["name"])
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(workspace, "Cargo.lock"))
    env = dict(os.environ, RUSTFLAGS="-D warnings", CARGO_TARGET_DIR=CHECK_TARGET)
    argv = ["cargo", "check", "--workspace", "--all-features", "--keep-going", "--message-format=json"]
    code, out, err, seconds, rss = run_command(argv, timeout, env=env, cwd=workspace)
    manifests = [os.path.join(workspace, d, "Cargo.toml") for d in os.listdir(workspace)]
    featured = any(os.path.isfile(m) and "\nfull = [" in open(m).read() for m in manifests)
    if code == 0 and featured:
        argv = ["cargo", "check", "--workspace", "--keep-going", "--message-format=json"]
        code, out, err, more, _ = run_command(argv, timeout, env=env, cwd=workspace)
        seconds = (seconds or 0) + (more or 0)
    row["features"] = "per group" if featured else ""
    messages = compiler_messages(out)
    errors = [m for m in messages if m.startswith("error")]
    row.update(
        check="ok" if code == 0 else ("timeout" if code is None else "failed"),
        check_seconds=seconds, check_rss=rss,
        check_errors=len(errors), check_warnings=len(messages) - len(errors),
        check_first=(errors or messages or [""])[0] if code != 0 else "",
    )
    if code not in (0, None) and not messages:
        row["check_first"] = (err.strip().splitlines() or [""])[-1]


def compiler_messages(stdout):
    found = []
    for line in stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("reason") != "compiler-message":
            continue
        inner = message["message"]
        text = inner["message"]
        if inner["level"] not in ("error", "warning") or text.startswith("aborting due to") \
                or "warnings emitted" in text or "warning emitted" in text:
            continue
        span = next((s for s in inner.get("spans", []) if s.get("is_primary")), None)
        where = f" ({span['file_name']}:{span['line_start']})" if span else ""
        found.append(f"{inner['level']}: {text}{where}")
    return found


# --- results -------------------------------------------------------------------------------


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def blank(value):
    return "" if value is None else value


def main_table(rows):
    lines = [
        "| spec | vendor | OpenAPI | MB | ops | streaming ops | multi-body ops | send methods beside send() "
        "| generate | types | ops generated | seconds | MB RSS | warnings | error |",
        "|---|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        rss = f"{r['rss']:.0f}" if r["rss"] is not None else "?"
        exposed = ", ".join(f"{n} {m}()" for m, n in sorted(r.get("exposed", {}).items()))
        lines.append(
            f"| {r['name']} | {cell(r['vendor'])} | {r['openapi']} | {r['bytes'] / 1e6:.2f} | {r['ops']} "
            f"| {r['streaming']} | {len(r['multi'])} | {exposed} | {r['outcome']} | {blank(r['types'])} "
            f"| {blank(r['gen_ops'])} | {r['seconds']:.1f} | {rss} "
            f"| {len(r['warnings'])} | {cell(r['error'])} |"
        )
    return lines


def sources_table(rows):
    lines = ["| spec | package | path in it |", "|---|---|---|"]
    lines += [f"| {r['name']} | {r['source']} | `{r['path']}` |" for r in rows]
    return lines


def extension_lines(rows):
    used = [(r["name"], r["extensions"]) for r in rows if r["extensions"]]
    if not used:
        return [f"No spec carries any of {', '.join(EXTENSIONS)}."]
    lines = ["| spec | " + " | ".join(EXTENSIONS) + " |", "|---|" + "---:|" * len(EXTENSIONS)]
    for name, counts in used:
        lines.append(f"| {name} | " + " | ".join(str(counts[e]) for e in EXTENSIONS) + " |")
    return lines


def warning_lines(rows):
    lines = ["| spec | warnings | kind (quoted names elided) | first pointer |", "|---|---:|---|---|"]
    for r in rows:
        kinds = collections.Counter(kind for _, kind in r["warnings"])
        first = {}
        for pointer, kind in r["warnings"]:
            first.setdefault(kind, pointer)
        for kind, n in kinds.most_common():
            lines.append(f"| {r['name']} | {n} | {cell(kind)} | `{cell(first[kind])}` |")
    return lines if len(lines) > 2 else ["No warnings."]


def multi_body_lines(rows, limit=60):
    found = [(r["name"], m) for r in rows for m in r["multi"]]
    found.sort(key=lambda item: not (STREAM_KINDS & set(item[1]["kinds"])))  # streaming first
    lines = [f"{len(found)} operations (streaming ones first; all of them in multi-body.tsv).", "",
             "| spec | operation | route | kinds | media types |", "|---|---|---|---|---|"]
    for name, m in found[:limit]:
        lines.append(f"| {name} | {cell(m['operation'])} | {cell(m['route'])} | {', '.join(m['kinds'])} "
                     f"| {cell(', '.join(m['media']))} |")
    if len(found) > limit:
        lines.append(f"| … | {len(found) - limit} more | | | |")
    return lines


def check_lines(rows):
    checked = [r for r in rows if "check" in r]
    if not checked:
        return []
    lines = ["", "## cargo check (-D warnings)", "",
             "With `--all-features`; a workspace with a feature per tag group is checked again with",
             "its default features (no group on), and its seconds are the two checks together.", "",
             "| spec | features | check | seconds | errors | warnings | first message |",
             "|---|---|---|---:|---:|---:|---|"]
    for r in checked:
        lines.append(f"| {r['name']} | {r.get('features', '')} | {r['check']} | {r['check_seconds']:.0f} "
                     f"| {r['check_errors']} | {r['check_warnings']} | {cell(r['check_first'][:300])} |")
    return lines


def summary(rows):
    vendors = len({r["vendor"] for r in rows})
    ok = sum(1 for r in rows if r["outcome"] == "ok")
    lines = [
        "# Vendor corpus: generation",
        "",
        f"{len(rows)} OpenAPI documents from {vendors} vendors, shipped in their npm and PyPI packages "
        f"(pinned in bench/vendor); `python3 bench/vendor/run.py`. Generated: {ok} of {len(rows)}.",
        "",
        "Streaming ops: a success response (2xx, or `default` without a 2xx) offers text/event-stream "
        "or an NDJSON type. Multi-body ops: the success responses offer more than one body kind "
        "(json, event-stream, ndjson, bytes, text, any, other).",
        "",
        *main_table(rows),
    ]
    failures = [r for r in rows if r["outcome"] != "ok"]
    if failures:
        lines += ["", "## Failures", ""] + [f"- {r['name']}: `{r['error']}`" for r in failures]
    unread = [r for r in rows if "read_error" in r]
    if unread:
        lines += ["", "Not read by this script (counts are 0):", ""]
        lines += [f"- {r['name']}: {r['read_error']}" for r in unread]
    lines += ["", "## Warnings by kind", "", *warning_lines(rows)]
    lines += ["", "## Multi-body operations", "", *multi_body_lines(rows)]
    lines += ["", "## Code-generator extensions", "", *extension_lines(rows)]
    lines += check_lines(rows)
    lines += ["", "## Sources", "", *sources_table(rows)]
    return "\n".join(lines) + "\n"


def write_tsv(rows):
    columns = ["spec", "vendor", "source", "path", "openapi", "bytes", "ops", "streaming_ops",
               "multi_body_ops", *EXTENSIONS, "outcome", "exit_code", "types", "ops_generated", "warnings",
               "warning_kinds", "error"]
    with open(os.path.join(RESULTS, "vendor.tsv"), "w") as f:
        f.write("\t".join(columns) + "\n")
        for r in rows:
            kinds = len({kind for _, kind in r["warnings"]})
            values = [r["name"], r["vendor"], r["source"], r["path"], r["openapi"], r["bytes"], r["ops"],
                      r["streaming"], len(r["multi"]), *(r["extensions"][e] for e in EXTENSIONS),
                      r["outcome"], blank(r["exit"]), blank(r["types"]), blank(r["gen_ops"]), len(r["warnings"]), kinds,
                      r["error"]]
            f.write("\t".join(str(v).replace("\t", " ") for v in values) + "\n")
    with open(os.path.join(RESULTS, "multi-body.tsv"), "w") as f:
        f.write("spec\toperation\troute\tkinds\tmedia_types\n")
        for r in rows:
            for m in r["multi"]:
                values = [r["name"], m["operation"], m["route"], ",".join(m["kinds"]), ",".join(m["media"])]
                f.write("\t".join(values) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filter", help="only the specs whose name contains this")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900, help="seconds per generate")
    parser.add_argument("--compile", action="store_true", help="also cargo check each workspace")
    parser.add_argument("--check-timeout", type=float, default=3600, help="seconds per cargo check")
    args = parser.parse_args()
    if not os.access(XTASK, os.X_OK):
        sys.exit(f"{XTASK} is missing: run `cargo build -p xtask`, or set XTASK")
    specs = load_corpus(args.filter)
    check_pins(specs)
    if any(s["registry"] == "npm" for s in specs):
        fetch_npm()
    if any(s["registry"] == "pypi" for s in specs):
        fetch_pypi()
    os.makedirs(GEN, exist_ok=True)
    rows = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for row in pool.map(lambda s: run_spec(s, args.timeout), specs):
            print(f"{row['name']}: {row['outcome']} in {row['seconds']:.1f} s, "
                  f"{len(row['warnings'])} warnings {row['error']}", file=sys.stderr)
            rows.append(row)
    if args.compile:
        for row in rows:
            if row["outcome"] == "ok":
                check(row, args.check_timeout)
                print(f"{row['name']}: cargo check {row['check']}", file=sys.stderr)
    text = summary(rows)
    if args.filter is None:
        os.makedirs(RESULTS, exist_ok=True)
        with open(os.path.join(RESULTS, "vendor.md"), "w") as f:
            f.write(text)
        write_tsv(rows)
    print(text)


if __name__ == "__main__":
    main()
