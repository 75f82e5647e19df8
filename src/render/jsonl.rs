//! `--format jsonl`: one self-contained JSON object per line. A finding line
//! has the finding's fields plus `path`; an unreadable input is
//! `{"path":...,"error":...}`; with `--summary` the last line is
//! `{"summary":{...}}`.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{Report, ReportFinding, Summary};

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

#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: &'a Summary,
}

pub fn render(report: &Report, opts: super::Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        if let Some(error) = &file.error {
            line(
                out,
                &ErrorLine {
                    path: &file.path,
                    error,
                },
            )?;
        }
        for finding in &file.findings {
            line(
                out,
                &FindingLine {
                    path: &file.path,
                    finding,
                },
            )?;
        }
    }
    if opts.summary {
        line(
            out,
            &SummaryLine {
                summary: &report.summary,
            },
        )?;
    }
    Ok(())
}

fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
