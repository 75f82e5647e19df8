use std::collections::BTreeMap;

use crate::claims::{Figure, Hedge, UnitClass};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{
    amount_contexts, amount_counterparts, anchors_disagree, content_words, describe_range,
    different_subjects, digits_transposed, display_span, far_apart, figure_key, is_generic_thing,
    negated, ratio, time_anchor, unkeyed_body_match, FigureKey,
};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// Two figures for the same thing whose ranges cannot both hold.
    ///
    /// ## What it does
    /// Reads every figure as the range of true values its hedge allows
    /// ("nearly 400" is below 400, "over 400" is above it; a bare round
    /// "2,000" is roughly 1,800–2,200) and compares figures that count the
    /// same thing in the same unit, both as levels (or both as changes), with
    /// no different time or source anchor. It reports:
    ///
    /// * a figure in the headline, key points, summary or FAQ (or the lede)
    ///   that agrees with none of the body's figures for the same thing;
    /// * two figures in the body that cannot both be true.
    ///
    /// ## Why is this bad?
    /// A reader who sees "nearly 400 arrests" in the story and "over 400
    /// arrests" in the key points learns that one of them is wrong, and stops
    /// trusting both. This is the classic correction a copy desk exists to
    /// prevent.
    ///
    /// ## Example
    /// ```text
    /// The police department has made nearly 400 arrests.
    /// ...
    /// 4 | Over 400 arrests have occurred. |
    /// ```
    /// Not flagged: "more than 30 mayors" / "over 30 mayors" (same range),
    /// "about 2,000" / "2,000" (overlap), "2,000 deployed and another 2,000 to
    /// follow" (a change is not a level), "40 injured" / "12 hospitalised"
    /// (different things), a figure inside a quotation, figures anchored to
    /// different days or sources, two figures in one sentence.
    ///
    /// ## Known limits
    /// Figures are compared only when the extractor found the counted thing;
    /// vague quantities ("dozens") and soft caps ("up to") never trigger it
    /// alone. Two body figures are compared only when the counted thing is
    /// specific (not "people" or "residents"), since bodies often give the
    /// same generic noun for different groups.
    pub QuantityConflict, "NUM001", "quantity-conflict", Correctness
}

impl Rule for QuantityConflict {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for group in groups(&cx.claims.figures).values() {
            check_group(cx, group, out);
        }
        check_unkeyed_amounts(cx, out);
    }
}

/// Figures grouped by comparison key, in source order within each group.
pub(crate) fn groups(figures: &[Figure]) -> BTreeMap<FigureKey, Vec<&Figure>> {
    let mut groups: BTreeMap<FigureKey, Vec<&Figure>> = BTreeMap::new();
    for f in figures {
        if let Some(key) = figure_key(f) {
            groups.entry(key).or_default().push(f);
        }
    }
    groups
}

/// Whether two figures with the same key may be compared at all.
fn comparable(cx: &Context<'_>, a: &Figure, b: &Figure) -> bool {
    !anchors_disagree(a.anchor.as_deref(), b.anchor.as_deref())
        && a.sentence != b.sentence
        && a.hedge != Hedge::UpTo
        && b.hedge != Hedge::UpTo
        && !far_apart(a, b)
        && !negated(cx.source, a)
        && !negated(cx.source, b)
        && !different_subjects(cx, a, b)
}

fn conflict(cx: &Context<'_>, a: &Figure, b: &Figure) -> bool {
    comparable(cx, a, b)
        && !a
            .range
            .overlaps(&b.range, a.is_integral() && b.is_integral())
}

fn check_group(cx: &Context<'_>, group: &[&Figure], out: &mut Vec<Finding>) {
    let body: Vec<&Figure> = group.iter().copied().filter(|f| f.part.is_body()).collect();
    let restated: Vec<&Figure> = group
        .iter()
        .copied()
        .filter(|f| f.part.is_restatement())
        .collect();
    if body.is_empty() {
        // Nothing to check against: NUM002's case.
        return;
    }

    // 1. Restatements that agree with none of the body's figures they can be
    // compared with. When those carry different anchors (Saturday's arrests,
    // Sunday's arrests), an un-anchored restatement may be their total.
    let odd: Vec<&Figure> = restated
        .iter()
        .copied()
        .filter(|r| {
            let against: Vec<&Figure> = body
                .iter()
                .copied()
                .filter(|b| comparable(cx, r, b))
                .collect();
            // The times are read over every body figure for the thing, not
            // only the comparable ones: "900 meals on Tuesday and 1,500 on
            // Wednesday" makes "more than 2,000 meals" a possible total.
            let mixed = body.iter().any(|b| time_anchor(b) != time_anchor(body[0]));
            // A total is larger than each of its parts, and the parts show
            // as figures at different times or as an enumeration ("12 in
            // Texas and 3 in Oklahoma").
            let total_of_parts = against.iter().all(|b| r.value > b.value)
                && ((mixed && time_anchor(r).is_none())
                    || against.iter().any(|b| enumerated(&cx.claims.figures, b)));
            let maybe_other_figure = unkeyed_body_match(&cx.claims.figures, r);
            !against.is_empty()
                && !total_of_parts
                && !maybe_other_figure
                && against.iter().all(|b| conflict(cx, r, b))
        })
        .collect();
    if !odd.is_empty() {
        let contradicted: Vec<&Figure> = body
            .iter()
            .copied()
            .filter(|b| odd.iter().any(|o| conflict(cx, o, b)))
            .collect();
        report(cx, &contradicted, &odd, &restated, out);
    }

    // 2. Two body figures that cannot both hold.
    let specific = figure_key(group[0]).is_some_and(|k| !is_generic_thing(&k.thing));
    if !specific {
        return;
    }
    for (i, a) in body.iter().enumerate() {
        if let Some(b) = body[i + 1..]
            .iter()
            .find(|b| conflict(cx, a, b) && body_pair_is_one_fact(cx, a, b))
        {
            report(cx, &[a], &[b], &restated, out);
            return;
        }
    }
}

/// Sums of money and percentages with no counted thing, restated in the
/// headline, key points, summary or FAQ: compared with the body amounts
/// their sentence is clearly about (see [`amount_counterparts`]).
fn check_unkeyed_amounts(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let figures = &cx.claims.figures;
    let contexts = amount_contexts(cx);
    for (i, r) in figures.iter().enumerate() {
        if !r.part.is_restatement() {
            continue;
        }
        if r.key.is_some() && groups_has_body_figure(cx, r) {
            continue;
        }
        let against: Vec<&Figure> = amount_counterparts(cx.source, figures, &contexts, i)
            .into_iter()
            .map(|j| &figures[j])
            .filter(|b| comparable(cx, r, b))
            .collect();
        if !against.is_empty() && against.iter().all(|b| conflict(cx, r, b)) {
            report(cx, &against, &[r], &[], out);
        }
    }
}

/// The figure is one item of an enumeration: its sentence gives another
/// level of the same unit for the same thing or for no named thing ("900
/// meals on Monday and 1,400 on Tuesday", "12 people in Texas and 3 in
/// Oklahoma").
fn enumerated(figures: &[Figure], b: &Figure) -> bool {
    // Shares of different wholes do not add up to a total.
    if matches!(
        b.unit.class,
        UnitClass::Percent | UnitClass::PercentagePoints
    ) {
        return false;
    }
    let key = figure_key(b);
    figures.iter().any(|o| {
        !std::ptr::eq(o, b)
            && o.sentence == b.sentence
            && o.unit == b.unit
            && !o.change
            && !o.in_quote
            && (o.key.is_none() || figure_key(o) == key)
    })
}

/// Whether some body figure has the same comparison key as `r` (then the
/// keyed comparison in [`check_group`] decides).
fn groups_has_body_figure(cx: &Context<'_>, r: &Figure) -> bool {
    let key = figure_key(r);
    key.is_some()
        && cx
            .claims
            .figures
            .iter()
            .any(|b| b.part.is_body() && figure_key(b) == key)
}

/// Two body figures state one fact when one of them is in the lede (which
/// summarises the story), or when they sit in different paragraphs and their
/// sentences share at least two content words besides the counted thing.
/// Figures for one noun in one paragraph are usually a sequence ("won two of
/// their first three games ... lost four games").
fn body_pair_is_one_fact(cx: &Context<'_>, a: &Figure, b: &Figure) -> bool {
    // Stricter than for restatements: the body often gives several counts of
    // one noun (a part and its total, two places), so the two must be close
    // or a transposition of each other.
    if ratio(a, b) > 1.5 && !digits_transposed(a, b) {
        return false;
    }
    if a.part == crate::article::Part::Lede || b.part == crate::article::Part::Lede {
        return true;
    }
    let paragraph = |f: &Figure| {
        cx.article
            .blocks()
            .into_iter()
            .find(|blk| blk.span.contains(&f.span))
            .map(|blk| blk.span.start)
    };
    if paragraph(a) == paragraph(b) {
        return false;
    }
    let key_words = content_words(a.key.as_deref().unwrap_or(""));
    let wa = content_words(cx.source.slice(&a.sentence));
    let wb = content_words(cx.source.slice(&b.sentence));
    wa.intersection(&wb)
        .filter(|w| !key_words.contains(*w))
        .count()
        >= 2
}

/// One finding for one defect: `base` is what the odd figures contradict,
/// `odd` the figures that cannot hold with it; other restatements that agree
/// with `base` are named too, so the editor sees every copy.
fn report(
    cx: &Context<'_>,
    base: &[&Figure],
    odd: &[&Figure],
    restated: &[&Figure],
    out: &mut Vec<Finding>,
) {
    let (Some(first_base), Some(first_odd)) = (base.first(), odd.first()) else {
        return;
    };
    let thing = first_odd
        .key
        .as_deref()
        .map(|k| format!(" {k}"))
        .unwrap_or_default();
    let message = format!(
        "{} `{}`{thing} but the {} `{}`",
        first_odd.part.role(),
        first_odd.text,
        first_base.part.role(),
        first_base.text
    );
    let what = first_odd.key.as_deref().unwrap_or("this amount");
    let mut finding = Finding::new(&QuantityConflict::META, message).help(format!(
        "make the figures for {what} agree, or say why they differ (a different time, place or source)"
    ));
    let agreeing = restated.iter().filter(|f| {
        base.iter()
            .any(|b| comparable(cx, f, b) && !conflict(cx, f, b))
    });
    let mut labelled: Vec<&Figure> = base.iter().chain(odd).chain(agreeing).copied().collect();
    labelled.sort_by_key(|f| (f.span.start, f.span.end));
    labelled.dedup_by_key(|f| (f.span.start, f.span.end));
    for f in labelled {
        let role = format!("{} {}", f.part.role(), describe_range(f));
        finding = finding.label(display_span(cx.source, f), f.part, role);
    }
    out.push(finding);
}
