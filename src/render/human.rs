//! `--format human`: rustc-style diagnostics. Each finding shows the source
//! lines of every side with a label under it (the primary side first), a
//! help line, and the run ends with a summary line. The only user of
//! annotate-snippets.

use std::io::{self, Write};

use annotate_snippets::{Level, Message, Renderer, Snippet};

use crate::diagnostic::Severity;
use crate::report::{FileReport, Report, ReportFinding, Summary};

pub fn render(report: &Report, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        write_file(file, opts, out)?;
    }
    finish(&report.summary, opts, out)
}

/// The diagnostics of one file.
pub fn write_file(file: &FileReport, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for finding in &file.findings {
        write_finding(&renderer, file, finding, out)?;
    }
    Ok(())
}

/// The final summary line (none with `--quiet`).
pub fn finish(summary: &Summary, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    if opts.quiet {
        return Ok(());
    }
    writeln!(out, "{}", summary_line(summary))
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// The lines around a finding's sides: (byte offset of the excerpt in the
/// file, the excerpt, its first line number).
fn excerpt<'a>(text: &'a str, finding: &ReportFinding) -> Option<(usize, &'a str, usize)> {
    let start = finding.locations.iter().map(|l| l.start).min()?;
    let end = finding.locations.iter().map(|l| l.end).max()?;
    let first_line = finding.locations.iter().map(|l| l.line).min()?;
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let from = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let to = text.get(end..)?.find('\n').map_or(text.len(), |i| end + i);
    Some((from, text.get(from..to)?, first_line))
}

fn write_finding(
    renderer: &Renderer,
    file: &FileReport,
    finding: &ReportFinding,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = format!("{} ({})", finding.message, finding.rule);
    let labels: Vec<String> = finding
        .locations
        .iter()
        .map(|l| format!("{} ({})", l.role, l.section))
        .collect();
    let mut message: Message<'_> = level(finding.severity).title(&title).id(&finding.code);
    // Without source text the places are named in footers instead.
    if let Some((offset, text, line_start)) =
        file.source.as_deref().and_then(|t| excerpt(t, finding))
    {
        let mut snippet = Snippet::source(text)
            .line_start(line_start)
            .origin(&file.path)
            .fold(true);
        for (i, (l, label)) in finding.locations.iter().zip(&labels).enumerate() {
            // Primary side `^^^` (red for errors), other sides `---`;
            // these two levels print their labels without a prefix.
            let lvl = if i == 0 && finding.severity == Severity::Error {
                Level::Error
            } else {
                Level::Warning
            };
            let range = l.start.saturating_sub(offset)..l.end.saturating_sub(offset);
            snippet = snippet.annotation(lvl.span(range).label(label));
        }
        message = message.snippet(snippet);
    }
    let places: Vec<String> = if file.source.is_none() {
        finding
            .locations
            .iter()
            .map(|l| {
                format!(
                    "{}:{}:{}: {}: `{}`",
                    l.path, l.line, l.column, l.role, l.text
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    for p in &places {
        message = message.footer(Level::Note.title(p));
    }
    if let Some(help) = &finding.help {
        message = message.footer(Level::Help.title(help));
    }
    let rendered = renderer.render(message).to_string();
    writeln!(out, "{rendered}\n")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "Found 3 findings (1 error, 2 warnings, 0 infos) in 5 files." or "No
/// findings in 5 files.", plus the number of unreadable inputs.
pub fn summary_line(s: &Summary) -> String {
    let checked = s.files - s.unreadable;
    let mut line = if s.findings == 0 {
        format!("No findings in {}.", plural(checked, "file"))
    } else {
        format!(
            "Found {} ({}, {}, {}) in {}.",
            plural(s.findings, "finding"),
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info"),
            plural(checked, "file")
        )
    };
    if s.unreadable > 0 {
        line.push_str(&format!(
            " {} could not be read.",
            if s.unreadable == 1 {
                "1 input".to_string()
            } else {
                format!("{} inputs", s.unreadable)
            }
        ));
    }
    line
}
