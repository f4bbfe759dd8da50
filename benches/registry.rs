//! Registry JSON load throughput at 1k and 100k deployments, and the peak memory of a
//! 100k-deployment load (read from /proc/self/status on Linux; figures in benches/README.md),
//! and loads of 1,000 and 4,000 programmes: linear validation makes 4x the records cost about
//! 4x the time (a regression once built every deployment's host inside the loop over
//! programmes, which was quadratic). Timed here, not in a test, so that a busy machine
//! decides nothing.

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

/// `n` deployments and `n` programmes of one deployment each.
fn programmes_doc(n: usize) -> String {
    let mut doc = String::from(r#"{"schema_version": 1, "deployments": ["#);
    let deployments: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "d{i}", "name": "D", "host": "FR"}}"#))
        .collect();
    doc.push_str(&deployments.join(","));
    doc.push_str(r#"], "programmes": ["#);
    let programmes: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "p{i}", "name": "P", "countries": ["FR"], "deployments": ["d{i}"]}}"#
            )
        })
        .collect();
    doc.push_str(&programmes.join(","));
    doc.push_str("]}");
    doc
}

fn programmes(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry_programmes");
    group.sample_size(10);
    for n in [1_000usize, 4_000] {
        let doc = programmes_doc(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| {
            b.iter(|| Registry::from_json(black_box(doc)))
        });
    }
    group.finish();
}

criterion_group!(benches, load, programmes);
criterion_main!(benches);
