use crate::claims::{Figure, Hedge, UnitClass};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::figures::{by_sentence, describe_range, display_span};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// Shares of one whole that add up to more than 100%.
    ///
    /// ## What it does
    /// Adds up the percentages listed together in one sentence as shares of
    /// one whole ("52% voted yes, 41% voted no and 12% were undecided"). When
    /// even the smallest values they allow exceed 100%, it reports them.
    ///
    /// ## Why is this bad?
    /// Mutually exclusive shares cannot add up to more than the whole; one of
    /// the figures is wrong.
    ///
    /// ## Example
    /// ```text
    /// In the poll, 52% backed the measure, 41% opposed it and 12% were undecided.
    /// ```
    /// Not flagged: shares that add up to 100% or less (with rounding: three
    /// shares each rounded to 1% may add up to 101%); changes ("up 12%");
    /// percentage points; shares of different groups ("41% of parents and 62%
    /// of teachers"); questions that allow several answers ("could choose more
    /// than one").
    ///
    /// ## Known limits
    /// Pedantic (off unless selected): a sentence can list shares of
    /// different wholes without naming them, and the rule cannot always tell.
    pub SharesOverHundred, "NUM004", "shares-over-hundred", Pedantic
}

impl Rule for SharesOverHundred {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for sentence in by_sentence(&cx.claims.figures) {
            check_sentence(cx, sentence, out);
        }
    }
}

fn check_sentence(cx: &Context<'_>, figs: &[Figure], out: &mut Vec<Finding>) {
    let Some(first) = figs.first() else { return };
    let text = cx.source.slice(&first.sentence).to_lowercase();
    const SEVERAL_ANSWERS: &[&str] = &[
        "more than one",
        "multiple",
        "several answers",
        "each of",
        "up from",
        "down from",
        "compared with",
        "compared to",
        "from ",
    ];
    if SEVERAL_ANSWERS.iter().any(|w| text.contains(w)) {
        return;
    }
    let shares: Vec<&Figure> = figs
        .iter()
        .filter(|f| f.unit.class == UnitClass::Percent && !f.change && !f.in_quote)
        .collect();
    if shares.len() < 2
        || shares.len()
            != figs
                .iter()
                .filter(|f| f.unit.class == UnitClass::Percent)
                .count()
    {
        return;
    }
    // Shares of one whole: the same counted thing on every share, or none.
    let key = &shares[0].key;
    if !shares.iter().all(|f| &f.key == key) {
        return;
    }
    if shares
        .iter()
        .any(|f| !matches!(f.hedge, Hedge::None | Hedge::AtLeast | Hedge::MoreThan))
    {
        return;
    }
    let min_sum: f64 = shares.iter().map(|f| f.range.low.value).sum();
    if min_sum <= 100.0 {
        return;
    }
    let listed = shares
        .iter()
        .map(|f| format!("`{}`", f.text))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut finding = Finding::new(
        &SharesOverHundred::META,
        format!("the shares {listed} add up to more than 100%",),
    )
    .help("check each share; if several answers were allowed, say so");
    for f in shares {
        finding = finding.label(
            display_span(cx.source, f),
            f.part,
            format!("share: {}", describe_range(f)),
        );
    }
    out.push(finding);
}
