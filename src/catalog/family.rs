//! Families: the names that stand for several parts ("Blackwell", "A100").

use super::ids::{FamilyId, PartId};

/// A named group of parts, such as "NVIDIA Blackwell" or "AMD Instinct MI300 Series".
///
/// Announcements often name a family where a part is needed ("14,000 Blackwell GPUs"). The
/// catalog resolves such names to the family, never to an arbitrary member, so that the
/// caller has to decide; see [`Catalog::resolve`](super::Catalog::resolve).
///
/// A family's parts are those it lists in [`members`](Self::members) plus every part whose
/// [`family`](super::Accelerator::family) is this family
/// ([`Catalog::members`](super::Catalog::members)); families may overlap ("Grace Blackwell"
/// lists parts whose primary family is "Blackwell").
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Family;
/// let family = Family::new("acme-x", "Acme X series", "acme").with_alias("X series");
/// assert_eq!(family.aliases, ["X series"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Family {
    /// The canonical ID, e.g. `nvidia-blackwell`.
    pub id: FamilyId,
    /// The display name, e.g. "NVIDIA Blackwell".
    pub name: String,
    /// The vendor as a lowercase word.
    pub vendor: String,
    /// Other names people write for the family.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub aliases: Vec<String>,
    /// Parts listed as members, in addition to those naming this family as theirs.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub members: Vec<PartId>,
    /// Caveats.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Family {
    /// A family with no aliases or listed members yet.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Family;
    /// assert_eq!(Family::new("acme-x", "Acme X series", "acme").id, "acme-x");
    /// ```
    pub fn new(
        id: impl Into<FamilyId>,
        name: impl Into<String>,
        vendor: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            vendor: vendor.into(),
            aliases: Vec::new(),
            members: Vec::new(),
            note: None,
        }
    }

    /// Adds a name people write for the family.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Family;
    /// let family = Family::new("acme-x", "Acme X series", "acme").with_alias("Acme X");
    /// assert_eq!(family.aliases.len(), 1);
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Lists a part as a member; the part must be in the catalog when the family is added.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Family;
    /// let family = Family::new("acme-x", "Acme X series", "acme").with_member("acme-x1");
    /// assert_eq!(family.members[0], "acme-x1");
    /// ```
    #[must_use]
    pub fn with_member(mut self, part: impl Into<PartId>) -> Self {
        self.members.push(part.into());
        self
    }

    /// Attaches a note.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Family;
    /// let family = Family::new("acme-x", "Acme X series", "acme").with_note("2026 parts");
    /// assert!(family.note.is_some());
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
