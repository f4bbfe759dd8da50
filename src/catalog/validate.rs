//! Validation: every entry is checked against the catalog it joins, and every problem is named
//! by entry ID and field.

use super::Catalog;
use super::family::Family;
use super::ids::{PartId, SourceKey, entry_id_problem, source_key_problem};
use super::names::{Target, fold};
use super::part::{Accelerator, Form, PeakFigure, RatedPower};
use super::source::Source;
use super::system::System;
use crate::error::Problem;
use crate::units::{ComputeRate, Power};
use crate::{Error, Result};

/// Whether references to entries of the same list are checked now (adding one entry, whose
/// references must already be there) or after the whole list is in (loading a document, whose
/// entries may refer forward).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refs {
    Now,
    Later,
}

/// `Ok` if there is no problem, else [`Error::InvalidCatalog`] with every one.
pub(super) fn check(problems: Vec<Problem>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidCatalog { problems })
    }
}

/// Collects the problems of one entry.
struct Report<'a> {
    entry: &'static str,
    id: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Report<'_> {
    fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems
            .push(Problem::new(self.entry, self.id, field, message));
    }
}

impl Catalog {
    /// Adds lists of entries without stopping at a problem, then checks the references that may
    /// point forward. Returns the combined catalog and every problem; the catalog is only
    /// meaningful when there is none.
    pub(super) fn assembled(
        mut self,
        sources: Vec<Source>,
        families: Vec<Family>,
        accelerators: Vec<Accelerator>,
        systems: Vec<System>,
    ) -> (Self, Vec<Problem>) {
        let mut problems = Vec::new();
        let (old_families, old_accelerators) = (self.families.len(), self.accelerators.len());
        for source in sources {
            self.check_source(&source, &mut problems);
            self.insert_source(source);
        }
        for family in families {
            self.check_family(&family, Refs::Later, &mut problems);
            self.insert_family(family);
        }
        for accelerator in accelerators {
            self.check_accelerator(&accelerator, Refs::Later, &mut problems);
            self.insert_accelerator(accelerator);
        }
        for accelerator in self.accelerators.iter().skip(old_accelerators) {
            self.check_gpu_part(accelerator, &mut problems);
        }
        for family in self.families.iter().skip(old_families) {
            self.check_members(family, &mut problems);
        }
        for system in systems {
            self.check_system(&system, &mut problems);
            self.insert_system(system);
        }
        (self, problems)
    }

    pub(super) fn check_source(&self, source: &Source, problems: &mut Vec<Problem>) {
        let mut report = Report {
            entry: "source",
            id: source.key.as_str(),
            problems,
        };
        if let Some(reason) = source_key_problem(source.key.as_str()) {
            report.push("key", reason);
        } else if self.source_keys.contains_key(source.key.as_str()) {
            report.push("key", "duplicate source key");
        }
        if source.title.trim().is_empty() {
            report.push("title", "must not be empty");
        }
    }

    pub(super) fn check_family(&self, family: &Family, refs: Refs, problems: &mut Vec<Problem>) {
        let target = Target::Family(self.families.len());
        let mut report = Report {
            entry: "family",
            id: family.id.as_str(),
            problems,
        };
        self.check_names(
            target,
            family.id.as_str(),
            &family.name,
            &family.aliases,
            &mut report,
        );
        check_vendor(&family.vendor, &mut report);
        if refs == Refs::Now {
            self.check_members(family, report.problems);
        }
    }

    pub(super) fn check_accelerator(
        &self,
        part: &Accelerator,
        refs: Refs,
        problems: &mut Vec<Problem>,
    ) {
        let target = Target::Accelerator(self.accelerators.len());
        let mut report = Report {
            entry: "part",
            id: part.id.as_str(),
            problems,
        };
        self.check_names(
            target,
            part.id.as_str(),
            &part.name,
            &part.aliases,
            &mut report,
        );
        check_vendor(&part.vendor, &mut report);
        check_form(part, &mut report);
        if let Some(family) = &part.family
            && self.family(family.as_str()).is_none()
        {
            report.push(
                "family",
                format!(
                    "names family {:?}, which is not in the catalog; add it with Catalog::add_family first",
                    family.as_str()
                ),
            );
        }
        if let Some(memory) = &part.memory {
            if memory.gigabytes == 0 {
                report.push("memory.gigabytes", POSITIVE);
            }
            self.check_cited(&memory.source, "memory.source", &mut report);
        }
        if let Some(bandwidth) = &part.memory_bandwidth {
            let tb = bandwidth.terabytes_per_second;
            if !(tb.is_finite() && tb > 0.0) {
                report.push("memory_bandwidth.terabytes_per_second", POSITIVE);
            }
            self.check_cited(&bandwidth.source, "memory_bandwidth.source", &mut report);
        }
        if let Some(tdp) = &part.tdp {
            self.check_power(tdp, "tdp", &mut report);
        }
        for (i, other) in part.other_tdps.iter().enumerate() {
            let field = format!("other_tdps[{i}]");
            self.check_power(other, &field, &mut report);
            if other.scope.is_none() {
                report.push(
                    format!("{field}.scope"),
                    "another TDP must say what it covers: scope \"gpu\" (the accelerator package alone) or \"module\" (with its CPU and memory)",
                );
            }
        }
        self.check_figures(&part.peak, &mut report);
        if refs == Refs::Now {
            self.check_gpu_part(part, report.problems);
        }
    }

    pub(super) fn check_system(&self, system: &System, problems: &mut Vec<Problem>) {
        let target = Target::System(self.systems.len());
        let mut report = Report {
            entry: "system",
            id: system.id.as_str(),
            problems,
        };
        self.check_names(
            target,
            system.id.as_str(),
            &system.name,
            &system.aliases,
            &mut report,
        );
        if self.accelerator(system.part.as_str()).is_none() {
            report.push(
                "part",
                format!(
                    "names part {:?}, which is not in the catalog; add the part first",
                    system.part.as_str()
                ),
            );
        }
        if system.units == 0 {
            report.push("units", "a system holds at least one unit of its part");
        }
        if let Some(power) = &system.power {
            self.check_power(power, "power", &mut report);
        }
        self.check_figures(&system.peak, &mut report);
        self.check_cited(&system.source, "source", &mut report);
    }

    /// A superchip's GPU part must be a GPU-form part in the catalog.
    fn check_gpu_part(&self, part: &Accelerator, problems: &mut Vec<Problem>) {
        let Some(gpu) = part.gpu_part.as_ref().map(PartId::as_str) else {
            return;
        };
        let reason = match self.accelerator(gpu) {
            None => {
                format!("names part {gpu:?}, which is not in the catalog; add the GPU part first")
            }
            Some(found) if found.form != Form::Gpu => {
                format!("names {gpu:?}, which is a {}, not a GPU", found.form.tag())
            }
            Some(_) => return,
        };
        problems.push(Problem::new("part", part.id.as_str(), "gpu_part", reason));
    }

    /// A family's listed members must be parts in the catalog, each listed once.
    fn check_members(&self, family: &Family, problems: &mut Vec<Problem>) {
        let mut report = Report {
            entry: "family",
            id: family.id.as_str(),
            problems,
        };
        for (i, member) in family.members.iter().enumerate() {
            if self.accelerator(member.as_str()).is_none() {
                report.push(
                    format!("members[{i}]"),
                    format!(
                        "names part {:?}, which is not in the catalog",
                        member.as_str()
                    ),
                );
            }
            if family.members.iter().take(i).any(|m| m == member) {
                report.push(format!("members[{i}]"), "lists the part twice");
            }
        }
    }

    /// The ID's syntax, and that the ID, name and aliases name no other entry.
    fn check_names(
        &self,
        target: Target,
        id: &str,
        name: &str,
        aliases: &[String],
        report: &mut Report<'_>,
    ) {
        if let Some(reason) = entry_id_problem(id) {
            report.push("id", reason);
        }
        if name.trim().is_empty() {
            report.push("name", "must not be empty");
        }
        let fields = [("id".to_owned(), id), ("name".to_owned(), name)]
            .into_iter()
            .chain(
                aliases
                    .iter()
                    .enumerate()
                    .map(|(i, alias)| (format!("aliases[{i}]"), alias.as_str())),
            );
        for (field, text) in fields {
            let key = fold(text);
            if key.is_empty() {
                if field != "name" && field != "id" {
                    report.push(field, "must not be empty");
                }
                continue;
            }
            if let Some(&other) = self.names.get(&key)
                && other != target
            {
                report.push(field, self.taken(text, other));
            }
        }
        for (i, alias) in aliases.iter().enumerate() {
            let key = fold(alias);
            if let Some(j) = aliases.iter().take(i).position(|a| fold(a) == key) {
                report.push(
                    format!("aliases[{i}]"),
                    format!("repeats aliases[{j}] (names are compared case-insensitively with spaces folded)"),
                );
            }
        }
    }

    /// Why `text` cannot name a new entry: `other` already has it.
    fn taken(&self, text: &str, other: Target) -> String {
        match self.target(other) {
            Some(entry) if entry.id() == text => {
                format!(
                    "duplicate ID: a {} already has the ID {text:?}",
                    entry.kind()
                )
            }
            Some(entry) => format!(
                "{text:?} already names the {} {} (names are compared case-insensitively with spaces folded)",
                entry.kind(),
                entry.id()
            ),
            None => format!("{text:?} is already taken"),
        }
    }

    fn check_figures(&self, figures: &[PeakFigure], report: &mut Report<'_>) {
        for (i, figure) in figures.iter().enumerate() {
            if figure.rate == ComputeRate::ZERO {
                report.push(format!("peak[{i}].rate"), POSITIVE);
            }
            self.check_cited(&figure.source, &format!("peak[{i}].source"), report);
            let same_format = |other: &&PeakFigure| {
                other.precision == figure.precision && other.sparsity == figure.sparsity
            };
            if let Some(j) = figures
                .iter()
                .take(i)
                .position(|other| same_format(&other) && other.core == figure.core)
            {
                report.push(
                    format!("peak[{i}]"),
                    format!("repeats peak[{j}]: one figure per precision, core and sparsity"),
                );
            } else if figure.core.is_none()
                && figures.iter().filter(same_format).any(|o| o.core.is_some())
            {
                report.push(
                    format!("peak[{i}].core"),
                    "a figure without a core next to a tensor or vector figure of the same format is ambiguous; set its core",
                );
            }
        }
    }

    fn check_power(&self, power: &RatedPower, field: &str, report: &mut Report<'_>) {
        if power.power == Power::ZERO {
            report.push(format!("{field}.power"), POSITIVE);
        }
        self.check_cited(&power.source, &format!("{field}.source"), report);
    }

    fn check_cited(&self, key: &SourceKey, field: &str, report: &mut Report<'_>) {
        if self.source(key.as_str()).is_none() {
            report.push(
                field,
                format!(
                    "cites source {:?}, which is not in the catalog; add it with Catalog::add_source first",
                    key.as_str()
                ),
            );
        }
    }

    pub(super) fn insert_source(&mut self, source: Source) {
        self.source_keys
            .entry(source.key.clone())
            .or_insert(self.sources.len());
        self.sources.push(source);
    }

    pub(super) fn insert_family(&mut self, family: Family) {
        let target = Target::Family(self.families.len());
        self.index(target, family.id.as_str(), &family.name, &family.aliases);
        self.families.push(family);
    }

    pub(super) fn insert_accelerator(&mut self, part: Accelerator) {
        let target = Target::Accelerator(self.accelerators.len());
        self.index(target, part.id.as_str(), &part.name, &part.aliases);
        self.accelerators.push(part);
    }

    pub(super) fn insert_system(&mut self, system: System) {
        let target = Target::System(self.systems.len());
        self.index(target, system.id.as_str(), &system.name, &system.aliases);
        self.systems.push(system);
    }

    /// Indexes an entry's names; a name already taken keeps its first owner (the clash has
    /// been reported by `check_names`).
    fn index(&mut self, target: Target, id: &str, name: &str, aliases: &[String]) {
        for text in [id, name]
            .into_iter()
            .chain(aliases.iter().map(String::as_str))
        {
            let key = fold(text);
            if !key.is_empty() && !self.names.contains_key(&key) {
                let letters = super::names::letters(&key);
                self.spellings.push((key.clone(), letters, target));
                self.names.insert(key, target);
            }
        }
    }
}

const POSITIVE: &str =
    "must be positive; leave a figure that is not known out rather than writing 0";

fn check_vendor(vendor: &str, report: &mut Report<'_>) {
    if vendor.trim().is_empty() {
        report.push("vendor", "must not be empty");
    }
}

/// GPU-form parts are one GPU; superchips have at least one GPU and one CPU; only superchips
/// name a GPU part.
fn check_form(part: &Accelerator, report: &mut Report<'_>) {
    match part.form {
        Form::Gpu => {
            if part.gpus != 1 {
                report.push(
                    "gpus",
                    "a GPU-form part counts as one GPU; use form \"superchip\" for a module of several GPUs",
                );
            }
            if part.gpu_part.is_some() {
                report.push("gpu_part", "only a superchip names a GPU part");
            }
        }
        Form::Superchip => {
            if part.gpus == 0 {
                report.push("gpus", "a superchip holds at least one GPU");
            }
            if part.cpus == 0 {
                report.push("cpus", "a superchip holds at least one CPU");
            }
        }
    }
}
