//! Dates and weekdays.

use serde::Serialize;

use crate::article::{Block, Part};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateKind {
    /// A calendar date: "June 10, 2025", "10 June", "2025-06-10".
    Absolute,
    /// A weekday alone: "on Wednesday".
    Weekday,
    /// A weekday with its date: "Wednesday, June 11".
    WeekdayDate,
    /// "last week", "yesterday", "two days ago".
    Relative,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub text: String,
    pub span: Span,
    pub part: Part,
    pub kind: DateKind,
    pub year: Option<i32>,
    /// True when the year is not written but inferred from the article.
    pub year_inferred: bool,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
    /// The event the date is attached to, normalised ("press conference"),
    /// when the clause makes it clear.
    pub event: Option<String>,
}

/// Extract dates. (Placeholder until the date extractor lands.)
pub fn extract(_source: &SourceFile, _blocks: &[Block<'_>]) -> Vec<DateMention> {
    Vec::new()
}
