//! Epoch AI's country shares of AI supercomputer performance, computed by the crate from
//! Epoch AI's GPU-clusters table.
//!
//! ```text
//! cargo run --example epoch_shares --features csv -- path/to/gpu_clusters.csv
//! ```
//!
//! Without an argument it reads `tests/data/epoch-gpu-clusters-2025.csv`, Epoch AI's table as
//! published in mid-2025 (CC BY 4.0: Epoch AI, "Data on GPU Clusters",
//! <https://epoch.ai/data/gpu-clusters>). The table is read leniently; rows that cannot be
//! imported are counted on standard error.
//!
//! Epoch AI's published figure: "as of May 2025, the United States contains about
//! three-quarters of global AI supercomputer performance, with China in second place with
//! 15%" (<https://epoch.ai/data-insights/ai-supercomputers-performance-share-by-country>).
//! Its method, as the insight and the dataset documentation describe it: clusters with a
//! known country, a first operational date and a 16-bit performance figure, operational from
//! 2019, in Epoch AI's standard-analysis selection, superseded rows left out; performance
//! summed by country on each day and shown as shares.
//!
//! Each step is a [`Filter`] of one query over the imported registry: the label
//! [`epoch::STANDARD_ANALYSIS_LABEL`], every known country, online years 2019 to 2025, online
//! on 2025-05-31 (committed reading; the table's dates are days, so the optimistic reading
//! gives the same), and the measure [`Compute`] at BF16 dense, which reads each row's 16-bit
//! figure (a row without one is an unknown part, left out of the shares).
//!
//! "Superseded rows left out" has two readings, and the example prints both. The crate's
//! registry leaves a superseded record out of every total, whatever the day; Epoch AI's
//! shares over time count a cluster until the one superseding it is operational. In May 2025
//! the difference is xAI's Colossus: phase 2 (200,000 GPUs) is superseded by phase 3,
//! operational from 2025-07-22, so the first reading drops phase 2 in May and the second
//! keeps it. The second is Epoch AI's; the example gets it from the same query over the
//! registry with each `superseded_by` link kept only where the record superseding it counts
//! on the day.
//!
//! The last column gives the same selection in H100 equivalents, by Epoch AI's definition
//! through the crate's catalog ([`H100Equivalents::epoch`]): the rows whose chips the
//! catalog does not hold (anonymised Chinese systems, for one) are unknown parts, so these
//! are lower bounds.

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use sovereign_compute::analysis::{
    Compute, Filter, Group, GroupKey, H100Equivalents, Query, Scenario, Table,
};
use sovereign_compute::interop::{ImportOptions, epoch};
use sovereign_compute::model::DeploymentId;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{Precision, Sparsity};
use sovereign_compute::{Country, PartialDate, Result};

/// The day Epoch AI's shares are read on: "as of May 2025".
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 5, 31).unwrap_or_default()
}

/// The table's path: the first argument, else the tests/data copy.
fn path() -> String {
    std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/epoch-gpu-clusters-2025.csv"
        )
        .to_owned()
    })
}

/// Reads Epoch AI's table leniently; the number of rows left out goes to standard error.
pub fn registry(csv: &[u8]) -> Result<Registry> {
    let report = epoch::read(csv, &ImportOptions::new().lenient())?;
    let left_out = report
        .problems
        .iter()
        .filter(|p| p.effect == sovereign_compute::interop::Effect::RowSkipped)
        .count();
    eprintln!(
        "{} clusters imported, {left_out} rows left out (run with a strict import to list them)",
        report.registry.deployments().len()
    );
    Ok(report.registry)
}

/// The query of Epoch AI's method on `day`, grouped by host country.
pub fn query(day: NaiveDate) -> Result<Query> {
    let years = (2019..=day.year())
        .map(|y| PartialDate::year(y).map(Group::Online))
        .collect::<Result<Vec<_>>>()?;
    Ok(Query::new()
        .filter(Filter::Label(vec![epoch::STANDARD_ANALYSIS_LABEL.parse()?]))
        .filter(Filter::HostCountry(Country::all().collect()))
        .filter(Filter::In {
            key: GroupKey::OnlineYear,
            groups: years,
        })
        .filter(Filter::OnlineAt {
            date: day,
            scenario: Scenario::Committed,
        })
        .group_by(GroupKey::HostCountry))
}

/// The registry with each `superseded_by` link kept only where the record superseding it
/// counts on `day` (committed reading): a superseded cluster is left out once its successor
/// runs, as in Epoch AI's shares over time.
pub fn superseded_on(registry: &Registry, day: NaiveDate) -> Result<Registry> {
    let running: HashSet<&DeploymentId> = registry
        .deployments()
        .iter()
        .filter(|d| d.phases.iter().any(|p| Scenario::Committed.counts(p, day)))
        .map(|d| &d.id)
        .collect();
    let mut builder = Registry::builder().catalog(registry.catalog().clone());
    for s in registry.sources() {
        builder = builder.source(s.clone());
    }
    for o in registry.organisations() {
        builder = builder.organisation(o.clone());
    }
    for d in registry.deployments() {
        let mut d = d.clone();
        d.superseded_by = d.superseded_by.filter(|s| running.contains(s));
        builder = builder.deployment(d);
    }
    for p in registry.programmes() {
        builder = builder.programme(p.clone());
    }
    for i in registry.initiatives() {
        builder = builder.initiative(i.clone());
    }
    builder.build()
}

/// 16-bit performance by host country under Epoch AI's method on `day`.
pub fn performance(registry: &Registry, day: NaiveDate) -> Result<Table<Compute>> {
    query(day)?.run(registry, Compute::peak(Precision::Bf16, Sparsity::Dense))
}

/// Each country's share of the table's central total, largest first.
pub fn shares(table: &Table<Compute>) -> Vec<(Country, f64)> {
    let total = table.total().central().map_or(0.0, |c| c.rate.base_value());
    let mut out: Vec<(Country, f64)> = table
        .rows()
        .iter()
        .filter_map(|row| match (&row.groups[0], row.total.central()) {
            (Group::Country(c), Some(v)) if total > 0.0 => Some((*c, v.rate.base_value() / total)),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The report: both readings side by side, with H100 equivalents.
pub fn report(registry: &Registry, day: NaiveDate) -> Result<String> {
    let always = performance(registry, day)?;
    let linked = superseded_on(registry, day)?;
    let once = performance(&linked, day)?;
    let h100e = query(day)?.run(&linked, H100Equivalents::epoch())?;
    let always_shares = shares(&always);
    let once_shares = shares(&once);
    let share = |list: &[(Country, f64)], c: Country| {
        list.iter()
            .find(|(x, _)| *x == c)
            .map_or("-".to_owned(), |(_, s)| format!("{:.1}%", 100.0 * s))
    };
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "Share of 16-bit AI supercomputer performance by host country on {day}"
    );
    let _ = writeln!(
        w,
        "(Epoch AI's standard analysis; known country; first operational 2019 to the day; a 16-bit figure)\n"
    );
    let _ = writeln!(
        w,
        "{:<28} {:>14} {:>22} {:>20}",
        "country", "superseded out", "out once succeeded", "H100e (Epoch AI)"
    );
    for (country, _) in once_shares.iter().take(10) {
        // A lower bound where some of the country's chips are not in the catalog.
        let h = match h100e.get(&[Group::Country(*country)]).map(|row| &row.total) {
            Some(t) if t.parts() > t.unknown_parts() => match (t.central(), t.unknown_parts()) {
                (Some(c), 0) => c.to_string(),
                (Some(c), _) => format!("≥ {c}"),
                (None, _) => "unknown".to_owned(),
            },
            _ => "unknown".to_owned(),
        };
        let _ = writeln!(
            w,
            "{:<28} {:>14} {:>22} {:>20}",
            country.name(),
            share(&always_shares, *country),
            share(&once_shares, *country),
            h
        );
    }
    let counted = |t: &Table<Compute>| t.total().parts() - t.total().unknown_parts();
    let _ = writeln!(
        w,
        "{:<28} {:>14} {:>22}",
        "clusters with a 16-bit figure",
        counted(&always),
        counted(&once),
    );
    let _ = writeln!(
        w,
        "{:<28} {:>14} {:>22}",
        "rows without one (unknown)",
        always.total().unknown_parts(),
        once.total().unknown_parts(),
    );
    let _ = writeln!(
        w,
        "\nH100 equivalents: {} of {} parts (hardware lines, or clusters without any) through the \
         catalog; the others (chips the catalog does not hold, or no chip named, as in the \
         anonymised Chinese systems) are unknown parts.",
        h100e.total().parts() - h100e.total().unknown_parts(),
        h100e.total().parts()
    );
    let _ = writeln!(
        w,
        "\nEpoch AI, June 2025: \"as of May 2025, the United States contains about three-quarters \
         of global AI supercomputer performance, with China in second place with 15%\"."
    );
    Ok(out)
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let path = path();
    let csv = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let registry = registry(&csv)?;
    print!("{}", report(&registry, day())?);
    Ok(())
}
