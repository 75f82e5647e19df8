//! The integration tests: one binary, one module per area.

mod claims;
mod cli;
mod cli_support;
mod common;
mod conformance;
mod conventions;
mod entities;
mod eval;
mod figures;
mod fix;
mod hostile;
mod hostile2;
mod html;
mod invariants;
mod parse;
mod parse_props;
mod pathological;
mod props;
mod readme;
mod regressions;
mod render;
mod rules;
mod scaling;
mod server;
mod suppress;
mod threads;
