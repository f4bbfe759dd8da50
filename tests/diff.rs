//! `Registry::diff` against hand-built registries: a count grown, a date slipped, a phase
//! cancelled, records added and removed, an organisation renamed; exact field paths, values,
//! order and display; totals by host country moved; and two Epoch AI imports (feature csv).
#![cfg(feature = "serde")]

use serde_json::json;
use sovereign_compute::analysis::{
    Change, ChangeKind, Compute, Delta, Group, Movement, RecordKind, RegistryDiff,
};
use sovereign_compute::catalog::{Accelerator, Catalog, PeakFigure, Provenance, Source as Ds};
use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::*;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, Precision, Sparsity,
};
use sovereign_compute::{Country, Error};

type R<T = ()> = Result<T, Error>;

fn catalog() -> R<Catalog> {
    let mut catalog = Catalog::new();
    catalog.add_source(Ds::new("ds", "ACME X1 datasheet", Provenance::VendorDirect))?;
    catalog.add_accelerator(Accelerator::gpu("acme-x1", "ACME X1", "acme").with_peak(
        PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ds"),
    ))?;
    Ok(catalog)
}

fn line(count: Estimate<AcceleratorCount>) -> HardwareLine {
    HardwareLine::new(HardwareRef::Part("acme-x1".into()), Sourced::new(count))
}

fn exact(n: u64) -> Estimate<AcceleratorCount> {
    Estimate::exact(AcceleratorCount::gpus(n))
}

fn acme(name: &str) -> R<Organisation> {
    Ok(Organisation::new(
        "acme",
        name,
        OrganisationKind::CloudProvider,
    ))
}

fn fr_a(second_line: u64, online: &str, p2: Status) -> R<Deployment> {
    let mut p1 = Phase::new("p1", Status::Planned)
        .with_hardware_line(line(exact(500)))
        .with_hardware_line(line(exact(second_line)));
    p1.dates.online = Some(online.parse()?);
    Ok(Deployment::new("fr-a", "A", Country::FR)
        .with_phase(p1)
        .with_phase(Phase::new("p2", p2).with_hardware_line(line(exact(2_000)))))
}

/// FR: 500 + 1,000 + 2,000 GPUs; DE: 100 GPUs; Acme.
fn older() -> R<Registry> {
    Registry::builder()
        .catalog(catalog()?)
        .source(Source::new("s1", "Press release"))
        .organisation(acme("Acme")?)
        .deployment(fr_a(1_000, "2026-Q1", Status::Planned)?)
        .deployment(
            Deployment::new("de-b", "B", Country::DE).with_phase(
                Phase::new("p1", Status::Operational).with_hardware_line(line(exact(100))),
            ),
        )
        .build()
}

/// The count of FR's second line grows to 1,500, p1's date slips to 2026-Q3, p2 is
/// cancelled, DE's deployment is removed, a GB one is added, Acme is renamed.
fn newer() -> R<Registry> {
    Registry::builder()
        .catalog(catalog()?)
        .source(Source::new("s1", "Press release"))
        .organisation(acme("Acme Cloud")?)
        .deployment(fr_a(1_500, "2026-Q3", Status::Cancelled)?)
        .deployment(
            Deployment::new("gb-c", "C", Country::GB).with_phase(
                Phase::new("p1", Status::Planned)
                    .with_hardware_line(line(Estimate::at_least(AcceleratorCount::gpus(300)))),
            ),
        )
        .build()
}

fn change(
    record: RecordKind,
    id: &str,
    path: &str,
    phase: Option<&str>,
    old: Option<serde_json::Value>,
    new: Option<serde_json::Value>,
) -> Change {
    Change {
        record,
        id: id.to_owned(),
        path: path.to_owned(),
        phase: phase.map(str::to_owned),
        old,
        new,
    }
}

fn count_value(n: u64) -> serde_json::Value {
    json!({"kind": "exact", "value": {"count": n, "unit": "gpu"}})
}

#[test]
fn every_revision_is_named_by_its_wire_path() -> R {
    let (older, newer) = (older()?, newer()?);
    let diff = Registry::diff(&older, &newer)?;
    let de_b = serde_json::to_value(&older.deployments()[1]).unwrap();
    let gb_c = serde_json::to_value(&newer.deployments()[1]).unwrap();
    let expected = vec![
        change(
            RecordKind::Organisation,
            "acme",
            "name",
            None,
            Some(json!("Acme")),
            Some(json!("Acme Cloud")),
        ),
        change(RecordKind::Deployment, "de-b", "", None, Some(de_b), None),
        change(
            RecordKind::Deployment,
            "fr-a",
            "phases[0].dates.online",
            Some("p1"),
            Some(json!("2026-Q1")),
            Some(json!("2026-Q3")),
        ),
        change(
            RecordKind::Deployment,
            "fr-a",
            "phases[0].hardware[1].count.value",
            Some("p1"),
            Some(count_value(1_000)),
            Some(count_value(1_500)),
        ),
        change(
            RecordKind::Deployment,
            "fr-a",
            "phases[1].status",
            Some("p2"),
            Some(json!("planned")),
            Some(json!("cancelled")),
        ),
        change(RecordKind::Deployment, "gb-c", "", None, None, Some(gb_c)),
    ];
    assert_eq!(diff.changes(), expected.as_slice());
    assert_eq!(
        (
            diff.count(ChangeKind::Added),
            diff.count(ChangeKind::Removed),
            diff.count(ChangeKind::Changed)
        ),
        (1, 1, 4)
    );
    assert_eq!(
        diff.to_string(),
        "\
6 changes (1 added, 1 removed, 4 changed)
  ~ organisation acme, name: \"Acme\" → \"Acme Cloud\"
  - deployment de-b (removed): \"B\"
  ~ deployment fr-a, phases[0].dates.online (phase \"p1\"): \"2026-Q1\" → \"2026-Q3\"
  ~ deployment fr-a, phases[0].hardware[1].count.value (phase \"p1\"): {\"kind\":\"exact\",\"value\":{\"count\":1000,\"unit\":\"gpu\"}} → {\"kind\":\"exact\",\"value\":{\"count\":1500,\"unit\":\"gpu\"}}
  ~ deployment fr-a, phases[1].status (phase \"p2\"): \"planned\" → \"cancelled\"
  + deployment gb-c (added): \"C\"
"
    );
    Ok(())
}

#[test]
fn the_reverse_diff_swaps_added_and_removed() -> R {
    let (older, newer) = (older()?, newer()?);
    let forward = Registry::diff(&older, &newer)?;
    let back = Registry::diff(&newer, &older)?;
    assert_eq!(back.changes().len(), forward.changes().len());
    for (f, b) in forward.changes().iter().zip(back.changes()) {
        assert_eq!((&f.path, &f.old, &f.new), (&b.path, &b.new, &b.old));
    }
    assert!(Registry::diff(&older, &older)?.is_empty());
    assert_eq!(Registry::diff(&older, &older)?.to_string(), "no changes\n");
    Ok(())
}

#[test]
fn phases_are_matched_by_name_and_other_lists_by_position() -> R {
    let base = |phases: &[(&str, Status)], citations: usize| -> R<Registry> {
        let mut d = Deployment::new("se-x", "X", Country::SE);
        for (name, status) in phases {
            d = d.with_phase(Phase::new(*name, *status));
        }
        let mut builder = Registry::builder();
        for i in 0..citations {
            let id = format!("s{i}");
            builder = builder.source(Source::new(&id, "S"));
            d = d.with_citation(Citation::new(id));
        }
        builder.deployment(d).build()
    };
    // A phase inserted before another: only the new one shows, at its newer index.
    let older = base(&[("a", Status::Planned), ("c", Status::Planned)], 1)?;
    let newer = base(
        &[
            ("a", Status::Planned),
            ("b", Status::Announced),
            ("c", Status::Planned),
        ],
        2,
    )?;
    let diff = Registry::diff(&older, &newer)?;
    let paths: Vec<(&str, ChangeKind)> = diff
        .changes()
        .iter()
        .map(|c| (c.path.as_str(), c.kind()))
        .collect();
    assert_eq!(
        paths,
        [
            ("", ChangeKind::Added), // source s1: sources come before deployments
            ("phases[1]", ChangeKind::Added),
            ("sources[1]", ChangeKind::Added),
        ]
    );
    assert_eq!(
        (diff.changes()[0].record, diff.changes()[0].id.as_str()),
        (RecordKind::Source, "s1")
    );
    assert_eq!(diff.changes()[1].phase.as_deref(), Some("b"));
    assert_eq!(
        diff.changes()[1].new,
        Some(json!({"name": "b", "status": "announced", "dates": {}}))
    );
    assert_eq!(diff.changes()[2].new, Some(json!({"source": "s1"})));

    // A phase removed: its path is its index in the older registry.
    let diff = Registry::diff(&newer, &older)?;
    let removed = &diff.changes()[1];
    assert_eq!(
        (
            removed.path.as_str(),
            removed.kind(),
            removed.phase.as_deref()
        ),
        ("phases[1]", ChangeKind::Removed, Some("b"))
    );
    // A renamed phase: one removed, one added.
    let renamed = base(&[("a", Status::Planned), ("c2", Status::Planned)], 1)?;
    let diff = Registry::diff(&older, &renamed)?;
    let paths: Vec<(&str, ChangeKind)> = diff
        .changes()
        .iter()
        .map(|c| (c.path.as_str(), c.kind()))
        .collect();
    assert_eq!(
        paths,
        [
            ("phases[1]", ChangeKind::Added),
            ("phases[1]", ChangeKind::Removed)
        ]
    );
    Ok(())
}

#[test]
fn an_estimate_is_one_value_and_optional_fields_appear() -> R {
    let with = |count: Estimate<AcceleratorCount>, note: Option<&str>| -> R<Registry> {
        let mut d = Deployment::new("se-x", "X", Country::SE).with_phase(
            Phase::new("p", Status::Planned).with_hardware_line(HardwareLine::new(
                HardwareRef::Unlisted("GPU".into()),
                Sourced::new(count),
            )),
        );
        d.note = note.map(str::to_owned);
        Registry::builder().deployment(d).build()
    };
    let older = with(exact(1_000), None)?;
    let newer = with(
        Estimate::at_least(AcceleratorCount::gpus(1_000)).with_phrase("more than 1,000 GPUs"),
        Some("revised"),
    )?;
    let diff = Registry::diff(&older, &newer)?;
    assert_eq!(diff.changes().len(), 2);
    let (note, count) = (&diff.changes()[0], &diff.changes()[1]);
    assert_eq!(
        (note.path.as_str(), note.kind()),
        ("note", ChangeKind::Added)
    );
    assert_eq!(note.new, Some(json!("revised")));
    assert_eq!(count.path, "phases[0].hardware[0].count.value");
    assert_eq!(count.old, Some(count_value(1_000)));
    assert_eq!(
        count.new,
        Some(
            json!({"kind": "at-least", "value": {"count": 1000, "unit": "gpu"},
                    "phrase": "more than 1,000 GPUs"})
        )
    );
    Ok(())
}

fn gpus(n: u64) -> AcceleratorCount {
    AcceleratorCount::gpus(n)
}

fn fp8(rate: &str) -> ComputeFigure {
    ComputeFigure::new(
        rate.parse().unwrap(),
        ComputeFormat::peak(Precision::Fp8, Sparsity::Dense),
    )
}

#[test]
fn totals_by_host_country_move_with_bounds() -> R {
    let (older, newer) = (older()?, newer()?);
    let diff: RegistryDiff<'_> = Registry::diff(&older, &newer)?;
    let moved = diff.gpus()?;
    // DE: 100 GPUs, then no record.
    let de = moved.get(&Group::Country(Country::DE)).unwrap();
    assert_eq!(de.older.as_ref().and_then(|t| t.central()), Some(gpus(100)));
    assert!(de.newer.is_none());
    assert_eq!(de.change, Some(Delta::Decrease(gpus(100))));
    // FR: 500 + 1,000 + 2,000 = 3,500, then 500 + 1,500 (p2 cancelled) = 2,000.
    let fr = moved.get(&Group::Country(Country::FR)).unwrap();
    assert_eq!(fr.older.as_ref().and_then(|t| t.upper()), Some(gpus(3_500)));
    assert_eq!(fr.newer.as_ref().and_then(|t| t.upper()), Some(gpus(2_000)));
    assert_eq!(fr.change, Some(Delta::Decrease(gpus(1_500))));
    // GB: no record, then at least 300.
    let gb = moved.get(&Group::Country(Country::GB)).unwrap();
    assert!(gb.older.is_none());
    assert_eq!(gb.newer.as_ref().and_then(|t| t.upper()), None);
    assert_eq!(gb.change, Some(Delta::Increase(gpus(300))));
    // All: 3,600, then at least 2,300.
    let Movement {
        older: o,
        newer: n,
        change,
    } = moved.total();
    assert_eq!(o.as_ref().and_then(|t| t.central()), Some(gpus(3_600)));
    assert_eq!(n.as_ref().and_then(|t| t.lower()), Some(gpus(2_300)));
    assert_eq!(*change, Some(Delta::Decrease(gpus(1_300))));
    assert_eq!(
        moved.to_string(),
        "\
GPUs by host country
host country  older       newer                              central change
DE            100 GPUs    —                                  −100 GPUs
FR            3,500 GPUs  2,000 GPUs                         −1,500 GPUs
GB            —           ≥ 300 GPUs (central 300 GPUs)      +300 GPUs
total         3,600 GPUs  ≥ 2,300 GPUs (central 2,300 GPUs)  −1,300 GPUs
"
    );

    // FP8 dense at 2 PFLOP/s per GPU: FR 7 EFLOP/s, then 4 EFLOP/s.
    let compute = diff.compute(Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    let fr = compute.get(&Group::Country(Country::FR)).unwrap();
    assert_eq!(
        fr.older.as_ref().and_then(|t| t.central()),
        Some(fp8("7 EFLOP/s"))
    );
    assert_eq!(fr.change, Some(Delta::Decrease(fp8("3 EFLOP/s"))));
    let summary = diff.summary(Compute::peak(Precision::Fp8, Sparsity::Dense))?;
    assert_eq!(summary.gpus, moved);
    assert!(
        summary
            .to_string()
            .contains("FP8 dense peak compute by host country")
    );
    Ok(())
}

#[test]
fn an_unknown_total_has_an_unknown_change() -> R {
    let older = Registry::builder()
        .deployment(Deployment::new("se-x", "X", Country::SE))
        .build()?;
    let newer = Registry::builder()
        .deployment(Deployment::new("se-x", "X", Country::SE).with_phase(
            Phase::new("p", Status::Planned).with_hardware_line(HardwareLine::new(
                HardwareRef::Unlisted("GPU".into()),
                Sourced::new(exact(10)),
            )),
        ))
        .build()?;
    let moved = Registry::diff(&older, &newer)?.gpus()?;
    let se = moved.get(&Group::Country(Country::SE)).unwrap();
    assert_eq!(se.older.as_ref().map(|t| t.unknown_parts()), Some(1));
    assert_eq!(se.change, None);
    Ok(())
}

#[cfg(feature = "csv")]
#[test]
fn two_epoch_snapshots() -> R {
    use sovereign_compute::interop::{ImportOptions, epoch};
    let csv = include_str!("data/epoch-quirks.csv");
    let grown = csv.replacen("\"1,024\",Korea", "\"2,048\",Korea", 1);
    assert_ne!(grown, csv);
    let options = ImportOptions::new().lenient();
    let older = epoch::read(csv.as_bytes(), &options)?.registry;
    let newer = epoch::read(grown.as_bytes(), &options)?.registry;
    let diff = Registry::diff(&older, &newer)?;
    let counts: Vec<&Change> = diff
        .changes()
        .iter()
        .filter(|c| c.path.ends_with("count.value"))
        .collect();
    assert_eq!(counts.len(), 1, "{diff}");
    assert_eq!(counts[0].record, RecordKind::Deployment);
    assert!(counts[0].id.contains("alpha-cluster"), "{}", counts[0].id);
    let new = counts[0].new.as_ref().unwrap();
    assert_eq!(new["value"]["count"], json!(2048));
    assert!(
        diff.changes()
            .iter()
            .all(|c| c.kind() == ChangeKind::Changed)
    );
    Ok(())
}
