//! Every public spelling of a chip resolves as the golden tables say.
//!
//! `tests/data/hardware-spellings*.csv` list, one row each, every chip spelling in Epoch AI's
//! GPU-clusters and ML-hardware tables, in TOP500's Accelerator/Co-Processor (and, where it
//! names an accelerator, Processor) column, and in the vendors' datasheets, with the catalog
//! entry the spelling means in that table. Columns: `spelling,id,table,note`.
//!
//! - `id` is a part, system or family ID: the spelling must resolve to exactly that entry;
//! - `none`: the spelling must not resolve (a CPU-only marker, two chips in one cell, a part
//!   outside the catalog).
#![cfg(feature = "dataset")]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sovereign_compute::catalog::Catalog;

const TABLES: [&str; 5] = [
    "epoch-clusters",
    "epoch-hardware",
    "top500-accelerator",
    "top500-processor",
    "datasheet",
];

/// One row of a golden file, with where it came from for messages.
struct Row {
    file: String,
    line: usize,
    spelling: String,
    id: String,
    table: String,
}

/// The fields of one CSV record: commas separate, double quotes quote, `""` is a quote.
fn fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quoted field".to_owned());
    }
    out.push(field);
    Ok(out)
}

fn golden_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("hardware-spellings") && n.ends_with(".csv"))
        })
        .collect();
    files.sort();
    files
}

fn rows() -> Vec<Row> {
    let files = golden_files();
    assert!(
        !files.is_empty(),
        "no tests/data/hardware-spellings*.csv file found"
    );
    let mut rows = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        let mut lines = text.lines().enumerate();
        let header = lines.next().map(|(_, h)| h);
        assert_eq!(
            header,
            Some("spelling,id,table,note"),
            "{file}: the header must be `spelling,id,table,note`"
        );
        for (i, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let f = fields(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1));
            assert_eq!(
                f.len(),
                4,
                "{file}:{}: expected 4 fields (spelling,id,table,note), found {}",
                i + 1,
                f.len()
            );
            rows.push(Row {
                file: file.clone(),
                line: i + 1,
                spelling: f[0].clone(),
                id: f[1].clone(),
                table: f[2].clone(),
            });
        }
    }
    rows
}

#[test]
fn every_spelling_resolves_as_the_golden_tables_say() {
    let catalog = Catalog::builtin().expect("the built-in catalog is valid");
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in rows() {
        let at = format!("{}:{}", row.file, row.line);
        match row.id.as_str() {
            "none" => {
                if let Ok(found) = catalog.resolve(&row.spelling) {
                    failures.push(format!(
                        "{at}: {:?} ({}) must not resolve, but names {}",
                        row.spelling,
                        row.table,
                        found.id()
                    ));
                }
            }
            id => match catalog.resolve(&row.spelling) {
                Ok(found) if found.id() == id => {}
                Ok(found) => failures.push(format!(
                    "{at}: {:?} ({}) resolves to {}, expected {id}",
                    row.spelling,
                    row.table,
                    found.id()
                )),
                Err(e) => failures.push(format!(
                    "{at}: {:?} ({}) does not resolve, expected {id}: {e}",
                    row.spelling, row.table
                )),
            },
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} spelling(s) do not resolve as the golden table says:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 100, "only {checked} rows checked");
}

#[test]
fn the_golden_tables_are_well_formed() {
    let mut seen = HashSet::new();
    for row in rows() {
        let at = format!("{}:{}", row.file, row.line);
        assert!(
            TABLES.contains(&row.table.as_str()),
            "{at}: table {:?} for {:?} is not one of {TABLES:?}",
            row.table,
            row.spelling
        );
        assert!(
            !row.spelling.trim().is_empty() && !row.id.trim().is_empty(),
            "{at}: spelling and id must not be empty"
        );
        assert!(
            seen.insert((row.spelling.clone(), row.table.clone())),
            "{at}: {:?} is listed twice for {}",
            row.spelling,
            row.table
        );
    }
}

#[test]
fn the_issue_spellings_are_listed_and_resolve() {
    let catalog = Catalog::builtin().expect("the built-in catalog is valid");
    let listed: HashSet<String> = rows().into_iter().map(|r| r.spelling).collect();
    for (spelling, id) in [
        ("NVIDIA B300 (Blackwell Ultra)", "nvidia-b300"),
        ("NVIDIA GB300 (Blackwell Ultra)", "nvidia-gb300"),
        ("NVIDIA GH100", "nvidia-h100-sxm"),
        ("AMD Radeon Instinct MI250X", "amd-mi250x"),
        ("NVIDIA HGX H100", "nvidia-h100-sxm"),
        ("Nvidia H100 SXM5 94Gb", "nvidia-h100-sxm5-94gb"),
        ("NVIDIA H100 64GB", "nvidia-h100-64gb"),
        ("NVIDIA A100 SXM4 64 GB", "nvidia-a100-sxm-64gb"),
        ("NVIDIA Tesla V100 DGXS 32 GB", "nvidia-v100-sxm2-32gb"),
    ] {
        assert!(
            listed.contains(spelling),
            "{spelling:?} is not in the golden table"
        );
        assert_eq!(catalog.resolve(spelling).unwrap().id(), id, "{spelling}");
    }
}

#[test]
fn the_csv_reader_handles_quotes() {
    assert_eq!(
        fields(r#"a,"b, c","say ""hi""",d"#).unwrap(),
        ["a", "b, c", "say \"hi\"", "d"]
    );
    assert_eq!(fields("a,,").unwrap(), ["a", "", ""]);
    assert!(fields(r#"a,"b"#).is_err());
}
