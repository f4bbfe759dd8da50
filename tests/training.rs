//! Training feasibility against hand-computed cases: the H100 worked check, the inversion of
//! bounds (at least, at most, range, unknown part), zero compute and zero work, utilisation
//! parsing and its errors, the legal thresholds, and a property test of the bounds' order.

use proptest::prelude::*;
use sovereign_compute::analysis::{
    Compute, EU_AI_ACT_SYSTEMIC_RISK, Group, GroupKey, Query, TrainingCompute,
    US_EO_14110_REPORTING, Utilisation, most_work_in, time_to_train,
};
use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::model::{Deployment, HardwareLine, HardwareRef, Phase, Sourced, Status};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, Operations, Precision, Sparsity,
    Time,
};
use sovereign_compute::{Country, Error};

type R<T = ()> = Result<T, Error>;

const FP8: ComputeFormat = ComputeFormat::peak(Precision::Fp8, Sparsity::Dense);

fn fig(rate: &str) -> ComputeFigure {
    ComputeFigure::new(rate.parse().unwrap(), FP8)
}

fn secs(t: Option<Time>) -> Option<f64> {
    t.map(Time::base_value)
}

fn flop(w: Option<Operations>) -> Option<f64> {
    w.map(Operations::base_value)
}

fn work(s: &str) -> Operations {
    s.parse().unwrap()
}

fn u(x: f64) -> Utilisation {
    Utilisation::new(x).unwrap()
}

#[cfg(feature = "dataset")]
#[test]
fn ten_thousand_h100_need_29_days_for_1e25_flop() -> R {
    use sovereign_compute::catalog::Catalog;
    use sovereign_compute::units::system::time::day;

    let catalog = Catalog::builtin()?;
    let cluster = catalog.peak(
        "nvidia-h100-sxm",
        AcceleratorCount::gpus(10_000),
        Precision::Bf16,
        Sparsity::Dense,
    )?;
    // The catalog's BF16 dense figure: 989.5 TFLOP/s per GPU.
    assert_eq!(cluster.rate.base_value(), 10_000.0 * 989.5e12);

    let t = time_to_train(cluster, u(0.4), EU_AI_ACT_SYSTEMIC_RISK.operations())?;
    let expected = 1e25 / (10_000.0 * 989.5e12 * 0.4); // 2,526,528.55 s
    for bound in [t.lower(), t.central(), t.upper()] {
        let s = bound.unwrap().base_value();
        assert!((s - expected).abs() / expected < 1e-12, "{s} vs {expected}");
    }
    assert!((t.central().unwrap().get::<day>() - 29.2422).abs() < 1e-4);
    assert_eq!(t.to_string(), "29.2 days");
    assert_eq!(t.format(), Some(cluster.format));
    assert_eq!((t.parts(), t.unknown_parts()), (1, 0));
    Ok(())
}

#[test]
fn at_least_gives_a_zero_lower_time_and_an_upper_time_from_its_value() -> R {
    // ≥ 2 EFLOP/s at 50%: at most 1e21 / (2e18 × 0.5) = 1,000 s; at least 0 s.
    let e = Estimate::at_least(fig("2 EFLOP/s"));
    let t = time_to_train(&e, u(0.5), work("1e21 FLOP"))?;
    assert_eq!(secs(t.lower()), Some(0.0));
    assert_eq!(secs(t.central()), Some(1_000.0));
    assert_eq!(secs(t.upper()), Some(1_000.0));
    assert_eq!(t.to_string(), "0–16.7 min (central 16.7 min)");

    // In 1,000 s: at least 2e18 × 0.5 × 1,000 = 1e21 FLOP, no upper bound.
    let w = most_work_in(&e, u(0.5), "1000 s".parse()?)?;
    assert_eq!(w.lower().base_value(), 1e21);
    assert_eq!(flop(w.central()), Some(1e21));
    assert_eq!(w.upper(), None);
    assert_eq!(w.to_string(), "≥ 1e21 FLOP (central 1e21 FLOP)");
    Ok(())
}

#[test]
fn at_most_gives_an_unbounded_upper_time() -> R {
    // ≤ 2 EFLOP/s at 50%: at least 1,000 s; the lower rate is zero, so no upper time.
    let e = Estimate::at_most(fig("2 EFLOP/s"));
    let t = time_to_train(&e, u(0.5), work("1e21 FLOP"))?;
    assert_eq!(secs(t.lower()), Some(1_000.0));
    assert_eq!(secs(t.central()), Some(1_000.0));
    assert_eq!(t.upper(), None);
    assert_eq!(t.to_string(), "≥ 16.7 min (central 16.7 min)");

    let w = most_work_in(&e, u(0.5), "1000 s".parse()?)?;
    assert_eq!(w.lower().base_value(), 0.0);
    assert_eq!(flop(w.upper()), Some(1e21));
    assert_eq!(w.to_string(), "0–1e21 FLOP (central 1e21 FLOP)");
    Ok(())
}

#[test]
fn a_range_swaps_its_bounds() -> R {
    // 1–4 EFLOP/s at 25%: 1e21 / (4e18 × 0.25) = 1,000 s to 1e21 / (1e18 × 0.25) = 4,000 s;
    // central rate 2.5e18: 1e21 / 6.25e17 = 1,600 s.
    let e = Estimate::range(fig("1 EFLOP/s"), fig("4 EFLOP/s"))?;
    let t = time_to_train(&e, u(0.25), work("1e21 FLOP"))?;
    assert_eq!(secs(t.lower()), Some(1_000.0));
    assert_eq!(secs(t.central()), Some(1_600.0));
    assert_eq!(secs(t.upper()), Some(4_000.0));
    assert_eq!(t.to_string(), "16.7–66.7 min (central 26.7 min)");

    // In 1 h: 1e18 × 0.25 × 3,600 = 9e20 to 3.6e21 FLOP, central 2.25e21.
    let w = most_work_in(&e, u(0.25), "1 h".parse()?)?;
    assert_eq!(w.lower().base_value(), 9e20);
    assert_eq!(flop(w.central()), Some(2.25e21));
    assert_eq!(flop(w.upper()), Some(3.6e21));
    assert_eq!(w.to_string(), "9e20–3.6e21 FLOP (central 2.25e21 FLOP)");
    Ok(())
}

#[test]
fn an_unknown_part_stays_counted() -> R {
    // 2 EFLOP/s known + one unknown part at 100%: the unknown part may add any compute, so
    // the lower time is 0 s; it cannot remove any, so the upper time 1e21 / 2e18 = 500 s holds.
    let total: Total<ComputeFigure> =
        Total::sum(&[Estimate::exact(fig("2 EFLOP/s")), Estimate::unknown()])?;
    let t = time_to_train(&total, Utilisation::FULL, work("1e21 FLOP"))?;
    assert_eq!(secs(t.lower()), Some(0.0));
    assert_eq!(secs(t.central()), Some(500.0));
    assert_eq!(secs(t.upper()), Some(500.0));
    assert_eq!((t.parts(), t.unknown_parts()), (2, 1));
    assert_eq!(
        t.to_string(),
        "0–8.3 min (central 8.3 min; 1 of 2 parts unknown)"
    );

    let w = most_work_in(&total, Utilisation::FULL, "500 s".parse()?)?;
    assert_eq!(w.lower().base_value(), 1e21);
    assert_eq!(w.upper(), None);
    assert_eq!(w.unknown_parts(), 1);
    assert_eq!(
        w.to_string(),
        "≥ 1e21 FLOP (central 1e21 FLOP; 1 of 2 parts unknown)"
    );

    // Only unknown parts: nothing but the zero lower work is known.
    let unknown: Total<ComputeFigure> = Total::sum(&[Estimate::unknown(), Estimate::unknown()])?;
    let t = time_to_train(&unknown, Utilisation::FULL, work("1e21 FLOP"))?;
    assert_eq!(
        (secs(t.lower()), t.central(), t.upper()),
        (Some(0.0), None, None)
    );
    assert_eq!(t.format(), None);
    assert_eq!(t.to_string(), "unknown (2 parts)");
    let w = most_work_in(&unknown, Utilisation::FULL, "1 d".parse()?)?;
    assert_eq!(
        (w.lower(), w.central(), w.upper()),
        (Operations::ZERO, None, None)
    );
    Ok(())
}

#[test]
fn zero_compute_never_finishes_and_zero_work_takes_no_time() -> R {
    let zero = fig("0 FLOP/s");
    let t = time_to_train(zero, Utilisation::FULL, work("1 FLOP"))?;
    assert_eq!((t.lower(), t.central(), t.upper()), (None, None, None));
    assert_eq!(t.to_string(), "never");

    let t = time_to_train(zero, Utilisation::FULL, Operations::ZERO)?;
    assert_eq!(
        (secs(t.lower()), secs(t.central()), secs(t.upper())),
        (Some(0.0), Some(0.0), Some(0.0))
    );
    let t = time_to_train(&Estimate::unknown(), Utilisation::FULL, Operations::ZERO)?;
    assert_eq!(secs(t.upper()), Some(0.0));
    Ok(())
}

#[test]
fn a_time_past_f64_is_an_error_not_a_panic() -> R {
    let tiny = ComputeFigure::new(ComputeRate::from_base(1e-300)?, FP8);
    let err = time_to_train(tiny, Utilisation::FULL, Operations::from_base(1e300)?).unwrap_err();
    assert!(matches!(err, Error::Overflow { .. }), "{err}");
    let huge = ComputeFigure::new(ComputeRate::from_base(1e300)?, FP8);
    let err = most_work_in(huge, Utilisation::FULL, Time::from_base(1e300)?).unwrap_err();
    assert!(matches!(err, Error::Overflow { .. }), "{err}");
    Ok(())
}

#[test]
fn table_rows_feed_in_directly() -> R {
    // 1,000 GPUs of a part that does 2 PFLOP/s FP8 dense, at 50%, for 1e24 FLOP:
    // 1e24 / (2e18 × 0.5) = 1e6 s = 11.6 days.
    use sovereign_compute::catalog::{Accelerator, Catalog, PeakFigure, Provenance, Source};
    let mut catalog = Catalog::new();
    catalog.add_source(Source::new("ds", "datasheet", Provenance::VendorDirect))?;
    catalog.add_accelerator(Accelerator::gpu("acme-x1", "ACME X1", "acme").with_peak(
        PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ds"),
    ))?;
    let line = HardwareLine::new(
        HardwareRef::Part("acme-x1".into()),
        Sourced::new(Estimate::exact(AcceleratorCount::gpus(1_000))),
    );
    let registry = Registry::builder()
        .catalog(catalog)
        .deployment(
            Deployment::new("fr-a", "A", Country::FR)
                .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(line)),
        )
        .build()?;
    let table = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&registry, Compute::new(FP8))?;
    let row = table.get(&[Group::Country(Country::FR)]).unwrap();
    let t = time_to_train(&row.total, u(0.5), work("1e24 FLOP"))?;
    assert_eq!(secs(t.central()), Some(1e6));
    assert_eq!(t.to_string(), "11.6 days");
    assert_eq!(TrainingCompute::from(&row.total).format(), Some(FP8));
    Ok(())
}

#[test]
fn utilisation_reads_fractions_and_percentages() -> R {
    assert_eq!("40%".parse::<Utilisation>()?, u(0.4));
    assert_eq!(" 40 % ".parse::<Utilisation>()?, u(0.4));
    assert_eq!("0.4".parse::<Utilisation>()?, u(0.4));
    assert_eq!("33.3%".parse::<Utilisation>()?, "0.333".parse()?);
    assert_eq!("100%".parse::<Utilisation>()?, Utilisation::FULL);
    assert_eq!(u(0.4).to_string(), "40%");
    assert_eq!(u(0.07).to_string(), "7%");
    assert_eq!(u(0.425).to_string(), "42.5%");
    assert_eq!(format!("{:.1}", u(0.4)), "40.0%");
    Ok(())
}

#[test]
fn utilisation_errors_name_the_value_and_what_is_accepted() {
    for (input, value, reason) in [
        ("0", 0.0, "zero does no work"),
        ("0%", 0.0, "zero does no work"),
        ("-0.1", -0.1, "negative"),
        ("1.5", 1.5, "above 1 (100%)"),
        ("40", 40.0, "above 1 (100%)"),
        ("150%", 1.5, "above 1 (100%)"),
        ("inf", f64::INFINITY, "infinite"),
    ] {
        let err = input.parse::<Utilisation>().unwrap_err();
        let Error::InvalidValue {
            quantity,
            value: got,
            ..
        } = &err
        else {
            panic!("{input}: {err:?}");
        };
        assert_eq!(
            (*quantity, *got),
            ("model FLOP utilisation", value),
            "{input}"
        );
        let text = err.to_string();
        assert!(text.contains(reason), "{input}: {text}");
        assert!(
            text.ends_with("give a fraction above 0 and at most 1, such as 0.4 or \"40%\""),
            "{text}"
        );
    }
    let err = "NaN".parse::<Utilisation>().unwrap_err();
    assert!(matches!(&err, Error::InvalidValue { value, .. } if value.is_nan()));
    assert!(Utilisation::new(f64::NAN).is_err());
    for input in ["forty", "", "%", "40%%", "0.4.1", "4e-1x"] {
        let err = input.parse::<Utilisation>().unwrap_err();
        assert!(
            matches!(err, Error::InvalidNumber { .. }),
            "{input}: {err:?}"
        );
        assert!(err.to_string().contains("a percentage such as \"40%\""));
    }
}

#[test]
fn thresholds_quote_their_law() -> R {
    let eu = EU_AI_ACT_SYSTEMIC_RISK;
    assert_eq!(eu.operations().base_value(), 1e25);
    assert_eq!(eu.provision(), "Article 51(2)");
    assert!(eu.words().contains(
        "the cumulative amount of computation used for its training measured in floating point operations is greater than 10^25"
    ));
    assert_eq!(eu.url(), "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    assert_eq!((eu.revoked(), eu.revoked_by()), (None, None));
    assert!(!eu.exceeded_by(eu.operations()));
    assert!(eu.exceeded_by(work("1.0000001e25 FLOP")));

    let us = US_EO_14110_REPORTING;
    assert_eq!(us.operations().base_value(), 1e26);
    assert_eq!(us.provision(), "section 4.2(b)(i)");
    assert!(us.words().starts_with(
        "any model that was trained using a quantity of computing power greater than 10^26 integer or floating-point operations"
    ));
    assert!(us.url().starts_with("https://www.federalregister.gov/"));
    assert_eq!(us.revoked().unwrap().to_string(), "2025-01-20");
    assert_eq!(
        us.to_string(),
        "US Executive Order 14110, section 4.2(b)(i): more than 1e26 FLOP (revoked 2025-01-20)"
    );

    // 90 days of 1–10 EFLOP/s at 40%: 3.1e24 to 3.1e25 FLOP; over the EU line only possibly.
    let e = Estimate::range(fig("1 EFLOP/s"), fig("10 EFLOP/s"))?;
    let w = most_work_in(&e, u(0.4), "90 d".parse()?)?;
    assert_eq!(w.exceeds(&eu), (false, true));
    assert_eq!(w.exceeds(&us), (false, false));
    Ok(())
}

proptest! {
    /// Lower ≤ central ≤ upper for times and amounts of any range of compute.
    #[test]
    fn bounds_stay_in_order(low in 1e12f64..1e21, span in 1.0f64..100.0, util in 0.01f64..1.0, days in 1.0f64..400.0) {
        let e = Estimate::range(
            ComputeFigure::new(ComputeRate::from_base(low).unwrap(), FP8),
            ComputeFigure::new(ComputeRate::from_base(low * span).unwrap(), FP8),
        ).unwrap();
        let t = time_to_train(&e, u(util), work("1e25 FLOP")).unwrap();
        let (l, c, h) = (t.lower().unwrap(), t.central().unwrap(), t.upper().unwrap());
        prop_assert!(l <= c && c <= h);
        let w = most_work_in(&e, u(util), Time::from_base(days * 86_400.0).unwrap()).unwrap();
        let (l, c, h) = (w.lower(), w.central().unwrap(), w.upper().unwrap());
        prop_assert!(l <= c && c <= h);
    }
}
