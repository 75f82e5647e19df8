//! Output formats. Each renderer writes plain report data ([`crate::report`])
//! to a generic writer; none of them reads files or knows about the article
//! model.

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;

use std::io::{self, Write};

use crate::report::Report;

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source lines (the default).
    Human,
    /// One JSON document (schema_version 1).
    Json,
    /// One finding per line; with --summary a final summary line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Choices that change how a report is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// ANSI colours (human only).
    pub color: bool,
    /// A final summary line (jsonl only; human always has one).
    pub summary: bool,
}

/// Write `report` in `format` to `out`.
pub fn render(
    format: Format,
    report: &Report,
    opts: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, opts, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => jsonl::render(report, opts, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
    }
}

/// Does this format need the files' text (to quote source lines)?
pub fn needs_source(format: Format) -> bool {
    format == Format::Human
}
