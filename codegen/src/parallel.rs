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

/// `consume(batch, read(batch))` for each of `batches`, in order, reading the next batch
/// while this one is consumed: reading is parallel (`read` may use [`map`]) and consuming is
/// not, and overlapping them keeps every core busy. Two batches at most are read and not yet
/// consumed. Stops at the first error in batch order, from `read` or from `consume`. `read`
/// may take what it reads out of its batch, so that its source is freed as it is read.
///
/// Both run on rayon's pool, so `consume` must be `Send`: on a thread of its own, the
/// allocator gave each batch's memory to that thread's heap, and graph.json's lowering kept
/// 100 MB more.
pub fn pipeline<B: Send + Sync, T: Send, E: Send>(
    batches: &mut [B],
    read: &(dyn Fn(&mut B) -> Result<T, E> + Sync),
    consume: &mut (dyn FnMut(&B, T) -> Result<(), E> + Send),
) -> Result<(), E> {
    let Some(first) = batches.first_mut() else {
        return Ok(());
    };
    let mut ahead = Some(read(first)?);
    for k in 0..batches.len() {
        let Some(items) = ahead.take() else {
            break;
        };
        let (upto, rest) = batches.split_at_mut(k + 1);
        let (mut next, mut done) = (None, Ok(()));
        rayon::scope(|scope| {
            if let Some(following) = rest.first_mut() {
                scope.spawn(|_| next = Some(read(following)));
            }
            done = consume(&upto[k], items);
        });
        done?;
        ahead = next.transpose()?;
    }
    Ok(())
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

    #[test]
    fn a_pipeline_consumes_in_order_and_stops_at_the_first_error_in_batch_order() {
        let mut batches: Vec<usize> = (0..10).collect();
        let read = |b: &mut usize| {
            if *b == 7 {
                Err(format!("read {b}"))
            } else {
                Ok(*b * 10)
            }
        };
        let mut seen = Vec::new();
        let error = super::pipeline(&mut batches, &read, &mut |b, read| {
            seen.push((*b, read));
            Ok(())
        });
        // Batch 8 may have been read, but nothing after the failed batch is consumed.
        assert_eq!(error, Err("read 7".to_owned()));
        assert_eq!(seen, (0..7).map(|b| (b, b * 10)).collect::<Vec<_>>());
        // A failed consume stops it before the next batch, even when that one fails to read.
        let mut calls = 0;
        let stopped = super::pipeline(&mut [1, 7, 8], &read, &mut |b, _| {
            calls += 1;
            Err(format!("consume {b}"))
        });
        assert_eq!((stopped, calls), (Err("consume 1".to_owned()), 1));
        let none: &mut [usize] = &mut [];
        assert_eq!(
            super::pipeline(none, &read, &mut |_, _| Err("never".to_owned())),
            Ok(())
        );
    }
}
