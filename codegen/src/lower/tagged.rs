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

/// The tag property and, for each alternative in order, its value.
pub(super) struct Tagging {
    pub property: String,
    pub values: Vec<String>,
}

/// How deep `allOf` parts and references are followed to find an alternative's properties;
/// a cycle or an absurd chain just ends the search.
const MAX_DEPTH: usize = 16;

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
                let properties = self.properties((*alternative).into(), 0);
                let (_, schema) = properties.iter().find(|(name, _)| name == property)?;
                let component = match alternative {
                    ReferenceOr::Reference { reference } => {
                        reference.strip_prefix("#/components/schemas/").map(crate::pointer::unescape)
                    }
                    ReferenceOr::Item(_) => None,
                };
                let mapped = component.as_ref().and_then(|component| {
                    discriminator.mapping.iter().find_map(|(value, target)| {
                        let target = target.strip_prefix("#/components/schemas/").unwrap_or(target);
                        (crate::pointer::unescape(target) == *component).then(|| value.clone())
                    })
                });
                mapped.or_else(|| self.fixed_value(*schema)).or(component)
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Tagging { property: property.clone(), values })
    }

    fn by_fixed_property(&self, alternatives: &[&ReferenceOr<Schema>]) -> Option<Tagging> {
        let fixed: Vec<Vec<(String, String)>> = alternatives
            .iter()
            .map(|alternative| {
                self.properties((*alternative).into(), 0)
                    .into_iter()
                    .filter_map(|(name, schema)| Some((name, self.fixed_value(schema)?)))
                    .collect()
            })
            .collect();
        let (first, rest) = fixed.split_first()?;
        first.iter().find_map(|(property, value)| {
            let mut values = vec![value.clone()];
            for properties in rest {
                let (_, value) = properties.iter().find(|(name, _)| name == property)?;
                values.push(value.clone());
            }
            Some(Tagging { property: property.clone(), values })
        })
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
    fn properties<'s>(&'s self, schema: SchemaRef<'s>, depth: usize) -> Vec<(String, SchemaRef<'s>)> {
        let Some(schema) = self.resolve(schema, depth) else {
            return Vec::new();
        };
        let own = |properties: &'s super::shape::Properties| {
            properties.iter().map(|(name, property)| (name.clone(), property.into())).collect::<Vec<_>>()
        };
        let mut found = match (shape(schema), own_object(schema)) {
            (Shape::Object { properties: Some(properties), .. }, _) => own(properties),
            (_, Some((properties, _, _))) => own(properties),
            _ => Vec::new(),
        };
        if let Shape::AllOf(parts) = shape(schema) {
            for part in parts {
                found.extend(self.properties(part.into(), depth + 1));
            }
        }
        found
    }

    /// The schema a reference (or a chain of them) leads to.
    fn resolve<'s>(&'s self, schema: SchemaRef<'s>, depth: usize) -> Option<&'s Schema> {
        let mut current = schema;
        for _ in depth..MAX_DEPTH {
            match current {
                SchemaRef::Item(schema) => return Some(schema),
                SchemaRef::Ref(reference) => {
                    let name = reference.strip_prefix("#/components/schemas/")?;
                    current = self.resolver.schema(&crate::pointer::unescape(name))?.into();
                }
            }
        }
        None
    }
}
