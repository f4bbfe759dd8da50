//! Epoch AI's dates: always a full day in the table, with the real precision only in words.
//!
//! Epoch AI stores a month as its 15th, a year as 07-01 and a quarter as the 15th of its
//! middle month, and says so (if at all) in `First Operational Date Note`. Reading it back:
//!
//! 1. a date the note names that contains the stored day ("Planned H2 2026" and 2026-10-01)
//!    is the date, at the note's precision;
//! 2. else the words `quarter`, `half`, `month` or `year` in the note widen the stored day to
//!    that period, checked in this order (so "month and year only" is a month);
//! 3. else the stored day is the date.
//!
//! A row with no stored date takes the date its note names ("Planned 2027"), if it names
//! exactly one. Widening never makes a date claim more than the table does.

use crate::{DatePrecision, PartialDate};

/// The longest run of words a date is written in ("end of 2026").
const MAX_WORDS: usize = 3;

/// Reads a `First Operational Date` cell: an ISO day (a time after it is ignored), or any
/// partial date the crate reads ("2026-Q1"), for tables written by hand.
pub(super) fn parse_cell(cell: &str) -> crate::Result<PartialDate> {
    PartialDate::parse(cell).or_else(|e| {
        // "2024-06-15 00:00:00" and "2024-06-15T00:00:00" as spreadsheets export them.
        match (cell.get(..10), cell.get(10..11)) {
            (Some(day), Some(" " | "T")) => PartialDate::parse(day),
            _ => Err(e),
        }
    })
}

/// The partial dates a note names, in order, without repeats.
fn dates_in(note: &str) -> Vec<PartialDate> {
    let words: Vec<&str> = note
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '"')))
        .collect();
    let mut found: Vec<PartialDate> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let longest = (1..=MAX_WORDS.min(words.len() - i)).rev().find_map(|n| {
            let phrase = words.get(i..i + n)?.join(" ");
            PartialDate::parse(&phrase).ok().map(|d| (n, d))
        });
        match longest {
            Some((n, date)) => {
                if !found.contains(&date) {
                    found.push(date);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// The precision a note's words give, checked finest-first so "month and year" is a month.
fn precision_word(note: &str) -> Option<DatePrecision> {
    let lower = note.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    [
        ("quarter", DatePrecision::Quarter),
        ("half", DatePrecision::Half),
        ("month", DatePrecision::Month),
        ("year", DatePrecision::Year),
    ]
    .into_iter()
    .find(|(word, _)| words.contains(word))
    .map(|(_, p)| p)
}

/// The period of `precision` that contains `day`.
fn widen(day: PartialDate, precision: DatePrecision) -> PartialDate {
    let d = day.earliest();
    let (year, month) = (day.calendar_year(), chrono::Datelike::month(&d));
    let widened = match precision {
        DatePrecision::Year => PartialDate::year(year),
        DatePrecision::Half => PartialDate::half(year, month.div_ceil(6)),
        DatePrecision::Quarter => PartialDate::quarter(year, month.div_ceil(3)),
        DatePrecision::Month => PartialDate::month(year, month),
        DatePrecision::Day => Ok(day),
    };
    // The year and month come from a valid date, so widening cannot fail; keep the day if
    // it somehow does.
    widened.unwrap_or(day)
}

/// The online date a stored cell and its note give; see the module docs.
///
/// # Errors
/// A message when there is no stored date and the note names more than one.
pub(super) fn recover(
    stored: Option<PartialDate>,
    note: Option<&str>,
) -> Result<Option<PartialDate>, String> {
    let named = note.map(dates_in).unwrap_or_default();
    match stored {
        Some(day) if day.precision() == DatePrecision::Day => {
            let covering = named.into_iter().find(|d| d.contains(day.earliest()));
            let worded = || note.and_then(precision_word).map(|p| widen(day, p));
            Ok(Some(covering.or_else(worded).unwrap_or(day)))
        }
        Some(partial) => Ok(Some(partial)),
        None => match named.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => Err(format!(
                "the note names several dates ({}) and the date column is empty, so no date is taken",
                many.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        },
    }
}

/// The day Epoch AI would store for `date`: the 15th of a month, 07-01 of a year, the 15th of
/// a quarter's middle month; and for a half, which Epoch AI does not use, 04-15 or 10-15.
pub(super) fn stored_day(date: PartialDate) -> PartialDate {
    let year = date.calendar_year();
    let month = chrono::Datelike::month(&date.earliest());
    let day = match date.precision() {
        DatePrecision::Day => return date,
        DatePrecision::Year => PartialDate::day(year, 7, 1),
        DatePrecision::Half => PartialDate::day(year, month + 3, 15),
        DatePrecision::Quarter => PartialDate::day(year, month + 1, 15),
        DatePrecision::Month => PartialDate::day(year, month, 15),
    };
    day.unwrap_or(date)
}

/// The note that tells the precision of `date` back: "Year only: 2026"; `None` for a day.
pub(super) fn precision_note(date: PartialDate) -> Option<String> {
    let what = match date.precision() {
        DatePrecision::Day => return None,
        DatePrecision::Year => "Year",
        DatePrecision::Half => "Half",
        DatePrecision::Quarter => "Quarter",
        DatePrecision::Month => "Month",
    };
    Some(format!("{what} only: {date}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn note_dates_that_cover_the_day_win() {
        let got = recover(Some(d("2026-10-15")), Some("Planned H2 2026")).unwrap();
        assert_eq!(got, Some(d("2026-H2")));
        // A date that does not cover the stored day is something else (an announcement).
        let got = recover(Some(d("2025-03-15")), Some("Announced June 2024")).unwrap();
        assert_eq!(got, Some(d("2025-03-15")));
    }

    #[test]
    fn precision_words_widen() {
        let day = Some(d("2024-07-01"));
        assert_eq!(recover(day, Some("Year only")).unwrap(), Some(d("2024")));
        assert_eq!(
            recover(Some(d("2024-05-15")), Some("month and year only")).unwrap(),
            Some(d("2024-05"))
        );
        assert_eq!(
            recover(Some(d("2024-05-15")), Some("Quarter known")).unwrap(),
            Some(d("2024-Q2"))
        );
        assert_eq!(
            recover(Some(d("2024-05-15")), Some("yearly report")).unwrap(),
            Some(d("2024-05-15"))
        );
    }

    #[test]
    fn undated_rows_take_one_named_date() {
        assert_eq!(
            recover(None, Some("Planned 2027")).unwrap(),
            Some(d("2027"))
        );
        assert_eq!(recover(None, Some("no date given")).unwrap(), None);
        assert!(recover(None, Some("Announced June 2024, planned 2026")).is_err());
        assert_eq!(recover(None, None).unwrap(), None);
    }

    #[test]
    fn stored_days_read_back() {
        for s in [
            "2026",
            "2026-H1",
            "2026-H2",
            "2026-Q1",
            "2026-Q4",
            "2026-06",
            "2026-06-11",
        ] {
            let date = d(s);
            let note = precision_note(date);
            let back = recover(Some(stored_day(date)), note.as_deref()).unwrap();
            assert_eq!(back, Some(date), "{s}");
        }
        assert_eq!(parse_cell("2024-06-15 00:00:00").unwrap(), d("2024-06-15"));
        assert_eq!(parse_cell("2024-06-15T00:00").unwrap(), d("2024-06-15"));
        assert!(parse_cell("15/06/2024").is_err());
    }
}
