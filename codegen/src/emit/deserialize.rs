//! Hand-emitted `Deserialize` impls for structs and string enums.
//!
//! `#[derive(Deserialize)]` is the costliest part of compiling a models crate: for every field
//! it also emits sequence, byte-string and integer-key handling that JSON objects never use.
//! These impls read a map and nothing else, which keeps a rebuild of the models crate about
//! twice as fast, and they express our presence rules (absent, `null`, defaults, lenient
//! date-times and integers, extra properties) directly instead of through attributes.

use super::{ident, needs_lenient, rust_type, StdNames};
use crate::ir::{Model, Presence, Struct};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// `impl Deserialize` for a struct: unknown properties are skipped (or kept, when the spec
/// allows additional properties), duplicates keep the last value.
pub fn struct_impl(model: &Model, name: &Ident, s: &Struct, std: StdNames) -> TokenStream {
    let (some, none, result, ok) = (std.some(), std.none(), std.result(), std.ok());
    let expecting = format!("a `{name}` object");
    let slots: Vec<Ident> = (0..s.fields.len())
        .map(|i| format_ident!("field{}", i))
        .collect();
    let mut declarations = Vec::new();
    let mut arms = Vec::new();
    let mut builds = Vec::new();
    // Composed `allOf` includes each read the properties the struct itself does not know,
    // from a copy of them (the last one takes them).
    let last_included = s
        .fields
        .iter()
        .rposition(|f| f.presence == Presence::Flattened);
    for (index, (field, slot)) in s.fields.iter().zip(&slots).enumerate() {
        let wire = &field.wire_name;
        let rust_name = ident(&field.name);
        let build = match field.presence {
            Presence::Flattened => {
                let rest = if Some(index) == last_included {
                    quote!(__rest)
                } else {
                    quote!(__rest.clone())
                };
                quote! {
                    #rust_name: ::serde::Deserialize::deserialize(::serde_json::Value::Object(#rest))
                        .map_err(<__A::Error as ::serde::de::Error>::custom)?,
                }
            }
            Presence::Required => {
                quote!(#rust_name: #slot.ok_or_else(|| <__A::Error as ::serde::de::Error>::missing_field(#wire))?,)
            }
            Presence::Optional | Presence::RequiredNullable => quote!(#rust_name: #slot.flatten(),),
            Presence::Defaulted | Presence::OptionalNullable => {
                quote!(#rust_name: #slot.unwrap_or_default(),)
            }
        };
        builds.push(build);
        if field.presence == Presence::Flattened {
            // No slot: it reads what is left.
            continue;
        }
        // What each slot holds, and so what is read into it (leniently or not), is inferred
        // from the field it fills: writing the field's type twice more only made every
        // struct's impl longer to render and to read.
        let read = if needs_lenient(model, &field.ty) && !field.boxed {
            quote!(crate::support::lenient::FromLenient::from_raw(
                map.next_value()?
            ))
        } else {
            quote!(map.next_value()?)
        };
        declarations.push(quote!(let mut #slot = #none;));
        arms.push(quote!(#wire => #slot = #some(#read),));
    }
    let (extra_declaration, other_arm, extra_build) = match &s.additional {
        Some(ty) => {
            let extra = ident(&s.extra_field_name());
            let value_ty = rust_type(model, ty, &quote!(crate), std);
            let read = if needs_lenient(model, ty) {
                quote!(<#value_ty as crate::support::lenient::FromLenient>::from_raw(map.next_value()?))
            } else {
                quote!(map.next_value::<#value_ty>()?)
            };
            (
                quote!(let mut #extra = ::std::collections::BTreeMap::new();),
                quote!(_ => { #extra.insert(key.into_owned(), #read); }),
                quote!(#extra,),
            )
        }
        // Lowering keeps no additional properties beside a composed include.
        None if last_included.is_some() => (
            quote!(let mut __rest = ::serde_json::Map::new();),
            quote!(_ => { __rest.insert(key.into_owned(), map.next_value()?); }),
            TokenStream::new(),
        ),
        None => (
            TokenStream::new(),
            quote!(_ => { map.next_value::<::serde::de::IgnoredAny>()?; }),
            TokenStream::new(),
        ),
    };
    quote! {
        // Deprecated fields are still read; the names are `__`-prefixed so that no schema
        // name (`Visitor`, `A`, `D`) can shadow them.
        #[allow(deprecated)]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                struct __Visitor;

                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> #result<#name, __A::Error> {
                        #( #declarations )*
                        #extra_declaration
                        while let #some(key) = map.next_key::<crate::support::Key<'de>>()? {
                            match key.as_str() {
                                #( #arms )*
                                #other_arm
                            }
                        }
                        #ok(#name {
                            #( #builds )*
                            #extra_build
                        })
                    }
                }

                deserializer.deserialize_map(__Visitor)
            }
        }
    }
}

/// `impl Serialize` and `impl Deserialize` for a string enum, through its wire string.
pub fn string_enum_impls(name: &Ident, std: StdNames) -> TokenStream {
    let (result, ok) = (std.result(), std.ok());
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                let key = <crate::support::Key<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                #ok(Self::from(key.as_str()))
            }
        }
    }
}
