//! Splitting a pass over a large registry between the machine's cores, with results that do
//! not depend on how many there are.
//!
//! The deployments are cut into chunks of a fixed size, each chunk is reduced on its own (on
//! whichever thread takes it), and the partial results are merged in chunk order. Floating-
//! point sums therefore depend only on the registry, never on the thread count or timing; and
//! a registry of one chunk or less is reduced on the caller's thread exactly as a plain loop
//! would.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::Result;

/// Deployments per chunk. Below this a pass is not split: spawning threads costs more than it
/// saves, and small registries keep the plain loop's sums bit for bit.
pub(crate) const CHUNK: usize = 32 * 1024;

/// `f` applied to each chunk of `items`, in chunk order, computed on up to as many threads as
/// the machine has cores.
///
/// If the system cannot start a thread, the others (at least the caller's) take its chunks.
/// A panic in `f` (a bug) is resumed on the caller's thread.
pub(crate) fn map_chunks<'a, T, R, F>(items: &'a [T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a [T]) -> R + Sync,
{
    if items.len() <= CHUNK {
        // One chunk (or none): no threads, and no asking how many there could be, which
        // reads the cgroup's CPU quota on Linux.
        return items.chunks(CHUNK).map(f).collect();
    }
    let chunks: Vec<&'a [T]> = items.chunks(CHUNK).collect();
    let threads = thread::available_parallelism()
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
            let Some(&chunk) = chunks.get(i) else {
                return done;
            };
            done.push((i, f(chunk)));
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

/// `f` applied to each chunk of `items` as in [`map_chunks`], the results folded into the
/// first chunk's by `merge`, in chunk order; `empty()` when there are no items.
///
/// # Errors
/// The error of the first chunk, in chunk order, whose `f` or `merge` fails.
pub(crate) fn fold_chunks<'a, T, R, F>(
    items: &'a [T],
    f: F,
    empty: impl FnOnce() -> R,
    mut merge: impl FnMut(&mut R, R) -> Result<()>,
) -> Result<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a [T]) -> Result<R> + Sync,
{
    let mut parts = map_chunks(items, f).into_iter();
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
        let items: Vec<u64> = (0..(5 * CHUNK as u64 + 17)).collect();
        let sums = map_chunks(&items, |c| (c[0], c.iter().sum::<u64>()));
        assert_eq!(sums.len(), 6);
        let firsts: Vec<u64> = sums.iter().map(|(first, _)| *first).collect();
        let expected: Vec<u64> = (0..6).map(|k| k * CHUNK as u64).collect();
        assert_eq!(firsts, expected);
        let total: u64 = sums.iter().map(|(_, s)| s).sum();
        assert_eq!(total, items.iter().sum::<u64>());
    }

    #[test]
    fn folding_merges_in_chunk_order_and_stops_at_the_first_error() {
        let items: Vec<u64> = (0..(3 * CHUNK as u64)).collect();
        let firsts = fold_chunks(
            &items,
            |c| Ok(vec![c[0]]),
            Vec::new,
            |all, more| {
                all.extend(more);
                Ok(())
            },
        );
        assert_eq!(firsts.unwrap(), [0, CHUNK as u64, 2 * CHUNK as u64]);
        let failing = fold_chunks(
            &items,
            |c| match c[0] {
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
        let empty = fold_chunks(&[] as &[u64], |_| Ok(1), || 0, |_, _| Ok(()));
        assert_eq!(empty.unwrap(), 0);
    }

    #[test]
    fn a_small_input_is_one_chunk_and_an_empty_one_none() {
        assert_eq!(map_chunks(&[1, 2, 3], <[i32]>::len), [3]);
        assert!(map_chunks(&[] as &[i32], <[i32]>::len).is_empty());
    }
}
