//! Compute figures: a rate tagged with its number format, sparsity and basis.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::notation::is_quantity_char;
use super::quantity::ComputeRate;
use crate::text::check_text;
use crate::{Error, Result};

tag_enum! {
    /// The number format a compute figure is counted in.
    ///
    /// There is no fixed factor between formats: a GPU's FP4 rate is not a multiple of its FP64
    /// rate that holds across parts. Integer formats count operations, not floating-point
    /// operations; their rates are still held as [`ComputeRate`] (OP/s) and tagged `Int8`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Precision;
    /// assert_eq!("FP4".parse::<Precision>()?, Precision::Fp4);
    /// assert_eq!("bfloat16".parse::<Precision>()?, Precision::Bf16);
    /// assert_eq!(Precision::Fp8.to_string(), "FP8");
    /// assert_eq!(Precision::Fp8.tag(), "fp8");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Precision, "precision", "fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8" {
        /// IEEE 754 double precision, the HPC (TOP500) format.
        Fp64 = "fp64" | "float64" | "double",
        /// IEEE 754 single precision.
        Fp32 = "fp32" | "float32" | "single",
        /// NVIDIA TensorFloat-32 (FP32 range, 10-bit mantissa) on tensor cores.
        Tf32 = "tf32",
        /// bfloat16.
        Bf16 = "bf16" | "bfloat16",
        /// IEEE 754 half precision.
        Fp16 = "fp16" | "float16" | "half",
        /// 8-bit floating point (E4M3 / E5M2).
        Fp8 = "fp8",
        /// 6-bit floating point.
        Fp6 = "fp6",
        /// 4-bit floating point (including NVIDIA NVFP4 and MXFP4).
        Fp4 = "fp4" | "nvfp4" | "mxfp4",
        /// 8-bit integer operations.
        Int8 = "int8",
    }
}

tag_enum! {
    /// Whether a figure assumes 2:4 structured sparsity.
    ///
    /// NVIDIA tensor-core figures are sparse unless stated; the dense figure is usually half,
    /// but not always (Blackwell Ultra FP4 dense is 0.75x sparse), so the catalog stores both.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Sparsity;
    /// assert_eq!("2:4 sparse".parse::<Sparsity>()?, Sparsity::Sparse);
    /// assert_eq!(Sparsity::Dense.tag(), "dense");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Sparsity, "sparsity", "dense, sparse (2:4 structured)" {
        /// No sparsity assumed.
        Dense = "dense" | "non-sparse" | "without sparsity",
        /// 2:4 structured sparsity.
        Sparse = "sparse" | "2:4 sparse" | "sparse 2:4" | "with sparsity",
    }
}

tag_enum! {
    /// How a figure was obtained: a theoretical peak, or a measurement with a named benchmark.
    ///
    /// TOP500's Rpeak is a theoretical FP64 peak; its Rmax is measured with HPL. The two never
    /// add.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Basis;
    /// assert_eq!("Rmax".parse::<Basis>()?, Basis::Hpl);
    /// assert!(Basis::Hpl.is_measured());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Basis, "basis", "peak, hpl, hpl-mxp, hpcg" {
        /// Theoretical peak from the spec sheet (what vendors and announcements quote).
        Peak = "peak" | "theoretical peak" | "rpeak",
        /// Measured with the High-Performance Linpack benchmark (TOP500 Rmax, FP64).
        Hpl = "hpl" | "rmax" | "linpack",
        /// Measured with HPL-MxP, the mixed-precision Linpack.
        HplMxp = "hpl-mxp" | "hpl-ai" | "hpl mxp",
        /// Measured with the High-Performance Conjugate Gradient benchmark.
        Hpcg = "hpcg",
    }
}

impl Basis {
    /// Whether the figure is a benchmark measurement rather than a spec-sheet peak.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::Basis;
    /// assert!(!Basis::Peak.is_measured());
    /// ```
    pub const fn is_measured(self) -> bool {
        !matches!(self, Basis::Peak)
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Fp64 => "FP64",
            Precision::Fp32 => "FP32",
            Precision::Tf32 => "TF32",
            Precision::Bf16 => "BF16",
            Precision::Fp16 => "FP16",
            Precision::Fp8 => "FP8",
            Precision::Fp6 => "FP6",
            Precision::Fp4 => "FP4",
            Precision::Int8 => "INT8",
        })
    }
}

impl fmt::Display for Sparsity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Basis::Peak => "peak",
            Basis::Hpl => "HPL",
            Basis::HplMxp => "HPL-MxP",
            Basis::Hpcg => "HPCG",
        })
    }
}

/// The three tags that decide whether two compute figures can be added.
///
/// # Example
/// ```
/// use sovereign_compute::units::{Basis, ComputeFormat, Precision, Sparsity};
///
/// let fp4 = ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse);
/// assert_eq!(fp4.to_string(), "FP4 sparse peak");
/// assert_eq!(ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl).to_string(), "FP64 dense HPL");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ComputeFormat {
    /// The number format.
    pub precision: Precision,
    /// Dense or 2:4 sparse.
    pub sparsity: Sparsity,
    /// Theoretical peak or a named benchmark.
    pub basis: Basis,
}

impl ComputeFormat {
    /// A format from its three tags.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{Basis, ComputeFormat, Precision, Sparsity};
    /// let rmax = ComputeFormat::new(Precision::Fp64, Sparsity::Dense, Basis::Hpl);
    /// assert!(rmax.basis.is_measured());
    /// ```
    pub const fn new(precision: Precision, sparsity: Sparsity, basis: Basis) -> Self {
        Self {
            precision,
            sparsity,
            basis,
        }
    }

    /// A theoretical-peak format, the kind every spec sheet and announcement quotes.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{Basis, ComputeFormat, Precision, Sparsity};
    /// assert_eq!(ComputeFormat::peak(Precision::Fp8, Sparsity::Dense).basis, Basis::Peak);
    /// ```
    pub const fn peak(precision: Precision, sparsity: Sparsity) -> Self {
        Self::new(precision, sparsity, Basis::Peak)
    }
}

impl fmt::Display for ComputeFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.precision, self.sparsity, self.basis)
    }
}

/// A compute rate with its [`ComputeFormat`]: "1,440 PFLOP/s FP4 sparse peak".
///
/// Two figures add only when all three tags agree; otherwise [`Error::FormatMismatch`] names
/// both. To total mixed figures, use [`ComputeTotals`].
///
/// # Example
/// ```
/// use sovereign_compute::units::{ComputeFigure, ComputeFormat, Precision, Sparsity};
///
/// let nvl72: ComputeFigure = "1,440 PFLOP/s FP4 sparse".parse()?;
/// let two = nvl72.checked_add(nvl72)?;
/// assert_eq!(two.to_string(), "2.88 EFLOP/s FP4 sparse peak");
///
/// let hpc: ComputeFigure = "2,880 TFLOP/s FP64 dense".parse()?;
/// assert!(nvl72.checked_add(hpc).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "FigureWire", into = "FigureWire"))]
pub struct ComputeFigure {
    /// The rate (FLOP/s, or OP/s for integer formats).
    pub rate: ComputeRate,
    /// Its precision, sparsity and basis.
    pub format: ComputeFormat,
}

/// The wire form of a figure: one flat object, `{"rate", "precision", "sparsity", "basis"}`.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureWire {
    rate: ComputeRate,
    precision: Precision,
    sparsity: Sparsity,
    basis: Basis,
}

#[cfg(feature = "serde")]
impl From<FigureWire> for ComputeFigure {
    fn from(w: FigureWire) -> Self {
        Self::new(w.rate, ComputeFormat::new(w.precision, w.sparsity, w.basis))
    }
}

#[cfg(feature = "serde")]
impl From<ComputeFigure> for FigureWire {
    fn from(f: ComputeFigure) -> Self {
        Self {
            rate: f.rate,
            precision: f.format.precision,
            sparsity: f.format.sparsity,
            basis: f.format.basis,
        }
    }
}

impl ComputeFigure {
    /// A figure from a rate and a format.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{ComputeFigure, ComputeFormat, Precision, Sparsity};
    /// let f = ComputeFigure::new("20 PFLOP/s".parse()?, ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse));
    /// assert_eq!(f.format.precision, Precision::Fp4);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn new(rate: ComputeRate, format: ComputeFormat) -> Self {
        Self { rate, format }
    }

    /// The rate as a plain number in a unit named as text (`"EFLOP/s"`), as
    /// [`ComputeRate::in_unit`]; the format is the figure's and is not converted.
    ///
    /// # Errors
    /// [`Error::UnknownUnit`] (listing the accepted units) if `unit` is not a rate unit.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeFigure;
    /// let f: ComputeFigure = "1,440 PFLOP/s FP4 sparse".parse()?;
    /// assert_eq!(f.in_unit("EFLOP/s")?, 1.44);
    /// assert!(f.in_unit("MW").is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn in_unit(self, unit: &str) -> Result<f64> {
        self.rate.in_unit(unit)
    }

    /// Adds two figures of the same format.
    ///
    /// # Errors
    /// [`Error::FormatMismatch`] when any tag differs; [`Error::Overflow`] if the sum is not
    /// finite.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, units::ComputeFigure};
    /// let a: ComputeFigure = "10 PFLOP/s FP4 dense".parse()?;
    /// let b: ComputeFigure = "20 PFLOP/s FP4 sparse".parse()?;
    /// assert!(matches!(a.checked_add(b), Err(Error::FormatMismatch { .. })));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn checked_add(self, rhs: Self) -> Result<Self> {
        if self.format != rhs.format {
            return Err(Error::FormatMismatch {
                left: self.format,
                right: rhs.format,
            });
        }
        Ok(Self::new(self.rate.checked_add(rhs.rate)?, self.format))
    }

    /// Multiplies the rate by a plain, non-negative factor (a number of GPUs, say).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a NaN, infinite or negative factor; [`Error::Overflow`] if
    /// the product is not finite.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeFigure;
    /// let gpu: ComputeFigure = "20 PFLOP/s FP4 sparse".parse()?;
    /// assert_eq!(gpu.checked_scale(72.0)?.to_string(), "1.44 EFLOP/s FP4 sparse peak");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn checked_scale(self, factor: f64) -> Result<Self> {
        Ok(Self::new(self.rate.checked_scale(factor)?, self.format))
    }
}

/// "20 PFLOP/s FP4 sparse peak"; precision flags apply to the rate. For the number in a unit
/// named as text, [`in_unit`](ComputeFigure::in_unit).
impl fmt::Display for ComputeFigure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.rate, f)?;
        write!(f, " {}", self.format)
    }
}

/// Reads a rate followed by tags in any order: "1,440 PFLOP/s FP4 sparse",
/// "793.4 PFLOP/s FP64 dense HPL". Precision is required; sparsity defaults to dense and basis
/// to peak when absent, because that is what an unqualified number means on a spec sheet that
/// marks its sparse figures.
impl FromStr for ComputeFigure {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let text = check_text(
            s,
            is_quantity_char,
            "a rate and its format, such as \"20 PFLOP/s FP4 sparse\"",
        )?;
        let mut words: Vec<&str> = text.split_whitespace().collect();
        let (mut precision, mut sparsity, mut basis) = (None, None, None);
        // Two different tags of one kind ("FP4 FP8") are an error: keeping either would be a
        // guess. The same tag twice is harmless.
        fn once<T: Copy + PartialEq + fmt::Display>(
            slot: &mut Option<T>,
            value: T,
            input: &str,
        ) -> Result<()> {
            match slot {
                Some(first) if *first != value => Err(Error::UnknownTag {
                    what: "compute figure",
                    input: format!("{input} (both {value} and {first})"),
                    accepted: "one precision, at most one sparsity and at most one basis",
                }),
                _ => {
                    *slot = Some(value);
                    Ok(())
                }
            }
        }
        while let Some(last) = words.last().copied() {
            if let Ok(p) = last.parse::<Precision>() {
                once(&mut precision, p, s)?;
            } else if let Ok(sp) = last.parse::<Sparsity>() {
                once(&mut sparsity, sp, s)?;
            } else if let Ok(b) = last.parse::<Basis>() {
                once(&mut basis, b, s)?;
            } else {
                break;
            }
            words.pop();
        }
        let precision = precision.ok_or_else(|| Error::UnknownTag {
            what: "precision",
            input: s.to_owned(),
            accepted: "a rate followed by fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4 or int8, then optionally dense/sparse and peak/hpl",
        })?;
        let rate: ComputeRate = words.join(" ").parse()?;
        Ok(Self::new(
            rate,
            ComputeFormat::new(
                precision,
                sparsity.unwrap_or(Sparsity::Dense),
                basis.unwrap_or(Basis::Peak),
            ),
        ))
    }
}

/// Totals of mixed compute figures, one entry per [`ComputeFormat`], never merged.
///
/// This is how to add up announcements that quote different formats: FP4 sparse, FP8 sparse
/// and FP64 HPL each keep their own line.
///
/// # Example
/// ```
/// use sovereign_compute::units::{ComputeFigure, ComputeFormat, ComputeTotals, Precision, Sparsity};
///
/// let mut totals = ComputeTotals::new();
/// for s in ["1,440 PFLOP/s FP4 sparse", "720 PFLOP/s FP4 sparse", "793.4 PFLOP/s FP64 dense HPL"] {
///     totals.add(s.parse::<ComputeFigure>()?)?;
/// }
/// assert_eq!(totals.len(), 2);
/// let fp4 = totals.get(ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse)).unwrap();
/// assert_eq!(fp4.to_string(), "2.16 EFLOP/s");
/// println!("{totals}");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<ComputeFigure>", into = "Vec<ComputeFigure>")
)]
pub struct ComputeTotals {
    totals: BTreeMap<ComputeFormat, ComputeRate>,
}

impl ComputeTotals {
    /// No figures yet.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::units::ComputeTotals::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a figure to the total of its format.
    ///
    /// # Errors
    /// [`Error::Overflow`] if that total is no longer finite; the totals are then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeTotals;
    /// let mut t = ComputeTotals::new();
    /// t.add("5 PFLOP/s FP8 sparse".parse()?)?;
    /// assert_eq!(t.len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn add(&mut self, figure: ComputeFigure) -> Result<()> {
        let entry = self
            .totals
            .entry(figure.format)
            .or_insert(ComputeRate::ZERO);
        *entry = entry.checked_add(figure.rate)?;
        Ok(())
    }

    /// Adds every line of another total.
    ///
    /// # Errors
    /// [`Error::Overflow`] if a total is no longer finite.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeTotals;
    /// let mut a = ComputeTotals::new();
    /// a.add("5 PFLOP/s FP8 sparse".parse()?)?;
    /// let b = a.clone();
    /// a.merge(&b)?;
    /// assert_eq!(a.iter().next().unwrap().rate.to_string(), "10 PFLOP/s");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn merge(&mut self, other: &ComputeTotals) -> Result<()> {
        other.iter().try_for_each(|figure| self.add(figure))
    }

    /// The total of one format, if any figure of that format was added.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::{ComputeFormat, ComputeTotals, Precision, Sparsity};
    /// let t = ComputeTotals::new();
    /// assert_eq!(t.get(ComputeFormat::peak(Precision::Fp4, Sparsity::Dense)), None);
    /// ```
    pub fn get(&self, format: ComputeFormat) -> Option<ComputeRate> {
        self.totals.get(&format).copied()
    }

    /// The totals as figures, ordered by format (precision, then sparsity, then basis).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::units::ComputeTotals;
    /// let mut t = ComputeTotals::new();
    /// t.add("5 PFLOP/s FP8 sparse".parse()?)?;
    /// assert_eq!(t.iter().count(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = ComputeFigure> + '_ {
        self.totals
            .iter()
            .map(|(format, rate)| ComputeFigure::new(*rate, *format))
    }

    /// How many formats have a total.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::units::ComputeTotals::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.totals.len()
    }

    /// Whether no figure was added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::units::ComputeTotals::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }
}

/// On the wire, a list of figures; reading one sums figures of the same format.
impl TryFrom<Vec<ComputeFigure>> for ComputeTotals {
    type Error = Error;

    fn try_from(figures: Vec<ComputeFigure>) -> Result<Self> {
        let mut totals = Self::new();
        figures.into_iter().try_for_each(|f| totals.add(f))?;
        Ok(totals)
    }
}

impl From<ComputeTotals> for Vec<ComputeFigure> {
    fn from(totals: ComputeTotals) -> Self {
        totals.iter().collect()
    }
}

/// A small aligned table, one line per format.
impl fmt::Display for ComputeTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows: Vec<(String, String)> = self
            .iter()
            .map(|fig| (fig.format.to_string(), fig.rate.to_string()))
            .collect();
        let w0 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(6);
        let w1 = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max(5);
        writeln!(f, "{:<w0$}  {:>w1$}", "format", "total")?;
        for (format, total) in &rows {
            writeln!(f, "{format:<w0$}  {total:>w1$}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn junk<T: FromStr<Err = Error> + fmt::Debug>(input: &str) -> (char, usize) {
        match input.parse::<T>() {
            Err(Error::UnexpectedCharacter {
                character,
                position,
                input: given,
                ..
            }) if given == input => (character, position),
            other => panic!("{input:?}: {other:?}"),
        }
    }

    #[test]
    fn figures_reject_junk_characters_with_their_position() {
        assert_eq!(junk::<ComputeFigure>("20 PFLOP/s FP4\0"), ('\0', 14));
        assert_eq!(
            junk::<ComputeFigure>("\u{200b}20 PFLOP/s FP4"),
            ('\u{200b}', 0)
        );
        assert_eq!(
            junk::<ComputeFigure>("20 PFLOP/s\u{2060} FP4"),
            ('\u{2060}', 10)
        );
        assert_eq!(junk::<ComputeFigure>("20 PFLOP/s FP4 sparse!!!"), ('!', 21));
        assert_eq!(junk::<ComputeFigure>("20 PFLOP/s FP4 2:4"), (':', 16));
        assert_eq!(junk::<ComputeFigure>("20 PFLOP/s\tFP4"), ('\t', 10));
        assert_eq!(
            " 20\u{a0}PFLOP/s FP4  sparse ".parse::<ComputeFigure>(),
            "20 PFLOP/s FP4 sparse".parse::<ComputeFigure>()
        );
    }

    #[test]
    fn tags_reject_junk_characters_with_their_position() {
        assert_eq!(junk::<Precision>("fp4\0"), ('\0', 3));
        assert_eq!(junk::<Precision>("\0fp4"), ('\0', 0));
        assert_eq!(junk::<Precision>("FP4\u{200b}"), ('\u{200b}', 3));
        assert_eq!(junk::<Sparsity>("sparse!!!"), ('!', 6));
        assert_eq!(junk::<Basis>("h\u{ad}pl"), ('\u{ad}', 1));
        assert_eq!(junk::<Basis>("hpl\u{fe0f}"), ('\u{fe0f}', 3));
        assert_eq!(" FP4\n".parse::<Precision>(), Ok(Precision::Fp4));
        assert_eq!("2:4  sparse".parse::<Sparsity>(), Ok(Sparsity::Sparse));
        let err = "fp4\0".parse::<Precision>().unwrap_err().to_string();
        assert!(
            err.starts_with(
                r#"unexpected character '\0' at position 3 in "fp4\0": expected a precision: "#
            ),
            "{err}"
        );
    }
}
