//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// newslint reads news articles like a copy desk: it pulls out every
/// checkable claim (figures, quotes, names, dates) and flags the places where
/// an article contradicts itself.
#[derive(Debug, Parser)]
#[command(name = "newslint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the article's structure (headline, lede, outline, sections, key
    /// points, summary, FAQ) as JSON, every piece with its source span.
    Parse(ParseArgs),
    /// Print every checkable claim (figures, quotes, people, dates) as JSON.
    Claims(ParseArgs),
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The article to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print the JSON on one line instead of pretty-printed.
    #[arg(long)]
    pub compact: bool,
}
