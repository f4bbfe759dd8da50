//! Phases of a deployment: lifecycle status, partial dates, hardware, stated compute and power.

use std::fmt;

use super::input::Unread;
use super::{Certainty, Citation, FieldInput, Sourced};
use crate::catalog::HardwareRef;
use crate::estimate::Estimate;
use crate::units::{AcceleratorCount, ComputeFormat, ComputeRate, Power};
use crate::{Error, PartialDate, Result};

tag_enum! {
    /// Where a phase is in its lifecycle.
    ///
    /// The lifecycle runs announced → planned → under construction → partially operational →
    /// operational → decommissioned; cancelled and superseded end a phase early. See
    /// [`Status::can_become`] for the moves allowed.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Status;
    /// assert_eq!("under construction".parse::<Status>()?, Status::UnderConstruction);
    /// assert!(Status::Planned.can_become(Status::Operational));
    /// assert!(!Status::Cancelled.can_become(Status::Operational));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Status, "status",
    "announced, planned, under-construction, partially-operational, operational, decommissioned, cancelled, superseded" {
        /// Announced, with no plan made public.
        Announced = "announced",
        /// Planned: site, hardware or dates stated.
        Planned = "planned",
        /// Being built.
        UnderConstruction = "under-construction" | "under construction" | "construction",
        /// Some of the capacity is running.
        PartiallyOperational = "partially-operational" | "partially operational",
        /// Running.
        Operational = "operational" | "existing" | "running",
        /// Switched off.
        Decommissioned = "decommissioned",
        /// Will not happen.
        Cancelled = "cancelled" | "canceled",
        /// Replaced by another phase or deployment.
        Superseded = "superseded",
    }
}

impl Status {
    /// Position on the lifecycle, for ordering moves; cancelled and superseded sit outside it.
    const fn stage(self) -> Option<u8> {
        match self {
            Status::Announced => Some(0),
            Status::Planned => Some(1),
            Status::UnderConstruction => Some(2),
            Status::PartiallyOperational => Some(3),
            Status::Operational => Some(4),
            Status::Decommissioned => Some(5),
            Status::Cancelled | Status::Superseded => None,
        }
    }

    /// Whether a phase in this status may move to `next`: forward along the lifecycle (steps
    /// may be skipped), to cancelled or superseded from any status before operational, and to
    /// superseded or decommissioned from a running one. Ended phases (decommissioned,
    /// cancelled, superseded) do not move.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Status;
    /// assert!(Status::Announced.can_become(Status::UnderConstruction));
    /// assert!(!Status::Operational.can_become(Status::Planned));
    /// assert!(Status::Operational.can_become(Status::Superseded));
    /// ```
    pub fn can_become(self, next: Status) -> bool {
        match (self.stage(), next.stage()) {
            (Some(5) | None, _) => false,
            (Some(from), Some(to)) => to > from,
            (Some(from), None) => next == Status::Superseded || from < 4,
        }
    }

    /// Whether capacity in this status is running (partially operational or operational).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Status;
    /// assert!(Status::PartiallyOperational.is_running());
    /// assert!(!Status::Planned.is_running());
    /// ```
    pub const fn is_running(self) -> bool {
        matches!(self, Status::PartiallyOperational | Status::Operational)
    }

    /// Whether the phase ended without running (cancelled) or was replaced (superseded): such
    /// phases never count as capacity.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Status;
    /// assert!(Status::Cancelled.never_counts());
    /// assert!(!Status::Decommissioned.never_counts());
    /// ```
    pub const fn never_counts(self) -> bool {
        matches!(self, Status::Cancelled | Status::Superseded)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The dates of a phase, each at the precision the source gave.
///
/// `online` is when the capacity is (to be) available: "by end of 2026" is the day
/// 2026-12-31, "throughout 2026" the year 2026. Capacity questions read its latest day
/// (committed) or earliest day (optimistic).
///
/// # Example
/// ```
/// use sovereign_compute::model::PhaseDates;
/// let mut dates = PhaseDates::default();
/// dates.announced = Some("2025-06-11".parse()?);
/// dates.online = Some("2026".parse()?);
/// assert_eq!(dates.online.unwrap().latest().to_string(), "2026-12-31");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PhaseDates {
    /// When the phase was announced.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub announced: Option<PartialDate>,
    /// When work started.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub start: Option<PartialDate>,
    /// When the capacity is (or is to be) online.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub online: Option<PartialDate>,
    /// When it was (or is to be) switched off.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub end: Option<PartialDate>,
}

/// One line of a phase's hardware: what, and how many in which counting unit.
///
/// Most lines are written with [`Phase::with_hardware`] from a hardware name and a count
/// phrase; [`HardwareLine::parse`] reads the same two strings into a line on its own.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{HardwareLine, HardwareRef, Sourced};
///
/// let line = HardwareLine::new(
///     HardwareRef::Part("nvidia-gb200".into()),
///     Sourced::new(Estimate::parse("18,000 superchips")?),
/// );
/// assert_eq!(line.count.value.central().unwrap().count(), 18_000);
/// assert_eq!(HardwareLine::parse("GB200", "18,000 superchips")?.count, line.count);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct HardwareLine {
    /// The hardware.
    pub hardware: HardwareRef,
    /// How many, in the counting unit the source used.
    pub count: Sourced<Estimate<AcceleratorCount>>,
}

impl HardwareLine {
    /// A hardware line.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::{HardwareLine, HardwareRef, Sourced};
    /// use sovereign_compute::units::AcceleratorCount;
    /// let l = HardwareLine::new(HardwareRef::Part("nvidia-b200".into()), Sourced::new(Estimate::exact(AcceleratorCount::gpus(8))));
    /// assert!(matches!(l.hardware, HardwareRef::Part(_)));
    /// ```
    pub fn new(hardware: HardwareRef, count: Sourced<Estimate<AcceleratorCount>>) -> Self {
        Self { hardware, count }
    }

    /// A line from what people write: a hardware name (any catalog ID, product name or alias:
    /// `"B200"`, `"GB200 NVL72"`, `"nvidia-b200"`) and a count phrase (`"4,000 GPUs"`,
    /// `"about 250 racks"`, `"more than 3,000 superchips"`).
    ///
    /// The name is kept as [`HardwareRef::Named`] and resolved through the catalog when the
    /// registry is built, which reports a name the catalog does not hold with the closest
    /// names it does.
    ///
    /// # Errors
    /// The count phrase's error: [`Error::MissingCountUnit`] for `"4000"`,
    /// [`Error::UnreadablePhrase`] for a phrase [`Estimate::parse`] does not read.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{HardwareLine, HardwareRef};
    ///
    /// let line = HardwareLine::parse("B200", "4,000 GPUs")?;
    /// assert_eq!(line.hardware, HardwareRef::named("B200"));
    /// assert_eq!(line.count.value.to_string(), "4,000 GPUs");
    /// assert!(HardwareLine::parse("B200", "4000").is_err()); // GPUs? racks?
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parse(hardware: &str, count: &str) -> Result<Self> {
        Ok(Self::new(
            HardwareRef::named(hardware),
            Sourced::new(Estimate::parse(count)?),
        ))
    }
}

/// What is known of a stated figure's number format.
///
/// # Example
/// ```
/// use sovereign_compute::model::FormatReading;
/// use sovereign_compute::units::{ComputeFormat, Precision, Sparsity};
///
/// let fp4 = ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse);
/// let assumed = FormatReading::Assumed { format: fp4, reason: "matches per-GPU arithmetic".into() };
/// assert_eq!(assumed.format(), Some(fp4));
/// assert_eq!(FormatReading::Unstated.format(), None);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "lowercase", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum FormatReading {
    /// The source states the format.
    Stated(ComputeFormat),
    /// The source does not state it; this is the reading chosen, and why.
    Assumed {
        /// The format assumed.
        format: ComputeFormat,
        /// Why.
        reason: String,
    },
    /// The source does not state it and no reading is assumed: the figure cannot be added to
    /// any other.
    Unstated,
}

impl FormatReading {
    /// The format stated or assumed, if any.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::FormatReading;
    /// assert!(FormatReading::Unstated.format().is_none());
    /// ```
    pub fn format(&self) -> Option<ComputeFormat> {
        match self {
            FormatReading::Stated(f) | FormatReading::Assumed { format: f, .. } => Some(*f),
            FormatReading::Unstated => None,
        }
    }
}

/// A compute figure as a source states it: a rate estimate, and what is known of its format.
///
/// "More than 3,000 exaflops" states no format; recording it as `Unstated` (or `Assumed`, with
/// a reason) keeps the ambiguity visible.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{FormatReading, StatedCompute, Sourced};
///
/// let headline = StatedCompute::new(
///     Sourced::new(Estimate::parse("more than 3,000 exaflops")?),
///     FormatReading::Unstated,
/// );
/// assert_eq!(headline.rate.value.to_string(), "≥ 3 ZFLOP/s");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct StatedCompute {
    /// The rate, as an estimate (FLOP/s).
    pub rate: Sourced<Estimate<ComputeRate>>,
    /// The number format: stated, assumed or unstated.
    pub format: FormatReading,
}

impl StatedCompute {
    /// A stated rate and what is known of its format.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::{FormatReading, Sourced, StatedCompute};
    ///
    /// let headline = StatedCompute::new(
    ///     Sourced::new(Estimate::parse("more than 3,000 exaflops")?),
    ///     FormatReading::Unstated,
    /// );
    /// assert!(headline.format.format().is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(rate: Sourced<Estimate<ComputeRate>>, format: FormatReading) -> Self {
        Self { rate, format }
    }
}

/// One phase of a deployment.
///
/// # Example
/// ```
/// use sovereign_compute::model::{Phase, Status};
///
/// let mut phase = Phase::new("initial phase", Status::Planned);
/// phase.dates.online = Some("2026".parse()?);
/// phase.transition(Status::UnderConstruction)?;
/// assert!(phase.transition(Status::Planned).is_err()); // no going back
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Phase {
    /// The phase's name, unique within its deployment ("first phase").
    pub name: String,
    /// Its lifecycle status.
    pub status: Status,
    /// How certain it is that the phase exists as recorded: [`Certainty::Confirmed`] (the
    /// default) unless a source hedges. Omitted on the wire when confirmed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Certainty::is_default")
    )]
    pub certainty: Certainty,
    /// Its dates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub dates: PhaseDates,
    /// Its hardware.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub hardware: Vec<HardwareLine>,
    /// A compute figure the source states for the phase. Boxed, as most phases state none:
    /// a phase without one is 128 bytes smaller.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub compute: Option<Box<StatedCompute>>,
    /// Power the source states for the phase (site or IT capacity, as the note says). Boxed,
    /// like [`compute`](Self::compute).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub power: Option<Box<Sourced<Estimate<Power>>>>,
    /// Where the energy comes from, as stated ("renewable-powered").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub energy_source: Option<String>,
    /// Sources for the phase as a whole.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Citation>,
    /// Notes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// Text given to a `with_*` method that did not read, reported by the registry.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) unread: Unread,
}

impl Phase {
    /// A phase with a name and status and nothing else yet.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Phase, Status};
    /// assert!(Phase::new("first phase", Status::Announced).hardware.is_empty());
    /// ```
    pub fn new(name: impl Into<String>, status: Status) -> Self {
        Self {
            name: name.into(),
            status,
            certainty: Certainty::default(),
            dates: PhaseDates::default(),
            hardware: Vec::new(),
            compute: None,
            power: None,
            energy_source: None,
            sources: Vec::new(),
            note: None,
            unread: Unread::default(),
        }
    }

    /// Adds a hardware line: what, and how many.
    ///
    /// `hardware` is a [`HardwareRef`] or a catalog name as text (`"B200"`, `"GB200 NVL72"`,
    /// resolved when the registry is built); `count` is a count phrase (`"4,000 GPUs"`,
    /// `"about 250 racks"`), an [`Estimate`], an [`AcceleratorCount`] or a [`Sourced`]
    /// estimate with its citations (see [`FieldInput`]). A phrase that does not read adds a
    /// line of unknown count, and the registry's `build` reports the phrase's error at
    /// `phases[i].hardware[j].count`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Citation, HardwareRef, Phase, Sourced, Status};
    /// use sovereign_compute::estimate::Estimate;
    ///
    /// let p = Phase::new("p1", Status::Planned)
    ///     .with_hardware("B200", "10,000 GPUs")
    ///     .with_hardware(
    ///         HardwareRef::System("nvidia-gb200-nvl72".into()),
    ///         Sourced::new(Estimate::parse("about 40 racks")?).with_citation(Citation::new("press")),
    ///     );
    /// assert_eq!(p.hardware.len(), 2);
    /// assert_eq!(p.hardware[0].count.value.to_string(), "10,000 GPUs");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_hardware(
        mut self,
        hardware: impl FieldInput<HardwareRef>,
        count: impl FieldInput<Sourced<Estimate<AcceleratorCount>>>,
    ) -> Self {
        let at = self.hardware.len();
        let hardware = hardware.into_field().unwrap_or_else(|error| {
            self.unread.push(format!("hardware[{at}].hardware"), error);
            HardwareRef::Unlisted(String::new())
        });
        let count = count.into_field().unwrap_or_else(|error| {
            self.unread.push(format!("hardware[{at}].count"), error);
            Sourced::new(Estimate::unknown())
        });
        self.hardware.push(HardwareLine::new(hardware, count));
        self
    }

    /// Adds a hardware line built beforehand.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{HardwareLine, Phase, Status};
    /// let p = Phase::new("p1", Status::Planned).with_hardware_line(HardwareLine::parse("B200", "8 GPUs")?);
    /// assert_eq!(p.hardware.len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_hardware_line(mut self, line: HardwareLine) -> Self {
        self.hardware.push(line);
        self
    }

    /// Sets the compute figure the source states for the phase.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::{FormatReading, Phase, Sourced, StatedCompute, Status};
    /// use sovereign_compute::units::{ComputeFormat, Precision, Sparsity};
    /// let p = Phase::new("p1", Status::Planned).with_compute(StatedCompute::new(
    ///     Sourced::new(Estimate::parse("more than 3,000 exaflops")?),
    ///     FormatReading::Stated(ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse)),
    /// ));
    /// assert_eq!(p.compute.unwrap().rate.value.to_string(), "≥ 3 ZFLOP/s");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_compute(mut self, compute: StatedCompute) -> Self {
        self.compute = Some(Box::new(compute));
        self
    }

    /// Sets the power the source states for the phase, in watts (site or IT capacity, as
    /// the note says).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::{Phase, Sourced, Status};
    /// let p = Phase::new("p1", Status::Planned).with_power(Sourced::new(Estimate::parse("about 40 MW")?));
    /// assert_eq!(p.power.unwrap().value.to_string(), "≈ 40 MW");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_power(mut self, power: Sourced<Estimate<Power>>) -> Self {
        self.power = Some(Box::new(power));
        self
    }

    /// Sets how certain it is that the phase exists as recorded.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Certainty, Phase, Status};
    /// let rumour = Phase::new("p1", Status::Announced).with_certainty(Certainty::Unlikely);
    /// assert_eq!(rumour.certainty, Certainty::Unlikely);
    /// assert_eq!(Phase::new("p2", Status::Planned).certainty, Certainty::Confirmed);
    /// ```
    pub fn with_certainty(mut self, certainty: Certainty) -> Self {
        self.certainty = certainty;
        self
    }

    /// Sets the online date: a [`PartialDate`], a day, or text such as `"2026-Q1"` (see
    /// [`FieldInput`]). Text that does not read leaves the date unset, and the registry's
    /// `build` reports it at `phases[i].dates.online`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Phase, Status};
    /// use sovereign_compute::{Country, model::Deployment, registry::Registry};
    ///
    /// let p = Phase::new("p1", Status::Planned).with_online("2026-Q1");
    /// assert_eq!(p.dates.online.unwrap().to_string(), "2026-Q1");
    ///
    /// let typo = Phase::new("p1", Status::Planned).with_online("2026-Q5");
    /// let err = Registry::builder()
    ///     .deployment(Deployment::new("d", "D", Country::FR).with_phase(typo))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("deployment d, phases[0].dates.online: invalid date \"2026-Q5\""));
    /// ```
    pub fn with_online(mut self, date: impl FieldInput<PartialDate>) -> Self {
        self.unread
            .read_into("dates.online", date, &mut self.dates.online);
        self
    }

    /// Sets the announcement date, as [`with_online`](Self::with_online) does the online date.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Phase, Status};
    /// let p = Phase::new("p1", Status::Announced).with_announced("2025-06-11");
    /// assert!(p.dates.announced.is_some());
    /// ```
    pub fn with_announced(mut self, date: impl FieldInput<PartialDate>) -> Self {
        self.unread
            .read_into("dates.announced", date, &mut self.dates.announced);
        self
    }

    /// Text given to [`with_online`](Self::with_online), [`with_hardware`](Self::with_hardware)
    /// and the other `with_*` methods that did not read, each with its field
    /// (`"dates.online"`, `"hardware[0].count"`) and error. The registry reports these when it
    /// is built; this is for checking a phase on its own.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Phase, Status};
    /// let p = Phase::new("p1", Status::Planned).with_hardware("B200", "4000");
    /// let (field, error) = p.unread().next().unwrap();
    /// assert_eq!(field, "hardware[0].count");
    /// assert!(error.to_string().starts_with("a count needs its unit"));
    /// ```
    pub fn unread(&self) -> impl Iterator<Item = (&str, &Error)> {
        self.unread.iter().map(|(f, e)| (f.as_str(), e))
    }

    /// Moves the phase to a new status, if the lifecycle allows it ([`Status::can_become`]).
    ///
    /// # Errors
    /// [`Error::InvalidTransition`] naming both statuses.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Phase, Status};
    /// let mut p = Phase::new("p1", Status::Operational);
    /// assert!(p.transition(Status::Cancelled).is_err());
    /// p.transition(Status::Decommissioned)?;
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn transition(&mut self, to: Status) -> Result<()> {
        if self.status.can_become(to) {
            self.status = to;
            Ok(())
        } else {
            Err(Error::InvalidTransition {
                from: self.status,
                to,
                reason: "a phase moves forward along announced, planned, under construction, partially operational, operational, decommissioned; it may be cancelled before it runs or superseded at any time before it ends",
            })
        }
    }

    /// Problems with the phase on its own: dates out of order, a status its dates contradict.
    /// Each is `(field, message)`; the registry adds the record's ID.
    pub(crate) fn date_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let d = &self.dates;
        let order = [
            ("announced", d.announced),
            ("start", d.start),
            ("online", d.online),
            ("end", d.end),
        ];
        for (i, (early_name, early)) in order.iter().enumerate() {
            for (late_name, late) in &order[i + 1..] {
                if let (Some(a), Some(b)) = (early, late)
                    && a.certainly_after(b)
                {
                    out.push((
                        format!("dates.{late_name}"),
                        format!("{late_name} {b} is before {early_name} {a}"),
                    ));
                }
            }
        }
        if d.end.is_some()
            && !matches!(
                self.status,
                Status::Decommissioned | Status::Cancelled | Status::Superseded
            )
        {
            out.push((
                "dates.end".to_owned(),
                format!(
                    "a phase that is {} has no end date; set the status to decommissioned, cancelled or superseded",
                    self.status
                ),
            ));
        }
        out
    }
}
