//! Drift reports as Markdown (for a pull-request comment) and as JSON (for machines).

use super::{ApiDrift, Change, OperationRef, Semver};
use serde::Serialize;

/// The Markdown report: a verdict line per API, then each API's changes, breaking ones first,
/// grouped by operation.
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
        out.push_str(&format!("\n### {}\n", drift.api));
        let (breaking, compatible): (Vec<&Change>, Vec<&Change>) =
            drift.changes.iter().partition(|c| c.is_breaking());
        for (title, changes) in [("Breaking", breaking), ("Compatible", compatible)] {
            if changes.is_empty() {
                continue;
            }
            out.push_str(&format!("\n#### {title}\n"));
            let mut current: Option<(Option<&OperationRef>, &[OperationRef])> = None;
            for change in changes {
                let group = (change.operation.as_ref(), change.operations.as_slice());
                if current != Some(group) {
                    current = Some(group);
                    out.push_str(&format!("\n{}\n", heading(change)));
                }
                out.push_str(&format!("- {} — {}\n", change.message, impact(change)));
            }
        }
    }
    out
}

/// What a group of changes concerns: an operation, the operations that reach a type, or the
/// API as a whole.
fn heading(change: &Change) -> String {
    let name = |op: &OperationRef| format!("`{} {}`", op.method, op.path);
    match (&change.operation, change.operations.as_slice()) {
        (Some(op), _) => name(op),
        (None, []) => "API-wide".to_owned(),
        (None, ops) => format!(
            "Types used by {}",
            ops.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
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
            files.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
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
