//! What to add up: [`Gpus`], [`Compute`], [`ItPower`], [`FacilityPower`], [`Deployments`],
//! [`Phases`], and the [`Route`] each part took.
// The sealed measure protocol reads the registry's crate-private index; users can name
// neither the protocol nor the index, by design, so the private types in its signatures are
// not an interface.
#![allow(private_interfaces, private_bounds)]

use std::fmt;

use super::sum::{PhaseSum, Summable};
use crate::catalog::resolve::{CandidateFactors, format_index};
use crate::estimate::{Estimate, Part, map_part};
use crate::registry::index::{Index, Kind, LineRow, NONE, PhaseGpus};
use crate::units::{
    AcceleratorCount, Basis, ComputeFigure, ComputeFormat, Power, Precision, Sparsity,
};
use crate::{Error, Result};

/// How one part of a total was obtained.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Route;
/// assert_eq!(Route::Derived.to_string(), "derived");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Route {
    /// The source states the figure (for GPUs: the count is in GPUs).
    Stated,
    /// The source states the figure but not its format; the registry assumes the format
    /// asked for ([`FormatReading::Assumed`](crate::model::FormatReading::Assumed)).
    Assumed,
    /// Derived from a hardware line through the catalog (a count in racks, nodes or
    /// superchips converted to GPUs; GPUs × per-GPU peak or TDP).
    Derived,
    /// Neither stated nor derivable: counted as an unknown part, never as zero.
    Unknown,
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Route::Stated => "stated",
            Route::Assumed => "assumed",
            Route::Derived => "derived",
            Route::Unknown => "unknown",
        })
    }
}

/// How many parts of a total took each [`Route`].
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Route, Routes};
/// let mut routes = Routes::default();
/// routes.add(Route::Stated);
/// routes.add(Route::Derived);
/// routes.add(Route::Derived);
/// assert_eq!(routes.to_string(), "1 stated, 2 derived");
/// assert_eq!(routes.total(), 3);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Routes {
    /// Parts the sources state.
    pub stated: usize,
    /// Parts stated in an assumed format.
    pub assumed: usize,
    /// Parts derived through the catalog.
    pub derived: usize,
    /// Parts that could be neither.
    pub unknown: usize,
}

impl Routes {
    /// Counts one part.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Route, Routes};
    /// let mut routes = Routes::default();
    /// routes.add(Route::Unknown);
    /// assert_eq!(routes.unknown, 1);
    /// ```
    pub fn add(&mut self, route: Route) {
        let n = match route {
            Route::Stated => &mut self.stated,
            Route::Assumed => &mut self.assumed,
            Route::Derived => &mut self.derived,
            Route::Unknown => &mut self.unknown,
        };
        *n += 1;
    }

    /// Adds another tally.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Routes;
    /// let mut a = Routes::default();
    /// a.stated = 1;
    /// let mut b = Routes::default();
    /// b.derived = 2;
    /// a.merge(b);
    /// assert_eq!((a.stated, a.derived), (1, 2));
    /// ```
    pub fn merge(&mut self, other: Routes) {
        self.stated += other.stated;
        self.assumed += other.assumed;
        self.derived += other.derived;
        self.unknown += other.unknown;
    }

    /// The number of parts counted.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Routes;
    /// let mut routes = Routes::default();
    /// (routes.stated, routes.unknown) = (1, 2);
    /// assert_eq!(routes.total(), 3);
    /// ```
    pub fn total(&self) -> usize {
        self.stated + self.assumed + self.derived + self.unknown
    }
}

/// "2 stated, 1 derived": the non-zero counts, or "none".
impl fmt::Display for Routes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = [
            (self.stated, Route::Stated),
            (self.assumed, Route::Assumed),
            (self.derived, Route::Derived),
            (self.unknown, Route::Unknown),
        ];
        let mut first = true;
        for (n, route) in counts.into_iter().filter(|(n, _)| *n > 0) {
            if !first {
                f.write_str(", ")?;
            }
            write!(f, "{n} {route}")?;
            first = false;
        }
        if first {
            f.write_str("none")?;
        }
        Ok(())
    }
}

/// Something a [`Query`](super::Query) can add up; implemented by the measures of this
/// module only.
///
/// `Value` is the amount a total holds: [`AcceleratorCount`] (in GPUs) for [`Gpus`],
/// [`ComputeFigure`] for [`Compute`], [`Power`] (W) for [`ItPower`] and [`FacilityPower`],
/// and a plain count for [`Deployments`] and [`Phases`].
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Compute, Measure};
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// fn label(m: impl Measure) -> String { m.to_string() }
/// assert_eq!(label(Compute::peak(Precision::Fp4, Sparsity::Sparse)), "FP4 sparse peak compute");
/// ```
pub trait Measure: sealed::Sealed + Clone + fmt::Debug + fmt::Display {}

impl<M: sealed::Sealed + Clone + fmt::Debug + fmt::Display> Measure for M {}

pub(crate) mod sealed {
    //! The measure protocol, out of users' reach so that it can change.

    use super::*;

    /// What a measure counts per item.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Tally {
        /// Sums parts from phases and hardware lines.
        Parts,
        /// Counts each phase once.
        Phases,
        /// Counts each deployment once.
        Deployments,
    }

    /// Implemented by the measures of this module; see [`Measure`](super::Measure). `Sync`
    /// and `Send` so that a pass over a large registry can be split between threads.
    pub trait Sealed: Sync {
        /// The amount a total of this measure holds.
        type Value: Summable + Send + Sync;

        /// What is counted per item.
        fn tally(&self) -> Tally;

        /// The value one counted item adds (for tallies of phases and deployments).
        fn one(&self) -> Self::Value;

        /// A value as a table cell.
        fn cell(&self, value: &Self::Value) -> String;

        /// The figure the phase states, if it states one this measure can use, read from the
        /// registry's resolved index.
        ///
        /// # Errors
        /// Overflow while scaling.
        fn stated(&self, index: &Index, phase: usize)
        -> Result<Option<(Part<Self::Value>, Route)>>;

        /// What phase `phase`'s lines add up to, when the index holds it for this measure
        /// (GPUs): a pass adds it instead of reading the lines, with the same result.
        /// `None` (the default): the lines are read.
        fn phase_sum(
            &self,
            _index: &Index,
            _phase: usize,
        ) -> Option<PhaseSum<<Self::Value as Summable>::Raw>> {
            None
        }

        /// A hardware line's figure, derived from its resolved kind.
        ///
        /// # Errors
        /// Overflow.
        fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<Self::Value>, Route)>;

        /// How lines of a kind are derived, worked out once per query: most kinds have one
        /// candidate part, whose lines are their count × GPUs per unit × one figure.
        fn plan(&self, kind: &Kind) -> Plan;

        /// The value of `gpus` GPUs at a [`Plan::Scaled`] figure, as a plain number: the
        /// same value [`derive`](Self::derive) gives, computed the same way; `None` when it
        /// is past the value's range (the pass reports [`Sealed::overflow`]).
        fn scaled(&self, gpus: u64, figure: f64) -> Option<<Self::Value as Summable>::Raw>;

        /// The quantity a [`scaled`](Self::scaled) value past its range is reported as.
        fn quantity(&self) -> &'static str {
            "value"
        }

        /// Whether the measure can be answered over this index, checked once per query (a
        /// figure it divides by must be in the registry's catalog).
        ///
        /// # Errors
        /// What is missing.
        fn check(&self, _index: &Index) -> Result<()> {
            Ok(())
        }

        /// [`plan`](Self::plan), for a measure whose figures depend on the registry (H100
        /// equivalents divide by the H100 in the registry's catalog). The pass calls this.
        fn plan_in(&self, _index: &Index, kind: &Kind) -> Plan {
            self.plan(kind)
        }

        /// [`derive`](Self::derive), as [`plan_in`](Self::plan_in) is to `plan`. The pass
        /// calls this.
        ///
        /// # Errors
        /// Overflow.
        fn derive_in(
            &self,
            _index: &Index,
            line: &LineRow,
            kind: &Kind,
        ) -> Result<(Part<Self::Value>, Route)> {
            self.derive(line, kind)
        }
        /// The stem of the value columns of a result written out, naming the measure and
        /// the unit of the numbers: `gpus`, `compute_fp8_dense_peak_flop_per_s`, `it_power_w`.
        #[cfg(any(feature = "serde", feature = "csv"))]
        fn column(&self) -> String;

        /// The unit of the numbers written out: `GPU`, `FLOP/s`, `W`, `deployment`.
        #[cfg(any(feature = "serde", feature = "csv"))]
        fn unit(&self) -> &'static str;
    }

    /// How lines of one kind are derived for a measure.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Plan {
        /// Every line of the kind is unknown.
        Unknown,
        /// One candidate: GPUs = count × `per` (exact), value = [`Sealed::scaled`] of them
        /// at `figure` (a per-GPU rate or power; unused for GPU counts).
        Scaled { per: u64, figure: f64, route: Route },
        /// Several candidates: [`Sealed::derive`] spans them.
        Span,
    }
}

use sealed::{Plan, Sealed, Tally};

/// A scaled value, which like every quantity must be finite: what `checked_scale` checks.
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// The plan of a kind whose lines are GPUs × a per-GPU figure of its one candidate (`figure`
/// picks it, `None` when the candidate has none).
pub(super) fn scaled_plan(kind: &Kind, figure: impl Fn(&CandidateFactors) -> Option<f64>) -> Plan {
    match kind.factors.candidates.as_slice() {
        [] => Plan::Unknown,
        [one] => match (one.gpus_per_unit, figure(one)) {
            (Some(per), Some(figure)) => Plan::Scaled {
                per,
                figure,
                route: Route::Derived,
            },
            _ => Plan::Unknown,
        },
        _ => Plan::Span,
    }
}

/// The route of a derived part: derived when known, unknown otherwise.
pub(super) fn derived<T>(part: Part<T>) -> (Part<T>, Route) {
    let route = if part.is_some() {
        Route::Derived
    } else {
        Route::Unknown
    };
    (part, route)
}

/// The number of GPUs, converted from superchips, nodes and racks through the catalog.
///
/// A line counted in GPUs is [stated](Route::Stated); one counted in another unit is
/// [derived](Route::Derived) when the catalog can convert it. Unlisted hardware counts only
/// when counted in GPUs. A phase without hardware lines has an unknown GPU count.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Gpus;
/// assert_eq!(Gpus.to_string(), "GPUs");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gpus;

impl fmt::Display for Gpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("GPUs")
    }
}

impl Sealed for Gpus {
    type Value = AcceleratorCount;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> AcceleratorCount {
        AcceleratorCount::gpus(1)
    }

    fn cell(&self, value: &AcceleratorCount) -> String {
        Estimate::exact(value.count()).to_string()
    }

    fn stated(&self, _: &Index, _: usize) -> Result<Option<(Part<AcceleratorCount>, Route)>> {
        Ok(None)
    }

    #[inline(always)]
    fn phase_sum(&self, index: &Index, phase: usize) -> Option<PhaseSum<u64>> {
        let gpus = index.phase_gpus.get(phase)?;
        if gpus.flags & PhaseGpus::READ_LINES != 0 {
            return None;
        }
        let [lower, central, upper] = gpus.sums;
        let [stated, derived, unknown] = gpus.lines.map(|n| n as usize);
        Some(PhaseSum {
            lower,
            central,
            upper,
            unbounded: gpus.flags & PhaseGpus::UNBOUNDED != 0,
            overflow: gpus.flags & PhaseGpus::OVERFLOW != 0,
            routes: [stated, 0, derived, unknown],
        })
    }

    fn plan(&self, kind: &Kind) -> Plan {
        let route = if kind.factors.in_gpus {
            Route::Stated
        } else {
            Route::Derived
        };
        match kind.factors.candidates.as_slice() {
            [] if kind.factors.in_gpus => Plan::Scaled {
                per: 1,
                figure: 1.0,
                route,
            },
            [] => Plan::Unknown,
            [one] => match one.gpus_per_unit {
                Some(per) => Plan::Scaled {
                    per,
                    figure: 1.0,
                    route,
                },
                None => Plan::Unknown,
            },
            _ => Plan::Span,
        }
    }

    fn scaled(&self, gpus: u64, _: f64) -> Option<u64> {
        Some(gpus)
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        "gpus".to_owned()
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        "GPU"
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<AcceleratorCount>, Route)> {
        let gpus = kind.factors.gpus(line.count(kind.unit))?;
        Ok(match (gpus, kind.factors.in_gpus) {
            (None, _) => (None, Route::Unknown),
            (known, true) => (known, Route::Stated),
            (known, false) => (known, Route::Derived),
        })
    }
}

/// Compute in one format (FLOP/s, or OP/s for INT8).
///
/// A phase whose stated compute has exactly this format counts as
/// [stated](Route::Stated) (or [assumed](Route::Assumed) when the registry assumed the
/// format). Otherwise each hardware line is GPUs × its part's per-GPU peak in this precision
/// and sparsity, as the registry resolved it from the catalog ([derived](Route::Derived)),
/// possible only on the theoretical-peak basis; a line whose part has no figure is
/// [unknown](Route::Unknown). There is no conversion between formats other than through a
/// part's figures.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Compute;
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// let fp8 = Compute::peak(Precision::Fp8, Sparsity::Dense);
/// assert_eq!(fp8.to_string(), "FP8 dense peak compute");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compute {
    format: ComputeFormat,
}

impl Compute {
    /// Compute in any format, including measured ones (HPL); those are only ever stated,
    /// never derived.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Compute;
    /// use sovereign_compute::units::{Basis, ComputeFormat, Precision, Sparsity};
    /// let rmax = Compute::new(ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl));
    /// assert_eq!(rmax.format().basis, Basis::Hpl);
    /// ```
    pub const fn new(format: ComputeFormat) -> Self {
        Self { format }
    }

    /// Theoretical-peak compute in a precision and sparsity.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Compute;
    /// use sovereign_compute::units::{Basis, Precision, Sparsity};
    /// assert_eq!(Compute::peak(Precision::Fp4, Sparsity::Sparse).format().basis, Basis::Peak);
    /// ```
    pub const fn peak(precision: Precision, sparsity: Sparsity) -> Self {
        Self::new(ComputeFormat::peak(precision, sparsity))
    }

    /// The format totals are in.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Compute;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// assert_eq!(Compute::peak(Precision::Fp8, Sparsity::Dense).format().precision, Precision::Fp8);
    /// ```
    pub const fn format(&self) -> ComputeFormat {
        self.format
    }
}

impl fmt::Display for Compute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} compute", self.format)
    }
}

impl Sealed for Compute {
    type Value = ComputeFigure;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> ComputeFigure {
        ComputeFigure::new(crate::units::ComputeRate::ZERO, self.format)
    }

    fn cell(&self, value: &ComputeFigure) -> String {
        value.rate.to_string()
    }

    fn stated(&self, index: &Index, phase: usize) -> Result<Option<(Part<ComputeFigure>, Route)>> {
        let Some(stated) = index
            .phases
            .get(phase)
            .filter(|row| row.stated != NONE)
            .and_then(|row| index.stated.get(row.stated as usize))
        else {
            return Ok(None);
        };
        if stated.format != self.format {
            return Ok(None);
        }
        let route = if stated.assumed {
            Route::Assumed
        } else {
            Route::Stated
        };
        let part = map_part(stated.rate, |rate| {
            Ok(ComputeFigure::new(rate, self.format))
        })?;
        // A stated figure that is itself unknown says nothing; the hardware may.
        Ok(part.map(|p| (Some(p), route)))
    }

    fn plan(&self, kind: &Kind) -> Plan {
        let f = self.format;
        if f.basis != Basis::Peak {
            return Plan::Unknown;
        }
        let at = format_index(f.precision, f.sparsity);
        scaled_plan(kind, |c| c.peak.get(at).copied().flatten())
    }

    fn scaled(&self, gpus: u64, rate: f64) -> Option<f64> {
        // As `Factors::peak` computes it: the per-GPU rate times the GPUs, checked finite.
        finite(rate * gpus as f64)
    }

    fn quantity(&self) -> &'static str {
        crate::units::ComputeRate::NAME
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        let unit = if self.format.precision == Precision::Int8 {
            "op_per_s"
        } else {
            "flop_per_s"
        };
        format!(
            "compute_{}_{unit}",
            crate::text::snake(&self.format.to_string())
        )
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        if self.format.precision == Precision::Int8 {
            "OP/s"
        } else {
            "FLOP/s"
        }
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<ComputeFigure>, Route)> {
        let f = self.format;
        if f.basis != Basis::Peak {
            return Ok((None, Route::Unknown));
        }
        let part = kind.factors.peak(
            line.count(kind.unit),
            format_index(f.precision, f.sparsity),
            f,
        )?;
        Ok(derived(part))
    }
}

/// IT power (W): the phase's stated power, else GPUs × the catalog's per-GPU TDP.
///
/// A stated phase power is read as IT power, as announcements usually quote the IT load;
/// where a source quotes site power, read it with [`ItPower`] and apply no PUE. Derived power
/// is accelerator TDP only (plus the CPU share where a module's TDP includes it): host CPUs,
/// memory, networking and cooling are not in it.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::ItPower;
/// assert_eq!(ItPower.to_string(), "IT power");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItPower;

impl fmt::Display for ItPower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IT power")
    }
}

impl Sealed for ItPower {
    type Value = Power;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> Power {
        Power::ZERO
    }

    fn cell(&self, value: &Power) -> String {
        value.to_string()
    }

    fn stated(&self, index: &Index, phase: usize) -> Result<Option<(Part<Power>, Route)>> {
        let part = index
            .phases
            .get(phase)
            .filter(|row| row.power != NONE)
            .and_then(|row| index.power.get(row.power as usize).copied().flatten());
        Ok(part.map(|p| (Some(p), Route::Stated)))
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<Power>, Route)> {
        Ok(derived(kind.factors.tdp(line.count(kind.unit))?))
    }

    fn plan(&self, kind: &Kind) -> Plan {
        scaled_plan(kind, |c| c.tdp)
    }

    fn scaled(&self, gpus: u64, watts: f64) -> Option<f64> {
        finite(watts * gpus as f64)
    }

    fn quantity(&self) -> &'static str {
        Power::NAME
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        "it_power_w".to_owned()
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        "W"
    }
}

/// Facility power (W): [`ItPower`] × a PUE (power usage effectiveness, facility power over IT
/// power) the caller gives, applied to stated and derived IT power alike.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::FacilityPower;
/// assert_eq!(FacilityPower::new(1.3)?.to_string(), "facility power at PUE 1.3");
/// assert!(FacilityPower::new(0.9).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FacilityPower {
    pue: f64,
}

impl FacilityPower {
    /// Facility power at this PUE.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (quantity `"PUE"`) if `pue` is not finite or below 1.0.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::FacilityPower;
    /// assert_eq!(FacilityPower::new(1.2)?.pue(), 1.2);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(pue: f64) -> Result<Self> {
        if pue.is_finite() && pue >= 1.0 {
            Ok(Self { pue })
        } else {
            Err(Error::InvalidValue {
                quantity: "PUE",
                value: pue,
                reason: "a PUE (facility power over IT power) is finite and at least 1.0",
            })
        }
    }

    /// The PUE.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::FacilityPower;
    /// assert_eq!(FacilityPower::new(1.0)?.pue(), 1.0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn pue(&self) -> f64 {
        self.pue
    }

    fn facility(&self, (part, route): (Part<Power>, Route)) -> Result<(Part<Power>, Route)> {
        Ok((map_part(part, |p| p.checked_scale(self.pue))?, route))
    }
}

impl fmt::Display for FacilityPower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "facility power at PUE {}", self.pue)
    }
}

impl Sealed for FacilityPower {
    type Value = Power;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> Power {
        Power::ZERO
    }

    fn cell(&self, value: &Power) -> String {
        value.to_string()
    }

    fn stated(&self, index: &Index, phase: usize) -> Result<Option<(Part<Power>, Route)>> {
        ItPower
            .stated(index, phase)?
            .map(|it| self.facility(it))
            .transpose()
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<Power>, Route)> {
        self.facility(ItPower.derive(line, kind)?)
    }

    fn plan(&self, kind: &Kind) -> Plan {
        ItPower.plan(kind)
    }

    fn scaled(&self, gpus: u64, watts: f64) -> Option<f64> {
        finite(ItPower.scaled(gpus, watts)? * self.pue)
    }

    fn quantity(&self) -> &'static str {
        Power::NAME
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        "facility_power_w".to_owned()
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        "W"
    }
}

/// Implements a tally measure: each counted item adds exactly one.
macro_rules! tally_measure {
    ($(#[$meta:meta])* $name:ident, $tally:ident, $label:literal, $unit:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name;

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($label)
            }
        }

        impl Sealed for $name {
            type Value = u64;

            fn tally(&self) -> Tally {
                Tally::$tally
            }

            fn one(&self) -> u64 {
                1
            }

            fn cell(&self, value: &u64) -> String {
                Estimate::exact(*value).to_string()
            }

            fn stated(&self, _: &Index, _: usize) -> Result<Option<(Part<u64>, Route)>> {
                Ok(None)
            }

            fn derive(&self, _: &LineRow, _: &Kind) -> Result<(Part<u64>, Route)> {
                Ok((None, Route::Unknown))
            }

            fn plan(&self, _: &Kind) -> Plan {
                Plan::Unknown
            }

            fn scaled(&self, _: u64, _: f64) -> Option<u64> {
                Some(0)
            }

            #[cfg(any(feature = "serde", feature = "csv"))]
            fn column(&self) -> String {
                $label.to_owned()
            }

            #[cfg(any(feature = "serde", feature = "csv"))]
            fn unit(&self) -> &'static str {
                $unit
            }
        }
    };
}

tally_measure! {
    /// The number of deployments: each counted once in each group it falls in through its
    /// selected phases (a deployment without phases is counted when no phase filter is set).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Deployments;
    /// assert_eq!(Deployments.to_string(), "deployments");
    /// ```
    Deployments, Deployments, "deployments", "deployment"
}

tally_measure! {
    /// The number of phases: each selected phase counted once in each group it falls in.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Phases;
    /// assert_eq!(Phases.to_string(), "phases");
    /// ```
    Phases, Phases, "phases", "phase"
}
