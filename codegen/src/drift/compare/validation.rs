//! Constraints on sent values: a tighter one can get a request refused that used to pass.

use super::Comparer;
use crate::drift::ChangeKind;
use crate::drift::Semver;
use crate::ir::{Bound, Validation};

impl Comparer<'_> {
    /// Compares the constraints on a value the caller sends (a field of a sent type, or a
    /// parameter): one change for what got tighter, one for what got looser.
    pub(super) fn validation(
        &mut self,
        old: Option<&Validation>,
        new: Option<&Validation>,
        label: &str,
        pointer: &str,
    ) {
        let (old, new) = (
            old.cloned().unwrap_or_default(),
            new.cloned().unwrap_or_default(),
        );
        let mut tighter = Vec::new();
        let mut looser = Vec::new();
        let mut judge =
            |name: &str, before: String, after: String, tightened: Option<bool>| match tightened {
                Some(true) => tighter.push(format!("{name} {before} → {after}")),
                Some(false) => looser.push(format!("{name} {before} → {after}")),
                None => {}
            };
        let show = |v: Option<u64>| v.map_or("none".to_owned(), |v| v.to_string());
        judge(
            "minLength",
            show(old.min_length),
            show(new.min_length),
            lower_limit(old.min_length, new.min_length),
        );
        judge(
            "maxLength",
            show(old.max_length),
            show(new.max_length),
            upper_limit(old.max_length, new.max_length),
        );
        judge(
            "minItems",
            show(old.min_items),
            show(new.min_items),
            lower_limit(old.min_items, new.min_items),
        );
        judge(
            "maxItems",
            show(old.max_items),
            show(new.max_items),
            upper_limit(old.max_items, new.max_items),
        );
        let bound = |b: Option<Bound>| {
            b.map_or("none".to_owned(), |b| {
                format!(
                    "{}{}",
                    b.value,
                    if b.exclusive { " (exclusive)" } else { "" }
                )
            })
        };
        judge(
            "minimum",
            bound(old.minimum),
            bound(new.minimum),
            bounds(old.minimum, new.minimum, |a, b| a < b),
        );
        judge(
            "maximum",
            bound(old.maximum),
            bound(new.maximum),
            bounds(old.maximum, new.maximum, |a, b| a > b),
        );
        let pattern =
            |p: &Option<String>| p.as_deref().map_or("none".to_owned(), |p| format!("`{p}`"));
        // A different pattern cannot be proven looser, so any change but removal is tighter.
        let pattern_change = (old.pattern != new.pattern).then_some(new.pattern.is_some());
        judge(
            "pattern",
            pattern(&old.pattern),
            pattern(&new.pattern),
            pattern_change,
        );
        let unique_change = (old.unique_items != new.unique_items).then_some(new.unique_items);
        judge(
            "uniqueItems",
            old.unique_items.to_string(),
            new.unique_items.to_string(),
            unique_change,
        );
        if !tighter.is_empty() {
            let what = format!("{label}: stricter validation ({})", tighter.join(", "));
            self.push(
                ChangeKind::ValidationTightened,
                pointer,
                true,
                Semver::Patch,
                self.value_crate(),
                what,
            );
        }
        if !looser.is_empty() {
            let what = format!("{label}: looser validation ({})", looser.join(", "));
            self.push(
                ChangeKind::ValidationLoosened,
                pointer,
                false,
                Semver::Patch,
                self.value_crate(),
                what,
            );
        }
    }
}

/// For a lower limit (`minLength`): `Some(true)` when it got tighter, `Some(false)` looser.
fn lower_limit(old: Option<u64>, new: Option<u64>) -> Option<bool> {
    match (old, new) {
        (a, b) if a == b => None,
        (None, Some(_)) => Some(true),
        (Some(_), None) => Some(false),
        (Some(a), Some(b)) => Some(b > a),
        (None, None) => None,
    }
}

/// For an upper limit (`maxLength`): `Some(true)` when it got tighter, `Some(false)` looser.
fn upper_limit(old: Option<u64>, new: Option<u64>) -> Option<bool> {
    match (old, new) {
        (a, b) if a == b => None,
        (None, Some(_)) => Some(true),
        (Some(_), None) => Some(false),
        (Some(a), Some(b)) => Some(b < a),
        (None, None) => None,
    }
}

/// For a numeric bound; `looser(a, b)` says whether limit `b` lets through more than `a`.
fn bounds(old: Option<Bound>, new: Option<Bound>, looser: fn(f64, f64) -> bool) -> Option<bool> {
    match (old, new) {
        (a, b) if a == b => None,
        (None, Some(_)) => Some(true),
        (Some(_), None) => Some(false),
        (Some(a), Some(b)) if a.value == b.value => Some(b.exclusive),
        (Some(a), Some(b)) => Some(!looser(a.value, b.value)),
        (None, None) => None,
    }
}
