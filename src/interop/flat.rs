//! A flat table for spreadsheets: one row per phase, every quantity in the unit its column
//! name says.
//!
//! | column | what it holds |
//! | --- | --- |
//! | `deployment_id`, `deployment`, `phase`, `status` | IDs, names and the status tag (`operational`, `planned`, ...) |
//! | `host_country`, `host_country_name` | ISO 3166-1 alpha-2 code and common name; `unknown` and empty when no source states the host |
//! | `site`, `owners`, `operators` | the site's name; organisation names, `; `-separated |
//! | `announced`, `online`, `end` | partial dates as written (`2026-Q1`) |
//! | `online_earliest`, `online_latest` | the first and last day the online date covers |
//! | `hardware` | hardware names (catalog product names or as written), `; `-separated |
//! | `gpus_lower`, `gpus_central`, `gpus_upper` | GPUs over all hardware lines, as the registry resolved them (bounds taken in the counted unit, then converted; see [the rounding rule](crate::catalog::resolve#the-rounding-rule)); upper empty when unbounded. Sums of these columns equal a query's totals |
//! | `gpus_unknown_lines` | hardware lines whose count is unknown (not summed as zero) |
//! | `stated_format`, `stated_reading` | the stated compute's format (`FP4 sparse peak`) and whether it is `stated`, `assumed` or `unstated` |
//! | `stated_pflops_lower`, `_central`, `_upper` | the stated compute, PFLOP/s (POP/s for INT8) |
//! | `fp64_dense_pflops_*`, `bf16_dense_pflops_*`, `fp8_dense_pflops_*`, `fp4_dense_pflops_*`, `fp4_sparse_pflops_*` | theoretical peak of the hardware at that format from the catalog, PFLOP/s, `_lower`, `_central` and `_upper`; empty when a line is not in the catalog or its part has no figure for the format |
//! | `power_mw_lower`, `_central`, `_upper`, `power_note` | the stated power, MW, and what it is (capacity, benchmark draw) |
//! | `superseded_by`, `duplicate_of` | deployment IDs |
//! | `sources` | URLs (or titles) of the deployment's sources, `; `-separated |
//! | `note` | the deployment's and the phase's notes |
//!
//! A deployment without phases gets one row with the phase columns empty, so that every
//! deployment appears. GPU counts are written in whole digits. Other numbers are the shortest
//! decimal that, times the column's unit, gives the registry's value exactly (`793400`, not
//! `793400.0000000001`), or the nearest where no decimal does (a unit in the last place).

use crate::estimate::{Amount, Total};
use crate::interop::export::{hardware_names, organisations, phase_at, phase_gpus, phase_peak};
use crate::interop::report::{Export, Sheet};
use crate::interop::table::{self, write_number};
use crate::model::{Deployment, FormatReading, Phase, Role};
use crate::registry::Registry;
use crate::units::{AcceleratorCount, ComputeFigure, Precision, Sparsity};
use crate::{PartialDate, Result};

/// The formats the catalog-derived columns give, with their column stem.
const DERIVED: [(Precision, Sparsity, &str); 5] = [
    (Precision::Fp64, Sparsity::Dense, "fp64_dense_pflops"),
    (Precision::Bf16, Sparsity::Dense, "bf16_dense_pflops"),
    (Precision::Fp8, Sparsity::Dense, "fp8_dense_pflops"),
    (Precision::Fp4, Sparsity::Dense, "fp4_dense_pflops"),
    (Precision::Fp4, Sparsity::Sparse, "fp4_sparse_pflops"),
];

const HEADER: &[&str] = &[
    "deployment_id",
    "deployment",
    "phase",
    "status",
    "host_country",
    "host_country_name",
    "site",
    "owners",
    "operators",
    "announced",
    "online",
    "online_earliest",
    "online_latest",
    "end",
    "hardware",
    "gpus_lower",
    "gpus_central",
    "gpus_upper",
    "gpus_unknown_lines",
    "stated_format",
    "stated_reading",
    "stated_pflops_lower",
    "stated_pflops_central",
    "stated_pflops_upper",
    "fp64_dense_pflops_lower",
    "fp64_dense_pflops_central",
    "fp64_dense_pflops_upper",
    "bf16_dense_pflops_lower",
    "bf16_dense_pflops_central",
    "bf16_dense_pflops_upper",
    "fp8_dense_pflops_lower",
    "fp8_dense_pflops_central",
    "fp8_dense_pflops_upper",
    "fp4_dense_pflops_lower",
    "fp4_dense_pflops_central",
    "fp4_dense_pflops_upper",
    "fp4_sparse_pflops_lower",
    "fp4_sparse_pflops_central",
    "fp4_sparse_pflops_upper",
    "power_mw_lower",
    "power_mw_central",
    "power_mw_upper",
    "power_note",
    "superseded_by",
    "duplicate_of",
    "sources",
    "note",
];

type Cells = Vec<(&'static str, String)>;

/// Writes one row per phase with units in the column names; see the [module docs](self) for
/// the columns.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::interop::flat;
/// use sovereign_compute::model::{Deployment, HardwareLine, HardwareRef, Phase, Sourced, Status};
/// use sovereign_compute::{registry::Registry, Country};
///
/// let phase = Phase::new("first", Status::Planned)
///     .online("2026-Q1".parse()?)
///     .with_hardware(HardwareLine::new(
///         HardwareRef::Unlisted("Acme X1".into()),
///         Sourced::new(Estimate::parse("more than 3,000 GPUs")?),
///     ));
/// let registry = Registry::builder()
///     .deployment(Deployment::new("fr-acme".parse()?, "Acme", Country::FR).with_phase(phase))
///     .build()?;
/// let out = flat::write(&registry)?;
/// let mut lines = out.csv.lines();
/// assert!(lines.next().unwrap().contains("gpus_lower,gpus_central,gpus_upper"));
/// assert!(lines.next().unwrap().starts_with(
///     "fr-acme,Acme,first,planned,FR,France,,,,,2026-Q1,2026-01-01,2026-03-31,,Acme X1,3000,3000,,0,"
/// ));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn write(registry: &Registry) -> Result<Export> {
    let mut sheet = Sheet::new(HEADER);
    for (i, d) in registry.deployments().iter().enumerate() {
        if d.phases.is_empty() {
            sheet.push(deployment_cells(registry, d, None));
        }
        for (j, p) in d.phases.iter().enumerate() {
            let mut cells = deployment_cells(registry, d, Some(p));
            cells.extend(phase_cells(
                registry,
                phase_at(registry, i, j),
                p,
                &mut sheet,
            ));
            sheet.push(cells);
        }
    }
    sheet.finish()
}

fn deployment_cells(registry: &Registry, d: &Deployment, p: Option<&Phase>) -> Cells {
    let id = |link: &Option<crate::model::DeploymentId>| {
        link.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    let sources: Vec<String> = d
        .sources
        .iter()
        .filter_map(|c| registry.source(&c.source))
        .map(|s| s.url.clone().unwrap_or_else(|| s.title.clone()))
        .collect();
    let notes: Vec<&str> = [d.note.as_deref(), p.and_then(|p| p.note.as_deref())]
        .into_iter()
        .flatten()
        .collect();
    vec![
        ("deployment_id", d.id.to_string()),
        ("deployment", d.name.clone()),
        (
            "host_country",
            d.host.map_or("unknown", |c| c.alpha2()).to_owned(),
        ),
        (
            "host_country_name",
            d.host.map(|c| c.name().to_owned()).unwrap_or_default(),
        ),
        ("site", super::export::site(d.site.as_ref())),
        (
            "owners",
            organisations(registry, d, Role::Owner).replace(", ", "; "),
        ),
        (
            "operators",
            organisations(registry, d, Role::Operator).replace(", ", "; "),
        ),
        ("superseded_by", id(&d.superseded_by)),
        ("duplicate_of", id(&d.duplicate_of)),
        ("sources", sources.join("; ")),
        ("note", notes.join("\n")),
    ]
}

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn phase_cells(registry: &Registry, at: usize, p: &Phase, sheet: &mut Sheet) -> Cells {
    let mut cells = vec![
        ("phase", p.name.clone()),
        ("status", p.status.tag().to_owned()),
        ("announced", date(p.dates.announced)),
        ("online", date(p.dates.online)),
        ("end", date(p.dates.end)),
        ("hardware", hardware_names(registry, at).join("; ")),
    ];
    if let Some(online) = p.dates.online {
        cells.push(("online_earliest", online.earliest().to_string()));
        cells.push(("online_latest", online.latest().to_string()));
    }
    cells.extend(gpu_cells(registry, at, p, sheet));
    cells.extend(stated_cells(p));
    for (precision, sparsity, stem) in DERIVED {
        let total = phase_peak(registry, at, precision, sparsity);
        cells.extend(bounds(stem, total.as_ref(), |f: ComputeFigure| {
            in_unit(f.rate.base_value(), 1e15)
        }));
    }
    if let Some(power) = &p.power {
        let total = Total::sum([&power.value]).ok();
        cells.extend(bounds("power_mw", total.as_ref(), |w| {
            in_unit(w.base_value(), 1e6)
        }));
        cells.push(("power_note", power.note.clone().unwrap_or_default()));
    }
    cells
}

/// A value in base units (FLOP/s, W) written in a column's unit: the shortest decimal that,
/// times the unit, gives the value exactly, or the nearest where none does.
fn in_unit(base: f64, unit: f64) -> String {
    write_number(table::in_unit(base, unit).value())
}

/// `<stem>_lower`, `<stem>_central` and `<stem>_upper` of a total, written by `write`.
fn bounds<T: Amount>(stem: &str, total: Option<&Total<T>>, write: impl Fn(T) -> String) -> Cells {
    let Some(total) = total else {
        return Vec::new();
    };
    let column = |end: &str| {
        HEADER
            .iter()
            .copied()
            .find(|h| h.strip_prefix(stem).and_then(|r| r.strip_prefix('_')) == Some(end))
    };
    [
        ("lower", total.lower()),
        ("central", total.central()),
        ("upper", total.upper()),
    ]
    .into_iter()
    .filter_map(|(end, v)| Some((column(end)?, write(v?))))
    .collect()
}

/// The GPUs of every hardware line, as the registry resolved them.
fn gpu_cells(registry: &Registry, at: usize, p: &Phase, sheet: &mut Sheet) -> Cells {
    if p.hardware.is_empty() {
        return Vec::new();
    }
    let total = match phase_gpus(registry, at, p) {
        Ok(total) => total,
        Err(e) => {
            sheet.left_out("gpus_central", String::new(), &e.to_string());
            return Vec::new();
        }
    };
    let mut cells = bounds("gpus", Some(&total), |c: AcceleratorCount| {
        c.count().to_string()
    });
    cells.push(("gpus_unknown_lines", total.unknown_parts().to_string()));
    cells
}

fn stated_cells(p: &Phase) -> Cells {
    let Some(compute) = &p.compute else {
        return Vec::new();
    };
    let reading = match &compute.format {
        FormatReading::Stated(_) => "stated",
        FormatReading::Assumed { .. } => "assumed",
        FormatReading::Unstated => "unstated",
    };
    let mut cells = vec![
        (
            "stated_format",
            compute
                .format
                .format()
                .map(|f| f.to_string())
                .unwrap_or_default(),
        ),
        ("stated_reading", reading.to_owned()),
    ];
    let total = Total::sum([&compute.rate.value]).ok();
    cells.extend(bounds("stated_pflops", total.as_ref(), |r| {
        in_unit(r.base_value(), 1e15)
    }));
    cells
}
