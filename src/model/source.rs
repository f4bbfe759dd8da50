//! Sources and citations: every figure can say where it came from and quote the words.

use super::input::Unread;
use super::{FieldInput, SourceId};
use crate::PartialDate;

/// A published source: an article, a press release, a dataset.
///
/// # Example
/// ```
/// use sovereign_compute::model::Source;
/// let s = Source::new("gtc-paris-2025", "Europe builds AI infrastructure with NVIDIA")
///     .with_publisher("NVIDIA")
///     .with_published("2025-06-11");
/// assert_eq!(s.publisher.as_deref(), Some("NVIDIA"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Source {
    /// The source's ID.
    pub id: SourceId,
    /// Its title.
    pub title: String,
    /// Who published it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub publisher: Option<String>,
    /// Where to read it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
    /// When it was published.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub published: Option<PartialDate>,
    /// Text given to a `with_*` method that did not read, reported by the registry.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) unread: Unread,
}

impl Source {
    /// A source with a title only.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Source;
    /// let s = Source::new("top500-2025-06", "TOP500, June 2025");
    /// assert!(s.url.is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(id: impl Into<SourceId>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            publisher: None,
            url: None,
            published: None,
            unread: Unread::default(),
        }
    }

    /// Records the publisher.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Source;
    /// let s = Source::new("x", "X").with_publisher("Reuters");
    /// assert_eq!(s.publisher.as_deref(), Some("Reuters"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Records the URL.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Source;
    /// let s = Source::new("x", "X").with_url("https://example.org/x");
    /// assert!(s.url.is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Records the publication date, at whatever precision is known: a [`PartialDate`], a
    /// day, or text such as `"2025-06"` (see [`FieldInput`]). Text that does not read leaves
    /// the date unset, and the registry's `build` reports it at `published`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Source;
    /// let s = Source::new("x", "X").with_published("2025-06");
    /// assert_eq!(s.published.unwrap().to_string(), "2025-06");
    /// ```
    pub fn with_published(mut self, date: impl FieldInput<PartialDate>) -> Self {
        self.unread
            .read_into("published", date, &mut self.published);
        self
    }
}

/// A pointer to a source, with the words quoted from it.
///
/// # Example
/// ```
/// use sovereign_compute::model::Citation;
/// let c = Citation::new("gtc-paris-2025").with_quote("18,000 NVIDIA Grace Blackwell systems");
/// assert_eq!(c.quote.as_deref(), Some("18,000 NVIDIA Grace Blackwell systems"));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Citation {
    /// The source cited; must exist in the registry.
    pub source: SourceId,
    /// The words quoted from it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub quote: Option<String>,
}

impl Citation {
    /// A citation without a quote.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Citation;
    /// assert!(Citation::new("x").quote.is_none());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn new(source: impl Into<SourceId>) -> Self {
        Self {
            source: source.into(),
            quote: None,
        }
    }

    /// Adds the quoted words.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Citation;
    /// assert!(Citation::new("x").with_quote("words").quote.is_some());
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn with_quote(mut self, quote: impl Into<String>) -> Self {
        self.quote = Some(quote.into());
        self
    }
}

/// A value with the citations it rests on and a note on how it was read (an interpretation, a
/// disagreement between sources).
///
/// # Example
/// ```
/// use sovereign_compute::estimate::Estimate;
/// use sovereign_compute::model::{Citation, Sourced};
/// use sovereign_compute::units::AcceleratorCount;
///
/// let gpus = Sourced::new(Estimate::<AcceleratorCount>::parse("14,000 Blackwell GPUs")?)
///     .with_citation(Citation::new("gtc-paris-2025").with_quote("14,000 NVIDIA Blackwell GPUs"))
///     .with_note("first phase");
/// assert_eq!(gpus.sources.len(), 1);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Citation>,
    /// How it was read, and why.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl<T> Sourced<T> {
    /// A value with no citation yet.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Sourced;
    /// assert!(Sourced::new(1u64).sources.is_empty());
    /// ```
    pub fn new(value: T) -> Self {
        Self {
            value,
            sources: Vec::new(),
            note: None,
        }
    }

    /// Adds a citation.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::{Citation, Sourced};
    /// let v = Sourced::new(1u64).with_citation(Citation::new("x"));
    /// assert_eq!(v.sources.len(), 1);
    /// ```
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.sources.push(citation);
        self
    }

    /// Adds a note.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Sourced;
    /// assert_eq!(Sourced::new(1u64).with_note("why").note.as_deref(), Some("why"));
    /// ```
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
