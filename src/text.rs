//! Strict reading of text input: the one check every parser in the crate runs first.
//!
//! A parser may trim white space around a value (Unicode `White_Space`, as [`str::trim`] does)
//! and, where its docs say so, fold runs of spaces between words. It never skips a character
//! it does not read. [`check_text`] enforces that before the parser looks at the text:
//!
//! - control characters (Unicode category Cc: NUL, tab or line feed inside a value, DEL, C1
//!   controls) and line or paragraph separators (U+2028, U+2029) are rejected anywhere inside
//!   the value;
//! - format characters (category Cf: zero-width space U+200B, zero-width (non-)joiner, word
//!   joiner U+2060, byte-order mark U+FEFF, soft hyphen U+00AD, the bidi marks and embeddings,
//!   language tags, ...) are rejected anywhere, around the value too, since they are not
//!   white space;
//! - every other character must belong to the parser's alphabet (letters, digits, spaces and
//!   the punctuation its forms use), so that stray punctuation such as `"FR!!!"` is an error
//!   rather than something a lenient matcher would drop.
//!
//! The error is [`Error::UnexpectedCharacter`]: the input as given, the character, its
//! position (a 0-based index in characters, not bytes, counted in the untrimmed input) and
//! what the parser expected.

use crate::{Error, Result};

/// Trims white space around `input` and checks that every character left is one the parser
/// reads: not a control, format or line-separator character, and `allowed` by its alphabet.
/// Returns the trimmed text; positions in errors count characters of the untrimmed `input`.
pub(crate) fn check_text<'a>(
    input: &'a str,
    allowed: impl Fn(char) -> bool,
    expected: &'static str,
) -> Result<&'a str> {
    let trimmed = input.trim();
    let lead = input.len() - input.trim_start().len();
    let skipped = input[..lead].chars().count();
    // Format characters are not white space, so `trim` keeps them and the loop sees them.
    match trimmed
        .chars()
        .enumerate()
        .find(|&(_, c)| is_junk(c) || !allowed(c))
    {
        Some((i, character)) => Err(Error::UnexpectedCharacter {
            input: input.to_owned(),
            character,
            position: skipped + i,
            expected,
        }),
        None => Ok(trimmed),
    }
}

/// Checks `input` as it is, without trimming: for IDs, which are exact. Only control, format
/// and line-separator characters are reported here; the ID's own syntax check does the rest.
pub(crate) fn check_exact(input: &str, expected: &'static str) -> Result<()> {
    match input.chars().enumerate().find(|&(_, c)| is_junk(c)) {
        Some((position, character)) => Err(Error::UnexpectedCharacter {
            input: input.to_owned(),
            character,
            position,
            expected,
        }),
        None => Ok(()),
    }
}

/// The error for `character` at byte offset `byte` of `input`, for a parser that finds a
/// character in its alphabet standing where its forms never have it (a trailing comma).
pub(crate) fn unexpected_at(input: &str, byte: usize, expected: &'static str) -> Error {
    let before = input.get(..byte).unwrap_or(input);
    Error::UnexpectedCharacter {
        input: input.to_owned(),
        character: input
            .get(byte..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or('\0'),
        position: before.chars().count(),
        expected,
    }
}

/// A space between words: Unicode category Zs (the ASCII space, no-break space U+00A0, narrow
/// no-break space U+202F, the en and em spaces, ideographic space, ...). Tabs and line breaks
/// are control characters: trimmed around a value, rejected inside it.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// A character no value in the crate contains: a control character (Cc), a line or paragraph
/// separator (Zl, Zp) or a format character (Cf).
fn is_junk(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_format(c)
}

/// Unicode general category Cf (format), as of Unicode 16.0 (`DerivedGeneralCategory.txt`):
/// invisible characters that change how neighbouring text is shown or joined, but are no
/// part of a word.
pub(crate) fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

#[cfg(any(feature = "serde", feature = "csv"))]
/// A column name from a label: lowercase ASCII letters and digits, anything else one `_`
/// ("host in eu on 2025-06-11" is `host_in_eu_on_2025_06_11`, "FP8 dense peak" is
/// `fp8_dense_peak`).
pub(crate) fn snake(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii_word(c: char) -> bool {
        c.is_ascii_alphanumeric() || is_space(c)
    }

    fn failure(input: &str) -> (char, usize) {
        match check_text(input, ascii_word, "a word") {
            Err(Error::UnexpectedCharacter {
                character,
                position,
                input: given,
                expected,
            }) => {
                assert_eq!((given.as_str(), expected), (input, "a word"));
                (character, position)
            }
            other => panic!("{input:?}: {other:?}"),
        }
    }

    #[test]
    fn white_space_around_is_trimmed_and_spaces_inside_are_kept() {
        assert_eq!(check_text("  ab c\t\n", ascii_word, "a word"), Ok("ab c"));
        assert_eq!(
            check_text("\u{a0}a\u{a0}b\u{3000}", ascii_word, "a word"),
            Ok("a\u{a0}b")
        );
        assert_eq!(check_text("", ascii_word, "a word"), Ok(""));
    }

    #[test]
    fn controls_formats_and_separators_are_reported_with_their_position() {
        assert_eq!(failure("Fr\0"), ('\0', 2));
        assert_eq!(failure("\0FR"), ('\0', 0));
        assert_eq!(failure("FR\u{200b}"), ('\u{200b}', 2));
        assert_eq!(failure(" \u{feff}FR"), ('\u{feff}', 1));
        assert_eq!(failure("a\tb"), ('\t', 1));
        assert_eq!(failure("a\nb"), ('\n', 1));
        assert_eq!(failure("a\u{2028}b"), ('\u{2028}', 1));
        assert_eq!(failure("a\u{85}b"), ('\u{85}', 1));
        assert_eq!(failure("é\u{ad}"), ('é', 0));
        assert_eq!(failure("ab\u{ad}"), ('\u{ad}', 2));
        assert_eq!(failure("FR!!!"), ('!', 2));
    }

    #[test]
    fn junk_is_junk_even_where_the_alphabet_would_take_it() {
        let anything = |_: char| true;
        for c in [
            '\0',
            '\u{7f}',
            '\u{9f}',
            '\u{200d}',
            '\u{2060}',
            '\u{e0041}',
        ] {
            assert!(
                check_text(&format!("a{c}b"), anything, "x").is_err(),
                "{c:?}"
            );
            assert!(check_exact(&format!("a{c}b"), "x").is_err(), "{c:?}");
        }
        assert_eq!(check_exact(" a!", "x"), Ok(()));
    }

    #[test]
    fn format_characters_are_not_white_space() {
        // If one were, `trim` would drop it before the check could see it.
        for c in ('\0'..=char::MAX).filter(|&c| is_format(c)) {
            assert!(!c.is_whitespace(), "{c:?}");
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn spaces_are_white_space_and_not_control() {
        for c in ('\0'..=char::MAX).filter(|&c| is_space(c)) {
            assert!(c.is_whitespace() && !c.is_control(), "{c:?}");
        }
        // Every white-space character is a space, a control or a line/paragraph separator.
        for c in ('\0'..=char::MAX).filter(|c| c.is_whitespace()) {
            assert!(is_space(c) || is_junk(c), "{c:?}");
        }
    }

    #[test]
    fn error_points_at_a_byte_offset_in_characters() {
        assert_eq!(
            unexpected_at("Côte,", 5, "a name"),
            Error::UnexpectedCharacter {
                input: "Côte,".to_owned(),
                character: ',',
                position: 4,
                expected: "a name",
            }
        );
    }
}
