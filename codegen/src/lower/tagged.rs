//! Tagged unions: the `oneOf`/`anyOf` alternatives one property tells apart.
//!
//! Two ways a spec says so: a `discriminator` names the property (and maps its values to
//! alternatives, or lets each component's name be its value), or every alternative fixes the
//! same property to a value of its own (`const`, or a one-value `enum`), as 3.1 specs and
//! zod-made ones do. Either way each alternative must be an object that has the property, and
//! the values must differ; otherwise the union stays untagged and is read by trying each
//! alternative in turn.

use super::schema::SchemaRef;
use super::shape::{own_object, shape, Shape};
use super::Lowerer;
use openapiv3::{ReferenceOr, Schema};
use std::collections::BTreeMap;

/// The tag property and, for each alternative in order, its values (a `mapping` may give one
/// alternative several).
pub(super) struct Tagging {
    pub property: String,
    pub values: Vec<Vec<String>>,
}

/// How long a chain of references to references is followed; a longer one is not an object
/// this module can read a tag from.
const MAX_DEPTH: usize = 16;

/// How many referenced schemas are expanded to find one alternative's properties.
const MAX_EXPANDED: usize = 256;

impl Lowerer<'_> {
    /// How the union `schema` with these alternatives is tagged, if it is.
    pub(super) fn tagging(
        &self,
        schema: &Schema,
        alternatives: &[&ReferenceOr<Schema>],
    ) -> Option<Tagging> {
        let tagging = match &schema.schema_data.discriminator {
            Some(discriminator) => self.by_discriminator(discriminator, alternatives)?,
            None => self.by_fixed_property(alternatives)?,
        };
        let mut seen = std::collections::HashSet::new();
        tagging
            .values
            .iter()
            .flatten()
            .all(|value| seen.insert(value))
            .then_some(tagging)
    }

    fn by_discriminator(
        &self,
        discriminator: &openapiv3::Discriminator,
        alternatives: &[&ReferenceOr<Schema>],
    ) -> Option<Tagging> {
        let property = &discriminator.property_name;
        let values = alternatives
            .iter()
            .map(|alternative| {
                let properties = self.properties((*alternative).into());
                if !properties.iter().any(|(name, _)| name == property) {
                    return None;
                }
                let component = match alternative {
                    ReferenceOr::Reference { reference } => reference
                        .strip_prefix("#/components/schemas/")
                        .map(crate::pointer::unescape),
                    ReferenceOr::Item(_) => None,
                };
                let mapped: Vec<String> = discriminator
                    .mapping
                    .iter()
                    .filter(|(_, target)| {
                        let target = target
                            .strip_prefix("#/components/schemas/")
                            .unwrap_or(target);
                        component.as_deref() == Some(crate::pointer::unescape(target).as_str())
                    })
                    .map(|(value, _)| value.clone())
                    .collect();
                if !mapped.is_empty() {
                    return Some(mapped);
                }
                let fixed = self.fixed_values(&properties).remove(property).flatten();
                fixed.or(component).map(|value| vec![value])
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Tagging {
            property: property.clone(),
            values,
        })
    }

    fn by_fixed_property(&self, alternatives: &[&ReferenceOr<Schema>]) -> Option<Tagging> {
        let fixed: Vec<BTreeMap<String, Option<String>>> = alternatives
            .iter()
            .map(|alternative| self.fixed_values(&self.properties((*alternative).into())))
            .collect();
        let (first, rest) = fixed.split_first()?;
        // Candidates in name order, so that the spec's order of properties decides nothing.
        first.iter().find_map(|(property, value)| {
            let mut values = vec![vec![value.clone()?]];
            for alternative in rest {
                values.push(vec![alternative.get(property)?.clone()?]);
            }
            let mut seen = std::collections::HashSet::new();
            values
                .iter()
                .flatten()
                .all(|value| seen.insert(value))
                .then(|| Tagging {
                    property: property.clone(),
                    values,
                })
        })
    }

    /// Each property's fixed value, by name. A property defined more than once (in several
    /// `allOf` parts) is fixed when its definitions fix one value between them; two different
    /// values fix nothing (`None`).
    fn fixed_values(
        &self,
        properties: &[(String, SchemaRef<'_>)],
    ) -> BTreeMap<String, Option<String>> {
        let mut fixed: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut conflicting = Vec::new();
        for (name, schema) in properties {
            let Some(value) = self.fixed_value(*schema) else {
                continue;
            };
            match fixed.get(name) {
                Some(Some(known)) if *known != value => conflicting.push(name.clone()),
                _ => {
                    fixed.insert(name.clone(), Some(value));
                }
            }
        }
        for name in conflicting {
            fixed.insert(name, None);
        }
        fixed
    }

    /// The one string value a property schema allows (`const: cat`, `enum: [cat]`).
    fn fixed_value(&self, schema: SchemaRef<'_>) -> Option<String> {
        match shape(self.resolve(schema, 0)?) {
            Shape::String { values, .. } => match values.as_slice() {
                [Some(only)] => Some(only.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// An object schema's properties by wire name, through references and `allOf` parts.
    fn properties<'s>(&'s self, schema: SchemaRef<'s>) -> Vec<(String, SchemaRef<'s>)> {
        let mut found = Vec::new();
        self.collect_properties(schema, &mut Vec::new(), &mut found);
        found
    }

    /// Each referenced schema is expanded once per alternative (`expanded`), so a cycle or
    /// a wide web of `allOf`s costs its size, never its number of paths.
    fn collect_properties<'s>(
        &'s self,
        schema: SchemaRef<'s>,
        expanded: &mut Vec<&'s str>,
        found: &mut Vec<(String, SchemaRef<'s>)>,
    ) {
        if let SchemaRef::Ref(reference) = schema {
            if expanded.contains(&reference) || expanded.len() >= MAX_EXPANDED {
                return;
            }
            expanded.push(reference);
        }
        let Some(schema) = self.resolve(schema, 0) else {
            return;
        };
        let own = |properties: &'s super::shape::Properties| {
            properties
                .iter()
                .map(|(name, property)| (name.clone(), SchemaRef::from(property)))
        };
        match (shape(schema), own_object(schema)) {
            (
                Shape::Object {
                    properties: Some(properties),
                    ..
                },
                _,
            ) => found.extend(own(properties)),
            (_, Some((properties, _, _))) => found.extend(own(properties)),
            _ => {}
        }
        if let Shape::AllOf(parts) = shape(schema) {
            for part in parts {
                self.collect_properties(part.into(), expanded, found);
            }
        }
    }

    /// The schema a reference (or a chain of them) leads to.
    fn resolve<'s>(&'s self, schema: SchemaRef<'s>, depth: usize) -> Option<&'s Schema> {
        let mut current = schema;
        for _ in depth..MAX_DEPTH {
            match current {
                SchemaRef::Item(schema) => return Some(schema),
                SchemaRef::Ref(reference) => {
                    let name = reference.strip_prefix("#/components/schemas/")?;
                    current = self
                        .resolver
                        .schema(&crate::pointer::unescape(name))?
                        .into();
                }
            }
        }
        None
    }
}
