//! Catalog arithmetic on estimates: "hundreds of H100" to GPUs and to compute, with bounds.

use super::Catalog;
use crate::Result;
use crate::estimate::Estimate;
use crate::units::{AcceleratorCount, ComputeFigure, Precision, Sparsity};

impl Catalog {
    /// Converts an estimated count in any counting unit to GPUs, keeping its kind, bounds
    /// and phrase: "about 40 racks" of GB200 NVL72 is about 2,880 GPUs.
    ///
    /// # Errors
    /// As [`gpus`](Self::gpus), for any value the estimate holds.
    ///
    /// # Example
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::{catalog::Catalog, estimate::Estimate};
    /// let catalog = Catalog::builtin()?;
    /// let racks = Estimate::parse("up to 250 racks")?;
    /// assert_eq!(catalog.gpus_estimate("GB200 NVL72", &racks)?.to_string(), "≤ 18,000 GPUs");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn gpus_estimate(
        &self,
        name: &str,
        count: &Estimate<AcceleratorCount>,
    ) -> Result<Estimate<AcceleratorCount>> {
        count.try_map(|n| self.gpus(name, n))
    }

    /// The peak compute of an estimated count of the named hardware at a format, in FLOP/s
    /// (OP/s for INT8), keeping the estimate's kind, bounds and phrase: "hundreds of H100"
    /// is 98.9 to 988 PFLOP/s BF16 dense.
    ///
    /// # Errors
    /// As [`peak`](Self::peak): an unknown name, a unit the part does not come in, or no
    /// published figure for the format (the catalog does not guess one).
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
    /// let b = bf16.bounds().unwrap();
    /// assert_eq!(b.lower.to_string(), "98.95 PFLOP/s BF16 dense peak");
    /// assert_eq!(b.upper.unwrap().to_string(), "988.5105 PFLOP/s BF16 dense peak");
    /// assert_eq!(bf16.phrase(), Some("hundreds of H100 GPUs"));
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn peak_estimate(
        &self,
        name: &str,
        count: &Estimate<AcceleratorCount>,
        precision: Precision,
        sparsity: Sparsity,
    ) -> Result<Estimate<ComputeFigure>> {
        count.try_map(|n| self.peak(name, n, precision, sparsity))
    }
}
