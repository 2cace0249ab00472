//! `Cargo.toml` for generated crates. Versions come from the API's config, never from the spec.

use crate::config::{ClientConfig, CrateConfig, PackageConfig};

/// A TOML basic string holding `text`.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The `[package]` keys crates.io shows: description, license, links, keywords and the README.
fn metadata(name: &str, description: &str, package: &PackageConfig) -> String {
    let mut out = format!(
        "description = {}\nlicense = {}\nreadme = \"README.md\"\n",
        quoted(description),
        quoted(&package.license)
    );
    let documentation = package.documentation.replace("{crate}", name);
    for (key, value) in [
        ("repository", package.repository.as_deref()),
        ("homepage", package.homepage.as_deref()),
        ("documentation", Some(documentation.as_str())),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("{key} = {}\n", quoted(value)));
        }
    }
    for (key, list) in [
        ("keywords", &package.keywords),
        ("categories", &package.categories),
    ] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|item| quoted(item)).collect();
            out.push_str(&format!("{key} = [{}]\n", items.join(", ")));
        }
    }
    out
}

/// `[features]` lines for the tag groups (see [`crate::ir::GroupFeatures`]): `full` turns on
/// every group; each group's feature turns on `enables(feature)`.
fn group_features(groups: &[&str], enables: impl Fn(&str) -> Vec<String>) -> String {
    if groups.is_empty() {
        return String::new();
    }
    let list = |items: Vec<String>| {
        items
            .iter()
            .map(|item| quoted(item))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from(
        "# A feature per tag group, off by default: each compiles the group's operations and the\n\
         # models they reach. `full` turns on every group.\n",
    );
    out.push_str(&format!(
        "full = [{}]\n",
        list(groups.iter().map(|g| (*g).to_owned()).collect())
    ));
    for group in groups {
        out.push_str(&format!("{} = [{}]\n", quoted(group), list(enables(group))));
    }
    out
}

/// The models crate's manifest: it depends only on serde, serde_json and chrono.
pub fn models_manifest(
    header: &str,
    krate: &CrateConfig,
    package: &PackageConfig,
    description: &str,
    groups: &[&str],
) -> String {
    let features = match group_features(groups, |_| Vec::new()) {
        features if features.is_empty() => features,
        features => format!("[features]\n{features}\n"),
    };
    format!(
        r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.85"
{metadata}
{features}[dependencies]
chrono = {{ version = "0.4.38", default-features = false, features = ["serde", "std"] }}
serde = {{ version = "1.0.188", features = ["derive"] }}
serde_json = "1"
"#,
        name = krate.name,
        version = krate.version,
        metadata = metadata(&krate.name, description, package),
    )
}

/// The client crate's manifest: progenitor-client and reqwest, TLS on by default.
pub fn client_manifest(
    header: &str,
    krate: &ClientConfig,
    models: &CrateConfig,
    package: &PackageConfig,
    description: &str,
    reqwest_features: &[&str],
    groups: &[&str],
) -> String {
    let group_features = group_features(groups, |group| vec![format!("{}/{group}", models.name)]);
    format!(
        r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.88"
{metadata}
[features]
default = ["default-tls"]
# rustls, as reqwest's default; `native-tls` uses the platform's TLS library instead.
default-tls = ["reqwest/default-tls", "reqwest/http2", "reqwest/charset", "reqwest/system-proxy"]
native-tls = ["reqwest/native-tls"]
{group_features}{features}
[dependencies]
{models_name} = {{ version = "{models_version}", path = "../{models_name}" }}
{own}{extra}"#,
        name = krate.name,
        version = krate.version,
        metadata = metadata(&krate.name, description, package),
        models_name = models.name,
        models_version = models.version,
        own = own_dependencies(reqwest_features),
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

/// The client crate's own dependency lines ([`crate::vocabulary::CLIENT_DEPENDENCIES`]), with
/// reqwest's features as the API needs them.
fn own_dependencies(reqwest_features: &[&str]) -> String {
    let features: Vec<String> = reqwest_features
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect();
    let reqwest = format!(
        "{{ version = \"0.13\", default-features = false, features = [{}] }}",
        features.join(", ")
    );
    crate::vocabulary::CLIENT_DEPENDENCIES
        .iter()
        .map(|(name, requirement)| match *requirement {
            "{REQWEST}" => format!("{name} = {reqwest}\n"),
            requirement => format!("{name} = {requirement}\n"),
        })
        .collect()
}
