//! What to group by ([`GroupKey`]) and the groups it yields ([`Group`]).

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;

use super::hardware::Facts;
use crate::catalog::{FamilyId, PartId};
use crate::model::{Deployment, OrganisationId, Phase, Purpose, Role, Status};
use crate::registry::Registry;
use crate::{Bloc, Country, DatePrecision, PartialDate};

/// What to group by.
///
/// Keys read different levels of a record: the deployment (countries, blocs, organisations,
/// purposes), the phase (status, online date) or the hardware line (part, vendor,
/// architecture). A record with no value for the key falls in [`Group::Unknown`]. Keys that
/// can give one record several groups (organisations, purposes, and the hardware keys for
/// counts of phases and deployments) put the whole record in each; the table then says its
/// groups [overlap](super::Table::overlapping).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::GroupKey;
/// use sovereign_compute::model::Role;
/// use sovereign_compute::Bloc;
///
/// let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap();
/// assert_eq!(GroupKey::HostBloc { bloc: Bloc::eu(), date: day }.to_string(), "host in eu on 2025-06-11");
/// assert_eq!(GroupKey::Organisation(Some(Role::Operator)).to_string(), "operator");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// The country the hardware is in ([`Deployment::host`]).
    HostCountry,
    /// The country that controls it; see [`operator_country`](super::operator_country) for
    /// the fallbacks when it is not stated.
    OperatorCountry,
    /// Whether the host country is a member of the bloc on the date.
    HostBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Whether the operator country is a member of the bloc on the date (unknown when the
    /// operator country is).
    OperatorBloc {
        /// The bloc.
        bloc: Bloc,
        /// The day membership is read on.
        date: NaiveDate,
    },
    /// Each organisation taking part, in any role (`None`) or in the given role.
    Organisation(Option<Role>),
    /// The catalog part of each hardware line: a system's part for a system, the family or
    /// the set of parts when the source leaves the part open, the name as written for
    /// unlisted hardware.
    Part,
    /// The vendor of each hardware line's part (unknown when the parts a line may mean
    /// disagree, or for unlisted hardware).
    Vendor,
    /// The architecture (generation) of each hardware line's part, e.g. `blackwell` (unknown
    /// when the parts a line may mean disagree, or for unlisted hardware).
    Architecture,
    /// The phase's lifecycle status.
    Status,
    /// Each purpose of the deployment.
    Purpose,
    /// The calendar year of the phase's online date.
    OnlineYear,
    /// The quarter of the phase's online date; a date known only to the half or year stays a
    /// half or year group (`2026-H2`, `2026`) rather than being put in a quarter it may not be
    /// in.
    OnlineQuarter,
}

/// Which level of a record a key reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Deployment,
    Phase,
    Line,
}

impl GroupKey {
    pub(crate) fn level(&self) -> Level {
        match self {
            GroupKey::HostCountry
            | GroupKey::OperatorCountry
            | GroupKey::HostBloc { .. }
            | GroupKey::OperatorBloc { .. }
            | GroupKey::Organisation(_)
            | GroupKey::Purpose => Level::Deployment,
            GroupKey::Status | GroupKey::OnlineYear | GroupKey::OnlineQuarter => Level::Phase,
            GroupKey::Part | GroupKey::Vendor | GroupKey::Architecture => Level::Line,
        }
    }
}

impl fmt::Display for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupKey::HostCountry => f.write_str("host country"),
            GroupKey::OperatorCountry => f.write_str("operator country"),
            GroupKey::HostBloc { bloc, date } => write!(f, "host in {} on {date}", bloc.id()),
            GroupKey::OperatorBloc { bloc, date } => {
                write!(f, "operator in {} on {date}", bloc.id())
            }
            GroupKey::Organisation(None) => f.write_str("organisation"),
            GroupKey::Organisation(Some(role)) => f.write_str(role.tag()),
            GroupKey::Part => f.write_str("part"),
            GroupKey::Vendor => f.write_str("vendor"),
            GroupKey::Architecture => f.write_str("architecture"),
            GroupKey::Status => f.write_str("status"),
            GroupKey::Purpose => f.write_str("purpose"),
            GroupKey::OnlineYear => f.write_str("online year"),
            GroupKey::OnlineQuarter => f.write_str("online quarter"),
        }
    }
}

/// One group of a [`GroupKey`].
///
/// Groups sort by kind, then value: countries by code, statuses in lifecycle order, online
/// periods by their earliest then latest day, [`Unknown`](Group::Unknown) last.
///
/// # Example
/// ```
/// use sovereign_compute::analysis::Group;
/// use sovereign_compute::Country;
///
/// assert_eq!(Group::Country(Country::FR).to_string(), "FR");
/// assert_eq!(Group::Online("2026-Q1".parse()?).to_string(), "2026-Q1");
/// assert!(Group::Country(Country::FR) < Group::Unknown);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Group {
    /// A country (host or operator).
    Country(Country),
    /// Member or not of a bloc, by its ID; displayed `eu` or `non-eu`.
    Member {
        /// The bloc's ID.
        bloc: String,
        /// Whether the country is a member.
        member: bool,
    },
    /// An organisation.
    Organisation(OrganisationId),
    /// A catalog part.
    Part(PartId),
    /// A catalog family, for hardware the source names only by family ("Blackwell GPUs").
    Family(FamilyId),
    /// Several catalog parts, for hardware the source names without the split.
    OneOf(Vec<PartId>),
    /// Hardware the catalog does not list, by the name the record gives.
    Unlisted(String),
    /// A hardware vendor, as the catalog spells it (`nvidia`).
    Vendor(String),
    /// A hardware architecture, as the catalog spells it (`blackwell`).
    Architecture(String),
    /// A lifecycle status.
    Status(Status),
    /// A purpose.
    Purpose(Purpose),
    /// An online period: a year, or for quarters a quarter (or the half or year of a date
    /// known no better).
    Online(PartialDate),
    /// No value for the key: no operator country, no organisation in the role, no hardware
    /// line, no online date.
    Unknown,
}

impl Group {
    fn rank(&self) -> u8 {
        match self {
            Group::Country(_) => 0,
            Group::Member { .. } => 1,
            Group::Organisation(_) => 2,
            Group::Part(_) => 3,
            Group::Family(_) => 4,
            Group::OneOf(_) => 5,
            Group::Unlisted(_) => 6,
            Group::Vendor(_) => 7,
            Group::Architecture(_) => 8,
            Group::Status(_) => 9,
            Group::Purpose(_) => 10,
            Group::Online(_) => 11,
            Group::Unknown => 12,
        }
    }
}

impl PartialOrd for Group {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Group {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Group::Country(a), Group::Country(b)) => a.cmp(b),
            (Group::Member { bloc: a, member: x }, Group::Member { bloc: b, member: y }) => {
                (a, !x).cmp(&(b, !y))
            }
            (Group::Organisation(a), Group::Organisation(b)) => a.cmp(b),
            (Group::Part(a), Group::Part(b)) => a.cmp(b),
            (Group::Family(a), Group::Family(b)) => a.cmp(b),
            (Group::OneOf(a), Group::OneOf(b)) => a.cmp(b),
            (Group::Unlisted(a), Group::Unlisted(b))
            | (Group::Vendor(a), Group::Vendor(b))
            | (Group::Architecture(a), Group::Architecture(b)) => a.cmp(b),
            (Group::Status(a), Group::Status(b)) => a.cmp(b),
            (Group::Purpose(a), Group::Purpose(b)) => a.cmp(b),
            (Group::Online(a), Group::Online(b)) => span(a).cmp(&span(b)),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

/// A partial date's days; two different partial dates never have the same span.
fn span(date: &PartialDate) -> (NaiveDate, NaiveDate) {
    (date.earliest(), date.latest())
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Group::Country(c) => write!(f, "{c}"),
            Group::Member { bloc, member: true } => f.write_str(bloc),
            Group::Member {
                bloc,
                member: false,
            } => write!(f, "non-{bloc}"),
            Group::Organisation(id) => write!(f, "{id}"),
            Group::Part(id) => write!(f, "{id}"),
            Group::Family(id) => write!(f, "{id}"),
            Group::OneOf(ids) => {
                let ids: Vec<&str> = ids.iter().map(PartId::as_str).collect();
                write!(f, "one of {}", ids.join(", "))
            }
            Group::Unlisted(name) => write!(f, "unlisted: {name}"),
            Group::Vendor(s) | Group::Architecture(s) => f.write_str(s),
            Group::Status(s) => write!(f, "{s}"),
            Group::Purpose(p) => f.write_str(p.tag()),
            Group::Online(d) => write!(f, "{d}"),
            Group::Unknown => f.write_str("unknown"),
        }
    }
}

/// A partial date ordered by its span, so that it can sit in sorted internal keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Period(PartialDate);

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        span(&self.0).cmp(&span(&other.0))
    }
}

/// The borrowed, copyable form of a [`Group`] that aggregation hashes; turned into a `Group`
/// once per result row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Slot<'r> {
    /// No key at this position.
    None,
    Country(Country),
    Member(bool),
    Organisation(&'r OrganisationId),
    Part(&'r PartId),
    Family(&'r FamilyId),
    OneOf(&'r [PartId]),
    Unlisted(&'r str),
    Vendor(&'r str),
    Architecture(&'r str),
    Status(Status),
    Purpose(Purpose),
    Online(Period),
    Unknown,
}

/// A row's internal key: up to two slots, the second [`Slot::None`] for one key.
pub(crate) type Key<'r> = [Slot<'r>; 2];

impl Slot<'_> {
    /// The public group, given the key the slot came from (for the bloc's ID).
    pub(crate) fn group(self, key: &GroupKey) -> Group {
        match self {
            Slot::Country(c) => Group::Country(c),
            Slot::Member(member) => Group::Member {
                bloc: match key {
                    GroupKey::HostBloc { bloc, .. } | GroupKey::OperatorBloc { bloc, .. } => {
                        bloc.id().to_owned()
                    }
                    _ => String::new(),
                },
                member,
            },
            Slot::Organisation(id) => Group::Organisation(id.clone()),
            Slot::Part(id) => Group::Part(id.clone()),
            Slot::Family(id) => Group::Family(id.clone()),
            Slot::OneOf(ids) => Group::OneOf(ids.to_vec()),
            Slot::Unlisted(s) => Group::Unlisted(s.to_owned()),
            Slot::Vendor(s) => Group::Vendor(s.to_owned()),
            Slot::Architecture(s) => Group::Architecture(s.to_owned()),
            Slot::Status(s) => Group::Status(s),
            Slot::Purpose(p) => Group::Purpose(p),
            Slot::Online(Period(d)) => Group::Online(d),
            Slot::None | Slot::Unknown => Group::Unknown,
        }
    }
}

/// The country that controls a deployment: [`Sovereignty::operator_country`] when stated,
/// else the headquarters of the first organisation in the [`Role::Operator`] role that has
/// one, else that of the first in the [`Role::Owner`] role; `None` if none of these is known.
///
/// [`Sovereignty::operator_country`]: crate::model::Sovereignty::operator_country
///
/// # Example
/// ```
/// use sovereign_compute::analysis::operator_country;
/// use sovereign_compute::model::{Deployment, Organisation, OrganisationKind, Participation, Role};
/// use sovereign_compute::registry::Registry;
/// use sovereign_compute::Country;
///
/// let registry = Registry::builder()
///     .organisation(
///         Organisation::new("nebius".parse()?, "Nebius", OrganisationKind::CloudProvider)
///             .with_headquarters(Country::NL),
///     )
///     .deployment(
///         Deployment::new("fi-nebius".parse()?, "Nebius Finland", Country::FI)
///             .with_organisation(Participation::new("nebius".parse()?, Role::Operator)),
///     )
///     .build()?;
/// assert_eq!(operator_country(&registry, &registry.deployments()[0]), Some(Country::NL));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn operator_country(registry: &Registry, deployment: &Deployment) -> Option<Country> {
    deployment.sovereignty.operator_country.or_else(|| {
        [Role::Operator, Role::Owner].into_iter().find_map(|role| {
            deployment
                .organisations_in(role)
                .find_map(|id| registry.organisation(id).and_then(|o| o.headquarters))
        })
    })
}

/// A key with what it needs precomputed (a bloc's members on the date).
#[derive(Debug)]
pub(crate) struct PreparedKey<'q> {
    pub(crate) key: &'q GroupKey,
    members: Vec<Country>,
}

impl<'q> PreparedKey<'q> {
    pub(crate) fn new(key: &'q GroupKey) -> Self {
        let members = match key {
            GroupKey::HostBloc { bloc, date } | GroupKey::OperatorBloc { bloc, date } => {
                bloc.members_at(*date)
            }
            _ => Vec::new(),
        };
        Self { key, members }
    }

    /// The deployment's slots for a deployment-level key, each once; `[Unknown]` when it has
    /// none.
    pub(crate) fn deployment_slots<'r>(
        &self,
        registry: &'r Registry,
        d: &'r Deployment,
        out: &mut Vec<Slot<'r>>,
    ) {
        out.clear();
        match self.key {
            GroupKey::HostCountry => out.push(Slot::Country(d.host)),
            GroupKey::OperatorCountry => {
                out.push(operator_country(registry, d).map_or(Slot::Unknown, Slot::Country));
            }
            GroupKey::HostBloc { .. } => out.push(Slot::Member(self.is_member(d.host))),
            GroupKey::OperatorBloc { .. } => out.push(
                operator_country(registry, d)
                    .map_or(Slot::Unknown, |c| Slot::Member(self.is_member(c))),
            ),
            GroupKey::Organisation(role) => out.extend(
                d.organisations
                    .iter()
                    .filter(|p| role.is_none_or(|r| r == p.role))
                    .map(|p| Slot::Organisation(&p.organisation)),
            ),
            GroupKey::Purpose => out.extend(d.purposes.iter().map(|&p| Slot::Purpose(p))),
            _ => out.push(Slot::None),
        }
        if out.is_empty() {
            out.push(Slot::Unknown);
        }
        out.sort_unstable();
        out.dedup();
    }

    fn is_member(&self, country: Country) -> bool {
        self.members.binary_search(&country).is_ok()
    }

    /// The phase's slot for a phase-level key; `None` is a deployment without phases.
    pub(crate) fn phase_slot<'r>(&self, phase: Option<&'r Phase>) -> Slot<'r> {
        let Some(phase) = phase else {
            return Slot::Unknown;
        };
        let online = phase.dates.online;
        match self.key {
            GroupKey::Status => Slot::Status(phase.status),
            GroupKey::OnlineYear => online
                .and_then(|d| PartialDate::year(d.calendar_year()).ok())
                .map_or(Slot::Unknown, |d| Slot::Online(Period(d))),
            GroupKey::OnlineQuarter => online
                .and_then(quarter_of)
                .map_or(Slot::Unknown, |d| Slot::Online(Period(d))),
            _ => Slot::None,
        }
    }

    /// A hardware line's slot for a line-level key.
    pub(crate) fn line_slot<'r, F>(&self, facts: &Facts<'r, F>) -> Slot<'r> {
        match self.key {
            GroupKey::Part => facts.part,
            GroupKey::Vendor => facts.vendor,
            GroupKey::Architecture => facts.architecture,
            _ => Slot::None,
        }
    }
}

/// The quarter a date falls in, or the date itself when it is known only to the half or year.
fn quarter_of(date: PartialDate) -> Option<PartialDate> {
    use chrono::Datelike;
    match date.precision() {
        DatePrecision::Year | DatePrecision::Half => Some(date),
        DatePrecision::Quarter | DatePrecision::Month | DatePrecision::Day => {
            let first = date.earliest();
            PartialDate::quarter(first.year(), first.month0() / 3 + 1).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_keep_coarse_dates_coarse() {
        let q = |s: &str| quarter_of(s.parse().unwrap()).map(|d| d.to_string());
        assert_eq!(q("2026-05-14").as_deref(), Some("2026-Q2"));
        assert_eq!(q("2026-11").as_deref(), Some("2026-Q4"));
        assert_eq!(q("2026-H2").as_deref(), Some("2026-H2"));
        assert_eq!(q("2026").as_deref(), Some("2026"));
    }

    #[test]
    fn groups_sort_by_kind_then_value_with_unknown_last() {
        let mut groups = [
            Group::Unknown,
            Group::Online("2026".parse().unwrap()),
            Group::Online("2026-Q1".parse().unwrap()),
            Group::Country(Country::GB),
            Group::Country(Country::DE),
        ];
        groups.sort();
        let shown: Vec<String> = groups.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["DE", "GB", "2026-Q1", "2026", "unknown"]);
    }
}
