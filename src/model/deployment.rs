//! Deployments: where the hardware is, who is involved, what it is for, and its phases.

use super::{Citation, DeploymentId, Label, OrganisationId, Phase, Role};
use crate::Country;

tag_enum! {
    /// What a deployment is for.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Purpose;
    /// assert_eq!("LLM training".parse::<Purpose>()?, Purpose::LlmTraining);
    /// assert_eq!(Purpose::EdgeAi.tag(), "edge-ai");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Purpose, "purpose",
    "llm-training, inference, sovereign-cloud, industrial-ai, edge-ai, research, translation, hpc, enterprise-ai, public-sector" {
        /// Training large language models.
        LlmTraining = "llm-training" | "llm training" | "training",
        /// Serving models.
        Inference = "inference",
        /// A cloud whose data and control stay in-country.
        SovereignCloud = "sovereign-cloud" | "sovereign cloud",
        /// Industrial and manufacturing AI (digital twins, robotics, simulation).
        IndustrialAi = "industrial-ai" | "industrial ai" | "manufacturing",
        /// AI at the network edge, close to users.
        EdgeAi = "edge-ai" | "edge ai" | "edge",
        /// Scientific and academic research.
        Research = "research",
        /// Machine translation and language services.
        Translation = "translation",
        /// High-performance computing and simulation.
        Hpc = "hpc",
        /// AI services for enterprises in general.
        EnterpriseAi = "enterprise-ai" | "enterprise ai",
        /// Public-sector services.
        PublicSector = "public-sector" | "public sector" | "government",
    }
}

tag_enum! {
    /// Where a deployment keeps its data, as stated.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::DataResidency;
    /// assert_eq!("in-country".parse::<DataResidency>()?, DataResidency::InCountry);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    DataResidency, "data residency", "in-country, in-region, unrestricted" {
        /// Data stays in the host country.
        InCountry = "in-country" | "in country",
        /// Data stays in a region or bloc (e.g. the EU).
        InRegion = "in-region" | "in region" | "in-eu",
        /// No residency commitment.
        Unrestricted = "unrestricted",
    }
}

tag_display!(Purpose, DataResidency);

/// Where a deployment is, below the country.
///
/// # Example
/// ```
/// use sovereign_compute::model::Site;
/// let mut site = Site::default();
/// site.name = Some("Bruyères-le-Châtel".into());
/// site.region = Some("Essonne".into());
/// assert!(site.region.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Site {
    /// The site's name.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub name: Option<String>,
    /// Region, state or department.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub region: Option<String>,
    /// City or town.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub city: Option<String>,
}

/// An organisation's role in a deployment.
///
/// # Example
/// ```
/// use sovereign_compute::model::{Participation, Role};
/// let p = Participation::new("nscale", Role::Operator);
/// assert_eq!(p.role, Role::Operator);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Participation {
    /// The organisation; must exist in the registry.
    pub organisation: OrganisationId,
    /// Its role.
    pub role: Role,
}

impl Participation {
    /// An organisation in a role.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Participation, Role};
    /// assert_eq!(Participation::new("nvidia", Role::HardwareVendor).organisation.as_str(), "nvidia");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(organisation: impl Into<OrganisationId>, role: Role) -> Self {
        Self {
            organisation: organisation.into(),
            role,
        }
    }
}

/// Sovereignty attributes beyond the host country.
///
/// The host country is where the hardware is ([`Deployment::host`]); the operator country is
/// who controls it. When `operator_country` is not set, analysis falls back to the
/// headquarters of the organisation in the operator role (then the owner role).
///
/// # Example
/// ```
/// use sovereign_compute::model::{DataResidency, Sovereignty};
/// use sovereign_compute::Country;
/// let mut s = Sovereignty::default();
/// s.operator_country = Some(Country::NL);
/// s.data_residency = Some(DataResidency::InCountry);
/// assert_eq!(s.operator_country, Some(Country::NL));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Sovereignty {
    /// The country that controls the capacity, when stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub operator_country: Option<Country>,
    /// Where its data stays, when stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub data_residency: Option<DataResidency>,
}

impl Sovereignty {
    #[cfg(feature = "serde")]
    fn is_empty(&self) -> bool {
        self.operator_country.is_none() && self.data_residency.is_none()
    }
}

/// A compute deployment: a site or platform in one host country, built in phases.
///
/// # Example
/// ```
/// use sovereign_compute::model::{Deployment, Participation, Phase, Purpose, Role, Status};
/// use sovereign_compute::Country;
///
/// let d = Deployment::new("gb-nscale", "Nscale UK build-out", Country::GB)
///     .with_organisation(Participation::new("nscale", Role::Operator))
///     .with_purpose(Purpose::SovereignCloud)
///     .with_phase(Phase::new("first phase", Status::Planned));
/// assert_eq!(d.phases.len(), 1);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Deployment {
    /// The deployment's ID.
    pub id: DeploymentId,
    /// Its name.
    pub name: String,
    /// Where the hardware is; `None` when no source states it (written `"unknown"` on the
    /// wire). A deployment of unknown host is grouped under
    /// [`Group::Unknown`](crate::analysis::Group::Unknown) and never counted in a country's
    /// total.
    #[cfg_attr(feature = "serde", serde(with = "host_wire"))]
    pub host: Option<Country>,
    /// Where in the host country.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub site: Option<Site>,
    /// Organisations and their roles.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub organisations: Vec<Participation>,
    /// What it is for.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub purposes: Vec<Purpose>,
    /// Labels naming selections the deployment belongs to (`epoch-standard-analysis`), for
    /// grouping and filtering ([`GroupKey::Label`](crate::analysis::GroupKey::Label)).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub labels: Vec<Label>,
    /// Operator country and data residency.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Sovereignty::is_empty")
    )]
    pub sovereignty: Sovereignty,
    /// Its phases, in order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub phases: Vec<Phase>,
    /// A later record that replaces this one (not counted in totals while that one is present).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub superseded_by: Option<DeploymentId>,
    /// A record this one possibly duplicates (not counted in totals while that one is present).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub duplicate_of: Option<DeploymentId>,
    /// Sources for the deployment as a whole.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Citation>,
    /// Notes: interpretations and disagreements between sources.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Deployment {
    /// A deployment with an ID, a name and a host country (`None` when no source states it).
    ///
    /// The ID is a [`DeploymentId`] or a plain string (`"fr-mistral"`), whose syntax the
    /// registry checks when it is built.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("fr-mistral", "Mistral Compute", Country::FR);
    /// assert_eq!(d.host, Some(Country::FR));
    /// let gigafactory = Deployment::new("eu-gigafactory-1", "EU AI Gigafactory", None);
    /// assert_eq!(gigafactory.host, None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(
        id: impl Into<DeploymentId>,
        name: impl Into<String>,
        host: impl Into<Option<Country>>,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            host: host.into(),
            site: None,
            organisations: Vec::new(),
            purposes: Vec::new(),
            labels: Vec::new(),
            sovereignty: Sovereignty::default(),
            phases: Vec::new(),
            superseded_by: None,
            duplicate_of: None,
            sources: Vec::new(),
            note: None,
        }
    }

    /// Adds an organisation in a role.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Deployment, Participation, Role};
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::FR)
    ///     .with_organisation(Participation::new("o", Role::Owner));
    /// assert_eq!(d.organisations.len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_organisation(mut self, participation: Participation) -> Self {
        self.organisations.push(participation);
        self
    }

    /// Adds a purpose.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Deployment, Purpose};
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::FR).with_purpose(Purpose::Inference);
    /// assert_eq!(d.purposes, [Purpose::Inference]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_purpose(mut self, purpose: Purpose) -> Self {
        self.purposes.push(purpose);
        self
    }

    /// Adds a label.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::FR).with_label("epoch-standard-analysis".parse()?);
    /// assert_eq!(d.labels[0].as_str(), "epoch-standard-analysis");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    /// Adds a phase.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Deployment, Phase, Status};
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::FR).with_phase(Phase::new("p1", Status::Planned));
    /// assert_eq!(d.phases[0].name, "p1");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_phase(mut self, phase: Phase) -> Self {
        self.phases.push(phase);
        self
    }

    /// Adds a citation for the deployment as a whole.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Citation, Deployment};
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::FR).with_citation(Citation::new("s"));
    /// assert_eq!(d.sources.len(), 1);
    /// ```
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.sources.push(citation);
        self
    }

    /// The organisations in a role.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Deployment, Participation, Role};
    /// use sovereign_compute::Country;
    /// let d = Deployment::new("d", "D", Country::GB)
    ///     .with_organisation(Participation::new("nebius", Role::CloudProvider))
    ///     .with_organisation(Participation::new("nscale", Role::CloudProvider));
    /// assert_eq!(d.organisations_in(Role::CloudProvider).count(), 2);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn organisations_in(&self, role: Role) -> impl Iterator<Item = &OrganisationId> {
        self.organisations
            .iter()
            .filter(move |p| p.role == role)
            .map(|p| &p.organisation)
    }
}

/// The host country on the wire: its alpha-2 code, or `"unknown"` when no source states it.
/// The field is required, so that a forgotten host is an error rather than an unknown one.
#[cfg(feature = "serde")]
mod host_wire {
    use crate::Country;

    pub(super) fn serialize<S: serde::Serializer>(
        host: &Option<Country>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match host {
            Some(country) => serde::Serialize::serialize(country, serializer),
            None => serializer.serialize_str("unknown"),
        }
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Country>, D::Error> {
        struct HostVisitor;

        impl serde::de::Visitor<'_> for HostVisitor {
            type Value = Option<Country>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "an ISO 3166-1 alpha-2 country code in upper case, such as \"FR\", or \"unknown\"",
                )
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Option<Country>, E> {
                if value == "unknown" {
                    return Ok(None);
                }
                Country::from_wire(value).map(Some).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(HostVisitor)
    }
}
