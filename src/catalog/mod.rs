//! The hardware catalog: accelerators and systems with sourced peak figures, memory and power.
//!
//! Turning "14,000 Blackwell GPUs" or "250 GB200 NVL72 racks" into compute and power needs to
//! know what each part does at each number format. The catalog holds that, with the source of
//! every figure, and does the conversions:
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use sovereign_compute::catalog::Catalog;
//! use sovereign_compute::units::{AcceleratorCount, Precision, Sparsity};
//!
//! let catalog = Catalog::builtin()?;
//! let racks: AcceleratorCount = "250 racks".parse()?;
//! assert_eq!(catalog.gpus("GB200 NVL72", racks)?.to_string(), "18,000 GPUs");
//!
//! let fp4 = catalog.peak("GB200 NVL72", racks, Precision::Fp4, Sparsity::Sparse)?;
//! assert_eq!(fp4.to_string(), "360 EFLOP/s FP4 sparse peak");
//!
//! // "Blackwell" names a family, not a part: the catalog does not pick one.
//! assert!(catalog.part("Blackwell").is_err());
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Overview
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Catalog`] | the validated, ID-keyed collection; lookup and conversions |
//! | [`Accelerator`] | a GPU, APU or superchip ([`Form`]) with [`PeakFigure`]s, [`Memory`], [`MemoryBandwidth`] and a TDP ([`RatedPower`]) |
//! | [`System`] | a node, rack or pod ([`SystemKind`]) of N units of one part, with its published power and totals |
//! | [`Family`] | a name that stands for several parts ("Blackwell", "A100") |
//! | [`Source`] | a document figures cite, with its [`Provenance`] |
//! | [`Resolved`] | what a name resolves to: a part, a system or a family |
//! | [`Problem`] | one problem of a catalog that does not validate ([`Error::InvalidCatalog`]) |
//! | [`PartId`], [`SystemId`], [`FamilyId`], [`SourceKey`] | typed IDs |
//!
//! # Semantics
//!
//! - **Figures are as published.** Every figure cites a source and says whether it is
//!   published, [derived](Derivation::Derived) (arithmetic on published figures, shown in its
//!   note) or third-party. A figure the vendor does not publish is absent, never zero.
//! - **Dense is not always half of sparse.** The catalog never derives one from the other at run
//!   time: NVIDIA's "dense is one-half sparse" footnote is applied in the data, per figure,
//!   and marked derived; Blackwell Ultra FP4 dense is 0.75 × sparse, as NVIDIA prints it.
//!   Asking for a format the part has no figure for is [`Error::MissingFigure`].
//! - **FP64 (and FP32) mean the Tensor Core figure** where a part quotes both a Tensor Core and
//!   a vector figure: the higher theoretical peak. [`Accelerator::core_figure`] gives the other.
//! - **Per-part figures are per unit of the part**: a GB200 superchip's FP4 figure is for two
//!   GPUs. Conversions go through GPUs: [`Catalog::gpus`] converts a count in any
//!   [`CountingUnit`](crate::units::CountingUnit), [`Catalog::per_gpu_peak`] divides a
//!   superchip's figure by its GPUs, and [`Catalog::peak`] multiplies the two.
//! - **Names** are IDs, product names and aliases, matched case-insensitively with white space
//!   folded ("nvidia  gb200" = "NVIDIA GB200"). A name belongs to one entry. A family name
//!   resolves to the [`Family`]; conversions accept it only where every member it could mean
//!   gives the same answer ("14,000 Blackwell GPUs" are 14,000 GPUs, but their FP4 peak
//!   depends on the part and is [`Error::AmbiguousPart`]).
//! - **Validation** rejects duplicate IDs and names, dangling references (family, part,
//!   source), superchips without GPUs or CPUs, zero figures and repeated figures. Every
//!   problem found is reported at once, as [`Error::InvalidCatalog`] with one [`Problem`] per
//!   entry and field, in the shape of a registry's: a whole catalog when loading
//!   ([`Catalog::from_parts`], [`Catalog::from_json`]), the one entry when adding.
//!
//! # Extending the catalog
//!
//! A program adds its own parts, systems, families and sources with [`Catalog::add_accelerator`]
//! and friends, or merges a catalog ([`Catalog::merge`]) or a JSON document
//! ([`Catalog::extend_from_json`]) into a copy of the built-in one:
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use sovereign_compute::catalog::{Accelerator, Catalog, PeakFigure, Provenance, Source};
//! use sovereign_compute::units::{AcceleratorCount, Precision, Sparsity};
//!
//! let mut catalog = Catalog::builtin()?.clone();
//! catalog.add_source(Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect))?;
//! catalog.add_accelerator(
//!     Accelerator::gpu("acme-x1", "Acme X1", "acme")
//!         .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME")),
//! )?;
//! let fp8 = catalog.peak("Acme X1", AcceleratorCount::gpus(1_000), Precision::Fp8, Sparsity::Dense)?;
//! assert_eq!(fp8.to_string(), "2 EFLOP/s FP8 dense peak");
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # JSON
//!
//! With the `serde` feature, [`Catalog::from_json`] and [`Catalog::to_json`] read and write the
//! format of the built-in `data/catalog.json`: `schema_version` (1), then `sources`,
//! `families`, `accelerators` and `systems`. Unknown fields are errors naming their JSON path,
//! quantities carry their unit (`"700 W"`, `"20 PFLOP/s"`), and memory is in fields that name
//! theirs (`gigabytes`, `terabytes_per_second`). The built-in catalog ([`Catalog::builtin`],
//! feature `dataset`) is read from that file through the same code path.
//!
//! # The built-in catalog
//!
//! The tables below are rendered by [`Catalog::markdown`] from the built-in data; a test checks
//! that they match it. The provenance of each figure (which transcription, which revision, what
//! was not found) is in `data/CATALOG.md` next to the data.
//!
#![doc = include_str!("reference.md")]
// The overview links to the JSON and built-in-data functions, which only exist with `serde`
// and `dataset`; without them those links have no target, and that is expected.
#![cfg_attr(
    not(all(feature = "serde", feature = "dataset")),
    allow(rustdoc::broken_intra_doc_links)
)]

mod compute;
mod estimates;
mod family;
mod hardware_ref;
mod ids;
mod markdown;
mod names;
mod part;
pub mod resolve;
mod source;
mod system;
mod validate;
#[cfg(feature = "serde")]
mod wire;

use std::collections::HashMap;

pub use crate::error::Problem;
pub use family::Family;
pub use hardware_ref::HardwareRef;
pub use ids::{FamilyId, PartId, SourceKey, SystemId};
pub use names::Resolved;
pub use part::{
    Accelerator, Core, Derivation, Form, Memory, MemoryBandwidth, PeakFigure, PowerScope,
    RatedPower,
};
pub use resolve::{Candidate, Resolution};
pub use source::{Provenance, Source};
pub use system::{System, SystemKind};
#[cfg(feature = "serde")]
pub(crate) use wire::CatalogSection;

use crate::{Error, Result};
use names::{Target, fold};

/// The hardware catalog: validated parts, systems, families and sources, looked up by ID or
/// by the names people write.
///
/// Every way of building one validates: a `Catalog` is always consistent (unique IDs and
/// names, no dangling references, no zero figures). See the [module docs](self) for the
/// semantics and the built-in data.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{Accelerator, Catalog, Family, System, SystemKind, Provenance, Source};
/// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
///
/// let mut catalog = Catalog::new();
/// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
/// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
/// catalog.add_system(System::new("acme-pod", "Acme Pod", SystemKind::Rack, "acme-x1", 64, "ACME"))?;
///
/// let racks = AcceleratorCount::new(10, CountingUnit::Rack);
/// assert_eq!(catalog.gpus("Acme Pod", racks)?.count(), 640);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    sources: Vec<Source>,
    families: Vec<Family>,
    accelerators: Vec<Accelerator>,
    systems: Vec<System>,
    /// Folded IDs, names and aliases of families, parts and systems; one namespace, so that a
    /// name never means two things.
    names: HashMap<String, Target>,
    /// The same names with the set of characters each holds ([`names::letters`]), in the
    /// order they were added: what did-you-mean suggestions scan.
    spellings: Vec<(String, u64, Target)>,
    /// Source keys, exact.
    source_keys: HashMap<SourceKey, usize>,
}

/// Two catalogs are equal when they hold the same entries in the same order.
impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.sources == other.sources
            && self.families == other.families
            && self.accelerators == other.accelerators
            && self.systems == other.systems
    }
}

impl Catalog {
    /// An empty catalog, to fill with [`add_accelerator`](Self::add_accelerator) and friends.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Catalog;
    /// assert!(Catalog::new().accelerators().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a catalog from lists of entries, reporting every problem.
    ///
    /// Entries may refer to each other in any order within the lists (a superchip before its
    /// GPU part, a family listing parts that come later).
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem found, each naming the entry's ID and the
    /// field, in the order sources, families, parts, systems.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, catalog::{Accelerator, Catalog}};
    ///
    /// let ok = Catalog::from_parts(vec![], vec![], vec![Accelerator::gpu("acme-x1", "Acme X1", "acme")], vec![]);
    /// assert!(ok.is_ok());
    ///
    /// let bad = Catalog::from_parts(
    ///     vec![],
    ///     vec![],
    ///     vec![
    ///         Accelerator::gpu("acme-x1", "Acme X1", "acme").with_family("nope"),
    ///         Accelerator::gpu("acme-x2", "Acme X2", "acme").with_alias("acme x1"),
    ///     ],
    ///     vec![],
    /// );
    /// let Err(Error::InvalidCatalog { problems }) = bad else { panic!() };
    /// let fields: Vec<_> = problems.iter().map(|p| (p.id.as_str(), p.field.as_str())).collect();
    /// assert_eq!(fields, [("acme-x1", "family"), ("acme-x2", "aliases[0]")]);
    /// ```
    pub fn from_parts(
        sources: Vec<Source>,
        families: Vec<Family>,
        accelerators: Vec<Accelerator>,
        systems: Vec<System>,
    ) -> Result<Self> {
        let (catalog, problems) = Self::new().assembled(sources, families, accelerators, systems);
        validate::check(problems)?;
        Ok(catalog)
    }

    /// Adds a source.
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem of the source: a malformed or duplicate
    /// key, an empty title; the catalog is then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Provenance, Source};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
    /// assert!(catalog.add_source(Source::new("ACME", "again", Provenance::VendorDirect)).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add_source(&mut self, source: Source) -> Result<()> {
        let mut problems = Vec::new();
        self.check_source(&source, &mut problems);
        validate::check(problems)?;
        self.insert_source(source);
        Ok(())
    }

    /// Adds a family. Parts it lists as [`members`](Family::members) must already be in the
    /// catalog; parts added later join it by naming it as their
    /// [`family`](Accelerator::family).
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem of the family: a malformed ID, a name or
    /// alias already used by another entry, a member not in the catalog; the catalog is then
    /// unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Family};
    /// let mut catalog = Catalog::new();
    /// catalog.add_family(Family::new("acme-x", "Acme X series", "acme"))?;
    /// assert!(catalog.add_family(Family::new("acme-y", "Acme Y", "acme").with_member("acme-y1")).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add_family(&mut self, family: Family) -> Result<()> {
        let mut problems = Vec::new();
        self.check_family(&family, validate::Refs::Now, &mut problems);
        validate::check(problems)?;
        self.insert_family(family);
        Ok(())
    }

    /// Adds a part. Its family, GPU part and cited sources must already be in the catalog.
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem of the part, each naming its field: a
    /// malformed ID; a name or alias already used by another entry; a dangling family, GPU part or source; a GPU-form part with other
    /// than one GPU; a superchip without GPUs or CPUs; a zero rate, capacity, bandwidth or TDP;
    /// two figures for the same precision, core and sparsity. The catalog is then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, catalog::{Accelerator, Catalog}};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// let err = catalog.add_accelerator(Accelerator::superchip("acme-s0", "Acme S0", "acme", 0, 1)).unwrap_err();
    /// assert!(matches!(err, Error::InvalidCatalog { problems } if problems[0].field == "gpus"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add_accelerator(&mut self, accelerator: Accelerator) -> Result<()> {
        let mut problems = Vec::new();
        self.check_accelerator(&accelerator, validate::Refs::Now, &mut problems);
        validate::check(problems)?;
        self.insert_accelerator(accelerator);
        Ok(())
    }

    /// Adds a system. Its part and cited sources must already be in the catalog.
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem of the system: a malformed ID, a name
    /// already used, a dangling part or source, zero units, a zero power or total; the
    /// catalog is then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog, Provenance, Source, System, SystemKind};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// catalog.add_system(System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME"))?;
    /// let dangling = System::new("acme-rack", "Acme Rack", SystemKind::Rack, "acme-x9", 8, "ACME");
    /// assert!(catalog.add_system(dangling).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add_system(&mut self, system: System) -> Result<()> {
        let mut problems = Vec::new();
        self.check_system(&system, &mut problems);
        validate::check(problems)?;
        self.insert_system(system);
        Ok(())
    }

    /// Adds every entry of `other`, e.g. your own parts into a copy of the built-in catalog.
    ///
    /// `other` is a valid catalog on its own, so it cannot refer to entries only `self` has;
    /// for a document that does (your part in a built-in family, citing a built-in source),
    /// use [`extend_from_json`](Self::extend_from_json) or the `add_*` methods.
    ///
    /// # Errors
    /// [`Error::InvalidCatalog`] with every problem of the combined catalog, typically IDs or
    /// names both catalogs use; `self` is then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut mine = Catalog::new();
    /// mine.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// let mut all = Catalog::new();
    /// all.add_accelerator(Accelerator::gpu("acme-x2", "Acme X2", "acme"))?;
    /// all.merge(&mine)?;
    /// assert_eq!(all.accelerators().len(), 2);
    /// assert!(all.merge(&mine).is_err()); // already there
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn merge(&mut self, other: &Catalog) -> Result<()> {
        let (merged, problems) = self.clone().assembled(
            other.sources.clone(),
            other.families.clone(),
            other.accelerators.clone(),
            other.systems.clone(),
        );
        validate::check(problems)?;
        *self = merged;
        Ok(())
    }

    /// The entry with exactly this canonical ID (no case or space folding).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// assert_eq!(catalog.get("acme-x1").map(|r| r.name()), Some("Acme X1"));
    /// assert!(catalog.get("Acme X1").is_none()); // a name, not an ID: use resolve
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Option<Resolved<'_>> {
        self.lookup(id).filter(|entry| entry.id() == id)
    }

    /// The part with this canonical ID.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// assert!(catalog.accelerator("acme-x1").is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn accelerator(&self, id: &str) -> Option<&Accelerator> {
        match self.get(id)? {
            Resolved::Accelerator(a) => Some(a),
            _ => None,
        }
    }

    /// The system with this canonical ID.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog, Provenance, Source, System, SystemKind};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// catalog.add_system(System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME"))?;
    /// assert_eq!(catalog.system("acme-node").map(|s| s.units), Some(8));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn system(&self, id: &str) -> Option<&System> {
        match self.get(id)? {
            Resolved::System(s) => Some(s),
            _ => None,
        }
    }

    /// The family with this canonical ID.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Family};
    /// let mut catalog = Catalog::new();
    /// catalog.add_family(Family::new("acme-x", "Acme X series", "acme"))?;
    /// assert!(catalog.family("acme-x").is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn family(&self, id: &str) -> Option<&Family> {
        match self.get(id)? {
            Resolved::Family(f) => Some(f),
            _ => None,
        }
    }

    /// The source with this key (exact).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Provenance, Source};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
    /// assert_eq!(catalog.source("ACME").map(|s| s.title.as_str()), Some("Acme datasheet"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.source_keys.get(key).and_then(|&i| self.sources.get(i))
    }

    /// Every source, in the order they were added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::catalog::Catalog::new().sources().is_empty());
    /// ```
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every family, in the order they were added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::catalog::Catalog::new().families().is_empty());
    /// ```
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// Every part, in the order they were added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::catalog::Catalog::new().accelerators().is_empty());
    /// ```
    pub fn accelerators(&self) -> &[Accelerator] {
        &self.accelerators
    }

    /// Every system, in the order they were added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::catalog::Catalog::new().systems().is_empty());
    /// ```
    pub fn systems(&self) -> &[System] {
        &self.systems
    }

    /// A family's parts: those it lists, and those naming it as their family, in catalog order.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog, Family};
    /// let mut catalog = Catalog::new();
    /// catalog.add_family(Family::new("acme-x", "Acme X series", "acme"))?;
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_family("acme-x"))?;
    /// let family = catalog.family("acme-x").unwrap();
    /// assert_eq!(catalog.members(family).map(|a| a.id.as_str()).collect::<Vec<_>>(), ["acme-x1"]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn members<'a>(&'a self, family: &'a Family) -> impl Iterator<Item = &'a Accelerator> {
        self.accelerators.iter().filter(move |a| {
            a.family.as_ref() == Some(&family.id) || family.members.contains(&a.id)
        })
    }

    /// Looks a name up: an ID, product name or alias, case-insensitively with white space
    /// folded.
    ///
    /// A family name resolves to the [`Family`], so the caller sees that the name does not
    /// pick a part. See the module's alias table for the built-in names.
    ///
    /// # Errors
    /// [`Error::UnknownPart`] if no entry has that name.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, Resolved};
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.resolve("NVIDIA H100 SXM5 80GB")?.id(), "nvidia-h100-sxm");
    /// assert_eq!(catalog.resolve("gb200  nvl72")?.id(), "nvidia-gb200-nvl72");
    /// assert!(matches!(catalog.resolve("Blackwell")?, Resolved::Family(_)));
    /// assert!(catalog.resolve("Blackwell Hyper").is_err());
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn resolve(&self, name: &str) -> Result<Resolved<'_>> {
        self.lookup(name).ok_or_else(|| Error::UnknownPart {
            name: name.to_owned(),
            suggestions: self.suggestions(name),
        })
    }

    /// Looks a name up and insists on one part.
    ///
    /// A system name gives the part the system is built from (a GB200 NVL72 gives the GB200
    /// superchip): the part's figures are per unit of the part, not per system.
    ///
    /// # Errors
    /// [`Error::AmbiguousPart`] for a family name, naming its members; [`Error::UnknownPart`]
    /// for a name not in the catalog.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog};
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.part("AMD Instinct MI250X")?.id, "amd-mi250x");
    /// assert!(matches!(catalog.part("Hopper"), Err(Error::AmbiguousPart { .. })));
    /// assert!(matches!(catalog.part("H1000"), Err(Error::UnknownPart { .. })));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn part(&self, name: &str) -> Result<&Accelerator> {
        match self.resolve(name)? {
            Resolved::Accelerator(a) => Ok(a),
            Resolved::System(s) => self.system_part(s),
            Resolved::Family(f) => Err(self.ambiguous(name, f)),
        }
    }

    /// The part a system is built from.
    pub(crate) fn system_part(&self, system: &System) -> Result<&Accelerator> {
        self.accelerator(system.part.as_str())
            .ok_or_else(|| Error::UnknownPart {
                name: system.part.to_string(),
                suggestions: Vec::new(),
            })
    }

    /// The error for a family name where one part is needed.
    pub(crate) fn ambiguous(&self, name: &str, family: &Family) -> Error {
        Error::AmbiguousPart {
            name: name.to_owned(),
            family: family.id.to_string(),
            members: self
                .members(family)
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<Resolved<'_>> {
        self.names
            .get(&fold(name))
            .and_then(|&target| self.target(target))
    }

    pub(crate) fn target(&self, target: Target) -> Option<Resolved<'_>> {
        match target {
            Target::Family(i) => self.families.get(i).map(Resolved::Family),
            Target::Accelerator(i) => self.accelerators.get(i).map(Resolved::Accelerator),
            Target::System(i) => self.systems.get(i).map(Resolved::System),
        }
    }
}
