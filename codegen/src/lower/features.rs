//! A cargo feature per tag group, for APIs large enough that building every group costs
//! minutes: which groups get one, and which features each model type needs.
//!
//! A type is compiled by the features of every group whose operations reach it (through
//! parameters, bodies, responses and the types those hold); a type an ungrouped operation
//! reaches is compiled always. Types no operation reaches (a spec's webhook payloads, say),
//! and the types only they hold, have a feature of their own, `extra-models`.

use crate::config::{ApiConfig, GROUP_FEATURES_FROM};
use crate::ir::{GroupFeatures, Model, Operation, TypeId};

/// Feature names the client crate has already.
const TAKEN: &[&str] = &["default", "default-tls", "native-tls", "full", EXTRA_MODELS];

/// The feature of the models no operation reaches.
const EXTRA_MODELS: &str = "extra-models";

/// The group features, when the config asks for them (or, unset, when the API is large) and
/// the API has tag groups.
pub(super) fn group_features(model: &Model, config: &ApiConfig) -> Option<GroupFeatures> {
    let client = config.client.as_ref()?;
    let wanted = client
        .group_features
        .unwrap_or(model.operations.len() >= GROUP_FEATURES_FROM);
    let groups = feature_names(model, |name| client.features.contains_key(name));
    if !wanted || groups.is_empty() {
        return None;
    }
    let mut of_type: Vec<Vec<usize>> = vec![Vec::new(); model.types.len()];
    let mut always = vec![false; model.types.len()];
    for op in &model.operations {
        let group = op
            .group
            .as_deref()
            .and_then(|g| groups.iter().position(|(name, _)| name == g));
        for id in reached(model, op) {
            match group {
                None => always[id.0] = true,
                Some(group) if !of_type[id.0].contains(&group) => of_type[id.0].push(group),
                Some(_) => {}
            }
        }
    }
    // Types no operation reaches (webhook payloads, say), and what only they reach, are
    // compiled by a feature of their own.
    let unreached: Vec<TypeId> = (0..model.types.len())
        .filter(|&i| !always[i] && of_type[i].is_empty())
        .map(TypeId)
        .collect();
    let mut groups = groups;
    if !unreached.is_empty() {
        let extra = groups.len();
        groups.push((String::new(), EXTRA_MODELS.to_owned()));
        for id in closure(model, unreached) {
            if !of_type[id.0].contains(&extra) {
                of_type[id.0].push(extra);
            }
        }
    }
    for (features, always) in of_type.iter_mut().zip(always) {
        if always {
            features.clear();
        }
        features.sort_unstable();
    }
    Some(GroupFeatures { groups, of_type })
}

/// Each group's accessor name with its feature name: the accessor's, unless the crate has a
/// feature of that name already (then `{name}-api`).
fn feature_names(model: &Model, taken: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let mut groups: Vec<(String, String)> = Vec::new();
    for group in model.operations.iter().filter_map(|op| op.group.as_deref()) {
        if groups.iter().any(|(name, _)| name == group) {
            continue;
        }
        let bare = group.trim_start_matches("r#");
        let feature = if TAKEN.contains(&bare) || taken(bare) {
            format!("{bare}-api")
        } else {
            bare.to_owned()
        };
        groups.push((group.to_owned(), feature));
    }
    groups
}

/// Every type an operation reaches.
fn reached(model: &Model, op: &Operation) -> Vec<TypeId> {
    let mut stack = Vec::new();
    op.params.iter().for_each(|p| p.ty.named_in(&mut stack));
    if let Some(body) = &op.body {
        body.ty.named_in(&mut stack);
    }
    for response in &op.responses {
        if let Some(ty) = &response.ty {
            ty.named_in(&mut stack);
        }
        response
            .alternatives
            .iter()
            .for_each(|a| a.ty.named_in(&mut stack));
    }
    if let Some(pagination) = &op.pagination {
        pagination.item_ty.named_in(&mut stack);
    }
    closure(model, stack)
}

/// The types `roots` name, and every type those hold, once each.
fn closure(model: &Model, mut stack: Vec<TypeId>) -> Vec<TypeId> {
    let mut seen = vec![false; model.types.len()];
    let mut out = Vec::new();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.0], true) {
            continue;
        }
        out.push(id);
        model.ty(id).kind.named_children(&mut stack);
    }
    out
}
