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
    /// Reads `T`; see [`read`].
    fn read<T: DeserializeOwned>(self) -> Result<T> {
        match self {
            Input::Str(s) => read(serde_json::de::StrRead::new(s)),
            Input::Bytes(b) => read(serde_json::de::SliceRead::new(b)),
        }
    }
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
/// appears in errors about the document's root (`expected struct VersionedDocument`).
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
