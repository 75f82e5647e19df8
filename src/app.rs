//! The only place that reads files and writes to stdout/stderr.

use std::collections::HashMap;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{CommandFactory, Parser};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, ConfigArgs, InputKind, ParseArgs, RuleArgs, RulesArgs,
    RulesFormat, SelectionArgs, Shell,
};
use crate::render::{self, Format};
use crate::report::{FileReport, ReportFinding, RuleInfo};
use crate::settings::{self, CliOverrides, Settings};
use crate::source::SourceFile;

/// Exit code for a clean run.
pub const EXIT_OK: u8 = 0;
/// Exit code when findings reach the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for input or usage errors.
pub const EXIT_ERROR: u8 = 2;

/// Inputs larger than this are refused unless `--max-bytes` says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    ExitCode::from(main_from(std::env::args_os()))
}

/// The binary's work for these arguments (the first is the program's name);
/// returns the exit code.
pub fn main_from<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return EXIT_OK;
            }
            eprintln!("newslint: {e:#}");
            EXIT_ERROR
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Parse(args) => parse_files(&args, false),
        Command::Claims(args) => parse_files(&args, true),
        Command::Rule(args) => rule(&args),
        Command::Rules(args) => rules(&args),
        Command::Config(args) => config(&args),
        Command::Server => crate::server::run(),
        Command::Completions(args) => {
            let shell = match args.shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
                Shell::Elvish => clap_complete::Shell::Elvish,
                Shell::Powershell => clap_complete::Shell::PowerShell,
            };
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newslint", &mut buf);
            write_stdout(&buf)?;
            Ok(EXIT_OK)
        }
        Command::Man(args) => man(args.subcommand.as_deref()),
    }
}

/// Write bytes to stdout; a closed pipe (`| head -1`) is not an error.
fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// `parse` / `claims`: one JSON document per file, pretty for one file
/// (unless `--compact`), JSON Lines for several. An unreadable file is named
/// on stderr and the others are still printed (exit 2).
fn parse_files(args: &ParseArgs, claims: bool) -> anyhow::Result<u8> {
    let lines = args.files.len() > 1;
    if lines && args.files.iter().filter(|f| *f == Path::new("-")).count() > 1 {
        eprintln!("newslint: `-` (standard input) can be given only once");
        return Ok(EXIT_ERROR);
    }
    let mut code = EXIT_OK;
    for file in &args.files {
        let source = match read_source(file, None, ReadOptions::default()) {
            Ok((source, _)) => source,
            Err(e) if lines => {
                eprintln!("newslint: {e}");
                code = EXIT_ERROR;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let article = crate::parse(&source);
        let compact = args.compact || lines;
        if claims {
            let claims = crate::extract(&source, &article);
            let doc = crate::claims::ClaimsDocument {
                schema_version: crate::article::SCHEMA_VERSION,
                path: &source.path,
                claims: &claims,
            };
            print_json(&doc, compact)?;
        } else {
            print_json(&article, compact)?;
        }
    }
    Ok(code)
}

/// `newslint man [SUBCOMMAND]`: newslint(1), which lists the subcommands as
/// newslint-SUBCOMMAND(1), or one of those pages with every option.
fn man(subcommand: Option<&str>) -> anyhow::Result<u8> {
    let cmd = Cli::command();
    let page = match subcommand {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name).cloned() else {
                let names: Vec<String> = cmd
                    .get_subcommands()
                    .map(|c| c.get_name().to_string())
                    .collect();
                eprintln!(
                    "newslint: no subcommand `{name}` (one of: {})",
                    names.join(", ")
                );
                return Ok(EXIT_ERROR);
            };
            // clap names are `&'static str` (no `string` feature); this
            // process prints one page and exits.
            let version = env!("CARGO_PKG_VERSION");
            let page_name: &'static str = format!("newslint-{name}").leak();
            let bin_name: &'static str = format!("newslint {name}").leak();
            sub.name(page_name).bin_name(bin_name).version(version)
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    write_stdout(&buf)?;
    Ok(EXIT_OK)
}

/// Streamed to stdout, not built in memory first (issue 16: the JSON of
/// an article is many times its size); a closed pipe is not an error.
fn print_json<T: Serialize>(value: &T, compact: bool) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if compact {
        serde_json::to_writer(&mut out, value)
    } else {
        serde_json::to_writer_pretty(&mut out, value)
    }
    .map_err(io::Error::from)
    .and_then(|()| out.write_all(b"\n"))
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

// ---------------------------------------------------------------- rules

fn rule(args: &RuleArgs) -> anyhow::Result<u8> {
    let Some(rule) = crate::rules::find_rule(&args.rule) else {
        eprintln!(
            "newslint: unknown rule `{}` (`newslint rules` lists them)",
            args.rule
        );
        return Ok(EXIT_ERROR);
    };
    let m = rule.meta();
    let default = m.category.default_severity().map_or("off", |s| s.as_str());
    let text = format!(
        "# {} ({})\n\nCategory: {}. Default severity: {}.\n\n{}\n",
        m.name,
        m.code,
        m.category.as_str(),
        default,
        crate::report::dedent_docs(m.docs)
    );
    write_stdout(text.as_bytes())?;
    Ok(EXIT_OK)
}

fn rules(args: &RulesArgs) -> anyhow::Result<u8> {
    let rules = RuleInfo::all();
    let format = if args.markdown {
        RulesFormat::Markdown
    } else {
        args.format
    };
    let text = match format {
        RulesFormat::Json => serde_json::to_string_pretty(&rules)? + "\n",
        RulesFormat::Markdown => rules_markdown(&rules),
        RulesFormat::Text => {
            let mut out = String::new();
            for r in &rules {
                let sev = r.default_severity.map_or("off", |s| s.as_str());
                out.push_str(&format!(
                    "{:<7} {:<24} {:<12} {:<8} {}\n",
                    r.code, r.name, r.category, sev, r.summary
                ));
            }
            out
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(EXIT_OK)
}

/// The README's rule table.
pub fn rules_markdown(rules: &[RuleInfo]) -> String {
    let mut out =
        String::from("| code | name | category | default | summary |\n|---|---|---|---|---|\n");
    for r in rules {
        let sev = r.default_severity.map_or("off", |s| s.as_str());
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.code,
            r.name,
            r.category,
            sev,
            r.summary.replace('|', "\\|")
        ));
    }
    out
}

// ---------------------------------------------------------------- config

fn cli_overrides(sel: &SelectionArgs) -> CliOverrides {
    CliOverrides {
        select: sel.select.clone(),
        extend_select: sel.extend_select.clone(),
        ignore: sel.ignore.clone(),
        fail_on: sel.fail_on,
    }
}

/// Where the configuration comes from: `--config`, else `NEWSLINT_CONFIG`,
/// else none with `--isolated`, else the closest `newslint.toml` to each
/// checked file.
fn config_mode(sel: &SelectionArgs) -> settings::ConfigMode {
    if let Some(p) = &sel.config {
        settings::ConfigMode::Forced(p.clone(), "--config")
    } else if sel.isolated {
        settings::ConfigMode::Isolated
    } else if let Some(p) = std::env::var_os("NEWSLINT_CONFIG").filter(|v| !v.is_empty()) {
        settings::ConfigMode::Forced(PathBuf::from(p), "NEWSLINT_CONFIG")
    } else {
        settings::ConfigMode::Discover
    }
}

fn resolver(sel: &SelectionArgs) -> settings::ConfigResolver {
    settings::ConfigResolver::new(config_mode(sel), cli_overrides(sel))
}

fn config(args: &ConfigArgs) -> anyhow::Result<u8> {
    let path = args.file.as_deref().filter(|p| *p != Path::new("-"));
    let applied = match resolver(&args.selection).for_path(path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("newslint: {e}");
            return Ok(EXIT_ERROR);
        }
    };
    let shown = args.file.as_deref().map(display);
    let why = args.file.as_ref().map(|_| applied.why.as_str());
    write_stdout(
        applied
            .settings
            .describe_for(&cli_overrides(&args.selection), shown.as_deref(), why)
            .as_bytes(),
    )?;
    Ok(EXIT_OK)
}

// ---------------------------------------------------------------- inputs

/// One unit of work, in output order.
#[derive(Debug)]
enum Input {
    /// A file on disk; its display path.
    File(PathBuf),
    /// Standard input, under this name.
    Stdin(String),
    /// An NDJSON record (id + text).
    Text { id: String, text: String },
    /// Something that could not even be listed or parsed.
    Failed { path: String, reason: String },
}

/// A path as text: its UTF-8 as is, every other byte as `\xNN` (issue 16:
/// `c\xff.txt` and `c\xfe.txt` are two files, with two fingerprints, not
/// both `c�.txt`). Control characters are escaped where a path is printed
/// to a terminal ([`crate::render::visible`]), not here.
pub fn display(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// Expand the command-line paths into inputs, lazily for NDJSON streams:
/// directories are walked (in sorted order), files kept as given.
fn collect_inputs(args: &CheckArgs) -> anyhow::Result<Box<dyn Iterator<Item = Input>>> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(if args.input == InputKind::Ndjson {
            "-"
        } else {
            "."
        })]
    } else {
        args.paths.clone()
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    if args.input == InputKind::Ndjson {
        let limit = args.max_bytes;
        return Ok(Box::new(
            paths
                .into_iter()
                .flat_map(move |p| NdjsonReader::open(&p, &stdin_name, limit)),
        ));
    }
    let globs = build_globs(&args.glob)?;
    let mut out = Vec::new();
    for p in &paths {
        if p == Path::new("-") {
            out.push(Input::Stdin(stdin_name.clone()));
        } else if p.is_dir() {
            walk(p, &globs, &mut out);
        } else {
            out.push(Input::File(p.clone()));
        }
    }
    Ok(Box::new(out.into_iter()))
}

fn build_globs(patterns: &[String]) -> anyhow::Result<globset::GlobSet> {
    let defaults = ["*.txt".to_string(), "*.md".to_string()];
    let patterns = if patterns.is_empty() {
        &defaults[..]
    } else {
        patterns
    };
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        b.add(globset::Glob::new(p).with_context(|| format!("--glob: bad pattern `{p}`"))?);
    }
    Ok(b.build()?)
}

/// Walk a directory in sorted order, honouring .gitignore, .ignore and hidden
/// files; keep files whose name (or path) matches the globs.
fn walk(dir: &Path, globs: &globset::GlobSet, out: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if !e.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = e.path();
                let name_matches = path.file_name().is_some_and(|n| globs.is_match(n));
                let rel = path.strip_prefix(dir).unwrap_or(path);
                if name_matches || globs.is_match(rel) {
                    // `check .` shows `a.txt`, not `./a.txt`.
                    let shown = if dir == Path::new(".") { rel } else { path };
                    out.push(Input::File(shown.to_path_buf()));
                }
            }
            Err(e) => {
                let path = walk_error_path(&e).unwrap_or_else(|| display(dir));
                out.push(Input::Failed {
                    path,
                    reason: walk_error_reason(&e),
                });
            }
        }
    }
}

fn walk_error_path(e: &ignore::Error) -> Option<String> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(display(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(display(child)),
        _ => None,
    }
}

fn walk_error_reason(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_reason(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symlink loop (points back to {})", ancestor.display())
        }
        ignore::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    }
}

/// One NDJSON line: `id` (a string or a number) and `text`; other fields
/// (a corpus's url, date, ...) are ignored.
#[derive(Deserialize)]
struct NdjsonRecord {
    id: NdjsonId,
    text: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum NdjsonId {
    Text(String),
    /// Shown as written in JSON (`42`, `-7`, `1.5`).
    Number(serde_json::Number),
}

impl NdjsonId {
    fn into_string(self) -> String {
        match self {
            NdjsonId::Text(s) => s,
            NdjsonId::Number(n) => n.to_string(),
        }
    }
}

/// Reads an NDJSON stream line by line: every record becomes an input and
/// every bad line an error naming the stream and its line number. Lines
/// longer than the byte limit are skipped with an error, never buffered.
struct NdjsonReader {
    name: String,
    reader: Option<Box<dyn io::BufRead>>,
    line_no: usize,
    limit: u64,
    failed: Option<Input>,
}

impl NdjsonReader {
    fn open(path: &Path, stdin_name: &str, limit: u64) -> Self {
        let (name, reader): (String, Result<Box<dyn io::BufRead>, String>) =
            if path == Path::new("-") {
                (
                    stdin_name.to_string(),
                    Ok(Box::new(io::BufReader::new(io::stdin()))),
                )
            } else {
                let opened = std::fs::metadata(path)
                    .map_err(|e| io_reason(&e))
                    .and_then(|m| {
                        if m.is_dir() {
                            Err("is a directory, not an NDJSON file".to_string())
                        } else {
                            std::fs::File::open(path).map_err(|e| io_reason(&e))
                        }
                    })
                    .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn io::BufRead>);
                (display(path), opened)
            };
        match reader {
            Ok(r) => NdjsonReader {
                name,
                reader: Some(r),
                line_no: 0,
                limit,
                failed: None,
            },
            Err(reason) => NdjsonReader {
                failed: Some(Input::Failed {
                    path: name.clone(),
                    reason,
                }),
                name,
                reader: None,
                line_no: 0,
                limit,
            },
        }
    }

    fn fail(&self, reason: String) -> Input {
        Input::Failed {
            path: self.name.clone(),
            reason: format!("line {}: {reason}", self.line_no),
        }
    }
}

impl Iterator for NdjsonReader {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if let Some(f) = self.failed.take() {
            return Some(f);
        }
        loop {
            let reader = self.reader.as_mut()?;
            let mut line = Vec::new();
            // JSON escapes can make a record's line longer than its text.
            let cap = self.limit.saturating_mul(2).saturating_add(1024);
            let read = reader.by_ref().take(cap).read_until(b'\n', &mut line);
            self.line_no += 1;
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Err(e) => {
                    self.reader = None;
                    return Some(self.fail(format!("cannot read: {e}")));
                }
                Ok(_) => {}
            }
            if !line.ends_with(b"\n") && line.len() as u64 >= cap {
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                while let Some(r) = self.reader.as_mut() {
                    sink.clear();
                    match r.by_ref().take(1 << 20).read_until(b'\n', &mut sink) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if sink.ends_with(b"\n") => break,
                        Ok(_) => {}
                    }
                }
                return Some(self.fail(too_big(self.limit)));
            }
            let trimmed = line.strip_suffix(b"\n").unwrap_or(&line);
            let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
            if trimmed.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match serde_json::from_slice::<NdjsonRecord>(trimmed) {
                Ok(r) => Input::Text {
                    id: r.id.into_string(),
                    text: r.text,
                },
                Err(e) => self.fail(format!("not a {{\"id\", \"text\"}} record: {e}")),
            });
        }
    }
}

// ---------------------------------------------------------------- reading

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Inputs larger than this are refused.
    pub max_bytes: u64,
    /// Decode invalid UTF-8 with replacement characters instead of refusing.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
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

/// Read one input (`-` = stdin, shown as `stdin_name` or `<stdin>`) as
/// UTF-8 text. A leading byte-order mark is kept in the text (spans count
/// it) and skipped by the parser.
pub fn read_source(
    path: &Path,
    stdin_name: Option<&str>,
    opts: ReadOptions,
) -> Result<(SourceFile, Option<String>), InputError> {
    let max_bytes = opts.max_bytes;
    let is_stdin = path == Path::new("-");
    let display = if is_stdin {
        stdin_name.unwrap_or("<stdin>").to_string()
    } else {
        display(path)
    };
    let err = |reason: String| InputError {
        path: display.clone(),
        reason,
    };
    let bytes = if is_stdin {
        let mut buf = Vec::new();
        io::stdin()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| err(format!("cannot read standard input: {e}")))?;
        if buf.len() as u64 > max_bytes {
            return Err(err(too_big(max_bytes)));
        }
        buf
    } else {
        read_bytes(path, max_bytes).map_err(err)?
    };
    let (text, notice) = decode_with(bytes, opts.lossy).map_err(err)?;
    Ok((SourceFile::new(display, text), notice))
}

fn too_big(max: u64) -> String {
    format!("larger than the limit of {max} bytes (raise it with --max-bytes)")
}

fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok() && e.kind() == io::ErrorKind::NotFound {
            "dangling symlink (its target does not exist)".to_string()
        } else {
            io_reason(&e)
        }
    })?;
    if meta.is_dir() {
        return Err("is a directory, not an article file".into());
    }
    if meta.is_file() && meta.len() > max_bytes {
        // Refused from its size alone: a 200 MB file is never read.
        return Err(format!("{} bytes, {}", meta.len(), too_big(max_bytes)));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            return read_fifo(path, max_bytes);
        }
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    read_bounded(file, max_bytes)
}

/// Read at most `max_bytes` (one more tells that the input is too large).
fn read_bounded(file: std::fs::File, max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if buf.len() as u64 > max_bytes {
        return Err(too_big(max_bytes));
    }
    Ok(buf)
}

/// Linux's numbering of the few flags and error codes read here.
const LINUX_LIKE: bool = cfg!(any(target_os = "linux", target_os = "android"));
/// The BSD numbering (macOS included).
const BSD_LIKE: bool = cfg!(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
));

/// `O_NONBLOCK` for `open(2)`, where its value is known (std has no
/// constant for it and newslint takes no libc dependency).
#[cfg(unix)]
fn o_nonblock() -> Option<i32> {
    if LINUX_LIKE {
        if cfg!(any(target_arch = "mips", target_arch = "mips64")) {
            Some(0x80)
        } else if cfg!(any(target_arch = "sparc", target_arch = "sparc64")) {
            Some(0x4000)
        } else {
            Some(0o4000)
        }
    } else if BSD_LIKE {
        Some(0x0004)
    } else {
        None
    }
}

/// A FIFO named on the command line (or a pipe from `<(...)`): read it when
/// a writer has it open, never wait for one to appear. Opening without
/// blocking succeeds at once; a read then returns the data, "would block"
/// while a writer is still writing, and end-of-file when no writer is left.
#[cfg(unix)]
fn read_fifo(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    use std::os::unix::fs::OpenOptionsExt;
    const NOTHING: &str = "a named pipe (FIFO) with nothing to read: no writer had it open \
                           (pipe the article to `-` instead)";
    let Some(flag) = o_nonblock() else {
        return Err(
            "a named pipe (FIFO), not a regular file (pipe the article to `-` instead)".into(),
        );
    };
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flag)
        .open(path)
        .map_err(|e| io_reason(&e))?;
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
                if buf.len() as u64 > max_bytes {
                    return Err(too_big(max_bytes));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_reason(&e)),
        }
    }
    if buf.is_empty() {
        return Err(NOTHING.into());
    }
    Ok(buf)
}

/// `ELOOP` (too many levels of symbolic links), where its value is known.
fn eloop() -> Option<i32> {
    if LINUX_LIKE {
        Some(40)
    } else if BSD_LIKE {
        Some(62)
    } else {
        None
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if eloop().is_some() && e.raw_os_error() == eloop() => {
            "symlink loop (too many levels of symbolic links)".into()
        }
        _ => format!("cannot read: {e}"),
    }
}

/// Bytes → text, or a reason: binary (NUL byte), invalid UTF-8 (with the
/// first bad byte's offset), invalid UTF-16, UTF-32, empty or whitespace
/// only. UTF-16 with a byte-order mark (either endianness) is decoded.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    decode_with(bytes, false).map(|(text, _)| text)
}

/// [`decode`], optionally replacing invalid UTF-8 (or unpaired UTF-16
/// surrogates); the second value is a notice for stderr when the text is not
/// the file's bytes as they are (decoded from UTF-16, or lossily).
pub fn decode_with(bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<String>), String> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err("looks like UTF-32 (byte-order mark); convert it to UTF-8".into());
    }
    let (text, notice) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, Endian::Little, lossy)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, Endian::Big, lossy)?
    } else {
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            return Err(format!(
                "looks like a binary file (NUL byte at offset {at})"
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let reason = format!("not valid UTF-8 (first bad byte at offset {at})");
                if !lossy {
                    return Err(reason);
                }
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                (
                    text,
                    Some(format!("{reason}; decoded with replacement characters (--lossy), so offsets after it may differ from the file")),
                )
            }
        }
    };
    if text.is_empty() {
        return Err("empty file".into());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("contains only whitespace".into());
    }
    Ok((text, notice))
}

#[derive(Debug, Clone, Copy)]
enum Endian {
    Little,
    Big,
}

/// UTF-16 after its byte-order mark → text. Offsets in reasons count the
/// whole file (the mark included).
fn decode_utf16(
    bytes: &[u8],
    endian: Endian,
    lossy: bool,
) -> Result<(String, Option<String>), String> {
    let name = match endian {
        Endian::Little => "UTF-16LE",
        Endian::Big => "UTF-16BE",
    };
    let units = bytes.chunks_exact(2).map(|pair| match (endian, pair) {
        (Endian::Little, [a, b]) => u16::from_le_bytes([*a, *b]),
        (Endian::Big, [a, b]) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2 + bytes.len() / 4);
    let mut first_bad: Option<String> = None;
    // Byte offset in the file of the next unit: 2 for the mark, 2 per unit,
    // 4 per surrogate pair.
    let mut offset = 2usize;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                if c == '\0' {
                    return Err(format!(
                        "looks like a binary file (NUL character at offset {offset}, {name})"
                    ));
                }
                offset += c.len_utf16() * 2;
                text.push(c);
            }
            Err(_) => {
                let reason = format!("not valid {name} (unpaired surrogate at offset {offset})");
                if !lossy {
                    return Err(reason);
                }
                first_bad.get_or_insert(reason);
                offset += 2;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let reason = format!(
            "not valid {name} (odd number of bytes: a stray byte at offset {})",
            bytes.len() + 1
        );
        if !lossy {
            return Err(reason);
        }
        first_bad.get_or_insert(reason);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let notice = match first_bad {
        None => format!(
            "decoded from {name} (byte-order mark); lines and columns match the file, byte offsets count the UTF-8 text"
        ),
        Some(reason) => format!(
            "decoded from {name} (byte-order mark); {reason}: decoded with replacement characters (--lossy); byte offsets count the UTF-8 text"
        ),
    };
    Ok((text, Some(notice)))
}

// ---------------------------------------------------------------- check

/// What `--fix` / `--diff` ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    /// Write the fixed text back.
    Write,
    /// Keep the file; print the diff.
    Diff,
}

/// Per-file choices of a `check` run beyond the settings.
#[derive(Debug, Clone, Copy, Default)]
struct RunOptions {
    lint: crate::lint::LintOptions,
    fix: Option<FixMode>,
    unsafe_fixes: bool,
}

/// Check one source with the settings for its path.
fn check_source(
    source: &SourceFile,
    settings: &Settings,
    keep_source: bool,
    run: RunOptions,
) -> FileReport {
    let mut report = crate::check_file_with(source, settings, run.lint);
    if !keep_source {
        report.source = None;
    }
    report
}

/// Check one input with the settings of its closest config; returns the
/// report and the fail level of that config.
fn process(
    input: &Input,
    configs: &settings::ConfigResolver,
    keep_source: bool,
    opts: ReadOptions,
    run: RunOptions,
) -> (FileReport, settings::FailOn) {
    let (path, shown) = match input {
        Input::Failed { path, reason } => {
            return (FileReport::unreadable(path, reason), Default::default())
        }
        Input::File(p) => (Some(p.as_path()), display(p)),
        Input::Stdin(name) => (None, name.clone()),
        Input::Text { id, .. } => (None, id.clone()),
    };
    match configs.for_path(path) {
        Ok(applied) => {
            let report = process_with(input, &applied.settings, keep_source, opts, run);
            (report, applied.settings.fail_on)
        }
        Err(e) => (
            FileReport::unreadable(shown, e.to_string()),
            Default::default(),
        ),
    }
}

/// Fix a file read from disk: write it back (`--fix`) or keep its diff
/// (`--diff`); the report is then the fixed text's.
fn fix_input(
    path: &Path,
    source: SourceFile,
    report: FileReport,
    settings: &Settings,
    keep_source: bool,
    run: RunOptions,
) -> FileReport {
    let Some(mode) = run.fix else {
        return report;
    };
    let original = source.text.clone();
    let fixed = crate::fix::fix_file(source, report, run.unsafe_fixes, |s| {
        check_source(s, settings, keep_source, run)
    });
    let mut report = fixed.report;
    report.fixed = fixed.applied;
    if fixed.applied == 0 {
        return report;
    }
    match mode {
        FixMode::Diff => {
            report.diff = Some(crate::fix::unified_diff(
                &fixed.source.path,
                &original,
                &fixed.source.text,
            ));
        }
        FixMode::Write => {
            if let Err(e) = write_keeping_mode(path, fixed.source.text.as_bytes()) {
                return FileReport::unreadable(&fixed.source.path, format!("{e:#}"));
            }
        }
    }
    report
}

/// Replace a file's contents atomically, keeping its permissions; a
/// symlink is followed, so the link stays a link.
fn write_keeping_mode(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = std::fs::canonicalize(path)
        .with_context(|| format!("{}: cannot resolve", path.display()))?;
    let perms = std::fs::metadata(&target)
        .with_context(|| format!("{}: cannot read its mode", path.display()))?
        .permissions();
    let mut f = AtomicFile::create(&target)?;
    f.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    f.tmp
        .as_file()
        .set_permissions(perms)
        .with_context(|| format!("{}: cannot keep its mode", path.display()))?;
    f.commit()
}

fn process_with(
    input: &Input,
    settings: &Settings,
    keep_source: bool,
    opts: ReadOptions,
    run: RunOptions,
) -> FileReport {
    let read = match input {
        Input::Failed { path, reason } => return FileReport::unreadable(path, reason),
        Input::File(p) => read_source(p, None, opts),
        Input::Stdin(name) => read_source(Path::new("-"), Some(name), opts),
        Input::Text { id, text } => {
            if text.len() as u64 > opts.max_bytes {
                Err(InputError {
                    path: id.clone(),
                    reason: too_big(opts.max_bytes),
                })
            } else {
                crate::source_from_text(id.clone(), text.clone()).map(|s| (s, None))
            }
        }
    };
    let (source, notice) = match read {
        Ok(s) => s,
        Err(e) => return FileReport::unreadable(e.path, e.reason),
    };
    let report = check_source(&source, settings, keep_source, run);
    let mut report = match input {
        // A file not read as UTF-8 (UTF-16, --lossy) is never written back.
        Input::File(path) if run.fix.is_some() && notice.is_none() => {
            fix_input(path, source.clone(), report, settings, keep_source, run)
        }
        _ => report,
    };
    report.notice = match (notice, run.fix) {
        (Some(n), Some(_)) if matches!(input, Input::File(_)) => Some(format!(
            "{n}; not fixed: fixes are written only to files read as UTF-8"
        )),
        (n, _) => n,
    };
    report
}

/// Progress on stderr, redrawn at most every 100 ms; a bar when the number
/// of inputs is known, a count otherwise (NDJSON streams).
struct Progress {
    total: Option<usize>,
    done: AtomicUsize,
    last: std::sync::Mutex<Instant>,
}

impl Progress {
    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() < Duration::from_millis(100) {
            return;
        }
        *last = Instant::now();
        match self.total {
            Some(total) => {
                let width = 30;
                let filled = (width * done / total.max(1)).min(width);
                eprint!(
                    "\r[{}{}] {done}/{total} checked",
                    "#".repeat(filled),
                    "-".repeat(width - filled),
                );
            }
            None => eprint!("\r{done} checked"),
        }
    }

    fn clear(&self) {
        eprint!("\r{}\r", " ".repeat(60));
    }
}

/// A baseline file: the fingerprints of accepted findings.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub path: String,
    pub code: String,
    pub fingerprint: String,
    /// The located texts, for humans reading the baseline.
    #[serde(default)]
    pub texts: Vec<String>,
}

impl Baseline {
    /// How many findings each fingerprint may still absorb.
    fn budget(&self) -> HashMap<String, usize> {
        let mut budget = HashMap::new();
        for e in &self.findings {
            *budget.entry(e.fingerprint.clone()).or_default() += 1;
        }
        budget
    }

    fn entries<'a>(
        file: &'a FileReport,
        keys: &'a BaselineKeys,
    ) -> impl Iterator<Item = BaselineEntry> + 'a {
        file.findings.iter().map(move |f| BaselineEntry {
            path: file.path.clone(),
            code: f.code.clone(),
            fingerprint: keys.key(&file.path, f),
            texts: f.locations.iter().map(|l| l.text.clone()).collect(),
        })
    }
}

/// How a baseline keys findings: the fingerprint with the file's path taken
/// relative to the baseline file's directory (normalised lexically), so one
/// file spelled two ways (`a.txt`, `./x/../a.txt`, `../a.txt` from a
/// subdirectory, absolute) has one key. A baseline written next to the
/// checked paths keeps the keys it always had.
struct BaselineKeys {
    cwd: PathBuf,
    dir: PathBuf,
}

impl BaselineKeys {
    fn new(baseline: &Path) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let file = settings::absolute(&cwd, baseline);
        let dir = file.parent().map_or_else(|| cwd.clone(), Path::to_path_buf);
        BaselineKeys { cwd, dir }
    }

    fn key(&self, path: &str, f: &ReportFinding) -> String {
        let abs = settings::absolute(&self.cwd, Path::new(path));
        let rel = abs.strip_prefix(&self.dir).unwrap_or(&abs);
        crate::report::fingerprint(&f.code, &rel.to_string_lossy(), &f.locations)
    }
}

/// Drop the findings a baseline records (each entry absorbs one).
fn apply_baseline(budget: &mut HashMap<String, usize>, keys: &BaselineKeys, file: &mut FileReport) {
    let path = file.path.clone();
    file.findings.retain(
        |f: &ReportFinding| match budget.get_mut(&keys.key(&path, f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        },
    );
}

/// Whether two paths name the same existing file (a missing one names none).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
    }
}

/// Temporary files being written, removed by the interrupt handler.
static PENDING_TEMP: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// On SIGINT, SIGTERM or SIGHUP (ctrlc's `termination` feature): remove any
/// half-written temporary file and exit 130.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING_TEMP.lock() {
            for p in pending.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        eprintln!("\nnewslint: interrupted");
        std::process::exit(130);
    });
}

fn track_temp(path: &Path, pending: bool) {
    if let Ok(mut list) = PENDING_TEMP.lock() {
        if pending {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

/// A file written atomically: a temp file in the same directory, renamed
/// over the target by [`AtomicFile::commit`]. Dropped uncommitted (an error)
/// or interrupted, it leaves nothing behind.
pub struct AtomicFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    pub fn create(path: &Path) -> anyhow::Result<Self> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".newslint-").suffix(".tmp");
        let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
        // A new report follows the umask like any file the user creates
        // (tempfile's own default is 0600); an existing one keeps its mode.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot create a temporary file", path.display()))?;
        track_temp(tmp.path(), true);
        if let Some(meta) = existing {
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
        }
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
        })
    }

    pub fn commit(mut self) -> anyhow::Result<()> {
        let tmp_path = self.tmp.path().to_path_buf();
        let path = self.path.clone();
        let result = self
            .tmp
            .flush()
            .and_then(|()| self.tmp.as_file().sync_all())
            .with_context(|| format!("{}: cannot write", path.display()))
            .and_then(|()| {
                self.tmp
                    .persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{}: cannot write", path.display()))
            });
        track_temp(&tmp_path, false);
        result.map(|_| ())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    f.commit()
}

fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            // FORCE_COLOR (Node, many CLIs) and CLICOLOR_FORCE (the
            // CLICOLOR convention) force colour, except when set to `0`;
            // NO_COLOR wins over both.
            let forced = |name: &str| set(name) && std::env::var_os(name).is_some_and(|v| v != "0");
            if set("NO_COLOR") {
                false
            } else if forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") {
                true
            } else {
                !to_file && io::stdout().is_terminal()
            }
        }
    }
}

/// The columns human output may use: `COLUMNS` when it is a positive
/// number, else the terminal's width when standard output is one, else
/// [`render::DEFAULT_WIDTH`] (a pipe or `--output` file), as rustc does.
fn output_width(to_file: bool) -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    columns
        .or_else(|| {
            (!to_file)
                .then(|| terminal_size::terminal_size_of(io::stdout()))
                .flatten()
                .map(|(w, _)| usize::from(w.0))
        })
        .unwrap_or(render::DEFAULT_WIDTH)
}

/// Where the report goes: stdout, or a file renamed into place at the end.
enum Sink {
    Stdout(io::BufWriter<Stdout>),
    File(io::BufWriter<AtomicFile>),
    /// A character device or FIFO, written in place (never renamed over).
    Device(io::BufWriter<std::fs::File>),
}

/// Open `--output`: through a symlink to its target, in place for a
/// character device or FIFO, else atomically (issue 16: a symlink or
/// `/dev/null` was replaced by a regular file).
fn open_output(path: &Path) -> anyhow::Result<Sink> {
    let mut target = path.to_path_buf();
    // Follow a chain of links (bounded: a loop is an error below).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)
                    .with_context(|| format!("{}: cannot read the link", path.display()))?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => break,
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let Ok(m) = std::fs::metadata(&target) {
            let t = m.file_type();
            if t.is_char_device() || t.is_fifo() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                return Ok(Sink::Device(io::BufWriter::new(file)));
            }
            if !t.is_file() {
                anyhow::bail!(
                    "{}: cannot write: not a regular file, FIFO or character device",
                    path.display()
                );
            }
        }
    }
    Ok(Sink::File(io::BufWriter::new(AtomicFile::create(&target)?)))
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w) => w.write(buf),
            Sink::Device(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w) => w.flush(),
            Sink::Device(w) => w.flush(),
        }
    }
}

impl Sink {
    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::Device(mut w) => Ok(w.flush()?),
            Sink::File(w) => w
                .into_inner()
                .map_err(|e| anyhow::anyhow!("cannot write the report: {}", e.error()))?
                .commit(),
        }
    }
}

/// Worker threads beyond this many per CPU only cost memory and start-up
/// (issue 16: `--threads 100000` never finished).
const THREADS_PER_CPU: usize = 4;

/// `--threads N` capped at [`THREADS_PER_CPU`] × the CPUs and at the number
/// of inputs when it is known.
fn thread_cap(n: usize, inputs: Option<usize>) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |c| c.get());
    n.min(cpus.saturating_mul(THREADS_PER_CPU))
        .min(inputs.unwrap_or(usize::MAX).max(1))
        .max(1)
}

/// Standard output; with `keep_going` (a baseline file is written too), a
/// closed pipe discards the rest of the report instead of ending the run
/// (issue 16: `--write-baseline F | head -1` must still write F).
struct Stdout {
    out: io::StdoutLock<'static>,
    keep_going: bool,
    closed: bool,
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.out.write(buf) {
            Err(e) if self.keep_going && e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            r => r,
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self.out.flush() {
            Err(e) if self.keep_going && e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            _ if self.closed => Ok(()),
            r => r,
        }
    }
}

/// The text of NDJSON records held per worker thread in one batch (issue
/// 16: 32 × threads records of several MB each were held at once); a batch
/// always has at least one record.
const BATCH_BYTES_PER_THREAD: usize = 4 * 1024 * 1024;

/// The next inputs for the workers: at most `batch` of them, and NDJSON
/// records of at most `max_bytes` of text in all.
fn next_batch(
    inputs: &mut dyn Iterator<Item = Input>,
    batch: usize,
    max_bytes: usize,
) -> Vec<Input> {
    let mut chunk = Vec::new();
    let mut bytes = 0usize;
    while chunk.len() < batch && bytes < max_bytes {
        let Some(input) = inputs.next() else { break };
        if let Input::Text { text, .. } = &input {
            bytes = bytes.saturating_add(text.len());
        }
        chunk.push(input);
    }
    chunk
}

fn plural_findings(n: usize) -> String {
    format!("{n} finding{}", if n == 1 { "" } else { "s" })
}

/// Files handed to the workers at a time: bounds memory on huge runs while
/// keeping every thread busy. Output order never depends on it.
const BATCH_PER_THREAD: usize = 32;

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    install_interrupt_handler();
    let configs = resolver(&args.selection);
    // A forced config (and, in discovery, the current directory's) is
    // checked before any input: a broken one stops the run at once.
    if let Err(e) = configs.for_path(None) {
        eprintln!("newslint: {e}");
        return Ok(EXIT_ERROR);
    }
    let mut budget = match &args.baseline {
        Some(p) => {
            // Bounded like an input (issue 16: `--baseline /dev/urandom`).
            let text = read_bytes(p, args.max_bytes)
                .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string()))
                .map_err(|e| anyhow::anyhow!("{}: cannot read baseline: {e}", p.display()));
            let parsed = text.and_then(|t| {
                serde_json::from_str::<Baseline>(&t)
                    .with_context(|| format!("{}: not a newslint baseline", p.display()))
            });
            match parsed {
                Ok(b) => Some(b.budget()),
                Err(e) => {
                    eprintln!("newslint: {e:#}");
                    return Ok(EXIT_ERROR);
                }
            }
        }
        None => None,
    };
    let mut inputs = collect_inputs(&args)?;
    if let Some(out) = &args.output {
        if let Some(p) = args.paths.iter().find(|p| same_file(p, out)) {
            eprintln!(
                "newslint: --output {} is also an input ({}): refusing to overwrite it",
                out.display(),
                p.display()
            );
            return Ok(EXIT_ERROR);
        }
    }
    let keep_source = render::needs_source(args.format);
    let read_opts = ReadOptions {
        max_bytes: args.max_bytes,
        lossy: args.lossy,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(
            args.threads
                .map_or(0, |n| thread_cap(n, inputs.size_hint().1)),
        )
        .build()
        .context("cannot start worker threads")?;
    let batch = pool.current_num_threads().max(1) * BATCH_PER_THREAD;
    let batch_bytes = pool.current_num_threads().max(1) * BATCH_BYTES_PER_THREAD;
    let total = match inputs.size_hint() {
        (lo, Some(hi)) if lo == hi => Some(lo),
        _ => None,
    };
    let progress =
        (!args.quiet && total != Some(1) && io::stderr().is_terminal()).then(|| Progress {
            total,
            done: AtomicUsize::new(0),
            last: std::sync::Mutex::new(Instant::now()),
        });

    let opts = render::Options {
        color: use_color(args.color, args.output.is_some()),
        summary: args.summary,
        quiet: args.quiet,
        width: Some(output_width(args.output.is_some())),
    };
    let mut sink = match &args.output {
        Some(path) => open_output(path)?,
        None => Sink::Stdout(io::BufWriter::new(Stdout {
            out: io::stdout().lock(),
            keep_going: args.write_baseline.is_some(),
            closed: false,
        })),
    };
    let read_keys = args.baseline.as_deref().map(BaselineKeys::new);
    let write_keys = args.write_baseline.as_deref().map(BaselineKeys::new);
    let mut baseline_out = args.write_baseline.as_ref().map(|_| Baseline {
        schema_version: 1,
        findings: Vec::new(),
    });
    if args.statistics && !matches!(args.format, Format::Human | Format::Json) {
        eprintln!("newslint: --statistics prints a table (--format human) or JSON (--format json)");
        return Ok(EXIT_ERROR);
    }
    let mut statistics = args
        .statistics
        .then(render::statistics::Statistics::default);
    let mut counted = crate::report::Summary::default();
    let run = RunOptions {
        lint: crate::lint::LintOptions {
            report_unused_suppressions: args.report_unused_suppressions,
        },
        fix: if args.diff {
            Some(FixMode::Diff)
        } else if args.fix {
            Some(FixMode::Write)
        } else {
            None
        },
        unsafe_fixes: args.unsafe_fixes,
    };
    let (mut fixed, mut diffs) = (0usize, 0usize);
    let mut stream = render::Stream::new(args.format, opts, &mut sink);
    // Whether a finding reached its own config's fail level.
    let mut fails = false;
    loop {
        let chunk = next_batch(&mut inputs, batch, batch_bytes);
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(FileReport, settings::FailOn)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let r = process(input, &configs, keep_source, read_opts, run);
                    if let Some(p) = &progress {
                        p.tick();
                    }
                    r
                })
                .collect()
        });
        // The bar shares the terminal with the report: clear it before
        // writing; the next tick redraws it.
        if let Some(p) = &progress {
            p.clear();
        }
        for (mut file, fail_on) in results {
            // Escaped: a file name or NDJSON id must not write a line of
            // its own (a forged `::warning` command) or a terminal escape.
            let shown = crate::render::visible(&file.path);
            if let Some(reason) = &file.error {
                eprintln!("newslint: {shown}: {}", crate::render::visible(reason));
            }
            if let Some(notice) = &file.notice {
                eprintln!(
                    "newslint: warning: {shown}: {}",
                    crate::render::visible(notice)
                );
            }
            if let Some(b) = &mut baseline_out {
                if let Some(keys) = &write_keys {
                    b.findings.extend(Baseline::entries(&file, keys));
                }
            }
            if let Some(budget) = &mut budget {
                if let Some(keys) = &read_keys {
                    apply_baseline(budget, keys, &mut file);
                }
            }
            fails |= file.findings.iter().any(|f| fail_on.fails(f.severity));
            fixed += file.fixed;
            if run.fix == Some(FixMode::Diff) {
                // --diff prints the diffs instead of the report.
                if let Some(diff) = file.diff.take() {
                    diffs += 1;
                    stream.write_raw(diff.as_bytes())?;
                }
                stream.count(&file);
                continue;
            }
            match &mut statistics {
                Some(st) => {
                    st.add(&file);
                    counted.add(&file);
                }
                None => stream.push(file)?,
            }
        }
        // A stream's readers see each batch's results as it is checked.
        stream.flush()?;
    }
    if let Some(p) = &progress {
        p.clear();
    }
    let summary = match &statistics {
        Some(st) => {
            drop(stream);
            if args.format == Format::Json {
                st.write_json(&mut sink)?;
            } else {
                st.write_table(&mut sink)?;
                if !args.quiet {
                    writeln!(sink, "{}", render::human::summary_line(&counted))?;
                }
            }
            counted
        }
        None if run.fix == Some(FixMode::Diff) => stream.summary().clone(),
        None => stream.finish(RuleInfo::all())?,
    };
    sink.finish()?;
    match run.fix {
        Some(FixMode::Write) if !args.quiet => {
            eprintln!("newslint: fixed {}", plural_findings(fixed));
        }
        Some(FixMode::Diff) if !args.quiet => {
            eprintln!(
                "newslint: would fix {} in {diffs} file{}",
                plural_findings(fixed),
                if diffs == 1 { "" } else { "s" }
            );
        }
        _ => {}
    }
    if run.fix == Some(FixMode::Diff) {
        return Ok(if summary.unreadable > 0 {
            EXIT_ERROR
        } else if diffs > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        });
    }
    if let (Some(path), Some(b)) = (&args.write_baseline, &baseline_out) {
        let mut bytes = serde_json::to_vec_pretty(b)?;
        bytes.push(b'\n');
        write_atomic(path, &bytes)?;
    }

    if summary.unreadable > 0 {
        return Ok(EXIT_ERROR);
    }
    let fails = args.write_baseline.is_none() && fails;
    Ok(if fails { EXIT_FINDINGS } else { EXIT_OK })
}

/// The format used when none is given: human, on every stream (as ruff does);
/// scripts ask for `json` or `jsonl` explicitly so output never changes with
/// how a command is run.
pub const DEFAULT_FORMAT: Format = Format::Human;
