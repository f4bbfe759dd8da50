//! The validated quantity newtypes and the arithmetic between them.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use uom::Conversion;
use uom::fmt::DisplayStyle;

use super::notation::{
    FlopReading, Rung, exact_string, is_quantity_char, normalize, pick_rung, read_flop_unit,
    split_number, write_scaled,
};
use super::system;
use crate::text::check_text;
use crate::{Error, Result};

/// Checks that a base-unit value is one every quantity may hold: finite and non-negative.
/// Negative zero becomes zero so that it displays and hashes as zero.
fn checked_value(quantity: &'static str, value: f64) -> Result<f64> {
    let reason = if value.is_nan() {
        "not a number; quantities must be finite and non-negative"
    } else if value.is_infinite() {
        "infinite; quantities must be finite and non-negative"
    } else if value < 0.0 {
        "negative; quantities must be finite and non-negative"
    } else {
        return Ok(value + 0.0);
    };
    Err(Error::InvalidValue {
        quantity,
        value,
        reason,
    })
}

/// Checks an arithmetic result: finite and non-negative, or an overflow naming the operation.
fn checked_result(quantity: &'static str, operation: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value + 0.0)
    } else {
        Err(Error::Overflow {
            quantity,
            operation,
        })
    }
}

/// Checks a plain scale factor.
fn checked_factor(factor: f64) -> Result<f64> {
    checked_value("scale factor", factor)
}

macro_rules! quantity_type {
    (
        $(#[$meta:meta])*
        $name:ident, $module:ident, $what:literal, base: $base:literal, ladder: $ladder:ident,
        unit: $parse_unit:ident,
        example: $example_unit:ident($example_value:literal) == $example_display:literal,
        in_unit: $in_unit:literal == $in_value:literal,
        other: $other:literal
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Default)]
        pub struct $name(system::f64::$name);

        impl $name {
            /// The quantity's name, as it appears in error messages.
            ///
            /// # Example
            #[doc = concat!("```\nassert_eq!(sovereign_compute::units::", stringify!($name), "::NAME, \"", $what, "\");\n```")]
            pub const NAME: &'static str = $what;

            /// Zero.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nassert_eq!(", stringify!($name), "::ZERO.base_value(), 0.0);\nassert_eq!(", stringify!($name), "::ZERO, ", stringify!($name), "::default());\n```")]
            pub const ZERO: Self = Self(system::f64::$name {
                dimension: std::marker::PhantomData,
                units: std::marker::PhantomData,
                value: 0.0,
            });

            /// Creates a value from a number in the unit `N` (any unit of
            #[doc = concat!("[`system::", stringify!($module), "`](crate::units::system::", stringify!($module), ")).")]
            ///
            /// # Errors
            /// [`Error::InvalidValue`] if `value` is NaN, infinite or negative;
            /// [`Error::Overflow`] if it is finite but too large once converted to the base unit.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nuse sovereign_compute::units::system::", stringify!($module), "::", stringify!($example_unit), ";\n\nlet x = ", stringify!($name), "::new::<", stringify!($example_unit), ">(", stringify!($example_value), ")?;\nassert_eq!(x.to_string(), \"", $example_display, "\");\nassert!(", stringify!($name), "::new::<", stringify!($example_unit), ">(-1.0).is_err());\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn new<N>(value: f64) -> Result<Self>
            where
                N: system::$module::Unit + Conversion<f64, T = f64>,
            {
                checked_value($what, value)?;
                let raw = system::f64::$name::new::<N>(value);
                checked_result($what, "unit conversion", raw.value)?;
                Ok(Self(raw))
            }

            #[doc = concat!("Creates a value from a number in the quantity's base unit, ", $base, ".")]
            ///
            /// # Errors
            /// [`Error::InvalidValue`] if `value` is NaN, infinite or negative.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x = ", stringify!($name), "::from_base(1.0)?;\nassert_eq!(x.base_value(), 1.0);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn from_base(value: f64) -> Result<Self> {
                let value = checked_value($what, value)?;
                Ok(Self(system::f64::$name {
                    dimension: std::marker::PhantomData,
                    units: std::marker::PhantomData,
                    value,
                }))
            }

            /// Wraps a uom quantity of the crate's system, checking its value.
            ///
            /// # Errors
            /// [`Error::InvalidValue`] if the value is NaN, infinite or negative.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nuse sovereign_compute::units::system::{f64, ", stringify!($module), "::", stringify!($example_unit), "};\n\nlet raw = f64::", stringify!($name), "::new::<", stringify!($example_unit), ">(", stringify!($example_value), ");\nassert_eq!(", stringify!($name), "::from_uom(raw)?.as_uom(), raw);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn from_uom(raw: system::f64::$name) -> Result<Self> {
                Self::from_base(raw.value)
            }

            /// The value as a uom quantity of the crate's system.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nuse sovereign_compute::units::system::", stringify!($module), "::", stringify!($example_unit), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.as_uom().get::<", stringify!($example_unit), ">(), ", stringify!($example_value), ");\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn as_uom(self) -> system::f64::$name {
                self.0
            }

            /// The value in the unit `N`.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nuse sovereign_compute::units::system::", stringify!($module), "::", stringify!($example_unit), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.get::<", stringify!($example_unit), ">(), ", stringify!($example_value), ");\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn get<N>(self) -> f64
            where
                N: system::$module::Unit + Conversion<f64, T = f64>,
            {
                self.0.get::<N>()
            }

            #[doc = concat!("The value in the quantity's base unit, ", $base, ".")]
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x = ", stringify!($name), "::from_base(2.5)?;\nassert_eq!(x.base_value(), 2.5);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn base_value(self) -> f64 {
                self.0.value
            }

            /// Adds two values.
            ///
            /// # Errors
            /// [`Error::Overflow`] if the sum is not a finite `f64`.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nlet two = x.checked_add(x)?;\nassert_eq!(two.base_value(), 2.0 * x.base_value());\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn checked_add(self, rhs: Self) -> Result<Self> {
                Self::from_base(checked_result($what, "addition", self.0.value + rhs.0.value)?)
            }

            /// Subtracts `rhs`; quantities never go below zero.
            ///
            /// # Errors
            /// [`Error::Overflow`] if `rhs` is larger than `self`.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.checked_sub(x)?, ", stringify!($name), "::ZERO);\nassert!(", stringify!($name), "::ZERO.checked_sub(x).is_err());\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn checked_sub(self, rhs: Self) -> Result<Self> {
                Self::from_base(checked_result($what, "subtraction", self.0.value - rhs.0.value)?)
            }

            /// Multiplies by a plain, non-negative factor (a count of units, a share).
            ///
            /// # Errors
            /// [`Error::InvalidValue`] if `factor` is NaN, infinite or negative;
            /// [`Error::Overflow`] if the product is not a finite `f64`.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.checked_scale(3.0)?.base_value(), 3.0 * x.base_value());\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn checked_scale(self, factor: f64) -> Result<Self> {
                let factor = checked_factor(factor)?;
                Self::from_base(checked_result($what, "scaling", self.0.value * factor)?)
            }

            /// Sums an iterator of values.
            ///
            /// # Errors
            /// [`Error::Overflow`] as soon as the running sum is not a finite `f64`.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nlet total = ", stringify!($name), "::checked_sum([x, x, x])?;\nassert_eq!(total, x.checked_scale(3.0)?);\nassert_eq!(", stringify!($name), "::checked_sum([])?, ", stringify!($name), "::ZERO);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn checked_sum<I: IntoIterator<Item = Self>>(values: I) -> Result<Self> {
                values.into_iter().try_fold(Self::ZERO, Self::checked_add)
            }

            /// The ratio `self / rhs` as a plain number, e.g. a share of a total.
            ///
            /// # Errors
            /// [`Error::Overflow`] if `rhs` is zero (the ratio is not finite).
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.ratio(x.checked_scale(4.0)?)?, 0.25);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn ratio(self, rhs: Self) -> Result<f64> {
                let r = self.0.value / rhs.0.value;
                if r.is_finite() {
                    Ok(r)
                } else {
                    Err(Error::Overflow { quantity: $what, operation: "ratio" })
                }
            }

            /// Displays the value in a fixed unit `N` rather than the automatically chosen one.
            ///
            /// Precision flags pass through (`{:.1}`).
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\nuse sovereign_compute::units::system::", stringify!($module), "::", stringify!($example_unit), ";\n\nlet x: ", stringify!($name), " = \"", $other, "\".parse()?;\nprintln!(\"{}\", x.display_in(", stringify!($example_unit), "));\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn display_in<N>(self, unit: N) -> impl fmt::Display
            where
                N: system::$module::Unit + Conversion<f64, T = f64>,
            {
                self.0.into_format_args(unit, DisplayStyle::Abbreviation)
            }

            /// The value as a plain number in a unit named as text (`"EFLOP/s"`, `"MW"`): any
            /// spelling `FromStr` reads for this quantity (see the
            /// [module docs](crate::units#reading-and-writing)), case-insensitively.
            ///
            /// The number is the value in the base unit divided by the unit's size, the same
            /// number `Display` writes when it picks that unit; it is finite and non-negative.
            /// For a unit chosen at compile time, [`get`](Self::get) takes a uom unit type.
            ///
            /// # Errors
            #[doc = concat!("[`Error::UnknownUnit`] (listing the accepted units) if `unit` is not a unit of ", $what, ", e.g. a unit of another quantity;")]
            /// [`Error::AmbiguousUnit`] for a spelling with several readings.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::units::", stringify!($name), ";\n\nlet x: ", stringify!($name), " = \"", $example_display, "\".parse()?;\nassert_eq!(x.in_unit(\"", $in_unit, "\")?, ", stringify!($in_value), ");\nassert_eq!(x.in_unit(\"", $base, "\")?, x.base_value());\nlet err = x.in_unit(\"furlongs\").unwrap_err();\nassert!(err.to_string().contains(\"accepted units: \"), \"{err}\");\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn in_unit(self, unit: &str) -> Result<f64> {
                Ok(self.0.value / $parse_unit(unit)?)
            }

            /// The exact wire form: a readable unit when the number round-trips bit for bit
            /// through it, otherwise the base unit in scientific notation.
            fn exact_string(self) -> String {
                exact_string(self.0.value, &$ladder)
            }

        }

        impl Eq for $name {}

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        /// Values are finite and never negative zero, so the order is total.
        impl Ord for $name {
            fn cmp(&self, other: &Self) -> Ordering {
                self.0.value.total_cmp(&other.0.value)
            }
        }

        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.0.value.to_bits().hash(state);
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.exact_string())
            }
        }

        /// Picks the largest unit that keeps the number at or above 1 ("3 ZFLOP/s", "40 MW");
        /// `{:.N}` sets the digits after the point. For a fixed unit use `display_in`; for the
        /// number in a unit named as text (`"EFLOP/s"`), `in_unit`.
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_scaled(f, self.0.value, pick_rung(&$ladder, self.0.value))
            }
        }

        /// Reads a number and a unit as people write them; see the [module docs](crate::units)
        /// for the accepted spellings.
        impl FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self> {
                check_text(s, is_quantity_char, concat!("a number and a ", $what, " unit, such as \"", $example_display, "\""))?;
                let (number, unit) = split_number(s)?;
                let factor = $parse_unit(unit)?;
                if number.is_infinite() {
                    return Err(Error::InvalidValue {
                        quantity: $what,
                        value: number,
                        reason: "infinite: the number as written is above 1.8e308, the largest f64; quantities must be finite",
                    });
                }
                checked_value($what, number)?;
                Self::from_base(checked_result($what, "unit conversion", number * factor)?)
            }
        }

        impl std::ops::Add for $name {
            type Output = Result<Self>;

            fn add(self, rhs: Self) -> Result<Self> {
                self.checked_add(rhs)
            }
        }

        impl std::ops::Sub for $name {
            type Output = Result<Self>;

            fn sub(self, rhs: Self) -> Result<Self> {
                self.checked_sub(rhs)
            }
        }

        impl std::ops::Mul<f64> for $name {
            type Output = Result<Self>;

            fn mul(self, rhs: f64) -> Result<Self> {
                self.checked_scale(rhs)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.exact_string())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                deserializer.deserialize_any(super::wire::QuantityVisitor::<Self>::new($what, $example_display))
            }
        }
    };
}

const fn rung(symbol: &'static str, factor: f64) -> Rung {
    Rung { symbol, factor }
}

const RATE_LADDER: [Rung; 8] = [
    rung("FLOP/s", 1.0),
    rung("kFLOP/s", 1e3),
    rung("MFLOP/s", 1e6),
    rung("GFLOP/s", 1e9),
    rung("TFLOP/s", 1e12),
    rung("PFLOP/s", 1e15),
    rung("EFLOP/s", 1e18),
    rung("ZFLOP/s", 1e21),
];
const OPERATIONS_LADDER: [Rung; 9] = [
    rung("FLOP", 1.0),
    rung("kFLOP", 1e3),
    rung("MFLOP", 1e6),
    rung("GFLOP", 1e9),
    rung("TFLOP", 1e12),
    rung("PFLOP", 1e15),
    rung("EFLOP", 1e18),
    rung("ZFLOP", 1e21),
    rung("YFLOP", 1e24),
];
const TIME_LADDER: [Rung; 4] = [
    rung("s", 1.0),
    rung("min", 60.0),
    rung("h", 3_600.0),
    rung("d", 86_400.0),
];
const POWER_LADDER: [Rung; 4] = [
    rung("W", 1.0),
    rung("kW", 1e3),
    rung("MW", 1e6),
    rung("GW", 1e9),
];
const ENERGY_LADDER: [Rung; 5] = [
    rung("J", 1.0),
    rung("kWh", 3.6e6),
    rung("MWh", 3.6e9),
    rung("GWh", 3.6e12),
    rung("TWh", 3.6e15),
];
const EFFICIENCY_LADDER: [Rung; 2] = [rung("FLOP/J", 1.0), rung("GFLOP/s/W", 1e9)];
const FREQUENCY_LADDER: [Rung; 4] = [
    rung("Hz", 1.0),
    rung("kHz", 1e3),
    rung("MHz", 1e6),
    rung("GHz", 1e9),
];

const RATE_UNITS: &str = "accepted units: FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s, PFLOP/s, EFLOP/s, ZFLOP/s, YFLOP/s (also written FLOPS, PFLOPS, petaflops, exaflop/s, exaflops per second)";
const OPERATIONS_UNITS: &str = "accepted units: FLOP, kFLOP, MFLOP, GFLOP, TFLOP, PFLOP, EFLOP, ZFLOP, YFLOP (also written petaFLOP, exaflop)";
const TIME_UNITS: &str = "accepted units: s, min, h, d (also seconds, minutes, hours, days)";
const POWER_UNITS: &str =
    "accepted units: W, kW, MW, GW (also watts, kilowatts, megawatts, gigawatts)";
const ENERGY_UNITS: &str =
    "accepted units: J, kWh, MWh, GWh, TWh (also joules, kilowatt hours, megawatt-hours)";
const EFFICIENCY_UNITS: &str =
    "accepted units: FLOP/J, GFLOP/s/W (also GFLOPS/W, GFLOP/s per W, TFLOPS/W, FLOP per joule)";
const FREQUENCY_UNITS: &str = "accepted units: Hz, kHz, MHz, GHz (also hertz, megahertz)";

fn unknown(quantity: &'static str, unit: &str, hint: impl Into<String>) -> Error {
    Error::UnknownUnit {
        quantity,
        unit: unit.to_owned(),
        hint: hint.into(),
    }
}

fn ambiguous(quantity: &'static str, unit: &str, hint: impl Into<String>) -> Error {
    Error::AmbiguousUnit {
        quantity,
        unit: unit.to_owned(),
        hint: hint.into(),
    }
}

/// Looks a normalized unit up in a table of (spellings, factor) rows.
fn lookup(
    quantity: &'static str,
    unit: &str,
    rows: &[(&[&str], f64)],
    accepted: &str,
) -> Result<f64> {
    let norm = normalize(unit);
    rows.iter()
        .find(|(spellings, _)| spellings.contains(&norm.as_str()))
        .map(|&(_, factor)| factor)
        .ok_or_else(|| unknown(quantity, unit, accepted))
}

fn rate_unit(unit: &str) -> Result<f64> {
    match read_flop_unit(&normalize(unit)) {
        Some(FlopReading::Rate(f) | FlopReading::RateOrWorkPlural(f)) => Ok(f),
        Some(FlopReading::Work(_)) => Err(unknown(
            ComputeRate::NAME,
            unit,
            format!("that is an amount of work (FLOP), not a rate: add \"/s\"; {RATE_UNITS}"),
        )),
        Some(FlopReading::Bare(_)) => Err(ambiguous(
            ComputeRate::NAME,
            unit,
            format!("a bare prefix + F may mean FLOP or FLOP/s: write it out; {RATE_UNITS}"),
        )),
        None => Err(unknown(ComputeRate::NAME, unit, RATE_UNITS)),
    }
}

fn operations_unit(unit: &str) -> Result<f64> {
    match read_flop_unit(&normalize(unit)) {
        Some(FlopReading::Work(f)) => Ok(f),
        Some(FlopReading::Rate(_)) => Err(unknown(
            Operations::NAME,
            unit,
            format!("that is a rate (FLOP/s), not an amount of work; {OPERATIONS_UNITS}"),
        )),
        Some(FlopReading::RateOrWorkPlural(_) | FlopReading::Bare(_)) => Err(ambiguous(
            Operations::NAME,
            unit,
            format!(
                "\"FLOPS\" means FLOP per second in most announcements and a plural of FLOP elsewhere: write FLOP for work or FLOP/s for a rate; {OPERATIONS_UNITS}"
            ),
        )),
        None => Err(unknown(Operations::NAME, unit, OPERATIONS_UNITS)),
    }
}

fn time_unit(unit: &str) -> Result<f64> {
    lookup(
        Time::NAME,
        unit,
        &[
            (&["s", "sec", "secs", "second", "seconds"], 1.0),
            (&["min", "mins", "minute", "minutes"], 60.0),
            (&["h", "hr", "hrs", "hour", "hours"], 3_600.0),
            (&["d", "day", "days"], 86_400.0),
        ],
        TIME_UNITS,
    )
}

fn power_unit(unit: &str) -> Result<f64> {
    lookup(
        Power::NAME,
        unit,
        &[
            (&["w", "watt", "watts"], 1.0),
            (&["kw", "kilowatt", "kilowatts"], 1e3),
            (&["mw", "megawatt", "megawatts"], 1e6),
            (&["gw", "gigawatt", "gigawatts"], 1e9),
        ],
        POWER_UNITS,
    )
}

fn energy_unit(unit: &str) -> Result<f64> {
    lookup(
        Energy::NAME,
        unit,
        &[
            (&["j", "joule", "joules"], 1.0),
            (
                &[
                    "kwh",
                    "kilowatt hour",
                    "kilowatt hours",
                    "kilowatt-hour",
                    "kilowatt-hours",
                ],
                3.6e6,
            ),
            (
                &[
                    "mwh",
                    "megawatt hour",
                    "megawatt hours",
                    "megawatt-hour",
                    "megawatt-hours",
                ],
                3.6e9,
            ),
            (
                &[
                    "gwh",
                    "gigawatt hour",
                    "gigawatt hours",
                    "gigawatt-hour",
                    "gigawatt-hours",
                ],
                3.6e12,
            ),
            (
                &[
                    "twh",
                    "terawatt hour",
                    "terawatt hours",
                    "terawatt-hour",
                    "terawatt-hours",
                ],
                3.6e15,
            ),
        ],
        ENERGY_UNITS,
    )
}

fn frequency_unit(unit: &str) -> Result<f64> {
    lookup(
        Frequency::NAME,
        unit,
        &[
            (&["hz", "hertz"], 1.0),
            (&["khz", "kilohertz"], 1e3),
            (&["mhz", "megahertz"], 1e6),
            (&["ghz", "gigahertz"], 1e9),
        ],
        FREQUENCY_UNITS,
    )
}

/// Efficiency units are a FLOP rate per watt or an amount of FLOP per joule.
fn efficiency_unit(unit: &str) -> Result<f64> {
    let norm = normalize(unit);
    let per_watt = ["/w", " per w", "/watt", " per watt", "/watts", " per watts"];
    let per_joule = ["/j", " per j", "/joule", " per joule"];
    let split = |suffixes: &[&str]| {
        suffixes
            .iter()
            .find_map(|s| norm.strip_suffix(s))
            .map(|left| read_flop_unit(left.trim_end()))
    };
    match (split(&per_watt), split(&per_joule)) {
        (Some(Some(FlopReading::Rate(f) | FlopReading::RateOrWorkPlural(f))), _) => Ok(f),
        (_, Some(Some(FlopReading::Work(f) | FlopReading::RateOrWorkPlural(f)))) => Ok(f),
        _ => Err(unknown(EnergyEfficiency::NAME, unit, EFFICIENCY_UNITS)),
    }
}

quantity_type! {
    /// A compute rate in floating-point operations per second (base unit FLOP/s).
    ///
    /// A bare rate says nothing about the number format; announcements need a
    /// [`ComputeFigure`](crate::units::ComputeFigure), which adds precision, sparsity and basis.
    /// Always finite and non-negative.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeRate;
    ///
    /// let headline: ComputeRate = "3,000 exaflops".parse()?;
    /// assert_eq!(headline.to_string(), "3 ZFLOP/s");
    /// assert_eq!(format!("{:.1}", "1,440 PFLOP/s".parse::<ComputeRate>()?), "1.4 EFLOP/s");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    ComputeRate, compute_rate, "compute rate", base: "FLOP/s", ladder: RATE_LADDER,
    unit: rate_unit,
    example: petaflop_per_second(20.0) == "20 PFLOP/s",
    in_unit: "EFLOP/s" == 0.02,
    other: "3,000 EFLOP/s"
}

quantity_type! {
    /// An amount of work in floating-point operations (base unit FLOP), e.g. a training run.
    ///
    /// Always finite and non-negative. A [`ComputeRate`] times a [`Time`] is `Operations`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Operations;
    ///
    /// let run: Operations = "3.8e25 FLOP".parse()?;
    /// assert_eq!(run.to_string(), "38 YFLOP");
    /// assert!("3.8e25 FLOPS".parse::<Operations>().is_err()); // a rate, or a plural? say which
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Operations, operations, "amount of work", base: "FLOP", ladder: OPERATIONS_LADDER,
    unit: operations_unit,
    example: exaflop(5.0) == "5 EFLOP",
    in_unit: "PFLOP" == 5_000.0,
    other: "2 ZFLOP"
}

quantity_type! {
    /// A span of time (base unit second).
    ///
    /// Always finite and non-negative. Named after uom's quantity; unrelated to calendar dates,
    /// which are [`PartialDate`](crate::date::PartialDate)s.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Time;
    ///
    /// let t: Time = "90 min".parse()?;
    /// assert_eq!(t.to_string(), "1.5 h");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Time, time, "time", base: "s", ladder: TIME_LADDER,
    unit: time_unit,
    example: hour(24.0) == "1 d",
    in_unit: "h" == 24.0,
    other: "3 d"
}

quantity_type! {
    /// Electrical power (base unit watt), e.g. a GPU's TDP or a site's capacity.
    ///
    /// Always finite and non-negative.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Power;
    ///
    /// let site: Power = "40MW".parse()?;
    /// assert_eq!(site.to_string(), "40 MW");
    /// assert_eq!("1,000 W".parse::<Power>()?.to_string(), "1 kW");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Power, power, "power", base: "W", ladder: POWER_LADDER,
    unit: power_unit,
    example: megawatt(40.0) == "40 MW",
    in_unit: "kW" == 40_000.0,
    other: "1.2 MW"
}

quantity_type! {
    /// Energy (base unit joule), displayed in watt-hours above 1 kWh.
    ///
    /// Always finite and non-negative. [`Power`] times [`Time`] is `Energy`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Energy;
    ///
    /// let year: Energy = "350 GWh".parse()?;
    /// assert_eq!(year.to_string(), "350 GWh");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Energy, energy, "energy", base: "J", ladder: ENERGY_LADDER,
    unit: energy_unit,
    example: megawatt_hour(2.0) == "2 MWh",
    in_unit: "kWh" == 2_000.0,
    other: "1 TWh"
}

quantity_type! {
    /// Energy efficiency of computation (base unit FLOP/J), displayed as GFLOP/s per watt.
    ///
    /// Always finite and non-negative. A [`ComputeRate`] divided by a [`Power`] is an
    /// `EnergyEfficiency`; the number format is not tracked here, so state it beside the value.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::EnergyEfficiency;
    ///
    /// let green: EnergyEfficiency = "72.7 GFLOPS/W".parse()?;
    /// assert_eq!(green.to_string(), "72.7 GFLOP/s/W");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    EnergyEfficiency, energy_efficiency, "energy efficiency", base: "FLOP/J",
    ladder: EFFICIENCY_LADDER,
    unit: efficiency_unit,
    example: gigaflop_per_second_per_watt(50.0) == "50 GFLOP/s/W",
    in_unit: "FLOP/J" == 5e10,
    other: "60 GFLOP/s/W"
}

quantity_type! {
    /// A frequency (base unit hertz): cycles per second, not operations per second.
    ///
    /// Kept apart from [`ComputeRate`] by the type system: `rate + frequency` does not compile,
    /// and a rate cannot be built from a frequency.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Frequency;
    ///
    /// let clock: Frequency = "1.98 GHz".parse()?;
    /// assert_eq!(clock.to_string(), "1.98 GHz");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Frequency, frequency, "frequency", base: "Hz", ladder: FREQUENCY_LADDER,
    unit: frequency_unit,
    example: megahertz(1_980.0) == "1.98 GHz",
    in_unit: "GHz" == 1.98,
    other: "1.98 GHz"
}

/// Products and quotients between quantities. The uom types check each dimension at compile
/// time: if `$lhs $op $rhs` were not `$out`, the assignment to `system::f64::$out` would fail.
macro_rules! cross {
    ($lhs:ident * $rhs:ident = $out:ident) => {
        cross!(@impl Mul, mul, "multiplication", $lhs, $rhs, $out, *);
    };
    ($lhs:ident / $rhs:ident = $out:ident) => {
        cross!(@impl Div, div, "division", $lhs, $rhs, $out, /);
    };
    (@impl $trait:ident, $method:ident, $operation:literal, $lhs:ident, $rhs:ident, $out:ident, $op:tt) => {
        impl std::ops::$trait<$rhs> for $lhs {
            type Output = Result<$out>;

            fn $method(self, rhs: $rhs) -> Result<$out> {
                let raw: system::f64::$out = self.as_uom() $op rhs.as_uom();
                $out::from_base(checked_result($out::NAME, $operation, raw.value)?)
            }
        }
    };
}

cross!(ComputeRate * Time = Operations);
cross!(Time * ComputeRate = Operations);
cross!(Operations / Time = ComputeRate);
cross!(Operations / ComputeRate = Time);
cross!(ComputeRate / Power = EnergyEfficiency);
cross!(ComputeRate / EnergyEfficiency = Power);
cross!(EnergyEfficiency * Power = ComputeRate);
cross!(Power * EnergyEfficiency = ComputeRate);
cross!(Operations / Energy = EnergyEfficiency);
cross!(EnergyEfficiency * Energy = Operations);
cross!(Power * Time = Energy);
cross!(Time * Power = Energy);
cross!(Energy / Time = Power);
cross!(Energy / Power = Time);

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(junk::<Power>("40 MW\0"), ('\0', 5));
        assert_eq!(junk::<Power>("\u{0}40 MW"), ('\0', 0));
        assert_eq!(junk::<Power>("40 MW\u{200b}"), ('\u{200b}', 5));
        assert_eq!(junk::<Power>("40 MW\0\0"), ('\0', 5));
        assert_eq!(junk::<Power>("40 MW!!!"), ('!', 5));
        assert_eq!(junk::<ComputeRate>("3,000\u{ad} exaflops"), ('\u{ad}', 5));
        assert_eq!(junk::<ComputeRate>("20 PFLOP/s\u{feff}"), ('\u{feff}', 10));
        assert_eq!(junk::<Energy>("1\u{2009}GWh;"), (';', 5));
        assert_eq!(junk::<Time>("1\td"), ('\t', 1));
        assert_eq!(junk::<Frequency>("1.5 GHz\u{200e}"), ('\u{200e}', 7));
        assert_eq!(junk::<EnergyEfficiency>("25 GFLOP/s/W*"), ('*', 12));
        assert_eq!(junk::<Operations>("5\u{2028}EFLOP"), ('\u{2028}', 1));
        // The Kelvin sign lower-cases to "k": it is not read as one.
        assert_eq!(junk::<Power>("40 \u{212a}W"), ('\u{212a}', 3));
        let err = "40 MW\u{200b}".parse::<Power>().unwrap_err().to_string();
        assert_eq!(
            err,
            r#"unexpected character '\u{200b}' at position 5 in "40 MW\u{200b}": expected a number and a power unit, such as "40 MW""#
        );
    }

    #[test]
    fn white_space_around_and_spaces_inside_are_still_read() {
        assert_eq!(" 40\u{a0}MW\n".parse::<Power>(), "40 MW".parse::<Power>());
        assert_eq!(
            "3,000  exaflops".parse::<ComputeRate>(),
            "3,000 exaflops".parse::<ComputeRate>()
        );
        assert_eq!(
            "1 kilowatt\u{202f}hour".parse::<Energy>(),
            "1 kWh".parse::<Energy>()
        );
    }

    #[test]
    fn written_non_zero_values_never_read_as_zero_or_infinity() {
        let err = "1e-400 PFLOP/s".parse::<ComputeRate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid number in \"1e-400 PFLOP/s\": too small to represent: the number rounds to 0 in f64, whose smallest positive value is 5e-324; write 0 for zero"
        );
        for tiny in ["1e-400 W", "0.00001e-320 MW"] {
            assert!(
                matches!(tiny.parse::<Power>(), Err(Error::InvalidNumber { .. })),
                "{tiny}"
            );
        }
        assert!(matches!(
            "1e-400 s".parse::<Time>(),
            Err(Error::InvalidNumber { .. })
        ));
        assert!(matches!(
            "1e-400 J".parse::<Energy>(),
            Err(Error::InvalidNumber { .. })
        ));
        assert!(matches!(
            "1e-400 FLOP".parse::<Operations>(),
            Err(Error::InvalidNumber { .. })
        ));
        assert!(matches!(
            "1e-400 GFLOP/s/W".parse::<EnergyEfficiency>(),
            Err(Error::InvalidNumber { .. })
        ));
        assert!(matches!(
            "1e-400 Hz".parse::<Frequency>(),
            Err(Error::InvalidNumber { .. })
        ));
        let err = "1e400 MW".parse::<Power>().unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidValue { quantity: "power", value, .. } if value == f64::INFINITY
        ));
        assert_eq!(
            err.to_string(),
            "invalid power inf: infinite: the number as written is above 1.8e308, the largest f64; quantities must be finite"
        );
        assert_eq!(
            "1e308 GW".parse::<Power>(),
            Err(Error::Overflow {
                quantity: "power",
                operation: "unit conversion"
            })
        );
        // Zero is zero; the smallest subnormal is kept.
        assert_eq!("0e-400 W".parse::<Power>(), Ok(Power::ZERO));
        assert_eq!(
            "5e-324 W".parse::<Power>().map(Power::base_value),
            Ok(5e-324)
        );
    }
}
