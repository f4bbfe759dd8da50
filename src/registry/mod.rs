//! The registry: the validated collection of sources, organisations, deployments, programmes
//! and initiatives, keyed by typed IDs, with the hardware catalog it was checked against.
//!
//! A [`Registry`] is always valid: it is built by a [`RegistryBuilder`] (in code) or read from
//! JSON, and both run every check and report every problem at once, each with its record ID
//! and field ([`Problem`]). The checks:
//!
//! - IDs unique per kind of record; phase names unique within a deployment;
//! - every reference resolves: organisations, cited sources, programme members, links between
//!   deployments (`superseded_by`, `duplicate_of`), initiative partners;
//! - phase dates in order (announced ≤ start ≤ online ≤ end, where certainly out of order);
//! - a status its dates do not contradict (only ended phases have an end date); a missing
//!   date is unknown, not wrong (a decommissioned phase may have an unknown end);
//! - every hardware line resolves through the catalog's one resolver
//!   ([`Catalog::resolve_hardware`]): its part, system, family or name is in the catalog and is
//!   of the kind the line says, and its count is in a unit every candidate part has.
//!   Names and aliases are replaced by canonical IDs (`{"part": "B200"}` is stored as
//!   `{"part": "nvidia-b200"}`); an unknown name gets the catalog's closest names as
//!   suggestions;
//! - a programme contains only deployments hosted in its countries.
//!
//! Values are checked where they are made: a negative or non-finite quantity cannot exist
//! (see [`crate::units`]), so no registry can hold one.
//!
//! # Resolved once
//!
//! Building also resolves every hardware line, once, and keeps the result beside the records
//! as a compact index laid out for scanning: per deployment, phase and line, the host and
//! operator countries, status, online and end days, interned part, vendor, architecture and
//! organisation codes, the counts and what each kind of line converts to. Analysis,
//! reconciliation and every export read that index rather than the catalog, so two outputs of
//! the crate that answer the same question agree exactly. The index is derived: it is never
//! written to JSON, it is rebuilt on load, and it never changes a result.
//!
//! ```
//! use sovereign_compute::model::{Deployment, Organisation, OrganisationKind, Participation, Phase, Role, Status};
//! use sovereign_compute::registry::Registry;
//! use sovereign_compute::Country;
//!
//! let registry = Registry::builder()
//!     .organisation(Organisation::new("nscale", "Nscale", OrganisationKind::CloudProvider))
//!     .deployment(
//!         Deployment::new("gb-nscale", "Nscale UK", Country::GB)
//!             .with_organisation(Participation::new("nscale", Role::Operator))
//!             .with_phase(Phase::new("first phase", Status::Planned)),
//!     )
//!     .build()?;
//! assert_eq!(registry.deployments().len(), 1);
//!
//! // A dangling reference is reported with its record and field.
//! let err = Registry::builder()
//!     .deployment(
//!         Deployment::new("gb-nebius", "Nebius UK", Country::GB)
//!             .with_organisation(Participation::new("nebius", Role::Operator)),
//!     )
//!     .build()
//!     .unwrap_err();
//! assert!(err.to_string().contains("deployment gb-nebius, organisations[0].organisation: unknown organisation \"nebius\""));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```
//!
//! # JSON
//!
//! With the `serde` feature, `Registry::to_json` and `Registry::from_json` write and read
//! a versioned document: `schema_version` (1), then `sources`, `organisations`,
//! `deployments`, `programmes` and `initiatives`. Unknown fields are errors naming their path,
//! quantities carry their units, and a save-load round trip reproduces the registry exactly,
//! its catalog included: a registry built with its own [`catalog`](RegistryBuilder::catalog)
//! writes a `catalog` section with the parts, systems, families and sources it holds beyond
//! the built-in catalog (`{"accelerators": [...], ...}`, each entry as in the catalog's own
//! document), which a reader adds to the built-in catalog. A catalog that is not the built-in
//! one plus additions (one that changed or left out a built-in entry, or any catalog without
//! feature `dataset`) is written whole, with `"builtin": false`, and read on its own. A
//! registry on the built-in catalog writes no `catalog` section.

pub(crate) mod index;
mod validate;
#[cfg(feature = "serde")]
mod wire;

use std::sync::Arc;

use index::{Index, Kinds};

use crate::Country;
use crate::catalog::Catalog;
use crate::model::{
    Citation, Deployment, DeploymentId, Initiative, InitiativeId, Organisation, OrganisationId,
    Programme, ProgrammeId, Source, SourceId,
};
use crate::{Error, Result};

/// A map keyed by text from the input (IDs, hardware references): foldhash, fast and seeded
/// per process, so that crafted IDs cannot make building a registry quadratic.
pub(crate) type TextMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The set counterpart of [`TextMap`].
pub(crate) type TextSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// The version of the registry's JSON format that this crate reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

pub use crate::error::Problem;

/// Collects records, then checks them all at once with [`build`](Self::build).
///
/// Without a [`catalog`](Self::catalog) call, hardware is checked against the built-in
/// catalog (feature `dataset`) or, without that feature, an empty one.
///
/// # Example
/// ```
/// use sovereign_compute::model::Source;
/// use sovereign_compute::registry::Registry;
/// let r = Registry::builder().source(Source::new("s1", "A source")).build()?;
/// assert_eq!(r.sources().len(), 1);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct RegistryBuilder {
    sources: Vec<Source>,
    organisations: Vec<Organisation>,
    deployments: Vec<Deployment>,
    programmes: Vec<Programme>,
    initiatives: Vec<Initiative>,
    catalog: Option<Arc<Catalog>>,
}

impl RegistryBuilder {
    /// Adds a source.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::Source, registry::Registry};
    /// let b = Registry::builder().source(Source::new("s", "S"));
    /// assert!(b.build().is_ok());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// Adds an organisation.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::{Organisation, OrganisationKind}, registry::Registry};
    /// let r = Registry::builder().organisation(Organisation::new("o", "O", OrganisationKind::Enterprise)).build()?;
    /// assert!(r.organisation(&"o".parse()?).is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn organisation(mut self, organisation: Organisation) -> Self {
        self.organisations.push(organisation);
        self
    }

    /// Adds a deployment.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::Deployment, registry::Registry, Country};
    /// let r = Registry::builder().deployment(Deployment::new("d", "D", Country::IT)).build()?;
    /// assert!(r.deployment(&"d".parse()?).is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn deployment(mut self, deployment: Deployment) -> Self {
        self.deployments.push(deployment);
        self
    }

    /// Adds a programme.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::Programme, registry::Registry};
    /// let r = Registry::builder().programme(Programme::new("p", "P")).build()?;
    /// assert_eq!(r.programmes().len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn programme(mut self, programme: Programme) -> Self {
        self.programmes.push(programme);
        self
    }

    /// Adds an initiative.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::{Initiative, InitiativeKind}, registry::Registry, Country};
    /// let r = Registry::builder()
    ///     .initiative(Initiative::new("i", "I", InitiativeKind::TechnologyCentre, Country::SE))
    ///     .build()?;
    /// assert_eq!(r.initiatives().len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn initiative(mut self, initiative: Initiative) -> Self {
        self.initiatives.push(initiative);
        self
    }

    /// Sets the catalog hardware lines are checked against (and analysis converts through).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{catalog::Catalog, registry::Registry};
    /// let r = Registry::builder().catalog(Catalog::new()).build()?;
    /// assert!(r.catalog().accelerators().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn catalog(mut self, catalog: impl Into<Arc<Catalog>>) -> Self {
        self.catalog = Some(catalog.into());
        self
    }

    /// Every problem the records have, in record order; empty when they are valid.
    ///
    /// # Errors
    /// Only when the built-in catalog cannot be loaded (a bug in the crate's data).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::{Organisation, OrganisationKind}, registry::Registry};
    /// let o = Organisation::new("o", "O", OrganisationKind::Enterprise);
    /// let problems = Registry::builder().organisation(o.clone()).organisation(o).problems()?;
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!(problems[0].message, "duplicate organisation ID \"o\" (first used by record 0)");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn problems(&self) -> Result<Vec<Problem>> {
        let catalog = self.resolved_catalog()?;
        Ok(validate::problems(self, &mut Kinds::new(&catalog)).0)
    }

    /// Checks every record and builds the registry.
    ///
    /// # Errors
    /// [`Error::InvalidRegistry`] listing every problem found.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// assert!(Registry::builder().build()?.deployments().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn build(mut self) -> Result<Registry> {
        let catalog = self.resolved_catalog()?;
        let mut kinds = Kinds::new(&catalog);
        let (problems, line_kinds) = validate::problems(&self, &mut kinds);
        if !problems.is_empty() {
            return Err(Error::InvalidRegistry { problems });
        }
        // Store what each line means in the catalog's words: canonical IDs, not aliases; and
        // give back the room vectors grew into (a vector of two phases holds four).
        // Every reference to a source or organisation shares the text of the record's own
        // ID, and every hardware reference that of its resolution: one copy of each ID.
        let mut line_kind = line_kinds.iter();
        let ids = Shared {
            sources: self
                .sources
                .iter()
                .map(|s| (s.id.as_str(), &s.id))
                .collect(),
            organisations: self
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), &o.id))
                .collect(),
        };
        self.deployments.shrink_to_fit();
        for d in &mut self.deployments {
            compact(d, &ids);
            for p in &mut d.phases {
                for line in &mut p.hardware {
                    if let Some(kind) = line_kind.next().and_then(|&k| kinds.kinds.get(k as usize))
                    {
                        line.hardware = kind.hardware.clone();
                    }
                }
            }
        }
        drop(ids);
        let index = Index::build(&self.deployments, &self.organisations, kinds, &line_kinds)?;
        Ok(Registry {
            source_index: ById::new(&self.sources, |s| s.id.as_str()),
            organisation_index: ById::new(&self.organisations, |o| o.id.as_str()),
            deployment_index: ById::new(&self.deployments, |d| d.id.as_str()),
            programme_index: ById::new(&self.programmes, |p| p.id.as_str()),
            initiative_index: ById::new(&self.initiatives, |i| i.id.as_str()),
            sources: self.sources,
            organisations: self.organisations,
            deployments: self.deployments,
            programmes: self.programmes,
            initiatives: self.initiatives,
            catalog,
            index: Arc::new(index),
        })
    }

    fn resolved_catalog(&self) -> Result<Arc<Catalog>> {
        match &self.catalog {
            Some(c) => Ok(Arc::clone(c)),
            None => default_catalog(),
        }
    }
}

/// The registry's own IDs, to share their text with every reference to them.
struct Shared<'a> {
    sources: TextMap<&'a str, &'a SourceId>,
    organisations: TextMap<&'a str, &'a OrganisationId>,
}

impl Shared<'_> {
    fn cite(&self, citations: &mut Vec<Citation>) {
        citations.shrink_to_fit();
        for c in citations {
            if let Some(&id) = self.sources.get(c.source.as_str()) {
                c.source = id.clone();
            }
        }
    }
}

/// Shrinks every vector of a deployment to its length, and points every ID it refers to at
/// the registry's copy. Records built by pushing, or read from JSON (which gives no lengths
/// ahead), keep room for up to twice their elements and at least four; in a registry of a
/// million deployments that room, and a copy of each ID per reference, were most of the
/// memory.
fn compact(d: &mut Deployment, ids: &Shared<'_>) {
    d.organisations.shrink_to_fit();
    for p in &mut d.organisations {
        if let Some(&id) = ids.organisations.get(p.organisation.as_str()) {
            p.organisation = id.clone();
        }
    }
    d.purposes.shrink_to_fit();
    ids.cite(&mut d.sources);
    d.phases.shrink_to_fit();
    for p in &mut d.phases {
        p.hardware.shrink_to_fit();
        ids.cite(&mut p.sources);
        for line in &mut p.hardware {
            ids.cite(&mut line.count.sources);
        }
        if let Some(c) = &mut p.compute {
            ids.cite(&mut c.rate.sources);
        }
        if let Some(power) = &mut p.power {
            ids.cite(&mut power.sources);
        }
    }
}

/// The catalog hardware is checked against when none is given: the built-in one with feature
/// `dataset`, else an empty one. One shared copy, never cloned per registry.
#[cfg(feature = "dataset")]
pub(crate) fn default_catalog() -> Result<Arc<Catalog>> {
    Catalog::builtin_shared()
}

#[cfg(not(feature = "dataset"))]
pub(crate) fn default_catalog() -> Result<Arc<Catalog>> {
    static EMPTY: std::sync::OnceLock<Arc<Catalog>> = std::sync::OnceLock::new();
    Ok(Arc::clone(EMPTY.get_or_init(|| Arc::new(Catalog::new()))))
}

/// Positions of records in the order of their IDs: a lookup is a binary search over the
/// records' own IDs, so no ID string is stored twice. Validation has made the IDs unique.
#[derive(Debug, Clone, Default)]
struct ById(Vec<usize>);

impl ById {
    fn new<T>(records: &[T], id: impl Fn(&T) -> &str) -> Self {
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_unstable_by(|&a, &b| id(&records[a]).cmp(id(&records[b])));
        ById(order)
    }

    fn get<T>(&self, records: &[T], id: impl Fn(&T) -> &str, key: &str) -> Option<usize> {
        let found = self
            .0
            .binary_search_by(|&i| records.get(i).map_or("", &id).cmp(key))
            .ok()?;
        self.0.get(found).copied()
    }
}

/// A validated collection of sources, organisations, deployments, programmes and initiatives.
///
/// Records keep the order they were added in; lookups by ID go through an index. See the
/// [module docs](self) for what validation checks.
///
/// # Example
/// ```
/// use sovereign_compute::{model::Deployment, registry::Registry, Country};
/// let r = Registry::builder()
///     .deployment(Deployment::new("it-colosseum", "Colosseum", Country::IT))
///     .build()?;
/// let d = r.deployment(&"it-colosseum".parse()?).unwrap();
/// assert_eq!(d.host, Some(Country::IT));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    sources: Vec<Source>,
    organisations: Vec<Organisation>,
    deployments: Vec<Deployment>,
    programmes: Vec<Programme>,
    initiatives: Vec<Initiative>,
    source_index: ById,
    organisation_index: ById,
    deployment_index: ById,
    programme_index: ById,
    initiative_index: ById,
    catalog: Arc<Catalog>,
    /// What every hardware line means, resolved once when the registry was built; derived
    /// from the records and the catalog, shared between clones.
    index: Arc<Index>,
}

/// Two registries are equal when their records are; the catalogs are not compared.
impl PartialEq for Registry {
    fn eq(&self, other: &Self) -> bool {
        self.sources == other.sources
            && self.organisations == other.organisations
            && self.deployments == other.deployments
            && self.programmes == other.programmes
            && self.initiatives == other.initiatives
    }
}

impl Registry {
    /// A builder for a registry.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::registry::Registry;
    /// assert!(Registry::builder().build().is_ok());
    /// ```
    pub fn builder() -> RegistryBuilder {
        RegistryBuilder::default()
    }

    /// The registry's records back in a builder, to add or change records and build again.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{model::Source, registry::Registry};
    /// let r = Registry::builder().build()?;
    /// let r = r.into_builder().source(Source::new("s", "S")).build()?;
    /// assert_eq!(r.sources().len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn into_builder(self) -> RegistryBuilder {
        RegistryBuilder {
            sources: self.sources,
            organisations: self.organisations,
            deployments: self.deployments,
            programmes: self.programmes,
            initiatives: self.initiatives,
            catalog: Some(self.catalog),
        }
    }

    /// The catalog the hardware was checked against.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::{catalog::Catalog, registry::Registry};
    /// let r = Registry::builder().catalog(Catalog::new()).build()?;
    /// assert!(r.catalog().systems().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The resolved index the analysis and exports read.
    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// The country that controls a deployment: its stated
    /// [`operator_country`](crate::model::Sovereignty::operator_country), else the
    /// headquarters of the first organisation in the [`Operator`](crate::model::Role::Operator)
    /// role that has one, else that of the first [`Owner`](crate::model::Role::Owner); `None`
    /// if none of these is known. Worked out once when the registry is built.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Deployment, Organisation, OrganisationKind, Participation, Role};
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let registry = Registry::builder()
    ///     .organisation(Organisation::new("nebius", "Nebius", OrganisationKind::CloudProvider).with_headquarters(Country::NL))
    ///     .deployment(Deployment::new("fi-nebius", "Nebius Finland", Country::FI)
    ///         .with_organisation(Participation::new("nebius", Role::Operator)))
    ///     .build()?;
    /// assert_eq!(registry.operator_country(&"fi-nebius".parse()?), Some(Country::NL));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn operator_country(&self, deployment: &DeploymentId) -> Option<Country> {
        let i = self.position(deployment)?;
        self.index.deployments.get(i)?.operator
    }

    /// All sources, in the order added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::registry::Registry::builder().build()?.sources().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All organisations, in the order added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::registry::Registry::builder().build()?.organisations().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// All deployments, in the order added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::registry::Registry::builder().build()?.deployments().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn deployments(&self) -> &[Deployment] {
        &self.deployments
    }

    /// All programmes, in the order added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::registry::Registry::builder().build()?.programmes().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn programmes(&self) -> &[Programme] {
        &self.programmes
    }

    /// All initiatives, in the order added.
    ///
    /// # Example
    /// ```
    /// assert!(sovereign_compute::registry::Registry::builder().build()?.initiatives().is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn initiatives(&self) -> &[Initiative] {
        &self.initiatives
    }

    /// A source by ID.
    ///
    /// # Example
    /// ```
    /// let r = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(r.source(&"none".parse()?).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        let i = self
            .source_index
            .get(&self.sources, |r| r.id.as_str(), id.as_str())?;
        self.sources.get(i)
    }

    /// The position of a deployment in [`deployments`](Self::deployments).
    pub(crate) fn position(&self, id: &DeploymentId) -> Option<usize> {
        self.deployment_index
            .get(&self.deployments, |d| d.id.as_str(), id.as_str())
    }

    /// An organisation by ID.
    ///
    /// # Example
    /// ```
    /// let r = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(r.organisation(&"none".parse()?).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn organisation(&self, id: &OrganisationId) -> Option<&Organisation> {
        let i = self
            .organisation_index
            .get(&self.organisations, |r| r.id.as_str(), id.as_str())?;
        self.organisations.get(i)
    }

    /// A deployment by ID.
    ///
    /// # Example
    /// ```
    /// let r = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(r.deployment(&"none".parse()?).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn deployment(&self, id: &DeploymentId) -> Option<&Deployment> {
        let i = self
            .deployment_index
            .get(&self.deployments, |r| r.id.as_str(), id.as_str())?;
        self.deployments.get(i)
    }

    /// A programme by ID.
    ///
    /// # Example
    /// ```
    /// let r = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(r.programme(&"none".parse()?).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn programme(&self, id: &ProgrammeId) -> Option<&Programme> {
        let i = self
            .programme_index
            .get(&self.programmes, |r| r.id.as_str(), id.as_str())?;
        self.programmes.get(i)
    }

    /// An initiative by ID.
    ///
    /// # Example
    /// ```
    /// let r = sovereign_compute::registry::Registry::builder().build()?;
    /// assert!(r.initiative(&"none".parse()?).is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        let i = self
            .initiative_index
            .get(&self.initiatives, |r| r.id.as_str(), id.as_str())?;
        self.initiatives.get(i)
    }
}
