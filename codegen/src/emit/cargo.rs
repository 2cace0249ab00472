//! `Cargo.toml` for generated crates. Versions come from the API's config, never from the spec.

use crate::config::CrateConfig;

/// The models crate's manifest: it depends only on serde, serde_json and chrono.
pub fn models_manifest(header: &str, krate: &CrateConfig, description: &str) -> String {
    let description = description.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.85"
description = "{description}"
license = "MIT OR Apache-2.0"

[dependencies]
chrono = {{ version = "0.4.38", default-features = false, features = ["serde", "std"] }}
serde = {{ version = "1.0.188", features = ["derive"] }}
serde_json = "1"
"#,
        name = krate.name,
        version = krate.version,
    )
}
