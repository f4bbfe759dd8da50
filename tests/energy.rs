//! `analysis::energy`: annual energy from IT or facility power, against hand-computed cases.

use std::sync::Arc;

use sovereign_compute::analysis::{
    AnnualEnergy, Group, GroupKey, ItPower, LoadFactor, Points, PowerBasis, Pue, Query, Route,
    Scenario,
};
use sovereign_compute::catalog::{Accelerator, Catalog, Provenance, RatedPower, Source};
use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::model::{Deployment, HardwareLine, HardwareRef, Phase, Sourced, Status};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{Energy, Power};
use sovereign_compute::{Country, Error};

type R = Result<(), Error>;

/// `a` and `b` agree to 1e-12 of the larger.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

fn joules(e: Option<Energy>) -> f64 {
    e.map_or(f64::NAN, |e| e.base_value())
}

/// MWh in J.
const MWH: f64 = 3.6e9;

fn assumptions(stated: PowerBasis) -> Result<AnnualEnergy, Error> {
    Ok(AnnualEnergy::new(
        Pue::new(1.2)?,
        LoadFactor::new(0.8)?,
        stated,
    ))
}

#[test]
fn ten_megawatts_of_it_power() -> R {
    let e = assumptions(PowerBasis::Facility)?;
    let it: Power = "10 MW".parse()?;
    // 10 MW × 1.2 × 0.8 × 8,760 h = 84,096 MWh = 84.096 GWh.
    let energy = e.of(it, PowerBasis::It)?;
    assert!(close(energy.base_value(), 84_096.0 * MWH));
    assert_eq!(format!("{energy:.3}"), "84.096 GWh");
    // The same 10 MW as facility power: the PUE is in it already. 10 × 0.8 × 8,760 = 70,080 MWh.
    let energy = e.of(it, PowerBasis::Facility)?;
    assert!(close(energy.base_value(), 70_080.0 * MWH));
    // Facility power is IT power × PUE: 12 MW of facility power is the same energy as 10 MW IT.
    let twelve: Power = "12 MW".parse()?;
    assert!(close(
        e.of(twelve, PowerBasis::Facility)?.base_value(),
        e.of(it, PowerBasis::It)?.base_value()
    ));
    Ok(())
}

#[test]
fn a_gigawatt_all_year_is_8_76_twh() -> R {
    let e = AnnualEnergy::new(Pue::ONE, LoadFactor::FULL, PowerBasis::Facility);
    let gw: Power = "1 GW".parse()?;
    for basis in [PowerBasis::It, PowerBasis::Facility] {
        assert_eq!(format!("{:.2}", e.of(gw, basis)?), "8.76 TWh");
    }
    Ok(())
}

#[test]
fn bounds_follow_the_power() -> R {
    let e = assumptions(PowerBasis::Facility)?;
    let k = 1.2 * 0.8 * 8_760.0; // MWh per MW of IT power
    let of = |phrase: &str| -> Result<Total<Energy>, Error> {
        let power: Total<Power> = Total::sum(&[Estimate::parse(phrase)?])?;
        e.of_total(&power, PowerBasis::It)
    };
    // A range: lower from the lower power, upper from the upper, central from the central.
    let t = of("40-100 MW")?;
    assert!(close(joules(t.lower()), 40.0 * k * MWH));
    assert!(close(joules(t.central()), 70.0 * k * MWH));
    assert!(close(joules(t.upper()), 100.0 * k * MWH));
    // "more than": no upper bound.
    let t = of("more than 40 MW")?;
    assert!(close(joules(t.lower()), 40.0 * k * MWH));
    assert_eq!(t.upper(), None);
    // "up to": the lower bound is zero.
    let t = of("up to 1 GW")?;
    assert_eq!(joules(t.lower()), 0.0);
    assert!(close(joules(t.upper()), 1_000.0 * k * MWH));
    // "about 40 MW" (±10%): 36 to 44 MW.
    let t = of("about 40 MW")?;
    assert!(close(joules(t.lower()), 36.0 * k * MWH));
    assert!(close(joules(t.upper()), 44.0 * k * MWH));
    // Unknown: one unknown part, nothing known.
    let t = of("unknown")?;
    assert_eq!((t.lower(), t.parts(), t.unknown_parts()), (None, 1, 1));
    Ok(())
}

#[test]
fn unknown_parts_stay_counted_even_at_zero_load() -> R {
    let idle = AnnualEnergy::new(Pue::new(1.5)?, "0%".parse()?, PowerBasis::Facility);
    let power: Total<Power> = Total::sum(&[Estimate::parse("10 MW")?, Estimate::unknown()])?;
    let t = idle.of_total(&power, PowerBasis::It)?;
    assert_eq!(joules(t.lower()), 0.0);
    assert_eq!(joules(t.known_upper()), 0.0);
    assert_eq!(t.upper(), None); // the unknown part could draw anything
    assert_eq!((t.parts(), t.unknown_parts()), (2, 1));
    Ok(())
}

#[test]
fn inputs_are_validated_with_the_field_named() {
    for bad in [0.99, -1.0, f64::NAN, f64::INFINITY] {
        let err = Pue::new(bad).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidValue {
                    quantity: "PUE",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    for bad in [1.01, -0.01, f64::NAN, f64::NEG_INFINITY] {
        let err = LoadFactor::new(bad).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidValue {
                    quantity: "load factor",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    assert_eq!(
        LoadFactor::new(1.5).unwrap_err().to_string(),
        "invalid load factor 1.5: above 1 (100%); give a fraction from 0 to 1, such as 0.8 or \"80%\""
    );
    assert_eq!(
        "high".parse::<LoadFactor>().unwrap_err().to_string(),
        "invalid number in \"high\": expected a fraction such as 0.8 or a percentage such as \"80%\""
    );
    assert_eq!(
        "1,2".parse::<Pue>().unwrap_err().to_string(),
        "invalid number in \"1,2\": expected a PUE such as 1.2"
    );
    assert!("nan".parse::<Pue>().is_err());
    assert!("120%".parse::<LoadFactor>().is_err());
    assert_eq!("80 %".parse::<LoadFactor>().unwrap().fraction(), 0.8);
}

#[test]
fn an_energy_past_f64_is_an_overflow_not_a_panic() -> R {
    let e = AnnualEnergy::new(Pue::new(1e300)?, LoadFactor::FULL, PowerBasis::Facility);
    let huge = Power::from_base(1e300)?;
    assert!(matches!(
        e.of(huge, PowerBasis::It),
        Err(Error::Overflow { .. })
    ));
    let absurd = AnnualEnergy::new(Pue::new(1e302)?, LoadFactor::FULL, PowerBasis::Facility);
    assert!(matches!(
        absurd.full_power_time(PowerBasis::It),
        Err(Error::Overflow { .. })
    ));
    assert!(absurd.full_power_time(PowerBasis::Facility).is_ok());
    Ok(())
}

/// A catalog of one part, the Acme X1: a GPU of 700 W (an H100 SXM's TDP), so that the tests
/// run without the built-in catalog too.
fn catalog() -> Result<Arc<Catalog>, Error> {
    let mut c = Catalog::new();
    c.add_source(Source::new("SHEET", "Datasheet", Provenance::VendorDirect))?;
    c.add_accelerator(
        Accelerator::gpu("acme-x1", "Acme X1", "acme")
            .with_tdp(RatedPower::new("700 W".parse()?, "SHEET")),
    )?;
    Ok(Arc::new(c))
}

/// One deployment per route: a stated 10 MW site, 1,000 GPUs of 700 W, and a phase with
/// neither power nor hardware.
fn registry() -> Result<Registry, Error> {
    let gpus = HardwareLine::new(
        HardwareRef::Part("acme-x1".into()),
        Sourced::new(Estimate::parse("1,000 GPUs")?),
    );
    Registry::builder()
        .catalog(catalog()?)
        .deployment(
            Deployment::new("fr-site", "Stated site", Country::FR).with_phase(
                Phase::new("p1", Status::Planned)
                    .with_online("2026-H2")
                    .with_power(Sourced::new(Estimate::parse("10 MW")?))
                    .with_hardware_line(gpus.clone()),
            ),
        )
        .deployment(
            Deployment::new("de-cluster", "GPU cluster", Country::DE).with_phase(
                Phase::new("p1", Status::Operational)
                    .with_online("2025")
                    .with_hardware_line(gpus),
            ),
        )
        .deployment(
            Deployment::new("it-unknown", "Unknown", Country::IT)
                .with_phase(Phase::new("p1", Status::Announced)),
        )
        .build()
}

#[test]
fn stated_and_derived_power_get_their_own_factors() -> R {
    let r = registry()?;
    let by_country = Query::new().group_by(GroupKey::HostCountry);
    let facility = by_country.run(&r, assumptions(PowerBasis::Facility)?)?;
    let row = |t: &sovereign_compute::analysis::Table<AnnualEnergy>, c| {
        t.get(&[Group::Country(c)]).cloned().expect("a row")
    };
    // France states 10 MW for the phase: read as facility power, no PUE, and the phase's
    // hardware is not counted again. 10 × 0.8 × 8,760 = 70,080 MWh.
    let fr = row(&facility, Country::FR);
    assert!(close(joules(fr.total.lower()), 70_080.0 * MWH));
    assert_eq!((fr.routes.stated, fr.routes.derived), (1, 0));
    // Germany: 1,000 GPUs × 700 W = 0.7 MW of IT power, × 1.2 × 0.8 × 8,760 h = 5,886.72 MWh.
    let de = row(&facility, Country::DE);
    assert!(close(joules(de.total.lower()), 5_886.72 * MWH));
    assert!(close(joules(de.total.upper()), 5_886.72 * MWH));
    assert_eq!(de.routes.derived, 1);
    // Italy: nothing to go on, an unknown part.
    let it = row(&facility, Country::IT);
    assert_eq!((it.total.lower(), it.total.unknown_parts()), (None, 1));
    assert_eq!(it.routes.unknown, 1);
    // The whole: 75,966.72 MWh known, no upper bound.
    assert!(close(joules(facility.total().lower()), 75_966.72 * MWH));
    assert_eq!(facility.total().upper(), None);
    assert_eq!(facility.total().unknown_parts(), 1);

    // Read as IT power, the stated 10 MW gets the PUE (84,096 MWh); the derived part is the same.
    let it_read = by_country.run(&r, assumptions(PowerBasis::It)?)?;
    assert!(close(
        joules(row(&it_read, Country::FR).total.lower()),
        84_096.0 * MWH
    ));
    assert_eq!(
        row(&it_read, Country::DE).total,
        row(&facility, Country::DE).total
    );
    // Cells show three decimals.
    assert!(facility.to_string().contains("70.080 GWh"), "{facility}");
    Ok(())
}

#[test]
fn the_measure_agrees_with_it_power_times_the_factor() -> R {
    let europe = Query::new().group_by(GroupKey::HostCountry);
    let r = registry()?;
    let energy = assumptions(PowerBasis::It)?;
    let power = europe.run(&r, ItPower)?;
    let measured = europe.run(&r, energy)?;
    for row in power.rows() {
        let expected = energy.of_total(&row.total, PowerBasis::It)?;
        let got = &measured.get(&row.groups).expect("same groups").total;
        assert_eq!(
            (got.parts(), got.unknown_parts()),
            (expected.parts(), expected.unknown_parts())
        );
        for (a, b) in [
            (got.lower(), expected.lower()),
            (got.central(), expected.central()),
            (got.upper(), expected.upper()),
        ] {
            assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                assert!(close(a.base_value(), b.base_value()), "{a} != {b}");
            }
        }
        assert_eq!(row.routes, measured.get(&row.groups).unwrap().routes);
    }
    assert_eq!(measured.routes().total(), power.routes().total());
    assert_eq!(Route::Stated.to_string(), "stated");
    Ok(())
}

#[test]
fn a_series_of_energy() -> R {
    let r = registry()?;
    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    let points = Points::new(
        sovereign_compute::analysis::Period::Year,
        day(2025),
        day(2026),
    )?;
    let series = Query::new().series(
        &r,
        assumptions(PowerBasis::Facility)?,
        Scenario::Optimistic,
        &points,
    )?;
    // The GPU cluster is online in 2025 (5,886.72 MWh a year); the stated site joins in
    // 2026-H2 (70,080 MWh).
    let [y2025, y2026] = series.total() else {
        panic!("two points")
    };
    assert!(close(joules(y2025.lower()), 5_886.72 * MWH));
    assert!(close(joules(y2026.lower()), 75_966.72 * MWH));
    Ok(())
}

#[cfg(feature = "csv")]
#[test]
fn annual_energy_writes_out_in_joules_with_its_assumptions_named() -> R {
    let r = registry()?;
    let table = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&r, assumptions(PowerBasis::Facility)?)?;
    let csv = table.to_csv();
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("host_country,is_total,annual_energy_j_lower"),
        "{header}"
    );
    // France: 70,080 MWh = 2.52288e14 J, read back from the CSV's lower bound.
    let fr = lines.find(|l| l.starts_with("FR,")).expect("a France row");
    let lower: f64 = fr
        .split(',')
        .nth(2)
        .unwrap_or_default()
        .parse()
        .unwrap_or_default();
    assert!(close(lower, 70_080.0 * MWH), "{fr}");
    assert!(
        fr.contains("PUE"),
        "the measure column names the assumptions: {fr}"
    );
    Ok(())
}
