//! Synthetic registries for benchmarks and tests: deterministic, valid against the built-in
//! catalog, and shaped like real data (several countries, statuses, partial dates, estimates
//! of every kind, parts counted in GPUs, superchips, nodes and racks).
//!
//! ```
//! use sovereign_compute::synthetic;
//!
//! let registry = synthetic::registry(100, 7)?;
//! assert_eq!(registry.deployments().len(), 100);
//! assert_eq!(synthetic::registry(100, 7)?, registry); // same seed, same registry
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

use crate::estimate::Estimate;
use crate::model::{
    Citation, Deployment, DeploymentId, HardwareLine, HardwareRef, Organisation, OrganisationId,
    OrganisationKind, Participation, Phase, Purpose, Role, Source, SourceId, Sourced, Status,
};
use crate::registry::{Registry, RegistryBuilder};
use crate::units::{AcceleratorCount, CountingUnit, Power};
use crate::{Country, PartialDate, Result};

/// SplitMix64: small, fast and deterministic; statistical quality is not needed here.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        // `items` is never empty at the call sites below; index 0 is always valid for them.
        &items[self.below(items.len() as u64) as usize]
    }
}

const COUNTRIES: [Country; 12] = [
    Country::FR,
    Country::DE,
    Country::IT,
    Country::GB,
    Country::ES,
    Country::NO,
    Country::CH,
    Country::SE,
    Country::FI,
    Country::NL,
    Country::US,
    Country::JP,
];

/// (hardware, counting unit, typical count) triples valid in the built-in catalog.
const HARDWARE: [(&str, bool, CountingUnit, u64); 8] = [
    ("nvidia-h100-sxm", false, CountingUnit::Gpu, 4_000),
    ("nvidia-b200", false, CountingUnit::Gpu, 8_000),
    ("nvidia-gb200", false, CountingUnit::Superchip, 9_000),
    ("nvidia-gb200-nvl72", true, CountingUnit::Rack, 120),
    ("nvidia-dgx-b200", true, CountingUnit::Node, 1_000),
    ("nvidia-gb300-gpu", false, CountingUnit::Gpu, 20_000),
    ("amd-mi300x", false, CountingUnit::Gpu, 3_000),
    ("nvidia-rtx-pro-server", true, CountingUnit::Node, 250),
];

const STATUSES: [Status; 6] = [
    Status::Announced,
    Status::Planned,
    Status::UnderConstruction,
    Status::PartiallyOperational,
    Status::Operational,
    Status::Cancelled,
];

fn id<T: std::str::FromStr<Err = crate::Error>>(s: String) -> Result<T> {
    s.parse()
}

fn count(rng: &mut Rng, unit: CountingUnit, typical: u64) -> Result<Estimate<AcceleratorCount>> {
    let n = AcceleratorCount::new(typical / 2 + rng.below(typical), unit);
    Ok(match rng.below(5) {
        0 => Estimate::at_least(n),
        1 => Estimate::at_most(n),
        2 => Estimate::range(
            n,
            n.checked_add(AcceleratorCount::new(rng.below(typical) + 1, unit))?,
        )?,
        3 => Estimate::approximately(n, 0.1)?,
        _ => Estimate::exact(n),
    })
}

fn date(rng: &mut Rng) -> Result<PartialDate> {
    let year = 2023 + rng.below(6) as i32;
    match rng.below(4) {
        0 => PartialDate::year(year),
        1 => PartialDate::half(year, 1 + rng.below(2) as u32),
        2 => PartialDate::quarter(year, 1 + rng.below(4) as u32),
        _ => PartialDate::month(year, 1 + rng.below(12) as u32),
    }
}

fn phase(rng: &mut Rng, k: usize, source: &SourceId) -> Result<Phase> {
    let status = *rng.pick(&STATUSES);
    let mut phase = Phase::new(format!("phase {}", k + 1), status);
    let online = date(rng)?;
    phase.dates.online = Some(online);
    if rng.below(2) == 0 {
        phase.dates.announced = Some(PartialDate::year(online.calendar_year() - 1)?);
    }
    let lines = 1 + rng.below(2);
    for _ in 0..lines {
        let (name, system, unit, typical) = *rng.pick(&HARDWARE);
        let hardware = if system {
            HardwareRef::System(name.into())
        } else {
            HardwareRef::Part(name.into())
        };
        let estimate = count(rng, unit, typical)?;
        phase = phase.with_hardware_line(HardwareLine::new(
            hardware,
            Sourced::new(estimate).with_citation(Citation::new(source.clone())),
        ));
    }
    if rng.below(3) == 0 {
        let mw = 10.0 + rng.below(190) as f64;
        phase.power = Some(Box::new(Sourced::new(Estimate::approximately(
            Power::new::<crate::units::system::power::megawatt>(mw)?,
            0.1,
        )?)));
    }
    Ok(phase)
}

/// A builder with `deployments` synthetic deployments (one to three phases each), one
/// organisation per ten deployments and one source per hundred, from `seed`.
///
/// # Errors
/// None in practice; the `Result` carries the checked constructors it uses.
///
/// # Example
/// ```
/// let builder = sovereign_compute::synthetic::builder(10, 1)?;
/// assert!(builder.problems()?.is_empty());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn builder(deployments: usize, seed: u64) -> Result<RegistryBuilder> {
    let mut rng = Rng(seed);
    let mut b = Registry::builder();
    let n_sources = deployments / 100 + 1;
    let n_orgs = deployments / 10 + 1;
    let sources: Vec<SourceId> = (0..n_sources)
        .map(|i| id(format!("source-{i}")))
        .collect::<Result<_>>()?;
    for s in &sources {
        b = b.source(Source::new(s.clone(), format!("Synthetic source {s}")));
    }
    let orgs: Vec<OrganisationId> = (0..n_orgs)
        .map(|i| id(format!("org-{i}")))
        .collect::<Result<_>>()?;
    for (i, o) in orgs.iter().enumerate() {
        let kind = *rng.pick(OrganisationKind::ALL);
        b = b.organisation(
            Organisation::new(o.clone(), format!("Organisation {i}"), kind)
                .with_headquarters(*rng.pick(&COUNTRIES)),
        );
    }
    for i in 0..deployments {
        let source = rng.pick(&sources).clone();
        let host = *rng.pick(&COUNTRIES);
        let did: DeploymentId = id(format!("dep-{i}"))?;
        let mut d = Deployment::new(did, format!("Deployment {i}"), host)
            .with_organisation(Participation::new(rng.pick(&orgs).clone(), Role::Operator))
            .with_organisation(Participation::new(rng.pick(&orgs).clone(), Role::Owner))
            .with_purpose(*rng.pick(Purpose::ALL))
            .with_citation(Citation::new(source.clone()));
        for k in 0..(1 + rng.below(3) as usize) {
            d = d.with_phase(phase(&mut rng, k, &source)?);
        }
        b = b.deployment(d);
    }
    Ok(b)
}

/// A validated synthetic registry; see [`builder`].
///
/// # Errors
/// Only if the built-in catalog cannot be loaded.
///
/// # Example
/// ```
/// let r = sovereign_compute::synthetic::registry(5, 42)?;
/// assert_eq!(r.deployments().len(), 5);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn registry(deployments: usize, seed: u64) -> Result<Registry> {
    builder(deployments, seed)?.build()
}
