//! Systems built from a number of one part: nodes, racks and pods.

use super::ids::{PartId, SourceKey, SystemId};
use super::part::{Core, PeakFigure, RatedPower, find_figure, select_figure};
use crate::units::{CountingUnit, Precision, Sparsity};

/// What kind of system an entry is, which decides the counting unit it is counted in.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::SystemKind;
/// use sovereign_compute::units::CountingUnit;
/// assert_eq!(SystemKind::Rack.counting_unit(), Some(CountingUnit::Rack));
/// assert_eq!(SystemKind::Pod.counting_unit(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum SystemKind {
    /// A server: DGX B200, HGX B300, an RTX PRO Server.
    Node,
    /// A rack-scale system: GB200 NVL72.
    Rack,
    /// A multi-rack building block such as a DGX SuperPOD scalable unit.
    Pod,
}

impl SystemKind {
    /// The wire tag: `"node"`, `"rack"`, `"pod"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::SystemKind::Node.tag(), "node");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Node => "node",
            Self::Rack => "rack",
            Self::Pod => "pod",
        }
    }

    /// The counting unit a count of these systems is written in; pods have none, since
    /// [`CountingUnit`] has no pod unit (count a pod's GPUs with
    /// [`Catalog::system_gpus`](super::Catalog::system_gpus)).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::SystemKind;
    /// use sovereign_compute::units::CountingUnit;
    /// assert_eq!(SystemKind::Node.counting_unit(), Some(CountingUnit::Node));
    /// ```
    pub const fn counting_unit(self) -> Option<CountingUnit> {
        match self {
            Self::Node => Some(CountingUnit::Node),
            Self::Rack => Some(CountingUnit::Rack),
            Self::Pod => None,
        }
    }
}

/// A system built from `units` of one part: 8 B200 GPUs in a DGX B200, 36 GB200 superchips in
/// a GB200 NVL72.
///
/// The system's GPUs are `units` × the part's GPUs per unit. Its own published figures are
/// kept as published: [`power`](Self::power) (W) and [`peak`](Self::peak) totals (FLOP/s).
/// Compute totals of N systems are computed from the part's figures by
/// [`Catalog::peak`](super::Catalog::peak); the tests check that they equal the published
/// totals.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{System, SystemKind};
/// let rack = System::new("acme-rack", "Acme Rack", SystemKind::Rack, "acme-x1", 64, "ACME");
/// assert_eq!(rack.units, 64);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct System {
    /// The canonical ID, e.g. `nvidia-gb200-nvl72`.
    pub id: SystemId,
    /// The product name, e.g. "NVIDIA GB200 NVL72".
    pub name: String,
    /// Node, rack or pod.
    pub kind: SystemKind,
    /// The part the system is built from.
    pub part: PartId,
    /// How many units of the part one system holds (superchips for a superchip part).
    pub units: u32,
    /// The system's maximum power in W, where known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub power: Option<RatedPower>,
    /// Compute totals the vendor publishes for one system, as published.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub peak: Vec<PeakFigure>,
    /// The source that defines the configuration.
    pub source: SourceKey,
    /// Other names people write for the system.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub aliases: Vec<String>,
    /// Caveats.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl System {
    /// A system of `units` × `part`, defined by `source`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{System, SystemKind};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME");
    /// assert_eq!(node.part, "acme-x1");
    /// ```
    pub fn new(
        id: impl Into<SystemId>,
        name: impl Into<String>,
        kind: SystemKind,
        part: impl Into<PartId>,
        units: u32,
        source: impl Into<SourceKey>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            part: part.into(),
            units,
            power: None,
            peak: Vec::new(),
            source: source.into(),
            aliases: Vec::new(),
            note: None,
        }
    }

    /// Sets the system's maximum power (W).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{RatedPower, System, SystemKind};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME")
    ///     .with_power(RatedPower::new("10 kW".parse()?, "ACME"));
    /// assert_eq!(node.power.unwrap().power.to_string(), "10 kW");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_power(mut self, power: RatedPower) -> Self {
        self.power = Some(power);
        self
    }

    /// Adds a published compute total for one system.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{PeakFigure, System, SystemKind};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME")
    ///     .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "16 PFLOP/s".parse()?, "ACME"));
    /// assert_eq!(node.peak.len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[must_use]
    pub fn with_peak(mut self, figure: PeakFigure) -> Self {
        self.peak.push(figure);
        self
    }

    /// Adds a name people write for the system.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{System, SystemKind};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME")
    ///     .with_alias("Acme server");
    /// assert_eq!(node.aliases, ["Acme server"]);
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
    /// use sovereign_compute::catalog::{System, SystemKind};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME")
    ///     .with_note("air-cooled");
    /// assert_eq!(node.note.as_deref(), Some("air-cooled"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The published total for one system at a format, with the same core preference as
    /// [`Accelerator::figure`](super::Accelerator::figure).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{PeakFigure, System, SystemKind};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let node = System::new("acme-node", "Acme Node", SystemKind::Node, "acme-x1", 8, "ACME")
    ///     .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "16 PFLOP/s".parse()?, "ACME"));
    /// assert_eq!(node.published(Precision::Fp8, Sparsity::Dense).unwrap().rate.to_string(), "16 PFLOP/s");
    /// assert!(node.published(Precision::Fp4, Sparsity::Dense).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn published(&self, precision: Precision, sparsity: Sparsity) -> Option<&PeakFigure> {
        select_figure(&self.peak, precision, sparsity)
    }

    /// The published total for exactly this core (`None`: a total quoted without a core).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Core, PeakFigure, System, SystemKind};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let rack = System::new("acme-rack", "Acme Rack", SystemKind::Rack, "acme-x1", 64, "ACME")
    ///     .with_peak(PeakFigure::new(Precision::Fp64, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME").with_core(Core::Vector));
    /// assert!(rack.published_core(Some(Core::Vector), Precision::Fp64, Sparsity::Dense).is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn published_core(
        &self,
        core: Option<Core>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Option<&PeakFigure> {
        find_figure(&self.peak, core, precision, sparsity)
    }
}
