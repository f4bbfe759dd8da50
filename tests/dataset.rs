//! The embedded GTC Paris 2025 dataset, checked through the public API.

#![cfg(feature = "dataset")]

use chrono::NaiveDate;
use sovereign_compute::datasets;
use sovereign_compute::estimate::{Bounds, EstimateKind};
use sovereign_compute::model::{
    Deployment, FormatReading, HardwareRef, InitiativeKind, OrganisationKind, Role, Status,
};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFormat, CountingUnit, Precision, Sparsity,
};
use sovereign_compute::{Bloc, Country};

fn europe() -> Registry {
    datasets::gtc_paris_2025().unwrap()
}

fn deployment<'a>(r: &'a Registry, id: &str) -> &'a Deployment {
    r.deployment(&id.parse().unwrap())
        .unwrap_or_else(|| panic!("no deployment {id}"))
}

#[test]
fn it_validates_and_round_trips() {
    let r = europe();
    let again = Registry::from_json(&r.to_json().unwrap()).unwrap();
    assert_eq!(again, r);
}

#[test]
fn the_headline_commitment() {
    let r = europe();
    let p = &r.programmes()[0];
    assert_eq!(
        p.countries,
        [Country::FR, Country::IT, Country::DE, Country::GB]
    );
    assert_eq!(p.announced.unwrap().to_string(), "2025-06-11");
    assert_eq!(
        p.announced.unwrap().earliest(),
        NaiveDate::from_ymd_opt(2025, 6, 11).unwrap()
    );
    let compute = p.compute.as_ref().unwrap();
    assert_eq!(compute.rate.value.to_string(), "≥ 3 ZFLOP/s");
    assert_eq!(
        compute.rate.value.phrase(),
        Some("more than 3,000 exaflops")
    );
    match &compute.format {
        FormatReading::Assumed { format, reason } => {
            assert_eq!(
                *format,
                ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse)
            );
            assert!(reason.contains("No number format is stated"));
        }
        other => panic!("the format should be an assumption, got {other:?}"),
    }
    let contained: Vec<&str> = p.deployments.iter().map(|d| d.as_str()).collect();
    assert_eq!(
        contained,
        [
            "fr-mistral-compute",
            "gb-nebius-nscale",
            "de-industrial-ai-cloud",
            "it-domyn-colosseum"
        ]
    );
}

fn gpus(
    d: &Deployment,
) -> (
    EstimateKind<AcceleratorCount>,
    Option<Bounds<AcceleratorCount>>,
) {
    let line = &d.phases[0].hardware[0];
    (*line.count.value.kind(), line.count.value.bounds())
}

#[test]
fn per_deployment_gpu_figures_and_bounds() {
    let r = europe();
    let fr = deployment(&r, "fr-mistral-compute");
    assert_eq!(
        gpus(fr).0,
        EstimateKind::Exact(AcceleratorCount::gpus(18_000))
    );
    assert_eq!(
        fr.phases[0].hardware[0].hardware,
        HardwareRef::Part("nvidia-gb200-gpu".into())
    );
    assert!(
        fr.phases[0].hardware[0]
            .count
            .note
            .as_deref()
            .unwrap()
            .contains("not 18,000 GB200 superchips")
    );
    assert_eq!(fr.phases[1].dates.online.unwrap().to_string(), "2026");

    let uk = deployment(&r, "gb-nebius-nscale");
    assert_eq!(
        gpus(uk).0,
        EstimateKind::Exact(AcceleratorCount::gpus(14_000))
    );
    assert_eq!(
        uk.phases[0].hardware[0].hardware,
        HardwareRef::Family("nvidia-blackwell".into())
    );
    assert_eq!(
        uk.organisations_in(Role::CloudProvider)
            .map(|o| o.as_str())
            .collect::<Vec<_>>(),
        ["nebius", "nscale"]
    );

    let de = deployment(&r, "de-industrial-ai-cloud");
    assert_eq!(
        gpus(de).0,
        EstimateKind::Exact(AcceleratorCount::gpus(10_000))
    );
    assert_eq!(
        de.phases[0].hardware[0]
            .hardware
            .candidates()
            .unwrap()
            .len(),
        2
    );

    let it = deployment(&r, "it-domyn-colosseum");
    assert_eq!(gpus(it).0, EstimateKind::Unknown);
    assert_eq!(
        it.phases[0].hardware[0].hardware,
        HardwareRef::Part("nvidia-gb200".into())
    );

    let es = deployment(&r, "es-telefonica-edge");
    let (kind, bounds) = gpus(es);
    assert_eq!(
        kind,
        EstimateKind::Range {
            low: AcceleratorCount::gpus(100),
            high: AcceleratorCount::gpus(999)
        }
    );
    assert_eq!(bounds.unwrap().upper.unwrap().unit(), CountingUnit::Gpu);
    assert_eq!(es.phases[0].status, Status::PartiallyOperational);
}

#[test]
fn telecom_operators() {
    let r = europe();
    let telcos: Vec<(&str, Country)> = [
        ("fr-orange-cloud-avenue", "orange"),
        ("it-fastweb-miia", "fastweb"),
        ("no-telenor-ai-factory", "telenor"),
        ("ch-swisscom-superpod", "swisscom"),
        ("es-telefonica-edge", "telefonica"),
    ]
    .iter()
    .map(|(d, org)| {
        let d = deployment(&r, d);
        let o = r.organisation(&org.parse().unwrap()).unwrap();
        assert_eq!(o.kind, OrganisationKind::TelecomOperator);
        assert_eq!(
            d.organisations_in(Role::Operator).next().unwrap().as_str(),
            *org
        );
        (o.name.as_str(), d.host.unwrap())
    })
    .collect();
    assert_eq!(telcos.len(), 5);
    let telenor = deployment(&r, "no-telenor-ai-factory");
    assert_eq!(
        telenor.phases[0].energy_source.as_deref(),
        Some("renewable")
    );
    assert!(telenor.note.as_deref().unwrap().contains("100+ languages"));
    let fastweb = deployment(&r, "it-fastweb-miia");
    assert_eq!(
        fastweb.phases[0].hardware[0].hardware,
        HardwareRef::Unlisted("NVIDIA DGX AI supercomputer".into())
    );
    let swisscom = deployment(&r, "ch-swisscom-superpod");
    assert!(
        swisscom
            .note
            .as_deref()
            .unwrap()
            .contains("GenAI Studio and AI Workhub")
    );
}

#[test]
fn technology_centres() {
    let r = europe();
    let centres: Vec<Country> = r
        .initiatives()
        .iter()
        .filter(|i| i.kind == InitiativeKind::TechnologyCentre)
        .map(|i| i.country)
        .collect();
    assert_eq!(
        centres,
        [
            Country::DE,
            Country::SE,
            Country::IT,
            Country::ES,
            Country::GB,
            Country::FI
        ]
    );
    let bavaria = r
        .initiative(&"de-bavaria-ai-center".parse().unwrap())
        .unwrap();
    assert_eq!(bavaria.region.as_deref(), Some("Bavaria"));
    assert!(bavaria.partners.iter().any(|p| p.as_str() == "bayern-ki"));
    assert!(
        r.initiative(&"it-ai-center".parse().unwrap())
            .unwrap()
            .partners
            .iter()
            .any(|p| p.as_str() == "cineca")
    );
    assert!(
        r.initiative(&"es-ai-center".parse().unwrap())
            .unwrap()
            .partners
            .iter()
            .any(|p| p.as_str() == "bsc")
    );
    assert!(
        r.initiative(&"it-sovereign-ai-partnership".parse().unwrap())
            .is_some()
    );
}

#[test]
fn norway_switzerland_and_the_uk_are_outside_the_eu() {
    let r = europe();
    let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap();
    let eu = Bloc::eu();
    let outside: Vec<Country> = r
        .deployments()
        .iter()
        .filter_map(|d| d.host)
        .filter(|c| !eu.is_member(*c, day))
        .collect();
    assert_eq!(outside, [Country::GB, Country::NO, Country::CH]);
}

#[test]
fn every_article_quote_is_verbatim() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/gtc-paris-2025-european-sovereign-ai.txt"
    );
    let Ok(article) = std::fs::read_to_string(path) else {
        eprintln!("skipped: the article is not beside this checkout ({path})");
        return;
    };
    let json: serde_json::Value = serde_json::from_str(datasets::GTC_PARIS_2025_JSON).unwrap();
    let mut quotes = Vec::new();
    collect(&json, &mut quotes);
    assert!(quotes.len() >= 25, "only {} quotes", quotes.len());
    for q in quotes {
        assert!(article.contains(&q), "not in the article: {q:?}");
    }
}

/// Every `quote` cited from the article.
fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if m.get("source").and_then(|s| s.as_str()) == Some("gtc-paris-2025")
                && let Some(q) = m.get("quote").and_then(|q| q.as_str())
            {
                out.push(q.to_owned());
            }
            m.values().for_each(|x| collect(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        _ => {}
    }
}

/// The second dataset, `european_ai_compute`.
mod european {
    use std::collections::BTreeSet;

    use serde_json::Value;
    use sovereign_compute::datasets;
    use sovereign_compute::registry::Registry;

    fn europe() -> Registry {
        datasets::european_ai_compute().unwrap()
    }

    #[test]
    fn it_validates_round_trips_and_has_the_size_asked_for() {
        let r = europe();
        let again = Registry::from_json(&r.to_json().unwrap()).unwrap();
        assert_eq!(again, r);
        assert!(r.deployments().len() >= 60, "{}", r.deployments().len());
        let hosts: BTreeSet<_> = r.deployments().iter().filter_map(|d| d.host).collect();
        assert!(hosts.len() >= 20, "{hosts:?}");
        assert!(
            r.sources().iter().all(|s| s.url.is_some()),
            "every source has its URL"
        );
    }

    /// Every record of the first dataset is in the second, unchanged, under the same ID.
    #[test]
    fn the_gtc_paris_records_are_included_unchanged() {
        let first: Value = serde_json::from_str(datasets::GTC_PARIS_2025_JSON).unwrap();
        let second: Value = serde_json::from_str(datasets::EUROPEAN_AI_COMPUTE_JSON).unwrap();
        let mut checked = 0;
        for list in [
            "sources",
            "organisations",
            "deployments",
            "programmes",
            "initiatives",
        ] {
            for record in first[list].as_array().unwrap() {
                let found = second[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["id"] == record["id"])
                    .unwrap_or_else(|| panic!("{list} {} is missing", record["id"]));
                assert_eq!(found, record, "{list} {}", record["id"]);
                checked += 1;
            }
        }
        assert_eq!(checked, 5 + 14 + 9 + 1 + 7);
        // And the registries agree record for record.
        let (gtc, europe) = (datasets::gtc_paris_2025().unwrap(), europe());
        for d in gtc.deployments() {
            assert_eq!(europe.deployment(&d.id), Some(d));
        }
    }

    /// The EuroHPC AI Factories of the three selection rounds (December 2024, March 2025,
    /// October 2025) and the 13 AI Factory Antennas, each a deployment (hardware announced)
    /// or an initiative.
    #[test]
    fn every_ai_factory_and_antenna_is_named() {
        let r = europe();
        let ids: BTreeSet<&str> = r
            .deployments()
            .iter()
            .map(|d| d.id.as_str())
            .chain(r.initiatives().iter().map(|i| i.id.as_str()))
            .collect();
        let factories = [
            "fi-lumi-ai-factory",
            "it-it4lia",
            "se-mimer-ai-factory",
            "de-hammerhai",
            "gr-pharos-ai-factory",
            "lu-meluxina-ai",
            "es-bsc-mn5-ai-upgrade",
            "at-ai-at",
            "bg-brain-plus-plus",
            "fr-ai2f",
            "de-jupiter-ai-factory",
            "pl-piast-ai",
            "si-slaif",
            "cz-karolaina",
            "lt-litai",
            "nl-nlaif",
            "pl-gaia",
            "ro-ro-ai-factory",
            "es-1healthai",
        ];
        let antennas = [
            "be-ai-factory-antenna",
            "hu-ai-factory-antenna",
            "cy-pharos-cy",
            "ie-ai-factory-antenna",
            "lv-ai-factory-antenna",
            "mt-calypso",
            "sk-ai-factory-antenna",
            "is-ai-factory-antenna",
            "md-ai-factory-antenna",
            "ch-ai-factory-antenna",
            "gb-epcc-ai-factory-antenna",
            "mk-vezilka",
            "rs-saifa",
        ];
        assert_eq!((factories.len(), antennas.len()), (19, 13));
        for id in factories.iter().chain(&antennas) {
            assert!(ids.contains(id), "{id} is missing");
        }
    }

    #[test]
    fn the_gigafactory_programme_states_its_claim_per_facility() {
        let r = europe();
        let giga = r
            .programme(&"eu-ai-gigafactories".parse().unwrap())
            .expect("the InvestAI programme");
        let claim = giga.gpus.as_ref().expect("a GPU claim");
        assert_eq!(claim.value.to_string(), "≈ 100,000 GPUs");
        assert!(
            claim
                .note
                .as_deref()
                .unwrap_or("")
                .contains("PER GIGAFACTORY")
        );
        assert_eq!(giga.deployments.len(), 4);
    }
}
