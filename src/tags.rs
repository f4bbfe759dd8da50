//! The macro behind the crate's tag enums: lowercase wire tags, extra accepted spellings,
//! `ALL`, `tag()` and `FromStr`.

/// Defines a tag enum with its wire spellings, extra accepted spellings, Display and FromStr.
macro_rules! tag_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $accepted:literal {
            $($(#[$vmeta:meta])* $variant:ident = $tag:literal $(| $alias:literal)*,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[cfg_attr(feature = "serde", serde(rename = $tag))] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::{model::*, units::*};\nassert!(!", stringify!($name), "::ALL.is_empty());\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase wire tag; [`FromStr`](std::str::FromStr) reads it back.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::{model::*, units::*};\nfor v in ", stringify!($name), "::ALL {\n    assert_eq!(v.tag().parse::<", stringify!($name), ">()?, *v);\n}\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub const fn tag(self) -> &'static str {
                match self {
                    $($name::$variant => $tag,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            /// Reads the tag or a common spelling, case-insensitively; white space around it
            /// is trimmed and runs of spaces inside count as one. Any other character outside
            /// ASCII letters, digits, `-` and `:` is an
            /// [`Error::UnexpectedCharacter`](crate::Error::UnexpectedCharacter).
            fn from_str(s: &str) -> $crate::Result<Self> {
                let text = $crate::text::check_text(s, $crate::units::is_tag_char, concat!("a ", $what, ": ", $accepted))?;
                let norm = $crate::units::normalize(text);
                $(if norm == $tag $(|| norm == $alias)* {
                    return Ok($name::$variant);
                })+
                Err($crate::Error::UnknownTag { what: $what, input: s.to_owned(), accepted: $accepted })
            }
        }
    };
}

/// `Display` for tag enums whose text is their wire tag ("llm-training", "operator"), so that
/// `to_string()` and `parse()` round-trip.
macro_rules! tag_display {
    ($($name:ident),+ $(,)?) => {
        $(
            /// Writes the wire tag, which [`FromStr`](std::str::FromStr) reads back.
            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.tag())
                }
            }
        )+
    };
}

#[cfg(test)]
mod tests {
    use std::fmt::Display;
    use std::str::FromStr;

    use crate::model::{DataResidency, InitiativeKind, OrganisationKind, Purpose, Role, Status};
    use crate::units::{Basis, CountingUnit, Precision, Sparsity};
    use crate::{Bloc, Error};

    fn round_trips<T: Display + FromStr<Err = Error> + PartialEq + std::fmt::Debug>(all: &[T]) {
        for v in all {
            let text = v.to_string();
            assert_eq!(text.parse::<T>().as_ref(), Ok(v), "{text}");
        }
    }

    #[test]
    fn display_round_trips_through_from_str() {
        round_trips(Purpose::ALL);
        round_trips(DataResidency::ALL);
        round_trips(OrganisationKind::ALL);
        round_trips(Role::ALL);
        round_trips(InitiativeKind::ALL);
        round_trips(Status::ALL);
        round_trips(Precision::ALL);
        round_trips(Sparsity::ALL);
        round_trips(Basis::ALL);
        round_trips(&CountingUnit::ALL);
        round_trips(&[Bloc::eu(), Bloc::eea(), Bloc::efta()]);
    }
}
