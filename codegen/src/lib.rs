//! OpenAPI specs in, formatted Rust crates out.
//!
//! The pipeline: [`spec::load`] parses, normalizes and merges spec files; lowering turns the
//! document into the [`ir`]; the emitters turn the IR into tokens, and rendering formats
//! them. Nothing here touches the file system: callers pass file contents in and get
//! [`GeneratedFile`]s back, so regeneration, staleness checks and the golden test all share
//! one code path.

#![deny(missing_docs)]

// The public API: the config, the loaded spec, the IR, drift reports and the callers that
// check them, errors, and `generate`. The stages between are the crate's own.
pub mod config;
mod doc;
pub mod drift;
mod emit;
pub mod error;
pub mod ir;
mod lower;
mod names;
mod parallel;
mod pointer;
mod render;
pub mod spec;
mod vocabulary;

pub use config::ApiConfig;
pub use emit::caller;
pub use error::{Error, Location, Result};
pub use spec::SpecFile;

/// One API's inputs: its config and spec files, with paths relative to the project root.
#[derive(Debug, Clone)]
pub struct ApiInput {
    /// The config file's path, for errors and headers.
    pub config_path: String,
    /// The command that regenerates the crates, named in every file's header ([`REGEN`] for
    /// the APIs under `specs/`).
    pub command: String,
    /// The spec files, in the order the config lists them.
    pub specs: Vec<SpecFile>,
    /// The overlay files, in the order the config lists them.
    pub overlays: Vec<SpecFile>,
    /// The hand-written files the client crate includes (`[client.include]`).
    pub includes: Vec<SpecFile>,
}

/// The command that regenerates the APIs under `specs/`.
pub const REGEN: &str = "cargo xtask regen";

/// A file to write, relative to the output directory (`generated/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path under the output directory, with `/` separators.
    pub path: String,
    /// The complete contents.
    pub contents: String,
}

/// The result of generating one API.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The lowered model, for summaries and reports.
    pub model: ir::Model,
    /// The crate files.
    pub files: Vec<GeneratedFile>,
}

/// Loads and lowers one API without generating code: the model drift reports compare.
pub fn model(config: &ApiConfig, input: &ApiInput) -> Result<ir::Model> {
    let spec = spec::load_limited(&input.specs, &input.overlays, config.limits)?;
    lower::lower(spec, config, &input.config_path)
}

/// Generates every crate for one API.
pub fn generate(config: &ApiConfig, input: &ApiInput) -> Result<Generated> {
    let mut files: Vec<GeneratedFile> = Vec::new();
    let model = generate_into(
        config,
        input.clone(),
        &mut |path, piece| match files.last_mut() {
            Some(file) if file.path == path => file.contents.push_str(piece),
            _ => files.push(GeneratedFile {
                path: path.to_owned(),
                contents: piece.to_owned(),
            }),
        },
    )?;
    Ok(Generated { model, files })
}

/// Generates every crate for one API, handing each file to `write` as it is made, in pieces
/// (a path and a piece of its text at a time) and in the order [`generate`] lists the files, so that a large
/// API's output is never all in memory at once. On an error, what was handed over is
/// incomplete output. The spec files' text is freed once they are loaded, which is why this
/// takes the input by value.
pub fn generate_into(
    config: &ApiConfig,
    mut input: ApiInput,
    write: &mut emit::crates::Sink<'_>,
) -> Result<ir::Model> {
    let spec = spec::load_limited(&input.specs, &input.overlays, config.limits)?;
    // Nothing reads the text again: freeing it before lowering takes the spec's own size off
    // the peak, which lowering reaches.
    for file in input.specs.iter_mut().chain(&mut input.overlays) {
        file.text = String::new();
    }
    let model = lower::lower(spec, config, &input.config_path)?;
    let from = render::Provenance {
        sources: input
            .specs
            .iter()
            .chain(&input.overlays)
            .map(|s| s.path.clone())
            .collect(),
        command: input.command.clone(),
    };
    emit::crates::models_crate(config, &model, &from, write)?;
    if let Some(client) = &config.client {
        emit::crates::client_crate(config, client, &model, &from, write)?;
        for file in emit::crates::included_files(&input, client)? {
            write(&file.path, &file.contents);
        }
    }
    Ok(model)
}
