use sovereign_compute::units::ComputeRate;
use sovereign_compute::units::system::frequency::gigahertz;

fn main() {
    let _rate = ComputeRate::new::<gigahertz>(1.0);
}
