//! Integration tests for the hardware catalog: published system totals from per-part figures,
//! every alias, conversions, errors, validation, JSON round trips and the generated docs.

use sovereign_compute::Error;
use sovereign_compute::catalog::*;
use sovereign_compute::units::*;

fn rate(s: &str) -> ComputeRate {
    s.parse().unwrap()
}

fn power(s: &str) -> Power {
    s.parse().unwrap()
}

/// The entry ID and field of the first problem of an `InvalidCatalog` error.
fn invalid_field(err: &Error) -> (&str, &str) {
    let fields = invalid_fields(err);
    fields
        .first()
        .copied()
        .unwrap_or_else(|| panic!("no problem in {err:?}"))
}

/// The entry IDs and fields of every problem of an `InvalidCatalog` error.
fn invalid_fields(err: &Error) -> Vec<(&str, &str)> {
    match err {
        Error::InvalidCatalog { problems } => problems
            .iter()
            .map(|p| (p.id.as_str(), p.field.as_str()))
            .collect(),
        other => panic!("expected InvalidCatalog, got {other:?}"),
    }
}

/// A small catalog built in code, so that these tests also run without serde.
mod in_code {
    use super::*;

    fn fig(precision: Precision, sparsity: Sparsity, r: &str) -> PeakFigure {
        PeakFigure::new(precision, sparsity, rate(r), "ACME")
    }

    /// Two GPUs, a superchip of two X1s, a node, a rack and a pod, and two families.
    fn acme() -> Catalog {
        let mut c = Catalog::new();
        c.add_source(Source::new(
            "ACME",
            "Acme datasheet",
            Provenance::VendorDirect,
        ))
        .unwrap();
        c.add_family(Family::new("acme-x", "Acme X series", "acme").with_alias("X series"))
            .unwrap();
        c.add_accelerator(
            Accelerator::gpu("acme-x1", "Acme X1", "acme")
                .with_family("acme-x")
                .with_tdp(RatedPower::new(power("1000 W"), "ACME"))
                .with_peak(fig(Precision::Fp8, Sparsity::Sparse, "10 PFLOP/s"))
                .with_peak(fig(Precision::Fp8, Sparsity::Dense, "5 PFLOP/s"))
                .with_alias("X1"),
        )
        .unwrap();
        c.add_accelerator(
            Accelerator::gpu("acme-x2", "Acme X2", "acme")
                .with_family("acme-x")
                .with_tdp(RatedPower::new(power("1000 W"), "ACME"))
                .with_peak(fig(Precision::Fp8, Sparsity::Sparse, "10 PFLOP/s"))
                .with_peak(fig(Precision::Fp8, Sparsity::Dense, "7.5 PFLOP/s")),
        )
        .unwrap();
        c.add_accelerator(
            Accelerator::superchip("acme-s2", "Acme S2 Superchip", "acme", 2, 1)
                .with_gpu_part("acme-x1")
                .with_peak(fig(Precision::Fp8, Sparsity::Sparse, "20 PFLOP/s")),
        )
        .unwrap();
        c.add_family(
            Family::new("acme-all", "Acme everything", "acme")
                .with_member("acme-x1")
                .with_member("acme-s2"),
        )
        .unwrap();
        c.add_system(System::new(
            "acme-node",
            "Acme Node",
            SystemKind::Node,
            "acme-x1",
            8,
            "ACME",
        ))
        .unwrap();
        c.add_system(System::new(
            "acme-rack",
            "Acme Rack",
            SystemKind::Rack,
            "acme-s2",
            36,
            "ACME",
        ))
        .unwrap();
        c.add_system(System::new(
            "acme-pod",
            "Acme Pod",
            SystemKind::Pod,
            "acme-s2",
            288,
            "ACME",
        ))
        .unwrap();
        c
    }

    #[test]
    fn lookup_folds_case_and_spaces() {
        let c = acme();
        for name in ["acme-x1", "Acme X1", "  acme   x1 ", "X1", "x1", "ACME-X1"] {
            assert_eq!(c.resolve(name).unwrap().id(), "acme-x1", "{name}");
        }
        assert!(matches!(
            c.resolve("x series").unwrap(),
            Resolved::Family(_)
        ));
        assert!(matches!(
            c.resolve("Acme Rack").unwrap(),
            Resolved::System(_)
        ));
        assert_eq!(c.get("acme-x1").unwrap().kind(), "part");
        assert!(c.get("ACME-X1").is_none(), "get takes the exact ID");
        assert!(
            c.accelerator("acme-node").is_none(),
            "a system is not a part"
        );
        assert_eq!(c.part("Acme Rack").unwrap().id, "acme-s2");
    }

    #[test]
    fn unknown_and_ambiguous_names_are_errors() {
        let c = acme();
        assert_eq!(
            c.part("Acme X9").unwrap_err(),
            Error::UnknownPart {
                name: "Acme X9".into(),
                suggestions: vec!["part acme-x1".into(), "part acme-x2".into()]
            }
        );
        assert_eq!(
            c.part("X series").unwrap_err(),
            Error::AmbiguousPart {
                name: "X series".into(),
                family: "acme-x".into(),
                members: "acme-x1, acme-x2".into()
            }
        );
    }

    #[test]
    fn counts_convert_through_superchips_systems_and_gpu_parts() {
        let c = acme();
        let n = |count, unit| AcceleratorCount::new(count, unit);
        assert_eq!(
            c.gpus("acme-s2", n(10, CountingUnit::Superchip))
                .unwrap()
                .count(),
            20
        );
        // A GPU part counted in superchips goes through the superchip that holds it.
        assert_eq!(
            c.gpus("acme-x1", n(10, CountingUnit::Superchip))
                .unwrap()
                .count(),
            20
        );
        assert_eq!(
            c.gpus("acme-x1", n(3, CountingUnit::Node)).unwrap().count(),
            24
        );
        assert_eq!(
            c.gpus("acme-x1", n(2, CountingUnit::Rack)).unwrap().count(),
            144
        );
        assert_eq!(
            c.gpus("Acme Rack", n(2, CountingUnit::Rack))
                .unwrap()
                .count(),
            144
        );
        assert_eq!(
            c.gpus("Acme Rack", n(5, CountingUnit::Superchip))
                .unwrap()
                .count(),
            10
        );
        assert_eq!(
            c.gpus("acme-pod", n(7, CountingUnit::Gpu)).unwrap().count(),
            7
        );
        let pod = c.system("acme-pod").unwrap();
        assert_eq!(c.system_gpus(pod).unwrap(), 576);
        // GPUs are GPUs whichever family member is meant.
        assert_eq!(
            c.gpus("X series", n(14_000, CountingUnit::Gpu))
                .unwrap()
                .count(),
            14_000
        );
    }

    #[test]
    fn units_that_do_not_apply_are_errors() {
        let c = acme();
        let n = |count, unit| AcceleratorCount::new(count, unit);
        for (name, unit) in [
            ("acme-x2", CountingUnit::Superchip), // no superchip holds it
            ("acme-x2", CountingUnit::Node),      // no node is built from it
            ("acme-s2", CountingUnit::Node),
            ("Acme Node", CountingUnit::Rack),
            ("Acme Node", CountingUnit::Superchip),
            ("acme-pod", CountingUnit::Node), // pods have no counting unit
            ("acme-pod", CountingUnit::Rack),
        ] {
            let err = c.gpus(name, n(1, unit)).unwrap_err();
            assert!(
                matches!(&err, Error::UnitNotApplicable { unit: u, .. } if *u == unit),
                "{name} in {unit}: {err:?}"
            );
        }
        let err = c
            .gpus("acme-x2", n(1, CountingUnit::Superchip))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "acme-x2 cannot be counted in superchips: it is a GPU and no superchip in the catalog holds it"
        );
        // No member of the family can be counted in racks directly except through acme-s2's
        // GPU part, so the family's answer is the one rack system's.
        assert_eq!(c.gpus_per("X series", CountingUnit::Rack).unwrap(), 72);
    }

    #[test]
    fn overflow_is_an_error() {
        let c = acme();
        let many = AcceleratorCount::new(u64::MAX, CountingUnit::Superchip);
        assert!(matches!(
            c.gpus("acme-s2", many),
            Err(Error::Overflow { .. })
        ));
    }

    #[test]
    fn peak_scales_the_per_gpu_figure() {
        let c = acme();
        let n = |count, unit| AcceleratorCount::new(count, unit);
        // 20 PFLOP/s per 2-GPU superchip is 10 per GPU.
        assert_eq!(
            c.per_gpu_peak("acme-s2", Precision::Fp8, Sparsity::Sparse)
                .unwrap(),
            rate("10 PFLOP/s")
        );
        let rack = c
            .peak(
                "Acme Rack",
                n(1, CountingUnit::Rack),
                Precision::Fp8,
                Sparsity::Sparse,
            )
            .unwrap();
        assert_eq!(rack.to_string(), "720 PFLOP/s FP8 sparse peak");
        assert_eq!(rack.format.basis, Basis::Peak);
        // The family agrees on FP8 sparse but not on FP8 dense.
        assert_eq!(
            c.peak(
                "X series",
                n(100, CountingUnit::Gpu),
                Precision::Fp8,
                Sparsity::Sparse
            )
            .unwrap()
            .rate,
            rate("1 EFLOP/s")
        );
        assert!(matches!(
            c.peak("X series", n(100, CountingUnit::Gpu), Precision::Fp8, Sparsity::Dense),
            Err(Error::AmbiguousPart { family, .. }) if family == "acme-x"
        ));
        // Dense is never derived from sparse.
        assert_eq!(
            c.per_gpu_peak("acme-s2", Precision::Fp8, Sparsity::Dense)
                .unwrap_err(),
            Error::MissingFigure {
                part: "acme-s2".into(),
                figure: "FP8 dense peak".into()
            }
        );
        assert!(matches!(
            c.per_gpu_peak("X series", Precision::Fp4, Sparsity::Dense),
            Err(Error::MissingFigure { part, .. }) if part == "acme-x"
        ));
        // Only some members have a TDP: ambiguous, not a guess.
        assert!(matches!(
            c.per_gpu_tdp("acme-all"),
            Err(Error::AmbiguousPart { .. })
        ));
    }

    #[test]
    fn power_at_tdp_and_facility_power() {
        let c = acme();
        let node = AcceleratorCount::new(10, CountingUnit::Node);
        assert_eq!(c.tdp_power("acme-x1", node).unwrap(), power("80 kW"));
        assert_eq!(
            c.facility_power("acme-x1", node, 1.25).unwrap(),
            power("100 kW")
        );
        for pue in [0.99, f64::NAN, f64::INFINITY, -1.0] {
            assert!(matches!(
                c.facility_power("acme-x1", node, pue),
                Err(Error::InvalidValue {
                    quantity: "PUE",
                    ..
                })
            ));
        }
        assert_eq!(
            c.per_gpu_tdp("acme-s2").unwrap_err(),
            Error::MissingFigure {
                part: "acme-s2".into(),
                figure: "TDP".into()
            }
        );
    }

    #[test]
    fn derived_power_uses_the_tdp_not_the_other_tdps() {
        let mut c = acme();
        c.add_accelerator(
            Accelerator::superchip("acme-s1", "Acme S1", "acme", 1, 1)
                .with_tdp(RatedPower::new(power("1 kW"), "ACME").with_scope(PowerScope::Module))
                .with_other_tdp(
                    RatedPower::new(power("700 W"), "ACME")
                        .with_scope(PowerScope::Gpu)
                        .with_note("the GPU alone"),
                ),
        )
        .unwrap();
        assert_eq!(c.per_gpu_tdp("acme-s1").unwrap(), power("1 kW"));
        let part = c.accelerator("acme-s1").unwrap();
        assert_eq!(part.tdp.as_ref().unwrap().scope, Some(PowerScope::Module));
        assert_eq!(part.other_tdps.len(), 1);
        let md = c.markdown();
        assert!(md.contains("| 1 kW module<br>700 W gpu |"), "{md}");
        assert_eq!(
            (PowerScope::Gpu.tag(), PowerScope::Module.tag()),
            ("gpu", "module")
        );
    }

    #[test]
    fn adding_rejects_inconsistent_entries_and_leaves_the_catalog_unchanged() {
        let base = acme();
        let cases: Vec<(Accelerator, &str)> = vec![
            (Accelerator::gpu("acme-x1", "Another", "acme"), "id"),
            (Accelerator::gpu("Acme_X3", "Acme X3", "acme"), "id"),
            (Accelerator::gpu("acme-x3", "ACME  x1", "acme"), "name"),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_alias("x SERIES"),
                "aliases[0]",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_alias("X3")
                    .with_alias("x3"),
                "aliases[1]",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_alias(" "),
                "aliases[0]",
            ),
            (Accelerator::gpu("acme-x3", "", "acme"), "name"),
            (Accelerator::gpu("acme-x3", "Acme X3", ""), "vendor"),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_family("acme-y"),
                "family",
            ),
            (
                Accelerator::superchip("acme-s0", "Acme S0", "acme", 0, 1),
                "gpus",
            ),
            (
                Accelerator::superchip("acme-s0", "Acme S0", "acme", 2, 0),
                "cpus",
            ),
            (
                Accelerator::superchip("acme-s0", "Acme S0", "acme", 2, 1).with_gpu_part("acme-x9"),
                "gpu_part",
            ),
            (
                Accelerator::superchip("acme-s0", "Acme S0", "acme", 2, 1).with_gpu_part("acme-s2"),
                "gpu_part",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_gpu_part("acme-x1"),
                "gpu_part",
            ),
            (
                {
                    let mut two = Accelerator::gpu("acme-x3", "Acme X3", "acme");
                    two.gpus = 2;
                    two
                },
                "gpus",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_tdp(RatedPower::new(Power::ZERO, "ACME")),
                "tdp.power",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_tdp(RatedPower::new(power("1 kW"), "NOPE")),
                "tdp.source",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_other_tdp(
                    RatedPower::new(Power::ZERO, "ACME").with_scope(PowerScope::Gpu),
                ),
                "other_tdps[0].power",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_other_tdp(
                    RatedPower::new(power("700 W"), "NOPE").with_scope(PowerScope::Gpu),
                ),
                "other_tdps[0].source",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_other_tdp(RatedPower::new(power("700 W"), "ACME")),
                "other_tdps[0].scope",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_memory(Memory::new(0, "HBM3", "ACME")),
                "memory.gigabytes",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_memory_bandwidth(MemoryBandwidth::new(f64::NAN, "ACME")),
                "memory_bandwidth.terabytes_per_second",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme").with_peak(fig(
                    Precision::Fp4,
                    Sparsity::Dense,
                    "0 PFLOP/s",
                )),
                "peak[0].rate",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_peak(fig(Precision::Fp4, Sparsity::Dense, "1 PFLOP/s"))
                    .with_peak(fig(Precision::Fp4, Sparsity::Dense, "2 PFLOP/s")),
                "peak[1]",
            ),
            (
                Accelerator::gpu("acme-x3", "Acme X3", "acme")
                    .with_peak(
                        fig(Precision::Fp64, Sparsity::Dense, "2 TFLOP/s").with_core(Core::Tensor),
                    )
                    .with_peak(fig(Precision::Fp64, Sparsity::Dense, "1 TFLOP/s")),
                "peak[1].core",
            ),
        ];
        for (part, field) in cases {
            let mut c = base.clone();
            let err = c.add_accelerator(part.clone()).unwrap_err();
            assert_eq!(invalid_field(&err).1, field, "{part:?}: {err}");
            assert_eq!(c, base, "a failed add changes nothing");
        }
    }

    #[test]
    fn systems_families_and_sources_are_validated_too() {
        let mut c = acme();
        let err = c
            .add_system(System::new(
                "acme-big",
                "Big",
                SystemKind::Rack,
                "acme-x9",
                1,
                "ACME",
            ))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("acme-big", "part"));
        let err = c
            .add_system(System::new(
                "acme-big",
                "Big",
                SystemKind::Rack,
                "acme-x1",
                0,
                "ACME",
            ))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("acme-big", "units"));
        let err = c
            .add_system(System::new(
                "acme-big",
                "Big",
                SystemKind::Rack,
                "acme-x1",
                1,
                "NOPE",
            ))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("acme-big", "source"));
        let err = c
            .add_family(Family::new("acme-y", "Acme Y", "acme").with_member("acme-y1"))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("acme-y", "members[0]"));
        let err = c
            .add_source(Source::new("ACME", "Again", Provenance::ThirdParty))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("ACME", "key"));
        let err = c
            .add_source(Source::new("A B", "Spaced", Provenance::ThirdParty))
            .unwrap_err();
        assert_eq!(invalid_field(&err), ("A B", "key"));
        // A family and a part cannot share a name either.
        let err = c
            .add_family(Family::new("acme-z", "Acme Z", "acme").with_alias("Acme X1"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid catalog: 1 problem(s):\n  - family acme-z, aliases[0]: \"Acme X1\" already names the part acme-x1 (names are compared case-insensitively with spaces folded)"
        );
    }

    #[test]
    fn from_parts_reports_every_problem_and_allows_forward_references() {
        let source = Source::new("ACME", "Acme datasheet", Provenance::VendorDirect);
        // The superchip and the family come before the GPU they refer to.
        let ok = Catalog::from_parts(
            vec![source.clone()],
            vec![Family::new("acme-x", "Acme X", "acme").with_member("acme-x1")],
            vec![
                Accelerator::superchip("acme-s2", "Acme S2", "acme", 2, 1).with_gpu_part("acme-x1"),
                Accelerator::gpu("acme-x1", "Acme X1", "acme"),
            ],
            vec![],
        );
        assert!(ok.is_ok(), "{ok:?}");
        let problems = Catalog::from_parts(
            vec![source],
            vec![Family::new("acme-x", "Acme X", "acme").with_member("acme-x9")],
            vec![
                Accelerator::superchip("acme-s2", "Acme S2", "acme", 0, 0).with_gpu_part("acme-x8"),
                Accelerator::gpu("acme-x1", "Acme X1", "acme").with_family("acme-q"),
                Accelerator::gpu("acme-x1", "Acme X1 again", "acme"),
            ],
            vec![System::new(
                "acme-n",
                "N",
                SystemKind::Node,
                "acme-x7",
                8,
                "ZZ",
            )],
        )
        .unwrap_err();
        let fields = invalid_fields(&problems);
        assert_eq!(
            fields,
            [
                ("acme-s2", "gpus"),
                ("acme-s2", "cpus"),
                ("acme-x1", "family"),
                ("acme-x1", "id"),
                ("acme-s2", "gpu_part"),
                ("acme-x", "members[0]"),
                ("acme-n", "part"),
                ("acme-n", "source"),
            ]
        );
    }

    #[test]
    fn merge_adds_a_users_parts_and_rejects_clashes() {
        let mut all = acme();
        let mut mine = Catalog::new();
        mine.add_source(Source::new(
            "MINE",
            "My measurements",
            Provenance::ThirdParty,
        ))
        .unwrap();
        mine.add_accelerator(Accelerator::gpu("mine-m1", "My M1", "mine").with_peak(
            PeakFigure::new(Precision::Bf16, Sparsity::Dense, rate("1 PFLOP/s"), "MINE"),
        ))
        .unwrap();
        all.merge(&mine).unwrap();
        let bf16 = all
            .peak(
                "My M1",
                AcceleratorCount::gpus(3),
                Precision::Bf16,
                Sparsity::Dense,
            )
            .unwrap();
        assert_eq!(bf16.rate, rate("3 PFLOP/s"));
        let before = all.clone();
        let err = all.merge(&mine).unwrap_err();
        assert_eq!(invalid_field(&err), ("MINE", "key"));
        assert_eq!(all, before);
    }
}

#[cfg(feature = "dataset")]
mod built_in {
    use super::*;
    use proptest::prelude::*;

    /// `a` and `b` agree to 12 significant digits (the data is decimal, the arithmetic binary).
    fn assert_close(a: ComputeRate, b: ComputeRate, what: &str) {
        let (a, b) = (a.base_value(), b.base_value());
        assert!(
            (a - b).abs() <= 1e-12 * a.abs().max(b.abs()),
            "{what}: {a:e} != {b:e}"
        );
    }

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("the built-in catalog is valid")
    }

    fn n(count: u64, unit: CountingUnit) -> AcceleratorCount {
        AcceleratorCount::new(count, unit)
    }

    fn peak(name: &str, count: AcceleratorCount, p: Precision, s: Sparsity) -> ComputeRate {
        catalog().peak(name, count, p, s).unwrap().rate
    }

    #[test]
    fn the_built_in_catalog_loads_and_is_shared() {
        let c = catalog();
        assert!(std::ptr::eq(c, Catalog::builtin().unwrap()));
        assert_eq!(c.accelerators().len(), 65);
        assert_eq!(c.systems().len(), 27);
        assert_eq!(c.families().len(), 29);
        assert_eq!(c.sources().len(), 74);
    }

    #[test]
    fn dgx_b200_is_72_pf_fp8_and_144_pf_fp4_sparse() {
        let node = n(1, CountingUnit::Node);
        assert_eq!(
            peak("DGX B200", node, Precision::Fp8, Sparsity::Sparse),
            rate("72 PFLOP/s")
        );
        assert_eq!(
            peak("DGX B200", node, Precision::Fp4, Sparsity::Sparse),
            rate("144 PFLOP/s")
        );
        // The same from the part: 8 B200 GPUs.
        assert_eq!(
            peak(
                "B200",
                AcceleratorCount::gpus(8),
                Precision::Fp4,
                Sparsity::Sparse
            ),
            rate("144 PFLOP/s")
        );
    }

    #[test]
    fn gb200_nvl72_is_1440_pf_fp4_sparse_and_720_dense() {
        let rack = n(1, CountingUnit::Rack);
        assert_eq!(
            peak("GB200 NVL72", rack, Precision::Fp4, Sparsity::Sparse),
            rate("1,440 PFLOP/s")
        );
        assert_eq!(
            peak("GB200 NVL72", rack, Precision::Fp4, Sparsity::Dense),
            rate("720 PFLOP/s")
        );
        // 36 superchips, or 72 GPUs, give the same.
        assert_eq!(
            peak(
                "GB200",
                n(36, CountingUnit::Superchip),
                Precision::Fp4,
                Sparsity::Sparse
            ),
            rate("1,440 PFLOP/s")
        );
        assert_eq!(
            peak(
                "GB200 GPU",
                AcceleratorCount::gpus(72),
                Precision::Fp4,
                Sparsity::Sparse
            ),
            rate("1,440 PFLOP/s")
        );
    }

    #[test]
    fn gb300_nvl72_fp4_dense_is_1080_pf_not_half_of_sparse() {
        let rack = n(1, CountingUnit::Rack);
        let sparse = peak("GB300 NVL72", rack, Precision::Fp4, Sparsity::Sparse);
        let dense = peak("GB300 NVL72", rack, Precision::Fp4, Sparsity::Dense);
        assert_eq!(sparse, rate("1,440 PFLOP/s"));
        assert_eq!(dense, rate("1,080 PFLOP/s"));
        assert_eq!(dense.ratio(sparse).unwrap(), 0.75);
        // B300: the HGX B300's published 108 PF dense / 8 GPUs.
        assert_eq!(
            catalog()
                .per_gpu_peak("B300", Precision::Fp4, Sparsity::Dense)
                .unwrap(),
            rate("13.5 PFLOP/s")
        );
    }

    #[test]
    fn h100_sxm_bf16_dense_is_half_of_the_published_1979_sparse() {
        let c = catalog();
        let h100 = c.part("H100").unwrap();
        assert_eq!(h100.id, "nvidia-h100-sxm");
        let sparse = h100.figure(Precision::Bf16, Sparsity::Sparse).unwrap();
        assert_eq!(sparse.rate, rate("1,979 TFLOP/s"));
        assert_eq!(sparse.derivation, Derivation::Published);
        // NVIDIA prints 1,979 TFLOP/s sparse and "dense is one-half sparse"; the data stores
        // 989.5 TFLOP/s, marked derived. It is the "989 TFLOP/s" commonly quoted.
        let dense = h100.figure(Precision::Bf16, Sparsity::Dense).unwrap();
        assert_eq!(dense.rate, rate("989.5 TFLOP/s"));
        assert_eq!(dense.derivation, Derivation::Derived);
        let quoted = rate("989 TFLOP/s");
        assert!(dense.rate.ratio(quoted).unwrap() - 1.0 < 1e-3);
        assert_eq!(
            c.per_gpu_peak("NVIDIA H100 SXM5 80GB", Precision::Bf16, Sparsity::Dense)
                .unwrap(),
            rate("989.5 TFLOP/s")
        );
    }

    #[test]
    fn fp64_picks_the_tensor_core_figure() {
        let c = catalog();
        assert_eq!(
            c.per_gpu_peak("H100", Precision::Fp64, Sparsity::Dense)
                .unwrap(),
            rate("67 TFLOP/s")
        );
        let vector = c
            .part("H100")
            .unwrap()
            .core_figure(Some(Core::Vector), Precision::Fp64, Sparsity::Dense)
            .unwrap();
        assert_eq!(vector.rate, rate("34 TFLOP/s"));
        assert_eq!(
            c.per_gpu_peak("MI250X", Precision::Fp64, Sparsity::Dense)
                .unwrap(),
            rate("95.7 TFLOP/s")
        );
        // B300 quotes one FP64 figure with no core.
        assert_eq!(
            c.per_gpu_peak("B300", Precision::Fp64, Sparsity::Dense)
                .unwrap(),
            rate("1.2 TFLOP/s")
        );
    }

    #[test]
    fn amd_figures_are_the_white_paper_tables() {
        let c = catalog();
        let cases = [
            (
                "AMD Instinct MI300X",
                Precision::Fp8,
                Sparsity::Sparse,
                "5,229.8 TFLOP/s",
            ),
            (
                "MI300X",
                Precision::Bf16,
                Sparsity::Dense,
                "1,307.4 TFLOP/s",
            ),
            ("MI325X", Precision::Fp8, Sparsity::Dense, "2,614.9 TFLOP/s"),
            ("MI355X", Precision::Fp4, Sparsity::Dense, "10 PFLOP/s"),
            ("MI350X", Precision::Fp4, Sparsity::Sparse, "18.5 PFLOP/s"),
            ("MI300A", Precision::Fp64, Sparsity::Dense, "122.6 TFLOP/s"),
        ];
        for (name, p, s, expected) in cases {
            assert_eq!(
                c.per_gpu_peak(name, p, s).unwrap(),
                rate(expected),
                "{name} {p} {s}"
            );
        }
    }

    #[test]
    fn every_published_system_total_is_units_times_the_part() {
        let c = catalog();
        let mut checked = 0;
        for system in c.systems() {
            let part = c.accelerator(system.part.as_str()).unwrap();
            for total in &system.peak {
                let per_part = part
                    .core_figure(total.core, total.precision, total.sparsity)
                    .unwrap_or_else(|| panic!("{} has no figure for {total:?}", part.id));
                let expected = per_part
                    .rate
                    .checked_scale(f64::from(system.units))
                    .unwrap();
                assert_close(total.rate, expected, &format!("{} {:?}", system.id, total));
                // Through the conversions, for the figure `peak` picks.
                if let Some(unit) = system.kind.counting_unit()
                    && part.figure(total.precision, total.sparsity) == Some(per_part)
                {
                    let computed = c
                        .peak(
                            system.id.as_str(),
                            n(1, unit),
                            total.precision,
                            total.sparsity,
                        )
                        .unwrap();
                    assert_close(computed.rate, total.rate, system.id.as_str());
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 36);
    }

    #[test]
    fn every_name_in_the_data_resolves_to_its_entry() {
        let c = catalog();
        let entries = c
            .families()
            .iter()
            .map(Resolved::Family)
            .chain(c.accelerators().iter().map(Resolved::Accelerator))
            .chain(c.systems().iter().map(Resolved::System));
        let mut checked = 0;
        for entry in entries {
            let names = [entry.id(), entry.name()]
                .into_iter()
                .chain(entry.aliases().iter().map(String::as_str));
            for name in names {
                for variant in [
                    name.to_owned(),
                    name.to_uppercase(),
                    format!("  {}  ", name.replace(' ', "   ")),
                ] {
                    assert_eq!(c.resolve(&variant).unwrap().id(), entry.id(), "{variant:?}");
                }
                checked += 1;
            }
        }
        assert!(checked > 250, "{checked}");
    }

    #[test]
    fn names_from_the_issue_resolve_as_documented() {
        let c = catalog();
        for (name, id) in [
            ("GB200", "nvidia-gb200"),
            ("NVIDIA GB200", "nvidia-gb200"),
            ("NVIDIA H100 SXM5 80GB", "nvidia-h100-sxm"),
            ("AMD Instinct MI250X", "amd-mi250x"),
            ("B200", "nvidia-b200"),
            ("DGX B200", "nvidia-dgx-b200"),
            ("GB200 NVL72", "nvidia-gb200-nvl72"),
            ("RTX PRO Server", "nvidia-rtx-pro-server"),
        ] {
            assert_eq!(c.resolve(name).unwrap().id(), id, "{name}");
        }
        for (name, family) in [
            ("Blackwell", "nvidia-blackwell"),
            ("Grace Blackwell", "nvidia-grace-blackwell"),
            ("Hopper", "nvidia-hopper"),
            ("A100", "nvidia-a100"),
            ("Ampere", "nvidia-ampere"),
            ("NVIDIA V100", "nvidia-volta"),
            ("NVIDIA Tesla P100", "nvidia-pascal"),
            ("Blackwell Ultra", "nvidia-blackwell-ultra"),
            ("MI300", "amd-instinct-mi300"),
        ] {
            match c.resolve(name).unwrap() {
                Resolved::Family(f) => assert_eq!(f.id, family),
                other => panic!("{name} resolved to {}", other.id()),
            }
            assert!(
                matches!(c.part(name), Err(Error::AmbiguousPart { family: f, .. }) if f == family),
                "{name}"
            );
        }
        assert_eq!(
            c.part("Blackwell").unwrap_err().to_string(),
            "ambiguous hardware \"Blackwell\": it names the family nvidia-blackwell (nvidia-b200, nvidia-gb200-gpu, nvidia-gb200, nvidia-rtx-pro-6000-server); name one part"
        );
    }

    #[test]
    fn conversions_to_gpus() {
        let c = catalog();
        let gpus = |name: &str, count: AcceleratorCount| c.gpus(name, count).unwrap();
        assert_eq!(
            gpus("GB200", n(18_000, CountingUnit::Superchip)),
            AcceleratorCount::gpus(36_000)
        );
        assert_eq!(
            gpus("GB200 NVL72", n(250, CountingUnit::Rack)),
            AcceleratorCount::gpus(18_000)
        );
        assert_eq!(gpus("GB200", n(250, CountingUnit::Rack)).count(), 18_000);
        assert_eq!(
            gpus("GB200 GPU", n(18_000, CountingUnit::Superchip)).count(),
            36_000
        );
        assert_eq!(gpus("GH200", n(100, CountingUnit::Superchip)).count(), 100);
        assert_eq!(
            gpus("DGX B200", n(1_000, CountingUnit::Node)).count(),
            8_000
        );
        assert_eq!(gpus("B200", n(1_000, CountingUnit::Node)).count(), 8_000);
        assert_eq!(
            gpus("RTX PRO Server", n(10, CountingUnit::Node)).count(),
            80
        );
        assert_eq!(
            gpus("Blackwell", AcceleratorCount::gpus(14_000)).count(),
            14_000
        );
        // "18,000 Grace Blackwell superchips": GB200 or GB300, two GPUs either way.
        assert_eq!(
            gpus("Grace Blackwell", n(18_000, CountingUnit::Superchip)).count(),
            36_000
        );
        let su = c.system("nvidia-dgx-superpod-gb200-su").unwrap();
        assert_eq!(c.system_gpus(su).unwrap(), 576);
    }

    #[test]
    fn a_family_converts_only_where_its_members_agree() {
        let c = catalog();
        let superchips = n(18_000, CountingUnit::Superchip);
        // GB200 and GB300 both do 20 PF FP4 sparse per GPU ...
        let sparse = c
            .peak(
                "Grace Blackwell",
                superchips,
                Precision::Fp4,
                Sparsity::Sparse,
            )
            .unwrap();
        assert_eq!(sparse.rate, rate("720 EFLOP/s"));
        // ... but 10 and 15 PF dense.
        assert!(matches!(
            c.peak(
                "Grace Blackwell",
                superchips,
                Precision::Fp4,
                Sparsity::Dense
            ),
            Err(Error::AmbiguousPart { .. })
        ));
        assert!(matches!(
            c.peak(
                "Blackwell",
                AcceleratorCount::gpus(14_000),
                Precision::Fp4,
                Sparsity::Sparse
            ),
            Err(Error::AmbiguousPart { .. })
        ));
        // Racks of Blackwell parts: only the GB200 NVL72 qualifies.
        assert_eq!(c.gpus_per("Blackwell", CountingUnit::Rack).unwrap(), 72);
    }

    #[test]
    fn errors_for_wrong_units_missing_figures_and_unknown_names() {
        let c = catalog();
        assert!(matches!(
            c.gpus("B200", n(10, CountingUnit::Superchip)),
            Err(Error::UnitNotApplicable { part, unit: CountingUnit::Superchip, .. }) if part == "nvidia-b200"
        ));
        assert!(matches!(
            c.gpus("H100", n(10, CountingUnit::Rack)),
            Err(Error::UnitNotApplicable { .. })
        ));
        assert!(matches!(
            c.gpus("DGX B200", n(10, CountingUnit::Rack)),
            Err(Error::UnitNotApplicable { .. })
        ));
        assert!(matches!(
            c.gpus("DGX SuperPOD GB200 SU", n(1, CountingUnit::Node)),
            Err(Error::UnitNotApplicable { .. })
        ));
        assert_eq!(
            c.per_gpu_peak("H100", Precision::Fp4, Sparsity::Sparse)
                .unwrap_err(),
            Error::MissingFigure {
                part: "nvidia-h100-sxm".into(),
                figure: "FP4 sparse peak".into()
            }
        );
        // B300 TF32 is published sparse only: no 2:1 guess.
        assert!(matches!(
            c.per_gpu_peak("B300", Precision::Tf32, Sparsity::Dense),
            Err(Error::MissingFigure { .. })
        ));
        assert!(matches!(
            c.tdp_power("GB200 NVL72", n(1, CountingUnit::Rack)),
            Err(Error::MissingFigure { figure, .. }) if figure == "TDP"
        ));
        assert!(matches!(c.resolve("H1000"), Err(Error::UnknownPart { .. })));
        assert!(matches!(
            c.peak(
                "",
                AcceleratorCount::gpus(1),
                Precision::Fp8,
                Sparsity::Dense
            ),
            Err(Error::UnknownPart { .. })
        ));
    }

    #[test]
    fn power_at_tdp() {
        let c = catalog();
        assert_eq!(
            c.tdp_power("DGX B200", n(10, CountingUnit::Node)).unwrap(),
            power("80 kW")
        );
        assert_eq!(
            c.tdp_power("GB300", AcceleratorCount::gpus(1))
                .unwrap_err()
                .to_string(),
            "nvidia-gb300 has no published TDP figure; the catalog does not guess missing figures"
        );
        assert_eq!(
            c.facility_power("H100", AcceleratorCount::gpus(10_000), 1.2)
                .unwrap(),
            power("8.4 MW")
        );
        // GH200's TDP covers the whole module.
        assert_eq!(c.per_gpu_tdp("GH200").unwrap(), power("1000 W"));
        // A system's own power is kept as published.
        let nvl72 = c.system("nvidia-gb300-nvl72").unwrap();
        assert_eq!(nvl72.power.as_ref().unwrap().power, power("142 kW"));
    }

    #[test]
    fn gh200_holds_the_module_tdp_and_the_gpu_only_figure_labelled() {
        let gh200 = catalog().part("GH200").unwrap();
        let tdp = gh200.tdp.as_ref().unwrap();
        assert_eq!(
            (tdp.power, tdp.scope),
            (power("1 kW"), Some(PowerScope::Module))
        );
        let gpu: Vec<_> = gh200
            .other_tdps
            .iter()
            .filter(|t| t.scope == Some(PowerScope::Gpu))
            .collect();
        assert_eq!(gpu.len(), 1);
        assert_eq!(gpu[0].power, power("700 W"));
        assert_eq!(gpu[0].derivation, Derivation::ThirdParty);
        // Derived power keeps using the module's figure.
        assert_eq!(catalog().per_gpu_tdp("GH200").unwrap(), power("1000 W"));
        assert!(
            catalog()
                .markdown()
                .contains("| 1 kW module<br>700 W gpu† |")
        );
    }

    #[test]
    fn older_custom_and_system_entries_convert_as_documented() {
        let c = catalog();
        // TOP500's "NVIDIA HGX H100" is the GPU; the platform answers to its 8-GPU name.
        assert_eq!(
            c.resolve("NVIDIA HGX H100").unwrap().id(),
            "nvidia-h100-sxm"
        );
        assert_eq!(
            c.resolve("HGX H100 8-GPU").unwrap().id(),
            "nvidia-hgx-h100-8gpu"
        );
        assert_eq!(
            c.gpus("DGX H100", n(10, CountingUnit::Node)).unwrap(),
            AcceleratorCount::gpus(80)
        );
        let dgx_a100 = c.system("nvidia-dgx-a100").unwrap();
        assert_eq!(dgx_a100.power.as_ref().unwrap().power, power("6.5 kW"));
        // Every A100 variant shares NVIDIA's compute column, so the family name converts ...
        assert_eq!(
            c.per_gpu_peak("A100", Precision::Fp64, Sparsity::Dense)
                .unwrap(),
            rate("19.5 TFLOP/s")
        );
        // ... but not to power: 250, 300 and 400 W.
        assert!(matches!(
            c.per_gpu_tdp("A100"),
            Err(Error::AmbiguousPart { .. })
        ));
        // The V100 SXM2 modules agree on compute and power whatever their memory.
        assert_eq!(
            c.peak(
                "NVIDIA Tesla V100 SXM2",
                AcceleratorCount::gpus(1_000),
                Precision::Fp16,
                Sparsity::Dense
            )
            .unwrap()
            .rate,
            rate("125 PFLOP/s")
        );
        assert_eq!(c.per_gpu_tdp("Tesla V100 SXM2").unwrap(), power("300 W"));
        // A K80 is one board of two GK210 GPUs, counted as one unit.
        assert_eq!(
            c.per_gpu_peak("NVIDIA Tesla K80", Precision::Fp64, Sparsity::Dense)
                .unwrap(),
            rate("2.91 TFLOP/s")
        );
        // The custom EuroHPC parts resolve but have no published figures.
        for name in [
            "NVIDIA A100 SXM4 64 GB",
            "NVIDIA H100 64GB",
            "Nvidia H100 SXM5 94Gb",
        ] {
            assert!(
                matches!(
                    c.per_gpu_peak(name, Precision::Fp64, Sparsity::Dense),
                    Err(Error::MissingFigure { .. })
                ),
                "{name}"
            );
        }
        // The H100 NVL's Tensor figures are per GPU, sparse as printed and dense derived.
        let nvl = c.part("H100 NVL").unwrap();
        let dense = nvl.figure(Precision::Bf16, Sparsity::Dense).unwrap();
        assert_eq!(
            (dense.rate, dense.derivation),
            (rate("835.5 TFLOP/s"), Derivation::Derived)
        );
    }

    /// Parts whose figures differ from Epoch AI's ML-hardware table by more than 1%: each
    /// note says which source the catalog follows, and data/CATALOG.md lists the deviation.
    #[test]
    fn deviations_from_epoch_ai_are_explained() {
        let page = include_str!("../data/CATALOG.md");
        let (_, deviations) = page
            .split_once("## Deviations from Epoch AI")
            .expect("data/CATALOG.md has a deviations section");
        for id in [
            "nvidia-h100-sxm",
            "nvidia-h200-sxm",
            "nvidia-gh200",
            "nvidia-h100-pcie",
            "nvidia-b200",
            "nvidia-gb200-gpu",
            "nvidia-b300",
            "amd-mi355x",
            "amd-mi250x",
            "nvidia-v100-sxm2-16gb",
            "nvidia-v100-sxm2-32gb",
            "nvidia-p100-pcie-16gb",
            "nvidia-p100-pcie-12gb",
            "nvidia-k80",
            "nvidia-k40",
            "nvidia-quadro-rtx-5000",
        ] {
            let part = catalog().accelerator(id).unwrap();
            assert!(
                part.note.as_deref().is_some_and(|n| n.contains("Epoch AI")),
                "{id}: the note must say how the catalog differs from Epoch AI"
            );
            assert!(
                deviations.contains(&format!("| {id} |")),
                "{id} is not in data/CATALOG.md's deviations table"
            );
        }
        // GB200's FP64: the catalog holds NVIDIA's 2025 figure and keeps the 2024 one in notes.
        let nvl72 = catalog().system("nvidia-gb200-nvl72").unwrap();
        assert!(nvl72.note.as_deref().unwrap().contains("3,240 TF"));
    }

    #[test]
    fn absent_figures_are_absent_not_zero() {
        for part in catalog().accelerators() {
            for figure in &part.peak {
                assert!(figure.rate > ComputeRate::ZERO, "{}", part.id);
            }
        }
        let gb200 = catalog().part("GB200").unwrap();
        assert!(gb200.tdp.is_none());
    }

    #[test]
    fn a_users_part_extends_the_built_in_catalog() {
        let mut c = catalog().clone();
        let mut mine = Catalog::new();
        mine.add_source(Source::new("ME", "My benchmark", Provenance::ThirdParty))
            .unwrap();
        mine.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_peak(
            PeakFigure::new(Precision::Fp8, Sparsity::Dense, rate("2 PFLOP/s"), "ME"),
        ))
        .unwrap();
        c.merge(&mine).unwrap();
        assert_eq!(c.accelerators().len(), catalog().accelerators().len() + 1);
        assert_eq!(
            c.peak(
                "acme x1",
                AcceleratorCount::gpus(500),
                Precision::Fp8,
                Sparsity::Dense
            )
            .unwrap()
            .rate,
            rate("1 EFLOP/s")
        );
        // Parts may join built-in families and cite built-in sources when added one by one.
        c.add_accelerator(
            Accelerator::gpu("nvidia-b200-custom", "My B200 variant", "nvidia")
                .with_family("nvidia-blackwell")
                .with_tdp(RatedPower::new(power("900 W"), "B1")),
        )
        .unwrap();
        let blackwell = c.family("nvidia-blackwell").unwrap();
        assert_eq!(c.members(blackwell).count(), 5);
        // A name already taken is rejected.
        let clash = Accelerator::gpu("acme-h100", "Acme H100", "acme").with_alias("h100");
        let err = c.add_accelerator(clash).unwrap_err();
        assert_eq!(invalid_field(&err), ("acme-h100", "aliases[0]"));
    }

    fn all_names() -> Vec<String> {
        let c = catalog();
        c.accelerators()
            .iter()
            .flat_map(|a| a.aliases.clone())
            .chain(c.systems().iter().flat_map(|s| s.aliases.clone()))
            .chain(c.families().iter().flat_map(|f| f.aliases.clone()))
            .collect()
    }

    proptest! {
        #[test]
        fn lookup_never_panics(name in any::<String>(), count in any::<u64>(), unit in 0usize..4, precision in 0usize..9, sparse in any::<bool>()) {
            let c = catalog();
            let unit = CountingUnit::ALL[unit];
            let precision = Precision::ALL[precision];
            let sparsity = if sparse { Sparsity::Sparse } else { Sparsity::Dense };
            let _ = c.resolve(&name);
            let _ = c.part(&name);
            let count = AcceleratorCount::new(count, unit);
            let _ = c.gpus(&name, count);
            let _ = c.peak(&name, count, precision, sparsity);
            let _ = c.facility_power(&name, count, 1.5);
        }

        #[test]
        fn conversions_of_known_names_never_panic(
            name in prop::sample::select(all_names()),
            upper in any::<bool>(),
            count in any::<u64>(),
            unit in 0usize..4,
            precision in 0usize..9,
        ) {
            let c = catalog();
            let name = if upper { name.to_uppercase() } else { name };
            prop_assert!(c.resolve(&name).is_ok());
            let count = AcceleratorCount::new(count, CountingUnit::ALL[unit]);
            let _ = c.gpus(&name, count);
            let _ = c.peak(&name, count, Precision::ALL[precision], Sparsity::Dense);
            let _ = c.tdp_power(&name, count);
        }
    }
}

#[cfg(feature = "serde")]
mod json {
    use super::*;
    use serde_json::{Value, json};

    const DATA: &str = include_str!("../data/catalog.json");

    fn data() -> Value {
        serde_json::from_str(DATA).unwrap()
    }

    fn load(value: &Value) -> Result<Catalog, Error> {
        Catalog::from_json(&value.to_string())
    }

    fn index_of(value: &Value, list: &str, id: &str) -> usize {
        value[list]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["id"] == id)
            .unwrap()
    }

    #[test]
    fn the_data_file_is_valid() {
        if let Err(e) = Catalog::from_json(DATA) {
            panic!("{e}");
        }
    }

    /// Quantity strings and numbers compare by value ("5.0 PFLOP/s" = "5 PFLOP/s", 80 = 80.0),
    /// nulls as absent.
    fn normalized(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k, normalized(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(normalized).collect()),
            // `80` and `80.0` are the same figure.
            Value::Number(n) => json!(n.as_f64()),
            Value::String(s) => {
                if let Ok(r) = s.parse::<ComputeRate>() {
                    json!({ "rate": r.base_value() })
                } else if let Ok(p) = s.parse::<Power>() {
                    json!({ "power": p.base_value() })
                } else {
                    Value::String(s)
                }
            }
            other => other,
        }
    }

    #[test]
    fn round_trip_is_exact() {
        let catalog = Catalog::from_json(DATA).unwrap();
        let written = catalog.to_json().unwrap();
        let again = Catalog::from_json(&written).unwrap();
        assert_eq!(again, catalog);
        assert_eq!(again.to_json().unwrap(), written);
        // Nothing in the file is dropped or changed: the same document up to spelling.
        let written: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(normalized(written), normalized(data()));
        // And through serde directly.
        let via_serde: Catalog = serde_json::from_str(DATA).unwrap();
        assert_eq!(via_serde, catalog);
    }

    #[test]
    fn a_duplicate_alias_is_an_error_whatever_its_case() {
        let mut doc = data();
        let h200 = index_of(&doc, "accelerators", "nvidia-h200-sxm");
        doc["accelerators"][h200]["aliases"]
            .as_array_mut()
            .unwrap()
            .push(json!("nvidia  H100"));
        let err = load(&doc).unwrap_err();
        assert_eq!(invalid_field(&err), ("nvidia-h200-sxm", "aliases[11]"));
        assert!(
            err.to_string()
                .contains("already names the part nvidia-h100-sxm"),
            "{err}"
        );
    }

    #[test]
    fn a_duplicate_id_is_an_error() {
        let mut doc = data();
        let copy = doc["accelerators"][0].clone();
        let mut copy = copy;
        copy["aliases"] = json!([]);
        copy["name"] = json!("Copy");
        doc["accelerators"].as_array_mut().unwrap().push(copy);
        let err = load(&doc).unwrap_err();
        assert_eq!(invalid_field(&err), ("nvidia-a100-sxm-40gb", "id"));
        assert!(err.to_string().contains("duplicate ID"), "{err}");
    }

    #[test]
    fn dangling_references_are_errors() {
        let mut doc = data();
        let nvl72 = index_of(&doc, "systems", "nvidia-gb200-nvl72");
        doc["systems"][nvl72]["part"] = json!("nvidia-gb900");
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-gb200-nvl72", "part")
        );

        let mut doc = data();
        let members = doc["families"][0]["members"].as_array_mut().unwrap();
        members.push(json!("nvidia-a200"));
        let field = format!("members[{}]", members.len() - 1);
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-ampere", field.as_str())
        );

        let mut doc = data();
        let b200 = index_of(&doc, "accelerators", "nvidia-b200");
        doc["accelerators"][b200]["peak"][0]["source"] = json!("ZZ");
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-b200", "peak[0].source")
        );

        let mut doc = data();
        let gb200 = index_of(&doc, "accelerators", "nvidia-gb200");
        doc["accelerators"][gb200]["gpu_part"] = json!("nvidia-gb200-cpu");
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-gb200", "gpu_part")
        );
    }

    #[test]
    fn zero_figures_and_superchips_without_gpus_are_errors() {
        let mut doc = data();
        let b200 = index_of(&doc, "accelerators", "nvidia-b200");
        doc["accelerators"][b200]["peak"][1]["rate"] = json!("0 PFLOP/s");
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-b200", "peak[1].rate")
        );

        let mut doc = data();
        doc["accelerators"][b200]["tdp"]["power"] = json!("0 W");
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-b200", "tdp.power")
        );

        let mut doc = data();
        let gb200 = index_of(&doc, "accelerators", "nvidia-gb200");
        doc["accelerators"][gb200]["gpus"] = json!(0);
        assert_eq!(
            invalid_field(&load(&doc).unwrap_err()),
            ("nvidia-gb200", "gpus")
        );
    }

    #[test]
    fn an_unknown_field_is_an_error_with_its_path() {
        let mut doc = data();
        doc["accelerators"][3]["peak"][2]["sparsity_note"] = json!("x");
        match load(&doc).unwrap_err() {
            Error::Json { path, message } => {
                assert_eq!(path, "accelerators[3].peak[2].sparsity_note");
                assert!(
                    message.contains("unknown field `sparsity_note`"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
        // A bare number where a quantity is expected is an error too.
        let mut doc = data();
        doc["accelerators"][0]["tdp"]["power"] = json!(400);
        assert!(
            matches!(load(&doc), Err(Error::Json { path, .. }) if path == "accelerators[0].tdp.power")
        );
    }

    #[test]
    fn another_schema_version_is_reported_as_such() {
        let mut doc = data();
        doc["schema_version"] = json!(2);
        doc["new_section"] = json!([]);
        assert_eq!(
            load(&doc).unwrap_err(),
            Error::UnsupportedSchemaVersion {
                found: 2,
                supported: 1
            }
        );
        let mut doc = data();
        doc.as_object_mut().unwrap().remove("schema_version");
        assert!(matches!(load(&doc), Err(Error::Json { .. })));
        assert!(matches!(Catalog::from_json("{"), Err(Error::Json { .. })));
    }

    #[test]
    fn from_json_reports_every_problem() {
        let mut doc = data();
        let b200 = index_of(&doc, "accelerators", "nvidia-b200");
        doc["accelerators"][b200]["peak"][1]["rate"] = json!("0 PFLOP/s");
        doc["accelerators"][b200]["family"] = json!("nvidia-rubin");
        let nvl72 = index_of(&doc, "systems", "nvidia-gb200-nvl72");
        doc["systems"][nvl72]["units"] = json!(0);
        let err = Catalog::from_json(&doc.to_string()).unwrap_err();
        let fields = invalid_fields(&err);
        assert_eq!(
            fields,
            [
                ("nvidia-b200", "family"),
                ("nvidia-b200", "peak[1].rate"),
                ("nvidia-gb200-nvl72", "units"),
            ]
        );
    }

    #[test]
    fn extend_from_json_may_refer_to_the_base() {
        let mut catalog = Catalog::from_json(DATA).unwrap();
        catalog
            .extend_from_json(
                r#"{"schema_version": 1, "accelerators": [{
                    "id": "nvidia-b200-oem", "name": "OEM B200", "vendor": "nvidia",
                    "family": "nvidia-blackwell", "form": "gpu",
                    "tdp": {"power": "1.2 kW", "source": "B1", "derivation": "third-party"}
                }]}"#,
            )
            .unwrap();
        assert_eq!(catalog.per_gpu_tdp("OEM B200").unwrap(), power("1200 W"));
        let before = catalog.clone();
        let clash = r#"{"schema_version": 1, "accelerators": [
            {"id": "x-1", "name": "GB200", "vendor": "x", "form": "gpu"}]}"#;
        assert!(catalog.extend_from_json(clash).is_err());
        assert_eq!(catalog, before);
    }
}

/// The tables in the docs and in `data/CATALOG.md` are `Catalog::markdown()` of the built-in
/// data. Regenerate with `UPDATE_CATALOG_DOCS=1 cargo test --test catalog`.
#[cfg(feature = "dataset")]
mod docs {
    use super::*;

    const BEGIN: &str = "<!-- BEGIN GENERATED by Catalog::markdown(); regenerate with UPDATE_CATALOG_DOCS=1 cargo test --test catalog -->\n";
    const END: &str = "<!-- END GENERATED -->";

    fn path(relative: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
    }

    fn update() -> bool {
        std::env::var_os("UPDATE_CATALOG_DOCS").is_some()
    }

    #[test]
    fn module_docs_table_is_current() {
        let rendered = Catalog::builtin().unwrap().markdown();
        let file = path("src/catalog/reference.md");
        if update() {
            std::fs::write(&file, &rendered).unwrap();
        }
        let committed = std::fs::read_to_string(&file).unwrap();
        assert!(
            committed == rendered,
            "src/catalog/reference.md is stale; run UPDATE_CATALOG_DOCS=1 cargo test --test catalog"
        );
    }

    #[test]
    fn provenance_page_tables_are_current() {
        let rendered = Catalog::builtin().unwrap().markdown();
        let file = path("data/CATALOG.md");
        let page = std::fs::read_to_string(&file).unwrap();
        let (head, rest) = page
            .split_once(BEGIN)
            .expect("CATALOG.md has the BEGIN marker");
        let (block, tail) = rest.split_once(END).expect("CATALOG.md has the END marker");
        if update() {
            std::fs::write(&file, format!("{head}{BEGIN}{rendered}{END}{tail}")).unwrap();
        } else {
            assert!(
                block == rendered,
                "data/CATALOG.md tables are stale; run UPDATE_CATALOG_DOCS=1 cargo test --test catalog"
            );
        }
    }

    #[test]
    fn every_part_is_in_the_table() {
        let rendered = Catalog::builtin().unwrap().markdown();
        for part in Catalog::builtin().unwrap().accelerators() {
            assert!(
                rendered.contains(&format!("| {} |", part.id)),
                "{}",
                part.id
            );
        }
        assert!(rendered.contains(
            "| nvidia-gb200-nvl72 | NVIDIA GB200 NVL72 | rack | 36 × nvidia-gb200 | 72 | 120 kW† |"
        ));
    }
}
