//! Unit-safe quantities: compute rates that cannot be mistaken for frequencies, work that cannot
//! be mistaken for a rate, and figures that carry their number format.
//!
//! # The quantities
//!
//! | type | base unit | displayed in | product and quotient rules |
//! | --- | --- | --- | --- |
//! | [`ComputeRate`] | FLOP/s | FLOP/s … ZFLOP/s | rate × time = work; rate ÷ power = efficiency |
//! | [`Operations`] | FLOP | FLOP … YFLOP | work ÷ time = rate; work ÷ rate = time |
//! | [`Time`] | s | s, min, h, d | |
//! | [`Power`] | W | W, kW, MW, GW | power × time = energy |
//! | [`Energy`] | J | J, kWh, MWh, GWh, TWh | energy ÷ time = power |
//! | [`EnergyEfficiency`] | FLOP/J | GFLOP/s/W | efficiency × power = rate |
//! | [`Frequency`] | Hz | Hz … GHz | none with the others: cycles are not operations |
//!
//! Each is a newtype over a uom quantity of the crate's own [`system`](mod@system) (length, mass, time and
//! floating-point operation as base quantities), so dimensions are checked at compile time:
//!
//! ```compile_fail
//! # use sovereign_compute::units::{ComputeRate, Frequency};
//! let rate: ComputeRate = "1 PFLOP/s".parse().unwrap();
//! let clock: Frequency = "1 GHz".parse().unwrap();
//! let _ = rate + clock; // a rate and a frequency do not add
//! ```
//!
//! Every value is finite and non-negative, checked at construction, parsing and
//! deserialization. So that no operation can quietly produce an infinity, NaN or negative value,
//! arithmetic returns [`Result`](crate::Result): `(rate * time)?` is [`Operations`],
//! `(a + b)?` is a sum, and `checked_add`/`checked_sub`/`checked_scale` name the same
//! operations.
//!
//! ```
//! use sovereign_compute::units::{ComputeRate, Operations, Power, Time};
//!
//! let rate: ComputeRate = "1 EFLOP/s".parse()?;
//! let day: Time = "1 d".parse()?;
//! let work: Operations = (rate * day)?;
//! assert_eq!(work.to_string(), "86.4 ZFLOP");
//! let site: Power = "40 MW".parse()?;
//! assert_eq!((rate / site)?.to_string(), "25 GFLOP/s/W");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Reading and writing
//!
//! `Display` picks the largest unit that keeps the number at or above 1 ("3 ZFLOP/s",
//! "40 MW") and honours `{:.N}`; `display_in` fixes the unit. `in_unit` gives the plain
//! number in a unit named as text, for a chart or a spreadsheet: `rate.in_unit("EFLOP/s")?`,
//! `power.in_unit("MW")?` (any spelling `FromStr` accepts below; another unit is an
//! [`Error::UnknownUnit`](crate::Error::UnknownUnit) listing the accepted ones). Counts and
//! figures have it too: [`AcceleratorCount::in_unit`] (`"GPUs"`) and
//! [`ComputeFigure::in_unit`]. `FromStr` reads a number (with
//! optional `,` thousands separators, decimal point, exponent) then a unit, with or without a
//! space, case-insensitively:
//!
//! | quantity | accepted units |
//! | --- | --- |
//! | rate | `FLOP/s` with prefixes k M G T P E Z Y, or spelled out: `PFLOPS`, `petaflops`, `exaflop/s`, `exaflops per second` |
//! | work | `FLOP` with prefixes, `petaFLOP`, `exaflop` |
//! | time | `s`, `min`, `h`, `d`, and the words |
//! | power | `W`, `kW`, `MW`, `GW`, and the words |
//! | energy | `J`, `kWh`, `MWh`, `GWh`, `TWh`, and the words |
//! | efficiency | `FLOP/J`, `GFLOP/s/W`, `GFLOPS/W`, `TFLOPS per watt`, `FLOP per joule` |
//! | frequency | `Hz`, `kHz`, `MHz`, `GHz` |
//!
//! Spellings that mean different things are errors, not guesses: "exaflop" is work, so it is
//! rejected as a rate; "FLOPS" is a rate in announcements and a plural elsewhere, so it is
//! rejected as work; "PF" alone is rejected everywhere.
//!
//! Every character is read. White space around the text is trimmed, and a run of spaces
//! between the number and the unit or between the words of a unit counts as one (any Unicode
//! space separator, so `"40\u{a0}MW"` with a no-break space reads as 40 MW). Anything else
//! outside ASCII letters, digits and `. , + - /` is an
//! [`Error::UnexpectedCharacter`](crate::Error::UnexpectedCharacter) naming the character and
//! its position: a NUL, a tab inside the text, a zero-width space, a soft hyphen, `"40 MW!"`.
//! Figures, counts and tags ([`Precision`], [`CountingUnit`], ...) read the same way (tags
//! also take `:`, as in `"2:4 sparse"`).
//!
//! A number is read into `f64` without losing what was written: a non-zero number that rounds
//! to 0 (`"1e-400 PFLOP/s"`) is an [`Error::InvalidNumber`](crate::Error::InvalidNumber) ("too
//! small to represent"), and one past `f64::MAX` (`"1e400 W"`) or a value that passes it in the
//! base unit (`"1e300 EFLOP/s"`) is an error too. Subnormal numbers (below 2.2e-308) are read
//! as the nearest `f64`, with fewer significant digits, so that every value the constructors
//! accept reads back from its text.
//!
//! On the wire (feature `serde`) a quantity is a string with its unit, `"20 PFLOP/s"`, written
//! in a readable unit whenever that round-trips bit for bit, else in the base unit. Reading also
//! accepts `{"value": 20, "unit": "PFLOP/s"}`; a bare number is an error.
//!
//! # Figures and counts
//!
//! A [`ComputeFigure`] is a rate with a [`ComputeFormat`]: [`Precision`], [`Sparsity`] and
//! [`Basis`]. Figures add only when the three tags agree; [`ComputeTotals`] keeps mixed
//! figures apart. An [`AcceleratorCount`] is a whole number with a [`CountingUnit`].

mod count;
mod figure;
mod notation;
mod quantity;
#[cfg(feature = "uom-si")]
mod si;
pub mod system;
#[cfg(feature = "serde")]
mod wire;

pub use count::{AcceleratorCount, CountingUnit};
pub(crate) use count::{missing_unit, not_a_count, write_grouped};
pub use figure::{Basis, ComputeFigure, ComputeFormat, ComputeTotals, Precision, Sparsity};
pub(crate) use notation::{
    is_quantity_char, is_tag_char, normalize, parse_whole, split_number, underflow,
};
pub use quantity::{ComputeRate, Energy, EnergyEfficiency, Frequency, Operations, Power, Time};
