//! The integration tests: one binary, one module per area.

mod cli;
mod common;
mod eval;
mod render;
mod rules;
