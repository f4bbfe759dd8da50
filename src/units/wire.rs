//! Serde support shared by every quantity: a string with its unit, or `{"value", "unit"}`.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};

use crate::Error;

/// Accepts `"20 PFLOP/s"` or `{"value": 20, "unit": "PFLOP/s"}`; rejects bare numbers.
pub(crate) struct QuantityVisitor<T> {
    what: &'static str,
    example: &'static str,
    marker: PhantomData<T>,
}

impl<T> QuantityVisitor<T> {
    pub(crate) fn new(what: &'static str, example: &'static str) -> Self {
        Self {
            what,
            example,
            marker: PhantomData,
        }
    }

    fn bare<E: de::Error>(&self, number: impl fmt::Display) -> E {
        let (value, unit) = self.example.split_once(' ').unwrap_or((self.example, ""));
        E::custom(format_args!(
            "expected a {} with its unit, such as \"{}\" or {{\"value\": {value}, \"unit\": \"{unit}\"}}, found a bare number {number}",
            self.what, self.example
        ))
    }
}

impl<'de, T: FromStr<Err = Error>> Visitor<'de> for QuantityVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} with its unit, such as \"{}\"",
            self.what, self.example
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Err(self.bare(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Err(self.bare(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Err(self.bare(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value: Option<f64> = None;
        let mut unit: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" if value.is_none() => value = Some(map.next_value()?),
                "unit" if unit.is_none() => unit = Some(map.next_value()?),
                "value" | "unit" => return Err(de::Error::duplicate_field("value or unit")),
                other => return Err(de::Error::unknown_field(other, &["value", "unit"])),
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        let unit = unit.ok_or_else(|| de::Error::missing_field("unit"))?;
        // `{:e}` prints the shortest digits that round-trip, so the value is read back exactly.
        format!("{value:e} {unit}")
            .parse()
            .map_err(de::Error::custom)
    }
}
