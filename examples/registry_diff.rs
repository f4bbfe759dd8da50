//! What changed between two versions of a registry, and how the totals moved.
//!
//! Takes the embedded GTC Paris 2025 dataset and makes a revised copy by hand, as an analyst
//! would after later news (these revisions are made up for the example, not sourced facts):
//! the UK build-out grows from 14,000 to 16,000 GPUs, Germany's industrial AI cloud slips from
//! 2026-Q1 to 2026-Q3, and the Mistral expansion sites are cancelled. Then prints the
//! field-by-field diff and GPUs and FP4 sparse peak compute by host country, before and after.
//! The slipped date moves no total here (these count every phase that is not cancelled); it
//! shows in capacity at a date (`Filter::OnlineAt`).
//!
//! Run with `cargo run --example registry_diff`.

use sovereign_compute::analysis::Compute;
use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::Status;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{AcceleratorCount, Precision, Sparsity};
use sovereign_compute::{Result, datasets};

/// A copy of `registry` with the example's three revisions.
fn revise(registry: &Registry) -> Result<Registry> {
    let mut deployments = registry.deployments().to_vec();
    for deployment in &mut deployments {
        for phase in &mut deployment.phases {
            match (deployment.id.as_str(), phase.name.as_str()) {
                ("gb-nebius-nscale", "first phase") => {
                    if let Some(line) = phase.hardware.first_mut() {
                        line.count.value = Estimate::exact(AcceleratorCount::gpus(16_000))
                            .with_phrase("16,000 NVIDIA Blackwell GPUs");
                    }
                }
                ("de-industrial-ai-cloud", "first phase") => {
                    phase.dates.online = Some("2026-Q3".parse()?);
                }
                ("fr-mistral-compute", "expansion sites") => phase.status = Status::Cancelled,
                _ => {}
            }
        }
    }
    let mut builder = Registry::builder().catalog(registry.catalog().clone());
    for source in registry.sources() {
        builder = builder.source(source.clone());
    }
    for organisation in registry.organisations() {
        builder = builder.organisation(organisation.clone());
    }
    for deployment in deployments {
        builder = builder.deployment(deployment);
    }
    for programme in registry.programmes() {
        builder = builder.programme(programme.clone());
    }
    for initiative in registry.initiatives() {
        builder = builder.initiative(initiative.clone());
    }
    builder.build()
}

fn main() -> Result<()> {
    let older = datasets::gtc_paris_2025()?;
    let newer = revise(&older)?;

    let diff = Registry::diff(&older, &newer)?;
    println!("{diff}");
    println!(
        "{}",
        diff.summary(Compute::peak(Precision::Fp4, Sparsity::Sparse))?
    );
    Ok(())
}
