//! The integration tests: one binary, one module per area.

mod cli;
mod common;
mod conformance;
mod entities;
mod eval;
mod figures;
mod parse;
mod parse_props;
mod render;
mod rules;
