//! H100 equivalents: compute counted in NVIDIA H100 SXM GPUs, the unit Epoch AI reports.
//!
//! "200,000 H100 equivalents" says how many H100 SXM GPUs would have the same peak. Which
//! peak is the whole question: an H100 does 989.5 TFLOP/s dense BF16 and 1,979 TFLOP/s dense
//! FP8, so one B200 (2.25 PFLOP/s BF16, 4.5 PFLOP/s FP8) is 2.27 H100 equivalents at either
//! format, but an A100 (312 TFLOP/s BF16, no FP8, 624 TOPS INT8) is 0.32 at BF16 and nothing
//! at FP8. The crate offers two definitions, side by side:
//!
//! | | [`H100Equivalents::at`]`(precision, sparsity)` | [`H100Equivalents::epoch`] |
//! | --- | --- | --- |
//! | one GPU is | its peak at the format over the H100 SXM's peak at the *same* format | its highest-format dense peak ("Max OP/s") over 1.979 × 10^15 OP/s ([`EPOCH_H100_OPS`]) |
//! | formats | one, chosen by the caller; a part without a figure at it is unknown | the first the part has of: dense 8-bit (the larger of FP8 and INT8), dense 16-bit (the larger of FP16 and BF16), dense 32-bit (TF32 where the part has it, else FP32) |
//! | the H100's figure | from the registry's catalog ([`H100_SXM`]); a format the H100 has no figure for (FP4, FP6) is [`Error::MissingFigure`] | Epoch AI's fixed divisor, the H100 SXM's dense 8-bit peak (the catalog agrees) |
//! | a phase mixing formats | each line at the chosen format | counted at the phase's highest format: lines whose parts have no figure there add nothing (an A100 + V100 cluster counts its A100s' INT8 only), as Epoch AI's per-row `Max OP/s` does |
//! | stated figures | a phase's stated compute in exactly the format counts (over the H100's figure) | not used: only hardware lines through the catalog |
//! | use it for | comparisons that mean something: "how many H100s at BF16 training" | reproducing Epoch AI's `H100 equivalents` column and headline numbers |
//!
//! There is no fixed factor between formats in either: a conversion always goes through a
//! catalog part's own figures.
//!
//! Epoch AI's definition, as its GPU-clusters table applies it: `H100 equivalents` =
//! `Max OP/s` / 1.979e15, where `Max OP/s` is the row's 8-bit performance where it has one,
//! else its 16-bit, else its 32-bit, each the chips' theoretical dense peaks times their
//! count (field definitions at <https://epoch.ai/data/gpu-clusters-documentation/records>;
//! method in Pilz, Sanders, Rahman and Heim, "Trends in AI Supercomputers", 2025,
//! <https://arxiv.org/abs/2504.16026>). `tests/h100e.rs` checks that
//! [`H100Equivalents::epoch`] gives each row of Epoch AI's 2025 table its own column back,
//! wherever the row's chips are in the catalog with the figures Epoch AI used.
//!
//! # Units and bounds
//!
//! An [`H100e`] is a plain, non-negative, finite number of H100 SXM GPUs (not a whole
//! number). A hardware line's H100 equivalents are its GPUs (converted from superchips, nodes
//! and racks through the catalog) times one GPU's figure, so its bounds are the count's
//! bounds scaled: "up to 10,000 B200" is 0 to 22,740 at FP8 dense. A part the source leaves
//! open (a family) spans its candidates, as compute does. Unknown counts and parts without a
//! figure stay unknown parts of the total, never zero.
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use sovereign_compute::analysis::{H100Equivalents, Query};
//! use sovereign_compute::estimate::Estimate;
//! use sovereign_compute::model::*;
//! use sovereign_compute::registry::Registry;
//! use sovereign_compute::units::{Precision, Sparsity};
//! use sovereign_compute::Country;
//!
//! let line = |part: &str, n: &str| -> sovereign_compute::Result<HardwareLine> {
//!     Ok(HardwareLine::new(HardwareRef::Part(part.into()), Sourced::new(Estimate::parse(n)?)))
//! };
//! let registry = Registry::builder()
//!     .deployment(Deployment::new("x", "X", Country::FR).with_phase(
//!         Phase::new("p1", Status::Operational)
//!             .with_hardware_line(line("nvidia-a100-sxm-80gb", "1,000 GPUs")?)
//!             .with_hardware_line(line("nvidia-b200", "1,000 GPUs")?),
//!     ))
//!     .build()?;
//! let h100e = |m: H100Equivalents| -> sovereign_compute::Result<f64> {
//!     Ok(Query::new().run(&registry, m)?.total().central().map_or(0.0, |h| h.value()))
//! };
//! // BF16 dense: (1,000 × 312 + 1,000 × 2,250) / 989.5 TFLOP/s.
//! let bf16 = h100e(H100Equivalents::at(Precision::Bf16, Sparsity::Dense))?;
//! assert!((bf16 - 2_589.19).abs() < 0.01);
//! // Epoch AI: the phase's highest format is 8-bit: 1,000 × 624 (A100 INT8) + 1,000 × 4,500
//! // (B200 FP8), over 1,979 TOPS.
//! let epoch = h100e(H100Equivalents::epoch())?;
//! assert!((epoch - 2_589.19).abs() < 0.01);
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
// The sealed measure protocol reads the registry's crate-private index; see `measure`.
#![allow(private_interfaces, private_bounds)]

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use super::measure::sealed::{Plan, Sealed, Tally};
use super::measure::{Route, derived, scaled_plan};
use crate::catalog::resolve::{CandidateFactors, format_index};
use crate::estimate::{Amount, Bounds, Part, Rounding, map_part};
use crate::registry::index::{Index, Kind, LineRow, NONE, REFERENCE_PART};
use crate::text::check_text;
use crate::units::{Basis, ComputeFormat, Precision, Sparsity, is_quantity_char, split_number};
use crate::{Error, Result};

/// The catalog part H100 equivalents are counted in: the NVIDIA H100 SXM (80 GB), whose
/// figures [`H100Equivalents::at`] reads from the registry's catalog.
///
/// # Example
/// ```
/// assert_eq!(sovereign_compute::analysis::H100_SXM, "nvidia-h100-sxm");
/// ```
pub const H100_SXM: &str = REFERENCE_PART;

/// Epoch AI's divisor for H100 equivalents: the H100 SXM's dense 8-bit peak, 1.979 × 10^15
/// OP/s (1,979 TFLOP/s FP8, equal to its INT8 TOPS).
///
/// # Example
/// ```
/// use sovereign_compute::analysis::EPOCH_H100_OPS;
/// assert_eq!(EPOCH_H100_OPS, 1.979e15);
/// ```
pub const EPOCH_H100_OPS: f64 = 1.979e15;

/// A number of H100 SXM GPUs with the same peak: plain, finite and non-negative, not a whole
/// number. The value [`H100Equivalents`] totals hold.
///
/// Displayed with thousands separators and at most three significant digits below 1,000
/// ("3,153 H100e", "31.5 H100e", "0.158 H100e"); [`value`](Self::value) is exact. Parsed from
/// a number and `H100e` or `H100 equivalents`.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::H100e;
/// let h = H100e::new(3_153.1)?;
/// assert_eq!(h.to_string(), "3,153 H100e");
/// assert_eq!("3,153.1 H100 equivalents".parse::<H100e>()?, h);
/// assert!(H100e::new(-1.0).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct H100e(f64);

impl H100e {
    /// No H100 equivalents.
    pub const ZERO: H100e = H100e(0.0);

    /// H100 equivalents of a finite, non-negative number.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (quantity `"H100 equivalents"`) for a negative, infinite or NaN
    /// value.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::H100e;
    /// assert_eq!(H100e::new(2.5)?.value(), 2.5);
    /// assert!(H100e::new(f64::NAN).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(value: f64) -> Result<Self> {
        if value.is_finite() && value >= 0.0 {
            // -0.0 is 0.
            Ok(H100e(value + 0.0))
        } else {
            Err(Error::InvalidValue {
                quantity: "H100 equivalents",
                value,
                reason: "H100 equivalents are finite and non-negative",
            })
        }
    }

    /// The number of H100 SXM GPUs.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::H100e;
    /// assert_eq!(H100e::ZERO.value(), 0.0);
    /// ```
    pub fn value(self) -> f64 {
        self.0
    }

    fn overflow(operation: &'static str) -> Error {
        Error::Overflow {
            quantity: "H100 equivalents",
            operation,
        }
    }
}

impl fmt::Display for H100e {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v >= 1e15 {
            write!(f, "{v:e}")?;
        } else if v >= 999.5 {
            // Below 10^15 the rounded value is exact in a u64.
            crate::units::write_grouped(f, v.round() as u64)?;
        } else if v == 0.0 {
            f.write_str("0")?;
        } else {
            // Three significant digits, trailing zeros dropped.
            let digits = (2 - v.log10().floor() as i32).clamp(0, 17) as usize;
            let text = format!("{v:.digits$}");
            let text = if text.contains('.') {
                text.trim_end_matches('0').trim_end_matches('.')
            } else {
                &text
            };
            f.write_str(text)?;
        }
        f.write_str(" H100e")
    }
}

impl FromStr for H100e {
    type Err = Error;

    /// Reads "3,153 H100e", "0.5 H100 equivalents", "1 H100 equivalent".
    fn from_str(s: &str) -> Result<Self> {
        let text = check_text(
            s,
            is_quantity_char,
            "a number and H100e, such as \"3,153 H100e\"",
        )?;
        let (value, unit) = split_number(text)?;
        let unit = unit.trim().to_ascii_lowercase();
        if matches!(
            unit.as_str(),
            "h100e" | "h100 equivalents" | "h100 equivalent" | "h100-equivalents"
        ) {
            H100e::new(value)
        } else {
            Err(Error::InvalidNumber {
                input: s.to_owned(),
                reason: "expected a number of H100 equivalents, such as \"3,153 H100e\"".to_owned(),
            })
        }
    }
}

/// H100 equivalents add like plain numbers; every sum is checked finite.
impl Amount for H100e {
    fn zero_like(&self) -> Self {
        H100e::ZERO
    }

    fn try_add(self, rhs: Self) -> Result<Self> {
        H100e::new(self.0 + rhs.0).map_err(|_| H100e::overflow("addition"))
    }

    fn try_scale(self, factor: f64, _rounding: Rounding) -> Result<Self> {
        if !factor.is_finite() || factor < 0.0 {
            return Err(Error::InvalidValue {
                quantity: "scale factor",
                value: factor,
                reason: "must be finite and non-negative",
            });
        }
        H100e::new(self.0 * factor).map_err(|_| H100e::overflow("scaling"))
    }

    fn try_cmp(&self, other: &Self) -> Result<Ordering> {
        Ok(self.0.total_cmp(&other.0))
    }

    fn parse_amount(s: &str) -> Result<Self> {
        s.parse()
    }

    fn to_f64(&self) -> f64 {
        self.0
    }
}

impl super::sum::Summable for H100e {
    type Raw = f64;

    fn raw(self) -> f64 {
        self.0
    }

    fn plus(acc: &mut f64, raw: f64) -> bool {
        *acc += raw;
        false
    }

    fn back(raw: f64, _: Self) -> Result<Self> {
        H100e::new(raw).map_err(|_| <Self as super::sum::Summable>::overflow())
    }

    fn overflow() -> Error {
        H100e::overflow("addition")
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn number(self) -> super::sum::Number {
        super::sum::Number::Real(self.0)
    }
}

/// Which definition a measure of H100 equivalents follows; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Definition {
    /// Over the H100 SXM at the same format.
    At(Precision, Sparsity),
    /// Epoch AI's: the highest format a part has, over [`EPOCH_H100_OPS`].
    Epoch,
}

/// H100 equivalents, a [`Measure`](super::Measure) for [`Query::run`](super::Query::run) and
/// [`Query::series`](super::Query::series): [`at`](Self::at) a chosen format, or following
/// Epoch AI's definition ([`epoch`](Self::epoch)). The [module docs](self) compare the two.
///
/// # Errors
/// A query with [`at`](Self::at) a format the registry's catalog has no H100 SXM figure for
/// (FP4 and FP6, or a catalog without the H100 SXM) is [`Error::MissingFigure`].
///
/// # Example
/// ```
/// use sovereign_compute::analysis::H100Equivalents;
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// assert_eq!(H100Equivalents::at(Precision::Bf16, Sparsity::Dense).to_string(), "H100 equivalents at BF16 dense peak");
/// assert_eq!(H100Equivalents::epoch().to_string(), "H100 equivalents (Epoch AI)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct H100Equivalents {
    definition: Definition,
}

impl H100Equivalents {
    /// Each GPU's theoretical peak at this precision and sparsity over the H100 SXM's at the
    /// same, both from the registry's catalog; a phase's stated compute in exactly this
    /// format (theoretical peak) counts too.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::analysis::{H100Equivalents, Query};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// use sovereign_compute::Country;
    ///
    /// // "up to 1,000 GB200 superchips": 0 to 2,000 GPUs of 5 PFLOP/s FP8 dense each.
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("x", "X", Country::DE).with_phase(
    ///         Phase::new("p1", Status::Planned).with_hardware_line(HardwareLine::new(
    ///             HardwareRef::Part("nvidia-gb200".into()),
    ///             Sourced::new(Estimate::parse("up to 1,000 superchips")?),
    ///         )),
    ///     ))
    ///     .build()?;
    /// let fp8 = Query::new().run(&registry, H100Equivalents::at(Precision::Fp8, Sparsity::Dense))?;
    /// let total = fp8.total();
    /// assert_eq!(total.lower().map(|h| h.value()), Some(0.0));
    /// assert_eq!(total.upper().map(|h| h.to_string()), Some("5,053 H100e".to_owned()));
    ///
    /// // The H100 has no FP4 figure: there is nothing to count FP4 in H100s of.
    /// let fp4 = Query::new().run(&registry, H100Equivalents::at(Precision::Fp4, Sparsity::Dense));
    /// assert!(fp4.is_err());
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn at(precision: Precision, sparsity: Sparsity) -> Self {
        Self {
            definition: Definition::At(precision, sparsity),
        }
    }

    /// Epoch AI's H100 equivalents: each GPU's highest-format dense peak over
    /// [`EPOCH_H100_OPS`], a phase mixing formats counted at its highest (see the [module
    /// docs](self)), through the catalog only.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::analysis::{H100Equivalents, Query};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let line = |part: &str, n: &str| -> sovereign_compute::Result<HardwareLine> {
    ///     Ok(HardwareLine::new(HardwareRef::Part(part.into()), Sourced::new(Estimate::parse(n)?)))
    /// };
    /// // 10,000 A100 (INT8 624 TOPS) and 10,000 V100 (no 8-bit figure): Epoch AI counts the
    /// // A100s' 8-bit peak only, 10,000 × 624 / 1,979 = 3,153.1.
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("x", "X", Country::GB).with_phase(
    ///         Phase::new("p1", Status::Operational)
    ///             .with_hardware_line(line("nvidia-a100-sxm-80gb", "10,000 GPUs")?)
    ///             .with_hardware_line(line("nvidia-v100-sxm2-32gb", "10,000 GPUs")?),
    ///     ))
    ///     .build()?;
    /// let table = Query::new().run(&registry, H100Equivalents::epoch())?;
    /// assert_eq!(table.total().central().map(|h| h.to_string()), Some("3,153 H100e".to_owned()));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn epoch() -> Self {
        Self {
            definition: Definition::Epoch,
        }
    }

    /// The format of [`at`](Self::at); `None` for [`epoch`](Self::epoch), which takes each
    /// part's highest.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::H100Equivalents;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// assert_eq!(H100Equivalents::at(Precision::Fp8, Sparsity::Dense).format().map(|f| f.precision), Some(Precision::Fp8));
    /// assert_eq!(H100Equivalents::epoch().format(), None);
    /// ```
    pub const fn format(&self) -> Option<ComputeFormat> {
        match self.definition {
            Definition::At(precision, sparsity) => Some(ComputeFormat::peak(precision, sparsity)),
            Definition::Epoch => None,
        }
    }

    /// The H100 SXM's figure a GPU is divided by at format position `at`, from the index.
    fn reference(index: &Index, at: usize) -> Option<f64> {
        index.h100.get(at).copied().flatten().filter(|r| *r > 0.0)
    }
}

impl fmt::Display for H100Equivalents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format() {
            Some(format) => write!(f, "H100 equivalents at {format}"),
            None => f.write_str("H100 equivalents (Epoch AI)"),
        }
    }
}

/// Epoch AI's formats, from the highest: 8-bit, 16-bit, 32-bit.
const TIERS: usize = 3;

/// A candidate's dense peak at an Epoch AI format (see the module docs), FLOP/s or OP/s per
/// GPU.
fn tier_figure(c: &CandidateFactors, tier: usize) -> Option<f64> {
    let dense = |p| {
        c.peak
            .get(format_index(p, Sparsity::Dense))
            .copied()
            .flatten()
    };
    let larger = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    match tier {
        0 => larger(dense(Precision::Fp8), dense(Precision::Int8)),
        1 => larger(dense(Precision::Fp16), dense(Precision::Bf16)),
        2 => dense(Precision::Tf32).or_else(|| dense(Precision::Fp32)),
        _ => None,
    }
}

/// A candidate's highest Epoch AI format, if it has any.
fn best_tier(c: &CandidateFactors) -> Option<usize> {
    (0..TIERS).find(|&t| tier_figure(c, t).is_some())
}

/// A candidate's H100 equivalents per GPU at its highest format.
fn epoch_per_gpu(c: &CandidateFactors) -> Option<f64> {
    best_tier(c)
        .and_then(|t| tier_figure(c, t))
        .map(|ops| ops / EPOCH_H100_OPS)
}

/// The sum of two parts; unknown if either is.
fn add_parts(a: Part<H100e>, b: Part<H100e>) -> Result<Part<H100e>> {
    let (Some((ab, ac)), Some((bb, bc))) = (a, b) else {
        return Ok(None);
    };
    let upper = match (ab.upper, bb.upper) {
        (Some(x), Some(y)) => Some(x.try_add(y)?),
        _ => None,
    };
    Ok(Some((
        Bounds {
            lower: ab.lower.try_add(bb.lower)?,
            upper,
        },
        ac.try_add(bc)?,
    )))
}

impl Sealed for H100Equivalents {
    type Value = H100e;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> H100e {
        H100e::ZERO
    }

    fn cell(&self, value: &H100e) -> String {
        value.to_string()
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        match self.definition {
            Definition::At(precision, sparsity) => format!(
                "h100e_{}",
                crate::text::snake(&ComputeFormat::peak(precision, sparsity).to_string())
            ),
            Definition::Epoch => "h100e_epoch".to_owned(),
        }
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        "H100e"
    }

    fn check(&self, index: &Index) -> Result<()> {
        match self.definition {
            Definition::At(precision, sparsity) => {
                match Self::reference(index, format_index(precision, sparsity)) {
                    Some(_) => Ok(()),
                    None => Err(Error::MissingFigure {
                        part: H100_SXM.to_owned(),
                        figure: ComputeFormat::peak(precision, sparsity).to_string(),
                    }),
                }
            }
            Definition::Epoch => Ok(()),
        }
    }

    fn stated(&self, index: &Index, phase: usize) -> Result<Option<(Part<H100e>, Route)>> {
        match self.definition {
            Definition::At(precision, sparsity) => {
                let at = format_index(precision, sparsity);
                let Some(reference) = Self::reference(index, at) else {
                    return Ok(None);
                };
                let Some(stated) = index
                    .phases
                    .get(phase)
                    .filter(|row| row.stated != NONE)
                    .and_then(|row| index.stated.get(row.stated as usize))
                else {
                    return Ok(None);
                };
                if stated.format != ComputeFormat::peak(precision, sparsity)
                    || stated.format.basis != Basis::Peak
                {
                    return Ok(None);
                }
                let route = if stated.assumed {
                    Route::Assumed
                } else {
                    Route::Stated
                };
                let part = map_part(stated.rate, |rate| {
                    H100e::new(rate.base_value() / reference)
                })?;
                Ok(part.map(|p| (Some(p), route)))
            }
            Definition::Epoch => epoch_phase(index, phase),
        }
    }

    fn plan(&self, kind: &Kind) -> Plan {
        match self.definition {
            // Needs the H100's figure from the index: see `plan_in`.
            Definition::At(..) => Plan::Unknown,
            Definition::Epoch => scaled_plan(kind, epoch_per_gpu),
        }
    }

    fn plan_in(&self, index: &Index, kind: &Kind) -> Plan {
        match self.definition {
            Definition::At(precision, sparsity) => {
                let at = format_index(precision, sparsity);
                match Self::reference(index, at) {
                    Some(reference) => scaled_plan(kind, |c| {
                        c.peak.get(at).copied().flatten().map(|r| r / reference)
                    }),
                    None => Plan::Unknown,
                }
            }
            Definition::Epoch => self.plan(kind),
        }
    }

    fn scaled(&self, gpus: u64, per_gpu: f64) -> Option<f64> {
        let value = per_gpu * gpus as f64;
        value.is_finite().then_some(value)
    }

    fn quantity(&self) -> &'static str {
        "H100 equivalents"
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<H100e>, Route)> {
        match self.definition {
            Definition::At(..) => Ok((None, Route::Unknown)),
            Definition::Epoch => Ok(derived(scale_line(line, kind, epoch_per_gpu)?)),
        }
    }

    fn derive_in(
        &self,
        index: &Index,
        line: &LineRow,
        kind: &Kind,
    ) -> Result<(Part<H100e>, Route)> {
        match self.definition {
            Definition::At(precision, sparsity) => {
                let at = format_index(precision, sparsity);
                let Some(reference) = Self::reference(index, at) else {
                    return Ok((None, Route::Unknown));
                };
                let part = scale_line(line, kind, |c| {
                    c.peak.get(at).copied().flatten().map(|r| r / reference)
                })?;
                Ok(derived(part))
            }
            Definition::Epoch => self.derive(line, kind),
        }
    }
}

/// A line's GPUs times a per-GPU figure of each candidate, spanning the candidates.
fn scale_line(
    line: &LineRow,
    kind: &Kind,
    per_gpu: impl Fn(&CandidateFactors) -> Option<f64>,
) -> Result<Part<H100e>> {
    kind.factors
        .scaled(line.count(kind.unit), per_gpu, |figure, gpus| {
            H100e::new(figure * gpus).map_err(|_| H100e::overflow("scaling"))
        })
}

/// Epoch AI's per-row rule for a phase whose lines' parts have different highest formats:
/// every line at the phase's highest format, a part without a figure there adding nothing.
/// `None` (each line at its own highest format, the same thing) when the lines agree, and
/// when a line is unknown, which the total then counts as an unknown part.
fn epoch_phase(index: &Index, phase: usize) -> Result<Option<(Part<H100e>, Route)>> {
    let lines = index.lines.get(index.lines_of(phase)).unwrap_or_default();
    let kind = |line: &LineRow| index.kinds.get(line.kind as usize);
    let mut tiers = lines
        .iter()
        .filter_map(kind)
        .flat_map(|k| k.factors.candidates.iter().filter_map(best_tier));
    let Some(first) = tiers.next() else {
        return Ok(None);
    };
    let (mut highest, mut mixed) = (first, false);
    for t in tiers {
        mixed |= t != first;
        highest = highest.min(t);
    }
    if !mixed {
        return Ok(None);
    }
    let mut sum: Part<H100e> = Some((
        Bounds {
            lower: H100e::ZERO,
            upper: Some(H100e::ZERO),
        },
        H100e::ZERO,
    ));
    for line in lines {
        let Some(kind) = kind(line) else {
            return Ok(None);
        };
        let part = scale_line(line, kind, |c| {
            best_tier(c)?;
            Some(tier_figure(c, highest).map_or(0.0, |ops| ops / EPOCH_H100_OPS))
        })?;
        if part.is_none() {
            return Ok(None);
        }
        sum = add_parts(sum, part)?;
    }
    Ok(Some((sum, Route::Derived)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_keeps_three_significant_digits_below_a_thousand() {
        let shown = |v: f64| H100e::new(v).map(|h| h.to_string()).unwrap_or_default();
        assert_eq!(shown(0.0), "0 H100e");
        assert_eq!(shown(0.15766), "0.158 H100e");
        assert_eq!(shown(1.0), "1 H100e");
        assert_eq!(shown(31.46), "31.5 H100e");
        assert_eq!(shown(999.4), "999 H100e");
        assert_eq!(shown(999.6), "1,000 H100e");
        assert_eq!(shown(3_153.1), "3,153 H100e");
        assert_eq!(shown(50_025_265.3), "50,025,265 H100e");
        assert_eq!(shown(2e15), "2e15 H100e");
    }

    #[test]
    fn parse_reads_the_unit_and_rejects_others() {
        assert_eq!("12 H100e".parse::<H100e>().ok(), H100e::new(12.0).ok());
        assert_eq!(
            "1 H100 equivalent".parse::<H100e>().ok(),
            H100e::new(1.0).ok()
        );
        for bad in ["12 GPUs", "12", "-1 H100e", "H100e", "1e400 H100e"] {
            assert!(bad.parse::<H100e>().is_err(), "{bad}");
        }
    }

    #[test]
    fn sums_past_the_range_are_errors() {
        let big = H100e::new(f64::MAX).unwrap_or_default();
        assert!(big.try_add(big).is_err());
        assert!(big.try_scale(2.0, Rounding::Up).is_err());
        assert!(big.try_scale(-1.0, Rounding::Up).is_err());
    }
}
