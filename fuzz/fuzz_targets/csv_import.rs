//! CSV import of both public tables (Epoch AI's GPU clusters and TOP500). The first byte picks
//! the table and the mode; the rest is the CSV bytes (any bytes: the reader takes `io::Read`).
//!
//! Beyond "no panic": an imported registry survives JSON; writing it, reading the written
//! table and writing again gives the same table (the interop docs' promise); the flat export
//! never fails.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sovereign_compute::interop::{ImportOptions, epoch, flat, top500};
use sovereign_compute::registry::Registry;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, csv)) = data.split_first() else {
        return;
    };
    let options = if selector & 1 == 0 {
        ImportOptions::new()
    } else {
        ImportOptions::new().lenient()
    };
    let top = selector & 2 != 0;
    let read = |bytes: &[u8]| {
        if top {
            top500::read(bytes, &options)
        } else {
            epoch::read(bytes, &options)
        }
    };
    let write = |registry: &Registry| {
        if top {
            top500::write(registry)
        } else {
            epoch::write(registry)
        }
    };
    let Ok(report) = read(csv) else {
        return;
    };
    let registry = report.registry;
    // The imported registry is a valid registry: it saves and loads unchanged.
    let json = registry.to_json().expect("an imported registry serializes");
    let reloaded = Registry::from_json(&json).expect("an imported registry reloads");
    assert_eq!(
        reloaded, registry,
        "JSON round trip of an imported registry"
    );
    let _ = flat::write(&registry).expect("the flat export never fails");
    // Written, read back, written again: the same table.
    let first = write(&registry).expect("an imported registry exports");
    let again = read(first.csv.as_bytes())
        .unwrap_or_else(|e| panic!("the exported table does not read back: {e}\n{}", first.csv));
    let second = write(&again.registry).expect("a re-imported registry exports");
    assert_eq!(
        second.csv, first.csv,
        "export, import, export changed the table"
    );
});
