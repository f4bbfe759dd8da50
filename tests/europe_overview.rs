//! The `europe_overview` example on the Europe dataset: its figures against hand-computed
//! ones and against other ways of asking the crate the same question.

#![cfg(feature = "dataset")]

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/europe_overview.rs"]
mod europe_overview;

use std::collections::BTreeMap;

use europe_overview::{FP16_DENSE, bands, chart, report, short, today};
use sovereign_compute::analysis::{Compute, Filter, Gpus, Group, GroupKey, Query, Scenario};
use sovereign_compute::estimate::Total;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::AcceleratorCount;
use sovereign_compute::{Bloc, Country, datasets};

fn europe() -> Registry {
    datasets::european_ai_compute().unwrap()
}

/// The line of the report that starts with `label` (after trimming), with runs of spaces
/// folded to one.
fn line(report: &str, label: &str) -> String {
    let found = report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line starting with {label:?} in\n{report}"));
    found.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn hand_computed_country_and_site_figures() {
    let r = report(&europe()).unwrap();
    assert!(
        r.starts_with(
            "Europe's AI compute: 84 deployments in 24 host countries, 3 programmes, 32 initiatives, 218 sources"
        ),
        "{r}"
    );
    // Gefion: 191 DGX H100 x 8 = 1,528 H100, running; 1,528 x 989.5 TFLOP/s FP16 dense.
    assert_eq!(line(&r, "Denmark"), "Denmark 1,528 1,528 1.5");
    // Austria: 448 running (MUSICA's first phase) + 640 more H100 in its second phase +
    // "650 bis 700" GPUs of the AI:AT factory: 1,088 + 650 = 1,738 to 1,088 + 700 = 1,788,
    // central 1,763. No part has an FP16 figure in the catalog: H100 SXM5 94GB has none
    // published, the AI:AT GPUs are not named.
    assert_eq!(
        line(&r, "Austria"),
        "Austria 448 1,738–1,788 (c 1,763) unknown (3/3)"
    );
    // The gigafactory sites: "zhruba sto tisíci" (about 100,000, ±10%), "up to 100,000",
    // "over 100,000", and a bid with no count.
    assert!(line(&r, "AI Gigafactory CZ").ends_with("announced 90,000–110,000 (c 100,000)"));
    assert!(line(&r, "Baltic AI GigaFactory").ends_with("announced 0–100,000 (c 100,000)"));
    assert!(line(&r, "Black Sea AI Gigafactory").ends_with("announced ≥ 100,000 (c 100,000)"));
    assert!(line(&r, "Spanish AI gigafactory bid").ends_with("announced unknown (1/1)"));
    // The four sites together: 90,000 + 0 + 100,000 lower, 300,000 central, one unknown.
    assert!(r.contains("4 named deployments: ≥ 190,000 (c 300,000, 1/4)"));
    assert!(r.contains("claim ≈ 100,000 GPUs: the parts cover 300.0%"));
}

#[test]
fn eu_and_non_eu_are_the_sums_of_their_countries() {
    let europe = europe();
    let by_country = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&europe, Gpus)
        .unwrap();
    let mut sums: BTreeMap<bool, Total<AcceleratorCount>> = BTreeMap::new();
    for row in by_country.rows() {
        let [Group::Country(c)] = row.groups.as_slice() else {
            panic!("a host country row: {:?}", row.groups)
        };
        let eu = Bloc::eu().is_member(*c, today());
        sums.entry(eu).or_default().merge(&row.total).unwrap();
    }
    let r = report(&europe).unwrap();
    for (label, member) in [("eu ", true), ("non-eu", false)] {
        let expected = short(&sums[&member], count_grouped);
        assert_eq!(
            line(&r, label),
            format!("{} {expected}", label.trim()),
            "{label}"
        );
    }
    // Every deployment has a host country here, so the two rows cover all.
    let all = Query::new().run(&europe, Gpus).unwrap();
    let mut both = sums[&true].clone();
    both.merge(&sums[&false]).unwrap();
    assert_eq!(&both, all.total());
}

fn count_grouped(c: AcceleratorCount) -> String {
    sovereign_compute::estimate::Estimate::exact(c.count()).to_string()
}

#[test]
fn country_totals_are_the_sums_of_their_deployments() {
    let europe = europe();
    let by_country = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&europe, Compute::new(FP16_DENSE))
        .unwrap();
    for row in by_country.rows() {
        let [Group::Country(c)] = row.groups.as_slice() else {
            panic!("a host country row")
        };
        let mut sum = Total::new();
        for d in europe.deployments().iter().filter(|d| d.host == Some(*c)) {
            let one = Query::new()
                .filter(Filter::Deployments(vec![d.id.clone()]))
                .run(&europe, Compute::new(FP16_DENSE))
                .unwrap();
            sum.merge(one.total()).unwrap();
        }
        assert_eq!(sum.parts(), row.total.parts(), "{c}");
        assert_eq!(sum.unknown_parts(), row.total.unknown_parts(), "{c}");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * a.abs().max(b.abs()),
            (a, b) => a == b,
        };
        let rate = |t: &Total<_>| {
            (
                t.lower()
                    .map(|f: sovereign_compute::units::ComputeFigure| f.rate.base_value()),
                t.central().map(|f| f.rate.base_value()),
                t.upper().map(|f| f.rate.base_value()),
            )
        };
        let (a, b) = (rate(&sum), rate(&row.total));
        assert!(
            close(a.0, b.0) && close(a.1, b.1) && close(a.2, b.2),
            "{c}: {a:?} != {b:?}"
        );
    }
}

#[test]
fn committed_never_exceeds_optimistic() {
    let r = report(&europe()).unwrap();
    let (mut seen, mut last) = (0, 0);
    for year in 2020..=2030 {
        let l = line(&r, &format!("{year} "));
        // "2025 committed ≥ 63,584 (c 64,033, 20/61) optimistic ≥ 63,888 (...)"
        let number = |after: &str| -> u64 {
            let rest = &l[l.find(after).unwrap() + after.len()..];
            rest.trim_start_matches([' ', '≥'])
                .split([' ', '–'])
                .next()
                .unwrap()
                .replace(',', "")
                .parse()
                .unwrap()
        };
        let (committed, optimistic) = (number("committed"), number("optimistic"));
        assert!(committed <= optimistic, "{l}");
        assert!(committed >= last, "capacity fell in {year}: {l}");
        last = committed;
        seen += 1;
    }
    assert_eq!(seen, 11);
}

#[test]
fn the_chart_draws_a_band_per_country() {
    let europe = europe();
    let bands = bands(&europe, 8).unwrap();
    assert_eq!(bands.len(), 8);
    assert_eq!(bands[0].label, "France");
    for b in &bands {
        assert_eq!(b.central.len(), 11, "{}", b.label);
        for (i, c) in b.central.iter().enumerate() {
            assert!(b.lower[i] <= *c, "{} {i}", b.label);
            if let Some(u) = b.upper[i] {
                assert!(*c <= u, "{} {i}", b.label);
            }
        }
    }
    // France in 2030: the known parts' bounds, read off the series directly.
    let series = Query::new()
        .filter(Filter::HostCountry(vec![Country::FR]))
        .series(
            &europe,
            Gpus,
            Scenario::Optimistic,
            &europe_overview::years().unwrap(),
        )
        .unwrap();
    let fr_2030 = series.total().last().unwrap();
    assert_eq!(
        bands[0].central.last().copied(),
        fr_2030.central().map(|c| c.count() as f64)
    );
    assert_eq!(
        bands[0].upper.last().copied().flatten(),
        fr_2030.known_upper().map(|c| c.count() as f64)
    );
    let svg = chart(&europe).unwrap();
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
    assert_eq!(svg.matches("<polygon ").count(), 8);
}
