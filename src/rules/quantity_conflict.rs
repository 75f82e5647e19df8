use std::collections::{BTreeMap, HashSet};

use crate::claims::{Figure, Hedge};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{
    content_words, describe_range, display_span, figure_key, is_generic_thing, ratio, time_anchor,
    FigureIndex, FigureKey,
};
use crate::rules::restated::{judge, Restated, Verdict};
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
    /// Restatements are first checked against the body sentences they
    /// restate (`claims` JSON `alignments`: a tf-idf overlap of lemmas, per
    /// sentence and per figure clause). There the counted thing may be named
    /// another way: "eleven inmates have died" / "14 inmate deaths" (a verb
    /// and its noun, from WordNet), "dockworkers" / "workers" (a compound or
    /// a kind), or not at all. A restated figure is reported when no aligned
    /// figure agrees with it and one is a rewrite's slip of it (the same
    /// number with the hedge on the other side, transposed digits, another
    /// scale word) or a value within 1.5× for the same or an overlapping
    /// thing. Support counts too when it is implied: a share of two figures
    /// of the sentence ("36 of 50" → 72%), a difference, a relative change.
    /// Thresholds ("needed 120,000 signatures"), changes ("rose 18% to
    /// 108,000") and levels are compared only with their own kind. The body
    /// label says which sentence was compared.
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
    /// specific (not "people" or "residents"), the values are within 1.5× of
    /// each other (or a transposition) and not both below ten, since bodies
    /// often give one noun for different groups. Figures more than twice
    /// apart are not compared unless their digits are transposed; a
    /// restatement larger than each item of an enumeration may be their total
    /// and is left alone; a thing counted more than 200 times in the body is
    /// skipped. The alignment reads at most 64 figures per sentence and per
    /// stated number, and skips words found in more than 256 body sentences
    /// (they weigh nearly nothing), so a table-sized article stays linear.
    ///
    /// Measured on 2026-12-04 (`score.py` over `shared/corpus`), before → after
    /// the aligned comparison and the date and name work of the same day:
    /// dev-real recall 34% → 73%, false findings 0.42 → 0.12 per article;
    /// dev-synth 33% → 67%, 0.78 → 0.11; a blind set written that day and
    /// measured before anyone tuning had read it, 42% → 64%, 0.58 → 0.33.
    /// The guard that lets only a candidate aligned at least as well as the
    /// counterpart outweigh it (and the exact-number support anywhere in
    /// the body) removed 6 false findings on the dev sets for no lost hit.
    pub QuantityConflict, "NUM001", "quantity-conflict", Correctness
}

impl Rule for QuantityConflict {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let ix = FigureIndex::new(cx);
        // Restatements are judged first against the body sentences they
        // restate; the ones judged there (supported or contradicted) are
        // not judged again by the keyed comparison below.
        let judged = check_aligned(&ix, out);
        for group in groups(&cx.claims.figures).values() {
            check_group(&ix, group, &judged, out);
        }
        check_unkeyed_amounts(&ix, &judged, out);
    }

    fn limits(&self, cx: &Context<'_>) -> Vec<String> {
        let mut notes: Vec<String> = groups(&cx.claims.figures)
            .iter()
            .filter_map(|(key, group)| {
                let body = group.iter().filter(|f| f.part.is_body()).count();
                (body > MAX_GROUP).then(|| {
                    format!(
                        "{body} body figures for `{}` (more than {MAX_GROUP}): they were not compared",
                        key.thing
                    )
                })
            })
            .collect();
        notes.extend(FigureIndex::new(cx).amount_limit());
        notes
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

/// Above this many body figures for one thing, the body is a list or a
/// table of that thing, not a story that states it; the group is skipped so
/// that the rule stays linear on such input.
const MAX_GROUP: usize = 200;

/// Whether two figures with the same key may be compared at all.
fn comparable(ix: &FigureIndex<'_, '_>, a: &Figure, b: &Figure) -> bool {
    !ix.anchors_disagree(a, b)
        && a.sentence != b.sentence
        && a.hedge != Hedge::UpTo
        && b.hedge != Hedge::UpTo
        && !ix.far_apart(a, b)
        && !ix.negated(a)
        && !ix.negated(b)
        && !ix.different_subjects(a, b)
}

fn conflict(ix: &FigureIndex<'_, '_>, a: &Figure, b: &Figure) -> bool {
    comparable(ix, a, b)
        && !a
            .range
            .overlaps(&b.range, a.is_integral() && b.is_integral())
}

fn check_group(
    ix: &FigureIndex<'_, '_>,
    group: &[&Figure],
    judged: &HashSet<usize>,
    out: &mut Vec<Finding>,
) {
    let body: Vec<&Figure> = group.iter().copied().filter(|f| f.part.is_body()).collect();
    if body.len() > MAX_GROUP {
        return;
    }
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
        .filter(|r| !judged.contains(&r.span.start))
        .filter(|r| {
            let against: Vec<&Figure> = body
                .iter()
                .copied()
                .filter(|b| comparable(ix, r, b))
                .collect();
            // The times are read over every body figure for the thing, not
            // only the comparable ones: "900 meals on Tuesday and 1,500 on
            // Wednesday" makes "more than 2,000 meals" a possible total.
            // Two figures at two named times, or a timed and an untimed
            // one that differ, may be parts; the same value stated once with
            // its day and once without ("on Friday approved $340 million
            // ..." / "will issue $340 million") is one fact.
            let mixed = body.iter().any(|b| {
                let (tb, t0) = (time_anchor(b), time_anchor(body[0]));
                tb != t0 && ((tb.is_some() && t0.is_some()) || b.value != body[0].value)
            });
            // A total is larger than each of its parts, and the parts show
            // as figures at different times or as an enumeration ("12 in
            // Texas and 3 in Oklahoma").
            let total_of_parts = against.iter().all(|b| r.value > b.value)
                && ((mixed && time_anchor(r).is_none())
                    || against.iter().any(|b| ix.enumerated(b)));
            let maybe_other_figure = ix.unkeyed_body_match(r);
            !against.is_empty()
                && !total_of_parts
                && !maybe_other_figure
                && against.iter().all(|b| conflict(ix, r, b))
        })
        .collect();
    if !odd.is_empty() {
        let contradicted: Vec<&Figure> = body
            .iter()
            .copied()
            .filter(|b| odd.iter().any(|o| conflict(ix, o, b)))
            .collect();
        report(ix, &contradicted, &odd, &restated, out);
    }

    // 2. Two body figures that cannot both hold.
    let specific = figure_key(group[0]).is_some_and(|k| !is_generic_thing(&k.thing));
    if !specific {
        return;
    }
    for (i, a) in body.iter().enumerate() {
        if let Some(b) = body[i + 1..]
            .iter()
            .filter(|b| !judged.contains(&a.span.start) && !judged.contains(&b.span.start))
            .find(|b| conflict(ix, a, b) && body_pair_is_one_fact(ix, a, b))
        {
            report(ix, &[a], &[b], &restated, out);
            return;
        }
    }
}

/// Sums of money and percentages with no counted thing, restated in the
/// headline, key points, summary or FAQ: compared with the body amounts
/// their sentence is clearly about (see [`FigureIndex::amount_counterparts`]).
/// A restatement whose counted thing the body also counts is left to the
/// keyed comparison in [`check_group`].
fn check_unkeyed_amounts(
    ix: &FigureIndex<'_, '_>,
    judged: &HashSet<usize>,
    out: &mut Vec<Finding>,
) {
    let figures = &ix.cx.claims.figures;
    let body_keys: HashSet<FigureKey> = figures
        .iter()
        .filter(|b| b.part.is_body())
        .filter_map(figure_key)
        .collect();
    for (i, r) in figures.iter().enumerate() {
        if !r.part.is_restatement()
            || judged.contains(&r.span.start)
            || figure_key(r).is_some_and(|k| body_keys.contains(&k))
        {
            continue;
        }
        let against: Vec<&Figure> = ix
            .amount_counterparts(i)
            .into_iter()
            .filter_map(|j| figures.get(j))
            .filter(|b| comparable(ix, r, b))
            .collect();
        if !against.is_empty() && against.iter().all(|b| conflict(ix, r, b)) {
            report(ix, &against, &[r], &[], out);
        }
    }
}

/// Two body figures state one fact when one of them is in the lede (which
/// summarises the story), or when they sit in different paragraphs and their
/// sentences share at least two content words besides the counted thing.
/// Figures for one noun in one paragraph are usually a sequence ("won two of
/// their first three games ... lost four games").
fn body_pair_is_one_fact(ix: &FigureIndex<'_, '_>, a: &Figure, b: &Figure) -> bool {
    // Stricter than for restatements: the body often gives several counts of
    // one noun (a part and its total, two places), so the two must be close
    // or a transposition of each other.
    if ratio(a, b) > 1.5 && !ix.digits_transposed(a, b) {
        return false;
    }
    // Small counts in a story are nearly always different sets ("two
    // bedrooms" and "three-bedroom units", "five numbers" and "six").
    if a.value.min(b.value) < 10.0 && a.unit.class == crate::claims::UnitClass::Count {
        return false;
    }
    // The lede summarises the sections; two lede figures are one fact only
    // as any two paragraphs are (an article with no sections is all lede).
    let lede = |f: &Figure| f.part == crate::article::Part::Lede;
    if lede(a) != lede(b) {
        return true;
    }
    let paragraph = |f: &Figure| ix.block_of(&f.span);
    if paragraph(a) == paragraph(b) {
        return false;
    }
    let key_words = content_words(a.key.as_deref().unwrap_or(""));
    let wa = content_words(ix.cx.source.slice(&a.sentence));
    let wb = content_words(ix.cx.source.slice(&b.sentence));
    wa.intersection(&wb)
        .filter(|w| !key_words.contains(*w))
        .count()
        >= 2
}

/// One finding for one defect: `base` is what the odd figures contradict,
/// `odd` the figures that cannot hold with it; other restatements that agree
/// with `base` are named too, so the editor sees every copy.
fn report(
    ix: &FigureIndex<'_, '_>,
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
            .any(|b| comparable(ix, f, b) && !conflict(ix, f, b))
    });
    let mut labelled: Vec<&Figure> = base.iter().chain(odd).chain(agreeing).copied().collect();
    labelled.sort_by_key(|f| (f.span.start, f.span.end));
    labelled.dedup_by_key(|f| (f.span.start, f.span.end));
    for f in labelled {
        let role = format!("{} {}", f.part.role(), describe_range(f));
        finding = finding.label(display_span(ix.cx.source, f), f.part, role);
    }
    out.push(finding);
}

/// Restated figures (headline, lede, key points, summary, FAQ) checked
/// against the figures of the body sentences they restate, however the
/// counted thing is named there (see [`crate::rules::restated`]). A
/// restated figure is reported when no candidate of a compatible thing
/// agrees with it and one disagrees in a way a rewrite goes wrong: the same
/// number with a flipped hedge, transposed digits or another scale, or a
/// nearby value for the same or an overlapping thing.
fn check_aligned(ix: &FigureIndex<'_, '_>, out: &mut Vec<Finding>) -> HashSet<usize> {
    let figures = &ix.cx.claims.figures;
    let restated = Restated::new(ix.cx);
    let mut judged = HashSet::new();
    for (i, r) in figures.iter().enumerate() {
        if !restated.checks(i) {
            continue;
        }
        let v = judge(ix, &restated, i);
        match v {
            Verdict::Conflict(b) => {
                if let Some(b) = figures.get(b) {
                    judged.insert(r.span.start);
                    judged.insert(b.span.start);
                    report_aligned(ix, &restated, b, r, out);
                }
            }
            // Candidates for the same or an overlapping thing were found
            // and none is a counterpart: the aligned sentences speak for
            // the body, and the keyed comparison, which cannot see them, is
            // not asked again. With candidates only for unknown things, it
            // still is.
            Verdict::Supported => {
                judged.insert(r.span.start);
            }
            Verdict::NoCandidates | Verdict::Unmatched(_) => {}
        }
    }
    judged
}

/// One finding for a restated figure and the body figure of the sentence it
/// restates; the body's label says why the two were compared.
fn report_aligned(
    ix: &FigureIndex<'_, '_>,
    restated: &Restated<'_, '_>,
    base: &Figure,
    odd: &Figure,
    out: &mut Vec<Finding>,
) {
    let thing = odd
        .key
        .as_deref()
        .or(base.key.as_deref())
        .map(|k| format!(" {k}"))
        .unwrap_or_default();
    let message = format!(
        "{} `{}`{thing} but the {} `{}`",
        odd.part.role(),
        odd.text,
        base.part.role(),
        base.text
    );
    let what = odd
        .key
        .as_deref()
        .or(base.key.as_deref())
        .unwrap_or("this amount");
    let finding = Finding::new(&QuantityConflict::META, message).help(format!(
        "make the figures for {what} agree, or say why they differ (a different time, place or source)"
    ));
    let restates = odd.part.label();
    let labels = [
        (
            base,
            format!(
                "{} {}, in the sentence the {restates} restates",
                base.part.role(),
                describe_range(base)
            ),
        ),
        (odd, format!("{} {}", odd.part.role(), describe_range(odd))),
    ];
    // Other places where the body states the counterpart's number for the
    // same unit (the lede and a section often both do) are named too.
    let w = 1e-9 * base.value.abs().max(1.0);
    let near = restated.body_numbers(base.value - w, base.value + w);
    let copies = near.iter().map(|&(_, f)| f).filter(|f| {
        f.part.is_body()
            && !std::ptr::eq(*f, base)
            && f.unit == base.unit
            && f.change == base.change
            && !f.in_quote
            && f.value == base.value
            && f.value_high == base.value_high
    });
    let mut labels: Vec<(&Figure, String)> = labels.into_iter().collect();
    labels.extend(
        copies
            .take(3)
            .map(|f| (f, format!("{} {}", f.part.role(), describe_range(f)))),
    );
    // Other restatements that agree with the body are named too, so the
    // editor sees every copy.
    let agreeing = near.iter().map(|&(_, f)| f).filter(|f| {
        f.part.is_restatement()
            && !std::ptr::eq(*f, odd)
            && !f.in_quote
            && f.unit == base.unit
            && f.change == base.change
            && base
                .range
                .overlaps(&f.range, base.is_integral() && f.is_integral())
    });
    labels.extend(
        agreeing
            .take(3)
            .map(|f| (f, format!("{} {}", f.part.role(), describe_range(f)))),
    );
    labels.sort_by_key(|(f, _)| (f.span.start, f.span.end));
    labels.dedup_by_key(|(f, _)| (f.span.start, f.span.end));
    let finding = labels.into_iter().fold(finding, |acc, (f, role)| {
        acc.label(display_span(ix.cx.source, f), f.part, role)
    });
    out.push(finding);
}
