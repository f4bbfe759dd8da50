//! Turning the rows read from a table into a validated registry: IDs, organisations and
//! sources shared between rows, links by name, and the registry's own checks mapped back to
//! the rows they came from.

use std::collections::{BTreeSet, HashMap};
use std::io;
use std::sync::Arc;

use csv::StringRecord;

use super::ids::IdPool;
use super::notes;
use super::report::{ImportReport, rows_error};
use super::table::{Columns, Next, Row, Table};
use super::{ImportOptions, Mode};
use crate::catalog::{Accelerator, Catalog, Resolved};
use crate::error::{Effect, RowNote, RowProblem};
use crate::model::{
    Citation, Deployment, DeploymentId, HardwareRef, Organisation, OrganisationId,
    OrganisationKind, Source, SourceId,
};
use crate::registry::{Registry, RegistryBuilder};
use crate::{Error, Result};

/// Which link between deployments a cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkKind {
    SupersededBy,
    DuplicateOf,
}

/// A link by name, resolved once every row has been read.
#[derive(Debug)]
struct Link {
    row: usize,
    from: DeploymentId,
    kind: LinkKind,
    column: &'static str,
    target: String,
    /// The tagged note line the cell is kept under when it cannot be a link as written.
    kept_as: String,
}

/// What a link cell names, once every row has been read.
#[derive(Debug, PartialEq)]
enum Target {
    /// Exactly one other row.
    One(DeploymentId),
    /// A comma-separated list of names, each of exactly one other row: the first, and how
    /// many there are.
    List(DeploymentId, usize),
    /// No row, nor any row by a close name: a row the table does not have.
    Absent,
    /// Not a link that can be made: the reason, for a problem.
    Invalid(String),
}

/// A deployment and the row it came from.
#[derive(Debug)]
struct Entry {
    row: usize,
    record: StringRecord,
    deployment: Deployment,
}

/// Maps a registry field path (`phases[0].dates.online`) to the column it was read from.
pub(super) type FieldColumn = fn(&str) -> Option<&'static str>;

/// What differs between the tables' readers, besides reading a row.
#[derive(Debug)]
pub(super) struct Format {
    /// Columns the table must have: one of each list.
    pub(super) required: &'static [&'static [&'static str]],
    /// The source the rows cite unless the options name one.
    pub(super) source: fn() -> Result<Source>,
    /// Where the registry's checks point back to.
    pub(super) field_column: FieldColumn,
}

/// Reads a table: the header, then each row through `read_row` (with what `layout` makes of
/// the header), then the registry.
pub(super) fn import<R: io::Read, L>(
    reader: R,
    options: &ImportOptions,
    format: &Format,
    layout: impl FnOnce(&Columns) -> L,
    mut read_row: impl FnMut(&mut Row<'_>, &mut Assembly, &L) -> Result<Option<Deployment>>,
) -> Result<ImportReport> {
    let mut table = Table::open(reader, format.required)?;
    let layout = layout(table.columns());
    let source = match options.source() {
        Some(s) => s.clone(),
        None => (format.source)()?,
    };
    let columns = table.columns().clone();
    let mut assembly = Assembly::new(options, source, columns, format.field_column)?;
    loop {
        match table.next()? {
            Next::End => break,
            Next::Unreadable(problem) => assembly.problem(problem),
            Next::Record(number, record) => {
                let mut row = Row::new(number, &record, table.columns());
                let deployment = read_row(&mut row, &mut assembly, &layout)?;
                assembly.notes.extend(row.notes);
                assembly.add(number, &record, row.problems, deployment);
            }
        }
    }
    assembly.finish()
}

/// Everything read so far from one table.
#[derive(Debug)]
pub(super) struct Assembly {
    catalog: Arc<Catalog>,
    mode: Mode,
    columns: Columns,
    field_column: FieldColumn,
    dataset: SourceId,
    sources: Vec<Source>,
    source_ids: IdPool,
    organisations: Vec<Organisation>,
    organisation_ids: IdPool,
    deployment_ids: IdPool,
    entries: Vec<Entry>,
    links: Vec<Link>,
    problems: Vec<RowProblem>,
    notes: Vec<RowNote>,
}

/// Folds a name for matching links: case and runs of white space do not matter.
pub(super) fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Assembly {
    /// An empty assembly citing `dataset` (the table itself) for every row.
    fn new(
        options: &ImportOptions,
        dataset: Source,
        columns: Columns,
        field_column: FieldColumn,
    ) -> Result<Self> {
        let mut source_ids = IdPool::default();
        source_ids.reserve(dataset.id.as_str());
        Ok(Self {
            catalog: options.resolved_catalog()?,
            mode: options.mode(),
            columns,
            field_column,
            dataset: dataset.id.clone(),
            sources: vec![dataset],
            source_ids,
            organisations: Vec::new(),
            organisation_ids: IdPool::default(),
            deployment_ids: IdPool::default(),
            entries: Vec::new(),
            links: Vec::new(),
            problems: Vec::new(),
            notes: Vec::new(),
        })
    }

    pub(super) fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog parts a hardware reference may mean, through the catalog's one resolver;
    /// none for unlisted hardware.
    pub(super) fn parts(&self, hardware: &HardwareRef) -> Vec<&Accelerator> {
        self.catalog
            .resolve_hardware(hardware, None)
            .map(|r| r.candidates().iter().map(|c| c.part).collect())
            .unwrap_or_default()
    }

    /// A citation of the table itself.
    pub(super) fn dataset(&self) -> Citation {
        Citation::new(self.dataset.clone())
    }

    /// The catalog entry the chip name in `column` resolves to: a part, a system, or a family
    /// ("NVIDIA A100", which leaves the part open). A name the catalog does not have is
    /// reported (with the catalog's close names, if any) and kept as written, as unlisted
    /// hardware; a strict import fails on it.
    pub(super) fn hardware(&self, row: &mut Row<'_>, column: &str, name: &str) -> HardwareRef {
        match self.catalog.resolve(name) {
            Ok(Resolved::Accelerator(a)) => HardwareRef::Part(a.id.clone()),
            Ok(Resolved::System(s)) => HardwareRef::System(s.id.clone()),
            Ok(Resolved::Family(f)) => HardwareRef::Family(f.id.clone()),
            Err(e) => {
                let hint = match &e {
                    Error::UnknownPart { suggestions, .. } if !suggestions.is_empty() => {
                        format!(" (did you mean {}?)", suggestions.join(", or "))
                    }
                    _ => String::new(),
                };
                row.report(
                    column,
                    format!(
                        "unknown chip: not an ID, name or alias in the catalog{hint}; kept as unlisted hardware, whose count counts but which gives no compute or power; to resolve it, import with a catalog that has it (ImportOptions::with_catalog)"
                    ),
                    Effect::KeptAsWritten,
                );
                HardwareRef::Unlisted(name.to_owned())
            }
        }
    }

    /// The ID for the deployment of row `row`, made from its name.
    pub(super) fn deployment_id(
        &mut self,
        row: usize,
        prefix: &str,
        name: &str,
    ) -> Result<DeploymentId> {
        let (id, _) = self.deployment_ids.id(&row.to_string(), prefix, name);
        DeploymentId::new(id)
    }

    /// The ID for the deployment a table keys `key` (TOP500's `System ID`), and whether it is
    /// new: a key seen before is the same deployment.
    pub(super) fn keyed_deployment_id(
        &mut self,
        key: &str,
        prefix: &str,
    ) -> Result<(DeploymentId, bool)> {
        let (id, new) = self.deployment_ids.keyed_id(key, prefix);
        Ok((DeploymentId::new(id)?, new))
    }

    /// The organisation of this name, added on first use with `kind`. Names are matched
    /// exactly: "Meta" and "META" are two organisations (`meta`, `meta-2`), since a table
    /// does not say they are one.
    pub(super) fn organisation(
        &mut self,
        name: &str,
        kind: OrganisationKind,
    ) -> Result<OrganisationId> {
        let (id, new) = self.organisation_ids.id(name, "", name);
        let id = OrganisationId::new(id)?;
        if new {
            self.organisations
                .push(Organisation::new(id.clone(), name, kind));
        }
        Ok(id)
    }

    /// The source a `Source N` cell names (a URL, or a title), added on first use.
    pub(super) fn source(&mut self, cell: &str) -> Result<SourceId> {
        let is_url = cell.starts_with("http://") || cell.starts_with("https://");
        let bare = cell
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.");
        let (id, new) = self.source_ids.id(cell, "src-", bare);
        let id = SourceId::new(id)?;
        if new {
            let source = Source::new(id.clone(), cell);
            self.sources.push(if is_url {
                source.with_url(cell)
            } else {
                source
            });
        }
        Ok(id)
    }

    /// Records a link by name from `from` to the row named `target`.
    pub(super) fn link(
        &mut self,
        row: usize,
        from: &DeploymentId,
        kind: LinkKind,
        column: &'static str,
        target: &str,
        kept_as: String,
    ) {
        self.links.push(Link {
            row,
            from: from.clone(),
            kind,
            column,
            target: target.to_owned(),
            kept_as,
        });
    }

    /// Adds a row's outcome: its problems, and its deployment unless it was skipped.
    fn add(
        &mut self,
        row: usize,
        record: &StringRecord,
        problems: Vec<RowProblem>,
        deployment: Option<Deployment>,
    ) {
        self.problems.extend(problems);
        if let Some(deployment) = deployment {
            self.entries.push(Entry {
                row,
                record: record.clone(),
                deployment,
            });
        }
    }

    /// Adds a problem found outside any row's reading (an unreadable row).
    fn problem(&mut self, problem: RowProblem) {
        self.problems.push(problem);
    }

    /// Resolves the links, validates, and builds the registry (or, in strict mode, fails on
    /// any problem).
    ///
    /// # Errors
    /// [`Error::Table`] listing every row problem in strict mode; [`Error::InvalidRegistry`]
    /// if the registry's checks find a problem in a record that is not a deployment (a bug
    /// here).
    fn finish(mut self) -> Result<ImportReport> {
        self.resolve_links();
        self.drop_invalid()?;
        self.problems.sort_by_key(|p| p.row);
        if self.mode == Mode::Strict && !self.problems.is_empty() {
            return Err(rows_error(&self.problems));
        }
        self.prune();
        let rows = self
            .entries
            .iter()
            .map(|e| (e.row, e.deployment.id.clone()))
            .collect();
        let registry = self.builder().build()?;
        self.notes.sort_by_key(|n| n.row);
        Ok(ImportReport {
            registry,
            problems: self.problems,
            notes: self.notes,
            rows,
        })
    }

    fn builder(&self) -> RegistryBuilder {
        let mut b = Registry::builder().catalog(Arc::clone(&self.catalog));
        for s in &self.sources {
            b = b.source(s.clone());
        }
        for o in &self.organisations {
            b = b.organisation(o.clone());
        }
        for e in &self.entries {
            b = b.deployment(e.deployment.clone());
        }
        b
    }

    /// Resolves each link by name. A cell that names one other row becomes the link. One
    /// that lists several such rows ("A,B") links to the first and is kept as written in a
    /// tagged note line; one that names no row (nor one by a close name, which would be a
    /// typo) is a row the table does not have: it is kept as written, with no link. Both
    /// make a note, not a problem. A name that several rows have, the row itself, or a close
    /// name of another row is a problem, and the link is dropped.
    fn resolve_links(&mut self) {
        let mut by_name: HashMap<String, Names> = HashMap::new();
        for e in &self.entries {
            let names = by_name
                .entry(fold(&e.deployment.name))
                .or_insert_with(|| Names {
                    written: e.deployment.name.clone(),
                    ids: Vec::new(),
                });
            names.ids.push(e.deployment.id.clone());
        }
        let index: HashMap<DeploymentId, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.deployment.id.clone(), i))
            .collect();
        for link in std::mem::take(&mut self.links) {
            let target = link_target(&by_name, &link);
            let Some(entry) = index.get(&link.from).and_then(|&i| self.entries.get_mut(i)) else {
                // The linking row itself was not imported: its problem is already reported.
                continue;
            };
            let slot = match link.kind {
                LinkKind::SupersededBy => &mut entry.deployment.superseded_by,
                LinkKind::DuplicateOf => &mut entry.deployment.duplicate_of,
            };
            let kept = |entry: &mut Entry| {
                let note = entry.deployment.note.take();
                entry.deployment.note =
                    notes::with_tag(note.as_deref(), &link.kept_as, &link.target);
            };
            let note = |read_as: String, message: String| {
                RowNote::new(link.row, link.column, link.target.clone(), read_as, message)
            };
            match target {
                Target::One(to) => *slot = Some(to),
                Target::List(first, n) => {
                    *slot = Some(first.clone());
                    kept(entry);
                    self.notes.push(note(
                        format!("a link to {first}"),
                        format!(
                            "the cell names {n} rows and a deployment links to one; the link goes to the first, and the cell is kept as written in the deployment's note"
                        ),
                    ));
                }
                Target::Absent => {
                    kept(entry);
                    self.notes.push(note(
                        "no link".to_owned(),
                        "no row of the table has this name, nor a close one: the row it names is not in the table, so this one counts in totals; the cell is kept as written in the deployment's note".to_owned(),
                    ));
                }
                Target::Invalid(message) => self.problems.push(RowProblem::new(
                    link.row,
                    link.column,
                    link.target,
                    message,
                    Effect::CellIgnored,
                )),
            }
        }
    }

    /// Runs the registry's checks and takes out what fails them, reporting each against its
    /// row: a dangling link is dropped, any other problem leaves its row out. Leaving a row
    /// out can leave links to it dangling, so the checks run again until none fails.
    fn drop_invalid(&mut self) -> Result<()> {
        loop {
            let found = self.builder().problems()?;
            if found.is_empty() {
                return Ok(());
            }
            let index: HashMap<String, usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.deployment.id.to_string(), i))
                .collect();
            let mut skipped = BTreeSet::new();
            for p in found {
                let Some(entry) = index
                    .get(&p.id)
                    .filter(|_| p.record == "deployment")
                    .and_then(|&i| self.entries.get_mut(i))
                else {
                    return Err(Error::InvalidRegistry { problems: vec![p] });
                };
                let column = (self.field_column)(&p.field);
                let value = column
                    .and_then(|c| self.columns.cell(&entry.record, c))
                    .unwrap_or_default();
                let column = column.map_or_else(|| p.field.clone(), str::to_owned);
                let link = match p.field.as_str() {
                    "superseded_by" => Some(&mut entry.deployment.superseded_by),
                    "duplicate_of" => Some(&mut entry.deployment.duplicate_of),
                    _ => None,
                };
                let (message, effect) = match link {
                    Some(link) => {
                        *link = None;
                        (
                            format!("{}; the link is dropped", p.message),
                            Effect::CellIgnored,
                        )
                    }
                    None => {
                        skipped.insert(p.id.clone());
                        (p.message.clone(), Effect::RowSkipped)
                    }
                };
                self.problems
                    .push(RowProblem::new(entry.row, column, value, message, effect));
            }
            self.entries
                .retain(|e| !skipped.contains(e.deployment.id.as_str()));
        }
    }

    /// Drops the organisations and sources only skipped rows referred to.
    fn prune(&mut self) {
        let mut orgs = BTreeSet::new();
        let mut sources = BTreeSet::new();
        for d in self.entries.iter().map(|e| &e.deployment) {
            orgs.extend(d.organisations.iter().map(|p| p.organisation.clone()));
            sources.extend(cited(d).cloned());
        }
        self.organisations.retain(|o| orgs.contains(&o.id));
        self.sources.retain(|s| sources.contains(&s.id));
    }
}

/// Every source a deployment cites, at any level.
fn cited(d: &Deployment) -> impl Iterator<Item = &SourceId> {
    let phases = d.phases.iter().flat_map(|p| {
        let figures = p
            .hardware
            .iter()
            .flat_map(|l| &l.count.sources)
            .chain(p.compute.iter().flat_map(|c| &c.rate.sources))
            .chain(p.power.iter().flat_map(|w| &w.sources));
        p.sources.iter().chain(figures)
    });
    d.sources.iter().chain(phases).map(|c| &c.source)
}

/// The rows a folded name finds, and the name as the first of them writes it.
#[derive(Debug)]
struct Names {
    written: String,
    ids: Vec<DeploymentId>,
}

/// What a link cell names (see [`Assembly::resolve_links`]).
fn link_target(by_name: &HashMap<String, Names>, link: &Link) -> Target {
    let one = |name: &str| match by_name.get(&fold(name)).map(|n| n.ids.as_slice()) {
        Some([one]) if *one == link.from => Err("a row cannot link to itself".to_owned()),
        Some([one]) => Ok(Some(one.clone())),
        Some(many) if many.len() > 1 => Err(format!(
            "{} rows have this name, so the link is ambiguous and is dropped",
            many.len()
        )),
        _ => Ok(None),
    };
    match one(&link.target) {
        Ok(Some(id)) => return Target::One(id),
        Err(message) => return Target::Invalid(message),
        Ok(None) => {}
    }
    let parts: Vec<&str> = link.target.split(',').map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
        let ids: Vec<_> = parts.iter().map(|p| one(p)).collect();
        if let Some(Ok(Some(first))) = ids.first()
            && ids.iter().all(|id| matches!(id, Ok(Some(_))))
        {
            return Target::List(first.clone(), ids.len());
        }
    }
    // A close name is likely a typo of it: a problem, with the names it may mean.
    let wanted: Vec<char> = fold(&link.target).chars().collect();
    let limit = (wanted.len() / 4).clamp(1, 3);
    let mut row = Vec::new();
    let mut close: Vec<(usize, &str)> = by_name
        .iter()
        .filter_map(|(name, names)| {
            crate::catalog::resolve::edit_distance_within(&wanted, name, limit, &mut row)
                .map(|distance| (distance, names.written.as_str()))
        })
        .collect();
    if close.is_empty() {
        return Target::Absent;
    }
    close.sort_unstable();
    let names: Vec<String> = close
        .iter()
        .take(3)
        .map(|(_, n)| format!("{n:?}"))
        .collect();
    Target::Invalid(format!(
        "no imported row has this name (did you mean {}? names are compared with case and spacing folded); the link is dropped",
        names.join(", or ")
    ))
}
