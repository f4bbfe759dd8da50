#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// The README is the front page; its examples use the embedded dataset.
#![cfg_attr(feature = "dataset", doc = include_str!("../README.md"))]
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
//! | [`analysis`] | [`Query`](analysis::Query): [`Filter`](analysis::Filter)s, grouping by one or two [`GroupKey`](analysis::GroupKey)s (countries, blocs, organisations, parts, status, online period, ...) and a measure ([`Gpus`](analysis::Gpus), [`Compute`](analysis::Compute) in one format, [`ItPower`](analysis::ItPower), [`FacilityPower`](analysis::FacilityPower), [`AnnualEnergy`](analysis::AnnualEnergy) at a PUE and load factor, counts) into a [`Table`](analysis::Table) of bounded totals with the route of each part, shares and top-N; capacity at a date and [`Series`](analysis::Series) under a [`Scenario`](analysis::Scenario); programme claims reconciled with their parts ([`reconcile_compute`](analysis::reconcile_compute)); double counting ([`excluded`](analysis::excluded), [`overlaps`](analysis::overlaps)) |
//! | `interop` (feature `csv`) | CSV import of Epoch AI's GPU-clusters table and the TOP500 list into a registry, with every row problem reported by row and column, strict or lenient; export of a registry in both shapes and as a flat one-row-per-phase table with units in its column names |
//! | [`catalog`] | [`Catalog`](catalog::Catalog) of [`Accelerator`](catalog::Accelerator)s (GPU, superchip), [`System`](catalog::System)s (node, rack, pod) and [`Family`](catalog::Family) names, each figure sourced; name lookup with an alias table, counts to GPUs, peak compute per format, power at TDP; the built-in data (feature `dataset`) |
#![cfg_attr(
    feature = "dataset",
    doc = "| [`datasets`] | the embedded, sourced GTC Paris 2025 registry (feature `dataset`) |"
)]
#![cfg_attr(
    not(feature = "dataset"),
    doc = "| `datasets` | the embedded, sourced GTC Paris 2025 registry (feature `dataset`) |"
)]
#![cfg_attr(
    feature = "dataset",
    doc = "| [`synthetic`] | deterministic synthetic registries for benchmarks and tests (feature `dataset`) |"
)]
#![cfg_attr(
    not(feature = "dataset"),
    doc = "| `synthetic` | deterministic synthetic registries for benchmarks and tests (feature `dataset`) |"
)]
//! | [`error`] | the one [`Error`] type and [`Result`] |
//!
//! # Cookbook
//!
//! ## Total FP4 compute by country
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use sovereign_compute::analysis::{Compute, Group, GroupKey, Query};
//! use sovereign_compute::units::{Precision, Sparsity};
//! use sovereign_compute::{Country, datasets};
//!
//! let europe = datasets::gtc_paris_2025()?;
//! let fp4 = Query::new()
//!     .group_by(GroupKey::HostCountry)
//!     .run(&europe, Compute::peak(Precision::Fp4, Sparsity::Sparse))?;
//! let uk = &fp4.get(&[Group::Country(Country::GB)]).unwrap().total;
//! // "14,000 NVIDIA Blackwell GPUs": the model is not stated, so the bounds span the family.
//! assert_eq!(uk.lower().unwrap().rate.to_string(), "56 EFLOP/s");
//! assert_eq!(uk.upper().unwrap().rate.to_string(), "280 EFLOP/s");
//! println!("{fp4}");
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## What is online by 2026-Q4
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use chrono::NaiveDate;
//! use sovereign_compute::analysis::{Filter, Gpus, Query, Scenario};
//! use sovereign_compute::datasets;
//!
//! let europe = datasets::gtc_paris_2025()?;
//! let end_of_2026 = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
//! let online = |scenario| {
//!     Query::new()
//!         .filter(Filter::OnlineAt { date: end_of_2026, scenario })
//!         .run(&europe, Gpus)
//! };
//! let committed = online(Scenario::Committed)?;
//! assert_eq!(committed.total().central().unwrap().count(), 24_549);
//! assert!(online(Scenario::Optimistic)?.total().central() >= committed.total().central());
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## Load your own registry
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use sovereign_compute::registry::Registry;
//!
//! let json = r#"{
//!   "schema_version": 1,
//!   "deployments": [{
//!     "id": "se-example", "name": "Example cluster", "host": "SE",
//!     "phases": [{"name": "phase 1", "status": "planned", "dates": {"online": "2026-H2"},
//!       "hardware": [{"hardware": {"unlisted": "GPUs of an unstated model"},
//!                     "count": {"value": {"kind": "at-least", "value": {"count": 1000, "unit": "gpu"}}}}]}]
//!   }]
//! }"#;
//! let registry = Registry::from_json(json)?;
//! assert_eq!(registry.deployments()[0].phases[0].dates.online.unwrap().to_string(), "2026-H2");
//!
//! // From a file's bytes (`std::fs::read`), with UTF-8 checked as it is read:
//! assert_eq!(Registry::from_json_slice(json.as_bytes())?, registry);
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! ## Add a custom accelerator
//!
//! ```
//! # #[cfg(feature = "dataset")] {
//! use sovereign_compute::catalog::{Accelerator, Catalog, PeakFigure, Provenance, Source};
//! use sovereign_compute::units::{AcceleratorCount, Precision, Sparsity};
//!
//! let mut catalog = Catalog::builtin()?.clone();
//! catalog.add_source(Source::new("ACME-DS", "ACME X1 datasheet", Provenance::VendorDirect))?;
//! catalog.add_accelerator(
//!     Accelerator::gpu("acme-x1", "ACME X1", "acme")
//!         .with_peak(PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME-DS"))
//!         .with_alias("X1"),
//! )?;
//! let peak = catalog.peak("X1", AcceleratorCount::gpus(1_000), Precision::Fp8, Sparsity::Dense)?;
//! assert_eq!(peak.to_string(), "2 EFLOP/s FP8 dense peak");
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
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
//!
//! // At a PUE and a load factor, with IT power and facility power kept apart:
//! use sovereign_compute::analysis::{AnnualEnergy, PowerBasis, Pue};
//! let at = AnnualEnergy::new(Pue::new(1.2)?, "80%".parse()?, PowerBasis::Facility);
//! assert_eq!(format!("{:.1}", at.of(site, PowerBasis::Facility)?), "280.3 GWh"); // × 0.8
//! assert_eq!(format!("{:.1}", at.of(site, PowerBasis::It)?), "336.4 GWh"); // × 1.2 × 0.8
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
//!   Query results ([`Table`](analysis::Table), [`Series`](analysis::Series)) serialize as
//!   flat records with units in the field names.
//! - `dataset` (default, implies `serde`): the built-in hardware catalog
//!   (`Catalog::builtin`) and the embedded datasets.
//! - `csv` (off): import and export of the Epoch AI GPU-clusters and TOP500 tables
//!   (`interop`), with the `csv` crate; query results (`Table::write_csv`,
//!   `Series::write_csv`) as CSV with units in the column names.
//! - `uom-si` (off): conversions between this crate's power, energy, time and frequency and
//!   `uom::si` quantities. Off by default because `uom::si` is most of uom's compile time.
//!
//! # Limitations
//!
//! - Quantities are `f64`: sums of many values are exact to about 15 significant digits, and
//!   every arithmetic result that is not finite is an error rather than an infinity.
//! - Integer formats (INT8) are held as rates in OP/s alongside FLOP/s and tagged by precision.
//! - Partial dates span the years 1900 to 2200.
//! - Parsing is strict: no parser skips a character it does not read. White space around a
//!   value is trimmed and runs of spaces between words fold, but control and format characters
//!   (NUL, U+200B, U+FEFF, U+00AD, bidi marks) and punctuation outside a parser's forms are an
//!   [`Error::UnexpectedCharacter`] with the character and its position. A non-zero number
//!   that would round to 0 in `f64`, in text or in JSON, is an error rather than a zero.

#[macro_use]
extern crate uom;

#[macro_use]
mod tags;

pub mod analysis;
pub mod catalog;
#[cfg(feature = "dataset")]
pub mod datasets;
pub mod date;
pub mod error;
pub mod estimate;
#[cfg(feature = "csv")]
pub mod interop;
#[cfg(feature = "serde")]
mod json;
pub mod model;
pub mod prelude;
pub mod registry;
#[cfg(feature = "dataset")]
pub mod synthetic;
mod text;
pub mod units;

/// The date and time crate behind [`PartialDate`]'s days, re-exported so that a program
/// needs no dependency of its own on it: `sovereign_compute::chrono::NaiveDate`, also in the
/// [`prelude`].
pub use chrono;
pub use date::{DatePrecision, PartialDate};
pub use error::{Error, Result};
pub use estimate::Estimate;
pub use model::{bloc::Bloc, country::Country};

#[cfg(test)]
mod tests {
    /// The README's quick start is `examples/quickstart.rs` without its opening comment: the
    /// README runs as a doctest (feature `dataset`), the example with `cargo run`.
    #[test]
    fn the_readme_shows_the_quickstart_example() {
        let example = include_str!("../examples/quickstart.rs");
        let code = example
            .split_once("use sovereign_compute::prelude::*;")
            .map(|(_, rest)| format!("```rust\nuse sovereign_compute::prelude::*;{rest}```"))
            .unwrap_or_default();
        assert!(!code.is_empty());
        assert!(include_str!("../README.md").contains(&code));
        // Its only crate import is the prelude, and it stays within 40 lines.
        assert_eq!(example.matches("sovereign_compute").count(), 1);
        assert!(example.lines().count() <= 40);
    }
}
