//! QUO001: one quotation given two wordings, or two speakers.

use std::collections::HashMap;

use crate::claims::text::words;
use crate::claims::Quote;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// A quotation appears twice with different words, or the same words are given to two speakers.
    ///
    /// ## What it does
    ///
    /// Compares every direct quotation of at least three words with the
    /// others. It reports a pair when the two share most of their words (a
    /// word-set overlap of at least 60%, both at least five words long) but
    /// are not the same after normalising case, quote marks and spacing, or
    /// when the very same words are attributed to two different people.
    ///
    /// ## Why is this bad?
    ///
    /// A quotation promises the speaker's exact words. If the body and the
    /// FAQ quote the mayor differently, at least one of them is not what she
    /// said; if two people are credited with one sentence, one attribution
    /// is wrong. Both are corrections a newsroom has to publish.
    ///
    /// ## Example
    ///
    /// ```text
    /// Flores said the “militarization of immigration enforcement has no place in our neighborhoods.”
    /// ...
    /// Flores said the “militarization of immigration enforcement has no room in our communities.”
    /// ```
    ///
    /// Not flagged: the same quotation repeated word for word, a shorter
    /// excerpt of a longer quotation by the same speaker, one- or two-word
    /// scare quotes (“experiment”), and quotations that only share a few
    /// common words.
    ///
    /// ## Known limits
    ///
    /// Paraphrases that change most words are not detected. Speakers are
    /// only compared when both attributions were resolved to named people;
    /// an unattributed repeat is never a misattribution.
    pub QuoteMismatch, "QUO001", "quote-mismatch", Correctness
}

/// Quotations compared pairwise at most; beyond this each quote is compared
/// with its nearest followers only, to stay linear on hostile input.
const MAX_PAIRWISE: usize = 400;
const WINDOW: usize = 100;

/// One distinct wording (quotes with the same words share it), its words
/// interned so that two wordings compare as integer slices.
struct Wording {
    words: Vec<String>,
    ids: Vec<u32>,
    /// `ids` sorted, without repeats.
    set: Vec<u32>,
}

/// How two wordings relate, whoever said them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// The same words.
    Same,
    /// The shorter (at least five words) is a run of the longer's words.
    Excerpt,
    /// Not an excerpt, both at least five words, and at least 60% of their
    /// distinct words shared.
    Similar,
    Unrelated,
}

struct Q<'a> {
    q: &'a Quote,
    wording: u32,
}

impl Rule for QuoteMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        check_quotes(&cx.claims.quotes, out);
    }

    fn limits(&self, cx: &Context<'_>) -> Vec<String> {
        let n = wordings(&cx.claims.quotes).0.len();
        if n > MAX_PAIRWISE {
            vec![format!(
                "{n} quotations (more than {MAX_PAIRWISE}): each was compared only with the {WINDOW} before it"
            )]
        } else {
            Vec::new()
        }
    }
}

/// Each quote is compared with the quotes before it (all of them, or the
/// nearest [`WINDOW`] when there are many) and reported against the first
/// one it conflicts with.
fn check_quotes(all: &[Quote], out: &mut Vec<Finding>) {
    let (quotes, wordings) = wordings(all);
    let window = if quotes.len() > MAX_PAIRWISE {
        WINDOW
    } else {
        usize::MAX
    };
    let mut relations = RelationCache::new(wordings.len());
    for j in 1..quotes.len() {
        let lo = j.saturating_sub(window);
        for i in lo..j {
            let (Some(a), Some(b)) = (quotes.get(i), quotes.get(j)) else {
                continue;
            };
            let relation = if a.wording == b.wording {
                Relation::Same
            } else {
                relations.get(&wordings, a.wording, b.wording)
            };
            if !reported(a.q, b.q, relation) {
                continue;
            }
            let (Some(wa), Some(wb)) = (
                wordings.get(a.wording as usize),
                wordings.get(b.wording as usize),
            ) else {
                continue;
            };
            if let Some(f) = finding(a.q, wa, b.q, wb, relation) {
                out.push(f);
                break;
            }
        }
    }
}

/// The quotes worth comparing (not scare quotes, at least three words), in
/// order, each with the index of its wording; every distinct text is split
/// into words once.
fn wordings(all: &[Quote]) -> (Vec<Q<'_>>, Vec<Wording>) {
    let mut by_text: HashMap<&str, Option<u32>> = HashMap::new();
    let mut by_ids: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut wordings: Vec<Wording> = Vec::new();
    let mut quotes = Vec::new();
    for q in all.iter().filter(|q| !q.scare) {
        let wording = *by_text.entry(q.text.as_str()).or_insert_with(|| {
            let words = words(&q.text);
            if words.len() < 3 {
                return None;
            }
            let ids: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w.clone()).or_insert(next)
                })
                .collect();
            let next = wordings.len() as u32;
            let id = *by_ids.entry(ids.clone()).or_insert(next);
            if id == next {
                let mut set = ids.clone();
                set.sort_unstable();
                set.dedup();
                wordings.push(Wording { words, ids, set });
            }
            Some(id)
        });
        if let Some(wording) = wording {
            quotes.push(Q { q, wording });
        }
    }
    (quotes, wordings)
}

/// The relation of two wordings, remembered in a small direct-mapped table:
/// an article repeats a few quotations many times, so most pairs recur.
struct RelationCache {
    slots: Vec<(u32, u32, Relation)>,
}

impl RelationCache {
    /// At most this many slots (a power of two).
    const MAX_SIZE: usize = 4096;

    /// A table for `wordings` distinct wordings: room for every pair of an
    /// ordinary article, a fixed size beyond.
    fn new(wordings: usize) -> Self {
        let size = wordings
            .saturating_mul(wordings)
            .clamp(16, Self::MAX_SIZE)
            .next_power_of_two();
        RelationCache {
            slots: vec![(u32::MAX, u32::MAX, Relation::Unrelated); size],
        }
    }

    fn get(&mut self, wordings: &[Wording], a: u32, b: u32) -> Relation {
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        let slot = (x.wrapping_mul(0x9E37_79B1) ^ y.wrapping_mul(0x85EB_CA6B)) as usize
            & (self.slots.len() - 1);
        if let Some(&(sx, sy, r)) = self.slots.get(slot) {
            if (sx, sy) == (x, y) {
                return r;
            }
        }
        let r = match (wordings.get(x as usize), wordings.get(y as usize)) {
            (Some(wx), Some(wy)) => relation(wx, wy),
            _ => Relation::Unrelated,
        };
        if let Some(s) = self.slots.get_mut(slot) {
            *s = (x, y, r);
        }
        r
    }
}

/// See [`Relation`]; symmetric in its arguments.
fn relation(a: &Wording, b: &Wording) -> Relation {
    if a.ids == b.ids {
        return Relation::Same;
    }
    let (short, long) = if a.ids.len() <= b.ids.len() {
        (a, b)
    } else {
        (b, a)
    };
    let min_len = short.ids.len();
    if contains_seq(&long.ids, &short.ids) {
        return if min_len >= 5 {
            Relation::Excerpt
        } else {
            Relation::Unrelated
        };
    }
    if min_len < 5 {
        return Relation::Unrelated;
    }
    let inter = sorted_intersection(&a.set, &b.set);
    let union = a.set.len() + b.set.len() - inter;
    if union == 0 || inter * 10 < union * 6 {
        Relation::Unrelated
    } else {
        Relation::Similar
    }
}

/// How many values two sorted, repeat-free lists share.
fn sorted_intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two quotes whose wordings relate so are a defect: the same words
/// (or an excerpt) given to two named people, or a rewording by one speaker
/// (or by speakers not both known).
fn reported(a: &Quote, b: &Quote, relation: Relation) -> bool {
    match relation {
        Relation::Same | Relation::Excerpt => {
            different_speakers(a, b) && a.speaker.is_some() && b.speaker.is_some()
        }
        Relation::Similar => !different_speakers(a, b),
        Relation::Unrelated => false,
    }
}

/// Both attributions known and naming different people.
fn different_speakers(a: &Quote, b: &Quote) -> bool {
    matches!((a.speaker_entity, b.speaker_entity), (Some(x), Some(y)) if x != y)
}

fn contains_seq<T: PartialEq>(long: &[T], short: &[T]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

/// The finding for a pair that [`reported`] accepts.
fn finding(
    a: &Quote,
    wa: &Wording,
    b: &Quote,
    wb: &Wording,
    relation: Relation,
) -> Option<Finding> {
    let meta = &QuoteMismatch::META;
    match relation {
        Relation::Same | Relation::Excerpt => {
            let (sa, sb) = (a.speaker.as_deref()?, b.speaker.as_deref()?);
            let mut f = Finding::new(
                meta,
                format!("the same words are attributed to `{sa}` and `{sb}`"),
            )
            .label(b.span, b.part, format!("quoted as {sb}'s"))
            .label(a.span, a.part, format!("quoted as {sa}'s"));
            for q in [b, a] {
                if let Some(s) = q.speaker_span {
                    f = f.label(s, q.part, "speaker");
                }
            }
            Some(f.help("check who said these words and attribute them once"))
        }
        Relation::Similar => {
            let (da, db) = difference(&wa.words, &wb.words);
            let mut f = Finding::new(
                meta,
                format!("the same quotation is worded two ways: `{da}` and `{db}`"),
            )
            .label(b.span, b.part, b.part.role())
            .label(a.span, a.part, a.part.role());
            for q in [b, a] {
                if let (Some(s), Some(name)) = (q.speaker_span, q.speaker.as_deref()) {
                    f = f.label(s, q.part, format!("speaker: {name}"));
                }
            }
            Some(f.help("quote the speaker's exact words the same way everywhere"))
        }
        Relation::Unrelated => None,
    }
}

/// The differing middle of two word lists (common prefix and suffix cut).
fn difference(a: &[String], b: &[String]) -> (String, String) {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let max_suf = a.len().min(b.len()) - pre;
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| x == y)
        .count();
    let mid = |w: &[String]| {
        let s = w.get(pre..w.len() - suf).unwrap_or(&[]).join(" ");
        if s.is_empty() {
            "(nothing)".to_string()
        } else {
            s
        }
    };
    (mid(a), mid(b))
}

#[cfg(test)]
mod tests {
    //! The indexed comparison above must report exactly what comparing every
    //! pair of quotations word by word reports; the word-by-word version is
    //! kept here as the reference.
    use std::collections::HashSet;

    use super::*;
    use crate::article::Part;
    use crate::source::Span;

    struct OldQ<'a> {
        q: &'a Quote,
        words: Vec<String>,
        set: HashSet<String>,
    }

    fn old_check(all: &[Quote], out: &mut Vec<Finding>) {
        let quotes: Vec<OldQ<'_>> = all
            .iter()
            .filter(|q| !q.scare)
            .map(|q| {
                let words = words(&q.text);
                let set = words.iter().cloned().collect();
                OldQ { q, words, set }
            })
            .filter(|q| q.words.len() >= 3)
            .collect();
        let window = if quotes.len() > MAX_PAIRWISE {
            WINDOW
        } else {
            usize::MAX
        };
        for j in 1..quotes.len() {
            let lo = j.saturating_sub(window);
            for i in lo..j {
                if let Some(f) = old_compare(&quotes[i], &quotes[j]) {
                    out.push(f);
                    break;
                }
            }
        }
    }

    fn old_contains_seq(long: &[String], short: &[String]) -> bool {
        short.is_empty() || long.windows(short.len()).any(|w| w == short)
    }

    fn old_compare(a: &OldQ<'_>, b: &OldQ<'_>) -> Option<Finding> {
        let meta = &QuoteMismatch::META;
        let (short, long) = if a.words.len() <= b.words.len() {
            (a, b)
        } else {
            (b, a)
        };
        let same_words = a.words == b.words;
        let excerpt = !same_words && old_contains_seq(&long.words, &short.words);
        if same_words || (excerpt && short.words.len() >= 5) {
            if !different_speakers(a.q, b.q) {
                return None;
            }
            let (sa, sb) = (a.q.speaker.as_deref()?, b.q.speaker.as_deref()?);
            let mut f = Finding::new(
                meta,
                format!("the same words are attributed to `{sa}` and `{sb}`"),
            )
            .label(b.q.span, b.q.part, format!("quoted as {sb}'s"))
            .label(a.q.span, a.q.part, format!("quoted as {sa}'s"));
            for q in [b.q, a.q] {
                if let Some(s) = q.speaker_span {
                    f = f.label(s, q.part, "speaker");
                }
            }
            return Some(f.help("check who said these words and attribute them once"));
        }
        if excerpt || short.words.len() < 5 || different_speakers(a.q, b.q) {
            return None;
        }
        let inter = a.set.intersection(&b.set).count();
        let union = a.set.union(&b.set).count();
        if union == 0 || inter * 10 < union * 6 {
            return None;
        }
        let (da, db) = difference(&a.words, &b.words);
        let mut f = Finding::new(
            meta,
            format!("the same quotation is worded two ways: `{da}` and `{db}`"),
        )
        .label(b.q.span, b.q.part, b.q.part.role())
        .label(a.q.span, a.q.part, a.q.part.role());
        for q in [b.q, a.q] {
            if let (Some(s), Some(name)) = (q.speaker_span, q.speaker.as_deref()) {
                f = f.label(s, q.part, format!("speaker: {name}"));
            }
        }
        Some(f.help("quote the speaker's exact words the same way everywhere"))
    }

    fn span(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            ..Span::default()
        }
    }

    fn quotes(seed: u64, n: usize) -> Vec<Quote> {
        const VOCAB: &[&str] = &[
            "we", "will", "not", "back", "down", "now", "ever", "our", "city",
        ];
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m as u64) as usize
        };
        let mut out: Vec<Quote> = Vec::new();
        for i in 0..n {
            let text = if !out.is_empty() && next(2) == 0 {
                // a repeat or an excerpt of an earlier quotation
                let earlier: Vec<&str> = out[next(out.len())].text.split(' ').collect();
                let from = next(earlier.len().min(3));
                let to = (from + 1 + next(earlier.len() - from)).min(earlier.len());
                earlier[from..to].join(" ")
            } else {
                let len = 1 + next(9);
                (0..len)
                    .map(|_| VOCAB[next(VOCAB.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let entity = match next(4) {
                0 => None,
                e => Some(e),
            };
            let named = next(5) != 0;
            out.push(Quote {
                text,
                span: span(i * 10, i * 10 + 5),
                outer: span(i * 10, i * 10 + 7),
                part: if next(2) == 0 {
                    Part::Section(0)
                } else {
                    Part::Summary
                },
                speaker: named.then(|| format!("Speaker {}", entity.unwrap_or(9))),
                speaker_entity: entity,
                speaker_span: (next(2) == 0).then(|| span(i * 10 + 8, i * 10 + 9)),
                scare: next(10) == 0,
            });
        }
        out
    }

    #[test]
    fn indexed_comparison_reports_what_pairwise_comparison_reports() {
        let (mut reworded, mut misattributed) = (0, 0);
        for seed in 1..400u64 {
            let n = if seed % 50 == 0 {
                450 + seed as usize
            } else {
                (seed % 40) as usize
            };
            let qs = quotes(seed, n);
            let (mut new, mut old) = (Vec::new(), Vec::new());
            check_quotes(&qs, &mut new);
            old_check(&qs, &mut old);
            assert_eq!(new, old, "seed {seed}");
            for f in &new {
                if f.message.contains("worded two ways") {
                    reworded += 1;
                } else {
                    misattributed += 1;
                }
            }
        }
        // both kinds of finding occur, so the comparison above means something
        assert!(reworded > 100 && misattributed > 100);
    }
}
