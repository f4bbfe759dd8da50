//! Sources: the documents catalog figures cite.

use super::ids::SourceKey;

/// How directly a source was read.
///
/// # Example
/// ```
/// use sovereign_compute::catalog::Provenance;
/// assert_eq!(Provenance::VendorQuoted.tag(), "vendor-quoted");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Provenance {
    /// The vendor's document, read directly.
    VendorDirect,
    /// The vendor's document, read through a third-party verbatim transcription that names it.
    VendorQuoted,
    /// A third party's own reporting (press, OEM).
    ThirdParty,
}

impl Provenance {
    /// The wire tag: `"vendor-direct"`, `"vendor-quoted"`, `"third-party"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sovereign_compute::catalog::Provenance::ThirdParty.tag(), "third-party");
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Self::VendorDirect => "vendor-direct",
            Self::VendorQuoted => "vendor-quoted",
            Self::ThirdParty => "third-party",
        }
    }
}

/// A document that catalog figures cite by [`key`](Self::key).
///
/// # Example
/// ```
/// use sovereign_compute::catalog::{Provenance, Source};
/// let source = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect)
///     .with_url("https://example.com/x1.pdf")
///     .with_revision("rev 2");
/// assert_eq!(source.key, "ACME");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Source {
    /// The key figures cite, e.g. `B1`.
    pub key: SourceKey,
    /// The document's title.
    pub title: String,
    /// Who published it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub publisher: Option<String>,
    /// Where it is.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
    /// Which revision or edition was read.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub revision: Option<String>,
    /// How directly it was read.
    pub provenance: Provenance,
    /// How it was read, and what it says that matters.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Source {
    /// A source with a key, a title and its provenance.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Provenance, Source};
    /// let s = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect);
    /// assert!(s.url.is_none());
    /// ```
    pub fn new(
        key: impl Into<SourceKey>,
        title: impl Into<String>,
        provenance: Provenance,
    ) -> Self {
        Self {
            key: key.into(),
            title: title.into(),
            publisher: None,
            url: None,
            revision: None,
            provenance,
            note: None,
        }
    }

    /// Sets the publisher.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Provenance, Source};
    /// let s = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect).with_publisher("Acme");
    /// assert_eq!(s.publisher.as_deref(), Some("Acme"));
    /// ```
    #[must_use]
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Sets the URL.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Provenance, Source};
    /// let s = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect)
    ///     .with_url("https://example.com/x1.pdf");
    /// assert!(s.url.is_some());
    /// ```
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Names the revision or edition read.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Provenance, Source};
    /// let s = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect).with_revision("rev 2");
    /// assert_eq!(s.revision.as_deref(), Some("rev 2"));
    /// ```
    #[must_use]
    pub fn with_revision(mut self, revision: impl Into<String>) -> Self {
        self.revision = Some(revision.into());
        self
    }

    /// Attaches a note.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::{Provenance, Source};
    /// let s = Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect).with_note("page 3");
    /// assert!(s.note.is_some());
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
