//! Certainty grades on phases: the wire format, counting at least as certain as a grade under
//! both date readings (hand-computed), and Epoch AI's `Certainty` column in and out.

use chrono::NaiveDate;
use sovereign_compute::analysis::{Filter, Gpus, Group, GroupKey, Period, Points, Query, Scenario};
use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::{
    Certainty, Deployment, HardwareLine, HardwareRef, Phase, Sourced, Status,
};
use sovereign_compute::registry::Registry;
use sovereign_compute::{Country, Error};

type R<T = ()> = Result<T, Error>;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn phase(name: &str, online: &str, grade: Certainty, gpus: &str) -> R<Phase> {
    Ok(Phase::new(name, Status::Planned)
        .with_online(online)
        .with_certainty(grade)
        .with_hardware_line(HardwareLine::new(
            HardwareRef::Unlisted("GPU".into()),
            Sourced::new(Estimate::parse(gpus)?),
        )))
}

/// Four phases, one per row of the hand-computed table below:
///
/// | phase | online | certainty | GPUs |
/// | --- | --- | --- | --- |
/// | fr a | 2026-Q1 | confirmed | 1,000 |
/// | fr b | 2026-H2 | likely | 2,000 |
/// | de c | 2026-Q2 | unlikely | 4,000 |
/// | de d | 2026 | likely | 8,000 |
fn registry() -> R<Registry> {
    Registry::builder()
        .deployment(
            Deployment::new("fr", "FR", Country::FR)
                .with_phase(phase("a", "2026-Q1", Certainty::Confirmed, "1,000 GPUs")?)
                .with_phase(phase("b", "2026-H2", Certainty::Likely, "2,000 GPUs")?),
        )
        .deployment(
            Deployment::new("de", "DE", Country::DE)
                .with_phase(phase("c", "2026-Q2", Certainty::Unlikely, "4,000 GPUs")?)
                .with_phase(phase("d", "2026", Certainty::Likely, "8,000 GPUs")?),
        )
        .build()
}

fn gpus_at(registry: &Registry, date: NaiveDate, scenario: Scenario, grade: Certainty) -> R<u64> {
    let table = Query::new()
        .filter(Filter::OnlineAt { date, scenario })
        .filter(Filter::at_least(grade))
        .run(registry, Gpus)?;
    Ok(table.total().central().map_or(0, |n| n.count()))
}

#[test]
fn at_least_a_grade_composes_with_both_readings() -> R {
    let r = registry()?;
    // On 2026-07-01: committed (latest day) counts a (Q1 ends 03-31) and c (Q2 ends 06-30);
    // optimistic (earliest day) also counts b (H2 starts 07-01) and d (2026 starts 01-01).
    let mid = day(2026, 7, 1);
    let cases = [
        (Scenario::Committed, Certainty::Unlikely, 1_000 + 4_000),
        (Scenario::Committed, Certainty::Likely, 1_000),
        (Scenario::Committed, Certainty::Confirmed, 1_000),
        (Scenario::Optimistic, Certainty::Unlikely, 15_000),
        (
            Scenario::Optimistic,
            Certainty::Likely,
            1_000 + 2_000 + 8_000,
        ),
        (Scenario::Optimistic, Certainty::Confirmed, 1_000),
    ];
    for (scenario, grade, expected) in cases {
        assert_eq!(
            gpus_at(&r, mid, scenario, grade)?,
            expected,
            "{scenario} at least {grade}"
        );
    }
    // At the end of 2026 every date has passed under both readings; only certainty differs.
    for scenario in [Scenario::Committed, Scenario::Optimistic] {
        let end = day(2026, 12, 31);
        assert_eq!(gpus_at(&r, end, scenario, Certainty::Unlikely)?, 15_000);
        assert_eq!(gpus_at(&r, end, scenario, Certainty::Likely)?, 11_000);
        assert_eq!(gpus_at(&r, end, scenario, Certainty::Confirmed)?, 1_000);
    }
    Ok(())
}

#[test]
fn series_counts_only_what_is_certain_enough() -> R {
    let r = registry()?;
    let points = Points::new(Period::Quarter, day(2026, 1, 1), day(2026, 12, 31))?;
    let series = Query::new()
        .filter(Filter::at_least(Certainty::Likely))
        .series(&r, Gpus, Scenario::Committed, &points)?;
    // Quarter ends 03-31, 06-30, 09-30, 12-31: a from Q1; b from 12-31 (H2's last day);
    // d from 12-31 (2026's last day); c never (unlikely).
    let central: Vec<u64> = series
        .total()
        .iter()
        .map(|t| t.central().map_or(0, |n| n.count()))
        .collect();
    assert_eq!(central, [1_000, 1_000, 1_000, 11_000]);
    Ok(())
}

#[test]
fn grouping_by_certainty_reads_most_certain_first() -> R {
    let r = registry()?;
    let table = Query::new().group_by(GroupKey::Certainty).run(&r, Gpus)?;
    let rows: Vec<(String, u64)> = table
        .rows()
        .iter()
        .map(|row| {
            (
                row.groups[0].to_string(),
                row.total.central().map_or(0, |n| n.count()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("confirmed".to_owned(), 1_000),
            ("likely".to_owned(), 10_000),
            ("unlikely".to_owned(), 4_000)
        ]
    );
    let likely = table.get(&[Group::Certainty(Certainty::Likely)]).unwrap();
    assert_eq!(likely.total.central().map(|n| n.count()), Some(10_000));
    Ok(())
}

#[cfg(feature = "serde")]
#[test]
fn wire_omits_the_default_and_reads_old_documents_as_confirmed() -> R {
    let r = registry()?;
    let json = r.to_json()?;
    // Two likely phases and one unlikely are written; the confirmed one is not.
    assert_eq!(json.matches("\"certainty\": \"likely\"").count(), 2);
    assert_eq!(json.matches("\"certainty\": \"unlikely\"").count(), 1);
    assert_eq!(json.matches("\"certainty\"").count(), 3);
    assert_eq!(Registry::from_json(&json)?, r);

    let old = r#"{"schema_version": 1, "deployments": [
        {"id": "x", "name": "X", "host": "IT", "phases": [{"name": "p", "status": "planned"}]}
    ]}"#;
    let read = Registry::from_json(old)?;
    assert_eq!(
        read.deployments()[0].phases[0].certainty,
        Certainty::Confirmed
    );
    assert!(!read.to_json()?.contains("certainty"));

    let bad = r#"{"schema_version": 1, "deployments": [
        {"id": "x", "name": "X", "host": "IT", "phases": [{"name": "p", "status": "planned", "certainty": "maybe"}]}
    ]}"#;
    let err = Registry::from_json(bad).unwrap_err();
    assert!(
        matches!(&err, Error::Json { path, .. } if path == "deployments[0].phases[0].certainty"),
        "{err}"
    );
    Ok(())
}

#[cfg(feature = "csv")]
mod epoch {
    use super::*;
    use sovereign_compute::interop::{Effect, ImportOptions, epoch};

    const CSV: &str = "Name,Status,Certainty,Country,First Operational Date\n\
                       A,Existing,Confirmed,France,2024-05-15\n\
                       B,Planned,Likely,France,2026-05-15\n\
                       C,Planned,Unlikely,Germany,2027-05-15\n\
                       D,Planned,,Germany,2027-05-15\n";

    #[test]
    fn import_reads_the_grades_and_export_writes_them() -> R {
        let report = epoch::read(CSV.as_bytes(), &ImportOptions::new())?;
        let grades: Vec<Certainty> = report
            .registry
            .deployments()
            .iter()
            .map(|d| d.phases[0].certainty)
            .collect();
        assert_eq!(
            grades,
            [
                Certainty::Confirmed,
                Certainty::Likely,
                Certainty::Unlikely,
                Certainty::Confirmed
            ]
        );
        let out = epoch::write(&report.registry)?;
        let words: Vec<&str> = out
            .csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(2).unwrap_or_default())
            .collect();
        // An empty cell is the default grade, written as Epoch AI's word for it.
        assert_eq!(words, ["Confirmed", "Likely", "Unlikely", "Confirmed"]);
        let again = epoch::read(out.csv.as_bytes(), &ImportOptions::new())?;
        assert_eq!(epoch::write(&again.registry)?.csv, out.csv);
        Ok(())
    }

    #[test]
    fn an_unknown_grade_is_reported() -> R {
        let csv = "Name,Status,Certainty,Country\nA,Existing,Rumoured,France\n";
        assert!(epoch::read(csv.as_bytes(), &ImportOptions::new()).is_err());
        let report = epoch::read(csv.as_bytes(), &ImportOptions::new().lenient())?;
        let problem = &report.problems[0];
        assert_eq!(
            (problem.column.as_str(), problem.effect),
            ("Certainty", Effect::CellIgnored)
        );
        assert_eq!(
            report.registry.deployments()[0].phases[0].certainty,
            Certainty::Confirmed
        );
        Ok(())
    }
}
