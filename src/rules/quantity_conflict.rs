use std::collections::BTreeMap;

use crate::claims::{Figure, Hedge};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{
    describe_range, display_span, figure_key, is_generic_thing, FigureKey,
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

/// Whether two figures may be compared at all once their keys agree.
fn comparable(a: &Figure, b: &Figure) -> bool {
    let anchors_agree = match (&a.anchor, &b.anchor) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    anchors_agree && a.sentence != b.sentence && a.hedge != Hedge::UpTo && b.hedge != Hedge::UpTo
}

fn conflict(a: &Figure, b: &Figure) -> bool {
    comparable(a, b)
        && !a
            .range
            .overlaps(&b.range, a.is_integral() && b.is_integral())
}

/// Is this figure one of the reporter's own statements in the story body
/// (sections)? The lede is checked against the sections like a restatement.
fn in_sections(f: &Figure) -> bool {
    matches!(f.part, crate::article::Part::Section(_))
}

fn check_group(cx: &Context<'_>, group: &[&Figure], out: &mut Vec<Finding>) {
    let body: Vec<&Figure> = group.iter().copied().filter(|f| in_sections(f)).collect();
    let others: Vec<&Figure> = group.iter().copied().filter(|f| !in_sections(f)).collect();
    // Body figures with different anchors are likely parts (Saturday's
    // arrests, Sunday's arrests); an un-anchored restatement may be their total.
    let mixed_anchors = body.iter().any(|f| f.anchor != body[0].anchor);

    // 1. Restatements that agree with none of the body's figures.
    let mut odd: Vec<&Figure> = Vec::new();
    if !body.is_empty() {
        for r in &others {
            if mixed_anchors && r.anchor.is_none() {
                continue;
            }
            let against: Vec<&&Figure> = body.iter().filter(|b| comparable(r, b)).collect();
            if !against.is_empty() && against.iter().all(|b| conflict(r, b)) {
                odd.push(r);
            }
        }
    } else {
        // No body figure: restatements that contradict each other.
        if let Some(first) = others.first() {
            if others.iter().skip(1).any(|o| conflict(first, o)) {
                odd.extend(others.iter().skip(1).filter(|o| conflict(first, o)));
                report(cx, &[first], &odd, &others, out);
            }
        }
        return;
    }
    if !odd.is_empty() {
        // The body figures the odd ones contradict.
        let contradicted: Vec<&Figure> = body
            .iter()
            .copied()
            .filter(|b| odd.iter().any(|o| conflict(o, b)))
            .collect();
        report(cx, &contradicted, &odd, &others, out);
    }

    // 2. Two body figures that cannot both hold.
    let thing_is_specific = group
        .first()
        .and_then(|f| figure_key(f))
        .is_some_and(|k| !is_generic_thing(&k.thing));
    if !thing_is_specific || mixed_anchors {
        return;
    }
    for (i, a) in body.iter().enumerate() {
        if let Some(b) = body[i + 1..].iter().find(|b| conflict(a, b)) {
            report(cx, &[a], &[b], &[], out);
            return;
        }
    }
}

/// One finding for one defect: `base` is what the odd figures contradict,
/// `odd` the figures that cannot hold with it; other restatements that agree
/// with `base` are named too, so the editor sees every copy.
fn report(
    cx: &Context<'_>,
    base: &[&Figure],
    odd: &[&Figure],
    restatements: &[&Figure],
    out: &mut Vec<Finding>,
) {
    let (Some(first_base), Some(first_odd)) = (base.first(), odd.first()) else {
        return;
    };
    let thing = first_odd.key.clone().unwrap_or_default();
    let message = format!(
        "{} `{}` {thing} but the {} `{}`",
        first_odd.part.role(),
        first_odd.text,
        first_base.part.role(),
        first_base.text
    );
    let mut finding = Finding::new(&QuantityConflict::META, message).help(format!(
        "make the figures for {thing} agree, or say why they differ (a different time, place or source)"
    ));
    let mut labelled: Vec<&Figure> = Vec::new();
    for f in base.iter().chain(odd) {
        if !labelled.iter().any(|l| std::ptr::eq(*l, *f)) {
            labelled.push(f);
        }
    }
    for f in restatements {
        let agrees =
            base.iter().any(|b| !conflict(f, b)) && !odd.iter().any(|o| std::ptr::eq(*o, *f));
        if agrees && !labelled.iter().any(|l| std::ptr::eq(*l, *f)) {
            labelled.push(f);
        }
    }
    labelled.sort_by_key(|f| f.span.start);
    for f in labelled {
        let role = format!("{} {}", f.part.role(), describe_range(f));
        finding = finding.label(display_span(cx.source, f), f.part, role);
    }
    out.push(finding);
}
