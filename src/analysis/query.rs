//! The query builder: filters, then grouping, then a measure.

use std::num::NonZeroUsize;
use std::ops::Range;

use super::dimension::GroupKey;
use super::filter::Filter;
use super::measure::Measure;
use super::parallel;
use super::scenario::Scenario;
use super::table::{Collector, Table};
use super::timeline::{Points, Series};
use super::walk::Walk;
use crate::Result;
use crate::registry::Registry;

/// A question about a registry: which records ([`Filter`]s, all of which must hold), grouped
/// how ([`GroupKey`], up to two), adding up what ([`Measure`]).
///
/// [`run`](Self::run) gives a [`Table`] of totals; [`series`](Self::series) gives a
/// [`Series`] of totals at a run of dates. Both count each deployment once (see
/// [`excluded`](super::excluded)) and leave out cancelled and superseded phases.
///
/// # Example
/// ```
/// # #[cfg(feature = "dataset")] {
/// use sovereign_compute::analysis::{Compute, Gpus, GroupKey, Query};
/// use sovereign_compute::units::{Precision, Sparsity};
///
/// let registry = sovereign_compute::synthetic::registry(200, 1)?;
/// let by_country = Query::new().group_by(GroupKey::HostCountry);
/// let gpus = by_country.run(&registry, Gpus)?;
/// let fp4 = by_country.run(&registry, Compute::peak(Precision::Fp4, Sparsity::Dense))?;
/// assert_eq!(gpus.rows().len(), fp4.rows().len());
/// println!("{gpus}\n{fp4:#}");
/// # }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    filters: Vec<Filter>,
    keys: Vec<GroupKey>,
    threads: Option<NonZeroUsize>,
}

impl Query {
    /// Every deployment, not grouped.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Query;
    /// assert!(Query::new().filters().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a filter; all filters must hold.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Filter, Query};
    /// use sovereign_compute::Country;
    /// let q = Query::new().filter(Filter::HostCountry(vec![Country::FR]));
    /// assert_eq!(q.filters().len(), 1);
    /// ```
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filters.push(filter);
        self
    }

    /// Groups by one key (replacing any grouping set before).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{GroupKey, Query};
    /// let q = Query::new().group_by(GroupKey::Vendor);
    /// assert_eq!(q.keys(), [GroupKey::Vendor]);
    /// ```
    pub fn group_by(mut self, key: GroupKey) -> Self {
        self.keys = vec![key];
        self
    }

    /// Groups by a combination of two keys: one row per pair of groups that occurs
    /// (replacing any grouping set before).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{GroupKey, Query};
    /// let q = Query::new().group_by_pair(GroupKey::HostCountry, GroupKey::Status);
    /// assert_eq!(q.keys().len(), 2);
    /// ```
    pub fn group_by_pair(mut self, first: GroupKey, second: GroupKey) -> Self {
        self.keys = vec![first, second];
        self
    }

    /// Uses at most `threads` threads (the caller's included) for a large registry, instead
    /// of one per core: for a query run inside the caller's own thread pool, `threads(1)`
    /// keeps it on the calling thread. Results do not depend on the number of threads.
    ///
    /// # Example
    /// ```
    /// use std::num::NonZeroUsize;
    /// use sovereign_compute::analysis::Query;
    /// let q = Query::new().threads(NonZeroUsize::MIN);
    /// assert_eq!(q.max_threads(), Some(NonZeroUsize::MIN));
    /// ```
    pub fn threads(mut self, threads: NonZeroUsize) -> Self {
        self.threads = Some(threads);
        self
    }

    /// The bound set with [`threads`](Self::threads); `None` means one thread per core.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::analysis::Query::new().max_threads(), None);
    /// ```
    pub fn max_threads(&self) -> Option<NonZeroUsize> {
        self.threads
    }

    /// The filters.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::analysis::Query::new().filters().is_empty());
    /// ```
    pub fn filters(&self) -> &[Filter] {
        &self.filters
    }

    /// The grouping keys, in order.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::analysis::Query::new().keys().is_empty());
    /// ```
    pub fn keys(&self) -> &[GroupKey] {
        &self.keys
    }

    /// Adds the measure up over the selected records, per group and in total.
    ///
    /// Totals are in the measure's unit: GPUs for [`Gpus`](super::Gpus), FLOP/s (OP/s for
    /// INT8) in the asked format for [`Compute`](super::Compute), W for
    /// [`ItPower`](super::ItPower) and [`FacilityPower`](super::FacilityPower), a plain count
    /// for [`Deployments`](super::Deployments) and [`Phases`](super::Phases).
    ///
    /// Takes O(p) time for p phases and hardware lines, read from the registry's resolved
    /// index (no catalog lookup: the registry resolved every line when it was built). A
    /// registry of more than 32,768 deployments is cut into chunks of that size, added up on
    /// the machine's cores (standard threads; see [`threads`](Self::threads) to bound them)
    /// and merged in chunk order, so that a floating-point total depends only on the
    /// registry, never on the number of threads; smaller registries are added up on the
    /// caller's thread.
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) if a sum does not fit its type (more than
    /// `u64::MAX` GPUs, a rate that is not a finite `f64`);
    /// [`Error::MissingFigure`](crate::Error::MissingFigure) for
    /// [`H100Equivalents::at`](super::H100Equivalents::at) a format the registry's catalog has
    /// no H100 SXM figure for.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Filter, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR))
    ///     .deployment(Deployment::new("b", "B", Country::DE))
    ///     .build()?;
    /// let french = Query::new().filter(Filter::HostCountry(vec![Country::FR])).run(&registry, Deployments)?;
    /// assert_eq!(french.total().central(), Some(1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn run<M: Measure>(&self, registry: &Registry, measure: M) -> Result<Table<M>> {
        measure.check(registry.index())?;
        let walk = Walk::new(registry, self, &measure, None);
        // Each chunk of deployments into a collector, on the machine's cores; merged in chunk
        // order, so that the sums do not depend on the number of threads.
        let (collector, excluded) =
            parallel::reduce_chunks(registry.deployments().len(), self.threads, &Tables(&walk))?;
        Table::collect(
            measure.clone(),
            &self.filters,
            walk.dims(),
            registry,
            collector,
            excluded,
        )
    }

    /// The measure at each of `points` under `scenario`, per group and in total: what counts
    /// on each day (see [`Scenario`]), cumulatively.
    ///
    /// Takes O((p + m) log m) time for p phases and hardware lines and m points: each part is
    /// placed once by binary search and the points are swept once, not every part per point.
    /// Large registries are split between the machine's cores as in [`run`](Self::run).
    /// A [`Deployments`](super::Deployments) count counts a deployment, in each of its
    /// groups, from the start of its first counting phase to the stop of its last.
    ///
    /// Totals are of the measure's value type (GPUs, FLOP/s in the measure's format, W, or a
    /// count); a point's total with no parts means nothing counted on that day.
    ///
    /// # Errors
    /// As [`run`](Self::run).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Phases, Period, Points, Query, Scenario};
    /// use sovereign_compute::model::{Deployment, Phase, Status};
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let registry = Registry::builder()
    ///     .deployment(
    ///         Deployment::new("a", "A", Country::FR)
    ///             .with_phase(Phase::new("p1", Status::Planned).with_online("2026-Q1"))
    ///             .with_phase(Phase::new("p2", Status::Planned).with_online("2026-H2")),
    ///     )
    ///     .build()?;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let points = Points::new(Period::Quarter, day(2026, 1, 1), day(2026, 12, 31))?;
    /// let series = Query::new().series(&registry, Phases, Scenario::Committed, &points)?;
    /// let counts: Vec<_> = series.total().iter().map(|t| t.central().unwrap_or(0)).collect();
    /// assert_eq!(counts, [1, 1, 1, 2]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn series<M: Measure>(
        &self,
        registry: &Registry,
        measure: M,
        scenario: Scenario,
        points: &Points,
    ) -> Result<Series<M>> {
        Series::sweep(registry, self, measure, scenario, points)
    }
}

/// A query's pass, reduced chunk by chunk into collectors (with how many deployments each
/// left out as double-counted).
struct Tables<'w, 'q, 'r, M>(&'w Walk<'q, 'r, M>);

impl<M: Measure> parallel::Reduce for Tables<'_, '_, '_, M> {
    type Part = (Collector<M::Value>, usize);

    fn make(&self) -> Self::Part {
        (Collector::new(self.0.key_space()), 0)
    }

    fn run(&self, (collector, excluded): &mut Self::Part, chunk: Range<usize>) -> Result<()> {
        *excluded = self.0.run_over(chunk, collector)?;
        Ok(())
    }

    fn merge(&self, folded: &mut Self::Part, later: &mut Self::Part) -> Result<()> {
        folded.1 += std::mem::take(&mut later.1);
        folded.0.merge(&mut later.0)
    }
}

#[cfg(all(test, feature = "dataset"))]
mod tests {
    use super::super::parallel::CHUNK;
    use super::super::{Compute, Deployments, Gpus};
    use super::*;
    use crate::estimate::Total;
    use crate::units::ComputeFigure;
    use crate::units::{Precision, Sparsity};

    /// The table of the plain loop: one collector over every deployment, on this thread.
    fn plain<M: Measure>(registry: &Registry, query: &Query, measure: M) -> Table<M> {
        let walk = Walk::new(registry, query, &measure, None);
        let mut collector = Collector::new(walk.key_space());
        let excluded = walk.run(&mut collector).unwrap();
        Table::collect(
            measure.clone(),
            query.filters(),
            walk.dims(),
            registry,
            collector,
            excluded,
        )
        .unwrap()
    }

    #[test]
    fn a_pass_split_into_chunks_equals_the_plain_loop() {
        // More than two chunks, the last one short, so that the split and the merge both run.
        let registry = crate::synthetic::registry(2 * CHUNK + 1_000, 11).unwrap();
        let queries = [
            Query::new(),
            Query::new().group_by(GroupKey::HostCountry),
            Query::new()
                .group_by(GroupKey::Part)
                .group_by(GroupKey::Status),
            Query::new()
                .group_by(GroupKey::HostCountry)
                .threads(NonZeroUsize::MIN),
        ];
        for query in &queries {
            // Whole numbers: the same table, bit for bit.
            assert_eq!(
                query.run(&registry, Gpus).unwrap(),
                plain(&registry, query, Gpus)
            );
            assert_eq!(
                query.run(&registry, Deployments).unwrap(),
                plain(&registry, query, Deployments)
            );
            // Floating-point sums are added in another order: the same groups, routes and
            // part counts, and totals equal to rounding.
            let fp4 = Compute::peak(Precision::Fp4, Sparsity::Dense);
            let split = query.run(&registry, fp4).unwrap();
            let whole = plain(&registry, query, fp4);
            assert_eq!(split.rows().len(), whole.rows().len());
            assert_eq!(split.excluded(), whole.excluded());
            for (a, b) in split.rows().iter().zip(whole.rows()) {
                assert_eq!(a.groups, b.groups);
                assert_eq!(a.routes, b.routes);
                assert_close(&a.total, &b.total);
            }
            assert_eq!(split.routes(), whole.routes());
            assert_close(split.total(), whole.total());
        }
    }

    #[test]
    fn the_thread_bound_does_not_change_a_result() {
        let registry = crate::synthetic::registry(3 * CHUNK, 3).unwrap();
        let fp4 = Compute::peak(Precision::Fp4, Sparsity::Sparse);
        let query = Query::new().group_by(GroupKey::HostCountry);
        let all = query.run(&registry, fp4).unwrap();
        for n in [1, 2, 5] {
            let bounded = query.clone().threads(NonZeroUsize::new(n).unwrap());
            assert_eq!(bounded.run(&registry, fp4).unwrap(), all);
        }
    }

    fn assert_close(a: &Total<ComputeFigure>, b: &Total<ComputeFigure>) {
        assert_eq!(
            (a.parts(), a.unknown_parts()),
            (b.parts(), b.unknown_parts())
        );
        for (x, y) in [
            (a.lower(), b.lower()),
            (a.central(), b.central()),
            (a.upper(), b.upper()),
        ] {
            match (x, y) {
                (Some(x), Some(y)) => {
                    let (x, y) = (x.rate.base_value(), y.rate.base_value());
                    assert!((x - y).abs() <= 1e-12 * x.max(y), "{x} vs {y}");
                }
                (x, y) => assert_eq!(x, y),
            }
        }
    }
}
