//! The intermediate representation: plain data that lowering produces and emitters consume.
//!
//! Nothing here knows about `openapiv3` or about tokens. Every item keeps both its Rust name
//! and its name on the wire, and the JSON pointer of the spec element it came from.

use serde_json::Value;
use std::ops::RangeInclusive;

/// One API, lowered.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `info.title`.
    pub title: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`: the API's own version, never used as a crate version.
    pub api_version: String,
    /// The `openapi` version the spec was written in.
    pub openapi_version: String,
    /// `servers`, in spec order.
    pub servers: Vec<Server>,
    /// Every named type; a [`TypeId`] indexes this list.
    pub types: Vec<TypeDef>,
    /// Every operation, in spec order (paths, then methods in the order the spec gives).
    pub operations: Vec<Operation>,
    /// Security schemes from `components.securitySchemes`.
    pub security_schemes: Vec<SecurityScheme>,
    /// Constructs the generator cannot express yet, each degraded where it stands (a schema to
    /// `serde_json::Value`, an operation left out) instead of refusing the whole API.
    pub warnings: Vec<Warning>,
    /// The operations whose pagination was inferred from their names (no config table), one
    /// line each, for the generation summary.
    pub inferred_pagination: Vec<String>,
    /// The cargo features that switch tag groups on, when the API has them.
    pub group_features: Option<GroupFeatures>,
    /// Each tag group's accessor name with the name of its type (`agents` → `AgentsApi`), in
    /// the order the groups first appear; unique beside the client crate's own names.
    pub group_types: Vec<(String, String)>,
    /// The response headers the spec declares whose name says "request id" (lower case,
    /// sorted): where the client looks for the server's id of a call.
    pub request_id_headers: Vec<String>,
}

/// A cargo feature per tag group, each compiling the group's operations and the models they
/// reach, so that a caller of a few groups of a large API builds those alone.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFeatures {
    /// Each group's feature name, by the group's accessor name (`issues` → `issues`); last,
    /// with an empty accessor name, `extra-models` for the types no operation reaches.
    pub groups: Vec<(String, String)>,
    /// By type index, the features that compile the type (sorted, as indices into `groups`);
    /// empty for a type every build has (reached by an ungrouped operation).
    pub of_type: Vec<Vec<usize>>,
}

impl GroupFeatures {
    /// The feature of a group, by its accessor name.
    pub fn of_group(&self, group: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|(name, _)| name == group)
            .map(|(_, feature)| feature.as_str())
    }

    /// The features that compile a type; empty when every build has it.
    pub fn of_type(&self, id: TypeId) -> Vec<&str> {
        self.of_type[id.0]
            .iter()
            .map(|&i| self.groups[i].1.as_str())
            .collect()
    }
}

/// A construct degraded during lowering: where it is and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The spec file and JSON pointer.
    pub at: crate::error::Location,
    /// What is not supported, and what was generated instead.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// One `servers` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The constant's name in the client's `servers` module (SHOUTY_SNAKE_CASE, unique, never
    /// `DEFAULT`).
    pub const_name: String,
    /// The base URL.
    pub url: String,
    /// What the spec says about it.
    pub description: Option<String>,
}

/// A security scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The scheme's key in `components.securitySchemes`.
    pub name: String,
    /// How credentials are sent.
    pub kind: SecurityKind,
}

/// How a security scheme sends credentials.
#[derive(Debug, Clone, PartialEq)]
pub enum SecurityKind {
    /// `type: http, scheme: bearer`, and the access token of `oauth2` and `openIdConnect`
    /// (obtaining it is the caller's business): an `Authorization: Bearer` header.
    Bearer,
    /// `type: http, scheme: basic`: a user name and password.
    Basic,
    /// `type: apiKey`: a named header, query parameter or cookie.
    ApiKey {
        /// Where the key goes.
        location: ParamLocation,
        /// The header, query or cookie name.
        name: String,
    },
    /// Anything else (`http` with `digest` and other schemes): nothing the client can send.
    Other(String),
}

impl SecurityKind {
    /// Whether the client runtime can send credentials of this kind.
    pub fn sendable(&self) -> bool {
        !matches!(self, SecurityKind::Other(_))
    }
}

/// An index into [`Model::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// A named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name (UpperCamelCase, unique within the model).
    pub name: String,
    /// The component name for `components.schemas` entries; `None` for inline schemas.
    pub component: Option<String>,
    /// JSON pointer of the schema this type was made from (the first one, when shared).
    pub origin: String,
    /// Title and description from the spec.
    pub doc: Option<String>,
    /// What kind of type it is.
    pub kind: TypeKind,
    /// Whether every field has a sensible `Default`, so the type can derive it.
    pub derive_default: bool,
    /// Whether callers build values of this type (a request can reach it): such structs get a
    /// `new` taking their required fields. Every struct and enum is `#[non_exhaustive]`, so that
    /// new optional properties and new values are minor changes.
    pub constructible: bool,
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// A string or integer enum that also accepts values the spec does not list.
    Enum(Enum),
    /// A choice between types (`anyOf`/`oneOf`): told apart by a tag property when the spec
    /// gives one, otherwise by trying each in turn.
    Union(Union),
    /// A name for another type (a component that is an array, a primitive, or a reference).
    Alias(TypeRef),
}

impl TypeKind {
    /// Appends every named type a value of this kind holds (fields, extra properties,
    /// alternatives, the aliased type), through containers.
    pub fn named_children(&self, out: &mut Vec<TypeId>) {
        match self {
            TypeKind::Struct(s) => {
                s.fields.iter().for_each(|f| f.ty.named_in(out));
                if let Some(extra) = &s.additional {
                    extra.named_in(out);
                }
            }
            TypeKind::Union(union) => union.variants.iter().for_each(|v| v.ty.named_in(out)),
            TypeKind::Alias(ty) => ty.named_in(out),
            TypeKind::Enum(_) => {}
        }
    }
}

/// An object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Fields in spec order.
    pub fields: Vec<Field>,
    /// The type of properties the spec allows beyond `fields` (`additionalProperties: schema`).
    pub additional: Option<TypeRef>,
}

impl Struct {
    /// The fields `new` takes, in its argument order: required ones (nullable or not), sorted
    /// by Rust name, so that reordering properties in the spec never swaps two arguments of the
    /// same type in callers' code.
    pub fn constructor_fields(&self) -> Vec<&Field> {
        let mut fields: Vec<&Field> = self
            .fields
            .iter()
            .filter(|f| {
                matches!(
                    f.presence,
                    Presence::Required | Presence::RequiredNullable | Presence::Flattened
                )
            })
            .collect();
        fields.sort_by(|a, b| a.name.cmp(&b.name));
        fields
    }

    /// Whether values are built by naming each required field (`builder()`, a setter per
    /// field, `build()`) rather than with `new`'s positional arguments: when two required
    /// fields have the same Rust type, a call to `new` that swaps them would compile and send
    /// one field's value as the other's.
    pub fn built_by_name(&self) -> bool {
        let mut seen = std::collections::HashSet::new();
        self.constructor_fields()
            .into_iter()
            .any(|f| !seen.insert((&f.ty, f.boxed, f.presence == Presence::RequiredNullable)))
    }

    /// The Rust name of the map that holds additional properties: `additional_properties`,
    /// with `_` appended while a field has that name.
    pub fn extra_field_name(&self) -> String {
        let mut name = "additional_properties".to_owned();
        while self.fields.iter().any(|f| f.name == name) {
            name.push('_');
        }
        name
    }
}

/// One property of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Rust field name (snake_case, keywords escaped, unique within the struct).
    pub name: String,
    /// The property name on the wire.
    pub wire_name: String,
    /// Title and description from the spec.
    pub doc: Option<String>,
    /// The value's type, without the presence wrapper.
    pub ty: TypeRef,
    /// Whether the property may be absent and whether it may be null.
    pub presence: Presence,
    /// The spec's `default`, applied when the property is absent (see [`Presence::Defaulted`]).
    pub default: Option<Value>,
    /// Whether the value is boxed to break a cycle of types containing each other.
    pub boxed: bool,
    /// `deprecated: true` in the spec.
    pub deprecated: bool,
    /// The constraints its schema states inline; `None` when it states none, as most do
    /// (boxed, because a large spec has tens of thousands of fields and parameters).
    pub validation: Option<Box<Validation>>,
}

/// What a schema asks of a value beyond its type (`minLength`, `maximum`, `pattern`, ...).
/// The generated code does not check it; drift compares it, since a request the API used to
/// accept may now be refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validation {
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `minimum`, with `exclusiveMinimum`.
    pub minimum: Option<Bound>,
    /// `maximum`, with `exclusiveMaximum`.
    pub maximum: Option<Bound>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems: true`.
    pub unique_items: bool,
}

/// A numeric bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// The limit.
    pub value: f64,
    /// Whether the limit itself is excluded.
    pub exclusive: bool,
}

/// How a field's presence and nullability map to Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Required, not nullable: `T`.
    Required,
    /// Optional with a spec default equal to `T::default()`, in a type no request uses: `T`,
    /// filled in when absent and omitted when equal to the default.
    Defaulted,
    /// Optional, not nullable: `Option<T>`, omitted when `None`.
    Optional,
    /// Required and nullable: `Option<T>`, sent as `null` when `None`.
    RequiredNullable,
    /// Optional and nullable: a tri-state that tells absent from `null`.
    OptionalNullable,
    /// Not a property but a whole struct whose properties stand inline on the wire
    /// (`#[serde(flatten)]`): an `allOf` include that lowering composes instead of copying
    /// (see `lower::include`). Its `wire_name` is the included component's name.
    Flattened,
}

/// One value of a string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The Rust variant name.
    pub name: String,
    /// The exact value on the wire.
    pub wire: EnumWire,
}

/// An enum value as it goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumWire {
    /// A string enum's value.
    Text(String),
    /// An integer enum's value.
    Integer(i64),
}

impl std::fmt::Display for EnumWire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnumWire::Text(text) => f.write_str(text),
            EnumWire::Integer(number) => write!(f, "{number}"),
        }
    }
}

/// A string or integer enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The listed values, in spec order.
    pub values: Vec<EnumValue>,
    /// The name of the variant that keeps any unlisted value.
    pub other: String,
    /// Whether the values are integers ([`EnumWire::Integer`]).
    pub integer: bool,
}

/// A choice between types.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The alternatives, in spec order.
    pub variants: Vec<UnionVariant>,
    /// The property whose value says which alternative an object is, when there is one.
    pub tag: Option<UnionTag>,
}

/// How a tagged union tells its alternatives apart: a `discriminator`, or a property that
/// every alternative fixes to its own value (`const`, or a one-value `enum`).
#[derive(Debug, Clone, PartialEq)]
pub struct UnionTag {
    /// The property's wire name.
    pub property: String,
    /// The Rust name of the variant that keeps an object with any other value (or none), as
    /// JSON: a server that adds an alternative must not break a call.
    pub other: String,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub name: String,
    /// The alternative's type.
    pub ty: TypeRef,
    /// The tag property's values that select this alternative, in a tagged union (a
    /// discriminator's `mapping` may give several); empty in an untagged one.
    pub tags: Vec<String>,
}

/// A reference to a type: a primitive, a container, or a named type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// `boolean`.
    Bool,
    /// `integer` with `format: int32`.
    I32,
    /// `integer` with `format: int64` or no format.
    I64,
    /// `number` with `format: float`.
    F32,
    /// `number` with `format: double` or no format.
    F64,
    /// `string` (any format other than `date-time`, `date` and `binary`).
    String,
    /// `string` with `format: binary`: bytes, a file part in a multipart body.
    Binary,
    /// `string` with `format: date`: a calendar date.
    Date,
    /// `string` with `format: date-time`.
    DateTime,
    /// Any JSON value (`{}`, or an array without `items`' element type).
    Json,
    /// Raw bytes: a whole body that is not JSON or text (`application/octet-stream`, images).
    Bytes,
    /// An array.
    Array(Box<TypeRef>),
    /// An object used as a string-keyed map.
    Map(Box<TypeRef>),
    /// A value that may be `null` where it stands (an array item or map value).
    Nullable(Box<TypeRef>),
    /// A named type.
    Named(TypeId),
}

impl TypeRef {
    /// Appends every named type this reference mentions, through containers.
    pub fn named_in(&self, out: &mut Vec<TypeId>) {
        match self {
            TypeRef::Named(id) => out.push(*id),
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                inner.named_in(out)
            }
            _ => {}
        }
    }
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A path segment.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// How a query parameter's array or object is written (its `style` and `explode`). The
/// examples show values before the query string's percent-encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryStyle {
    /// `form`, exploded (the default; also every non-query parameter): `ids=1&ids=2`, and an
    /// object's properties as parameters of their own.
    Form,
    /// `form` with `explode: false`: `ids=1,2`.
    FormJoined,
    /// `spaceDelimited`: `ids=1%202`.
    SpaceDelimited,
    /// `pipeDelimited`: `ids=1|2`.
    PipeDelimited,
    /// `deepObject`: `filter[name]=Rex`.
    DeepObject,
}

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The operation's own name (snake_case): `operationId` cleaned of generator artifacts.
    /// Inline types and request builders are named after it.
    pub name: String,
    /// The request builder's type name (`name` in UpperCamelCase), unique among the API's
    /// type names.
    pub builder: String,
    /// The client accessor of the operation's group (the first tag, snake_case), if grouped.
    pub group: Option<String>,
    /// The client method name within its group (or on the client, when ungrouped).
    pub method_name: String,
    /// `operationId` as published.
    pub operation_id: Option<String>,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The path template, parsed once.
    pub path: PathTemplate,
    /// The first tag, if any.
    pub tag: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Path, query, header and cookie parameters, in spec order.
    pub params: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// Responses by status (`200` before `2XX` before `404`), then `default`: not in the
    /// order the spec lists them, which must not decide the names of shared inline types.
    pub responses: Vec<Response>,
    /// What the caller gets back, decided from `responses` once.
    pub outcome: Outcome,
    /// How the caller asks for the stream, when the operation can answer with one.
    pub streaming: Streaming,
    /// The security requirements, any one of which the operation accepts: each lists the
    /// schemes sent together. Empty when the operation is open; an empty requirement among
    /// others makes credentials optional.
    pub security: Vec<Vec<SchemeId>>,
    /// How to fetch the next page: as the API's config declares, or as inferred from the
    /// operation's parameter and response names.
    pub pagination: Option<Pagination>,
    /// Pagination the spec declares for another SDK generator (`x-fern-pagination`,
    /// `x-speakeasy-pagination`), read as a config table: used where the config has none.
    pub declared_pagination: Option<DeclaredPagination>,
    /// The name of the client's enum of success bodies, one variant per status, for an
    /// operation whose statuses return JSON of different types (see [`Outcome::by_status`]).
    pub response_enum: Option<String>,
    /// JSON pointer of the operation.
    pub origin: String,
}

/// An HTTP method an OpenAPI path item can hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
    /// `OPTIONS`.
    Options,
    /// `HEAD`.
    Head,
    /// `PATCH`.
    Patch,
    /// `TRACE`.
    Trace,
    /// `QUERY` (OpenAPI 3.2's `query` operation): a safe request with a body.
    Query,
    /// Another method, from OpenAPI 3.2's `additionalOperations` (`PURGE`, `LOCK`): a token
    /// as the spec writes it, which is sent as it is.
    Other(String),
}

impl HttpMethod {
    /// The method from a path item's key (`get`, `post`, ..., 3.2's `query`), in any case.
    pub fn parse(key: &str) -> Option<HttpMethod> {
        Some(match key.to_ascii_lowercase().as_str() {
            "get" => HttpMethod::Get,
            "put" => HttpMethod::Put,
            "post" => HttpMethod::Post,
            "delete" => HttpMethod::Delete,
            "options" => HttpMethod::Options,
            "head" => HttpMethod::Head,
            "patch" => HttpMethod::Patch,
            "trace" => HttpMethod::Trace,
            "query" => HttpMethod::Query,
            _ => return None,
        })
    }

    /// The method of an OpenAPI 3.2 `additionalOperations` key: an HTTP token (RFC 9110),
    /// none of the methods a path item names by a fixed field.
    pub fn other(key: &str) -> Option<HttpMethod> {
        let token = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        (token && HttpMethod::parse(key).is_none()).then(|| HttpMethod::Other(key.to_owned()))
    }

    /// The method as sent, upper case.
    pub fn as_str(&self) -> &str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
            HttpMethod::Query => "QUERY",
            HttpMethod::Other(token) => token,
        }
    }

    /// Whether `reqwest::Method` has a constant for it.
    pub fn is_standard(&self) -> bool {
        !matches!(self, HttpMethod::Query | HttpMethod::Other(_))
    }
}

impl std::fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A path template (`/agents/{agent_id}/calls`), parsed once in lowering.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PathTemplate {
    /// The template exactly as in the spec.
    pub raw: String,
    /// Its literal text and variables, in order.
    pub parts: Vec<PathPart>,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathPart {
    /// Text sent as it is.
    Literal(String),
    /// A `{name}` variable, by its name in the spec.
    Variable(String),
}

impl PathTemplate {
    /// Parses a template; an unclosed `{` is literal text.
    pub fn parse(raw: &str) -> PathTemplate {
        let mut parts = Vec::new();
        let mut rest = raw;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            if open > 0 {
                parts.push(PathPart::Literal(rest[..open].to_owned()));
            }
            parts.push(PathPart::Variable(rest[open + 1..close].to_owned()));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(PathPart::Literal(rest.to_owned()));
        }
        PathTemplate {
            raw: raw.to_owned(),
            parts,
        }
    }

    /// The variables' names, in order.
    pub fn variables(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            PathPart::Variable(name) => Some(name.as_str()),
            PathPart::Literal(_) => None,
        })
    }

    /// The template with its variables' names left out (`/agents/{}/calls`): two paths with
    /// the same shape address the same endpoint.
    pub fn shape(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                PathPart::Literal(text) => text.as_str(),
                PathPart::Variable(_) => "{}",
            })
            .collect()
    }
}

impl std::fmt::Display for PathTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}

/// Pagination as an extension in the spec declares it, not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredPagination {
    /// The extension's name.
    pub extension: &'static str,
    /// What it says, as a config table.
    pub table: crate::config::PaginationConfig,
    /// Where it is.
    pub at: crate::error::Location,
}

/// A paginated list operation, checked against the spec: every name here exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// How the next page is asked for.
    pub style: PageStyle,
    /// The builder field (a parameter's Rust name) that selects the page.
    pub param: String,
    /// The parameter's type.
    pub param_ty: TypeRef,
    /// The first page number or offset the server assumes without the parameter.
    pub start: i64,
    /// The response field (Rust name) holding the page's items; empty when the response is
    /// the array of items itself.
    pub items: String,
    /// The items' type.
    pub item_ty: TypeRef,
    /// A boolean response field that is false on the last page.
    pub has_more: Option<PageField>,
    /// An integer response field with the total item count (offset style).
    pub total: Option<PageField>,
}

/// A response field pagination reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PageField {
    /// The field's Rust name.
    pub name: String,
    /// Whether it is an `Option`.
    pub optional: bool,
}

/// How a paginated operation asks for the next page.
#[derive(Debug, Clone, PartialEq)]
pub enum PageStyle {
    /// The parameter is an item offset: the next page starts after the items received.
    Offset,
    /// The parameter is a page number: the next page is one more.
    Page,
    /// The parameter is a cursor taken from the response.
    Cursor(CursorSource),
    /// The parameter's value comes from the `Link` header's `rel="next"` URL, where the
    /// parameter has this wire name.
    Link(String),
}

/// Where the next cursor comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum CursorSource {
    /// A response field; absent, `null` or empty ends the list.
    Field(PageField),
    /// A field (Rust name) of the last item received, such as its timestamp for `before`.
    LastItem(String),
}

/// One parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The Rust name.
    pub name: String,
    /// The name on the wire.
    pub api_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Whether the caller must give it.
    pub required: bool,
    /// The value's type (an optional parameter is `Option` of this).
    pub ty: TypeRef,
    /// The description.
    pub doc: Option<String>,
    /// The spec's `default`, documented for the caller.
    pub default: Option<Value>,
    /// The constraints its schema states inline; `None` when it states none.
    pub validation: Option<Box<Validation>>,
    /// How a query parameter's array or object is written.
    pub style: QueryStyle,
    /// JSON pointer of the parameter's definition.
    pub origin: String,
}

/// How a body is encoded on the wire, decided once in lowering from its media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// `application/json` or `…+json`: the schema's type, serialized with serde.
    Json,
    /// `text/event-stream` (responses only): a stream of events whose `data` has the type.
    EventStream,
    /// Newline-delimited JSON (`application/x-ndjson`, `application/jsonl`,
    /// `application/json-seq`; responses only): a stream of values of the type, one a line.
    JsonLines,
    /// `application/x-www-form-urlencoded`: the schema's object, as form fields.
    Form,
    /// `multipart/form-data`: the schema's object, one part per property.
    Multipart,
    /// `text/*` and XML: a `String`.
    Text,
    /// Anything else (`application/octet-stream`, `application/pdf`, images, `*/*`): bytes.
    Binary,
}

impl ContentKind {
    /// The kind of a media type (`application/json; charset=utf-8`, `image/*`, ...).
    pub fn of(media_type: &str) -> ContentKind {
        let essence = media_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/json" | "text/json" => ContentKind::Json,
            e if e.ends_with("+json") || e.ends_with("/json") => ContentKind::Json,
            "text/event-stream" => ContentKind::EventStream,
            "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonl"
            | "application/jsonlines"
            | "application/x-jsonlines"
            | "application/json-seq" => ContentKind::JsonLines,
            "application/x-www-form-urlencoded" => ContentKind::Form,
            "multipart/form-data" | "multipart/mixed" => ContentKind::Multipart,
            e if e.starts_with("text/") || e.ends_with("/xml") || e.ends_with("+xml") => {
                ContentKind::Text
            }
            _ => ContentKind::Binary,
        }
    }

    /// Which of a body's media types the client uses, most preferred first. A stream comes
    /// last: a response that offers a whole body too is read whole by `send()`, and its
    /// stream by `send_stream()` (see [`Outcome::alternatives`]).
    pub fn preference(self) -> u8 {
        match self {
            ContentKind::Json => 0,
            ContentKind::Form => 1,
            ContentKind::Multipart => 2,
            ContentKind::Text => 3,
            ContentKind::Binary => 4,
            ContentKind::EventStream => 5,
            ContentKind::JsonLines => 6,
        }
    }

    /// Whether the body is read as a stream of values, as they arrive.
    pub fn is_stream(self) -> bool {
        matches!(self, ContentKind::EventStream | ContentKind::JsonLines)
    }
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The media type (`application/json`).
    pub content_type: String,
    /// The `Content-Type` the client sends a text or byte body with: the media type, or
    /// `application/octet-stream` for a range (`image/*`, `*/*`).
    pub header: String,
    /// How the body is encoded.
    pub kind: ContentKind,
    /// The body's type.
    pub ty: TypeRef,
    /// Whether the body is required.
    pub required: bool,
    /// The description.
    pub doc: Option<String>,
    /// JSON pointer of the request body.
    pub origin: String,
}

/// Which status codes a response covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatusCode {
    /// One status code.
    Code(u16),
    /// A range such as `4XX`, given by its first digit.
    Range(u16),
    /// `default`: every status not listed.
    Default,
}

impl StatusCode {
    /// Whether it is a 2xx status or the `2XX` range.
    pub fn is_success(self) -> bool {
        matches!(self, StatusCode::Code(200..=299) | StatusCode::Range(2))
    }
}

/// One documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status it answers.
    pub status: StatusCode,
    /// The description.
    pub description: String,
    /// The media type of the body, if it has one.
    pub content_type: Option<String>,
    /// How the body is encoded, if it has one.
    pub kind: Option<ContentKind>,
    /// The body's type, if it has one.
    pub ty: Option<TypeRef>,
    /// The other kinds of body the same response offers (`text/event-stream` beside
    /// `application/json`, say): one media type of each kind but the chosen one's, most
    /// preferred first.
    pub alternatives: Vec<MediaBody>,
    /// The names of the response headers it declares, as written.
    pub headers: Vec<String>,
    /// JSON pointer of the response.
    pub origin: String,
}

/// One media type a response offers, with how it is read and its type.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaBody {
    /// The media type (`text/event-stream`).
    pub content_type: String,
    /// How the body is read.
    pub kind: ContentKind,
    /// The body's type (for a stream, each event's or line's).
    pub ty: TypeRef,
}

/// How an operation that can answer with a stream is told to: decided in lowering, from the
/// request body or the spec's `x-fern-streaming`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Streaming {
    /// The boolean request-body property (wire name) that asks for the stream: the stream
    /// method sends it `true`, the others `false`.
    pub flag: Option<String>,
    /// A `data` value that ends the stream (`[DONE]`), not an event of it.
    pub terminator: Option<String>,
}

/// What a caller gets back from an operation: decided once, for the client and for drift.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Status codes that are success, as ranges (`2XX` is `200..=299`, `201` is `201..=201`),
    /// so that a range costs one entry rather than a hundred.
    pub success_codes: Vec<RangeInclusive<u16>>,
    /// The success body's type; `None` when no success response has a body. Several different
    /// types are any JSON here, and the client reads them by status (see [`Outcome::by_status`]).
    pub success: Option<TypeRef>,
    /// Whether some success status has no body while others have one (`200` with, `204`
    /// without): the body is then optional.
    pub success_may_be_empty: bool,
    /// Status codes whose body has the error type, as ranges like [`Outcome::success_codes`].
    pub error_codes: Vec<RangeInclusive<u16>>,
    /// The error body's type; `None` when no error response has a body.
    pub error: Option<TypeRef>,
    /// Whether a `default` response types every other error status.
    pub default_error: bool,
    /// How the success body is read: JSON, an event stream, text (`String`) or bytes. Success
    /// bodies of different kinds are read as bytes.
    pub success_kind: ContentKind,
    /// When success statuses return JSON of different types (200 a `Pet`, 202 a `Job`): each
    /// documented success status with its body's type (`None` without a body), by status,
    /// so the client can return one variant per status. Empty otherwise.
    pub by_status: Vec<StatusBody>,
    /// The other forms the success body can be asked for, each read by a method of its own
    /// beside `send()` (`send_stream()`, `send_bytes()`, …).
    pub alternatives: Vec<Alternative>,
}

/// A form of the success body that a method other than `send()` asks for and reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// The request builder's method (`send_stream`).
    pub method: String,
    /// How the body is read.
    pub kind: ContentKind,
    /// The body's type (for a stream, each event's or line's).
    pub ty: TypeRef,
    /// The `Accept` header the method sends.
    pub accept: String,
}

/// One success status of an operation whose statuses return different types.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusBody {
    /// The status.
    pub status: StatusCode,
    /// Its body's type; `None` without a body.
    pub ty: Option<TypeRef>,
    /// The response enum's variant for it (`Accepted`).
    pub variant: String,
    /// The response's description.
    pub description: String,
}

impl Outcome {
    /// Whether `send()` returns a stream (Server-Sent Events or JSON lines) whose items have
    /// the success type.
    pub fn event_stream(&self) -> bool {
        self.success_kind.is_stream()
    }
}

/// A security scheme, by its place in [`Model::security_schemes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemeId(pub usize);

impl Model {
    /// The security scheme a [`SchemeId`] names.
    pub fn scheme(&self, id: SchemeId) -> &SecurityScheme {
        &self.security_schemes[id.0]
    }

    /// The type a [`TypeId`] names.
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The type an alias (or a chain of them) names; any other type as it is.
    pub fn resolve_alias<'m>(&'m self, ty: &'m TypeRef) -> &'m TypeRef {
        let mut current = ty;
        // Alias chains are acyclic (lowering rejects cycles); the bound only guards the loop.
        for _ in 0..=self.types.len() {
            match current {
                TypeRef::Named(id) => match &self.ty(*id).kind {
                    TypeKind::Alias(inner) => current = inner,
                    _ => return current,
                },
                other => return other,
            }
        }
        current
    }
}

impl StatusCode {
    /// The codes it covers (`2XX` is `200..=299`); `None` for `default`.
    pub fn codes(self) -> Option<RangeInclusive<u16>> {
        match self {
            StatusCode::Code(code) => Some(code..=code),
            StatusCode::Range(digit) => Some(digit * 100..=digit * 100 + 99),
            StatusCode::Default => None,
        }
    }
}

/// `200`, `2XX` or `default`, as the spec writes it.
impl std::fmt::Display for StatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusCode::Code(code) => write!(f, "{code}"),
            StatusCode::Range(digit) => write!(f, "{digit}XX"),
            StatusCode::Default => f.write_str("default"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_template_is_parsed_once_into_text_and_variables() {
        let path = PathTemplate::parse("/agents/{agent_id}/calls/{id}.json");
        assert_eq!(path.variables().collect::<Vec<_>>(), ["agent_id", "id"]);
        assert_eq!(path.shape(), "/agents/{}/calls/{}.json");
        assert_eq!(path.to_string(), "/agents/{agent_id}/calls/{id}.json");
        assert_eq!(
            PathTemplate::parse("/a/{unclosed").parts,
            [PathPart::Literal("/a/{unclosed".into())]
        );
        assert_eq!(
            HttpMethod::parse("PATCH").as_ref().map(HttpMethod::as_str),
            Some("PATCH")
        );
        assert_eq!(HttpMethod::parse("connect"), None);
        assert_eq!(HttpMethod::parse("Query"), Some(HttpMethod::Query));
        // `additionalOperations` keys: HTTP tokens other than the fixed fields' methods.
        assert_eq!(
            HttpMethod::other("PURGE"),
            Some(HttpMethod::Other("PURGE".into()))
        );
        assert_eq!(HttpMethod::other("get"), None);
        assert_eq!(HttpMethod::other("QUERY"), None);
        assert_eq!(HttpMethod::other("NOT A TOKEN"), None);
        assert_eq!(HttpMethod::other(""), None);
    }
}
