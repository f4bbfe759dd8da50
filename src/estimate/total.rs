//! Sums of estimates that keep their bounds and count their unknown parts.

use std::fmt;

use super::{Amount, Bounds, Estimate};
use crate::Result;

/// The sum of several estimates: lower, central and upper values, and how many parts were
/// unknown.
///
/// - lower = the sum of the known parts' lower bounds (amounts are non-negative, so this holds
///   whatever the unknown parts are);
/// - upper = the sum of the upper bounds, or unbounded (`None`) as soon as one part is
///   unbounded or unknown;
/// - central = the sum of the known parts' central values, to be read with
///   [`unknown_parts`](Self::unknown_parts).
///
/// An unknown part is never summed as zero.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::{Estimate, Total};
/// use sovereign_compute::units::AcceleratorCount;
///
/// let mut total = Total::new();
/// for phrase in ["14,000 GPUs", "up to 10,000 GPUs", "hundreds of GPUs", "unknown"] {
///     total.add(&Estimate::<AcceleratorCount>::parse(phrase)?)?;
/// }
/// assert_eq!(total.lower().unwrap().count(), 14_100);
/// assert_eq!(total.upper(), None); // one part is unknown
/// assert_eq!(total.unknown_parts(), 1);
/// assert_eq!(total.to_string(), "≥ 14,100 GPUs (central 24,549 GPUs; 1 of 4 parts unknown)");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Total<T> {
    known: Option<Known<T>>,
    known_parts: usize,
    unknown_parts: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Known<T> {
    lower: T,
    central: T,
    upper: Option<T>,
}

impl<T> Default for Total<T> {
    fn default() -> Self {
        Self {
            known: None,
            known_parts: 0,
            unknown_parts: 0,
        }
    }
}

impl<T: Amount> Total<T> {
    /// A total from sums already added up: lower, central and upper (`None` when some part
    /// is unbounded) of the known parts, and how many parts are known and unknown.
    pub(crate) fn from_sums(
        known: Option<(T, T, Option<T>)>,
        known_parts: usize,
        unknown_parts: usize,
    ) -> Self {
        Self {
            known: known.map(|(lower, central, upper)| Known {
                lower,
                central,
                upper,
            }),
            known_parts,
            unknown_parts,
        }
    }

    /// An empty total: no parts.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Total;
    /// let t = Total::<u64>::new();
    /// assert_eq!((t.parts(), t.lower()), (0, None));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sums an iterator of estimates.
    ///
    /// # Errors
    /// Incompatible parts (FP4 and FP8, GPUs and racks) or overflow.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// let parts = [Estimate::exact(5u64), Estimate::at_least(10)];
    /// let t = Total::sum(&parts)?;
    /// assert_eq!((t.lower(), t.upper()), (Some(15), None));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn sum<'a, I>(estimates: I) -> Result<Self>
    where
        I: IntoIterator<Item = &'a Estimate<T>>,
        T: 'a,
    {
        let mut total = Self::new();
        for e in estimates {
            total.add(e)?;
        }
        Ok(total)
    }

    /// Adds one estimate. On error the total is unchanged.
    ///
    /// # Errors
    /// Incompatible parts or overflow.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// let mut t = Total::new();
    /// t.add(&Estimate::range(1u64, 3)?)?;
    /// assert_eq!(t.upper(), Some(3));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add(&mut self, estimate: &Estimate<T>) -> Result<()> {
        match (estimate.bounds(), estimate.central()) {
            (Some(bounds), Some(central)) => self.add_known(bounds, central),
            _ => {
                self.unknown_parts += 1;
                Ok(())
            }
        }
    }

    /// Adds one part given by its bounds and central value (how aggregations feed derived
    /// figures in).
    ///
    /// # Errors
    /// Incompatible parts or overflow.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Bounds, Total};
    /// let mut t = Total::new();
    /// t.add_known(Bounds { lower: 2u64, upper: Some(4) }, 3)?;
    /// assert_eq!(t.central(), Some(3));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add_known(&mut self, bounds: Bounds<T>, central: T) -> Result<()> {
        self.add_known_parts(bounds, central, 1)
    }

    fn add_known_parts(&mut self, bounds: Bounds<T>, central: T, parts: usize) -> Result<()> {
        let next = match self.known {
            None => Known {
                lower: bounds.lower,
                central,
                upper: bounds.upper,
            },
            Some(k) => Known {
                lower: k.lower.try_add(bounds.lower)?,
                central: k.central.try_add(central)?,
                upper: match (k.upper, bounds.upper) {
                    (Some(a), Some(b)) => Some(a.try_add(b)?),
                    _ => None,
                },
            },
        };
        self.known = Some(next);
        self.known_parts += parts;
        Ok(())
    }

    /// Adds every part of another total.
    ///
    /// # Errors
    /// Incompatible parts or overflow.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// let mut a = Total::sum(&[Estimate::exact(1u64)])?;
    /// a.merge(&Total::sum(&[Estimate::unknown()])?)?;
    /// assert_eq!((a.parts(), a.unknown_parts()), (2, 1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn merge(&mut self, other: &Total<T>) -> Result<()> {
        if let Some(k) = other.known {
            let bounds = Bounds {
                lower: k.lower,
                upper: k.upper,
            };
            self.add_known_parts(bounds, k.central, other.known_parts)?;
        }
        self.unknown_parts += other.unknown_parts;
        Ok(())
    }

    /// The lower bound; `None` when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert_eq!(Total::sum(&[Estimate::at_most(9u64)])?.lower(), Some(0));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self) -> Option<T> {
        self.known.map(|k| k.lower)
    }

    /// The sum of central values of the known parts; `None` when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert_eq!(Total::sum(&[Estimate::range(0u64, 10)?])?.central(), Some(5));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<T> {
        self.known.map(|k| k.central)
    }

    /// The upper bound; `None` when unbounded: a part is unbounded or unknown, or no part is
    /// known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert_eq!(Total::sum(&[Estimate::exact(1u64), Estimate::unknown()])?.upper(), None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self) -> Option<T> {
        if self.unknown_parts > 0 {
            return None;
        }
        self.known.and_then(|k| k.upper)
    }

    /// The sum of the known parts' upper bounds, leaving the unknown parts out: what
    /// [`upper`](Self::upper) would be if every unknown part were zero. `None` when a known
    /// part is unbounded ("more than ...") or no part is known. Read it with
    /// [`unknown_parts`](Self::unknown_parts): it bounds the known parts, not the total.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// let t = Total::sum(&[Estimate::range(1u64, 3)?, Estimate::unknown()])?;
    /// assert_eq!(t.upper(), None); // the unknown part could be anything
    /// assert_eq!(t.known_upper(), Some(3));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn known_upper(&self) -> Option<T> {
        self.known.and_then(|k| k.upper)
    }

    /// How many estimates were added.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert_eq!(Total::sum(&vec![Estimate::exact(1u64); 3])?.parts(), 3);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.known_parts + self.unknown_parts
    }

    /// How many of them were unknown.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert_eq!(Total::<u64>::sum(&[Estimate::unknown()])?.unknown_parts(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn unknown_parts(&self) -> usize {
        self.unknown_parts
    }

    /// Whether every part was known and bounded above, so that the upper bound is finite.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// assert!(Total::sum(&[Estimate::exact(1u64)])?.is_bounded());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn is_bounded(&self) -> bool {
        self.upper().is_some()
    }

    /// The total as an estimate: exact when lower = upper, a range when bounded, at least the
    /// lower bound otherwise, unknown when no part is known.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// let t = Total::sum(&[Estimate::exact(1u64), Estimate::range(2, 3)?])?;
    /// assert_eq!(t.to_estimate()?.to_string(), "3–4");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    ///
    /// # Errors
    /// None for totals built through this type; the `Result` carries the range check.
    pub fn to_estimate(&self) -> Result<Estimate<T>> {
        match (self.lower(), self.upper()) {
            (None, _) => Ok(Estimate::unknown()),
            (Some(l), Some(u)) if l == u => Ok(Estimate::exact(l)),
            (Some(l), Some(u)) => Estimate::range(l, u),
            (Some(l), None) => Ok(Estimate::at_least(l)),
        }
    }
}

/// "24,000 GPUs", "14,100–15,099 GPUs (central 14,549 GPUs)", "≥ 14,100 GPUs (central …; 1 of
/// 4 parts unknown)", "unknown (2 parts)".
impl<T: Amount> fmt::Display for Total<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(estimate) = self.to_estimate() else {
            return f.write_str("invalid total");
        };
        if self.known.is_none() {
            return write!(f, "unknown ({} parts)", self.parts());
        }
        write!(f, "{estimate}")?;
        let exact = matches!(estimate.kind(), super::EstimateKind::Exact(_));
        match (self.central(), exact, self.unknown_parts) {
            (_, true, 0) => Ok(()),
            (Some(c), _, 0) => write!(f, " (central {})", super::Estimate::exact(c)),
            (Some(c), _, n) => write!(
                f,
                " (central {}; {n} of {} parts unknown)",
                super::Estimate::exact(c),
                self.parts()
            ),
            (None, _, _) => Ok(()),
        }
    }
}
