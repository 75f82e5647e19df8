//! The integration tests: one binary, one module per area.

mod common;
mod eval;
mod entities;
mod parse;
mod parse_props;
mod conformance;
mod figures;
mod rules;
