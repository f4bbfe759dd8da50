//! Who controls Europe's AI compute? On the embedded Europe dataset
//! ([`datasets::european_ai_compute`], chosen over the GTC Paris one because it has the counts
//! of Europe's public systems and commercial sites), with bounds:
//!
//! 1. of the compute hosted in the EU, how much is operated by organisations headquartered
//!    inside the EU, outside it, or nobody knows;
//! 2. the same compute by the country of its hardware vendor;
//! 3. per host country, the days its capacity online by 2026-12-31 would need to train a
//!    model at the EU AI Act's 10^25 FLOP line, under the committed and optimistic readings of
//!    announced dates.
//!
//! Every figure comes from the dataset through the public API and keeps its bounds; a figure
//! nobody published is an unknown part, counted and shown, never zero.
//!
//! Run with `cargo run --example sovereignty`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use sovereign_compute::analysis::{
    Compute, EU_AI_ACT_SYSTEMIC_RISK, Filter, Gpus, Group, GroupKey, Query, Scenario, Table,
    TrainingTime, Utilisation, excluded, time_to_train,
};
use sovereign_compute::estimate::{Amount, Estimate, Total};
use sovereign_compute::model::OrganisationKind;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::system::time::day;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, Precision, Sparsity, Time,
};
use sovereign_compute::{Bloc, Country, Result, datasets};

/// The compute format: BF16 dense peak, the format large models are trained in and the one
/// the EU AI Act's line is compared with here (work counted in the compute's format).
pub const FORMAT: ComputeFormat = ComputeFormat::peak(Precision::Bf16, Sparsity::Dense);

/// Model FLOP utilisation assumed for training: 40% of the BF16 dense peak.
pub fn utilisation() -> Utilisation {
    Utilisation::new(0.4).unwrap_or(Utilisation::FULL)
}

/// The day capacity is counted on, and EU membership read on: 2026-12-31.
pub fn online_by() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default()
}

/// Deployments hosted in an EU member on [`online_by`].
pub fn hosted_in_eu() -> Filter {
    Filter::HostBloc {
        bloc: Bloc::eu(),
        date: online_by(),
    }
}

/// The country of a hardware vendor as the catalog spells it (`nvidia`): the headquarters of
/// the registry's organisation of that ID and of kind hardware vendor; `None` when the
/// registry has no such organisation or no headquarters for it.
pub fn vendor_country(registry: &Registry, vendor: &str) -> Option<Country> {
    registry
        .organisations()
        .iter()
        .find(|o| o.id.as_str() == vendor && o.kind == OrganisationKind::HardwareVendor)
        .and_then(|o| o.headquarters)
}

/// EU-hosted GPUs and compute by whether the operator's country is in the EU (`eu`, `non-eu`,
/// unknown), every phase announced to running.
pub fn by_operator(registry: &Registry) -> Result<(Table<Gpus>, Table<Compute>)> {
    let query = Query::new()
        .filter(hosted_in_eu())
        .group_by(GroupKey::OperatorBloc {
            bloc: Bloc::eu(),
            date: online_by(),
        });
    Ok((
        query.run(registry, Gpus)?,
        query.run(registry, Compute::new(FORMAT))?,
    ))
}

/// One country of hardware vendors: the vendors, and their EU-hosted GPUs and compute.
#[derive(Debug, Clone, PartialEq)]
pub struct VendorCountry {
    /// The vendors' country; `None` for hardware whose vendor, or vendor's country, is not
    /// known.
    pub country: Option<Country>,
    /// The vendors, as the catalog spells them.
    pub vendors: Vec<String>,
    /// Their GPUs hosted in the EU.
    pub gpus: Total<AcceleratorCount>,
    /// Their compute in [`FORMAT`] hosted in the EU.
    pub compute: Total<ComputeFigure>,
}

/// EU-hosted GPUs and compute by the country of the hardware's vendor, every phase announced
/// to running: the vendor groups of a query, merged by [`vendor_country`]. A line whose part
/// the catalog does not list, or whose candidate parts have different vendors, has no vendor.
pub fn by_vendor_country(registry: &Registry) -> Result<Vec<VendorCountry>> {
    let query = Query::new()
        .filter(hosted_in_eu())
        .group_by(GroupKey::Vendor);
    let gpus = query.run(registry, Gpus)?;
    let compute = query.run(registry, Compute::new(FORMAT))?;
    let mut merged: BTreeMap<Option<Country>, VendorCountry> = BTreeMap::new();
    for row in gpus.rows() {
        let (country, vendor) = match row.groups.as_slice() {
            [Group::Vendor(v)] => (vendor_country(registry, v), Some(v.clone())),
            _ => (None, None),
        };
        let entry = merged.entry(country).or_insert_with(|| VendorCountry {
            country,
            vendors: Vec::new(),
            gpus: Total::new(),
            compute: Total::new(),
        });
        entry.vendors.extend(vendor);
        entry.gpus.merge(&row.total)?;
        if let Some(c) = compute.get(&row.groups) {
            entry.compute.merge(&c.total)?;
        }
    }
    // Known countries first, in code order; unknown last.
    let mut rows: Vec<VendorCountry> = merged.into_values().collect();
    rows.sort_by_key(|r| (r.country.is_none(), r.country));
    Ok(rows)
}

/// One host country's training time at [`online_by`]: its compute online under each scenario and
/// the time to do 10^25 FLOP at [`utilisation`]; `None` where nothing is online.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRow {
    /// The row's label: a country's English name, "EU", or "all".
    pub label: String,
    /// Committed: compute and time.
    pub committed: Option<(Total<ComputeFigure>, TrainingTime)>,
    /// Optimistic: compute and time.
    pub optimistic: Option<(Total<ComputeFigure>, TrainingTime)>,
}

/// Per host country (every host country of the dataset), then the EU's members together and
/// all of them: the days to train a 10^25 FLOP model on the [`FORMAT`] compute online by
/// [`online_by`], under both scenarios.
pub fn training(registry: &Registry) -> Result<Vec<TrainingRow>> {
    let online = |scenario| {
        Query::new().filter(Filter::OnlineAt {
            date: online_by(),
            scenario,
        })
    };
    let work = EU_AI_ACT_SYSTEMIC_RISK.operations();
    let time = |total: &Total<ComputeFigure>| -> Result<(Total<ComputeFigure>, TrainingTime)> {
        Ok((total.clone(), time_to_train(total, utilisation(), work)?))
    };
    let by_country = |scenario| {
        online(scenario)
            .group_by(GroupKey::HostCountry)
            .run(registry, Compute::new(FORMAT))
    };
    let committed = by_country(Scenario::Committed)?;
    let optimistic = by_country(Scenario::Optimistic)?;
    let countries = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(registry, Gpus)?;
    let mut rows = Vec::new();
    for row in countries.rows() {
        let at = |t: &Table<Compute>| t.get(&row.groups).map(|r| time(&r.total)).transpose();
        rows.push(TrainingRow {
            label: label(&row.groups),
            committed: at(&committed)?,
            optimistic: at(&optimistic)?,
        });
    }
    for (name, filter) in [("EU", Some(hosted_in_eu())), ("all", None)] {
        let whole = |scenario| -> Result<Option<(Total<ComputeFigure>, TrainingTime)>> {
            let query = filter.iter().cloned().fold(online(scenario), Query::filter);
            let table = query.run(registry, Compute::new(FORMAT))?;
            if table.total().parts() == 0 {
                return Ok(None);
            }
            time(table.total()).map(Some)
        };
        rows.push(TrainingRow {
            label: name.to_owned(),
            committed: whole(Scenario::Committed)?,
            optimistic: whole(Scenario::Optimistic)?,
        });
    }
    Ok(rows)
}

/// The label of a row's first group: a country's English name, or the group as displayed.
fn label(groups: &[Group]) -> String {
    match groups.first() {
        Some(Group::Country(c)) => format!("{c:#}"),
        Some(other) => other.to_string(),
        None => "all".to_owned(),
    }
}

/// A GPU count as a plain number with thousands separators.
pub fn gpu_count(c: AcceleratorCount) -> String {
    Estimate::exact(c.count()).to_string()
}

/// A compute figure in EFLOP/s, one decimal.
pub fn exaflops(f: ComputeFigure) -> String {
    format!("{:.1}", f.rate.base_value() / 1e18)
}

/// A number with one digit after the point and thousands separators ("1,234.5").
fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, "0"));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

/// A training time in days, as [`short`] writes totals: "191.4", "0–9.9 (c 7.6, 11/15)";
/// "unknown (n/n)" when no part of the compute is known, "never" when the compute is zero.
pub fn days(time: &TrainingTime) -> String {
    let (parts, unknown) = (time.parts(), time.unknown_parts());
    if unknown == parts {
        return format!("unknown ({unknown}/{parts})");
    }
    let show = |t: Option<Time>| {
        t.map(|t| match t.get::<day>() {
            0.0 => "0".to_owned(),
            d => one_decimal(d),
        })
    };
    let Some(lower) = show(time.lower()) else {
        return "never".to_owned();
    };
    let central = show(time.central()).unwrap_or_else(|| "never".to_owned());
    let mut out = match show(time.upper()) {
        Some(upper) if upper == lower && unknown == 0 => return lower,
        Some(upper) if upper == lower => lower,
        Some(upper) => format!("{lower}–{upper}"),
        None => format!("≥ {lower}"),
    };
    out += &format!(" (c {central}");
    if unknown > 0 {
        out += &format!(", {unknown}/{parts}");
    }
    out.push(')');
    out
}

/// "lower–upper (c central, n/m)" in one cell: "≥ lower" when unbounded, "n/m" the parts of
/// unknown size out of all, "unknown (n/n)" when no part is known.
pub fn short<T: Amount>(total: &Total<T>, show: impl Fn(T) -> String) -> String {
    let (Some(lower), Some(central)) = (total.lower(), total.central()) else {
        return format!("unknown ({}/{})", total.parts(), total.parts());
    };
    let mut out = match total.upper() {
        Some(upper) if show(upper) == show(lower) => show(lower),
        Some(upper) => format!("{}–{}", show(lower), show(upper)),
        None => format!("≥ {}", show(lower)),
    };
    if total.upper().is_none_or(|u| show(u) != show(lower)) {
        out += &format!(" (c {}", show(central));
        if total.unknown_parts() > 0 {
            out += &format!(", {}/{}", total.unknown_parts(), total.parts());
        }
        out.push(')');
    } else if total.unknown_parts() > 0 {
        out += &format!(" ({}/{})", total.unknown_parts(), total.parts());
    }
    out
}

/// A row of section 1: its label, GPUs and compute.
type OperatorRow<'a> = (
    String,
    &'a Total<AcceleratorCount>,
    Option<&'a Total<ComputeFigure>>,
);

/// The report as text; `main` prints it, and `tests/sovereignty.rs` checks its figures.
pub fn report(europe: &Registry) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Who controls Europe's AI compute? Dataset: datasets::european_ai_compute ({} deployments).\n\
         Compute is {FORMAT} (FLOP/s); GPUs count each accelerator once (a GB200 superchip is 2).\n\
         EU membership is read on {}; c = central value, n/m = parts of unknown size out of all.\n\
         Deployments left out as superseded or duplicates: {}.",
        europe.deployments().len(),
        online_by(),
        excluded(europe).len()
    );

    // 1. Operators.
    let (gpus, compute) = by_operator(europe)?;
    let _ = writeln!(
        out,
        "\n1. Hosted in the EU, by where the operator is headquartered (every phase announced to\n   \
         running). Operator country: stated, else the headquarters of the operator, else of the owner."
    );
    let _ = writeln!(out, "  {:<10} {:<38} EFLOP/s", "operator", "GPUs");
    let mut rows: Vec<OperatorRow<'_>> = gpus
        .rows()
        .iter()
        .map(|r| {
            let flops = compute.get(&r.groups).map(|c| &c.total);
            (label(&r.groups), &r.total, flops)
        })
        .collect();
    rows.push(("total".to_owned(), gpus.total(), Some(compute.total())));
    for (name, count, flops) in rows {
        let _ = writeln!(
            out,
            "  {:<10} {:<38} {}",
            name,
            short(count, gpu_count),
            flops.map_or_else(|| "none".to_owned(), |t| short(t, exaflops))
        );
    }
    // Name the deployments outside the EU's control, and those nobody can place.
    let counted_elsewhere: Vec<_> = excluded(europe).into_iter().map(|e| e.deployment).collect();
    for (heading, outside) in [("outside the EU", true), ("unknown", false)] {
        let mut names = Vec::new();
        for d in europe.deployments() {
            let hosted = d.host.is_some_and(|h| Bloc::eu().is_member(h, online_by()));
            if !hosted || counted_elsewhere.contains(&d.id) {
                continue;
            }
            match (europe.operator_country(&d.id), outside) {
                (Some(c), true) if !Bloc::eu().is_member(c, online_by()) => {
                    names.push(format!("{} ({c})", d.name));
                }
                (None, false) => names.push(d.name.clone()),
                _ => {}
            }
        }
        let _ = writeln!(out, "  operator {heading}:");
        for name in names {
            let _ = writeln!(out, "    - {name}");
        }
    }

    // 2. Vendors.
    let _ = writeln!(
        out,
        "\n2. Hosted in the EU, by the hardware vendor's country (every phase announced to running).\n   \
         Vendor country: the headquarters of the dataset's hardware-vendor organisation of the\n   \
         vendor's ID. Unknown: hardware the catalog does not list, lines that may mean parts of\n   \
         different vendors, and phases with no hardware line."
    );
    let _ = writeln!(
        out,
        "  {:<10} {:<22} {:<38} EFLOP/s",
        "country", "vendors", "GPUs"
    );
    for row in by_vendor_country(europe)? {
        let country = row
            .country
            .map_or_else(|| "unknown".to_owned(), |c| c.to_string());
        let vendors = if row.vendors.is_empty() {
            "-".to_owned()
        } else {
            row.vendors.join(", ")
        };
        let _ = writeln!(
            out,
            "  {:<10} {:<22} {:<38} {}",
            country,
            vendors,
            short(&row.gpus, gpu_count),
            short(&row.compute, exaflops)
        );
    }

    // 3. Training.
    let _ = writeln!(
        out,
        "\n3. Days to train a model at the {} line ({:e} FLOP, counted in {FORMAT}),\n   \
         at {} model FLOP utilisation, on the capacity online by {} per host country.\n   \
         Committed: a phase counts from the latest day of its online date; optimistic: from the\n   \
         earliest. Phases with no online date are not counted. A country's unknown parts may hold\n   \
         any compute, so where it has some the lower time is 0.",
        EU_AI_ACT_SYSTEMIC_RISK.name(),
        EU_AI_ACT_SYSTEMIC_RISK.operations().base_value(),
        utilisation(),
        online_by()
    );
    let rows = training(europe)?;
    let _ = writeln!(
        out,
        "  {:<15} {:<24} {:<30} {:<24} days",
        "host", "committed EFLOP/s", "days", "optimistic EFLOP/s"
    );
    let cells = |value: &Option<(Total<ComputeFigure>, TrainingTime)>| match value {
        Some((total, time)) => (short(total, exaflops), days(time)),
        None => ("nothing online".to_owned(), "-".to_owned()),
    };
    for row in &rows {
        let (committed, committed_days) = cells(&row.committed);
        let (optimistic, optimistic_days) = cells(&row.optimistic);
        let _ = writeln!(
            out,
            "  {:<15} {committed:<24} {committed_days:<30} {optimistic:<24} {optimistic_days}",
            row.label
        );
    }
    if rows.iter().all(|r| r.committed == r.optimistic) {
        let _ = writeln!(
            out,
            "  The two readings agree: on the last day of a year, an online date given as a year,\n  \
             half, quarter, month or day has its earliest and latest days on the same side of it,\n  \
             so only the end of a decommissioned phase could set them apart, and none does here."
        );
    }
    Ok(out)
}

fn main() -> Result<()> {
    let europe = datasets::european_ai_compute()?;
    print!("{}", report(&europe)?);
    Ok(())
}
