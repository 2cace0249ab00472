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
