//! `pages()` and `items()` on the request builders of paginated operations: streams that
//! fetch the next page only when polled, and end after the last one.

use super::{ident, rust_type, StdNames};
use crate::ir::{CursorSource, Model, Operation, PageStyle, Pagination, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The two stream methods, for a builder whose `send` returns `ResponseValue<page>`.
pub fn streams(model: &Model, op: &Operation, paging: &Pagination) -> TokenStream {
    let outcome = &op.outcome;
    let Some(page_ty) = outcome.success.as_ref() else {
        return TokenStream::new();
    };
    let page_ty = rust_type(model, page_ty, &quote!(crate::models), StdNames::Prelude);
    let item_ty = rust_type(
        model,
        &paging.item_ty,
        &quote!(crate::models),
        StdNames::Prelude,
    );
    let error = outcome.error.as_ref().map_or_else(
        || quote!(()),
        |ty| rust_type(model, ty, &quote!(crate::models), StdNames::Prelude),
    );
    // A page's items: a field of the page, or the page itself (an array).
    let (items_ref, items_of_page, items_of_body) = if paging.items.is_empty() {
        (quote!(&*page), quote!(page), quote!(page.into_inner()))
    } else {
        let items = ident(&paging.items);
        (
            quote!(&page.#items),
            quote!(page.#items),
            quote!(page.into_inner().#items),
        )
    };
    let next = next_request(paging);
    let how = match &paging.style {
        PageStyle::Offset => "the offset advances by the items received",
        PageStyle::Page => "the page number advances by one",
        PageStyle::Cursor(_) => "the cursor comes from the response",
        PageStyle::Link(_) => {
            "the page parameter comes from the `Link` header's `rel=\"next\"` URL"
        }
    };
    let pages_doc = format!(
        " Every page from this request's on, each fetched when the stream is polled ({how}); \
         the stream ends after a page that is empty or says it is the last, before a page or a \
         cursor that came before (a server that ignores the page parameter), or after an error. \
         `StreamExt::take` caps the number of pages."
    );
    quote! {
        #[doc = #pages_doc]
        pub fn pages(self) -> impl ::futures_core::Stream<Item = Result<ResponseValue<#page_ty>, Error<#error>>> + 'a {
            let seen = crate::runtime::paging::Seen::default();
            ::futures_util::stream::try_unfold((Some(self), seen), |(request, mut seen)| async move {
                let Some(request) = request else {
                    return Ok(None);
                };
                let next = request.clone();
                let page = request.send().await?;
                if !seen.new_page(#items_ref) {
                    return Ok(None);
                }
                let received = #items_of_page.len();
                let next = #next;
                Ok(Some((page, (next, seen))))
            })
        }

        /// Every item of every page from this request's on, fetched page by page as the
        /// stream is polled (see [`Self::pages`]).
        pub fn items(self) -> impl ::futures_core::Stream<Item = Result<#item_ty, Error<#error>>> + 'a {
            let pages = ::futures_util::TryStreamExt::map_ok(self.pages(), |page| {
                ::futures_util::stream::iter(
                    #items_of_body.into_iter().map(Ok::<_, Error<#error>>),
                )
            });
            ::futures_util::TryStreamExt::try_flatten(pages)
        }
    }
}

/// `Option<Self>`: the request for the page after `page`, given `next` (a clone of the request
/// just sent) and `received` (how many items it had).
fn next_request(paging: &Pagination) -> TokenStream {
    let param = ident(&paging.param);
    let more = more(paging);
    let start = Literal::i64_unsuffixed(paging.start);
    match &paging.style {
        PageStyle::Offset => {
            let total = paging.total.as_ref().map(|total| {
                let optional = total.optional;
                let total = ident(&total.name);
                if optional {
                    quote!(&& page.#total.is_none_or(|total| crate::runtime::paging::before(offset, total)))
                } else {
                    quote!(&& crate::runtime::paging::before(offset, page.#total))
                }
            });
            quote! {{
                let offset = crate::runtime::paging::advance(next.#param, #start, received);
                (#more #total).then(|| next.#param(offset))
            }}
        }
        PageStyle::Page => quote! {{
            let number = crate::runtime::paging::advance(next.#param, #start, 1);
            (#more).then(|| next.#param(number))
        }},
        PageStyle::Link(wire) => {
            let param_ty = match paging.param_ty {
                TypeRef::I32 => quote!(i32),
                TypeRef::I64 => quote!(i64),
                TypeRef::F32 => quote!(f32),
                TypeRef::F64 => quote!(f64),
                _ => quote!(String),
            };
            // Parsed as the parameter's type; a value that is not one ends the list.
            quote! {
                match crate::runtime::paging::link_next(page.headers(), #wire).and_then(|value| value.parse::<#param_ty>().ok()) {
                    Some(value) if #more && seen.new_cursor(&value) => Some(next.#param(value)),
                    _ => None,
                }
            }
        }
        PageStyle::Cursor(source) => {
            let cursor = match source {
                CursorSource::LastItem(field) => {
                    let field = ident(field);
                    let items = ident(&paging.items);
                    let take = copy_or_clone(&paging.param_ty);
                    quote!(page.#items.last().map(|item| item.#field #take))
                }
                CursorSource::Field(source) => {
                    let field = ident(&source.name);
                    let take = copy_or_clone(&paging.param_ty);
                    let cursor = if source.optional {
                        quote!(page.#field #take)
                    } else {
                        quote!(Some(page.#field #take))
                    };
                    if paging.param_ty == TypeRef::String {
                        quote!(#cursor.filter(|cursor| !cursor.is_empty()))
                    } else {
                        cursor
                    }
                }
            };
            // A cursor that does not move, or comes round again, would fetch pages forever.
            quote! {
                match #cursor {
                    Some(cursor) if #more && next.#param.as_ref() != Some(&cursor) && seen.new_cursor(&cursor) => {
                        Some(next.#param(cursor))
                    }
                    _ => None,
                }
            }
        }
    }
}

/// `.clone()` for a cursor type that is not `Copy`.
fn copy_or_clone(ty: &TypeRef) -> Option<TokenStream> {
    let copy = matches!(
        ty,
        TypeRef::Bool
            | TypeRef::I32
            | TypeRef::I64
            | TypeRef::F32
            | TypeRef::F64
            | TypeRef::DateTime
            | TypeRef::Date
    );
    (!copy).then(|| quote!(.clone()))
}

/// Whether the page says more follow: it has items, and `has_more` (if any) is not false.
fn more(paging: &Pagination) -> TokenStream {
    match &paging.has_more {
        Some(has_more) if has_more.optional => {
            let field = ident(&has_more.name);
            quote!(received > 0 && page.#field != Some(false))
        }
        Some(has_more) => {
            let field = ident(&has_more.name);
            quote!(received > 0 && page.#field)
        }
        None => quote!(received > 0),
    }
}
