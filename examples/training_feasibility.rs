//! Could each country's announced compute train a model over the EU AI Act's 10^25 FLOP line,
//! and how fast? For every host country of the embedded GTC Paris 2025 dataset: FP8 dense
//! peak compute with its bounds, the days to do 10^25 FLOP at 40% model FLOP utilisation, and
//! the most work in 90 days, set against the EU threshold and the revoked US one.
//!
//! The work is counted in the format of the compute (FP8 dense peak here): no conversion
//! between formats. A country whose hardware the catalog cannot price in FP8 has unknown
//! parts; they are counted and shown, never read as zero.
//!
//! Run with `cargo run --example training_feasibility`.

use sovereign_compute::analysis::{
    Compute, EU_AI_ACT_SYSTEMIC_RISK, GroupKey, Query, US_EO_14110_REPORTING, Utilisation,
    most_work_in, time_to_train,
};
use sovereign_compute::estimate::Total;
use sovereign_compute::units::{ComputeFigure, Precision, Sparsity, Time};
use sovereign_compute::{Result, datasets};

/// "lower – upper (central c)" for a compute total, in EFLOP/s.
fn compute_text(total: &Total<ComputeFigure>) -> String {
    match (total.lower(), total.upper()) {
        (None, _) => "unknown".to_owned(),
        (Some(l), Some(u)) if l == u => format!("{:.1}", l.rate),
        (Some(l), Some(u)) => format!("{:.1} – {:.1}", l.rate, u.rate),
        (Some(l), None) => format!("≥ {:.1}", l.rate),
    }
}

fn main() -> Result<()> {
    let europe = datasets::gtc_paris_2025()?;
    let fp8 = Compute::peak(Precision::Fp8, Sparsity::Dense);
    let table = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&europe, fp8)?;
    let utilisation: Utilisation = "40%".parse()?;
    let eu = EU_AI_ACT_SYSTEMIC_RISK;
    let ninety_days: Time = "90 d".parse()?;

    println!("Training a model at {utilisation} utilisation on {fp8}, by host country");
    println!("threshold: {eu}");
    println!("  \"{}\"", eu.words());
    println!("  {}", eu.url());
    println!(
        "for comparison: {US_EO_14110_REPORTING}, by {}\n",
        US_EO_14110_REPORTING.revoked_by().unwrap_or("-")
    );

    let mut rows: Vec<_> = table
        .rows()
        .iter()
        .map(|r| (r.groups[0].to_string(), &r.total))
        .collect();
    rows.push(("all".to_owned(), table.total()));
    for (country, total) in rows {
        let time = time_to_train(total, utilisation, eu.operations())?;
        let work = most_work_in(total, utilisation, ninety_days)?;
        let verdict = match work.exceeds(&eu) {
            (true, _) => "certainly over the EU line",
            (false, true) => "possibly over the EU line",
            (false, false) => "under the EU line",
        };
        println!(
            "{country:<4} FP8 dense peak {} ({} of {} parts known)",
            compute_text(total),
            total.parts() - total.unknown_parts(),
            total.parts()
        );
        println!("     10^25 FLOP at {utilisation}: {time}");
        println!("     most work in 90 days: {work}: {verdict}");
    }
    println!(
        "\nAn unknown part may hold any amount of compute: it makes the upper compute unbounded, \
         so the lower time is 0 days and the most work has no upper bound; the upper time, from \
         the known parts' lower bound, still holds."
    );
    Ok(())
}
