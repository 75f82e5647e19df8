//! People, organisations and places, each grouped into one entity with every
//! mention.

use serde::Serialize;

use crate::article::{Block, Part};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A title or role given to a person at one mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title {
    /// Normalised title: `mayor`, `governor`, `major general`,
    /// `mayor of huntington park`.
    pub text: String,
    pub span: Span,
    pub part: Part,
    /// "former", "ex-", "then-": the title is no longer held.
    pub former: bool,
    /// "acting", "interim".
    pub acting: bool,
}

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub span: Span,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Index in `Claims::entities`.
    pub id: usize,
    pub kind: EntityKind,
    /// The fullest form of the name: `Karen Bass`.
    pub name: String,
    pub titles: Vec<Title>,
    pub mentions: Vec<Mention>,
}

/// Extract entities. (Placeholder until the entity extractor lands.)
pub fn extract(_source: &SourceFile, _blocks: &[Block<'_>]) -> Vec<Entity> {
    Vec::new()
}
