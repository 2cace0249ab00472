//! Drift reports as Markdown (for a pull-request comment) and as JSON (for machines).

use super::{ApiDrift, Change, OperationRef, Semver};
use serde::Serialize;

/// The Markdown report: a verdict line per API; then for each API a table of its changes by
/// kind, the breaking changes, and the compatible ones folded away, each grouped by what they
/// concern.
pub fn markdown(drifts: &[ApiDrift]) -> String {
    let mut out = String::from("## API drift\n\n");
    for drift in drifts {
        out.push_str(&format!("- {}\n", verdict(drift)));
    }
    for drift in drifts {
        if let Some(line) = overlays(drift) {
            out.push_str(&format!("\n{line}\n"));
        }
    }
    for drift in drifts.iter().filter(|d| !d.changes.is_empty()) {
        out.push_str(&format!("\n### {}\n\n", drift.api));
        out.push_str(&kinds_table(&drift.changes));
        let (breaking, compatible): (Vec<&Change>, Vec<&Change>) =
            drift.changes.iter().partition(|c| c.is_breaking());
        if !breaking.is_empty() {
            out.push_str("\n#### Breaking\n");
            out.push_str(&grouped(&breaking));
        }
        if !compatible.is_empty() {
            let count = compatible.len();
            let noun = if count == 1 { "change" } else { "changes" };
            out.push_str(&format!(
                "\n<details><summary>Compatible: {count} {noun}</summary>\n{}\n</details>\n",
                grouped(&compatible)
            ));
        }
    }
    out
}

/// How many changes of each kind there are, breaking and compatible.
fn kinds_table(changes: &[Change]) -> String {
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for change in changes {
        let entry = counts.entry(change.kind.as_str()).or_default();
        if change.is_breaking() {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    let mut out = String::from("| change | breaking | compatible |\n|---|---:|---:|\n");
    for (kind, (breaking, compatible)) in counts {
        out.push_str(&format!("| `{kind}` | {breaking} | {compatible} |\n"));
    }
    out
}

/// Changes under a heading for each thing they concern, in the order given.
fn grouped(changes: &[&Change]) -> String {
    let mut out = String::new();
    let mut current: Option<(Option<&OperationRef>, &[OperationRef])> = None;
    for change in changes {
        let group = (change.operation.as_ref(), change.operations.as_slice());
        if current != Some(group) {
            current = Some(group);
            out.push_str(&format!("\n{}\n", heading(change)));
        }
        out.push_str(&format!("- {} — {}\n", change.message, impact(change)));
    }
    out
}

/// The most operations a heading names; the JSON report lists them all.
const HEADING_OPERATIONS: usize = 8;

/// What a group of changes concerns: an operation, the operations that share it or reach a
/// type, or the API as a whole.
fn heading(change: &Change) -> String {
    let name = |op: &OperationRef| format!("`{} {}`", op.method, op.path);
    let list = |ops: &[OperationRef]| {
        let mut names: Vec<String> = ops.iter().take(HEADING_OPERATIONS).map(name).collect();
        if ops.len() > HEADING_OPERATIONS {
            names.push(format!("and {} more", ops.len() - HEADING_OPERATIONS));
        }
        names.join(", ")
    };
    match (&change.operation, change.operations.as_slice()) {
        (Some(op), _) => name(op),
        (None, []) => "API-wide".to_owned(),
        (None, ops) if change.shared => format!("{} operations alike: {}", ops.len(), list(ops)),
        (None, ops) => format!("Types used by {}", list(ops)),
    }
}

/// A short summary for the end of `cargo xtask regen`: the verdicts, then at most `limit`
/// changes, breaking ones first.
pub fn summary(drifts: &[ApiDrift], limit: usize) -> String {
    let mut out = String::from(
        "What the spec changes mean for callers (`cargo xtask drift` has the full report):\n",
    );
    for drift in drifts {
        out.push_str(&format!("  {}\n", verdict(drift).replace("**", "")));
        for change in drift.changes.iter().take(limit) {
            let operation = change
                .operation
                .as_ref()
                .map_or_else(String::new, |op| format!("{} {}: ", op.method, op.path));
            let reach = match change.operations.len() {
                0 => String::new(),
                1 => " (1 operation)".to_owned(),
                n => format!(" ({n} operations)"),
            };
            let mark = if change.is_breaking() { "!" } else { " " };
            out.push_str(&format!("   {mark} {operation}{}{reach}\n", change.message));
        }
        if drift.changes.len() > limit {
            out.push_str(&format!(
                "     … and {} more\n",
                drift.changes.len() - limit
            ));
        }
    }
    out
}

/// Which overlays each side was read with, when there are any.
fn overlays(drift: &ApiDrift) -> Option<String> {
    let list = |files: &[String]| -> String {
        if files.is_empty() {
            "none".to_owned()
        } else {
            files
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let o = &drift.overlays;
    (!o.base.is_empty() || !o.new.is_empty()).then(|| {
        format!(
            "**{}** overlays applied: base {}; new {}",
            drift.api,
            list(&o.base),
            list(&o.new)
        )
    })
}

fn verdict(drift: &ApiDrift) -> String {
    if drift.changes.is_empty() {
        return format!("**{}**: no changes", drift.api);
    }
    let breaking = drift.changes.iter().filter(|c| c.is_breaking()).count();
    let total = drift.changes.len();
    let head = if breaking > 0 {
        format!(
            "**{}**: ⚠️ breaking: {breaking} of {total} changes break callers",
            drift.api
        )
    } else {
        format!(
            "**{}**: compatible: {total} changes, none breaking",
            drift.api
        )
    };
    let bumps: Vec<String> = drift
        .bumps
        .iter()
        .map(|b| format!("`{}` {} → {} ({})", b.krate, b.from, b.to, level(b.level)))
        .collect();
    if bumps.is_empty() {
        head
    } else {
        format!("{head}; bump {}", bumps.join(", "))
    }
}

fn impact(change: &Change) -> String {
    let wire = if change.breaking_wire {
        "**breaks callers**"
    } else {
        "wire-compatible"
    };
    format!(
        "{wire}, Rust {} · `{}`",
        level(change.rust_semver),
        change.pointer
    )
}

fn level(level: Semver) -> &'static str {
    match level {
        Semver::Patch => "patch",
        Semver::Minor => "minor",
        Semver::Major => "major",
    }
}

#[derive(Serialize)]
struct Document<'a> {
    /// Bumped when the document's shape changes incompatibly.
    format_version: u32,
    breaking: bool,
    apis: Vec<ApiSummary<'a>>,
    changes: Vec<&'a Change>,
}

#[derive(Serialize)]
struct ApiSummary<'a> {
    api: &'a str,
    breaking: bool,
    changes: usize,
    bumps: &'a [super::Bump],
    #[serde(skip_serializing_if = "super::Overlays::is_empty")]
    overlays: &'a super::Overlays,
}

/// The JSON report: a summary per API and one entry per change.
pub fn json(drifts: &[ApiDrift]) -> String {
    let document = Document {
        format_version: 1,
        breaking: drifts.iter().any(ApiDrift::is_breaking),
        apis: drifts
            .iter()
            .map(|d| ApiSummary {
                api: &d.api,
                breaking: d.is_breaking(),
                overlays: &d.overlays,
                changes: d.changes.len(),
                bumps: &d.bumps,
            })
            .collect(),
        changes: drifts.iter().flat_map(|d| &d.changes).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
