//! Catalog arithmetic on estimates: "hundreds of H100" to GPUs and to compute, with bounds.

use super::Catalog;
use super::hardware_ref::HardwareRef;
use crate::Result;
use crate::estimate::{Estimate, Total};
use crate::units::{AcceleratorCount, ComputeFigure, Precision, Sparsity};

impl Catalog {
    /// Converts an estimated count in any counting unit to GPUs, with its bounds: "about 37
    /// racks" of GB200 NVL72 is 33 to 41 racks, so 2,376 to 2,952 GPUs (central 2,664).
    ///
    /// Bounds and central value are taken in the counted unit, then converted: the
    /// [rounding rule](super::resolve#the-rounding-rule) every output of the crate uses. A
    /// family name spans its members (see [`Catalog::resolve_hardware`]). The result is a
    /// one-part [`Total`]: one unknown part for an unknown count.
    ///
    /// # Errors
    /// As [`Catalog::resolve_hardware`] for the name and the count's unit.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, estimate::Estimate};
    /// let catalog = Catalog::builtin()?;
    /// let racks = Estimate::parse("up to 250 racks")?;
    /// assert_eq!(catalog.gpus_estimate("GB200 NVL72", &racks)?.to_string(), "0–18,000 GPUs (central 18,000 GPUs)");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus_estimate(
        &self,
        name: &str,
        count: &Estimate<AcceleratorCount>,
    ) -> Result<Total<AcceleratorCount>> {
        self.resolve_hardware(&HardwareRef::named(name), unit(count))?
            .gpus(count)
    }

    /// The peak compute of an estimated count of the named hardware at a format, in FLOP/s
    /// (OP/s for INT8), with its bounds: "hundreds of H100" is 98.95 to 988.5 PFLOP/s BF16
    /// dense. GPUs follow [`gpus_estimate`](Self::gpus_estimate); a family name spans its
    /// members' figures.
    ///
    /// # Errors
    /// As [`Catalog::resolve_hardware`]; a part with no figure for the format gives an unknown
    /// part, not an error (the catalog does not guess one).
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, estimate::Estimate};
    /// use sovereign_compute::units::{Precision, Sparsity};
    ///
    /// let catalog = Catalog::builtin()?;
    /// let gpus = Estimate::parse("hundreds of H100 GPUs")?;
    /// let bf16 = catalog.peak_estimate("H100", &gpus, Precision::Bf16, Sparsity::Dense)?;
    /// assert_eq!(bf16.lower().unwrap().to_string(), "98.95 PFLOP/s BF16 dense peak");
    /// assert_eq!(bf16.upper().unwrap().to_string(), "988.5105 PFLOP/s BF16 dense peak");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn peak_estimate(
        &self,
        name: &str,
        count: &Estimate<AcceleratorCount>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<Total<ComputeFigure>> {
        self.resolve_hardware(&HardwareRef::named(name), unit(count))?
            .peak(count, precision, sparsity)
    }
}

fn unit(count: &Estimate<AcceleratorCount>) -> Option<crate::units::CountingUnit> {
    count.bounds().map(|b| b.lower.unit())
}
