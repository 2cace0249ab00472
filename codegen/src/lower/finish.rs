//! Whole-model passes after lowering: final type names, cycles, boxing and `Default`.

use super::cycles::on_cycles;
use crate::config::ApiConfig;
use crate::error::{Error, Location, Result};
use crate::ir::{Model, Presence, TypeId, TypeKind, TypeRef};
use crate::names::Scope;
use crate::pointer::join;
use crate::spec::SourceMap;

pub(super) fn finish(
    model: &mut Model,
    config: &ApiConfig,
    config_file: &str,
    renamed: &[String],
    sources: &SourceMap,
) -> Result<()> {
    assign_names(model, config, config_file, renamed)?;
    reject_alias_cycles(model, sources)?;
    break_container_alias_cycles(model, sources);
    mark_request_types(model);
    box_recursive_fields(model);
    settle_default_derives(model);
    Ok(())
}

/// Checks the config renames (already applied during lowering), then makes every other name
/// unique in type order, so components keep their names before inline types.
fn assign_names(
    model: &mut Model,
    config: &ApiConfig,
    config_file: &str,
    renamed: &[String],
) -> Result<()> {
    let config_at = |key: &str| Location {
        file: config_file.to_owned(),
        pointer: join("/types/rename", key),
    };
    let mut scope = Scope::with_reserved(crate::vocabulary::MODELS_SUPPORT_TYPES);
    for (from, to) in &config.types.rename {
        if !renamed.contains(from) {
            return Err(Error::Config {
                at: config_at(from),
                reason: format!("no generated type is named `{from}`"),
            });
        }
        if crate::names::type_name(to) != *to {
            return Err(Error::Config {
                at: config_at(from),
                reason: format!("`{to}` is not an UpperCamelCase type name"),
            });
        }
        let holders = model.types.iter().filter(|t| &t.name == to).count();
        if holders > 1 || !scope.reserve(to) {
            return Err(Error::Config {
                at: config_at(from),
                reason: format!("`{to}` is already taken"),
            });
        }
    }
    let chosen: Vec<&String> = config.types.rename.values().collect();
    for ty in &mut model.types {
        if !chosen.contains(&&ty.name) {
            ty.name = scope.unique(ty.name.clone(), "");
        }
    }
    Ok(())
}

/// An alias chain that returns to where it started names no type at all. The error is
/// reported at the first type (in type order) on such a cycle.
fn reject_alias_cycles(model: &Model, sources: &SourceMap) -> Result<()> {
    let edges: Vec<Vec<usize>> = model
        .types
        .iter()
        .map(|def| match &def.kind {
            TypeKind::Alias(TypeRef::Named(next)) => vec![next.0],
            _ => Vec::new(),
        })
        .collect();
    match on_cycles(&edges).iter().position(|on| *on) {
        Some(start) => Err(Error::Invalid {
            at: sources.locate(&model.types[start].origin),
            reason: "reference cycle: this schema is only a reference back to itself".into(),
        }),
        None => Ok(()),
    }
}

/// An alias that contains itself through arrays and maps (`Tree: {type: array, items: {$ref:
/// Tree}}`) has no Rust type alias (`type Tree = Vec<Tree>` is a cycle, E0391). Its
/// self-reference becomes `serde_json::Value`, with a warning: the API still builds, and the
/// recursive part stays readable as JSON.
fn break_container_alias_cycles(model: &mut Model, sources: &SourceMap) {
    // Only an alias on a cycle of aliases can reach itself (breaking one only removes edges).
    let edges: Vec<Vec<usize>> = model
        .types
        .iter()
        .map(|def| {
            let mut named = Vec::new();
            if let TypeKind::Alias(ty) = &def.kind {
                ty.named_in(&mut named);
            }
            let is_alias = |id: &TypeId| matches!(model.ty(*id).kind, TypeKind::Alias(_));
            named.into_iter().filter(is_alias).map(|id| id.0).collect()
        })
        .collect();
    let candidates = on_cycles(&edges);
    for index in (0..model.types.len()).filter(|i| candidates[*i]) {
        let id = TypeId(index);
        let TypeKind::Alias(ty) = &model.types[index].kind else {
            continue;
        };
        if !alias_reaches(model, ty, id, &mut Vec::new()) {
            continue;
        }
        let broken = without_cycle(model, ty, id);
        let def = &mut model.types[index];
        def.kind = TypeKind::Alias(broken);
        model.warnings.push(crate::ir::Warning {
            at: sources.locate(&def.origin),
            message: format!(
                "unsupported: `{}` contains itself through arrays or maps only; the inner occurrences are generated as `serde_json::Value`",
                def.name
            ),
        });
    }
}

/// Whether `ty` reaches `target` through aliases and containers alone (no struct, enum or
/// union in between, which would give the cycle a real type).
fn alias_reaches(model: &Model, ty: &TypeRef, target: TypeId, seen: &mut Vec<TypeId>) -> bool {
    match ty {
        TypeRef::Named(id) if *id == target => true,
        TypeRef::Named(id) if seen.contains(id) => false,
        TypeRef::Named(id) => {
            seen.push(*id);
            match &model.ty(*id).kind {
                TypeKind::Alias(inner) => alias_reaches(model, inner, target, seen),
                _ => false,
            }
        }
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            alias_reaches(model, inner, target, seen)
        }
        _ => false,
    }
}

fn without_cycle(model: &Model, ty: &TypeRef, target: TypeId) -> TypeRef {
    match ty {
        TypeRef::Named(_) if alias_reaches(model, ty, target, &mut Vec::new()) => TypeRef::Json,
        TypeRef::Array(inner) => TypeRef::Array(Box::new(without_cycle(model, inner, target))),
        TypeRef::Map(inner) => TypeRef::Map(Box::new(without_cycle(model, inner, target))),
        TypeRef::Nullable(inner) => {
            TypeRef::Nullable(Box::new(without_cycle(model, inner, target)))
        }
        other => other.clone(),
    }
}

/// Marks every type a request can reach as constructible by callers.
///
/// A spec default can stand in for an absent property only where nothing is sent: in a request,
/// `Option` is the only sound shape (in an update, absent means "leave alone", which no default
/// value can say). So these types also keep defaulted properties optional.
fn mark_request_types(model: &mut Model) {
    let mut stack: Vec<TypeId> = Vec::new();
    for op in &model.operations {
        let body = op.body.iter().map(|b| &b.ty);
        let params = op.params.iter().map(|p| &p.ty);
        for ty in body.chain(params) {
            ty.named_in(&mut stack);
        }
    }
    let mut seen = vec![false; model.types.len()];
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.0], true) {
            continue;
        }
        let def = &mut model.types[id.0];
        def.constructible = true;
        if let TypeKind::Struct(s) = &mut def.kind {
            for field in &mut s.fields {
                if field.presence == Presence::Defaulted {
                    field.presence = Presence::Optional;
                }
            }
        }
        def.kind.named_children(&mut stack);
    }
}

/// Types whose values directly contain a value of `id` (not through a `Vec` or map).
fn direct_children(model: &Model, id: TypeId) -> Vec<TypeId> {
    fn named(ty: &TypeRef, out: &mut Vec<TypeId>) {
        match ty {
            TypeRef::Named(id) => out.push(*id),
            TypeRef::Nullable(inner) => named(inner, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match &model.ty(id).kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter(|f| !f.boxed)
            .for_each(|f| named(&f.ty, &mut out)),
        TypeKind::Union(union) => union.variants.iter().for_each(|v| named(&v.ty, &mut out)),
        TypeKind::Alias(ty) => named(ty, &mut out),
        TypeKind::Enum(_) => {}
    }
    out
}

fn reaches(model: &Model, from: TypeId, target: TypeId) -> bool {
    let mut seen = vec![false; model.types.len()];
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        if id == target {
            return true;
        }
        if !std::mem::replace(&mut seen[id.0], true) {
            stack.extend(direct_children(model, id));
        }
    }
    false
}

/// Boxes each struct field through which the struct (directly or indirectly) contains itself.
fn box_recursive_fields(model: &mut Model) {
    // Only a type on a cycle of containment can contain itself (boxing only removes edges).
    let edges: Vec<Vec<usize>> = (0..model.types.len())
        .map(|i| {
            direct_children(model, TypeId(i))
                .into_iter()
                .map(|id| id.0)
                .collect()
        })
        .collect();
    let candidates = on_cycles(&edges);
    for index in (0..model.types.len()).filter(|i| candidates[*i]) {
        let TypeKind::Struct(s) = &model.types[index].kind else {
            continue;
        };
        for field_index in 0..s.fields.len() {
            let TypeKind::Struct(s) = &model.types[index].kind else {
                break;
            };
            let mut targets = Vec::new();
            if let TypeRef::Named(id) = strip_nullable(&s.fields[field_index].ty) {
                targets.push(*id);
            }
            if targets
                .iter()
                .any(|t| candidates[t.0] && reaches(model, *t, TypeId(index)))
            {
                if let TypeKind::Struct(s) = &mut model.types[index].kind {
                    s.fields[field_index].boxed = true;
                }
            }
        }
    }
}

fn strip_nullable(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Nullable(inner) => strip_nullable(inner),
        other => other,
    }
}

/// A struct derives `Default` when every field does, and an alias when its type does. A type
/// that cannot makes every type that needs it unable too: that is spread along the reverse of
/// "needs" from the types that cannot, each type once (iterating to a fixed point instead took
/// a pass per link of a chain of structs).
fn settle_default_derives(model: &mut Model) {
    for ty in &mut model.types {
        ty.derive_default = matches!(ty.kind, TypeKind::Struct(_) | TypeKind::Alias(_));
    }
    let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); model.types.len()];
    let mut cannot: Vec<usize> = (0..model.types.len())
        .filter(|i| !model.types[*i].derive_default)
        .collect();
    for (index, def) in model.types.iter().enumerate() {
        let needs: Vec<&TypeRef> = match &def.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .filter(|f| matches!(f.presence, Presence::Required | Presence::Flattened))
                .map(|f| &f.ty)
                .collect(),
            TypeKind::Alias(ty) => vec![ty],
            _ => Vec::new(),
        };
        for ty in needs {
            match ty {
                TypeRef::Named(id) => needed_by[id.0].push(index),
                ty if !has_default(model, ty) => cannot.push(index),
                _ => {}
            }
        }
    }
    while let Some(index) = cannot.pop() {
        model.types[index].derive_default = false;
        for &user in &needed_by[index] {
            if model.types[user].derive_default {
                model.types[user].derive_default = false;
                cannot.push(user);
            }
        }
    }
}

fn has_default(model: &Model, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::DateTime | TypeRef::Date => false,
        TypeRef::Named(id) => model.ty(*id).derive_default,
        _ => true,
    }
}
