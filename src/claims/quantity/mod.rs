//! Figures: numbers with their hedges, units and counted things.
//!
//! A figure is read as the range of true values that would make the sentence
//! honest (see `shared/HEDGES.md` and the README). Two figures contradict each
//! other only when their ranges cannot overlap.

mod key;
mod lex;
mod number;
mod scan;
mod tokens;

use serde::Serialize;

use crate::article::{Block, Part};
use crate::claims::text;
use crate::source::{SourceFile, Span};

pub use key::{compare_key, same_thing};

/// How a figure is hedged. Serialised in kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// A bare number: precise, or approximate when round.
    None,
    /// about, around, roughly, approximately, some, an estimated, close to
    About,
    /// nearly, almost, just shy of: below N, N excluded
    Nearly,
    /// just under N
    JustUnder,
    /// just over N
    JustOver,
    /// more than, over, above, upwards of, in excess of, well over
    MoreThan,
    /// at least, no fewer than, a minimum of
    AtLeast,
    /// fewer than, less than, under, below
    LessThan,
    /// at most, no more than, a maximum of
    AtMost,
    /// up to, as many as: a soft upper bound
    UpTo,
    /// between A and B, A-B, A to B
    Between,
    /// dozens, hundreds, a handful, several, a few
    Vague,
}

/// One end of a [`Range`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// The set of true values a figure allows. `high: None` is unbounded above.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: Bound,
    pub high: Option<Bound>,
}

impl Range {
    pub fn closed(low: f64, high: f64) -> Self {
        Range {
            low: Bound {
                value: low,
                inclusive: true,
            },
            high: Some(Bound {
                value: high,
                inclusive: true,
            }),
        }
    }

    /// True when some value lies in both ranges. With `integral`, only whole
    /// numbers count as values (for counts of people, arrests, ...), so
    /// `(400, ∞)` and `[400, 401)` do not overlap.
    pub fn overlaps(&self, other: &Range, integral: bool) -> bool {
        let (lo, hi) = match (self.tighten(integral), other.tighten(integral)) {
            (Some(a), Some(b)) => (a, b),
            _ => return false,
        };
        let low = lo.0.max(hi.0);
        let high = match (lo.1, hi.1) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (Some(a), None) | (None, Some(a)) => Some(a),
            (None, None) => None,
        };
        high.is_none_or(|h| low <= h)
    }

    /// The range as closed `[low, high]` bounds, after rounding open ends
    /// inward to whole numbers when `integral`. `None` when empty.
    fn tighten(&self, integral: bool) -> Option<(f64, Option<f64>)> {
        const EPS: f64 = 1e-9;
        let low = if integral {
            if self.low.inclusive {
                self.low.value.ceil()
            } else {
                self.low.value.floor() + 1.0
            }
        } else if self.low.inclusive {
            self.low.value
        } else {
            self.low.value + EPS * self.low.value.abs().max(1.0)
        };
        let high = self.high.map(|h| {
            if integral {
                if h.inclusive {
                    h.value.floor()
                } else {
                    h.value.ceil() - 1.0
                }
            } else if h.inclusive {
                h.value
            } else {
                h.value - EPS * h.value.abs().max(1.0)
            }
        });
        match high {
            Some(h) if h < low => None,
            _ => Some((low, high)),
        }
    }

    /// Interval notation: `[320, 400)`, `(400, ∞)`.
    pub fn notation(&self) -> String {
        let l = if self.low.inclusive { '[' } else { '(' };
        match self.high {
            Some(h) => format!(
                "{l}{}, {}{}",
                fmt_num(self.low.value),
                fmt_num(h.value),
                if h.inclusive { ']' } else { ')' }
            ),
            None => format!("{l}{}, ∞)", fmt_num(self.low.value)),
        }
    }
}

/// A number for humans: no trailing `.0`, thousands separators.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitClass {
    Count,
    Percent,
    PercentagePoints,
    Currency,
    Length,
    Area,
    Speed,
    Duration,
    Mass,
    Volume,
    Temperature,
    Other,
}

/// A unit class plus, where it matters, the unit itself: an ISO currency code
/// (`USD`), a length unit (`km`), a duration unit (`year`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Unit {
    pub class: UnitClass,
    pub code: Option<String>,
}

impl Unit {
    pub fn count() -> Self {
        Unit {
            class: UnitClass::Count,
            code: None,
        }
    }
}

/// A figure in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Exact source text of the hedge, number and unit: `nearly 400`,
    /// `$3.5 billion`, `40 percent`.
    pub text: String,
    pub span: Span,
    pub part: Part,
    /// The stated value (the lower one for a range such as "300 to 400").
    pub value: f64,
    /// The upper stated value of a range ("between 300 and 400"), else null.
    pub value_high: Option<f64>,
    pub hedge: Hedge,
    pub range: Range,
    pub unit: Unit,
    /// The counted thing, normalised (`arrests`, `national guard soldiers`),
    /// or null when the extractor could not tell what is counted.
    pub key: Option<String>,
    /// Where the counted thing is written, when it is.
    pub key_span: Option<Span>,
    /// True for a change rather than a level: "another 2,000", "up 12%".
    pub change: bool,
    /// A time or source anchor of the clause: "in 2024", "on tuesday",
    /// "police say".
    pub anchor: Option<String>,
    /// True when the figure sits inside a direct quotation.
    pub in_quote: bool,
    /// The sentence the figure is in.
    pub sentence: Span,
    /// The verbs the figure is the subject or object of, as lemmas
    /// ("eleven inmates have died" → `die`): a counted thing named as an
    /// event ("14 inmate deaths") matches them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verbs: Vec<String>,
    /// True for a requirement, target or limit ("needed 120,000
    /// signatures", "a 95% target"), not an amount that happened.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub threshold: bool,
}

impl Figure {
    /// Whether the value counts whole things (people, arrests).
    pub fn is_integral(&self) -> bool {
        self.unit.class == UnitClass::Count && self.value.fract() == 0.0
    }
}

/// A score or vote tally written "6-3": its own kind, never a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub text: String,
    pub span: Span,
    pub part: Part,
    pub values: Vec<u64>,
}

/// Extract figures and tallies from prose blocks, in source order.
///
/// Linear in the size of the blocks: one tokenizer pass, a bounded look
/// around each number, and one anchor regex pass per block.
pub fn extract(source: &SourceFile, blocks: &[Block<'_>]) -> (Vec<Figure>, Vec<Tally>) {
    let mut figures = Vec::new();
    let mut tallies = Vec::new();
    for block in blocks {
        extract_block(source, block, &mut figures, &mut tallies);
    }
    (figures, tallies)
}

fn extract_block(
    source: &SourceFile,
    block: &Block<'_>,
    figures: &mut Vec<Figure>,
    tallies: &mut Vec<Tally>,
) {
    let (norm, map) = text::normalize_with_offsets(block.text);
    let lower = norm.to_ascii_lowercase();
    let toks = tokens::tokenize(&norm, &lower);
    // Sentences and anchors cost a pass each: only for blocks with figures.
    let mut sentences = Sentences::new(&norm);
    let base = block.span.start;
    let abs = |norm_off: usize| base + map.get(norm_off);
    let mut i = 0;
    let mut floor = 0;
    // Spans cost a line lookup; figures of one sentence share its span.
    let mut sent_cache: Option<(std::ops::Range<usize>, Span)> = None;
    let first_figure = figures.len();
    let mut places = Vec::new();
    while i < toks.len() {
        match scan::at(&toks, i, floor) {
            scan::Outcome::Figure(f) => {
                let (Some(first), Some(last)) =
                    (toks.get(f.start), toks.get(f.end.saturating_sub(1)))
                else {
                    i += 1;
                    continue;
                };
                let (a, b) = (first.start, last.end);
                // A figure lies inside its sentence, even one that a hard
                // break or a terminator splits ("3.\n5 million").
                let sent = sentences
                    .at(a)
                    .filter(|s| s.start <= a)
                    .map_or(a..b, |s| s.start..s.end.max(b));
                let sent_floor = toks.partition_point(|t| t.start < sent.start).max(floor);
                let hit = key::after(&toks, &f).or_else(|| key::before(&toks, f.start, sent_floor));
                let change = key::is_change(&toks, &f, sent_floor);
                let span = source.span(abs(a), abs(b));
                let phrase_end = hit
                    .as_ref()
                    .filter(|h| h.start >= f.start)
                    .and_then(|h| toks.get(h.end.checked_sub(1)?))
                    .map_or(b, |t| t.end.max(b));
                places.push(key::Place {
                    start: a,
                    phrase_end,
                    sentence: sent.clone(),
                });
                let key_span = hit.as_ref().and_then(|h| {
                    let (s, e) = (toks.get(h.start)?, toks.get(h.end.checked_sub(1)?)?);
                    (h.end > h.start).then(|| source.span(abs(s.start), abs(e.end)))
                });
                let (value, value_high) = rescale(f.value, f.value_high);
                let mut range = range_of(f.hedge, value, value_high, f.vague);
                if matches!(f.kind, number::NumKind::Share | number::NumKind::Fraction)
                    && f.hedge == Hedge::None
                {
                    // "a third", "half of": approximate shares, read like a
                    // round number (±10%).
                    range = Range::closed(value * 0.9, value * 1.1);
                }
                figures.push(Figure {
                    text: source.slice(&span).to_string(),
                    span,
                    part: block.part,
                    value,
                    value_high,
                    hedge: f.hedge,
                    range,
                    unit: Unit {
                        class: f.class,
                        code: f.code.clone(),
                    },
                    key: hit.map(|h| h.key),
                    key_span,
                    change,
                    anchor: None,
                    in_quote: false,
                    verbs: Vec::new(),
                    threshold: false,
                    sentence: match &sent_cache {
                        Some((r, sp)) if *r == sent => *sp,
                        _ => {
                            let sp = source.span(abs(sent.start), abs(sent.end));
                            sent_cache = Some((sent.clone(), sp));
                            sp
                        }
                    },
                });
                floor = f.end;
                i = f.end.max(i + 1);
            }
            scan::Outcome::Tally(s, e, values) => {
                if let (Some(first), Some(last)) = (toks.get(s), toks.get(e.saturating_sub(1))) {
                    let span = source.span(abs(first.start), abs(last.end));
                    tallies.push(Tally {
                        text: source.slice(&span).to_string(),
                        span,
                        part: block.part,
                        values,
                    });
                }
                floor = e;
                i = e.max(i + 1);
            }
            scan::Outcome::Skip(e) => {
                floor = floor.max(e.min(toks.len()));
                i = e.max(i + 1);
            }
            scan::Outcome::None => i += 1,
        }
    }
    if places.is_empty() {
        return;
    }
    let mut anchors = key::anchors(&lower);
    anchors.extend(key::place_anchors(&toks));
    anchors.sort_by_key(|a| a.start);
    let block_figures = figures.get_mut(first_figure..).unwrap_or(&mut []);
    for (f, anchor) in block_figures
        .iter_mut()
        .zip(key::assign_anchors(&anchors, &places, &lower))
    {
        f.anchor = anchor;
    }
}

/// The sentences of a block, segmented lazily as figures ask for them in
/// source order: text after a block's last figure is never segmented.
struct Sentences<'a> {
    iter: crate::claims::sentence::Sentences<'a>,
    current: Option<std::ops::Range<usize>>,
}

impl<'a> Sentences<'a> {
    fn new(text: &'a str) -> Self {
        Sentences {
            iter: crate::claims::sentence::split(text),
            current: None,
        }
    }

    /// The next non-blank sentence, trimmed.
    fn next_sentence(&mut self) -> Option<std::ops::Range<usize>> {
        self.iter.next()
    }

    /// The first sentence that ends after `pos` (or the last one); `pos`
    /// never decreases between calls.
    fn at(&mut self, pos: usize) -> Option<std::ops::Range<usize>> {
        if self.current.is_none() {
            self.current = self.next_sentence();
        }
        while self.current.as_ref().is_some_and(|s| s.end <= pos) {
            match self.next_sentence() {
                Some(next) => self.current = Some(next),
                None => break,
            }
        }
        self.current.clone()
    }
}

/// "3 to 4 million": the second end's scale applies to the first.
fn rescale(value: f64, high: Option<f64>) -> (f64, Option<f64>) {
    match high {
        Some(h) if value > 0.0 && value < 1000.0 && h >= 1e3 => {
            let scale = [1e12, 1e9, 1e6, 1e3]
                .into_iter()
                .find(|s| h >= *s && (h / s) < 1000.0 && value * s <= h && value * s * 1000.0 > h);
            match scale {
                Some(s) if value < h / s + 1.0 => (value * s, Some(h)),
                _ => (value, Some(h)),
            }
        }
        _ => (value, high),
    }
}

/// The rounding half-width h of a stated value (HEDGES.md): u/2, capped at
/// N/10 for round numbers of 20 and more.
pub fn tolerance(n: f64) -> f64 {
    let u = number::place_value(n);
    let round = n.abs() >= 20.0 && n.fract() == 0.0 && u >= 10.0;
    if round {
        (u / 2.0).min(n.abs() / 10.0)
    } else {
        u / 2.0
    }
}

fn open(v: f64) -> Bound {
    Bound {
        value: v,
        inclusive: false,
    }
}

fn closed(v: f64) -> Bound {
    Bound {
        value: v,
        inclusive: true,
    }
}

/// The range of true values a hedged figure allows (HEDGES.md).
pub fn range_of(
    hedge: Hedge,
    n: f64,
    high: Option<f64>,
    vague: Option<(f64, Option<f64>)>,
) -> Range {
    let h = tolerance(n);
    let floor0 = if n > 0.0 { 0.0 } else { f64::MIN };
    let r = |low: Bound, high: Option<Bound>| Range { low, high };
    match hedge {
        Hedge::None => Range::closed(n - h, n + h),
        Hedge::About => {
            let w = h.max(0.15 * n.abs());
            Range::closed(n - w, n + w)
        }
        Hedge::Nearly => r(closed(n - h.max(0.2 * n.abs())), Some(open(n))),
        Hedge::JustUnder => r(closed(n - 0.1 * n.abs()), Some(open(n))),
        Hedge::JustOver => r(open(n), Some(closed(n + 0.1 * n.abs()))),
        Hedge::MoreThan => r(open(n), None),
        Hedge::AtLeast => r(closed(n), None),
        Hedge::LessThan => r(closed(floor0), Some(open(n))),
        Hedge::AtMost | Hedge::UpTo => r(closed(floor0), Some(closed(n))),
        Hedge::Between => {
            let b = high.unwrap_or(n);
            Range::closed(n - h, b + tolerance(b))
        }
        Hedge::Vague => match vague {
            Some((lo, Some(hi))) => Range::closed(lo, hi),
            Some((lo, None)) => r(closed(lo), None),
            None => Range::closed(n - h, n + h),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: f64, li: bool, hi: Option<(f64, bool)>) -> Range {
        Range {
            low: Bound {
                value: lo,
                inclusive: li,
            },
            high: hi.map(|(value, inclusive)| Bound { value, inclusive }),
        }
    }

    #[test]
    fn nearly_and_over_do_not_overlap() {
        let nearly = r(320.0, true, Some((400.0, false)));
        let over = r(400.0, false, None);
        assert!(!nearly.overlaps(&over, true));
        assert!(!nearly.overlaps(&over, false));
    }

    #[test]
    fn at_most_and_at_least_share_the_end() {
        let at_most = r(0.0, true, Some((400.0, true)));
        let at_least = r(400.0, true, None);
        assert!(at_most.overlaps(&at_least, true));
    }

    #[test]
    fn notation_reads_like_maths() {
        assert_eq!(
            r(320.0, true, Some((400.0, false))).notation(),
            "[320, 400)"
        );
        assert_eq!(r(1200.0, false, None).notation(), "(1,200, ∞)");
    }
}
