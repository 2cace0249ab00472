//! The comparison itself: operations matched by method and path, then their parameters,
//! bodies and responses (`operations.rs`), then the types they use, field by field, knowing
//! the direction (`types.rs`).

mod operations;
mod types;

use super::{Change, CrateKind, OperationRef, Semver};
use crate::ir::{Model, TypeId};
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
    /// Every named type (aliases included) an operation reached, in the old and new model.
    used_old: HashSet<TypeId>,
    used_new: HashSet<TypeId>,
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
        used_old: HashSet::new(),
        used_new: HashSet::new(),
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
}
