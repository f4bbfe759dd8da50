//! Headline claims against their parts: a programme's claim compared with the itemised sum
//! of the deployments it lists, and programmes that list the same deployment.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use super::Query;
use super::filter::members;
use super::measure::{Compute, Gpus, Measure, Routes};
use super::table::Collector;
use super::walk::Tally;
use super::walk::Walk;
use crate::estimate::{Amount, Estimate, Total};
use crate::model::{DeploymentId, FormatReading, Programme, ProgrammeId};
use crate::registry::Registry;
use crate::units::{AcceleratorCount, ComputeFigure, ComputeFormat, CountingUnit};
use crate::{Error, Result};

/// How the format of a compute claim was read.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Reading;
/// assert_eq!(Reading::CallerAssumed.to_string(), "assumed by the caller");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reading {
    /// The source states it (and GPU claims are in GPUs).
    Stated,
    /// The registry assumes it, for this reason.
    Assumed(String),
    /// The source does not state it and the registry assumes none; the caller chose it.
    CallerAssumed,
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reading::Stated => f.write_str("stated"),
            Reading::Assumed(reason) => write!(f, "assumed by the registry: {reason}"),
            Reading::CallerAssumed => f.write_str("assumed by the caller"),
        }
    }
}

/// Why a claim could not be compared with its parts.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::NotComparable;
/// assert!(NotComparable::NoFormat.to_string().contains("number format"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotComparable {
    /// The programme makes no claim of this kind.
    NoClaim,
    /// The claim's figure is unknown.
    UnknownClaim,
    /// The claim is exactly zero, so shares of it mean nothing.
    ZeroClaim,
    /// The compute claim states no number format, the registry assumes none, and the caller
    /// gave none: formats cannot be compared.
    NoFormat,
    /// The GPU claim counts another unit (racks, say) and a programme has no hardware to
    /// convert it through.
    ClaimUnit(CountingUnit),
}

impl fmt::Display for NotComparable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotComparable::NoClaim => f.write_str("the programme makes no such claim"),
            NotComparable::UnknownClaim => f.write_str("the claim's figure is unknown"),
            NotComparable::ZeroClaim => f.write_str("the claim is zero"),
            NotComparable::NoFormat => f.write_str(
                "formats cannot be compared: the claim states no number format and none is assumed; pass the format to assume",
            ),
            NotComparable::ClaimUnit(unit) => write!(
                f,
                "the claim counts {unit}s, which cannot be converted to GPUs without a hardware part"
            ),
        }
    }
}

/// A ratio with bounds: 0.4 is 40%. `upper` is `None` when unbounded.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Share;
/// let s = Share { lower: 0.25, central: Some(0.5), upper: None };
/// assert_eq!(s.to_string(), "50.0% (25.0%–unbounded)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// The lower bound.
    pub lower: f64,
    /// Central over central; `None` when either is unknown.
    pub central: Option<f64>,
    /// The upper bound; `None` when unbounded.
    pub upper: Option<f64>,
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let central = self.central.map_or_else(|| "unknown".to_owned(), percent);
        let upper = self.upper.map_or_else(|| "unbounded".to_owned(), percent);
        write!(f, "{central} ({}–{upper})", percent(self.lower))
    }
}

/// The central difference between a claim and its parts.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Balance;
/// assert_eq!(Balance::Unattributed(5u64).to_string(), "5 unattributed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Balance<T> {
    /// The claim exceeds the parts by this much.
    Unattributed(T),
    /// The parts exceed the claim by this much.
    Exceeded(T),
}

impl<T: Amount> fmt::Display for Balance<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Balance::Unattributed(v) => write!(f, "{} unattributed", Estimate::exact(*v)),
            Balance::Exceeded(v) => write!(f, "parts exceed the claim by {}", Estimate::exact(*v)),
        }
    }
}

/// What of a claim its itemised parts do not account for: claim − itemised, with bounds.
///
/// With the claim in `[cl, cu]` and the itemised sum in `[il, iu]`, the remainder lies in
/// `[max(0, cl − iu), max(0, cu − il)]` (negative differences are the parts exceeding the
/// claim, reported by [`certainly_exceeded`](Self::certainly_exceeded) and the central
/// [`Balance`]). An unbounded claim gives an unbounded upper bound; an unbounded itemised sum
/// (an unknown or open-ended part) a lower bound of zero.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{Balance, Remainder};
/// let r = Remainder { lower: 0u64, central: Some(Balance::Unattributed(10)), upper: Some(40), certainly_exceeded: false };
/// assert_eq!(r.to_string(), "10 unattributed (0–40)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Remainder<T> {
    /// The lower bound of the unattributed part (zero or more).
    pub lower: T,
    /// Central claim minus central itemised; `None` when no itemised part is known.
    pub central: Option<Balance<T>>,
    /// The upper bound; `None` when unbounded.
    pub upper: Option<T>,
    /// Whether the parts exceed the claim whatever the unknowns are (`il > cu`).
    pub certainly_exceeded: bool,
}

impl<T: Amount> fmt::Display for Remainder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.central {
            Some(b) => write!(f, "{b}")?,
            None => f.write_str("unknown")?,
        }
        let upper = self.upper.map_or_else(
            || "unbounded".to_owned(),
            |u| Estimate::exact(u).to_string(),
        );
        write!(f, " ({}–{upper})", Estimate::exact(self.lower))?;
        if self.certainly_exceeded {
            f.write_str("; the parts certainly exceed the claim")?;
        }
        Ok(())
    }
}

/// A claim compared with its itemised parts.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{reconcile_gpus, Outcome};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{Programme, Sourced};
/// use sovereign_compute::registry::Registry;
///
/// let mut p = Programme::new("p", "P");
/// p.gpus = Some(Sourced::new(Estimate::parse("up to 1,000 GPUs")?));
/// let registry = Registry::builder().programme(p).build()?;
/// let r = reconcile_gpus(&registry, &registry.programmes()[0])?;
/// let Outcome::Compared(c) = r.outcome else { unreachable!() };
/// // "Up to" has a lower bound of zero, so any part could cover all of it.
/// assert_eq!((c.covered.lower, c.covered.upper), (0.0, None));
/// assert_eq!(c.remainder.upper.map(|u| u.count()), Some(1_000));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Comparison<T> {
    /// The claim, in the compared format (or in GPUs).
    pub claim: Estimate<T>,
    /// How its format was read.
    pub reading: Reading,
    /// Itemised over claim: `[il / cu, iu / cl]`, central over central. A lower bound uses
    /// the claim's upper bound (0 when unbounded); an upper bound the claim's lower bound
    /// (unbounded when it is zero, as for "up to" claims). Not capped at 100%: more than 100%
    /// means the parts exceed the claim.
    pub covered: Share,
    /// Claim minus itemised.
    pub remainder: Remainder<T>,
}

/// The outcome of a reconciliation.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{reconcile_gpus, Outcome};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{Programme, Sourced};
/// use sovereign_compute::registry::Registry;
///
/// let mut p = Programme::new("p", "P");
/// p.gpus = Some(Sourced::new(Estimate::parse("up to 1,000 GPUs")?));
/// let registry = Registry::builder().programme(p).build()?;
/// let r = reconcile_gpus(&registry, &registry.programmes()[0])?;
/// assert!(matches!(r.outcome, Outcome::Compared(_)));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    /// The claim and its parts are in the same format or unit.
    Compared(Comparison<T>),
    /// They cannot be compared, and why.
    NotComparable(NotComparable),
}

/// A programme's headline claim against the itemised sum of the deployments it lists; see
/// [`reconcile_compute`] and [`reconcile_gpus`].
///
/// `Display` writes the programme, the itemised sum and its routes, the claim, the covered
/// share and the remainder, one per line.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{reconcile_gpus, Outcome};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{Programme, Sourced};
/// use sovereign_compute::registry::Registry;
///
/// let mut p = Programme::new("p", "P");
/// p.gpus = Some(Sourced::new(Estimate::parse("up to 1,000 GPUs")?));
/// let registry = Registry::builder().programme(p).build()?;
/// let r = reconcile_gpus(&registry, &registry.programmes()[0])?;
/// assert_eq!((r.listed, r.counted, r.itemised.parts()), (0, 0, 0));
/// assert!(r.to_string().starts_with("programme p\n"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reconciliation<T> {
    /// The programme.
    pub programme: ProgrammeId,
    /// How many deployments the programme lists.
    pub listed: usize,
    /// How many distinct records were summed: each listed deployment stands for the record
    /// counted in its place (see [`excluded`](super::excluded)), and each record counts once.
    pub counted: usize,
    /// The sum of the counted records' phases (cancelled and superseded phases left out),
    /// in the claim's format; empty when there is no format to sum in. A listed deployment
    /// the registry does not have is one unknown part.
    pub itemised: Total<T>,
    /// How the itemised parts were obtained.
    pub routes: Routes,
    /// The comparison, or why there is none.
    pub outcome: Outcome<T>,
}

impl<T: Amount> fmt::Display for Reconciliation<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "programme {}", self.programme)?;
        writeln!(
            f,
            "itemised: {} from {} record(s) of {} listed ({})",
            self.itemised, self.counted, self.listed, self.routes
        )?;
        match &self.outcome {
            Outcome::Compared(c) => {
                writeln!(f, "claim: {} (format {})", c.claim, c.reading)?;
                writeln!(f, "covered: {}", c.covered)?;
                writeln!(f, "remainder: {}", c.remainder)
            }
            Outcome::NotComparable(why) => writeln!(f, "not comparable: {why}"),
        }
    }
}

/// Reconciles a programme's headline compute claim with its deployments.
///
/// The claim's format is its stated one, else the registry's assumed one, else `assume`
/// (reported as [`Reading::CallerAssumed`]); with none, the outcome is
/// [`NotComparable::NoFormat`]. The deployments are summed in that format as
/// [`Compute`] does: a phase stating compute in exactly that format counts as stated, else
/// its hardware is converted through the catalog where it has a figure in that format, else
/// the part is unknown. See [`Remainder`] and [`Comparison::covered`] for the bounds.
///
/// # Errors
/// [`Error::Overflow`] if a sum does not fit.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{reconcile_compute, NotComparable, Outcome};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{FormatReading, Programme, Sourced, StatedCompute};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::units::{ComputeFormat, Precision, Sparsity};
///
/// let mut p = Programme::new("eu-ai", "EU AI build-out");
/// p.compute = Some(StatedCompute::new(
///     Sourced::new(Estimate::parse("more than 3,000 exaflops")?),
///     FormatReading::Unstated,
/// ));
/// let registry = Registry::builder().programme(p).build()?;
/// let programme = &registry.programmes()[0];
///
/// let r = reconcile_compute(&registry, programme, None)?;
/// assert_eq!(r.outcome, Outcome::NotComparable(NotComparable::NoFormat));
///
/// let fp4 = ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse);
/// let Outcome::Compared(c) = reconcile_compute(&registry, programme, Some(fp4))?.outcome else { unreachable!() };
/// assert_eq!(c.covered.lower, 0.0); // no parts listed: nothing covered
/// assert_eq!(c.remainder.upper, None); // "more than": unbounded
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn reconcile_compute(
    registry: &Registry,
    programme: &Programme,
    assume: Option<ComputeFormat>,
) -> Result<Reconciliation<ComputeFigure>> {
    let Some(stated) = &programme.compute else {
        return itemise(
            registry,
            programme,
            None::<Compute>,
            Err(NotComparable::NoClaim),
        );
    };
    let (format, reading) = match (&stated.format, assume) {
        (FormatReading::Stated(f), _) => (*f, Reading::Stated),
        (FormatReading::Assumed { format, reason }, _) => {
            (*format, Reading::Assumed(reason.clone()))
        }
        (FormatReading::Unstated, Some(f)) => (f, Reading::CallerAssumed),
        (FormatReading::Unstated, None) => {
            return itemise(
                registry,
                programme,
                None::<Compute>,
                Err(NotComparable::NoFormat),
            );
        }
    };
    let claim = stated
        .rate
        .value
        .try_map(|rate| Ok(ComputeFigure::new(rate, format)))?;
    itemise(
        registry,
        programme,
        Some(Compute::new(format)),
        Ok((claim, reading)),
    )
}

/// Reconciles a programme's headline GPU claim with its deployments' GPUs (converted through
/// the catalog as [`Gpus`] does).
///
/// A claim counted in another unit than GPUs cannot be compared
/// ([`NotComparable::ClaimUnit`]). See [`Remainder`] and [`Comparison::covered`] for the
/// bounds.
///
/// # Errors
/// [`Error::Overflow`] if a sum does not fit.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::{reconcile_gpus, Balance, Outcome};
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::*;
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let line = |n: &str| HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse(n).unwrap()));
/// let mut p = Programme::new("p", "Programme");
/// p.gpus = Some(Sourced::new(Estimate::parse("10,000 GPUs")?));
/// p.deployments = vec!["a".parse()?];
/// let registry = Registry::builder()
///     .deployment(Deployment::new("a", "A", Country::FR)
///         .with_phase(Phase::new("p1", Status::Planned).with_hardware_line(line("4,000 GPUs"))))
///     .programme(p)
///     .build()?;
/// let r = reconcile_gpus(&registry, &registry.programmes()[0])?;
/// let Outcome::Compared(c) = &r.outcome else { unreachable!() };
/// assert_eq!(c.covered.central, Some(0.4));
/// assert_eq!(c.remainder.central, Some(Balance::Unattributed(sovereign_compute::units::AcceleratorCount::gpus(6_000))));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn reconcile_gpus(
    registry: &Registry,
    programme: &Programme,
) -> Result<Reconciliation<AcceleratorCount>> {
    let claim = match &programme.gpus {
        None => Err(NotComparable::NoClaim),
        Some(s) => match s.value.bounds().map(|b| b.lower.unit()) {
            None => Err(NotComparable::UnknownClaim),
            Some(CountingUnit::Gpu) => Ok((s.value.clone(), Reading::Stated)),
            Some(unit) => Err(NotComparable::ClaimUnit(unit)),
        },
    };
    itemise(registry, programme, Some(Gpus), claim)
}

/// Sums the programme's records with `measure` (none: nothing to sum in) and compares.
fn itemise<M: Measure>(
    registry: &Registry,
    programme: &Programme,
    measure: Option<M>,
    claim: Result<(Estimate<M::Value>, Reading), NotComparable>,
) -> Result<Reconciliation<M::Value>>
where
    M::Value: Difference,
{
    let counted = members(registry, &programme.deployments);
    let missing = programme
        .deployments
        .iter()
        .filter(|id| registry.deployment(id).is_none())
        .count();
    let mut tally = Tally::default();
    if let Some(measure) = &measure {
        let query = Query::new();
        let walk = Walk::new(registry, &query, measure, None).only(counted.clone());
        let mut collector = Collector::new(walk.key_space());
        walk.run(&mut collector)?;
        tally = collector.all;
        for _ in 0..missing {
            tally.add(&None, super::Route::Unknown);
        }
    }
    let (itemised, routes) = match &measure {
        Some(m) => tally.finish(m.one())?,
        None => (Total::new(), super::Routes::default()),
    };
    let outcome = match claim {
        Err(why) => Outcome::NotComparable(why),
        Ok((claim, reading)) => match compare(&claim, &itemised)? {
            Ok((covered, remainder)) => Outcome::Compared(Comparison {
                claim,
                reading,
                covered,
                remainder,
            }),
            Err(why) => Outcome::NotComparable(why),
        },
    };
    Ok(Reconciliation {
        programme: programme.id.clone(),
        listed: programme.deployments.len(),
        counted: counted.len(),
        itemised,
        routes,
        outcome,
    })
}

/// Subtraction for the amounts claims are made in.
pub(crate) trait Difference: Amount {
    /// `self − rhs`; only called with `self ≥ rhs`.
    fn minus(self, rhs: Self) -> Result<Self>;
}

impl Difference for ComputeFigure {
    fn minus(self, rhs: Self) -> Result<Self> {
        if self.format != rhs.format {
            return Err(Error::FormatMismatch {
                left: self.format,
                right: rhs.format,
            });
        }
        Ok(ComputeFigure::new(
            self.rate.checked_sub(rhs.rate)?,
            self.format,
        ))
    }
}

impl Difference for AcceleratorCount {
    fn minus(self, rhs: Self) -> Result<Self> {
        self.checked_sub(rhs)
    }
}

/// `max(0, a − b)`.
fn excess<T: Difference>(a: T, b: T) -> Result<T> {
    match a.try_cmp(&b)? {
        Ordering::Greater => a.minus(b),
        _ => Ok(a.zero_like()),
    }
}

/// `a / b` as a ratio, `None` when `b` is zero.
fn ratio<T: Amount>(a: T, b: T) -> Option<f64> {
    let b = b.to_f64();
    (b > 0.0).then(|| a.to_f64() / b)
}

/// The covered share and remainder of a claim by an itemised total; see [`Remainder`] and
/// [`Comparison::covered`] for the interval arithmetic.
fn compare<T: Difference>(
    claim: &Estimate<T>,
    itemised: &Total<T>,
) -> Result<Result<(Share, Remainder<T>), NotComparable>> {
    let (Some(c), Some(cc)) = (claim.bounds(), claim.central()) else {
        return Ok(Err(NotComparable::UnknownClaim));
    };
    if c.upper.is_some_and(|u| u.to_f64() == 0.0) {
        return Ok(Err(NotComparable::ZeroClaim));
    }
    let zero = c.lower.zero_like();
    // An empty itemised sum (no parts at all) is exactly zero; otherwise a total with no
    // known part has lower bound zero and no central value.
    let il = itemised.lower().unwrap_or(zero);
    let ic = if itemised.parts() == 0 {
        Some(zero)
    } else {
        itemised.central()
    };
    let iu = if itemised.parts() == 0 {
        Some(zero)
    } else {
        itemised.upper()
    };

    let covered = Share {
        lower: c.upper.and_then(|cu| ratio(il, cu)).unwrap_or(0.0),
        central: ic.and_then(|ic| ratio(ic, cc)),
        upper: iu.and_then(|iu| ratio(iu, c.lower)),
    };
    let central = match ic {
        None => None,
        Some(ic) if ic.try_cmp(&cc)? == Ordering::Greater => Some(Balance::Exceeded(ic.minus(cc)?)),
        Some(ic) => Some(Balance::Unattributed(cc.minus(ic)?)),
    };
    let remainder = Remainder {
        lower: match iu {
            Some(iu) => excess(c.lower, iu)?,
            None => zero,
        },
        central,
        upper: c.upper.map(|cu| excess(cu, il)).transpose()?,
        certainly_exceeded: match c.upper {
            Some(cu) => il.try_cmp(&cu)? == Ordering::Greater,
            None => false,
        },
    };
    Ok(Ok((covered, remainder)))
}

/// A deployment listed, directly or through a record it stands for, by more than one
/// programme: summing those programmes' totals would count it twice.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Overlap;
/// let o = Overlap { deployment: "fr-a".parse()?, programmes: vec!["p1".parse()?, "p2".parse()?] };
/// assert_eq!(o.to_string(), "fr-a is in programmes p1, p2");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    /// The record counted (after resolving superseded and duplicate records).
    pub deployment: DeploymentId,
    /// The programmes listing it, in registry order.
    pub programmes: Vec<ProgrammeId>,
}

impl fmt::Display for Overlap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.programmes.iter().map(ProgrammeId::as_str).collect();
        write!(
            f,
            "{} is in programmes {}",
            self.deployment,
            names.join(", ")
        )
    }
}

/// Every deployment that more than one programme lists, by deployment ID. Each listed
/// deployment stands for the record counted in its place, so a programme listing an old
/// announcement and another listing its revision overlap too.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::overlaps;
/// use sovereign_compute::model::{Deployment, Programme};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let mut a = Programme::new("a", "A");
/// a.deployments = vec!["d".parse()?];
/// let mut b = Programme::new("b", "B");
/// b.deployments = vec!["d".parse()?];
/// let registry = Registry::builder()
///     .deployment(Deployment::new("d", "D", Country::FR))
///     .programme(a)
///     .programme(b)
///     .build()?;
/// let found = overlaps(&registry);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].to_string(), "d is in programmes a, b");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn overlaps(registry: &Registry) -> Vec<Overlap> {
    let mut listed: BTreeMap<&DeploymentId, Vec<&ProgrammeId>> = BTreeMap::new();
    for p in registry.programmes() {
        for position in members(registry, &p.deployments) {
            if let Some(d) = registry.deployments().get(position as usize) {
                listed.entry(&d.id).or_default().push(&p.id);
            }
        }
    }
    listed
        .into_iter()
        .filter(|(_, programmes)| programmes.len() > 1)
        .map(|(id, programmes)| Overlap {
            deployment: id.clone(),
            programmes: programmes.into_iter().cloned().collect(),
        })
        .collect()
}
