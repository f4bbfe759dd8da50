//! Two outputs of the crate that answer the same question agree exactly: a query and the flat
//! export of the same registry, and the Epoch AI export's chip counts.

#![cfg(all(feature = "csv", feature = "dataset"))]

use std::collections::BTreeMap;

use sovereign_compute::analysis::{Compute, Gpus, Group, GroupKey, Query};
use sovereign_compute::interop::flat;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{Precision, Sparsity};
use sovereign_compute::{datasets, synthetic};

/// (host country, status) → (lower, central) GPUs from the flat export's counted rows, summed
/// as a spreadsheet would: empty cells are nothing.
fn flat_sums(registry: &Registry) -> BTreeMap<(String, String), (u64, u64)> {
    let out = flat::write(registry).unwrap();
    let mut reader = ::csv::Reader::from_reader(out.csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut sums = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        let status = &row[col("status")];
        if !row[col("superseded_by")].is_empty()
            || !row[col("duplicate_of")].is_empty()
            || status == "cancelled"
            || status == "superseded"
        {
            continue;
        }
        let n = |c: &str| row[col(c)].parse::<u64>().unwrap_or(0);
        let status = if status.is_empty() { "unknown" } else { status };
        let sum: &mut (u64, u64) = sums
            .entry((row[col("host_country")].to_owned(), status.to_owned()))
            .or_default();
        sum.0 += n("gpus_lower");
        sum.1 += n("gpus_central");
    }
    sums
}

/// The same from `Query`, grouped by host country and status.
fn query_sums(registry: &Registry) -> BTreeMap<(String, String), (u64, u64)> {
    let table = Query::new()
        .group_by_pair(GroupKey::HostCountry, GroupKey::Status)
        .run(registry, Gpus)
        .unwrap();
    table
        .rows()
        .iter()
        .map(|row| {
            let country = match &row.groups[0] {
                Group::Country(c) => c.alpha2().to_owned(),
                other => other.to_string(),
            };
            let lower = row.total.lower().map_or(0, |c| c.count());
            let central = row.total.central().map_or(0, |c| c.count());
            ((country, row.groups[1].to_string()), (lower, central))
        })
        .collect()
}

#[test]
fn gpus_per_country_and_status_agree_between_query_and_flat_export() {
    for registry in [
        synthetic::registry(20_000, 42).unwrap(),
        synthetic::registry(3_000, 7).unwrap(),
        datasets::gtc_paris_2025().unwrap(),
    ] {
        let flat = flat_sums(&registry);
        let query = query_sums(&registry);
        assert!(flat.len() > 2, "{flat:?}");
        assert_eq!(flat, query);
    }
}

#[test]
fn derived_compute_per_country_agrees_between_query_and_flat_export() {
    // Synthetic registries state no compute, so a query's FP4 totals are the hardware's, as
    // the flat table's derived columns are; a line without an FP4 figure (H100) is unknown in
    // both. Floating-point sums are added in another order (per row here, per part there):
    // equal to 1e-12.
    let registry = synthetic::registry(5_000, 3).unwrap();
    let out = flat::write(&registry).unwrap();
    let mut reader = ::csv::Reader::from_reader(out.csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut flat: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        if &row[col("status")] == "cancelled" {
            continue;
        }
        let n = |c: &str| row[col(c)].parse::<f64>().unwrap_or(0.0);
        let sum = flat.entry(row[col("host_country")].to_owned()).or_default();
        sum.0 += n("fp4_sparse_pflops_lower") * 1e15;
        sum.1 += n("fp4_sparse_pflops_central") * 1e15;
        sum.2 += row[col("fp4_sparse_unknown_lines")]
            .parse::<usize>()
            .unwrap();
    }
    let table = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&registry, Compute::peak(Precision::Fp4, Sparsity::Sparse))
        .unwrap();
    assert_eq!(table.rows().len(), flat.len());
    for row in table.rows() {
        let Group::Country(c) = &row.groups[0] else {
            panic!("{:?}", row.groups)
        };
        let (lower, central, unknown) = flat[c.alpha2()];
        assert_eq!(unknown, row.total.unknown_parts(), "{c} unknown lines");
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.max(b);
        let q = |v: Option<sovereign_compute::units::ComputeFigure>| v.unwrap().rate.base_value();
        assert!(close(lower, q(row.total.lower())), "{c} lower");
        assert!(close(central, q(row.total.central())), "{c} central");
    }
}
