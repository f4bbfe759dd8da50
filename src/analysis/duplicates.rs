//! Double counting: which record stands for a deployment that another record supersedes or
//! duplicates.

use std::collections::HashMap;
use std::fmt;

use crate::model::{Deployment, DeploymentId};
use crate::registry::Registry;

/// A deployment left out of totals because another record is counted in its place.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::excluded;
/// use sovereign_compute::model::Deployment;
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let mut old = Deployment::new("old".parse()?, "First announcement", Country::FR);
/// old.superseded_by = Some("new".parse()?);
/// let registry = Registry::builder()
///     .deployment(old)
///     .deployment(Deployment::new("new".parse()?, "Revised plan", Country::FR))
///     .build()?;
/// let gone = excluded(&registry);
/// assert_eq!(gone.len(), 1);
/// assert_eq!(gone[0].to_string(), "old is counted as new");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Exclusion {
    /// The record left out.
    pub deployment: DeploymentId,
    /// The record counted instead.
    pub counted_as: DeploymentId,
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is counted as {}", self.deployment, self.counted_as)
    }
}

/// Every deployment left out of totals, in registry order, with the record counted instead.
///
/// A deployment whose `superseded_by` (or else `duplicate_of`) names a deployment in the
/// registry stands for that one, which in turn stands for the one it points at, and so on:
/// only the end of the chain is counted. In a cycle of links (which validation does not
/// forbid) the member with the smallest ID is counted.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::excluded;
/// let registry = sovereign_compute::registry::Registry::builder().build()?;
/// assert!(excluded(&registry).is_empty());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn excluded(registry: &Registry) -> Vec<Exclusion> {
    let canon = Canon::new(registry);
    registry
        .deployments()
        .iter()
        .filter_map(|d| {
            let to = canon.of(&d.id);
            (to != &d.id).then(|| Exclusion {
                deployment: d.id.clone(),
                counted_as: to.clone(),
            })
        })
        .collect()
}

/// The record each linked deployment stands for. Only deployments with a link are stored, so
/// building this costs nothing for registries without links.
#[derive(Debug, Default)]
pub(crate) struct Canon<'r> {
    to: HashMap<&'r str, &'r DeploymentId>,
}

/// The link a deployment follows, if it names a deployment in the registry.
fn link<'r>(registry: &'r Registry, d: &'r Deployment) -> Option<&'r Deployment> {
    [&d.superseded_by, &d.duplicate_of]
        .into_iter()
        .flatten()
        .find_map(|id| registry.deployment(id))
}

impl<'r> Canon<'r> {
    pub(crate) fn new(registry: &'r Registry) -> Self {
        let mut canon = Canon::default();
        for d in registry.deployments() {
            if link(registry, d).is_some() && !canon.to.contains_key(d.id.as_str()) {
                canon.resolve(registry, d);
            }
        }
        canon
    }

    /// Follows the chain from `start`, then records its end for every record on the way.
    fn resolve(&mut self, registry: &'r Registry, start: &'r Deployment) {
        let mut path: Vec<&'r Deployment> = vec![start];
        let mut current = start;
        let end = loop {
            let Some(next) = link(registry, current) else {
                break &current.id;
            };
            if let Some(&known) = self.to.get(next.id.as_str()) {
                break known;
            }
            if let Some(at) = path.iter().position(|d| d.id == next.id) {
                // A cycle: its smallest ID is counted; the records before it lead there.
                let cycle = path.get(at..).unwrap_or_default();
                break cycle.iter().map(|d| &d.id).min().unwrap_or(&next.id);
            }
            path.push(next);
            current = next;
        };
        for d in path {
            self.to.insert(d.id.as_str(), end);
        }
    }

    /// The record `id` stands for: itself unless it links to another.
    pub(crate) fn of(&self, id: &'r DeploymentId) -> &'r DeploymentId {
        self.to.get(id.as_str()).copied().unwrap_or(id)
    }

    /// Whether `d` is left out of totals.
    pub(crate) fn is_excluded(&self, d: &Deployment) -> bool {
        (d.superseded_by.is_some() || d.duplicate_of.is_some()) && self.of(&d.id) != &d.id
    }
}
