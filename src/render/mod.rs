//! Output formats. Each renderer writes plain report data ([`crate::report`])
//! to a generic writer; none of them reads files or knows about the article
//! model.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod statistics;

use std::borrow::Cow;
use std::io::{self, Write};

use crate::report::{FileReport, Report, RuleInfo, Summary};

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
    /// One self-contained HTML review page: the articles with their
    /// findings highlighted.
    Html,
}

/// Choices that change how a report is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// ANSI colours (human only).
    pub color: bool,
    /// A final summary line (jsonl only; human always has one).
    pub summary: bool,
    /// Leave out the human summary line.
    pub quiet: bool,
    /// Columns a human report may use: each source line is windowed around
    /// its marked span to fit, as rustc does. `None` means [`DEFAULT_WIDTH`].
    pub width: Option<usize>,
}

/// The width of human output when it does not go to a terminal and
/// `COLUMNS` is unset.
pub const DEFAULT_WIDTH: usize = 100;

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
        Format::Html => html::render(report, out),
    }
}

pub use crate::source::{is_hidden_control, is_invisible};

/// `s` with every [`is_hidden_control`] character written as an escape
/// (`\n`, `\u{1b}`, `\u{202e}`), for paths, ids and messages printed to a
/// terminal or stderr.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden_control(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Does this format need the files' text (to quote source lines)?
pub fn needs_source(format: Format) -> bool {
    matches!(format, Format::Human | Format::Html)
}

/// Renders a run file by file, in input order, so that big runs need not
/// hold every file's text: human, jsonl and github are written as each file
/// arrives; json and sarif keep the (text-free) file reports until
/// [`Stream::finish`]. The output is byte-identical to [`render`].
pub struct Stream<'w> {
    format: Format,
    opts: Options,
    out: &'w mut dyn Write,
    kept: Vec<FileReport>,
    summary: Summary,
}

impl<'w> Stream<'w> {
    pub fn new(format: Format, opts: Options, out: &'w mut dyn Write) -> Self {
        Stream {
            format,
            opts,
            out,
            kept: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// Add the next file's result.
    pub fn push(&mut self, mut file: FileReport) -> io::Result<()> {
        self.summary.add(&file);
        match self.format {
            Format::Human => human::write_file(&file, self.opts, self.out),
            Format::Jsonl => jsonl::write_file(&file, self.out),
            Format::Github => github::write_file(&file, self.out),
            Format::Json | Format::Sarif => {
                file.source = None;
                self.kept.push(file);
                Ok(())
            }
            // The page starts with a table of contents: keep every file
            // (with its text) to the end.
            Format::Html => {
                self.kept.push(file);
                Ok(())
            }
        }
    }

    /// Flush what was written so far.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Count a file without writing it (`check --diff` prints diffs instead).
    pub fn count(&mut self, file: &FileReport) {
        self.summary.add(file);
    }

    /// Write bytes that are not part of the report (`check --diff`).
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// The counts so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Write what comes after the last file; returns the run's summary.
    pub fn finish(self, rules: Vec<RuleInfo>) -> io::Result<Summary> {
        match self.format {
            Format::Human => human::finish(&self.summary, self.opts, self.out)?,
            Format::Jsonl => jsonl::finish(&self.summary, self.opts, self.out)?,
            Format::Github => {}
            Format::Json | Format::Sarif | Format::Html => {
                let report = Report::new(self.kept, rules);
                render(self.format, &report, self.opts, self.out)?;
            }
        }
        Ok(self.summary)
    }
}
