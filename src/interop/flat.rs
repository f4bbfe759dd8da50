//! A flat table for spreadsheets: one row per phase, every quantity in the unit its column
//! name says.
//!
//! | column | what it holds |
//! | --- | --- |
//! | `deployment_id`, `deployment`, `phase`, `status` | IDs, names and the status tag (`operational`, `planned`, ...) |
//! | `host_country`, `host_country_name` | ISO 3166-1 alpha-2 code and common name; `unknown` and empty when no source states the host |
//! | `site`, `owners`, `operators` | the site's name; organisation names, `; `-separated |
//! | `announced`, `online`, `end` | partial dates as written (`2026-Q1`) |
//! | `online_earliest`, `online_latest` | the first and last day the online date covers |
//! | `hardware` | hardware names (catalog product names or as written), `; `-separated |
//! | `gpus_lower`, `gpus_central`, `gpus_upper` | GPUs over all hardware lines, as the registry resolved them (bounds taken in the counted unit, then converted; see [the rounding rule](crate::catalog::resolve#the-rounding-rule)); upper empty when unbounded. Sums of these columns equal a query's totals |
//! | `gpus_unknown_lines` | hardware lines whose count is unknown (not summed as zero) |
//! | `stated_format`, `stated_reading` | the stated compute's format (`FP4 sparse peak`) and whether it is `stated`, `assumed` or `unstated` |
//! | `stated_pflops_lower`, `_central`, `_upper` | the stated compute, PFLOP/s (POP/s for INT8) |
//! | `fp64_dense_pflops_*`, `bf16_dense_pflops_*`, `fp8_dense_pflops_*`, `fp4_dense_pflops_*`, `fp4_sparse_pflops_*` | theoretical peak of the hardware at that format, as the registry resolved it from the catalog, PFLOP/s, `_lower`, `_central` and `_upper`: the lines with a figure, as a query derives them (a line not in the catalog, or whose part has no figure for the format, is unknown: counted in `*_unknown_lines`, and the upper bound is then empty) |
//! | `fp64_dense_unknown_lines`, ... `fp4_sparse_unknown_lines` | hardware lines with no figure for that format (not summed as zero) |
//! | `power_mw_lower`, `_central`, `_upper`, `power_note` | the stated power, MW, and what it is (capacity, benchmark draw) |
//! | `superseded_by`, `duplicate_of` | deployment IDs |
//! | `sources` | URLs (or titles) of the deployment's sources, `; `-separated |
//! | `note` | the deployment's and the phase's notes |
//!
//! A deployment without phases gets one row with the phase columns empty, so that every
//! deployment appears. GPU counts are written in whole digits. Other numbers are the shortest
//! decimal that, times the column's unit, gives the registry's value exactly (`793400`, not
//! `793400.0000000001`), or the nearest where no decimal does (a unit in the last place).

use std::fmt::Write as _;

use crate::estimate::{Amount, Total};
use crate::interop::export::{hardware_names, phase_at, phase_gpus, phase_peak};
use crate::interop::report::{Export, Sheet};
use crate::interop::table::{self, write_number_into};
use crate::model::{Deployment, FormatReading, Phase, Role};
use crate::registry::Registry;
use crate::units::{Precision, Sparsity};
use crate::{PartialDate, Result};

/// The columns, in order: one list gives both the header and the positions rows are filled
/// by.
macro_rules! columns {
    ($($column:ident = $name:literal,)+) => {
        /// A column's position.
        #[derive(Debug, Clone, Copy)]
        #[repr(usize)]
        enum Col {
            $($column,)+
        }

        const HEADER: &[&str] = &[$($name,)+];
    };
}

columns! {
    DeploymentId = "deployment_id",
    Deployment = "deployment",
    Phase = "phase",
    Status = "status",
    HostCountry = "host_country",
    HostCountryName = "host_country_name",
    Site = "site",
    Owners = "owners",
    Operators = "operators",
    Announced = "announced",
    Online = "online",
    OnlineEarliest = "online_earliest",
    OnlineLatest = "online_latest",
    End = "end",
    Hardware = "hardware",
    GpusLower = "gpus_lower",
    GpusCentral = "gpus_central",
    GpusUpper = "gpus_upper",
    GpusUnknownLines = "gpus_unknown_lines",
    StatedFormat = "stated_format",
    StatedReading = "stated_reading",
    StatedLower = "stated_pflops_lower",
    StatedCentral = "stated_pflops_central",
    StatedUpper = "stated_pflops_upper",
    Fp64Lower = "fp64_dense_pflops_lower",
    Fp64Central = "fp64_dense_pflops_central",
    Fp64Upper = "fp64_dense_pflops_upper",
    Fp64Unknown = "fp64_dense_unknown_lines",
    Bf16Lower = "bf16_dense_pflops_lower",
    Bf16Central = "bf16_dense_pflops_central",
    Bf16Upper = "bf16_dense_pflops_upper",
    Bf16Unknown = "bf16_dense_unknown_lines",
    Fp8Lower = "fp8_dense_pflops_lower",
    Fp8Central = "fp8_dense_pflops_central",
    Fp8Upper = "fp8_dense_pflops_upper",
    Fp8Unknown = "fp8_dense_unknown_lines",
    Fp4DenseLower = "fp4_dense_pflops_lower",
    Fp4DenseCentral = "fp4_dense_pflops_central",
    Fp4DenseUpper = "fp4_dense_pflops_upper",
    Fp4DenseUnknown = "fp4_dense_unknown_lines",
    Fp4SparseLower = "fp4_sparse_pflops_lower",
    Fp4SparseCentral = "fp4_sparse_pflops_central",
    Fp4SparseUpper = "fp4_sparse_pflops_upper",
    Fp4SparseUnknown = "fp4_sparse_unknown_lines",
    PowerLower = "power_mw_lower",
    PowerCentral = "power_mw_central",
    PowerUpper = "power_mw_upper",
    PowerNote = "power_note",
    SupersededBy = "superseded_by",
    DuplicateOf = "duplicate_of",
    Sources = "sources",
    Note = "note",
}

/// The lower, central and upper columns of a figure.
type Bounds3 = [Col; 3];

/// The formats the catalog-derived columns give, with their columns and the column of their
/// unknown lines.
const DERIVED: [(Precision, Sparsity, Bounds3, Col); 5] = [
    (
        Precision::Fp64,
        Sparsity::Dense,
        [Col::Fp64Lower, Col::Fp64Central, Col::Fp64Upper],
        Col::Fp64Unknown,
    ),
    (
        Precision::Bf16,
        Sparsity::Dense,
        [Col::Bf16Lower, Col::Bf16Central, Col::Bf16Upper],
        Col::Bf16Unknown,
    ),
    (
        Precision::Fp8,
        Sparsity::Dense,
        [Col::Fp8Lower, Col::Fp8Central, Col::Fp8Upper],
        Col::Fp8Unknown,
    ),
    (
        Precision::Fp4,
        Sparsity::Dense,
        [Col::Fp4DenseLower, Col::Fp4DenseCentral, Col::Fp4DenseUpper],
        Col::Fp4DenseUnknown,
    ),
    (
        Precision::Fp4,
        Sparsity::Sparse,
        [
            Col::Fp4SparseLower,
            Col::Fp4SparseCentral,
            Col::Fp4SparseUpper,
        ],
        Col::Fp4SparseUnknown,
    ),
];

/// One row being filled: a cell per column, reused from row to row so that writing a large
/// table does not allocate per cell.
struct Row {
    cells: Vec<String>,
}

impl Row {
    fn new() -> Self {
        Self {
            cells: vec![String::new(); HEADER.len()],
        }
    }

    /// The cell of a column.
    fn cell(&mut self, column: Col) -> &mut String {
        let fallback = self.cells.len() - 1;
        let at = (column as usize).min(fallback);
        &mut self.cells[at]
    }

    fn set(&mut self, column: Col, value: &str) {
        self.cell(column).push_str(value);
    }

    fn clear(&mut self) {
        for cell in &mut self.cells {
            cell.clear();
        }
    }

    /// Clears every cell but the deployment's own, which its next phase shares.
    fn clear_phase(&mut self) {
        for (i, cell) in self.cells.iter_mut().enumerate() {
            if !DEPLOYMENT_COLUMNS.iter().any(|&c| c as usize == i) {
                cell.clear();
            }
        }
    }
}

/// The columns that are the same for every phase of a deployment.
const DEPLOYMENT_COLUMNS: [Col; 10] = [
    Col::DeploymentId,
    Col::Deployment,
    Col::HostCountry,
    Col::HostCountryName,
    Col::Site,
    Col::Owners,
    Col::Operators,
    Col::SupersededBy,
    Col::DuplicateOf,
    Col::Sources,
];

/// Writes one row per phase with units in the column names; see the [module docs](self) for
/// the columns.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::interop::flat;
/// use sovereign_compute::model::{Deployment, HardwareLine, HardwareRef, Phase, Sourced, Status};
/// use sovereign_compute::{registry::Registry, Country};
///
/// let phase = Phase::new("first", Status::Planned)
///     .with_online("2026-Q1")
///     .with_hardware_line(HardwareLine::new(
///         HardwareRef::Unlisted("Acme X1".into()),
///         Sourced::new(Estimate::parse("more than 3,000 GPUs")?),
///     ));
/// let registry = Registry::builder()
///     .deployment(Deployment::new("fr-acme", "Acme", Country::FR).with_phase(phase))
///     .build()?;
/// let out = flat::write(&registry)?;
/// let mut lines = out.csv.lines();
/// assert!(lines.next().unwrap().contains("gpus_lower,gpus_central,gpus_upper"));
/// assert!(lines.next().unwrap().starts_with(
///     "fr-acme,Acme,first,planned,FR,France,,,,,2026-Q1,2026-01-01,2026-03-31,,Acme X1,3000,3000,,0,"
/// ));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn write(registry: &Registry) -> Result<Export> {
    let mut sheet = Sheet::new(HEADER);
    let mut row = Row::new();
    for (i, d) in registry.deployments().iter().enumerate() {
        // The deployment's cells once, then each phase's beside them.
        row.clear();
        deployment_cells(registry, i, d, &mut row);
        if d.phases.is_empty() {
            note(d, None, &mut row);
            sheet.push_fields(&row.cells);
        }
        for (j, p) in d.phases.iter().enumerate() {
            row.clear_phase();
            note(d, Some(p), &mut row);
            phase_cells(registry, phase_at(registry, i, j), p, &mut sheet, &mut row);
            sheet.push_fields(&row.cells);
        }
    }
    sheet.finish()
}

fn deployment_cells(registry: &Registry, position: usize, d: &Deployment, row: &mut Row) {
    row.set(Col::DeploymentId, d.id.as_str());
    row.set(Col::Deployment, &d.name);
    row.set(Col::HostCountry, d.host.map_or("unknown", |c| c.alpha2()));
    row.set(Col::HostCountryName, d.host.map_or("", |c| c.name()));
    row.set(Col::Site, super::export::site(d.site.as_ref()));
    for (column, role) in [(Col::Owners, Role::Owner), (Col::Operators, Role::Operator)] {
        organisation_names(registry, position, role, row.cell(column));
    }
    if let Some(link) = &d.superseded_by {
        row.set(Col::SupersededBy, link.as_str());
    }
    if let Some(link) = &d.duplicate_of {
        row.set(Col::DuplicateOf, link.as_str());
    }
    let sources = row.cell(Col::Sources);
    for s in d.sources.iter().filter_map(|c| registry.source(&c.source)) {
        if !sources.is_empty() {
            sources.push_str("; ");
        }
        sources.push_str(s.url.as_deref().unwrap_or(&s.title));
    }
}

/// The deployment's note and the phase's, one per line.
fn note(d: &Deployment, p: Option<&Phase>, row: &mut Row) {
    let note = row.cell(Col::Note);
    for text in [d.note.as_deref(), p.and_then(|p| p.note.as_deref())]
        .into_iter()
        .flatten()
    {
        if !note.is_empty() {
            note.push('\n');
        }
        note.push_str(text);
    }
}

/// The names of the organisations in `role`, `; `-separated, trimmed, without empty names or
/// repeats (two organisations may share a name; a table cannot tell them apart), read through
/// the registry's index rather than looked up by ID for every row.
fn organisation_names(registry: &Registry, position: usize, role: Role, out: &mut String) {
    let organisations = registry.organisations();
    let mut written: Vec<&str> = Vec::new();
    for &(org, r) in registry.index().participations_of(position) {
        let Some(o) = organisations.get(org as usize).filter(|_| r == role) else {
            continue;
        };
        let name = o.name.trim();
        if name.is_empty() || written.contains(&name) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(name);
        written.push(name);
    }
}

fn date(d: Option<PartialDate>, out: &mut String) {
    if let Some(d) = d {
        let _ = write!(out, "{d}");
    }
}

fn phase_cells(registry: &Registry, at: usize, p: &Phase, sheet: &mut Sheet, row: &mut Row) {
    row.set(Col::Phase, &p.name);
    row.set(Col::Status, p.status.tag());
    date(p.dates.announced, row.cell(Col::Announced));
    date(p.dates.online, row.cell(Col::Online));
    date(p.dates.end, row.cell(Col::End));
    let hardware = row.cell(Col::Hardware);
    for (k, name) in hardware_names(registry, at).enumerate() {
        if k > 0 {
            hardware.push_str("; ");
        }
        hardware.push_str(name);
    }
    if let Some(online) = p.dates.online {
        let _ = write!(row.cell(Col::OnlineEarliest), "{}", online.earliest());
        let _ = write!(row.cell(Col::OnlineLatest), "{}", online.latest());
    }
    gpu_cells(registry, at, p, sheet, row);
    stated_cells(p, row);
    for (precision, sparsity, columns, unknown) in DERIVED {
        let total = match phase_peak(registry, at, precision, sparsity) {
            Ok(total) => total,
            Err(e) => {
                sheet.left_out(HEADER[columns[1] as usize], String::new(), &e.to_string());
                None
            }
        };
        bounds(columns, total.as_ref(), row, |f, out| {
            in_unit(f.rate.base_value(), 1e15, out);
        });
        if let Some(total) = &total {
            let _ = write!(row.cell(unknown), "{}", total.unknown_parts());
        }
    }
    if let Some(power) = &p.power {
        let total = Total::sum([&power.value]).ok();
        bounds(
            [Col::PowerLower, Col::PowerCentral, Col::PowerUpper],
            total.as_ref(),
            row,
            |w, out| in_unit(w.base_value(), 1e6, out),
        );
        row.set(Col::PowerNote, power.note.as_deref().unwrap_or_default());
    }
}

/// A value in base units (FLOP/s, W) written in a column's unit: the shortest decimal that,
/// times the unit, gives the value exactly, or the nearest where none does.
fn in_unit(base: f64, unit: f64, out: &mut String) {
    write_number_into(table::in_unit(base, unit).value(), out);
}

/// The lower, central and upper values of a total in its three columns, written by `write`.
fn bounds<T: Amount>(
    columns: Bounds3,
    total: Option<&Total<T>>,
    row: &mut Row,
    write: impl Fn(T, &mut String),
) {
    let Some(total) = total else {
        return;
    };
    for (column, value) in columns
        .into_iter()
        .zip([total.lower(), total.central(), total.upper()])
    {
        if let Some(value) = value {
            write(value, row.cell(column));
        }
    }
}

/// The GPUs of every hardware line, as the registry resolved them.
fn gpu_cells(registry: &Registry, at: usize, p: &Phase, sheet: &mut Sheet, row: &mut Row) {
    if p.hardware.is_empty() {
        return;
    }
    let total = match phase_gpus(registry, at) {
        Ok(total) => total,
        Err(e) => {
            sheet.left_out("gpus_central", String::new(), &e.to_string());
            return;
        }
    };
    bounds(
        [Col::GpusLower, Col::GpusCentral, Col::GpusUpper],
        Some(&total),
        row,
        |c, out| {
            let _ = write!(out, "{}", c.count());
        },
    );
    let _ = write!(row.cell(Col::GpusUnknownLines), "{}", total.unknown_parts());
}

fn stated_cells(p: &Phase, row: &mut Row) {
    let Some(compute) = &p.compute else {
        return;
    };
    let reading = match &compute.format {
        FormatReading::Stated(_) => "stated",
        FormatReading::Assumed { .. } => "assumed",
        FormatReading::Unstated => "unstated",
    };
    if let Some(format) = compute.format.format() {
        let _ = write!(row.cell(Col::StatedFormat), "{format}");
    }
    row.set(Col::StatedReading, reading);
    let total = Total::sum([&compute.rate.value]).ok();
    bounds(
        [Col::StatedLower, Col::StatedCentral, Col::StatedUpper],
        total.as_ref(),
        row,
        |r, out| in_unit(r.base_value(), 1e15, out),
    );
}
