//! Analysis: totals by group, capacity over time, and headline claims reconciled with their
//! parts. Pure functions over a [`Registry`](crate::registry::Registry): they read what the
//! registry resolved when it was built (see [Resolved once](crate::registry#resolved-once)),
//! never the catalog, so every answer agrees with the registry's exports.
//!
//! ```
//! use sovereign_compute::analysis::{Gpus, Group, GroupKey, Query};
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
//! let de = table.get(&[Group::Country(Country::DE)]).unwrap();
//! assert_eq!(de.total.lower(), Some(AcceleratorCount::gpus(0))); // "up to"
//! assert_eq!(de.total.upper(), Some(AcceleratorCount::gpus(10_000)));
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
//! | measures ([`Measure`]) | [`Gpus`], [`Compute`] in one format, [`ItPower`], [`FacilityPower`] at a PUE, [`Deployments`], [`Phases`] |
//! | [`Table`], [`Row`] | a [`Total`](crate::estimate::Total) per [`Group`] and overall, with the [`Routes`] of its parts, shares, top-N and a text table |
//! | [`Scenario`] | committed or optimistic reading of partial dates: what counts on a day |
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
//! [`Scenario`]; a series is the same question at many dates.
//!
//! **Groups**: a record with no value for a key is in [`Group::Unknown`]. The host country is
//! where the hardware is; the operator country is who controls it ([`operator_country`]:
//! stated, else the headquarters of the operator, else of the owner). A record in several
//! groups (two operators, two purposes) counts in each and once in the total; the table then
//! says its groups [overlap](Table::overlapping).
//!
//! **Bounds of comparisons**: see [`Remainder`] and [`Comparison::covered`].
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
mod filter;
mod hashing;
mod measure;
mod parallel;
mod query;
mod reconcile;
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
pub use filter::Filter;
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
