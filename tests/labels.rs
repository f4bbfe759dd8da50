//! Deployment labels: one dimension for grouping and filtering, on the wire, and Epoch AI's
//! `Include in Standard Analysis` column read into one.

use sovereign_compute::analysis::{Deployments, Filter, Group, GroupKey, Query};
use sovereign_compute::model::{Deployment, Label};
use sovereign_compute::registry::Registry;
use sovereign_compute::{Country, Error};

type R<T = ()> = Result<T, Error>;

fn label(s: &str) -> Label {
    s.parse().unwrap()
}

fn registry() -> R<Registry> {
    Registry::builder()
        .deployment(
            Deployment::new("a", "A", Country::FR)
                .with_label(label("standard"))
                .with_label(label("frontier")),
        )
        .deployment(Deployment::new("b", "B", Country::FR).with_label(label("standard")))
        .deployment(Deployment::new("c", "C", Country::DE))
        .build()
}

#[test]
fn labels_group_and_filter_alike() -> R {
    let r = registry()?;
    let by_label = Query::new()
        .group_by(GroupKey::Label)
        .run(&r, Deployments)?;
    let rows: Vec<(String, Option<u64>)> = by_label
        .rows()
        .iter()
        .map(|row| (row.groups[0].to_string(), row.total.central()))
        .collect();
    assert_eq!(
        rows,
        [
            ("frontier".to_owned(), Some(1)),
            ("standard".to_owned(), Some(2)),
            ("unknown".to_owned(), Some(1)),
        ]
    );
    // A deployment with two labels counts in each and once in the total.
    assert!(by_label.overlapping());
    assert_eq!(by_label.total().central(), Some(3));

    let standard = Query::new()
        .filter(Filter::Label(vec![label("standard")]))
        .run(&r, Deployments)?;
    assert_eq!(standard.total().central(), Some(2));
    let unlabelled = Query::new()
        .filter(Filter::In {
            key: GroupKey::Label,
            groups: vec![Group::Unknown],
        })
        .run(&r, Deployments)?;
    assert_eq!(unlabelled.total().central(), Some(1));
    // A label no deployment has selects nothing.
    let none = Query::new()
        .filter(Filter::Label(vec![label("absent")]))
        .run(&r, Deployments)?;
    assert_eq!(none.total().central(), None);
    Ok(())
}

#[cfg(feature = "serde")]
#[test]
fn labels_round_trip_and_are_checked() -> R {
    let r = registry()?;
    let json = r.to_json()?;
    assert!(json.contains("\"labels\": ["));
    assert_eq!(Registry::from_json(&json)?, r);
    assert!("Not A Label".parse::<Label>().is_err());
    let bad = r#"{"schema_version": 1, "deployments": [
        {"id": "x", "name": "X", "host": "IT", "labels": ["Bad Label"]}
    ]}"#;
    let err = Registry::from_json(bad).unwrap_err();
    assert!(
        matches!(&err, Error::Json { path, .. } if path == "deployments[0].labels[0]"),
        "{err}"
    );
    Ok(())
}

#[cfg(feature = "csv")]
#[test]
fn epoch_standard_analysis_column_is_a_label() -> R {
    use sovereign_compute::interop::{Effect, ImportOptions, epoch, note_field};

    let csv = "Name,Status,Country,Include in Standard Analysis\n\
               A,Existing,France,True\n\
               B,Existing,France,\n\
               C,Existing,France,False\n\
               D,Existing,France,perhaps\n";
    assert!(epoch::read(csv.as_bytes(), &ImportOptions::new()).is_err());
    let report = epoch::read(csv.as_bytes(), &ImportOptions::new().lenient())?;
    let problem = &report.problems[0];
    assert_eq!(
        (problem.row, problem.column.as_str(), problem.effect),
        (5, "Include in Standard Analysis", Effect::CellIgnored)
    );
    let labelled: Vec<bool> = report
        .registry
        .deployments()
        .iter()
        .map(|d| {
            d.labels
                .iter()
                .any(|l| l.as_str() == epoch::STANDARD_ANALYSIS_LABEL)
        })
        .collect();
    assert_eq!(labelled, [true, false, false, false]);
    // The flag is a label now, not a note line.
    let a = &report.registry.deployments()[0];
    assert_eq!(
        note_field(a.note.as_deref(), "Epoch AI Include in Standard Analysis"),
        None
    );

    let out = epoch::write(&report.registry)?;
    let header: Vec<&str> = out
        .csv
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .collect();
    let at = header
        .iter()
        .position(|c| *c == "Include in Standard Analysis")
        .unwrap();
    let flags: Vec<&str> = out
        .csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(at).unwrap_or_default())
        .collect();
    assert_eq!(flags, ["True", "", "", ""]);
    Ok(())
}
