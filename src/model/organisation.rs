//! Organisations and the roles they play in a deployment.

use super::OrganisationId;
use crate::Country;

tag_enum! {
    /// What kind of organisation it is.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::OrganisationKind;
    /// assert_eq!("telecom operator".parse::<OrganisationKind>()?, OrganisationKind::TelecomOperator);
    /// assert_eq!(OrganisationKind::CloudProvider.tag(), "cloud-provider");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    OrganisationKind, "organisation kind",
    "cloud-provider, telecom-operator, model-developer, hardware-vendor, government-body, research-centre, consortium, enterprise" {
        /// A cloud or AI infrastructure provider (Nebius, Nscale).
        CloudProvider = "cloud-provider" | "cloud provider" | "infrastructure provider",
        /// A telecom operator (Orange, Swisscom).
        TelecomOperator = "telecom-operator" | "telecom operator" | "telco",
        /// A developer of AI models (Mistral AI, Domyn).
        ModelDeveloper = "model-developer" | "model developer",
        /// A hardware vendor (NVIDIA, AMD).
        HardwareVendor = "hardware-vendor" | "hardware vendor",
        /// A government body or ministry.
        GovernmentBody = "government-body" | "government body" | "government",
        /// A research or supercomputing centre (CINECA, BSC).
        ResearchCentre = "research-centre" | "research centre" | "research center" | "supercomputing centre",
        /// A consortium of several organisations (Bayern KI).
        Consortium = "consortium",
        /// Any other enterprise.
        Enterprise = "enterprise" | "company",
    }
}

tag_enum! {
    /// The role an organisation plays in a deployment.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Role;
    /// assert_eq!("operator".parse::<Role>()?, Role::Operator);
    /// assert_eq!(Role::GovernmentSponsor.tag(), "government-sponsor");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Role, "role",
    "owner, operator, cloud-provider, partner, tenant, hardware-vendor, funder, government-sponsor" {
        /// Owns the hardware.
        Owner = "owner",
        /// Runs the site or the service.
        Operator = "operator",
        /// Sells the capacity as a cloud.
        CloudProvider = "cloud-provider" | "cloud provider",
        /// A named partner with no more specific role.
        Partner = "partner",
        /// Uses the capacity (a tenant or anchor customer).
        Tenant = "tenant" | "user",
        /// Supplies the hardware.
        HardwareVendor = "hardware-vendor" | "hardware vendor" | "vendor",
        /// Pays for it.
        Funder = "funder",
        /// A government backing the deployment.
        GovernmentSponsor = "government-sponsor" | "government sponsor",
    }
}

tag_display!(OrganisationKind, Role);

/// An organisation: a company, a government body, a research centre or a consortium.
///
/// # Example
/// ```
/// use sovereign_compute::model::{Organisation, OrganisationKind};
/// use sovereign_compute::Country;
///
/// let mistral = Organisation::new("mistral-ai", "Mistral AI", OrganisationKind::ModelDeveloper)
///     .with_headquarters(Country::FR);
/// assert_eq!(mistral.headquarters, Some(Country::FR));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Organisation {
    /// The organisation's ID.
    pub id: OrganisationId,
    /// Its usual name.
    pub name: String,
    /// What kind of organisation it is.
    pub kind: OrganisationKind,
    /// Where it is headquartered, when known: the basis of "operator country" questions.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub headquarters: Option<Country>,
}

impl Organisation {
    /// An organisation with no headquarters recorded.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Organisation, OrganisationKind};
    /// let o = Organisation::new("orange", "Orange", OrganisationKind::TelecomOperator);
    /// assert_eq!(o.headquarters, None);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(
        id: impl Into<OrganisationId>,
        name: impl Into<String>,
        kind: OrganisationKind,
    ) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            headquarters: None,
        }
    }

    /// Records where it is headquartered.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Organisation, OrganisationKind};
    /// use sovereign_compute::Country;
    /// let o = Organisation::new("nscale", "Nscale", OrganisationKind::CloudProvider)
    ///     .with_headquarters(Country::GB);
    /// assert_eq!(o.headquarters, Some(Country::GB));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_headquarters(mut self, country: Country) -> Self {
        self.headquarters = Some(country);
        self
    }
}
