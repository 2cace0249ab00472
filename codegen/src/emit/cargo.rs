//! `Cargo.toml` for generated crates. Versions come from the API's config, never from the spec.

use crate::config::{ClientConfig, CrateConfig};

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

/// The client crate's manifest: progenitor-client and reqwest, TLS on by default.
pub fn client_manifest(
    header: &str,
    krate: &ClientConfig,
    models: &CrateConfig,
    description: &str,
    reqwest_features: &[&str],
) -> String {
    let description = description.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.88"
description = "{description}"
license = "MIT OR Apache-2.0"
readme = "README.md"

[features]
default = ["default-tls"]
# rustls, as reqwest's default; `native-tls` uses the platform's TLS library instead.
default-tls = ["reqwest/default-tls", "reqwest/http2", "reqwest/charset", "reqwest/system-proxy"]
native-tls = ["reqwest/native-tls"]
{features}
[dependencies]
{models_name} = {{ version = "{models_version}", path = "../{models_name}" }}
base64 = "0.22"
bytes = "1"
fastrand = "2"
form_urlencoded = "1"
futures-core = "0.3"
futures-util = {{ version = "0.3", default-features = false }}
httpdate = "1"
percent-encoding = "2"
progenitor-client = "0.15"
reqwest = {{ version = "0.13", default-features = false, features = [{reqwest_features}] }}
serde = {{ version = "1.0.188", features = ["derive"] }}
serde_json = "1"
tokio = {{ version = "1", features = ["time"] }}
tracing = {{ version = "0.1.40", default-features = false, features = ["std"] }}
{extra}"#,
        name = krate.name,
        version = krate.version,
        models_name = models.name,
        models_version = models.version,
        reqwest_features = reqwest_features.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", "),
        features = krate
            .features
            .iter()
            .map(|(feature, names)| {
                // Modules are switched by `cfg`; dependencies are what the feature turns on.
                let deps: Vec<String> = names
                    .iter()
                    .filter(|name| krate.dependencies.contains_key(*name))
                    .map(|name| format!("\"dep:{name}\""))
                    .collect();
                format!("{feature} = [{}]\n", deps.join(", "))
            })
            .collect::<String>(),
        extra = krate
            .dependencies
            .iter()
            .map(|(name, version)| {
                let version = version.replace(['"', '\\'], "");
                match krate.feature_of(name) {
                    Some(_) => format!("{name} = {{ version = \"{version}\", optional = true }}\n"),
                    None => format!("{name} = \"{version}\"\n"),
                }
            })
            .collect::<String>(),
    )
}
