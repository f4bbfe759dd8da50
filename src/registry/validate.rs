//! The registry's checks; see the module docs of [`crate::registry`] for the list.

use std::collections::BTreeSet;

use super::{TextMap, TextSet};

use super::index::{Kinds, NONE};
use super::{Problem, RegistryBuilder};
use crate::model::{Citation, Phase, check_id};
use crate::{Country, Error};

/// Collects problems for one record.
struct Record<'a> {
    kind: &'static str,
    id: &'a str,
    out: &'a mut Vec<Problem>,
}

impl Record<'_> {
    fn problem(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.out
            .push(Problem::new(self.kind, self.id, field, message));
    }
}

/// The set of IDs of one kind, reporting malformed IDs (written as plain strings, which are
/// not checked until now) and duplicates as it goes.
fn ids<'a, T>(
    kind: &'static str,
    records: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    out: &mut Vec<Problem>,
) -> TextSet<&'a str> {
    let mut first: TextMap<&str, usize> = TextMap::default();
    first.reserve(records.len());
    for (i, r) in records.iter().enumerate() {
        let key = id(r);
        let what = match kind {
            "source" => "source ID",
            "organisation" => "organisation ID",
            "deployment" => "deployment ID",
            "programme" => "programme ID",
            _ => "initiative ID",
        };
        if let Err(error) = check_id(what, key) {
            out.push(Problem::new(kind, key, "id", error.to_string()));
        }
        if let Some(&j) = first.get(key) {
            out.push(Problem::new(
                kind,
                key,
                "id",
                format!("duplicate {kind} ID {key:?} (first used by record {j})"),
            ));
        } else {
            first.insert(key, i);
        }
    }
    first.into_keys().collect()
}

/// The IDs references may name, in seeded hash sets (see [`TextMap`]). Field paths are written only for a problem: a registry of a
/// million deployments has millions of references and, usually, no problem.
struct Known<'a> {
    sources: TextSet<&'a str>,
    organisations: TextSet<&'a str>,
    deployments: TextSet<&'a str>,
}

impl Known<'_> {
    fn citations(&self, rec: &mut Record<'_>, field: impl Fn() -> String, citations: &[Citation]) {
        for (i, c) in citations.iter().enumerate() {
            if !self.sources.contains(c.source.as_str()) {
                rec.problem(
                    format!("{}[{i}].source", field()),
                    format!(
                        "unknown source {:?}; add it to the registry's sources",
                        c.source.as_str()
                    ),
                );
            }
        }
    }

    fn organisation(&self, rec: &mut Record<'_>, field: impl FnOnce() -> String, id: &str) {
        if !self.organisations.contains(id) {
            rec.problem(
                field(),
                format!("unknown organisation {id:?}; add it to the registry's organisations"),
            );
        }
    }

    fn deployment(&self, rec: &mut Record<'_>, field: impl FnOnce() -> String, id: &str) {
        if !self.deployments.contains(id) {
            rec.problem(field(), format!("unknown deployment {id:?}"));
        }
    }
}

/// Every problem of the records, in record order, and the kind of each hardware line (in
/// record order; [`NONE`] for a line that does not resolve).
pub(super) fn problems(b: &RegistryBuilder, kinds: &mut Kinds<'_>) -> (Vec<Problem>, Vec<u32>) {
    let mut out = Vec::new();
    let mut line_kinds = Vec::new();
    let known = Known {
        sources: ids("source", &b.sources, |s| s.id.as_str(), &mut out),
        organisations: ids(
            "organisation",
            &b.organisations,
            |o| o.id.as_str(),
            &mut out,
        ),
        deployments: ids("deployment", &b.deployments, |d| d.id.as_str(), &mut out),
    };
    ids("programme", &b.programmes, |p| p.id.as_str(), &mut out);
    ids("initiative", &b.initiatives, |i| i.id.as_str(), &mut out);

    for s in &b.sources {
        let mut rec = Record {
            kind: "source",
            id: s.id.as_str(),
            out: &mut out,
        };
        unread(&mut rec, "", s.unread.iter());
    }

    for d in &b.deployments {
        let mut rec = Record {
            kind: "deployment",
            id: d.id.as_str(),
            out: &mut out,
        };
        for (i, p) in d.organisations.iter().enumerate() {
            known.organisation(
                &mut rec,
                || format!("organisations[{i}].organisation"),
                p.organisation.as_str(),
            );
        }
        known.citations(&mut rec, || "sources".into(), &d.sources);
        for (field, link) in [
            ("superseded_by", &d.superseded_by),
            ("duplicate_of", &d.duplicate_of),
        ] {
            if let Some(link) = link {
                if link == &d.id {
                    rec.problem(field, "a deployment cannot point at itself");
                } else {
                    known.deployment(&mut rec, || field.to_owned(), link.as_str());
                }
            }
        }
        let mut names = BTreeSet::new();
        for (i, phase) in d.phases.iter().enumerate() {
            if !names.insert(phase.name.as_str()) {
                rec.problem(
                    format!("phases[{i}].name"),
                    format!("duplicate phase name {:?}", phase.name),
                );
            }
            check_phase(&mut rec, &known, kinds, &mut line_kinds, i, phase);
        }
    }

    // Built once: rebuilding it per programme made validation quadratic.
    let hosts: TextMap<&str, Option<Country>> = b
        .deployments
        .iter()
        .map(|d| (d.id.as_str(), d.host))
        .collect();
    for p in &b.programmes {
        let mut rec = Record {
            kind: "programme",
            id: p.id.as_str(),
            out: &mut out,
        };
        for (i, o) in p.organisations.iter().enumerate() {
            known.organisation(&mut rec, || format!("organisations[{i}]"), o.as_str());
        }
        known.citations(&mut rec, || "sources".into(), &p.sources);
        if let Some(c) = &p.compute {
            known.citations(&mut rec, || "compute.rate.sources".into(), &c.rate.sources);
        }
        if let Some(g) = &p.gpus {
            known.citations(&mut rec, || "gpus.sources".into(), &g.sources);
        }
        for (i, id) in p.deployments.iter().enumerate() {
            match hosts.get(id.as_str()) {
                None => known.deployment(&mut rec, || format!("deployments[{i}]"), id.as_str()),
                // A host no source states cannot contradict the programme's countries.
                Some(Some(host)) if !p.countries.is_empty() && !p.countries.contains(host) => rec.problem(
                    format!("deployments[{i}]"),
                    format!(
                        "deployment {:?} is hosted in {host}, outside the programme's countries ({})",
                        id.as_str(),
                        p.countries.iter().map(|c| c.alpha2()).collect::<Vec<_>>().join(", ")
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    for init in &b.initiatives {
        let mut rec = Record {
            kind: "initiative",
            id: init.id.as_str(),
            out: &mut out,
        };
        for (i, o) in init.partners.iter().enumerate() {
            known.organisation(&mut rec, || format!("partners[{i}]"), o.as_str());
        }
        known.citations(&mut rec, || "sources".into(), &init.sources);
    }
    (out, line_kinds)
}

/// Text a record's `with_*` methods were given that did not read, at `prefix` + its field.
fn unread<'e>(
    rec: &mut Record<'_>,
    prefix: &str,
    errors: impl Iterator<Item = &'e (String, Error)>,
) {
    for (field, error) in errors {
        rec.problem(format!("{prefix}{field}"), error.to_string());
    }
}

fn check_phase(
    rec: &mut Record<'_>,
    known: &Known<'_>,
    kinds: &mut Kinds<'_>,
    line_kinds: &mut Vec<u32>,
    i: usize,
    phase: &Phase,
) {
    let at = || format!("phases[{i}]");
    unread(rec, &format!("{}.", at()), phase.unread.iter());
    for (field, message) in phase.date_problems() {
        rec.problem(format!("{}.{field}", at()), message);
    }
    known.citations(rec, || format!("{}.sources", at()), &phase.sources);
    if let Some(c) = &phase.compute {
        known.citations(
            rec,
            || format!("{}.compute.rate.sources", at()),
            &c.rate.sources,
        );
    }
    if let Some(p) = &phase.power {
        known.citations(rec, || format!("{}.power.sources", at()), &p.sources);
    }
    for (j, line) in phase.hardware.iter().enumerate() {
        let field = || format!("{}.hardware[{j}]", at());
        known.citations(
            rec,
            || format!("{}.count.sources", field()),
            &line.count.sources,
        );
        // The resolver says whether the line means something: the one place hardware is read.
        match kinds.of(line) {
            Ok(kind) => line_kinds.push(kind),
            Err(why) => {
                line_kinds.push(NONE);
                rec.problem(format!("{}.{}", field(), why.field), why.message);
            }
        }
    }
}
