//! Embedded, sourced datasets (feature `dataset`).
//!
//! Each dataset is a registry document in this repository's `data/` folder, embedded at
//! compile time and read through [`Registry::from_json`], the same path your own documents
//! take. Tests check that each one validates.
//!
//! # `gtc_paris_2025`: European sovereign AI, June 2025
//!
//! NVIDIA's announcements at GTC Paris during VivaTech on Wednesday 11 June 2025, as reported
//! in the article kept beside this project (`shared/seed/`): the headline commitment of
//! "more than 3,000 exaflops of NVIDIA Blackwell systems" by France, Italy, Germany and the
//! United Kingdom; Mistral AI's platform in France; Nebius and Nscale in the UK; the industrial
//! AI cloud in Germany; Domyn's Colosseum in Italy and the Italian government partnership; the
//! telecom operators' offerings (Orange, Fastweb, Telenor, Swisscom, Telefónica); and six AI
//! technology centres.
//!
//! Every figure quotes the article's words and cites it. Where the article is ambiguous the
//! record states the wording, the reading chosen, and why, in its `note`:
//!
//! | wording | reading | why |
//! | --- | --- | --- |
//! | "more than 3,000 exaflops" (no format) | at least 3 ZFLOP/s, FP4 sparse peak assumed | the only format that makes it plausible; NVIDIA's Blackwell headlines count FP4 with sparsity |
//! | "18,000 NVIDIA Grace Blackwell systems" | 18,000 GB200 GPUs (250 NVL72 racks) | 36,000 GPUs would need ~66 MW, the site is ~40 MW |
//! | "14,000 NVIDIA Blackwell GPUs" | any Blackwell GPU | model not stated: derived figures span the family |
//! | "DGX B200 systems and RTX PRO Servers featuring 10,000 … GPUs" | any mix of B200 and RTX PRO 6000 | split not stated |
//! | "NVIDIA Grace Blackwell Superchips" (Domyn) | GB200 superchips, count unknown | no count in the article |
//! | "hundreds of NVIDIA GPUs" (Telefónica) | 100–999 GPUs, model unknown | |
//!
//! Dates the article does not give (Germany's Q1 2026, the UK's end of 2026) come from later
//! statements, each cited as its own source and said so in a note; other reporting that differs
//! from the article is a note, never a change to the article's figure.
//!
//! ```
//! use sovereign_compute::datasets;
//!
//! let europe = datasets::gtc_paris_2025()?;
//! let mistral = europe.deployment(&"fr-mistral-compute".parse()?).unwrap();
//! assert_eq!(mistral.host, Some(sovereign_compute::Country::FR));
//! assert_eq!(europe.programmes()[0].compute.as_ref().unwrap().rate.value.to_string(), "≥ 3 ZFLOP/s");
//! # Ok::<(), sovereign_compute::Error>(())
//! ```

use crate::Result;
use crate::registry::Registry;

/// The registry document behind [`gtc_paris_2025`], as embedded.
///
/// # Example
/// ```
/// assert!(sovereign_compute::datasets::GTC_PARIS_2025_JSON.contains("\"schema_version\": 1"));
/// ```
pub const GTC_PARIS_2025_JSON: &str = include_str!("../data/gtc_paris_2025.json");

/// The European sovereign-AI announcements of GTC Paris, 11 June 2025, as a validated
/// registry checked against the built-in catalog. See the [module docs](self).
///
/// # Errors
/// None for the data as shipped (a test checks it); the `Result` is that of
/// [`Registry::from_json`].
///
/// # Example
/// ```
/// let europe = sovereign_compute::datasets::gtc_paris_2025()?;
/// assert_eq!(europe.initiatives().len(), 7);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn gtc_paris_2025() -> Result<Registry> {
    Registry::from_json(GTC_PARIS_2025_JSON)
}
