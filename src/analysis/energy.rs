//! Energy: how much electricity a site or a group of deployments uses in a year, from its IT
//! power or its facility power, at a PUE and a load factor the caller states.
//!
//! ```
//! use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
//! use sovereign_compute::units::Power;
//!
//! let energy = AnnualEnergy::new(Pue::new(1.2)?, LoadFactor::new(0.8)?, PowerBasis::Facility);
//! let ten_mw: Power = "10 MW".parse()?;
//! // 10 MW of IT power: 10 MW × PUE 1.2 × load 0.8 × 8,760 h = 84,096 MWh.
//! assert_eq!(format!("{:.3}", energy.of(ten_mw, PowerBasis::It)?), "84.096 GWh");
//! // 10 MW of facility power already includes the PUE: 10 MW × 0.8 × 8,760 h = 70,080 MWh.
//! assert_eq!(format!("{:.3}", energy.of(ten_mw, PowerBasis::Facility)?), "70.080 GWh");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # Semantics
//!
//! **Units.** Power is in W (displayed up to GW), energy in J (displayed in kWh, MWh, GWh and
//! TWh; 1 TWh = 3.6 × 10^15 J). A year is 365 days of 24 hours, [`HOURS_PER_YEAR`] = 8,760 h
//! (31,536,000 s); leap days are not counted. A [`Pue`] (power usage effectiveness) is facility
//! power over IT power, finite and at least 1.0. A [`LoadFactor`] is the year's average power
//! draw over the power given, from 0 to 1.
//!
//! **Which input gets which factor.** A power is either IT power (what the computers draw) or
//! facility power (the whole site: IT plus cooling, power conversion and the rest), and the
//! caller says which ([`PowerBasis`]). Facility power is IT power × PUE, so the PUE is applied
//! to IT power only; a facility power is never multiplied by the PUE again:
//!
//! | power given | annual energy |
//! | --- | --- |
//! | IT power, `P_it` | `P_it × PUE × load × 8,760 h` |
//! | facility power, `P_facility` | `P_facility × load × 8,760 h` |
//!
//! The load factor scales both the same way: the site's overhead is taken to follow its IT load
//! (a PUE that does not change with load). [`AnnualEnergy::full_power_time`] is the factor
//! itself, the time at full power that gives the year's energy (`8,760 h × load`, × PUE for IT
//! power).
//!
//! **Stated and derived power.** As a [`Measure`](super::Measure) in a
//! [`Query`](super::Query), [`AnnualEnergy`] reads each phase the way
//! [`ItPower`] does and keeps the two routes apart:
//!
//! - a power the phase's source states ([`Route::Stated`]) is read as
//!   the basis the measure was given for stated power
//!   ([`AnnualEnergy::stated`]): `PowerBasis::Facility` for a site or grid-connection
//!   capacity (no PUE), `PowerBasis::It` for an IT load (× PUE). Sources differ (the Europe
//!   dataset holds TOP500 benchmark draws, which are IT power, and site capacities, which are
//!   facility power; each record's note says which), so the caller chooses, and can run the
//!   query both ways to see how much the choice moves the total;
//! - power derived from hardware lines ([`Route::Derived`]: GPUs ×
//!   the catalog's per-GPU TDP) is always IT power, × PUE. It is accelerator power only (host
//!   CPUs, memory and networking are not in a TDP), so it understates the IT load.
//!
//! A phase with a stated power is counted from it alone, never also from its hardware; the
//! table's [`Routes`](super::Routes) say how many parts took each route.
//!
//! **Bounds.** Every bound of the power is multiplied by the same non-negative factor, so the
//! lower energy comes from the lower power, the central from the central and the upper from
//! the upper; an unbounded upper power ("more than 40 MW") gives an unbounded upper energy.
//! Unknown parts stay counted, never read as zero: a total with unknown parts keeps them and
//! has no upper bound, as a power total does. The PUE and the load factor are single values;
//! to bound them, ask twice (PUE 1.1 and 1.5) and read the two answers as the range.

// The measure protocol reads the registry's crate-private index; see `measure.rs`.
#![allow(private_interfaces, private_bounds)]

use std::fmt;
use std::str::FromStr;

use super::measure::sealed::{Plan, Sealed, Tally};
use super::measure::{ItPower, Route};
use super::training::{parse_fraction, write_percent};
use crate::estimate::{Part, Total, map_part};
use crate::registry::index::{Index, Kind, LineRow};
use crate::units::{Energy, Power, Time};
use crate::{Error, Result};

/// The hours in a year of 365 days: 8,760.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::HOURS_PER_YEAR;
/// assert_eq!(HOURS_PER_YEAR, 365.0 * 24.0);
/// ```
pub const HOURS_PER_YEAR: f64 = 8_760.0;

/// The seconds in a year of 365 days.
const SECONDS_PER_YEAR: f64 = HOURS_PER_YEAR * 3_600.0;

/// Power usage effectiveness: facility power over IT power, finite and at least 1.0 (a site
/// whose every watt reaches the computers has a PUE of 1.0).
///
/// Read from a number (`"1.2"`); displayed as one.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Pue;
///
/// let pue = Pue::new(1.2)?;
/// assert_eq!(pue.value(), 1.2);
/// assert_eq!("1.2".parse::<Pue>()?, pue);
/// assert_eq!(pue.to_string(), "1.2");
/// assert!(Pue::new(0.9).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Pue(f64);

impl Pue {
    /// A PUE of 1.0: no overhead, facility power equals IT power.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Pue;
    /// assert_eq!(Pue::ONE.value(), 1.0);
    /// ```
    pub const ONE: Pue = Pue(1.0);

    /// A PUE from its value, finite and at least 1.0.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (quantity `"PUE"`) naming the value when it is NaN, infinite or
    /// below 1.0; the message says what is accepted.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Pue;
    /// assert_eq!(Pue::new(1.0)?, Pue::ONE);
    /// let err = Pue::new(0.8).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid PUE 0.8: below 1.0; a PUE is facility power over IT power, at least 1.0, such as 1.2"
    /// );
    /// assert!(Pue::new(f64::INFINITY).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(value: f64) -> Result<Self> {
        let reason = if value.is_nan() {
            "not a number; give a PUE of at least 1.0, such as 1.2"
        } else if value.is_infinite() {
            "infinite; give a finite PUE of at least 1.0, such as 1.2"
        } else if value < 1.0 {
            "below 1.0; a PUE is facility power over IT power, at least 1.0, such as 1.2"
        } else {
            return Ok(Self(value));
        };
        Err(Error::InvalidValue {
            quantity: "PUE",
            value,
            reason,
        })
    }

    /// The value, at least 1.0.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::Pue;
    /// assert_eq!("1.35".parse::<Pue>()?.value(), 1.35);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn value(self) -> f64 {
        self.0
    }
}

/// Reads a number such as `"1.2"`.
impl FromStr for Pue {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let value = s.trim().parse::<f64>().map_err(|_| Error::InvalidNumber {
            input: s.to_owned(),
            reason: "expected a PUE such as 1.2".to_owned(),
        })?;
        Self::new(value)
    }
}

/// "1.2"; `{:.N}` sets the digits after the point.
impl fmt::Display for Pue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "{:.p$}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

/// The name [`LoadFactor`] errors give the quantity.
const LOAD_FACTOR: &str = "load factor";

/// The year's average power draw over the power given: a fraction from 0 to 1 (100%).
///
/// Unlike [`Utilisation`](super::Utilisation), 0 is accepted: an idle site uses no energy.
/// Read from a fraction (`"0.8"`) or a percentage (`"80%"`); displayed as a percentage.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::LoadFactor;
///
/// let load = LoadFactor::new(0.8)?;
/// assert_eq!(load.to_string(), "80%");
/// assert_eq!("80%".parse::<LoadFactor>()?, load);
/// assert_eq!("0.8".parse::<LoadFactor>()?, load);
/// assert!(LoadFactor::new(1.2).is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct LoadFactor(f64);

impl LoadFactor {
    /// Full power all year: 100%.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::LoadFactor;
    /// assert_eq!(LoadFactor::FULL.fraction(), 1.0);
    /// ```
    pub const FULL: LoadFactor = LoadFactor(1.0);

    /// A load factor from a fraction from 0 to 1 (0.8 is 80%).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (quantity `"load factor"`) naming the value when it is NaN,
    /// infinite, negative or above 1; the message says what is accepted.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::LoadFactor;
    /// assert_eq!(LoadFactor::new(0.0)?.fraction(), 0.0);
    /// let err = LoadFactor::new(80.0).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid load factor 80: above 1 (100%)"));
    /// assert!(LoadFactor::new(-0.1).is_err());
    /// assert!(LoadFactor::new(f64::NAN).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(fraction: f64) -> Result<Self> {
        let reason = if fraction.is_nan() {
            "not a number; give a fraction from 0 to 1, such as 0.8 or \"80%\""
        } else if fraction.is_infinite() {
            "infinite; give a fraction from 0 to 1, such as 0.8 or \"80%\""
        } else if fraction < 0.0 {
            "negative; give a fraction from 0 to 1, such as 0.8 or \"80%\""
        } else if fraction > 1.0 {
            "above 1 (100%); give a fraction from 0 to 1, such as 0.8 or \"80%\""
        } else {
            // -0.0 compares equal to 0.0; keep the positive zero.
            return Ok(Self(fraction.abs()));
        };
        Err(Error::InvalidValue {
            quantity: LOAD_FACTOR,
            value: fraction,
            reason,
        })
    }

    /// The fraction, from 0 to 1.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::LoadFactor;
    /// assert_eq!("35%".parse::<LoadFactor>()?.fraction(), 0.35);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn fraction(self) -> f64 {
        self.0
    }
}

/// Reads `"0.8"`, `"80%"` or `"80 %"`. A percentage is read by moving the decimal point in the
/// text, so `"35%"` is exactly the `f64` of `"0.35"`.
impl FromStr for LoadFactor {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::new(parse_fraction(s, "0.8", "80%")?)
    }
}

/// "80%"; `{:.N}` sets the digits after the point ("80.0%").
impl fmt::Display for LoadFactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_percent(f, self.0)
    }
}

/// What a power figure measures: the computers' draw, or the whole site's.
///
/// See the [module docs](self) for which factor each gets.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::PowerBasis;
/// assert_eq!(PowerBasis::It.to_string(), "IT power");
/// assert_eq!(PowerBasis::Facility.to_string(), "facility power");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PowerBasis {
    /// IT power: what the computers draw. Facility power is this × PUE.
    It,
    /// Facility power: the whole site, IT plus cooling, power conversion and the rest; the
    /// PUE is in it already.
    Facility,
}

impl fmt::Display for PowerBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PowerBasis::It => "IT power",
            PowerBasis::Facility => "facility power",
        })
    }
}

/// Annual energy at a PUE and a load factor: a calculator for a power or a total of powers,
/// and a [`Measure`](super::Measure) for a [`Query`](super::Query), whose totals are
/// [`Energy`] (J).
///
/// The PUE multiplies IT power only; a facility power is used as it is (see the
/// [module docs](self)). In a query, a phase's stated power is read as the
/// [`stated`](Self::stated) basis, and power derived from hardware (GPUs × TDP) as IT power.
///
/// # Example
/// ```
/// # #[cfg(feature = "dataset")] {
/// use sovereign_compute::analysis::{AnnualEnergy, Filter, PowerBasis, Pue, Query};
///
/// let europe = sovereign_compute::datasets::european_ai_compute()?;
/// let energy = AnnualEnergy::new(Pue::new(1.2)?, "80%".parse()?, PowerBasis::It);
/// assert_eq!(energy.to_string(), "annual energy at PUE 1.2, load 80% (stated power read as IT power)");
/// // Gefion states one power, its TOP500 benchmark draw of 1,753.2 kW: IT power.
/// let gefion = Query::new()
///     .filter(Filter::Deployments(vec!["dk-gefion".parse()?]))
///     .run(&europe, energy)?;
/// // 1,753.2 kW × 1.2 × 0.8 × 8,760 h = 14,743.71072 MWh
/// assert_eq!(format!("{:.3}", gefion.total().lower().unwrap()), "14.744 GWh");
/// assert_eq!(gefion.routes().stated, 1);
/// // Read as facility power instead, the PUE is not applied: 12,286.4256 MWh.
/// let as_facility = Query::new()
///     .filter(Filter::Deployments(vec!["dk-gefion".parse()?]))
///     .run(&europe, energy.reading_stated_as(PowerBasis::Facility))?;
/// assert_eq!(format!("{:.3}", as_facility.total().lower().unwrap()), "12.286 GWh");
/// # }
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnnualEnergy {
    pue: Pue,
    load: LoadFactor,
    stated: PowerBasis,
}

impl AnnualEnergy {
    /// Annual energy at `pue` and `load`, reading a power that a source states as `stated`
    /// (power derived from hardware is always IT power).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// let e = AnnualEnergy::new(Pue::new(1.3)?, LoadFactor::FULL, PowerBasis::It);
    /// assert_eq!((e.pue().value(), e.load().fraction(), e.stated()), (1.3, 1.0, PowerBasis::It));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn new(pue: Pue, load: LoadFactor, stated: PowerBasis) -> Self {
        Self { pue, load, stated }
    }

    /// The PUE, applied to IT power.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// let e = AnnualEnergy::new(Pue::new(1.2)?, LoadFactor::FULL, PowerBasis::Facility);
    /// assert_eq!(e.pue(), Pue::new(1.2)?);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn pue(&self) -> Pue {
        self.pue
    }

    /// The load factor, applied to every power.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// let e = AnnualEnergy::new(Pue::ONE, "70%".parse()?, PowerBasis::Facility);
    /// assert_eq!(e.load().to_string(), "70%");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn load(&self) -> LoadFactor {
        self.load
    }

    /// How a power that a source states is read in a query.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// let e = AnnualEnergy::new(Pue::ONE, LoadFactor::FULL, PowerBasis::Facility);
    /// assert_eq!(e.stated(), PowerBasis::Facility);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub const fn stated(&self) -> PowerBasis {
        self.stated
    }

    /// The same assumptions, reading stated power as `stated`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// let e = AnnualEnergy::new(Pue::ONE, LoadFactor::FULL, PowerBasis::Facility);
    /// assert_eq!(e.reading_stated_as(PowerBasis::It).stated(), PowerBasis::It);
    /// ```
    pub const fn reading_stated_as(self, stated: PowerBasis) -> Self {
        Self { stated, ..self }
    }

    /// The time at full power that gives the year's energy: 8,760 h × load for facility
    /// power, 8,760 h × load × PUE for IT power. A power (W) times it is the annual energy
    /// (J).
    ///
    /// # Errors
    /// [`Error::Overflow`] if the time does not fit a finite `f64` (a PUE above about
    /// 10^300).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, PowerBasis, Pue};
    /// use sovereign_compute::units::system::time::hour;
    /// let e = AnnualEnergy::new(Pue::new(1.5)?, "50%".parse()?, PowerBasis::Facility);
    /// assert_eq!(e.full_power_time(PowerBasis::Facility)?.get::<hour>(), 4_380.0);
    /// assert_eq!(e.full_power_time(PowerBasis::It)?.get::<hour>(), 6_570.0);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn full_power_time(&self, basis: PowerBasis) -> Result<Time> {
        let seconds = SECONDS_PER_YEAR * self.load.fraction();
        let seconds = match basis {
            PowerBasis::It => seconds * self.pue.value(),
            PowerBasis::Facility => seconds,
        };
        if !seconds.is_finite() {
            return Err(Error::Overflow {
                quantity: Time::NAME,
                operation: "multiplication",
            });
        }
        Time::from_base(seconds)
    }

    /// The annual energy (J) of a power (W) measured on `basis`: `power × PUE × load ×
    /// 8,760 h` for IT power, `power × load × 8,760 h` for facility power.
    ///
    /// # Errors
    /// [`Error::Overflow`] if the energy does not fit a finite `f64`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// use sovereign_compute::units::system::energy::terawatt_hour;
    /// let e = AnnualEnergy::new(Pue::new(1.2)?, LoadFactor::FULL, PowerBasis::Facility);
    /// // 1 GW of IT power all year at PUE 1.2: 1 × 1.2 × 8,760 GWh = 10.512 TWh.
    /// let twh = e.of("1 GW".parse()?, PowerBasis::It)?.get::<terawatt_hour>();
    /// assert!((twh - 10.512).abs() < 1e-12);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn of(&self, power: Power, basis: PowerBasis) -> Result<Energy> {
        power * self.full_power_time(basis)?
    }

    /// The annual energy of a total of powers measured on `basis` (a [`Table`](super::Table)
    /// row of [`ItPower`], or [`Total::sum`] of estimates): each bound times
    /// the same factor as [`of`](Self::of), so the lower energy is from the lower power and
    /// the upper from the upper (unbounded stays unbounded). The parts and the unknown parts
    /// are those of the power: unknown parts stay counted.
    ///
    /// # Errors
    /// [`Error::Overflow`] if an energy does not fit a finite `f64`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{AnnualEnergy, LoadFactor, PowerBasis, Pue};
    /// use sovereign_compute::estimate::{Estimate, Total};
    /// use sovereign_compute::units::Power;
    ///
    /// let e = AnnualEnergy::new(Pue::new(1.25)?, LoadFactor::FULL, PowerBasis::Facility);
    /// // "40-100 MW" of IT power and a site whose power nobody published.
    /// let power: Total<Power> = Total::sum(&[Estimate::parse("40-100 MW")?, Estimate::unknown()])?;
    /// let energy = e.of_total(&power, PowerBasis::It)?;
    /// // 40 MW × 1.25 × 8,760 h = 438 GWh; the unknown site leaves no upper bound.
    /// assert_eq!(format!("{:.0}", energy.lower().unwrap()), "438 GWh");
    /// assert_eq!(energy.upper(), None);
    /// assert_eq!(format!("{:.3}", energy.known_upper().unwrap()), "1.095 TWh"); // 100 MW
    /// assert_eq!((energy.parts(), energy.unknown_parts()), (2, 1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn of_total(&self, power: &Total<Power>, basis: PowerBasis) -> Result<Total<Energy>> {
        let time = self.full_power_time(basis)?;
        let energy = |p: Power| p * time;
        let known = match (power.lower(), power.central()) {
            (Some(lower), Some(central)) => Some((
                energy(lower)?,
                energy(central)?,
                power.known_upper().map(energy).transpose()?,
            )),
            _ => None,
        };
        let unknown = power.unknown_parts();
        Ok(Total::from_sums(known, power.parts() - unknown, unknown))
    }

    /// A part of power on `basis` as a part of energy, with its route.
    fn part(
        &self,
        (part, route): (Part<Power>, Route),
        basis: PowerBasis,
    ) -> Result<(Part<Energy>, Route)> {
        let time = self.full_power_time(basis)?;
        Ok((map_part(part, |p| p * time)?, route))
    }
}

/// "annual energy at PUE 1.2, load 80% (stated power read as facility power)".
impl fmt::Display for AnnualEnergy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "annual energy at PUE {}, load {} (stated power read as {})",
            self.pue, self.load, self.stated
        )
    }
}

impl Sealed for AnnualEnergy {
    type Value = Energy;

    fn tally(&self) -> Tally {
        Tally::Parts
    }

    fn one(&self) -> Energy {
        Energy::ZERO
    }

    /// Three decimals in the unit the display picks ("84.096 GWh"): energies are products of
    /// assumptions, and their last digits say nothing.
    fn cell(&self, value: &Energy) -> String {
        format!("{value:.3}")
    }

    /// Joules in a year; the PUE, load factor and power basis are in the `measure` column.
    #[cfg(any(feature = "serde", feature = "csv"))]
    fn column(&self) -> String {
        "annual_energy_j".to_owned()
    }

    #[cfg(any(feature = "serde", feature = "csv"))]
    fn unit(&self) -> &'static str {
        "J"
    }

    fn stated(&self, index: &Index, phase: usize) -> Result<Option<(Part<Energy>, Route)>> {
        ItPower
            .stated(index, phase)?
            .map(|power| self.part(power, self.stated))
            .transpose()
    }

    fn derive(&self, line: &LineRow, kind: &Kind) -> Result<(Part<Energy>, Route)> {
        self.part(ItPower.derive(line, kind)?, PowerBasis::It)
    }

    fn plan(&self, kind: &Kind) -> Plan {
        ItPower.plan(kind)
    }

    fn scaled(&self, gpus: u64, watts: f64) -> Option<f64> {
        // As `derive` computes it: the IT power (W), then × the full-power time (s).
        let seconds = self.full_power_time(PowerBasis::It).ok()?.base_value();
        let energy = ItPower.scaled(gpus, watts)? * seconds;
        energy.is_finite().then_some(energy)
    }

    fn quantity(&self) -> &'static str {
        Energy::NAME
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_8760_hours() {
        assert_eq!(SECONDS_PER_YEAR, 31_536_000.0);
    }

    #[test]
    fn negative_zero_load_is_zero() {
        let load = LoadFactor::new(-0.0).unwrap();
        assert!(load.fraction().is_sign_positive());
    }
}
