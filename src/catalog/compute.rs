//! Conversions by name: counts to GPUs, and peak compute and power of N units.
//!
//! Each function resolves the name through [`Catalog::resolve_hardware`], the one resolver,
//! and asks for the answer every part the name may mean agrees on.

use super::Catalog;
use super::hardware_ref::HardwareRef;
use super::resolve::Resolution;
use super::system::System;
use crate::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, ComputeRate, CountingUnit, Power, Precision,
    Sparsity,
};
use crate::{Error, Result};

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
        agreed_gpus_per(&self.by_name(name, unit)?)
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
        count_gpus(&self.by_name(name, count.unit())?, count)
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
        self.by_name(name, CountingUnit::Gpu)?
            .per_gpu_peak(precision, sparsity)
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
        let resolution = self.by_name(name, count.unit())?;
        let gpus = count_gpus(&resolution, count)?;
        let per_gpu = resolution.per_gpu_peak(precision, sparsity)?;
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
        self.by_name(name, CountingUnit::Gpu)?.per_gpu_tdp()
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
        let resolution = self.by_name(name, count.unit())?;
        let gpus = count_gpus(&resolution, count)?;
        let per_gpu = resolution.per_gpu_tdp()?;
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

    /// The resolution of a name counted in `unit`.
    fn by_name(&self, name: &str, unit: CountingUnit) -> Result<Resolution<'_>> {
        self.resolve_hardware(&HardwareRef::Named(name.to_owned()), Some(unit))
    }
}

/// GPUs per counted unit; the resolver has checked that the candidates agree.
fn agreed_gpus_per(resolution: &Resolution<'_>) -> Result<u64> {
    resolution
        .gpus_per_unit()
        .ok_or_else(|| Error::UnknownPart {
            name: resolution.hardware().to_string(),
            suggestions: Vec::new(),
        })
}

fn count_gpus(resolution: &Resolution<'_>, count: AcceleratorCount) -> Result<AcceleratorCount> {
    let per_unit = agreed_gpus_per(resolution)?;
    Ok(count.checked_mul(per_unit)?.with_unit(CountingUnit::Gpu))
}
