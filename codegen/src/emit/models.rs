//! IR types → the models crate: structs, string and integer enums, tagged and untagged
//! unions, and aliases.

use super::{
    doc_attrs, doc_literal, field_type, holds_float, ident, needs_lenient, rust_type, Items,
    StdNames,
};
use crate::ir::{
    Enum, Field, Model, Presence, Struct, TypeDef, TypeKind, Union, UnionTag, UnionVariant,
};
use proc_macro2::TokenStream;
use quote::quote;

/// The models crate's `lib.rs`: crate docs and the modules.
pub fn models_lib(crate_doc: &str, model: &Model) -> TokenStream {
    let crate_doc = super::doc_lines(crate_doc);
    // A spec without any schema has no types to re-export (an unused import otherwise).
    let types = match (model.types.is_empty(), &model.group_features) {
        (true, _) => None,
        // With no group's feature on, every type may be compiled out.
        (false, Some(_)) => Some(quote!(
            #[allow(unused_imports)]
            pub use types::*;
        )),
        (false, None) => Some(quote!(
            pub use types::*;
        )),
    };
    let builders = has_builders(model).then(|| {
        quote!(
            pub mod builder;
        )
    });
    quote! {
        #( #![doc = #crate_doc] )*

        mod support;
        mod types;
        #builders

        pub use support::{date_time, Binary, MissingField, Nullable};
        #types
    }
}

/// The structs built by naming their fields (see [`Struct::built_by_name`]), in name order.
fn named_builds(model: &Model) -> Vec<(crate::ir::TypeId, &TypeDef, &Struct)> {
    let mut structs: Vec<(crate::ir::TypeId, &TypeDef, &Struct)> = model
        .types
        .iter()
        .enumerate()
        .filter(|(_, def)| def.constructible)
        .filter_map(|(id, def)| match &def.kind {
            TypeKind::Struct(s) if s.built_by_name() => Some((crate::ir::TypeId(id), def, s)),
            _ => None,
        })
        .collect();
    structs.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    structs
}

/// Whether the models crate has a `builder` module.
pub fn has_builders(model: &Model) -> bool {
    !named_builds(model).is_empty()
}

/// The models crate's `builder.rs`: a builder for each struct built by naming its fields.
pub fn models_builders(model: &Model) -> TokenStream {
    let std = StdNames::for_models(model);
    let builders = named_builds(model).into_iter().map(|(id, def, s)| {
        let tokens = builder(model, &ident(&def.name), s, std);
        super::gate(&super::type_features(model, id), tokens)
    });
    quote! {
        //! Builders for the types whose required fields share a type, where positional
        //! arguments could be swapped without a compiler error: each required field is set by
        //! name, and `build()` names the first one left unset.

        #( #builders )*
    }
}

/// The builder of one struct: its required fields, each `Option`al until set.
fn builder(model: &Model, name: &proc_macro2::Ident, s: &Struct, std: StdNames) -> TokenStream {
    let required = s.constructor_fields();
    let option = std.option();
    let slots = required.iter().map(|f| {
        let (field, ty) = (ident(&f.name), field_type(model, f, std));
        quote!(#field: #option<#ty>,)
    });
    let setters = required.iter().map(|f| {
        let (field, ty) = (ident(&f.name), field_type(model, f, std));
        let doc = format!(
            " Sets the required field `{}` (`{}` on the wire).",
            f.name.trim_start_matches("r#"),
            f.wire_name
        );
        quote! {
            #[doc = #doc]
            pub fn #field(mut self, value: impl Into<#ty>) -> Self {
                self.#field = Some(value.into());
                self
            }
        }
    });
    let type_name = name.to_string();
    let inits = field_inits(s, std, |field| {
        let bare = field.to_string();
        let bare = bare.trim_start_matches("r#");
        quote!(#field: self.#field.ok_or(crate::MissingField { type_name: #type_name, field: #bare })?)
    });
    let finish = ident(&finisher_name(&required));
    let doc = format!(" Builds a [`{type_name}`](crate::{type_name}): set every required field by name, then call `{finish}()`.");
    let finish_doc = " The value, its optional fields absent (or at their default); fails naming the first required field not set.";
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Default)]
        #[must_use = "a builder does nothing until it is built"]
        pub struct #name {
            #( #slots )*
        }

        #[allow(deprecated)]
        impl #name {
            #( #setters )*

            #[doc = #finish_doc]
            pub fn #finish(self) -> ::std::result::Result<crate::#name, crate::MissingField> {
                ::std::result::Result::Ok(crate::#name { #( #inits ),* })
            }
        }
    }
}

/// `build`, or `build_2`, ... while a required field (whose setter it would meet) has that name.
pub(super) fn finisher_name(required: &[&Field]) -> String {
    let taken = |name: &str| {
        required
            .iter()
            .any(|f| f.name.trim_start_matches("r#") == name)
    };
    let mut name = "build".to_owned();
    let mut n = 1;
    while taken(&name) {
        n += 1;
        name = format!("build_{n}");
    }
    name
}

/// The initialiser of every field of a struct value: required fields by `required(field)`,
/// the others absent (or at their default).
fn field_inits(
    s: &Struct,
    std: StdNames,
    required: impl Fn(&proc_macro2::Ident) -> TokenStream,
) -> Vec<TokenStream> {
    let (none, default) = (std.none(), std.default());
    let mut inits = Vec::new();
    for f in &s.fields {
        let field = ident(&f.name);
        inits.push(match f.presence {
            Presence::Required | Presence::RequiredNullable | Presence::Flattened => {
                required(&field)
            }
            Presence::Optional => quote!(#field: #none),
            Presence::OptionalNullable => quote!(#field: crate::Nullable::Absent),
            Presence::Defaulted => quote!(#field: #default::default()),
        });
    }
    if s.additional.is_some() {
        let extra = ident(&s.extra_field_name());
        inits.push(quote!(#extra: ::std::collections::BTreeMap::new()));
    }
    inits
}

/// The models crate's `types.rs`: every type, in name order.
pub fn models_types(model: &Model) -> Items<'_> {
    let mut types: Vec<crate::ir::TypeId> = (0..model.types.len()).map(crate::ir::TypeId).collect();
    types.sort_by(|a, b| model.ty(*a).name.cmp(&model.ty(*b).name));
    let std = StdNames::for_models(model);
    Items {
        prelude: quote! {
            //! Every schema of the spec as a Rust type.
            #![allow(clippy::large_enum_variant)]
        },
        weights: types.iter().map(|id| type_weight(model.ty(*id))).collect(),
        item: Box::new(move |i| {
            let tokens = type_def(model, model.ty(types[i]), std);
            super::gate(&super::type_features(model, types[i]), tokens)
        }),
    }
}

/// A type's rendering weight, in types of a few fields: a struct's text (and its
/// `Deserialize`) grows with its fields, and a chunk of 32 types with hundreds of fields each
/// would hold tens of megabytes of tokens and syntax at once.
fn type_weight(def: &TypeDef) -> usize {
    let members = match &def.kind {
        TypeKind::Struct(s) => s.fields.len(),
        TypeKind::Enum(e) => e.values.len() / 4,
        TypeKind::Union(u) => u.variants.len(),
        TypeKind::Alias(_) => 0,
    };
    1 + members / 8
}

fn type_def(model: &Model, def: &TypeDef, std: StdNames) -> TokenStream {
    let name = ident(&def.name);
    let doc = doc_attrs(def.doc.as_deref());
    let origin = match &def.component {
        Some(component) => format!(" Schema `{component}` (`{}`).", def.origin),
        None => format!(" Inline schema at `{}`.", def.origin),
    };
    let separator = def.doc.as_ref().map(|_| quote!(#[doc = ""]));
    let origin = doc_literal(&origin);
    let docs = quote! { #doc #separator #[doc = #origin] };
    match &def.kind {
        TypeKind::Struct(s) => struct_def(model, def, &name, docs, s, std),
        TypeKind::Enum(e) if e.integer => integer_enum_def(&name, docs, e, std),
        TypeKind::Enum(e) => enum_def(&name, docs, e, std),
        TypeKind::Union(Union {
            variants,
            tag: None,
        }) => union_def(model, &name, docs, variants, std),
        TypeKind::Union(Union {
            variants,
            tag: Some(tag),
        }) => tagged_union_def(model, &name, docs, variants, tag, std),
        TypeKind::Alias(ty) => {
            let ty = rust_type(model, ty, &quote!(crate), std);
            quote! { #docs pub type #name = #ty; }
        }
    }
}

fn struct_def(
    model: &Model,
    def: &TypeDef,
    name: &proc_macro2::Ident,
    docs: TokenStream,
    s: &Struct,
    std: StdNames,
) -> TokenStream {
    let default = def.derive_default.then(|| quote!(Default,));
    let fields = s.fields.iter().map(|f| field(model, f, std));
    let additional = s.additional.as_ref().map(|ty| {
        let ty = rust_type(model, ty, &quote!(crate), std);
        let field = ident(&s.extra_field_name());
        let string = std.string();
        quote! {
            /// Properties beyond the ones listed above, as the spec allows.
            #[serde(flatten)]
            pub #field: ::std::collections::BTreeMap<#string, #ty>,
        }
    });
    let deserialize = super::deserialize::struct_impl(model, name, s, std);
    // Only callers' own values need a constructor; received ones are read (and built for test
    // fixtures from JSON, or with `Default` where the type has one).
    let constructor = def.constructible.then(|| constructor(model, name, s, std));
    // Every struct may gain optional properties in a minor release: outside this crate, values
    // are built with `new` and field assignment, never with a struct literal that a new field
    // would break. See the README's semver table.
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize)]
        #[non_exhaustive]
        pub struct #name {
            #( #fields )*
            #additional
        }

        #constructor

        #deserialize
    }
}

/// `new`, taking the fields a value must have: the only way to build a `#[non_exhaustive]`
/// struct outside its crate, and one that keeps compiling when an optional field is added.
/// Every other field starts absent (or at its default) and is public. Where two required
/// fields share a type, `builder()` instead (see `crate::builder`).
fn constructor(model: &Model, name: &proc_macro2::Ident, s: &Struct, std: StdNames) -> TokenStream {
    if s.built_by_name() {
        let doc = format!(
            " Starts building a value: set each required field by name (a field left unset fails `{}()`).",
            finisher_name(&s.constructor_fields())
        );
        return quote! {
            impl #name {
                #[doc = #doc]
                pub fn builder() -> crate::builder::#name {
                    // By the trait's path: a field called `default` has a setter of that name.
                    <crate::builder::#name as ::core::default::Default>::default()
                }
            }
        };
    }
    let args: Vec<TokenStream> = s
        .constructor_fields()
        .into_iter()
        .map(|f| {
            let (field, ty) = (ident(&f.name), field_type(model, f, std));
            quote!(#field: #ty)
        })
        .collect();
    let inits = field_inits(s, std, |field| quote!(#field));
    let many = (args.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let doc = if args.is_empty() {
        " Every field absent, or at its default.".to_owned()
    } else {
        " From the fields a value must have; the others start absent (or at their default) and can be set afterwards.".to_owned()
    };
    quote! {
        #[allow(deprecated)]
        impl #name {
            #[doc = #doc]
            #many
            pub fn new(#( #args ),*) -> Self {
                Self { #( #inits ),* }
            }
        }
    }
}

fn field(model: &Model, f: &Field, std: StdNames) -> TokenStream {
    let name = ident(&f.name);
    let ty = field_type(model, f, std);
    let doc = doc_attrs(f.doc.as_deref());
    let default_doc = match (&f.default, f.presence) {
        (Some(value), Presence::Defaulted) => Some(format!(" Defaults to `{value}` when absent.")),
        (Some(value), _) => Some(format!(" The server assumes `{value}` when absent.")),
        (None, _) => None,
    };
    let default_doc = default_doc.map(|text| {
        let separator = f.doc.as_ref().map(|_| quote!(#[doc = ""]));
        quote!(#separator #[doc = #text])
    });
    let deprecated = f.deprecated.then(|| quote!(#[deprecated]));
    // Only serialization attributes: deserialization is a hand-emitted impl (see `deserialize.rs`).
    let mut serde = Vec::new();
    let bare = f.name.strip_prefix("r#").unwrap_or(&f.name);
    if bare != f.wire_name && f.presence != Presence::Flattened {
        let wire = &f.wire_name;
        serde.push(quote!(rename = #wire));
    }
    match f.presence {
        Presence::Required | Presence::RequiredNullable => {}
        Presence::Defaulted => {
            serde.push(quote!(skip_serializing_if = "crate::support::is_default"))
        }
        Presence::Optional => {
            let is_none = std.is_none();
            serde.push(quote!(skip_serializing_if = #is_none))
        }
        Presence::OptionalNullable => {
            serde.push(quote!(skip_serializing_if = "crate::Nullable::is_absent"))
        }
        Presence::Flattened => serde.push(quote!(flatten)),
    }
    if holds_float(model, &f.ty) {
        serde.push(quote!(serialize_with = "crate::support::finite::serialize"));
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    quote! {
        #doc
        #default_doc
        #deprecated
        #serde
        pub #name: #ty,
    }
}

fn enum_def(name: &proc_macro2::Ident, docs: TokenStream, e: &Enum, std: StdNames) -> TokenStream {
    let string = std.string();
    let variants: Vec<_> = e.values.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<String> = e.values.iter().map(|v| v.wire.to_string()).collect();
    let variant_docs = e
        .values
        .iter()
        .map(|v| doc_literal(&format!(" `{}`", v.wire)));
    let other = ident(&e.other);
    let serde_impls = super::deserialize::string_enum_impls(name, std);
    quote! {
        #docs
        ///
        /// Values the spec does not list are kept in the last variant, so a server that adds
        /// a value never breaks deserialization, and the value round-trips unchanged.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #[doc = #variant_docs]
                #variants,
            )*
            /// A value the spec does not list, kept exactly as received.
            #other(#string),
        }

        impl #name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #wires, )*
                    Self::#other(value) => value,
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #wires => Self::#variants, )*
                    other => Self::#other(other.to_owned()),
                }
            }
        }

        #serde_impls
    }
}

/// An integer enum: like a string enum, with the number as its wire value.
fn integer_enum_def(
    name: &proc_macro2::Ident,
    docs: TokenStream,
    e: &Enum,
    std: StdNames,
) -> TokenStream {
    let (result, ok) = (std.result(), std.ok());
    let variants: Vec<_> = e.values.iter().map(|v| ident(&v.name)).collect();
    let numbers: Vec<_> = e
        .values
        .iter()
        .map(|v| match &v.wire {
            crate::ir::EnumWire::Integer(number) => proc_macro2::Literal::i64_unsuffixed(*number),
            crate::ir::EnumWire::Text(text) => proc_macro2::Literal::string(text),
        })
        .collect();
    let variant_docs = e
        .values
        .iter()
        .map(|v| doc_literal(&format!(" `{}`", v.wire)));
    let other = ident(&e.other);
    quote! {
        #docs
        ///
        /// Values the spec does not list are kept in the last variant, so a server that adds
        /// a value never breaks deserialization, and the value round-trips unchanged.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #[doc = #variant_docs]
                #variants,
            )*
            /// A value the spec does not list, kept exactly as received.
            #other(i64),
        }

        impl #name {
            /// The value as it appears on the wire.
            pub fn value(&self) -> i64 {
                match self {
                    #( Self::#variants => #numbers, )*
                    Self::#other(value) => *value,
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::std::convert::From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #( #numbers => Self::#variants, )*
                    other => Self::#other(other),
                }
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                // Read like every integer: `1.0` is 1.
                let raw = <<i64 as crate::support::lenient::FromLenient>::Raw as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                #ok(Self::from(<i64 as crate::support::lenient::FromLenient>::from_raw(raw)))
            }
        }
    }
}

fn union_def(
    model: &Model,
    name: &proc_macro2::Ident,
    docs: TokenStream,
    variants: &[UnionVariant],
    std: StdNames,
) -> TokenStream {
    let variants = variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = rust_type(model, &v.ty, &quote!(crate), std);
        let lenient = needs_lenient(model, &v.ty)
            .then(|| quote!(#[serde(deserialize_with = "crate::support::lenient::deserialize")]));
        let finite = holds_float(model, &v.ty)
            .then(|| quote!(#[serde(serialize_with = "crate::support::finite::serialize")]));
        quote!(#lenient #finite #variant(#ty),)
    });
    quote! {
        #docs
        ///
        /// Deserialized untagged: the first alternative that accepts the JSON value wins.
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(untagged)]
        pub enum #name {
            #( #variants )*
        }
    }
}

/// A union told apart by a tag property: read by that property's value, so that one
/// alternative's error is reported as such (not as "no alternative matched"), and an object
/// with a value the spec does not list is kept whole in the `other` variant. Written out
/// rather than derived: serde's internally tagged enums drop the tag from the object before
/// the variant's struct sees it, and these structs keep it as a field.
fn tagged_union_def(
    model: &Model,
    name: &proc_macro2::Ident,
    docs: TokenStream,
    variants: &[UnionVariant],
    tag: &UnionTag,
    std: StdNames,
) -> TokenStream {
    let (some, result, ok) = (std.some(), std.result(), std.ok());
    let property = &tag.property;
    let other = ident(&tag.other);
    let idents: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let patterns = variants.iter().map(|v| {
        let tags = &v.tags;
        quote!(#some(#( #tags )|*))
    });
    let types = variants
        .iter()
        .map(|v| rust_type(model, &v.ty, &quote!(crate), std));
    let variant_docs = variants.iter().map(|v| {
        let tags: Vec<String> = v.tags.iter().map(|tag| format!("`{tag}`")).collect();
        format!(" `{property}` is {}.", tags.join(" or "))
    });
    let about = [
        format!(" Told apart by the `{property}` property; an object whose `{property}` this spec"),
        format!(" does not list (or that has none) is kept as JSON in [`{name}::{other}`]."),
    ];
    let other_doc = format!(" An object whose `{property}` is none of the above.");
    quote! {
        #docs
        #[doc = ""]
        #( #[doc = #about] )*
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #idents(#types), )*
            #[doc = #other_doc]
            #other(::serde_json::Value),
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match value.get(#property).and_then(::serde_json::Value::as_str) {
                    #( #patterns => ::serde_json::from_value(value).map(Self::#idents), )*
                    _ => return #ok(Self::#other(value)),
                }
                .map_err(::serde::de::Error::custom)
            }
        }
    }
}
