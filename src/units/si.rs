//! Conversions to and from `uom::si` (feature `uom-si`), for programs that already use uom's
//! SI system. Only quantities SI has are bridged: power, energy, time and frequency. Compute
//! rates, work and efficiency have no SI counterpart (FLOP is not an SI unit).
//!
//! Into SI is infallible; from SI checks the value (finite, non-negative) like every other
//! constructor.
//!
//! ```
//! use sovereign_compute::units::Power;
//! use uom::si::{f64::Power as SiPower, power::megawatt};
//!
//! let site: Power = "40 MW".parse()?;
//! let si: SiPower = site.into();
//! assert_eq!(si.get::<megawatt>(), 40.0);
//! assert_eq!(Power::try_from(si)?, site);
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

use super::{Energy, Frequency, Power, Time};
use crate::Error;

macro_rules! bridge {
    ($ours:ident, $si:ident, $module:ident :: $base:ident) => {
        impl From<$ours> for uom::si::f64::$si {
            fn from(value: $ours) -> Self {
                uom::si::f64::$si::new::<uom::si::$module::$base>(value.base_value())
            }
        }

        impl TryFrom<uom::si::f64::$si> for $ours {
            type Error = Error;

            fn try_from(value: uom::si::f64::$si) -> Result<Self, Error> {
                $ours::from_base(value.get::<uom::si::$module::$base>())
            }
        }
    };
}

bridge!(Power, Power, power::watt);
bridge!(Energy, Energy, energy::joule);
bridge!(Time, Time, time::second);
bridge!(Frequency, Frequency, frequency::hertz);

#[cfg(test)]
mod tests {
    use super::*;
    use uom::si::f64 as si;

    #[test]
    fn round_trips_through_si() {
        let e: Energy = "2 MWh".parse().unwrap();
        let back = Energy::try_from(si::Energy::from(e)).unwrap();
        assert!((back.base_value() - e.base_value()).abs() <= 1e-9 * e.base_value());
        let t: Time = "90 min".parse().unwrap();
        assert_eq!(Time::try_from(si::Time::from(t)).unwrap(), t);
        let f: Frequency = "1.98 GHz".parse().unwrap();
        assert_eq!(Frequency::try_from(si::Frequency::from(f)).unwrap(), f);
    }

    #[test]
    fn negative_si_values_are_rejected() {
        let p = si::Power::new::<uom::si::power::watt>(-1.0);
        assert!(matches!(
            Power::try_from(p),
            Err(Error::InvalidValue { .. })
        ));
    }
}
