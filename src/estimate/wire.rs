//! Serde for estimates: `{"kind": "at-least", "value": "3 ZFLOP/s", "phrase": "more than 3,000 exaflops"}`.
//!
//! | kind | fields |
//! | --- | --- |
//! | `exact`, `at-least`, `at-most` | `value` |
//! | `range` | `low`, `high` |
//! | `approximately` | `value`, `tolerance` (a fraction; 0.1 is ±10%) |
//! | `unknown` | none |
//!
//! `phrase` is optional everywhere. A field that does not belong to the kind is an error.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Amount, Estimate, EstimateKind};

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Exact,
    AtLeast,
    AtMost,
    Range,
    Approximately,
    Unknown,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
struct EstimateWire<T> {
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    low: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    high: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phrase: Option<String>,
}

impl<T: Amount + Serialize> Serialize for Estimate<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = EstimateWire {
            kind: Kind::Unknown,
            value: None,
            low: None,
            high: None,
            tolerance: None,
            phrase: self.phrase.clone(),
        };
        match self.kind {
            EstimateKind::Exact(v) => (w.kind, w.value) = (Kind::Exact, Some(v)),
            EstimateKind::AtLeast(v) => (w.kind, w.value) = (Kind::AtLeast, Some(v)),
            EstimateKind::AtMost(v) => (w.kind, w.value) = (Kind::AtMost, Some(v)),
            EstimateKind::Range { low, high } => {
                (w.kind, w.low, w.high) = (Kind::Range, Some(low), Some(high));
            }
            EstimateKind::Approximately { value, tolerance } => {
                (w.kind, w.value, w.tolerance) =
                    (Kind::Approximately, Some(value), Some(tolerance));
            }
            EstimateKind::Unknown => {}
        }
        w.serialize(serializer)
    }
}

impl<'de, T: Amount + Deserialize<'de>> Deserialize<'de> for Estimate<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let w = EstimateWire::<T>::deserialize(deserializer)?;
        let kind_name = serde_json_name(w.kind);
        let need = |field: Option<T>, name: &'static str| {
            field.ok_or_else(|| {
                D::Error::custom(format!(
                    "an estimate of kind \"{kind_name}\" needs \"{name}\""
                ))
            })
        };
        let forbid = |present: bool, name: &str| {
            if present {
                Err(D::Error::custom(format!(
                    "an estimate of kind \"{kind_name}\" has no \"{name}\" field"
                )))
            } else {
                Ok(())
            }
        };
        let single = matches!(
            w.kind,
            Kind::Exact | Kind::AtLeast | Kind::AtMost | Kind::Approximately
        );
        forbid(!single && w.value.is_some(), "value")?;
        forbid(w.kind != Kind::Range && w.low.is_some(), "low")?;
        forbid(w.kind != Kind::Range && w.high.is_some(), "high")?;
        forbid(
            w.kind != Kind::Approximately && w.tolerance.is_some(),
            "tolerance",
        )?;
        let kind = match w.kind {
            Kind::Exact => EstimateKind::Exact(need(w.value, "value")?),
            Kind::AtLeast => EstimateKind::AtLeast(need(w.value, "value")?),
            Kind::AtMost => EstimateKind::AtMost(need(w.value, "value")?),
            Kind::Range => EstimateKind::Range {
                low: need(w.low, "low")?,
                high: need(w.high, "high")?,
            },
            Kind::Approximately => EstimateKind::Approximately {
                value: need(w.value, "value")?,
                tolerance: w.tolerance.ok_or_else(|| {
                    D::Error::custom("an estimate of kind \"approximately\" needs \"tolerance\"")
                })?,
            },
            Kind::Unknown => EstimateKind::Unknown,
        };
        let estimate = Estimate::from_kind(kind).map_err(D::Error::custom)?;
        Ok(match w.phrase {
            Some(p) => estimate.with_phrase(p),
            None => estimate,
        })
    }
}

fn serde_json_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Exact => "exact",
        Kind::AtLeast => "at-least",
        Kind::AtMost => "at-most",
        Kind::Range => "range",
        Kind::Approximately => "approximately",
        Kind::Unknown => "unknown",
    }
}
