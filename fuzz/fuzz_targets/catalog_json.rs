//! Catalog JSON loading: no input panics, and every accepted catalog survives a save-load
//! round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sovereign_compute::catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    // Every problem is reported, not just the first: all of validation runs. A rejected
    // document names at least one problem.
    let catalog = match Catalog::from_json(json) {
        Ok(catalog) => catalog,
        Err(sovereign_compute::Error::InvalidCatalog { problems }) => {
            assert!(!problems.is_empty(), "InvalidCatalog without a problem");
            return;
        }
        Err(_) => return,
    };
    // Every accepted name resolves without panicking, and IDs resolve to themselves.
    for part in catalog.accelerators() {
        let id = part.id.as_str();
        let resolved = catalog.resolve(id).expect("a part ID resolves");
        assert_eq!(resolved.id(), id);
        let _ = catalog.part(&part.name);
    }
    let saved = catalog.to_json().expect("an accepted catalog serializes");
    let reloaded = Catalog::from_json(&saved).expect("a saved catalog loads");
    assert_eq!(reloaded, catalog, "save-load changed the catalog");
    let resaved = reloaded.to_json().expect("a reloaded catalog serializes");
    assert_eq!(resaved, saved, "a second save wrote different text");
});
