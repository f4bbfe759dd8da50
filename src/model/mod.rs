//! The domain model: countries and blocs, organisations and their roles, sources and
//! citations, deployments with their phases, programmes (umbrella commitments) and
//! initiatives that are not compute.
//!
//! These are plain data types with public fields. Every method that sets or adds to a field
//! is named `with_<field>` and returns the record (`with_phase`, `with_hardware`,
//! `with_online`, `with_citation`); the [`RegistryBuilder`](crate::registry::RegistryBuilder)
//! and the analysis [`Query`](crate::analysis::Query) are builders, whose steps are named
//! without a prefix (`.deployment(..)`, `.filter(..)`).
//!
//! Records are written from what people write: IDs as plain strings (`"fr-mistral"`), dates,
//! hardware names and count phrases as text (see [`FieldInput`]). Nothing is checked until the
//! records go into a [`Registry`](crate::registry::Registry): its `build` reports every
//! problem at once, each with its record and field: an ID or date that does not read, a
//! hardware name the catalog does not hold, an organisation named in a deployment but not
//! registered, a source cited but not listed.
//!
//! ```
//! # #[cfg(feature = "dataset")] { // the built-in catalog names the B200
//! use sovereign_compute::model::{Deployment, Phase, Status};
//! use sovereign_compute::{Country, registry::Registry};
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
//! assert_eq!(registry.deployments()[0].phases[0].hardware[0].hardware.to_string(), "nvidia-b200");
//! # }
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! Blocs hold dated membership:
//!
//! ```
//! use chrono::NaiveDate;
//! use sovereign_compute::{Bloc, Country};
//!
//! let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap();
//! let eu = Bloc::eu();
//! assert!(eu.is_member("France".parse::<Country>()?, day));
//! assert!(!eu.is_member("UK".parse::<Country>()?, day));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

pub mod bloc;
mod certainty;
pub mod country;
mod deployment;
mod ids;
mod input;
mod organisation;
mod phase;
mod programme;
mod source;

/// Hardware references belong to the catalog; re-exported here beside the hardware lines
/// that hold them.
pub use crate::catalog::HardwareRef;
pub use certainty::Certainty;
pub use deployment::{DataResidency, Deployment, Participation, Purpose, Site, Sovereignty};
pub(crate) use ids::check_id;
pub use ids::{DeploymentId, InitiativeId, Label, OrganisationId, ProgrammeId, SourceId};
pub use input::FieldInput;
pub use organisation::{Organisation, OrganisationKind, Role};
pub use phase::{FormatReading, HardwareLine, Phase, PhaseDates, StatedCompute, Status};
pub use programme::{Initiative, InitiativeKind, Programme};
pub use source::{Citation, Source, Sourced};
