//! Results of a grouped query: a [`Table`] of [`Row`]s, each a [`Total`] with its [`Routes`].

use std::cmp::Ordering;
use std::fmt;

use super::Group;
use super::dimension::{Dim, GroupKey, Key};
use super::hashing::Groups;
use super::measure::{Measure, Route, Routes};
use super::walk::Item;
use crate::Result;
use crate::estimate::{Amount, Estimate, Part, Total};
use crate::registry::Registry;

/// A total being built, with the routes its parts took.
#[derive(Debug, Clone)]
pub(crate) struct Tally<T> {
    pub(crate) total: Total<T>,
    pub(crate) routes: Routes,
}

impl<T> Default for Tally<T> {
    fn default() -> Self {
        Self {
            total: Total::default(),
            routes: Routes::default(),
        }
    }
}

impl<T: Amount> Tally<T> {
    pub(crate) fn add(&mut self, part: Part<T>, route: Route) -> Result<()> {
        add_part(&mut self.total, part)?;
        self.routes.add(route);
        Ok(())
    }

    fn merge(&mut self, other: &Tally<T>) -> Result<()> {
        self.total.merge(&other.total)?;
        self.routes.merge(other.routes);
        Ok(())
    }
}

/// Adds a part to a total: its bounds and central value, or one unknown part.
pub(crate) fn add_part<T: Amount>(total: &mut Total<T>, part: Part<T>) -> Result<()> {
    match part {
        Some((bounds, central)) => total.add_known(bounds, central),
        None => total.add(&Estimate::unknown()),
    }
}

/// Collects a walk's items into per-key tallies and the whole.
#[derive(Debug)]
pub(crate) struct Collector<T> {
    pub(crate) groups: Groups<Key, Tally<T>>,
    pub(crate) all: Tally<T>,
    pub(crate) overlapping: bool,
}

impl<T: Amount> Collector<T> {
    pub(crate) fn new() -> Self {
        Self {
            groups: Groups::new(),
            all: Tally::default(),
            overlapping: false,
        }
    }

    pub(crate) fn add(&mut self, item: Item<'_, T>) -> Result<()> {
        self.all.add(item.part, item.route)?;
        self.overlapping |= item.keys.len() > 1;
        for key in item.keys {
            if let Some(tally) = self.groups.entry(*key, Tally::default) {
                tally.add(item.part, item.route)?;
            }
        }
        Ok(())
    }
}

impl<T: Amount> Collector<T> {
    /// Adds another collector's tallies (of a later chunk of deployments) to these.
    ///
    /// # Errors
    /// Overflow.
    pub(crate) fn merge(&mut self, other: Collector<T>) -> Result<()> {
        self.all.merge(&other.all)?;
        self.overlapping |= other.overlapping;
        self.groups
            .merge_from(other.groups, |mine, theirs| mine.merge(&theirs))
    }
}

/// The groups of an internal key, one per query key.
pub(crate) fn groups_of(key: &Key, dims: &[Dim], registry: &Registry) -> Vec<Group> {
    dims.iter()
        .zip(key)
        .map(|(dim, &code)| dim.group(registry, code))
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
pub struct Row<T> {
    /// The row's group for each key of the query, in key order.
    pub groups: Vec<Group>,
    /// The sum of the row's parts: lower, central and upper values, unknown parts.
    pub total: Total<T>,
    /// How the parts were obtained.
    pub routes: Routes,
}

/// The result of a [`Query`](super::Query): one row per group, in group order, and the
/// total of everything selected.
///
/// The total counts each part once. When the groups [overlap](Self::overlapping) (a
/// deployment with two operators, a phase with two kinds of hardware counted by
/// [`Phases`](super::Phases)), a part counts in each of its groups and the rows add up to
/// more than the total. Shares are of the total's central value.
///
/// `Display` writes an aligned text table; `{:#}` also writes the lower and upper bounds
/// and the routes.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
/// use sovereign_compute::model::{Deployment, Phase, Status};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let registry = Registry::builder()
///     .deployment(Deployment::new("a".parse()?, "A", Country::FR).with_phase(Phase::new("p", Status::Planned)))
///     .deployment(Deployment::new("b".parse()?, "B", Country::FR))
///     .deployment(Deployment::new("c".parse()?, "C", Country::DE))
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
        dims: &[Dim],
        registry: &Registry,
        collector: Collector<M::Value>,
        excluded: usize,
    ) -> Self {
        let keys: Vec<GroupKey> = dims.iter().map(|d| d.key.clone()).collect();
        let mut rows: Vec<Row<M::Value>> = collector
            .groups
            .into_entries()
            .into_iter()
            .map(|(key, tally)| Row {
                groups: groups_of(&key, dims, registry),
                total: tally.total,
                routes: tally.routes,
            })
            .collect();
        rows.sort_by(|a, b| a.groups.cmp(&b.groups));
        Self {
            measure,
            keys,
            rows,
            all: Row {
                groups: Vec::new(),
                total: collector.all.total,
                routes: collector.all.routes,
            },
            excluded,
            overlapping: collector.overlapping,
            omitted: 0,
        }
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

    /// The row with these groups (one per key).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Group, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a".parse()?, "A", Country::FR)).build()?;
    /// let t = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?;
    /// assert_eq!(t.get(&[Group::Country(Country::FR)]).and_then(|r| r.total.central()), Some(1));
    /// assert!(t.get(&[Group::Country(Country::DE)]).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn get(&self, groups: &[Group]) -> Option<&Row<M::Value>> {
        self.rows.iter().find(|r| r.groups == groups)
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
    ///     .deployment(Deployment::new("a".parse()?, "A", Country::FR))
    ///     .deployment(Deployment::new("b".parse()?, "B", Country::DE))
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
    ///     .deployment(Deployment::new("a".parse()?, "A", Country::FR))
    ///     .deployment(Deployment::new("b".parse()?, "B", Country::DE))
    ///     .deployment(Deployment::new("c".parse()?, "C", Country::DE))
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

/// "GPUs by host country and status".
pub(crate) fn title(measure: &impl fmt::Display, keys: &[GroupKey]) -> String {
    let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
    if keys.is_empty() {
        measure.to_string()
    } else {
        format!("{measure} by {}", keys.join(" and "))
    }
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

/// An aligned text table: a title line, a header, one line per row and the total, then
/// notes. `{:#}` adds a column with the routes of each row's parts.
impl<M: Measure> fmt::Display for Table<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", title(&self.measure, &self.keys))?;
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
