//! Cumulative GPUs online by quarter and host country, for the June 2025 European
//! announcements, written as an SVG chart (hand-written SVG: no plotting dependency).
//!
//! Solid lines are the committed scenario (a phase counts once the latest day of its online
//! date has passed), dashed lines the optimistic one (from the earliest day). Only phases with
//! a stated or reported online date can appear: the article gives few, which is itself the
//! finding.
//!
//! Run with `cargo run --example capacity_chart [OUT.svg]` (default `capacity.svg`).

use chrono::NaiveDate;
use sovereign_compute::analysis::{Gpus, Group, GroupKey, Period, Points, Query, Scenario, Series};
use sovereign_compute::datasets;
use sovereign_compute::units::AcceleratorCount;

const WIDTH: f64 = 900.0;
const PLOT_HEIGHT: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 230.0;
const TOP: f64 = 40.0;
const COLOURS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// One line of the chart: a label and a central value per point.
struct Line {
    label: String,
    values: Vec<f64>,
    dashed: bool,
    colour: &'static str,
}

fn central(series: &Series<Gpus>, groups: &[Group]) -> Vec<f64> {
    series
        .get(groups)
        .map(|row| {
            row.values
                .iter()
                .map(|t| {
                    t.central()
                        .map_or(0.0, |c: AcceleratorCount| c.count() as f64)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A line chart with a y axis from zero, x labels, and a legend.
fn svg(title: &str, x_labels: &[String], lines: &[Line], footnotes: &[String]) -> String {
    let max = lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .fold(1.0_f64, f64::max);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = PLOT_HEIGHT;
    let height = TOP + plot_h + 50.0 + 15.0 * footnotes.len() as f64;
    let step = plot_w / (x_labels.len().max(2) - 1) as f64;
    let x = |i: usize| LEFT + step * i as f64;
    let y = |v: f64| TOP + plot_h * (1.0 - v / max);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{LEFT}\" y=\"22\" font-size=\"15\">{}</text>\n",
        escape(title)
    );
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
        let (x2, tx, y0) = (LEFT + plot_w, LEFT - 6.0, y(v));
        out += &format!(
            "<line x1=\"{LEFT}\" x2=\"{x2}\" y1=\"{y0:.1}\" y2=\"{y0:.1}\" stroke=\"#ddd\"/>\n\
             <text x=\"{tx}\" y=\"{:.1}\" text-anchor=\"end\">{v:.0}</text>\n",
            y0 + 4.0
        );
    }
    for (i, label) in x_labels.iter().enumerate() {
        out += &format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            x(i),
            TOP + plot_h + 18.0,
            escape(label)
        );
    }
    for (n, line) in lines.iter().enumerate() {
        // Capacity jumps when a phase comes online: draw steps, not slopes.
        let mut points = Vec::new();
        for (i, v) in line.values.iter().enumerate() {
            if i > 0 {
                points.push(format!("{:.1},{:.1}", x(i), y(line.values[i - 1])));
            }
            points.push(format!("{:.1},{:.1}", x(i), y(*v)));
        }
        let dash = if line.dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        out += &format!(
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{dash} points=\"{}\"/>\n",
            line.colour,
            points.join(" ")
        );
        let ly = TOP + 16.0 * n as f64;
        let (x1, x2, tx) = (
            WIDTH - RIGHT + 12.0,
            WIDTH - RIGHT + 34.0,
            WIDTH - RIGHT + 40.0,
        );
        out += &format!(
            "<line x1=\"{x1}\" x2=\"{x2}\" y1=\"{ly:.1}\" y2=\"{ly:.1}\" stroke=\"{}\" stroke-width=\"2\"{dash}/>\n\
             <text x=\"{tx}\" y=\"{:.1}\">{}</text>\n",
            line.colour,
            ly + 4.0,
            escape(&line.label)
        );
    }
    for (k, note) in footnotes.iter().enumerate() {
        out += &format!(
            "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"11\" fill=\"#444\">{}</text>\n",
            TOP + plot_h + 42.0 + 15.0 * k as f64,
            escape(note)
        );
    }
    out += &format!(
        "<text x=\"12\" y=\"{:.1}\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\">GPUs online (central)</text>\n</svg>\n",
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0
    );
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let europe = datasets::gtc_paris_2025()?;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let points = Points::new(Period::Quarter, day(2025, 1, 1), day(2027, 12, 31))?;
    let query = Query::new().group_by(GroupKey::HostCountry);
    let committed = query.series(&europe, Gpus, Scenario::Committed, &points)?;
    let optimistic = query.series(&europe, Gpus, Scenario::Optimistic, &points)?;

    let mut lines = Vec::new();
    for (n, row) in optimistic.rows().iter().enumerate() {
        let colour = COLOURS[n % COLOURS.len()];
        let label = match row.groups.first() {
            Some(Group::Country(c)) => format!("{c:#}"),
            Some(other) => other.to_string(),
            None => "all".to_owned(),
        };
        let optimistic_values = central(&optimistic, &row.groups);
        if optimistic_values.iter().all(|v| *v == 0.0) {
            continue;
        }
        lines.push(Line {
            label: format!("{label}, committed"),
            values: central(&committed, &row.groups),
            dashed: false,
            colour,
        });
        lines.push(Line {
            label: format!("{label}, optimistic"),
            values: optimistic_values,
            dashed: true,
            colour,
        });
    }
    // Quarters read "2025-Q1", then "Q2", "Q3", "Q4", so that the labels fit.
    let labels: Vec<String> = points
        .periods()
        .iter()
        .map(|p| {
            let s = p.to_string();
            match s.split_once('-') {
                Some((_, q)) if q != "Q1" => q.to_owned(),
                _ => s,
            }
        })
        .collect();

    // What the chart cannot place: GPUs whose online date no source gives.
    let all = query.run(&europe, Gpus)?;
    let mut footnotes = vec![
        "Solid: committed (counted once the latest day of the online date has passed). Dashed: optimistic (from the earliest day).".to_owned(),
    ];
    for row in all.rows() {
        let placed = optimistic
            .get(&row.groups)
            .and_then(|r| r.values.last())
            .and_then(|t| t.central())
            .map_or(0, |c| c.count());
        let name = match row.groups.first() {
            Some(Group::Country(c)) => format!("{c:#}"),
            Some(other) => other.to_string(),
            None => "all".to_owned(),
        };
        let undated = row
            .total
            .central()
            .map_or(0, |t| t.count().saturating_sub(placed));
        let mut missing = Vec::new();
        if undated > 0 {
            missing.push(format!(
                "{} (central) with no online date in the sources",
                AcceleratorCount::gpus(undated)
            ));
        }
        if row.total.unknown_parts() > 0 {
            missing.push(format!(
                "{} part(s) of unknown size",
                row.total.unknown_parts()
            ));
        }
        if !missing.is_empty() {
            footnotes.push(format!("Not drawn, {name}: {}.", missing.join("; ")));
        }
    }
    let chart = svg(
        "GPUs online by host country, GTC Paris 2025 announcements",
        &labels,
        &lines,
        &footnotes,
    );
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "capacity.svg".to_owned());
    std::fs::write(&path, chart)?;
    println!(
        "wrote {path}: {} lines over {} quarters",
        lines.len(),
        labels.len()
    );
    Ok(())
}
