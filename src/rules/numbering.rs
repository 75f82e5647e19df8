use crate::article::{Entry, NoteKind, Part};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

declare_rule! {
    /// A key point or outline number skips, repeats or runs backwards.
    ///
    /// ## What it does
    /// Checks that the numbers of the "Key Points" table and of the "Article
    /// Subheadings" outline count up by one from `1`. Each break in the
    /// sequence is reported once: a gap (`2` then `4`), a repeat (`2` then
    /// `2`), a step back (`3` then `2`) or a list that starts elsewhere than
    /// `1`.
    ///
    /// ## Why is this bad?
    /// A gap usually means a point was deleted or lost in editing; a step back
    /// means rows were reordered by hand. Either way the reader sees a list
    /// that looks incomplete, and references such as "key point 4" point at
    /// the wrong row.
    ///
    /// ## Example
    /// Flagged:
    /// ```text
    /// No. | Key Points |
    /// ---|---|
    /// 1 | Power was cut to 40,000 homes. |
    /// 2 | Schools closed. |
    /// 4 | Roads reopened on Wednesday. |
    /// ```
    /// Not flagged: `1`, `2`, `3`; rows without numbers.
    ///
    /// ## Known limits
    /// Only numbers written as digits are checked (`1`, `1)`, `1.`); lettered
    /// or roman-numbered lists are not.
    pub Numbering, "ART002", "numbering", Style
}

impl Rule for Numbering {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = cx.article;
        for note in &a.notes {
            let (entries, part): (&[Entry], fn(usize) -> Part) = match note.kind {
                NoteKind::KeyPointNumbering => (&a.key_points, Part::KeyPoint),
                NoteKind::OutlineNumbering => (&a.outline, Part::Outline),
                _ => continue,
            };
            let mut f = Finding::new(&Self::META, note.message.clone()).label(
                note.span,
                part(entry_after(entries, &note.span)),
                "number",
            );
            if let Some(prev) = note.related {
                f = f.label(prev, part(entry_after(entries, &prev)), "previous number");
            }
            out.push(f.help("renumber the list so it counts up by one"));
        }
    }
}

/// The 1-based index of the entry whose number is at `number` (the first
/// entry whose text starts after it).
fn entry_after(entries: &[Entry], number: &Span) -> usize {
    entries.partition_point(|e| e.span.start < number.end) + 1
}
