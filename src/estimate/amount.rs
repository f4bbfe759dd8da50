//! What an estimate can hold: counts and quantities, through the [`Amount`] trait.

use std::cmp::Ordering;
use std::fmt;

use crate::text::check_text;
use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeRate, CountingUnit, Energy, EnergyEfficiency,
    Frequency, Operations, Power, Time,
};
use crate::units::{is_quantity_char, missing_unit, not_a_count, parse_whole, split_number};
use crate::{Error, Result};

/// Which way to round when scaling a whole-number amount by a fraction.
///
/// Lower bounds round down and upper bounds round up, so that a scaled interval always
/// contains the exact one.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::{Amount, Rounding};
/// assert_eq!(10u64.try_scale(0.95, Rounding::Down)?, 9);
/// assert_eq!(10u64.try_scale(1.05, Rounding::Up)?, 11);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Towards zero (for lower bounds).
    Down,
    /// Away from zero (for upper bounds).
    Up,
}

/// A non-negative amount an [`Estimate`](super::Estimate) can bound: a plain count, an
/// [`AcceleratorCount`], or any quantity of [`crate::units`].
///
/// Amounts of one type may still be incompatible (FP4 and FP64 figures, GPUs and racks); the
/// trait's operations return an error for those rather than guessing.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Amount;
/// use sovereign_compute::units::Power;
///
/// let a: Power = "40 MW".parse()?;
/// assert_eq!(a.try_add(a)?.to_string(), "80 MW");
/// assert_eq!(Power::parse_amount("1.2 MW")?.to_string(), "1.2 MW");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub trait Amount: Copy + PartialEq + fmt::Debug + fmt::Display {
    /// Zero, with the same tags (format, counting unit) as `self`.
    fn zero_like(&self) -> Self;

    /// The sum of two compatible amounts.
    ///
    /// # Errors
    /// Incompatible tags, or overflow.
    fn try_add(self, rhs: Self) -> Result<Self>;

    /// `self × factor` for a finite, non-negative factor, rounded as asked for whole numbers.
    ///
    /// # Errors
    /// An invalid factor, or overflow.
    fn try_scale(self, factor: f64, rounding: Rounding) -> Result<Self>;

    /// Compares two compatible amounts.
    ///
    /// # Errors
    /// Incompatible tags.
    fn try_cmp(&self, other: &Self) -> Result<Ordering>;

    /// Reads an amount from the words that follow a qualifier ("3,000 exaflops",
    /// "14,000 Blackwell GPUs").
    ///
    /// # Errors
    /// Whatever the type's parser reports.
    fn parse_amount(s: &str) -> Result<Self>;

    /// The amount as an `f64` in its base unit, for shares and tolerances.
    fn to_f64(&self) -> f64;

    /// The exact midpoint, rounded down, for whole-number amounts; `None` (the default) for
    /// quantities, whose midpoint is computed in `f64`.
    fn whole_midpoint(&self, _other: &Self) -> Option<Self> {
        None
    }
}

fn scale_u64(v: u64, factor: f64, rounding: Rounding) -> Result<u64> {
    if !factor.is_finite() || factor < 0.0 {
        return Err(Error::InvalidValue {
            quantity: "scale factor",
            value: factor,
            reason: "must be finite and non-negative",
        });
    }
    // Counts up to 2^53 are exact in f64: scale there. The factor was written in decimal
    // (1.1 for ±10%) and its binary value is off by half an ulp, so a product within a few
    // ulps of a whole number is that number: 1.1 × 100,000 is 110,000, not the 110,001 that
    // rounding 110,000.00000000001 up would give.
    if v <= 1 << 53 {
        let x = v as f64 * factor;
        let whole = x.round();
        let x = if (x - whole).abs() <= 4.0 * f64::EPSILON * x {
            whole
        } else {
            match rounding {
                Rounding::Down => x.floor(),
                Rounding::Up => x.ceil(),
            }
        };
        // 2^64 is exact in f64; below it the cast of a whole number is exact.
        return if x < u64::MAX as f64 {
            Ok(x as u64)
        } else {
            Err(Error::Overflow {
                quantity: "count",
                operation: "scaling",
            })
        };
    }
    // Above 2^53, f64 would round the count itself, and a lower bound could exceed the exact
    // one. A finite f64 is m × 2^e with an integer m < 2^53, so v × m fits a u128 and the
    // shift by e rounds once, the way the bound asks.
    let bits = factor.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let product = u128::from(v) * u128::from(mantissa);
    let round_up = rounding == Rounding::Up;
    let scaled = if exp >= 0 {
        product
            .checked_shl(exp.unsigned_abs())
            .filter(|p| p >> exp.unsigned_abs() == product)
    } else if exp.unsigned_abs() >= 128 {
        Some(u128::from(round_up && product > 0))
    } else {
        let shift = exp.unsigned_abs();
        let rest = product & ((1u128 << shift) - 1);
        Some((product >> shift) + u128::from(round_up && rest > 0))
    };
    scaled
        .and_then(|x| u64::try_from(x).ok())
        .ok_or(Error::Overflow {
            quantity: "count",
            operation: "scaling",
        })
}

/// Scale words that may follow a count: "2 million GPUs" is 2,000,000 GPUs.
const SCALES: [(&str, u64); 6] = [
    ("thousand", 1_000),
    ("k", 1_000),
    ("million", 1_000_000),
    ("mn", 1_000_000),
    ("billion", 1_000_000_000),
    ("bn", 1_000_000_000),
];

/// Words after a count that would change what it means: reading past them would drop a
/// number or an alternative ("5 or 6 GPUs", "10 to 20").
const JOINERS: [&str; 5] = ["or", "and", "to", "of", "per"];

fn words_error(input: &str, what: &str) -> Error {
    Error::InvalidNumber {
        input: input.to_owned(),
        reason: format!(
            "{what}: write one whole number, an optional scale word (thousand, million, billion, k, bn) and descriptive words, e.g. \"14,000 Blackwell GPUs\""
        ),
    }
}

/// Reads a whole count, an optional scale word, and the descriptive words after it
/// ("14,000 Blackwell GPUs" is 14,000 and ["Blackwell", "GPUs"]). The count is exact (no
/// rounding through `f64`); another number or a joiner such as "or" and "to" is an error,
/// since skipping it would change the count.
fn count_and_words(s: &str) -> Result<(u64, Vec<&str>)> {
    let trimmed = check_text(
        s,
        is_quantity_char,
        "a whole number and descriptive words, such as \"14,000 Blackwell GPUs\"",
    )?;
    let (_, rest) = split_number(trimmed)?;
    let number = trimmed[..trimmed.len() - rest.len()].trim_end();
    let mut n = parse_whole(number).ok_or_else(|| not_a_count(s, number))?;
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    // "10k GPUs": a scale letter glued to the number arrives as the first word.
    if let Some(&(_, factor)) = words
        .first()
        .and_then(|w| SCALES.iter().find(|(name, _)| w.eq_ignore_ascii_case(name)))
    {
        n = n.checked_mul(factor).ok_or(Error::Overflow {
            quantity: "count",
            operation: "scaling",
        })?;
        words.remove(0);
    }
    if let Some(bad) = words.iter().find(|w| {
        // A word that is itself a number ("72", ".5"); model names like "H100" are fine.
        w.trim_start_matches(|c: char| c.is_ascii_punctuation())
            .starts_with(|c: char| c.is_ascii_digit())
            || JOINERS.iter().any(|j| w.eq_ignore_ascii_case(j))
            || SCALES.iter().any(|(name, _)| w.eq_ignore_ascii_case(name))
    }) {
        return Err(words_error(
            s,
            &format!("the word {bad:?} after the count would change it"),
        ));
    }
    Ok((n, words))
}

/// A plain number of things; `parse_amount` reads the leading whole number and ignores the
/// descriptive words after it ("14,000 Blackwell GPUs" is 14,000). Those words are still read
/// character by character: ASCII letters, digits, spaces and `. , + - /` only, so
/// `"14,000 GPUs!!!"` or a zero-width space is an
/// [`Error::UnexpectedCharacter`](crate::Error::UnexpectedCharacter).
impl Amount for u64 {
    fn zero_like(&self) -> Self {
        0
    }

    fn try_add(self, rhs: Self) -> Result<Self> {
        self.checked_add(rhs).ok_or(Error::Overflow {
            quantity: "count",
            operation: "addition",
        })
    }

    fn try_scale(self, factor: f64, rounding: Rounding) -> Result<Self> {
        scale_u64(self, factor, rounding)
    }

    fn try_cmp(&self, other: &Self) -> Result<Ordering> {
        Ok(self.cmp(other))
    }

    fn parse_amount(s: &str) -> Result<Self> {
        count_and_words(s).map(|(n, _)| n)
    }

    fn to_f64(&self) -> f64 {
        *self as f64
    }

    fn whole_midpoint(&self, other: &Self) -> Option<Self> {
        let (lo, hi) = ((*self).min(*other), (*self).max(*other));
        Some(lo + (hi - lo) / 2)
    }
}

/// A count with its unit; `parse_amount` reads a whole number, then words, the last of which
/// is the counting unit: "14,000 Blackwell GPUs" is 14,000 GPUs.
impl Amount for AcceleratorCount {
    fn zero_like(&self) -> Self {
        AcceleratorCount::new(0, self.unit())
    }

    fn try_add(self, rhs: Self) -> Result<Self> {
        self.checked_add(rhs)
    }

    fn try_scale(self, factor: f64, rounding: Rounding) -> Result<Self> {
        Ok(AcceleratorCount::new(
            scale_u64(self.count(), factor, rounding)?,
            self.unit(),
        ))
    }

    fn try_cmp(&self, other: &Self) -> Result<Ordering> {
        if self.unit() == other.unit() {
            Ok(self.count().cmp(&other.count()))
        } else {
            Err(Error::CountUnitMismatch {
                left: self.unit(),
                right: other.unit(),
            })
        }
    }

    fn parse_amount(s: &str) -> Result<Self> {
        let (n, words) = count_and_words(s)?;
        let Some(&last) = words.last() else {
            return Err(missing_unit(s, Some(n)));
        };
        let unit: CountingUnit = last.parse()?;
        // "250 racks of 72 GPUs": a second counting unit means the words say more than one
        // count, which this reading would silently drop.
        if let Some(other) = words[..words.len().saturating_sub(1)]
            .iter()
            .find(|w| w.parse::<CountingUnit>().is_ok())
        {
            return Err(words_error(
                s,
                &format!("two counting units, {other:?} and {unit}"),
            ));
        }
        Ok(AcceleratorCount::new(n, unit))
    }

    fn to_f64(&self) -> f64 {
        self.count() as f64
    }

    fn whole_midpoint(&self, other: &Self) -> Option<Self> {
        (self.unit() == other.unit())
            .then(|| self.count().whole_midpoint(&other.count()))
            .flatten()
            .map(|n| AcceleratorCount::new(n, self.unit()))
    }
}

macro_rules! quantity_amount {
    ($($t:ty),+) => {$(
        impl Amount for $t {
            fn zero_like(&self) -> Self {
                <$t>::ZERO
            }

            fn try_add(self, rhs: Self) -> Result<Self> {
                self.checked_add(rhs)
            }

            fn try_scale(self, factor: f64, _rounding: Rounding) -> Result<Self> {
                self.checked_scale(factor)
            }

            fn try_cmp(&self, other: &Self) -> Result<Ordering> {
                Ok(self.cmp(other))
            }

            fn parse_amount(s: &str) -> Result<Self> {
                s.parse()
            }

            fn to_f64(&self) -> f64 {
                self.base_value()
            }
        }
    )+};
}

quantity_amount!(
    ComputeRate,
    Operations,
    Time,
    Power,
    Energy,
    EnergyEfficiency,
    Frequency
);

/// A rate with its format; amounts of different formats are incompatible.
impl Amount for ComputeFigure {
    fn zero_like(&self) -> Self {
        ComputeFigure::new(ComputeRate::ZERO, self.format)
    }

    fn try_add(self, rhs: Self) -> Result<Self> {
        self.checked_add(rhs)
    }

    fn try_scale(self, factor: f64, _rounding: Rounding) -> Result<Self> {
        self.checked_scale(factor)
    }

    fn try_cmp(&self, other: &Self) -> Result<Ordering> {
        if self.format == other.format {
            Ok(self.rate.cmp(&other.rate))
        } else {
            Err(Error::FormatMismatch {
                left: self.format,
                right: other.format,
            })
        }
    }

    fn parse_amount(s: &str) -> Result<Self> {
        s.parse()
    }

    fn to_f64(&self) -> f64 {
        self.rate.base_value()
    }
}
