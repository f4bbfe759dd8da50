//! Parts and running sums kept as plain numbers while a pass adds them up, turned into typed
//! amounts and a [`Total`] once at the end.
//!
//! A [`Total`] checks every addition (units, formats, overflow); over millions of parts those
//! checks cost more than the sums. Here a part is three plain numbers (a count's `u64`, a
//! rate's or power's `f64` in its base unit) and a sum is three more, added without checks: a
//! count that wraps past `u64::MAX` sets a flag, a rate past `f64::MAX` becomes infinite. The
//! range is checked once, at the end, where a sum past it is the same [`Error::Overflow`] a
//! `Total` would have raised (the parts are non-negative, so a running sum only grows).

use crate::estimate::{Part, Total};
use crate::units::{AcceleratorCount, ComputeFigure, ComputeRate, Energy, Power};
use crate::{Error, Result};

#[cfg(any(feature = "serde", feature = "csv"))]
/// A number in the unit its column names: whole for counts, real for rates and power.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Whole(u64),
    Real(f64),
}

/// An amount a pass adds up as plain numbers.
pub(crate) trait Summable: crate::estimate::Amount {
    /// One part's value, or a running sum of them, as a plain number.
    type Raw: Copy + Default + PartialEq + std::fmt::Debug + Send + Sync;

    /// The amount as a plain number.
    fn raw(self) -> Self::Raw;

    /// `*acc += raw`; `true` when the sum left the number's range (a count past
    /// `u64::MAX`; a rate past `f64::MAX` becomes infinite and is caught by
    /// [`back`](Self::back)).
    fn plus(acc: &mut Self::Raw, raw: Self::Raw) -> bool;

    /// A sum back as an amount like `like` (its unit or format).
    ///
    /// # Errors
    /// [`Error::Overflow`] if the sum is past the amount's range.
    fn back(raw: Self::Raw, like: Self) -> Result<Self>;

    /// The error for a sum past the range.
    fn overflow() -> Error;

    /// The amount as a number in its base unit (GPUs, FLOP/s, W, a count), for results
    /// written out: whole for counts, so that no digit is lost.
    #[cfg(any(feature = "serde", feature = "csv"))]
    fn number(self) -> Number;
}

fn count_overflow(quantity: &'static str) -> Error {
    Error::Overflow {
        quantity,
        operation: "addition",
    }
}

fn plus_u64(acc: &mut u64, raw: u64) -> bool {
    let (sum, over) = acc.overflowing_add(raw);
    *acc = sum;
    over
}

impl Summable for AcceleratorCount {
    type Raw = u64;

    fn raw(self) -> u64 {
        self.count()
    }

    fn plus(acc: &mut u64, raw: u64) -> bool {
        plus_u64(acc, raw)
    }

    fn back(raw: u64, like: Self) -> Result<Self> {
        Ok(AcceleratorCount::new(raw, like.unit()))
    }

    fn overflow() -> Error {
        count_overflow("accelerator count")
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn number(self) -> Number {
        Number::Whole(self.count())
    }
}

impl Summable for u64 {
    type Raw = u64;

    fn raw(self) -> u64 {
        self
    }

    fn plus(acc: &mut u64, raw: u64) -> bool {
        plus_u64(acc, raw)
    }

    fn back(raw: u64, _: Self) -> Result<Self> {
        Ok(raw)
    }

    fn overflow() -> Error {
        count_overflow("count")
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn number(self) -> Number {
        Number::Whole(self)
    }
}

/// `Summable` for a quantity kept in its base unit as an `f64` (power, energy): its range is
/// checked when a sum is turned back into the quantity.
macro_rules! summable_quantity {
    ($($quantity:ty),+) => {$(
        impl Summable for $quantity {
            type Raw = f64;

            fn raw(self) -> f64 {
                self.base_value()
            }

            fn plus(acc: &mut f64, raw: f64) -> bool {
                *acc += raw;
                false
            }

            fn back(raw: f64, _: Self) -> Result<Self> {
                <$quantity>::from_base(raw).map_err(|_| Self::overflow())
            }

            fn overflow() -> Error {
                count_overflow(<$quantity>::NAME)
            }

            #[cfg(any(feature = "serde", feature = "csv"))]
            fn number(self) -> Number {
                Number::Real(self.base_value())
            }
        }
    )+};
}

summable_quantity!(Power, Energy);

impl Summable for ComputeFigure {
    type Raw = f64;

    fn raw(self) -> f64 {
        self.rate.base_value()
    }

    fn plus(acc: &mut f64, raw: f64) -> bool {
        *acc += raw;
        false
    }

    fn back(raw: f64, like: Self) -> Result<Self> {
        let rate = ComputeRate::from_base(raw).map_err(|_| Self::overflow())?;
        Ok(ComputeFigure::new(rate, like.format))
    }

    fn overflow() -> Error {
        count_overflow(ComputeRate::NAME)
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn number(self) -> Number {
        Number::Real(self.rate.base_value())
    }
}

/// One known part as plain numbers: lower, central and upper values (the upper one
/// meaningless unless `bounded`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Raw<R> {
    pub(crate) lower: R,
    pub(crate) central: R,
    pub(crate) upper: R,
    pub(crate) bounded: bool,
}

/// A part as plain numbers; `None` is an unknown part.
pub(crate) type RawPart<R> = Option<Raw<R>>;

/// A typed part as plain numbers.
pub(crate) fn to_raw<T: Summable>(part: &Part<T>) -> RawPart<T::Raw> {
    part.as_ref().map(|(bounds, central)| Raw {
        lower: bounds.lower.raw(),
        central: central.raw(),
        upper: bounds.upper.map_or_else(T::Raw::default, Summable::raw),
        bounded: bounds.upper.is_some(),
    })
}

/// The parts of a phase added up ahead (at build), as plain numbers: sums as in [`Sum`], and
/// the number of parts by [`Route`](super::Route) position (stated, assumed, derived,
/// unknown).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PhaseSum<R> {
    pub(crate) lower: R,
    pub(crate) central: R,
    pub(crate) upper: R,
    pub(crate) unbounded: bool,
    pub(crate) overflow: bool,
    pub(crate) routes: [usize; 4],
}

/// A running sum of parts: lower, central and upper sums, whether some part is unbounded or a
/// sum left its range, and how many parts are known and unknown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sum<T: Summable> {
    lower: T::Raw,
    central: T::Raw,
    upper: T::Raw,
    unbounded: bool,
    overflow: bool,
    known: usize,
    unknown: usize,
}

impl<T: Summable> Default for Sum<T> {
    fn default() -> Self {
        Self {
            lower: T::Raw::default(),
            central: T::Raw::default(),
            upper: T::Raw::default(),
            unbounded: false,
            overflow: false,
            known: 0,
            unknown: 0,
        }
    }
}

impl<T: Summable> Sum<T> {
    /// Adds a part: its bounds and central value, or one unknown part.
    #[inline]
    pub(crate) fn add(&mut self, part: &RawPart<T::Raw>) {
        match part {
            Some(raw) => {
                let mut over = T::plus(&mut self.lower, raw.lower);
                over |= T::plus(&mut self.central, raw.central);
                if raw.bounded {
                    over |= T::plus(&mut self.upper, raw.upper);
                } else {
                    self.unbounded = true;
                }
                self.overflow |= over;
                self.known += 1;
            }
            None => self.unknown += 1,
        }
    }

    /// The sum of a phase's parts added up ahead.
    pub(crate) fn of_phase(phase: &PhaseSum<T::Raw>) -> Self {
        let [stated, assumed, derived, unknown] = phase.routes;
        Self {
            lower: phase.lower,
            central: phase.central,
            upper: phase.upper,
            unbounded: phase.unbounded,
            overflow: phase.overflow,
            known: stated + assumed + derived,
            unknown,
        }
    }

    /// Adds another sum (of a later chunk, or of a phase's lines).
    #[inline]
    pub(crate) fn merge(&mut self, other: &Sum<T>) {
        if other.known > 0 {
            let mut over = T::plus(&mut self.lower, other.lower);
            over |= T::plus(&mut self.central, other.central);
            over |= T::plus(&mut self.upper, other.upper);
            self.overflow |= over || other.overflow;
            self.unbounded |= other.unbounded;
            self.known += other.known;
        }
        self.unknown += other.unknown;
    }

    /// The sum as a [`Total`] of amounts like `like` (its unit or format).
    ///
    /// # Errors
    /// [`Error::Overflow`] if a sum is past the amount's range.
    pub(crate) fn total(&self, like: T) -> Result<Total<T>> {
        if self.known == 0 {
            return Ok(Total::from_sums(None, 0, self.unknown));
        }
        if self.overflow {
            return Err(T::overflow());
        }
        let lower = T::back(self.lower, like)?;
        let central = T::back(self.central, like)?;
        let upper = if self.unbounded {
            None
        } else {
            Some(T::back(self.upper, like)?)
        };
        Ok(Total::from_sums(
            Some((lower, central, upper)),
            self.known,
            self.unknown,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Bounds, Estimate};

    fn part(lo: u64, c: u64, up: Option<u64>) -> Part<AcceleratorCount> {
        let g = AcceleratorCount::gpus;
        Some((
            Bounds {
                lower: g(lo),
                upper: up.map(g),
            },
            g(c),
        ))
    }

    #[test]
    fn a_sum_equals_the_total_of_the_same_parts() {
        let parts = [
            part(1, 2, Some(3)),
            None,
            part(10, 20, None),
            part(5, 5, Some(5)),
        ];
        let mut sum = Sum::default();
        let mut total = Total::new();
        for p in &parts {
            sum.add(&to_raw(p));
            match p {
                Some((b, c)) => total.add_known(*b, *c).unwrap(),
                None => total.add(&Estimate::unknown()).unwrap(),
            }
        }
        let like = AcceleratorCount::gpus(0);
        assert_eq!(sum.total(like).unwrap(), total);
        assert_eq!(Sum::default().total(like).unwrap(), Total::new());
    }

    #[test]
    fn a_count_past_u64_max_is_an_overflow() {
        let mut sum = Sum::default();
        sum.add(&to_raw(&part(u64::MAX, u64::MAX, Some(u64::MAX))));
        sum.add(&to_raw(&part(1, 1, Some(1))));
        assert!(matches!(
            sum.total(AcceleratorCount::gpus(0)),
            Err(Error::Overflow { .. })
        ));
    }

    #[test]
    fn float_sums_are_added_in_order_like_a_total() {
        let rates = [0.1, 0.2, 0.3, 1e20, 3.0];
        let mut sum = Sum::default();
        let mut total = Total::new();
        for r in rates {
            let p = Power::from_base(r).unwrap();
            let bounds = Bounds {
                lower: p,
                upper: Some(p),
            };
            sum.add(&to_raw(&Some((bounds, p))));
            total.add_known(bounds, p).unwrap();
        }
        assert_eq!(sum.total(Power::ZERO).unwrap(), total);
    }
}
