//! Which body sentences each restatement restates.
//!
//! The headline, lede, key points, summary and FAQ retell the story in other
//! words. To check a restated figure, quote or date against the body, a rule
//! must first know which body sentence it comes from. This module aligns
//! every restatement sentence with the body sentences that share its rare
//! words: a tf-idf overlap over the lemmas of content words, where the
//! weight of a word is how rare it is among the body's sentences, and names
//! count more than common words.
//!
//! The lede is both: it restates the sections (so it is aligned with them),
//! and it is the body that the other restatements may draw on.
//!
//! Linear in the article: each sentence is read once into a set of interned
//! word ids, document frequencies are counted once, and each restatement is
//! scored against the body sentences that share at least one of its words
//! (an inverted index), keeping the best few.

use foldhash::HashMap;

use serde::Serialize;

use crate::article::{Block, Part};
use crate::claims::text;
use crate::claims::Figure;
use crate::source::{SourceFile, Span};

/// One restatement sentence, or the clause of a restated figure, and the
/// body sentences it most likely restates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub part: Part,
    /// `sentence`, or `clause`: the stretch of a sentence around a figure,
    /// between the punctuation and conjunctions that bound it ("nine deaths
    /// in custody over the past year" in a long lede), aligned on its own so
    /// that a long sentence of many facts still finds the one it restates.
    pub unit: AlignedUnit,
    pub sentence: Span,
    /// Best first; empty when no body sentence shares a content word.
    pub sources: Vec<AlignedSource>,
}

/// What an [`Alignment`] aligns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlignedUnit {
    Sentence,
    Clause,
}

/// A body sentence aligned with a restatement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedSource {
    pub part: Part,
    pub sentence: Span,
    /// The share of the restatement's word weight that the body sentence
    /// also has, from 0 to 1 (three decimals).
    pub score: f64,
}

/// How many body sentences are kept per restatement.
const KEEP: usize = 6;
/// Below this share of its weight, a body sentence is not an alignment.
const MIN_SCORE: f64 = 0.1;

/// Words in more body sentences than this are skipped when scoring: their
/// weight is close to zero, and reading their postings for every
/// restatement would make alignment quadratic on a long article.
const MAX_POSTING: usize = 256;

/// A sentence as a set of word ids with weights.
struct Bag {
    part: Part,
    unit: AlignedUnit,
    span: Span,
    /// Distinct word ids, each with its weight factor (names count more).
    words: Vec<(u32, f64)>,
}

/// Align every restatement sentence of `blocks` with the body sentences.
pub fn align(source: &SourceFile, blocks: &[Block<'_>], figures: &[Figure]) -> Vec<Alignment> {
    let mut vocab = Vocabulary::default();
    let mut bodies: Vec<Bag> = Vec::new();
    let mut restated: Vec<Bag> = Vec::new();
    for block in blocks {
        let body = matches!(block.part, Part::Lede | Part::Section(_));
        let restatement = block.part.is_restatement() || block.part == Part::Lede;
        if !body && !restatement {
            continue;
        }
        let (norm, map) = text::normalize_with_offsets(block.text);
        for r in crate::claims::sentence::split(&norm) {
            let Some(sentence) = norm.get(r.clone()) else {
                continue;
            };
            let words = bag_of_words(sentence, &mut vocab);
            if words.is_empty() {
                continue;
            }
            let span = source.span(
                block.span.start + map.get(r.start),
                block.span.start + map.get(r.end),
            );
            if body {
                bodies.push(Bag {
                    part: block.part,
                    unit: AlignedUnit::Sentence,
                    span,
                    words: words.clone(),
                });
            }
            if restatement {
                restated.push(Bag {
                    part: block.part,
                    unit: AlignedUnit::Sentence,
                    span,
                    words,
                });
            }
        }
    }
    let mut last_clause: Option<(usize, usize)> = None;
    for f in figures {
        if f.in_quote || !(f.part.is_restatement() || f.part == Part::Lede) {
            continue;
        }
        let Some(clause) = clause_of(&source.text, f) else {
            continue;
        };
        if last_clause == Some(clause) {
            continue;
        }
        last_clause = Some(clause);
        let text = source.text.get(clause.0..clause.1).unwrap_or("");
        let (norm, _) = text::normalize_with_offsets(text);
        let words = bag_of_words(&norm, &mut vocab);
        if !words.is_empty() {
            restated.push(Bag {
                part: f.part,
                unit: AlignedUnit::Clause,
                span: source.span(clause.0, clause.1),
                words,
            });
        }
    }
    let idf = inverse_document_frequency(&bodies, vocab.len());
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for (i, b) in bodies.iter().enumerate() {
        for &(w, _) in &b.words {
            if let Some(p) = postings.get_mut(w as usize) {
                p.push(i as u32);
            }
        }
    }
    let mut acc: Vec<f64> = vec![0.0; bodies.len()];
    let mut touched: Vec<u32> = Vec::new();
    restated
        .iter()
        .map(|r| {
            let total: f64 = r
                .words
                .iter()
                .map(|&(w, f)| f * idf.get(w as usize).copied().unwrap_or(0.0))
                .sum();
            for &(w, f) in &r.words {
                let weight = f * idf.get(w as usize).copied().unwrap_or(0.0);
                let posting = postings.get(w as usize).map_or(&[][..], Vec::as_slice);
                // A word in hundreds of sentences weighs next to nothing and
                // would make each restatement cost the whole body.
                if posting.len() > MAX_POSTING {
                    continue;
                }
                for &b in posting {
                    if let Some(a) = acc.get_mut(b as usize) {
                        if *a == 0.0 {
                            touched.push(b);
                        }
                        *a += weight;
                    }
                }
            }
            let mut scored: Vec<(u32, f64)> = touched
                .drain(..)
                .filter_map(|b| {
                    let body = bodies.get(b as usize)?;
                    let score = acc.get_mut(b as usize).map(std::mem::take)?;
                    // The lede is not aligned with itself.
                    let own = r.part == Part::Lede && body.part == Part::Lede;
                    (!own && total > 0.0).then_some((b, score / total))
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            Alignment {
                part: r.part,
                unit: r.unit,
                sentence: r.span,
                sources: scored
                    .into_iter()
                    .filter(|&(_, s)| s >= MIN_SCORE)
                    .take(KEEP)
                    .filter_map(|(b, s)| {
                        let body = bodies.get(b as usize)?;
                        Some(AlignedSource {
                            part: body.part,
                            sentence: body.span,
                            score: (s * 1000.0).round() / 1000.0,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The clause of a figure's sentence around it, as byte offsets: from the
/// last break before the figure to the first break after its counted thing,
/// where a break is `,` `;` `:` `(` `)` a dash, or "and", "but", "while",
/// "as", "after", "with". `None` when the clause is the whole sentence.
fn clause_of(text: &str, f: &Figure) -> Option<(usize, usize)> {
    let (s, e) = (f.sentence.start, f.sentence.end);
    let end_of_thing = f.key_span.map_or(f.span.end, |k| k.end.max(f.span.end));
    // A clause is read within a window of the figure, so a sentence of a
    // hundred thousand figures costs each figure the same.
    let from = floor_boundary(text, f.span.start.saturating_sub(WINDOW).max(s));
    let to = floor_boundary(text, (end_of_thing + WINDOW).min(e)).max(end_of_thing.min(e));
    let (s, e) = (from, to);
    let before = text.get(s..f.span.start)?;
    let after = text.get(end_of_thing.min(e)..e)?;
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}');
    const JOINS: &[&str] = &[
        " and ",
        " but ",
        " while ",
        " as ",
        " after ",
        " with ",
        " whereas ",
    ];
    let mut start = before.rfind(is_break).map_or(0, |i| i + 1);
    for j in JOINS {
        if let Some(i) = before.rfind(j) {
            start = start.max(i + j.len() - 1);
        }
    }
    let mut stop = after.find(is_break).unwrap_or(after.len());
    for j in JOINS {
        if let Some(i) = after.find(j) {
            stop = stop.min(i);
        }
    }
    let (a, b) = (s + start, end_of_thing.min(e) + stop);
    (b > a && (a > s || b < e)).then_some((a, b))
}

/// How far around a figure its clause, verbs and threshold cues are read,
/// in bytes.
pub const WINDOW: usize = 240;

/// The largest char boundary of `text` at or before `i`.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `ln(1 + (N - df + 0.5) / (df + 0.5))` over the body sentences (BM25's
/// idf, never negative): a word in every sentence weighs little, a word in
/// one sentence much.
fn inverse_document_frequency(bodies: &[Bag], words: usize) -> Vec<f64> {
    let mut df = vec![0u32; words];
    for b in bodies {
        for &(w, _) in &b.words {
            if let Some(d) = df.get_mut(w as usize) {
                *d += 1;
            }
        }
    }
    let n = bodies.len() as f64;
    df.into_iter()
        .map(|d| {
            let d = f64::from(d);
            (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
        })
        .collect()
}

/// The distinct content words of a sentence as interned lemma ids, with a
/// weight factor: 1.5 for a capitalised word inside the sentence (a name),
/// 0.5 for a number (numbers are what a wrong restatement changes), 1
/// otherwise.
/// The words of one article: lemma ids, and each spelling's lemma id.
#[derive(Default)]
struct Vocabulary {
    lemmas: HashMap<String, u32>,
    spellings: HashMap<String, Option<u32>>,
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.lemmas.len()
    }
}

fn bag_of_words(sentence: &str, vocab: &mut Vocabulary) -> Vec<(u32, f64)> {
    let mut out: Vec<(u32, f64)> = Vec::new();
    let mut lower = String::new();
    for (i, (start, word)) in words(sentence).enumerate() {
        let first = i == 0
            || sentence
                .get(..start)
                .is_some_and(|b| b.trim_end().ends_with(':'));
        let digit = word.bytes().any(|b| b.is_ascii_digit());
        lower.clear();
        if digit {
            lower.extend(word.chars().filter(|c| *c != ','));
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let factor = if digit {
            0.5
        } else if !first && word.chars().next().is_some_and(char::is_uppercase) {
            1.5
        } else {
            1.0
        };
        // Each distinct spelling is judged and lemmatised once per
        // article; `None` marks a stop word or a word too short to count.
        let id = match vocab.spellings.get(lower.as_str()) {
            Some(&Some(id)) => id,
            Some(None) => continue,
            None if !digit && (lower.chars().count() < 3 || is_stop_word(&lower)) => {
                vocab.spellings.insert(lower.clone(), None);
                continue;
            }
            None => {
                let lemma = if digit {
                    std::borrow::Cow::Borrowed(lower.as_str())
                } else {
                    crate::text::lemma::lemma(&lower)
                };
                let next = vocab.lemmas.len() as u32;
                let id = match vocab.lemmas.get(lemma.as_ref()) {
                    Some(&id) => id,
                    None => {
                        vocab.lemmas.insert(lemma.into_owned(), next);
                        next
                    }
                };
                vocab.spellings.insert(lower.clone(), Some(id));
                id
            }
        };
        out.push((id, factor));
    }
    // Each word once, with its largest factor.
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out.dedup_by_key(|(w, _)| *w);
    out
}

/// The words of a sentence with their byte offsets: runs of letters and
/// digits, with inner `.`/`,` between digits kept ("2.8", "70,000") and
/// inner apostrophes dropped with what follows ("council's" → "council").
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = s.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = s.get(pos..)?;
        let skip = rest.find(|c: char| c.is_alphanumeric())?;
        let start = pos + skip;
        let mut end = start;
        let chars = s.get(start..)?.char_indices();
        for (i, c) in chars {
            let at = start + i;
            if c.is_alphanumeric() {
                end = at + c.len_utf8();
                continue;
            }
            let digit_joint = (c == '.' || c == ',')
                && at > 0
                && bytes.get(at - 1).is_some_and(u8::is_ascii_digit)
                && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
            if digit_joint {
                continue;
            }
            break;
        }
        pos = end.max(start + 1);
        // "council's": the possessive ending is not part of the word.
        if let Some(after) = s.get(end..) {
            if after.starts_with("'s") || after.starts_with("\u{2019}s") {
                pos = end + after.find('s').map_or(1, |j| j + 1);
            }
        }
        Some((start, s.get(start..end).unwrap_or("")))
    })
}

/// Function words and reporting words that say nothing about what a
/// sentence is about.
pub fn is_stop_word(w: &str) -> bool {
    const STOP: &[&str] = &[
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "among",
        "and",
        "another",
        "any",
        "are",
        "around",
        "as",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "into",
        "its",
        "just",
        "last",
        "least",
        "less",
        "like",
        "many",
        "may",
        "might",
        "more",
        "most",
        "much",
        "must",
        "nearly",
        "new",
        "next",
        "nor",
        "not",
        "now",
        "off",
        "once",
        "one",
        "only",
        "onto",
        "other",
        "our",
        "out",
        "over",
        "own",
        "per",
        "said",
        "same",
        "say",
        "says",
        "she",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "told",
        "too",
        "two",
        "under",
        "until",
        "upon",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "year",
        "years",
        "million",
        "billion",
        "thousand",
        "hundred",
        "percent",
        "cent",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "according",
        "roughly",
        "approximately",
        "estimated",
        "than",
        "well",
        "because",
        "so",
        "question",
        "answer",
        "mr",
        "mrs",
        "ms",
        "dr",
    ];
    STOP.contains(&w)
}

/// Verbs that are not about what a figure counts: auxiliaries, reporting
/// and linking verbs.
fn is_empty_verb(w: &str) -> bool {
    matches!(
        w,
        "be" | "have"
            | "do"
            | "say"
            | "tell"
            | "make"
            | "get"
            | "take"
            | "give"
            | "go"
            | "come"
            | "put"
            | "see"
            | "show"
            | "remain"
            | "become"
            | "include"
            | "reach"
            | "total"
            | "estimate"
            | "report"
            | "expect"
            | "add"
    )
}

/// The verbs a figure is the subject or object of, as lemmas: the first verb
/// after the figure or its counted thing ("eleven inmates have died" →
/// `die`), skipping auxiliaries and adverbs, and an inflected verb just
/// before it ("signed by nearly 12,000 residents" → `sign`). `after` is the
/// text from the end of the figure's phrase to the end of its sentence,
/// `before` the text of the sentence before the figure.
pub fn verbs_near(before: &str, after: &str) -> Vec<String> {
    use crate::text::lemma::{family, verb_lemma};
    const SKIP: &[&str] = &[
        "have",
        "has",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "now",
        "already",
        "also",
        "reportedly",
        "still",
        "then",
        "all",
        "who",
        "which",
        "that",
        "have",
        "since",
        "so",
        "far",
        "were",
        "recently",
        "officially",
        "ever",
        "each",
        "more",
        "than",
    ];
    let is_verb = |w: &str| {
        let v = verb_lemma(w);
        (v != w || family(w).is_some()) && !is_stop_word(w)
    };
    let mut out = Vec::new();
    let mut lower = String::new();
    for (i, (_, w)) in words(after).enumerate() {
        if i >= 5 {
            break;
        }
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if SKIP.contains(&lower.as_str()) {
            continue;
        }
        if lower.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        if is_verb(&lower) {
            let v = verb_lemma(&lower).into_owned();
            if !is_empty_verb(&v) {
                out.push(v);
            }
        }
        break;
    }
    let prev: Vec<&str> = words(before).map(|(_, w)| w).collect();
    for w in prev.iter().rev().take(3) {
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if matches!(
            lower.as_str(),
            "by" | "of" | "the" | "a" | "an" | "some" | "to"
        ) {
            continue;
        }
        if is_verb(&lower) {
            let v = verb_lemma(&lower).into_owned();
            if !is_empty_verb(&v) && !out.contains(&v) {
                out.push(v);
            }
        }
        break;
    }
    out
}

/// Whether a figure states a requirement, target or limit rather than an
/// amount that happened: "needed 120,000 signatures", "any petition with at
/// least 10,000 valid signatures must receive a vote", "a target of 95%",
/// "the cap of 3%". Read from the words of its clause just before it (up to
/// six) and just after it (up to four).
pub fn is_threshold(before: &str, after: &str) -> bool {
    const CUES: &[&str] = &[
        "need",
        "needs",
        "needed",
        "require",
        "requires",
        "required",
        "requirement",
        "must",
        "minimum",
        "threshold",
        "target",
        "targets",
        "targeted",
        "goal",
        "goals",
        "aim",
        "aims",
        "aimed",
        "quota",
        "cap",
        "capped",
        "limit",
        "limits",
        "standard",
        "qualify",
        "eligible",
        "trigger",
        "triggers",
    ];
    let clause_start = before
        .rfind([',', ';', ':', '(', '\u{2014}', '\u{2013}'])
        .map_or(0, |i| i + 1);
    let before = before.get(clause_start..).unwrap_or("");
    // "needed 120,000 signatures to qualify and turned in 180,000": the
    // clause of the second figure starts after the conjunction.
    let before = [" and ", " but ", " while "]
        .iter()
        .filter_map(|j| before.rfind(j).map(|i| i + j.len()))
        .max()
        .and_then(|i| before.get(i..))
        .unwrap_or(before);
    let back: Vec<&str> = words(before).map(|(_, w)| w).collect();
    let near_before = back.iter().rev().take(6);
    let clause_end = after
        .find([',', ';', ':', ')', '.', '\u{2014}', '\u{2013}'])
        .unwrap_or(after.len());
    let after = after.get(..clause_end).unwrap_or("");
    let near_after = words(after).map(|(_, w)| w).take(4);
    // "needs to cut 7,000 jobs" is a plan, not a requirement: a verb cue
    // counts only right before the figure ("needed 120,000 signatures").
    let verb_cue = |w: &str| {
        let w = w.to_ascii_lowercase();
        w.starts_with("need") || w.starts_with("requir") || w == "must"
    };
    near_before
        .enumerate()
        .any(|(i, w)| CUES.iter().any(|c| c.eq_ignore_ascii_case(w)) && (i < 2 || !verb_cue(w)))
        || near_after
            .into_iter()
            .any(|w| CUES.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_numbers_whole_and_drop_possessives() {
        let got: Vec<&str> = words("The council's 2.8 million, 70,000 votes; festival-goers.")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            got,
            ["The", "council", "2.8", "million", "70,000", "votes", "festival", "goers"]
        );
    }

    #[test]
    fn a_key_point_aligns_with_the_body_sentence_it_restates() {
        let text = "Lede\n\nThe storm closed schools in Denver on Monday.\n\nSection\n\n\
                    Eleven inmates have died at Greyfields prison since January, inspectors said. \
                    The school board met on Tuesday to discuss the budget.\n\n\
                    Key Points\n\n| No. | Key Points |\n|---|---|\n\
                    | 1 | Greyfields prison has seen 14 inmate deaths this year. |\n";
        let source = SourceFile::new("t.txt", text);
        let article = crate::parse(&source);
        let blocks = article.blocks();
        let got = align(&source, &blocks, &[]);
        let kp = got
            .iter()
            .find(|a| matches!(a.part, Part::KeyPoint(_)))
            .expect("the key point is aligned");
        let best = kp.sources.first().expect("a source");
        assert!(source.slice(&best.sentence).starts_with("Eleven inmates"));
        assert!(best.score > 0.3, "{}", best.score);
    }
}
