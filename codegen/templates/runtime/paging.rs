//! Arithmetic for paginated lists: page numbers and offsets of whatever numeric type the spec
//! gives them.

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
