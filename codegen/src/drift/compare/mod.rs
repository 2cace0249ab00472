//! The comparison itself, in two passes. Operations are matched by method and path and their
//! own parts compared (`operations.rs`): parameters, bodies, responses, security. The named
//! types they reach are then compared once each, field by field, knowing the direction
//! (`types.rs`), and every change inside a type lists the operations that reach it, so a
//! shared type's change is one entry however many operations use it.

mod operations;
mod types;
mod validation;

use super::{Change, ChangeKind, CrateKind, OperationRef, Semver};
use crate::ir::{Model, TypeId};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Which way data flows through a type: it decides what breaks a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Direction {
    /// The caller sends it: tightening breaks.
    Request,
    /// The caller receives it: loosening breaks.
    Response,
    /// A component no operation uses: only the Rust API can break.
    Unused,
}

/// A pair of named types standing at the same place, old and new, and the way data flows.
type Pair = (TypeId, TypeId, Direction);

struct Comparer<'m> {
    api: &'m str,
    old: &'m Model,
    new: &'m Model,
    /// The operation being compared (first pass); `None` in the second.
    operation: Option<OperationRef>,
    /// The type pair being compared (second pass).
    current: Option<Pair>,
    /// Type pairs found and not yet compared.
    queue: Vec<Pair>,
    /// Every type pair ever queued.
    seen: HashSet<Pair>,
    /// The operations that reach each pair directly.
    roots: HashMap<Pair, BTreeSet<OperationRef>>,
    /// The pairs each pair reaches through its fields, items and variants.
    edges: HashMap<Pair, BTreeSet<Pair>>,
    /// Renames already reported (a type used both ways is renamed once).
    renamed: HashSet<(TypeId, TypeId)>,
    /// Component pairs compared through any operation.
    reached: HashSet<(TypeId, TypeId)>,
    /// Every named type (aliases included) an operation reached, in the old and new model.
    used_old: HashSet<TypeId>,
    used_new: HashSet<TypeId>,
    /// The new model's component schema names.
    new_components: HashSet<&'m str>,
    /// Each change, with the type pair it was found in.
    out: Vec<(Option<Pair>, Change)>,
}

pub(super) fn compare(api: &str, old: &Model, new: &Model) -> Vec<Change> {
    let mut cmp = Comparer {
        api,
        old,
        new,
        operation: None,
        current: None,
        queue: Vec::new(),
        seen: HashSet::new(),
        roots: HashMap::new(),
        edges: HashMap::new(),
        renamed: HashSet::new(),
        reached: HashSet::new(),
        used_old: HashSet::new(),
        used_new: HashSet::new(),
        new_components: new
            .types
            .iter()
            .filter_map(|t| t.component.as_deref())
            .collect(),
        out: Vec::new(),
    };
    cmp.operations();
    cmp.operation = None;
    cmp.drain();
    cmp.servers();
    cmp.unused_components();
    cmp.drain();
    cmp.finish()
}

/// Whether the names both lists share appear in another order: positional arguments that
/// swapped places, which may swap callers' values without a compile error.
fn reordered(before: &[String], after: &[String]) -> bool {
    let common = |args: &[String], other: &[String]| -> Vec<String> {
        args.iter().filter(|a| other.contains(a)).cloned().collect()
    };
    common(before, after) != common(after, before)
}

impl<'m> Comparer<'m> {
    /// Records a change of a kind the kind alone judges ([`ChangeKind::fixed_verdict`]); a
    /// kind without one would be judged as breaking in every way, the safe side.
    fn record(&mut self, kind: ChangeKind, pointer: &str, message: String) {
        let verdict = kind.fixed_verdict().unwrap_or(super::kind::Verdict {
            breaks_wire: true,
            semver: Semver::Major,
            krate: CrateKind::Client,
        });
        self.push(
            kind,
            pointer,
            verdict.breaks_wire,
            verdict.semver,
            verdict.krate,
            message,
        );
    }

    fn push(
        &mut self,
        kind: ChangeKind,
        pointer: &str,
        wire: bool,
        rust: Semver,
        krate: CrateKind,
        message: String,
    ) {
        let change = Change {
            api: self.api.to_owned(),
            kind,
            operation: self.operation.clone(),
            operations: Vec::new(),
            shared: false,
            pointer: pointer.to_owned(),
            breaking_wire: wire,
            rust_semver: rust,
            krate,
            message,
        };
        self.out.push((self.current, change));
    }

    /// The crate a change to a value's type lands in: inside a named type it is the models
    /// crate; at an operation's own parameter, body or response it is the client's signature.
    fn value_crate(&self) -> CrateKind {
        if self.current.is_some() {
            CrateKind::Models
        } else {
            CrateKind::Client
        }
    }

    /// Notes that the current operation or type reaches `pair`, and queues it once.
    fn reach(&mut self, pair: Pair) {
        match (self.current, &self.operation) {
            (Some(from), _) => {
                self.edges.entry(from).or_default().insert(pair);
            }
            (None, Some(op)) => {
                self.roots.entry(pair).or_default().insert(op.clone());
            }
            (None, None) => {}
        }
        if self.seen.insert(pair) {
            self.queue.push(pair);
        }
    }

    /// Compares every queued type pair (which may queue more).
    fn drain(&mut self) {
        while let Some(pair) = self.queue.pop() {
            self.current = Some(pair);
            self.type_pair(pair);
        }
        self.current = None;
    }

    /// The changes, each type change with the operations that reach its type.
    fn finish(self) -> Vec<Change> {
        let mut reached_by: HashMap<Pair, BTreeSet<OperationRef>> = HashMap::new();
        for (root, ops) in &self.roots {
            let mut stack = vec![*root];
            let mut visited = HashSet::new();
            while let Some(pair) = stack.pop() {
                if !visited.insert(pair) {
                    continue;
                }
                reached_by
                    .entry(pair)
                    .or_default()
                    .extend(ops.iter().cloned());
                stack.extend(self.edges.get(&pair).into_iter().flatten().copied());
            }
        }
        self.out
            .into_iter()
            .map(|(pair, mut change)| {
                if let Some(ops) = pair.and_then(|p| reached_by.get(&p)) {
                    change.operations = ops.iter().cloned().collect();
                }
                change
            })
            .collect()
    }
}
