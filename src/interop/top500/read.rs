//! Reading a TOP500 list.

use std::io;

use super::col::*;
use super::{BENCHMARK_DRAW, KEPT, RMAX_FORMAT, RPEAK_FORMAT, TABLE};
use crate::estimate::Estimate;
use crate::interop::assemble::{Assembly, Format, import};
use crate::interop::table::{Columns, Row};
use crate::interop::{ImportOptions, ImportReport, notes};
use crate::model::{
    Deployment, FormatReading, HardwareLine, OrganisationKind, Participation, Phase, Purpose, Role,
    Site, Source, Sourced, StatedCompute, Status,
};
use crate::units::{ComputeFormat, ComputeRate, Power};
use crate::{PartialDate, Result};

/// The Rmax headers of the editions, with the factor from their unit to FLOP/s: the unit-less
/// `Rmax` of older editions is GFlop/s.
const RMAX_GFLOPS: &str = "Rmax [GFlop/s]";
const RMAX_OLD: &str = "Rmax";
const RMAX_HEADERS: [(&str, f64); 3] = [(RMAX, 1e12), (RMAX_GFLOPS, 1e9), (RMAX_OLD, 1e9)];
const RPEAK_HEADERS: [(&str, f64); 3] = [(RPEAK, 1e12), ("Rpeak [GFlop/s]", 1e9), ("Rpeak", 1e9)];
/// Power is in kW in every edition that has it.
const POWER_HEADERS: [&str; 2] = [POWER, "Power"];

/// Which of the editions' columns this table has.
#[derive(Debug)]
struct Layout {
    key: &'static str,
    key_prefix: &'static str,
    rmax: Option<(&'static str, f64)>,
    rpeak: Option<(&'static str, f64)>,
    power: Option<&'static str>,
}

impl Layout {
    fn new(columns: &Columns) -> Self {
        let (key, key_prefix) = if columns.has(SYSTEM_ID) {
            (SYSTEM_ID, "top500-")
        } else {
            (RANK, "top500-rank-")
        };
        let find = |headers: [(&'static str, f64); 3]| {
            headers.into_iter().find(|(name, _)| columns.has(name))
        };
        Self {
            key,
            key_prefix,
            rmax: find(RMAX_HEADERS),
            rpeak: find(RPEAK_HEADERS),
            power: columns.first_of(&POWER_HEADERS),
        }
    }
}

/// The source an import cites unless the options give another.
fn default_source() -> Result<Source> {
    Ok(Source::new("top500", "TOP500 list")
        .with_publisher("TOP500")
        .with_url("https://top500.org/lists/top500/"))
}

/// Reads a TOP500 list into a registry: one deployment per system (see the
/// [module docs](super)).
///
/// Columns are found by name; `Country`, an Rmax column and `System ID` (or, in editions
/// without it, `Rank`) are required. A row is left out (and reported) when its key is empty
/// or repeats an earlier row's, its country is unknown, or its cells are shifted. An
/// unreadable number or year is reported and left out of an otherwise imported row (without
/// a year, the online date is unknown).
///
/// # Errors
/// [`Error::Table`](crate::Error::Table): a missing required column or an I/O error, or, in
/// [strict](crate::interop::Mode::Strict) mode, every row problem.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
/// use sovereign_compute::Country;
///
/// // An older edition: Rmax and Rpeak in GFlop/s, no System ID.
/// let csv = "Rank,Site,Computer,Country,Year,Rmax,Rpeak\n\
///            1,RIKEN,K computer,Japan,2011,8162000,8773630\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// let k = report.registry.deployment(&"top500-rank-1".parse()?).unwrap();
/// assert_eq!((k.name.as_str(), k.host), ("K computer", Some(Country::JP)));
/// let rmax = k.phases[0].compute.as_ref().unwrap();
/// assert_eq!(rmax.rate.value.to_string(), "8.162 PFLOP/s");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn read<R: io::Read>(reader: R, options: &ImportOptions) -> Result<ImportReport> {
    import(reader, options, &FORMAT, Layout::new, read_row)
}

const FORMAT: Format = Format {
    required: &[
        &[COUNTRY],
        &[RMAX, RMAX_GFLOPS, RMAX_OLD],
        &[SYSTEM_ID, RANK],
    ],
    source: default_source,
    field_column: super::field_column,
};

fn read_row(row: &mut Row<'_>, a: &mut Assembly, layout: &Layout) -> Result<Option<Deployment>> {
    let Some(key) = row.cell(layout.key) else {
        row.skip(
            layout.key,
            "a system needs a key to be told apart from the others",
        );
        return Ok(None);
    };
    let (id, new) = a.keyed_deployment_id(key, layout.key_prefix)?;
    if !new {
        row.skip(
            layout.key,
            "an earlier row has the same key; a system is listed once",
        );
        return Ok(None);
    }
    let Some(host) = row.country(COUNTRY) else {
        return Ok(None);
    };
    // Many systems have no name; TOP500 then names them by their computer.
    let name = row
        .cell(NAME)
        .or_else(|| row.cell(COMPUTER))
        .map_or_else(|| format!("TOP500 system {key}"), str::to_owned);
    let mut d = Deployment::new(id, name, host).with_purpose(Purpose::Hpc);
    if let Some(site) = row.cell(SITE) {
        d.site = Some(Site {
            name: Some(site.to_owned()),
            ..Site::default()
        });
        let kind = segment_kind(row.cell(SEGMENT));
        d.organisations.push(Participation::new(
            a.organisation(site, kind)?,
            Role::Operator,
        ));
    }
    if let Some(maker) = row.cell(MANUFACTURER) {
        let id = a.organisation(maker, OrganisationKind::HardwareVendor)?;
        d.organisations
            .push(Participation::new(id, Role::HardwareVendor));
    }
    d.sources = vec![a.dataset()];
    d.note = notes::compose([], &row.tags(TABLE, KEPT));
    d.phases.push(phase(row, a, layout));
    Ok(Some(d))
}

/// The operator's kind from the list's `Segment`.
fn segment_kind(segment: Option<&str>) -> OrganisationKind {
    match segment.map(str::to_lowercase).as_deref() {
        Some("research" | "academic") => OrganisationKind::ResearchCentre,
        Some("government") => OrganisationKind::GovernmentBody,
        Some("vendor") => OrganisationKind::HardwareVendor,
        _ => OrganisationKind::Enterprise,
    }
}

fn phase(row: &mut Row<'_>, a: &Assembly, layout: &Layout) -> Phase {
    let mut phase = Phase::new("system", Status::Operational);
    phase.dates.online = year(row);
    if let Some(accelerator) = row
        .cell(ACCELERATOR)
        .filter(|s| !s.eq_ignore_ascii_case("none"))
    {
        // TOP500 gives no accelerator count (Total Cores mixes CPU cores and GPU units).
        let count = Sourced::new(Estimate::unknown())
            .with_citation(a.dataset())
            .with_note("TOP500 gives no accelerator count");
        phase.hardware.push(HardwareLine::new(
            a.hardware(row, ACCELERATOR, accelerator),
            count,
        ));
    }
    phase.compute = compute(row, a, layout).map(Box::new);
    phase.power = power(row, a, layout).map(Box::new);
    phase
}

/// The year of installation, as a year.
fn year(row: &mut Row<'_>) -> Option<PartialDate> {
    let year = row.count(YEAR)?;
    match i32::try_from(year).map(PartialDate::year) {
        Ok(Ok(date)) => Some(date),
        _ => {
            row.ignore(YEAR, "not a year from 1900 to 2200");
            None
        }
    }
}

/// A rate in FLOP/s from a column in the unit `factor` converts from.
fn rate(row: &mut Row<'_>, (column, factor): (&str, f64)) -> Option<ComputeRate> {
    let value = row.number(column)?;
    match ComputeRate::from_base(value * factor) {
        Ok(rate) => Some(rate),
        Err(e) => {
            row.ignore(column, e.to_string());
            None
        }
    }
}

/// Rmax as the stated compute (measured FP64 HPL), with Rpeak in its note; Rpeak as the
/// stated compute (FP64 peak) when there is no Rmax.
fn compute(row: &mut Row<'_>, a: &Assembly, layout: &Layout) -> Option<StatedCompute> {
    let rmax = layout.rmax.and_then(|c| rate(row, c));
    let rpeak = layout.rpeak.and_then(|c| rate(row, c));
    let stated = |rate: ComputeRate, format: ComputeFormat| StatedCompute {
        rate: Sourced::new(Estimate::exact(rate)).with_citation(a.dataset()),
        format: FormatReading::Stated(format),
    };
    match (rmax, rpeak) {
        (Some(rmax), rpeak) => {
            let mut compute = stated(rmax, RMAX_FORMAT);
            let kept: Vec<(String, String)> = rpeak
                .map(|r| {
                    // In TFlop/s, the shortest decimal that reads back exactly (a GFlop/s
                    // figure may have none: then the nearest, within a unit in the last place).
                    let table = crate::interop::table::in_unit(r.base_value(), 1e12);
                    let tflops = crate::interop::table::write_number(table.value());
                    (notes::key(TABLE, RPEAK), tflops)
                })
                .into_iter()
                .collect();
            compute.rate.note = notes::compose([], &kept);
            Some(compute)
        }
        (None, Some(rpeak)) => Some(stated(rpeak, RPEAK_FORMAT)),
        (None, None) => None,
    }
}

/// The benchmark draw in kW, marked as such.
fn power(row: &mut Row<'_>, a: &Assembly, layout: &Layout) -> Option<Sourced<Estimate<Power>>> {
    let column = layout.power?;
    let kw = row.number(column)?;
    match Power::from_base(kw * 1e3) {
        Ok(power) => Some(
            Sourced::new(Estimate::exact(power))
                .with_citation(a.dataset())
                .with_note(format!(
                    "{BENCHMARK_DRAW}: average power during the HPL run, not facility capacity"
                )),
        ),
        Err(e) => {
            row.ignore(column, e.to_string());
            None
        }
    }
}
