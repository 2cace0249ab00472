//! Streams an operation can answer with: what `x-fern-streaming` declares (Fern's extension,
//! as its OpenAPI docs define it), and which request-body property asks for the stream.
//!
//! - `x-fern-streaming: true`: the success body is newline-delimited JSON, each line of the
//!   success response's schema; `{format: sse}`: Server-Sent Events instead.
//! - With `response-stream` (a schema) the stream is another form of the success body, read by
//!   `send_stream()` beside `send()`; `response` gives `send()`'s type where the responses
//!   give none; `stream-condition: $request.<property>` names the property that asks for the
//!   stream; `terminator` a `data` value that ends it (`[DONE]`).
//!
//! Without a `stream-condition`, a JSON request body with a boolean `stream` property is taken
//! to ask for the stream, as in the chat APIs that made the convention.

use super::schema::{wrap_nullable, SchemaRef};
use super::Lowerer;
use crate::error::Result;
use crate::ir::{ContentKind, MediaBody, Model, Response, Streaming, TypeKind, TypeRef, Warning};
use crate::pointer::join;
use serde_json::Value;

const EXTENSION: &str = "x-fern-streaming";

/// The request-body property that asks for a stream when the spec names none.
const CONVENTIONAL_FLAG: &str = "stream";

impl Lowerer<'_> {
    /// Applies the operation's `x-fern-streaming` to its lowered responses. A value that does
    /// not fit the documented shape is left out with a warning naming its pointer.
    pub(super) fn fern_streaming(
        &mut self,
        extensions: &indexmap::IndexMap<String, Value>,
        pointer: &str,
        hint: &str,
        responses: &mut [Response],
    ) -> Result<Streaming> {
        let at = join(pointer, EXTENSION);
        let declared = match extensions.get(EXTENSION) {
            None | Some(Value::Bool(false)) => return Ok(Streaming::default()),
            Some(Value::Bool(true)) => serde_json::Map::new(),
            Some(Value::Object(map)) => map.clone(),
            Some(_) => return self.left_out(&at, "is neither `true` nor an object"),
        };
        let kind = match declared.get("format").and_then(Value::as_str) {
            None | Some("json") => ContentKind::JsonLines,
            Some("sse") => ContentKind::EventStream,
            Some(other) => {
                let reason = format!("has the unknown format `{other}`");
                return self.left_out(&join(&at, "format"), &reason);
            }
        };
        let mut streaming = Streaming {
            flag: None,
            terminator: declared
                .get("terminator")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        if let Some(condition) = declared.get("stream-condition") {
            match condition.as_str().and_then(|c| c.strip_prefix("$request.")) {
                Some(property) if !property.is_empty() => {
                    streaming.flag = Some(property.to_owned())
                }
                _ => {
                    let at = join(&at, "stream-condition");
                    return self.left_out(&at, "is not `$request.<property>`");
                }
            }
        }
        match declared.get("response-stream") {
            Some(schema) => {
                let Some(ty) = self.extension_schema(
                    schema,
                    &join(&at, "response-stream"),
                    &format!("{hint}StreamEvent"),
                )?
                else {
                    return Ok(Streaming::default());
                };
                if let Some(response) = declared.get("response") {
                    self.fill_success_body(response, &join(&at, "response"), hint, responses)?;
                }
                let Some(success) = responses.iter_mut().find(|r| r.status.is_success()) else {
                    return self
                        .left_out(&at, "belongs to an operation without a success response");
                };
                success.alternatives.retain(|a| a.kind != kind);
                success.alternatives.insert(
                    0,
                    MediaBody {
                        content_type: stream_media_type(kind).into(),
                        kind,
                        ty,
                    },
                );
            }
            None => whole_body_streams(responses, kind),
        }
        Ok(streaming)
    }

    /// Lowers a schema given inside the extension; `None`, with a warning, when it is not one.
    fn extension_schema(&mut self, value: &Value, at: &str, hint: &str) -> Result<Option<TypeRef>> {
        match serde_json::from_value::<openapiv3::ReferenceOr<openapiv3::Schema>>(value.clone()) {
            Ok(schema) => Ok(Some(wrap_nullable(self.lower(
                SchemaRef::from(&schema),
                at,
                hint,
            )?))),
            Err(error) => {
                self.left_out(at, &format!("is not a schema ({error})"))?;
                Ok(None)
            }
        }
    }

    /// `response`: the type `send()` reads, for a success response that declares no body.
    fn fill_success_body(
        &mut self,
        schema: &Value,
        at: &str,
        hint: &str,
        responses: &mut [Response],
    ) -> Result<()> {
        let Some(success) = responses.iter_mut().find(|r| r.status.is_success()) else {
            return Ok(());
        };
        if success.ty.is_some() {
            return Ok(());
        }
        if let Some(ty) = self.extension_schema(schema, at, &format!("{hint}Response"))? {
            success.content_type = Some("application/json".into());
            success.kind = Some(ContentKind::Json);
            success.ty = Some(ty);
        }
        Ok(())
    }

    fn left_out(&mut self, at: &str, reason: &str) -> Result<Streaming> {
        self.warnings.push(Warning {
            at: self.spec.sources.locate(at),
            message: format!("unsupported: `{EXTENSION}` {reason}; it is left out"),
        });
        Ok(Streaming::default())
    }
}

/// The success responses' JSON bodies are streams of their type.
fn whole_body_streams(responses: &mut [Response], kind: ContentKind) {
    for response in responses.iter_mut().filter(|r| r.status.is_success()) {
        if response.kind == Some(ContentKind::Json) {
            response.kind = Some(kind);
            if kind == ContentKind::EventStream {
                response.content_type = Some(stream_media_type(kind).into());
            }
        }
    }
}

fn stream_media_type(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::EventStream => "text/event-stream",
        _ => "application/x-ndjson",
    }
}

/// For each operation that offers a stream beside a whole body and names no property that asks
/// for it: its JSON request body's boolean `stream` property, if it has one.
pub(super) fn infer_flags(model: &mut Model) {
    for index in 0..model.operations.len() {
        let op = &model.operations[index];
        let offers_stream = op.outcome.alternatives.iter().any(|a| a.kind.is_stream());
        if op.streaming.flag.is_some() || !offers_stream {
            continue;
        }
        let Some(body) = op.body.as_ref().filter(|b| b.kind == ContentKind::Json) else {
            continue;
        };
        let TypeRef::Named(id) = model.resolve_alias(&body.ty) else {
            continue;
        };
        let TypeKind::Struct(fields) = &model.ty(*id).kind else {
            continue;
        };
        let has_flag = fields
            .fields
            .iter()
            .any(|f| f.wire_name == CONVENTIONAL_FLAG && is_bool(model, &f.ty));
        if has_flag {
            model.operations[index].streaming.flag = Some(CONVENTIONAL_FLAG.to_owned());
        }
    }
}

fn is_bool(model: &Model, ty: &TypeRef) -> bool {
    match model.resolve_alias(ty) {
        TypeRef::Bool => true,
        TypeRef::Nullable(inner) => is_bool(model, inner),
        _ => false,
    }
}
