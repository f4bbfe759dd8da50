//! H100 equivalents: hand-computed cases for both definitions, bounds and routes; then Epoch
//! AI's 2025 GPU-clusters table, whose own `H100 equivalents` column the Epoch-compatible
//! measure gives back wherever the rows' chips are in the catalog.

#![cfg(feature = "dataset")]

use std::sync::Arc;

use sovereign_compute::analysis::{
    EPOCH_H100_OPS, Filter, GroupKey, H100_SXM, H100Equivalents, H100e, Query,
};
use sovereign_compute::catalog::{
    Accelerator, Catalog, PeakFigure, Provenance, Source as CatalogSource,
};
use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::model::{
    Deployment, FormatReading, HardwareLine, HardwareRef, Phase, Sourced, StatedCompute, Status,
};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{ComputeFormat, Precision, Sparsity};
use sovereign_compute::{Country, Error};

type R<T = ()> = Result<T, Error>;

const BF16: H100Equivalents = H100Equivalents::at(Precision::Bf16, Sparsity::Dense);
const FP8: H100Equivalents = H100Equivalents::at(Precision::Fp8, Sparsity::Dense);
const INT8: H100Equivalents = H100Equivalents::at(Precision::Int8, Sparsity::Dense);
const EPOCH: H100Equivalents = H100Equivalents::epoch();

fn line(part: &str, phrase: &str) -> R<HardwareLine> {
    Ok(HardwareLine::new(
        HardwareRef::Part(part.into()),
        Sourced::new(Estimate::parse(phrase)?),
    ))
}

/// One deployment with one operational phase of these lines.
fn one(lines: Vec<HardwareLine>) -> R<Registry> {
    let mut phase = Phase::new("p1", Status::Operational);
    phase.hardware = lines;
    Registry::builder()
        .deployment(Deployment::new("x", "X", Country::FR).with_phase(phase))
        .build()
}

fn total(registry: &Registry, measure: H100Equivalents) -> R<Total<H100e>> {
    Ok(Query::new().run(registry, measure)?.total().clone())
}

fn central(registry: &Registry, measure: H100Equivalents) -> R<Option<f64>> {
    Ok(total(registry, measure)?.central().map(H100e::value))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn the_h100_itself_is_one_at_every_format_it_has() -> R {
    let r = one(vec![line(H100_SXM, "1,000 GPUs")?])?;
    for m in [BF16, FP8, INT8, EPOCH] {
        assert_eq!(central(&r, m)?, Some(1_000.0), "{m}");
    }
    // The H100 SXM's dense 8-bit peak in the catalog is Epoch AI's divisor.
    let catalog = r.catalog();
    let h100 = catalog.resolve_hardware(&HardwareRef::Part(H100_SXM.into()), None)?;
    let fp8 = h100.candidates()[0].per_gpu_peak(Precision::Fp8, Sparsity::Dense);
    assert_eq!(fp8.map(|r| r.base_value()), Some(EPOCH_H100_OPS));
    Ok(())
}

#[test]
fn other_parts_over_the_h100_at_the_same_format() -> R {
    // 1,000 GB200 superchips are 2,000 GPUs of 2.5 PFLOP/s BF16 and 5 PFLOP/s FP8 dense:
    // 2,000 × 2.5e15 / 989.5e12 = 5,053.06 at BF16; 2,000 × 5e15 / 1.979e15 the same at FP8.
    let gb200 = one(vec![line("nvidia-gb200", "1,000 superchips")?])?;
    let expected = 2_000.0 * 2.5e15 / 989.5e12;
    assert!(close(central(&gb200, BF16)?.unwrap_or(0.0), expected));
    assert!(close(central(&gb200, FP8)?.unwrap_or(0.0), expected));
    assert!(close(central(&gb200, EPOCH)?.unwrap_or(0.0), expected));

    // An A100 has no FP8: unknown at FP8, never zero; 624 / 1,979 at INT8; 312 / 989.5 at
    // BF16. No fixed factor links the formats: 0.3153 H100e at INT8, 0.3153 at BF16 only
    // because both halve.
    let a100 = one(vec![line("nvidia-a100-sxm-80gb", "1,000 GPUs")?])?;
    let fp8 = total(&a100, FP8)?;
    assert_eq!((fp8.central(), fp8.unknown_parts()), (None, 1));
    assert!(close(
        central(&a100, INT8)?.unwrap_or(0.0),
        1_000.0 * 624.0 / 1_979.0
    ));
    assert!(close(
        central(&a100, BF16)?.unwrap_or(0.0),
        1_000.0 * 312.0 / 989.5
    ));
    // Epoch AI's A100 figure is its 8-bit (INT8) peak.
    assert!(close(
        central(&a100, EPOCH)?.unwrap_or(0.0),
        1_000.0 * 624.0 / 1_979.0
    ));
    Ok(())
}

#[test]
fn bounds_follow_the_counts() -> R {
    // "up to 1,000 superchips": 0 to 2,000 GPUs.
    let upto = one(vec![line("nvidia-gb200", "up to 1,000 superchips")?])?;
    let t = total(&upto, FP8)?;
    assert_eq!(t.lower().map(H100e::value), Some(0.0));
    assert!(close(
        t.upper().map_or(0.0, H100e::value),
        2_000.0 * 5e15 / 1.979e15
    ));
    // "more than 500 H100": 500 and unbounded above.
    let more = one(vec![line(H100_SXM, "more than 500 GPUs")?])?;
    let t = total(&more, BF16)?;
    assert_eq!(
        (t.lower().map(H100e::value), t.upper()),
        (Some(500.0), None)
    );
    // An unknown count is an unknown part that keeps the others' lower bound.
    let mixed = one(vec![
        line(H100_SXM, "100 GPUs")?,
        HardwareLine::new(
            HardwareRef::Part(H100_SXM.into()),
            Sourced::new(Estimate::unknown()),
        ),
    ])?;
    let t = total(&mixed, BF16)?;
    assert_eq!(
        (t.lower().map(H100e::value), t.upper(), t.unknown_parts()),
        (Some(100.0), None, 1)
    );
    Ok(())
}

#[test]
fn a_stated_figure_in_the_format_counts() -> R {
    let phase = Phase::new("p1", Status::Operational).with_compute(StatedCompute::new(
        Sourced::new(Estimate::parse("9.895 EFLOP/s")?),
        FormatReading::Stated(ComputeFormat::peak(Precision::Bf16, Sparsity::Dense)),
    ));
    let r = Registry::builder()
        .deployment(Deployment::new("x", "X", Country::IT).with_phase(phase))
        .build()?;
    let table = Query::new().run(&r, BF16)?;
    assert!(close(
        table.total().central().map_or(0.0, H100e::value),
        10_000.0
    ));
    assert_eq!(table.routes().stated, 1);
    // In another format the stated figure says nothing, and there is no hardware.
    assert_eq!(total(&r, FP8)?.unknown_parts(), 1);
    // Epoch AI's definition reads hardware only.
    assert_eq!(total(&r, EPOCH)?.unknown_parts(), 1);
    Ok(())
}

#[test]
fn epoch_counts_a_mixed_phase_at_its_highest_format() -> R {
    // 10,000 A100 (8-bit: INT8 624 TOPS) and 10,000 V100 (16-bit only, 125 TFLOP/s): the
    // phase is 8-bit, and the V100s add nothing, as in Epoch AI's table (XTX Markets).
    let r = one(vec![
        line("nvidia-a100-sxm-80gb", "10,000 GPUs")?,
        line("nvidia-v100-sxm2-32gb", "10,000 GPUs")?,
    ])?;
    let table = Query::new().run(&r, EPOCH)?;
    assert!(close(
        table.total().central().map_or(0.0, H100e::value),
        10_000.0 * 624e12 / EPOCH_H100_OPS
    ));
    assert_eq!(table.routes().derived, 1);
    // Grouped by part, each line is counted alone, at its own highest format.
    let by_part = Query::new().group_by(GroupKey::Part).run(&r, EPOCH)?;
    let values: Vec<f64> = by_part
        .rows()
        .iter()
        .map(|row| row.total.central().map_or(0.0, H100e::value))
        .collect();
    assert_eq!(values.len(), 2);
    assert!(close(values[0], 10_000.0 * 624e12 / EPOCH_H100_OPS));
    assert!(close(values[1], 10_000.0 * 125e12 / EPOCH_H100_OPS));
    // The crate's own measure at FP16 counts both: (312 + 125) × 10,000 / 989.5; at BF16
    // the V100, which has none, is an unknown part.
    let fp16 = H100Equivalents::at(Precision::Fp16, Sparsity::Dense);
    assert!(close(
        central(&r, fp16)?.unwrap_or(0.0),
        10_000.0 * (312.0 + 125.0) / 989.5
    ));
    let bf16 = total(&r, BF16)?;
    assert!(close(
        bf16.lower().map_or(0.0, H100e::value),
        10_000.0 * 312.0 / 989.5
    ));
    assert_eq!(bf16.unknown_parts(), 1);
    Ok(())
}

#[test]
fn no_h100_figure_is_an_error_not_a_zero() -> R {
    let r = one(vec![line(H100_SXM, "10 GPUs")?])?;
    let fp4 = Query::new().run(&r, H100Equivalents::at(Precision::Fp4, Sparsity::Dense));
    assert!(
        matches!(&fp4, Err(Error::MissingFigure { part, figure }) if part == H100_SXM && figure == "FP4 dense peak"),
        "{fp4:?}"
    );
    // A catalog without the H100 SXM has nothing to count in.
    let mut catalog = Catalog::new();
    catalog.add_source(CatalogSource::new("S", "Sheet", Provenance::VendorDirect))?;
    catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_peak(
        PeakFigure::new(Precision::Bf16, Sparsity::Dense, "1 PFLOP/s".parse()?, "S"),
    ))?;
    let acme = Registry::builder()
        .catalog(Arc::new(catalog))
        .deployment(Deployment::new("x", "X", Country::FR).with_phase(
            Phase::new("p1", Status::Operational).with_hardware_line(line("acme-x1", "10 GPUs")?),
        ))
        .build()?;
    assert!(matches!(
        Query::new().run(&acme, BF16),
        Err(Error::MissingFigure { .. })
    ));
    // Epoch AI's divisor is fixed: 10 × 1 PFLOP/s / 1.979e15.
    assert!(close(
        central(&acme, EPOCH)?.unwrap_or(0.0),
        10.0 * 1e15 / EPOCH_H100_OPS
    ));
    Ok(())
}

#[test]
fn filters_and_groups_apply() -> R {
    let r = Registry::builder()
        .deployment(Deployment::new("fr", "FR", Country::FR).with_phase(
            Phase::new("p1", Status::Operational).with_hardware_line(line(H100_SXM, "300 GPUs")?),
        ))
        .deployment(Deployment::new("de", "DE", Country::DE).with_phase(
            Phase::new("p1", Status::Operational).with_hardware_line(line(H100_SXM, "100 GPUs")?),
        ))
        .build()?;
    let table = Query::new().group_by(GroupKey::HostCountry).run(&r, BF16)?;
    assert_eq!(
        table.to_string(),
        "\
H100 equivalents at BF16 dense peak by host country
host country      lower    central      upper  unknown   share
DE            100 H100e  100 H100e  100 H100e        0   25.0%
FR            300 H100e  300 H100e  300 H100e        0   75.0%
total         400 H100e  400 H100e  400 H100e        0  100.0%
"
    );
    let fr = Query::new()
        .filter(Filter::HostCountry(vec![Country::FR]))
        .run(&r, EPOCH)?;
    assert_eq!(fr.total().central().map(H100e::value), Some(300.0));
    Ok(())
}

#[cfg(feature = "csv")]
mod epoch_table {
    use std::collections::HashSet;

    use super::*;
    use sovereign_compute::interop::{Effect, ImportOptions, epoch};

    const TABLE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/epoch-gpu-clusters-2025.csv"
    );

    /// Chips whose figure in Epoch AI's table differs from the catalog's at the format Epoch
    /// AI uses for them: rows of these chips are not expected to give the column back.
    const DIFFERENT_FIGURES: &[(&str, &str)] = &[
        (
            "NVIDIA Tesla K40c",
            "Epoch AI: 5.046 TFLOP/s FP32 (boost clock); catalog: 4.29 (base clock)",
        ),
        (
            "NVIDIA Tesla K40m",
            "Epoch AI: 5.046 TFLOP/s FP32 (boost clock); catalog: 4.29 (base clock)",
        ),
        (
            "NVIDIA Tesla K80",
            "Epoch AI: 8.126 TFLOP/s FP32; catalog: 8.73 (boost clock)",
        ),
        (
            "NVIDIA Tesla P100 SXM2",
            "Epoch AI: 21.22 TFLOP/s FP16; catalog: 21.2",
        ),
        (
            "NVIDIA Tesla P100 PCIe 16GB",
            "Epoch AI: 19.05 TFLOP/s FP16; catalog: 18.7",
        ),
        (
            "PEZY-SC2",
            "Epoch AI: 16.04 TFLOP/s 16-bit; catalog: 16.384",
        ),
        ("Google TPU v2", "Epoch AI: 46 TFLOP/s BF16; catalog: 45"),
        (
            "Amazon Trainium1",
            "Epoch AI: 420 TOPS 8-bit; catalog: FP8 190, INT8 380",
        ),
        (
            "Amazon Trainium2",
            "Epoch AI gives no 8-bit figure (16-bit 667 TFLOP/s); catalog: FP8 1,299",
        ),
        (
            "Intel Habana Gaudi2",
            "Epoch AI gives no 8-bit figure (16-bit 450 TFLOP/s); catalog: FP8 865, BF16 432",
        ),
        (
            "NVIDIA L40",
            "Epoch AI: 362 TOPS 8-bit; the catalog has no 8-bit figure for the L40",
        ),
        (
            "NVIDIA Quadro RTX 5000",
            "Epoch AI: 22.3 TFLOP/s 16-bit (non-tensor); catalog: 89.2 (tensor)",
        ),
    ];

    /// Rows whose own figures disagree with their chips in Epoch AI's table.
    const ROW_ANOMALIES: &[(&str, &str)] = &[(
        "Novo Nordisk Gefion",
        "8-bit OP/s 6e18, not 1,528 H100 × 1.979e15 = 3.02e18",
    )];

    #[derive(Debug, Default)]
    struct Tally {
        matched: usize,
        within_bounds: usize,
        different_figures: usize,
        row_anomalies: usize,
        not_computable: usize,
        without_column: usize,
    }

    #[test]
    fn epoch_definition_gives_each_rows_column_back() -> R {
        let bytes = std::fs::read(TABLE).expect("the tests/data copy of Epoch AI's table");
        let report = epoch::read(&bytes[..], &ImportOptions::new().lenient())?;
        let skipped: HashSet<usize> = report
            .problems
            .iter()
            .filter(|p| p.effect == Effect::RowSkipped)
            .map(|p| p.row)
            .collect();
        let mut csv = csv::Reader::from_reader(&bytes[..]);
        let header = csv.headers().cloned().unwrap_or_default();
        let column = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
        let (name, h100e, chips) = (
            column("Name"),
            column("H100 equivalents"),
            [
                column("Chip type (primary)"),
                column("Chip type (secondary)"),
            ],
        );
        // Each imported row next to its deployment: rows are imported in order, and the
        // report names the rows left out.
        let rows: Vec<csv::StringRecord> = csv
            .records()
            .enumerate()
            .filter(|(i, _)| !skipped.contains(&(i + 2)))
            .filter_map(|(_, r)| r.ok())
            .collect();
        let deployments = report.registry.deployments();
        assert_eq!(rows.len(), deployments.len());

        // Every record counted on its own: superseded and duplicate rows have their own
        // column too.
        let mut builder = Registry::builder();
        for s in report.registry.sources() {
            builder = builder.source(s.clone());
        }
        for o in report.registry.organisations() {
            builder = builder.organisation(o.clone());
        }
        for d in deployments {
            let mut d = d.clone();
            d.superseded_by = None;
            d.duplicate_of = None;
            builder = builder.deployment(d);
        }
        let registry = builder.build()?;

        let mut tally = Tally::default();
        let mut unexplained = Vec::new();
        for (row, d) in rows.iter().zip(deployments) {
            assert_eq!(row.get(name).map(str::trim), Some(d.name.as_str()));
            let Some(expected) = row.get(h100e).and_then(|c| c.parse::<f64>().ok()) else {
                tally.without_column += 1;
                continue;
            };
            let table = Query::new()
                .filter(Filter::Deployments(vec![d.id.clone()]))
                .run(&registry, EPOCH)?;
            let total = table.total();
            let (Some(central), 0) = (total.central(), total.unknown_parts()) else {
                tally.not_computable += 1;
                continue;
            };
            let relative =
                (central.value() - expected).abs() / expected.abs().max(f64::MIN_POSITIVE);
            let lower = total.lower().map_or(0.0, H100e::value);
            let upper = total.upper().map_or(f64::INFINITY, H100e::value);
            let row_chips: Vec<&str> = chips.iter().filter_map(|&c| row.get(c)).collect();
            if relative <= 1e-6 {
                tally.matched += 1;
            } else if lower < upper
                && expected >= lower * (1.0 - 1e-6)
                && expected <= upper * (1.0 + 1e-6)
            {
                // A chip the row names without its variant ("NVIDIA V100": SXM2 or PCIe)
                // spans the variants; Epoch AI's figure is one of them.
                tally.within_bounds += 1;
            } else if ROW_ANOMALIES.iter().any(|(n, _)| *n == d.name) {
                tally.row_anomalies += 1;
            } else if row_chips
                .iter()
                .any(|c| DIFFERENT_FIGURES.iter().any(|(chip, _)| chip == c))
            {
                tally.different_figures += 1;
            } else {
                unexplained.push(format!(
                    "{} ({}): Epoch AI {expected}, crate {} [{lower}, {upper}]",
                    d.name,
                    row_chips.join(" + "),
                    central.value()
                ));
            }
        }
        println!("{tally:?}");
        assert!(unexplained.is_empty(), "{unexplained:#?}");
        // At the time of writing: 306 rows give the column back to 1e-6, 37 more lie within
        // the span of a chip named without its variant; more once more rows import.
        assert!(tally.matched >= 306, "{tally:?}");
        assert!(tally.within_bounds >= 37, "{tally:?}");
        assert!(tally.different_figures <= 20, "{tally:?}");
        Ok(())
    }

    #[test]
    fn routes_of_the_table_are_derived() -> R {
        let bytes = std::fs::read(TABLE).expect("the tests/data copy of Epoch AI's table");
        let report = epoch::read(&bytes[..], &ImportOptions::new().lenient())?;
        let table = Query::new().run(&report.registry, EPOCH)?;
        let routes = table.routes();
        assert_eq!(routes.stated + routes.assumed, 0);
        assert!(routes.derived > 0 && routes.unknown > 0);
        Ok(())
    }
}

#[cfg(feature = "csv")]
#[test]
fn h100_equivalents_write_out_with_their_definition_in_the_column_names() -> R {
    let r = one(vec![line(H100_SXM, "1,000 GPUs")?])?;
    let at = Query::new().run(&r, BF16)?.to_csv();
    let header = at.lines().next().unwrap_or_default();
    assert!(header.contains("h100e_bf16_dense_peak_central"), "{header}");
    let epoch = Query::new().run(&r, EPOCH)?.to_csv();
    assert!(
        epoch
            .lines()
            .next()
            .unwrap_or_default()
            .contains("h100e_epoch_central")
    );
    assert!(
        epoch
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains(",1000.0,1000.0,1000.0,"),
        "{epoch}"
    );
    Ok(())
}
