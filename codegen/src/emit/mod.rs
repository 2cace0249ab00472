//! Emitters: IR in, `TokenStream`s out. They never see `openapiv3` types.

pub mod caller;
pub mod cargo;
pub mod client;
pub mod crates;
pub mod deserialize;
pub mod models;
pub mod paging;
pub mod readme;

use crate::ir::{Field, Model, Presence, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// A file of independent items, rendered in chunks by [`crate::render::rust_items`].
pub struct Items<'m> {
    /// Inner doc comments and attributes, before the items.
    pub prelude: TokenStream,
    /// Each item's size in its file's unit (a type, a builder, a method): how the file is
    /// cut into rendering chunks. There is one weight per item.
    pub weights: Vec<usize>,
    /// The i-th item's tokens.
    pub item: Box<dyn Fn(usize) -> TokenStream + Sync + 'm>,
}

/// `#[doc]` attributes for optional spec prose, one per line, made rustdoc-safe.
pub fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text else {
        return TokenStream::new();
    };
    let lines = crate::doc::sanitize(text);
    let lines = doc_lines(&lines);
    quote! { #( #[doc = #lines] )* }
}

/// Doc text as `#[doc]` strings, one per line, each with rustdoc's customary leading space.
pub fn doc_lines(text: &str) -> Vec<proc_macro2::Literal> {
    text.lines()
        .map(|line| match line {
            "" => proc_macro2::Literal::string(""),
            line => doc_literal(&format!(" {line}")),
        })
        .collect()
}

/// A doc line as a raw string literal (`r"…"`, with as many `#` as the line needs), which
/// prettyplease prints as the same `///` comment as an escaped one. Docs are most of a large
/// spec's output: quote escaped each line character by character, and syn unescaped it twice
/// (reading the literal, then printing the comment). A line a raw string cannot hold (a
/// carriage return) is escaped as before.
pub(super) fn doc_literal(line: &str) -> proc_macro2::Literal {
    // One `#` more than the longest run of `#` after a quote in the line.
    let hashes = line
        .match_indices('"')
        .map(|(at, _)| 1 + line[at + 1..].bytes().take_while(|b| *b == b'#').count())
        .max()
        .unwrap_or(0);
    let fence = "#".repeat(hashes);
    match line.contains('\r') {
        false => format!("r{fence}\"{line}\"{fence}")
            .parse()
            .unwrap_or_else(|_| proc_macro2::Literal::string(line)),
        true => proc_macro2::Literal::string(line),
    }
}

/// `tokens`' items, each compiled only with one of the cargo `features` (always, when there
/// are none): how a tag group's operations and the models only they reach are switched off.
pub fn gate(features: &[&str], tokens: TokenStream) -> TokenStream {
    if features.is_empty() {
        return tokens;
    }
    let attribute: syn::Attribute = match features {
        [one] => syn::parse_quote!(#[cfg(feature = #one)]),
        many => syn::parse_quote!(#[cfg(any(#( feature = #many ),*))]),
    };
    // Tokens that do not parse are left for rendering to report.
    let Ok(mut file) = syn::parse2::<syn::File>(tokens.clone()) else {
        return tokens;
    };
    for item in &mut file.items {
        if let Some(attrs) = item_attrs(item) {
            attrs.insert(0, attribute.clone());
        }
    }
    quote!(#file)
}

/// The attributes of the items emitters write.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Const(item) => &mut item.attrs,
        syn::Item::Enum(item) => &mut item.attrs,
        syn::Item::Fn(item) => &mut item.attrs,
        syn::Item::Impl(item) => &mut item.attrs,
        syn::Item::Mod(item) => &mut item.attrs,
        syn::Item::Static(item) => &mut item.attrs,
        syn::Item::Struct(item) => &mut item.attrs,
        syn::Item::Trait(item) => &mut item.attrs,
        syn::Item::Type(item) => &mut item.attrs,
        syn::Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}

/// The features that compile a type (none: always compiled).
pub fn type_features(model: &Model, id: crate::ir::TypeId) -> Vec<&str> {
    model
        .group_features
        .as_ref()
        .map(|features| features.of_type(id))
        .unwrap_or_default()
}

/// The feature that compiles a tag group (none: always compiled).
pub fn group_feature<'m>(model: &'m Model, group: Option<&str>) -> Vec<&'m str> {
    model
        .group_features
        .as_ref()
        .zip(group)
        .and_then(|(features, group)| features.of_group(group))
        .into_iter()
        .collect()
}

/// An identifier, raw (`r#type`) where the name says so. Made directly rather than with
/// `format_ident!`, which formats the name into a new string first: emitters make millions.
pub fn ident(name: &str) -> proc_macro2::Ident {
    let span = proc_macro2::Span::call_site();
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, span),
        None => proc_macro2::Ident::new(name, span),
    }
}

/// How generated code names the standard library's `Option`, `Result`, `String` and `Vec`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdNames {
    /// By absolute path (`::std::option::Option`): in the models crate, whose type names are
    /// the spec's (a schema may well be called `Result` or `Option`), and in code compiled in
    /// the caller's crate.
    Absolute,
    /// By their prelude names: in the client's builders and operations, where every type
    /// name is settled clear of the prelude ([`crate::vocabulary::PRELUDE`]), and in a models crate
    /// none of whose types takes a prelude name ([`StdNames::for_models`]). Absolute paths made
    /// a large spec's builders 18 % more tokens to build, parse and print, and harder to read.
    Prelude,
}

impl StdNames {
    /// The models crate's choice: the prelude's names, unless one of its types takes one
    /// (a schema called `Result`, say), which would shadow it in `types.rs`. Types keep the
    /// spec's names either way.
    pub fn for_models(model: &Model) -> StdNames {
        match model
            .types
            .iter()
            .any(|def| crate::vocabulary::PRELUDE.contains(&def.name.as_str()))
        {
            true => StdNames::Absolute,
            false => StdNames::Prelude,
        }
    }

    /// `Some`.
    pub fn some(self) -> TokenStream {
        self.path(&["option", "Option", "Some"])
    }

    /// `None`.
    pub fn none(self) -> TokenStream {
        self.path(&["option", "Option", "None"])
    }

    /// `Ok`.
    pub fn ok(self) -> TokenStream {
        self.path(&["result", "Result", "Ok"])
    }

    /// `Default`.
    pub fn default(self) -> TokenStream {
        self.path(&["default", "Default"])
    }

    /// `Option`.
    pub fn option(self) -> TokenStream {
        self.path(&["option", "Option"])
    }

    /// `Result`.
    pub fn result(self) -> TokenStream {
        self.path(&["result", "Result"])
    }

    /// `String`.
    pub fn string(self) -> TokenStream {
        self.path(&["string", "String"])
    }

    /// `Vec`.
    pub fn vec(self) -> TokenStream {
        self.path(&["vec", "Vec"])
    }

    /// `Option::is_none`, as a path in a string (`skip_serializing_if`).
    pub fn is_none(self) -> &'static str {
        match self {
            StdNames::Absolute => "::std::option::Option::is_none",
            StdNames::Prelude => "Option::is_none",
        }
    }

    /// An item of `std` by its path below `std`: in full (`::std::option::Option::Some`), or
    /// by the prelude's name for it, the path's last segment (`Some`).
    fn path(self, segments: &[&str]) -> TokenStream {
        let idents = segments.iter().map(|segment| ident(segment));
        match self {
            StdNames::Absolute => quote!(::std #( :: #idents )*),
            StdNames::Prelude => {
                let last = segments.last().map(|segment| ident(segment));
                quote!(#last)
            }
        }
    }
}

/// The Rust type for a type reference, with absolute paths (but for `std`'s prelude, as `std`
/// says) so output needs no imports. `crate_path` is how named types are reached (`crate`
/// inside the models crate).
pub fn rust_type(
    model: &Model,
    ty: &TypeRef,
    crate_path: &TokenStream,
    std: StdNames,
) -> TokenStream {
    match ty {
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::String => std.string(),
        TypeRef::DateTime => quote!(#crate_path::date_time::DateTime),
        TypeRef::Date => quote!(#crate_path::date_time::Date),
        TypeRef::Json => quote!(::serde_json::Value),
        TypeRef::Bytes => {
            let vec = std.vec();
            quote!(#vec<u8>)
        }
        TypeRef::Binary => quote!(#crate_path::Binary),
        TypeRef::Array(inner) => {
            let (vec, inner) = (std.vec(), rust_type(model, inner, crate_path, std));
            quote!(#vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let (string, inner) = (std.string(), rust_type(model, inner, crate_path, std));
            quote!(::std::collections::BTreeMap<#string, #inner>)
        }
        TypeRef::Nullable(inner) => {
            let (option, inner) = (std.option(), rust_type(model, inner, crate_path, std));
            quote!(#option<#inner>)
        }
        TypeRef::Named(id) => {
            let name = ident(&model.ty(*id).name);
            quote!(#crate_path::#name)
        }
    }
}

/// Whether a type is read through `support::lenient`: it holds date-times (read without an
/// offset too) or integers (read from `1.0` too). Aliases count.
pub fn needs_lenient(model: &Model, ty: &TypeRef) -> bool {
    holds(model, ty, &|leaf| {
        matches!(
            leaf,
            TypeRef::DateTime | TypeRef::Date | TypeRef::I32 | TypeRef::I64
        )
    })
}

/// Whether a type is binary content (`format: binary`) the multipart runtime sends as file
/// parts: a `Binary`, or a list or nullable of them (through aliases). A map of them is not:
/// it has no part name per entry, and goes as a text part like any other value.
pub fn is_file_parts(model: &Model, ty: &TypeRef) -> bool {
    match model.resolve_alias(ty) {
        TypeRef::Binary => true,
        TypeRef::Array(inner) | TypeRef::Nullable(inner) => is_file_parts(model, inner),
        _ => false,
    }
}

/// Whether a type holds floating-point numbers, which are checked to be finite when sent.
pub fn holds_float(model: &Model, ty: &TypeRef) -> bool {
    holds(model, ty, &|leaf| {
        matches!(leaf, TypeRef::F32 | TypeRef::F64)
    })
}

/// Whether `leaf` holds for the type itself or for what its arrays, maps, nullables and
/// aliases contain (named structs, enums and unions handle their own contents).
fn holds(model: &Model, ty: &TypeRef, leaf: &dyn Fn(&TypeRef) -> bool) -> bool {
    let mut current = ty;
    // Alias chains are acyclic (lowering rejects cycles); the bound only guards the loop.
    for _ in 0..=model.types.len() {
        match current {
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                current = inner
            }
            TypeRef::Named(id) => match &model.ty(*id).kind {
                crate::ir::TypeKind::Alias(inner) => current = inner,
                _ => return false,
            },
            other => return leaf(other),
        }
    }
    false
}

/// The field's Rust type, presence wrapper included.
fn field_type(model: &Model, f: &Field, std: StdNames) -> TokenStream {
    field_type_in(model, f, &quote!(crate), std)
}

/// [`field_type`], with the models crate reached through `krate`.
fn field_type_in(model: &Model, f: &Field, krate: &TokenStream, std: StdNames) -> TokenStream {
    let mut ty = rust_type(model, &f.ty, krate, std);
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    match f.presence {
        Presence::Required | Presence::Defaulted | Presence::Flattened => ty,
        Presence::Optional | Presence::RequiredNullable => {
            let option = std.option();
            quote!(#option<#ty>)
        }
        Presence::OptionalNullable => quote!(#krate::Nullable<#ty>),
    }
}

#[cfg(test)]
mod tests {
    use super::doc_literal;
    use quote::quote;

    /// What prettyplease prints for a struct documented by `doc`.
    fn printed(doc: proc_macro2::Literal) -> String {
        prettyplease::unparse(&syn::parse2(quote!(#[doc = #doc] struct S;)).unwrap())
    }

    #[test]
    fn a_raw_doc_line_prints_as_the_escaped_one_does() {
        let lines = [
            " plain `code` and [links](crate::X)",
            " a \"quote\" and a backslash \\ and a tab\there",
            " \"# and \"## need more hashes",
            " unicode: é, 漢字, 🦀",
            " a carriage\rreturn",
            "",
        ];
        for line in lines {
            let raw = doc_literal(line);
            assert_eq!(
                printed(raw.clone()),
                printed(proc_macro2::Literal::string(line)),
                "{line:?}"
            );
            let expect_raw = !line.contains('\r');
            assert_eq!(raw.to_string().starts_with('r'), expect_raw, "{raw}");
        }
        assert_eq!(doc_literal(" \"## x").to_string(), "r###\" \"## x\"###");
    }
}
