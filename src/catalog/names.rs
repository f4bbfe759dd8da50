//! Name lookup: IDs, names and aliases, matched case-insensitively with spaces folded.

use super::family::Family;
use super::part::Accelerator;
use super::system::System;

/// Folds a name for matching: lowercase, runs of white space become one space, no leading or
/// trailing space. "NVIDIA  h100 SXM5 " and "nvidia h100 sxm5" are the same name.
pub(crate) fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The set of characters a folded name holds, one bit each: letters, digits, space and `-`,
/// and every other character on one of the remaining bits. Two names whose sets differ by `k`
/// bits either way are at least `k` edits apart, and a name contains another only if its set
/// holds the other's, so suggestions pass over most names on one comparison of sets.
pub(crate) fn letters(folded: &str) -> u64 {
    folded.chars().fold(0, |set, c| {
        let bit = match c {
            'a'..='z' => u32::from(c) - u32::from('a'),
            '0'..='9' => 26 + u32::from(c) - u32::from('0'),
            ' ' => 36,
            '-' => 37,
            other => 38 + u32::from(other) % 26,
        };
        set | (1 << bit)
    })
}

/// Where a folded name points: an entry's position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Family(usize),
    Accelerator(usize),
    System(usize),
}

/// What a name resolves to: one part, one system, or a family of parts.
///
/// The variant is the answer to "which hardware is this?": a family name ("Blackwell",
/// "A100") does not pick a member, so the caller has to. The enum is exhaustive, so that a
/// `match` has to say what to do with a family.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{Accelerator, Catalog, Family, Resolved};
///
/// let mut catalog = Catalog::new();
/// catalog.add_family(Family::new("acme-x", "Acme X series", "acme").with_alias("X"))?;
/// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_family("acme-x"))?;
///
/// assert!(matches!(catalog.resolve("acme x1")?, Resolved::Accelerator(_)));
/// match catalog.resolve("X")? {
///     Resolved::Family(family) => assert_eq!(family.id, "acme-x"),
///     other => panic!("expected a family, got {}", other.id()),
/// }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Resolved<'a> {
    /// One part.
    Accelerator(&'a Accelerator),
    /// One system (node, rack or pod).
    System(&'a System),
    /// A family: the name stands for several parts.
    Family(&'a Family),
}

impl<'a> Resolved<'a> {
    /// The entry's canonical ID.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// assert_eq!(catalog.resolve("Acme X1")?.id(), "acme-x1");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn id(&self) -> &'a str {
        match self {
            Self::Accelerator(a) => a.id.as_str(),
            Self::System(s) => s.id.as_str(),
            Self::Family(f) => f.id.as_str(),
        }
    }

    /// The entry's display name.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// assert_eq!(catalog.resolve("ACME-X1")?.name(), "Acme X1");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn name(&self) -> &'a str {
        match self {
            Self::Accelerator(a) => &a.name,
            Self::System(s) => &s.name,
            Self::Family(f) => &f.name,
        }
    }

    /// The entry's aliases.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_alias("X1"))?;
    /// assert_eq!(catalog.resolve("x1")?.aliases(), ["X1"]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn aliases(&self) -> &'a [String] {
        match self {
            Self::Accelerator(a) => &a.aliases,
            Self::System(s) => &s.aliases,
            Self::Family(f) => &f.aliases,
        }
    }

    /// What kind of entry it is: `"part"`, `"system"` or `"family"`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Family};
    /// let mut catalog = Catalog::new();
    /// catalog.add_family(Family::new("acme-x", "Acme X series", "acme"))?;
    /// assert_eq!(catalog.resolve("acme-x")?.kind(), "family");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Accelerator(_) => "part",
            Self::System(_) => "system",
            Self::Family(_) => "family",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_ignores_case_and_spacing() {
        assert_eq!(fold("  NVIDIA\tH100   SXM5 "), "nvidia h100 sxm5");
        assert_eq!(fold(""), "");
        assert_eq!(fold("\u{a0}GB200\u{2003}NVL72"), "gb200 nvl72");
    }
}
