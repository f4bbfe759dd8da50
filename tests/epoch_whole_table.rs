//! Epoch AI's whole GPU-clusters table (`tests/data/epoch-gpu-clusters-2025.csv`, all 786
//! rows as published in 2025, CC-BY Epoch AI) imports strictly with no problem, and its
//! per-country rows, GPUs and 16-bit OP/s agree with sums computed without the crate.
//!
//! The expected figures below were printed by `tests/data/epoch_whole_table_sums.py`, which
//! reads the CSV with Python's `csv` module only (`python3 tests/data/epoch_whole_table_sums.py`).

#![cfg(all(feature = "csv", feature = "dataset"))]

use std::collections::BTreeMap;

use sovereign_compute::Country;
use sovereign_compute::analysis::{Deployments, Gpus, Group, GroupKey, Query};
use sovereign_compute::interop::{ImportOptions, ImportReport, epoch};
use sovereign_compute::model::{HardwareRef, Status};
use sovereign_compute::units::{AcceleratorCount, CountingUnit, Precision, Sparsity};

const TABLE: &str = include_str!("data/epoch-gpu-clusters-2025.csv");

/// Per `Country` cell as Epoch AI writes it (empty: no country stated): rows, GPUs (chip
/// quantities, primary and secondary), the sum of `16-bit OP/s`, the rows that give it, the
/// rows counted once (not superseded by, nor a possible duplicate of, another row), and their
/// GPUs. Printed by `tests/data/epoch_whole_table_sums.py`.
#[allow(clippy::type_complexity)]
const EXPECTED: &[(&str, u64, u64, f64, u64, u64, u64)] = &[
    ("Australia", 5, 5944, 4.8624712e+18, 4, 5, 5944),
    ("Brazil", 11, 8160, 1.56604e+18, 9, 10, 7584),
    ("Canada", 7, 5908, 3.1665824e+18, 5, 7, 5908),
    ("China", 253, 811200, 6.88296000000001e+20, 218, 253, 811200),
    ("Czechia", 1, 576, 1.79712e+17, 1, 1, 576),
    ("Denmark", 1, 1528, 1.5118032e+18, 1, 1, 1528),
    ("Finland", 5, 81752, 7.3385384e+19, 5, 5, 81752),
    ("France", 19, 989696, 2.4192503172000005e+21, 19, 16, 983908),
    ("Germany", 13, 32492, 5.1084088e+19, 12, 13, 32492),
    ("Hong Kong", 4, 400, 3.4e+18, 3, 4, 400),
    ("Iceland", 2, 5240, 5.1849552e+18, 2, 2, 5240),
    ("India", 13, 567880, 1.1667534912e+21, 8, 12, 567544),
    ("Indonesia", 1, 0, 0.0, 0, 1, 0),
    ("Israel", 3, 3072, 3.0394368e+18, 2, 2, 2048),
    ("Italy", 10, 54442, 2.62624322e+19, 9, 9, 51272),
    ("Japan", 33, 74640, 5.194308872e+19, 30, 29, 62896),
    (
        "Korea (Republic of)",
        18,
        82936,
        5.177220010399999e+21,
        15,
        17,
        81912,
    ),
    ("Luxembourg", 1, 800, 2.496e+17, 1, 1, 800),
    ("Malaysia", 3, 15428, 3.857e+19, 1, 3, 15428),
    ("Mexico", 1, 0, 0.0, 0, 1, 0),
    ("Netherlands", 3, 2240, 9.373248e+17, 3, 2, 1952),
    ("Norway", 3, 20480, 2.0262912e+19, 3, 3, 20480),
    ("Philippines (the)", 2, 0, 0.0, 0, 2, 0),
    ("Poland", 4, 1500, 1.2240224e+18, 4, 4, 1500),
    ("Russia", 8, 7400, 2.025136e+18, 7, 8, 7400),
    (
        "Saudi Arabia",
        11,
        53869,
        7.077395322399999e+21,
        9,
        11,
        53869,
    ),
    ("Singapore", 6, 6632, 6.1498416e+18, 4, 5, 6376),
    ("Slovenia", 1, 240, 7.488e+16, 1, 1, 240),
    ("Spain", 1, 4480, 4.432512e+18, 1, 1, 4480),
    ("Sweden", 8, 25774, 2.46802176e+19, 7, 7, 25294),
    ("Switzerland", 4, 25896, 1.71384772e+19, 4, 2, 16456),
    ("Taiwan", 6, 18416, 3.83380544e+19, 5, 6, 18416),
    ("Thailand", 6, 6752, 6.2035392e+18, 4, 6, 6752),
    (
        "United Arab Emirates",
        10,
        191888,
        2.2946301436799996e+22,
        9,
        10,
        191888,
    ),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        9,
        54408,
        1.204193832e+20,
        7,
        9,
        54408,
    ),
    (
        "United States of America",
        213,
        6145078,
        4.087050363791997e+22,
        186,
        182,
        5738660,
    ),
    ("Vietnam", 2, 3160, 3.01812e+18, 2, 2, 3160),
    ("", 85, 526048, 8.825636288e+20, 81, 50, 449276),
];

/// What the crate gives per host group, in the shape of [`EXPECTED`].
#[derive(Debug, Default, PartialEq)]
struct Sums {
    rows: u64,
    gpus: u64,
    ops16: f64,
    ops16_rows: u64,
}

fn strict() -> ImportReport {
    epoch::read(TABLE.as_bytes(), &ImportOptions::new())
        .unwrap_or_else(|e| panic!("the whole table imports strictly: {e}"))
}

fn group(cell: &str) -> Group {
    if cell.is_empty() {
        Group::Unknown
    } else {
        Group::Country(Country::parse(cell).unwrap())
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

#[test]
fn the_whole_table_imports_strictly_with_no_problem() {
    let report = strict();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.registry.deployments().len(), 786);
    // Every row, in order: nothing left out.
    let rows: Vec<usize> = report.rows.iter().map(|(row, _)| *row).collect();
    assert_eq!(rows, (2..=787).collect::<Vec<_>>());

    // The six chip quantities with float noise, read as whole numbers, and three links
    // that are no single row's name, each with a note.
    let notes: Vec<_> = report
        .notes
        .iter()
        .map(|n| {
            (
                n.row,
                n.column.as_str(),
                n.value.as_str(),
                n.read_as.as_str(),
            )
        })
        .collect();
    const QUANTITY: &str = "Chip quantity (primary)";
    const DUPLICATE: &str = "Possible Duplicate Of";
    assert_eq!(
        notes,
        [
            (
                80,
                DUPLICATE,
                "Meta GenAI 2024a,Meta GenAI 2024b",
                "a link to epoch-meta-genai-2024a"
            ),
            (117, QUANTITY, "30000.000000000004", "30000"),
            (169, QUANTITY, "30000.000000000004", "30000"),
            (333, QUANTITY, "30000.000000000004", "30000"),
            (585, DUPLICATE, "Alibaba MLPerf 0.7 Submission", "no link"),
            (592, DUPLICATE, "Alibaba MLPerf 0.7 Submission", "no link"),
            (710, QUANTITY, "30000.000000000004", "30000"),
            (765, QUANTITY, "50000.00000000001", "50000"),
            (782, QUANTITY, "200000.00000000003", "200000"),
        ]
    );

    // 85 rows state no country; the EU AI Gigafactories are among them.
    let deployments = report.registry.deployments();
    assert_eq!(deployments.iter().filter(|d| d.host.is_none()).count(), 85);
    let gigafactories: Vec<_> = deployments
        .iter()
        .filter(|d| d.name.contains("Gigafactor"))
        .collect();
    assert!(!gigafactories.is_empty());
    assert!(gigafactories.iter().all(|d| d.host.is_none()));

    // Two decommissioned clusters have no decommissioning date: their end is unknown.
    let undated: Vec<&str> = deployments
        .iter()
        .filter(|d| d.phases[0].status == Status::Decommissioned && d.phases[0].dates.end.is_none())
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        undated,
        ["Alibaba Cloud in Australia", "Alibaba Cloud in India"]
    );

    // Every chip name resolves; a quantity without a chip type is the only unlisted line.
    for d in deployments {
        for line in &d.phases[0].hardware {
            if let HardwareRef::Unlisted(name) = &line.hardware {
                assert_eq!(name, "AI chips (type not stated)", "{}", d.name);
            }
        }
    }
}

#[test]
fn per_country_rows_gpus_and_16_bit_ops_match_independent_sums() {
    let report = strict();
    let mut got: BTreeMap<Group, Sums> = BTreeMap::new();
    for d in report.registry.deployments() {
        let key = d.host.map_or(Group::Unknown, Group::Country);
        let sums = got.entry(key).or_default();
        sums.rows += 1;
        for line in &d.phases[0].hardware {
            if let Some(count) = line.count.value.central() {
                assert_eq!(count.unit(), CountingUnit::Gpu, "{}", d.name);
                sums.gpus += count.count();
            }
        }
        if let Some(compute) = &d.phases[0].compute {
            let format = compute.format.format().unwrap();
            if (format.precision, format.sparsity) == (Precision::Bf16, Sparsity::Dense) {
                sums.ops16 += compute.rate.value.central().unwrap().base_value();
                sums.ops16_rows += 1;
            }
        }
    }
    assert_eq!(
        got.len(),
        EXPECTED.len(),
        "{:?}",
        got.keys().collect::<Vec<_>>()
    );
    for &(cell, rows, gpus, ops16, ops16_rows, _, _) in EXPECTED {
        let sums = &got[&group(cell)];
        assert_eq!(
            (sums.rows, sums.gpus, sums.ops16_rows),
            (rows, gpus, ops16_rows),
            "{cell:?}"
        );
        assert!(
            close(sums.ops16, ops16),
            "{cell:?}: {} != {ops16}",
            sums.ops16
        );
    }
}

#[test]
fn queries_group_rows_without_a_country_as_unknown_and_count_each_cluster_once() {
    let report = strict();
    let by_host = Query::new().group_by(GroupKey::HostCountry);
    let rows = by_host.run(&report.registry, Deployments).unwrap();
    let gpus = by_host.run(&report.registry, Gpus).unwrap();
    for &(cell, _, _, _, _, once, once_gpus) in EXPECTED {
        let key = [group(cell)];
        let row = rows.get(&key).unwrap();
        assert_eq!(row.total.central(), Some(once), "{cell:?}");
        // The known parts; a total with none known (no chip quantity in the group) has no
        // lower bound.
        let row = gpus.get(&key).unwrap();
        let expected = (once_gpus > 0).then(|| AcceleratorCount::gpus(once_gpus));
        assert_eq!(row.total.lower(), expected, "{cell:?}");
    }
    // The unknown group is shown, last, and never inside a country's total.
    let text = gpus.to_string();
    let unknown = text
        .lines()
        .find(|l| l.starts_with("unknown "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(unknown.contains("449,276"), "{unknown}");
}

#[test]
fn the_whole_table_written_back_reads_back_the_same() {
    let report = strict();
    let first = epoch::write(&report.registry).unwrap();
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let back = epoch::read(first.csv.as_bytes(), &ImportOptions::new())
        .unwrap_or_else(|e| panic!("the written table imports strictly: {e}"));
    assert_eq!(back.registry.deployments().len(), 786);
    let second = epoch::write(&back.registry).unwrap();
    assert_eq!(first.csv, second.csv);
    // The cells kept as written are written back as they were.
    for name in [
        "Meta GenAI 2024a,Meta GenAI 2024b",
        "Alibaba MLPerf 0.7 Submission",
    ] {
        assert!(first.csv.contains(name), "{name}");
    }
}
