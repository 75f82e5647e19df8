use crate::article::{NoteKind, Part};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// A section heading (or the Summary heading) has no paragraph under it.
    ///
    /// ## What it does
    /// Reports a body section whose heading is followed directly by the next
    /// heading or by the end of the body, and a "Summary" heading with no
    /// paragraph after it.
    ///
    /// ## Why is this bad?
    /// An empty section promises content that is not there; it usually means
    /// the text was lost when the article was generated or cut. It is a
    /// style matter rather than a contradiction, hence the `style` category:
    /// a warning by default, cheap to check, and the parser only sees a
    /// heading as empty when the outline names it or it is marked up as a
    /// heading, so false alarms are rare.
    ///
    /// ## Example
    /// Flagged (the outline lists both headings):
    /// ```text
    /// Schools and Businesses Close
    /// What Comes Next
    /// Forecasters expect a second storm on Friday.
    /// ```
    /// Not flagged: a Markdown `##` heading followed by a deeper `###`
    /// sub-heading.
    ///
    /// ## Known limits
    /// Without an outline or markup, a heading with no paragraph is not
    /// recognised as a heading at all, so it is not reported.
    pub EmptySection, "ART004", "empty-section", Style
}

impl Rule for EmptySection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = cx.article;
        for note in &a.notes {
            if note.kind != NoteKind::EmptySection {
                continue;
            }
            let text = cx.source.slice(&note.span);
            let k = a
                .sections
                .partition_point(|s| s.heading.span.start < note.span.start);
            let section = a
                .sections
                .get(k)
                .filter(|s| s.heading.span == note.span)
                .map(|_| k);
            let f = match section {
                Some(i) => Finding::new(&Self::META, format!("section `{text}` has no paragraphs"))
                    .label(note.span, Part::SectionHeading(i + 1), "heading says"),
                None => Finding::new(
                    &Self::META,
                    format!("`{text}` heading has no paragraphs under it"),
                )
                .label(note.span, Part::Summary, "heading says"),
            };
            out.push(f.help("write the section's paragraphs or remove the heading"));
        }
    }
}
