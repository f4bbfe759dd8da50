//! The one pass over a registry's resolved index that tables, series and reconciliations
//! share: it skips double-counted deployments, applies the filters, finds each part's groups
//! and hands the parts to a sink.

use super::dimension::{Code, Dim, Key, Level};
use super::filter::Filters;
use super::measure::Route;
use super::measure::sealed::Tally;
use super::scenario::{Scenario, Window};
use super::{Measure, Query};
use crate::Result;
use crate::estimate::{Bounds, Part};
use crate::registry::Registry;
use crate::registry::index::{Index, NONE, PhaseRow};

/// One part handed to a sink: the groups it belongs to (none when the query does not group),
/// its value, how it was obtained, and the days it counts.
#[derive(Debug)]
pub(crate) struct Item<'a, V> {
    pub(crate) keys: &'a [Key],
    pub(crate) part: Part<V>,
    pub(crate) route: Route,
    pub(crate) window: Window,
}

/// Where a part comes from within a phase: the whole phase, or one hardware line.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Phase,
    Line(usize),
}

/// A prepared pass.
#[derive(Debug)]
pub(crate) struct Walk<'q, 'r, M> {
    index: &'r Index,
    measure: &'q M,
    dims: Vec<Dim>,
    filters: Filters,
    /// With a scenario, phases carry the window they count in and those that never count
    /// are skipped; without, every phase counts always.
    scenario: Option<Scenario>,
}

/// Per-deployment and per-phase scratch space, reused so that the pass does not allocate per
/// record.
#[derive(Default)]
struct Scratch {
    deployment: [Vec<Code>; 2],
    phase: [Code; 2],
    /// The selected lines of the phase (positions in the index).
    lines: Vec<usize>,
    /// Their codes for each key.
    line_codes: Vec<[Code; 2]>,
    keys: Vec<Key>,
    deployment_keys: Vec<Key>,
    filter: Vec<Code>,
}

impl<'q, 'r, M: Measure> Walk<'q, 'r, M> {
    pub(crate) fn new(
        registry: &'r Registry,
        query: &'q Query,
        measure: &'q M,
        scenario: Option<Scenario>,
    ) -> Self {
        Self {
            index: registry.index(),
            measure,
            dims: query.keys().iter().cloned().map(Dim::new).collect(),
            filters: Filters::new(registry, query.filters()),
            scenario,
        }
    }

    /// Restricts the pass to these deployment positions (canonical records).
    pub(crate) fn only(mut self, members: std::collections::HashSet<u32>) -> Self {
        self.filters.restrict(members);
        self
    }

    /// The prepared dimensions, in key order.
    pub(crate) fn dims(&self) -> &[Dim] {
        &self.dims
    }

    /// Runs the pass over every deployment; returns how many were left out as
    /// double-counted.
    ///
    /// # Errors
    /// The first error of the measure (overflow) or of the sink.
    pub(crate) fn run(&self, sink: impl FnMut(Item<'_, M::Value>) -> Result<()>) -> Result<usize> {
        self.run_over(0..self.index.deployments.len(), sink)
    }

    /// Runs the pass over a range of deployment positions (a chunk of them); returns how many
    /// of those were left out as double-counted.
    ///
    /// # Errors
    /// As [`run`](Self::run).
    pub(crate) fn run_over(
        &self,
        deployments: std::ops::Range<usize>,
        mut sink: impl FnMut(Item<'_, M::Value>) -> Result<()>,
    ) -> Result<usize> {
        let mut s = Scratch::default();
        let mut excluded = 0;
        for d in deployments {
            let Some(row) = self.index.deployments.get(d) else {
                continue;
            };
            if row.excluded(d) {
                excluded += 1;
            } else if self.filters.deployment(self.index, d, &mut s.filter) {
                self.deployment(d, &mut s, &mut sink)?;
            }
        }
        Ok(excluded)
    }

    fn deployment(
        &self,
        d: usize,
        s: &mut Scratch,
        sink: &mut impl FnMut(Item<'_, M::Value>) -> Result<()>,
    ) -> Result<()> {
        for (k, codes) in s.deployment.iter_mut().enumerate() {
            match self.dims.get(k) {
                Some(dim) if dim.level() == Level::Deployment => {
                    dim.deployment_codes(self.index, d, codes);
                }
                _ => {
                    codes.clear();
                    codes.push(NONE);
                }
            }
        }
        s.deployment_keys.clear();
        let mut deployment_window: Option<Window> = None;
        let phases = self.index.phases_of(d);
        // A deployment without phases is walked as one blank phase: its capacity is unknown,
        // not zero.
        let blank = phases.is_empty().then_some(None);
        let rows = self.index.phases.get(phases.clone()).unwrap_or_default();
        for (phase, position) in rows
            .iter()
            .zip(phases)
            .map(|(p, i)| (Some(p), Some(i)))
            .chain(blank.map(|b| (b, None)))
        {
            if !self.filters.phase(phase) {
                continue;
            }
            let window = match (self.scenario, phase) {
                (None, _) => Window::ALWAYS,
                (Some(scenario), Some(p)) => match scenario.window_of(p.status, p.online, p.end) {
                    Some(w) => w,
                    None => continue,
                },
                (Some(_), None) => continue,
            };
            if !self.prepare_phase(phase, position, s) {
                continue;
            }
            match self.measure.tally() {
                Tally::Deployments => {
                    self.fill_keys(s, Scope::Phase);
                    s.deployment_keys.extend_from_slice(&s.keys);
                    deployment_window = Some(deployment_window.map_or(window, |w| w.hull(window)));
                }
                Tally::Phases if phase.is_some() => {
                    self.fill_keys(s, Scope::Phase);
                    sink(Item {
                        keys: &s.keys,
                        part: one(self.measure.one()),
                        route: Route::Stated,
                        window,
                    })?;
                }
                Tally::Phases => {}
                Tally::Parts => self.parts(phase, window, s, sink)?,
            }
        }
        if let Some(window) = deployment_window {
            s.deployment_keys.sort_unstable();
            s.deployment_keys.dedup();
            sink(Item {
                keys: &s.deployment_keys,
                part: one(self.measure.one()),
                route: Route::Stated,
                window,
            })?;
        }
        Ok(())
    }

    /// Reads the phase's codes and selects its lines with theirs; `false` when line filters
    /// leave nothing of the phase.
    fn prepare_phase(
        &self,
        phase: Option<&PhaseRow>,
        position: Option<usize>,
        s: &mut Scratch,
    ) -> bool {
        for (k, code) in s.phase.iter_mut().enumerate() {
            *code = self.dims.get(k).map_or(NONE, |dim| dim.phase_code(phase));
        }
        s.lines.clear();
        s.line_codes.clear();
        let all = position.map_or(0..0, |p| self.index.lines_of(p));
        let had_lines = !all.is_empty();
        for i in all {
            let kind = self
                .index
                .lines
                .get(i)
                .and_then(|l| self.index.kinds.get(l.kind as usize));
            if !self.filters.line(kind) {
                continue;
            }
            let mut codes = [NONE; 2];
            for (k, code) in codes.iter_mut().enumerate() {
                if let Some(dim) = self.dims.get(k) {
                    *code = dim.line_code(kind);
                }
            }
            s.lines.push(i);
            s.line_codes.push(codes);
        }
        if self.filters.has_line_filters() {
            // A phase whose lines are all left out is not selected; one without lines is
            // selected only where the filters accept an unknown hardware group.
            return if had_lines {
                !s.lines.is_empty()
            } else {
                self.filters.line(None)
            };
        }
        true
    }

    /// Hands a phase's parts to the sink: the stated figure for the whole phase when there
    /// is one and the phase sits in one group, else each hardware line's derived figure.
    fn parts(
        &self,
        phase: Option<&PhaseRow>,
        window: Window,
        s: &mut Scratch,
        sink: &mut impl FnMut(Item<'_, M::Value>) -> Result<()>,
    ) -> Result<()> {
        let Some(phase) = phase else {
            self.fill_keys(s, Scope::Phase);
            return sink(Item {
                keys: &s.keys,
                part: None,
                route: Route::Unknown,
                window,
            });
        };
        // A stated figure covers the whole phase; when its lines fall in different groups, or
        // filters leave some out, it cannot be split between them, so the lines are derived
        // one by one instead.
        let split = (self.has_line_key()
            && s.line_codes
                .first()
                .is_some_and(|first| s.line_codes.iter().any(|l| l != first)))
            || self.filters.has_line_filters();
        let stated = if split {
            None
        } else {
            self.measure.stated(self.index, phase)?
        };
        if let Some((part, route)) = stated {
            self.fill_keys(s, Scope::Phase);
            return sink(Item {
                keys: &s.keys,
                part,
                route,
                window,
            });
        }
        if s.lines.is_empty() {
            self.fill_keys(s, Scope::Phase);
            return sink(Item {
                keys: &s.keys,
                part: None,
                route: Route::Unknown,
                window,
            });
        }
        for j in 0..s.lines.len() {
            let Some(line) = s.lines.get(j).and_then(|&i| self.index.lines.get(i)) else {
                continue;
            };
            let (part, route) = match self.index.kinds.get(line.kind as usize) {
                Some(kind) => self.measure.derive(line, kind)?,
                None => (None, Route::Unknown),
            };
            self.fill_keys(s, Scope::Line(j));
            sink(Item {
                keys: &s.keys,
                part,
                route,
                window,
            })?;
        }
        Ok(())
    }

    fn has_line_key(&self) -> bool {
        self.dims.iter().any(|d| d.level() == Level::Line)
    }

    /// The distinct keys of a scope into `s.keys`: every combination of the codes of the
    /// first and second key, taking line codes from the scope's lines (all of a phase's
    /// selected lines, or unknown when it has none).
    fn fill_keys(&self, s: &mut Scratch, scope: Scope) {
        const UNKNOWN: [[Code; 2]; 1] = [[NONE; 2]];
        s.keys.clear();
        if self.dims.is_empty() {
            return;
        }
        let lines: &[[Code; 2]] = match scope {
            _ if !self.has_line_key() => &UNKNOWN,
            Scope::Line(i) => s.line_codes.get(i..=i).unwrap_or(&UNKNOWN),
            Scope::Phase if s.line_codes.is_empty() => &UNKNOWN,
            Scope::Phase => &s.line_codes,
        };
        for line in lines {
            let first = self.codes(0, &s.deployment, &s.phase, line);
            let second = self.codes(1, &s.deployment, &s.phase, line);
            for a in first {
                for b in second {
                    s.keys.push([*a, *b]);
                }
            }
        }
        if lines.len() > 1 {
            s.keys.sort_unstable();
            s.keys.dedup();
        }
    }

    /// The codes of key `k` at a line.
    fn codes<'a>(
        &self,
        k: usize,
        deployment: &'a [Vec<Code>; 2],
        phase: &'a [Code; 2],
        line: &'a [Code; 2],
    ) -> &'a [Code] {
        const NO_KEY: [Code; 1] = [NONE];
        match self.dims.get(k).map(Dim::level) {
            None => &NO_KEY,
            Some(Level::Deployment) => deployment.get(k).map_or(&NO_KEY[..], Vec::as_slice),
            Some(Level::Phase) => phase.get(k).map_or(&NO_KEY[..], std::slice::from_ref),
            Some(Level::Line) => line.get(k).map_or(&NO_KEY[..], std::slice::from_ref),
        }
    }
}

/// A part that is exactly `value`.
fn one<V: Copy>(value: V) -> Part<V> {
    Some((
        Bounds {
            lower: value,
            upper: Some(value),
        },
        value,
    ))
}
