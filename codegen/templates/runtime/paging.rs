//! Paginated lists: arithmetic for page numbers and offsets of whatever numeric type the spec
//! gives them, and what a page stream has seen, so that it always ends.

/// A page number or offset: an integer, or a float that holds one.
pub trait PageNumber: Copy {
    /// The number from an integer.
    fn from_i64(n: i64) -> Self;
    /// The number as an integer.
    fn to_i64(self) -> i64;
}

impl PageNumber for i64 {
    fn from_i64(n: i64) -> Self {
        n
    }
    fn to_i64(self) -> i64 {
        self
    }
}

impl PageNumber for i32 {
    fn from_i64(n: i64) -> Self {
        i32::try_from(n).unwrap_or(i32::MAX)
    }
    fn to_i64(self) -> i64 {
        i64::from(self)
    }
}

impl PageNumber for f64 {
    fn from_i64(n: i64) -> Self {
        n as f64
    }
    fn to_i64(self) -> i64 {
        self as i64
    }
}

impl PageNumber for f32 {
    fn from_i64(n: i64) -> Self {
        n as f32
    }
    fn to_i64(self) -> i64 {
        self as i64
    }
}

/// The page number or offset `step` after `current` (or after `start`, the server's default).
pub fn advance<T: PageNumber>(current: Option<T>, start: i64, step: usize) -> T {
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    T::from_i64(current.map_or(start, T::to_i64).saturating_add(step))
}

/// Whether an offset is still before the total number of items.
pub fn before<T: PageNumber, N: PageNumber>(offset: T, total: N) -> bool {
    offset.to_i64() < total.to_i64()
}

/// What a page stream has received, so that a server that ignores the page parameter, or
/// whose cursors lead in a circle, cannot keep it fetching forever: a page whose items were
/// all seen as a page before ends the stream, as does a cursor that was seen before.
///
/// Pages are remembered by a 64-bit hash of their items' JSON, keyed per stream: 8 bytes a
/// page.
#[derive(Default)]
pub struct Seen {
    keys: std::collections::hash_map::RandomState,
    pages: std::collections::HashSet<u64>,
    cursors: std::collections::HashSet<u64>,
}

impl Seen {
    /// Records a page's items; `false` if the same items came as a page before.
    pub fn new_page<T: serde::Serialize + ?Sized>(&mut self, items: &T) -> bool {
        let hash = self.hash(items);
        self.pages.insert(hash)
    }

    /// Records a cursor; `false` if it came before.
    pub fn new_cursor<T: serde::Serialize + ?Sized>(&mut self, cursor: &T) -> bool {
        let hash = self.hash(cursor);
        self.cursors.insert(hash)
    }

    fn hash<T: serde::Serialize + ?Sized>(&self, value: &T) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        /// Feeds JSON text to a hasher as it is written, without keeping it.
        struct Feed<H>(H);
        impl<H: Hasher> std::io::Write for Feed<H> {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.write(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut feed = Feed(self.keys.build_hasher());
        // A value that cannot be written as JSON hashes as far as it got: at worst a stream
        // ends a page early, never runs on.
        let _ = serde_json::to_writer(&mut feed, value);
        feed.0.finish()
    }
}

/// The value of the query parameter `param` in the URL that a `Link` response header names
/// `rel="next"` (RFC 8288; GitHub's lists say `<https://…?page=3>; rel="next"`). Only the
/// parameter's value is taken: the next request goes where this client's own requests go, so
/// a link to another host leads nowhere and no credential follows it.
pub fn link_next(headers: &reqwest::header::HeaderMap, param: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(link_values)
        .find(|(_, rel)| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("next")))
        .and_then(|(target, _)| {
            // A relative reference resolves against any base: only its query is read.
            let base = reqwest::Url::parse("http://relative.invalid/").ok()?;
            let url = base.join(target).ok()?;
            let value = url.query_pairs().find(|(name, _)| name == param)?.1;
            Some(value.into_owned())
        })
}

/// The `(target, rel)` pairs of one `Link` header value: `<target>; rel="a b", <…>; …`.
/// Commas inside `<…>` or a quoted string do not split links.
fn link_values(header: &str) -> Vec<(&str, String)> {
    let mut links = Vec::new();
    let mut rest = header;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|i| open + i) else { break };
        let target = &rest[open + 1..close];
        let params = &rest[close + 1..];
        // The parameters run to the next comma outside quotes.
        let mut quoted = false;
        let end = params
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ',' && !quoted
            })
            .map_or(params.len(), |(i, _)| i);
        let rel = params[..end]
            .split(';')
            .filter_map(|p| p.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("rel"))
            .map(|(_, value)| value.trim().trim_matches('"').to_owned())
            .unwrap_or_default();
        links.push((target, rel));
        rest = &params[end..];
    }
    links
}

#[cfg(test)]
mod tests {
    use super::link_next;
    use reqwest::header::{HeaderMap, HeaderValue, LINK};

    fn headers(values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in values {
            map.append(LINK, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn the_next_link_gives_the_page_parameter() {
        let github = r#"<https://api.github.com/repositories/1/issues?page=2&per_page=30>; rel="next", <https://api.github.com/repositories/1/issues?page=9&per_page=30>; rel="last""#;
        assert_eq!(link_next(&headers(&[github]), "page").as_deref(), Some("2"));
        assert_eq!(link_next(&headers(&[github]), "cursor"), None);
        let reordered = r#"<?page=1>; rel="prev first", </items?cursor=a%2Cb&x=1>; title="x, y"; REL=NEXT"#;
        assert_eq!(link_next(&headers(&[reordered]), "cursor").as_deref(), Some("a,b"));
        let split = ["</a?page=1>; rel=\"prev\"", "</a?page=3>; rel=\"next\""];
        assert_eq!(link_next(&headers(&split), "page").as_deref(), Some("3"));
        assert_eq!(link_next(&headers(&["</a?page=3>; rel=\"last\""]), "page"), None);
        assert_eq!(link_next(&headers(&["garbage <no end; rel=next"]), "page"), None);
        assert_eq!(link_next(&HeaderMap::new(), "page"), None);
    }
}
