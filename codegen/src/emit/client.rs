//! IR operations → the client crate: servers, tag groups, and one request builder per operation.
//!
//! Every operation becomes a method that takes what the spec requires (path parameters,
//! required query parameters, a required body) and returns a builder with a setter per
//! optional parameter and an `async fn send`. The runtime (`templates/runtime/`)
//! does the sending and decoding, so per-operation code stays small.

use super::{doc_attrs, ident, rust_type, Items, StdNames};
use crate::config::ClientConfig;
use crate::ir::{
    Alternative, Body, ContentKind, Field, Model, Operation, Outcome, Param, ParamLocation,
    PathPart, QueryStyle, SecurityKind, StatusCode, TypeKind, TypeRef,
};
use crate::names::type_name;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Where the models crate is reached from client code.
fn models() -> TokenStream {
    quote!(crate::models)
}

/// `servers.rs`: one constant per `servers` entry, and `DEFAULT`.
pub fn servers(model: &Model) -> TokenStream {
    let constants = model.servers.iter().map(|server| {
        let name = ident(&server.const_name);
        let url = &server.url;
        let doc = doc_attrs(server.description.as_deref());
        let url_doc = format!(" `{url}`");
        quote! { #doc #[doc = ""] #[doc = #url_doc] pub const #name: &str = #url; }
    });
    let default = model.servers.first().map_or("", |s| s.url.as_str());
    quote! {
        //! The servers the spec lists. Any other base URL works too: see `ClientBuilder::base_url`.

        #( #constants )*

        /// The first server the spec lists, used unless the client is configured otherwise.
        pub const DEFAULT: &str = #default;
    }
}

/// `defaults.rs`: the client's defaults from the API's config, and what the runtime needs to
/// know of the spec (its request-id headers).
pub fn defaults(model: &Model, config: &ClientConfig) -> TokenStream {
    let d = &config.defaults;
    let number = proc_macro2::Literal::u64_unsuffixed;
    let (timeout, retries, initial, max_backoff, budget, max_bytes) = (
        number(d.timeout_secs),
        number(u64::from(d.max_retries)),
        number(d.initial_backoff_ms),
        number(d.max_backoff_ms),
        number(d.max_retry_time_secs),
        number(d.max_response_bytes),
    );
    let idempotency = match &d.idempotency_header {
        Some(name) => {
            let name = name.to_ascii_lowercase();
            quote!(::std::option::Option::Some(#name))
        }
        None => quote!(::std::option::Option::None),
    };
    let request_ids = request_id_headers(model);
    let key_schemes = api_key_schemes(model);
    quote! {
        //! The client's defaults, set in the API's `api.toml`. A `ClientBuilder` overrides them
        //! for a client, and `RequestOptions` for one call.

        use ::std::time::Duration;

        /// The timeout of each attempt.
        pub const TIMEOUT: Duration = Duration::from_secs(#timeout);

        /// How many times a call is retried after its first attempt (see `RetryPolicy` for
        /// which failures are retried: never a write that could take effect twice).
        pub const MAX_RETRIES: u32 = #retries;

        /// The delay before the first retry; each later one doubles, with jitter.
        pub const INITIAL_BACKOFF: Duration = Duration::from_millis(#initial);

        /// The longest delay between two attempts, unless the server's `Retry-After` asks for more.
        pub const MAX_BACKOFF: Duration = Duration::from_millis(#max_backoff);

        /// The most time one call spends waiting to retry, all waits together.
        pub const MAX_RETRY_TIME: Duration = Duration::from_secs(#budget);

        /// The largest response body a call reads, in bytes.
        pub const MAX_RESPONSE_BYTES: u64 = #max_bytes;

        /// The header, if the API declares one, whose presence makes a POST or PATCH safe to retry.
        #[doc(hidden)]
        pub const IDEMPOTENCY_HEADER: ::std::option::Option<&str> = #idempotency;

        /// Response headers the spec declares that carry a request id, lower case.
        #[doc(hidden)]
        pub const REQUEST_ID_HEADERS: &[&str] = &[#( #request_ids ),*];

        /// The API key schemes the spec defines, by their names in
        /// `components.securitySchemes`: the names `ClientBuilder::api_key_for` accepts.
        #[doc(hidden)]
        pub const API_KEY_SCHEMES: &[&str] = &[#( #key_schemes ),*];
    }
}

/// The names of the spec's API key schemes, sorted.
fn api_key_schemes(model: &Model) -> Vec<&str> {
    let mut names: Vec<&str> = model
        .security_schemes
        .iter()
        .filter(|s| matches!(s.kind, SecurityKind::ApiKey { .. }))
        .map(|s| s.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The response headers the spec declares whose name says "request id", lower case and sorted.
fn request_id_headers(model: &Model) -> Vec<String> {
    let mut names: Vec<String> = model
        .operations
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

/// `operations.rs`: accessors on `Client` for each tag group, and the group types.
pub fn operations(model: &Model) -> Items<'_> {
    let groups = std::sync::Arc::new(tag_groups(model));
    let ungrouped: Vec<&Operation> = model
        .operations
        .iter()
        .filter(|op| op.group.is_none())
        .collect();
    let mut items: Vec<Box<dyn Fn() -> TokenStream + Sync + '_>> = vec![Box::new(|| {
        quote!(
            use crate::Client;
        )
    })];
    // An `impl` block weighs its methods (and accessors), so that a chunk holds about as many
    // methods as a chunk of builders holds builders.
    let mut weights = vec![1];
    let mut blocks = ungrouped
        .chunks(METHODS_PER_BLOCK)
        .map(<[&Operation]>::to_vec);
    let first = blocks.next().unwrap_or_default();
    weights.push(1 + groups.len() + first.len());
    let all_groups = groups.clone();
    items.push(Box::new(move || {
        let accessors = all_groups.iter().map(|group| group.accessor(model));
        let methods = first
            .iter()
            .map(|op| method(model, op, quote!(self), quote!('_)));
        quote! { impl Client { #( #accessors )* #( #methods )* } }
    }));
    for block in blocks {
        weights.push(block.len());
        items.push(Box::new(move || {
            let methods = block
                .iter()
                .map(|op| method(model, op, quote!(self), quote!('_)));
            quote! { impl Client { #( #methods )* } }
        }));
    }
    for (group, size) in groups
        .iter()
        .enumerate()
        .map(|(i, g)| (i, g.operations.len()))
    {
        for block in 0..size.div_ceil(METHODS_PER_BLOCK) {
            weights.push(
                METHODS_PER_BLOCK.min(size - block * METHODS_PER_BLOCK) + usize::from(block == 0),
            );
            let groups = groups.clone();
            items.push(Box::new(move || {
                let tokens = groups[group].block(model, block);
                super::gate(
                    &super::group_feature(model, Some(groups[group].name)),
                    tokens,
                )
            }));
        }
    }
    Items {
        prelude: quote! {
            //! Operations, as methods on [`Client`] and on its tag groups.
        },
        weights,
        item: Box::new(move |i| items[i]()),
    }
}

/// Methods per `impl` block in `operations.rs`. An API with thousands of operations gets
/// several blocks (rustdoc shows them as one), so the file renders in chunks like the others.
const METHODS_PER_BLOCK: usize = 200;

/// The operations that share a tag, in spec order: a type reached through a `Client` accessor.
struct TagGroup<'m> {
    /// The accessor's name (a snake-case identifier).
    name: &'m str,
    /// The tag as the spec writes it.
    tag: &'m str,
    operations: Vec<&'m Operation>,
}

/// The tag groups, in the order their first operation appears.
fn tag_groups(model: &Model) -> Vec<TagGroup<'_>> {
    let mut groups: Vec<TagGroup> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for op in &model.operations {
        let Some(name) = op.group.as_deref() else {
            continue;
        };
        let at = *index.entry(name).or_insert_with(|| {
            let tag = op.tag.as_deref().unwrap_or(name);
            groups.push(TagGroup {
                name,
                tag,
                operations: Vec::new(),
            });
            groups.len() - 1
        });
        groups[at].operations.push(op);
    }
    groups
}

impl TagGroup<'_> {
    fn accessor(&self, model: &Model) -> TokenStream {
        let accessor = ident(self.name);
        let ty = group_type(self.name);
        let doc = format!(" Operations tagged `{}`.", self.tag);
        let cfg = super::group_feature(model, Some(self.name))
            .into_iter()
            .map(|feature| quote!(#[cfg(feature = #feature)]));
        quote! {
            #[doc = #doc]
            #( #cfg )*
            pub fn #accessor(&self) -> #ty<'_> {
                #ty { client: self }
            }
        }
    }

    /// The `index`-th block of the group's methods, after the group's type for the first.
    fn block(&self, model: &Model, index: usize) -> TokenStream {
        let ty = group_type(self.name);
        let methods = self
            .operations
            .chunks(METHODS_PER_BLOCK)
            .nth(index)
            .unwrap_or_default()
            .iter()
            .map(|op| method(model, op, quote!(self.client), quote!('a)));
        let methods = quote! {
            impl<'a> #ty<'a> {
                #( #methods )*
            }
        };
        if index > 0 {
            return methods;
        }
        let doc = format!(
            " Operations tagged `{}`; from [`Client::{}`].",
            self.tag,
            self.name.trim_start_matches("r#")
        );
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy)]
            pub struct #ty<'a> {
                client: &'a Client,
            }

            #methods
        }
    }
}

pub(super) fn group_type(group: &str) -> proc_macro2::Ident {
    format_ident!("{}Api", type_name(group))
}

pub(super) fn builder_name(op: &Operation) -> proc_macro2::Ident {
    ident(&op.builder)
}

/// Whether a parameter is given to the method rather than set on the builder.
pub(super) fn is_argument(param: &Param) -> bool {
    param.required
}

fn param_type(model: &Model, param: &Param) -> TokenStream {
    rust_type(model, &param.ty, &models(), StdNames::Prelude)
}

/// Arguments of type `String` are taken as `impl Into<String>` so `&str` works too.
fn argument(model: &Model, param: &Param) -> (TokenStream, TokenStream) {
    let name = ident(&param.name);
    match param.ty {
        TypeRef::String => (quote!(#name: impl Into<String>), quote!(#name.into())),
        _ => {
            let ty = param_type(model, param);
            (quote!(#name: #ty), quote!(#name))
        }
    }
}

/// The method that starts an operation's request. `lifetime` is the client borrow the builder
/// keeps: a group's methods return one tied to the client, not to the short-lived group, so
/// that `let request = client.agents().list();` can be kept and configured.
fn method(
    model: &Model,
    op: &Operation,
    client: TokenStream,
    lifetime: TokenStream,
) -> TokenStream {
    let name = ident(&op.method_name);
    let builder = builder_name(op);
    let mut args = Vec::new();
    let mut values = Vec::new();
    for param in op.params.iter().filter(|p| is_argument(p)) {
        let (arg, value) = argument(model, param);
        args.push(arg);
        values.push(value);
    }
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        let ty = rust_type(model, &body.ty, &models(), StdNames::Prelude);
        args.push(quote!(body: #ty));
        values.push(quote!(body));
    }
    let docs = operation_docs(model, op);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #docs
        #deprecated
        pub fn #name(&self, #( #args ),*) -> crate::builders::#builder<#lifetime> {
            crate::builders::#builder::new(#client, #( #values ),*)
        }
    }
}

fn operation_docs(model: &Model, op: &Operation) -> TokenStream {
    let mut text = String::new();
    if let Some(summary) = &op.summary {
        text.push_str(summary.trim());
        text.push_str("\n\n");
    }
    if let Some(description) = op
        .description
        .as_ref()
        .filter(|d| Some(d.trim()) != op.summary.as_deref().map(str::trim))
    {
        text.push_str(&crate::doc::sanitize(description));
        text.push_str("\n\n");
    }
    text.push_str(&format!("`{} {}`", op.method, op.path));
    if let Some(name) = &op.response_enum {
        text.push_str(&format!(
            "\n\nSucceeds with a [`{name}`](crate::builders::{name}): one variant per success status."
        ));
    }
    if !op.params.is_empty() || op.body.is_some() {
        text.push_str("\n\n# Parameters\n");
        for param in &op.params {
            let location = match param.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
                ParamLocation::Cookie => "cookie",
            };
            let how = if is_argument(param) {
                "required".to_owned()
            } else {
                format!(
                    "optional: `.{}(…)` on the builder",
                    param.name.trim_start_matches("r#")
                )
            };
            text.push_str(&format!(
                "\n- `{}` ({location} `{}`, {how})",
                param.name.trim_start_matches("r#"),
                param.api_name
            ));
            if let Some(doc) = &param.doc {
                text.push_str(": ");
                text.push_str(&crate::doc::sanitize(doc).replace('\n', " "));
            }
            if let Some(default) = &param.default {
                text.push_str(&format!("; the server assumes `{default}` when absent"));
            }
        }
        if let Some(body) = &op.body {
            let how = if body.required {
                "required"
            } else {
                "optional, set on the builder"
            };
            text.push_str(&format!(
                "\n- `body` (`{}`, {how}): {}",
                body.content_type,
                type_link(model, &body.ty)
            ));
        }
    }
    let errors: Vec<String> = op
        .responses
        .iter()
        .filter(|r| !r.status.is_success())
        .map(|r| {
            let status = match r.status {
                StatusCode::Code(code) => code.to_string(),
                StatusCode::Range(digit) => format!("{digit}XX"),
                StatusCode::Default => "any other status".into(),
            };
            let body =
                r.ty.as_ref()
                    .map(|ty| format!(", body {}", type_link(model, ty)))
                    .unwrap_or_default();
            format!(
                "- {status}: {}{body}",
                crate::doc::sanitize(r.description.trim()).replace('\n', " ")
            )
        })
        .collect();
    if !errors.is_empty() {
        text.push_str("\n\n# Errors\n\nDocumented error responses, returned as [`Error::Api`](crate::Error::Api):\n\n");
        text.push_str(&errors.join("\n"));
    }
    let lines = super::doc_lines(&text);
    quote! { #( #[doc = #lines] )* }
}

fn type_link(model: &Model, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => {
            let name = &model.ty(*id).name;
            format!("[`{name}`](crate::models::{name})")
        }
        TypeRef::Nullable(inner) => format!("{} or `null`", type_link(model, inner)),
        TypeRef::Array(inner) => format!("array of {}", type_link(model, inner)),
        TypeRef::Json => "any JSON".into(),
        _ => "a JSON value".into(),
    }
}

/// `builders.rs`: one request builder per operation.
pub fn builders(model: &Model) -> Items<'_> {
    Items {
        // What builders use, named as they are (`names::BUILDER_IMPORTS` keeps builder names
        // clear of them); a spec without query parameters or event streams leaves some unused.
        // The multipart functions stay qualified: the runtime has them only for APIs that send
        // multipart bodies.
        prelude: quote! {
            //! Request builders: set optional parameters, then `.send().await`.

            #[allow(unused_imports)]
            use crate::runtime::{
                check_finite, path_segment, query_pairs, simple_style, Operation, QueryStyle, Scheme,
                Statuses,
            };
            #[allow(unused_imports)]
            use crate::{Client, Error, EventStream, RequestOptions, ResponseValue};
        },
        // A builder's text grows with its parameters: a field, a setter and a line of `send` each.
        weights: model
            .operations
            .iter()
            .map(|op| 1 + op.params.len() / 4)
            .collect(),
        item: Box::new(|i| {
            let op = &model.operations[i];
            super::gate(
                &super::group_feature(model, op.group.as_deref()),
                builder(model, op),
            )
        }),
    }
}

fn builder(model: &Model, op: &Operation) -> TokenStream {
    let name = builder_name(op);
    let doc = super::doc_literal(&format!(
        " A `{} {}` request; see the method that returns it for what it does.",
        op.method, op.path
    ));
    let mut parts = BuilderParts::default();
    for param in &op.params {
        let field = ident(&param.name);
        let ty = param_type(model, param);
        if is_argument(param) {
            parts.argument(&field, &ty);
        } else {
            parts.optional(&field, &ty, setter(model, param));
        }
    }
    if let Some(body) = &op.body {
        let ty = rust_type(model, &body.ty, &models(), StdNames::Prelude);
        let field = format_ident!("body");
        if body.required {
            parts.argument(&field, &ty);
        } else {
            parts.optional(
                &field,
                &ty,
                quote! {
                    /// Sets the request body.
                    pub fn body(mut self, body: #ty) -> Self {
                        self.body = Some(body);
                        self
                    }
                },
            );
        }
    }
    let BuilderParts {
        fields,
        new_args,
        inits,
        setters,
    } = parts;
    let send = send_methods(model, op);
    let response_enum = response_enum(model, op);
    let streams = op
        .pagination
        .as_ref()
        .map(|paging| super::paging::streams(model, op, paging));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent with `.send().await`"]
        pub struct #name<'a> {
            client: &'a Client,
            options: RequestOptions,
            #( #fields, )*
        }

        impl<'a> #name<'a> {
            #[doc(hidden)]
            pub fn new(client: &'a Client, #( #new_args ),*) -> Self {
                Self {
                    client,
                    options: Default::default(),
                    #( #inits ),*
                }
            }

            #( #setters )*

            /// Options for this call only: timeout, retry policy, extra headers and query
            /// parameters.
            pub fn with_options(mut self, options: RequestOptions) -> Self {
                self.options = options;
                self
            }

            #send

            #streams
        }

        #response_enum
    }
}

/// The enum `send` returns when success statuses have different body types: one variant per
/// documented status, and `Other` for a success status the spec does not list.
fn response_enum(model: &Model, op: &Operation) -> Option<TokenStream> {
    let name = ident(op.response_enum.as_deref()?);
    let outcome = &op.outcome;
    let variants = outcome.by_status.iter().map(|body| {
        let variant = ident(&body.variant);
        let doc = doc_attrs(Some(&format!(
            "`{}`: {}",
            body.status,
            body.description.trim()
        )));
        match &body.ty {
            Some(ty) => {
                let ty = rust_type(model, ty, &models(), StdNames::Prelude);
                quote!(#doc #variant(#ty),)
            }
            None => quote!(#doc #variant,),
        }
    });
    let doc = format!(" What `{} {}` returns, by status.", op.method, op.path);
    Some(quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #( #variants )*
            /// A success status the spec does not list, with its body as JSON (`null` when empty).
            Other(::serde_json::Value),
        }
    })
}

/// A builder's own fields beyond the client and options: what `new` takes (required
/// parameters and body) and what setters fill in (optional ones).
#[derive(Default)]
struct BuilderParts {
    fields: Vec<TokenStream>,
    new_args: Vec<TokenStream>,
    inits: Vec<TokenStream>,
    setters: Vec<TokenStream>,
}

impl BuilderParts {
    fn argument(&mut self, field: &proc_macro2::Ident, ty: &TokenStream) {
        self.fields.push(quote!(#field: #ty));
        self.new_args.push(quote!(#field: #ty));
        self.inits.push(quote!(#field));
    }

    fn optional(&mut self, field: &proc_macro2::Ident, ty: &TokenStream, setter: TokenStream) {
        self.fields.push(quote!(#field: Option<#ty>));
        self.inits.push(quote!(#field: None));
        self.setters.push(setter);
    }
}

/// The setter of an optional parameter, documented with where it goes and its default.
fn setter(model: &Model, param: &Param) -> TokenStream {
    let field = ident(&param.name);
    let mut text = format!(
        "Sets `{}` ({}).",
        param.api_name,
        location_name(param.location)
    );
    if let Some(doc) = &param.doc {
        text.push_str("\n\n");
        text.push_str(doc);
    }
    if let Some(default) = &param.default {
        text.push_str(&format!(
            "\n\nThe server assumes `{default}` when this is not set."
        ));
    }
    let setter_doc = doc_attrs(Some(&text));
    let (arg, value) = argument(model, param);
    quote! {
        #setter_doc
        pub fn #field(mut self, #arg) -> Self {
            self.#field = Some(#value);
            self
        }
    }
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// `send()`, and a method beside it for each other form of the success body the operation
/// offers (`send_stream()`, `send_bytes()`, …).
fn send_methods(model: &Model, op: &Operation) -> TokenStream {
    let primary = send(model, op, None);
    let others = op
        .outcome
        .alternatives
        .iter()
        .map(|alternative| send(model, op, Some(alternative)));
    quote! {
        #primary
        #( #others )*
    }
}

/// One send method: `send()` for the success body as the outcome reads it, or the method
/// that asks for `alternative`.
fn send(model: &Model, op: &Operation, alternative: Option<&Alternative>) -> TokenStream {
    let outcome = &op.outcome;
    let pieces = path_pieces(op);
    let method = ident(op.method.as_str());
    let security = security(model, op);
    let id = op
        .operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method, op.path));
    let template = &op.path.raw;
    let kind = alternative.map_or(outcome.success_kind, |a| a.kind);
    // Only a stream method asks for the stream; the others ask for a whole body.
    let flag = op
        .streaming
        .flag
        .as_deref()
        .map(|name| (name, kind.is_stream()));
    let request_parts = request_parts(model, op, flag);
    let mutates = op.body.is_some() || op.params.iter().any(|p| p.location != ParamLocation::Path);
    let binding = if mutates {
        quote!(let mut request)
    } else {
        quote!(let request)
    };
    let statuses = statuses(outcome);
    let (name, output, accept, finish) = match alternative {
        None => {
            let (output, _) = result_types(model, op, &models(), None, StdNames::Prelude);
            let finish = match &op.response_enum {
                Some(name) => by_status(model, name, outcome),
                None => finish(op, outcome.success_kind, outcome),
            };
            (
                format_ident!("send"),
                output,
                accept(op, outcome.success_kind),
                finish,
            )
        }
        Some(alternative) => (
            ident(&alternative.method),
            form_output(model, alternative.kind, Some(&alternative.ty)),
            alternative.accept.clone(),
            finish(op, alternative.kind, outcome),
        ),
    };
    let (_, error) = result_types(model, op, &models(), None, StdNames::Prelude);
    let docs = send_doc(op, alternative)
        .into_iter()
        .map(|line| super::doc_literal(&line));
    quote! {
        #( #[doc = #docs] )*
        pub async fn #name(self) -> Result<#output, Error<#error>> {
            const OPERATION: Operation = Operation {
                id: #id,
                method: ::reqwest::Method::#method,
                path: #template,
                security: #security,
                accept: #accept,
            };
            #statuses
            let path = [#( #pieces ),*].concat();
            #binding = crate::runtime::start_request(self.client, &OPERATION, &path);
            #( #request_parts )*
            #finish
        }
    }
}

/// A send method's doc lines: what it sends and what it returns, and for `send()` of an
/// operation that offers other forms, which methods ask for them.
fn send_doc(op: &Operation, alternative: Option<&Alternative>) -> Vec<String> {
    let call = format!("`{} {}`", op.method, op.path);
    let kind = alternative.map_or(op.outcome.success_kind, |a| a.kind);
    let mut doc = match (alternative, kind.is_stream()) {
        (None, true) => {
            format!(" Opens {call}: the events arrive on the returned stream as the server sends them.")
        }
        (None, false) => format!(" Sends {call} and decodes the response."),
        (Some(a), true) => format!(
            " Opens {call} asking for `{}`: the events arrive on the returned stream as the server sends them.",
            a.accept
        ),
        (Some(a), false) => format!(" Sends {call} asking for `{}` and reads the response.", a.accept),
    };
    if let Some(flag) = &op.streaming.flag {
        let value = kind.is_stream();
        doc.push_str(&format!(" The body's `{flag}` is sent as `{value}`."));
    }
    let mut docs = vec![doc];
    if alternative.is_none() && !op.outcome.alternatives.is_empty() {
        let others: Vec<String> = op
            .outcome
            .alternatives
            .iter()
            .map(|a| format!("[`{}`](Self::{}) for `{}`", a.method, a.method, a.accept))
            .collect();
        docs.push(String::new());
        docs.push(format!(
            " The response is also offered as {}.",
            others.join(", ")
        ));
    }
    docs
}

/// What `send` adds to the request after its path: query, header and cookie parameters (path
/// parameters are in the path already), then the body.
fn request_parts(model: &Model, op: &Operation, flag: Option<(&str, bool)>) -> Vec<TokenStream> {
    let mut parts: Vec<TokenStream> = op.params.iter().flat_map(param_part).collect();
    if op
        .params
        .iter()
        .any(|p| p.location == ParamLocation::Cookie)
    {
        // Every cookie parameter goes in one `Cookie` header, values percent-encoded.
        parts.insert(0, quote!(let mut cookies: Vec<String> = Vec::new();));
        parts.push(quote! {
            if !cookies.is_empty() {
                request = request.header(::reqwest::header::COOKIE, cookies.join("; "));
            }
        });
    }
    match &op.body {
        Some(body) if body.required => parts.push(set_body(model, body, quote!(self.body), flag)),
        Some(body) => {
            let set = set_body(model, body, quote!(body), flag);
            parts.push(quote! {
                if let Some(body) = self.body {
                    #set
                }
            })
        }
        None => {}
    }
    parts
}

/// How one parameter goes on the request (a path parameter is in the path already; a number
/// of any kind is checked to be finite first).
fn param_part(param: &Param) -> Vec<TokenStream> {
    let field = ident(&param.name);
    let api_name = &param.api_name;
    let float = matches!(param.ty, TypeRef::F32 | TypeRef::F64);
    let mut parts = Vec::new();
    if float {
        parts.push(quote!(check_finite(#api_name, &self.#field)?;));
    }
    let required_text = text_of(&param.ty, quote!(self.#field));
    let optional_text = text_of(&param.ty, quote!(value));
    parts.push(match (param.location, is_argument(param)) {
        (ParamLocation::Query, required) if float => {
            let value = if required {
                quote!(crate::runtime::QueryNumber(self.#field))
            } else {
                quote!(self.#field.map(crate::runtime::QueryNumber))
            };
            quote!(request = request.query(&::progenitor_client::QueryParam::new(#api_name, &#value));)
        }
        (ParamLocation::Query, _) => match runtime_style(param.style) {
            Some(style) => quote! {
                request = request.query(&query_pairs(#api_name, &self.#field, #style)?);
            },
            None => quote!(request = request.query(&::progenitor_client::QueryParam::new(#api_name, &self.#field));),
        },
        (ParamLocation::Header, true) => quote!(request = request.header(#api_name, #required_text);),
        (ParamLocation::Header, false) => quote! {
            if let Some(value) = &self.#field {
                request = request.header(#api_name, #optional_text);
            }
        },
        (ParamLocation::Cookie, true) => quote! {
            cookies.push([#api_name, "=", &::progenitor_client::encode_path(&#required_text)].concat());
        },
        (ParamLocation::Cookie, false) => quote! {
            if let Some(value) = &self.#field {
                cookies.push([#api_name, "=", &::progenitor_client::encode_path(&#optional_text)].concat());
            }
        },
        (ParamLocation::Path, _) => return parts,
    });
    parts
}

/// The statuses the operation documents, as the runtime's `STATUSES` constant.
fn statuses(outcome: &Outcome) -> TokenStream {
    let success_codes = outcome.success_codes.iter().map(range_tokens);
    let error_codes = outcome.error_codes.iter().map(range_tokens);
    let default_error = outcome.default_error;
    quote! {
        const STATUSES: Statuses = Statuses {
            success: &[#( #success_codes ),*],
            errors: &[#( #error_codes ),*],
            default_error: #default_error,
        };
    }
}

/// `200..=299` as tokens.
fn range_tokens(range: &std::ops::RangeInclusive<u16>) -> TokenStream {
    let start = proc_macro2::Literal::u16_unsuffixed(*range.start());
    let end = proc_macro2::Literal::u16_unsuffixed(*range.end());
    quote!(#start..=#end)
}

/// Reads the response into the operation's response enum, by status: exact codes first, then
/// ranges; any other status is the runtime's to read (an undocumented success as JSON, an
/// error as the operation's error).
fn by_status(model: &Model, name: &str, outcome: &Outcome) -> TokenStream {
    let name = ident(name);
    let mut bodies: Vec<&crate::ir::StatusBody> = outcome.by_status.iter().collect();
    bodies.sort_by_key(|body| matches!(body.status, StatusCode::Range(_)));
    let arms = bodies.iter().filter_map(|body| {
        let pattern = match body.status {
            StatusCode::Code(code) => {
                let code = proc_macro2::Literal::u16_unsuffixed(code);
                quote!(#code)
            }
            status => range_tokens(&status.codes()?),
        };
        let variant = ident(&body.variant);
        Some(match &body.ty {
            Some(ty) => {
                let ty = rust_type(model, ty, &models(), StdNames::Prelude);
                quote!(#pattern => response.json::<#ty, _>(&STATUSES).map(|value| value.map(#name::#variant)),)
            }
            None => quote!(#pattern => response.empty(&STATUSES).map(|value| value.map(|()| #name::#variant)),),
        })
    });
    decoded(quote! {
        match response.status.as_u16() {
            #( #arms )*
            _ => response
                .json_or_empty::<::serde_json::Value, _>(&STATUSES)
                .map(|value| value.map(|body| #name::Other(body.unwrap_or_default()))),
        }
    })
}

/// How a send method reads the response, by the kind of body it asks for.
fn finish(op: &Operation, kind: ContentKind, outcome: &Outcome) -> TokenStream {
    let terminator = op.streaming.terminator.as_deref();
    match kind {
        ContentKind::EventStream if terminator.is_none() => quote!(
            crate::runtime::open_stream(self.client, &OPERATION, request, &self.options, &STATUSES)
                .await
        ),
        ContentKind::EventStream | ContentKind::JsonLines => {
            let lines = kind == ContentKind::JsonLines;
            let terminator = match terminator {
                Some(text) => quote!(Some(#text)),
                None => quote!(None),
            };
            quote!(
                crate::runtime::open_framed_stream(
                    self.client,
                    &OPERATION,
                    request,
                    &self.options,
                    &STATUSES,
                    &crate::runtime::Framing { lines: #lines, terminator: #terminator },
                )
                .await
            )
        }
        _ if outcome.success.is_none() => decoded(quote!(response.empty(&STATUSES))),
        ContentKind::Text | ContentKind::Form => decoded(quote!(response.text(&STATUSES))),
        ContentKind::Binary | ContentKind::Multipart => decoded(quote!(response.bytes(&STATUSES))),
        ContentKind::Json if outcome.success_may_be_empty => {
            decoded(quote!(response.json_or_empty(&STATUSES)))
        }
        ContentKind::Json => decoded(quote!(response.json(&STATUSES))),
    }
}

/// What a send method returns for a body of `kind` and type `ty`.
fn form_output(model: &Model, kind: ContentKind, ty: Option<&TypeRef>) -> TokenStream {
    let data = ty.map_or_else(
        || quote!(::serde_json::Value),
        |ty| rust_type(model, ty, &models(), StdNames::Prelude),
    );
    match kind {
        _ if kind.is_stream() => quote!(EventStream<#data>),
        ContentKind::Text | ContentKind::Form => quote!(ResponseValue<String>),
        ContentKind::Binary | ContentKind::Multipart => quote!(ResponseValue<Vec<u8>>),
        _ => quote!(ResponseValue<#data>),
    }
}

/// The runtime's name for a query style that `progenitor_client::QueryParam` does not write
/// (it writes exploded `form`).
fn runtime_style(style: QueryStyle) -> Option<TokenStream> {
    Some(match style {
        QueryStyle::Form => return None,
        QueryStyle::FormJoined => quote!(QueryStyle::FormJoined),
        QueryStyle::SpaceDelimited => quote!(QueryStyle::SpaceDelimited),
        QueryStyle::PipeDelimited => quote!(QueryStyle::PipeDelimited),
        QueryStyle::DeepObject => quote!(QueryStyle::DeepObject),
    })
}

/// The operation's security requirements for the runtime: each a slice of the schemes sent
/// together. Requirements with a scheme the runtime cannot send are left out (lowering has
/// made sure one remains).
fn security(model: &Model, op: &Operation) -> TokenStream {
    let scheme = |name: &String| -> Option<TokenStream> {
        let scheme = model.security_schemes.iter().find(|s| &s.name == name)?;
        Some(match &scheme.kind {
            SecurityKind::Bearer => quote!(Scheme::Bearer),
            SecurityKind::Basic => quote!(Scheme::Basic),
            SecurityKind::ApiKey { location, name } => {
                let location = match location {
                    ParamLocation::Query => quote!(Query),
                    ParamLocation::Cookie => quote!(Cookie),
                    ParamLocation::Header | ParamLocation::Path => quote!(Header),
                };
                let scheme_name = &scheme.name;
                quote!(Scheme::ApiKey {
                    scheme: #scheme_name,
                    location: crate::runtime::KeyLocation::#location,
                    name: #name,
                })
            }
            SecurityKind::Other(_) => return None,
        })
    };
    let requirements = op.security.iter().filter_map(|requirement| {
        let schemes: Option<Vec<TokenStream>> = requirement.iter().map(scheme).collect();
        schemes.map(|schemes| quote!(&[#( #schemes ),*]))
    });
    quote!(&[#( #requirements ),*])
}

/// A path, header or cookie parameter's value as text: numbers and booleans as Rust prints
/// them, anything else in OpenAPI's `simple` style (an array's items joined by commas, an
/// enum's wire value, a date-time in RFC 3339).
fn text_of(ty: &TypeRef, value: TokenStream) -> TokenStream {
    match ty {
        TypeRef::String => quote!(#value.clone()),
        TypeRef::Bool | TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64 => {
            quote!(#value.to_string())
        }
        _ => quote!(simple_style(&#value)?),
    }
}

/// Puts the body on the request, encoded as its media type says.
fn set_body(
    model: &Model,
    body: &Body,
    value: TokenStream,
    flag: Option<(&str, bool)>,
) -> TokenStream {
    if let (ContentKind::Json, Some((name, on))) = (body.kind, flag) {
        return quote!(request = request.json(&crate::runtime::with_flag(&#value, #name, #on)?););
    }
    match body.kind {
        ContentKind::Json | ContentKind::EventStream | ContentKind::JsonLines => {
            quote!(request = request.json(&#value);)
        }
        ContentKind::Form => quote!(request = request.form(&#value);),
        ContentKind::Multipart => {
            let files = file_fields(model, &body.ty);
            if files.is_empty() {
                return quote!(request = request.multipart(crate::runtime::multipart(&#value, &[])?););
            }
            let wire = files.iter().map(|f| &f.wire_name);
            let parts = files.iter().map(|f| {
                let (name, field) = (&f.wire_name, ident(&f.name));
                quote!(form = crate::runtime::file_parts(form, #name, &#value.#field)?;)
            });
            quote! {
                let mut form = crate::runtime::multipart(&#value, &[#( #wire ),*])?;
                #( #parts )*
                request = request.multipart(form);
            }
        }
        ContentKind::Text | ContentKind::Binary => {
            // A range (`image/*`, `*/*`) is not a media type a body can be labelled with.
            let content_type = if body.content_type.contains('*') {
                "application/octet-stream"
            } else {
                body.content_type.as_str()
            };
            quote!(request = request.header(::reqwest::header::CONTENT_TYPE, #content_type).body(#value);)
        }
    }
}

/// The fields of a multipart body's struct that hold binary content: each is sent as file
/// parts, the other fields as text parts.
fn file_fields<'m>(model: &'m Model, ty: &TypeRef) -> Vec<&'m Field> {
    match model.resolve_alias(ty) {
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .filter(|f| super::is_file_parts(model, &f.ty))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The `Accept` header: JSON or an event stream, or the media types of the success bodies.
fn accept(op: &Operation, kind: ContentKind) -> String {
    match kind {
        ContentKind::Json => "application/json".into(),
        ContentKind::EventStream => "text/event-stream".into(),
        _ => {
            let mut types: Vec<&str> = Vec::new();
            for response in op.responses.iter().filter(|r| r.status.is_success()) {
                if let Some(ct) = response
                    .content_type
                    .as_deref()
                    .filter(|ct| !types.contains(ct))
                {
                    types.push(ct);
                }
            }
            if types.is_empty() {
                "*/*".into()
            } else {
                types.join(", ")
            }
        }
    }
}

/// What `send()` returns: the success value and the error body type, with named types reached
/// through `models` and the client's own types through `client`, or, with `None`, by the
/// names `builders.rs` imports.
pub fn result_types(
    model: &Model,
    op: &Operation,
    models: &TokenStream,
    client: Option<&TokenStream>,
    std: StdNames,
) -> (TokenStream, TokenStream) {
    let rust_type = |model, ty, models| rust_type(model, ty, models, std);
    let own = |name: &str| {
        let name = ident(name);
        match client {
            Some(client) => quote!(#client::#name),
            None => quote!(#name),
        }
    };
    let (response_value, event_stream) = (own("ResponseValue"), own("EventStream"));
    let outcome = &op.outcome;
    let error = outcome
        .error
        .as_ref()
        .map_or_else(|| quote!(()), |ty| rust_type(model, ty, models));
    let output = match (&op.response_enum, &outcome.success) {
        (Some(name), _) => {
            let name = ident(name);
            match client {
                Some(client) => quote!(#response_value<#client::builders::#name>),
                None => quote!(#response_value<#name>),
            }
        }
        (None, _) if outcome.event_stream() => {
            let data = outcome.success.as_ref().map_or_else(
                || quote!(::serde_json::Value),
                |ty| rust_type(model, ty, models),
            );
            quote!(#event_stream<#data>)
        }
        (None, Some(ty)) if outcome.success_may_be_empty => {
            let ty = rust_type(model, ty, models);
            let option = std.option();
            quote!(#response_value<#option<#ty>>)
        }
        (None, Some(ty)) => {
            let ty = rust_type(model, ty, models);
            quote!(#response_value<#ty>)
        }
        (None, None) => quote!(#response_value<()>),
    };
    (output, error)
}

/// Sends the request, reads the whole response, and decodes it with `decode`.
fn decoded(decode: TokenStream) -> TokenStream {
    quote! {
        let response = crate::runtime::execute(self.client, &OPERATION, request, &self.options).await?;
        #decode
    }
}

/// The path as pieces to concatenate: literal text, and each parameter percent-encoded as a
/// segment. (Plain concatenation keeps the generated code free of `format!` strings.)
fn path_pieces(op: &Operation) -> Vec<TokenStream> {
    let mut pieces: Vec<TokenStream> = op
        .path
        .parts
        .iter()
        .filter_map(|part| match part {
            PathPart::Literal(text) => Some(quote!(#text)),
            // Lowering gives every variable a path parameter.
            PathPart::Variable(api_name) => {
                let param = op
                    .params
                    .iter()
                    .find(|p| p.location == ParamLocation::Path && &p.api_name == api_name)?;
                let (field, name) = (ident(&param.name), &param.api_name);
                Some(match param.ty {
                    TypeRef::String => quote!(&path_segment(#name, &self.#field)?),
                    _ => {
                        let text = text_of(&param.ty, quote!(self.#field));
                        quote!(&path_segment(#name, &#text)?)
                    }
                })
            }
        })
        .collect();
    if pieces.is_empty() {
        pieces.push(quote!(""));
    }
    pieces
}
