//! What every table writer needs from a registry: row names, organisations by role, and the
//! hardware as the registry resolved it (names, GPUs, derived compute), read from its index so
//! that every table agrees with every query.

use std::collections::HashMap;

use super::assemble::fold;
use crate::Result;
use crate::catalog::resolve::format_index;
use crate::estimate::{Estimate, Part, Total};
use crate::model::{Deployment, DeploymentId, HardwareLine, Phase, Role, Site};
use crate::registry::Registry;
use crate::units::{AcceleratorCount, ComputeFigure, ComputeFormat, Precision, Sparsity};

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
pub(super) fn site(site: Option<&Site>) -> &str {
    site.and_then(|s| s.name.as_ref().or(s.city.as_ref()).or(s.region.as_ref()))
        .map_or("", String::as_str)
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

/// The position in the registry's resolved index of phase `j` of deployment `d`.
pub(super) fn phase_at(registry: &Registry, d: usize, j: usize) -> usize {
    registry.index().phases_of(d).start + j
}

/// The names a table writes for a phase's hardware, in line order: the catalog's product
/// name of each line's part, system or family ("or" between the parts of a mix), or the
/// unlisted name as written, as the registry resolved them.
pub(super) fn hardware_names(registry: &Registry, phase: usize) -> impl Iterator<Item = &str> {
    let index = registry.index();
    index
        .lines
        .get(index.lines_of(phase))
        .unwrap_or_default()
        .iter()
        .map(|line| {
            index
                .kinds
                .get(line.kind as usize)
                .map_or("", |k| k.name.as_str())
        })
}

/// Each hardware line of a phase with its GPUs, as the registry resolved them (the rounding
/// rule of [`crate::catalog::resolve`]; `None` for a line whose GPUs are unknown).
///
/// # Errors
/// Overflow past `u64::MAX` GPUs.
pub(super) fn line_gpus<'p>(
    registry: &Registry,
    phase_at: usize,
    phase: &'p Phase,
) -> Result<Vec<(&'p HardwareLine, Part<AcceleratorCount>)>> {
    let index = registry.index();
    phase
        .hardware
        .iter()
        .zip(index.lines_of(phase_at))
        .map(|(line, l)| {
            let gpus = match index.lines.get(l) {
                Some(row) => index.line_gpus(row)?,
                None => None,
            };
            Ok((line, gpus))
        })
        .collect()
}

/// A phase's GPUs: the total of its lines' (an unknown line is an unknown part), the same sum
/// a query by phase gives.
///
/// # Errors
/// Overflow.
pub(super) fn phase_gpus(registry: &Registry, phase_at: usize) -> Result<Total<AcceleratorCount>> {
    let index = registry.index();
    let mut total = Total::new();
    for line in index
        .lines
        .get(index.lines_of(phase_at))
        .unwrap_or_default()
    {
        match index.line_gpus(line)? {
            Some((bounds, central)) => total.add_known(bounds, central)?,
            None => total.add(&Estimate::unknown())?,
        }
    }
    Ok(total)
}

/// A phase's peak compute at a format, derived from its hardware as the registry resolved it,
/// as a query derives it: the lines with a figure summed, a line without one (unlisted, or
/// no figure for the format) an unknown part. `None` when the phase has no hardware.
pub(super) fn phase_peak(
    registry: &Registry,
    phase_at: usize,
    precision: Precision,
    sparsity: Sparsity,
) -> Result<Option<Total<ComputeFigure>>> {
    let index = registry.index();
    let lines = index
        .lines
        .get(index.lines_of(phase_at))
        .unwrap_or_default();
    if lines.is_empty() {
        return Ok(None);
    }
    let format = ComputeFormat::peak(precision, sparsity);
    let at = format_index(precision, sparsity);
    let mut total = Total::new();
    for line in lines {
        let part = match index.kinds.get(line.kind as usize) {
            Some(kind) => kind.factors.peak(line.count(kind.unit), at, format)?,
            None => None,
        };
        match part {
            Some((bounds, central)) => total.add_known(bounds, central)?,
            None => total.add(&Estimate::unknown())?,
        }
    }
    Ok(Some(total))
}
