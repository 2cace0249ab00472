//! `allOf` with one part that is a union (`oneOf`/`anyOf`), as GitBook's spec writes a common
//! base and a choice between shapes: `allOf: [Base, {oneOf: [A, B]}]` is read as
//! `oneOf: [{allOf: [A, Base]}, {allOf: [B, Base]}]`, a union of whole structs, which is what
//! a value on the wire is. A union part given by `$ref` to a component is distributed the same
//! way; with two union parts or more the `allOf` stays as it is (and degrades).

use super::shape::{own_object, shape, Shape};
use super::Lowerer;
use crate::pointer::join;
use openapiv3::{ReferenceOr, Schema, SchemaKind};

impl Lowerer<'_> {
    /// The `allOf` at `pointer` rewritten as a union of `allOf`s, one per alternative of its
    /// only union part, with the pointer of that part (where the alternatives are written);
    /// `None` when it has no union part or more than one.
    pub(super) fn distribute_union_part(
        &self,
        schema: &Schema,
        pointer: &str,
    ) -> Option<(Schema, String)> {
        let all_of = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => all_of,
            // `type: object` beside `allOf` (GitBook's spec), and nothing else.
            SchemaKind::Any(any)
                if any.properties.is_empty() && any.one_of.is_empty() && any.any_of.is_empty() =>
            {
                &any.all_of
            }
            _ => return None,
        };
        // `allOf` of one part is how OpenAPI 3.0 annotates a `$ref`: that part, as it is.
        if all_of.len() < 2 {
            return None;
        }
        let unions: Vec<(usize, Vec<ReferenceOr<Schema>>, bool)> = all_of
            .iter()
            .enumerate()
            .filter_map(|(i, part)| {
                let (alternatives, one_of) = self.union_alternatives(part)?;
                Some((i, alternatives, one_of))
            })
            .collect();
        let [(at, alternatives, one_of)] = unions.as_slice() else {
            return None;
        };
        // The alternative first, so that a variant is named after it (`SetupGitHub`), not after
        // the base every variant shares.
        let with = |alternative: &ReferenceOr<Schema>| {
            let mut parts = vec![alternative.clone()];
            parts.extend(
                all_of
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i != at)
                    .map(|(_, p)| p.clone()),
            );
            ReferenceOr::Item(Schema {
                schema_data: Default::default(),
                schema_kind: SchemaKind::AllOf { all_of: parts },
            })
        };
        let distributed: Vec<ReferenceOr<Schema>> = alternatives.iter().map(with).collect();
        let union_at = match &all_of[*at] {
            ReferenceOr::Reference { reference } => reference.trim_start_matches('#').to_owned(),
            ReferenceOr::Item(_) => join(&join(pointer, "allOf"), &at.to_string()),
        };
        let schema = Schema {
            schema_data: schema.schema_data.clone(),
            schema_kind: match one_of {
                true => SchemaKind::OneOf {
                    one_of: distributed,
                },
                false => SchemaKind::AnyOf {
                    any_of: distributed,
                },
            },
        };
        Some((schema, union_at))
    }

    /// Whether a component schema is a union (`oneOf`/`anyOf`, or an `allOf` distributed over
    /// its union part), which an `allOf` including it composes rather than copies.
    pub(super) fn is_union_component(&self, name: &str) -> bool {
        match self.resolver.schema(name) {
            Some(ReferenceOr::Item(schema)) => {
                matches!(shape(schema), Shape::AnyOf(_))
                    || self.distribute_union_part(schema, "").is_some()
            }
            _ => false,
        }
    }

    /// A union part's alternatives (with any properties written beside them distributed into
    /// each), and whether it is a `oneOf`; `None` for a part that is not a union of two or more.
    fn union_alternatives(
        &self,
        part: &ReferenceOr<Schema>,
    ) -> Option<(Vec<ReferenceOr<Schema>>, bool)> {
        let schema = match part {
            ReferenceOr::Item(schema) => schema,
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/schemas/")?;
                match self.resolver.schema(&crate::pointer::unescape(name))? {
                    ReferenceOr::Item(schema) => schema,
                    ReferenceOr::Reference { .. } => return None,
                }
            }
        };
        let schema = match own_object(schema) {
            Some(_) => super::schema::distribute_own_properties(schema),
            None => schema.clone(),
        };
        let Shape::AnyOf(alternatives) = shape(&schema) else {
            return None;
        };
        if alternatives.len() < 2 {
            return None;
        }
        let one_of = match &schema.schema_kind {
            SchemaKind::OneOf { .. } => true,
            SchemaKind::Any(any) => any.any_of.is_empty(),
            _ => false,
        };
        Some((alternatives.to_vec(), one_of))
    }
}
