//! Lowering: a loaded spec becomes the IR. Every OpenAPI quirk is handled here and nowhere else.
//!
//! Component schemas get their type ids first, so references (and recursion) resolve before
//! any type is built; inline schemas are named from where they stand and shared when they are
//! structurally identical. A last pass (`finish`) settles names, boxing and `Default` derives.

mod cycles;
mod distribute;
mod features;
mod finish;
mod include;
mod operations;
mod outcome;
mod pagination;
mod schema;
mod shape;
mod streaming;
mod tagged;
mod validation;
mod vendor_pagination;

use crate::config::ApiConfig;
use crate::error::{Error, Result};
use crate::ir::{
    Model, SecurityKind, SecurityScheme, Server, TypeDef, TypeId, TypeKind, TypeRef, Warning,
};
use crate::spec::{Resolver, Spec};
use std::collections::HashMap;

/// Lowers a loaded spec into the IR, applying the API's naming overrides. The spec is
/// consumed: its path items are freed as they are read.
pub fn lower(mut spec: Spec, config: &ApiConfig, config_file: &str) -> Result<Model> {
    let paths = std::mem::take(&mut spec.paths);
    let repairs = std::mem::take(&mut spec.repairs);
    let spec = &spec;
    let mut lowerer = Lowerer {
        spec,
        resolver: Resolver::new(spec),
        types: Vec::new(),
        components: HashMap::new(),
        inline: HashMap::new(),
        inclusions: HashMap::new(),
        renames: &config.types.rename,
        renamed: Vec::new(),
        warnings: Vec::new(),
        ignored_headers: Vec::new(),
    };
    lowerer.declare_components();
    // Components first: an inline type shared by several places is named after its first
    // occurrence, and a component's inline parts (`Issue.pull_request`) should keep the
    // component's names (`IssuePullRequest`) whatever operations come and go; an operation
    // that copies the component inline shares those types instead of naming them.
    lowerer.lower_components()?;
    let security_schemes = security_schemes(&spec.doc);
    let operations = lowerer.lower_operations(paths, config, config_file, &security_schemes)?;
    let lowerer_renamed = std::mem::take(&mut lowerer.renamed);
    lowerer.warn_ignored_headers();
    let info = &spec.doc.info;
    let mut model = Model {
        title: info.title.clone(),
        description: info.description.clone(),
        api_version: info.version.clone(),
        openapi_version: spec.version.clone(),
        servers: servers(&spec.doc, config),
        types: lowerer.types,
        operations,
        security_schemes,
        warnings: repairs
            .into_iter()
            .chain(std::mem::take(&mut lowerer.warnings))
            .collect(),
        inferred_pagination: Vec::new(),
        group_features: None,
        group_types: Vec::new(),
        request_id_headers: Vec::new(),
    };
    finish::finish(
        &mut model,
        config,
        config_file,
        &lowerer_renamed,
        &spec.sources,
    )?;
    pagination::resolve(&mut model, config, config_file)?;
    streaming::infer_flags(&mut model);
    model.group_features = features::group_features(&model, config);
    model.group_types = group_types(&model.operations);
    model.request_id_headers = request_id_headers(&model.operations);
    Ok(model)
}

/// Lowering state for one spec.
struct Lowerer<'a> {
    spec: &'a Spec,
    resolver: Resolver<'a>,
    /// Types so far; inline names are still hints until [`finish`] makes them unique.
    types: Vec<TypeDef>,
    /// Component schema name → its type.
    components: HashMap<String, TypeId>,
    /// Structural key of an inline schema → the type made for its first occurrence.
    inline: HashMap<String, TypeId>,
    /// Component schema name → what including it in an `allOf` costs (see [`include`]).
    inclusions: HashMap<String, include::Inclusion>,
    /// The config's type renames: generated name → chosen name.
    renames: &'a std::collections::BTreeMap<String, String>,
    /// The generated names that a rename applied to, so unused renames can be reported.
    renamed: Vec<String>,
    /// Constructs degraded so far.
    warnings: Vec<Warning>,
    /// Header parameters OpenAPI says to ignore, by lower-case name: where the first is, and
    /// how many there are (one warning each name, not one each operation).
    ignored_headers: Vec<(String, crate::error::Location, usize)>,
}

impl Lowerer<'_> {
    fn warn_ignored_headers(&mut self) {
        for (name, at, count) in std::mem::take(&mut self.ignored_headers) {
            let places = match count {
                1 => "once".to_owned(),
                n => format!("in {n} places, the first here"),
            };
            self.warnings.push(Warning {
                at,
                message: format!("the header parameter `{name}` ({places}) is ignored, as OpenAPI says: the client sets `Accept` and `Content-Type` from the media types, and `Authorization` from the credentials"),
            });
        }
    }

    fn declare_components(&mut self) {
        // Sorted, like everything that hands out names, so that reordering the spec renames nothing.
        let mut names: Vec<&str> = self.spec.schemas.names().collect();
        names.sort();
        for name in names {
            let name_hint = self.rename(crate::names::type_name(name));
            let id = self.push(TypeDef {
                name: name_hint,
                component: Some(name.to_owned()),
                origin: crate::pointer::join("/components/schemas", name),
                doc: None,
                kind: TypeKind::Alias(TypeRef::Json),
                derive_default: false,
                constructible: false,
            });
            self.components.insert(name.to_owned(), id);
        }
    }

    /// The config's chosen name for a generated name, applied as soon as the name is made so
    /// that nested inline types are named after the chosen name.
    fn rename(&mut self, generated: String) -> String {
        match self.renames.get(&generated) {
            Some(chosen) => {
                self.renamed.push(generated);
                chosen.clone()
            }
            None => generated,
        }
    }

    /// Turns an unsupported construct into a warning, so that the caller can degrade it where
    /// it stands (`instead` says to what); any other error is passed on.
    fn degrade(&mut self, error: Error, instead: &str) -> Result<()> {
        match error {
            Error::Unsupported { at, reason } => {
                self.warnings.push(Warning {
                    at,
                    message: format!("unsupported: {reason}; {instead}"),
                });
                Ok(())
            }
            other => Err(other),
        }
    }

    fn push(&mut self, def: TypeDef) -> TypeId {
        self.types.push(def);
        TypeId(self.types.len() - 1)
    }
}

/// The `servers` entries, each with its constant name: from `[client.servers]` in the config,
/// else from its description, else `SERVER_<n>`.
fn servers(doc: &openapiv3::OpenAPI, config: &ApiConfig) -> Vec<Server> {
    let configured = config.client.as_ref().map(|c| &c.servers);
    let mut scope = crate::names::Scope::with_reserved(&["DEFAULT"]);
    doc.servers
        .iter()
        .enumerate()
        .map(|(i, server)| {
            let name = configured
                .and_then(|names| names.get(&server.url).cloned())
                .unwrap_or_else(|| {
                    let from_description = server
                        .description
                        .as_deref()
                        .map(crate::names::type_name)
                        .filter(|n| n != "Empty");
                    from_description.unwrap_or_else(|| format!("Server{}", i + 1))
                });
            // Through `type_name` first, so that a configured name is always a valid identifier.
            let name = heck::ToShoutySnakeCase::to_shouty_snake_case(
                crate::names::type_name(&name).as_str(),
            );
            Server {
                const_name: scope.unique(name, "_"),
                url: server.url.clone(),
                description: server.description.clone(),
            }
        })
        .collect()
}

fn security_schemes(doc: &openapiv3::OpenAPI) -> Vec<SecurityScheme> {
    use openapiv3::{APIKeyLocation, ReferenceOr, SecurityScheme as S};
    let Some(components) = &doc.components else {
        return Vec::new();
    };
    components
        .security_schemes
        .iter()
        .filter_map(|(name, scheme)| {
            let ReferenceOr::Item(scheme) = scheme else {
                return None;
            };
            let kind = match scheme {
                S::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("bearer") => {
                    SecurityKind::Bearer
                }
                S::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("basic") => {
                    SecurityKind::Basic
                }
                S::HTTP { scheme, .. } => SecurityKind::Other(format!("http {scheme}")),
                S::APIKey { location, name, .. } => SecurityKind::ApiKey {
                    location: match location {
                        APIKeyLocation::Query => crate::ir::ParamLocation::Query,
                        APIKeyLocation::Header => crate::ir::ParamLocation::Header,
                        APIKeyLocation::Cookie => crate::ir::ParamLocation::Cookie,
                    },
                    name: name.clone(),
                },
                S::OAuth2 { .. } | S::OpenIDConnect { .. } => SecurityKind::Bearer,
            };
            Some(SecurityScheme {
                name: name.clone(),
                kind,
            })
        })
        .collect()
}

/// Doc text from a title and a description. A title that only repeats the name it documents
/// (FastAPI's `Voicemode` for `voiceMode`) is noise and is dropped.
fn doc_text(title: Option<&str>, description: Option<&str>, name: &str) -> Option<String> {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty() && letters(t) != letters(name));
    let description = description.map(str::trim).filter(|d| !d.is_empty());
    match (title, description) {
        (Some(t), Some(d)) => Some(format!("{t}\n\n{d}")),
        (Some(t), None) => Some(t.to_owned()),
        (None, Some(d)) => Some(d.to_owned()),
        (None, None) => None,
    }
}

/// Each tag group's type name, `{Group}Api`, unique beside the types the client crate
/// re-exports at its root and the other groups' (`v2` and `v_2` would both be `V2Api`).
fn group_types(operations: &[crate::ir::Operation]) -> Vec<(String, String)> {
    let mut scope = crate::names::Scope::with_reserved(crate::vocabulary::CRATE_ROOT_TYPES);
    let mut types: Vec<(String, String)> = Vec::new();
    for group in operations.iter().filter_map(|op| op.group.as_deref()) {
        if !types.iter().any(|(known, _)| known == group) {
            let name = scope.unique(format!("{}Api", crate::names::type_name(group)), "");
            types.push((group.to_owned(), name));
        }
    }
    types
}

/// The response headers the spec declares whose name says "request id", lower case and sorted.
fn request_id_headers(operations: &[crate::ir::Operation]) -> Vec<String> {
    let mut names: Vec<String> = operations
        .iter()
        .flat_map(|op| &op.responses)
        .flat_map(|r| &r.headers)
        .map(|name| name.to_ascii_lowercase())
        .filter(|name| name.replace(['-', '_'], "").contains("requestid"))
        .collect();
    names.sort();
    names.dedup();
    names
}
