//! A fast hasher for the analysis' internal maps (group keys, kinds of hardware line).
//!
//! The standard SipHash took a quarter of an aggregation's time. Keys here are few and come
//! from validated registry IDs, countries and tags, so a simple multiplicative hash (the one
//! rustc uses, "FxHash") is enough; the maps only ever hold as many entries as there are
//! groups or kinds of hardware line.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the fast hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash: rotate, xor a word in, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            // `chunks_exact` gives 8 bytes, so the conversion always succeeds.
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, b)| w | (u64::from(*b) << (8 * i)));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Values by group key, in first-seen order. Consecutive parts usually share their key (the
/// lines of one deployment grouped by a deployment key), so the last key is remembered and
/// such a part costs a comparison, not a hash.
#[derive(Debug)]
pub(crate) struct Groups<K, V> {
    index: FastMap<K, usize>,
    entries: Vec<(K, V)>,
    last: Option<(K, usize)>,
}

impl<K: Copy + Eq + std::hash::Hash, V> Groups<K, V> {
    pub(crate) fn new() -> Self {
        Self {
            index: FastMap::default(),
            entries: Vec::new(),
            last: None,
        }
    }

    /// The value for `key`, made by `make` the first time. Always `Some`: the index it
    /// looks up was made from `entries` itself.
    pub(crate) fn entry(&mut self, key: K, make: impl FnOnce() -> V) -> Option<&mut V> {
        let known = match self.last {
            Some((k, i)) if k == key => Some(i),
            _ => self.index.get(&key).copied(),
        };
        let i = match known {
            Some(i) => i,
            None => {
                let i = self.entries.len();
                self.entries.push((key, make()));
                self.index.insert(key, i);
                i
            }
        };
        self.last = Some((key, i));
        self.entries.get_mut(i).map(|(_, value)| value)
    }

    /// Adds `other`'s values, in its order: a key new here takes `other`'s value as it is, a
    /// key in both has the two combined by `merge` (used to merge the partial results of
    /// chunks of a pass).
    ///
    /// # Errors
    /// The first error of `merge`.
    pub(crate) fn merge_from(
        &mut self,
        other: Groups<K, V>,
        mut merge: impl FnMut(&mut V, V) -> crate::Result<()>,
    ) -> crate::Result<()> {
        for (key, value) in other.entries {
            match self.index.get(&key).and_then(|&i| self.entries.get_mut(i)) {
                Some((_, mine)) => merge(mine, value)?,
                None => {
                    self.index.insert(key, self.entries.len());
                    self.entries.push((key, value));
                }
            }
        }
        Ok(())
    }

    /// The keys and values.
    pub(crate) fn into_entries(self) -> Vec<(K, V)> {
        self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash(s: &str) -> u64 {
        let mut h = FxHasher::default();
        s.hash(&mut h);
        h.finish()
    }

    #[test]
    fn merging_adds_shared_keys_and_appends_new_ones() {
        let mut a: Groups<u8, u32> = Groups::new();
        *a.entry(1, || 0).unwrap() += 10;
        *a.entry(2, || 0).unwrap() += 20;
        let mut b: Groups<u8, u32> = Groups::new();
        *b.entry(3, || 0).unwrap() += 3;
        *b.entry(2, || 0).unwrap() += 2;
        a.merge_from(b, |mine, theirs| {
            *mine += theirs;
            Ok(())
        })
        .unwrap();
        assert_eq!(a.into_entries(), [(1, 10), (2, 22), (3, 3)]);
    }

    #[test]
    fn distinguishes_short_strings_and_is_deterministic() {
        assert_ne!(hash("nvidia-b200"), hash("nvidia-b300"));
        assert_ne!(hash("ab"), hash("ba"));
        assert_eq!(hash("nvidia-gb200-nvl72"), hash("nvidia-gb200-nvl72"));
    }
}
