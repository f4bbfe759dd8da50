//! How much of the announced AI compute is certain: Epoch AI's GPU-clusters table, counted
//! in the middle of 2025, 2026 and 2027 under both readings of partial dates and at each
//! certainty grade.
//!
//! ```text
//! cargo run --example certainty --features csv -- path/to/gpu_clusters.csv
//! ```
//!
//! Without an argument it reads `tests/data/epoch-gpu-clusters-2025.csv` (CC BY 4.0: Epoch
//! AI, "Data on GPU Clusters", <https://epoch.ai/data/gpu-clusters>). Epoch AI grades each
//! row Confirmed, Likely or Unlikely; the import keeps the grade on the phase
//! ([`Phase::certainty`](sovereign_compute::model::Phase::certainty)).
//!
//! Each cell is one query: [`Filter::OnlineAt`] with the day and the reading (committed: a
//! phase counts from the last day its date allows; optimistic: from the first), and
//! [`Filter::at_least`] the grade. The measure is each row's 16-bit figure ([`Compute`] at
//! BF16 dense); rows without one are unknown parts, not counted. Superseded rows are left
//! out, as the registry does for every total.

use chrono::NaiveDate;
use sovereign_compute::analysis::{Compute, Filter, Query, Scenario};
use sovereign_compute::interop::{ImportOptions, epoch};
use sovereign_compute::model::Certainty;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{Precision, Sparsity};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/epoch-gpu-clusters-2025.csv"
        )
        .to_owned()
    });
    let csv = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let registry = epoch::read(&csv[..], &ImportOptions::new().lenient())?.registry;
    print!("{}", report(&registry)?);
    Ok(())
}

/// The table: one row per grade, one column per day and reading.
fn report(registry: &Registry) -> sovereign_compute::Result<String> {
    let days: Vec<NaiveDate> = [2025, 2026, 2027]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 6, 30))
        .collect();
    let readings = [Scenario::Committed, Scenario::Optimistic];
    let mut out = String::from(
        "16-bit performance online (theoretical peak), Epoch AI's GPU clusters, by certainty\n\n",
    );
    out.push_str(&format!("{:<20}", "at least"));
    for day in &days {
        for reading in readings {
            out.push_str(&format!(
                "{:>16}",
                format!("{day} {}", &reading.to_string()[..4])
            ));
        }
    }
    out.push('\n');
    for grade in [Certainty::Confirmed, Certainty::Likely, Certainty::Unlikely] {
        out.push_str(&format!("{:<20}", grade.to_string()));
        for &day in &days {
            for scenario in readings {
                let table = Query::new()
                    .filter(Filter::OnlineAt {
                        date: day,
                        scenario,
                    })
                    .filter(Filter::at_least(grade))
                    .run(registry, Compute::peak(Precision::Bf16, Sparsity::Dense))?;
                let cell = table
                    .total()
                    .central()
                    .map_or("-".to_owned(), |c| format!("{:.1}", c.rate));
                out.push_str(&format!("{cell:>16}"));
            }
        }
        out.push('\n');
    }
    out.push_str(
        "\ncomm: committed reading (a date counts from its last day); opti: optimistic (its first).\n\
         \"at least likely\" counts confirmed and likely rows; \"at least unlikely\" counts every row.\n",
    );
    Ok(out)
}
