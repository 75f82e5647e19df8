//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::settings::FailOn;

/// newslint reads news articles like a copy desk: it pulls out every
/// checkable claim (figures, quotes, names, dates) and flags the places where
/// an article contradicts itself.
///
/// Exit codes: 0 no finding reaches --fail-on; 1 one does; 2 an input or the
/// configuration could not be read (other inputs are still checked).
#[derive(Debug, Parser)]
#[command(name = "newslint", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles for contradictions and report findings.
    Check(CheckArgs),
    /// Print the article's structure (headline, lede, outline, sections, key
    /// points, summary, FAQ) as JSON, every piece with its source span.
    Parse(ParseArgs),
    /// Print every checkable claim (figures, quotes, people, dates) as JSON.
    Claims(ParseArgs),
    /// Print one rule's documentation.
    Rule(RuleArgs),
    /// List every rule: code, name, category, default severity, summary.
    Rules(RulesArgs),
    /// Print the effective configuration (config file + command line).
    Config(ConfigArgs),
    /// Run the language server over standard input and output (LSP), for
    /// editors: findings as diagnostics, fixes as code actions.
    Server,
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print a man page (roff) on standard output: newslint(1), or with a
    /// subcommand its own page (`newslint man check` is newslint-check(1)).
    Man(ManArgs),
}

pub use crate::render::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Never with NO_COLOR; always with FORCE_COLOR or CLICOLOR_FORCE (not
    /// `0`); else colour when standard output is a terminal.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Each path is an article (directories are walked).
    Files,
    /// Each path (or `-`) holds one JSON object per line: {"id": "...",
    /// "text": "..."}; the id (a string or a number) stands for the path in
    /// all output; other fields are ignored.
    Ndjson,
}

/// Options that choose rules; shared by `check` and `config`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SelectionArgs {
    /// Use this config file for every input instead of the newslint.toml
    /// closest to each checked file [env: NEWSLINT_CONFIG].
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,
    /// Run only these rules (codes, names, family prefixes like NUM, or ALL);
    /// replaces the config file's `select`.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Also run these rules (e.g. a pedantic rule).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules (applied last, after per-path overrides).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Exit 1 when a finding reaches this severity [default: error, or the
    /// config file's fail-on].
    #[arg(long, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files, directories (walked for *.txt and *.md, honouring .gitignore and
    /// skipping hidden files) or `-` for standard input. Default: `.`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format. The default is human on every stream, as in ruff:
    /// scripts ask for json/jsonl explicitly. Human output fits source lines
    /// to the terminal width (COLUMNS, else the terminal's, else 100).
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print how many findings each rule reported instead of the findings
    /// (a table; with --format json a JSON array).
    #[arg(long)]
    pub statistics: bool,
    /// When to colour human output. Under auto: never when NO_COLOR is set,
    /// always when FORCE_COLOR or CLICOLOR_FORCE is set (not `0`), else when
    /// standard output is a terminal.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the report to FILE (atomically: temp file + rename) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only findings and errors: no progress bar, no human summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// With --format jsonl, end with a summary line.
    #[arg(long)]
    pub summary: bool,
    /// Glob(s) a walked file's name must match (default: *.txt and *.md).
    /// Files named explicitly are always read.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// The name stdin (`-`) has in the output.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Files)]
    pub input: InputKind,
    /// Worker threads (default: the number of CPUs), capped at 4 per CPU and
    /// at the number of inputs. Output is identical for every value.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Decode invalid UTF-8 with replacement characters (and say so on
    /// stderr) instead of refusing the input.
    #[arg(long)]
    pub lossy: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::app::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Ignore findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE as a baseline (the report is still
    /// printed; exit 0 unless an input is unreadable).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report suppression comments (`<!-- newslint-disable … -->`) that hide
    /// no finding, as `SUP001`.
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Apply safe fixes in place (atomically, keeping the file's mode), then
    /// report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the fixes as a unified diff and change nothing; exit 1 when
    /// there is one.
    #[arg(long)]
    pub diff: bool,
    /// With --fix or --diff, also apply unsafe fixes (they may change what
    /// the article says).
    #[arg(long)]
    pub unsafe_fixes: bool,
    #[command(flatten)]
    pub selection: SelectionArgs,
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The articles to read; `-` reads standard input. With more than one,
    /// the output is JSON Lines: one compact document per file, in order
    /// (an unreadable file is reported on stderr and makes the exit code 2).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print the JSON on one line instead of pretty-printed.
    #[arg(long)]
    pub compact: bool,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// A rule code (NUM001) or name (quantity-conflict).
    #[arg(value_name = "CODE|NAME")]
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// An aligned table.
    Text,
    /// A JSON array of rules with their docs.
    Json,
    /// A Markdown table (the README's rule table).
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Shorthand for --format markdown.
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Show the configuration that applies to this file, and why (which
    /// newslint.toml, found how, and which overrides match it).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub selection: SelectionArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A subcommand whose page to print (check, parse, claims, ...).
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
}
