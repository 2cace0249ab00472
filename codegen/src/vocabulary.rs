//! What the generated crates are made of, in one place: the names their own items take,
//! which no name from a spec may take, and the modules and dependencies of the client crate.
//! Lowering reserves these names, the emitters import and write them, and the config checks
//! its includes against them; the tests below read `templates/runtime` to keep them true.

/// `Client`'s own public methods (`templates/runtime/client.rs`), plus trait methods whose
/// shadowing would confuse. The runtime's plumbing is free functions, so that operations
/// keep names like `execute`, `read` or `request`.
pub const CLIENT_METHODS: &[&str] = &[
    "new",
    "builder",
    "base_url",
    "http_client",
    "retry_policy",
    "default",
    "clone",
    "fmt",
];

/// The send methods beside `send()`, one per other form a response offers (see
/// [`crate::ir::Outcome::alternatives`]).
pub const SEND_STREAM: &str = "send_stream";
/// JSON lines, where events are also offered.
pub const SEND_LINES: &str = "send_lines";
/// Bytes.
pub const SEND_BYTES: &str = "send_bytes";
/// Text.
pub const SEND_TEXT: &str = "send_text";
/// JSON, where another kind is what `send()` reads.
pub const SEND_JSON: &str = "send_json";

/// The members every request builder has. No parameter takes these names, and no operation
/// method either (`messages().send(body).send()` would read as if it sent twice).
pub const BUILDER_MEMBERS: &[&str] = &[
    "client",
    "options",
    "body",
    "new",
    "send",
    SEND_STREAM,
    SEND_LINES,
    SEND_BYTES,
    SEND_TEXT,
    SEND_JSON,
    "with_options",
    "pages",
    "items",
    "clone",
    "fmt",
];

/// The prelude's names that generated code uses as they are (see
/// [`crate::emit::StdNames::Prelude`]): no request builder or response enum may take one, and
/// a models crate with a type that takes one writes them all in full.
pub const PRELUDE: &[&str] = &[
    "Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Default", "Into",
];

/// What `builders.rs` imports from the runtime and names unqualified.
pub const RUNTIME_IMPORTS: &[&str] = &[
    "check_finite",
    "path_segment",
    "query_pairs",
    "simple_style",
    "Operation",
    "QueryStyle",
    "Scheme",
    "Statuses",
];

/// What `builders.rs` imports from the crate's root and names unqualified.
pub const CRATE_IMPORTS: &[&str] = &[
    "Client",
    "Error",
    "EventStream",
    "RequestOptions",
    "ResponseValue",
];

/// The runtime's types the client crate re-exports at its root, in that order: no tag
/// group's type may take one.
pub const CRATE_ROOT_TYPES: &[&str] = &[
    "ApiError",
    "BearerToken",
    "BuildError",
    "Client",
    "ClientBuilder",
    "DecodeError",
    "Error",
    "HeaderMap",
    "HttpResponse",
    "RequestOptions",
    "ResponseValue",
    "RetryPolicy",
    "StatusCode",
    "EventStream",
    "InvalidEvent",
    "ServerSentEvent",
    "StreamError",
];

/// The types `builders.rs` names unqualified (the functions it imports take no type's name):
/// no request builder or response enum may take one.
pub fn builder_imports() -> impl Iterator<Item = &'static str> {
    RUNTIME_IMPORTS
        .iter()
        .chain(CRATE_IMPORTS)
        .copied()
        .filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Names the support module of every models crate defines; no type may take them.
pub const MODELS_SUPPORT_TYPES: &[&str] = &["Binary", "MissingField", "Nullable"];

/// The client crate's own modules and re-exports, which an included module may not take the
/// name of.
pub const CLIENT_MODULES: &[&str] = &[
    "runtime",
    "defaults",
    "servers",
    "operations",
    "builders",
    "models",
    "reqwest",
];

/// The client crate's own dependencies, with their requirements as its manifest writes them,
/// in its order: an extra dependency may not take one of these names.
pub const CLIENT_DEPENDENCIES: &[(&str, &str)] = &[
    ("base64", r#""0.22""#),
    ("bytes", r#""1""#),
    ("fastrand", r#""2""#),
    ("form_urlencoded", r#""1""#),
    ("futures-core", r#""0.3""#),
    (
        "futures-util",
        r#"{ version = "0.3", default-features = false }"#,
    ),
    ("httpdate", r#""1""#),
    ("percent-encoding", r#""2""#),
    ("progenitor-client", r#""0.15""#),
    ("reqwest", "{REQWEST}"),
    ("serde", r#"{ version = "1.0.188", features = ["derive"] }"#),
    ("serde_json", r#""1""#),
    ("tokio", r#"{ version = "1", features = ["time"] }"#),
    (
        "tracing",
        r#"{ version = "0.1.40", default-features = false, features = ["std"] }"#,
    ),
];

/// Whether the client crate depends on a crate of this name.
pub fn is_client_dependency(name: &str) -> bool {
    CLIENT_DEPENDENCIES.iter().any(|(own, _)| *own == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: &str = include_str!("../templates/runtime/client.rs");
    const RUNTIME: &str = include_str!("../templates/runtime/mod.rs");

    /// The `pub fn` names of one `impl` block of a runtime file.
    fn public_methods(file: &str, block: &str) -> Vec<String> {
        let start = file.find(block).unwrap_or_else(|| panic!("no `{block}`"));
        let body = &file[start..];
        let end = body.find("\n}\n").unwrap_or(body.len());
        body[..end]
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix("pub fn "))
            .map(|rest| rest.split(['(', '<']).next().unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn every_public_method_of_client_is_reserved() {
        let methods = public_methods(CLIENT, "\nimpl Client {");
        assert!(methods.len() >= 5, "{methods:?}");
        for method in methods {
            assert!(
                CLIENT_METHODS.contains(&method.as_str()),
                "`Client::{method}` is not in CLIENT_METHODS"
            );
        }
    }

    #[test]
    fn every_builder_import_is_exported_by_the_runtime_or_the_crate() {
        for name in RUNTIME_IMPORTS.iter().chain(CRATE_ROOT_TYPES) {
            assert!(
                RUNTIME.contains(name),
                "the runtime does not export `{name}`"
            );
        }
        for name in CRATE_IMPORTS {
            assert!(
                CRATE_ROOT_TYPES.contains(name),
                "the crate's root does not export `{name}`"
            );
        }
    }
}
