//! When a phase counts: the two readings of a partial online date, and the end of a
//! decommissioned phase.

use chrono::NaiveDate;

use crate::model::{Phase, Status};

/// How to read a phase's partial dates when asking what runs on a given day.
///
/// A phase counts on day `D` when `start ≤ D < stop`:
///
/// | scenario | start | stop |
/// | --- | --- | --- |
/// | [`Committed`](Self::Committed) | `online.latest()`: the last day the date allows | `end.earliest()` |
/// | [`Optimistic`](Self::Optimistic) | `online.earliest()`: the first day the date allows | `end.latest()` |
///
/// Committed counts what is certainly running by the announced timeline; optimistic counts
/// what possibly is. A phase online in `2026-Q1` counts from 2026-03-31 (committed) or
/// 2026-01-01 (optimistic). The end date is the first day a decommissioned phase no longer
/// runs; phases without an end never stop, except a decommissioned phase whose end no source
/// gives: it counts under neither scenario as certainly running (committed), and as possibly
/// running from its online date on (optimistic).
///
/// Cancelled and superseded phases never count. Every other status allows counting: the
/// scenario reads the timeline as announced and does not judge how firm an announcement is
/// (filter on [`Status`](crate::model::Status) for that) or how certain it is that the
/// phase exists at all: for that, add [`Filter::at_least`](super::Filter::at_least) with a
/// [`Certainty`](crate::model::Certainty) grade, which composes with either reading (what is
/// certainly running by the announced timeline *and* at least likely). A phase without an online date
/// counts only if its status says it is already running (validated registries give every
/// running phase an online date, so in practice such a phase does not count).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use sovereign_compute::analysis::Scenario;
/// use sovereign_compute::model::{Phase, Status};
///
/// let phase = Phase::new("p1", Status::Planned).with_online("2026-Q1");
/// let day = NaiveDate::from_ymd_opt(2026, 2, 15).unwrap();
/// assert!(Scenario::Optimistic.counts(&phase, day));
/// assert!(!Scenario::Committed.counts(&phase, day));
/// # Ok::<(), sovereign_compute::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scenario {
    /// A phase counts from the latest day its online date allows, and stops at the earliest
    /// day its end date allows.
    Committed,
    /// A phase counts from the earliest day its online date allows, and stops at the latest
    /// day its end date allows.
    Optimistic,
}

/// The days a phase counts under a scenario: from `start` (inclusive; `None` means since
/// before any date asked about) to `stop` (exclusive; `None` means it never stops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    pub(crate) start: Option<NaiveDate>,
    pub(crate) stop: Option<NaiveDate>,
}

impl Window {
    /// The window covering every day.
    pub(crate) const ALWAYS: Window = Window {
        start: None,
        stop: None,
    };

    /// Whether the window covers `day`.
    pub(crate) fn covers(self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.stop.is_none_or(|s| day < s)
    }

    /// The smallest window covering both (a deployment counts from its first phase's start to
    /// its last phase's stop).
    pub(crate) fn hull(self, other: Window) -> Window {
        Window {
            start: self.start.zip(other.start).map(|(a, b)| a.min(b)),
            stop: self.stop.zip(other.stop).map(|(a, b)| a.max(b)),
        }
    }
}

impl Scenario {
    /// Whether `phase` counts on `day` under this scenario; see the [type docs](Self).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use sovereign_compute::analysis::Scenario;
    /// use sovereign_compute::model::{Phase, Status};
    ///
    /// let cancelled = Phase::new("p1", Status::Cancelled).with_online("2024");
    /// let day = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    /// assert!(!Scenario::Optimistic.counts(&cancelled, day));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn counts(self, phase: &Phase, day: NaiveDate) -> bool {
        self.window(phase).is_some_and(|w| w.covers(day))
    }

    /// The days `phase` counts, or `None` if it never does.
    pub(crate) fn window(self, phase: &Phase) -> Option<Window> {
        let days = |d: Option<crate::PartialDate>| d.map(|d| (d.earliest(), d.latest()));
        self.window_of(
            phase.status,
            days(phase.dates.online),
            days(phase.dates.end),
        )
    }

    /// The days a phase counts, from its status and the first and last days its online and
    /// end dates allow; `None` if it never counts. The one reading of the rule in the type
    /// docs, for records and the resolved index alike.
    pub(crate) fn window_of(
        self,
        status: Status,
        online: Option<(NaiveDate, NaiveDate)>,
        end: Option<(NaiveDate, NaiveDate)>,
    ) -> Option<Window> {
        if status.never_counts() {
            return None;
        }
        let start = match online {
            Some((earliest, latest)) => Some(match self {
                Scenario::Committed => latest,
                Scenario::Optimistic => earliest,
            }),
            None if status.is_running() => None,
            None => return None,
        };
        let stop = match (end, status) {
            (Some((earliest, latest)), _) => Some(match self {
                Scenario::Committed => earliest,
                Scenario::Optimistic => latest,
            }),
            // Switched off on a day no source gives: it may have stopped as soon as it
            // started (committed), or may still run (optimistic).
            (None, Status::Decommissioned) => match self {
                Scenario::Committed => Some(start?),
                Scenario::Optimistic => None,
            },
            (None, _) => None,
        };
        Some(Window { start, stop })
    }
}

impl std::fmt::Display for Scenario {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Scenario::Committed => "committed",
            Scenario::Optimistic => "optimistic",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn decommissioned_phase_stops_at_its_end() {
        let mut phase = Phase::new("p", Status::Decommissioned).with_online("2020");
        phase.dates.end = Some("2024-H1".parse().unwrap());
        assert!(Scenario::Committed.counts(&phase, day(2023, 12, 31)));
        assert!(!Scenario::Committed.counts(&phase, day(2024, 1, 1)));
        assert!(Scenario::Optimistic.counts(&phase, day(2024, 6, 29)));
        assert!(!Scenario::Optimistic.counts(&phase, day(2024, 6, 30)));
    }

    #[test]
    fn decommissioned_phase_with_an_unknown_end_is_only_possibly_running() {
        let phase = Phase::new("p", Status::Decommissioned).with_online("2020");
        assert!(!Scenario::Committed.counts(&phase, day(2021, 6, 1)));
        assert!(!Scenario::Committed.counts(&phase, day(2020, 12, 31)));
        assert!(Scenario::Optimistic.counts(&phase, day(2020, 1, 1)));
        assert!(Scenario::Optimistic.counts(&phase, day(2030, 1, 1)));
    }

    #[test]
    fn hull_keeps_open_ends_open() {
        let a = Window {
            start: Some(day(2024, 1, 1)),
            stop: None,
        };
        let b = Window {
            start: Some(day(2023, 1, 1)),
            stop: Some(day(2025, 1, 1)),
        };
        assert_eq!(
            a.hull(b),
            Window {
                start: Some(day(2023, 1, 1)),
                stop: None
            }
        );
        assert_eq!(Window::ALWAYS.hull(a), Window::ALWAYS);
    }
}
