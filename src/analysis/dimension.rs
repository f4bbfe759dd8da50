//! Dimensions: what to group or filter by ([`GroupKey`]) and the groups it yields
//! ([`Group`]).
//!
//! A dimension is defined once, here: the level of a record it reads (deployment, phase or
//! hardware line), the codes it reads from the registry's resolved index, and the group each
//! code stands for. Grouping ([`Query::group_by`](super::Query::group_by)) and filtering
//! ([`Filter::In`](super::Filter::In)) both go through it, so a new dimension is added in this
//! file alone.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;

use crate::catalog::{FamilyId, HardwareRef, PartId};
use crate::model::{Certainty, Deployment, Label, OrganisationId, Purpose, Role, Status};
use crate::registry::Registry;
use crate::registry::index::{DeploymentRow, Index, Kind, NONE};
use crate::{Bloc, Country, PartialDate};

/// What to group by.
///
/// Keys read different levels of a record: the deployment (countries, blocs, organisations,
/// purposes, labels), the phase (status, online date) or the hardware line (part, vendor,
/// architecture). A record with no value for the key falls in [`Group::Unknown`]. Keys that
/// can give one record several groups (organisations, purposes, labels, and the hardware keys for
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
#[non_exhaustive]
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
    /// How certain it is that the phase exists as recorded ([`Certainty`]); every phase has a
    /// grade (confirmed by default), so no phase is in [`Group::Unknown`].
    Certainty,
    /// Each purpose of the deployment.
    Purpose,
    /// Each [`Label`] of the deployment (a deployment without labels is in
    /// [`Group::Unknown`]).
    Label,
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
            | GroupKey::Purpose
            | GroupKey::Label => Level::Deployment,
            GroupKey::Status
            | GroupKey::Certainty
            | GroupKey::OnlineYear
            | GroupKey::OnlineQuarter => Level::Phase,
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
            GroupKey::Certainty => f.write_str("certainty"),
            GroupKey::Purpose => f.write_str("purpose"),
            GroupKey::Label => f.write_str("label"),
            GroupKey::OnlineYear => f.write_str("online year"),
            GroupKey::OnlineQuarter => f.write_str("online quarter"),
        }
    }
}

/// One group of a [`GroupKey`].
///
/// Groups sort by kind, then value: countries by code, statuses in lifecycle order,
/// certainty grades from the most certain, online periods by their earliest then latest day,
/// [`Unknown`](Group::Unknown) last.
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
#[non_exhaustive]
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
    /// A certainty grade.
    Certainty(Certainty),
    /// A purpose.
    Purpose(Purpose),
    /// A label.
    Label(Label),
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
            Group::Certainty(_) => 10,
            Group::Purpose(_) => 11,
            Group::Label(_) => 12,
            Group::Online(_) => 13,
            Group::Unknown => 14,
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
            // The most certain first, as tables read from the firm to the speculative.
            (Group::Certainty(a), Group::Certainty(b)) => b.cmp(a),
            (Group::Purpose(a), Group::Purpose(b)) => a.cmp(b),
            (Group::Label(a), Group::Label(b)) => a.cmp(b),
            (Group::Online(a), Group::Online(b)) => span(a).cmp(&span(b)),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

/// A partial date's days; two different partial dates never have the same span.
fn span(date: &PartialDate) -> (NaiveDate, NaiveDate) {
    (date.earliest(), date.latest())
}

/// Implements `From<$from> for Group` as the variant `$variant`, with an example.
macro_rules! group_from {
    ($($from:ty => $variant:ident, $example:literal;)+) => {$(
        #[doc = concat!("A [`Group::", stringify!($variant), "`], so that a table row can be named by its value ([`Table::row`](super::Table::row)).")]
        ///
        /// # Example
        /// ```
        /// use sovereign_compute::analysis::Group;
        #[doc = concat!("let group: Group = ", $example, ";")]
        #[doc = concat!("assert!(matches!(group, Group::", stringify!($variant), "(_)));")]
        /// # Ok::<(), sovereign_compute::Error>(())
        /// ```
        impl From<$from> for Group {
            fn from(value: $from) -> Self {
                Group::$variant(value)
            }
        }
    )+};
}

group_from! {
    Country => Country, "sovereign_compute::Country::FR.into()";
    Status => Status, "sovereign_compute::model::Status::Operational.into()";
    Purpose => Purpose, "sovereign_compute::model::Purpose::LlmTraining.into()";
    PartialDate => Online, "\"2026-Q1\".parse::<sovereign_compute::PartialDate>()?.into()";
    OrganisationId => Organisation, "\"mistral-ai\".parse::<sovereign_compute::model::OrganisationId>()?.into()";
    PartId => Part, "sovereign_compute::catalog::PartId::from(\"nvidia-b200\").into()";
    FamilyId => Family, "sovereign_compute::catalog::FamilyId::from(\"nvidia-blackwell\").into()";
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
            Group::Certainty(c) => write!(f, "{c}"),
            Group::Purpose(p) => f.write_str(p.tag()),
            Group::Label(l) => write!(f, "{l}"),
            Group::Online(d) => write!(f, "{d}"),
            Group::Unknown => f.write_str("unknown"),
        }
    }
}

/// The country that controls a deployment: [`Sovereignty::operator_country`] when stated,
/// else the headquarters of the first organisation in the [`Role::Operator`] role that has
/// one, else that of the first in the [`Role::Owner`] role; `None` if none of these is known.
/// The same as [`Registry::operator_country`], which works it out once when the registry is
/// built.
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
///         Organisation::new("nebius", "Nebius", OrganisationKind::CloudProvider)
///             .with_headquarters(Country::NL),
///     )
///     .deployment(
///         Deployment::new("fi-nebius", "Nebius Finland", Country::FI)
///             .with_organisation(Participation::new("nebius", Role::Operator)),
///     )
///     .build()?;
/// assert_eq!(operator_country(&registry, &registry.deployments()[0]), Some(Country::NL));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn operator_country(registry: &Registry, deployment: &Deployment) -> Option<Country> {
    registry.operator_country(&deployment.id)
}

/// A group code: a small integer standing for one [`Group`] of a dimension (a country's
/// position, an organisation's position in the registry, a code into one of the index's
/// tables); [`NONE`] is [`Group::Unknown`].
pub(crate) type Code = u32;

/// A row's internal key: the codes of up to two dimensions (the second is [`NONE`] when the
/// query has one), packed in one word so that keys compare and hash as integers.
pub(crate) type Key = u64;

/// The key of two codes.
pub(crate) const fn key(first: Code, second: Code) -> Key {
    ((first as u64) << 32) | second as u64
}

/// Whether two lists of keys are equal, compared one by one: the slice comparison calls
/// `memcmp`, which costs more than the short lists a pass compares for every scope.
#[inline]
pub(crate) fn same_keys(a: &[Key], b: &[Key]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The two codes of a key.
pub(crate) const fn codes(key: Key) -> [Code; 2] {
    [(key >> 32) as Code, key as Code]
}

/// How many codes each key of a query can take (its groups, and unknown): a key's position in
/// a dense table is `first × second_size + second`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeySpace {
    pub(crate) sizes: [usize; 2],
}

impl KeySpace {
    /// Keys past this many positions are hashed instead.
    pub(crate) const DENSE: usize = 1 << 16;

    /// Tallies reserved up front at most: a key space larger than this rarely fills.
    pub(crate) const RESERVE: usize = 64;

    /// The key's position in a dense table, if the space is small enough for one.
    pub(crate) fn position(&self, key: Key) -> Option<usize> {
        let at = |code: u32, size: usize| {
            if code == crate::registry::index::NONE {
                size.checked_sub(1)
            } else {
                Some(code as usize).filter(|&c| c + 1 < size)
            }
        };
        let [a, b] = self.sizes;
        let [first, second] = codes(key);
        Some(at(first, a)? * b + at(second, b)?)
    }

    pub(crate) fn len(&self) -> usize {
        let [a, b] = self.sizes;
        a.saturating_mul(b)
    }
}

/// A [`GroupKey`] prepared against a registry's index: what it needs precomputed (a bloc's
/// members on the date) to read codes and to name groups.
#[derive(Debug, Clone)]
pub(crate) struct Dim {
    pub(crate) key: GroupKey,
    /// For bloc keys: membership by country position.
    members: Vec<bool>,
}

impl Dim {
    pub(crate) fn new(key: GroupKey) -> Self {
        let members = match &key {
            GroupKey::HostBloc { bloc, date } | GroupKey::OperatorBloc { bloc, date } => {
                let mut members = vec![false; Country::all().len()];
                for c in bloc.members_at(*date) {
                    if let Some(m) = members.get_mut(c.position()) {
                        *m = true;
                    }
                }
                members
            }
            _ => Vec::new(),
        };
        Self { key, members }
    }

    pub(crate) fn level(&self) -> Level {
        self.key.level()
    }

    /// How many codes the key can take in this registry, unknown included.
    pub(crate) fn size(&self, registry: &Registry) -> usize {
        let index = registry.index();
        1 + match &self.key {
            GroupKey::HostCountry | GroupKey::OperatorCountry => Country::all().len(),
            GroupKey::HostBloc { .. } | GroupKey::OperatorBloc { .. } => 2,
            GroupKey::Organisation(_) => registry.organisations().len(),
            GroupKey::Purpose => Purpose::ALL.len(),
            GroupKey::Label => index.labels.len(),
            GroupKey::Status => Status::ALL.len(),
            GroupKey::Certainty => Certainty::ALL.len(),
            GroupKey::OnlineYear | GroupKey::OnlineQuarter => index.periods.len(),
            GroupKey::Part => index.parts.len(),
            GroupKey::Vendor => index.vendors.len(),
            GroupKey::Architecture => index.architectures.len(),
        }
    }

    fn membership(&self, country: Option<Country>) -> Code {
        country.map_or(NONE, |c| {
            Code::from(self.members.get(c.position()).copied().unwrap_or(false))
        })
    }

    /// Whether every record has exactly one code for the key, at the key's level (a
    /// country, a bloc membership, a status, an online period): read with
    /// [`single_code`](Self::single_code), without a list.
    pub(crate) fn is_single(&self) -> bool {
        match self.level() {
            Level::Deployment => matches!(
                self.key,
                GroupKey::HostCountry
                    | GroupKey::OperatorCountry
                    | GroupKey::HostBloc { .. }
                    | GroupKey::OperatorBloc { .. }
            ),
            Level::Phase => true,
            Level::Line => false,
        }
    }

    /// The one code of a key that [`is_single`](Self::is_single), for deployment `d` and
    /// phase `p` (`None`: a deployment without phases).
    #[inline]
    pub(crate) fn single_code(&self, index: &Index, d: usize, p: Option<usize>) -> Code {
        match self.level() {
            Level::Deployment => match index.deployments.get(d) {
                Some(row) => self.single_deployment_code(row).unwrap_or(NONE),
                None => NONE,
            },
            Level::Phase => self.phase_code(index, p),
            Level::Line => NONE,
        }
    }

    /// The code of a deployment for a key with one code per deployment.
    #[inline]
    fn single_deployment_code(&self, row: &DeploymentRow) -> Option<Code> {
        Some(match &self.key {
            GroupKey::HostCountry => country_code(row.host),
            GroupKey::OperatorCountry => country_code(row.operator),
            GroupKey::HostBloc { .. } => self.membership(row.host),
            GroupKey::OperatorBloc { .. } => self.membership(row.operator),
            _ => return None,
        })
    }

    /// The codes of deployment `d` for a deployment-level key, each once, into `out`;
    /// `[NONE]` (unknown) when it has none.
    pub(crate) fn deployment_codes(&self, index: &Index, d: usize, out: &mut Vec<Code>) {
        out.clear();
        let Some(row) = index.deployments.get(d) else {
            out.push(NONE);
            return;
        };
        if let Some(code) = self.single_deployment_code(row) {
            out.push(code);
            return;
        }
        match &self.key {
            GroupKey::Organisation(role) => out.extend(
                index
                    .participations_of(d)
                    .iter()
                    .filter(|(_, r)| role.is_none_or(|role| role == *r))
                    .map(|&(org, _)| org),
            ),
            GroupKey::Purpose => out.extend(
                (0..Purpose::ALL.len())
                    .filter(|i| row.purposes & (1 << i) != 0)
                    .map(code),
            ),
            GroupKey::Label => out.extend_from_slice(index.labels_of(d)),
            _ => out.push(NONE),
        }
        if out.is_empty() {
            out.push(NONE);
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }

    /// The code of phase `p` for a phase-level key; `None` is a deployment without phases.
    pub(crate) fn phase_code(&self, index: &Index, p: Option<usize>) -> Code {
        let Some(p) = p else {
            return NONE;
        };
        match self.key {
            GroupKey::Status => index.status.get(p).map_or(NONE, |&s| status_code(s)),
            GroupKey::Certainty => index
                .phases
                .get(p)
                .map_or(NONE, |row| certainty_code(row.certainty)),
            GroupKey::OnlineYear => index.phases.get(p).map_or(NONE, |row| row.year),
            GroupKey::OnlineQuarter => index.phases.get(p).map_or(NONE, |row| row.quarter),
            _ => NONE,
        }
    }

    /// The code of a hardware line's kind for a line-level key.
    pub(crate) fn line_code(&self, kind: Option<&Kind>) -> Code {
        let Some(kind) = kind else {
            return NONE;
        };
        match self.key {
            GroupKey::Part => kind.part,
            GroupKey::Vendor => kind.vendor,
            GroupKey::Architecture => kind.architecture,
            _ => NONE,
        }
    }

    /// The public group a code stands for.
    pub(crate) fn group(&self, registry: &Registry, code: Code) -> Group {
        if code == NONE {
            return Group::Unknown;
        }
        let index = registry.index();
        let at = code as usize;
        let found = match &self.key {
            GroupKey::HostCountry | GroupKey::OperatorCountry => {
                Country::all().nth(at).map(Group::Country)
            }
            GroupKey::HostBloc { bloc, .. } | GroupKey::OperatorBloc { bloc, .. } => {
                Some(Group::Member {
                    bloc: bloc.id().to_owned(),
                    member: code == 1,
                })
            }
            GroupKey::Organisation(_) => registry
                .organisations()
                .get(at)
                .map(|o| Group::Organisation(o.id.clone())),
            GroupKey::Purpose => Purpose::ALL.get(at).map(|&p| Group::Purpose(p)),
            GroupKey::Label => index.labels.get(at).map(|l| Group::Label(l.clone())),
            GroupKey::Status => Status::ALL.get(at).map(|&s| Group::Status(s)),
            GroupKey::Certainty => Certainty::ALL.get(at).map(|&c| Group::Certainty(c)),
            GroupKey::OnlineYear | GroupKey::OnlineQuarter => {
                index.periods.get(at).map(|&d| Group::Online(d))
            }
            GroupKey::Part => index.parts.get(at).map(part_group),
            GroupKey::Vendor => index.vendors.get(at).map(|v| Group::Vendor(v.clone())),
            GroupKey::Architecture => index
                .architectures
                .get(at)
                .map(|a| Group::Architecture(a.clone())),
        };
        found.unwrap_or(Group::Unknown)
    }

    /// The code a public group has under this key, for filters; `None` when the registry has
    /// no such group (so nothing can match it).
    pub(crate) fn code_of(&self, registry: &Registry, group: &Group) -> Option<Code> {
        let index = registry.index();
        let position = |found: Option<usize>| found.and_then(|i| Code::try_from(i).ok());
        match (&self.key, group) {
            (_, Group::Unknown) => Some(NONE),
            (GroupKey::HostCountry | GroupKey::OperatorCountry, Group::Country(c)) => {
                position(Some(c.position()))
            }
            (
                GroupKey::HostBloc { bloc, .. } | GroupKey::OperatorBloc { bloc, .. },
                Group::Member { bloc: id, member },
            ) if bloc.id() == id => Some(Code::from(*member)),
            (GroupKey::Organisation(_), Group::Organisation(id)) => {
                position(registry.organisations().iter().position(|o| &o.id == id))
            }
            (GroupKey::Purpose, Group::Purpose(p)) => {
                position(Purpose::ALL.iter().position(|x| x == p))
            }
            (GroupKey::Label, Group::Label(l)) => {
                position(index.labels.iter().position(|x| x == l))
            }
            (GroupKey::Status, Group::Status(s)) => Some(status_code(*s)),
            (GroupKey::Certainty, Group::Certainty(c)) => Some(certainty_code(*c)),
            (GroupKey::OnlineYear | GroupKey::OnlineQuarter, Group::Online(d)) => {
                position(index.periods.iter().position(|x| x == d))
            }
            (GroupKey::Part, group) => {
                position(index.parts.iter().position(|p| part_group(p) == *group))
            }
            (GroupKey::Vendor, Group::Vendor(v)) => {
                position(index.vendors.iter().position(|x| x == v))
            }
            (GroupKey::Architecture, Group::Architecture(a)) => {
                position(index.architectures.iter().position(|x| x == a))
            }
            _ => None,
        }
    }
}

fn code(i: usize) -> Code {
    Code::try_from(i).unwrap_or(NONE)
}

fn country_code(country: Option<Country>) -> Code {
    country.map_or(NONE, |c| code(c.position()))
}

fn status_code(status: Status) -> Code {
    code(Status::ALL.iter().position(|&s| s == status).unwrap_or(0))
}

fn certainty_code(certainty: Certainty) -> Code {
    code(
        Certainty::ALL
            .iter()
            .position(|&c| c == certainty)
            .unwrap_or(0),
    )
}

/// The group of a part code: the part, family, mix or unlisted name a line counts.
fn part_group(hardware: &HardwareRef) -> Group {
    match hardware {
        HardwareRef::Part(id) => Group::Part(id.clone()),
        HardwareRef::Family(id) => Group::Family(id.clone()),
        HardwareRef::OneOf(ids) => Group::OneOf(ids.clone()),
        HardwareRef::Unlisted(name) | HardwareRef::Named(name) => Group::Unlisted(name.clone()),
        HardwareRef::System(id) => Group::Unlisted(id.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
