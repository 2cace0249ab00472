//! What a caller gets back from an operation ([`Outcome`]), decided once from its responses:
//! which statuses succeed, the success and error types, how `send()` reads the body, and the
//! other forms of it that methods beside `send()` ask for.

use crate::ir::{Alternative, ContentKind, Outcome, Response, StatusBody, StatusCode, TypeRef};
use std::ops::RangeInclusive;

/// The outcome of an operation with these responses. Without any 2xx response, a `default`
/// response is also the success response, as OpenAPI reads it.
pub(super) fn outcome(responses: &[Response]) -> Outcome {
    let is_success = StatusCode::is_success;
    let codes = |success: bool| -> Vec<RangeInclusive<u16>> {
        responses
            .iter()
            .filter(|r| is_success(r.status) == success)
            .flat_map(|r| r.status.codes())
            .collect()
    };
    let default = responses.iter().find(|r| r.status == StatusCode::Default);
    let mut success_responses: Vec<&Response> =
        responses.iter().filter(|r| is_success(r.status)).collect();
    let mut success_codes = codes(true);
    if success_responses.is_empty() {
        if let Some(default) = default {
            success_responses.push(default);
            success_codes = vec![200..=299];
        }
    }
    let bodies: Vec<&Response> = success_responses
        .iter()
        .copied()
        .filter(|r| r.ty.is_some())
        .collect();
    let kinds: Vec<ContentKind> = bodies.iter().filter_map(|r| r.kind).collect();
    let (success_kind, one_kind) = match kinds.as_slice() {
        [] => (ContentKind::Json, true),
        [first, rest @ ..] if rest.iter().all(|k| k == first) => (*first, true),
        // JSON beside text or bytes: the raw bytes are what every one of them can be read as.
        _ => (ContentKind::Binary, false),
    };
    let success = match success_kind {
        ContentKind::Json | ContentKind::EventStream | ContentKind::JsonLines => {
            one_type(bodies.iter().filter_map(|r| r.ty.as_ref()).collect())
        }
        ContentKind::Text | ContentKind::Form => (!bodies.is_empty()).then_some(TypeRef::String),
        ContentKind::Binary | ContentKind::Multipart => {
            (!bodies.is_empty()).then_some(TypeRef::Bytes)
        }
    };
    // An empty text or byte body is simply empty; only JSON needs an `Option`.
    let success_may_be_empty = success.is_some()
        && success_kind == ContentKind::Json
        && success_responses.iter().any(|r| r.ty.is_none());
    // Error bodies are decoded as JSON only; another kind stays raw in the error's response.
    let error = one_type(
        responses
            .iter()
            .filter(|r| !is_success(r.status) && r.kind == Some(ContentKind::Json))
            .filter_map(|r| r.ty.as_ref())
            .collect(),
    );
    let by_status = by_status(&success_responses, &bodies, success_kind);
    let alternatives = if one_kind {
        alternatives(&bodies, success_kind)
    } else {
        Vec::new()
    };
    Outcome {
        by_status,
        success_kind,
        success_codes,
        success,
        success_may_be_empty,
        error_codes: codes(false),
        error,
        default_error: default.is_some(),
        alternatives,
    }
}

/// One type for bodies that may differ: the type they share, or any JSON.
fn one_type(types: Vec<&TypeRef>) -> Option<TypeRef> {
    match types.as_slice() {
        [] => None,
        [first, rest @ ..] if rest.iter().all(|t| t == first) => Some((*first).clone()),
        _ => Some(TypeRef::Json),
    }
}

/// When success statuses return JSON of different types (200 a `Pet`, 202 a `Job`), each
/// success status with its body's type, so that the client returns one variant per status.
fn by_status(
    success_responses: &[&Response],
    bodies: &[&Response],
    success_kind: ContentKind,
) -> Vec<StatusBody> {
    let mut distinct: Vec<&TypeRef> = Vec::new();
    for ty in bodies.iter().filter_map(|r| r.ty.as_ref()) {
        if !distinct.contains(&ty) {
            distinct.push(ty);
        }
    }
    if success_kind != ContentKind::Json || distinct.len() < 2 {
        return Vec::new();
    }
    success_responses
        .iter()
        .map(|r| StatusBody {
            status: r.status,
            ty: r.ty.clone(),
            variant: crate::names::status_variant(r.status),
            description: r.description.clone(),
        })
        .collect()
}

/// The other kinds of body the success responses offer beside the one `send()` reads, each
/// with the method that asks for it: `send_stream()` for events or JSON lines, `send_bytes()`,
/// `send_text()`, `send_json()`.
fn alternatives(bodies: &[&Response], primary: ContentKind) -> Vec<Alternative> {
    let mut kinds: Vec<ContentKind> = bodies
        .iter()
        .flat_map(|r| r.alternatives.iter().map(|a| a.kind))
        .filter(|kind| *kind != primary)
        .collect();
    kinds.sort_by_key(|kind| kind.preference());
    kinds.dedup();
    let events = primary == ContentKind::EventStream || kinds.contains(&ContentKind::EventStream);
    kinds
        .into_iter()
        .map(|kind| {
            let offers: Vec<&crate::ir::MediaBody> = bodies
                .iter()
                .flat_map(|r| r.alternatives.iter().filter(|a| a.kind == kind))
                .collect();
            let ty = one_type(offers.iter().map(|a| &a.ty).collect()).unwrap_or(TypeRef::Json);
            let mut accept: Vec<&str> = Vec::new();
            for offer in &offers {
                if !accept.contains(&offer.content_type.as_str()) {
                    accept.push(&offer.content_type);
                }
            }
            use crate::vocabulary::{SEND_BYTES, SEND_JSON, SEND_LINES, SEND_STREAM, SEND_TEXT};
            let method = match kind {
                ContentKind::EventStream => SEND_STREAM,
                ContentKind::JsonLines if events => SEND_LINES,
                ContentKind::JsonLines => SEND_STREAM,
                ContentKind::Json => SEND_JSON,
                ContentKind::Text | ContentKind::Form => SEND_TEXT,
                ContentKind::Binary | ContentKind::Multipart => SEND_BYTES,
            };
            Alternative {
                method: method.to_owned(),
                kind,
                ty,
                accept: accept.join(", "),
            }
        })
        .collect()
}
