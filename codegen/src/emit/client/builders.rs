//! `builders.rs`: one request builder per operation, with a setter per optional parameter,
//! and its response enum where statuses return different types.

use super::send::send_methods;
use super::{argument, builder_name, is_argument, models, param_type};
use crate::emit::{doc_attrs, ident, rust_type, Items, StdNames};
use crate::ir::{Model, Operation, Param, ParamLocation};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `builders.rs`: one request builder per operation.
pub fn builders(model: &Model) -> Items<'_> {
    Items {
        // What builders use, named as they are (`vocabulary::builder_imports` keeps builder names
        // clear of them); a spec without query parameters or event streams leaves some unused.
        // The multipart functions stay qualified: the runtime has them only for APIs that send
        // multipart bodies.
        prelude: {
            let runtime = crate::vocabulary::RUNTIME_IMPORTS
                .iter()
                .map(|name| ident(name));
            let own = crate::vocabulary::CRATE_IMPORTS
                .iter()
                .map(|name| ident(name));
            quote! {
                //! Request builders: set optional parameters, then `.send().await`.

                #[allow(unused_imports)]
                use crate::runtime::{ #( #runtime ),* };
                #[allow(unused_imports)]
                use crate::{ #( #own ),* };
            }
        },
        // A builder's text grows with its parameters: a field, a setter and a line of `send` each.
        weights: model
            .operations
            .iter()
            .map(|op| 1 + op.params.len() / 4)
            .collect(),
        item: Box::new(|i| {
            let op = &model.operations[i];
            crate::emit::gate(
                &crate::emit::group_feature(model, op.group.as_deref()),
                builder(model, op),
            )
        }),
    }
}

fn builder(model: &Model, op: &Operation) -> TokenStream {
    let name = builder_name(op);
    let doc = crate::emit::doc_literal(&format!(
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
        .map(|paging| crate::emit::paging::streams(model, op, paging));
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
