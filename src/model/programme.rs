//! Programmes (umbrella commitments that contain deployments) and initiatives that are not
//! compute (technology centres, training programmes).

use super::{
    Citation, DeploymentId, InitiativeId, OrganisationId, ProgrammeId, Sourced, StatedCompute,
};
use crate::estimate::Estimate;
use crate::units::AcceleratorCount;
use crate::{Country, PartialDate};

/// An umbrella commitment: a headline claim over several countries, and the deployments it
/// contains.
///
/// A programme's claim is compared with the sum of its deployments, never added to it: the
/// deployments are the parts of the claim.
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{FormatReading, Programme, StatedCompute, Sourced};
/// use sovereign_compute::Country;
///
/// let mut p = Programme::new("eu-blackwell", "European Blackwell build-out");
/// p.countries = vec![Country::FR, Country::IT, Country::DE, Country::GB];
/// p.compute = Some(StatedCompute::new(
///     Sourced::new(Estimate::parse("more than 3,000 exaflops")?),
///     FormatReading::Unstated,
/// ));
/// p.deployments.push("fr-mistral".parse()?);
/// assert_eq!(p.deployments.len(), 1);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Programme {
    /// The programme's ID.
    pub id: ProgrammeId,
    /// Its name.
    pub name: String,
    /// The headline compute claim, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub compute: Option<StatedCompute>,
    /// The headline accelerator claim, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub gpus: Option<Sourced<Estimate<AcceleratorCount>>>,
    /// The countries it covers; every contained deployment's host must be one of them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub countries: Vec<Country>,
    /// The organisations it names.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub organisations: Vec<OrganisationId>,
    /// The deployments it contains.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub deployments: Vec<DeploymentId>,
    /// When it was announced.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub announced: Option<PartialDate>,
    /// Sources.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Citation>,
    /// Notes: how the claim was read.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Programme {
    /// A programme with a name and nothing else yet.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Programme;
    /// assert!(Programme::new("p", "P").deployments.is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(id: impl Into<ProgrammeId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            compute: None,
            gpus: None,
            countries: Vec::new(),
            organisations: Vec::new(),
            deployments: Vec::new(),
            announced: None,
            sources: Vec::new(),
            note: None,
        }
    }
}

tag_enum! {
    /// What kind of non-compute initiative it is.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::InitiativeKind;
    /// assert_eq!("AI technology centre".parse::<InitiativeKind>()?, InitiativeKind::TechnologyCentre);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    InitiativeKind, "initiative kind", "technology-centre, training-programme, research-programme, partnership" {
        /// An AI technology centre (NVIDIA AI Technology Center programme and the like).
        TechnologyCentre = "technology-centre" | "ai technology centre" | "ai technology center" | "technology center",
        /// Training and upskilling (e.g. the Deep Learning Institute).
        TrainingProgramme = "training-programme" | "training programme" | "training program",
        /// A research programme.
        ResearchProgramme = "research-programme" | "research programme" | "research program",
        /// A partnership agreement with no compute of its own.
        Partnership = "partnership",
    }
}

tag_display!(InitiativeKind);

/// An initiative that is not compute: a technology centre, a training programme, a
/// partnership.
///
/// # Example
/// ```
/// use sovereign_compute::model::{Initiative, InitiativeKind};
/// use sovereign_compute::Country;
/// let i = Initiative::new("fi-ai-center", "Finland AI technology center", InitiativeKind::TechnologyCentre, Country::FI);
/// assert_eq!(i.country, Country::FI);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Initiative {
    /// The initiative's ID.
    pub id: InitiativeId,
    /// Its name.
    pub name: String,
    /// What kind of initiative.
    pub kind: InitiativeKind,
    /// Where.
    pub country: Country,
    /// Region within the country.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub region: Option<String>,
    /// Partner organisations.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub partners: Vec<OrganisationId>,
    /// Fields of work, as stated ("digital medicine", "robotics").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub focus: Vec<String>,
    /// When it was announced.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub announced: Option<PartialDate>,
    /// Sources.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Citation>,
    /// Notes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Initiative {
    /// An initiative with its kind and country.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Initiative, InitiativeKind};
    /// use sovereign_compute::Country;
    /// let i = Initiative::new("se-ai", "Sweden AI center", InitiativeKind::TechnologyCentre, Country::SE);
    /// assert!(i.partners.is_empty());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(
        id: impl Into<InitiativeId>,
        name: impl Into<String>,
        kind: InitiativeKind,
        country: Country,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            country,
            region: None,
            partners: Vec::new(),
            focus: Vec::new(),
            announced: None,
            sources: Vec::new(),
            note: None,
        }
    }
}
