//! The integration tests: one binary, one module per area.

mod common;
mod figures;
mod rules;
