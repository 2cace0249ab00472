//! Work spread over the machine's cores, with results in a fixed order so that output stays
//! deterministic whatever the scheduling.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `job(0)`, `job(1)`, … `job(count - 1)` on every available core; the results in job order.
///
/// Workers take the next job as they finish one, so uneven jobs still balance. With one core
/// or one job everything runs on the calling thread.
pub fn map<T: Send>(count: usize, job: &(dyn Fn(usize) -> T + Sync)) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(count);
    if workers <= 1 {
        return (0..count).map(job).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            return mine;
                        }
                        mine.push((index, job(index)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
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
    }
}
