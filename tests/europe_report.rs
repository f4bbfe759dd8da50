//! The main example's report, checked for its key figures (not its whitespace).

#![cfg(feature = "dataset")]

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/europe_2025.rs"]
mod europe_2025;

use sovereign_compute::datasets;

fn report() -> String {
    europe_2025::report(&datasets::gtc_paris_2025().unwrap()).unwrap()
}

/// The line of the report that starts with `label` (after trimming), with its runs of spaces
/// folded to one, so that column widths do not matter.
fn line(report: &str, label: &str) -> String {
    let found = report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line starting with {label:?} in\n{report}"));
    found.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn per_country_figures_with_bounds() {
    let r = report();
    assert!(r.contains("announced 2025-06-11"), "{r}");
    assert_eq!(
        line(&r, "Germany"),
        "Germany 1 10,000 40 EFLOP/s – 180 EFLOP/s (central 110 EFLOP/s) 1 planned"
    );
    assert_eq!(
        line(&r, "United Kingdom"),
        "United Kingdom 1 14,000 56 EFLOP/s – 280 EFLOP/s (central 168 EFLOP/s) 1 planned"
    );
    assert!(
        line(&r, "France")
            .starts_with("France 2 ≥ 18,000 (central 18,000, 2 unknown) ≥ 360 EFLOP/s")
    );
    assert!(line(&r, "Spain").starts_with("Spain 1 100 – 999 (central 549) unknown"));
    assert!(line(&r, "Italy").starts_with("Italy 2 unknown unknown"));
    assert!(
        line(&r, "all").starts_with("all 9 ≥ 42,100 (central 42,549, 6 unknown) ≥ 456 EFLOP/s")
    );
}

#[test]
fn eu_and_outside() {
    let r = report();
    assert!(
        line(&r, "EU").starts_with("EU DE, ES, FR, IT GPUs ≥ 28,100"),
        "{r}"
    );
    assert!(
        line(&r, "outside the EU").starts_with("outside the EU CH, GB, NO GPUs ≥ 14,000"),
        "{r}"
    );
}

#[test]
fn roles_and_capacity_by_quarter() {
    let r = report();
    assert!(line(&r, "cloud-provider").contains("Nebius (NL), Nscale (GB)"));
    assert!(line(&r, "government-sponsor").contains("Government of Italy"));
    assert_eq!(line(&r, "2025-Q4"), "2025-Q4 549 549 0");
    assert_eq!(line(&r, "2026-Q1"), "2026-Q1 10,549 10,549 40 EFLOP/s");
    assert_eq!(line(&r, "2026-Q4"), "2026-Q4 24,549 24,549 96 EFLOP/s");
    assert!(r.contains("18,000 GPUs (central) have no online date"));
}

#[test]
fn reconciliation_of_the_headline() {
    let r = report();
    assert_eq!(
        line(&r, "claim:"),
        "claim: \"more than 3,000 exaflops\" (≥ 3 ZFLOP/s)"
    );
    assert_eq!(line(&r, "format:"), "format: FP4 sparse peak");
    assert!(r.contains("ASSUMED by the dataset. No number format is stated."));
    assert_eq!(
        line(&r, "itemised:"),
        "itemised: ≥ 456 EFLOP/s (central 638 EFLOP/s, 2 unknown)"
    );
    assert!(r.contains("the known parts are at least 15.2% of the claim's floor of 3 ZFLOP/s"));
    assert!(line(&r, "covered:").starts_with("covered: 21.3% (0.0%–unbounded)"));
    assert!(
        line(&r, "unattributed:")
            .starts_with("unattributed: 2.362 ZFLOP/s FP4 sparse peak unattributed")
    );
    assert_eq!(r.matches("\n- [").count(), 5, "five sources listed");
}
