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
