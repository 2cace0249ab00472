//! The document's path items, kept as compact JSON until lowering reads them.
//!
//! An `openapiv3` path item takes twelve to fifteen times its JSON's size in memory (a
//! `Schema` alone is a kilobyte), and the paths are most of a large spec: holding them all
//! typed made a 20 MB spec peak at half a gigabyte. Each prepared path item is kept as its
//! JSON text instead, with an outline of its operations for naming, and read into `openapiv3`
//! a batch at a time (on every core) while its operations are lowered.

use super::{locate_invalid_path_item, path_to_pointer, SourceMap};
use crate::error::{Error, Result};
use crate::pointer::join;
use openapiv3::{PathItem, ReferenceOr};
use serde_json::Value;

/// The path items in spec order.
#[derive(Debug, Clone, Default)]
pub struct PathItems {
    items: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    path: String,
    outline: Outline,
    json: Box<str>,
}

/// What naming needs to know about a path item before any of it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outline {
    /// A path item given as a `$ref`.
    Reference,
    /// Its operations, in `PathItem::iter` order and then OpenAPI 3.2's set aside (see
    /// [`super::v32::EXTRA_OPERATIONS`]): the method and the first tag.
    Operations(Vec<(String, Option<String>)>),
}

/// The methods `openapiv3` reads, in the order `PathItem::iter` yields them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl PathItems {
    /// Prepared path items (already hoisted and normalized), by value.
    pub(super) fn from_values(entries: Vec<(String, Value)>) -> PathItems {
        let items = crate::parallel::map_owned(entries, &|(path, value)| Entry::new(path, &value));
        PathItems {
            items: items.into_iter().flatten().collect(),
        }
    }

    /// Path items as their JSON text, each parsed and given to `prepare` (on every core), so
    /// that only a few are ever held as `Value`s. `None` when one does not parse or `prepare`
    /// refuses one.
    pub(super) fn from_text(
        entries: &[(String, &str)],
        prepare: &(dyn Fn(&mut Value) -> bool + Sync),
    ) -> Option<PathItems> {
        let items = super::parse::each_prepared(entries, prepare, &|path, value| {
            Entry::new(path.to_owned(), value)
        })?;
        Some(PathItems { items })
    }

    /// How many path items there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `index`-th path template, in spec order.
    pub fn path(&self, index: usize) -> &str {
        &self.items[index].path
    }

    /// The `index`-th path item's outline.
    pub fn outline(&self, index: usize) -> &Outline {
        &self.items[index].outline
    }

    /// Reads the path items at `indices` (on every core), in that order. A path item
    /// `openapiv3` cannot read is an error at the innermost part that fails.
    pub fn read(
        &self,
        indices: &[usize],
        sources: &SourceMap,
    ) -> Result<Vec<ReferenceOr<PathItem>>> {
        let read = |i: usize| {
            let entry = &self.items[indices[i]];
            serde_json::from_str::<ReferenceOr<PathItem>>(&entry.json)
                .map_err(|_| entry.invalid(sources))
        };
        crate::parallel::map(indices.len(), &read)
            .into_iter()
            .collect()
    }

    /// Takes the path items at `indices` out to be read once, in batches of `size`: each
    /// item's JSON is freed as it is read, so that a large spec's path items are gone by the
    /// time its operations are all lowered. Their paths and outlines stay.
    pub fn take_unread(&mut self, indices: &[usize], size: usize) -> Vec<Unread> {
        indices
            .chunks(size.max(1))
            .map(|batch| Unread {
                items: batch
                    .iter()
                    .map(|&index| {
                        let entry = &mut self.items[index];
                        let json = std::mem::take(&mut entry.json);
                        (
                            index,
                            Entry {
                                path: entry.path.clone(),
                                outline: entry.outline.clone(),
                                json,
                            },
                        )
                    })
                    .collect(),
            })
            .collect()
    }

    /// Every path item, read, in spec order.
    pub fn read_all(
        &self,
        sources: &SourceMap,
    ) -> Result<indexmap::IndexMap<String, ReferenceOr<PathItem>>> {
        let indices: Vec<usize> = (0..self.len()).collect();
        let read = self.read(&indices, sources)?;
        Ok(self
            .items
            .iter()
            .map(|entry| entry.path.clone())
            .zip(read)
            .collect())
    }
}

/// Path items taken out of [`PathItems`] to be read once (see [`PathItems::take_unread`]).
#[derive(Debug)]
pub struct Unread {
    /// Each item's index in [`PathItems`] and its entry.
    items: Vec<(usize, Entry)>,
}

impl Unread {
    /// The items' indices in [`PathItems`], in batch order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().map(|(index, _)| *index)
    }

    /// Reads the items (on every core), in batch order, and frees their JSON. Read again, an
    /// item is an error, as [`PathItems::read`] reports one that does not read.
    pub fn read(&mut self, sources: &SourceMap) -> Result<Vec<ReferenceOr<PathItem>>> {
        let read = |i: usize| {
            let entry = &self.items[i].1;
            serde_json::from_str::<ReferenceOr<PathItem>>(&entry.json)
                .map_err(|_| entry.invalid(sources))
        };
        let read = crate::parallel::map(self.items.len(), &read)
            .into_iter()
            .collect();
        for (_, entry) in &mut self.items {
            entry.json = Box::default();
        }
        read
    }
}

impl Entry {
    fn new(path: String, value: &Value) -> Option<Entry> {
        // Serializing a `Value` cannot fail: its keys are strings.
        let json = serde_json::to_string(value).ok()?.into_boxed_str();
        Some(Entry {
            path,
            outline: outline(value),
            json,
        })
    }

    /// The error for a path item that does not read, found on the slow path.
    fn invalid(&self, sources: &SourceMap) -> Error {
        let at = join("/paths", &self.path);
        let value: Value = serde_json::from_str(&self.json).unwrap_or_default();
        let (pointer, reason) = locate_invalid_path_item(&at, &value).unwrap_or_else(|| {
            match serde_path_to_error::deserialize::<_, ReferenceOr<PathItem>>(&value) {
                Err(e) => (
                    format!("{at}{}", path_to_pointer(e.path())),
                    e.inner().to_string(),
                ),
                Ok(_) => (at, "openapiv3 could not read it".into()),
            }
        });
        Error::Invalid {
            at: sources.locate(&pointer),
            reason: format!("not a valid OpenAPI document: {reason}"),
        }
    }
}

/// The outline of a prepared path item. Leniently read: a path item that does not read
/// fails when its operations are lowered, before any name matters.
fn outline(item: &Value) -> Outline {
    if item.get("$ref").is_some_and(Value::is_string) {
        return Outline::Reference;
    }
    let first_tag = |op: &Value| {
        op.pointer("/tags/0")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let fixed = METHODS.iter().filter_map(|method| {
        item.get(*method)
            .map(|op| ((*method).to_owned(), first_tag(op)))
    });
    let extra = item
        .get(super::v32::EXTRA_OPERATIONS)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|extra| {
            let method = extra
                .get("method")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let tag = extra.get("operation").and_then(first_tag);
            (method.to_owned(), tag)
        });
    Outline::Operations(fixed.chain(extra).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(json: &str) -> PathItems {
        let value: Value = serde_json::from_str(json).unwrap();
        let entries = value.as_object().unwrap().clone().into_iter().collect();
        PathItems::from_values(entries)
    }

    #[test]
    fn reads_each_item_as_a_whole_reading_would() {
        let json = r##"{"/b": {"post": {"tags": ["b", "c"], "responses": {}}, "get": {"responses": {}}},
                        "/a": {"$ref": "#/x"}}"##;
        let paths = items(json);
        assert_eq!((paths.len(), paths.path(0), paths.path(1)), (2, "/b", "/a"));
        assert_eq!(
            paths.outline(0),
            &Outline::Operations(vec![
                ("get".into(), None),
                ("post".into(), Some("b".into()))
            ])
        );
        assert_eq!(paths.outline(1), &Outline::Reference);
        let whole: indexmap::IndexMap<String, ReferenceOr<PathItem>> =
            serde_json::from_str(json).unwrap();
        assert_eq!(paths.read_all(&SourceMap::default()).unwrap(), whole);
        assert_eq!(
            paths.read(&[1, 0], &SourceMap::default()).unwrap(),
            vec![whole[1].clone(), whole[0].clone()]
        );
    }

    #[test]
    fn unread_items_read_as_they_would_in_place_and_only_once() {
        let json = r##"{"/b": {"get": {"responses": {}}}, "/a": {"post": {"responses": {}}}, "/c": {"$ref": "#/x"}}"##;
        let mut paths = items(json);
        let whole = paths.read_all(&SourceMap::default()).unwrap();
        let mut batches = paths.take_unread(&[2, 0, 1], 2);
        assert_eq!(
            batches
                .iter()
                .map(|b| b.indices().collect())
                .collect::<Vec<Vec<_>>>(),
            vec![vec![2, 0], vec![1]]
        );
        assert_eq!(
            batches[0].read(&SourceMap::default()).unwrap(),
            vec![whole[2].clone(), whole[0].clone()]
        );
        assert_eq!(
            batches[1].read(&SourceMap::default()).unwrap(),
            vec![whole[1].clone()]
        );
        // Paths and outlines stay; the JSON is gone, from the batch and from the items.
        assert_eq!(
            (paths.path(1), paths.outline(2)),
            ("/a", &Outline::Reference)
        );
        let again = batches[0]
            .read(&SourceMap::default())
            .unwrap_err()
            .to_string();
        assert!(
            again.contains("#/paths/~1c: not a valid OpenAPI document"),
            "{again}"
        );
        assert!(paths.read(&[0], &SourceMap::default()).is_err());
    }

    #[test]
    fn an_item_that_does_not_read_is_an_error_at_its_innermost_part() {
        let paths = items(r#"{"/a": {"get": {"responses": 7}}}"#);
        let error = paths
            .read(&[0], &SourceMap::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("#/paths/~1a/get/responses: not a valid OpenAPI document"),
            "{error}"
        );
    }
}
