//! Strict input: no parser quietly accepts junk, and a written non-zero value never becomes zero.
//!
//! Every string parser of the crate is given the same tricks (a NUL inside, before or after the
//! value, a zero-width space, a byte-order mark, a soft hyphen, a bidi mark, a tab between
//! words, trailing "!!!") and must answer `Error::UnexpectedCharacter` with the character and
//! its position (0-based, in characters). Numbers too small or too large for `f64` are errors,
//! never 0 or infinity.

use proptest::prelude::*;
use sovereign_compute::estimate::Estimate;
use sovereign_compute::model::{DeploymentId, OrganisationId, Status};
use sovereign_compute::units::{
    AcceleratorCount, Basis, ComputeFigure, ComputeRate, CountingUnit, Energy, EnergyEfficiency,
    Frequency, Operations, Power, Precision, Sparsity, Time,
};
use sovereign_compute::{Bloc, Country, Error, PartialDate};

/// A parser under test, reduced to its verdict.
type Parse = fn(&str) -> Result<(), Error>;

fn ok<T>(result: Result<T, Error>) -> Result<(), Error> {
    result.map(|_| ())
}

/// Every string parser of the crate, each with a valid input in the form it documents.
fn parsers() -> Vec<(&'static str, Parse, &'static str)> {
    vec![
        ("country code", |s| ok(Country::parse(s)), "FR"),
        (
            "country name",
            |s| ok(Country::parse(s)),
            "Korea (Republic of)",
        ),
        ("country alias", |s| ok(s.parse::<Country>()), "UK"),
        ("bloc", |s| ok(s.parse::<Bloc>()), "EU-27"),
        ("date", |s| ok(PartialDate::parse(s)), "2026-Q1"),
        (
            "date words",
            |s| ok(s.parse::<PartialDate>()),
            "end of June 2026",
        ),
        (
            "compute rate",
            |s| ok(s.parse::<ComputeRate>()),
            "3,000 exaflops",
        ),
        ("operations", |s| ok(s.parse::<Operations>()), "3.8e25 FLOP"),
        ("time", |s| ok(s.parse::<Time>()), "90 min"),
        ("power", |s| ok(s.parse::<Power>()), "40 MW"),
        ("energy", |s| ok(s.parse::<Energy>()), "1.2 megawatt-hours"),
        (
            "efficiency",
            |s| ok(s.parse::<EnergyEfficiency>()),
            "25 GFLOP/s/W",
        ),
        ("frequency", |s| ok(s.parse::<Frequency>()), "1.98 GHz"),
        (
            "compute figure",
            |s| ok(s.parse::<ComputeFigure>()),
            "1,440 PFLOP/s FP4 sparse",
        ),
        (
            "count",
            |s| ok(s.parse::<AcceleratorCount>()),
            "14,000 GPUs",
        ),
        (
            "counting unit",
            |s| ok(s.parse::<CountingUnit>()),
            "superchips",
        ),
        ("precision tag", |s| ok(s.parse::<Precision>()), "FP4"),
        ("sparsity tag", |s| ok(s.parse::<Sparsity>()), "2:4 sparse"),
        ("basis tag", |s| ok(s.parse::<Basis>()), "HPL"),
        (
            "status tag",
            |s| ok(s.parse::<Status>()),
            "under construction",
        ),
        (
            "rate estimate",
            |s| ok(Estimate::<ComputeRate>::parse(s)),
            "more than 3,000 exaflops",
        ),
        (
            "power estimate",
            |s| ok(Estimate::<Power>::parse(s)),
            "about 40 MW",
        ),
        (
            "tolerance estimate",
            |s| ok(Estimate::<Power>::parse(s)),
            "40 MW ±5%",
        ),
        (
            "count estimate",
            |s| ok(Estimate::<AcceleratorCount>::parse(s)),
            "14,000 Blackwell GPUs",
        ),
        (
            "plain estimate",
            |s| ok(Estimate::<u64>::parse(s)),
            "up to 10,000",
        ),
        (
            "figure estimate",
            |s| ok(Estimate::<ComputeFigure>::parse(s)),
            "over 20 PFLOP/s FP4 sparse",
        ),
        (
            "deployment ID",
            |s| ok(s.parse::<DeploymentId>()),
            "fr-mistral-compute",
        ),
        (
            "organisation ID",
            |s| ok(OrganisationId::new(s)),
            "mistral-ai",
        ),
    ]
}

/// The character and position of an `UnexpectedCharacter` error for `input`, or a panic.
#[track_caller]
fn unexpected(name: &str, parse: Parse, input: &str) -> (char, usize) {
    match parse(input) {
        Err(Error::UnexpectedCharacter {
            input: given,
            character,
            position,
            expected,
        }) => {
            assert_eq!(given, input, "{name}: the error keeps the input as given");
            assert!(!expected.is_empty(), "{name}: says what it expected");
            (character, position)
        }
        other => panic!("{name} {input:?}: expected UnexpectedCharacter, got {other:?}"),
    }
}

#[test]
fn the_reported_country_cases() {
    let parse: Parse = |s| ok(Country::parse(s));
    for (input, character, position) in [
        ("Fr\0", '\0', 2),
        ("\0FR", '\0', 0),
        ("FR\u{200b}", '\u{200b}', 2),
        ("France\0\0", '\0', 6),
        ("FR!!!", '!', 2),
    ] {
        assert_eq!(
            unexpected("country", parse, input),
            (character, position),
            "{input:?}"
        );
    }
}

#[test]
fn the_valid_inputs_are_valid() {
    for (name, parse, valid) in parsers() {
        assert_eq!(parse(valid), Ok(()), "{name} {valid:?}");
        // White space around a value is still trimmed (IDs excepted: they are exact).
        if !name.ends_with(" ID") {
            assert_eq!(
                parse(&format!(" \t{valid}\r\n")),
                Ok(()),
                "{name} {valid:?}"
            );
        }
    }
}

#[test]
fn every_parser_rejects_the_same_tricks_with_the_character_and_its_position() {
    for (name, parse, valid) in parsers() {
        let n = valid.chars().count();
        let (first, rest) = valid.split_at(valid.chars().next().map_or(0, char::len_utf8));
        let tricks: Vec<(String, char, usize)> = vec![
            (format!("{valid}\0"), '\0', n),
            (format!("\0{valid}"), '\0', 0),
            (format!("{valid}\u{200b}"), '\u{200b}', n),
            (format!("{valid}\0\0"), '\0', n),
            (format!("  \u{feff}{valid}"), '\u{feff}', 2),
            (format!("{first}\u{ad}{rest}"), '\u{ad}', 1),
            (format!("{first}\u{200d}{rest}"), '\u{200d}', 1),
            (format!("{valid}\u{2060}"), '\u{2060}', n),
            (format!("\u{200e}{valid}"), '\u{200e}', 0),
            (format!("{first}\u{202e}{rest}"), '\u{202e}', 1),
            (format!("{first}\u{7f}{rest}"), '\u{7f}', 1),
            (format!("{first}\u{1b}{rest}"), '\u{1b}', 1),
            (format!("{first}\t{rest}"), '\t', 1),
            (format!("{first}\n{rest}"), '\n', 1),
            (format!("{first}\u{2028}{rest}"), '\u{2028}', 1),
            (format!("{first}\u{e0041}{rest}"), '\u{e0041}', 1),
        ];
        for (input, character, position) in tricks {
            assert_eq!(
                unexpected(name, parse, &input),
                (character, position),
                "{name} {input:?}"
            );
        }
    }
}

#[test]
fn trailing_punctuation_is_named_too() {
    for (name, parse, valid) in parsers() {
        let input = format!("{valid}!!!");
        if name.ends_with(" ID") {
            // IDs are exact: a visible character outside their syntax is the ID's own error,
            // whose message shows the whole ID.
            assert!(
                matches!(parse(&input), Err(Error::InvalidId { .. })),
                "{name} {input:?}"
            );
        } else {
            let n = valid.chars().count();
            assert_eq!(
                unexpected(name, parse, &input),
                ('!', n),
                "{name} {input:?}"
            );
        }
    }
}

#[test]
fn stray_punctuation_in_names_is_named() {
    let country: Parse = |s| ok(Country::parse(s));
    let bloc: Parse = |s| ok(s.parse::<Bloc>());
    for (parse, input, character, position) in [
        (country, "France,", ',', 6),
        (country, "France;", ';', 6),
        (country, "-France", '-', 0),
        (country, "Guinea--Bissau", '-', 6),
        (country, "(France)", '(', 0),
        (country, "Korea (Republic of", '(', 6),
        (country, "Côte d'", '\'', 6),
        (bloc, "EU-", '-', 2),
        (bloc, "E.U.", '.', 1),
        (bloc, "_efta", '_', 0),
    ] {
        assert_eq!(
            unexpected(input, parse, input),
            (character, position),
            "{input:?}"
        );
    }
}

#[test]
fn what_is_still_accepted_on_purpose() -> Result<(), Error> {
    assert_eq!(Country::parse("Korea (Republic of)")?, Country::KR);
    assert_eq!(Country::parse("UK")?, Country::GB);
    assert_eq!(Country::parse("U.S.A.")?, Country::US);
    assert_eq!(Country::parse("Korea, Rep.")?, Country::KR);
    assert_eq!(Country::parse("St Kitts & Nevis")?, Country::KN);
    assert_eq!(Country::parse("Falkland Islands [Malvinas]")?, Country::FK);
    assert_eq!(Country::parse("Côte d’Ivoire")?, Country::CI);
    assert_eq!(Country::parse("  united\u{a0}  KINGDOM \t")?, Country::GB);
    assert_eq!(
        PartialDate::parse(" H2\u{a0}2026\n")?,
        PartialDate::half(2026, 2)?
    );
    assert_eq!(
        PartialDate::parse("2026-Q1")?,
        PartialDate::quarter(2026, 1)?
    );
    assert_eq!(
        "3,000 exaflops".parse::<ComputeRate>()?,
        "3 ZFLOP/s".parse::<ComputeRate>()?
    );
    assert_eq!("40\u{202f}MW".parse::<Power>()?, "40 MW".parse::<Power>()?);
    let about: Estimate<Power> = Estimate::parse("about  40 MW")?;
    assert_eq!(about.to_string(), "≈ 40 MW");
    assert_eq!(Bloc::builtin(" European   Union "), Some(Bloc::eu()));
    Ok(())
}

#[test]
fn the_message_shows_the_character_escaped() {
    assert_eq!(
        Country::parse("FR\u{200b}").unwrap_err().to_string(),
        "unexpected character '\\u{200b}' at position 2 in \"FR\\u{200b}\": expected an ISO \
         3166-1 code or an English country name: letters, spaces, and . , ' - & ( ) [ ] where \
         names have them"
    );
    assert_eq!(
        "40 MW\0".parse::<Power>().unwrap_err().to_string(),
        "unexpected character '\\0' at position 5 in \"40 MW\\0\": expected a number and a power \
         unit, such as \"40 MW\""
    );
    assert_eq!(
        "14,000 GPUs!!!"
            .parse::<AcceleratorCount>()
            .unwrap_err()
            .to_string(),
        "unexpected character '!' at position 11 in \"14,000 GPUs!!!\": expected a whole number \
         and a counting unit, such as \"14,000 GPUs\""
    );
}

// ---------------------------------------------------------------------------------------------
// Underflow and overflow
// ---------------------------------------------------------------------------------------------

const TOO_SMALL: &str = "too small to represent";

#[track_caller]
fn too_small(result: Result<(), Error>, input: &str) {
    match result {
        Err(Error::InvalidNumber { reason, .. }) | Err(Error::UnreadablePhrase { reason, .. })
            if reason.contains(TOO_SMALL) => {}
        other => panic!("{input:?}: expected a too-small error, got {other:?}"),
    }
}

#[test]
fn a_written_non_zero_quantity_never_reads_as_zero() {
    let cases: [(Parse, &str); 12] = [
        (|s| ok(s.parse::<ComputeRate>()), "1e-400 PFLOP/s"),
        (|s| ok(s.parse::<ComputeRate>()), "0.1e-323 FLOP/s"),
        (|s| ok(s.parse::<Operations>()), "1e-400 EFLOP"),
        (|s| ok(s.parse::<Time>()), "1e-400 h"),
        (|s| ok(s.parse::<Power>()), "1e-400 MW"),
        (|s| ok(s.parse::<Energy>()), "1e-400 kWh"),
        (|s| ok(s.parse::<EnergyEfficiency>()), "1e-400 GFLOP/s/W"),
        (|s| ok(s.parse::<Frequency>()), "1e-400 GHz"),
        (
            |s| ok(s.parse::<ComputeFigure>()),
            "1e-400 PFLOP/s FP4 sparse",
        ),
        (
            |s| ok(Estimate::<ComputeRate>::parse(s)),
            "more than 1e-400 PFLOP/s",
        ),
        (|s| ok(Estimate::<Power>::parse(s)), "about 1e-400 MW"),
        (|s| ok(Estimate::<Power>::parse(s)), "1e-400 MW to 2 MW"),
    ];
    for (parse, input) in cases {
        too_small(parse(input), input);
    }
    assert_eq!(
        "1e-400 PFLOP/s"
            .parse::<ComputeRate>()
            .unwrap_err()
            .to_string(),
        "invalid number in \"1e-400 PFLOP/s\": too small to represent: the number rounds to 0 in \
         f64, whose smallest positive value is 5e-324; write 0 for zero"
    );
    // A tolerance is a value too.
    let tiny = format!("40 MW ±0.{}1%", "0".repeat(330));
    too_small(ok(Estimate::<Power>::parse(&tiny)), &tiny);
    // Zero written as zero is zero, and subnormal values are kept, so that every value a
    // constructor accepts reads back from its text.
    assert_eq!("0e-400 W".parse::<Power>(), Ok(Power::ZERO));
    assert_eq!(
        "0.000 PFLOP/s".parse::<ComputeRate>(),
        Ok(ComputeRate::ZERO)
    );
    let smallest = Power::from_base(5e-324).unwrap();
    assert_eq!(smallest.to_string().parse::<Power>(), Ok(smallest));
}

#[test]
fn a_written_quantity_never_reads_as_infinity() {
    for input in ["1e400 W", "1e309 MW"] {
        assert!(
            matches!(
                input.parse::<Power>(),
                Err(Error::InvalidValue { value, reason, .. })
                    if value == f64::INFINITY && reason.contains("above 1.8e308")
            ),
            "{input}"
        );
    }
    // Finite as written, infinite once in the base unit.
    assert_eq!(
        "1e300 EFLOP/s".parse::<ComputeRate>(),
        Err(Error::Overflow {
            quantity: "compute rate",
            operation: "unit conversion"
        })
    );
    assert!(Estimate::<Power>::parse("about 1e400 MW").is_err());
    assert!("1e400 GPUs".parse::<AcceleratorCount>().is_err());
    assert!("1e-400 GPUs".parse::<AcceleratorCount>().is_err());
}

#[cfg(feature = "serde")]
mod json {
    use sovereign_compute::Error;
    use sovereign_compute::registry::Registry;

    fn power_doc(value: &str) -> String {
        format!(
            r#"{{"schema_version": 1, "deployments": [{{"id": "d", "name": "D", "host": "FR", "phases": [{{"name": "p", "status": "planned", "power": {{"value": {value}}}}}]}}]}}"#
        )
    }

    #[track_caller]
    fn json_error(doc: &str) -> (String, String) {
        match Registry::from_json(doc) {
            Err(Error::Json { path, message }) => (path, message),
            other => panic!("{doc}: expected Error::Json, got {other:?}"),
        }
    }

    #[test]
    fn tiny_numbers_in_json_are_errors_at_their_path() {
        let path = "deployments[0].phases[0].power.value";
        for (value, at) in [
            (r#"{"kind": "exact", "value": "1e-400 MW"}"#, "value"),
            (
                r#"{"kind": "exact", "value": {"value": 1e-400, "unit": "MW"}}"#,
                "value.value",
            ),
            (
                r#"{"kind": "approximately", "value": "40 MW", "tolerance": 1e-400}"#,
                "tolerance",
            ),
            (r#"{"kind": "exact", "value": "40 MW\u200b"}"#, "value"),
        ] {
            let (p, message) = json_error(&power_doc(value));
            assert!(p.starts_with(&format!("{path}.{at}")), "{value}: {p}");
            assert!(
                message.contains("too small to represent")
                    || message.contains("unexpected character '\\u{200b}' at position 5"),
                "{value}: {message}"
            );
        }
        // Zero is zero.
        let zero = power_doc(r#"{"kind": "exact", "value": {"value": 0e-400, "unit": "MW"}}"#);
        assert!(Registry::from_json(&zero).is_ok());
    }

    #[test]
    fn huge_numbers_in_json_are_errors_at_their_path() {
        for value in [
            r#"{"kind": "exact", "value": "1e400 MW"}"#,
            r#"{"kind": "exact", "value": {"value": 1e400, "unit": "MW"}}"#,
        ] {
            let (p, _) = json_error(&power_doc(value));
            assert!(
                p.starts_with("deployments[0].phases[0].power.value.value"),
                "{p}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One inserted control or format character, anywhere, is rejected
// ---------------------------------------------------------------------------------------------

/// Control characters that are not white space (white space at either end is trimmed), and
/// format characters (Unicode category Cf).
fn junk_char() -> impl Strategy<Value = char> {
    prop_oneof![
        (0u32..=0x1f).prop_filter_map("not white space", |u| char::from_u32(u)
            .filter(|c| !c.is_whitespace())),
        (0x7fu32..=0x9f).prop_filter_map("not white space", |u| char::from_u32(u)
            .filter(|c| !c.is_whitespace())),
        prop::sample::select(vec![
            '\u{ad}',
            '\u{600}',
            '\u{61c}',
            '\u{6dd}',
            '\u{70f}',
            '\u{180e}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206f}',
            '\u{feff}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{110bd}',
            '\u{13430}',
            '\u{1bca0}',
            '\u{1d173}',
            '\u{e0001}',
            '\u{e0020}',
            '\u{e007f}',
        ]),
    ]
}

proptest! {
    #[test]
    fn one_inserted_junk_character_is_rejected_where_it_stands(
        which in 0..parsers().len(),
        at in any::<prop::sample::Index>(),
        junk in junk_char(),
    ) {
        let (name, parse, valid) = parsers()[which];
        let chars: Vec<char> = valid.chars().collect();
        let position = at.index(chars.len() + 1);
        let input: String = chars[..position]
            .iter()
            .chain(std::iter::once(&junk))
            .chain(&chars[position..])
            .collect();
        match parse(&input) {
            Err(Error::UnexpectedCharacter { input: given, character, position: at, .. }) => {
                prop_assert_eq!((given.as_str(), character, at), (input.as_str(), junk, position));
            }
            other => prop_assert!(false, "{} {:?}: {:?}", name, input, other),
        }
    }
}
