//! A schema's inline constraints, kept for drift.

use crate::ir::{Bound, Validation};
use openapiv3::{Schema, SchemaKind, Type};

/// The constraints a schema states about its own value (not its items' or properties'), if
/// it states any.
pub(super) fn of(schema: &Schema) -> Option<Box<Validation>> {
    let v = stated(schema);
    (v != Validation::default()).then(|| Box::new(v))
}

fn stated(schema: &Schema) -> Validation {
    let mut v = Validation::default();
    let SchemaKind::Type(ty) = &schema.schema_kind else {
        return v;
    };
    let bound = |value: Option<f64>, exclusive: bool| value.map(|value| Bound { value, exclusive });
    match ty {
        Type::String(s) => {
            v.min_length = s.min_length.map(|n| n as u64);
            v.max_length = s.max_length.map(|n| n as u64);
            v.pattern = s.pattern.clone();
        }
        Type::Number(n) => {
            v.minimum = bound(n.minimum, n.exclusive_minimum);
            v.maximum = bound(n.maximum, n.exclusive_maximum);
        }
        Type::Integer(n) => {
            // As f64: bounds beyond 2^53 are compared a little coarsely, which no real limit
            // notices.
            v.minimum = bound(n.minimum.map(|m| m as f64), n.exclusive_minimum);
            v.maximum = bound(n.maximum.map(|m| m as f64), n.exclusive_maximum);
        }
        Type::Array(a) => {
            v.min_items = a.min_items.map(|n| n as u64);
            v.max_items = a.max_items.map(|n| n as u64);
            v.unique_items = a.unique_items;
        }
        Type::Object(_) | Type::Boolean(_) => {}
    }
    v
}
