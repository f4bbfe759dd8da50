//! Results out: a [`Table`] or [`Series`] as flat records, the rows of its `Serialize` form
//! (feature `serde`) and of its CSV (feature `csv`). One function lays the records out, so
//! the JSON and the CSV have the same columns and the same numbers.

use super::filter::Filter;
use super::measure::Measure;
use super::sum::{Number, Summable};
use super::table::{Row, Table, share};
use super::timeline::Series;
use super::{GroupKey, Scenario};
use crate::estimate::Total;

/// One cell of a record.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Number(Number),
    Bool(bool),
    /// Nothing known: an empty CSV cell, `null` in JSON.
    Empty,
}

impl Cell {
    /// The cell as CSV text: numbers as their shortest round-trip digits (`1.44e18`).
    #[cfg(feature = "csv")]
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(Number::Whole(n)) => n.to_string(),
            Cell::Number(Number::Real(x)) => ryu::Buffer::new().format(*x).to_owned(),
            Cell::Bool(b) => b.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(s) => serializer.serialize_str(s),
            Cell::Number(Number::Whole(n)) => serializer.serialize_u64(*n),
            Cell::Number(Number::Real(x)) => serializer.serialize_f64(*x),
            Cell::Bool(b) => serializer.serialize_bool(*b),
            Cell::Empty => serializer.serialize_none(),
        }
    }
}

/// Records with the same columns: the rows of a result.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Records {
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// One record of [`Records`], serialized as a map from column to cell.
#[cfg(feature = "serde")]
pub(crate) struct Record<'r> {
    columns: &'r [String],
    cells: &'r [Cell],
}

#[cfg(feature = "serde")]
impl serde::Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.cells.len()))?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(column, cell)?;
        }
        map.end()
    }
}

/// A list of records, serialized as a sequence of maps.
#[cfg(feature = "serde")]
pub(crate) struct RecordList<'r> {
    columns: &'r [String],
    rows: &'r [Vec<Cell>],
}

#[cfg(feature = "serde")]
impl serde::Serialize for RecordList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows.iter().map(|cells| Record {
            columns: self.columns,
            cells,
        }))
    }
}

impl Records {
    /// The records from `from` on, as a serializable list.
    #[cfg(feature = "serde")]
    pub(crate) fn list(&self, rows: std::ops::Range<usize>) -> RecordList<'_> {
        RecordList {
            columns: &self.columns,
            rows: self.rows.get(rows).unwrap_or_default(),
        }
    }

    /// Writes the header and the records as CSV, with the metadata columns (`measure`,
    /// `filters`, `scenario`) after the others, the same on every row.
    #[cfg(feature = "csv")]
    pub(crate) fn write_csv<W: std::io::Write>(
        &self,
        writer: W,
        meta: &Meta,
    ) -> std::io::Result<()> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(writer);
        let meta_cells = meta.cells();
        let header = self.columns.iter().map(String::as_str).chain(META_COLUMNS);
        out.write_record(header)?;
        for row in &self.rows {
            let cells = row.iter().chain(&meta_cells).map(Cell::text);
            out.write_record(cells)?;
        }
        out.flush()?;
        Ok(())
    }
}

/// The columns every CSV row ends with.
#[cfg(feature = "csv")]
const META_COLUMNS: [&str; 3] = ["measure", "filters", "scenario"];

/// What a result was a question about: the measure, the query's filters and the scenario.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meta {
    pub(crate) measure: String,
    pub(crate) unit: &'static str,
    pub(crate) keys: Vec<String>,
    pub(crate) filters: Vec<String>,
    pub(crate) scenario: Option<Scenario>,
}

impl Meta {
    fn new<M: Measure>(
        measure: &M,
        keys: &[GroupKey],
        filters: &[Filter],
        scenario: Option<Scenario>,
    ) -> Self {
        Self {
            measure: measure.to_string(),
            unit: measure.unit(),
            keys: keys.iter().map(ToString::to_string).collect(),
            filters: filters.iter().map(ToString::to_string).collect(),
            scenario,
        }
    }

    #[cfg(feature = "csv")]
    fn cells(&self) -> [Cell; 3] {
        [
            Cell::Text(self.measure.clone()),
            Cell::Text(self.filters.join(" and ")),
            self.scenario
                .map_or(Cell::Empty, |s| Cell::Text(s.to_string())),
        ]
    }
}

/// The key columns: each key's name in snake case, a repeated name numbered (`status_2`).
fn key_columns(keys: &[GroupKey]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys {
        let name = crate::text::snake(&key.to_string());
        let mut column = name.clone();
        let mut n = 1;
        while columns.contains(&column) {
            n += 1;
            column = format!("{name}_{n}");
        }
        columns.push(column);
    }
    columns
}

/// The value columns of a measure: `{prefix}_lower`, `_central`, `_upper`, then the parts.
fn value_columns(prefix: &str) -> impl Iterator<Item = String> {
    ["lower", "central", "upper"]
        .into_iter()
        .map(move |bound| format!("{prefix}_{bound}"))
        .chain(["parts", "unknown_parts"].map(String::from))
}

/// The bounds of a total, then its parts: zeros for a total of no parts (nothing counted),
/// empty cells for bounds no part gives.
fn value_cells<T: Summable>(total: &Total<T>, like: T, out: &mut Vec<Cell>) {
    let number = |v: Option<T>| v.map_or(Cell::Empty, |v| Cell::Number(v.number()));
    if total.parts() == 0 {
        let zero = Cell::Number(like.zero_like().number());
        out.extend([zero.clone(), zero.clone(), zero]);
    } else {
        out.push(number(total.lower()));
        out.push(number(total.central()));
        out.push(number(total.upper()));
    }
    out.push(Cell::Number(Number::Whole(total.parts() as u64)));
    out.push(Cell::Number(Number::Whole(total.unknown_parts() as u64)));
}

/// A row's groups as cells, or empty cells for the total.
fn group_cells(groups: &[super::Group], keys: usize, out: &mut Vec<Cell>) {
    if groups.is_empty() {
        out.extend(std::iter::repeat_n(Cell::Empty, keys));
    } else {
        out.extend(groups.iter().map(|g| Cell::Text(g.to_string())));
    }
}

impl<M: Measure> Table<M> {
    /// What the table is about.
    pub(crate) fn meta(&self) -> Meta {
        Meta::new(self.measure(), self.keys(), self.filters(), self.scenario())
    }

    /// The group rows, then the total's.
    pub(crate) fn records(&self) -> Records {
        let keys = self.keys().len();
        let mut columns = key_columns(self.keys());
        columns.push("is_total".to_owned());
        columns.extend(value_columns(&self.measure().column()));
        columns
            .extend(["stated_parts", "assumed_parts", "derived_parts", "share"].map(String::from));
        let like = self.measure().one();
        let record = |row: &Row<M::Value>, is_total: bool| {
            let mut cells = Vec::with_capacity(columns.len());
            group_cells(&row.groups, keys, &mut cells);
            cells.push(Cell::Bool(is_total));
            value_cells(&row.total, like, &mut cells);
            let routes = row.routes;
            for n in [routes.stated, routes.assumed, routes.derived] {
                cells.push(Cell::Number(Number::Whole(n as u64)));
            }
            cells.push(
                share(&row.total, self.total())
                    .map_or(Cell::Empty, |s| Cell::Number(Number::Real(s))),
            );
            cells
        };
        let mut rows: Vec<Vec<Cell>> = self.rows().iter().map(|r| record(r, false)).collect();
        rows.push(record(self.total_row(), true));
        Records { columns, rows }
    }
}

impl<M: Measure> Series<M> {
    /// What the series is about.
    pub(crate) fn meta(&self) -> Meta {
        Meta::new(
            self.measure(),
            self.keys(),
            self.filters(),
            Some(self.scenario()),
        )
    }

    /// One record per group and point (group by group, in date order), then the total's at
    /// each point.
    pub(crate) fn records(&self) -> Records {
        let keys = self.keys().len();
        let mut columns = vec!["period".to_owned(), "date".to_owned()];
        columns.extend(key_columns(self.keys()));
        columns.push("is_total".to_owned());
        columns.extend(value_columns(&self.measure().column()));
        let like = self.measure().one();
        let points = self.points();
        let mut rows = Vec::new();
        let groups = self
            .rows()
            .iter()
            .map(|r| (r.groups.as_slice(), r.values.as_slice(), false))
            .chain([(&[][..], self.total(), true)]);
        for (groups, values, is_total) in groups {
            for ((period, day), total) in points.periods().iter().zip(points.days()).zip(values) {
                let mut cells = Vec::with_capacity(columns.len());
                cells.push(Cell::Text(period.to_string()));
                cells.push(Cell::Text(day.to_string()));
                group_cells(groups, keys, &mut cells);
                cells.push(Cell::Bool(is_total));
                value_cells(total, like, &mut cells);
                rows.push(cells);
            }
        }
        Records { columns, rows }
    }
}

/// The [`Serialize`](serde::Serialize) form of a table (feature `serde`): what it is about,
/// then its records; see [Results out](super#results-out).
///
/// ```json
/// {"measure": "GPUs", "unit": "GPU", "keys": ["host country"],
///  "filters": ["online at 2026-12-31 (committed)"], "scenario": "committed",
///  "rows": [{"host_country": "FR", "is_total": false, "gpus_lower": 14000, ...}],
///  "total": {"host_country": null, "is_total": true, "gpus_lower": 14000, ...},
///  "excluded": 0, "overlapping": false, "omitted": 0}
/// ```
#[cfg(feature = "serde")]
impl<M: Measure> serde::Serialize for Table<M> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let meta = self.meta();
        let records = self.records();
        let groups = records.rows.len().saturating_sub(1);
        let mut out = serializer.serialize_struct("Table", 10)?;
        out.serialize_field("measure", &meta.measure)?;
        out.serialize_field("unit", meta.unit)?;
        out.serialize_field("keys", &meta.keys)?;
        out.serialize_field("filters", &meta.filters)?;
        out.serialize_field("scenario", &meta.scenario.map(|s| s.to_string()))?;
        out.serialize_field("rows", &records.list(0..groups))?;
        let total = Record {
            columns: &records.columns,
            cells: records.rows.get(groups).map_or(&[][..], Vec::as_slice),
        };
        out.serialize_field("total", &total)?;
        out.serialize_field("excluded", &self.excluded())?;
        out.serialize_field("overlapping", &self.overlapping())?;
        out.serialize_field("omitted", &self.omitted())?;
        out.end()
    }
}

/// The [`Serialize`](serde::Serialize) form of a series (feature `serde`): what it is about,
/// then its records, one per group and point; see [Results out](super#results-out).
///
/// ```json
/// {"measure": "GPUs", "unit": "GPU", "keys": ["host country"], "filters": [],
///  "scenario": "committed", "period": "year",
///  "rows": [{"period": "2026", "date": "2026-12-31", "host_country": "FR", "is_total": false, "gpus_lower": 14000, ...}],
///  "total": [{"period": "2026", "date": "2026-12-31", "host_country": null, "is_total": true, ...}],
///  "excluded": 0, "overlapping": false}
/// ```
#[cfg(feature = "serde")]
impl<M: Measure> serde::Serialize for Series<M> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let meta = self.meta();
        let records = self.records();
        let groups = records.rows.len().saturating_sub(self.total().len());
        let mut out = serializer.serialize_struct("Series", 10)?;
        out.serialize_field("measure", &meta.measure)?;
        out.serialize_field("unit", meta.unit)?;
        out.serialize_field("keys", &meta.keys)?;
        out.serialize_field("filters", &meta.filters)?;
        out.serialize_field("scenario", &meta.scenario.map(|s| s.to_string()))?;
        out.serialize_field("period", &self.points().period().to_string())?;
        out.serialize_field("rows", &records.list(0..groups))?;
        out.serialize_field("total", &records.list(groups..records.rows.len()))?;
        out.serialize_field("excluded", &self.excluded())?;
        out.serialize_field("overlapping", &self.overlapping())?;
        out.end()
    }
}

#[cfg(feature = "csv")]
impl<M: Measure> Table<M> {
    /// Writes the table as CSV (feature `csv`): a header, one record per group, then the
    /// total's (`is_total` true), with the query's measure, filters and scenario in the last
    /// columns of every record; the columns are listed under
    /// [Results out](super#results-out). Numbers are in the unit their column names (GPUs,
    /// FLOP/s, W, a count), as the shortest digits that read back exactly; a bound no part
    /// gives is an empty cell. pandas (`read_csv`) and polars read it without options.
    ///
    /// # Errors
    /// The writer's I/O errors.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use sovereign_compute::analysis::{Filter, Gpus, GroupKey, Query, Scenario};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::{Country, PartialDate};
    ///
    /// let gpus = |phrase| -> sovereign_compute::Result<HardwareLine> {
    ///     Ok(HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse(phrase)?)))
    /// };
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("fr-a", "A", Country::FR).with_phase(
    ///         Phase::new("p1", Status::Planned).with_online("2026-Q2").with_hardware_line(gpus("more than 3,000 GPUs")?)))
    ///     .build()?;
    /// let online = Filter::online_at(PartialDate::year(2026)?, Scenario::Committed);
    /// let table = Query::new().filter(online).group_by(GroupKey::HostCountry).run(&registry, Gpus)?;
    ///
    /// let mut file = Vec::new(); // or std::fs::File::create("gpus.csv")?
    /// table.write_csv(&mut file)?;
    /// assert_eq!(String::from_utf8_lossy(&file), "\
    /// host_country,is_total,gpus_lower,gpus_central,gpus_upper,parts,unknown_parts,stated_parts,assumed_parts,derived_parts,share,measure,filters,scenario
    /// FR,false,3000,3000,,1,0,1,0,0,1.0,GPUs,online at 2026-12-31 (committed),committed
    /// ,true,3000,3000,,1,0,1,0,0,1.0,GPUs,online at 2026-12-31 (committed),committed
    /// ");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        self.records().write_csv(writer, &self.meta())
    }

    /// The table as CSV text, as [`write_csv`](Self::write_csv) writes it (feature `csv`).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    /// let registry = Registry::builder().deployment(Deployment::new("a", "A", Country::FR)).build()?;
    /// let csv = Query::new().group_by(GroupKey::HostCountry).run(&registry, Deployments)?.to_csv();
    /// assert!(csv.starts_with("host_country,is_total,deployments_lower,deployments_central,deployments_upper,"));
    /// assert_eq!(csv.lines().nth(1), Some("FR,false,1,1,1,1,0,1,0,0,1.0,deployments,,"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        csv_text(|out| self.write_csv(out))
    }
}

#[cfg(feature = "csv")]
impl<M: Measure> Series<M> {
    /// Writes the series as CSV (feature `csv`), in long form: a header, one record per
    /// group and point (group by group, in date order), then the total's at each point
    /// (`is_total` true); each record starts with the point's `period` (`2026-Q1`) and
    /// `date` (its last day, when totals are taken), and ends with the query's measure,
    /// filters and scenario. The columns are listed under [Results out](super#results-out);
    /// numbers as in [`Table::write_csv`].
    ///
    /// # Errors
    /// The writer's I/O errors.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Deployments, GroupKey, Period, Points, Query, Scenario};
    /// use sovereign_compute::model::{Deployment, Phase, Status};
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR)
    ///         .with_phase(Phase::new("p", Status::Planned).with_online("2026")))
    ///     .build()?;
    /// let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    /// let points = Points::new(Period::Year, day(2025), day(2026))?;
    /// let series = Query::new().group_by(GroupKey::HostCountry)
    ///     .series(&registry, Deployments, Scenario::Committed, &points)?;
    /// let mut file = Vec::new();
    /// series.write_csv(&mut file)?;
    /// assert_eq!(String::from_utf8_lossy(&file), "\
    /// period,date,host_country,is_total,deployments_lower,deployments_central,deployments_upper,parts,unknown_parts,measure,filters,scenario
    /// 2025,2025-12-31,FR,false,0,0,0,0,0,deployments,,committed
    /// 2026,2026-12-31,FR,false,1,1,1,1,0,deployments,,committed
    /// 2025,2025-12-31,,true,0,0,0,0,0,deployments,,committed
    /// 2026,2026-12-31,,true,1,1,1,1,0,deployments,,committed
    /// ");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        self.records().write_csv(writer, &self.meta())
    }

    /// The series as CSV text, as [`write_csv`](Self::write_csv) writes it (feature `csv`).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Gpus, Period, Points, Query, Scenario};
    /// # let registry = sovereign_compute::registry::Registry::builder().build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let s = Query::new().series(&registry, Gpus, Scenario::Optimistic, &Points::new(Period::Quarter, day, day)?)?;
    /// assert_eq!(s.to_csv().lines().nth(1), Some("2026-Q1,2026-03-31,true,0,0,0,0,0,GPUs,,optimistic"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        csv_text(|out| self.write_csv(out))
    }
}

/// The text a CSV writer writes into memory.
#[cfg(feature = "csv")]
fn csv_text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing into a vector does not fail, and every cell is a Rust string, so the bytes are
    // UTF-8; should either ever fail, the text written so far is returned.
    let _ = write(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::text::snake;

    use super::*;
    use crate::Bloc;

    #[test]
    fn column_names_are_snake_case_and_unique() {
        assert_eq!(snake("FP8 dense peak"), "fp8_dense_peak");
        assert_eq!(snake("FP64 dense HPL-MxP"), "fp64_dense_hpl_mxp");
        assert_eq!(snake("  2:4 sparse  "), "2_4_sparse");
        assert_eq!(snake("--"), "");
        let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap_or_default();
        let keys = [
            GroupKey::HostBloc {
                bloc: Bloc::eu(),
                date: day,
            },
            GroupKey::Status,
            GroupKey::Status,
        ];
        assert_eq!(
            key_columns(&keys),
            ["host_in_eu_on_2025_06_11", "status", "status_2"]
        );
    }
}
