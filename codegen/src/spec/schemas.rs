//! The document's component schemas, kept as compact JSON until lowering reads them.
//!
//! An `openapiv3` schema takes a kilobyte before any of its strings, so a schema-heavy spec
//! held typed is mostly schemas: GitHub's 5 MB spec peaked at 24 times its size. Each
//! prepared schema is checked at load (it must read, so that errors are reported as before)
//! and then kept as its JSON text, with an outline of what every reference to it needs.
//! Lowering reads each schema when it lowers it, and keeps only those that other schemas
//! include or tag (`get`).

use openapiv3::{ReferenceOr, Schema};
use serde::Deserialize;
use serde_json::Value;
use std::sync::OnceLock;

/// The component schemas in spec order.
#[derive(Debug, Clone, Default)]
pub struct ComponentSchemas {
    entries: indexmap::IndexMap<String, Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    json: Box<str>,
    outline: SchemaOutline,
    /// The schema read, once something asked for it through [`ComponentSchemas::get`].
    kept: OnceLock<Option<ReferenceOr<Schema>>>,
}

/// What a reference to a component needs to know without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaOutline {
    /// The component is only a reference, to this.
    Reference(String),
    /// The component is a schema.
    Item {
        /// Whether it allows `null`.
        nullable: bool,
    },
}

impl ComponentSchemas {
    /// Prepared schemas (hoisted and normalized), each checked to read (on every core).
    /// `None` when one does not: the caller finds where on the slow path.
    pub(super) fn from_values(entries: Vec<(String, Value)>) -> Option<ComponentSchemas> {
        let entries =
            crate::parallel::map_owned(entries, &|(name, value)| Some((name, Entry::new(&value)?)));
        Some(ComponentSchemas {
            entries: entries.into_iter().collect::<Option<_>>()?,
        })
    }

    /// Schemas as their JSON text, each parsed and given to `prepare` (on every core), then
    /// checked to read. `None` when one does not parse or read, or `prepare` refuses it.
    pub(super) fn from_text(
        entries: &[(String, &str)],
        prepare: &(dyn Fn(&mut Value) -> bool + Sync),
    ) -> Option<ComponentSchemas> {
        let entries = super::parse::each_prepared(entries, prepare, &|name, value| {
            Some((name.to_owned(), Entry::new(value)?))
        })?;
        Some(ComponentSchemas {
            entries: entries.into_iter().collect(),
        })
    }

    /// How many schemas there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The schemas' names, in spec order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The named schema's outline.
    pub fn outline(&self, name: &str) -> Option<&SchemaOutline> {
        self.entries.get(name).map(|entry| &entry.outline)
    }

    /// The named schema, read on first use and kept from then on: for the schemas that
    /// others include (`allOf`) or choose between by a tag.
    pub fn get(&self, name: &str) -> Option<&ReferenceOr<Schema>> {
        let entry = self.entries.get(name)?;
        // Every entry was checked to read when it was stored.
        entry.kept.get_or_init(|| entry.read()).as_ref()
    }

    /// The named schemas read afresh (on every core), in order, for the caller to own. A
    /// name that is not a component, or (never, as they were checked) does not read, gives
    /// `None`.
    pub fn read(&self, names: &[&str]) -> Vec<Option<ReferenceOr<Schema>>> {
        crate::parallel::map(names.len(), &|i| self.entries.get(names[i])?.read())
    }

    /// Every schema, read, in spec order.
    pub fn read_all(&self) -> Vec<(String, Option<ReferenceOr<Schema>>)> {
        let names: Vec<&str> = self.names().collect();
        names
            .iter()
            .map(|name| (*name).to_owned())
            .zip(self.read(&names))
            .collect()
    }
}

/// Equal when the same names hold the same JSON, whatever has been read so far.
impl PartialEq for ComponentSchemas {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|((a, x), (b, y))| a == b && x.json == y.json && x.outline == y.outline)
    }
}

impl Entry {
    /// The schema's entry; `None` when `openapiv3` cannot read it.
    fn new(value: &Value) -> Option<Entry> {
        let outline = match ReferenceOr::<Schema>::deserialize(value).ok()? {
            ReferenceOr::Reference { reference } => SchemaOutline::Reference(reference),
            ReferenceOr::Item(schema) => SchemaOutline::Item {
                nullable: schema.schema_data.nullable,
            },
        };
        // Serializing a `Value` cannot fail: its keys are strings.
        let json = serde_json::to_string(value).ok()?.into_boxed_str();
        Some(Entry {
            json,
            outline,
            kept: OnceLock::new(),
        })
    }

    fn read(&self) -> Option<ReferenceOr<Schema>> {
        serde_json::from_str(&self.json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas(json: &str) -> Option<ComponentSchemas> {
        let value: Value = serde_json::from_str(json).unwrap();
        ComponentSchemas::from_values(value.as_object().unwrap().clone().into_iter().collect())
    }

    #[test]
    fn reads_each_schema_as_a_whole_reading_would_and_outlines_it() {
        let json = r##"{"B": {"type": "string", "nullable": true}, "A": {"$ref": "#/components/schemas/B"},
                        "C": {"type": "object", "properties": {"x": {"type": "integer"}}}}"##;
        let schemas = schemas(json).unwrap();
        let whole: indexmap::IndexMap<String, ReferenceOr<Schema>> =
            serde_json::from_str(json).unwrap();
        assert_eq!(schemas.names().collect::<Vec<_>>(), ["B", "A", "C"]);
        assert_eq!(
            schemas.outline("B"),
            Some(&SchemaOutline::Item { nullable: true })
        );
        assert_eq!(
            schemas.outline("A"),
            Some(&SchemaOutline::Reference("#/components/schemas/B".into()))
        );
        assert_eq!(
            schemas.outline("C"),
            Some(&SchemaOutline::Item { nullable: false })
        );
        assert_eq!(schemas.get("C"), Some(&whole["C"]));
        assert_eq!(
            schemas.read(&["A", "D", "B"]),
            vec![Some(whole["A"].clone()), None, Some(whole["B"].clone())]
        );
        let all: Vec<_> = whole
            .into_iter()
            .map(|(name, schema)| (name, Some(schema)))
            .collect();
        assert_eq!(schemas.read_all(), all);
        assert_eq!(schemas.get("D"), None);
    }

    #[test]
    fn a_schema_that_does_not_read_refuses_the_whole_set() {
        assert!(schemas(
            r#"{"A": {"type": "string"}, "B": {"type": "string", "maxLength": "long"}}"#
        )
        .is_none());
        let refuse_all = |_: &mut Value| false;
        assert!(
            ComponentSchemas::from_text(&[("A".into(), r#"{"type": "string"}"#)], &refuse_all)
                .is_none()
        );
        let accept_all = |_: &mut Value| true;
        assert!(ComponentSchemas::from_text(&[("A".into(), "{")], &accept_all).is_none());
        let read =
            ComponentSchemas::from_text(&[("A".into(), r#"{"type": "string"}"#)], &accept_all)
                .unwrap();
        assert_eq!(read, schemas(r#"{"A": {"type": "string"}}"#).unwrap());
    }
}
