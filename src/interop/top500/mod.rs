//! The TOP500 list (CSV export): read into a registry, write a registry out.
//!
//! Each row is one system: a [`Deployment`] keyed by `System ID` (ID `top500-<System ID>`;
//! editions without that column use `top500-rank-<Rank>`) with one operational phase, named
//! `system`, online in the row's `Year`. See the [module docs of `interop`](super) for the
//! column mapping.
//!
//! - **Rmax** is the phase's [stated compute](crate::model::Phase::compute): measured, FP64,
//!   dense, on the [HPL](Basis::Hpl) basis. **Rpeak**, the theoretical FP64 peak, has no field
//!   of its own in the model yet; it is kept in the compute figure's note and read with
//!   [`rpeak`]. A row with Rpeak and no Rmax states Rpeak as its compute.
//! - **Power (kW)** is the average draw during the benchmark run, not facility capacity: its
//!   note says so ([`is_benchmark_draw`]) and the Epoch AI writer leaves it out of the power
//!   capacity column.
//! - **Country** is where TOP500 places the system, which can be the operator's home rather
//!   than where the machine stands; it becomes the host country as given.
//! - Older editions give `Rmax` and `Rpeak` in GFlop/s with no unit in the header; they are
//!   read as GFlop/s. Efficiency columns (any spelling, MFlops/W or GFlops/W) are derived and
//!   not read.
//!
//! ```
//! use sovereign_compute::interop::{ImportOptions, top500};
//! use sovereign_compute::units::{Basis, Precision};
//!
//! let csv = "Rank,Name,Site,Country,Year,Rmax [TFlop/s],Rpeak [TFlop/s],Power (kW),System ID\n\
//!            4,JUPITER Booster,EuroHPC/FZJ,Germany,2025,793400,930000,13088.23,180346\n";
//! let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
//! let jupiter = report.registry.deployment(&"top500-180346".parse()?).unwrap();
//! assert_eq!(top500::rank(jupiter), Some(4));
//! let rmax = jupiter.phases[0].compute.as_ref().unwrap();
//! assert_eq!(rmax.rate.value.to_string(), "793.4 PFLOP/s");
//! assert_eq!(rmax.format.format().unwrap().basis, Basis::Hpl);
//! let rpeak = top500::rpeak(&jupiter.phases[0]).unwrap();
//! assert_eq!((rpeak.to_string().as_str(), rpeak.format.precision), ("930 PFLOP/s FP64 dense peak", Precision::Fp64));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

mod read;
mod write;

pub use read::read;
pub use write::write;

use super::notes;
use crate::estimate::Estimate;
use crate::model::{Deployment, Phase, Sourced};
use crate::units::{Basis, ComputeFigure, ComputeFormat, ComputeRate, Power, Precision, Sparsity};

/// The table's column names.
pub(super) mod col {
    pub(crate) const RANK: &str = "Rank";
    pub(crate) const PREVIOUS_RANK: &str = "Previous Rank";
    pub(crate) const FIRST_APPEARANCE: &str = "First Appearance";
    pub(crate) const FIRST_RANK: &str = "First Rank";
    pub(crate) const NAME: &str = "Name";
    pub(crate) const COMPUTER: &str = "Computer";
    pub(crate) const SITE: &str = "Site";
    pub(crate) const MANUFACTURER: &str = "Manufacturer";
    pub(crate) const COUNTRY: &str = "Country";
    pub(crate) const YEAR: &str = "Year";
    pub(crate) const SEGMENT: &str = "Segment";
    pub(crate) const TOTAL_CORES: &str = "Total Cores";
    pub(crate) const ACCELERATOR_CORES: &str = "Accelerator/Co-Processor Cores";
    pub(crate) const RMAX: &str = "Rmax [TFlop/s]";
    pub(crate) const RPEAK: &str = "Rpeak [TFlop/s]";
    pub(crate) const NMAX: &str = "Nmax";
    pub(crate) const NHALF: &str = "Nhalf";
    pub(crate) const HPCG: &str = "HPCG [TFlop/s]";
    pub(crate) const POWER: &str = "Power (kW)";
    pub(crate) const POWER_SOURCE: &str = "Power Source";
    pub(crate) const EFFICIENCY: &str = "Energy Efficiency [GFlops/Watts]";
    pub(crate) const MEMORY: &str = "Memory";
    pub(crate) const ARCHITECTURE: &str = "Architecture";
    pub(crate) const PROCESSOR: &str = "Processor";
    pub(crate) const PROCESSOR_TECHNOLOGY: &str = "Processor Technology";
    pub(crate) const PROCESSOR_SPEED: &str = "Processor Speed (MHz)";
    pub(crate) const OPERATING_SYSTEM: &str = "Operating System";
    pub(crate) const OS_FAMILY: &str = "OS Family";
    pub(crate) const ACCELERATOR: &str = "Accelerator/Co-Processor";
    pub(crate) const CORES_PER_SOCKET: &str = "Cores per Socket";
    pub(crate) const PROCESSOR_GENERATION: &str = "Processor Generation";
    pub(crate) const SYSTEM_MODEL: &str = "System Model";
    pub(crate) const SYSTEM_FAMILY: &str = "System Family";
    pub(crate) const INTERCONNECT_FAMILY: &str = "Interconnect Family";
    pub(crate) const INTERCONNECT: &str = "Interconnect";
    pub(crate) const CONTINENT: &str = "Continent";
    pub(crate) const SITE_ID: &str = "Site ID";
    pub(crate) const SYSTEM_ID: &str = "System ID";
}

use col::*;

/// The 38 columns of the June 2025 export, in order.
const HEADER: &[&str] = &[
    RANK,
    PREVIOUS_RANK,
    FIRST_APPEARANCE,
    FIRST_RANK,
    NAME,
    COMPUTER,
    SITE,
    MANUFACTURER,
    COUNTRY,
    YEAR,
    SEGMENT,
    TOTAL_CORES,
    ACCELERATOR_CORES,
    RMAX,
    RPEAK,
    NMAX,
    NHALF,
    HPCG,
    POWER,
    POWER_SOURCE,
    EFFICIENCY,
    MEMORY,
    ARCHITECTURE,
    PROCESSOR,
    PROCESSOR_TECHNOLOGY,
    PROCESSOR_SPEED,
    OPERATING_SYSTEM,
    OS_FAMILY,
    ACCELERATOR,
    CORES_PER_SOCKET,
    PROCESSOR_GENERATION,
    SYSTEM_MODEL,
    SYSTEM_FAMILY,
    INTERCONNECT_FAMILY,
    INTERCONNECT,
    CONTINENT,
    SITE_ID,
    SYSTEM_ID,
];

/// Columns kept as tagged lines of the deployment's note (see
/// [`note_field`](super::note_field)): everything the model has no field for, except the
/// derived efficiency.
const KEPT: &[&str] = &[
    RANK,
    PREVIOUS_RANK,
    FIRST_APPEARANCE,
    FIRST_RANK,
    COMPUTER,
    SEGMENT,
    TOTAL_CORES,
    ACCELERATOR_CORES,
    NMAX,
    NHALF,
    HPCG,
    POWER_SOURCE,
    MEMORY,
    ARCHITECTURE,
    PROCESSOR,
    PROCESSOR_TECHNOLOGY,
    PROCESSOR_SPEED,
    OPERATING_SYSTEM,
    OS_FAMILY,
    CORES_PER_SOCKET,
    PROCESSOR_GENERATION,
    SYSTEM_MODEL,
    SYSTEM_FAMILY,
    INTERCONNECT_FAMILY,
    INTERCONNECT,
    CONTINENT,
    SITE_ID,
];

/// The table's name in tagged note lines: `TOP500 Rank: 4`.
const TABLE: &str = "TOP500";

/// The tagged line that marks a power figure as a benchmark draw.
const BENCHMARK_DRAW: &str = "TOP500 benchmark draw";

/// Rmax: measured FP64 with HPL.
const RMAX_FORMAT: ComputeFormat = ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl);

/// Rpeak: theoretical FP64 peak.
const RPEAK_FORMAT: ComputeFormat = ComputeFormat::peak(Precision::Fp64, Sparsity::Dense);

/// The rank a deployment imported from TOP500 had on its list (kept in its note).
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
/// let csv = "Rank,Name,Country,Year,Rmax [TFlop/s],System ID\n1,El Capitan,United States,2024,1742000,180307\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// assert_eq!(top500::rank(&report.registry.deployments()[0]), Some(1));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn rank(deployment: &Deployment) -> Option<u32> {
    notes::tag(deployment.note.as_deref(), &notes::key(TABLE, RANK))?
        .parse()
        .ok()
}

/// A phase's Rpeak, the theoretical FP64 peak: its stated compute when that is an FP64 dense
/// peak, else the Rpeak a TOP500 import kept in the compute figure's note (as
/// `TOP500 Rpeak [TFlop/s]: 930000`). The central value, for a compute estimate that is not
/// exact.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
/// let csv = "Rank,Name,Country,Year,Rmax [TFlop/s],Rpeak [TFlop/s],System ID\n1,El Capitan,United States,2024,1742000,2746376.09,180307\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// let rpeak = top500::rpeak(&report.registry.deployments()[0].phases[0]).unwrap();
/// assert_eq!(rpeak.to_string(), "2.74637609 EFLOP/s FP64 dense peak");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn rpeak(phase: &Phase) -> Option<ComputeFigure> {
    let compute = phase.compute.as_ref()?;
    if compute.format.format() == Some(RPEAK_FORMAT) {
        let rate = compute.rate.value.central()?;
        return Some(ComputeFigure::new(rate, RPEAK_FORMAT));
    }
    let kept = notes::tag(compute.rate.note.as_deref(), &notes::key(TABLE, RPEAK))?;
    let tflops = super::table::parse_number(&kept).ok()?;
    let rate = ComputeRate::from_base(tflops * 1e12).ok()?;
    Some(ComputeFigure::new(rate, RPEAK_FORMAT))
}

/// A phase's Rmax: its stated compute when that is measured FP64 with HPL (the central value).
fn rmax(phase: &Phase) -> Option<ComputeRate> {
    let compute = phase.compute.as_ref()?;
    (compute.format.format() == Some(RMAX_FORMAT))
        .then(|| compute.rate.value.central())
        .flatten()
}

/// Whether a power figure is a TOP500 benchmark draw (the average power during the HPL run)
/// rather than a facility's capacity: its note carries the line `TOP500 benchmark draw: ...`.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
/// let csv = "Name,Country,Year,Rmax [TFlop/s],Power (kW),System ID\nX,Japan,2020,442010,29899.23,179807\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// let power = report.registry.deployments()[0].phases[0].power.as_ref().unwrap();
/// assert!(top500::is_benchmark_draw(power));
/// assert_eq!(power.value.to_string(), "29.89923 MW");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn is_benchmark_draw(power: &Sourced<Estimate<Power>>) -> bool {
    notes::tag(power.note.as_deref(), BENCHMARK_DRAW).is_some()
}

/// The column a registry check on `field` is about.
fn field_column(field: &str) -> Option<&'static str> {
    if field.ends_with("dates.online") {
        Some(YEAR)
    } else if field.contains("hardware") {
        Some(ACCELERATOR)
    } else {
        None
    }
}
