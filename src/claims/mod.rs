//! Checkable claims pulled out of an [`Article`]: figures with their hedges,
//! quotations with their speakers, people and organisations, and dates.
//!
//! One extractor per kind lives in its own module; [`extract`] runs them in
//! the order their dependencies need (people before quotes, so quotes can name
//! their speakers) and ties the results together.

pub mod date;
pub mod person;
pub mod quantity;
pub mod quote;
pub mod text;

use serde::Serialize;

use crate::article::{Article, Block, Part};
use crate::source::SourceFile;

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
    let entities = person::extract(source, &blocks);
    let quotes = quote::extract(source, &blocks, &entities);
    let (mut figures, tallies) = quantity::extract(source, &blocks);
    for f in &mut figures {
        f.in_quote = quotes.iter().any(|q| q.outer.contains(&f.span));
    }
    let dates = date::extract(source, &blocks);
    Claims {
        figures,
        tallies,
        quotes,
        entities,
        dates,
    }
}
