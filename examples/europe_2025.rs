//! The June 2025 European sovereign-AI announcements (NVIDIA GTC Paris at VivaTech, Wednesday
//! 11 June 2025), on one screen: what each country announced, what is inside and outside the
//! EU, who does what, what is online when, and how the "more than 3,000 exaflops" headline
//! compares with its itemised parts.
//!
//! Everything comes from the embedded dataset through the public API; every figure carries
//! its bounds, and a figure nobody published is reported as unknown, not as zero.
//!
//! Run with `cargo run --example europe_2025`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use sovereign_compute::analysis::{
    Compute, Deployments, Gpus, Group, GroupKey, Outcome, Period, Points, Query, Reading, Scenario,
    Table, reconcile_compute,
};
use sovereign_compute::estimate::{Amount, Estimate, Total};
use sovereign_compute::model::Role;
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, Precision, Sparsity,
};
use sovereign_compute::{Bloc, Country, Result, datasets};

/// The FP4 sparse peak every compute column uses: the format the headline is read in.
const FP4_SPARSE: ComputeFormat = ComputeFormat::peak(Precision::Fp4, Sparsity::Sparse);

/// "lower – upper (central c, n unknown)", "≥ lower" when unbounded, written with `show`.
fn bounds<T: Amount>(total: &Total<T>, show: impl Fn(&T) -> String) -> String {
    let Some(lower) = total.lower() else {
        return "unknown".to_owned();
    };
    let range = match total.upper() {
        Some(upper) if upper == lower => show(&lower),
        Some(upper) => format!("{} – {}", show(&lower), show(&upper)),
        None => format!("≥ {}", show(&lower)),
    };
    let mut notes = Vec::new();
    if let Some(central) = total.central()
        && total.upper() != Some(lower)
    {
        notes.push(format!("central {}", show(&central)));
    }
    if total.unknown_parts() > 0 {
        notes.push(format!("{} unknown", total.unknown_parts()));
    }
    if notes.is_empty() {
        range
    } else {
        format!("{range} ({})", notes.join(", "))
    }
}

fn gpus_text(c: &AcceleratorCount) -> String {
    Estimate::exact(c.count()).to_string()
}

fn rate_text(f: &ComputeFigure) -> String {
    format!("{:.0}", f.rate)
}

/// Wraps text at `width` columns, indenting continuation lines.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = indent.len();
    for word in text.split_whitespace() {
        if line > indent.len() && line + 1 + word.len() > width {
            out.push('\n');
            out.push_str(indent);
            line = indent.len();
        } else if line > indent.len() {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

fn country_of(groups: &[Group]) -> Option<Country> {
    match groups.first() {
        Some(Group::Country(c)) => Some(*c),
        _ => None,
    }
}

fn by_country<M: sovereign_compute::analysis::Measure>(
    table: &Table<M>,
) -> BTreeMap<Country, &Total<M::Value>> {
    table
        .rows()
        .iter()
        .filter_map(|r| Some((country_of(&r.groups)?, &r.total)))
        .collect()
}

/// The whole report as text; `main` prints it, and a test checks its figures.
pub fn report(europe: &Registry) -> Result<String> {
    let mut out = String::new();
    // The report is about a headline and its parts; without a programme there is none.
    let Some(programme) = europe.programmes().first() else {
        return Ok("This registry has no programme: no headline to report on.\n".to_owned());
    };
    let announced = programme
        .announced
        .map_or_else(|| "unknown".to_owned(), |d| d.to_string());
    let day = programme.announced.map_or(NaiveDate::MIN, |d| d.earliest());
    let _ = writeln!(
        out,
        "European sovereign AI: NVIDIA GTC Paris at VivaTech, announced {announced}\n\
         {} deployments, {} umbrella programme, {} initiatives, {} sources\n",
        europe.deployments().len(),
        europe.programmes().len(),
        europe.initiatives().len(),
        europe.sources().len()
    );

    // 1. Per host country.
    let per_country = Query::new().group_by(GroupKey::HostCountry);
    let deployments = per_country.run(europe, Deployments)?;
    let gpus = per_country.run(europe, Gpus)?;
    let fp4 = per_country.run(europe, Compute::new(FP4_SPARSE))?;
    let (d, g, c) = (
        by_country(&deployments),
        by_country(&gpus),
        by_country(&fp4),
    );
    let _ = writeln!(
        out,
        "1. By host country (GPUs and FP4 sparse peak, with bounds)"
    );
    let _ = writeln!(
        out,
        "{:<15} {:>3}  {:<40} {:<48} phase statuses",
        "host country", "dep", "GPUs", "FP4 sparse peak"
    );
    for (country, dep) in &d {
        let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
        for dep in europe
            .deployments()
            .iter()
            .filter(|x| x.host == Some(*country))
        {
            for phase in &dep.phases {
                *statuses.entry(phase.status.to_string()).or_default() += 1;
            }
        }
        let statuses: Vec<String> = statuses.iter().map(|(s, n)| format!("{n} {s}")).collect();
        let _ = writeln!(
            out,
            "{:<15} {:>3}  {:<40} {:<48} {}",
            format!("{country:#}"),
            dep.central().unwrap_or(0),
            g.get(country)
                .map_or_else(|| "unknown".to_owned(), |t| bounds(t, gpus_text)),
            c.get(country)
                .map_or_else(|| "unknown".to_owned(), |t| bounds(t, rate_text)),
            statuses.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "{:<15} {:>3}  {:<40} {:<48}\n",
        "all",
        deployments.total().central().unwrap_or(0),
        bounds(gpus.total(), gpus_text),
        bounds(fp4.total(), rate_text)
    );

    // 2. EU and outside the EU, by membership on the announcement day.
    let eu = Bloc::eu();
    let in_eu = Query::new().group_by(GroupKey::HostBloc {
        bloc: eu.clone(),
        date: day,
    });
    let gpus_eu = in_eu.run(europe, Gpus)?;
    let fp4_eu = in_eu.run(europe, Compute::new(FP4_SPARSE))?;
    let _ = writeln!(out, "2. EU and outside the EU (membership on {announced})");
    for row in gpus_eu.rows() {
        let label = match row.groups.first() {
            Some(Group::Member { member: true, .. }) => "EU",
            Some(Group::Member { member: false, .. }) => "outside the EU",
            _ => "unknown",
        };
        let compute = fp4_eu
            .get(&row.groups)
            .map_or_else(|| "unknown".to_owned(), |r| bounds(&r.total, rate_text));
        let hosts: Vec<String> = europe
            .deployments()
            .iter()
            .filter_map(|x| x.host)
            .filter(|h| eu.is_member(*h, day) == (label == "EU"))
            .map(|h| h.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let _ = writeln!(
            out,
            "{label:<15} {:<18} GPUs {:<40} FP4 sparse {}",
            hosts.join(", "),
            bounds(&row.total, gpus_text),
            compute
        );
    }
    let _ = writeln!(out);

    // 3. Organisations by role.
    let _ = writeln!(out, "3. Organisations by role");
    for role in [
        Role::Owner,
        Role::Operator,
        Role::CloudProvider,
        Role::HardwareVendor,
        Role::GovernmentSponsor,
        Role::Partner,
    ] {
        let mut names: Vec<String> = europe
            .deployments()
            .iter()
            .flat_map(|d| d.organisations_in(role))
            .filter_map(|id| europe.organisation(id))
            .map(|o| match o.headquarters {
                Some(hq) => format!("{} ({hq})", o.name),
                None => o.name.clone(),
            })
            .collect();
        names.sort();
        names.dedup();
        let _ = writeln!(out, "{:<18} {}", role.tag(), names.join(", "));
    }
    let _ = writeln!(out);

    // 4. Capacity online by quarter, both scenarios.
    let points = Points::new(
        Period::Quarter,
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap_or(NaiveDate::MAX),
    )?;
    let committed = Query::new().series(europe, Gpus, Scenario::Committed, &points)?;
    let optimistic = Query::new().series(europe, Gpus, Scenario::Optimistic, &points)?;
    let committed_fp4 = Query::new().series(
        europe,
        Compute::new(FP4_SPARSE),
        Scenario::Committed,
        &points,
    )?;
    let _ = writeln!(
        out,
        "4. Capacity online at the end of each quarter (GPUs central; FP4 sparse peak lower bound, committed)"
    );
    let _ = writeln!(
        out,
        "{:<9} {:>12} {:>12} {:>16}",
        "quarter", "committed", "optimistic", "FP4 committed"
    );
    for (i, period) in points.periods().iter().enumerate() {
        let central = |t: Option<&Total<_>>| {
            t.and_then(|t: &Total<sovereign_compute::units::AcceleratorCount>| t.central())
                .map_or(0, |c| c.count())
        };
        let fp4 = committed_fp4
            .total()
            .get(i)
            .and_then(|t| t.lower())
            .map_or_else(|| "0".to_owned(), |f| format!("{:.0}", f.rate));
        let _ = writeln!(
            out,
            "{:<9} {:>12} {:>12} {:>16}",
            period.to_string(),
            gpus_text(&AcceleratorCount::gpus(central(committed.total().get(i)))),
            gpus_text(&AcceleratorCount::gpus(central(optimistic.total().get(i)))),
            fp4
        );
    }
    let undated = gpus.total().central().map_or(0, |c| c.count())
        - committed
            .total()
            .last()
            .and_then(|t| t.central())
            .map_or(0, |c| c.count());
    let _ = writeln!(
        out,
        "{} (central) have no online date in any source and never appear above.\n",
        AcceleratorCount::gpus(undated)
    );

    // 5. The headline against its parts.
    let reconciliation = reconcile_compute(europe, programme, None)?;
    let _ = writeln!(out, "5. The headline against its itemised parts");
    if let Some(stated) = &programme.compute {
        let _ = writeln!(
            out,
            "claim:      \"{}\" ({})",
            stated.rate.value.phrase().unwrap_or_default(),
            stated.rate.value
        );
    }
    let _ = writeln!(
        out,
        "parts:      {} deployments listed, {} counted",
        reconciliation.listed, reconciliation.counted
    );
    match &reconciliation.outcome {
        Outcome::Compared(c) => {
            let reading = match &c.reading {
                Reading::Stated => "stated by the source".to_owned(),
                Reading::Assumed(why) => format!("ASSUMED by the dataset. {why}"),
                Reading::CallerAssumed => "assumed by this report".to_owned(),
                other => other.to_string(),
            };
            let _ = writeln!(out, "format:     {FP4_SPARSE}");
            let _ = writeln!(out, "            {}", wrap(&reading, 96, "            "));
            let _ = writeln!(
                out,
                "itemised:   {}",
                bounds(&reconciliation.itemised, rate_text)
            );
            if let (Some(parts), Some(floor)) = (reconciliation.itemised.lower(), c.claim.bounds())
            {
                let _ = writeln!(
                    out,
                    "            the known parts are at least {:.1}% of the claim's floor of {}",
                    100.0 * parts.rate.ratio(floor.lower.rate)?,
                    rate_text(&floor.lower)
                );
            }
            let _ = writeln!(out, "covered:    {} of the claim", c.covered);
            let _ = writeln!(out, "unattributed: {}", c.remainder);
        }
        Outcome::NotComparable(why) => {
            let _ = writeln!(out, "not comparable: {why}");
        }
    }
    let _ = writeln!(out);

    // 6. Sources.
    let _ = writeln!(out, "Sources");
    for s in europe.sources() {
        let date = s.published.map(|d| d.to_string()).unwrap_or_default();
        let publisher = s.publisher.as_deref().unwrap_or("");
        let _ = writeln!(out, "- [{}] {publisher}, {date}: {}", s.id, s.title);
    }
    Ok(out)
}

fn main() -> Result<()> {
    print!("{}", report(&datasets::gtc_paris_2025()?)?);
    Ok(())
}
