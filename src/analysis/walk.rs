//! The one pass over a registry that tables, series and reconciliations share: it skips
//! double-counted deployments, applies the filters, finds each part's groups and hands the
//! parts to a sink.

use std::collections::HashSet;
use std::slice;

use super::duplicates::Canon;
use super::filter::Filters;
use super::hardware::{Candidate, Facts, Hardware, Part, gpus, span};
use super::key::{Key, Level, PreparedKey, Slot};
use super::measure::Route;
use super::measure::sealed::Tally;
use super::scenario::{Scenario, Window};
use super::{Measure, Query};
use crate::Result;
use crate::estimate::Estimate;
use crate::model::{Deployment, DeploymentId, HardwareRef, Phase};
use crate::registry::Registry;
use crate::units::AcceleratorCount;

/// One part handed to a sink: the groups it belongs to (none when the query does not group),
/// its value, how it was obtained, and the days it counts.
#[derive(Debug)]
pub(crate) struct Item<'a, 'r, V> {
    pub(crate) keys: &'a [Key<'r>],
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
    registry: &'r Registry,
    measure: &'q M,
    keys: Vec<PreparedKey<'q>>,
    filters: Filters<'q, 'r>,
    canon: Canon<'r>,
    /// With a scenario, phases carry the window they count in and those that never count
    /// are skipped; without, every phase counts always.
    scenario: Option<Scenario>,
}

/// Per-deployment and per-phase scratch space, reused so that the pass does not allocate per
/// record.
struct Scratch<'r> {
    deployment: [Vec<Slot<'r>>; 2],
    phase: [Slot<'r>; 2],
    /// Each line's index in the hardware cache.
    facts: Vec<usize>,
    lines: Vec<[Slot<'r>; 2]>,
    keys: Vec<Key<'r>>,
    deployment_keys: Vec<Key<'r>>,
}

impl<'q, 'r, M: Measure> Walk<'q, 'r, M> {
    pub(crate) fn new(
        registry: &'r Registry,
        query: &'q Query,
        measure: &'q M,
        scenario: Option<Scenario>,
    ) -> Self {
        let canon = Canon::new(registry);
        let filters = Filters::new(registry, &canon, query.filters());
        Self {
            registry,
            measure,
            keys: query.keys().iter().map(PreparedKey::new).collect(),
            filters,
            canon,
            scenario,
        }
    }

    /// Restricts the pass to these canonical deployment IDs.
    pub(crate) fn only(mut self, members: HashSet<&'r DeploymentId>) -> Self {
        self.filters = self.filters.only(members);
        self
    }

    /// Runs the pass; returns how many deployments were left out as double-counted.
    ///
    /// # Errors
    /// The first error of the measure (overflow) or of the sink.
    pub(crate) fn run(
        &self,
        sink: impl FnMut(Item<'_, 'r, M::Value>) -> Result<()>,
    ) -> Result<usize> {
        self.run_over(self.registry.deployments(), sink)
    }

    /// Runs the pass over some of the registry's deployments (a chunk of them); returns how
    /// many of those were left out as double-counted.
    ///
    /// # Errors
    /// As [`run`](Self::run).
    pub(crate) fn run_over(
        &self,
        deployments: &'r [Deployment],
        mut sink: impl FnMut(Item<'_, 'r, M::Value>) -> Result<()>,
    ) -> Result<usize> {
        let mut hardware = Hardware::new(self.registry.catalog());
        let mut scratch = Scratch {
            deployment: [Vec::new(), Vec::new()],
            phase: [Slot::None; 2],
            facts: Vec::new(),
            lines: Vec::new(),
            keys: Vec::new(),
            deployment_keys: Vec::new(),
        };
        let mut excluded = 0;
        for chunk in deployments.chunks(WARM_CHUNK) {
            warm(chunk);
            for d in chunk {
                if self.canon.is_excluded(d) {
                    excluded += 1;
                } else if self.filters.deployment(self.registry, d) {
                    self.deployment(d, &mut hardware, &mut scratch, &mut sink)?;
                }
            }
        }
        Ok(excluded)
    }

    fn deployment(
        &self,
        d: &'r Deployment,
        hardware: &mut Hardware<'r, M::Factor>,
        s: &mut Scratch<'r>,
        sink: &mut impl FnMut(Item<'_, 'r, M::Value>) -> Result<()>,
    ) -> Result<()> {
        for (k, slots) in s.deployment.iter_mut().enumerate() {
            match self.keys.get(k) {
                Some(key) if key.key.level() == Level::Deployment => {
                    key.deployment_slots(self.registry, d, slots);
                }
                _ => {
                    slots.clear();
                    slots.push(Slot::None);
                }
            }
        }
        s.deployment_keys.clear();
        let mut deployment_window: Option<Window> = None;
        // A deployment without phases is walked as one blank phase: its capacity is unknown,
        // not zero.
        let blank = d.phases.is_empty().then_some(None);
        for phase in d.phases.iter().map(Some).chain(blank) {
            if !self.filters.phase(phase) {
                continue;
            }
            let window = match (self.scenario, phase) {
                (None, _) => Window::ALWAYS,
                (Some(scenario), Some(p)) => match scenario.window(p) {
                    Some(w) => w,
                    None => continue,
                },
                (Some(_), None) => continue,
            };
            self.prepare_phase(phase, hardware, s);
            match self.measure.tally() {
                Tally::Deployments => {
                    self.fill_keys(s, Scope::Phase);
                    s.deployment_keys.extend_from_slice(&s.keys);
                    deployment_window = Some(deployment_window.map_or(window, |w| w.hull(window)));
                }
                Tally::Phases if phase.is_some() => {
                    self.fill_keys(s, Scope::Phase);
                    let part = one(self.measure.one());
                    sink(Item {
                        keys: &s.keys,
                        part,
                        route: Route::Stated,
                        window,
                    })?;
                }
                Tally::Phases => {}
                Tally::Parts => self.parts(phase, window, hardware, s, sink)?,
            }
        }
        if let Some(window) = deployment_window {
            s.deployment_keys.sort_unstable();
            s.deployment_keys.dedup();
            let part = one(self.measure.one());
            sink(Item {
                keys: &s.deployment_keys,
                part,
                route: Route::Stated,
                window,
            })?;
        }
        Ok(())
    }

    /// Looks up the phase's slots and its lines' facts.
    fn prepare_phase(
        &self,
        phase: Option<&'r Phase>,
        hardware: &mut Hardware<'r, M::Factor>,
        s: &mut Scratch<'r>,
    ) {
        for (k, slot) in s.phase.iter_mut().enumerate() {
            *slot = self
                .keys
                .get(k)
                .map_or(Slot::None, |key| key.phase_slot(phase));
        }
        s.facts.clear();
        s.lines.clear();
        for line in phase.map_or(&[][..], |p| &p.hardware) {
            let i = hardware.look_up(&line.hardware, &line.count.value, |c, n| {
                self.measure.per_gpu(c, n)
            });
            let mut slots = [Slot::None; 2];
            if let Some(facts) = hardware.get(i) {
                for (k, slot) in slots.iter_mut().enumerate() {
                    if let Some(key) = self.keys.get(k) {
                        *slot = key.line_slot(facts);
                    }
                }
            }
            s.facts.push(i);
            s.lines.push(slots);
        }
    }

    /// Hands a phase's parts to the sink: the stated figure for the whole phase when there
    /// is one and the phase sits in one group, else each hardware line's derived figure.
    fn parts(
        &self,
        phase: Option<&'r Phase>,
        window: Window,
        hardware: &Hardware<'r, M::Factor>,
        s: &mut Scratch<'r>,
        sink: &mut impl FnMut(Item<'_, 'r, M::Value>) -> Result<()>,
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
        // A stated figure covers the whole phase; when its lines fall in different groups it
        // cannot be split between them, so the lines are derived one by one instead.
        let split = self.has_line_key()
            && s.lines
                .first()
                .is_some_and(|first| s.lines.iter().any(|l| l != first));
        let stated = if split {
            None
        } else {
            self.measure.stated(phase)?
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
        if phase.hardware.is_empty() {
            self.fill_keys(s, Scope::Phase);
            return sink(Item {
                keys: &s.keys,
                part: None,
                route: Route::Unknown,
                window,
            });
        }
        for (i, line) in phase.hardware.iter().enumerate() {
            let Some(facts) = s.facts.get(i).and_then(|&f| hardware.get(f)) else {
                continue;
            };
            let (part, route) = self.derive(&line.count.value, facts)?;
            self.fill_keys(s, Scope::Line(i));
            sink(Item {
                keys: &s.keys,
                part,
                route,
                window,
            })?;
        }
        Ok(())
    }

    /// A line's derived part: through its one part, or spanning the parts it may mean.
    fn derive(
        &self,
        count: &Estimate<AcceleratorCount>,
        facts: &Facts<'r, M::Factor>,
    ) -> Result<(Part<M::Value>, Route)> {
        let derive_one = |c: &Candidate<M::Factor>| {
            self.measure
                .derive(gpus(count, c.gpus_per)?, c.per_gpu, facts.in_gpus)
        };
        match facts.candidates.as_slice() {
            [one] => derive_one(one),
            many => {
                // Every candidate takes the same route (the count's unit decides it); the
                // line is unknown when one of them is.
                let derived = many.iter().map(derive_one).collect::<Result<Vec<_>>>()?;
                let route = derived.first().map_or(Route::Unknown, |(_, r)| *r);
                let part = span(derived.into_iter().map(|(p, _)| p))?;
                Ok((
                    part,
                    if part.is_some() {
                        route
                    } else {
                        Route::Unknown
                    },
                ))
            }
        }
    }

    fn has_line_key(&self) -> bool {
        self.keys.iter().any(|k| k.key.level() == Level::Line)
    }

    /// The distinct keys of a scope into `s.keys`: every combination of the slots of the
    /// first and second key, taking line slots from the scope's lines (all of a phase's lines,
    /// or `Unknown` when it has none).
    fn fill_keys(&self, s: &mut Scratch<'r>, scope: Scope) {
        const UNKNOWN: [[Slot<'static>; 2]; 1] = [[Slot::Unknown; 2]];
        const NONE: [[Slot<'static>; 2]; 1] = [[Slot::None; 2]];
        s.keys.clear();
        if self.keys.is_empty() {
            return;
        }
        let lines: &[[Slot<'r>; 2]] = match scope {
            _ if !self.has_line_key() => &NONE,
            Scope::Line(i) => s.lines.get(i..=i).unwrap_or(&UNKNOWN),
            Scope::Phase if s.lines.is_empty() => &UNKNOWN,
            Scope::Phase => &s.lines,
        };
        for line in lines {
            let first = self.slots(0, &s.deployment, &s.phase, line);
            let second = self.slots(1, &s.deployment, &s.phase, line);
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

    /// The slots of key `k` at a line.
    fn slots<'a>(
        &self,
        k: usize,
        deployment: &'a [Vec<Slot<'r>>; 2],
        phase: &'a [Slot<'r>; 2],
        line: &'a [Slot<'r>; 2],
    ) -> &'a [Slot<'r>] {
        const NONE: [Slot<'static>; 1] = [Slot::None];
        let level = self.keys.get(k).map(|key| key.key.level());
        match level {
            None => &NONE,
            Some(Level::Deployment) => deployment.get(k).map_or(&NONE[..], Vec::as_slice),
            Some(Level::Phase) => phase.get(k).map_or(&NONE[..], slice::from_ref),
            Some(Level::Line) => line.get(k).map_or(&NONE[..], slice::from_ref),
        }
    }
}

/// How many deployments [`warm`] reads ahead: their records fit in the L2 cache.
const WARM_CHUNK: usize = 32;

/// Reads the fields the pass will use from a run of deployments, before using them.
///
/// The records are scattered over the heap, so most reads miss the cache. Done one record at
/// a time, between lookups and sums, those misses wait one after the other; in this short
/// loop the processor issues them together. On a million synthetic deployments this cut a
/// query's time by more than half.
fn warm(deployments: &[Deployment]) {
    let mut sum = 0usize;
    for d in deployments {
        sum = sum.wrapping_add(usize::from(d.superseded_by.is_some()) + d.host.alpha2().len());
        for p in &d.phases {
            sum = sum.wrapping_add(
                p.status as usize
                    + usize::from(p.compute.is_some())
                    + usize::from(p.dates.online.is_some()),
            );
            for line in &p.hardware {
                let name = match &line.hardware {
                    HardwareRef::Part(id) => id.as_str(),
                    HardwareRef::System(id) => id.as_str(),
                    HardwareRef::Family(id) => id.as_str(),
                    HardwareRef::Unlisted(name) => name,
                    HardwareRef::OneOf(_) => "",
                };
                let first = name.as_bytes().first().copied().unwrap_or(0);
                sum = sum
                    .wrapping_add(usize::from(first) + usize::from(line.count.value.is_unknown()));
            }
        }
    }
    std::hint::black_box(sum);
}

/// A part that is exactly `value`.
fn one<V: Copy>(value: V) -> Part<V> {
    Some((
        crate::estimate::Bounds {
            lower: value,
            upper: Some(value),
        },
        value,
    ))
}
