//! How much electricity would Europe's announced AI compute use in a year? Annual energy by
//! host country from the embedded Europe dataset ([`datasets::european_ai_compute`]), at a
//! PUE and a load factor stated up front, with bounds.
//!
//! Power comes two ways, kept apart: a power the source states for a phase, and IT power
//! derived from the hardware (GPUs × the catalog's TDP). Derived power is IT power and gets
//! the PUE. The dataset's stated powers are of both kinds (TOP500 benchmark draws are IT
//! power; site and grid-connection capacities are facility power; each record's note says
//! which), so the report reads them both ways: as facility power (no PUE) and as IT power
//! (× PUE). The truth per site lies with its note.
//!
//! Run with `cargo run --example energy`.

use chrono::NaiveDate;
use sovereign_compute::analysis::{
    AnnualEnergy, Filter, Group, GroupKey, LoadFactor, PowerBasis, Pue, Query, Scenario, Table,
};
use sovereign_compute::estimate::Total;
use sovereign_compute::units::{Energy, Power};
use sovereign_compute::{Result, datasets};

/// Energy in GWh, one decimal, thousands separated ("7,872.3").
fn gwh(e: Energy) -> String {
    let text = format!("{:.1}", e.base_value() / 3.6e12);
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

/// "lower–upper (c central, n/m unknown)" in GWh; "≥ lower" when unbounded; one number when
/// the bounds agree.
fn bounds(total: &Total<Energy>) -> String {
    let (Some(lower), Some(central)) = (total.lower(), total.central()) else {
        let n = total.parts();
        return format!("unknown ({n} part{})", if n == 1 { "" } else { "s" });
    };
    let mut out = match total.upper() {
        Some(upper) if gwh(upper) == gwh(lower) => return gwh(lower),
        Some(upper) => format!("{}–{}", gwh(lower), gwh(upper)),
        None => format!("≥ {}", gwh(lower)),
    };
    out += &format!(" (c {}", gwh(central));
    if total.unknown_parts() > 0 {
        out += &format!(", {}/{} unknown", total.unknown_parts(), total.parts());
    }
    out.push(')');
    out
}

/// The label of a row: a country's English name.
fn label(groups: &[Group]) -> String {
    match groups.first() {
        Some(Group::Country(c)) => format!("{c:#}"),
        Some(other) => other.to_string(),
        None => "all".to_owned(),
    }
}

fn main() -> Result<()> {
    let europe = datasets::european_ai_compute()?;
    let pue = Pue::new(1.2)?;
    let load = LoadFactor::new(0.8)?;
    let as_facility = AnnualEnergy::new(pue, load, PowerBasis::Facility);
    let as_it = as_facility.reading_stated_as(PowerBasis::It);

    println!("Annual energy of Europe's AI compute (datasets::european_ai_compute)");
    println!(
        "Assumed, not from the data: PUE {pue}, load factor {load}, a year of 8,760 h.\n\
         IT power × PUE × load × 8,760 h; facility power × load × 8,760 h (the PUE is in it).\n"
    );
    let ten: Power = "10 MW".parse()?;
    println!(
        "Check: 10 MW of IT power is {:.3} a year; 10 MW of facility power is {:.3}.\n",
        as_facility.of(ten, PowerBasis::It)?,
        as_facility.of(ten, PowerBasis::Facility)?
    );

    let end_of_2026 = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
    let online = Query::new()
        .filter(Filter::OnlineAt {
            date: end_of_2026,
            scenario: Scenario::Committed,
        })
        .group_by(GroupKey::HostCountry);
    let facility: Table<AnnualEnergy> = online.run(&europe, as_facility)?;
    let it: Table<AnnualEnergy> = online.run(&europe, as_it)?;
    println!(
        "Capacity online by {end_of_2026} (committed: a phase counts from the latest day of its online date), GWh a year;\n\
         c = central, n/m = parts whose power nobody published or the catalog cannot derive"
    );
    println!(
        "  {:<16} {:<38} {:<38} parts",
        "host", "stated read as facility power", "stated read as IT power"
    );
    for row in facility.rows() {
        let it_row = it
            .get(&row.groups)
            .map_or_else(String::new, |r| bounds(&r.total));
        println!(
            "  {:<16} {:<38} {:<38} {}",
            label(&row.groups),
            bounds(&row.total),
            it_row,
            row.routes
        );
    }
    println!(
        "  {:<16} {:<38} {:<38} {}",
        "total",
        bounds(facility.total()),
        bounds(it.total()),
        facility.routes()
    );

    let all = Query::new();
    println!(
        "\nEvery phase announced to running (cancelled and superseded left out), GWh a year:\n  \
         stated read as facility power {}\n  stated read as IT power       {}",
        bounds(all.run(&europe, as_facility)?.total()),
        bounds(all.run(&europe, as_it)?.total())
    );
    println!(
        "\nDerived power is accelerator TDP only (no host CPUs, memory or network): it understates\n\
         the IT load. A phase with a stated power is counted from it, never also from its hardware."
    );
    Ok(())
}
