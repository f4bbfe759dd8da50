use sovereign_compute::units::{ComputeRate, Frequency};

fn main() {
    let rate: ComputeRate = "1 PFLOP/s".parse().unwrap();
    let clock: Frequency = "1 GHz".parse().unwrap();
    let _ = rate + clock;
}
