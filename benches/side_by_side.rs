//! The crate's side of the side-by-side comparison with polars and pandas
//! (`../shared/tools/README.md`): builds `synthetic::registry(N, 42)`, times the core queries
//! (median of 7), measures the registry's memory, writes the flat export of the same registry
//! for `peer_flat.py`, and the per (host country, status) GPU table for `flat_vs_query.py`.
//!
//! ```sh
//! cargo bench --bench side_by_side -- 1000000 /tmp/side
//! python3 ../shared/tools/peer_flat.py /tmp/side/flat.csv
//! python3 ../shared/tools/flat_vs_query.py /tmp/side/query.csv /tmp/side/flat.csv
//! ```
//!
//! Memory is counted by a global allocator that wraps the system's and adds up live bytes:
//! the registry's bytes are what is live after it is built minus what was live before.

use std::alloc::{GlobalAlloc, Layout, System};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sovereign_compute::analysis::{Compute, Gpus, GroupKey, Period, Points, Query, Scenario};
use sovereign_compute::interop::flat;
use sovereign_compute::units::{Precision, Sparsity};

/// The system allocator, counting the bytes it holds for the program.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `dealloc` is passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `realloc` is passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Resident set size of this process, in bytes (Linux; 0 elsewhere).
fn rss() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    // `cargo bench` passes `--bench`; take the first two other arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let out = std::path::PathBuf::from(args.get(1).map_or("target/side-by-side", String::as_str));
    std::fs::create_dir_all(&out).expect("output folder");

    let (rss_before, live_before) = (rss(), LIVE.load(Ordering::Relaxed));
    let builder = sovereign_compute::synthetic::builder(n, 42).expect("synthetic registry");
    let start = Instant::now();
    let registry = builder.build().expect("valid");
    let build = start.elapsed();
    let (rss_after, live_after) = (rss(), LIVE.load(Ordering::Relaxed));
    let phases: usize = registry.deployments().iter().map(|d| d.phases.len()).sum();
    let lines: usize = registry
        .deployments()
        .iter()
        .flat_map(|d| &d.phases)
        .map(|p| p.hardware.len())
        .sum();
    println!("registry: {n} deployments, {phases} phases, {lines} hardware lines");
    println!("build (validate + resolve + index): {}", ms(build));
    let live = live_after.saturating_sub(live_before);
    println!(
        "memory: {} bytes live per deployment ({:.0} MiB); resident set grew {} bytes per deployment",
        live / n.max(1),
        live as f64 / (1 << 20) as f64,
        rss_after.saturating_sub(rss_before) / n.max(1)
    );

    let by_country = Query::new().group_by(GroupKey::HostCountry);
    let one = NonZeroUsize::MIN;
    // The first queries after a build run while the allocator still sorts the millions of
    // small blocks the build freed (glibc's bins); they are reported apart, and the medians
    // below are taken after a warm-up of the same query.
    let start = Instant::now();
    by_country.run(&registry, Gpus).expect("query");
    let first = start.elapsed();
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_secs(3) {
        by_country.run(&registry, Gpus).expect("query");
    }
    println!(
        "GPUs by host country, first query after the build: {}",
        ms(first)
    );
    let gpus = time(7, || by_country.run(&registry, Gpus).expect("query"));
    let gpus_1 = time(7, || {
        by_country
            .clone()
            .threads(one)
            .run(&registry, Gpus)
            .expect("query")
    });
    let fp4 = Compute::peak(Precision::Fp4, Sparsity::Dense);
    let fp4_time = time(7, || by_country.run(&registry, fp4).expect("query"));
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("day");
    let points = Points::new(Period::Quarter, day(2023, 1, 1), day(2029, 12, 31)).expect("points");
    let series = time(7, || {
        by_country
            .series(&registry, Gpus, Scenario::Committed, &points)
            .expect("series")
    });
    println!(
        "GPUs by host country: {} (one thread: {})",
        ms(gpus),
        ms(gpus_1)
    );
    println!("FP4 dense by host country: {}", ms(fp4_time));
    println!("GPUs by host country, 28 quarters: {}", ms(series));

    let start = Instant::now();
    let export = flat::write(&registry).expect("flat export");
    let flat_time = start.elapsed();
    let bytes = export.csv.len();
    println!(
        "flat export: {} MB in {} = {:.0} MB/s",
        bytes / 1_000_000,
        ms(flat_time),
        bytes as f64 / 1e6 / flat_time.as_secs_f64()
    );
    std::fs::write(out.join("flat.csv"), &export.csv).expect("write flat.csv");

    let pairs = Query::new()
        .group_by_pair(GroupKey::HostCountry, GroupKey::Status)
        .run(&registry, Gpus)
        .expect("query");
    let mut csv = String::from("groups,lower,central,unknown\n");
    for row in pairs.rows() {
        let groups: Vec<String> = row.groups.iter().map(ToString::to_string).collect();
        csv.push_str(&format!(
            "{},{},{},{}\n",
            groups.join("|"),
            row.total.lower().map_or(0, |c| c.count()),
            row.total.central().map_or(0, |c| c.count()),
            row.total.unknown_parts()
        ));
    }
    std::fs::write(out.join("query.csv"), csv).expect("write query.csv");
    let total = by_country.run(&registry, Gpus).expect("query");
    println!(
        "totals: lower {:?} central {:?} unknown parts {}",
        total.total().lower().map(|c| c.count()),
        total.total().central().map(|c| c.count()),
        total.total().unknown_parts()
    );
    // The breakdown: what the records hold, and what the index and ID lookups add.
    drop((export, pairs, total));
    let with_index = LIVE.load(Ordering::Relaxed);
    let records = registry.into_builder();
    let without = LIVE.load(Ordering::Relaxed);
    println!(
        "memory breakdown per deployment: records {} bytes, index and ID lookups {} bytes",
        without.saturating_sub(live_before) / n.max(1),
        with_index.saturating_sub(without) / n.max(1)
    );
    drop(records);
    println!("wrote {}", out.display());
}
