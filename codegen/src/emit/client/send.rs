//! The send methods of a request builder: `send()`, and one for each other form of the
//! success body (`send_stream()`, `send_bytes()`, ...), each putting parameters and body on
//! the request and reading the response as its kind says.

use super::{is_argument, models};
use crate::emit::{ident, rust_type, StdNames};
use crate::ir::{
    Alternative, Body, ContentKind, Field, Model, Operation, Outcome, Param, ParamLocation,
    PathPart, QueryStyle, SecurityKind, StatusCode, TypeKind, TypeRef,
};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `send()`, and a method beside it for each other form of the success body the operation
/// offers (`send_stream()`, `send_bytes()`, …).
pub(super) fn send_methods(model: &Model, op: &Operation) -> TokenStream {
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
        .map(|line| crate::emit::doc_literal(&line));
    let operation = operation(model, op, &accept);
    quote! {
        #( #[doc = #docs] )*
        pub async fn #name(self) -> Result<#output, Error<#error>> {
            #operation
            #statuses
            let path = [#( #pieces ),*].concat();
            #binding = crate::runtime::start_request(self.client, &OPERATION, &path);
            #( #request_parts )*
            #finish
        }
    }
}

/// The send method's `OPERATION`: what the runtime needs to know of the call. `reqwest::Method`
/// has constants for the standard methods only; another (`QUERY`) is made when sent, which
/// keeps it out of a `const`.
fn operation(model: &Model, op: &Operation, accept: &str) -> TokenStream {
    let security = security(model, op);
    let id = op
        .operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method, op.path));
    let template = &op.path.raw;
    let method = match op.method.is_standard() {
        true => {
            let constant = ident(op.method.as_str());
            quote!(::reqwest::Method::#constant)
        }
        false => {
            let token = proc_macro2::Literal::byte_string(op.method.as_str().as_bytes());
            quote!(::reqwest::Method::from_bytes(#token).map_err(|e| Error::InvalidRequest(e.to_string()))?)
        }
    };
    let fields = quote! {
        id: #id,
        method: #method,
        path: #template,
        security: #security,
        accept: #accept,
    };
    match op.method.is_standard() {
        true => quote!(const OPERATION: Operation = Operation { #fields };),
        false => quote! {
            #[allow(non_snake_case)]
            let OPERATION = Operation { #fields };
        },
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
    let scheme = |id: &crate::ir::SchemeId| -> Option<TokenStream> {
        let scheme = model.scheme(*id);
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
            let content_type = &body.header;
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
                .filter(|f| crate::emit::is_file_parts(model, &f.ty))
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
