//! The domain model: countries and blocs, organisations and their roles, sources and
//! citations, deployments with their phases, programmes (umbrella commitments) and
//! initiatives that are not compute.
//!
//! These are plain data types with public fields and `with_*` builders. Cross-references
//! (an organisation named in a deployment, a source cited by a figure, a catalog part in a
//! hardware line) are checked when the records go into a [`Registry`](crate::registry::Registry).
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
mod organisation;
mod phase;
mod programme;
mod source;

/// Hardware references belong to the catalog; re-exported here beside the hardware lines
/// that hold them.
pub use crate::catalog::HardwareRef;
pub use certainty::Certainty;
pub use deployment::{DataResidency, Deployment, Participation, Purpose, Site, Sovereignty};
pub use ids::{DeploymentId, InitiativeId, Label, OrganisationId, ProgrammeId, SourceId};
pub use organisation::{Organisation, OrganisationKind, Role};
pub use phase::{FormatReading, HardwareLine, Phase, PhaseDates, StatedCompute, Status};
pub use programme::{Initiative, InitiativeKind, Programme};
pub use source::{Citation, Source, Sourced};
