//! What an import or export did with each row: the problems, and the records that came of it.

use std::fmt;

use super::table::{InUnit, write_number};
use crate::model::DeploymentId;
use crate::registry::Registry;
use crate::{Error, Result};

/// Whether an import stops at problems or imports what it can.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, Mode};
/// assert_eq!(ImportOptions::new().mode(), Mode::Strict);
/// assert_eq!(ImportOptions::new().lenient().mode(), Mode::Lenient);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Mode {
    /// Any problem fails the import with [`Error::Table`], listing every problem found, each
    /// with its row number, column and cell.
    #[default]
    Strict,
    /// Rows and cells with problems are left out, the rest is imported, and the problems are
    /// returned in the [`ImportReport`].
    Lenient,
}

/// What became of the row or cell a [`RowProblem`] is about.
///
/// # Example
/// ```
/// use sovereign_compute::interop::Effect;
/// assert_eq!(Effect::RowSkipped.to_string(), "row not imported");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Effect {
    /// On import, the cell's value was not used and the rest of the row was imported; on
    /// export, the cell was left empty.
    CellIgnored,
    /// On import, the row was not imported at all; on export, the record has no row.
    RowSkipped,
    /// The table as a whole could not be read or written (a missing required column, an
    /// unreadable header, an I/O error): nothing was imported.
    TableRejected,
    /// On export only: no decimal in the column's unit reads back to exactly the registry's
    /// value (multiplying by the unit skips it), so the nearest was written; it reads back a
    /// unit in the last place or so away. The problem's value says what was written.
    WrittenNearest,
    /// On import, the cell's value was kept as written, without what the crate would have
    /// made of it: a chip name the catalog does not resolve becomes
    /// [unlisted](crate::model::HardwareRef::Unlisted) hardware, so its count is kept but no
    /// compute or power is derived from it.
    KeptAsWritten,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effect::CellIgnored => "cell ignored",
            Effect::RowSkipped => "row not imported",
            Effect::TableRejected => "table not read",
            Effect::WrittenNearest => "nearest value written",
            Effect::KeptAsWritten => "kept as written",
        })
    }
}

/// A problem with one cell of one row of a table.
///
/// `row` is the row as a spreadsheet numbers it: the header is row 1 and the first data row
/// is row 2, whatever line breaks quoted cells contain.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{Effect, RowProblem};
/// let p = RowProblem::new(3, "Country", "Atlantis", "unknown country", Effect::RowSkipped);
/// assert_eq!(p.to_string(), "row 3, Country \"Atlantis\": unknown country (row not imported)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowProblem {
    /// The row number; the header is row 1.
    pub row: usize,
    /// The column, as the table's header names it (or a registry field path on export).
    pub column: String,
    /// The cell's value as written (empty when the cell was empty).
    pub value: String,
    /// What is wrong, and what would have been accepted.
    pub message: String,
    /// What the importer or exporter did about it.
    pub effect: Effect,
}

impl RowProblem {
    /// A problem.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{Effect, RowProblem};
    /// let p = RowProblem::new(2, "Status", "Rumoured", "unknown status", Effect::RowSkipped);
    /// assert_eq!(p.row, 2);
    /// ```
    pub fn new(
        row: usize,
        column: impl Into<String>,
        value: impl Into<String>,
        message: impl Into<String>,
        effect: Effect,
    ) -> Self {
        Self {
            row,
            column: column.into(),
            value: value.into(),
            message: message.into(),
            effect,
        }
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, {} {:?}: {} ({})",
            self.row, self.column, self.value, self.message, self.effect
        )
    }
}

/// A reading of a cell that an import made and wants the caller to know of, without it being
/// a problem: the value was read as something it does not literally say.
///
/// Notes never make an import fail, in [strict](Mode::Strict) mode either: they are in
/// [`ImportReport::notes`], apart from the [problems](ImportReport::problems). These
/// readings make a note:
///
/// - a count within float noise of a whole number (`"30000.000000000004"`, relative
///   difference below 10⁻⁹, as spreadsheet exports write sums of fractions) is read as that
///   whole number;
/// - an Epoch AI link cell (`Superseded by`, `Possible Duplicate Of`) listing several rows
///   (`"A,B"`) links to the first, and the cell is kept as written in the deployment's note;
/// - an Epoch AI link cell naming no row of the table, nor one close to a row's name, names
///   a cluster the table does not have: no link is made (the row counts in totals), and the
///   cell is kept as written. A name close to a row's is a typo, and a problem.
///
/// `row` is numbered as in [`RowProblem`]: the header is row 1.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, RowNote, epoch};
///
/// let csv = "Name,Status,Country,Chip type (primary),Chip quantity (primary)\n\
///            X,Existing,France,NVIDIA H100 SXM5 80GB,30000.000000000004\n";
/// let report = epoch::read(csv.as_bytes(), &ImportOptions::new())?; // strict, and it succeeds
/// let line = &report.registry.deployments()[0].phases[0].hardware[0];
/// assert_eq!(line.count.value.to_string(), "30,000 GPUs");
/// assert!(report.problems.is_empty());
/// let note: &RowNote = &report.notes[0];
/// assert_eq!((note.row, note.column.as_str(), note.read_as.as_str()), (2, "Chip quantity (primary)", "30000"));
/// assert_eq!(
///     note.to_string(),
///     "row 2, Chip quantity (primary) \"30000.000000000004\": read as 30000: within float noise of a whole number (relative difference 1.2e-16, below 1e-9)"
/// );
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNote {
    /// The row number; the header is row 1.
    pub row: usize,
    /// The column, as the table's header names it.
    pub column: String,
    /// The cell's value as written.
    pub value: String,
    /// What the cell was read as.
    pub read_as: String,
    /// Why it was read so.
    pub message: String,
}

impl RowNote {
    /// A note.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::RowNote;
    /// let n = RowNote::new(5, "Chip quantity (primary)", "50000.00000000001", "50000", "within float noise of a whole number");
    /// assert_eq!(n.read_as, "50000");
    /// ```
    pub fn new(
        row: usize,
        column: impl Into<String>,
        value: impl Into<String>,
        read_as: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            row,
            column: column.into(),
            value: value.into(),
            read_as: read_as.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RowNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, {} {:?}: read as {}: {}",
            self.row, self.column, self.value, self.read_as, self.message
        )
    }
}

/// The error a strict import returns: [`Error::Table`] with every problem.
pub(super) fn rows_error(problems: &[RowProblem]) -> Error {
    Error::Table {
        problems: problems.to_vec(),
    }
}

/// A table-level failure at `row` (a missing column, an unreadable header, an I/O error):
/// [`Error::Table`] with one problem whose effect is [`Effect::TableRejected`].
pub(super) fn table_error(row: usize, column: &str, message: impl Into<String>) -> Error {
    Error::Table {
        problems: vec![RowProblem::new(
            row,
            column,
            "",
            message,
            Effect::TableRejected,
        )],
    }
}

/// The problems of [`Error::Table`], one per line: `  - row 4, Country "Atlantis": unknown
/// country`, or `  - row 1 (header), Country: missing column; ...`.
pub(crate) fn list_rows(problems: &[RowProblem]) -> String {
    problems
        .iter()
        .map(|p| {
            let mut line = format!("  - row {}", p.row);
            if p.row == 1 {
                line.push_str(" (header)");
            }
            if !p.column.is_empty() {
                line.push_str(&format!(", {}", p.column));
            }
            if !p.value.is_empty() {
                line.push_str(&format!(" {:?}", p.value));
            }
            format!("{line}: {}", p.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The result of an import: the validated registry, the problems found, the notes made, and
/// which row each deployment came from.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
///
/// let csv = "Rank,Name,Site,Country,Year,Rmax [TFlop/s],Rpeak [TFlop/s],System ID\n\
///            1,El Capitan,DOE/NNSA/LLNL,United States,2024,1742000,2746376.09,180307\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// assert_eq!(report.registry.deployments().len(), 1);
/// assert!(report.problems.is_empty());
/// assert_eq!(report.rows[0].0, 2); // the first data row is row 2
/// assert_eq!(report.rows[0].1.as_str(), "top500-180307");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportReport {
    /// The imported records, validated.
    pub registry: Registry,
    /// Every problem found, in row order; empty after a strict import.
    pub problems: Vec<RowProblem>,
    /// Every cell read as something it does not literally say ([`RowNote`]), in row order.
    /// Notes are not problems: a strict import keeps them here and succeeds.
    pub notes: Vec<RowNote>,
    /// The row each imported deployment came from, in row order.
    pub rows: Vec<(usize, DeploymentId)>,
}

impl ImportReport {
    /// The problems that left a whole row out.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::interop::{ImportOptions, top500};
    /// let csv = "Name,Country,Year,Rmax [TFlop/s],System ID\nX,Atlantis,2024,1,1\n";
    /// let report = top500::read(csv.as_bytes(), &ImportOptions::new().lenient())?;
    /// assert_eq!(report.skipped_rows().count(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn skipped_rows(&self) -> impl Iterator<Item = &RowProblem> {
        self.problems
            .iter()
            .filter(|p| p.effect == Effect::RowSkipped)
    }
}

/// A table written from a registry: the CSV text, and the cells left empty because the
/// registry's value has no place in the table's columns.
///
/// # Example
/// ```
/// use sovereign_compute::{interop::top500, registry::Registry};
/// let export = top500::write(&Registry::builder().build()?)?;
/// assert!(export.csv.starts_with("Rank,"));
/// assert!(export.problems.is_empty());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Export {
    /// The table, header first, `\n` line ends.
    pub csv: String,
    /// Values that could not be written, each with its output row and column.
    pub problems: Vec<RowProblem>,
}

/// A table being written: rows go straight to the CSV writer as they are pushed, and the
/// problems found on the way are kept with the row they belong to.
pub(super) struct Sheet {
    header: &'static [&'static str],
    writer: csv::Writer<Vec<u8>>,
    written: usize,
    /// The first error of the writer (writing to memory does not fail; kept for `finish`).
    failed: Option<csv::Error>,
    problems: Vec<RowProblem>,
}

impl Sheet {
    pub(super) fn new(header: &'static [&'static str]) -> Self {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let failed = writer.write_record(header).err();
        Self {
            header,
            writer,
            written: 0,
            failed,
            problems: Vec::new(),
        }
    }

    /// The spreadsheet number of the row being written next.
    pub(super) fn next_row(&self) -> usize {
        self.written + 2
    }

    /// Records a value left out of the row being written next.
    pub(super) fn left_out(&mut self, column: &str, value: impl Into<String>, message: &str) {
        let row = self.next_row();
        self.problems.push(RowProblem::new(
            row,
            column,
            value,
            message,
            Effect::CellIgnored,
        ));
    }

    /// A value given in base units (FLOP/s, W) in the column's `unit` (`1e12` for TFlop/s):
    /// the shortest decimal that reads back exactly, or, where none does, the nearest, which is
    /// recorded as a problem of the row being written next.
    pub(super) fn in_unit(&mut self, column: &str, base: f64, unit: f64) -> f64 {
        match super::table::in_unit(base, unit) {
            InUnit::Exact(x) => x,
            InUnit::Nearest { value, reads_back } => {
                let row = self.next_row();
                self.problems.push(RowProblem::new(
                    row,
                    column,
                    write_number(value),
                    format!(
                        "no number in this column's unit reads back as exactly {base:e} (base units); the nearest reads back as {reads_back:e}"
                    ),
                    Effect::WrittenNearest,
                ));
                value
            }
        }
    }

    /// Records a registry record that gets no row, at the place its row would have had.
    pub(super) fn skipped(&mut self, column: &str, value: impl Into<String>, message: &str) {
        let row = self.next_row();
        self.problems.push(RowProblem::new(
            row,
            column,
            value,
            message,
            Effect::RowSkipped,
        ));
    }

    /// Appends a row given as `(column, value)` pairs; columns not named stay empty. Values
    /// are trimmed, as the readers trim them, so that a written table reads back the same.
    pub(super) fn push(&mut self, cells: Vec<(&'static str, String)>) {
        let mut row: Vec<&str> = vec![""; self.header.len()];
        for (column, value) in &cells {
            // Lengths first: most columns differ in length, and comparing bytes costs more.
            if let Some(i) = self
                .header
                .iter()
                .position(|h| h.len() == column.len() && h == column)
                && let Some(slot) = row.get_mut(i)
            {
                *slot = value.trim();
            }
        }
        if let Err(e) = self.writer.write_record(&row)
            && self.failed.is_none()
        {
            self.failed = Some(e);
        }
        self.written += 1;
    }

    /// Appends a row of every column's value, in header order; values are trimmed, as the
    /// readers trim them.
    pub(super) fn push_fields(&mut self, fields: &[String]) {
        let row = fields.iter().map(|f| f.trim());
        if let Err(e) = self.writer.write_record(row)
            && self.failed.is_none()
        {
            self.failed = Some(e);
        }
        self.written += 1;
    }

    pub(super) fn finish(self) -> Result<Export> {
        let fail = |e: String| table_error(1, "", e);
        if let Some(e) = self.failed {
            return Err(fail(e.to_string()));
        }
        let bytes = self.writer.into_inner().map_err(|e| fail(e.to_string()))?;
        // Every cell is a Rust string, so the bytes are UTF-8; a failure would be a csv bug.
        let csv = String::from_utf8(bytes).map_err(|e| fail(e.to_string()))?;
        Ok(Export {
            csv,
            problems: self.problems,
        })
    }
}
