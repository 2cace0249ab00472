//! The project's automation as a library, so the `tests` crate checks exactly what
//! `cargo xtask regen` writes.
//!
//! This is the only code that touches `specs/` and `generated/` on disk.

pub mod apis;
pub mod drift;
pub mod generate;
pub mod regen;

use std::path::{Path, PathBuf};

/// The workspace root: the parent of this crate's directory, unless `XTASK_ROOT` names
/// another one (the CLI tests run against a scratch copy of the project that way).
pub fn project_root() -> PathBuf {
    if let Some(root) = std::env::var_os("XTASK_ROOT") {
        return PathBuf::from(root);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Compares `generated/` with a fresh in-memory regeneration; `Err` carries the diff and the
/// command that fixes it. This is the golden test's assertion.
pub fn check_fresh(root: &Path) -> Result<(), String> {
    let outputs = regen::generate_all(root).map_err(|e| format!("regeneration failed: {e:#}"))?;
    let changes = regen::changes(root, &outputs).map_err(|e| format!("cannot compare: {e:#}"))?;
    if changes.is_empty() {
        return Ok(());
    }
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    Err(format!(
        "generated/ does not match what the specs produce ({}):\n\n{}\nRun `cargo xtask regen` and commit the result.",
        paths.join(", "),
        regen::unified_diff(&changes)
    ))
}

/// Reads a text file; a file that is not UTF-8 is an error naming the byte offset where it
/// stops being so.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    use anyhow::Context;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8: invalid byte sequence at byte offset {}",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
