//! Splitting a pass over a large registry between the machine's cores, with results that do
//! not depend on how many there are.
//!
//! The deployments are cut into chunks of a fixed size, each chunk is reduced on its own (on
//! whichever thread takes it), and the partial results are merged in chunk order. Floating-
//! point sums therefore depend only on the registry, never on the thread count or timing; and
//! a registry of one chunk or less is reduced on the caller's thread exactly as a plain loop
//! would.

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::Result;

/// Deployments per chunk. Below this a pass is not split: spawning threads costs more than it
/// saves, and small registries keep the plain loop's sums bit for bit.
pub(crate) const CHUNK: usize = 32 * 1024;

/// The chunks of `0..n`, in order.
pub(crate) fn chunks(n: usize) -> impl Iterator<Item = Range<usize>> {
    (0..n)
        .step_by(CHUNK)
        .map(move |start| start..(start + CHUNK).min(n))
}

/// `f` applied to each chunk of `0..n`, in chunk order, computed on up to `threads` threads
/// (the machine's cores when `None`).
///
/// If the system cannot start a thread, the others (at least the caller's) take its chunks.
/// A panic in `f` (a bug) is resumed on the caller's thread.
pub(crate) fn map_chunks<R, F>(n: usize, threads: Option<NonZeroUsize>, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
{
    if n <= CHUNK {
        // One chunk (or none): no threads, and no asking how many there could be, which
        // reads the cgroup's CPU quota on Linux.
        return chunks(n).map(f).collect();
    }
    let chunks: Vec<Range<usize>> = chunks(n).collect();
    let threads = threads
        .or_else(|| thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .min(chunks.len());
    if threads <= 1 {
        return chunks.into_iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(i) else {
                return done;
            };
            done.push((i, f(chunk.clone())));
        }
    };
    let mut results: Vec<(usize, R)> = thread::scope(|scope| {
        // A helper the system cannot start leaves its chunks to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// `f` applied to each chunk of `0..n` as in [`map_chunks`], the results folded into the
/// first chunk's by `merge`, in chunk order; `empty()` when `n` is zero.
///
/// # Errors
/// The error of the first chunk, in chunk order, whose `f` or `merge` fails.
pub(crate) fn fold_chunks<R, F>(
    n: usize,
    threads: Option<NonZeroUsize>,
    f: F,
    empty: impl FnOnce() -> R,
    mut merge: impl FnMut(&mut R, R) -> Result<()>,
) -> Result<R>
where
    R: Send,
    F: Fn(Range<usize>) -> Result<R> + Sync,
{
    let mut parts = map_chunks(n, threads, f).into_iter();
    let mut folded = match parts.next() {
        Some(first) => first?,
        None => empty(),
    };
    for part in parts {
        merge(&mut folded, part?)?;
    }
    Ok(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_chunk_order_whatever_the_threads() {
        let n = 5 * CHUNK + 17;
        for threads in [None, NonZeroUsize::new(1), NonZeroUsize::new(3)] {
            let sums = map_chunks(n, threads, |c| (c.start, c.map(|i| i as u64).sum::<u64>()));
            assert_eq!(sums.len(), 6);
            let firsts: Vec<usize> = sums.iter().map(|(first, _)| *first).collect();
            let expected: Vec<usize> = (0..6).map(|k| k * CHUNK).collect();
            assert_eq!(firsts, expected);
            let total: u64 = sums.iter().map(|(_, s)| s).sum();
            assert_eq!(total, (0..n as u64).sum::<u64>());
        }
    }

    #[test]
    fn folding_merges_in_chunk_order_and_stops_at_the_first_error() {
        let n = 3 * CHUNK;
        let firsts = fold_chunks(
            n,
            None,
            |c| Ok(vec![c.start]),
            Vec::new,
            |all, more| {
                all.extend(more);
                Ok(())
            },
        );
        assert_eq!(firsts.unwrap(), [0, CHUNK, 2 * CHUNK]);
        let failing = fold_chunks(
            n,
            None,
            |c| match c.start {
                0 => Ok(()),
                first => Err(crate::Error::InvalidEstimate {
                    reason: format!("chunk at {first}"),
                }),
            },
            || (),
            |_, ()| Ok(()),
        );
        assert_eq!(
            failing.unwrap_err().to_string(),
            format!("invalid estimate: chunk at {CHUNK}")
        );
        let empty = fold_chunks(0, None, |_| Ok(1), || 0, |_, _| Ok(()));
        assert_eq!(empty.unwrap(), 0);
    }

    #[test]
    fn a_small_input_is_one_chunk_and_an_empty_one_none() {
        assert_eq!(map_chunks(3, None, |r| r.len()), [3]);
        assert!(map_chunks(0, None, |r| r.len()).is_empty());
    }
}
