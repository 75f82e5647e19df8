//! The integration tests: one binary, one module per area.

mod claims;
mod cli;
mod common;
mod conformance;
mod entities;
mod eval;
mod figures;
mod hostile;
mod parse;
mod parse_props;
mod readme;
mod render;
mod rules;
