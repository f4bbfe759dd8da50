//! Reading announcement phrases into estimate kinds; the phrasings are listed in the module
//! docs of [`crate::estimate`].

use super::{Amount, DEFAULT_TOLERANCE, EstimateKind};
use crate::units::normalize;
use crate::{Error, Result};

const AT_LEAST: [&str; 11] = [
    "more than",
    "over",
    "above",
    "at least",
    "in excess of",
    "upwards of",
    "exceeding",
    "≥",
    ">=",
    ">",
    "min.",
];
const AT_MOST: [&str; 13] = [
    "up to",
    "at most",
    "no more than",
    "not more than",
    "as many as",
    "less than",
    "fewer than",
    "under",
    "below",
    "≤",
    "<=",
    "<",
    "max.",
];
const ABOUT: [&str; 12] = [
    "about",
    "around",
    "approximately",
    "approx.",
    "roughly",
    "nearly",
    "almost",
    "some",
    "circa",
    "≈",
    "~",
    "c.",
];
const UNKNOWN: [&str; 7] = [
    "unknown",
    "undisclosed",
    "not disclosed",
    "not stated",
    "n/a",
    "tbd",
    "unspecified",
];
/// Vague quantifiers and the ranges they stand for, longest first so that "tens of
/// thousands of" is not read as "thousands of".
const VAGUE: [(&str, u64, u64); 6] = [
    ("hundreds of thousands of", 100_000, 999_999),
    ("tens of thousands of", 10_000, 99_999),
    ("millions of", 1_000_000, 9_999_999),
    ("thousands of", 1_000, 9_999),
    ("hundreds of", 100, 999),
    ("dozens of", 24, 99),
];

const ACCEPTED: &str = "accepted phrasings: N, more than/over/at least N, N+, up to/at most/no more than N, about/around/approximately/roughly/nearly N, N ±P%, N-M, between N and M, dozens/hundreds/thousands/tens of thousands of, unknown";

fn unreadable(input: &str, reason: impl Into<String>) -> Error {
    Error::UnreadablePhrase {
        input: input.to_owned(),
        reason: reason.into(),
    }
}

/// Strips `prefix` from the start of `s`, ignoring ASCII case, when a word boundary follows.
fn strip_word<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = &s[prefix.len()..];
    let symbol = !prefix.ends_with(|c: char| c.is_ascii_alphabetic());
    (symbol || rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

fn amount<T: Amount>(input: &str, s: &str) -> Result<T> {
    T::parse_amount(s).map_err(|e| unreadable(input, format!("{e}; {ACCEPTED}")))
}

pub(super) fn parse<T: Amount>(input: &str) -> Result<EstimateKind<T>> {
    let folded = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = folded.as_str();
    if s.is_empty() {
        return Err(unreadable(
            input,
            format!("the phrase is empty; {ACCEPTED}"),
        ));
    }
    if UNKNOWN.contains(&normalize(s).as_str()) {
        return Ok(EstimateKind::Unknown);
    }
    for p in AT_LEAST {
        if let Some(rest) = strip_word(s, p) {
            return Ok(EstimateKind::AtLeast(amount(input, rest)?));
        }
    }
    for p in AT_MOST {
        if let Some(rest) = strip_word(s, p) {
            return Ok(EstimateKind::AtMost(amount(input, rest)?));
        }
    }
    for p in ABOUT {
        if let Some(rest) = strip_word(s, p) {
            return Ok(EstimateKind::Approximately {
                value: amount(input, rest)?,
                tolerance: DEFAULT_TOLERANCE,
            });
        }
    }
    for (p, low, high) in VAGUE {
        if let Some(rest) = strip_word(s, p) {
            return range(input, &format!("{low} {rest}"), &format!("{high} {rest}"));
        }
    }
    if let Some(rest) = strip_word(s, "between") {
        let (a, b) = rest
            .split_once(" and ")
            .ok_or_else(|| unreadable(input, "\"between\" needs \"N and M\""))?;
        return range(input, &with_unit_of(a, b), b);
    }
    if let Some(kind) = tolerance_suffix(input, s)? {
        return Ok(kind);
    }
    if let Some((a, b)) = split_range(s) {
        return range(input, &with_unit_of(a, b), b);
    }
    if let Some(kind) = plus_suffix(input, s)? {
        return Ok(kind);
    }
    Ok(EstimateKind::Exact(amount(input, s)?))
}

fn range<T: Amount>(input: &str, low: &str, high: &str) -> Result<EstimateKind<T>> {
    let (low, high): (T, T) = (amount(input, low)?, amount(input, high)?);
    if low
        .try_cmp(&high)
        .map_err(|e| unreadable(input, e.to_string()))?
        == std::cmp::Ordering::Greater
    {
        return Err(unreadable(
            input,
            "the range's low end is above its high end",
        ));
    }
    Ok(EstimateKind::Range { low, high })
}

/// "10-20 MW": the low end borrows the unit words of the high end when it has none.
fn with_unit_of(low: &str, high: &str) -> String {
    let low = low.trim();
    if low
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        let unit = high
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
            .trim();
        format!("{low} {unit}")
    } else {
        low.to_owned()
    }
}

/// Splits "10-20 MW", "10–20 MW", "10 to 20 MW", "10 MW to 20 MW" at the range separator.
fn split_range(s: &str) -> Option<(&str, &str)> {
    if let Some((a, b)) = s.split_once(" to ") {
        return Some((a, b));
    }
    let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))?;
    let rest = &s[digits_end..];
    let sep = ['-', '–', '—'].into_iter().find(|c| rest.starts_with(*c))?;
    let after = &rest[sep.len_utf8()..];
    after
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| (&s[..digits_end], after))
}

/// "40 MW ±5%" or "40 MW +/- 5%".
fn tolerance_suffix<T: Amount>(input: &str, s: &str) -> Result<Option<EstimateKind<T>>> {
    let Some((value, tol)) = s.rsplit_once('±').or_else(|| s.rsplit_once("+/-")) else {
        return Ok(None);
    };
    // Move the point in the text rather than divide by 100, so that "±80.94040231079571%"
    // reads back as exactly the tolerance that displayed it.
    let tolerance: f64 = tol
        .trim()
        .strip_suffix('%')
        .and_then(|p| super::shift_point(p.trim(), -2))
        .and_then(|f| f.parse().ok())
        .ok_or_else(|| {
            unreadable(
                input,
                "a tolerance is written as \"±P%\", e.g. \"40 MW ±5%\"",
            )
        })?;
    if !(0.0..1.0).contains(&tolerance) {
        return Err(unreadable(
            input,
            "a tolerance must be from 0% up to (not including) 100%",
        ));
    }
    Ok(Some(EstimateKind::Approximately {
        value: amount(input, value.trim())?,
        tolerance,
    }))
}

/// "10,000+ GPUs" and "10,000 or more GPUs".
fn plus_suffix<T: Amount>(input: &str, s: &str) -> Result<Option<EstimateKind<T>>> {
    let digits_end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    let (number, rest) = s.split_at(digits_end);
    let rest = if let Some(r) = rest.strip_prefix('+') {
        r
    } else if let Some(r) = strip_word(rest.trim_start(), "or more") {
        r
    } else if rest.trim() == "or more" {
        ""
    } else {
        return Ok(None);
    };
    if number.is_empty() {
        return Ok(None);
    }
    Ok(Some(EstimateKind::AtLeast(amount(
        input,
        &format!("{number} {}", rest.trim()),
    )?)))
}
