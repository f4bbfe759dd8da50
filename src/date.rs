//! Partial dates: a year, half, quarter, month or day, kept at the precision it was given.
//!
//! Announcements say "in 2026", "H2 2026" or "by end of 2026"; storing any of those as a single
//! day invents a precision the source never had. A [`PartialDate`] keeps its
//! [`DatePrecision`] and answers questions with the span of days it covers, from
//! [`earliest`](PartialDate::earliest) to [`latest`](PartialDate::latest), both inclusive.
//!
//! # Forms
//!
//! Parsing ignores ASCII case, white space around the date and repeated spaces between
//! words (the ASCII space, the no-break space and the other Unicode space separators). Every
//! other character is read: a control or format character (NUL, a tab between words, a
//! zero-width space) or one no form has (`"2026-Q1!"`) is an [`Error::UnexpectedCharacter`]
//! naming it and its position. Months may be named in full or by their three-letter abbreviation (`Sep`, not
//! `Sept`). Display always writes the canonical form, so
//! `PartialDate::parse(&d.to_string()) == Ok(d)`.
//!
//! | input                              | precision | earliest   | latest     | canonical    |
//! | ---------------------------------- | --------- | ---------- | ---------- | ------------ |
//! | `2026`                             | year      | 2026-01-01 | 2026-12-31 | `2026`       |
//! | `2026-H2`, `H2 2026`               | half      | 2026-07-01 | 2026-12-31 | `2026-H2`    |
//! | `2026-Q1`, `Q1 2026`               | quarter   | 2026-01-01 | 2026-03-31 | `2026-Q1`    |
//! | `2026-06`, `June 2026`, `Jun 2026` | month     | 2026-06-01 | 2026-06-30 | `2026-06`    |
//! | `2026-06-11`                       | day       | 2026-06-11 | 2026-06-11 | `2026-06-11` |
//! | `end of 2026`                      | day       | 2026-12-31 | 2026-12-31 | `2026-12-31` |
//! | `end of 2026-Q1`, `end of Q1 2026` | day       | 2026-03-31 | 2026-03-31 | `2026-03-31` |
//!
//! "End of X" is read as the last day of X, because "online by end of 2026" is a commitment
//! about that day. It becomes a day-precision date; the wording is not kept. Any form above
//! may follow "end of", except another "end of".
//!
//! Everything else is rejected rather than guessed: "mid 2026", "soon", "early 2026",
//! "by end of 2026" (drop the "by"), "2026-6" (months and days take two digits), impossible days such as 2025-02-29, and years
//! outside [`PartialDate::MIN_YEAR`]`..=`[`PartialDate::MAX_YEAR`]. The error's reason says
//! what would have been accepted.
//!
//! # Comparing
//!
//! Two partial dates name two spans of days. "Before" means strictly before, day by day:
//!
//! | question                  | true when                           | `2026` vs `2026-Q4` | `2026-Q1` vs `2026-Q4` |
//! | ------------------------- | ----------------------------------- | ------------------- | ---------------------- |
//! | `a.certainly_before(&b)`  | `a.latest() < b.earliest()`         | false               | true                   |
//! | `a.possibly_before(&b)`   | `a.earliest() < b.latest()`         | true                | true                   |
//! | `a.certainly_after(&b)`   | `a.earliest() > b.latest()`         | false               | false                  |
//! | `a.possibly_after(&b)`    | `a.latest() > b.earliest()`         | true                | false                  |
//! | `a.overlaps(&b)`          | the spans share at least one day    | true                | false                  |
//! | `a.partial_cmp(&b)`       | see [`PartialOrd`] below            | `None`              | `Some(Less)`           |
//!
//! [`PartialOrd`] answers `Less` or `Greater` only when the order is certain, `Equal` only
//! for equal values (same precision and period), and `None` otherwise. Equal values can still
//! stand for different days: two events "in 2026" compare `Equal` as dates, yet either may
//! come first.
//!
//! `PartialDate` does not implement [`Ord`]: a total order would have to claim that `2026`
//! comes before or after `2026-06`, which the data does not say, and `Ord` must agree with
//! [`PartialOrd`]. To sort, use [`PartialDate::cmp_by_earliest`], a total order by earliest
//! day and then latest day.
//!
//! To ask about a single day, compare it with `earliest()` and `latest()`: "certainly online
//! by `day`" is `date.latest() <= day`, "possibly online by `day`" is `date.earliest() <= day`.
//!
//! # Serde
//!
//! With the `serde` feature (on by default) a `PartialDate` is written as its canonical
//! string, `"2026-Q1"`, and read with [`PartialDate::parse`]; an invalid string fails with
//! the same reason parsing gives.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use sovereign_compute::{DatePrecision, PartialDate};
//!
//! let h2: PartialDate = "H2 2026".parse()?;
//! assert_eq!(h2.precision(), DatePrecision::Half);
//! assert_eq!(h2.to_string(), "2026-H2");
//! assert_eq!(h2.earliest(), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
//! assert_eq!(h2.latest(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
//!
//! let june = PartialDate::month(2026, 6)?;
//! assert!(june.certainly_before(&h2));
//! assert!(h2.overlaps(&PartialDate::year(2026)?));
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::text::{check_text, is_space};
use crate::{Error, Result};

/// The accepted forms, listed in every parse error so the user can see what would work.
const ACCEPTED_FORMS: &str = "2026, 2026-H2, 2026-Q1, 2026-06, 2026-06-11, H2 2026, Q1 2026, \
                              June 2026, Jun 2026, end of 2026, end of 2026-Q1";

/// What [`PartialDate::parse`] reads, for [`Error::UnexpectedCharacter`].
const EXPECTED: &str = "a date: 2026, 2026-H2, 2026-Q1, 2026-06, 2026-06-11, H2 2026, Q1 2026, \
                        June 2026, Jun 2026, end of 2026, end of 2026-Q1";

/// The characters of the date forms: letters and digits, `-`, and spaces. Letters and digits
/// of other scripts (`"２０２６"`) are read, and are then an unrecognised form.
fn is_date_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || is_space(c)
}

/// Month names in calendar order; the three-letter abbreviations are their prefixes.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How precisely a [`PartialDate`] is known.
///
/// Displays as a lowercase word: `year`, `half`, `quarter`, `month`, `day`.
///
/// # Example
///
/// ```
/// use sovereign_compute::{DatePrecision, PartialDate};
///
/// let date = PartialDate::parse("2026-Q1")?;
/// assert_eq!(date.precision(), DatePrecision::Quarter);
/// assert_eq!(date.precision().to_string(), "quarter");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatePrecision {
    /// A calendar year, January to December.
    Year,
    /// A half year: H1 is January to June, H2 is July to December.
    Half,
    /// A calendar quarter: Q1 is January to March, up to Q4, October to December.
    Quarter,
    /// A calendar month.
    Month,
    /// A single day.
    Day,
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Year => "year",
            Self::Half => "half",
            Self::Quarter => "quarter",
            Self::Month => "month",
            Self::Day => "day",
        })
    }
}

/// A date known to a year, half, quarter, month or day.
///
/// It covers every day from [`earliest`](Self::earliest) to [`latest`](Self::latest),
/// inclusive. Two partial dates are equal when they have the same precision and name the same
/// period, so `2026-Q1` and `2026-01-01` differ. See the [module docs](self) for the accepted
/// forms and the comparison semantics.
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// let q1 = PartialDate::quarter(2026, 1)?;
/// assert_eq!(q1, "Q1 2026".parse()?);
/// assert_ne!(q1, PartialDate::day(2026, 1, 1)?);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    precision: DatePrecision,
    // Both ends are stored so accessors never recompute calendar arithmetic that could fail.
    earliest: NaiveDate,
    latest: NaiveDate,
}

impl PartialDate {
    /// The earliest year accepted, 1900.
    ///
    /// The range covers every plausible announcement and history while rejecting typos such as
    /// `0226` or `20266`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert!(PartialDate::year(PartialDate::MIN_YEAR).is_ok());
    /// assert!(PartialDate::year(PartialDate::MIN_YEAR - 1).is_err());
    /// ```
    pub const MIN_YEAR: i32 = 1900;

    /// The latest year accepted, 2200.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert!(PartialDate::year(PartialDate::MAX_YEAR).is_ok());
    /// assert!(PartialDate::year(PartialDate::MAX_YEAR + 1).is_err());
    /// ```
    pub const MAX_YEAR: i32 = 2200;

    /// A whole calendar year.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if `year` is outside [`MIN_YEAR`](Self::MIN_YEAR)`..=`[`MAX_YEAR`](Self::MAX_YEAR).
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::year(2026)?.to_string(), "2026");
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn year(year: i32) -> Result<Self> {
        Self::construct(Fields {
            year,
            period: Period::Year,
        })
    }

    /// Half `half` (1 or 2) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if `half` is not 1 or 2, or `year` is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::half(2026, 2)?.to_string(), "2026-H2");
    /// assert!(PartialDate::half(2026, 3).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn half(year: i32, half: u32) -> Result<Self> {
        Self::construct(Fields {
            year,
            period: Period::Half(half),
        })
    }

    /// Quarter `quarter` (1 to 4) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if `quarter` is not 1 to 4, or `year` is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::quarter(2026, 1)?.to_string(), "2026-Q1");
    /// assert!(PartialDate::quarter(2026, 5).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn quarter(year: i32, quarter: u32) -> Result<Self> {
        Self::construct(Fields {
            year,
            period: Period::Quarter(quarter),
        })
    }

    /// Month `month` (1 to 12) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if `month` is not 1 to 12, or `year` is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::month(2026, 6)?.to_string(), "2026-06");
    /// assert!(PartialDate::month(2026, 13).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn month(year: i32, month: u32) -> Result<Self> {
        Self::construct(Fields {
            year,
            period: Period::Month(month),
        })
    }

    /// The single day `year`-`month`-`day`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if the day does not exist (2025-02-29) or `year` is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::day(2026, 6, 11)?.to_string(), "2026-06-11");
    /// assert!(PartialDate::day(2024, 2, 29).is_ok());
    /// assert!(PartialDate::day(2025, 2, 29).is_err());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self> {
        Self::construct(Fields {
            year,
            period: Period::Day(month, day),
        })
    }

    /// The single day `date`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] if the year of `date` is out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::PartialDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 6, 11).unwrap();
    /// assert_eq!(PartialDate::from_naive(day)?, PartialDate::day(2026, 6, 11)?);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn from_naive(date: NaiveDate) -> Result<Self> {
        Self::construct(Fields {
            year: date.year(),
            period: Period::Day(date.month(), date.day()),
        })
    }

    /// Reads one of the forms listed in the [module docs](self).
    ///
    /// ASCII case is ignored, as is whitespace around the date and repeated spaces between
    /// words.
    ///
    /// # Errors
    ///
    /// [`Error::UnexpectedCharacter`] for a character no form has, with its position: a
    /// control or format character (NUL, a tab between words, U+200B, U+FEFF), or anything
    /// but letters, digits, `-` and spaces (`"2026-Q1!"`, `"2026/06"`).
    ///
    /// [`Error::InvalidDate`] with the original `input` and a reason naming what
    /// was wrong and the accepted forms: for an unknown form ("mid 2026", "soon", ""), a half
    /// other than H1 or H2, a quarter other than Q1 to Q4, a month other than 01 to 12, a day
    /// the month does not have, or a year out of range.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{DatePrecision, PartialDate};
    ///
    /// assert_eq!(PartialDate::parse(" jun 2026 ")?, PartialDate::month(2026, 6)?);
    /// assert_eq!(PartialDate::parse("end of 2026")?, PartialDate::day(2026, 12, 31)?);
    ///
    /// let error = PartialDate::parse("2026-Q5").unwrap_err();
    /// assert!(error.to_string().contains("quarter must be Q1 to Q4"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self> {
        check_text(input, is_date_char, EXPECTED)?;
        parse_text(input).map_err(|problem| Error::InvalidDate {
            input: input.to_owned(),
            reason: format!("{problem}; accepted forms: {ACCEPTED_FORMS}"),
        })
    }

    /// How precisely this date is known.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::{DatePrecision, PartialDate};
    ///
    /// assert_eq!(PartialDate::parse("2026-06")?.precision(), DatePrecision::Month);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn precision(&self) -> DatePrecision {
        self.precision
    }

    /// The calendar year this date falls in (every form lies within one year).
    ///
    /// Not named `year`: that name is the whole-year constructor, [`PartialDate::year`].
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// assert_eq!(PartialDate::parse("Q3 2027")?.calendar_year(), 2027);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn calendar_year(&self) -> i32 {
        self.earliest.year()
    }

    /// The first day this date covers: the optimistic reading of "online by".
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::PartialDate;
    ///
    /// let h2 = PartialDate::parse("2026-H2")?;
    /// assert_eq!(h2.earliest(), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }

    /// The last day this date covers: the committed reading of "online by".
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::PartialDate;
    ///
    /// let february = PartialDate::parse("2024-02")?;
    /// assert_eq!(february.latest(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }

    /// Whether `date` lies in `earliest()..=latest()`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::PartialDate;
    ///
    /// let q1 = PartialDate::parse("2026-Q1")?;
    /// assert!(q1.contains(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()));
    /// assert!(!q1.contains(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.earliest..=self.latest).contains(&date)
    }

    /// Whether every day of `self` is before every day of `other`: `self.latest() < other.earliest()`.
    ///
    /// Implies [`possibly_before`](Self::possibly_before) and rules out
    /// [`overlaps`](Self::overlaps).
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let q1 = PartialDate::parse("2026-Q1")?;
    /// assert!(q1.certainly_before(&PartialDate::parse("2026-04")?));
    /// assert!(!q1.certainly_before(&PartialDate::parse("2026")?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn certainly_before(&self, other: &Self) -> bool {
        self.latest < other.earliest
    }

    /// Whether some day of `self` is before some day of `other`: `self.earliest() < other.latest()`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let year = PartialDate::parse("2026")?;
    /// assert!(year.possibly_before(&PartialDate::parse("2026-Q1")?));
    /// assert!(!year.possibly_before(&PartialDate::parse("2026-01-01")?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn possibly_before(&self, other: &Self) -> bool {
        self.earliest < other.latest
    }

    /// Whether every day of `self` is after every day of `other`: `self.earliest() > other.latest()`.
    ///
    /// The mirror of [`certainly_before`](Self::certainly_before):
    /// `a.certainly_after(&b) == b.certainly_before(&a)`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let h2 = PartialDate::parse("2026-H2")?;
    /// assert!(h2.certainly_after(&PartialDate::parse("2026-Q2")?));
    /// assert!(!h2.certainly_after(&PartialDate::parse("2026")?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn certainly_after(&self, other: &Self) -> bool {
        other.certainly_before(self)
    }

    /// Whether some day of `self` is after some day of `other`: `self.latest() > other.earliest()`.
    ///
    /// The mirror of [`possibly_before`](Self::possibly_before):
    /// `a.possibly_after(&b) == b.possibly_before(&a)`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let year = PartialDate::parse("2026")?;
    /// assert!(year.possibly_after(&PartialDate::parse("2026-H2")?));
    /// assert!(!year.possibly_after(&PartialDate::parse("2026-12-31")?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn possibly_after(&self, other: &Self) -> bool {
        other.possibly_before(self)
    }

    /// Whether the two spans share at least one day.
    ///
    /// Exactly one of `certainly_before`, `certainly_after` and `overlaps` holds for any pair.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let year = PartialDate::parse("2026")?;
    /// assert!(year.overlaps(&PartialDate::parse("2026-06-11")?));
    /// assert!(!year.overlaps(&PartialDate::parse("2027-Q1")?));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn overlaps(&self, other: &Self) -> bool {
        !self.certainly_before(other) && !self.certainly_after(other)
    }

    /// A total order for sorting: by earliest day, then by latest day.
    ///
    /// Returns `Equal` only for equal dates, because no two distinct partial dates cover the
    /// same span. It agrees with [`partial_cmp`](PartialOrd::partial_cmp) wherever that is
    /// `Some`. A shorter span sorts before a longer one starting the same day, so
    /// `2026-01-01 < 2026-01 < 2026-Q1 < 2026-H1 < 2026`.
    ///
    /// # Example
    ///
    /// ```
    /// use sovereign_compute::PartialDate;
    ///
    /// let mut dates = ["2026", "2026-Q1", "2025-12", "2026-01-01"]
    ///     .map(PartialDate::parse)
    ///     .into_iter()
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// dates.sort_by(PartialDate::cmp_by_earliest);
    /// let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
    /// assert_eq!(sorted, ["2025-12", "2026-01-01", "2026-Q1", "2026"]);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn cmp_by_earliest(&self, other: &Self) -> Ordering {
        (self.earliest, self.latest).cmp(&(other.earliest, other.latest))
    }

    /// Validates `fields` for the public constructors, naming the attempted date in the error.
    fn construct(fields: Fields) -> Result<Self> {
        Self::build(fields).map_err(|problem| Error::InvalidDate {
            input: fields.to_string(),
            reason: problem.to_string(),
        })
    }

    /// The one place where a year and period are checked and turned into a span.
    fn build(fields: Fields) -> Result<Self, Problem> {
        let Fields { year, period } = fields;
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(Problem::Year);
        }
        // Each period is a run of whole months, first_month..=last_month.
        let (precision, first_month, last_month) = match period {
            Period::Year => (DatePrecision::Year, 1, 12),
            Period::Half(half @ 1..=2) => (DatePrecision::Half, half * 6 - 5, half * 6),
            Period::Quarter(quarter @ 1..=4) => {
                (DatePrecision::Quarter, quarter * 3 - 2, quarter * 3)
            }
            Period::Month(month @ 1..=12) => (DatePrecision::Month, month, month),
            Period::Day(month @ 1..=12, day) => return Ok(Self::on(ymd(year, month, day)?)),
            Period::Half(_) => return Err(Problem::Half),
            Period::Quarter(_) => return Err(Problem::Quarter),
            Period::Month(_) | Period::Day(..) => return Err(Problem::Month),
        };
        Ok(Self {
            precision,
            earliest: ymd(year, first_month, 1)?,
            latest: ymd(year, last_month, days_in_month(year, last_month))?,
        })
    }

    /// The day `date`, without the year-range check: for dates derived from a valid one.
    fn on(date: NaiveDate) -> Self {
        Self {
            precision: DatePrecision::Day,
            earliest: date,
            latest: date,
        }
    }

    /// The year and period this date was built from, for display.
    fn fields(&self) -> Fields {
        let month = self.earliest.month();
        let period = match self.precision {
            DatePrecision::Year => Period::Year,
            DatePrecision::Half => Period::Half(month.div_ceil(6)),
            DatePrecision::Quarter => Period::Quarter(month.div_ceil(3)),
            DatePrecision::Month => Period::Month(month),
            DatePrecision::Day => Period::Day(month, self.earliest.day()),
        };
        Fields {
            year: self.calendar_year(),
            period,
        }
    }
}

/// Writes the canonical form: `2026`, `2026-H2`, `2026-Q1`, `2026-06` or `2026-06-11`.
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// assert_eq!(PartialDate::parse("h2 2026")?.to_string(), "2026-H2");
/// assert_eq!(PartialDate::parse("June 2026")?.to_string(), "2026-06");
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fields().fmt(f)
    }
}

/// Same as [`PartialDate::parse`].
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// let date: PartialDate = "2026-06-11".parse()?;
/// assert_eq!(date, PartialDate::day(2026, 6, 11)?);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
impl FromStr for PartialDate {
    type Err = Error;

    fn from_str(input: &str) -> Result<Self> {
        Self::parse(input)
    }
}

/// Orders two dates only when the order is certain; see the [module docs](self).
///
/// `Some(Less)` iff [`certainly_before`](PartialDate::certainly_before), `Some(Greater)` iff
/// [`certainly_after`](PartialDate::certainly_after), `Some(Equal)` iff `==`, otherwise `None`
/// (different but overlapping spans). So `<` means "certainly before", and `<=` means
/// "certainly before or the same date".
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// let q1 = PartialDate::parse("2026-Q1")?;
/// assert!(q1 < PartialDate::parse("2026-H2")?);
/// assert_eq!(q1.partial_cmp(&PartialDate::parse("2026")?), None);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self == other {
            Some(Ordering::Equal)
        } else if self.certainly_before(other) {
            Some(Ordering::Less)
        } else if self.certainly_after(other) {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}

/// Serializes as the canonical string, e.g. `"2026-Q1"`.
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// let json = serde_json::to_string(&PartialDate::quarter(2026, 1)?).unwrap();
/// assert_eq!(json, r#""2026-Q1""#);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Deserializes any form [`PartialDate::parse`] accepts; an invalid string fails with its reason.
///
/// # Example
///
/// ```
/// use sovereign_compute::PartialDate;
///
/// let date: PartialDate = serde_json::from_str(r#""H2 2026""#).unwrap();
/// assert_eq!(date, PartialDate::half(2026, 2)?);
///
/// let error = serde_json::from_str::<PartialDate>(r#""2026-H3""#).unwrap_err();
/// assert!(error.to_string().contains("half must be H1 or H2"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A year and period before validation: what parsing and the constructors produce.
#[derive(Debug, Clone, Copy)]
struct Fields {
    year: i32,
    period: Period,
}

/// The period within a year, with unchecked numbers (month and day are 1-based).
#[derive(Debug, Clone, Copy)]
enum Period {
    Year,
    Half(u32),
    Quarter(u32),
    Month(u32),
    Day(u32, u32),
}

impl fmt::Display for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.year;
        match self.period {
            Period::Year => write!(f, "{year:04}"),
            Period::Half(half) => write!(f, "{year:04}-H{half}"),
            Period::Quarter(quarter) => write!(f, "{year:04}-Q{quarter}"),
            Period::Month(month) => write!(f, "{year:04}-{month:02}"),
            Period::Day(month, day) => write!(f, "{year:04}-{month:02}-{day:02}"),
        }
    }
}

/// Why a date was rejected; its display is the error's reason.
#[derive(Debug, Clone, Copy)]
enum Problem {
    Empty,
    Unrecognised,
    Year,
    Half,
    Quarter,
    Month,
    Day { year: i32, month: u32 },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Empty => f.write_str("date is empty"),
            Self::Unrecognised => f.write_str("unrecognised form"),
            Self::Year => write!(
                f,
                "year must be {} to {}",
                PartialDate::MIN_YEAR,
                PartialDate::MAX_YEAR
            ),
            Self::Half => f.write_str("half must be H1 or H2"),
            Self::Quarter => f.write_str("quarter must be Q1 to Q4"),
            Self::Month => f.write_str("month must be 01 to 12"),
            Self::Day { year, month } => write!(
                f,
                "day must be 01 to {} in {year:04}-{month:02}",
                days_in_month(year, month)
            ),
        }
    }
}

/// Parses after lowercasing; words are split on whitespace so slice patterns do the matching.
fn parse_text(input: &str) -> Result<PartialDate, Problem> {
    // ASCII only: every accepted form is ASCII, and full Unicode lowercasing would turn
    // look-alikes such as the Kelvin sign into ASCII letters.
    let lower = input.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [] => Err(Problem::Empty),
        // "End of X" is X's last day; a nested "end of" has too many words for `fields`.
        ["end", "of", inner @ ..] => {
            Ok(PartialDate::on(PartialDate::build(fields(inner)?)?.latest))
        }
        words => PartialDate::build(fields(words)?),
    }
}

/// Reads a form without "end of": one ISO-style word, or a period word and a year.
fn fields(words: &[&str]) -> Result<Fields, Problem> {
    match words {
        [iso] if iso.starts_with(|c: char| c.is_ascii_digit()) => iso_fields(iso),
        [period, year] => Ok(Fields {
            period: named_period(period)?,
            year: number(year, 4),
        }),
        _ => Err(Problem::Unrecognised),
    }
}

/// Reads `2026`, `2026-h2`, `2026-q1`, `2026-06` or `2026-06-11` (already lowercase).
fn iso_fields(word: &str) -> Result<Fields, Problem> {
    let parts: Vec<&str> = word.split('-').collect();
    let (year, period) = match parts.as_slice() {
        [year] => (year, Period::Year),
        [year, part] => (
            year,
            half_or_quarter(part).unwrap_or_else(|| Period::Month(number(part, 2))),
        ),
        [year, month, day] => (year, Period::Day(number(month, 2), number(day, 2))),
        _ => return Err(Problem::Unrecognised),
    };
    Ok(Fields {
        year: number(year, 4),
        period,
    })
}

/// Reads the word before the year in `h2 2026`, `q1 2026`, `june 2026` or `jun 2026`.
fn named_period(word: &str) -> Result<Period, Problem> {
    half_or_quarter(word)
        .or_else(|| month_by_name(word).map(Period::Month))
        .ok_or(Problem::Unrecognised)
}

/// Reads `h<n>` or `q<n>`; a bad number is kept as 0 so validation reports the allowed range.
fn half_or_quarter(word: &str) -> Option<Period> {
    if let Some(half) = word.strip_prefix('h') {
        Some(Period::Half(number(half, 1)))
    } else {
        word.strip_prefix('q')
            .map(|quarter| Period::Quarter(number(quarter, 1)))
    }
}

/// The month number of a full or three-letter month name.
fn month_by_name(word: &str) -> Option<u32> {
    let known = |name: &str| name == word || (word.len() == 3 && name.starts_with(word));
    MONTH_NAMES
        .iter()
        .zip(1..)
        .find(|(name, _)| known(name))
        .map(|(_, month)| month)
}

/// Reads exactly `width` ASCII digits. Anything else becomes 0, which no year, half, quarter,
/// month or day accepts, so the error names the range the number should have been in.
fn number<T: FromStr + Default>(text: &str, width: usize) -> T {
    if text.len() == width && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().unwrap_or_default()
    } else {
        T::default()
    }
}

/// A calendar day, or the day-range problem when the month does not have it.
fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, Problem> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(Problem::Day { year, month })
}

/// Days in `month` (1 to 12) of the proleptic Gregorian `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(input: &str) -> PartialDate {
        PartialDate::parse(input).unwrap_or_else(|error| panic!("{input:?}: {error}"))
    }

    /// The reason in a parse error, without the accepted forms every reason ends with. Read
    /// through `Display` so the tests compile whatever other variants the crate's `Error` has.
    fn parse_reason(error: &Error, input: &str) -> Option<String> {
        let message = error.to_string();
        let reason = message
            .strip_prefix(&format!("invalid date {input:?}: "))?
            .strip_suffix(&format!("; accepted forms: {ACCEPTED_FORMS}"))?;
        Some(reason.to_owned())
    }

    /// Checks one golden row, returning what differs.
    fn check_golden_row(cells: &[&str]) -> std::result::Result<(), String> {
        let [input, precision, earliest, latest, display] = cells else {
            return Err(format!("expected 5 cells, found {}", cells.len()));
        };
        let input = input
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(input);
        let actual = match PartialDate::parse(input) {
            Ok(date) => [
                date.precision().to_string(),
                date.earliest().to_string(),
                date.latest().to_string(),
                date.to_string(),
            ],
            Err(error) => {
                let reason = parse_reason(&error, input).unwrap_or_else(|| error.to_string());
                ["error".into(), "-".into(), "-".into(), reason]
            }
        };
        let expected = [precision, earliest, latest, display];
        if actual.iter().zip(expected).all(|(a, e)| a == e) {
            Ok(())
        } else {
            Err(format!("expected {expected:?}, got {actual:?}"))
        }
    }

    #[test]
    fn golden_table() {
        let golden = include_str!("../tests/golden/dates.txt");
        let rows: Vec<(usize, &str)> = golden
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
            .collect();
        assert!(rows.len() > 50, "golden table looks truncated");
        let failures: Vec<String> = rows
            .iter()
            .filter_map(|(index, line)| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                check_golden_row(&cells)
                    .err()
                    .map(|why| format!("line {}: {line}\n    {why}", index + 1))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "golden mismatches:\n{}",
            failures.join("\n")
        );
    }

    #[test]
    fn error_message_is_pinned() {
        let error = PartialDate::parse("2026-Q5").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid date \"2026-Q5\": quarter must be Q1 to Q4; accepted forms: 2026, 2026-H2, \
             2026-Q1, 2026-06, 2026-06-11, H2 2026, Q1 2026, June 2026, Jun 2026, end of 2026, \
             end of 2026-Q1"
        );
    }

    #[test]
    fn parse_error_keeps_the_untrimmed_input() {
        let error = PartialDate::parse("  soon ").unwrap_err();
        assert_eq!(
            parse_reason(&error, "  soon ").as_deref(),
            Some("unrecognised form")
        );
    }

    #[test]
    fn constructor_errors_name_the_attempted_date_without_the_form_list() {
        let cases = [
            (PartialDate::year(1899), "1899", "year must be 1900 to 2200"),
            (
                PartialDate::half(2026, 3),
                "2026-H3",
                "half must be H1 or H2",
            ),
            (
                PartialDate::quarter(2026, 0),
                "2026-Q0",
                "quarter must be Q1 to Q4",
            ),
            (
                PartialDate::month(2026, 13),
                "2026-13",
                "month must be 01 to 12",
            ),
            (
                PartialDate::day(2025, 2, 29),
                "2025-02-29",
                "day must be 01 to 28 in 2025-02",
            ),
            (
                PartialDate::day(2026, 0, 1),
                "2026-00-01",
                "month must be 01 to 12",
            ),
        ];
        for (result, input, reason) in cases {
            let expected = Error::InvalidDate {
                input: input.into(),
                reason: reason.into(),
            };
            assert_eq!(result, Err(expected));
        }
    }

    #[test]
    fn constructors_match_parsing() -> Result<()> {
        assert_eq!(PartialDate::year(2026)?, parse("2026"));
        assert_eq!(PartialDate::half(2026, 2)?, parse("2026-H2"));
        assert_eq!(PartialDate::quarter(2026, 1)?, parse("2026-Q1"));
        assert_eq!(PartialDate::month(2026, 6)?, parse("2026-06"));
        assert_eq!(PartialDate::day(2026, 6, 11)?, parse("2026-06-11"));
        Ok(())
    }

    #[test]
    fn from_naive_checks_the_year_range() {
        let in_range = NaiveDate::from_ymd_opt(2026, 6, 11).unwrap();
        assert_eq!(
            PartialDate::from_naive(in_range),
            PartialDate::day(2026, 6, 11)
        );
        let too_late = NaiveDate::from_ymd_opt(2201, 1, 1).unwrap();
        assert!(PartialDate::from_naive(too_late).is_err());
        assert!(PartialDate::from_naive(NaiveDate::MIN).is_err());
        assert!(PartialDate::from_naive(NaiveDate::MAX).is_err());
    }

    #[test]
    fn precision_is_part_of_equality() {
        assert_ne!(parse("2026-Q1"), parse("2026-01"));
        assert_ne!(parse("2026-Q1"), parse("2026-01-01"));
        assert_ne!(parse("2026-H1"), parse("2026-Q1"));
    }

    fn junk(input: &str) -> (char, usize) {
        match PartialDate::parse(input) {
            Err(Error::UnexpectedCharacter {
                character,
                position,
                input: given,
                ..
            }) if given == input => (character, position),
            other => panic!("{input:?}: {other:?}"),
        }
    }

    #[test]
    fn junk_characters_are_rejected_with_their_position() {
        assert_eq!(junk("2026\0"), ('\0', 4));
        assert_eq!(junk("\u{0}2026"), ('\0', 0));
        assert_eq!(junk("2026-Q1\u{200b}"), ('\u{200b}', 7));
        assert_eq!(junk("2026-Q1\0\0"), ('\0', 7));
        assert_eq!(junk("2026-Q1!!!"), ('!', 7));
        assert_eq!(junk("H2\t2026"), ('\t', 2));
        assert_eq!(junk("June\u{ad} 2026"), ('\u{ad}', 4));
        assert_eq!(junk("\u{feff}2026-06"), ('\u{feff}', 0));
        assert_eq!(junk("2026/06"), ('/', 4));
        assert_eq!(junk("end of 2026."), ('.', 11));
        assert_eq!(junk("2026-06-11T10:00"), (':', 13));
        let error = PartialDate::parse("2026\u{200b}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unexpected character '\\u{200b}' at position 4 in \"2026\\u{200b}\": expected a \
             date: 2026, 2026-H2, 2026-Q1, 2026-06, 2026-06-11, H2 2026, Q1 2026, June 2026, \
             Jun 2026, end of 2026, end of 2026-Q1"
        );
    }

    #[test]
    fn whitespace_and_ascii_case_are_ignored() {
        assert_eq!(parse("\tH2\u{a0}2026\n"), parse("2026-H2"));
        assert_eq!(parse("jUnE 2026"), parse("2026-06"));
    }

    #[test]
    fn comparisons_match_the_module_table() {
        let year = parse("2026");
        let q1 = parse("2026-Q1");
        let q4 = parse("2026-Q4");
        // Columns: certainly_before, possibly_before, certainly_after, possibly_after, overlaps.
        let table = [
            (year, q4, [false, true, false, true, true]),
            (q1, q4, [true, true, false, false, false]),
        ];
        for (a, b, [cb, pb, ca, pa, ov]) in table {
            assert_eq!(a.certainly_before(&b), cb, "{a} certainly before {b}");
            assert_eq!(a.possibly_before(&b), pb, "{a} possibly before {b}");
            assert_eq!(a.certainly_after(&b), ca, "{a} certainly after {b}");
            assert_eq!(a.possibly_after(&b), pa, "{a} possibly after {b}");
            assert_eq!(a.overlaps(&b), ov, "{a} overlaps {b}");
        }
        assert_eq!(year.partial_cmp(&q4), None);
        assert_eq!(q1.partial_cmp(&q4), Some(Ordering::Less));
        assert_eq!(q4.partial_cmp(&q1), Some(Ordering::Greater));
        assert_eq!(year.partial_cmp(&year), Some(Ordering::Equal));
    }

    #[test]
    fn same_day_is_neither_before_nor_after() {
        let day = parse("2026-12-31");
        let end_of_year = parse("end of 2026");
        assert_eq!(day, end_of_year);
        assert!(!day.possibly_before(&end_of_year) && !day.possibly_after(&end_of_year));
        // The last day of 2026 cannot precede any day of 2026, but may follow one.
        assert!(!day.possibly_before(&parse("2026")));
        assert!(day.possibly_after(&parse("2026")));
    }

    #[test]
    fn sorting_by_earliest_is_total() {
        let mut dates: Vec<PartialDate> = [
            "2026",
            "2026-01",
            "2026-H1",
            "2026-01-01",
            "2026-Q1",
            "2025-H2",
        ]
        .map(parse)
        .to_vec();
        dates.sort_by(PartialDate::cmp_by_earliest);
        let sorted: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2025-H2",
                "2026-01-01",
                "2026-01",
                "2026-Q1",
                "2026-H1",
                "2026"
            ]
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_the_canonical_string() {
        let dates = vec![parse("H2 2026"), parse("end of 2026"), parse("Jun 2026")];
        let json = serde_json::to_string(&dates).unwrap();
        assert_eq!(json, r#"["2026-H2","2026-12-31","2026-06"]"#);
        let back: Vec<PartialDate> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, dates);
        assert_eq!(
            serde_json::from_str::<PartialDate>(r#"" q1 2026 ""#).unwrap(),
            parse("2026-Q1")
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_rejects_invalid_strings_with_the_parse_reason() {
        let error = serde_json::from_str::<PartialDate>(r#""2026-02-30""#).unwrap_err();
        let parse_error = PartialDate::parse("2026-02-30").unwrap_err();
        assert!(
            error.to_string().contains(&parse_error.to_string()),
            "{error}"
        );
        assert!(
            serde_json::from_str::<PartialDate>("2026").is_err(),
            "bare numbers are rejected"
        );
    }

    /// Every constructible date, with years drawn from `years`.
    fn any_date(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = PartialDate> {
        prop_oneof![
            years.clone().prop_map(PartialDate::year),
            (years.clone(), 1..=2u32).prop_map(|(y, h)| PartialDate::half(y, h)),
            (years.clone(), 1..=4u32).prop_map(|(y, q)| PartialDate::quarter(y, q)),
            (years.clone(), 1..=12u32).prop_map(|(y, m)| PartialDate::month(y, m)),
            (years, 1..=12u32, 1..=31u32).prop_map(|(y, m, d)| PartialDate::day(y, m, d)),
        ]
        .prop_filter_map("day does not exist", Result::ok)
    }

    fn all_years() -> std::ops::RangeInclusive<i32> {
        PartialDate::MIN_YEAR..=PartialDate::MAX_YEAR
    }

    proptest! {
        #[test]
        fn span_is_a_whole_period(date in any_date(all_years())) {
            prop_assert!(date.earliest() <= date.latest());
            prop_assert!(date.contains(date.earliest()) && date.contains(date.latest()));
            prop_assert_eq!(date.calendar_year(), date.latest().year());
            if date.precision() != DatePrecision::Day {
                // Coarser periods run from a month's first day to a month's last day.
                prop_assert_eq!(date.earliest().day(), 1);
                let next = date.latest().succ_opt().map(|d| d.day());
                prop_assert!(next.is_none() || next == Some(1));
            }
        }

        #[test]
        fn display_round_trips(date in any_date(all_years())) {
            prop_assert_eq!(PartialDate::parse(&date.to_string()), Ok(date));
            let lower = date.to_string().to_lowercase();
            prop_assert_eq!(PartialDate::parse(&format!(" {lower} ")), Ok(date));
        }

        #[test]
        fn end_of_is_the_latest_day(date in any_date(all_years())) {
            let end = PartialDate::parse(&format!("end of {date}"));
            prop_assert_eq!(end, PartialDate::from_naive(date.latest()));
        }

        #[test]
        fn arbitrary_strings_never_panic(input in any::<String>()) {
            if let Ok(date) = PartialDate::parse(&input) {
                prop_assert_eq!(PartialDate::parse(&date.to_string()), Ok(date));
            }
        }

        #[test]
        fn date_like_strings_never_panic(
            input in "(end of )?[hHqQjJuUnNeE ]{0,3}[0-9]{0,5}(-[hHqQ]?[0-9]{0,3}){0,3}[ \t]?[0-9]{0,4}"
        ) {
            match PartialDate::parse(&input) {
                Ok(date) => prop_assert_eq!(PartialDate::parse(&date.to_string()), Ok(date)),
                // A tab between words is a control character, not a space.
                Err(Error::UnexpectedCharacter { character: '\t', .. }) => {
                    prop_assert!(input.trim().contains('\t'), "{:?}", input);
                }
                Err(error) => prop_assert!(parse_reason(&error, &input).is_some(), "{}", error),
            }
        }

        #[test]
        fn comparisons_are_coherent(a in any_date(2024..=2027), b in any_date(2024..=2027)) {
            prop_assert!(!a.certainly_before(&b) || a.possibly_before(&b));
            prop_assert!(!a.certainly_after(&b) || a.possibly_after(&b));
            prop_assert_eq!(a.certainly_after(&b), b.certainly_before(&a));
            prop_assert_eq!(a.possibly_after(&b), b.possibly_before(&a));
            prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
            let exclusive = [a.certainly_before(&b), a.certainly_after(&b), a.overlaps(&b)];
            prop_assert_eq!(exclusive.iter().filter(|&&holds| holds).count(), 1);

            let expected = if a == b {
                Some(Ordering::Equal)
            } else if a.certainly_before(&b) {
                Some(Ordering::Less)
            } else if a.certainly_after(&b) {
                Some(Ordering::Greater)
            } else {
                None
            };
            prop_assert_eq!(a.partial_cmp(&b), expected);
            prop_assert_eq!(a < b, a.certainly_before(&b));
            prop_assert_eq!(a > b, a.certainly_after(&b));

            let total = a.cmp_by_earliest(&b);
            prop_assert_eq!(total == Ordering::Equal, a == b);
            prop_assert_eq!(total, b.cmp_by_earliest(&a).reverse());
            if let Some(partial) = a.partial_cmp(&b) {
                prop_assert_eq!(partial, total);
            }
        }
    }
}
