//! Registry JSON loading: no input panics, and every accepted document survives a save-load
//! round trip unchanged (a second save gives the same text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sovereign_compute::registry::{Registry, RegistryBuilder};

fuzz_target!(|data: &[u8]| {
    // The API takes text; bytes that are not UTF-8 are the caller's to reject.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    // The builder path reads without checking references; `problems` runs every check.
    if let Ok(builder) = RegistryBuilder::from_json(json) {
        let _ = builder.problems();
    }
    let Ok(registry) = Registry::from_json(json) else {
        return;
    };
    let saved = registry.to_json().expect("an accepted registry serializes");
    let reloaded = Registry::from_json(&saved).expect("a saved registry loads");
    assert_eq!(reloaded, registry, "save-load changed the registry");
    let resaved = reloaded.to_json().expect("a reloaded registry serializes");
    assert_eq!(resaved, saved, "a second save wrote different text");
});
