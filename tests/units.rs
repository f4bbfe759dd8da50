//! Integration tests for the quantities layer: products and quotients, parsing what people
//! write, error messages, serde and algebraic laws.

use proptest::prelude::*;
use sovereign_compute::Error;
use sovereign_compute::units::system::{
    compute_rate, energy, energy_efficiency, operations, power,
};
use sovereign_compute::units::*;

fn rate(s: &str) -> ComputeRate {
    s.parse().unwrap()
}

#[test]
fn rate_times_time_is_operations() {
    let work: Operations = (rate("1 EFLOP/s") * "1 h".parse::<Time>().unwrap()).unwrap();
    assert_eq!(work.get::<operations::exaflop>(), 3_600.0);
    let work2: Operations = ("1 h".parse::<Time>().unwrap() * rate("1 EFLOP/s")).unwrap();
    assert_eq!(work, work2);
}

#[test]
fn operations_over_time_is_rate_and_over_rate_is_time() {
    let work: Operations = "3.6 ZFLOP".parse().unwrap();
    let hour: Time = "1 h".parse().unwrap();
    let r: ComputeRate = (work / hour).unwrap();
    assert_eq!(r.get::<compute_rate::exaflop_per_second>(), 1.0);
    let t: Time = (work / r).unwrap();
    assert_eq!(t, hour);
}

#[test]
fn rate_over_power_is_efficiency() {
    let eff: EnergyEfficiency =
        (rate("1440 PFLOP/s") / "120 kW".parse::<Power>().unwrap()).unwrap();
    assert_eq!(
        eff.get::<energy_efficiency::gigaflop_per_second_per_watt>(),
        12_000.0
    );
    let back: ComputeRate = (eff * "120 kW".parse::<Power>().unwrap()).unwrap();
    assert_eq!(back, rate("1440 PFLOP/s"));
    let p: Power = (rate("1440 PFLOP/s") / eff).unwrap();
    assert_eq!(p.get::<power::kilowatt>(), 120.0);
}

#[test]
fn power_times_time_is_energy() {
    let e: Energy = ("40 MW".parse::<Power>().unwrap() * "1 h".parse::<Time>().unwrap()).unwrap();
    assert_eq!(e.get::<energy::megawatt_hour>(), 40.0);
    assert_eq!(e.to_string(), "40 MWh");
    let p: Power = (e / "1 h".parse::<Time>().unwrap()).unwrap();
    assert_eq!(p.to_string(), "40 MW");
    let t: Time = (e / "40 MW".parse::<Power>().unwrap()).unwrap();
    assert_eq!(t.to_string(), "1 h");
    let eff: EnergyEfficiency =
        ("1 EFLOP".parse::<Operations>().unwrap() / "1 MWh".parse::<Energy>().unwrap()).unwrap();
    assert!((eff.base_value() - 1e18 / 3.6e9).abs() < 1e-3);
}

#[test]
fn division_by_zero_is_an_error() {
    let err = ("1 PFLOP".parse::<Operations>().unwrap() / Time::ZERO).unwrap_err();
    assert_eq!(
        err,
        Error::Overflow {
            quantity: "compute rate",
            operation: "division"
        }
    );
}

#[test]
fn what_people_write() {
    let cases: &[(&str, f64)] = &[
        ("3000 EFLOP/s", 3e21),
        ("3,000 exaflops", 3e21),
        ("20 PFLOPS", 2e16),
        ("20 petaflops", 2e16),
        ("1.2e18 FLOP/s", 1.2e18),
        ("989 TFLOP/s", 9.89e14),
        ("67 teraFLOPS", 6.7e13),
        ("1 exaflop per second", 1e18),
        ("793.4 PFlop/s", 7.934e17),
        ("5 ZFLOPS", 5e21),
    ];
    for (s, v) in cases {
        let r: ComputeRate = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        assert!((r.base_value() - v).abs() <= 1e-12 * v, "{s} -> {r:?}");
    }
    assert_eq!("1.2 MW".parse::<Power>().unwrap().base_value(), 1.2e6);
    assert_eq!("40MW".parse::<Power>().unwrap().base_value(), 4e7);
    assert_eq!("40 megawatts".parse::<Power>().unwrap().base_value(), 4e7);
    assert_eq!("1 TWh".parse::<Energy>().unwrap().base_value(), 3.6e15);
    assert_eq!(
        "2 kilowatt-hours".parse::<Energy>().unwrap().base_value(),
        7.2e6
    );
    assert_eq!(
        "50 GFLOP/s per W"
            .parse::<EnergyEfficiency>()
            .unwrap()
            .base_value(),
        5e10
    );
    assert_eq!(
        "0.05 TFLOPS/W"
            .parse::<EnergyEfficiency>()
            .unwrap()
            .base_value(),
        5e10
    );
    assert_eq!(
        "5e10 FLOP/J"
            .parse::<EnergyEfficiency>()
            .unwrap()
            .base_value(),
        5e10
    );
    assert_eq!(
        "1.98 GHz".parse::<Frequency>().unwrap().base_value(),
        1.98e9
    );
}

#[test]
fn readable_display() {
    assert_eq!(rate("3000 EFLOP/s").to_string(), "3 ZFLOP/s");
    assert_eq!("40000 kW".parse::<Power>().unwrap().to_string(), "40 MW");
    assert_eq!(rate("0 FLOP/s").to_string(), "0 FLOP/s");
    assert_eq!(rate("0.5 FLOP/s").to_string(), "0.5 FLOP/s");
    assert_eq!(
        format!("{:.2}", rate("1 EFLOP/s").checked_scale(1.0 / 3.0).unwrap()),
        "333.33 PFLOP/s"
    );
    assert_eq!(
        rate("3 ZFLOP/s")
            .display_in(compute_rate::exaflop_per_second)
            .to_string(),
        "3000 EFLOP/s"
    );
    assert_eq!(
        format!("{:?}", rate("20 PFLOP/s")),
        "ComputeRate(20 PFLOP/s)"
    );
}

#[test]
fn error_messages_are_pinned() {
    assert_eq!(
        "40 MWz".parse::<Power>().unwrap_err().to_string(),
        "unknown power unit \"MWz\": accepted units: W, kW, MW, GW (also watts, kilowatts, megawatts, gigawatts)"
    );
    assert_eq!(
        "3 exaflop".parse::<ComputeRate>().unwrap_err().to_string(),
        "unknown compute rate unit \"exaflop\": that is an amount of work (FLOP), not a rate: add \"/s\"; accepted units: FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s, PFLOP/s, EFLOP/s, ZFLOP/s, YFLOP/s (also written FLOPS, PFLOPS, petaflops, exaflop/s, exaflops per second)"
    );
    assert!(matches!(
        "20 PF".parse::<ComputeRate>().unwrap_err(),
        Error::AmbiguousUnit {
            quantity: "compute rate",
            ..
        }
    ));
    assert!(matches!(
        "1e25 FLOPS".parse::<Operations>().unwrap_err(),
        Error::AmbiguousUnit {
            quantity: "amount of work",
            ..
        }
    ));
    assert!(matches!(
        "1 GHz".parse::<ComputeRate>().unwrap_err(),
        Error::UnknownUnit { .. }
    ));
    assert_eq!(
        "-5 MW".parse::<Power>().unwrap_err().to_string(),
        "invalid number in \"-5 MW\": negative values are not accepted; quantities are non-negative"
    );
    assert_eq!(
        ComputeRate::from_base(f64::NAN).unwrap_err().to_string(),
        "invalid compute rate NaN: not a number; quantities must be finite and non-negative"
    );
    assert_eq!(
        Power::from_base(-1.0).unwrap_err().to_string(),
        "invalid power -1: negative; quantities must be finite and non-negative"
    );
    let a: ComputeFigure = "1 PFLOP/s FP4 sparse".parse().unwrap();
    let b: ComputeFigure = "1 PFLOP/s FP64 dense".parse().unwrap();
    assert_eq!(
        a.checked_add(b).unwrap_err().to_string(),
        "compute format mismatch: FP4 sparse peak and FP64 dense peak cannot be combined; convert through a catalog part or collect them in ComputeTotals"
    );
    assert_eq!(
        AcceleratorCount::gpus(1)
            .checked_add(AcceleratorCount::new(1, CountingUnit::Superchip))
            .unwrap_err()
            .to_string(),
        "counting unit mismatch: gpu and superchip cannot be combined; convert both to GPUs through the catalog first"
    );
    assert_eq!(
        AcceleratorCount::gpus(u64::MAX)
            .checked_add(AcceleratorCount::gpus(1))
            .unwrap_err()
            .to_string(),
        "accelerator count addition overflows: the result does not fit a finite value"
    );
}

#[test]
fn invalid_values_are_rejected_by_every_constructor() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0] {
        assert!(ComputeRate::from_base(bad).is_err());
        assert!(Power::new::<power::megawatt>(bad).is_err());
        assert!(Energy::from_base(bad).is_err());
        assert!(rate("1 FLOP/s").checked_scale(bad).is_err());
    }
    // Finite in its unit, infinite in the base unit.
    assert!(matches!(
        ComputeRate::new::<compute_rate::zettaflop_per_second>(1e300),
        Err(Error::Overflow { .. })
    ));
    assert!(matches!(
        "1e300 ZFLOP/s".parse::<ComputeRate>(),
        Err(Error::Overflow { .. })
    ));
    let max = ComputeRate::from_base(f64::MAX).unwrap();
    assert!(matches!(max.checked_add(max), Err(Error::Overflow { .. })));
    assert_eq!(
        ComputeRate::from_base(-0.0).unwrap().to_string(),
        "0 FLOP/s"
    );
}

#[test]
fn figures_and_totals() {
    let f: ComputeFigure = "793.4 PFLOP/s FP64 dense HPL".parse().unwrap();
    assert_eq!(
        f.format,
        ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl)
    );
    let g: ComputeFigure = "20 PFLOP/s FP4".parse().unwrap();
    assert_eq!(
        g.format,
        ComputeFormat::peak(Precision::Fp4, Sparsity::Dense)
    );
    assert!(matches!(
        "20 PFLOP/s".parse::<ComputeFigure>(),
        Err(Error::UnknownTag { .. })
    ));

    let mut totals = ComputeTotals::new();
    totals.add(f).unwrap();
    totals.add(g).unwrap();
    totals.add(g).unwrap();
    assert_eq!(totals.len(), 2);
    assert_eq!(
        totals.get(ComputeFormat::peak(Precision::Fp4, Sparsity::Dense)),
        Some(rate("40 PFLOP/s"))
    );
    let table = totals.to_string();
    assert!(table.contains("FP4 dense peak     40 PFLOP/s"), "{table}");
    assert!(table.contains("FP64 dense HPL  793.4 PFLOP/s"), "{table}");
}

#[cfg(feature = "serde")]
mod wire {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, serde::Serialize, PartialEq)]
    struct Site {
        power: Power,
        peak: ComputeFigure,
        gpus: AcceleratorCount,
    }

    #[test]
    fn quantities_are_written_with_their_unit() {
        let site = Site {
            power: "40 MW".parse().unwrap(),
            peak: "1,440 PFLOP/s FP4 sparse".parse().unwrap(),
            gpus: "18,000 GPUs".parse().unwrap(),
        };
        let json = serde_json::to_string(&site).unwrap();
        assert_eq!(
            json,
            r#"{"power":"40 MW","peak":{"rate":"1.44 EFLOP/s","precision":"fp4","sparsity":"sparse","basis":"peak"},"gpus":{"count":18000,"unit":"gpu"}}"#
        );
        assert_eq!(serde_json::from_str::<Site>(&json).unwrap(), site);
    }

    #[test]
    fn bare_numbers_are_rejected_with_the_field_named() {
        let json = r#"{"power": 40000000, "peak": {"rate":"1 PFLOP/s","precision":"fp4","sparsity":"sparse","basis":"peak"}, "gpus": {"count": 1, "unit": "gpu"}}"#;
        let mut de = serde_json::Deserializer::from_str(json);
        let err = serde_path_to_error::deserialize::<_, Site>(&mut de).unwrap_err();
        assert_eq!(err.path().to_string(), "power");
        assert!(
            err.inner().to_string().starts_with(
                "expected a power with its unit, such as \"40 MW\" or {\"value\": 40, \"unit\": \"MW\"}, found a bare number 40000000"
            ),
            "{err}"
        );
    }

    #[test]
    fn object_form_and_invalid_values() {
        let p: Power = serde_json::from_str(r#"{"value": 1.5, "unit": "MW"}"#).unwrap();
        assert_eq!(p.to_string(), "1.5 MW");
        for bad in [
            r#""-1 MW""#,
            r#"{"value": -1, "unit": "MW"}"#,
            r#"{"value": 1, "unit": "MW", "extra": 1}"#,
            r#"{"value": 1}"#,
            r#""NaN MW""#,
            r#""1e400 W""#,
            r#"null"#,
        ] {
            assert!(
                serde_json::from_str::<Power>(bad).is_err(),
                "{bad} accepted"
            );
        }
        let count: Result<AcceleratorCount, _> =
            serde_json::from_str(r#"{"count": -1, "unit": "gpu"}"#);
        assert!(count.is_err());
        let tag: Result<Precision, _> = serde_json::from_str(r#""fp5""#);
        assert!(tag.is_err());
    }

    #[test]
    fn inexact_values_fall_back_to_the_base_unit() {
        let r = ComputeRate::from_base(0.1 + 0.2).unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<ComputeRate>(&json).unwrap(), r);
        let totals: ComputeTotals = serde_json::from_str(
            r#"[{"rate":"1 PFLOP/s","precision":"fp8","sparsity":"sparse","basis":"peak"},
                {"rate":"2 PFLOP/s","precision":"fp8","sparsity":"sparse","basis":"peak"}]"#,
        )
        .unwrap();
        assert_eq!(totals.iter().next().unwrap().rate, rate("3 PFLOP/s"));
    }

    proptest! {
        #[test]
        fn json_round_trip_is_exact(v in 0.0f64..1e30, p in 0.0f64..1e12) {
            let r = ComputeRate::from_base(v).unwrap();
            let json = serde_json::to_string(&r).unwrap();
            prop_assert_eq!(serde_json::from_str::<ComputeRate>(&json).unwrap(), r);
            let w = Power::from_base(p).unwrap();
            let json = serde_json::to_string(&w).unwrap();
            prop_assert_eq!(serde_json::from_str::<Power>(&json).unwrap(), w);
        }
    }
}

#[test]
fn every_quantity_reads_out_in_a_named_unit() {
    let r = rate("1,440 PFLOP/s");
    assert_eq!(r.in_unit("EFLOP/s").unwrap(), 1.44);
    assert_eq!(r.in_unit("exaflops").unwrap(), 1.44);
    assert_eq!(
        r.in_unit("EFLOP/s").unwrap(),
        r.get::<compute_rate::exaflop_per_second>()
    );
    let site: Power = "40 MW".parse().unwrap();
    assert_eq!(site.in_unit("GW").unwrap(), 0.04);
    assert_eq!(
        site.in_unit("megawatts").unwrap(),
        site.get::<power::megawatt>()
    );
    let year: Energy = "350 GWh".parse().unwrap();
    assert_eq!(
        year.in_unit("TWh").unwrap(),
        year.get::<energy::terawatt_hour>()
    );
    let run: Operations = "3.8e25 FLOP".parse().unwrap();
    assert_eq!(run.in_unit("YFLOP").unwrap(), 38.0);
    let green: EnergyEfficiency = "72.7 GFLOPS/W".parse().unwrap();
    assert_eq!(green.in_unit("GFLOP/s/W").unwrap(), 72.7);
    let fig: ComputeFigure = "20 PFLOP/s FP4 sparse".parse().unwrap();
    assert_eq!(fig.in_unit("PFLOP/s").unwrap(), 20.0);
    assert_eq!(
        AcceleratorCount::gpus(18_000).in_unit("gpu").unwrap(),
        18_000
    );

    // An unknown unit, or one of another quantity, is a typed error naming what is accepted.
    assert_eq!(
        site.in_unit("MWh").unwrap_err(),
        Error::UnknownUnit {
            quantity: "power",
            unit: "MWh".to_owned(),
            hint: "accepted units: W, kW, MW, GW (also watts, kilowatts, megawatts, gigawatts)"
                .to_owned(),
        }
    );
    assert!(matches!(r.in_unit("EFLOP"), Err(Error::UnknownUnit { .. })));
    assert!(matches!(r.in_unit("PF"), Err(Error::AmbiguousUnit { .. })));
    assert_eq!(
        AcceleratorCount::gpus(8).in_unit("racks").unwrap_err(),
        Error::CountUnitMismatch {
            left: CountingUnit::Gpu,
            right: CountingUnit::Rack
        }
    );
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

fn any_format() -> impl Strategy<Value = ComputeFormat> {
    (
        prop::sample::select(Precision::ALL.to_vec()),
        prop::sample::select(Sparsity::ALL.to_vec()),
        prop::sample::select(Basis::ALL.to_vec()),
    )
        .prop_map(|(p, s, b)| ComputeFormat::new(p, s, b))
}

proptest! {
    #[test]
    fn display_parse_round_trip_every_quantity(v in 0.0f64..1e27) {
        macro_rules! check {
            ($t:ty) => {{
                let x = <$t>::from_base(v).unwrap();
                let back: $t = x.to_string().parse().unwrap();
                prop_assert!(close(back.base_value(), v), "{} -> {}", v, x);
            }};
        }
        check!(ComputeRate);
        check!(Operations);
        check!(Time);
        check!(Power);
        check!(Energy);
        check!(EnergyEfficiency);
        check!(Frequency);
    }

    #[test]
    fn same_format_sums_commute_and_associate(a in 0.0f64..1e24, b in 0.0f64..1e24, c in 0.0f64..1e24, fmt in any_format()) {
        let f = |v| ComputeFigure::new(ComputeRate::from_base(v).unwrap(), fmt);
        let ab = f(a).checked_add(f(b)).unwrap();
        let ba = f(b).checked_add(f(a)).unwrap();
        prop_assert_eq!(ab, ba);
        let left = ab.checked_add(f(c)).unwrap();
        let right = f(a).checked_add(f(b).checked_add(f(c)).unwrap()).unwrap();
        prop_assert!(close(left.rate.base_value(), right.rate.base_value()));
    }

    #[test]
    fn mismatched_formats_always_error(a in 0.0f64..1e24, f1 in any_format(), f2 in any_format()) {
        prop_assume!(f1 != f2);
        let r = ComputeRate::from_base(a).unwrap();
        let err = ComputeFigure::new(r, f1).checked_add(ComputeFigure::new(r, f2)).unwrap_err();
        prop_assert_eq!(err, Error::FormatMismatch { left: f1, right: f2 });
    }

    #[test]
    fn unit_names_never_panic(s in "\\PC*", v in 0.0f64..1e300) {
        let _ = ComputeRate::from_base(v).unwrap().in_unit(&s);
        let _ = Operations::from_base(v).unwrap().in_unit(&s);
        let _ = Power::from_base(v).unwrap().in_unit(&s);
        let _ = Energy::from_base(v).unwrap().in_unit(&s);
        let _ = EnergyEfficiency::from_base(v).unwrap().in_unit(&s);
        let _ = Time::from_base(v).unwrap().in_unit(&s);
        let _ = Frequency::from_base(v).unwrap().in_unit(&s);
        let _ = AcceleratorCount::gpus(v as u64).in_unit(&s);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        let _ = s.parse::<ComputeRate>();
        let _ = s.parse::<Operations>();
        let _ = s.parse::<Power>();
        let _ = s.parse::<Energy>();
        let _ = s.parse::<EnergyEfficiency>();
        let _ = s.parse::<ComputeFigure>();
        let _ = s.parse::<AcceleratorCount>();
    }

    #[test]
    fn quantity_like_strings_never_panic(s in "[0-9,.eE+-]{0,12} ?[kMGTPEZYa-z/ ]{0,14}") {
        let _ = s.parse::<ComputeRate>();
        let _ = s.parse::<Operations>();
        let _ = s.parse::<AcceleratorCount>();
        let _ = s.parse::<EnergyEfficiency>();
    }

    #[test]
    fn count_sums_are_exact_or_overflow(a in any::<u64>(), b in any::<u64>()) {
        let r = AcceleratorCount::gpus(a).checked_add(AcceleratorCount::gpus(b));
        match a.checked_add(b) {
            Some(s) => prop_assert_eq!(r.unwrap().count(), s),
            None => prop_assert!(r.is_err()),
        }
    }
}
