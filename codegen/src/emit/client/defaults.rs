//! `defaults.rs` and `servers.rs`: the API's servers, and the client's defaults from its config.

use crate::config::ClientConfig;
use crate::emit::{doc_attrs, ident};
use crate::ir::{Model, SecurityKind};
use proc_macro2::TokenStream;
use quote::quote;

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
    let request_ids = model.request_id_headers.clone();
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
