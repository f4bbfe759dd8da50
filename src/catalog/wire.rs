//! The catalog's JSON document: `schema_version`, then sources, families, parts and systems.

use serde::{Deserialize, Serialize};

use super::validate::check;
use super::{Accelerator, Catalog, Family, Source, System};
use crate::error::Problem;
use crate::{Error, Result, json};

/// The document version this crate reads and writes.
const SCHEMA_VERSION: u64 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogDocument {
    schema_version: u64,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    families: Vec<Family>,
    #[serde(default)]
    accelerators: Vec<Accelerator>,
    #[serde(default)]
    systems: Vec<System>,
}

#[derive(Serialize)]
struct DocumentRef<'a> {
    schema_version: u64,
    sources: &'a [Source],
    families: &'a [Family],
    accelerators: &'a [Accelerator],
    systems: &'a [System],
}

impl CatalogDocument {
    /// `base` with the document's entries added, and every problem.
    fn added_to(self, base: Catalog) -> (Catalog, Vec<Problem>) {
        base.assembled(self.sources, self.families, self.accelerators, self.systems)
    }
}

fn check_version(found: u64) -> Result<()> {
    if found == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(Error::UnsupportedSchemaVersion {
            found,
            supported: SCHEMA_VERSION,
        })
    }
}

fn read(json: json::Input<'_>) -> Result<CatalogDocument> {
    json::from_versioned(json, SCHEMA_VERSION, |d: &CatalogDocument| d.schema_version)
}

impl Catalog {
    /// Reads and validates a catalog document (the format of the built-in `data/catalog.json`).
    ///
    /// # Errors
    /// [`Error::Json`] with the JSON path for malformed JSON, a bad value or an unknown field
    /// (nothing further can be checked then); [`Error::UnsupportedSchemaVersion`] for a
    /// `schema_version` other than 1; otherwise [`Error::InvalidCatalog`] with every
    /// validation problem at once, each naming its entry and field.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, catalog::Catalog};
    ///
    /// let json = r#"{
    ///   "schema_version": 1,
    ///   "sources": [{"key": "ACME", "title": "Acme X1 datasheet", "provenance": "vendor-direct"}],
    ///   "accelerators": [{
    ///     "id": "acme-x1", "name": "Acme X1", "vendor": "acme", "form": "gpu",
    ///     "tdp": {"power": "750 W", "source": "ACME", "derivation": "published"},
    ///     "peak": [{"precision": "fp8", "sparsity": "dense", "rate": "2 PFLOP/s",
    ///               "source": "ACME", "derivation": "published"}]
    ///   }]
    /// }"#;
    /// let catalog = Catalog::from_json(json)?;
    /// assert_eq!(catalog.part("acme x1")?.peak.len(), 1);
    ///
    /// let typo = json.replace("\"tdp\"", "\"tpd\"");
    /// assert!(matches!(Catalog::from_json(&typo), Err(Error::Json { path, .. }) if path == "accelerators[0].tpd"));
    ///
    /// // Every validation problem at once: a dangling family, and a superchip with no GPUs
    /// // nor CPUs.
    /// let bad = r#"{"schema_version": 1, "accelerators": [
    ///   {"id": "acme-x1", "name": "Acme X1", "vendor": "acme", "form": "gpu", "family": "nope"},
    ///   {"id": "acme-x2", "name": "Acme X2", "vendor": "acme", "form": "superchip", "gpus": 0}
    /// ]}"#;
    /// let Err(Error::InvalidCatalog { problems }) = Catalog::from_json(bad) else { panic!() };
    /// let fields: Vec<_> = problems.iter().map(|p| (p.id.as_str(), p.field.as_str())).collect();
    /// assert_eq!(fields, [("acme-x1", "family"), ("acme-x2", "gpus"), ("acme-x2", "cpus")]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        Self::read(json::Input::Str(json))
    }

    /// Reads and validates a catalog document from bytes, such as a file's contents, as
    /// [`from_json`](Self::from_json) does; bytes that are not UTF-8 are an [`Error::Json`]
    /// with their line and column, never replaced.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{Error, catalog::Catalog};
    ///
    /// let catalog = Catalog::from_json_slice(br#"{"schema_version": 1}"#)?;
    /// assert!(catalog.accelerators().is_empty());
    /// let err = Catalog::from_json_slice(b"{\"schema_version\": 1, \"sources\": [{\"key\": \"\xff\"}]}");
    /// assert!(matches!(err, Err(Error::Json { .. })));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_json_slice(json: &[u8]) -> Result<Self> {
        Self::read(json::Input::Bytes(json))
    }

    fn read(json: json::Input<'_>) -> Result<Self> {
        let document = read(json)?;
        let (catalog, problems) = document.added_to(Self::new());
        check(problems)?;
        Ok(catalog)
    }

    /// Adds the entries of a catalog document to this catalog; they may refer to entries
    /// already here (your part in a built-in family, citing a built-in source).
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json), for the combined catalog; `self` is then unchanged.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Catalog, Family};
    ///
    /// let mut catalog = Catalog::new();
    /// catalog.add_family(Family::new("acme-x", "Acme X series", "acme"))?;
    /// catalog.extend_from_json(r#"{"schema_version": 1, "accelerators": [
    ///   {"id": "acme-x1", "name": "Acme X1", "vendor": "acme", "form": "gpu", "family": "acme-x"}
    /// ]}"#)?;
    /// let family = catalog.family("acme-x").unwrap();
    /// assert_eq!(catalog.members(family).count(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn extend_from_json(&mut self, json: &str) -> Result<()> {
        let document = read(json::Input::Str(json))?;
        let (extended, problems) = document.added_to(self.clone());
        check(problems)?;
        *self = extended;
        Ok(())
    }

    /// Writes the catalog as a pretty-printed JSON document that
    /// [`from_json`](Self::from_json) reads back to an equal catalog.
    ///
    /// # Errors
    /// [`Error::Json`] only if serialization fails, which the catalog's own types do not.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Accelerator, Catalog};
    /// let mut catalog = Catalog::new();
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme"))?;
    /// let json = catalog.to_json()?;
    /// assert!(json.contains("\"schema_version\": 1"));
    /// assert_eq!(Catalog::from_json(&json)?, catalog);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        json::to_string_pretty(self)
    }

    /// The built-in catalog: the parts and systems of `data/catalog.json`, embedded in the
    /// crate and read at first use through [`from_json`](Self::from_json).
    ///
    /// The embedded data is validated by the crate's tests, so an error here is a bug in the
    /// crate, reported rather than panicking; the result is computed once and shared.
    ///
    /// # Errors
    /// The error reading the embedded data would give (never, for a released crate).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::Catalog;
    /// let catalog = Catalog::builtin()?;
    /// assert!(catalog.accelerator("nvidia-b200").is_some());
    /// let mut mine = catalog.clone(); // to add your own parts
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[cfg(feature = "dataset")]
    #[cfg_attr(docsrs, doc(cfg(feature = "dataset")))]
    pub fn builtin() -> Result<&'static Catalog> {
        builtin_cell().as_deref().map_err(Clone::clone)
    }

    /// The built-in catalog as the one shared copy registries hold.
    #[cfg(feature = "dataset")]
    pub(crate) fn builtin_shared() -> Result<std::sync::Arc<Catalog>> {
        builtin_cell().clone()
    }
}

/// The built-in catalog, read once.
#[cfg(feature = "dataset")]
fn builtin_cell() -> &'static Result<std::sync::Arc<Catalog>> {
    static BUILTIN: std::sync::OnceLock<Result<std::sync::Arc<Catalog>>> =
        std::sync::OnceLock::new();
    BUILTIN.get_or_init(|| {
        Catalog::from_json(include_str!("../../data/catalog.json")).map(std::sync::Arc::new)
    })
}

/// Written as the catalog document.
impl Serialize for Catalog {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        DocumentRef {
            schema_version: SCHEMA_VERSION,
            sources: &self.sources,
            families: &self.families,
            accelerators: &self.accelerators,
            systems: &self.systems,
        }
        .serialize(serializer)
    }
}

/// Read as the catalog document and validated; every problem is in the error, so that a
/// catalog embedded in a larger document is as valid as one from [`Catalog::from_json`].
impl<'de> Deserialize<'de> for Catalog {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let document = CatalogDocument::deserialize(deserializer)?;
        check_version(document.schema_version).map_err(serde::de::Error::custom)?;
        let (catalog, problems) = document.added_to(Self::new());
        check(problems).map_err(serde::de::Error::custom)?;
        Ok(catalog)
    }
}

/// The catalog entries a registry document carries: those its catalog holds beyond the
/// built-in one (`builtin` true, the default), or, when the registry's catalog is not the
/// built-in one plus additions, the whole catalog (`builtin` false). Written by
/// `Registry::to_json` only when the registry's catalog is not the default one, so that a
/// registry built with its own parts loads back as it was.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CatalogSection {
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    builtin: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    families: Vec<Family>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    accelerators: Vec<Accelerator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    systems: Vec<System>,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

impl CatalogSection {
    /// The whole of `catalog`, to be read on its own.
    fn whole(catalog: &Catalog) -> Self {
        CatalogSection {
            builtin: false,
            sources: catalog.sources.clone(),
            families: catalog.families.clone(),
            accelerators: catalog.accelerators.clone(),
            systems: catalog.systems.clone(),
        }
    }
}

impl Catalog {
    /// What a registry document must carry so that `catalog` is read back exactly, when a
    /// reader starts from `builtin` (the built-in catalog; `None` without feature `dataset`):
    /// nothing when `catalog` is `builtin` itself; the entries added to it when `catalog` is
    /// `builtin` plus additions; otherwise the whole catalog.
    pub(crate) fn section_over(&self, builtin: Option<&Catalog>) -> Option<CatalogSection> {
        let Some(base) = builtin else {
            return (!self.is_empty()).then(|| CatalogSection::whole(self));
        };
        if self == base {
            return None;
        }
        let extra = CatalogSection {
            builtin: true,
            sources: new_entries(&self.sources, |s| base.source(s.key.as_str())),
            families: new_entries(&self.families, |f| base.family(f.id.as_str())),
            accelerators: new_entries(&self.accelerators, |a| base.accelerator(a.id.as_str())),
            systems: new_entries(&self.systems, |s| base.system(s.id.as_str())),
        };
        // The additions must give this very catalog back (same entries, same order): a
        // catalog that changed or dropped a built-in entry, or lists them in another order,
        // is written whole.
        let (rebuilt, problems) = base.clone().assembled(
            extra.sources.clone(),
            extra.families.clone(),
            extra.accelerators.clone(),
            extra.systems.clone(),
        );
        Some(if problems.is_empty() && rebuilt == *self {
            extra
        } else {
            CatalogSection::whole(self)
        })
    }

    /// The catalog a registry document's section describes, on top of `builtin` when the
    /// section says so.
    ///
    /// # Errors
    /// Every problem of the resulting catalog, an [`Error::InvalidCatalog`] naming each
    /// entry and field.
    pub(crate) fn from_section(section: CatalogSection, builtin: &Catalog) -> Result<Catalog> {
        let base = if section.builtin {
            builtin.clone()
        } else {
            Catalog::new()
        };
        let (catalog, problems) = base.assembled(
            section.sources,
            section.families,
            section.accelerators,
            section.systems,
        );
        check(problems)?;
        Ok(catalog)
    }

    fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.families.is_empty()
            && self.accelerators.is_empty()
            && self.systems.is_empty()
    }
}

/// The entries `base` does not hold as they are (new, or changed), in order.
fn new_entries<'b, T: PartialEq + Clone + 'b>(
    entries: &[T],
    in_base: impl Fn(&T) -> Option<&'b T>,
) -> Vec<T> {
    entries
        .iter()
        .filter(|e| in_base(e) != Some(*e))
        .cloned()
        .collect()
}
