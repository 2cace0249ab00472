//! The one rule for text a server or a caller can fill: every message, `Debug` output and
//! error source that shows such text passes [`Secrets::redact`], which keeps at most
//! [`PREVIEW_BYTES`] of it and blanks every credential the client knows, as sent and in the
//! forms a server may echo it back in (base64, as in `Authorization: Basic`; percent- and
//! form-encoded, as in a query string; JSON-escaped).

use std::fmt;
use std::sync::Arc;

/// How much of a server's or caller's text a message shows.
pub(super) const PREVIEW_BYTES: usize = 512;

/// What a blanked credential reads as.
const REDACTED: &str = "<redacted>";

/// Names of headers and query parameters whose values are credentials, whoever sets them
/// (matched as parts of the lower-case name, so `x-api-key` and `access_token` count).
const SECRET_NAME_PARTS: &[&str] =
    &["authorization", "cookie", "key", "token", "secret", "password", "passwd", "signature", "session", "credential"];

/// Whether a header or query parameter of this name carries a credential.
pub(super) fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_NAME_PARTS.iter().any(|part| name.contains(part))
}

/// Every form of every credential a client or a call knows, longest first (so that a secret
/// containing another is blanked whole). Cheap to clone.
#[derive(Clone, Default)]
pub(super) struct Secrets(Arc<[String]>);

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secrets({} forms)", self.0.len())
    }
}

impl Secrets {
    /// The secrets, each also base64-, percent-, form- and JSON-encoded.
    pub(super) fn new<'a>(plain: impl IntoIterator<Item = &'a str>) -> Self {
        use base64::Engine as _;
        let mut forms: Vec<String> = Vec::new();
        for secret in plain.into_iter().filter(|s| !s.is_empty()) {
            let b64 = base64::engine::general_purpose::STANDARD.encode(secret);
            forms.extend([
                secret.to_owned(),
                base64::engine::general_purpose::STANDARD_NO_PAD.encode(secret),
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret),
                b64,
                percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC).to_string(),
                form_urlencoded::byte_serialize(secret.as_bytes()).collect(),
                json_escaped(secret),
            ]);
        }
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        forms.dedup();
        Secrets(forms.into())
    }

    /// These secrets and `more`.
    pub(super) fn with<'a>(&self, more: impl IntoIterator<Item = &'a str>) -> Self {
        let more: Vec<&str> = more.into_iter().collect();
        if more.is_empty() {
            return self.clone();
        }
        let mut all = Secrets::new(more).0.to_vec();
        all.extend(self.0.iter().cloned());
        all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        all.dedup();
        Secrets(all.into())
    }

    /// At most [`PREVIEW_BYTES`] of `text` (cut at a character boundary, with the full length
    /// said), every form of every secret blanked.
    pub(super) fn redact(&self, text: &str) -> String {
        self.redact_bytes(text.as_bytes())
    }

    /// [`Self::redact`] of bytes, read as UTF-8 (invalid sequences replaced).
    pub(super) fn redact_bytes(&self, bytes: &[u8]) -> String {
        // Only the start is shown, so only the start (and room for a secret that begins in
        // it) is searched: the cost is bounded whatever the text's length.
        let longest = self.0.first().map_or(0, String::len);
        let window = &bytes[..bytes.len().min(PREVIEW_BYTES + longest + 3)];
        let mut text = String::from_utf8_lossy(window).into_owned();
        for secret in self.0.iter() {
            if text.contains(secret.as_str()) {
                text = text.replace(secret.as_str(), REDACTED);
            }
        }
        let mut shown = cut(&text, PREVIEW_BYTES).to_owned();
        if shown.len() < text.len() || window.len() < bytes.len() {
            shown.push_str(&format!("… ({} bytes in all)", bytes.len()));
        }
        shown
    }

    /// `value`'s `Debug` text, redacted.
    pub(super) fn redact_debug(&self, value: &dyn fmt::Debug) -> String {
        self.redact(&format!("{value:?}"))
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The secret as it appears inside a JSON string (without the quotes).
fn json_escaped(secret: &str) -> String {
    let quoted = serde_json::Value::String(secret.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

/// A URL as a message may show it: any user name and password in it blanked. A password may
/// hold a `/` (which makes the URL invalid, and its error worth showing), so everything up to
/// the last `@` before the query is blanked, a path's `@` included: better too much than a
/// password.
pub(super) fn url_without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Secrets::default().redact(url);
    };
    let authority_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let shown = match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{REDACTED}@{}", &rest[at + 1..]),
        None => url.to_owned(),
    };
    Secrets::default().redact(&shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_blanked_and_the_text_is_bounded() {
        let secrets = Secrets::new(["s3cr/t+key"]);
        let echoed = format!(
            "{} plain s3cr/t+key b64 czNjci90K2tleQ== url czNjci90K2tleQ pct s3cr%2Ft%2Bkey form s3cr%2Ft%2Bkey",
            "x".repeat(100)
        );
        let shown = secrets.redact(&echoed);
        assert!(!shown.contains("s3cr") && !shown.contains("czNjci90K2tleQ"), "{shown}");
        let long = "y".repeat(100_000);
        let shown = secrets.redact(&long);
        assert!(shown.len() < PREVIEW_BYTES + 40 && shown.ends_with("(100000 bytes in all)"), "{shown}");
    }

    #[test]
    fn a_secret_across_the_preview_cut_is_blanked() {
        let secrets = Secrets::new(["0123456789abcdef"]);
        let text = format!("{}0123456789abcdef{}", "z".repeat(PREVIEW_BYTES - 4), "z".repeat(1000));
        assert!(!secrets.redact(&text).contains("0123"));
        assert!(!secrets.redact_bytes(text.as_bytes()).contains("0123"));
    }

    #[test]
    fn user_info_leaves_urls() {
        assert_eq!(url_without_userinfo("https://me:hunter2@host/x"), "https://<redacted>@host/x");
        assert_eq!(url_without_userinfo("https://me:pw/x@host"), "https://<redacted>@host");
        assert_eq!(url_without_userinfo("https://host/a?b@c"), "https://host/a?b@c");
    }
}
