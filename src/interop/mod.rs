#![cfg_attr(docsrs, doc(cfg(feature = "csv")))]
//! CSV import and export of the public tables: Epoch AI's GPU clusters and the TOP500 list
//! (feature `csv`).
//!
//! Reading a table gives a validated [`Registry`](crate::registry::Registry) and every
//! problem met on the way, each with its row number and column ([`ImportReport`],
//! [`RowProblem`]). The caller chooses what a problem does ([`Mode`]): fail the import
//! (strict, the default) or leave out the cell or row and import the rest (lenient). A row
//! that cannot be read is always reported, never passed over in silence. A cell read as
//! something it does not literally say (a count with float noise, `30000.000000000004`, read
//! as 30,000) is not a problem but a [`RowNote`], in [`ImportReport::notes`]: it never fails
//! a strict import.
//!
//! Writing goes the other way: [`epoch::write`], [`top500::write`], and [`flat::write`], a
//! one-row-per-phase table with units in its column names for spreadsheets. Each returns the
//! CSV text and the values it had no column for ([`Export`]). Reading a written Epoch AI or
//! TOP500 table and writing it again gives the same table.
//!
//! ```
//! use sovereign_compute::interop::{ImportOptions, epoch};
//! use sovereign_compute::units::{Precision, Sparsity};
//!
//! let csv = "Name,Status,Country,Chip type (primary),Chip quantity (primary),16-bit OP/s,First Operational Date\n\
//!            Colossus,Existing,United States of America,NVIDIA H100 SXM5 80GB,\"100,000\",9.89e+19,2024-09-15\n";
//! let report = epoch::read(csv.as_bytes(), &ImportOptions::new())?;
//! let phase = &report.registry.deployments()[0].phases[0];
//! assert_eq!(phase.hardware[0].count.value.to_string(), "100,000 GPUs");
//! let compute = phase.compute.as_ref().unwrap();
//! assert_eq!(compute.rate.value.to_string(), "98.9 EFLOP/s");
//! let format = compute.format.format().unwrap();
//! assert_eq!((format.precision, format.sparsity), (Precision::Bf16, Sparsity::Dense));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Epoch AI's GPU clusters
//!
//! Each row is a deployment with one phase named `cluster`, ID `epoch-<slug of Name>`. The
//! table (<https://epoch.ai/data/gpu-clusters>, CC-BY) is a source of the registry, cited by
//! every deployment and figure.
//!
//! | column | becomes | notes |
//! | --- | --- | --- |
//! | `Name` | deployment name and ID | required; `-2`, `-3` for names that slug alike |
//! | `Status` | phase status | Existing → operational, Planned → planned, Decommissioned → decommissioned; the crate's own status words are read too; required |
//! | `Country` | host country | Epoch AI's ISO English names ("Korea (Republic of)") through [`Country::parse`](crate::Country::parse); an empty cell (85 rows of the 2025 table, the EU AI Gigafactories among them) is an unknown host: the row is imported, grouped under [`Group::Unknown`](crate::analysis::Group::Unknown) and never counted in a country's total; a cell that names no country is reported and the host is unknown; the column is required |
//! | `Owner` | organisation in the owner role | ID from the slugged name, shared between rows that spell it exactly alike; kind from the first sector `Sector` names (industry → enterprise, government → government body, academia or research → research centre; enterprise when none) |
//! | `GPU Supplier (primary)`, `GPU supplier (secondary)` | organisations in the hardware-vendor role | |
//! | `Location` | site name | |
//! | `First Operational Date`, `First Operational Date Note` | phase online date | at the precision the note gives back: a date it names that contains the stored day ("Planned H2 2026"), else the words quarter, half, month, year ("Year only"); a row without a date takes the one date its note names ("Planned 2027") |
//! | `Decommissioned Date (if applicable)` | phase end date | only on a decommissioned row; a decommissioned row without it has an unknown end |
//! | `Chip type (primary)`, `Chip quantity (primary)`, and secondary | hardware lines | names through the catalog's aliases to a part, a system or a family (a family name such as "NVIDIA A100" leaves the part open); a name the catalog does not have is a problem ([`Effect::KeptAsWritten`]: kept as unlisted hardware, with the catalog's close names in the message); a quantity without a chip type is unlisted hardware named `AI chips (type not stated)`; quantities exact, in GPUs, as Epoch AI counts them: "NVIDIA GB200" 1,000 is 1,000 GPUs, that is 500 superchips, and the catalog converts through the superchip's two GPUs; a quantity within float noise of a whole number is read as it, with a [note](RowNote) |
//! | `16-bit OP/s`, `8-bit OP/s`, `32-bit OP/s` | phase stated compute | the first given of 16, 8, 32-bit, as an assumed dense theoretical peak: 16-bit as BF16 (Epoch AI's figure is the FP16/BF16 tensor peak, equal on the parts it lists); 8-bit as INT8 where the catalog's parts have no FP8 (A100, MI250X), FP8 otherwise; 32-bit as FP32. The other figures are kept in the compute's note |
//! | `Power Capacity (MW)` | phase power | facility capacity; else the reported, else the calculated column; those two are kept in the power's note |
//! | `Source 1`–`Source 5` | sources (ID `src-<slug of URL>`, shared between rows) and deployment citations | |
//! | `Quote` | quote of the citation of `Source 1` (of the table when there is none) | |
//! | `Superseded by`, `Possible Duplicate Of` | [`superseded_by`](crate::model::Deployment::superseded_by), [`duplicate_of`](crate::model::Deployment::duplicate_of) | by name (case and spacing folded), once every row is read, so that totals count each cluster once. A list of names of rows ("A,B") links to the first; a name of no row and close to none names a cluster the table does not have: no link, so the row counts. Both keep the cell as written in the deployment's note (written back on export) and make a [note](RowNote). A name several rows have, the row's own, or one close to a row's name (a typo, "did you mean" in the message) is a problem, and the link is dropped |
//! | `Note` | deployment note (free text) | |
//! | `Certainty` | phase [`certainty`](crate::model::Phase::certainty) | Confirmed, Likely, Unlikely; an empty cell is confirmed (the default); another word is reported and read as confirmed |
//! | `Certainty Note` | phase note, tagged line | |
//! | `Include in Standard Analysis` | the deployment's [label](crate::model::Deployment::labels) [`epoch::STANDARD_ANALYSIS_LABEL`] when `True` | the selection Epoch AI's published analyses use; select it with [`Filter::Label`](crate::analysis::Filter::Label) |
//! | `Single cluster?`, `Sector`, `Users`, `Hardware note`, `Builds Upon`, `Possible Duplicate`, `Exclude`, `Noteworthy`, `Hardware Cost`, `Reported Cost`, `Reported Cost (Inflation adjusted)`, `Cost Quote` | deployment note, tagged lines | the model has no field for them (costs, users, Epoch AI's analysis flags); `Sector` is written back only as kept, not guessed from an organisation's kind |
//! | `Max OP/s`, `Max OP/s (log)`, `16-bit OP/s (log)`, `H100 equivalents`, `Total number of AI chips` | not read | derived by Epoch AI; written from the figures on export |
//! | `Energy Efficiency`, `Energy Efficiency (log)`, `Calculated Cost`, `Rank when first operational`, `Largest existing cluster when first operational`, `% of largest cluster when first operational` | not read | derived by Epoch AI; empty on export |
//!
//! Numbers may have thousands separators (`1,234`) or an exponent (`2.33e+19`). Hedged
//! figures were collapsed to points by Epoch AI; their words survive in `Quote` and
//! `Certainty Note`, which are kept, and the figures are exact estimates.
//!
//! # TOP500
//!
//! Each row is a deployment with one operational phase named `system`, ID
//! `top500-<System ID>`; see [`top500`] for Rmax, Rpeak and power.
//!
//! | column | becomes | notes |
//! | --- | --- | --- |
//! | `System ID` | deployment ID | `top500-<System ID>` (a key that is not ID-shaped is slugged), `top500-rank-<Rank>` in editions without the column; a repeated key leaves the row out; required (one of the two) |
//! | `Name` | deployment name | else `Computer`, else `TOP500 system <key>` |
//! | `Country` | host country | where TOP500 places the system; required |
//! | `Site` | site name, and organisation in the operator role | kind from `Segment` (research, academic → research centre; government; vendor; else enterprise) |
//! | `Manufacturer` | organisation in the hardware-vendor role | |
//! | `Year` | phase online date, year precision | unknown when empty |
//! | `Rmax [TFlop/s]` (`Rmax [GFlop/s]`, `Rmax` in GFlop/s) | phase stated compute, FP64 dense, [HPL](crate::units::Basis::Hpl) basis, stated | required column |
//! | `Rpeak [TFlop/s]` (`Rpeak [GFlop/s]`, `Rpeak`) | kept in the compute's note, read with [`top500::rpeak`] | the stated compute, FP64 dense peak, when Rmax is empty |
//! | `Power (kW)` (`Power`) | phase power, marked as the benchmark draw | not facility capacity |
//! | `Accelerator/Co-Processor` | hardware line with an unknown count | through the catalog's aliases to a part, system or family; a name the catalog does not have is a problem ([`Effect::KeptAsWritten`]: kept as unlisted hardware); `None` gives no line |
//! | `Energy Efficiency [GFlops/Watts]` (any spelling) | not read | derived; written as Rmax over power |
//! | every other column (`Rank`, `Computer`, `Segment`, `Total Cores`, `HPCG [TFlop/s]`, `Interconnect`, `Site ID`, ...) | deployment note, tagged lines | read `Rank` with [`top500::rank`] |
//!
//! # Tagged note lines
//!
//! Columns the model has no field for are kept as lines `<table> <column>: <value>` at the
//! end of a note (`TOP500 Rank: 4`, `Epoch AI Users: OpenAI`), with line breaks in the
//! value written `\n`. The writers write them back; [`note_field`] reads one. They are a
//! stopgap for fields the model may gain (Rpeak, costs).
//!
//! # IDs
//!
//! IDs are derived from names: lowercase ASCII letters and digits, other runs of characters
//! as one `-`, common Latin accents folded (`Jülich` → `julich`), at most 100 characters, and
//! `-2`, `-3`, ... in row order for different names that slug alike. The same table always
//! gives the same IDs.

mod assemble;
pub mod epoch;
mod export;
pub mod flat;
mod ids;
mod notes;
mod report;
mod table;
pub mod top500;

use std::sync::Arc;

pub use crate::error::{Effect, RowNote, RowProblem};
pub use report::{Export, ImportReport, Mode};

use crate::Result;
use crate::catalog::Catalog;
use crate::model::Source;

/// How to import a table: strict or lenient, the catalog chip names resolve through, and the
/// source the rows cite.
///
/// The default is strict, the built-in catalog (feature `dataset`; an empty one without it,
/// so that every chip name is a problem, kept as written by a lenient import), and the
/// table's own source.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Catalog;
/// use sovereign_compute::interop::{ImportOptions, Mode, top500};
/// use sovereign_compute::model::Source;
///
/// let options = ImportOptions::new()
///     .lenient()
///     .with_catalog(Catalog::new())
///     .with_source(Source::new("top500-2025-06", "TOP500, June 2025").with_url("https://top500.org/lists/top500/2025/06/"));
/// let csv = "Name,Country,Year,Rmax [TFlop/s],Accelerator/Co-Processor,System ID\nX,Finland,2022,379700,AMD Instinct MI250X,180048\n";
/// let report = top500::read(csv.as_bytes(), &options)?;
/// assert_eq!(report.registry.sources()[0].id.as_str(), "top500-2025-06");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    mode: Mode,
    catalog: Option<Arc<Catalog>>,
    source: Option<Source>,
}

impl ImportOptions {
    /// The defaults: strict, the built-in catalog, the table's own source.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{ImportOptions, Mode};
    /// assert_eq!(ImportOptions::new().mode(), Mode::Strict);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Fail on any problem (the default).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{ImportOptions, Mode};
    /// assert_eq!(ImportOptions::new().lenient().strict().mode(), Mode::Strict);
    /// ```
    pub fn strict(mut self) -> Self {
        self.mode = Mode::Strict;
        self
    }

    /// Import what can be imported and return the problems.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{ImportOptions, Mode};
    /// assert_eq!(ImportOptions::new().lenient().mode(), Mode::Lenient);
    /// ```
    pub fn lenient(mut self) -> Self {
        self.mode = Mode::Lenient;
        self
    }

    /// The mode.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{ImportOptions, Mode};
    /// assert_eq!(ImportOptions::default().mode(), Mode::Strict);
    /// ```
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Resolves chip names through `catalog` (which also becomes the registry's catalog).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Catalog;
    /// use sovereign_compute::interop::{ImportOptions, epoch};
    /// use sovereign_compute::model::HardwareRef;
    ///
    /// let csv = "Name,Status,Country,Chip type (primary)\nX,Planned,France,NVIDIA H100 SXM5 80GB\n";
    /// let empty = ImportOptions::new().with_catalog(Catalog::new());
    /// assert!(epoch::read(csv.as_bytes(), &empty).is_err()); // strict: a chip it does not know
    /// let report = epoch::read(csv.as_bytes(), &empty.lenient())?;
    /// let line = &report.registry.deployments()[0].phases[0].hardware[0];
    /// assert_eq!(line.hardware, HardwareRef::Unlisted("NVIDIA H100 SXM5 80GB".into()));
    /// assert_eq!(report.problems[0].column, "Chip type (primary)");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_catalog(mut self, catalog: impl Into<Arc<Catalog>>) -> Self {
        self.catalog = Some(catalog.into());
        self
    }

    /// Cites `source` as the table, instead of the format's default (`epoch-ai-gpu-clusters`,
    /// `top500`); name the edition or the download date here.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::ImportOptions;
    /// use sovereign_compute::model::Source;
    /// let options = ImportOptions::new().with_source(Source::new("top500-2025-06", "TOP500, June 2025"));
    /// assert_eq!(options.source().unwrap().title, "TOP500, June 2025");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_source(mut self, source: Source) -> Self {
        self.source = Some(source);
        self
    }

    /// The source given with [`with_source`](Self::with_source).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::ImportOptions;
    /// assert!(ImportOptions::new().source().is_none());
    /// ```
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    /// The catalog given, or the default one.
    fn resolved_catalog(&self) -> Result<Arc<Catalog>> {
        match &self.catalog {
            Some(c) => Ok(Arc::clone(c)),
            None => crate::registry::default_catalog(),
        }
    }
}

/// The value of a tagged note line (see the [module docs](self)), e.g. the `Users` an
/// Epoch AI import kept: `note_field(note, "Epoch AI Users")`.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, epoch, note_field};
///
/// let csv = "Name,Status,Certainty Note,Country,Users\nX,Planned,Reported by two outlets,Japan,\"SoftBank, partners\"\n";
/// let report = epoch::read(csv.as_bytes(), &ImportOptions::new())?;
/// let d = &report.registry.deployments()[0];
/// let note = d.phases[0].note.as_deref();
/// assert_eq!(note_field(note, "Epoch AI Certainty Note").as_deref(), Some("Reported by two outlets"));
/// assert_eq!(note_field(d.note.as_deref(), "Epoch AI Users").as_deref(), Some("SoftBank, partners"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn note_field(note: Option<&str>, key: &str) -> Option<String> {
    notes::tag(note, key)
}
