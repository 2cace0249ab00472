//! Operations, parameters, bodies, responses, security and servers.

use super::{Comparer, Direction};
use crate::drift::ChangeKind;
use crate::drift::{CrateKind, OperationRef, Semver};
use crate::ir::{
    Body, HttpMethod, Model, Operation, Param, ParamLocation, QueryStyle, Response, SecurityKind,
    TypeId, TypeRef,
};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// How a bearer-token requirement reads: the one credential the runtime sends today.
const BEARER: &str = "a bearer token";

/// The operations of two models, paired up.
struct OperationPairs<'a> {
    /// The same method and path shape, in the new model's order.
    matched: Vec<(&'a Operation, &'a Operation)>,
    /// The same operationId under another method or path.
    moved: Vec<(&'a Operation, &'a Operation)>,
    removed: Vec<&'a Operation>,
    added: Vec<&'a Operation>,
}

/// What pairs operations across two versions: the method, and the path or its shape.
type Endpoint = (HttpMethod, String);

fn pair_operations<'a>(old: &'a [Operation], new: &'a [Operation]) -> OperationPairs<'a> {
    let mut taken = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    // The exact path first, so that operations whose paths differ only in a variable's name
    // (`/payslips/{runId}` and `/payslips/{year}`) each keep their own; then the path's shape,
    // which pairs an operation whose path variable was renamed. Each old operation pairs once.
    let keys: [fn(&Operation) -> Endpoint; 2] = [
        |op| (op.method.clone(), op.path.raw.clone()),
        |op| (op.method.clone(), op.path.shape()),
    ];
    for key in keys {
        let mut waiting: HashMap<Endpoint, VecDeque<usize>> = HashMap::new();
        for (i, op) in old.iter().enumerate().filter(|(i, _)| !taken[*i]) {
            waiting.entry(key(op)).or_default().push_back(i);
        }
        for (j, op) in new.iter().enumerate() {
            if partner[j].is_some() {
                continue;
            }
            if let Some(i) = waiting.get_mut(&key(op)).and_then(VecDeque::pop_front) {
                taken[i] = true;
                partner[j] = Some(i);
            }
        }
    }
    let matched: Vec<(&Operation, &Operation)> = partner
        .iter()
        .zip(new)
        .filter_map(|(i, new_op)| i.map(|i| (&old[i], new_op)))
        .collect();
    let mut unmatched_new: Vec<&Operation> = partner
        .iter()
        .zip(new)
        .filter(|(i, _)| i.is_none())
        .map(|(_, new_op)| new_op)
        .collect();
    let mut unmatched_old: Vec<&Operation> = old
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(op, _)| op)
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
    OperationPairs {
        matched,
        moved,
        removed: unmatched_old,
        added: unmatched_new,
    }
}

impl<'m> Comparer<'m> {
    pub(super) fn operations(&mut self) {
        let pairs = pair_operations(&self.old.operations, &self.new.operations);
        for old_op in pairs.removed {
            self.operation = Some(operation_ref(old_op));
            self.record(
                ChangeKind::OperationRemoved,
                &old_op.origin,
                "operation removed".into(),
            );
        }
        for new_op in pairs.added {
            self.operation = Some(operation_ref(new_op));
            self.record(
                ChangeKind::OperationAdded,
                &new_op.origin,
                "operation added".into(),
            );
        }
        for (old_op, new_op) in pairs.moved {
            self.operation = Some(operation_ref(new_op));
            self.operation_moved(old_op, new_op);
            self.operation_pair(old_op, new_op);
        }
        for (old_op, new_op) in pairs.matched {
            self.operation = Some(operation_ref(new_op));
            self.operation_renamed(old_op, new_op);
            self.operation_pair(old_op, new_op);
        }
    }

    fn operation_moved(&mut self, old_op: &Operation, new_op: &Operation) {
        let (kind, what) = if old_op.method != new_op.method {
            (
                ChangeKind::OperationMethodChanged,
                format!("method changed from {} to {}", old_op.method, new_op.method),
            )
        } else {
            (
                ChangeKind::OperationPathChanged,
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
    }

    /// An operation at the same method and path whose operationId or client method changed.
    fn operation_renamed(&mut self, old_op: &Operation, new_op: &Operation) {
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
                ChangeKind::OperationIdChanged,
                &new_op.origin,
                false,
                rust,
                CrateKind::Client,
                message,
            );
        } else if !same_method(old_op, new_op) {
            // A new first tag (or a rename in the config) moves the client method.
            let what = format!(
                "client method moved from `{}` to `{}`",
                method_path(old_op),
                method_path(new_op)
            );
            self.record(ChangeKind::MethodRenamed, &new_op.origin, what);
        }
    }

    fn operation_pair(&mut self, old_op: &Operation, new_op: &Operation) {
        self.argument_order(old_op, new_op);
        self.params(old_op, new_op);
        self.body(old_op, new_op);
        self.responses(old_op, new_op);
        self.outcome(old_op, new_op);
        self.alternatives(old_op, new_op);
        self.security(old_op, new_op);
        self.pagination(old_op, new_op);
    }

    /// The methods beside `send()` that ask for another form of the body (`send_stream()`,
    /// `send_bytes()`): a new one is an addition, a lost one breaks callers' code, and the
    /// type each reads is compared like any response type.
    fn alternatives(&mut self, old_op: &Operation, new_op: &Operation) {
        let (old, new) = (&old_op.outcome.alternatives, &new_op.outcome.alternatives);
        for added in new
            .iter()
            .filter(|a| !old.iter().any(|o| o.method == a.method))
        {
            let what = format!(
                "`{}()` added: the response can be asked for as `{}`",
                added.method, added.accept
            );
            self.record(ChangeKind::SendMethodAdded, &new_op.origin, what);
        }
        for removed in old
            .iter()
            .filter(|o| !new.iter().any(|a| a.method == o.method))
        {
            let what = format!(
                "`{}()` removed: the response is no longer offered as `{}`",
                removed.method, removed.accept
            );
            self.record(ChangeKind::SendMethodRemoved, &old_op.origin, what);
        }
        for new_form in new {
            let Some(old_form) = old.iter().find(|o| o.method == new_form.method) else {
                continue;
            };
            let label = format!("`{}()` response", new_form.method);
            self.types(
                &old_form.ty,
                &new_form.ty,
                Direction::Response,
                &label,
                "",
                &new_op.origin,
            );
        }
    }

    /// `pages()` and `items()`, which pagination (declared or inferred) gives a builder: new
    /// ones are an addition, lost ones break callers' code, and other items break it too.
    fn pagination(&mut self, old_op: &Operation, new_op: &Operation) {
        let style = |p: &crate::ir::Pagination| match &p.style {
            crate::ir::PageStyle::Offset => "an offset",
            crate::ir::PageStyle::Page => "a page number",
            crate::ir::PageStyle::Cursor(_) => "a cursor",
            crate::ir::PageStyle::Link(_) => "the `Link` header",
        };
        let item = |model: &crate::ir::Model, p: &crate::ir::Pagination| match &p.item_ty {
            crate::ir::TypeRef::Named(id) => model.ty(*id).name.clone(),
            other => format!("{other:?}"),
        };
        match (&old_op.pagination, &new_op.pagination) {
            (None, None) => {}
            (None, Some(new)) => {
                let what = format!(
                    "`pages()` and `items()` added: the list pages by {}",
                    style(new)
                );
                self.record(ChangeKind::PaginationAdded, &new_op.origin, what);
            }
            (Some(old), None) => {
                let what = format!(
                    "`pages()` and `items()` removed (the list paged by {})",
                    style(old)
                );
                self.record(ChangeKind::PaginationRemoved, &old_op.origin, what);
            }
            (Some(old), Some(new)) => {
                let (before, after) = (item(self.old, old), item(self.new, new));
                if before != after {
                    let what = format!("`items()` yields `{after}` where it yielded `{before}`");
                    self.push(
                        ChangeKind::PaginationChanged,
                        &new_op.origin,
                        false,
                        Semver::Major,
                        CrateKind::Client,
                        what,
                    );
                } else if style(old) != style(new) || old.param != new.param {
                    let what = format!(
                        "the list now pages by {} (`{}`), not by {} (`{}`)",
                        style(new),
                        new.param,
                        style(old),
                        old.param
                    );
                    self.push(
                        ChangeKind::PaginationChanged,
                        &new_op.origin,
                        false,
                        Semver::Patch,
                        CrateKind::Client,
                        what,
                    );
                }
            }
        }
    }

    /// Required parameters are method arguments in spec order: parameters that swap places
    /// may swap values in callers' code without a compile error, so a new order is major.
    fn argument_order(&mut self, old_op: &Operation, new_op: &Operation) {
        let arguments = |op: &Operation| -> Vec<String> {
            op.params
                .iter()
                .filter(|p| p.required)
                .map(|p| p.name.clone())
                .collect()
        };
        let (before, after) = (arguments(old_op), arguments(new_op));
        if super::reordered(&before, &after) {
            let what = format!(
                "method arguments in a new order: ({}) instead of ({})",
                after.join(", "),
                before.join(", ")
            );
            self.record(ChangeKind::ArgumentsReordered, &new_op.origin, what);
        }
    }

    /// A change in what `send()` returns (a body that became optional, an error type that
    /// appeared), which statuses alone do not show.
    fn outcome(&mut self, old_op: &Operation, new_op: &Operation) {
        let shape = |op: &Operation| {
            let outcome = &op.outcome;
            let success = match &outcome.success {
                _ if op.response_enum.is_some() => "one type per status".to_owned(),
                None => "no body".to_owned(),
                Some(_) if outcome.success_may_be_empty => "an optional body".to_owned(),
                Some(TypeRef::Json) => "any JSON".to_owned(),
                Some(_) => "a typed body".to_owned(),
            };
            let mut statuses: Vec<String> = outcome
                .by_status
                .iter()
                .map(|body| body.variant.clone())
                .collect();
            statuses.sort();
            (success, outcome.error.is_some(), statuses)
        };
        let (old, new) = (shape(old_op), shape(new_op));
        if old.0 != new.0 {
            let what = format!("success response changed from {} to {}", old.0, new.0);
            self.push(
                ChangeKind::ResultTypeChanged,
                &new_op.origin,
                false,
                Semver::Major,
                CrateKind::Client,
                what,
            );
        }
        if old.1 != new.1 {
            let what = if new.1 {
                "error responses now have a typed body"
            } else {
                "error responses no longer have a typed body"
            };
            self.push(
                ChangeKind::ResultTypeChanged,
                &new_op.origin,
                false,
                Semver::Major,
                CrateKind::Client,
                what.into(),
            );
        }
        if old.0 == new.0 && old.2 != new.2 {
            // The response enum is non-exhaustive, so a new status is an addition; a status
            // that is gone takes its variant with it.
            let removed: Vec<&String> = old.2.iter().filter(|v| !new.2.contains(v)).collect();
            let added: Vec<&String> = new.2.iter().filter(|v| !old.2.contains(v)).collect();
            let semver = if removed.is_empty() {
                Semver::Minor
            } else {
                Semver::Major
            };
            let list = |variants: &[&String]| {
                variants
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let what = match (removed.is_empty(), added.is_empty()) {
                (true, _) => format!("response enum gained {}", list(&added)),
                (false, true) => format!("response enum lost {}", list(&removed)),
                (false, false) => format!(
                    "response enum lost {} and gained {}",
                    list(&removed),
                    list(&added)
                ),
            };
            self.push(
                ChangeKind::ResultTypeChanged,
                &new_op.origin,
                false,
                semver,
                CrateKind::Client,
                what,
            );
        }
        let (old_bodies, new_bodies) = (&old_op.outcome.by_status, &new_op.outcome.by_status);
        for new_body in new_bodies {
            let old_body = old_bodies.iter().find(|b| b.variant == new_body.variant);
            if let Some((old_ty, new_ty)) = old_body
                .and_then(|b| b.ty.as_ref())
                .zip(new_body.ty.as_ref())
            {
                let label = format!("`{}` response", new_body.variant);
                self.types(
                    old_ty,
                    new_ty,
                    Direction::Response,
                    &label,
                    "",
                    &new_op.origin,
                );
            }
        }
    }

    fn params(&mut self, old_op: &Operation, new_op: &Operation) {
        self.moved_params(old_op, new_op);
        self.removed_params(old_op, new_op);
        for new_param in &new_op.params {
            match old_op.params.iter().find(|p| same_param(p, new_param)) {
                Some(old_param) => self.param_pair(old_param, new_param),
                None => self.param_added(old_op, new_param),
            }
        }
    }

    fn moved_params(&mut self, old_op: &Operation, new_op: &Operation) {
        for old_param in &old_op.params {
            if new_op.params.iter().any(|p| same_param(old_param, p)) {
                continue;
            }
            if let Some(new_param) = new_op.params.iter().find(|p| moved_param(old_param, p)) {
                // Callers built against the old client send it where the server no longer
                // reads it; the regenerated method keeps its shape if the name and
                // requiredness do.
                let rust = if old_param.name == new_param.name
                    && old_param.required == new_param.required
                {
                    Semver::Patch
                } else {
                    Semver::Major
                };
                let what = format!(
                    "{} moved to the {}",
                    param_label(old_param),
                    location(new_param.location)
                );
                self.push(
                    ChangeKind::ParameterMoved,
                    &new_param.origin,
                    true,
                    rust,
                    CrateKind::Client,
                    what,
                );
            }
        }
    }

    fn removed_params(&mut self, old_op: &Operation, new_op: &Operation) {
        for old_param in &old_op.params {
            if new_op.params.iter().any(|p| moved_param(old_param, p)) {
                continue;
            }
            // A renamed path variable is the same parameter: paths were matched by shape.
            let renamed_path_param = |p: &&Param| {
                p.location == ParamLocation::Path && old_param.location == ParamLocation::Path
            };
            if !new_op.params.iter().any(|p| same_param(old_param, p))
                && !new_op.params.iter().any(|p| renamed_path_param(&p))
            {
                let what = format!("{} removed", param_label(old_param));
                self.record(ChangeKind::ParameterRemoved, &old_param.origin, what);
            }
        }
    }

    /// A parameter with no counterpart in the old operation, unless reported as moved or a
    /// renamed path variable.
    fn param_added(&mut self, old_op: &Operation, new_param: &Param) {
        if new_param.location == ParamLocation::Path
            || old_op.params.iter().any(|p| moved_param(p, new_param))
        {
            return;
        }
        let (wire, rust, how) = if new_param.required {
            (true, Semver::Major, "required")
        } else {
            (false, Semver::Minor, "optional")
        };
        let what = format!("{how} {} added", param_label(new_param));
        self.push(
            ChangeKind::ParameterAdded,
            &new_param.origin,
            wire,
            rust,
            CrateKind::Client,
            what,
        );
    }

    /// The same parameter in both operations: its requiredness, validation and type.
    fn param_pair(&mut self, old_param: &Param, new_param: &Param) {
        if old_param.required != new_param.required {
            self.param_requiredness_changed(new_param);
        }
        let label = param_label(new_param);
        if old_param.style != new_param.style && self.written_by_style(&new_param.ty) {
            let what = format!(
                "{label}: style changed from {} to {}",
                style_name(old_param.style),
                style_name(new_param.style)
            );
            self.record(ChangeKind::ParameterStyleChanged, &new_param.origin, what);
        }
        self.validation(
            old_param.validation.as_deref(),
            new_param.validation.as_deref(),
            &label,
            &new_param.origin,
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

    /// Whether a query style changes how a value of this type is written: an array's or an
    /// object's, not a single value's.
    fn written_by_style(&self, ty: &TypeRef) -> bool {
        match self.new.resolve_alias(ty) {
            TypeRef::Array(_) | TypeRef::Map(_) => true,
            TypeRef::Named(id) => !matches!(self.new.ty(*id).kind, crate::ir::TypeKind::Enum(_)),
            _ => false,
        }
    }

    fn param_requiredness_changed(&mut self, new_param: &Param) {
        let (kind, wire, now) = if new_param.required {
            (ChangeKind::ParameterBecameRequired, true, "required")
        } else {
            (ChangeKind::ParameterBecameOptional, false, "optional")
        };
        let what = format!("{} is now {now}", param_label(new_param));
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

    fn body(&mut self, old_op: &Operation, new_op: &Operation) {
        match (&old_op.body, &new_op.body) {
            (None, None) => {}
            (None, Some(new_body)) => self.body_added(new_body),
            (Some(old_body), None) => {
                self.record(
                    ChangeKind::RequestBodyRemoved,
                    &old_body.origin,
                    "request body removed".into(),
                );
            }
            (Some(old_body), Some(new_body)) => self.body_pair(old_body, new_body),
        }
    }

    fn body_added(&mut self, new_body: &Body) {
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
            ChangeKind::RequestBodyAdded,
            &new_body.origin,
            wire,
            rust,
            CrateKind::Client,
            what,
        );
    }

    /// A request body in both operations: its requiredness, content type and type.
    fn body_pair(&mut self, old_body: &Body, new_body: &Body) {
        if old_body.required != new_body.required {
            let (kind, wire, what) = if new_body.required {
                (
                    ChangeKind::RequestBodyBecameRequired,
                    true,
                    "request body is now required",
                )
            } else {
                (
                    ChangeKind::RequestBodyBecameOptional,
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
            self.record(ChangeKind::ContentTypeChanged, &new_body.origin, what);
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

    fn responses(&mut self, old_op: &Operation, new_op: &Operation) {
        self.removed_responses(old_op, new_op);
        for new_response in &new_op.responses {
            match old_op
                .responses
                .iter()
                .find(|r| r.status == new_response.status)
            {
                Some(old_response) => self.response_pair(old_response, new_response),
                None => {
                    let what = format!("response {} added", new_response.status);
                    self.record(ChangeKind::ResponseAdded, &new_response.origin, what);
                }
            }
        }
    }

    fn removed_responses(&mut self, old_op: &Operation, new_op: &Operation) {
        for old_response in &old_op.responses {
            if !new_op
                .responses
                .iter()
                .any(|r| r.status == old_response.status)
            {
                let what = format!("response {} removed", old_response.status);
                self.record(ChangeKind::ResponseRemoved, &old_response.origin, what);
            }
        }
    }

    /// A status in both operations: its content type and body.
    fn response_pair(&mut self, old_response: &Response, new_response: &Response) {
        let label = format!("response {}", new_response.status);
        if old_response.content_type != new_response.content_type {
            let what = format!(
                "{label} content type changed from {} to {}",
                content(&old_response.content_type),
                content(&new_response.content_type)
            );
            self.record(ChangeKind::ContentTypeChanged, &new_response.origin, what);
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
                    ChangeKind::TypeChanged,
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

    fn security(&mut self, old_op: &Operation, new_op: &Operation) {
        // Schemes are compared by what the caller must present, not by their names in the spec.
        let (old, new) = (
            self.credentials(self.old, old_op),
            self.credentials(self.new, new_op),
        );
        if old == new {
            return;
        }
        let describe = |s: &BTreeSet<String>| {
            if s.is_empty() {
                "none".to_owned()
            } else {
                s.iter().cloned().collect::<Vec<_>>().join(" or ")
            }
        };
        // A caller configured for one old alternative must change code when no new
        // alternative asks only for the kinds of credential it already sets (bearer, basic,
        // API key): `.bearer_token(..)` authenticates nothing once an API key is asked for.
        // Where it can (an API key moved to another header, OAuth 2 in place of HTTP bearer),
        // the regenerated client sends it as the spec now says, and no code changes.
        let (old_kinds, new_kinds) = (
            self.setters(self.old, old_op),
            self.setters(self.new, new_op),
        );
        let code_must_change = old_kinds
            .iter()
            .any(|configured| !new_kinds.iter().any(|asked| asked.is_subset(configured)));
        // Breaking when a caller who sent what the old spec asked for (or nothing, where
        // nothing was asked) may now be refused: no old alternative is accepted any more, or
        // what a caller set up for one of them is not enough for any new one.
        let wire =
            code_must_change || (!new.is_empty() && (old.is_empty() || old.is_disjoint(&new)));
        let what = format!(
            "security changed from {} to {}",
            describe(&old),
            describe(&new)
        );
        let rust = if code_must_change {
            Semver::Major
        } else {
            Semver::Patch
        };
        self.push(
            ChangeKind::SecurityChanged,
            &new_op.origin,
            wire,
            rust,
            CrateKind::Client,
            what,
        );
    }

    /// For each security alternative of an operation, the kinds of credential a caller sets
    /// on the client to meet it (an empty set: no credentials). A scheme the runtime cannot
    /// send counts as a kind of its own, which no caller has.
    fn setters(&self, model: &Model, op: &Operation) -> Vec<BTreeSet<&'static str>> {
        let kind = |id: &crate::ir::SchemeId| match &model.scheme(*id).kind {
            SecurityKind::Bearer => "bearer_token",
            SecurityKind::Basic => "basic_auth",
            SecurityKind::ApiKey { .. } => "api_key",
            SecurityKind::Other(_) => "unsendable",
        };
        if op.security.is_empty() {
            // An open operation: met with no credentials at all.
            return vec![BTreeSet::new()];
        }
        op.security
            .iter()
            .map(|requirement| requirement.iter().map(kind).collect())
            .collect()
    }

    /// The credentials an operation accepts, any one of them, in words (schemes sent together
    /// joined by "and").
    fn credentials(&self, model: &Model, op: &Operation) -> BTreeSet<String> {
        let scheme = |id: &crate::ir::SchemeId| match &model.scheme(*id).kind {
            SecurityKind::Bearer => BEARER.to_owned(),
            SecurityKind::Basic => "a user name and password".to_owned(),
            SecurityKind::ApiKey { location: at, name } => {
                format!("an API key in the {} `{name}`", location(*at))
            }
            SecurityKind::Other(what) => format!("{what} credentials"),
        };
        op.security
            .iter()
            .map(|requirement| match requirement.as_slice() {
                [] => "no credentials".to_owned(),
                names => names.iter().map(scheme).collect::<Vec<_>>().join(" and "),
            })
            .collect()
    }

    pub(super) fn servers(&mut self) {
        let (old, new) = (&self.old.servers, &self.new.servers);
        // Callers that never chose a server now talk to another one: another host, often
        // another version of the API.
        let default_changed =
            !old.is_empty() && old.first().map(|s| &s.url) != new.first().map(|s| &s.url);
        for server in old {
            match new.iter().find(|s| s.const_name == server.const_name) {
                None => self.record(
                    ChangeKind::ServerRemoved,
                    "/servers",
                    format!(
                        "server `{}` (`servers::{}`) removed",
                        server.url, server.const_name
                    ),
                ),
                Some(now) if now.url != server.url => {
                    if default_changed && new.first().is_some_and(|d| std::ptr::eq(d, now)) {
                        continue;
                    }
                    let what = format!(
                        "server `servers::{}` moved from `{}` to `{}`",
                        now.const_name, server.url, now.url
                    );
                    self.record(ChangeKind::ServerUrlChanged, "/servers", what);
                }
                Some(_) => {}
            }
        }
        for server in new
            .iter()
            .filter(|s| !old.iter().any(|o| o.const_name == s.const_name))
        {
            let what = format!(
                "server `{}` (`servers::{}`) added",
                server.url, server.const_name
            );
            self.record(ChangeKind::ServerAdded, "/servers", what);
        }
        if default_changed {
            let what = format!(
                "default server changed from `{}` to `{}`: `servers::DEFAULT`, which clients use unless configured otherwise, now points elsewhere",
                old.first().map_or("none", |s| s.url.as_str()),
                new.first().map_or("none", |s| s.url.as_str())
            );
            self.record(ChangeKind::ServerDefaultChanged, "/servers", what);
        }
    }

    /// Component schemas no operation reached: their Rust types can still change, and adding or
    /// removing one adds or removes a type.
    pub(super) fn unused_components(&mut self) {
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
                // A schema that operations used is reported through them.
                None if self.used_old.contains(old_id) => {}
                None => self.schema_removed(name, *old_id),
            }
        }
        for (name, new_id) in &new {
            if !old.iter().any(|(n, _)| n == name) && !self.used_new.contains(new_id) {
                self.schema_added(name, *new_id);
            }
        }
    }

    fn schema_removed(&mut self, name: &str, old_id: TypeId) {
        let pointer = self.old.ty(old_id).origin.clone();
        let what = format!(
            "schema `{name}` removed (type `{}`)",
            self.old.ty(old_id).name
        );
        self.record(ChangeKind::SchemaRemoved, &pointer, what);
    }

    fn schema_added(&mut self, name: &str, new_id: TypeId) {
        let pointer = self.new.ty(new_id).origin.clone();
        let what = format!(
            "schema `{name}` added (type `{}`)",
            self.new.ty(new_id).name
        );
        self.record(ChangeKind::SchemaAdded, &pointer, what);
    }
}

fn operation_ref(op: &Operation) -> OperationRef {
    OperationRef {
        method: op.method.to_string(),
        path: op.path.to_string(),
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

fn same_param(a: &Param, b: &Param) -> bool {
    a.location == b.location && a.api_name == b.api_name
}

/// The same name in another place (query to header, say): one change, not two.
fn moved_param(a: &Param, b: &Param) -> bool {
    a.api_name == b.api_name
        && a.location != b.location
        && a.location != ParamLocation::Path
        && b.location != ParamLocation::Path
}

/// How reports name a parameter: "query parameter `limit`".
fn param_label(param: &Param) -> String {
    format!(
        "{} parameter `{}`",
        location(param.location),
        param.api_name
    )
}

fn location(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

fn content(content_type: &Option<String>) -> String {
    content_type
        .as_deref()
        .map_or_else(|| "none".to_owned(), |c| format!("`{c}`"))
}

fn style_name(style: QueryStyle) -> &'static str {
    match style {
        QueryStyle::Form => "exploded `form` (`ids=1&ids=2`)",
        QueryStyle::FormJoined => "`form` without explode (`ids=1,2`)",
        QueryStyle::SpaceDelimited => "`spaceDelimited` (`ids=1%202`)",
        QueryStyle::PipeDelimited => "`pipeDelimited` (`ids=1|2`)",
        QueryStyle::DeepObject => "`deepObject` (`filter[name]=x`)",
    }
}
