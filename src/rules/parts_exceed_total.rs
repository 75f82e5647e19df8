use crate::claims::{Figure, Hedge, UnitClass};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{by_sentence, describe_range, display_span, fmt_amount};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// Stated parts that add up to more than the total they belong to.
    ///
    /// ## What it does
    /// Looks for a total followed in the same sentence by its parts: "40
    /// people were injured, including 25 officers and 20 protesters", "Of the
    /// 40 people injured, 25 were officers and 20 protesters". When even the
    /// smallest values the parts allow add up to more than the largest value
    /// the total allows, it reports the total and every part.
    ///
    /// ## Why is this bad?
    /// Parts that cannot fit in their total mean one of the numbers is wrong,
    /// and a reader who does the sum sees it at once.
    ///
    /// ## Example
    /// ```text
    /// Forty people were injured, including 31 officers and 17 protesters.
    /// ```
    /// Not flagged: "40 injured, including 25 officers and 12 protesters"
    /// (37 fits in 40); "2,000 deployed and another 2,000 to follow" (a
    /// change is not a part); "about 40 injured, including 22 officers and 21
    /// protesters" (about 40 allows 43).
    ///
    /// ## Known limits
    /// Pedantic (off unless selected) until its precision is measured on a
    /// larger corpus. Only parts written in the same sentence as the total,
    /// after "including", "of whom", "among them" or an opening "Of the N",
    /// are summed; parts that overlap ("25 officers and 10 women") would be
    /// double-counted, which is why it stays off by default.
    pub PartsExceedTotal, "NUM003", "parts-exceed-total", Pedantic
}

impl Rule for PartsExceedTotal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for sentence in by_sentence(&cx.claims.figures) {
            let in_sentence: Vec<&Figure> = sentence.iter().collect();
            if let Some((total, parts)) = total_and_parts(cx, &in_sentence) {
                report(cx, total, &parts, out);
            }
        }
    }
}

/// Words after a total that introduce its parts.
const PART_MARKERS: &[&str] = &[
    "including",
    "of whom",
    "among them",
    "of them",
    "among whom",
];

fn usable(f: &Figure) -> bool {
    f.unit.class == UnitClass::Count
        && !f.change
        && !f.in_quote
        && !matches!(f.hedge, Hedge::Vague | Hedge::UpTo)
}

/// The total and its parts in one sentence, when the sentence has that shape.
fn total_and_parts<'a>(
    cx: &Context<'_>,
    figs: &[&'a Figure],
) -> Option<(&'a Figure, Vec<&'a Figure>)> {
    let first = figs.first()?;
    let sentence_text = cx.source.slice(&first.sentence).to_lowercase();
    let sentence_start = first.sentence.start;
    // "Of the 40 people injured, 25 were officers and 20 protesters."
    let opens_with_of = sentence_text.starts_with("of the ")
        && first.span.start.saturating_sub(sentence_start) <= "of the ".len();
    let (total_idx, after) = if opens_with_of {
        (0, first.span.end)
    } else {
        // A total, then a marker, then the parts.
        let marker_at = PART_MARKERS
            .iter()
            .filter_map(|m| sentence_text.find(m).map(|p| sentence_start + p))
            .min()?;
        let total_idx = figs.iter().rposition(|f| f.span.end <= marker_at)?;
        (total_idx, marker_at)
    };
    let total = figs[total_idx];
    if !usable(total) {
        return None;
    }
    let parts: Vec<&Figure> = figs
        .iter()
        .copied()
        .filter(|f| f.span.start >= after && !std::ptr::eq(*f, total))
        .collect();
    if parts.len() < 2 || !parts.iter().all(|f| usable(f)) {
        return None;
    }
    Some((total, parts))
}

fn report(cx: &Context<'_>, total: &Figure, parts: &[&Figure], out: &mut Vec<Finding>) {
    let min_sum: f64 = parts.iter().map(|p| min_value(p)).sum();
    let Some(max_total) = total.range.high.map(|h| h.value) else {
        return;
    };
    if min_sum <= max_total {
        return;
    }
    let listed = parts
        .iter()
        .map(|p| format!("`{}`", p.text))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut finding = Finding::new(
        &PartsExceedTotal::META,
        format!(
            "the parts {listed} add up to at least {} but the total is `{}`",
            fmt_amount(total, min_sum),
            total.text
        ),
    )
    .help("check the total and each part")
    .label(
        display_span(cx.source, total),
        total.part,
        format!("total: {}", describe_range(total)),
    );
    for p in parts {
        finding = finding.label(
            display_span(cx.source, p),
            p.part,
            format!("part: {}", describe_range(p)),
        );
    }
    out.push(finding);
}

/// The smallest whole value a part allows.
fn min_value(f: &Figure) -> f64 {
    if f.range.low.inclusive {
        f.range.low.value.ceil()
    } else {
        f.range.low.value.floor() + 1.0
    }
}
