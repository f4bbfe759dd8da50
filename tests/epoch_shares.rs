//! Epoch AI's published country shares of AI supercomputer performance, recomputed by the
//! crate from Epoch AI's 2025 GPU-clusters table with the `epoch_shares` example's query.
//!
//! Epoch AI: "as of May 2025, the United States contains about three-quarters of global AI
//! supercomputer performance, with China in second place with 15%"
//! (<https://epoch.ai/data-insights/ai-supercomputers-performance-share-by-country>).

#![cfg(all(feature = "csv", feature = "dataset"))]

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/epoch_shares.rs"]
mod epoch_shares;

use sovereign_compute::Country;
use sovereign_compute::registry::Registry;

fn registry() -> Registry {
    let csv = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/epoch-gpu-clusters-2025.csv"
    ))
    .expect("the tests/data copy of Epoch AI's table");
    epoch_shares::registry(&csv).unwrap()
}

fn share(shares: &[(Country, f64)], country: Country) -> f64 {
    shares
        .iter()
        .find(|(c, _)| *c == country)
        .map_or(0.0, |(_, s)| 100.0 * s)
}

#[test]
fn superseded_clusters_left_out_once_succeeded_give_epochs_shares() {
    let r = registry();
    let day = epoch_shares::day();
    let linked = epoch_shares::superseded_on(&r, day).unwrap();
    let table = epoch_shares::performance(&linked, day).unwrap();
    let shares = epoch_shares::shares(&table);
    let (us, cn) = (share(&shares, Country::US), share(&shares, Country::CN));
    println!("US {us:.2}%, China {cn:.2}%");
    // Epoch AI: about three-quarters, and 15%.
    assert!((us - 75.0).abs() < 2.0, "US {us}");
    assert!((cn - 15.0).abs() < 1.0, "China {cn}");
    // The crate's figures: US 74.07%, China 14.29%, from 337 clusters.
    assert!((us - 74.07).abs() < 0.01, "US {us}");
    assert!((cn - 14.29).abs() < 0.01, "China {cn}");
    assert_eq!(shares[0].0, Country::US);
    assert_eq!(shares[1].0, Country::CN);
    let total = table.total();
    assert_eq!(total.parts() - total.unknown_parts(), 337);
}

#[test]
fn superseded_clusters_left_out_throughout_undercount_colossus() {
    let r = registry();
    let day = epoch_shares::day();
    let table = epoch_shares::performance(&r, day).unwrap();
    let shares = epoch_shares::shares(&table);
    let (us, cn) = (share(&shares, Country::US), share(&shares, Country::CN));
    println!("US {us:.2}%, China {cn:.2}%");
    // xAI Colossus phase 2 is superseded by phase 3, which runs only from 2025-07-22: the
    // registry's rule leaves phase 2 out in May too.
    assert!((us - 68.74).abs() < 0.01, "US {us}");
    assert!((cn - 17.22).abs() < 0.01, "China {cn}");
    let total = table.total();
    assert_eq!(total.parts() - total.unknown_parts(), 336);
}

#[test]
fn report_prints_both_readings() {
    let r = registry();
    let report = epoch_shares::report(&r, epoch_shares::day()).unwrap();
    let us = report
        .lines()
        .find(|l| l.starts_with("United States"))
        .unwrap_or_default();
    let cells: Vec<&str> = us.split_whitespace().collect();
    assert_eq!(&cells[2..4], ["68.7%", "74.1%"], "{report}");
    assert!(report.contains("China"), "{report}");
}
