//! Registry JSON load throughput at 1k and 100k deployments, and the peak memory of a
//! 100k-deployment load (read from /proc/self/status on Linux; figures in benches/README.md).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sovereign_compute::registry::Registry;
use sovereign_compute::synthetic;

/// Peak resident set size of this process so far, in MiB (Linux only).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry_from_json");
    group.sample_size(10);
    for n in [1_000usize, 100_000] {
        let json = match synthetic::registry(n, 42).and_then(|r| r.to_json()) {
            Ok(json) => json,
            Err(e) => panic!("synthetic registry of {n}: {e}"),
        };
        println!("{n} deployments: {:.1} MB of JSON", json.len() as f64 / 1e6);
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &json, |b, json| {
            b.iter(|| Registry::from_json(black_box(json)))
        });
        if n == 100_000 {
            let before = peak_rss_mib();
            let loaded = Registry::from_json(&json);
            let after = peak_rss_mib();
            println!(
                "peak RSS before/after one 100k load: {before:.0?} / {after:.0?} MiB (JSON text {:.0} MiB held)",
                json.len() as f64 / (1024.0 * 1024.0)
            );
            drop(loaded);
        }
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
