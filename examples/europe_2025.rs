//! The June 2025 European sovereign-AI announcements (GTC Paris at VivaTech, 11 June 2025),
//! as typed quantities and estimates.
//!
//! Until the embedded dataset lands, the items are built here in code from the article's own
//! words, with per-GPU peaks from NVIDIA's spec sheets (`data/catalog.json`, `data/CATALOG.md`).
//! The point it makes is the crate's: the 3,000-exaflop headline names no number format, an
//! item with no known hardware stays unknown instead of counting as zero, and the itemised
//! parts reach only a fraction of the headline under its most generous reading (FP4 sparse).
//!
//! Run with `cargo run --example europe_2025`.

use sovereign_compute::estimate::{Estimate, Total};
use sovereign_compute::units::{AcceleratorCount, ComputeFigure, ComputeRate};
use sovereign_compute::{Bloc, Country, PartialDate};

/// One itemised deployment of the article.
struct Item {
    country: Country,
    what: &'static str,
    /// The article's words.
    quote: &'static str,
    /// The count as interpreted (see each item's comment).
    gpus: &'static str,
    /// Per-GPU FP4 peak with sparsity from NVIDIA's spec sheets, when the part is known.
    fp4_sparse_per_gpu: Option<&'static str>,
    online: &'static str,
}

fn main() -> sovereign_compute::Result<()> {
    let announced: PartialDate = "2025-06-11".parse()?;
    let headline: Estimate<ComputeRate> = Estimate::parse("more than 3,000 exaflops")?;
    let items = [
        Item {
            country: Country::FR,
            what: "Mistral AI compute platform, initial phase",
            quote: "18,000 NVIDIA Grace Blackwell systems",
            // Read as GPUs: 250 GB200 NVL72 racks fit the ~40 MW Essonne site (data/CATALOG.md).
            gpus: "18,000 GPUs",
            fp4_sparse_per_gpu: Some("20 PFLOP/s FP4 sparse"),
            // "expansion across multiple sites throughout 2026".
            online: "2026",
        },
        Item {
            country: Country::GB,
            what: "Nebius and Nscale, first phase",
            quote: "14,000 NVIDIA Blackwell GPUs",
            gpus: "14,000 GPUs",
            // B200 (HGX); the GB200 GPU would give 20 PFLOP/s.
            fp4_sparse_per_gpu: Some("18 PFLOP/s FP4 sparse"),
            // Nscale's 10,000 "by end of 2026" (London Tech Week, 8-9 June 2025).
            online: "end of 2026",
        },
        Item {
            country: Country::DE,
            what: "Industrial AI cloud (DGX B200, RTX PRO Servers)",
            quote: "10,000 NVIDIA Blackwell GPUs",
            gpus: "10,000 GPUs",
            // Counted as B200; the RTX PRO 6000 share (4 PFLOP/s each) is not stated.
            fp4_sparse_per_gpu: Some("18 PFLOP/s FP4 sparse"),
            // Deutsche Telekom's later statement (4 Nov 2025): operations in Q1 2026.
            online: "2026-Q1",
        },
        Item {
            country: Country::ES,
            what: "Telefónica distributed edge AI fabric (pilot)",
            quote: "hundreds of NVIDIA GPUs",
            gpus: "hundreds of GPUs",
            // The GPU model is not stated: its compute stays unknown.
            fp4_sparse_per_gpu: None,
            online: "2025",
        },
    ];

    println!("European sovereign AI, announced {announced} at GTC Paris");
    println!(
        "Headline: {headline} of Blackwell systems (\"{}\"; number format not stated)\n",
        headline.phrase().unwrap_or_default()
    );
    println!(
        "{:<3} {:<48} {:>14} {:>20} {:>11}",
        "", "deployment", "GPUs", "FP4 sparse peak", "online"
    );

    let mut gpus = Total::new();
    let mut fp4 = Total::new();
    for item in &items {
        let count: Estimate<AcceleratorCount> = Estimate::parse(item.gpus)?;
        let compute: Estimate<ComputeFigure> = match item.fp4_sparse_per_gpu {
            Some(per_gpu) => {
                let per_gpu: ComputeFigure = per_gpu.parse()?;
                count.try_map(|n| per_gpu.checked_scale(n.count() as f64))?
            }
            None => Estimate::unknown(),
        };
        let shown = match compute.bounds() {
            Some(_) => format!(
                "{:.0}",
                compute.central().map_or(ComputeRate::ZERO, |c| c.rate)
            ),
            None => "unknown".to_owned(),
        };
        let online: PartialDate = item.online.parse()?;
        println!(
            "{:<3} {:<48} {:>14} {:>20} {:>11}",
            item.country.to_string(),
            item.what,
            count.to_string(),
            shown,
            online.to_string()
        );
        println!("    \"{}\"", item.quote);
        gpus.add(&count)?;
        fp4.add(&compute)?;
    }

    println!("\nItemised GPUs: {gpus}");
    println!("Itemised FP4 sparse: {fp4}");
    if let (Some(lower), Some(claim)) = (fp4.lower(), headline.central()) {
        println!(
            "Known items reach {:.0}% of the headline's floor, if the headline is FP4 sparse",
            100.0 * lower.rate.ratio(claim)?
        );
    }

    let eu = Bloc::eu();
    let inside: Vec<String> = items
        .iter()
        .filter(|i| eu.is_member(i.country, announced.earliest()))
        .map(|i| format!("{:#}", i.country))
        .collect();
    println!("\nIn the EU on {announced}: {}", inside.join(", "));
    println!(
        "Source: NVIDIA GTC Paris announcement, 11 June 2025 (the article in ../shared/seed/)."
    );
    Ok(())
}
