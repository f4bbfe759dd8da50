//! Reading and writing quantities as people write them: "3,000 exaflops", "40MW", "1.2e18 FLOP/s".
//!
//! A quantity string is a number, optional white space, then a unit. The number may use `,`
//! as a thousands separator (in groups of three), a decimal point and an exponent. The unit is
//! matched case-insensitively against the spellings each quantity documents; spellings that
//! mean different things in different contexts ("exaflop", "PF") are errors with a hint.
//!
//! Every character is read: the parsers first check the text with
//! [`check_text`](crate::text::check_text) against [`is_quantity_char`] (or a wider alphabet,
//! for figures and estimates), so a NUL, a zero-width space or `"!"` is an error, not part of
//! an unknown unit. A non-zero number too small for `f64` is an error rather than a zero.

use crate::text::is_space;
use crate::{Error, Result};

/// The characters of a quantity: ASCII letters and digits, spaces, and `. , + - − /` (the
/// minus sign is read only to say that negative values are not accepted).
pub(crate) fn is_quantity_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_space(c)
        || matches!(c, '.' | ',' | '+' | '-' | '\u{2212}' | '/')
}

/// The characters of a tag ("fp4", "2:4 sparse", "under-construction"): ASCII letters and
/// digits, spaces, `-` and `:`.
pub(crate) fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_space(c) || matches!(c, '-' | ':')
}

/// The reason a written number that reads as `value` is not what was written, if it is not:
/// a non-zero number that rounds to zero in `f64`. Subnormal results (below 2.2e-308) are
/// kept: they are the nearest `f64`, and every value the constructors accept must read back
/// from its text.
pub(crate) fn underflow(number: &str, value: f64) -> Option<&'static str> {
    let mantissa = number.split(['e', 'E']).next().unwrap_or(number);
    (value == 0.0 && mantissa.bytes().any(|b| matches!(b, b'1'..=b'9'))).then_some(
        "too small to represent: the number rounds to 0 in f64, whose smallest positive value is 5e-324; write 0 for zero",
    )
}

/// One unit a quantity displays in: its symbol and its size in the quantity's base unit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rung {
    pub(crate) symbol: &'static str,
    pub(crate) factor: f64,
}

/// Splits `"3,000 exaflops"` into `3000.0` and `"exaflops"`.
pub(crate) fn split_number(input: &str) -> Result<(f64, &str)> {
    let s = input.trim();
    let bad = |reason: &str| Error::InvalidNumber {
        input: input.to_owned(),
        reason: reason.to_owned(),
    };
    let end = number_end(s);
    if end == 0 {
        return Err(bad(if s.starts_with(['-', '−']) {
            "negative values are not accepted; quantities are non-negative"
        } else {
            "expected a number first, e.g. \"3,000 EFLOP/s\" or \"40 MW\""
        }));
    }
    let (number, unit) = s.split_at(end);
    let digits = strip_thousands(number).ok_or_else(|| {
        bad("thousands separators must group three digits, as in \"3,000\" or \"14,000\"")
    })?;
    let value: f64 = digits
        .parse()
        .map_err(|_| bad("expected digits with an optional decimal point and exponent"))?;
    if let Some(reason) = underflow(number, value) {
        return Err(bad(reason));
    }
    Ok((value, unit.trim_start()))
}

/// Byte length of the leading number token: digits, `,`, `.`, and an exponent `e±d` only when
/// a digit follows (so that "3EFLOP/s" reads as 3 EFLOP/s, not as an exponent).
fn number_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
        i += 1;
    }
    if i > 0 && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    // A trailing comma belongs to the sentence, not the number.
    while i > 0 && b[i - 1] == b',' {
        i -= 1;
    }
    i
}

/// Removes thousands separators, checking that they group digits in threes.
fn strip_thousands(number: &str) -> Option<String> {
    if !number.contains(',') {
        return Some(number.to_owned());
    }
    let (int, rest) = match number.find(['.', 'e', 'E']) {
        Some(p) => number.split_at(p),
        None => (number, ""),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || rest.contains(',') {
        return None;
    }
    let mut out = String::from(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        out.push_str(g);
    }
    out.push_str(rest);
    Some(out)
}

/// Reads a number token as an exact whole number: digits with `,` separators, an optional
/// fraction of zeros, an optional exponent ("9007199254740993.0", "1.5e3"). `None` when the
/// value is not whole, is negative, or does not fit a `u64`: counts never go through `f64`,
/// which cannot hold every integer above 2^53.
pub(crate) fn parse_whole(number: &str) -> Option<u64> {
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(p) => (&number[..p], number[p + 1..].parse::<i32>().ok()?),
        None => (number, 0),
    };
    let plain = strip_thousands(mantissa)?;
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits: String = [int, frac].concat();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // value = digits × 10^(exponent − decimals)
    let shift = i64::from(exponent) - frac.len() as i64;
    let (kept, dropped) = if shift < 0 {
        let cut = digits.len().saturating_sub(shift.unsigned_abs() as usize);
        (&digits[..cut], &digits[cut..])
    } else {
        (digits.as_str(), "")
    };
    if !dropped.bytes().all(|b| b == b'0') {
        return None;
    }
    let mut value: u64 = if kept.is_empty() {
        0
    } else {
        kept.parse().ok()?
    };
    for _ in 0..shift.max(0) {
        value = value.checked_mul(10)?;
    }
    Some(value)
}

/// Lower-cases a unit and folds inner white space, for matching.
pub(crate) fn normalize(unit: &str) -> String {
    unit.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// SI prefixes the FLOP-based units take, as words and letters, with their factors.
const FLOP_PREFIXES: [(&str, &str, f64); 9] = [
    ("", "", 1.0),
    ("kilo", "k", 1e3),
    ("mega", "m", 1e6),
    ("giga", "g", 1e9),
    ("tera", "t", 1e12),
    ("peta", "p", 1e15),
    ("exa", "e", 1e18),
    ("zetta", "z", 1e21),
    ("yotta", "y", 1e24),
];

/// What a FLOP-based unit spelling denotes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FlopReading {
    /// "EFLOP": an amount of work.
    Work(f64),
    /// "EFLOP/s", "exaflop per second": a rate.
    Rate(f64),
    /// "exaflops", "EFLOPS": a rate in press usage, a plural amount of work in others.
    RateOrWorkPlural(f64),
    /// "EF", "PF": short forms that name no quantity.
    Bare(f64),
}

/// Reads a normalized FLOP unit ("pflops", "exaflop/s", "gflop per second"), if it is one.
pub(crate) fn read_flop_unit(norm: &str) -> Option<FlopReading> {
    for (word, letter, factor) in FLOP_PREFIXES.iter().rev() {
        for prefix in [word, letter] {
            let Some(rest) = norm.strip_prefix(prefix) else {
                continue;
            };
            let rest = rest.trim_start_matches('-');
            let reading = match rest {
                "flop" => FlopReading::Work(*factor),
                "flops" => FlopReading::RateOrWorkPlural(*factor),
                "flop/s" | "flops/s" | "flop/sec" | "flop per second" | "flops per second" => {
                    FlopReading::Rate(*factor)
                }
                "f" if !prefix.is_empty() => FlopReading::Bare(*factor),
                _ => continue,
            };
            return Some(reading);
        }
    }
    None
}

/// Picks the largest rung not above `value`, or the smallest for values below every rung.
pub(crate) fn pick_rung(ladder: &'static [Rung], value: f64) -> Rung {
    let mut best = ladder[0];
    for rung in ladder {
        if value >= rung.factor {
            best = *rung;
        }
    }
    best
}

/// Writes `value` (in base units) in the rung's unit: shortest round-trip digits, honouring a
/// requested precision, and scientific notation for values too large to print in full.
pub(crate) fn write_scaled(
    f: &mut std::fmt::Formatter<'_>,
    value: f64,
    rung: Rung,
) -> std::fmt::Result {
    let scaled = value / rung.factor;
    match (f.precision(), scaled >= 1e15) {
        (Some(p), false) => write!(f, "{scaled:.p$} {}", rung.symbol),
        (Some(p), true) => write!(f, "{scaled:.p$e} {}", rung.symbol),
        (None, false) => write!(f, "{scaled} {}", rung.symbol),
        (None, true) => write!(f, "{scaled:e} {}", rung.symbol),
    }
}

/// The wire form of a quantity: a readable rung when it round-trips bit for bit, else the base unit.
pub(crate) fn exact_string(value: f64, ladder: &'static [Rung]) -> String {
    let rung = pick_rung(ladder, value);
    let scaled = value / rung.factor;
    if scaled * rung.factor == value {
        format!("{scaled} {}", rung.symbol)
    } else {
        format!("{value:e} {}", ladder[0].symbol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_separators_and_exponents() {
        assert_eq!(
            split_number("3,000 exaflops").unwrap(),
            (3000.0, "exaflops")
        );
        assert_eq!(split_number("40MW").unwrap(), (40.0, "MW"));
        assert_eq!(split_number(" 1.2e18 FLOP/s ").unwrap(), (1.2e18, "FLOP/s"));
        assert_eq!(split_number("3EFLOP/s").unwrap(), (3.0, "EFLOP/s"));
        assert_eq!(split_number("1,234,567.5 W").unwrap(), (1_234_567.5, "W"));
    }

    #[test]
    fn malformed_numbers_are_errors() {
        for bad in ["3,00 W", ",300 W", "1,2345 W", "W", "", "-5 MW", "1.2.3 W"] {
            assert!(
                matches!(split_number(bad), Err(Error::InvalidNumber { .. })),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn non_zero_numbers_that_round_to_zero_are_errors() {
        for tiny in ["1e-400 W", "0.0001e-320 W", "2e-324 W", "0.1e-999999 W"] {
            match split_number(tiny) {
                Err(Error::InvalidNumber { reason, .. }) => {
                    assert!(reason.starts_with("too small to represent: "), "{reason}");
                }
                other => panic!("{tiny:?}: {other:?}"),
            }
        }
        assert_eq!(
            split_number("1e-400 PFLOP/s"),
            Err(Error::InvalidNumber {
                input: "1e-400 PFLOP/s".to_owned(),
                reason: "too small to represent: the number rounds to 0 in f64, whose smallest positive value is 5e-324; write 0 for zero".to_owned(),
            })
        );
        // Zero written as zero is zero; subnormal numbers are kept.
        for zero in ["0 W", "0.000e-400 W", "0e999 W", "0,000 W"] {
            assert_eq!(split_number(zero).unwrap(), (0.0, "W"), "{zero}");
        }
        assert_eq!(split_number("5e-324 W").unwrap(), (5e-324, "W"));
        assert_eq!(split_number("1e-310 W").unwrap(), (1e-310, "W"));
    }

    #[test]
    fn whole_numbers_are_exact() {
        assert_eq!(parse_whole("9007199254740993"), Some(9_007_199_254_740_993));
        assert_eq!(
            parse_whole("9007199254740993.0"),
            Some(9_007_199_254_740_993)
        );
        assert_eq!(
            parse_whole("9007199254740993e0"),
            Some(9_007_199_254_740_993)
        );
        assert_eq!(
            parse_whole("123456789012345678.9e1"),
            Some(1_234_567_890_123_456_789)
        );
        assert_eq!(parse_whole("14,000"), Some(14_000));
        assert_eq!(parse_whole("1.5e3"), Some(1_500));
        assert_eq!(parse_whole("1.5"), None);
        assert_eq!(parse_whole("18446744073709551616"), None);
        assert_eq!(parse_whole("1e20"), None);
        assert_eq!(parse_whole("100e-2"), Some(1));
        assert_eq!(parse_whole("150e-2"), None);
    }

    #[test]
    fn flop_unit_readings() {
        assert_eq!(read_flop_unit("eflop/s"), Some(FlopReading::Rate(1e18)));
        assert_eq!(
            read_flop_unit("exaflops"),
            Some(FlopReading::RateOrWorkPlural(1e18))
        );
        assert_eq!(read_flop_unit("pflop"), Some(FlopReading::Work(1e15)));
        assert_eq!(read_flop_unit("flop/s"), Some(FlopReading::Rate(1.0)));
        assert_eq!(read_flop_unit("pf"), Some(FlopReading::Bare(1e15)));
        assert_eq!(read_flop_unit("mw"), None);
        assert_eq!(read_flop_unit("f"), None);
    }
}
