//! JSON reading with the path of a bad value in the error.

mod strict;

use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// Reads `T` from JSON; a bad value becomes [`Error::Json`] naming its path, e.g.
/// `deployments[3].phases[0].online`. A struct must be an object: the array form serde
/// otherwise accepts (fields by position) is a wrong type, see [`strict`].
pub(crate) fn from_str<T: DeserializeOwned>(json: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(json);
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
pub(crate) fn from_versioned_str<T: DeserializeOwned>(
    json: &str,
    supported: u64,
    version: impl Fn(&T) -> u64,
) -> Result<T> {
    let unsupported = |found| Error::UnsupportedSchemaVersion { found, supported };
    match from_str::<T>(json) {
        Ok(doc) if version(&doc) == supported => Ok(doc),
        Ok(doc) => Err(unsupported(version(&doc))),
        // Errors are those of reading the version first, then the document, as before the
        // single pass: the version's own error, then an unsupported version, then the
        // document's error.
        Err(e) => match from_str::<VersionedDocument>(json) {
            Err(version_error) => Err(version_error),
            Ok(v) if v.schema_version != supported => Err(unsupported(v.schema_version)),
            Ok(_) => Err(e),
        },
    }
}
