//! Work spread over the machine's cores, with results in a fixed order so that output stays
//! deterministic whatever the scheduling.

use rayon::prelude::*;

/// `job(0)`, `job(1)`, … `job(count - 1)` on every available core; the results in job order.
///
/// The jobs run on rayon's pool, whose threads outlive each call: a large spec is read and
/// rendered in hundreds of batches, and threads started afresh for each (with their
/// allocator caches) cost time and peak memory. Uneven jobs balance by work stealing.
pub fn map<T: Send>(count: usize, job: &(dyn Fn(usize) -> T + Sync)) -> Vec<T> {
    (0..count).into_par_iter().map(job).collect()
}

/// `job(item)` for each of `items`, moved in, on every core; the results in the items' order.
pub fn map_owned<T: Send, U: Send>(items: Vec<T>, job: &(dyn Fn(T) -> U + Sync)) -> Vec<U> {
    items.into_par_iter().map(job).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_job_order() {
        let squares = super::map(1000, &|i| {
            // Uneven jobs, so that workers finish out of order.
            if i % 7 == 0 {
                std::thread::yield_now();
            }
            i * i
        });
        assert_eq!(squares, (0..1000).map(|i| i * i).collect::<Vec<_>>());
        assert!(super::map(0, &|i| i).is_empty());
        let lengths = super::map_owned((0..1000).map(|i| "x".repeat(i)).collect(), &|s| s.len());
        assert_eq!(lengths, (0..1000).collect::<Vec<_>>());
    }
}
