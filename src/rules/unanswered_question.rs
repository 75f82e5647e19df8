use crate::article::NoteKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// An FAQ question has no answer.
    ///
    /// ## What it does
    /// Reports a question in the "Frequently Asked Questions" block that is
    /// followed directly by the next question or by the end of the article.
    ///
    /// ## Why is this bad?
    /// A question left unanswered is almost always a generation or editing
    /// slip: the answer was cut, or two questions were merged. Readers who
    /// jump to the FAQ get nothing.
    ///
    /// ## Example
    /// Flagged:
    /// ```text
    /// Question: Who pays for the repairs?
    /// Question: Is more snow expected?
    /// Yes. A weaker system arrives on Friday.
    /// ```
    /// Not flagged: every `Question:` line followed by an answer paragraph
    /// (or an `Answer:` / `A:` line).
    ///
    /// ## Known limits
    /// An answer that is itself written as a `Question:` line is read as a
    /// second question.
    pub UnansweredQuestion, "ART003", "unanswered-question", Suspicious
}

impl Rule for UnansweredQuestion {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for note in &cx.article.notes {
            if note.kind != NoteKind::QuestionWithoutAnswer {
                continue;
            }
            let Some(part) = cx.article.part_at(&note.span) else {
                continue;
            };
            let text = cx.source.slice(&note.span);
            out.push(
                Finding::new(&Self::META, format!("question `{text}` has no answer"))
                    .label(note.span, part, "FAQ asks")
                    .help("add an answer under the question or remove the question"),
            );
        }
    }
}
