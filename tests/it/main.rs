//! The integration tests: one binary, one module per area.

mod cli;
mod common;
mod parse;
mod render;
mod rules;
