//! The crate's one error type.
//!
//! Every fallible function returns [`Result<T>`](Result) with [`Error`]. Variants carry the
//! offending value and the field, ID or quantity it belongs to, and their messages say what
//! would have been accepted, so that a user can act on them without reading the source.

use std::fmt;

use crate::units::{ComputeFormat, CountingUnit};

/// The error type of every fallible operation in the crate.
///
/// Messages are lowercase with no trailing period, in the style of the standard library, and
/// name what would be accepted.
///
/// # Example
/// ```
/// use sovereign_compute::{Error, units::Power};
///
/// let err = "40 MWz".parse::<Power>().unwrap_err();
/// assert!(matches!(err, Error::UnknownUnit { .. }));
/// assert!(err.to_string().contains("accepted units: W, kW, MW, GW"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A quantity was given a value it cannot hold: NaN, an infinity, or a negative number.
    ///
    /// Every quantity in the crate (rates, work, power, energy, time, efficiency, frequency) is
    /// finite and non-negative. Fix the input; nothing is clamped.
    #[error("invalid {quantity} {value}: {reason}")]
    InvalidValue {
        /// Which quantity, e.g. `"compute rate"`.
        quantity: &'static str,
        /// The rejected value, in the quantity's base unit where it was converted.
        value: f64,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The number part of a quantity string could not be read.
    #[error("invalid number in {input:?}: {reason}")]
    InvalidNumber {
        /// The whole input string.
        input: String,
        /// What is wrong and what would be accepted.
        reason: String,
    },
    /// The unit part of a quantity string is not one the crate knows for that quantity.
    #[error("unknown {quantity} unit {unit:?}: {hint}")]
    UnknownUnit {
        /// Which quantity was being read.
        quantity: &'static str,
        /// The unit as written.
        unit: String,
        /// What was probably meant, and the accepted units.
        hint: String,
    },
    /// The unit part of a quantity string has more than one reading.
    #[error("ambiguous {quantity} unit {unit:?}: {hint}")]
    AmbiguousUnit {
        /// Which quantity was being read.
        quantity: &'static str,
        /// The unit as written.
        unit: String,
        /// The readings, and the unambiguous spelling to use instead.
        hint: String,
    },
    /// An arithmetic result does not fit the type: a count past `u64::MAX`, or a quantity that
    /// is no longer a finite `f64` (including division by zero).
    #[error("{quantity} {operation} overflows: the result does not fit a finite value")]
    Overflow {
        /// Which quantity, e.g. `"GPU count"`.
        quantity: &'static str,
        /// Which operation, e.g. `"addition"`.
        operation: &'static str,
    },
    /// Two compute figures with different number formats, sparsity or basis were combined.
    ///
    /// There is no fixed factor between formats: convert through a catalog part, or keep the
    /// figures apart in a [`ComputeTotals`](crate::units::ComputeTotals).
    #[error(
        "compute format mismatch: {left} and {right} cannot be combined; convert through a catalog part or collect them in ComputeTotals"
    )]
    FormatMismatch {
        /// The format of the left operand.
        left: ComputeFormat,
        /// The format of the right operand.
        right: ComputeFormat,
    },
    /// Two counts in different counting units (GPUs and superchips, say) were combined.
    #[error(
        "counting unit mismatch: {left} and {right} cannot be combined; convert both to GPUs through the catalog first"
    )]
    CountUnitMismatch {
        /// The counting unit of the left operand.
        left: CountingUnit,
        /// The counting unit of the right operand.
        right: CountingUnit,
    },
    /// A count was written without what it counts (`"4000"`): GPUs, superchips, nodes and
    /// racks differ by up to 72 times, so the crate does not assume one. Add the counting unit.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, units::AcceleratorCount};
    ///
    /// let err = "4000".parse::<AcceleratorCount>().unwrap_err();
    /// assert!(matches!(err, Error::MissingCountUnit { .. }));
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"a count needs its unit: "4000" does not say what it counts; write "4,000 GPUs" (or superchips, nodes, racks), or in JSON {"count": 4000, "unit": "gpu"}"#
    /// );
    /// ```
    #[error("a count needs its unit: {input:?} does not say what it counts; write {example}")]
    MissingCountUnit {
        /// The count as written.
        input: String,
        /// The accepted forms, with the number given.
        example: String,
    },
    /// A string naming a tag (precision, sparsity, basis, counting unit) was not recognised.
    #[error("unknown {what} {input:?}: accepted values are {accepted}")]
    UnknownTag {
        /// Which kind of tag, e.g. `"precision"`.
        what: &'static str,
        /// The string as written.
        input: String,
        /// The accepted spellings.
        accepted: &'static str,
    },
    /// A date string could not be read as a partial date.
    #[error("invalid date {input:?}: {reason}")]
    InvalidDate {
        /// The string as written.
        input: String,
        /// What is wrong and which forms are accepted.
        reason: String,
    },
    /// A country name or code is not in ISO 3166-1.
    #[error(
        "unknown country {input:?}: give an ISO 3166-1 alpha-2 code (e.g. \"FR\") or an English name (e.g. \"France\", \"United Kingdom\")"
    )]
    UnknownCountry {
        /// The string as written.
        input: String,
    },
    /// A bloc definition is inconsistent.
    #[error("invalid bloc {bloc:?}: {reason}")]
    InvalidBloc {
        /// The bloc's ID.
        bloc: String,
        /// What is inconsistent.
        reason: String,
    },
    /// A phrase could not be read as an estimate ("more than 3,000 exaflops").
    #[error("cannot read {input:?} as an estimate: {reason}")]
    UnreadablePhrase {
        /// The phrase as written.
        input: String,
        /// What is wrong and which phrasings are accepted.
        reason: String,
    },
    /// An estimate was built with bounds that contradict each other (a range whose low end is
    /// above its high end, a negative or non-finite tolerance).
    #[error("invalid estimate: {reason}")]
    InvalidEstimate {
        /// What is inconsistent.
        reason: String,
    },
    /// A hardware name is not an ID, name or alias in the catalog.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog};
    /// let err = Catalog::builtin()?.part("B2000").unwrap_err();
    /// assert!(matches!(&err, Error::UnknownPart { suggestions, .. } if suggestions[0] == "part nvidia-b200"));
    /// assert!(err.to_string().starts_with("unknown hardware \"B2000\": not an ID, name or alias in the catalog (did you mean part nvidia-b200"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[error(
        "unknown hardware {name:?}: not an ID, name or alias in the catalog{}; see the catalog's alias table, or add the part with Catalog::add_accelerator",
        did_you_mean(suggestions)
    )]
    UnknownPart {
        /// The name as written.
        name: String,
        /// Close catalog entries ("part nvidia-b200"), best first; may be empty.
        suggestions: Vec<String>,
    },
    /// A hardware name names another kind of catalog entry than the reference says: a
    /// system's name given as a part.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let err = Catalog::builtin()?.canonical(&HardwareRef::Part("DGX B200".into())).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "\"DGX B200\" names a system (nvidia-dgx-b200), not a part; write {\"system\": \"nvidia-dgx-b200\"}, or {\"name\": \"DGX B200\"} for whatever the name means"
    /// );
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[error(
        "{name:?} names a {found} ({id}), not a {expected}; write {fix}, or {{\"name\": {name:?}}} for whatever the name means"
    )]
    WrongHardwareKind {
        /// The name as written.
        name: String,
        /// The kind the reference says: `"part"`, `"system"` or `"family"`.
        expected: &'static str,
        /// The kind the name has.
        found: &'static str,
        /// The canonical ID of the entry the name has.
        id: String,
        /// The reference to write instead, as JSON.
        fix: String,
    },
    /// A hardware reference is malformed: a mix of fewer than two distinct parts, an unlisted
    /// name that is empty or that the catalog has.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, HardwareRef};
    /// let err = Catalog::new().canonical(&HardwareRef::Unlisted(" ".into())).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid hardware \" \": unlisted hardware needs the name the source gives it");
    /// ```
    #[error("invalid hardware {hardware:?}: {reason}")]
    InvalidHardware {
        /// The reference as written.
        hardware: String,
        /// What is wrong, and what to write instead.
        reason: String,
    },
    /// A hardware name names a family of parts where one part is needed ("Blackwell").
    #[error("ambiguous hardware {name:?}: it names the family {family} ({members}); name one part")]
    AmbiguousPart {
        /// The name as written.
        name: String,
        /// The family it resolved to.
        family: String,
        /// The family's parts, comma-separated.
        members: String,
    },
    /// A catalog part has no published figure for what was asked (a format, its TDP, ...).
    #[error("{part} has no published {figure} figure; the catalog does not guess missing figures")]
    MissingFigure {
        /// The part's ID.
        part: String,
        /// The figure asked for, e.g. `"FP64 sparse peak"` or `"TDP"`.
        figure: String,
    },
    /// A count's unit does not apply to the part (superchips of a PCIe GPU, say).
    #[error("{part} cannot be counted in {unit}s: {reason}")]
    UnitNotApplicable {
        /// The part's ID.
        part: String,
        /// The counting unit given.
        unit: CountingUnit,
        /// Which units the part does have.
        reason: String,
    },
    /// A catalog failed validation: a duplicate ID or alias, a dangling reference, a zero.
    /// Every problem found is listed, each with its entry's kind and ID and the field, in the
    /// same shape as [`InvalidRegistry`](Self::InvalidRegistry)'s.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use sovereign_compute::{Error, catalog::Catalog};
    ///
    /// let json = r#"{"schema_version": 1, "accelerators": [
    ///   {"id": "acme-x1", "name": "Acme X1", "vendor": "acme", "form": "gpu", "gpus": 2},
    ///   {"id": "acme-x2", "name": "acme x1", "vendor": "", "form": "gpu"}
    /// ]}"#;
    /// let err = Catalog::from_json(json).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid catalog: 3 problem(s):
    ///   - part acme-x1, gpus: a GPU-form part counts as one GPU; use form \"superchip\" for a module of several GPUs
    ///   - part acme-x2, name: \"acme x1\" already names the part acme-x1 (names are compared case-insensitively with spaces folded)
    ///   - part acme-x2, vendor: must not be empty");
    /// # }
    /// ```
    #[error("invalid catalog: {} problem(s):\n{}", problems.len(), list_problems(problems))]
    InvalidCatalog {
        /// Every problem found, in entry order (sources, families, parts, systems).
        problems: Vec<Problem>,
    },
    /// A JSON document could not be read; `path` locates the bad value
    /// (e.g. `deployments[3].phases[0].online`).
    #[error("invalid JSON at {path}: {message}")]
    Json {
        /// Where in the document, `.`-separated with `[i]` for array items; `.` for the root.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// A document declares a schema version this version of the crate does not read.
    #[error(
        "unsupported schema_version {found}: this version of the crate reads schema_version {supported}"
    )]
    UnsupportedSchemaVersion {
        /// The version in the document.
        found: u64,
        /// The version this crate reads.
        supported: u64,
    },
    /// An ID does not have the accepted syntax.
    #[error(
        "invalid {what} {id:?}: use 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"
    )]
    InvalidId {
        /// Which kind of ID, e.g. `"deployment ID"`.
        what: &'static str,
        /// The ID as written.
        id: String,
    },
    /// A registry failed validation; every problem found is listed, each with its record ID
    /// and field.
    #[error("invalid registry: {} problem(s):\n{}", problems.len(), list_problems(problems))]
    InvalidRegistry {
        /// Every problem found, in record order.
        problems: Vec<Problem>,
    },
    /// A CSV table could not be imported (or written): every problem found, each with its row
    /// (the header is row 1), column and cell value.
    ///
    /// A strict import lists every problem of every row at once; each problem's
    /// [`effect`](crate::interop::RowProblem::effect) is what a lenient import would have done
    /// with it. A table that cannot be read at all (a missing required column, an unreadable
    /// header, an I/O error) has one problem with effect
    /// [`TableRejected`](crate::interop::Effect::TableRejected).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, interop::{ImportOptions, top500}};
    ///
    /// let csv = "Name,Country,Year,Rmax [TFlop/s],System ID\nX,Atlantis,2024,1,1\n";
    /// let err = top500::read(csv.as_bytes(), &ImportOptions::new()).unwrap_err();
    /// let Error::Table { problems } = &err else { panic!("{err}") };
    /// assert_eq!((problems[0].row, problems[0].column.as_str()), (2, "Country"));
    /// assert!(err.to_string().starts_with("invalid table: 1 problem(s):\n  - row 2, Country \"Atlantis\": unknown country"));
    /// ```
    #[cfg(feature = "csv")]
    #[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
    #[error("invalid table: {} problem(s):\n{}", problems.len(), list_rows(problems))]
    Table {
        /// Every problem found, in row order.
        problems: Vec<RowProblem>,
    },
    /// A phase's lifecycle status cannot move to the requested one.
    #[error("phase status cannot change from {from} to {to}: {reason}")]
    InvalidTransition {
        /// The current status.
        from: crate::model::Status,
        /// The requested status.
        to: crate::model::Status,
        /// Which moves are allowed.
        reason: &'static str,
    },
    /// A text input holds a character its parser does not read.
    ///
    /// No parser in the crate skips what it does not understand. White space around a value is
    /// trimmed (and parsers that say so fold runs of spaces between words), but anywhere else
    /// these are errors: control characters (NUL, a tab or line break inside a value), line and
    /// paragraph separators, Unicode format characters (zero-width space U+200B, zero-width
    /// joiners, word joiner U+2060, byte-order mark U+FEFF, soft hyphen U+00AD, bidi marks),
    /// and characters or punctuation outside the parser's forms (`"FR!!!"`, `"France,"`).
    /// The message shows the character escaped, so an invisible one can be seen. Delete it
    /// from the input.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Country, Error};
    ///
    /// let err = Country::parse("FR\u{200b}").unwrap_err();
    /// assert!(matches!(
    ///     err,
    ///     Error::UnexpectedCharacter { character: '\u{200b}', position: 2, .. }
    /// ));
    /// assert!(err.to_string().starts_with(
    ///     r#"unexpected character '\u{200b}' at position 2 in "FR\u{200b}": expected "#
    /// ));
    /// ```
    #[error(
        "unexpected character {character:?} at position {position} in {input:?}: expected {expected}"
    )]
    UnexpectedCharacter {
        /// The input as given, untrimmed.
        input: String,
        /// The first character that is not read.
        character: char,
        /// Its position in `input`: a 0-based index in characters (not bytes).
        position: usize,
        /// What the parser reads there, e.g. `"a country code or English name"`.
        expected: &'static str,
    },
}

/// " (did you mean part nvidia-b200?)" for suggestions, or nothing.
fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", or "))
    }
}

/// `Result` with the crate's [`Error`] as the default error type.
///
/// # Example
/// ```
/// fn peak() -> sovereign_compute::Result<sovereign_compute::units::ComputeRate> {
///     "1,440 PFLOP/s".parse()
/// }
/// assert_eq!(peak()?.to_string(), "1.44 EFLOP/s");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
/// One problem found by validating a registry or a catalog: which record (or catalog entry),
/// which field, what is wrong.
///
/// [`Error::InvalidRegistry`] and [`Error::InvalidCatalog`] list every problem found, in this
/// one shape; it is re-exported as [`registry::Problem`](crate::registry::Problem) and
/// [`catalog::Problem`](crate::catalog::Problem).
///
/// # Example
/// ```
/// use sovereign_compute::{Error, catalog::{Accelerator, Catalog}, registry::Problem};
///
/// let p = Problem::new("deployment", "fr-mistral", "phases[0].dates.online", "online 2025 is before start 2026");
/// assert_eq!(p.to_string(), "deployment fr-mistral, phases[0].dates.online: online 2025 is before start 2026");
///
/// let err = Catalog::new()
///     .add_accelerator(Accelerator::superchip("acme-s0", "Acme S0", "acme", 0, 0))
///     .unwrap_err();
/// let Error::InvalidCatalog { problems } = &err else { panic!("{err}") };
/// assert_eq!((problems[0].record, problems[0].id.as_str(), problems[0].field.as_str()), ("part", "acme-s0", "gpus"));
/// assert_eq!(problems[0].to_string(), "part acme-s0, gpus: a superchip holds at least one GPU");
/// assert_eq!(problems.len(), 2); // and the CPUs
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The kind of record: in a registry `"source"`, `"organisation"`, `"deployment"`,
    /// `"programme"` or `"initiative"`; in a catalog `"source"`, `"family"`, `"part"` or
    /// `"system"`.
    pub record: &'static str,
    /// The record's ID (a catalog source's key).
    pub id: String,
    /// The field within the record, as a path (`phases[0].hardware[1].count`,
    /// `peak[1].rate`).
    pub field: String,
    /// What is wrong, and what would be accepted.
    pub message: String,
}

impl Problem {
    /// A problem.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Problem;
    /// let p = Problem::new("part", "acme-x1", "tdp.power", "must be positive");
    /// assert_eq!((p.record, p.field.as_str()), ("part", "tdp.power"));
    /// assert_eq!(p.to_string(), "part acme-x1, tdp.power: must be positive");
    /// ```
    pub fn new(
        record: &'static str,
        id: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            record,
            id: id.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}, {}: {}",
            self.record, self.id, self.field, self.message
        )
    }
}

/// The problems of [`Error::InvalidRegistry`] and [`Error::InvalidCatalog`], one per line:
/// `  - part acme-x1, gpus: ...`.
fn list_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(feature = "csv")]
use rows::list_rows;
#[cfg(feature = "csv")]
pub use rows::{Effect, RowNote, RowProblem};

/// The problems and notes of a table import (feature `csv`), re-exported in
/// [`interop`](crate::interop).
#[cfg(feature = "csv")]
mod rows {
    use std::fmt;

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
    /// Notes never make an import fail, in [strict](crate::interop::Mode::Strict) mode either: they are in
    /// [`ImportReport::notes`](crate::interop::ImportReport::notes), apart from the [problems](crate::interop::ImportReport::problems). These
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

    /// The problems of [`Error::Table`], one per line: `  - row 4, Country "Atlantis": unknown
    /// country`, or `  - row 1 (header), Country: missing column; ...`.
    pub(super) fn list_rows(problems: &[RowProblem]) -> String {
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
}
