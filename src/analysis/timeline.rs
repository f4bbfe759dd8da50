//! Capacity over time: totals at the end of each month, quarter or year between two dates.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::dimension::{GroupKey, Key};
use super::filter::Filter;
use super::hashing::Groups;
use super::measure::Measure;
use super::parallel;
use super::scenario::{Scenario, Window};
use super::sum::{Sum, Summable};
use super::table::{groups_of, title, write_columns, write_notes};
use super::walk::{Sink, Tally, Walk};
use super::{Group, Query};
use crate::estimate::Total;
use crate::registry::Registry;
use crate::{Error, PartialDate, Result};

/// The spacing of a series' points.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Period;
/// assert_eq!(Period::Quarter.to_string(), "quarter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Period {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        })
    }
}

/// The dates a series is evaluated at: the last day of each period from the one containing
/// `from` to the one containing `to`.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::{Period, Points};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let points = Points::new(Period::Quarter, day(2025, 11, 5), day(2026, 4, 1))?;
/// let labels: Vec<String> = points.periods().iter().map(|p| p.to_string()).collect();
/// assert_eq!(labels, ["2025-Q4", "2026-Q1", "2026-Q2"]);
/// assert_eq!(points.days()[1], day(2026, 3, 31));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    period: Period,
    periods: Vec<PartialDate>,
    days: Vec<NaiveDate>,
}

impl Points {
    /// The points from the period containing `from` to the one containing `to`.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] if `from` is after `to`, or either is outside the years
    /// [`PartialDate::MIN_YEAR`] to [`PartialDate::MAX_YEAR`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Period, Points};
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Points::new(Period::Year, day(2024, 6, 1), day(2030, 1, 1))?.days().len(), 7);
    /// assert!(Points::new(Period::Year, day(2030, 1, 1), day(2024, 1, 1)).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(period: Period, from: NaiveDate, to: NaiveDate) -> Result<Self> {
        if from > to {
            return Err(Error::InvalidDate {
                input: format!("{from}..{to}"),
                reason: "a series must start on or before its last day".to_owned(),
            });
        }
        let mut periods = Vec::new();
        let mut current = containing(period, from)?;
        let last = containing(period, to)?;
        loop {
            periods.push(current);
            if current == last {
                break;
            }
            let next = current
                .latest()
                .succ_opt()
                .ok_or_else(|| out_of_range(to))?;
            current = containing(period, next)?;
        }
        let days = periods.iter().map(PartialDate::latest).collect();
        Ok(Self {
            period,
            periods,
            days,
        })
    }

    /// The spacing.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Period, Points};
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert_eq!(Points::new(Period::Month, day, day)?.period(), Period::Month);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The periods, in order.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Period, Points};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// assert_eq!(Points::new(Period::Month, day, day)?.periods()[0].to_string(), "2026-02");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn periods(&self) -> &[PartialDate] {
        &self.periods
    }

    /// The last day of each period: the days totals are taken on.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Period, Points};
    /// let day = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    /// assert_eq!(Points::new(Period::Month, day, day)?.days(), [NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn days(&self) -> &[NaiveDate] {
        &self.days
    }

    /// The first point on or after `day`: the index of the first day ≥ `day`.
    fn index(&self, day: Option<NaiveDate>) -> usize {
        day.map_or(0, |day| self.days.partition_point(|d| *d < day))
    }

    /// The points a window covers, as a half-open range of indices.
    fn range(&self, window: Window) -> (usize, usize) {
        let start = self.index(window.start);
        let stop = window.stop.map_or(self.days.len(), |s| self.index(Some(s)));
        (start, stop)
    }
}

fn out_of_range(day: NaiveDate) -> Error {
    Error::InvalidDate {
        input: day.to_string(),
        reason: format!(
            "series points must lie in the years {} to {}",
            PartialDate::MIN_YEAR,
            PartialDate::MAX_YEAR
        ),
    }
}

/// The period of the given spacing that contains `day`.
fn containing(period: Period, day: NaiveDate) -> Result<PartialDate> {
    let (year, month) = (day.year(), day.month());
    match period {
        Period::Month => PartialDate::month(year, month),
        Period::Quarter => PartialDate::quarter(year, (month - 1) / 3 + 1),
        Period::Year => PartialDate::year(year),
    }
    .map_err(|_| out_of_range(day))
}

/// Totals of one group at every point.
///
/// Open-ended parts (the usual case: capacity that does not stop) are added once at their
/// first point and carried forward by a running sum; parts that stop go into a segment tree
/// over the points, so that each part costs O(log m) and no total is ever subtracted (floating
/// sums would drift, and a stop before the series ends is rare).
#[derive(Debug)]
struct Lane<T: Summable> {
    starts: Vec<Sum<T>>,
    tree: Vec<Sum<T>>,
}

impl<T: Summable> Lane<T> {
    fn new(points: usize) -> Self {
        Self {
            starts: vec![Sum::default(); points],
            tree: Vec::new(),
        }
    }

    fn add(&mut self, (start, stop): (usize, usize), part: &Sum<T>) {
        let m = self.starts.len();
        if start >= stop {
            return;
        }
        if stop >= m {
            if let Some(sum) = self.starts.get_mut(start) {
                sum.merge(part);
            }
            return;
        }
        if self.tree.is_empty() {
            self.tree = vec![Sum::default(); 2 * m];
        }
        // Bottom-up segment tree: leaves at m..2m; a range adds to O(log m) nodes.
        let (mut l, mut r) = (start + m, stop + m);
        while l < r {
            if l % 2 == 1 {
                self.add_node(l, part);
                l += 1;
            }
            if r % 2 == 1 {
                r -= 1;
                self.add_node(r, part);
            }
            l /= 2;
            r /= 2;
        }
    }

    /// Adds another lane's parts (of a later chunk of deployments, over the same points).
    fn merge(&mut self, other: Lane<T>) -> Result<()> {
        for (mine, theirs) in self.starts.iter_mut().zip(&other.starts) {
            mine.merge(theirs);
        }
        if self.tree.is_empty() {
            self.tree = other.tree;
        } else {
            for (mine, theirs) in self.tree.iter_mut().zip(&other.tree) {
                mine.merge(theirs);
            }
        }
        Ok(())
    }

    fn add_node(&mut self, node: usize, part: &Sum<T>) {
        if let Some(sum) = self.tree.get_mut(node) {
            sum.merge(part);
        }
    }

    /// The totals at every point, of amounts like `like`: the running sum of starts plus
    /// each leaf's path to the root.
    fn finish(self, like: T) -> Result<Vec<Total<T>>> {
        let m = self.starts.len();
        let mut running = Sum::default();
        let mut out = Vec::with_capacity(m);
        for (i, start) in self.starts.iter().enumerate() {
            running.merge(start);
            let mut sum = running;
            let mut node = i + m;
            while node >= 1 && !self.tree.is_empty() {
                if let Some(t) = self.tree.get(node) {
                    sum.merge(t);
                }
                node /= 2;
            }
            out.push(sum.total(like)?);
        }
        Ok(out)
    }
}

/// The lanes of a sweep over some deployments: one per group and one for the whole.
struct Sweep<'p, T: Summable> {
    lanes: Groups<Key, Lane<T>>,
    all: Lane<T>,
    overlapping: bool,
    excluded: usize,
    points: &'p Points,
    /// The points the scope last opened counts at, and its keys.
    range: (usize, usize),
    keys: Vec<Key>,
}

impl<'p, T: Summable> Sweep<'p, T> {
    fn new(points: &'p Points) -> Self {
        Self {
            lanes: Groups::new(),
            all: Lane::new(points.days.len()),
            overlapping: false,
            excluded: 0,
            points,
            range: (0, 0),
            keys: Vec::new(),
        }
    }

    /// Adds the sweep of a later chunk of deployments.
    fn merge(&mut self, other: Sweep<'p, T>) -> Result<()> {
        self.all.merge(other.all)?;
        self.overlapping |= other.overlapping;
        self.excluded += other.excluded;
        self.lanes.merge_from(other.lanes, Lane::merge)
    }
}

/// A series' pass, reduced chunk by chunk into sweeps.
struct Sweeps<'w, 'q, 'r, 'p, M> {
    walk: &'w Walk<'q, 'r, M>,
    points: &'p Points,
}

impl<'p, M: Measure> parallel::Reduce for Sweeps<'_, '_, '_, 'p, M> {
    type Part = Sweep<'p, M::Value>;

    fn make(&self) -> Self::Part {
        Sweep::new(self.points)
    }

    fn run(&self, sweep: &mut Self::Part, chunk: std::ops::Range<usize>) -> Result<()> {
        sweep.excluded = self.walk.run_over(chunk, sweep)?;
        Ok(())
    }

    fn merge(&self, folded: &mut Self::Part, later: &mut Self::Part) -> Result<()> {
        folded.merge(std::mem::replace(later, Sweep::new(self.points)))
    }
}

impl<T: Summable> Sink<T> for Sweep<'_, T> {
    fn open(&mut self, keys: &[Key], window: Window) {
        self.range = self.points.range(window);
        self.overlapping |= keys.len() > 1;
        self.keys.clear();
        self.keys.extend_from_slice(keys);
    }

    /// Places parts on the points they count at, in their groups and the whole.
    fn add(&mut self, parts: &Tally<T>) {
        let m = self.points.days.len();
        self.all.add(self.range, &parts.sum);
        for key in &self.keys {
            if let Some(lane) = self.lanes.entry(*key, || Lane::new(m)) {
                lane.add(self.range, &parts.sum);
            }
        }
    }
}

/// One group's totals at each point of a [`Series`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::{Deployments, GroupKey, Period, Points, Query, Scenario};
/// # let registry = sovereign_compute::registry::Registry::builder().build()?;
/// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let points = Points::new(Period::Year, day, day)?;
/// let series = Query::new().group_by(GroupKey::HostCountry).series(&registry, Deployments, Scenario::Committed, &points)?;
/// for row in series.rows() {
///     assert_eq!(row.values.len(), 1);
/// }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SeriesRow<T> {
    /// The row's group for each key of the query.
    pub groups: Vec<Group>,
    /// The total at each point; a total with no parts means nothing counted on that day.
    pub values: Vec<Total<T>>,
}

/// Totals per group at each point of a [`Points`] run, under a [`Scenario`]; see
/// [`Query::series`].
///
/// `Display` writes a title line (the measure, the keys grouped by, the scenario and the
/// query's filters after "where"), then one line per point with each group's central value
/// and the total's; a `*` marks a value with unknown parts. The series serializes (feature
/// `serde`) and writes CSV (feature `csv`, `write_csv`) in long form, one
/// record per group and point: see [Results out](super#results-out).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::{Deployments, GroupKey, Period, Points, Query, Scenario};
/// use sovereign_compute::model::{Deployment, Phase, Status};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let registry = Registry::builder()
///     .deployment(Deployment::new("a", "A", Country::FR)
///         .with_phase(Phase::new("p", Status::Planned).with_online("2026")))
///     .deployment(Deployment::new("b", "B", Country::DE)
///         .with_phase(Phase::new("p", Status::Planned).with_online("2027-03")))
///     .build()?;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let points = Points::new(Period::Year, day(2025, 1, 1), day(2027, 1, 1))?;
/// let series = Query::new()
///     .group_by(GroupKey::HostCountry)
///     .series(&registry, Deployments, Scenario::Committed, &points)?;
/// assert_eq!(series.to_string(), "\
/// deployments by host country, committed
/// date  DE  FR  total
/// 2025   0   0      0
/// 2026   0   1      1
/// 2027   1   1      2
/// ");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Series<M: Measure> {
    measure: M,
    scenario: Scenario,
    filters: Vec<Filter>,
    keys: Vec<GroupKey>,
    points: Points,
    rows: Vec<SeriesRow<M::Value>>,
    total: Vec<Total<M::Value>>,
    excluded: usize,
    overlapping: bool,
}

impl<M: Measure> Series<M> {
    pub(crate) fn sweep(
        registry: &Registry,
        query: &Query,
        measure: M,
        scenario: Scenario,
        points: &Points,
    ) -> Result<Self> {
        measure.check(registry.index())?;
        let walk = Walk::new(registry, query, &measure, Some(scenario));
        let like = measure.one();
        // Each chunk of deployments into its own lanes, on the machine's cores; merged in
        // chunk order, so that the sums do not depend on the number of threads.
        let Sweep {
            lanes,
            all,
            overlapping,
            excluded,
            ..
        } = parallel::reduce_chunks(
            registry.deployments().len(),
            query.max_threads(),
            &Sweeps {
                walk: &walk,
                points,
            },
        )?;
        let keys = query.keys().to_vec();
        let mut rows = lanes
            .into_entries()
            .into_iter()
            .map(|(key, lane)| {
                Ok(SeriesRow {
                    groups: groups_of(&key, walk.dims(), registry),
                    values: lane.finish(like)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        rows.sort_by(|a, b| a.groups.cmp(&b.groups));
        Ok(Self {
            measure,
            scenario,
            filters: query.filters().to_vec(),
            keys,
            points: points.clone(),
            rows,
            total: all.finish(like)?,
            excluded,
            overlapping,
        })
    }

    /// The measure.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.measure(), &Gpus);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn measure(&self) -> &M {
        &self.measure
    }

    /// The scenario.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Optimistic, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.scenario(), Scenario::Optimistic);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn scenario(&self) -> Scenario {
        self.scenario
    }

    /// The keys grouped by, in order.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, GroupKey, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().group_by(GroupKey::Status)
    ///     .series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.keys(), [GroupKey::Status]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn keys(&self) -> &[GroupKey] {
        &self.keys
    }

    /// The query's filters, all of which hold for every part counted; the title line of the
    /// printed series names them after the scenario.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Filter, Gpus, Period, Points, Query, Scenario};
    /// use sovereign_compute::model::Status;
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let operational = Filter::Status(vec![Status::Operational]);
    /// let s = Query::new().filter(operational.clone())
    ///     .series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.filters(), [operational]);
    /// assert!(s.to_string().starts_with("GPUs, committed, where status operational\n"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn filters(&self) -> &[Filter] {
        &self.filters
    }

    /// The points.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let points = Points::new(Period::Year, day, day)?;
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &points)?;
    /// assert_eq!(s.points(), &points);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn points(&self) -> &Points {
        &self.points
    }

    /// The groups' rows, in group order.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert!(s.rows().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn rows(&self) -> &[SeriesRow<M::Value>] {
        &self.rows
    }

    /// The row with these groups (one per key); for a series grouped by one key,
    /// [`row`](Self::row) takes the group's value.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Group, GroupKey, Period, Points, Query, Scenario};
    /// use sovereign_compute::Country;
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().group_by(GroupKey::HostCountry)
    ///     .series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert!(s.get(&[Group::Country(Country::FR)]).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn get(&self, groups: &[Group]) -> Option<&SeriesRow<M::Value>> {
        self.rows.iter().find(|r| r.groups == groups)
    }

    /// The row of a series grouped by one key whose group is `group` (a country, a status,
    /// ... or any [`Group`]); `None` when nothing selected is in that group, and for a series
    /// grouped by two keys (use [`get`](Self::get)).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Period, Points, Query, Scenario};
    /// use sovereign_compute::model::{Deployment, Phase, Status};
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR)
    ///         .with_phase(Phase::new("p", Status::Planned).with_online("2026")))
    ///     .build()?;
    /// let points = Points::new(Period::Year, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())?;
    /// let series = Query::new().group_by(GroupKey::HostCountry)
    ///     .series(&registry, Deployments, Scenario::Committed, &points)?;
    /// let fr: Vec<_> = series.row(Country::FR).unwrap().values.iter().map(|t| t.central()).collect();
    /// assert_eq!(fr, [None, Some(1)]); // nothing counted in 2025
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn row(&self, group: impl Into<Group>) -> Option<&SeriesRow<M::Value>> {
        let group = group.into();
        self.rows
            .iter()
            .find(|r| r.groups.len() == 1 && r.groups.first() == Some(&group))
    }

    /// The total at each point, each part counted once.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.total()[0].parts(), 0); // nothing counts
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn total(&self) -> &[Total<M::Value>] {
        &self.total
    }

    /// How many deployments were left out as double-counted (see
    /// [`excluded`](super::excluded)).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert_eq!(s.excluded(), 0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn excluded(&self) -> usize {
        self.excluded
    }

    /// Whether some part fell in more than one group.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Committed, &Points::new(Period::Year, day, day)?)?;
    /// assert!(!s.overlapping());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn overlapping(&self) -> bool {
        self.overlapping
    }

    fn cell(&self, total: &Total<M::Value>) -> String {
        let Some(central) = total.central() else {
            return if total.parts() == 0 { "0" } else { "unknown" }.to_owned();
        };
        let mark = if total.unknown_parts() > 0 { "*" } else { "" };
        format!("{}{mark}", self.measure.cell(&central))
    }
}

impl<M: Measure> fmt::Display for Series<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = title(
            &self.measure,
            &self.keys,
            Some(self.scenario),
            &self.filters,
        );
        writeln!(f, "{title}")?;
        let mut header = vec!["date".to_owned()];
        header.extend(self.rows.iter().map(|r| {
            r.groups
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" / ")
        }));
        header.push("total".to_owned());
        let mut lines = vec![header];
        for (i, period) in self.points.periods.iter().enumerate() {
            let mut line = vec![period.to_string()];
            for row in &self.rows {
                line.push(row.values.get(i).map_or_else(String::new, |t| self.cell(t)));
            }
            line.push(self.total.get(i).map_or_else(String::new, |t| self.cell(t)));
            lines.push(line);
        }
        write_columns(f, &lines, 1)?;
        let unknown = self.total.iter().any(|t| t.unknown_parts() > 0);
        if unknown {
            writeln!(
                f,
                "* central value of the known parts; some parts are unknown"
            )?;
        }
        write_notes(f, self.excluded, self.overlapping, 0)
    }
}

#[cfg(all(test, feature = "dataset"))]
mod tests {
    use chrono::NaiveDate;

    use super::super::measure::sealed::Sealed;
    use super::super::parallel::CHUNK;
    use super::super::{Gpus, Period};
    use super::*;

    #[test]
    fn a_sweep_split_into_chunks_equals_the_plain_loop() {
        let registry = crate::synthetic::registry(2 * CHUNK + 1_000, 5).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let points = Points::new(Period::Quarter, day(2023, 1, 1), day(2029, 12, 31)).unwrap();
        let query = Query::new().group_by(GroupKey::HostCountry);
        for scenario in [Scenario::Committed, Scenario::Optimistic] {
            let series = query.series(&registry, Gpus, scenario, &points).unwrap();
            // The plain loop: one set of lanes over every deployment, on this thread.
            let walk = Walk::new(&registry, &query, &Gpus, Some(scenario));
            let mut plain = Sweep::new(&points);
            plain.excluded = walk.run(&mut plain).unwrap();
            let Sweep {
                lanes,
                all,
                excluded,
                ..
            } = plain;
            assert_eq!(series.excluded, excluded);
            let like = Gpus.one();
            assert_eq!(series.total(), all.finish(like).unwrap().as_slice());
            let mut rows: Vec<_> = lanes
                .into_entries()
                .into_iter()
                .map(|(key, lane)| {
                    (
                        groups_of(&key, walk.dims(), &registry),
                        lane.finish(like).unwrap(),
                    )
                })
                .collect();
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(series.rows().len(), rows.len());
            assert!(rows.len() > 10);
            for (row, (groups, values)) in series.rows().iter().zip(&rows) {
                assert_eq!(&row.groups, groups);
                assert_eq!(&row.values, values);
            }
            // Something is counted at the last point.
            let last = series.total().last().and_then(Total::central);
            assert!(last.is_some_and(|gpus| gpus.count() > 0), "{last:?}");
        }
    }
}
