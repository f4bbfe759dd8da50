//! Estimates: the golden table of phrases, sums, scaling, serde and the algebraic laws.

use proptest::prelude::*;
use sovereign_compute::estimate::{Amount, Estimate, EstimateKind, Total};
use sovereign_compute::units::{AcceleratorCount, ComputeFigure, ComputeRate, CountingUnit, Power};

/// (kind, lower, upper, central) as the golden file writes them.
fn describe<T: Amount>(phrase: &str) -> Result<[String; 4], String> {
    let e = Estimate::<T>::parse(phrase).map_err(|e| e.to_string())?;
    assert_eq!(e.phrase(), Some(phrase.trim()), "phrase kept");
    let (lower, upper) = match e.bounds() {
        Some(b) => (
            b.lower.to_string(),
            b.upper.map_or("unbounded".to_owned(), |u| u.to_string()),
        ),
        None => (String::new(), String::new()),
    };
    let central = e.central().map(|c| c.to_string()).unwrap_or_default();
    Ok([e.kind().name().to_owned(), lower, upper, central])
}

#[test]
fn golden_phrases() {
    let table = include_str!("golden/estimates.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(cols.len(), 6, "line {}: {line}", i + 1);
        let phrase = line.split('|').nth(1).unwrap_or_default();
        let got = match cols[0] {
            "n" => describe::<u64>(phrase),
            "count" => describe::<AcceleratorCount>(phrase),
            "rate" => describe::<ComputeRate>(phrase),
            "power" => describe::<Power>(phrase),
            "figure" => describe::<ComputeFigure>(phrase),
            other => panic!("line {}: unknown type {other}", i + 1),
        };
        cases += 1;
        match (cols[2], got) {
            ("error", Err(_)) => {}
            ("error", Ok(got)) => failures.push(format!(
                "line {}: {phrase:?} should be an error, got {got:?}",
                i + 1
            )),
            (_, Err(e)) => failures.push(format!("line {}: {phrase:?} failed: {e}", i + 1)),
            (_, Ok(got)) => {
                let want = [cols[2], cols[3], cols[4], cols[5]];
                if got != want {
                    failures.push(format!(
                        "line {}: {phrase:?}: want {want:?}, got {got:?}",
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(cases >= 60, "only {cases} cases read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_say_what_is_accepted() {
    let err = Estimate::<u64>::parse("a lot").unwrap_err().to_string();
    assert!(
        err.starts_with("cannot read \"a lot\" as an estimate: "),
        "{err}"
    );
    assert!(
        err.contains("accepted phrasings: N, more than/over/at least N"),
        "{err}"
    );
}

#[test]
fn display_shows_the_bound() {
    let show = |p: &str| Estimate::<ComputeRate>::parse(p).unwrap().to_string();
    assert_eq!(show("more than 3,000 exaflops"), "≥ 3 ZFLOP/s");
    assert_eq!(
        Estimate::<AcceleratorCount>::parse("hundreds of GPUs")
            .unwrap()
            .to_string(),
        "100–999 GPUs"
    );
    assert_eq!(
        Estimate::<Power>::parse("about 40 MW").unwrap().to_string(),
        "≈ 40 MW"
    );
    assert_eq!(
        Estimate::<Power>::parse("40 MW ±5%").unwrap().to_string(),
        "40 MW ±5%"
    );
    assert_eq!(
        Estimate::<u64>::parse("up to 10,000").unwrap().to_string(),
        "≤ 10,000"
    );
    assert_eq!(Estimate::<u64>::unknown().to_string(), "unknown");
}

#[test]
fn sums_keep_bounds_and_count_unknowns() {
    let parts: Vec<Estimate<AcceleratorCount>> = [
        "18,000 GPUs",
        "14,000 GPUs",
        "up to 10,000 GPUs",
        "hundreds of GPUs",
        "unknown",
    ]
    .iter()
    .map(|p| Estimate::parse(p).unwrap())
    .collect();
    let total = Total::sum(&parts).unwrap();
    assert_eq!(total.lower(), Some(AcceleratorCount::gpus(32_100)));
    assert_eq!(total.central(), Some(AcceleratorCount::gpus(42_549)));
    assert_eq!(total.upper(), None);
    assert_eq!((total.parts(), total.unknown_parts()), (5, 1));

    let known = Total::sum(&parts[..4]).unwrap();
    assert_eq!(known.upper(), Some(AcceleratorCount::gpus(42_999)));
    assert_eq!(
        known.to_string(),
        "32,100–42,999 GPUs (central 42,549 GPUs)"
    );

    let none: Total<u64> = Total::sum(&[Estimate::unknown(), Estimate::unknown()]).unwrap();
    assert_eq!(
        (none.lower(), none.central(), none.upper()),
        (None, None, None)
    );
    assert_eq!(none.to_string(), "unknown (2 parts)");
}

#[test]
fn incompatible_parts_are_errors() {
    let gpus = Estimate::exact(AcceleratorCount::gpus(1));
    let racks = Estimate::exact(AcceleratorCount::new(1, CountingUnit::Rack));
    assert!(Total::sum([&gpus, &racks]).is_err());
    let fp4: Estimate<ComputeFigure> = Estimate::parse("1 PFLOP/s FP4 sparse").unwrap();
    let fp8: Estimate<ComputeFigure> = Estimate::parse("1 PFLOP/s FP8 sparse").unwrap();
    assert!(Total::sum([&fp4, &fp8]).is_err());
    assert!(
        Estimate::range(
            AcceleratorCount::gpus(1),
            AcceleratorCount::new(2, CountingUnit::Rack)
        )
        .is_err()
    );
}

#[test]
fn count_times_per_gpu_peak_carries_bounds() {
    let gpus: Estimate<AcceleratorCount> = Estimate::parse("hundreds of H100 GPUs").unwrap();
    let per_gpu: ComputeFigure = "989 TFLOP/s BF16 dense".parse().unwrap();
    let compute = gpus
        .try_map(|n| per_gpu.checked_scale(n.count() as f64))
        .unwrap();
    let b = compute.bounds().unwrap();
    assert_eq!(b.lower.to_string(), "98.9 PFLOP/s BF16 dense peak");
    assert_eq!(
        b.upper.unwrap().to_string(),
        "988.011 PFLOP/s BF16 dense peak"
    );
    assert_eq!(compute.phrase(), Some("hundreds of H100 GPUs"));
    let scaled = Estimate::<u64>::parse("about 250")
        .unwrap()
        .checked_scale(72.0)
        .unwrap();
    assert_eq!(scaled.central(), Some(18_000));
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_and_rejections() {
    let e: Estimate<ComputeRate> = Estimate::parse("more than 3,000 exaflops").unwrap();
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"at-least","value":"3 ZFLOP/s","phrase":"more than 3,000 exaflops"}"#
    );
    assert_eq!(
        serde_json::from_str::<Estimate<ComputeRate>>(&json).unwrap(),
        e
    );
    let r: Estimate<u64> =
        serde_json::from_str(r#"{"kind":"range","low":100,"high":999}"#).unwrap();
    assert_eq!(r.central(), Some(549));
    for bad in [
        r#"{"kind":"range","low":999,"high":100}"#,
        r#"{"kind":"range","low":1}"#,
        r#"{"kind":"exact","value":1,"low":1}"#,
        r#"{"kind":"approximately","value":1}"#,
        r#"{"kind":"approximately","value":1,"tolerance":2}"#,
        r#"{"kind":"maybe","value":1}"#,
        r#"{"kind":"exact","value":1,"extra":true}"#,
    ] {
        assert!(
            serde_json::from_str::<Estimate<u64>>(bad).is_err(),
            "{bad} accepted"
        );
    }
    let bare =
        serde_json::from_str::<Estimate<Power>>(r#"{"kind":"exact","value":40}"#).unwrap_err();
    assert!(bare.to_string().contains("bare number"), "{bare}");
}

fn any_estimate() -> impl Strategy<Value = Estimate<u64>> {
    let v = 0u64..1_000_000_000;
    prop_oneof![
        v.clone().prop_map(Estimate::exact),
        v.clone().prop_map(Estimate::at_least),
        v.clone().prop_map(Estimate::at_most),
        (v.clone(), v.clone()).prop_map(|(a, b)| Estimate::range(a.min(b), a.max(b)).unwrap()),
        (v, 0.0f64..0.99).prop_map(|(a, t)| Estimate::approximately(a, t).unwrap()),
        Just(Estimate::unknown()),
    ]
}

/// A value inside the estimate's bounds, picked by `pick` in [0, 1].
fn inside(e: &Estimate<u64>, pick: f64) -> Option<u64> {
    let b = e.bounds()?;
    let upper = b
        .upper
        .unwrap_or(b.lower.saturating_mul(2).max(b.lower + 10));
    Some(b.lower + ((upper - b.lower) as f64 * pick) as u64)
}

proptest! {
    #[test]
    fn bounds_contain_the_central_value(e in any_estimate()) {
        if let (Some(b), Some(c)) = (e.bounds(), e.central()) {
            prop_assert!(b.contains(&c).unwrap(), "{e} central {c}");
        }
    }

    #[test]
    fn sum_bounds_contain_any_sum_of_values_inside_the_parts(parts in prop::collection::vec((any_estimate(), 0.0f64..=1.0), 0..8)) {
        let estimates: Vec<_> = parts.iter().map(|(e, _)| e.clone()).collect();
        let total = Total::sum(&estimates).unwrap();
        let mut sum = 0u64;
        for (e, pick) in &parts {
            if let Some(v) = inside(e, *pick) { sum += v; }
        }
        if let Some(lower) = total.lower() {
            prop_assert!(lower <= sum);
            prop_assert!(total.central().unwrap() >= lower);
        }
        if let Some(upper) = total.upper() {
            prop_assert!(sum <= upper);
            prop_assert!(total.central().unwrap() <= upper);
        }
        prop_assert_eq!(total.parts(), parts.len());
    }

    #[test]
    fn display_parse_round_trip(e in any_estimate()) {
        let back = Estimate::<u64>::parse(&e.to_string()).unwrap();
        match (e.kind(), back.kind()) {
            // Display prints the tolerance as a percentage: equal to within float rounding.
            (EstimateKind::Approximately { value: a, tolerance: t }, EstimateKind::Approximately { value: b, tolerance: u }) => {
                prop_assert_eq!(a, b);
                prop_assert!((t - u).abs() < 1e-12);
            }
            (a, b) => prop_assert_eq!(a, b),
        }
    }

    #[test]
    fn rate_estimates_round_trip(v in 1.0f64..1e24) {
        let e = Estimate::at_least(ComputeRate::from_base(v).unwrap());
        let back = Estimate::<ComputeRate>::parse(&e.to_string()).unwrap();
        let EstimateKind::AtLeast(b) = back.kind() else { panic!("kind changed: {back}") };
        prop_assert!((b.base_value() - v).abs() <= 1e-9 * v);
    }

    #[test]
    fn parsing_never_panics(s in "\\PC*") {
        let _ = Estimate::<u64>::parse(&s);
        let _ = Estimate::<AcceleratorCount>::parse(&s);
        let _ = Estimate::<ComputeFigure>::parse(&s);
    }

    #[test]
    fn phrase_like_strings_never_panic(s in "(more than |up to |about |between |hundreds of |~|≥ )?[0-9,.+±%–-]{0,10}( and | to )?[0-9,.]{0,6} ?(GPUs|MW|EFLOP/s|exaflops|racks)?") {
        let _ = Estimate::<u64>::parse(&s);
        let _ = Estimate::<AcceleratorCount>::parse(&s);
        let _ = Estimate::<Power>::parse(&s);
        let _ = Estimate::<ComputeRate>::parse(&s);
    }
}

/// "About N" with a whole-percent tolerance has the bounds decimal arithmetic gives: the
/// binary 1.1 must not push 1.1 × 100,000 up to 110,001.
#[test]
fn tolerance_bounds_follow_decimal_arithmetic() {
    for percent in [1u64, 5, 10, 15, 20, 25, 30, 50] {
        for v in [
            7u64,
            340,
            1_000,
            18_000,
            100_000,
            500_000,
            1_234_567,
            1_000_000_000,
        ] {
            let e = Estimate::approximately(v, percent as f64 / 100.0).unwrap();
            let b = e.bounds().unwrap();
            let lower = (v * (100 - percent)) / 100;
            let upper = (v * (100 + percent)).div_ceil(100);
            assert_eq!(
                (b.lower, b.upper),
                (lower, Some(upper)),
                "about {v} ±{percent}%"
            );
        }
    }
}
