//! Every string parser of the crate. The first byte picks the parser, the rest is the input.
//!
//! Beyond "no panic", each accepted value is checked for silent loss: quantities are finite and
//! non-negative and survive their JSON form bit for bit, estimates and figures survive JSON,
//! dates and counts survive their own display, and catalog lookups are consistent.
#![no_main]

use std::fmt::Debug;
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sovereign_compute::catalog::Catalog;
use sovereign_compute::estimate::{Amount, Estimate, Total};
use sovereign_compute::model::{
    DataResidency, DeploymentId, OrganisationKind, Purpose, Role, Status,
};
use sovereign_compute::units::{
    AcceleratorCount, Basis, ComputeFigure, ComputeRate, ComputeTotals, CountingUnit, Energy,
    EnergyEfficiency, Frequency, Operations, Power, Precision, Sparsity, Time,
};
use sovereign_compute::{Country, Error, PartialDate};

/// `value` written as JSON and read back is `value`.
fn json_round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).expect("serializes");
    let back: T =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not read back: {e}"));
    assert_eq!(&back, value, "JSON round trip of {json}");
}

macro_rules! quantity {
    ($t:ty, $s:expr) => {{
        if let Ok(q) = $s.parse::<$t>() {
            let v = q.base_value();
            assert!(v.is_finite() && v >= 0.0 && v.to_bits() != (-0.0f64).to_bits());
            json_round_trip(&q);
            let _ = format!("{q} {q:.3} {q:?}");
            // Sums never wrap, never give inf or NaN.
            match q.checked_add(q) {
                Ok(two) => assert!(two.base_value().is_finite()),
                Err(e) => assert!(matches!(e, Error::Overflow { .. }), "{e:?}"),
            }
            let _ = <$t>::checked_sum([q, q, q, q]);
            let _ = q.checked_scale(1e300);
            let _ = q.ratio(q);
        }
    }};
}

fn estimate<T>(s: &str)
where
    T: Amount + Serialize + DeserializeOwned + Debug,
{
    let Ok(e) = Estimate::<T>::parse(s) else {
        return;
    };
    json_round_trip(&e);
    let _ = e.to_string();
    if let (Some(b), Some(c)) = (e.bounds(), e.central()) {
        // The central value lies within the bounds.
        assert!(
            b.contains(&c).expect("same tags"),
            "central {c} outside {b:?} for {s:?}"
        );
    }
    let mut total = Total::new();
    for _ in 0..3 {
        if total.add(&e).is_err() {
            break;
        }
    }
    let _ = total.to_string();
    let _ = e.checked_scale(2.5);
}

fn tags(s: &str) {
    let _ = s.parse::<Precision>();
    let _ = s.parse::<Sparsity>();
    let _ = s.parse::<Basis>();
    let _ = s.parse::<CountingUnit>();
    let _ = s.parse::<Status>();
    let _ = s.parse::<Role>();
    let _ = s.parse::<Purpose>();
    let _ = s.parse::<OrganisationKind>();
    let _ = s.parse::<DataResidency>();
    if let Ok(id) = s.parse::<DeploymentId>() {
        json_round_trip(&id);
    }
}

fn parse_as<T: FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    match selector % 20 {
        0 => quantity!(ComputeRate, s),
        1 => quantity!(Operations, s),
        2 => quantity!(Time, s),
        3 => quantity!(Power, s),
        4 => quantity!(Energy, s),
        5 => quantity!(EnergyEfficiency, s),
        6 => quantity!(Frequency, s),
        7 => {
            if let Some(f) = parse_as::<ComputeFigure>(s) {
                json_round_trip(&f);
                let mut totals = ComputeTotals::new();
                for _ in 0..3 {
                    if totals.add(f).is_err() {
                        break;
                    }
                }
                let _ = totals.to_string();
            }
        }
        8 => {
            if let Some(c) = parse_as::<AcceleratorCount>(s) {
                json_round_trip(&c);
                let shown = c.to_string();
                assert_eq!(shown.parse::<AcceleratorCount>().ok(), Some(c), "{shown}");
                let _ = c.checked_add(c);
                let _ = c.checked_mul(u64::MAX);
            }
        }
        9 => estimate::<u64>(s),
        10 => estimate::<AcceleratorCount>(s),
        11 => estimate::<ComputeRate>(s),
        12 => estimate::<Power>(s),
        13 => estimate::<ComputeFigure>(s),
        14 => {
            if let Ok(d) = PartialDate::parse(s) {
                assert!(d.earliest() <= d.latest());
                let shown = d.to_string();
                assert_eq!(PartialDate::parse(&shown).ok(), Some(d), "{shown}");
                json_round_trip(&d);
            }
        }
        15 => {
            if let Ok(c) = Country::parse(s) {
                assert_eq!(Country::from_alpha2(c.alpha2()).ok(), Some(c));
                assert_eq!(Country::parse(c.name()).ok(), Some(c));
                json_round_trip(&c);
            }
        }
        16 | 17 => {
            let catalog = Catalog::builtin().expect("the built-in catalog loads");
            if let Ok(found) = catalog.resolve(s) {
                let id = found.id();
                assert_eq!(catalog.resolve(id).map(|r| r.id()).ok(), Some(id));
            }
            let _ = catalog.part(s);
        }
        18 => tags(s),
        _ => {
            // Two quantities, then their products and quotients: results are finite.
            if let Some((a, b)) = s.split_once('|') {
                if let (Some(r), Some(t)) = (parse_as::<ComputeRate>(a), parse_as::<Time>(b))
                    && let Ok(w) = r * t
                {
                    assert!(w.base_value().is_finite());
                    let _ = w / t;
                    let _ = w / r;
                }
                if let (Some(p), Some(t)) = (parse_as::<Power>(a), parse_as::<Time>(b))
                    && let Ok(e) = p * t
                {
                    assert!(e.base_value().is_finite());
                    let _ = e / t;
                    let _ = e / p;
                }
                if let (Some(r), Some(p)) = (parse_as::<ComputeRate>(a), parse_as::<Power>(b))
                    && let Ok(eff) = r / p
                {
                    assert!(eff.base_value().is_finite());
                    let _ = eff * p;
                    let _ = r / eff;
                }
            }
        }
    }
});
