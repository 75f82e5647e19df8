//! newslint: a copy desk for news articles.
//!
//! The library reads an article of the genre (lede, "Article Subheadings"
//! table, sections, "Key Points" table, Summary, FAQ) into a typed
//! [`Article`], extracts its checkable [`Claims`], and runs consistency
//! [`rules`] that report [`Finding`]s. Nothing here reads files or writes to a
//! terminal; that is `app`'s job.
//!
//! ```
//! let source = newslint::SourceFile::new("a.txt", "Police made nearly 400 arrests.");
//! let article = newslint::parse(&source);
//! let claims = newslint::extract(&source, &article);
//! let findings = newslint::check(&source, &article, &claims);
//! assert!(findings.is_empty());
//! ```

pub mod app;
pub mod article;
pub mod claims;
pub mod cli;
pub mod diagnostic;
pub mod render;
pub mod report;
pub mod rules;
pub mod settings;
pub mod source;
pub mod text;

pub use article::{Article, Part};
pub use claims::Claims;
pub use diagnostic::{Finding, Label, Severity};
pub use source::{SourceFile, Span};

/// Parse an article.
pub fn parse(source: &SourceFile) -> Article {
    article::parse_article(source)
}

/// Extract the claims of a parsed article.
pub fn extract(source: &SourceFile, article: &Article) -> Claims {
    claims::extract(source, article)
}

/// Run every rule at its default severity (rules off by default are skipped).
pub fn check(source: &SourceFile, article: &Article, claims: &Claims) -> Vec<Finding> {
    let cx = rules::Context {
        source,
        article,
        claims,
    };
    rules::run(&cx, |meta| meta.category.default_severity())
}
