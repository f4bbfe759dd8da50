//! Loads a TOP500 list (CSV) and prints, per country, the number of systems and their Rmax and
//! Rpeak totals.
//!
//! ```text
//! cargo run --example top500 --features csv -- path/to/TOP500_202506.csv
//! ```
//!
//! Without an argument it reads the crate's copy of the June 2025 list,
//! `tests/data/top500-2025-06.csv`. The list is read leniently: rows that
//! cannot be imported are listed on standard error and left out of the totals.
//!
//! Rmax (measured with HPL) and Rpeak (theoretical peak) are both FP64 but are different
//! figures, so they are summed separately and never added to each other.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;

use sovereign_compute::Country;
use sovereign_compute::interop::{ImportOptions, top500};
use sovereign_compute::model::Phase;
use sovereign_compute::units::{ComputeFigure, ComputeRate};

/// One country's line of the table.
#[derive(Default)]
struct Line {
    systems: usize,
    rmax: ComputeRate,
    rpeak: ComputeRate,
}

/// A phase's Rmax: its stated compute when that is measured with HPL.
fn rmax(phase: &Phase) -> Option<ComputeRate> {
    let compute = phase.compute.as_ref()?;
    compute
        .format
        .format()
        .filter(|f| f.basis.is_measured())
        .and(compute.rate.value.central())
}

fn pflops(rate: ComputeRate) -> String {
    format!("{:.1}", rate.base_value() / 1e15)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/top500-2025-06.csv").to_owned()
    });
    let file = File::open(&path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let report = top500::read(BufReader::new(file), &ImportOptions::new().lenient())?;
    for problem in &report.problems {
        eprintln!("{path}: {problem}");
    }

    let mut lines: BTreeMap<Option<Country>, Line> = BTreeMap::new();
    let mut total = Line::default();
    for deployment in report.registry.deployments() {
        let line = lines.entry(deployment.host).or_default();
        line.systems += 1;
        total.systems += 1;
        for phase in &deployment.phases {
            let rpeak = top500::rpeak(phase).map(|f: ComputeFigure| f.rate);
            for (sum, rate) in [(&mut line.rmax, rmax(phase)), (&mut line.rpeak, rpeak)] {
                if let Some(rate) = rate {
                    *sum = sum.checked_add(rate)?;
                }
            }
        }
    }
    for line in lines.values() {
        total.rmax = total.rmax.checked_add(line.rmax)?;
        total.rpeak = total.rpeak.checked_add(line.rpeak)?;
    }

    let mut rows: Vec<(Option<Country>, Line)> = lines.into_iter().collect();
    rows.sort_by(|a, b| b.1.rmax.cmp(&a.1.rmax).then(a.0.cmp(&b.0)));
    println!(
        "{:<24} {:>7} {:>16} {:>16}",
        "country", "systems", "Rmax PFLOP/s", "Rpeak PFLOP/s"
    );
    for (country, line) in &rows {
        println!(
            "{:<24} {:>7} {:>16} {:>16}",
            country.map_or("unknown", Country::name),
            line.systems,
            pflops(line.rmax),
            pflops(line.rpeak)
        );
    }
    println!(
        "{:<24} {:>7} {:>16} {:>16}",
        "total",
        total.systems,
        pflops(total.rmax),
        pflops(total.rpeak)
    );
    Ok(())
}
