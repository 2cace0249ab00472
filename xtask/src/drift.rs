//! `cargo xtask drift`: what changed in each API's spec, from a git revision or between two
//! spec files or directories, as a Markdown or JSON report.

use crate::apis::{self, Api};
use anyhow::{bail, Context, Result};
use codegen::config::Version;
use codegen::drift::{self, ApiDrift, Crates};
use codegen::{ApiConfig, ApiInput, SpecFile};
use std::path::Path;
use std::process::Command;

/// Drift of every API in the working tree against the same API at `rev`.
pub fn against_revision(root: &Path, rev: &str) -> Result<Vec<ApiDrift>> {
    verify_revision(root, rev)?;
    let mut drifts = Vec::new();
    for api in apis::load_all(root)? {
        let new = codegen::model(&api.config, &api.input)?;
        let old_api = load_at_revision(root, rev, &api.id)?;
        let old = match &old_api {
            Some(old_api) => Some(
                codegen::model(&old_api.config, &old_api.input)
                    .with_context(|| format!("the spec of `{}` at {rev} does not load", api.id))?,
            ),
            None => None,
        };
        // Bumps start from the versions at `rev`, so that suggesting (or applying) them twice
        // before a commit does not bump twice.
        let base = crates_at_base(&api.config, old_api.as_ref().map(|a| &a.config));
        let mut drift = drift::diff(&api.id, old.as_ref(), &new, &base);
        drift.overlays = drift::Overlays {
            base: old_api
                .as_ref()
                .map(|a| a.input.overlays.iter().map(|f| f.path.clone()).collect())
                .unwrap_or_default(),
            new: api.input.overlays.iter().map(|f| f.path.clone()).collect(),
        };
        drifts.push(drift);
    }
    Ok(drifts)
}

/// Drift between two specs given as files or directories of fragments, outside any history;
/// `api` names the API in the report. With the `version` the old spec's crates were released
/// as, bumps are suggested for `<api>-models` and `<api>-client`.
pub fn between(old: &Path, new: &Path, api: &str, version: Option<&str>) -> Result<ApiDrift> {
    let (old_model, new_model) = (model_of(old)?, model_of(new)?);
    let crates = match version {
        Some(version) => {
            if !codegen::config::is_semver(version) {
                bail!("`{version}` is not a semver version such as 0.1.0");
            }
            Crates {
                models: Some((format!("{api}-models"), version.to_owned())),
                client: Some((format!("{api}-client"), version.to_owned())),
            }
        }
        None => Crates::default(),
    };
    Ok(drift::diff(api, Some(&old_model), &new_model, &crates))
}

/// A spec file, or every `.yaml`, `.yml` and `.json` file of a directory in name order.
pub(crate) fn spec_files(path: &Path) -> Result<Vec<SpecFile>> {
    let mut paths = Vec::new();
    if path.is_dir() {
        for entry in
            std::fs::read_dir(path).with_context(|| format!("cannot list {}", path.display()))?
        {
            let entry = entry?.path();
            let ext = entry
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if matches!(ext, "yaml" | "yml" | "json") {
                paths.push(entry);
            }
        }
        paths.sort();
        if paths.is_empty() {
            bail!("{} holds no .yaml, .yml or .json file", path.display());
        }
    } else {
        paths.push(path.to_path_buf());
    }
    paths
        .into_iter()
        .map(|p| {
            let text = crate::read_text(&p)?;
            Ok(SpecFile {
                path: p.display().to_string(),
                text,
            })
        })
        .collect()
}

/// The current crate names with their versions at the base revision (the current versions
/// for crates that did not exist there).
fn crates_at_base(current: &ApiConfig, base: Option<&ApiConfig>) -> Crates {
    // A crate that did not exist at the base revision has never been released: it is not
    // bumped, whatever version its config starts at.
    let Some(base) = base else {
        return Crates::default();
    };
    Crates {
        models: Some((current.models.name.clone(), base.models.version.clone())),
        client: current
            .client
            .as_ref()
            .zip(base.client.as_ref())
            .map(|(current, base)| (current.name.clone(), base.version.clone())),
    }
}

fn verify_revision(root: &Path, rev: &str) -> Result<()> {
    let output = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !output.status.success() {
        bail!("`{rev}` is not a git revision of {}", root.display());
    }
    Ok(())
}

/// An API's config and spec files as they were at `rev`; `None` if it did not exist then.
fn load_at_revision(root: &Path, rev: &str, id: &str) -> Result<Option<Api>> {
    let config_path = format!("specs/{id}/api.toml");
    let Some(config_text) = show(root, rev, &config_path)? else {
        return Ok(None);
    };
    let config = ApiConfig::parse(&format!("{rev}:{config_path}"), &config_text)?;
    // The base revision's own overlays apply to its spec, as they did when it was generated.
    let at_revision = |files: &[String]| -> Result<Vec<SpecFile>> {
        files
            .iter()
            .map(|file| {
                let path = format!("specs/{id}/{file}");
                let text = show(root, rev, &path)?
                    .with_context(|| format!("{rev}:{path} does not exist"))?;
                Ok(SpecFile {
                    path: format!("{rev}:{path}"),
                    text,
                })
            })
            .collect()
    };
    let input = ApiInput {
        config_path: format!("{rev}:{config_path}"),
        specs: at_revision(&config.specs)?,
        overlays: at_revision(&config.overlays)?,
        includes: Vec::new(),
        command: codegen::REGEN.into(),
    };
    Ok(Some(Api {
        id: id.to_owned(),
        config,
        input,
    }))
}

/// A file's contents at `rev`, or `None` if it does not exist there.
fn show(root: &Path, rev: &str, path: &str) -> Result<Option<String>> {
    let output = git(root, &["show", &format!("{rev}:{path}")])?;
    if output.status.success() {
        return Ok(Some(
            String::from_utf8(output.stdout)
                .with_context(|| format!("{rev}:{path} is not UTF-8"))?,
        ));
    }
    Ok(None)
}

fn git(root: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .context("cannot run git")
}

/// Whether any spec or API config differs from `HEAD` (or there is no git history to ask).
pub fn specs_changed_since_head(root: &Path) -> bool {
    match git(root, &["status", "--porcelain", "--", "specs"]) {
        Ok(output) if output.status.success() => !output.stdout.is_empty(),
        _ => false,
    }
}

/// Writes suggested versions into each API's `api.toml` where the current version is lower;
/// returns what it changed.
pub fn apply_bumps(root: &Path, drifts: &[ApiDrift]) -> Result<Vec<String>> {
    let mut applied = Vec::new();
    for drift in drifts {
        let relative = format!("specs/{}/api.toml", drift.api);
        let path = root.join(&relative);
        let mut text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let config = ApiConfig::parse(&relative, &text)?;
        for bump in &drift.bumps {
            let current = if bump.krate == config.models.name {
                config.models.version.clone()
            } else {
                config
                    .client
                    .as_ref()
                    .map(|c| c.version.clone())
                    .unwrap_or_default()
            };
            if Version::parse(&current) >= Version::parse(&bump.to) {
                continue;
            }
            text = set_version(&text, &bump.krate, &current, &bump.to).with_context(|| {
                format!(
                    "cannot find `version = \"{current}\"` for `{}` in {relative}",
                    bump.krate
                )
            })?;
            applied.push(format!("{} {current} → {}", bump.krate, bump.to));
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(applied)
}

/// Replaces the `version` line that follows `crate = "<krate>"` in an api.toml.
fn set_version(text: &str, krate: &str, from: &str, to: &str) -> Option<String> {
    let crate_line = text.find(&format!("crate = \"{krate}\""))?;
    let old = format!("version = \"{from}\"");
    let at = crate_line + text[crate_line..].find(&old)?;
    Some(format!(
        "{}version = \"{to}\"{}",
        &text[..at],
        &text[at + old.len()..]
    ))
}

/// A spec (a file, or a directory of fragments) lowered with the generator's default config,
/// as `cargo xtask generate` without `--config` lowers it.
pub fn model_of(path: &Path) -> Result<codegen::ir::Model> {
    let files = spec_files(path)?;
    let names: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let config = ApiConfig::default_for("API", "api", &names)?;
    let input = ApiInput {
        config_path: ApiConfig::DEFAULT_PATH.into(),
        command: codegen::REGEN.into(),
        specs: files,
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    Ok(codegen::model(&config, &input)?)
}

#[cfg(test)]
mod tests {
    use super::set_version;

    #[test]
    fn versions_are_set_per_crate() {
        let text = "[models]\ncrate = \"a-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"a-client\"\nversion = \"0.1.0\"\n";
        let text = set_version(text, "a-client", "0.1.0", "0.2.0").unwrap();
        assert_eq!(text, "[models]\ncrate = \"a-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"a-client\"\nversion = \"0.2.0\"\n");
        assert_eq!(set_version(&text, "a-models", "9.9.9", "1.0.0"), None);
    }
}
