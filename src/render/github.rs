//! `--format github`: GitHub Actions workflow commands, one annotation per
//! finding at its primary location; the other sides are listed in the
//! message. Escaping follows GitHub's runner: in data `%`, `\r`, `\n`; in
//! properties also `:` and `,`.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::report::{FileReport, Report};

/// Escape the message part of a workflow command; other control and bidi
/// characters are written as `\u{1b}` escapes (issue 16: an ESC from an
/// article must not reach the log viewer raw).
pub fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::visible(&s).into_owned()
}

/// Escape a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        write_file(file, out)?;
    }
    Ok(())
}

/// The annotations of one file.
pub fn write_file(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    {
        if let Some(error) = &file.error {
            writeln!(
                out,
                "::error file={},title={}::{}",
                escape_property(&file.path),
                escape_property("newslint: unreadable input"),
                escape_data(error)
            )?;
        }
        for f in &file.findings {
            let title = escape_property(&format!("{} {}", f.code, f.rule));
            let mut message = f.message.clone();
            for l in f.locations.iter().skip(1) {
                message.push_str(&format!(
                    "\n{} ({}, line {}): {}",
                    l.role, l.section, l.line, l.text
                ));
            }
            if let Some(help) = &f.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            let message = escape_data(&message);
            match f.locations.first() {
                Some(l) => writeln!(
                    out,
                    "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    command(f.severity),
                    escape_property(&l.path),
                    l.line,
                    l.column,
                    l.end_line,
                    l.end_column,
                    title,
                    message
                )?,
                None => writeln!(
                    out,
                    "::{} file={},title={}::{}",
                    command(f.severity),
                    escape_property(&file.path),
                    title,
                    message
                )?,
            }
        }
        for l in &file.limits {
            writeln!(
                out,
                "::warning file={},title={}::{}",
                escape_property(&file.path),
                escape_property(&format!("{} not fully checked", l.code)),
                escape_data(&l.message)
            )?;
        }
    }
    Ok(())
}
