//! Which records a query looks at.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::duplicates::Canon;
use super::key::operator_country;
use super::scenario::Scenario;
use crate::model::{
    Deployment, DeploymentId, OrganisationId, Phase, Programme, ProgrammeId, Purpose, Role, Status,
};
use crate::registry::Registry;
use crate::{Bloc, Country};

/// A condition on deployments or phases; a [`Query`](super::Query)'s filters must all hold.
///
/// Phase filters ([`Status`](Self::Status), [`OnlineAt`](Self::OnlineAt)) select phases;
/// the others select whole deployments. A deployment without phases passes no phase filter.
///
/// Cancelled and superseded phases are left out of every query unless a
/// [`Status`](Self::Status) filter names their status.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::{Filter, Scenario};
/// use sovereign_compute::model::Status;
/// use sovereign_compute::{Bloc, Country};
///
/// let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
/// let filters = [
///     Filter::Status(vec![Status::UnderConstruction, Status::Operational]),
///     Filter::OnlineAt { date: day, scenario: Scenario::Committed },
///     Filter::HostBloc { bloc: Bloc::eu(), date: day },
///     Filter::HostCountry(vec![Country::FR, Country::DE]),
/// ];
/// assert_eq!(filters.len(), 4);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// Phases in one of these statuses.
    Status(Vec<Status>),
    /// Phases that count on `date` under `scenario` (see [`Scenario`]): capacity at a date.
    OnlineAt {
        /// The day.
        date: NaiveDate,
        /// How partial dates are read.
        scenario: Scenario,
    },
    /// Deployments hosted in one of these countries.
    HostCountry(Vec<Country>),
    /// Deployments whose operator country (see [`operator_country`](super::operator_country))
    /// is one of these.
    OperatorCountry(Vec<Country>),
    /// Deployments hosted in a member of the bloc on the date.
    HostBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Deployments whose operator country is a member of the bloc on the date.
    OperatorBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Deployments an organisation takes part in, in any role (`None`) or in the given role.
    Organisation {
        /// The organisation.
        organisation: OrganisationId,
        /// The role, or any.
        role: Option<Role>,
    },
    /// Deployments with one of these purposes.
    Purpose(Vec<Purpose>),
    /// The deployments a programme lists, each standing for the record counted in its place
    /// (see [`excluded`](super::excluded)). A programme the registry does not have selects
    /// nothing.
    Programme(ProgrammeId),
}

/// A filter with what it needs precomputed.
#[derive(Debug)]
enum Check<'q, 'r> {
    Status(&'q [Status]),
    OnlineAt(NaiveDate, Scenario),
    Host(&'q [Country]),
    Operator(&'q [Country]),
    HostBloc(Vec<Country>),
    OperatorBloc(Vec<Country>),
    Organisation(&'q OrganisationId, Option<Role>),
    Purpose(&'q [Purpose]),
    Members(HashSet<&'r DeploymentId>),
}

/// The canonical records a programme lists, by ID.
pub(crate) fn members<'r>(
    registry: &'r Registry,
    canon: &Canon<'r>,
    programme: &'r Programme,
) -> HashSet<&'r DeploymentId> {
    programme
        .deployments
        .iter()
        .filter_map(|id| registry.deployment(id))
        .map(|d| canon.of(&d.id))
        .collect()
}

/// A query's filters, prepared.
#[derive(Debug, Default)]
pub(crate) struct Filters<'q, 'r> {
    deployment: Vec<Check<'q, 'r>>,
    phase: Vec<Check<'q, 'r>>,
    /// Statuses that never count but that a status filter names.
    named: Vec<Status>,
}

impl<'q, 'r> Filters<'q, 'r> {
    pub(crate) fn new(registry: &'r Registry, canon: &Canon<'r>, filters: &'q [Filter]) -> Self {
        let mut out = Filters::default();
        for f in filters {
            let check = match f {
                Filter::Status(s) => {
                    out.named.extend(s.iter().filter(|s| s.never_counts()));
                    Check::Status(s)
                }
                Filter::OnlineAt { date, scenario } => Check::OnlineAt(*date, *scenario),
                Filter::HostCountry(c) => Check::Host(c),
                Filter::OperatorCountry(c) => Check::Operator(c),
                Filter::HostBloc { bloc, date } => Check::HostBloc(bloc.members_at(*date)),
                Filter::OperatorBloc { bloc, date } => Check::OperatorBloc(bloc.members_at(*date)),
                Filter::Organisation { organisation, role } => {
                    Check::Organisation(organisation, *role)
                }
                Filter::Purpose(p) => Check::Purpose(p),
                Filter::Programme(id) => Check::Members(
                    registry
                        .programme(id)
                        .map(|p| members(registry, canon, p))
                        .unwrap_or_default(),
                ),
            };
            out.push(check);
        }
        out
    }

    /// Only the deployments in `members` (by canonical ID).
    pub(crate) fn only(mut self, members: HashSet<&'r DeploymentId>) -> Self {
        self.push(Check::Members(members));
        self
    }

    fn push(&mut self, check: Check<'q, 'r>) {
        match check {
            Check::Status(_) | Check::OnlineAt(..) => self.phase.push(check),
            _ => self.deployment.push(check),
        }
    }

    /// Whether the deployment passes the deployment filters.
    pub(crate) fn deployment(&self, registry: &Registry, d: &Deployment) -> bool {
        self.deployment.iter().all(|check| match check {
            Check::Host(c) => c.contains(&d.host),
            Check::Operator(c) => operator_country(registry, d).is_some_and(|o| c.contains(&o)),
            Check::HostBloc(m) => m.binary_search(&d.host).is_ok(),
            Check::OperatorBloc(m) => {
                operator_country(registry, d).is_some_and(|o| m.binary_search(&o).is_ok())
            }
            Check::Organisation(id, role) => d
                .organisations
                .iter()
                .any(|p| &p.organisation == *id && role.is_none_or(|r| r == p.role)),
            Check::Purpose(p) => d.purposes.iter().any(|x| p.contains(x)),
            Check::Members(set) => set.contains(&d.id),
            Check::Status(_) | Check::OnlineAt(..) => true,
        })
    }

    /// Whether the phase passes the phase filters; `None` is a deployment without phases.
    pub(crate) fn phase(&self, phase: Option<&Phase>) -> bool {
        let Some(phase) = phase else {
            return self.phase.is_empty();
        };
        if phase.status.never_counts() && !self.named.contains(&phase.status) {
            return false;
        }
        self.phase.iter().all(|check| match check {
            Check::Status(s) => s.contains(&phase.status),
            Check::OnlineAt(date, scenario) => scenario.counts(phase, *date),
            _ => true,
        })
    }
}
