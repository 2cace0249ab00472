//! What kind of change a drift entry is: one name per kind, as reports print it.

use super::{CrateKind, Semver};
use serde::Serialize;

/// A kind of change between two versions of an API. Reports show it in snake_case
/// (`field_added`); the README's table says how each is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// `arguments_reordered`.
    ArgumentsReordered,
    /// `constructor_changed`.
    ConstructorChanged,
    /// `constructor_removed`.
    ConstructorRemoved,
    /// `content_type_changed`.
    ContentTypeChanged,
    /// `default_removed`.
    DefaultRemoved,
    /// `enum_value_added`.
    EnumValueAdded,
    /// `enum_value_removed`.
    EnumValueRemoved,
    /// `field_added`.
    FieldAdded,
    /// `field_became_optional`.
    FieldBecameOptional,
    /// `field_became_required`.
    FieldBecameRequired,
    /// `field_removed`.
    FieldRemoved,
    /// `field_type_changed`.
    FieldTypeChanged,
    /// `field_wire_name_changed`.
    FieldWireNameChanged,
    /// `inline_type_renamed`.
    InlineTypeRenamed,
    /// `method_renamed`.
    MethodRenamed,
    /// `nullable_added`.
    NullableAdded,
    /// `nullable_removed`.
    NullableRemoved,
    /// `operation_added`.
    OperationAdded,
    /// `operation_id_changed`.
    OperationIdChanged,
    /// `operation_method_changed`.
    OperationMethodChanged,
    /// `operation_path_changed`.
    OperationPathChanged,
    /// `operation_removed`.
    OperationRemoved,
    /// `pagination_added`.
    PaginationAdded,
    /// `pagination_changed`.
    PaginationChanged,
    /// `pagination_removed`.
    PaginationRemoved,
    /// `parameter_added`.
    ParameterAdded,
    /// `parameter_became_optional`.
    ParameterBecameOptional,
    /// `parameter_became_required`.
    ParameterBecameRequired,
    /// `parameter_moved`.
    ParameterMoved,
    /// `parameter_removed`.
    ParameterRemoved,
    /// `parameter_style_changed`.
    ParameterStyleChanged,
    /// `request_body_added`.
    RequestBodyAdded,
    /// `request_body_became_optional`.
    RequestBodyBecameOptional,
    /// `request_body_became_required`.
    RequestBodyBecameRequired,
    /// `request_body_removed`.
    RequestBodyRemoved,
    /// `response_added`.
    ResponseAdded,
    /// `response_removed`.
    ResponseRemoved,
    /// `result_type_changed`.
    ResultTypeChanged,
    /// `schema_added`.
    SchemaAdded,
    /// `schema_removed`.
    SchemaRemoved,
    /// `security_changed`.
    SecurityChanged,
    /// `send_method_added`.
    SendMethodAdded,
    /// `send_method_removed`.
    SendMethodRemoved,
    /// `server_added`.
    ServerAdded,
    /// `server_default_changed`.
    ServerDefaultChanged,
    /// `server_removed`.
    ServerRemoved,
    /// `server_url_changed`.
    ServerUrlChanged,
    /// `type_changed`.
    TypeChanged,
    /// `type_renamed`.
    TypeRenamed,
    /// `type_replaced`.
    TypeReplaced,
    /// `validation_loosened`.
    ValidationLoosened,
    /// `validation_tightened`.
    ValidationTightened,
    /// `variant_added`.
    VariantAdded,
    /// `variant_removed`.
    VariantRemoved,
    /// `variant_renamed`.
    VariantRenamed,
}

impl ChangeKind {
    /// Every kind.
    pub const ALL: [ChangeKind; 55] = [
        ChangeKind::ArgumentsReordered,
        ChangeKind::ConstructorChanged,
        ChangeKind::ConstructorRemoved,
        ChangeKind::ContentTypeChanged,
        ChangeKind::DefaultRemoved,
        ChangeKind::EnumValueAdded,
        ChangeKind::EnumValueRemoved,
        ChangeKind::FieldAdded,
        ChangeKind::FieldBecameOptional,
        ChangeKind::FieldBecameRequired,
        ChangeKind::FieldRemoved,
        ChangeKind::FieldTypeChanged,
        ChangeKind::FieldWireNameChanged,
        ChangeKind::InlineTypeRenamed,
        ChangeKind::MethodRenamed,
        ChangeKind::NullableAdded,
        ChangeKind::NullableRemoved,
        ChangeKind::OperationAdded,
        ChangeKind::OperationIdChanged,
        ChangeKind::OperationMethodChanged,
        ChangeKind::OperationPathChanged,
        ChangeKind::OperationRemoved,
        ChangeKind::PaginationAdded,
        ChangeKind::PaginationChanged,
        ChangeKind::PaginationRemoved,
        ChangeKind::ParameterAdded,
        ChangeKind::ParameterBecameOptional,
        ChangeKind::ParameterBecameRequired,
        ChangeKind::ParameterMoved,
        ChangeKind::ParameterRemoved,
        ChangeKind::ParameterStyleChanged,
        ChangeKind::RequestBodyAdded,
        ChangeKind::RequestBodyBecameOptional,
        ChangeKind::RequestBodyBecameRequired,
        ChangeKind::RequestBodyRemoved,
        ChangeKind::ResponseAdded,
        ChangeKind::ResponseRemoved,
        ChangeKind::ResultTypeChanged,
        ChangeKind::SchemaAdded,
        ChangeKind::SchemaRemoved,
        ChangeKind::SecurityChanged,
        ChangeKind::SendMethodAdded,
        ChangeKind::SendMethodRemoved,
        ChangeKind::ServerAdded,
        ChangeKind::ServerDefaultChanged,
        ChangeKind::ServerRemoved,
        ChangeKind::ServerUrlChanged,
        ChangeKind::TypeChanged,
        ChangeKind::TypeRenamed,
        ChangeKind::TypeReplaced,
        ChangeKind::ValidationLoosened,
        ChangeKind::ValidationTightened,
        ChangeKind::VariantAdded,
        ChangeKind::VariantRemoved,
        ChangeKind::VariantRenamed,
    ];

    /// The kind as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::ArgumentsReordered => "arguments_reordered",
            ChangeKind::ConstructorChanged => "constructor_changed",
            ChangeKind::ConstructorRemoved => "constructor_removed",
            ChangeKind::ContentTypeChanged => "content_type_changed",
            ChangeKind::DefaultRemoved => "default_removed",
            ChangeKind::EnumValueAdded => "enum_value_added",
            ChangeKind::EnumValueRemoved => "enum_value_removed",
            ChangeKind::FieldAdded => "field_added",
            ChangeKind::FieldBecameOptional => "field_became_optional",
            ChangeKind::FieldBecameRequired => "field_became_required",
            ChangeKind::FieldRemoved => "field_removed",
            ChangeKind::FieldTypeChanged => "field_type_changed",
            ChangeKind::FieldWireNameChanged => "field_wire_name_changed",
            ChangeKind::InlineTypeRenamed => "inline_type_renamed",
            ChangeKind::MethodRenamed => "method_renamed",
            ChangeKind::NullableAdded => "nullable_added",
            ChangeKind::NullableRemoved => "nullable_removed",
            ChangeKind::OperationAdded => "operation_added",
            ChangeKind::OperationIdChanged => "operation_id_changed",
            ChangeKind::OperationMethodChanged => "operation_method_changed",
            ChangeKind::OperationPathChanged => "operation_path_changed",
            ChangeKind::OperationRemoved => "operation_removed",
            ChangeKind::PaginationAdded => "pagination_added",
            ChangeKind::PaginationChanged => "pagination_changed",
            ChangeKind::PaginationRemoved => "pagination_removed",
            ChangeKind::ParameterAdded => "parameter_added",
            ChangeKind::ParameterBecameOptional => "parameter_became_optional",
            ChangeKind::ParameterBecameRequired => "parameter_became_required",
            ChangeKind::ParameterMoved => "parameter_moved",
            ChangeKind::ParameterRemoved => "parameter_removed",
            ChangeKind::ParameterStyleChanged => "parameter_style_changed",
            ChangeKind::RequestBodyAdded => "request_body_added",
            ChangeKind::RequestBodyBecameOptional => "request_body_became_optional",
            ChangeKind::RequestBodyBecameRequired => "request_body_became_required",
            ChangeKind::RequestBodyRemoved => "request_body_removed",
            ChangeKind::ResponseAdded => "response_added",
            ChangeKind::ResponseRemoved => "response_removed",
            ChangeKind::ResultTypeChanged => "result_type_changed",
            ChangeKind::SchemaAdded => "schema_added",
            ChangeKind::SchemaRemoved => "schema_removed",
            ChangeKind::SecurityChanged => "security_changed",
            ChangeKind::SendMethodAdded => "send_method_added",
            ChangeKind::SendMethodRemoved => "send_method_removed",
            ChangeKind::ServerAdded => "server_added",
            ChangeKind::ServerDefaultChanged => "server_default_changed",
            ChangeKind::ServerRemoved => "server_removed",
            ChangeKind::ServerUrlChanged => "server_url_changed",
            ChangeKind::TypeChanged => "type_changed",
            ChangeKind::TypeRenamed => "type_renamed",
            ChangeKind::TypeReplaced => "type_replaced",
            ChangeKind::ValidationLoosened => "validation_loosened",
            ChangeKind::ValidationTightened => "validation_tightened",
            ChangeKind::VariantAdded => "variant_added",
            ChangeKind::VariantRemoved => "variant_removed",
            ChangeKind::VariantRenamed => "variant_renamed",
        }
    }

    /// How a change of this kind is judged, where the kind alone decides: whether it breaks
    /// callers on the wire, the semver bump, and the crate it lands in. `None` for a kind
    /// judged by where it happens (a field added to a request breaks it, to a response not).
    pub fn fixed_verdict(self) -> Option<Verdict> {
        let (breaks_wire, semver, krate) = match self {
            ChangeKind::ArgumentsReordered => (false, Semver::Major, CrateKind::Client),
            ChangeKind::ConstructorChanged => (false, Semver::Major, CrateKind::Models),
            ChangeKind::ConstructorRemoved => (false, Semver::Major, CrateKind::Models),
            ChangeKind::ContentTypeChanged => (true, Semver::Patch, CrateKind::Client),
            ChangeKind::DefaultRemoved => (false, Semver::Major, CrateKind::Models),
            ChangeKind::FieldTypeChanged => (false, Semver::Major, CrateKind::Models),
            ChangeKind::MethodRenamed => (false, Semver::Major, CrateKind::Client),
            ChangeKind::OperationAdded => (false, Semver::Minor, CrateKind::Client),
            ChangeKind::OperationRemoved => (true, Semver::Major, CrateKind::Client),
            ChangeKind::PaginationAdded => (false, Semver::Minor, CrateKind::Client),
            ChangeKind::PaginationRemoved => (false, Semver::Major, CrateKind::Client),
            ChangeKind::ParameterRemoved => (false, Semver::Major, CrateKind::Client),
            ChangeKind::ParameterStyleChanged => (true, Semver::Patch, CrateKind::Client),
            ChangeKind::RequestBodyRemoved => (true, Semver::Major, CrateKind::Client),
            ChangeKind::ResponseAdded => (false, Semver::Patch, CrateKind::Client),
            ChangeKind::ResponseRemoved => (false, Semver::Patch, CrateKind::Client),
            ChangeKind::SchemaAdded => (false, Semver::Minor, CrateKind::Models),
            ChangeKind::SchemaRemoved => (false, Semver::Major, CrateKind::Models),
            ChangeKind::SendMethodAdded => (false, Semver::Minor, CrateKind::Client),
            ChangeKind::SendMethodRemoved => (true, Semver::Major, CrateKind::Client),
            ChangeKind::ServerAdded => (false, Semver::Minor, CrateKind::Client),
            ChangeKind::ServerDefaultChanged => (false, Semver::Major, CrateKind::Client),
            ChangeKind::ServerRemoved => (true, Semver::Major, CrateKind::Client),
            ChangeKind::ServerUrlChanged => (false, Semver::Patch, CrateKind::Client),
            ChangeKind::VariantAdded => (false, Semver::Minor, CrateKind::Models),
            ChangeKind::VariantRenamed => (false, Semver::Major, CrateKind::Models),
            _ => return None,
        };
        Some(Verdict {
            breaks_wire,
            semver,
            krate,
        })
    }

    /// Whether it adds, removes or moves a whole operation (never folded with others alike).
    pub fn is_about_operations(self) -> bool {
        matches!(
            self,
            ChangeKind::OperationAdded
                | ChangeKind::OperationIdChanged
                | ChangeKind::OperationMethodChanged
                | ChangeKind::OperationPathChanged
                | ChangeKind::OperationRemoved
        )
    }
}

impl std::fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a change is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Whether an existing caller breaks on the wire.
    pub breaks_wire: bool,
    /// The semver bump the generated crates need.
    pub semver: Semver,
    /// The crate the change lands in.
    pub krate: CrateKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_prints_as_it_serializes_and_once() {
        let mut seen = std::collections::HashSet::new();
        for kind in ChangeKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert!(seen.insert(kind.as_str()), "{kind} twice");
        }
    }

    /// Every kind `Comparer::record` is given is judged by the kind alone, so its fallback
    /// (breaking in every way) never decides a real report.
    #[test]
    fn every_recorded_kind_has_a_fixed_verdict() {
        let sources = [
            include_str!("compare/operations.rs"),
            include_str!("compare/types.rs"),
            include_str!("compare/validation.rs"),
            include_str!("compare/mod.rs"),
        ];
        let mut recorded = 0;
        for source in sources {
            for call in source.split("self.record(").skip(1) {
                let name = call.trim_start().trim_start_matches("ChangeKind::");
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                let kind = ChangeKind::ALL
                    .into_iter()
                    .find(|k| format!("{k:?}") == name)
                    .unwrap_or_else(|| panic!("`{name}` is not a kind"));
                assert!(
                    kind.fixed_verdict().is_some(),
                    "{kind} is recorded without a fixed verdict"
                );
                recorded += 1;
            }
        }
        assert!(recorded >= 26, "{recorded}");
    }
}
