use sovereign_compute::units::{ComputeRate, Frequency};

fn main() {
    let clock: Frequency = "1 GHz".parse().unwrap();
    let _rate = ComputeRate::from_uom(clock.as_uom());
}
