//! Writing a registry as Epoch AI's table.

use super::col::*;
use super::{
    DEPLOYMENT_TAGS, H100_MAX_OPS, HEADER, PERFORMANCE, POWER_TAGS, TABLE, TABLE_URL, date,
};
use crate::Result;
use crate::interop::assemble::fold;
use crate::interop::export::{
    RowNames, hardware_names, kept, line_gpus, organisation_names, organisations, phase_at,
    row_name, site,
};
use crate::interop::report::{Export, Sheet};
use crate::interop::table::{parse_number, write_derived, write_number, write_scientific};
use crate::interop::{notes, top500};
use crate::model::{Certainty, Deployment, Phase, Role, Status};
use crate::registry::Registry;
use crate::units::{Basis, ComputeFormat, Precision, Sparsity};

/// The cells of one row, by column.
type Cells = Vec<(&'static str, String)>;

/// Writes a registry as Epoch AI's GPU-clusters table: its 55 columns in order, one row per
/// phase.
///
/// Columns the registry has no value for are empty; so are Epoch AI's own rankings and costs
/// it calculates, unless they were kept from an import. Counts are written in GPUs
/// (converted through the registry's catalog), estimates as their central value, dates as
/// Epoch AI stores them (a year as 07-01, with "Year only: 2026" in the date note), and only
/// dense theoretical peaks in the performance columns. Columns kept from an Epoch AI import
/// as tagged note lines (see [`note_field`](crate::interop::note_field)) are written back.
///
/// What a written table could not give back is reported in the export's problems: a
/// deployment without phases or a row without a name (no row), a link whose name would not
/// find exactly one row, a third chip, a sixth source, a count that does not convert to GPUs,
/// a figure no performance column holds, and a benchmark power draw.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
///
/// # Example
/// ```
/// use sovereign_compute::interop::epoch;
/// use sovereign_compute::model::{Deployment, Phase, Status};
/// use sovereign_compute::{registry::Registry, Country};
///
/// let registry = Registry::builder()
///     .deployment(
///         Deployment::new("it-colosseum", "Colosseum", Country::IT)
///             .with_phase(Phase::new("first", Status::Planned).with_online("2026-Q1")),
///     )
///     .build()?;
/// let out = epoch::write(&registry)?;
/// let row = out.csv.lines().nth(1).unwrap();
/// assert!(row.starts_with("Colosseum,Planned,Confirmed,,,,,,Italy,,2026-02-15,"));
/// assert!(row.contains("Quarter only: 2026-Q1"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn write(registry: &Registry) -> Result<Export> {
    let mut sheet = Sheet::new(HEADER);
    let names = RowNames::new(registry);
    for (i, d) in registry.deployments().iter().enumerate() {
        if d.phases.is_empty() {
            sheet.skipped(
                NAME,
                d.name.clone(),
                "a deployment without phases has no row",
            );
        }
        for (j, p) in d.phases.iter().enumerate() {
            let name = row_name(d, p);
            if name.trim().is_empty() {
                sheet.skipped(NAME, name, "a row without a name cannot be read back");
                continue;
            }
            let mut cells = vec![
                (NAME, name),
                (STATUS, status_word(p.status).to_owned()),
                (
                    COUNTRY,
                    d.host.map(|c| c.iso_name().to_owned()).unwrap_or_default(),
                ),
                (OWNER, organisations(registry, d, Role::Owner)),
                (LOCATION, site(d.site.as_ref()).to_owned()),
                (NOTE, note(d, p)),
            ];
            cells.extend(dates(p));
            // `Sector` is written only as kept from an import: an organisation's kind is
            // shared by every row that names it, so it does not say what this row said.
            cells.extend(kept(d.note.as_deref(), TABLE, DEPLOYMENT_TAGS));
            cells.extend(standard_analysis(d));
            cells.push((CERTAINTY, certainty(p)));
            cells.extend(kept(p.note.as_deref(), TABLE, &[CERTAINTY_NOTE]));
            cells.extend(sources(registry, d, &mut sheet));
            cells.extend(chips(registry, d, phase_at(registry, i, j), p, &mut sheet));
            cells.extend(power(p, &mut sheet));
            cells.extend(performance(p, &mut sheet));
            cells.extend(links(registry, &names, d, &mut sheet));
            sheet.push(cells);
        }
    }
    sheet.finish()
}

/// Epoch AI's word for a status; statuses it has no word for keep the crate's tag, which
/// [`read`](super::read) reads back.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Operational => "Existing",
        Status::Planned => "Planned",
        Status::Decommissioned => "Decommissioned",
        other => other.tag(),
    }
}

/// `True` for a deployment in Epoch AI's standard-analysis selection (its label, or the
/// column kept in the note of a registry saved before deployments had labels).
fn standard_analysis(d: &Deployment) -> Option<(&'static str, String)> {
    let labelled = d
        .labels
        .iter()
        .any(|l| l.as_str() == super::STANDARD_ANALYSIS_LABEL);
    if labelled {
        return Some((STANDARD_ANALYSIS, "True".to_owned()));
    }
    notes::tag(d.note.as_deref(), &notes::key(TABLE, STANDARD_ANALYSIS))
        .map(|kept| (STANDARD_ANALYSIS, kept))
}

/// Epoch AI's word for the phase's certainty. A confirmed phase whose note keeps another
/// grade (a registry saved before phases had the field) writes the kept one.
fn certainty(p: &Phase) -> String {
    let kept = notes::tag(p.note.as_deref(), &notes::key(TABLE, CERTAINTY))
        .and_then(|word| word.parse::<Certainty>().ok())
        .filter(|_| p.certainty.is_default());
    match kept.unwrap_or(p.certainty) {
        Certainty::Confirmed => "Confirmed",
        Certainty::Likely => "Likely",
        Certainty::Unlikely => "Unlikely",
    }
    .to_owned()
}

/// The free text of the deployment's and the phase's notes.
fn note(d: &Deployment, p: &Phase) -> String {
    let texts = [
        notes::free_text(d.note.as_deref()),
        notes::free_text(p.note.as_deref()),
    ];
    texts.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// The first operational date as Epoch AI stores it, with a note that gives its precision
/// back: the kept note if it still does, else "Year only: 2026" and the like. Without a
/// date, a kept note is written if it does not name one (it would be read as the date).
fn dates(p: &Phase) -> Cells {
    let mut cells = Vec::new();
    let kept_note = notes::tag(
        p.note.as_deref(),
        &notes::key(TABLE, FIRST_OPERATIONAL_NOTE),
    );
    let stored = p.dates.online.map(date::stored_day);
    let note = kept_note
        .filter(|k| match (p.dates.online, stored) {
            (Some(online), Some(_)) => date::recover(stored, Some(k)) == Ok(Some(online)),
            _ => !matches!(date::recover(None, Some(k)), Ok(Some(_))),
        })
        .or_else(|| p.dates.online.and_then(date::precision_note));
    cells.extend(stored.map(|s| (FIRST_OPERATIONAL, s.to_string())));
    cells.extend(note.map(|n| (FIRST_OPERATIONAL_NOTE, n)));
    if let Some(end) = p.dates.end {
        cells.push((DECOMMISSIONED, end.to_string()));
    }
    cells
}

/// `Source 1`–`5` (the table itself is not one of them) and the first quote.
fn sources(registry: &Registry, d: &Deployment, sheet: &mut Sheet) -> Cells {
    let mut cells = Vec::new();
    if let Some(quote) = d.sources.iter().find_map(|c| c.quote.clone()) {
        cells.push((QUOTE, quote));
    }
    // A source with neither URL nor title would be an empty cell, which moves the next
    // source up a column when read back; it is not written.
    let cited = d.sources.iter().filter_map(|c| {
        let s = registry.source(&c.source)?;
        let url = s.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let place = url.unwrap_or(s.title.trim());
        (!place.is_empty() && place != TABLE_URL).then(|| place.to_owned())
    });
    for (i, place) in cited.enumerate() {
        match SOURCES.get(i) {
            Some(&column) => cells.push((column, place)),
            None => sheet.left_out(SOURCES[4], place, "the table has five source columns"),
        }
    }
    cells
}

/// The primary and secondary chips, their GPU counts and total, and the suppliers.
///
/// The columns are slots: a line that would write neither a name nor a count is not given
/// one, since the next line would move into the empty slot when the table is read back.
fn chips(registry: &Registry, d: &Deployment, at: usize, p: &Phase, sheet: &mut Sheet) -> Cells {
    let slots = [
        (CHIP_PRIMARY, QUANTITY_PRIMARY),
        (CHIP_SECONDARY, QUANTITY_SECONDARY),
    ];
    let mut cells = Vec::new();
    let mut used = 0;
    let mut total = Some(0u64);
    let names: Vec<String> = hardware_names(registry, at).map(str::to_owned).collect();
    let lines = match line_gpus(registry, at, p) {
        Ok(lines) => lines,
        Err(e) => {
            sheet.left_out(QUANTITY_PRIMARY, String::new(), &e.to_string());
            Vec::new()
        }
    };
    for ((line, gpus), name) in lines.into_iter().zip(names) {
        // Read from a row with a quantity and no chip type: written back the same way.
        let name = if name == super::read::UNSTATED_CHIP {
            String::new()
        } else {
            name
        };
        let (chip, quantity) = slots
            .get(used)
            .copied()
            .unwrap_or((CHIP_SECONDARY, QUANTITY_SECONDARY));
        // Epoch AI counts chips: the line's central GPUs, as every output reads them.
        let count = gpus.map(|(_, central)| central.count());
        if count.is_none() && !line.count.value.is_unknown() {
            sheet.left_out(
                quantity,
                line.count.value.to_string(),
                "the count cannot be converted to GPUs: the catalog does not list the hardware",
            );
        }
        if name.trim().is_empty() && count.is_none() {
            continue;
        }
        if used == slots.len() {
            sheet.left_out(chip, name, "the table has two chip columns");
            continue;
        }
        used += 1;
        cells.push((chip, name));
        cells.extend(count.map(|c| (quantity, c.to_string())));
        total = total.zip(count).and_then(|(t, c)| t.checked_add(c));
    }
    if used > 0 {
        cells.extend(total.map(|t| (TOTAL_CHIPS, t.to_string())));
    }
    let vendors = organisation_names(registry, d, Role::HardwareVendor);
    let primary = vendors.first().cloned();
    // One vendor for two chips is the supplier of both.
    let secondary = vendors
        .get(1)
        .cloned()
        .or_else(|| primary.clone().filter(|_| used > 1));
    cells.extend(primary.map(|v| (SUPPLIER_PRIMARY, v)));
    cells.extend(secondary.map(|v| (SUPPLIER_SECONDARY, v)));
    cells
}

/// Facility power in MW; a TOP500 benchmark draw is not facility capacity and is left out.
fn power(p: &Phase, sheet: &mut Sheet) -> Cells {
    let Some(power) = &p.power else {
        return Vec::new();
    };
    if top500::is_benchmark_draw(power) {
        sheet.left_out(
            POWER,
            power.value.to_string(),
            "a benchmark power draw is not a facility power capacity",
        );
        return Vec::new();
    }
    let mut cells = kept(power.note.as_deref(), TABLE, POWER_TAGS);
    if let Some(w) = power.value.central() {
        cells.push((
            POWER,
            write_number(sheet.in_unit(POWER, w.base_value(), 1e6)),
        ));
    }
    cells
}

/// The column for a dense theoretical peak of this format, if Epoch AI has one.
fn performance_column(format: ComputeFormat) -> Option<&'static str> {
    if format.sparsity != Sparsity::Dense || format.basis != Basis::Peak {
        return None;
    }
    match format.precision {
        Precision::Bf16 | Precision::Fp16 => Some(OPS_16),
        Precision::Fp8 | Precision::Int8 => Some(OPS_8),
        Precision::Fp32 | Precision::Tf32 => Some(OPS_32),
        _ => None,
    }
}

/// The 8-, 16- and 32-bit columns from the stated compute and the figures kept in its note,
/// and Epoch AI's derived `Max OP/s`, its log, the 16-bit log and H100 equivalents.
fn performance(p: &Phase, sheet: &mut Sheet) -> Cells {
    let Some(compute) = &p.compute else {
        return Vec::new();
    };
    let mut cells: Cells = Vec::new();
    let stated = compute.rate.value.central();
    match (compute.format.format().and_then(performance_column), stated) {
        (Some(column), Some(rate)) => cells.push((column, write_scientific(rate.base_value()))),
        (_, None) => {}
        (None, Some(_)) => sheet.left_out(
            OPS_16,
            compute.rate.value.to_string(),
            "Epoch AI's performance columns hold dense theoretical peaks at 8, 16 or 32 bits only",
        ),
    }
    for column in PERFORMANCE {
        if !cells.iter().any(|(c, _)| *c == column) {
            cells.extend(kept(compute.rate.note.as_deref(), TABLE, &[column]));
        }
    }
    let value = |column: &str| {
        cells
            .iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, v)| parse_number(v).ok())
    };
    let max = value(OPS_8)
        .or_else(|| value(OPS_16))
        .or_else(|| value(OPS_32));
    let log16 = value(OPS_16).filter(|x| *x > 0.0).map(f64::log10);
    let mut derived = Vec::new();
    if let Some(max) = max {
        derived.push((MAX_OPS, write_scientific(max)));
        derived.push((H100_EQUIVALENTS, write_derived(max / H100_MAX_OPS)));
        if max > 0.0 {
            derived.push((MAX_OPS_LOG, write_derived(max.log10())));
        }
    }
    derived.extend(log16.map(|l| (OPS_16_LOG, write_derived(l))));
    cells.extend(derived);
    cells
}

/// The names of the deployments this one is superseded by or possibly duplicates; a link
/// whose name would not find exactly one row is left out and reported. A cell an import kept
/// as written (a list of names, or a name no row had) is written back as it was, while it
/// still agrees with the link: no link, or a link to the first name of the list.
fn links(registry: &Registry, names: &RowNames, d: &Deployment, sheet: &mut Sheet) -> Cells {
    let mut cells = Vec::new();
    for (column, link) in [
        (SUPERSEDED_BY, &d.superseded_by),
        (DUPLICATE_OF, &d.duplicate_of),
    ] {
        let kept = notes::tag(d.note.as_deref(), &notes::key(TABLE, column));
        let Some(target) = link else {
            cells.extend(kept.map(|k| (column, k)));
            continue;
        };
        match names.link(registry, target) {
            Ok(name) => {
                let first = |k: &String| {
                    k.split(',').next().map(fold) == Some(fold(&name)) && k.contains(',')
                };
                cells.push((column, kept.filter(first).unwrap_or(name)));
            }
            Err(message) => sheet.left_out(column, target.as_str(), &message),
        }
    }
    cells
}
