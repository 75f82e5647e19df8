//! Restated figures checked against the body sentences they restate.
//!
//! [`crate::claims::align`] pairs every restatement sentence (headline,
//! lede, key points, summary, FAQ) with the body sentences it most likely
//! retells. Here each figure of a restatement meets the figures of those
//! sentences: the ones in the same unit are its candidates, and how their
//! counted things relate decides whether a candidate that disagrees is a
//! contradiction ("eleven inmates have died" / "14 inmate deaths") or
//! another fact of the same sentence.
//!
//! Built once per article: one sorted index of figures by position, one of
//! alignments by sentence, so a lookup is two binary searches.

use crate::article::Part;
use crate::claims::{AlignedSource, AlignedUnit, Figure, Hedge, UnitClass};
use crate::rules::figures::{digits_in_order, is_generic_thing, ratio, FigureIndex};
use crate::rules::Context;

/// How the counted things of two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ThingMatch {
    /// Both name a thing, and the two have nothing in common ("homes" /
    /// "acres").
    Different,
    /// At least one names no thing, or only a generic one ("people").
    Unknown,
    /// The things overlap: a shared word, a compound ("dockworkers" /
    /// "workers"), a verb and its noun ("died" / "deaths").
    Related,
    /// The same head noun (after lemmas and synonyms).
    Same,
}

/// A body figure that a restated figure may be restating.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Index into the article's figures.
    pub figure: usize,
    /// How well the two sentences align (0 to 1).
    pub score: f64,
    /// The rank of the candidate's sentence among the aligned ones (0: best).
    pub rank: usize,
    pub thing: ThingMatch,
}

/// The alignment of one article, seen from its figures.
pub struct Restated<'c, 'a> {
    cx: &'c Context<'a>,
    /// Figure indices sorted by span start.
    by_start: Vec<usize>,
    /// Sentence alignment indices sorted by sentence start.
    sentences: Vec<usize>,
    /// Clause alignment indices sorted by clause start.
    clauses: Vec<usize>,
    /// Figures by stated number: `(value, index)` for each figure's
    /// value and upper value, sorted, for the lookups of a number anywhere
    /// in the body (binary search, no scan of every figure).
    by_value: Vec<(f64, usize)>,
    /// Each figure's counted thing, read once.
    things: Vec<Thing>,
}

/// How many body figures one number lookup reads at most: enough for any
/// story, and it keeps a table of ten thousand equal numbers linear.
const MAX_SAME_NUMBER: usize = 64;

impl<'c, 'a> Restated<'c, 'a> {
    pub fn new(cx: &'c Context<'a>) -> Self {
        let figures = &cx.claims.figures;
        let mut by_start: Vec<usize> = (0..figures.len()).collect();
        by_start.sort_by_key(|&i| figures.get(i).map_or(0, |f| f.span.start));
        let all = &cx.claims.alignments;
        let sorted = |unit: AlignedUnit| {
            let mut v: Vec<usize> = (0..all.len())
                .filter(|&i| all.get(i).is_some_and(|a| a.unit == unit))
                .collect();
            v.sort_by_key(|&i| all.get(i).map_or(0, |a| a.sentence.start));
            v
        };
        let mut by_value: Vec<(f64, usize)> = figures
            .iter()
            .enumerate()
            .flat_map(|(i, f)| std::iter::once((f.value, i)).chain(f.value_high.map(|h| (h, i))))
            .collect();
        by_value.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Restated {
            cx,
            by_start,
            sentences: sorted(AlignedUnit::Sentence),
            clauses: sorted(AlignedUnit::Clause),
            by_value,
            things: figures.iter().map(Thing::of).collect(),
        }
    }

    /// Whether figure `r` is one this module checks: a level or change in a
    /// restatement or the lede, outside quotations, with a definite range.
    pub fn checks(&self, r: usize) -> bool {
        self.cx.claims.figures.get(r).is_some_and(|f| {
            (f.part.is_restatement() || f.part == Part::Lede)
                && !f.in_quote
                && !matches!(f.hedge, Hedge::Vague | Hedge::UpTo)
                && f.value > 0.0
        })
    }

    /// The body figures in the sentences that figure `r`'s sentence is
    /// aligned with, in the same unit and both levels or both changes, best
    /// aligned first.
    pub fn candidates(&self, r: usize) -> Vec<Candidate> {
        let claims = self.cx.claims;
        let Some(f) = claims.figures.get(r) else {
            return Vec::new();
        };
        let sources = self.sources_of(f);
        let mut out = Vec::new();
        for (rank, source) in sources.into_iter().enumerate() {
            let here = self.figures_in(source.sentence.start, source.sentence.end);
            for b in here.take(MAX_SAME_NUMBER) {
                let Some(g) = claims.figures.get(b) else {
                    continue;
                };
                if b == r || g.unit != f.unit || g.change != f.change || g.threshold != f.threshold
                {
                    continue;
                }
                if matches!(g.hedge, Hedge::Vague) || (f.part == Part::Lede && g.part == Part::Lede)
                {
                    continue;
                }
                out.push(Candidate {
                    figure: b,
                    score: source.score,
                    rank,
                    thing: self.relate(r, b),
                });
            }
        }
        out
    }

    /// A figure's implied support: two figures of one aligned body sentence
    /// from which the restated value follows — a share ("36 of his 50
    /// matches" → 72%), a difference ("from $15.1 billion to $14.2 billion" →
    /// "almost $1 billion"), a relative change ("from 155 to 214" → "up
    /// 38%"). Only the first 24 figures of a sentence are paired, so a table
    /// in one sentence stays linear.
    pub fn implied(&self, r: usize) -> bool {
        let claims = self.cx.claims;
        let Some(f) = claims.figures.get(r) else {
            return false;
        };
        // Cents and pence are hundredths of the sentence's dollars or
        // pounds: "rises 25 cents" is "from $2.50 to $2.75".
        let (r_scale, r_code) = minor_unit(f);
        let holds = |v: f64| {
            let tol = if f.unit.class == UnitClass::Percent {
                1.0
            } else {
                0.0
            };
            let v = v / r_scale;
            f.range
                .overlaps(&crate::claims::Range::closed(v - tol, v + tol), false)
        };
        for source in self.sources_of(f).into_iter().take(3) {
            let here: Vec<&Figure> = self
                .figures_in(source.sentence.start, source.sentence.end)
                .filter_map(|i| claims.figures.get(i))
                .filter(|g| g.value > 0.0 && g.unit.class != UnitClass::Percent)
                .take(24)
                .collect();
            for (i, a) in here.iter().enumerate() {
                for b in here.iter().skip(i + 1) {
                    let (lo, hi) = if a.value < b.value { (a, b) } else { (b, a) };
                    let implied = if f.unit.class == UnitClass::Percent {
                        // "36 of the last 50 days": a count of a whole in
                        // any unit.
                        let share = a.unit == b.unit || lo.unit.class == UnitClass::Count;
                        (share && !f.change && holds(100.0 * lo.value / hi.value))
                            || (a.unit == b.unit
                                && (holds(100.0 * (hi.value - lo.value) / lo.value)
                                    || holds(100.0 * (hi.value - lo.value) / hi.value)))
                    } else {
                        a.unit == b.unit
                            && (f.unit == a.unit
                                || (a.unit.class == UnitClass::Currency
                                    && a.unit.code.as_deref() == r_code))
                            && holds(hi.value - lo.value)
                    };
                    if implied {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The body sentences aligned with a figure: its sentence's alignment
    /// and its clause's, the best score per body sentence, best first.
    fn sources_of(&self, f: &Figure) -> Vec<&'a AlignedSource> {
        let mut sources: Vec<&AlignedSource> = [&self.sentences, &self.clauses]
            .into_iter()
            .filter_map(|list| self.alignment_in(list, f))
            .flat_map(|a| a.sources.iter())
            .collect();
        sources.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.sentence.start.cmp(&b.sentence.start))
        });
        let mut seen: Vec<usize> = Vec::new();
        sources.retain(|s| {
            let new = !seen.contains(&s.sentence.start);
            seen.push(s.sentence.start);
            new
        });
        sources
    }

    fn alignment_in(&self, list: &[usize], f: &Figure) -> Option<&'a crate::claims::Alignment> {
        let all = &self.cx.claims.alignments;
        let i =
            list.partition_point(|&a| all.get(a).is_some_and(|a| a.sentence.start <= f.span.start));
        let a = all.get(*list.get(i.checked_sub(1)?)?)?;
        (f.span.start < a.sentence.end.max(a.sentence.start + 1)).then_some(a)
    }

    /// How the counted things of figures `a` and `b` relate.
    pub fn relate(&self, a: usize, b: usize) -> ThingMatch {
        match (self.things.get(a), self.things.get(b)) {
            (Some(x), Some(y)) => relate(x, y),
            _ => ThingMatch::Unknown,
        }
    }

    /// Figures (body or not: callers filter) with a stated number in
    /// `[lo, hi]`, each once, at most [`MAX_SAME_NUMBER`] of them.
    pub fn body_numbers(&self, lo: f64, hi: f64) -> Vec<(usize, &'a Figure)> {
        let figures: &'a [Figure] = &self.cx.claims.figures;
        let from = self.by_value.partition_point(|(v, _)| *v < lo);
        let mut out: Vec<usize> = self
            .by_value
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(v, _)| *v <= hi)
            .map(|&(_, i)| i)
            .take(MAX_SAME_NUMBER)
            .collect();
        out.sort_unstable();
        out.dedup();
        out.into_iter()
            .filter_map(|i| Some((i, figures.get(i)?)))
            .collect()
    }

    /// Indices of the figures that start in `[start, end)`.
    fn figures_in(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let figures = &self.cx.claims.figures;
        let from = self
            .by_start
            .partition_point(|&i| figures.get(i).is_some_and(|f| f.span.start < start));
        self.by_start
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .copied()
            .take_while(move |&i| figures.get(i).is_some_and(|f| f.span.start < end))
    }
}

/// A figure's counted thing, read once per figure: its words as noun
/// lemmas (head last) with their comparison forms (synonyms folded), and
/// the lemmas of its verbs.
pub struct Thing {
    words: Vec<(String, String)>,
    verbs: Vec<String>,
}

impl Thing {
    pub fn of(f: &Figure) -> Thing {
        let words = f
            .key
            .as_deref()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3 && !crate::claims::align::is_stop_word(w))
            .map(|w| {
                let lemma = crate::text::lemma::noun_lemma(w).into_owned();
                let canon = crate::claims::quantity::compare_key(&lemma);
                (lemma, canon)
            })
            .collect();
        Thing {
            words,
            verbs: f.verbs.clone(),
        }
    }

    fn head(&self) -> Option<&(String, String)> {
        self.words.last()
    }
}

/// How the counted things of `a` and `b` relate; see [`ThingMatch`]. The
/// verbs of each figure count as words of its thing, so "seven prisoners
/// died" and "nine deaths" relate through `die`/`death`.
pub fn thing_match(a: &Figure, b: &Figure) -> ThingMatch {
    relate(&Thing::of(a), &Thing::of(b))
}

/// [`thing_match`] on things already read.
pub fn relate(a: &Thing, b: &Thing) -> ThingMatch {
    use crate::text::lemma::{event_noun_family, is_kind_of, synonyms};
    let (ha, hb) = (a.head(), b.head());
    if let (Some(ha), Some(hb)) = (ha, hb) {
        if ha.1 == hb.1 || synonyms(&ha.0, &hb.0) {
            return ThingMatch::Same;
        }
    }
    let related = |x: &(&str, &str), y: &(&str, &str)| {
        x.1 == y.1
            || event_noun_family(x.0, y.0)
            || (x.0.len() >= 4 && y.0.len() >= 4 && (x.0.ends_with(y.0) || y.0.ends_with(x.0)))
            || is_kind_of(x.0, y.0)
            || is_kind_of(y.0, x.0)
    };
    let (all_a, all_b) = (words_and_verbs(a), words_and_verbs(b));
    if all_a.iter().any(|x| all_b.iter().any(|y| related(x, y))) {
        return ThingMatch::Related;
    }
    match (ha, hb) {
        (Some(ha), Some(hb)) if !is_generic_thing(&ha.1) && !is_generic_thing(&hb.1) => {
            ThingMatch::Different
        }
        _ => ThingMatch::Unknown,
    }
}

/// A thing's words and verbs as (lemma, comparison form) pairs.
fn words_and_verbs(t: &Thing) -> Vec<(&str, &str)> {
    t.words
        .iter()
        .map(|(l, c)| (l.as_str(), c.as_str()))
        .chain(t.verbs.iter().map(|v| (v.as_str(), v.as_str())))
        .collect()
}

/// How a restated value relates to a candidate's, when the two are near
/// copies of one number: the classic slips of a rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// The same number with a hedge that now points the other way ("more
    /// than 2.8 million" / "nearly 2.8 million").
    Hedge,
    /// The same digits in another order (£4.6m / £6.4m, 45 / 54).
    Transposed,
    /// The same digits at another scale ($33.6 billion / $33.6 million,
    /// £85 million / £8.5 million).
    Scale,
}

/// Which side of a stated number N a figure puts the true value on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Strictly above N: "more than N", "just over N".
    Above,
    /// N or above: "at least N", "from N to ..." (N is the low end).
    AtOrAbove,
    /// Strictly below N: "nearly N", "just under N", "fewer than N".
    Below,
    /// N or below: "at most N", "between ... and N".
    AtOrBelow,
    /// Around N: a bare or "about" N.
    Around,
}

fn side(f: &Figure, n: f64) -> Side {
    match f.hedge {
        Hedge::MoreThan | Hedge::JustOver => Side::Above,
        Hedge::AtLeast => Side::AtOrAbove,
        Hedge::Nearly | Hedge::JustUnder | Hedge::LessThan => Side::Below,
        Hedge::AtMost | Hedge::UpTo => Side::AtOrBelow,
        Hedge::Between if f.value_high.is_some_and(|h| close(h, n)) => Side::AtOrBelow,
        Hedge::Between => Side::AtOrAbove,
        Hedge::None | Hedge::About | Hedge::Vague => Side::Around,
    }
}

/// The two figures state the same number N and put the true value on
/// opposite sides of it ("more than 7,000" / "between 6,000 and 7,000";
/// "nearly 2.8 million" / "more than 2.8 million"), whatever the rounding
/// tolerance of their ranges: the classic flipped hedge.
pub fn sides_clash(a: &Figure, b: &Figure) -> bool {
    let stated = |f: &Figure| [Some(f.value), f.value_high];
    let Some(n) = stated(a)
        .into_iter()
        .flatten()
        .find(|x| stated(b).iter().flatten().any(|y| close(*x, *y)))
    else {
        return false;
    };
    use Side::*;
    matches!(
        (side(a, n), side(b, n)),
        (Above, Below | AtOrBelow)
            | (Below | AtOrBelow, Above)
            | (Below, AtOrAbove)
            | (AtOrAbove, Below)
    )
}

/// The slip that turns `b`'s number into `a`'s, if any.
pub fn slip(a: &Figure, b: &Figure) -> Option<Slip> {
    let stated = |f: &Figure| [Some(f.value), f.value_high];
    let same_number = stated(a)
        .iter()
        .flatten()
        .any(|x| stated(b).iter().flatten().any(|y| close(*x, *y)));
    if same_number {
        return Some(Slip::Hedge);
    }
    let (da, db) = (digits_in_order(a.value), digits_in_order(b.value));
    if da.len() >= 2 && da == db {
        let r = (a.value / b.value).abs().log10();
        if (r - r.round()).abs() < 1e-6 && r.round() != 0.0 {
            return Some(Slip::Scale);
        }
    }
    let (mut sa, mut sb) = (da.clone(), db.clone());
    sa.sort_unstable();
    sb.sort_unstable();
    // Two small numbers with swapped digits ("41" / "14") are as often two
    // different counts: a transposition needs three digits or a value of
    // at least 100.
    let big_enough = da.len() >= 3 || a.value.abs().min(b.value.abs()) >= 100.0;
    (da.len() >= 2 && sa == sb && da != db && big_enough).then_some(Slip::Transposed)
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// What the aligned body sentences say about a restated figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No aligned body sentence has a figure in its unit.
    NoCandidates,
    /// A candidate of a compatible thing agrees, or some body figure gives
    /// the same amount.
    Supported,
    /// The body figure (an index) that the restatement contradicts.
    Conflict(usize),
    /// Candidates exist, none agrees, none is a clear counterpart; the best
    /// relation of their things to the restated one.
    Unmatched(ThingMatch),
}

/// Judge restated figure `r` against its candidates (see [`Verdict`]).
pub fn judge(ix: &FigureIndex<'_, '_>, restated: &Restated<'_, '_>, r_index: usize) -> Verdict {
    let figures = &ix.cx.claims.figures;
    let Some(r) = figures.get(r_index) else {
        return Verdict::NoCandidates;
    };
    let candidates = restated.candidates(r_index);
    if candidates.is_empty() {
        if restated.implied(r_index) {
            return Verdict::Supported;
        }
        return Verdict::NoCandidates;
    }
    let integral = |b: &Figure| r.is_integral() && b.is_integral();
    let agrees = |c: &Candidate| {
        figures.get(c.figure).is_some_and(|b| {
            c.thing != ThingMatch::Different && r.range.overlaps(&b.range, integral(b))
        })
    };
    // Agreement that can outweigh a counterpart: for the same thing, or a
    // value near the restated one (an open range such as "more than 48,000"
    // overlaps every larger number of the sentence).
    let agrees_closely = |c: &Candidate| {
        agrees(c)
            && figures.get(c.figure).is_some_and(|b| {
                c.thing >= ThingMatch::Related || (b.value - r.value).abs() <= 0.1 * r.value.abs()
            })
    };
    let eligible = |c: &&Candidate| {
        figures.get(c.figure).is_some_and(|b| {
            r.sentence != b.sentence
                && !ix.anchors_disagree(r, b)
                && !ix.negated(r)
                && !ix.negated(b)
                && !ix.different_subjects(r, b)
        })
    };
    let by_rank = |x: &&Candidate, y: &&Candidate| {
        (x.score, x.thing)
            .partial_cmp(&(y.score, y.thing))
            .unwrap_or(std::cmp::Ordering::Equal)
    };
    // The aligned sentences state the restated number itself: whatever else
    // they say, the restatement is quoting them.
    let quoted = candidates.iter().any(|c| {
        figures.get(c.figure).is_some_and(|b| {
            r.range.overlaps(&b.range, integral(b))
                && slip(r, b) == Some(Slip::Hedge)
                && !sides_clash(r, b)
        })
    });
    if quoted {
        return Verdict::Supported;
    }
    // A slip of the pen (a flipped hedge, swapped digits, another scale) is
    // a contradiction unless a sentence aligned at least as well agrees.
    let slipped = candidates
        .iter()
        .filter(eligible)
        .filter(|c| {
            figures.get(c.figure).is_some_and(|b| match slip(r, b) {
                Some(Slip::Hedge) => {
                    sides_clash(r, b) && (c.thing != ThingMatch::Different || c.score >= 0.25)
                }
                Some(_) => {
                    !r.range.overlaps(&b.range, integral(b))
                        && (c.thing != ThingMatch::Different || c.score >= 0.35)
                }
                None => false,
            })
        })
        .max_by(by_rank);
    let near_value = candidates
        .iter()
        .filter(eligible)
        .filter(|c| {
            figures.get(c.figure).is_some_and(|b| {
                matches!(c.thing, ThingMatch::Same | ThingMatch::Related)
                    && !b.in_quote
                    // "12 in Texas and 3 in Oklahoma": a larger restated
                    // figure may be the total of the parts.
                    && (!ix.enumerated(b) || r.value <= b.value)
                    && !r.range.overlaps(&b.range, integral(b))
                    && ratio(r, b) <= 1.5
                    && c.rank <= 1
                    && c.score >= 0.2
                    && (r.unit.class != UnitClass::Count || r.value.min(b.value) >= 10.0)
            })
        })
        .max_by(by_rank);
    // The counterpart: a slip first, else a near value for the same thing
    // unless the aligned sentences imply the restated value.
    let best = slipped.or_else(|| near_value.filter(|_| !restated.implied(r_index)));
    if best.is_none() {
        if let Some(b) = scale_slip_elsewhere(ix, restated, r_index) {
            return Verdict::Conflict(b);
        }
    }
    if let Some(c) = best {
        // A counterpart is outweighed only by agreement as strong: a
        // candidate aligned at least as well, or a figure elsewhere in the
        // body for the same or an overlapping thing.
        let outweighed = candidates
            .iter()
            .any(|o| o.score >= c.score && o.figure != c.figure && agrees_closely(o))
            || same_amount_elsewhere(restated, r_index, ThingMatch::Related)
            || same_number_elsewhere(restated, r);
        if !outweighed {
            return Verdict::Conflict(c.figure);
        }
        return Verdict::Supported;
    }
    if candidates.iter().any(agrees)
        || same_amount_elsewhere(restated, r_index, ThingMatch::Unknown)
        || restated.implied(r_index)
    {
        return Verdict::Supported;
    }
    Verdict::Unmatched(
        candidates
            .iter()
            .map(|c| c.thing)
            .max()
            .unwrap_or(ThingMatch::Different),
    )
}

/// Some body figure outside the restatement's own sentence (and, for the
/// lede, outside the lede) gives the same amount for a thing that is not
/// plainly another: within 10%, overlapping, in the same unit. The
/// restatement may be quoting it, whatever sentence it sits in.
fn same_amount_elsewhere(
    restated: &Restated<'_, '_>,
    r_index: usize,
    at_least: ThingMatch,
) -> bool {
    let Some(r) = restated.cx.claims.figures.get(r_index) else {
        return false;
    };
    let w = 0.1 * r.value.abs();
    restated
        .body_numbers(r.value - w, r.value + w)
        .into_iter()
        .any(|(i, b)| {
            b.part.is_body()
                && !(r.part == Part::Lede && b.part == Part::Lede)
                && b.sentence != r.sentence
                && b.unit == r.unit
                && b.change == r.change
                && !b.in_quote
                && (b.value - r.value).abs() <= 0.1 * r.value.abs()
                && b.range.overlaps(&r.range, false)
                && restated.relate(r_index, i) >= at_least
        })
}

/// Some body figure outside the restatement's sentence states the very
/// number of the restatement, in its unit, on the same side of it (the
/// restatement is quoting it, whatever the two sentences call the thing).
fn same_number_elsewhere(restated: &Restated<'_, '_>, r: &Figure) -> bool {
    let stated = std::iter::once(r.value).chain(r.value_high);
    stated.into_iter().any(|v| {
        let w = 1e-9 * v.abs().max(1.0);
        restated
            .body_numbers(v - w, v + w)
            .into_iter()
            .any(|(_, b)| same_side(r, b))
    })
}

/// `b`, a body figure stating one of `r`'s numbers, says the same of it.
fn same_side(r: &Figure, b: &Figure) -> bool {
    b.part.is_body()
        && !(r.part == Part::Lede && b.part == Part::Lede)
        && b.sentence != r.sentence
        && b.unit == r.unit
        && b.change == r.change
        && slip(r, b) == Some(Slip::Hedge)
        && !sides_clash(r, b)
        && b.range.overlaps(&r.range, false)
}

/// A body figure anywhere that states the restated number's digits at
/// another scale ("$1.84 billion" / "$1.84 million"), for a thing that is
/// not plainly another, when no body figure states the restated amount
/// itself: a slip no sentence alignment is needed to see.
fn scale_slip_elsewhere(
    ix: &FigureIndex<'_, '_>,
    restated: &Restated<'_, '_>,
    r_index: usize,
) -> Option<usize> {
    let r = restated.cx.claims.figures.get(r_index)?;
    if same_number_elsewhere(restated, r) || digits_in_order(r.value).len() < 2 {
        return None;
    }
    let at = |v: f64| {
        let w = 1e-6 * v.abs();
        restated.body_numbers(v - w, v + w)
    };
    let scaled = [1e3, 1e-3, 1e6, 1e-6]
        .into_iter()
        .flat_map(|k| at(r.value * k));
    scaled.into_iter().find_map(|(i, b)| {
        let hit = b.part.is_body()
            && !(r.part == Part::Lede && b.part == Part::Lede)
            && b.sentence != r.sentence
            && b.unit == r.unit
            && b.change == r.change
            && !b.in_quote
            && slip(r, b) == Some(Slip::Scale)
            && scale_word_apart(r.value, b.value)
            && restated.relate(r_index, i) != ThingMatch::Different
            && !ix.anchors_disagree(r, b)
            && !ix.negated(b);
        hit.then_some(i)
    })
}

/// The values differ by a factor of exactly 1,000 (or 1,000,000): a scale
/// word swapped (thousand, million, billion), not a shifted decimal point.
fn scale_word_apart(a: f64, b: f64) -> bool {
    let r = (a / b).abs().log10().abs();
    (r - 3.0).abs() < 1e-6 || (r - 6.0).abs() < 1e-6
}

/// A sum in cents or pence as a fraction of its main unit: the factor and
/// the main unit's code (`25 cents` → 0.01, `USD`); 1 and the figure's own
/// code otherwise.
fn minor_unit(f: &Figure) -> (f64, Option<&str>) {
    match f.unit.code.as_deref() {
        Some("cent") if f.unit.class == UnitClass::Currency => (0.01, Some("USD")),
        Some("pence") if f.unit.class == UnitClass::Currency => (0.01, Some("GBP")),
        code => (1.0, code),
    }
}
