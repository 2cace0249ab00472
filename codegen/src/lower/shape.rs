//! One uniform view of an `openapiv3` schema.
//!
//! `openapiv3` splits schemas into typed variants and falls back to `AnySchema` when keywords
//! are mixed (an object without `type`, `type` beside `anyOf`). Lowering matches on [`Shape`]
//! instead, so each construct is handled once whichever way the spec spelled it.

use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

/// A property map as `openapiv3` stores it.
pub type Properties = indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>;

/// What a schema describes, whatever keywords spelled it.
pub enum Shape<'a> {
    /// An object: properties, required names, and what other properties may hold.
    Object {
        properties: Option<&'a Properties>,
        required: &'a [String],
        additional: Option<&'a AdditionalProperties>,
    },
    /// An array, with its item schema when the spec gives one.
    Array {
        items: Option<&'a ReferenceOr<Box<Schema>>>,
    },
    /// A string with its format and enum values (`None` entries are `null`).
    String {
        format: String,
        values: Vec<Option<String>>,
    },
    /// An integer with its format and enum values (`None` entries are `null`).
    Integer {
        format: String,
        values: Vec<Option<i64>>,
    },
    /// A number with its format.
    Number { format: String },
    /// A boolean.
    Boolean,
    /// `allOf`.
    AllOf(&'a [ReferenceOr<Schema>]),
    /// `anyOf` (`oneOf` maps here too: both become untagged unions).
    AnyOf(&'a [ReferenceOr<Schema>]),
    /// `not`.
    Not,
    /// No constraint: any JSON value.
    Any,
    /// A `type` this generator does not know.
    Unknown(String),
}

fn format_name<T: serde::Serialize>(format: &VariantOrUnknownOrEmpty<T>) -> String {
    match format {
        VariantOrUnknownOrEmpty::Item(item) => serde_json::to_value(item)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        VariantOrUnknownOrEmpty::Unknown(s) => s.clone(),
        VariantOrUnknownOrEmpty::Empty => String::new(),
    }
}

/// The shape of a schema.
pub fn shape(schema: &Schema) -> Shape<'_> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => Shape::Object {
            properties: Some(&o.properties),
            required: &o.required,
            additional: o.additional_properties.as_ref(),
        },
        SchemaKind::Type(Type::Array(a)) => Shape::Array {
            items: a.items.as_ref(),
        },
        SchemaKind::Type(Type::String(s)) => Shape::String {
            format: format_name::<StringFormat>(&s.format),
            values: s.enumeration.clone(),
        },
        SchemaKind::Type(Type::Integer(i)) => Shape::Integer {
            format: format_name::<IntegerFormat>(&i.format),
            values: i.enumeration.clone(),
        },
        SchemaKind::Type(Type::Number(n)) => Shape::Number {
            format: format_name::<NumberFormat>(&n.format),
        },
        SchemaKind::Type(Type::Boolean(_)) => Shape::Boolean,
        SchemaKind::AllOf { all_of } => Shape::AllOf(all_of),
        SchemaKind::AnyOf { any_of } => Shape::AnyOf(any_of),
        SchemaKind::OneOf { one_of } => Shape::AnyOf(one_of),
        SchemaKind::Not { .. } => Shape::Not,
        SchemaKind::Any(any) => any_shape(any),
    }
}

fn any_shape(any: &AnySchema) -> Shape<'_> {
    if !any.all_of.is_empty() {
        return Shape::AllOf(&any.all_of);
    }
    if !any.any_of.is_empty() {
        return Shape::AnyOf(&any.any_of);
    }
    if !any.one_of.is_empty() {
        return Shape::AnyOf(&any.one_of);
    }
    let format = any.format.clone().unwrap_or_default();
    let object = || Shape::Object {
        properties: Some(&any.properties),
        required: &any.required,
        additional: any.additional_properties.as_ref(),
    };
    match any.typ.as_deref() {
        Some("object") => object(),
        Some("array") => Shape::Array {
            items: any.items.as_ref(),
        },
        Some("string") => Shape::String {
            format,
            values: string_values(&any.enumeration),
        },
        Some("integer") => Shape::Integer {
            format,
            values: integer_values(&any.enumeration),
        },
        Some("number") => Shape::Number { format },
        Some("boolean") => Shape::Boolean,
        Some(other) => Shape::Unknown(other.to_owned()),
        None if !any.properties.is_empty() || any.additional_properties.is_some() => object(),
        None if any.items.is_some() => Shape::Array {
            items: any.items.as_ref(),
        },
        None if !any.enumeration.is_empty()
            && any.enumeration.iter().all(|v| v.is_string() || v.is_null()) =>
        {
            Shape::String {
                format,
                values: string_values(&any.enumeration),
            }
        }
        None if any.not.is_some() => Shape::Not,
        None => Shape::Any,
    }
}

/// An `enum`'s integers (`1.0` is the integer it writes); a value of another kind ends the
/// list, as the enum then cannot be an integer enum.
fn integer_values(values: &[Value]) -> Vec<Option<i64>> {
    let exact = |v: &Value| {
        v.as_i64().or_else(|| {
            v.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                .map(|f| f as i64)
        })
    };
    let read: Option<Vec<Option<i64>>> = values
        .iter()
        .map(|v| {
            if v.is_null() {
                Some(None)
            } else {
                exact(v).map(Some)
            }
        })
        .collect();
    read.unwrap_or_default()
}

fn string_values(values: &[Value]) -> Vec<Option<String>> {
    values
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Whether a schema is `not: {}`, which no value matches: zod's way of saying "may be absent".
pub fn matches_nothing(schema: &ReferenceOr<Schema>) -> bool {
    match schema {
        ReferenceOr::Item(s) => match &s.schema_kind {
            SchemaKind::Not { not } => {
                matches!(&**not, ReferenceOr::Item(inner) if matches!(shape(inner), Shape::Any))
            }
            SchemaKind::Any(any) => {
                matches!(any.not.as_deref(), Some(ReferenceOr::Item(inner)) if matches!(shape(inner), Shape::Any))
            }
            _ => false,
        },
        ReferenceOr::Reference { .. } => false,
    }
}

/// The object keywords a schema has beside `allOf`/`anyOf`/`oneOf` (`openapiv3` keeps them in
/// an `AnySchema`): its own properties, required names and additional properties.
pub fn own_object(
    schema: &Schema,
) -> Option<(&Properties, &[String], Option<&AdditionalProperties>)> {
    match &schema.schema_kind {
        SchemaKind::Any(any)
            if (!any.all_of.is_empty() || !any.any_of.is_empty() || !any.one_of.is_empty())
                && (!any.properties.is_empty() || any.additional_properties.is_some()) =>
        {
            Some((
                &any.properties,
                &any.required,
                any.additional_properties.as_ref(),
            ))
        }
        _ => None,
    }
}

/// The parts of an `allOf` that only annotate (see [`annotated_part`]), with their data.
pub fn annotations(schema: &Schema) -> impl Iterator<Item = &openapiv3::SchemaData> {
    let parts: &[ReferenceOr<Schema>] = match (annotated_part(schema), shape(schema)) {
        (Some(_), Shape::AllOf(parts)) => parts,
        _ => &[],
    };
    parts.iter().filter_map(|part| match part {
        ReferenceOr::Item(s) if matches!(shape(s), Shape::Any) => Some(&s.schema_data),
        _ => None,
    })
}

/// The one part of an `allOf` that says what the value is, when every other part only
/// annotates it (a description, `readOnly`, `xml`, an example) and the schema has no
/// properties of its own: the common 3.0 way to document a `$ref`. Returns its index.
pub fn annotated_part(schema: &Schema) -> Option<usize> {
    let Shape::AllOf(parts) = shape(schema) else {
        return None;
    };
    if own_object(schema).is_some() {
        return None;
    }
    let annotation = |part: &ReferenceOr<Schema>| matches!(part, ReferenceOr::Item(s) if matches!(shape(s), Shape::Any));
    let mut meaningful = (0..parts.len()).filter(|i| !annotation(&parts[*i]));
    match (meaningful.next(), meaningful.next()) {
        (Some(only), None) => Some(only),
        // Nothing but annotations: any value, as `{}` would be.
        (None, _) => None,
        (Some(_), Some(_)) => None,
    }
}
