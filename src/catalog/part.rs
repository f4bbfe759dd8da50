//! Accelerators (GPUs, APUs and superchips) and their sourced figures.

use super::ids::{FamilyId, PartId, SourceKey};
use crate::units::{ComputeFigure, ComputeFormat, ComputeRate, Power, Precision, Sparsity};

/// How a figure was obtained.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Derivation;
/// assert_eq!(Derivation::ThirdParty.tag(), "third-party");
/// assert_eq!(Derivation::default(), Derivation::Published);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Derivation {
    /// Printed by the vendor in the cited document.
    #[default]
    Published,
    /// Arithmetic on published figures (e.g. dense = sparse / 2 where the vendor's footnote
    /// says so); the figure's note shows the arithmetic.
    Derived,
    /// Reported by a third party (press, an OEM), not by the vendor.
    ThirdParty,
}

impl Derivation {
    /// The wire tag: `"published"`, `"derived"`, `"third-party"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::Derivation::Derived.tag(), "derived");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Derived => "derived",
            Self::ThirdParty => "third-party",
        }
    }
}

/// Which execution units a figure is for, where a part quotes more than one figure per format.
///
/// NVIDIA's Hopper prints FP64 at 34 TFLOP/s on its vector units and 67 TFLOP/s on its Tensor
/// Cores; AMD's "matrix" figures are stored as [`Core::Tensor`]. Formats that only run on one
/// kind of unit (FP8 on Tensor Cores) leave the core unset.
///
/// # Example
/// ```
/// assert_eq!(sovereign_compute::catalog::Core::Tensor.tag(), "tensor");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Core {
    /// Tensor Cores (NVIDIA) or matrix cores (AMD).
    Tensor,
    /// Vector (CUDA or SIMD) units.
    Vector,
}

impl Core {
    /// The wire tag: `"tensor"` or `"vector"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::Core::Vector.tag(), "vector");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Tensor => "tensor",
            Self::Vector => "vector",
        }
    }
}

/// The physical form of an accelerator, which decides how it is counted.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Form;
/// assert_eq!(Form::Superchip.tag(), "superchip");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Form {
    /// One accelerator package counted as one GPU (an SXM or PCIe GPU, an OAM module, an APU
    /// such as the MI300A). A board or module that software sees as two devices but that the
    /// vendor's figures and the public tables count as one unit is one GPU here too: AMD's
    /// MI250X (two GCDs) and NVIDIA's Tesla K80 (two GK210 GPUs on one board).
    Gpu,
    /// A module of CPUs and GPUs sold and counted as one unit (GH200: 1 + 1; GB200: 1 + 2).
    Superchip,
}

impl Form {
    /// The wire tag: `"gpu"` or `"superchip"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::Form::Gpu.tag(), "gpu");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Gpu => "gpu",
            Self::Superchip => "superchip",
        }
    }
}

/// Adds the `with_derivation` and `with_note` builder methods shared by every cited figure.
macro_rules! cited {
    ($name:ident, $example:literal) => {
        impl $name {
            /// Marks how the figure was obtained (the default is
            /// [`Derivation::Published`]).
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::catalog::*;\n# use sovereign_compute::units::*;\nlet f = ", $example, ".with_derivation(Derivation::Derived);\nassert_eq!(f.derivation, Derivation::Derived);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            #[must_use]
            pub fn with_derivation(mut self, derivation: Derivation) -> Self {
                self.derivation = derivation;
                self
            }

            /// Attaches a note: the arithmetic of a derived figure, or a caveat.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::catalog::*;\n# use sovereign_compute::units::*;\nlet f = ", $example, ".with_note(\"configurable\");\nassert_eq!(f.note.as_deref(), Some(\"configurable\"));\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            #[must_use]
            pub fn with_note(mut self, note: impl Into<String>) -> Self {
                self.note = Some(note.into());
                self
            }
        }
    };
}

/// A peak compute figure of a part (or a published total of a system) at one number format
/// and sparsity, with its source.
///
/// The rate is in FLOP/s (OP/s for INT8) and is a theoretical peak.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{Core, PeakFigure};
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// let fp64 = PeakFigure::new(Precision::Fp64, Sparsity::Dense, "67 TFLOP/s".parse()?, "H2")
///     .with_core(Core::Tensor);
/// assert_eq!(fp64.figure().to_string(), "67 TFLOP/s FP64 dense peak");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PeakFigure {
    /// The number format.
    pub precision: Precision,
    /// Tensor or vector units, where the part quotes both for this format.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub core: Option<Core>,
    /// Dense or 2:4 sparse.
    pub sparsity: Sparsity,
    /// The peak rate in FLOP/s (OP/s for INT8).
    pub rate: ComputeRate,
    /// The source that prints (or from which is derived) the figure.
    pub source: SourceKey,
    /// Published, derived or third-party.
    pub derivation: Derivation,
    /// How a derived figure was computed, or a caveat.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl PeakFigure {
    /// A published figure; add [`with_core`](Self::with_core),
    /// [`with_derivation`](Self::with_derivation) or [`with_note`](Self::with_note) as needed.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Derivation, PeakFigure};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let f = PeakFigure::new(Precision::Fp4, Sparsity::Sparse, "20 PFLOP/s".parse()?, "B1");
    /// assert_eq!(f.derivation, Derivation::Published);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(
        precision: Precision,
        sparsity: Sparsity,
        rate: ComputeRate,
        source: impl Into<SourceKey>,
    ) -> Self {
        Self {
            precision,
            core: None,
            sparsity,
            rate,
            source: source.into(),
            derivation: Derivation::Published,
            note: None,
        }
    }

    /// Says which units the figure is for.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Core, PeakFigure};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let f = PeakFigure::new(Precision::Fp64, Sparsity::Dense, "34 TFLOP/s".parse()?, "H2")
    ///     .with_core(Core::Vector);
    /// assert_eq!(f.core, Some(Core::Vector));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_core(mut self, core: Core) -> Self {
        self.core = Some(core);
        self
    }

    /// The figure as a [`ComputeFigure`] on the theoretical-peak basis.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::PeakFigure;
    /// use sovereign_compute::units::{Basis, Precision, Sparsity};
    /// let f = PeakFigure::new(Precision::Fp8, Sparsity::Sparse, "10 PFLOP/s".parse()?, "B1");
    /// assert_eq!(f.figure().format.basis, Basis::Peak);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn figure(&self) -> ComputeFigure {
        ComputeFigure::new(self.rate, self.format())
    }

    /// The figure's format: its precision and sparsity on the theoretical-peak basis.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::PeakFigure;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let f = PeakFigure::new(Precision::Fp8, Sparsity::Sparse, "10 PFLOP/s".parse()?, "B1");
    /// assert_eq!(f.format().to_string(), "FP8 sparse peak");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn format(&self) -> ComputeFormat {
        ComputeFormat::peak(self.precision, self.sparsity)
    }
}

cited!(
    PeakFigure,
    "PeakFigure::new(Precision::Fp8, Sparsity::Dense, \"5 PFLOP/s\".parse()?, \"B1\")"
);

/// Picks the figure for a format: Tensor Core first, then a figure with no core, then vector
/// units, so that FP64 means the FP64 Tensor Core peak where a part quotes both (the higher
/// theoretical peak, and the one vendors use in headline FP64 figures).
pub(crate) fn select_figure(
    figures: &[PeakFigure],
    precision: Precision,
    sparsity: Sparsity,
) -> Option<&PeakFigure> {
    [Some(Core::Tensor), None, Some(Core::Vector)]
        .into_iter()
        .find_map(|core| find_figure(figures, core, precision, sparsity))
}

/// The figure for exactly this core, precision and sparsity.
pub(crate) fn find_figure(
    figures: &[PeakFigure],
    core: Option<Core>,
    precision: Precision,
    sparsity: Sparsity,
) -> Option<&PeakFigure> {
    figures
        .iter()
        .find(|f| f.core == core && f.precision == precision && f.sparsity == sparsity)
}

/// Memory capacity of a part, in GB (10^9 bytes), with its kind and source.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Memory;
/// let m = Memory::new(80, "HBM3", "H2");
/// assert_eq!(m.to_string(), "80 GB HBM3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Memory {
    /// Capacity in GB (10^9 bytes), as vendors print it.
    pub gigabytes: u32,
    /// The memory technology, e.g. `"HBM3E"` or `"GDDR7"`.
    pub kind: String,
    /// The source that prints the figure.
    pub source: SourceKey,
    /// Published, derived or third-party.
    pub derivation: Derivation,
    /// A caveat, e.g. another variant's capacity.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Memory {
    /// A published capacity of `gigabytes` GB of `kind` memory.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Memory;
    /// assert_eq!(Memory::new(192, "HBM3", "C3").gigabytes, 192);
    /// ```
    pub fn new(gigabytes: u32, kind: impl Into<String>, source: impl Into<SourceKey>) -> Self {
        Self {
            gigabytes,
            kind: kind.into(),
            source: source.into(),
            derivation: Derivation::Published,
            note: None,
        }
    }
}

cited!(Memory, "Memory::new(80, \"HBM3\", \"H2\")");

/// "80 GB HBM3".
impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} GB {}", self.gigabytes, self.kind)
    }
}

/// Memory bandwidth of a part, in TB/s (10^12 bytes per second), with its source.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::MemoryBandwidth;
/// let bw = MemoryBandwidth::new(3.35, "H2");
/// assert_eq!(bw.to_string(), "3.35 TB/s");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct MemoryBandwidth {
    /// Bandwidth in TB/s (10^12 bytes per second).
    pub terabytes_per_second: f64,
    /// The source that prints the figure.
    pub source: SourceKey,
    /// Published, derived or third-party.
    pub derivation: Derivation,
    /// A caveat.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl MemoryBandwidth {
    /// A published bandwidth of `terabytes_per_second` TB/s.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::MemoryBandwidth;
    /// assert_eq!(MemoryBandwidth::new(8.0, "B1").terabytes_per_second, 8.0);
    /// ```
    pub fn new(terabytes_per_second: f64, source: impl Into<SourceKey>) -> Self {
        Self {
            terabytes_per_second,
            source: source.into(),
            derivation: Derivation::Published,
            note: None,
        }
    }
}

cited!(MemoryBandwidth, "MemoryBandwidth::new(8.0, \"B1\")");

/// "3.35 TB/s".
impl std::fmt::Display for MemoryBandwidth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} TB/s", self.terabytes_per_second)
    }
}

/// What a rated power covers: the accelerator package alone, or a whole module with its CPU
/// and memory.
///
/// Some parts have two TDPs in use. NVIDIA rates the GH200 superchip "450 to 1,000 W" for
/// CPU + GPU + memory, while tables that list per-GPU power give the Hopper GPU's figure;
/// labelling each figure with its scope keeps the two apart.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{PowerScope, RatedPower};
/// let module = RatedPower::new("1000 W".parse()?, "GH").with_scope(PowerScope::Module);
/// assert_eq!(module.scope, Some(PowerScope::Module));
/// assert_eq!(PowerScope::Module.tag(), "module");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PowerScope {
    /// The accelerator package alone (one GPU, its on-package memory included).
    Gpu,
    /// A superchip or module, its CPU and memory included (GH200: Grace + Hopper + LPDDR5X).
    Module,
}

impl PowerScope {
    /// The wire tag: `"gpu"` or `"module"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::PowerScope::Gpu.tag(), "gpu");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Gpu => "gpu",
            Self::Module => "module",
        }
    }
}

/// A rated power in W with its source: a part's TDP, or a system's maximum power.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{PowerScope, RatedPower};
/// let tdp = RatedPower::new("700 W".parse()?, "H2")
///     .with_scope(PowerScope::Gpu)
///     .with_note("up to; configurable");
/// assert_eq!(tdp.power.to_string(), "700 W");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct RatedPower {
    /// The power in W.
    pub power: Power,
    /// What the figure covers: the GPU alone or a whole module; `None` where the source
    /// does not draw the distinction (a discrete GPU's TDP, a system's maximum power).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub scope: Option<PowerScope>,
    /// The source that prints the figure.
    pub source: SourceKey,
    /// Published, derived or third-party.
    pub derivation: Derivation,
    /// What the figure covers ("whole module", "max; configurable").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl RatedPower {
    /// A published power figure in W.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::RatedPower;
    /// let p = RatedPower::new("14.3 kW".parse()?, "D1");
    /// assert_eq!(p.source, "D1");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(power: Power, source: impl Into<SourceKey>) -> Self {
        Self {
            power,
            scope: None,
            source: source.into(),
            derivation: Derivation::Published,
            note: None,
        }
    }

    /// Says what the figure covers: the GPU alone or a whole module.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{PowerScope, RatedPower};
    /// let gpu = RatedPower::new("700 W".parse()?, "EH").with_scope(PowerScope::Gpu);
    /// assert_eq!(gpu.scope, Some(PowerScope::Gpu));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_scope(mut self, scope: PowerScope) -> Self {
        self.scope = Some(scope);
        self
    }
}

cited!(RatedPower, "RatedPower::new(\"700 W\".parse()?, \"H2\")");

#[cfg(feature = "serde")]
fn one() -> u32 {
    1
}

/// An accelerator: a GPU, an APU, or a superchip of CPUs and GPUs, with its sourced figures.
///
/// Every figure cites a [`Source`](super::Source) by key and says whether it is published,
/// derived or third-party. A figure the vendor does not publish is absent (`None`, or no
/// [`PeakFigure`] for that format), never zero. Peak figures of a superchip are for the whole
/// superchip; [`Catalog::per_gpu_peak`](super::Catalog::per_gpu_peak) divides by
/// [`gpus`](Self::gpus).
///
/// Build one in code with [`Accelerator::gpu`] or [`Accelerator::superchip`] and the `with_*`
/// methods, then add it with [`Catalog::add_accelerator`](super::Catalog::add_accelerator),
/// which validates it.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{Accelerator, Catalog, PeakFigure, RatedPower, Source, Provenance};
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme")
///     .with_released(2026)
///     .with_tdp(RatedPower::new("750 W".parse()?, "ACME"))
///     .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME"))
///     .with_alias("X1");
///
/// let mut catalog = Catalog::new();
/// catalog.add_source(Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect))?;
/// catalog.add_accelerator(part)?;
/// assert_eq!(catalog.part("x1")?.name, "Acme X1");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Accelerator {
    /// The canonical ID, e.g. `nvidia-h100-sxm`.
    pub id: PartId,
    /// The full product name, e.g. "NVIDIA H100 SXM5 80GB".
    pub name: String,
    /// The vendor as a lowercase word, e.g. `"nvidia"`.
    pub vendor: String,
    /// The architecture or generation as a lowercase word, e.g. `"hopper"`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub architecture: Option<String>,
    /// The part's primary family (it may also be listed by other families).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub family: Option<FamilyId>,
    /// GPU or superchip.
    pub form: Form,
    /// GPUs in one unit of the part: 1 for a GPU, 2 for a GB200 superchip.
    #[cfg_attr(feature = "serde", serde(default = "one"))]
    pub gpus: u32,
    /// CPUs in one unit of the part: 0 for a discrete GPU, 1 for a superchip or an APU.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cpus: u32,
    /// For a superchip whose GPUs are themselves a catalog part: that part (GB200's
    /// `nvidia-gb200-gpu`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub gpu_part: Option<PartId>,
    /// Year of release.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub released: Option<u16>,
    /// Which revision of the vendor's spec sheet the figures are pinned to.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub spec_revision: Option<String>,
    /// Memory capacity (GB) and kind.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub memory: Option<Memory>,
    /// Memory bandwidth (TB/s).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub memory_bandwidth: Option<MemoryBandwidth>,
    /// Thermal design power of one unit of the part, in W (for a superchip, the whole module).
    /// This is the figure derived power uses ([`Catalog::per_gpu_tdp`](super::Catalog::per_gpu_tdp),
    /// [`Catalog::tdp_power`](super::Catalog::tdp_power)).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tdp: Option<RatedPower>,
    /// Other TDP figures in use for the part, each labelled with its
    /// [`scope`](RatedPower::scope) and a note (GH200: the module's 1,000 W is
    /// [`tdp`](Self::tdp); the GPU-only figure that per-GPU tables list is here). Derived
    /// power never uses these.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub other_tdps: Vec<RatedPower>,
    /// Peak figures per format, one per (precision, core, sparsity), for one unit of the part.
    #[cfg_attr(feature = "serde", serde(default))]
    pub peak: Vec<PeakFigure>,
    /// Other names people write for the part; matched case-insensitively, spaces folded.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub aliases: Vec<String>,
    /// Caveats: other variants, revisions, naming in public tables.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Accelerator {
    /// A single-GPU part (an SXM or PCIe GPU, an OAM module, an APU) with no figures yet.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Form};
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme");
    /// assert_eq!((part.form, part.gpus, part.cpus), (Form::Gpu, 1, 0));
    /// ```
    pub fn gpu(id: impl Into<PartId>, name: impl Into<String>, vendor: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            vendor: vendor.into(),
            architecture: None,
            family: None,
            form: Form::Gpu,
            gpus: 1,
            cpus: 0,
            gpu_part: None,
            released: None,
            spec_revision: None,
            memory: None,
            memory_bandwidth: None,
            tdp: None,
            other_tdps: Vec::new(),
            peak: Vec::new(),
            aliases: Vec::new(),
            note: None,
        }
    }

    /// A superchip of `cpus` CPUs and `gpus` GPUs, counted as one unit.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Form};
    /// let part = Accelerator::superchip("acme-s2", "Acme S2 Superchip", "acme", 2, 1);
    /// assert_eq!((part.form, part.gpus, part.cpus), (Form::Superchip, 2, 1));
    /// ```
    pub fn superchip(
        id: impl Into<PartId>,
        name: impl Into<String>,
        vendor: impl Into<String>,
        gpus: u32,
        cpus: u32,
    ) -> Self {
        Self {
            form: Form::Superchip,
            gpus,
            cpus,
            ..Self::gpu(id, name, vendor)
        }
    }

    /// Sets the architecture, e.g. `"blackwell"`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_architecture("rocket");
    /// assert_eq!(part.architecture.as_deref(), Some("rocket"));
    /// ```
    #[must_use]
    pub fn with_architecture(mut self, architecture: impl Into<String>) -> Self {
        self.architecture = Some(architecture.into());
        self
    }

    /// Sets the primary family; the family must be in the catalog when the part is added.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_family("acme-x");
    /// assert_eq!(part.family.unwrap(), "acme-x");
    /// ```
    #[must_use]
    pub fn with_family(mut self, family: impl Into<FamilyId>) -> Self {
        self.family = Some(family.into());
        self
    }

    /// Names the GPU part a superchip holds; it must be in the catalog when the superchip is
    /// added.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let sc = Accelerator::superchip("acme-s2", "Acme S2", "acme", 2, 1).with_gpu_part("acme-x1");
    /// assert_eq!(sc.gpu_part.unwrap(), "acme-x1");
    /// ```
    #[must_use]
    pub fn with_gpu_part(mut self, gpu_part: impl Into<PartId>) -> Self {
        self.gpu_part = Some(gpu_part.into());
        self
    }

    /// Sets the release year.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// assert_eq!(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_released(2026).released, Some(2026));
    /// ```
    #[must_use]
    pub fn with_released(mut self, year: u16) -> Self {
        self.released = Some(year);
        self
    }

    /// Names the spec-sheet revision the figures are pinned to.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_spec_revision("2026 datasheet");
    /// assert_eq!(part.spec_revision.as_deref(), Some("2026 datasheet"));
    /// ```
    #[must_use]
    pub fn with_spec_revision(mut self, revision: impl Into<String>) -> Self {
        self.spec_revision = Some(revision.into());
        self
    }

    /// Sets the memory capacity (GB) and kind.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Memory};
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_memory(Memory::new(96, "HBM3E", "ACME"));
    /// assert_eq!(part.memory.unwrap().to_string(), "96 GB HBM3E");
    /// ```
    #[must_use]
    pub fn with_memory(mut self, memory: Memory) -> Self {
        self.memory = Some(memory);
        self
    }

    /// Sets the memory bandwidth (TB/s).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, MemoryBandwidth};
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme")
    ///     .with_memory_bandwidth(MemoryBandwidth::new(4.0, "ACME"));
    /// assert_eq!(part.memory_bandwidth.unwrap().terabytes_per_second, 4.0);
    /// ```
    #[must_use]
    pub fn with_memory_bandwidth(mut self, bandwidth: MemoryBandwidth) -> Self {
        self.memory_bandwidth = Some(bandwidth);
        self
    }

    /// Sets the TDP of one unit of the part (W).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, RatedPower};
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme")
    ///     .with_tdp(RatedPower::new("750 W".parse()?, "ACME"));
    /// assert_eq!(part.tdp.unwrap().power.to_string(), "750 W");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_tdp(mut self, tdp: RatedPower) -> Self {
        self.tdp = Some(tdp);
        self
    }

    /// Adds another TDP figure in use for the part, labelled with its scope and a note; the
    /// catalog keeps it beside [`tdp`](Self::tdp) but derived power uses only `tdp`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, PowerScope, RatedPower};
    /// let part = Accelerator::superchip("acme-s1", "Acme S1", "acme", 1, 1)
    ///     .with_tdp(RatedPower::new("1 kW".parse()?, "ACME").with_scope(PowerScope::Module))
    ///     .with_other_tdp(
    ///         RatedPower::new("700 W".parse()?, "ACME")
    ///             .with_scope(PowerScope::Gpu)
    ///             .with_note("the GPU alone"),
    ///     );
    /// assert_eq!(part.other_tdps[0].scope, Some(PowerScope::Gpu));
    /// assert_eq!(part.tdp.unwrap().power.to_string(), "1 kW");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_other_tdp(mut self, tdp: RatedPower) -> Self {
        self.other_tdps.push(tdp);
        self
    }

    /// Adds a peak figure for one unit of the part.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, PeakFigure};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme")
    ///     .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME"));
    /// assert!(part.figure(Precision::Fp8, Sparsity::Dense).is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_peak(mut self, figure: PeakFigure) -> Self {
        self.peak.push(figure);
        self
    }

    /// Adds a name people write for the part.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_alias("X1");
    /// assert_eq!(part.aliases, ["X1"]);
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Attaches a note.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Accelerator;
    /// let part = Accelerator::gpu("acme-x1", "Acme X1", "acme").with_note("engineering sample");
    /// assert_eq!(part.note.as_deref(), Some("engineering sample"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The peak figure for one unit of the part at a format, if the catalog has one.
    ///
    /// Where the part quotes both a Tensor Core and a vector figure (FP64 on Hopper, FP32 on
    /// CDNA), this is the Tensor Core figure: the higher theoretical peak. Use
    /// [`core_figure`](Self::core_figure) for the other. Nothing is derived here: a missing
    /// dense figure is not half the sparse one.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Core, PeakFigure};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let fp64 = |rate: &str, core| -> sovereign_compute::Result<PeakFigure> {
    ///     Ok(PeakFigure::new(Precision::Fp64, Sparsity::Dense, rate.parse()?, "H2").with_core(core))
    /// };
    /// let part = Accelerator::gpu("acme-h1", "Acme H1", "acme")
    ///     .with_peak(fp64("34 TFLOP/s", Core::Vector)?)
    ///     .with_peak(fp64("67 TFLOP/s", Core::Tensor)?);
    /// let f = part.figure(Precision::Fp64, Sparsity::Dense).unwrap();
    /// assert_eq!(f.rate.to_string(), "67 TFLOP/s");
    /// assert!(part.figure(Precision::Fp64, Sparsity::Sparse).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn figure(&self, precision: Precision, sparsity: Sparsity) -> Option<&PeakFigure> {
        select_figure(&self.peak, precision, sparsity)
    }

    /// The peak figure for exactly this core (`None`: a figure quoted without a core).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Core, PeakFigure};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let part = Accelerator::gpu("acme-h1", "Acme H1", "acme").with_peak(
    ///     PeakFigure::new(Precision::Fp64, Sparsity::Dense, "34 TFLOP/s".parse()?, "H2").with_core(Core::Vector),
    /// );
    /// assert!(part.core_figure(Some(Core::Vector), Precision::Fp64, Sparsity::Dense).is_some());
    /// assert!(part.core_figure(Some(Core::Tensor), Precision::Fp64, Sparsity::Dense).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn core_figure(
        &self,
        core: Option<Core>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Option<&PeakFigure> {
        find_figure(&self.peak, core, precision, sparsity)
    }
}
