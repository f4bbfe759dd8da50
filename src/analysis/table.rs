//! Results of a grouped query: a [`Table`] of [`Row`]s, each a [`Total`] with its [`Routes`].

use std::cmp::Ordering;
use std::fmt;

use super::Group;
use super::dimension::KeySpace;
use super::dimension::{Dim, GroupKey, Key, codes};
use super::filter::Filter;
use super::hashing::IntMap;
use super::measure::{Measure, Routes};
use super::scenario::{Scenario, Window};
use super::sum::Summable;
use super::walk::{Sink, Tally};
use crate::Result;
use crate::estimate::{Amount, Total};
use crate::registry::Registry;

/// Collects a walk's parts into per-key tallies and the whole.
///
/// A query runs one collector per chunk of deployments, so a collector is made and dropped
/// many times per query; it is laid out to allocate little and never to grow in the common
/// case: a key's slot is found by its position in a small dense table (no hashing), and the
/// tallies are reserved up front for the key space (or a few dozen groups when the space is
/// large). Keys outside a dense table are hashed.
#[derive(Debug)]
pub(crate) struct Collector<T: Summable> {
    /// The key of each slot, in first-seen order.
    keys: Vec<Key>,
    /// The tally of each slot.
    tallies: Vec<Tally<T>>,
    pub(crate) all: Tally<T>,
    pub(crate) overlapping: bool,
    /// Slots by key position when the key space is small (see [`KeySpace`]), so that a key
    /// is found without hashing; [`NO_SLOT`] where none is assigned yet.
    dense: Vec<u32>,
    /// Slots of keys without a dense position.
    hashed: IntMap<Key, u32>,
    space: KeySpace,
    /// The slots of the scope last opened.
    slots: Vec<u32>,
}

/// A slot not assigned yet in the dense table.
const NO_SLOT: u32 = u32::MAX;

impl<T: Summable> Collector<T> {
    pub(crate) fn new(space: KeySpace) -> Self {
        let dense = if space.len() <= KeySpace::DENSE {
            vec![NO_SLOT; space.len()]
        } else {
            Vec::new()
        };
        let reserve = space.len().min(KeySpace::RESERVE);
        Self {
            keys: Vec::with_capacity(reserve),
            tallies: Vec::with_capacity(reserve),
            all: Tally::default(),
            overlapping: false,
            dense,
            hashed: IntMap::default(),
            space,
            slots: Vec::with_capacity(4),
        }
    }

    /// The slot of a key's tally, made the first time the key is met.
    #[inline]
    fn slot(&mut self, key: Key) -> u32 {
        let position = (!self.dense.is_empty())
            .then(|| self.space.position(key))
            .flatten();
        if let Some(&slot) = position.and_then(|at| self.dense.get(at))
            && slot != NO_SLOT
        {
            return slot;
        }
        if position.is_none()
            && let Some(&slot) = self.hashed.get(&key)
        {
            return slot;
        }
        // A new key. Past `u32::MAX - 1` groups (not reachable: keys are pairs of codes of
        // records that fit in `u32`), further keys share the last slot.
        let slot = u32::try_from(self.tallies.len())
            .unwrap_or(NO_SLOT - 1)
            .min(NO_SLOT - 1);
        if slot as usize == self.tallies.len() {
            self.keys.push(key);
            self.tallies.push(Tally::default());
        }
        match position.and_then(|at| self.dense.get_mut(at)) {
            Some(cell) => *cell = slot,
            None => {
                self.hashed.insert(key, slot);
            }
        }
        slot
    }
}

impl<T: Summable> Sink<T> for Collector<T> {
    /// The walk opens a scope only when its keys or window change (see `walk::Pending`).
    fn open(&mut self, keys: &[Key], _: Window) {
        self.overlapping |= keys.len() > 1;
        self.slots.clear();
        for &key in keys {
            let slot = self.slot(key);
            self.slots.push(slot);
        }
    }

    #[inline]
    fn add(&mut self, parts: &Tally<T>) {
        self.all.merge(parts);
        for &slot in &self.slots {
            if let Some(tally) = self.tallies.get_mut(slot as usize) {
                tally.merge(parts);
            }
        }
    }
}

impl<T: Summable> Collector<T> {
    /// Adds another collector's tallies (of a later chunk of deployments) to these, and
    /// leaves `other` empty, to be reused for another chunk.
    ///
    /// # Errors
    /// Overflow.
    pub(crate) fn merge(&mut self, other: &mut Collector<T>) -> Result<()> {
        self.all.merge(&other.all);
        self.overlapping |= other.overlapping;
        for (&key, theirs) in other.keys.iter().zip(&other.tallies) {
            let mine = self.slot(key);
            if let Some(tally) = self.tallies.get_mut(mine as usize) {
                tally.merge(theirs);
            }
        }
        self.slots.clear();
        other.clear();
        Ok(())
    }

    /// Empties the collector, keeping its room.
    fn clear(&mut self) {
        for &key in &self.keys {
            if let Some(cell) = self
                .space
                .position(key)
                .and_then(|at| self.dense.get_mut(at))
            {
                *cell = NO_SLOT;
            }
        }
        self.keys.clear();
        self.tallies.clear();
        self.hashed.clear();
        self.slots.clear();
        self.all = Tally::default();
        self.overlapping = false;
    }

    /// The groups' tallies, in first-seen order.
    pub(crate) fn entries(self) -> Vec<(Key, Tally<T>)> {
        self.keys.into_iter().zip(self.tallies).collect()
    }
}

/// The groups of an internal key, one per query key.
pub(crate) fn groups_of(key: &Key, dims: &[Dim], registry: &Registry) -> Vec<Group> {
    dims.iter()
        .zip(codes(*key))
        .map(|(dim, code)| dim.group(registry, code))
        .collect()
}

/// One group of a [`Table`]: its groups (one per key of the query), its total and the routes
/// of its parts.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Gpus, Group, GroupKey, Query};
/// # let registry = sovereign_compute::registry::Registry::builder().build()?;
/// let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Gpus)?;
/// for row in table.rows() {
///     println!("{}: {} ({})", row.groups[0], row.total, row.routes);
/// }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Row<T> {
    /// The row's group for each key of the query, in key order.
    pub groups: Vec<Group>,
    /// The sum of the row's parts: lower, central and upper values, unknown parts.
    pub total: Total<T>,
    /// How the parts were obtained.
    pub routes: Routes,
}

impl<T: Amount> Row<T> {
    /// The lower bound of the row's total (`row.total.lower()`); `None` when no part is
    /// known. In the measure's unit: GPUs, FLOP/s in the measure's format, W, or a count.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, GroupKey, Query};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let line = HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse("up to 10,000 GPUs")?));
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("de-b", "B", Country::DE)
    ///         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(line)))
    ///     .build()?;
    /// let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Gpus)?;
    /// let de = table.row(Country::DE).expect("a row for DE");
    /// assert_eq!(de.lower().map(|n| n.count()), Some(0));
    /// assert_eq!(de.central().map(|n| n.count()), Some(10_000));
    /// assert_eq!(de.upper().map(|n| n.count()), Some(10_000));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self) -> Option<T> {
        self.total.lower()
    }

    /// The central value of the row's total (`row.total.central()`): the sum of the known
    /// parts' central values, to be read with [`Total::unknown_parts`]; `None` when no part
    /// is known. In the measure's unit, as [`lower`](Self::lower).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a", "A", Country::FR)).build()?;
    /// let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(table.rows()[0].central(), Some(1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self) -> Option<T> {
        self.total.central()
    }

    /// The upper bound of the row's total (`row.total.upper()`); `None` when it is
    /// unbounded (a part is "at least ..." or unknown) or no part is known. In the
    /// measure's unit, as [`lower`](Self::lower).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a", "A", Country::FR)).build()?;
    /// let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(table.rows()[0].upper(), Some(1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self) -> Option<T> {
        self.total.upper()
    }
}

/// The result of a [`Query`](super::Query): one row per group, in group order, and the
/// total of everything selected.
///
/// The total counts each part once. When the groups [overlap](Self::overlapping) (a
/// deployment with two operators, a phase with two kinds of hardware counted by
/// [`Phases`](super::Phases)), a part counts in each of its groups and the rows add up to
/// more than the total. Shares are of the total's central value.
///
/// `Display` writes an aligned text table, titled with the measure, the keys and the
/// query's filters; `{:#}` also writes the routes. [`row`](Self::row) finds a row by its
/// group's value. The table serializes (feature `serde`) and writes CSV (feature `csv`,
/// `write_csv`) as flat records with units in the column names: see
/// [Results out](super#results-out).
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
/// use sovereign_compute::model::{Deployment, Phase, Status};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let registry = Registry::builder()
///     .deployment(Deployment::new("a", "A", Country::FR).with_phase(Phase::new("p", Status::Planned)))
///     .deployment(Deployment::new("b", "B", Country::FR))
///     .deployment(Deployment::new("c", "C", Country::DE))
///     .build()?;
/// let table = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
/// assert_eq!(table.total().central(), Some(3));
/// assert_eq!(table.to_string(), "\
/// deployments by host country
/// host country  lower  central  upper  unknown   share
/// DE                1        1      1        0   33.3%
/// FR                2        2      2        0   66.7%
/// total             3        3      3        0  100.0%
/// ");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table<M: Measure> {
    measure: M,
    filters: Vec<Filter>,
    keys: Vec<GroupKey>,
    rows: Vec<Row<M::Value>>,
    all: Row<M::Value>,
    excluded: usize,
    overlapping: bool,
    omitted: usize,
}

impl<M: Measure> Table<M> {
    pub(crate) fn collect(
        measure: M,
        filters: &[Filter],
        dims: &[Dim],
        registry: &Registry,
        collector: Collector<M::Value>,
        excluded: usize,
    ) -> Result<Self> {
        let keys: Vec<GroupKey> = dims.iter().map(|d| d.key.clone()).collect();
        let overlapping = collector.overlapping;
        let like = measure.one();
        let (total, routes) = collector.all.finish(like)?;
        let mut rows: Vec<Row<M::Value>> = collector
            .entries()
            .into_iter()
            .map(|(key, tally)| {
                let (total, routes) = tally.finish(like)?;
                Ok(Row {
                    groups: groups_of(&key, dims, registry),
                    total,
                    routes,
                })
            })
            .collect::<Result<_>>()?;
        rows.sort_by(|a, b| a.groups.cmp(&b.groups));
        Ok(Self {
            measure,
            filters: filters.to_vec(),
            keys,
            rows,
            all: Row {
                groups: Vec::new(),
                total,
                routes,
            },
            excluded,
            overlapping,
            omitted: 0,
        })
    }

    /// The measure added up.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert_eq!(Query::new().run(&registry, Gpus)?.measure(), &Gpus);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn measure(&self) -> &M {
        &self.measure
    }

    /// The query's filters, all of which hold for every part counted; the title line of the
    /// printed table names them.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Filter, Gpus, Query};
    /// use sovereign_compute::Country;
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let fr = Filter::HostCountry(vec![Country::FR]);
    /// let t = Query::new().filter(fr.clone()).run(&registry, Gpus)?;
    /// assert_eq!(t.filters(), [fr]);
    /// assert!(t.to_string().starts_with("GPUs, where host country FR\n"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn filters(&self) -> &[Filter] {
        &self.filters
    }

    /// The scenario of the query's [`OnlineAt`](Filter::OnlineAt) filters: how partial dates
    /// were read to say what counts on a day. `None` when the query has no such filter (the
    /// table counts every phase whatever its dates), or when its filters name both scenarios
    /// (each filter still says its own).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Filter, Gpus, Query, Scenario};
    /// use sovereign_compute::PartialDate;
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let by_2026 = Filter::online_at(PartialDate::year(2026)?, Scenario::Committed);
    /// let t = Query::new().filter(by_2026).run(&registry, Gpus)?;
    /// assert_eq!(t.scenario(), Some(Scenario::Committed));
    /// assert_eq!(Query::new().run(&registry, Gpus)?.scenario(), None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn scenario(&self) -> Option<Scenario> {
        scenario_of(&self.filters)
    }

    /// The keys grouped by, in order.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, GroupKey, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let t = Query::new().group_by(GroupKey::Status).run(&registry, Gpus)?;
    /// assert_eq!(t.keys(), [GroupKey::Status]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn keys(&self) -> &[GroupKey] {
        &self.keys
    }

    /// The rows, in group order (or by decreasing value after [`top`](Self::top)).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(Query::new().run(&registry, Gpus)?.rows().is_empty()); // not grouped
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn rows(&self) -> &[Row<M::Value>] {
        &self.rows
    }

    /// The row with these groups (one per key); for a table grouped by one key,
    /// [`row`](Self::row) takes the group's value.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Group, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a", "A", Country::FR)).build()?;
    /// let t = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(t.get(&[Group::Country(Country::FR)]).and_then(|r| r.total.central()), Some(1));
    /// assert!(t.get(&[Group::Country(Country::DE)]).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn get(&self, groups: &[Group]) -> Option<&Row<M::Value>> {
        self.rows.iter().find(|r| r.groups == groups)
    }

    /// The row of a table grouped by one key whose group is `group`: a country, a status, a
    /// purpose, an online period ([`PartialDate`](crate::PartialDate)), an organisation, a
    /// part or family ID, or any [`Group`]. `None` when no selected record is in that group,
    /// and for a table grouped by two keys (use [`get`](Self::get) with both groups).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Group, GroupKey, Query};
    /// use sovereign_compute::model::{Deployment, Phase, Status};
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR).with_phase(Phase::new("p", Status::Planned)))
    ///     .build()?;
    /// let by_country = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(by_country.row(Country::FR).and_then(|r| r.central()), Some(1));
    /// assert!(by_country.row(Country::DE).is_none());
    /// let by_status = Query::new().group_by(GroupKey::Status).run(&registry, Deployments)?;
    /// assert!(by_status.row(Status::Planned).is_some());
    /// assert_eq!(by_status.row(Status::Planned), by_status.get(&[Group::Status(Status::Planned)]));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn row(&self, group: impl Into<Group>) -> Option<&Row<M::Value>> {
        let group = group.into();
        self.rows
            .iter()
            .find(|r| r.groups.len() == 1 && r.groups.first() == Some(&group))
    }

    /// The lower bound of a group's total, for a table grouped by one key (see
    /// [`row`](Self::row)); `None` when the table has no such row or no part of it is
    /// known. In the measure's unit: GPUs, FLOP/s in the measure's format, W, or a count.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, GroupKey, Query};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let line = HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse("more than 3,000 GPUs")?));
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("fr-a", "A", Country::FR)
    ///         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(line)))
    ///     .build()?;
    /// let gpus = Query::new().group_by(GroupKey::HostCountry).run(&registry, Gpus)?;
    /// assert_eq!(gpus.lower(Country::FR).map(|n| n.count()), Some(3_000));
    /// assert_eq!(gpus.upper(Country::FR), None); // "more than": unbounded
    /// assert_eq!(gpus.lower(Country::DE), None); // no row
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn lower(&self, group: impl Into<Group>) -> Option<M::Value> {
        self.row(group).and_then(Row::lower)
    }

    /// The central value of a group's total, for a table grouped by one key (see
    /// [`row`](Self::row)); `None` when the table has no such row or no part of it is
    /// known. In the measure's unit, as [`lower`](Self::lower); read it with the row's
    /// unknown parts.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Compute, Gpus, GroupKey, Query};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// use sovereign_compute::Country;
    /// use sovereign_compute::units::ComputeFormat;
    /// let phase = Phase::new("p1", Status::Planned)
    ///     .with_hardware(HardwareRef::Unlisted("GPU".into()), "4,000 GPUs")
    ///     .with_compute(StatedCompute::new(
    ///         Sourced::new(Estimate::parse("20 EFLOP/s")?),
    ///         FormatReading::Stated(ComputeFormat::peak(Precision::Fp8, Sparsity::Dense)),
    ///     ));
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("fr-a", "A", Country::FR).with_phase(phase))
    ///     .build()?;
    /// let by_country = Query::new().group_by(GroupKey::HostCountry);
    /// let gpus = by_country.run(&registry, Gpus)?;
    /// assert_eq!(gpus.central(Country::FR).map(|n| n.count()), Some(4_000));
    /// let fp8 = by_country.run(&registry, Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    /// assert_eq!(fp8.central(Country::FR).map(|f| f.in_unit("EFLOP/s")).transpose()?, Some(20.0));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn central(&self, group: impl Into<Group>) -> Option<M::Value> {
        self.row(group).and_then(Row::central)
    }

    /// The upper bound of a group's total, for a table grouped by one key (see
    /// [`row`](Self::row)); `None` when the table has no such row, or the row's total is
    /// unbounded or unknown. In the measure's unit, as [`lower`](Self::lower).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a", "A", Country::FR)).build()?;
    /// let t = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(t.upper(Country::FR), Some(1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn upper(&self, group: impl Into<Group>) -> Option<M::Value> {
        self.row(group).and_then(Row::upper)
    }

    /// The total of everything selected, each part counted once.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert_eq!(Query::new().run(&registry, Gpus)?.total().parts(), 0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn total(&self) -> &Total<M::Value> {
        &self.all.total
    }

    /// The total as a row with no groups, with its routes.
    #[cfg(any(feature = "serde", feature = "csv"))]
    pub(crate) fn total_row(&self) -> &Row<M::Value> {
        &self.all
    }

    /// How the total's parts were obtained.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert_eq!(Query::new().run(&registry, Gpus)?.routes().total(), 0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn routes(&self) -> Routes {
        self.all.routes
    }

    /// How many deployments were left out because another record is counted in their place
    /// (see [`excluded`](super::excluded)).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert_eq!(Query::new().run(&registry, Gpus)?.excluded(), 0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn excluded(&self) -> usize {
        self.excluded
    }

    /// Whether some part fell in more than one group, so that the rows add up to more than
    /// the total.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, GroupKey, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(!Query::new().group_by(GroupKey::HostCountry).run(&registry, Gpus)?.overlapping());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn overlapping(&self) -> bool {
        self.overlapping
    }

    /// How many rows [`top`](Self::top) left out.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Gpus, Query};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// assert_eq!(Query::new().run(&registry, Gpus)?.omitted(), 0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// A row's share of the total, by central values (0.25 is 25%); `None` when either
    /// central value is unknown or the total's is zero.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR))
    ///     .deployment(Deployment::new("b", "B", Country::DE))
    ///     .build()?;
    /// let t = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(t.share(&t.rows()[0]), Some(0.5));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn share(&self, row: &Row<M::Value>) -> Option<f64> {
        share(&row.total, &self.all.total)
    }

    /// The `n` rows with the largest central values, largest first (ties in group order;
    /// rows with no known part last); [`omitted`](Self::omitted) says how many were left
    /// out. The total is unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Group, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR))
    ///     .deployment(Deployment::new("b", "B", Country::DE))
    ///     .deployment(Deployment::new("c", "C", Country::DE))
    ///     .build()?;
    /// let top = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?.top(1);
    /// assert_eq!(top.rows()[0].groups, [Group::Country(Country::DE)]);
    /// assert_eq!((top.omitted(), top.total().central()), (1, Some(3)));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn top(&self, n: usize) -> Table<M> {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| {
            by_central_desc(&a.total, &b.total).then_with(|| a.groups.cmp(&b.groups))
        });
        let omitted = self.omitted + rows.len().saturating_sub(n);
        rows.truncate(n);
        Table {
            rows,
            omitted,
            ..self.clone()
        }
    }
}

/// `part / whole` by central values.
pub(crate) fn share<T: Amount>(part: &Total<T>, whole: &Total<T>) -> Option<f64> {
    let whole = whole.central()?.to_f64();
    (whole > 0.0)
        .then(|| part.central().map(|c| c.to_f64() / whole))
        .flatten()
}

/// Larger central values first; unknown ones last.
fn by_central_desc<T: Amount>(a: &Total<T>, b: &Total<T>) -> Ordering {
    match (a.central(), b.central()) {
        (Some(x), Some(y)) => y.to_f64().total_cmp(&x.to_f64()),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Writes rows of cells as aligned columns, two spaces apart: the first `left` columns
/// left-aligned (labels), the others right-aligned (figures). Trailing spaces are trimmed.
pub(crate) fn write_columns(
    f: &mut fmt::Formatter<'_>,
    rows: &[Vec<String>],
    left: usize,
) -> fmt::Result {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if c < left {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The one scenario of the [`OnlineAt`](Filter::OnlineAt) filters, if they agree.
pub(crate) fn scenario_of(filters: &[Filter]) -> Option<Scenario> {
    let mut scenarios = filters.iter().filter_map(|f| match f {
        Filter::OnlineAt { scenario, .. } => Some(*scenario),
        _ => None,
    });
    let first = scenarios.next()?;
    scenarios.all(|s| s == first).then_some(first)
}

/// The filters as one phrase: "host country FR or DE and online at 2026-12-31 (committed)".
pub(crate) fn filter_phrase(filters: &[Filter]) -> String {
    let filters: Vec<String> = filters.iter().map(ToString::to_string).collect();
    filters.join(" and ")
}

/// "GPUs by host country and status", then the scenario of a series ("committed"), then the
/// filters ("where host country FR or DE and online at 2026-12-31 (committed)"), comma
/// separated.
pub(crate) fn title(
    measure: &impl fmt::Display,
    keys: &[GroupKey],
    scenario: Option<Scenario>,
    filters: &[Filter],
) -> String {
    let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let mut title = if keys.is_empty() {
        measure.to_string()
    } else {
        format!("{measure} by {}", keys.join(" and "))
    };
    if let Some(scenario) = scenario {
        title.push_str(&format!(", {scenario}"));
    }
    if !filters.is_empty() {
        title.push_str(&format!(", where {}", filter_phrase(filters)));
    }
    title
}

/// The notes under a table: records left out, overlapping groups, rows not shown.
pub(crate) fn write_notes(
    f: &mut fmt::Formatter<'_>,
    excluded: usize,
    overlapping: bool,
    omitted: usize,
) -> fmt::Result {
    if excluded > 0 {
        writeln!(
            f,
            "{excluded} deployment(s) left out: superseded or duplicated by a record that is counted"
        )?;
    }
    if overlapping {
        writeln!(
            f,
            "groups overlap: a part in several groups counts in each, and once in the total"
        )?;
    }
    if omitted > 0 {
        writeln!(f, "{omitted} more group(s) not shown")?;
    }
    Ok(())
}

impl<M: Measure> Table<M> {
    /// The cells of one row: groups, then figures.
    fn cells(&self, row: &Row<M::Value>, label: Option<&str>, routes: bool) -> Vec<String> {
        let mut cells: Vec<String> = match label {
            Some(label) => {
                let mut v = vec![label.to_owned()];
                v.resize(self.keys.len().max(1), String::new());
                v
            }
            None => row.groups.iter().map(ToString::to_string).collect(),
        };
        let total = &row.total;
        let known = |v: Option<M::Value>, none: &str| {
            v.map_or_else(|| none.to_owned(), |v| self.measure.cell(&v))
        };
        let unbounded = if total.lower().is_some() {
            "unbounded"
        } else {
            "unknown"
        };
        cells.push(known(total.lower(), "unknown"));
        cells.push(known(total.central(), "unknown"));
        cells.push(known(total.upper(), unbounded));
        cells.push(total.unknown_parts().to_string());
        cells.push(
            share(total, &self.all.total)
                .map_or_else(|| "–".to_owned(), |s| format!("{:.1}%", s * 100.0)),
        );
        if routes {
            cells.push(row.routes.to_string());
        }
        cells
    }
}

/// An aligned text table: a title line (the measure, the keys grouped by, and the query's
/// filters after "where"), a header, one line per row and the total, then notes. `{:#}` adds
/// a column with the routes of each row's parts.
impl<M: Measure> fmt::Display for Table<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}",
            title(&self.measure, &self.keys, None, &self.filters)
        )?;
        let mut header: Vec<String> = self.keys.iter().map(ToString::to_string).collect();
        if header.is_empty() {
            header.push(String::new());
        }
        header.extend(["lower", "central", "upper", "unknown", "share"].map(String::from));
        if f.alternate() {
            header.push("routes".to_owned());
        }
        let mut lines = vec![header];
        for row in &self.rows {
            lines.push(self.cells(row, None, f.alternate()));
        }
        lines.push(self.cells(&self.all, Some("total"), f.alternate()));
        write_columns(f, &lines, self.keys.len().max(1))?;
        write_notes(f, self.excluded, self.overlapping, self.omitted)
    }
}
