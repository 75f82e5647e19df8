//! Direct quotations and who said them.

use serde::Serialize;

use crate::article::{Block, Part};
use crate::claims::person::Entity;
use crate::source::{SourceFile, Span};

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Normalised quoted words (straight quotes, single spaces).
    pub text: String,
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The quotation including its marks.
    pub outer: Span,
    pub part: Part,
    /// The speaker's canonical name, when the sentence attributes the quote.
    pub speaker: Option<String>,
    /// Index into `Claims::entities` of the speaker.
    pub speaker_entity: Option<usize>,
    /// Where the speaker is named (the name, surname or pronoun).
    pub speaker_span: Option<Span>,
    /// One or two words in quotes ("experiment"): a scare quote.
    pub scare: bool,
}

/// Extract quotations. (Placeholder until the quote extractor lands.)
pub fn extract(_source: &SourceFile, _blocks: &[Block<'_>], _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
