//! Estimates that keep their bounds: "more than 3,000 exaflops", "hundreds of GPUs",
//! "up to 10,000", "about 40 MW".
//!
//! An [`Estimate<T>`] holds an [`Amount`] (a count or any quantity) with the kind of bound the
//! source gave, and the source phrase when it came from one.
//!
//! # Bounds and central values
//!
//! | kind | written | lower | upper | central |
//! | --- | --- | --- | --- | --- |
//! | [`Exact`](EstimateKind::Exact) `v` | `14,000 GPUs` | `v` | `v` | `v` |
//! | [`AtLeast`](EstimateKind::AtLeast) `v` | `≥ 3 ZFLOP/s` | `v` | unbounded | `v` (the only figure given) |
//! | [`AtMost`](EstimateKind::AtMost) `v` | `≤ 10,000 GPUs` | zero | `v` | `v` ("up to" is the plan) |
//! | [`Range`](EstimateKind::Range) `a, b` | `100–999 GPUs` | `a` | `b` | midpoint, rounded down for counts |
//! | [`Approximately`](EstimateKind::Approximately) `v, t` | `≈ 40 MW` | `v·(1−t)` | `v·(1+t)` | `v` |
//! | [`Unknown`](EstimateKind::Unknown) | `unknown` | — | — | — |
//!
//! For whole-number amounts, lower bounds round down and upper bounds up. "More than N" is
//! read as the inclusive bound `≥ N`: the sources never say by how much.
//!
//! # Sums
//!
//! A [`Total`] adds estimates: its lower bound is the sum of the lower bounds, its upper bound
//! is unbounded as soon as one part is, and an unknown part is never summed as zero: the total
//! counts it, keeps the known parts' lower bound (amounts are non-negative, so it still holds)
//! and makes the upper bound unbounded.
//!
//! # Phrases
//!
//! [`Estimate::parse`] reads the phrasings of announcements. Each maps to one kind:
//!
//! | phrase | kind |
//! | --- | --- |
//! | `N`, `N unit` | exact |
//! | `more than N`, `over N`, `above N`, `at least N`, `in excess of N`, `upwards of N`, `N+`, `N or more`, `≥ N`, `> N` | at least `N` |
//! | `up to N`, `at most N`, `no more than N`, `not more than N`, `as many as N`, `less than N`, `fewer than N`, `under N`, `below N`, `≤ N`, `< N` | at most `N` |
//! | `about N`, `around N`, `approximately N`, `approx. N`, `roughly N`, `nearly N`, `almost N`, `some N`, `circa N`, `~N`, `≈ N` | approximately `N`, tolerance 10% |
//! | `N ±P%` | approximately `N`, tolerance `P`% |
//! | `N-M unit`, `N–M unit`, `N to M unit`, `between N and M unit` | range |
//! | `dozens of` / `hundreds of` / `thousands of` / `tens of thousands of` / `hundreds of thousands of` / `millions of` `unit` | range 24–99 / 100–999 / 1,000–9,999 / 10,000–99,999 / 100,000–999,999 / 1,000,000–9,999,999 |
//! | `unknown`, `undisclosed`, `not disclosed`, `not stated`, `n/a` | unknown |
//!
//! Anything else is an [`Error::UnreadablePhrase`], never a guess.
//!
//! White space around a phrase is trimmed and runs of spaces between words (including no-break
//! spaces) count as one. Every other character is read: a control or format character (NUL, a
//! tab between words, a zero-width space) or one outside ASCII letters, digits and
//! `. , + - / ≥ ≤ ≈ ~ > < = ± % – —` (`"about 40 MW!!!"`) is an
//! [`Error::UnexpectedCharacter`] naming it and its position in the phrase. A non-zero value or
//! tolerance that would round to zero in `f64` is an error too.
//!
//! ```
//! use sovereign_compute::estimate::Estimate;
//! use sovereign_compute::units::{AcceleratorCount, ComputeRate};
//!
//! let headline: Estimate<ComputeRate> = Estimate::parse("more than 3,000 exaflops")?;
//! assert_eq!(headline.to_string(), "≥ 3 ZFLOP/s");
//! assert_eq!(headline.phrase(), Some("more than 3,000 exaflops"));
//!
//! let edge: Estimate<AcceleratorCount> = Estimate::parse("hundreds of GPUs")?;
//! assert_eq!(edge.to_string(), "100–999 GPUs");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

mod amount;
mod phrase;
mod total;
#[cfg(feature = "serde")]
mod wire;

use std::cmp::Ordering;
use std::fmt;

pub use amount::{Amount, Rounding};
pub use total::Total;

use crate::{Error, Result};

/// The tolerance of "about N" and its synonyms: ±10%.
pub const DEFAULT_TOLERANCE: f64 = 0.1;

/// The kind of bound a source gave, with its values.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::{Estimate, EstimateKind};
/// let e: Estimate<u64> = Estimate::parse("up to 10,000")?;
/// assert_eq!(e.kind(), &EstimateKind::AtMost(10_000));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum EstimateKind<T> {
    /// Exactly this value.
    Exact(T),
    /// This value or more; no upper bound.
    AtLeast(T),
    /// Between zero and this value.
    AtMost(T),
    /// Between `low` and `high`, inclusive.
    Range {
        /// The lower end.
        low: T,
        /// The upper end, never below `low`.
        high: T,
    },
    /// `value`, give or take `tolerance` (a fraction of it, from 0 up to but excluding 1).
    Approximately {
        /// The stated value.
        value: T,
        /// The relative tolerance: 0.1 is ±10%.
        tolerance: f64,
    },
    /// No figure was given.
    Unknown,
}

impl<T> EstimateKind<T> {
    /// The kind's name as the JSON form writes it in `"kind"`: `exact`, `at-least`,
    /// `at-most`, `range`, `approximately` or `unknown`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let e: Estimate<u64> = Estimate::parse("more than 3,000")?;
    /// assert_eq!(e.kind().name(), "at-least");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            EstimateKind::Exact(_) => "exact",
            EstimateKind::AtLeast(_) => "at-least",
            EstimateKind::AtMost(_) => "at-most",
            EstimateKind::Range { .. } => "range",
            EstimateKind::Approximately { .. } => "approximately",
            EstimateKind::Unknown => "unknown",
        }
    }
}

/// Lower and upper bounds of a known estimate or total.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// let b = Estimate::parse("more than 3,000")?.bounds().unwrap();
/// assert_eq!((b.lower, b.upper), (3_000u64, None));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds<T> {
    /// The lower bound.
    pub lower: T,
    /// The upper bound; `None` when unbounded.
    pub upper: Option<T>,
}

impl<T: Amount> Bounds<T> {
    /// Whether `value` lies within the bounds.
    ///
    /// # Errors
    /// Incompatible tags (an FP8 value against FP4 bounds).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let b = Estimate::parse("100-200")?.bounds().unwrap();
    /// assert!(b.contains(&150u64)?);
    /// assert!(!b.contains(&201u64)?);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn contains(&self, value: &T) -> Result<bool> {
        let above = self.lower.try_cmp(value)? != Ordering::Greater;
        let below = match &self.upper {
            Some(u) => value.try_cmp(u)? != Ordering::Greater,
            None => true,
        };
        Ok(above && below)
    }
}

/// An amount with the kind of bound its source gave and, when it came from one, the phrase.
///
/// See the [module docs](self) for the semantics of each kind.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::units::Power;
///
/// let site: Estimate<Power> = Estimate::parse("about 40 MW")?;
/// let b = site.bounds().unwrap();
/// assert_eq!(b.lower.to_string(), "36 MW");
/// assert_eq!(b.upper.unwrap().to_string(), "44 MW");
/// assert_eq!(site.central().unwrap().to_string(), "40 MW");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate<T> {
    kind: EstimateKind<T>,
    phrase: Option<String>,
}

impl<T: Amount> Estimate<T> {
    /// Exactly `value`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert_eq!(Estimate::exact(8u64).central(), Some(8));
    /// ```
    pub fn exact(value: T) -> Self {
        Self::unchecked(EstimateKind::Exact(value))
    }

    /// `value` or more.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert_eq!(Estimate::at_least(3u64).bounds().unwrap().upper, None);
    /// ```
    pub fn at_least(value: T) -> Self {
        Self::unchecked(EstimateKind::AtLeast(value))
    }

    /// Zero to `value`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert_eq!(Estimate::at_most(10u64).bounds().unwrap().lower, 0);
    /// ```
    pub fn at_most(value: T) -> Self {
        Self::unchecked(EstimateKind::AtMost(value))
    }

    /// From `low` to `high`, inclusive.
    ///
    /// # Errors
    /// [`Error::InvalidEstimate`] when `low > high`; the amounts' own error when they are
    /// incompatible (different formats or counting units).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert!(Estimate::range(10u64, 20).is_ok());
    /// assert!(Estimate::range(20u64, 10).is_err());
    /// ```
    pub fn range(low: T, high: T) -> Result<Self> {
        if low.try_cmp(&high)? == Ordering::Greater {
            return Err(Error::InvalidEstimate {
                reason: format!("range low end {low} is above its high end {high}"),
            });
        }
        Ok(Self::unchecked(EstimateKind::Range { low, high }))
    }

    /// `value` give or take `tolerance`, a fraction from 0 up to but excluding 1.
    ///
    /// # Errors
    /// [`Error::InvalidEstimate`] for a tolerance that is not finite or not in `[0, 1)`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let e = Estimate::approximately(100u64, 0.05)?;
    /// assert_eq!(e.bounds().unwrap().upper, Some(105));
    /// assert!(Estimate::approximately(100u64, 1.5).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn approximately(value: T, tolerance: f64) -> Result<Self> {
        if !(0.0..1.0).contains(&tolerance) {
            return Err(Error::InvalidEstimate {
                reason: format!(
                    "tolerance {tolerance} must be a fraction from 0 up to 1, e.g. 0.1 for ±10%"
                ),
            });
        }
        Ok(Self::unchecked(EstimateKind::Approximately {
            value,
            tolerance,
        }))
    }

    /// No figure.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert!(Estimate::<u64>::unknown().is_unknown());
    /// ```
    pub fn unknown() -> Self {
        Self::unchecked(EstimateKind::Unknown)
    }

    /// An estimate of any kind, checked like the named constructors.
    ///
    /// # Errors
    /// As [`range`](Self::range) and [`approximately`](Self::approximately).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, EstimateKind};
    /// let e = Estimate::from_kind(EstimateKind::AtLeast(5u64))?;
    /// assert_eq!(e.to_string(), "≥ 5");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_kind(kind: EstimateKind<T>) -> Result<Self> {
        match kind {
            EstimateKind::Range { low, high } => Self::range(low, high),
            EstimateKind::Approximately { value, tolerance } => {
                Self::approximately(value, tolerance)
            }
            other => Ok(Self::unchecked(other)),
        }
    }

    fn unchecked(kind: EstimateKind<T>) -> Self {
        Self { kind, phrase: None }
    }

    /// Keeps the source phrase with the estimate ("more than 3,000").
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let e = Estimate::at_least(3_000u64).with_phrase("more than 3,000");
    /// assert_eq!(e.phrase(), Some("more than 3,000"));
    /// ```
    pub fn with_phrase(mut self, phrase: impl Into<String>) -> Self {
        self.phrase = Some(phrase.into());
        self
    }

    /// The kind of bound and its values.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, EstimateKind};
    /// assert_eq!(Estimate::exact(1u64).kind(), &EstimateKind::Exact(1));
    /// ```
    pub fn kind(&self) -> &EstimateKind<T> {
        &self.kind
    }

    /// The phrase the estimate was read from, if any.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert_eq!(Estimate::<u64>::parse("up to 10,000")?.phrase(), Some("up to 10,000"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn phrase(&self) -> Option<&str> {
        self.phrase.as_deref()
    }

    /// Whether no figure was given.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert!(!Estimate::exact(1u64).is_unknown());
    /// ```
    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, EstimateKind::Unknown)
    }

    /// Lower and upper bounds; `None` for an unknown estimate. See the module docs' table.
    ///
    /// The upper bound of "approximately" a value so large that `v·(1+t)` overflows is
    /// unbounded (`None`), which is what it honestly is.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let b = Estimate::parse("between 10 and 20")?.bounds().unwrap();
    /// assert_eq!((b.lower, b.upper), (10u64, Some(20)));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn bounds(&self) -> Option<Bounds<T>> {
        match self.kind {
            EstimateKind::Exact(v) => Some(Bounds {
                lower: v,
                upper: Some(v),
            }),
            EstimateKind::AtLeast(v) => Some(Bounds {
                lower: v,
                upper: None,
            }),
            EstimateKind::AtMost(v) => Some(Bounds {
                lower: v.zero_like(),
                upper: Some(v),
            }),
            EstimateKind::Range { low, high } => Some(Bounds {
                lower: low,
                upper: Some(high),
            }),
            EstimateKind::Approximately { value, tolerance } => {
                // A tolerance in [0, 1) keeps both factors finite and non-negative; the upper
                // one can still overflow a huge value, which is then honestly unbounded.
                let lower = value
                    .try_scale(1.0 - tolerance, Rounding::Down)
                    .unwrap_or_else(|_| value.zero_like());
                let upper = value.try_scale(1.0 + tolerance, Rounding::Up).ok();
                Some(Bounds { lower, upper })
            }
            EstimateKind::Unknown => None,
        }
    }

    /// The central value; `None` for an unknown estimate. See the module docs' table.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// assert_eq!(Estimate::parse("100-200")?.central(), Some(150u64));
    /// assert_eq!(Estimate::parse("more than 3,000")?.central(), Some(3_000u64));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<T> {
        match self.kind {
            EstimateKind::Exact(v)
            | EstimateKind::AtLeast(v)
            | EstimateKind::AtMost(v)
            | EstimateKind::Approximately { value: v, .. } => Some(v),
            EstimateKind::Range { low, high } => Some(midpoint(low, high)),
            EstimateKind::Unknown => None,
        }
    }

    /// Applies `f` to every value the estimate holds, keeping its kind and phrase: how a count
    /// becomes compute ("hundreds of H100" × per-GPU peak).
    ///
    /// `f` must be monotone non-decreasing and map zero to zero (as scaling by a non-negative
    /// factor does); otherwise the bounds would not carry over.
    ///
    /// # Errors
    /// The first error `f` returns.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::units::{AcceleratorCount, ComputeFigure};
    ///
    /// let gpus: Estimate<AcceleratorCount> = Estimate::parse("hundreds of H100 GPUs")?;
    /// let per_gpu: ComputeFigure = "1,979 TFLOP/s FP8 sparse".parse()?;
    /// let compute = gpus.try_map(|n| per_gpu.checked_scale(n.count() as f64))?;
    /// let b = compute.bounds().unwrap();
    /// assert_eq!(b.lower.to_string(), "197.9 PFLOP/s FP8 sparse peak");
    /// assert_eq!(b.upper.unwrap().to_string(), "1.977021 EFLOP/s FP8 sparse peak");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn try_map<U: Amount>(&self, mut f: impl FnMut(T) -> Result<U>) -> Result<Estimate<U>> {
        let kind = match self.kind {
            EstimateKind::Exact(v) => EstimateKind::Exact(f(v)?),
            EstimateKind::AtLeast(v) => EstimateKind::AtLeast(f(v)?),
            EstimateKind::AtMost(v) => EstimateKind::AtMost(f(v)?),
            EstimateKind::Range { low, high } => EstimateKind::Range {
                low: f(low)?,
                high: f(high)?,
            },
            EstimateKind::Approximately { value, tolerance } => EstimateKind::Approximately {
                value: f(value)?,
                tolerance,
            },
            EstimateKind::Unknown => EstimateKind::Unknown,
        };
        Ok(Estimate {
            kind,
            phrase: self.phrase.clone(),
        })
    }

    /// Multiplies every value by an exact, non-negative factor, rounding whole-number bounds
    /// outwards.
    ///
    /// # Errors
    /// An invalid factor or overflow.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// let racks: Estimate<u64> = Estimate::parse("up to 250")?;
    /// assert_eq!(racks.checked_scale(72.0)?.to_string(), "≤ 18,000");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn checked_scale(&self, factor: f64) -> Result<Self> {
        let kind = match self.kind {
            EstimateKind::Range { low, high } => EstimateKind::Range {
                low: low.try_scale(factor, Rounding::Down)?,
                high: high.try_scale(factor, Rounding::Up)?,
            },
            _ => return self.try_map(|v| v.try_scale(factor, Rounding::Down)),
        };
        Ok(Estimate {
            kind,
            phrase: self.phrase.clone(),
        })
    }

    /// Reads an announcement's phrase; see the [module docs](self) for the phrasings and
    /// what each maps to. The phrase is kept.
    ///
    /// # Errors
    /// [`Error::UnexpectedCharacter`] for a character no phrasing has (see the
    /// [module docs](self#phrases)); [`Error::UnreadablePhrase`] naming the phrase and why it
    /// could not be read.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, EstimateKind};
    /// use sovereign_compute::units::AcceleratorCount;
    ///
    /// let uk: Estimate<AcceleratorCount> = Estimate::parse("14,000 Blackwell GPUs")?;
    /// assert_eq!(uk.kind(), &EstimateKind::Exact(AcceleratorCount::gpus(14_000)));
    /// assert!(Estimate::<u64>::parse("a lot").is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parse(phrase: &str) -> Result<Self> {
        phrase::parse(phrase).map(|kind| Estimate {
            kind,
            phrase: Some(phrase.trim().to_owned()),
        })
    }
}

/// One part of a sum: its bounds and central value, or `None` when unknown. The crate's
/// derivations (a hardware line's GPUs, its compute) produce parts, which totals add up.
pub(crate) type Part<T> = Option<(Bounds<T>, T)>;

/// An estimate as a part.
pub(crate) fn part_of<T: Amount>(estimate: &Estimate<T>) -> Part<T> {
    estimate.bounds().zip(estimate.central())
}

/// Applies `f` to the bounds and central value of a part.
///
/// # Errors
/// The first error of `f`.
pub(crate) fn map_part<T, U>(part: Part<T>, mut f: impl FnMut(T) -> Result<U>) -> Result<Part<U>> {
    let Some((bounds, central)) = part else {
        return Ok(None);
    };
    let lower = f(bounds.lower)?;
    let upper = bounds.upper.map(&mut f).transpose()?;
    Ok(Some((Bounds { lower, upper }, f(central)?)))
}

fn midpoint<T: Amount>(low: T, high: T) -> T {
    if let Some(m) = low.whole_midpoint(&high) {
        return m;
    }
    // (low + high) / 2 can overflow where the midpoint itself would not; fall back to
    // low + (high - low) / 2 computed through halves.
    low.try_add(high)
        .and_then(|s| s.try_scale(0.5, Rounding::Down))
        .or_else(|_| {
            low.try_scale(0.5, Rounding::Down)
                .and_then(|a| a.try_add(high.try_scale(0.5, Rounding::Down)?))
        })
        .unwrap_or(low)
}

/// Writes `a–b unit` when both ends share their unit, `a unit–b unit` otherwise.
fn write_range<T: fmt::Display>(f: &mut fmt::Formatter<'_>, low: &T, high: &T) -> fmt::Result {
    let (l, h) = (low.to_string(), high.to_string());
    match (l.split_once(' '), h.split_once(' ')) {
        (Some((ln, lu)), Some((_, hu))) if lu == hu => write!(f, "{ln}–{h}"),
        _ => write!(f, "{l}–{h}"),
    }
}

/// "14,000 GPUs", "≥ 3 ZFLOP/s", "≤ 10,000", "100–999 GPUs", "≈ 40 MW", "40 MW ±5%",
/// "unknown". Parsing the output gives the same kind and values back.
impl<T: Amount> fmt::Display for Estimate<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            EstimateKind::Exact(v) => write!(f, "{}", Grouped(v)),
            EstimateKind::AtLeast(v) => write!(f, "≥ {}", Grouped(v)),
            EstimateKind::AtMost(v) => write!(f, "≤ {}", Grouped(v)),
            EstimateKind::Range { low, high } => write_range(f, &Grouped(low), &Grouped(high)),
            EstimateKind::Approximately { value, tolerance } if *tolerance == DEFAULT_TOLERANCE => {
                write!(f, "≈ {}", Grouped(value))
            }
            EstimateKind::Approximately { value, tolerance } => {
                write!(f, "{} ±{}%", Grouped(value), percent(*tolerance))
            }
            EstimateKind::Unknown => f.write_str("unknown"),
        }
    }
}

/// A tolerance as a percentage: the shortest decimal of the fraction with its point moved two
/// places, so that parsing (which moves it back in the text) gives the same `f64`. Multiplying
/// by 100 and dividing again could change the last bit.
fn percent(tolerance: f64) -> String {
    shift_point(&format!("{tolerance}"), 2).unwrap_or_else(|| format!("{}", tolerance * 100.0))
}

/// Moves the decimal point of a plain decimal string (`"0.25"`) by `places` (positive to the
/// right); `None` when the text is not digits with at most one point.
pub(crate) fn shift_point(text: &str, places: i32) -> Option<String> {
    let mut out = String::new();
    write_shifted(text, places, &mut out).then_some(out)
}

/// [`shift_point`] written at the end of `out`, without allocating: `false` (and `out`
/// unchanged) when the text is not digits with at most one point, or when the point would move
/// more than 400 places (no `f64` needs more).
pub(crate) fn write_shifted(text: &str, places: i32, out: &mut String) -> bool {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        || places.unsigned_abs() > 400
    {
        return false;
    }
    // The digits `int ++ frac`, with zeros on either side; the point falls before `point`.
    let n = (int.len() + frac.len()) as i64;
    let digit = |i: i64| -> char {
        let i = usize::try_from(i).unwrap_or(usize::MAX);
        let b = if i < int.len() {
            int.as_bytes().get(i)
        } else {
            frac.as_bytes().get(i.saturating_sub(int.len()))
        };
        b.map_or('0', |&b| char::from(b))
    };
    let point = int.len() as i64 + i64::from(places);
    // The integer part without leading zeros ("0" when nothing is left), then the fraction
    // without trailing zeros.
    let first = (0..point).find(|&i| digit(i) != '0');
    match first {
        Some(first) => (first..point).for_each(|i| out.push(digit(i))),
        None => out.push('0'),
    }
    if let Some(last) = (point..n).rev().find(|&i| digit(i) != '0') {
        out.push('.');
        (point..=last).for_each(|i| out.push(digit(i)));
    }
    true
}

/// Displays plain counts with thousands separators, everything else as it displays itself.
struct Grouped<'a, T>(&'a T);

impl<T: Amount> fmt::Display for Grouped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.to_string();
        if s.bytes().all(|b| b.is_ascii_digit()) {
            // A bare `u64`: group its digits like counts elsewhere.
            match s.parse::<u64>() {
                Ok(n) => crate::units::write_grouped(f, n),
                Err(_) => f.write_str(&s),
            }
        } else {
            f.write_str(&s)
        }
    }
}

#[cfg(test)]
mod shift_tests {
    use super::shift_point;

    #[test]
    fn the_point_moves_and_zeros_go() {
        let cases = [
            ("0.25", 2, Some("25")),
            ("40", -2, Some("0.4")),
            ("12.5", -2, Some("0.125")),
            ("1.5", 21, Some("1500000000000000000000")),
            ("1.25", -3, Some("0.00125")),
            ("000", 0, Some("0")),
            ("0.000", 5, Some("0")),
            ("5.", 1, Some("50")),
            (".5", 0, Some("0.5")),
            ("007.100", 0, Some("7.1")),
            ("1", 400, Some(&*format!("1{}", "0".repeat(400)))),
            ("1", 401, None),
            ("", 1, None),
            (".", 1, None),
            ("1e3", -2, None),
            ("-4", -2, None),
            ("1.2.3", 0, None),
        ];
        for (text, places, expected) in cases {
            assert_eq!(
                shift_point(text, places).as_deref(),
                expected,
                "{text} by {places}"
            );
        }
    }

    #[test]
    fn shortest_digits_in_scientific_notation_read_back_in_plain_decimals() {
        for x in [1e21, 1.5e-7, 9.899e17, 2.5e300, 4.9e-324, 123_456_789e10] {
            let text = format!("{x:e}");
            let (mantissa, exp) = text.split_once('e').unwrap();
            let plain = shift_point(mantissa, exp.parse().unwrap()).unwrap();
            assert_eq!(plain.parse::<f64>().unwrap(), x, "{text} -> {plain}");
        }
    }
}
