//! What a record's `with_*` methods accept: the value itself, or the text people write.

use chrono::NaiveDate;

use super::Sourced;
use crate::catalog::HardwareRef;
use crate::estimate::Estimate;
use crate::units::AcceleratorCount;
use crate::{Error, PartialDate, Result};

/// A value for a record's field of type `T`: the value itself, or what people write.
///
/// The `with_*` methods of [`Phase`](super::Phase) and [`Source`](super::Source) take
/// `impl FieldInput<T>`, so that a record can be written from strings without a `?` on every
/// call. Text that does not read stays with the record, and
/// [`RegistryBuilder::build`](crate::registry::RegistryBuilder::build) reports it with the
/// record and field, together with every other problem: a record with unread text never
/// enters a registry.
///
/// | field | accepts |
/// | --- | --- |
/// | [`PartialDate`] | a `PartialDate`; a day ([`NaiveDate`]); text: `"2026"`, `"2026-H2"`, `"2026-Q1"`, `"2026-06"`, `"2026-06-11"` |
/// | [`HardwareRef`] | a `HardwareRef`; text: any catalog ID, product name or alias (`"B200"`, `"GB200 NVL72"`), read as [`HardwareRef::Named`] and resolved through the catalog when the registry is built |
/// | `Sourced<Estimate<AcceleratorCount>>` | the sourced estimate; an [`Estimate`]; an [`AcceleratorCount`] (exact); text: a count phrase read by [`Estimate::parse`] (`"4,000 GPUs"`, `"about 250 racks"`, `"more than 3,000 superchips"`) |
///
/// Text is a `&str`, a `String` or a `&String`. The trait is sealed: the crate decides what
/// each field reads.
///
/// # Example
/// ```
/// use sovereign_compute::PartialDate;
/// use sovereign_compute::model::FieldInput;
///
/// assert_eq!(FieldInput::<PartialDate>::into_field("2026-H2")?.to_string(), "2026-H2");
/// assert!(FieldInput::<PartialDate>::into_field("2026-H3").is_err());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub trait FieldInput<T>: sealed::Sealed<T> {
    /// The value, read from the input.
    ///
    /// # Errors
    /// The error of the parser for `T` when the input is text that does not read, e.g.
    /// [`Error::InvalidDate`] for `"2026-Q5"` or [`Error::MissingCountUnit`] for `"4000"`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::{FieldInput, Sourced};
    /// use sovereign_compute::units::AcceleratorCount;
    ///
    /// let count: Sourced<Estimate<AcceleratorCount>> = "about 250 racks".into_field()?;
    /// assert_eq!(count.value.to_string(), "≈ 250 racks");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    fn into_field(self) -> Result<T>;
}

mod sealed {
    pub trait Sealed<T> {}
}

impl<T> sealed::Sealed<T> for T {}

/// The value itself.
impl<T> FieldInput<T> for T {
    fn into_field(self) -> Result<T> {
        Ok(self)
    }
}

/// Implements `FieldInput<$field>` for `&str`, `String` and `&String` through `$read`.
macro_rules! text_input {
    ($field:ty, $read:expr) => {
        impl sealed::Sealed<$field> for &str {}
        impl sealed::Sealed<$field> for String {}
        impl sealed::Sealed<$field> for &String {}

        impl FieldInput<$field> for &str {
            fn into_field(self) -> Result<$field> {
                let read: fn(&str) -> Result<$field> = $read;
                read(self)
            }
        }

        impl FieldInput<$field> for String {
            fn into_field(self) -> Result<$field> {
                FieldInput::<$field>::into_field(self.as_str())
            }
        }

        impl FieldInput<$field> for &String {
            fn into_field(self) -> Result<$field> {
                FieldInput::<$field>::into_field(self.as_str())
            }
        }
    };
}

text_input!(PartialDate, PartialDate::parse);
text_input!(HardwareRef, |name| Ok(HardwareRef::named(name)));
text_input!(Sourced<Estimate<AcceleratorCount>>, |phrase| {
    Estimate::parse(phrase).map(Sourced::new)
});

impl sealed::Sealed<PartialDate> for NaiveDate {}

/// A day, at day precision.
impl FieldInput<PartialDate> for NaiveDate {
    fn into_field(self) -> Result<PartialDate> {
        PartialDate::from_naive(self)
    }
}

impl sealed::Sealed<Sourced<Estimate<AcceleratorCount>>> for Estimate<AcceleratorCount> {}

/// An estimate with no citation yet.
impl FieldInput<Sourced<Estimate<AcceleratorCount>>> for Estimate<AcceleratorCount> {
    fn into_field(self) -> Result<Sourced<Estimate<AcceleratorCount>>> {
        Ok(Sourced::new(self))
    }
}

impl sealed::Sealed<Sourced<Estimate<AcceleratorCount>>> for AcceleratorCount {}

/// An exact count with no citation yet.
impl FieldInput<Sourced<Estimate<AcceleratorCount>>> for AcceleratorCount {
    fn into_field(self) -> Result<Sourced<Estimate<AcceleratorCount>>> {
        Ok(Sourced::new(Estimate::exact(self)))
    }
}

/// Text a record was given that did not read, each with its field (`"dates.online"`,
/// `"hardware[1].count"`), kept until the registry reports it. Boxed: almost every record has
/// none, and then it takes one pointer.
#[derive(Debug, Clone, Default, PartialEq)]
#[allow(clippy::box_collection)] // one pointer per phase, where a `Vec` would take three
pub(crate) struct Unread(Option<Box<Vec<(String, Error)>>>);

impl Unread {
    /// Keeps an error for `field`.
    pub(crate) fn push(&mut self, field: impl Into<String>, error: Error) {
        self.0
            .get_or_insert_with(Default::default)
            .push((field.into(), error));
    }

    /// Every field that did not read, with its error.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &(String, Error)> {
        self.0.iter().flat_map(|v| v.iter())
    }

    /// Reads `input` into `slot`, or keeps its error for `field`.
    pub(crate) fn read_into<T>(
        &mut self,
        field: &str,
        input: impl FieldInput<T>,
        slot: &mut Option<T>,
    ) {
        match input.into_field() {
            Ok(value) => *slot = Some(value),
            Err(error) => self.push(field, error),
        }
    }
}
