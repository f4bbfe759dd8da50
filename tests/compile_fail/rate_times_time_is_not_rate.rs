use sovereign_compute::units::{ComputeRate, Time};

fn main() {
    let rate: ComputeRate = "1 PFLOP/s".parse().unwrap();
    let day: Time = "1 d".parse().unwrap();
    let _still_a_rate: ComputeRate = (rate * day).unwrap();
}
