//! Record IDs derived from names: deterministic, readable, and unique within an import.

use std::collections::{HashMap, HashSet};

/// The longest ID kept before a `-N` suffix (prefix and slug together), so that every ID fits
/// the 128-character limit with room for the suffix.
const MAX_BASE: usize = 100;

/// Lowercase ASCII letters and digits, with every other run of characters turned into one
/// `-`: "Jülich Supercomputing Centre" becomes `julich-supercomputing-centre`. Common Latin
/// accents are folded so that names in European languages stay readable.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold_accent(c);
        if folded.is_empty() {
            dash = !out.is_empty();
            continue;
        }
        if dash {
            out.push('-');
            dash = false;
        }
        out.push_str(folded);
        if out.len() >= MAX_BASE {
            break;
        }
    }
    out.truncate(MAX_BASE);
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "unnamed".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The ASCII letters a lowercase character stands for; empty for a separator.
fn fold_accent(c: char) -> &'static str {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if let Some(i) = PLAIN.find(c) {
        return PLAIN.get(i..i + 1).unwrap_or_default();
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' | 'ş' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' | 'ţ' => "t",
        'ď' => "d",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => "",
    }
}

/// Hands out IDs of one kind: the same key always gets the same ID, and different keys that
/// slug alike get `-2`, `-3`, ... in the order they are first seen.
#[derive(Debug, Default)]
pub(super) struct IdPool {
    used: HashSet<String>,
    by_key: HashMap<String, String>,
}

impl IdPool {
    /// The ID for `key`, made from `prefix` and the slug of `name` on first use. The second
    /// value says whether it is new.
    pub(super) fn id(&mut self, key: &str, prefix: &str, name: &str) -> (String, bool) {
        if let Some(id) = self.by_key.get(key) {
            return (id.clone(), false);
        }
        let base = format!("{prefix}{}", slug(name));
        // The prefix and slug are ASCII, so any length is a character boundary.
        let base = base.get(..MAX_BASE).unwrap_or(&base).trim_end_matches('-');
        let id = self.fresh(base);
        self.by_key.insert(key.to_owned(), id.clone());
        (id, true)
    }

    /// Marks `id` as taken, so that no derived ID collides with it.
    pub(super) fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_owned());
    }

    /// Like [`id`](Self::id), but a `key` that is already ID-shaped (lowercase ASCII letters,
    /// digits, `-`, `_`, `.`, starting with a letter or digit) is used as written rather than
    /// slugged, so that an ID written as a key reads back unchanged.
    pub(super) fn keyed_id(&mut self, key: &str, prefix: &str) -> (String, bool) {
        let shaped = key
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && key.len() <= MAX_BASE.saturating_sub(prefix.len())
            && key.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
            });
        if !shaped {
            return self.id(key, prefix, key);
        }
        if let Some(id) = self.by_key.get(key) {
            return (id.clone(), false);
        }
        let id = self.fresh(&format!("{prefix}{key}"));
        self.by_key.insert(key.to_owned(), id.clone());
        (id, true)
    }

    /// `base`, or `base-N` for the first N ≥ 2 not yet used.
    fn fresh(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut n = 2u64;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Jülich Supercomputing Centre (JSC)"),
            "julich-supercomputing-centre-jsc"
        );
        assert_eq!(
            slug("DOE/SC/Oak Ridge National Laboratory"),
            "doe-sc-oak-ridge-national-laboratory"
        );
        assert_eq!(slug("  --  "), "unnamed");
        assert_eq!(slug("清华"), "unnamed");
        assert_eq!(slug(&"x".repeat(300)).len(), MAX_BASE);
        let mut pool = IdPool::default();
        let long = "y".repeat(300);
        let (first, _) = pool.id("a", "top500-rank-", &long);
        let (second, _) = pool.id("b", "top500-rank-", &long);
        assert_eq!((first.len(), second.len()), (MAX_BASE, MAX_BASE + 2));
    }

    #[test]
    fn pool_is_deterministic_and_unique() {
        let mut pool = IdPool::default();
        assert_eq!(pool.id("Meta", "", "Meta"), ("meta".to_owned(), true));
        assert_eq!(pool.id("META", "", "META"), ("meta-2".to_owned(), true));
        assert_eq!(pool.id("Meta", "", "Meta"), ("meta".to_owned(), false));
        let mut keys = IdPool::default();
        assert_eq!(keys.keyed_id("180307", "top500-").0, "top500-180307");
        assert_eq!(
            keys.keyed_id("org.nvidia_x", "top500-").0,
            "top500-org.nvidia_x"
        );
        assert_eq!(keys.keyed_id("Alps 2", "top500-").0, "top500-alps-2");
        assert_eq!(
            keys.keyed_id("180307", "top500-"),
            ("top500-180307".to_owned(), false)
        );
    }
}
