//! The integration tests: one binary, one module per area.

mod common;
mod invariants;
mod parse;
mod pathological;
mod props;
mod regressions;
mod rules;
