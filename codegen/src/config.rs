//! An API's config file (`specs/<api>/api.toml`): which spec files, which crates, which names.
//!
//! Everything specific to one API lives in this file beside its spec; the generator itself
//! knows no API by name.

use crate::error::{Error, Location, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One API's config.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    /// The API's display name, used in crate docs.
    pub name: String,
    /// Spec files, relative to the config file, merged in this order.
    pub specs: Vec<String>,
    /// Overlay files (OpenAPI Overlay 1.0/1.1), relative to the config file, applied in this
    /// order to the merged spec.
    #[serde(default)]
    pub overlays: Vec<String>,
    /// The models crate.
    pub models: CrateConfig,
    /// The client crate; without it only models are generated.
    #[serde(default)]
    pub client: Option<ClientConfig>,
    /// Naming overrides for types.
    #[serde(default)]
    pub types: Renames,
    /// Naming overrides for operations.
    #[serde(default)]
    pub operations: Renames,
    /// Paginated operations, by `operationId` (or `METHOD /path`).
    #[serde(default)]
    pub pagination: BTreeMap<String, PaginationConfig>,
    /// Limits on the spec files, against hostile or broken input (`[limits]`).
    #[serde(default)]
    pub limits: crate::spec::Limits,
    /// What crates.io shows of both crates (`[package]`).
    #[serde(default)]
    pub package: PackageConfig,
}

/// Publishing metadata for both generated crates' manifests (`[package]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PackageConfig {
    /// The crates' license, an SPDX expression.
    pub license: String,
    /// Where the crates' source lives (the repository that holds `generated/`).
    pub repository: Option<String>,
    /// The API's own site.
    pub homepage: Option<String>,
    /// The crates' documentation; `{crate}` stands for each crate's name. Default: docs.rs.
    pub documentation: String,
    /// crates.io keywords (at most five).
    pub keywords: Vec<String>,
    /// crates.io category slugs.
    pub categories: Vec<String>,
}

impl Default for PackageConfig {
    fn default() -> Self {
        PackageConfig {
            license: "MIT OR Apache-2.0".to_owned(),
            repository: None,
            homepage: None,
            documentation: "https://docs.rs/{crate}".to_owned(),
            keywords: Vec::new(),
            categories: Vec::new(),
        }
    }
}

/// How one list operation pages (`[pagination."operationId"]`); checked against the spec.
/// Operations without a table have their pagination inferred from their names where the
/// common conventions fit; `style = "none"` turns that off for one.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PaginationConfig {
    /// `offset`, `page`, `cursor`, `link`, or `none`.
    pub style: PaginationStyle,
    /// The query parameter that selects the page (wire name).
    #[serde(default)]
    pub param: String,
    /// The response property holding the items (wire name).
    #[serde(default)]
    pub items: String,
    /// A boolean response property that is false on the last page.
    #[serde(default)]
    pub has_more: Option<String>,
    /// An integer response property with the total number of items (offset style).
    #[serde(default)]
    pub total: Option<String>,
    /// Cursor style: the response property holding the next cursor.
    #[serde(default)]
    pub next_cursor: Option<String>,
    /// Cursor style: the property of the last item that is the next cursor (a timestamp for
    /// `before`, say).
    #[serde(default)]
    pub cursor_from_last_item: Option<String>,
}

/// How a list asks for its next page.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PaginationStyle {
    /// Not paginated: no `pages()`/`items()`, and nothing inferred.
    #[default]
    None,
    /// An item offset.
    Offset,
    /// A page number.
    Page,
    /// A cursor from the response.
    Cursor,
    /// The page parameter's value from the URL a `Link: <…>; rel="next"` header gives (RFC
    /// 8288); `items` may be left out when the response is the array of items itself.
    Link,
}

/// A generated crate's identity.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CrateConfig {
    /// The crate name, also its directory under `generated/`.
    #[serde(rename = "crate")]
    pub name: String,
    /// The crate's semver version (never the spec's `info.version`).
    pub version: String,
}

/// The client crate's identity and options.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// The crate name, also its directory under `generated/`.
    #[serde(rename = "crate")]
    pub name: String,
    /// The crate's semver version.
    pub version: String,
    /// Constant names for `servers` entries, by URL (default: from each server's description).
    #[serde(default)]
    pub servers: BTreeMap<String, String>,
    /// Whether operations are grouped by their first tag (`client.agents().list()`).
    #[serde(default = "yes")]
    pub group_by_tag: bool,
    /// Rust statements for the README's usage example, compiled as a doctest inside an
    /// `async fn` returning `Result<(), Box<dyn std::error::Error>>`.
    #[serde(default)]
    pub readme_example: Option<String>,
    /// The client's defaults: timeout, retry policy, size limit.
    #[serde(default)]
    pub defaults: ClientDefaults,
    /// Hand-written modules copied into the crate: module name → file relative to the config
    /// (for knowledge of the API that no spec carries, such as a webhook verifier).
    #[serde(default)]
    pub include: BTreeMap<String, String>,
    /// Extra dependencies the included modules need: crate name → version requirement.
    #[serde(default)]
    pub dependencies: BTreeMap<String, String>,
    /// Cargo features that turn on included modules and the dependencies only they need:
    /// feature name → module and dependency names. Without one, a module is always compiled.
    #[serde(default)]
    pub features: BTreeMap<String, Vec<String>>,
    /// Whether each tag group is a cargo feature, off by default, that compiles the group's
    /// operations and the models they reach (`full` turns on all). Unset: only for APIs of
    /// [`GROUP_FEATURES_FROM`] operations or more, whose crates take minutes to build whole.
    #[serde(default)]
    pub group_features: Option<bool>,
}

/// How many operations make an API large enough for a cargo feature per tag group, unless
/// its config says otherwise.
pub const GROUP_FEATURES_FROM: usize = 300;

impl ClientConfig {
    /// The feature that turns on an included module or an extra dependency, if any.
    pub fn feature_of(&self, name: &str) -> Option<&str> {
        self.features
            .iter()
            .find(|(_, names)| names.iter().any(|n| n == name))
            .map(|(feature, _)| feature.as_str())
    }
}

/// A client's defaults (`[client.defaults]`), emitted as `crate::defaults`; callers override
/// them per client or per call.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ClientDefaults {
    /// The timeout of each attempt, in seconds.
    pub timeout_secs: u64,
    /// How many times a call is retried after its first attempt.
    pub max_retries: u32,
    /// The delay before the first retry, in milliseconds.
    pub initial_backoff_ms: u64,
    /// The longest delay between attempts, in milliseconds.
    pub max_backoff_ms: u64,
    /// The most time one call spends waiting to retry, in seconds.
    pub max_retry_time_secs: u64,
    /// The largest response body a call reads, in bytes.
    pub max_response_bytes: u64,
    /// A request header the API declares as an idempotency key: a POST or PATCH carrying it
    /// is retried like an idempotent request.
    pub idempotency_header: Option<String>,
}

impl Default for ClientDefaults {
    fn default() -> Self {
        ClientDefaults {
            timeout_secs: 60,
            max_retries: 2,
            initial_backoff_ms: 500,
            max_backoff_ms: 8_000,
            max_retry_time_secs: 30,
            max_response_bytes: 100 * 1024 * 1024,
            idempotency_header: None,
        }
    }
}

fn yes() -> bool {
    true
}

/// Renames: generated name → chosen name.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Renames {
    /// For types: the generated type name as key, the chosen type name as value. For
    /// operations: the `operationId` (or `METHOD /path`) as key, the client method name as value.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
}

impl ApiConfig {
    /// Where [`ApiConfig::default_for`]'s config says it comes from, in errors and headers.
    pub const DEFAULT_PATH: &'static str = "(default config)";

    /// The config a spec gets without an `api.toml` (`cargo xtask generate` without
    /// `--config`, drift between two spec files): the API called `name`, both crates named
    /// `<stem>-models` and `<stem>-client` at 0.1.0, and the generator's defaults for the rest.
    pub fn default_for(name: &str, stem: &str, specs: &[String]) -> Result<ApiConfig> {
        let quote = |text: &str| toml::Value::String(text.to_owned()).to_string();
        let files: Vec<String> = specs.iter().map(|s| quote(s)).collect();
        let text = format!(
            "name = {}\nspecs = [{}]\n\n[models]\ncrate = {}\nversion = \"0.1.0\"\n\n[client]\ncrate = {}\nversion = \"0.1.0\"\n",
            quote(name),
            files.join(", "),
            quote(&format!("{stem}-models")),
            quote(&format!("{stem}-client")),
        );
        ApiConfig::parse(Self::DEFAULT_PATH, &text)
    }

    /// Parses and checks a config file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<ApiConfig> {
        let config: ApiConfig = toml::from_str(text).map_err(|e| Error::Config {
            at: Location {
                file: file.to_owned(),
                pointer: String::new(),
            },
            reason: e.to_string().trim_end().replace('\n', " "),
        })?;
        let at = |pointer: &str| Location {
            file: file.to_owned(),
            pointer: pointer.to_owned(),
        };
        if !is_semver(&config.models.version) {
            return Err(Error::Config {
                at: at("/models/version"),
                reason: format!(
                    "`{}` is not a semver version such as 0.1.0",
                    config.models.version
                ),
            });
        }
        if !is_crate_name(&config.models.name) {
            return Err(Error::Config {
                at: at("/models/crate"),
                reason: format!("`{}` is not a valid crate name", config.models.name),
            });
        }
        if config.package.keywords.len() > 5 {
            return Err(Error::Config {
                at: at("/package/keywords"),
                reason: format!(
                    "crates.io takes at most 5 keywords, not {}",
                    config.package.keywords.len()
                ),
            });
        }
        if let Some(client) = &config.client {
            if !is_semver(&client.version) {
                return Err(Error::Config {
                    at: at("/client/version"),
                    reason: format!("`{}` is not a semver version such as 0.1.0", client.version),
                });
            }
            if !is_crate_name(&client.name) || client.name == config.models.name {
                return Err(Error::Config {
                    at: at("/client/crate"),
                    reason: format!(
                        "`{}` is not a valid crate name distinct from the models crate",
                        client.name
                    ),
                });
            }
            check_includes(client, &config.models.name, &at)?;
        }
        if config.specs.is_empty() {
            return Err(Error::Config {
                at: at("/specs"),
                reason: "list at least one spec file".into(),
            });
        }
        Ok(config)
    }
}

/// Included modules need a free snake_case name and a Rust file; extra dependencies a name
/// the crate does not already use.
fn check_includes(
    client: &ClientConfig,
    models: &str,
    at: &dyn Fn(&str) -> Location,
) -> Result<()> {
    for (module, file) in &client.include {
        let valid = crate::names::field_name(module) == *module && !module.starts_with("r#");
        if !valid || crate::vocabulary::CLIENT_MODULES.contains(&module.as_str()) {
            return Err(Error::Config {
                at: at(&format!("/client/include/{module}")),
                reason: format!(
                    "`{module}` is not a snake_case module name the client crate leaves free"
                ),
            });
        }
        if !file.ends_with(".rs") || file.contains("..") {
            return Err(Error::Config {
                at: at(&format!("/client/include/{module}")),
                reason: format!("`{file}` is not a `.rs` file beside the config"),
            });
        }
    }
    let mut gated: Vec<&str> = Vec::new();
    for (feature, names) in &client.features {
        let at_feature = || at(&format!("/client/features/{feature}"));
        if !is_crate_name(feature)
            || ["default", "default-tls", "native-tls"].contains(&feature.as_str())
        {
            return Err(Error::Config {
                at: at_feature(),
                reason: format!("`{feature}` is not a feature name the client crate leaves free"),
            });
        }
        for name in names {
            let known = client.include.contains_key(name) || client.dependencies.contains_key(name);
            if !known || gated.contains(&name.as_str()) {
                return Err(Error::Config {
                    at: at_feature(),
                    reason: format!("`{name}` is not an included module or extra dependency that no other feature names"),
                });
            }
            gated.push(name);
        }
    }
    for name in client.dependencies.keys() {
        if !is_crate_name(name) || crate::vocabulary::is_client_dependency(name) || name == models {
            return Err(Error::Config {
                at: at(&format!("/client/dependencies/{name}")),
                reason: format!("`{name}` is not a crate name the client crate leaves free"),
            });
        }
    }
    Ok(())
}

fn is_crate_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_one_way() {
        let v = |text: &str| Version::parse(text).map(|v| v.to_string());
        assert_eq!(v("1.2.3").as_deref(), Some("1.2.3"));
        assert_eq!(v("1.2.3-rc.1+b5").as_deref(), Some("1.2.3"));
        for bad in [
            "1.2",
            "1.2.3.4",
            "1.x.3",
            "",
            "2019-09-01",
            "1..3",
            " 1.2.3",
        ] {
            assert_eq!(v(bad), None, "{bad:?}");
        }
        assert!(Version::parse("0.10.0") > Version::parse("0.9.9"));
    }

    const GOOD: &str = "name = \"Pets\"\nspecs = [\"openapi.yaml\"]\n[models]\ncrate = \"pets-models\"\nversion = \"0.1.0\"\n";

    #[test]
    fn parses_a_minimal_config() {
        let config = ApiConfig::parse("api.toml", GOOD).unwrap();
        assert_eq!(config.models.name, "pets-models");
        assert!(config.types.rename.is_empty());
    }

    #[test]
    fn rejects_a_date_as_version() {
        let text = GOOD.replace("0.1.0", "2019-09-01");
        let err = ApiConfig::parse("api.toml", &text).unwrap_err().to_string();
        assert_eq!(
            err,
            "api.toml#/models/version: `2019-09-01` is not a semver version such as 0.1.0"
        );
    }

    #[test]
    fn rejects_unknown_keys() {
        let err = ApiConfig::parse("api.toml", &format!("{GOOD}colour = 1\n"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("api.toml: ") && err.contains("colour"),
            "{err}"
        );
    }
}

/// A crate version, `major.minor.patch` with any pre-release or build suffix set aside: the
/// one reading of a version for checks, ordering and bumps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// The major number.
    pub major: u64,
    /// The minor number.
    pub minor: u64,
    /// The patch number.
    pub patch: u64,
}

impl Version {
    /// `1.2.3` (or `1.2.3-rc.1`, `1.2.3+build`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.split(['-', '+']).next().unwrap_or_default();
        let mut numbers = core.split('.').map(|part| {
            let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| part.parse::<u64>().ok()).flatten()
        });
        let version = Version {
            major: numbers.next()??,
            minor: numbers.next()??,
            patch: numbers.next()??,
        };
        numbers.next().is_none().then_some(version)
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Whether `version` is a semver version such as `0.1.0`.
pub fn is_semver(version: &str) -> bool {
    Version::parse(version).is_some()
}
