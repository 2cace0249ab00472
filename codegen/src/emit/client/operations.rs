//! `operations.rs`: each operation as a method on `Client` or on its tag group, with its docs.

use super::{argument, builder_name, group_type, is_argument, models};
use crate::emit::{ident, rust_type, Items, StdNames};
use crate::ir::{Model, Operation, ParamLocation, StatusCode, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

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
                crate::emit::gate(
                    &crate::emit::group_feature(model, Some(groups[group].name)),
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
        let ty = group_type(model, self.name);
        let doc = format!(" Operations tagged `{}`.", self.tag);
        let cfg = crate::emit::group_feature(model, Some(self.name))
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
        let ty = group_type(model, self.name);
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
    let lines = crate::emit::doc_lines(&text);
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
