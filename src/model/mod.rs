//! The domain model: countries and blocs so far; organisations, sources, deployments, phases
//! and programmes follow.
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
pub mod country;
