//! Code shared by the benchmarks (and by tests that include it by path).

pub mod histories;
pub mod synthetic;
