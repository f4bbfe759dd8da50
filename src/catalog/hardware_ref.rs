//! References to catalog hardware, as records and tables write them.

use super::ids::{FamilyId, PartId, SystemId};

/// What a hardware line counts: a catalog part or system, a set of parts the source leaves
/// open ("Blackwell GPUs", "DGX B200 systems and RTX PRO Servers"), a name still to be looked
/// up, or hardware the catalog does not list (kept as written, never guessed).
///
/// [`Catalog::resolve_hardware`](super::Catalog::resolve_hardware) says what a reference
/// means; a [`Registry`](crate::registry::Registry) resolves every line once, when it is
/// built, and stores the canonical reference: `Part("B200")` becomes `Part("nvidia-b200")`,
/// `Named("GB200 NVL72")` becomes `System("nvidia-gb200-nvl72")`.
///
/// When the part is left open, figures derived from it span the candidates: the lower bound
/// uses the candidate with the smallest figure, the upper bound the largest, and the central
/// value the midpoint of the two. A candidate without a figure for the format asked makes the
/// derived figure unknown.
///
/// On the wire: `{"part": "nvidia-gb200"}`, `{"system": "nvidia-gb200-nvl72"}`,
/// `{"family": "nvidia-blackwell"}`, `{"one_of": ["nvidia-b200", "nvidia-rtx-pro-6000-server"]}`,
/// `{"name": "GB200 NVL72"}` (read only: a registry writes the canonical form),
/// `{"unlisted": "NVIDIA GPUs (model not stated)"}`.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::HardwareRef;
/// let part = HardwareRef::Part("nvidia-gb200".into());
/// let open = HardwareRef::Family("nvidia-blackwell".into());
/// let other = HardwareRef::Unlisted("NVIDIA GPUs (model not stated)".into());
/// assert_ne!(part, other);
/// assert_eq!(open.candidates(), None); // a family's members come from the catalog
/// assert_eq!(HardwareRef::named("DGX B200").to_string(), "DGX B200");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum HardwareRef {
    /// A catalog accelerator (GPU or superchip), by ID or by any of its names.
    Part(PartId),
    /// A catalog system (node, rack or pod), by ID or by any of its names.
    System(SystemId),
    /// Any member of a catalog family, by ID or name: the source names only the family.
    Family(FamilyId),
    /// Any mix of these catalog parts: the source names several and not the split.
    OneOf(Vec<PartId>),
    /// A catalog ID, product name or alias of any kind, resolved to the part, system or
    /// family it names when a registry is built.
    #[cfg_attr(feature = "serde", serde(rename = "name"))]
    Named(String),
    /// Hardware the catalog does not list, as the source names it.
    Unlisted(String),
}

impl HardwareRef {
    /// A reference by a name of any kind, for the registry to resolve.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::HardwareRef;
    /// assert_eq!(HardwareRef::named("B200"), HardwareRef::Named("B200".into()));
    /// ```
    pub fn named(name: impl Into<String>) -> Self {
        Self::Named(name.into())
    }

    /// The parts listed by a [`OneOf`](HardwareRef::OneOf) reference; `None` for the others
    /// (a family's members are looked up in the catalog).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::HardwareRef;
    /// let mix = HardwareRef::OneOf(vec!["nvidia-b200".into(), "nvidia-rtx-pro-6000-server".into()]);
    /// assert_eq!(mix.candidates().map(<[_]>::len), Some(2));
    /// ```
    pub fn candidates(&self) -> Option<&[PartId]> {
        match self {
            HardwareRef::OneOf(parts) => Some(parts),
            _ => None,
        }
    }

    /// The kind of reference, as the wire format tags it: `"part"`, `"system"`, `"family"`,
    /// `"one_of"`, `"name"` or `"unlisted"`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::HardwareRef;
    /// assert_eq!(HardwareRef::System("nvidia-dgx-b200".into()).kind(), "system");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            HardwareRef::Part(_) => "part",
            HardwareRef::System(_) => "system",
            HardwareRef::Family(_) => "family",
            HardwareRef::OneOf(_) => "one_of",
            HardwareRef::Named(_) => "name",
            HardwareRef::Unlisted(_) => "unlisted",
        }
    }
}

/// The reference as written: the ID or name, the parts of a mix joined with " or ".
impl std::fmt::Display for HardwareRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HardwareRef::Part(id) => f.write_str(id.as_str()),
            HardwareRef::System(id) => f.write_str(id.as_str()),
            HardwareRef::Family(id) => f.write_str(id.as_str()),
            HardwareRef::OneOf(ids) => {
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    f.write_str(id.as_str())?;
                }
                Ok(())
            }
            HardwareRef::Named(name) | HardwareRef::Unlisted(name) => f.write_str(name),
        }
    }
}
