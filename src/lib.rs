#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![doc = include_str!("../README.md")]
//!
//! # Overview
//!
//! The crate is built in layers; each uses only the ones above it.
//!
//! | module | what it holds |
//! | --- | --- |
//! | [`units`] | [`ComputeRate`](units::ComputeRate), [`Operations`](units::Operations), [`Power`](units::Power), [`Energy`](units::Energy), [`Time`](units::Time), [`EnergyEfficiency`](units::EnergyEfficiency), [`Frequency`](units::Frequency): validated uom quantities; [`ComputeFigure`](units::ComputeFigure) = rate + [`Precision`](units::Precision) + [`Sparsity`](units::Sparsity) + [`Basis`](units::Basis); [`ComputeTotals`](units::ComputeTotals) per format; [`AcceleratorCount`](units::AcceleratorCount) with its [`CountingUnit`](units::CountingUnit) |
//! | [`date`] | [`PartialDate`]: "2026", "2026-H2", "2026-Q1", "2026-06", "2026-06-11" with earliest and latest days and honest comparisons |
//! | [`estimate`] | [`Estimate<T>`](estimate::Estimate): exact, at least, at most, range, approximately or unknown, with the source phrase; [`Total`](estimate::Total) sums that keep bounds and count unknown parts; phrase parsing ("more than 3,000 exaflops") |
//! | [`model`] | [`Country`] (ISO 3166-1) and [`Bloc`] (EU, EEA, EFTA, your own) with dated, sourced membership; [`Organisation`](model::Organisation)s and their [`Role`](model::Role)s, [`Source`](model::Source)s and [`Citation`](model::Citation)s, [`Deployment`](model::Deployment)s built in [`Phase`](model::Phase)s (lifecycle [`Status`](model::Status), partial dates, hardware lines, stated compute and power), [`Programme`](model::Programme)s (umbrella claims) and [`Initiative`](model::Initiative)s |
//! | [`registry`] | the validated [`Registry`](registry::Registry): every cross-reference, date order, status and hardware line checked, all problems reported at once; versioned JSON load and save with the path of a bad value |
//! | [`catalog`] | [`Catalog`](catalog::Catalog) of [`Accelerator`](catalog::Accelerator)s (GPU, superchip), [`System`](catalog::System)s (node, rack, pod) and [`Family`](catalog::Family) names, each figure sourced; name lookup with an alias table, counts to GPUs, peak compute per format, power at TDP; the built-in data (feature `dataset`) |
//! | [`datasets`] | the embedded, sourced GTC Paris 2025 registry (feature `dataset`) |
//! | [`synthetic`] | deterministic synthetic registries for benchmarks and tests (feature `dataset`) |
//! | [`error`] | the one [`Error`] type and [`Result`] |
//!
//! Aggregation, capacity timelines and claim reconciliation are the next layer (see the
//! README's roadmap).
//!
//! # Cookbook
//!
//! ## Add up announcements that quote different number formats
//!
//! ```
//! use sovereign_compute::units::{ComputeFigure, ComputeFormat, ComputeTotals, Precision, Sparsity};
//!
//! let mut totals = ComputeTotals::new();
//! for quoted in ["1,440 PFLOP/s FP4 sparse", "115 EFLOP/s FP4 sparse", "793.4 PFLOP/s FP64 dense HPL"] {
//!     totals.add(quoted.parse::<ComputeFigure>()?)?;
//! }
//! // FP4 and FP64 stay on separate lines: there is no factor between them.
//! assert_eq!(totals.len(), 2);
//! let fp4 = totals.get(ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse)).unwrap();
//! assert_eq!(fp4.to_string(), "116.44 EFLOP/s");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## Keep "more than" and "hundreds of" through a sum
//!
//! ```
//! use sovereign_compute::estimate::{Estimate, Total};
//! use sovereign_compute::units::AcceleratorCount;
//!
//! let parts: Vec<Estimate<AcceleratorCount>> = ["14,000 Blackwell GPUs", "hundreds of GPUs", "unknown"]
//!     .into_iter()
//!     .map(Estimate::parse)
//!     .collect::<Result<_, _>>()?;
//! let total = Total::sum(&parts)?;
//! assert_eq!(total.lower(), Some(AcceleratorCount::gpus(14_100)));
//! assert_eq!(total.upper(), None); // an unknown part is not a zero
//! assert_eq!(total.unknown_parts(), 1);
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## Energy of a site over a year
//!
//! ```
//! use sovereign_compute::units::{Energy, Power, Time};
//!
//! let site: Power = "40 MW".parse()?;
//! let year: Time = "365 d".parse()?;
//! let energy: Energy = (site * year)?;
//! assert_eq!(format!("{energy:.1}"), "350.4 GWh");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## Is a phase online by a date?
//!
//! ```
//! use chrono::NaiveDate;
//! use sovereign_compute::PartialDate;
//!
//! let online: PartialDate = "2026-Q1".parse()?;
//! let day = NaiveDate::from_ymd_opt(2026, 2, 15).unwrap();
//! assert!(online.earliest() <= day); // optimistic: possibly online
//! assert!(!(online.latest() <= day)); // committed: not yet certain
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Crate features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every quantity, figure, count and date.
//!   Quantities are written with their unit (`"20 PFLOP/s"`); a bare number is an error.
//! - `dataset` (default, implies `serde`): the built-in hardware catalog
//!   ([`Catalog::builtin`](catalog::Catalog::builtin)) and the embedded datasets.
//! - `uom-si` (off): conversions between this crate's power, energy, time and frequency and
//!   `uom::si` quantities. Off by default because `uom::si` is most of uom's compile time.
//!
//! # Limitations
//!
//! - Quantities are `f64`: sums of many values are exact to about 15 significant digits, and
//!   every arithmetic result that is not finite is an error rather than an infinity.
//! - Integer formats (INT8) are held as rates in OP/s alongside FLOP/s and tagged by precision.
//! - Partial dates span the years 1900 to 2200.

#[macro_use]
extern crate uom;

#[macro_use]
mod tags;

pub mod catalog;
#[cfg(feature = "dataset")]
pub mod datasets;
pub mod date;
pub mod error;
pub mod estimate;
#[cfg(feature = "serde")]
mod json;
pub mod model;
pub mod registry;
#[cfg(feature = "dataset")]
pub mod synthetic;
pub mod units;

pub use date::{DatePrecision, PartialDate};
pub use error::{Error, Result};
pub use estimate::Estimate;
pub use model::{bloc::Bloc, country::Country};
