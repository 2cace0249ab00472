//! JSON pointers (RFC 6901), the way every error and every IR item names its place in a spec.

/// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_escaped(&mut out, token);
    out
}

/// Appends `token` escaped, in one pass: lowering joins a pointer for every operation,
/// parameter, response and schema it reads.
fn push_escaped(out: &mut String, token: &str) {
    let mut rest = token;
    while let Some(at) = rest.find(['~', '/']) {
        out.push_str(&rest[..at]);
        out.push_str(if rest.as_bytes()[at] == b'~' {
            "~0"
        } else {
            "~1"
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Undoes [`escape`].
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Appends one token to a pointer.
pub fn join(base: &str, token: &str) -> String {
    let mut pointer = String::with_capacity(base.len() + 1 + token.len() + 8);
    pointer.push_str(base);
    pointer.push('/');
    push_escaped(&mut pointer, token);
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let p = join(&join("", "paths"), "/agents/{id}~x");
        assert_eq!(p, "/paths/~1agents~1{id}~0x");
        assert_eq!(unescape("~1agents~1{id}~0x"), "/agents/{id}~x");
        assert_eq!(escape("~/~~//é"), "~0~1~0~0~1~1é");
        assert_eq!(join("/a", ""), "/a/");
    }
}
