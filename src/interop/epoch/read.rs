//! Reading Epoch AI's table.

use std::io;

use super::col::*;
use super::{DEPLOYMENT_TAGS, PERFORMANCE, PHASE_TAGS, POWER_TAGS, TABLE, TABLE_URL, date};
use crate::catalog::{Accelerator, Form};
use crate::estimate::Estimate;
use crate::interop::assemble::{Assembly, Format, LinkKind, import};
use crate::interop::table::Row;
use crate::interop::{ImportOptions, ImportReport, notes};
use crate::model::{
    Certainty, Citation, Deployment, FormatReading, HardwareLine, HardwareRef, Label,
    OrganisationKind, Participation, Phase, Role, Site, Source, Sourced, StatedCompute, Status,
};
use crate::units::{AcceleratorCount, ComputeFormat, ComputeRate, Power, Precision, Sparsity};
use crate::{PartialDate, Result};

/// The source an import cites unless the options give another.
fn default_source() -> Result<Source> {
    Ok(
        Source::new("epoch-ai-gpu-clusters", "Epoch AI, GPU Clusters")
            .with_publisher("Epoch AI")
            .with_url(TABLE_URL),
    )
}

/// Reads Epoch AI's GPU-clusters table into a registry.
///
/// Columns are found by name (case and surrounding spaces do not matter), so tables with
/// fewer columns or in another order read too; `Name`, `Status` and `Country` are required.
/// See the [module docs of `interop`](crate::interop) for what each column becomes.
///
/// A row is left out (and reported) when it has no name, an unknown status, a shifted number
/// of cells, or when the registry's checks reject it (dates out of order). A row with no
/// country is imported with its host unknown (grouped under
/// [`Group::Unknown`](crate::analysis::Group::Unknown), never counted in a country's total);
/// an existing cluster with no first operational date, with its online date unknown; a
/// decommissioned one with no decommissioned date, with its end unknown. A cell that cannot
/// be read (a number, a date, a country, a link to no row) is reported and left out of an
/// otherwise imported row. A chip name the catalog does not resolve is reported and kept as
/// unlisted hardware ([`Effect::KeptAsWritten`](crate::interop::Effect::KeptAsWritten)). A
/// count within float noise of a whole number (`30000.000000000004`) is read as that number,
/// with a [note](crate::interop::RowNote), which is not a problem.
///
/// # Errors
/// [`Error::Table`](crate::Error::Table): a missing required column or an I/O error (one
/// problem), or, in [strict](crate::interop::Mode::Strict) mode, every row problem, each with
/// its row number, column and cell.
///
/// # Example
/// ```
/// use sovereign_compute::interop::{Effect, ImportOptions, epoch};
///
/// let csv = "Name,Status,Country,First Operational Date\n\
///            A,Existing,France,2024-05-15\n\
///            B,Existing,,2024-05-15\n\
///            C,Rumoured,France,2024-05-15\n";
/// assert!(epoch::read(csv.as_bytes(), &ImportOptions::new()).is_err()); // strict
///
/// let report = epoch::read(csv.as_bytes(), &ImportOptions::new().lenient())?;
/// assert_eq!(report.registry.deployments().len(), 2);
/// assert_eq!(report.registry.deployments()[1].host, None); // B: no country, imported
/// let problem = &report.problems[0];
/// assert_eq!((problem.row, problem.column.as_str(), problem.effect), (4, "Status", Effect::RowSkipped));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn read<R: io::Read>(reader: R, options: &ImportOptions) -> Result<ImportReport> {
    import(
        reader,
        options,
        &FORMAT,
        |_| (),
        |row, a, ()| read_row(row, a),
    )
}

const FORMAT: Format = Format {
    required: &[&[NAME], &[STATUS], &[COUNTRY]],
    source: default_source,
    field_column: super::field_column,
};

/// One row as a deployment; `None` when the row is left out (its problem is in `row`).
fn read_row(row: &mut Row<'_>, a: &mut Assembly) -> Result<Option<Deployment>> {
    let Some(name) = row.cell(NAME) else {
        row.skip(NAME, "a cluster needs a name");
        return Ok(None);
    };
    let Some(status) = status(row) else {
        return Ok(None);
    };
    // No country stated: the host is unknown, and the row is imported all the same.
    let host = row.optional_country(COUNTRY);
    let id = a.deployment_id(row.number, "epoch-", name)?;
    let mut d = Deployment::new(id, name, host);
    d.site = row.cell(LOCATION).map(|l| Site {
        name: Some(l.to_owned()),
        ..Site::default()
    });
    organisations(row, a, &mut d)?;
    d.sources = citations(row, a)?;
    d.note = notes::compose(row.cell(NOTE), &row.tags(TABLE, DEPLOYMENT_TAGS));
    d.labels = labels(row)?;
    d.phases.push(phase(row, a, status));
    for (column, kind) in [
        (SUPERSEDED_BY, LinkKind::SupersededBy),
        (DUPLICATE_OF, LinkKind::DuplicateOf),
    ] {
        if let Some(target) = row.cell(column) {
            a.link(
                row.number,
                &d.id,
                kind,
                column,
                target,
                notes::key(TABLE, column),
            );
        }
    }
    Ok(Some(d))
}

/// Epoch AI's three statuses; the crate's own status words are read too, so that a table
/// written from a registry with, say, a cancelled phase reads back.
fn status(row: &mut Row<'_>) -> Option<Status> {
    match row.cell(STATUS).map(str::parse::<Status>) {
        Some(Ok(status)) => Some(status),
        _ => {
            row.skip(
                STATUS,
                "unknown status; Epoch AI's are Existing, Planned and Decommissioned",
            );
            None
        }
    }
}

/// The owner (kind from `Sector`) and the GPU suppliers, as organisations.
fn organisations(row: &mut Row<'_>, a: &mut Assembly, d: &mut Deployment) -> Result<()> {
    if let Some(owner) = row.cell(OWNER) {
        let id = a.organisation(owner, sector_kind(row.cell(SECTOR)))?;
        d.organisations.push(Participation::new(id, Role::Owner));
    }
    for column in [SUPPLIER_PRIMARY, SUPPLIER_SECONDARY] {
        if let Some(supplier) = row.cell(column) {
            let p = Participation::new(
                a.organisation(supplier, OrganisationKind::HardwareVendor)?,
                Role::HardwareVendor,
            );
            if !d.organisations.contains(&p) {
                d.organisations.push(p);
            }
        }
    }
    Ok(())
}

/// The organisation kind Epoch AI's `Sector` implies, from the first sector it names
/// ("Industry; Government" is an enterprise); an enterprise when it names none.
fn sector_kind(sector: Option<&str>) -> OrganisationKind {
    let sector = sector.unwrap_or_default().to_lowercase();
    let kinds = [
        ("industry", OrganisationKind::Enterprise),
        ("government", OrganisationKind::GovernmentBody),
        ("academ", OrganisationKind::ResearchCentre),
        ("research", OrganisationKind::ResearchCentre),
    ];
    kinds
        .into_iter()
        .filter_map(|(word, kind)| sector.find(word).map(|at| (at, kind)))
        .min_by_key(|(at, _)| *at)
        .map_or(OrganisationKind::Enterprise, |(_, kind)| kind)
}

/// The table itself, then `Source 1`–`Source 5`; the `Quote` goes with `Source 1`, or with
/// the table when no source is given.
fn citations(row: &Row<'_>, a: &mut Assembly) -> Result<Vec<Citation>> {
    let mut citations = vec![a.dataset()];
    for column in SOURCES {
        if let Some(cell) = row.cell(column) {
            citations.push(Citation::new(a.source(cell)?));
        }
    }
    if let Some(quote) = row.cell(QUOTE) {
        let quoted = if citations.len() > 1 { 1 } else { 0 };
        if let Some(c) = citations.get_mut(quoted) {
            c.quote = Some(quote.to_owned());
        }
    }
    Ok(citations)
}

fn phase(row: &mut Row<'_>, a: &Assembly, status: Status) -> Phase {
    let mut phase = Phase::new("cluster", status);
    phase.dates.online = online(row);
    phase.dates.end = end(row, status);
    phase.hardware = chips(row, a);
    phase.compute = compute(row, a, &phase.hardware).map(Box::new);
    phase.power = power(row, a).map(Box::new);
    phase.certainty = certainty(row);
    phase.note = notes::compose([], &row.tags(TABLE, PHASE_TAGS));
    phase
}

/// The label of Epoch AI's standard-analysis selection when `Include in Standard Analysis`
/// says so (`True`, as Epoch AI writes it; `yes` and `1` too); `False`, `no`, `0` or an empty
/// cell give none, and another word is reported.
fn labels(row: &mut Row<'_>) -> Result<Vec<Label>> {
    let Some(cell) = row.cell(STANDARD_ANALYSIS) else {
        return Ok(Vec::new());
    };
    let word = cell.trim().to_ascii_lowercase();
    if matches!(word.as_str(), "true" | "yes" | "1") {
        Ok(vec![super::STANDARD_ANALYSIS_LABEL.parse()?])
    } else {
        if !matches!(word.as_str(), "false" | "no" | "0") {
            row.ignore(
                STANDARD_ANALYSIS,
                "Epoch AI marks the rows of its standard analysis True; read as not marked",
            );
        }
        Ok(Vec::new())
    }
}

/// Epoch AI's `Certainty` grade; an empty cell is the default (confirmed), another word is
/// reported and read as the default.
fn certainty(row: &mut Row<'_>) -> Certainty {
    match row.cell(CERTAINTY).map(str::parse::<Certainty>) {
        None => Certainty::default(),
        Some(Ok(grade)) => grade,
        Some(Err(_)) => {
            row.ignore(
                CERTAINTY,
                "unknown certainty; Epoch AI's are Confirmed, Likely and Unlikely (read as confirmed)",
            );
            Certainty::default()
        }
    }
}

fn date_cell(row: &mut Row<'_>, column: &str) -> Option<PartialDate> {
    let cell = row.cell(column)?;
    match date::parse_cell(cell) {
        Ok(date) => Some(date),
        Err(e) => {
            row.ignore(column, e.to_string());
            None
        }
    }
}

/// The first operational date at the precision its note gives (see `date`).
fn online(row: &mut Row<'_>) -> Option<PartialDate> {
    let stored = date_cell(row, FIRST_OPERATIONAL);
    match date::recover(stored, row.cell(FIRST_OPERATIONAL_NOTE)) {
        Ok(date) => date,
        Err(message) => {
            row.ignore(FIRST_OPERATIONAL_NOTE, message);
            stored
        }
    }
}

/// The decommissioned date, the phase's end: for a phase that ended (decommissioned, or
/// cancelled or superseded in a table written from a registry). On a row that is still
/// planned or running it contradicts the status, and the status wins.
fn end(row: &mut Row<'_>, status: Status) -> Option<PartialDate> {
    let end = date_cell(row, DECOMMISSIONED)?;
    if matches!(
        status,
        Status::Decommissioned | Status::Cancelled | Status::Superseded
    ) {
        Some(end)
    } else {
        row.ignore(
            DECOMMISSIONED,
            format!("only a cluster that ended has a decommissioned date; this one is {status}"),
        );
        None
    }
}

/// The hardware of a row that gives a chip quantity but no chip type.
pub(crate) const UNSTATED_CHIP: &str = "AI chips (type not stated)";

/// The primary and secondary chips, counted in GPUs as Epoch AI counts them.
fn chips(row: &mut Row<'_>, a: &Assembly) -> Vec<HardwareLine> {
    let mut lines = Vec::new();
    for (chip, quantity) in [
        (CHIP_PRIMARY, QUANTITY_PRIMARY),
        (CHIP_SECONDARY, QUANTITY_SECONDARY),
    ] {
        let name = row.cell(chip);
        if name.is_none() && row.cell(quantity).is_none() {
            continue;
        }
        // A count without a chip type is still a count of chips: kept, as unlisted hardware
        // named for what the table says of it.
        let hardware = match name {
            Some(n) => a.hardware(row, chip, n),
            None => HardwareRef::Unlisted(UNSTATED_CHIP.to_owned()),
        };
        let count = row.count(quantity).map_or_else(Estimate::unknown, |n| {
            Estimate::exact(AcceleratorCount::gpus(n))
        });
        let mut count = Sourced::new(count).with_citation(a.dataset());
        count.note = per_gpu_note(a, &hardware);
        lines.push(HardwareLine::new(hardware, count));
    }
    lines
}

/// Epoch AI counts a multi-GPU superchip per GPU ("NVIDIA GB200" 1,000 is 500 superchips);
/// the count stays in GPUs, which the catalog converts through the superchip's GPUs.
fn per_gpu_note(a: &Assembly, hardware: &HardwareRef) -> Option<String> {
    let HardwareRef::Part(id) = hardware else {
        return None;
    };
    let part = a.catalog().accelerator(id.as_str())?;
    (part.form == Form::Superchip && part.gpus > 1).then(|| {
        format!(
            "Epoch AI counts {} per GPU; the count is in GPUs ({} per superchip)",
            part.name, part.gpus
        )
    })
}

/// The stated compute: the first of 16-bit, 8-bit and 32-bit OP/s given, with the others in
/// its note. Epoch AI's figures are theoretical dense peaks; which format each is, is read
/// in `reading`.
fn compute(row: &mut Row<'_>, a: &Assembly, hardware: &[HardwareLine]) -> Option<StatedCompute> {
    let given: Vec<(&str, f64)> = PERFORMANCE
        .into_iter()
        .filter_map(|c| row.number(c).map(|x| (c, x)))
        .collect();
    let (&(column, ops), rest) = given.split_first()?;
    let rate = match ComputeRate::from_base(ops) {
        Ok(rate) => rate,
        Err(e) => {
            row.ignore(column, e.to_string());
            return None;
        }
    };
    let others: Vec<(String, String)> = rest
        .iter()
        .filter_map(|(c, _)| row.cell(c).map(|v| (notes::key(TABLE, c), v.to_owned())))
        .collect();
    let mut rate = Sourced::new(Estimate::exact(rate)).with_citation(a.dataset());
    rate.note = notes::compose([], &others);
    Some(StatedCompute {
        rate,
        format: reading(column, a, hardware),
    })
}

/// The format of a performance column. The precision is assumed, not stated: Epoch AI says
/// "16-bit" and "8-bit", not which format.
fn reading(column: &str, a: &Assembly, hardware: &[HardwareLine]) -> FormatReading {
    let dense = |precision| ComputeFormat::peak(precision, Sparsity::Dense);
    let (precision, reason) = match column {
        OPS_16 => (
            Precision::Bf16,
            "Epoch AI's 16-bit OP/s is the dense FP16/BF16 tensor peak; the two are equal on the parts it lists".to_owned(),
        ),
        OPS_32 => (
            Precision::Fp32,
            "Epoch AI's 32-bit OP/s is a dense FP32 peak".to_owned(),
        ),
        _ => eight_bit(a, hardware),
    };
    FormatReading::Assumed {
        format: dense(precision),
        reason,
    }
}

/// Epoch AI's 8-bit figure is INT8 on parts without FP8 (A100, MI250X) and FP8 on the rest;
/// the catalog says which. Parts it does not list are assumed FP8, as every current part is.
fn eight_bit(a: &Assembly, hardware: &[HardwareLine]) -> (Precision, String) {
    let parts: Vec<Vec<&Accelerator>> = hardware.iter().map(|l| a.parts(&l.hardware)).collect();
    let has_fp8 = |p: &&Accelerator| {
        p.figure(Precision::Fp8, Sparsity::Dense).is_some()
            || p.figure(Precision::Fp8, Sparsity::Sparse).is_some()
    };
    let all_known = !parts.is_empty() && parts.iter().all(|p| !p.is_empty());
    if all_known && !parts.iter().flatten().any(has_fp8) {
        let names: Vec<&str> = parts.iter().flatten().map(|p| p.name.as_str()).collect();
        (
            Precision::Int8,
            format!(
                "Epoch AI's 8-bit OP/s is a dense 8-bit peak, and {} has no FP8, so it is INT8",
                names.join(" and ")
            ),
        )
    } else {
        (
            Precision::Fp8,
            "Epoch AI's 8-bit OP/s is a dense 8-bit peak, FP8 on parts that have it".to_owned(),
        )
    }
}

/// `Power Capacity (MW)` (else the reported, else the calculated figure) as the phase's
/// power; the reported and calculated columns are kept in its note.
fn power(row: &mut Row<'_>, a: &Assembly) -> Option<Sourced<Estimate<Power>>> {
    let column = [POWER, REPORTED_POWER, CALCULATED_POWER]
        .into_iter()
        .find(|c| row.cell(c).is_some())?;
    let mw = row.number(column)?;
    let power = match Power::from_base(mw * 1e6) {
        Ok(p) => p,
        Err(e) => {
            row.ignore(column, e.to_string());
            return None;
        }
    };
    let basis = if row.cell(REPORTED_POWER).is_some() {
        "facility power capacity as reported by the sources"
    } else if row.cell(CALCULATED_POWER).is_some() {
        "facility power capacity as Epoch AI calculates it from the chips"
    } else {
        "facility power capacity as Epoch AI gives it"
    };
    let mut power = Sourced::new(Estimate::exact(power)).with_citation(a.dataset());
    power.note = notes::compose([basis], &row.tags(TABLE, POWER_TAGS));
    Some(power)
}
