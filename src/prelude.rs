//! The everyday names in one import.
//!
//! ```
//! # #[cfg(feature = "dataset")] { // the built-in catalog names the B200
//! use sovereign_compute::prelude::*;
//!
//! let registry = Registry::builder()
//!     .deployment(
//!         Deployment::new("de-industrial-ai-cloud", "Industrial AI Cloud", Country::DE).with_phase(
//!             Phase::new("first phase", Status::UnderConstruction)
//!                 .with_hardware("B200", "10,000 GPUs")
//!                 .with_online("2026-Q1"),
//!         ),
//!     )
//!     .build()?;
//! let end_of_2026: NaiveDate = PartialDate::parse("2026")?.latest();
//! let online = Query::new()
//!     .filter(Filter::OnlineAt { date: end_of_2026, scenario: Scenario::Committed })
//!     .run(&registry, Gpus)?;
//! assert_eq!(online.total().central(), Some(AcceleratorCount::gpus(10_000)));
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! What it holds:
//!
//! | for | names |
//! | --- | --- |
//! | the registry | [`Registry`], [`RegistryBuilder`], [`Catalog`] |
//! | records | [`Deployment`], [`Phase`], [`Status`], [`HardwareLine`], [`HardwareRef`], [`Organisation`], [`OrganisationKind`], [`Participation`], [`Role`], [`Purpose`], [`Programme`], [`Initiative`], [`InitiativeKind`], [`Source`] (the model's), [`Citation`], [`Sourced`] |
//! | queries | [`Query`], [`Table`], [`Series`], [`Points`], [`Filter`], [`GroupKey`], [`Group`], [`Scenario`] |
//! | measures | [`Gpus`], [`Compute`], [`ItPower`], [`FacilityPower`], [`Deployments`], [`Phases`] |
//! | places | [`Country`], [`Bloc`] |
//! | dates | [`PartialDate`], [`DatePrecision`], chrono's [`NaiveDate`] |
//! | figures | [`Estimate`], [`Total`], [`AcceleratorCount`], [`CountingUnit`], [`ComputeFigure`], [`ComputeRate`], [`Power`], [`Energy`], [`Precision`], [`Sparsity`] |
//! | errors | [`Error`], [`Result`] (whose error type defaults to [`Error`]) |
//!
//! `Result` here is the crate's alias, `Result<T, E = Error>`: it shadows the standard
//! library's, which it equals when both parameters are given.

pub use chrono::NaiveDate;

pub use crate::analysis::{
    Compute, Deployments, FacilityPower, Filter, Gpus, Group, GroupKey, ItPower, Phases, Points,
    Query, Scenario, Series, Table,
};
pub use crate::catalog::Catalog;
pub use crate::date::{DatePrecision, PartialDate};
pub use crate::estimate::{Estimate, Total};
pub use crate::model::{
    Citation, Deployment, HardwareLine, HardwareRef, Initiative, InitiativeKind, Organisation,
    OrganisationKind, Participation, Phase, Programme, Purpose, Role, Source, Sourced, Status,
};
pub use crate::registry::{Registry, RegistryBuilder};
pub use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeRate, CountingUnit, Energy, Power, Precision, Sparsity,
};
pub use crate::{Bloc, Country, Error, Result};
