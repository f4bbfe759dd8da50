//! Save a registry to JSON, load it back, and see what a bad document reports.
//!
//! Run with `cargo run --example json_roundtrip`; pass a path to also write the file there.

use sovereign_compute::datasets;
use sovereign_compute::registry::Registry;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let europe = datasets::gtc_paris_2025()?;
    let json = europe.to_json()?;
    println!(
        "Saved {} deployments, {} programmes, {} initiatives: {} bytes of JSON",
        europe.deployments().len(),
        europe.programmes().len(),
        europe.initiatives().len(),
        json.len()
    );
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &json)?;
        println!("Written to {path}");
    }

    let back = Registry::from_json(&json)?;
    println!("Loaded back; equal to the original: {}", back == europe);

    // A quantity without its unit, deep inside the document.
    let broken = json.replacen("\"3 ZFLOP/s\"", "3000", 1);
    match Registry::from_json(&broken) {
        Err(e) => println!("A bare number is rejected:\n  {e}"),
        Ok(_) => println!("unexpectedly accepted"),
    }
    Ok(())
}
