//! `--format jsonl`: one self-contained JSON object per line. A finding line
//! has the finding's fields plus `path`; an unreadable input is
//! `{"path":...,"error":...}`; with `--summary` the last line is
//! `{"summary":{...}}`.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{FileReport, Report, ReportFinding, Summary};

#[derive(Serialize)]
struct FindingLine<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: &'a ReportFinding,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    error: &'a str,
}

/// A rule's note that it did not check all of the file.
#[derive(Serialize)]
struct LimitLine<'a> {
    path: &'a str,
    code: &'a str,
    note: &'a str,
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: &'a Summary,
}

pub fn render(report: &Report, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        write_file(file, out)?;
    }
    finish(&report.summary, opts, out)
}

/// The lines of one file.
pub fn write_file(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    if let Some(error) = &file.error {
        let path = &file.path;
        line(out, &ErrorLine { path, error })?;
    }
    for finding in &file.findings {
        let path = &file.path;
        line(out, &FindingLine { path, finding })?;
    }
    for l in &file.limits {
        let (path, code, note) = (&file.path, &l.code, &l.message);
        line(out, &LimitLine { path, code, note })?;
    }
    Ok(())
}

/// The summary line, when asked for.
pub fn finish(summary: &Summary, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    if opts.summary {
        line(out, &SummaryLine { summary })?;
    }
    Ok(())
}

fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
