//! Accelerator counts: a whole number with the unit it counts.

use std::fmt;
use std::str::FromStr;

use super::notation::{is_quantity_char, is_tag_char, normalize, parse_whole, split_number};
use crate::text::check_text;
use crate::{Error, Result};

/// What a count counts: "18,000 systems" may be GPUs, superchips, nodes or racks.
///
/// Converting between units needs the hardware (a GB200 superchip holds two GPUs, an NVL72 rack
/// 36 superchips), so it is the catalog's job; counts in different units never add.
///
/// # Example
/// ```
/// use sovereign_compute::units::CountingUnit;
///
/// assert_eq!("superchips".parse::<CountingUnit>()?, CountingUnit::Superchip);
/// assert_eq!(CountingUnit::Gpu.to_string(), "gpu");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum CountingUnit {
    /// One accelerator (GPU or APU) package.
    Gpu,
    /// A CPU + GPU module such as GH200 (one GPU) or GB200 (two GPUs).
    Superchip,
    /// A server or system, e.g. a DGX B200 with eight GPUs.
    Node,
    /// A rack-scale system, e.g. a GB200 NVL72.
    Rack,
}

impl CountingUnit {
    /// Every counting unit, in order of size.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::units::CountingUnit::ALL.len(), 4);
    /// ```
    pub const ALL: [CountingUnit; 4] = [Self::Gpu, Self::Superchip, Self::Node, Self::Rack];

    /// The wire tag: `"gpu"`, `"superchip"`, `"node"`, `"rack"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::units::CountingUnit::Rack.tag(), "rack");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Gpu => "gpu",
            Self::Superchip => "superchip",
            Self::Node => "node",
            Self::Rack => "rack",
        }
    }

    /// The English noun for `n` of this unit: "1 GPU", "14,000 GPUs".
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::CountingUnit;
    /// assert_eq!(CountingUnit::Gpu.noun(2), "GPUs");
    /// assert_eq!(CountingUnit::Superchip.noun(1), "superchip");
    /// ```
    pub const fn noun(self, n: u64) -> &'static str {
        match (self, n == 1) {
            (Self::Gpu, true) => "GPU",
            (Self::Gpu, false) => "GPUs",
            (Self::Superchip, true) => "superchip",
            (Self::Superchip, false) => "superchips",
            (Self::Node, true) => "node",
            (Self::Node, false) => "nodes",
            (Self::Rack, true) => "rack",
            (Self::Rack, false) => "racks",
        }
    }
}

const COUNTING_UNITS: &str = "gpu(s), superchip(s), node(s), system(s), server(s), rack(s)";

impl fmt::Display for CountingUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for CountingUnit {
    type Err = Error;

    /// Accepts the tags and the plain English nouns, case-insensitively: "GPUs", "superchips",
    /// "nodes", "systems", "servers", "racks".
    fn from_str(s: &str) -> Result<Self> {
        let text = check_text(
            s,
            is_tag_char,
            concat!(
                "a counting unit: ",
                "gpu(s), superchip(s), node(s), system(s), server(s), rack(s)"
            ),
        )?;
        Ok(match normalize(text).as_str() {
            "gpu" | "gpus" | "accelerator" | "accelerators" => Self::Gpu,
            "superchip" | "superchips" => Self::Superchip,
            "node" | "nodes" | "system" | "systems" | "server" | "servers" => Self::Node,
            "rack" | "racks" => Self::Rack,
            _ => {
                return Err(Error::UnknownTag {
                    what: "counting unit",
                    input: s.to_owned(),
                    accepted: COUNTING_UNITS,
                });
            }
        })
    }
}

/// A number of accelerators (or superchips, nodes, racks): a `u64` and its [`CountingUnit`].
///
/// Arithmetic is checked: overflow is an [`Error::Overflow`], never a wrap, and counts in
/// different units are an [`Error::CountUnitMismatch`].
///
/// # Example
/// ```
/// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
///
/// let uk: AcceleratorCount = "14,000 GPUs".parse()?;
/// let de = AcceleratorCount::new(10_000, CountingUnit::Gpu);
/// assert_eq!(uk.checked_add(de)?.to_string(), "24,000 GPUs");
///
/// let fr = AcceleratorCount::new(18_000, CountingUnit::Superchip);
/// assert!(uk.checked_add(fr).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
///
/// On the wire (feature `serde`) a count is written `{"count": 14000, "unit": "gpu"}`; the
/// text form `"14,000 GPUs"` is read too. A bare number is an [`Error::MissingCountUnit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AcceleratorCount {
    count: u64,
    unit: CountingUnit,
}

impl AcceleratorCount {
    /// A count of `count` units.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
    /// let racks = AcceleratorCount::new(250, CountingUnit::Rack);
    /// assert_eq!(racks.count(), 250);
    /// ```
    pub const fn new(count: u64, unit: CountingUnit) -> Self {
        Self { count, unit }
    }

    /// `count` GPUs.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
    /// assert_eq!(AcceleratorCount::gpus(8).unit(), CountingUnit::Gpu);
    /// ```
    pub const fn gpus(count: u64) -> Self {
        Self::new(count, CountingUnit::Gpu)
    }

    /// The number.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::units::AcceleratorCount::gpus(8).count(), 8);
    /// ```
    pub const fn count(self) -> u64 {
        self.count
    }

    /// What is counted.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
    /// assert_eq!(AcceleratorCount::new(36, CountingUnit::Superchip).unit(), CountingUnit::Superchip);
    /// ```
    pub const fn unit(self) -> CountingUnit {
        self.unit
    }

    /// Adds two counts in the same unit.
    ///
    /// # Errors
    /// [`Error::CountUnitMismatch`] for different units; [`Error::Overflow`] past `u64::MAX`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::AcceleratorCount;
    /// let big = AcceleratorCount::gpus(u64::MAX);
    /// assert!(big.checked_add(AcceleratorCount::gpus(1)).is_err());
    /// ```
    pub fn checked_add(self, rhs: Self) -> Result<Self> {
        self.same_unit(rhs)?;
        let count = self.count.checked_add(rhs.count).ok_or(Error::Overflow {
            quantity: "accelerator count",
            operation: "addition",
        })?;
        Ok(Self::new(count, self.unit))
    }

    /// Subtracts a count in the same unit; counts never go below zero.
    ///
    /// # Errors
    /// [`Error::CountUnitMismatch`] for different units; [`Error::Overflow`] below zero.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::AcceleratorCount;
    /// let n = AcceleratorCount::gpus(10).checked_sub(AcceleratorCount::gpus(4))?;
    /// assert_eq!(n.count(), 6);
    /// assert!(n.checked_sub(AcceleratorCount::gpus(7)).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn checked_sub(self, rhs: Self) -> Result<Self> {
        self.same_unit(rhs)?;
        let count = self.count.checked_sub(rhs.count).ok_or(Error::Overflow {
            quantity: "accelerator count",
            operation: "subtraction",
        })?;
        Ok(Self::new(count, self.unit))
    }

    /// Multiplies by a whole factor, e.g. GPUs per node.
    ///
    /// # Errors
    /// [`Error::Overflow`] past `u64::MAX`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::AcceleratorCount;
    /// assert_eq!(AcceleratorCount::gpus(250).checked_mul(72)?.count(), 18_000);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn checked_mul(self, factor: u64) -> Result<Self> {
        let count = self.count.checked_mul(factor).ok_or(Error::Overflow {
            quantity: "accelerator count",
            operation: "multiplication",
        })?;
        Ok(Self::new(count, self.unit))
    }

    /// The same number in another unit, for conversions the caller has already worked out
    /// (the catalog does this for you).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{AcceleratorCount, CountingUnit};
    /// let gpus = AcceleratorCount::new(250, CountingUnit::Rack).checked_mul(72)?.with_unit(CountingUnit::Gpu);
    /// assert_eq!(gpus.to_string(), "18,000 GPUs");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn with_unit(self, unit: CountingUnit) -> Self {
        Self::new(self.count, unit)
    }

    /// The number, checked against a counting unit named as text (`"GPUs"`, `"racks"`; any
    /// spelling [`CountingUnit`] reads): the count when it is in that unit.
    ///
    /// Counts in different units are not converted here: that needs the hardware (a GB200
    /// superchip holds two GPUs), which is the catalog's job. Query totals are in GPUs.
    ///
    /// # Errors
    /// [`Error::UnknownTag`] (listing the accepted units) if `unit` is not a counting unit;
    /// [`Error::CountUnitMismatch`] if the count is in another unit.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::Error;
    /// use sovereign_compute::units::AcceleratorCount;
    ///
    /// let uk: AcceleratorCount = "14,000 GPUs".parse()?;
    /// assert_eq!(uk.in_unit("GPUs")?, 14_000);
    /// assert!(matches!(uk.in_unit("racks"), Err(Error::CountUnitMismatch { .. })));
    /// assert!(uk.in_unit("exaflops").unwrap_err().to_string().contains("accepted values are"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn in_unit(self, unit: &str) -> Result<u64> {
        self.same_unit(Self::new(0, unit.parse()?))?;
        Ok(self.count)
    }

    fn same_unit(self, rhs: Self) -> Result<()> {
        if self.unit == rhs.unit {
            Ok(())
        } else {
            Err(Error::CountUnitMismatch {
                left: self.unit,
                right: rhs.unit,
            })
        }
    }
}

/// Writes `n` with `,` between groups of three digits.
pub(crate) fn write_grouped(f: &mut fmt::Formatter<'_>, n: u64) -> fmt::Result {
    let digits = n.to_string();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            f.write_str(",")?;
        }
        write!(f, "{ch}")?;
    }
    Ok(())
}

/// "14,000 GPUs", "1 rack"; for the number alone, checked against its unit,
/// [`in_unit`](AcceleratorCount::in_unit).
impl fmt::Display for AcceleratorCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_grouped(f, self.count)?;
        write!(f, " {}", self.unit.noun(self.count))
    }
}

/// Reads "14,000 GPUs", "250 racks", "18000 superchips": a whole number and a counting unit.
impl FromStr for AcceleratorCount {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        check_text(
            s,
            is_quantity_char,
            "a whole number and a counting unit, such as \"14,000 GPUs\"",
        )?;
        let (_, unit_text) = split_number(s)?;
        let trimmed = s.trim();
        let number = trimmed[..trimmed.len() - unit_text.len()].trim_end();
        if unit_text.is_empty() {
            return Err(missing_unit(s, parse_whole(number)));
        }
        let unit: CountingUnit = unit_text.parse()?;
        let count = parse_whole(number).ok_or_else(|| not_a_count(s, number))?;
        Ok(Self::new(count, unit))
    }
}

/// The largest count, `u64::MAX`, as the messages write it.
const LARGEST: &str = "18,446,744,073,709,551,615";

/// [`Error::MissingCountUnit`] for a count written without its unit, with the accepted forms
/// shown on the number given (or 4,000 when it is not a whole number).
pub(crate) fn missing_unit(input: &str, count: Option<u64>) -> Error {
    let n = count.unwrap_or(4_000);
    Error::MissingCountUnit {
        input: input.to_owned(),
        example: format!(
            "\"{}\" (or superchips, nodes, racks), or in JSON {{\"count\": {n}, \"unit\": \"gpu\"}}",
            AcceleratorCount::gpus(n)
        ),
    }
}

/// Why a number is not a count: above the largest count, or not a whole number from 0 up.
pub(crate) fn not_a_count(input: &str, number: &str) -> Error {
    let value = number.replace(',', "").parse::<f64>().ok();
    Error::InvalidNumber {
        input: input.to_owned(),
        reason: too_large(value)
            .unwrap_or_else(|| format!("a count must be a whole number from 0 to {LARGEST}")),
    }
}

/// "… is more than the largest count" for a number at or above 2^64, written in digits.
pub(crate) fn too_large(value: Option<f64>) -> Option<String> {
    // 2^64 is exact in f64, and every f64 below it that is whole fits a u64.
    let v = value.filter(|v| v.is_finite() && *v >= u64::MAX as f64)?;
    let digits = if v < 1e21 {
        format!("{v:.0}")
    } else {
        format!("{v:e}")
    };
    Some(format!(
        "{digits} is more than the largest count, {LARGEST} (2^64 - 1)"
    ))
}

/// Reads `{"count": 4000, "unit": "gpu"}` or `"4,000 GPUs"`; every other shape is an error
/// that shows both.
#[cfg(feature = "serde")]
mod wire {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

    use super::{AcceleratorCount, CountingUnit, LARGEST, missing_unit, too_large};

    const EXPECTED: &str =
        "a count with its unit, such as \"4,000 GPUs\" or {\"count\": 4000, \"unit\": \"gpu\"}";

    impl<'de> serde::Deserialize<'de> for AcceleratorCount {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CountVisitor)
        }
    }

    struct CountVisitor;

    impl<'de> Visitor<'de> for CountVisitor {
        type Value = AcceleratorCount;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(EXPECTED)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<AcceleratorCount, E> {
            v.parse().map_err(E::custom)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<AcceleratorCount, E> {
            Err(E::custom(missing_unit(&v.to_string(), Some(v))))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<AcceleratorCount, E> {
            Err(E::custom(missing_unit(&v.to_string(), None)))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<AcceleratorCount, E> {
            Err(E::custom(missing_unit(&format!("{v:?}"), None)))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AcceleratorCount, A::Error> {
            let mut count: Option<u64> = None;
            let mut unit: Option<CountingUnit> = None;
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "count" if count.is_none() => count = Some(map.next_value_seed(Number)?),
                    "unit" if unit.is_none() => unit = Some(map.next_value()?),
                    "count" => return Err(de::Error::duplicate_field("count")),
                    "unit" => return Err(de::Error::duplicate_field("unit")),
                    other => return Err(de::Error::unknown_field(other, &["count", "unit"])),
                }
            }
            let count = count.ok_or_else(|| de::Error::missing_field("count"))?;
            let unit = unit.ok_or_else(|| de::Error::missing_field("unit"))?;
            Ok(AcceleratorCount::new(count, unit))
        }
    }

    /// The number in `{"count": …}`: a whole number from 0 to `u64::MAX`, said in numbers
    /// when it is not.
    struct Number;

    impl<'de> DeserializeSeed<'de> for Number {
        type Value = u64;

        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl Number {
        fn whole() -> String {
            format!("a whole number from 0 to {LARGEST}")
        }
    }

    impl<'de> Visitor<'de> for Number {
        type Value = u64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a count: {}, such as 4000", Self::whole())
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &Self::whole().as_str()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
            Err(match too_large(Some(v)) {
                Some(message) => E::custom(message),
                None => E::invalid_value(de::Unexpected::Float(v), &Self::whole().as_str()),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        for (n, s) in [
            (0, "0 GPUs"),
            (1, "1 GPU"),
            (999, "999 GPUs"),
            (1_000, "1,000 GPUs"),
            (14_000, "14,000 GPUs"),
            (u64::MAX, "18,446,744,073,709,551,615 GPUs"),
        ] {
            assert_eq!(AcceleratorCount::gpus(n).to_string(), s);
            assert_eq!(
                s.parse::<AcceleratorCount>().unwrap(),
                AcceleratorCount::gpus(n)
            );
        }
    }

    #[test]
    fn fractional_and_unknown_units_are_errors() {
        assert!(matches!(
            "1.5 GPUs".parse::<AcceleratorCount>(),
            Err(Error::InvalidNumber { .. })
        ));
        assert!(matches!(
            "10 widgets".parse::<AcceleratorCount>(),
            Err(Error::UnknownTag {
                what: "counting unit",
                ..
            })
        ));
        assert!(matches!(
            "1e30 GPUs".parse::<AcceleratorCount>(),
            Err(Error::InvalidNumber { .. })
        ));
    }

    fn junk<T: FromStr<Err = Error> + fmt::Debug>(input: &str) -> (char, usize) {
        match input.parse::<T>() {
            Err(Error::UnexpectedCharacter {
                character,
                position,
                input: given,
                ..
            }) if given == input => (character, position),
            other => panic!("{input:?}: {other:?}"),
        }
    }

    #[test]
    fn junk_characters_are_rejected_with_their_position() {
        assert_eq!(junk::<AcceleratorCount>("14,000 GPUs\0"), ('\0', 11));
        assert_eq!(
            junk::<AcceleratorCount>("\u{200b}14,000 GPUs"),
            ('\u{200b}', 0)
        );
        assert_eq!(junk::<AcceleratorCount>("14\u{ad}000 GPUs"), ('\u{ad}', 2));
        assert_eq!(junk::<AcceleratorCount>("14,000 GPUs!!!"), ('!', 11));
        assert_eq!(junk::<AcceleratorCount>("14,000\tGPUs"), ('\t', 6));
        assert_eq!(junk::<CountingUnit>("GPUs\0"), ('\0', 4));
        assert_eq!(junk::<CountingUnit>(" \u{feff}GPUs"), ('\u{feff}', 1));
        assert_eq!(junk::<CountingUnit>("racks."), ('.', 5));
        // Spaces around and no-break spaces between number and unit are still read.
        assert_eq!(
            " 14,000\u{a0}GPUs\n".parse::<AcceleratorCount>(),
            Ok(AcceleratorCount::gpus(14_000))
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        let max = AcceleratorCount::gpus(u64::MAX);
        assert_eq!(
            max.checked_mul(2),
            Err(Error::Overflow {
                quantity: "accelerator count",
                operation: "multiplication"
            })
        );
    }
}
