//! Running one job per file on the rayon pool, one long-lived scratch state per worker.
//!
//! `par_iter().map_init` would make new buffers at every work split; for large files those
//! buffers are fresh pages each time, and page faults from two threads serialize on the
//! process's memory map lock, which made two threads slower than one. Here each worker keeps its
//! buffers for the whole call and pulls the next index from a shared counter.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work(state, i)` for every `i < count` and returns the results in index order.
///
/// Once `work` reports a failure (`is_failure`), indices after the first failing one are not
/// started: the caller only needs results up to the first failure in list order.
pub(crate) fn run<S, R, I, W, F>(count: usize, init: I, work: W, is_failure: F) -> Vec<R>
where
    R: Send,
    I: Fn() -> S + Sync,
    W: Fn(&mut S, usize) -> R + Sync,
    F: Fn(&R) -> bool + Sync,
{
    let next = AtomicUsize::new(0);
    let first_failure = AtomicUsize::new(usize::MAX);
    let workers = rayon::current_num_threads().clamp(1, count.max(1));
    let mut parts: Vec<Vec<(usize, R)>> = (0..workers).map(|_| Vec::new()).collect();
    rayon::scope(|scope| {
        for part in parts.iter_mut() {
            let (next, first_failure, init, work, is_failure) =
                (&next, &first_failure, &init, &work, &is_failure);
            scope.spawn(move |_| {
                let mut state = init();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count || i > first_failure.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = work(&mut state, i);
                    if is_failure(&result) {
                        first_failure.fetch_min(i, Ordering::Relaxed);
                    }
                    part.push((i, result));
                }
            });
        }
    });
    let mut all: Vec<(usize, R)> = parts.into_iter().flatten().collect();
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}
