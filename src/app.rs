//! The only place that reads files and writes to stdout/stderr.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;

use crate::cli::{Cli, Command, ParseArgs};
use crate::source::SourceFile;

/// Exit code for a clean run.
pub const EXIT_OK: u8 = 0;
/// Exit code when findings reach the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for input or usage errors.
pub const EXIT_ERROR: u8 = 2;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("newslint: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Parse(args) => {
            let source = read_source(&args.file)?;
            let article = crate::parse(&source);
            print_json(&article, &args)?;
        }
        Command::Claims(args) => {
            let source = read_source(&args.file)?;
            let article = crate::parse(&source);
            let claims = crate::extract(&source, &article);
            print_json(&claims, &args)?;
        }
    }
    Ok(EXIT_OK)
}

fn print_json<T: Serialize>(value: &T, args: &ParseArgs) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.compact {
        serde_json::to_writer(&mut out, value)?;
    } else {
        serde_json::to_writer_pretty(&mut out, value)?;
    }
    writeln!(out)?;
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for InputError {}

/// Read one input (`-` = stdin) as UTF-8 text. A leading byte-order mark is
/// kept in the text (spans count it) and skipped by the parser.
pub fn read_source(path: &Path) -> Result<SourceFile, InputError> {
    let display = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let err = |reason: String| InputError {
        path: display.clone(),
        reason,
    };
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| err(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        if path.is_dir() {
            return Err(err("is a directory, not an article file".into()));
        }
        std::fs::read(path).map_err(|e| err(io_reason(&e)))?
    };
    let text = decode(bytes).map_err(err)?;
    Ok(SourceFile::new(display, text))
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Bytes → text, or a reason naming the first bad byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 (first bad byte at offset {at})")
    })
}
