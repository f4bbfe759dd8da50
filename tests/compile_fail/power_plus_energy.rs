use sovereign_compute::units::{Energy, Power};

fn main() {
    let site: Power = "40 MW".parse().unwrap();
    let year: Energy = "350 GWh".parse().unwrap();
    let _ = site + year;
}
