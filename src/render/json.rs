//! `--format json`: one pretty-printed document,
//! `{"schema_version":1,"files":[...],"summary":{...}}`.

use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
