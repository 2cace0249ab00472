//! Spec drift: what changed between two versions of an API, for callers on the wire and for
//! callers of the generated Rust crates.
//!
//! Both versions are compared as lowered models (the IR), never as text, so reformatting,
//! reordering, or moving an inline schema into `components` is no change at all. Each change is
//! judged twice: does it break an existing caller on the wire (direction matters: a new
//! required field breaks a request but not a response), and what semver bump does it need in
//! the generated crates. The rules are tabulated in the README.

mod compare;
mod kind;
mod render;

pub use kind::ChangeKind;
pub use render::{json, markdown, summary};

use crate::config::Version;

use crate::ir::Model;
use serde::Serialize;

/// How much a change matters to callers of the generated Rust crates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Semver {
    /// Nothing a caller can observe in the Rust API.
    Patch,
    /// Something added; existing code keeps compiling.
    Minor,
    /// Existing code may stop compiling or change meaning.
    Major,
}

/// Which generated crate a change lands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CrateKind {
    /// The models crate (types); the client re-exports it, so the client follows its bump.
    Models,
    /// The client crate (operations, servers).
    Client,
}

/// An operation, as callers know it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OperationRef {
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template.
    pub path: String,
}

/// One change between two versions of a spec.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The API's id (its directory under `specs/`).
    pub api: String,
    /// What kind of change (`field_added`, `operation_removed`, ...).
    pub kind: ChangeKind,
    /// The operation it concerns, if any.
    pub operation: Option<OperationRef>,
    /// For a change inside a named type: every operation that reaches the type (through
    /// fields, items and variants too), so a shared type's change is one entry. For a
    /// `shared` change: every operation it was found in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<OperationRef>,
    /// The same change found in each of `operations` (a security requirement, a parameter
    /// or a content type that every one of them shares), reported once; `pointer` is the
    /// least of theirs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
    /// JSON pointer in the new spec, or in the old one for removals.
    pub pointer: String,
    /// Whether an existing caller breaks on the wire.
    pub breaking_wire: bool,
    /// The semver bump the generated crates need for it.
    pub rust_semver: Semver,
    /// The crate it lands in.
    #[serde(rename = "crate")]
    pub krate: CrateKind,
    /// One sentence for a reviewer.
    pub message: String,
}

impl Change {
    /// Whether the change breaks callers: on the wire, or by needing a major release.
    pub fn is_breaking(&self) -> bool {
        self.breaking_wire || self.rust_semver == Semver::Major
    }
}

/// A crate's current version and the one the changes call for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bump {
    /// The crate name.
    #[serde(rename = "crate")]
    pub krate: String,
    /// The bump level.
    pub level: Semver,
    /// The version before.
    pub from: String,
    /// The suggested version.
    pub to: String,
}

/// The drift of one API.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiDrift {
    /// The API's id.
    pub api: String,
    /// Every change, breaking ones first, then by operation.
    pub changes: Vec<Change>,
    /// Suggested version bumps, models crate first; empty when nothing changed.
    pub bumps: Vec<Bump>,
    /// The overlays applied to the base spec and to the new one, as the caller loaded them.
    pub overlays: Overlays,
}

impl Overlays {
    /// Whether neither side had an overlay.
    pub fn is_empty(&self) -> bool {
        self.base.is_empty() && self.new.is_empty()
    }
}

/// The overlay files applied on each side of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Overlays {
    /// Applied to the base spec.
    pub base: Vec<String>,
    /// Applied to the new spec.
    pub new: Vec<String>,
}

impl ApiDrift {
    /// Whether any change breaks callers.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }
}

/// The crates whose versions a drift report suggests bumping: `(name, current version)`.
#[derive(Debug, Clone, Default)]
pub struct Crates {
    /// The models crate.
    pub models: Option<(String, String)>,
    /// The client crate.
    pub client: Option<(String, String)>,
}

/// Compares two lowered versions of an API. `old` is `None` for an API that is new.
pub fn diff(api: &str, old: Option<&Model>, new: &Model, crates: &Crates) -> ApiDrift {
    let changes = match old {
        Some(old) => compare::compare(api, old, new),
        None => new
            .operations
            .iter()
            .map(|op| Change {
                api: api.to_owned(),
                kind: ChangeKind::OperationAdded,
                operation: Some(OperationRef {
                    method: op.method.to_string(),
                    path: op.path.to_string(),
                }),
                operations: Vec::new(),
                shared: false,
                pointer: op.origin.clone(),
                breaking_wire: false,
                rust_semver: Semver::Minor,
                krate: CrateKind::Client,
                message: "operation added".into(),
            })
            .collect(),
    };
    let mut changes = group_shared(changes);
    changes.sort_by(|a, b| {
        b.is_breaking()
            .cmp(&a.is_breaking())
            .then_with(|| a.operation.cmp(&b.operation))
            .then_with(|| a.operations.cmp(&b.operations))
            .then_with(|| a.pointer.cmp(&b.pointer))
            .then_with(|| a.message.cmp(&b.message))
    });
    changes.dedup();
    let bumps = bumps(&changes, crates);
    ApiDrift {
        api: api.to_owned(),
        changes,
        bumps,
        overlays: Overlays::default(),
    }
}

/// Reports once a change that several operations show alike (same kind, message and verdict):
/// an API-wide security or parameter change is one entry listing its operations, not one
/// entry per operation.
fn group_shared(changes: Vec<Change>) -> Vec<Change> {
    type Key = (&'static str, String, bool, Semver, bool);
    // An operation's own arrival, departure or identity is about that operation alone.
    let key = |c: &Change| -> Option<Key> {
        let alike = !c.kind.is_about_operations();
        (alike && c.operation.is_some() && c.operations.is_empty()).then(|| {
            let client = c.krate == CrateKind::Client;
            (
                c.kind.as_str(),
                c.message.clone(),
                c.breaking_wire,
                c.rust_semver,
                client,
            )
        })
    };
    let mut count: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for k in changes.iter().filter_map(key) {
        *count.entry(k).or_default() += 1;
    }
    let mut first: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for mut change in changes {
        let grouped = key(&change).filter(|k| count[k] > 1);
        let (Some(k), Some(op)) = (grouped, change.operation.clone()) else {
            out.push(change);
            continue;
        };
        change.operation = None;
        match first.get(&k) {
            Some(&at) => {
                let group = &mut out[at];
                group.operations.push(op);
                if change.pointer < group.pointer {
                    group.pointer = change.pointer;
                }
            }
            None => {
                first.insert(k, out.len());
                change.operations.push(op);
                change.shared = true;
                out.push(change);
            }
        }
    }
    for change in out.iter_mut().filter(|c| c.shared) {
        change.operations.sort();
    }
    out
}

fn bumps(changes: &[Change], crates: &Crates) -> Vec<Bump> {
    let level = |kind: Option<CrateKind>| {
        changes
            .iter()
            .filter(|c| kind.is_none_or(|k| c.krate == k))
            .map(|c| c.rust_semver)
            .max()
    };
    let mut bumps = Vec::new();
    let models_level = level(Some(CrateKind::Models));
    if let (Some((name, version)), Some(level)) = (&crates.models, models_level) {
        bumps.push(Bump {
            krate: name.clone(),
            level,
            from: version.clone(),
            to: bump_version(version, level),
        });
    }
    // The client re-exports the models crate, so it moves at least as far.
    if let (Some((name, version)), Some(level)) = (&crates.client, level(None)) {
        bumps.push(Bump {
            krate: name.clone(),
            level,
            from: version.clone(),
            to: bump_version(version, level),
        });
    }
    bumps
}

/// The next version for a bump, with Cargo's reading of `0.x` versions: below 1.0 the minor
/// number is the breaking one.
pub fn bump_version(version: &str, level: Semver) -> String {
    let Version {
        major,
        minor,
        patch,
    } = Version::parse(version).unwrap_or(Version {
        major: 0,
        minor: 0,
        patch: 0,
    });
    match (major, level) {
        (0, Semver::Major) => format!("0.{}.0", minor + 1),
        (0, _) => format!("0.{minor}.{}", patch + 1),
        (_, Semver::Major) => format!("{}.0.0", major + 1),
        (_, Semver::Minor) => format!("{major}.{}.0", minor + 1),
        (_, Semver::Patch) => format!("{major}.{minor}.{}", patch + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_bump_the_cargo_way() {
        assert_eq!(bump_version("0.1.0", Semver::Major), "0.2.0");
        assert_eq!(bump_version("0.1.3", Semver::Minor), "0.1.4");
        assert_eq!(bump_version("0.1.3", Semver::Patch), "0.1.4");
        assert_eq!(bump_version("1.2.3", Semver::Major), "2.0.0");
        assert_eq!(bump_version("1.2.3", Semver::Minor), "1.3.0");
        assert_eq!(bump_version("1.2.3-rc.1", Semver::Patch), "1.2.4");
    }
}
