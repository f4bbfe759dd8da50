//! Conversions: counts to GPUs, and peak compute and power of N units.

use super::Catalog;
use super::names::Resolved;
use super::part::{Accelerator, Form};
use super::system::System;
use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, CountingUnit, Power, Precision,
    Sparsity,
};
use crate::{Error, Result};

/// A part a name may mean, with how many GPUs one counted unit holds.
#[derive(Debug, Clone, Copy)]
struct Candidate<'a> {
    part: &'a Accelerator,
    gpus_per_unit: u64,
}

/// The parts a name may mean for a counting unit: one for a part or system, the members that
/// can be counted in that unit for a family. Never empty.
struct Candidates<'a> {
    resolved: Resolved<'a>,
    first: Candidate<'a>,
    rest: Vec<Candidate<'a>>,
}

impl<'a> Candidates<'a> {
    fn iter(&self) -> impl Iterator<Item = &Candidate<'a>> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    /// The ID errors name: the family's, or the part's whose figure is missing.
    fn subject(&self) -> String {
        match self.resolved {
            Resolved::Family(f) => f.id.to_string(),
            _ => self.first.part.id.to_string(),
        }
    }
}

impl Catalog {
    /// How many GPUs one `unit` of the named hardware holds.
    ///
    /// - GPUs: 1, for any name.
    /// - Superchips: the superchip's GPUs (2 for GB200); for a GPU part, the GPUs of the
    ///   superchip that holds it (`gpu_part`).
    /// - Nodes and racks: for a system name, the system's GPUs (72 for GB200 NVL72); for a
    ///   part, the GPUs of the catalog's node (rack) systems built from it, if they agree (the
    ///   DGX B200 and HGX B200 both hold 8 B200).
    /// - For a family name, the answer for every member that can be counted in the unit, if
    ///   they agree ("Grace Blackwell superchips" hold 2 GPUs whichever is meant).
    ///
    /// Pods have no [`CountingUnit`]; see [`system_gpus`](Self::system_gpus). This is the
    /// factor to scale an estimate of units by.
    ///
    /// # Errors
    /// [`Error::UnknownPart`] for an unknown name; [`Error::UnitNotApplicable`] when the unit
    /// does not apply (superchips of a B200, nodes of a rack system); [`Error::AmbiguousPart`]
    /// when a family's members disagree.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog, units::CountingUnit};
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.gpus_per("GB200", CountingUnit::Superchip)?, 2);
    /// assert_eq!(catalog.gpus_per("GB200 NVL72", CountingUnit::Rack)?, 72);
    /// assert_eq!(catalog.gpus_per("B200", CountingUnit::Node)?, 8);
    /// assert!(matches!(catalog.gpus_per("B200", CountingUnit::Superchip), Err(Error::UnitNotApplicable { .. })));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus_per(&self, name: &str, unit: CountingUnit) -> Result<u64> {
        let candidates = self.candidates(name, unit)?;
        self.agreed_gpus_per(name, &candidates)
    }

    /// Converts a count in any unit to GPUs: 18,000 GB200 superchips are 36,000 GPUs, 250
    /// GB200 NVL72 racks are 18,000 GPUs. See [`gpus_per`](Self::gpus_per) for how each unit
    /// converts.
    ///
    /// # Errors
    /// As [`gpus_per`](Self::gpus_per), and [`Error::Overflow`] past `u64::MAX` GPUs.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, units::AcceleratorCount};
    /// let catalog = Catalog::builtin()?;
    /// let superchips: AcceleratorCount = "18,000 superchips".parse()?;
    /// assert_eq!(catalog.gpus("NVIDIA GB200", superchips)?.to_string(), "36,000 GPUs");
    /// assert_eq!(catalog.gpus("GB200 NVL72", "250 racks".parse()?)?.count(), 18_000);
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus(&self, name: &str, count: AcceleratorCount) -> Result<AcceleratorCount> {
        let candidates = self.candidates(name, count.unit())?;
        self.count_gpus(name, &candidates, count)
    }

    /// The GPUs in one system: its units × GPUs per unit of its part (576 for a DGX SuperPOD
    /// GB200 scalable unit of 288 superchips).
    ///
    /// # Errors
    /// [`Error::UnknownPart`] if the system's part is not in this catalog (a system taken
    /// from another catalog).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog, Provenance, Source, System, SystemKind};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme datasheet", Provenance::VendorDirect))?;
    /// catalog.add_accelerator(Accelerator::superchip("acme-s2", "Acme S2", "acme", 2, 1))?;
    /// catalog.add_system(System::new("acme-pod", "Acme Pod", SystemKind::Pod, "acme-s2", 288, "ACME"))?;
    /// let pod = catalog.system("acme-pod").unwrap();
    /// assert_eq!(catalog.system_gpus(pod)?, 576);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn system_gpus(&self, system: &System) -> Result<u64> {
        let part = self.system_part(system)?;
        u64::from(system.units)
            .checked_mul(u64::from(part.gpus))
            .ok_or(Error::Overflow {
                quantity: "GPU count",
                operation: "multiplication",
            })
    }

    /// The peak rate of one GPU of the named hardware at a format, in FLOP/s (OP/s for INT8),
    /// on the theoretical-peak basis.
    ///
    /// For a superchip this is its figure divided by its GPUs; for a system, its part's; for
    /// a family, the members' figure if they all have the same one. Where a part quotes both
    /// a Tensor Core and a vector figure (FP64), this is the Tensor Core figure. This is the
    /// factor to scale an estimate of GPUs by.
    ///
    /// # Errors
    /// [`Error::MissingFigure`] if the part has no figure for that format (nothing is derived
    /// here); [`Error::AmbiguousPart`] for a family whose members differ;
    /// [`Error::UnknownPart`] for an unknown name.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog, units::{Precision, Sparsity}};
    /// let catalog = Catalog::builtin()?;
    /// let gb200 = catalog.per_gpu_peak("GB200", Precision::Fp4, Sparsity::Sparse)?;
    /// assert_eq!(gb200.to_string(), "20 PFLOP/s");
    /// // A100 40GB and 80GB have the same compute, so the family name is enough here.
    /// assert_eq!(catalog.per_gpu_peak("A100", Precision::Fp64, Sparsity::Dense)?.to_string(), "19.5 TFLOP/s");
    /// assert!(matches!(
    ///     catalog.per_gpu_peak("H100", Precision::Fp4, Sparsity::Dense),
    ///     Err(Error::MissingFigure { .. })
    /// ));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_peak(
        &self,
        name: &str,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<ComputeRate> {
        let candidates = self.candidates(name, CountingUnit::Gpu)?;
        self.per_gpu_rate(name, &candidates, precision, sparsity)
    }

    /// The peak compute of `count` units of the named hardware at a format: GPUs
    /// ([`gpus`](Self::gpus)) × [`per_gpu_peak`](Self::per_gpu_peak), in FLOP/s (OP/s for
    /// INT8), tagged with its format on the theoretical-peak basis.
    ///
    /// For a family name, only the members that can be counted in the count's unit are
    /// considered, and they must agree.
    ///
    /// # Errors
    /// As [`gpus`](Self::gpus) and [`per_gpu_peak`](Self::per_gpu_peak); [`Error::Overflow`]
    /// if the rate is not finite.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, units::{AcceleratorCount, CountingUnit, Precision, Sparsity}};
    /// let catalog = Catalog::builtin()?;
    /// let one_rack = AcceleratorCount::new(1, CountingUnit::Rack);
    /// let dense = catalog.peak("GB300 NVL72", one_rack, Precision::Fp4, Sparsity::Dense)?;
    /// assert_eq!(dense.to_string(), "1.08 EFLOP/s FP4 dense peak"); // 0.75 x sparse, not 0.5
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn peak(
        &self,
        name: &str,
        count: AcceleratorCount,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<ComputeFigure> {
        let candidates = self.candidates(name, count.unit())?;
        let gpus = self.count_gpus(name, &candidates, count)?;
        let per_gpu = self.per_gpu_rate(name, &candidates, precision, sparsity)?;
        // Counts beyond 2^53 lose integer precision here, like every f64 quantity.
        let rate = per_gpu.checked_scale(gpus.count() as f64)?;
        Ok(ComputeFigure::new(
            rate,
            ComputeFormat::peak(precision, sparsity),
        ))
    }

    /// The TDP of one GPU of the named hardware, in W: a superchip's module TDP divided by
    /// its GPUs (so it includes the CPU's share), a system's part's, or a family's if all
    /// members agree.
    ///
    /// # Errors
    /// [`Error::MissingFigure`] if the part has no published TDP (the GB200 superchip);
    /// [`Error::AmbiguousPart`] for a family whose members differ; [`Error::UnknownPart`].
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog};
    /// let catalog = Catalog::builtin()?;
    /// assert_eq!(catalog.per_gpu_tdp("H100")?.to_string(), "700 W");
    /// assert!(matches!(catalog.per_gpu_tdp("GB200"), Err(Error::MissingFigure { .. })));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn per_gpu_tdp(&self, name: &str) -> Result<Power> {
        let candidates = self.candidates(name, CountingUnit::Gpu)?;
        self.per_gpu_power(name, &candidates)
    }

    /// The IT power of `count` units of the named hardware at TDP, in W: GPUs × per-GPU TDP.
    ///
    /// This is accelerator power only (plus the CPU where the TDP covers a whole module, as for
    /// GH200): host CPUs, memory, networking and cooling of a server are not in it. For a
    /// system's own published maximum power, see [`System::power`].
    ///
    /// # Errors
    /// As [`gpus`](Self::gpus) and [`per_gpu_tdp`](Self::per_gpu_tdp); [`Error::Overflow`].
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, units::AcceleratorCount};
    /// let catalog = Catalog::builtin()?;
    /// let power = catalog.tdp_power("H100", AcceleratorCount::gpus(10_000))?;
    /// assert_eq!(power.to_string(), "7 MW");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn tdp_power(&self, name: &str, count: AcceleratorCount) -> Result<Power> {
        let candidates = self.candidates(name, count.unit())?;
        let gpus = self.count_gpus(name, &candidates, count)?;
        let per_gpu = self.per_gpu_power(name, &candidates)?;
        per_gpu.checked_scale(gpus.count() as f64)
    }

    /// Facility power of `count` units at TDP, in W: [`tdp_power`](Self::tdp_power) × `pue`
    /// (power usage effectiveness, facility power over IT power).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (quantity `"PUE"`) if `pue` is not finite or below 1.0; then as
    /// [`tdp_power`](Self::tdp_power).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{Error, catalog::Catalog, units::AcceleratorCount};
    /// let catalog = Catalog::builtin()?;
    /// let gpus = AcceleratorCount::gpus(10_000);
    /// assert_eq!(catalog.facility_power("H100", gpus, 1.3)?.to_string(), "9.1 MW");
    /// assert!(matches!(catalog.facility_power("H100", gpus, 0.9), Err(Error::InvalidValue { quantity: "PUE", .. })));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn facility_power(&self, name: &str, count: AcceleratorCount, pue: f64) -> Result<Power> {
        if !(pue.is_finite() && pue >= 1.0) {
            return Err(Error::InvalidValue {
                quantity: "PUE",
                value: pue,
                reason: "a PUE (facility power over IT power) is finite and at least 1.0",
            });
        }
        self.tdp_power(name, count)?.checked_scale(pue)
    }

    /// The parts `name` may mean when counted in `unit`.
    fn candidates(&self, name: &str, unit: CountingUnit) -> Result<Candidates<'_>> {
        let resolved = self.resolve(name)?;
        let all = match resolved {
            Resolved::Accelerator(part) => vec![self.part_candidate(part, unit)?],
            Resolved::System(system) => vec![self.system_candidate(system, unit)?],
            Resolved::Family(family) => self
                .members(family)
                .filter_map(|part| self.part_candidate(part, unit).ok())
                .collect(),
        };
        let mut all = all.into_iter();
        let Some(first) = all.next() else {
            let members: Vec<&str> = match resolved {
                Resolved::Family(family) => self.members(family).map(|a| a.id.as_str()).collect(),
                _ => Vec::new(),
            };
            return Err(Error::UnitNotApplicable {
                part: resolved.id().to_owned(),
                unit,
                reason: format!(
                    "none of the family's parts ({}) can be counted in {}s",
                    members.join(", "),
                    unit
                ),
            });
        };
        Ok(Candidates {
            resolved,
            first,
            rest: all.collect(),
        })
    }

    fn part_candidate<'a>(
        &'a self,
        part: &'a Accelerator,
        unit: CountingUnit,
    ) -> Result<Candidate<'a>> {
        let gpus_per_unit = match unit {
            CountingUnit::Gpu => 1,
            CountingUnit::Superchip if part.form == Form::Superchip => u64::from(part.gpus),
            CountingUnit::Superchip => {
                let holders = self
                    .accelerators
                    .iter()
                    .filter(|s| s.form == Form::Superchip && s.gpu_part.as_ref() == Some(&part.id));
                let options = holders.map(|s| (s.id.as_str(), Ok(u64::from(s.gpus))));
                agreed_count(part, unit, options, || {
                    "it is a GPU and no superchip in the catalog holds it".to_owned()
                })?
            }
            CountingUnit::Node | CountingUnit::Rack => {
                let systems = self.systems.iter().filter(|s| {
                    s.kind.counting_unit() == Some(unit)
                        && (s.part == part.id
                            || self
                                .accelerator(s.part.as_str())
                                .is_some_and(|p| p.gpu_part.as_ref() == Some(&part.id)))
                });
                let options = systems.map(|s| (s.id.as_str(), self.system_gpus(s)));
                agreed_count(part, unit, options, || {
                    format!(
                        "no {unit} system in the catalog is built from it; name a system, or add one with Catalog::add_system"
                    )
                })?
            }
        };
        Ok(Candidate {
            part,
            gpus_per_unit,
        })
    }

    fn system_candidate<'a>(
        &'a self,
        system: &'a System,
        unit: CountingUnit,
    ) -> Result<Candidate<'a>> {
        let part = self.system_part(system)?;
        let gpus_per_unit = if unit == CountingUnit::Gpu {
            1
        } else if unit == CountingUnit::Superchip && part.form == Form::Superchip {
            u64::from(part.gpus)
        } else if system.kind.counting_unit() == Some(unit) {
            self.system_gpus(system)?
        } else {
            let own = system
                .kind
                .counting_unit()
                .map_or(String::new(), |own| format!("{own}s, "));
            return Err(Error::UnitNotApplicable {
                part: system.id.to_string(),
                unit,
                reason: format!(
                    "it is a {} of {} x {}; count it in {own}GPUs{}",
                    system.kind.tag(),
                    system.units,
                    system.part,
                    if part.form == Form::Superchip {
                        " or superchips"
                    } else {
                        ""
                    }
                ),
            });
        };
        Ok(Candidate {
            part,
            gpus_per_unit,
        })
    }

    fn agreed_gpus_per(&self, name: &str, candidates: &Candidates<'_>) -> Result<u64> {
        let first = candidates.first.gpus_per_unit;
        if candidates.iter().all(|c| c.gpus_per_unit == first) {
            Ok(first)
        } else {
            Err(self.disagreement(name, candidates))
        }
    }

    fn count_gpus(
        &self,
        name: &str,
        candidates: &Candidates<'_>,
        count: AcceleratorCount,
    ) -> Result<AcceleratorCount> {
        let per_unit = self.agreed_gpus_per(name, candidates)?;
        Ok(count.checked_mul(per_unit)?.with_unit(CountingUnit::Gpu))
    }

    fn per_gpu_rate(
        &self,
        name: &str,
        candidates: &Candidates<'_>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<ComputeRate> {
        let figure = ComputeFormat::peak(precision, sparsity).to_string();
        self.agreed_figure(name, candidates, &figure, |part| {
            part.figure(precision, sparsity)
                .map(|f| ComputeRate::from_base(f.rate.base_value() / f64::from(part.gpus)))
        })
    }

    fn per_gpu_power(&self, name: &str, candidates: &Candidates<'_>) -> Result<Power> {
        self.agreed_figure(name, candidates, "TDP", |part| {
            part.tdp
                .as_ref()
                .map(|t| Power::from_base(t.power.base_value() / f64::from(part.gpus)))
        })
    }

    /// The per-GPU figure every candidate gives; a figure no candidate has is missing, one only
    /// some have, or that differs between them, is ambiguous.
    fn agreed_figure<T: PartialEq + Copy>(
        &self,
        name: &str,
        candidates: &Candidates<'_>,
        figure: &str,
        per_gpu: impl Fn(&Accelerator) -> Option<Result<T>>,
    ) -> Result<T> {
        let mut values = Vec::new();
        let mut missing = false;
        for candidate in candidates.iter() {
            match per_gpu(candidate.part) {
                Some(value) => values.push(value?),
                None => missing = true,
            }
        }
        match values.first() {
            None => Err(Error::MissingFigure {
                part: candidates.subject(),
                figure: figure.to_owned(),
            }),
            Some(&first) if !missing && values.iter().all(|v| *v == first) => Ok(first),
            Some(_) => Err(self.disagreement(name, candidates)),
        }
    }

    /// Members of a family give different answers (only a family has several candidates).
    fn disagreement(&self, name: &str, candidates: &Candidates<'_>) -> Error {
        match candidates.resolved {
            Resolved::Family(family) => self.ambiguous(name, family),
            other => Error::AmbiguousPart {
                name: name.to_owned(),
                family: other.id().to_owned(),
                members: candidates
                    .iter()
                    .map(|c| c.part.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        }
    }
}

/// The GPUs per unit that every option gives, or why the unit does not apply to `part`.
fn agreed_count<'a>(
    part: &Accelerator,
    unit: CountingUnit,
    options: impl Iterator<Item = (&'a str, Result<u64>)>,
    none: impl FnOnce() -> String,
) -> Result<u64> {
    let options = options
        .map(|(id, gpus)| gpus.map(|g| (id, g)))
        .collect::<Result<Vec<_>>>()?;
    let not_applicable = |reason: String| Error::UnitNotApplicable {
        part: part.id.to_string(),
        unit,
        reason,
    };
    match options.first() {
        None => Err(not_applicable(none())),
        Some(&(_, first)) if options.iter().all(|&(_, g)| g == first) => Ok(first),
        Some(_) => Err(not_applicable(format!(
            "its {unit}s hold different numbers of GPUs ({}); name the {unit}",
            options
                .iter()
                .map(|(id, g)| format!("{id}: {g}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
