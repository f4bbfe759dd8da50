//! Group keys to their values, in first-seen order, for the analysis' internal maps.
//!
//! Keys are pairs of small integer codes, hashed with foldhash's fast hash ([`IntMap`]): the
//! standard SipHash took a quarter of an aggregation's time, and keys here are few and not
//! chosen by an adversary.

/// A map of the analysis' small integer keys (group keys, codes): foldhash's fast hash with a
/// fixed seed. The keys are codes the crate made, not text from the input, so no seed is
/// needed against crafted keys; std's SipHash took a quarter of an aggregation's time.
pub(crate) type IntMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// Values by group key, in first-seen order. Consecutive parts usually share their key (the
/// lines of one deployment grouped by a deployment key), so the last key is remembered and
/// such a part costs a comparison, not a hash.
#[derive(Debug)]
pub(crate) struct Groups<K, V> {
    index: IntMap<K, usize>,
    entries: Vec<(K, V)>,
    last: Option<(K, usize)>,
}

impl<K: Copy + Eq + std::hash::Hash, V> Groups<K, V> {
    pub(crate) fn new() -> Self {
        Self {
            index: IntMap::default(),
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
}
