//! JSON reading with the path of a bad value in the error.

mod strict;

use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// JSON text as the caller holds it: a `&str`, or bytes (a file's contents) whose UTF-8 is
/// checked as they are read, so that invalid UTF-8 is an [`Error::Json`] with its line and
/// column, never a replacement character.
#[derive(Clone, Copy)]
pub(crate) enum Input<'a> {
    /// Text already known to be UTF-8.
    Str(&'a str),
    /// Bytes, checked for UTF-8 while reading.
    Bytes(&'a [u8]),
}

impl Input<'_> {
    /// Reads `T`; see [`read`]. A non-zero number that rounds to 0 in `f64` (`1e-400`) is an
    /// error at its path rather than a zero; see [`patch_tiny_numbers`].
    fn read<T: DeserializeOwned>(self) -> Result<T> {
        let bytes = match self {
            Input::Str(s) => s.as_bytes(),
            Input::Bytes(b) => b,
        };
        let value = match self {
            Input::Str(s) => read(serde_json::de::StrRead::new(s))?,
            Input::Bytes(b) => read(serde_json::de::SliceRead::new(b))?,
        };
        let Some(patched) = patch_tiny_numbers(bytes) else {
            return Ok(value);
        };
        // The document read, so the patched one fails only where a patched number is read as
        // a number; where it is skipped (never the case in the crate's formats) it reads too.
        match read::<T, _>(serde_json::de::SliceRead::new(&patched)) {
            Ok(_) => Ok(value),
            Err(Error::Json { path, message }) => Err(Error::Json {
                path,
                message: message.replacen("number out of range", TOO_SMALL, 1),
            }),
            Err(other) => Err(other),
        }
    }
}

/// The message for a number that rounds to zero, in place of serde_json's "out of range".
const TOO_SMALL: &str = "number too small to represent (it rounds to 0 in f64, whose smallest \
                         positive value is 5e-324; write 0 for zero)";

/// serde_json reads a non-zero number too small for `f64` (`1e-400`) as `0.0` without a word.
/// This finds such numbers outside strings and, if there are any, returns the document with
/// each one's digits replaced by an equally long `1e99…9`, which serde_json reports as out of
/// range at the number's path and position. `None` when there are none (the usual case).
fn patch_tiny_numbers(json: &[u8]) -> Option<Vec<u8>> {
    if !may_hold_tiny_numbers(json) {
        return None;
    }
    let mut patched: Option<Vec<u8>> = None;
    let (mut i, mut in_string) = (0, false);
    while let Some(&b) = json.get(i) {
        if in_string {
            // Straight to the next quote or backslash.
            let skip = json
                .get(i..)
                .and_then(|rest| rest.iter().position(|&c| c == b'"' || c == b'\\'))
                .unwrap_or(json.len() - i);
            i += skip;
            match json.get(i) {
                Some(b'\\') => i += 2,
                Some(_) => {
                    in_string = false;
                    i += 1;
                }
                None => {}
            }
        } else if b == b'"' {
            in_string = true;
            i += 1;
        } else if b.is_ascii_digit() {
            let len = json[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
                .count();
            let token = json.get(i..i + len).unwrap_or_default();
            // An underflowing number has an exponent, so it is at least 6 bytes ("1e-324"):
            // only those are read (most numbers of a document are short or plain).
            let tiny = len >= 6
                && token.iter().any(|c| matches!(c, b'e' | b'E'))
                && std::str::from_utf8(token).is_ok_and(|token| {
                    token
                        .parse::<f64>()
                        .is_ok_and(|x| crate::units::underflow(token, x).is_some())
                });
            if tiny {
                let out = patched.get_or_insert_with(|| json.to_vec());
                out[i..i + len].fill(b'9');
                out[i..i + 2].copy_from_slice(b"1e");
            }
            i += len;
        } else {
            i += 1;
        }
    }
    patched
}

/// Whether a document may hold a number too small for `f64`, found by two fast searches so
/// that the usual document is not scanned byte by byte: such a number has an exponent below
/// -99 (`e-` and at least three digits) or, short of that, at least 224 zeros after its
/// decimal point (a run of 16 zeros is searched for).
fn may_hold_tiny_numbers(json: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(json) else {
        return true;
    };
    text.contains("0000000000000000")
        || text.match_indices('-').any(|(i, _)| {
            i.checked_sub(1)
                .and_then(|j| json.get(j))
                .is_some_and(|c| matches!(c, b'e' | b'E'))
                && json
                    .get(i + 1..i + 4)
                    .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
        })
}

/// Reads `T` from JSON; a bad value becomes [`Error::Json`] naming its path, e.g.
/// `deployments[3].phases[0].online`. A struct must be an object: the array form serde
/// otherwise accepts (fields by position) is a wrong type, see [`strict`].
fn read<'de, T: DeserializeOwned, R: serde_json::de::Read<'de>>(input: R) -> Result<T> {
    let mut de = serde_json::Deserializer::new(input);
    let value =
        serde_path_to_error::deserialize(strict::Strict(&mut de)).map_err(|e| Error::Json {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
    de.end().map_err(|e| Error::Json {
        path: ".".to_owned(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Writes `T` as pretty JSON. Serialization of the crate's own types cannot fail (their map
/// keys are strings), but a caller's type could, so the error is kept.
pub(crate) fn to_string_pretty<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Json {
        path: ".".to_owned(),
        message: e.to_string(),
    })
}

/// Reads only the version, ignoring everything else. Named for what it reads, since its name
/// appears in errors about the document's root (`expected a registry or catalog document`).
#[derive(serde::Deserialize)]
struct VersionedDocument {
    schema_version: u64,
}

/// Reads a versioned document `T` in one pass, where reading the version first and then the
/// document parsed every valid document twice. Only when that pass fails is the version read
/// on its own, so that a document of another version is reported as such
/// ([`Error::UnsupportedSchemaVersion`]) rather than as an unknown field.
pub(crate) fn from_versioned<T: DeserializeOwned>(
    json: Input<'_>,
    supported: u64,
    version: impl Fn(&T) -> u64,
) -> Result<T> {
    let unsupported = |found| Error::UnsupportedSchemaVersion { found, supported };
    match json.read::<T>() {
        Ok(doc) if version(&doc) == supported => Ok(doc),
        Ok(doc) => Err(unsupported(version(&doc))),
        // Errors are those of reading the version first, then the document, as before the
        // single pass: the version's own error, then an unsupported version, then the
        // document's error.
        Err(e) => match json.read::<VersionedDocument>() {
            Err(version_error) => Err(version_error),
            Ok(v) if v.schema_version != supported => Err(unsupported(v.schema_version)),
            Ok(_) => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_numbers_with_short_exponents_are_found() {
        let zeros = "0".repeat(400);
        let doc = format!(r#"{{"a": 0.{zeros}1e-30, "b": 0.{zeros}1E+5}}"#);
        let patched = patch_tiny_numbers(doc.as_bytes()).map(String::from_utf8);
        let nines = |n: usize| format!("1e{}", "9".repeat(n - 2));
        let len = |tail: &str| 2 + zeros.len() + 1 + tail.len();
        assert_eq!(
            patched,
            Some(Ok(format!(
                r#"{{"a": {}, "b": {}}}"#,
                nines(len("e-30")),
                nines(len("E+5"))
            )))
        );
        assert!(!may_hold_tiny_numbers(
            br#"{"a": 1e-99, "b": "2026-06-11", "c": 1.5e18}"#
        ));
        assert!(may_hold_tiny_numbers(br#"{"a": 1e-308}"#));
    }

    #[test]
    fn tiny_numbers_are_patched_outside_strings_only() {
        assert_eq!(patch_tiny_numbers(br#"{"a": 1e-300, "b": 0e-999}"#), None);
        assert_eq!(
            patch_tiny_numbers(br#"{"a": "1e-400", "b\"": [-1e-400, 2.5E-330]}"#).as_deref(),
            Some(&br#"{"a": "1e-400", "b\"": [-1e9999, 1e999999]}"#[..])
        );
    }

    #[test]
    fn a_tiny_number_is_an_error_at_its_path() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            x: Vec<f64>,
        }
        let err = Input::Str(r#"{"x": [1, 1e-400]}"#)
            .read::<Doc>()
            .unwrap_err();
        assert_eq!(
            err,
            Error::Json {
                path: "x[1]".to_owned(),
                message: format!("{TOO_SMALL} at line 1 column 16"),
            }
        );
        let doc = Input::Bytes(br#"{"x": [0.0, 5e-324]}"#)
            .read::<Doc>()
            .unwrap();
        assert_eq!(doc.x, [0.0, 5e-324]);
    }
}
