//! Typed IDs: a part ID cannot be passed where a system ID is expected.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

/// Defines an ID newtype over a shared string (`Arc<str>`: a clone shares the text, so a
/// registry stores each ID once however many records refer to it) with conversions, `Display`, `Borrow<str>` (so that maps
/// keyed by the ID can be searched with a `&str`) and a transparent wire form.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$meta])*
        ///
        /// # Example
        #[doc = concat!("```\nuse sovereign_compute::catalog::", stringify!($name), ";\nlet id: ", stringify!($name), " = \"", $example, "\".into();\nassert_eq!(id, \"", $example, "\");\nassert_eq!(id.to_string(), \"", $example, "\");\n```")]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(Arc<str>);

        impl $name {
            #[doc = concat!("Wraps a ", $what, " as written; [`Catalog`](super::Catalog) checks its syntax when the entry is added.")]
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::catalog::", stringify!($name), ";\nlet id = ", stringify!($name), "::new(\"", $example, "\");\nassert_eq!(id.as_str(), \"", $example, "\");\n```")]
            pub fn new(id: impl Into<String>) -> Self {
                Self(Arc::from(id.into()))
            }

            /// The ID as a string slice.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::catalog::", stringify!($name), ";\nassert_eq!(", stringify!($name), "::from(\"", $example, "\").as_str(), \"", $example, "\");\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self::new(id)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(Arc::from(id))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0.as_ref().to_owned()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}

id_type! {
    /// The canonical ID of an [`Accelerator`](super::Accelerator): lowercase ASCII letters,
    /// digits and `-`, vendor first, e.g. `nvidia-h100-sxm`.
    PartId, "part ID", "nvidia-h100-sxm"
}

id_type! {
    /// The canonical ID of a [`System`](super::System) (node, rack or pod), e.g.
    /// `nvidia-gb200-nvl72`.
    SystemId, "system ID", "nvidia-gb200-nvl72"
}

id_type! {
    /// The canonical ID of a [`Family`](super::Family), e.g. `nvidia-blackwell`.
    FamilyId, "family ID", "nvidia-blackwell"
}

id_type! {
    /// The key of a [`Source`](super::Source) that figures cite, e.g. `B1`: ASCII letters,
    /// digits, `-` and `_`.
    SourceKey, "source key", "B1"
}

/// Why `id` is not a valid entry ID (lowercase ASCII letters, digits and `-`), if it is not.
pub(crate) fn entry_id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("an ID must not be empty")
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Some("an ID is lowercase ASCII letters, digits and '-' (e.g. \"nvidia-h100-sxm\")")
    } else {
        None
    }
}

/// Why `key` is not a valid source key (ASCII letters, digits, `-` and `_`), if it is not.
pub(crate) fn source_key_problem(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        Some("a source key must not be empty")
    } else if !key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Some("a source key is ASCII letters, digits, '-' and '_' (e.g. \"B1\")")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_are_lowercase_kebab() {
        assert_eq!(entry_id_problem("nvidia-gb200-nvl72"), None);
        for bad in [
            "",
            "NVIDIA-B200",
            "nvidia b200",
            "nvidia_b200",
            "b200é",
            "b200\0",
            "\0b200",
            "b200\u{200b}",
            "b\u{ad}200",
            "\u{feff}b200",
            "b200!!!",
        ] {
            assert!(entry_id_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn source_keys_are_ascii_words() {
        assert_eq!(source_key_problem("B1"), None);
        assert_eq!(source_key_problem("top500_2025-06"), None);
        for bad in [
            "",
            "B 1",
            "B1.",
            "Ω",
            "B1\0",
            "\0B1",
            "B1\u{200b}",
            "B\u{2060}1",
            "B1!!!",
        ] {
            assert!(source_key_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn ids_borrow_as_str_for_map_lookups() {
        let map: std::collections::HashMap<PartId, u8> = [(PartId::from("x-1"), 1)].into();
        assert_eq!(map.get("x-1"), Some(&1));
        assert_eq!(String::from(PartId::from("x-1")), "x-1");
    }
}
