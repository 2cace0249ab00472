//! Types compared field by field, knowing which way data flows.

use super::{Comparer, Direction};
use crate::drift::{CrateKind, Semver};
use crate::ir::{Model, Presence, Struct, TypeDef, TypeId, TypeKind, TypeRef};

impl Comparer<'_> {
    /// Compares two types that stand at the same place, at `pointer` in the new spec.
    /// `place` is where the value stands for callers ("request body", "response 200"),
    /// `path` where inside it (`data[].voiceMode`, empty for the whole value).
    pub(super) fn types(
        &mut self,
        old_ty: &TypeRef,
        new_ty: &TypeRef,
        dir: Direction,
        place: &str,
        path: &str,
        pointer: &str,
    ) {
        if dir != Direction::Unused {
            if let TypeRef::Named(id) = old_ty {
                self.used_old.insert(*id);
            }
            if let TypeRef::Named(id) = new_ty {
                self.used_new.insert(*id);
            }
        }
        let (old_ty, new_ty) = (resolve(self.old, old_ty), resolve(self.new, new_ty));
        match (old_ty, new_ty) {
            (TypeRef::Array(a), TypeRef::Array(b)) => {
                self.types(a, b, dir, place, &format!("{path}[]"), pointer)
            }
            (TypeRef::Map(a), TypeRef::Map(b)) => {
                self.types(a, b, dir, place, &format!("{path}.*"), pointer)
            }
            (TypeRef::Nullable(a), TypeRef::Nullable(b)) => {
                self.types(a, b, dir, place, path, pointer)
            }
            (TypeRef::Nullable(a), b) => {
                self.nullability(false, dir, &subject(place, path), pointer, Semver::Major);
                self.types(a, b, dir, place, path, pointer);
            }
            (a, TypeRef::Nullable(b)) => {
                self.nullability(true, dir, &subject(place, path), pointer, Semver::Major);
                self.types(a, b, dir, place, path, pointer);
            }
            (TypeRef::Named(a), TypeRef::Named(b)) => self.named(*a, *b, dir, place, path, pointer),
            (a, b) => {
                let (before, after) = (describe(self.old, a), describe(self.new, b));
                if before != after {
                    let what = format!(
                        "{}: type changed from {before} to {after}",
                        subject(place, path)
                    );
                    self.push(
                        "type_changed",
                        pointer,
                        dir != Direction::Unused,
                        Semver::Major,
                        CrateKind::Models,
                        what,
                    );
                }
            }
        }
    }

    fn named(
        &mut self,
        a: TypeId,
        b: TypeId,
        dir: Direction,
        place: &str,
        path: &str,
        pointer: &str,
    ) {
        let label = subject(place, path);
        if !self.seen.insert((a, b, dir)) {
            return;
        }
        self.reached.insert((a, b));
        let (old_def, new_def) = (self.old.ty(a), self.new.ty(b));
        if old_def.name != new_def.name {
            let what = format!(
                "{label}: Rust type renamed from `{}` to `{}`",
                old_def.name, new_def.name
            );
            self.push(
                "type_renamed",
                &new_def.origin,
                false,
                Semver::Major,
                CrateKind::Models,
                what,
            );
        }
        match (&old_def.kind, &new_def.kind) {
            (TypeKind::Struct(x), TypeKind::Struct(y)) => {
                self.fields(x, y, new_def, old_def, dir, place, path)
            }
            (TypeKind::Enum(x), TypeKind::Enum(y)) => {
                for value in x
                    .values
                    .iter()
                    .filter(|v| !y.values.iter().any(|w| w.wire == v.wire))
                {
                    // A value the server no longer accepts breaks senders; receivers just never see it.
                    let what = format!("{label}: enum value `{}` removed", value.wire);
                    self.push(
                        "enum_value_removed",
                        pointer,
                        dir == Direction::Request,
                        Semver::Major,
                        CrateKind::Models,
                        what,
                    );
                }
                for value in y
                    .values
                    .iter()
                    .filter(|v| !x.values.iter().any(|w| w.wire == v.wire))
                {
                    // Receivers may not expect it; the generated enums keep it (`Other`) and are
                    // non-exhaustive, so for Rust callers it is an addition.
                    let what = format!("{label}: enum value `{}` added", value.wire);
                    self.push(
                        "enum_value_added",
                        pointer,
                        dir == Direction::Response,
                        Semver::Minor,
                        CrateKind::Models,
                        what,
                    );
                }
            }
            (TypeKind::Union(x), TypeKind::Union(y)) => {
                let shape = |model: &Model, variants: &[crate::ir::UnionVariant]| {
                    variants
                        .iter()
                        .map(|v| describe(model, resolve(model, &v.ty)))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let (before, after) = (shape(self.old, x), shape(self.new, y));
                if before != after {
                    let what = format!("{label}: type changed from {before} to {after}");
                    self.push(
                        "type_changed",
                        pointer,
                        dir != Direction::Unused,
                        Semver::Major,
                        CrateKind::Models,
                        what,
                    );
                }
            }
            _ => {
                let (before, after) = (
                    describe(self.old, &TypeRef::Named(a)),
                    describe(self.new, &TypeRef::Named(b)),
                );
                let what = format!("{label}: type changed from {before} to {after}");
                self.push(
                    "type_changed",
                    pointer,
                    dir != Direction::Unused,
                    Semver::Major,
                    CrateKind::Models,
                    what,
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fields(
        &mut self,
        old: &Struct,
        new: &Struct,
        new_def: &TypeDef,
        old_def: &TypeDef,
        dir: Direction,
        place: &str,
        path: &str,
    ) {
        let at = |wire: &str| {
            if path.is_empty() {
                wire.to_owned()
            } else {
                format!("{path}.{wire}")
            }
        };
        let field_pointer = |def: &TypeDef, wire: &str| {
            crate::pointer::join(&crate::pointer::join(&def.origin, "properties"), wire)
        };
        for field in old
            .fields
            .iter()
            .filter(|f| !new.fields.iter().any(|g| g.wire_name == f.wire_name))
        {
            let required = matches!(
                field.presence,
                Presence::Required | Presence::RequiredNullable
            );
            let wire = match dir {
                // Sent values the schema no longer describes may be refused or silently dropped.
                Direction::Request => true,
                Direction::Response => required,
                Direction::Unused => false,
            };
            let what = format!("{place}: field `{}` removed", at(&field.wire_name));
            self.push(
                "field_removed",
                &field_pointer(old_def, &field.wire_name),
                wire,
                Semver::Major,
                CrateKind::Models,
                what,
            );
        }
        for field in new
            .fields
            .iter()
            .filter(|f| !old.fields.iter().any(|g| g.wire_name == f.wire_name))
        {
            let required = matches!(
                field.presence,
                Presence::Required | Presence::RequiredNullable
            );
            let wire = dir == Direction::Request && required;
            // Received-only structs are non-exhaustive; callers build the others with
            // `..Default::default()`, so only a required field or a lost `Default` breaks them.
            let rust = if !new_def.constructible
                || (!required && new_def.derive_default && old_def.derive_default)
            {
                Semver::Minor
            } else {
                Semver::Major
            };
            let what = format!(
                "{place}: {} field `{}` added",
                if required { "required" } else { "optional" },
                at(&field.wire_name)
            );
            self.push(
                "field_added",
                &field_pointer(new_def, &field.wire_name),
                wire,
                rust,
                CrateKind::Models,
                what,
            );
        }
        for new_field in &new.fields {
            let Some(old_field) = old
                .fields
                .iter()
                .find(|f| f.wire_name == new_field.wire_name)
            else {
                continue;
            };
            let pointer = field_pointer(new_def, &new_field.wire_name);
            let field_path = at(&new_field.wire_name);
            let rust = if wrapper(old_field.presence) == wrapper(new_field.presence)
                && old_field.boxed == new_field.boxed
            {
                Semver::Patch
            } else {
                Semver::Major
            };
            let required =
                |p: Presence| matches!(p, Presence::Required | Presence::RequiredNullable);
            let nullable =
                |p: Presence| matches!(p, Presence::RequiredNullable | Presence::OptionalNullable);
            if required(old_field.presence) != required(new_field.presence) {
                let now_required = required(new_field.presence);
                let wire = match dir {
                    Direction::Request => now_required,
                    Direction::Response => !now_required,
                    Direction::Unused => false,
                };
                let (kind, what) = if now_required {
                    (
                        "field_became_required",
                        format!("{place}: field `{field_path}` is now required"),
                    )
                } else {
                    (
                        "field_became_optional",
                        format!("{place}: field `{field_path}` is now optional"),
                    )
                };
                self.push(kind, &pointer, wire, rust, CrateKind::Models, what);
            }
            if nullable(old_field.presence) != nullable(new_field.presence) {
                self.nullability(
                    nullable(new_field.presence),
                    dir,
                    &subject(place, &field_path),
                    &pointer,
                    rust,
                );
            }
            let flags_same = required(old_field.presence) == required(new_field.presence)
                && nullable(old_field.presence) == nullable(new_field.presence);
            if flags_same && rust == Semver::Major {
                // Same on the wire, a different Rust type: a default that became (or stopped
                // being) applied, or a field that is now boxed to break a cycle.
                let what = format!(
                    "{place}: field `{field_path}` changes Rust type ({} → {})",
                    rust_shape(old_field),
                    rust_shape(new_field)
                );
                self.push(
                    "field_type_changed",
                    &pointer,
                    false,
                    Semver::Major,
                    CrateKind::Models,
                    what,
                );
            }
            self.types(
                &old_field.ty,
                &new_field.ty,
                dir,
                place,
                &field_path,
                &pointer,
            );
        }
    }

    pub(super) fn nullability(
        &mut self,
        now_nullable: bool,
        dir: Direction,
        label: &str,
        pointer: &str,
        rust: Semver,
    ) {
        // Null newly allowed surprises receivers; null newly refused breaks senders.
        let wire = match dir {
            Direction::Request => !now_nullable,
            Direction::Response => now_nullable,
            Direction::Unused => false,
        };
        let (kind, what) = if now_nullable {
            ("nullable_added", format!("{label}: may now be null"))
        } else {
            (
                "nullable_removed",
                format!("{label}: may no longer be null"),
            )
        };
        self.push(kind, pointer, wire, rust, CrateKind::Models, what);
    }
}

/// `response 200`, or `response 200 `[].id`` for a place inside the value.
fn subject(place: &str, path: &str) -> String {
    if path.is_empty() {
        place.to_owned()
    } else {
        format!("{place} `{path}`")
    }
}

/// A field's Rust shape in words, for messages.
fn rust_shape(field: &crate::ir::Field) -> &'static str {
    match (field.presence, field.boxed) {
        (_, true) => "boxed",
        (Presence::Required, _) => "`T`",
        (Presence::Defaulted, _) => "`T` with its default",
        (Presence::Optional | Presence::RequiredNullable, _) => "`Option<T>`",
        (Presence::OptionalNullable, _) => "`Nullable<T>`",
    }
}

/// Which Rust wrapper a presence gives a field: a change of wrapper changes the field's type.
fn wrapper(presence: Presence) -> u8 {
    match presence {
        Presence::Required | Presence::Defaulted => 0,
        Presence::Optional | Presence::RequiredNullable => 1,
        Presence::OptionalNullable => 2,
    }
}

/// Follows aliases to the type they name.
fn resolve<'a>(model: &'a Model, ty: &'a TypeRef) -> &'a TypeRef {
    let mut current = ty;
    for _ in 0..=model.types.len() {
        match current {
            TypeRef::Named(id) => match &model.ty(*id).kind {
                TypeKind::Alias(inner) => current = inner,
                _ => return current,
            },
            _ => return current,
        }
    }
    current
}

/// A type in words, for messages and for spotting changes of kind.
fn describe(model: &Model, ty: &TypeRef) -> String {
    match resolve(model, ty) {
        TypeRef::Bool => "boolean".into(),
        TypeRef::I32 => "integer (int32)".into(),
        TypeRef::I64 => "integer".into(),
        TypeRef::F32 => "number (float)".into(),
        TypeRef::F64 => "number".into(),
        TypeRef::String => "string".into(),
        TypeRef::DateTime => "date-time string".into(),
        TypeRef::Json => "any JSON".into(),
        TypeRef::Array(inner) => format!("array of {}", describe(model, inner)),
        TypeRef::Map(inner) => format!("map of {}", describe(model, inner)),
        TypeRef::Nullable(inner) => format!("{} or null", describe(model, inner)),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Struct(_) => "object".into(),
            TypeKind::Enum(_) => "string enum".into(),
            TypeKind::Union(_) => "one of several types".into(),
            TypeKind::Alias(_) => "alias".into(),
        },
    }
}
