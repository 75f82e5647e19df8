//! The only place that reads files and writes to stdout/stderr.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Read, Write};
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
use crate::report::{FileReport, Report, ReportFinding, RuleInfo};
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
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("newslint: {e:#}");
            ExitCode::from(EXIT_ERROR)
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
        Command::Parse(args) => {
            let source = read_source(&args.file, None, DEFAULT_MAX_BYTES)?;
            let article = crate::parse(&source);
            print_json(&article, &args)?;
            Ok(EXIT_OK)
        }
        Command::Claims(args) => {
            let source = read_source(&args.file, None, DEFAULT_MAX_BYTES)?;
            let article = crate::parse(&source);
            let claims = crate::extract(&source, &article);
            print_json(&claims, &args)?;
            Ok(EXIT_OK)
        }
        Command::Rule(args) => rule(&args),
        Command::Rules(args) => rules(&args),
        Command::Config(args) => config(&args),
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
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            write_stdout(&buf)?;
            Ok(EXIT_OK)
        }
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

fn print_json<T: Serialize>(value: &T, args: &ParseArgs) -> anyhow::Result<()> {
    let mut buf = if args.compact {
        serde_json::to_vec(value)?
    } else {
        serde_json::to_vec_pretty(value)?
    };
    buf.push(b'\n');
    Ok(write_stdout(&buf)?)
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
        m.docs.trim()
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

/// Resolve the settings: `--config`, else `--isolated` (none), else
/// `newslint.toml` from the current directory upward.
fn load_settings(sel: &SelectionArgs) -> Result<Settings, settings::ConfigError> {
    let path = if let Some(p) = &sel.config {
        Some(p.clone())
    } else if sel.isolated {
        None
    } else {
        std::env::current_dir()
            .ok()
            .and_then(|d| settings::discover(&d))
    };
    let file = match &path {
        Some(p) => settings::load_config(p)?,
        None => settings::ConfigFile::default(),
    };
    Settings::resolve(path.as_deref(), file, &cli_overrides(sel))
}

fn config(args: &ConfigArgs) -> anyhow::Result<u8> {
    let settings = match load_settings(&args.selection) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("newslint: {e}");
            return Ok(EXIT_ERROR);
        }
    };
    write_stdout(
        settings
            .describe(&cli_overrides(&args.selection))
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

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Expand the command-line paths into inputs: directories walked, files kept.
fn collect_inputs(args: &CheckArgs) -> anyhow::Result<Vec<Input>> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    if args.input == InputKind::Ndjson {
        let mut out = Vec::new();
        for p in &paths {
            read_ndjson(p, &stdin_name, &mut out);
        }
        return Ok(out);
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
    Ok(out)
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
                    out.push(Input::File(path.to_path_buf()));
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NdjsonRecord {
    id: String,
    text: String,
}

/// Read an NDJSON stream; every record becomes an input and every bad line
/// an error naming the stream and its line number.
fn read_ndjson(path: &Path, stdin_name: &str, out: &mut Vec<Input>) {
    let (name, bytes) = if path == Path::new("-") {
        let mut buf = Vec::new();
        match io::stdin().read_to_end(&mut buf) {
            Ok(_) => (stdin_name.to_string(), buf),
            Err(e) => {
                out.push(Input::Failed {
                    path: stdin_name.to_string(),
                    reason: format!("cannot read standard input: {e}"),
                });
                return;
            }
        }
    } else {
        match read_bytes(path, u64::MAX) {
            Ok(b) => (display(path), b),
            Err(reason) => {
                out.push(Input::Failed {
                    path: display(path),
                    reason,
                });
                return;
            }
        }
    };
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<NdjsonRecord>(line) {
            Ok(r) => out.push(Input::Text {
                id: r.id,
                text: r.text,
            }),
            Err(e) => out.push(Input::Failed {
                path: name.clone(),
                reason: format!("line {}: not a {{\"id\", \"text\"}} record: {e}", i + 1),
            }),
        }
    }
}

// ---------------------------------------------------------------- reading

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
    max_bytes: u64,
) -> Result<SourceFile, InputError> {
    let is_stdin = path == Path::new("-");
    let display = if is_stdin {
        stdin_name.unwrap_or("<stdin>").to_string()
    } else {
        path.display().to_string()
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
    let text = decode(bytes).map_err(err)?;
    Ok(SourceFile::new(display, text))
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
        return Err(too_big(max_bytes));
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut buf = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if buf.len() as u64 > max_bytes {
        return Err(too_big(max_bytes));
    }
    Ok(buf)
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Bytes → text, or a reason: UTF-16, binary (NUL byte), invalid UTF-8 (with
/// the first bad byte's offset), empty or whitespace only.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("looks like UTF-16 (byte-order mark); convert it to UTF-8".into());
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {at})"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 (first bad byte at offset {at})")
    })?;
    if text.is_empty() {
        return Err("empty file".into());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("contains only whitespace".into());
    }
    Ok(text)
}

// ---------------------------------------------------------------- check

/// Check one source with the settings for its path.
fn check_source(source: &SourceFile, settings: &Settings, keep_source: bool) -> FileReport {
    let article = crate::parse(source);
    let claims = crate::extract(source, &article);
    let cx = crate::rules::Context {
        source,
        article: &article,
        claims: &claims,
    };
    let findings = crate::rules::run(&cx, |meta| {
        settings.severity_for(meta, Some(source.path.as_str()))
    });
    let mut report = FileReport::checked(source, &findings);
    if !keep_source {
        report.source = None;
    }
    report
}

fn process(input: &Input, settings: &Settings, keep_source: bool, max_bytes: u64) -> FileReport {
    let source = match input {
        Input::Failed { path, reason } => return FileReport::unreadable(path, reason),
        Input::File(p) => read_source(p, None, max_bytes),
        Input::Stdin(name) => read_source(Path::new("-"), Some(name), max_bytes),
        Input::Text { id, text } => {
            if text.len() as u64 > max_bytes {
                Err(InputError {
                    path: id.clone(),
                    reason: too_big(max_bytes),
                })
            } else {
                decode(text.clone().into_bytes())
                    .map(|t| SourceFile::new(id.clone(), t))
                    .map_err(|reason| InputError {
                        path: id.clone(),
                        reason,
                    })
            }
        }
    };
    let source = match source {
        Ok(s) => s,
        Err(e) => return FileReport::unreadable(e.path, e.reason),
    };
    // A bug in one rule must not lose the other files' results.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_source(&source, settings, keep_source)
    }))
    .unwrap_or_else(|_| {
        FileReport::unreadable(
            source.path.clone(),
            "internal error while checking (please report this file)",
        )
    })
}

/// Progress on stderr, redrawn at most every 100 ms.
struct Progress {
    total: usize,
    done: AtomicUsize,
    last: std::sync::Mutex<Instant>,
}

impl Progress {
    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Ok(mut last) = self.last.try_lock() else {
            return;
        };
        if last.elapsed() < Duration::from_millis(100) && done < self.total {
            return;
        }
        *last = Instant::now();
        let width = 30;
        let filled = width * done / self.total.max(1);
        eprint!(
            "\r[{}{}] {done}/{} checked",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.total
        );
    }

    fn finish(&self) {
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
    fn of(files: &[FileReport]) -> Self {
        let findings = files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
            .map(|(file, f)| BaselineEntry {
                path: file.path.clone(),
                code: f.code.clone(),
                fingerprint: f.fingerprint.clone(),
                texts: f.locations.iter().map(|l| l.text.clone()).collect(),
            })
            .collect();
        Baseline {
            schema_version: 1,
            findings,
        }
    }

    /// Drop findings recorded in the baseline (each entry absorbs one).
    fn filter(&self, files: &mut [FileReport]) {
        let mut budget: HashMap<&str, usize> = HashMap::new();
        for e in &self.findings {
            *budget.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        for file in files {
            file.findings.retain(|f: &ReportFinding| {
                match budget.get_mut(f.fingerprint.as_str()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            });
        }
    }
}

/// Write `bytes` to `path` atomically: a temp file in the same directory,
/// then a rename. A failure leaves no partial file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".newslint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", path.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !to_file && !no_color && io::stdout().is_terminal()
        }
    }
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let settings = match load_settings(&args.selection) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("newslint: {e}");
            return Ok(EXIT_ERROR);
        }
    };
    let baseline = match &args.baseline {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("{}: cannot read baseline", p.display()));
            let parsed = text.and_then(|t| {
                serde_json::from_str::<Baseline>(&t)
                    .with_context(|| format!("{}: not a newslint baseline", p.display()))
            });
            match parsed {
                Ok(b) => Some(b),
                Err(e) => {
                    eprintln!("newslint: {e:#}");
                    return Ok(EXIT_ERROR);
                }
            }
        }
        None => None,
    };
    let inputs = collect_inputs(&args)?;
    let keep_source = render::needs_source(args.format);
    let max_bytes = args.max_bytes;

    let progress =
        (!args.quiet && inputs.len() > 1 && io::stderr().is_terminal()).then(|| Progress {
            total: inputs.len(),
            done: AtomicUsize::new(0),
            last: std::sync::Mutex::new(Instant::now()),
        });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut files: Vec<FileReport> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let r = process(input, &settings, keep_source, max_bytes);
                if let Some(p) = &progress {
                    p.tick();
                }
                r
            })
            .collect()
    });
    if let Some(p) = &progress {
        p.finish();
    }

    for f in &files {
        if let Some(reason) = &f.error {
            eprintln!("newslint: {}: {reason}", f.path);
        }
    }
    if let Some(path) = &args.write_baseline {
        let mut bytes = serde_json::to_vec_pretty(&Baseline::of(&files))?;
        bytes.push(b'\n');
        write_atomic(path, &bytes)?;
    }
    if let Some(b) = &baseline {
        b.filter(&mut files);
    }
    let report = Report::new(files, RuleInfo::all());

    let opts = render::Options {
        color: use_color(args.color, args.output.is_some()),
        summary: args.summary,
    };
    let mut buf = Vec::new();
    render::render(args.format, &report, opts, &mut buf)?;
    match &args.output {
        Some(path) => write_atomic(path, &buf)?,
        None => write_stdout(&buf)?,
    }

    if report.summary.unreadable > 0 {
        return Ok(EXIT_ERROR);
    }
    let fails = args.write_baseline.is_none()
        && report
            .max_severity()
            .is_some_and(|s| settings.fail_on.fails(s));
    Ok(if fails { EXIT_FINDINGS } else { EXIT_OK })
}

/// The format used when none is given: human, on every stream (as ruff does);
/// scripts ask for `json` or `jsonl` explicitly so output never changes with
/// how a command is run.
pub const DEFAULT_FORMAT: Format = Format::Human;
