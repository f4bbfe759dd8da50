//! What every table writer needs from a registry: row names, organisations by role, hardware
//! names and counts in GPUs.

use std::collections::HashMap;

use super::assemble::fold;
use crate::catalog::{Accelerator, Catalog};
use crate::estimate::Estimate;
use crate::model::{Deployment, DeploymentId, HardwareLine, HardwareRef, Phase, Role, Site};
use crate::registry::Registry;
use crate::units::{AcceleratorCount, CountingUnit};

/// The name of a phase's row: the deployment's name, with the phase's name in parentheses
/// when the deployment has several phases (tables have one row per system or cluster).
pub(super) fn row_name(d: &Deployment, p: &Phase) -> String {
    if d.phases.len() > 1 {
        format!("{} ({})", d.name, p.name)
    } else {
        d.name.clone()
    }
}

/// The names of the rows a table written from a registry has, counted as links match them
/// (case and spacing folded), so that a link is written only by a name that finds one row.
#[derive(Debug)]
pub(super) struct RowNames(HashMap<String, usize>);

impl RowNames {
    pub(super) fn new(registry: &Registry) -> Self {
        let mut counts = HashMap::new();
        for d in registry.deployments() {
            for p in &d.phases {
                *counts.entry(fold(&row_name(d, p))).or_insert(0) += 1;
            }
        }
        Self(counts)
    }

    /// The name a link to `target` is written as, or why no name would find its row.
    pub(super) fn link(
        &self,
        registry: &Registry,
        target: &DeploymentId,
    ) -> Result<String, String> {
        let d = registry
            .deployment(target)
            .ok_or_else(|| format!("no deployment {target}"))?;
        let name = d.name.trim();
        if d.phases.len() != 1 {
            return Err(format!(
                "the linked deployment has {} phases, so no row carries its name",
                d.phases.len()
            ));
        }
        match self.0.get(&fold(name)) {
            _ if name.is_empty() => Err("the linked deployment has no name".to_owned()),
            Some(1) => Ok(name.to_owned()),
            _ => Err(format!(
                "several rows are named {name:?}, so the link would not find one"
            )),
        }
    }
}

/// The names of the organisations in `role`, trimmed, without empty names or repeats (two
/// organisations may share a name; a table cannot tell them apart).
pub(super) fn organisation_names(registry: &Registry, d: &Deployment, role: Role) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for id in d.organisations_in(role) {
        let name = registry
            .organisation(id)
            .map_or(id.as_str(), |o| o.name.as_str())
            .trim();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The names of the organisations in `role`, joined with ", ".
pub(super) fn organisations(registry: &Registry, d: &Deployment, role: Role) -> String {
    organisation_names(registry, d, role).join(", ")
}

/// The first of the site's name, city and region.
pub(super) fn site(site: Option<&Site>) -> String {
    site.and_then(|s| s.name.as_ref().or(s.city.as_ref()).or(s.region.as_ref()))
        .cloned()
        .unwrap_or_default()
}

/// The cells of `columns` kept in a note as tagged lines of `table`.
pub(super) fn kept(
    note: Option<&str>,
    table: &str,
    columns: &[&'static str],
) -> Vec<(&'static str, String)> {
    columns
        .iter()
        .filter_map(|&c| super::notes::tag(note, &super::notes::key(table, c)).map(|v| (c, v)))
        .collect()
}

/// The name a table writes for hardware: the catalog's product (or family) name, the parts'
/// names joined with " or " for a mix, or the unlisted name as written.
pub(super) fn hardware_name(catalog: &Catalog, hardware: &HardwareRef) -> String {
    let name = |id: &str| catalog.get(id).map_or(id, |entry| entry.name()).to_owned();
    match hardware {
        HardwareRef::Part(id) => name(id.as_str()),
        HardwareRef::System(id) => name(id.as_str()),
        HardwareRef::Family(id) => name(id.as_str()),
        HardwareRef::OneOf(parts) => parts
            .iter()
            .map(|p| name(p.as_str()))
            .collect::<Vec<_>>()
            .join(" or "),
        HardwareRef::Unlisted(name) => name.clone(),
    }
}

/// The catalog ID conversions can go through: a part's, a system's or a family's (the catalog
/// converts a family only where its members agree). A mix of parts or unlisted hardware has
/// none.
pub(super) fn catalog_id(hardware: &HardwareRef) -> Option<&str> {
    match hardware {
        HardwareRef::Part(id) => Some(id.as_str()),
        HardwareRef::System(id) => Some(id.as_str()),
        HardwareRef::Family(id) => Some(id.as_str()),
        HardwareRef::OneOf(_) | HardwareRef::Unlisted(_) => None,
    }
}

/// The catalog parts hardware may be: one for a part or system, the members of a family, the
/// listed parts of a mix; none for unlisted hardware.
pub(super) fn parts<'c>(catalog: &'c Catalog, hardware: &HardwareRef) -> Vec<&'c Accelerator> {
    match hardware {
        HardwareRef::Part(id) => catalog.accelerator(id.as_str()).into_iter().collect(),
        HardwareRef::System(id) => catalog
            .system(id.as_str())
            .and_then(|s| catalog.accelerator(s.part.as_str()))
            .into_iter()
            .collect(),
        HardwareRef::Family(id) => catalog
            .family(id.as_str())
            .map(|f| catalog.members(f).collect())
            .unwrap_or_default(),
        HardwareRef::OneOf(ids) => ids
            .iter()
            .filter_map(|id| catalog.accelerator(id.as_str()))
            .collect(),
        HardwareRef::Unlisted(_) => Vec::new(),
    }
}

/// A hardware line's count in GPUs, converted through the catalog when it is in another unit.
///
/// # Errors
/// Why it cannot be converted: hardware with no catalog ID counted in other units than GPUs,
/// or a catalog error.
pub(super) fn gpus(
    catalog: &Catalog,
    line: &HardwareLine,
) -> Result<Estimate<AcceleratorCount>, String> {
    let id = catalog_id(&line.hardware);
    line.count
        .value
        .try_map(|count| match (count.unit(), id) {
            (CountingUnit::Gpu, _) => Ok(count),
            (_, Some(id)) => catalog.gpus(id, count),
            (_, None) => Err(crate::Error::UnknownPart {
                name: hardware_name(catalog, &line.hardware),
            }),
        })
        .map_err(|e| format!("the count cannot be converted to GPUs: {e}"))
}
