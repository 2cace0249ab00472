//! Rust identifiers from API names: case conversion, keywords, and collisions.
//!
//! Rules (documented in the README, checked by the tests below):
//! - Types and enum variants are UpperCamelCase; fields, parameters and methods snake_case.
//!   Every run of characters that are not letters or digits separates words
//!   (`Phone/Call` → `PhoneCall`, `Stage Change` → `StageChange`, `from_` → `from`).
//! - A name that would start with a digit gets a prefix (`V` for variants and types, `_` for
//!   fields); an empty name becomes `Empty` or `empty`.
//! - Keywords that can be raw identifiers become `r#type`; `self`, `Self`, `super`, `crate`
//!   and `_` get a trailing underscore, as prost-build does.
//! - Collisions within one scope are resolved in spec order: the first keeps the name, later
//!   ones get `_2`, `_3`, … (fields) or `2`, `3`, … (types and variants).

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::HashSet;

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Splits on anything that is not a letter or digit, so heck sees clean word boundaries.
fn words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

/// An UpperCamelCase type or variant name.
pub fn type_name(name: &str) -> String {
    let camel = words(name).to_upper_camel_case();
    let camel: String = camel
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    match camel.chars().next() {
        None => "Empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("V{camel}"),
        _ if camel == "Self" => "Self_".to_owned(),
        _ => camel,
    }
}

/// A snake_case field, parameter or method name, escaped if it is a keyword.
pub fn field_name(name: &str) -> String {
    let snake = words(name).to_snake_case();
    let snake: String = snake
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let snake = match snake.chars().next() {
        None => "empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("_{snake}"),
        _ => snake,
    };
    escape_keyword(snake)
}

/// `type` → `r#type`, `self` → `self_`; anything else unchanged.
pub fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Hands out unique names within one scope, in the order they are asked for.
#[derive(Debug, Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Scope {
        Scope {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Marks a name as taken without asking for it; returns whether it was free.
    pub fn reserve(&mut self, name: &str) -> bool {
        self.taken.insert(name.to_owned())
    }

    /// Whether `name` is taken.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// `name` if free, otherwise `name` + `separator` + the first free number from 2.
    pub fn unique(&mut self, name: String, separator: &str) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        // `self_` (a keyword made a name) with `_` and a number would be `self__2`, which
        // rustc's snake-case lint refuses.
        let base = name.strip_prefix("r#").unwrap_or(&name);
        let base = if separator == "_" {
            base.trim_end_matches('_')
        } else {
            base
        };
        let base = if base.is_empty() { name.as_str() } else { base }.to_owned();
        (2..)
            .map(|n| format!("{base}{separator}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(base)
    }
}

/// The variant of an operation's response enum for a success status: the status's reason
/// phrase (`202` is `Accepted`), `Status299` for a code without one, `Success` for `2XX`.
pub fn status_variant(status: crate::ir::StatusCode) -> String {
    use crate::ir::StatusCode;
    let reason = match status {
        StatusCode::Code(200) => "Ok",
        StatusCode::Code(201) => "Created",
        StatusCode::Code(202) => "Accepted",
        StatusCode::Code(203) => "NonAuthoritativeInformation",
        StatusCode::Code(204) => "NoContent",
        StatusCode::Code(205) => "ResetContent",
        StatusCode::Code(206) => "PartialContent",
        StatusCode::Code(207) => "MultiStatus",
        StatusCode::Code(208) => "AlreadyReported",
        StatusCode::Code(226) => "ImUsed",
        StatusCode::Code(code) => return format!("Status{code}"),
        StatusCode::Range(digit) => return format!("Status{digit}xx"),
        StatusCode::Default => "Default",
    };
    reason.to_owned()
}

/// The Rust method name for an operation: `operationId` cleaned of generator artifacts, or
/// one derived from the method and path.
///
/// - A router prefix is dropped: `conversationRouter-createAgentConvo` → `create_agent_convo`
///   (the part before the first `-` or `.` when it ends in Router, Controller, Handler,
///   Service or Resource).
/// - FastAPI's `{function}{path}_{method}` form is reduced to the function name:
///   `list_agents_v1_agents_get` for `GET /v1/agents` → `list_agents`.
/// - Without an `operationId`: the method and the path's literal segments (`get_agents_convos`).
pub fn operation_name(operation_id: Option<&str>, method: &str, path: &str) -> String {
    let Some(id) = operation_id else {
        let literal: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty() && !s.starts_with('{'))
            .collect();
        return field_name(&format!("{} {}", method.to_lowercase(), literal.join(" ")));
    };
    let mut id = id;
    if let Some(pos) = id.find(['-', '.']) {
        let prefix = id[..pos].to_lowercase();
        if ["router", "controller", "handler", "service", "resource"]
            .iter()
            .any(|s| prefix.ends_with(s))
        {
            id = &id[pos + 1..];
        }
    }
    let fastapi_suffix: String = format!("{}_{}", path, method.to_lowercase())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Some(function) = id.strip_suffix(fastapi_suffix.as_str()) {
        if !function.is_empty() {
            return field_name(function);
        }
    }
    field_name(id)
}

/// The method name of an operation within its tag's group: the operation name without the
/// words of the tag, singular or plural (`list_agents` in `agents` → `list`,
/// `list_agent_calls` → `list_calls`, `detach_number_from_agent` → `detach_number`).
/// A preposition left dangling at either end is dropped too; if nothing is left, the
/// operation name is kept.
pub fn method_in_group(operation: &str, tag: &str) -> String {
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_owned();
    let tag_words: Vec<String> = field_name(tag)
        .split('_')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect();
    let mut words: Vec<&str> = operation
        .split('_')
        .filter(|w| !tag_words.contains(&singular(w)))
        .collect();
    const PREPOSITIONS: &[&str] = &["to", "from", "for", "of", "by", "in", "on", "with"];
    while words.last().is_some_and(|w| PREPOSITIONS.contains(w)) {
        words.pop();
    }
    while words.first().is_some_and(|w| PREPOSITIONS.contains(w)) {
        words.remove(0);
    }
    if words.is_empty() {
        operation.to_owned()
    } else {
        // Through `field_name` again: what is left may start with a digit (`users_2fa_setup`).
        field_name(&words.join("_"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        for (input, expected) in [
            ("Phone/Call", "PhoneCall"),
            ("Stage Change", "StageChange"),
            ("Follow-Up", "FollowUp"),
            ("email_sent", "EmailSent"),
            ("ai-chatting", "AiChatting"),
            (
                "app__routes__agents__ConversationSummary",
                "AppRoutesAgentsConversationSummary",
            ),
            ("HTTPValidationError", "HttpValidationError"),
            ("2fa", "V2fa"),
            ("", "Empty"),
            ("---", "Empty"),
            ("Self", "Self_"),
        ] {
            assert_eq!(type_name(input), expected, "{input}");
        }
    }

    #[test]
    fn field_names() {
        for (input, expected) in [
            ("ID", "id"),
            ("userID", "user_id"),
            ("from_", "from"),
            ("messagesNum", "messages_num"),
            ("firstMessageTS", "first_message_ts"),
            ("listenUrlUNIX", "listen_url_unix"),
            ("type", "r#type"),
            ("self", "self_"),
            ("crate", "crate_"),
            ("3d", "_3d"),
            ("$ref", "r#ref"),
            ("", "empty"),
        ] {
            assert_eq!(field_name(input), expected, "{input}");
        }
    }

    #[test]
    fn every_keyword_is_escaped() {
        for kw in KEYWORDS {
            assert_eq!(escape_keyword((*kw).to_owned()), format!("r#{kw}"));
            syn::parse_str::<syn::Ident>(&format!("r#{kw}")).unwrap();
        }
        for kw in NOT_RAW {
            let escaped = escape_keyword((*kw).to_owned());
            syn::parse_str::<syn::Ident>(&escaped).unwrap();
        }
    }

    #[test]
    fn collisions_get_numbered_in_order() {
        let mut scope = Scope::default();
        assert_eq!(scope.unique("id".into(), "_"), "id");
        assert_eq!(scope.unique("id".into(), "_"), "id_2");
        assert_eq!(scope.unique("id".into(), "_"), "id_3");
        assert_eq!(scope.unique("r#type".into(), "_"), "r#type");
        assert_eq!(scope.unique("r#type".into(), "_"), "type_2");
    }

    #[test]
    fn methods_in_groups() {
        for (operation, tag, expected) in [
            ("list_agents", "agents", "list"),
            ("get_agent", "agents", "get"),
            ("attach_number_to_agent", "agents", "attach_number"),
            ("list_agent_conversations", "agents", "list_conversations"),
            (
                "create_or_update_agent_webhook",
                "agent-webhooks",
                "create_or_update",
            ),
            ("list_agent_deliveries", "agent-webhooks", "list_deliveries"),
            ("list_calls_for_number", "calls", "list_for_number"),
            ("get_usage", "usage", "get"),
            ("agent_sign_up", "agent-signup", "sign_up"),
            ("agents", "agents", "agents"),
            ("use_agent", "agents", "r#use"),
            ("users_2fa_setup", "users", "_2fa_setup"),
        ] {
            assert_eq!(
                method_in_group(operation, tag),
                expected,
                "{operation} in {tag}"
            );
        }
    }

    #[test]
    fn operation_names() {
        for (id, method, path, expected) in [
            (
                Some("conversationRouter-createAgentConvo"),
                "POST",
                "/agents/{agentId}/convos",
                "create_agent_convo",
            ),
            (
                Some("list_agents_v1_agents_get"),
                "GET",
                "/v1/agents",
                "list_agents",
            ),
            (
                Some("get_agent_v1_agents__agent_id__get"),
                "GET",
                "/v1/agents/{agent_id}",
                "get_agent",
            ),
            (
                Some("all_time_stats_v1_webhooks_deliveries_all_time_get"),
                "GET",
                "/v1/webhooks/deliveries/all-time",
                "all_time_stats",
            ),
            (Some("getUser"), "GET", "/users/{id}", "get_user"),
            (Some("get-user"), "GET", "/users/{id}", "get_user"),
            (None, "GET", "/agents/{agentId}/convos", "get_agents_convos"),
        ] {
            assert_eq!(operation_name(id, method, path), expected, "{id:?}");
        }
    }
}
