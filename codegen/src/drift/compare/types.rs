//! Types compared field by field, knowing which way data flows. A named type is compared once
//! per direction (see `mod.rs`), so a change inside it is reported once.

use super::{Comparer, Direction, Pair};
use crate::drift::ChangeKind;
use crate::drift::{CrateKind, Semver};
use crate::ir::{Field, Model, Presence, Struct, TypeDef, TypeKind, TypeRef, Union};

impl Comparer<'_> {
    /// Compares two types that stand at the same place, at `pointer` in the new spec.
    /// `place` is where the value stands for callers ("request body", "type `Pet` (received)"),
    /// `path` where inside it (`data[].voiceMode`, empty for the whole value). Named types are
    /// not entered here: they are queued and compared on their own.
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
        if let (TypeRef::Named(a), TypeRef::Named(b)) = (old_ty, new_ty) {
            // Two aliases are models items too, compared as types. An alias on one side only
            // (an inline schema moved into `components`, say) is looked through.
            let is_alias = |model: &Model, id| matches!(model.ty(id).kind, TypeKind::Alias(_));
            if is_alias(self.old, *a) && is_alias(self.new, *b) {
                self.reach((*a, *b, dir));
                return;
            }
        }
        let (old_ty, new_ty) = (
            self.old.resolve_alias(old_ty),
            self.new.resolve_alias(new_ty),
        );
        let krate = self.value_crate();
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
                self.nullability(
                    false,
                    dir,
                    &subject(place, path),
                    pointer,
                    Semver::Major,
                    krate,
                );
                self.types(a, b, dir, place, path, pointer);
            }
            (a, TypeRef::Nullable(b)) => {
                self.nullability(
                    true,
                    dir,
                    &subject(place, path),
                    pointer,
                    Semver::Major,
                    krate,
                );
                self.types(a, b, dir, place, path, pointer);
            }
            (TypeRef::Named(a), TypeRef::Named(b)) => self.reach((*a, *b, dir)),
            (a, b) => {
                let (before, after) = (describe(self.old, a), describe(self.new, b));
                if before != after {
                    let what = format!(
                        "{}: type changed from {before} to {after}",
                        subject(place, path)
                    );
                    self.push(
                        ChangeKind::TypeChanged,
                        pointer,
                        dir != Direction::Unused,
                        Semver::Major,
                        krate,
                        what,
                    );
                }
            }
        }
    }

    /// Compares one pair of named types: the second pass.
    pub(super) fn type_pair(&mut self, (a, b, dir): Pair) {
        self.reached.insert((a, b));
        let (old_def, new_def) = (self.old.ty(a), self.new.ty(b));
        let pointer = new_def.origin.clone();
        let same_shape = matches!(
            (&old_def.kind, &new_def.kind),
            (TypeKind::Alias(_), _)
                | (_, TypeKind::Alias(_))
                | (TypeKind::Struct(_), TypeKind::Struct(_))
                | (TypeKind::Enum(_), TypeKind::Enum(_))
                | (TypeKind::Union(_), TypeKind::Union(_))
        );
        // Another shape is reported below as a type change naming both types.
        if old_def.name != new_def.name && same_shape && self.renamed.insert((a, b)) {
            self.name_change(old_def, new_def, &pointer);
        }
        let place = label(new_def, dir);
        match (&old_def.kind, &new_def.kind) {
            (TypeKind::Alias(x), TypeKind::Alias(y)) => self.types(x, y, dir, &place, "", &pointer),
            (TypeKind::Alias(x), _) => self.types(x, &TypeRef::Named(b), dir, &place, "", &pointer),
            (_, TypeKind::Alias(y)) => self.types(&TypeRef::Named(a), y, dir, &place, "", &pointer),
            (TypeKind::Struct(x), TypeKind::Struct(y)) => {
                self.struct_api(old_def, new_def, x, y, &place);
                self.fields(x, y, old_def, new_def, dir, &place);
            }
            (TypeKind::Enum(x), TypeKind::Enum(y)) if x.integer != y.integer => {
                let kind = |e: &crate::ir::Enum| {
                    if e.integer {
                        "integer enum"
                    } else {
                        "string enum"
                    }
                };
                let what = format!("{place}: type changed from {} to {}", kind(x), kind(y));
                self.push(
                    ChangeKind::TypeChanged,
                    &pointer,
                    dir != Direction::Unused,
                    Semver::Major,
                    CrateKind::Models,
                    what,
                );
            }
            (TypeKind::Enum(x), TypeKind::Enum(y)) => {
                for value in x
                    .values
                    .iter()
                    .filter(|v| !y.values.iter().any(|w| w.wire == v.wire))
                {
                    // A value the server no longer accepts breaks senders; receivers just never see it.
                    let what = format!("{place}: enum value `{}` removed", value.wire);
                    self.push(
                        ChangeKind::EnumValueRemoved,
                        &pointer,
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
                    let what = format!("{place}: enum value `{}` added", value.wire);
                    self.push(
                        ChangeKind::EnumValueAdded,
                        &pointer,
                        dir == Direction::Response,
                        Semver::Minor,
                        CrateKind::Models,
                        what,
                    );
                }
                for value in y.values.iter() {
                    if let Some(old) = x
                        .values
                        .iter()
                        .find(|v| v.wire == value.wire && v.name != value.name)
                    {
                        let what = format!(
                            "{place}: enum variant `{}` renamed to `{}`",
                            old.name, value.name
                        );
                        self.record(ChangeKind::VariantRenamed, &pointer, what);
                    }
                }
            }
            (TypeKind::Union(x), TypeKind::Union(y)) => self.unions(x, y, dir, &place, &pointer),
            _ => {
                let (before, after) = (
                    describe(self.old, &TypeRef::Named(a)),
                    describe(self.new, &TypeRef::Named(b)),
                );
                let what = format!("{place}: type changed from {before} to {after}");
                self.push(
                    ChangeKind::TypeChanged,
                    &pointer,
                    dir != Direction::Unused,
                    Semver::Major,
                    CrateKind::Models,
                    what,
                );
            }
        }
    }

    /// A named type that stands at the same place under another name, by its cause: the spec
    /// renamed its component (or the config renamed the type), the place now uses another
    /// type while the old component remains, or the generator named an inline schema after
    /// another of its uses. Each needs callers to change the name they write.
    fn name_change(&mut self, old_def: &TypeDef, new_def: &TypeDef, pointer: &str) {
        let (old_name, new_name) = (&old_def.name, &new_def.name);
        let remains = |component: &String| self.new_components.contains(component.as_str());
        let (kind, what) = match (&old_def.component, &new_def.component) {
            (Some(x), Some(y)) if x != y && remains(x) => (
                ChangeKind::TypeReplaced,
                format!("now uses `{new_name}` (component `{y}`) where it used `{old_name}` (component `{x}`, still in the spec)"),
            ),
            (Some(x), None) if remains(x) => (
                ChangeKind::TypeReplaced,
                format!("now uses an inline type, `{new_name}`, where it used `{old_name}` (component `{x}`, still in the spec)"),
            ),
            (None, None) => (
                ChangeKind::InlineTypeRenamed,
                format!("Rust type renamed from `{old_name}` to `{new_name}`: an inline schema, named after the first place that uses it, and that place changed"),
            ),
            _ => (ChangeKind::TypeRenamed, format!("Rust type renamed from `{old_name}` to `{new_name}`")),
        };
        self.push(kind, pointer, false, Semver::Major, CrateKind::Models, what);
    }

    fn unions(&mut self, x: &Union, y: &Union, dir: Direction, place: &str, pointer: &str) {
        match (&x.tag, &y.tag) {
            (None, None) => self.untagged_unions(&x.variants, &y.variants, dir, place, pointer),
            (Some(a), Some(b)) if a.property == b.property => {
                self.tagged_unions(x, y, dir, place, pointer)
            }
            _ => {
                let told = |u: &Union| match &u.tag {
                    Some(tag) => format!("told apart by `{}`", tag.property),
                    None => "untagged".to_owned(),
                };
                // The JSON is the same; how the Rust enum reads it (and its variants) is not.
                let what = format!("{place}: union changed from {} to {}", told(x), told(y));
                self.push(
                    ChangeKind::TypeChanged,
                    pointer,
                    false,
                    Semver::Major,
                    CrateKind::Models,
                    what,
                );
            }
        }
    }

    /// Tagged unions match their alternatives by tag value. A new one is an addition: the enum
    /// is non-exhaustive, and such objects were kept whole in its `Other` variant before.
    fn tagged_unions(&mut self, x: &Union, y: &Union, dir: Direction, place: &str, pointer: &str) {
        for old in &x.variants {
            match y.variants.iter().find(|new| shares_a_tag(new, old)) {
                None => {
                    // Like an enum value: a server that no longer takes it breaks senders;
                    // receivers just never see it.
                    let what = format!("{place}: alternative `{}` removed", old.tags.join("` / `"));
                    self.push(
                        ChangeKind::VariantRemoved,
                        pointer,
                        dir == Direction::Request,
                        Semver::Major,
                        CrateKind::Models,
                        what,
                    );
                }
                Some(new) => self.variant_pair(old, new, dir, place, pointer),
            }
        }
        for new in y
            .variants
            .iter()
            .filter(|new| !x.variants.iter().any(|old| shares_a_tag(old, new)))
        {
            let what = format!("{place}: alternative `{}` added", new.tags.join("` / `"));
            self.record(ChangeKind::VariantAdded, pointer, what);
        }
    }

    /// One union variant in both versions: a new Rust name, and what changed in its type.
    fn variant_pair(
        &mut self,
        old: &crate::ir::UnionVariant,
        new: &crate::ir::UnionVariant,
        dir: Direction,
        place: &str,
        pointer: &str,
    ) {
        if old.name != new.name {
            let what = format!("{place}: variant `{}` renamed to `{}`", old.name, new.name);
            self.record(ChangeKind::VariantRenamed, pointer, what);
        }
        let label = format!("({})", new.name);
        self.types(&old.ty, &new.ty, dir, place, &label, pointer);
    }

    fn untagged_unions(
        &mut self,
        x: &[crate::ir::UnionVariant],
        y: &[crate::ir::UnionVariant],
        dir: Direction,
        place: &str,
        pointer: &str,
    ) {
        let shape = |model: &Model, variants: &[crate::ir::UnionVariant]| {
            variants
                .iter()
                .map(|v| describe(model, model.resolve_alias(&v.ty)))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let (before, after) = (shape(self.old, x), shape(self.new, y));
        if before != after {
            let what = format!("{place}: type changed from {before} to {after}");
            self.push(
                ChangeKind::TypeChanged,
                pointer,
                dir != Direction::Unused,
                Semver::Major,
                CrateKind::Models,
                what,
            );
            return;
        }
        for (old, new) in x.iter().zip(y) {
            self.variant_pair(old, new, dir, place, pointer);
        }
    }

    /// What Rust callers build values with: `new`'s arguments and `Default`.
    fn struct_api(
        &mut self,
        old_def: &TypeDef,
        new_def: &TypeDef,
        old: &Struct,
        new: &Struct,
        place: &str,
    ) {
        let pointer = &new_def.origin;
        if old_def.derive_default && !new_def.derive_default {
            let what = format!("{place}: no longer implements `Default`");
            self.record(ChangeKind::DefaultRemoved, pointer, what);
        }
        if old_def.constructible && !new_def.constructible {
            let what = format!("{place}: no longer has `new` (no request uses it)");
            self.record(ChangeKind::ConstructorRemoved, pointer, what);
        } else if old_def.constructible
            && new_def.constructible
            && old.built_by_name() != new.built_by_name()
        {
            let what = match new.built_by_name() {
                true => format!(
                    "{place}: built with `{}::builder()` instead of `new` (two required fields now share a type)",
                    new_def.name
                ),
                false => format!(
                    "{place}: built with `{}::new` instead of `builder()` (no two required fields share a type any more)",
                    new_def.name
                ),
            };
            self.record(ChangeKind::ConstructorChanged, pointer, what);
        } else if old_def.constructible && new_def.constructible && !new.built_by_name() {
            // Arguments added, removed or retyped are reported with their fields; a new order
            // among the same arguments would otherwise go unseen (and may even compile).
            let (before, after) = (constructor_args(old), constructor_args(new));
            if super::reordered(&before, &after) {
                let what = format!(
                    "{place}: `{}::new` takes its arguments in a new order ({})",
                    new_def.name,
                    after.join(", ")
                );
                self.record(ChangeKind::ConstructorChanged, pointer, what);
            }
        }
    }

    fn fields(
        &mut self,
        old: &Struct,
        new: &Struct,
        old_def: &TypeDef,
        new_def: &TypeDef,
        dir: Direction,
        place: &str,
    ) {
        let pairs = match_fields(old, new);
        let has_new = old_def.constructible && new_def.constructible;
        // A property can move between a struct and an `allOf` include it composes (see
        // `lower/include.rs`) and stay where it was on the wire. What the includes hold is only
        // looked up for a struct with unpaired fields: it walks the includes' chain.
        let removed: Vec<&Field> = old
            .fields
            .iter()
            .filter(|f| !pairs.iter().any(|(o, _)| std::ptr::eq(*o, *f)))
            .collect();
        let added: Vec<&Field> = new
            .fields
            .iter()
            .filter(|f| !pairs.iter().any(|(_, n)| std::ptr::eq(*n, *f)))
            .collect();
        let held_now = if removed.is_empty() {
            Default::default()
        } else {
            held_by_includes(self.new, new)
        };
        let held_before = if added.is_empty() {
            Default::default()
        } else {
            held_by_includes(self.old, old)
        };
        for field in removed {
            let moved = held_now.contains(&field.wire_name);
            let wire = !moved
                && field.presence != Presence::Flattened
                && match dir {
                    // Sent values the schema no longer describes may be refused or silently dropped.
                    Direction::Request => true,
                    Direction::Response => is_required(field.presence),
                    Direction::Unused => false,
                };
            let what = match moved {
                true => format!(
                    "{place}: field `{}` moved into an included struct (the same on the wire)",
                    field.wire_name
                ),
                false => format!("{place}: {} removed", field_words(field)),
            };
            self.push(
                ChangeKind::FieldRemoved,
                &field_pointer(old_def, field),
                wire,
                Semver::Major,
                CrateKind::Models,
                what,
            );
        }
        for field in added {
            let required = is_required(field.presence);
            let moved = held_before.contains(&field.wire_name);
            let wire = dir == Direction::Request
                && required
                && !moved
                && field.presence != Presence::Flattened;
            // Structs are non-exhaustive: a field only breaks Rust callers as a new argument of `new`.
            let rust = if required && has_new {
                Semver::Major
            } else {
                Semver::Minor
            };
            let what = match field.presence {
                Presence::Flattened => format!("{place}: {} added", field_words(field)),
                _ => format!(
                    "{place}: {} field `{}` added{}{}",
                    if required { "required" } else { "optional" },
                    field.wire_name,
                    if moved {
                        ", moved out of an included struct"
                    } else {
                        ""
                    },
                    match (rust == Semver::Major, new.built_by_name()) {
                        (false, _) => "",
                        (true, false) => " (an argument of `new`)",
                        (true, true) => " (a field `build()` requires)",
                    }
                ),
            };
            self.push(
                ChangeKind::FieldAdded,
                &field_pointer(new_def, field),
                wire,
                rust,
                CrateKind::Models,
                what,
            );
        }
        for (old_field, new_field) in pairs {
            let pointer = field_pointer(new_def, new_field);
            if old_field.wire_name != new_field.wire_name {
                self.wire_rename(old_field, new_field, dir, place, &pointer);
            }
            let rust = if wrapper(old_field.presence) == wrapper(new_field.presence)
                && old_field.boxed == new_field.boxed
                && old_field.name == new_field.name
                && !(has_new && is_required(old_field.presence) != is_required(new_field.presence))
            {
                Semver::Patch
            } else {
                Semver::Major
            };
            self.field_pair(old_field, new_field, dir, place, &pointer, rust);
        }
    }

    /// The same field under another wire name (its case, usually): one change, judged by what
    /// old callers send and read, and by whether the Rust name moved.
    fn wire_rename(
        &mut self,
        old: &Field,
        new: &Field,
        dir: Direction,
        place: &str,
        pointer: &str,
    ) {
        let rust = if old.name == new.name {
            Semver::Patch
        } else {
            Semver::Major
        };
        let what = format!(
            "{place}: field `{}` is now `{}` on the wire{}",
            old.wire_name,
            new.wire_name,
            if rust == Semver::Patch {
                format!(" (still `{}` in Rust)", new.name)
            } else {
                format!(" (`{}` in Rust)", new.name)
            }
        );
        // Old callers send, or look for, the old name.
        let wire = dir != Direction::Unused;
        self.push(
            ChangeKind::FieldWireNameChanged,
            pointer,
            wire,
            rust,
            CrateKind::Models,
            what,
        );
    }

    fn field_pair(
        &mut self,
        old_field: &Field,
        new_field: &Field,
        dir: Direction,
        place: &str,
        pointer: &str,
        rust: Semver,
    ) {
        let field_path = new_field.wire_name.clone();
        if is_required(old_field.presence) != is_required(new_field.presence) {
            let now_required = is_required(new_field.presence);
            let wire = match dir {
                Direction::Request => now_required,
                Direction::Response => !now_required,
                Direction::Unused => false,
            };
            let (kind, what) = if now_required {
                (
                    ChangeKind::FieldBecameRequired,
                    format!("{place}: field `{field_path}` is now required"),
                )
            } else {
                (
                    ChangeKind::FieldBecameOptional,
                    format!("{place}: field `{field_path}` is now optional"),
                )
            };
            self.push(kind, pointer, wire, rust, CrateKind::Models, what);
        }
        if is_nullable(old_field.presence) != is_nullable(new_field.presence) {
            let label = subject(place, &field_path);
            self.nullability(
                is_nullable(new_field.presence),
                dir,
                &label,
                pointer,
                rust,
                CrateKind::Models,
            );
        }
        let flags_same = is_required(old_field.presence) == is_required(new_field.presence)
            && is_nullable(old_field.presence) == is_nullable(new_field.presence);
        if flags_same && rust == Semver::Major && old_field.name == new_field.name {
            // Same on the wire, a different Rust type: a default that became (or stopped
            // being) applied, or a field that is now boxed to break a cycle.
            let what = format!(
                "{place}: field `{field_path}` changes Rust type ({} → {})",
                rust_shape(old_field),
                rust_shape(new_field)
            );
            self.record(ChangeKind::FieldTypeChanged, pointer, what);
        }
        if dir == Direction::Request {
            let label = subject(place, &field_path);
            self.validation(
                old_field.validation.as_deref(),
                new_field.validation.as_deref(),
                &label,
                pointer,
            );
        }
        self.types(
            &old_field.ty,
            &new_field.ty,
            dir,
            place,
            &field_path,
            pointer,
        );
    }

    pub(super) fn nullability(
        &mut self,
        now_nullable: bool,
        dir: Direction,
        label: &str,
        pointer: &str,
        rust: Semver,
        krate: CrateKind,
    ) {
        // Null newly allowed surprises receivers; null newly refused breaks senders.
        let wire = match dir {
            Direction::Request => !now_nullable,
            Direction::Response => now_nullable,
            Direction::Unused => false,
        };
        let (kind, what) = if now_nullable {
            (
                ChangeKind::NullableAdded,
                format!("{label}: may now be null"),
            )
        } else {
            (
                ChangeKind::NullableRemoved,
                format!("{label}: may no longer be null"),
            )
        };
        self.push(kind, pointer, wire, rust, krate, what);
    }
}

/// Old and new fields that are the same property: the same wire name, else the same name but
/// for case (`userID` → `userId`), else the same Rust name.
fn match_fields<'a>(old: &'a Struct, new: &'a Struct) -> Vec<(&'a Field, &'a Field)> {
    let mut pairs: Vec<(&Field, &Field)> = Vec::new();
    let rules: [fn(&Field, &Field) -> bool; 3] = [
        |a, b| a.wire_name == b.wire_name,
        |a, b| a.wire_name.eq_ignore_ascii_case(&b.wire_name),
        |a, b| a.name == b.name,
    ];
    for rule in rules {
        for o in &old.fields {
            if pairs.iter().any(|(p, _)| std::ptr::eq(*p, o)) {
                continue;
            }
            let free = |n: &&Field| !pairs.iter().any(|(_, q)| std::ptr::eq(*q, *n));
            let same_kind = |n: &&Field| {
                (o.presence == Presence::Flattened) == (n.presence == Presence::Flattened)
            };
            if let Some(n) = new
                .fields
                .iter()
                .filter(free)
                .filter(same_kind)
                .find(|n| rule(o, n))
            {
                pairs.push((o, n));
            }
        }
    }
    pairs
}

/// Where a field stands in the spec: its property, or (for a composed `allOf` include) its
/// struct's schema.
fn field_pointer(def: &TypeDef, field: &Field) -> String {
    match field.presence {
        Presence::Flattened => def.origin.clone(),
        _ => crate::pointer::join(
            &crate::pointer::join(&def.origin, "properties"),
            &field.wire_name,
        ),
    }
}

/// The wire names of the properties a struct holds in its composed `allOf` includes, through
/// the includes' own includes.
fn held_by_includes(model: &Model, s: &Struct) -> std::collections::HashSet<String> {
    let included = |s: &Struct| -> Vec<TypeRef> {
        s.fields
            .iter()
            .filter(|f| f.presence == Presence::Flattened)
            .map(|f| f.ty.clone())
            .collect()
    };
    let (mut held, mut seen) = (
        std::collections::HashSet::new(),
        std::collections::HashSet::new(),
    );
    let mut pending = included(s);
    while let Some(ty) = pending.pop() {
        let TypeRef::Named(id) = model.resolve_alias(&ty) else {
            continue;
        };
        if !seen.insert(*id) {
            continue;
        }
        if let TypeKind::Struct(inner) = &model.ty(*id).kind {
            held.extend(
                inner
                    .fields
                    .iter()
                    .filter(|f| f.presence != Presence::Flattened)
                    .map(|f| f.wire_name.clone()),
            );
            pending.extend(included(inner));
        }
    }
    held
}

/// A field in words: a property by its wire name, a composed `allOf` include by what it holds.
fn field_words(field: &Field) -> String {
    match field.presence {
        Presence::Flattened => {
            format!(
                "the properties of `{}`, included as the flattened field `{}`,",
                field.wire_name, field.name
            )
        }
        _ => format!("field `{}`", field.wire_name),
    }
}

/// The arguments of a constructible struct's `new`, by Rust name.
fn constructor_args(s: &Struct) -> Vec<String> {
    s.constructor_fields()
        .into_iter()
        .map(|f| f.name.clone())
        .collect()
}

fn is_required(p: Presence) -> bool {
    matches!(
        p,
        Presence::Required | Presence::RequiredNullable | Presence::Flattened
    )
}

fn is_nullable(p: Presence) -> bool {
    matches!(p, Presence::RequiredNullable | Presence::OptionalNullable)
}

/// How a type is named in messages: by Rust name and the way it flows.
fn label(def: &TypeDef, dir: Direction) -> String {
    match (dir, &def.component) {
        (Direction::Request, _) => format!("type `{}` (sent)", def.name),
        (Direction::Response, _) => format!("type `{}` (received)", def.name),
        (Direction::Unused, Some(component)) => format!("schema `{component}`"),
        (Direction::Unused, None) => format!("type `{}`", def.name),
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
fn rust_shape(field: &Field) -> &'static str {
    match (field.presence, field.boxed) {
        (_, true) => "boxed",
        (Presence::Required, _) => "`T`",
        (Presence::Defaulted, _) => "`T` with its default",
        (Presence::Optional | Presence::RequiredNullable, _) => "`Option<T>`",
        (Presence::OptionalNullable, _) => "`Nullable<T>`",
        (Presence::Flattened, _) => "flattened `T`",
    }
}

/// Which Rust wrapper a presence gives a field: a change of wrapper changes the field's type.
fn wrapper(presence: Presence) -> u8 {
    match presence {
        Presence::Required | Presence::Defaulted => 0,
        Presence::Optional | Presence::RequiredNullable => 1,
        Presence::OptionalNullable => 2,
        Presence::Flattened => 3,
    }
}

/// A type in words, for messages and for spotting changes of kind.
fn describe(model: &Model, ty: &TypeRef) -> String {
    match model.resolve_alias(ty) {
        TypeRef::Bool => "boolean".into(),
        TypeRef::I32 => "integer (int32)".into(),
        TypeRef::I64 => "integer".into(),
        TypeRef::F32 => "number (float)".into(),
        TypeRef::F64 => "number".into(),
        TypeRef::String => "string".into(),
        TypeRef::DateTime => "date-time string".into(),
        TypeRef::Date => "date string".into(),
        TypeRef::Json => "any JSON".into(),
        TypeRef::Bytes => "bytes".into(),
        TypeRef::Binary => "binary string".into(),
        TypeRef::Array(inner) => format!("array of {}", describe(model, inner)),
        TypeRef::Map(inner) => format!("map of {}", describe(model, inner)),
        TypeRef::Nullable(inner) => format!("{} or null", describe(model, inner)),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Struct(_) => "object".into(),
            TypeKind::Enum(e) if e.integer => "integer enum".into(),
            TypeKind::Enum(_) => "string enum".into(),
            TypeKind::Union(_) => "one of several types".into(),
            TypeKind::Alias(_) => "alias".into(),
        },
    }
}

/// Whether two alternatives of tagged unions are selected by some same tag value.
fn shares_a_tag(a: &crate::ir::UnionVariant, b: &crate::ir::UnionVariant) -> bool {
    a.tags.iter().any(|tag| b.tags.contains(tag))
}
