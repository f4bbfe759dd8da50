//! The public systems of the Europe dataset (`datasets::european_ai_compute`) against the
//! TOP500 list of June 2025: every phase that the list measured is mapped to its TOP500 System
//! ID, and its operator, host country, accelerator and Rmax must agree with the row.
//!
//! The list's rows are `tests/data/top500-2025-06-europe.csv`: the 52 rows the table below
//! maps, copied byte for byte from `tests/data/top500-2025-06.csv` (the June
//! 2025 list, <https://top500.org/lists/top500/2025/06/>).

#![cfg(all(feature = "csv", feature = "dataset"))]

use std::collections::{BTreeMap, BTreeSet};

use sovereign_compute::Country;
use sovereign_compute::interop::{ImportOptions, top500};
use sovereign_compute::model::{Deployment, FormatReading, HardwareRef, Phase, Role};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{Basis, ComputeFormat, ComputeRate, Precision, Sparsity};

const ROWS: &str = include_str!("data/top500-2025-06-europe.csv");

/// The source every Rmax in the dataset cites.
const TOP500_SOURCE: &str = "pub-top500-2025-06";

/// The accelerator a phase must list for a TOP500 row.
#[derive(Debug, Clone, Copy)]
enum Hw {
    /// TOP500 says `None`: the phase has no hardware line.
    None,
    Part(&'static str),
    Family(&'static str),
}

/// One measured phase: where the dataset has it, which TOP500 row measured it, and what the
/// row says (`site` and `accelerator` as TOP500 spells them) next to what the dataset records
/// (`organisation`, an owner or operator of the deployment, and `hw`).
struct Entry {
    deployment: &'static str,
    phase: &'static str,
    system_id: &'static str,
    site: &'static str,
    organisation: &'static str,
    accelerator: &'static str,
    hw: Hw,
}

const fn e(
    deployment: &'static str,
    phase: &'static str,
    system_id: &'static str,
    site: &'static str,
    organisation: &'static str,
    accelerator: &'static str,
    hw: Hw,
) -> Entry {
    Entry {
        deployment,
        phase,
        system_id,
        site,
        organisation,
        accelerator,
        hw,
    }
}

const GH200: &str = "NVIDIA GH200 Superchip";
const H100_94: &str = "Nvidia H100 SXM5 94Gb";
const A100_40: &str = "NVIDIA A100 SXM4 40 GB";

/// Deployment ID and phase name → TOP500 System ID, for every phase of the dataset that the
/// June 2025 list measured.
const TABLE: &[Entry] = &[
    e(
        "de-jupiter",
        "JEDI (JUPITER Exascale Development Instrument)",
        "180269",
        "EuroHPC/FZJ",
        "fz-juelich",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "de-jupiter",
        "Booster Module",
        "180357",
        "EuroHPC/FZJ",
        "fz-juelich",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "fi-lumi",
        "LUMI-C (CPU partition)",
        "180045",
        "EuroHPC/CSC",
        "csc",
        "None",
        Hw::None,
    ),
    e(
        "fi-lumi",
        "LUMI-G (GPU partition)",
        "180048",
        "EuroHPC/CSC",
        "csc",
        "AMD Instinct MI250X",
        Hw::Part("amd-mi250x"),
    ),
    e(
        "it-leonardo",
        "Booster",
        "180128",
        "EuroHPC/CINECA",
        "cineca",
        "NVIDIA A100 SXM4 64 GB",
        Hw::Part("nvidia-a100-sxm-64gb"),
    ),
    e(
        "it-leonardo",
        "Data Centric General Purpose (DCGP)",
        "180204",
        "EuroHPC/CINECA",
        "cineca",
        "None",
        Hw::None,
    ),
    e(
        "es-marenostrum5",
        "ACC (accelerated partition)",
        "180238",
        "EuroHPC/BSC",
        "bsc",
        "NVIDIA H100 64GB",
        Hw::Part("nvidia-h100-64gb"),
    ),
    e(
        "es-marenostrum5",
        "GPP (general-purpose partition)",
        "180237",
        "EuroHPC/BSC",
        "bsc",
        "None",
        Hw::None,
    ),
    e(
        "lu-meluxina",
        "Accelerator Module (GPU)",
        "179932",
        "LuxProvide",
        "luxprovide",
        "NVIDIA Tesla A100 40G",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "cz-karolina",
        "GPU partition",
        "180026",
        "IT4Innovations National Supercomputing Center, VSB-Technical University of Ostrava",
        "it4i",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "cz-karolina",
        "CPU partition",
        "179926",
        "IT4Innovations National Supercomputing Center, VSB-Technical University of Ostrava",
        "it4i",
        "None",
        Hw::None,
    ),
    e(
        "si-vega",
        "GPU partition",
        "179937",
        "IZUM",
        "izum",
        "NVIDIA A100",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "si-vega",
        "CPU partition",
        "179936",
        "IZUM",
        "izum",
        "None",
        Hw::None,
    ),
    e(
        "bg-discoverer",
        "Discoverer (CPU system)",
        "179948",
        "Consortium Petascale Supercomputer Bulgaria",
        "sofia-tech-park",
        "None",
        Hw::None,
    ),
    e(
        "pt-deucalion",
        "ARM partition (Fujitsu A64FX)",
        "180275",
        "FCT",
        "fct",
        "None",
        Hw::None,
    ),
    e(
        "gb-isambard-ai",
        "phase 1",
        "180257",
        "University of Bristol",
        "bristol",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "gb-isambard-ai",
        "phase 2",
        "180388",
        "University of Bristol",
        "bristol",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "gb-dawn",
        "phase 1",
        "180202",
        "University of Cambridge",
        "cambridge",
        "Intel Data Center GPU Max 1550",
        Hw::Part("intel-max-1550"),
    ),
    e(
        "gb-tursa",
        "GPU system",
        "180018",
        "University of Edinburgh",
        "epcc",
        "NVIDIA Tesla A100 40G",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "fr-jean-zay",
        "initial configuration (2019)",
        "179692",
        "CNRS/IDRIS-GENCI",
        "idris",
        "NVIDIA Tesla V100 SXM2",
        Hw::Part("nvidia-v100-sxm2-32gb"),
    ),
    e(
        "fr-jean-zay",
        "H100 extension (Jean Zay 4)",
        "180304",
        "CNRS/IDRIS-GENCI",
        "idris",
        "NVIDIA H100 SXM5 80GB",
        Hw::Part("nvidia-h100-sxm"),
    ),
    e(
        "fr-adastra",
        "MI250X partition",
        "180051",
        "Grand Equipement National de Calcul Intensif - Centre Informatique National de l'Enseignement Suprieur (GENCI-CINES)",
        "cines",
        "AMD Instinct MI250X",
        Hw::Part("amd-mi250x"),
    ),
    e(
        "fr-adastra",
        "MI300A extension (Adastra 2)",
        "180319",
        "Grand Equipement National de Calcul Intensif - Centre Informatique National de l'Enseignement Suprieur (GENCI-CINES)",
        "cines",
        "AMD Instinct MI300A",
        Hw::Part("amd-mi300a"),
    ),
    e(
        "ch-alps",
        "CPU partition (2020)",
        "179900",
        "Swiss National Supercomputing Centre (CSCS)",
        "cscs",
        "None",
        Hw::None,
    ),
    e(
        "ch-alps",
        "GH200 partition",
        "180259",
        "Swiss National Supercomputing Centre (CSCS)",
        "cscs",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "dk-gefion",
        "DGX SuperPOD (H100)",
        "180299",
        "Danish Centre for AI Innovation",
        "dcai",
        "NVIDIA H100 SXM5 80GB",
        Hw::Part("nvidia-h100-sxm"),
    ),
    e(
        "no-olivia",
        "GPU partition",
        "180377",
        "Sigma2",
        "sigma2",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "se-berzelius",
        "DGX A100 (40 GB) SuperPOD",
        "179953",
        "National Supercomputer Centre (NSC)",
        "nsc-liu",
        "NVIDIA A100",
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "se-berzelius",
        "DGX A100 (80 GB) expansion",
        "180132",
        "National Supercomputer Centre (NSC)",
        "nsc-liu",
        "NVIDIA A100 SXM4 80 GB",
        Hw::Part("nvidia-a100-sxm-80gb"),
    ),
    e(
        "se-berzelius",
        "DGX H200 expansion",
        "180375",
        "National Supercomputer Centre (NSC)",
        "nsc-liu",
        "NVIDIA H200 SXM5 141 GB",
        Hw::Part("nvidia-h200-sxm"),
    ),
    e(
        "se-dardel",
        "GPU partition",
        "180126",
        "KTH - Royal Institute of Technology",
        "kth-pdc",
        "AMD Instinct MI250X",
        Hw::Part("amd-mi250x"),
    ),
    e(
        "de-hunter",
        "Hunter",
        "180391",
        "HLRS - Höchstleistungsrechenzentrum Stuttgart",
        "hlrs",
        "AMD Instinct MI300A",
        Hw::Part("amd-mi300a"),
    ),
    e(
        "de-supermuc-ng",
        "Phase 2 (Intel GPU Max)",
        "180182",
        "Leibniz Rechenzentrum",
        "lrz",
        "Intel Data Center GPU Max",
        Hw::Part("intel-max-1550"),
    ),
    e(
        "de-juwels-booster",
        "Booster Module",
        "179894",
        "Forschungszentrum Juelich (FZJ)",
        "fz-juelich",
        "NVIDIA A100",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "de-jureca-dc",
        "DC Module GPU nodes",
        "179947",
        "Forschungszentrum Juelich (FZJ)",
        "fz-juelich",
        "NVIDIA Tesla A100 40G",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "de-horeka",
        "HoreKa-Green (A100)",
        "179965",
        "Karlsruher Institut für Technologie (KIT)",
        "kit",
        "NVIDIA Tesla A100 40G",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "de-horeka",
        "HoreKa-Teal (H100)",
        "180270",
        "Karlsruher Institut für Technologie (KIT)",
        "kit",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "de-capella",
        "Capella",
        "180298",
        "TU Dresden, ZIH",
        "tu-dresden-zih",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "de-alpha-centauri",
        "Alpha Centauri",
        "179942",
        "TU Dresden, ZIH",
        "tu-dresden-zih",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "de-viper-gpu",
        "Viper-GPU",
        "180358",
        "Max-Planck-Gesellschaft MPI/IPP",
        "max-planck",
        "AMD Instinct MI300A",
        Hw::Part("amd-mi300a"),
    ),
    e(
        "de-raven-gpu",
        "GPU-accelerated part",
        "179933",
        "Max-Planck-Gesellschaft MPI/IPP",
        "max-planck",
        "NVIDIA A100",
        Hw::Family("nvidia-ampere"),
    ),
    e(
        "de-helma",
        "Helma",
        "180303",
        "Universitaet Erlangen - Regionales Rechenzentrum Erlangen",
        "fau-nhr",
        "NVIDIA H200 SXM5 141 GB",
        Hw::Part("nvidia-h200-sxm"),
    ),
    e(
        "nl-snellius",
        "Phase 1 GPU (A100)",
        "180033",
        "SURF",
        "surf",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "nl-snellius",
        "Phase 2 CPU",
        "180230",
        "SURF",
        "surf",
        "None",
        Hw::None,
    ),
    e(
        "nl-snellius",
        "Phase 3 GPU (H100)",
        "180316",
        "SURF",
        "surf",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "be-lucia",
        "Lucia",
        "180122",
        "Cenaero",
        "cenaero",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "pl-helios",
        "GPU and INT partitions",
        "180244",
        "Cyfronet",
        "cyfronet",
        GH200,
        Hw::Part("nvidia-gh200"),
    ),
    e(
        "pl-athena",
        "Athena",
        "180055",
        "Cyfronet",
        "cyfronet",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
    e(
        "pl-proxima",
        "Proxima",
        "180290",
        "PCSS Poznan",
        "pcss",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "pl-lem",
        "Lem",
        "180272",
        "Wroclaw Centre for Networking and Supercomputing",
        "wcss",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "at-musica",
        "Phase 1 (Vienna)",
        "180310",
        "MUSICA",
        "tu-wien",
        H100_94,
        Hw::Part("nvidia-h100-sxm5-94gb"),
    ),
    e(
        "hu-komondor",
        "GPU and AI partitions",
        "180079",
        "Governmental Information-Technology Development Agency (KIFÜ)",
        "kifu",
        A100_40,
        Hw::Part("nvidia-a100-sxm-40gb"),
    ),
];

fn europe() -> Registry {
    sovereign_compute::datasets::european_ai_compute()
        .unwrap_or_else(|e| panic!("the dataset does not load: {e}"))
}

/// The list's rows by System ID, each as column name → cell.
fn rows(csv: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("the list has a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("a well-formed row");
        let row: BTreeMap<String, String> = header
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_owned))
            .collect();
        out.insert(row["System ID"].clone(), row);
    }
    out
}

fn deployment<'r>(r: &'r Registry, id: &str) -> &'r Deployment {
    r.deployment(&id.parse().expect("a deployment ID"))
        .unwrap_or_else(|| panic!("the dataset has no deployment {id}"))
}

fn phase<'d>(d: &'d Deployment, name: &str) -> &'d Phase {
    d.phases
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{} has no phase {name:?}", d.id.as_str()))
}

fn hpl() -> ComputeFormat {
    ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl)
}

/// Whether a phase states a TOP500 Rmax: an FP64 HPL figure cited to the list. (A design
/// target such as "more than one exaflop of HPL performance" is HPL too, but no measurement.)
fn states_rmax(p: &Phase) -> bool {
    p.compute.as_ref().is_some_and(|c| {
        c.format == FormatReading::Stated(hpl())
            && c.rate
                .sources
                .iter()
                .any(|s| s.source.as_str() == TOP500_SOURCE)
    })
}

fn matches(hw: &HardwareRef, want: Hw) -> bool {
    match (hw, want) {
        (HardwareRef::Part(id), Hw::Part(w)) => id.as_str() == w,
        (HardwareRef::Family(id), Hw::Family(w)) => id.as_str() == w,
        _ => false,
    }
}

#[test]
fn the_table_covers_every_measured_phase_once() {
    let r = europe();
    let mut ids = BTreeSet::new();
    let mut mapped = BTreeSet::new();
    for entry in TABLE {
        assert!(
            ids.insert(entry.system_id),
            "System ID {} is mapped twice",
            entry.system_id
        );
        assert!(
            mapped.insert((entry.deployment, entry.phase)),
            "{} / {} is mapped twice",
            entry.deployment,
            entry.phase
        );
    }
    // Every phase that states a TOP500 Rmax must be in the table.
    for d in r.deployments() {
        for p in &d.phases {
            if states_rmax(p) {
                assert!(
                    mapped.contains(&(d.id.as_str(), p.name.as_str())),
                    "{} / {} states an Rmax but is not in the table",
                    d.id.as_str(),
                    p.name
                );
            }
        }
    }
}

#[test]
fn measured_phases_agree_with_the_june_2025_list() {
    let rows = rows(ROWS);
    let listed = top500::read(ROWS.as_bytes(), &ImportOptions::new()).expect("the rows import");
    let r = europe();
    for entry in TABLE {
        let what = format!(
            "{} / {} (TOP500 {})",
            entry.deployment, entry.phase, entry.system_id
        );
        let row = rows
            .get(entry.system_id)
            .unwrap_or_else(|| panic!("{what}: no such System ID in the list"));
        let d = deployment(&r, entry.deployment);
        let p = phase(d, entry.phase);

        // Site: the list's spelling, and the organisation the dataset records for it.
        assert_eq!(row["Site"], entry.site, "{what}: site");
        assert!(
            d.organisations
                .iter()
                .any(|o| o.organisation.as_str() == entry.organisation
                    && matches!(o.role, Role::Operator | Role::Owner | Role::Funder)),
            "{what}: {} is not an owner, operator or funder",
            entry.organisation
        );

        // Country.
        let country = Country::parse(&row["Country"]).expect("a country the crate knows");
        assert_eq!(Some(country), d.host, "{what}: country");

        // Accelerator: the list's spelling, and the phase's hardware for it.
        assert_eq!(
            row["Accelerator/Co-Processor"], entry.accelerator,
            "{what}: accelerator"
        );
        match entry.hw {
            Hw::None => assert!(
                p.hardware.is_empty(),
                "{what}: a CPU-only row, but the phase lists hardware"
            ),
            want => assert!(
                p.hardware.iter().any(|line| matches(&line.hardware, want)),
                "{what}: no hardware line for {want:?} in {:?}",
                p.hardware.iter().map(|l| &l.hardware).collect::<Vec<_>>()
            ),
        }

        // Rmax: FP64 HPL, stated, cited to TOP500, equal to the list's figure.
        let compute = p
            .compute
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: no Rmax"));
        assert_eq!(
            compute.format,
            FormatReading::Stated(hpl()),
            "{what}: format"
        );
        assert!(
            compute
                .rate
                .sources
                .iter()
                .any(|c| c.source.as_str() == TOP500_SOURCE),
            "{what}: Rmax does not cite {TOP500_SOURCE}"
        );
        let stated = compute.rate.value.central().expect("an exact Rmax");
        let rmax = &row["Rmax [TFlop/s]"];
        let from_text: ComputeRate = format!("{rmax} TFLOP/s").parse().expect("a rate");
        assert_eq!(
            stated, from_text,
            "{what}: Rmax {stated} against the list's {rmax} TFlop/s"
        );
        let imported = listed
            .registry
            .deployment(
                &format!("top500-{}", entry.system_id)
                    .parse()
                    .expect("an ID"),
            )
            .and_then(|t| t.phases[0].compute.as_ref())
            .and_then(|c| c.rate.value.central())
            .unwrap_or_else(|| panic!("{what}: the importer has no Rmax"));
        assert_eq!(
            stated.base_value(),
            imported.base_value(),
            "{what}: Rmax against the importer"
        );

        // Power, where the phase takes the list's benchmark draw.
        if let Some(power) = p.power.as_ref().filter(|pw| top500::is_benchmark_draw(pw)) {
            let kw: f64 = row["Power (kW)"].parse().expect("a draw in kW");
            let stated = power.value.central().expect("an exact draw").base_value();
            assert!(
                (stated - kw * 1e3).abs() <= kw * 1e-9,
                "{what}: power {stated} W against {kw} kW"
            );
        }
    }
}
