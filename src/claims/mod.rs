//! Checkable claims pulled out of an [`Article`]: figures with their hedges,
//! quotations with their speakers, people and organisations, and dates.
//!
//! One extractor per kind lives in its own module; [`extract`] runs them in
//! the order their dependencies need (people before quotes, so quotes can name
//! their speakers) and ties the results together.

pub mod align;
pub mod date;
pub mod person;
pub mod quantity;
pub mod quote;
pub mod sentence;
pub mod text;

use serde::Serialize;

use crate::article::{Article, Block, Part};
use crate::source::SourceFile;

pub use align::{AlignedSource, AlignedUnit, Alignment};
pub use date::{DateKind, DateMention, Weekday};
pub use person::{Entity, EntityKind, Mention, Title};
pub use quantity::{Bound, Figure, Hedge, Range, Tally, Unit, UnitClass};
pub use quote::Quote;

/// Everything checkable in one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Claims {
    pub figures: Vec<Figure>,
    pub tallies: Vec<Tally>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    /// Each restatement sentence (headline, lede, key points, summary, FAQ)
    /// with the body sentences it most likely restates.
    pub alignments: Vec<Alignment>,
}

/// The JSON document `newslint claims` prints: the claims of one article
/// with the schema version and path, so a stream of them stays
/// self-describing.
#[derive(Debug, Serialize)]
pub struct ClaimsDocument<'a> {
    pub schema_version: u32,
    pub path: &'a str,
    #[serde(flatten)]
    pub claims: &'a Claims,
}

/// Extract every claim from a parsed article.
pub fn extract(source: &SourceFile, article: &Article) -> Claims {
    let blocks: Vec<Block<'_>> = article
        .blocks()
        .into_iter()
        .filter(|b| !matches!(b.part, Part::Outline(_) | Part::SectionHeading(_)))
        .collect();
    // Each block is split into sentences and words once, for people; the
    // split is kept for quotes only where the block may hold a quotation, so
    // memory does not grow with every word of a long article.
    let mut words: Vec<Option<person::BlockWords<'_>>> = blocks.iter().map(|_| None).collect();
    let entities = person::extract_split(source, &blocks, |i, bw| {
        if blocks.get(i).is_some_and(|b| quote::may_quote(b.text)) {
            if let Some(slot) = words.get_mut(i) {
                *slot = Some(bw);
            }
        }
    });
    let quotes = quote::extract_words(source, &blocks, &words, &entities);
    let (mut figures, tallies) = quantity::extract(source, &blocks);
    mark_quoted(&mut figures, &quotes);
    for f in &mut figures {
        let end = f.key_span.map_or(f.span.end, |k| k.end.max(f.span.end));
        let text = &source.text;
        // Read within a window of the figure: linear however long the
        // sentence.
        let from = align::floor_boundary(
            text,
            f.span
                .start
                .saturating_sub(align::WINDOW)
                .max(f.sentence.start),
        );
        let to = align::floor_boundary(text, (end + align::WINDOW).min(f.sentence.end.max(end)));
        let before = text.get(from..f.span.start).unwrap_or("");
        let after = text.get(end..to.max(end)).unwrap_or("");
        f.verbs = align::verbs_near(before, after);
        f.threshold = align::is_threshold(before, after);
    }
    let dates = date::extract(source, &blocks);
    let alignments = align::align(source, &blocks, &figures);
    Claims {
        figures,
        tallies,
        quotes,
        entities,
        dates,
        alignments,
    }
}

/// Set `in_quote` on every figure inside a quotation. Quotations never
/// overlap, so once sorted the only one that can hold a figure is the last
/// that starts at or before it; if they ever did overlap, every quotation is
/// tried.
fn mark_quoted(figures: &mut [Figure], quotes: &[Quote]) {
    let mut outer: Vec<crate::source::Span> = quotes.iter().map(|q| q.outer).collect();
    outer.sort_by_key(|s| (s.start, s.end));
    let disjoint = outer.windows(2).all(|w| w[0].end <= w[1].start);
    for f in figures {
        f.in_quote = if disjoint {
            let i = outer.partition_point(|s| s.start <= f.span.start);
            i.checked_sub(1)
                .and_then(|i| outer.get(i))
                .is_some_and(|s| s.contains(&f.span))
        } else {
            outer.iter().any(|s| s.contains(&f.span))
        };
    }
}
