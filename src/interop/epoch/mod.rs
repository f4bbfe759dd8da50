//! Epoch AI's GPU-clusters table (CSV): read into a registry, write a registry out.
//!
//! The table is published at <https://epoch.ai/data/gpu-clusters> under CC-BY: an import
//! cites it (the source `epoch-ai-gpu-clusters`, or the one given with
//! [`ImportOptions::with_source`](super::ImportOptions::with_source)) on every deployment and
//! figure, so the attribution travels with the data.
//!
//! # Rows
//!
//! Each row becomes one [`Deployment`](crate::model::Deployment) with one phase, named
//! `cluster`; its ID is `epoch-` and the slug of its name (`epoch-xai-colossus`), with `-2`,
//! `-3` for names that slug alike. See the [module docs of `interop`](super) for the column
//! mapping and [`read`] for what is reported.
//!
//! Writing goes the other way, one row per phase (a deployment with several phases gives
//! rows named "Deployment (phase)"), so that reading a written table gives the same table
//! when written again.
//!
//! ```
//! use sovereign_compute::interop::{ImportOptions, epoch};
//! use sovereign_compute::model::Status;
//! use sovereign_compute::{Country, DatePrecision};
//!
//! let csv = "Name,Status,Country,Owner,First Operational Date,First Operational Date Note,Power Capacity (MW)\n\
//!            Isambard-AI,Existing,United Kingdom of Great Britain and Northern Ireland,University of Bristol,2025-07-01,Year only,5\n";
//! let report = epoch::read(csv.as_bytes(), &ImportOptions::new())?;
//! let d = &report.registry.deployments()[0];
//! assert_eq!(d.host, Some(Country::GB));
//! assert_eq!(d.phases[0].status, Status::Operational);
//! let online = d.phases[0].dates.online.unwrap();
//! assert_eq!((online.to_string(), online.precision()), ("2025".to_owned(), DatePrecision::Year));
//!
//! let out = epoch::write(&report.registry)?;
//! assert!(out.csv.contains("Isambard-AI,Existing,"));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

mod date;
mod read;
mod write;

pub use read::read;
pub use write::write;

/// The table's column names.
pub(super) mod col {
    pub(crate) const NAME: &str = "Name";
    pub(crate) const STATUS: &str = "Status";
    pub(crate) const CERTAINTY: &str = "Certainty";
    pub(crate) const SINGLE_CLUSTER: &str = "Single cluster?";
    pub(crate) const MAX_OPS_LOG: &str = "Max OP/s (log)";
    pub(crate) const H100_EQUIVALENTS: &str = "H100 equivalents";
    pub(crate) const CHIP_PRIMARY: &str = "Chip type (primary)";
    pub(crate) const QUANTITY_PRIMARY: &str = "Chip quantity (primary)";
    pub(crate) const COUNTRY: &str = "Country";
    pub(crate) const OWNER: &str = "Owner";
    pub(crate) const FIRST_OPERATIONAL: &str = "First Operational Date";
    pub(crate) const NOTE: &str = "Note";
    pub(crate) const SECTOR: &str = "Sector";
    pub(crate) const POWER: &str = "Power Capacity (MW)";
    pub(crate) const HARDWARE_COST: &str = "Hardware Cost";
    pub(crate) const LOCATION: &str = "Location";
    pub(crate) const USERS: &str = "Users";
    pub(crate) const HARDWARE_NOTE: &str = "Hardware note";
    pub(crate) const QUOTE: &str = "Quote";
    pub(crate) const FIRST_OPERATIONAL_NOTE: &str = "First Operational Date Note";
    pub(crate) const CERTAINTY_NOTE: &str = "Certainty Note";
    pub(crate) const EFFICIENCY_LOG: &str = "Energy Efficiency (log)";
    pub(crate) const BUILDS_UPON: &str = "Builds Upon";
    pub(crate) const SUPERSEDED_BY: &str = "Superseded by";
    pub(crate) const POSSIBLE_DUPLICATE: &str = "Possible Duplicate";
    pub(crate) const DUPLICATE_OF: &str = "Possible Duplicate Of";
    pub(crate) const CHIP_SECONDARY: &str = "Chip type (secondary)";
    pub(crate) const QUANTITY_SECONDARY: &str = "Chip quantity (secondary)";
    pub(crate) const TOTAL_CHIPS: &str = "Total number of AI chips";
    pub(crate) const SUPPLIER_PRIMARY: &str = "GPU Supplier (primary)";
    pub(crate) const SUPPLIER_SECONDARY: &str = "GPU supplier (secondary)";
    pub(crate) const STANDARD_ANALYSIS: &str = "Include in Standard Analysis";
    pub(crate) const EXCLUDE: &str = "Exclude";
    pub(crate) const RANK: &str = "Rank when first operational";
    pub(crate) const OPS_16_LOG: &str = "16-bit OP/s (log)";
    pub(crate) const MAX_OPS: &str = "Max OP/s";
    pub(crate) const OPS_8: &str = "8-bit OP/s";
    pub(crate) const OPS_16: &str = "16-bit OP/s";
    pub(crate) const OPS_32: &str = "32-bit OP/s";
    pub(crate) const CALCULATED_POWER: &str = "Calculated Power Capacity (MW)";
    pub(crate) const REPORTED_POWER: &str = "Reported Power Capacity (MW)";
    pub(crate) const EFFICIENCY: &str = "Energy Efficiency";
    pub(crate) const CALCULATED_COST: &str = "Calculated Cost";
    pub(crate) const REPORTED_COST: &str = "Reported Cost";
    pub(crate) const REPORTED_COST_ADJUSTED: &str = "Reported Cost (Inflation adjusted)";
    pub(crate) const COST_QUOTE: &str = "Cost Quote";
    pub(crate) const NOTEWORTHY: &str = "Noteworthy";
    pub(crate) const DECOMMISSIONED: &str = "Decommissioned Date (if applicable)";
    pub(crate) const LARGEST: &str = "Largest existing cluster when first operational";
    pub(crate) const SHARE_OF_LARGEST: &str = "% of largest cluster when first operational";
    pub(crate) const SOURCES: [&str; 5] =
        ["Source 1", "Source 2", "Source 3", "Source 4", "Source 5"];
}

use col::*;

/// The columns in the published order: 55 names (the format notes announce 56 but list 55).
const HEADER: &[&str] = &[
    NAME,
    STATUS,
    CERTAINTY,
    SINGLE_CLUSTER,
    MAX_OPS_LOG,
    H100_EQUIVALENTS,
    CHIP_PRIMARY,
    QUANTITY_PRIMARY,
    COUNTRY,
    OWNER,
    FIRST_OPERATIONAL,
    NOTE,
    SECTOR,
    POWER,
    HARDWARE_COST,
    LOCATION,
    USERS,
    HARDWARE_NOTE,
    QUOTE,
    FIRST_OPERATIONAL_NOTE,
    CERTAINTY_NOTE,
    EFFICIENCY_LOG,
    BUILDS_UPON,
    SUPERSEDED_BY,
    POSSIBLE_DUPLICATE,
    DUPLICATE_OF,
    CHIP_SECONDARY,
    QUANTITY_SECONDARY,
    TOTAL_CHIPS,
    SUPPLIER_PRIMARY,
    SUPPLIER_SECONDARY,
    STANDARD_ANALYSIS,
    EXCLUDE,
    RANK,
    OPS_16_LOG,
    MAX_OPS,
    OPS_8,
    OPS_16,
    OPS_32,
    CALCULATED_POWER,
    REPORTED_POWER,
    EFFICIENCY,
    CALCULATED_COST,
    REPORTED_COST,
    REPORTED_COST_ADJUSTED,
    COST_QUOTE,
    NOTEWORTHY,
    DECOMMISSIONED,
    LARGEST,
    SHARE_OF_LARGEST,
    SOURCES[0],
    SOURCES[1],
    SOURCES[2],
    SOURCES[3],
    SOURCES[4],
];

/// Columns kept as tagged lines of the deployment's note (see [`note_field`](super::note_field));
/// `Include in Standard Analysis` is the label [`STANDARD_ANALYSIS_LABEL`].
const DEPLOYMENT_TAGS: &[&str] = &[
    SINGLE_CLUSTER,
    SECTOR,
    USERS,
    HARDWARE_NOTE,
    BUILDS_UPON,
    POSSIBLE_DUPLICATE,
    EXCLUDE,
    NOTEWORTHY,
    HARDWARE_COST,
    REPORTED_COST,
    REPORTED_COST_ADJUSTED,
    COST_QUOTE,
];

/// Columns kept as tagged lines of the phase's note (`Certainty` is the phase's
/// [`certainty`](crate::model::Phase::certainty)).
const PHASE_TAGS: &[&str] = &[CERTAINTY_NOTE, FIRST_OPERATIONAL_NOTE];

/// Columns kept as tagged lines of the power figure's note.
const POWER_TAGS: &[&str] = &[REPORTED_POWER, CALCULATED_POWER];

/// The performance columns, in the order the phase's one stated figure is chosen from; the
/// others are kept as tagged lines of that figure's note.
const PERFORMANCE: [&str; 3] = [OPS_16, OPS_8, OPS_32];

/// The label of the rows Epoch AI's `Include in Standard Analysis` column marks: the selection
/// its published analyses use (such as the country shares of AI supercomputer performance).
/// An import gives it to those rows; an export writes `True` for deployments that have it.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Deployments, Filter, Query};
/// use sovereign_compute::interop::{ImportOptions, epoch};
///
/// let csv = "Name,Status,Country,Include in Standard Analysis\n\
///            A,Existing,France,True\n\
///            B,Existing,France,\n";
/// let report = epoch::read(csv.as_bytes(), &ImportOptions::new())?;
/// let standard = Filter::Label(vec![epoch::STANDARD_ANALYSIS_LABEL.parse()?]);
/// let n = Query::new().filter(standard).run(&report.registry, Deployments)?;
/// assert_eq!(n.total().central(), Some(1));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub const STANDARD_ANALYSIS_LABEL: &str = "epoch-standard-analysis";

/// The table's name in tagged note lines: `Epoch AI Users: OpenAI`.
const TABLE: &str = "Epoch AI";

/// The URL of the table, which is not cited as a `Source N` on export.
const TABLE_URL: &str = "https://epoch.ai/data/gpu-clusters";

/// Epoch AI's H100 equivalent: the H100 SXM's dense 8-bit peak, OP/s.
const H100_MAX_OPS: f64 = 1.979e15;

/// The column a registry check on `field` is about.
fn field_column(field: &str) -> Option<&'static str> {
    match field {
        "superseded_by" => Some(SUPERSEDED_BY),
        "duplicate_of" => Some(DUPLICATE_OF),
        f if f.ends_with("dates.online") => Some(FIRST_OPERATIONAL),
        f if f.ends_with("dates.end") => Some(DECOMMISSIONED),
        f if f.contains("hardware[0]") => Some(CHIP_PRIMARY),
        f if f.contains("hardware[1]") => Some(CHIP_SECONDARY),
        _ => None,
    }
}
