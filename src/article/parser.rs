//! Text → [`Article`]. (Placeholder: the real parser lands with issue 2.)

use super::{Article, Text, SCHEMA_VERSION};
use crate::source::SourceFile;

/// Parse an article. Never fails and never panics: whatever is not
/// recognised as structure is kept as lede/body text, and structural oddities
/// are recorded as notes.
pub fn parse_article(source: &SourceFile) -> Article {
    let text = source.text.trim();
    let start = source.text.len() - source.text.trim_start().len();
    let lede = if text.is_empty() {
        vec![]
    } else {
        vec![Text {
            text: text.to_string(),
            span: source.span(start, start + text.len()),
        }]
    };
    Article {
        schema_version: SCHEMA_VERSION,
        path: source.path.clone(),
        headline: None,
        lede,
        outline: vec![],
        sections: vec![],
        key_points: vec![],
        summary: None,
        faq: vec![],
        notes: vec![],
    }
}
