//! Analysis on small hand-built registries with known answers: every group key, every
//! measure, bounds, both scenarios at boundary days, reconciliation, overlaps; then property
//! tests on generated registries (partition totals, insertion order, bounds, series against
//! point queries).

use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use sovereign_compute::analysis::*;
use sovereign_compute::catalog::{
    Accelerator, Catalog, Family, PeakFigure, Provenance, RatedPower, Source as CatalogSource,
    System, SystemKind,
};
use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::model::*;
use sovereign_compute::registry::{Registry, RegistryBuilder};
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, Power, Precision, Sparsity,
};
use sovereign_compute::{Bloc, Country, Error, PartialDate};

type R<T = ()> = Result<T, Error>;

fn id<T: std::str::FromStr<Err = Error>>(s: &str) -> T {
    s.parse().unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn gpus(n: u64) -> AcceleratorCount {
    AcceleratorCount::gpus(n)
}

fn rate(s: &str) -> ComputeRate {
    s.parse().unwrap()
}

fn watts(s: &str) -> Power {
    s.parse().unwrap()
}

const FP4: ComputeFormat = ComputeFormat::peak(Precision::Fp4, Sparsity::Dense);

/// Acme X1 (GPU, 2 PFLOP/s FP4 dense, 1 PFLOP/s FP8 dense, 1 kW), Acme S2 (superchip of two
/// GPUs, 8 PFLOP/s FP4 dense, 2.4 kW), the Acme Rack of 36 S2, Zeta Z1 (GPU, 1 PFLOP/s FP4
/// dense, no TDP), and a family of the two Acme parts.
fn catalog() -> Arc<Catalog> {
    let mut c = Catalog::new();
    c.add_source(CatalogSource::new(
        "SHEET",
        "Datasheets",
        Provenance::VendorDirect,
    ))
    .unwrap();
    c.add_family(Family::new("acme-family", "Acme", "acme"))
        .unwrap();
    let peak = |p, r: &str| PeakFigure::new(p, Sparsity::Dense, rate(r), "SHEET");
    c.add_accelerator(
        Accelerator::gpu("acme-x1", "Acme X1", "acme")
            .with_architecture("alpha")
            .with_family("acme-family")
            .with_peak(peak(Precision::Fp4, "2 PFLOP/s"))
            .with_peak(peak(Precision::Fp8, "1 PFLOP/s"))
            .with_tdp(RatedPower::new(watts("1000 W"), "SHEET")),
    )
    .unwrap();
    c.add_accelerator(
        Accelerator::superchip("acme-s2", "Acme S2", "acme", 2, 1)
            .with_architecture("beta")
            .with_family("acme-family")
            .with_peak(peak(Precision::Fp4, "8 PFLOP/s"))
            .with_tdp(RatedPower::new(watts("2400 W"), "SHEET")),
    )
    .unwrap();
    c.add_system(System::new(
        "acme-rack",
        "Acme Rack",
        SystemKind::Rack,
        "acme-s2",
        36,
        "SHEET",
    ))
    .unwrap();
    c.add_accelerator(
        Accelerator::gpu("zeta-z1", "Zeta Z1", "zeta")
            .with_architecture("gamma")
            .with_peak(peak(Precision::Fp4, "1 PFLOP/s")),
    )
    .unwrap();
    Arc::new(c)
}

fn line(hardware: HardwareRef, phrase: &str) -> HardwareLine {
    HardwareLine::new(hardware, Sourced::new(Estimate::parse(phrase).unwrap()))
}

fn part(s: &str) -> HardwareRef {
    HardwareRef::Part(s.into())
}

fn phase(name: &str, status: Status, online: &str) -> Phase {
    Phase::new(name, status).with_online(online)
}

fn stated(phrase: &str, format: FormatReading) -> StatedCompute {
    StatedCompute::new(Sourced::new(Estimate::parse(phrase).unwrap()), format)
}

/// The registry the known answers below are computed from (see each deployment's comment).
fn builder() -> RegistryBuilder {
    let mut decommissioned = phase("p1", Status::Decommissioned, "2020")
        .with_hardware_line(line(part("acme-x1"), "100 GPUs"));
    decommissioned.dates.end = Some(id("2025-Q2"));
    let mut old = Deployment::new("fr-old", "First announcement", Country::FR).with_phase(
        phase("p1", Status::Operational, "2023")
            .with_hardware_line(line(part("acme-x1"), "999 GPUs")),
    );
    old.superseded_by = Some(id("fr-1"));
    let mut gb = Deployment::new("gb-1", "GB", Country::GB)
        .with_phase(
            phase("p1", Status::Planned, "2027-H1").with_hardware_line(line(
                HardwareRef::Unlisted("mystery".into()),
                "at least 2,000 GPUs",
            )),
        )
        .with_phase(
            phase("p2", Status::Cancelled, "2027")
                .with_hardware_line(line(part("acme-x1"), "5,000 GPUs")),
        );
    gb.sovereignty.operator_country = Some(Country::GB);
    let mut de_phase = phase("p1", Status::UnderConstruction, "2026")
        .with_hardware_line(line(part("acme-s2"), "up to 500 superchips"));
    de_phase = de_phase
        .with_compute(stated("5 EFLOP/s", FormatReading::Stated(FP4)))
        .with_power(Sourced::new(Estimate::parse("about 2 MW").unwrap()));

    let mut programme = Programme::new("prog", "Umbrella");
    programme.deployments = vec![id("fr-old"), id("de-1")];
    programme.gpus = Some(Sourced::new(Estimate::parse("10,000 GPUs").unwrap()));
    programme.compute = Some(stated("20 EFLOP/s", FormatReading::Stated(FP4)));
    let mut other = Programme::new("prog2", "Another umbrella");
    other.deployments = vec![id("fr-1")];
    other.compute = Some(stated("more than 3 EFLOP/s", FormatReading::Unstated));

    Registry::builder()
        .catalog(catalog())
        .organisation(
            Organisation::new("op-fr", "Op FR", OrganisationKind::CloudProvider)
                .with_headquarters(Country::FR),
        )
        .organisation(
            Organisation::new("op-us", "Op US", OrganisationKind::CloudProvider)
                .with_headquarters(Country::US),
        )
        .organisation(
            Organisation::new("owner-de", "Owner DE", OrganisationKind::Enterprise)
                .with_headquarters(Country::DE),
        )
        // fr-1: 1,000 X1 GPUs running since 2024-06, and 10 racks (720 GPUs) due 2026-Q2.
        .deployment(
            Deployment::new("fr-1", "FR one", Country::FR)
                .with_organisation(Participation::new("op-fr", Role::Operator))
                .with_purpose(Purpose::LlmTraining)
                .with_purpose(Purpose::Research)
                .with_phase(
                    phase("p1", Status::Operational, "2024-06")
                        .with_hardware_line(line(part("acme-x1"), "1,000 GPUs")),
                )
                .with_phase(
                    phase("p2", Status::Planned, "2026-Q2").with_hardware_line(line(
                        HardwareRef::System("acme-rack".into()),
                        "10 racks",
                    )),
                ),
        )
        // de-1: up to 500 S2 superchips (0–1,000 GPUs), 5 EFLOP/s FP4 stated, about 2 MW.
        .deployment(
            Deployment::new("de-1", "DE one", Country::DE)
                .with_organisation(Participation::new("op-us", Role::Operator))
                .with_organisation(Participation::new("owner-de", Role::Owner))
                .with_purpose(Purpose::Inference)
                .with_phase(de_phase),
        )
        // gb-1: at least 2,000 unlisted GPUs; a cancelled phase that never counts.
        .deployment(gb)
        // fr-old: superseded by fr-1, never counted.
        .deployment(old)
        // it-1: no phases, so unknown capacity.
        .deployment(Deployment::new("it-1", "IT one", Country::IT))
        // es-1: 100 GPUs, X1 or Z1 (1–2 PFLOP/s FP4 each).
        .deployment(Deployment::new("es-1", "ES one", Country::ES).with_phase(
            phase("p1", Status::Planned, "2026-03-15").with_hardware_line(line(
                HardwareRef::OneOf(vec!["acme-x1".into(), "zeta-z1".into()]),
                "100 GPUs",
            )),
        ))
        // fr-2: 100 X1 GPUs from 2020 to 2025-Q2, owned from Germany.
        .deployment(
            Deployment::new("fr-2", "FR two", Country::FR)
                .with_organisation(Participation::new("owner-de", Role::Owner))
                .with_phase(decommissioned),
        )
        .programme(programme)
        .programme(other)
}

fn registry() -> Registry {
    builder().build().unwrap()
}

/// (lower, central, upper, unknown parts, parts) of a GPU total.
fn gpu_figures(
    t: &Total<AcceleratorCount>,
) -> (Option<u64>, Option<u64>, Option<u64>, usize, usize) {
    (
        t.lower().map(|c| c.count()),
        t.central().map(|c| c.count()),
        t.upper().map(|c| c.count()),
        t.unknown_parts(),
        t.parts(),
    )
}

fn row<'t, M: Measure>(table: &'t Table<M>, groups: &[Group]) -> &'t Row<M::Value> {
    table
        .get(groups)
        .unwrap_or_else(|| panic!("no row {groups:?} in\n{table}"))
}

fn approx(a: Option<ComputeFigure>, expected: &str) {
    let a = a.map(|f| f.rate.base_value()).unwrap_or(f64::NAN);
    let e = rate(expected).base_value();
    assert!((a - e).abs() <= e * 1e-12, "{a} != {e}");
}

// ---------------------------------------------------------------- measures

#[test]
fn gpus_total_keeps_bounds_unknowns_and_leaves_out_superseded_and_cancelled() -> R {
    let t = Query::new().run(&registry(), Gpus)?;
    // fr-1 1,000 + 720; de-1 0–1,000 (central 1,000); gb-1 ≥ 2,000; es-1 100; fr-2 100;
    // it-1 unknown.
    assert_eq!(
        gpu_figures(t.total()),
        (Some(3_920), Some(4_920), None, 1, 7)
    );
    assert_eq!(t.excluded(), 1);
    let routes = t.routes();
    assert_eq!(
        (
            routes.stated,
            routes.assumed,
            routes.derived,
            routes.unknown
        ),
        (4, 0, 2, 1)
    );
    Ok(())
}

#[test]
fn compute_is_stated_where_the_format_matches_else_derived() -> R {
    let t = Query::new().run(&registry(), Compute::new(FP4))?;
    // fr-1 2 + 2.88 EFLOP/s derived; de-1 5 stated; es-1 0.1–0.2 (central 0.15) spanning
    // X1 and Z1; fr-2 0.2; gb-1 and it-1 unknown.
    approx(t.total().lower(), "10.18 EFLOP/s");
    approx(t.total().central(), "10.23 EFLOP/s");
    assert_eq!(t.total().upper(), None);
    assert_eq!(t.total().unknown_parts(), 2);
    let routes = t.routes();
    assert_eq!((routes.stated, routes.derived, routes.unknown), (1, 4, 2));

    // FP8 dense: only X1 has a figure; de-1 states FP4 only, so its S2 line is unknown.
    let fp8 = Query::new().run(&registry(), Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    approx(fp8.total().lower(), "1.1 EFLOP/s"); // fr-1 p1 and fr-2
    assert_eq!(fp8.total().unknown_parts(), 5);
    Ok(())
}

#[test]
fn assumed_formats_are_reported_and_measured_bases_are_never_derived() -> R {
    let mut p =
        phase("p1", Status::Planned, "2026").with_hardware_line(line(part("acme-x1"), "10 GPUs"));
    p.compute = Some(Box::new(stated(
        "1 EFLOP/s",
        FormatReading::Assumed {
            format: FP4,
            reason: "per-GPU arithmetic".into(),
        },
    )));
    let r = Registry::builder()
        .catalog(catalog())
        .deployment(Deployment::new("a", "A", Country::FR).with_phase(p))
        .build()?;
    let t = Query::new().run(&r, Compute::new(FP4))?;
    assert_eq!(t.routes().assumed, 1);
    approx(t.total().central(), "1 EFLOP/s");

    let hpl = ComputeFormat::new(
        Precision::Fp4,
        Sparsity::Dense,
        sovereign_compute::units::Basis::Hpl,
    );
    let t = Query::new().run(&r, Compute::new(hpl))?;
    assert_eq!(t.total().unknown_parts(), 1);
    Ok(())
}

#[test]
fn power_is_stated_else_tdp_and_facility_applies_the_pue() -> R {
    let it = Query::new().run(&registry(), ItPower)?;
    // fr-1 1 MW + 864 kW; de-1 ≈ 2 MW (1.8–2.2); fr-2 100 kW; es-1 unknown (Z1 has no
    // TDP); gb-1, it-1 unknown.
    assert_eq!(it.total().lower(), Some(watts("3.764 MW")));
    assert_eq!(it.total().central(), Some(watts("3.964 MW")));
    assert_eq!(it.total().unknown_parts(), 3);
    let facility = Query::new().run(&registry(), FacilityPower::new(1.5)?)?;
    let central = facility
        .total()
        .central()
        .map(|p| p.base_value())
        .unwrap_or(0.0);
    assert!((central - 3.964e6 * 1.5).abs() < 1e-6);
    assert!(matches!(
        FacilityPower::new(f64::NAN),
        Err(Error::InvalidValue {
            quantity: "PUE",
            ..
        })
    ));
    Ok(())
}

#[test]
fn deployments_and_phases_are_counted_once_each() -> R {
    let r = registry();
    assert_eq!(
        Query::new().run(&r, Deployments)?.total().central(),
        Some(6)
    );
    assert_eq!(Query::new().run(&r, Phases)?.total().central(), Some(6));
    // A phase filter drops the deployment without phases.
    let running = Query::new().filter(Filter::Status(vec![Status::Operational]));
    assert_eq!(running.run(&r, Deployments)?.total().central(), Some(1));
    // Naming a status that never counts brings it in.
    let cancelled = Query::new().filter(Filter::Status(vec![Status::Cancelled]));
    assert_eq!(cancelled.run(&r, Phases)?.total().central(), Some(1));
    assert_eq!(
        cancelled.run(&r, Gpus)?.total().central(),
        Some(gpus(5_000))
    );
    Ok(())
}

// ---------------------------------------------------------------- group keys

#[test]
fn host_country() -> R {
    let t = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&registry(), Gpus)?;
    let c = |c| gpu_figures(&row(&t, &[Group::Country(c)]).total);
    assert_eq!(
        c(Country::FR),
        (Some(1_820), Some(1_820), Some(1_820), 0, 3)
    );
    assert_eq!(c(Country::DE), (Some(0), Some(1_000), Some(1_000), 0, 1));
    assert_eq!(c(Country::GB), (Some(2_000), Some(2_000), None, 0, 1));
    assert_eq!(c(Country::IT), (None, None, None, 1, 1));
    assert_eq!(c(Country::ES).1, Some(100));
    assert!(!t.overlapping());
    let order: Vec<String> = t.rows().iter().map(|r| r.groups[0].to_string()).collect();
    assert_eq!(order, ["DE", "ES", "FR", "GB", "IT"]);
    Ok(())
}

#[test]
fn operator_country_falls_back_to_operator_then_owner_headquarters() -> R {
    let t = Query::new()
        .group_by(GroupKey::OperatorCountry)
        .run(&registry(), Deployments)?;
    let groups: Vec<String> = t
        .rows()
        .iter()
        .map(|r| format!("{}={}", r.groups[0], r.total.central().unwrap_or(0)))
        .collect();
    // fr-1 FR (operator), de-1 US (operator, not the German owner), gb-1 GB (stated),
    // fr-2 DE (owner), it-1 and es-1 unknown.
    assert_eq!(groups, ["DE=1", "FR=1", "GB=1", "US=1", "unknown=2"]);
    Ok(())
}

#[test]
fn blocs_on_a_date() -> R {
    let key = GroupKey::HostBloc {
        bloc: Bloc::eu(),
        date: day(2025, 6, 11),
    };
    let t = Query::new().group_by(key).run(&registry(), Deployments)?;
    let member = |m| {
        row(
            &t,
            &[Group::Member {
                bloc: "eu".into(),
                member: m,
            }],
        )
        .total
        .central()
    };
    assert_eq!((member(true), member(false)), (Some(5), Some(1)));
    assert_eq!(t.rows()[1].groups[0].to_string(), "non-eu");

    // Before 2020-02-01 the United Kingdom was a member.
    let key = GroupKey::HostBloc {
        bloc: Bloc::eu(),
        date: day(2019, 1, 1),
    };
    let t = Query::new().group_by(key).run(&registry(), Deployments)?;
    assert_eq!(t.rows().len(), 1);

    let key = GroupKey::OperatorBloc {
        bloc: Bloc::eu(),
        date: day(2025, 6, 11),
    };
    let t = Query::new().group_by(key).run(&registry(), Deployments)?;
    let shown: Vec<String> = t.rows().iter().map(|r| r.groups[0].to_string()).collect();
    assert_eq!(shown, ["eu", "non-eu", "unknown"]); // FR, DE | US, GB | none
    Ok(())
}

#[test]
fn organisations_in_any_role_overlap_and_one_role_does_not() -> R {
    let any = Query::new()
        .group_by(GroupKey::Organisation(None))
        .run(&registry(), Gpus)?;
    assert!(any.overlapping());
    let org = |t: &Table<Gpus>, o: &str| row(t, &[Group::Organisation(id(o))]).total.central();
    assert_eq!(org(&any, "op-us"), Some(gpus(1_000)));
    assert_eq!(org(&any, "owner-de"), Some(gpus(1_100))); // de-1 and fr-2
    // The total still counts de-1 once.
    assert_eq!(any.total().central(), Some(gpus(4_920)));

    let operators = Query::new()
        .group_by(GroupKey::Organisation(Some(Role::Operator)))
        .run(&registry(), Gpus)?;
    assert!(!operators.overlapping());
    assert_eq!(org(&operators, "op-fr"), Some(gpus(1_720)));
    assert_eq!(
        row(&operators, &[Group::Unknown]).total.central(),
        Some(gpus(2_200))
    );
    Ok(())
}

#[test]
fn part_vendor_and_architecture() -> R {
    let r = registry();
    let parts = Query::new().group_by(GroupKey::Part).run(&r, Gpus)?;
    let shown: Vec<String> = parts
        .rows()
        .iter()
        .map(|row| {
            format!(
                "{}={}",
                row.groups[0],
                row.total.central().map_or(0, |c| c.count())
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "acme-s2=1720",
            "acme-x1=1100",
            "one of acme-x1, zeta-z1=100",
            "unlisted: mystery=2000",
            "unknown=0"
        ]
    );
    let vendors = Query::new().group_by(GroupKey::Vendor).run(&r, Gpus)?;
    assert_eq!(
        row(&vendors, &[Group::Vendor("acme".into())])
            .total
            .central(),
        Some(gpus(2_820))
    );
    // X1 or Z1 disagree on the vendor; unlisted hardware has none; it-1 has no line.
    assert_eq!(row(&vendors, &[Group::Unknown]).total.parts(), 3);
    let arch = Query::new()
        .group_by(GroupKey::Architecture)
        .run(&r, Gpus)?;
    assert_eq!(
        row(&arch, &[Group::Architecture("beta".into())])
            .total
            .lower(),
        Some(gpus(720))
    );
    Ok(())
}

#[test]
fn a_stated_figure_is_not_split_between_hardware_groups() -> R {
    let mut p = phase("p1", Status::Planned, "2026")
        .with_hardware_line(line(part("acme-x1"), "10 GPUs"))
        .with_hardware_line(line(part("zeta-z1"), "10 GPUs"));
    p = p.with_compute(stated("1 EFLOP/s", FormatReading::Stated(FP4)));
    let r = Registry::builder()
        .catalog(catalog())
        .deployment(Deployment::new("a", "A", Country::FR).with_phase(p))
        .build()?;
    let whole = Query::new().run(&r, Compute::new(FP4))?;
    approx(whole.total().central(), "1 EFLOP/s");
    let by_part = Query::new()
        .group_by(GroupKey::Part)
        .run(&r, Compute::new(FP4))?;
    approx(
        row(&by_part, &[Group::Part("acme-x1".into())])
            .total
            .central(),
        "20 PFLOP/s",
    );
    approx(
        row(&by_part, &[Group::Part("zeta-z1".into())])
            .total
            .central(),
        "10 PFLOP/s",
    );
    assert_eq!(by_part.routes().derived, 2);
    // Grouped by a deployment key, the stated figure stands.
    let by_host = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&r, Compute::new(FP4))?;
    assert_eq!(by_host.routes().stated, 1);
    Ok(())
}

#[test]
fn status_and_purpose() -> R {
    let r = registry();
    let t = Query::new().group_by(GroupKey::Status).run(&r, Phases)?;
    let shown: Vec<String> = t
        .rows()
        .iter()
        .map(|row| format!("{}={}", row.groups[0], row.total.central().unwrap_or(0)))
        .collect();
    assert_eq!(
        shown,
        [
            "planned=3",
            "under-construction=1",
            "operational=1",
            "decommissioned=1"
        ]
    );
    let t = Query::new()
        .group_by(GroupKey::Purpose)
        .run(&r, Deployments)?;
    assert!(t.overlapping());
    assert_eq!(
        row(&t, &[Group::Purpose(Purpose::Research)])
            .total
            .central(),
        Some(1)
    );
    assert_eq!(row(&t, &[Group::Unknown]).total.central(), Some(4));
    Ok(())
}

#[test]
fn online_year_and_quarter() -> R {
    let r = registry();
    let years = Query::new().group_by(GroupKey::OnlineYear).run(&r, Gpus)?;
    let shown: Vec<String> = years
        .rows()
        .iter()
        .map(|row| row.groups[0].to_string())
        .collect();
    assert_eq!(shown, ["2020", "2024", "2026", "2027", "unknown"]);
    let quarters = Query::new()
        .group_by(GroupKey::OnlineQuarter)
        .run(&r, Phases)?;
    let shown: Vec<String> = quarters
        .rows()
        .iter()
        .map(|row| row.groups[0].to_string())
        .collect();
    // 2026-03-15 → Q1; "2026" stays a year; "2027-H1" stays a half. Periods sort by their
    // first day, then their last.
    assert_eq!(
        shown,
        ["2020", "2024-Q2", "2026-Q1", "2026", "2026-Q2", "2027-H1"]
    );
    assert_eq!(
        row(&quarters, &[Group::Online(id::<PartialDate>("2026"))])
            .total
            .central(),
        Some(1)
    );
    Ok(())
}

#[test]
fn pairs_of_keys() -> R {
    let t = Query::new()
        .group_by_pair(GroupKey::HostCountry, GroupKey::Status)
        .run(&registry(), Gpus)?;
    let fr_planned = row(
        &t,
        &[Group::Country(Country::FR), Group::Status(Status::Planned)],
    );
    assert_eq!(fr_planned.total.central(), Some(gpus(720)));
    assert_eq!(
        row(&t, &[Group::Country(Country::IT), Group::Unknown])
            .total
            .unknown_parts(),
        1
    );
    assert_eq!(t.rows().len(), 7);
    let text = t.to_string();
    assert!(text.starts_with("GPUs by host country and status\nhost country  status"));
    Ok(())
}

// ---------------------------------------------------------------- filters and results

#[test]
fn filters_compose_with_grouping() -> R {
    let r = registry();
    let q = Query::new()
        .filter(Filter::HostBloc {
            bloc: Bloc::eu(),
            date: day(2025, 6, 11),
        })
        .filter(Filter::Purpose(vec![
            Purpose::LlmTraining,
            Purpose::Inference,
        ]))
        .group_by(GroupKey::HostCountry);
    let t = q.run(&r, Gpus)?;
    let groups: Vec<&Group> = t.rows().iter().map(|r| &r.groups[0]).collect();
    assert_eq!(
        groups,
        [&Group::Country(Country::DE), &Group::Country(Country::FR)]
    );
    let by_org = Query::new()
        .filter(Filter::Organisation {
            organisation: id("owner-de"),
            role: Some(Role::Owner),
        })
        .run(&r, Deployments)?;
    assert_eq!(by_org.total().central(), Some(2));
    let operator = Query::new()
        .filter(Filter::OperatorCountry(vec![Country::US]))
        .run(&r, Deployments)?;
    assert_eq!(operator.total().central(), Some(1));
    let operator_bloc = Query::new()
        .filter(Filter::OperatorBloc {
            bloc: Bloc::eu(),
            date: day(2025, 6, 11),
        })
        .run(&r, Deployments)?;
    assert_eq!(operator_bloc.total().central(), Some(2)); // fr-1, fr-2
    let hosts = Query::new()
        .filter(Filter::HostCountry(vec![Country::GB, Country::IT]))
        .run(&r, Deployments)?;
    assert_eq!(hosts.total().central(), Some(2));
    let programme = Query::new()
        .filter(Filter::Programme(id("prog")))
        .run(&r, Deployments)?;
    assert_eq!(programme.total().central(), Some(2)); // fr-old stands for fr-1, and de-1
    let nothing = Query::new()
        .filter(Filter::Programme(id("no-such-programme")))
        .run(&r, Deployments)?;
    assert_eq!(nothing.total().parts(), 0);
    Ok(())
}

#[test]
fn shares_top_n_and_display() -> R {
    let t = Query::new()
        .filter(Filter::HostCountry(vec![
            Country::FR,
            Country::DE,
            Country::ES,
        ]))
        .group_by(GroupKey::HostCountry)
        .run(&registry(), Gpus)?;
    let fr = row(&t, &[Group::Country(Country::FR)]);
    assert_eq!(t.share(fr), Some(1_820.0 / 2_920.0));
    let top = t.top(2);
    let shown: Vec<String> = top.rows().iter().map(|r| r.groups[0].to_string()).collect();
    assert_eq!(shown, ["FR", "DE"]);
    assert_eq!(top.omitted(), 1);
    assert_eq!(
        format!("{top:#}"),
        "\
GPUs by host country, where host country FR or DE or ES
host country  lower  central  upper  unknown   share               routes
FR            1,820    1,820  1,820        0   62.3%  2 stated, 1 derived
DE                0    1,000  1,000        0   34.2%            1 derived
total         1,920    2,920  2,920        0  100.0%  3 stated, 2 derived
1 deployment(s) left out: superseded or duplicated by a record that is counted
1 more group(s) not shown
"
    );
    let all = Query::new()
        .group_by(GroupKey::HostCountry)
        .run(&registry(), Gpus)?;
    assert_eq!(
        all.to_string(),
        "\
GPUs by host country
host country    lower  central      upper  unknown   share
DE                  0    1,000      1,000        0   20.3%
ES                100      100        100        0    2.0%
FR              1,820    1,820      1,820        0   37.0%
GB              2,000    2,000  unbounded        0   40.7%
IT            unknown  unknown    unknown        1       –
total           3,920    4,920  unbounded        1  100.0%
1 deployment(s) left out: superseded or duplicated by a record that is counted
"
    );
    Ok(())
}

#[test]
fn excluded_records_follow_chains_and_cycles() -> R {
    assert_eq!(
        excluded(&registry()),
        [Exclusion {
            deployment: id("fr-old"),
            counted_as: id("fr-1")
        }]
    );
    let linked = |name: &str, to: &str| {
        let mut d = Deployment::new(name, name, Country::FR);
        d.duplicate_of = Some(id(to));
        d
    };
    let r = Registry::builder()
        .catalog(catalog())
        .deployment(linked("a", "b"))
        .deployment(linked("b", "c"))
        .deployment(Deployment::new("c", "c", Country::FR))
        .deployment(linked("x", "y"))
        .deployment(linked("y", "z"))
        .deployment(linked("z", "y"))
        .build()?;
    let shown: Vec<String> = excluded(&r).iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "a is counted as c",
            "b is counted as c",
            "x is counted as y",
            "z is counted as y"
        ]
    );
    assert_eq!(
        Query::new().run(&r, Deployments)?.total().central(),
        Some(2)
    );
    Ok(())
}

// ---------------------------------------------------------------- scenarios

fn at(r: &Registry, date: NaiveDate, scenario: Scenario) -> Option<u64> {
    Query::new()
        .filter(Filter::OnlineAt { date, scenario })
        .run(r, Gpus)
        .unwrap()
        .total()
        .central()
        .map(|c| c.count())
}

#[test]
fn scenarios_at_the_boundaries_of_a_partial_online_date() {
    let r = registry();
    // Running: fr-1 p1 (1,000, since 2024-06) and fr-2 (100, until 2025-Q2) are done by
    // 2025-01-01; fr-1 p2 is 2026-Q2: optimistic from 04-01, committed from 06-30. es-1 is
    // 2026-03-15 (both); de-1 "2026": optimistic from 01-01, committed from 12-31.
    let o = |d| at(&r, d, Scenario::Optimistic);
    let c = |d| at(&r, d, Scenario::Committed);
    assert_eq!(o(day(2026, 3, 31)), Some(1_000 + 100 + 1_000)); // + de-1 (central)
    assert_eq!(o(day(2026, 4, 1)), Some(1_000 + 100 + 1_000 + 720));
    assert_eq!(o(day(2026, 4, 2)), o(day(2026, 4, 1)));
    assert_eq!(c(day(2026, 6, 29)), Some(1_000 + 100));
    assert_eq!(c(day(2026, 6, 30)), Some(1_000 + 100 + 720));
    assert_eq!(c(day(2026, 7, 1)), Some(1_000 + 100 + 720));
    assert_eq!(c(day(2026, 12, 30)), Some(1_820));
    assert_eq!(c(day(2026, 12, 31)), Some(2_820));
    // es-1 is known to the day.
    assert_eq!(c(day(2026, 3, 14)), Some(1_000));
    assert_eq!(c(day(2026, 3, 15)), Some(1_100));
}

#[test]
fn online_at_a_partial_date_asks_about_its_last_day() -> R {
    let r = registry();
    let periods = [
        ("2026", day(2026, 12, 31)),
        ("2026-H1", day(2026, 6, 30)),
        ("2026-Q2", day(2026, 6, 30)),
        ("2026-03", day(2026, 3, 31)),
        ("2026-03-15", day(2026, 3, 15)),
    ];
    for scenario in [Scenario::Committed, Scenario::Optimistic] {
        for (period, last) in periods {
            let period: PartialDate = period.parse()?;
            let q = |f: Filter| Query::new().filter(f).group_by(GroupKey::HostCountry);
            let by_period = q(Filter::online_at(period, scenario)).run(&r, Gpus)?;
            let on_day = q(Filter::OnlineAt {
                date: last,
                scenario,
            })
            .run(&r, Gpus)?;
            assert_eq!(by_period, on_day, "{period} {scenario}");
            assert_eq!(q(Filter::online_at(last, scenario)).run(&r, Gpus)?, on_day);
        }
    }
    // The known answer of the boundary test above: committed on 2026-12-31.
    let by_2026 = Filter::online_at(PartialDate::year(2026)?, Scenario::Committed);
    let t = Query::new()
        .filter(by_2026)
        .group_by(GroupKey::HostCountry)
        .run(&r, Gpus)?;
    assert_eq!(t.total().central(), Some(gpus(2_820)));
    assert_eq!(t.scenario(), Some(Scenario::Committed));
    assert!(
        t.to_string()
            .starts_with("GPUs by host country, where online at 2026-12-31 (committed)\n"),
        "{t}"
    );
    Ok(())
}

#[test]
fn a_row_is_found_by_its_group_value() -> R {
    let r = registry();
    let t = Query::new().group_by(GroupKey::HostCountry).run(&r, Gpus)?;
    let fr = t.row(Country::FR).expect("a row for FR");
    assert_eq!(Some(fr), t.get(&[Group::Country(Country::FR)]));
    assert_eq!(fr.central(), fr.total.central());
    assert_eq!(t.central(Country::FR), Some(gpus(1_820)));
    assert_eq!(t.lower(Country::DE), Some(gpus(0)));
    assert_eq!(t.upper(Country::DE), Some(gpus(1_000)));
    // GB is "more than 2,000": unbounded; IT is unknown: no bound at all.
    assert_eq!(
        (t.lower(Country::GB), t.upper(Country::GB)),
        (Some(gpus(2_000)), None)
    );
    assert_eq!(t.central(Country::IT), None);
    assert!(t.row(Country::IT).is_some());
    assert!(t.row(Country::SE).is_none());
    // A group of another key is no row; a two-key table is read with `get`.
    assert!(t.row(Status::Planned).is_none());
    let pairs = Query::new()
        .group_by_pair(GroupKey::HostCountry, GroupKey::Status)
        .run(&r, Gpus)?;
    assert!(pairs.row(Country::FR).is_none());
    let by_status = Query::new().group_by(GroupKey::Status).run(&r, Gpus)?;
    assert!(by_status.row(Status::Planned).is_some());
    for row in by_status.rows() {
        // Any group, `Group::Unknown` included.
        assert_eq!(by_status.row(row.groups[0].clone()), Some(row));
    }
    let points = Points::new(Period::Year, day(2025, 1, 1), day(2027, 1, 1))?;
    let series = Query::new().group_by(GroupKey::HostCountry).series(
        &r,
        Gpus,
        Scenario::Committed,
        &points,
    )?;
    assert_eq!(
        series.row(Country::FR),
        series.get(&[Group::Country(Country::FR)])
    );
    assert!(series.row(Country::FR).is_some());
    Ok(())
}

#[test]
fn titles_name_the_filters_and_the_scenario() -> R {
    let r = registry();
    let q = Query::new()
        .filter(Filter::HostCountry(vec![Country::FR, Country::DE]))
        .filter(Filter::Status(vec![Status::Operational]))
        .group_by(GroupKey::HostCountry);
    let t = q.run(&r, Deployments)?;
    assert_eq!(t.filters(), q.filters());
    assert_eq!(t.scenario(), None);
    assert_eq!(
        t.to_string().lines().next(),
        Some("deployments by host country, where host country FR or DE and status operational")
    );
    let points = Points::new(Period::Year, day(2025, 1, 1), day(2026, 1, 1))?;
    let s = q.series(&r, Deployments, Scenario::Optimistic, &points)?;
    assert_eq!(s.filters(), q.filters());
    assert_eq!(
        s.to_string().lines().next(),
        Some(
            "deployments by host country, optimistic, where host country FR or DE and status operational"
        )
    );
    // Filters that read dates in both scenarios name no one scenario.
    let both = Query::new()
        .filter(Filter::online_at(day(2026, 1, 1), Scenario::Committed))
        .filter(Filter::online_at(day(2026, 1, 1), Scenario::Optimistic))
        .run(&r, Gpus)?;
    assert_eq!(both.scenario(), None);
    assert_eq!(
        both.to_string().lines().next(),
        Some("GPUs, where online at 2026-01-01 (committed) and online at 2026-01-01 (optimistic)")
    );
    Ok(())
}

#[test]
fn scenarios_at_the_boundaries_of_an_end_date() {
    let r = registry();
    // fr-2 ends in 2025-Q2: committed stops on 2025-04-01, optimistic on 2025-06-30.
    let o = |d| at(&r, d, Scenario::Optimistic);
    let c = |d| at(&r, d, Scenario::Committed);
    assert_eq!(c(day(2025, 3, 31)), Some(1_100));
    assert_eq!(c(day(2025, 4, 1)), Some(1_000));
    assert_eq!(o(day(2025, 6, 29)), Some(1_100));
    assert_eq!(o(day(2025, 6, 30)), Some(1_000));
    // fr-1 p1 is 2024-06: committed from 06-30, not the day before.
    assert_eq!(c(day(2024, 6, 29)), Some(100));
    assert_eq!(c(day(2024, 6, 30)), Some(1_100));
    assert_eq!(o(day(2024, 5, 31)), Some(100));
    assert_eq!(o(day(2024, 6, 1)), Some(1_100));
    // Nothing before 2020; the superseded fr-old (2023) never counts.
    assert_eq!(o(day(2019, 12, 31)), None);
}

#[test]
fn a_quarterly_series_matches_capacity_at_each_point() -> R {
    let r = registry();
    let points = Points::new(Period::Quarter, day(2019, 1, 1), day(2028, 12, 31))?;
    for scenario in [Scenario::Committed, Scenario::Optimistic] {
        let q = Query::new().group_by(GroupKey::HostCountry);
        let series = q.series(&r, Gpus, scenario, &points)?;
        for (i, date) in points.days().iter().enumerate() {
            let table = q
                .clone()
                .filter(Filter::OnlineAt {
                    date: *date,
                    scenario,
                })
                .run(&r, Gpus)?;
            assert_eq!(series.total()[i], *table.total(), "{scenario} {date}");
            for row in table.rows() {
                let s = series.get(&row.groups).map(|s| s.values[i].clone());
                assert_eq!(s.as_ref(), Some(&row.total), "{scenario} {date}");
            }
        }
    }
    let series = Query::new().series(
        &r,
        Gpus,
        Scenario::Committed,
        &Points::new(Period::Year, day(2024, 1, 1), day(2027, 1, 1))?,
    )?;
    assert_eq!(
        series.to_string(),
        "\
GPUs, committed
date  total
2024  1,100
2025  1,000
2026  2,820
2027  4,820
1 deployment(s) left out: superseded or duplicated by a record that is counted
"
    );
    Ok(())
}

// ---------------------------------------------------------------- reconciliation

#[test]
fn gpu_claim_reconciles_with_known_answer() -> R {
    let r = registry();
    let programme = r.programme(&id("prog")).unwrap();
    let rec = reconcile_gpus(&r, programme)?;
    assert_eq!((rec.listed, rec.counted), (2, 2));
    // fr-1 (standing in for fr-old) 1,720 + de-1 0–1,000 (central 1,000).
    assert_eq!(
        gpu_figures(&rec.itemised),
        (Some(1_720), Some(2_720), Some(2_720), 0, 3)
    );
    let Outcome::Compared(c) = &rec.outcome else {
        panic!("{rec}");
    };
    assert_eq!(c.reading, Reading::Stated);
    assert_eq!(
        c.covered,
        Share {
            lower: 0.172,
            central: Some(0.272),
            upper: Some(0.272)
        }
    );
    assert_eq!(
        c.remainder,
        Remainder {
            lower: gpus(7_280),
            central: Some(Balance::Unattributed(gpus(7_280))),
            upper: Some(gpus(8_280)),
            certainly_exceeded: false,
        }
    );
    assert_eq!(
        rec.to_string(),
        "\
programme prog
itemised: 1,720–2,720 GPUs (central 2,720 GPUs) from 2 record(s) of 2 listed (1 stated, 2 derived)
claim: 10,000 GPUs (format stated)
covered: 27.2% (17.2%–27.2%)
remainder: 7,280 GPUs unattributed (7,280 GPUs–8,280 GPUs)
"
    );
    Ok(())
}

#[test]
fn compute_claim_reconciles_in_its_own_format() -> R {
    let r = registry();
    let rec = reconcile_compute(&r, r.programme(&id("prog")).unwrap(), None)?;
    // fr-1 2 + 2.88 derived, de-1 5 stated: 9.88 EFLOP/s of 20.
    approx(rec.itemised.central(), "9.88 EFLOP/s");
    let Outcome::Compared(c) = &rec.outcome else {
        panic!("{rec}");
    };
    assert!((c.covered.lower - 0.494).abs() < 1e-12);
    let Some(Balance::Unattributed(left)) = c.remainder.central else {
        panic!("{rec}");
    };
    approx(Some(left), "10.12 EFLOP/s");
    Ok(())
}

#[test]
fn an_unstated_format_cannot_be_compared_unless_the_caller_assumes_one() -> R {
    let r = registry();
    let prog2 = r.programme(&id("prog2")).unwrap();
    let none = reconcile_compute(&r, prog2, None)?;
    assert_eq!(
        none.outcome,
        Outcome::NotComparable(NotComparable::NoFormat)
    );
    assert!(none.to_string().contains("formats cannot be compared"));

    let rec = reconcile_compute(&r, prog2, Some(FP4))?;
    let Outcome::Compared(c) = &rec.outcome else {
        panic!("{rec}");
    };
    assert_eq!(c.reading, Reading::CallerAssumed);
    // "More than 3 EFLOP/s" against fr-1's 4.88: the parts exceed the central claim, the
    // claim's upper bound is open.
    assert!(
        c.covered
            .upper
            .is_some_and(|u| (u - 4.88 / 3.0).abs() < 1e-12)
    );
    assert!(matches!(c.remainder.central, Some(Balance::Exceeded(_))));
    assert_eq!(c.remainder.upper, None);
    assert_eq!(c.covered.lower, 0.0);
    assert!(!c.remainder.certainly_exceeded);

    let gpu = reconcile_gpus(&r, prog2)?;
    assert_eq!(gpu.outcome, Outcome::NotComparable(NotComparable::NoClaim));
    Ok(())
}

#[test]
fn a_claim_in_racks_cannot_be_compared() -> R {
    let mut p = Programme::new("p", "P");
    p.gpus = Some(Sourced::new(Estimate::parse("250 racks")?));
    let r = Registry::builder()
        .catalog(catalog())
        .programme(p)
        .build()?;
    let rec = reconcile_gpus(&r, &r.programmes()[0])?;
    assert!(matches!(
        rec.outcome,
        Outcome::NotComparable(NotComparable::ClaimUnit(_))
    ));
    Ok(())
}

#[test]
fn overlapping_programmes_are_reported() {
    let found = overlaps(&registry());
    assert_eq!(
        found,
        [Overlap {
            deployment: id("fr-1"),
            programmes: vec![id("prog"), id("prog2")]
        }]
    );
}

// ---------------------------------------------------------------- properties

/// A random registry over the test catalog: deployments in a few countries with one or two
/// phases of random status, date and hardware.
fn arbitrary_registry() -> impl Strategy<Value = Vec<Deployment>> {
    let hardware = prop_oneof![
        Just((part("acme-x1"), "GPUs")),
        Just((part("acme-s2"), "superchips")),
        Just((HardwareRef::System("acme-rack".into()), "racks")),
        Just((HardwareRef::Family("acme-family".into()), "GPUs")),
        Just((
            HardwareRef::OneOf(vec!["acme-x1".into(), "zeta-z1".into()]),
            "GPUs"
        )),
        Just((HardwareRef::Unlisted("other".into()), "GPUs")),
    ];
    let count = prop_oneof![
        (1u64..5_000).prop_map(|n| format!("{n}")),
        (1u64..5_000).prop_map(|n| format!("more than {n}")),
        (1u64..5_000).prop_map(|n| format!("up to {n}")),
        (1u64..5_000).prop_map(|n| format!("about {n}")),
        (1u64..5_000).prop_map(|n| format!("{n}-{}", n + 100)),
        Just("unknown".to_owned()),
    ];
    let status = prop_oneof![
        Just(Status::Announced),
        Just(Status::Planned),
        Just(Status::UnderConstruction),
        Just(Status::Operational),
        Just(Status::Cancelled),
    ];
    let date = prop_oneof![
        (2023i32..2028).prop_map(|y| y.to_string()),
        (2023i32..2028, 1u32..5).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (2023i32..2028, 1u32..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
    ];
    let line = (hardware, count).prop_map(|((h, unit), n)| {
        let phrase = if n == "unknown" {
            n
        } else {
            format!("{n} {unit}")
        };
        line(h, &phrase)
    });
    let phases = (status, date, proptest::collection::vec(line, 0..3));
    let country = prop_oneof![Just(Country::FR), Just(Country::DE), Just(Country::GB)];
    let deployment = (country, proptest::collection::vec(phases, 0..3));
    proptest::collection::vec(deployment, 0..25).prop_map(|ds| {
        ds.into_iter()
            .enumerate()
            .map(|(i, (country, phases))| {
                let mut d = Deployment::new(format!("d{i}"), "D", country);
                for (k, (status, date, lines)) in phases.into_iter().enumerate() {
                    let mut p = phase(&format!("p{k}"), status, &date);
                    p.hardware = lines;
                    d = d.with_phase(p);
                }
                d
            })
            .collect()
    })
}

fn build(deployments: Vec<Deployment>) -> Registry {
    deployments
        .into_iter()
        .fold(
            Registry::builder().catalog(catalog()),
            RegistryBuilder::deployment,
        )
        .build()
        .unwrap()
}

/// Adds the rows of a table.
fn sum_rows(t: &Table<Gpus>) -> Total<AcceleratorCount> {
    let mut sum = Total::new();
    for row in t.rows() {
        sum.merge(&row.total).unwrap();
    }
    sum
}

fn check_bounds<M: Measure>(t: &Table<M>) {
    for total in t.rows().iter().map(|r| &r.total).chain([t.total()]) {
        if let (Some(l), Some(c)) = (total.lower(), total.central()) {
            assert!(l.to_f64() <= c.to_f64() * (1.0 + 1e-12), "{total}");
            if let Some(u) = total.upper() {
                assert!(c.to_f64() <= u.to_f64() * (1.0 + 1e-12), "{total}");
            }
        }
    }
}

use sovereign_compute::estimate::Amount;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn totals_of_a_partition_equal_the_total_of_the_whole(ds in arbitrary_registry()) {
        let r = build(ds);
        for key in [GroupKey::HostCountry, GroupKey::Status, GroupKey::OnlineQuarter, GroupKey::Part, GroupKey::Vendor] {
            let t = Query::new().group_by(key.clone()).run(&r, Gpus).unwrap();
            prop_assert!(!t.overlapping());
            prop_assert_eq!(&sum_rows(&t), t.total(), "{}", key);
        }
    }

    #[test]
    fn grouping_does_not_depend_on_insertion_order(ds in arbitrary_registry(), seed in any::<u64>()) {
        let r = build(ds.clone());
        let mut shuffled = ds;
        // A deterministic shuffle from the seed (Fisher–Yates with a small LCG).
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let s = build(shuffled);
        let q = Query::new().group_by_pair(GroupKey::HostCountry, GroupKey::Part);
        prop_assert_eq!(q.run(&r, Gpus).unwrap(), q.run(&s, Gpus).unwrap());
        prop_assert_eq!(q.run(&r, Phases).unwrap(), q.run(&s, Phases).unwrap());
        let (a, b) = (q.run(&r, Compute::new(FP4)).unwrap(), q.run(&s, Compute::new(FP4)).unwrap());
        prop_assert_eq!(a.rows().len(), b.rows().len());
        for (x, y) in a.rows().iter().zip(b.rows()) {
            prop_assert_eq!(&x.groups, &y.groups);
            prop_assert_eq!(x.routes, y.routes);
            let (cx, cy) = (x.total.central().map(|c| c.to_f64()), y.total.central().map(|c| c.to_f64()));
            prop_assert!(cx.zip(cy).is_none_or(|(p, q)| (p - q).abs() <= p.abs() * 1e-9));
        }
    }

    #[test]
    fn bounds_of_a_total_contain_its_central_value(ds in arbitrary_registry()) {
        let r = build(ds);
        let q = Query::new().group_by(GroupKey::HostCountry);
        check_bounds(&q.run(&r, Gpus).unwrap());
        check_bounds(&q.run(&r, Compute::new(FP4)).unwrap());
        check_bounds(&q.run(&r, ItPower).unwrap());
    }

    #[test]
    fn a_series_equals_capacity_at_each_point(ds in arbitrary_registry(), optimistic in any::<bool>()) {
        let r = build(ds);
        let scenario = if optimistic { Scenario::Optimistic } else { Scenario::Committed };
        let points = Points::new(Period::Quarter, day(2022, 10, 1), day(2028, 3, 1)).unwrap();
        let q = Query::new().group_by(GroupKey::HostCountry);
        let series = q.series(&r, Gpus, scenario, &points).unwrap();
        for (i, date) in points.days().iter().enumerate() {
            let t = q.clone().filter(Filter::OnlineAt { date: *date, scenario }).run(&r, Gpus).unwrap();
            prop_assert_eq!(&series.total()[i], t.total());
        }
    }
}

#[cfg(feature = "dataset")]
mod synthetic_registries {
    use super::*;
    use sovereign_compute::synthetic;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

        #[test]
        fn partitions_of_synthetic_registries_add_up(n in 0usize..120, seed in any::<u64>()) {
            let r = synthetic::registry(n, seed).unwrap();
            let whole = Query::new().run(&r, Gpus).unwrap();
            for key in [GroupKey::HostCountry, GroupKey::OperatorCountry, GroupKey::Architecture, GroupKey::OnlineYear] {
                let t = Query::new().group_by(key).run(&r, Gpus).unwrap();
                prop_assert_eq!(&sum_rows(&t), whole.total());
                check_bounds(&t);
            }
        }
    }
}

// ---------------------------------------------------------------- results out

/// Tables and series written out: the numbers read back equal the results', with the
/// query's filters and scenario recorded.
#[cfg(any(feature = "csv", feature = "serde"))]
mod results_out {
    use super::*;

    /// The number a total's bound is written as: GPUs, FLOP/s, W or a count; `None` for an
    /// empty cell.
    trait Written: Copy {
        fn written(self) -> f64;
    }

    impl Written for AcceleratorCount {
        fn written(self) -> f64 {
            self.count() as f64
        }
    }

    impl Written for ComputeFigure {
        fn written(self) -> f64 {
            self.rate.base_value()
        }
    }

    impl Written for Power {
        fn written(self) -> f64 {
            self.base_value()
        }
    }

    impl Written for u64 {
        fn written(self) -> f64 {
            self as f64
        }
    }

    /// (lower, central, upper, parts, unknown parts) as a reader of the output sees them.
    type Figures = (Option<f64>, Option<f64>, Option<f64>, u64, u64);

    fn figures<T: Written + sovereign_compute::estimate::Amount>(t: &Total<T>) -> Figures {
        let n = |v: Option<T>| v.map(Written::written);
        if t.parts() == 0 {
            return (Some(0.0), Some(0.0), Some(0.0), 0, 0);
        }
        (
            n(t.lower()),
            n(t.central()),
            n(t.upper()),
            t.parts() as u64,
            t.unknown_parts() as u64,
        )
    }

    fn online_2026() -> Query {
        Query::new()
            .filter(Filter::online_at(
                PartialDate::year(2026).unwrap(),
                Scenario::Committed,
            ))
            .filter(Filter::HostCountry(vec![
                Country::FR,
                Country::DE,
                Country::GB,
                Country::IT,
            ]))
            .group_by(GroupKey::HostCountry)
    }

    const FILTERS: &str = "online at 2026-12-31 (committed) and host country FR or DE or GB or IT";

    #[cfg(feature = "csv")]
    mod csv_files {
        use super::*;

        /// Reads a written CSV back with the csv crate: the header and the records.
        fn read(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let header = reader.headers().unwrap().iter().map(String::from).collect();
            let records = reader.records().map(Result::unwrap).collect();
            (header, records)
        }

        fn cell<'r>(header: &[String], record: &'r csv::StringRecord, column: &str) -> &'r str {
            let i = header
                .iter()
                .position(|h| h == column)
                .unwrap_or_else(|| panic!("no column {column} in {header:?}"));
            &record[i]
        }

        fn number(text: &str) -> Option<f64> {
            (!text.is_empty()).then(|| text.parse().unwrap())
        }

        fn read_figures(header: &[String], record: &csv::StringRecord, stem: &str) -> Figures {
            let at = |c: &str| cell(header, record, c);
            (
                number(at(&format!("{stem}_lower"))),
                number(at(&format!("{stem}_central"))),
                number(at(&format!("{stem}_upper"))),
                at("parts").parse().unwrap(),
                at("unknown_parts").parse().unwrap(),
            )
        }

        fn check_table<M: Measure>(table: &Table<M>, stem: &str)
        where
            M::Value: Written + sovereign_compute::estimate::Amount,
        {
            let text = table.to_csv();
            let mut file = Vec::new();
            table.write_csv(&mut file).unwrap();
            assert_eq!(text.as_bytes(), file);
            let (header, records) = read(&text);
            assert_eq!(records.len(), table.rows().len() + 1, "{text}");
            for (record, row) in records.iter().zip(table.rows()) {
                assert_eq!(
                    cell(&header, record, "host_country"),
                    row.groups[0].to_string()
                );
                assert_eq!(cell(&header, record, "is_total"), "false");
                assert_eq!(
                    read_figures(&header, record, stem),
                    figures(&row.total),
                    "{text}"
                );
                let share = number(cell(&header, record, "share"));
                assert_eq!(share, table.share(row), "{text}");
                assert_eq!(
                    cell(&header, record, "derived_parts")
                        .parse::<usize>()
                        .unwrap(),
                    row.routes.derived
                );
            }
            let total = records.last().unwrap();
            assert_eq!(cell(&header, total, "host_country"), "");
            assert_eq!(cell(&header, total, "is_total"), "true");
            assert_eq!(read_figures(&header, total, stem), figures(table.total()));
            for record in &records {
                assert_eq!(
                    cell(&header, record, "measure"),
                    table.measure().to_string()
                );
                assert_eq!(cell(&header, record, "filters"), FILTERS);
                assert_eq!(cell(&header, record, "scenario"), "committed");
            }
        }

        #[test]
        fn a_table_written_as_csv_reads_back_with_its_numbers() -> R {
            let r = registry();
            let q = online_2026();
            check_table(&q.run(&r, Gpus)?, "gpus");
            check_table(
                &q.run(&r, Compute::new(FP4))?,
                "compute_fp4_dense_peak_flop_per_s",
            );
            check_table(
                &q.run(&r, Compute::peak(Precision::Int8, Sparsity::Sparse))?,
                "compute_int8_sparse_peak_op_per_s",
            );
            check_table(&q.run(&r, ItPower)?, "it_power_w");
            check_table(&q.run(&r, FacilityPower::new(1.25)?)?, "facility_power_w");
            check_table(&q.run(&r, Deployments)?, "deployments");
            check_table(&q.run(&r, Phases)?, "phases");

            // The exact text of one, unknown and unbounded bounds included.
            let gpus = Query::new().group_by(GroupKey::HostCountry).run(&r, Gpus)?;
            let csv = gpus.to_csv();
            let lines: Vec<&str> = csv.lines().collect();
            assert_eq!(
                lines[0],
                "host_country,is_total,gpus_lower,gpus_central,gpus_upper,parts,unknown_parts,\
                 stated_parts,assumed_parts,derived_parts,share,measure,filters,scenario"
            );
            // GB is "more than 2,000" (no upper bound), IT has no count (no bound at all).
            assert!(
                lines.iter().any(|l| l.starts_with("GB,false,2000,2000,,")),
                "{csv}"
            );
            assert!(
                lines.iter().any(|l| l.starts_with("IT,false,,,,1,1,")),
                "{csv}"
            );
            assert_eq!(
                lines.last(),
                Some(
                    &"\
,true,3920,4920,,7,1,4,0,2,1.0,GPUs,,"
                )
            );
            Ok(())
        }

        #[test]
        fn a_series_written_as_csv_reads_back_with_its_numbers() -> R {
            let r = registry();
            let points = Points::new(Period::Quarter, day(2024, 1, 1), day(2027, 12, 31))?;
            let q = Query::new()
                .filter(Filter::Status(vec![Status::Planned, Status::Operational]))
                .group_by(GroupKey::HostCountry);
            let series = q.series(&r, Compute::new(FP4), Scenario::Optimistic, &points)?;
            let text = series.to_csv();
            let (header, records) = read(&text);
            let m = points.days().len();
            assert_eq!(records.len(), (series.rows().len() + 1) * m);
            let stem = "compute_fp4_dense_peak_flop_per_s";
            let groups = series
                .rows()
                .iter()
                .map(|row| (row.groups[0].to_string(), row.values.as_slice(), "false"))
                .chain([(String::new(), series.total(), "true")]);
            let mut records = records.iter();
            for (group, values, is_total) in groups {
                for (i, value) in values.iter().enumerate() {
                    let record = records.next().unwrap();
                    let at = |c: &str| cell(&header, record, c);
                    assert_eq!(at("period"), points.periods()[i].to_string());
                    assert_eq!(at("date"), points.days()[i].to_string());
                    assert_eq!(at("host_country"), group);
                    assert_eq!(at("is_total"), is_total);
                    assert_eq!(
                        read_figures(&header, record, stem),
                        figures(value),
                        "{text}"
                    );
                    assert_eq!(at("measure"), "FP4 dense peak compute");
                    assert_eq!(at("filters"), "status planned or operational");
                    assert_eq!(at("scenario"), "optimistic");
                }
            }
            assert!(records.next().is_none());
            Ok(())
        }

        #[test]
        fn a_repeated_key_gets_a_numbered_column() -> R {
            let r = registry();
            let t = Query::new()
                .filter(Filter::HostCountry(vec![Country::FR, Country::DE]))
                .group_by_pair(GroupKey::HostCountry, GroupKey::HostCountry)
                .run(&r, FacilityPower::new(1.5)?)?;
            let (header, records) = read(&t.to_csv());
            // A key repeated gets a numbered column; every record has every column.
            assert_eq!(header[..2], ["host_country", "host_country_2"]);
            assert!(records.iter().all(|rec| rec.len() == header.len()));
            assert_eq!(
                cell(&header, &records[0], "measure"),
                "facility power at PUE 1.5"
            );
            Ok(())
        }
    }

    #[cfg(feature = "serde")]
    mod json {
        use super::*;
        use serde_json::Value;

        fn number(v: &Value) -> Option<f64> {
            v.as_f64()
        }

        fn json_figures(record: &Value, stem: &str) -> Figures {
            (
                number(&record[format!("{stem}_lower")]),
                number(&record[format!("{stem}_central")]),
                number(&record[format!("{stem}_upper")]),
                record["parts"].as_u64().unwrap(),
                record["unknown_parts"].as_u64().unwrap(),
            )
        }

        #[test]
        fn a_table_serializes_with_its_query_and_numbers() -> R {
            let r = registry();
            let table = online_2026().run(&r, Compute::new(FP4))?;
            let json = serde_json::to_value(&table).unwrap();
            assert_eq!(json["measure"], "FP4 dense peak compute");
            assert_eq!(json["unit"], "FLOP/s");
            assert_eq!(json["keys"], serde_json::json!(["host country"]));
            assert_eq!(
                json["filters"],
                serde_json::json!([
                    "online at 2026-12-31 (committed)",
                    "host country FR or DE or GB or IT"
                ])
            );
            assert_eq!(json["scenario"], "committed");
            assert_eq!(json["excluded"], 1);
            assert_eq!(json["overlapping"], false);
            let stem = "compute_fp4_dense_peak_flop_per_s";
            let rows = json["rows"].as_array().unwrap();
            assert_eq!(rows.len(), table.rows().len());
            for (record, row) in rows.iter().zip(table.rows()) {
                assert_eq!(record["host_country"], row.groups[0].to_string());
                assert_eq!(record["is_total"], false);
                assert_eq!(json_figures(record, stem), figures(&row.total));
            }
            assert_eq!(json["total"]["host_country"], Value::Null);
            assert_eq!(json_figures(&json["total"], stem), figures(table.total()));
            // Whole numbers stay whole: GPU counts are JSON integers.
            let gpus = serde_json::to_value(online_2026().run(&r, Gpus)?).unwrap();
            assert!(gpus["total"]["gpus_lower"].is_u64(), "{gpus}");
            assert_eq!(gpus["unit"], "GPU");
            // Without filters: an empty list and no scenario.
            let plain = serde_json::to_value(Query::new().run(&r, Deployments)?).unwrap();
            assert_eq!(plain["filters"], serde_json::json!([]));
            assert_eq!(plain["scenario"], Value::Null);
            assert_eq!(plain["rows"], serde_json::json!([]));
            let deployments = Query::new().run(&r, Deployments)?.total().central();
            assert_eq!(plain["total"]["deployments_central"].as_u64(), deployments);
            Ok(())
        }

        #[test]
        fn a_series_serializes_with_its_scenario_and_numbers() -> R {
            let r = registry();
            let points = Points::new(Period::Year, day(2024, 1, 1), day(2027, 1, 1))?;
            let series = Query::new().group_by(GroupKey::HostCountry).series(
                &r,
                Gpus,
                Scenario::Committed,
                &points,
            )?;
            let json = serde_json::to_value(&series).unwrap();
            assert_eq!(json["scenario"], "committed");
            assert_eq!(json["period"], "year");
            let rows = json["rows"].as_array().unwrap();
            assert_eq!(rows.len(), series.rows().len() * points.days().len());
            let values = series.rows().iter().flat_map(|row| row.values.iter());
            for (record, value) in rows.iter().zip(values) {
                assert_eq!(json_figures(record, "gpus"), figures(value));
            }
            let total = json["total"].as_array().unwrap();
            for ((record, value), period) in total.iter().zip(series.total()).zip(points.periods())
            {
                assert_eq!(record["period"], period.to_string());
                assert_eq!(record["is_total"], true);
                assert_eq!(json_figures(record, "gpus"), figures(value));
            }
            Ok(())
        }
    }
}
