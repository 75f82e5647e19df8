//! Direct quotations and who said them.
//!
//! Quotation marks are paired first over the whole paragraph (a quote may
//! hold several sentences), then each quote is attributed from the sentences
//! around it: "according to X", "X: “…”", or the subject of the speech verb
//! nearest the quote ("X said", "said X", "X argued that", a pronoun or a
//! surname that resolves to a person named earlier, "the mayor said" when one
//! person holds that title). Unbalanced marks are skipped, never guessed.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use serde::Serialize;

use crate::article::{Block, Part};
use crate::claims::person::{canonical_title, is_speech_verb, BlockWords, Entity, EntityKind, Tok};
use crate::claims::text::{normalize, words};
use crate::source::{SourceFile, Span};

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Normalised quoted words (straight quotes, single spaces).
    pub text: String,
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The quotation including its marks.
    pub outer: Span,
    pub part: Part,
    /// The speaker's canonical name, when the sentence attributes the quote.
    pub speaker: Option<String>,
    /// Index into `Claims::entities` of the speaker.
    pub speaker_entity: Option<usize>,
    /// Where the speaker is named (the name, surname or pronoun).
    pub speaker_span: Option<Span>,
    /// One or two words in quotes ("experiment"): a scare quote.
    pub scare: bool,
}

/// Longest quotation considered, in bytes; longer "quotes" are almost always
/// an unbalanced mark pairing with a far-away one.
const MAX_QUOTE: usize = 3000;

/// Whether `text` may hold a quotation: every pair [`quote_pairs`] finds
/// closes with `"` or `”` (U+201D, bytes E2 80 9D). A byte scan: any text
/// with a `9D` byte passes, which is never a pair missed.
pub(crate) fn may_quote(text: &str) -> bool {
    text.bytes().any(|b| b == b'"' || b == 0x9D)
}

/// Byte ranges (block-relative) of quote pairs: (open mark start, open mark
/// end, close mark start, close mark end).
fn quote_pairs(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<(usize, usize, char)> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match c {
            '\u{201C}' | '\u{201E}' => open = Some((i, end, c)),
            '\u{201D}' => {
                if let Some((s, e, k)) = open.take() {
                    if k != '"' {
                        pairs.push((s, e, i, end));
                    }
                }
            }
            '"' => match open.take() {
                Some((s, e, '"')) => pairs.push((s, e, i, end)),
                _ => open = Some((i, end, c)),
            },
            // Quotes never run across a line break: a mark left open at the
            // end of a line is unbalanced.
            '\n' => open = None,
            _ => {}
        }
    }
    pairs.retain(|&(_, e, s, _)| s > e && s - e <= MAX_QUOTE);
    pairs
}

/// A person mention (or a pronoun that resolves to one) in the source.
#[derive(Debug, Clone, Copy)]
struct PersonAt {
    start: usize,
    end: usize,
    entity: usize,
}

/// Extract quotations.
pub fn extract(source: &SourceFile, blocks: &[Block<'_>], entities: &[Entity]) -> Vec<Quote> {
    let words: Vec<Option<BlockWords<'_>>> = blocks.iter().map(|_| None).collect();
    extract_words(source, blocks, &words, entities)
}

/// [`extract`] with the blocks' words when they are already known
/// (`split[i]` of `blocks[i]`; `None`: split the block here).
pub(crate) fn extract_words(
    source: &SourceFile,
    blocks: &[Block<'_>],
    split: &[Option<BlockWords<'_>>],
    entities: &[Entity],
) -> Vec<Quote> {
    let mut people: Vec<PersonAt> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| {
            e.mentions.iter().map(move |m| PersonAt {
                start: m.span.start,
                end: m.span.end,
                entity: e.id,
            })
        })
        .collect();
    people.sort_by_key(|p| p.start);
    let holders = OnceCell::new();

    let mut out = Vec::new();
    for (bi, block) in blocks.iter().enumerate() {
        let pairs = quote_pairs(block.text);
        if pairs.is_empty() {
            continue;
        }
        let base = block.span.start;
        let own;
        let bw = match split.get(bi).and_then(Option::as_ref) {
            Some(bw) => bw,
            None => {
                own = BlockWords::new(block.text);
                &own
            }
        };
        let (sents, toks) = (&bw.sents, &bw.toks);
        // Words outside every quote, block-relative offsets. Pairs are in
        // order and never overlap, and so are the words: one merge.
        let mut outside: Vec<&Tok<'_>> = Vec::with_capacity(toks.len());
        let mut p = 0;
        for t in toks {
            while pairs.get(p).is_some_and(|&(_, _, _, e)| e <= t.start) {
                p += 1;
            }
            if pairs.get(p).is_none_or(|&(s, _, _, _)| s > t.start) {
                outside.push(t);
            }
        }
        let lowers: Vec<Cow<'_, str>> = outside.iter().map(|t| lower_word(t.word)).collect();
        for &(os, oe, cs, ce) in &pairs {
            let Some(inner) = block.text.get(oe..cs) else {
                continue;
            };
            let (trim_start, trim_end) = trimmed(inner);
            if trim_start >= trim_end {
                continue;
            }
            let Some(raw) = inner.get(trim_start..trim_end) else {
                continue;
            };
            let text = collapse(&normalize(raw));
            let scare = words(&text).len() <= 2;
            // Sentences are in order and never overlap: the first one
            // ending after a position is the only one that can hold it.
            let ctx_start = sents
                .get(sents.partition_point(|r| r.end <= os))
                .filter(|r| r.start <= os && os < r.end)
                .map_or(os, |r| r.start);
            let ctx_end = sents
                .get(sents.partition_point(|r| r.end < ce))
                .filter(|r| r.start < ce && ce <= r.end)
                .map_or(ce, |r| r.end);
            let cx = AttrCx {
                text: block.text,
                base,
                toks: &outside,
                lowers: &lowers,
                people: &people,
                holders: &holders,
                entities,
                blocks,
                block: bi,
                quote: (os, ce),
                ctx: (ctx_start, ctx_end),
            };
            let speaker = attribute(&cx);
            out.push(Quote {
                text,
                span: source.span(base + oe + trim_start, base + oe + trim_end),
                outer: source.span(base + os, base + ce),
                part: block.part,
                speaker: speaker.and_then(|p| entities.get(p.entity).map(|e| e.name.clone())),
                speaker_entity: speaker.map(|p| p.entity),
                speaker_span: speaker.map(|p| source.span(p.start, p.end)),
                scare,
            });
        }
    }
    out
}

/// A word normalised and lower-cased, borrowed when it already is (plain
/// lower-case ASCII, as most words are).
fn lower_word(w: &str) -> Cow<'_, str> {
    if w.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`' && b != b'\t')
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(normalize(w).to_lowercase())
    }
}

/// The quoted words without surrounding spaces and trailing `,;:.`.
fn trimmed(inner: &str) -> (usize, usize) {
    let start = inner.len() - inner.trim_start().len();
    let end = inner
        .trim_end()
        .trim_end_matches([',', ';', ':', '.'])
        .trim_end()
        .len();
    (start, end.max(start))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct AttrCx<'a, 'b> {
    text: &'a str,
    base: usize,
    /// Words outside quotes in the block.
    toks: &'b [&'b Tok<'a>],
    /// `toks`, normalised and lower-cased.
    lowers: &'b [Cow<'a, str>],
    people: &'b [PersonAt],
    /// See [`title_holders`]; built when a title is first looked up.
    holders: &'b OnceCell<HashMap<String, Vec<usize>>>,
    entities: &'b [Entity],
    blocks: &'b [Block<'a>],
    block: usize,
    /// The quote's outer range (block-relative).
    quote: (usize, usize),
    /// The sentences holding the quote (block-relative).
    ctx: (usize, usize),
}

impl AttrCx<'_, '_> {
    /// The word `toks[k]`, normalised and lower-cased.
    fn lower_at(&self, k: usize) -> &str {
        self.lowers.get(k).map_or("", |w| w)
    }

    /// A person mention that starts at block offset `start`.
    fn person_at(&self, t: &Tok<'_>) -> Option<PersonAt> {
        let abs = self.base + t.start;
        let i = self.people.partition_point(|p| p.start < abs);
        self.people
            .get(i)
            .filter(|p| p.start == abs)
            .copied()
            .or_else(|| {
                // A mention that covers this word ("Karen Bass" at "Bass").
                let j = self.people.partition_point(|p| p.start <= abs);
                j.checked_sub(1)
                    .and_then(|j| self.people.get(j))
                    .filter(|p| p.end >= self.base + t.end)
                    .copied()
            })
    }

    /// A person, a pronoun resolved to one, or "the <title>" at token `k`.
    /// A mention followed by an apostrophe is a possessive ("Lund’s
    /// criticism", "Bass’s spokesman"): its person owns the subject, it is
    /// not the subject.
    fn possessive(&self, p: &PersonAt) -> bool {
        p.end
            .checked_sub(self.base)
            .and_then(|rel| self.text.get(rel..))
            .is_some_and(|rest| rest.starts_with(['\'', '\u{2019}']))
    }

    fn subject_at(&self, k: usize) -> Option<PersonAt> {
        let t = self.toks.get(k)?;
        if let Some(p) = self.person_at(t) {
            return Some(p);
        }
        match self.lower_at(k) {
            "he" | "she" => self.resolve_pronoun(t),
            w => self.resolve_title(k, w),
        }
    }

    /// The most recent person named before `t`, in this block or the one
    /// before it in the same part.
    fn resolve_pronoun(&self, t: &Tok<'_>) -> Option<PersonAt> {
        let abs = self.base + t.start;
        let lower_bound = self
            .block
            .checked_sub(1)
            .and_then(|b| self.blocks.get(b))
            .filter(|b| {
                let here = self.blocks.get(self.block).map(|x| x.part);
                here.is_some_and(|h| same_part_group(h, b.part))
            })
            .map_or(self.base, |b| b.span.start);
        let i = self.people.partition_point(|p| p.start < abs);
        let p = self.people.get(i.checked_sub(1)?)?;
        (p.start >= lower_bound).then_some(PersonAt {
            start: abs,
            end: self.base + t.end,
            entity: p.entity,
        })
    }

    /// "the mayor said", "the council president said": the only person
    /// with that title.
    fn resolve_title(&self, k: usize, w: &str) -> Option<PersonAt> {
        let t = self.toks.get(k)?;
        let mut prev = self.toks.get(k.checked_sub(1)?)?;
        if t.cap {
            return None;
        }
        let mut title = canonical_title(w);
        if self.lower_at(k - 1) != "the" {
            // One lower-case qualifier: "the council president".
            let the = self.toks.get(k.checked_sub(2)?)?;
            if prev.cap || self.lower_at(k - 2) != "the" || prev.sentence != t.sentence {
                return None;
            }
            title = format!("{} {title}", self.lower_at(k - 1));
            prev = the;
        }
        let holders = self.holders.get_or_init(|| title_holders(self.entities));
        let [entity] = holders.get(title.as_str())?.as_slice() else {
            return None;
        };
        Some(PersonAt {
            start: self.base + prev.start,
            end: self.base + t.end,
            entity: *entity,
        })
    }
}

/// For every office a current title of a person names (see [`holds`]), the
/// people who hold it, each once, in entity order: looked up per attributed
/// quote instead of scanning every entity.
fn title_holders(entities: &[Entity]) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        for x in e.titles.iter().filter(|x| !x.former) {
            let head = x.text.split(" of ").next().unwrap_or(&x.text);
            let offices = std::iter::once(head).chain(
                head.match_indices(' ')
                    .map(|(i, _)| (head.get(..i).unwrap_or(""), head.get(i + 1..).unwrap_or("")))
                    .filter(|(q, _)| !q.split(' ').any(|w| EXCLUDED_QUALIFIERS.contains(&w)))
                    .map(|(_, office)| office),
            );
            for office in offices {
                let ids = map.entry(office.to_string()).or_default();
                if ids.last() != Some(&e.id) {
                    ids.push(e.id);
                }
            }
        }
    }
    map
}

/// Qualifiers that make a title another office: a vice president is not
/// the president.
const EXCLUDED_QUALIFIERS: [&str; 4] = ["vice", "deputy", "assistant", "lieutenant"];

/// A title names the office `title` (what [`title_holders`] indexes): "council president" and "president of
/// the union" are presidents; "vice president" is not.
#[cfg(test)]
fn holds(full: &str, title: &str) -> bool {
    let head = full.split(" of ").next().unwrap_or(full);
    head == title
        || head
            .strip_suffix(title)
            .and_then(|q| q.strip_suffix(' '))
            .is_some_and(|q| !q.split(' ').any(|w| EXCLUDED_QUALIFIERS.contains(&w)))
}

/// Blocks whose pronouns may refer to the block before them.
fn same_part_group(a: Part, b: Part) -> bool {
    a == b || (a.is_body() && b.is_body())
}

/// Words on either side of a quote that attribution looks at, at most: far
/// more than any sentence holds, and a bound that keeps a paragraph of
/// thousands of quotes in one "sentence" linear.
const ATTRIBUTION_WINDOW: usize = 100;

fn attribute(cx: &AttrCx<'_, '_>) -> Option<PersonAt> {
    let (cs, ce) = cx.ctx;
    // Words are in order and never overlap: the words inside the context
    // are one run, cut to the window around the quote.
    let lo = cx.toks.partition_point(|t| t.start < cs);
    let hi = cx.toks.partition_point(|t| t.end <= ce).max(lo);
    let at = cx
        .toks
        .partition_point(|t| t.start < cx.quote.0)
        .clamp(lo, hi);
    let lo = lo.max(at.saturating_sub(ATTRIBUTION_WINDOW));
    let hi = hi.min(at.saturating_add(ATTRIBUTION_WINDOW)).max(lo);
    let idx: Vec<usize> = (lo..hi).collect();
    if idx.is_empty() {
        return None;
    }
    // "according to X".
    for w in idx.windows(2) {
        if cx.lower_at(w[0]) == "according" && cx.lower_at(w[1]) == "to" {
            for k in w[1] + 1..(w[1] + 4).min(cx.toks.len()) {
                if let Some(p) = cx.toks.get(k).and_then(|t| cx.person_at(t)) {
                    return Some(p);
                }
            }
        }
    }
    // "X: “…”" at the start of a sentence.
    let before_quote: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&k| cx.toks[k].end <= cx.quote.0)
        .collect();
    if let Some(&last) = before_quote.last() {
        let gap = cx.text.get(cx.toks[last].end..cx.quote.0).unwrap_or("");
        if gap.trim() == ":" && before_quote.len() <= 5 {
            if let Some(p) = cx.person_at(cx.toks[last]) {
                return Some(p);
            }
        }
    }
    // The speech verb nearest the quote, and its subject.
    let mut verbs: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&k| is_speech_verb(cx.lower_at(k)))
        .collect();
    let dist = |k: usize| {
        let t = cx.toks[k];
        if t.end <= cx.quote.0 {
            cx.quote.0 - t.end
        } else {
            t.start.saturating_sub(cx.quote.1)
        }
    };
    verbs.sort_by_key(|&k| dist(k));
    for v in verbs {
        if let Some(p) = subject_before(cx, v).or_else(|| subject_after(cx, v)) {
            return Some(p);
        }
    }
    None
}

/// The nearest person (or pronoun) before the verb, in the same sentence
/// and within 15 words.
fn subject_before(cx: &AttrCx<'_, '_>, v: usize) -> Option<PersonAt> {
    let sentence = cx.toks[v].sentence;
    let lo = v.saturating_sub(15);
    (lo..v)
        .rev()
        .take_while(|&k| cx.toks[k].sentence == sentence)
        .find_map(|k| cx.subject_at(k).filter(|p| !cx.possessive(p)))
}

/// "said Karen Bass", "said Mayor Bass", "said union president Marcus
/// Boone", "said School Board President Hector Salinas": a person within
/// three words after the verb, or further on across capitalised title words.
fn subject_after(cx: &AttrCx<'_, '_>, v: usize) -> Option<PersonAt> {
    let sentence = cx.toks[v].sentence;
    (v + 1..(v + 7).min(cx.toks.len()))
        .take_while(|&k| cx.toks[k].sentence == sentence && (k < v + 4 || cx.toks[k].cap))
        .find_map(|k| cx.person_at(cx.toks[k]).filter(|p| !cx.possessive(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::person::Title;

    fn person(id: usize, titles: &[(&str, bool)]) -> Entity {
        Entity {
            id,
            kind: EntityKind::Person,
            name: format!("Person {id}"),
            titles: titles
                .iter()
                .map(|&(text, former)| Title {
                    text: text.to_string(),
                    span: Span::default(),
                    part: Part::Lede,
                    former,
                    acting: false,
                })
                .collect(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn title_holders_are_the_people_whose_titles_hold_the_office() {
        let entities = vec![
            person(0, &[("mayor", false), ("council president", true)]),
            person(1, &[("vice president of the union", false)]),
            person(
                2,
                &[("president of the union", false), ("police chief", false)],
            ),
            person(
                3,
                &[("assistant police chief", false), ("mayor of bell", false)],
            ),
            person(
                4,
                &[
                    ("senior deputy city attorney", false),
                    ("city attorney", false),
                ],
            ),
        ];
        let holders = title_holders(&entities);
        for office in [
            "mayor",
            "president",
            "vice president",
            "council president",
            "chief",
            "police chief",
            "attorney",
            "city attorney",
            "deputy city attorney",
            "union",
            "",
        ] {
            let expected: Vec<usize> = entities
                .iter()
                .filter(|e| e.titles.iter().any(|x| !x.former && holds(&x.text, office)))
                .map(|e| e.id)
                .collect();
            let got = holders.get(office).cloned().unwrap_or_default();
            assert_eq!(got, expected, "{office:?}");
        }
    }
}
