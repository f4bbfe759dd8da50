//! The catalog as Markdown tables: the reference pages are rendered from the data, not kept
//! by hand beside it.

use std::fmt::Write;

use super::part::{Core, Derivation, PeakFigure, RatedPower};
use super::{Catalog, Form, Resolved};
use crate::units::{ComputeRate, CountingUnit, Precision, Sparsity};

/// The formats the parts table shows: the ones announcements quote.
const COLUMNS: [Precision; 4] = [
    Precision::Fp4,
    Precision::Fp8,
    Precision::Bf16,
    Precision::Fp64,
];

impl Catalog {
    /// Renders the catalog as Markdown: a table of parts with their key figures (FP4, FP8, BF16
    /// and FP64 peaks, memory, TDP, sources), then systems, families, every name each entry
    /// answers to, and the sources. The TDP column lists the part's TDP first, then its other
    /// TDPs, each with its scope ("1 kW module<br>700 W gpu†").
    ///
    /// The built-in catalog's tables in these docs and in `data/CATALOG.md` are this output; a
    /// test checks that they are current.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::catalog::*;
    /// use sovereign_compute::units::{Precision, Sparsity};
    /// let mut catalog = Catalog::new();
    /// catalog.add_source(Source::new("ACME", "Acme X1 datasheet", Provenance::VendorDirect))?;
    /// catalog.add_accelerator(Accelerator::gpu("acme-x1", "Acme X1", "acme").with_peak(
    ///     PeakFigure::new(Precision::Fp8, Sparsity::Dense, "2 PFLOP/s".parse()?, "ACME"),
    /// ))?;
    /// catalog.add_accelerator(
    ///     Accelerator::superchip("acme-s1", "Acme S1", "acme", 1, 1)
    ///         .with_tdp(RatedPower::new("1 kW".parse()?, "ACME").with_scope(PowerScope::Module))
    ///         .with_other_tdp(
    ///             RatedPower::new("700 W".parse()?, "ACME")
    ///                 .with_scope(PowerScope::Gpu)
    ///                 .with_derivation(Derivation::ThirdParty),
    ///         ),
    /// )?;
    /// let md = catalog.markdown();
    /// assert!(md.contains("| acme-x1 | Acme X1 | GPU | – | D 2 PFLOP/s |"));
    /// assert!(md.contains("| 1 kW module<br>700 W gpu† |"));
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        self.write_parts(&mut out);
        self.write_systems(&mut out);
        self.write_families(&mut out);
        self.write_names(&mut out);
        self.write_sources(&mut out);
        out
    }

    fn write_parts(&self, out: &mut String) {
        out.push_str(
            "## Parts\n\n\
             Peak rates per unit of the part (a superchip's are for all its GPUs). \
             S = 2:4 sparse, D = dense; a Tensor Core or vector figure says so. \
             \\* derived, † third-party; – not in the catalog (not published, or not found).\n\n\
             | ID | name | form | FP4 | FP8 | BF16 | FP64 | memory | TDP | released | sources |\n\
             | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
        );
        for part in &self.accelerators {
            let form = match part.form {
                Form::Gpu => "GPU".to_owned(),
                Form::Superchip => format!(
                    "superchip: {} CPU{} + {} {}",
                    part.cpus,
                    if part.cpus == 1 { "" } else { "s" },
                    part.gpus,
                    CountingUnit::Gpu.noun(u64::from(part.gpus))
                ),
            };
            let figures: Vec<String> = COLUMNS
                .iter()
                .map(|&precision| figure_cell(&part.peak, precision))
                .collect();
            let memory = match (&part.memory, &part.memory_bandwidth) {
                (None, None) => "–".to_owned(),
                (memory, bandwidth) => [
                    memory
                        .as_ref()
                        .map(|m| format!("{}{}", escape(&m.to_string()), mark(m.derivation))),
                    bandwidth
                        .as_ref()
                        .map(|b| format!("{b}{}", mark(b.derivation))),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("<br>"),
            };
            let tdps: Vec<String> = part
                .tdp
                .iter()
                .chain(&part.other_tdps)
                .map(power_text)
                .collect();
            let tdp = if tdps.is_empty() {
                "–".to_owned()
            } else {
                tdps.join("<br>")
            };
            let released = part.released.map_or("–".to_owned(), |y| y.to_string());
            let sources = cited_keys(
                part.memory
                    .iter()
                    .map(|m| m.source.as_str())
                    .chain(part.memory_bandwidth.iter().map(|b| b.source.as_str()))
                    .chain(part.tdp.iter().map(|t| t.source.as_str()))
                    .chain(part.other_tdps.iter().map(|t| t.source.as_str()))
                    .chain(part.peak.iter().map(|f| f.source.as_str())),
            );
            let _ = writeln!(
                out,
                "| {} | {} | {form} | {} | {memory} | {tdp} | {released} | {sources} |",
                part.id,
                escape(&part.name),
                figures.join(" | "),
            );
        }
        out.push('\n');
    }

    fn write_systems(&self, out: &mut String) {
        out.push_str(
            "## Systems\n\n\
             Power is the system's own maximum; totals are for one system, as published.\n\n\
             | ID | name | kind | built from | GPUs | power | published totals | source |\n\
             | --- | --- | --- | --- | --- | --- | --- | --- |\n",
        );
        for system in &self.systems {
            let gpus = self
                .system_gpus(system)
                .map_or("–".to_owned(), |g| g.to_string());
            let power = system.power.as_ref().map_or("–".to_owned(), power_text);
            let totals = if system.peak.is_empty() {
                "–".to_owned()
            } else {
                system
                    .peak
                    .iter()
                    .map(|f| format!("{} {}", f.precision, figure_text(f)))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} × {} | {gpus} | {power} | {totals} | {} |",
                system.id,
                escape(&system.name),
                system.kind.tag(),
                system.units,
                system.part,
                system.source,
            );
        }
        out.push('\n');
    }

    fn write_families(&self, out: &mut String) {
        out.push_str(
            "## Families\n\n\
             A family name resolves to the family, not to one of its parts.\n\n\
             | ID | name | parts |\n\
             | --- | --- | --- |\n",
        );
        for family in &self.families {
            let members: Vec<&str> = self.members(family).map(|a| a.id.as_str()).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                family.id,
                escape(&family.name),
                members.join(", ")
            );
        }
        out.push('\n');
    }

    fn write_names(&self, out: &mut String) {
        out.push_str(
            "## Names\n\n\
             Every name an entry answers to in `Catalog::resolve`, besides its ID; matching \
             ignores case and folds white space.\n\n\
             | ID | kind | names |\n\
             | --- | --- | --- |\n",
        );
        let entries = self
            .families
            .iter()
            .map(Resolved::Family)
            .chain(self.accelerators.iter().map(Resolved::Accelerator))
            .chain(self.systems.iter().map(Resolved::System));
        for entry in entries {
            let mut names: Vec<&str> = vec![entry.name()];
            for alias in entry.aliases() {
                if !names.iter().any(|n| n == alias) {
                    names.push(alias);
                }
            }
            let names: Vec<String> = names.iter().map(|n| escape(n)).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                entry.id(),
                entry.kind(),
                names.join("; ")
            );
        }
        out.push('\n');
    }

    fn write_sources(&self, out: &mut String) {
        out.push_str(
            "## Sources\n\n\
             | key | document | revision | provenance |\n\
             | --- | --- | --- | --- |\n",
        );
        for source in &self.sources {
            let title = escape(&source.title);
            let document = match &source.url {
                Some(url) => format!("[{title}](<{url}>)"),
                None => title,
            };
            let document = match &source.publisher {
                Some(publisher) => format!("{document} ({})", escape(publisher)),
                None => document,
            };
            let revision = source.revision.as_deref().map_or("–".to_owned(), escape);
            let _ = writeln!(
                out,
                "| {} | {document} | {revision} | {} |",
                source.key,
                source.provenance.tag()
            );
        }
    }
}

/// The figures of one precision: sparse then dense, Tensor Core then unlabelled then vector.
fn figure_cell(figures: &[PeakFigure], precision: Precision) -> String {
    let mut lines = Vec::new();
    for sparsity in [Sparsity::Sparse, Sparsity::Dense] {
        for core in [Some(Core::Tensor), None, Some(Core::Vector)] {
            let found = figures
                .iter()
                .find(|f| f.precision == precision && f.sparsity == sparsity && f.core == core);
            if let Some(figure) = found {
                lines.push(figure_text(figure));
            }
        }
    }
    if lines.is_empty() {
        "–".to_owned()
    } else {
        lines.join("<br>")
    }
}

/// "S 18 PFLOP/s", "D 67 TFLOP/s tensor", "D 4.5 PFLOP/s\*".
fn figure_text(figure: &PeakFigure) -> String {
    let sparsity = match figure.sparsity {
        Sparsity::Sparse => "S",
        Sparsity::Dense => "D",
    };
    let core = figure
        .core
        .map_or(String::new(), |c| format!(" {}", c.tag()));
    format!(
        "{sparsity} {}{core}{}",
        short_rate(figure.rate),
        mark(figure.derivation)
    )
}

/// A rate with at most four decimals and no trailing zeros, so that binary rounding noise
/// ("307.00000000000006") does not reach the page.
fn short_rate(rate: ComputeRate) -> String {
    let text = format!("{rate:.4}");
    match text.split_once(' ') {
        Some((number, unit)) if number.contains('.') => {
            let number = number.trim_end_matches('0').trim_end_matches('.');
            format!("{number} {unit}")
        }
        _ => text,
    }
}

/// "1 kW module", "700 W gpu†", "14.3 kW": the power, its scope where it has one, and its
/// derivation mark.
fn power_text(power: &RatedPower) -> String {
    let scope = power
        .scope
        .map_or(String::new(), |s| format!(" {}", s.tag()));
    format!("{}{scope}{}", power.power, mark(power.derivation))
}

fn mark(derivation: Derivation) -> &'static str {
    match derivation {
        Derivation::Published => "",
        Derivation::Derived => "\\*",
        Derivation::ThirdParty => "†",
    }
}

/// Source keys in order of first appearance.
fn cited_keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for key in keys {
        if !seen.contains(&key) {
            seen.push(key);
        }
    }
    if seen.is_empty() {
        "–".to_owned()
    } else {
        seen.join(", ")
    }
}

/// Escapes text for a Markdown table cell (and for rustdoc, which reads `[x]` as a link).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_lose_rounding_noise_not_digits() {
        let rate = |s: &str| s.parse::<ComputeRate>().unwrap();
        assert_eq!(short_rate(rate("0.307 PFLOP/s")), "307 TFLOP/s");
        assert_eq!(short_rate(rate("989.5 TFLOP/s")), "989.5 TFLOP/s");
        assert_eq!(short_rate(rate("3922.3 TFLOP/s")), "3.9223 PFLOP/s");
        assert_eq!(short_rate(rate("18 PFLOP/s")), "18 PFLOP/s");
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(
            escape("a|b [B1] *x* <y>"),
            "a\\|b \\[B1\\] \\*x\\* &lt;y&gt;"
        );
    }
}
