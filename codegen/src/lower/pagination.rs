//! The config's `[pagination]` tables, checked against the lowered operations and types; for
//! other operations, the pagination an SDK extension in the spec declares (see
//! `vendor_pagination.rs`), else what their names imply.
//!
//! Every name a table gives (the page parameter, the items, `has_more`, `total`, the cursor)
//! must exist with a type that fits, so a spec change that removes one fails regeneration
//! with the config key instead of generating a stream that never ends.

use crate::config::{ApiConfig, PaginationConfig, PaginationStyle};
use crate::error::{Error, Location, Result};
use crate::ir::{
    CursorSource, Field, Model, Operation, PageField, PageStyle, Pagination, ParamLocation,
    Presence, TypeKind, TypeRef,
};

/// Sets `pagination` on every operation the config names, then infers it for the others.
pub(super) fn resolve(model: &mut Model, config: &ApiConfig, config_file: &str) -> Result<()> {
    for (key, table) in &config.pagination {
        let base = crate::pointer::join("/pagination", key);
        let at = |field: &str| Location {
            file: config_file.to_owned(),
            pointer: if field.is_empty() {
                base.clone()
            } else {
                crate::pointer::join(&base, field)
            },
        };
        let fail = |field: &str, reason: String| Error::Config {
            at: at(field),
            reason,
        };
        let index = model
            .operations
            .iter()
            .position(|op| operation_key(op) == *key)
            .ok_or_else(|| {
                fail(
                    "",
                    format!("no operation has the operationId (or `METHOD /path`) `{key}`"),
                )
            })?;
        if table.style == PaginationStyle::None {
            continue;
        }
        if table.param.is_empty() {
            return Err(fail("param", "`param` is needed for this style".to_owned()));
        }
        if table.items.is_empty() && table.style != PaginationStyle::Link {
            return Err(fail("items", "`items` is needed for this style".to_owned()));
        }
        let pagination = check(model, &model.operations[index], table)
            .map_err(|(field, reason)| fail(field, reason))?;
        model.operations[index].pagination = Some(pagination);
    }
    for index in 0..model.operations.len() {
        let op = &model.operations[index];
        if config.pagination.contains_key(&operation_key(op)) {
            continue;
        }
        if let Some(declared) = &op.declared_pagination {
            match check(model, op, &declared.table) {
                Ok(pagination) => {
                    model.operations[index].pagination = Some(pagination);
                    continue;
                }
                Err((field, reason)) => {
                    let field = if field.is_empty() {
                        String::new()
                    } else {
                        format!("{field}: ")
                    };
                    let warning = crate::ir::Warning {
                        at: declared.at.clone(),
                        message: format!("`{}` does not fit the operation ({field}{reason}); its pagination is inferred from its names instead", declared.extension),
                    };
                    model.warnings.push(warning);
                }
            }
        }
        let op = &model.operations[index];
        if let Some((pagination, table)) = infer(model, op) {
            model.inferred_pagination.push(describe(op, &table));
            model.operations[index].pagination = Some(pagination);
        }
    }
    Ok(())
}

/// Query parameters that take a cursor, and response properties that give the next one, as
/// large public APIs name them.
const CURSOR_PARAMS: &[&str] = &[
    "cursor",
    "after",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "starting_after",
];
const NEXT_CURSORS: &[&str] = &[
    "next_cursor",
    "nextCursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "cursor",
];
const OFFSET_PARAMS: &[&str] = &["offset", "skip"];
const PAGE_PARAMS: &[&str] = &["page", "page_number", "pageNumber"];
const HAS_MORE: &[&str] = &[
    "has_more",
    "hasMore",
    "has_next",
    "hasNext",
    "has_next_page",
    "hasNextPage",
];
const TOTALS: &[&str] = &[
    "total",
    "total_count",
    "totalCount",
    "total_results",
    "totalResults",
];
/// Names of the items array, when a page has more than one array.
const ITEMS: &[&str] = &["data", "items", "results", "records", "entries", "values"];

/// The pagination a GET list operation's names imply, checked as a config table would be:
/// a cursor parameter with a next-cursor property (or Stripe's `starting_after` with the last
/// item's `id`), else an `offset`, else a `page` number; the items are the page's only
/// required array (or the one named `data`, `items`, ...), and `has_more`/`total` are used
/// where present.
fn infer(model: &Model, op: &Operation) -> Option<(Pagination, PaginationConfig)> {
    if op.method != crate::ir::HttpMethod::Get {
        return None;
    }
    let query = |names: &[&str]| {
        names.iter().find_map(|name| {
            op.params
                .iter()
                .find(|p| p.location == ParamLocation::Query && !p.required && p.api_name == *name)
        })
    };
    if declares_link(op) {
        // The page or cursor parameter the next link carries, over an array or a page object.
        let param = query(PAGE_PARAMS).or_else(|| query(CURSOR_PARAMS))?;
        let items = response_struct(model, op)
            .and_then(items_field)
            .map(|f| f.wire_name.clone())
            .unwrap_or_default();
        let table = PaginationConfig {
            style: PaginationStyle::Link,
            param: param.api_name.clone(),
            items,
            ..Default::default()
        };
        return check(model, op, &table).ok().map(|p| (p, table));
    }
    let page = response_struct(model, op)?;
    let items = items_field(page)?;
    let named = |names: &[&str], ty: fn(&TypeRef) -> bool| {
        names
            .iter()
            .find_map(|name| {
                page.fields
                    .iter()
                    .find(|f| f.wire_name == *name && ty(&f.ty))
            })
            .map(|f| f.wire_name.clone())
    };
    let has_more = named(HAS_MORE, |t| *t == TypeRef::Bool);
    let base = PaginationConfig {
        items: items.wire_name.clone(),
        has_more: has_more.clone(),
        ..Default::default()
    };
    let mut candidates = Vec::new();
    if let Some(param) = query(CURSOR_PARAMS) {
        let cursor = PaginationConfig {
            style: PaginationStyle::Cursor,
            param: param.api_name.clone(),
            ..base.clone()
        };
        let param_ty = param.ty.clone();
        if let Some(next) = NEXT_CURSORS.iter().find(|n| {
            page.fields
                .iter()
                .any(|f| f.wire_name == **n && f.ty == param_ty)
        }) {
            candidates.push(PaginationConfig {
                next_cursor: Some((*next).to_owned()),
                ..cursor.clone()
            });
        }
        if param.api_name == "starting_after" && has_more.is_some() {
            candidates.push(PaginationConfig {
                cursor_from_last_item: Some("id".to_owned()),
                ..cursor
            });
        }
    }
    if let Some(param) = query(OFFSET_PARAMS) {
        let total = named(TOTALS, |t| matches!(t, TypeRef::I32 | TypeRef::I64));
        candidates.push(PaginationConfig {
            style: PaginationStyle::Offset,
            param: param.api_name.clone(),
            total,
            ..base.clone()
        });
    }
    if let Some(param) = query(PAGE_PARAMS) {
        candidates.push(PaginationConfig {
            style: PaginationStyle::Page,
            param: param.api_name.clone(),
            ..base
        });
    }
    candidates
        .into_iter()
        .find_map(|table| check(model, op, &table).ok().map(|p| (p, table)))
}

/// The page's items: its only required array, or among several the one named `data`, ...
fn items_field(page: &crate::ir::Struct) -> Option<&Field> {
    let arrays: Vec<&Field> = page
        .fields
        .iter()
        .filter(|f| {
            matches!(f.ty, TypeRef::Array(_))
                && matches!(f.presence, Presence::Required | Presence::Defaulted)
        })
        .collect();
    match arrays.as_slice() {
        [only] => Some(*only),
        _ => ITEMS
            .iter()
            .find_map(|name| arrays.iter().find(|f| f.wire_name == *name).copied()),
    }
}

/// Whether the operation's success response declares a `Link` header.
fn declares_link(op: &Operation) -> bool {
    op.responses
        .iter()
        .filter(|r| r.status.is_success())
        .any(|r| r.headers.iter().any(|h| h.eq_ignore_ascii_case("link")))
}

/// One line of the generation summary for an inferred operation.
fn describe(op: &Operation, table: &PaginationConfig) -> String {
    let style = match table.style {
        PaginationStyle::Offset => "offset",
        PaginationStyle::Page => "page",
        PaginationStyle::Cursor => "cursor",
        PaginationStyle::Link => "`Link: rel=\"next\"` carrying",
        PaginationStyle::None => "none",
    };
    let items = if table.items.is_empty() {
        "the response itself".to_owned()
    } else {
        format!("`{}`", table.items)
    };
    let mut line = format!(
        "{} {} ({}): {style} `{}`, items {items}",
        op.method,
        op.path,
        operation_key(op),
        table.param
    );
    for (what, name) in [
        ("next cursor", &table.next_cursor),
        ("cursor from the last item's", &table.cursor_from_last_item),
        ("ends at", &table.has_more),
        ("total", &table.total),
    ] {
        if let Some(name) = name {
            line.push_str(&format!(", {what} `{name}`"));
        }
    }
    line
}

/// The key an operation has in the config: its `operationId`, or `METHOD /path`.
fn operation_key(op: &Operation) -> String {
    op.operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method, op.path))
}

type Check<T> = std::result::Result<T, (&'static str, String)>;

fn check(model: &Model, op: &Operation, table: &PaginationConfig) -> Check<Pagination> {
    let param = op
        .params
        .iter()
        .find(|p| p.location == ParamLocation::Query && p.api_name == table.param)
        .ok_or_else(|| {
            (
                "param",
                format!("the operation has no query parameter `{}`", table.param),
            )
        })?;
    if param.required {
        return Err((
            "param",
            format!("`{}` is required, so no page can be asked for", table.param),
        ));
    }
    let numeric = matches!(
        param.ty,
        TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64
    );
    match table.style {
        PaginationStyle::Offset | PaginationStyle::Page if !numeric => {
            let style = if table.style == PaginationStyle::Page {
                "page"
            } else {
                "offset"
            };
            return Err((
                "param",
                format!("`{}` must be a number for {style} pagination", table.param),
            ));
        }
        PaginationStyle::Link if !numeric && param.ty != TypeRef::String => {
            return Err((
                "param",
                format!(
                    "`{}` must be a string or a number to be read from a link",
                    table.param
                ),
            ));
        }
        _ => {}
    }
    if table.style == PaginationStyle::Link && table.items.is_empty() {
        return link_over_array(op, table, param);
    }
    let page = response_struct(model, op).ok_or_else(|| {
        (
            "",
            "the success response is not an object type, so it has no items to page through"
                .to_owned(),
        )
    })?;
    let items = field(page, &table.items, "items")?;
    let item_ty = match (&items.ty, items.presence) {
        (TypeRef::Array(item), Presence::Required | Presence::Defaulted) => (**item).clone(),
        _ => {
            return Err((
                "items",
                format!("`{}` must be a required array", table.items),
            ))
        }
    };
    let has_more = optional_field(page, table.has_more.as_deref(), "has_more", &TypeRef::Bool)?;
    let total = match &table.total {
        Some(name) => {
            let f = field(page, name, "total")?;
            if !matches!(f.ty, TypeRef::I32 | TypeRef::I64) {
                return Err(("total", format!("`{name}` must be an integer")));
            }
            Some(page_field(f)?)
        }
        None => None,
    };
    let style = match table.style {
        PaginationStyle::Offset => PageStyle::Offset,
        PaginationStyle::Page => PageStyle::Page,
        PaginationStyle::Cursor => {
            PageStyle::Cursor(cursor(model, table, page, &item_ty, &param.ty)?)
        }
        PaginationStyle::Link => PageStyle::Link(param.api_name.clone()),
        PaginationStyle::None => return Err(("style", "not paginated".to_owned())),
    };
    let start = match (&style, &param.default) {
        (PageStyle::Cursor(_) | PageStyle::Link(_), _) => 0,
        (_, Some(default)) => default.as_f64().map_or(0, |n| n as i64),
        (PageStyle::Page, None) => 1,
        (_, None) => 0,
    };
    Ok(Pagination {
        style,
        param: param.name.clone(),
        param_ty: param.ty.clone(),
        start,
        items: items.name.clone(),
        item_ty,
        has_more,
        total,
    })
}

/// Link pagination of a response that is the array of items itself (GitHub's lists).
fn link_over_array(
    op: &Operation,
    table: &PaginationConfig,
    param: &crate::ir::Param,
) -> Check<Pagination> {
    let outcome = &op.outcome;
    let item_ty = match &outcome.success {
        Some(TypeRef::Array(item)) if !outcome.success_may_be_empty => (**item).clone(),
        _ => return Err((
            "items",
            "the success response is not an array, so `items` must name the property holding them"
                .to_owned(),
        )),
    };
    if table.has_more.is_some() || table.total.is_some() {
        return Err((
            "",
            "a response that is an array has no `has_more` or `total` property".to_owned(),
        ));
    }
    Ok(Pagination {
        style: PageStyle::Link(param.api_name.clone()),
        param: param.name.clone(),
        param_ty: param.ty.clone(),
        start: 0,
        items: String::new(),
        item_ty,
        has_more: None,
        total: None,
    })
}

fn cursor(
    model: &Model,
    table: &PaginationConfig,
    page: &crate::ir::Struct,
    item_ty: &TypeRef,
    param_ty: &TypeRef,
) -> Check<CursorSource> {
    match (&table.next_cursor, &table.cursor_from_last_item) {
        (Some(name), None) => {
            let f = field(page, name, "next_cursor")?;
            if f.ty != *param_ty {
                return Err((
                    "next_cursor",
                    format!("`{name}` does not have the cursor parameter's type"),
                ));
            }
            Ok(CursorSource::Field(page_field(f)?))
        }
        (None, Some(name)) => {
            let TypeRef::Named(id) = item_ty else {
                return Err((
                    "cursor_from_last_item",
                    "the items are not objects".to_owned(),
                ));
            };
            let TypeKind::Struct(item) = &model.ty(*id).kind else {
                return Err((
                    "cursor_from_last_item",
                    "the items are not objects".to_owned(),
                ));
            };
            let f = field(item, name, "cursor_from_last_item")?;
            if f.ty != *param_ty || f.presence != Presence::Required {
                return Err((
                    "cursor_from_last_item",
                    format!("`{name}` must be a required property of the cursor parameter's type"),
                ));
            }
            Ok(CursorSource::LastItem(f.name.clone()))
        }
        _ => Err((
            "style",
            "cursor pagination needs exactly one of `next_cursor` and `cursor_from_last_item`"
                .to_owned(),
        )),
    }
}

/// The struct the operation's success response decodes into.
fn response_struct<'m>(model: &'m Model, op: &Operation) -> Option<&'m crate::ir::Struct> {
    let outcome = &op.outcome;
    match outcome.success.as_ref()? {
        TypeRef::Named(id) if !outcome.success_may_be_empty => match &model.ty(*id).kind {
            TypeKind::Struct(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn field<'s>(s: &'s crate::ir::Struct, wire: &str, key: &'static str) -> Check<&'s Field> {
    s.fields
        .iter()
        .find(|f| f.wire_name == wire && f.presence != Presence::Flattened)
        .ok_or_else(|| (key, format!("the response has no property `{wire}`")))
}

fn optional_field(
    s: &crate::ir::Struct,
    wire: Option<&str>,
    key: &'static str,
    ty: &TypeRef,
) -> Check<Option<PageField>> {
    let Some(wire) = wire else { return Ok(None) };
    let f = field(s, wire, key)?;
    if f.ty != *ty {
        return Err((key, format!("`{wire}` must be a boolean")));
    }
    page_field(f).map(Some)
}

/// A field as pagination reads it.
fn page_field(f: &Field) -> Check<PageField> {
    Ok(PageField {
        name: f.name.clone(),
        optional: is_option(f)?,
    })
}

/// Whether a field is an `Option` in Rust; a tri-state field is not supported here.
fn is_option(f: &Field) -> Check<bool> {
    match f.presence {
        Presence::Required | Presence::Defaulted => Ok(false),
        Presence::Optional | Presence::RequiredNullable => Ok(true),
        Presence::OptionalNullable => {
            Err(("", format!("`{}` is optional and nullable", f.wire_name)))
        }
        Presence::Flattened => Err((
            "",
            format!("`{}` is an included struct, not a property", f.wire_name),
        )),
    }
}
