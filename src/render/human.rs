//! `--format human`: rustc-style diagnostics. Each finding shows the source
//! lines of every side with a label under it (the primary side first), a
//! help line, and the run ends with a summary line. The only user of
//! annotate-snippets.

use std::io::{self, Write};

use annotate_snippets::{Level, Message, Renderer, Snippet};

use super::{is_hidden_control, is_invisible, visible};
use crate::diagnostic::Severity;
use crate::report::{FileReport, Location, Report, ReportFinding, ReportFix, Summary};

pub fn render(report: &Report, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        write_file(file, opts, out)?;
    }
    finish(&report.summary, opts, out)
}

/// The diagnostics of one file.
pub fn write_file(file: &FileReport, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    let width = opts.width.unwrap_or(super::DEFAULT_WIDTH);
    for finding in &file.findings {
        let renderer = if opts.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(width.saturating_sub(gutter_slack(finding)));
        write_finding(&renderer, width, file, finding, out)?;
    }
    // A rule that did not check all of the file says so: findings may be
    // missing there.
    for l in &file.limits {
        writeln!(
            out,
            "note[{}]: {}: not fully checked: {}\n",
            l.code, file.path, l.message
        )?;
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

/// How many more digits the finding's widest line number has than its
/// narrowest: the gutter is as wide as the widest, but annotate-snippets
/// windows each snippet as if its own numbers set the gutter.
fn gutter_slack(finding: &ReportFinding) -> usize {
    let digits = |n: usize| n.max(1).ilog10() as usize + 1;
    let lines = finding
        .locations
        .iter()
        .map(|l| digits(l.end_line.max(l.line)));
    let (lo, hi) = lines.fold((usize::MAX, 0), |(lo, hi), d| (lo.min(d), hi.max(d)));
    hi.saturating_sub(lo)
}

/// The lines of one group of sides: (byte offset of the excerpt in the
/// file, the excerpt, its first line number).
fn excerpt<'a>(text: &'a str, sides: &[(usize, &Location)]) -> Option<(usize, &'a str, usize)> {
    let start = sides.iter().map(|(_, l)| l.start).min()?;
    let end = sides.iter().map(|(_, l)| l.end).max()?;
    let first_line = sides.iter().map(|(_, l)| l.line).min()?;
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    // A lone `\r` ends a line too (issue 16).
    let from = text.get(..start)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let to = text
        .get(end..)?
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    Some((from, text.get(from..to)?, first_line))
}

/// Columns of a source line that a window of `width` columns shows: the
/// gutter (`NN | `), the `...` at both ends and the few columns of
/// context annotate-snippets keeps after a span come off.
fn visible_columns(width: usize, finding: &ReportFinding) -> usize {
    let digits = finding
        .locations
        .iter()
        .map(|l| l.end_line.max(l.line).max(1).ilog10() as usize + 1)
        .max()
        .unwrap_or(1);
    width.saturating_sub(digits + 3 + 12).max(10)
}

/// The sides in line order, grouped so that sides on the same or
/// overlapping lines share one snippet when they fit in one window of
/// `visible` columns. Each snippet is windowed to the terminal on its own
/// (rustc's margin), so the carets of a side at column 140 and of one at
/// column 5 both stay under their words. Each side keeps its index
/// (0 = primary); the primary's group comes first, the others in line order.
fn groups(finding: &ReportFinding, visible: usize) -> Vec<Vec<(usize, &Location)>> {
    let mut sides: Vec<(usize, &Location)> = finding.locations.iter().enumerate().collect();
    sides.sort_by_key(|(i, l)| (l.line, l.start, *i));
    let mut out: Vec<Vec<(usize, &Location)>> = Vec::new();
    for side in sides {
        let joins = out.last().is_some_and(|g| {
            let overlaps = g.iter().map(|(_, l)| l.end_line).max().unwrap_or(0) >= side.1.line;
            let one_line = g
                .iter()
                .all(|(_, l)| l.line == side.1.line && l.end_line == l.line)
                && side.1.end_line == side.1.line;
            let from = g
                .iter()
                .map(|(_, l)| l.column)
                .min()
                .unwrap_or(side.1.column);
            let to = g.iter().map(|(_, l)| l.end_column).max().unwrap_or(0);
            let extent = to.max(side.1.end_column) - from.min(side.1.column);
            overlaps && (!one_line || extent <= visible)
        });
        match out.last_mut() {
            Some(g) if joins => g.push(side),
            _ => out.push(vec![side]),
        }
    }
    // The primary side's snippet comes first: its `-->` names the file at
    // the primary side, as before windowing.
    if let Some(p) = out.iter().position(|g| g.iter().any(|(i, _)| *i == 0)) {
        let primary = out.remove(p);
        out.insert(0, primary);
    }
    out
}

fn write_finding(
    renderer: &Renderer,
    renderer_width: usize,
    file: &FileReport,
    finding: &ReportFinding,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = visible(&format!("{} ({})", finding.message, finding.rule)).into_owned();
    let labels: Vec<String> = finding
        .locations
        .iter()
        .map(|l| visible(&format!("{} ({})", l.role, l.section)).into_owned())
        .collect();
    let origin = visible(&file.path);
    let mut message: Message<'_> = level(finding.severity).title(&title).id(&finding.code);
    // Without source text the places are named in footers instead.
    let columns = visible_columns(renderer_width, finding);
    let grouped = groups(finding, columns);
    // Each group's excerpt with its control characters pictured.
    let shown: Vec<Option<(usize, Pictured, usize)>> = grouped
        .iter()
        .map(|group| {
            let text = file.source.as_deref()?;
            let (offset, excerpt, line_start) = excerpt(text, group)?;
            Some((offset, Pictured::new(excerpt, offset == 0), line_start))
        })
        .collect();
    if file.source.is_some() {
        let visible = columns;
        for (g, (group, shown)) in grouped.iter().zip(&shown).enumerate() {
            let Some((offset, shown, line_start)) = shown else {
                continue;
            };
            let (offset, line_start) = (*offset, *line_start);
            let mut snippet = Snippet::source(&shown.text)
                .line_start(line_start)
                .fold(true);
            // The first snippet names the file (`-->`), at the primary side.
            if g == 0 {
                snippet = snippet.origin(&origin);
            }
            for &(i, l) in group {
                // Primary side `^^^` (red for errors), other sides `---`;
                // these two levels print their labels without a prefix.
                let lvl = if i == 0 && finding.severity == Severity::Error {
                    Level::Error
                } else {
                    Level::Warning
                };
                // A one-line side wider than the window is marked from its
                // start for as much as fits (its label still names it).
                let end = if l.line == l.end_line && l.end_column - l.column > visible {
                    l.text
                        .char_indices()
                        .nth(visible)
                        .map_or(l.end, |(b, _)| l.start + b)
                } else {
                    l.end
                };
                let range =
                    shown.at(l.start.saturating_sub(offset))..shown.at(end.saturating_sub(offset));
                let label = labels.get(i).map_or("", String::as_str);
                snippet = snippet.annotation(lvl.span(range).label(label));
            }
            message = message.snippet(snippet);
        }
    }
    let places: Vec<String> = if file.source.is_none() {
        finding
            .locations
            .iter()
            .map(|l| {
                visible(&format!(
                    "{}:{}:{}: {}: `{}`",
                    l.path, l.line, l.column, l.role, l.text
                ))
                .into_owned()
            })
            .collect()
    } else {
        Vec::new()
    };
    for p in &places {
        message = message.footer(Level::Note.title(p));
    }
    let help = finding.help.as_deref().map(visible);
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    let suggestion = finding.fix.as_ref().map(fix_line);
    if let Some(s) = &suggestion {
        message = message.footer(Level::Help.title(s));
    }
    let rendered = renderer.render(message).to_string();
    writeln!(out, "{rendered}\n")
}

/// An excerpt as shown: every control character other than a line break
/// or tab as its Unicode control picture (`␛` for ESC, as rustc shows
/// them), and bidi controls and invisible characters as `<U+202E>`, so that an article cannot clear
/// the screen or reorder what the reader sees (issue 16). `at` maps a byte
/// offset of the excerpt to the shown text.
struct Pictured {
    text: String,
    /// (offset in the excerpt, bytes added up to and including it).
    shifts: Vec<(usize, usize)>,
}

impl Pictured {
    fn new(excerpt: &str, file_start: bool) -> Self {
        let mut text = String::with_capacity(excerpt.len());
        let mut shifts = Vec::new();
        let mut added = 0;
        let mut chars = excerpt.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            // A BOM that opens the file is no hidden character.
            let bom = c == '\u{feff}' && i == 0 && file_start;
            let hidden = is_hidden_control(c) || (is_invisible(c) && !bom);
            if matches!(c, '\n' | '\t') || crlf || !hidden {
                text.push(c);
                continue;
            }
            if c == '\r' {
                // A lone CR is a line break (issue 16).
                text.push('\n');
                continue;
            }
            let before = text.len();
            match c as u32 {
                n @ 0..=0x1f => text.push(char::from_u32(0x2400 + n).unwrap_or('\u{fffd}')),
                0x7f => text.push('\u{2421}'),
                n => text.push_str(&format!("<U+{n:04X}>")),
            }
            added += text.len() - before - c.len_utf8();
            shifts.push((i, added));
        }
        Pictured { text, shifts }
    }

    /// The shown offset of excerpt offset `at`.
    fn at(&self, at: usize) -> usize {
        let ix = self.shifts.partition_point(|&(i, _)| i < at);
        let added = ix
            .checked_sub(1)
            .and_then(|j| self.shifts.get(j))
            .map_or(0, |&(_, a)| a);
        at + added
    }
}

/// Edits listed in a fix line at most.
const FIX_EDITS_SHOWN: usize = 5;

/// "safe fix: replace `Tuesday` with `Wednesday` (line 6: `Tuesday` →
/// `Wednesday`)": the suggested text of every edit.
fn fix_line(fix: &ReportFix) -> String {
    let mut edits: Vec<String> = fix
        .edits
        .iter()
        .take(FIX_EDITS_SHOWN)
        .map(|e| {
            format!(
                "line {}: `{}` → `{}`",
                e.line,
                e.text.replace('\n', "\\n"),
                e.replacement.replace('\n', "\\n")
            )
        })
        .collect();
    if fix.edits.len() > FIX_EDITS_SHOWN {
        edits.push(format!("{} more", fix.edits.len() - FIX_EDITS_SHOWN));
    }
    format!(
        "{} fix: {} ({})",
        fix.applicability.as_str(),
        fix.message,
        edits.join("; ")
    )
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
