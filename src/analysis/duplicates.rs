//! Double counting: which record stands for a deployment that another record supersedes or
//! duplicates.

use std::fmt;

use crate::model::DeploymentId;
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
/// let mut old = Deployment::new("old", "First announcement", Country::FR);
/// old.superseded_by = Some("new".parse()?);
/// let registry = Registry::builder()
///     .deployment(old)
///     .deployment(Deployment::new("new", "Revised plan", Country::FR))
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
/// forbid) the member with the smallest ID is counted. The registry works this out once,
/// when it is built.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::excluded;
/// let registry = sovereign_compute::registry::Registry::builder().build()?;
/// assert!(excluded(&registry).is_empty());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn excluded(registry: &Registry) -> Vec<Exclusion> {
    let index = registry.index();
    let deployments = registry.deployments();
    index
        .deployments
        .iter()
        .zip(deployments)
        .enumerate()
        .filter(|(i, (row, _))| row.excluded(*i))
        .filter_map(|(_, (row, d))| {
            let to = deployments.get(row.counted_as as usize)?;
            Some(Exclusion {
                deployment: d.id.clone(),
                counted_as: to.id.clone(),
            })
        })
        .collect()
}
