//! Europe's AI compute, public and commercial, from the second embedded dataset
//! ([`datasets::european_ai_compute`]): GPUs and compute by host country with their bounds, EU
//! and non-EU, public and commercial operators, capacity by year from 2020 to 2030 under both
//! scenarios, the InvestAI gigafactory claim against the sites named so far, and an SVG chart
//! of each country's GPUs online by year as a band (lower to upper bound) around its central
//! line.
//!
//! Every figure comes from the dataset through the public API and carries its bounds; a figure
//! nobody published is unknown, never zero.
//!
//! Run with `cargo run --example europe_overview [OUT.svg]` (default `europe-overview.svg`).

use std::fmt::Write as _;

use chrono::NaiveDate;
use sovereign_compute::analysis::{
    Compute, Deployments, Filter, Gpus, Group, GroupKey, Outcome, Period, Points, Query, Scenario,
    Series, reconcile_gpus,
};
use sovereign_compute::estimate::{Amount, Estimate, Total};
use sovereign_compute::model::{OrganisationKind, Role, Status};
use sovereign_compute::registry::Registry;
use sovereign_compute::units::{
    AcceleratorCount, ComputeFigure, ComputeFormat, Precision, Sparsity,
};
use sovereign_compute::{Bloc, Result, datasets};

/// The compute column's format: FP16 dense peak, the one AI format that every generation in
/// the dataset from Volta (V100) to Blackwell publishes.
pub const FP16_DENSE: ComputeFormat = ComputeFormat::peak(Precision::Fp16, Sparsity::Dense);

/// The day EU membership is read on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
}

/// One point per calendar year, 2020 to 2030.
pub fn years() -> Result<Points> {
    let day = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default();
    Points::new(Period::Year, day(2020), day(2030))
}

/// Whether an organisation of this kind is public (a research centre, a government body or a
/// consortium of them).
pub fn is_public(kind: OrganisationKind) -> bool {
    matches!(
        kind,
        OrganisationKind::ResearchCentre
            | OrganisationKind::GovernmentBody
            | OrganisationKind::Consortium
    )
}

/// The years section 4 reports.
const YEARS: std::ops::RangeInclusive<i32> = 2020..=2030;

/// The InvestAI gigafactories programme's ID in the dataset.
const GIGAFACTORIES: &str = "eu-ai-gigafactories";

/// A GPU count as a plain number with thousands separators.
fn gpu_count(c: AcceleratorCount) -> String {
    Estimate::exact(c.count()).to_string()
}

/// A compute figure in EFLOP/s, one decimal.
fn exaflops(f: ComputeFigure) -> String {
    format!("{:.1}", f.rate.base_value() / 1e18)
}

/// "lower–upper (c central, n/m)" in one cell: "≥ lower" when unbounded, "n/m" the parts of
/// unknown size out of all, "unknown" when no part is known.
pub fn short<T: Amount>(total: &Total<T>, show: impl Fn(T) -> String) -> String {
    let (Some(lower), Some(central)) = (total.lower(), total.central()) else {
        return format!("unknown ({}/{})", total.parts(), total.parts());
    };
    let mut out = match total.upper() {
        Some(upper) if upper == lower => show(lower),
        Some(upper) => format!("{}–{}", show(lower), show(upper)),
        None => format!("≥ {}", show(lower)),
    };
    if total.upper() != Some(lower) {
        out += &format!(" (c {}", show(central));
        if total.unknown_parts() > 0 {
            out += &format!(", {}/{}", total.unknown_parts(), total.parts());
        }
        out.push(')');
    } else if total.unknown_parts() > 0 {
        out += &format!(" ({}/{})", total.unknown_parts(), total.parts());
    }
    out
}

/// The label of a row's first group: a country's English name, or the group as displayed.
fn label(groups: &[Group]) -> String {
    match groups.first() {
        Some(Group::Country(c)) => format!("{c:#}"),
        Some(other) => other.to_string(),
        None => "all".to_owned(),
    }
}

/// The whole report as text; `main` prints it, and a test checks its figures.
pub fn report(europe: &Registry) -> Result<String> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Europe's AI compute: {} deployments in {} host countries, {} programmes, {} initiatives, {} sources\n",
        europe.deployments().len(),
        Query::new()
            .group_by(GroupKey::HostCountry)
            .run(europe, Deployments)?
            .rows()
            .len(),
        europe.programmes().len(),
        europe.initiatives().len(),
        europe.sources().len()
    );

    // 1. By host country: running phases, and every phase announced to running.
    let by_host = Query::new().group_by(GroupKey::HostCountry);
    let running = by_host
        .clone()
        .filter(Filter::Status(vec![
            Status::Operational,
            Status::PartiallyOperational,
        ]))
        .run(europe, Gpus)?;
    let gpus = by_host.run(europe, Gpus)?;
    let compute = by_host.run(europe, Compute::new(FP16_DENSE))?;
    let _ = writeln!(
        out,
        "1. By host country: GPUs in running phases, GPUs in all phases (announced to running), and
   {FP16_DENSE} of all phases; c = central, n/m = parts of unknown size"
    );
    let _ = writeln!(
        out,
        "  {:<15} {:<28} {:<34} EFLOP/s, all phases",
        "host", "GPUs running", "GPUs, all phases"
    );
    for row in gpus.rows() {
        let now = running
            .get(&row.groups)
            .map_or_else(|| "none".to_owned(), |r| short(&r.total, gpu_count));
        let fp16 = compute
            .get(&row.groups)
            .map_or_else(|| "none".to_owned(), |r| short(&r.total, exaflops));
        let _ = writeln!(
            out,
            "  {:<15} {now:<28} {:<34} {fp16}",
            label(&row.groups),
            short(&row.total, gpu_count),
        );
    }

    // 2. EU and non-EU hosts.
    let bloc = GroupKey::HostBloc {
        bloc: Bloc::eu(),
        date: today(),
    };
    let _ = writeln!(out, "\n2. Host in the EU on {} (GPUs)", today());
    for row in Query::new().group_by(bloc).run(europe, Gpus)?.rows() {
        let _ = writeln!(
            out,
            "  {:<15} {}",
            label(&row.groups),
            short(&row.total, gpu_count)
        );
    }

    // 3. Public and commercial operators.
    let (public, commercial): (Vec<_>, Vec<_>) = europe
        .organisations()
        .iter()
        .partition(|o| is_public(o.kind));
    let operated_by = |orgs: Vec<&sovereign_compute::model::Organisation>| Filter::In {
        key: GroupKey::Organisation(Some(Role::Operator)),
        groups: orgs
            .into_iter()
            .map(|o| Group::Organisation(o.id.clone()))
            .collect(),
    };
    let _ = writeln!(
        out,
        "\n3. By operator (GPUs; a deployment with operators of both kinds is in both rows)"
    );
    for (name, filter) in [
        ("public", operated_by(public)),
        ("commercial", operated_by(commercial)),
    ] {
        let total = Query::new().filter(filter).run(europe, Gpus)?;
        let _ = writeln!(out, "  {name:<15} {}", short(total.total(), gpu_count));
    }

    // 4. GPUs online on 30 June of each year, both scenarios.
    let _ = writeln!(
        out,
        "\n4. GPUs online on 30 June of each year (committed: from the latest day of the online date;\n   optimistic: from the earliest; phases with no online date are not counted)"
    );
    for year in YEARS {
        let day = NaiveDate::from_ymd_opt(year, 6, 30).unwrap_or_default();
        let online = |scenario| {
            Query::new()
                .filter(Filter::OnlineAt {
                    date: day,
                    scenario,
                })
                .run(europe, Gpus)
        };
        let _ = writeln!(
            out,
            "  {year}  committed {:<34} optimistic {}",
            short(online(Scenario::Committed)?.total(), gpu_count),
            short(online(Scenario::Optimistic)?.total(), gpu_count)
        );
    }

    // 5. Programmes against the deployments they name.
    let _ = writeln!(
        out,
        "\n5. Programmes against their named deployments (GPUs)"
    );
    for programme in europe.programmes() {
        let r = reconcile_gpus(europe, programme)?;
        let _ = writeln!(out, "  {} ({})", programme.name, programme.id);
        let _ = writeln!(
            out,
            "    {} named deployments: {}",
            r.listed,
            short(&r.itemised, gpu_count)
        );
        match &r.outcome {
            Outcome::Compared(c) => {
                let _ = writeln!(
                    out,
                    "    claim {}: the parts cover {} of it",
                    c.claim, c.covered
                );
            }
            Outcome::NotComparable(why) => {
                let _ = writeln!(out, "    no GPU claim to compare: {why}");
            }
        }
    }
    // The gigafactory claim is per facility, so each named site is set against it.
    if let Some(giga) = europe
        .programmes()
        .iter()
        .find(|p| p.id.as_str() == GIGAFACTORIES)
        && let Some(claim) = &giga.gpus
    {
        let _ = writeln!(
            out,
            "\n  The gigafactory claim ({}) is per facility: each named site against it",
            claim.value
        );
        for id in &giga.deployments {
            let Some(site) = europe.deployment(id) else {
                continue;
            };
            let total = Query::new()
                .filter(Filter::Deployments(vec![id.clone()]))
                .run(europe, Gpus)?;
            let total = total.total();
            let _ = writeln!(
                out,
                "    {:<48} {:<10} {}",
                site.name,
                site.phases
                    .first()
                    .map_or_else(String::new, |p| p.status.to_string()),
                short(total, gpu_count)
            );
        }
    }
    Ok(out)
}

const WIDTH: f64 = 1100.0;
const PLOT_HEIGHT: f64 = 340.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 290.0;
const TOP: f64 = 40.0;
/// The chart's lowest value, in GPUs.
const FLOOR: f64 = 100.0;
const COLOURS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// One country on the chart: central values and the band's bounds per year, over the parts
/// of known size. An upper bound of `None` is unbounded ("more than ..."), drawn to the top
/// of the plot.
pub struct Band {
    /// The country's name.
    pub label: String,
    /// Lower bound per year, in GPUs.
    pub lower: Vec<f64>,
    /// Central value per year, in GPUs.
    pub central: Vec<f64>,
    /// Upper bound of the parts of known size per year, in GPUs; `None` when unbounded.
    pub upper: Vec<Option<f64>>,
    /// Parts of unknown size at the last year, not drawn.
    pub unknown: usize,
}

/// The bands of the `n` countries with the most GPUs (central) online at the end of 2030,
/// optimistic scenario.
pub fn bands(europe: &Registry, n: usize) -> Result<Vec<Band>> {
    let series: Series<Gpus> = Query::new().group_by(GroupKey::HostCountry).series(
        europe,
        Gpus,
        Scenario::Optimistic,
        &years()?,
    )?;
    let count = |c: sovereign_compute::units::AcceleratorCount| c.count() as f64;
    let mut bands: Vec<Band> = series
        .rows()
        .iter()
        .map(|row| Band {
            label: label(&row.groups),
            lower: row
                .values
                .iter()
                .map(|t| t.lower().map_or(0.0, count))
                .collect(),
            central: row
                .values
                .iter()
                .map(|t| t.central().map_or(0.0, count))
                .collect(),
            upper: row
                .values
                .iter()
                .map(|t| t.known_upper().map(count))
                .collect(),
            unknown: row.values.last().map_or(0, |t| t.unknown_parts()),
        })
        .filter(|b| b.central.last().is_some_and(|v| *v > 0.0))
        .collect();
    bands.sort_by(|a, b| {
        let last = |b: &Band| b.central.last().copied().unwrap_or(0.0);
        last(b).total_cmp(&last(a))
    });
    bands.truncate(n);
    Ok(bands)
}

/// The points of a step line through `n` values: flat to the next point, then up or down.
fn steps(
    n: usize,
    value: impl Fn(usize) -> f64,
    x: &impl Fn(usize) -> f64,
    y: &impl Fn(f64) -> f64,
) -> Vec<String> {
    let mut points = Vec::with_capacity(2 * n);
    for i in 0..n {
        if i > 0 {
            points.push(format!("{:.1},{:.1}", x(i), y(value(i - 1))));
        }
        points.push(format!("{:.1},{:.1}", x(i), y(value(i))));
    }
    points
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The chart: per country, a translucent band from lower to upper bound and the central line.
pub fn chart(europe: &Registry) -> Result<String> {
    let bands = bands(europe, COLOURS.len())?;
    let labels: Vec<String> = years()?.periods().iter().map(|p| p.to_string()).collect();
    // The scale follows the bounded values; an unbounded band runs to the top.
    let max = bands
        .iter()
        .flat_map(|b| b.upper.iter().flatten().chain(&b.central))
        .fold(1.0_f64, |m, v| m.max(*v));
    let plot_w = WIDTH - LEFT - RIGHT;
    let step = plot_w / (labels.len().max(2) - 1) as f64;
    let x = |i: usize| LEFT + step * i as f64;
    // A log scale, so that a country with a thousand GPUs shows beside one with a million;
    // values below the floor sit on the axis.
    let (floor, top) = (FLOOR.log10(), max.max(FLOOR * 10.0).log10().ceil());
    let y = |v: f64| {
        let v = v.max(FLOOR).min(10f64.powf(top)).log10();
        TOP + PLOT_HEIGHT * (1.0 - (v - floor) / (top - floor))
    };
    let height = TOP + PLOT_HEIGHT + 80.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{LEFT}\" y=\"22\" font-size=\"15\">GPUs online at the end of each year by host country (optimistic scenario, log scale)</text>\n"
    );
    let mut power = floor;
    while power <= top {
        let v = 10f64.powf(power);
        let y0 = y(v);
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y0:.1}\" y2=\"{y0:.1}\" stroke=\"#ddd\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
            LEFT + plot_w,
            LEFT - 6.0,
            y0 + 4.0,
            Estimate::exact(v.round() as u64)
        );
        power += 1.0;
    }
    for (i, l) in labels.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(i),
            TOP + PLOT_HEIGHT + 18.0,
            escape(l)
        );
    }
    for (n, band) in bands.iter().enumerate() {
        let colour = COLOURS[n % COLOURS.len()];
        // Capacity jumps when a phase comes online: steps, not slopes. The band runs along
        // the upper bounds (the central value where there is none) and back along the lower.
        let top_of = |i: usize| band.upper[i].unwrap_or(band.central[i]);
        let mut polygon = steps(band.central.len(), top_of, &x, &y);
        let mut bottom = steps(band.lower.len(), |i| band.lower[i], &x, &y);
        bottom.reverse();
        polygon.extend(bottom);
        let central = steps(band.central.len(), |i| band.central[i], &x, &y);
        // A point with no upper bound gets an upward tick above the band.
        let mut ticks = String::new();
        for (i, upper) in band.upper.iter().enumerate() {
            if upper.is_none() && band.central[i] > 0.0 {
                let (xi, yi) = (x(i), y(band.central[i]));
                let _ = write!(
                    ticks,
                    "<path d=\"M{xi:.1},{:.1} l-4,6 h8 z\" fill=\"{colour}\"/>",
                    yi - 14.0
                );
            }
        }
        let ly = TOP + 18.0 * n as f64;
        let mut notes = Vec::new();
        if band.upper.iter().any(Option::is_none) {
            notes.push("▲".to_owned());
        }
        if band.unknown > 0 {
            notes.push(format!("+{} unknown", band.unknown));
        }
        let unbounded = if notes.is_empty() {
            String::new()
        } else {
            format!(" {}", notes.join(" "))
        };
        let _ = write!(
            out,
            "<polygon fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{}\"/>\n\
             <polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>{ticks}\n\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"22\" height=\"10\" fill=\"{colour}\" fill-opacity=\"0.3\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\">{}{unbounded}</text>\n",
            polygon.join(" "),
            central.join(" "),
            WIDTH - RIGHT + 12.0,
            ly - 5.0,
            WIDTH - RIGHT + 40.0,
            ly + 4.0,
            escape(&band.label)
        );
    }
    let _ = write!(
        out,
        "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"11\" fill=\"#444\">Line: central value. Band: lower to upper bound of the parts of known size; ▲ no upper bound (\"more than ...\"), the band stops at the central value.</text>\n\
         <text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"11\" fill=\"#444\">\"+n unknown\": parts of unknown size in 2030, not drawn. Phases with no online date are not placed. Source: sovereign-compute, datasets::european_ai_compute.</text>\n</svg>\n",
        TOP + PLOT_HEIGHT + 42.0,
        TOP + PLOT_HEIGHT + 58.0
    );
    Ok(out)
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let europe = datasets::european_ai_compute()?;
    print!("{}", report(&europe)?);
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "europe-overview.svg".to_owned());
    std::fs::write(&path, chart(&europe)?)?;
    println!("\nwrote {path}");
    Ok(())
}
