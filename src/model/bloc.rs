//! Blocs: named groups of countries with dated, sourced membership.
//!
//! A [`Bloc`] is a list of [`Membership`]s, each one country's period in the bloc: the day it
//! joined, the day it left (if it has), and a short citation of where those dates come from.
//! Membership is a question about a date, never about "now": [`Bloc::is_member`] and
//! [`Bloc::members_at`] take the date, and nothing in this module reads a clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use sovereign_compute::{Bloc, Country};
//!
//! let eu = Bloc::eu();
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(eu.is_member(Country::GB, day(2020, 1, 31)));
//! assert!(!eu.is_member(Country::GB, day(2020, 2, 1)));
//! assert_eq!(eu.members_at(day(2025, 6, 11)).len(), 27);
//! assert!(Bloc::eea().is_member(Country::NO, day(2025, 6, 11)));
//! ```
//!
//! # Dates
//!
//! `joined` is the first day as a member and `left` the **last** day as a member; both ends are
//! inclusive, so a country is a member on `date` when `joined <= date` and, if it has left,
//! `date <= left`. The United Kingdom left the EU at the end of 31 January 2020 (midnight Brussels
//! time, when the withdrawal agreement entered into force on 1 February 2020): its `left` is
//! 2020-01-31, it is a member on that day and not on 2020-02-01. Dates are calendar days without a
//! time zone.
//!
//! # Built-in blocs
//!
//! | id | bloc | what is recorded |
//! | --- | --- | --- |
//! | `eu` | [`Bloc::eu`], European Union | every member since the founding of the European Economic Community on 1958-01-01 (membership of the European Communities before the EU was established in 1993 counts); the United Kingdom 1973-01-01 to 2020-01-31 |
//! | `eea` | [`Bloc::eea`], European Economic Area | EU members and Iceland, Liechtenstein and Norway, from the day the EEA Agreement applied to each: 1994-01-01 for the first parties, Liechtenstein 1995-05-01, the 2004 entrants 2004-05-01, Bulgaria and Romania 2007-08-01, Croatia 2014-04-12 (provisional application counts); the United Kingdom until 2020-01-31 |
//! | `efta` | [`Bloc::efta`], European Free Trade Association | the four current members and the former members, from the Stockholm Convention's entry into force on 1960-05-03 |
//!
//! Simplifications, all deliberate:
//!
//! - the United Kingdom's EEA membership ends on 2020-01-31 with its EU membership; the
//!   withdrawal agreement's transition period, during which EEA and EU law still applied to it
//!   until 2020-12-31, is not membership;
//! - membership is recorded for the member state's own code only: territories with their own ISO
//!   code (Greenland, the Faroe Islands, Åland, Réunion and the other French overseas
//!   departments, ...) are not listed, whatever their status in EU law;
//! - Finland's associate membership of EFTA (1961-1985) is not membership; its full membership
//!   from 1986-01-01 is.
//!
//! `"EU-27"` names the EU's current composition, but [`Bloc::builtin`] maps it to the dated
//! [`Bloc::eu`]: asked about 2019, it answers with 28 members. For a fixed set such as Eurostat's
//! `EU27_2020` aggregate, use [`Bloc::current_members`].
//!
//! # Your own blocs
//!
//! [`Bloc::custom`] starts an empty bloc and [`Bloc::with_member`] adds memberships, checking that
//! each ends after it starts and that no two periods of the same country overlap.
//!
//! # On the wire
//!
//! With the `serde` feature a bloc is written as
//! `{"id": "eu", "name": "European Union", "memberships": [{"country": "FR", "joined":
//! "1958-01-01", "source": "..."}, ...]}`, with `"left"` only where the country has left. Dates
//! are ISO 8601 calendar dates and countries upper-case alpha-2 codes. Reading checks what
//! [`Bloc::with_member`] checks, and rejects unknown fields (a misspelt `"left"` would otherwise
//! make a membership open-ended).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::country::Country;
use crate::text::{check_text, is_space, unexpected_at};

/// One country's period of membership in a bloc, with its source.
///
/// Made by [`Bloc::with_member`] (or read from JSON) and read through [`Bloc::memberships`].
/// `joined` and `left` are both days of membership (see the [module docs](self#dates)).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::{Bloc, Country};
///
/// let eu = Bloc::eu();
/// let uk = eu.memberships_of(Country::GB).next().unwrap();
/// assert_eq!(uk.joined(), NaiveDate::from_ymd_opt(1973, 1, 1).unwrap());
/// assert_eq!(uk.left(), NaiveDate::from_ymd_opt(2020, 1, 31));
/// assert!(uk.source().contains("https://"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MembershipRecord")
)]
pub struct Membership {
    country: Country,
    joined: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    left: Option<NaiveDate>,
    source: String,
}

impl Membership {
    /// The member country.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// assert!(Bloc::efta().memberships().iter().any(|m| m.country() == Country::CH));
    /// ```
    pub fn country(&self) -> Country {
        self.country
    }

    /// The first day of membership.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let hr = Bloc::eu().memberships_of(Country::HR).next().unwrap().joined();
    /// assert_eq!(hr, NaiveDate::from_ymd_opt(2013, 7, 1).unwrap());
    /// ```
    pub fn joined(&self) -> NaiveDate {
        self.joined
    }

    /// The last day of membership, or `None` while the country is a member.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let fr = Bloc::eu().memberships_of(Country::FR).next().unwrap().left();
    /// assert_eq!(fr, None);
    /// ```
    pub fn left(&self) -> Option<NaiveDate> {
        self.left
    }

    /// Where the dates come from: a short citation with a URL.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let source = Bloc::eu().memberships_of(Country::DE).next().unwrap().source().to_owned();
    /// assert!(source.contains("european-union.europa.eu"));
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether `date` falls within this membership, both ends included.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let eu = Bloc::eu();
    /// let uk = eu.memberships_of(Country::GB).next().unwrap();
    /// assert!(uk.covers(NaiveDate::from_ymd_opt(2020, 1, 31).unwrap()));
    /// assert!(!uk.covers(NaiveDate::from_ymd_opt(2020, 2, 1).unwrap()));
    /// ```
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.joined <= date && self.left.is_none_or(|left| date <= left)
    }

    fn overlaps(&self, other: &Membership) -> bool {
        self.left.is_none_or(|left| other.joined <= left)
            && other.left.is_none_or(|left| self.joined <= left)
    }

    fn period(&self) -> String {
        match self.left {
            Some(left) => format!("{} to {}", self.joined, left),
            None => format!("{} onwards", self.joined),
        }
    }

    /// Why this membership is inconsistent on its own, if it is.
    fn problem(&self) -> Option<String> {
        match self.left {
            Some(left) if left <= self.joined => Some(format!(
                "membership of {} leaves on {left}, not after it joins on {}: `left` is the last \
                 day as a member and must come after `joined`",
                self.country, self.joined
            )),
            _ => None,
        }
    }
}

/// A named group of countries with dated, sourced membership: the EU, the EEA, EFTA, or your own.
///
/// See the [module docs](self) for the date rules, the built-in data and its simplifications.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::{Bloc, Country};
///
/// let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap();
/// let efta: Bloc = "EFTA".parse()?;
/// assert_eq!(
///     efta.members_at(day),
///     [Country::CH, Country::IS, Country::LI, Country::NO]
/// );
/// assert!(!Bloc::eea().is_member(Country::CH, day));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "BlocRecord")
)]
pub struct Bloc {
    id: String,
    name: String,
    memberships: Vec<Membership>,
}

impl Bloc {
    /// The European Union (id `"eu"`): 27 members, and the United Kingdom from 1973-01-01 to
    /// 2020-01-31.
    ///
    /// Membership of the European Communities before 1993 counts, from the founding of the
    /// European Economic Community on 1958-01-01. Source: the EU's "EU countries" page, and the
    /// withdrawal agreement for the United Kingdom.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let eu = Bloc::eu();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(eu.members_at(day(1958, 1, 1)).len(), 6);
    /// assert_eq!(eu.members_at(day(2020, 1, 31)).len(), 28);
    /// assert_eq!(eu.members_at(day(2025, 6, 11)).len(), 27);
    /// assert!(!eu.is_member(Country::HR, day(2013, 6, 30)));
    /// assert!(eu.is_member(Country::HR, day(2013, 7, 1)));
    /// ```
    pub fn eu() -> Self {
        Self::from_seats("eu", "European Union", EU)
    }

    /// The European Economic Area (id `"eea"`): the EU members and Iceland, Liechtenstein and
    /// Norway, each from the day the EEA Agreement applied to it.
    ///
    /// Switzerland is in EFTA but not in the EEA. The United Kingdom's membership ends on
    /// 2020-01-31 with its EU membership (the transition period is not counted).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let eea = Bloc::eea();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(eea.members_at(day(2025, 6, 11)).len(), 30);
    /// assert!(eea.is_member(Country::NO, day(1994, 1, 1)));
    /// assert!(!eea.is_member(Country::LI, day(1995, 4, 30)));
    /// assert!(!eea.is_member(Country::CH, day(2025, 6, 11)));
    /// ```
    pub fn eea() -> Self {
        Self::from_seats("eea", "European Economic Area", EEA)
    }

    /// The European Free Trade Association (id `"efta"`): Iceland, Liechtenstein, Norway and
    /// Switzerland, and its former members (Austria, Denmark, Finland, Portugal, Sweden, the
    /// United Kingdom) until the last day before each joined the European Communities or the EU.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let efta = Bloc::efta();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(efta.members_at(day(1960, 5, 3)).len(), 7);
    /// assert!(efta.is_member(Country::GB, day(1972, 12, 31)));
    /// assert!(!efta.is_member(Country::GB, day(1973, 1, 1)));
    /// assert_eq!(efta.current_members(), [Country::CH, Country::IS, Country::LI, Country::NO]);
    /// ```
    pub fn efta() -> Self {
        Self::from_seats("efta", "European Free Trade Association", EFTA)
    }

    /// The built-in bloc with this id or name, if there is one.
    ///
    /// Accepts `"eu"`, `"EU-27"`, `"European Union"`, `"eea"`, `"European Economic Area"`,
    /// `"efta"` and `"European Free Trade Association"`, ignoring case, white space around the
    /// name, spaces between words, and a hyphen or underscore between two letters or digits.
    /// `"EU-27"` gives the dated [`Bloc::eu`] (see the [module docs](self)). Any other character
    /// (`"EU!"`, a zero-width space, a trailing hyphen) gives `None`; [`FromStr`] says which
    /// character and where.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Bloc;
    ///
    /// assert_eq!(Bloc::builtin("EU-27"), Some(Bloc::eu()));
    /// assert_eq!(Bloc::builtin("eea").map(|b| b.id().to_owned()), Some("eea".to_owned()));
    /// assert_eq!(Bloc::builtin("NATO"), None);
    /// ```
    pub fn builtin(id: &str) -> Option<Self> {
        Self::builtin_key(&builtin_key(id).ok()?)
    }

    /// The built-in bloc for a key made by [`builtin_key`].
    fn builtin_key(key: &str) -> Option<Self> {
        match key {
            "eu" | "eu27" | "europeanunion" => Some(Self::eu()),
            "eea" | "europeaneconomicarea" => Some(Self::eea()),
            "efta" | "europeanfreetradeassociation" => Some(Self::efta()),
            _ => None,
        }
    }

    /// Starts a bloc of your own, with no members yet; add them with [`Bloc::with_member`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let partners = Bloc::custom("partners", "Research partners").with_member(
    ///     Country::DK,
    ///     NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
    ///     None,
    ///     "board minutes of 2024-02-15",
    /// )?;
    /// assert_eq!(partners.id(), "partners");
    /// assert_eq!(partners.memberships().len(), 1);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn custom(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            memberships: Vec::new(),
        }
    }

    /// Adds a membership: `country` is a member from `joined` to `left` (both days included;
    /// `None` while it is a member), according to `source`.
    ///
    /// A country may have several memberships (it left and came back), as long as they do not
    /// overlap.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidBloc`] naming this bloc's id, when `left` is not after `joined`, or when
    /// the new period overlaps (shares at least one day with) another membership of the same
    /// country.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country, Error};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let bloc = Bloc::custom("club", "Club")
    ///     .with_member(Country::FR, day(2000, 1, 1), Some(day(2009, 12, 31)), "minutes 1999")?
    ///     .with_member(Country::FR, day(2015, 1, 1), None, "minutes 2014")?;
    /// assert!(!bloc.is_member(Country::FR, day(2012, 1, 1)));
    /// assert!(bloc.is_member(Country::FR, day(2020, 1, 1)));
    ///
    /// let overlap = bloc.with_member(Country::FR, day(2020, 1, 1), None, "minutes 2019");
    /// assert!(matches!(overlap, Err(Error::InvalidBloc { .. })));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_member(
        mut self,
        country: Country,
        joined: NaiveDate,
        left: Option<NaiveDate>,
        source: impl Into<String>,
    ) -> Result<Self> {
        self.add(Membership {
            country,
            joined,
            left,
            source: source.into(),
        })?;
        Ok(self)
    }

    /// The short id: `"eu"`, `"eea"`, `"efta"`, or the one given to [`Bloc::custom`].
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Bloc;
    ///
    /// assert_eq!(Bloc::eu().id(), "eu");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The full English name: `"European Union"`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Bloc;
    ///
    /// assert_eq!(Bloc::efta().name(), "European Free Trade Association");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether `country` is a member on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap();
    /// assert!(Bloc::eu().is_member(Country::FR, day));
    /// assert!(!Bloc::eu().is_member(Country::NO, day));
    /// ```
    pub fn is_member(&self, country: Country, date: NaiveDate) -> bool {
        self.memberships_of(country).any(|m| m.covers(date))
    }

    /// The members on `date`, sorted by alpha-2 code, each once.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let founders = Bloc::eu().members_at(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap());
    /// assert_eq!(
    ///     founders,
    ///     [Country::BE, Country::DE, Country::FR, Country::IT, Country::LU, Country::NL]
    /// );
    /// ```
    pub fn members_at(&self, date: NaiveDate) -> Vec<Country> {
        self.sorted_countries(|m| m.covers(date))
    }

    /// The members according to the data: the countries with a membership that has no end date,
    /// sorted by alpha-2 code.
    ///
    /// This reads no clock: it is as current as the data (the built-in blocs were checked in
    /// June 2025). A membership with a recorded end date in the future is not counted here; ask
    /// [`Bloc::members_at`] with the date you mean.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// let eu = Bloc::eu().current_members();
    /// assert_eq!(eu.len(), 27);
    /// assert!(!eu.contains(&Country::GB));
    /// ```
    pub fn current_members(&self) -> Vec<Country> {
        self.sorted_countries(|m| m.left.is_none())
    }

    /// All memberships, in the order they were added.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::Bloc;
    ///
    /// // 27 members and the United Kingdom.
    /// assert_eq!(Bloc::eu().memberships().len(), 28);
    /// ```
    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    /// The memberships of one country, in the order they were added.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{Bloc, Country};
    ///
    /// assert_eq!(Bloc::efta().memberships_of(Country::GB).count(), 1);
    /// assert_eq!(Bloc::eu().memberships_of(Country::CH).count(), 0);
    /// ```
    pub fn memberships_of(&self, country: Country) -> impl Iterator<Item = &Membership> {
        self.memberships
            .iter()
            .filter(move |m| m.country == country)
    }

    fn sorted_countries(&self, keep: impl Fn(&Membership) -> bool) -> Vec<Country> {
        let mut countries: Vec<Country> = self
            .memberships
            .iter()
            .filter(|m| keep(m))
            .map(|m| m.country)
            .collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }

    fn add(&mut self, membership: Membership) -> Result<()> {
        if let Some(reason) = membership.problem() {
            return Err(self.invalid(reason));
        }
        if let Some(other) = self
            .memberships_of(membership.country)
            .find(|other| other.overlaps(&membership))
        {
            let reason = format!(
                "memberships of {} overlap ({} and {}): a country holds one membership at a time",
                membership.country,
                other.period(),
                membership.period()
            );
            return Err(self.invalid(reason));
        }
        self.memberships.push(membership);
        Ok(())
    }

    fn invalid(&self, reason: String) -> Error {
        Error::InvalidBloc {
            bloc: self.id.clone(),
            reason,
        }
    }

    fn from_seats(id: &str, name: &str, seats: &[Seat]) -> Self {
        // The built-in tables are checked by the tests (`builtin_blocs_are_valid`), so they are
        // taken as they are.
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            memberships: seats
                .iter()
                .map(|seat| Membership {
                    country: seat.country,
                    joined: seat.joined,
                    left: seat.left,
                    source: seat.source.to_owned(),
                })
                .collect(),
        }
    }
}

/// Writes the bloc's [`id`](Bloc::id) (`"eu"`), which [`FromStr`] reads back for the built-in
/// blocs; a custom bloc's ID names no built-in bloc and does not parse.
///
/// # Example
///
/// ```
/// use sovereign_compute::Bloc;
///
/// assert_eq!(Bloc::eea().to_string(), "eea");
/// assert_eq!(Bloc::eea().to_string().parse::<Bloc>()?, Bloc::eea());
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
impl fmt::Display for Bloc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl FromStr for Bloc {
    type Err = Error;

    /// Same as [`Bloc::builtin`], with an error for names that are not built in.
    ///
    /// # Errors
    ///
    /// [`Error::UnexpectedCharacter`] for a character outside ASCII letters, digits, spaces,
    /// and `-` or `_` between two letters or digits; [`Error::InvalidBloc`] with the input when
    /// it names no built-in bloc.
    fn from_str(input: &str) -> Result<Self> {
        Self::builtin_key(&builtin_key(input)?).ok_or_else(|| Error::InvalidBloc {
            bloc: input.to_owned(),
            reason: "not a built-in bloc: use \"eu\" (or \"EU-27\"), \"eea\" or \"efta\", or \
                     build your own with Bloc::custom"
                .to_owned(),
        })
    }
}

/// What [`Bloc::builtin`] reads, for [`Error::UnexpectedCharacter`].
const EXPECTED: &str =
    "a built-in bloc: \"eu\" (or \"EU-27\", \"European Union\"), \"eea\" or \"efta\"";

/// The lower-case letters and digits of a bloc name ("EU-27" is "eu27"), after checking that
/// every character is read: ASCII letters and digits, spaces, and `-` or `_` between two
/// letters or digits.
fn builtin_key(input: &str) -> Result<String> {
    let text = check_text(
        input,
        |c| c.is_ascii_alphanumeric() || is_space(c) || matches!(c, '-' | '_'),
        EXPECTED,
    )?;
    let joins = |a: Option<char>| a.is_some_and(|c| c.is_ascii_alphanumeric());
    for (byte, c) in text.char_indices() {
        if matches!(c, '-' | '_')
            && !(joins(text[..byte].chars().next_back()) && joins(text[byte + 1..].chars().next()))
        {
            let lead = input.len() - input.trim_start().len();
            return Err(unexpected_at(input, lead + byte, EXPECTED));
        }
    }
    Ok(text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect())
}

/// The wire form of a membership, checked on its way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MembershipRecord {
    country: Country,
    joined: NaiveDate,
    #[serde(default)]
    left: Option<NaiveDate>,
    source: String,
}

#[cfg(feature = "serde")]
impl TryFrom<MembershipRecord> for Membership {
    type Error = String;

    fn try_from(record: MembershipRecord) -> std::result::Result<Self, String> {
        let membership = Membership {
            country: record.country,
            joined: record.joined,
            left: record.left,
            source: record.source,
        };
        match membership.problem() {
            Some(problem) => Err(problem),
            None => Ok(membership),
        }
    }
}

/// The wire form of a bloc, checked on its way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BlocRecord {
    id: String,
    name: String,
    #[serde(default)]
    memberships: Vec<Membership>,
}

#[cfg(feature = "serde")]
impl TryFrom<BlocRecord> for Bloc {
    type Error = Error;

    fn try_from(record: BlocRecord) -> Result<Self> {
        let mut bloc = Bloc::custom(record.id, record.name);
        for membership in record.memberships {
            bloc.add(membership)?;
        }
        Ok(bloc)
    }
}

/// One row of a built-in membership table.
struct Seat {
    country: Country,
    joined: NaiveDate,
    left: Option<NaiveDate>,
    source: &'static str,
}

/// A calendar date for the built-in tables; an invalid one fails the build, not the program.
const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in a built-in bloc table"),
    }
}

const fn member(country: Country, joined: NaiveDate, source: &'static str) -> Seat {
    Seat {
        country,
        joined,
        left: None,
        source,
    }
}

const fn former(
    country: Country,
    joined: NaiveDate,
    left: NaiveDate,
    source: &'static str,
) -> Seat {
    Seat {
        country,
        joined,
        left: Some(left),
        source,
    }
}

const EU_COUNTRIES: &str = "European Union, \"EU countries\" (year of entry of each member \
     country), https://european-union.europa.eu/principles-countries-history/eu-countries_en";

const EU_UK: &str = "European Union, \"EU countries\" (the United Kingdom joined on 1 January \
     1973 and left on 31 January 2020), \
     https://european-union.europa.eu/principles-countries-history/eu-countries_en; Agreement on \
     the withdrawal of the United Kingdom of Great Britain and Northern Ireland from the European \
     Union and the European Atomic Energy Community, OJ L 29, 31.1.2020, p. 7 (in force \
     1 February 2020), https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12020W/TXT";

const EU: &[Seat] = &[
    member(Country::BE, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::DE, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::FR, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::IT, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::LU, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::NL, day(1958, 1, 1), EU_COUNTRIES),
    member(Country::DK, day(1973, 1, 1), EU_COUNTRIES),
    member(Country::IE, day(1973, 1, 1), EU_COUNTRIES),
    former(Country::GB, day(1973, 1, 1), day(2020, 1, 31), EU_UK),
    member(Country::GR, day(1981, 1, 1), EU_COUNTRIES),
    member(Country::ES, day(1986, 1, 1), EU_COUNTRIES),
    member(Country::PT, day(1986, 1, 1), EU_COUNTRIES),
    member(Country::AT, day(1995, 1, 1), EU_COUNTRIES),
    member(Country::FI, day(1995, 1, 1), EU_COUNTRIES),
    member(Country::SE, day(1995, 1, 1), EU_COUNTRIES),
    member(Country::CY, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::CZ, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::EE, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::HU, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::LV, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::LT, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::MT, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::PL, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::SK, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::SI, day(2004, 5, 1), EU_COUNTRIES),
    member(Country::BG, day(2007, 1, 1), EU_COUNTRIES),
    member(Country::RO, day(2007, 1, 1), EU_COUNTRIES),
    member(Country::HR, day(2013, 7, 1), EU_COUNTRIES),
];

const EEA_1994: &str = "EFTA, \"Liechtenstein celebrates 25 years of EEA membership\" (the EEA \
     Agreement entered into force on 1 January 1994), \
     https://www.efta.int/EEA/news/Liechtenstein-celebrates-25-years-EEA-membership-517806";

const EEA_LI: &str = "EFTA, \"Liechtenstein celebrates 25 years of EEA membership\" \
     (Liechtenstein became a member of the EEA on 1 May 1995), \
     https://www.efta.int/EEA/news/Liechtenstein-celebrates-25-years-EEA-membership-517806";

const EEA_UK: &str = "EFTA, \"Liechtenstein celebrates 25 years of EEA membership\" (the EEA \
     Agreement entered into force on 1 January 1994), \
     https://www.efta.int/EEA/news/Liechtenstein-celebrates-25-years-EEA-membership-517806; \
     Liechtenstein National Administration, \"EEA Agreement\" (with its withdrawal from the EU the \
     United Kingdom also leaves the EEA; the withdrawal agreement entered into force on \
     1 February 2020), https://www.llv.li/en/national-administration/eea-coordination-unit/\
     things-to-know/general-eea-information/eea-agreement";

const EEA_2004: &str = "Council Decision 2004/368/EC of 30 March 2004 on the provisional \
     application, from 1 May 2004, of the Agreement on the participation of the Czech Republic, \
     Estonia, Cyprus, Hungary, Latvia, Lithuania, Malta, Poland, Slovenia and Slovakia in the \
     EEA, OJ L 130, 29.4.2004, p. 1, \
     https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=OJ:JOL_2004_130_R_0001_01";

const EEA_2007: &str = "Agreement on the participation of the Republic of Bulgaria and Romania \
     in the European Economic Area, OJ L 221, 25.8.2007, p. 15, provisionally applied from \
     1 August 2007 (Council Decision 2007/566/EC), \
     http://data.europa.eu/eli/agree_internation/2007/566(4)/oj";

const EEA_2014: &str = "EFTA, \"EEA Enlargement\" (the EEA Enlargement Agreement with Croatia \
     is provisionally applicable as of 12 April 2014), \
     https://www.efta.int/legal-texts/eea-enlargement";

const EEA: &[Seat] = &[
    member(Country::AT, day(1994, 1, 1), EEA_1994),
    member(Country::BE, day(1994, 1, 1), EEA_1994),
    member(Country::DE, day(1994, 1, 1), EEA_1994),
    member(Country::DK, day(1994, 1, 1), EEA_1994),
    member(Country::ES, day(1994, 1, 1), EEA_1994),
    member(Country::FI, day(1994, 1, 1), EEA_1994),
    member(Country::FR, day(1994, 1, 1), EEA_1994),
    former(Country::GB, day(1994, 1, 1), day(2020, 1, 31), EEA_UK),
    member(Country::GR, day(1994, 1, 1), EEA_1994),
    member(Country::IE, day(1994, 1, 1), EEA_1994),
    member(Country::IS, day(1994, 1, 1), EEA_1994),
    member(Country::IT, day(1994, 1, 1), EEA_1994),
    member(Country::LU, day(1994, 1, 1), EEA_1994),
    member(Country::NL, day(1994, 1, 1), EEA_1994),
    member(Country::NO, day(1994, 1, 1), EEA_1994),
    member(Country::PT, day(1994, 1, 1), EEA_1994),
    member(Country::SE, day(1994, 1, 1), EEA_1994),
    member(Country::LI, day(1995, 5, 1), EEA_LI),
    member(Country::CY, day(2004, 5, 1), EEA_2004),
    member(Country::CZ, day(2004, 5, 1), EEA_2004),
    member(Country::EE, day(2004, 5, 1), EEA_2004),
    member(Country::HU, day(2004, 5, 1), EEA_2004),
    member(Country::LT, day(2004, 5, 1), EEA_2004),
    member(Country::LV, day(2004, 5, 1), EEA_2004),
    member(Country::MT, day(2004, 5, 1), EEA_2004),
    member(Country::PL, day(2004, 5, 1), EEA_2004),
    member(Country::SI, day(2004, 5, 1), EEA_2004),
    member(Country::SK, day(2004, 5, 1), EEA_2004),
    member(Country::BG, day(2007, 8, 1), EEA_2007),
    member(Country::RO, day(2007, 8, 1), EEA_2007),
    member(Country::HR, day(2014, 4, 12), EEA_2014),
];

const EFTA_1960: &str = "Government of Iceland, \"The European Free Trade Association's \
     (EFTA's) 50th Anniversary\" (the EFTA Convention went into effect on 3 May 1960; founding \
     members Austria, Denmark, Norway, Portugal, Sweden, Switzerland and the United Kingdom; \
     Iceland became a member on 1 March 1970), \
     https://government.is/news/article/?NewsId=260b956e-fb94-11e7-9423-005056bc4d74";

const EFTA_LI: &str = "Liechtenstein Marketing, \"Two economic areas\" (full membership of EFTA \
     in 1991; the day used here is 1 September 1991), \
     https://www.liechtenstein-business.li/en/economic-area/Location-advantages/Two-markets";

const EFTA_LEFT: &str = "Government of Iceland, \"The European Free Trade Association's \
     (EFTA's) 50th Anniversary\" (founding member from 3 May 1960), \
     https://government.is/news/article/?NewsId=260b956e-fb94-11e7-9423-005056bc4d74; \
     Austria-Forum, AEIOU, \"European Free Trade Association\" (the UK and Denmark left EFTA for \
     the European Community in 1973, Portugal in 1986; Austria, Sweden and Finland left on \
     1 January 1995 to join the EU), \
     http://austria-forum.org/af/AEIOU/Europ%C3%A4ische_Freihandelsassoziation/\
     Europ%C3%A4ische_Freihandelsassoziation_english; last day before EU entry as given by \
     https://european-union.europa.eu/principles-countries-history/eu-countries_en";

const EFTA_FI: &str = "Austria-Forum, AEIOU, \"European Free Trade Association\" (Finland \
     acceded after the founding and left on 1 January 1995 to join the EU; the day of its full \
     membership, 1 January 1986, is from secondary sources; its associate membership from 1961 \
     is not counted), \
     http://austria-forum.org/af/AEIOU/Europ%C3%A4ische_Freihandelsassoziation/\
     Europ%C3%A4ische_Freihandelsassoziation_english";

const EFTA: &[Seat] = &[
    member(Country::CH, day(1960, 5, 3), EFTA_1960),
    member(Country::NO, day(1960, 5, 3), EFTA_1960),
    member(Country::IS, day(1970, 3, 1), EFTA_1960),
    member(Country::LI, day(1991, 9, 1), EFTA_LI),
    former(Country::AT, day(1960, 5, 3), day(1994, 12, 31), EFTA_LEFT),
    former(Country::DK, day(1960, 5, 3), day(1972, 12, 31), EFTA_LEFT),
    former(Country::GB, day(1960, 5, 3), day(1972, 12, 31), EFTA_LEFT),
    former(Country::PT, day(1960, 5, 3), day(1985, 12, 31), EFTA_LEFT),
    former(Country::SE, day(1960, 5, 3), day(1994, 12, 31), EFTA_LEFT),
    former(Country::FI, day(1986, 1, 1), day(1994, 12, 31), EFTA_FI),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, d).unwrap()
    }

    const EU_27: [Country; 27] = [
        Country::AT,
        Country::BE,
        Country::BG,
        Country::CY,
        Country::CZ,
        Country::DE,
        Country::DK,
        Country::EE,
        Country::ES,
        Country::FI,
        Country::FR,
        Country::GR,
        Country::HR,
        Country::HU,
        Country::IE,
        Country::IT,
        Country::LT,
        Country::LU,
        Country::LV,
        Country::MT,
        Country::NL,
        Country::PL,
        Country::PT,
        Country::RO,
        Country::SE,
        Country::SI,
        Country::SK,
    ];

    #[test]
    fn builtin_blocs_are_valid() {
        for bloc in [Bloc::eu(), Bloc::eea(), Bloc::efta()] {
            let mut rebuilt = Bloc::custom(bloc.id(), bloc.name());
            for m in bloc.memberships() {
                assert!(m.source().contains("https://") || m.source().contains("http://"));
                rebuilt = rebuilt
                    .with_member(m.country(), m.joined(), m.left(), m.source())
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            assert_eq!(rebuilt, bloc);
        }
    }

    #[test]
    fn eu_membership_over_time() {
        let eu = Bloc::eu();
        assert_eq!(eu.members_at(day(2025, 6, 11)), EU_27);
        assert_eq!(eu.current_members(), EU_27);
        let mut with_uk = EU_27.to_vec();
        with_uk.push(Country::GB);
        with_uk.sort();
        assert_eq!(eu.members_at(day(2020, 1, 31)), with_uk);
        assert_eq!(eu.members_at(day(2020, 2, 1)), EU_27);
        assert!(!eu.is_member(Country::GB, day(2025, 6, 11)));
        assert!(eu.is_member(Country::GB, day(1973, 1, 1)));
        assert!(!eu.is_member(Country::GB, day(1972, 12, 31)));
        assert_eq!(eu.members_at(day(1957, 12, 31)), []);
        let counts = [
            (day(1958, 1, 1), 6),
            (day(1973, 1, 1), 9),
            (day(1981, 1, 1), 10),
            (day(1986, 1, 1), 12),
            (day(1995, 1, 1), 15),
            (day(2004, 5, 1), 25),
            (day(2007, 1, 1), 27),
            (day(2013, 6, 30), 27),
            (day(2013, 7, 1), 28),
        ];
        for (date, count) in counts {
            assert_eq!(eu.members_at(date).len(), count, "{date}");
        }
        assert!(!eu.is_member(Country::NO, day(2025, 6, 11)));
        assert!(!eu.is_member(Country::CH, day(2025, 6, 11)));
    }

    #[test]
    fn eea_membership_over_time() {
        let eea = Bloc::eea();
        let today = day(2025, 6, 11);
        let mut expected = EU_27.to_vec();
        expected.extend([Country::IS, Country::LI, Country::NO]);
        expected.sort();
        assert_eq!(eea.members_at(today), expected);
        assert!(eea.is_member(Country::NO, today));
        assert!(!Bloc::eu().is_member(Country::NO, today));
        assert!(!eea.is_member(Country::CH, today));
        assert!(eea.is_member(Country::GB, day(2020, 1, 31)));
        assert!(!eea.is_member(Country::GB, day(2020, 2, 1)));
        assert_eq!(eea.members_at(day(1994, 1, 1)).len(), 17);
        assert!(!eea.is_member(Country::LI, day(1995, 4, 30)));
        assert!(eea.is_member(Country::LI, day(1995, 5, 1)));
        assert!(!eea.is_member(Country::BG, day(2007, 7, 31)));
        assert!(eea.is_member(Country::BG, day(2007, 8, 1)));
        assert!(!eea.is_member(Country::HR, day(2014, 4, 11)));
        assert!(eea.is_member(Country::HR, day(2014, 4, 12)));
        // Every EU member is in the EEA once the enlargement agreements apply.
        for country in Bloc::eu().members_at(today) {
            assert!(eea.is_member(country, today), "{country}");
        }
    }

    #[test]
    fn efta_membership_over_time() {
        let efta = Bloc::efta();
        let today = day(2025, 6, 11);
        let current = [Country::CH, Country::IS, Country::LI, Country::NO];
        assert_eq!(efta.members_at(today), current);
        assert_eq!(efta.current_members(), current);
        assert!(efta.is_member(Country::CH, today));
        assert!(!Bloc::eea().is_member(Country::CH, today));
        assert_eq!(efta.members_at(day(1960, 5, 2)), []);
        assert_eq!(efta.members_at(day(1960, 5, 3)).len(), 7);
        assert_eq!(efta.members_at(day(1990, 1, 1)).len(), 6);
        assert_eq!(efta.members_at(day(1994, 12, 31)).len(), 7);
        assert_eq!(efta.members_at(day(1995, 1, 1)).len(), 4);
        // A former member leaves EFTA the day before it enters the EC/EU.
        let eu = Bloc::eu();
        for m in efta.memberships() {
            if let Some(left) = m.left() {
                let next = left.succ_opt().unwrap();
                assert!(eu.is_member(m.country(), next), "{}", m.country());
                assert!(!eu.is_member(m.country(), left), "{}", m.country());
            }
        }
    }

    #[test]
    fn builtin_names() {
        for (input, id) in [
            ("EU", "eu"),
            ("eu", "eu"),
            ("EU-27", "eu"),
            ("EU27", "eu"),
            (" European Union ", "eu"),
            ("EEA", "eea"),
            ("European Economic Area", "eea"),
            ("EFTA", "efta"),
            ("european_free_trade_association", "efta"),
        ] {
            assert_eq!(
                Bloc::builtin(input).map(|b| b.id().to_owned()),
                Some(id.to_owned())
            );
            assert_eq!(input.parse::<Bloc>().unwrap().id(), id);
        }
        for input in ["", "EU-28", "NATO", "G7", "Europe"] {
            assert_eq!(Bloc::builtin(input), None);
            assert!(matches!(
                input.parse::<Bloc>(),
                Err(Error::InvalidBloc { bloc, .. }) if bloc == input
            ));
        }
        for (input, character, position) in [
            ("EU\0", '\0', 2),
            ("\0EU", '\0', 0),
            ("EU\u{200b}", '\u{200b}', 2),
            ("EU\0\0", '\0', 2),
            ("EU!!!", '!', 2),
            ("E\u{ad}U", '\u{ad}', 1),
            ("EU-", '-', 2),
            ("-EU", '-', 0),
            (" EU--27", '-', 3),
            ("EU -27", '-', 3),
            ("European\tUnion", '\t', 8),
            ("EU.", '.', 2),
        ] {
            assert_eq!(Bloc::builtin(input), None, "{input:?}");
            assert_eq!(
                input.parse::<Bloc>(),
                Err(Error::UnexpectedCharacter {
                    input: input.to_owned(),
                    character,
                    position,
                    expected: EXPECTED,
                }),
                "{input:?}"
            );
        }
        assert_eq!(Bloc::builtin("European\u{a0}Union"), Some(Bloc::eu()));
        let err = "NATO".parse::<Bloc>().unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid bloc \"NATO\": not a built-in bloc: use \"eu\" (or \"EU-27\"), \"eea\" or \
             \"efta\", or build your own with Bloc::custom"
        );
    }

    #[test]
    fn custom_bloc_validation() {
        let bloc = Bloc::custom("club", "Club");
        let err = bloc
            .clone()
            .with_member(Country::FR, day(2020, 1, 1), Some(day(2019, 1, 1)), "s")
            .unwrap_err();
        assert_eq!(
            err,
            Error::InvalidBloc {
                bloc: "club".to_owned(),
                reason: "membership of FR leaves on 2019-01-01, not after it joins on \
                         2020-01-01: `left` is the last day as a member and must come after \
                         `joined`"
                    .to_owned(),
            }
        );
        // Same day: rejected, `left` must be after `joined`.
        assert!(
            bloc.clone()
                .with_member(Country::FR, day(2020, 1, 1), Some(day(2020, 1, 1)), "s")
                .is_err()
        );

        let with_fr = bloc
            .clone()
            .with_member(Country::FR, day(2000, 1, 1), Some(day(2009, 12, 31)), "s")
            .unwrap();
        // Rejoining the day after leaving is fine; rejoining on the last day overlaps.
        assert!(
            with_fr
                .clone()
                .with_member(Country::FR, day(2010, 1, 1), None, "s")
                .is_ok()
        );
        let err = with_fr
            .clone()
            .with_member(Country::FR, day(2009, 12, 31), None, "s")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid bloc \"club\": memberships of FR overlap (2000-01-01 to 2009-12-31 and \
             2009-12-31 onwards): a country holds one membership at a time"
        );
        // An open-ended membership overlaps anything later; a period inside another overlaps.
        assert!(
            with_fr
                .clone()
                .with_member(Country::FR, day(1990, 1, 1), None, "s")
                .is_err()
        );
        assert!(
            with_fr
                .clone()
                .with_member(Country::FR, day(2001, 1, 1), Some(day(2002, 1, 1)), "s")
                .is_err()
        );
        assert!(
            with_fr
                .clone()
                .with_member(Country::FR, day(1990, 1, 1), Some(day(1999, 12, 31)), "s")
                .is_ok()
        );
        // Other countries are independent.
        assert!(
            with_fr
                .with_member(Country::DE, day(2005, 1, 1), None, "s")
                .is_ok()
        );
    }

    #[test]
    fn members_are_listed_once() {
        let bloc = Bloc::custom("club", "Club")
            .with_member(Country::FR, day(2000, 1, 1), Some(day(2009, 12, 31)), "s")
            .unwrap()
            .with_member(Country::FR, day(2010, 1, 1), None, "s")
            .unwrap()
            .with_member(Country::BE, day(2000, 1, 1), None, "s")
            .unwrap();
        assert_eq!(bloc.members_at(day(2010, 1, 1)), [Country::BE, Country::FR]);
        assert_eq!(bloc.current_members(), [Country::BE, Country::FR]);
        assert_eq!(bloc.memberships_of(Country::FR).count(), 2);
        assert!(
            Bloc::custom("empty", "Empty")
                .members_at(day(2020, 1, 1))
                .is_empty()
        );
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let eu = Bloc::eu();
        assert!(eu.members_at(NaiveDate::MIN).is_empty());
        assert_eq!(eu.members_at(NaiveDate::MAX).len(), 27);
        let bloc = Bloc::custom("x", "X")
            .with_member(Country::FR, NaiveDate::MIN, Some(NaiveDate::MAX), "s")
            .unwrap();
        assert!(bloc.is_member(Country::FR, NaiveDate::MIN));
        assert!(bloc.is_member(Country::FR, NaiveDate::MAX));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip() {
        for bloc in [Bloc::eu(), Bloc::eea(), Bloc::efta()] {
            let json = serde_json::to_string(&bloc).unwrap();
            let back: Bloc = serde_json::from_str(&json).unwrap();
            assert_eq!(back, bloc);
        }
        let json = serde_json::to_value(Bloc::eu()).unwrap();
        assert_eq!(json["id"], "eu");
        assert_eq!(json["name"], "European Union");
        let uk = &json["memberships"][8];
        assert_eq!(uk["country"], "GB");
        assert_eq!(uk["joined"], "1973-01-01");
        assert_eq!(uk["left"], "2020-01-31");
        let fr = &json["memberships"][2];
        assert_eq!(fr["country"], "FR");
        assert!(fr.get("left").is_none());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_checks_what_with_member_checks() {
        let membership = |country: &str, joined: &str, left: Option<&str>| {
            let mut m = serde_json::json!({"country": country, "joined": joined, "source": "s"});
            if let Some(left) = left {
                m["left"] = left.into();
            }
            m
        };
        let bloc = |memberships: Vec<serde_json::Value>| serde_json::json!({"id": "club", "name": "Club", "memberships": memberships});
        let ok = bloc(vec![
            membership("FR", "2000-01-01", Some("2009-12-31")),
            membership("FR", "2010-01-01", None),
        ]);
        let parsed: Bloc = serde_json::from_value(ok).unwrap();
        assert_eq!(parsed.memberships().len(), 2);

        let overlapping = bloc(vec![
            membership("FR", "2000-01-01", None),
            membership("FR", "2010-01-01", None),
        ]);
        let err = serde_json::from_value::<Bloc>(overlapping)
            .unwrap_err()
            .to_string();
        assert!(err.contains("memberships of FR overlap"), "{err}");

        let backwards = bloc(vec![membership("FR", "2010-01-01", Some("2000-01-01"))]);
        let err = serde_json::from_value::<Bloc>(backwards)
            .unwrap_err()
            .to_string();
        assert!(err.contains("must come after `joined`"), "{err}");

        let typo = serde_json::json!({
            "id": "club", "name": "Club",
            "memberships": [{"country": "FR", "joined": "2000-01-01", "lef": "2001-01-01", "source": "s"}]
        });
        assert!(serde_json::from_value::<Bloc>(typo).is_err());

        let bad_country = bloc(vec![membership("UK", "2000-01-01", None)]);
        assert!(serde_json::from_value::<Bloc>(bad_country).is_err());
        let bad_date = bloc(vec![membership("FR", "2000-02-30", None)]);
        assert!(serde_json::from_value::<Bloc>(bad_date).is_err());
        let no_source = serde_json::json!({
            "id": "club", "name": "Club",
            "memberships": [{"country": "FR", "joined": "2000-01-01"}]
        });
        assert!(serde_json::from_value::<Bloc>(no_source).is_err());

        let empty: Bloc = serde_json::from_str(r#"{"id": "x", "name": "X"}"#).unwrap();
        assert!(empty.memberships().is_empty());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn membership_serde_alone() {
        let eu = Bloc::eu();
        let m = &eu.memberships()[8];
        let json = serde_json::to_string(m).unwrap();
        let back: Membership = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, m);
        let backwards =
            r#"{"country": "FR", "joined": "2010-01-01", "left": "2000-01-01", "source": "s"}"#;
        assert!(serde_json::from_str::<Membership>(backwards).is_err());
    }
}
