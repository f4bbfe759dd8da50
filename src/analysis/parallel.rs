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

/// How a pass over chunks makes, fills and merges its partial results, so that
/// [`reduce_chunks`] can reuse them: a query over a million deployments has dozens of chunks,
/// and an allocation costs more than a chunk's work when the heap is fragmented (the first
/// queries after a large registry is built).
pub(crate) trait Reduce: Sync {
    /// A chunk's partial result.
    type Part: Send;

    /// An empty partial result.
    fn make(&self) -> Self::Part;

    /// Adds the chunk of deployments `chunk` to `part` (empty when called).
    ///
    /// # Errors
    /// The pass's error (overflow).
    fn run(&self, part: &mut Self::Part, chunk: Range<usize>) -> Result<()>;

    /// Adds `later` (the partial result of a later chunk) to `folded`, leaving `later` empty
    /// for reuse.
    ///
    /// # Errors
    /// Overflow.
    fn merge(&self, folded: &mut Self::Part, later: &mut Self::Part) -> Result<()>;
}

/// What the threads of [`reduce_chunks`] share: the partial results waiting to be merged,
/// the fold so far, and emptied partial results for reuse.
struct Frontier<P> {
    /// The next chunk to merge.
    next: usize,
    /// Finished chunks that wait for an earlier one, by chunk position.
    waiting: Vec<(usize, Result<P>)>,
    folded: Option<P>,
    spare: Vec<P>,
    failed: Option<crate::Error>,
}

/// The partial results of every chunk of `0..n`, computed on up to `threads` threads (the
/// machine's cores when `None`) and merged in chunk order: the same fold as a plain loop over
/// the chunks, whatever the number of threads, with a few partial results reused instead of
/// one per chunk. A merge happens as soon as every earlier chunk is merged, so that at most
/// about one partial result per thread is alive.
///
/// # Errors
/// The error of the first chunk, in chunk order, whose `run` or `merge` fails.
pub(crate) fn reduce_chunks<P: Reduce>(
    n: usize,
    threads: Option<NonZeroUsize>,
    pass: &P,
) -> Result<P::Part> {
    let chunks: Vec<Range<usize>> = chunks(n).collect();
    let threads = if chunks.len() <= 1 {
        // One chunk (or none): no threads, and no asking how many there could be, which
        // reads the cgroup's CPU quota on Linux.
        1
    } else {
        threads
            .or_else(|| thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get)
            .min(chunks.len())
    };
    if threads <= 1 {
        let mut folded = pass.make();
        let mut iter = chunks.into_iter();
        if let Some(first) = iter.next() {
            pass.run(&mut folded, first)?;
        }
        let mut later = pass.make();
        for chunk in iter {
            pass.run(&mut later, chunk)?;
            pass.merge(&mut folded, &mut later)?;
        }
        return Ok(folded);
    }
    let frontier = std::sync::Mutex::new(Frontier {
        next: 0,
        waiting: Vec::with_capacity(threads),
        folded: None,
        spare: Vec::with_capacity(threads),
        failed: None,
    });
    let taken = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = taken.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(i) else {
                return;
            };
            let mut part = match frontier.lock() {
                Ok(mut f) if f.failed.is_none() => f.spare.pop(),
                _ => return,
            }
            .unwrap_or_else(|| pass.make());
            let done = pass.run(&mut part, chunk.clone()).map(|()| part);
            let Ok(mut f) = frontier.lock() else {
                return;
            };
            f.waiting.push((i, done));
            // Merge every chunk that is next in order.
            while let Some(at) = f.waiting.iter().position(|(j, _)| *j == f.next) {
                let (_, done) = f.waiting.swap_remove(at);
                f.next += 1;
                let merged = done.and_then(|mut part| match f.folded.take() {
                    None => {
                        f.folded = Some(part);
                        Ok(())
                    }
                    Some(mut folded) => {
                        let merged = pass.merge(&mut folded, &mut part);
                        f.folded = Some(folded);
                        f.spare.push(part);
                        merged
                    }
                });
                if let Err(e) = merged {
                    f.failed = Some(e);
                    return;
                }
            }
        }
    };
    thread::scope(|scope| {
        // A helper the system cannot start leaves its chunks to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        work();
        for helper in helpers {
            if let Err(panic) = helper.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let f = frontier
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match (f.failed, f.folded) {
        (Some(e), _) => Err(e),
        (None, Some(folded)) => Ok(folded),
        (None, None) => Ok(pass.make()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects the first position of each chunk, failing at `fail_at` if set.
    struct Firsts {
        fail_at: Option<usize>,
    }

    impl Reduce for Firsts {
        type Part = Vec<usize>;

        fn make(&self) -> Vec<usize> {
            Vec::new()
        }

        fn run(&self, part: &mut Vec<usize>, chunk: Range<usize>) -> Result<()> {
            assert!(part.is_empty(), "a part is handed over empty");
            if self.fail_at == Some(chunk.start) {
                return Err(crate::Error::InvalidEstimate {
                    reason: format!("chunk at {}", chunk.start),
                });
            }
            part.push(chunk.start);
            Ok(())
        }

        fn merge(&self, folded: &mut Vec<usize>, later: &mut Vec<usize>) -> Result<()> {
            folded.append(later);
            Ok(())
        }
    }

    #[test]
    fn results_are_merged_in_chunk_order_whatever_the_threads() {
        let n = 5 * CHUNK + 17;
        let expected: Vec<usize> = (0..6).map(|k| k * CHUNK).collect();
        for threads in [None, NonZeroUsize::new(1), NonZeroUsize::new(3)] {
            let firsts = reduce_chunks(n, threads, &Firsts { fail_at: None }).unwrap();
            assert_eq!(firsts, expected);
        }
    }

    #[test]
    fn the_first_error_in_chunk_order_is_returned() {
        for threads in [
            NonZeroUsize::new(1),
            NonZeroUsize::new(2),
            NonZeroUsize::new(4),
        ] {
            let failing = reduce_chunks(
                3 * CHUNK,
                threads,
                &Firsts {
                    fail_at: Some(CHUNK),
                },
            );
            assert_eq!(
                failing.unwrap_err().to_string(),
                format!("invalid estimate: chunk at {CHUNK}")
            );
        }
    }

    #[test]
    fn a_small_input_is_one_chunk_and_an_empty_one_none() {
        let pass = Firsts { fail_at: None };
        assert_eq!(reduce_chunks(3, None, &pass).unwrap(), [0]);
        assert!(reduce_chunks(0, None, &pass).unwrap().is_empty());
    }
}
