//! Writing a registry as a TOP500 list.

use super::col::*;
use super::{HEADER, KEPT, TABLE, is_benchmark_draw, rmax, rpeak};
use crate::Result;
use crate::interop::export::{hardware_names, kept, organisations, phase_at, row_name, site};
use crate::interop::report::{Export, Sheet};
use crate::interop::table::{write_derived, write_number};
use crate::model::{Deployment, Phase, Role};
use crate::registry::Registry;

/// Writes a registry as a TOP500 list in the June 2025 export's 38 columns, one row per phase.
///
/// Rmax is written from a stated compute that is measured FP64 with HPL, Rpeak from
/// [`rpeak`](super::rpeak), `Power (kW)` only from a [benchmark
/// draw](super::is_benchmark_draw) (a facility's capacity is not one, and is reported as left
/// out), `Year` from the online date, `Country` as its common English name, and the
/// efficiency as Rmax over power. `System ID` is the deployment's ID without its `top500-`
/// prefix, so that every row reads back with the same ID. TOP500 has one row per system, so
/// a deployment of several phases is written as one system per phase (System IDs `<ID>-1`,
/// `<ID>-2`, ...), which reads back as one deployment each. That split, a deployment without
/// phases (no row) and a blank name (read back as another) are reported in the export's
/// problems.
/// Columns kept from a TOP500 import (see
/// [`note_field`](crate::interop::note_field)) are written back; the rest are empty.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{ImportOptions, top500};
///
/// let csv = "Rank,Name,Country,Year,Rmax [TFlop/s],Rpeak [TFlop/s],Power (kW),System ID\n\
///            4,JUPITER Booster,Germany,2025,793400,930000,13088.23,180346\n";
/// let report = top500::read(csv.as_bytes(), &ImportOptions::new())?;
/// let out = top500::write(&report.registry)?;
/// let row = out.csv.lines().nth(1).unwrap();
/// assert!(row.starts_with("4,,,,JUPITER Booster,,,,Germany,2025,,,,793400,930000,,,,13088.23,,60.61"));
/// assert!(row.ends_with(",180346"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn write(registry: &Registry) -> Result<Export> {
    let mut sheet = Sheet::new(HEADER);
    for (i, d) in registry.deployments().iter().enumerate() {
        if d.phases.is_empty() {
            sheet.skipped(
                NAME,
                d.name.clone(),
                "a deployment without phases has no row",
            );
        }
        let several = d.phases.len() > 1;
        if several {
            sheet.left_out(
                SYSTEM_ID,
                d.id.as_str(),
                "TOP500 has one row per system: each phase is written as its own system, with the System ID followed by -1, -2, ... and the phase name after the deployment's; they read back as one deployment each",
            );
        }
        for (k, p) in d.phases.iter().enumerate() {
            if d.name.trim().is_empty() {
                sheet.left_out(
                    NAME,
                    "",
                    "a blank name reads back as the Computer, or as \"TOP500 system <System ID>\"",
                );
            }
            let mut cells = vec![
                (NAME, row_name(d, p)),
                (SITE, site(d.site.as_ref()).to_owned()),
                (
                    MANUFACTURER,
                    organisations(registry, d, Role::HardwareVendor),
                ),
                (COUNTRY, country(d, &mut sheet)),
                (
                    ACCELERATOR,
                    hardware_names(registry, phase_at(registry, i, k))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ];
            cells.extend(kept(d.note.as_deref(), TABLE, KEPT));
            // Distinct keys per phase: the reader refuses a System ID it has already seen.
            cells.extend(system_id(d).map(|id| {
                let key = if several {
                    format!("{id}-{}", k + 1)
                } else {
                    id.to_owned()
                };
                (SYSTEM_ID, key)
            }));
            cells.extend(
                p.dates
                    .online
                    .map(|o| (YEAR, o.calendar_year().to_string())),
            );
            cells.extend(performance(p, &mut sheet));
            sheet.push(cells);
        }
    }
    sheet.finish()
}

/// The `System ID`: what follows `top500-` in the deployment's ID (the list's own key for a
/// deployment read from TOP500), else the whole ID, which reads back as `top500-<ID>`.
fn system_id(d: &Deployment) -> Option<&str> {
    let id = d.id.as_str();
    Some(id.strip_prefix("top500-").unwrap_or(id)).filter(|key| !key.is_empty())
}

/// The country's name; TOP500 gives every system one, so an unknown host is reported.
fn country(d: &Deployment, sheet: &mut Sheet) -> String {
    match d.host {
        Some(c) => c.name().to_owned(),
        None => {
            sheet.left_out(
                COUNTRY,
                "unknown",
                "no source states the host country, and TOP500 lists every system with one",
            );
            String::new()
        }
    }
}

/// Rmax, Rpeak and power in the list's units, each the shortest decimal that reads back
/// exactly, and the efficiency derived from the written numbers.
fn performance(p: &Phase, sheet: &mut Sheet) -> Vec<(&'static str, String)> {
    let mut cells = Vec::new();
    let rmax_tflops = rmax(p).map(|r| sheet.in_unit(RMAX, r.base_value(), 1e12));
    cells.extend(rmax_tflops.map(|r| (RMAX, write_number(r))));
    if let Some(r) = rpeak(p) {
        let tflops = sheet.in_unit(RPEAK, r.rate.base_value(), 1e12);
        cells.push((RPEAK, write_number(tflops)));
    }
    let draw_kw = match &p.power {
        Some(power) if is_benchmark_draw(power) => power
            .value
            .central()
            .map(|w| sheet.in_unit(POWER, w.base_value(), 1e3)),
        Some(power) => {
            sheet.left_out(
                POWER,
                power.value.to_string(),
                "TOP500's power is the draw during the benchmark run, not a facility capacity",
            );
            None
        }
        None => None,
    };
    cells.extend(draw_kw.map(|kw| (POWER, write_number(kw))));
    // GFlop/s per W is TFlop/s per kW.
    if let (Some(r), Some(kw)) = (rmax_tflops, draw_kw.filter(|kw| *kw > 0.0)) {
        cells.push((EFFICIENCY, write_derived(r / kw)));
    }
    cells
}
