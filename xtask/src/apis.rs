//! The list of APIs: every `specs/<api>/api.toml`, in directory-name order.

use anyhow::{Context, Result};
use codegen::{ApiConfig, ApiInput, SpecFile};
use std::path::Path;

/// One API's config and inputs, read from disk.
pub struct Api {
    /// The directory name under `specs/`.
    pub id: String,
    /// The parsed config.
    pub config: ApiConfig,
    /// The config and spec texts, with project-relative paths.
    pub input: ApiInput,
}

/// Reads every API under `root/specs`.
pub fn load_all(root: &Path) -> Result<Vec<Api>> {
    let specs = root.join("specs");
    let mut dirs: Vec<_> = std::fs::read_dir(&specs)
        .with_context(|| format!("cannot list {}", specs.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("api.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    dirs.iter().map(|id| load(root, id)).collect()
}

/// Reads one API from `root/specs/<id>`.
pub fn load(root: &Path, id: &str) -> Result<Api> {
    let config_path = format!("specs/{id}/api.toml");
    let config_text = read(root, &config_path)?;
    let config = ApiConfig::parse(&config_path, &config_text)?;
    let files = |names: &[String]| -> Result<Vec<SpecFile>> {
        names
            .iter()
            .map(|file| {
                let path = format!("specs/{id}/{file}");
                Ok(SpecFile {
                    text: read(root, &path)?,
                    path,
                })
            })
            .collect()
    };
    let specs = files(&config.specs)?;
    let overlays = files(&config.overlays)?;
    let included: Vec<String> = config
        .client
        .iter()
        .flat_map(|client| client.include.values().cloned())
        .collect();
    let includes = files(&included)?;
    Ok(Api {
        id: id.to_owned(),
        config,
        input: ApiInput {
            config_path,
            command: codegen::REGEN.into(),
            specs,
            overlays,
            includes,
        },
    })
}

fn read(root: &Path, relative: &str) -> Result<String> {
    crate::read_text(&root.join(relative)).with_context(|| format!("cannot read {relative}"))
}
