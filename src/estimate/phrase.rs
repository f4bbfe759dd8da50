//! Reading announcement phrases into estimate kinds; the phrasings are listed in the module
//! docs of [`crate::estimate`].

use super::{Amount, DEFAULT_TOLERANCE, EstimateKind};
use crate::text::check_text;
use crate::units::{is_quantity_char, normalize, underflow};
use crate::{Error, Result};

/// What [`parse`] reads, for [`Error::UnexpectedCharacter`].
const EXPECTED: &str = "an estimate such as \"more than 3,000 exaflops\", \"about 40 MW\", \
                        \"10-20 MW\", \"40 MW ±5%\" or \"14,000 GPUs\"";

/// The characters of a phrase: those of a quantity, and the symbols of the phrasings.
fn is_phrase_char(c: char) -> bool {
    is_quantity_char(c)
        || matches!(
            c,
            '≥' | '≤' | '≈' | '~' | '>' | '<' | '=' | '±' | '%' | '–' | '—'
        )
}

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
    T::parse_amount(s).map_err(|e| match e {
        // Its own message already says what to write; the phrasings would bury it.
        Error::MissingCountUnit { example, .. } => Error::MissingCountUnit {
            input: input.to_owned(),
            example,
        },
        e => unreadable(input, format!("{e}; {ACCEPTED}")),
    })
}

pub(super) fn parse<T: Amount>(input: &str) -> Result<EstimateKind<T>> {
    let text = check_text(input, is_phrase_char, EXPECTED)?;
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
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
    let percent = tol.trim().strip_suffix('%').map(str::trim);
    let tolerance: f64 = percent
        .and_then(|p| super::shift_point(p, -2))
        .and_then(|f| f.parse().ok())
        .ok_or_else(|| {
            unreadable(
                input,
                "a tolerance is written as \"±P%\", e.g. \"40 MW ±5%\"",
            )
        })?;
    if let Some(reason) = percent.and_then(|p| underflow(p, tolerance)) {
        return Err(unreadable(input, format!("the tolerance is {reason}")));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::Estimate;
    use crate::units::{AcceleratorCount, ComputeRate, Power};

    fn junk<T: Amount>(input: &str) -> (char, usize) {
        match Estimate::<T>::parse(input) {
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
        assert_eq!(junk::<Power>("about 40 MW\0"), ('\0', 11));
        assert_eq!(junk::<Power>("\0about 40 MW"), ('\0', 0));
        assert_eq!(junk::<Power>("about 40 MW\u{200b}"), ('\u{200b}', 11));
        assert_eq!(junk::<Power>("about\u{a0}40 MW\0\0"), ('\0', 11));
        assert_eq!(junk::<Power>("about 40 MW!!!"), ('!', 11));
        assert_eq!(junk::<Power>("about\u{2060} 40 MW"), ('\u{2060}', 5));
        assert_eq!(junk::<Power>("40 MW \u{b1}5%\u{ad}"), ('\u{ad}', 9));
        assert_eq!(junk::<Power>("10\u{200d}-20 MW"), ('\u{200d}', 2));
        assert_eq!(junk::<ComputeRate>("more than\t3,000 exaflops"), ('\t', 9));
        assert_eq!(junk::<u64>("14,000 GPUs!!!"), ('!', 11));
        assert_eq!(junk::<u64>("up to 10,000?"), ('?', 12));
        assert_eq!(
            junk::<AcceleratorCount>("14,000 Blackwell\u{feff} GPUs"),
            ('\u{feff}', 16)
        );
        assert_eq!(junk::<AcceleratorCount>("hundreds of GPUs;"), (';', 16));
    }

    #[test]
    fn phrasings_with_symbols_and_spaces_are_still_read() -> Result<()> {
        for phrase in [
            " more than 3,000 exaflops ",
            "≥ 3,000 EFLOP/s",
            "> 3,000\u{a0}EFLOP/s",
            "3,000+ EFLOP/s",
        ] {
            let e: Estimate<ComputeRate> = Estimate::parse(phrase)?;
            assert_eq!(e.to_string(), "≥ 3 ZFLOP/s", "{phrase}");
        }
        let e: Estimate<Power> = Estimate::parse("about  40 MW")?;
        assert_eq!(e.to_string(), "≈ 40 MW");
        let e: Estimate<Power> = Estimate::parse("40 MW ±5%")?;
        assert_eq!(e.to_string(), "40 MW ±5%");
        let e: Estimate<Power> = Estimate::parse("10–20 MW")?;
        assert_eq!(e.to_string(), "10–20 MW");
        let e: Estimate<u64> = Estimate::parse("n/a")?;
        assert_eq!(e.kind(), &EstimateKind::Unknown);
        Ok(())
    }

    #[test]
    fn non_zero_values_never_read_as_zero() {
        for phrase in [
            "about 1e-400 PFLOP/s",
            "more than 1e-400 FLOP/s",
            "0 FLOP/s to 1e-400 FLOP/s",
        ] {
            let error = Estimate::<ComputeRate>::parse(phrase).unwrap_err();
            assert!(
                matches!(&error, Error::UnreadablePhrase { reason, .. } if reason.contains("too small to represent")),
                "{phrase}: {error:?}"
            );
        }
        let tiny = format!("40 MW ±0.{}1%", "0".repeat(400));
        let error = Estimate::<Power>::parse(&tiny).unwrap_err();
        assert!(
            matches!(&error, Error::UnreadablePhrase { reason, .. } if reason.starts_with("the tolerance is too small to represent")),
            "{error:?}"
        );
        assert!(Estimate::<Power>::parse("40 MW ±0.000%").is_ok());
    }
}
