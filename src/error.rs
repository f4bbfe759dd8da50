//! The crate's one error type.
//!
//! Every fallible function returns [`Result<T>`](Result) with [`Error`]. Variants carry the
//! offending value and the field, ID or quantity it belongs to, and their messages say what
//! would have been accepted, so that a user can act on them without reading the source.

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
    #[error("invalid catalog: {} problem(s):\n{}", problems.len(), crate::catalog::list_problems(problems))]
    InvalidCatalog {
        /// Every problem found, in entry order (sources, families, parts, systems).
        problems: Vec<crate::catalog::Problem>,
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
    #[error("invalid registry: {} problem(s):\n{}", problems.len(), crate::registry::list_problems(problems))]
    InvalidRegistry {
        /// Every problem found, in record order.
        problems: Vec<crate::registry::Problem>,
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
    #[error("invalid table: {} problem(s):\n{}", problems.len(), crate::interop::list_rows(problems))]
    Table {
        /// Every problem found, in row order.
        problems: Vec<crate::interop::RowProblem>,
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
