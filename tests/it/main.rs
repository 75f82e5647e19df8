//! The integration tests: one binary, one module per area.

mod cli;
mod common;
mod render;
mod rules;
