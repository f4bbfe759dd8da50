//! Analysis: totals by group, capacity over time, and headline claims reconciled with their
//! parts. Pure functions over a [`Registry`](crate::registry::Registry): they read what the
//! registry resolved when it was built (see [Resolved once](crate::registry#resolved-once)),
//! never the catalog, so every answer agrees with the registry's exports.
//!
//! ```
//! use sovereign_compute::analysis::{Gpus, GroupKey, Query};
//! use sovereign_compute::estimate::Estimate;
//! use sovereign_compute::model::*;
//! use sovereign_compute::registry::Registry;
//! use sovereign_compute::units::AcceleratorCount;
//! use sovereign_compute::Country;
//!
//! let gpus = |phrase: &str| -> sovereign_compute::Result<HardwareLine> {
//!     Ok(HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse(phrase)?)))
//! };
//! let registry = Registry::builder()
//!     .deployment(Deployment::new("fr-a", "A", Country::FR)
//!         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(gpus("14,000 GPUs")?)))
//!     .deployment(Deployment::new("de-b", "B", Country::DE)
//!         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(gpus("up to 10,000 GPUs")?)))
//!     .build()?;
//!
//! let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Gpus)?;
//! assert_eq!(table.lower(Country::DE), Some(AcceleratorCount::gpus(0))); // "up to"
//! assert_eq!(table.upper(Country::DE), Some(AcceleratorCount::gpus(10_000)));
//! assert_eq!(table.central(Country::FR).map(|n| n.count()), Some(14_000));
//! assert_eq!(table.to_string(), "\
//! GPUs by host country
//! host country   lower  central   upper  unknown   share
//! DE                 0   10,000  10,000        0   41.7%
//! FR            14,000   14,000  14,000        0   58.3%
//! total         14,000   24,000  24,000        0  100.0%
//! ");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Overview
//!
//! | item | what it does |
//! | --- | --- |
//! | [`Query`] | filters ([`Filter`]), grouping by one or two [`GroupKey`]s, then [`run`](Query::run) a measure into a [`Table`] or a [`series`](Query::series) over [`Points`] into a [`Series`] |
//! | measures ([`Measure`]) | [`Gpus`], [`Compute`] in one format, [`ItPower`], [`FacilityPower`] at a PUE, [`AnnualEnergy`] at a PUE and load factor, [`Deployments`], [`Phases`] |
//! | [`energy`] | annual energy from IT or facility power: [`AnnualEnergy`], [`Pue`], [`LoadFactor`], [`PowerBasis`] |
//! | [`Table`], [`Row`] | a [`Total`](crate::estimate::Total) per [`Group`] and overall, with the [`Routes`] of its parts, shares, top-N and a text table; a row by its group's value ([`Table::row`]`(Country::FR)`) and its bounds ([`Table::central`]) |
//! | [`Scenario`] | committed or optimistic reading of partial dates: what counts on a day |
//! | [`H100Equivalents`] ([`h100e`]) | compute counted in H100 SXM GPUs: [`at`](H100Equivalents::at) a format over the H100's figure at the same format, or [`epoch`](H100Equivalents::epoch) following Epoch AI's definition |
//! | [`Filter::at_least`], [`GroupKey::Certainty`], [`GroupKey::Label`] | what is at least as certain as a [`Certainty`](crate::model::Certainty) grade, composing with either scenario; deployments by [`Label`](crate::model::Label) (Epoch AI's standard-analysis selection) |
//! | [`reconcile_compute`], [`reconcile_gpus`] | a programme's headline claim against its itemised deployments: [`Reconciliation`] |
//! | [`overlaps`], [`excluded`] | deployments two programmes list; deployments left out as superseded or duplicate |
//! | [`operator_country`] | who controls a deployment, with the fallbacks |
//!
//! # Semantics
//!
//! **Every total is a [`Total`](crate::estimate::Total)**: lower, central and upper values
//! and a count of unknown parts. A figure that cannot be stated or derived is an unknown part,
//! never a zero: its total keeps a lower bound and loses its upper bound. A phase without
//! hardware lines (or a deployment without phases) has unknown GPUs, compute and power.
//!
//! **Units**: GPU totals are [`AcceleratorCount`](crate::units::AcceleratorCount)s in GPUs;
//! compute totals are [`ComputeFigure`](crate::units::ComputeFigure)s in FLOP/s (OP/s for
//! INT8) in the one format asked for; power totals are [`Power`](crate::units::Power) in W;
//! energy totals ([`AnnualEnergy`]) are [`Energy`](crate::units::Energy) in J, shown in Wh;
//! deployment and phase counts are plain numbers.
//!
//! **Routes**: each part says how it was obtained ([`Route`]). A phase whose source states
//! the figure (compute in exactly the asked format, or power) counts as stated (or assumed,
//! when the registry assumed the format); otherwise each hardware line is converted through
//! the catalog: counts in superchips, nodes and racks to GPUs, GPUs × the per-GPU peak at the
//! asked precision and sparsity, or × the per-GPU TDP. Formats are never converted into each
//! other by a fixed factor. When a query groups by a hardware key and a phase's lines fall in
//! different groups, its stated figure cannot be split, so its lines are derived instead.
//!
//! **Double counting**: a deployment whose `superseded_by` or `duplicate_of` names a deployment
//! in the registry is left out of every total, and the record at the end of the chain is
//! counted instead ([`excluded`]); results say how many were left out. Programme claims are
//! never added to totals: they are compared with their parts ([`reconcile_compute`]).
//!
//! **Statuses**: cancelled and superseded phases are left out of every total, unless a
//! [`Filter::Status`] names their status. Capacity at a date is [`Filter::OnlineAt`] with a
//! [`Scenario`] ([`Filter::online_at`] takes a day or a partial date, read as its last day);
//! a series is the same question at many dates.
//!
//! **Certainty**: every phase has a [`Certainty`](crate::model::Certainty) grade (confirmed,
//! likely, unlikely; confirmed unless a source hedges). A scenario reads dates only;
//! [`Filter::at_least`] adds "at least this certain", so that committed and at least likely is
//! what certainly runs by the announced timeline among what is not merely rumoured.
//!
//! **Groups**: a record with no value for a key is in [`Group::Unknown`]. The host country is
//! where the hardware is; the operator country is who controls it ([`operator_country`]:
//! stated, else the headquarters of the operator, else of the owner). A record in several
//! groups (two operators, two purposes) counts in each and once in the total; the table then
//! says its groups [overlap](Table::overlapping).
//!
//! **Bounds of comparisons**: see [`Remainder`] and [`Comparison::covered`].
//!
//! # Reading results
//!
//! A row of a table grouped by one key is found by its group's value:
//! [`Table::row`]`(Country::FR)` (a [`Group`] converts from a country, status, purpose,
//! online period, organisation, part or family). [`Table::lower`], [`Table::central`] and
//! [`Table::upper`] give a group's bounds in one call, in the measure's unit; a figure in a
//! named unit is [`ComputeFigure::in_unit`](crate::units::ComputeFigure::in_unit)`("EFLOP/s")`
//! (every quantity has `in_unit`). A printed table's title names the query's filters, and a
//! series' its scenario too.
//!
//! # Results out
//!
//! [`Table`] and [`Series`] implement `Serialize` (feature `serde`) and write CSV (feature
//! `csv`: `Table::write_csv`, `Table::to_csv`, `Series::write_csv`, `Series::to_csv`). Both
//! are flat records with the same columns, in the order below, so that a data frame reads
//! them as they are (`pandas.read_csv(path)`, `polars.read_csv(path)`, or
//! `pandas.DataFrame(json["rows"])`):
//!
//! | column | what it holds |
//! | --- | --- |
//! | `period`, `date` | series only: the point's period (`2026-Q1`) and its last day (`2026-03-31`), when totals are taken |
//! | one per key | the key's name in snake case (`host_country`, `status`, `online_quarter`, `operator`, `host_in_eu_on_2025_06_11`; a repeated key `_2`), holding the group as printed (`FR`, `operational`, `2026-Q1`, `unknown`); empty (`null`) on the total's records |
//! | `is_total` | `false` for a group, `true` for the total (each part counted once: when groups [overlap](Table::overlapping), the groups add up to more) |
//! | `{measure}_lower`, `{measure}_central`, `{measure}_upper` | the total's bounds, in the unit the measure's name ends with: `gpus_*` (GPUs), `compute_fp8_dense_peak_flop_per_s_*` (compute in that precision, sparsity and basis, FLOP/s; `_op_per_s` for INT8), `it_power_w_*` and `facility_power_w_*` (W), `deployments_*`, `phases_*` (counts). The upper bound is empty when unbounded; all three are empty when no part is known; a total of no parts (nothing selected, nothing counted on that day) is 0 |
//! | `parts`, `unknown_parts` | the parts added up, and how many of them are unknown (never summed as zero) |
//! | `stated_parts`, `assumed_parts`, `derived_parts` | tables only: how the known parts were obtained ([`Routes`]) |
//! | `share` | tables only: the group's share of the total's central value, 0 to 1; empty when not defined |
//! | `measure`, `filters`, `scenario` | CSV only, the same on every record: the measure as printed (`FP8 dense peak compute`, `facility power at PUE 1.3`), the query's filters as printed and joined by ` and ` (empty for none), and the scenario (a series' own; a table's is that of its [`OnlineAt`](Filter::OnlineAt) filters, empty without one) |
//!
//! Numbers are plain numbers in the unit their column names, in full: GPU counts and other
//! counts as whole numbers, rates and power in the base unit as the shortest digits that read
//! back as exactly the same `f64` (`1.44e18`), so a total read back equals the crate's. The
//! unit is in the column name rather than in each cell (unlike the registry's JSON, where a
//! quantity is `"20 PFLOP/s"`) so that the columns are numeric in any data-frame library.
//!
//! In the CSV the query travels in the last three columns of every record rather than in a
//! comment line or a second file: `read_csv` takes no options for it and nothing is lost when
//! the file is split or joined. The `Serialize` form carries it once, beside the records:
//! `{"measure", "unit", "keys", "filters": [..], "scenario", "rows": [records], "total":
//! record, ...}` for a table (a list of records per point for a series' `total`, and its
//! `period` spacing).
//!
//! # Cost
//!
//! A table takes one pass over the registry's resolved index (phases and hardware lines laid
//! out for scanning). A series of m points over p parts takes O((p + m) log m): each part is
//! placed once, then the points are swept once. Large registries are split between threads
//! ([`Query::threads`] bounds them). Measured figures are in `benches/README.md`.

#[cfg(feature = "serde")]
pub mod diff;
mod dimension;
mod duplicates;
pub mod energy;
mod filter;
pub mod h100e;
mod hashing;
mod measure;
mod parallel;
mod query;
mod reconcile;
#[cfg(any(feature = "serde", feature = "csv"))]
mod records;
mod scenario;
mod sum;
mod table;
mod timeline;
pub mod training;
mod walk;

#[cfg(feature = "serde")]
pub use diff::{
    Change, ChangeKind, Delta, DiffSummary, Movement, MovementTable, RecordKind, RegistryDiff,
};
pub use dimension::{Group, GroupKey, operator_country};
pub use duplicates::{Exclusion, excluded};
pub use energy::{AnnualEnergy, HOURS_PER_YEAR, LoadFactor, PowerBasis, Pue};
pub use filter::{Filter, IntoDay};
pub use h100e::{EPOCH_H100_OPS, H100_SXM, H100Equivalents, H100e};
pub use measure::{
    Compute, Deployments, FacilityPower, Gpus, ItPower, Measure, Phases, Route, Routes,
};
pub use query::Query;
pub use reconcile::{
    Balance, Comparison, NotComparable, Outcome, Overlap, Reading, Reconciliation, Remainder,
    Share, overlaps, reconcile_compute, reconcile_gpus,
};
pub use scenario::Scenario;
pub use table::{Row, Table};
pub use timeline::{Period, Points, Series, SeriesRow};
pub use training::{
    EU_AI_ACT_SYSTEMIC_RISK, Threshold, TrainingCompute, TrainingTime, TrainingWork,
    US_EO_14110_REPORTING, Utilisation, most_work_in, time_to_train,
};
