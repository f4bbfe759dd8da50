//! Build a registry in code, make the mistakes people make, and read what validation says.
//!
//! Run with `cargo run --example build_registry`.

use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::{
    Citation, Deployment, HardwareLine, HardwareRef, Organisation, OrganisationKind, Participation,
    Phase, Programme, Role, Source, Sourced, Status,
};
use sovereign_compute::registry::Registry;
use sovereign_compute::{Country, Error};

fn main() -> sovereign_compute::Result<()> {
    let source = Source::new("press-2025-06", "A press release").with_publisher("ACME");
    let acme = Organisation::new("acme-cloud", "ACME Cloud", OrganisationKind::CloudProvider)
        .with_headquarters(Country::NL);

    let good = Deployment::new("nl-acme", "ACME Amsterdam", Country::NL)
        .with_organisation(Participation::new(acme.id.clone(), Role::Operator))
        .with_phase(
            Phase::new("first phase", Status::Planned)
                .with_announced("2025-06")
                .with_online("2026-Q2")
                .with_hardware_line(HardwareLine::new(
                    HardwareRef::System("nvidia-gb200-nvl72".into()),
                    Sourced::new(Estimate::parse("about 40 racks")?).with_citation(
                        Citation::new(source.id.clone()).with_quote("some 40 GB200 NVL72 racks"),
                    ),
                )),
        );

    // The mistakes: a partner nobody registered, an online date before the announcement, a
    // GPU counted in racks although no rack in the catalog is built from it, and a programme
    // that claims a deployment outside its countries.
    let bad = Deployment::new("de-acme", "ACME Frankfurt", Country::DE)
        .with_organisation(Participation::new("acme-partner", Role::Partner))
        .with_phase(
            Phase::new("first phase", Status::Planned)
                .with_announced("2026")
                .with_online("2025-Q4")
                .with_hardware_line(HardwareLine::new(
                    HardwareRef::Part("nvidia-b200".into()),
                    Sourced::new(Estimate::parse("10 racks")?),
                )),
        );
    let mut programme = Programme::new("acme-nl", "ACME in the Netherlands");
    programme.countries = vec![Country::NL];
    programme.deployments = vec![good.id.clone(), bad.id.clone()];

    let attempt = Registry::builder()
        .source(source.clone())
        .organisation(acme.clone())
        .deployment(good.clone())
        .deployment(bad)
        .programme(programme)
        .build();
    match attempt {
        Err(Error::InvalidRegistry { problems }) => {
            println!("{} problems, all reported at once:", problems.len());
            for p in &problems {
                println!(
                    "  {}  [{} {}, field {}]",
                    p.message, p.record, p.id, p.field
                );
            }
        }
        Err(other) => return Err(other),
        Ok(_) => println!("unexpectedly valid"),
    }

    let registry = Registry::builder()
        .source(source)
        .organisation(acme)
        .deployment(good)
        .build()?;
    println!(
        "\nWithout the mistakes: {} deployment(s), valid.",
        registry.deployments().len()
    );
    Ok(())
}
