//! What must not compile: each file under `tests/compile_fail/` mixes quantities that the type
//! system keeps apart, and its `.stderr` pins the error the compiler gives.

#[test]
fn unit_mistakes_do_not_compile() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/compile_fail/*.rs");
}
