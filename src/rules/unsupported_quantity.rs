use std::collections::HashSet;

use crate::article::Part;
use crate::claims::{Figure, UnitClass};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{describe_range, display_span, figure_key, FigureIndex};
use crate::rules::restated::{judge, Restated, ThingMatch, Verdict};
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

    fn limits(&self, cx: &Context<'_>) -> Vec<String> {
        FigureIndex::new(cx).amount_limit().into_iter().collect()
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let ix = FigureIndex::new(cx);
        let restated = Restated::new(cx);
        let figures = &cx.claims.figures;
        let body_things: HashSet<String> = figures
            .iter()
            .filter(|b| b.part.is_body())
            .filter_map(figure_key)
            .map(|k| k.thing)
            .collect();
        for (i, f) in figures.iter().enumerate() {
            if !f.part.is_restatement() {
                continue;
            }
            // "one district", "the two sides", "under one roof": not claims.
            if f.value <= 2.0 {
                continue;
            }
            let Some(thing) = checkable(f) else { continue };
            let same_thing = matches!(&thing, Thing::Key(key) if body_things.contains(&key.thing));
            // A body figure for the same thing that disagrees is NUM001's case;
            // one with the same amount under another name supports it.
            // A body sentence that this one restates, with a figure for a
            // related thing, supports it or contradicts it (NUM001's case).
            let aligned = matches!(
                judge(&ix, &restated, i),
                Verdict::Supported
                    | Verdict::Conflict(_)
                    | Verdict::Unmatched(ThingMatch::Same | ThingMatch::Related)
            );
            let supported = same_thing
                || aligned
                || ix.body_amount_near(f)
                || !ix.amount_counterparts(i).is_empty();
            if supported {
                continue;
            }
            let part = match f.part {
                Part::Headline => "the headline",
                Part::KeyPoint(_) => "a key point",
                Part::Summary => "the summary",
                _ => "the FAQ",
            };
            let message = match (&thing, &f.key) {
                (Thing::Key(_), Some(key)) => format!(
                    "{part} says `{}` {key} but the body gives no figure for {key}",
                    f.text
                ),
                _ => format!("{part} says `{}` but the body gives no such amount", f.text),
            };
            out.push(
                Finding::new(&Self::META, message)
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

/// What a restated figure is checked by.
enum Thing {
    /// Its counted thing: the body must count the same thing.
    Key(crate::rules::figures::FigureKey),
    /// A sum of money or a percentage with no counted thing: distinctive
    /// enough that the body must give the same amount.
    Amount,
}

fn checkable(f: &Figure) -> Option<Thing> {
    if f.in_quote || f.hedge == crate::claims::Hedge::Vague {
        return None;
    }
    if let Some(key) = figure_key(f) {
        return Some(Thing::Key(key));
    }
    matches!(f.unit.class, UnitClass::Currency | UnitClass::Percent).then_some(Thing::Amount)
}
