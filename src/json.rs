//! JSON reading with the path of a bad value in the error.

use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// Reads `T` from JSON; a bad value becomes [`Error::Json`] naming its path, e.g.
/// `deployments[3].phases[0].online`.
pub(crate) fn from_str<T: DeserializeOwned>(json: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| Error::Json {
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
