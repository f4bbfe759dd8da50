//! The June 2025 European sovereign-AI announcements (GTC Paris at VivaTech, 11 June 2025),
//! as typed quantities.
//!
//! Until the embedded dataset lands, the figures are built here in code from the article's own
//! words and per-GPU peaks from NVIDIA's spec sheets (see `data/CATALOG.md`). The point it makes
//! is the crate's: the 3,000-exaflop headline names no number format, and the itemised parts
//! reach only a fraction of it under the most generous reading (FP4 with sparsity).
//!
//! Run with `cargo run --example europe_2025`.

use sovereign_compute::PartialDate;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, ComputeTotals, CountingUnit,
    Precision, Sparsity,
};

/// One itemised deployment of the article.
struct Item {
    country: &'static str,
    what: &'static str,
    quote: &'static str,
    gpus: AcceleratorCount,
    /// Per-GPU FP4 peak with sparsity, from NVIDIA's spec sheets.
    fp4_sparse_per_gpu: &'static str,
    online: &'static str,
}

fn main() -> sovereign_compute::Result<()> {
    let announced: PartialDate = "2025-06-11".parse()?;
    let headline: ComputeRate = "3,000 exaflops".parse()?;
    let items = [
        Item {
            country: "FR",
            what: "Mistral AI compute platform, initial phase",
            quote: "18,000 NVIDIA Grace Blackwell systems",
            // Read as GPUs: 250 GB200 NVL72 racks fit the ~40 MW Essonne site (data/CATALOG.md).
            gpus: AcceleratorCount::new(18_000, CountingUnit::Gpu),
            fp4_sparse_per_gpu: "20 PFLOP/s",
            // "expansion across multiple sites throughout 2026".
            online: "2026",
        },
        Item {
            country: "GB",
            what: "Nebius and Nscale, first phase",
            quote: "14,000 NVIDIA Blackwell GPUs",
            gpus: "14,000 GPUs".parse()?,
            fp4_sparse_per_gpu: "18 PFLOP/s",
            // Nscale's 10,000 "by end of 2026" (London Tech Week, 8-9 June 2025).
            online: "end of 2026",
        },
        Item {
            country: "DE",
            what: "Industrial AI cloud (DGX B200, RTX PRO Servers)",
            quote: "10,000 NVIDIA Blackwell GPUs",
            gpus: "10,000 GPUs".parse()?,
            fp4_sparse_per_gpu: "18 PFLOP/s",
            // Deutsche Telekom's later statement (4 Nov 2025): operations in Q1 2026.
            online: "2026-Q1",
        },
    ];

    println!("European sovereign AI, announced {announced} at GTC Paris");
    println!("Headline: more than {headline} of Blackwell systems (number format not stated)\n");
    println!(
        "{:<3} {:<48} {:>12} {:>16} {:>12}",
        "", "deployment", "GPUs", "FP4 sparse", "online"
    );

    let fp4_sparse = ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse);
    let mut totals = ComputeTotals::new();
    let mut gpus = AcceleratorCount::gpus(0);
    for item in &items {
        let per_gpu: ComputeRate = item.fp4_sparse_per_gpu.parse()?;
        let figure =
            ComputeFigure::new(per_gpu, fp4_sparse).checked_scale(item.gpus.count() as f64)?;
        let online: PartialDate = item.online.parse()?;
        println!(
            "{:<3} {:<48} {:>12} {:>16} {:>12}",
            item.country,
            item.what,
            item.gpus.to_string(),
            format!("{:.0}", figure.rate),
            online.to_string()
        );
        println!("    \"{}\"", item.quote);
        totals.add(figure)?;
        gpus = gpus.checked_add(item.gpus)?;
    }

    let itemised = totals.get(fp4_sparse).unwrap_or(ComputeRate::ZERO);
    println!("\nItemised: {gpus}, {itemised} FP4 sparse");
    println!(
        "Share of the headline, if the headline is FP4 sparse: {:.0}%",
        100.0 * itemised.ratio(headline)?
    );
    println!(
        "Unattributed remainder: {:.2}",
        headline.checked_sub(itemised)?
    );
    println!("\nTotals by format:\n{totals}");
    println!(
        "Source: NVIDIA GTC Paris announcement, 11 June 2025 (see ../shared/seed/ and data/CATALOG.md)."
    );
    Ok(())
}
