//! The registry's JSON document: versioned, strict, lossless.
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "catalog": { ... },
//!   "sources": [ ... ],
//!   "organisations": [ ... ],
//!   "deployments": [ ... ],
//!   "programmes": [ ... ],
//!   "initiatives": [ ... ]
//! }
//! ```
//!
//! Unknown fields are errors with their path; quantities carry their units; a save-load round
//! trip reproduces the registry exactly, its catalog included.
//!
//! `catalog` is there only when the registry's catalog is not the built-in one: it holds the
//! parts, systems, families and sources the registry's catalog has beyond the built-in catalog
//! (`{"sources": [...], "families": [...], "accelerators": [...], "systems": [...]}`, each
//! entry as in the catalog document, empty lists left out), which a reader adds to the
//! built-in catalog. A catalog that is not the built-in one plus additions (one that changed
//! or left out a built-in entry, or any catalog without feature `dataset`) is written whole,
//! with `"builtin": false`, and read on its own. Every record and nested struct is an object: the
//! array of fields by position that serde's derived readers otherwise accept
//! (`"dates": ["2026-Q1"]`) is a wrong type here. That check belongs to the crate's readers
//! (`Registry::from_json`, `Catalog::from_json`); a model type read on its own with
//! `serde_json::from_str` follows serde's defaults.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use super::{Registry, RegistryBuilder, SCHEMA_VERSION, default_catalog};
use crate::catalog::{Catalog, CatalogSection};
use crate::model::{Deployment, Initiative, Organisation, Programme, Source};
use crate::{Result, json};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryDocument {
    schema_version: u64,
    #[serde(default)]
    catalog: Option<CatalogSection>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    organisations: Vec<Organisation>,
    #[serde(default)]
    deployments: Vec<Deployment>,
    #[serde(default)]
    programmes: Vec<Programme>,
    #[serde(default)]
    initiatives: Vec<Initiative>,
}

impl RegistryBuilder {
    /// Reads a registry document into a builder without checking references, so that more
    /// records can be added before [`build`](RegistryBuilder::build).
    ///
    /// # Errors
    /// [`Error::Json`](crate::Error::Json) with the path of a bad value; [`Error::UnsupportedSchemaVersion`](crate::Error::UnsupportedSchemaVersion).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::RegistryBuilder;
    /// let b = RegistryBuilder::from_json(r#"{"schema_version": 1}"#)?;
    /// assert!(b.build()?.deployments().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<RegistryBuilder> {
        Self::read(json::Input::Str(json))
    }

    /// Reads a registry document from bytes, such as a file's contents, into a builder, as
    /// [`from_json`](Self::from_json) does; bytes that are not UTF-8 are an
    /// [`Error::Json`](crate::Error::Json) with their line and column, never replaced.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::RegistryBuilder;
    /// let b = RegistryBuilder::from_json_slice(br#"{"schema_version": 1}"#)?;
    /// assert!(b.build()?.deployments().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json_slice(json: &[u8]) -> Result<RegistryBuilder> {
        Self::read(json::Input::Bytes(json))
    }

    fn read(json: json::Input<'_>) -> Result<RegistryBuilder> {
        let doc: RegistryDocument =
            json::from_versioned(json, SCHEMA_VERSION, |d: &RegistryDocument| {
                d.schema_version
            })?;
        let catalog = match doc.catalog {
            Some(section) => Some(Arc::new(Catalog::from_section(
                section,
                &*default_catalog()?,
            )?)),
            None => None,
        };
        Ok(RegistryBuilder {
            sources: doc.sources,
            organisations: doc.organisations,
            deployments: doc.deployments,
            programmes: doc.programmes,
            initiatives: doc.initiatives,
            catalog,
        })
    }
}

impl Registry {
    /// Reads and validates a registry, checking hardware against the default catalog (the
    /// built-in one with feature `dataset`) with the entries the document's `catalog` adds, or
    /// against the document's own catalog.
    ///
    /// # Errors
    /// [`Error::Json`](crate::Error::Json) naming the path of a bad value (`deployments[3].phases[0].dates.online`),
    /// [`Error::UnsupportedSchemaVersion`](crate::Error::UnsupportedSchemaVersion), or [`Error::InvalidRegistry`](crate::Error::InvalidRegistry) with every problem.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// let r = Registry::from_json(r#"{"schema_version": 1, "deployments": [
    ///     {"id": "it-colosseum", "name": "Colosseum", "host": "IT"}
    /// ]}"#)?;
    /// assert_eq!(r.deployments().len(), 1);
    ///
    /// let err = Registry::from_json(r#"{"schema_version": 1, "deployments": [
    ///     {"id": "x", "name": "X", "host": "IT", "phases": [{"name": "p", "status": "planned", "dates": {"online": "2026-Q5"}}]}
    /// ]}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid JSON at deployments[0].phases[0].dates.online: invalid date"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Registry> {
        RegistryBuilder::from_json(json)?.build()
    }

    /// Reads and validates a registry from bytes, such as a file's contents, as
    /// [`from_json`](Self::from_json) does. The bytes' UTF-8 is checked as they are read:
    /// invalid UTF-8 is an [`Error::Json`](crate::Error::Json) with its line and column, and
    /// no character is ever replaced.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, registry::Registry};
    ///
    /// let r = Registry::from_json_slice(br#"{"schema_version": 1, "deployments": [
    ///     {"id": "it-colosseum", "name": "Colosseum", "host": "IT"}
    /// ]}"#)?;
    /// assert_eq!(r.deployments()[0].name, "Colosseum");
    ///
    /// // "J\xfclich": a Latin-1 byte where UTF-8 belongs.
    /// let latin1 = b"{\"schema_version\": 1, \"deployments\": [{\"id\": \"d\", \"name\": \"J\xfclich\", \"host\": \"DE\"}]}";
    /// let err = Registry::from_json_slice(latin1).unwrap_err();
    /// assert!(matches!(&err, Error::Json { path, .. } if path == "deployments[0].name"), "{err}");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json_slice(json: &[u8]) -> Result<Registry> {
        RegistryBuilder::from_json_slice(json)?.build()
    }

    /// Reads and validates a registry against the given catalog, which replaces any catalog
    /// the document carries.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{catalog::Catalog, registry::Registry};
    /// let r = Registry::from_json_with(r#"{"schema_version": 1}"#, Catalog::new())?;
    /// assert!(r.catalog().accelerators().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json_with(
        json: &str,
        catalog: impl Into<std::sync::Arc<Catalog>>,
    ) -> Result<Registry> {
        RegistryBuilder::from_json(json)?.catalog(catalog).build()
    }

    /// Writes the registry as a pretty-printed, versioned JSON document that
    /// [`from_json`](Self::from_json) reads back to an equal registry, checked against an equal
    /// catalog: the catalog entries a registry built with its own
    /// [`catalog`](super::RegistryBuilder::catalog) holds beyond the built-in one are written
    /// with it (see [the registry's JSON](crate::registry#json)).
    ///
    /// # Errors
    /// [`Error::Json`](crate::Error::Json) only if serialization fails, which the crate's own types do not.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::Source, registry::Registry};
    /// let r = Registry::builder().source(Source::new("s", "S")).build()?;
    /// let json = r.to_json()?;
    /// assert!(json.contains("\"schema_version\": 1"));
    /// assert_eq!(Registry::from_json(&json)?, r);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        let default = default_catalog()?;
        let catalog = if Arc::ptr_eq(&self.catalog, &default) {
            None
        } else {
            self.catalog.section_over(builtin(&default))
        };
        let doc = DocumentRef {
            schema_version: SCHEMA_VERSION,
            catalog,
            sources: &self.sources,
            organisations: &self.organisations,
            deployments: &self.deployments,
            programmes: &self.programmes,
            initiatives: &self.initiatives,
        };
        json::to_string_pretty(&doc)
    }
}

#[derive(Serialize)]
struct DocumentRef<'a> {
    schema_version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog: Option<CatalogSection>,
    sources: &'a [Source],
    organisations: &'a [Organisation],
    deployments: &'a [Deployment],
    programmes: &'a [Programme],
    initiatives: &'a [Initiative],
}

/// The catalog a reader starts from: the built-in one with feature `dataset`; without it
/// there is none, and a registry's own catalog is written whole.
#[cfg(feature = "dataset")]
fn builtin(default: &Catalog) -> Option<&Catalog> {
    Some(default)
}

#[cfg(not(feature = "dataset"))]
fn builtin(_: &Catalog) -> Option<&Catalog> {
    None
}
