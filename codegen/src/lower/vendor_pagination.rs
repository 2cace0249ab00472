//! Pagination that specs written for other SDK generators already declare, read into the
//! same table `[pagination]` gives (and checked the same way, in `pagination.rs`):
//!
//! | extension | form | table |
//! |---|---|---|
//! | `x-fern-pagination` | `cursor: $request.c`, `next_cursor: $response.n`, `results: $response.r` | cursor `c`, next cursor `n`, items `r` |
//! | | `offset: $request.p`, `results: ...` (no `step`) | page `p`: one more each time |
//! | | `offset: $request.o`, `step: $request.limit`, `results: ...` | offset `o`: by the items received |
//! | | `has-next-page: $response.h` | ends at `h` |
//! | `x-speakeasy-pagination` | `type: cursor`, an input of `type: cursor`, `outputs.nextCursor: $.n`, `outputs.results: $.r` | cursor |
//! | | `type: offsetLimit`, an input of `type: page` (or `offset`), `outputs.results` | page (or offset) |
//!
//! Only request parameters (`in: parameters`) and top-level response properties (`$.name`,
//! `$response.name`) are read; any other form (a next URL, a nested path, a body field) is a
//! warning, and the operation is then left to inference.

use crate::config::{PaginationConfig, PaginationStyle};
use serde_json::Value;

/// The extension an operation declares its pagination in, and the table it reads as (or why
/// it cannot be read).
pub(super) fn declared(
    extensions: &indexmap::IndexMap<String, Value>,
) -> Option<(&'static str, Result<PaginationConfig, String>)> {
    if let Some(fern) = extensions.get("x-fern-pagination") {
        return Some(("x-fern-pagination", fern_table(fern)));
    }
    let speakeasy = extensions.get("x-speakeasy-pagination")?;
    Some(("x-speakeasy-pagination", speakeasy_table(speakeasy)))
}

/// `$request.name` → `name`.
fn request(value: Option<&Value>) -> Result<Option<String>, String> {
    named(value, "$request.")
}

/// `$response.name` → `name`.
fn response(value: Option<&Value>) -> Result<Option<String>, String> {
    named(value, "$response.")
}

fn named(value: Option<&Value>, prefix: &str) -> Result<Option<String>, String> {
    let Some(value) = value else { return Ok(None) };
    let text = value
        .as_str()
        .ok_or_else(|| format!("`{value}` is not a `{prefix}…` path"))?;
    match text.strip_prefix(prefix) {
        Some(name) if !name.is_empty() && !name.contains(['.', '[']) => Ok(Some(name.to_owned())),
        _ => Err(format!("`{text}` is not a top-level `{prefix}name`")),
    }
}

fn fern_table(value: &Value) -> Result<PaginationConfig, String> {
    let get = |key: &str| value.get(key);
    if get("next_uri").is_some() || get("next_path").is_some() {
        return Err("a next page given as a URL or path".into());
    }
    let items = response(get("results"))?.ok_or("no `results`")?;
    let has_more = response(get("has-next-page"))?;
    let base = PaginationConfig {
        items,
        has_more,
        ..Default::default()
    };
    if let Some(cursor) = request(get("cursor"))? {
        let next = response(get("next_cursor"))?.ok_or("a `cursor` without `next_cursor`")?;
        return Ok(PaginationConfig {
            style: PaginationStyle::Cursor,
            param: cursor,
            next_cursor: Some(next),
            ..base
        });
    }
    let offset = request(get("offset"))?.ok_or("neither `cursor` nor `offset`")?;
    // Without `step` the offset goes up by one: a page number.
    let style = if get("step").is_some() {
        PaginationStyle::Offset
    } else {
        PaginationStyle::Page
    };
    Ok(PaginationConfig {
        style,
        param: offset,
        ..base
    })
}

fn speakeasy_table(value: &Value) -> Result<PaginationConfig, String> {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let outputs = value.get("outputs");
    let output = |key: &str| -> Result<Option<String>, String> {
        let Some(path) = outputs.and_then(|o| o.get(key)) else {
            return Ok(None);
        };
        let text = path
            .as_str()
            .ok_or_else(|| format!("`outputs.{key}` is not a path"))?;
        match text.strip_prefix("$.") {
            Some(name) if !name.is_empty() && !name.contains(['.', '[']) => {
                Ok(Some(name.to_owned()))
            }
            _ => Err(format!("`{text}` is not a top-level `$.name`")),
        }
    };
    let input = |wanted: &str| -> Option<String> {
        value.get("inputs")?.as_array()?.iter().find_map(|input| {
            let of = |key: &str| input.get(key).and_then(Value::as_str);
            (of("type") == Some(wanted) && of("in").is_none_or(|at| at == "parameters"))
                .then(|| of("name").map(str::to_owned))
                .flatten()
        })
    };
    let items = output("results")?.ok_or("no `outputs.results`")?;
    let base = PaginationConfig {
        items,
        ..Default::default()
    };
    match kind {
        "cursor" => {
            let param = input("cursor").ok_or("no `cursor` input among the parameters")?;
            let next = output("nextCursor")?.ok_or("no `outputs.nextCursor`")?;
            Ok(PaginationConfig {
                style: PaginationStyle::Cursor,
                param,
                next_cursor: Some(next),
                ..base
            })
        }
        "offsetLimit" => match (input("page"), input("offset")) {
            (Some(param), _) => Ok(PaginationConfig {
                style: PaginationStyle::Page,
                param,
                ..base
            }),
            (None, Some(param)) => Ok(PaginationConfig {
                style: PaginationStyle::Offset,
                param,
                ..base
            }),
            (None, None) => Err("no `page` or `offset` input among the parameters".into()),
        },
        other => Err(format!("`type: {other}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table(extension: &str, value: Value) -> Result<PaginationConfig, String> {
        let mut extensions = indexmap::IndexMap::new();
        extensions.insert(extension.to_owned(), value);
        declared(&extensions).expect("an extension").1
    }

    #[test]
    fn fern_forms() {
        let cursor = table("x-fern-pagination", json!({"cursor": "$request.after", "next_cursor": "$response.next", "results": "$response.data"})).unwrap();
        assert_eq!(
            (
                cursor.style,
                cursor.param.as_str(),
                cursor.next_cursor.as_deref(),
                cursor.items.as_str()
            ),
            (PaginationStyle::Cursor, "after", Some("next"), "data")
        );
        let page = table("x-fern-pagination", json!({"offset": "$request.page_number", "results": "$response.results", "has-next-page": "$response.more"})).unwrap();
        assert_eq!(
            (page.style, page.param.as_str(), page.has_more.as_deref()),
            (PaginationStyle::Page, "page_number", Some("more"))
        );
        let offset = table("x-fern-pagination", json!({"offset": "$request.offset", "step": "$request.limit", "results": "$response.items"})).unwrap();
        assert_eq!(offset.style, PaginationStyle::Offset);
        assert!(table(
            "x-fern-pagination",
            json!({"next_uri": "$response.next", "results": "$response.data"})
        )
        .is_err());
        assert!(table(
            "x-fern-pagination",
            json!({"offset": "$request.page", "results": "$response.page.items"})
        )
        .unwrap_err()
        .contains("top-level"));
    }

    #[test]
    fn speakeasy_forms() {
        let page = table("x-speakeasy-pagination", json!({"type": "offsetLimit", "inputs": [{"name": "page", "in": "parameters", "type": "page"}], "outputs": {"results": "$.resultArray"}})).unwrap();
        assert_eq!(
            (page.style, page.param.as_str(), page.items.as_str()),
            (PaginationStyle::Page, "page", "resultArray")
        );
        let cursor = table("x-speakeasy-pagination", json!({"type": "cursor", "inputs": [{"name": "since", "in": "parameters", "type": "cursor"}, {"name": "limit", "in": "parameters", "type": "limit"}], "outputs": {"nextCursor": "$.next", "results": "$.data"}})).unwrap();
        assert_eq!(
            (
                cursor.style,
                cursor.param.as_str(),
                cursor.next_cursor.as_deref()
            ),
            (PaginationStyle::Cursor, "since", Some("next"))
        );
        assert!(table(
            "x-speakeasy-pagination",
            json!({"type": "url", "outputs": {"nextUrl": "$.next", "results": "$.data"}})
        )
        .unwrap_err()
        .contains("type: url"));
        assert!(table("x-speakeasy-pagination", json!({"type": "offsetLimit", "inputs": [{"name": "page", "in": "requestBody", "type": "page"}], "outputs": {"results": "$.data"}})).is_err());
    }
}
