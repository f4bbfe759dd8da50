//! The one resolver: what a hardware reference counted in a unit means.
//!
//! Every consumer of hardware lines (registry validation, analysis, every export) goes through
//! [`Catalog::resolve_hardware`], so that two outputs of the crate never read a line two
//! ways. A [`Registry`](crate::registry::Registry) calls it once per distinct kind of line
//! when it is built and keeps the result.
//!
//! # The rounding rule
//!
//! A count's bounds and central value are taken in the unit the source counted, then
//! multiplied by the whole number of GPUs one unit holds. "About 37 racks" of GB200 NVL72 is
//! 33 to 41 racks (±10%, rounded outward to whole racks), so 2,376 to 2,952 GPUs, central
//! 2,664; a range of 100 to 131 racks has the central value 115 racks (the midpoint, rounded
//! down), so 8,280 GPUs. Multiplying by a whole number is exact, so every output that reports
//! a line's GPUs (queries, the flat table, the Epoch AI and TOP500 tables) gives the same
//! numbers.
//!
//! # Open parts
//!
//! A family, or a mix of parts, has several candidates. Figures derived from such a line span
//! them: the lower bound is the smallest candidate's lower bound, the upper bound the largest
//! candidate's upper bound (unbounded if any is), and the central value the midpoint of the
//! smallest and largest central values. A candidate without the figure asked for makes the
//! line's figure unknown.

use std::cmp::Ordering;

use super::hardware_ref::HardwareRef;
use super::ids::PartId;
use super::names::Resolved;
use super::part::{Accelerator, Form};
use super::system::System;
use super::{Catalog, Family};
use crate::estimate::{Amount, Bounds, Estimate, Part, Rounding, Total, map_part, part_of};
use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, CountingUnit, Power, Precision,
    Sparsity,
};
use crate::{Error, Result};

/// One part a hardware reference may mean, with how many GPUs one counted unit of it holds.
///
/// # Example
/// ```
/// # #[cfg(feature = "dataset")] {
/// use sovereign_compute::catalog::{Catalog, HardwareRef};
/// use sovereign_compute::units::CountingUnit;
///
/// let catalog = Catalog::builtin()?;
/// let rack = catalog.resolve_hardware(&HardwareRef::named("GB200 NVL72"), Some(CountingUnit::Rack))?;
/// let only = &rack.candidates()[0];
/// assert_eq!((only.part.id.as_str(), only.gpus_per_unit), ("nvidia-gb200", Some(72)));
/// # }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Candidate<'c> {
    /// The part.
    pub part: &'c Accelerator,
    /// GPUs in one counted unit; `None` when the count has no unit (it is unknown).
    pub gpus_per_unit: Option<u64>,
}

impl Candidate<'_> {
    /// The part's peak for one GPU at a format, in FLOP/s (OP/s for INT8): a superchip's
    /// figure divided by its GPUs. `None` when the part has no figure for the format.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let catalog = Catalog::builtin()?;
    /// let gb200 = catalog.resolve_hardware(&HardwareRef::named("GB200"), None)?;
    /// let per_gpu = gb200.candidates()[0].per_gpu_peak(Precision::Fp4, Sparsity::Sparse);
    /// assert_eq!(per_gpu.map(|r| r.to_string()), Some("20 PFLOP/s".to_owned()));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_peak(&self, precision: Precision, sparsity: Sparsity) -> Option<ComputeRate> {
        let figure = self.part.figure(precision, sparsity)?;
        ComputeRate::from_base(figure.rate.base_value() / f64::from(self.part.gpus)).ok()
    }

    /// The part's TDP for one GPU, in W: a superchip's module TDP divided by its GPUs (so it
    /// includes the CPU's share). `None` when the part has no published TDP.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let h100 = catalog.resolve_hardware(&HardwareRef::named("H100"), None)?;
    /// assert_eq!(h100.candidates()[0].per_gpu_tdp().map(|p| p.to_string()), Some("700 W".to_owned()));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_tdp(&self) -> Option<Power> {
        let tdp = self.part.tdp.as_ref()?;
        Power::from_base(tdp.power.base_value() / f64::from(self.part.gpus)).ok()
    }
}

/// What a hardware reference means when counted in a unit: the canonical reference, the parts
/// it may be with the GPUs one counted unit holds, and what those parts agree on.
///
/// Made by [`Catalog::resolve_hardware`]; see the [module docs](self) for the rounding rule
/// and the span of open parts.
///
/// # Example
/// ```
/// # #[cfg(feature = "dataset")] {
/// use sovereign_compute::catalog::{Catalog, HardwareRef};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::units::{CountingUnit, Precision, Sparsity};
///
/// let catalog = Catalog::builtin()?;
/// let blackwell = catalog.resolve_hardware(&HardwareRef::named("Blackwell"), Some(CountingUnit::Gpu))?;
/// assert_eq!(blackwell.hardware(), &HardwareRef::Family("nvidia-blackwell".into()));
/// assert_eq!(blackwell.vendor(), Some("nvidia"));
///
/// // "14,000 Blackwell GPUs": 14,000 GPUs whichever part is meant, FP4 spanning the parts.
/// let count = Estimate::parse("14,000 GPUs")?;
/// assert_eq!(blackwell.gpus(&count)?.central().map(|n| n.count()), Some(14_000));
/// let fp4 = blackwell.peak(&count, Precision::Fp4, Sparsity::Sparse)?;
/// assert_eq!(fp4.lower().unwrap().rate.to_string(), "56 EFLOP/s");
/// assert_eq!(fp4.upper().unwrap().rate.to_string(), "280 EFLOP/s");
/// # }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution<'c> {
    name: String,
    product_name: String,
    hardware: HardwareRef,
    unit: Option<CountingUnit>,
    candidates: Vec<Candidate<'c>>,
    family: Option<&'c Family>,
}

impl<'c> Resolution<'c> {
    /// The canonical reference: catalog IDs, never aliases.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::Part("B200".into()), None)?;
    /// assert_eq!(r.hardware(), &HardwareRef::Part("nvidia-b200".into()));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn hardware(&self) -> &HardwareRef {
        &self.hardware
    }

    /// The name tables write for the hardware: the catalog's product name of the part, system
    /// or family, the parts' names joined with " or " for a mix, the name as written for
    /// unlisted hardware.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("dgx b200"), None)?;
    /// assert_eq!(r.product_name(), "NVIDIA DGX B200");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn product_name(&self) -> String {
        self.product_name.clone()
    }

    /// The counting unit the resolution is for; `None` for a count that is unknown.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("DGX B200"), Some(CountingUnit::Node))?;
    /// assert_eq!(r.unit(), Some(CountingUnit::Node));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn unit(&self) -> Option<CountingUnit> {
        self.unit
    }

    /// The parts the reference may mean: one for a part or a system (the system's part), the
    /// members that can be counted in the unit for a family, the listed parts of a mix, none
    /// for unlisted hardware.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("Blackwell"), Some(CountingUnit::Superchip))?;
    /// let ids: Vec<&str> = r.candidates().iter().map(|c| c.part.id.as_str()).collect();
    /// assert_eq!(ids, ["nvidia-gb200-gpu", "nvidia-gb200"]); // the parts a superchip count can mean
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn candidates(&self) -> &[Candidate<'c>] {
        &self.candidates
    }

    /// Whether the count is in GPUs, so it needs no conversion.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::new();
    /// let r = catalog.resolve_hardware(&HardwareRef::Unlisted("X".into()), Some(CountingUnit::Gpu))?;
    /// assert!(r.in_gpus());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn in_gpus(&self) -> bool {
        self.unit == Some(CountingUnit::Gpu)
    }

    /// GPUs in one counted unit, when every candidate agrees (a validated line always
    /// agrees); `None` when the count has no unit or the hardware is unlisted and not counted
    /// in GPUs.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("GB200"), Some(CountingUnit::Superchip))?;
    /// assert_eq!(r.gpus_per_unit(), Some(2));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus_per_unit(&self) -> Option<u64> {
        if self.candidates.is_empty() {
            return self.in_gpus().then_some(1);
        }
        let first = self.candidates.first()?.gpus_per_unit?;
        self.candidates
            .iter()
            .all(|c| c.gpus_per_unit == Some(first))
            .then_some(first)
    }

    /// The vendor every candidate has (`nvidia`); `None` when they differ or there is none.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.resolve_hardware(&HardwareRef::named("MI300X"), None)?.vendor(), Some("amd"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn vendor(&self) -> Option<&'c str> {
        agreed(&self.candidates, |p| Some(p.vendor.as_str()))
    }

    /// The architecture every candidate has (`blackwell`); `None` when they differ, one has
    /// none, or there is no candidate.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("Blackwell"), None)?;
    /// assert_eq!(r.architecture(), Some("blackwell"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn architecture(&self) -> Option<&'c str> {
        agreed(&self.candidates, |p| p.architecture.as_deref())
    }

    /// The reference parts are grouped under: a system's part for a system, the reference
    /// itself otherwise (a part, a family, a mix, unlisted hardware).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("DGX B200"), None)?;
    /// assert_eq!(r.part_group(), HardwareRef::Part("nvidia-b200".into()));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn part_group(&self) -> HardwareRef {
        match (&self.hardware, self.candidates.first()) {
            (HardwareRef::System(_), Some(c)) => HardwareRef::Part(c.part.id.clone()),
            (other, _) => other.clone(),
        }
    }

    /// The per-GPU peak every candidate gives at a format, in FLOP/s (OP/s for INT8).
    ///
    /// # Errors
    /// [`Error::MissingFigure`] if no candidate has a figure for the format;
    /// [`Error::AmbiguousPart`] if only some have one, or they differ; [`Error::UnknownPart`]
    /// for unlisted hardware.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let catalog = Catalog::builtin()?;
    /// let a100 = catalog.resolve_hardware(&HardwareRef::named("A100"), None)?;
    /// assert_eq!(a100.per_gpu_peak(Precision::Fp64, Sparsity::Dense)?.to_string(), "19.5 TFLOP/s");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_peak(&self, precision: Precision, sparsity: Sparsity) -> Result<ComputeRate> {
        let figure = ComputeFormat::peak(precision, sparsity).to_string();
        self.agreed_figure(&figure, |c| c.per_gpu_peak(precision, sparsity))
    }

    /// The per-GPU TDP every candidate gives, in W; see [`Candidate::per_gpu_tdp`].
    ///
    /// # Errors
    /// As [`per_gpu_peak`](Self::per_gpu_peak), for the figure `"TDP"`.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("H200"), None)?;
    /// assert_eq!(r.per_gpu_tdp()?.to_string(), "700 W");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_tdp(&self) -> Result<Power> {
        self.agreed_figure("TDP", Candidate::per_gpu_tdp)
    }

    /// The GPUs of a count of this hardware, as a one-part [`Total`] (lower, central, upper;
    /// or one unknown part), by the [rounding rule](self#the-rounding-rule). An unknown count,
    /// or unlisted hardware counted in other units than GPUs, is an unknown part.
    ///
    /// # Errors
    /// [`Error::CountUnitMismatch`] if the count is in another unit than the resolution's;
    /// [`Error::Overflow`] past `u64::MAX` GPUs.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let racks = catalog.resolve_hardware(&HardwareRef::named("GB200 NVL72"), Some(CountingUnit::Rack))?;
    /// let gpus = racks.gpus(&Estimate::parse("about 37 racks")?)?;
    /// // 33 to 41 racks: the bounds are whole racks, then 72 GPUs each.
    /// assert_eq!(gpus.to_string(), "2,376–2,952 GPUs (central 2,664 GPUs)");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus(&self, count: &Estimate<AcceleratorCount>) -> Result<Total<AcceleratorCount>> {
        self.check_unit(count)?;
        one_part(self.factors().gpus(part_of(count))?)
    }

    /// The peak compute of a count of this hardware at a format, in FLOP/s (OP/s for INT8),
    /// on the theoretical-peak basis, as a one-part [`Total`]: GPUs ([`gpus`](Self::gpus))
    /// times each candidate's per-GPU figure, spanning the candidates.
    ///
    /// # Errors
    /// As [`gpus`](Self::gpus); [`Error::Overflow`] if a rate is not finite.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::{CountingUnit, Precision, Sparsity};
    /// let catalog = Catalog::builtin()?;
    /// let h100 = catalog.resolve_hardware(&HardwareRef::named("H100"), Some(CountingUnit::Gpu))?;
    /// let bf16 = h100.peak(&Estimate::parse("hundreds of GPUs")?, Precision::Bf16, Sparsity::Dense)?;
    /// assert_eq!(bf16.lower().unwrap().to_string(), "98.95 PFLOP/s BF16 dense peak");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn peak(
        &self,
        count: &Estimate<AcceleratorCount>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<Total<ComputeFigure>> {
        self.check_unit(count)?;
        let format = ComputeFormat::peak(precision, sparsity);
        one_part(
            self.factors()
                .peak(part_of(count), format_index(precision, sparsity), format)?,
        )
    }

    /// The IT power at TDP of a count of this hardware, in W, as a one-part [`Total`]: GPUs
    /// times each candidate's per-GPU TDP, spanning the candidates.
    ///
    /// # Errors
    /// As [`peak`](Self::peak).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let h100 = catalog.resolve_hardware(&HardwareRef::named("H100"), Some(CountingUnit::Gpu))?;
    /// let power = h100.tdp_power(&Estimate::parse("10,000 GPUs")?)?;
    /// assert_eq!(power.central().unwrap().to_string(), "7 MW");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn tdp_power(&self, count: &Estimate<AcceleratorCount>) -> Result<Total<Power>> {
        self.check_unit(count)?;
        one_part(self.factors().tdp(part_of(count))?)
    }

    /// What a registry keeps of the resolution: the figures, owned and compact.
    pub(crate) fn factors(&self) -> Factors {
        Factors {
            in_gpus: self.in_gpus(),
            candidates: self
                .candidates
                .iter()
                .map(|c| CandidateFactors {
                    gpus_per_unit: c.gpus_per_unit,
                    peak: FORMATS.map(|(p, s)| c.per_gpu_peak(p, s).map(ComputeRate::base_value)),
                    tdp: c.per_gpu_tdp().map(Power::base_value),
                })
                .collect(),
        }
    }

    /// A count must be in the unit the resolution is for.
    fn check_unit(&self, count: &Estimate<AcceleratorCount>) -> Result<()> {
        let Some(unit) = count.bounds().map(|b| b.lower.unit()) else {
            return Ok(());
        };
        match self.unit {
            Some(mine) if mine == unit => Ok(()),
            Some(mine) => Err(Error::CountUnitMismatch {
                left: mine,
                right: unit,
            }),
            None => Err(Error::UnitNotApplicable {
                part: self.name.clone(),
                unit,
                reason: format!(
                    "the hardware was resolved for a count without a unit; resolve it for {unit}s"
                ),
            }),
        }
    }

    /// The per-GPU figure every candidate gives; a figure no candidate has is missing, one
    /// only some have, or that differs between them, is ambiguous.
    fn agreed_figure<T: PartialEq + Copy>(
        &self,
        figure: &str,
        per_gpu: impl Fn(&Candidate<'c>) -> Option<T>,
    ) -> Result<T> {
        if self.candidates.is_empty() {
            return Err(Error::UnknownPart {
                name: self.name.clone(),
                suggestions: Vec::new(),
            });
        }
        let values: Vec<Option<T>> = self.candidates.iter().map(per_gpu).collect();
        match values.iter().flatten().next() {
            None => Err(Error::MissingFigure {
                part: self.subject(),
                figure: figure.to_owned(),
            }),
            Some(&first) if values.iter().all(|v| *v == Some(first)) => Ok(first),
            Some(_) => Err(self.disagreement()),
        }
    }

    /// The ID errors name: the family's, or the part's whose figure is missing.
    fn subject(&self) -> String {
        match (self.family, self.candidates.first()) {
            (Some(f), _) => f.id.to_string(),
            (None, Some(c)) => c.part.id.to_string(),
            (None, None) => self.name.clone(),
        }
    }

    /// The candidates give different answers.
    fn disagreement(&self) -> Error {
        Error::AmbiguousPart {
            name: self.name.clone(),
            family: match (self.family, &self.hardware) {
                (Some(f), _) => f.id.to_string(),
                (None, other) => other.to_string(),
            },
            members: self
                .candidates
                .iter()
                .map(|c| c.part.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// The value every candidate's part gives, or `None`.
fn agreed<'c>(
    candidates: &[Candidate<'c>],
    value: impl Fn(&'c Accelerator) -> Option<&'c str>,
) -> Option<&'c str> {
    let mut values = candidates.iter().map(|c| value(c.part));
    let first = values.next()??;
    values.all(|v| v == Some(first)).then_some(first)
}

/// A part as a one-part total.
fn one_part<T: Amount>(part: Part<T>) -> Result<Total<T>> {
    let mut total = Total::new();
    match part {
        Some((bounds, central)) => total.add_known(bounds, central)?,
        None => total.add(&Estimate::unknown())?,
    }
    Ok(total)
}

/// Every precision and sparsity, in the order the compact figures are kept.
pub(crate) const FORMATS: [(Precision, Sparsity); 18] = {
    let p = [
        Precision::Fp64,
        Precision::Fp32,
        Precision::Tf32,
        Precision::Bf16,
        Precision::Fp16,
        Precision::Fp8,
        Precision::Fp6,
        Precision::Fp4,
        Precision::Int8,
    ];
    let mut out = [(Precision::Fp64, Sparsity::Dense); 18];
    let mut i = 0;
    while i < 9 {
        out[2 * i] = (p[i], Sparsity::Dense);
        out[2 * i + 1] = (p[i], Sparsity::Sparse);
        i += 1;
    }
    out
};

/// The position of a format in [`FORMATS`].
pub(crate) fn format_index(precision: Precision, sparsity: Sparsity) -> usize {
    FORMATS
        .iter()
        .position(|&f| f == (precision, sparsity))
        .unwrap_or(0)
}

/// One candidate's figures, owned: GPUs per counted unit, per-GPU peak per format (FLOP/s,
/// by [`FORMATS`] position) and per-GPU TDP (W).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CandidateFactors {
    pub(crate) gpus_per_unit: Option<u64>,
    pub(crate) peak: [Option<f64>; 18],
    pub(crate) tdp: Option<f64>,
}

/// A resolution's figures, owned and compact, with the arithmetic every consumer uses: the
/// rounding rule and the span of open parts (see the module docs).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Factors {
    /// The count is in GPUs.
    pub(crate) in_gpus: bool,
    /// Empty for unlisted hardware.
    pub(crate) candidates: Vec<CandidateFactors>,
}

impl Factors {
    /// GPUs of a count (bounds and central in the counted unit), spanning the candidates;
    /// unknown for an unknown count, or for unlisted hardware not counted in GPUs.
    ///
    /// # Errors
    /// [`Error::Overflow`] past `u64::MAX` GPUs.
    pub(crate) fn gpus(&self, count: Part<AcceleratorCount>) -> Result<Part<AcceleratorCount>> {
        if self.candidates.is_empty() {
            return Ok(if self.in_gpus { count } else { None });
        }
        span(
            self.candidates
                .iter()
                .map(|c| gpus_of(count, c.gpus_per_unit)),
        )
    }

    /// Peak compute at a format (its position in [`FORMATS`]) of a count, spanning the
    /// candidates.
    ///
    /// # Errors
    /// Overflow.
    pub(crate) fn peak(
        &self,
        count: Part<AcceleratorCount>,
        format: usize,
        tag: ComputeFormat,
    ) -> Result<Part<ComputeFigure>> {
        self.scaled(
            count,
            |c| c.peak.get(format).copied().flatten(),
            |rate, n| {
                Ok(ComputeFigure::new(
                    ComputeRate::from_base(rate)?.checked_scale(n)?,
                    tag,
                ))
            },
        )
    }

    /// IT power at TDP of a count, spanning the candidates.
    ///
    /// # Errors
    /// Overflow.
    pub(crate) fn tdp(&self, count: Part<AcceleratorCount>) -> Result<Part<Power>> {
        self.scaled(
            count,
            |c| c.tdp,
            |watts, n| Power::from_base(watts)?.checked_scale(n),
        )
    }

    /// Each candidate's GPUs × its per-GPU factor, spanned; unknown when a candidate has no
    /// factor.
    pub(crate) fn scaled<T: Amount>(
        &self,
        count: Part<AcceleratorCount>,
        factor: impl Fn(&CandidateFactors) -> Option<f64>,
        scale: impl Fn(f64, f64) -> Result<T>,
    ) -> Result<Part<T>> {
        if self.candidates.is_empty() {
            return Ok(None);
        }
        let mut parts = Vec::with_capacity(self.candidates.len());
        for c in &self.candidates {
            let Some(per_gpu) = factor(c) else {
                return Ok(None);
            };
            let gpus = gpus_of(count, c.gpus_per_unit)?;
            // Counts past 2^53 lose integer precision here, like every f64 quantity.
            parts.push(map_part(gpus, |n| scale(per_gpu, n.count() as f64))?);
        }
        span(parts.into_iter().map(Ok))
    }
}

/// A count's part in GPUs: bounds and central × GPUs per unit, exact.
fn gpus_of(
    count: Part<AcceleratorCount>,
    gpus_per_unit: Option<u64>,
) -> Result<Part<AcceleratorCount>> {
    let Some(per) = gpus_per_unit else {
        return Ok(None);
    };
    map_part(count, |n| {
        n.count()
            .checked_mul(per)
            .map(AcceleratorCount::gpus)
            .ok_or(Error::Overflow {
                quantity: "GPU count",
                operation: "multiplication",
            })
    })
}

/// The span of the parts candidates give: the smallest lower bound, the largest upper bound
/// (unbounded if any is), and the midpoint of the smallest and largest central values.
/// Unknown if any candidate's part is, or there is none.
///
/// # Errors
/// Incompatible amounts, overflow, or the first error of `parts`.
fn span<T: Amount>(parts: impl IntoIterator<Item = Result<Part<T>>>) -> Result<Part<T>> {
    let mut out: Option<(Bounds<T>, T, T)> = None;
    for part in parts {
        let Some((b, c)) = part? else {
            return Ok(None);
        };
        out = Some(match out {
            None => (b, c, c),
            Some((acc, lo, hi)) => (
                Bounds {
                    lower: pick(acc.lower, b.lower, Ordering::Less)?,
                    upper: match (acc.upper, b.upper) {
                        (Some(x), Some(y)) => Some(pick(x, y, Ordering::Greater)?),
                        _ => None,
                    },
                },
                pick(lo, c, Ordering::Less)?,
                pick(hi, c, Ordering::Greater)?,
            ),
        });
    }
    let Some((bounds, lo, hi)) = out else {
        return Ok(None);
    };
    let central = if lo == hi {
        lo
    } else {
        lo.try_add(hi)?.try_scale(0.5, Rounding::Down)?
    };
    Ok(Some((bounds, central)))
}

/// `b` if it compares to `a` as `want`, else `a`.
fn pick<T: Amount>(a: T, b: T, want: Ordering) -> Result<T> {
    Ok(if b.try_cmp(&a)? == want { b } else { a })
}

impl Catalog {
    /// The reference with every name replaced by its canonical catalog ID: `Part("B200")`
    /// becomes `Part("nvidia-b200")`, `Named("GB200 NVL72")` becomes
    /// `System("nvidia-gb200-nvl72")`. Unlisted hardware stays as written.
    ///
    /// # Errors
    /// [`Error::UnknownPart`] (with close names as suggestions) for a name the catalog does
    /// not have; [`Error::WrongHardwareKind`] for a name of another kind than the reference
    /// says (a system's name as a part); [`Error::InvalidHardware`] for a mix of fewer than two
    /// distinct parts, an empty unlisted name, or an unlisted name the catalog has.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::Error;
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.canonical(&HardwareRef::Part("B200".into()))?, HardwareRef::Part("nvidia-b200".into()));
    /// assert_eq!(catalog.canonical(&HardwareRef::named("gb200 nvl72"))?, HardwareRef::System("nvidia-gb200-nvl72".into()));
    /// let err = catalog.canonical(&HardwareRef::Part("B2000".into())).unwrap_err();
    /// assert!(err.to_string().contains("did you mean"), "{err}");
    /// assert!(matches!(catalog.canonical(&HardwareRef::Part("DGX B200".into())), Err(Error::WrongHardwareKind { .. })));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn canonical(&self, hardware: &HardwareRef) -> Result<HardwareRef> {
        Ok(match hardware {
            HardwareRef::Part(name) => {
                HardwareRef::Part(self.part_id(name.as_str(), hardware.kind())?)
            }
            HardwareRef::System(name) => match self.named(name.as_str())? {
                Resolved::System(s) => HardwareRef::System(s.id.clone()),
                other => return Err(wrong_kind(name.as_str(), "system", other)),
            },
            HardwareRef::Family(name) => match self.named(name.as_str())? {
                Resolved::Family(f) => HardwareRef::Family(f.id.clone()),
                other => return Err(wrong_kind(name.as_str(), "family", other)),
            },
            HardwareRef::OneOf(names) => {
                let mut ids: Vec<PartId> = Vec::with_capacity(names.len());
                for name in names {
                    let id = self.part_id(name.as_str(), "one_of")?;
                    if ids.contains(&id) {
                        return Err(invalid(
                            hardware,
                            format!("\"one_of\" lists {id} twice; list each part once"),
                        ));
                    }
                    ids.push(id);
                }
                if ids.len() < 2 {
                    return Err(invalid(
                        hardware,
                        "\"one_of\" needs at least two parts; use \"part\" for one".to_owned(),
                    ));
                }
                HardwareRef::OneOf(ids)
            }
            HardwareRef::Named(name) => match self.named(name)? {
                Resolved::Accelerator(a) => HardwareRef::Part(a.id.clone()),
                Resolved::System(s) => HardwareRef::System(s.id.clone()),
                Resolved::Family(f) => HardwareRef::Family(f.id.clone()),
            },
            HardwareRef::Unlisted(name) => {
                if name.trim().is_empty() {
                    return Err(invalid(
                        hardware,
                        "unlisted hardware needs the name the source gives it".to_owned(),
                    ));
                }
                if let Some(entry) = self.lookup(name) {
                    return Err(invalid(
                        hardware,
                        format!(
                            "{name:?} is in the catalog ({} {}); write {{\"{}\": \"{}\"}} or {{\"name\": {name:?}}}",
                            entry.kind(),
                            entry.id(),
                            entry.kind(),
                            entry.id()
                        ),
                    ));
                }
                hardware.clone()
            }
        })
    }

    /// What a hardware reference counted in `unit` means (`None` for a count that is
    /// unknown): the canonical reference, the parts it may be with the GPUs one counted unit
    /// holds, and what they agree on. This is the one resolver every consumer of hardware
    /// lines uses; see the [module docs](self) for the rounding rule and open parts.
    ///
    /// - A part: itself. Counted in superchips, a GPU part converts through the superchip
    ///   that holds it; in nodes or racks, through the catalog's systems built from it, if
    ///   they agree.
    /// - A system: its part; counted in the system's own unit, the system's GPUs.
    /// - A family: the members that can be counted in the unit, which must agree on GPUs
    ///   per unit.
    /// - A mix (`one_of`): each listed part, each countable in the unit.
    /// - Unlisted hardware: no candidate; only a count in GPUs converts (to itself).
    ///
    /// # Errors
    /// As [`canonical`](Self::canonical); [`Error::UnitNotApplicable`] when the unit does not
    /// apply to a candidate (or to any member of a family); [`Error::AmbiguousPart`] when a
    /// family's members hold different numbers of GPUs per unit.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// use sovereign_compute::units::CountingUnit;
    /// let catalog = Catalog::builtin()?;
    /// let r = catalog.resolve_hardware(&HardwareRef::named("B200"), Some(CountingUnit::Node))?;
    /// assert_eq!(r.gpus_per_unit(), Some(8)); // DGX B200 and HGX B200 agree
    /// assert!(catalog.resolve_hardware(&HardwareRef::named("B200"), Some(CountingUnit::Superchip)).is_err());
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn resolve_hardware(
        &self,
        hardware: &HardwareRef,
        unit: Option<CountingUnit>,
    ) -> Result<Resolution<'_>> {
        let name = hardware.to_string();
        let hardware = self.canonical(hardware)?;
        let mut family = None;
        let (candidates, product_name) = match &hardware {
            HardwareRef::Part(id) => {
                let part = self.known_part(id)?;
                (vec![self.part_candidate(part, unit)?], part.name.clone())
            }
            HardwareRef::System(id) => {
                let system = self
                    .system(id.as_str())
                    .ok_or_else(|| unknown(id.as_str()))?;
                (
                    vec![self.system_candidate(system, unit)?],
                    system.name.clone(),
                )
            }
            HardwareRef::Family(id) => {
                let f = self
                    .family(id.as_str())
                    .ok_or_else(|| unknown(id.as_str()))?;
                family = Some(f);
                (self.family_candidates(f, unit, &name)?, f.name.clone())
            }
            HardwareRef::OneOf(ids) => {
                let parts = ids
                    .iter()
                    .map(|id| self.known_part(id))
                    .collect::<Result<Vec<_>>>()?;
                let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
                let joined = names.join(" or ");
                let candidates = parts
                    .into_iter()
                    .map(|part| self.part_candidate(part, unit))
                    .collect::<Result<_>>()?;
                (candidates, joined)
            }
            other => (Vec::new(), other.to_string()),
        };
        Ok(Resolution {
            name,
            product_name,
            hardware,
            unit,
            candidates,
            family,
        })
    }

    /// The entry a name resolves to.
    fn named(&self, name: &str) -> Result<Resolved<'_>> {
        self.lookup(name).ok_or_else(|| Error::UnknownPart {
            name: name.to_owned(),
            suggestions: self.suggestions(name),
        })
    }

    /// The canonical ID of the part a name resolves to.
    fn part_id(&self, name: &str, kind: &'static str) -> Result<PartId> {
        match self.named(name)? {
            Resolved::Accelerator(a) => Ok(a.id.clone()),
            other => Err(wrong_kind(
                name,
                if kind == "one_of" { "part" } else { kind },
                other,
            )),
        }
    }

    fn known_part(&self, id: &PartId) -> Result<&Accelerator> {
        self.accelerator(id.as_str())
            .ok_or_else(|| unknown(id.as_str()))
    }

    fn part_candidate<'a>(
        &'a self,
        part: &'a Accelerator,
        unit: Option<CountingUnit>,
    ) -> Result<Candidate<'a>> {
        let Some(unit) = unit else {
            return Ok(Candidate {
                part,
                gpus_per_unit: None,
            });
        };
        let gpus_per_unit = match unit {
            CountingUnit::Gpu => 1,
            CountingUnit::Superchip if part.form == Form::Superchip => u64::from(part.gpus),
            CountingUnit::Superchip => {
                let holders = self
                    .accelerators
                    .iter()
                    .filter(|s| s.form == Form::Superchip && s.gpu_part.as_ref() == Some(&part.id));
                let options = holders.map(|s| (s.id.as_str(), Ok(u64::from(s.gpus))));
                agreed_count(part, unit, options, || {
                    "it is a GPU and no superchip in the catalog holds it".to_owned()
                })?
            }
            CountingUnit::Node | CountingUnit::Rack => {
                let systems = self.systems.iter().filter(|s| {
                    s.kind.counting_unit() == Some(unit)
                        && (s.part == part.id
                            || self
                                .accelerator(s.part.as_str())
                                .is_some_and(|p| p.gpu_part.as_ref() == Some(&part.id)))
                });
                let options = systems.map(|s| (s.id.as_str(), self.system_gpus(s)));
                agreed_count(part, unit, options, || {
                    format!(
                        "no {unit} system in the catalog is built from it; name a system, or add one with Catalog::add_system"
                    )
                })?
            }
        };
        Ok(Candidate {
            part,
            gpus_per_unit: Some(gpus_per_unit),
        })
    }

    fn system_candidate<'a>(
        &'a self,
        system: &'a System,
        unit: Option<CountingUnit>,
    ) -> Result<Candidate<'a>> {
        let part = self.system_part(system)?;
        let Some(unit) = unit else {
            return Ok(Candidate {
                part,
                gpus_per_unit: None,
            });
        };
        let gpus_per_unit = if unit == CountingUnit::Gpu {
            1
        } else if unit == CountingUnit::Superchip && part.form == Form::Superchip {
            u64::from(part.gpus)
        } else if system.kind.counting_unit() == Some(unit) {
            self.system_gpus(system)?
        } else {
            let own = system
                .kind
                .counting_unit()
                .map_or(String::new(), |own| format!("{own}s, "));
            return Err(Error::UnitNotApplicable {
                part: system.id.to_string(),
                unit,
                reason: format!(
                    "it is a {} of {} x {}; count it in {own}GPUs{}",
                    system.kind.tag(),
                    system.units,
                    system.part,
                    if part.form == Form::Superchip {
                        " or superchips"
                    } else {
                        ""
                    }
                ),
            });
        };
        Ok(Candidate {
            part,
            gpus_per_unit: Some(gpus_per_unit),
        })
    }

    /// A family's members that can be counted in the unit; they must agree on GPUs per unit.
    fn family_candidates<'a>(
        &'a self,
        family: &'a Family,
        unit: Option<CountingUnit>,
        name: &str,
    ) -> Result<Vec<Candidate<'a>>> {
        let candidates: Vec<Candidate<'a>> = self
            .members(family)
            .filter_map(|part| self.part_candidate(part, unit).ok())
            .collect();
        let Some(first) = candidates.first() else {
            let members: Vec<&str> = self.members(family).map(|a| a.id.as_str()).collect();
            return Err(Error::UnitNotApplicable {
                part: family.id.to_string(),
                unit: unit.unwrap_or(CountingUnit::Gpu),
                reason: format!(
                    "none of the family's parts ({}) can be counted in {}s",
                    members.join(", "),
                    unit.unwrap_or(CountingUnit::Gpu)
                ),
            });
        };
        if candidates
            .iter()
            .any(|c| c.gpus_per_unit != first.gpus_per_unit)
        {
            return Err(self.ambiguous(name, family));
        }
        Ok(candidates)
    }

    /// Close names for one the catalog does not have, best first: IDs, names and aliases at
    /// a small edit distance (case and spacing folded), or containing it.
    pub(crate) fn suggestions(&self, name: &str) -> Vec<String> {
        // No catalog name is long; a long input is not a typo of one, and comparing it would
        // cost its length times every name's.
        if name.len() > 200 {
            return Vec::new();
        }
        let wanted = super::names::fold(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let chars: Vec<char> = wanted.chars().collect();
        let limit = (chars.len() / 4).clamp(1, 3);
        let set = super::names::letters(&wanted);
        let mut scored: Vec<(usize, String, &str)> = Vec::new();
        let mut row = Vec::with_capacity(chars.len() + 1);
        // Every name of the catalog (hundreds) is compared with every unknown name a table or
        // a document holds: names whose character sets are too far apart, or that contain no
        // part of each other, are passed over on their sets; the distance of the others stops
        // as soon as it passes the limit, and is computed in full only for the few names that
        // contain the other.
        for (folded, letters, target) in &self.spellings {
            let (missing, extra) = ((set & !letters).count_ones(), (letters & !set).count_ones());
            let may_contain =
                wanted.len() >= 3 && folded.len() >= 3 && (missing == 0 || extra == 0);
            let may_be_near = missing.max(extra) as usize <= limit;
            if !may_contain && !may_be_near {
                continue;
            }
            let contains =
                may_contain && (folded.contains(&wanted) || wanted.contains(folded.as_str()));
            if !contains && !may_be_near {
                continue;
            }
            let distance = match edit_distance_within(&chars, folded, limit, &mut row) {
                Some(distance) => distance,
                None if contains => edit_distance(&wanted, folded),
                None => continue,
            };
            if let Some(entry) = self.target(*target) {
                scored.push((distance, entry.id().to_owned(), entry.kind()));
            }
        }
        best_three(scored)
    }
}

/// The Levenshtein distance between `a` and `b`, in characters, if it is at most `limit`;
/// `None` otherwise. Names whose lengths differ by more than the limit are not compared, and
/// the table stops at the first row whose every entry exceeds the limit (the smallest entry
/// of a row is never smaller than that of the row before, so no later row comes back under). `row` is a buffer
/// reused between calls.
pub(crate) fn edit_distance_within(
    a: &[char],
    b: &str,
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    if b.chars().count().abs_diff(a.len()) > limit {
        return None;
    }
    row.clear();
    row.extend(0..=a.len());
    for (i, cb) in b.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        let mut smallest = i + 1;
        for (j, &ca) in a.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row.get(j + 1).copied().unwrap_or(0);
            let insertion = row.get(j).copied().unwrap_or(0) + 1;
            let deletion = previous + 1;
            let cell = substitution.min(insertion).min(deletion);
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = cell;
            }
            smallest = smallest.min(cell);
        }
        if smallest > limit {
            return None;
        }
    }
    row.last().copied().filter(|&d| d <= limit)
}

/// Levenshtein distance between two short names, in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row.get(j + 1).copied().unwrap_or(0);
            let insertion = row.get(j).copied().unwrap_or(0) + 1;
            let deletion = previous + 1;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = substitution.min(insertion).min(deletion);
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The three closest distinct suggestions (`"part nvidia-b200"`) of scored candidates
/// (distance, ID, kind of entry), closest first, ties by ID.
fn best_three(mut scored: Vec<(usize, String, &str)>) -> Vec<String> {
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, id, kind) in scored {
        let shown = format!("{kind} {id}");
        if !out.contains(&shown) {
            out.push(shown);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod distance_tests {
    use super::{edit_distance, edit_distance_within};

    /// The suggestions as first written: every name's full distance, no shortcut.
    #[cfg(feature = "dataset")]
    fn reference(catalog: &crate::catalog::Catalog, name: &str) -> Vec<String> {
        let wanted = crate::catalog::names::fold(name);
        if wanted.is_empty() || name.len() > 200 {
            return Vec::new();
        }
        let limit = (wanted.chars().count() / 4).clamp(1, 3);
        let mut scored = Vec::new();
        for (folded, &target) in &catalog.names {
            let Some(entry) = catalog.target(target) else {
                continue;
            };
            let distance = edit_distance(&wanted, folded);
            let contains = folded.contains(&wanted) || wanted.contains(folded.as_str());
            if distance <= limit || (contains && wanted.len() >= 3 && folded.len() >= 3) {
                scored.push((distance, entry.id().to_owned(), entry.kind()));
            }
        }
        super::best_three(scored)
    }

    #[cfg(feature = "dataset")]
    #[test]
    fn suggestions_are_those_of_the_full_comparison() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let mut names: Vec<String> = [
            "B2000",
            "H1000",
            "nvidia h100 sxm6",
            "MI300",
            "mi-300x",
            "GB 200",
            "TPU",
            "tpu v9",
            "Gaudi 4",
            "Ascend",
            "NVIDIA Tesla K40/Intel Xeon Phi 7120P",
            "Matrix-2000",
            "x",
            "ab",
            "Blackwel",
            "Rubin Ultra",
            "Jülich",
            "h100\u{e9}",
            "a100 80 gb pcie",
        ]
        .map(str::to_owned)
        .to_vec();
        // Catalog names with a character dropped, added or changed.
        for (folded, _) in catalog.names.iter().take(25) {
            let mut chars: Vec<char> = folded.chars().collect();
            names.push(chars.iter().skip(1).collect());
            chars.push('z');
            names.push(chars.iter().collect());
            if let Some(c) = chars.first_mut() {
                *c = '9';
            }
            names.push(chars.iter().collect());
        }
        for name in &names {
            assert_eq!(
                catalog.suggestions(name),
                reference(catalog, name),
                "{name:?}"
            );
        }
    }

    #[test]
    fn the_bounded_distance_is_the_distance_within_the_limit() {
        let words = [
            "",
            "a",
            "h100",
            "h200",
            "nvidia h100",
            "nvidia h100 sxm",
            "b200",
            "gb200",
            "mi300x",
            "mi300a",
            "jülich",
            "julich",
            "tpu v5p",
            "tpu v5e",
            "ascend 910b",
        ];
        let mut row = Vec::new();
        for a in words {
            let chars: Vec<char> = a.chars().collect();
            for b in words {
                let full = edit_distance(a, b);
                for limit in 0..5 {
                    let bounded = edit_distance_within(&chars, b, limit, &mut row);
                    assert_eq!(
                        bounded,
                        (full <= limit).then_some(full),
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
    }
}

fn unknown(id: &str) -> Error {
    Error::UnknownPart {
        name: id.to_owned(),
        suggestions: Vec::new(),
    }
}

fn wrong_kind(name: &str, expected: &'static str, found: Resolved<'_>) -> Error {
    Error::WrongHardwareKind {
        name: name.to_owned(),
        expected,
        found: found.kind(),
        id: found.id().to_owned(),
        fix: format!("{{\"{}\": \"{}\"}}", found.kind(), found.id()),
    }
}

fn invalid(hardware: &HardwareRef, reason: String) -> Error {
    Error::InvalidHardware {
        hardware: hardware.to_string(),
        reason,
    }
}

/// The GPUs per unit that every option gives, or why the unit does not apply to `part`.
fn agreed_count<'a>(
    part: &Accelerator,
    unit: CountingUnit,
    options: impl Iterator<Item = (&'a str, Result<u64>)>,
    none: impl FnOnce() -> String,
) -> Result<u64> {
    let options = options
        .map(|(id, gpus)| gpus.map(|g| (id, g)))
        .collect::<Result<Vec<_>>>()?;
    let not_applicable = |reason: String| Error::UnitNotApplicable {
        part: part.id.to_string(),
        unit,
        reason,
    };
    match options.first() {
        None => Err(not_applicable(none())),
        Some(&(_, first)) if options.iter().all(|&(_, g)| g == first) => Ok(first),
        Some(_) => Err(not_applicable(format!(
            "its {unit}s hold different numbers of GPUs ({}); name the {unit}",
            options
                .iter()
                .map(|(id, g)| format!("{id}: {g}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_changes() {
        assert_eq!(edit_distance("b200", "b200"), 0);
        assert_eq!(edit_distance("b2000", "b200"), 1);
        assert_eq!(edit_distance("h100", "h200"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn formats_are_each_precision_dense_then_sparse() {
        assert_eq!(FORMATS.len(), 18);
        assert_eq!(
            FORMATS[format_index(Precision::Fp4, Sparsity::Sparse)],
            (Precision::Fp4, Sparsity::Sparse)
        );
        for (i, &(p, s)) in FORMATS.iter().enumerate() {
            assert_eq!(format_index(p, s), i);
        }
    }
}
