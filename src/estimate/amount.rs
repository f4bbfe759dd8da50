//! What an estimate can hold: counts and quantities, through the [`Amount`] trait.

use std::cmp::Ordering;
use std::fmt;

use crate::units::split_number;
use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeRate, CountingUnit, Energy, EnergyEfficiency,
    Frequency, Operations, Power, Time,
};
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
}

fn scale_u64(v: u64, factor: f64, rounding: Rounding) -> Result<u64> {
    if !factor.is_finite() || factor < 0.0 {
        return Err(Error::InvalidValue {
            quantity: "scale factor",
            value: factor,
            reason: "must be finite and non-negative",
        });
    }
    let x = v as f64 * factor;
    let x = match rounding {
        Rounding::Down => x.floor(),
        Rounding::Up => x.ceil(),
    };
    // 2^64 is exact in f64; below it the cast is exact for whole numbers.
    if x >= u64::MAX as f64 {
        if factor == 1.0 {
            return Ok(v);
        }
        return Err(Error::Overflow {
            quantity: "count",
            operation: "scaling",
        });
    }
    Ok(x as u64)
}

/// A plain number of things; `parse_amount` reads the leading whole number and ignores the
/// words after it ("14,000 Blackwell GPUs" is 14,000).
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
        let trimmed = s.trim();
        let (_, rest) = split_number(trimmed)?;
        let number = &trimmed[..trimmed.len() - rest.len()];
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        match digits.parse::<u64>() {
            Ok(n) if !number.contains(['.', 'e', 'E']) => Ok(n),
            _ => Err(Error::InvalidNumber {
                input: s.to_owned(),
                reason: format!("a count must be a whole number from 0 to {}", u64::MAX),
            }),
        }
    }

    fn to_f64(&self) -> f64 {
        *self as f64
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
        let n = u64::parse_amount(s)?;
        let last = s.split_whitespace().last().unwrap_or_default();
        let unit: CountingUnit = last.parse()?;
        Ok(AcceleratorCount::new(n, unit))
    }

    fn to_f64(&self) -> f64 {
        self.count() as f64
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
