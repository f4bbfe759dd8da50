//! The one pass over a registry's resolved index that tables, series and reconciliations
//! share: it skips double-counted deployments, applies the filters, finds each part's groups
//! and hands the parts to a sink.
//!
//! The pass is laid out for speed, since it is the core of every answer: the groups of a
//! scope (a phase, or one hardware line when a query groups by hardware) are handed to the
//! sink once, then each of its parts; a line's value comes from its kind's [`Plan`], worked out
//! once per query; values travel as plain numbers ([`RawPart`]).

use super::dimension::{Code, Dim, Key, KeySpace, Level, key, same_keys};
use super::filter::Filters;
use super::measure::sealed::{Plan, Sealed, Tally as Counts};
use super::measure::{Route, Routes};
use super::scenario::{Scenario, Window};
use super::sum::{PhaseSum, Raw, RawPart, Sum, Summable, to_raw};

use super::{Measure, Query};
use crate::Result;
use crate::estimate::{Bounds, Part, Total};
use crate::registry::Registry;
use crate::registry::index::{Index, LineRow, NONE};

/// Where a pass hands its parts: the groups (keys) and days (window) of a scope first, then
/// the scope's parts, added up (a phase's lines come as one tally of their parts).
pub(crate) trait Sink<T: Summable> {
    /// The groups and days of the parts that follow; the keys are sorted and distinct (none
    /// when the query does not group).
    fn open(&mut self, keys: &[Key], window: Window);

    /// Parts in the scope last opened, added up. Sums are checked when they are finished,
    /// not here.
    fn add(&mut self, parts: &Tally<T>);
}

/// A total being built, with the routes its parts took.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally<T: Summable> {
    pub(crate) sum: Sum<T>,
    /// Parts per [`Route`], by its position.
    routes: [usize; 4],
}

impl<T: Summable> Default for Tally<T> {
    fn default() -> Self {
        Self {
            sum: Sum::default(),
            routes: [0; 4],
        }
    }
}

impl<T: Summable> Tally<T> {
    #[inline]
    pub(crate) fn add(&mut self, part: &RawPart<T::Raw>, route: Route) {
        self.sum.add(part);
        if let Some(n) = self.routes.get_mut(route as usize) {
            *n += 1;
        }
    }

    /// Adds a phase's parts added up ahead: the same as adding each of them.
    #[inline]
    pub(crate) fn add_phase(&mut self, phase: &PhaseSum<T::Raw>) {
        self.sum.merge(&Sum::of_phase(phase));
        for (mine, theirs) in self.routes.iter_mut().zip(phase.routes) {
            *mine += theirs;
        }
    }

    #[inline]
    pub(crate) fn merge(&mut self, other: &Tally<T>) {
        self.sum.merge(&other.sum);
        for (mine, theirs) in self.routes.iter_mut().zip(other.routes) {
            *mine += theirs;
        }
    }

    /// Whether nothing was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.routes.iter().all(|&n| n == 0)
    }

    /// The tally as a table row's total (of amounts like `like`) and routes.
    ///
    /// # Errors
    /// Overflow of a sum.
    pub(crate) fn finish(&self, like: T) -> Result<(Total<T>, Routes)> {
        let [stated, assumed, derived, unknown] = self.routes;
        let routes = Routes {
            stated,
            assumed,
            derived,
            unknown,
        };
        Ok((self.sum.total(like)?, routes))
    }
}

/// The plain numbers of a measure's values.
pub(crate) type RawOf<M> = <<M as Sealed>::Value as Summable>::Raw;

/// A prepared pass.
#[derive(Debug)]
pub(crate) struct Walk<'q, 'r, M> {
    registry: &'r Registry,
    index: &'r Index,
    measure: &'q M,
    /// How each kind of hardware line is derived for the measure, by kind position.
    plans: Vec<Plan>,
    dims: Vec<Dim>,
    filters: Filters,
    /// With a scenario, phases carry the window they count in and those that never count
    /// are skipped; without, every phase counts always.
    scenario: Option<Scenario>,
    /// Whether lines are read one by one (a hardware key or a hardware filter); without, a
    /// phase's lines are all selected and share its groups.
    by_line: bool,
    has_line_key: bool,
    /// Whether every phase of a deployment has the deployment's groups (no phase or hardware
    /// key), so that they are worked out once per deployment.
    per_deployment: bool,
    /// Whether the pass can take the flat route ([`Walk::run_flat`]): a measure added up
    /// from parts, every key with one code per deployment or phase, no hardware filter.
    flat: bool,
}

/// Parts on their way to the sink: those of consecutive scopes with the same groups and days
/// are added up here first, and handed over when the groups or days change.
struct Pending<T: Summable> {
    keys: Vec<Key>,
    window: Option<Window>,
    tally: Tally<T>,
}

impl<T: Summable> Pending<T> {
    fn new() -> Self {
        Self {
            keys: Vec::new(),
            window: None,
            tally: Tally::default(),
        }
    }

    /// Makes `keys` and `window` those of the parts that follow.
    #[inline]
    fn open(&mut self, keys: &[Key], window: Window, sink: &mut impl Sink<T>) {
        if self.window == Some(window) && same_keys(&self.keys, keys) {
            return;
        }
        self.flush(sink);
        self.keys.clear();
        self.keys.extend_from_slice(keys);
        self.window = Some(window);
        sink.open(keys, window);
    }

    /// Hands what is pending to the sink.
    fn flush(&mut self, sink: &mut impl Sink<T>) {
        if !self.tally.is_empty() {
            sink.add(&self.tally);
            self.tally = Tally::default();
        }
    }
}

/// [`Pending`] for the flat route: one key (or none, when the query does not group), held
/// inline.
struct Open<T: Summable> {
    /// Whether the query groups: without keys, every scope has the empty list of keys.
    grouped: bool,
    key: Key,
    window: Option<Window>,
    tally: Tally<T>,
}

impl<T: Summable> Open<T> {
    fn new(grouped: bool) -> Self {
        Self {
            grouped,
            key: 0,
            window: None,
            tally: Tally::default(),
        }
    }

    fn keys(&self) -> &[Key] {
        if self.grouped {
            std::slice::from_ref(&self.key)
        } else {
            &[]
        }
    }

    /// As [`Pending::open`], for one key.
    #[inline]
    fn open(&mut self, key: Key, window: Window, sink: &mut impl Sink<T>) {
        if self.window == Some(window) && (self.key == key || !self.grouped) {
            return;
        }
        self.flush(sink);
        self.key = key;
        self.window = Some(window);
        sink.open(self.keys(), window);
    }

    /// As [`Pending::flush`].
    fn flush(&mut self, sink: &mut impl Sink<T>) {
        if !self.tally.is_empty() {
            sink.add(&self.tally);
            self.tally = Tally::default();
        }
    }
}

/// Per-deployment and per-phase scratch space, reused so that the pass does not allocate per
/// record.
#[derive(Default)]
struct Scratch {
    deployment: [Vec<Code>; 2],
    phase: [Code; 2],
    /// When lines are read one by one: the selected lines and their codes for each key.
    lines: Vec<usize>,
    line_codes: Vec<[Code; 2]>,
    keys: Vec<Key>,
    /// Whether `keys` are the current deployment's (see `Walk::per_deployment`).
    keys_current: bool,
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
        let index = registry.index();
        let dims: Vec<Dim> = query.keys().iter().cloned().map(Dim::new).collect();
        let filters = Filters::new(registry, query.filters());
        let has_line_key = dims.iter().any(|d| d.level() == Level::Line);
        let flat = matches!(measure.tally(), Counts::Parts)
            && dims.iter().all(Dim::is_single)
            && !filters.has_line_filters()
            && !oracle::general_only();
        Self {
            registry,
            index,
            plans: index
                .kinds
                .iter()
                .map(|k| measure.plan_in(index, k))
                .collect(),
            measure,
            by_line: has_line_key || filters.has_line_filters(),
            has_line_key,
            per_deployment: dims.iter().all(|d| d.level() == Level::Deployment),
            flat,
            dims,
            filters,
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

    /// The codes each key can take, for a collector's table of slots.
    pub(crate) fn key_space(&self) -> KeySpace {
        KeySpace {
            sizes: [0, 1].map(|k| self.dims.get(k).map_or(1, |d| d.size(self.registry))),
        }
    }

    /// Runs the pass over every deployment; returns how many were left out as
    /// double-counted.
    ///
    /// # Errors
    /// The first error of the measure (overflow) or of the sink.
    pub(crate) fn run(&self, sink: &mut impl Sink<M::Value>) -> Result<usize> {
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
        sink: &mut impl Sink<M::Value>,
    ) -> Result<usize> {
        if self.flat {
            return self.run_flat(deployments, sink);
        }
        let mut s = Scratch::default();
        let mut out = Pending::new();
        let mut excluded = 0;
        for d in deployments {
            let Some(row) = self.index.deployments.get(d) else {
                continue;
            };
            if row.excluded(d) {
                excluded += 1;
            } else if self.filters.deployment(self.index, d, &mut s.filter) {
                self.deployment(d, &mut s, &mut out, sink)?;
            }
        }
        out.flush(sink);
        Ok(excluded)
    }

    /// The flat route of [`run_over`](Self::run_over), for the common questions (a measure
    /// of parts by countries, blocs, statuses or online periods, filtered by record): each
    /// phase's key is computed directly, with nothing allocated and no list of codes, and
    /// parts go to the sink exactly as the general route hands them over (the same scopes,
    /// in the same order, added up the same way), so that both give the same sums to the
    /// last bit. `tests` below check that they do.
    fn run_flat(
        &self,
        deployments: std::ops::Range<usize>,
        sink: &mut impl Sink<M::Value>,
    ) -> Result<usize> {
        let index = self.index;
        let mut out = Open::<M::Value>::new(!self.dims.is_empty());
        let mut filter = Vec::new();
        let mut excluded = 0;
        let code = |k: usize, d: usize, p: Option<usize>| {
            self.dims
                .get(k)
                .map_or(NONE, |dim| dim.single_code(index, d, p))
        };
        let mut codes = [NONE; 2];
        for d in deployments {
            let Some(row) = index.deployments.get(d) else {
                continue;
            };
            if row.excluded(d) {
                excluded += 1;
                continue;
            }
            if !self.filters.deployment(index, d, &mut filter) {
                continue;
            }
            let phases = index.phases_of(d);
            if self.per_deployment {
                codes = [code(0, d, None), code(1, d, None)];
            }
            if phases.is_empty() {
                // A deployment without phases is one unknown part (as `deployment` does).
                if self.scenario.is_none() && self.filters.phase(index, None) {
                    if !self.per_deployment {
                        codes = [code(0, d, None), code(1, d, None)];
                    }
                    out.open(key(codes[0], codes[1]), Window::ALWAYS, sink);
                    out.tally.add(&None, Route::Unknown);
                }
                continue;
            }
            for p in phases {
                if !self.filters.phase(index, Some(p)) {
                    continue;
                }
                let window = match self.scenario {
                    None => Window::ALWAYS,
                    Some(scenario) => {
                        let status = index.status.get(p).copied();
                        match status.zip(index.phases.get(p)).and_then(|(status, row)| {
                            scenario.window_of(status, row.online, row.end)
                        }) {
                            Some(w) => w,
                            None => continue,
                        }
                    }
                };
                if !self.per_deployment {
                    codes = [code(0, d, Some(p)), code(1, d, Some(p))];
                }
                out.open(key(codes[0], codes[1]), window, sink);
                if let Some((part, route)) = self.measure.stated(index, p)? {
                    out.tally.add(&to_raw(&part), route);
                    continue;
                }
                if let Some(sum) = self.measure.phase_sum(index, p) {
                    out.tally.add_phase(&sum);
                    continue;
                }
                let lines = index.lines.get(index.lines_of(p)).unwrap_or_default();
                if lines.is_empty() {
                    out.tally.add(&None, Route::Unknown);
                }
                for line in lines {
                    let (part, route) = self.derive(line).map_err(|f| f.error())?;
                    out.tally.add(&part, route);
                }
            }
        }
        out.flush(sink);
        Ok(excluded)
    }

    fn deployment(
        &self,
        d: usize,
        s: &mut Scratch,
        out: &mut Pending<M::Value>,
        sink: &mut impl Sink<M::Value>,
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
        s.keys_current = false;
        let mut deployment_window: Option<Window> = None;
        let phases = self.index.phases_of(d);
        if phases.is_empty() {
            // A deployment without phases is walked as one blank phase: its capacity is
            // unknown, not zero.
            self.phase(None, 0..0, s, &mut deployment_window, out, sink)?;
        }
        for p in phases {
            self.phase(
                Some(p),
                self.index.lines_of(p),
                s,
                &mut deployment_window,
                out,
                sink,
            )?;
        }
        if let Some(window) = deployment_window {
            s.deployment_keys.sort_unstable();
            s.deployment_keys.dedup();
            out.open(&s.deployment_keys, window, sink);
            out.tally
                .add(&to_raw(&one(self.measure.one())), Route::Stated);
        }
        Ok(())
    }

    /// One phase, by position (`None`: the blank phase of a deployment without phases), with
    /// its lines.
    fn phase(
        &self,
        phase: Option<usize>,
        lines: std::ops::Range<usize>,
        s: &mut Scratch,
        deployment_window: &mut Option<Window>,
        out: &mut Pending<M::Value>,
        sink: &mut impl Sink<M::Value>,
    ) -> Result<()> {
        if !self.filters.phase(self.index, phase) {
            return Ok(());
        }
        let window = match (self.scenario, phase) {
            (None, _) => Window::ALWAYS,
            (Some(scenario), Some(p)) => {
                let status = self.index.status.get(p).copied();
                let row = self.index.phases.get(p);
                match status
                    .zip(row)
                    .and_then(|(status, row)| scenario.window_of(status, row.online, row.end))
                {
                    Some(w) => w,
                    None => return Ok(()),
                }
            }
            (Some(_), None) => return Ok(()),
        };
        if !self.per_deployment {
            for (k, code) in s.phase.iter_mut().enumerate() {
                *code = self
                    .dims
                    .get(k)
                    .map_or(NONE, |dim| dim.phase_code(self.index, phase));
            }
        }
        if self.by_line && !self.select_lines(lines.clone(), s) {
            return Ok(());
        }
        match self.measure.tally() {
            Counts::Deployments => {
                self.fill_keys(s, Scope::Phase);
                s.keys_current = false;
                s.deployment_keys.extend_from_slice(&s.keys);
                *deployment_window =
                    Some(deployment_window.map_or(window, |w: Window| w.hull(window)));
                Ok(())
            }
            Counts::Phases => match phase {
                Some(_) => {
                    self.open_phase(s, window, out, sink);
                    out.tally
                        .add(&to_raw(&one(self.measure.one())), Route::Stated);
                    Ok(())
                }
                None => Ok(()),
            },
            Counts::Parts => self.parts(phase, lines, window, s, out, sink),
        }
    }

    /// Selects the lines that pass the hardware filters, with their codes; `false` when the
    /// filters leave nothing of the phase.
    fn select_lines(&self, lines: std::ops::Range<usize>, s: &mut Scratch) -> bool {
        s.lines.clear();
        s.line_codes.clear();
        let had_lines = !lines.is_empty();
        for i in lines {
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
            if had_lines {
                !s.lines.is_empty()
            } else {
                self.filters.line(None)
            }
        } else {
            true
        }
    }

    /// Hands a phase's parts to the sink: the stated figure for the whole phase when there
    /// is one and the phase sits in one group, else each hardware line's derived figure.
    fn parts(
        &self,
        phase: Option<usize>,
        lines: std::ops::Range<usize>,
        window: Window,
        s: &mut Scratch,
        out: &mut Pending<M::Value>,
        sink: &mut impl Sink<M::Value>,
    ) -> Result<()> {
        let Some(phase) = phase else {
            self.open_phase(s, window, out, sink);
            out.tally.add(&None, Route::Unknown);
            return Ok(());
        };
        // A stated figure covers the whole phase; when its lines fall in different groups, or
        // filters leave some out, it cannot be split between them, so the lines are derived
        // one by one instead.
        let split = (self.has_line_key
            && s.line_codes
                .first()
                .is_some_and(|first| s.line_codes.iter().any(|l| l != first)))
            || self.filters.has_line_filters();
        if !split && let Some((part, route)) = self.measure.stated(self.index, phase)? {
            self.open_phase(s, window, out, sink);
            out.tally.add(&to_raw(&part), route);
            return Ok(());
        }
        let no_lines = if self.by_line {
            s.lines.is_empty()
        } else {
            lines.is_empty()
        };
        if no_lines {
            self.open_phase(s, window, out, sink);
            out.tally.add(&None, Route::Unknown);
            return Ok(());
        }
        if !self.by_line {
            // Every line of the phase is selected and has the phase's groups.
            self.open_phase(s, window, out, sink);
            for line in self.index.lines.get(lines).unwrap_or_default() {
                let (part, route) = self.derive(line).map_err(|f| f.error())?;
                out.tally.add(&part, route);
            }
            return Ok(());
        }
        if !self.has_line_key {
            // Some lines filtered out; all of the phase's groups.
            self.open_phase(s, window, out, sink);
            for &i in &s.lines {
                if let Some(line) = self.index.lines.get(i) {
                    let (part, route) = self.derive(line).map_err(|f| f.error())?;
                    out.tally.add(&part, route);
                }
            }
            return Ok(());
        }
        for j in 0..s.lines.len() {
            let Some(line) = s.lines.get(j).and_then(|&i| self.index.lines.get(i)) else {
                continue;
            };
            let (part, route) = self.derive(line).map_err(|f| f.error())?;
            self.fill_keys(s, Scope::Line(j));
            s.keys_current = false;
            out.open(&s.keys, window, sink);
            out.tally.add(&part, route);
        }
        Ok(())
    }

    /// Opens the phase's groups: worked out again only when they can differ from the last
    /// phase's, and opened in the sink only when they or the window change.
    fn open_phase(
        &self,
        s: &mut Scratch,
        window: Window,
        out: &mut Pending<M::Value>,
        sink: &mut impl Sink<M::Value>,
    ) {
        if !(self.per_deployment && s.keys_current) {
            self.fill_keys(s, Scope::Phase);
            s.keys_current = true;
        }
        out.open(&s.keys, window, sink);
    }

    /// A line's part through its kind's plan, as plain numbers.
    ///
    /// The error is a small [`Fault`], not the crate's [`Error`](crate::Error): this runs for
    /// every line, and a large error type makes every result it returns large too. The
    /// common plan (one candidate part, [`Plan::Scaled`]) is worked out in line; the others
    /// are called.
    #[inline(always)]
    fn derive(&self, line: &LineRow) -> std::result::Result<(RawPart<RawOf<M>>, Route), Fault> {
        let Some(&Plan::Scaled { per, figure, route }) = self.plans.get(line.kind as usize) else {
            return self.derive_other(line);
        };
        if line.flags & LineRow::KNOWN == 0 {
            return Ok((None, Route::Unknown));
        }
        let value = |count: u64| -> std::result::Result<RawOf<M>, Fault> {
            let gpus = count.checked_mul(per).ok_or(Fault::Overflow {
                quantity: "GPU count",
                operation: "multiplication",
            })?;
            self.measure.scaled(gpus, figure).ok_or(Fault::Overflow {
                quantity: self.measure.quantity(),
                operation: "scaling",
            })
        };
        let [lower, central, upper] = line.count;
        let bounded = line.flags & LineRow::BOUNDED != 0;
        let lower = value(lower)?;
        let upper = if bounded {
            value(upper)?
        } else {
            RawOf::<M>::default()
        };
        let raw = Raw {
            lower,
            central: value(central)?,
            upper,
            bounded,
        };
        Ok((Some(raw), route))
    }

    /// [`derive`](Self::derive) for the plans other than [`Plan::Scaled`].
    #[inline(never)]
    fn derive_other(
        &self,
        line: &LineRow,
    ) -> std::result::Result<(RawPart<RawOf<M>>, Route), Fault> {
        let k = line.kind as usize;
        match self.plans.get(k) {
            Some(Plan::Span) => match self.index.kinds.get(k) {
                Some(kind) => {
                    let (part, route) = self
                        .measure
                        .derive_in(self.index, line, kind)
                        .map_err(|e| Fault::Other(Box::new(e)))?;
                    Ok((to_raw(&part), route))
                }
                None => Ok((None, Route::Unknown)),
            },
            Some(Plan::Scaled { .. } | Plan::Unknown) | None => Ok((None, Route::Unknown)),
        }
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
            _ if !self.has_line_key => &UNKNOWN,
            Scope::Line(i) => s.line_codes.get(i..=i).unwrap_or(&UNKNOWN),
            Scope::Phase if s.line_codes.is_empty() => &UNKNOWN,
            Scope::Phase => &s.line_codes,
        };
        for line in lines {
            let first = self.codes(0, &s.deployment, &s.phase, line);
            let second = self.codes(1, &s.deployment, &s.phase, line);
            for a in first {
                for b in second {
                    s.keys.push(key(*a, *b));
                }
            }
        }
        if s.keys.len() > 1 {
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

/// Why a line's value could not be derived, kept small for the pass's inner loop.
#[derive(Debug)]
enum Fault {
    Overflow {
        quantity: &'static str,
        operation: &'static str,
    },
    Other(Box<crate::Error>),
}

impl Fault {
    fn error(self) -> crate::Error {
        match self {
            Fault::Overflow {
                quantity,
                operation,
            } => crate::Error::Overflow {
                quantity,
                operation,
            },
            Fault::Other(e) => *e,
        }
    }
}

/// Where a part comes from within a phase: the whole phase, or one hardware line.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Phase,
    Line(usize),
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

/// The general route as the flat route's oracle: tests can make the passes they prepare take
/// the general route only, and compare.
#[cfg(not(test))]
mod oracle {
    /// Outside tests the flat route is taken wherever it applies.
    #[inline(always)]
    pub(super) const fn general_only() -> bool {
        false
    }
}

/// The general route as the flat route's oracle, and the tests that compare the two.
#[cfg(test)]
pub(crate) mod oracle {
    use std::cell::Cell;

    thread_local! {
        static GENERAL: Cell<bool> = const { Cell::new(false) };
    }

    /// Whether passes prepared on this thread take the general route only.
    pub(super) fn general_only() -> bool {
        GENERAL.with(Cell::get)
    }

    /// `f` with every pass it prepares (on this thread) on the general route, the oracle the
    /// flat route is checked against.
    #[cfg(feature = "dataset")]
    pub(crate) fn on_the_general_route<R>(f: impl FnOnce() -> R) -> R {
        GENERAL.with(|g| g.set(true));
        let r = f();
        GENERAL.with(|g| g.set(false));
        r
    }

    #[cfg(feature = "dataset")]
    mod flat_route {
        use super::on_the_general_route;
        use crate::analysis::{
            Compute, Deployments, Filter, Gpus, GroupKey, ItPower, Period, Points, Query, Scenario,
        };
        use crate::model::Status;
        use crate::registry::Registry;
        use crate::units::{Precision, Sparsity};
        use crate::{Bloc, Country};
        use chrono::NaiveDate;

        fn queries() -> Vec<Query> {
            let day = NaiveDate::from_ymd_opt(2025, 6, 11).unwrap_or_default();
            vec![
                Query::new(),
                Query::new().group_by(GroupKey::HostCountry),
                Query::new().group_by(GroupKey::OperatorCountry),
                Query::new().group_by(GroupKey::HostBloc {
                    bloc: Bloc::eu(),
                    date: day,
                }),
                Query::new().group_by(GroupKey::Status),
                Query::new().group_by(GroupKey::OnlineQuarter),
                Query::new().group_by_pair(GroupKey::HostCountry, GroupKey::Status),
                Query::new().group_by_pair(GroupKey::OnlineYear, GroupKey::OperatorCountry),
                Query::new()
                    .filter(Filter::HostCountry(vec![Country::FR, Country::DE]))
                    .group_by(GroupKey::Certainty),
                Query::new()
                    .filter(Filter::Status(vec![Status::Planned, Status::Cancelled]))
                    .group_by(GroupKey::HostCountry),
            ]
        }

        fn registries() -> Vec<Registry> {
            let mut all = vec![
                crate::synthetic::registry(3_000, 7).unwrap(),
                // Large enough to be cut into chunks on several threads.
                crate::synthetic::registry(70_000, 5).unwrap(),
            ];
            all.extend(crate::datasets::gtc_paris_2025().ok());
            all.extend(crate::datasets::european_ai_compute().ok());
            all
        }

        /// Phases whose GPUs overflow: a line past `u64::MAX` GPUs (read line by line, and
        /// reported as the general route reports it), and sums past it.
        #[test]
        fn the_flat_route_overflows_where_the_general_route_does() {
            use crate::model::{Deployment, Phase};
            let phase = |id: &str, racks: u64, gpus: u64| {
                Phase::new(id, Status::Planned)
                    .with_hardware("nvidia-gb200-nvl72", format!("{racks} racks").as_str())
                    .with_hardware("nvidia-h100-sxm", format!("{gpus} GPUs").as_str())
            };
            let cases = [
                // A line of u64::MAX racks is past u64::MAX GPUs.
                vec![phase("p", u64::MAX, 1)],
                // Two phases whose GPUs add up past u64::MAX.
                vec![phase("p", 1, u64::MAX - 10), phase("q", 1, 20)],
                // One phase whose lines add up past u64::MAX.
                vec![phase("p", u64::MAX / 72, u64::MAX / 2)],
                // Large, and within range.
                vec![phase("p", 1_000, u64::MAX / 4), phase("q", 0, 5)],
            ];
            for (phases, fails) in cases.into_iter().zip([true, true, true, false]) {
                let mut d = Deployment::new("d", "D", Country::FR);
                for p in phases {
                    d = d.with_phase(p);
                }
                let registry = Registry::builder().deployment(d).build().unwrap();
                for query in &queries() {
                    let flat = query.run(&registry, Gpus);
                    let general = on_the_general_route(|| query.run(&registry, Gpus));
                    assert_eq!(flat.is_err(), fails, "{query:?}: {flat:?}");
                    assert_eq!(flat, general, "{query:?}");
                }
            }
        }

        /// The flat route gives the general route's results to the last bit: tables and
        /// series, for counts, GPUs, compute and power.
        #[test]
        fn the_flat_route_equals_the_general_route() {
            let fp4 = Compute::peak(Precision::Fp4, Sparsity::Dense);
            let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            let points = Points::new(Period::Quarter, day(2024, 1, 1), day(2028, 12, 31)).unwrap();
            for registry in &registries() {
                for query in &queries() {
                    macro_rules! same {
                        ($measure:expr) => {{
                            let flat = query.run(registry, $measure).unwrap();
                            let general =
                                on_the_general_route(|| query.run(registry, $measure).unwrap());
                            assert_eq!(flat, general, "{query:?}");
                            let flat = query
                                .series(registry, $measure, Scenario::Committed, &points)
                                .unwrap();
                            let general = on_the_general_route(|| {
                                query
                                    .series(registry, $measure, Scenario::Committed, &points)
                                    .unwrap()
                            });
                            assert_eq!(flat, general, "{query:?}");
                        }};
                    }
                    same!(Gpus);
                    same!(fp4);
                    same!(ItPower);
                    same!(Deployments);
                }
            }
        }
    }
}
