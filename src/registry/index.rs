//! The resolved index: what every record's hardware means, worked out once when the registry
//! is built, and laid out for scanning.
//!
//! The index is derived data. It is never written to JSON, it is rebuilt whenever a registry
//! is built or loaded, and no result depends on anything but the records and the catalog it
//! was built from. Analysis, reconciliation and every export read it, never the catalog, so
//! that any two outputs that answer the same question agree exactly.
//!
//! Layout: one row per deployment, per phase and per hardware line, each in registry order,
//! with the ranges of a deployment's phases and a phase's lines kept as start offsets (a
//! record's rows are contiguous). Hardware lines point at a *kind*: a distinct canonical
//! hardware reference and counting unit, resolved once through
//! [`Catalog::resolve_hardware`](crate::catalog::Catalog::resolve_hardware). Repeated values
//! (organisations, parts, vendors, architectures, online periods) are small integer codes into
//! tables of distinct values.

use super::TextMap as HashMap;

use chrono::{Datelike, NaiveDate};

use crate::catalog::resolve::Factors;
use crate::catalog::{Catalog, HardwareRef};
use crate::estimate::{Part, part_of};
use crate::model::{
    Certainty, Deployment, DeploymentId, FormatReading, HardwareLine, Label, Organisation, Phase,
    Purpose, Role, Status,
};
use crate::units::{AcceleratorCount, ComputeFormat, CountingUnit};
use crate::{Country, DatePrecision, PartialDate, Result};

/// "No value" for the `u32` codes and offsets below.
pub(crate) const NONE: u32 = u32::MAX;

/// The catalog part H100 equivalents are counted in (`analysis::H100_SXM`).
pub(crate) const REFERENCE_PART: &str = "nvidia-h100-sxm";

/// A distinct kind of hardware line: a canonical reference counted in one unit, resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Kind {
    /// The canonical reference.
    pub(crate) hardware: HardwareRef,
    /// The counting unit; `None` for counts that are unknown.
    pub(crate) unit: Option<CountingUnit>,
    /// The figures derivation multiplies by.
    pub(crate) factors: Factors,
    /// The name tables write: the catalog's product name, or the unlisted name as written.
    pub(crate) name: String,
    /// Code of the reference parts group under (a system's part), in [`Index::parts`].
    pub(crate) part: u32,
    /// Code of the vendor every candidate has, in [`Index::vendors`]; [`NONE`] if mixed.
    pub(crate) vendor: u32,
    /// Code of the architecture every candidate has; [`NONE`] if mixed or unknown.
    pub(crate) architecture: u32,
}

/// The kinds of hardware line met so far, resolved once each.
#[derive(Debug)]
pub(crate) struct Kinds<'c> {
    catalog: &'c Catalog,
    by_written: HashMap<(HardwareRef, Option<CountingUnit>), std::result::Result<u32, String>>,
    by_canonical: HashMap<(HardwareRef, Option<CountingUnit>), u32>,
    pub(crate) kinds: Vec<Kind>,
    pub(crate) parts: Interner<HardwareRef>,
    pub(crate) vendors: Interner<String>,
    pub(crate) architectures: Interner<String>,
}

/// Why a hardware line does not resolve, and which field to blame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unresolved {
    /// `"hardware"` or `"count"`.
    pub(crate) field: &'static str,
    pub(crate) message: String,
}

impl<'c> Kinds<'c> {
    pub(crate) fn new(catalog: &'c Catalog) -> Self {
        Self {
            catalog,
            by_written: HashMap::default(),
            by_canonical: HashMap::default(),
            kinds: Vec::new(),
            parts: Interner::default(),
            vendors: Interner::default(),
            architectures: Interner::default(),
        }
    }

    /// The per-GPU peaks of [`REFERENCE_PART`] in this catalog, by
    /// [`FORMATS`](crate::catalog::resolve::FORMATS) position; none when the catalog does not
    /// have it.
    fn reference(&self) -> [Option<f64>; 18] {
        self.catalog
            .resolve_hardware(
                &HardwareRef::Part(REFERENCE_PART.into()),
                Some(CountingUnit::Gpu),
            )
            .ok()
            .and_then(|r| r.factors().candidates.first().map(|c| c.peak))
            .unwrap_or_default()
    }

    /// The kind of a line, resolving it the first time its reference and unit are met.
    ///
    /// # Errors
    /// Why the line does not resolve: an unknown or misnamed reference (field `hardware`),
    /// or a unit its parts are not counted in (field `count`).
    pub(crate) fn of(&mut self, line: &HardwareLine) -> std::result::Result<u32, Unresolved> {
        let unit = line.count.value.bounds().map(|b| b.lower.unit());
        let key = (line.hardware.clone(), unit);
        if let Some(found) = self.by_written.get(&key) {
            return found
                .clone()
                .map_err(|message| unresolved(&line.hardware, message));
        }
        let found = self.resolve(&line.hardware, unit);
        self.by_written.insert(key, found.clone());
        found.map_err(|message| unresolved(&line.hardware, message))
    }

    fn resolve(
        &mut self,
        hardware: &HardwareRef,
        unit: Option<CountingUnit>,
    ) -> std::result::Result<u32, String> {
        let resolution = self
            .catalog
            .resolve_hardware(hardware, unit)
            .map_err(|e| e.to_string())?;
        let canonical = (resolution.hardware().clone(), unit);
        if let Some(&k) = self.by_canonical.get(&canonical) {
            return Ok(k);
        }
        let k = u32::try_from(self.kinds.len()).map_err(|_| "too many kinds of hardware line")?;
        let kind = Kind {
            hardware: resolution.hardware().clone(),
            unit,
            factors: resolution.factors(),
            name: resolution.product_name(),
            part: self.parts.code(resolution.part_group()),
            vendor: resolution
                .vendor()
                .map_or(NONE, |v| self.vendors.code(v.to_owned())),
            architecture: resolution
                .architecture()
                .map_or(NONE, |a| self.architectures.code(a.to_owned())),
        };
        self.kinds.push(kind);
        self.by_canonical.insert(canonical, k);
        Ok(k)
    }
}

/// Which field a resolver error belongs to: a unit that does not apply is the count's
/// problem, anything else the reference's.
fn unresolved(hardware: &HardwareRef, message: String) -> Unresolved {
    let count = message.contains("cannot be counted in")
        || (message.starts_with("ambiguous hardware")
            && !matches!(hardware, HardwareRef::Named(_)));
    Unresolved {
        field: if count { "count" } else { "hardware" },
        message,
    }
}

/// Distinct values, each with a `u32` code in first-seen order.
#[derive(Debug, Clone)]
pub(crate) struct Interner<T> {
    codes: HashMap<T, u32>,
    pub(crate) values: Vec<T>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            codes: HashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    /// The value's code, adding it the first time; [`NONE`] past `u32::MAX - 1` values.
    pub(crate) fn code(&mut self, value: T) -> u32 {
        if let Some(&c) = self.codes.get(&value) {
            return c;
        }
        let Ok(c) = u32::try_from(self.values.len()) else {
            return NONE;
        };
        self.values.push(value.clone());
        self.codes.insert(value, c);
        c
    }
}

/// A deployment's row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DeploymentRow {
    /// Where the hardware is; `None` when no source states it.
    pub(crate) host: Option<Country>,
    /// Who controls it (stated, else the operator's or owner's headquarters).
    pub(crate) operator: Option<Country>,
    /// The record counted in this one's place (its own position unless it is superseded or
    /// duplicated by a record in the registry).
    pub(crate) counted_as: u32,
    /// Its purposes, one bit per position in [`Purpose::ALL`].
    pub(crate) purposes: u16,
}

impl DeploymentRow {
    /// Whether another record is counted in this one's place.
    pub(crate) fn excluded(&self, position: usize) -> bool {
        self.counted_as as usize != position
    }
}

/// A phase's row (its status is kept apart, in [`Index::status`], since every pass reads it
/// and most read nothing else).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PhaseRow {
    /// The first and last day the online date allows.
    pub(crate) online: Option<(NaiveDate, NaiveDate)>,
    /// The first and last day the end date allows.
    pub(crate) end: Option<(NaiveDate, NaiveDate)>,
    /// Codes in [`Index::periods`] of the online date's year, and of its quarter (or the
    /// date itself when it is coarser than a quarter); [`NONE`] without an online date.
    pub(crate) year: u32,
    pub(crate) quarter: u32,
    /// Position in [`Index::stated`] of the stated compute, or [`NONE`].
    pub(crate) stated: u32,
    /// Position in [`Index::power`] of the stated power, or [`NONE`].
    pub(crate) power: u32,
    /// How certain it is that the phase exists as recorded.
    pub(crate) certainty: Certainty,
}

/// A hardware line's row: its count in the unit the source counted, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineRow {
    /// Lower bound, central value and upper bound of the count, in the kind's unit; the
    /// upper bound is meaningless unless [`BOUNDED`](Self::BOUNDED) is set.
    pub(crate) count: [u64; 3],
    /// Position in [`Index::kinds`].
    pub(crate) kind: u32,
    /// [`KNOWN`](Self::KNOWN) and [`BOUNDED`](Self::BOUNDED).
    pub(crate) flags: u8,
}

impl LineRow {
    /// The count is known (not an unknown estimate).
    pub(crate) const KNOWN: u8 = 1;
    /// The count has an upper bound.
    pub(crate) const BOUNDED: u8 = 2;

    /// The count as a part, in `unit`.
    pub(crate) fn count(&self, unit: Option<CountingUnit>) -> Part<AcceleratorCount> {
        let unit = unit?;
        if self.flags & Self::KNOWN == 0 {
            return None;
        }
        let [lower, central, upper] = self.count;
        let n = |v| AcceleratorCount::new(v, unit);
        Some((
            crate::estimate::Bounds {
                lower: n(lower),
                upper: (self.flags & Self::BOUNDED != 0).then(|| n(upper)),
            },
            n(central),
        ))
    }
}

/// A phase's hardware lines in GPUs, added up when the registry is built: what a question
/// about GPUs reads instead of the lines (a phase is read once, not each of its lines).
///
/// The sums are those of the parts a pass over the lines adds, by the one rounding rule
/// ([`Factors::gpus`]), so that reading them gives the same totals to the last GPU: whole
/// numbers, whose sum does not depend on the order they are added in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PhaseGpus {
    /// Sums of the known lines' lower bounds, central values and upper bounds (of those with
    /// one), wrapping past `u64::MAX` (see [`OVERFLOW`](Self::OVERFLOW)).
    pub(crate) sums: [u64; 3],
    /// Lines counted in GPUs, lines converted to GPUs, and lines of unknown GPUs (a phase
    /// without lines is one unknown part).
    pub(crate) lines: [u32; 3],
    /// [`UNBOUNDED`](Self::UNBOUNDED), [`OVERFLOW`](Self::OVERFLOW),
    /// [`READ_LINES`](Self::READ_LINES).
    pub(crate) flags: u8,
}

impl PhaseGpus {
    /// A known line has no upper bound.
    pub(crate) const UNBOUNDED: u8 = 1;
    /// A sum went past `u64::MAX`.
    pub(crate) const OVERFLOW: u8 = 2;
    /// The sums do not stand for the lines (a line's GPUs are past `u64::MAX`, or the phase
    /// has more than `u32::MAX` lines): a pass reads the lines, and reports what they say.
    pub(crate) const READ_LINES: u8 = 4;

    /// The GPUs of a phase's lines, of kinds `kinds`.
    fn of(lines: &[LineRow], kinds: &[Kind]) -> Self {
        let mut out = PhaseGpus::default();
        if lines.is_empty() {
            out.lines[2] = 1;
            return out;
        }
        let mut counts = [0u64; 3];
        for line in lines {
            let Some(kind) = kinds.get(line.kind as usize) else {
                counts[2] += 1;
                continue;
            };
            // One candidate (most kinds): count × GPUs per unit, as `Factors::gpus` does,
            // without building the part.
            let per = match kind.factors.candidates.as_slice() {
                [] if kind.factors.in_gpus => Some(1),
                [one] => one.gpus_per_unit,
                _ => None,
            };
            let gpus = match per {
                Some(per) if line.flags & LineRow::KNOWN != 0 && kind.unit.is_some() => {
                    let [lower, central, upper] = line.count.map(|n| n.checked_mul(per));
                    let bounded = line.flags & LineRow::BOUNDED != 0;
                    match (lower, central, upper) {
                        (Some(lower), Some(central), upper) if upper.is_some() || !bounded => {
                            let n = AcceleratorCount::gpus;
                            Ok(Some((
                                crate::estimate::Bounds {
                                    lower: n(lower),
                                    upper: upper.filter(|_| bounded).map(n),
                                },
                                n(central),
                            )))
                        }
                        _ => Err(()),
                    }
                }
                _ => kind.factors.gpus(line.count(kind.unit)).map_err(|_| ()),
            };
            match gpus {
                Err(()) => {
                    out.flags |= Self::READ_LINES;
                    return out;
                }
                Ok(None) => counts[2] += 1,
                Ok(Some((bounds, central))) => {
                    let mut add = |i: usize, n: u64| {
                        let (sum, over) = out.sums[i].overflowing_add(n);
                        out.sums[i] = sum;
                        if over {
                            out.flags |= Self::OVERFLOW;
                        }
                    };
                    add(0, bounds.lower.count());
                    add(1, central.count());
                    match bounds.upper {
                        Some(upper) => add(2, upper.count()),
                        None => out.flags |= Self::UNBOUNDED,
                    }
                    counts[usize::from(!kind.factors.in_gpus)] += 1;
                }
            }
        }
        for (slot, n) in out.lines.iter_mut().zip(counts) {
            match u32::try_from(n) {
                Ok(n) => *slot = n,
                Err(_) => out.flags |= Self::READ_LINES,
            }
        }
        out
    }
}

/// A stated compute figure: its format, whether the format is assumed, and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct StatedRow {
    pub(crate) format: ComputeFormat,
    pub(crate) assumed: bool,
    pub(crate) rate: Part<crate::units::ComputeRate>,
}

/// The resolved index of a registry; see the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Index {
    pub(crate) deployments: Vec<DeploymentRow>,
    /// `phase_start[d]..phase_start[d + 1]` are deployment `d`'s phases; one more entry than
    /// deployments.
    pub(crate) phase_start: Vec<u32>,
    pub(crate) phases: Vec<PhaseRow>,
    /// Each phase's status, by phase position.
    pub(crate) status: Vec<Status>,
    /// `line_start[p]..line_start[p + 1]` are phase `p`'s lines; one more entry than phases.
    pub(crate) line_start: Vec<u32>,
    pub(crate) lines: Vec<LineRow>,
    /// Each phase's lines in GPUs, by phase position.
    pub(crate) phase_gpus: Vec<PhaseGpus>,
    /// `org_start[d]..org_start[d + 1]` are deployment `d`'s participations.
    pub(crate) org_start: Vec<u32>,
    /// (organisation position in the registry, role), in record order.
    pub(crate) participations: Vec<(u32, Role)>,
    /// `label_start[d]..label_start[d + 1]` are deployment `d`'s labels, as codes in
    /// [`Index::labels`].
    pub(crate) label_start: Vec<u32>,
    pub(crate) deployment_labels: Vec<u32>,
    pub(crate) labels: Vec<Label>,
    pub(crate) kinds: Vec<Kind>,
    pub(crate) parts: Vec<HardwareRef>,
    pub(crate) vendors: Vec<String>,
    pub(crate) architectures: Vec<String>,
    pub(crate) periods: Vec<PartialDate>,
    pub(crate) stated: Vec<StatedRow>,
    pub(crate) power: Vec<Part<crate::units::Power>>,
    /// The per-GPU peaks of the H100 SXM ([`REFERENCE_PART`]) in the registry's catalog, by
    /// [`FORMATS`](crate::catalog::resolve::FORMATS) position: what H100 equivalents divide by.
    pub(crate) h100: [Option<f64>; 18],
}

/// Converts a position to a `u32` offset; a registry with more rows than that is refused when
/// it is built, so the conversion never saturates in a built index.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Index {
    /// Builds the index of validated records, whose hardware lines have the kinds `kinds`
    /// (one per line, in record order).
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) for a registry with more than `u32::MAX -
    /// 1` deployments, phases or lines.
    pub(crate) fn build(
        deployments: &[Deployment],
        organisations: &[Organisation],
        kinds: Kinds<'_>,
        line_kinds: &[u32],
    ) -> Result<Self> {
        let too_many = || crate::Error::Overflow {
            quantity: "registry rows",
            operation: "indexing",
        };
        let phases: usize = deployments.iter().map(|d| d.phases.len()).sum();
        if deployments.len() >= NONE as usize
            || phases >= NONE as usize
            || line_kinds.len() >= NONE as usize
        {
            return Err(too_many());
        }
        let org_position: HashMap<&str, u32> = organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), offset(i)))
            .collect();
        let headquarters: Vec<Option<Country>> =
            organisations.iter().map(|o| o.headquarters).collect();
        let counted_as = counted_as(deployments);
        let mut index = Index {
            deployments: Vec::with_capacity(deployments.len()),
            phase_start: Vec::with_capacity(deployments.len() + 1),
            phases: Vec::with_capacity(phases),
            status: Vec::with_capacity(phases),
            phase_gpus: Vec::with_capacity(phases),
            line_start: Vec::with_capacity(phases + 1),
            lines: Vec::with_capacity(line_kinds.len()),
            org_start: Vec::with_capacity(deployments.len() + 1),
            label_start: Vec::with_capacity(deployments.len() + 1),
            ..Index::default()
        };
        let mut periods = Interner::default();
        let mut labels = Interner::default();
        let mut line_kinds = line_kinds.iter().copied();
        for (deployment, &counted) in deployments.iter().zip(&counted_as) {
            index.phase_start.push(offset(index.phases.len()));
            index.org_start.push(offset(index.participations.len()));
            index
                .label_start
                .push(offset(index.deployment_labels.len()));
            for label in &deployment.labels {
                index.deployment_labels.push(labels.code(label.clone()));
            }
            for p in &deployment.organisations {
                let org = org_position
                    .get(p.organisation.as_str())
                    .copied()
                    .unwrap_or(NONE);
                index.participations.push((org, p.role));
            }
            index.deployments.push(DeploymentRow {
                host: deployment.host,
                operator: operator_country(deployment, &org_position, &headquarters),
                counted_as: counted,
                purposes: deployment
                    .purposes
                    .iter()
                    .filter_map(|p| Purpose::ALL.iter().position(|x| x == p))
                    .fold(0u16, |bits, i| bits | (1 << i)),
            });
            for phase in &deployment.phases {
                index.line_start.push(offset(index.lines.len()));
                let row = index.phase_row(phase, &mut periods);
                index.phases.push(row);
                index.status.push(phase.status);
                let first = index.lines.len();
                for line in &phase.hardware {
                    let kind = line_kinds.next().unwrap_or(NONE);
                    index.lines.push(line_row(line, kind));
                }
                let lines = index.lines.get(first..).unwrap_or_default();
                index.phase_gpus.push(PhaseGpus::of(lines, &kinds.kinds));
            }
        }
        index.phase_start.push(offset(index.phases.len()));
        index.org_start.push(offset(index.participations.len()));
        index
            .label_start
            .push(offset(index.deployment_labels.len()));
        index.line_start.push(offset(index.lines.len()));
        index.h100 = kinds.reference();
        index.kinds = kinds.kinds;
        index.parts = kinds.parts.values;
        index.vendors = kinds.vendors.values;
        index.architectures = kinds.architectures.values;
        index.periods = periods.values;
        index.labels = labels.values;
        Ok(index)
    }

    fn phase_row(&mut self, phase: &Phase, periods: &mut Interner<PartialDate>) -> PhaseRow {
        let online = phase.dates.online;
        let stated = match &phase.compute {
            Some(c) => match (&c.format, part_of(&c.rate.value)) {
                (FormatReading::Stated(f), Some(rate)) => self.push_stated(*f, false, rate),
                (FormatReading::Assumed { format, .. }, Some(rate)) => {
                    self.push_stated(*format, true, rate)
                }
                _ => NONE,
            },
            None => NONE,
        };
        let power = match phase.power.as_ref().and_then(|p| part_of(&p.value)) {
            Some(part) => {
                self.power.push(Some(part));
                offset(self.power.len() - 1)
            }
            None => NONE,
        };
        PhaseRow {
            online: online.map(|d| (d.earliest(), d.latest())),
            end: phase.dates.end.map(|d| (d.earliest(), d.latest())),
            year: online
                .and_then(|d| PartialDate::year(d.calendar_year()).ok())
                .map_or(NONE, |y| periods.code(y)),
            quarter: online
                .and_then(quarter_of)
                .map_or(NONE, |q| periods.code(q)),
            stated,
            power,
            certainty: phase.certainty,
        }
    }

    fn push_stated(
        &mut self,
        format: ComputeFormat,
        assumed: bool,
        rate: (
            crate::estimate::Bounds<crate::units::ComputeRate>,
            crate::units::ComputeRate,
        ),
    ) -> u32 {
        self.stated.push(StatedRow {
            format,
            assumed,
            rate: Some(rate),
        });
        offset(self.stated.len() - 1)
    }

    /// The phases of deployment `d`, as positions.
    #[inline]
    pub(crate) fn phases_of(&self, d: usize) -> std::ops::Range<usize> {
        let start = self.phase_start.get(d).copied().unwrap_or(0) as usize;
        let end = self.phase_start.get(d + 1).copied().unwrap_or(0) as usize;
        start..end.max(start)
    }

    /// The lines of phase `p`, as positions.
    #[inline]
    pub(crate) fn lines_of(&self, p: usize) -> std::ops::Range<usize> {
        let start = self.line_start.get(p).copied().unwrap_or(0) as usize;
        let end = self.line_start.get(p + 1).copied().unwrap_or(0) as usize;
        start..end.max(start)
    }

    /// The participations of deployment `d`.
    pub(crate) fn participations_of(&self, d: usize) -> &[(u32, Role)] {
        let start = self.org_start.get(d).copied().unwrap_or(0) as usize;
        let end = self.org_start.get(d + 1).copied().unwrap_or(0) as usize;
        self.participations.get(start..end).unwrap_or_default()
    }

    /// The label codes of deployment `d`.
    pub(crate) fn labels_of(&self, d: usize) -> &[u32] {
        let start = self.label_start.get(d).copied().unwrap_or(0) as usize;
        let end = self.label_start.get(d + 1).copied().unwrap_or(0) as usize;
        self.deployment_labels.get(start..end).unwrap_or_default()
    }

    /// A line's GPUs by the rounding rule: bounds and central value in the counted unit,
    /// times GPUs per unit, spanning the candidates of an open part.
    ///
    /// # Errors
    /// Overflow past `u64::MAX` GPUs.
    #[cfg(feature = "csv")]
    pub(crate) fn line_gpus(&self, line: &LineRow) -> Result<Part<AcceleratorCount>> {
        match self.kinds.get(line.kind as usize) {
            Some(kind) => kind.factors.gpus(line.count(kind.unit)),
            None => Ok(None),
        }
    }
}

/// A line's row.
fn line_row(line: &HardwareLine, kind: u32) -> LineRow {
    match part_of(&line.count.value) {
        Some((bounds, central)) => LineRow {
            count: [
                bounds.lower.count(),
                central.count(),
                bounds.upper.map_or(0, |u| u.count()),
            ],
            kind,
            flags: LineRow::KNOWN
                | if bounds.upper.is_some() {
                    LineRow::BOUNDED
                } else {
                    0
                },
        },
        None => LineRow {
            count: [0; 3],
            kind,
            flags: 0,
        },
    }
}

/// The quarter a date falls in, or the date itself when it is known only to the half or year.
pub(crate) fn quarter_of(date: PartialDate) -> Option<PartialDate> {
    match date.precision() {
        DatePrecision::Year | DatePrecision::Half => Some(date),
        DatePrecision::Quarter | DatePrecision::Month | DatePrecision::Day => {
            let first = date.earliest();
            PartialDate::quarter(first.year(), first.month0() / 3 + 1).ok()
        }
    }
}

/// The country that controls a deployment: stated, else the headquarters of the first
/// operator that has one, else of the first owner; see
/// [`Registry::operator_country`](super::Registry::operator_country).
fn operator_country(
    d: &Deployment,
    org_position: &HashMap<&str, u32>,
    headquarters: &[Option<Country>],
) -> Option<Country> {
    d.sovereignty.operator_country.or_else(|| {
        [Role::Operator, Role::Owner].into_iter().find_map(|role| {
            d.organisations_in(role).find_map(|id| {
                let &i = org_position.get(id.as_str())?;
                headquarters.get(i as usize).copied().flatten()
            })
        })
    })
}

/// For each deployment, the position of the record counted in its place.
///
/// A deployment whose `superseded_by` (or else `duplicate_of`) names a deployment in the
/// registry stands for that one, which in turn stands for the one it points at, and so on:
/// only the end of the chain is counted. In a cycle of links the member with the smallest ID
/// is counted.
fn counted_as(deployments: &[Deployment]) -> Vec<u32> {
    let position: HashMap<&DeploymentId, usize> = deployments
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.id, i))
        .collect();
    let link = |d: &Deployment| -> Option<usize> {
        [&d.superseded_by, &d.duplicate_of]
            .into_iter()
            .flatten()
            .find_map(|id| position.get(id).copied())
    };
    let mut out: Vec<u32> = (0..deployments.len()).map(offset).collect();
    let mut done = vec![false; deployments.len()];
    for start in 0..deployments.len() {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        let Some(first) = deployments.get(start).and_then(link) else {
            if let Some(flag) = done.get_mut(start) {
                *flag = true;
            }
            continue;
        };
        let mut path = vec![start];
        let mut next = first;
        let end = loop {
            if done.get(next).copied().unwrap_or(true) {
                break out.get(next).copied().unwrap_or(NONE) as usize;
            }
            if let Some(at) = path.iter().position(|&p| p == next) {
                // A cycle: its smallest ID is counted; the records before it lead there.
                let cycle = path.get(at..).unwrap_or_default();
                break cycle
                    .iter()
                    .copied()
                    .min_by_key(|&p| deployments.get(p).map(|d| &d.id))
                    .unwrap_or(next);
            }
            path.push(next);
            match deployments.get(next).and_then(link) {
                Some(n) => next = n,
                None => break next,
            }
        };
        for p in path {
            if let (Some(slot), Some(flag)) = (out.get_mut(p), done.get_mut(p)) {
                *slot = offset(end);
                *flag = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(id: &str, superseded_by: Option<&str>) -> Deployment {
        let mut d = Deployment::new(id, id, Country::FR);
        d.superseded_by = superseded_by.map(|s| s.parse().unwrap());
        d
    }

    #[test]
    fn chains_end_at_their_last_record_and_cycles_at_their_smallest_id() {
        let ds = [
            deployment("a", Some("b")),
            deployment("b", Some("c")),
            deployment("c", None),
            deployment("x", Some("z")),
            deployment("z", Some("y")),
            deployment("y", Some("x")),
            deployment("lone", Some("missing")),
        ];
        assert_eq!(counted_as(&ds), [2, 2, 2, 3, 3, 3, 6]);
    }

    #[test]
    fn quarters_keep_coarse_dates_coarse() {
        let q = |s: &str| quarter_of(s.parse().unwrap()).map(|d| d.to_string());
        assert_eq!(q("2026-05-14").as_deref(), Some("2026-Q2"));
        assert_eq!(q("2026-11").as_deref(), Some("2026-Q4"));
        assert_eq!(q("2026-H2").as_deref(), Some("2026-H2"));
        assert_eq!(q("2026").as_deref(), Some("2026"));
    }
}
