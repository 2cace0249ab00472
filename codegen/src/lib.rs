//! OpenAPI specs in, formatted Rust crates out.
//!
//! The pipeline: [`spec::load`] parses, normalizes and merges spec files; [`lower::lower`]
//! turns the document into the [`ir`]; the emitters turn the IR into tokens, and [`render`]
//! formats them. Nothing here touches the file system: callers pass file contents in and get
//! [`GeneratedFile`]s back, so regeneration, staleness checks and the golden test all share
//! one code path.

#![deny(missing_docs)]

pub mod config;
pub mod doc;
pub mod emit;
pub mod error;
pub mod ir;
pub mod lower;
pub mod names;
pub mod pointer;
pub mod render;
pub mod spec;

pub use config::ApiConfig;
pub use error::{Error, Location, Result};
pub use spec::SpecFile;

use quote::quote;

/// One API's inputs: its config and spec files, with paths relative to the project root.
#[derive(Debug, Clone)]
pub struct ApiInput {
    /// The config file's path, for errors and headers.
    pub config_path: String,
    /// The config file's text.
    pub config_text: String,
    /// The spec files, in the order the config lists them.
    pub specs: Vec<SpecFile>,
}

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

/// Generates every crate for one API.
pub fn generate(config: &ApiConfig, input: &ApiInput) -> Result<Generated> {
    let spec = spec::load(&input.specs)?;
    let model = lower::lower(&spec, config, &input.config_path)?;
    let sources: Vec<String> = input.specs.iter().map(|s| s.path.clone()).collect();
    let files = models_crate(config, &model, &sources)?;
    Ok(Generated { model, files })
}

fn models_crate(
    config: &ApiConfig,
    model: &ir::Model,
    sources: &[String],
) -> Result<Vec<GeneratedFile>> {
    let dir = &config.models.name;
    let rust_header = render::header("//", sources);
    let description = format!(
        "Typed models for the {} API, generated from its OpenAPI spec",
        config.name
    );
    let mut crate_doc = format!(
        "Typed models for the {} API (API version {}).\n",
        config.name, model.api_version
    );
    if let Some(description) = &model.description {
        crate_doc.push('\n');
        crate_doc.push_str(&doc::sanitize(description));
        crate_doc.push('\n');
    }
    crate_doc.push_str(
        "\nEvery type is generated from the spec: objects are structs that keep wire names through \
         serde renames, string enums keep unknown values, and optional nullable properties use \
         [`Nullable`] so that absent and `null` stay distinct.",
    );
    let lib = emit::models::models_lib(&crate_doc);
    let types = emit::models::models_types(model);
    let support: proc_macro2::TokenStream = include_str!("../templates/support.rs")
        .parse()
        .map_err(|e: proc_macro2::LexError| Error::Internal {
            file: format!("{dir}/src/support.rs"),
            reason: e.to_string(),
        })?;
    let cargo_header = render::header("#", sources);
    Ok(vec![
        GeneratedFile {
            path: format!("{dir}/Cargo.toml"),
            contents: emit::cargo::models_manifest(&cargo_header, &config.models, &description),
        },
        GeneratedFile {
            path: format!("{dir}/src/lib.rs"),
            contents: render::rust_file(dir, &rust_header, lib)?,
        },
        GeneratedFile {
            path: format!("{dir}/src/types.rs"),
            contents: render::rust_file(dir, &rust_header, types)?,
        },
        GeneratedFile {
            path: format!("{dir}/src/support.rs"),
            contents: render::rust_file(dir, &rust_header, quote!(#support))?,
        },
    ])
}
