//! The project's automation as a library, so the `tests` crate checks exactly what
//! `cargo xtask regen` writes.
//!
//! This is the only code that touches `specs/` and `generated/` on disk.

pub mod apis;
pub mod regen;

use std::path::{Path, PathBuf};

/// The workspace root: the parent of this crate's directory.
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}
