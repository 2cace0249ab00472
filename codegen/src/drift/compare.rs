//! The comparison itself: operations matched by method and path, then their parameters,
//! bodies and responses, then the types they use, field by field, knowing the direction.

use super::{Change, CrateKind, OperationRef, Semver};
use crate::ir::{
    Model, Operation, Param, ParamLocation, Presence, Struct, TypeDef, TypeId, TypeKind, TypeRef,
};
use std::collections::HashSet;

/// Which way data flows through a type: it decides what breaks a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Direction {
    /// The caller sends it: tightening breaks.
    Request,
    /// The caller receives it: loosening breaks.
    Response,
    /// A component no operation uses: only the Rust API can break.
    Unused,
}

struct Comparer<'m> {
    api: &'m str,
    old: &'m Model,
    new: &'m Model,
    operation: Option<OperationRef>,
    /// Type pairs already compared for the current operation (recursion, repetition).
    seen: HashSet<(TypeId, TypeId, Direction)>,
    /// Component pairs compared through any operation.
    reached: HashSet<(TypeId, TypeId)>,
    out: Vec<Change>,
}

pub(super) fn compare(api: &str, old: &Model, new: &Model) -> Vec<Change> {
    let mut cmp = Comparer {
        api,
        old,
        new,
        operation: None,
        seen: HashSet::new(),
        reached: HashSet::new(),
        out: Vec::new(),
    };
    cmp.operations();
    cmp.operation = None;
    cmp.servers();
    cmp.unused_components();
    cmp.out
}

/// A path template with parameter names erased, so `{id}` and `{agent_id}` match.
fn shape_of(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

impl<'m> Comparer<'m> {
    fn push(
        &mut self,
        kind: &'static str,
        pointer: &str,
        wire: bool,
        rust: Semver,
        krate: CrateKind,
        message: String,
    ) {
        self.out.push(Change {
            api: self.api.to_owned(),
            kind,
            operation: self.operation.clone(),
            pointer: pointer.to_owned(),
            breaking_wire: wire,
            rust_semver: rust,
            krate,
            message,
        });
    }

    fn operations(&mut self) {
        let key = |op: &Operation| (op.method.clone(), shape_of(&op.path));
        let mut unmatched_new: Vec<&Operation> = Vec::new();
        let mut matched: Vec<(&Operation, &Operation)> = Vec::new();
        for new_op in &self.new.operations {
            match self.old.operations.iter().find(|o| key(o) == key(new_op)) {
                Some(old_op) => matched.push((old_op, new_op)),
                None => unmatched_new.push(new_op),
            }
        }
        let mut unmatched_old: Vec<&Operation> = self
            .old
            .operations
            .iter()
            .filter(|o| !matched.iter().any(|(m, _)| std::ptr::eq(*m, *o)))
            .collect();
        // An operation that kept its operationId but changed its method or path has moved.
        let mut moved = Vec::new();
        unmatched_new.retain(|new_op| {
            let same_id = unmatched_old
                .iter()
                .position(|o| o.operation_id.is_some() && o.operation_id == new_op.operation_id);
            match same_id {
                Some(index) => {
                    moved.push((unmatched_old.remove(index), *new_op));
                    false
                }
                None => true,
            }
        });
        for old_op in unmatched_old {
            self.operation = Some(operation_ref(old_op));
            self.push(
                "operation_removed",
                &old_op.origin,
                true,
                Semver::Major,
                CrateKind::Client,
                "operation removed".into(),
            );
        }
        for new_op in unmatched_new {
            self.operation = Some(operation_ref(new_op));
            self.push(
                "operation_added",
                &new_op.origin,
                false,
                Semver::Minor,
                CrateKind::Client,
                "operation added".into(),
            );
        }
        for (old_op, new_op) in moved {
            self.operation = Some(operation_ref(new_op));
            let (kind, what) = if old_op.method != new_op.method {
                (
                    "operation_method_changed",
                    format!("method changed from {} to {}", old_op.method, new_op.method),
                )
            } else {
                (
                    "operation_path_changed",
                    format!("path changed from `{}` to `{}`", old_op.path, new_op.path),
                )
            };
            // The regenerated method calls the new endpoint, so Rust callers only notice if the
            // method itself was renamed.
            let rust = if same_method(old_op, new_op) {
                Semver::Patch
            } else {
                Semver::Major
            };
            self.push(
                kind,
                &new_op.origin,
                true,
                rust,
                CrateKind::Client,
                format!("{what} (same operationId)"),
            );
            self.operation_pair(old_op, new_op);
        }
        for (old_op, new_op) in matched {
            self.operation = Some(operation_ref(new_op));
            if old_op.operation_id != new_op.operation_id {
                let rust = if same_method(old_op, new_op) {
                    Semver::Patch
                } else {
                    Semver::Major
                };
                let message = format!(
                    "operationId changed from `{}` to `{}`{}",
                    old_op.operation_id.as_deref().unwrap_or("none"),
                    new_op.operation_id.as_deref().unwrap_or("none"),
                    if rust == Semver::Major {
                        format!("; the method is now `{}`", method_path(new_op))
                    } else {
                        String::new()
                    }
                );
                self.push(
                    "operation_id_changed",
                    &new_op.origin,
                    false,
                    rust,
                    CrateKind::Client,
                    message,
                );
            }
            self.operation_pair(old_op, new_op);
        }
    }

    fn operation_pair(&mut self, old_op: &Operation, new_op: &Operation) {
        self.seen.clear();
        self.params(old_op, new_op);
        self.body(old_op, new_op);
        self.responses(old_op, new_op);
        self.security(old_op, new_op);
    }

    fn params(&mut self, old_op: &Operation, new_op: &Operation) {
        let same = |a: &Param, b: &Param| a.location == b.location && a.api_name == b.api_name;
        for old_param in &old_op.params {
            // A renamed path variable is the same parameter: paths were matched by shape.
            let renamed_path_param = |p: &&Param| {
                p.location == ParamLocation::Path && old_param.location == ParamLocation::Path
            };
            if !new_op.params.iter().any(|p| same(old_param, p))
                && !new_op.params.iter().any(|p| renamed_path_param(&p))
            {
                let what = format!(
                    "{} parameter `{}` removed",
                    location(old_param.location),
                    old_param.api_name
                );
                self.push(
                    "parameter_removed",
                    &old_param.origin,
                    false,
                    Semver::Major,
                    CrateKind::Client,
                    what,
                );
            }
        }
        for new_param in &new_op.params {
            let Some(old_param) = old_op.params.iter().find(|p| same(p, new_param)) else {
                if new_param.location == ParamLocation::Path {
                    continue;
                }
                let (wire, rust, how) = if new_param.required {
                    (true, Semver::Major, "required")
                } else {
                    (false, Semver::Minor, "optional")
                };
                let what = format!(
                    "{how} {} parameter `{}` added",
                    location(new_param.location),
                    new_param.api_name
                );
                self.push(
                    "parameter_added",
                    &new_param.origin,
                    wire,
                    rust,
                    CrateKind::Client,
                    what,
                );
                continue;
            };
            if old_param.required != new_param.required {
                let (wire, what) = if new_param.required {
                    (
                        true,
                        format!(
                            "{} parameter `{}` is now required",
                            location(new_param.location),
                            new_param.api_name
                        ),
                    )
                } else {
                    (
                        false,
                        format!(
                            "{} parameter `{}` is now optional",
                            location(new_param.location),
                            new_param.api_name
                        ),
                    )
                };
                let kind = if new_param.required {
                    "parameter_became_required"
                } else {
                    "parameter_became_optional"
                };
                // Required parameters are method arguments, optional ones builder setters.
                self.push(
                    kind,
                    &new_param.origin,
                    wire,
                    Semver::Major,
                    CrateKind::Client,
                    what,
                );
            }
            let label = format!(
                "{} parameter `{}`",
                location(new_param.location),
                new_param.api_name
            );
            self.types(
                &old_param.ty,
                &new_param.ty,
                Direction::Request,
                &label,
                "",
                &new_param.origin,
            );
        }
    }

    fn body(&mut self, old_op: &Operation, new_op: &Operation) {
        match (&old_op.body, &new_op.body) {
            (None, None) => {}
            (None, Some(new_body)) => {
                let (wire, rust) = if new_body.required {
                    (true, Semver::Major)
                } else {
                    (false, Semver::Minor)
                };
                let what = format!(
                    "{} request body added",
                    if new_body.required {
                        "required"
                    } else {
                        "optional"
                    }
                );
                self.push(
                    "request_body_added",
                    &new_body.origin,
                    wire,
                    rust,
                    CrateKind::Client,
                    what,
                );
            }
            (Some(old_body), None) => {
                self.push(
                    "request_body_removed",
                    &old_body.origin,
                    true,
                    Semver::Major,
                    CrateKind::Client,
                    "request body removed".into(),
                );
            }
            (Some(old_body), Some(new_body)) => {
                if old_body.required != new_body.required {
                    let (kind, wire, what) = if new_body.required {
                        (
                            "request_body_became_required",
                            true,
                            "request body is now required",
                        )
                    } else {
                        (
                            "request_body_became_optional",
                            false,
                            "request body is now optional",
                        )
                    };
                    self.push(
                        kind,
                        &new_body.origin,
                        wire,
                        Semver::Major,
                        CrateKind::Client,
                        what.into(),
                    );
                }
                if old_body.content_type != new_body.content_type {
                    let what = format!(
                        "request content type changed from `{}` to `{}`",
                        old_body.content_type, new_body.content_type
                    );
                    self.push(
                        "content_type_changed",
                        &new_body.origin,
                        true,
                        Semver::Patch,
                        CrateKind::Client,
                        what,
                    );
                }
                self.types(
                    &old_body.ty,
                    &new_body.ty,
                    Direction::Request,
                    "request body",
                    "",
                    &new_body.origin,
                );
            }
        }
    }

    fn responses(&mut self, old_op: &Operation, new_op: &Operation) {
        for old_response in &old_op.responses {
            if !new_op
                .responses
                .iter()
                .any(|r| r.status == old_response.status)
            {
                let what = format!("response {} removed", status(old_response.status));
                self.push(
                    "response_removed",
                    &old_response.origin,
                    false,
                    Semver::Patch,
                    CrateKind::Client,
                    what,
                );
            }
        }
        for new_response in &new_op.responses {
            let Some(old_response) = old_op
                .responses
                .iter()
                .find(|r| r.status == new_response.status)
            else {
                let what = format!("response {} added", status(new_response.status));
                self.push(
                    "response_added",
                    &new_response.origin,
                    false,
                    Semver::Patch,
                    CrateKind::Client,
                    what,
                );
                continue;
            };
            let label = format!("response {}", status(new_response.status));
            if old_response.content_type != new_response.content_type {
                let what = format!(
                    "{label} content type changed from {} to {}",
                    content(&old_response.content_type),
                    content(&new_response.content_type)
                );
                self.push(
                    "content_type_changed",
                    &new_response.origin,
                    true,
                    Semver::Patch,
                    CrateKind::Client,
                    what,
                );
            }
            match (&old_response.ty, &new_response.ty) {
                (Some(old_ty), Some(new_ty)) => self.types(
                    old_ty,
                    new_ty,
                    Direction::Response,
                    &label,
                    "",
                    &new_response.origin,
                ),
                (None, Some(_)) | (Some(_), None) => {
                    let what = format!(
                        "{label} body {}",
                        if new_response.ty.is_some() {
                            "added"
                        } else {
                            "removed"
                        }
                    );
                    self.push(
                        "type_changed",
                        &new_response.origin,
                        new_response.ty.is_none(),
                        Semver::Major,
                        CrateKind::Client,
                        what,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn security(&mut self, old_op: &Operation, new_op: &Operation) {
        if old_op.security == new_op.security {
            return;
        }
        let describe = |s: &[String]| {
            if s.is_empty() {
                "none".to_owned()
            } else {
                s.join(" or ")
            }
        };
        // Requiring credentials where none were needed breaks callers without them.
        let wire = old_op.security.is_empty() && !new_op.security.is_empty();
        let what = format!(
            "security changed from {} to {}",
            describe(&old_op.security),
            describe(&new_op.security)
        );
        self.push(
            "security_changed",
            &new_op.origin,
            wire,
            Semver::Patch,
            CrateKind::Client,
            what,
        );
    }

    fn servers(&mut self) {
        for old in &self.old.servers {
            if !self.new.servers.iter().any(|s| s.url == old.url) {
                self.push(
                    "server_removed",
                    "/servers",
                    true,
                    Semver::Major,
                    CrateKind::Client,
                    format!("server `{}` removed", old.url),
                );
            }
        }
        for new in &self.new.servers {
            if !self.old.servers.iter().any(|s| s.url == new.url) {
                self.push(
                    "server_added",
                    "/servers",
                    false,
                    Semver::Minor,
                    CrateKind::Client,
                    format!("server `{}` added", new.url),
                );
            }
        }
        if self.old.servers.first().map(|s| &s.url) != self.new.servers.first().map(|s| &s.url)
            && !self.old.servers.is_empty()
        {
            let what = format!(
                "default server changed to `{}`",
                self.new.servers.first().map_or("none", |s| s.url.as_str())
            );
            self.push(
                "server_default_changed",
                "/servers",
                false,
                Semver::Minor,
                CrateKind::Client,
                what,
            );
        }
    }

    /// Component schemas no operation reached: their Rust types can still change.
    fn unused_components(&mut self) {
        let components = |model: &'m Model| {
            model
                .types
                .iter()
                .enumerate()
                .filter_map(|(i, t)| t.component.as_ref().map(|c| (c.clone(), TypeId(i))))
        };
        let old: Vec<(String, TypeId)> = components(self.old).collect();
        let new: Vec<(String, TypeId)> = components(self.new).collect();
        for (name, old_id) in &old {
            match new.iter().find(|(n, _)| n == name) {
                Some((_, new_id)) if !self.reached.contains(&(*old_id, *new_id)) => {
                    self.seen.clear();
                    let label = format!("schema `{name}`");
                    let pointer = self.new.ty(*new_id).origin.clone();
                    self.types(
                        &TypeRef::Named(*old_id),
                        &TypeRef::Named(*new_id),
                        Direction::Unused,
                        &label,
                        "",
                        &pointer,
                    );
                }
                Some(_) => {}
                None => {
                    let pointer = self.old.ty(*old_id).origin.clone();
                    let what = format!(
                        "schema `{name}` removed (type `{}`)",
                        self.old.ty(*old_id).name
                    );
                    self.push(
                        "schema_removed",
                        &pointer,
                        false,
                        Semver::Major,
                        CrateKind::Models,
                        what,
                    );
                }
            }
        }
        for (name, new_id) in &new {
            if !old.iter().any(|(n, _)| n == name) {
                let pointer = self.new.ty(*new_id).origin.clone();
                let what = format!(
                    "schema `{name}` added (type `{}`)",
                    self.new.ty(*new_id).name
                );
                self.push(
                    "schema_added",
                    &pointer,
                    false,
                    Semver::Minor,
                    CrateKind::Models,
                    what,
                );
            }
        }
    }

    /// Compares two types that stand at the same place (`label`, at `pointer` in the new spec).
    /// `place` is where the value stands for callers ("request body", "response 200"),
    /// `path` where inside it (`data[].voiceMode`, empty for the whole value).
    fn types(
        &mut self,
        old_ty: &TypeRef,
        new_ty: &TypeRef,
        dir: Direction,
        place: &str,
        path: &str,
        pointer: &str,
    ) {
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

    fn nullability(
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

fn operation_ref(op: &Operation) -> OperationRef {
    OperationRef {
        method: op.method.clone(),
        path: op.path.clone(),
    }
}

fn same_method(a: &Operation, b: &Operation) -> bool {
    a.group == b.group && a.method_name == b.method_name
}

fn method_path(op: &Operation) -> String {
    match &op.group {
        Some(group) => format!("{group}().{}()", op.method_name),
        None => format!("{}()", op.method_name),
    }
}

fn location(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

fn status(status: crate::ir::StatusCode) -> String {
    match status {
        crate::ir::StatusCode::Code(code) => code.to_string(),
        crate::ir::StatusCode::Range(digit) => format!("{digit}XX"),
        crate::ir::StatusCode::Default => "default".into(),
    }
}

fn content(content_type: &Option<String>) -> String {
    content_type
        .as_deref()
        .map_or_else(|| "none".to_owned(), |c| format!("`{c}`"))
}
