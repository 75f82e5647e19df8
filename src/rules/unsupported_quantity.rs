use crate::article::Part;
use crate::claims::Figure;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{describe_range, display_span, figure_key};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// A figure in the headline, key points, summary or FAQ that the body never states.
    ///
    /// ## What it does
    /// For every figure in the parts that restate the story (headline, key
    /// points, summary, FAQ), looks for a figure in the body (lede and
    /// sections) that counts the same thing. It reports the figure when the
    /// body gives no figure for that thing and no figure with a value the
    /// restatement could be quoting. A body figure that exists but disagrees
    /// is `NUM001`'s case, not this rule's: one defect, one finding.
    ///
    /// ## Why is this bad?
    /// Key points and summaries are read by people who skip the story. A
    /// number that appears only there has no sourcing in the article, and is
    /// often a leftover from an earlier draft or an invention of a rewriting
    /// step.
    ///
    /// ## Example
    /// ```text
    /// Crews restored power to most homes by Friday.
    /// ...
    /// 2 | Power was restored to 45,000 homes. |
    /// ```
    /// Not flagged: the body says "more than 45,000 customers" (a figure with
    /// the same value), or "45,000 homes" anywhere in the lede or sections.
    ///
    /// ## Known limits
    /// Figures whose counted thing the extractor cannot name, vague
    /// quantities, and figures inside quotations are not checked.
    pub UnsupportedQuantity, "NUM002", "unsupported-quantity", Suspicious
}

impl Rule for UnsupportedQuantity {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let figures = &cx.claims.figures;
        let body: Vec<&Figure> = figures.iter().filter(|f| f.part.is_body()).collect();
        for f in figures.iter().filter(|f| f.part.is_restatement()) {
            let Some(key) = figure_key(f) else { continue };
            let supported = body.iter().any(|b| {
                figure_key(b).is_some_and(|k| k.thing == key.thing)
                    || (b.unit.class == f.unit.class
                        && (b.value - f.value).abs() <= 0.1 * f.value.abs()
                        && b.range.overlaps(&f.range, false))
            });
            if supported {
                continue;
            }
            let part = match f.part {
                Part::Headline => "the headline",
                Part::KeyPoint(_) => "a key point",
                Part::Summary => "the summary",
                _ => "the FAQ",
            };
            let thing = f.key.clone().unwrap_or_default();
            out.push(
                Finding::new(
                    &Self::META,
                    format!(
                        "{part} says `{}` {thing} but the body gives no figure for {thing}",
                        f.text
                    ),
                )
                .label(
                    display_span(cx.source, f),
                    f.part,
                    format!(
                        "{} {}, not stated in the body",
                        f.part.role(),
                        describe_range(f)
                    ),
                )
                .help("state the figure and its source in the body, or remove it here"),
            );
        }
    }
}
