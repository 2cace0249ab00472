//! Operations: method names, parameters, request bodies and responses.

use super::schema::{wrap_nullable, SchemaRef};
use super::{doc_text, Lowerer};
use crate::config::ApiConfig;
use crate::error::{Error, Location, Result};
use crate::ir::{
    Body, ContentKind, HttpMethod, MediaBody, Operation, Param, ParamLocation, PathTemplate,
    QueryStyle, Response, SchemeId, SecurityKind, SecurityScheme, StatusCode, TypeRef, Warning,
};
use crate::names::{field_name, method_in_group, operation_name, type_name, Scope};
use crate::pointer::join;
use crate::spec::{Outline, PathItems, Spec, Unread};
use crate::vocabulary::{BUILDER_MEMBERS, CLIENT_METHODS};
use openapiv3::{MediaType, ParameterSchemaOrContent, ReferenceOr};

/// Path items read and lowered at a time: enough to keep every core busy, few enough that a
/// batch's typed path items are a few megabytes at most.
const PATH_ITEM_BATCH: usize = 64;

/// The names an operation takes (see [`OperationNames::settle`]).
struct Settled {
    name: String,
    builder: String,
    group: Option<String>,
    method_name: String,
}

/// An operation as the spec has it, with where it stands.
struct SpecOperation<'a> {
    path: &'a str,
    path_pointer: String,
    item: &'a openapiv3::PathItem,
    /// Its pointer below the path item (`get`, `query`, `additionalOperations/PURGE`), which
    /// also orders the operations of one path.
    key: String,
    method: HttpMethod,
    op: &'a openapiv3::Operation,
}

/// The names operations take: builder type names unique across the API, method names unique
/// on `Client` and within each tag group, and the config's renames.
struct OperationNames {
    types: Scope,
    methods: std::collections::HashMap<Option<String>, Scope>,
    grouped: bool,
    renamed: Vec<String>,
}

impl OperationNames {
    fn new(paths: &PathItems, grouped: bool) -> Self {
        // Methods on `Client` itself may not take the names of its own methods or of the group
        // accessors.
        let mut client_names: Vec<String> =
            CLIENT_METHODS.iter().map(|m| (*m).to_owned()).collect();
        if grouped {
            let first_tags = (0..paths.len()).flat_map(|i| match paths.outline(i) {
                Outline::Operations(operations) => operations
                    .iter()
                    .filter_map(|(_, tag)| tag.as_deref())
                    .collect(),
                Outline::Reference => Vec::new(),
            });
            client_names.extend(first_tags.map(field_name));
        }
        let client_names: Vec<&str> = client_names.iter().map(String::as_str).collect();
        OperationNames {
            // The builders' module uses the prelude's names and its imports unqualified.
            types: Scope::with_reserved(
                &crate::vocabulary::PRELUDE
                    .iter()
                    .copied()
                    .chain(crate::vocabulary::builder_imports())
                    .collect::<Vec<_>>(),
            ),
            methods: std::collections::HashMap::from([(None, Scope::with_reserved(&client_names))]),
            grouped,
            renamed: Vec::new(),
        }
    }

    /// The operation's own name, its builder's type name, its tag group, and its method name.
    fn settle(
        &mut self,
        spec_op: &SpecOperation<'_>,
        method: HttpMethod,
        config: &ApiConfig,
    ) -> Settled {
        let (path, op) = (spec_op.path, spec_op.op);
        let key = op
            .operation_id
            .clone()
            .unwrap_or_else(|| format!("{method} {path}"));
        // Unique as a type name too: `get_v2` and `get_v_2` would both name the builder `GetV2`.
        let base = operation_name(op.operation_id.as_deref(), method.as_str(), path);
        let (mut name, mut builder) = (base.clone(), type_name(&base));
        // `self_` (a keyword made a name) becomes `self_2`, not `self__2`, which rustc's
        // snake-case lint refuses.
        let stem = match base.trim_end_matches('_') {
            "" => base.as_str(),
            stem => stem,
        };
        let mut n = 2;
        while !self.types.reserve(&builder) {
            name = format!("{stem}_{n}");
            builder = type_name(&name);
            n += 1;
        }
        let tag = op.tags.first().filter(|_| self.grouped);
        let group = tag.map(|tag| field_name(tag));
        let scope = self
            .methods
            .entry(group.clone())
            .or_insert_with(|| Scope::with_reserved(&["clone", "fmt"]));
        let method_name = match config.operations.rename.get(&key) {
            Some(chosen) => {
                self.renamed.push(key);
                field_name(chosen)
            }
            // Where dropping the tag's words makes a name another operation has, the full
            // name is kept: a numeric suffix is the last resort.
            None => tag
                .map(|tag| method_in_group(&name, tag))
                .filter(|short| {
                    !BUILDER_MEMBERS.contains(&short.as_str()) && !scope.is_taken(short)
                })
                .unwrap_or_else(|| name.clone()),
        };
        let method_name = scope.unique(method_name, "_");
        Settled {
            name,
            builder,
            group,
            method_name,
        }
    }

    /// `{Builder}Response` for an operation whose success statuses return different types.
    fn name_response_enum(&mut self, operation: &mut Operation) {
        if !operation.outcome.by_status.is_empty() {
            let name = format!("{}Response", operation.builder);
            operation.response_enum = Some(self.types.unique(name, ""));
        }
    }

    /// A rename in the config that matched no operation is a mistake worth stopping for.
    fn check_renames(&self, config: &ApiConfig, config_file: &str) -> Result<()> {
        match config
            .operations
            .rename
            .keys()
            .find(|k| !self.renamed.contains(k))
        {
            Some(unused) => Err(Error::Config {
                at: Location {
                    file: config_file.to_owned(),
                    pointer: join("/operations/rename", unused),
                },
                reason: format!("no operation has the operationId (or `METHOD /path`) `{unused}`"),
            }),
            None => Ok(()),
        }
    }
}

impl<'s> Lowerer<'s> {
    /// Every operation, in spec order, named by [`OperationNames`]; one that cannot be read is
    /// left out with a warning. The path items are consumed: each one's JSON is freed once it
    /// is read.
    pub(super) fn lower_operations(
        &mut self,
        mut paths: PathItems,
        config: &ApiConfig,
        config_file: &str,
        security_schemes: &[SecurityScheme],
    ) -> Result<Vec<Operation>> {
        let spec: &'s Spec = self.spec;
        // Names are handed out in sorted order (by path, then method), so that reordering the
        // spec renames nothing; the operations themselves keep the spec's order.
        let mut sorted: Vec<usize> = (0..paths.len())
            .filter(|i| *paths.outline(*i) != Outline::Reference)
            .collect();
        sorted.sort_by(|a, b| paths.path(*a).cmp(paths.path(*b)));
        // Path items are read a batch at a time, so that only a few batches are ever held typed.
        let mut batches = paths.take_unread(&sorted, PATH_ITEM_BATCH);
        let paths = &paths;
        let grouped = config.client.as_ref().is_none_or(|c| c.group_by_tag);
        let mut names = OperationNames::new(paths, grouped);
        let first_index = self.operation_indices(paths)?;
        let mut lowered = Vec::new();
        let read = |batch: &mut Unread| batch.read(&spec.sources);
        crate::parallel::pipeline(&mut batches, &read, &mut |batch, items| {
            for (index, item) in batch.indices().zip(items) {
                let ReferenceOr::Item(item) = item else {
                    continue;
                };
                let (path, path_pointer) = (paths.path(index), join("/paths", paths.path(index)));
                let extra = self.extra_operations(&item, &path_pointer)?;
                // `openapiv3` only yields the methods OpenAPI defines.
                let fixed = item.iter().filter_map(|(key, op)| {
                    HttpMethod::parse(key).map(|method| (key.to_owned(), method, op))
                });
                let extra = extra
                    .iter()
                    .map(|(key, method, op)| (key.clone(), method.clone(), op));
                let mut order: Vec<(usize, SpecOperation<'_>)> = fixed
                    .chain(extra)
                    .enumerate()
                    .map(|(k, (key, method, op))| {
                        let path_pointer = path_pointer.clone();
                        let item = &item;
                        let spec_op = SpecOperation {
                            path,
                            path_pointer,
                            item,
                            key,
                            method,
                            op,
                        };
                        (first_index[index] + k, spec_op)
                    })
                    .collect();
                order.sort_by(|a, b| a.1.key.cmp(&b.1.key));
                for (spec_index, spec_op) in order {
                    let method = spec_op.method.clone();
                    let settled = names.settle(&spec_op, method.clone(), config);
                    if let Some(operation) =
                        self.lower_operation(&spec_op, method, settled, security_schemes)?
                    {
                        lowered.push((spec_index, operation));
                    }
                }
            }
            Ok(())
        })?;
        // After every builder has its name, so that no response enum can take one.
        for (_, operation) in &mut lowered {
            names.name_response_enum(operation);
        }
        lowered.sort_by_key(|(index, _)| *index);
        names.check_renames(config, config_file)?;
        Ok(lowered.into_iter().map(|(_, op)| op).collect())
    }

    /// The spec-order index of each path item's first operation. Path items given as a `$ref`
    /// are left out with a warning, in spec order.
    fn operation_indices(&mut self, paths: &PathItems) -> Result<Vec<usize>> {
        let mut first_index = Vec::with_capacity(paths.len());
        let mut count = 0;
        for index in 0..paths.len() {
            first_index.push(count);
            match paths.outline(index) {
                Outline::Operations(operations) => count += operations.len(),
                Outline::Reference => {
                    let error = Error::Unsupported {
                        at: self.spec.sources.locate(&join("/paths", paths.path(index))),
                        reason: "a path item given as a `$ref`".into(),
                    };
                    self.degrade(error, "its operations are left out")?;
                }
            }
        }
        Ok(first_index)
    }

    /// OpenAPI 3.2's `query` operation and `additionalOperations` of a path item, as loading
    /// set them aside (see [`crate::spec::v32::EXTRA_OPERATIONS`]): each with its pointer below
    /// the path item and its method. One that does not read is left out with a warning.
    fn extra_operations(
        &mut self,
        item: &openapiv3::PathItem,
        path_pointer: &str,
    ) -> Result<Vec<(String, HttpMethod, openapiv3::Operation)>> {
        let Some(serde_json::Value::Array(entries)) =
            item.extensions.get(crate::spec::v32::EXTRA_OPERATIONS)
        else {
            return Ok(Vec::new());
        };
        let mut extra = Vec::new();
        for entry in entries {
            let text = |key: &str| entry.get(key).and_then(serde_json::Value::as_str);
            let (Some(method), Some(at)) = (text("method"), text("at")) else {
                continue;
            };
            let method = match method {
                "QUERY" => Some(HttpMethod::Query),
                other => HttpMethod::other(other),
            };
            let operation = entry.get("operation").cloned().unwrap_or_default();
            match (
                method,
                serde_json::from_value::<openapiv3::Operation>(operation),
            ) {
                (Some(method), Ok(op)) => extra.push((at.to_owned(), method, op)),
                (_, result) => {
                    let reason = result
                        .err()
                        .map_or_else(|| "its method".into(), |e| e.to_string());
                    let error = Error::Unsupported {
                        at: self.spec.sources.locate(&format!("{path_pointer}/{at}")),
                        reason: format!("an operation that does not read ({reason})"),
                    };
                    self.degrade(error, "it is left out")?;
                }
            }
        }
        Ok(extra)
    }

    /// One operation, with the names `settled` for it; `None` (with a warning) when its
    /// parameters, body or responses cannot be read. Its inline types are named after its
    /// builder.
    fn lower_operation(
        &mut self,
        spec_op: &SpecOperation<'_>,
        method: HttpMethod,
        settled: Settled,
        security_schemes: &[SecurityScheme],
    ) -> Result<Option<Operation>> {
        let SpecOperation {
            path,
            path_pointer,
            op,
            ..
        } = spec_op;
        let pointer = format!("{path_pointer}/{}", spec_op.key);
        let template = PathTemplate::parse(path);
        let hint = settled.builder.as_str();
        let security = self.security(op, &pointer, security_schemes)?;
        let secured = !security.is_empty();
        let parts = self
            .params(spec_op, &template, &pointer, hint, secured)
            .and_then(|params| {
                let body = self.request_body(op, &pointer, hint)?;
                Ok((params, body, self.responses(op, &pointer, hint)?))
            });
        let (params, body, mut responses) = match parts {
            Ok(parts) => parts,
            Err(error) => {
                self.degrade(error, "the operation is left out")?;
                return Ok(None);
            }
        };
        let streaming = self.fern_streaming(&op.extensions, &pointer, hint, &mut responses)?;
        let outcome = super::outcome::outcome(&responses);
        let declared_pagination = match super::vendor_pagination::declared(&op.extensions) {
            Some((extension, Ok(table))) => {
                let at = self.spec.sources.locate(&join(&pointer, extension));
                Some(crate::ir::DeclaredPagination {
                    extension,
                    table,
                    at,
                })
            }
            Some((extension, Err(reason))) => {
                self.warnings.push(Warning {
                    at: self.spec.sources.locate(&join(&pointer, extension)),
                    message: format!("unsupported: {reason}; the operation's pagination is inferred from its names instead"),
                });
                None
            }
            None => None,
        };
        Ok(Some(Operation {
            name: settled.name,
            builder: settled.builder,
            group: settled.group,
            method_name: settled.method_name,
            operation_id: op.operation_id.clone(),
            method,
            path: template,
            tag: op.tags.first().cloned(),
            // `description: ""` is common (GitHub's spec has hundreds): no text is no text.
            summary: op.summary.clone().filter(|s| !s.trim().is_empty()),
            description: op.description.clone().filter(|d| !d.trim().is_empty()),
            deprecated: op.deprecated,
            params,
            body,
            responses,
            outcome,
            streaming,
            security,
            pagination: None,
            declared_pagination,
            response_enum: None,
            origin: pointer,
        }))
    }

    /// An operation's parameters, path-level ones first, each replaced by an operation's own
    /// parameter of the same name and location. A path variable without a parameter gets a
    /// string parameter of its own, with a warning.
    fn params(
        &mut self,
        spec_op: &SpecOperation<'_>,
        path: &PathTemplate,
        pointer: &str,
        hint: &str,
        secured: bool,
    ) -> Result<Vec<Param>> {
        let SpecOperation {
            path_pointer,
            item,
            op,
            ..
        } = spec_op;
        // Request builders have these members; a parameter may not take their names.
        let mut scope = Scope::with_reserved(BUILDER_MEMBERS);
        let path_params = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, join(&join(path_pointer, "parameters"), &i.to_string())));
        let op_params = op
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, join(&join(pointer, "parameters"), &i.to_string())));
        let mut resolved = Vec::new();
        for (param, at) in path_params.chain(op_params) {
            let (param, at) = self.resolver.parameter(param, &at)?;
            let data = param.parameter_data_ref();
            resolved.retain(|(p, _): &(&openapiv3::Parameter, String)| {
                p.parameter_data_ref().name != data.name || location(p) != location(param)
            });
            resolved.push((param, at));
        }
        let mut params = Vec::new();
        for (param, at) in resolved {
            if ignored_header(param, secured) {
                let name = param.parameter_data_ref().name.to_ascii_lowercase();
                let at = self.spec.sources.locate(&at);
                match self
                    .ignored_headers
                    .iter_mut()
                    .find(|(known, _, _)| *known == name)
                {
                    Some((_, _, count)) => *count += 1,
                    None => self.ignored_headers.push((name, at, 1)),
                }
                continue;
            }
            params.push(self.lower_param(param, &at, hint, &mut scope)?);
        }
        for variable in path.variables() {
            let defined = params
                .iter()
                .any(|p: &Param| p.location == ParamLocation::Path && p.api_name == variable);
            if !defined {
                self.warnings.push(Warning {
                    at: self.spec.sources.locate(pointer),
                    message: format!(
                        "the path has `{{{variable}}}` but the operation defines no such path parameter; a string parameter is generated for it"
                    ),
                });
                params.push(Param {
                    name: scope.unique(field_name(variable), "_"),
                    api_name: variable.to_owned(),
                    location: ParamLocation::Path,
                    required: true,
                    ty: TypeRef::String,
                    doc: None,
                    default: None,
                    validation: Default::default(),
                    style: QueryStyle::Form,
                    origin: pointer.to_owned(),
                });
            }
        }
        Ok(params)
    }

    fn request_body(
        &mut self,
        op: &openapiv3::Operation,
        pointer: &str,
        hint: &str,
    ) -> Result<Option<Body>> {
        let Some(body) = &op.request_body else {
            return Ok(None);
        };
        let (body, at) = self
            .resolver
            .request_body(body, &join(pointer, "requestBody"))?;
        let (content_type, kind, ty) =
            self.content(&body.content, &at, &format!("{hint}Request"), false)?;
        // A range (`image/*`, `*/*`) is not a media type a body can be labelled with.
        let header = match content_type.contains('*') {
            true => "application/octet-stream".to_owned(),
            false => content_type.clone(),
        };
        Ok(Some(Body {
            content_type,
            header,
            kind,
            ty,
            required: body.required,
            doc: body.description.clone(),
            origin: join(pointer, "requestBody"),
        }))
    }

    /// Responses in spec order, `default` last. Inline response types are named after the
    /// operation (`…Response`, `…Response201` when several succeed, `…Error404`), or after the
    /// response component.
    fn responses(
        &mut self,
        op: &openapiv3::Operation,
        pointer: &str,
        hint: &str,
    ) -> Result<Vec<Response>> {
        let mut responses = Vec::new();
        // In status order, not the order the spec lists them: an inline type two responses
        // share is named after the first, and reordering the spec must rename nothing.
        let mut listed: Vec<_> = op
            .responses
            .responses
            .iter()
            .map(|(code, r)| (status(code), code.to_string(), r))
            .collect();
        listed.sort_by(|a, b| a.1.cmp(&b.1));
        let default = op
            .responses
            .default
            .iter()
            .map(|r| (StatusCode::Default, "default".to_owned(), r));
        let success_count = op
            .responses
            .responses
            .keys()
            .filter(|c| status(c).is_success())
            .count();
        for (status, code, response) in listed.into_iter().chain(default) {
            let response_at = join(&join(pointer, "responses"), &code);
            let (response, at) = self.resolver.response(response, &response_at)?;
            let response_hint = match at.strip_prefix("/components/responses/") {
                Some(component) => {
                    let base = type_name(&crate::pointer::unescape(component));
                    if base.ends_with("Response") {
                        base
                    } else {
                        format!("{base}Response")
                    }
                }
                None => match status {
                    _ if status.is_success() && success_count == 1 => format!("{hint}Response"),
                    _ if status.is_success() => format!("{hint}Response{code}"),
                    StatusCode::Default => format!("{hint}Error"),
                    _ => format!("{hint}Error{code}"),
                },
            };
            let (content_type, kind, ty) = if response.content.is_empty() {
                (None, None, None)
            } else {
                let (content_type, kind, ty) =
                    self.content(&response.content, &at, &response_hint, true)?;
                (Some(content_type), Some(kind), Some(ty))
            };
            let alternatives = match kind {
                Some(kind) => self.alternatives(&response.content, kind, &at, &response_hint)?,
                None => Vec::new(),
            };
            responses.push(Response {
                status,
                description: response.description.clone(),
                content_type,
                kind,
                ty,
                alternatives,
                headers: response.headers.keys().cloned().collect(),
                origin: response_at,
            });
        }
        Ok(responses)
    }

    /// The operation's security requirements (its own, else the document's), each a list of
    /// defined schemes, by their place in `schemes` (sorted by name). When no requirement can
    /// be met by what the client sends (an HTTP signature, mutual TLS), the operation is still
    /// generated, with a warning: it sends no credential of its own, and the caller adds one
    /// per call (`RequestOptions::header`).
    fn security(
        &mut self,
        op: &openapiv3::Operation,
        pointer: &str,
        schemes: &[SecurityScheme],
    ) -> Result<Vec<Vec<SchemeId>>> {
        let (requirements, at) = match &op.security {
            Some(own) => (own, join(pointer, "security")),
            None => match &self.spec.doc.security {
                Some(document) => (document, "/security".to_owned()),
                None => return Ok(Vec::new()),
            },
        };
        let mut lowered = Vec::new();
        for (index, requirement) in requirements.iter().enumerate() {
            let mut names: Vec<&String> = requirement.keys().collect();
            names.sort();
            let mut ids = Vec::with_capacity(names.len());
            for name in names {
                let Some(id) = schemes.iter().position(|s| &s.name == name) else {
                    return Err(Error::Invalid {
                        at: self.spec.sources.locate(&join(&at, &index.to_string())),
                        reason: format!("security requirement names `{name}`, which `components.securitySchemes` does not define"),
                    });
                };
                ids.push(SchemeId(id));
            }
            lowered.push(ids);
        }
        let sendable = |ids: &Vec<SchemeId>| ids.iter().all(|id| schemes[id.0].kind.sendable());
        let unsendable = lowered
            .iter()
            .flatten()
            .find_map(|id| match &schemes[id.0].kind {
                SecurityKind::Other(what) => Some((&schemes[id.0].name, what)),
                _ => None,
            });
        if let Some((name, what)) = unsendable.filter(|_| !lowered.iter().any(sendable)) {
            self.warnings.push(Warning {
                at: self.spec.sources.locate(&at),
                message: format!("unsupported: security scheme `{name}` ({what}): the client sends bearer tokens (also for OAuth 2 and OpenID Connect), basic credentials and API keys only, and the operation at {pointer} accepts nothing else; it is generated to send no credential, for the caller to add per call (`RequestOptions::header`)"),
            });
        }
        Ok(lowered)
    }

    fn lower_param(
        &mut self,
        param: &openapiv3::Parameter,
        at: &str,
        hint: &str,
        scope: &mut Scope,
    ) -> Result<Param> {
        let data = param.parameter_data_ref();
        let (ty, default, schema_doc, validation) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let at = join(at, "schema");
                // A shared parameter's type is named after the parameter component, not after
                // whichever operation happens to sort first among its users (an operation
                // added before it would rename the type).
                let name = match at.strip_prefix("/components/parameters/") {
                    Some(rest) => {
                        let component = rest.split('/').next().unwrap_or(rest);
                        type_name(&crate::pointer::unescape(component))
                    }
                    None => format!("{hint}{}", type_name(&data.name)),
                };
                let lowered = self.lower(SchemaRef::from(schema), &at, &name)?;
                let (default, doc, validation) = match schema {
                    ReferenceOr::Item(s) => (
                        s.schema_data.default.clone(),
                        doc_text(
                            s.schema_data.title.as_deref(),
                            s.schema_data.description.as_deref(),
                            &data.name,
                        ),
                        super::validation::of(s),
                    ),
                    ReferenceOr::Reference { .. } => (None, None, Default::default()),
                };
                (lowered.ty, default, doc, validation)
            }
            // A value serialized as a media type (JSON in a query parameter, say): the caller
            // passes the serialized text.
            ParameterSchemaOrContent::Content(content) => {
                let media = content.keys().next().map_or("", String::as_str);
                let doc = format!("The value serialized as `{media}`.");
                (TypeRef::String, None, Some(doc), Default::default())
            }
        };
        let location = location(param);
        Ok(Param {
            name: scope.unique(field_name(&data.name), "_"),
            api_name: data.name.clone(),
            location,
            required: data.required || location == ParamLocation::Path,
            ty,
            doc: data.description.clone().or(schema_doc),
            default,
            validation,
            style: query_style(param),
            origin: at.to_owned(),
        })
    }

    /// The media type, its kind and the type of a body (request or response) described by
    /// `content`. Of several media types, the most convenient for the caller is used (JSON
    /// first, then forms, text and bytes; see [`ContentKind::preference`]).
    fn content(
        &mut self,
        content: &indexmap::IndexMap<String, MediaType>,
        at: &str,
        hint: &str,
        response: bool,
    ) -> Result<(String, ContentKind, TypeRef)> {
        let Some((content_type, media, kind)) = pick_media(content, response) else {
            return Ok(("application/json".into(), ContentKind::Json, TypeRef::Json));
        };
        let schema_at = join(&join(&join(at, "content"), content_type), "schema");
        let ty = match (kind, media.schema.as_ref()) {
            (ContentKind::Text, _) => TypeRef::String,
            (ContentKind::Binary, _) => TypeRef::Bytes,
            (_, Some(schema)) => {
                wrap_nullable(self.lower(SchemaRef::from(schema), &schema_at, hint)?)
            }
            (ContentKind::Form | ContentKind::Multipart, None) => {
                TypeRef::Map(Box::new(TypeRef::Json))
            }
            (ContentKind::Json | ContentKind::EventStream | ContentKind::JsonLines, None) => {
                TypeRef::Json
            }
        };
        Ok((content_type.clone(), kind, ty))
    }

    /// The kinds of body a response offers besides `chosen`, one media type each (the first
    /// by [`media_rank`]). A stream's events are typed by its schema, named `…Event` or
    /// `…Line` when inline; bytes and text need no schema.
    fn alternatives(
        &mut self,
        content: &indexmap::IndexMap<String, MediaType>,
        chosen: ContentKind,
        at: &str,
        hint: &str,
    ) -> Result<Vec<MediaBody>> {
        let mut offered: Vec<(&String, &MediaType, ContentKind)> = media_kinds(content, true)
            .filter(|&(_, _, kind)| kind != chosen)
            .collect();
        offered.sort_by(|a, b| media_rank(a.0, a.2).cmp(&media_rank(b.0, b.2)));
        offered.dedup_by_key(|(_, _, kind)| *kind);
        let mut alternatives = Vec::with_capacity(offered.len());
        for (content_type, media, kind) in offered {
            let schema_at = join(&join(&join(at, "content"), content_type), "schema");
            let ty = match (kind, media.schema.as_ref()) {
                (ContentKind::Text, _) => TypeRef::String,
                (ContentKind::Binary, _) => TypeRef::Bytes,
                (ContentKind::EventStream, Some(schema)) => {
                    let hint = format!("{hint}Event");
                    wrap_nullable(self.lower(SchemaRef::from(schema), &schema_at, &hint)?)
                }
                (_, Some(schema)) => {
                    let hint = format!("{hint}Line");
                    wrap_nullable(self.lower(SchemaRef::from(schema), &schema_at, &hint)?)
                }
                (_, None) => TypeRef::Json,
            };
            alternatives.push(MediaBody {
                content_type: content_type.clone(),
                kind,
                ty,
            });
        }
        Ok(alternatives)
    }
}

/// The media type a body is sent or read as, with its kind; `None` for empty `content`.
fn pick_media(
    content: &indexmap::IndexMap<String, MediaType>,
    response: bool,
) -> Option<(&String, &MediaType, ContentKind)> {
    media_kinds(content, response).min_by_key(|&(ct, _, kind)| media_rank(ct, kind))
}

/// Each media type of `content` with the kind it is read or sent as. A response is never read
/// as a form: a form-encoded response is text, a multipart one bytes; a request body is never
/// a stream.
fn media_kinds(
    content: &indexmap::IndexMap<String, MediaType>,
    response: bool,
) -> impl Iterator<Item = (&String, &MediaType, ContentKind)> {
    content.iter().map(move |(ct, media)| {
        let kind = match ContentKind::of(ct) {
            ContentKind::Form if response => ContentKind::Text,
            ContentKind::Multipart if response => ContentKind::Binary,
            ContentKind::EventStream if !response => ContentKind::Text,
            ContentKind::JsonLines if !response => ContentKind::Binary,
            kind => kind,
        };
        (ct, media, kind)
    })
}

/// The order media types are chosen in: by kind, and between media types of the same kind,
/// `application/json` itself, then the first by name: the spec's order of `content` keys must
/// not decide.
fn media_rank(content_type: &str, kind: ContentKind) -> (u8, bool, &str) {
    (
        kind.preference(),
        content_type != "application/json",
        content_type,
    )
}

/// A query parameter's style; `explode` defaults to true for `form` and means `form` for the
/// delimited styles (OpenAPI defines them only unexploded).
fn query_style(param: &openapiv3::Parameter) -> QueryStyle {
    let openapiv3::Parameter::Query {
        style,
        parameter_data,
        ..
    } = param
    else {
        return QueryStyle::Form;
    };
    let explode = parameter_data.explode;
    match style {
        openapiv3::QueryStyle::Form if explode == Some(false) => QueryStyle::FormJoined,
        openapiv3::QueryStyle::Form => QueryStyle::Form,
        openapiv3::QueryStyle::SpaceDelimited if explode == Some(true) => QueryStyle::Form,
        openapiv3::QueryStyle::SpaceDelimited => QueryStyle::SpaceDelimited,
        openapiv3::QueryStyle::PipeDelimited if explode == Some(true) => QueryStyle::Form,
        openapiv3::QueryStyle::PipeDelimited => QueryStyle::PipeDelimited,
        openapiv3::QueryStyle::DeepObject => QueryStyle::DeepObject,
    }
}

/// A header parameter named `Accept` or `Content-Type`, or `Authorization` on an operation
/// with security requirements (`secured`), which OpenAPI says "SHALL be ignored": the media
/// types and the credentials decide those headers, and a second one would contradict them.
/// An `Authorization` parameter of an operation without any is the only way the spec gives to
/// authenticate, and stays a parameter.
fn ignored_header(param: &openapiv3::Parameter, secured: bool) -> bool {
    let openapiv3::Parameter::Header { parameter_data, .. } = param else {
        return false;
    };
    let name = parameter_data.name.as_str();
    name.eq_ignore_ascii_case("accept")
        || name.eq_ignore_ascii_case("content-type")
        || (secured && name.eq_ignore_ascii_case("authorization"))
}

fn location(param: &openapiv3::Parameter) -> ParamLocation {
    match param {
        openapiv3::Parameter::Path { .. } => ParamLocation::Path,
        openapiv3::Parameter::Query { .. } => ParamLocation::Query,
        openapiv3::Parameter::Header { .. } => ParamLocation::Header,
        openapiv3::Parameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

fn status(code: &openapiv3::StatusCode) -> StatusCode {
    match code {
        openapiv3::StatusCode::Code(c) => StatusCode::Code(*c),
        openapiv3::StatusCode::Range(r) => StatusCode::Range(*r),
    }
}
