//! IR operations → the client crate, one module per file it writes: `defaults.rs` and
//! `servers.rs` (defaults), `operations.rs` with the tag groups (operations), and
//! `builders.rs`, one request builder per operation (builders), whose send methods are
//! their own module (send).
//!
//! Every operation becomes a method that takes what the spec requires (path parameters,
//! required query parameters, a required body) and returns a builder with a setter per
//! optional parameter and an `async fn send`. The runtime (`templates/runtime/`)
//! does the sending and decoding, so per-operation code stays small.

mod builders;
mod defaults;
mod operations;
mod send;

pub use builders::builders;
pub use defaults::{defaults, servers};
pub use operations::operations;
pub use send::result_types;

use super::{ident, rust_type, StdNames};
use crate::ir::{Model, Operation, Param, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// Where the models crate is reached from client code.
fn models() -> TokenStream {
    quote!(crate::models)
}

pub(crate) fn group_type(model: &Model, group: &str) -> proc_macro2::Ident {
    let name = model
        .group_types
        .iter()
        .find(|(known, _)| known == group)
        .map_or(group, |(_, name)| name.as_str());
    ident(name)
}

pub(crate) fn builder_name(op: &Operation) -> proc_macro2::Ident {
    ident(&op.builder)
}

/// Whether a parameter is given to the method rather than set on the builder.
pub(crate) fn is_argument(param: &Param) -> bool {
    param.required
}

pub(super) fn param_type(model: &Model, param: &Param) -> TokenStream {
    rust_type(model, &param.ty, &models(), StdNames::Prelude)
}

/// Arguments of type `String` are taken as `impl Into<String>` so `&str` works too.
pub(super) fn argument(model: &Model, param: &Param) -> (TokenStream, TokenStream) {
    let name = ident(&param.name);
    match param.ty {
        TypeRef::String => (quote!(#name: impl Into<String>), quote!(#name.into())),
        _ => {
            let ty = param_type(model, param);
            (quote!(#name: #ty), quote!(#name))
        }
    }
}
