//! The non-NVIDIA accelerators of the built-in catalog (Intel, Huawei, Google TPU, AWS,
//! Cerebras, Microsoft, Groq, PEZY, Tesla, older AMD Instinct): every entry is built in, every
//! spelling of `tests/data/hardware-spellings-others.csv` resolves to its entry, figures match the vendors' documents, and `data/CATALOG-non-nvidia.md` shows the
//! rendered rows. Regenerate that page with
//! `UPDATE_CATALOG_DOCS=1 cargo test --all-features --test catalog_others`.

#![cfg(feature = "dataset")]

use sovereign_compute::Error;
use sovereign_compute::catalog::{Catalog, Resolved};
use sovereign_compute::units::{ComputeRate, CountingUnit, Precision, Sparsity};

const SPELLINGS: &str = include_str!("data/hardware-spellings-others.csv");

/// The non-NVIDIA entries this file checks, as merged into `data/catalog.json`.
const SOURCES: &[&str] = &[
    "AMD-ROCM-MI100",
    "AMD-ROCM-MI250",
    "GOOG-TPU1",
    "GOOG-TPU3",
    "GOOG-TPU4",
    "GOOG-TPU5E",
    "GOOG-TPU5P",
    "GOOG-TPU6E",
    "EPOCH-MLHW",
    "INTEL-HC24-G3",
    "INTEL-G2-DEV",
    "INTEL-HLS3",
    "PVC-LOCKWOOD",
    "HW-800TA2",
    "HW-900A3",
    "HW-HC2025",
    "AWS-TRN1",
    "AWS-TRN1-INST",
    "AWS-TRN2",
    "AWS-TRN2-INST",
    "CRBS-CG1",
    "CRBS-REG-CG1",
    "CRBS-TH-WSE3",
    "CRBS-WSE1",
    "MSFT-MAIA",
    "GROQ-TECHPOWERUP",
    "TSLA-D1-TH",
    "WIKICHIP-SC2",
    "PHI-DELL",
    "PHI-PCM",
];
const FAMILIES: &[&str] = &[
    "amd-instinct-mi100",
    "intel-gaudi",
    "intel-max-series",
    "intel-xeon-phi",
    "huawei-ascend-910",
    "google-tpu",
    "google-tpu-v5",
    "cerebras-wse",
    "amazon-trainium",
    "microsoft-maia",
    "groq-lpu",
    "tesla-dojo",
];
const PARTS: &[&str] = &[
    "amd-mi210",
    "amd-mi250",
    "amd-mi100",
    "intel-gaudi2",
    "intel-gaudi3",
    "intel-max-1550",
    "intel-xeon-phi-5110p",
    "huawei-ascend-910b",
    "huawei-ascend-910c",
    "google-tpu-v1",
    "google-tpu-v2",
    "google-tpu-v3",
    "google-tpu-v4",
    "google-tpu-v5e",
    "google-tpu-v5p",
    "google-tpu-v6e",
    "cerebras-cs-1",
    "cerebras-cs-2",
    "cerebras-cs-3",
    "amazon-trainium1",
    "amazon-trainium2",
    "microsoft-maia-100",
    "groq-lpu-v1",
    "pezy-sc2",
    "tesla-d1",
];
const SYSTEMS: &[&str] = &[
    "intel-hls-gaudi3",
    "huawei-atlas-800t-a2",
    "huawei-atlas-900-a3-superpod",
    "google-tpu-v3-pod",
    "google-tpu-v4-pod",
    "google-tpu-v5e-pod",
    "google-tpu-v5p-pod",
    "google-tpu-v6e-pod",
    "amazon-trn1-32xlarge",
    "amazon-trn2-48xlarge",
    "amazon-trn2-ultraserver",
];

/// The built-in catalog, which holds these entries.
fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("the built-in catalog is valid")
}

/// The IDs and keys this file checks.
struct Added {
    sources: Vec<String>,
    families: Vec<String>,
    parts: Vec<String>,
    systems: Vec<String>,
}

fn added() -> Added {
    let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    Added {
        sources: owned(SOURCES),
        families: owned(FAMILIES),
        parts: owned(PARTS),
        systems: owned(SYSTEMS),
    }
}

fn rate(s: &str) -> ComputeRate {
    s.parse().expect("a rate")
}

/// `a` and `b` agree to 12 significant digits (the data is decimal, the arithmetic binary).
fn assert_close(a: ComputeRate, b: ComputeRate, what: &str) {
    let (x, y) = (a.base_value(), b.base_value());
    assert!(
        (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
        "{what}: {x:e} != {y:e}"
    );
}

#[test]
fn every_listed_entry_is_built_in() {
    let c = catalog();
    for key in SOURCES {
        assert!(c.source(key).is_some(), "source {key} is missing");
    }
    for id in PARTS.iter().chain(SYSTEMS).chain(FAMILIES) {
        assert!(c.get(id).is_some(), "{id} is missing");
    }
    assert_eq!(PARTS.len(), 25);
    assert_eq!(SYSTEMS.len(), 11);
}

/// One row of the spellings table.
struct Spelling {
    spelling: String,
    id: String,
    table: String,
    note: String,
}

/// The spellings table: RFC 4180 CSV (quoted fields may hold commas and doubled quotes).
fn spellings() -> Vec<Spelling> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = SPELLINGS.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the file ends with a newline"
    );
    let mut rows = records.into_iter();
    assert_eq!(
        rows.next().expect("a header"),
        ["spelling", "id", "table", "note"]
    );
    rows.map(|r| {
        let [spelling, id, table, note]: [String; 4] = r
            .try_into()
            .unwrap_or_else(|r: Vec<String>| panic!("four fields: {r:?}"));
        Spelling {
            spelling,
            id,
            table,
            note,
        }
    })
    .collect()
}

#[test]
fn every_spelling_resolves_to_its_entry() {
    let c = catalog();
    let rows = spellings();
    let mut resolved = 0;
    for row in &rows {
        assert!(
            [
                "epoch-clusters",
                "epoch-hardware",
                "top500-accelerator",
                "datasheet"
            ]
            .contains(&row.table.as_str()),
            "{}: table {:?}",
            row.spelling,
            row.table
        );
        // Matching is case-insensitive with white space folded, as in the public tables.
        let variants = [
            row.spelling.clone(),
            row.spelling.to_lowercase(),
            format!(" {} ", row.spelling.replace(' ', "  ")),
        ];
        for name in &variants {
            match (row.id.as_str(), c.resolve(name)) {
                ("none", Err(Error::UnknownPart { .. })) => {}
                ("none", found) => panic!(
                    "{name:?} has id none ({}) but resolves to {:?}",
                    row.note,
                    found.map(|r| r.id())
                ),
                // Aliases of built-in entries this document cannot add.
                (id, Err(Error::UnknownPart { .. })) if row.note.starts_with("pending:") => {
                    assert!(c.get(id).is_some(), "{id} is not in the catalog");
                }
                (id, found) => {
                    let found = found.unwrap_or_else(|e| panic!("{name:?}: {e}"));
                    assert_eq!(found.id(), id, "{name:?}");
                    resolved += 1;
                }
            }
        }
        if row.id == "none" {
            assert!(
                !row.note.is_empty(),
                "{}: id none needs a reason",
                row.spelling
            );
        }
    }
    assert!(resolved > 250, "{resolved}");
    // Every non-NVIDIA value of the two reference tables is listed.
    for (table, spelling) in [
        ("epoch-clusters", "Tesla D1 Dojo"),
        ("epoch-clusters", "Maia 100 (M100)"),
        ("top500-accelerator", "Intel Data Center GPU Max"),
        ("top500-accelerator", "Matrix-2000"),
        ("epoch-hardware", "Google TPU v6e Trillium"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.table == table && r.spelling == spelling),
            "{table}: {spelling}"
        );
    }
}

#[test]
fn every_name_of_the_added_entries_resolves_to_it() {
    let c = catalog();
    let added = added();
    let ids: Vec<&String> = added
        .parts
        .iter()
        .chain(&added.systems)
        .chain(&added.families)
        .collect();
    for id in ids {
        let entry = c.get(id).unwrap_or_else(|| panic!("{id} is missing"));
        for name in std::iter::once(entry.name()).chain(entry.aliases().iter().map(String::as_str))
        {
            assert_eq!(c.resolve(name).unwrap().id(), id.as_str(), "{name:?}");
        }
    }
}

#[test]
fn figures_are_the_vendors() {
    let c = catalog();
    for (name, precision, sparsity, expected) in [
        // AMD CDNA 2 white paper, MI200 product table.
        (
            "AMD Instinct MI210 64 GB",
            Precision::Bf16,
            Sparsity::Dense,
            "181 TFLOP/s",
        ),
        (
            "AMD Instinct MI210",
            Precision::Fp64,
            Sparsity::Dense,
            "45.3 TFLOP/s",
        ),
        ("MI250", Precision::Fp16, Sparsity::Dense, "362.1 TFLOP/s"),
        (
            "AMD Instinct MI100",
            Precision::Fp16,
            Sparsity::Dense,
            "184.6 TFLOP/s",
        ),
        // Intel Hot Chips 2024.
        (
            "Intel Habana Gaudi2",
            Precision::Bf16,
            Sparsity::Dense,
            "432 TFLOP/s",
        ),
        (
            "Intel Habana Gaudi3",
            Precision::Bf16,
            Sparsity::Dense,
            "1835 TFLOP/s",
        ),
        ("Gaudi 3", Precision::Fp8, Sparsity::Dense, "1835 TFLOP/s"),
        // Huawei Atlas 800T A2 white paper; 910C derived from the SuperPoD total.
        (
            "Huawei Ascend 910B",
            Precision::Fp16,
            Sparsity::Dense,
            "376 TFLOP/s",
        ),
        (
            "Huawei Ascend 910C",
            Precision::Fp16,
            Sparsity::Dense,
            "800 TFLOP/s",
        ),
        // Google Cloud TPU pages.
        (
            "Google TPU v4",
            Precision::Bf16,
            Sparsity::Dense,
            "275 TFLOP/s",
        ),
        (
            "Google TPU v4",
            Precision::Int8,
            Sparsity::Dense,
            "275 TFLOP/s",
        ),
        (
            "Google TPU v5p",
            Precision::Bf16,
            Sparsity::Dense,
            "459 TFLOP/s",
        ),
        (
            "Google TPU v5e",
            Precision::Int8,
            Sparsity::Dense,
            "393 TFLOP/s",
        ),
        ("Trillium", Precision::Bf16, Sparsity::Dense, "918 TFLOP/s"),
        (
            "Google TPU v1",
            Precision::Int8,
            Sparsity::Dense,
            "92 TFLOP/s",
        ),
        // AWS Neuron documentation.
        (
            "Amazon Trainium2",
            Precision::Fp8,
            Sparsity::Dense,
            "1299 TFLOP/s",
        ),
        (
            "Amazon Trainium2",
            Precision::Bf16,
            Sparsity::Sparse,
            "2563 TFLOP/s",
        ),
        (
            "Amazon Trainium1",
            Precision::Bf16,
            Sparsity::Dense,
            "190 TFLOP/s",
        ),
        // Microsoft Hot Chips 2024.
        (
            "Maia 100 (M100)",
            Precision::Bf16,
            Sparsity::Dense,
            "800 TFLOP/s",
        ),
        // A system name gives its part's figures; a family whose members agree gives theirs.
        (
            "Atlas 900 A3 SuperPoD",
            Precision::Fp16,
            Sparsity::Dense,
            "800 TFLOP/s",
        ),
        (
            "Intel Data Center GPU Max",
            Precision::Fp32,
            Sparsity::Dense,
            "52.43 TFLOP/s",
        ),
    ] {
        let got = c
            .per_gpu_peak(name, precision, sparsity)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_close(got, rate(expected), name);
    }
    assert_eq!(
        c.per_gpu_tdp("Intel Habana Gaudi3").unwrap().to_string(),
        "900 W"
    );
    assert_eq!(
        c.per_gpu_tdp("Huawei Ascend 910B").unwrap().to_string(),
        "400 W"
    );
    assert_eq!(
        c.per_gpu_tdp("AMD Instinct MI210").unwrap().to_string(),
        "300 W"
    );
}

#[test]
fn unpublished_figures_are_absent() {
    let c = catalog();
    // Cerebras prints no dense figure; the CS-1's peak is not published at all.
    assert!(matches!(
        c.per_gpu_peak("Cerebras CS-3", Precision::Fp16, Sparsity::Dense),
        Err(Error::MissingFigure { .. })
    ));
    assert_close(
        c.per_gpu_peak("Cerebras CS-3", Precision::Fp16, Sparsity::Sparse)
            .unwrap(),
        rate("125 PFLOP/s"),
        "CS-3",
    );
    assert!(c.part("Cerebras CS-1").unwrap().peak.is_empty());
    // Google publishes no v5p power figure, AWS none for Trainium1.
    for name in ["Google TPU v5p", "Amazon Trainium1", "Trillium"] {
        assert!(
            matches!(c.per_gpu_tdp(name), Err(Error::MissingFigure { .. })),
            "{name}"
        );
    }
    // Huawei prints no BF16 figure for the 910B.
    assert!(matches!(
        c.per_gpu_peak("Ascend 910B", Precision::Bf16, Sparsity::Dense),
        Err(Error::MissingFigure { .. })
    ));
}

#[test]
fn names_that_stand_for_several_parts_resolve_to_families() {
    let c = catalog();
    for (name, family) in [
        ("TPU v5", "google-tpu-v5"),
        ("Google TPU", "google-tpu"),
        ("Trainium", "amazon-trainium"),
        ("Intel Gaudi", "intel-gaudi"),
        ("Cerebras WSE", "cerebras-wse"),
        ("Ascend 910 series", "huawei-ascend-910"),
        ("MI200", "amd-instinct-mi200"),
    ] {
        match c.resolve(name).unwrap() {
            Resolved::Family(f) => assert_eq!(f.id, family, "{name}"),
            other => panic!("{name} resolved to {}", other.id()),
        }
    }
    // The built-in MI200 family now has three members with different figures.
    let mi200 = c.family("amd-instinct-mi200").unwrap();
    let members: Vec<&str> = c.members(mi200).map(|a| a.id.as_str()).collect();
    assert_eq!(members, ["amd-mi250x", "amd-mi210", "amd-mi250"]);
    assert!(matches!(
        c.per_gpu_peak("MI200", Precision::Fp64, Sparsity::Dense),
        Err(Error::AmbiguousPart { .. })
    ));
    assert!(matches!(
        c.per_gpu_peak("TPU v5", Precision::Bf16, Sparsity::Dense),
        Err(Error::AmbiguousPart { .. })
    ));
}

#[test]
fn every_published_system_total_is_units_times_the_part() {
    let c = catalog();
    let added = added();
    let mut checked = 0;
    for id in &added.systems {
        let system = c.system(id).unwrap();
        let part = c.accelerator(system.part.as_str()).unwrap();
        for total in &system.peak {
            let per_part = part
                .core_figure(total.core, total.precision, total.sparsity)
                .unwrap_or_else(|| panic!("{} has no figure for {total:?}", part.id));
            let expected = per_part
                .rate
                .checked_scale(f64::from(system.units))
                .unwrap();
            assert_close(total.rate, expected, id);
            checked += 1;
        }
    }
    assert_eq!(checked, 8);
    // Chips per system, as the vendors count them.
    for (name, gpus) in [
        ("TPU v4 Pod", 4096),
        ("TPU v5p Pod", 8960),
        ("Trn2 UltraServer", 64),
        ("trn2.48xlarge", 16),
        ("Atlas 900 A3 SuperPoD", 384),
        ("Atlas 800T A2", 8),
        ("HLS-3", 8),
    ] {
        let system = match c.resolve(name).unwrap() {
            Resolved::System(s) => s,
            other => panic!("{name} resolved to {}", other.id()),
        };
        assert_eq!(c.system_gpus(system).unwrap(), gpus, "{name}");
    }
    assert_eq!(c.gpus_per("HLS-3", CountingUnit::Node).unwrap(), 8);
}

mod page {
    use super::*;

    const BEGIN: &str = "<!-- BEGIN GENERATED by tests/catalog_others.rs from Catalog::markdown() of the built-in catalog; regenerate with UPDATE_CATALOG_DOCS=1 cargo test --all-features --test catalog_others -->\n";
    const END: &str = "<!-- END GENERATED -->\n";

    /// The lines of `Catalog::markdown()` that belong to the added entries: each section's
    /// heading, text and table header, then the rows whose first cell is an added ID or key.
    fn rows_of_added() -> String {
        let added = added();
        let ours: Vec<&String> = added
            .sources
            .iter()
            .chain(&added.families)
            .chain(&added.parts)
            .chain(&added.systems)
            .collect();
        // The built-in family that gains members is shown too.
        let extra = ["amd-instinct-mi200".to_owned()];
        let mut out = String::new();
        for line in catalog().markdown().lines() {
            let keep = match line.strip_prefix("| ") {
                Some(rest) => {
                    let first = rest.split(" |").next().unwrap_or_default();
                    first == "ID"
                        || first == "key"
                        || first.starts_with("---")
                        || ours.iter().any(|id| id.as_str() == first)
                        || extra.iter().any(|id| id == first)
                }
                None => true,
            };
            if keep {
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&all_figures());
        out
    }

    /// Every peak figure of every added part: the parts table shows only FP4, FP8, BF16 and
    /// FP64, which misses the FP16, FP32, TF32 and INT8 figures most of these parts have.
    fn all_figures() -> String {
        let c = catalog();
        let mut out = String::from(
            "## All figures of the added parts\n\n\
             Every peak figure per unit, as `precision sparsity rate [core] (source, derivation)`.\n\n\
             | ID | figures |\n| --- | --- |\n",
        );
        for id in added().parts {
            let part = c.accelerator(&id).unwrap();
            let figures: Vec<String> = part
                .peak
                .iter()
                .map(|f| {
                    let core = f.core.map_or(String::new(), |k| format!(" {}", k.tag()));
                    format!(
                        "{} {} {}{core} ({}, {})",
                        f.precision,
                        if f.sparsity == Sparsity::Sparse {
                            "S"
                        } else {
                            "D"
                        },
                        f.rate,
                        f.source,
                        f.derivation.tag()
                    )
                })
                .collect();
            let cell = if figures.is_empty() {
                "– (none published)".to_owned()
            } else {
                figures.join("<br>")
            };
            out.push_str(&format!("| {id} | {cell} |\n"));
        }
        out
    }

    #[test]
    fn catalog_others_page_tables_are_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/CATALOG-non-nvidia.md");
        let page = std::fs::read_to_string(&path).expect("data/CATALOG-non-nvidia.md exists");
        let (Some(start), Some(end)) = (page.find(BEGIN), page.find(END)) else {
            panic!("data/CATALOG-non-nvidia.md lacks the generated-block markers");
        };
        let current = &page[start + BEGIN.len()..end];
        let rendered = rows_of_added();
        if std::env::var_os("UPDATE_CATALOG_DOCS").is_some() {
            let updated = format!("{}{BEGIN}{rendered}{}", &page[..start], &page[end..]);
            std::fs::write(&path, updated).expect("writable");
        } else {
            assert!(
                current == rendered,
                "data/CATALOG-non-nvidia.md tables are stale; run UPDATE_CATALOG_DOCS=1 cargo test --all-features --test catalog_others"
            );
        }
    }
}
