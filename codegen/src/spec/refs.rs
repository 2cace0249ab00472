//! `$ref` resolution within one document.
//!
//! Only local references into `#/components/...` are supported; a reference to another file or
//! to an arbitrary pointer is rejected with the pointer where it stands.

use crate::error::{Error, Result};
use crate::spec::{ComponentSchemas, SchemaOutline, SourceMap, Spec};
use openapiv3::{Components, Parameter, ReferenceOr, RequestBody, Response, Schema};

/// Resolves references against a document's components.
pub struct Resolver<'a> {
    components: Option<&'a Components>,
    schemas: &'a ComponentSchemas,
    sources: &'a SourceMap,
}

impl<'a> Resolver<'a> {
    /// A resolver for `spec`.
    pub fn new(spec: &'a Spec) -> Resolver<'a> {
        Resolver {
            components: spec.doc.components.as_ref(),
            schemas: &spec.schemas,
            sources: &spec.sources,
        }
    }

    /// The component name a schema reference points at, checked to exist.
    pub fn schema_name(&self, reference: &str, at: &str) -> Result<String> {
        let name = self.component_name(reference, "schemas", at)?;
        match self.schemas.outline(&name) {
            Some(_) => Ok(name),
            None => Err(self.dangling(reference, at)),
        }
    }

    /// A component schema by name, read and kept (see [`ComponentSchemas::get`]).
    pub fn schema(&self, name: &str) -> Option<&'a ReferenceOr<Schema>> {
        self.schemas.get(name)
    }

    /// What a component schema is without reading it.
    pub fn schema_outline(&self, name: &str) -> Option<&'a SchemaOutline> {
        self.schemas.outline(name)
    }

    /// Follows a parameter reference (and references to references) to its definition.
    pub fn parameter(
        &self,
        item: &'a ReferenceOr<Parameter>,
        at: &str,
    ) -> Result<(&'a Parameter, String)> {
        self.follow(item, "parameters", at, |c| &c.parameters)
    }

    /// Follows a request body reference to its definition.
    pub fn request_body(
        &self,
        item: &'a ReferenceOr<RequestBody>,
        at: &str,
    ) -> Result<(&'a RequestBody, String)> {
        self.follow(item, "requestBodies", at, |c| &c.request_bodies)
    }

    /// Follows a response reference to its definition.
    pub fn response(
        &self,
        item: &'a ReferenceOr<Response>,
        at: &str,
    ) -> Result<(&'a Response, String)> {
        self.follow(item, "responses", at, |c| &c.responses)
    }

    /// Returns the definition and the pointer where it stands.
    fn follow<T>(
        &self,
        mut item: &'a ReferenceOr<T>,
        section: &str,
        at: &str,
        map: impl Fn(&'a Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'a T, String)> {
        let mut pointer = at.to_owned();
        let mut seen = Vec::new();
        loop {
            match item {
                ReferenceOr::Item(value) => return Ok((value, pointer)),
                ReferenceOr::Reference { reference } => {
                    if seen.contains(reference) {
                        return Err(Error::Invalid {
                            at: self.sources.locate(at),
                            reason: format!("reference cycle through `{reference}`"),
                        });
                    }
                    seen.push(reference.clone());
                    let name = self.component_name(reference, section, &pointer)?;
                    item = self
                        .components
                        .and_then(|c| map(c).get(&name))
                        .ok_or_else(|| self.dangling(reference, &pointer))?;
                    pointer = crate::pointer::join(&format!("/components/{section}"), &name);
                }
            }
        }
    }

    fn component_name(&self, reference: &str, section: &str, at: &str) -> Result<String> {
        let prefix = format!("#/components/{section}/");
        match reference.strip_prefix(&prefix) {
            Some(name) if !name.contains('/') => Ok(crate::pointer::unescape(name)),
            _ if !reference.starts_with('#') => Err(Error::Unsupported {
                at: self.sources.locate(at),
                reason: format!("external reference `{reference}` (only references within the document are supported)"),
            }),
            _ => Err(Error::Unsupported {
                at: self.sources.locate(at),
                reason: format!("reference `{reference}` (expected one starting with `{prefix}`)"),
            }),
        }
    }

    fn dangling(&self, reference: &str, at: &str) -> Error {
        Error::Invalid {
            at: self.sources.locate(at),
            reason: format!("dangling reference `{reference}`: no such component"),
        }
    }
}
