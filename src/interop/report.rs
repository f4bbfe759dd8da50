//! What an import or export did with each row: the problems, and the records that came of it.

use super::table::{InUnit, table_error, write_number};
use crate::error::{Effect, RowNote, RowProblem};
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

/// The error a strict import returns: [`Error::Table`] with every problem.
pub(super) fn rows_error(problems: &[RowProblem]) -> Error {
    Error::Table {
        problems: problems.to_vec(),
    }
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
