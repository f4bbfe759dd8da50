//! Hardware lines through the catalog: the parts a line may mean, GPUs per counted unit and
//! the per-GPU figure a measure needs, looked up once per distinct kind of line and cached,
//! because catalog lookups fold names and a large registry repeats the same few parts.

use std::cmp::Ordering;

use super::hashing::FastMap;
use super::key::Slot;
use crate::catalog::{Accelerator, Catalog};
use crate::estimate::{Amount, Bounds, Estimate, Rounding};
use crate::model::HardwareRef;
use crate::units::{AcceleratorCount, CountingUnit};
use crate::{Error, Result};

/// One part a line may mean, with what the catalog gives for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate<F> {
    /// GPUs in one counted unit; `None` when the catalog cannot convert (or the count is
    /// unknown, so has no unit).
    pub(crate) gpus_per: Option<u64>,
    /// The measure's figure for one GPU; `None` when the catalog has none.
    pub(crate) per_gpu: Option<F>,
}

/// What the catalog says about one kind of hardware line, for a measure whose per-GPU factor
/// is `F` (a rate, a power, or nothing).
#[derive(Debug, Clone)]
pub(crate) struct Facts<'r, F> {
    /// The parts the line may mean: one for a part, a system or unlisted hardware; the
    /// family's members (those countable in the line's unit) or the listed parts when the
    /// source leaves the part open. Empty when none applies.
    pub(crate) candidates: Vec<Candidate<F>>,
    /// Whether the count is already in GPUs (so not converted).
    pub(crate) in_gpus: bool,
    /// The line's groups for the part, vendor and architecture keys.
    pub(crate) part: Slot<'r>,
    pub(crate) vendor: Slot<'r>,
    pub(crate) architecture: Slot<'r>,
}

/// The cache, keyed by the hardware reference and the counting unit of the line's count.
#[derive(Debug)]
pub(crate) struct Hardware<'r, F> {
    catalog: &'r Catalog,
    index: FastMap<(&'r HardwareRef, Option<CountingUnit>), usize>,
    facts: Vec<Facts<'r, F>>,
}

impl<'r, F: Copy> Hardware<'r, F> {
    pub(crate) fn new(catalog: &'r Catalog) -> Self {
        Self {
            catalog,
            index: FastMap::default(),
            facts: Vec::new(),
        }
    }

    /// The index of the facts for a line's hardware counted with this estimate, reading
    /// per-GPU figures with `per_gpu(catalog, part or system ID)` the first time this kind of
    /// line is seen.
    pub(crate) fn look_up(
        &mut self,
        hardware: &'r HardwareRef,
        count: &Estimate<AcceleratorCount>,
        per_gpu: impl Fn(&Catalog, &str) -> Option<F>,
    ) -> usize {
        let unit = count.bounds().map(|b| b.lower.unit());
        if let Some(&i) = self.index.get(&(hardware, unit)) {
            return i;
        }
        let facts = self.facts_of(hardware, unit, per_gpu);
        let i = self.facts.len();
        self.facts.push(facts);
        self.index.insert((hardware, unit), i);
        i
    }

    /// The facts at an index [`look_up`](Self::look_up) gave.
    pub(crate) fn get(&self, i: usize) -> Option<&Facts<'r, F>> {
        self.facts.get(i)
    }

    fn facts_of(
        &self,
        hardware: &'r HardwareRef,
        unit: Option<CountingUnit>,
        per_gpu: impl Fn(&Catalog, &str) -> Option<F>,
    ) -> Facts<'r, F> {
        let catalog = self.catalog;
        let in_gpus = unit == Some(CountingUnit::Gpu);
        let candidate = |name: &str| Candidate {
            gpus_per: unit.and_then(|u| catalog.gpus_per(name, u).ok()),
            per_gpu: per_gpu(catalog, name),
        };
        // (the candidates, with the catalog parts they are, and the part-key slot)
        let (candidates, parts, part): (Vec<Candidate<F>>, Vec<&'r Accelerator>, Slot<'r>) =
            match hardware {
                HardwareRef::Part(id) => {
                    let part = catalog.accelerator(id.as_str());
                    let slot = part.map_or(Slot::Unknown, |a| Slot::Part(&a.id));
                    (
                        vec![candidate(id.as_str())],
                        part.into_iter().collect(),
                        slot,
                    )
                }
                HardwareRef::System(id) => {
                    let part = catalog
                        .system(id.as_str())
                        .and_then(|s| catalog.accelerator(s.part.as_str()));
                    let slot = part.map_or(Slot::Unknown, |a| Slot::Part(&a.id));
                    (
                        vec![candidate(id.as_str())],
                        part.into_iter().collect(),
                        slot,
                    )
                }
                HardwareRef::Family(id) => {
                    // Members that cannot be counted in the line's unit are not what it means
                    // (as in the catalog's own family conversions).
                    let members: Vec<&'r Accelerator> = catalog
                        .family(id.as_str())
                        .map(|f| {
                            catalog
                                .members(f)
                                .filter(|a| {
                                    unit.is_none_or(|u| catalog.gpus_per(a.id.as_str(), u).is_ok())
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let candidates = members.iter().map(|a| candidate(a.id.as_str())).collect();
                    (candidates, members, Slot::Family(id))
                }
                HardwareRef::OneOf(ids) => {
                    let parts: Vec<&'r Accelerator> = ids
                        .iter()
                        .filter_map(|id| catalog.accelerator(id.as_str()))
                        .collect();
                    let candidates = ids.iter().map(|id| candidate(id.as_str())).collect();
                    (candidates, parts, Slot::OneOf(ids))
                }
                HardwareRef::Unlisted(name) => {
                    // No catalog entry: GPUs are GPUs, nothing else converts.
                    let only = Candidate {
                        gpus_per: in_gpus.then_some(1),
                        per_gpu: None,
                    };
                    (vec![only], Vec::new(), Slot::Unlisted(name))
                }
            };
        Facts {
            candidates,
            in_gpus,
            part,
            vendor: agreed(&parts, |a| Some(Slot::Vendor(a.vendor.as_str()))),
            architecture: agreed(&parts, |a| {
                a.architecture.as_deref().map(Slot::Architecture)
            }),
        }
    }
}

/// The slot every part agrees on, or `Unknown`.
fn agreed<'r>(
    parts: &[&'r Accelerator],
    slot: impl Fn(&'r Accelerator) -> Option<Slot<'r>>,
) -> Slot<'r> {
    let mut slots = parts.iter().map(|a| slot(a));
    match slots.next().flatten() {
        Some(first) if slots.all(|s| s == Some(first)) => first,
        _ => Slot::Unknown,
    }
}

/// One part of a measure: its bounds and central value, or `None` when unknown.
pub(crate) type Part<T> = Option<(Bounds<T>, T)>;

/// An estimate as a part.
pub(crate) fn part_of<T: Amount>(estimate: &Estimate<T>) -> Part<T> {
    estimate.bounds().zip(estimate.central())
}

/// Applies `f` to the bounds and central value of a part.
pub(crate) fn map_part<T, U>(part: Part<T>, mut f: impl FnMut(T) -> Result<U>) -> Result<Part<U>> {
    let Some((bounds, central)) = part else {
        return Ok(None);
    };
    let lower = f(bounds.lower)?;
    let upper = bounds.upper.map(&mut f).transpose()?;
    Ok(Some((Bounds { lower, upper }, f(central)?)))
}

/// A line's count in GPUs: the estimate × GPUs per unit, exact for whole numbers.
///
/// # Errors
/// [`Error::Overflow`] past `u64::MAX` GPUs.
pub(crate) fn gpus(
    count: &Estimate<AcceleratorCount>,
    gpus_per: Option<u64>,
) -> Result<Part<AcceleratorCount>> {
    let Some(per) = gpus_per else {
        return Ok(None);
    };
    map_part(part_of(count), |n| {
        n.count()
            .checked_mul(per)
            .map(AcceleratorCount::gpus)
            .ok_or(Error::Overflow {
                quantity: "GPU count",
                operation: "multiplication",
            })
    })
}

/// The span of the parts a line's candidates give: the smallest lower bound, the largest
/// upper bound (unbounded if any is), and the midpoint of the smallest and largest central
/// values. Unknown if any candidate's part is, or there is none.
///
/// # Errors
/// Incompatible amounts or overflow.
pub(crate) fn span<T: Amount>(parts: impl IntoIterator<Item = Part<T>>) -> Result<Part<T>> {
    let mut out: Option<(Bounds<T>, T, T)> = None;
    for part in parts {
        let Some((b, c)) = part else {
            return Ok(None);
        };
        out = Some(match out {
            None => (b, c, c),
            Some((acc, lo, hi)) => (
                Bounds {
                    lower: pick(acc.lower, b.lower, Ordering::Less)?,
                    upper: match (acc.upper, b.upper) {
                        (Some(x), Some(y)) => Some(pick(x, y, Ordering::Greater)?),
                        _ => None,
                    },
                },
                pick(lo, c, Ordering::Less)?,
                pick(hi, c, Ordering::Greater)?,
            ),
        });
    }
    let Some((bounds, lo, hi)) = out else {
        return Ok(None);
    };
    let central = if lo == hi {
        lo
    } else {
        lo.try_add(hi)?.try_scale(0.5, Rounding::Down)?
    };
    Ok(Some((bounds, central)))
}

/// `b` if it compares to `a` as `want`, else `a`.
fn pick<T: Amount>(a: T, b: T, want: Ordering) -> Result<T> {
    Ok(if b.try_cmp(&a)? == want { b } else { a })
}
