//! Training feasibility: how long a group's compute takes to do an amount of work, and how much
//! work it can do in a given time, with the bounds of the compute kept.
//!
//! ```
//! use sovereign_compute::analysis::{EU_AI_ACT_SYSTEMIC_RISK, Utilisation, time_to_train};
//! use sovereign_compute::units::ComputeFigure;
//!
//! // 10,000 GPUs at 989.5 TFLOP/s BF16 dense peak each (an H100 SXM), at 40% utilisation.
//! let cluster = "989.5 TFLOP/s BF16 dense".parse::<ComputeFigure>()?.checked_scale(10_000.0)?;
//! let run = time_to_train(cluster, Utilisation::new(0.4)?, EU_AI_ACT_SYSTEMIC_RISK.operations())?;
//! assert_eq!(run.to_string(), "29.2 days");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Semantics
//!
//! **Units.** Compute is a rate in FLOP/s (OP/s for INT8) in one
//! [`ComputeFormat`]; work is an amount of [`Operations`] in FLOP;
//! times are [`Time`]s in s (displayed in days once they reach two days). A [`Utilisation`] is
//! model FLOP utilisation: the fraction of the peak rate a training run achieves, above 0 and
//! at most 1.
//!
//! **Formulas.** The effective rate is rate × utilisation (FLOP/s). The time to do work `W`
//! is `W / (rate × u)` seconds; the most work in a time `t` is `rate × u × t` FLOP.
//!
//! **Bounds.** The compute is given as bounds: a [`Total`] from a [`Table`](super::Table)
//! row, an [`Estimate`] or a single [`ComputeFigure`] (see [`TrainingCompute`]). Time falls
//! as the rate rises, so the bounds swap:
//!
//! | result | from | when that rate is missing or zero |
//! | --- | --- | --- |
//! | lower time | upper rate | upper rate unbounded: lower time 0 s; upper rate zero: no finite lower time (never) |
//! | central time | central rate | central rate unknown or zero: no central time |
//! | upper time | lower rate | lower rate zero: no finite upper time (unbounded) |
//! | lower work | lower rate | never missing: a missing lower rate is 0 FLOP/s |
//! | central work | central rate | central rate unknown: no central work |
//! | upper work | upper rate | upper rate unbounded: unbounded |
//!
//! Zero work takes 0 s at every bound.
//!
//! **Unknown parts** stay counted, never read as zero: a [`Total`] with unknown parts has an
//! unbounded upper rate (so the lower time is 0 s and the upper work unbounded), keeps the lower
//! rate of its known parts (so the upper time still holds: unknown parts can only add compute)
//! and a central rate of its known parts alone (so the central time is what the known parts
//! need). Results carry [`parts`](TrainingTime::parts) and
//! [`unknown_parts`](TrainingTime::unknown_parts) to say so, and their `Display` repeats it.
//!
//! **Formats.** The work of a training run is counted in the format the compute is in: at FP8
//! dense peak, 10^25 FLOP is 10^25 FP8 operations at the FP8 peak rate. There is no conversion
//! between formats (a run counted in BF16 needs BF16 compute figures; see
//! [`Compute`](super::Compute)), and a result keeps the [`format`](TrainingTime::format) its
//! compute had. The legal thresholds below count operations without naming a format.
//!
//! **Thresholds.** [`EU_AI_ACT_SYSTEMIC_RISK`] (10^25 FLOP, in force) and
//! [`US_EO_14110_REPORTING`] (10^26 operations, revoked on 2025-01-20, kept for historical
//! comparison) are [`Threshold`]s: each holds the amount as [`Operations`], its legal source
//! with the article and the exact words, and its URL.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::estimate::{Estimate, Total, shift_point};
use crate::units::{ComputeFigure, ComputeFormat, ComputeRate, Operations, Time};
use crate::{Error, Result};

/// The name [`Utilisation`] errors give the quantity.
const UTILISATION: &str = "model FLOP utilisation";

/// Model FLOP utilisation: the fraction of the peak rate a training run achieves, above 0 and
/// at most 1 (100%).
///
/// Read from a fraction (`"0.4"`) or a percentage (`"40%"`); displayed as a percentage.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Utilisation;
///
/// let u = Utilisation::new(0.4)?;
/// assert_eq!(u.to_string(), "40%");
/// assert_eq!("40%".parse::<Utilisation>()?, u);
/// assert_eq!("0.4".parse::<Utilisation>()?, u);
/// assert!(Utilisation::new(1.5).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Utilisation(f64);

impl Utilisation {
    /// All of the peak rate: 100%.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Utilisation;
    /// assert_eq!(Utilisation::FULL.fraction(), 1.0);
    /// ```
    pub const FULL: Utilisation = Utilisation(1.0);

    /// A utilisation from a fraction above 0 and at most 1 (0.4 is 40%).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the value when it is NaN, infinite, zero, negative or
    /// above 1; the message says what is accepted.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Utilisation;
    /// assert_eq!(Utilisation::new(0.4)?.fraction(), 0.4);
    /// let err = Utilisation::new(40.0).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid model FLOP utilisation 40: above 1 (100%)"));
    /// assert!(Utilisation::new(0.0).is_err());
    /// assert!(Utilisation::new(f64::NAN).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(fraction: f64) -> Result<Self> {
        let reason = if fraction.is_nan() {
            "not a number; give a fraction above 0 and at most 1, such as 0.4 or \"40%\""
        } else if fraction.is_infinite() {
            "infinite; give a fraction above 0 and at most 1, such as 0.4 or \"40%\""
        } else if fraction < 0.0 {
            "negative; give a fraction above 0 and at most 1, such as 0.4 or \"40%\""
        } else if fraction == 0.0 {
            "zero does no work; give a fraction above 0 and at most 1, such as 0.4 or \"40%\""
        } else if fraction > 1.0 {
            "above 1 (100%); give a fraction above 0 and at most 1, such as 0.4 or \"40%\""
        } else {
            return Ok(Self(fraction));
        };
        Err(Error::InvalidValue {
            quantity: UTILISATION,
            value: fraction,
            reason,
        })
    }

    /// The fraction, above 0 and at most 1.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Utilisation;
    /// assert_eq!("35%".parse::<Utilisation>()?.fraction(), 0.35);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn fraction(self) -> f64 {
        self.0
    }
}

/// Reads `"0.4"`, `"40%"` or `"40 %"`. A percentage is read by moving the decimal point in
/// the text, so `"35%"` is exactly the `f64` of `"0.35"`.
impl FromStr for Utilisation {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        // `f64` reads "NaN" and "inf"; `new` rejects them with the value named.
        Self::new(parse_fraction(s, "0.4", "40%")?)
    }
}

/// Reads a fraction (`"0.4"`) or a percentage (`"40%"`, `"40 %"`) as a plain number, not yet
/// range-checked; a percentage by moving the decimal point in the text, so that `"35%"` is
/// exactly the `f64` of `"0.35"`. `fraction` and `percent` are the examples the error gives.
pub(super) fn parse_fraction(s: &str, fraction: &str, percent: &str) -> Result<f64> {
    let trimmed = s.trim();
    let bad = || Error::InvalidNumber {
        input: s.to_owned(),
        reason: format!(
            "expected a fraction such as {fraction} or a percentage such as \"{percent}\""
        ),
    };
    Ok(match trimmed.strip_suffix('%') {
        Some(number) => {
            let number = number.trim_end();
            match shift_point(number, -2) {
                Some(text) => text.parse::<f64>().map_err(|_| bad())?,
                None => number.parse::<f64>().map_err(|_| bad())? / 100.0,
            }
        }
        None => trimmed.parse::<f64>().map_err(|_| bad())?,
    })
}

/// Writes a fraction as a percentage: "40%", or with `{:.N}` N digits after the point.
pub(super) fn write_percent(f: &mut fmt::Formatter<'_>, fraction: f64) -> fmt::Result {
    if let Some(p) = f.precision() {
        return write!(f, "{:.p$}%", fraction * 100.0);
    }
    // Move the point in the shortest decimal text, so 0.07 shows as 7%, not 7.000000000000001%.
    match shift_point(&fraction.to_string(), 2) {
        Some(text) => write!(f, "{text}%"),
        None => write!(f, "{}%", fraction * 100.0),
    }
}

/// "40%"; `{:.N}` sets the digits after the point ("40.0%").
impl fmt::Display for Utilisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_percent(f, self.0)
    }
}

/// Compute in one format, as bounds, as training questions read it: lower, central and upper
/// rates (FLOP/s) and how many parts were unknown.
///
/// Built from a [`Total<ComputeFigure>`] (a [`Table`](super::Table) row's total), an
/// [`Estimate<ComputeFigure>`] or a single [`ComputeFigure`]; every function of this module
/// takes `impl Into<TrainingCompute>`. A missing lower bound (no part known) is read as
/// 0 FLOP/s, since compute is never negative; a missing upper bound is unbounded.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::TrainingCompute;
/// use sovereign_compute::estimate::{Estimate, Total};
/// use sovereign_compute::units::ComputeFigure;
///
/// let parts = [Estimate::parse("1 EFLOP/s FP8 dense")?, Estimate::unknown()];
/// let compute = TrainingCompute::from(&Total::<ComputeFigure>::sum(&parts)?);
/// assert_eq!(compute.lower().to_string(), "1 EFLOP/s");
/// assert_eq!(compute.upper(), None); // an unknown part may hold any amount
/// assert_eq!((compute.parts(), compute.unknown_parts()), (2, 1));
/// assert_eq!(compute.format().unwrap().to_string(), "FP8 dense peak");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingCompute {
    format: Option<ComputeFormat>,
    lower: ComputeRate,
    central: Option<ComputeRate>,
    upper: Option<ComputeRate>,
    parts: usize,
    unknown_parts: usize,
}

impl TrainingCompute {
    /// The lower rate in FLOP/s; 0 FLOP/s when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("up to 2 EFLOP/s FP8 dense")?;
    /// assert_eq!(TrainingCompute::from(&e).lower().to_string(), "0 FLOP/s");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self) -> ComputeRate {
        self.lower
    }

    /// The central rate in FLOP/s: the sum of the known parts' central values; `None` when no
    /// part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("1-3 EFLOP/s FP8 dense")?;
    /// assert_eq!(TrainingCompute::from(&e).central().unwrap().to_string(), "2 EFLOP/s");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<ComputeRate> {
        self.central
    }

    /// The upper rate in FLOP/s; `None` when unbounded (a part is unbounded or unknown).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("more than 1 EFLOP/s FP8 dense")?;
    /// assert_eq!(TrainingCompute::from(&e).upper(), None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self) -> Option<ComputeRate> {
        self.upper
    }

    /// The format the rates are in; `None` when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP4 sparse".parse()?;
    /// assert_eq!(TrainingCompute::from(f).format(), Some(f.format));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn format(&self) -> Option<ComputeFormat> {
        self.format
    }

    /// How many parts the compute was summed from (1 for an estimate or a figure).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::units::ComputeFigure;
    /// assert_eq!(TrainingCompute::from("1 EFLOP/s FP8 dense".parse::<ComputeFigure>()?).parts(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.parts
    }

    /// How many of them were unknown.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::TrainingCompute;
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// assert_eq!(TrainingCompute::from(&Estimate::<ComputeFigure>::unknown()).unknown_parts(), 1);
    /// ```
    pub fn unknown_parts(&self) -> usize {
        self.unknown_parts
    }

    /// The rate × utilisation, in FLOP/s.
    fn effective(rate: ComputeRate, utilisation: Utilisation) -> Result<ComputeRate> {
        rate.checked_scale(utilisation.fraction())
    }
}

/// One figure: lower, central and upper rates are its rate.
impl From<ComputeFigure> for TrainingCompute {
    fn from(figure: ComputeFigure) -> Self {
        Self {
            format: Some(figure.format),
            lower: figure.rate,
            central: Some(figure.rate),
            upper: Some(figure.rate),
            parts: 1,
            unknown_parts: 0,
        }
    }
}

/// An estimate's bounds and central value (see [`Estimate::bounds`]); an unknown estimate is
/// one unknown part.
impl From<&Estimate<ComputeFigure>> for TrainingCompute {
    fn from(estimate: &Estimate<ComputeFigure>) -> Self {
        match (estimate.bounds(), estimate.central()) {
            (Some(bounds), Some(central)) => Self {
                format: Some(central.format),
                lower: bounds.lower.rate,
                central: Some(central.rate),
                upper: bounds.upper.map(|u| u.rate),
                parts: 1,
                unknown_parts: 0,
            },
            _ => Self {
                format: None,
                lower: ComputeRate::ZERO,
                central: None,
                upper: None,
                parts: 1,
                unknown_parts: 1,
            },
        }
    }
}

/// A total's lower, central and upper values, parts and unknown parts, as it states them.
impl From<&Total<ComputeFigure>> for TrainingCompute {
    fn from(total: &Total<ComputeFigure>) -> Self {
        Self {
            format: total.lower().map(|l| l.format),
            lower: total.lower().map_or(ComputeRate::ZERO, |l| l.rate),
            central: total.central().map(|c| c.rate),
            upper: total.upper().map(|u| u.rate),
            parts: total.parts(),
            unknown_parts: total.unknown_parts(),
        }
    }
}

/// The time some compute needs for an amount of work: lower, central and upper times (s) and
/// the unknown parts of the compute. See the [module docs](self) for how each bound is
/// obtained.
///
/// `Display` writes days once the largest time shown reaches two days ("29.2 days",
/// "0–29.2 days (central 29.2 days)", "≥ 12.5 days (central 14.6 days; 1 of 3 parts
/// unknown)"), else hours, minutes or seconds.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Utilisation, time_to_train};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::units::{ComputeFigure, Operations};
/// use sovereign_compute::units::system::time::day;
///
/// // "more than 1 EFLOP/s": at most 1e24 / (1e18 × 0.5) s = 23.1 days; no lower bound but zero.
/// let compute: Estimate<ComputeFigure> = Estimate::parse("more than 1 EFLOP/s FP8 dense")?;
/// let work: Operations = "1e24 FLOP".parse()?;
/// let t = time_to_train(&compute, Utilisation::new(0.5)?, work)?;
/// assert_eq!(t.lower().unwrap().base_value(), 0.0);
/// assert_eq!(t.upper().unwrap().base_value(), 2e6);
/// assert!((t.central().unwrap().get::<day>() - 23.148).abs() < 1e-3);
/// assert_eq!(t.to_string(), "0–23.1 days (central 23.1 days)");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingTime {
    lower: Option<Time>,
    central: Option<Time>,
    upper: Option<Time>,
    compute: TrainingCompute,
    utilisation: Utilisation,
    work: Operations,
}

impl TrainingTime {
    /// The lower time (s), from the upper rate: 0 s when the upper rate is unbounded; `None`
    /// (never) only when the upper rate is zero, so that the work is certainly never done.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let t = time_to_train(f, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.lower().unwrap().base_value(), 1_000.0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self) -> Option<Time> {
        self.lower
    }

    /// The central time (s), from the central rate (the known parts' central values);
    /// `None` when no part is known or the central rate is zero.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let unknown = Estimate::<ComputeFigure>::unknown();
    /// let t = time_to_train(&unknown, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.central(), None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<Time> {
        self.central
    }

    /// The upper time (s), from the lower rate; `None` (unbounded) when the lower rate is
    /// zero, as it is for an "at most" figure or compute with no known part.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("up to 1 EFLOP/s FP8 dense")?;
    /// let t = time_to_train(&e, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.upper(), None);
    /// assert_eq!(t.lower().unwrap().base_value(), 1_000.0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self) -> Option<Time> {
        self.upper
    }

    /// How many parts the compute was summed from.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// assert_eq!(time_to_train(f, Utilisation::FULL, "1e21 FLOP".parse()?)?.parts(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.compute.parts
    }

    /// How many parts of the compute were unknown: they lift the upper rate, so the lower time
    /// is 0 s, and are left out of the central time.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// use sovereign_compute::units::ComputeFigure;
    /// let total: Total<ComputeFigure> =
    ///     Total::sum(&[Estimate::parse("1 EFLOP/s FP8 dense")?, Estimate::unknown()])?;
    /// let t = time_to_train(&total, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!((t.unknown_parts(), t.lower().unwrap().base_value()), (1, 0.0));
    /// assert_eq!(t.upper().unwrap().base_value(), 1_000.0); // unknown parts only add compute
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn unknown_parts(&self) -> usize {
        self.compute.unknown_parts
    }

    /// The format of the compute, which is also the format the work is counted in; `None` when
    /// no part of the compute is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::{ComputeFigure, Precision};
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let t = time_to_train(f, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.format().unwrap().precision, Precision::Fp8);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn format(&self) -> Option<ComputeFormat> {
        self.compute.format
    }

    /// The compute the time was worked out from.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let t = time_to_train(f, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.compute().lower(), f.rate);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn compute(&self) -> &TrainingCompute {
        &self.compute
    }

    /// The utilisation assumed.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let t = time_to_train(f, Utilisation::new(0.4)?, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.utilisation().to_string(), "40%");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn utilisation(&self) -> Utilisation {
        self.utilisation
    }

    /// The work (FLOP), counted in the compute's format.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, time_to_train};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let t = time_to_train(f, Utilisation::FULL, "1e21 FLOP".parse()?)?;
    /// assert_eq!(t.work().to_string(), "1 ZFLOP");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn work(&self) -> Operations {
        self.work
    }
}

/// The time `compute` needs to do `work` at `utilisation`: `work / (rate × utilisation)`
/// seconds for each bound of the rate (FLOP/s), the lower time from the upper rate and the
/// upper time from the lower rate. The work (FLOP) is counted in the compute's format.
///
/// See the [module docs](self) for the bounds, unknown parts and formats.
///
/// # Errors
/// [`Error::Overflow`] if a time does not fit a finite `f64` (work far beyond a tiny rate).
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Utilisation, time_to_train};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::units::ComputeFigure;
///
/// // 1–2 EFLOP/s at 50% need 1e21 / (2e18 × 0.5) = 1,000 s to 1e21 / (1e18 × 0.5) = 2,000 s.
/// let compute: Estimate<ComputeFigure> = Estimate::parse("1-2 EFLOP/s FP8 dense")?;
/// let t = time_to_train(&compute, Utilisation::new(0.5)?, "1e21 FLOP".parse()?)?;
/// assert_eq!(t.lower().unwrap().base_value(), 1_000.0);
/// assert_eq!(t.upper().unwrap().base_value(), 2_000.0);
/// assert_eq!(t.to_string(), "16.7–33.3 min (central 22.2 min)");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn time_to_train(
    compute: impl Into<TrainingCompute>,
    utilisation: Utilisation,
    work: Operations,
) -> Result<TrainingTime> {
    let compute = compute.into();
    // Seconds for `work` at `rate`; `None` when the rate is zero and the work is not.
    let seconds = |rate: ComputeRate| -> Result<Option<Time>> {
        if work == Operations::ZERO {
            return Ok(Some(Time::ZERO));
        }
        let effective = TrainingCompute::effective(rate, utilisation)?;
        if effective == ComputeRate::ZERO {
            return Ok(None);
        }
        (work / effective).map(Some)
    };
    let lower = match compute.upper {
        Some(rate) => seconds(rate)?,
        None => Some(Time::ZERO),
    };
    let central = match compute.central {
        Some(rate) => seconds(rate)?,
        None if work == Operations::ZERO => Some(Time::ZERO),
        None => None,
    };
    let upper = seconds(compute.lower)?;
    Ok(TrainingTime {
        lower,
        central,
        upper,
        compute,
        utilisation,
        work,
    })
}

/// The most work some compute can do in a time: lower, central and upper amounts (FLOP),
/// counted in the compute's format, and the unknown parts of the compute.
///
/// `Display` writes FLOP in scientific notation, the way thresholds are written
/// ("3.08e25 FLOP", "0–3.08e25 FLOP (central 3.08e25 FLOP)", "≥ 1.54e25 FLOP (central …; 1 of
/// 2 parts unknown)").
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Utilisation, most_work_in};
/// use sovereign_compute::units::{ComputeFigure, Time};
///
/// let compute: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
/// let w = most_work_in(compute, Utilisation::new(0.5)?, "1 d".parse()?)?;
/// assert_eq!(w.lower().to_string(), "43.2 ZFLOP");
/// assert_eq!(w.to_string(), "4.32e22 FLOP");
/// assert_eq!(w.upper().unwrap().to_string(), "43.2 ZFLOP");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingWork {
    lower: Operations,
    central: Option<Operations>,
    upper: Option<Operations>,
    compute: TrainingCompute,
    utilisation: Utilisation,
    time: Time,
}

impl TrainingWork {
    /// The lower amount (FLOP), from the lower rate (0 FLOP/s when no part is known).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("up to 1 EFLOP/s FP8 dense")?;
    /// let w = most_work_in(&e, Utilisation::FULL, "1 d".parse()?)?;
    /// assert_eq!(w.lower().base_value(), 0.0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self) -> Operations {
        self.lower
    }

    /// The central amount (FLOP), from the central rate; `None` when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("up to 1 EFLOP/s FP8 dense")?;
    /// let w = most_work_in(&e, Utilisation::FULL, "1000 s".parse()?)?;
    /// assert_eq!(w.central().unwrap().to_string(), "1 ZFLOP");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<Operations> {
        self.central
    }

    /// The upper amount (FLOP), from the upper rate; `None` when unbounded.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("more than 1 EFLOP/s FP8 dense")?;
    /// assert_eq!(most_work_in(&e, Utilisation::FULL, "1 d".parse()?)?.upper(), None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self) -> Option<Operations> {
        self.upper
    }

    /// How many parts the compute was summed from.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// assert_eq!(most_work_in(f, Utilisation::FULL, "1 d".parse()?)?.parts(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.compute.parts
    }

    /// How many parts of the compute were unknown: they make the upper amount unbounded and
    /// are left out of the central amount.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// use sovereign_compute::units::ComputeFigure;
    /// let total: Total<ComputeFigure> =
    ///     Total::sum(&[Estimate::parse("1 EFLOP/s FP8 dense")?, Estimate::unknown()])?;
    /// let w = most_work_in(&total, Utilisation::FULL, "1000 s".parse()?)?;
    /// assert_eq!((w.unknown_parts(), w.upper()), (1, None));
    /// assert_eq!(w.to_string(), "≥ 1e21 FLOP (central 1e21 FLOP; 1 of 2 parts unknown)");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn unknown_parts(&self) -> usize {
        self.compute.unknown_parts
    }

    /// The format the work is counted in (the compute's); `None` when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::units::{ComputeFigure, Precision};
    /// let f: ComputeFigure = "1 EFLOP/s FP4 sparse".parse()?;
    /// let w = most_work_in(f, Utilisation::FULL, "1 d".parse()?)?;
    /// assert_eq!(w.format().unwrap().precision, Precision::Fp4);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn format(&self) -> Option<ComputeFormat> {
        self.compute.format
    }

    /// The compute the work was worked out from.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let w = most_work_in(f, Utilisation::FULL, "1 d".parse()?)?;
    /// assert_eq!(w.compute().upper(), Some(f.rate));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn compute(&self) -> &TrainingCompute {
        &self.compute
    }

    /// The utilisation assumed.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let w = most_work_in(f, "35%".parse()?, "1 d".parse()?)?;
    /// assert_eq!(w.utilisation(), Utilisation::new(0.35)?);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn utilisation(&self) -> Utilisation {
        self.utilisation
    }

    /// The time (s) the work is done in.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Utilisation, most_work_in};
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1 EFLOP/s FP8 dense".parse()?;
    /// let w = most_work_in(f, Utilisation::FULL, "90 d".parse()?)?;
    /// assert_eq!(w.time().to_string(), "90 d");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn time(&self) -> Time {
        self.time
    }

    /// Whether the work certainly exceeds a threshold (its lower amount does), and whether it
    /// possibly does (its upper amount does, or is unbounded). Thresholds are strict: "greater
    /// than".
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{EU_AI_ACT_SYSTEMIC_RISK, Utilisation, most_work_in};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::ComputeFigure;
    /// let e: Estimate<ComputeFigure> = Estimate::parse("up to 10 EFLOP/s BF16 dense")?;
    /// let w = most_work_in(&e, Utilisation::new(0.4)?, "90 d".parse()?)?;
    /// // at most 10e18 × 0.4 × 7,776,000 s = 3.1e25 FLOP, at least 0
    /// assert_eq!(w.exceeds(&EU_AI_ACT_SYSTEMIC_RISK), (false, true));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn exceeds(&self, threshold: &Threshold) -> (bool, bool) {
        let line = threshold.operations();
        let certainly = self.lower > line;
        let possibly = self.upper.is_none_or(|u| u > line);
        (certainly, possibly)
    }
}

/// The most work `compute` can do in `time` at `utilisation`: `rate × utilisation × time`
/// FLOP for each bound of the rate (FLOP/s), the time in s. The work is counted in the
/// compute's format.
///
/// See the [module docs](self) for the bounds, unknown parts and formats.
///
/// # Errors
/// [`Error::Overflow`] if an amount does not fit a finite `f64`.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Utilisation, most_work_in};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::units::ComputeFigure;
///
/// // 1–2 EFLOP/s at 50% for 1,000 s: 5e20 to 1e21 FLOP.
/// let compute: Estimate<ComputeFigure> = Estimate::parse("1-2 EFLOP/s FP8 dense")?;
/// let w = most_work_in(&compute, Utilisation::new(0.5)?, "1000 s".parse()?)?;
/// assert_eq!(w.lower().base_value(), 5e20);
/// assert_eq!(w.upper().unwrap().base_value(), 1e21);
/// assert_eq!(w.to_string(), "5e20–1e21 FLOP (central 7.5e20 FLOP)");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn most_work_in(
    compute: impl Into<TrainingCompute>,
    utilisation: Utilisation,
    time: Time,
) -> Result<TrainingWork> {
    let compute = compute.into();
    let amount = |rate: ComputeRate| -> Result<Operations> {
        TrainingCompute::effective(rate, utilisation)? * time
    };
    Ok(TrainingWork {
        lower: amount(compute.lower)?,
        central: compute.central.map(amount).transpose()?,
        upper: compute.upper.map(amount).transpose()?,
        compute,
        utilisation,
        time,
    })
}

/// Writes `lower`, `central` and `upper` the way [`Total`] does: one value when the bounds
/// agree, `a–b` when bounded, `≥ a` when not, then the central value and unknown parts.
fn write_bounds(
    f: &mut fmt::Formatter<'_>,
    bounds: [Option<String>; 3],
    unit: &str,
    compute: &TrainingCompute,
    never: &str,
) -> fmt::Result {
    let [lower, central, upper] = bounds;
    if compute.unknown_parts == compute.parts {
        let noun = if compute.parts == 1 { "part" } else { "parts" };
        return write!(f, "unknown ({} {noun})", compute.parts);
    }
    let Some(lower) = lower else {
        return f.write_str(never);
    };
    let exact = upper.as_ref() == Some(&lower);
    match &upper {
        Some(u) if exact => write!(f, "{u} {unit}")?,
        Some(u) => write!(f, "{lower}–{u} {unit}")?,
        None => write!(f, "≥ {lower} {unit}")?,
    }
    let central = central.map_or_else(|| never.to_owned(), |c| format!("{c} {unit}"));
    match (exact, compute.unknown_parts) {
        (true, 0) => Ok(()),
        (false, 0) => write!(f, " (central {central})"),
        (_, n) => write!(
            f,
            " (central {central}; {n} of {} parts unknown)",
            compute.parts
        ),
    }
}

/// Picks one unit for every time shown: days once the largest reaches two days, else h, min
/// or s from two of them, so that the largest shows at least 2 with one decimal.
fn time_unit(largest: Time) -> (f64, &'static str) {
    let s = largest.base_value();
    if s >= 2.0 * 86_400.0 {
        (86_400.0, "days")
    } else if s >= 2.0 * 3_600.0 {
        (3_600.0, "h")
    } else if s >= 2.0 * 60.0 {
        (60.0, "min")
    } else {
        (1.0, "s")
    }
}

/// A number with one digit after the point and thousands separators ("1,234.5").
fn grouped_one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, "0"));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

/// FLOP in scientific notation with three significant digits, trailing zeros dropped
/// ("3.08e25", "1e21", "0").
fn scientific(work: Operations) -> String {
    let value = work.base_value();
    if value == 0.0 {
        return "0".to_owned();
    }
    let text = format!("{value:.2e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if mantissa.contains('.') => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exponent}")
        }
        _ => text,
    }
}

impl fmt::Display for TrainingTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let largest = [self.upper, self.central, self.lower]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(Time::ZERO);
        let (factor, unit) = time_unit(largest);
        let show = |t: Option<Time>| {
            t.map(|t| match t.base_value() {
                0.0 => "0".to_owned(),
                s => grouped_one_decimal(s / factor),
            })
        };
        write_bounds(
            f,
            [show(self.lower), show(self.central), show(self.upper)],
            unit,
            &self.compute,
            "never",
        )
    }
}

impl fmt::Display for TrainingWork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |w: Option<Operations>| w.map(scientific);
        write_bounds(
            f,
            [show(Some(self.lower)), show(self.central), show(self.upper)],
            "FLOP",
            &self.compute,
            "unknown",
        )
    }
}

/// A training-compute threshold set in law: the amount of work, the instrument and provision,
/// the exact words, where to read them, and when the provision was revoked (if it was).
///
/// Thresholds are strict ("greater than"): [`exceeded_by`](Self::exceeded_by) is `work >
/// threshold`. The instruments count operations without naming a number format; this crate
/// compares them with work counted in the format of the compute (see the
/// [module docs](self)).
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{EU_AI_ACT_SYSTEMIC_RISK, US_EO_14110_REPORTING};
///
/// assert_eq!(format!("{:.0}", EU_AI_ACT_SYSTEMIC_RISK.operations()), "10 YFLOP");
/// assert!(EU_AI_ACT_SYSTEMIC_RISK.revoked().is_none());
/// assert_eq!(US_EO_14110_REPORTING.revoked().unwrap().to_string(), "2025-01-20");
/// assert_eq!(EU_AI_ACT_SYSTEMIC_RISK.to_string(), "EU AI Act, Article 51(2): more than 1e25 FLOP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    name: &'static str,
    provision: &'static str,
    words: &'static str,
    url: &'static str,
    flop: f64,
    revoked: Option<NaiveDate>,
    revoked_by: Option<&'static str>,
}

/// 20 January 2025, the date of Executive Order 14148.
const EO_14148_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 1, 20) {
    Some(d) => d,
    None => panic!("2025-01-20 is a valid date"),
};

/// The EU AI Act's presumption of high-impact capabilities for a general-purpose AI model:
/// more than 10^25 FLOP of cumulative training computation.
///
/// Regulation (EU) 2024/1689 of the European Parliament and of the Council (Artificial
/// Intelligence Act), OJ L, 2024/1689, 12.7.2024, Article 51(2):
///
/// > "A general-purpose AI model shall be presumed to have high impact capabilities pursuant
/// > to paragraph 1, point (a), when the cumulative amount of computation used for its training
/// > measured in floating point operations is greater than 10^25."
///
/// Source: <https://eur-lex.europa.eu/eli/reg/2024/1689/oj> (the Official Journal prints the
/// exponent as a superscript, "10<sup>25</sup>"). Article 51(3) lets the Commission amend the
/// threshold by delegated act.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::EU_AI_ACT_SYSTEMIC_RISK;
/// assert_eq!(EU_AI_ACT_SYSTEMIC_RISK.operations().base_value(), 1e25);
/// assert!(EU_AI_ACT_SYSTEMIC_RISK.exceeded_by("3.8e25 FLOP".parse()?));
/// assert!(!EU_AI_ACT_SYSTEMIC_RISK.exceeded_by("1e25 FLOP".parse()?)); // "greater than"
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub const EU_AI_ACT_SYSTEMIC_RISK: Threshold = Threshold {
    name: "EU AI Act",
    provision: "Article 51(2)",
    words: "A general-purpose AI model shall be presumed to have high impact capabilities pursuant to paragraph 1, point (a), when the cumulative amount of computation used for its training measured in floating point operations is greater than 10^25.",
    url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
    flop: 1e25,
    revoked: None,
    revoked_by: None,
};

/// The interim reporting threshold of US Executive Order 14110 of 30 October 2023 (Safe,
/// Secure, and Trustworthy Development and Use of Artificial Intelligence): more than 10^26
/// integer or floating-point operations. **Revoked** on 20 January 2025 by Executive Order
/// 14148 (Initial Rescissions of Harmful Executive Orders and Actions), section 2, item (ggg);
/// kept, dated, for historical comparison.
///
/// Section 4.2(b) of EO 14110 (88 FR 75191): "Until such technical conditions are defined,
/// the Secretary shall require compliance with these reporting requirements for:
///
/// > (i) any model that was trained using a quantity of computing power greater than 10^26
/// > integer or floating-point operations, or using primarily biological sequence data and
/// > using a quantity of computing power greater than 10^23 integer or floating-point
/// > operations"
///
/// This constant is the first, general threshold (10^26); the 10^23 threshold for models
/// trained primarily on biological sequence data is not represented.
///
/// Sources: <https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence>;
/// the revocation, <https://www.federalregister.gov/documents/2025/01/28/2025-01901/initial-rescissions-of-harmful-executive-orders-and-actions>.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::US_EO_14110_REPORTING;
/// assert_eq!(US_EO_14110_REPORTING.operations().to_string(), "100 YFLOP");
/// assert_eq!(US_EO_14110_REPORTING.revoked_by(), Some("Executive Order 14148, section 2(ggg)"));
/// ```
pub const US_EO_14110_REPORTING: Threshold = Threshold {
    name: "US Executive Order 14110",
    provision: "section 4.2(b)(i)",
    words: "any model that was trained using a quantity of computing power greater than 10^26 integer or floating-point operations, or using primarily biological sequence data and using a quantity of computing power greater than 10^23 integer or floating-point operations",
    url: "https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence",
    flop: 1e26,
    revoked: Some(EO_14148_DATE),
    revoked_by: Some("Executive Order 14148, section 2(ggg)"),
};

impl Threshold {
    /// The amount of work (FLOP) the threshold is set at.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::US_EO_14110_REPORTING;
    /// assert_eq!(US_EO_14110_REPORTING.operations().base_value(), 1e26);
    /// ```
    pub fn operations(&self) -> Operations {
        // The values are the literals above, checked by a test to be finite and positive: the
        // fallback is never taken.
        Operations::from_base(self.flop).unwrap_or(Operations::ZERO)
    }

    /// Whether `work` (FLOP) is over the threshold: strictly greater, as both instruments
    /// say.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::US_EO_14110_REPORTING;
    /// assert!(!US_EO_14110_REPORTING.exceeded_by("3.8e25 FLOP".parse()?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn exceeded_by(&self, work: Operations) -> bool {
        work > self.operations()
    }

    /// The instrument's short name ("EU AI Act").
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::EU_AI_ACT_SYSTEMIC_RISK;
    /// assert_eq!(EU_AI_ACT_SYSTEMIC_RISK.name(), "EU AI Act");
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The article or section ("Article 51(2)").
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::US_EO_14110_REPORTING;
    /// assert_eq!(US_EO_14110_REPORTING.provision(), "section 4.2(b)(i)");
    /// ```
    pub fn provision(&self) -> &'static str {
        self.provision
    }

    /// The provision's exact words (exponents written `10^25`).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::EU_AI_ACT_SYSTEMIC_RISK;
    /// assert!(EU_AI_ACT_SYSTEMIC_RISK.words().ends_with("measured in floating point operations is greater than 10^25."));
    /// ```
    pub fn words(&self) -> &'static str {
        self.words
    }

    /// Where to read the instrument.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::EU_AI_ACT_SYSTEMIC_RISK;
    /// assert!(EU_AI_ACT_SYSTEMIC_RISK.url().starts_with("https://eur-lex.europa.eu/"));
    /// ```
    pub fn url(&self) -> &'static str {
        self.url
    }

    /// The day the provision was revoked; `None` while it is in force.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::US_EO_14110_REPORTING;
    /// assert_eq!(US_EO_14110_REPORTING.revoked().unwrap().to_string(), "2025-01-20");
    /// ```
    pub fn revoked(&self) -> Option<NaiveDate> {
        self.revoked
    }

    /// What revoked it; `None` while it is in force.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::EU_AI_ACT_SYSTEMIC_RISK;
    /// assert_eq!(EU_AI_ACT_SYSTEMIC_RISK.revoked_by(), None);
    /// ```
    pub fn revoked_by(&self) -> Option<&'static str> {
        self.revoked_by
    }
}

/// "EU AI Act, Article 51(2): more than 1e25 FLOP", with "(revoked 2025-01-20)" after a
/// revoked one.
impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}: more than {:e} FLOP",
            self.name, self.provision, self.flop
        )?;
        match self.revoked {
            Some(day) => write!(f, " (revoked {day})"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_valid_operations() {
        for t in [EU_AI_ACT_SYSTEMIC_RISK, US_EO_14110_REPORTING] {
            assert_eq!(Operations::from_base(t.flop).unwrap(), t.operations());
            assert!(t.operations() > Operations::ZERO);
        }
    }

    #[test]
    fn shifting_the_point() {
        assert_eq!(shift_point("40", -2).as_deref(), Some("0.4"));
        assert_eq!(shift_point("0.07", 2).as_deref(), Some("7"));
        assert_eq!(shift_point("12.5", -2).as_deref(), Some("0.125"));
        assert_eq!(shift_point("1e3", -2), None);
        assert_eq!(shift_point("-4", -2), None);
    }

    #[test]
    fn scientific_notation() {
        let w = |x: f64| Operations::from_base(x).unwrap();
        assert_eq!(scientific(w(3.0773952e25)), "3.08e25");
        assert_eq!(scientific(w(1e21)), "1e21");
        assert_eq!(scientific(w(0.0)), "0");
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped_one_decimal(1234.56), "1,234.6");
        assert_eq!(grouped_one_decimal(29.24), "29.2");
        assert_eq!(grouped_one_decimal(1_234_567.0), "1,234,567.0");
    }
}
