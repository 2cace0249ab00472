//! `cargo xtask regen`: generate every API in memory, compare with `generated/`, and swap in
//! the new tree only when everything succeeded.

use crate::apis;
use anyhow::{Context, Result};
use codegen::GeneratedFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The output directory, relative to the project root.
pub const GENERATED: &str = "generated";

/// One API's generated crates.
pub struct ApiOutput {
    /// The directory name under `specs/`.
    pub id: String,
    /// How many named types the models define.
    pub types: usize,
    /// How many operations the spec has.
    pub operations: usize,
    /// The overlay files applied to the spec.
    pub overlays: Vec<String>,
    /// Constructs degraded instead of refusing the API, each with its location.
    pub warnings: Vec<String>,
    /// Operations whose pagination was inferred (no `[pagination]` table), one line each.
    pub inferred_pagination: Vec<String>,
    /// Every file, with paths relative to `generated/`.
    pub files: Vec<GeneratedFile>,
}

/// A file whose committed contents differ from what generation produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The path relative to `generated/`.
    pub path: String,
    /// What is on disk now, if anything.
    pub old: Option<String>,
    /// What generation produces, if anything.
    pub new: Option<String>,
}

/// Generates every API under `root/specs`, touching nothing on disk.
pub fn generate_all(root: &Path) -> Result<Vec<ApiOutput>> {
    apis::load_all(root)?
        .into_iter()
        .map(|api| {
            let generated = codegen::generate(&api.config, &api.input)?;
            Ok(ApiOutput {
                id: api.id,
                types: generated.model.types.len(),
                operations: generated.model.operations.len(),
                warnings: generated
                    .model
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                inferred_pagination: generated.model.inferred_pagination.clone(),
                overlays: api.input.overlays.iter().map(|f| f.path.clone()).collect(),
                files: generated.files,
            })
        })
        .collect()
}

/// Compares generated files with the contents of `root/generated`, in path order.
pub fn changes(root: &Path, outputs: &[ApiOutput]) -> Result<Vec<FileChange>> {
    let expected: BTreeMap<&str, &str> = outputs
        .iter()
        .flat_map(|o| &o.files)
        .map(|f| (f.path.as_str(), f.contents.as_str()))
        .collect();
    let actual = read_tree(&root.join(GENERATED))?;
    let mut paths: Vec<&str> = expected
        .keys()
        .copied()
        .chain(actual.keys().map(String::as_str))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    Ok(paths
        .into_iter()
        .filter_map(|path| {
            let old = actual.get(path).cloned().flatten();
            let new = expected.get(path).map(|s| (*s).to_owned());
            let unchanged = match (&old, &new) {
                (Some(old), Some(new)) => old == new,
                _ => false,
            };
            (!unchanged).then(|| FileChange {
                path: path.to_owned(),
                old,
                new,
            })
        })
        .collect())
}

/// Every file under `dir` by relative path; `None` contents for a file that is not UTF-8.
fn read_tree(dir: &Path) -> Result<BTreeMap<String, Option<String>>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return Ok(files);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current)
            .with_context(|| format!("cannot list {}", current.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                files.insert(relative, String::from_utf8(bytes).ok());
            }
        }
    }
    Ok(files)
}

/// A unified diff of the changes, `a/` for what is on disk and `b/` for what generation wants.
pub fn unified_diff(changes: &[FileChange]) -> String {
    let mut out = String::new();
    for change in changes {
        let old = change.old.as_deref().unwrap_or("");
        let new = change.new.as_deref().unwrap_or("");
        let a = if change.old.is_some() {
            format!("a/{GENERATED}/{}", change.path)
        } else {
            "/dev/null".into()
        };
        let b = if change.new.is_some() {
            format!("b/{GENERATED}/{}", change.path)
        } else {
            "/dev/null".into()
        };
        let diff = similar::TextDiff::from_lines(old, new);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&a, &b)
                .to_string(),
        );
        if !old.ends_with('\n') || !new.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Replaces `root/generated` with exactly the generated files.
///
/// The new tree is built beside the old one and swapped in with two renames; unchanged files
/// are hard-linked so their timestamps (and cargo's build cache) survive. If anything fails
/// before the swap, `generated/` is untouched.
pub fn write(root: &Path, outputs: &[ApiOutput], changes: &[FileChange]) -> Result<()> {
    let target = root.join(GENERATED);
    if changes.is_empty() {
        // Nothing to swap in, but what a killed run left beside `generated/` still goes.
        return remove_leftovers(&target);
    }
    replace_dir(&target, |staging| stage(&target, staging, outputs, changes))
}

/// Replaces the directory `target` with one that `fill` builds at `target.new`, by two
/// renames (the old one goes to `target.old` and is then removed). Leftovers of a killed
/// earlier run are removed first; if `fill` or the first rename fails, `target` is untouched.
pub(crate) fn replace_dir(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let name = target
        .file_name()
        .with_context(|| format!("{} is not a directory name", target.display()))?
        .to_string_lossy()
        .into_owned();
    let (staging, retired) = (sibling(target, &name, "new"), sibling(target, &name, "old"));
    remove_leftovers(target)?;
    if let Err(error) = fill(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    if target.exists() {
        std::fs::rename(target, &retired)
            .with_context(|| format!("cannot move {} aside", target.display()))?;
    }
    if let Err(error) = std::fs::rename(&staging, target) {
        let _ = std::fs::rename(&retired, target);
        return Err(error)
            .with_context(|| format!("cannot move the new {} into place", target.display()));
    }
    if retired.exists() {
        std::fs::remove_dir_all(&retired)
            .with_context(|| format!("cannot remove {}", retired.display()))?;
    }
    Ok(())
}

fn sibling(target: &Path, name: &str, suffix: &str) -> PathBuf {
    target.with_file_name(format!("{name}.{suffix}"))
}

/// Removes `target.new` and `target.old`, which only a killed run leaves behind.
fn remove_leftovers(target: &Path) -> Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for leftover in [sibling(target, &name, "new"), sibling(target, &name, "old")] {
        if leftover.exists() {
            std::fs::remove_dir_all(&leftover)
                .with_context(|| format!("cannot remove {}", leftover.display()))?;
        }
    }
    Ok(())
}

fn stage(
    target: &Path,
    staging: &Path,
    outputs: &[ApiOutput],
    changes: &[FileChange],
) -> Result<()> {
    for file in outputs.iter().flat_map(|o| &o.files) {
        let destination: PathBuf = staging.join(&file.path);
        if let Some(parent) = destination.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let unchanged = !changes.iter().any(|c| c.path == file.path);
        if unchanged && std::fs::hard_link(target.join(&file.path), &destination).is_ok() {
            continue;
        }
        std::fs::write(&destination, &file.contents)
            .with_context(|| format!("cannot write {}", destination.display()))?;
    }
    Ok(())
}
