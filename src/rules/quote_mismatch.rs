//! QUO001: one quotation given two wordings, or two speakers.

use std::collections::HashSet;

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

struct Q<'a> {
    q: &'a Quote,
    words: Vec<String>,
    set: HashSet<String>,
}

impl Rule for QuoteMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let quotes: Vec<Q<'_>> = cx
            .claims
            .quotes
            .iter()
            .filter(|q| !q.scare)
            .map(|q| {
                let words = words(&q.text);
                let set = words.iter().cloned().collect();
                Q { q, words, set }
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
                if let Some(f) = compare(&quotes[i], &quotes[j]) {
                    out.push(f);
                    break;
                }
            }
        }
    }
}

/// Both attributions known and naming different people.
fn different_speakers(a: &Quote, b: &Quote) -> bool {
    matches!((a.speaker_entity, b.speaker_entity), (Some(x), Some(y)) if x != y)
}

fn contains_seq(long: &[String], short: &[String]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

fn compare(a: &Q<'_>, b: &Q<'_>) -> Option<Finding> {
    let meta = &QuoteMismatch::META;
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let same_words = a.words == b.words;
    let excerpt = !same_words && contains_seq(&long.words, &short.words);
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
