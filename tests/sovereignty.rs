//! The `sovereignty` example on the Europe dataset: its figures against hand-computed ones,
//! and against the same question asked another way (plain loops over the registry's records,
//! the catalog's own resolution of each hardware line).

#![cfg(feature = "dataset")]

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../examples/sovereignty.rs"]
mod sovereignty;

use std::collections::BTreeMap;

use sovereign_compute::analysis::{
    Compute, EU_AI_ACT_SYSTEMIC_RISK, Filter, Gpus, Group, Query, excluded, time_to_train,
};
use sovereign_compute::catalog::Catalog;
use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::model::Deployment;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{AcceleratorCount, ComputeFigure};
use sovereign_compute::{Bloc, Country, datasets};
use sovereignty::{
    FORMAT, by_operator, by_vendor_country, days, online_by, report, training, utilisation,
};

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

/// Whether two compute totals agree: parts exactly, rates to 1e-12 (sums in another order).
fn same_compute(a: &Total<ComputeFigure>, b: &Total<ComputeFigure>) -> bool {
    let close = |x: Option<ComputeFigure>, y: Option<ComputeFigure>| match (x, y) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.rate.base_value(), y.rate.base_value());
            (x - y).abs() <= 1e-12 * x.abs().max(y.abs())
        }
        (x, y) => x.is_none() && y.is_none(),
    };
    a.parts() == b.parts()
        && a.unknown_parts() == b.unknown_parts()
        && close(a.lower(), b.lower())
        && close(a.central(), b.central())
        && close(a.upper(), b.upper())
}

/// The deployments hosted in the EU on the report's day and counted (not superseded or
/// duplicates).
fn eu_hosted(europe: &Registry) -> Vec<&Deployment> {
    let left_out: Vec<_> = excluded(europe).into_iter().map(|e| e.deployment).collect();
    europe
        .deployments()
        .iter()
        .filter(|d| d.host.is_some_and(|h| Bloc::eu().is_member(h, online_by())))
        .filter(|d| !left_out.contains(&d.id))
        .collect()
}

#[test]
fn the_report_names_its_dataset_and_assumptions() {
    let r = report(&europe()).unwrap();
    assert!(
        r.contains("Dataset: datasets::european_ai_compute (84 deployments)"),
        "{r}"
    );
    assert!(r.contains("Compute is BF16 dense peak"));
    assert!(r.contains("EU membership is read on 2026-12-31"));
    assert!(r.contains("at 40% model FLOP utilisation, on the capacity online by 2026-12-31"));
    assert!(r.contains("EU AI Act line (1e25 FLOP, counted in BF16 dense peak)"));
    assert_eq!(utilisation().fraction(), 0.4);
}

#[test]
fn hand_computed_training_days() {
    let r = report(&europe()).unwrap();
    // Gefion: 191 DGX H100 × 8 = 1,528 H100 SXM at 989.5 TFLOP/s BF16 dense, online since
    // 2024-10: 10^25 / (1,528 × 989.5e12 × 0.4) s = 16,534,868 s = 191.4 days.
    assert_eq!(line(&r, "Denmark"), "Denmark 1.5 191.4 1.5 191.4");
    // Olivia's GPU partition: 304 GH200 at 989.5 TFLOP/s: 10^25 / (300.808e15 × 0.4) s
    // = 961.9 days.
    assert_eq!(line(&r, "Norway"), "Norway 0.3 961.9 0.3 961.9");
    // Nothing in Ireland and Romania has an online date by the end of 2026.
    assert_eq!(
        line(&r, "Ireland"),
        "Ireland nothing online - nothing online -"
    );
    // The same days from the crate's training function on a hand-built figure.
    let gefion = "989.5 TFLOP/s BF16 dense"
        .parse::<ComputeFigure>()
        .unwrap()
        .checked_scale(1_528.0)
        .unwrap();
    let t = time_to_train(gefion, utilisation(), EU_AI_ACT_SYSTEMIC_RISK.operations()).unwrap();
    assert_eq!(days(&t), "191.4");
    let denmark = training(&europe())
        .unwrap()
        .into_iter()
        .find(|row| row.label == "Denmark")
        .unwrap();
    let (_, time) = denmark.committed.unwrap();
    let seconds = time.central().unwrap().base_value();
    assert!((seconds - 1e25 / (1_528.0 * 989.5e12 * 0.4)).abs() < 1e-6 * seconds);
}

#[test]
fn a_country_with_unknown_parts_has_no_lower_time() {
    let r = report(&europe()).unwrap();
    // Germany: some of its compute is unknown, so it may be done at once (0 days); the
    // known parts' lower bound still bounds the time above.
    let germany = line(&r, "Germany");
    assert!(germany.contains(" 0–"), "{germany}");
    assert!(germany.contains("11/15"), "{germany}");
}

#[test]
fn both_scenarios_agree_on_the_last_day_of_a_year_and_the_report_says_so() {
    let europe = europe();
    let rows = training(&europe).unwrap();
    assert!(rows.iter().all(|r| r.committed == r.optimistic));
    // ...and a mid-year day is where they part: the check is not vacuous.
    let mid = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let at = |scenario| {
        Query::new()
            .filter(Filter::OnlineAt {
                date: mid,
                scenario,
            })
            .run(&europe, Gpus)
            .unwrap()
            .total()
            .clone()
    };
    use sovereign_compute::analysis::Scenario;
    assert_ne!(at(Scenario::Committed), at(Scenario::Optimistic));
    assert!(report(&europe).unwrap().contains("The two readings agree"));
}

#[test]
fn the_eu_row_is_the_sum_of_its_member_countries() {
    let europe = europe();
    let rows = training(&europe).unwrap();
    let eu = rows.iter().find(|r| r.label == "EU").unwrap();
    let (eu_compute, eu_time) = eu.committed.clone().unwrap();
    let by_country = Query::new()
        .filter(Filter::OnlineAt {
            date: online_by(),
            scenario: sovereign_compute::analysis::Scenario::Committed,
        })
        .group_by(sovereign_compute::analysis::GroupKey::HostCountry)
        .run(&europe, Compute::new(FORMAT))
        .unwrap();
    let mut sum = Total::new();
    for row in by_country.rows() {
        let [Group::Country(c)] = row.groups.as_slice() else {
            panic!("a host country row")
        };
        if Bloc::eu().is_member(*c, online_by()) {
            sum.merge(&row.total).unwrap();
        }
    }
    assert!(same_compute(&sum, &eu_compute));
    let t = time_to_train(&sum, utilisation(), EU_AI_ACT_SYSTEMIC_RISK.operations()).unwrap();
    assert_eq!(days(&t), days(&eu_time));
}

#[test]
fn the_operator_split_is_the_sum_of_its_deployments() {
    let europe = europe();
    let (gpus, compute) = by_operator(&europe).unwrap();
    // Plain loop: each counted EU-hosted deployment, put in a bucket by where its operator is.
    let mut sums: BTreeMap<String, (Total<AcceleratorCount>, Total<ComputeFigure>)> =
        BTreeMap::new();
    for d in eu_hosted(&europe) {
        let bucket = match europe.operator_country(&d.id) {
            Some(c) if Bloc::eu().is_member(c, online_by()) => "eu",
            Some(_) => "non-eu",
            None => "unknown",
        };
        let only = Query::new().filter(Filter::Deployments(vec![d.id.clone()]));
        let entry = sums.entry(bucket.to_owned()).or_default();
        entry
            .0
            .merge(only.run(&europe, Gpus).unwrap().total())
            .unwrap();
        entry
            .1
            .merge(only.run(&europe, Compute::new(FORMAT)).unwrap().total())
            .unwrap();
    }
    assert_eq!(gpus.rows().len(), sums.len());
    for row in gpus.rows() {
        let key = match row.groups.as_slice() {
            [Group::Unknown] => "unknown".to_owned(),
            [g] => g.to_string(),
            other => panic!("one group: {other:?}"),
        };
        let (g, c) = &sums[&key];
        assert_eq!(&row.total, g, "{key}");
        assert!(
            same_compute(&compute.get(&row.groups).unwrap().total, c),
            "{key}"
        );
    }
    // The three buckets cover every EU-hosted deployment once.
    let all = Query::new()
        .filter(sovereignty::hosted_in_eu())
        .run(&europe, Gpus)
        .unwrap();
    assert_eq!(gpus.total(), all.total());
    // Hand-checked: the non-EU operators are Fluidstack (GB), the MGX campus (AE) and
    // Nscale at Sines (GB), and the report names them.
    let r = report(&europe).unwrap();
    assert!(r.contains("- Fluidstack decarbonised AI supercomputer in France (1 GW) (GB)"));
    assert!(r.contains("- Nscale GB300 cluster for Microsoft at Start Campus, Sines (SIN01) (GB)"));
}

#[test]
fn the_vendor_split_from_each_hardware_line() {
    let europe = europe();
    let catalog = Catalog::builtin().unwrap();
    // NVIDIA, AMD and Intel are all headquartered in Santa Clara, California.
    let us = ["nvidia", "amd", "intel"];
    let mut sums: BTreeMap<Option<Country>, Total<AcceleratorCount>> = BTreeMap::new();
    let unknown = |sums: &mut BTreeMap<_, Total<_>>| {
        sums.entry(None)
            .or_default()
            .add(&Estimate::unknown())
            .unwrap();
    };
    for d in eu_hosted(&europe) {
        if d.phases.is_empty() {
            unknown(&mut sums);
        }
        for phase in d.phases.iter().filter(|p| !p.status.never_counts()) {
            if phase.hardware.is_empty() {
                unknown(&mut sums);
            }
            for line in &phase.hardware {
                let count = &line.count.value;
                let unit = count.central().map(|c| c.unit());
                let resolved = catalog.resolve_hardware(&line.hardware, unit).unwrap();
                let country = match resolved.vendor() {
                    Some(v) if us.contains(&v) => Some(Country::US),
                    Some(v) => panic!("a vendor the test does not know: {v}"),
                    None => None,
                };
                let gpus = resolved.gpus(count).unwrap();
                sums.entry(country).or_default().merge(&gpus).unwrap();
            }
        }
    }
    let rows = by_vendor_country(&europe).unwrap();
    assert_eq!(rows.len(), sums.len());
    for row in &rows {
        assert_eq!(row.gpus, sums[&row.country], "{:?}", row.country);
    }
    assert_eq!(rows[0].country, Some(Country::US));
    assert_eq!(rows[0].vendors, ["amd", "intel", "nvidia"]);
    // Every known compute figure is on US hardware; nothing priced comes from elsewhere.
    let eu_compute = Query::new()
        .filter(sovereignty::hosted_in_eu())
        .run(&europe, Compute::new(FORMAT))
        .unwrap();
    assert!(same_compute(
        &{
            let mut all = rows[0].compute.clone();
            all.merge(&rows[1].compute).unwrap();
            all
        },
        eu_compute.total()
    ));
    assert_eq!(rows[1].compute.lower(), None);
}
