//! Which records a query looks at.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::dimension::{Code, Dim, Level};
use super::scenario::Scenario;
use super::{Group, GroupKey};
use crate::model::{
    Certainty, DeploymentId, Label, OrganisationId, ProgrammeId, Purpose, Role, Status,
};
use crate::registry::Registry;
use crate::registry::index::Index;
use crate::{Bloc, Country, PartialDate};

/// A date a question about one day is asked on: a day ([`NaiveDate`]), or a
/// [`PartialDate`], which stands for the last day it covers (`2026-Q4` is 2026-12-31). Taken
/// by [`Filter::online_at`]; implemented for these two types only.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::IntoDay;
/// use sovereign_compute::PartialDate;
///
/// let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
/// assert_eq!("2026-H1".parse::<PartialDate>()?.into_day(), end);
/// assert_eq!(end.into_day(), end);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub trait IntoDay: sealed::Sealed {
    /// The day: the date itself, or the last day a partial date covers.
    fn into_day(self) -> NaiveDate;
}

mod sealed {
    /// Keeps [`IntoDay`](super::IntoDay) to the crate's date types.
    pub trait Sealed {}
    impl Sealed for chrono::NaiveDate {}
    impl Sealed for &chrono::NaiveDate {}
    impl Sealed for crate::PartialDate {}
    impl Sealed for &crate::PartialDate {}
}

impl IntoDay for NaiveDate {
    fn into_day(self) -> NaiveDate {
        self
    }
}

impl IntoDay for &NaiveDate {
    fn into_day(self) -> NaiveDate {
        *self
    }
}

impl IntoDay for PartialDate {
    fn into_day(self) -> NaiveDate {
        self.latest()
    }
}

impl IntoDay for &PartialDate {
    fn into_day(self) -> NaiveDate {
        self.latest()
    }
}

/// A condition on deployments, phases or hardware lines; a [`Query`](super::Query)'s filters
/// must all hold.
///
/// Most filters are [`In`](Self::In): the record's group under a [`GroupKey`] is one of a
/// list, the same dimensions a query groups by. The other variants are shorthands for the
/// common ones (each says which `In` it is), plus [`OnlineAt`](Self::OnlineAt) and
/// [`Programme`](Self::Programme).
///
/// - A filter on a deployment key (countries, blocs, organisations, purposes) selects whole
///   deployments; a deployment with several groups (two operators) passes if any is listed.
/// - A filter on a phase key (status, online year or quarter) or [`OnlineAt`](Self::OnlineAt)
///   selects phases. A deployment without phases passes no phase filter.
/// - A filter on a hardware key (part, vendor, architecture) selects hardware lines; a phase
///   with lines left out is counted from its selected lines, never from a figure stated for
///   the whole phase.
///
/// [`Group::Unknown`] in a list selects records with no value for the key (a deployment whose
/// host no source states).
///
/// Cancelled and superseded phases are left out of every query unless a status filter names
/// their status.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::{Filter, Group, GroupKey, Scenario};
/// use sovereign_compute::model::Status;
/// use sovereign_compute::{Bloc, Country};
///
/// let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
/// let filters = [
///     Filter::Status(vec![Status::UnderConstruction, Status::Operational]),
///     Filter::online_at(day, Scenario::Committed),
///     Filter::HostBloc { bloc: Bloc::eu(), date: day },
///     Filter::HostCountry(vec![Country::FR, Country::DE]),
///     Filter::In { key: GroupKey::Vendor, groups: vec![Group::Vendor("amd".into())] },
/// ];
/// assert_eq!(filters[3].to_string(), "host country FR or DE");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Filter {
    /// Records whose group under `key` is one of `groups`.
    In {
        /// The dimension.
        key: GroupKey,
        /// The groups selected.
        groups: Vec<Group>,
    },
    /// Phases in one of these statuses: `In` [`GroupKey::Status`].
    Status(Vec<Status>),
    /// Phases graded one of these certainties: `In` [`GroupKey::Certainty`]. Made by
    /// [`Filter::at_least`] for "at least this certain".
    Certainty(Vec<Certainty>),
    /// Phases that count on `date` under `scenario` (see [`Scenario`]): capacity at a date.
    /// [`Filter::online_at`] builds it from a day or a partial date.
    OnlineAt {
        /// The day.
        date: NaiveDate,
        /// How partial dates are read.
        scenario: Scenario,
    },
    /// Deployments hosted in one of these countries: `In` [`GroupKey::HostCountry`].
    HostCountry(Vec<Country>),
    /// Deployments whose operator country (see [`operator_country`](super::operator_country))
    /// is one of these: `In` [`GroupKey::OperatorCountry`].
    OperatorCountry(Vec<Country>),
    /// Deployments hosted in a member of the bloc on the date: `In` [`GroupKey::HostBloc`],
    /// members.
    HostBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Deployments whose operator country is a member of the bloc on the date: `In`
    /// [`GroupKey::OperatorBloc`], members.
    OperatorBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Deployments an organisation takes part in, in any role (`None`) or in the given role:
    /// `In` [`GroupKey::Organisation`].
    Organisation {
        /// The organisation.
        organisation: OrganisationId,
        /// The role, or any.
        role: Option<Role>,
    },
    /// Deployments with one of these purposes: `In` [`GroupKey::Purpose`].
    Purpose(Vec<Purpose>),
    /// Deployments carrying one of these labels: `In` [`GroupKey::Label`].
    ///
    /// ```
    /// use sovereign_compute::analysis::{Deployments, Filter, Query};
    /// use sovereign_compute::model::Deployment;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let standard = "epoch-standard-analysis".parse()?;
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::US).with_label(standard))
    ///     .deployment(Deployment::new("b", "B", Country::US))
    ///     .build()?;
    /// let selected = Filter::Label(vec!["epoch-standard-analysis".parse()?]);
    /// assert_eq!(selected.to_string(), "label epoch-standard-analysis");
    /// let n = Query::new().filter(selected).run(&registry, Deployments)?;
    /// assert_eq!(n.total().central(), Some(1));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Label(Vec<Label>),
    /// The deployments a programme lists, each standing for the record counted in its place
    /// (see [`excluded`](super::excluded)). A programme the registry does not have selects
    /// nothing.
    Programme(ProgrammeId),
    /// These deployments, each standing for the record counted in its place (a duplicate
    /// for the record it duplicates, as for [`Programme`](Self::Programme)). IDs the
    /// registry does not have select nothing.
    ///
    /// ```
    /// # #[cfg(feature = "dataset")] {
    /// use sovereign_compute::analysis::{Filter, Gpus, Query};
    ///
    /// let europe = sovereign_compute::datasets::gtc_paris_2025()?;
    /// let mistral = Filter::Deployments(vec!["fr-mistral-compute".parse()?]);
    /// assert_eq!(mistral.to_string(), "deployment fr-mistral-compute");
    /// let gpus = Query::new().filter(mistral).run(&europe, Gpus)?;
    /// // 18,000 GB200 GPUs in the first phase; the later sites have no count yet.
    /// assert_eq!(gpus.total().to_string(), "≥ 18,000 GPUs (central 18,000 GPUs; 1 of 2 parts unknown)");
    /// # }
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    Deployments(Vec<DeploymentId>),
}

impl Filter {
    /// Phases at least as certain as `grade`: [`Filter::Certainty`] with `grade` and every
    /// grade above it.
    ///
    /// It composes with either reading of dates: with
    /// [`OnlineAt`](Self::OnlineAt) (or a [`series`](super::Query::series)) under
    /// [`Scenario::Committed`], a phase counts when it is certainly running by the
    /// announced timeline *and* at least this certain.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Filter, Gpus, Query, Scenario};
    /// use sovereign_compute::estimate::Estimate;
    /// use sovereign_compute::model::*;
    /// use sovereign_compute::registry::Registry;
    /// use sovereign_compute::Country;
    ///
    /// let gpus = |n: &str| -> sovereign_compute::Result<HardwareLine> {
    ///     Ok(HardwareLine::new(HardwareRef::Unlisted("GPU".into()), Sourced::new(Estimate::parse(n)?)))
    /// };
    /// let phase = |name: &str, grade, n: &str| -> sovereign_compute::Result<Phase> {
    ///     Ok(Phase::new(name, Status::Planned).with_online("2026-Q1").with_certainty(grade).with_hardware_line(gpus(n)?))
    /// };
    /// let registry = Registry::builder()
    ///     .deployment(Deployment::new("a", "A", Country::FR)
    ///         .with_phase(phase("stated", Certainty::Confirmed, "1,000 GPUs")?)
    ///         .with_phase(phase("reported", Certainty::Likely, "2,000 GPUs")?)
    ///         .with_phase(phase("rumoured", Certainty::Unlikely, "4,000 GPUs")?))
    ///     .build()?;
    /// let day = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let query = Query::new()
    ///     .filter(Filter::OnlineAt { date: day, scenario: Scenario::Committed })
    ///     .filter(Filter::at_least(Certainty::Likely));
    /// assert_eq!(query.run(&registry, Gpus)?.total().central().map(|n| n.count()), Some(3_000));
    /// assert_eq!(Filter::at_least(Certainty::Likely).to_string(), "certainty confirmed or likely");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn at_least(grade: Certainty) -> Filter {
        Filter::Certainty(grade.and_above())
    }

    /// Phases that count on a day under a scenario: [`OnlineAt`](Self::OnlineAt), from a day
    /// ([`NaiveDate`]) or a partial date ([`PartialDate`]: `2026`, `2026-H2`, `2026-Q4`,
    /// `2026-12`, `2026-12-31`).
    ///
    /// A partial date asks about the **last day** it covers: "online by 2026" is online on
    /// 2026-12-31, and `2026-Q2` is 2026-06-30. Under [`Scenario::Committed`] that counts what
    /// is certainly running by the end of the period by the announced timeline; under
    /// [`Scenario::Optimistic`], what possibly is. For the first day of a period, pass
    /// [`PartialDate::earliest`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::{Filter, Scenario};
    /// use sovereign_compute::PartialDate;
    ///
    /// let by_2026 = Filter::online_at(PartialDate::year(2026)?, Scenario::Committed);
    /// assert_eq!(by_2026.to_string(), "online at 2026-12-31 (committed)");
    /// let december: PartialDate = "2026-12".parse()?;
    /// assert_eq!(Filter::online_at(december, Scenario::Committed), by_2026);
    /// let day = NaiveDate::from_ymd_opt(2026, 6, 11).unwrap();
    /// assert_eq!(
    ///     Filter::online_at(day, Scenario::Optimistic),
    ///     Filter::OnlineAt { date: day, scenario: Scenario::Optimistic },
    /// );
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn online_at(date: impl IntoDay, scenario: Scenario) -> Self {
        Filter::OnlineAt {
            date: date.into_day(),
            scenario,
        }
    }

    /// The dimension and groups of a filter that selects by group; `None` for
    /// [`OnlineAt`](Self::OnlineAt), [`Programme`](Self::Programme) and
    /// [`Deployments`](Self::Deployments).
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::analysis::{Filter, Group, GroupKey};
    /// use sovereign_compute::Country;
    /// let (key, groups) = Filter::HostCountry(vec![Country::FR]).selection().unwrap();
    /// assert_eq!((key, groups), (GroupKey::HostCountry, vec![Group::Country(Country::FR)]));
    /// ```
    pub fn selection(&self) -> Option<(GroupKey, Vec<Group>)> {
        let countries = |cs: &[Country]| cs.iter().map(|&c| Group::Country(c)).collect();
        let member = |bloc: &Bloc| {
            vec![Group::Member {
                bloc: bloc.id().to_owned(),
                member: true,
            }]
        };
        Some(match self {
            Filter::In { key, groups } => (key.clone(), groups.clone()),
            Filter::Status(s) => (
                GroupKey::Status,
                s.iter().map(|&s| Group::Status(s)).collect(),
            ),
            Filter::Certainty(c) => (
                GroupKey::Certainty,
                c.iter().map(|&c| Group::Certainty(c)).collect(),
            ),
            Filter::HostCountry(c) => (GroupKey::HostCountry, countries(c)),
            Filter::OperatorCountry(c) => (GroupKey::OperatorCountry, countries(c)),
            Filter::HostBloc { bloc, date } => (
                GroupKey::HostBloc {
                    bloc: bloc.clone(),
                    date: *date,
                },
                member(bloc),
            ),
            Filter::OperatorBloc { bloc, date } => (
                GroupKey::OperatorBloc {
                    bloc: bloc.clone(),
                    date: *date,
                },
                member(bloc),
            ),
            Filter::Organisation { organisation, role } => (
                GroupKey::Organisation(*role),
                vec![Group::Organisation(organisation.clone())],
            ),
            Filter::Purpose(p) => (
                GroupKey::Purpose,
                p.iter().map(|&p| Group::Purpose(p)).collect(),
            ),
            Filter::Label(l) => (
                GroupKey::Label,
                l.iter().cloned().map(Group::Label).collect(),
            ),
            Filter::OnlineAt { .. } | Filter::Programme(_) | Filter::Deployments(_) => {
                return None;
            }
        })
    }
}

/// "host country FR or DE", "online at 2026-12-31 (committed)", "programme eu-ai".
impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Filter::OnlineAt { date, scenario } => write!(f, "online at {date} ({scenario})"),
            Filter::Programme(id) => write!(f, "programme {id}"),
            Filter::Deployments(ids) => {
                let ids: Vec<&str> = ids.iter().map(DeploymentId::as_str).collect();
                write!(f, "deployment {}", ids.join(" or "))
            }
            other => match other.selection() {
                Some((key, groups)) => {
                    let groups: Vec<String> = groups.iter().map(ToString::to_string).collect();
                    write!(f, "{key} {}", groups.join(" or "))
                }
                None => Ok(()),
            },
        }
    }
}

/// A selection by group, prepared: the dimension and the codes it accepts.
#[derive(Debug)]
struct Selection {
    dim: Dim,
    codes: HashSet<Code>,
}

/// A query's filters, prepared against a registry's index.
#[derive(Debug, Default)]
pub(crate) struct Filters {
    deployment: Vec<Selection>,
    phase: Vec<Selection>,
    line: Vec<Selection>,
    online_at: Vec<(NaiveDate, Scenario)>,
    /// Deployment positions a programme (or a reconciliation) restricts the pass to.
    members: Option<HashSet<u32>>,
    /// Statuses that never count but that a status filter names.
    named: Vec<Status>,
}

/// The positions of these deployments (a programme's list, a filter's), each standing for the
/// record counted in its place.
pub(crate) fn members(registry: &Registry, ids: &[DeploymentId]) -> HashSet<u32> {
    let index = registry.index();
    ids.iter()
        .filter_map(|id| registry.position(id))
        .filter_map(|d| index.deployments.get(d).map(|row| row.counted_as))
        .collect()
}

impl Filters {
    pub(crate) fn new(registry: &Registry, filters: &[Filter]) -> Self {
        let mut out = Filters::default();
        for f in filters {
            match f {
                Filter::OnlineAt { date, scenario } => out.online_at.push((*date, *scenario)),
                Filter::Programme(id) => {
                    let set = registry
                        .programme(id)
                        .map(|p| members(registry, &p.deployments))
                        .unwrap_or_default();
                    out.restrict(set);
                }
                Filter::Deployments(ids) => out.restrict(members(registry, ids)),
                other => {
                    let Some((key, groups)) = other.selection() else {
                        continue;
                    };
                    if let GroupKey::Status = key {
                        out.named.extend(groups.iter().filter_map(|g| match g {
                            Group::Status(s) if s.never_counts() => Some(*s),
                            _ => None,
                        }));
                    }
                    let dim = Dim::new(key);
                    let codes = groups
                        .iter()
                        .filter_map(|g| dim.code_of(registry, g))
                        .collect();
                    let selection = Selection { dim, codes };
                    match selection.dim.level() {
                        Level::Deployment => out.deployment.push(selection),
                        Level::Phase => out.phase.push(selection),
                        Level::Line => out.line.push(selection),
                    }
                }
            }
        }
        out
    }

    /// Only the deployments at these positions (canonical records).
    pub(crate) fn restrict(&mut self, set: HashSet<u32>) {
        self.members = Some(match self.members.take() {
            Some(mine) => mine.intersection(&set).copied().collect(),
            None => set,
        });
    }

    /// Whether deployment `d` passes the deployment filters.
    #[inline]
    pub(crate) fn deployment(&self, index: &Index, d: usize, scratch: &mut Vec<Code>) -> bool {
        if self.members.is_none() && self.deployment.is_empty() {
            return true;
        }
        if let Some(members) = &self.members
            && !u32::try_from(d).is_ok_and(|d| members.contains(&d))
        {
            return false;
        }
        self.deployment.iter().all(|s| {
            s.dim.deployment_codes(index, d, scratch);
            scratch.iter().any(|c| s.codes.contains(c))
        })
    }

    /// Whether phase `p` passes the phase filters; `None` is a deployment without phases.
    #[inline(always)]
    pub(crate) fn phase(&self, index: &Index, p: Option<usize>) -> bool {
        if self.phase.is_empty() && self.online_at.is_empty() && self.named.is_empty() {
            // No phase filter: every phase counts but cancelled and superseded ones.
            return p.is_none_or(|p| index.status.get(p).is_some_and(|s| !s.never_counts()));
        }
        self.filtered_phase(index, p)
    }

    /// [`phase`](Self::phase) with phase filters.
    #[inline(never)]
    fn filtered_phase(&self, index: &Index, p: Option<usize>) -> bool {
        let Some(p) = p else {
            return self.phase.is_empty() && self.online_at.is_empty();
        };
        let Some(&status) = index.status.get(p) else {
            return false;
        };
        if status.never_counts() && !self.named.contains(&status) {
            return false;
        }
        if self.phase.is_empty() && self.online_at.is_empty() {
            return true;
        }
        self.phase
            .iter()
            .all(|s| s.codes.contains(&s.dim.phase_code(index, Some(p))))
            && self.online_at.iter().all(|(date, scenario)| {
                index.phases.get(p).is_some_and(|row| {
                    scenario
                        .window_of(status, row.online, row.end)
                        .is_some_and(|w| w.covers(*date))
                })
            })
    }

    /// Whether a hardware line of this kind passes the line filters.
    pub(crate) fn line(&self, kind: Option<&crate::registry::index::Kind>) -> bool {
        self.line
            .iter()
            .all(|s| s.codes.contains(&s.dim.line_code(kind)))
    }

    /// Whether some lines may be left out.
    pub(crate) fn has_line_filters(&self) -> bool {
        !self.line.is_empty()
    }
}
