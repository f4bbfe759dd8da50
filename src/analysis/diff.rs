//! Revisions: what changed between two versions of a registry, field by field in the words of
//! the JSON wire format, and how the totals by host country moved (feature `serde`).
//!
//! ```
//! use sovereign_compute::analysis::ChangeKind;
//! use sovereign_compute::registry::Registry;
//!
//! let older = Registry::from_json(r#"{"schema_version": 1, "deployments": [
//!   {"id": "se-a", "name": "A", "host": "SE", "phases": [{"name": "p1", "status": "planned",
//!     "dates": {"online": "2026-Q1"}}]}]}"#)?;
//! let newer = Registry::from_json(r#"{"schema_version": 1, "deployments": [
//!   {"id": "se-a", "name": "A", "host": "SE", "phases": [{"name": "p1", "status": "planned",
//!     "dates": {"online": "2026-Q3"}}]}]}"#)?;
//!
//! let diff = Registry::diff(&older, &newer)?;
//! let change = &diff.changes()[0];
//! assert_eq!((change.id.as_str(), change.path.as_str()), ("se-a", "phases[0].dates.online"));
//! assert_eq!(change.kind(), ChangeKind::Changed);
//! assert_eq!(diff.to_string(), "\
//! 1 change (0 added, 0 removed, 1 changed)
//!   ~ deployment se-a, phases[0].dates.online (phase \"p1\"): \"2026-Q1\" → \"2026-Q3\"
//! ");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # What counts as a change
//!
//! Each record is written as the JSON wire format writes it
//! ([`Registry::to_json`](crate::registry::Registry::to_json)) and the two versions are
//! compared value by value; a field counts as changed when its JSON differs. Quantities are
//! written canonically ("20 PFLOP/s"), so the same value never shows as a change.
//!
//! - **Records** (sources, organisations, deployments, programmes, initiatives) are matched by
//!   ID: an ID only in the newer registry is an added record, only in the older one a removed
//!   record (path `""`, the whole record as the value). A record whose ID changed is one
//!   removed and one added record.
//! - **Phases** of a deployment are matched by name: a phase whose name is only in one version
//!   is added or removed as a whole (`phases[2]`); a renamed phase is one of each.
//! - **Every other list** (hardware lines, organisations of a deployment, citations,
//!   purposes, programme members, ...) is matched by position: items at the same index are
//!   compared field by field (`phases[0].hardware[1].count.value`); items past the end of the
//!   shorter list are added or removed.
//! - **Objects** are compared field by field; a field present in one version only (an
//!   optional field set or cleared) is added or removed.
//! - **Estimates** (`{"kind": "exact", "value": …}`) are single values: a count that grows
//!   from `exact` 14,000 to `exact` 16,000 GPUs, or turns from `exact` into `at-least`, is one
//!   change with the whole old and new estimate, at the path of the estimate
//!   (`phases[0].hardware[0].count.value`).
//! - The catalogs the registries were checked against are not compared; each registry's
//!   totals use its own.
//!
//! # Order
//!
//! Changes come by kind of record in the document's order (sources, organisations,
//! deployments, programmes, initiatives), then by ID in byte order. Within a record, fields
//! come in the byte order of their wire names and list items by index, depth first; phases
//! come in the newer registry's order, then the removed ones in the older registry's order.
//! A path's phase index is the phase's index in the newer registry, or in the older one for a
//! removed phase; [`Change::phase`] names the phase either way.
//!
//! # Totals
//!
//! [`RegistryDiff::gpus`] and [`RegistryDiff::compute`] run the same
//! [`Query`] (grouped by [`GroupKey::HostCountry`]) on each registry and set the totals side
//! by side, with bounds, and the change of the central value ([`Delta`]). A country with no
//! record in one registry has no total there ([`Movement::older`] or [`Movement::newer`] is
//! `None`), which counts as zero in the change; a total with no known part has no central
//! value, so its change is unknown.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::{Compute, Gpus, Group, GroupKey, Measure, Query, Table};
use crate::estimate::{Amount, Total};
use crate::registry::Registry;
use crate::units::{AcceleratorCount, ComputeFigure};
use crate::{Error, Result};

/// The kinds of record a registry holds, in the order its JSON document lists them.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::RecordKind;
/// assert_eq!(RecordKind::Deployment.to_string(), "deployment");
/// assert!(RecordKind::Source < RecordKind::Initiative);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
#[non_exhaustive]
pub enum RecordKind {
    /// A [`Source`](crate::model::Source).
    Source,
    /// An [`Organisation`](crate::model::Organisation).
    Organisation,
    /// A [`Deployment`](crate::model::Deployment).
    Deployment,
    /// A [`Programme`](crate::model::Programme).
    Programme,
    /// An [`Initiative`](crate::model::Initiative).
    Initiative,
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RecordKind::Source => "source",
            RecordKind::Organisation => "organisation",
            RecordKind::Deployment => "deployment",
            RecordKind::Programme => "programme",
            RecordKind::Initiative => "initiative",
        })
    }
}

/// Whether a value appeared, disappeared or was replaced.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::ChangeKind;
/// assert_eq!(ChangeKind::Added.to_string(), "added");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub enum ChangeKind {
    /// Only in the newer registry: a record, a phase, a list item or an optional field.
    Added,
    /// Only in the older registry.
    Removed,
    /// In both, with different values.
    Changed,
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        })
    }
}

/// One difference between two registries: which record, which field (as the JSON wire format
/// names it), and the old and new values as the wire format writes them.
///
/// `Display` writes `~ deployment fr-x, phases[0].status (phase "p1"): "planned" →
/// "cancelled"`; `+` and `-` mark added and removed values. An added or removed record is
/// shown by its ID and name; its whole value is in [`new`](Self::new) or [`old`](Self::old).
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{ChangeKind, RecordKind};
/// use sovereign_compute::model::{Organisation, OrganisationKind};
/// use sovereign_compute::registry::Registry;
///
/// let org = |name: &str| -> sovereign_compute::Result<Organisation> {
///     Ok(Organisation::new("acme", name, OrganisationKind::CloudProvider))
/// };
/// let older = Registry::builder().organisation(org("Acme")?).build()?;
/// let newer = Registry::builder().organisation(org("Acme Cloud")?).build()?;
/// let diff = Registry::diff(&older, &newer)?;
/// let change = &diff.changes()[0];
/// assert_eq!((change.record, change.path.as_str()), (RecordKind::Organisation, "name"));
/// assert_eq!(change.old.as_ref().unwrap(), "Acme");
/// assert_eq!(change.new.as_ref().unwrap(), "Acme Cloud");
/// assert_eq!(change.to_string(), "~ organisation acme, name: \"Acme\" → \"Acme Cloud\"");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct Change {
    /// The kind of record.
    pub record: RecordKind,
    /// The record's ID.
    pub id: String,
    /// The field's path inside the record, `.`-separated with `[i]` for list items
    /// (`phases[0].hardware[1].count.value`); empty for a whole record.
    pub path: String,
    /// The name of the phase the path is in, for changes inside a deployment's phases.
    pub phase: Option<String>,
    /// The older value; `None` when added.
    pub old: Option<Value>,
    /// The newer value; `None` when removed.
    pub new: Option<Value>,
}

impl Change {
    /// Added, removed or changed, from which of [`old`](Self::old) and [`new`](Self::new) are
    /// present.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Change, ChangeKind, RecordKind};
    /// let c = Change { record: RecordKind::Source, id: "s".into(), path: String::new(), phase: None,
    ///                  old: None, new: Some(serde_json::json!({"id": "s", "title": "S"})) };
    /// assert_eq!(c.kind(), ChangeKind::Added);
    /// ```
    pub fn kind(&self) -> ChangeKind {
        match (&self.old, &self.new) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        }
    }
}

/// A whole record's name for display: its `name`, else its `title`.
fn record_name(value: Option<&Value>) -> Option<&str> {
    let object = value?.as_object()?;
    object
        .get("name")
        .or_else(|| object.get("title"))
        .and_then(Value::as_str)
}

/// Compact JSON; a `Value` always serializes.
fn json(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| value.to_string())
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = match self.kind() {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        };
        write!(f, "{mark} {} {}", self.record, self.id)?;
        if self.path.is_empty() {
            write!(f, " ({})", self.kind())?;
            if let Some(name) = record_name(self.new.as_ref().or(self.old.as_ref())) {
                write!(f, ": {}", Value::from(name))?;
            }
            return Ok(());
        }
        write!(f, ", {}", self.path)?;
        if let Some(phase) = &self.phase {
            write!(f, " (phase {})", Value::from(phase.as_str()))?;
        }
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => write!(f, ": {} → {}", json(old), json(new)),
            (None, Some(new)) => write!(f, ": added {}", json(new)),
            (Some(old), None) => write!(f, ": removed {}", json(old)),
            (None, None) => Ok(()),
        }
    }
}

/// The differences between two registries, and the means to set their totals side by side.
///
/// Made by [`Registry::diff`]; see the [module docs](self) for what counts as a change and
/// the order of [`changes`](Self::changes). `Display` writes a count, then one line per
/// change.
///
/// # Example
/// ```
/// use sovereign_compute::model::Source;
/// use sovereign_compute::registry::Registry;
///
/// let older = Registry::builder().source(Source::new("a", "A")).build()?;
/// let newer = Registry::builder().source(Source::new("b", "B")).build()?;
/// let diff = Registry::diff(&older, &newer)?;
/// assert_eq!(diff.to_string(), "\
/// 2 changes (1 added, 1 removed, 0 changed)
///   - source a (removed): \"A\"
///   + source b (added): \"B\"
/// ");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct RegistryDiff<'r> {
    older: &'r Registry,
    newer: &'r Registry,
    changes: Vec<Change>,
}

impl Registry {
    /// What changed from `older` to `newer`: added, removed and changed records, each change
    /// with its record kind and ID, the field path in the JSON wire format's words and the old
    /// and new values. See [`RegistryDiff`] and the [module docs](crate::analysis::diff)
    /// for the rules.
    ///
    /// Works on any two registries: two versions of your own, or two Epoch AI snapshots read
    /// with `interop::epoch::read` (feature `csv`), whose record IDs are derived from names.
    ///
    /// # Errors
    /// [`Error::Json`] only if a record cannot be written as JSON, which the crate's own types
    /// always can.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert!(Registry::diff(&r, &r)?.is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub fn diff<'r>(older: &'r Registry, newer: &'r Registry) -> Result<RegistryDiff<'r>> {
        let mut changes = Vec::new();
        records(
            RecordKind::Source,
            older.sources(),
            newer.sources(),
            |r| r.id.as_str(),
            &mut changes,
        )?;
        records(
            RecordKind::Organisation,
            older.organisations(),
            newer.organisations(),
            |r| r.id.as_str(),
            &mut changes,
        )?;
        records(
            RecordKind::Deployment,
            older.deployments(),
            newer.deployments(),
            |r| r.id.as_str(),
            &mut changes,
        )?;
        records(
            RecordKind::Programme,
            older.programmes(),
            newer.programmes(),
            |r| r.id.as_str(),
            &mut changes,
        )?;
        records(
            RecordKind::Initiative,
            older.initiatives(),
            newer.initiatives(),
            |r| r.id.as_str(),
            &mut changes,
        )?;
        Ok(RegistryDiff {
            older,
            newer,
            changes,
        })
    }
}

impl<'r> RegistryDiff<'r> {
    /// Every change, in the order the [module docs](self) give.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert!(Registry::diff(&r, &r)?.changes().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the two registries hold the same records.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert!(Registry::diff(&r, &r)?.is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes are of a kind.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::ChangeKind;
    /// use sovereign_compute::model::Source;
    /// use sovereign_compute::registry::Registry;
    /// let older = Registry::builder().build()?;
    /// let newer = Registry::builder().source(Source::new("a", "A")).build()?;
    /// assert_eq!(Registry::diff(&older, &newer)?.count(ChangeKind::Added), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind() == kind).count()
    }

    /// The older registry.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert_eq!(Registry::diff(&r, &r)?.older(), &r);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn older(&self) -> &'r Registry {
        self.older
    }

    /// The newer registry.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert_eq!(Registry::diff(&r, &r)?.newer(), &r);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn newer(&self) -> &'r Registry {
        self.newer
    }

    /// GPUs by host country in each registry, with bounds, and the change of the central
    /// values. Runs `Query::new().group_by(GroupKey::HostCountry).run(registry, Gpus)` on
    /// both.
    ///
    /// # Errors
    /// As [`Query::run`].
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Delta, Group};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::units::AcceleratorCount;
    /// use sovereign_compute::Country;
    ///
    /// let with = |n: u64| -> sovereign_compute::Result<Registry> {
    ///     let line = HardwareLine::new(HardwareRef::Unlisted("GPU".into()),
    ///         Sourced::new(Estimate::exact(AcceleratorCount::gpus(n))));
    ///     Registry::builder().deployment(Deployment::new("fr-a", "A", Country::FR)
    ///         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(line))).build()
    /// };
    /// let (older, newer) = (with(1_000)?, with(1_500)?);
    /// let gpus = Registry::diff(&older, &newer)?.gpus()?;
    /// let fr = gpus.get(&Group::Country(Country::FR)).unwrap();
    /// assert_eq!(fr.change, Some(Delta::Increase(AcceleratorCount::gpus(500))));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus(&self) -> Result<MovementTable<AcceleratorCount>> {
        let by_host = Query::new().group_by(GroupKey::HostCountry);
        let older = by_host.run(self.older, Gpus)?;
        let newer = by_host.run(self.newer, Gpus)?;
        MovementTable::collect(&older, &newer, count_delta, |c: &AcceleratorCount| {
            c.to_string()
        })
    }

    /// Compute in one format (FLOP/s) by host country in each registry, with bounds, and the
    /// change of the central values. Runs `Query::new().group_by(GroupKey::HostCountry)
    /// .run(registry, compute)` on both.
    ///
    /// # Errors
    /// As [`Query::run`].
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Compute;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let r = Registry::builder().build()?;
    /// let fp8 = Registry::diff(&r, &r)?.compute(Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    /// assert!(fp8.rows().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn compute(&self, compute: Compute) -> Result<MovementTable<ComputeFigure>> {
        let by_host = Query::new().group_by(GroupKey::HostCountry);
        let older = by_host.run(self.older, compute)?;
        let newer = by_host.run(self.newer, compute)?;
        MovementTable::collect(&older, &newer, figure_delta, |c: &ComputeFigure| {
            format!("{:.1}", c.rate)
        })
    }

    /// GPUs and compute in one format by host country, for display together.
    ///
    /// # Errors
    /// As [`Query::run`].
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Compute;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let r = Registry::builder().build()?;
    /// let summary = Registry::diff(&r, &r)?.summary(Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    /// assert!(summary.to_string().starts_with("GPUs by host country"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn summary(&self, compute: Compute) -> Result<DiffSummary> {
        Ok(DiffSummary {
            gpus: self.gpus()?,
            compute: self.compute(compute)?,
        })
    }
}

impl fmt::Display for RegistryDiff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        let n = self.changes.len();
        writeln!(
            f,
            "{n} change{} ({} added, {} removed, {} changed)",
            if n == 1 { "" } else { "s" },
            self.count(ChangeKind::Added),
            self.count(ChangeKind::Removed),
            self.count(ChangeKind::Changed)
        )?;
        for change in &self.changes {
            writeln!(f, "  {change}")?;
        }
        Ok(())
    }
}

/// Compares one kind of record, matched by ID, in ID order.
fn records<T: Serialize>(
    kind: RecordKind,
    older: &[T],
    newer: &[T],
    id: impl Fn(&T) -> &str,
    out: &mut Vec<Change>,
) -> Result<()> {
    let older: BTreeMap<&str, &T> = older.iter().map(|r| (id(r), r)).collect();
    let newer: BTreeMap<&str, &T> = newer.iter().map(|r| (id(r), r)).collect();
    let ids: BTreeSet<&str> = older.keys().chain(newer.keys()).copied().collect();
    for key in ids {
        let old = older.get(key).map(|r| to_value(*r)).transpose()?;
        let new = newer.get(key).map(|r| to_value(*r)).transpose()?;
        let mut record = Record {
            kind,
            id: key,
            out: &mut *out,
        };
        match (old, new) {
            (Some(old), Some(new)) => record.compare(String::new(), None, &old, &new),
            (old, new) => record.push(String::new(), None, old, new),
        }
    }
    Ok(())
}

fn to_value<T: Serialize>(record: &T) -> Result<Value> {
    serde_json::to_value(record).map_err(|e| Error::Json {
        path: ".".to_owned(),
        message: e.to_string(),
    })
}

/// The estimate kinds as the wire format writes them, and the fields an estimate may have.
const ESTIMATE_KINDS: [&str; 6] = [
    "exact",
    "at-least",
    "at-most",
    "range",
    "approximately",
    "unknown",
];
const ESTIMATE_FIELDS: [&str; 6] = ["kind", "value", "low", "high", "tolerance", "phrase"];

/// Whether a value is compared whole: anything but an object or a list, and estimates.
fn is_leaf(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            map.get("kind")
                .and_then(Value::as_str)
                .is_some_and(|k| ESTIMATE_KINDS.contains(&k))
                && map.keys().all(|k| ESTIMATE_FIELDS.contains(&k.as_str()))
        }
        Value::Array(_) => false,
        _ => true,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The changes of one record being collected.
struct Record<'a> {
    kind: RecordKind,
    id: &'a str,
    out: &'a mut Vec<Change>,
}

impl Record<'_> {
    fn push(&mut self, path: String, phase: Option<&str>, old: Option<Value>, new: Option<Value>) {
        self.out.push(Change {
            record: self.kind,
            id: self.id.to_owned(),
            path,
            phase: phase.map(str::to_owned),
            old,
            new,
        });
    }

    fn compare(&mut self, path: String, phase: Option<&str>, old: &Value, new: &Value) {
        if old == new {
            return;
        }
        match (old, new) {
            (Value::Object(a), Value::Object(b)) if !is_leaf(old) && !is_leaf(new) => {
                // Byte order of the keys, whatever order the map keeps.
                let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
                for key in keys {
                    let here = join(&path, key);
                    match (a.get(key), b.get(key)) {
                        (Some(x), Some(y)) => {
                            if path.is_empty()
                                && key == "phases"
                                && self.kind == RecordKind::Deployment
                            {
                                self.phases(x, y);
                            } else {
                                self.compare(here, phase, x, y);
                            }
                        }
                        (x, y) => self.push(here, phase, x.cloned(), y.cloned()),
                    }
                }
            }
            (Value::Array(a), Value::Array(b)) => {
                for i in 0..a.len().max(b.len()) {
                    let here = format!("{path}[{i}]");
                    match (a.get(i), b.get(i)) {
                        (Some(x), Some(y)) => self.compare(here, phase, x, y),
                        (x, y) => self.push(here, phase, x.cloned(), y.cloned()),
                    }
                }
            }
            _ => self.push(path, phase, Some(old.clone()), Some(new.clone())),
        }
    }

    /// Phases matched by name: the newer ones in order (changed or added), then the removed.
    fn phases(&mut self, old: &Value, new: &Value) {
        let (Some(a), Some(b)) = (old.as_array(), new.as_array()) else {
            return self.compare("phases".to_owned(), None, old, new);
        };
        let name = |p: &Value| p.get("name").and_then(Value::as_str).map(str::to_owned);
        let find = |list: &[Value], wanted: &Option<String>| {
            wanted
                .as_ref()
                .and_then(|w| list.iter().position(|p| name(p).as_ref() == Some(w)))
        };
        for (j, phase) in b.iter().enumerate() {
            let here = format!("phases[{j}]");
            let phase_name = name(phase);
            match find(a, &phase_name) {
                Some(i) => self.compare(here, phase_name.as_deref(), &a[i], phase),
                None => self.push(here, phase_name.as_deref(), None, Some(phase.clone())),
            }
        }
        for (i, phase) in a.iter().enumerate() {
            let phase_name = name(phase);
            if find(b, &phase_name).is_none() {
                let here = format!("phases[{i}]");
                self.push(here, phase_name.as_deref(), Some(phase.clone()), None);
            }
        }
    }
}

/// How a central value moved: up or down by an amount, or not at all.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Delta;
/// use sovereign_compute::units::AcceleratorCount;
/// let d = Delta::Decrease(AcceleratorCount::gpus(2_000));
/// assert_eq!(d.to_string(), "−2,000 GPUs");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub enum Delta<T> {
    /// The newer central value is larger by this much.
    Increase(T),
    /// The newer central value is smaller by this much.
    Decrease(T),
    /// The central values are equal.
    Unchanged,
}

impl<T: fmt::Display> fmt::Display for Delta<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Delta::Increase(v) => write!(f, "+{v}"),
            Delta::Decrease(v) => write!(f, "−{v}"),
            Delta::Unchanged => f.write_str("0"),
        }
    }
}

fn count_delta(
    older: AcceleratorCount,
    newer: AcceleratorCount,
) -> Result<Delta<AcceleratorCount>> {
    let unit = newer.unit();
    Ok(match older.try_cmp(&newer)? {
        Ordering::Less => {
            Delta::Increase(AcceleratorCount::new(newer.count() - older.count(), unit))
        }
        Ordering::Greater => {
            Delta::Decrease(AcceleratorCount::new(older.count() - newer.count(), unit))
        }
        Ordering::Equal => Delta::Unchanged,
    })
}

fn figure_delta(older: ComputeFigure, newer: ComputeFigure) -> Result<Delta<ComputeFigure>> {
    let format = newer.format;
    Ok(match older.try_cmp(&newer)? {
        Ordering::Less => Delta::Increase(ComputeFigure::new(
            newer.rate.checked_sub(older.rate)?,
            format,
        )),
        Ordering::Greater => Delta::Decrease(ComputeFigure::new(
            older.rate.checked_sub(newer.rate)?,
            format,
        )),
        Ordering::Equal => Delta::Unchanged,
    })
}

/// How one group's total moved from the older registry to the newer.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Delta, Movement};
/// use sovereign_compute::estimate::{Estimate, Total};
/// use sovereign_compute::units::AcceleratorCount;
/// let m = Movement {
///     older: None,
///     newer: Some(Total::sum(&[Estimate::exact(AcceleratorCount::gpus(10))])?),
///     change: Some(Delta::Increase(AcceleratorCount::gpus(10))),
/// };
/// assert!(m.older.is_none()); // no record in the group before
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct Movement<T> {
    /// The total in the older registry; `None` when the group had no record there.
    pub older: Option<Total<T>>,
    /// The total in the newer registry; `None` when the group has no record there.
    pub newer: Option<Total<T>>,
    /// Newer central value minus older central value, an absent total counting as zero;
    /// `None` when a present total has no known part, so no central value.
    pub change: Option<Delta<T>>,
}

/// Totals of one measure by host country in two registries, side by side: one
/// [`Movement`] per country in either registry, in country order, and one for everything.
///
/// `Display` writes an aligned text table: each total with its bounds ("lower – upper
/// (central c, n unknown)"), then the change of the central value.
///
/// # Example
/// ```
/// use sovereign_compute::model::Deployment;
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let older = Registry::builder().deployment(Deployment::new("fr-a", "A", Country::FR)).build()?;
/// let newer = Registry::builder().build()?;
/// let gpus = Registry::diff(&older, &newer)?.gpus()?;
/// assert_eq!(gpus.to_string(), "\
/// GPUs by host country
/// host country  older             newer  central change
/// FR            unknown (1 part)  —      unknown
/// total         unknown (1 part)  —      unknown
/// ");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub struct MovementTable<T> {
    title: String,
    rows: Vec<(Group, Movement<T>)>,
    total: Movement<T>,
    texts: Vec<[String; 4]>,
}

impl<T: Amount> MovementTable<T> {
    fn collect<M: Measure<Value = T>>(
        older: &Table<M>,
        newer: &Table<M>,
        delta: fn(T, T) -> Result<Delta<T>>,
        show: impl Fn(&T) -> String,
    ) -> Result<Self> {
        let movement = |a: Option<&Total<T>>, b: Option<&Total<T>>| -> Result<Movement<T>> {
            // A total with no parts is no total: nothing was there to count.
            let a = a.filter(|t| t.parts() > 0);
            let b = b.filter(|t| t.parts() > 0);
            let central = |t: Option<&Total<T>>| match t {
                None => Some(None),
                Some(t) => t.central().map(Some),
            };
            let change = match (central(a), central(b)) {
                (Some(x), Some(y)) => Some(match (x, y) {
                    (Some(x), Some(y)) => delta(x, y)?,
                    (None, Some(y)) => delta(y.zero_like(), y)?,
                    (Some(x), None) => delta(x, x.zero_like())?,
                    (None, None) => Delta::Unchanged,
                }),
                _ => None,
            };
            Ok(Movement {
                older: a.cloned(),
                newer: b.cloned(),
                change,
            })
        };
        let groups: BTreeSet<&Group> = older
            .rows()
            .iter()
            .chain(newer.rows())
            .filter_map(|r| r.groups.first())
            .collect();
        let mut rows = Vec::new();
        for group in groups {
            rows.push((
                group.clone(),
                movement(row_total(older, group), row_total(newer, group))?,
            ));
        }
        let total = movement(Some(older.total()), Some(newer.total()))?;
        let text = |label: String, m: &Movement<T>| -> [String; 4] {
            let side =
                |t: &Option<Total<T>>| t.as_ref().map_or("—".to_owned(), |t| bounds(t, &show));
            let change = match &m.change {
                None => "unknown".to_owned(),
                Some(Delta::Increase(v)) => format!("+{}", show(v)),
                Some(Delta::Decrease(v)) => format!("−{}", show(v)),
                Some(Delta::Unchanged) => "0".to_owned(),
            };
            [label, side(&m.older), side(&m.newer), change]
        };
        let mut texts: Vec<[String; 4]> =
            rows.iter().map(|(g, m)| text(g.to_string(), m)).collect();
        texts.push(text("total".to_owned(), &total));
        Ok(Self {
            title: format!("{} by host country", older.measure()),
            rows,
            total,
            texts,
        })
    }

    /// One movement per host country present in either registry, in country order.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert!(Registry::diff(&r, &r)?.gpus()?.rows().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn rows(&self) -> &[(Group, Movement<T>)] {
        &self.rows
    }

    /// The movement of a host country's total, if it is in either registry.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Group;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let r = Registry::builder().build()?;
    /// assert!(Registry::diff(&r, &r)?.gpus()?.get(&Group::Country(Country::FR)).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn get(&self, group: &Group) -> Option<&Movement<T>> {
        self.rows.iter().find(|(g, _)| g == group).map(|(_, m)| m)
    }

    /// The movement of the total of everything.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Delta;
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::builder().build()?;
    /// assert_eq!(Registry::diff(&r, &r)?.gpus()?.total().change, Some(Delta::Unchanged));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn total(&self) -> &Movement<T> {
        &self.total
    }
}

/// The total of a one-key table's row for a group.
fn row_total<'t, M: Measure>(table: &'t Table<M>, group: &Group) -> Option<&'t Total<M::Value>> {
    table
        .rows()
        .iter()
        .find(|r| r.groups.first() == Some(group))
        .map(|r| &r.total)
}

/// "lower – upper (central c, n unknown)", "≥ lower", "unknown (n parts)".
fn bounds<T: Amount>(total: &Total<T>, show: &impl Fn(&T) -> String) -> String {
    let Some(lower) = total.lower() else {
        let n = total.unknown_parts();
        return format!("unknown ({n} part{})", if n == 1 { "" } else { "s" });
    };
    let range = match total.upper() {
        Some(upper) if upper == lower => show(&lower),
        Some(upper) => format!("{} – {}", show(&lower), show(&upper)),
        None => format!("≥ {}", show(&lower)),
    };
    let mut notes = Vec::new();
    if let Some(central) = total.central()
        && total.upper() != Some(lower)
    {
        notes.push(format!("central {}", show(&central)));
    }
    if total.unknown_parts() > 0 {
        notes.push(format!("{} unknown", total.unknown_parts()));
    }
    if notes.is_empty() {
        range
    } else {
        format!("{range} ({})", notes.join(", "))
    }
}

impl<T> fmt::Display for MovementTable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        let header = [
            "host country".to_owned(),
            "older".to_owned(),
            "newer".to_owned(),
            "central change".to_owned(),
        ];
        let lines: Vec<&[String; 4]> = std::iter::once(&header).chain(&self.texts).collect();
        let mut widths = [0usize; 4];
        for line in &lines {
            for (w, cell) in widths.iter_mut().zip(line.iter()) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for line in lines {
            let mut text = String::new();
            for (i, (cell, w)) in line.iter().zip(widths).enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(cell);
                if i < 3 {
                    text.push_str(&" ".repeat(w - cell.chars().count()));
                }
            }
            writeln!(f, "{}", text.trim_end())?;
        }
        Ok(())
    }
}

/// GPUs and compute in one format by host country in two registries: what
/// [`RegistryDiff::summary`] gives. `Display` writes the two tables.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Compute;
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::units::{Precision, Sparsity};
/// let r = Registry::builder().build()?;
/// let s = Registry::diff(&r, &r)?.summary(Compute::peak(Precision::Fp4, Sparsity::Sparse))?;
/// assert!(s.compute.to_string().starts_with("FP4 sparse peak compute by host country"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
#[non_exhaustive]
pub struct DiffSummary {
    /// GPUs by host country.
    pub gpus: MovementTable<AcceleratorCount>,
    /// Compute in the chosen format (FLOP/s) by host country.
    pub compute: MovementTable<ComputeFigure>,
}

impl fmt::Display for DiffSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.gpus, self.compute)
    }
}
