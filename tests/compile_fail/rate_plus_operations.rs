use sovereign_compute::units::{ComputeRate, Operations};

fn main() {
    let rate: ComputeRate = "1 PFLOP/s".parse().unwrap();
    let work: Operations = "1 PFLOP".parse().unwrap();
    let _ = rate + work;
}
