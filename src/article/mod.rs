//! The typed article: what a copy desk sees when it reads a piece of the genre.
//!
//! Every node carries its exact [`Span`]; `text` is always exactly the source
//! slice at `span` (markup such as `## `, table pipes or `Question:` labels is
//! outside the span). The JSON form of [`Article`] is a documented, versioned
//! contract (see the README, "The parse JSON").

pub mod comments;
mod lines;
pub(crate) mod normalize;
mod parser;

pub use parser::parse_article;

use serde::Serialize;

use crate::source::Span;

/// Bumped whenever a field is renamed or removed or its meaning changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A piece of text and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// A numbered table row: an "Article Subheadings" entry or a key point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The number as written, without its delimiter: `"1"` for `1)` or `1 |`.
    /// Empty when the row has no number.
    pub number: String,
    /// The number's value when it parses as one.
    pub value: Option<u32>,
    pub text: String,
    pub span: Span,
    /// Where the number's digits are (for renumbering fixes). Not part of
    /// the parse JSON.
    #[serde(skip)]
    pub number_span: Option<Span>,
}

/// A body section: its heading line and its paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub heading: Text,
    pub paragraphs: Vec<Text>,
    /// From the start of the heading to the end of the last paragraph.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub paragraphs: Vec<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaqEntry {
    pub question: Text,
    pub answer: Option<Text>,
}

/// A structural oddity the parser noticed. Never fatal; rules in the `ART`
/// family turn these into findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
    pub span: Span,
    /// The other side, when the oddity involves two places (e.g. the outline
    /// entry and the differently worded section heading).
    pub related: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// An outline entry with no section that matches it.
    OutlineEntryWithoutSection,
    /// A body section that the outline does not list.
    SectionNotInOutline,
    /// An outline entry matched a section whose heading is worded differently.
    OutlineHeadingDiffers,
    /// The outline lists the sections in another order than the body.
    OutlineOrderDiffers,
    /// An outline number that skips, repeats or runs backwards.
    OutlineNumbering,
    /// A key point number that skips, repeats or runs backwards.
    KeyPointNumbering,
    /// An FAQ question with no answer.
    QuestionWithoutAnswer,
    /// A section heading with no paragraph under it.
    EmptySection,
    /// A table row that could not be read as an entry.
    MalformedTableRow,
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub schema_version: u32,
    pub path: String,
    pub headline: Option<Text>,
    pub lede: Vec<Text>,
    pub outline: Vec<Entry>,
    pub sections: Vec<Section>,
    pub key_points: Vec<Entry>,
    pub summary: Option<Summary>,
    pub faq: Vec<FaqEntry>,
    pub notes: Vec<Note>,
}

/// Where a piece of text sits in the article. Indices are 1-based, as a reader
/// counts them. Serialised as a short label: `"headline"`, `"lede"`,
/// `"outline 2"`, `"section 4"`, `"key point 4"`, `"summary"`,
/// `"faq 3 question"`, `"faq 3 answer"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Headline,
    Lede,
    Outline(usize),
    /// The heading line of section N.
    SectionHeading(usize),
    Section(usize),
    KeyPoint(usize),
    Summary,
    FaqQuestion(usize),
    FaqAnswer(usize),
    /// An HTML comment (an inline suppression): outside the article text.
    Comment,
}

impl Part {
    /// The body is the lede and the sections' paragraphs: the reported story,
    /// as opposed to the parts that restate it (headline, key points, summary,
    /// FAQ) and the navigation (outline, headings).
    pub fn is_body(&self) -> bool {
        matches!(self, Part::Lede | Part::Section(_))
    }

    /// Parts that restate the body and must be supported by it.
    pub fn is_restatement(&self) -> bool {
        matches!(
            self,
            Part::Headline
                | Part::KeyPoint(_)
                | Part::Summary
                | Part::FaqQuestion(_)
                | Part::FaqAnswer(_)
        )
    }

    /// The label used in JSON and messages.
    pub fn label(&self) -> String {
        match self {
            Part::Headline => "headline".into(),
            Part::Lede => "lede".into(),
            Part::Outline(n) => format!("outline {n}"),
            Part::SectionHeading(n) => format!("section {n} heading"),
            Part::Section(n) => format!("section {n}"),
            Part::KeyPoint(n) => format!("key point {n}"),
            Part::Summary => "summary".into(),
            Part::FaqQuestion(n) => format!("faq {n} question"),
            Part::FaqAnswer(n) => format!("faq {n} answer"),
            Part::Comment => "comment".into(),
        }
    }

    /// How a label names what this part says: "key point says", "body says".
    pub fn role(&self) -> &'static str {
        match self {
            Part::Headline => "headline says",
            Part::Lede => "lede says",
            Part::Section(_) => "body says",
            Part::Outline(_) => "outline says",
            Part::SectionHeading(_) => "heading says",
            Part::KeyPoint(_) => "key point says",
            Part::Summary => "summary says",
            Part::FaqQuestion(_) | Part::FaqAnswer(_) => "FAQ says",
            Part::Comment => "comment says",
        }
    }
}

impl Serialize for Part {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

/// A paragraph-like piece of the article, with the part it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    pub part: Part,
    pub text: &'a str,
    pub span: Span,
}

impl Article {
    /// The part a span lies in (the innermost node containing it), found by
    /// binary search, so rules can label many notes cheaply.
    pub fn part_at(&self, span: &Span) -> Option<Part> {
        fn find<T>(items: &[T], span: &Span, of: impl Fn(&T) -> Span) -> Option<usize> {
            let i = items.partition_point(|t| of(t).start <= span.start);
            let k = i.checked_sub(1)?;
            of(items.get(k)?).contains(span).then_some(k)
        }
        if self
            .headline
            .as_ref()
            .is_some_and(|h| h.span.contains(span))
        {
            return Some(Part::Headline);
        }
        if find(&self.lede, span, |t| t.span).is_some() {
            return Some(Part::Lede);
        }
        if let Some(k) = find(&self.outline, span, |e| e.span) {
            return Some(Part::Outline(k + 1));
        }
        if let Some(k) = find(&self.sections, span, |s| s.span) {
            let s = self.sections.get(k)?;
            return Some(if s.heading.span.contains(span) {
                Part::SectionHeading(k + 1)
            } else {
                Part::Section(k + 1)
            });
        }
        if let Some(k) = find(&self.key_points, span, |e| e.span) {
            return Some(Part::KeyPoint(k + 1));
        }
        if self.summary.as_ref().is_some_and(|s| s.span.contains(span)) {
            return Some(Part::Summary);
        }
        if let Some(k) = find(&self.faq, span, |f| f.question.span) {
            return Some(Part::FaqQuestion(k + 1));
        }
        let k = self
            .faq
            .partition_point(|f| f.question.span.start <= span.start);
        let f = self.faq.get(k.checked_sub(1)?)?;
        f.answer
            .as_ref()
            .is_some_and(|a| a.span.contains(span))
            .then_some(Part::FaqAnswer(k))
    }

    /// Every block of prose in source order: headline, lede paragraphs,
    /// section headings and paragraphs, outline entries, key points, summary
    /// paragraphs, FAQ questions and answers. Extractors walk this list
    /// instead of the tree.
    pub fn blocks<'a>(&'a self) -> Vec<Block<'a>> {
        let mut out: Vec<(Part, &str, Span)> = Vec::new();
        let mut push = |part: Part, text: &'a str, span: Span| out.push((part, text, span));
        if let Some(h) = &self.headline {
            push(Part::Headline, &h.text, h.span);
        }
        for t in &self.lede {
            push(Part::Lede, &t.text, t.span);
        }
        for (i, e) in self.outline.iter().enumerate() {
            push(Part::Outline(i + 1), &e.text, e.span);
        }
        for (i, s) in self.sections.iter().enumerate() {
            push(Part::SectionHeading(i + 1), &s.heading.text, s.heading.span);
            for t in &s.paragraphs {
                push(Part::Section(i + 1), &t.text, t.span);
            }
        }
        for (i, e) in self.key_points.iter().enumerate() {
            push(Part::KeyPoint(i + 1), &e.text, e.span);
        }
        if let Some(sum) = &self.summary {
            for t in &sum.paragraphs {
                push(Part::Summary, &t.text, t.span);
            }
        }
        for (i, q) in self.faq.iter().enumerate() {
            push(Part::FaqQuestion(i + 1), &q.question.text, q.question.span);
            if let Some(a) = &q.answer {
                push(Part::FaqAnswer(i + 1), &a.text, a.span);
            }
        }
        let mut blocks: Vec<Block<'a>> = out
            .into_iter()
            .map(|(part, text, span)| Block { part, text, span })
            .collect();
        blocks.sort_by_key(|b| b.span.start);
        blocks
    }
}
