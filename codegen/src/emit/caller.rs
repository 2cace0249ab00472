//! An "old caller": Rust code that uses every public item a model's crates offer, written
//! against one version of a spec and compiled against the crates of another. It is the oracle
//! for drift's Rust verdicts: where drift says "not major" for a crate, the old caller must
//! still compile against the new crate (`xtask/tests/drift_callers.rs`).
//!
//! Every use pins its types (`let _: T = ...`, `any::<T>()`), so a type that changes shows up
//! even where inference would otherwise adapt. The code is only compiled, never run.

use super::client::{builder_name, is_argument, result_types};
use super::field_type_in;
use super::{ident, rust_type, StdNames};
use crate::ir::{Model, Operation, TypeDef, TypeKind, TypeRef};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Helpers every caller starts with.
fn prelude() -> TokenStream {
    quote! {
        #![allow(unused, deprecated, unreachable_code, clippy::all)]

        /// A value of any type: the caller is compiled, never run.
        fn any<T>() -> T {
            unimplemented!()
        }
    }
}

/// A caller of the models crate (reached as `::<models_crate>`): every type's traits, every
/// field read and written, every constructor, enum variant and union variant.
pub fn models_caller(model: &Model, models_crate: &str) -> crate::Result<String> {
    let krate = crate_path(models_crate);
    let prelude = prelude();
    let uses = model.types.iter().map(|def| type_use(model, def, &krate));
    let tokens = quote! {
        #prelude

        fn shared<T: ::std::fmt::Debug + ::std::clone::Clone + ::std::cmp::PartialEq + ::serde::Serialize + ::serde::de::DeserializeOwned>() {}
        fn default<T: ::std::default::Default>() {}
        fn enumerated<T: ::std::cmp::Eq + ::std::hash::Hash + ::std::cmp::Ord + ::std::fmt::Display>() {}

        #( #uses )*
    };
    crate::render::rust_file(
        "src/lib.rs",
        "// An old caller: see `codegen::emit::caller`.\n",
        tokens,
    )
}

fn type_use(model: &Model, def: &TypeDef, krate: &TokenStream) -> TokenStream {
    let name = format_ident!("{}", def.name);
    let function = format_ident!(
        "use_{}",
        heck::ToSnakeCase::to_snake_case(def.name.as_str())
    );
    let ty = quote!(#krate::#name);
    let body = match &def.kind {
        TypeKind::Struct(s) => {
            let default = def.derive_default.then(|| quote!(default::<#ty>();));
            let reads = s.fields.iter().map(|f| {
                let (field, fty) = (
                    ident(&f.name),
                    field_type_in(model, f, krate, StdNames::Absolute),
                );
                quote!(let _: &#fty = &value.#field; value.#field = any::<#fty>();)
            });
            let constructor = def.constructible.then(|| {
                let required = s.constructor_fields();
                if s.built_by_name() {
                    let setters = required.iter().map(|f| {
                        let (field, fty) = (ident(&f.name), field_type_in(model, f, krate, StdNames::Absolute));
                        quote!(.#field(any::<#fty>()))
                    });
                    let finish = ident(&super::models::finisher_name(&required));
                    return quote!(let _: ::std::result::Result<#ty, #krate::MissingField> = #ty::builder() #( #setters )* .#finish(););
                }
                let args = required.into_iter().map(|f| {
                    let fty = field_type_in(model, f, krate, StdNames::Absolute);
                    quote!(any::<#fty>())
                });
                quote!(let _: #ty = #ty::new(#( #args ),*);)
            });
            quote! {
                shared::<#ty>();
                #default
                let mut value = any::<#ty>();
                #( #reads )*
                #constructor
            }
        }
        TypeKind::Enum(e) if e.integer => {
            let variants = e.values.iter().map(|v| format_ident!("{}", v.name));
            let other = format_ident!("{}", e.other);
            quote! {
                shared::<#ty>();
                enumerated::<#ty>();
                let value = any::<#ty>();
                let _: i64 = value.value();
                let _: #ty = #ty::from(0_i64);
                match value {
                    #( #ty::#variants => {} )*
                    #ty::#other(number) => { let _: i64 = number; }
                    _ => {}
                }
            }
        }
        TypeKind::Enum(e) => {
            let variants = e.values.iter().map(|v| format_ident!("{}", v.name));
            let other = format_ident!("{}", e.other);
            quote! {
                shared::<#ty>();
                enumerated::<#ty>();
                let value = any::<#ty>();
                let _: &str = value.as_str();
                let _: #ty = #ty::from("any");
                match value {
                    #( #ty::#variants => {} )*
                    #ty::#other(text) => { let _: ::std::string::String = text; }
                    _ => {}
                }
            }
        }
        TypeKind::Union(union) => {
            let arms = union.variants.iter().map(|v| {
                let (variant, vty) = (format_ident!("{}", v.name), rust_type(model, &v.ty, krate, StdNames::Absolute));
                quote!(#ty::#variant(inner) => { let _: #vty = inner; let _: #ty = #ty::#variant(any::<#vty>()); })
            });
            // A tagged union also keeps unlisted objects, and is non-exhaustive.
            let rest = union.tag.as_ref().map(|tag| {
                let other = format_ident!("{}", tag.other);
                quote! {
                    #ty::#other(value) => { let _: ::serde_json::Value = value; }
                    _ => {}
                }
            });
            quote! {
                shared::<#ty>();
                match any::<#ty>() {
                    #( #arms )*
                    #rest
                }
            }
        }
        TypeKind::Alias(target) => {
            let target = rust_type(model, target, krate, StdNames::Absolute);
            quote! {
                let _: #ty = any::<#target>();
                let _: #target = any::<#ty>();
            }
        }
    };
    quote! {
        pub fn #function() {
            #body
        }
    }
}

/// A caller of the client crate (reached as `::<client_crate>`): every operation called with
/// every argument and setter, its `send()` result pinned; every server constant.
pub fn client_caller(model: &Model, client_crate: &str) -> crate::Result<String> {
    let client = crate_path(client_crate);
    let models = quote!(#client::models);
    let prelude = prelude();
    let calls = model
        .operations
        .iter()
        .map(|op| operation_call(model, op, &client, &models));
    let servers = model.servers.iter().map(|s| {
        let name = format_ident!("{}", s.const_name);
        quote!(let _: &str = #client::servers::#name;)
    });
    let tokens = quote! {
        #prelude

        pub async fn call_everything(client: &#client::Client) {
            #( #calls )*
        }

        pub fn servers() {
            #( #servers )*
            let _: &str = #client::servers::DEFAULT;
        }
    };
    crate::render::rust_file(
        "src/lib.rs",
        "// An old caller: see `codegen::emit::caller`.\n",
        tokens,
    )
}

fn operation_call(
    model: &Model,
    op: &Operation,
    client: &TokenStream,
    models: &TokenStream,
) -> TokenStream {
    let method = ident(&op.method_name);
    let receiver = match &op.group {
        Some(group) => {
            let group = ident(group);
            quote!(client.#group())
        }
        None => quote!(client),
    };
    let typed = |ty: &TypeRef| {
        let ty = rust_type(model, ty, models, StdNames::Absolute);
        quote!(any::<#ty>())
    };
    let mut args: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| is_argument(p))
        .map(|p| typed(&p.ty))
        .collect();
    let mut setters = Vec::new();
    for param in op.params.iter().filter(|p| !is_argument(p)) {
        let (setter, value) = (ident(&param.name), typed(&param.ty));
        setters.push(quote!(.#setter(#value)));
    }
    match &op.body {
        Some(body) if body.required => args.push(typed(&body.ty)),
        Some(body) => {
            let value = typed(&body.ty);
            setters.push(quote!(.body(#value)));
        }
        None => {}
    }
    let builder = builder_name(op);
    let (output, error) = result_types(model, op, models, Some(client), StdNames::Absolute);
    quote! {
        {
            let request: #client::builders::#builder<'_> = #receiver.#method(#( #args ),*) #( #setters )*;
            let result: ::std::result::Result<#output, #client::Error<#error>> = request.send().await;
        }
    }
}

/// `::name` for a crate name (`pets-models` → `::pets_models`).
fn crate_path(name: &str) -> TokenStream {
    let name = format_ident!("{}", name.replace('-', "_"));
    quote!(::#name)
}
