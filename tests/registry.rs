//! The registry: built in code and from JSON, round trips, and every kind of invalid document.

#![cfg(feature = "dataset")]

use sovereign_compute::Country;
use sovereign_compute::Error;
use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::*;
use sovereign_compute::registry::{Problem, Registry, RegistryBuilder};

fn id<T: std::str::FromStr<Err = Error>>(s: &str) -> T {
    s.parse().unwrap()
}

/// A small registry in code: one source, two organisations, two deployments, a programme.
fn sample() -> RegistryBuilder {
    let gtc = Citation::new("gtc-paris-2025");
    Registry::builder()
        .source(
            Source::new(
                "gtc-paris-2025",
                "Europe builds AI infrastructure with NVIDIA",
            )
            .with_publisher("NVIDIA")
            .with_published("2025-06-11"),
        )
        .organisation(
            Organisation::new("mistral-ai", "Mistral AI", OrganisationKind::ModelDeveloper)
                .with_headquarters(Country::FR),
        )
        .organisation(
            Organisation::new("nscale", "Nscale", OrganisationKind::CloudProvider)
                .with_headquarters(Country::GB),
        )
        .deployment(
            Deployment::new("fr-mistral", "Mistral Compute", Country::FR)
                .with_organisation(Participation::new("mistral-ai", Role::Operator))
                .with_purpose(Purpose::LlmTraining)
                .with_phase(
                    Phase::new("initial phase", Status::UnderConstruction)
                        .with_announced("2025-06-11")
                        .with_online("2026")
                        .with_hardware_line(HardwareLine::new(
                            HardwareRef::Part("nvidia-gb200-gpu".into()),
                            Sourced::new(Estimate::parse("18,000 GPUs").unwrap())
                                .with_citation(
                                    gtc.clone()
                                        .with_quote("18,000 NVIDIA Grace Blackwell systems"),
                                )
                                .with_note("read as GPUs"),
                        )),
                ),
        )
        .deployment(
            Deployment::new("gb-nscale", "Nscale UK", Country::GB)
                .with_organisation(Participation::new("nscale", Role::Operator))
                .with_phase(
                    Phase::new("first phase", Status::Planned)
                        .with_online("end of 2026")
                        .with_hardware_line(HardwareLine::new(
                            HardwareRef::named("NVIDIA Blackwell GPUs"),
                            Sourced::new(Estimate::parse("up to 10,000 GPUs").unwrap()),
                        )),
                ),
        )
        .programme({
            let mut p = Programme::new("eu-blackwell", "European Blackwell build-out");
            p.countries = vec![Country::FR, Country::IT, Country::DE, Country::GB];
            p.deployments = vec![id("fr-mistral"), id("gb-nscale")];
            p.compute = Some(StatedCompute::new(
                Sourced::new(Estimate::parse("more than 3,000 exaflops").unwrap())
                    .with_citation(gtc),
                FormatReading::Unstated,
            ));
            p
        })
}

#[test]
fn built_in_code_and_round_tripped_through_json() {
    let registry = sample().build().unwrap();
    assert_eq!(registry.deployments().len(), 2);
    assert_eq!(
        registry.deployment(&id("gb-nscale")).unwrap().host,
        Some(Country::GB)
    );
    let json = registry.to_json().unwrap();
    let back = Registry::from_json(&json).unwrap();
    assert_eq!(back, registry);
    assert_eq!(
        back.to_json().unwrap(),
        json,
        "saving twice gives the same text"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // A name is stored as the canonical reference it resolves to.
    assert_eq!(
        v["deployments"][1]["phases"][0]["hardware"][0]["hardware"],
        serde_json::json!({"family": "nvidia-blackwell"})
    );
    let count = &v["deployments"][0]["phases"][0]["hardware"][0]["count"];
    assert_eq!(count["value"]["kind"], "exact");
    assert_eq!(count["value"]["value"]["count"], 18000);
    assert_eq!(count["value"]["phrase"], "18,000 GPUs");
    assert_eq!(
        count["sources"][0]["quote"],
        "18,000 NVIDIA Grace Blackwell systems"
    );
    assert_eq!(
        v["programmes"][0]["compute"]["rate"]["value"]["value"],
        "3 ZFLOP/s"
    );
    assert_eq!(v["programmes"][0]["compute"]["format"], "unstated");
}

fn problems(b: RegistryBuilder) -> Vec<Problem> {
    match b.build() {
        Err(Error::InvalidRegistry { problems }) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = sample()
        .organisation(Organisation::new(
            "nscale",
            "Nscale again",
            OrganisationKind::CloudProvider,
        ))
        .deployment(
            Deployment::new("it-x", "X", Country::IT)
                .with_organisation(Participation::new("nobody", Role::Owner))
                .with_citation(Citation::new("no-such-source"))
                .with_phase(
                    Phase::new("p", Status::Operational)
                        .with_announced("2026")
                        .with_online("2025-06"),
                )
                .with_phase(
                    Phase::new("p", Status::Planned)
                        .with_hardware_line(HardwareLine::new(
                            HardwareRef::Part("nvidia-b201".into()),
                            Sourced::new(Estimate::parse("8 GPUs").unwrap()),
                        ))
                        .with_hardware_line(HardwareLine::new(
                            HardwareRef::Part("nvidia-b200".into()),
                            Sourced::new(Estimate::parse("8 superchips").unwrap()),
                        )),
                ),
        );
    let found: Vec<String> = problems(bad).iter().map(ToString::to_string).collect();
    let expected = [
        "organisation nscale, id: duplicate organisation ID \"nscale\" (first used by record 1)",
        "deployment it-x, organisations[0].organisation: unknown organisation \"nobody\"; add it to the registry's organisations",
        "deployment it-x, sources[0].source: unknown source \"no-such-source\"; add it to the registry's sources",
        "deployment it-x, phases[0].dates.online: online 2025-06 is before announced 2026",
        "deployment it-x, phases[1].name: duplicate phase name \"p\"",
        "deployment it-x, phases[1].hardware[0].hardware: unknown hardware \"nvidia-b201\": not an ID, name or alias in the catalog (did you mean part nvidia-b200, or part nvidia-b300, or part nvidia-gb200?); see the catalog's alias table, or add the part with Catalog::add_accelerator",
    ];
    for e in expected {
        assert!(found.iter().any(|f| f == e), "missing {e:?} in {found:#?}");
    }
    assert!(
        found.iter().any(|f| f.starts_with("deployment it-x, phases[1].hardware[1].count: nvidia-b200 cannot be counted in superchips")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 7, "{found:#?}");
}

#[test]
fn status_and_dates_must_agree() {
    let b = Registry::builder().deployment(
        Deployment::new("d", "D", Country::FR)
            // A running phase whose online date is not known is fine: unknown is not wrong;
            // so is a decommissioned phase whose end no source gives.
            .with_phase(Phase::new("running", Status::Operational))
            .with_phase({
                let mut p = Phase::new("gone", Status::Decommissioned).with_online("2020");
                p.dates.end = None;
                p
            })
            .with_phase({
                let mut p = Phase::new("planned", Status::Planned);
                p.dates.end = Some(id("2030"));
                p
            }),
    );
    let fields: Vec<String> = problems(b).into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["phases[2].dates.end"]);
}

#[test]
fn programme_outside_its_countries_and_dangling_links() {
    let mut d = Deployment::new("no-telenor", "Telenor", Country::NO);
    d.superseded_by = Some(id("missing"));
    let b = sample().deployment(d).programme({
        let mut p = Programme::new("eu-only", "EU only");
        p.countries = vec![Country::FR];
        p.deployments = vec![id("no-telenor"), id("ghost")];
        p
    });
    let msgs: Vec<String> = problems(b).iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "deployment no-telenor, superseded_by: unknown deployment \"missing\"",
            "programme eu-only, deployments[0]: deployment \"no-telenor\" is hosted in NO, outside the programme's countries (FR)",
            "programme eu-only, deployments[1]: unknown deployment \"ghost\"",
        ]
    );
}

fn json_error(doc: &str) -> (String, String) {
    match Registry::from_json(doc) {
        Err(Error::Json { path, message }) => (path, message),
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn bad_documents_name_the_path() {
    let deployment = |extra: &str| {
        format!(
            r#"{{"schema_version": 1, "deployments": [{{"id": "a", "name": "A", "host": "FR"}}, {{"id": "b", "name": "B", "host": "FR", {extra}}}]}}"#
        )
    };
    let cases = [
        (deployment(r#""colour": "blue""#), "deployments[1].colour", "unknown field `colour`"),
        (deployment(r#""host": "Narnia""#), "deployments[1]", "duplicate field `host`"),
        (
            deployment(r#""phases": [{"name": "p", "status": "planned", "dates": {"online": "2026-02-30"}}]"#),
            "deployments[1].phases[0].dates.online",
            "invalid date",
        ),
        (
            deployment(r#""phases": [{"name": "p", "status": "maybe"}]"#),
            "deployments[1].phases[0].status",
            "unknown variant `maybe`",
        ),
        (
            deployment(r#""phases": [{"name": "p", "status": "planned", "power": {"value": {"kind": "exact", "value": 40}}}]"#),
            "deployments[1].phases[0].power.value.value",
            "bare number",
        ),
        (
            deployment(r#""phases": [{"name": "p", "status": "planned", "hardware": [{"hardware": {"part": "nvidia-b200"}, "count": {"value": {"kind": "exact", "value": {"count": -8, "unit": "gpu"}}}}]}]"#),
            "deployments[1].phases[0].hardware[0].count.value.value.count",
            "invalid value",
        ),
        (r#"{"schema_version": 1, "organisations": [{"id": "Bad Id", "name": "x", "kind": "enterprise"}]}"#.to_owned(), "organisations[0].id", "invalid organisation ID"),
        (r#"{"schema_version": 1, "sources": {}}"#.to_owned(), "sources", "invalid type"),
        (r#"{"schema_version": 1, "deployments": [{"id": "a", "name": "A", "host": "gb"}]}"#.to_owned(), "deployments[0].host", ""),
    ];
    for (doc, path, message) in cases {
        let (p, m) = json_error(&doc);
        assert_eq!(p, path, "{doc}: {m}");
        assert!(m.contains(message), "{doc}: {m}");
    }
}

#[test]
fn schema_version_is_checked() {
    assert_eq!(
        Registry::from_json(r#"{"schema_version": 2, "future": true}"#).unwrap_err(),
        Error::UnsupportedSchemaVersion {
            found: 2,
            supported: 1
        }
    );
    let (path, message) = json_error(r#"{"deployments": []}"#);
    assert_eq!(path, ".");
    assert!(
        message.contains("missing field `schema_version`"),
        "{message}"
    );
    let (_, message) = json_error(r#"{"schema_version": 1"#);
    assert!(message.contains("EOF"), "{message}");
}

#[test]
fn phase_transitions() {
    let mut p = Phase::new("p", Status::Announced);
    for next in [
        Status::Planned,
        Status::UnderConstruction,
        Status::PartiallyOperational,
        Status::Operational,
        Status::Decommissioned,
    ] {
        p.transition(next).unwrap();
    }
    assert_eq!(
        p.transition(Status::Operational).unwrap_err().to_string(),
        "phase status cannot change from decommissioned to operational: a phase moves forward along announced, planned, under construction, partially operational, operational, decommissioned; it may be cancelled before it runs or superseded at any time before it ends"
    );
    let mut q = Phase::new("q", Status::Planned);
    q.transition(Status::Cancelled).unwrap();
    assert!(q.transition(Status::Planned).is_err());
}

#[test]
fn records_from_what_people_write() {
    let registry = Registry::builder()
        .source(Source::new("press", "A press release").with_published("2025-06-11"))
        .deployment(
            Deployment::new("fr-acme", "ACME Paris", Country::FR).with_phase(
                Phase::new("first phase", Status::Planned)
                    .with_announced("2025-06")
                    .with_online("2026-H2")
                    .with_hardware("B200", "4,000 GPUs")
                    .with_hardware(
                        "GB200 NVL72",
                        Sourced::new(Estimate::parse("about 40 racks").unwrap())
                            .with_citation(Citation::new("press").with_quote("some 40 racks")),
                    ),
            ),
        )
        .build()
        .unwrap();
    let phase = &registry.deployments()[0].phases[0];
    assert_eq!(phase.dates.online.unwrap().to_string(), "2026-H2");
    // Names are resolved to the catalog's IDs when the registry is built.
    assert_eq!(
        phase.hardware[0].hardware,
        HardwareRef::Part("nvidia-b200".into())
    );
    assert_eq!(
        phase.hardware[1].hardware,
        HardwareRef::System("nvidia-gb200-nvl72".into())
    );
    assert_eq!(phase.hardware[0].count.value.to_string(), "4,000 GPUs");
    assert!(phase.unread().next().is_none());
    // What a saved registry reads back is the same.
    assert_eq!(
        Registry::from_json(&registry.to_json().unwrap()).unwrap(),
        registry
    );
}

#[test]
fn text_that_does_not_read_is_reported_by_build_with_its_path() {
    let err = Registry::builder()
        .source(Source::new("Press Release", "A press release").with_published("2025-13"))
        .deployment(
            Deployment::new("fr-acme", "ACME Paris", Country::FR).with_phase(
                Phase::new("first phase", Status::Planned)
                    .with_online("2026-Q5")
                    .with_hardware("B200", "4000")
                    .with_hardware("B2000", "10 GPUs"),
            ),
        )
        .build()
        .unwrap_err();
    let Error::InvalidRegistry { problems } = err else {
        panic!("{err:?}")
    };
    let found: Vec<(String, &str)> = problems
        .iter()
        .map(|p| {
            (
                format!("{} {}, {}", p.record, p.id, p.field),
                p.message.as_str(),
            )
        })
        .collect();
    let expect = [
        (
            "source Press Release, id",
            "invalid source ID \"Press Release\"",
        ),
        (
            "source Press Release, published",
            "invalid date \"2025-13\"",
        ),
        (
            "deployment fr-acme, phases[0].dates.online",
            "invalid date \"2026-Q5\"",
        ),
        (
            "deployment fr-acme, phases[0].hardware[0].count",
            "a count needs its unit: \"4000\" does not say what it counts",
        ),
        (
            "deployment fr-acme, phases[0].hardware[1].hardware",
            "unknown",
        ),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((at, message), (want_at, want)) in found.iter().zip(expect) {
        assert_eq!(at, want_at, "{message}");
        assert!(message.starts_with(want), "{at}: {message}");
    }
}

#[test]
fn a_malformed_id_written_as_a_string_is_reported_with_its_record() {
    let problems = Registry::builder()
        .organisation(Organisation::new(
            "ACME",
            "ACME",
            OrganisationKind::Enterprise,
        ))
        .deployment(
            Deployment::new("fr acme", "ACME Paris", Country::FR)
                .with_organisation(Participation::new("ACME", Role::Operator)),
        )
        .problems()
        .unwrap();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "organisation ACME, id: invalid organisation ID \"ACME\": use 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
            "deployment fr acme, id: invalid deployment ID \"fr acme\": use 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
        ]
    );
}

/// A catalog with one part of its own, the ACME X1, in a family and citing a source of its
/// own, on top of the built-in one or alone.
fn acme_catalog(base: sovereign_compute::catalog::Catalog) -> sovereign_compute::catalog::Catalog {
    use sovereign_compute::catalog::{Accelerator, Family, PeakFigure, Provenance, Source};
    use sovereign_compute::units::{Precision, Sparsity};
    let mut catalog = base;
    catalog
        .add_source(Source::new(
            "ACME-DS",
            "ACME X1 datasheet",
            Provenance::VendorDirect,
        ))
        .unwrap();
    catalog
        .add_family(Family::new("acme-x", "ACME X series", "acme"))
        .unwrap();
    catalog
        .add_accelerator(
            Accelerator::gpu("acme-x1", "ACME X1", "acme")
                .with_family("acme-x")
                .with_alias("X1")
                .with_peak(PeakFigure::new(
                    Precision::Fp8,
                    Sparsity::Dense,
                    "2 PFLOP/s".parse().unwrap(),
                    "ACME-DS",
                )),
        )
        .unwrap();
    catalog
}

fn acme_registry(catalog: sovereign_compute::catalog::Catalog) -> Registry {
    Registry::builder()
        .catalog(catalog)
        .deployment(
            Deployment::new("fr-acme", "ACME Paris", Country::FR).with_phase(
                Phase::new("first phase", Status::Planned)
                    .with_hardware("X1", "1,000 GPUs")
                    .with_hardware("acme-x", "about 500 GPUs"),
            ),
        )
        .build()
        .unwrap()
}

#[test]
fn a_registry_with_its_own_catalog_entries_loads_back_as_saved() {
    use sovereign_compute::analysis::{Compute, Query};
    use sovereign_compute::catalog::Catalog;
    use sovereign_compute::units::{Precision, Sparsity};

    let fp8 = Compute::peak(Precision::Fp8, Sparsity::Dense);
    for catalog in [
        acme_catalog(Catalog::builtin().unwrap().clone()),
        acme_catalog(Catalog::new()),
    ] {
        let registry = acme_registry(catalog);
        let json = registry.to_json().unwrap();
        assert!(json.contains("\"catalog\""), "{json}");
        // Only the entries beyond the built-in catalog are written.
        assert!(!json.contains("nvidia-b200"), "{json}");
        let loaded = Registry::from_json(&json).unwrap();
        assert_eq!(loaded, registry);
        assert_eq!(loaded.catalog(), registry.catalog());
        assert_eq!(
            Query::new().run(&loaded, fp8).unwrap().to_string(),
            Query::new().run(&registry, fp8).unwrap().to_string()
        );
        assert_eq!(loaded.to_json().unwrap(), json);
    }
}

#[test]
fn a_catalog_that_changes_a_built_in_entry_is_written_whole() {
    use sovereign_compute::catalog::Catalog;
    use sovereign_compute::units::{Precision, Sparsity};

    let builtin = Catalog::builtin().unwrap();
    // The built-in parts in another order, and a B200 figure corrected.
    let mut b200 = builtin.accelerator("nvidia-b200").unwrap().clone();
    b200.peak
        .retain(|p| (p.precision, p.sparsity) != (Precision::Fp64, Sparsity::Dense));
    let mut parts = builtin.accelerators().to_vec();
    parts.retain(|a| a.id != b200.id);
    parts.insert(0, b200);
    let changed = Catalog::from_parts(
        builtin.sources().to_vec(),
        builtin.families().to_vec(),
        parts,
        builtin.systems().to_vec(),
    )
    .unwrap();
    let registry = Registry::builder()
        .catalog(changed)
        .deployment(
            Deployment::new("fr-acme", "ACME Paris", Country::FR).with_phase(
                Phase::new("first phase", Status::Planned).with_hardware("B200", "8 GPUs"),
            ),
        )
        .build()
        .unwrap();
    let json = registry.to_json().unwrap();
    assert!(json.contains("\"builtin\": false"), "{}", &json[..400]);
    let loaded = Registry::from_json(&json).unwrap();
    assert_eq!(loaded.catalog(), registry.catalog());
    assert_eq!(loaded, registry);
}

#[test]
fn the_built_in_catalog_is_not_written() {
    let registry = sample().build().unwrap();
    assert!(!registry.to_json().unwrap().contains("\"catalog\""));
    let copy = sample()
        .catalog(
            sovereign_compute::catalog::Catalog::builtin()
                .unwrap()
                .clone(),
        )
        .build()
        .unwrap();
    assert_eq!(copy.to_json().unwrap(), registry.to_json().unwrap());
}
