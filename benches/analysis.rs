//! Analysis at 1k, 100k and 1M synthetic deployments: GPUs by host country, FP4 compute by
//! host country, and a quarterly series of GPUs by host country (committed scenario). Each
//! bench group times the query beside a hand-written loop over the same data that computes
//! the same figures with none of the crate's checks (figures in benches/README.md).
//!
//! The size list can be narrowed with `ANALYSIS_BENCH_SIZES=1000,100000`.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use sovereign_compute::Country;
use sovereign_compute::analysis::{Compute, Gpus, GroupKey, Period, Points, Query, Scenario};
use sovereign_compute::catalog::Catalog;
use sovereign_compute::model::{Deployment, FormatReading, HardwareRef, Phase};
use sovereign_compute::registry::Registry;
use sovereign_compute::synthetic;
use sovereign_compute::units::{ComputeFormat, CountingUnit, Precision, Sparsity};

const FP4: ComputeFormat = ComputeFormat::peak(Precision::Fp4, Sparsity::Dense);

fn sizes() -> Vec<usize> {
    std::env::var("ANALYSIS_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 100_000, 1_000_000])
}

/// The registries, generated once per size outside any timed closure.
fn registries() -> Vec<(usize, Registry)> {
    sizes()
        .into_iter()
        .map(|n| {
            let start = Instant::now();
            let registry = match synthetic::builder(n, 42).and_then(|b| b.build()) {
                Ok(r) => r,
                Err(e) => panic!("synthetic registry of {n}: {e}"),
            };
            let phases: usize = registry.deployments().iter().map(|d| d.phases.len()).sum();
            let lines: usize = registry
                .deployments()
                .iter()
                .flat_map(|d| &d.phases)
                .map(|p| p.hardware.len())
                .sum();
            println!(
                "{n} deployments ({phases} phases, {lines} hardware lines) generated in {:.1?}",
                start.elapsed()
            );
            (n, registry)
        })
        .collect()
}

/// lower, central, upper (`None` = unbounded), unknown parts.
#[derive(Debug, Default, Clone, Copy)]
struct Sum<T> {
    lower: T,
    central: T,
    upper: Option<T>,
    unknown: usize,
}

impl<T: Copy + std::ops::Add<Output = T>> Sum<T> {
    fn add(&mut self, lower: T, central: T, upper: Option<T>) {
        self.lower = self.lower + lower;
        self.central = self.central + central;
        self.upper = self.upper.zip(upper).map(|(a, b)| a + b);
    }
}

fn new_sum<T: Default>() -> Sum<T> {
    Sum {
        upper: Some(T::default()),
        ..Sum::default()
    }
}

fn name(hardware: &HardwareRef) -> Option<&str> {
    match hardware {
        HardwareRef::Part(id) => Some(id.as_str()),
        HardwareRef::System(id) => Some(id.as_str()),
        _ => None,
    }
}

fn counted(d: &Deployment) -> bool {
    d.superseded_by.is_none() && d.duplicate_of.is_none()
}

/// Visits every counting hardware line with (deployment, phase, lower, central, upper) in
/// the line's own unit, or `None` for an unknown count.
fn lines<'r>(
    registry: &'r Registry,
    mut f: impl FnMut(
        &'r Deployment,
        &'r Phase,
        &'r HardwareRef,
        Option<(u64, u64, Option<u64>, CountingUnit)>,
    ),
) {
    for d in registry.deployments().iter().filter(|d| counted(d)) {
        for p in d.phases.iter().filter(|p| !p.status.never_counts()) {
            for line in &p.hardware {
                let e = &line.count.value;
                let known = e.bounds().zip(e.central()).map(|(b, c)| {
                    (
                        b.lower.count(),
                        c.count(),
                        b.upper.map(|u| u.count()),
                        b.lower.unit(),
                    )
                });
                f(d, p, &line.hardware, known);
            }
        }
    }
}

/// GPUs per unit of each (hardware, unit), looked up once.
fn gpus_per<'r>(
    catalog: &Catalog,
    cache: &mut HashMap<(&'r HardwareRef, CountingUnit), Option<u64>>,
    hardware: &'r HardwareRef,
    unit: CountingUnit,
) -> Option<u64> {
    *cache
        .entry((hardware, unit))
        .or_insert_with(|| name(hardware).and_then(|n| catalog.gpus_per(n, unit).ok()))
}

fn baseline_gpus(registry: &Registry) -> HashMap<Option<Country>, Sum<u64>> {
    let catalog = registry.catalog();
    let mut cache = HashMap::new();
    let mut out: HashMap<Option<Country>, Sum<u64>> = HashMap::new();
    lines(registry, |d, _, hardware, known| {
        let sum = out.entry(d.host).or_insert_with(new_sum);
        match known.and_then(|(l, c, u, unit)| {
            Some((l, c, u, gpus_per(catalog, &mut cache, hardware, unit)?))
        }) {
            Some((l, c, u, per)) => sum.add(l * per, c * per, u.map(|u| u * per)),
            None => sum.unknown += 1,
        }
    });
    out
}

fn baseline_fp4(registry: &Registry) -> HashMap<Option<Country>, Sum<f64>> {
    let catalog = registry.catalog();
    let mut cache = HashMap::new();
    let mut peak: HashMap<&HardwareRef, Option<f64>> = HashMap::new();
    let mut out: HashMap<Option<Country>, Sum<f64>> = HashMap::new();
    for d in registry.deployments().iter().filter(|d| counted(d)) {
        let sum = out.entry(d.host).or_insert_with(new_sum);
        for p in d.phases.iter().filter(|p| !p.status.never_counts()) {
            let stated = p
                .compute
                .as_ref()
                .filter(|c| c.format == FormatReading::Stated(FP4));
            if let Some(b) = stated.and_then(|c| c.rate.value.bounds()) {
                let c = stated
                    .and_then(|c| c.rate.value.central())
                    .map_or(0.0, |c| c.base_value());
                sum.add(b.lower.base_value(), c, b.upper.map(|u| u.base_value()));
                continue;
            }
            for line in &p.hardware {
                let e = &line.count.value;
                let (Some(b), Some(c)) = (e.bounds(), e.central()) else {
                    sum.unknown += 1;
                    continue;
                };
                let per = gpus_per(catalog, &mut cache, &line.hardware, b.lower.unit());
                let rate = *peak.entry(&line.hardware).or_insert_with(|| {
                    name(&line.hardware)
                        .and_then(|n| {
                            catalog
                                .per_gpu_peak(n, Precision::Fp4, Sparsity::Dense)
                                .ok()
                        })
                        .map(|r| r.base_value())
                });
                match per.zip(rate) {
                    Some((per, rate)) => {
                        let f = per as f64 * rate;
                        let scale = |n: u64| n as f64 * f;
                        sum.add(
                            scale(b.lower.count()),
                            scale(c.count()),
                            b.upper.map(|u| scale(u.count())),
                        );
                    }
                    None => sum.unknown += 1,
                }
            }
        }
    }
    out
}

fn quarters() -> Points {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    match Points::new(Period::Quarter, day(2023, 1, 1), day(2029, 12, 31)) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

/// Per country, a bucket per quarter of GPUs coming online (committed: at the latest day of
/// the online date), then running sums.
fn baseline_series(
    registry: &Registry,
    days: &[NaiveDate],
) -> HashMap<Option<Country>, Vec<Sum<u64>>> {
    let catalog = registry.catalog();
    let mut cache = HashMap::new();
    let mut out: HashMap<Option<Country>, Vec<Sum<u64>>> = HashMap::new();
    lines(registry, |d, p, hardware, known| {
        let Some(online) = p.dates.online else {
            return;
        };
        let i = days.partition_point(|day| *day < online.latest());
        let buckets = out
            .entry(d.host)
            .or_insert_with(|| vec![new_sum(); days.len()]);
        let Some(sum) = buckets.get_mut(i) else {
            return;
        };
        match known.and_then(|(l, c, u, unit)| {
            Some((l, c, u, gpus_per(catalog, &mut cache, hardware, unit)?))
        }) {
            Some((l, c, u, per)) => sum.add(l * per, c * per, u.map(|u| u * per)),
            None => sum.unknown += 1,
        }
    });
    for buckets in out.values_mut() {
        let mut running = new_sum::<u64>();
        for b in buckets.iter_mut() {
            running.add(b.lower, b.central, b.upper);
            running.unknown += b.unknown;
            *b = running;
        }
    }
    out
}

fn analysis(c: &mut Criterion) {
    let registries = registries();
    let by_country = Query::new().group_by(GroupKey::HostCountry);
    let points = quarters();

    // The query and its baseline must agree before their speed is compared.
    for (n, r) in &registries {
        let table = by_country.run(r, Gpus).unwrap_or_else(|e| panic!("{e}"));
        let base = baseline_gpus(r);
        for row in table.rows() {
            let country = match &row.groups[0] {
                sovereign_compute::analysis::Group::Country(c) => *c,
                other => panic!("unexpected group {other}"),
            };
            let b = base[&Some(country)];
            assert_eq!(
                row.total.lower().map(|x| x.count()),
                Some(b.lower),
                "{n} {country}"
            );
            assert_eq!(
                row.total.central().map(|x| x.count()),
                Some(b.central),
                "{n} {country}"
            );
        }
    }

    let mut group = c.benchmark_group("gpus_by_country");
    for (n, r) in &registries {
        configure(&mut group, *n);
        group.bench_with_input(BenchmarkId::new("query", n), r, |b, r| {
            b.iter(|| by_country.run(black_box(r), Gpus))
        });
        group.bench_with_input(BenchmarkId::new("baseline", n), r, |b, r| {
            b.iter(|| baseline_gpus(black_box(r)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("fp4_by_country");
    for (n, r) in &registries {
        configure(&mut group, *n);
        group.bench_with_input(BenchmarkId::new("query", n), r, |b, r| {
            b.iter(|| by_country.run(black_box(r), Compute::new(FP4)))
        });
        group.bench_with_input(BenchmarkId::new("baseline", n), r, |b, r| {
            b.iter(|| baseline_fp4(black_box(r)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("quarterly_series_by_country");
    for (n, r) in &registries {
        configure(&mut group, *n);
        group.bench_with_input(BenchmarkId::new("query", n), r, |b, r| {
            b.iter(|| by_country.series(black_box(r), Gpus, Scenario::Committed, &points))
        });
        group.bench_with_input(BenchmarkId::new("baseline", n), r, |b, r| {
            b.iter(|| baseline_series(black_box(r), points.days()))
        });
    }
    group.finish();
}

/// Few, flat samples for the large sizes, so that a run takes minutes, not hours.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(10);
    if n >= 100_000 {
        group.sampling_mode(SamplingMode::Flat);
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
