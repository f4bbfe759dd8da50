//! Embedded, sourced datasets (feature `dataset`).
//!
//! Each dataset is a registry document in this repository's `data/` folder, embedded at
//! compile time and read through [`Registry::from_json`], the same path your own documents
//! take. Tests check that each one validates.
//!
//! | function | what | size |
//! | --- | --- | --- |
//! | [`gtc_paris_2025`] | one article: the GTC Paris announcements of 11 June 2025 | 9 deployments, 4 countries |
//! | [`european_ai_compute`] | those records and their context: public systems, EuroHPC AI Factories, InvestAI gigafactories, commercial sovereign AI | 84 deployments, 24 countries |
//!
//! # `gtc_paris_2025`: European sovereign AI, June 2025
//!
//! NVIDIA's announcements at GTC Paris during VivaTech on Wednesday 11 June 2025, as reported
//! in Israel Hayom's report of 12 June 2025 (its first source, with the URL): the headline commitment of
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

//! # `european_ai_compute`: Europe's AI compute, public and commercial
//!
//! The GTC Paris records above, unchanged and with the same IDs, in their context:
//!
//! - **public systems used for AI**: the EuroHPC JU systems (JUPITER, LUMI, Leonardo,
//!   MareNostrum 5, MeluXina, Karolina, Vega, Discoverer, Deucalion, Daedalus, Alice Recoque,
//!   ...) with their upgrades as phases, and national systems (Isambard-AI and Dawn, Jean Zay,
//!   Alps, Gefion, Olivia, ...), each with its accelerator counts as published. Every phase the
//!   TOP500 list of June 2025 measured states its Rmax, cited to the list, and a test compares
//!   site, country, accelerator and Rmax with the list;
//! - **the EuroHPC AI Factories** of the three selection rounds (19) and the 13 AI Factory
//!   Antennas: deployments where hardware has been announced, initiatives otherwise;
//! - **the InvestAI AI Gigafactories** programme, its headline claim ("around 100,000
//!   last-generation AI chips" per facility) and the sites named so far;
//! - **commercial announcements** of 2024–2025 that present themselves as sovereign (Mistral
//!   Compute, Fluidstack's French campus, Nscale in the UK and Norway, ...).
//!
//! 84 deployments in 24 host countries, 3 programmes, 32 initiatives, 218 sources (each with
//! its URL) and 624 quotes. Every figure quotes the words it came from; a figure no source
//! gives is unknown; hedged words are the matching estimate kind ("more than" at least, "up
//! to" at most, "about" ±10%); dates keep the precision the source gave. Statuses are as of
//! the date each phase's note states: the public systems as of December 2025, the AI
//! Factories and commercial sites as of July 2026. Research notes, with what could not be
//! sourced and which source was followed where two disagree, are in `data/europe/` of the
//! repository.
//!
//! ```
//! use sovereign_compute::analysis::{Gpus, Group, GroupKey, Query};
//! use sovereign_compute::{Country, datasets};
//!
//! let europe = datasets::european_ai_compute()?;
//! // The first dataset's records are here, unchanged.
//! let gtc = datasets::gtc_paris_2025()?;
//! for d in gtc.deployments() {
//!     assert_eq!(europe.deployment(&d.id), Some(d));
//! }
//! let gpus = Query::new().group_by(GroupKey::HostCountry).run(&europe, Gpus)?;
//! let de = &gpus.get(&[Group::Country(Country::DE)]).unwrap().total;
//! assert!(de.parts() > de.unknown_parts());
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

/// The registry document behind [`european_ai_compute`], as embedded.
///
/// # Example
/// ```
/// assert!(sovereign_compute::datasets::EUROPEAN_AI_COMPUTE_JSON.contains("\"de-jupiter\""));
/// ```
pub const EUROPEAN_AI_COMPUTE_JSON: &str = include_str!("../data/european_ai_compute.json");

/// Europe's AI compute: the GTC Paris 2025 records with the public systems, EuroHPC AI
/// Factories, InvestAI gigafactories and commercial sovereign-AI sites around them, as a
/// validated registry checked against the built-in catalog. See the [module docs](self).
///
/// # Errors
/// None for the data as shipped (a test checks it); the `Result` is that of
/// [`Registry::from_json`].
///
/// # Example
/// ```
/// let europe = sovereign_compute::datasets::european_ai_compute()?;
/// assert_eq!(europe.deployments().len(), 84);
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
pub fn european_ai_compute() -> Result<Registry> {
    Registry::from_json(EUROPEAN_AI_COMPUTE_JSON)
}
