//! Typed IDs for the registry's records: a deployment ID cannot be passed where an
//! organisation ID is expected.
//!
//! An ID is 1 to 128 characters of lowercase ASCII letters, digits, `-`, `_` and `.`, starting
//! with a letter or digit: stable, readable, and safe in URLs and file names
//! (`"fr-mistral-compute"`, `"org.nvidia"`).
//!
//! `new` and `parse` check the syntax at once. `From<&str>` wraps the text as written, so
//! that records can be written with plain strings (`Deployment::new("fr-mistral", ...)`);
//! a [`Registry`](crate::registry::Registry) checks every record's ID when it is built, and
//! reports a malformed one with the record and field, together with every other problem.
//! IDs read from JSON are checked as they are read.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::text::check_exact;
use crate::{Error, Result};

/// Checks an ID's syntax. A control or format character (NUL, U+200B, ...) is reported as
/// [`Error::UnexpectedCharacter`] with its position, since the ID's own message would not show
/// where an invisible character stands; any other syntax error is [`Error::InvalidId`].
pub(crate) fn check_id(what: &'static str, id: &str) -> Result<()> {
    check_exact(
        id,
        "an ID: 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
    )?;
    let ok_start = id
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let ok_rest = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'));
    if ok_start && ok_rest && id.len() <= 128 {
        Ok(())
    } else {
        Err(Error::InvalidId {
            what,
            id: id.to_owned(),
        })
    }
}

macro_rules! model_id {
    ($(#[$meta:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$meta])*
        ///
        /// 1 to 128 lowercase ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit,
        /// checked by `new` and `parse`; `From<&str>` wraps the text unchecked, and a registry
        /// checks it when it is built.
        /// The text is shared between clones (an `Arc<str>`): a registry keeps one copy of each
        /// ID however many records refer to it.
        ///
        /// # Example
        #[doc = concat!("```\nuse sovereign_compute::model::", stringify!($name), ";\nlet id: ", stringify!($name), " = \"", $example, "\".parse()?;\nassert_eq!(id.as_str(), \"", $example, "\");\nassert!(\"Not An ID\".parse::<", stringify!($name), ">().is_err());\n// Unchecked until it enters a registry:\nlet written: ", stringify!($name), " = \"", $example, "\".into();\nassert_eq!(written, id);\n# Ok::<(), sovereign_compute::Error>(())\n```")]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(Arc<str>);

        impl $name {
            /// Checks and wraps an ID.
            ///
            /// # Errors
            /// [`Error::UnexpectedCharacter`] for a control or format character (NUL, U+200B,
            /// ...) with its position; [`Error::InvalidId`] for any other syntax error. Nothing
            /// is trimmed.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::model::", stringify!($name), ";\nassert!(", stringify!($name), "::new(\"", $example, "\").is_ok());\n```")]
            pub fn new(id: impl Into<String>) -> Result<Self> {
                let id = id.into();
                check_id($what, &id)?;
                Ok(Self(Arc::from(id)))
            }

            /// The ID as a string slice.
            ///
            /// # Example
            #[doc = concat!("```\nuse sovereign_compute::model::", stringify!($name), ";\nassert_eq!(", stringify!($name), "::new(\"", $example, "\")?.as_str(), \"", $example, "\");\n# Ok::<(), sovereign_compute::Error>(())\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self> {
                Self::new(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        /// Wraps the text as written; the registry checks its syntax when it is built.
        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(Arc::from(id))
            }
        }

        /// Wraps the text as written; the registry checks its syntax when it is built.
        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(Arc::from(id))
            }
        }

        /// Wraps the text as written; the registry checks its syntax when it is built.
        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                Self(Arc::from(id.as_str()))
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::new(s).map_err(serde::de::Error::custom)
            }
        }
    };
}

model_id! {
    /// The ID of a [`Deployment`](super::Deployment).
    DeploymentId, "deployment ID", "fr-mistral-compute"
}
model_id! {
    /// The ID of an [`Organisation`](super::Organisation).
    OrganisationId, "organisation ID", "mistral-ai"
}
model_id! {
    /// The ID of a [`Source`](super::Source).
    SourceId, "source ID", "nvidia-gtc-paris-2025"
}
model_id! {
    /// The ID of a [`Programme`](super::Programme).
    ProgrammeId, "programme ID", "europe-blackwell-3000ef"
}
model_id! {
    /// The ID of an [`Initiative`](super::Initiative).
    InitiativeId, "initiative ID", "de-bavaria-ai-center"
}
model_id! {
    /// A label naming a selection a [`Deployment`](super::Deployment) belongs to, such as
    /// Epoch AI's standard-analysis selection (`epoch-standard-analysis`): a query groups by
    /// labels with [`GroupKey::Label`](crate::analysis::GroupKey::Label) and selects them with
    /// [`Filter::Label`](crate::analysis::Filter::Label).
    Label, "label", "epoch-standard-analysis"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax() {
        for ok in ["a", "fr-mistral", "org.nvidia", "x_1", "2025-gtc"] {
            assert!(DeploymentId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-a", "A", "a b", "é", ".a", &"a".repeat(129)] {
            assert!(DeploymentId::new(bad).is_err(), "{bad}");
        }
        for (bad, character, position) in [
            ("fr\0", '\0', 2),
            ("\0fr", '\0', 0),
            ("fr\u{200b}", '\u{200b}', 2),
            ("fr-acme\0\0", '\0', 7),
            ("\u{feff}fr", '\u{feff}', 0),
            ("fr\u{ad}acme", '\u{ad}', 2),
        ] {
            assert_eq!(
                DeploymentId::new(bad),
                Err(Error::UnexpectedCharacter {
                    input: bad.to_owned(),
                    character,
                    position,
                    expected: "an ID: 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
                })
            );
        }
        // Visible characters outside the syntax, and white space, are the ID's own error.
        for bad in ["fr!!!", " fr", "fr ", "FR"] {
            assert!(
                matches!(DeploymentId::new(bad), Err(Error::InvalidId { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            DeploymentId::new("Bad").unwrap_err().to_string(),
            "invalid deployment ID \"Bad\": use 1 to 128 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"
        );
    }
}
