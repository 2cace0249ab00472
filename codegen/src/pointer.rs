//! JSON pointers (RFC 6901), the way every error and every IR item names its place in a spec.

/// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Undoes [`escape`].
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Appends one token to a pointer.
pub fn join(base: &str, token: &str) -> String {
    format!("{base}/{}", escape(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let p = join(&join("", "paths"), "/agents/{id}~x");
        assert_eq!(p, "/paths/~1agents~1{id}~0x");
        assert_eq!(unescape("~1agents~1{id}~0x"), "/agents/{id}~x");
    }
}
