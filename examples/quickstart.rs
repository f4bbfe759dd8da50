//! Two deployments from names and phrases; GPUs and FP8 by country; online at 2026-12-31; JSON.
use sovereign_compute::prelude::*;

fn main() -> Result<()> {
    let registry = Registry::builder()
        .deployment(
            Deployment::new("fr-mistral-compute", "Mistral Compute", Country::FR).with_phase(
                Phase::new("first phase", Status::Planned)
                    .with_hardware("GB200", "18,000 superchips")
                    .with_online("2026"),
            ),
        )
        .deployment(
            Deployment::new("de-industrial-ai-cloud", "Industrial AI Cloud", Country::DE)
                .with_phase(
                    Phase::new("first phase", Status::UnderConstruction)
                        .with_hardware("B200", "10,000 GPUs")
                        .with_online("2026-Q1"),
                ),
        )
        .build()?;

    let by_country = Query::new().group_by(GroupKey::HostCountry);
    println!("{}", by_country.run(&registry, Gpus)?);
    let fp8 = Compute::peak(Precision::Fp8, Sparsity::Dense);
    println!("{}", by_country.run(&registry, fp8)?);

    let date = PartialDate::parse("2026-12-31")?.latest();
    let scenario = Scenario::Committed;
    let online = Query::new().filter(Filter::OnlineAt { date, scenario });
    let gpus = online.run(&registry, Gpus)?;
    println!("{gpus}");
    assert_eq!(gpus.total().central().map(|n| n.count()), Some(46_000));

    assert_eq!(Registry::from_json(&registry.to_json()?)?, registry);
    Ok(())
}
