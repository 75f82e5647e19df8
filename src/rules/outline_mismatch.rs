use crate::article::normalize::same_wording;
use crate::article::{NoteKind, Part};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// The "Article Subheadings" outline and the body's section headings disagree.
    ///
    /// ## What it does
    /// Compares the outline table with the section headings of the body and
    /// reports an outline entry whose section is worded differently, an entry
    /// with no section at all, a section the outline does not list, and an
    /// outline that lists the sections in another order than the body.
    ///
    /// ## Why is this bad?
    /// The outline is the reader's map of the article. An entry that leads
    /// nowhere, or a heading that reads differently from its entry, suggests a
    /// section was renamed, dropped or added after the outline was written,
    /// and makes the piece look unedited.
    ///
    /// ## Example
    /// Flagged: the outline promises a section the body words differently.
    /// ```text
    /// Article Subheadings |
    /// ---|
    /// 2) Power and Road Closures |
    /// ...
    /// Roads, Bridges and Power
    /// Crews restored power to most homes by Wednesday.
    /// ```
    /// Not flagged: the same words, differing only in case, quotes,
    /// punctuation, small words or plural endings
    /// (`Law Enforcement's Perspective` vs `Law Enforcement’s Perspective`).
    ///
    /// ## Known limits
    /// Sections are found by matching outline entries (exactly, then by shared
    /// words, then a lone entry to a lone heading in the same place); a heading
    /// with no words in common with its entry may be reported as a missing
    /// section plus an unlisted one. Headings without markup are recognised by
    /// shape (short, no final punctuation, followed by a paragraph), so an
    /// unusual heading can go unseen.
    pub OutlineMismatch, "ART001", "outline-mismatch", Style
}

impl Rule for OutlineMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let a = cx.article;
        for note in &a.notes {
            let text = cx.source.slice(&note.span);
            let part = a.part_at(&note.span);
            let related = note
                .related
                .map(|r| (r, cx.source.slice(&r), a.part_at(&r)));
            let finding = match (note.kind, part, related) {
                (NoteKind::OutlineHeadingDiffers, Some(p), Some((r, heading, Some(rp)))) => {
                    if same_wording(text, heading) {
                        continue;
                    }
                    Finding::new(
                        &Self::META,
                        format!("outline entry `{text}` is worded differently from its heading `{heading}`"),
                    )
                    .label(note.span, p, "outline says")
                    .label(r, rp, "heading says")
                    .help("make the outline entry and the section heading say the same")
                }
                (NoteKind::OutlineEntryWithoutSection, Some(p), _) => Finding::new(
                    &Self::META,
                    format!("outline entry `{text}` has no matching section"),
                )
                .label(note.span, p, "outline says")
                .help("add the section or remove the entry from the outline"),
                (NoteKind::SectionNotInOutline, Some(p @ Part::SectionHeading(_)), _) => {
                    Finding::new(
                        &Self::META,
                        format!("section `{text}` is not listed in the outline"),
                    )
                    .label(note.span, p, "heading says")
                    .help("add the section to the outline")
                }
                (NoteKind::OutlineOrderDiffers, Some(p), Some((r, _, Some(rp)))) => Finding::new(
                    &Self::META,
                    format!(
                        "outline entry `{text}` is listed in a different order from its section"
                    ),
                )
                .label(note.span, p, "outline says")
                .label(r, rp, "heading says")
                .help("list the sections in the order the body has them"),
                _ => continue,
            };
            out.push(finding);
        }
    }
}
